"""One pass over the tree that gathers every element metadata is read from."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract._markup import MarkupReader, NamedElements, NearHeading, PageMarkup
from service.extract.metadata_tables import (
    AUTHOR_METAS,
    DESCRIPTION_METAS,
    IMAGE_LINK_RELS,
    IMAGE_METAS,
    LANGUAGE_METAS,
    MAX_H1_CANDIDATES,
    MAX_TITLE_CHARS,
    MODIFIED_METAS,
    PUBLISHED_METAS,
    SECTION_METAS,
    SITE_NAME_FALLBACK_METAS,
    SITE_NAME_METAS,
    TAG_METAS,
    TITLE_METAS,
    TYPE_METAS,
    URL_METAS,
)
from service.extract.text import normalize_text

_JSONLD_TYPE = "application/ld+json"
_STATE_TYPE = "application/json"  # a script-built page's state (``page_state``)
_MAX_META_CHARS = 10_000  # longer values are data, not metadata: cut before normalizing
_MAX_TIMES = 8  # times further down the page belong to teasers and comments
_NEAR_LEVELS = 3  # a byline's time and the h1 meet within a header, not the page
_MAX_LINE_CHARS = 160  # a byline or a date line; a longer text is prose (an author's bio)
# A heading is neither a byline nor a date line ("author" names a quoted
# claimant's or a profile's title too).
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TOO_WIDE = ("html", "body", "main")  # ancestors that contain everything
_NEAR = NearHeading(_NEAR_LEVELS + 2, _TOO_WIDE, _HEADINGS)
_SVG_TAGS = ("svg", "symbol", "g", "defs")  # an icon's <title> is not the page's
_SVG_LEVELS = 3  # the ancestors of a <title> looked at for them

# itemprop names read from elements (not metas); lowercased. Others are ignored.
_PROPS = (
    "headline",  # microdata article headline
    "datepublished",  # microdata publication time
    "datemodified",  # microdata update time
    "author",  # microdata author (text or a nested Person)
    "inlanguage",  # microdata language
)
# The attributes whose values key a meta's content, in this order.
_META_NAMES = ("property", "name", "itemprop", "http-equiv")
# The meta keys ``metadata`` reads (``Markup.all``, ``Markup.first``): the contents of
# the others (a viewport, a theme's colour, an app's id) are not decoded.
META_KEYS = frozenset(
    (
        *TITLE_METAS,
        *DESCRIPTION_METAS,
        *AUTHOR_METAS,
        *PUBLISHED_METAS,
        *MODIFIED_METAS,
        *SITE_NAME_METAS,
        *SITE_NAME_FALLBACK_METAS,
        *SECTION_METAS,
        *TAG_METAS,
        *IMAGE_METAS,
        *LANGUAGE_METAS,
        *URL_METAS,
        *TYPE_METAS,
    )
)
# The links read, by their ``rel``: a link of several goes to the first group.
_LINK_RELS = (("canonical",), ("amphtml",), IMAGE_LINK_RELS)
_LANG_NAMES = ("lang", "xml:lang")  # <html>'s language, the first given


def is_home_address(href: str | None) -> bool:
    """Whether a link's ``href`` leads to a home page: its path is "/" or none, with no
    query."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return False
    parts = urlsplit(href)
    return parts.path in ("", "/") and not parts.query and parts.scheme in ("", "http", "https")


def links_home(link: LexborNode) -> bool:
    """Whether ``link`` leads to a home page (``is_home_address``)."""
    return is_home_address(link.attributes.get("href"))


# One walk in C reads every element metadata is read from, and fills a ``Markup``
# (``_markup``).
_READER = MarkupReader(
    _META_NAMES,
    META_KEYS,
    _LINK_RELS,
    (_JSONLD_TYPE, _STATE_TYPE),
    _LANG_NAMES,
    _SVG_TAGS,
    _SVG_LEVELS,
    _MAX_META_CHARS,
    _MAX_TIMES,
    _PROPS,
    max_title_chars=MAX_TITLE_CHARS,
    max_h1s=MAX_H1_CANDIDATES,
    # An h1 linking to a home page is the site's name (a blog's name above its post).
    links_home=is_home_address,
    normalize=normalize_text,
    # A meta's content as text: decoded once more if the CMS escaped it twice
    # ("PG&amp;amp;E"), normalized (``Metas``).
    unescape=html.unescape,
)


