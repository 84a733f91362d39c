"""Reading the winning container: its blocks, in document order, as paragraphs.

Used by ``article.py`` once the body's container is chosen. Leaf blocks are
read whole, text between blocks forms runs, captions, share bars and promos
are skipped, short boilerplate lines and link-heavy blocks are dropped (a
sentence may carry more link text than a list; none is dropped in a quote,
nor under a source-list heading: their links are part of them), and a heading
that opens a promo block ends the element holding it. Tables in
``body_tables``.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Set

from selectolax.lexbor import LexborNode

from service.extract import body_tables as t
from service.extract._blocks import BlockWalk, CharCount
from service.extract._captions import Captions
from service.extract._emit import Emitter
from service.extract._text import fold
from service.extract._tree import ANCHORS, ELEMENTS, Selectors
from service.extract._words import FOLDS_AS_ASCII
from service.extract.bold_lines import bold_alone
from service.extract.model import Paragraph, ParagraphKind
from service.extract.openings import Openings
from service.extract.teaser_fields import SPACE_LEADS, may_open_with
from service.extract.teaser_items import is_short_sentence
from service.extract.teaser_tables import CITATION_LABEL, CITATION_LABEL_OPENERS
from service.extract.text import (
    ASCII_SPACES,
    SPACES,
    WIDE_SPACES,
    CaselessPattern,
    contains_any,
    literal_table,
    normalize_text,
    without_invisible,
)

_BREAKS = frozenset({"br", "-comment", *t.SKIPPED_TAGS})  # end a run, read nothing
_ROW_BLOCKS = Selectors("p, div, br, table, ul, ol")  # compiled once: a row asks it
_LISTS = frozenset({"ul", "ol"})  # a staff list may mark a support box (``_support_box``)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PICTURES = ("img", "video")
_PICTURE_ELEMENTS = Selectors(", ".join(_PICTURES))  # compiled once, where a query parses it
_IMAGES = Selectors("img")
_MAX_DROP_CHARS = 200  # boilerplate patterns apply to blocks up to this long
_MAX_PARTED_DEPTH = 4  # wrappers holding a whole line: "<p><span><span>..</span>..</span></p>"
_WORD = re.compile(r"\w+")
_NON_WORD = re.compile(r"\W+")  # what parts the words ``_WORD`` finds
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")  # parts the paragraphs of a ``<pre>``


# The drop patterns, anchored at the start, case ignored for all; and what each one's
# matches may open with, in each form: most blocks open otherwise ("The council ..."),
# and are not searched; a block is searched with the few patterns that may open it.
if any(pattern.pattern[0] != "^" for pattern, _ in t.DROP_BLOCK_PATTERNS):
    raise ValueError("drop patterns are anchored at the start")
_DROPS = tuple(CaselessPattern.compile(pattern.pattern) for pattern, _ in t.DROP_BLOCK_PATTERNS)
_OPENINGS = 4  # characters
_DROP_OPENS_PLAIN = tuple(Openings(pattern.plain, _OPENINGS) for pattern in _DROPS)
_DROP_OPENS_CASELESS = tuple(Openings(pattern.caseless, _OPENINGS) for pattern in _DROPS)
# The gated patterns' literals in one table, matched once per block; each pattern
# with the bit of its gate in the table's answer.
_GATES = literal_table(gated.gate for gated, _ in t.GATED_DROP_PATTERNS)
_GATED = tuple((2 << i, gated) for i, (gated, _) in enumerate(t.GATED_DROP_PATTERNS))


# UTF-8 bytes other than the first of a character, and the ASCII whitespace.
_NOT_COUNTED = ASCII_SPACES + bytes(range(0x80, 0xC0))


def chars(text: str) -> int:
    """Characters of ``text`` other than whitespace (cheap: no normalization).

    Counted on the UTF-8 bytes, without a string per word as ``str.split``
    makes: one byte per character is left once continuation bytes and ASCII
    whitespace are deleted, and the wider whitespace is counted apart.
    """
    if text.isascii():
        return len(text.encode().translate(None, ASCII_SPACES))
    left = text.encode("utf-8", "surrogatepass").translate(None, _NOT_COUNTED)
    # A substring test per wide space, counted when present: the regex class tests
    # every character, and counting every wide space costs more than either.
    return len(left) - sum(text.count(space) for space in WIDE_SPACES if space in text)


# The same count on an element's text nodes, and on its links', in C.
_COUNT = CharCount(SPACES, chars)


def link_density(node: LexborNode, text_len: int) -> float:
    """Share of ``node``'s ``text_len`` non-space characters that sit in links."""
    if text_len == 0:
        return 1.0
    return min(1.0, _COUNT.links(node) / text_len)


