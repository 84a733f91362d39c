"""The walks in C (``_tree``) find what the CSS queries and Python walks they replace find."""

from __future__ import annotations

import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import _tree, clean
from service.extract._tree import FoldedLength
from service.extract.split import _visible_chars
from service.extract.teaser_fields import text_length
from service.extract.text import FOLDED, SPACES, folded_length

TAGS = st.sampled_from(
    [
        "div",
        "p",
        "h1",
        "span",
        "br",
        "nav",
        "NAV",
        "header",
        "footer",
        "article",
        "form",
        "figure",
        "figcaption",
        "section",
        "a",
        "b",
        "script",
        "svg",
        "math",
        "custom-tag",
        "Amp-Img",
        "h2",
        "strong",
        "td",
        "pre",
        "main",
        "font",
        "em",
        "time",
        "TIME",
        "img",
        "picture",
        "template",
    ]
)
# Attribute names in mixed case, and values at the edges of each selector: case,
# whitespace around and inside tokens, substrings, empty and missing values.
NAMES = st.sampled_from(
    [
        *("hidden", "HIDDEN", "aria-hidden", "Aria-Hidden", "style", "STYLE", "id", "ID"),
        *("class", "Class", "role", "ROLE", "data-x", "aria-hiddenx", "rel", "REL"),
        *("itemprop", "itemProp", "hiddenx", "href", "xlink:href"),
        # 16 and 17 characters: the longest name kept in Lexbor's hash entry, and one more
        *("data-sixteen-chr", "data-seventeen-ch", "Data-Seventeen-CI"),
    ]
)
VALUES = st.one_of(
    st.sampled_from(
        [
            *("", "true", "TRUE", "tRuE", " true", "false", "display:none", "DISPLAY:NONE"),
            *("color:red;display: None;x", "display:  none", "visibility:hidden"),
            *("Visibility: HIDDEN", "comments", "COMMENTS", "comments2", "my comments\tbox"),
            *("xcomments", "comments\n", "disqus_thread", "Disqus_Thread", "sr-only"),
            *("a\fvisually-hidden", "screen-reader-text", "dialog", "ALERTDIALOG", "navigation"),
            *("Menu", "menu bar", "menubar", "search ", "contentinfo", "BANNER", "nav igation"),
            *("\u212aelvin", "d\u0130alog", "dialog\u017f", "author", "x AUTHOR", "Author\t"),
            *("post-Date", "TIMESTAMP", "byline\tx", "dateline", "Box om", "x\rdis-box"),
            *("name", "Name", " name", "name\u0000", "given name"),
        ]
    ),
    st.text(alphabet="aeiorsn :-;\t", max_size=12),
)


@st.composite
def attributes(draw: st.DrawFn) -> str:
    parts = []
    for name in draw(st.lists(NAMES, max_size=3, unique_by=str.lower)):
        value = draw(VALUES)
        parts.append(name if draw(st.integers(0, 4)) == 0 else f'{name}="{value}"')
    return " ".join(parts)


