"""The walk in C that reads metadata's markup (``_markup``) gives what reading the
elements from Python gives: their ``attributes``, ``text()`` and ``tag``."""

from __future__ import annotations

import html

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import metadata_markup as mm
from service.extract import metadata_profiles as mp
from service.extract._markup import (
    MarkupReader,
    NamedElements,
    NearHeading,
    holding,
    links_ending,
    spaced_text,
)
from service.extract._tree import LINKS, Selectors
from service.extract.metadata import read_metadata
from service.extract.text import normalize_text

TAGS = st.sampled_from(
    [
        *("meta", "META", "link", "Link", "script", "title", "TITLE", "h1", "H1", "time"),
        *("base", "html", "a", "A", "span", "div", "p", "svg", "g", "G", "symbol", "defs"),
        *("math", "mi", "template", "custom-tag", "noscript", "b"),
    ]
)
NAMES = st.sampled_from(
    [
        *("content", "CONTENT", "property", "name", "Name", "itemprop", "itemProp"),
        *("http-equiv", "HTTP-EQUIV", "rel", "REL", "href", "type", "Type", "datetime"),
        *("pubdate", "PubDate", "lang", "LANG", "xml:lang", "XML:Lang", "xlink:href"),
        *("xlink:type", "xml:space", "itemscope", "id", "data-long-attribute-name"),
    ]
)
VALUES = st.one_of(
    st.sampled_from(
        [
            *("", " ", "og:title", "OG:Title  twitter:title", "description", "a\tb\nc"),
            *("canonical", "Canonical", "x canonical", "amphtml", "AMPHTML canonical"),
            *("image_src", "image_src\u00a0", "author", "x AUTHOR", "Author\t", "auth"),
            *("application/ld+json", " Application/LD+JSON\n", "application/json"),
            *("text/javascript", "application/json\u00a0", "\u212aelvin", "d\u0130r"),
            *("2026-02-04T09:30:00Z", "en", "pt_BR", "/story", "https://x.example/a"),
            *("headline", "datePublished author", "Author"),
            # Addresses of a home page, and not (``is_home_address``).
            *("/", " https://x.example/ ", "http://x.example?q=1", "#top", "ftp://x.example/"),
            # Whitespace of str.split beyond HTML's, in ASCII and past it (NEL, NBSP).
            *("\x1fcanonical\x0b", "Canonical\x1cAuthor", "\x1eapplication/json\x1f"),
            *("og:title\x85twitter:title", "amphtml\u2003", "OG:TITLE\x0c"),
            # Keys of one first byte and one length, told apart by their other bytes.
            *("og:titlf", "OG:TITLF og:title", "Canonical image_src", "ogg og"),
        ]
    ),
    st.text(max_size=12),
)
TEXTS = st.sampled_from(
    ["", "word", " ", "Zürich  news\n", "\u00a0", "日本語", "<br>", "<!-- c -->", "a &amp; b"]
)


@st.composite
def attributes(draw: st.DrawFn) -> str:
    parts = []
    for name in draw(st.lists(NAMES, max_size=4, unique_by=str.lower)):
        value = draw(VALUES).replace('"', "&quot;")
        parts.append(name if draw(st.integers(0, 5)) == 0 else f'{name}="{value}"')
    return " ".join(parts)


