"""The reads of ``_items`` in C answer what their Python forms answer: an element's
class/id kinds (``teaser_tokens``) and an item's surroundings (``teaser_items``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract import teaser_tokens as tk
from service.extract._frame import sibling_counts
from service.extract._items import (
    AD_SLOT,
    ARTICLE,
    EXCLUDED,
    FOOTER,
    HEADER,
    HIDDEN,
    MENU,
    PAID,
    SharedAncestors,
    Surroundings,
    TokenKinds,
)
from service.extract.teaser_items import (
    _CLIMBS,
    _LINK_SCAN,
    _SURROUNDINGS,
    IN_EXCLUDED,
    IN_FOOTER,
    IN_HIDDEN,
    IN_MENU,
    IN_PAID,
    Link,
    Page,
    _marks,
    _names_story_list,
    better,
    items_of,
    regions,
)
from service.extract.teaser_items import (
    climbs as teaser_climbs,
)
from service.extract.teaser_tokens import Tokens

# The tables' tokens, and pieces of them, written as class names are: mixed case,
# joined by "-" and "_", inside longer names, beside other characters.
_TABLE_TOKENS = sorted({*tk.MATCHER.short, *tk.MATCHER.long_kinds})
_PIECES = st.one_of(
    st.sampled_from(_TABLE_TOKENS),
    st.sampled_from(_TABLE_TOKENS).map(str.upper),
    st.sampled_from(_TABLE_TOKENS).map(lambda token: token[: len(token) // 2]),
    st.sampled_from(["x", "2", "-", "_", "--", " ", "\t", "\n", "\f", ".", ":", "/", "a1"]),
    st.sampled_from(["\u212a", "\u0130", "\u017f", "é", "\u00a0", "\u3000", "\x1c", "ß"]),
)
_NAMES = st.lists(_PIECES, max_size=8).map("".join)


def _python_kinds(node: LexborNode) -> int:
    """The kinds as the Python matcher reads them off ``node.attributes``."""
    attrs = node.attributes
    raw = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().strip()
    return tk._read(raw)[1] if raw else 0


def _quoted(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;")


@settings(max_examples=400, deadline=None)
@given(cls=st.none() | _NAMES, ident=st.none() | _NAMES, tag=st.sampled_from(["div", "svg", "p"]))
def test_kinds_as_the_python_matcher(cls: str | None, ident: str | None, tag: str) -> None:
    attrs = "".join(
        f' {name}="{_quoted(value)}"'
        for name, value in (("class", cls), ("id", ident))
        if value is not None
    )
    page = LexborHTMLParser(f"<div><{tag}{attrs}>x</{tag}></div>")
    node = page.css_first(f"div > {tag}")
    assert node is not None
    assert Tokens().kinds(node) == _python_kinds(node)


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<div class="site-footer">', tk.FOOTER),  # "-" dropped for the long tokens
        ('<div class="Main-NAV">', tk.MENU),
        ('<div class="authorbox">', tk.EXCLUDE | tk.META),  # "author" inside "authorbox"
        ('<div class="author">', tk.AUTHOR | tk.META),  # a short and a long token
        ('<div class="card" id="x">', tk.CARD),
        ('<div class="cardx">', 0),  # a short token is a whole part of a name
        ('<div id="\u212aicker">', tk.META),  # the Kelvin sign lowercases to "k"
        ('<div class="">', 0),
        ("<div class>", 0),
        ("<div>", 0),
    ],
)
def test_kinds_of_names(markup: str, expected: int) -> None:
    node = LexborHTMLParser(markup).css_first("div")
    assert node is not None
    assert Tokens().kinds(node) == expected == _python_kinds(node)


def test_kinds_read_once_per_element() -> None:
    page = LexborHTMLParser('<div class="menu">x</div>')
    node = page.css_first("div")
    assert node is not None
    tokens = Tokens()
    assert tokens.kinds(node) == tk.MENU
    node.attrs["class"] = "card"  # not read again: the page does not change its names
    assert tokens.kinds(node) == tk.MENU
    assert Tokens().kinds(node) == tk.CARD


def test_token_tables_refuse_other_characters() -> None:
    with pytest.raises(ValueError, match="other characters"):
        TokenKinds({"a-b": 1}, {})
    with pytest.raises(ValueError, match="without kinds"):
        TokenKinds({}, {"card": 0})
    with pytest.raises(ValueError, match="beyond 16 bits"):
        TokenKinds({"card": 1 << 16}, {})
    with pytest.raises(ValueError, match="fewer than two"):
        TokenKinds({}, {"a": 1})


# The surroundings as the Python forms read them, element by element (the oracle).
def _own(node: LexborNode, inside_article: bool) -> int:
    tag = node.tag
    attrs = node.attributes
    role = attrs.get("role") or ""
    kinds = _python_kinds(node)
    flags = HIDDEN if kinds & tk.CLONE or tf.is_hidden(node, attrs) else 0
    menu = tag == "nav" or role in ("navigation", "menu", "menubar") or kinds & tk.MENU
    if menu and not _names_story_list(attrs):
        flags |= MENU
    if not inside_article and (tag == "header" or role == "banner"):
        flags |= HEADER
    if not inside_article and (tag == "footer" or role == "contentinfo" or kinds & tk.FOOTER):
        flags |= FOOTER
    if tag in ("article", "main"):
        flags |= ARTICLE
    return flags


def _python_flags(node: LexborNode) -> int:
    chain: list[LexborNode] = []
    current: LexborNode | None = node
    while current is not None and current.tag not in ("body", "html"):
        chain.append(current)
        current = current.parent
    inherited = 0
    for item in reversed(chain):
        inherited |= _own(item, bool(inherited & ARTICLE))
    return inherited


def _python_marks(node: LexborNode) -> int:
    found = 0
    current: LexborNode | None = node
    for level in range(tt.REGION_TOKEN_DEPTH):
        if current is None or current.tag in ("body", "html"):
            break
        marks = _marks(_python_kinds(current))
        found |= marks if level < tt.AD_SLOT_DEPTH else marks & ~AD_SLOT
        current = current.parent
    return found


_TAGS = st.sampled_from(
    [
        *("div", "nav", "NAV", "header", "footer", "article", "main", "section", "li", "ul"),
        *("script", "template", "noscript", "style", "span", "svg", "custom-tag", "a"),
    ]
)
_ATTRIBUTES = st.sampled_from(
    [
        *('class="menu"', 'class="site-footer"', 'id="cloned"', 'class="share-bar"'),
        *('class="sponsored"', 'class="ad"', 'class="ad-slot"', 'class="Author"'),
        *('class="author-stories"', 'class="author related"', 'class="x \u212aicker"'),
        *('role="navigation"', 'role="menu"', 'role="Menu"', 'role="menubar"', "role"),
        *('role="banner"', 'role="contentinfo"', 'ROLE="banner"', 'xlink:role="menu"'),
        *("hidden", 'aria-hidden="true"', 'aria-hidden="TRUE"', 'style="display: none"'),
        *('style="color: red"', 'aria-label="Recent Posts"', 'aria-label="Menu"'),
        *('aria-label="recent stories"', "aria-label", 'xlink:href="/a"', 'data-x="menu"'),
        *('rel="sponsored"', 'REL="nofollow sponsored"', 'rel="Sponsored"', 'rel="unsponsored1"'),
        *('rel="sponsore"', "rel", 'xlink:rel="sponsored"', 'data-rel="sponsored"'),
    ]
)


@st.composite
def _fragments(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 5 or draw(st.integers(0, 3)) == 0:
        return draw(st.sampled_from(["", "word", " ", "<br>", "<!-- c -->", "<p>t</p>"]))
    tag = draw(_TAGS)
    attrs = " ".join(draw(st.lists(_ATTRIBUTES, max_size=3, unique_by=lambda a: a[:4])))
    inner = "".join(draw(st.lists(_fragments(depth + 1), max_size=4)))
    return f"<{tag} {attrs}>{inner}</{tag}>"


def _python_region(item: LexborNode, link: LexborNode) -> tuple[bool, bool, bool, bool, bool]:
    """(hidden, menu, footer, excluded, sponsored) as the Python form read them."""
    flags, marks = _python_flags(item), _python_marks(item)
    rel = link.attrs.get("rel") or ""
    return (
        bool(flags & HIDDEN),
        bool(flags & (MENU | HEADER)),
        bool(flags & FOOTER),
        bool(marks & EXCLUDED),
        bool(marks & (PAID | AD_SLOT)) or "sponsored" in rel,
    )


@settings(max_examples=300, deadline=None)
@given(body=st.lists(_fragments(), min_size=1, max_size=5), order=st.randoms())
def test_surroundings_as_the_python_reads(body: list[str], order: object) -> None:
    tree = LexborHTMLParser(f"<html><body>{''.join(body)}</body></html>")
    assert tree.body is not None
    elements = [
        node
        for node in tree.body.traverse()
        if node.is_element_node and node.mem_id != tree.body.mem_id
    ]
    links = list(elements)
    order.shuffle(elements)  # type: ignore[attr-defined]  # memoized answers, in any order
    order.shuffle(links)  # type: ignore[attr-defined]  # any element may be an item's link
    page = Page("https://example.com/a")
    pairs = [(item, Link(a, "", "", None, a, 0)) for item, a in zip(elements, links, strict=True)]
    # The regions of all items in one call, then each part on its own on a fresh page.
    found = regions(pairs, page)
    for region, item, link in zip(found, elements, links, strict=True):
        read = (
            bool(region & IN_HIDDEN),
            bool(region & IN_MENU),
            bool(region & IN_FOOTER),
            bool(region & IN_EXCLUDED),
            bool(region & IN_PAID),
        )
        assert read == _python_region(item, link)
    page = Page("https://example.com/a")
    for node in elements:
        assert _SURROUNDINGS.flags(page.tokens.facts, node) == _python_flags(node)
        marks = _SURROUNDINGS.marks(
            page.tokens.facts, node, tt.REGION_TOKEN_DEPTH, tt.AD_SLOT_DEPTH
        )
        assert marks == _python_marks(node)


@pytest.mark.parametrize(
    ("markup", "flags", "marks"),
    [
        ('<nav><div id="i">x</div></nav>', MENU, 0),
        ('<nav aria-label="Recent Posts"><div id="i">x</div></nav>', 0, 0),
        ('<article><footer><div id="i">x</div></footer></article>', ARTICLE, 0),
        ('<footer><article><div id="i">x</div></article></footer>', FOOTER | ARTICLE, 0),
        ('<div style="display:none"><div id="i">x</div></div>', HIDDEN, 0),
        ('<svg xlink:role="menu"><g id="i"></g></svg>', 0, 0),  # not the role attribute
        ('<div class="ad"><div><div id="i">x</div></div></div>', 0, 0),  # too far for an ad slot
        ('<div class="ad"><div id="i">x</div></div>', 0, AD_SLOT),
        ('<div class="sponsor"><div><div id="i">x</div></div></div>', 0, PAID),
        ('<div class="share"><div><div><div id="i">x</div></div></div></div>', 0, EXCLUDED),
    ],
)
def test_surroundings_of_items(markup: str, flags: int, marks: int) -> None:
    node = LexborHTMLParser(f"<body>{markup}</body>").css_first("#i")
    assert node is not None
    facts = Tokens().facts
    assert _SURROUNDINGS.flags(facts, node) == flags == _python_flags(node)
    found = _SURROUNDINGS.marks(facts, node, tt.REGION_TOKEN_DEPTH, tt.AD_SLOT_DEPTH)
    assert found == marks == _python_marks(node)


# The climb from a headline link to its item, as the Python form read it (the oracle):
# each parent's children read in full, its text made and folded.
def _python_holds_other_block(parent: LexborNode, node: LexborNode, holders: set[int]) -> bool:
    texts = tf.may_hold_body_run(parent)
    blockers: list[int] = []
    paragraphs: list[int] = []
    before: list[int] = []  # the paragraphs before ``node``
    own = node.mem_id
    for child in parent.iter(include_text=texts):
        tag, key = child.tag, child.mem_id
        if key == own:
            before = list(paragraphs)
        if (
            tag in tt.HEADING_TAGS
            or key in holders
            or (tag in ("ul", "ol", "nav") and tf.holds_links(child, 2))
        ):
            blockers.append(key)
        elif (tag == "p" and tf.is_body_paragraph(child)) or (
            tag == "-text" and tf.is_body_run(child.text_content or "")
        ):
            paragraphs.append(key)
    others = [p for p in paragraphs if p != own]
    return any(key != own for key in blockers) or len(others) >= 2 or others[:1] == before[:1] != []


def _python_item(
    start: LexborNode, shared: set[int], holders: set[int], extra: int = tt.MAX_ITEM_EXTRA_CHARS
) -> LexborNode:
    node = start
    budget = len(node.text()) + extra
    for _ in range(tt.MAX_ITEM_DEPTH):
        parent = node.parent
        if parent is None or parent.tag in tt.STOP_TAGS or parent.mem_id in shared:
            break
        if _python_holds_other_block(parent, node, holders):
            break
        if len(" ".join(parent.text().split())) > budget:
            break
        node = parent
    return node


_LONG = "word " * 30  # a body paragraph's length
_TEXTS = st.sampled_from(
    [
        *("", " ", "\n  \t", "Short words here", _LONG, _LONG.upper(), "x" * 700),
        *("\u3000".join(["語"] * 45), "\u00a0" * 90 + "a", "a\u2003b " * 200, "\x1c" * 100),
        *("é" * 60, "<!-- c -->", "\U0001f600" * 30),
    ]
)
_CLIMB_TAGS = st.sampled_from(
    ["div", "section", "li", "ul", "ol", "nav", "p", "h2", "h3", "span", "main", "article"]
)


@st.composite
def _climb_fragments(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 6 or draw(st.integers(0, 4)) == 0:
        if draw(st.booleans()):
            target = draw(st.sampled_from("abcd"))
            return f'<a href="/{target}">{draw(_TEXTS)}</a>'
        return draw(_TEXTS)
    tag = draw(_CLIMB_TAGS)
    inner = "".join(draw(st.lists(_climb_fragments(depth + 1), max_size=4)))
    return f"<{tag}>{inner}</{tag}>"


@settings(max_examples=300, deadline=None)
@given(
    body=st.lists(_climb_fragments(), min_size=1, max_size=4),
    invalid=st.sampled_from([b"", b"\xff", b"\xe3\x80", b"\xed\xa0\x80"]),
)
def test_items_as_the_python_climb(body: list[str], invalid: bytes) -> None:
    markup = "".join(body).replace("é", "é" if not invalid else "\x00").encode()
    markup = markup.replace(b"\x00", invalid)  # bytes that are not UTF-8, kept by the parser
    tree = LexborHTMLParser(b"<html><body>" + markup + b"</body></html>")
    assert tree.root is not None
    page = Page("https://example.com/a")
    links = [Link(a, a.attrs.get("href") or "", "", None, a, 0) for a in tree.css("a")]
    _LINK_SCAN.scan(tree.root, page.heading_holders)  # the headings' holders, as headline_links
    shared = _CLIMBS.shared(links)
    members = shared.members()
    for link in reversed(links):  # the children read as far as needed, in any order
        found = _item_node(link, shared, page)
        assert found.mem_id == _python_item(link.node, members, page.heading_holders).mem_id
        assert _item_node(link, shared, page).mem_id == found.mem_id  # kept for the page


# Short texts whose words run on across elements, and spaces alone, to count a level's
# folded text from the level below's at every boundary of the budget; a word longer
# than the budgets, before bytes that are not UTF-8 in the same word.
_SHORT_TEXTS = st.sampled_from(
    ["", " ", "ab", "ab ", " ab", "\u3000", "a\u3000b", "\xe9", "<!-- c -->", "abcdefghijklmn"]
)


@st.composite
def _short_fragments(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 5 or draw(st.integers(0, 3)) == 0:
        if draw(st.booleans()):
            return f'<a href="/{draw(st.sampled_from("abcd"))}">{draw(_SHORT_TEXTS)}</a>'
        return draw(_SHORT_TEXTS)
    tag = draw(st.sampled_from(["div", "span", "li", "b"]))
    inner = "".join(draw(st.lists(_short_fragments(depth + 1), max_size=4)))
    return f"<{tag}>{inner}</{tag}>"


@settings(max_examples=300, deadline=None)
@given(
    body=st.lists(_short_fragments(), min_size=1, max_size=4),
    extra=st.integers(0, 12),
    invalid=st.sampled_from([b"", b"\xff"]),
)
def test_items_within_small_budgets_as_the_python_climb(
    body: list[str], extra: int, invalid: bytes
) -> None:
    markup = "".join(body).encode().replace("\xe9".encode(), invalid or "\xe9".encode())
    tree = LexborHTMLParser(b"<html><body>" + markup + b"</body></html>")
    assert tree.root is not None
    climbs = teaser_climbs(extra)
    page = Page("https://example.com/a")
    links = [Link(a, a.attrs.get("href") or "", "", None, a, 0) for a in tree.css("a")]
    shared = _CLIMBS.shared(links)
    members = shared.members()
    for link in links:
        found = climbs.item(page.tokens.facts, shared, link.node, link.node, page.heading_holders)
        expected = _python_item(link.node, members, page.heading_holders, extra)
        assert found.mem_id == expected.mem_id


def _item_node(link: Link, shared: SharedAncestors, page: Page) -> LexborNode:
    """A link's item, climbed to by ``Climbs.item`` from its start, as ``items_of`` climbs."""
    start = link.headline if link.stretched else link.node
    return _CLIMBS.item(page.tokens.facts, shared, link.node, start, page.heading_holders)


