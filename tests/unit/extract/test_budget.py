"""The element budget: the cheap bounds refuse exactly the pages the tag-by-tag scan refuses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract import budget
from service.extract.budget import MAX_DEPTH, SCAN_FROM_TAGS, check_elements
from service.extract.model import RefusedPage


def _reference(text: str, max_nodes: int) -> str | None:
    """What the budget decides, from the tag-by-tag scan alone: a refusal's detail or None."""
    if text.count("<") < SCAN_FROM_TAGS:
        return None
    elements, deepest = budget._measure(text)
    if elements > max_nodes:
        return f"{elements} elements over the {max_nodes} budget"
    if deepest > MAX_DEPTH:
        return f"elements nested {deepest} deep, over {MAX_DEPTH}"
    return None


def _decision(text: str, max_nodes: int) -> str | None:
    try:
        check_elements(text, max_nodes)
    except RefusedPage as refused:
        assert refused.reason == "node_budget"
        return str(refused)
    return None


def _nested(depth: int, filler: int) -> str:
    """``depth`` nested <div>, then ``filler`` void elements to pass the scan threshold."""
    return "<div>" * depth + "<br>" * filler + "</div>" * depth


@pytest.mark.parametrize(("depth", "refused"), [(MAX_DEPTH, False), (MAX_DEPTH + 1, True)])
def test_depth_limit_is_exact(depth: int, refused: bool) -> None:
    text = _nested(depth, SCAN_FROM_TAGS)
    assert (_decision(text, 200_000) is not None) is refused
    assert _decision(text, 200_000) == _reference(text, 200_000)


def test_stray_closing_tags_do_not_hide_depth() -> None:
    """Closing tags at depth 0 are ignored: the balance bound fails and the exact scan decides."""
    text = "</div>" * 1500 + _nested(MAX_DEPTH, SCAN_FROM_TAGS)
    assert budget._depth_bound(text) > MAX_DEPTH
    assert _decision(text, 200_000) is None


def test_element_limit_is_exact_at_the_count_of_tags() -> None:
    text = "<span>x</span>" * 5000
    assert _decision(text, 10_000) is None  # 10,000 '<' but 5,000 elements
    assert _decision(text, 4_999) == "5000 elements over the 4999 budget"
    assert _decision(text, 5_000) is None


def test_pages_under_the_scan_threshold_pass_whatever_their_nesting() -> None:
    text = "<div>" * (SCAN_FROM_TAGS - 1)
    assert _decision(text, 10) is None


_NAMES = st.sampled_from(
    ["div", "DIV", "p", "li", "span", "br", "img", "col", "colgroup", "Col:x", "td", "a", "rbx"]
)
_TAG = st.tuples(st.sampled_from(["<", "</"]), _NAMES, st.sampled_from([">", " a=1>", "/>", ""]))
_SOUP = st.lists(
    st.one_of(_TAG.map("".join), st.sampled_from(["x", "<", "< ", "</", "<1"])), max_size=200
).map("".join)


@settings(max_examples=300)
@given(soup=_SOUP, repeat=st.integers(1, 60), max_nodes=st.sampled_from([100, 3000, 200_000]))
def test_bounds_agree_with_the_tag_by_tag_scan(soup: str, repeat: int, max_nodes: int) -> None:
    text = soup * repeat
    assert budget._depth_bound(text) >= budget._measure(text)[1]
    assert _decision(text, max_nodes) == _reference(text, max_nodes)


@settings(max_examples=300)
@given(soup=_SOUP, repeat=st.integers(1, 20))
def test_nesting_tags_are_the_tags_the_scan_nests(soup: str, repeat: int) -> None:
    """The depth bound's pattern finds the tags that ``_measure`` opens and closes, and no other."""
    text = soup * repeat
    flat = budget._VOID | budget._IMPLIED_END
    nesting = [slash for slash, name in budget._TAG.findall(text) if name.lower() not in flat]
    assert budget._NESTING_TAG.findall(text) == nesting
