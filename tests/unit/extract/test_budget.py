"""The element budget: the scan in C counts the tags as the regex scan it replaced counted them,
in a text and in its UTF-8 bytes alike."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract import budget
from service.extract._scan import TagCounter, vector_steps
from service.extract.budget import MAX_DEPTH, SCAN_FROM_TAGS, check_elements
from service.extract.model import RefusedPage

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)")


@pytest.fixture(autouse=True, scope="module", params=[True, False], ids=["avx2", "plain"])
def _forms(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each test runs with the count of a page's '<' in its UTF-8 bytes in its AVX2 form
    (where the CPU has AVX2) and in its plain form."""
    before = vector_steps(request.param)
    yield
    vector_steps(before)


def _measure(text: str) -> tuple[int, int]:
    """The number of elements and the deepest nesting, tag by tag, in Python: the oracle."""
    flat = budget._VOID | budget._IMPLIED_END
    elements = 0
    open_: list[str] = []  # the open elements' names (their first eight letters)
    depth = 0
    deepest = 0
    for closing, tag in _TAG.findall(text):
        name = tag.lower()
        if len(name) <= 8 and name in flat:
            elements += closing == ""
            continue
        if closing:
            if depth > len(open_):  # past the names kept: one level closed
                depth -= 1
                continue
            nearest = open_[max(0, depth - 64) : depth]
            if name[:8] in nearest:  # the nearest of that name, and those above it
                depth = max(0, depth - 64) + len(nearest) - 1 - nearest[::-1].index(name[:8])
                del open_[depth:]
            continue
        elements += 1
        if depth < 1024:
            open_.append(name[:8])
        depth += 1
        deepest = max(deepest, depth)
    return elements, deepest


def _reference(text: str, max_nodes: int) -> str | None:
    """What the budget decides, from the tag-by-tag scan alone: a refusal's detail or None.
    The elements are counted against any budget; the nesting only of a text of
    ``SCAN_FROM_TAGS`` '<' or more."""
    elements, deepest = _measure(text)
    if elements > max_nodes:
        return f"{elements} elements over the {max_nodes} budget"
    if text.count("<") >= SCAN_FROM_TAGS and deepest > MAX_DEPTH:
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
    """Closing tags at depth 0 are ignored: they do not offset the depth of what follows."""
    text = "</div>" * 1500 + _nested(MAX_DEPTH, SCAN_FROM_TAGS)
    assert _decision(text, 200_000) is None
    assert _decision("</div>" * 1500 + "<div>" + _nested(MAX_DEPTH, SCAN_FROM_TAGS), 200_000)


def test_end_tags_of_no_open_element_do_not_lower_the_depth() -> None:
    """The parser ignores "</x>" when no x is open, so "<div></x>" nests a div in the one
    before: counted so, the page is refused before its parse takes seconds."""
    count = SCAN_FROM_TAGS // 2 + 1  # past the scan's threshold of '<', and MAX_DEPTH
    refused = _decision("<div></x>" * count, 200_000)
    assert refused is not None and refused.startswith("elements nested")
    closed = "<div><span></x></span></div>" * SCAN_FROM_TAGS  # each closed by its own end tag
    assert _decision(closed, 200_000) is None


def test_element_limit_is_exact_at_the_count_of_tags() -> None:
    text = "<span>x</span>" * 5000
    assert _decision(text, 10_000) is None  # 10,000 '<' but 5,000 elements
    assert _decision(text, 4_999) == "5000 elements over the 4999 budget"
    assert _decision(text, 5_000) is None


def test_pages_under_the_scan_threshold_pass_whatever_their_nesting() -> None:
    text = "<div>" * (SCAN_FROM_TAGS - 1)
    assert _decision(text, SCAN_FROM_TAGS) is None


@pytest.mark.parametrize("max_nodes", [100, SCAN_FROM_TAGS - 1])
def test_a_budget_under_the_scan_threshold_counts_every_page(max_nodes: int) -> None:
    assert _decision("<p>x" * max_nodes, max_nodes) is None
    assert _decision("<p>x" * (max_nodes + 1), max_nodes) == (
        f"{max_nodes + 1} elements over the {max_nodes} budget"
    )


