"""``literal_alternation``: the trie regex finds what a flat longest-first alternation finds;
``first_char_alternation``: the grouped alternation finds what the flat one finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract.text import first_char_alternation, literal_alternation

WORDS = ["author", "authorbox", "authorbio", "ab", "abcde", "related", "rel", "x"]


def _flat(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def test_trie_form() -> None:
    assert literal_alternation(["author", "authorbox"]) == "author(?:box)?"


def test_longest_word_at_a_place() -> None:
    pattern = re.compile(literal_alternation(WORDS))
    assert pattern.findall("xauthorboxy abcd relatedx") == ["x", "authorbox", "ab", "related", "x"]


@given(st.text(alphabet="abcdeorthluxz.-", max_size=40))
def test_same_matches_as_flat_alternation(text: str) -> None:
    assert re.findall(literal_alternation(WORDS), text) == _flat(WORDS).findall(text)


def test_first_char_form() -> None:
    assert (
        first_char_alternation("read more|related|see also") == "r(?:e(?:ad more|lated))|see also"
    )
    # A group, a set or an optional first character stays in place; nothing crosses it.
    assert first_char_alternation("ab|(?:x)|ac|b?a|ad") == "ab|(?:x)|ac|b?a|ad"
    assert first_char_alternation(r"\u0627x|\u0627y|\.a|\.b") == "\u0627(?:x|y)|\\.(?:a|b)"


def test_first_chars_alike_under_the_flags_are_refused() -> None:
    with pytest.raises(ValueError, match="match the same character"):
        first_char_alternation("ix|\u0131y", re.IGNORECASE)
    assert first_char_alternation("ix|\u0131y") == "ix|\u0131y"


_ALTERNATIVES = st.lists(
    st.lists(st.sampled_from(["a", "b", "ab", "\u00e0", "A", "(?:a|b)", "[ab]", "b?"]), max_size=3)
    .map("".join)
    .filter(bool),
    min_size=1,
    max_size=6,
)


@settings(max_examples=400)
@given(_ALTERNATIVES, st.text(alphabet="abcA\u00e0", max_size=8), st.sampled_from(["", "c", "$"]))
def test_first_char_form_finds_the_same_matches(
    alternatives: list[str], text: str, tail: str
) -> None:
    """The same spans, also after backtracking into the alternation for its tail."""
    for flags in (0, re.IGNORECASE):
        flat = "|".join(alternatives)
        try:
            grouped = first_char_alternation(flat, flags)
        except ValueError:  # "a" and "A" at one level, refused under IGNORECASE alone
            assert flags == re.IGNORECASE
            continue
        expected = [m.span() for m in re.finditer(f"(?:{flat}){tail}", text, flags)]
        found = [m.span() for m in re.finditer(f"(?:{grouped}){tail}", text, flags)]
        assert found == expected
