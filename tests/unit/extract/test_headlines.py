"""The linked headlines counted in C (``_headlines.LinkedHeadlines``) against the CSS
query ``article`` asked before, on generated members."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import article

_QUERY = "h2 a[href], h3 a[href], h4 a[href], a[href] h2, a[href] h3, a[href] h4"


def _python_headlines(member: LexborNode, subheadings: frozenset[int]) -> int:
    """``article._headlines`` as it counted in Python, with a CSS query."""
    found = member.css(_QUERY)
    if not subheadings:
        return len(found)
    count = 0
    for node in found:
        heading: LexborNode | None = node
        while heading is not None and heading.tag not in article._HEADINGS:
            heading = heading.parent
        if heading is None or heading.mem_id not in subheadings:
            count += 1
    return count


TAGS = st.sampled_from(
    ["div", "h2", "h3", "h4", "h5", "a", "span", "p", "section", "svg", "li", "x-h2", "H3"]
)
LINK_ATTRIBUTES = st.sampled_from(["", ' href="/story"', " href", ' HREF="#x"', ' name="x"'])


@st.composite
def fragment(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 5 or draw(st.integers(0, 4)) == 0:
        return draw(st.sampled_from(["Text", "", "<br>", "\u00e9t\u00e9"]))
    tag = draw(TAGS)
    attrs = draw(LINK_ATTRIBUTES) if tag == "a" else ""
    inner = "".join(draw(st.lists(fragment(depth + 1), max_size=4)))
    return f"<{tag}{attrs}>{inner}</{tag}>"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(fragment(), min_size=1, max_size=5),
    st.integers(0, 1000),
    st.lists(st.booleans(), max_size=12),
)
def test_the_count_is_what_the_css_query_found(
    parts: list[str], at: int, marked: list[bool]
) -> None:
    tree = LexborHTMLParser(f"<html><body>{''.join(parts)}</body></html>".encode())
    assert tree.body is not None
    members = [tree.body, *tree.body.traverse(include_text=False)]
    member = members[at % len(members)]
    headings = tree.css("h2, h3, h4")
    subheadings = frozenset(h.mem_id for h, mark in zip(headings, marked, strict=False) if mark)
    for given_ in (frozenset(), subheadings):
        got = article._LINKED_HEADLINES.count(member, given_)
        assert got == _python_headlines(member, given_)


def test_a_link_under_two_headings_counts_for_each() -> None:
    tree = LexborHTMLParser(
        b"<div id=m><h2><div><h3><a href=/x>A</a></h3></div></h2><a href=/y><h4>B</h4></a></div>"
    )
    member = tree.css_first("#m")
    assert member is not None
    assert article._LINKED_HEADLINES.count(member, frozenset()) == 3
    h3 = tree.css_first("h3")
    assert h3 is not None
    assert article._LINKED_HEADLINES.count(member, frozenset({h3.mem_id})) == 1


def test_headings_above_the_member_count() -> None:
    tree = LexborHTMLParser(b"<h2><div id=m><a href=/x>A</a><a>B</a></div></h2>")
    member = tree.css_first("#m")
    assert member is not None
    assert article._LINKED_HEADLINES.count(member, frozenset()) == 1