_NAMES = st.sampled_from(
    [
        *("div", "DIV", "p", "li", "span", "br", "img", "col", "colgroup", "Col:x", "td", "a"),
        *("rbx", "COLGROUPS", "optgroup", "h1", "x-y", "Tbody", "keygen9", "brr", "b"),
    ]
)
_TAG_TEXT = st.tuples(
    st.sampled_from(["<", "</"]), _NAMES, st.sampled_from([">", " a=1>", "/>", "", "\u043c"])
)
# Text around the tags in each of str's widths, with the units whose low or high
# byte is that of '<' (U+043C, U+3C00, U+1003C) and letters beyond ASCII that
# fold to ASCII ones (the Kelvin sign, the dotted capital I).
_FILLER = st.sampled_from(
    ["x", "<", "< ", "</", "<1", "<\u212a", "\u0130", "\u043c<", "\u3c00", "\U0001003c", "\xe9"]
)
_SOUP = st.lists(st.one_of(_TAG_TEXT.map("".join), _FILLER), max_size=200).map("".join)
# The budget's counter without its threshold: every text's tags read.
_EVERY = TagCounter(budget._TAGS.flat)


@settings(max_examples=500)
@given(soup=_SOUP, repeat=st.integers(1, 60), max_nodes=st.sampled_from([100, 3000, 200_000]))
def test_the_decision_is_the_tag_by_tag_scans(soup: str, repeat: int, max_nodes: int) -> None:
    text = soup * repeat
    assert _decision(text, max_nodes) == _reference(text, max_nodes)


@settings(max_examples=500)
@given(soup=_SOUP)
def test_the_counts_are_the_regex_scans(soup: str) -> None:
    assert _EVERY.count(soup) == (soup.count("<"), *_measure(soup))


@settings(max_examples=500)
@given(soup=_SOUP, shift=st.integers(-3, 3), as_bytes=st.booleans())
def test_the_tags_are_read_from_a_count_of_lt(soup: str, shift: int, as_bytes: bool) -> None:
    """Below ``from_tags`` '<' the '<' alone are counted; from there, all the counts."""
    lt = soup.count("<")
    from_tags = max(0, lt + shift)
    expected = (lt, *_measure(soup)) if lt >= from_tags else (lt, 0, 0)
    text = soup.encode() if as_bytes else soup
    assert TagCounter(budget._TAGS.flat, from_tags=from_tags).count(text) == expected


# A counter that never reads the tags: its count of '<' is the vector steps' alone.
_LT_ONLY = TagCounter(budget._TAGS.flat, from_tags=10**9)


@settings(max_examples=300)
@given(
    head=st.binary(max_size=600),
    run=st.integers(0, 5000),
    tail=st.binary(max_size=600),
    width=st.sampled_from([None, "", "\u0100", "\u3c00", "\U0001003c"]),
)
def test_the_lt_alone_are_counted_in_vector_steps(
    head: bytes, run: int, tail: bytes, width: str | None
) -> None:
    """Bytes, and texts of each width (a last character that makes it wider, its low
    byte that of '<' in some), counted sixteen bytes a step: any length, and runs of
    '<' longer than the 255 steps a lane's byte counts before it is summed."""
    data = head + b"<" * run + tail
    if width is None:
        assert _LT_ONLY.count(data) == (data.count(b"<"), 0, 0)
    else:
        text = data.decode("latin-1") + width
        assert _LT_ONLY.count(text) == (text.count("<"), 0, 0)


# Any text Python can encode: every width, no lone surrogates.
_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)


@settings(max_examples=500)
@given(soup=st.one_of(_SOUP, st.lists(st.one_of(_SOUP, _TEXT), max_size=4).map("".join)))
def test_the_utf8_bytes_count_as_their_text(soup: str) -> None:
    """A '<' byte and a name's ASCII bytes are never part of a multi-byte character."""
    assert _EVERY.count(soup.encode()) == _EVERY.count(soup)


def test_the_counter_reads_text_or_bytes_alone() -> None:
    with pytest.raises(TypeError):
        _EVERY.count(bytearray(b"<p>"))  # type: ignore[arg-type]


def test_counter_refuses_names_it_cannot_list() -> None:
    with pytest.raises(ValueError):
        TagCounter(["colgroups"])  # longer than eight characters
    with pytest.raises(ValueError):
        TagCounter(["x-y"])
    assert TagCounter(["TD", "td"]).flat == ("td",)
