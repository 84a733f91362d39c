"""The walk of a teaser item's subtree in C (``_fields.pyx``)."""

from collections.abc import Callable, Iterable
from typing import Any

from selectolax.lexbor import LexborNode

KEEP: int
FLUSH: int
LEAD_IN: int

class ItemWalk:
    def __init__(
        self,
        *,
        skip: Iterable[str],
        media_tags: Iterable[str],
        inline: Iterable[str],
        max_depth: int,
        plain: str,
        spaces: str,
        rank_marks: str,
        sponsored: int,
        meta: int,
        clean: Callable[[str], str],
        tokens: Callable[[str], tuple[tuple[frozenset[str], str], int]],
        headline: Callable[[str, LexborNode], int],
        media: Callable[[LexborNode, Any], None],
        style: Callable[[Any, str], bool],
        paid: Callable[[Any, LexborNode], None],
        meta_part: Callable[[Any, LexborNode, frozenset[str]], None],
        rank: Callable[[str], bool],
        images: Iterable[str],
        pictures: Iterable[str],
        picture_parts: Iterable[str],
        item_images: Iterable[str],
        picture_only: Iterable[str],
        image_attributes: tuple[str, ...],
        unusable: tuple[str, ...],
        image: Callable[[str, str], str | None],
        background: Callable[[str], str | None],
    ) -> None: ...
    def read(
        self,
        root: LexborNode,
        skip: LexborNode | None,
        out: Any,
        found: dict[int, tuple[tuple[frozenset[str], str], int]],
        with_image: bool = ...,
    ) -> None: ...

def text_opening(node: LexborNode, length: int) -> tuple[str, bool] | None: ...
