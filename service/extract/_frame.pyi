"""The frame of a page's teasers, read in C (``_frame.pyx``)."""

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from selectolax.lexbor import LexborNode

from service.extract._paths import Paths
from service.extract._tree import Selectors
from service.extract.teaser_tokens import Tokens

_T = TypeVar("_T")

class OwnTexts:
    def __init__(
        self, limit: int, blank: str, *, pairs: Iterable[str], leads: Iterable[str]
    ) -> None: ...
    def of(self, block: LexborNode, items: set[int], depth: int) -> list[str]: ...

def holders(nodes: list[LexborNode], levels: int) -> set[int]: ...
def sibling_counts(nodes: list[LexborNode]) -> list[int]: ...

class FewWords:
    def __init__(self, words: int, spaces: str) -> None: ...
    def of(self, links: list[LexborNode]) -> list[LexborNode]: ...

class HeadingBefore:
    def __init__(
        self,
        *,
        labels: Labels,
        count: int,
        hidden_tags: Iterable[str],
        hiding_attributes: Iterable[str],
        list_tags: Iterable[str],
        plain_tags: Iterable[str],
        plain_elements: int,
        is_hidden: Callable[[LexborNode], bool],
        is_short: Callable[[LexborNode], bool],
        subheadings: Selectors,
        list_label: Callable[[LexborNode, LexborNode, set[int], Tokens], str | None],
        plain_label: Callable[[LexborNode, set[int]], str | None],
    ) -> None: ...
    def of(
        self, node: LexborNode, items: set[int], holders: set[int], tokens: Tokens
    ) -> tuple[LexborNode, str] | None: ...

class BlockFinder:
    def __init__(
        self,
        *,
        before: HeadingBefore,
        labels: Labels,
        stop_tags: Iterable[str],
        heading_tags: Iterable[str],
        label_tags: Iterable[str],
        depth: int,
        wrappers: int,
        max_chars: int,
        subheadings: Selectors,
        normalize: Callable[[str], str],
    ) -> None: ...
    def of(
        self, item: LexborNode, items: set[int], holders: set[int], tokens: Tokens
    ) -> tuple[LexborNode | None, str | None, LexborNode | None]: ...

class Labels:
    def __init__(
        self,
        *,
        always: Iterable[str],
        titled_tags: Iterable[str],
        rows: Iterable[str],
        bold: Iterable[str],
        lines: Iterable[str],
        inside: Iterable[str],
        bold_tags: Iterable[str],
        inline: Iterable[str],
        headings: Iterable[str],
        cells: Iterable[str],
        links: Iterable[str],
        title_parts: Iterable[str],
        titled: Callable[[LexborNode, Tokens], bool],
        title_inside: Selectors,
        spaces: str,
        normalize: Callable[[str], str],
        trim: Callable[[str], str],
        max_chars: int,
    ) -> None: ...
    def of(self, element: LexborNode, tokens: Tokens, line: bool = False) -> str | None: ...
    def text(self, element: LexborNode) -> str | None: ...

class BodyCounts:
    def __init__(
        self,
        *,
        paragraph_tags: Iterable[str],
        is_body_paragraph: Callable[[LexborNode], bool],
        may_hold_body_run: Callable[[LexborNode], bool],
        is_body_run: Callable[[str], bool],
        run_bytes: int,
    ) -> None: ...
    def of(self, parent: LexborNode, items: set[int]) -> tuple[int, int]: ...

class InlinePromos:
    def __init__(
        self,
        *,
        counts: BodyCounts,
        inline_tags: Iterable[str],
        line_break: str,
        spaces: str,
        label_pairs: Iterable[str],
        label_leads: Iterable[str],
        label: Callable[[str], re.Match[str] | None],
        nav: Callable[[str], re.Match[str] | None],
        normalize: Callable[[str], str],
        word_count: Callable[[str], int],
        separators: Iterable[str],
        head_bytes: int,
        opening_bytes: int,
        label_reach: int,
        max_lead_in_words: int,
        min_inline_words: int,
    ) -> None: ...
    def of(self, item: object, paragraphs: dict[int, tuple[int, int]], items: set[int]) -> bool: ...
    def labelled(self, text: str, title: str) -> bool: ...
    def text(self, element: LexborNode) -> str | None: ...

class Removal:
    def __init__(
        self,
        *,
        max_extra_chars: int,
        stop_tags: Iterable[str],
        spaces: str,
        text_length: Callable[[LexborNode], int],
    ) -> None: ...
    def of(self, kept: Sequence[object]) -> tuple[list[LexborNode], int]: ...

class Assembly(Generic[_T]):
    def __init__(
        self,
        *,
        removal: Removal,
        make: Callable[..., _T],
        normalize: Callable[[str, str], str | None],
        url_key: Callable[[str], str],
        better: Callable[[Any, Any], bool],
        truncated: Callable[[str], bool],
    ) -> None: ...
    def of(
        self, kept: list[Any], page_url: str, read: Callable[[str], str | None]
    ) -> tuple[tuple[_T, ...], tuple[LexborNode, ...], int]: ...

class MenuEntries:
    def __init__(
        self,
        *,
        entry_depth: int,
        submenu_depth: int,
        flat_depth: int,
        min_links: int,
        min_share: float,
        max_prose_share: float,
        stop_tags: Iterable[str],
        headline_words: int,
        spaces: str,
        word_count: Callable[[str], int],
        target: Callable[[str, str, str], str | None],
        paths: Paths,
        text_length: Callable[[LexborNode], int],
    ) -> None: ...
    def of(
        self, node: LexborNode, url: str, title: str, shown_date: bool, page: object
    ) -> bool: ...

class TeaserTests:
    def __init__(
        self,
        *,
        hidden: int,
        menu: int,
        footer: int,
        legal_words: int,
        date_chars: int,
        headline_words: int,
        menu_headline_words: int,
        card: int,
        paths: Paths,
        legal: Callable[[str], object],
        is_date: Callable[[str], bool],
        shows_story: Callable[[LexborNode, Any, int, Any, Any], bool],
        menus: MenuEntries,
        topic_chip: Callable[[Any, Any], bool],
    ) -> None: ...
    def of(self, item: Any, region: int, siblings: int, page: Any) -> bool: ...
