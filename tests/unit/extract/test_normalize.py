"""_text.Normalizer (text.normalize_text, which item and body texts go through too)
against the Python it replaced, and _text.nfc_stable against unicodedata."""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import partial

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from service.extract import text as text_module
from service.extract._text import Normalizer, nfc_stable
from service.extract.text import INVISIBLE, normalize_text

# The Python normalize_text: its invisible characters as a regular expression, direction
# marks stripped at the edges, NFC by unicodedata.
_INVISIBLE = re.compile(
    "[\u00ad\u180e\u200b\u2060-\u2064\ufeff\ufff9-\ufffb"
    "\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff]"
)
_EDGES = " \u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _python_normalize_text(text: str) -> str:
    text = " ".join(_INVISIBLE.sub("", text).split())
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text.strip(_EDGES))


# Every kind of whitespace (those str.split takes for it, invisible ones among them),
# invisible and control characters, lone surrogates, joiners, the edge marks, combining
# marks (that compose, that reorder, of the quick check's Maybe), Hangul syllables and
# jamo, CJK, emoji beyond the BMP, characters NFC replaces alone.
_WHITESPACE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
_ALPHABET = [
    *"ab \t\n\r.",
    *_WHITESPACE,
    *"\x00\x01\x07\x0b\x0c\x0e\x1b\x1c\x1f\x7f\x80\x85\x9f",
    *"\u00ad\u180e\u200b\u2060\u2064\ufeff\ufff9\ufffb\ud800\udce9\udfff",
    *"\u200c\u200d",
    *_EDGES,
    *"\u0301\u0300\u0327\u0323\u0345\u0334\u0308\u05b0\u064b\u0653\u3099",
    *"e\u00e9\u00c5\u212b\u2126\u0344\u0958\u0f73\u1e0a",
    *"\u1100\u1112\u1161\u11a8\u11ab\uac00\ud55c",
    *"\u0bc6\u0bbe\u0b47\u0b3e\u0dd9\u0dcf",
    *"\u3042\u6771\u4eac\u3000\uff0c",
    *"\u0627\u0644",
    "\U0001f468",
    "\U00011099",
    "\U000110ba",
    "\U0002f800",
]
_TEXTS = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=24)


@settings(max_examples=2000, deadline=None)
@given(_TEXTS)
@example("")
@example("e\u0301")
@example("\u1112\u1161\u11ab")
@example("a\u0323\u0307")  # two marks reordered, then composed
@example("a\u0307\u0323")
@example("\u200e \u200f")
@example("\u200ex y\u200f")
@example("a\u00a0\u200bb")
@example("\ud800")
def test_normalize_text_is_the_python_form(text: str) -> None:
    assert normalize_text(text) == _python_normalize_text(text)