@st.composite
def fragments(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 4 or draw(st.integers(0, 2)) == 0:
        return draw(TEXTS)
    tag = draw(TAGS)
    inner = "".join(draw(st.lists(fragments(depth + 1), max_size=4)))
    return f"<{tag} {draw(attributes())}>{inner}</{tag}>"


@st.composite
def pages(draw: st.DrawFn) -> bytes:
    head = "".join(draw(st.lists(fragments(), max_size=5)))
    body = "".join(draw(st.lists(fragments(), min_size=1, max_size=6)))
    page = f"<html {draw(attributes())}><head>{head}</head><body>{body}</body></html>".encode()
    if draw(st.booleans()):
        page = page.replace(b"word", b"w\xffo\xc3rd")  # bytes the parser keeps, text() replaces
    return page


# A rel of two groups ("canonical") goes to the first.
LINK_RELS = (("canonical",), ("amphtml",), ("image_src", "author", "canonical"))
SCRIPT_TYPES = ("application/ld+json", "application/json")
# The meta keys read: some of the values above, one lowercased beyond ASCII ("\u212a").
META_KEYS = frozenset(
    {"og:title", "og:titlf", "og", "twitter:title", "description", "a", "kelvin", "m"}
)
MAX_CHARS = 12
MAX_TITLE_CHARS = 10  # some of TEXTS are longer
MAX_H1S = 2
READER = MarkupReader(
    ("property", "name", "itemprop", "http-equiv"),
    META_KEYS,
    LINK_RELS,
    SCRIPT_TYPES,
    ("lang", "xml:lang"),
    ("svg", "symbol", "g", "defs"),
    3,
    MAX_CHARS,
    4,
    ("headline", "author"),
    max_title_chars=MAX_TITLE_CHARS,
    max_h1s=MAX_H1S,
    links_home=mm.is_home_address,
    normalize=normalize_text,
    unescape=html.unescape,
)
_READ = ("html", "title", "meta", "link", "script", "h1", "time", "base")


def _ancestors(node: LexborNode, levels: int) -> list[LexborNode]:
    found = []
    parent = node.parent
    while parent is not None and len(found) < levels:
        found.append(parent)
        parent = parent.parent
    return found


def _python_read(root: LexborNode) -> tuple[object, ...]:
    """What the walk in C read, read from Python as ``collect_markup`` read it before."""
    metas: dict[str, list[str]] = {}
    links: list[list[str | None]] = [[], [], []]
    scripts: list[list[str]] = [[], []]
    langs: list[str | None] = []
    titles: list[str] = []
    h1s: list[tuple[LexborNode, LexborNode | None]] = []
    pubdates: list[str | None] = []
    times: list[LexborNode] = []
    marked: list[LexborNode] = []
    base_href = None
    selected = {node.mem_id for node in root.css('a[rel~="author"]')} | {
        node.mem_id
        for node in root.css("[itemprop]")
        if {"headline", "author"} & set((node.attributes.get("itemprop") or "").lower().split())
    }
    for node in root.traverse():  # the root first, then its subtree's elements
        tag, attrs = node.tag, node.attributes
        if tag == "meta" and attrs.get("content"):
            content = (attrs.get("content") or "")[:MAX_CHARS]
            for name in ("property", "name", "itemprop", "http-equiv"):
                for key in (attrs.get(name) or "").lower().split():
                    if key in META_KEYS:
                        metas.setdefault(key, []).append(content)
        elif tag == "link":
            rels = (attrs.get("rel") or "").lower().split()
            for group, found in zip(LINK_RELS, links, strict=True):
                if any(rel in group for rel in rels):
                    found.append(attrs.get("href"))
                    break
        elif tag == "script":
            kind = (attrs.get("type") or "").strip().lower()
            for known, found_texts in zip(SCRIPT_TYPES, scripts, strict=True):
                if kind == known:
                    found_texts.append(node.text(deep=True))
        elif tag == "html":
            langs.append(attrs.get("lang") or attrs.get("xml:lang") or None)
        elif tag == "title":
            if not any(a.tag in ("svg", "symbol", "g", "defs") for a in _ancestors(node, 3)):
                titles.append(node.text(deep=True))
        elif tag == "h1":
            around = (a for a in _ancestors(node, 2) if a.tag == "a")
            link = node.css_first("a") or next(around, None)
            h1s.append((node, link))
        elif tag == "time" and "pubdate" in attrs:
            pubdates.append(attrs.get("datetime"))
        elif tag == "time" and attrs.get("datetime") and len(times) < 4:
            times.append(node)
        elif tag == "base" and base_href is None and "href" in attrs:
            base_href = attrs.get("href") or ""
        if tag not in ("meta", "script") and node.mem_id in selected:
            marked.append(node)
    return metas, links, scripts, langs, titles, h1s, pubdates, times, base_href, marked


def _python_markup(root: LexborNode) -> dict[str, object]:
    """The fields of ``Markup``, as ``collect_markup`` made them from Python of what the
    walk read (nodes by ``mem_id``)."""
    metas, links, scripts, langs, titles, h1s, pubdates, times, base_href, marked = _python_read(
        root
    )
    out: dict[str, object] = {"metas": metas, "base_href": base_href}
    out["canonical"], out["amphtml"], out["image_links"] = map(_texts, links)
    out["jsonld"], out["state"] = scripts
    out["lang"] = _texts(langs)
    out["title"] = _texts(titles)[:1]
    out["pubdates"] = _texts(pubdates)
    out["times"] = [node.mem_id for node in times]
    headings: list[str] = []
    first_h1 = None
    story_h1s: list[tuple[str, int]] = []
    home_h1s: list[str] = []
    for node, link in h1s:
        text = normalize_text(node.text(deep=True, separator=" ")[:MAX_CHARS])
        if text and len(text) <= MAX_TITLE_CHARS:
            headings.append(text)
            first_h1 = first_h1 or node.mem_id
            if link is None:
                story_h1s.append((text, node.mem_id))
            elif mm.links_home(link):
                home_h1s.append(text)
            if len(headings) == MAX_H1S:
                break
    out.update(headings=headings, first_h1=first_h1, story_h1s=story_h1s, home_h1s=home_h1s)
    author_links: list[str] = []
    props: dict[str, list[str]] = {}
    for node in marked:
        attrs = node.attributes
        if node.tag == "a" and "author" in (attrs.get("rel") or "").lower().split():
            _append(author_links, node.text(deep=True, separator=" "))
        for prop in (attrs.get("itemprop") or "").lower().split():
            if prop in ("headline", "author"):
                _append(props.setdefault(prop, []), _prop_value(node, attrs, prop))
    if len(set(props.get("headline", ()))) > 1:
        props.clear()
    out.update(author_links=author_links, props=props)
    return out


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


def _texts(values: list[str] | list[str | None]) -> list[str]:
    texts = []
    for value in values:
        if value:
            text = normalize_text(value[:MAX_CHARS])
            if text:
                texts.append(text)
    return texts


def _append(values: list[str], value: str | None) -> None:
    if value:
        text = normalize_text(value[:MAX_CHARS])
        if text:
            values.append(text)


_FIELDS = ("canonical", "amphtml", "image_links", "author_links", "jsonld", "state", "title")
_MORE_FIELDS = ("headings", "lang", "props", "pubdates", "base_href", "home_h1s")


def _read(root: LexborNode) -> dict[str, object]:
    """The fields of the ``Markup`` the reader fills (nodes by ``mem_id``)."""
    markup = mm.Markup()
    READER.read(root, markup)
    out: dict[str, object] = {name: getattr(markup, name) for name in (*_FIELDS, *_MORE_FIELDS)}
    out["metas"] = markup.metas
    out["times"] = [node.mem_id for node in markup.times]
    out["first_h1"] = markup.first_h1.mem_id if markup.first_h1 is not None else None
    out["story_h1s"] = [(text, node.mem_id) for text, node in markup.story_h1s]
    return out


@settings(max_examples=400, deadline=None)
@given(pages())
def test_reader_gives_what_python_reads(page: bytes) -> None:
    tree = LexborHTMLParser(page)
    assert tree.root is not None
    assert _read(tree.root) == _python_markup(tree.root)


def test_reader_reads_names_as_written_and_tags_anywhere() -> None:
    """Upper-case tags and names, nested and inside SVG and MathML; an SVG script's
    ``xlink:type`` is not its ``type``, an SVG link's ``xlink:href`` not its ``href``."""
    page = (
        '<html LANG="de"><head><TITLE>Page</TITLE><META NAME="Description" CONTENT="d">'
        '<LINK REL="canonical" HREF="/c"></head><body><div><title>Second</title></div>'
        '<svg><title>Icon</title><script xlink:type="application/ld+json">{}</script>'
        '<link rel="amphtml" xlink:href="/amp"><g><title>Icon</title></g></svg>'
        '<math><mi><time datetime="2026-02-04">t</time><meta content="c" name="m"></mi></math>'
        "<h1>Head<a href='/'>line</a></h1><h1>Too long a title</h1><h1>Story</h1></body></html>"
    )
    tree = LexborHTMLParser(page)
    assert tree.root is not None
    markup = mm.Markup()
    READER.read(tree.root, markup)
    assert markup.metas == {"description": ["d"], "m": ["c"]}
    assert (markup.canonical, markup.amphtml, markup.image_links) == (["/c"], [], [])
    assert (markup.jsonld, markup.state) == ([], [])
    assert markup.lang == ["de"]
    assert markup.title == ["Page"]
    assert (markup.headings, markup.home_h1s) == (["Head line", "Story"], ["Head line"])
    assert [(text, node.tag) for text, node in markup.story_h1s] == [("Story", "h1")]
    assert markup.first_h1 is not None and markup.first_h1.text() == "Headline"
    assert [node.tag for node in markup.times] == ["time"]
    assert _read(tree.root) == _python_markup(tree.root)


def test_collect_markup_reads_the_tables_of_metadata_markup() -> None:
    tree = LexborHTMLParser(
        '<html lang="en"><head><title> A  title </title><meta property="og:title" '
        'content="T"><link rel="image_src" href="/i.jpg"><base href="/b/"></head>'
        '<body><h1>Headline</h1><span itemprop="headline">Headline</span></body></html>'
    )
    markup = mm.collect_markup(tree)
    assert markup.title == ["A title"]
    assert markup.first(("og:title",)) == "T"
    assert markup.image_links == ["/i.jpg"]
    assert markup.base_href == "/b/"
    assert markup.lang == ["en"]
    assert markup.headings == ["Headline"]
    assert markup.props == {"headline": ["Headline"]}


def test_collect_markup_keeps_the_metas_metadata_reads() -> None:
    """The contents of the keys ``metadata`` reads are kept; a key read by no field (a
    viewport) is not, and every key a field asks for is among those kept."""
    tree = LexborHTMLParser(
        '<meta name="viewport" content="width=device-width">'
        '<meta property="OG:Type" content="article"><meta name="keywords" content="a, b">'
    )
    assert mm.collect_markup(tree).metas == {"og:type": ["article"], "keywords": ["a, b"]}
    asked: set[str] = set()
    all_of, first_of = mm.Markup.all, mm.Markup.first

    def record_all(markup: mm.Markup, keys: tuple[str, ...]) -> list[str]:
        asked.update(keys)
        return all_of(markup, keys)

    def record_first(markup: mm.Markup, keys: tuple[str, ...]) -> str | None:
        asked.update(keys)
        return first_of(markup, keys)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mm.Markup, "all", record_all)
        patch.setattr(mm.Markup, "first", record_first)
        read_metadata(tree, "https://news.example/story")
    assert asked
    assert asked <= mm.META_KEYS


