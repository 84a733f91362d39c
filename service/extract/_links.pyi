"""The first reading of a page's links for headlines and the sentence around a link, in C
(``_links.pyx``)."""

from collections.abc import Callable

from selectolax.lexbor import LexborNode

from service.extract._inside import InsideWalk
from service.extract._items import PageFacts
from service.extract._paths import Paths
from service.extract._records import Records
from service.extract._title import TitleReader, TitleTests
from service.extract.teaser_items import Link, Page

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
        max_links: int,
    ) -> None: ...
    def within(
        self,
        link: LexborNode,
        chars: int,
        texts: dict[int, str | tuple[str] | None],
        facts: PageFacts,
    ) -> bool: ...

class HeadlineLinks:
    def __init__(
        self,
        *,
        scan: LinkScan,
        running: RunningText,
        paths: Paths,
        inside: InsideWalk,
        title: TitleReader,
        tests: TitleTests,
        records: Records[Link],
        word_count: Callable[[str], int],
        stretched_card: Callable[[LexborNode, LexborNode, Page], Link | None],
        stretched_bold: Callable[[LexborNode, Page], Link | None],
        stretched_depth: int,
        stop_tags: tuple[str, ...],
        heads_story_card: Callable[[LexborNode, str], bool],
        jumps_within: Callable[[LexborNode, str, str, Page], bool],
        shares_page: Callable[[str, str, Page], bool],
        text_beside: Callable[[LexborNode, str, Page], bool],
        top: str,
        bold_line: str,
        meta: int,
        fewest_words: int,
        heading_words: int,
        headline_words: int,
        running_chars: int,
    ) -> None: ...
    def find(self, root: LexborNode, page: Page) -> list[Link]: ...

def link_target(href: str, origin: str, base: str) -> str | None: ...
