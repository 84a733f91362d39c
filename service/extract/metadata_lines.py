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
the moment the page was fetched, when that is known. Past the first line of
prose (a standfirst), the next few lines are read only for a line that is
clearly the story's: a date after a label ("Published 12 March 2026") or a
byline and its date on one line ("By Ann Lee | 12 March 2026").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborNode

from service.extract._markup import LineWalk, ShownLine
from service.extract._tree import ELEMENTS, LINKS
from service.extract.dates import parse_date, relative_date
from service.extract.dates_tables import DATE_WORDS, LABELS, SPAN_BACK_OPENERS, WEEKDAY_WORDS
from service.extract.metadata_authors import byline_names
from service.extract.metadata_markup import links_home
from service.extract.metadata_tables import (
    AUTHOR_PREFIXES_LOWERCASE,
    LINE_BEFORE_MAX_LINES,
    LINE_BLOCKS,
    LINE_BYLINE_WORDS,
    LINE_INLINE,
    LINE_ITEM_HEADLINE_WORDS,
    LINE_ITEM_STRIP_MAX_LINKS,
    LINE_MAX_LINES,
    LINE_PAST_PROSE_MAX_LINES,
    LINE_PROSE_CHARS,
    LINE_SKIPPED,
    MASTHEAD_SELECTOR,
    NAME_PARTICLES,
    VISIBLE_UPDATED_WORDS,
)
from service.extract.text import SPACES, normalize_text

