"""The page title: declared candidates, the site's name removed, the visible h1 preferred."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from service.extract import _text
from service.extract._text import SiteNameStrip
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

_WORDS = re.compile(r"[^\W_]+")
# ``title_key(text)``: ``text`` casefolded with everything but letters and digits
# (``str.isalnum``) removed, for comparing titles and names (``_text.title_key``).
title_key = _text.title_key
# A title's candidates without the site's name, and their keys (``_text.SiteNameStrip``).
_STRIP = SiteNameStrip(
    separators=TITLE_SEPARATORS,
    # "Site: Headline": a colon only ends a leading name, and before it only the
    # exact name counts ("Washington: Senate votes" for the "Washington Post").
    prefix_only=": ",
    # Without a match, a short last segment after one of these is an unnamed site's.
    unnamed_separators=UNNAMED_SITE_SEPARATORS,
    max_strips=MAX_SITE_NAME_STRIPS,  # "Headline_Site | Site" has it twice
    section_max_words=SECTION_SEGMENT_MAX_WORDS,
    unnamed_max_words=UNNAMED_SITE_MAX_WORDS,
    slack_chars=SITE_NAME_SLACK_CHARS,
    min_prefix_chars=SITE_NAME_MIN_PREFIX_CHARS,
    max_title_chars=MAX_TITLE_CHARS,
)


def strip_site_name(title: str, site_names: Iterable[str], host_names: Iterable[str] = ()) -> str:
    """``title`` without a leading or trailing site name ("Headline | Site", "Site: Headline").

    A trailing or leading part cut at a separator is the site's name when it
    matches one of ``site_names`` (compared by ``title_key``; a name may hold
    separators itself: "Site | Motto"; a part may add a word: "Site News") or
    equals one of ``host_names`` (names taken from the host: "example",
    "example.com"). With no match, a short last segment after " | " is taken
    as an unnamed site's name. The headline itself is never emptied.
    """
    return _STRIP.strip(title, _STRIP.keys(site_names), _STRIP.keys(host_names))


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
    candidates, cleaned, keys = _STRIP.candidates(candidates, site_names, host_names)
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
