"""``Openings``: a text that an anchored pattern matches always passes the gate (the
gate is a superset of the matches), on texts generated from the patterns and on
pieces of their words in mixed case; and it keeps most prose out."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.extract import body_reader, body_tables
from service.extract.openings import Openings

# The two forms of each of the reader's anchored drop patterns, each with its gate: the
# plain form is searched in the lowercased text, the caseless form in the text.
_GATES = (
    *zip((p.plain for p in body_reader._DROPS), body_reader._DROP_OPENS_PLAIN, strict=True),
    *zip((p.caseless for p in body_reader._DROPS), body_reader._DROP_OPENS_CASELESS, strict=True),
)

# Words of the drop patterns and characters a caseless match pairs with others.
_PIECES = [
    "advertisement", "Anzeige", "ФОТО", "Фото", "photo:", "(Image credit", "by ", "BY ",
    "12", "١٢", "٣", "/", ".", ":", " ", "\u00a0", "\n", "am", "PM", "2026年", "광고", "김민준",
    " 기자", "ⓒ", "Ⓒ", "©", "[", "<", "(", "the story continues below", "\u0130mage", "\u017fhare",
    "\u212aeywords", "ΔΙΑΦΉΜΙΣΗ", "read more:", "May 4, 2026", "yesterday", "Tags", "x", "é",
]  # fmt: skip


def _check(pattern: re.Pattern[str], gate: Openings, text: str) -> None:
    subject = text if pattern.flags & re.IGNORECASE else text.lower()
    if pattern.search(subject) is not None:
        assert gate.may_open(subject), subject


# The anchored drop patterns one by one (the alternation's alternatives), but for the
# month names' (its generated texts are slow to make; ``_PIECES`` has dates).
_ANCHORED = [
    pattern for pattern, _ in body_tables.DROP_BLOCK_PATTERNS if len(pattern.pattern) < 1500
]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_ANCHORED).flatmap(lambda pattern: st.from_regex(pattern)))
def test_matches_generated_from_the_patterns_pass(text: str) -> None:
    for pattern, gate in _GATES:
        _check(pattern, gate, text)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_PIECES), max_size=5).map("".join), st.text(max_size=6))
def test_texts_of_the_patterns_words_pass_when_they_match(text: str, tail: str) -> None:
    for pattern, gate in _GATES:
        _check(pattern, gate, text)
        _check(pattern, gate, text + tail)


@given(st.text(max_size=8))
def test_any_text_passes_when_it_matches(text: str) -> None:
    for pattern, gate in _GATES:
        _check(pattern, gate, text)


# The small patterns' letters, with the characters a caseless match pairs with them
# (the long s, the Kelvin sign, the dotted capital I), digits of two scripts and spaces.
_ALPHABET = "abcdxyqr\u017f\u212a\u0130K:.- 19\u0661\u00a0\n가기자jafebphotostory[("


@pytest.mark.parametrize(
    "pattern",
    [
        r"^(ab|cd)\s*:",
        r"^[\d\s/.,:\-]+(am|pm)?$",
        r"^\d{1,2}\.? (jan|feb)",
        r"^[(\[]?(photo|\u017ftory)\b",
        r"^x{3,}y|^(?:q|r)+$",
        r"^[가-힣]{2,4}\s?(기자)$",
        r"^(?i:ab)c\Z",
        r"^(?=a)a.b",
    ],
)
@settings(max_examples=200)
@given(text=st.text(alphabet=_ALPHABET, max_size=9))
def test_small_patterns(pattern: str, text: str) -> None:
    for flags in (0, re.IGNORECASE):
        compiled = re.compile(pattern, flags)
        if compiled.search(text) is not None:
            assert Openings(compiled, 3).may_open(text), (pattern, flags, text)


def test_prose_is_kept_out() -> None:
    plain, caseless = body_reader._DROP_OPENS_PLAIN, body_reader._DROP_OPENS_CASELESS
    for text in ("council members met on monday.", "a spokesman said", "1 in 5 voters", "él dijo"):
        assert not any(gate.may_open(text) for gate in plain)
    assert not any(gate.may_open("Élus et habitants") for gate in caseless)
    assert any(gate.may_open("advertisement") for gate in plain)
    assert any(gate.may_open("Реклама") for gate in caseless)


def test_unanchored_patterns_are_refused() -> None:
    with pytest.raises(ValueError, match="anchored"):
        Openings(re.compile("ab|^cd"), 3)
    with pytest.raises(ValueError, match="anchored"):
        Openings(re.compile("^.ab"), 3)
