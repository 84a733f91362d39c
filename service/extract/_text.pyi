"""Text helpers in C (``_text.pyx``)."""

from collections.abc import Callable, Iterable

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

def title_key(text: str) -> str: ...

class SiteNameStrip:
    def __init__(
        self,
        *,
        separators: tuple[str, ...],
        prefix_only: str,
        unnamed_separators: tuple[str, ...],
        max_strips: int,
        section_max_words: int,
        unnamed_max_words: int,
        slack_chars: int,
        min_prefix_chars: int,
        max_title_chars: int,
    ) -> None: ...
    def keys(self, names: Iterable[str]) -> frozenset[str]: ...
    def strip(self, title: str, declared: frozenset[str], hosts: frozenset[str]) -> str: ...
    def candidates(
        self, candidates: Iterable[str], site_names: Iterable[str], host_names: Iterable[str]
    ) -> tuple[list[str], list[str], list[str]]: ...
