"""The walks that stand in for CSS queries on small subtrees find what the queries find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from service.extract import teaser_fields as tf

TAGS = st.sampled_from(["div", "span", "li", "picture", "video", "a", "td", "time", "amp-img"])
LEAVES = st.sampled_from(
    ["", "word", "<img src='i.jpg'>", "<source srcset='s.jpg'>", "<a>label</a>", "<a href>x</a>"]
)


@st.composite
def fragments(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 3 or draw(st.integers(0, 2)) == 0:
        return draw(LEAVES)
    tag = draw(TAGS)
    href = " href='/s'" if tag == "a" and draw(st.booleans()) else ""
    inner = "".join(draw(st.lists(fragments(depth + 1), min_size=0, max_size=5)))
    return f"<{tag}{href}>{inner}</{tag}>"


def _ids(nodes: list) -> list[int]:  # type: ignore[type-arg]
    return [node.mem_id for node in nodes]


@settings(max_examples=200, deadline=None)
@given(st.lists(fragments(), min_size=1, max_size=8))
def test_walks_find_what_the_queries_find(parts: list[str]) -> None:
    tree = LexborHTMLParser("<html><body><table><tr><td>" + "".join(parts) + "</td></tr></table>")
    assert tree.body is not None
    for node in tree.body.traverse():
        for tags in (("img",), ("img", "picture"), ("td", "a"), ("time",), ("img", "source")):
            selector = ", ".join(tags)
            assert _ids(tf.tagged(node, tags)) == _ids(node.css(selector))
            first, expected = tf.first_tagged(node, tags), node.css_first(selector)
            assert (first and first.mem_id) == (expected and expected.mem_id)
        links = len(node.css("a[href]"))
        for count in (1, 2, 3):
            assert tf.holds_links(node, count) == (links >= count)


def test_item_image_is_a_picture_source_not_a_video_source() -> None:
    # Both sources lie outside the item's walk (a video, a hidden box): searched after it.
    html = (
        "<div><video><source src='clip.jpg'></video>"
        "<span hidden><picture><source srcset='p.jpg 1x'></picture></span></div>"
    )
    node = LexborHTMLParser(html).css_first("div")
    assert node is not None
    assert tf.read_item(node, None, tf.Tokens()).image == "p.jpg"