def text_chars(node: LexborNode) -> int:
    """``chars`` of ``node``'s text, counted without making it."""
    return _COUNT.text(node)


def glued_boilerplate(text: str, parts: list[str]) -> bool:
    """Whether the short ``text`` of a line set as inline elements side by side with
    no space between them ("By Ann LeeMarch 12, 2026") is boilerplate once parted at
    the elements' edges; ``parts``: the texts of its elements and loose texts (or of
    its only element's, when that wraps the whole line, ``_MAX_PARTED_DEPTH`` deep),
    two of which meet so, a letter or a digit on each side (``_blocks._glued``)."""
    if len(text) > _MAX_DROP_CHARS:
        return False
    return is_boilerplate(normalize_text(" ".join(parts)))


# The stop patterns' gates in one table, matched once per block: STOP_BLOCK's (bit 2)
# and TITLED_STOP_BLOCK's (bit 4); a block that does not fold as ASCII may be a
# Cyrillic stop heading without them (``STOP_BLOCK_CASED_GATE``). ``is_stop_block``
# (below) is the emitter's.
_STOP_GATES = literal_table((t.STOP_BLOCK_GATE, t.TITLED_STOP_BLOCK_GATE))
_STOP_GATE, _TITLED_GATE = 2, 4


NBSP = "\u00a0"  # set for indents by some editors


def _pre_lines(text: str) -> str:
    """The text of a preformatted block (a code sample) with its lines and their
    indents kept, which the code's reader needs: the indent all lines share is
    removed, each line's trailing spaces too, and blank lines are left out (a
    blank line parts the paragraphs of the body's text). Invisible characters
    (``text.INVISIBLE``: controls, zero-width ones) are removed, as from every text."""
    lines = []
    for line in textwrap.dedent(without_invisible(text)).splitlines():
        words = line.strip()
        if not words:
            continue
        if not words.isascii():
            words = unicodedata.normalize("NFC", words)
        lines.append(line[: len(line) - len(line.lstrip())].replace(NBSP, " ") + words)
    return "\n".join(lines)


def _pre_prose(text: str) -> list[str]:
    """The paragraphs of a preformatted block typed as prose, with hard line breaks
    (a press release, an old post), each one line; none when it is code or verse:
    each paragraph, parted by blank lines, reads as a sentence, its lines but the
    last are ``MIN_WRAPPED_LINE_CHARS`` long at least, and none but its first is
    indented."""
    paragraphs = []
    for part in _BLANK_LINE.split(textwrap.dedent(text).strip("\n")):
        lines = part.strip("\n").splitlines()
        if any(line[:1].isspace() for line in lines[1:]) or any(
            len(line.strip()) < t.MIN_WRAPPED_LINE_CHARS for line in lines[:-1]
        ):
            return []
        prose = normalize_text(part)
        if not reads_as_prose(prose):
            return []
        paragraphs.append(prose)
    return paragraphs


Links = Callable[[], Iterable[LexborNode]]
"""The links of a block, in document order (asked for only when its link density is high)."""


def opens_with_consent(text: str) -> bool:
    """Whether ``text`` opens with a consent banner's sentence (``CONSENT_TEXT``), or
    with a short label and a colon before it ("Your data, your choice: ..."): a
    banner set in the story's container, its sentences long, is read at no length."""
    head = text[: t.CONSENT_OPENING_CHARS]
    if not contains_any(head, t.CONSENT_GATE):
        return False
    found = t.CONSENT_TEXT.search(head)
    if found is None:
        return False
    start = found.start()
    return start == 0 or (
        head[start - 2 : start] == ": " and head.count(" ", 0, start) <= t.CONSENT_LABEL_WORDS
    )


def _too_linked(text: str, link_chars: int, links: Links, kind: ParagraphKind = "p") -> bool:
    """Whether ``link_chars`` is too large a share of the normalized ``text``.

    A block that reads as prose (a sentence with words between its links) may
    hold more link text than one that does not: inline links sit in its words,
    while a link list's items stand alone or side by side. A short paragraph of
    one link with a sentence's words around it ("Read the <a>council's full
    statement</a> here.") is prose whatever its share of link text.
    """
    # ``text`` is normalized: its only whitespace is single spaces.
    density = min(1.0, link_chars / max(1, len(text) - text.count(" ")))
    short = len(text) < t.SHORT_BLOCK_CHARS
    if density <= (t.SHORT_MAX_LINK_DENSITY if short else t.MAX_LINK_DENSITY):
        return False
    if density > (t.PROSE_SHORT_MAX_LINK_DENSITY if short else t.PROSE_MAX_LINK_DENSITY):
        return not (short and kind in ("p", "li") and _is_link_sentence(text, links, kind))
    return not reads_as_prose(text, links())


