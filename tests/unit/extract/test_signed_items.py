"""Property tests of ``_blocks.SignedItems`` and ``_blocks.wrapped``: a signed thread's
items found in C as ``article``'s Python found them (``_signed_items``, ``_text_at``,
``_wrapped``, kept here as the reference) on generated holders."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import article
from service.extract import body_tables as t
from service.extract._blocks import wrapped
from service.extract._text import fold


def _python_signed_items(holder: LexborNode, scores: article._Scores) -> list[LexborNode]:
    items: dict[str, list[LexborNode]] = {}
    for child in holder.iter():
        key = child.mem_id
        if key in scores.score and key not in scores.texts and _python_text_at(child) > 0:
            items.setdefault(child.tag or "", []).append(child)
    return max(items.values(), key=len, default=[])


def _python_text_at(item: LexborNode) -> int:
    lines: list[LexborNode] = []
    for child in item.iter():
        if child.is_element_node:
            lines.append(child)
            if len(lines) > 2:
                break
    if len(lines) < 2 or lines[0].tag in t.NOT_NAME_LINE_TAGS:
        return 0
    name = fold(lines[0].text())
    if lines[1].tag not in t.NOT_NAME_LINE_TAGS and article._signed_line(lines[0], name):
        return 1
    if len(lines) < 3 or not article._is_name(name) or article._holds_time(lines[0]):
        return 0
    date = fold(lines[1].text())
    return 2 if date and article._is_date_line(lines[1], date) else 0


def _python_wrapped(best: LexborNode, scores: article._Scores) -> tuple[LexborNode, ...]:
    found: list[LexborNode] = []
    node = best.last_child
    while node is not None and len(found) < 2:
        key = node.mem_id
        if key in scores.texts or key in scores.holders:
            return ()
        if key in scores.score:
            found.append(node)
        node = node.prev
    return (found[0],) if len(found) == 2 else ()


# Names and dates of every kind the rules tell apart: short names, handles, names
# read as times or ending a sentence, names and dates on one line, long lines about
# the gate's length (60 and 120 characters), whitespace runs, letters and digits
# beyond ASCII, and a byte that is not UTF-8 ("\udcff", written as the byte 0xff).
SIGNED_NAMES = ["Ann Lee", "dana_w", "  Ann \n\t Lee  ", "Zoë Ørsted", "李明"]
NAMES = st.sampled_from(SIGNED_NAMES) | st.sampled_from(
    [
        "",
        "   ",
        "Ann Lee wrote this.",
        "3 hours ago",
        "yesterday",
        "12:30",
        "Ann Lee | May 4, 2026",
        "Ann Lee May 4, 2026",
        "Ann Lee · 2 hours ago",
        "Ann Lee \u2014 12 March 2025",
        "Ann ٣ Lee",
        "Ann\udcffLee",
        "A" * 60,
        "A" * 61,
        "word " * 24,
        "word " * 25,
        "Ann Lee " + "x" * 113,
        "Ann Lee " + "x" * 112,
        "A story's first sentence, long enough to be no name at all and more. " * 2,
    ]
)
DATES = st.sampled_from(["May 4, 2026", "3 hours ago", "yesterday"]) | st.sampled_from(
    ["12:30", "Tuesday", "", "12 comments", "x" * 61]
)
LINE_TAGS = st.sampled_from(["div", "b", "span", "p"]) | st.sampled_from(
    ["strong", "time", "h2", "h3", "h5"]
)
ITEM_TAGS = st.sampled_from(["div", "li"]) | st.sampled_from(["article", "section", "p", "x-post"])


@st.composite
def first_lines(draw: st.DrawFn, alone: bool) -> str:
    """A name line: a name ``alone``, or else a name and a date side by side."""
    tag = draw(LINE_TAGS)
    name, date = draw(NAMES), draw(DATES)
    if alone:
        inner = draw(st.sampled_from([name, f"<a>{name}</a>", f"{name}<!-- c -->"]))
    else:
        inner = draw(
            st.sampled_from(
                [
                    name,
                    f"<b>{name}</b> <span>{date}</span>",
                    f"<b>{name}</b> <time>{date}</time>",
                    f"<span><b>{name}</b>, {date}</span>",
                ]
            )
        )
    return f"<{tag}>{inner}</{tag}>"


@st.composite
def items(draw: st.DrawFn) -> str:
    """A child of a holder: a signed item (a name line and a date line), a one-line
    one, a headed one, an unsigned one, a bare paragraph, text or a comment."""
    kind = draw(st.sampled_from(["signed", "signed", "one-line", "one-line", "headed", "unsigned"]))
    kind = draw(st.sampled_from([kind, kind, kind, "bare", "text"]))
    tag = draw(ITEM_TAGS)
    body = "<p>The text of the comment, which says what the reader thinks.</p>"
    if kind == "bare":
        return f"<p>{draw(NAMES)}</p>"
    if kind == "text":
        return draw(st.sampled_from(["\n  ", "loose text", "<!-- a comment -->"]))
    if kind == "headed":
        lines = f"<h3>{draw(NAMES)}</h3>{draw(first_lines(False))}{body}"
    elif kind == "unsigned":
        lines = body * draw(st.integers(0, 2))
    elif kind == "signed":
        date = draw(DATES)
        second = draw(st.sampled_from([f"<div>{date}</div>", f"<time>{date}</time>"]))
        lines = draw(first_lines(True)) + second + body * draw(st.sampled_from([1, 1, 1, 0]))
    else:
        lines = draw(first_lines(False)) + body * draw(st.integers(0, 1))
    gap = draw(st.sampled_from(["", "\n", "<!-- x -->"]))
    return f"<{tag}>{gap}{lines}</{tag}>"


# Each child's marks: bit 1 scored, bit 2 a paragraph's text, bit 4 a text holder's.
MARKS = st.lists(st.sampled_from([1, 1, 1, 1, 0, 0, 3, 5, 2, 4]), min_size=8, max_size=8)


def _holder(children: list[str]) -> LexborNode:
    page = f"<html><body><div id=holder>{''.join(children)}</div></body></html>"
    tree = LexborHTMLParser(page.encode("utf-8", "surrogateescape"))
    holder = tree.css_first("#holder")
    assert holder is not None
    return holder


def _scores(holder: LexborNode, marks: list[int]) -> article._Scores:
    """Scores for ``holder``'s children, each marked as ``MARKS`` marks them."""
    scores = article._Scores()
    for child, mark in zip((c for c in holder.iter() if c.is_element_node), marks, strict=False):
        if mark & 1:
            scores.score[child.mem_id] = 1.0
        if mark & 2:
            scores.texts[child.mem_id] = child.text()
        if mark & 4:
            scores.holders.add(child.mem_id)
    return scores


