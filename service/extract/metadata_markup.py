"""One pass over the tree that gathers every element metadata is read from."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract._markup import MarkupReader, Metas, NamedElements, NearHeading
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
# One walk in C reads every element metadata is read from (``_markup``).
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
    # A meta's content as text: decoded once more if the CMS escaped it twice
    # ("PG&amp;amp;E"), normalized (``Metas``).
    normalize=normalize_text,
    unescape=html.unescape,
)


@dataclass(slots=True)
class Markup(Metas):
    """The metadata-bearing markup of one page, values as written (text normalized).

    ``metas`` (``Metas``) holds each meta ``content`` as written, by lowercased
    ``property`` / ``name`` / ``itemprop`` / ``http-equiv``, of the keys in
    ``META_KEYS``; read them through ``all`` and ``first``, which normalize."""

    canonical: list[str] = field(default_factory=list)
    amphtml: list[str] = field(default_factory=list)
    """``href`` of ``<link rel=amphtml>``: the page's AMP copy."""
    image_links: list[str] = field(default_factory=list)
    """``href`` of the links naming the page's image (``IMAGE_LINK_RELS``)."""
    author_links: list[str] = field(default_factory=list)
    jsonld: list[str] = field(default_factory=list)
    state: list[str] = field(default_factory=list)
    """The texts of ``<script type="application/json">``: a script-built page's state."""
    title: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    lang: list[str] = field(default_factory=list)
    props: dict[str, list[str]] = field(default_factory=dict)
    """Microdata values by lowercased ``itemprop``, for the names in ``_PROPS``."""
    pubdates: list[str] = field(default_factory=list)
    """``datetime`` of ``<time pubdate>`` elements."""
    base_href: str | None = None
    """The ``href`` of the first ``<base href>`` as written ("" when empty), or ``None``."""
    first_h1: LexborNode | None = None
    story_h1s: list[tuple[str, LexborNode]] = field(default_factory=list)
    """The h1s that are not links (a site's logo is often a linked h1), with their text."""
    home_h1s: list[str] = field(default_factory=list)
    """The texts of the h1s linking to a home page (a path "/" or none): a site's name."""
    times: list[LexborNode] = field(default_factory=list)
    """The first ``<time datetime>`` elements, for ``time_near_heading``."""


def collect_markup(tree: LexborHTMLParser) -> Markup:
    """Gather metas, links, JSON-LD and page-state texts, title, h1s, ``lang``, microdata
    and the first ``<base href>`` from ``tree``."""
    markup = Markup()
    root = tree.root
    if root is None:
        return markup
    found = _READER.read(root, markup)
    _, links, scripts, langs, titles, h1s, pubdates, times, base_href, marked = found
    markup.canonical, markup.amphtml, markup.image_links = map(_texts, links)
    markup.jsonld, markup.state = scripts
    markup.lang = _texts(langs)
    markup.title = _texts(titles)[:1]
    markup.pubdates = _texts(pubdates)
    markup.times = times
    markup.base_href = base_href
    for node, link in h1s:
        text = normalize_text(node.text(deep=True, separator=" ")[:_MAX_META_CHARS])
        if text and len(text) <= MAX_TITLE_CHARS:
            markup.headings.append(text)
            markup.first_h1 = markup.first_h1 or node
            if link is None:
                markup.story_h1s.append((text, node))
            elif links_home(link):
                markup.home_h1s.append(text)
            if len(markup.headings) == MAX_H1_CANDIDATES:
                break
    for node in marked:
        _read_marked(node, markup)
    if len(set(markup.props.get("headline", ()))) > 1:
        # Several items with headlines: a list of stories, whose first item's
        # headline, author and time are not the page's.
        markup.props.clear()
    return markup


def _read_marked(node: LexborNode, markup: Markup) -> None:
    """What an author's link or an element with ``itemprop`` gives (a meta's and a
    script's ``itemprop`` are read with the element, a meta's names, or not at all)."""
    attrs = node.attributes
    if node.tag == "a" and "author" in (attrs.get("rel") or "").lower().split():
        _append(markup.author_links, node.text(deep=True, separator=" "))
    for prop in (attrs.get("itemprop") or "").lower().split():
        if prop in _PROPS:
            _append(markup.props.setdefault(prop, []), _prop_value(node, attrs, prop))


def _prop_value(node: LexborNode, attrs: dict[str, str | None], prop: str) -> str | None:
    for name in ("content", "datetime"):
        value = attrs.get(name)
        if value:
            return value
    if prop == "author" and "itemscope" in attrs:
        name_node = node.css_first('[itemprop="name"]')
        if name_node is not None:
            return name_node.attributes.get("content") or name_node.text(deep=True, separator=" ")
    return node.text(deep=True, separator=" ")


def time_near_heading(markup: Markup, another_items: Callable[[LexborNode], bool]) -> str | None:
    """The ``datetime`` of a ``<time>`` beside the first h1: in its header or byline.

    "Beside" means the two share an ancestor at most ``_NEAR_LEVELS`` levels
    above the time element, and the time is not inside a link (a teaser's) nor
    one that ``another_items`` tells is another item's.
    """
    if markup.first_h1 is None or not markup.times:
        return None
    heading_ancestors = {n.mem_id for n in _ancestors(markup.first_h1, _NEAR_LEVELS + 2)}
    for node in markup.times:
        ancestors = _ancestors(node, _NEAR_LEVELS)
        if any(a.tag == "a" for a in ancestors):
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


def links_home(link: LexborNode) -> bool:
    """Whether ``link`` leads to a home page: its path is "/" or none, with no query."""
    href = (link.attributes.get("href") or "").strip()
    if not href or href.startswith("#"):
        return False
    parts = urlsplit(href)
    return parts.path in ("", "/") and not parts.query and parts.scheme in ("", "http", "https")


def _ancestors(node: LexborNode, levels: int) -> list[LexborNode]:
    found: list[LexborNode] = []
    parent = node.parent
    while parent is not None and len(found) < levels:
        found.append(parent)
        parent = parent.parent
    return found


def _texts(values: Sequence[str | None]) -> list[str]:
    """The values that are not empty once normalized (cut first), normalized."""
    texts = []
    for value in values:
        if value:
            text = normalize_text(value[:_MAX_META_CHARS])
            if text:
                texts.append(text)
    return texts


def _append(values: list[str], value: str | None) -> None:
    if value:
        text = normalize_text(value[:_MAX_META_CHARS])
        if text:
            values.append(text)
