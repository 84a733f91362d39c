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
from service.extract import teaser_items
from service.extract import teaser_tables as tt
from service.extract._words import FOLDS_AS_ASCII
from service.extract.teaser_tokens import Tokens
from service.extract.text import contains_any, normalize_text

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
    segments = found.segments
    if len(segments) > 1:
        segments = [segment for segment in segments if not tf.is_date(segment)] or segments
    title = " ".join(segments)
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


# The Python the title's tests in C (``_title.TitleTests``, ``teaser_items.rejects_title``)
# replaced, as it was.
def _python_rejects_title(title: str) -> bool:
    found = teaser_items._TITLE_GATES.find(title)
    if found & 2 and tt.NAV_LABEL.match(title):
        return True
    if found & 4:
        cta = tt.CALL_TO_ACTION
        if found & FOLDS_AS_ASCII:
            if cta.plain.search(title.lower()):
                return True
        elif cta.caseless.search(title):
            return True
    priced = found & 8 or (
        not found & FOLDS_AS_ASCII and contains_any(title, teaser_items._PRICE_CASED)
    )
    marks = ("$", "\u20ac", "\u00a3", "\u00a5", ",")
    if priced and contains_any(title, marks) and tt.PRICE.search(title):
        return True
    return bool(
        title[:5].lower().startswith(tt.EMBED_LINE_STARTS) and tt.EMBED_LINE.fullmatch(title)
    )


# Pieces of titles: the gates' literals, prices with every mark, digit (of other scripts
# too) and whitespace between them, the embedded posts' lines and what opens them in
# any case, characters that lowercase to more than one or to ASCII.
_TITLE_PIECES = st.sampled_from(
    [
        *tt.NAV_LABEL_GATE, *tt.CALL_TO_ACTION.gate, *tt.PRICE_GATE, *tt.EMBED_LINE_STARTS,
        "See all", "More", "Subscribe now", "Click here", "for ", "$", "\u20ac", "\u00a3",
        "\u00a5", ",", "12", "9.99", "3", "\u0663", "\u0665\u0660", ".", " ", "\xa0", "\u2003",
        "\n", "EUR", "kr", "z\u0142", "Z\u0141", "View this post on ", "VIEW THE ", "Instagram",
        "A photo shared by ", "AN ", "a video shared by ", "(@ann.lee)", "V", "\u0130", "\u212a",
        "Storm hits coast", "\u00e9", "\u6f22", "\u2019", "million",
    ]
)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(_TITLE_PIECES, max_size=6).map("".join))
@example("Deal: \u20ac 12,50 today")
@example("for $ 30")
@example("Zur Kasse: 12,50 z\u0142")
@example("View this post on Instagram")
@example("\u0130n a photo shared by Ann (@ann)")
def test_the_title_tests_in_c_are_what_the_python_asked(title: str) -> None:
    assert teaser_items.rejects_title(title) == _python_rejects_title(title)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_TITLE_PIECES, max_size=6).map("".join))
@example("for \u00a330")
@example("12,50\u00a0\u20ac")
def test_every_price_holds_a_mark_before_a_digit(title: str) -> None:
    """The gate ``TitleTests`` asks before ``PRICE``: a price mark before a decimal digit,
    one whitespace character between them at most."""
    found = tt.PRICE.search(title)
    if found is not None:
        price = found.group()
        marks = teaser_items._PRICE_MARKS
        assert any(
            price[i] in marks
            and (
                price[i + 1 : i + 2].isdecimal()
                or (price[i + 1].isspace() and price[i + 2 : i + 3].isdecimal())
            )
            for i in range(len(price) - 1)
        )