_LEVELS = 3  # from the h1 up to its header and the article: where bylines sit
_MAX_DEPTH = 8  # blocks nested deeper are read as one line
_STOP = frozenset({"body", "html"})  # climbing further would read the whole page
# The lines after (and before) the headline, walked in C: each block element (``LINE_BLOCKS``)
# starts one, the texts and inline elements between blocks make one, ``LINE_SKIPPED``
# elements are not read, a block ``_MAX_DEPTH`` deep is one line; the lines that follow the
# headline are read past the elements that hold nothing but it, then climbing to its
# ancestors' next siblings at most ``_LEVELS`` times (``<tr><td><font><b>Headline</b>
# </font></td></tr>``: the headline's row), never past ``_STOP``.
LINES = LineWalk(
    blocks=LINE_BLOCKS,
    skipped=LINE_SKIPPED,
    stop=_STOP,
    levels=_LEVELS,
    max_depth=_MAX_DEPTH,
    spaces=SPACES,
    normalize=normalize_text,
)
# The separators of a line's parts: a bar, a bullet, a middle dot, a dash between spaces,
# and a comma or a hyphen before an update word ("Published 3 May 2026, updated 4 May 2026").
_PARTS = re.compile(
    "\\s*(?:\\||\u2022|\u00b7|\\s[\u2013\u2014]\\s|(?:,|\\s-)(?=\\s*(?:"
    + "|".join(re.escape(w) for w in VISIBLE_UPDATED_WORDS)
    + ")\\b))\\s*",
    re.IGNORECASE,
)
# The byline words in any case, and those that begin names when capitalized as written
# or capitalized before no particle.
_BYLINE = re.compile(
    # a space or a colon after the word; CJK pages set a fullwidth colon, no space (after "作者")
    r"^(?:(?i:"
    + "|".join(re.escape(w) for w in LINE_BYLINE_WORDS)
    + r")|"
    + "|".join(re.escape(w) for w in AUTHOR_PREFIXES_LOWERCASE)
    + r"|(?:"
    + "|".join(re.escape(w.capitalize()) for w in AUTHOR_PREFIXES_LOWERCASE)
    + r")(?!\s+(?i:"
    + "|".join(NAME_PARTICLES)
    + r")\b)"  # "De Andrei Popescu", not "De La Cruz"
    + r")(?:\s*:?\s+|\s*\uff1a\s*)"
)
_FIRST_DIGIT = re.compile(r"(?<!\w)\d")  # a date's, not a handle's ("ann8090")
_WORD_SPAN = re.compile(r"\S+")
# Words between a byline's names and the number of its time: a date's words and
# one-word labels in any case ("Monday", "Updated"), a span back's openers as written.
_TIME_WORDS = DATE_WORDS | {w for w in LABELS if " " not in w} | {""}
_SPAN_BACK_WORDS = frozenset(w for opener in SPAN_BACK_OPENERS for w in opener.split())
_SPAN_OPENER_WORDS = 3  # "há cerca de 2 horas": lowercase words a span may open with
_SPAN_SHAPE = re.compile(r"(?:\S+\s+){0,3}?\d{1,3}(?!\d)(?:\s+\S+){1,2}\s*$")  # "3 hours ago"
_LETTERS = re.compile(r"[^\W\d_]+")
_SLUG_WORDS = re.compile(r"[-_+]|%20")  # between the words of an address's last segment
_DATE_BY = " by "  # between a blog's date and its author ("Posted on <date> by <name>")
UPDATED_LINE = re.compile(  # a date line giving the time of the last change
    r"^(?:" + "|".join(re.escape(w) for w in VISIBLE_UPDATED_WORDS) + r")\b", re.IGNORECASE
)
# A date's label ("Published", "Posted on", "Mis à jour le"), not followed by a letter;
# "on" alone is left out: it opens a sentence's date as well ("On 12 March").
_LABELLED = re.compile(
    r"^(?:"
    + "|".join(re.escape(w) for w in sorted(LABELS, key=len, reverse=True) if w != "on")
    + r")(?![^\W\d_])",
    re.IGNORECASE,
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
        page_urls: frozenset[str] = frozenset(),
    ) -> None:
        self._heading = heading
        self.page_urls = page_urls
        """The page's own addresses (its URL, its canonical one): a link to them beside
        a date is the story's."""
        self.language = language
        """The page's declared language: it orders dates written with slashes and
        reads spans back."""
        self.fetched_at = fetched_at
        """The moment the page was fetched, when known: spans back count from it."""
        self._found: Byline | None = None
        self._above: Byline | None = None
        self._past: Byline | None = None
        self.stop: LexborNode | None = None
        """Where the reading stopped: the first line of prose after the byline's lines
        (or the first past ``LINE_MAX_LINES``); ``None`` when the lines ran out."""
        self.rest: Iterator[ShownLine] = iter(())
        """The lines after the one at ``stop``, not read yet."""
        self._dates: dict[str, str | None] = {}

    def get(self) -> Byline:
        if self._found is None:
            found = _read(self._heading, self) if self._heading is not None else None
            self._found = found or Byline()
        return self._found

    def above(self) -> Byline:
        """The times of a date line set above the headline ("<p>12 March 2026</p>
        <h1>..."): the nearest lines before it, read for a date alone (a kicker or a
        section's name beside it is none)."""
        if self._above is None:
            found = _Found()
            for line in _lines_before(self._heading) if self._heading is not None else ():
                published = found.published
                found.read_date(line.text, self)
                if found.published != published and self._dates_the_day(line.text):
                    found.published = published
            self._above = Byline((), found.published, found.updated)
        return self._above

    def _dates_the_day(self, line: str) -> bool:
        """Whether ``line``, a date above the headline, is a masthead's date of the day,
        not the story's: it names the weekday alone with the date ("Sunday, 29
        November 2026": no time, no label), the site's name or navigation stand
        before the headline in its parent (the page's banner, not the story's
        header), and it is the day of fetching when that is known."""
        moment = self.date(line)
        if (
            moment is None
            or not moment.endswith("T00:00:00Z")
            or _LABELLED.match(line)
            or not any(word.lower() in WEEKDAY_WORDS for word in _LETTERS.findall(line))
        ):
            return False
        if self.fetched_at is not None:
            day = datetime.fromisoformat(moment[:10]).date()
            if abs((self.fetched_at.date() - day).days) > 1:
                return False
        return self._heading is not None and _after_banner(self._heading)

    def past_prose(self) -> Byline:
        """What the lines just past the story's first line of prose show (a
        standfirst, then "By Ann Lee | Published 12 March 2026"): of the next
        ``LINE_PAST_PROSE_MAX_LINES`` short lines, the first that is clearly the
        story's, a date after a label or a byline and a date on one line; a date
        alone there may be another item's, a date in a sentence is none."""
        if self._past is None:
            found = _Found()
            self.get()
            for line in islice(self.rest, LINE_PAST_PROSE_MAX_LINES):
                text = line.text
                dated = len(text) < LINE_PROSE_CHARS and _FIRST_DIGIT.search(text)
                if dated and found.read_past(text, self):
                    break
            self._past = Byline(found.authors, found.published, found.updated)
        return self._past

    def past_prose_read(self) -> bool:
        """Whether ``past_prose`` has been read (for the publication time, which no
        source declared): its modified time and byline are taken only then, so that
        the pages that declare their time do not read those lines at all."""
        return self._past is not None

    def dates_story(self, published: bool) -> bool:
        """Whether the plain lines beside the headline give the story's publication
        time (or, not ``published``, its modified time). The lines past the
        standfirst are asked as the date values ask them: for the modified time only
        once read for the publication time (``past_prose_read``)."""
        shown = self.get()
        if (shown.published if published else shown.updated) is not None:
            return True
        if not (published or self.past_prose_read()):
            return False
        past = self.past_prose()
        return (past.published if published else past.updated) is not None

    def another_items(self, node: LexborNode, published: bool) -> bool:
        """Whether the date element ``node`` beside the headline is another item's (it
        sits in a block with an item's headline link: a "Latest" strip over the
        headline, a series box above the first line of prose) while the story's
        own plain date line gives that time, which then wins."""
        return self.in_another_item(node) and self.dates_story(published)

    def in_another_item(self, node: LexborNode) -> bool:
        """Whether ``node`` sits in a block beside the headline with an item's headline
        link (``_in_another_item``)."""
        return self._heading is not None and _in_another_item(node, self._heading, self.page_urls)

    def further_down(self, node: LexborNode) -> bool:
        """Whether ``node`` comes after the lines beside the headline: past the story's
        first line of prose, where other items (teasers, comments) show their dates."""
        self.get()
        return self.stop is not None and follows(node, self.stop)

    def date(self, text: str) -> str | None:
        """``text`` as a date (``parse_date``) in the page's language. Remembered: the
        publication and the modified time read some values twice (a page's metas and
        its JSON-LD give the same one; a shown line is read for both), and a part
        before " by " is read once to tell the part and again as the time."""
        dates = self._dates
        if text in dates:
            return dates[text]
        moment = dates[text] = parse_date(text, self.language)
        return moment

    def time(self, text: str) -> str | None:
        """``text`` as a date (``date``), else as a span back from the moment of
        fetching (``relative_date``) when that and the language are known."""
        moment = self.date(text)
        if moment is None and self.fetched_at is not None and self.language:
            return relative_date(text, self.language, self.fetched_at)
        return moment


