"""_text.title_key and _text.SiteNameStrip against the Python they replace, kept here.

The reference is ``metadata_title`` as it was in Python: ``title_key`` a regular
expression's deletion over the casefolded text, the site's name stripped at the
separators, and ``choose_title``'s candidates kept, stripped and keyed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from service.extract.metadata_tables import (
    MAX_SITE_NAME_STRIPS,
    MAX_TITLE_CHARS,
    SECTION_SEGMENT_MAX_WORDS,
    SITE_NAME_MIN_PREFIX_CHARS,
    SITE_NAME_SLACK_CHARS,
    TITLE_SEPARATORS,
    UNNAMED_SITE_MAX_WORDS,
    UNNAMED_SITE_SEPARATORS,
)
from service.extract.metadata_title import _STRIP, strip_site_name, title_key

_NOT_ALNUM = re.compile(r"[\W_]+")


def reference_key(text: str) -> str:
    return _NOT_ALNUM.sub("", text.casefold())


@dataclass(frozen=True, slots=True)
class _SiteNames:
    declared: frozenset[str]
    hosts: frozenset[str]

    @classmethod
    def of(cls, site_names: Iterable[str], host_names: Iterable[str]) -> _SiteNames:
        return cls(
            frozenset(k for k in map(reference_key, site_names) if k),
            frozenset(k for k in map(reference_key, host_names) if k),
        )


def reference_strip(title: str, names: _SiteNames) -> str:
    stripped = title
    for _ in range(MAX_SITE_NAME_STRIPS):
        shorter = _strip_named(stripped, names)
        if shorter == stripped:
            break
        stripped = shorter
    if stripped != title:
        if title.endswith(stripped):  # the name led the title
            first = _cut_first_short(stripped, SECTION_SEGMENT_MAX_WORDS)
            if first != stripped:
                return first
        return _cut_last_short(stripped, SECTION_SEGMENT_MAX_WORDS)
    unnamed = _cut_last_short(title, UNNAMED_SITE_MAX_WORDS)
    if unnamed != title:
        return _cut_last_short(unnamed, SECTION_SEGMENT_MAX_WORDS)
    return title


def _cut_last_short(title: str, max_words: int) -> str:
    for sep in UNNAMED_SITE_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        words = len(tail.split())
        if found and head.strip() and 0 < words <= max_words and len(head) > 2 * len(tail):
            return head.strip()
    return title


def _cut_first_short(title: str, max_words: int) -> str:
    for sep in UNNAMED_SITE_SEPARATORS:
        head, found, tail = title.partition(sep)
        words = len(head.split())
        if found and tail.strip() and 0 < words <= max_words and len(tail) > 2 * len(head):
            return tail.strip()
    return title


def _strip_named(title: str, site_keys: _SiteNames) -> str:
    if not site_keys.declared and not site_keys.hosts:
        return title
    for sep in TITLE_SEPARATORS:
        if sep not in title:
            continue
        cuts = _cuts(title, sep)
        for cut in cuts:
            head, tail = title[:cut].strip(), title[cut + len(sep) :]
            if sep != ": " and head and _is_site(tail, site_keys):
                return head
        for cut in cuts:
            head, tail = title[:cut], title[cut + len(sep) :].strip()
            if tail and _is_site(head, site_keys, exact=sep == ": "):
                return tail
    return title


def _cuts(title: str, sep: str) -> list[int]:
    cuts: list[int] = []
    start = title.find(sep)
    while start != -1:
        cuts.append(start)
        start = title.find(sep, start + 1)
    return cuts


def _is_site(segment: str, names: _SiteNames, exact: bool = False) -> bool:
    key = reference_key(segment)
    if not key:
        return False
    if key in names.declared or key in names.hosts:
        return True
    if exact:
        return False
    return any(
        (key.startswith(site) and len(key) <= len(site) + SITE_NAME_SLACK_CHARS)
        or site.startswith(key)
        for site in names.declared
        if min(len(key), len(site)) >= SITE_NAME_MIN_PREFIX_CHARS
    )


def reference_candidates(
    candidates: Sequence[str], site_names: Sequence[str], host_names: Sequence[str]
) -> tuple[list[str], list[str], list[str]]:
    names = _SiteNames.of(site_names, host_names)
    kept = [
        c for c in candidates if len(c) <= MAX_TITLE_CHARS and not _is_site(c, names, exact=True)
    ]
    stripped = {c: reference_strip(c, names) for c in set(kept)}
    cleaned = [stripped[c] for c in kept]
    keys = [reference_key(c) for c in cleaned] + [reference_key(c) for c in kept]
    return kept, cleaned, keys


# Titles made of words (ASCII, accented, Greek, CJK, Arabic, digits of other scripts,
# marks, an underscore), the separators, and whitespace of str.split's kinds.
_WORDS = st.sampled_from(
    [
        "Storm", "reaches", "the", "coast", "Daily", "Example", "News", "daily", "EXAMPLE",
        "Ünïcödé", "Straße", "ΣΊΣΥΦΟΣ", "风暴", "示例新闻", "الجريدة", "٣٤", "²", "Ⅻ", "e\u0301",
        "_", "ﬁ", "İstanbul", "x", "AB", "A.B.", "Washington", "Post", "&", "…", "\U0001d400",
    ]
)  # fmt: skip
_SPACES = st.sampled_from([" ", "  ", "\t", "\n", "\xa0", "\u2003", "\u3000", "\x1c", "\x85"])
_PIECES = st.one_of(
    _WORDS,
    _SPACES,
    st.sampled_from(TITLE_SEPARATORS + UNNAMED_SITE_SEPARATORS),
    st.text(max_size=3),
)
_TITLES = st.lists(_PIECES, max_size=14).map("".join)
_NAMES = st.lists(st.lists(_WORDS | _SPACES, min_size=1, max_size=4).map("".join), max_size=3)


@given(st.text())
@example("")
@example("Storm Reaches THE coast, 2026!")
@example("lone\udce9surrogate")
@example("ǅ ß ﬁ İ ΣΑΣ")  # casefold's changes of length
@example("٣٤ ² Ⅻ \U0001d7d8 _ a_b")  # digits and numbers beyond ASCII, the underscore
def test_title_key_is_the_regex_over_the_casefolded_text(text: str) -> None:
    assert title_key(text) == reference_key(text)


@given(_TITLES)
def test_title_key_of_titles(text: str) -> None:
    assert title_key(text) == reference_key(text)


@settings(max_examples=400)
@given(_TITLES, _NAMES, _NAMES)
@example("Storm reaches the coast | Daily Example | Since 1901", ["Daily Example"], [])
@example("Washington: Senate votes", ["Washington Post"], [])
@example("Washington Post: Senate votes", ["Washington Post"], [])
@example("Storm reaches the coast_Daily_Example | Example", ["Example"], [])
@example("Storm reaches the coast of Portugal | Some Paper", [], [])
@example("Storm | World | Daily Example", ["Daily Example"], [])
@example("Daily Example | World | Storm reaches the coast", ["Daily Example"], [])
@example("Daily Example | Storm | World news today", ["Daily Example"], [])
@example("Daily Example |  a | Storm reaches the coast", ["Daily Example"], [])
@example(" | Daily Example", ["Daily Example"], [])
@example("Daily Example | ", ["Daily Example"], [])
@example("Storm\u3000|\u3000News - Example", [], ["example"])
@example("Fed raises rates - News analysis", [], ["news"])
@example("Storm - Exam", ["Example Media"], [])  # under the shortest prefix
@example("Storm - Exampl", ["Example Media"], [])
@example("Storm - Example Media Group International Ltd", ["Example"], [])
@example("Storm - Example Abcdefghijkl", ["Example"], [])  # the slack exactly
@example("Storm - Example Abcdefghijklm", ["Example"], [])  # a character over it
@example("a |  | b | c", [], [])
def test_strip_is_the_python_one(title: str, site_names: list[str], hosts: list[str]) -> None:
    expected = reference_strip(title, _SiteNames.of(site_names, hosts))
    assert strip_site_name(title, site_names, hosts) == expected


@settings(max_examples=300)
@given(st.lists(_TITLES, max_size=5), _NAMES, _NAMES)
@example(["Daily Example", "Storm - Daily Example", "Storm - Daily Example"], ["Daily Example"], [])
@example(["x" * (MAX_TITLE_CHARS + 1), "Storm"], [], [])
@example(["x" * MAX_TITLE_CHARS, "", "..."], ["..."], [])
def test_candidates_are_the_python_ones(
    candidates: list[str], site_names: list[str], hosts: list[str]
) -> None:
    expected = reference_candidates(candidates, site_names, hosts)
    assert _STRIP.candidates(candidates, site_names, hosts) == expected


def test_none_is_refused_not_read() -> None:
    with pytest.raises(TypeError):
        _STRIP.candidates([None], [], [])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        _STRIP.keys([None])  # type: ignore[list-item]
