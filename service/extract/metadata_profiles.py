"""Authors declared only as a profile URL, named by the page's own link to that profile.

Many templates declare the author as the address of a profile page
(``article:author`` holding a URL, a JSON-LD person with a ``url`` and no
``name``). The page shows a link to that profile in its byline, and that
link's text is the name. The slug is never turned into a name: it may be a
handle, lack accents, or number a namesake ("jane-doe-2").
"""

from __future__ import annotations

from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser

from service.extract._markup import links_ending
from service.extract.metadata_authors import byline_names
from service.extract.text import normalize_text
from service.extract.urls import normalize_url

_WEB = ("http://", "https://", "//")
_MAX_LINK_CHARS = 200  # a byline link's text; longer is a teaser's or a bio's


def is_profile_url(value: str) -> bool:
    """Whether an author value is a web address rather than a name."""
    return value[:8].lower().startswith(_WEB)


class ProfileNames:
    """The names the page's links give to profile URLs, the links read on a question
    (most pages declare their authors by name and never ask)."""

    __slots__ = ("_base", "_names", "_tree")

    def __init__(self, tree: LexborHTMLParser, base: str) -> None:
        self._tree = tree
        self._base = base
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
        root = self._tree.root
        segment = _last_segment(key)
        # A walk in C gives the links whose address may end in the segment, in page order.
        for href, node in links_ending(root, segment) if root is not None else ():
            if _last_segment(_path(href)) == segment and _profile_key(href, self._base) == key:
                text = normalize_text(node.text(deep=True, separator=" ")[: _MAX_LINK_CHARS + 1])
                names = byline_names(text) if len(text) <= _MAX_LINK_CHARS else ()
                if len(names) == 1:
                    return names[0]
        return None


def _path(href: str) -> str:
    """``href`` without its fragment and query."""
    return href.split("#", 1)[0].split("?", 1)[0]


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
