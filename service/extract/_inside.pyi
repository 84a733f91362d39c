"""What a link holds and the heading it stands in, in C (``_inside.pyx``)."""

from collections.abc import Callable, Iterable

from selectolax.lexbor import LexborNode

HEADING: int
MARKUP: int
TITLE: int

class Inside:
    @property
    def flags(self) -> int: ...
    @property
    def heading(self) -> str | None: ...
    @property
    def headline(self) -> LexborNode | None: ...
    @property
    def level(self) -> str | None: ...

class InsideWalk:
    def __init__(
        self,
        *,
        headings: Iterable[str],
        markup: Iterable[str],
        inline: Iterable[str],
        bold: Iterable[str],
        line: str,
        spaces: str,
        rank_marks: str,
        titles: tuple[tuple[str, str], ...],
        rank: Callable[[str], bool],
        bold_line: str,
        levels: int,
    ) -> None: ...
    def read(self, link: LexborNode) -> Inside: ...
