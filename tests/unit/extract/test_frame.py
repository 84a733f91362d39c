"""The frame of the teasers in C (``_frame``) answers as the Python it replaced: a block's
paid label outside its items, the elements that hold stories, the items of one parent and tag,
the links of a menu that may be labels, the outermost of the nodes to remove, and the
elements the search for a block's label reads, and the body paragraphs beside an item."""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass

from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract import teasers
from service.extract._frame import (
    FewWords,
    Removal,
    holders,
    sibling_counts,
)
from service.extract._tree import H1, LINKS
from service.extract.text import SPACES, normalize_text

# Texts of every width of UTF-8, each kind of whitespace ``str.split`` knows, paid
# labels in mixed case, a long text, and markup around them.
_PIECES = [
    *("a", "word", "News", " ", "  ", "\t", "\n", "\f", "\v", "\x1c", "\x85", "\xa0"),
    *("\u2003", "\u3000", "\u200b", "\xe9t\xe9", "мир", "\U0001f600", "日本語"),
    *("Sponsored", "sPONSORED", " Anzeige ", "Ads by", "x" * 90, "\xe9" * 70),
    *("&nbsp;", "&amp;", "<br>", "<!-- c -->", "<img src=x>"),
    # Paragraphs and runs about as long as the article body's.
    *("w " * 60, "\u65e5" * 70, "<p>" + "x " * 80 + "</p>", "<p>" + "\u8a9e" * 60 + "</p>"),
]
_BAD_BYTES = [b"\xff", b"\x80", b"\x80\x80\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"\xe2\x80"]
_TAGS = ["div", "DIV", "section", "li", "ul", "span", "p", "a", "h3", "script", "svg", "my-box"]
_TAGS += ["header", "H2", "strong", "b", "dt", "h1", "main"]
# Class names a title box's label is found by (``[class*="title"]``), in mixed case.
_CLASSES = ["", ' class="title"', ' class="sub-Title x"', ' class="heading"', ' class="x"']


@st.composite
def _texts(draw: st.DrawFn) -> bytes:
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.integers(0, 7)) == 0:
            parts.append(draw(st.sampled_from(_BAD_BYTES)))
        else:
            parts.append(draw(st.sampled_from(_PIECES)).encode())
    return b"".join(parts)


@st.composite
def _elements(draw: st.DrawFn, depth: int = 0) -> bytes:
    tag = draw(st.sampled_from(_TAGS))
    href = ' href="/a"' if tag == "a" else ""
    href += draw(st.sampled_from(_CLASSES))
    inner = [draw(_texts())]
    if depth < 3:
        for _ in range(draw(st.integers(0, 4))):
            inner.append(draw(_elements(depth + 1)))
            inner.append(draw(_texts()))
    return f"<{tag}{href}>".encode() + b"".join(inner) + f"</{tag}>".encode()


def _pages() -> st.SearchStrategy[LexborHTMLParser]:
    return st.builds(
        lambda body: LexborHTMLParser(b"<html><body>" + b"".join(body) + b"</body></html>"),
        st.lists(_elements(), min_size=1, max_size=3),
    )


def _elements_of(tree: LexborHTMLParser) -> list[LexborNode]:
    body = tree.body
    assert body is not None
    return [node for node in body.traverse() if not (node.tag or "").startswith("-")]


def _node_and_items(tree: LexborHTMLParser, data: st.DataObject) -> tuple[LexborNode, set[int]]:
    """An element of the page, and up to three of its elements as items (by ``mem_id``)."""
    elements = _elements_of(tree)
    node = data.draw(st.sampled_from(elements))
    items = {item.mem_id for item in data.draw(st.lists(st.sampled_from(elements), max_size=3))}
    return node, items


def _block_is_paid(node: LexborNode, items: set[int], depth: int = 3) -> bool:
    """The Python walk ``teasers._block_is_paid`` replaced."""
    for child in node.iter():
        if child.mem_id in items:
            continue
        own = child.text(deep=False)
        short = own and len(own) <= tt.MAX_LABEL_CHARS * 2
        if short and tf.is_sponsored_label(normalize_text(own)):
            return True
        if depth > 1 and _block_is_paid(child, items, depth - 1):
            return True
    return False


