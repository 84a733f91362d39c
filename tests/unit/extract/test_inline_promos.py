"""An item's inline promo test in C (``teasers._PROMOS``, ``_frame.InlinePromos``) answers
as the Python it replaced (kept here as the reference): whether the item is a promo in
the article body, the label set apart before it, and whether a text opens with a promo
label."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser
from selectolax.lexbor import LexborNode as Node

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract.teasers import _BODY_COUNTS, _PROMOS
from service.extract.text import normalize_text


@dataclass
class _Link:
    title: str
    heading: Node | None


@dataclass
class _Item:
    node: Node
    link: _Link
    snippet: str | None
    image: str | None
    label_node: Node | None = None


# The Python ``teasers._inline_promo`` and its helpers, as they were.


def _in_body(item: _Item, paragraphs: dict[int, tuple[int, int]], items: set[int]) -> bool:
    parent = item.node.parent
    if parent is None:
        return False
    counts = paragraphs.get(parent.mem_id)
    if counts is None:
        counts = paragraphs[parent.mem_id] = _BODY_COUNTS.of(parent, items)
    elements, runs = counts
    return elements >= 2 or (elements + runs >= 2 and _own_line(item.node))


def _own_line(node: Node) -> bool:
    if node.tag not in _IN_LINE:
        return True
    label = _line_label(node)
    before = _line_neighbour(label if label is not None else node, forward=False)
    if not _ends_line(before):
        return False
    after = _line_neighbour(node, forward=True)
    return _ends_line(after) or (after is not None and _opens_sentence(after))


def _opens_sentence(node: Node) -> bool:
    return node.tag == "-text" and (node.text_content or "").lstrip()[:1].isupper()


def _line_label(node: Node) -> Node | None:
    before = _line_neighbour(node, forward=False)
    if before is None or before.tag not in tt.INLINE_TAGS:
        return None
    text = before.text()
    found = tt.INLINE_LABEL.match(text)
    if found is not None and found.end() == len(text):
        return before
    text = text.strip()
    lead_in = text[-1:] in tt.LABEL_SEPARATORS and tf.word_count(text) <= tt.MAX_LEAD_IN_WORDS
    return before if lead_in else None


def _line_neighbour(node: Node, forward: bool) -> Node | None:
    sibling = node.next if forward else node.prev
    while sibling is not None:
        tag = sibling.tag or ""
        if tag == "-text" and (sibling.text_content or "").strip():
            return sibling
        if not tag.startswith("-"):
            return sibling
        sibling = sibling.next if forward else sibling.prev
    return None


def _ends_line(node: Node | None) -> bool:
    return node is None or node.tag == "br" or node.tag not in _IN_LINE


_IN_LINE = tt.INLINE_TAGS | {"-text"}


def _inline_promo(item: _Item, paragraphs: dict[int, tuple[int, int]], items: set[int]) -> bool:
    text = normalize_text(item.node.text())  # what ``_item_text`` reads, read whole
    if _has_promo_label(item, text):
        return True
    if not _in_body(item, paragraphs, items):
        return False
    card = item.link.heading is not None or item.image is not None or item.snippet is not None
    bare = not card and text == item.link.title and tf.word_count(text) >= tt.MIN_INLINE_WORDS
    label = _line_label(item.node)
    if not (card or bare or label is not None):
        return False
    item.label_node = label
    return True


def _has_promo_label(item: _Item, text: str) -> bool:
    return (
        tf.may_open_with(text, tt.INLINE_LABEL_OPENERS, tf.LABEL_LEADS)
        and tt.INLINE_LABEL.match(text) is not None
        and not tt.INLINE_LABEL.match(item.link.title)
        and not tt.NAV_LABEL.match(text)
    )


# Pieces of a body: paragraphs and runs as long as the article's, line breaks, labels set
# apart and lead-ins, white space of every kind, comments, texts opening a sentence or
# not, and the items' own markup.
_LONG = "word " * 50
_WIDE = "\u8a9e" * 60
_PIECES = [
    *(f"<p>{_LONG}</p>", f"<p>{_WIDE}</p>", "<p>short</p>", _LONG, f"Then {_LONG}"),
    *(f"then {_LONG}", "<br>", "<br><br>", "<hr>", "<!-- c -->", " ", "\n\t", "\xa0", "\u3000"),
    *("<b>Read more:</b>", "<strong>Related</strong> ", "<b>On our site:</b>", "<i>a</i>"),
    *("<span>Five words lead in here now:</span>", "<b>Six words are too many here:</b>"),
    *("<em>\u00c9t\u00e9 suivant</em>", "Also: ", "\u00c9crit ", "<div>block</div>"),
    *("<ul><li>entry</li></ul>", "<font>x</font>", "<my-tag>x</my-tag>"),
]
_ITEMS = [
    "<a id=i href=/a>Ferry strike ends after three days of talks</a>",
    "<a id=i href=/a>Short link</a>",
    "<span id=i><a href=/a>Read more: Ferry strike ends</a></span>",
    "<p id=i><a href=/a>Ferry strike ends after three days of talks</a></p>",
    "<div id=i><h3><a href=/a>Ferry strike ends</a></h3><p>The unions agreed.</p></div>",
    "<b id=i>Related: <a href=/a>Ferry strike ends</a></b>",
    "<li id=i><a href=/a>Related party deals rise</a></li>",
    "<a id=i href=/a>   \u25b6 RELATED   Ferry strike ends today in the harbour</a>",
    "<a id=i href=/a>Home</a>",
    "<p id=i>Read more: <a href=/a>Ferry</a></p>",
]


@st.composite
def _pages(draw: st.DrawFn) -> str:
    """A block holding pieces, the item, and pieces after it."""
    before = draw(st.lists(st.sampled_from(_PIECES), max_size=6))
    after = draw(st.lists(st.sampled_from(_PIECES), max_size=6))
    item = draw(st.sampled_from(_ITEMS))
    wrapper = draw(st.sampled_from(["div", "td", "section"]))
    return f"<{wrapper}>{''.join(before)}{item}{''.join(after)}</{wrapper}>"


def _item(tree: LexborHTMLParser, card: int, title: str | None) -> _Item:
    node = tree.css_first("#i")
    assert node is not None
    shown = title if title is not None else normalize_text(node.text())
    heading = node if card == 1 else None
    return _Item(node, _Link(shown, heading), "A snippet." if card == 2 else None, None)


@settings(max_examples=600, deadline=None)
@given(_pages(), st.integers(0, 2), st.sampled_from([None, "Ferry strike ends", "Related news"]))
@example("<div>" + f"<p>{_LONG}</p>" * 2 + _ITEMS[0] + "</div>", 0, None)
@example(
    "<div>" + _LONG + "<br><b>Read more:</b> " + _ITEMS[1] + "<br>" + _LONG + "</div>", 0, None
)
@example("<div>" + _LONG + "<br><br>" + _ITEMS[0] + "Then " + _LONG + "</div>", 0, None)
@example("<div>" + _LONG + "<br><br>" + _ITEMS[0] + "then " + _LONG + "</div>", 0, None)
@example("<div>" + _LONG + "<br><!-- c --> \xa0" + _ITEMS[0] + "<br>" + _LONG + "</div>", 0, None)
@example("<div>" + _LONG + "<span>On the Chronicle's site:</span>" + _ITEMS[1] + "</div>", 0, None)
def test_the_inline_promo_test_answers_as_the_python(
    html: str, card: int, title: str | None
) -> None:
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
    expected = _item(tree, card, title)
    found = _item(tree, card, title)
    items = {found.node.mem_id}
    want = _inline_promo(expected, {}, {expected.node.mem_id})
    assert _PROMOS.of(found, {}, items) == want
    if want:
        assert (found.label_node.mem_id if found.label_node is not None else None) == (
            expected.label_node.mem_id if expected.label_node is not None else None
        )


def test_the_counts_per_parent_are_kept_and_read_again() -> None:
    html = "<div>" + f"<p>{_LONG}</p>" * 2 + _ITEMS[1] + "</div>"
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
    item = _item(tree, 0, "Short link")
    paragraphs: dict[int, tuple[int, int]] = {}
    assert not _PROMOS.of(item, paragraphs, {item.node.mem_id})  # a bare link too short
    parent = item.node.parent
    assert parent is not None
    assert paragraphs == {parent.mem_id: (2, 0)}
    paragraphs[parent.mem_id] = (0, 0)
    item = _item(tree, 1, "Short link")
    assert not _PROMOS.of(item, paragraphs, set())  # the kept count read, not made again


_TEXTS = st.lists(
    st.sampled_from(
        [
            *(
                "Read more: ",
                "Read more",
                "Related ",
                "[Related] ",
                "\u25b6 Lesen Sie auch ",
                "Home",
                "R",
            ),
            *("Related party", " ", "\u212a", "\xe9", "\u95a2\u9023\u8a18\u4e8b ", "Next", "x"),
        ]
    ),
    max_size=5,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS, _TEXTS)
@example("", "")
@example("R", "")
@example("\u212a", "")
@example("Read more: x", "Related party deals")
@example("Read more", "")  # a navigation label
def test_the_promo_label_test_answers_as_the_python(text: str, title: str) -> None:
    node = LexborHTMLParser("<a>x</a>").css_first("a")
    assert node is not None
    item = _Item(node, _Link(title, None), None, None)
    assert _PROMOS.labelled(text, title) == _has_promo_label(item, text)