def _keys(nodes: list[LexborNode] | tuple[LexborNode, ...]) -> list[int]:
    return [node.mem_id for node in nodes]


@settings(max_examples=500, deadline=None)
@given(st.lists(items(), max_size=8), MARKS)
@example(["<div><b>Ann Lee</b><span>3 hours ago</span><p>Hi.</p></div>"] * 2, [1] * 8)
@example(["<li><p>Ann\udcffLee</p><p>May 4, 2026</p><p>Hi.</p></li>"], [1] * 8)
def test_the_signed_items_are_the_python_ones(children: list[str], marks: list[int]) -> None:
    holder = _holder(children)
    scores = _scores(holder, marks)
    for child in holder.iter():
        assert article._SIGNED.text_at(child) == _python_text_at(child)
    assert _keys(article._SIGNED.items(holder, scores)) == _keys(
        _python_signed_items(holder, scores)
    )
    assert _keys(wrapped(holder, scores)) == _keys(_python_wrapped(holder, scores))


NAME_60 = "Ann " + "L" * 56
DATE_59 = "x" * 58 + "1"  # a line with no digit is no name and date


@pytest.mark.parametrize(
    ("line", "place"),
    [
        # Folded, 120 characters: the longest a name and a date side by side may be.
        (f"<div><b>{NAME_60}</b> <time>{DATE_59}</time></div>", 1),
        (f"<div><b>{NAME_60}</b>\n\n <time>  {DATE_59} </time></div>", 1),
        (f"<div><b>{NAME_60}</b> <time>x{DATE_59}</time></div>", 0),
    ],
)
def test_a_line_of_a_name_and_a_date_is_signed_up_to_its_length(line: str, place: int) -> None:
    holder = _holder([f"<div>{line}<p>The comment.</p></div>"] * 2)
    item = holder.child
    assert item is not None
    assert article._SIGNED.text_at(item) == _python_text_at(item) == place
