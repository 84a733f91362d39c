"""The walk of a teaser item's subtree in C (``_fields.pyx``)."""

from collections.abc import Callable, Iterable
from typing import Any

from selectolax.lexbor import LexborNode

KEEP: int
FLUSH: int
LEAD_IN: int

class ItemText:
    segments: list[str]
    paid: bool
    date: str | None
    image: str | None
    background: str | None
    meta_parts: list[LexborNode]
    lead_in: int
    def __init__(self) -> None: ...

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
        headline: Callable[[str, LexborNode], int],
        media: Callable[[LexborNode, Any], None],
        style: Callable[[Any, str], bool],
        paid: Callable[[Any, LexborNode], None],
        date_parts: tuple[str, ...],
        sponsored_pairs: Iterable[str],
        space_leads: Iterable[str],
        max_label_chars: int,
        sponsored_label: Callable[[str], object],
        rank: Callable[[str], bool],
        images: Iterable[str],
        pictures: Iterable[str],
        picture_parts: Iterable[str],
        item_images: Iterable[str],
        picture_only: Iterable[str],
        image_attributes: tuple[str, ...],
        unusable: tuple[str, ...],
        first_candidate: tuple[str, ...],
        placeholder_words: tuple[str, ...],
        placeholder: Callable[[str], object],
        image: Callable[[str, str], str | None],
        background: Callable[[str], str | None],
    ) -> None: ...
    def read(
        self,
        root: LexborNode,
        skip: LexborNode | None,
        out: ItemText,
        tokens: Any,
        with_image: bool = ...,
        apart: LexborNode | None = ...,
    ) -> None: ...

class ItemLines:
    def __init__(
        self,
        *,
        find: Callable[[str], int],
        nav_bit: int,
        price_bit: int,
        read_more_bit: int,
        folds_bit: int,
        sponsored_pairs: Iterable[str],
        byline_pairs: Iterable[str],
        label_pairs: Iterable[str],
        space_leads: Iterable[str],
        label_leads: Iterable[str],
        max_label_chars: int,
        max_price_chars: int,
        max_date_chars: int,
        max_meta_chars: int,
        min_words: int,
        label_separators: str,
        meta_marks: str,
        snippet_starts: str,
        sponsored: Callable[[str], object],
        price: Callable[[str], bool],
        nav: Callable[[str], object],
        byline: Callable[[str], object],
        byline_date: Callable[[Any, str], str | None],
        cut: Callable[[str], str],
        moment: Callable[[Any, str], str | None],
        between: Callable[[Any, str], str | None],
        bare: Callable[[str], object],
        unlabel: Callable[[str], str],
        unseparate: Callable[[str], str],
        snippet: Callable[[str, str], bool],
    ) -> None: ...
    def read(
        self,
        lines: list[str],
        lead_in: int,
        title: str,
        times: Any,
        timed: bool,
        date: str | None,
        paid: bool,
    ) -> tuple[list[str], str | None, bool, bool, str | None]: ...

class ItemReader:
    def __init__(
        self,
        *,
        walk: ItemWalk,
        lines: ItemLines,
        records: Any,
        tail: tuple[object, ...],
        headings: Iterable[str],
        time_tag: str,
        max_date_chars: int,
        max_meta_chars: int,
        meta_marks: str,
        min_words: int,
        meta_line: Callable[[str], bool],
        time_in: Callable[[Any, str], str | None],
        is_date: Callable[[Any, str], bool],
        is_time_line: Callable[[Any, str], bool],
        between: Callable[[Any, str], str | None],
        names_length: Callable[[LexborNode, Any], bool],
        bare: Callable[[str], object],
        plays_media: Callable[[LexborNode, Any, Any, str], bool],
        word_count: Callable[[str], int],
    ) -> None: ...
    def read(
        self, node: LexborNode, link: Any, page: Any, apart: LexborNode | None = ...
    ) -> Any: ...

def text_opening(node: LexborNode, length: int) -> tuple[str, bool] | None: ...
