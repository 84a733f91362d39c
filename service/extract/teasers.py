"""Teaser detection: items on a page that promote other stories.

``find_teasers`` takes the cleaned tree and the page URL and returns the
teasers in page order with the DOM nodes they occupy, so that the caller can
remove those nodes before extracting the article body. What counts as a teaser
is defined in ``/work/shared/TEASERS.md``; tables are in ``teaser_tables``,
class-token matching in ``teaser_tokens``, headline links and items in
``teaser_items``, field readers in ``teaser_fields``.

1. Headline links are grouped into items (``teaser_items``); a short heading
   link that names the block of stories after it ("More news") is the block's
   label, not an item. A short headline (a bare link of two or three words to a
   story URL) counts only when its item shows a story; the others are dropped
   before the items are settled.
2. An item is a teaser when it shows structure (a heading, an image, a
   snippet, card-like class tokens, similar siblings, an inline-promo label)
   and sits outside excluded regions (share bars, tag lists, comments, shops);
   in menus and page headers only story cards (heading or image) count, and
   plain links of a headline's length to a story's dated or numbered page (a dropdown's featured
   story, a breaking-news ticker: ``MENU_HEADLINE_WORDS``), in the
   page footer only cards or lists under a block label. A link to a service page
   of the site (its path's words: "/cookie-policy", "/about-us", "/app") is none,
   nor a plain link whose target reads as no story in a submenu (a list nested
   in another list's entry) or, showing no date, in a flat menu (mostly short
   labels of no story's page), nor a snippet-only chip in a row of topic links.
3. Its block is found nearest first: a heading just before the item's branch,
   a heading child or aria-label of an ancestor, else label class tokens;
   promos among the article's paragraphs get ``inline-related``. Items of a
   block labelled or classed as paid content are sponsored.
   A linked heading among the article's paragraphs that is followed by body
   prose of its own and does not link to a story of the site (a listicle's
   "1. Brand Model Jacket" linking to a shop) is a subheading of the article,
   not a promo: it stays in the tree and is reported as a subheading.
4. The same target twice is one teaser, at its first appearance, with the
   richer fields of all its appearances; the nodes of every appearance are
   returned for removal.
5. A block labelled as the article's sources ("Sources", "Quellen"), or as
   outside links ("Further information") with most links leaving the site, is
   part of the article: its items are not teasers and stay in the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from selectolax.lexbor import LexborNode as Node

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract import teaser_tokens as tk
from service.extract._fields import ItemLines, ItemReader, ItemText
from service.extract._frame import (
    Assembly,
    BodyCounts,
    InlinePromos,
    MenuEntries,
    OwnTexts,
    Removal,
    TeaserTests,
    holders,
    sibling_counts,
)
from service.extract._links import link_target
from service.extract._records import Records
from service.extract._text import fold
from service.extract._words import FOLDS_AS_ASCII
from service.extract.model import Teaser
from service.extract.teaser_items import (
    IN_EXCLUDED,
    IN_FOOTER,
    IN_HIDDEN,
    IN_MENU,
    IN_PAID,
    PATHS,
    PRICE_SIGNS,
    Link,
    Page,
    better,
    has_story_id_or_date,
    headline_links,
    is_price,
    is_story_url,
    is_topic_chip,
    items_of,
    regions,
    url_key,
)
from service.extract.text import (
    CJK_CHAR_WEIGHT,
    SPACES,
    contains_any,
    is_truncated,
    literal_table,
    normalize_text,
)
from service.extract.urls import normalize_url

INLINE_BLOCK = "inline-related"


@dataclass(frozen=True, slots=True)
class TeaserScan:
    """Teasers of one page and where they are.

    ``teasers`` are in page order, one per target. ``nodes`` are the outermost
    DOM nodes of every teaser item (and of blocks holding little else), none
    inside another; removing them leaves the page without teasers.
    ``text_chars`` counts the visible text characters of those nodes.
    ``subheadings`` are the linked headings in the body that head parts of the
    article (``_is_subheading``): the body reader keeps them despite their link.
    """

    teasers: tuple[Teaser, ...]
    nodes: tuple[Node, ...]
    text_chars: int
    subheadings: tuple[Node, ...] = ()


@dataclass(slots=True)
class _Item:
    node: Node
    link: Link
    snippet: str | None
    image: str | None
    """The raw source; resolved for the teasers that remain."""
    date: str | None
    """The raw date text; parsed for the teasers that remain."""
    sponsored: bool
    product: bool = False
    """A line of the item shows a price: a shop product, not a story."""
    inline: bool = False
    block_node: Node | None = None
    block: str | None = None
    label_node: Node | None = None
    """The heading shown for the block, when it stands outside the block node."""


_ITEMS = Records(_Item)  # an item made in C, as ``_Item(...)`` makes it


def _cut_read_more(text: str) -> str:
    """The line without a read-more call closing it ("... the governors. Continue
    reading"). The call is short: only the line's end is searched for it, when it holds
    a literal of the call."""
    end = max(0, len(text) - tt.MAX_READ_MORE_CHARS)
    if _READ_MORE.find(text[end:]) & 2:
        more = tt.READ_MORE_TAIL.search(text, end)
        if more is not None:
            return text[: more.start()]
    return text


def _byline_date(times: tf.ShownTimes, text: str) -> str | None:
    """The date on a byline's line ("By Ann Lee | 4 February 2026")."""
    return times.time_in(text, byline=True) if tf.is_meta_line(text) else None


def _shown_moment(times: tf.ShownTimes, shown: str) -> str | None:
    """A line that is a date without markup ("4 February 2026", "3 hours ago"), a date
    before the headline on its line, a separator after it ("Nov 28: <a>..."), or None."""
    return shown if times.is_date(shown) or times.is_time_line(shown) else None


def _unlabel(text: str) -> str:
    return tt.INLINE_LABEL_PREFIX.sub("", text, count=1)


def _unseparate(text: str) -> str:
    """The snippet after its separator ("<a>Headline</a> - The snippet", ": The snippet")."""
    return tt.SNIPPET_SEPARATOR.sub("", text, count=1)


def _is_snippet(text: str, title: str) -> bool:
    """Whether a line left of an item reads as its snippet: prose, not its title."""
    return _is_prose(text) and tf.clean_title(text) != title


_READ_MORE = literal_table((tt.READ_MORE_GATE,))  # READ_MORE_TAIL's gate (bit 2)
# The gates of an item's line in one table, matched once per line: the navigation
# labels' (bit 2), the price signs' (bit 4), the read-more call's anywhere on the line
# (bit 8; ``_cut_read_more`` asks the line's end).
_LINE_GATES = literal_table((tt.NAV_LABEL_GATE, PRICE_SIGNS, tt.READ_MORE_GATE))
# The loop over an item's lines in C (``_fields.ItemLines``, whose doc states it), each
# rule asked only where its gate opens; in the order of the rules: a paid label, a price,
# a navigation label or a byline or taxonomy line, a read-more call, a date line, the
# lead-in, a promo label or a separator opening the snippet, the snippet.
_LINES = ItemLines(
    find=_LINE_GATES.find,
    nav_bit=2,
    price_bit=4,
    read_more_bit=8,
    folds_bit=FOLDS_AS_ASCII,
    sponsored_pairs=tt.SPONSORED_LABEL_OPENERS,
    byline_pairs=tt.BYLINE_OR_TAXONOMY_OPENERS,
    label_pairs=tt.INLINE_LABEL_OPENERS,
    space_leads=tf.SPACE_LEADS,
    label_leads=tf.LABEL_LEADS,
    max_label_chars=tt.MAX_LABEL_CHARS,
    max_price_chars=tt.MAX_PRICE_LINE_CHARS,
    max_date_chars=tt.MAX_DATE_CHARS,
    max_meta_chars=tt.MAX_META_LINE_CHARS,
    min_words=tt.MIN_SNIPPET_WORDS,
    label_separators="".join(sorted(tt.LABEL_SEPARATORS)),
    meta_marks=tt.META_LINE_MARKS,
    snippet_starts=tt.SNIPPET_SEPARATOR_STARTS,
    sponsored=tt.SPONSORED_LABEL.match,
    price=is_price,
    nav=tt.NAV_LABEL.match,
    byline=tt.BYLINE_OR_TAXONOMY.match,
    byline_date=_byline_date,
    cut=_cut_read_more,
    moment=_shown_moment,
    between=tf.ShownTimes.between_labels,
    bare=tt.BARE_SPAN.fullmatch,
    unlabel=_unlabel,
    unseparate=_unseparate,
    snippet=_is_snippet,
)


def _plays_media(node: Node, link: Link, found: ItemText, length: str) -> bool:
    """Whether an item showing a number and a unit alone (``BARE_SPAN``: "45 min") as its
    only time is a video's or a podcast's card, the number its length: the line holds
    hours and minutes ("1 hr 20 min") or follows a play mark ("\u25b6 45 min"), a line of
    the item or its headline's text is a length in minutes and seconds or opens with a
    media word ("3:45", "Video", "PODCAST · 45 min", "Watch: ..."; ``MEDIA_LINE``), or the
    item holds a player (``<video>``, ``<audio>``) or a play icon (``PLAY_ICON``). Asked
    only of the items showing such a line, with the moment of fetching known."""
    span = tt.BARE_SPAN.fullmatch(length)
    if span is not None and span.group(2):
        return True
    lines = [*found.segments, link.node.text()]
    if any(contains_any(line, tt.PLAY_MARKS) for line in lines):
        return True
    if any(tt.MEDIA_LINE.match(line) for line in lines):
        return True
    for element in tf.tagged(node, _MEDIA_TAGS):
        if element.tag in ("video", "audio"):
            return True
        attrs = element.attributes
        names = " ".join(attrs.get(name) or "" for name in _ICON_ATTRS)
        if element.tag == "svg":
            names += " " + element.text()  # an icon's <title>
        if tt.PLAY_ICON.search(names):
            return True
    return False


_MEDIA_TAGS = ("video", "audio", "img", "svg")  # a player, or a play icon
_ICON_ATTRS = ("src", "data-src", "alt", "title")

# An item's fields (snippet, image, date, paid mark) read in one compiled call
# (``_fields.ItemReader``, whose doc states the rules): the walk of ``read_item`` passing
# over the headline (or the heading holding it, when the link wraps the heading), the
# lines (``_LINES``), then, without a date, the item's meta parts not named as dates: the
# ``<time>`` a part holds, else its whole text when that is a date
# (``<div class="meta">27.11.2026, 08:30</div>``) or a time line
# (``ShownTimes.is_time_line``: "vor 2 Stunden", "12 March"), unless the part names a
# length (a video's "2 min"), or the date of its line between labels ("Politics •
# 27.11.2026": ``ShownTimes.between_labels``). A number and a unit alone is the item's
# length, its date only when the item plays no media (``_plays_media``).
_READER = ItemReader(
    walk=tf.ITEM_WALK,
    lines=_LINES,
    records=_ITEMS,
    tail=(False, None, None, None),  # _Item's inline, block_node, block, label_node
    headings=tt.HEADING_TAGS,
    time_tag="time",
    max_date_chars=tt.MAX_DATE_CHARS,
    max_meta_chars=tt.MAX_META_LINE_CHARS,
    meta_marks=tt.META_LINE_MARKS,
    min_words=tt.MIN_SNIPPET_WORDS,
    meta_line=tf.is_meta_line,
    time_in=tf.ShownTimes.time_in,
    is_date=tf.ShownTimes.is_date,
    is_time_line=tf.ShownTimes.is_time_line,
    between=tf.ShownTimes.between_labels,
    names_length=tf.names_a_length,
    bare=tt.BARE_SPAN.fullmatch,
    plays_media=_plays_media,
    word_count=tf.word_count,
)
_read = _READER.read  # an item's fields: ``_read(node, link, page)`` is its ``_Item``


def _is_prose(text: str) -> bool:
    """Whether a text reads as a sentence, not as names, counts and times; a text in a
    script without spaces between words (Thai) is counted by its letters."""
    if tf.spaced_word_count(text) < tt.MIN_SNIPPET_WORDS:
        return False
    words, letters, lower, upper = tf.word_openings(text)  # counted in C
    # Words that open with a letter: a line of counts and units has few (a cooking
    # time, a photo count); a phrase of a script without spaces is one such word.
    if letters < min(tt.MIN_SNIPPET_LETTER_WORDS, words):
        return False
    if not lower + upper:
        return True  # a script without case (CJK, Arabic)
    return lower >= tt.MIN_SNIPPET_LOWER * (lower + upper)


# ``INLINE_LABEL`` matches a text when it matches its first ``LABEL_REACH`` characters:
# the label it must match (a mark, brackets, the words) is shorter (a test checks), and
# what follows is optional.
LABEL_REACH = tt.MAX_LABEL_CHARS
# The bytes of an item's text read for its opening: enough for ``LABEL_REACH`` characters
# in most scripts, once white space is folded.
_OPENING_BYTES = 8 * tt.MAX_LABEL_CHARS
# The bytes read first, for its first two characters: enough in most texts, once the
# white space of the markup's indentation before them is folded.
_HEAD_BYTES = 64


# The body paragraphs and runs beside an item, counted in C (``_frame.BodyCounts``).
_BODY_COUNTS = BodyCounts(
    paragraph_tags=("p",),
    is_body_paragraph=tf.is_body_paragraph,
    may_hold_body_run=tf.may_hold_body_run,
    is_body_run=tf.is_body_run,
    # the fewest bytes of a text as long as a body paragraph: each character is one
    # byte or more and counts at most CJK_CHAR_WEIGHT times
    run_bytes=-(-tt.BODY_PARAGRAPH_CHARS // CJK_CHAR_WEIGHT),
)


# Whether an item is a promo inside the article body, asked in C (``_frame.InlinePromos``)
# with ``paragraphs`` (the counts of ``_BODY_COUNTS`` per parent, by ``mem_id``: the items
# of one list share a parent, and counting its children again for each of them costs
# their number squared) and ``items`` (the items by ``mem_id``). It is one when its text
# opens with a promo label ("Read more: ...": ``labelled``), or when it stands among the
# article's paragraphs as a card (heading, image or snippet), as a bare headline link of
# ``MIN_INLINE_WORDS`` or more (its whole text its title) or after a label set apart
# on its line; that label is taken out with the promo (``label_node``).
#
# - The promo label: its text opens with ``INLINE_LABEL``, its headline does not ("Related
#   party deals..." is a headline), and it is no navigation label (``NAV_LABEL``). The
#   pattern is asked only when the text's first two characters may open a label (most
#   item texts open with a headline's words: ``INLINE_LABEL_OPENERS``, ``LABEL_LEADS``),
#   and the item's text is read only as far as that decides it: its first ``_HEAD_BYTES``
#   bytes for the first two characters, then ``_OPENING_BYTES`` for ``LABEL_REACH``
#   characters, which the pattern matches when it matches the whole text.
# - Among the article's paragraphs: at least two body paragraphs beside it under its
#   parent that are no items themselves (an older home page sets each story as a ``<p>``:
#   headline, line break, snippet). A page without ``<p>`` sets its paragraphs as runs of
#   text between line breaks: such runs count as well when the item stands on a line of
#   its own (a source list's "Agency, "<a>Title</a>," date" lines do not).
# - On a line of its own among its siblings: a block itself, or a line break, a block or
#   nothing on each side (the neighbours are the siblings that are no white space or
#   comment), a label set apart before it allowed; the next paragraph's text may run on
#   from it when that text opens a sentence, with a capital ("<br><br><a>...</a>The next
#   paragraph ..."): a card set between the paragraphs, its break left to its CSS.
# - A label set apart: the inline element right before the item holding a promo label
#   alone ("<b>Read more:</b> <a>...</a>"), or a lead-in of ``MAX_LEAD_IN_WORDS`` or
#   fewer ending in a label separator ("<strong>On the Chronicle's site:</strong> <a>...</a>").
_PROMOS = InlinePromos(
    counts=_BODY_COUNTS,
    inline_tags=tt.INLINE_TAGS,
    line_break="br",
    spaces=SPACES,
    label_pairs=tt.INLINE_LABEL_OPENERS,
    label_leads=tf.LABEL_LEADS,
    label=tt.INLINE_LABEL.match,
    nav=tt.NAV_LABEL.match,
    normalize=normalize_text,
    word_count=tf.word_count,
    separators=tt.LABEL_SEPARATORS,
    head_bytes=_HEAD_BYTES,
    opening_bytes=_OPENING_BYTES,
    label_reach=LABEL_REACH,
    max_lead_in_words=tt.MAX_LEAD_IN_WORDS,
    min_inline_words=tt.MIN_INLINE_WORDS,
)


def _is_subheading(item: _Item, items: set[int], page: Page) -> bool:
    """Whether a linked heading in the body heads a part of the article, not a promo.

    A listicle's entries ("1. Brand Model Jacket") link their heading to a shop or
    the maker's site and go on in paragraphs of the article's own: a product or a book
    is not a story. The item shows the heading alone (no snippet, image, date or
    promo label), its target is not a story of the site (another host, or a path that
    does not read as a story), and the elements after it begin with body paragraphs,
    none of them an item, of ``MIN_SUBHEADING_PROSE_CHARS`` or more before the next
    heading. A promo's one-line snippet is shorter, and a card's snippet is in its item.
    A page without ``<p>`` sets the paragraphs as runs of text between line breaks: a
    run as long as a body paragraph counts as one, a shorter one ends the prose as a
    short ``<p>`` does.
    """
    link = item.link
    if link.heading is None or item.snippet is not None or item.image or item.date:
        return False
    if _PROMOS.labelled(normalize_text(item.node.text()), link.title):
        return False
    if _host(link.url) == _host(page.url) and is_story_url(link.url, link.title):
        return False
    prose = 0
    node = item.node.next
    while node is not None and prose < tt.MIN_SUBHEADING_PROSE_CHARS:
        tag = node.tag or ""
        if tag == "-text" and (text := node.text_content or "").strip():
            if not tf.is_body_run(text):
                break
            prose += len(normalize_text(text))
        if tag.startswith("-"):  # white space between the elements, comments
            node = node.next
            continue
        if tag in tt.HEADING_TAGS or node.mem_id in items or node.mem_id in page.heading_holders:
            break
        if tf.is_body_paragraph(node):
            prose += len(normalize_text(node.text()))
        elif node.text().strip():
            break  # anything else with text (a list, a box) ends the heading's prose
        node = node.next
    return prose >= tt.MIN_SUBHEADING_PROSE_CHARS


def _heading_of(link: Link) -> Node:
    """The heading element that holds the link (the link itself when it wraps the heading)."""
    node: Node | None = link.node
    while node is not None and node.tag not in tt.HEADING_TAGS:
        node = node.parent
    return node or link.headline


# Whether a plain item (no heading, image or snippet) is a menu's entry: its target reads
# as no story, or as one by its slug alone, and it stands in a submenu (a list nested in
# an entry of another list: "<li>Business <ul><li>...</li></ul></li>") or, showing no
# date, in a flat menu (the nearest element above it with enough links, mostly labels of
# no story's page, and little text beside them). Among menu entries a story needs a date
# or an id too (shown, or in its path): a landing page's path reads as a story's
# ("/events/storage-roundtable-harbour-expo-2026/", "/columns/notes-from-the-harbour-wall").
# In C (``_frame.MenuEntries``, which states the levels in full), asked by
# ``_TEASER_TESTS`` as ``of(node, url, title, shown_date, page)``.
_MENU_ENTRIES = MenuEntries(
    # a submenu: the item's list entry a few levels up, and an outer entry above its list
    entry_depth=tt.SUBMENU_ENTRY_DEPTH,
    submenu_depth=tt.SUBMENU_DEPTH,
    # a flat menu: the nearest element above the item, below the page's stop tags, with
    # enough links, mostly labels, and most of its text in them (more outside is a
    # story beside its tag and category links); a smaller list of headlines on the way
    # is a list of stories ("Most read")
    flat_depth=tt.FLAT_MENU_DEPTH,
    min_links=tt.MIN_FLAT_MENU_LINKS,
    min_share=tt.MIN_FLAT_MENU_SHARE,
    max_prose_share=tt.MAX_MENU_PROSE_SHARE,
    stop_tags=tt.STOP_TAGS,
    # a label: fewer words than a headline, its target no story with an id or date
    # ("FOCUS T25" -> "/results/focus-t25-success-stories" is a label)
    headline_words=tt.MIN_HEADLINE_WORDS,
    spaces=SPACES,
    word_count=tf.word_count,
    target=link_target,
    paths=PATHS,  # its targets' tests: a story's id or date, a story's page
    text_length=tf.text_length,
)


def _shows_story(node: Node, link: Link, siblings: int, page: Page, item: _Item | None) -> bool:
    """Whether the item (``node``) around a short headline shows a story.

    The item holds few other links (a card, not a menu, footer or share bar), and an
    image linking to the same story, a snippet, a date, a rank in a list (an
    ordered list's entry, a number before the headline) or a promo label.
    ``item`` is the item's fields when the caller has read them; else they are read
    here, once the links have not settled the answer.
    """
    linked_image = False
    others: set[str] = set()
    for element in tf.tagged(node, ("a",)):
        if "href" not in element.attrs:
            continue
        target = page.target(element.attrs.get("href") or "")
        if target != link.url:
            others.add(target or "")
            if len(others) > tt.MAX_SHORT_ITEM_TARGETS:
                return False
        elif not linked_image:
            linked_image = tf.first_tagged(element, ("img", "picture")) is not None
    if linked_image:
        return True
    if item is None:
        item = _read(node, link, page)
    if item.snippet is not None or item.date is not None:
        return True
    text = normalize_text(node.text())
    if _PROMOS.labelled(text, link.title):
        return True
    if siblings < 2:
        return False
    if node.tag == "li" and node.parent is not None and node.parent.tag == "ol":
        return True
    return not link.title[:1].isdigit() and tt.RANK_START.match(text) is not None


# Whether an item is a teaser (rules in the module doc), in C (``_frame.TeaserTests``,
# which states them in order), with the limits and tests of ``teaser_tables``: an item
# hidden or excluded by its region, a product, a legal label, a service page's link, a
# date link (a post's permalink, ``is_date``), a short heading linking to a section or
# service page, a menu's entry naming a section or landing page (``_MENU_ENTRIES``), or
# a snippet-only topic chip is none; a short headline only when its item shows a story.
_TEASER_TESTS = TeaserTests(
    hidden=IN_HIDDEN | IN_EXCLUDED,
    menu=IN_MENU,
    footer=IN_FOOTER,
    legal_words=tt.MAX_LEGAL_WORDS,
    date_chars=tt.MAX_DATE_CHARS,  # a date line is no longer (``teaser_fields._may_be_date``)
    headline_words=tt.MIN_HEADLINE_WORDS,
    menu_headline_words=tt.MENU_HEADLINE_WORDS,
    card=tk.CARD,
    paths=PATHS,
    legal=tt.LEGAL_LABEL.search,
    is_date=tf.is_date,
    shows_story=_shows_story,
    menus=_MENU_ENTRIES,
    topic_chip=is_topic_chip,
)
# ``_is_teaser(item, region, siblings, page)``: whether an item is a teaser; ``region``:
# its surroundings (``teaser_items.regions``).
_is_teaser = _TEASER_TESTS.of


def _story_items(links: list[Link], page: Page) -> dict[int, tuple[Node, Link]]:
    """The items of the links, without short headlines whose item shows no story.

    Those are found again without the dropped links: a short topic link in a card
    would otherwise split the card's headline from its image and snippet. Items with
    look-alike siblings (as many items of their parent and tag) come in lists.
    """
    return items_of(
        links, page, lambda node, link, alike: _shows_story(node, link, alike, page, None)
    )


_Block = tuple[Node | None, str | None, Node | None]


def _block_of(item: _Item, items: set[int], page: Page, known: dict[int, _Block]) -> None:
    """Sets the item's block node, label and label element (``teaser_fields.find_block``:
    nearest first, a heading just before the item's branch, the block's own heading
    child or aria-label; failing all, label class tokens). Sibling items share the
    answer (``known``, by parent).
    """
    parent = item.node.parent
    key = parent.mem_id if parent is not None else -1
    found = known.get(key)
    if found is None:
        found = known[key] = tf.find_block(item.node, items, page.heading_holders, page.tokens)
    item.block_node, item.block, item.label_node = found


def _is_block_title(node: Node, link: Link, holding: set[int]) -> bool:
    """Whether a short heading link names the block of stories that follows it."""
    if link.heading is None or link.words > tt.MAX_BLOCK_TITLE_WORDS:
        return False
    if not tt.BLOCK_TITLE_WORDS.search(link.title):
        return False
    if tf.first_tagged(node, ("img",)) is not None and is_story_url(link.url, link.title):
        return False  # a story card, its picture beside it: a block's title shows none
    after = node.next
    seen = 0
    while after is not None and seen < tt.LABEL_SIBLINGS:
        if not (after.tag or "").startswith("-"):
            if after.mem_id in holding:
                return True
            seen += 1
        after = after.next
    return False


_HOLDER_LEVELS = 3  # an item, its parent and its grandparent


def _lead_card(node: Node, link: Link, holding: set[int]) -> tuple[Node, Node] | None:
    """A lead story's card that lists related stories under its headline: the card and
    the list, when ``node``, the item of a headline in a heading, is the heading or the
    link itself (its climb stopped at the card, which the listed stories share) and the
    card's other children are one list (``<ul>``, ``<ol>``) holding items
    (``holding``, by ``mem_id``) after the headline, no heading, and at most
    ``MAX_ITEM_EXTRA_CHARS`` of text (a snippet, a date, the picture's link). The card
    is that element's parent when its other children add no items, no heading and
    text within the same bound (the picture set beside the card's lines)."""
    if link.heading is None or (
        node.tag not in tt.HEADING_TAGS and node.mem_id != link.node.mem_id
    ):
        return None
    card = node.parent
    if card is None or card.tag in tt.STOP_TAGS:
        return None
    listed = None
    seen = False
    chars = 0
    for child in card.iter():
        if child.mem_id == node.mem_id:
            seen = True
        elif child.mem_id in holding:
            if listed is not None or not seen or not _is_list(child):
                return None
            listed = child
        elif child.tag in tt.HEADING_TAGS:
            return None
        else:
            chars += len(fold(child.text()))
            if chars > tt.MAX_ITEM_EXTRA_CHARS:
                return None
    if listed is None:
        return None
    # The card may set its picture beside the element of its lines: the card is then
    # that element's parent, when its other children hold no items and little text.
    outer = card.parent
    if outer is None or outer.tag in tt.STOP_TAGS:
        return card, listed
    for child in outer.iter():
        if child.mem_id != card.mem_id:
            if child.mem_id in holding or child.tag in tt.HEADING_TAGS:
                return card, listed
            chars += len(fold(child.text()))
            if chars > tt.MAX_ITEM_EXTRA_CHARS:
                return card, listed
    return outer, listed


def _is_list(node: Node) -> bool:
    """Whether ``node`` is a list (``<ul>``, ``<ol>``), or holds one and nothing else."""
    if node.tag in _LISTS:
        return True
    inner = list(node.iter())
    return (
        len(inner) == 1
        and inner[0].tag in _LISTS
        and len(fold(node.text())) == len(fold(inner[0].text()))
    )


_LISTS = frozenset({"ul", "ol"})


def _whole_card(link: Link) -> bool:
    """Whether the link holds a card's lines with no element its headline stands in
    (``<a><div>Headline</div><div>Mar 11, 2026</div></a>``)."""
    child = link.node.child
    return link.headline.mem_id == link.node.mem_id and child is not None and child.next is not None


def _date_in_link(link: Link, page: Page) -> str | None:
    """The date a whole-card link shows on a line of its own, which its title leaves
    out (``TitleReader``) and the item's reading passes over with the headline."""
    segments = tf.read_item(link.node, None, page.tokens, with_image=False).segments
    if len(segments) < 2:
        return None
    return next((segment for segment in segments if page.times.is_date(segment)), None)


def _fill_from_card(item: _Item, card: _Item) -> None:
    """The fields a lead story shows on its card beside its headline, where the item
    that is its headline alone shows none."""
    item.snippet = item.snippet or card.snippet
    item.image = item.image or card.image
    item.date = item.date or card.date


def find_teasers(
    root: Node,
    page_url: str,
    *,
    fetched_at: datetime | None = None,
    language: str | None = None,
) -> TeaserScan:
    """The page's teasers in page order, with their nodes and text size.

    ``root`` is the cleaned tree's ``<html>`` node, ``page_url`` the absolute
    page URL. Links to the page itself, links inside running sentences and
    navigation links are never teasers. An item's time shown as a span back
    ("2 hours ago") is counted from ``fetched_at`` in the page's ``language``.
    """
    page = Page(page_url, times=tf.ShownTimes(fetched_at, language))
    found = _story_items(headline_links(root, page), page)
    # Items and their near ancestors (by ``mem_id``): the elements that hold stories.
    nodes = [node for node, _link in found.values()]
    holding = holders(nodes, _HOLDER_LEVELS)
    titles = {key for key, (node, link) in found.items() if _is_block_title(node, link, holding)}
    item_ids = set(found) - titles
    siblings = sibling_counts(nodes)
    kept: list[_Item] = []
    subheadings: list[Node] = []
    blocks: dict[int, _Block] = {}
    paragraphs: dict[int, tuple[int, int]] = {}
    for (node, link), region, alike in zip(
        found.values(), regions(found.values(), page), siblings, strict=True
    ):
        if region & (IN_HIDDEN | IN_EXCLUDED) or node.mem_id in titles:
            continue
        if (
            region & IN_MENU
            and link.heading is None
            and tf.first_tagged(node, ("img",)) is None
            and not _menu_headline(link)
        ):
            continue  # a plain menu link, not a story card
        item = _read(node, link, page)
        if item.date is None and _whole_card(link):
            item.date = _date_in_link(link, page)
        card = _lead_card(node, link, holding)
        if card is not None:
            _fill_from_card(item, _read(card[0], link, page, card[1]))
        item.sponsored = item.sponsored or bool(region & IN_PAID)
        item.inline = _PROMOS.of(item, paragraphs, item_ids)
        if item.inline and _is_subheading(item, item_ids, page):
            subheadings.append(_heading_of(link))
            continue
        if not _is_teaser(item, region, alike, page):
            continue
        if item.inline:
            item.block_node, item.block = node.parent, INLINE_BLOCK
        else:
            _block_of(item, item_ids, page, blocks)
        if (
            region & IN_FOOTER
            and item.block is None
            and item.link.heading is None
            and not item.image
        ):
            continue  # a plain link list in the page footer is service links, not stories
        kept.append(item)
    left_out = _left_out_blocks(kept, page)
    if left_out:
        # An inline promo's block is the body around it, which may be the source list's
        # too when a page without <p> sets both in one block.
        kept = [item for item in kept if item.inline or _block_key(item) not in left_out]
    _mark_paid_blocks(kept, item_ids, page)
    return _assemble(kept, page_url, tuple(subheadings), page.times)


def _left_out_blocks(kept: list[_Item], page: Page) -> set[int]:
    """The blocks (by ``mem_id``) whose items are no teasers: the article's list of
    sources, and lists of job ads or classifieds.

    A source list's label is a citation heading ("Sources", "Quellen"), or a heading
    of outside links ("Further information") with most of the block's links leaving
    the site; an ad list's is one of ``AD_LIST_LABELS`` ("Jobs", "Classifieds").
    """
    blocks: dict[int, list[_Item]] = {}
    for item in kept:
        if item.block is not None and not item.inline:
            blocks.setdefault(_block_key(item), []).append(item)
    found: set[int] = set()
    for key, items in blocks.items():
        label = items[0].block or ""
        if (
            _is_label(label, tt.CITATION_LABEL, tt.CITATION_LABEL_OPENERS)
            or _is_label(label, tt.AD_LIST_LABEL, tt.AD_LIST_LABEL_OPENERS)
            or (
                _is_label(label, tt.OUTSIDE_LINK_LABEL, tt.OUTSIDE_LINK_LABEL_OPENERS)
                and _mostly_outside(items, page)
            )
        ):
            found.add(key)
    return found


def _block_key(item: _Item) -> int:
    return item.block_node.mem_id if item.block_node is not None else -1


def _is_label(label: str, pattern: re.Pattern[str], pairs: frozenset[str]) -> bool:
    """Whether ``pattern``, a whole block label, matches ``label``: asked only when the
    label's first two characters may open a match (``pairs``, or white space)."""
    return tf.may_open_with(label, pairs, tf.SPACE_LEADS) and pattern.match(label) is not None


def _mostly_outside(items: list[_Item], page: Page) -> bool:
    """Whether most of the items link to other hosts than the page's."""
    own = _host(page.url)
    outside = sum(1 for item in items if _host(item.link.url) != own)
    return outside > tt.MIN_OUTSIDE_SHARE * len(items)


def _host(url: str) -> str:
    """The host of an absolute URL, without ``www.``, as ``url_key`` writes it."""
    return url_key(url).split("/", 1)[0].lower()


def _menu_headline(link: Link) -> bool:
    """Whether a plain link in a menu or the page's header is a story's headline featured
    there (a dropdown's story, a breaking-news ticker), not a section's name: a
    headline's length (``MENU_HEADLINE_WORDS``) and a target that reads as a story and
    shows its id or date (a landing page's address may read as a story's); not a link
    to the previous or next post (``rel="prev"``, ``rel="next"``), which pages through
    the site's posts. ``_is_teaser`` asks the same of such a link again, all but the
    ``rel``."""
    return (
        link.words >= tt.MENU_HEADLINE_WORDS
        and is_story_url(link.url, link.title)
        and has_story_id_or_date(link.url)
        and not _PAGING_RELS & set((link.node.attrs.get("rel") or "").lower().split())
    )


_PAGING_RELS = frozenset({"prev", "next"})


def _mark_paid_blocks(kept: list[_Item], items: set[int], page: Page) -> None:
    """Every item of a block labelled or classed as paid content is sponsored."""
    verdicts: dict[int, bool] = {}
    for item in kept:
        block = item.block_node
        if block is None or item.inline:
            continue  # the article body around an inline promo says nothing of it
        key = block.mem_id
        if key not in verdicts:
            verdicts[key] = bool(
                (item.block is not None and tf.is_sponsored_label(item.block))
                or page.tokens.kinds(block) & tk.SPONSORED
                or _block_is_paid(block, items)
            )
        item.sponsored = item.sponsored or verdicts[key]


def _block_is_paid(block: Node, items: set[int]) -> bool:
    """Whether a block shows, outside its items (by ``mem_id``), a paid-content label
    ("Sponsored", "Ads by") as the own text of an element down to ``_PAID_LABEL_DEPTH``
    levels below it; ``_OWN_TEXTS`` leaves out the texts too long to be one, and those
    whose opening, as ``normalize_text`` leaves it, opens none (``may_open_with``)."""
    return any(
        tf.is_sponsored_label(normalize_text(text))
        for text in _OWN_TEXTS.of(block, items, _PAID_LABEL_DEPTH)
    )


_PAID_LABEL_DEPTH = 3  # levels below a block whose elements' own texts are read
# An element's own text of more characters than twice a label's is none; white space
# alone (of ASCII: the table's other spaces are left to the test) folds to no text,
# which is no label; nor is a text opening with two printable ASCII characters that open
# no paid label (the gate of ``is_sponsored_label``, read on the bytes).
_OWN_TEXTS = OwnTexts(
    2 * tt.MAX_LABEL_CHARS, SPACES, pairs=tt.SPONSORED_LABEL_OPENERS, leads=tf.SPACE_LEADS
)


# The nodes to remove (``_frame.Removal``, which states the rule): per item its block node
# when the block holds little beside items (``MAX_BLOCK_EXTRA_CHARS``) and no headline,
# else the item, with the labels set apart; the text lengths read in one walk of a block.
_REMOVAL = Removal(
    max_extra_chars=tt.MAX_BLOCK_EXTRA_CHARS,
    stop_tags=tt.STOP_TAGS,
    spaces=SPACES,
    text_length=tf.text_length,
)
# Dedup by target, blocks and positions numbered, the records and the nodes to remove in
# one call in C (``_frame.Assembly``, which states the rule). The records are made in C
# too (``Records``): a frozen dataclass's __init__ costs about nine times as much.
_ASSEMBLY = Assembly(
    removal=_REMOVAL,
    make=Records(Teaser).make,  # Teaser's fields in their order
    normalize=normalize_url,
    url_key=url_key,
    better=better,
    truncated=is_truncated,
)
_SCANS = Records(TeaserScan)


def _assemble(
    kept: list[_Item], page_url: str, subheadings: tuple[Node, ...], shown: tf.ShownTimes
) -> TeaserScan:
    """Dedups by target, numbers blocks and positions, collects the nodes."""
    found, nodes, chars = _ASSEMBLY.of(kept, page_url, shown.read)
    return _SCANS.make(found, nodes, chars, subheadings)
