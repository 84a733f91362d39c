"""Class/id kinds and a teaser item's surroundings, read in C (``_items.pyx``)."""

from collections.abc import Callable, Iterable

from selectolax.lexbor import LexborNode

HIDDEN: int
MENU: int
HEADER: int
FOOTER: int
ARTICLE: int
EXCLUDED: int
PAID: int
AD_SLOT: int

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
    ) -> None: ...
    def flags(self, page: PageFacts, node: LexborNode) -> int: ...
    def marks(self, page: PageFacts, node: LexborNode, levels: int, ad_slot_levels: int) -> int: ...
