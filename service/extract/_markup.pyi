"""The markup metadata is read from, gathered in one walk in C (``_markup.pyx``)."""

from collections.abc import Callable

from selectolax.lexbor import LexborNode

class Metas:
    metas: dict[str, list[str]]
    def all(self, keys: tuple[str, ...]) -> list[str]: ...
    def first(self, keys: tuple[str, ...]) -> str | None: ...

class PageMarkup(Metas):
    canonical: list[str]
    amphtml: list[str]
    image_links: list[str]
    author_links: list[str]
    jsonld: list[str]
    state: list[str]
    title: list[str]
    headings: list[str]
    lang: list[str]
    props: dict[str, list[str]]
    pubdates: list[str]
    base_href: str | None
    first_h1: LexborNode | None
    story_h1s: list[tuple[str, LexborNode]]
    home_h1s: list[str]
    times: list[LexborNode]

class Tags:
    def __init__(
        self,
        *,
        separators: str,
        max_splits: int,
        max_part_chars: int,
        max_chars: int,
        most: int,
        internal_starts: tuple[str, ...],
        internal_chars: str,
        normalize: Callable[[str], str],
        unlabel: Callable[[str], str],
    ) -> None: ...
    def of(self, values: list[str]) -> tuple[str, ...]: ...

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
        max_title_chars: int,
        max_h1s: int,
        links_home: Callable[[str | None], bool],
        normalize: Callable[[str], str],
        unescape: Callable[[str], str],
    ) -> None: ...
    def read(self, root: LexborNode, into: PageMarkup) -> None: ...

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