@st.composite
def fragments(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 4 or draw(st.integers(0, 2)) == 0:
        leaves = ["", "word", " ", "<br>", "<!-- c -->", "<p>t</p>", "<b>b</b>", "<?pi x?>"]
        return draw(st.sampled_from(leaves))
    tag = draw(TAGS)
    inner = "".join(draw(st.lists(fragments(depth + 1), max_size=5)))
    return f"<{tag} {draw(attributes())}>{inner}</{tag}>"


def _pages() -> st.SearchStrategy[LexborHTMLParser]:
    return st.builds(
        lambda body, attrs: LexborHTMLParser(f"<html><body {attrs}>{''.join(body)}</body></html>"),
        st.lists(fragments(), min_size=1, max_size=6),
        attributes(),
    )


def _once(nodes: list[LexborNode]) -> list[int]:
    """The elements of ``nodes`` in their order, each once (a query lists an element
    once per selector of its list that it matches)."""
    seen: list[int] = []
    for node in nodes:
        if node.mem_id not in seen:
            seen.append(node.mem_id)
    return seen


def _roots(tree: LexborHTMLParser) -> list[LexborNode]:
    assert tree.root is not None and tree.body is not None
    return [tree.root, tree.body, *tree.body.css("div, form, nav")[:3]]


# The selector lists the extraction runs through ``_tree.Selectors``, and their edges.
SELECTOR_LISTS = [
    f"{clean._HIDING_QUERY}, {clean._READER_QUERY}",
    clean._HIDING_QUERY,
    "img, picture, amp-img",
    'a[rel~="author"], [itemprop]',
    "h1, h2, h3, h4, h5, h6, a[href]",
    "[id]",
    "p, pre, td, br, h2, h3, h4, div > b:only-child, div > strong:only-child",
    "div, section, article, main, center, font, dd",
    '[class="x"], [rel="Author"], [role~="menu"], [style*="none"], [data-x*="e"], a',
    '[id="a"], [class~="Comments"], [rel*="AUTH" i], span[hidden], svg, br',
    "img, source, amp-img",
    'custom-tag[role~="menu" i], a, td',
    _tree.H1.text,
    "span > p, div > b, b > a, em > div:only-child, nav > br",
    # A tag selected alone and as a parent's child, and a tag Lexbor does not predefine.
    "custom-tag, div > strong:only-child, strong, span > b",
    '[data-sixteen-chr], [data-seventeen-ch*="e"], [data-seventeen-ci~="true" i]',
    # Several selectors on one attribute, tested together: each kind of test, with and
    # without a type, values sharing their first byte, empty values, a selector twice.
    '[class~="comments" i], p[class*="om"], span[class], [class="Box om"], [class~=""]',
    '[class*=""], div[class~="box" i], [class~="Box"], [class*="box"], b[class="x"]',
    '[class="" i], div[class~="box" i], [class*="o"], [class*="O" i], div[class~="box" i]',
    '[style*="display:none" i], [style*="dis"], [style*="d"], a[style~="x" i], [style="" i]',
    '[rel~="author"], [rel*="AUTH" i], a[rel="Author"], [rel*="Auth"], [rel~="AUTHOR" i]',
    '[data-x~="e"], [data-x*="ai" i], b[data-x], [aria-hidden="true" i], [aria-hiddenx], [data-x]',
    '[href*="e"], svg[href~="true"], [href=""], [hidden], [id*="a" i], [id~="comments"], p, svg',
    # Any element, beside selectors it repeats.
    '*, a[href], div > b:only-child, [itemprop="name"]',
]


@settings(max_examples=300, deadline=None)
@given(_pages())
def test_selectors_find_what_the_query_finds(tree: LexborHTMLParser) -> None:
    for text in SELECTOR_LISTS:
        selectors = _tree.Selectors(text)
        for root in _roots(tree):
            expected = _once(root.css(text))
            assert [node.mem_id for node in selectors.find(root)] == expected, text
            assert [node.mem_id for node in selectors.find(root, 2)] == expected[:2], text
            first = selectors.first(root)
            assert ([first.mem_id] if first is not None else []) == expected[:1], text


@settings(max_examples=300, deadline=None)
@given(_pages())
def test_a_first_match_is_what_css_matches_answers(tree: LexborHTMLParser) -> None:
    """``css_matches`` answers whether the element or one inside it matches, as a
    first match does."""
    assert tree.root is not None
    selectors = _tree.Selectors(clean._HIDING_QUERY)
    for node in tree.root.css("*"):
        matched = selectors.first(node) is not None
        assert matched == node.css_matches(selectors.text)


@settings(max_examples=300, deadline=None)
@given(_pages())
def test_chrome_finds_what_its_selectors_find(tree: LexborHTMLParser) -> None:
    roles = ", ".join(f'[role="{role}" i]' for role, _ in clean.CHROME_ROLES)
    query = f"{', '.join(sel for sel, _ in clean.CHROME_SELECTORS)}, {roles}"
    names = tuple(role.encode() for role, _ in clean.CHROME_ROLES)
    for root in _roots(tree):
        assert [node.mem_id for node in _tree.chrome(root, names)] == _once(root.css(query))


def _holders(headline: LexborNode) -> frozenset[int]:
    """The reference: ``ancestors`` as ``split`` walked ``.parent`` in Python."""
    holders: set[int] = set()
    node = headline.parent
    while node is not None:
        holders.add(node.mem_id)
        node = node.parent
    return frozenset(holders)


@settings(max_examples=300, deadline=None)
@given(_pages())
def test_ancestors_are_the_parents_walked_up(tree: LexborHTMLParser) -> None:
    assert tree.root is not None
    for node in [tree.root, *tree.root.css("*"), *tree.root.iter(include_text=True)]:
        assert _tree.ancestors(node) == _holders(node)


# The queries ``split()`` asked per page through selectolax (its CSS parser made, the
# selector parsed and all freed at each call), now walked by ``_tree.Selectors``: the
# lines beside the headline (``metadata_lines``), a time's holder and the run's links
# (``article``), the body's images, links and inline custom elements (``body_reader``),
# the headline's card image and the headings of an item (``teaser_items``, ``teasers``),
# another story's headline (``article``) and a person's name (``_markup``).
PER_PAGE_QUERIES = [
    "a[href]",
    "*",
    "time",
    "a",
    "img",
    "img, picture",
    "h1, h2",
    "h2, h3, h4, h5, h6",
    '[itemprop="name"]',
]


@settings(max_examples=300, deadline=None)
@given(st.lists(fragments(), min_size=1, max_size=6).map("".join))
@example('<svg><a href="x"><time>t</time><img></a><IMG><h2>s</h2></svg><math><a href>m</a></math>')
@example("<template><a href=x>t</a><time>1</time><img></template><p><TIME>2</TIME></p>")
@example('<A HREF="X"><IMG SRC=y><Picture></Picture><H1>u</H1></A><x-a><a>i</a></x-a>')
@example('<div itemprop="NAME"><b itemprop=" name">x</b><i ItemProp="name">y</i></div>')
@example('<p itemprop="name" itemprop="other"><span itemprop="name\x00">z</span></p>')
@example('<a href>e</a><a href="">f</a><a xlink:href="g">h</a><svg><a xlink:href="i">j</a></svg>')
@example("<table><a href=1>k</a><tr><td><img></td></tr></table><!-- <a href=2> --><?a?>")
def test_the_queries_asked_per_page_are_walked_as_css_finds_them(body: str) -> None:
    """Each query once asked through selectolax at each call, from every element of
    the page: the walk gives the nodes ``css`` gives, in its order (none is listed
    twice), and ``css_first``'s node."""
    tree = LexborHTMLParser(f"<html><body>{body}</body></html>")
    assert tree.root is not None
    for text in PER_PAGE_QUERIES:
        selectors = _tree.Selectors(text)
        for root in tree.root.css("*"):
            expected = [node.mem_id for node in root.css(text)]
            assert [node.mem_id for node in selectors.find(root)] == expected, text
            first, query_first = selectors.first(root), root.css_first(text)
            assert (first is None) == (query_first is None), text
            assert first is None or query_first is None or first.mem_id == query_first.mem_id


@pytest.mark.parametrize(
    "page",
    [
        '<svg><use href="a" xlink:href="b"></use></svg>',
        '<svg><use xlink:href="b" href="a"></use></svg>',
    ],
)
def test_selectors_read_the_first_attribute_of_a_name(page: str) -> None:
    """``xlink:href`` and ``href`` share their name: an attribute test reads the
    element's first of them alone, whatever the other selectors of that name ask."""
    tree = LexborHTMLParser(page)
    assert tree.root is not None
    texts = ('[href="b"]', '[href="a"]', '[href~="b"], use[href*="a"]', 'use[href~="b"], [href]')
    for text in texts:
        expected = _once(tree.root.css(text))
        assert [node.mem_id for node in _tree.Selectors(text).find(tree.root)] == expected, text


def test_wrapped_nodes_are_selectolax_nodes() -> None:
    tree = LexborHTMLParser('<div hidden id="x"><nav>n</nav></div>')
    assert tree.root is not None
    found = _tree.Selectors("[hidden]").find(tree.root)
    assert [(type(n), n.tag, n.id, n.parser is tree) for n in found] == [
        (LexborNode, "div", "x", True)
    ]
    assert sys.getrefcount(tree) > 2  # the node holds its parser
    (nav,) = _tree.chrome(found[0], ())
    assert nav.parent is not None and nav.parent.mem_id == found[0].mem_id


def test_fragments_and_template_contents_are_refused() -> None:
    """A fragment's root and a template's content stand for their top-level nodes,
    which selectolax's queries and walks cover one after another: the walks in C,
    which walk a node's own subtree, refuse them rather than answer otherwise."""
    fragment = LexborHTMLParser("<nav>a</nav><p>b</p>", is_fragment=True).root
    template = LexborHTMLParser("<template><nav>a</nav><p>b</p></template>").css_first("template")
    assert fragment is not None and template is not None
    (content,) = template.template_fragments()
    for root in (fragment, content):
        assert len(root.css("nav, p")) == 2
        with pytest.raises(ValueError, match="fragment"):
            _tree.Selectors("nav, p").find(root)
        with pytest.raises(ValueError, match="fragment"):
            _tree.chrome(root, ())
        with pytest.raises(ValueError, match="fragment"):
            clean._CLEANING.clean(root, None, clean._folds)
    assert [n.text() for n in _tree.Selectors("p").find(fragment.next)] == ["b"]


def test_chrome_implements_the_selectors_of_its_table() -> None:
    """``_tree.chrome`` matches the tags ``CHROME_SELECTORS`` names, in the roles given."""
    tree = LexborHTMLParser(
        "<nav>a</nav><article><header>b</header><footer>c</footer></article><header>d</header>"
        "<form><p>e</p></form><form>f<br>x<br></form><form><br>g</form>"
        "<figure><figcaption>h</figcaption></figure><figcaption>i</figcaption>"
        '<div role="MENU">j</div><div role="main">k</div>'
    )
    assert tree.body is not None
    found = [node.text() for node in _tree.chrome(tree.body, (b"menu",))]
    assert found == ["a", "d", "g", "h", "j"]


def test_chrome_refuses_roles_not_given_as_bytes() -> None:
    """A role given as text would be read as the bytes of another object."""
    tree = LexborHTMLParser('<div role="menu">a</div>')
    assert tree.body is not None
    assert [node.tag for node in _tree.chrome(tree.body, (b"menu",))] == ["div"]
    with pytest.raises(TypeError, match="bytes"):
        _tree.chrome(tree.body, ("menu",))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "[hidden",
        '[id="x" s]',
        "div p",
        '[class|="x" i]',
        "[Hidden]",
        "P",
        "div > x-y:only-child",
        "p:first-child",
        "div > p:first-child",
        "",
        "**",
        "*[id]",
        "p, *, ",
    ],
)
def test_selectors_refuse_other_forms(text: str) -> None:
    with pytest.raises(ValueError, match="not a simple selector"):
        _tree.Selectors(text)


