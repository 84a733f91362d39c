"""Class/id kinds and a teaser item's surroundings, read in C (``_items.pyx``)."""

from collections.abc import Callable, Iterable
from typing import TypeVar

from selectolax.lexbor import LexborNode

_Link = TypeVar("_Link")  # a headline link (``teaser_items.Link``)

HIDDEN: int
MENU: int
HEADER: int
FOOTER: int
ARTICLE: int
EXCLUDED: int
PAID: int
AD_SLOT: int
MARKS_SHIFT: int
PAID_LINK: int

class TokenKinds:
    def __init__(self, short: dict[str, int], long: dict[str, int]) -> None: ...

class PageFacts:
    def __init__(self, table: TokenKinds, beyond_ascii: Callable[[LexborNode], int]) -> None: ...
    def kinds(self, node: LexborNode) -> int: ...

class Surroundings:
    def __init__(
        self,
        *,
        top_tags: Iterable[str],
        hidden_tags: Iterable[str],
        hidden_attributes: Iterable[str],
        is_hidden: Callable[[LexborNode], bool],
        clone: int,
        menu_tags: Iterable[str],
        menu_roles: Iterable[str],
        menu: int,
        story_list_attribute: str,
        names_story_list: Callable[[LexborNode], bool],
        header_tags: Iterable[str],
        header_roles: Iterable[str],
        footer_tags: Iterable[str],
        footer_roles: Iterable[str],
        footer: int,
        article_tags: Iterable[str],
        marks: bytes,
        paid_rel: str,
    ) -> None: ...
    def flags(self, page: PageFacts, node: LexborNode) -> int: ...
    def marks(self, page: PageFacts, node: LexborNode, levels: int, ad_slot_levels: int) -> int: ...
    def regions(
        self,
        page: PageFacts,
        items: list[LexborNode],
        links: list[LexborNode],
        levels: int,
        ad_slot_levels: int,
    ) -> list[int]: ...

class SharedAncestors:
    def __contains__(self, mem_id: object) -> bool: ...
    def members(self) -> set[int]: ...

class Climbs:
    def __init__(
        self,
        *,
        stop_tags: Iterable[str],
        depth: int,
        extra_chars: int,
        spaces: str,
        heading_tags: Iterable[str],
        list_tags: Iterable[str],
        holds_links: Callable[[LexborNode, int], bool],
        paragraph_tags: Iterable[str],
        is_body_paragraph: Callable[[LexborNode], bool],
        may_hold_body_run: Callable[[LexborNode], bool],
        is_body_run: Callable[[str], bool],
        run_bytes: int,
        text_chars: Callable[[LexborNode], int],
        folded_over: Callable[[LexborNode, int], bool],
        sibling_counts: Callable[[list[LexborNode]], list[int]],
    ) -> None: ...
    def shared(self, links: list[_Link]) -> SharedAncestors: ...
    def item(
        self,
        page: PageFacts,
        shared: SharedAncestors,
        link: LexborNode,
        start: LexborNode,
        holders: set[int],
    ) -> LexborNode: ...
    def items(
        self,
        page: PageFacts,
        links: list[_Link],
        holders: set[int],
        better: Callable[[_Link, _Link], bool],
        shows_story: Callable[[LexborNode, _Link, int], bool] | None = None,
    ) -> dict[int, tuple[LexborNode, _Link]]: ...