@pytest.mark.parametrize("text", ["a\x0bb", "a\x0cb", "a\x1cb", "a\x85b", "a\x0bb\u00e9"])
def test_invisible_whitespace_is_dropped_not_folded(text: str) -> None:
    # The readers of items and of the body once folded "\v" and "\f" (and the body every
    # invisible whitespace) to a space on ASCII text; every text now drops them.
    assert normalize_text(text) == _python_normalize_text(text)
    assert " " not in _python_normalize_text(text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_normalize_text_is_the_python_form_on_any_characters(text: str) -> None:
    assert normalize_text(text) == _python_normalize_text(text)


# Texts of each of str's widths as the pages hold them: words of printable ASCII (long
# enough to fill the first pass's words of eight bytes or four UCS-2 units), runs of
# spaces, tabs and line feeds (the rebuild skips them a word at a time), and a few
# characters beyond ASCII (Latin-1, the BMP, beyond it) or of the alphabet above.
_WORDS = st.text(
    alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=12
)
_BLANKS = st.text(alphabet=st.sampled_from(" \t\n\r"), min_size=1, max_size=40)
_ODD = st.sampled_from(
    [*_ALPHABET, "\u00e9", "\u00a0", "\u00ad", "\u00ff", "\u0416", "\u2019", "\u2014", "\u6771"]
)
_WIDE = st.sampled_from(["", "\u00e9", "\u0416", "\U0001f468"])
_PAGE_TEXTS = st.builds(
    lambda parts, wide: "".join(parts) + wide,
    st.lists(st.one_of(_WORDS, _WORDS, _BLANKS, _ODD), max_size=16),
    _WIDE,
)


@settings(max_examples=3000, deadline=None)
@given(_PAGE_TEXTS)
@example("word word word  word")  # two spaces within the first word of eight bytes
@example("abcdefg  hijk")  # across two words
@example("abcdefgh\u0416ijklmnop  q")  # a word resumed after a character beyond ASCII
@example("\n" + " " * 40 + "Title\t\t\t\t\t\t\t\t\t\tword\n" + " " * 17)
@example("\x01\x02\x03\x04\x05\x06\x07\x08 a")  # a word of invisible characters alone
@example("a\u2019b" * 9)
@example("\u200eabcdefghijk")
@example("abcdefghijk\u200f ")
@example("\U0001f468 abcdefgh")
def test_normalize_text_is_the_python_form_on_texts_of_each_width(text: str) -> None:
    result = normalize_text(text)
    assert result == _python_normalize_text(text)
    if result == text and all(c.isascii() or nfc_stable(ord(c)) for c in text):
        assert result is text  # given back without a copy


def _reference(text: str, invisible: tuple[tuple[int, int], ...], edges: str) -> str:
    """normalize_text's Python form for other tables: the invisible ranges removed,
    whitespace folded, the edges and spaces stripped, NFC."""
    kept = "".join(c for c in text if not any(low <= ord(c) <= high for low, high in invisible))
    return unicodedata.normalize("NFC", " ".join(kept.split()).strip(edges + " "))


@settings(max_examples=1000, deadline=None)
@given(_PAGE_TEXTS)
@example("\x01\x02\x03\x04\x05\x06\x07\x08 a")
@example("a \x1c\x1c\x1c\x1c\x1c\x1c\x1c\x1c b")
def test_normalizer_with_other_tables_is_the_python_form(text: str) -> None:
    # No control invisible: those that are not whitespace are kept, and the words of
    # characters up to " " are not skipped whole.
    invisible = ((0x200B, 0x200B), (0xD800, 0xDFFF))
    normalizer = Normalizer(
        invisible=invisible, edges="\u200e", nfc=partial(unicodedata.normalize, "NFC")
    )
    assert normalizer.normalize(text) == _reference(text, invisible, "\u200e")


@pytest.mark.parametrize(
    "text", ["Storm reaches the coast", "嵐が沿岸に到達 東京", "Üben", "x", ""]
)
def test_a_normal_text_is_given_back_as_it_is(text: str) -> None:
    assert normalize_text(text) is text


def test_the_invisible_ranges_are_the_python_pattern() -> None:
    assert [c for c in range(sys.maxunicode + 1) if _INVISIBLE.match(chr(c))] == [
        c for low, high in INVISIBLE for c in range(low, high + 1)
    ]
    assert text_module._EDGES == _EDGES


def _composition_followers() -> set[int]:
    """The code points that may compose with a character before them under NFC (the
    quick check's Maybe), from the canonical decompositions' second parts and Hangul."""
    followers = set()
    for code in range(sys.maxunicode + 1):
        mapping = unicodedata.decomposition(chr(code))
        parts = mapping.split()
        if len(parts) == 2 and not mapping.startswith("<"):
            followers.add(int(parts[1], 16))
    followers.update(range(0x1161, 0x1176))  # Hangul vowels
    followers.update(range(0x11A8, 0x11C3))  # Hangul final consonants
    return followers


def test_nfc_stable_is_the_quick_checks_yes_of_starters() -> None:
    followers = _composition_followers()
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if nfc_stable(code):
            assert code < 0x10000
            assert unicodedata.combining(char) == 0, hex(code)
            assert unicodedata.normalize("NFC", char) == char, hex(code)
            assert code not in followers, hex(code)
    # Most letters are in the table: ASCII, Latin with accents, CJK, Hangul syllables.
    for char in "aZ\u00e9\u00c5\u0434\u05d0\u0627\u6771\uac00\u3042\u200e":
        assert nfc_stable(ord(char)), char


def test_texts_of_the_table_are_nfc() -> None:
    stable = "".join(chr(c) for c in range(0x10000) if nfc_stable(c))
    assert unicodedata.is_normalized("NFC", stable)


def test_normalizer_refuses_bad_tables() -> None:
    nfc = str
    with pytest.raises(ValueError, match="BMP"):
        Normalizer(invisible=((0, 0x10000),), edges="", nfc=nfc)
    with pytest.raises(ValueError, match="edge"):
        Normalizer(invisible=(), edges="x", nfc=nfc)
    with pytest.raises(ValueError, match="printable ASCII"):
        Normalizer(invisible=((0x10, 0x20),), edges="", nfc=nfc)