def test_only_the_kelvin_sign_lowercases_to_ascii() -> None:
    """The roles are compared as ``[role="..." i]`` compares (ASCII case alone): the
    same as ``str.lower()`` for role names without a "k" (``clean.CHROME_ROLES``)."""
    folding = {chr(c) for c in range(128, sys.maxunicode + 1) if chr(c).lower().isascii()} - {
        chr(c) for c in range(0xD800, 0xE000)
    }
    assert folding == {"\u212a"}
    assert not any("k" in role for role, _ in clean.CHROME_ROLES)


# Text of every width of UTF-8, with each kind of whitespace ``str.split`` knows
# (ASCII, the separators "\x1c".."\x1f", the wide spaces) and characters that are
# not whitespace to it (the zero-width space, the byte-order mark); and bytes that
# are not valid UTF-8 (a stray continuation, an overlong form, a surrogate, past
# U+10FFFF, a sequence cut short).
_TEXT_PIECES = [
    *("a", "word", " ", "  ", "\t", "\n", "\r\n", "\f", "\v", "\x1c", "\x1f", "\x85", "\xa0"),
    *("\u1680", "\u2003", "\u2028", "\u202f", "\u3000", "\u200b", "\ufeff", "\xe9", "м"),
    *("日本", "\U0001f600", "&nbsp;", "&#x3000;", "<br>", "<!-- c -->"),
    # Runs longer than a word of eight bytes, and the bytes at the edges of the
    # ASCII spaces (8, 14, 27, 33) and DEL; characters of two bytes beside a space's.
    *("a long word", "\n        ", "\x08", "\x0e", "\x1b", "!", "\x7f", "\xc0", "\u07ff"),
]
_BAD_BYTES = [b"\xff", b"\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x80"]
_BAD_BYTES += [b"\xc3 ", b"\xdf"]  # a lead byte of two without the second


