"""The page title: declared candidates, the site's name removed, the visible h1 preferred."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from service.extract.metadata_tables import (
    LABEL_TITLE_MAX_WORDS,
    MAX_SITE_NAME_STRIPS,
    MAX_TITLE_CHARS,
    SAME_HEADLINE_MIN_WORDS,
    SAME_HEADLINE_SHARE,
    SECTION_SEGMENT_MAX_WORDS,
    SITE_NAME_MIN_PREFIX_CHARS,
    SITE_NAME_SLACK_CHARS,
    TITLE_SEPARATORS,
    UNNAMED_SITE_MAX_WORDS,
    UNNAMED_SITE_SEPARATORS,
)

_NOT_ALNUM = re.compile(r"[\W_]+")
# The ASCII characters ``_NOT_ALNUM`` matches, deleted by ``bytes.translate``.
_ASCII_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())
_WORDS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1024)
def title_key(text: str) -> str:
    """``text`` casefolded with everything but letters and digits removed, for comparing.

    Remembered: a page compares the same few titles, names and parts many times.
    """
    if text.isascii():  # the same result, an order of magnitude faster than the regex
        return text.lower().encode("ascii").translate(None, _ASCII_NOT_ALNUM).decode("ascii")
    return _NOT_ALNUM.sub("", text.casefold())


def strip_site_name(title: str, site_names: Iterable[str], host_names: Iterable[str] = ()) -> str:
    """``title`` without a leading or trailing site name ("Headline | Site", "Site: Headline").

    A trailing or leading part cut at a separator is the site's name when it
    matches one of ``site_names`` (compared by ``title_key``; a name may hold
    separators itself: "Site | Motto"; a part may add a word: "Site News") or
    equals one of ``host_names`` (names taken from the host: "example",
    "example.com"). With no match, a short last segment after " | " is taken
    as an unnamed site's name. The headline itself is never emptied.
    """
    return _strip_site_name(title, _SiteNames.of(site_names, host_names))


def _strip_site_name(title: str, names: _SiteNames) -> str:
    stripped = title
    for _ in range(MAX_SITE_NAME_STRIPS):  # "Headline_Site | Site" has it twice
        shorter = _strip_named(stripped, names)
        if shorter == stripped:
            break
        stripped = shorter
    if stripped != title:
        return _cut_last_short(stripped, SECTION_SEGMENT_MAX_WORDS)
    unnamed = _cut_last_short(title, UNNAMED_SITE_MAX_WORDS)
    if unnamed != title:
        return _cut_last_short(unnamed, SECTION_SEGMENT_MAX_WORDS)
    return title


def _cut_last_short(title: str, max_words: int) -> str:
    """``title`` without a last segment of at most ``max_words`` words after one of
    ``UNNAMED_SITE_SEPARATORS`` (a site's or a section's name), when what stays is
    more than twice as long."""
    for sep in UNNAMED_SITE_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        words = len(tail.split())
        if found and head.strip() and 0 < words <= max_words and len(head) > 2 * len(tail):
            return head.strip()
    return title


@dataclass(frozen=True, slots=True)
class _SiteNames:
    declared: frozenset[str]
    """Keys of the names the page declares: matched with some slack."""
    hosts: frozenset[str]
    """Keys of names taken from the host: matched exactly."""

    @classmethod
    def of(cls, site_names: Iterable[str], host_names: Iterable[str]) -> _SiteNames:
        """The keys of both kinds of names, computed once for all of a page's titles."""
        return cls(
            frozenset(k for k in map(title_key, site_names) if k),
            frozenset(k for k in map(title_key, host_names) if k),
        )


def _strip_named(title: str, site_keys: _SiteNames) -> str:
    if not site_keys.declared and not site_keys.hosts:
        return title
    for sep in TITLE_SEPARATORS:
        if sep not in title:
            continue
        cuts = _cuts(title, sep)
        for cut in cuts:  # the longest tail first: the whole site name
            head, tail = title[:cut].strip(), title[cut + len(sep) :]
            if sep != ": " and head and _is_site(tail, site_keys):
                return head
        for cut in cuts:
            head, tail = title[:cut], title[cut + len(sep) :].strip()
            # "Washington: Senate votes" is a headline even for the "Washington Post":
            # before a colon only the exact name counts.
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
    key = title_key(segment)
    if not key:
        return False
    if key in names.declared or key in names.hosts:
        return True
    if exact:
        return False
    # "Example News" for the site "Example", "Example" for "Example Media":
    # one is the other's start, and the shorter is not a mere syllable.
    return any(
        (key.startswith(site) and len(key) <= len(site) + SITE_NAME_SLACK_CHARS)
        or site.startswith(key)
        for site in names.declared
        if min(len(key), len(site)) >= SITE_NAME_MIN_PREFIX_CHARS
    )


