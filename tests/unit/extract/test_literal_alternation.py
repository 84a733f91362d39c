"""``literal_alternation``: the trie regex finds what a flat longest-first alternation finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from service.extract.text import literal_alternation

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