def _python_items_of(links: list[Link], page: Page) -> dict[int, tuple[LexborNode, Link]]:
    """``items_of`` as the Python form read it, one climb per link."""
    shared = _CLIMBS.shared(links)
    items: dict[int, tuple[LexborNode, Link]] = {}
    for link in links:
        node = _item_node(link, shared, page)
        found = items.get(node.mem_id)
        if found is None or better(link, found[1]):
            items[node.mem_id] = (node, link)
    return items


@settings(max_examples=200, deadline=None)
@given(body=st.lists(_climb_fragments(), min_size=1, max_size=4), data=st.data())
def test_items_of_as_the_python_reads(body: list[str], data: st.DataObject) -> None:
    tree = LexborHTMLParser(f"<html><body>{''.join(body)}</body></html>")
    assert tree.root is not None and tree.body is not None
    elements = [node for node in tree.body.traverse() if node.is_element_node]
    links = []
    for a in tree.css("a"):  # short or full, in a heading or not, stretched from any element
        short, stretched = data.draw(st.booleans()), data.draw(st.booleans())
        heading = data.draw(st.sampled_from([None, "h2"]))
        headline = data.draw(st.sampled_from(elements)) if stretched else a
        links.append(Link(a, "", "", heading, headline, 0, short=short, stretched=stretched))
    pages = [Page("https://example.com/a"), Page("https://example.com/a")]
    for page in pages:
        _LINK_SCAN.scan(tree.root, page.heading_holders)
    found = items_of(links, pages[0])
    expected = _python_items_of(links, pages[1])
    assert list(found) == list(expected)
    assert [(node.mem_id, link) for node, link in found.values()] == [
        (node.mem_id, link) for node, link in expected.values()
    ]
    fewer = links[1:]  # found again without a link: the climbs kept for the page
    assert list(items_of(fewer, pages[0])) == list(_python_items_of(fewer, pages[1]))


