"""A headline link's title and its word count, read in C (``_title.pyx``)."""

from collections.abc import Callable, Iterable
from re import Match, Pattern
from typing import Any

from selectolax.lexbor import LexborNode

from service.extract._inside import Inside

class TitleReader:
    def __init__(
        self,
        *,
        markup: int,
        inline: Iterable[str],
        spaces: str,
        kicker: Callable[[str], Match[str] | None],
        normalize: Callable[[str], str],
        read: Callable[[LexborNode, None, Any, bool], Any],
        count: Callable[[str], int],
        dated: Callable[[str], bool],
        separators: str,
        prefix_starts: str,
        opener: Callable[[str], Match[str] | None],
        label_chars: int,
        label_pairs: Iterable[str],
        prefixes: tuple[Pattern[str], ...],
    ) -> None: ...
    def read(
        self, headline: LexborNode, inside: Inside, tokens: Any, text: str
    ) -> tuple[str, int]: ...
    def clean(self, text: str) -> str: ...

class TitleTests:
    def __init__(
        self,
        *,
        find: Callable[[str], int],
        nav_bit: int,
        call_bit: int,
        price_bit: int,
        folds_bit: int,
        nav: Callable[[str], Match[str] | None],
        call_plain: Callable[[str], Match[str] | None],
        call_caseless: Callable[[str], Match[str] | None],
        price_cased: tuple[str, ...],
        price_marks: str,
        price: Callable[[str], Match[str] | None],
        embed_starts: tuple[str, ...],
        embed: Callable[[str], Match[str] | None],
    ) -> None: ...
    def rejects(self, title: str) -> bool: ...
