"""Class tokens and the fields of one teaser item: headline, snippet, image, date.

Nodes are told apart by ``mem_id``: selectolax compares nodes by their
serialized HTML, which is slow and makes equal-looking nodes equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, lru_cache

from selectolax.lexbor import LexborNode as Node

from service.extract import teaser_tables as tt
from service.extract import teaser_tokens as tk
from service.extract._fields import FLUSH, KEEP, LEAD_IN, ItemText, ItemWalk
from service.extract._frame import BlockFinder, HeadingBefore, Labels
from service.extract._inside import MARKUP, Inside, InsideWalk
from service.extract._text import WordCount
from service.extract._title import TitleReader
from service.extract._tree import LINKS, Selectors
from service.extract.bold_lines import BOLD_TAGS
from service.extract.dates import day_month_date, own_calendar, parse_date, relative_date
from service.extract.metadata_tables import VISIBLE_UPDATED_WORDS
from service.extract.teaser_tokens import Attrs, Tokens
from service.extract.text import (
    ASCII_SPACES,
    CJK_CHAR,
    CJK_CHAR_WEIGHT,
    FOLDED,
    INVISIBLE,
    SPACES,
    UNSPACED_CHAR,
    UNSPACED_CHARS_PER_WORD,
    normalize_text,
    weighted_length,
)

# The ASCII characters of a text that ``normalize_text`` folds and returns as it is:
# printable, or whitespace other than the invisible characters it removes.
_PLAIN = "".join(
    char
    for char in map(chr, range(128))
    if char.isprintable()
    or (char.isspace() and not any(low <= ord(char) <= high for low, high in INVISIBLE))
)
_SEPARATORS = ":.\u00bb\u203a>|-\u2013\u2014"  # end a label or kicker
_PREFIX_STARTS = "#[\u3010"  # a rank ("#1") or a bracketed kicker ("[속보]", "【速報】")
_RANK = re.compile(r"\s*#?\d{1,3}[.)]?\s*$")
_RANK_MARKS = "#.)"  # the characters of ``_RANK`` other than digits and whitespace
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_ARROWS = re.compile(r"\s*[\u203a\u00bb>\u2192:\uff1a]+\s*$")  # arrows and colons ending a label
_ARROW_ENDS = frozenset("\u203a\u00bb>\u2192:\uff1a")  # the characters of its class
_SKIP_TAGS = frozenset(
    {"script", "style", "template", "noscript", "img", "picture", "svg", "button",
     "figcaption", "select", "input", "iframe", "video", "audio", "time"}
)  # fmt: skip
_ITEM_IMAGE_TAGS = ("img", "source", "amp-img")  # a <source> shows an image inside a <picture>
# The title inside a header box or a title box, walked in C (a query parses its selector
# at each call).
_TITLE_INSIDE = Selectors('h2, h3, h4, h5, h6, [class*="title"], [class*="heading"]')
SUBHEADINGS = Selectors(tt.SUBHEADINGS)  # a block's headings, several modules ask
_LABEL_TAGS = frozenset(
    {"h2", "h3", "h4", "h5", "h6", "header", "legend", "div", "p", "span", "strong"}
    | {"b", "dt", "caption", "tr"}  # the labels of older markup
)
_TITLE_PARTS = frozenset({"title", "heading", "header", "hd", "head"})
_DATE_PARTS = frozenset({"date", "time", "timestamp", "published", "pubdate"})
_LENGTH_PARTS = frozenset({"duration", "readtime"})  # lengths, no times: "2 min"
_LIST_LABEL_PARTS = frozenset(tt.LIST_LABEL_PARTS)
_LIST_LABEL_TAGS = frozenset({"div", "p", "span", "strong"})
_PLAIN_LABEL_TAGS = frozenset({"div", "p", "span"})  # a plain line's elements, no heading or bold


# The elements never rendered, and the attributes ``is_hidden`` reads of the others.
NEVER_RENDERED = ("script", "template", "noscript", "style")
HIDING_ATTRIBUTES = ("hidden", "aria-hidden", "style")


def is_hidden(node: Node, attrs: Attrs | None = None) -> bool:
    """Whether the element is hidden by attribute or inline style, or never rendered."""
    if node.tag in NEVER_RENDERED:
        return True
    if attrs is None:
        attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


def _char_ranges(pattern: re.Pattern[str]) -> tuple[tuple[int, int], ...]:
    """The ranges of code points of a pattern that is one class of ``\\uXXXX`` ranges."""
    found = re.fullmatch(r"\[((?:\\u[0-9a-fA-F]{4}-\\u[0-9a-fA-F]{4})+)\]", pattern.pattern)
    if found is None:
        raise ValueError(f"not a class of ranges: {pattern.pattern!r}")
    bounds = [int(code, 16) for code in re.findall(r"\\u([0-9a-fA-F]{4})", found.group(1))]
    return tuple(zip(bounds[::2], bounds[1::2], strict=True))


# Words counted in C (``_text.WordCount``): CJK text one word per two characters, the scripts
# without spaces between words (Thai...) one per ``UNSPACED_CHARS_PER_WORD`` letters.
_WORDS = WordCount(
    most_words=tt.MIN_HEADLINE_WORDS,
    counted_chars=tt.MIN_CJK_CHARS,
    most_counted_words=tt.MAX_COUNTED_WORDS,
    cjk=_char_ranges(CJK_CHAR),
    cjk_chars_per_word=2,
    unspaced=_char_ranges(UNSPACED_CHAR),
    unspaced_chars_per_word=UNSPACED_CHARS_PER_WORD,
)


def word_count(text: str) -> int:
    """Words in ``text``; CJK text counts one word per two characters, the scripts
    without spaces between words (Thai...) one per ``UNSPACED_CHARS_PER_WORD`` letters:
    with fewer than ``MIN_HEADLINE_WORDS`` words as spaces part them and ``MIN_CJK_CHARS``
    CJK characters, or fewer than ``MAX_COUNTED_WORDS`` and as many such letters."""
    return _WORDS.count(text)


def spaced_word_count(text: str) -> int:
    """Words in ``text`` as spaces part them (CJK text too), the scripts without spaces
    between words (Thai...) counted one per ``UNSPACED_CHARS_PER_WORD`` letters."""
    return _WORDS.spaced(text)


def word_openings(text: str) -> tuple[int, int, int, int]:
    """(words, those opening with a letter, those of them opening in lower case, those
    opening in upper case) of ``text``, its words as ``str.split`` parts them."""
    return _WORDS.openings(text)


def is_body_paragraph(node: Node) -> bool:
    """Whether ``node`` is a ``<p>`` as long as a paragraph of the article body, each CJK
    character counted twice: a Korean or Japanese sentence is half as many characters."""
    return node.tag == "p" and is_body_text(node.text())


def is_body_run(text: str) -> bool:
    """Whether a text node's raw ``text`` is a run as long as a body paragraph (``is_body_text``
    once its white space is folded); most text nodes are too short to be folded at all."""
    if len(text) * CJK_CHAR_WEIGHT < tt.BODY_PARAGRAPH_CHARS:
        return False
    return is_body_text(normalize_text(text))


def may_hold_body_run(node: Node) -> bool:
    """Whether ``node``'s own text nodes, all together, are long enough for one of them to
    be a run as long as a body paragraph (``is_body_run``): one native read of them, where
    most elements hold only white space between their children."""
    return len(node.text(deep=False)) * CJK_CHAR_WEIGHT >= tt.BODY_PARAGRAPH_CHARS


def is_body_text(text: str) -> bool:
    """Whether ``text`` is as long as a paragraph of the article body (``is_body_paragraph``)."""
    chars = len(text)
    if chars >= tt.BODY_PARAGRAPH_CHARS:
        return True
    if chars * CJK_CHAR_WEIGHT < tt.BODY_PARAGRAPH_CHARS:
        return False
    return weighted_length(text) >= tt.BODY_PARAGRAPH_CHARS


def _at_headline(before: str, headline: Node) -> int:
    """What the text before the headline passed over on its line is (``before``, the
    run so far): a date or a kicker set apart from the headline ends in a label
    separator ("Nov 28: <a>Headline</a> - The snippet"); words before it, a snippet
    separator after it, are a lead-in ("Filed Nov 28 by the desk <a>...</a> - The
    snippet"); other words run on, unless the headline is a heading: the words after
    it stand on a line of their own ("<span>Poll</span><h3>...</h3><span>March 12,
    2026</span>": a kicker, then a date)."""
    last = before.rstrip()
    if last[-1:] in tt.LABEL_SEPARATORS:
        return FLUSH
    if last and _separator_follows(headline):
        return LEAD_IN
    return FLUSH if headline.tag in tt.HEADING_TAGS else KEEP


def _hidden_by_style(out: ItemText, style: str) -> bool:
    """Whether an inline ``style`` hides its element; else the first image an element
    shows as its CSS background is kept (``_background_image``)."""
    if _HIDDEN_STYLE.search(style) is not None:
        return True
    if out.background is None:
        out.background = _background_image(style)
    return False


def _paid_badge(out: ItemText, badge: Node) -> None:
    """An element named as a paid label marks the item, unless empty (a style hook)."""
    if badge.text().strip():
        out.paid = True


def _is_rank(text: str) -> bool:
    """Whether an element's text is a small number alone: a rank or a count."""
    return _RANK.match(text) is not None


def _separator_follows(node: Node) -> bool:
    """Whether a snippet separator (``SNIPPET_SEPARATOR``) opens the text that follows
    the headline ``node`` on its line, after the inline elements wrapping it ("<b><a>...
    </a></b> - The ..."); an element after it is no such text."""
    for _ in range(tt.MAX_WALK_DEPTH):
        sibling = node.next
        while sibling is not None and (sibling.tag or "-").startswith("-"):
            if sibling.tag == "-text" and (text := (sibling.text_content or "").lstrip()):
                return tt.SNIPPET_SEPARATOR.match(text) is not None
            sibling = sibling.next  # white space and comments
        if sibling is not None:
            return False
        parent = node.parent
        if parent is None or parent.tag not in tt.INLINE_TAGS:
            return False
        node = parent
    return False


def _media(node: Node, out: ItemText) -> None:
    """Records the first ``<time>`` of an item."""
    if out.date is None:
        out.date = (node.attributes.get("datetime") or node.text()).strip() or None


# An image's source attributes, lazy-load ones first: when present, ``src`` holds a
# placeholder. A value that is a data URL or a template's ("{{image}}") shows none.
_IMAGE_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "data-srcset", "src", "srcset")
_UNUSABLE_SOURCES = ("data:", "{")
_SRCSETS = tuple(name for name in _IMAGE_ATTRIBUTES if "srcset" in name)  # their first candidate


def _image_value(name: str, value: str) -> str | None:
    """The image a source attribute's ``value`` shows (a srcset's first), unless a
    placeholder (``PLACEHOLDER_IMAGE``): asked by the walk of a value beyond ASCII, an
    ASCII one read in C by the same rule (``_SRCSETS``, the pattern behind its gate)."""
    if "srcset" in name:
        value = value.strip().split(",")[0].strip().split(" ")[0]
    return value if tt.PLACEHOLDER_IMAGE.search(value) is None else None


def _background_image(style: str) -> str | None:
    """The image a ``style`` attribute sets as the element's CSS background
    (``BACKGROUND_IMAGE``), unless a data URL, a lazy loader's stand-in or a vector
    file (``VECTOR_IMAGE``: an icon or a pattern, not a card's picture)."""
    if "url(" not in style and "URL(" not in style:
        return None
    found = tt.BACKGROUND_IMAGE.search(style)
    if found is None:
        return None
    value = found.group(2).strip()
    if (
        value.startswith("data:")
        or tt.PLACEHOLDER_IMAGE.search(value) is not None
        or tt.VECTOR_IMAGE.search(value) is not None
    ):
        return None
    return value


# The ASCII characters a text may open with before a label: white space (``\s``), and
# before an inline label a mark or an opening bracket (``LABEL_OPENER``).
SPACE_LEADS = frozenset(char for char in map(chr, range(128)) if re.match(r"\s", char))
LABEL_LEADS = SPACE_LEADS | {char for char in map(chr, range(128)) if tt.LABEL_OPENER.match(char)}


_MEDIA_TAGS = _SKIP_TAGS & {"time"}  # the skipped elements ``_media`` reads
# The skipped elements that show an item's image, read by the walk (``amp-img`` is walked
# into, and found by the search after it).
_IMAGES = _SKIP_TAGS & {"img"}
_PICTURES = _SKIP_TAGS & {"picture"}
ITEM_WALK = ItemWalk(
    skip=_SKIP_TAGS,
    media_tags=_MEDIA_TAGS,
    inline=tt.INLINE_TAGS,
    max_depth=tt.MAX_WALK_DEPTH,
    plain=_PLAIN,
    spaces=ASCII_SPACES.decode("ascii"),
    rank_marks=_RANK_MARKS,
    sponsored=tk.SPONSORED,
    meta=tk.META,
    clean=normalize_text,
    headline=_at_headline,
    media=_media,
    style=_hidden_by_style,
    paid=_paid_badge,
    # A meta part's text, read in C: the item's date when named as one, a paid label
    # (``is_sponsored_label``, its gate and pattern), or a part kept for the date it may
    # show (``ItemText.meta_parts``).
    date_parts=tuple(sorted(_DATE_PARTS)),
    sponsored_pairs=tt.SPONSORED_LABEL_OPENERS,
    space_leads=SPACE_LEADS,
    max_label_chars=tt.MAX_LABEL_CHARS,
    sponsored_label=tt.SPONSORED_LABEL.match,
    rank=_is_rank,
    images=_IMAGES,
    pictures=_PICTURES,
    picture_parts=("img", "source"),
    item_images=_ITEM_IMAGE_TAGS,
    picture_only=("source",),  # a video's or an audio's source outside a <picture>
    image_attributes=_IMAGE_ATTRIBUTES,
    unusable=_UNUSABLE_SOURCES,
    first_candidate=_SRCSETS,
    placeholder_words=tt.PLACEHOLDER_IMAGE.gate,
    placeholder=tt.PLACEHOLDER_IMAGE.search,
    image=_image_value,
    background=_background_image,
)


def read_item(node: Node, skip: Node | None, tokens: Tokens, with_image: bool = True) -> ItemText:
    """Visible text blocks of ``node`` (without ``skip`` and meta parts), paid mark, date, image.

    The image is the raw source attribute, to resolve against the page URL;
    without ``with_image`` images are not looked for beyond the walk.
    """
    out = ItemText()
    ITEM_WALK.read(node, skip, out, tokens, with_image)
    return out


# What ``clean_title`` cuts from a headline's start, in this order; each begins with "^".
_TITLE_PREFIXES = (
    tt.CLOCK_PREFIX,
    tt.RANK_PREFIX,
    tt.INLINE_LABEL_PREFIX,
    tt.KICKER_PREFIX,
    tt.KICKER_BRACKETED,
    tt.RANK_PREFIX,
)


INNER_MARKUP = MARKUP  # a link holding markup (see ``link_inside``)

# A headline's title read in C (``_title``): the kicker element left out, the text of
# the headline element (``read_item``'s walk where it holds markup), cleaned and counted.
_TITLE = TitleReader(
    markup=INNER_MARKUP,
    inline=tt.INLINE_TAGS,
    spaces=SPACES,
    kicker=tt.KICKER_WORD.fullmatch,
    normalize=normalize_text,
    read=read_item,
    count=_WORDS.count,
    dated=lambda text: is_date(text),  # defined below
    separators=_SEPARATORS,
    prefix_starts=_PREFIX_STARTS,
    opener=tt.LABEL_OPENER.match,
    label_chars=tt.MAX_LABEL_CHARS,
    label_pairs=tt.TITLE_LABEL_OPENERS,
    prefixes=_TITLE_PREFIXES,
)
# A headline without rank number, "Related:" label or format kicker: normalized, then
# each of ``_TITLE_PREFIXES`` cut when its first character (a digit, ``_PREFIX_STARTS``
# or a ``LABEL_OPENER``) may open one, or its first two characters a label or a kicker
# (``TITLE_LABEL_OPENERS``) that a separator in its first ``MAX_LABEL_CHARS`` may end.
clean_title = _TITLE.clean
# ``headline_title(headline, inside, tokens, text)``: the headline of a link, its meta
# parts left out and cleaned (see ``clean_title``), and its ``word_count``, in one call
# into C. ``headline`` is the link's ``headline_node``, ``inside`` what the link holds
# (``link_inside``); ``text`` is the link's whole text, which is the headline when the
# link holds only plain text and formatting (no ``INNER_MARKUP``). A format kicker set
# apart by markup, an inline element opening the headline and holding a kicker alone
# (``KICKER_WORD``: "<strong>Exclusive</strong> Rail strike ..."), is left out when a
# headline of its own follows it: its first letter not lower-case ("<em>Watch</em> the
# moment ..." is one sentence).
headline_title = _TITLE.read


_MARKUP_TAGS = frozenset(
    {"time", "img", "svg", "script", "style", "button", "picture", "template"} | tt.HEADING_TAGS
)
# What a link holds and the heading it stands in, read in C (``_inside``).
_INSIDE = InsideWalk(
    headings=tt.HEADING_TAGS,
    markup=_MARKUP_TAGS,  # with an element of attributes or a rank alone (``_is_rank``)
    inline=tt.INLINE_TAGS,
    bold=BOLD_TAGS,
    line="div",  # a bold line alone in a <div>: a heading set as older pages set one
    spaces=SPACES,
    rank_marks=_RANK_MARKS,
    # A headline-classed element: "title" in its class but no "subtitle", "headline",
    # "heading" but no "subheading", or the newsroom's "hed" set off by a dash or an
    # underscore ("story-card__hed", "c-hed"; "hed" alone is inside too many words).
    titles=(
        ("title", "subtitle"),
        ("headline", ""),
        ("heading", "subheading"),
        ("_hed", ""),
        ("-hed", ""),
    ),
    rank=_is_rank,
    bold_line=tt.BOLD_LINE_HEADING,
    levels=3,
)


# What the elements inside a link are (see ``Inside``), in one walk, and the heading
# level the link stands at (``Inside.level``: the tag of the heading the link holds or
# sits in, within three levels; a bold line alone in its ``<div>``, the link set in it
# or holding it, is ``BOLD_LINE_HEADING``, a heading as a page without heading
# elements sets one). Read only for links whose text may be a headline: most of a
# page's links are short navigation labels and are never asked.
link_inside = _INSIDE.read


def headline_node(link: Node, inside: Inside) -> Node:
    """The element holding a link's headline: the first heading or headline-classed
    element inside it (a whole-card link holds the snippet too), else the link."""
    return inside.headline if inside.headline is not None else link


def _titled(element: Node, tokens: Tokens) -> bool:
    """Whether a class or id token of ``element`` names a title (``_TITLE_PARTS``): asked
    by ``_LABELS`` of a name with a character beyond ASCII."""
    return not _TITLE_PARTS.isdisjoint(tokens.of(element)[0])


# The text of a heading or title box, when it reads as a block label, read in C: a
# heading, an element named as a title (no heading inside a link in it: a card), or
# older markup (a list's ``<dt>``, a table's ``<caption>`` or row of ``<th>``, a bold
# line opening its block, or with ``line`` opening a line of its own: after a break or
# a block; a ``<div>`` holding a bold line alone, or a ``<font>``: a table layout's
# cell sets its label so, its links in the next ``<font>``), no link in the last three.
# A header's or a title box's label is the title inside it when it holds one; the text
# is folded, its closing arrows and colons cut (``_ARROWS``), and at most
# ``MAX_LABEL_CHARS`` long.
def _trim_arrows(text: str) -> str:
    """``text`` without the arrows and colons ending it (``_ARROWS``), searched only when
    its last character but white space is one (most texts end otherwise)."""
    return _ARROWS.sub("", text) if text.rstrip()[-1:] in _ARROW_ENDS else text


_LABELS = Labels(
    always=("h2", "h3", "h4", "h5", "h6", "header", "legend", "dt", "caption"),
    titled_tags=("div", "p", "span", "strong"),
    rows=("tr",),
    bold=("b", "strong"),
    lines=("div", "font"),
    inside=("header", "div"),
    bold_tags=BOLD_TAGS,
    inline=tt.INLINE_TAGS,
    headings=("h2", "h3", "h4"),  # a card's headline: a heading inside a link
    cells=("td", "a"),
    links=("a",),
    title_parts=_TITLE_PARTS,
    titled=_titled,
    title_inside=_TITLE_INSIDE,
    spaces=SPACES,
    normalize=normalize_text,
    trim=_trim_arrows,
    max_chars=tt.MAX_LABEL_CHARS,
)
_label_of = _LABELS.of


def _list_label(element: Node, node: Node, items: set[int], tokens: Tokens) -> str | None:
    """The text of an element named as a label before ``node``, when ``node`` holds two
    items or more: a ticker's "Breaking news" before its list, not a card's kicker.
    Asked of the elements of ``_LIST_LABEL_TAGS`` (``_HEADING_BEFORE``)."""
    if not tokens.of(element)[0] & _LIST_LABEL_PARTS:
        return None
    if first_tagged(element, ("a",)) is not None or not _holds_items(node, items, 2):
        return None
    return _LABELS.text(element)


def _plain_label(element: Node, items: set[int]) -> str | None:
    """The text of a plain line of its own (``_PLAIN_LABEL_TAGS``, neither heading nor
    bold, no link), when its words are a block label's (``BLOCK_LABEL_LINE``) and two
    items or more follow it: a script-built site's "<div class="css-f6g5h4">Read
    next</div>" above its rail of cards. The same words above one card are its kicker or
    section name, and a line showing a digit is a date's. Asked of an element whose
    subtree holds ``PLAIN_LABEL_ELEMENTS`` elements or fewer, all of those tags, and no
    comment (``_HEADING_BEFORE``)."""
    text = element.text()
    if len(text) > tt.MAX_LABEL_CHARS or tt.DIGIT.search(text):
        return None
    if tt.BLOCK_LABEL_LINE.match(text) is None:
        return None
    return _LABELS.text(element) if _items_after(element, items, 2) else None


def _items_after(element: Node, items: set[int], count: int) -> bool:
    """Whether ``count`` items or more stand in the ``LABEL_SIBLINGS`` elements after
    ``element``, or below them."""
    after = element.next
    seen = 0
    while after is not None and seen < tt.LABEL_SIBLINGS:
        if not (after.tag or "").startswith("-"):
            seen += 1
            for inner in after.traverse():
                if inner.mem_id in items:
                    count -= 1
                    if not count:
                        return True
        after = after.next
    return False


def _holds_items(node: Node, items: set[int], count: int) -> bool:
    """Whether ``node`` holds ``count`` items or more (by ``mem_id``)."""
    for inner in node.traverse():
        if inner.mem_id in items:
            count -= 1
            if count == 0:
                return True
    return False


def _is_short(node: Node) -> bool:
    """Whether the node holds no more text than a block's heading line may."""
    return len(node.text()) <= tt.MAX_LABEL_CHARS * 2 or text_length(node) <= tt.MAX_LABEL_CHARS * 2


# A heading just before an item's branch among its siblings ("<h2>Related</h2><ul>"),
# with its text, in C: it looks back over at most ``LABEL_SIBLINGS`` elements, skipping
# items and hidden elements; a sibling holding a heading (a page's ``heading_holders``)
# and short counts by that heading's text; else a list label or a plain line.
_HEADING_BEFORE = HeadingBefore(
    labels=_LABELS,
    count=tt.LABEL_SIBLINGS,
    hidden_tags=NEVER_RENDERED,
    hiding_attributes=HIDING_ATTRIBUTES,
    list_tags=_LIST_LABEL_TAGS,
    plain_tags=_PLAIN_LABEL_TAGS,
    plain_elements=tt.PLAIN_LABEL_ELEMENTS,
    is_hidden=is_hidden,
    is_short=_is_short,
    subheadings=SUBHEADINGS,
    list_label=_list_label,
    plain_label=_plain_label,
)
# ``heading_before(node, items, holders, tokens)``: the heading and its text, or None.
heading_before = _HEADING_BEFORE.of

# An item's block, its label and the label's element, found in C nearest first: a
# heading just before the item's branch (``heading_before``), the block's own label (its
# first child of ``_LABEL_TAGS`` that reads as a label and is shown, else its
# aria-label), climbing the item's ancestors below ``STOP_TAGS``; failing all, label
# class tokens (``Tokens.block_label``) of the first ``BLOCK_LABEL_DEPTH`` ancestors. A
# wrapper holding nothing but the branch below adds no level: a CMS sets a block's
# heading five wrappers above its list ("content", "view", "view-content",
# "item-list"), up to ``BLOCK_LABEL_WRAPPERS`` of them. Above ``BLOCK_LABEL_DEPTH``
# ancestors only a heading just before the branch labels the block (or a box holding
# one): the other title boxes and headers met there are a page's masthead or a story's
# card.
_BLOCKS = BlockFinder(
    before=_HEADING_BEFORE,
    labels=_LABELS,
    stop_tags=tt.STOP_TAGS,
    heading_tags=tt.HEADING_TAGS,
    label_tags=_LABEL_TAGS,
    depth=tt.BLOCK_LABEL_DEPTH,
    wrappers=tt.BLOCK_LABEL_WRAPPERS,
    max_chars=tt.MAX_LABEL_CHARS,
    subheadings=SUBHEADINGS,
    normalize=normalize_text,
)
# ``find_block(item, items, holders, tokens)``: (the block's element, its label, the
# label's element) of an item element; the item's parent and no label when none is found.
find_block = _BLOCKS.of


def names_a_length(node: Node, tokens: Tokens) -> bool:
    """Whether the element's class/id names a length, a video's or a reading time
    ("duration", "readtime"): its "2 min" is no span back."""
    return not _LENGTH_PARTS.isdisjoint(tokens.of(node)[0])


def is_sponsored_label(text: str) -> bool:
    """Whether a short text is a paid-content label ("Sponsored", "Anzeige")."""
    return (
        len(text) <= tt.MAX_LABEL_CHARS
        and may_open_with(text, tt.SPONSORED_LABEL_OPENERS, SPACE_LEADS)
        and tt.SPONSORED_LABEL.match(text) is not None
    )


def may_open_with(text: str, pairs: frozenset[str], leads: frozenset[str]) -> bool:
    """Whether ``text`` may open with a label of a pattern whose matches open with one of
    ``leads`` or with a label opening with one of ``pairs`` (``opening_pairs``): no when
    its first two characters are ASCII and open neither, a test costing a fraction of the
    caseless pattern's. A text opening otherwise may (a caseless match pairs some other
    characters with ASCII letters: the Kelvin sign with "k")."""
    head = text[:2]
    return not head.isascii() or head in pairs or head[:1] in leads


@cache
def _selectors(tags: tuple[str, ...]) -> Selectors:
    return Selectors(", ".join(tags))


def tagged(node: Node, tags: tuple[str, ...]) -> list[Node]:
    """The elements at or below ``node`` whose tag is one of ``tags``, in page order: what
    ``node.css`` of the tag names finds, found by a walk in C (a query parses its selector
    at each call, and most items, entries and labels asked hold a few elements)."""
    return _selectors(tags).find(node)


def first_tagged(node: Node, tags: tuple[str, ...]) -> Node | None:
    """The first element at or below ``node`` whose tag is one of ``tags``: what
    ``node.css_first`` of the tag names finds, walked as in ``tagged``."""
    return _selectors(tags).first(node)


def holds_links(node: Node, count: int) -> bool:
    """Whether ``count`` links with a target (``a[href]``) or more are at or below ``node``,
    walked as in ``tagged`` up to the last one needed."""
    return len(LINKS.find(node, count)) >= count


def text_length(node: Node) -> int:
    """Characters of the element's text with whitespace runs counted as one space:
    ``len(" ".join(node.text().split()))``, counted in C on its text nodes' bytes (on
    the decoded text when they are not valid UTF-8)."""
    length = FOLDED.of(node, joined=True)
    return length if length >= 0 else len(" ".join(node.text().split()))


@lru_cache(maxsize=tt.DATE_CACHE_SIZE)
def read_date(text: str, language: str | None = None) -> str | None:
    """``dates.parse_date``, remembered: a written date costs about a millisecond to
    parse, and the same date lines recur within a page and across a site's pages."""
    return parse_date(text, language)


def is_date(text: str) -> bool:
    """Whether ``text`` is a written date alone, the cheap test first."""
    return _may_be_date(text) and read_date(text) is not None


def _may_be_date(text: str) -> bool:
    """Cheap test before date parsing (which costs about a millisecond): short, with a
    year or a numeric date in it; a text without a digit, which every ``DATE_HINT``
    match holds, is not searched."""
    return (
        len(text) <= tt.MAX_DATE_CHARS
        and tt.DIGIT.search(text) is not None
        and tt.DATE_HINT.search(text) is not None
    )


def is_meta_line(text: str) -> bool:
    """Whether ``text`` may be an item's meta line of parts (``ShownTimes.time_in``):
    short, with a separator (``META_LINE_SEPARATOR``)."""
    return (
        len(text) <= tt.MAX_META_LINE_CHARS
        and tt.META_LINE_MARK.search(text) is not None
        and tt.META_LINE_SEPARATOR.search(text) is not None
    )


# The clause of a time line after its publication time that gives its update.
_UPDATE_CLAUSE = re.compile(
    r"\s*(?:[,;]|\s[-\u2013\u2014])\s*(?:(?:et|and|y|e|und)\s+)?(?:"
    + "|".join(re.escape(word) for word in VISIBLE_UPDATED_WORDS)
    + r")\b.*$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(slots=True)
class ShownTimes:
    """Reads the times items show: dates as written (in the page's ``language`` order
    when written with slashes), and with ``fetched_at`` a day and month without a year
    ("12 March": ``dates.day_month_date``) and, in the page's ``language``, a span back
    ("2 hours ago"), for at most ``MAX_SPANS_BACK`` distinct texts of a page each (a
    text new to the process costs milliseconds)."""

    fetched_at: datetime | None
    language: str | None
    spans: dict[str, str | None] = field(default_factory=dict)
    days: dict[str, str | None] = field(default_factory=dict)
    calendar: bool = field(init=False)
    """The page's language says the calendar of a year (``dates.own_calendar``)."""

    def __post_init__(self) -> None:
        self.calendar = own_calendar(self.language)

    def read(self, text: str) -> str | None:
        moment = self._written(text)
        if moment is not None or self.fetched_at is None:
            return moment
        return self._day_month(text, self.fetched_at) or self._span_back(text, self.fetched_at)

    def is_date(self, text: str) -> bool:
        """Whether ``text`` is a written date alone (``is_date``), read in the page's
        language where that says its calendar."""
        return _may_be_date(text) and self._written(text) is not None

    def _written(self, text: str) -> str | None:
        # The language orders a date with slashes and says the calendar of a Thai or
        # Persian page's years; without either the date read when the item was found is
        # the one remembered. A line of both times gives the first ("Publié le 11/03/2026
        # à 17h40, mis à jour le 12/03/2026 à 09h02").
        if "," in text or ";" in text or " \u2013" in text or " \u2014" in text or " -" in text:
            text = _UPDATE_CLAUSE.sub("", text, count=1)
        return read_date(text, self.language if self.calendar or "/" in text else None)

    def is_time_line(self, text: str) -> bool:
        """Whether a plain line of an item, not named as a date, is a time without a year:
        a day and month ("12 March", "12.03.") or a span back ("3 hours ago", "vor 2
        Stunden", "19H ago", "2 min"; a CJK "3時間前"), read from the moment of fetching.
        A number and a word alone is a span back only with the word shortened
        (``SHORT_SPAN``: "60 Minutes" is a show's name); without a digit only a line in
        the words of a span back is read ("an hour ago", "gestern": ``SPAN_BACK_WORDS``)."""
        if self.fetched_at is None or len(text) > tt.MAX_DATE_CHARS:
            return False
        if not any(char.isdigit() for char in text):
            return (
                tt.SPAN_BACK_WORDS.fullmatch(text.strip()) is not None
                and self._span_back(text, self.fetched_at) is not None
            )
        if len(text.split()) < tt.MIN_SPAN_LINE_WORDS and CJK_CHAR.search(text) is None:
            if self._day_month(text, self.fetched_at) is not None:
                return True
            text = text.strip()
            if tt.SHORT_SPAN.fullmatch(text) is None and tt.SPAN_BACK_WORDS.fullmatch(text) is None:
                return False
            return self._span_back(text, self.fetched_at) is not None
        return self.read(text) is not None

    def time_in(self, text: str, byline: bool = False) -> str | None:
        """``text``, an item's meta line (``is_meta_line``), when it is a date or a time line
        (``is_time_line``); else its date between labels of a few words parted by
        separators ("News · 12 January 2026", "By Ann Lee | 3 hours ago":
        ``META_LINE_SEPARATOR``). On a ``byline`` line the other parts may be longer ("By
        Ann Lee and Tom Ray | ...")."""
        if self.is_date(text) or self.is_time_line(text):
            return text
        return self.between_labels(text, byline)

    def between_labels(self, text: str, byline: bool = False) -> str | None:
        """The date or time line between labels on ``text``, a line of
        ``MAX_META_LINE_CHARS`` at most found no date or time line as a whole
        (``time_in``); None without a separator (``META_LINE_SEPARATOR``). After
        the date a dateline's source in lower case counts as a label, whatever its
        length ("4 May 2012 - from our reporter in Millbrook")."""
        bounds = [0]
        for separator in tt.META_LINE_SEPARATOR.finditer(text):
            bounds += separator.span()
        bounds.append(len(text))
        parts = list(zip(bounds[::2], bounds[1::2], strict=True))
        labels = [
            byline or len(text[start:end].split()) <= tt.MAX_META_LABEL_WORDS
            for start, end in parts
        ]
        # After the date, a part of any length opening in lower case is a dateline's
        # source ("4 May 2012 - from our reporter in Millbrook"), where a snippet
        # opens a sentence.
        after = [
            label or text[start : start + 1].islower()
            for label, (start, _) in zip(labels, parts, strict=True)
        ]
        # The longest run of parts first: "News | 12.03.2026 | 14:35" is a date and a time.
        for size in range(len(parts) - 1, 0, -1):
            for first in range(len(parts) - size + 1):
                last = first + size - 1
                if not all(labels[:first]) or not all(after[last + 1 :]):
                    continue
                run = text[parts[first][0] : parts[last][1]]
                if self.is_date(run) or self.is_time_line(run):
                    return run
        return None

    def _day_month(self, text: str, fetched_at: datetime) -> str | None:
        if text not in self.days and len(self.days) < tt.MAX_SPANS_BACK:
            self.days[text] = day_month_date(text, fetched_at)
        return self.days.get(text)

    def _span_back(self, text: str, fetched_at: datetime) -> str | None:
        if not self.language:
            return None
        if text not in self.spans and len(self.spans) < tt.MAX_SPANS_BACK:
            self.spans[text] = relative_date(text, self.language, fetched_at)
        return self.spans.get(text)