def _own_texts(node: LexborNode, items: set[int], depth: int) -> list[str]:
    """The own texts the Python walk tested, in its order, as long as a label may be."""
    texts = []
    for child in node.iter():
        if child.mem_id in items:
            continue
        own = child.text(deep=False)
        if own and len(own) <= tt.MAX_LABEL_CHARS * 2:
            texts.append(own)
        if depth > 1:
            texts.extend(_own_texts(child, items, depth - 1))
    return texts


@settings(max_examples=150, deadline=None)
@given(_pages(), st.data())
def test_own_texts_hold_every_label_the_python_walk_tests(
    tree: LexborHTMLParser, data: st.DataObject
) -> None:
    block, items = _node_and_items(tree, data)
    depth = data.draw(st.integers(1, 4))
    found = teasers._OWN_TEXTS.of(block, items, depth)
    # White space of ASCII alone is left out: it folds to no text, which is no label.
    expected = [t for t in _own_texts(block, items, depth) if not (t.isascii() and not t.split())]
    # and so is a text whose opening opens no paid label, the rest kept in order.
    kept = iter(text for text in found if len(text) <= tt.MAX_LABEL_CHARS * 2)
    following = next(kept, None)
    for text in expected:
        if text == following:
            following = next(kept, None)
        else:
            assert not _may_open_a_paid_label(text), text
    assert following is None
    if depth == 3:
        assert teasers._block_is_paid(block, items) == _block_is_paid(block, items)


def _may_open_a_paid_label(text: str) -> bool:
    """The gate of ``is_sponsored_label`` on the text the label's test reads."""
    return tf.may_open_with(normalize_text(text), tt.SPONSORED_LABEL_OPENERS, tf.SPACE_LEADS)


# Openings of own texts: paid labels' first letters in any case, others, ASCII white
# space (that ``normalize_text`` folds or drops as invisible), control characters, marks
# that compose with the letter before them, invisible and bidirectional marks, wide
# spaces, and characters a caseless match pairs with ASCII letters.
_OPENINGS = st.lists(
    st.sampled_from(
        [
            *("S", "s", "p", "P", "o", "A", "a", "d", "D", "n", "w", "R", "M", "x", "1", "!", "~"),
            *(" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x7f", "\x01"),
            *("\u0301", "\u0338", "\u200b", "\xad", "\u200e", "\xa0", "\u3000", "\u212a"),
            *("\u017f", "\xe9", "\ufffd", "Sponsored", "ads by", "Most Read", "more"),
        ]
    ),
    min_size=1,
    max_size=6,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_OPENINGS)
@example("Sponsored")
@example(" \n\tAd")
@example("ad")
@example("Ads by Partner")
@example("Most Read")
@example("Mo\u0301re")
@example("\u212anown")
@example("SS\x0b\u0301")  # folding drops the control character, the mark composes with "S"
def test_own_texts_left_out_open_no_paid_label(text: str) -> None:
    found = _own_text_found(text)
    if text in ("Sponsored", "ad", "Ads by Partner"):
        assert found == [text]
    if text == "Most Read":
        assert found == []  # "Mo" opens no paid label


def test_own_texts_after_each_ascii_character_open_as_folded() -> None:
    """Whatever ASCII character follows two letters opening no label, a mark after it
    composes with the second letter when folding drops the character."""
    for code in range(128):
        _own_text_found("SS" + chr(code) + "\u0301")
        _own_text_found("Sz" + chr(code) + "x")


