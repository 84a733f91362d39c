"""The lead's search for its blocks in C (``_lead.pyx``)."""

from collections.abc import Callable, Collection

from selectolax.lexbor import LexborNode

class LeadWalk:
    def __init__(
        self,
        *,
        lists: Collection[str],
        boxes: Collection[str],
        headings: Collection[str],
        pruned: Collection[str],
        leaf: Collection[str],
        is_key_points: Callable[[LexborNode], bool],
        boxed_key_points: Callable[[LexborNode], LexborNode | None],
        names_excluded: Callable[[str, int], bool],
    ) -> None: ...
    def blocks(
        self, scope: LexborNode, first: LexborNode | None, headline: LexborNode, excluded: int
    ) -> list[LexborNode]: ...