class Markup(PageMarkup):
    """The metadata-bearing markup of one page, values as written (text normalized),
    read by one walk in C (``collect_markup``, ``_markup.MarkupReader``).

    ``metas`` holds each meta ``content`` as written, by lowercased ``property`` /
    ``name`` / ``itemprop`` / ``http-equiv``, of the keys in ``META_KEYS``; read them
    through ``all`` and ``first``, which normalize. The other fields:

    - ``canonical``, ``amphtml`` (the page's AMP copy), ``image_links`` (the links
      naming the page's image, ``IMAGE_LINK_RELS``): the ``href`` of those links;
    - ``author_links``: the texts of the ``a[rel~="author"]`` links;
    - ``jsonld``, ``state``: the texts of the JSON-LD scripts and of
      ``<script type="application/json">`` (a script-built page's state);
    - ``title`` (the first ``<title>``), ``headings`` (the h1s' texts), ``lang``;
    - ``props``: microdata values by lowercased ``itemprop``, for the names in
      ``_PROPS``;
    - ``pubdates``: the ``datetime`` of ``<time pubdate>`` elements;
    - ``base_href``: the ``href`` of the first ``<base href>`` as written ("" when
      empty), or ``None``;
    - ``first_h1``; ``story_h1s``: the h1s that are not links (a site's logo is often
      a linked h1), with their text; ``home_h1s``: the texts of the h1s linking to a
      home page (a path "/" or none), a site's name;
    - ``times``: the first ``<time datetime>`` elements, for ``time_near_heading``.
    """

    __slots__ = ()


def collect_markup(tree: LexborHTMLParser) -> Markup:
    """Gather metas, links, JSON-LD and page-state texts, title, h1s, ``lang``, microdata
    and the first ``<base href>`` from ``tree``."""
    markup = Markup()
    if tree.root is not None:
        _READER.read(tree.root, markup)
    return markup


def time_near_heading(
    markup: Markup,
    another_items: Callable[[LexborNode], bool],
    page_urls: frozenset[str] = frozenset(),
) -> str | None:
    """The ``datetime`` of a ``<time>`` beside the first h1: in its header or byline.

    "Beside" means the two share an ancestor at most ``_NEAR_LEVELS`` levels
    above the time element, and the time is not inside a link to another page (a
    teaser's) nor one that ``another_items`` tells is another item's. A link to the
    story itself ("Posted on <a rel=bookmark><time>", a theme's permalink; or one to
    one of ``page_urls``) is the story's.
    """
    if markup.first_h1 is None or not markup.times:
        return None
    heading_ancestors = {n.mem_id for n in _ancestors(markup.first_h1, _NEAR_LEVELS + 2)}
    for node in markup.times:
        ancestors = _ancestors(node, _NEAR_LEVELS)
        if any(a.tag == "a" and not _links_to_story(a, page_urls) for a in ancestors):
            continue
        if any(a.mem_id in heading_ancestors and a.tag not in _TOO_WIDE for a in ancestors):
            if another_items(node):
                continue
            return node.attributes.get("datetime")
    return None


def texts_near_heading(
    heading: LexborNode | None, named: NamedElements
) -> Iterator[tuple[LexborNode, str]]:
    """The elements, with their texts, that ``named`` finds around ``heading``, nearest
    first: those in its parent, then in each ancestor up to ``_NEAR_LEVELS`` + 2
    levels, short of the ancestors that contain everything; innermost matches
    only (a byline wrapper holds a date and labels beside the author's name). For what a page shows
    but does not declare (a byline, a date line); headings, and texts over
    ``_MAX_LINE_CHARS``, are not lines of that kind and are left out.

    Found by one walk in C of the widest ancestor (``_markup.NearHeading``), which
    places each match at the nearest ancestor holding it and leaves out the matches
    that hold another match or a heading."""
    if heading is None:
        return
    for node in _NEAR.find(heading, named):
        text = normalize_text(node.text(deep=True, separator=" ")[:_MAX_META_CHARS])
        if text and len(text) <= _MAX_LINE_CHARS:
            yield node, text


def _links_to_story(link: LexborNode, page_urls: frozenset[str]) -> bool:
    """Whether ``link`` is the story's own permalink: ``rel="bookmark"`` (the permalink
    of its nearest article), or an address whose path is one of ``page_urls``'."""
    attrs = link.attrs
    if "bookmark" in (attrs.get("rel") or "").lower().split():
        return True
    href = (attrs.get("href") or "").strip()
    if not href or href.startswith("#"):
        return False
    path = urlsplit(urljoin(next(iter(page_urls), ""), href)).path.rstrip("/")
    return any(urlsplit(url).path.rstrip("/") == path for url in page_urls)


def _ancestors(node: LexborNode, levels: int) -> list[LexborNode]:
    found: list[LexborNode] = []
    parent = node.parent
    while parent is not None and len(found) < levels:
        found.append(parent)
        parent = parent.parent
    return found