@st.composite
def _texts(draw: st.DrawFn, depth: int = 0) -> bytes:
    if depth > 3 or draw(st.integers(0, 2)) == 0:
        return "".join(draw(st.lists(st.sampled_from(_TEXT_PIECES), max_size=6))).encode()
    tag = draw(st.sampled_from(["div", "p", "span", "b", "td", "pre", "textarea", "template"]))
    inner = b"".join(draw(st.lists(_texts(depth + 1), max_size=4)))
    return f"<{tag}>".encode() + inner + f"</{tag}>".encode()


def _folded(root: LexborNode) -> int:
    return folded_length(root.text(separator=" ", skip_empty=True))


@settings(max_examples=300, deadline=None)
@given(st.lists(_texts(), min_size=1, max_size=5))
def test_folded_length_is_the_folded_texts(parts: list[bytes]) -> None:
    tree = LexborHTMLParser(b"<html><body>" + b"".join(parts) + b"</body></html>")
    assert tree.body is not None
    for root in [tree.body, *tree.body.css("div, p, span, td")[:4]]:
        assert FOLDED.of(root) == _folded(root)
        # Joined without a separator (``text_length``), a word running on across nodes.
        assert FOLDED.of(root, joined=True) == len(" ".join(root.text().split()))
        assert text_length(root) == len(" ".join(root.text().split()))