def choose_title(
    candidates: Sequence[str],
    headings: Sequence[str],
    site_names: Sequence[str],
    host_names: Sequence[str] = (),
) -> str | None:
    """The page's title.

    ``candidates`` are declared titles in order of trust (og:title, JSON-LD
    headline, twitter:title, ``<title>``), ``headings`` the page's first h1
    texts, ``site_names`` and ``host_names`` as for ``strip_site_name``. The
    first candidate without the site's name is the title, unless a heading
    matches a candidate (equal, or the candidate is the heading plus a site
    or section name): then the visible heading is. Without candidates, the
    first heading. Candidates longer than ``MAX_TITLE_CHARS`` are not titles,
    nor are those that are only the site's name. A title of a word or two (a
    section, "Interview") gives way to a heading long enough to be a headline.
    """
    names = _SiteNames.of(site_names, host_names)
    candidates = [
        c for c in candidates if len(c) <= MAX_TITLE_CHARS and not _is_site(c, names, exact=True)
    ]
    stripped = {c: _strip_site_name(c, names) for c in set(candidates)}  # titles repeat
    cleaned = [stripped[c] for c in candidates]
    keys = [title_key(c) for c in cleaned] + [title_key(c) for c in candidates]
    cleaned_words: list[set[str]] | None = None  # read once, for the first heading asking
    for heading in headings:
        key = title_key(heading)
        if not key:
            continue
        if any(_matches(key, other) for other in keys) or any(
            _is_part(heading, c) for c in candidates
        ):
            return heading
        heading_words = _word_set(heading)
        if len(heading_words) < SAME_HEADLINE_MIN_WORDS:
            continue
        if cleaned_words is None:
            cleaned_words = [_word_set(c) for c in cleaned]
        if any(_same_words(heading_words, words) for words in cleaned_words):
            return heading
    if cleaned:
        if len(_WORDS.findall(cleaned[0])) <= LABEL_TITLE_MAX_WORDS:
            for heading in headings:
                if len(_WORDS.findall(heading)) >= SAME_HEADLINE_MIN_WORDS:
                    return heading
        return cleaned[0]
    return headings[0] if headings else None


def _matches(heading_key: str, candidate_key: str) -> bool:
    if not candidate_key:
        return False
    if heading_key == candidate_key:
        return True
    # The candidate is the heading plus a short site name on one side.
    longer = candidate_key.startswith(heading_key) or candidate_key.endswith(heading_key)
    return longer and len(heading_key) >= 0.6 * len(candidate_key)


def _word_set(text: str) -> set[str]:
    """The words of ``text`` that ``_same_words`` compares: letters and digits, casefolded."""
    return set(_WORDS.findall(text.casefold()))


def _same_words(heading_words: set[str], candidate_words: set[str]) -> bool:
    """Whether a heading and a candidate, by their words (``_word_set``), are one headline
    edited ("HS Roundup: ..." and "High School Roundup: ..."): most of the heading's
    words are in the candidate and most of the candidate's in the heading (a heading
    of fewer than ``SAME_HEADLINE_MIN_WORDS`` words is not compared: ``choose_title``)."""
    if not candidate_words:
        return False
    shared = len(heading_words & candidate_words)
    return shared >= SAME_HEADLINE_SHARE * len(
        heading_words
    ) and shared >= SAME_HEADLINE_SHARE * len(candidate_words)


def _is_part(heading: str, candidate: str) -> bool:
    """Whether ``candidate`` is ``heading`` and more text after a title separator."""
    folded, head = candidate.casefold(), heading.casefold()
    if len(folded) != len(candidate) or not folded.startswith(head):
        return False
    return candidate[len(heading) :].startswith(TITLE_SEPARATORS)
