"""The first reading of a page's links for headlines and the sentence around a link, in C
(``_links.pyx``)."""

from collections.abc import Callable

from selectolax.lexbor import LexborNode

from service.extract._items import PageFacts

class LinkScan:
    def __init__(
        self,
        spaces: str,
        headings: tuple[str, ...],
        images: tuple[str, ...],
        inline: tuple[str, ...],
        holder_depth: int,
        fewest_words: int,
        most_words: int,
        counted_chars: int,
        story_words: int,
        story_path_chars: int,
        slug_joiners: int,
    ) -> None: ...
    def scan(
        self, root: LexborNode, holders: set[int]
    ) -> tuple[list[str], list[tuple[LexborNode, str, int, str]]]: ...
    def alone(self, link: LexborNode) -> bool: ...

class RunningText:
    def __init__(
        self,
        spaces: str,
        inline: tuple[str, ...],
        blocks_in_link: tuple[str, ...],
        unworded: tuple[str, ...],
        meta: int,
        sentence_end: str,
        closing_marks: str,
        separator_starts: str,
        is_date: Callable[[str], bool],
        long_enough: Callable[[list[str], list[str], int], bool],
        short_sentence: Callable[[str, str, bool], bool],
        snippet_apart: Callable[[list[str], list[str], LexborNode], bool],
    ) -> None: ...
    def within(
        self,
        link: LexborNode,
        chars: int,
        texts: dict[int, str | tuple[str] | None],
        facts: PageFacts,
    ) -> bool: ...

def link_target(href: str, origin: str, base: str) -> str | None: ...