@pytest.mark.parametrize(
    ("markup", "length"),
    [("<p>a<b>b</b> c</p>", 4), ("<p> a <b> </b>b </p>", 3), ("<p>\u00e9<i>\u3000x</i></p>", 3)],
)
def test_joined_length_runs_words_on(markup: str, length: int) -> None:
    node = LexborHTMLParser(markup).css_first("p")
    assert node is not None
    assert FOLDED.of(node, joined=True) == length
    assert FOLDED.of(node) == len(" ".join(node.text(separator=" ", skip_empty=True).split()))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_texts(), st.sampled_from(_BAD_BYTES)), min_size=1, max_size=6))
def test_text_length_of_invalid_bytes_is_the_decoded_text(parts: list[bytes]) -> None:
    tree = LexborHTMLParser(b"<html><body>" + b"".join(parts) + b"</body></html>")
    assert tree.body is not None
    assert text_length(tree.body) == len(" ".join(tree.body.text().split()))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_texts(), st.sampled_from(_BAD_BYTES)), min_size=1, max_size=6))
def test_visible_chars_of_invalid_bytes_are_the_decoded_texts(parts: list[bytes]) -> None:
    tree = LexborHTMLParser(b"<html><body>" + b"".join(parts) + b"</body></html>")
    assert tree.body is not None
    assert _visible_chars(tree.body) == _folded(tree.body)


@pytest.mark.parametrize("spaces", [SPACES.replace("\x1c", ""), SPACES + "\x00", SPACES + "\u0600"])
def test_folded_length_refuses_spaces_it_does_not_read(spaces: str) -> None:
    # The ASCII words are tested for str.split's ASCII spaces, the characters of two
    # bytes from U+00C0 taken as no space.
    with pytest.raises(ValueError):
        FoldedLength(spaces)


@pytest.mark.parametrize("bad", _BAD_BYTES)
def test_folded_length_refuses_invalid_utf8(bad: bytes) -> None:
    tree = LexborHTMLParser(b"<p>a " + bad + b" b</p>")
    assert tree.body is not None
    assert FOLDED.of(tree.body) == -1
    assert _visible_chars(tree.body) == _folded(tree.body)
