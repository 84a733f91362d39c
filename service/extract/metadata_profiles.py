"""Authors declared only as a profile URL, named by the page's own link to that profile.

Many templates declare the author as the address of a profile page
(``article:author`` holding a URL, a JSON-LD person with a ``url`` and no
``name``). The page shows a link to that profile in its byline, and that
link's text is the name. The slug is never turned into a name: it may be a
handle, lack accents, or number a namesake ("jane-doe-2").
"""

from __future__ import annotations

from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract._tree import LINKS
from service.extract.metadata_authors import byline_names
from service.extract.text import normalize_text
from service.extract.urls import normalize_url

_WEB = ("http://", "https://", "//")
_MAX_LINK_CHARS = 200  # a byline link's text; longer is a teaser's or a bio's


def is_profile_url(value: str) -> bool:
    """Whether an author value is a web address rather than a name."""
    return value[:8].lower().startswith(_WEB)


class ProfileNames:
    """The names the page's links give to profile URLs, the links read once, on the
    first question (most pages declare their authors by name and never ask)."""

    __slots__ = ("_base", "_links", "_names", "_tree")

    def __init__(self, tree: LexborHTMLParser, base: str) -> None:
        self._tree = tree
        self._base = base
        self._links: dict[str, list[tuple[str, LexborNode]]] | None = None
        self._names: dict[str, str | None] = {}

    def name_of(self, url: str) -> str | None:
        """The name shown on a link to the profile at ``url``: the first such link
        whose text reads as one person's name (not "More from this author", not an
        image); ``None`` when the page has none."""
        key = _profile_key(url, self._base)
        if key is None:
            return None
        if key not in self._names:
            self._names[key] = self._find(key)
        return self._names[key]

    def _find(self, key: str) -> str | None:
        if self._links is None:
            self._links = _links_by_last_segment(self._tree)
        for href, node in self._links.get(_last_segment(key), ()):
            if _profile_key(href, self._base) == key:
                text = normalize_text(node.text(deep=True, separator=" ")[: _MAX_LINK_CHARS + 1])
                names = byline_names(text) if len(text) <= _MAX_LINK_CHARS else ()
                if len(names) == 1:
                    return names[0]
        return None


def _links_by_last_segment(tree: LexborHTMLParser) -> dict[str, list[tuple[str, LexborNode]]]:
    """Every link, as (href, node), by the last segment of its path: one pass over
    the links, and only the few with the profile's segment are resolved and read."""
    links: dict[str, list[tuple[str, LexborNode]]] = {}
    for node in LINKS.find(tree.root) if tree.root is not None else ():  # a walk in C
        href = node.attributes.get("href") or ""
        segment = _last_segment(href.split("#", 1)[0].split("?", 1)[0])
        if segment:
            links.setdefault(segment, []).append((href, node))
    return links


def _last_segment(path: str) -> str:
    """The last segment of a path or a profile key, unescaped and in one case."""
    segment = path.rstrip("/").rpartition("/")[2]
    return (unquote(segment) if "%" in segment else segment).casefold()


def _profile_key(url: str, base: str) -> str | None:
    """A profile's address as compared: host without "www." and path without its
    trailing slash, in one case, without scheme, query or fragment (a link may add
    "?ref=byline"); ``None`` for a site's home page, which is no one's profile."""
    normalized = normalize_url(url, base)
    if normalized is None:
        return None
    address = normalized.partition("://")[2].partition("?")[0].rstrip("/").casefold()
    host, slash, path = address.partition("/")
    if not slash or not path:
        return None
    return f"{host.removeprefix('www.')}/{path}"
