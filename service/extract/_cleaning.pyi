"""Cleaning's walk in C (``_cleaning.pyx``)."""

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
    ) -> None: ...
    def find(
        self, root: LexborNode
    ) -> tuple[list[LexborNode], list[LexborNode], list[LexborNode], list[LexborNode]]: ...