def byline_and_time(text: str) -> tuple[str, str]:
    """``text`` parted into a byline and the date or span back it runs into, cut
    before the first number and the words of a date, a label or a span back's
    opener before it ("by Ann Lee Monday, November 18, 2019", "By Ann Lee Updated
    2 hours ago", "Von Anna Lehmann vor 3 Stunden"); the byline ends at the names'
    last capitalized word. Without a number the time is empty."""
    digit = _FIRST_DIGIT.search(text)
    if digit is None:
        return text, ""
    words = list(_WORD_SPAN.finditer(text, 0, digit.start()))
    kept = len(words)
    while kept and _is_time_word(words[kept - 1].group()):
        kept -= 1
    cut = words[kept].start() if kept < len(words) else digit.start()
    return text[: _names_end(text, words, kept, cut)].strip(), text[cut:].strip()


def _names_end(text: str, words: list[re.Match[str]], kept: int, cut: int) -> int:
    """Where a byline's names end before its time at ``cut``: before the lowercase
    words after the last capitalized one when the time is a span back's shape (a
    number of at most three digits and a word or two, "около 3 часов назад",
    "asi před 3 hodinami"; names are capitalized), else at ``cut``. A bio's year
    ("Ann Lee berichtet seit 2019 aus Berlin") and a byline all lowercase keep
    their words."""
    named = kept
    while named and kept - named < _SPAN_OPENER_WORDS and words[named - 1].group().islower():
        named -= 1
    if named in (0, 1, kept) or words[named - 1].group().islower():
        return cut
    return words[named].start() if _SPAN_SHAPE.match(text, cut) else cut


def _is_time_word(word: str) -> bool:
    return word in _SPAN_BACK_WORDS or word.strip(",.|:-").lower() in _TIME_WORDS


def _read(heading: LexborNode, shown: ShownLines) -> Byline:
    found = _Found()
    lines = LINES.after(heading)
    for count, line in enumerate(lines):
        if count == LINE_MAX_LINES or len(line.text) >= LINE_PROSE_CHARS:
            shown.stop, shown.rest = line.nodes[0], lines
            break
        times = (found.published, found.updated)
        if not found.read(line.text, shown) and _FIRST_DIGIT.search(line.text):
            # Inline elements set side by side without a separator ("<span>12 March
            # 2026</span><span>By Ann Lee</span>"): each is a part of its own.
            for piece in _pieces(line.nodes):
                found.read(piece, shown)
        if times != (found.published, found.updated) and _in_another_item(
            line.nodes[0], heading, shown.page_urls
        ):
            # A line in a block with another item's headline link ("<div><time>Updated
            # 14 March</time><a>Another story ...</a></div>" right after the headline)
            # shows that item's time.
            found.published, found.updated = times
    return Byline(found.authors, found.published, found.updated)