def _own_text_found(text: str) -> list[str]:
    """``_OWN_TEXTS``' texts of a block holding ``text``, checked against the paid label's
    gate on the folded text: a text is left out only when it opens no paid label."""
    tree = LexborHTMLParser(f"<div><span>{html.escape(text)}</span></div>")
    block, span = tree.css_first("div"), tree.css_first("span")
    assert block is not None and span is not None
    own = span.text(deep=False)
    found: list[str] = teasers._OWN_TEXTS.of(block, set(), 1)
    if own.isascii() and not own.split():
        assert found == []
    elif found:
        assert found == [own]
    else:
        assert not _may_open_a_paid_label(own)
    return found


def test_a_paid_label_is_found_outside_the_items_only() -> None:
    tree = LexborHTMLParser(
        "<div id=b><div><span> Sponsored </span><ul><li id=i><span>Ads by</span>"
        "<a href=/x>Story</a></li></ul></div></div>"
    )
    block = tree.css_first("#b")
    item = tree.css_first("#i")
    assert block is not None and item is not None
    assert teasers._block_is_paid(block, set())
    span = tree.css_first("span")
    assert span is not None
    assert not teasers._block_is_paid(block, {item.mem_id, span.mem_id})
    assert not tf.is_sponsored_label("")  # white space alone is left out by _OWN_TEXTS


@settings(max_examples=100, deadline=None)
@given(_pages(), st.data())
def test_holders_and_sibling_counts_answer_as_the_python(
    tree: LexborHTMLParser, data: st.DataObject
) -> None:
    elements = _elements_of(tree)
    nodes = data.draw(st.lists(st.sampled_from(elements), max_size=8))
    expected: set[int] = set()
    for node in nodes:
        current: LexborNode | None = node
        for _ in range(3):
            if current is None:
                break
            expected.add(current.mem_id)
            current = current.parent
    assert holders(nodes, 3) == expected
    assert sibling_counts(nodes) == _sibling_counts(nodes)


def _sibling_counts(nodes: list[LexborNode]) -> list[int]:
    """The Python ``sibling_counts`` replaced: items per (parent, tag), each item's."""
    keys = [(node.parent.mem_id if node.parent else -1, node.tag) for node in nodes]
    counts = Counter(keys)
    return [counts[key] for key in keys]


def test_sibling_counts_count_items_of_one_parent_and_tag() -> None:
    tree = LexborHTMLParser(
        "<ul id=a><li>1</li><li>2</li><p>x</p><li>3</li></ul>"
        "<ul id=b><li>4</li><my-box>5</my-box><my-box>6</my-box><svg></svg></ul>"
    )
    nodes = [*tree.css("li"), *tree.css("my-box"), *tree.css("p"), *tree.css("svg")]
    assert sibling_counts(nodes) == [3, 3, 3, 1, 2, 2, 1, 1]
    assert sibling_counts([]) == []
    root = tree.root
    assert root is not None and sibling_counts([root, root]) == [2, 2]


@settings(max_examples=150, deadline=None)
@given(_pages(), st.integers(1, 5))
def test_few_words_leaves_out_only_links_of_as_many_words(
    tree: LexborHTMLParser, words: int
) -> None:
    links = LINKS.find(tree.root)  # type: ignore[arg-type]
    few = FewWords(words, SPACES).of(links)
    kept = {link.mem_id for link in few}
    assert [link.mem_id for link in links if link.mem_id in kept] == [node.mem_id for node in few]
    for link in links:
        count = len(link.text(strip=True).split())
        if count < words:
            assert link.mem_id in kept
        elif "\ufffd" not in link.text(strip=True):
            assert link.mem_id not in kept


def test_few_words_joins_the_stripped_pieces() -> None:
    tree = LexborHTMLParser(
        "<a href=/1>World <b> news </b>today</a><a href=/2>One two <b>three</b> four</a>"
        "<a href=/3> a\u2003b <i>c</i>\xa0d </a>"
    )
    links = LINKS.find(tree.root)  # type: ignore[arg-type]
    # "Worldnewstoday" is one word; "One twothreefour" two; "a\u2003bcd" two.
    assert [link.attributes["href"] for link in FewWords(3, SPACES).of(links)] == [
        "/1",
        "/2",
        "/3",
    ]
    assert [link.attributes["href"] for link in FewWords(2, SPACES).of(links)] == ["/1"]


