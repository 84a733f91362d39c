"""Bylines and date lines shown after the headline: the last source of authors and times.

Some pages declare no author and no time and do not name the elements that
show them either: plain short lines after the h1, "By Ann Lee and Tom Ray",
"Updated 5:30 PM EST, Tue November 25, 2026", "Publié le 25 novembre 2026 à
17h30", "Posted on June 12, 2013 by Jen Alder". The lines read are those that
follow the story's heading in page order, up to the first line of prose; a
line is a byline when it starts with a byline word and every name after it
looks like a person's, and a date when the whole of it (or of a part between
separators, or before a last " by " and a byline, or after a byline's names)
parses as one. A span back ("3 hours ago", "vor 3 Stunden") counts back from
the moment the page was fetched, when that is known.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from selectolax.lexbor import LexborNode

from service.extract.dates import parse_date, relative_date
from service.extract.dates_tables import DATE_WORDS, LABELS, SPAN_BACK_OPENERS
from service.extract.metadata_authors import byline_names
from service.extract.metadata_tables import (
    AUTHOR_PREFIXES_LOWERCASE,
    LINE_BLOCKS,
    LINE_BYLINE_WORDS,
    LINE_MAX_LINES,
    LINE_PROSE_CHARS,
    LINE_SKIPPED,
    VISIBLE_UPDATED_WORDS,
)
from service.extract.text import normalize_text

_LEVELS = 3  # from the h1 up to its header and the article: where bylines sit
_MAX_DEPTH = 8  # blocks nested deeper are read as one line
_STOP = frozenset({"body", "html"})  # climbing further would read the whole page
_PARTS = re.compile("\\s*(?:\\||\u2022|\u00b7|\\s[\u2013\u2014]\\s)\\s*")  # | bullet dot dashes
# The byline words in any case, and those that begin names when capitalized as written.
_BYLINE = re.compile(
    # a space or a colon after the word; CJK pages set a fullwidth colon, no space (after "作者")
    r"^(?:(?i:"
    + "|".join(re.escape(w) for w in LINE_BYLINE_WORDS)
    + r")|"
    + "|".join(re.escape(w) for w in AUTHOR_PREFIXES_LOWERCASE)
    + r")(?:\s*:?\s+|\s*\uff1a\s*)"
)
_FIRST_DIGIT = re.compile(r"(?<!\w)\d")  # a date's, not a handle's ("ann8090")
_WORD_SPAN = re.compile(r"\S+")
# Words between a byline's names and the number of its time: a date's words and
# one-word labels in any case ("Monday", "Updated"), a span back's openers as written.
_TIME_WORDS = DATE_WORDS | {w for w in LABELS if " " not in w} | {""}
_SPAN_BACK_WORDS = frozenset(w for opener in SPAN_BACK_OPENERS for w in opener.split())
_DATE_BY = " by "  # between a blog's date and its author ("Posted on <date> by <name>")
UPDATED_LINE = re.compile(  # a date line giving the time of the last change
    r"^(?:" + "|".join(re.escape(w) for w in VISIBLE_UPDATED_WORDS) + r")\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Byline:
    """What the lines after the headline show; times as ``dates.parse_date`` gives them."""

    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None


class ShownLines:
    """The byline and date lines shown after ``heading``, read on first use."""

    def __init__(
        self,
        heading: LexborNode | None,
        language: str | None = None,
        fetched_at: datetime | None = None,
    ) -> None:
        self._heading = heading
        self.language = language
        """The page's declared language: it orders dates written with slashes and
        reads spans back."""
        self.fetched_at = fetched_at
        """The moment the page was fetched, when known: spans back count from it."""
        self._found: Byline | None = None

    def get(self) -> Byline:
        if self._found is None:
            found = _read(self._heading, self) if self._heading is not None else None
            self._found = found or Byline()
        return self._found

    def time(self, text: str) -> str | None:
        """``text`` as a date (``parse_date``), else as a span back from the moment of
        fetching (``relative_date``) when that and the language are known."""
        moment = parse_date(text, self.language)
        if moment is None and self.fetched_at is not None and self.language:
            return relative_date(text, self.language, self.fetched_at)
        return moment


def byline_and_time(text: str) -> tuple[str, str]:
    """``text`` parted into a byline and the date or span back it runs into, cut
    before the first number and the words of a date, a label or a span back's
    opener before it ("by Ann Lee Monday, November 18, 2019", "By Ann Lee Updated
    2 hours ago", "Von Anna Lehmann vor 3 Stunden"). Without a number the time is
    empty."""
    digit = _FIRST_DIGIT.search(text)
    if digit is None:
        return text, ""
    words = list(_WORD_SPAN.finditer(text, 0, digit.start()))
    kept = len(words)
    while kept and _is_time_word(words[kept - 1].group()):
        kept -= 1
    cut = words[kept].start() if kept < len(words) else digit.start()
    return text[:cut].strip(), text[cut:].strip()


def _is_time_word(word: str) -> bool:
    return word in _SPAN_BACK_WORDS or word.strip(",.|:-").lower() in _TIME_WORDS


def _read(heading: LexborNode, shown: ShownLines) -> Byline:
    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    for count, line in enumerate(_lines_after(heading)):
        if count == LINE_MAX_LINES or len(line) >= LINE_PROSE_CHARS:
            break
        for part in _parts(line, shown.language):
            if not authors and _BYLINE.match(part):
                authors = byline_names(_BYLINE.sub("", part, count=1))
            elif UPDATED_LINE.match(part):
                updated = updated or shown.time(part)
            else:
                published = published or shown.time(part)
    return Byline(authors, published, updated)


def _parts(line: str, language: str | None) -> Iterator[str]:
    """The parts of ``line`` between separators; a part that runs from a date into a
    byline ("Posted on June 12, 2013 by Jen Alder", as blogs write it) gives both,
    and so does a byline that runs into its time ("By Ann Lee 3 hours ago")."""
    for part in _PARTS.split(line):
        part = part.strip(" |,")
        date, joint, byline = part.rpartition(_DATE_BY)
        date = date.strip(" ,")
        if joint and date and parse_date(date, language) is not None:
            yield date
            yield "by " + byline
        elif _BYLINE.match(part):
            byline, time = byline_and_time(part)
            yield byline
            if time:
                yield time
        else:
            yield part


def _lines_after(heading: LexborNode) -> Iterator[str]:
    """The text lines that follow ``heading`` in page order, climbing to its ancestors'
    next siblings at most ``_LEVELS`` times."""
    node: LexborNode | None = heading
    for _ in range(_LEVELS):
        if node is None or node.tag in _STOP:
            return
        sibling = node.next
        while sibling is not None:
            if sibling.tag and not sibling.tag.startswith("-"):
                yield from _lines(sibling, 0)
            sibling = sibling.next
        node = node.parent


def _lines(node: LexborNode, depth: int) -> Iterator[str]:
    """``node``'s text as lines: each block element starts one, inline runs are joined."""
    if node.tag in LINE_SKIPPED:
        return
    if depth >= _MAX_DEPTH or not any(c.tag in LINE_BLOCKS for c in node.iter()):
        text = normalize_text(node.text(deep=True, separator=" "))
        if text:
            yield text
        return
    run: list[str] = []
    for child in node.iter(include_text=True):
        if child.tag in LINE_BLOCKS or child.tag in LINE_SKIPPED:
            if text := normalize_text(" ".join(run)):
                yield text
            run = []
            yield from _lines(child, depth + 1)
        elif child.tag == "-text":
            run.append(child.text(deep=False))
        elif child.tag and not child.tag.startswith("-"):
            run.append(child.text(deep=True, separator=" "))
    if text := normalize_text(" ".join(run)):
        yield text