# Class and id values at the edges of ``[class*="..." i]``: case, the names inside
# longer words, non-ASCII letters whose case folds to an ASCII one ("\u212a").
NAMED_VALUES = st.sampled_from(
    [
        *("", "date", "Post-DATE", "dat", "x time-stamp", "\u212aey", "byline", "BYLINE"),
        *("author-name", "AuThOr", "autor", "daté", "data-table", "publish_at", "meta"),
    ]
)
NAMED_TAGS = st.sampled_from(["div", "span", "p", "h1", "H2", "h6", "time", "a", "main", "svg"])


@st.composite
def near_fragments(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 4 or draw(st.integers(0, 2)) == 0:
        return draw(st.sampled_from(["", "text", " ", "12 March 2026", "By Ann Lee", "<br>"]))
    tag = draw(NAMED_TAGS)
    attrs = " ".join(
        f'{name}="{draw(NAMED_VALUES)}"'
        for name in draw(st.lists(st.sampled_from(["class", "id", "ID", "title"]), max_size=2))
    )
    inner = "".join(draw(st.lists(near_fragments(depth + 1), max_size=4)))
    return f"<{tag} {attrs}>{inner}</{tag}>"


def _python_near(heading: LexborNode, selectors: Selectors) -> list[int]:
    """``texts_near_heading``'s elements as Python placed them before the walk in C."""
    near: list[LexborNode] = []
    for ancestor in _ancestors(heading, 5):
        if ancestor.tag in ("html", "body", "main"):
            break
        near.append(ancestor)
    if not near:
        return []
    level_of = {node.mem_id: level for level, node in enumerate(near)}
    top = near[-1]
    matches = selectors.find(top)
    matched = {node.mem_id for node in matches}
    wrappers: set[int] = set()
    by_level: list[list[LexborNode]] = [[] for _ in near]
    for node in matches:
        up: LexborNode | None = node
        while up is not None and up.mem_id not in level_of:
            up = up.parent
            if up is not None and up.mem_id in matched:
                wrappers.add(up.mem_id)
        if up is not None:
            by_level[level_of[up.mem_id]].append(node)
    for level, ancestor in enumerate(near):
        if ancestor.mem_id in matched and any(by_level[:level]):
            wrappers.add(ancestor.mem_id)
    for found in Selectors("h1, h2, h3, h4, h5, h6").find(top):
        holder: LexborNode | None = found
        while holder is not None:
            wrappers.add(holder.mem_id)
            holder = holder.parent if holder.mem_id != top.mem_id else None
    return [node.mem_id for nodes in by_level for node in nodes if node.mem_id not in wrappers]


NAMED = [
    (("date", "time", "publish"), ("class", "id"), ("time",)),
    (("byline", "author", "autor"), ("class", "id"), ()),
    (("e",), ("id",), ("h2", "custom-tag")),
]


def _selectors(names: tuple[str, ...], attributes: tuple[str, ...], tags: tuple[str, ...]) -> str:
    named = (f'[{attribute}*="{name}" i]' for name in names for attribute in attributes)
    return ", ".join((*tags, *named))


@settings(max_examples=300, deadline=None)
@given(st.lists(near_fragments(), min_size=1, max_size=5), st.integers(0, 3))
def test_near_heading_finds_what_python_placed(parts: list[str], wrap: int) -> None:
    body = "".join(parts)
    for _ in range(wrap):
        body = f"<div class='box'>{body}</div>"
    tree = LexborHTMLParser(f"<html><body><main>{body}</main></body></html>")
    assert tree.root is not None
    near = NearHeading(5, ("html", "body", "main"), ("h1", "h2", "h3", "h4", "h5", "h6"))
    for names, attrs, tags in NAMED:
        named = NamedElements(names, attrs, tags)
        selectors = Selectors(_selectors(names, attrs, tags))
        assert [n.mem_id for n in named.find(tree.root)] == [
            n.mem_id for n in selectors.find(tree.root)
        ]
        for heading in tree.root.traverse():
            found = [node.mem_id for node in near.find(heading, named)]
            assert found == _python_near(heading, selectors)


def test_named_elements_take_lowercase_ascii_names() -> None:
    with pytest.raises(ValueError, match="lowercase ASCII"):
        NamedElements(("Date",), ("class",), ())


# Words as a title's longest word is drawn (letters and digits): pieces of the texts
# above in both cases, beyond ASCII, and across the nodes a text is split into.
PROBES = st.one_of(
    st.sampled_from(["word", "WORD", "Wo", "rd", "zürich", "ZÜRICH", "news", "日本", "o"]),
    st.from_regex(r"[A-Za-z0-9\u00e0-\u00ff]{1,3}", fullmatch=True),
)


@settings(max_examples=300, deadline=None)
@given(pages(), PROBES)
def test_holding_finds_what_lexbor_contains_finds(page: bytes, probe: str) -> None:
    tree = LexborHTMLParser(page)
    for root in (tree.root, tree.body, tree.css_first("div")):
        if root is None:
            continue
        query = f':lexbor-contains("{probe}" i)'
        expected = [node.mem_id for node in root.css(query)]
        assert [node.mem_id for node in holding(root, probe.encode())] == expected


def test_holding_reads_each_text_node_of_an_element_apart() -> None:
    """A probe across two text nodes, or in a child's text only, is not the element's;
    the element is found once, in document order, before the elements inside it."""
    tree = LexborHTMLParser(
        "<div id=a>Hel<i id=b>x</i>lo<p id=c>HELLO</p>hello</div><p id=d>Hel<!-- -->lo</p>"
    )
    assert tree.body is not None
    assert [node.id for node in holding(tree.body, b"hello")] == ["a", "c"]
    with pytest.raises(ValueError):
        holding(tree.body, b"")


@settings(max_examples=300, deadline=None)
@given(pages(), st.integers(0, 60))
# A NUL in a script's text is replaced by the parser: U+FFFD, three bytes in the node.
@example(b'<body><script><script a="\x00"></script></script></body>', 15)
def test_spaced_text_is_the_text_within_its_bound(page: bytes, most: int) -> None:
    """``spaced_text`` is ``text(separator=" ")`` when that takes ``most`` bytes or fewer
    (empty text nodes and bytes that are not UTF-8 among them), else ``None``."""
    tree = LexborHTMLParser(page)
    assert tree.root is not None
    for node in tree.root.traverse():
        text = node.text(deep=True, separator=" ")
        assert spaced_text(node, most) == (text if _written_bytes(text) <= most else None)


def _written_bytes(text: str) -> int:
    """The bytes ``text`` was read from: the pages above write "word" as "w\xffo\xc3rd",
    two bytes that are not UTF-8, each read as one U+FFFD (three bytes encoded). Any
    other U+FFFD is three bytes in its text node: written so, or the parser's for a NUL
    in a script's text."""
    return len(text.encode()) - 4 * text.count("w\ufffdo\ufffdrd")


HREFS = st.sampled_from(
    [
        *("/author/ann-lee", "/Author/ANN-LEE/", "/author/ann%20lee?x=1#f", "ann-lee", ""),
        *("https://x.example/author/Ann-Lee", "/author/zo\u00eb", "/author/zo%C3%AB", "#"),
        *("/", "/author/ann-lee#/x", "/a?b/ann-lee", "//x.example/ANN-LEE//", "/\u212aate"),
    ]
)
SEGMENTS = st.sampled_from(["ann-lee", "zo\u00eb", "ann lee", "kate", "x.example"])


@st.composite
def linked_pages(draw: st.DrawFn) -> bytes:
    links = []
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(st.sampled_from(["a", "A", "span", "svg><a"]))
        name = draw(st.sampled_from(["href", "HREF", "xlink:href", "title"]))
        href = draw(HREFS).replace('"', "&quot;")
        links.append(f'<{tag} {name}="{href}">{draw(TEXTS)}</{tag.split(">")[-1]}>')
    return ("<body>" + "".join(links) + draw(fragments()) + "</body>").encode()


@settings(max_examples=300, deadline=None)
@given(linked_pages(), SEGMENTS)
def test_links_ending_finds_the_links_to_a_segment(page: bytes, segment: str) -> None:
    """What ``ProfileNames`` kept of every link ``a[href]`` read from Python, its address
    ending in ``segment``, is what it keeps of the links ``links_ending`` gives."""
    tree = LexborHTMLParser(page)
    assert tree.root is not None

    def ends(href: str) -> bool:
        return mp._last_segment(mp._path(href)) == segment

    expected = [
        (href, node.mem_id)
        for node in LINKS.find(tree.root)
        if ends(href := node.attributes.get("href") or "")
    ]
    found = [(href, node.mem_id) for href, node in links_ending(tree.root, segment)]
    assert [(href, mem_id) for href, mem_id in found if ends(href)] == expected


def _python_meta_text(content: str) -> str:
    """A meta's content as text, as ``metadata_markup`` read it from Python."""
    if "&" in content:
        content = html.unescape(content)
    return normalize_text(content)


def _python_all(metas: dict[str, list[str]], keys: tuple[str, ...]) -> list[str]:
    return [t for key in keys for t in map(_python_meta_text, metas.get(key, ())) if t]


def _python_first(metas: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        texts = [t for t in map(_python_meta_text, metas.get(key, ())) if t]
        if texts:
            return texts[0]
    return None


META_CONTENTS = st.lists(
    st.one_of(
        st.sampled_from(
            ["", " ", "\u00a0", "PG&amp;amp;E", "a &amp; b", "&", "A\u200b B", "e\u0301", "x&#44;y"]
        ),
        st.text(max_size=12),
    ),
    max_size=3,
)
META_NAMES = st.sampled_from(["og:title", "twitter:title", "description", "keywords", "m"])


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(META_NAMES, META_CONTENTS),
    st.lists(st.tuples(st.booleans(), st.lists(META_NAMES, max_size=4))),
)
@example({"m": ["PG&amp;amp;E", " "]}, [(True, ["m"]), (False, ["m"])])
def test_metas_give_what_python_gave(
    metas: dict[str, list[str]], calls: list[tuple[bool, list[str]]]
) -> None:
    """``Metas.all`` and ``Metas.first`` (in C) give the values the Python methods gave,
    asked in any order and more than once (each key normalized once)."""
    tree = LexborHTMLParser("<p>")
    assert tree.root is not None
    markup = mm.Markup()
    mm._READER.read(tree.root, markup)
    markup.metas = metas
    for everything, names in calls:
        keys = tuple(names)
        if everything:
            assert markup.all(keys) == _python_all(metas, keys)
        else:
            assert markup.first(keys) == _python_first(metas, keys)