@dataclass(slots=True)
class _Found:
    """The byline and times read so far from the lines after the headline."""

    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None

    def read(self, line: str, shown: ShownLines) -> bool:
        """Read ``line``'s parts; whether any gave a byline or a time not read before."""
        before = (self.authors, self.published, self.updated)
        for part in _parts(line, shown):
            if not self.authors and _BYLINE.match(part):
                self.authors = byline_names(_BYLINE.sub("", part, count=1))
            else:
                self.read_time(part, shown)
        return (self.authors, self.published, self.updated) != before

    def read_past(self, line: str, shown: ShownLines) -> bool:
        """Read a line past the first line of prose for a time after a label, or with
        a byline on the same line (then its names too); whether it gave a time."""
        names: tuple[str, ...] = ()
        others: list[str] = []
        for part in _parts(line, shown):
            if _BYLINE.match(part):
                names = names or byline_names(_BYLINE.sub("", part, count=1))
            else:
                others.append(part)
        for part in others:
            if names or _LABELLED.match(part):
                self.read_time(part, shown)
        if self.published or self.updated:
            self.authors = names
            return True
        return False

    def read_date(self, line: str, shown: ShownLines) -> None:
        """Read ``line``'s parts for a time alone."""
        for part in _split(line):
            self.read_time(part, shown)

    def read_time(self, part: str, shown: ShownLines) -> None:
        """Read ``part`` as the modified time when it starts with an update word
        ("Updated ..."), else as the publication time; a time read before stays."""
        if UPDATED_LINE.match(part):
            self.updated = self.updated or shown.time(part)
        else:
            self.published = self.published or shown.time(part)


def _split(line: str) -> list[str]:
    """The parts of ``line`` between separators, a time of day alone joined to the
    part before it, the date it is the time of ("14 marzo 2026 | 11:20")."""
    parts = _PARTS.split(line)
    joined: list[str] = []
    for part in parts:
        if joined and _TIME_ALONE.match(part):
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    return joined


# A time of day alone on its part of a line: "11:20", "11.05 Uhr", "11:05 AM", "17h40".
_TIME_ALONE = re.compile(
    r"\s*\d{1,2}[:.h]\d{2}(?:\s*(?:uhr|h|am|pm|a\.\s?m\.|p\.\s?m\.))?\s*$", re.IGNORECASE
)


def _parts(line: str, shown: ShownLines) -> Iterator[str]:
    """The parts of ``line`` between separators; a part that runs from a date into a
    byline ("Posted on June 12, 2013 by Jen Alder", as blogs write it) gives both,
    and so does a byline that runs into its time ("By Ann Lee 3 hours ago")."""
    for part in _split(line):
        part = part.strip(" |,")
        date, joint, byline = part.rpartition(_DATE_BY)
        date = date.strip(" ,")
        if joint and date and shown.date(date) is not None:
            yield date
            yield "by " + byline
        elif _BYLINE.match(part):
            byline, time = byline_and_time(part)
            yield byline
            if time:
                yield time
        else:
            yield part


def _in_another_item(node: LexborNode, heading: LexborNode, page_urls: frozenset[str]) -> bool:
    """Whether ``node`` sits in another item beside ``heading``: the block holding it
    (its ancestor just below the nearest one that holds ``heading`` too) holds a link
    of an item's headline (``LINE_ITEM_HEADLINE_WORDS`` words or more, in its text or
    in the last segment of its address when the block holds a link or two, "Latest:"
    linking to "/ferry-timetable-cut-for-the-winter") that is no byline's names nor
    the page's own address."""
    holders: set[int] = set()
    up: LexborNode | None = heading
    while up is not None:
        holders.add(up.mem_id)
        up = up.parent
    block = node
    up = node.parent
    while up is not None and up.mem_id not in holders:
        block, up = up, up.parent
    if up is None:
        return False
    links = LINKS.find(block)
    if block.tag == "a":
        links.insert(0, block)
    addresses = len(links) <= LINE_ITEM_STRIP_MAX_LINKS
    for link in links:
        text = normalize_text(link.text(deep=True, separator=" "))
        if (
            len(text.split()) >= LINE_ITEM_HEADLINE_WORDS
            or (addresses and _names_an_item(link, page_urls))
        ) and not byline_names(text):
            return True
    return False