def _is_link_sentence(text: str, links: Links, kind: ParagraphKind = "p") -> bool:
    """Whether the normalized ``text`` is one sentence around its only link
    (``teaser_items.is_short_sentence``); links are asked for only when it ends as one.
    A sentence that opens with a link may hold more links further on, words between
    them ("<a>Ann Lee</a> has left "<a>the dance show</a>."")."""
    if t.PROSE_END.search(text) is None:
        return False
    found = list(links())
    if not found:
        return False
    link = normalize_text(found[0].text()).strip()
    start = text.find(link) if link else -1
    if start < 0 or (len(found) > 1 and (start > 0 or not _links_apart(text, found))):
        return False
    return is_short_sentence(text[:start], text[start + len(link) :], listed=kind == "li")


def reads_as_prose(text: str, links: Iterable[LexborNode] = ()) -> bool:
    """Whether the normalized ``text`` reads as a sentence: words, a full stop at
    the end, and no two of its ``links`` side by side (nothing but spaces
    between them, as in a list of links; a comma or a word parts them in prose)."""
    if text.count(" ") + 1 < t.MIN_PROSE_WORDS or t.PROSE_END.search(text) is None:
        return False
    return _links_apart(text, links)


def _links_apart(text: str, links: Iterable[LexborNode]) -> bool:
    """Whether no two of the ``links`` in the normalized ``text`` stand side by side."""
    end = -1  # where the last link found ends
    for link in links:
        found = normalize_text(link.text()).strip()
        start = text.find(found, max(end, 0)) if found else -1
        if start < 0:
            continue
        if end >= 0 and not text[end:start].strip():
            return False
        end = start + len(found)
    return True


def _is_note(node: LexborNode) -> bool:
    """Whether the box ``node`` holds a note about the story (a correction, an
    editor's note): its text opens with a label of ``NOTE_LABEL``."""
    text = node.text(deep=True).strip()
    return len(text) >= t.MIN_NOTE_CHARS and t.NOTE_LABEL.match(text) is not None


def _is_bare_name(text: str) -> bool:
    """Whether ``text`` is a person's name alone: two to ``MAX_NAME_WORDS`` capitalised
    words of letters (and ``NAME_MARKS``), nothing else."""
    words = text.split()
    if not 2 <= len(words) <= t.MAX_NAME_WORDS:
        return False
    return all(
        word[0].isupper() and all(c.isalpha() or c in t.NAME_MARKS for c in word) for word in words
    )


def _is_staff_list(node: LexborNode) -> bool:
    """Whether the list ``node`` holds ``MIN_STAFF_NAMES`` items or more, each a bare name."""
    items = 0
    for item in node.iter():
        if item.tag != "li":
            continue
        if not _is_bare_name(item.text()):
            return False
        items += 1
    return items >= t.MIN_STAFF_NAMES


def _box_above(node: LexborNode, top: int) -> int:
    """How many levels above the list ``node``'s parent its support box sits when it
    is a staff list (``_support_box``), else -1."""
    return _support_box(node, top) if _is_staff_list(node) else -1


def _is_row(node: LexborNode) -> bool:
    """Whether the table row ``node`` holds no block: it is read as one paragraph."""
    return _ROW_BLOCKS.first(node) is None


def _support_box(found: LexborNode, top: int) -> int:
    """How many levels above the staff list ``found``'s parent its support box sits
    (0: the parent), or -1 without one: the nearest element around the list holding
    an appeal for support (``SUPPORT_APPEAL``), grown up to the highest ancestor below
    the container (``top``, a ``mem_id``) that adds at most ``MAX_BOX_EXTRA_CHARS`` of
    text (the site's name and a label set above the box)."""
    box = -1
    size = 0
    node = found.parent
    level = 0
    while node is not None and node.mem_id != top:
        text = node.text()
        if box < 0:
            if t.SUPPORT_APPEAL.search(text) is not None:
                box, size = level, chars(text)
        elif chars(text) - size > t.MAX_BOX_EXTRA_CHARS:
            break
        else:
            box = level
        node = node.parent
        level += 1
    return box


