"""Text helpers in C (``_text.pyx``)."""

from collections.abc import Callable

def fold(text: str) -> str: ...

class WordCount:
    def __init__(
        self,
        *,
        most_words: int,
        counted_chars: int,
        most_counted_words: int,
        cjk: tuple[tuple[int, int], ...],
        cjk_chars_per_word: int,
        unspaced: tuple[tuple[int, int], ...],
        unspaced_chars_per_word: int,
    ) -> None: ...
    def count(self, text: str) -> int: ...
    def spaced(self, text: str) -> int: ...
    def openings(self, text: str) -> tuple[int, int, int, int]: ...

def nfc_stable(code: int) -> bool: ...

class Normalizer:
    def __init__(
        self,
        *,
        invisible: tuple[tuple[int, int], ...],
        edges: str,
        nfc: Callable[[str], str],
    ) -> None: ...
    def normalize(self, text: str) -> str: ...
