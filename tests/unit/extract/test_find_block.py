"""An item's block found in C (``_frame.BlockFinder`` as ``teaser_fields.find_block``)
answers as the Python it replaced, kept here: the climb over the item's ancestors with
its wrappers and levels, the heading before the branch, the block's own label child or
aria-label, and the label class tokens of the first ancestors."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract.teaser_tokens import Tokens
from service.extract.text import normalize_text


def _only_child(node: LexborNode) -> bool:
    parent = node.parent
    siblings = parent.iter() if parent is not None else ()
    return not any(
        other.mem_id != node.mem_id and not (other.tag or "-").startswith("-") for other in siblings
    )


def _block_heading(node: LexborNode, items: set[int], tokens: Tokens) -> str | None:
    """The Python ``teaser_fields.block_heading`` was."""
    for child in node.iter():
        if child.tag not in tf._LABEL_TAGS or child.mem_id in items:
            continue
        label = tf._label_of(child, tokens)
        if label is not None and not tf.is_hidden(child):
            return label
    label = node.attributes.get("aria-label")
    if label and len(label) <= tt.MAX_LABEL_CHARS:
        return normalize_text(label)
    return None


def _is_heading(node: LexborNode) -> bool:
    return node.tag in tt.HEADING_TAGS or tf.SUBHEADINGS.first(node) is not None


def _find_block(
    item: LexborNode, items: set[int], holders: set[int], tokens: Tokens
) -> tuple[LexborNode | None, str | None, LexborNode | None]:
    """The Python ``teasers._find_block`` was, answering what it set on the item."""
    below = item
    node = item.parent
    chain: list[LexborNode] = []
    levels = wrappers = 0
    while node is not None and node.tag not in tt.STOP_TAGS and levels < tt.BLOCK_LABEL_DEPTH:
        if wrappers < tt.BLOCK_LABEL_WRAPPERS and _only_child(below):
            wrappers += 1
        else:
            levels += 1
        chain.append(node)
        far = len(chain) > tt.BLOCK_LABEL_DEPTH
        found = tf.heading_before(below, items, holders, tokens)
        if found is not None and (not far or _is_heading(found[0])):
            return node, found[1], found[0]
        label = None if far else _block_heading(node, items, tokens)
        if label is not None:
            return node, label, None
        below, node = node, node.parent
    for node in chain[: tt.BLOCK_LABEL_DEPTH]:
        label = tokens.block_label(node)
        if label is not None:
            return node, label, None
    return item.parent, None, None


_TAGS = ["div", "div", "section", "ul", "li", "a", "p", "span", "h2", "h3", "header"]
_TAGS += ["strong", "b", "main", "article", "aside", "script", "tr", "svg", "my-box"]
_ATTRIBUTES = [
    *("", "", "", " hidden", ' aria-hidden="true"', ' style="display:none"'),
    *(' aria-label="Most read"', ' ARIA-LABEL="  Latest\tnews "', " aria-label", ' aria-label=""'),
    *(' aria-label="' + "x" * 81 + '"', ' aria-label="' + "\u00e9" * 80 + '"'),
    *(' xlink:aria-label="Related"', ' class="most-read"', ' class="related-stories"'),
    *(' class="block-title"', ' class="ticker-label"', ' id="latest"', ' class="heading"'),
]
_TEXTS = ["", " ", "Related", "Most read", "Read next", "More stories", "Top 10 today"]
_TEXTS += ["x" * 90, "\u65e5\u672c", "<!-- c -->", "<br>", "Latest news"]


@st.composite
def _element(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(_TAGS))
    inner = [draw(st.sampled_from(_TEXTS))]
    if depth < 5:
        # one child often, so that wrappers of one child stack up
        for _ in range(draw(st.sampled_from([0, 1, 1, 1, 2, 3]))):
            inner.append(draw(_element(depth + 1)))
            inner.append(draw(st.sampled_from(_TEXTS)))
    return f"<{tag}{draw(st.sampled_from(_ATTRIBUTES))}>{''.join(inner)}</{tag}>"


@st.composite
def _pages(draw: st.DrawFn) -> LexborHTMLParser:
    parts = [draw(_element()) for _ in range(draw(st.integers(1, 3)))]
    return LexborHTMLParser("<html><body><div>" + "".join(parts) + "</div></body></html>")


def _elements(tree: LexborHTMLParser) -> list[LexborNode]:
    assert tree.root is not None
    return [node for node in tree.root.traverse() if not (node.tag or "-").startswith("-")]


def _key(node: LexborNode | None) -> int | None:
    return node.mem_id if node is not None else None


def _answers_as_the_python(tree: LexborHTMLParser, items: set[int], holders: set[int]) -> None:
    for node in _elements(tree):
        found = tf.find_block(node, items, holders, Tokens())
        expected = _find_block(node, items, holders, Tokens())
        assert (_key(found[0]), found[1], _key(found[2])) == (
            _key(expected[0]),
            expected[1],
            _key(expected[2]),
        )


@settings(max_examples=300, deadline=None)
@given(_pages(), st.data())
@example(
    LexborHTMLParser(
        '<div aria-label="Most read"><div><div><div><div><div><div><div><ul><li><a>x</a>'
        "</li></ul></div></div></div></div></div></div></div></div>"
    ),
    None,
)
def test_an_items_block_answers_as_the_python(
    tree: LexborHTMLParser, data: st.DataObject | None
) -> None:
    elements = _elements(tree)
    choices: list[tuple[set[int], set[int]]]
    if data is None:
        choices = [(set(), set()), ({node.mem_id for node in elements if node.tag == "li"}, set())]
    else:
        pick = st.lists(st.sampled_from(elements), max_size=4)
        choices = [({n.mem_id for n in data.draw(pick)}, {n.mem_id for n in data.draw(pick)})]
    for items, holders in choices:
        _answers_as_the_python(tree, items, holders)


def _first(tree: LexborHTMLParser, query: str) -> LexborNode:
    node = tree.css_first(query)
    assert node is not None
    return node


def test_the_rules_in_order() -> None:
    tree = LexborHTMLParser(
        '<section aria-label="Aria"><h2>Related</h2><ul><li id="a"><a>x</a></li></ul></section>'
        '<section aria-label="Aria"><h2 hidden>Gone</h2><ul><li id="b"><a>x</a></li></ul>'
        "</section>"
        '<div class="most-read"><div><p>one</p><p>two</p><ul><li id="c"><a>x</a></li>'
        "</ul></div></div>"
        '<main><ul><li id="d"><a>x</a></li></ul></main>'
    )
    # the heading before the branch, and its element
    block, label, element = tf.find_block(_first(tree, "#a"), set(), set(), Tokens())
    assert (label, _key(element)) == ("Related", _key(_first(tree, "h2")))
    assert _key(block) == _key(_first(tree, "section"))
    # a hidden heading is passed over for the block's aria-label
    block, label, element = tf.find_block(_first(tree, "#b"), set(), set(), Tokens())
    assert (label, element) == ("Aria", None)
    # no heading: the label class tokens of an ancestor
    block, label, element = tf.find_block(_first(tree, "#c"), set(), set(), Tokens())
    assert (label, element) == ("Most read", None)
    assert _key(block) == _key(_first(tree, ".most-read"))
    # a stop tag ends the climb: the item's parent, no label
    block, label, element = tf.find_block(_first(tree, "#d"), set(), set(), Tokens())
    assert (_key(block), label, element) == (_key(_first(tree, "main ul")), None, None)
