"""A headline link's title and word count, read in C (``_title.TitleReader``, behind
``teaser_fields.headline_title`` and ``clean_title``), are what the Python it replaced
read, on generated links."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser
from selectolax.lexbor import LexborNode as Node

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract.teaser_tokens import Tokens
from service.extract.text import normalize_text

# The Python that ``TitleReader`` replaced, as it was.
_SEPARATOR = re.compile(r"[:.\u00bb\u203a>|\-\u2013\u2014]")  # ends a label or kicker


def _python_clean_title(text: str) -> str:
    text = normalize_text(text)
    first = text[:1]
    if (
        first.isalpha()
        or (
            not first.isdigit()
            and first not in tf._PREFIX_STARTS
            and tt.LABEL_OPENER.match(first) is None
        )
    ) and _SEPARATOR.search(text, 0, tt.MAX_LABEL_CHARS) is None:
        return text
    for pattern in tf._TITLE_PREFIXES:  # each cut by ``sub``, as first written
        stripped = pattern.sub("", text, count=1)
        if stripped:
            text = stripped
    return text


def test_the_separators_are_those_of_the_pattern_clean_title_searched() -> None:
    assert {chr(c) for c in range(0x10000) if _SEPARATOR.match(chr(c))} == set(tf._SEPARATORS)


def test_the_title_prefixes_are_anchored_at_the_start() -> None:
    """``clean_title`` matches each prefix at the start, which is what ``sub`` with one
    replacement finds only for a pattern anchored there."""
    for pattern in tf._TITLE_PREFIXES:
        assert pattern.pattern.startswith("^") and not pattern.flags & re.MULTILINE


def _python_kicker_element(headline: Node) -> str | None:
    first = headline.child
    while first is not None and first.tag == "-text" and not (first.text_content or "").strip():
        first = first.next
    if first is None or first.next is None or first.tag not in tt.INLINE_TAGS:
        return None
    text = first.text()
    if not tt.KICKER_WORD.fullmatch(text):
        return None
    rest = headline.text().replace(text, "", 1).lstrip()
    return text if rest and not rest[0].islower() else None


def _python_headline_text(headline: Node, inside: tf.Inside, tokens: Tokens, text: str) -> str:
    kicker = _python_kicker_element(headline)
    if kicker is not None:
        text = text.replace(kicker, "", 1)
    if not inside.flags & tf.INNER_MARKUP:
        return _python_clean_title(text)
    only = headline.child
    if only is not None and only.next is None and only.tag == "-text":
        return _python_clean_title(only.text_content or "")
    found = tf.read_item(headline, None, tokens, with_image=False)
    title = " ".join(found.segments)
    return _python_clean_title(title.replace(kicker, "", 1) if kicker is not None else title)


def _answers(link: Node, text: str) -> tuple[tuple[str, int], tuple[str, int]]:
    inside = tf.link_inside(link)
    headline = tf.headline_node(link, inside)
    title = _python_headline_text(headline, inside, Tokens(), text)
    return tf.headline_title(headline, inside, Tokens(), text), (title, tf.word_count(title))


# Texts at the edges of the kicker and prefix tests: kickers in any case, with and
# without a separator, ranks, labels, brackets and marks, a separator within and beyond
# the label's reach, lower-case and other first letters, whitespace of every kind.
TEXTS = st.sampled_from(
    [
        *("Exclusive", "LIVE:", " watch ", "Breaking News -", "video", "速報", "opinion|"),
        *("01. ", "3) ", "#1 ", "03 ", "\u0663) ", "Related: ", "Read more - ", "[속보] "),
        *("【速報】", "\u00bb ", "\u25b6 ", "(Related) ", "Ferry strike", "ferry strike"),
        *("\u00c9bola spreads", " the moment", "U.S. talks", "x" * 90 + ": y", "Rail"),
        *(" ", "\n", "\xa0", "\u3000", "\u200b", "", "&nbsp;", "<!-- c -->", "12", "\u2014 "),
        *("Lire aussi : ", "LIVE | ", "Watch. ", "Opinion \u2013 ", "Video:", "x"),
        *("\u65e5\u672c\u306e\u653f\u6cbb", "\u0e02\u0e48\u0e32\u0e27\u0e44\u0e17\u0e22"),
    ]
)
TAGS = st.sampled_from(
    ["strong", "b", "em", "span", "EM", "i", "div", "h3", "p", "time", "img", "custom-tag"]
)
ATTRIBUTES = st.sampled_from(["", "", "", ' class="title"', ' class="meta"', " hidden"])


@st.composite
def fragments(draw: st.DrawFn, depth: int = 0) -> str:
    shape = draw(st.integers(0, 3))
    if depth > 2 or shape == 0:
        return draw(TEXTS)
    tag = draw(TAGS)
    inner = draw(TEXTS) if shape == 1 else "".join(draw(st.lists(fragments(depth + 1), max_size=3)))
    return f"<{tag}{draw(ATTRIBUTES)}>{inner}</{tag}>"


@settings(max_examples=1500, deadline=None)
@given(st.lists(fragments(), max_size=4), st.sampled_from(["", "h3", "div"]))
@example(["<strong>Exclusive</strong>", " Rail strike"], "")
@example(["<em>Watch</em>", " the moment"], "")
@example([" ", "<b>LIVE:</b>", "<span class='x'>Ferry</span>"], "h3")
@example(["<strong>Video</strong>", "Video: Ferry strike"], "")
def test_the_title_in_c_is_what_the_python_read(inside: list[str], wrapper: str) -> None:
    link = f"<a href='/s'>{''.join(inside)}</a>"
    if wrapper:
        link = f"<{wrapper}>{link}</{wrapper}>"
    tree = LexborHTMLParser(f"<html><body>{link}</body></html>")
    for found in tree.css("a"):  # a link may hold another, which the parser moves out
        for text in (found.text(), normalize_text(found.text())):
            title, expected = _answers(found, text)
            assert title == expected


# Bytes that are not UTF-8 beside a kicker, in a blank text node and in a lone text.
_NOT_UTF8 = (
    b"<a href='/s'>\xe2\x80<strong>Exclusive</strong> Rail</a>",
    b"<a href='/s'> \xe2\x80\x80 <b>Live</b> Ferry <i>x</i></a>",
    b"<a href='/s'><b>Video</b>\xff Ferry <i>x</i></a>",
    b"<a href='/s'><h3>\xe2\x80</h3></a>",
)


def test_bytes_that_are_not_utf8_read_as_selectolax_decodes_them() -> None:
    links = [link for raw in _NOT_UTF8 for link in LexborHTMLParser(raw).css("a")]
    assert len(links) == len(_NOT_UTF8)
    assert all(len(set(_answers(link, link.text()))) == 1 for link in links)


@settings(max_examples=1000, deadline=None)
@given(st.lists(TEXTS, max_size=5).map("".join))
def test_clean_title_in_c_cuts_what_the_python_cut(text: str) -> None:
    assert tf.clean_title(text) == _python_clean_title(text)


def test_a_kicker_element_is_left_out_of_the_title() -> None:
    link = LexborHTMLParser("<a href='/s'><strong>Exclusive</strong> Rail strike called</a>")
    found = link.css_first("a")
    assert found is not None
    inside = tf.link_inside(found)
    assert tf.headline_title(found, inside, Tokens(), found.text()) == ("Rail strike called", 3)


# Labels and kickers a headline may open with, in any case (drawn letter by letter).
LABELS = st.sampled_from(
    [
        *("Related: ", "Read more - ", "also on example.com: ", "Lire aussi : ", "More: "),
        *("lesen sie auch: ", "Live: ", "Exclusive - ", "Xem thêm: ", "Zie ook: ", "Update: "),
        *("You might also like: ", "Breaking news | ", "Czytaj także: ", "Baca juga: "),
    ]
)


@settings(max_examples=1000, deadline=None)
@given(LABELS, st.lists(st.booleans(), min_size=40, max_size=40), TEXTS)
def test_a_label_or_kicker_opens_with_a_pair_of_the_gate(
    label: str, upper: list[bool], rest: str
) -> None:
    text = "".join(c.upper() if up else c for c, up in zip(label, upper, strict=False)) + rest
    if tt.INLINE_LABEL_PREFIX.match(text) or tt.KICKER_PREFIX.match(text):
        assert not text[:2].isascii() or text[:2] in tt.TITLE_LABEL_OPENERS