def _names_an_item(link: LexborNode, page_urls: frozenset[str]) -> bool:
    """Whether ``link``'s address ends in an item's headline, ``LINE_ITEM_HEADLINE_WORDS``
    words or more ("/local/ferry-timetable-cut-for-the-winter.html"), and is not one of
    ``page_urls`` (the story's own comments, "#comments")."""
    href = (link.attrs.get("href") or "").strip()
    if href.startswith("#") or len(_SLUG_WORDS.findall(href)) < LINE_ITEM_HEADLINE_WORDS - 1:
        return False  # a fragment, or too few words in the whole address
    path = urlsplit(href).path
    slug = path.rstrip("/").rpartition("/")[2].partition(".")[0]
    words = sum(1 for word in _SLUG_WORDS.split(slug) if _LETTERS.search(word))
    if words < LINE_ITEM_HEADLINE_WORDS:
        return False
    return not any(urlsplit(urljoin(url, href)).path == urlsplit(url).path for url in page_urls)


def _lines_before(heading: LexborNode) -> list[ShownLine]:
    """The ``LINE_BEFORE_MAX_LINES`` lines nearest before ``heading`` (above the
    elements that hold nothing but it) in its parent, nearest first; up to the first
    element holding a line of prose (a sidebar, another item), which is not read."""
    lines: list[ShownLine] = []
    sibling = LINES.wrapped(heading).prev
    while sibling is not None and len(lines) < LINE_BEFORE_MAX_LINES:
        if sibling.tag and not sibling.tag.startswith("-"):
            if len(sibling.text(deep=True)) >= LINE_PROSE_CHARS:
                break
            lines.extend(reversed(LINES.of(sibling)))
        sibling = sibling.prev
    return lines[:LINE_BEFORE_MAX_LINES]


def _after_banner(heading: LexborNode) -> bool:
    """Whether the site's name or navigation stand before ``heading`` (above the elements
    that hold nothing but it) in its parent: a link to the home page, a menu."""
    sibling = LINES.wrapped(heading).prev
    while sibling is not None:
        if sibling.tag and not sibling.tag.startswith("-"):
            if sibling.css_matches(MASTHEAD_SELECTOR) or sibling.css_first(MASTHEAD_SELECTOR):
                return True
            links = sibling.css("a[href]")
            if sibling.tag == "a":
                links.insert(0, sibling)
            if any(links_home(link) for link in links):
                return True
        sibling = sibling.prev
    return False


def _is_content(node: LexborNode) -> bool:
    """A text or an element, not a comment."""
    tag = node.tag or "-"
    return tag == "-text" or not tag.startswith("-")


def _text(node: LexborNode) -> str:
    if node.tag == "-text":
        return node.text(deep=False)
    return node.text(deep=True, separator=" ")


def _pieces(nodes: tuple[LexborNode, ...]) -> list[str]:
    """The texts of the inline elements (``LINE_INLINE``) a line is set in, each
    apart: the run's, or the children of its block under the wrappers that hold
    all of it. None when a block or another element is among them (a teaser's
    heading and its byline in a card)."""
    for _ in range(_MAX_DEPTH):
        if len(nodes) != 1 or nodes[0].tag == "-text":
            break
        nodes = tuple(child for child in nodes[0].iter(include_text=True) if _is_content(child))
    texts: list[str] = []
    for node in nodes:
        if node.tag != "-text" and (
            node.tag not in LINE_INLINE
            or any(inner.tag not in LINE_INLINE for inner in ELEMENTS.find(node))
        ):
            return []
        if text := normalize_text(_text(node)):
            texts.append(text)
    return texts


def follows(node: LexborNode, mark: LexborNode) -> bool:
    """Whether ``node`` comes after ``mark`` in page order, or inside it."""
    path: dict[int, LexborNode | None] = {mark.mem_id: None}  # ancestor -> child toward mark
    child, up = mark, mark.parent
    while up is not None:
        path[up.mem_id] = child
        child, up = up, up.parent
    below: LexborNode | None = None
    up = node
    while up is not None and up.mem_id not in path:
        below, up = up, up.parent
    if up is None or below is None:
        return up is not None and path[up.mem_id] is None  # inside ``mark``, or holding it
    sibling = path[up.mem_id]
    if sibling is None:
        return True  # inside ``mark``
    sibling = sibling.next
    while sibling is not None:
        if sibling.mem_id == below.mem_id:
            return True
        sibling = sibling.next
    return False
