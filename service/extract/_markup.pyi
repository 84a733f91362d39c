"""The markup metadata is read from, gathered in one walk in C (``_markup.pyx``)."""

from collections.abc import Callable

from selectolax.lexbor import LexborNode

class Metas:
    metas: dict[str, list[str]]
    def all(self, keys: tuple[str, ...]) -> list[str]: ...
    def first(self, keys: tuple[str, ...]) -> str | None: ...

class MarkupReader:
    def __init__(
        self,
        meta_names: tuple[str, ...],
        meta_keys: frozenset[str],
        link_rels: tuple[tuple[str, ...], ...],
        script_types: tuple[str, ...],
        lang_names: tuple[str, ...],
        svg_tags: tuple[str, ...],
        svg_levels: int,
        max_chars: int,
        max_times: int,
        props: tuple[str, ...],
        *,
        normalize: Callable[[str], str] | None = None,
        unescape: Callable[[str], str] | None = None,
    ) -> None: ...
    def read(
        self, root: LexborNode, into: Metas | None = None
    ) -> tuple[
        dict[str, list[str]],
        list[list[str | None]],
        list[list[str]],
        list[str | None],
        list[str],
        list[tuple[LexborNode, LexborNode | None]],
        list[str | None],
        list[LexborNode],
        str | None,
        list[LexborNode],
    ]: ...

class NamedElements:
    def __init__(
        self, names: tuple[str, ...], attributes: tuple[str, ...], tags: tuple[str, ...]
    ) -> None: ...
    def find(self, root: LexborNode) -> list[LexborNode]: ...

class NearHeading:
    def __init__(
        self, levels: int, too_wide: tuple[str, ...], heading_tags: tuple[str, ...]
    ) -> None: ...
    def find(self, heading: LexborNode, named: NamedElements) -> list[LexborNode]: ...

def holding(root: LexborNode, probe: bytes) -> list[LexborNode]: ...
def spaced_text(node: LexborNode, most: int) -> str | None: ...
def links_ending(root: LexborNode, segment: str) -> list[tuple[str, LexborNode]]: ...

class ShownLine:
    @property
    def text(self) -> str: ...
    @property
    def nodes(self) -> tuple[LexborNode, ...]: ...

class Lines:
    def __iter__(self) -> Lines: ...
    def __next__(self) -> ShownLine: ...

class LineWalk:
    def __init__(
        self,
        *,
        blocks: frozenset[str],
        skipped: frozenset[str],
        stop: frozenset[str],
        levels: int,
        max_depth: int,
        spaces: str,
        normalize: Callable[[str], str],
    ) -> None: ...
    def wrapped(self, heading: LexborNode) -> LexborNode: ...
    def after(self, heading: LexborNode) -> Lines: ...
    def of(self, node: LexborNode) -> list[ShownLine]: ...
