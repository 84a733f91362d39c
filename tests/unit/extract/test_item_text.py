"""An item's text read for its promo label (``teasers._PROMOS.text``): its opening read in C
(``_fields.text_opening``) decides what the whole text folded decided."""

from __future__ import annotations

import re
import re._parser

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser
from selectolax.lexbor import LexborNode as Node

from service.extract import teaser_tables as tt
from service.extract._fields import text_opening
from service.extract.teasers import _PROMOS, LABEL_REACH
from service.extract.text import normalize_text

# Pieces of text at the edges the opening is cut at: each kind of whitespace, invisible
# and edge characters, combining marks (after ASCII and wide letters), CJK, Hangul
# jamo that compose, promo labels and marks, bytes of wide characters.
PIECES = st.sampled_from(
    [
        *(
            "Read more: ",
            "Related ",
            "[Related] ",
            "\u25b6 Lesen Sie auch ",
            "\u95a2\u9023\u8a18\u4e8b ",
        ),
        *(
            "also on x",
            "RELATED",
            "\u212aapcsol\u00f3d\u00f3 ",
            "word ",
            " ",
            "\n\t",
            "\xa0",
            "\u3000",
        ),
        *("e\u0301", "\u0301", "\u0323\u0307", "\u1100\u1161", "\u11a8", "\u200b", "\u200e"),
        *("\u4e00\u4e8c", "\uac00", "caf\u00e9", "x", ".", "-", "\u00bb", "\x1c", "\x01"),
    ]
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)
TAGS = st.sampled_from(["div", "span", "b", "p", "script", "li"])


@st.composite
def items(draw: st.DrawFn) -> str:
    parts = []
    for text in draw(st.lists(TEXTS, min_size=1, max_size=6)):
        text = text.replace("&", "&amp;").replace("<", "&lt;")
        if draw(st.booleans()):
            tag = draw(TAGS)
            text = f"<{tag}>{text}</{tag}>"
        parts.append(text)
    return "".join(parts)


def _item(html: str) -> Node:
    node = LexborHTMLParser(f"<html><body><div id=i>{html}</div></body></html>").css_first("#i")
    assert node is not None
    return node


@settings(max_examples=500, deadline=None)
@given(items(), st.integers(2, 400))
def test_the_opening_folds_to_the_start_of_the_whole_text_folded(html: str, length: int) -> None:
    node = _item(html)
    whole = node.text()
    opening = text_opening(node, length)
    if opening is None:
        return
    text, complete = opening
    if complete:
        assert text == whole
    else:
        assert whole.startswith(text)
        assert normalize_text(whole).startswith(normalize_text(text))


def test_the_opening_is_cut_before_an_ascii_character() -> None:
    node = _item("\u4e00" * 10 + "<b>ab</b>" + "\u4e00" * 10)
    assert text_opening(node, 100) == (node.text(), True)
    assert text_opening(node, 35) == ("\u4e00" * 10 + "a", False)  # the last ASCII byte ends it
    assert text_opening(node, 20) is None  # no ASCII byte in the second half


def test_the_opening_is_not_cut_before_a_control_character_folding_removes() -> None:
    """Across a removed control character an ASCII letter and the combining marks after
    it meet and compose ("x", U+1C, dot below, dot above fold to x with dot above and a
    dot below): the cut falls before the letter instead."""
    node = _item("x" * 11 + "\x1c\u0323\u0307" + "x" * 10)
    opening = text_opening(node, 12)
    assert opening == ("x" * 10, False)
    assert normalize_text(node.text()).startswith(normalize_text(opening[0]))


def test_the_ascii_characters_cut_before_are_those_folding_keeps() -> None:
    kept = {chr(c) for c in range(128) if normalize_text(f"a{chr(c)}b") != "ab"}
    cut_before = set()
    for c in range(128):
        # Ten wide characters, the ASCII one, ten more: a cut at 31 bytes falls before
        # it, or finds no character to fall before.
        html = "\u4e00" * 10 + f"&#{c};" + "\u4e00" * 10
        if text_opening(_item(html), 31) is not None:
            cut_before.add(chr(c))
    assert cut_before == kept


