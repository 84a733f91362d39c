"""What a link holds and its heading level, read in C (``_inside.InsideWalk``, behind
``teaser_fields.link_inside`` and its ``level``), are what the Python walks it
replaced read, on generated links."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser
from selectolax.lexbor import LexborNode as Node

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract._inside import HEADING, MARKUP, TITLE, InsideWalk
from service.extract.bold_lines import BOLD_TAGS, bold_alone


# The walks in Python that ``InsideWalk`` replaced, as they were.
def _python_inside(link: Node) -> tuple[int, str | None, Node | None]:
    flags = 0
    heading: str | None = None
    headline: Node | None = None
    for element in link.traverse():
        if element.mem_id == link.mem_id:
            continue
        tag = element.tag or ""
        attrs = element.attributes
        if attrs or tag in tf._MARKUP_TAGS or tf._RANK.match(element.text()):
            flags |= MARKUP
        is_heading = tag in tt.HEADING_TAGS
        if is_heading:
            flags |= HEADING
            heading = heading or tag
        names = (attrs.get("class") or "").lower()
        titled = ("title" in names and "subtitle" not in names) or "headline" in names
        if titled:
            flags |= TITLE
        if headline is None and (is_heading or titled):
            headline = element
    return flags, heading, headline


def _python_level(link: Node, heading: str | None) -> str | None:
    if heading is not None:
        return heading
    if _holds_bold_line(link):
        return tt.BOLD_LINE_HEADING
    node = link.parent
    bold: Node | None = None
    for _ in range(3):
        if node is None:
            return None
        tag = node.tag
        if tag in tt.HEADING_TAGS:
            return tag
        if tag == "div":
            if bold is not None and _is_bold_line_of(node, bold):
                return tt.BOLD_LINE_HEADING
        elif tag not in tt.INLINE_TAGS:
            return None
        elif tag in BOLD_TAGS and bold is None:
            bold = node
        node = node.parent
    return None


def _is_bold_line_of(node: Node, bold: Node) -> bool:
    found = bold_alone(node)
    return found is not None and found.mem_id == bold.mem_id and bool(bold.text().strip())


def _holds_bold_line(link: Node) -> bool:
    child = link.child
    found: Node | None = None
    while child is not None:
        tag = child.tag or ""
        if tag == "div" and found is None:
            found = child
        elif tag == "-text":
            if (child.text_content or "").strip():
                return False
        elif not tag.startswith("-"):
            return False
        child = child.next
    bold = bold_alone(found) if found is not None else None
    return bold is not None and bool(bold.text().strip())


def _answers(link: Node) -> tuple[object, ...]:
    inside = tf.link_inside(link)
    headline = inside.headline.mem_id if inside.headline is not None else None
    return inside.flags, inside.heading, headline, inside.level


def _python_answers(link: Node) -> tuple[object, ...]:
    flags, heading, headline = _python_inside(link)
    found = headline.mem_id if headline is not None else None
    return flags, heading, found, _python_level(link, heading)


TAGS = st.sampled_from(
    [
        *("span", "b", "strong", "STRONG", "em", "div", "DIV", "p", "h2", "h3", "H4", "time"),
        *("img", "svg", "picture", "script", "template", "button", "custom-tag", "li", "font"),
    ]
)
# The class values at the edges of the title words: case, a word ruling it out, the
# characters beyond ASCII that lowercase to ASCII letters, bytes around the words.
CLASSES = st.sampled_from(
    [
        *("title", "Card__Title", "subtitle", "SubTitle title", "headline", "sub-headline"),
        *("t\u0130tle", "T\u0130TLE", "tit le", "titl", "\u212atitle", "caf\u00e9-title", ""),
        *("x", "titles", "head-line", "headlin", "subtitleheadline"),
    ]
)
ATTRIBUTES = st.sampled_from(["", "", "", "class", "id", "data-x", "hidden"])
# Texts at the edges of the rank test (a small number alone, in any script's digits)
# and of the white space test (each kind of whitespace, the zero-width space, which is
# none, and text nodes whose bytes are not UTF-8).
TEXTS = st.sampled_from(
    [
        *("word", " two words ", "\n\t", " ", "", "12", " #3. ", "7)", "1234", "#", "3 4"),
        *("\u0663", "\u0661\u0662)", "\xa0", "\u3000", "\u200b", "\x1c", "\x0b", "\u2028"),
        *("12\n", "\u20071", "caf\u00e9", "\u65e5\u672c", "&nbsp;", "<!-- 12 -->"),
    ]
)


@st.composite
def fragments(draw: st.DrawFn, depth: int = 0) -> str:
    shape = draw(st.integers(0, 3))
    if depth > 3 or shape == 0:
        return draw(TEXTS)
    tag = draw(TAGS)
    name = draw(ATTRIBUTES)
    attribute = f' class="{draw(CLASSES)}"' if name == "class" else f" {name}" * bool(name)
    # An element holding one text (a rank, a bold line...) or a few fragments.
    inner = draw(TEXTS) if shape == 1 else "".join(draw(st.lists(fragments(depth + 1), max_size=3)))
    return f"<{tag}{attribute}>{inner}</{tag}>"


# The ancestors a link stands in: headings, bold lines, inline and block elements.
WRAPPERS = st.lists(
    st.sampled_from(["b", "strong", "span", "em", "div", "h3", "p", "li", "i", "section"]),
    max_size=4,
)


@settings(max_examples=800, deadline=None)
@given(WRAPPERS, st.lists(fragments(), max_size=4), st.lists(TEXTS, max_size=2))
@example(["div", "b"], ["Bold line"], [])
@example(["div"], ["<div> <b>Bold <!-- c -->line</b> </div>"], [])
@example(["div", "strong"], ["Bold"], [" "])
def test_the_walk_in_c_reads_what_the_python_walks_read(
    wrappers: list[str], inside: list[str], beside: list[str]
) -> None:
    link = f"<a href='/s'>{''.join(inside)}</a>"
    for index, tag in enumerate(reversed(wrappers)):
        text = beside[index] if index < len(beside) else ""
        link = f"<{tag}>{link}{text}</{tag}>"
    tree = LexborHTMLParser(f"<html><body>{link}</body></html>")
    for found in tree.css("a"):  # a link may hold another, which the parser moves out
        assert _answers(found) == _python_answers(found)


@pytest.mark.parametrize(
    "raw",
    [
        # Bytes cut between text nodes that join into a space (U+2000), and ones that
        # join into nothing: the bold line's words are read on the joined text.
        b"<div><b><a href='/s'>x</a></b></div><div><b>\xe2\x80<i></i>\x80</b></div>",
        b"<div><b>\xe2\x80<i></i>\x80</b></div>",
        b"<a href='/s'><div><b>\xe2\x80<i>\x80</i></b></div></a>",
        b"<a href='/s'><div><b>\xe2<i>\x80</i></b></div></a>",
        b"<a href='/s'><div><b>\xff</b></div></a>",
        b"<a href='/s'><div>\xe2\x80<b>Bold</b></div></a>",
        b"<div><strong><a href='/s'>t</a>\xe2\x80\x80</strong></div>",
        b"<div>\xe2\x80<b><a href='/s'>t</a></b></div>",
        b"<div><b><a href='/s'>\xe2\x80</a><i>\x80</i></b></div>",
        b"<a href='/s'><span class='T\xc4\xb0TLE'>x</span><span>\xd9\xa3</span></a>",
        b"<a href='/s'><span class='ti\xfftle'>x</span><em>1\xe2\x80</em></a>",
    ],
)
def test_bytes_that_are_not_utf8_read_as_selectolax_decodes_them(raw: bytes) -> None:
    for link in LexborHTMLParser(raw).css("a"):
        assert _answers(link) == _python_answers(link)


def test_a_bold_line_the_link_stands_in_is_its_heading() -> None:
    link = LexborHTMLParser("<div> <b><a href='/s'>A story</a></b> </div>").css_first("a")
    assert link is not None
    assert tf.link_inside(link).level == tt.BOLD_LINE_HEADING


def test_a_title_word_that_characters_beyond_ascii_may_lowercase_to_is_refused() -> None:
    arguments = {
        "headings": ("h2",),
        "markup": ("img",),
        "inline": ("b",),
        "bold": ("b",),
        "line": "div",
        "spaces": " ",
        "rank_marks": "#",
        "rank": tf._is_rank,
        "bold_line": "b",
        "levels": 3,
    }
    InsideWalk(**arguments, titles=(("headline", ""),))  # type: ignore[arg-type]
    for titles in ((("kicker", ""),), (("title", "wiki"),), (("Title", ""),)):
        with pytest.raises(ValueError, match="lowercase ASCII"):
            InsideWalk(**arguments, titles=titles)  # type: ignore[arg-type]