@settings(max_examples=150, deadline=None)
@given(_pages(), st.data())
def test_the_label_search_reads_the_elements_the_python_read(
    tree: LexborHTMLParser, data: st.DataObject
) -> None:
    node, _ = _node_and_items(tree, data)
    # teaser_fields.heading_before's elements: test_heading_before.py; an item's block:
    # test_find_block.py.
    # The queries of a title box's label, walked in C.
    for query, selectors in (
        ("h2, h3, h4, h5, h6, [class*=title], [class*=heading]", tf._TITLE_INSIDE),
        (tt.SUBHEADINGS, tf.SUBHEADINGS),
    ):
        expected = node.css_first(query)
        found = selectors.first(node)
        assert (found.mem_id if found is not None else None) == (
            expected.mem_id if expected is not None else None
        )


def _body_counts(parent: LexborNode, items: set[int]) -> tuple[int, int]:
    """The Python count ``teasers._in_body`` made: body paragraphs that are no items, up
    to two, and beside fewer, the runs as long as one (``_body_runs``), up to two."""
    elements = 0
    for child in parent.iter():
        if child.mem_id not in items and tf.is_body_paragraph(child):
            elements += 1
            if elements > 1:
                return elements, 0
    runs = 0
    if tf.may_hold_body_run(parent):
        for child in parent.iter(include_text=True):
            if child.tag == "-text" and tf.is_body_run(child.text_content or ""):
                runs += 1
                if runs > 1:
                    break
    return elements, runs


@settings(max_examples=200, deadline=None)
@given(_pages(), st.data())
def test_body_counts_answer_as_the_python(tree: LexborHTMLParser, data: st.DataObject) -> None:
    node, items = _node_and_items(tree, data)
    assert teasers._BODY_COUNTS.of(node, items) == _body_counts(node, items)


def test_body_counts_leave_out_items_and_short_runs() -> None:
    long = "word " * 60
    tree = LexborHTMLParser(
        f"<div id=b><p id=i>{long}</p><p>{long}</p>{long}<br>short<br>{long}</div>"
    )
    block = tree.css_first("#b")
    item = tree.css_first("#i")
    assert block is not None and item is not None
    assert teasers._BODY_COUNTS.of(block, set()) == (2, 0)
    assert teasers._BODY_COUNTS.of(block, {item.mem_id}) == (1, 2)


@dataclass
class _Kept:
    """What ``Removal`` reads of a kept item (``teasers._Item``'s fields of the name)."""

    node: LexborNode
    inline: bool
    block_node: LexborNode | None
    block: str | None
    label_node: LexborNode | None


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    unique = {node.mem_id: node for node in nodes}
    kept = []
    for node in unique.values():
        parent = node.parent
        while parent is not None and parent.mem_id not in unique:
            parent = parent.parent
        if parent is None:
            kept.append(node)
    return kept


def _removal(kept: list[_Kept], max_extra: int) -> tuple[list[LexborNode], int]:
    """The Python ``Removal`` replaced: each node's ``text_length`` measured alone."""
    length = tf.text_length
    inside: dict[int, int] = {}
    for item in kept:
        if item.block_node is not None and not item.inline:
            key = item.block_node.mem_id
            inside[key] = inside.get(key, 0) + length(item.node)
    whole: dict[int, bool] = {}
    nodes = []
    for item in kept:
        block = item.block_node
        if block is None or item.inline or block.tag in tt.STOP_TAGS:
            nodes.append(item.node)
            if item.inline and item.label_node is not None:
                nodes.append(item.label_node)
            continue
        key = block.mem_id
        if key not in whole:
            extra = length(block) - inside[key] - len(item.block or "")
            whole[key] = extra <= max_extra and H1.first(block) is None
        nodes.append(block if whole[key] else item.node)
        if item.label_node is not None and length(item.label_node) <= len(item.block or ""):
            nodes.append(item.label_node)
    found = _outermost(nodes)
    return found, sum(length(node) for node in found)


