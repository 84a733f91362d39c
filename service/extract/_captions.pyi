"""A picture's caption known without class names, in C (``_captions.pyx``)."""

from collections.abc import Callable, Collection

from selectolax.lexbor import LexborNode

class Captions:
    def __init__(
        self,
        *,
        inline: Collection[str],
        leaves: Collection[str],
        holders: Collection[str],
        headings: Collection[str],
        pictures: Collection[str],
        spaces: str,
        max_chars: int,
        max_credited_chars: int,
        max_credited_runs: int,
        levels: int,
        max_skipped: int,
        credited: Callable[[LexborNode, bool], bool],
        chars: Callable[[str], int],
    ) -> None: ...
    def of(self, picture: LexborNode, top: LexborNode | None = None) -> LexborNode | None: ...
    def is_caption(self, node: LexborNode) -> bool: ...
