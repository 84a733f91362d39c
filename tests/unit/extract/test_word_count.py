"""The words of a text counted in C (``_text.WordCount``, behind
``teaser_fields.word_count`` and ``spaced_word_count``) are the Python counts it
replaced, on generated texts of each of ``str``'s widths."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract._text import WordCount
from service.extract.text import CJK_CHAR, UNSPACED_CHAR, UNSPACED_CHARS_PER_WORD


# The counts in Python that ``WordCount`` replaced, as they were.
def _python_word_count(text: str) -> int:
    words = len(text.split())
    if words < tt.MIN_HEADLINE_WORDS and len(text) >= tt.MIN_CJK_CHARS and not text.isascii():
        cjk = len(CJK_CHAR.findall(text))
        if cjk >= tt.MIN_CJK_CHARS:
            return max(words, cjk // 2)
    return _letter_words(text, words)


def _python_spaced_word_count(text: str) -> int:
    return _letter_words(text, len(text.split()))


def _letter_words(text: str, words: int) -> int:
    if words < tt.MAX_COUNTED_WORDS and len(text) >= tt.MIN_CJK_CHARS and not text.isascii():
        unspaced = len(UNSPACED_CHAR.findall(text))
        if unspaced >= tt.MIN_CJK_CHARS:
            return max(words, unspaced // UNSPACED_CHARS_PER_WORD)
    return words


# Pieces of text: words, each kind of whitespace (ASCII, the four controls, wide and
# beyond the basic plane none is), CJK and Thai, Lao, Myanmar and Khmer letters, the
# edges of their ranges, and characters of each width.
_PIECES = [
    *("a", "word", " ", "  ", "\t", "\n", "\x0b", "\x1c", "\x1f", "\x85", "\xa0", "\u1680"),
    *("\u2000", "\u200a", "\u2028", "\u3000", "\u200b", "\ufeff", "caf\xe9", "\u043c\u0438\u0440"),
    *("\u65e5\u672c\u8a9e", "\u6771", "\ud55c\uad6d\uc5b4", "\u3042", "\u30ff", "\u3040", "\u303f"),
    *("\u3400", "\u9fff", "\ua000", "\uac00", "\ud7af", "\ud7b0", "\u0e20\u0e32\u0e29\u0e32"),
    *("\u0e00", "\u0eff", "\u0f00", "\u1000\u1001", "\u109f", "\u1780\u1781", "\u17ff"),
    *("\U0001f600", "\U00020000", "1", "-", "\x00"),
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_the_counts_in_c_are_the_python_counts(text: str) -> None:
    assert tf.word_count(text) == _python_word_count(text)
    assert tf.spaced_word_count(text) == _python_spaced_word_count(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_the_counts_in_c_are_the_python_counts_on_any_text(text: str) -> None:
    assert tf.word_count(text) == _python_word_count(text)
    assert tf.spaced_word_count(text) == _python_spaced_word_count(text)


@pytest.mark.parametrize("pattern", [CJK_CHAR, UNSPACED_CHAR])
def test_the_ranges_handed_over_are_the_class_of_the_pattern(pattern: object) -> None:
    ranges = tf._char_ranges(pattern)  # type: ignore[arg-type]
    for code in range(sys.maxunicode + 1):
        inside = any(low <= code <= high for low, high in ranges)
        assert inside == (pattern.match(chr(code)) is not None)  # type: ignore[attr-defined]


def test_a_range_with_ascii_in_it_is_refused() -> None:
    with pytest.raises(ValueError, match="beyond ASCII"):
        WordCount(
            most_words=1,
            counted_chars=1,
            most_counted_words=1,
            cjk=((0x41, 0x5A),),
            cjk_chars_per_word=2,
            unspaced=(),
            unspaced_chars_per_word=4,
        )


# The first characters of words tested in Python, as ``teasers._is_prose`` tested them.
def _python_word_openings(text: str) -> tuple[int, int, int, int]:
    words = text.split()
    letters = [w for w in words if w[0].isalpha()]
    lower = [w for w in letters if w[0].islower()]
    upper = [w for w in letters if not w[0].islower() and w[0].isupper()]
    return len(words), len(letters), len(lower), len(upper)


# Words opening with a character of each kind: lower and upper case, title case (a
# digraph), a letter without case, a digit, a lowercase mark that is no letter (the
# combining ypogegrammeni, a small roman numeral), a lowercase modifier letter, a symbol.
_OPENINGS = (
    "a", "word", "Word", "\u01c5x", "\u00e9t\u00e9", "\u00c9t\u00e9", "\u6771", "\u0627",
    "1st", "\u0345", "\u2170", "\u02b0", "\u00aa", "\U0001d41a", "\U00010400", "-", "\u2019s",
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from((*_PIECES, *_OPENINGS)), max_size=40).map("".join))
def test_the_word_openings_in_c_are_the_python_ones(text: str) -> None:
    assert tf.word_openings(text) == _python_word_openings(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_the_word_openings_in_c_are_the_python_ones_on_any_text(text: str) -> None:
    assert tf.word_openings(text) == _python_word_openings(text)


def test_word_openings() -> None:
    assert tf.word_openings("  The cat \u0345sat 3 \u6771 ") == (5, 3, 1, 1)