class Reader:
    """Reads a container's blocks in document order into paragraphs.

    Leaf blocks (``p``, headings) are read whole unless a ``<br>`` splits
    them; text and inline elements between blocks form runs, ended by a block
    or a ``<br>``; wrapping blocks (list items, quotes, cells) give their kind
    to what they hold; a table row without blocks is one paragraph. Elements
    named like captions, share bars or promos are skipped, and a heading that
    opens a promo block ("Related stories") ends the element that holds it.
    A linked heading the teaser stage found to head a part of the article (a
    listicle's "1. Brand Model Jacket") is kept whatever its link text.
    """

    def __init__(
        self, texts: Mapping[int, str] | None = None, subheadings: frozenset[int] = frozenset()
    ) -> None:
        """``texts``: the text of elements read already, by ``mem_id`` (the
        voters'), so that a paragraph is not read twice; ``subheadings``: the
        linked headings that head parts of the article (by ``mem_id``)."""
        self.out: list[Paragraph] = []
        self.captions: set[str] = set()
        """The texts of the pictures' captions skipped (each element's, normalized)."""
        self._texts = texts or {}
        self._subheadings = subheadings
        self._cut = False
        """A promo heading or label was read: the rest of its holder is not (the walk)."""
        self._citing = False
        """After a source-list heading ("Sources"): its entries are links by nature."""
        self._citing_in = 0
        """The depth of the source-list heading's holder, while citing: the list ends with it."""
        self._kinds: list[ParagraphKind] = []
        """The kinds of the open elements of the container being read (set by the walk)."""
        self.bold_lines: set[int] = set()
        """Indexes in ``out`` of the paragraphs that are a bold line alone."""
        self.left_out = 0
        """Blocks left out as boilerplate or links so far (a box's lines, ``MIN_BOX_LINES``)."""

    def emit(
        self,
        text: str,
        link_chars: int,
        kind: ParagraphKind,
        holders: Iterable[LexborNode] = (),
        label: bool = False,
        parts: list[str] | None = None,
    ) -> None:
        """Append ``text`` as a paragraph of ``kind`` unless it is boilerplate or
        too linked; ``holders``: the elements holding its links; ``label``: the
        text is a bold line alone, which heads what follows it as a heading does;
        ``parts``: the texts of the elements it is set in, for a line whose
        elements' texts meet with no space (``glued_boilerplate``). In C
        (``_EMIT``), which asks the rules below where a block's gates open."""
        _EMIT.emit(self, text, link_chars, kind, holders, label, parts)

    def _pre(
        self, text: str, link_chars: int, holders: Iterable[LexborNode], label: bool
    ) -> str | None:
        """The text of the preformatted block ``text`` to read on: its lines, as a code
        sample's (``_pre_lines``); None when it is typed prose, each paragraph of
        which is read here, its links a share."""
        prose = _pre_prose(text)
        if not prose:
            return _pre_lines(text)
        size = max(1, chars(text))
        for part in prose:
            self.emit(part, link_chars * chars(part) // size, "p", holders, label)
        return None

    def _heading(self, text: str, kind: ParagraphKind, label: bool) -> ParagraphKind:
        """The kind of the heading or bold line alone ``label`` read as ``text``: a bold
        line naming a source list heads it, as a heading would; a heading starts or
        ends the source list (``_citing``)."""
        if label and _names_sources(text):
            kind = "h"
        if kind == "h":
            self._citing = _names_sources(text)
            self._citing_in = self._heading_holder() if self._citing else 0
        return kind

    def _heading_holder(self) -> int:
        """The depth of the open element holding the heading read now (a source list
        ends with it): the innermost open element not read as a heading (a heading
        holding a ``<br>`` is open while its text is read; a bold line's ``<div>`` is
        closed)."""
        depth = len(self._kinds)
        while depth > 1 and self._kinds[depth - 1] == "h":
            depth -= 1
        return depth

    def _drop_box_label(self, start: int, left_out: int) -> None:
        """Takes back the one paragraph (the caller checks there is one) read since
        ``start`` in an element that closes, when it is a label (a heading, a bold
        line alone) and the element's other lines, ``MIN_BOX_LINES`` or more since
        ``left_out``, were left out: a box's name ("Inside the Town Hall" over a
        sign-up box's lines), not the story's."""
        if self.left_out - left_out >= t.MIN_BOX_LINES and (
            self.out[start].kind == "h" or start in self.bold_lines
        ):
            del self.out[start]
            self.bold_lines.discard(start)

    def read(
        self,
        container: LexborNode,
        start: LexborNode | None = None,
        stop: LexborNode | None = None,
    ) -> None:
        """Append the blocks of ``container`` to ``out``; nothing when it is a
        picture's caption (a part of the body set after the picture). With
        ``start``, only ``container``'s children from ``start`` on, up to ``stop``
        (not read): the loose text of a story's opening beside its other blocks.
        The nodes are walked in C (``_blocks.BlockWalk``), which hands the runs and
        blocks it reads to ``emit`` and the elements below to ``leaf``, ``row`` and
        ``caption``."""
        if _CAPTIONS.is_caption(container):
            return
        _WALK.read(self, container, start, stop)

    def row(self, node: LexborNode, links: int) -> None:
        """Reads the table row ``node`` without blocks (``_is_row``) as one paragraph."""
        cells = (normalize_text(cell.text()) for cell in node.iter())
        self.emit(t.CELL_SEPARATOR.join(c for c in cells if c), links, "p", (node,))

    def caption(self, node: LexborNode) -> None:
        """Skips the picture's caption ``node``, noting its texts (``captions``)."""
        self.captions.update(normalize_text(inner.text()) for inner in node.traverse())


def _names_sources(text: str) -> bool:
    """Whether ``text`` is a source list's label (``CITATION_LABEL``), asked of the pattern
    only when short enough and its first two characters may open one."""
    return (
        len(text) <= t.MAX_STOP_CHARS
        and may_open_with(text, CITATION_LABEL_OPENERS, SPACE_LEADS)
        and CITATION_LABEL.match(text) is not None
    )


def _note_mark(link: LexborNode, text: str) -> LexborNode | None:
    """The footnote mark that ``link`` (a short ``<a>`` of ``text``) is, or None:
    a link to a place on the page ("#note-1") whose text is a reference number or
    a back arrow (``NOTE_MARK``); the ``<sup>`` around it when it holds the link alone."""
    if t.NOTE_MARK.fullmatch(text.strip()) is None:
        return None
    href = link.attributes.get("href") or ""
    if len(href) < 2 or href[0] != "#":
        return None
    parent = link.parent
    if parent is not None and parent.tag == "sup" and parent.text().strip() == text.strip():
        return parent
    return link


def _has_text(node: LexborNode) -> bool:
    """Whether ``node`` (an element or a text node, not a comment) holds more than
    spaces; its text nodes are walked until the first such, not joined (a large
    element answers at once, a picture's wrapper has few nodes)."""
    if node.tag == "-text":
        return not (node.text_content or " ").isspace()
    if node.tag == "-comment":
        return False
    return any(
        inner.tag == "-text" and not (inner.text_content or " ").isspace()
        for inner in node.traverse(include_text=True)
    )


def _credited(node: LexborNode, mark: bool) -> bool:
    """Whether the text of ``node`` holds a picture's credit (``CAPTION_CREDIT``, ending
    it), or with ``mark`` one anywhere (``CAPTION_CREDIT_MARK``): searched only when it
    holds a literal of the pattern's gate."""
    credit, gate = (t.CAPTION_CREDIT_MARK, _MARK_GATE) if mark else (t.CAPTION_CREDIT, _CREDIT_GATE)
    text = node.text()
    return _CREDIT_GATES.find(text) & gate != 0 and credit.search(text) is not None


def ends_in_credit(text: str) -> bool:
    """Whether ``text`` ends in a picture's credit (``CAPTION_CREDIT``): a caption's."""
    gated = _CREDIT_GATES.find(text) & _CREDIT_GATE != 0
    return gated and t.CAPTION_CREDIT.search(text) is not None


# The literals of the credits' gates (``_credited``), and the bits of each in its answer.
_CREDIT_GATES = literal_table((t.CAPTION_CREDIT_GATE, t.CAPTION_CREDIT_MARK_GATE))
_CREDIT_GATE, _MARK_GATE = 2, 4


# The caption of a picture (an ``<img>`` or ``<video>``), known without class names
# by where it stands, found in C (``_captions.Captions.of``): the smallest element
# around the picture, ``MAX_CAPTION_LEVELS`` up at most, that holds words (a letter:
# a count of a gallery's pictures, "6" or "1/6", or a symbol is passed over), when it
# is a caption's holder (``CAPTION_HOLDER_TAGS``), the picture first in it, and its
# text is short (``MAX_CAPTION_CHARS``: a caption and its credit beside the picture,
# a player's fallback line; ``MAX_CREDITED_CAPTION_CHARS`` when it is
# ``MAX_CREDITED_CAPTION_RUNS`` runs of text at most and ends in a credit, ``_credited``:
# a diagram's caption lists its parts) and holds no heading; else, when the
# picture's text-free wrapper stands among the story's blocks, the block right after
# it if it is short and holds a credit (``CAPTION_CREDIT_MARK``). None for a picture
# set inside a line of text (an icon in a paragraph: an inline or leaf element holds
# the words). ``is_caption(node)``: whether ``node``, a part of the body read apart,
# is the caption of a picture set before it (``node``, or a short element it opens,
# comes right after a text-free element holding the picture).
_CAPTIONS = Captions(
    inline=t.INLINE_TAGS,
    leaves=t.LEAF_BLOCKS,
    holders=t.CAPTION_HOLDER_TAGS,
    headings=_HEADINGS,
    pictures=_PICTURES,
    spaces=SPACES,
    max_chars=t.MAX_CAPTION_CHARS,
    max_credited_chars=t.MAX_CREDITED_CAPTION_CHARS,
    max_credited_runs=t.MAX_CREDITED_CAPTION_RUNS,
    levels=t.MAX_CAPTION_LEVELS,
    max_skipped=t.MAX_CAPTION_SKIPPED,
    credited=_credited,
    chars=chars,
)


def in_caption(node: LexborNode) -> bool:
    """Whether ``node`` is, or is inside, the caption of a picture (``_CAPTIONS``)
    held by one of its few ancestors: a lead picture's caption set between the
    headline and the body is no standfirst."""
    ancestors: set[int] = set()
    up: LexborNode | None = node
    for _ in range(t.MAX_CAPTION_LEVELS + 1):
        if up is None:
            return False
        ancestors.add(up.mem_id)
        up = up.parent
    if up is None:
        return False
    for picture in _PICTURE_ELEMENTS.find(up):
        caption = _CAPTIONS.of(picture)
        if caption is not None and caption.mem_id in ancestors:
            return True
    return False


def _is_inline_custom(node: LexborNode) -> bool:
    """Whether ``node`` is a custom element (a hyphen in its name) holding inline text
    only: shown inline, as an unknown element is, its text part of the run around it
    (a source mark inside a sentence, "(<hl-source><a>1</a></hl-source>)")."""
    tag = node.tag or ""
    if "-" not in tag or tag.startswith("-"):
        return False
    return all(
        (inner.tag or "") in t.INLINE_TAGS
        for inner in ELEMENTS.find(node)
        if inner.mem_id != node.mem_id
    )


def text_before(node: LexborNode) -> bool:
    """Whether text comes before ``node`` in its parent (a caption follows its picture)."""
    before = node.prev
    while before is not None:
        if _has_text(before):
            return True
        before = before.prev
    return False


def _wraps_a_sentence(run: list[str], line: int, br: LexborNode) -> bool:
    """Whether ``br`` breaks a line inside a sentence: the text before it does
    not end a sentence or a clause (``BR_ENDS_LINE``), and the text after
    it goes on in lower case ("... on Monday,<br>with three days ..."), or the
    line before it (``run`` from ``line`` on) is a wrapped line of typed prose,
    ``MIN_HARD_WRAP_CHARS`` long and ending in a word in lower case ("... said
    chief executive<br>Marcus Dale."; the lines of a list end in a name, a
    place, a figure)."""
    before = "".join(run).rstrip()
    if not before or before[-1] in t.BR_ENDS_LINE:
        return False
    after = br.next
    while after is not None and after.tag == "-text" and not (after.text_content or "").strip():
        after = after.next
    if after is None or (after.tag != "-text" and after.tag not in t.INLINE_TAGS):
        return False
    text = (after.text_content if after.tag == "-text" else after.text()) or ""
    text = text.lstrip()
    if not text:
        return False
    return text[0].islower() or (text[0].isalnum() and _is_wrapped_line(run[line:]))


def _is_wrapped_line(line: list[str]) -> bool:
    """Whether the run's ``line`` is a wrapped line of typed prose: ``MIN_HARD_WRAP_CHARS``
    long at least, ending in a word in lower case (a list's line ends in a name or a figure)."""
    words = fold("".join(line))
    last = words[words.rfind(" ") + 1 :]
    return len(words) >= t.MIN_HARD_WRAP_CHARS and last[:1].isalpha() and last.islower()


def _links_in(holders: Iterable[LexborNode]) -> Iterable[LexborNode]:
    """The links in ``holders`` (each one included, if a link), in document order."""
    for holder in holders:
        if holder.tag == "a":
            yield holder
        yield from ANCHORS.find(holder)


def without_repeated_captions(
    blocks: list[Paragraph], containers: Iterable[LexborNode], skipped: Set[str] = frozenset()
) -> list[Paragraph]:
    """``blocks`` without the texts they repeat that are a picture's caption:
    read more than once, and one copy set in a picture's box in ``containers``
    (``_picture_texts``), or a copy of a caption the reader skipped (``skipped``).
    A slideshow repeats its captions in its viewer, and a blog post may set one
    caption under each of its pictures; a story's own line quoted twice stays,
    and so does a caption read once."""
    texts = [block.text for block in blocks]
    again = {text for text in texts if text in skipped} if skipped else set()
    if again:
        blocks = [block for block in blocks if block.text not in again]
        texts = [block.text for block in blocks]
    if len(set(texts)) == len(texts):  # most bodies: nothing repeated
        return blocks
    repeated = {text for text, count in Counter(texts).items() if count > 1}
    captions = _picture_texts(containers, repeated)
    if not captions:
        return blocks
    return [block for block in blocks if block.text not in captions]


def _picture_texts(containers: Iterable[LexborNode], texts: set[str]) -> set[str]:
    """Those of ``texts`` that an element of a picture's box holds whole: the
    box is the nearest element around an image in ``containers`` that holds
    text, its caption, and is no larger than a caption's (``MAX_CAPTION_BOX_CHARS``)."""
    found: set[str] = set()
    boxes: set[int] = set()
    textless: set[int] = set()  # elements found without text: climbed past at once
    for container in containers:
        top = container.mem_id
        for image in _IMAGES.find(container):
            box = image.parent
            while box is not None and box.mem_id != top and box.mem_id not in boxes:
                if box.mem_id not in textless:
                    if box.text().strip():
                        break
                    textless.add(box.mem_id)
                box = box.parent
            if box is None or box.mem_id == top or box.mem_id in boxes:
                continue
            boxes.add(box.mem_id)
            if text_chars(box) > t.MAX_CAPTION_BOX_CHARS:
                continue
            for element in box.traverse():
                text = normalize_text(element.text())
                if text in texts:
                    found.add(text)
    return found


def without_pull_quotes(blocks: list[Paragraph]) -> list[Paragraph]:
    """``blocks`` without their pull quotes: quotes whose words, but for an
    attribution of ``MAX_ATTRIBUTION_WORDS`` at most at their end, are a run of
    words of a block that is no quote (``MIN_PULL_QUOTE_WORDS`` or more, case and
    punctuation aside). A pull quote repeats a sentence of the story between its
    paragraphs; a quotation that the story does not repeat is read."""
    quotes = {
        i: words
        for i, block in enumerate(blocks)
        if block.kind == "quote"
        and len(words := _WORD.findall(block.text)) >= t.MIN_PULL_QUOTE_WORDS
    }
    if not quotes:
        return blocks
    # The other blocks' text lowercased. A run of a quote's words is in one block, and
    # its longest words a repeat needs whatever its attribution (``_probes``) are in
    # that block's text: the blocks without them are not cut into words for the quote.
    lines = [block.text.lower() for block in blocks if block.kind != "quote"]
    words_of: dict[int, str] = {}  # a block's words, one line each: " w1 w2 ... \n"
    repeated = set()
    for i, words in quotes.items():
        held: Iterable[int] = range(len(lines))
        for probe in _probes(words):  # the blocks holding each probe, probe by probe
            held = [k for k in held if probe in lines[k]]
        if not held:
            continue
        for k in held:
            if k not in words_of:
                words_of[k] = f" {_NON_WORD.sub(' ', lines[k]).strip()} \n"
        if _repeats(words, "".join(words_of[k] for k in held)):
            repeated.add(i)
    if not repeated:
        return blocks
    return [block for i, block in enumerate(blocks) if i not in repeated]


def _probes(words: list[str]) -> list[str]:
    """The ``PULL_QUOTE_PROBES`` longest of the words a repeat needs whatever its
    attribution (all but the last ``MAX_ATTRIBUTION_WORDS``, ``_repeats``), lowercased:
    each is in the text of a block whose words run the quote's."""
    needed = words[: max(t.MIN_PULL_QUOTE_WORDS, len(words) - t.MAX_ATTRIBUTION_WORDS)]
    return [word.lower() for word in sorted(needed, key=len, reverse=True)[: t.PULL_QUOTE_PROBES]]


def _repeats(words: list[str], prose: str) -> bool:
    """Whether a quote's ``words``, less an attribution at the end, run in ``prose``.
    An attribution opens with a capital, the speaker's name: an embedded post that
    repeats the story's words ends in its picture's link ("pic.example/x1"), no name."""
    lowered = [word.lower() for word in words]
    for cut in range(min(t.MAX_ATTRIBUTION_WORDS, len(words) - t.MIN_PULL_QUOTE_WORDS) + 1):
        if cut and not words[-cut][0].isupper():
            continue
        if " " + " ".join(lowered[: len(words) - cut]) + " " in prose:
            return True
    return False


def _too_linked_in(
    text: str, link_chars: int, holders: Iterable[LexborNode], kind: ParagraphKind
) -> bool:
    """``_too_linked`` of a block whose links the elements ``holders`` hold."""
    return _too_linked(text, link_chars, lambda: _links_in(holders), kind)


# The emission of a block in C, with the tables and rules above.
_EMIT = Emitter(
    folds_as_ascii=FOLDS_AS_ASCII,
    normalize=normalize_text,
    widgets=t.INLINE_DROP_PATTERNS,
    pre=Reader._pre,
    heading=Reader._heading,
    stop_block=t.STOP_BLOCK,
    titled_stop_block=t.TITLED_STOP_BLOCK,
    stop_gates=_STOP_GATES,
    stop_bit=_STOP_GATE,
    titled_bit=_TITLED_GATE,
    stop_cased_gate=t.STOP_BLOCK_CASED_GATE,
    max_stop_chars=t.MAX_STOP_CHARS,
    max_titled_stop_chars=t.MAX_TITLED_STOP_CHARS,
    drop_gates=_GATES,
    gated=_GATED,
    drops=_DROPS,
    openings=(_DROP_OPENS_PLAIN, _DROP_OPENS_CASELESS),
    max_drop_chars=_MAX_DROP_CHARS,
    consent_gate=t.CONSENT_GATE,
    consent_chars=t.CONSENT_OPENING_CHARS,
    opens_with_consent=opens_with_consent,
    short_block_chars=t.SHORT_BLOCK_CHARS,
    short_max_link_density=t.SHORT_MAX_LINK_DENSITY,
    max_link_density=t.MAX_LINK_DENSITY,
    too_linked=_too_linked_in,
    glued=glued_boilerplate,
    paragraph=Paragraph,
    bold_alone=bold_alone,
    max_signature_chars=t.MAX_SIGNATURE_CHARS,
)
# Whether a drop pattern (gated or not) matches a text, as ``CaselessPattern.search``
# finds it (the drop patterns anchored at the start, and the gated ones searched
# anywhere when the text holds a literal of the gate); none beyond ``_MAX_DROP_CHARS``.
is_boilerplate = _EMIT.is_boilerplate
# Whether the normalized ``text`` opens a promo block or a comment thread (``STOP_BLOCK``,
# short), or is a ``heading`` counting comments on the story's title
# (``TITLED_STOP_BLOCK``): the story has ended.
is_stop_block = _EMIT.is_stop_block


_WALK = BlockWalk(
    inline=t.INLINE_TAGS,
    labels=t.LABEL_TAGS,
    leaves=t.LEAF_BLOCKS,
    wrapping=t.WRAPPING_BLOCKS,
    breaks=_BREAKS,
    note_holders=t.NOTE_HOLDER_TAGS,
    lists=_LISTS,
    wrappers=t.READ_THROUGH_WRAPPERS,
    through_blocks=t.READ_THROUGH_BLOCKS,
    pictures=_PICTURES,
    # Compared without regard to ASCII case, as a CSS ``[class*=name i]`` selector compares them.
    skip_names=tuple(name.encode() for name, _ in t.SKIP_IN_BODY),
    skip_exceptions=tuple(name.encode() for name in t.NAME_EXCEPTIONS),
    count=_COUNT,
    max_mark_chars=t.MAX_NOTE_MARK_CHARS,
    max_parted_depth=_MAX_PARTED_DEPTH,
    wraps_a_sentence=_wraps_a_sentence,
    is_note=_is_note,
    is_inline_custom=_is_inline_custom,
    box_above=_box_above,
    is_row=_is_row,
    note_mark=_note_mark,
    captions=_CAPTIONS,
    emitter=_EMIT,
)