def _python_story_items(
    links: list[Link], page: Page, shows_story: Callable[[LexborNode, Link, int], bool]
) -> dict[int, tuple[LexborNode, Link]]:
    """``items_of`` with ``shows_story`` as the Python form read it (``teasers._story_items``):
    the items, then again without the short links whose item shows no story."""
    found = _python_items_of(links, page)
    if not any(link.short for link in links):
        return found
    siblings = sibling_counts([node for node, _link in found.values()])
    dropped = {
        link.node.mem_id
        for (node, link), alike in zip(found.values(), siblings, strict=True)
        if link.short and not shows_story(node, link, alike)
    }
    if not dropped:
        return found
    return _python_items_of([link for link in links if link.node.mem_id not in dropped], page)


@settings(max_examples=200, deadline=None)
@given(body=st.lists(_climb_fragments(), min_size=1, max_size=4), data=st.data())
def test_story_items_drop_short_links_as_the_python_reads(
    body: list[str], data: st.DataObject
) -> None:
    tree = LexborHTMLParser(f"<html><body>{''.join(body)}</body></html>")
    assert tree.root is not None and tree.body is not None
    elements = [node for node in tree.body.traverse() if node.is_element_node]
    links = []
    for a in tree.css("a"):  # to a few targets, short or full, stretched from any element
        short, stretched = data.draw(st.booleans()), data.draw(st.booleans())
        url = data.draw(st.sampled_from(["/a", "/b", "/c"]))
        headline = data.draw(st.sampled_from(elements)) if stretched else a
        links.append(Link(a, url, "", None, headline, 0, short=short, stretched=stretched))
    shown = data.draw(st.sets(st.integers(0, 7)))  # the (link, siblings) that show a story
    calls: list[list[tuple[int, int, int]]] = [[], []]

    def shows(which: int) -> Callable[[LexborNode, Link, int], bool]:
        def shows_story(node: LexborNode, link: Link, alike: int) -> bool:
            calls[which].append((node.mem_id, links.index(link), alike))
            return (links.index(link) + alike) % 8 in shown

        return shows_story

    pages = [Page("https://example.com/a"), Page("https://example.com/a")]
    for page in pages:
        _LINK_SCAN.scan(tree.root, page.heading_holders)
    found = items_of(links, pages[0], shows(0))
    expected = _python_story_items(links, pages[1], shows(1))
    assert [(key, node.mem_id, link) for key, (node, link) in found.items()] == [
        (key, node.mem_id, link) for key, (node, link) in expected.items()
    ]
    assert calls[0] == calls[1]