@st.composite
def _kept(draw: st.DrawFn, elements: list[LexborNode]) -> _Kept:
    node = draw(st.sampled_from(elements))
    ancestors = []
    parent = node.parent
    while parent is not None:
        ancestors.append(parent)
        parent = parent.parent
    return _Kept(
        node,
        draw(st.integers(0, 4)) == 0,
        draw(st.none() | st.sampled_from(ancestors)),
        draw(st.sampled_from([None, "", "Related", "x" * 30])),
        draw(st.none() | st.sampled_from(elements)),
    )


@settings(max_examples=300, deadline=None)
@given(_pages(), st.data(), st.integers(0, 60))
def test_removal_answers_as_the_python(
    tree: LexborHTMLParser, data: st.DataObject, max_extra: int
) -> None:
    elements = _elements_of(tree)
    # Items in page order mostly, as the teasers are kept; in any order at times.
    kept = data.draw(st.lists(_kept(elements), max_size=8))
    if data.draw(st.booleans()):
        position = {node.mem_id: i for i, node in enumerate(elements)}
        kept.sort(key=lambda item: position[item.node.mem_id])
    removal = Removal(
        max_extra_chars=max_extra,
        stop_tags=tt.STOP_TAGS,
        spaces=SPACES,
        text_length=tf.text_length,
    )
    nodes, chars = removal.of(kept)
    expected, expected_chars = _removal(kept, max_extra)
    assert [node.mem_id for node in nodes] == [node.mem_id for node in expected]
    assert chars == expected_chars


def test_removal_measures_the_items_in_their_block_walk() -> None:
    tree = LexborHTMLParser(
        "<html><body><section><h2>More</h2> <ul><li><a href=/a>One\u00e9  two</a></li> "
        "<li>x<a href=/b>Three <b>four</b></a></li></ul> tail</section></body></html>"
    )
    block = tree.css_first("section")
    first, second = tree.css("li")
    kept = [_Kept(first, False, block, "More", None), _Kept(second, False, block, "More", None)]

    def removal(max_extra: int) -> Removal:
        return Removal(
            max_extra_chars=max_extra,
            stop_tags=tt.STOP_TAGS,
            spaces=SPACES,
            text_length=tf.text_length,
        )

    # The block holds "tail" and three gaps beside its label and items: 7 characters.
    nodes, chars = removal(7).of(kept)
    assert [node.tag for node in nodes] == ["section"]
    assert chars == len("More One\u00e9 two xThree four tail")
    nodes, chars = removal(6).of(kept)
    assert [node.tag for node in nodes] == ["li", "li"]
    assert chars == len("One\u00e9 two") + len("xThree four")


def test_removal_keeps_a_block_holding_an_h1_and_each_node_once() -> None:
    """The block's walk finds an ``h1`` below it (or, where its bytes are not UTF-8, the
    search after ``text_length``); a node taken twice counts once, the first seen."""
    for tail in (b"", b" \xff"):
        tree = LexborHTMLParser(
            b"<html><body><section><ul><li><a href=/a>One</a></li><li><a href=/b>Two</a>"
            b"</li></ul><div><h1>Head</h1></div>" + tail + b"</section></body></html>"
        )
        block = tree.css_first("section")
        first, second = tree.css("li")
        kept = [
            _Kept(first, False, block, None, None),
            _Kept(second, False, block, None, None),
            _Kept(first, True, None, None, second),
        ]
        removal = Removal(
            max_extra_chars=60, stop_tags=tt.STOP_TAGS, spaces=SPACES, text_length=tf.text_length
        )
        nodes, chars = removal.of(kept)
        assert [node.mem_id for node in nodes] == [first.mem_id, second.mem_id]
        assert chars == len("One") + len("Two")
        expected, expected_chars = _removal(kept, 60)
        assert [node.mem_id for node in expected] == [first.mem_id, second.mem_id]
        assert expected_chars == chars
