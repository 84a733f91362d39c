"""A block's label read in C (``_frame.Labels`` as ``teaser_fields._label_of``) answers
as the Python it replaced, kept here: the tag tests, the class and id tokens, the query
of linked headings, the bold line, the openings of a block or a line, and the text."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract.bold_lines import bold_alone
from service.extract.teaser_tokens import Tokens
from service.extract.text import normalize_text

_ARROWS = re.compile(r"\s*[\u203a\u00bb>\u2192:\uff1a]+\s*$")
_TITLE_PARTS = frozenset({"title", "heading", "header", "hd", "head"})


def _label_of(element: LexborNode, tokens: Tokens, line: bool = False) -> str | None:
    tag = element.tag
    if (
        tag in ("h2", "h3", "h4", "h5", "h6", "header", "legend", "dt", "caption")
        or (
            tag in ("div", "p", "span", "strong")
            and tokens.of(element)[0] & _TITLE_PARTS
            and element.css_first("a[href] h2, a[href] h3, a[href] h4") is None
        )
        or (tag == "tr" and element.css_first("td, a") is None)
        or (
            tag in ("b", "strong")
            and (_opens_line(element) if line else _opens_block(element))
            and element.css_first("a") is None
        )
        or (tag in ("div", "font") and _is_bold_line(element))
    ):
        inner = tf._TITLE_INSIDE.first(element) if tag in ("header", "div") else None
        return _label_text(inner or element)
    return None


def _is_bold_line(element: LexborNode) -> bool:
    bold = bold_alone(element)
    return bold is not None and bold.css_first("a") is None


def _label_text(element: LexborNode) -> str | None:
    text = _ARROWS.sub("", normalize_text(element.text()))
    return text if text and len(text) <= tt.MAX_LABEL_CHARS else None


def _opens_block(element: LexborNode) -> bool:
    before = element.prev
    while before is not None and before.tag == "-text" and not (before.text_content or "").strip():
        before = before.prev
    return before is None


def _opens_line(element: LexborNode) -> bool:
    before = element.prev
    while before is not None and before.tag == "-text" and not (before.text_content or "").strip():
        before = before.prev
    if before is None:
        return True
    tag = before.tag or "-"
    return tag not in tt.INLINE_TAGS and not tag.startswith("-")


# Texts: whitespace of every kind ``str.strip`` strips, arrows and colons closing a
# label, characters beyond ASCII, a text longer than a label, entities and bytes that
# are not UTF-8.
_TEXTS = [
    *("", "Most read", " ", "  \n", "\t", "\x1c", "\x85", "\xa0", "\u2003", "\u3000"),
    *("\u200b", " \u00bb", " >", ":", " \u203a ", "\uff1a", "\u2192 ", "Mehr \u00bb \n"),
    *("\u65e5\u672c", "\xe9t\xe9", "x" * 85, "&nbsp;", "&gt;", "<!-- c -->", "<br>", "<hr>"),
]
_BAD_BYTES = [b"\xff", b"\x80", b"\xe2\x80"]
_TAGS = ["div", "p", "span", "strong", "b", "font", "h2", "h3", "h4", "h5", "h6", "header"]
_TAGS += ["legend", "dt", "caption", "em", "i", "a", "section", "ul", "li", "my-box", "svg"]
_TAGS += ["label", "time", "td", "DIV", "B"]
# Class and id names: the title parts as whole tokens and inside longer ones, in mixed
# case, with separators, and with characters beyond ASCII (the Kelvin sign lowercases
# to "k", the dotted capital I to "i" and a combining dot).
_NAMES = ["", "title", "Site-Header", "hd", "head_line", "sub-title", "heading x", "titles"]
_NAMES += ["x head", "TITLE", "title\u212a", "t\u0130tle", "\u00e9 title", "hd\u00e9", "box"]


@st.composite
def _attributes(draw: st.DrawFn, tag: str) -> str:
    out = ""
    if tag.lower() == "a" and draw(st.booleans()):
        out += ' href="/x"'
    for name in ("class", "id"):
        value = draw(st.sampled_from(_NAMES))
        if value or draw(st.booleans()):
            out += f' {name}="{value}"'
    if draw(st.integers(0, 5)) == 0:
        out += " class"  # a second class, or one without a value
    return out


@st.composite
def _text(draw: st.DrawFn) -> bytes:
    parts = []
    for _ in range(draw(st.integers(0, 2))):
        if draw(st.integers(0, 9)) == 0:
            parts.append(draw(st.sampled_from(_BAD_BYTES)))
        else:
            parts.append(draw(st.sampled_from(_TEXTS)).encode())
    return b"".join(parts)


@st.composite
def _element(draw: st.DrawFn, depth: int = 0) -> bytes:
    tag = draw(st.sampled_from(_TAGS))
    inner = [draw(_text())]
    if depth < 3:
        for _ in range(draw(st.integers(0, 3))):
            inner.append(draw(_element(depth + 1)))
            inner.append(draw(_text()))
    opening = f"<{tag}{draw(_attributes(tag))}>".encode()
    return opening + b"".join(inner) + f"</{tag}>".encode()


@st.composite
def _table(draw: st.DrawFn) -> bytes:
    """A table layout: rows of headers, cells and links, a caption."""
    rows = []
    for _ in range(draw(st.integers(1, 3))):
        cells = [
            f"<{draw(st.sampled_from(['th', 'td']))}>".encode() + draw(_element())
            for _ in range(draw(st.integers(0, 2)))
        ]
        rows.append(b"<tr>" + b"".join(cells) + b"</tr>")
    caption = b"<caption>Top stories</caption>" if draw(st.booleans()) else b""
    return b"<table>" + caption + b"".join(rows) + b"</table>"


def _pages() -> st.SearchStrategy[LexborHTMLParser]:
    return st.builds(
        lambda body: LexborHTMLParser(b"<html><body>" + b"".join(body) + b"</body></html>"),
        st.lists(st.one_of(_element(), _table()), min_size=1, max_size=4),
    )


def _answers_as_the_python(tree: LexborHTMLParser) -> None:
    assert tree.body is not None
    for node in tree.body.traverse():
        if (node.tag or "").startswith("-"):
            continue
        for line in (False, True):
            assert tf._label_of(node, Tokens(), line=line) == _label_of(node, Tokens(), line)
        assert tf._LABELS.text(node) == _label_text(node)


@settings(max_examples=400, deadline=None)
@given(_pages())
@example(LexborHTMLParser("<div><b>Recent articles \u00bb</b> \n<!-- x --></div>"))
@example(LexborHTMLParser("<div> <b>One</b><strong>Two</strong></div><div><b><a>x</a></b></div>"))
@example(
    LexborHTMLParser("<div>\u3000<strong>Most read</strong>\xa0</div><font><b>Links</b></font>")
)
@example(LexborHTMLParser('<a href="/"><div class="title"><h2>A card</h2></div></a>'))
@example(LexborHTMLParser('<div class="x title"><a><h3>No target</h3></a></div>'))
@example(LexborHTMLParser('<div class="hd"><a href="/x"><h3>Card</h3></a></div>'))
@example(LexborHTMLParser('<span id="title"><a href="/x"><h4>Card</h4></a></span><h5>x</h5>'))
@example(LexborHTMLParser('<span id="hd"><svg><a href="#"><h4>x</h4></a></svg></span>'))
@example(LexborHTMLParser('<div class="title\u212a">Kelvin</div><p id="T\u0130TLE">x</p>'))
@example(LexborHTMLParser("<p>a</p><hr> <b>Other stories:</b><br><strong>Next</strong>"))
@example(LexborHTMLParser("<em>x</em><b>Not a line</b> <span>y</span>\n<b>Nor this</b>"))
@example(LexborHTMLParser("<table><tr><th>Rows</th></tr><tr><td>x</td></tr></table>"))
@example(LexborHTMLParser('<header><div class="box-heading">Inner</div>Outer</header>'))
@example(LexborHTMLParser("<h2>" + "x" * 81 + "</h2><h3> \u203a </h3><dt>\xff\u00bb</dt>"))
def test_labels_answer_as_the_python(tree: LexborHTMLParser) -> None:
    _answers_as_the_python(tree)


def test_the_rules_hold_on_known_markup() -> None:
    tree = LexborHTMLParser(
        '<div id="a"><b>Recent articles \u00bb</b></div>'
        '<div id="b"><b><a href="/">Linked</a></b></div>'
        '<div class="block-title" id="c">Most read</div>'
        '<a href="/"><div class="title" id="d"><h2>Card</h2></div></a>'
        "<p>x</p><b id='e'>Inline</b>"
    )
    tokens = Tokens()

    def label(selector: str, line: bool = False) -> str | None:
        node = tree.css_first(selector)
        assert node is not None
        return tf._label_of(node, tokens, line=line)

    assert label("#a") == "Recent articles"
    assert label("#b") is None
    assert label("#c") == "Most read"
    assert label("#d") is None
    assert label("#e") is None  # a paragraph before it in its block
    assert label("#e", line=True) == "Inline"  # after a block: a line of its own
