"""The heading just before an item's branch, read in C (``_frame.HeadingBefore`` as
``teaser_fields.heading_before``), answers as the Python it replaced, kept here: the
elements before it that are no items, the hidden ones passed over, the label of each,
of the heading a short holder holds, a list's label and a plain line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract.teaser_tokens import Tokens


def _list_label(
    element: LexborNode, node: LexborNode, items: set[int], tokens: Tokens
) -> str | None:
    if element.tag not in tf._LIST_LABEL_TAGS:
        return None
    return tf._list_label(element, node, items, tokens)


def _plain_label(element: LexborNode, items: set[int]) -> str | None:
    if element.tag not in tf._PLAIN_LABEL_TAGS:
        return None
    for seen, inner in enumerate(element.traverse(), 1):
        if seen > tt.PLAIN_LABEL_ELEMENTS or inner.tag not in tf._PLAIN_LABEL_TAGS:
            return None
    return tf._plain_label(element, items)


def _elements_before(node: LexborNode, items: set[int], count: int) -> list[LexborNode]:
    found = []
    sibling = node.prev
    while sibling is not None and len(found) < count:
        if not (sibling.tag or "").startswith("-") and sibling.mem_id not in items:
            found.append(sibling)
        sibling = sibling.prev
    return found


def _heading_before(
    node: LexborNode, items: set[int], holders: set[int], tokens: Tokens
) -> tuple[LexborNode, str] | None:
    """The Python ``teaser_fields.heading_before`` was."""
    for before in _elements_before(node, items, tt.LABEL_SIBLINGS):
        if not tf.is_hidden(before):
            label = tf._label_of(before, tokens, line=True)
            if label is None and before.mem_id in holders and tf._is_short(before):
                inner = tf.SUBHEADINGS.first(before)
                label = tf._label_of(inner, tokens) if inner is not None else None
            if label is None:
                label = _list_label(before, node, items, tokens)
            if label is None:
                label = _plain_label(before, items)
            if label is not None:
                return before, label
    return None


_TAGS = ["div", "p", "span", "strong", "b", "h2", "h3", "section", "ul", "li", "a"]
_TAGS += ["script", "template", "style", "noscript", "my-box", "svg", "em"]
_ATTRIBUTES = [
    *("", "", " hidden", ' aria-hidden="true"', ' aria-hidden="false"', ' ARIA-HIDDEN="true"'),
    *(' style="display: none"', ' style="color: red"', ' STYLE="visibility:hidden"'),
    *(' class="ticker-label"', ' class="title"', ' data-hidden="1"', ' href="/x"'),
]
_TEXTS = ["", " ", "Read next", "More stories", "Breaking news", "Top 10", "x" * 90]
_TEXTS += ["Related:", "\u65e5\u672c", "\n\t", "<!-- c -->", "<br>"]


@st.composite
def _element(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(_TAGS))
    inner = [draw(st.sampled_from(_TEXTS))]
    if depth < 2:
        for _ in range(draw(st.integers(0, 3))):
            inner.append(draw(_element(depth + 1)))
            inner.append(draw(st.sampled_from(_TEXTS)))
    return f"<{tag}{draw(st.sampled_from(_ATTRIBUTES))}>{''.join(inner)}</{tag}>"


@st.composite
def _pages(draw: st.DrawFn) -> LexborHTMLParser:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        parts.append(draw(st.sampled_from(_TEXTS)))
        parts.append(draw(_element()))
    return LexborHTMLParser("<html><body><div>" + "".join(parts) + "</div></body></html>")


def _answers_as_the_python(tree: LexborHTMLParser, data: st.DataObject | None) -> None:
    assert tree.body is not None
    elements = [node for node in tree.body.traverse() if not (node.tag or "").startswith("-")]
    if data is None:
        listed = {node.mem_id for node in elements if node.tag in ("li", "a")}
        choices = [(set(), set()), (listed, {node.mem_id for node in elements})]
    else:
        choose = st.lists(st.sampled_from(elements), max_size=4)
        choices = [
            (
                {node.mem_id for node in data.draw(choose)},
                {node.mem_id for node in data.draw(choose)},
            )
        ]
    for items, holders in choices:
        for node in elements:
            found = tf.heading_before(node, items, holders, Tokens())
            expected = _heading_before(node, items, holders, Tokens())
            got = (found[0].mem_id, found[1]) if found else None
            assert got == ((expected[0].mem_id, expected[1]) if expected else None)


@settings(max_examples=300, deadline=None)
@given(_pages(), st.data())
def test_the_heading_before_answers_as_the_python(
    tree: LexborHTMLParser, data: st.DataObject
) -> None:
    _answers_as_the_python(tree, data)


def test_known_markup() -> None:
    for markup in (
        "<h2>Related</h2><ul><li>a</li><li>b</li></ul>",
        "<h2 hidden>Hidden</h2><h3>Shown</h3><ul></ul>",
        '<h2 aria-hidden="true">Hidden</h2><ul></ul><h2 style="display:none">x</h2><p></p>',
        "<script>Read next</script><div><span>Read next</span></div><ul></ul>",
        "<div><span>Read next</span><!-- c --></div><ul><li></li></ul>",
        "<div><span>Read next</span></div><ul><li><a>x</a></li><li><a>y</a></li></ul>",
        "<div><span><span><span>Read next</span></span></span></div><ul></ul>",
        '<span class="ticker-label">Breaking news</span><ul><li><a>x</a></li></ul>',
        "<section><h3>Inside</h3></section><ul></ul>",
        '<svg><div style="display:none">Read next</div></svg><ul></ul>',
    ):
        _answers_as_the_python(LexborHTMLParser(f"<div>{markup}</div>"), None)


def test_hidden_and_plain_lines_are_read() -> None:
    tree = LexborHTMLParser(
        "<div><h2>Related</h2><h3 hidden>Hidden</h3><ul id=a></ul>"
        "<div><span>Read next</span></div><p></p><p></p><ol id=b></ol></div>"
    )
    node = tree.css_first("#a")
    assert node is not None
    found = tf.heading_before(node, set(), set(), Tokens())
    assert found is not None and found[1] == "Related"
    after = tree.css_first("#b")
    assert after is not None
    assert tf.heading_before(after, set(), set(), Tokens()) is None
    # the plain line with two items after it
    line = LexborHTMLParser(
        "<div><div><span>Read next</span></div><ul><li>a</li><li>b</li></ul></div>"
    )
    items = {node.mem_id for node in line.css("li")}
    ul = line.css_first("ul")
    assert ul is not None
    found = tf.heading_before(ul, items, set(), Tokens())
    assert found is not None and found[1] == "Read next"
