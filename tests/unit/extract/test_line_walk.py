"""The lines beside a headline walked in C (``_markup.LineWalk``, as
``metadata_lines.LINES``) are those the walk in Python read: the same texts from
the same nodes, in the same order, the wrapper of the headline the same element."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import metadata_lines as ml
from service.extract._markup import ShownLine
from service.extract.metadata_tables import LINE_BLOCKS, LINE_SKIPPED
from service.extract.text import normalize_text

# The walk in Python that ``LineWalk`` replaced, kept as the reference.


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    nodes: tuple[LexborNode, ...]


def _lines_after(heading: LexborNode) -> Iterator[_Line]:
    node: LexborNode | None = _wrapped(heading)
    for _ in range(ml._LEVELS):
        if node is None or node.tag in ml._STOP:
            return
        sibling = node.next
        while sibling is not None:
            if sibling.tag and not sibling.tag.startswith("-"):
                yield from _lines(sibling, 0)
            sibling = sibling.next
        node = node.parent


def _wrapped(heading: LexborNode) -> LexborNode:
    node = heading
    for _ in range(ml._MAX_DEPTH):
        parent = node.parent
        if parent is None or parent.tag in ml._STOP or _has_other_content(parent, node):
            break
        node = parent
    return node


def _has_other_content(parent: LexborNode, child: LexborNode) -> bool:
    for node in parent.iter(include_text=True):
        if node.mem_id == child.mem_id or not ml._is_content(node):
            continue
        if node.tag != "-text" or node.text(deep=False).strip():
            return True
    return False


def _lines(node: LexborNode, depth: int) -> Iterator[_Line]:
    if node.tag in LINE_SKIPPED:
        return
    if depth >= ml._MAX_DEPTH or not any(c.tag in LINE_BLOCKS for c in node.iter()):
        text = normalize_text(node.text(deep=True, separator=" "))
        if text:
            yield _Line(text, (node,))
        return
    run: list[LexborNode] = []
    texts: list[str] = []
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag in LINE_BLOCKS or tag in LINE_SKIPPED:
            if line := _run_line(run, texts):
                yield line
            run, texts = [], []
            yield from _lines(child, depth + 1)
        elif tag == "-text":
            run.append(child)
            texts.append(child.text(deep=False))
        elif not (tag or "-").startswith("-"):
            run.append(child)
            texts.append(child.text(deep=True, separator=" "))
    if line := _run_line(run, texts):
        yield line


def _run_line(run: list[LexborNode], texts: list[str]) -> _Line | None:
    text = normalize_text(" ".join(texts)) if texts else ""
    return _Line(text, tuple(run)) if text else None


def _read(lines: Iterable[_Line] | Iterable[ShownLine]) -> list[tuple[str, tuple[int, ...]]]:
    return [(line.text, tuple(node.mem_id for node in line.nodes)) for line in lines]


TAGS = st.sampled_from(
    [
        *("div", "p", "li", "ul", "section", "header", "time", "td", "tr", "table", "br"),
        *("span", "a", "b", "em", "font", "figure", "script", "nav", "h1", "h2", "svg"),
        *("aside", "button", "custom-tag", "math", "template", "DIV", "Span"),
    ]
)
TEXTS = st.sampled_from(
    [
        *("", " ", "\n\t ", "By Ann Lee", "12 March 2026", "Zürich", "日本語", "a &amp; b"),
        *("\u00a0", "\u2003x\u3000", "\u200b", "\u200bword\u200e", "e\u0301", "<!-- c -->"),
        *("x" * 120, "\ufffd", "\xad", "<br>", "\x85"),
    ]
)


@st.composite
def fragments(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 10 or draw(st.integers(0, 2)) == 0:
        return draw(TEXTS)
    if draw(st.integers(0, 9)) == 0:
        return "<h1>The headline</h1>"
    tag = draw(TAGS)
    inner = "".join(draw(st.lists(fragments(depth + 1), max_size=4)))
    return f"<{tag}>{inner}</{tag}>"


@st.composite
def pages(draw: st.DrawFn) -> bytes:
    before = "".join(draw(st.lists(fragments(), max_size=3)))
    after = "".join(draw(st.lists(fragments(), max_size=4)))
    head = "<h1>The headline</h1>"
    for tag in draw(st.lists(TAGS, max_size=10)):
        head = f"<{tag}>{draw(TEXTS)}{head}{draw(TEXTS)}</{tag}>"
    page = f"<html><body>{before}{head}{after}</body></html>".encode()
    # Bytes that are not UTF-8, cut where texts join: each is read with replacement.
    return page.replace(b"\xc2\xa0", draw(st.sampled_from([b"\xc2\xa0", b"\xc2", b"\xe2\x82"])))


def _check(page: bytes) -> None:
    tree = LexborHTMLParser(page)
    for heading in tree.css("h1, b, td, div"):
        assert ml.LINES.wrapped(heading).mem_id == _wrapped(heading).mem_id
        assert _read(ml.LINES.after(heading)) == _read(_lines_after(heading))
        assert _read(ml.LINES.of(heading)) == _read(_lines(heading, 0))
        # Read on after a first few lines, as the lines past the first line of prose are.
        walk = ml.LINES.after(heading)
        first = _read(islice(walk, 2))
        assert first + _read(walk) == _read(_lines_after(heading))


@settings(max_examples=300, deadline=None)
@given(pages())
@example(b"<div><h1>Headline</h1></div><p>By Ann Lee</p><p>12 March 2026</p>")
@example(b"<table><tr><td><font><b>Headline</b></font></td></tr><tr><td>By A B</td></tr></table>")
@example(
    b"<div><h1>H</h1></div><div>\xc2<span>Ann</span>\xe2\x82 <b>Lee</b><!-- c --><i></i>"
    b"<p>x</p></div>"
)
@example(b"<div>\xe2\x80\x83<h1>H</h1> </div><div><figure>By X</figure>a<p>b</p>c</div>")
@example(b"<h1>H</h1>" + b"<div>" * 12 + b"x<p>deep</p>" + b"</div>" * 12 + b"<p>after</p>")
@example(b"<body><h1>H</h1></body><p>past the body</p>")
def test_the_lines_walked_in_c_are_those_of_the_walk_in_python(page: bytes) -> None:
    _check(page)


def test_a_line_names_its_run_of_texts_and_inline_elements() -> None:
    tree = LexborHTMLParser(
        b"<div><h1>H</h1></div><div>By <a>Ann Lee</a><!-- c --> | 12 March<p>x</p></div>"
    )
    heading = tree.css_first("h1")
    assert heading is not None
    lines = list(ml.LINES.after(heading))
    assert [line.text for line in lines] == ["By Ann Lee | 12 March", "x"]
    assert [node.tag for node in lines[0].nodes] == ["-text", "a", "-text"]
