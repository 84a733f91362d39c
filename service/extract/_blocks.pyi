"""The walk of the body's container in C (``_blocks.pyx``)."""

from collections.abc import Callable, Collection, Mapping
from typing import Any

from selectolax.lexbor import LexborNode

from service.extract._captions import Captions
from service.extract._emit import Emitter

class CharCount:
    def __init__(self, spaces: str, chars: Callable[[str], int]) -> None: ...
    def text(self, node: LexborNode) -> int: ...
    def links(self, node: LexborNode) -> int: ...
    def finals(
        self, ranked: list[int], score: dict[int, float], nodes: dict[int, LexborNode], share: float
    ) -> list[tuple[LexborNode, float]]: ...

class Members:
    def __init__(
        self,
        *,
        count: CharCount,
        inline: Collection[str],
        top: Collection[str],
        story_headings: Collection[str],
        short_chars: int,
        short_density: float,
        max_levels: int,
    ) -> None: ...
    def run_parts(
        self, best: LexborNode, threshold: float, scores: Any
    ) -> tuple[list[LexborNode], list[tuple[int, LexborNode, LexborNode, float]]]: ...
    def members(
        self, best: LexborNode, threshold: float, scores: Any
    ) -> list[LexborNode] | None: ...
    def opening(self, first: LexborNode) -> LexborNode | None: ...

class BlockWalk:
    def __init__(
        self,
        *,
        inline: Collection[str],
        labels: Collection[str],
        leaves: Mapping[str, str],
        wrapping: Mapping[str, str],
        breaks: Collection[str],
        note_holders: Collection[str],
        lists: Collection[str],
        wrappers: Collection[str],
        through_blocks: Collection[str],
        pictures: Collection[str],
        skip_names: tuple[bytes, ...],
        count: CharCount,
        max_mark_chars: int,
        max_parted_depth: int,
        wraps_a_sentence: Callable[[list[str], int, LexborNode], bool],
        is_note: Callable[[LexborNode], bool],
        is_inline_custom: Callable[[LexborNode], bool],
        box_above: Callable[[LexborNode, int], int],
        is_row: Callable[[LexborNode], bool],
        note_mark: Callable[[LexborNode, str], LexborNode | None],
        captions: Captions,
        emitter: Emitter,
        skip_exceptions: Collection[bytes] = ...,
    ) -> None: ...
    def read(
        self,
        reader: Any,
        container: LexborNode,
        start: LexborNode | None,
        stop: LexborNode | None,
    ) -> None: ...

class Ballot:
    def __init__(
        self,
        *,
        headings: Collection[str],
        bold: Collection[str],
        is_promo_heading: Callable[[str], bool],
        is_bold_line: Callable[[LexborNode], bool],
        muted: Collection[str],
        leaf_blocks: Collection[str],
        inline: Collection[str],
        container_runs: int,
        min_chars: int,
        chars_per_point: float,
        max_length_points: float,
        wide_commas: Collection[str],
        shares: Collection[float],
        top: int,
        is_chrome_text: Callable[[str], bool],
        chrome_gate: Collection[str],
        tag_weights: Mapping[str, float],
        negative: tuple[Collection[str], float],
        strong: tuple[Collection[str], float],
        weak: tuple[Collection[str], float],
        item_body: tuple[str, float],
        name_exceptions: Collection[str] = ...,
    ) -> None: ...
    def vote(
        self, voters: list[LexborNode], holders: list[LexborNode], scores: Any, seen: set[int]
    ) -> None: ...

class SignedItems:
    def __init__(
        self,
        *,
        not_name: Collection[str],
        max_chars: int,
        length: Callable[[LexborNode, bool], int],
        opening: Callable[[list[LexborNode]], int],
    ) -> None: ...
    def items(self, holder: LexborNode, scores: Any) -> list[LexborNode]: ...
    def text_at(self, item: LexborNode) -> int: ...

def wrapped(best: LexborNode, scores: Any) -> tuple[LexborNode, ...]: ...

class Refinement:
    def __init__(
        self,
        *,
        stops: Collection[str],
        levels: int,
        posts: str,
        per_part: int,
        headlines: Collection[str],
        texts: Collection[str],
    ) -> None: ...
    def ancestor(self, best: LexborNode, rivals: list[LexborNode]) -> LexborNode: ...
    def may_have_parts(
        self,
        best: LexborNode,
        wanted: str,
        score: dict[int, float],
        nodes: dict[int, LexborNode],
        least: float,
    ) -> bool: ...
    def opening(self, entry: LexborNode) -> tuple[LexborNode, LexborNode, bool] | None: ...
