"""Stand-ins for the metadata and teaser modules until they exist (removed then)."""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract.model import Teaser
from service.extract.text import normalize_text


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    published_at: str | None = None
    modified_at: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    image: str | None = None
    page_type: str | None = None
    jsonld_body: str | None = None


@dataclass(frozen=True, slots=True)
class TeaserScan:
    teasers: tuple[Teaser, ...]
    nodes: tuple[LexborNode, ...]
    text_chars: int


def read_metadata(tree: LexborHTMLParser, page_url: str) -> Metadata:
    for query in ("h1", "title"):
        node = tree.css_first(query)
        if node is not None and normalize_text(node.text()):
            return Metadata(title=normalize_text(node.text()))
    return Metadata()


def find_teasers(root: LexborNode, page_url: str) -> TeaserScan:
    return TeaserScan((), (), 0)
