"""Cleaning in C (``_cleaning.pyx``)."""

from collections.abc import Callable

from selectolax.lexbor import LexborNode

class Cleaning:
    def __init__(
        self,
        *,
        invisible: frozenset[int],
        noscript: str,
        button: str,
        fallback: str,
        images: tuple[str, ...],
        hiding: str,
        reader: str,
        spaces: str,
        structure: frozenset[str],
        label_bytes: int,
        marks: str,
        chrome: str,
        headline: str,
    ) -> None: ...
    def clean(
        self,
        root: LexborNode,
        body: LexborNode | None,
        folds: Callable[[list[LexborNode]], tuple[set[str], set[int]]],
        look: bool = False,
    ) -> tuple[list[LexborNode], bool, int, LexborNode | None, list[LexborNode]]: ...