def test_bytes_that_are_not_utf8_read_as_selectolax_decodes_them() -> None:
    raw = b"<html><body><div id=i>caf\xc3 <b>\xe2\x80</b>" + b"x " * 40 + b"</div></body></html>"
    node = LexborHTMLParser(raw).css_first("#i")
    assert node is not None
    opening = text_opening(node, 40)
    assert opening is not None
    assert node.text().startswith(opening[0])
    assert text_opening(node, 400) == (node.text(), True)


def test_a_promo_label_is_decided_within_its_reach() -> None:
    """What ``INLINE_LABEL`` must match (a mark, brackets, the label) fits in ``LABEL_REACH``
    characters of a folded text, where a run of white space is one character; the rest of
    the pattern is optional."""
    mandatory = rf"{tt._LABEL_MARK}(?:{tt._BRACKETED}|(?:{tt._INLINE_LABEL_ALTERNATION}))"
    optional = rf"\s*{tt._LABEL_SEPARATOR}*\s*"
    assert tt.INLINE_LABEL.pattern == rf"^\s*{mandatory}{optional}"
    bounded = mandatory.replace(r"\s*", r"\s?").replace(r"\S+", r"\S")
    assert re._parser.parse(bounded, re.IGNORECASE).getwidth()[1] < LABEL_REACH


@settings(max_examples=500, deadline=None)
@given(TEXTS, TEXTS)
def test_a_label_matches_the_text_as_it_matches_its_reach(start: str, rest: str) -> None:
    text = normalize_text(start + rest)
    found = tt.INLINE_LABEL.match(text) is not None
    for reach in range(LABEL_REACH, len(text)):
        assert (tt.INLINE_LABEL.match(text[:reach]) is not None) == found


@settings(max_examples=500, deadline=None)
@given(items())
def test_the_item_text_reads_the_promo_label_as_the_whole_text_did(html: str) -> None:
    node = _item(html)
    whole = normalize_text(node.text())
    text = _PROMOS.text(node)
    if text is None:
        assert tt.INLINE_LABEL.match(whole) is None
    else:
        assert text == whole


def test_a_long_item_is_read_by_its_opening() -> None:
    assert _PROMOS.text(_item("<h3>Ferry strike ends</h3>" + "<p>word word</p>" * 100)) is None
    long = "Read more: " + "word " * 200
    assert _PROMOS.text(_item(long)) == normalize_text(long)


def test_an_item_is_read_by_its_first_characters() -> None:
    headline = "<h3>Ferry strike ends after three days of talks in the capital</h3>"
    assert _PROMOS.text(_item(headline + "<p>The unions agreed.</p>")) is None
    assert _PROMOS.text(_item("\n" + " " * 20 + headline)) is None  # the indentation folded
    label = "<b>\u25b6 RELATED:</b> " + headline
    assert _PROMOS.text(_item(label)) == normalize_text(_item(label).text())
    assert _PROMOS.text(_item("<b>Short</b>")) is None
    assert _PROMOS.text(_item("<b>Related</b>")) == "Related"
    # Two ASCII letters opening no label, read on the bytes, unless a mark composes with
    # the second ("La" + U+0308 folds to the Swedish label "L\xe4s")
    assert _PROMOS.text(_item("  <b>Ferry</b> strike")) is None
    swedish = "La\u0308s ocksa\u030a: Ferry strike ends"
    assert _PROMOS.text(_item(swedish)) == normalize_text(swedish)
    assert tt.INLINE_LABEL.match(normalize_text(swedish)) is not None
    # nor when folding drops the control character between them and the mark
    hidden = "La\x01\u0308s ocksa\u030a: Ferry strike ends"
    assert _PROMOS.text(_item(hidden)) == normalize_text(hidden)