def test_a_stretched_link_climbs_from_its_heading() -> None:
    html = (
        '<ul><li><div class="card"><h3>Ferry strike ends after pay offer</h3>'
        '<a href="/a"></a></div></li><li><h3><a href="/b">Harbour road closes again</a>'
        "</h3></li></ul>"
    )
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
    page = Page("https://example.com/a")
    first, second = tree.css("a")
    heading = tree.css_first("h3")
    assert heading is not None
    links = [
        Link(first, "/a", "", "h3", heading, 6, stretched=True),
        Link(second, "/b", "", "h3", second, 4),
    ]
    shared = _CLIMBS.shared(links)
    assert shared.members() == {n.mem_id for n in _above(tree, "li")}
    assert _item_node(links[0], shared, page).tag == "li"
    assert _item_node(links[1], shared, page).tag == "li"


def _above(tree: LexborHTMLParser, tag: str) -> list[LexborNode]:
    """The ancestors of the first ``tag`` element, up to the document."""
    node = tree.css_first(tag)
    found = []
    while node is not None and node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def test_marks_of_kinds_beyond_the_table_are_refused() -> None:
    short = Surroundings(
        top_tags=("body",),
        hidden_tags=(),
        hidden_attributes=(),
        is_hidden=tf.is_hidden,
        clone=tk.CLONE,
        menu_tags=(),
        menu_roles=(),
        menu=tk.MENU,
        story_list_attribute="aria-label",
        names_story_list=lambda node: False,
        header_tags=(),
        header_roles=(),
        footer_tags=(),
        footer_roles=(),
        footer=tk.FOOTER,
        article_tags=(),
        marks=bytes(tk.MENU),  # no entry for the kinds of a menu
        paid_rel="sponsored",
    )
    node = LexborHTMLParser('<body><div class="menu">x</div></body>').css_first("div")
    assert node is not None
    with pytest.raises(IndexError, match="no marks"):
        short.marks(Tokens().facts, node, 1, 1)
