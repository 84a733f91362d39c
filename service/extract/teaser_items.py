"""From a page's links to candidate teaser items, and where each item sits.

A *headline link* has headline-like text (enough words, or sits in a heading),
is not a navigation word, is not inside a running sentence and does not point
to the page itself. A shorter bare link is a *short headline* when its target
reads as a story (``is_story_url``); ``teasers`` then asks its item for a story.
Its *item* is the highest ancestor that holds no other headline target, no
heading of its own and little text beside the headline.
An item's region (``regions``) says what surrounds it (menu, footer, excluded or paid parts).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborNode as Node

from service.extract import _paths
from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract import teaser_tokens as tk
from service.extract._frame import sibling_counts
from service.extract._items import (
    AD_SLOT,
    EXCLUDED,
    FOOTER,
    HEADER,
    HIDDEN,
    MARKS_SHIFT,
    MENU,
    PAID,
    PAID_LINK,
    Climbs,
    Surroundings,
)
from service.extract._links import HeadlineLinks, LinkScan, RunningText, link_target
from service.extract._paths import Paths
from service.extract._records import Records
from service.extract._text import fold
from service.extract._title import TitleTests
from service.extract._tree import LINKS, Selectors
from service.extract._words import FOLDS_AS_ASCII
from service.extract.bold_lines import BOLD_LINES, bold_alone
from service.extract.teaser_tokens import Attrs, Tokens
from service.extract.text import (
    CJK_CHAR_WEIGHT,
    SPACES,
    contains_any,
    folds_as_ascii,
    literal_table,
    normalize_text,
)


@dataclass(slots=True)
class Link:
    """A headline link: its node, target (see ``Page.target``), cleaned title, heading
    tag, and the element holding the headline (``teaser_fields.headline_node``)."""

    node: Node
    url: str
    title: str
    heading: str | None
    headline: Node
    words: int
    """The words of ``title`` (``teaser_fields.word_count``), counted once."""
    short: bool = False
    """A headline too short on its own (``MIN_SHORT_HEADLINE_WORDS`` words and up): found by
    its story URL, a teaser only when its item shows a story (``teasers``)."""
    stretched: bool = False
    """A link without visible text covering a card whose heading of plain text is the
    headline (``headline``, beside the link): the item is climbed to from the heading."""


@dataclass(slots=True)
class Page:
    """Per-page memo of tokens and ancestor flags."""

    url: str
    tokens: Tokens = field(default_factory=Tokens)
    heading_holders: set[int] = field(default_factory=set)
    """Elements with a heading at most ``HEADING_HOLDER_DEPTH`` levels below (by ``mem_id``)."""
    texts: dict[int, str | tuple[str] | None] = field(default_factory=dict)
    """The words the inline elements beside headline links give their sentences (``None``:
    none, a time, a meta label or a date alone), by node: read once (``in_running_text``);
    a text that may be a date, not yet asked (``is_date``), as a 1-tuple."""
    rows: dict[int, bool] = field(default_factory=dict)
    """Whether the parents of bare headline links and their neighbours (by ``mem_id``) are
    rows of topic links: ``_in_topic_row``."""
    menus: dict[int, tuple[int, int]] = field(default_factory=dict)
    """Links and menu labels of the elements (by ``mem_id``) judged as flat menus."""
    times: tf.ShownTimes = field(default_factory=lambda: tf.ShownTimes(None, None))
    """Reads the times items show, from the moment of fetching and the page's language."""
    origin: str = ""
    ids: frozenset[str] | None = None
    """The ids of the page's elements, read once when a link jumps within the page."""
    address: str = ""
    """The page's host and path (no scheme, no ending slash), as a share link's query
    names it; empty for a site's home page, whose address is in too many queries."""

    def __post_init__(self) -> None:
        try:
            parts = urlsplit(self.url)
        except ValueError:
            return  # no origin: root-relative links are dropped by normalize_url later
        self.origin = f"{parts.scheme}://{parts.netloc}"
        path = parts.path.rstrip("/")
        if path:
            self.address = (parts.netloc + path).lower()

    def target(self, href: str) -> str | None:
        """``href`` made absolute without its fragment, cheaply; ``None`` unless http(s).

        Only to group links; ``urls.normalize_url`` gives the final form. In C
        (``_links.link_target``): ``href`` stripped and cut at its first "#" is kept
        when it opens with "http://" or "https://" in any case, joined to the origin's
        scheme after "//" and to the origin after "/", ``None`` when empty (the page
        itself) or naming a scheme before its first "/" (mailto:, javascript:, tel:),
        else joined to the page's URL (``urljoin``; ``None`` when it refuses it: a
        malformed base or href, an unclosed IPv6 bracket).
        """
        return link_target(href, self.origin, self.url)


# What surrounds an item, as bits of its region (``regions``).
IN_HIDDEN = HIDDEN
IN_MENU = MENU | HEADER  # a menu, or the page's header
IN_FOOTER = FOOTER
IN_EXCLUDED = EXCLUDED << MARKS_SHIFT
IN_PAID = (PAID | AD_SLOT) << MARKS_SHIFT | PAID_LINK  # paid tokens, an ad slot, rel="sponsored"


def regions(found: Collection[tuple[Node, Link]], page: Page) -> list[int]:
    """Each item's surroundings, with its headline link (``IN_HIDDEN``...): its
    ancestors' flags; excluded and paid tokens count within a few levels."""
    items = [node for node, _link in found]
    links = [link.node for _node, link in found]
    return _SURROUNDINGS.regions(
        page.tokens.facts, items, links, tt.REGION_TOKEN_DEPTH, tt.AD_SLOT_DEPTH
    )


def _marks(kinds: int) -> int:
    """EXCLUDED, PAID and AD_SLOT for an element's class/id kinds. An author box is
    excluded, a block of the author's stories ("more-from-author", "author-stories")
    is not."""
    author_box = kinds & tk.AUTHOR and not kinds & (tk.LABEL | tk.AUTHOR_STORIES)
    return (
        (EXCLUDED if kinds & tk.EXCLUDE or author_box else 0)
        | (PAID if kinds & tk.SPONSORED else 0)
        | (AD_SLOT if kinds & tk.AD_SLOT else 0)
    )


def _names_story_list(attrs: Attrs) -> bool:
    """Whether a navigation landmark's ``aria-label`` names a list of stories
    ("Recent Posts"): a sidebar widget of a blog platform, not a menu."""
    label = attrs.get("aria-label")
    return label is not None and tt.STORY_LIST_LABEL.match(label) is not None


# The own flags of an element, read up its chain of ancestors below <body> in C
# (``_items.Surroundings``; each element's answer kept for the page):
_SURROUNDINGS = Surroundings(
    top_tags=("body", "html"),
    # hidden: a slider's copy of a slide (the real slide comes after it), or what
    # ``is_hidden`` says of the elements it may say it of
    hidden_tags=tf.NEVER_RENDERED,
    hidden_attributes=tf.HIDING_ATTRIBUTES,
    is_hidden=tf.is_hidden,
    clone=tk.CLONE,
    # a menu, unless its aria-label names a list of stories (a blog's sidebar widget)
    menu_tags=("nav",),
    menu_roles=("navigation", "menu", "menubar"),
    menu=tk.MENU,
    story_list_attribute="aria-label",
    names_story_list=lambda node: _names_story_list(node.attributes),
    # a page's header and footer, outside an article
    header_tags=("header",),
    header_roles=("banner",),
    footer_tags=("footer",),
    footer_roles=("contentinfo",),
    footer=tk.FOOTER,
    article_tags=("article", "main"),
    marks=bytes(map(_marks, range(tk.ALL_KINDS + 1))),
    paid_rel="sponsored",  # a link the page marks as paid
)


def _jumps_within(node: Node, href: str, url: str, page: Page) -> bool:
    """Whether ``href`` jumps to a part of this page: its path is the page's (a query
    may differ: a live page's permalink to one entry, "?page=with:block-1#block-1")
    and its fragment names an element of the page. Without a "#" it has none: the
    loop of ``headline_links`` asks only an ``href`` holding one."""
    fragment = href.partition("#")[2]
    if not fragment or url_key(url).partition("?")[0] != url_key(page.url).partition("?")[0]:
        return False
    if page.ids is None:  # read once, on the pages that have such links
        top = node
        while top.parent is not None:
            top = top.parent
        page.ids = frozenset(e.attrs.get("id") or "" for e in _WITH_ID.find(top))
    return fragment in page.ids


def in_running_text(link: Node, page: Page, chars: int = tt.RUNNING_TEXT_CHARS) -> bool:
    """Whether the link sits inside a sentence, read in C (``_RUNNING_TEXT``): the text of
    its nearest block-level ancestor, seen through the inline elements that wrap the link
    (``<p><span>Text <a>link</a> text</span></p>``), holds ``chars`` of other inline text,
    or the few words around the link make a sentence of it (``is_short_sentence``).

    Sibling links, times and meta labels at any level are not part of the sentence. An
    inline wrapper that holds other links with no words between them is a list of links
    (a hover card of stories inside a sentence), not words of one: the climb stops there.
    A line break after the link ends its sentence, unless the text goes on in lower case (a
    hard-wrapped sentence): the lines below an older listing's headline (``<b><a>...</a>
    </b><br>Snippet``) are its snippet. The lines above it still count: a paragraph that
    ends in a link on a line of its own is a call of the text. A blank line (``<br><br>``,
    the paragraph break of a page without ``<p>``) above it ends that: the text above it
    is another paragraph. A paragraph's first link followed by a new sentence, its first
    letter a capital, is a promo card set between the paragraphs of a page without
    ``<p>``, the next paragraph's text running on from it ("...<br><br><a>Also on
    example.com Headline</a>The next paragraph ..."): a sentence that opens with a link
    goes on in lower case ("<a>Ann Lee</a> said ..."). A link standing alone in its block
    (``LinkScan.alone``) or holding a block (a card's ``<div>`` of image and headline:
    ``BLOCKS_IN_LINK``) is in no sentence, whatever text follows it.
    """
    return _RUNNING_TEXT.within(link, chars, page.texts, page.tokens.facts)


def _snippet_after_separator(before: list[str], after: list[str], block: Node) -> bool:
    """Whether a dash, a colon or a bar sets a snippet apart after the link on its line
    (``SNIPPET_SEPARATOR``): an older listing's "<a>Headline</a> - The snippet ...",
    "<a>Headline</a>: The snippet ...", where a sentence would go on after the link
    without one. The link opens its line, or a lead-in of a few words ending in a label
    separator stands before it, a date or a kicker ("Nov 28: <a>Headline</a> - The
    snippet ..."), and the snippet is not in lower case. A snippet in lower case after
    a link opening its line, or one not in lower case after words before the link that
    are no such lead-in ("Filed Nov 28 by the desk <a>...</a> - The snippet"), sets a
    snippet apart only when an entry beside the link's block sets its own apart alike
    (``_entry_alike``) and no second dash closes an aside: a clause of a sentence goes on
    after a dash or a colon in lower case ("<a>The report</a> - which nobody had read -
    was ...") or after words of the sentence, in one paragraph; both together ("said
    this of <a>...</a>: it was late") are a sentence's."""
    first = next((text for text in after if text.strip()), "")
    if tt.SNIPPET_SEPARATOR.match(first.lstrip()) is None:
        return False  # most links: no separator after them
    rest = "".join(after).lstrip()
    found = tt.SNIPPET_SEPARATOR.match(rest)
    if found is None:
        return False
    cased = not rest[found.end() : found.end() + 1].islower()
    if any(text.strip() for text in before):
        if not cased:
            return False  # "said this of <a>...</a>: it was late"
        head = " ".join(before).rstrip()
        if head[-1] in tt.LABEL_SEPARATORS and len(head.split()) <= tt.MAX_LEAD_IN_WORDS:
            return True
    elif cased:
        return True
    if f" {rest[0]} " in rest[found.end() :]:
        return False  # an aside between two dashes ("<a>...</a> - which ... - was")
    return _entry_alike(block)


def _entry_alike(block: Node) -> bool:
    """Whether an element beside ``block``, of its tag, sets a snippet apart after its
    first link with a separator (``SNIPPET_SEPARATOR``), as the link asked of sets its
    own: the entries of an older listing ("<li><a>...</a> - the snippet</li>" twice and
    more)."""
    for forward in (False, True):
        sibling = block.next if forward else block.prev
        while sibling is not None and (sibling.tag or "-").startswith("-"):
            sibling = sibling.next if forward else sibling.prev  # text and comments
        if sibling is None or sibling.tag != block.tag:
            continue
        link = tf.first_tagged(sibling, ("a",))
        if link is None:
            continue
        node = link  # the link, or the inline element wrapping it on its line
        while (text := _text_after(node)) is None and node.parent is not None:
            if node.parent.mem_id == sibling.mem_id:
                break
            node = node.parent
        if text is not None and tt.SNIPPET_SEPARATOR.match(text) is not None:
            return True
    return False


def _text_after(node: Node) -> str | None:
    """The text of the first sibling after ``node`` that is no white space or comment,
    stripped at its start; ``None`` when there is none."""
    sibling = node.next
    while sibling is not None:
        tag = sibling.tag or ""
        if tag == "-text":
            text = (sibling.text_content or "").lstrip()
            if text:
                return text
        elif not tag.startswith("-"):
            return sibling.text().lstrip()
        sibling = sibling.next
    return None


# A long sentence is judged by its head first: the promo label is cut at its start only.
_SENTENCE_HEAD = 500


def _long_enough(before: list[str], after: list[str], chars: int) -> bool:
    """Whether the text around a link, ``before`` and ``after`` it in page order, holds
    ``chars`` once folded and without a promo label at its start."""
    text = " ".join(before + after) if after else " ".join(before)
    if len(text) < chars:
        return False  # the cheap test that clears most links: little beside them
    if len(text) > 2 * _SENTENCE_HEAD:  # a block of many links: fold its head alone
        head = _unlabelled(normalize_text(text[:_SENTENCE_HEAD]))
        if len(head) >= chars:
            return True
    return len(_unlabelled(normalize_text(text))) >= chars


def _unlabelled(text: str) -> str:
    """``text`` without a promo label at its start (``INLINE_LABEL``), asked of the pattern
    only when its first two characters may open one."""
    if tf.may_open_with(text, tt.INLINE_LABEL_OPENERS, tf.LABEL_LEADS):
        return tt.INLINE_LABEL.sub("", text, count=1)
    return text


def is_short_sentence(before: str, after: str, listed: bool = False) -> bool:
    """Whether the few words around a link, ``before`` and ``after`` it, make a sentence of
    it ("Read the <a>council's statement</a> here.", "Follow <a>our live coverage</a>."):
    words before it that are no promo label and end in no label separator, then the
    sentence's end right after the link, or lower-case words on both sides of it. A kicker
    or a date beside a headline has no lower-case word before it. In a list entry
    (``listed``) words before the link make no sentence: a list of promos may be written
    as sentences around their links ("Could ... <a>...</a>?"). A byline's word alone before
    it ("By <a>Ann Lee and Tom Ng</a>") makes the link an author's name.

    With nothing before it, a link that opens its block (a paragraph, a block of prose, a
    list entry) makes a sentence when lower-case words continue it to its end ("<a>Ann
    Lee</a> has been eliminated.", "<a>Ann Lee</a>, 42, of Leeds, was eliminated."); a
    snippet, a date or a source beside a headline starts with a capital, a digit or a
    dash, or ends in no full stop."""
    head = before.strip()
    if not head:
        return _continues_sentence(after.strip())
    if tt.BYLINE_WORD.fullmatch(head):
        return True  # "By <a>Ann Lee and Tom Ng</a>": a byline's author, no headline
    tail = after.strip()
    if listed or not tail or tt.INLINE_LABEL.match(head) or head[-1] in tt.LABEL_SEPARATORS:
        return False
    if tail[0] in tt.SENTENCE_END and not tail.startswith(".."):
        return True
    return _has_lower_word(head) and _has_lower_word(tail)


def _has_lower_word(text: str) -> bool:
    return any(word[0].islower() for word in text.split())


def _continues_sentence(tail: str) -> bool:
    """Whether ``tail``, the text after a link that opens its block, carries its sentence
    on to its end: the sentence's end last, and a lower-case word first with another
    after it ("by Ann Lee." has none). An aside between commas may come first ("<a>Ann
    Lee</a>, 42, of Leeds, was eliminated."): then a clause after it carries the sentence
    (", updated 3 hours ago." has none)."""
    first = tail[:1]
    if not (first.islower() or first == ","):
        return False  # most snippets, dates and sources: a capital, a digit or a dash
    if tail.rstrip(tt.CLOSING_MARKS)[-1:] not in tt.SENTENCE_END:
        return False
    if first == ",":
        return any(_carries_sentence(clause) for clause in tail.split(",")[2:])
    return _carries_sentence(tail)


def _carries_sentence(text: str) -> bool:
    """Whether ``text`` opens with a lower-case word and has another after it."""
    text = text.strip()
    if not text[:1].islower():
        return False
    return _has_lower_word(text.split(None, 1)[1] if " " in text else "")


# Headings and links in one walk in C (``_links.LinkScan``): a link's words counted up to
# MIN_HEADLINE_WORDS, the highest threshold of ``headline_links``, and the links with
# fewer than MIN_SHORT_HEADLINE_WORDS and image links left out there.
_LINK_SCAN = LinkScan(
    SPACES,
    headings=tuple(sorted(tt.HEADING_TAGS)),
    images=tt.IMAGE_TAGS,
    inline=tuple(sorted(tt.INLINE_TAGS)),
    holder_depth=tt.HEADING_HOLDER_DEPTH,
    fewest_words=tt.MIN_SHORT_HEADLINE_WORDS,
    most_words=tt.MIN_HEADLINE_WORDS,
    counted_chars=tt.MIN_CJK_CHARS,
    story_words=tt.MIN_HEADING_WORDS,
    story_path_chars=tt.MIN_STORY_PATH_CHARS,
    slug_joiners=tt.STORY_SLUG_WORDS - 1,
)
# The sentence around a link read in C (``_links.RunningText``), with the tables of
# ``in_running_text``'s rules; the judgments that need a pattern are asked here.
_RUNNING_TEXT = RunningText(
    SPACES,
    inline=tuple(sorted(tt.INLINE_TAGS)),
    blocks_in_link=tuple(sorted(tt.BLOCKS_IN_LINK)),
    unworded=("time",),  # a time beside a headline is no words of its sentence
    meta=tk.META,  # nor is a meta label (a kicker, a category)
    sentence_end="".join(sorted(tt.SENTENCE_END)),
    closing_marks=tt.CLOSING_MARKS,
    separator_starts=tt.SNIPPET_SEPARATOR_STARTS,
    is_date=tf.is_date,  # nor a date alone ("3. Februar 2026")
    long_enough=_long_enough,
    short_sentence=is_short_sentence,
    snippet_apart=_snippet_after_separator,
    max_links=tt.MAX_SENTENCE_LINKS,
)
_WITH_ID = Selectors("[id]")
_PICTURES = Selectors("img, picture")


def headline_links(root: Node, page: Page) -> list[Link]:
    """The page's headline links, in page order, read in one call into C
    (``_HEADLINE_LINKS``: ``_links.HeadlineLinks``). Its rules, link by link:

    - a link of fewer than ``MIN_SHORT_HEADLINE_WORDS`` words (a text beyond ASCII
      counted by ``word_count``: CJK text by characters) is a navigation label, read no
      further; one of no text and no image is an icon link, or a stretched link that may
      head its card (``_stretched_card``, ``_stretched_bold``); most links are dropped there, in
      ``LinkScan``'s walk;
    - one of fewer than ``MIN_HEADING_WORDS`` words whose target reads as no story
      (``is_story_url``) is a short label linking to a section or service page;
    - its heading level is ``link_inside``'s ``level``, none for a bold title bar
      (``BOLD_LINE_HEADING``) linking to the site's home page (a path of slashes
      alone); in a heading it needs ``MIN_HEADING_WORDS`` words, and outside one
      fewer than ``MIN_HEADLINE_WORDS`` make a short headline, kept only when its
      target reads as a story;
    - a link of many words to a listing page (``is_listing_url``) is a tag chip or an
      author link ("The housing market crisis");
    - a link outside a heading marked up as a label (its own class tokens a kicker's,
      a section's, a category's or a topic chip's: ``META_TOKENS``) whose target reads
      as no story is a card's kicker or a trending row's chip ("White House news
      today");
    - the link in the page's only ``<h1>`` is the article's own headline, whatever URL
      it links to, unless it heads a story card (``_heads_story_card``);
    - its target (``Page.target``) must be an http(s) page other than this one; a jump
      to a part of the page (``_jumps_within``, asked only of an ``href`` holding a
      "#") and a share button (``_shares_page``, of one holding a "?") are none;
    - a link in a sentence (``in_running_text``), or a short headline with text beside
      it (``_has_text_beside``), is none: asked before the costlier title;
    - its title (``headline_title`` of its ``headline_node``) needs as many words as
      above; a title left short by a rank or a kicker is a short headline when it
      stands alone and its target reads as a story; a title ``rejects_title`` rejects
      (a navigation label, a call to action, a price, an embedded post) is none.
    """
    return _HEADLINE_LINKS.find(root, page)


# Links made in C, as ``Link(...)`` makes them (its fields in their order).
_LINKS = Records(Link)


def _shares_page(href: str, url: str, page: Page) -> bool:
    """Whether a link to another site (``url``) holds the page's own address in its
    query: a share button's ("sharer.php?u=https%3A%2F%2F...", "intent/post?url=..."),
    whatever its words ("Share this on ...") and its markup; it promotes no other
    story. A link of the site's own may name the page as its referrer and is left alone.
    Without a "?" it has no query: ``headline_links`` asks only an ``href`` holding one."""
    query = href.partition("?")[2]
    if not page.address or len(query) < len(page.address) or url.startswith(page.origin + "/"):
        return False
    return page.address in (unquote(query) if "%" in query else query).lower()


def _stretched_card(node: Node, card: Node, page: Page) -> Link | None:
    """A link without visible text or image that covers a card (a "stretched link", its
    words only in ``aria-label``, ``title`` or a screen-reader span), as the headline of
    the card's one heading when that heading holds no link and reads as a headline. The
    card is the first element up to ``STRETCHED_LINK_DEPTH`` levels above the link that
    holds a heading (``Page.heading_holders``), none of ``STOP_TAGS`` climbed to: found
    in C (``_links.HeadlineLinks``). Its target must read as a story, or its label repeat
    the heading: an icon link beside a heading is no card's."""
    headings = tf.SUBHEADINGS.find(card, 2)  # the card's one heading, or a second after it
    if len(headings) != 1 or tf.holds_links(headings[0], 1):
        return None
    return _stretched_to(node, headings[0], headings[0].tag, page)


def _stretched_bold(node: Node, page: Page) -> Link | None:
    """A stretched link (``_stretched_card``) without a card holding a heading, on a page
    without subheadings (no ``<h2>`` to ``<h6>``): its card's headline is a bold line
    (``_card_bold_line``)."""
    heading = _card_bold_line(node)
    if heading is None:
        return None
    return _stretched_to(node, heading, tt.BOLD_LINE_HEADING, page)


def _card_bold_line(node: Node) -> Node | None:
    """The headline of a card without heading elements above a stretched link: its one
    bold line alone in a ``<div>`` (``BOLD_LINES``) of a heading's length, in the link's
    parent or else its grandparent; a shorter bold line beside it is a kicker or a
    label ("Next story"), and a bold line holding a link is the card's own headline."""
    card = node.parent
    for _ in range(tt.STRETCHED_LINK_DEPTH):
        if card is None or card.tag in tt.STOP_TAGS:
            return None
        found: Node | None = None
        for bold in BOLD_LINES.find(card):
            parent = bold.parent
            if parent is None or bold_alone(parent) is None:
                continue
            if bold.css_first("a[href]") is not None:
                return None
            if tf.word_count(bold.text()) >= tt.MIN_HEADING_WORDS:
                if found is not None:
                    return None
                found = bold
        if found is not None:
            return found
        card = card.parent
    return None


def _stretched_to(node: Node, heading: Node, level: str | None, page: Page) -> Link | None:
    """The stretched link ``node`` as the headline of its card's ``heading``, when the
    heading reads as a headline and the link's target or label fits it."""
    inside = tf.link_inside(heading)
    headline = tf.headline_node(heading, inside)
    title, words = tf.headline_title(headline, inside, page.tokens, heading.text())
    if words < tt.MIN_HEADING_WORDS or tt.NAV_LABEL.match(title):
        return None
    href = node.attrs.get("href") or ""
    label = node.attrs.get("aria-label") or node.attrs.get("title") or ""
    if tf.clean_title(label) != title and not is_story_url(href, title):
        return None
    url = page.target(href)
    if url is None or url_key(url) == url_key(page.url) or _jumps_within(node, href, url, page):
        return None
    return Link(node, url, title, level, headline, words, stretched=True)


def is_topic_chip(link: Link, page: Page) -> bool:
    """Whether a bare headline link is a topic chip without a chip's markup: it stands in
    a row of topic links (``_in_topic_row``) and its target does not read as a story."""
    return not is_story_url(link.url, link.title) and _in_topic_row(link.node, page)


def _in_topic_row(link: Node, page: Page) -> bool:
    """Whether the link stands in a row of topic links: an element beside it (or beside
    the wrapper it is alone in, an ``<li>``, up to ``TOPIC_ROW_DEPTH`` levels) is a link
    to a tag or topic page (``is_listing_url``), and the parent of the two holds, among
    its children and theirs, ``MIN_TOPIC_ROW_LINKS`` links or more, most of them to such
    pages: a trending bar's chips, whatever their markup. A row is judged once per page
    (``Page.rows``)."""
    node = link
    for _ in range(tt.TOPIC_ROW_DEPTH):
        parent = node.parent
        if parent is None or parent.tag in tt.STOP_TAGS:
            return False
        beside = [element_sibling(node, forward) for forward in (False, True)]
        if beside[0] is not None or beside[1] is not None:
            if not any(e is not None and _is_listing_link(e) for e in beside):
                return False
            row = page.rows.get(parent.mem_id)
            if row is None:
                row = page.rows[parent.mem_id] = _is_topic_row(_row_targets(parent))
            return row
        node = parent
    return False


def element_sibling(node: Node, forward: bool) -> Node | None:
    """The nearest element before or after ``node`` among its siblings."""
    sibling = node.next if forward else node.prev
    while sibling is not None and (sibling.tag or "-").startswith("-"):
        sibling = sibling.next if forward else sibling.prev
    return sibling


def _is_listing_link(element: Node) -> bool:
    """Whether ``element`` is a link to a listing page, or holds one as its first element."""
    if element.tag == "a":
        return is_listing_url(element.attrs.get("href") or "")
    first = element.child
    if first is not None and (first.tag or "-").startswith("-"):
        first = element_sibling(first, forward=True)
    return first is not None and first.tag == "a" and is_listing_url(first.attrs.get("href") or "")


def _is_topic_row(targets: list[str]) -> bool:
    """Whether ``MIN_TOPIC_ROW_LINKS`` targets or more are there, most of them listing
    pages; read until the answer is known."""
    if len(targets) < tt.MIN_TOPIC_ROW_LINKS:
        return False
    listing = others = 0
    for target in targets:
        if is_listing_url(target):
            listing += 1
            if listing > len(targets) / 2:
                return True
        else:
            others += 1
            if others >= len(targets) / 2:
                return False
    return False


def _heads_story_card(link: Node, href: str) -> bool:
    """Whether a page's only linked ``<h1>`` heads a card promoting another story (the lead
    story of a home page) rather than the article: an image links to the same target,
    inside the link or in another link a few levels around it. An article's own headline
    has no image linking where it links."""
    if _PICTURES.first(link) is not None:
        return True
    node = link
    for _ in range(tt.HERO_IMAGE_DEPTH):
        if node.parent is None or node.parent.tag in tt.STOP_TAGS:
            break
        node = node.parent
    return any(
        (other.attrs.get("href") or "") == href and _PICTURES.first(other) is not None
        for other in LINKS.find(node)
    )


def _row_targets(node: Node) -> list[str]:
    """The targets of the links among the children of ``node`` and their children (a row
    of links, or a list of entries holding one each): two levels read, not the subtree."""
    targets = []
    for child in node.iter():
        for element in (child,) if child.tag == "a" else child.iter():
            if element.tag == "a":
                targets.append(element.attrs.get("href") or "")
    return targets


def _has_text_beside(link: Node, raw: str, page: Page) -> bool:
    """Whether a short headline has more than a rank or a count beside it in its line,
    in the link's text block or in an inline element around it: then it is a few words
    of a sentence ("<li><a>Retiring early</a> takes discipline.</li>"), not a headline."""
    if in_running_text(link, page, tt.SHORT_BESIDE_CHARS):
        return True
    node = link
    while node.parent is not None and node.parent.tag in tt.INLINE_TAGS:
        node = node.parent
    if node.mem_id == link.mem_id:
        return False
    return tf.text_length(node) - len(fold(raw)) >= tt.SHORT_BESIDE_CHARS


# A link target's tests on its path, in C (``_paths.Paths``, whose methods state each
# rule in full), with the tables and numbers of ``teaser_tables``:
PATHS = Paths(
    # a story's page: a long path with a story's slug, numeric id or date, no segment of
    # a listing or person page, and a word of the link's text among its words
    story_path_chars=tt.MIN_STORY_PATH_CHARS,
    slug_joiners=tt.STORY_SLUG_WORDS - 1,
    id_digits=tt.STORY_ID_DIGITS,
    year_centuries=tt.STORY_YEAR_CENTURIES,
    non_story_segments=tuple(tt.NON_STORY_SEGMENTS),
    echo_chars=tt.MIN_ECHO_CHARS,
    # a service page: a short path of service words and their joiners alone
    service_path_chars=tt.MAX_SERVICE_PATH_CHARS,
    service_words=tuple(tt.SERVICE_PAGE_WORDS),
    service_fillers=tuple(tt.SERVICE_PAGE_FILLERS),
)
# Whether a link's target (``href``) reads as one story's page rather than a section, tag,
# author or service page, its ``text`` echoed in its path.
is_story_url = PATHS.is_story
# Whether a link's target is a tag, topic, author or other listing page by its path: the
# segment before the last is one of ``NON_STORY_SEGMENTS`` ("/tag/housing-crisis",
# "/news/author/ann-lee") and no id or date marks a story. Such a link is a tag chip or a
# byline however many words it shows.
is_listing_url = PATHS.is_listing
# Whether a link's target shows a story's numeric id or date in its path.
has_story_id_or_date = PATHS.has_story_id_or_date
# Whether a link's target is a service page of the site by its path: every word of the
# path is one of ``SERVICE_PAGE_WORDS`` or a joiner of them, one of the first at least
# ("/cookie-policy", "/about-us", "/apps", "/mentions-legales"). Such a link is a
# notice's, a promo's or a footer's, however many words it shows.
is_service_url = PATHS.is_service
# The URL without scheme, ``www.`` and trailing slash, to compare targets.
url_key = _paths.url_key


def is_price(text: str) -> bool:
    """Whether a link text or an item's line shows a price (a shop product or a deal,
    not a story)."""
    return contains_any(text, tt.PRICE_GATE) and tt.PRICE.search(text) is not None


# The signs and codes of PRICE_GATE that the gate form keeps (``text.literal_table``;
# "EUR" found as "eur", so in any case: PRICE decides), and those with cased letters
# beyond ASCII ("zł"), which a text that folds as ASCII cannot hold.
PRICE_SIGNS = tuple(sign.lower() for sign in tt.PRICE_GATE if folds_as_ascii(sign))
_PRICE_CASED = tuple(sign for sign in tt.PRICE_GATE if not folds_as_ascii(sign))
# What every PRICE match holds besides its currency code, before a decimal digit (one
# whitespace character between them at most): a currency sign, or the comma before its
# cents ("12,50 z\u0142"); the codes open the gate in many words ("Ukraine").
_PRICE_MARKS = "$\u20ac\u00a3\u00a5,"
# A headline's three gates in one table, matched once per title: the navigation
# labels' (bit 2), the calls to action's (bit 4) and the price signs' (bit 8).
_TITLE_GATES = literal_table((tt.NAV_LABEL_GATE, tt.CALL_TO_ACTION.gate, PRICE_SIGNS))
# A headline's own tests in C (``_title.TitleTests``, whose doc states them): a
# navigation label (``NAV_LABEL``), a call to action (``CALL_TO_ACTION``), a price
# (``is_price``), or an embedded post's line ("View this post on Instagram":
# ``EMBED_LINE``) is no story's headline.
_TITLE_TESTS = TitleTests(
    find=_TITLE_GATES.find,
    nav_bit=2,
    call_bit=4,
    price_bit=8,
    folds_bit=FOLDS_AS_ASCII,
    nav=tt.NAV_LABEL.match,
    call_plain=tt.CALL_TO_ACTION.plain.search,
    call_caseless=tt.CALL_TO_ACTION.caseless.search,
    price_cased=_PRICE_CASED,
    price_marks=_PRICE_MARKS,
    price=tt.PRICE.search,
    embed_starts=tt.EMBED_LINE_STARTS,
    embed=tt.EMBED_LINE.fullmatch,
)
rejects_title = _TITLE_TESTS.rejects
# The loop of ``headline_links`` in C, with its numbers and the tests that stay in Python.
_HEADLINE_LINKS = HeadlineLinks(
    scan=_LINK_SCAN,
    running=_RUNNING_TEXT,
    paths=PATHS,
    inside=tf._INSIDE,
    title=tf._TITLE,
    tests=_TITLE_TESTS,
    records=_LINKS,
    word_count=tf.word_count,
    stretched_card=_stretched_card,
    stretched_bold=_stretched_bold,
    stretched_depth=tt.STRETCHED_LINK_DEPTH,
    stop_tags=tuple(sorted(tt.STOP_TAGS)),
    heads_story_card=_heads_story_card,
    jumps_within=_jumps_within,
    shares_page=_shares_page,
    text_beside=_has_text_beside,
    top="h1",
    bold_line=tt.BOLD_LINE_HEADING,
    meta=tk.META,
    fewest_words=tt.MIN_SHORT_HEADLINE_WORDS,
    heading_words=tt.MIN_HEADING_WORDS,
    headline_words=tt.MIN_HEADLINE_WORDS,
    running_chars=tt.RUNNING_TEXT_CHARS,
)


# The climb from a headline link to its item, in C (``_items.Climbs``, whose doc states
# it): the item is the highest ancestor that holds no other headline target, no other
# block (a heading, a list of links, prose) and little text beside the headline.
def climbs(extra_chars: int = tt.MAX_ITEM_EXTRA_CHARS) -> Climbs:
    """The climb's rules in C, an item holding ``extra_chars`` of text beyond its
    headline's at most."""
    return Climbs(
        stop_tags=tt.STOP_TAGS,
        depth=tt.MAX_ITEM_DEPTH,
        extra_chars=extra_chars,
        spaces=SPACES,
        heading_tags=tt.HEADING_TAGS,
        list_tags=("ul", "ol", "nav"),
        holds_links=tf.holds_links,
        paragraph_tags=("p",),
        is_body_paragraph=tf.is_body_paragraph,
        may_hold_body_run=tf.may_hold_body_run,
        is_body_run=tf.is_body_run,
        # the fewest bytes of a text as long as a body paragraph: each character is one
        # byte or more and counts at most CJK_CHAR_WEIGHT times
        run_bytes=-(-tt.BODY_PARAGRAPH_CHARS // CJK_CHAR_WEIGHT),
        text_chars=lambda node: len(node.text()),
        folded_over=lambda node, budget: len(fold(node.text())) > budget,
        sibling_counts=sibling_counts,
    )


_CLIMBS = climbs()


def items_of(
    links: list[Link],
    page: Page,
    shows_story: Callable[[Node, Link, int], bool] | None = None,
) -> dict[int, tuple[Node, Link]]:
    """Each item (by ``mem_id``, in page order) with its headline link (the ``better``
    one of its links): the highest ancestor of the link that is still one item (see
    module doc), kept for the page (``_items.Climbs.items``). With ``shows_story``, the
    items found again without the short links whose item does not
    ``shows_story(item, link, siblings)``."""
    return _CLIMBS.items(page.tokens.facts, links, page.heading_holders, better, shows_story)


def better(link: Link, other: Link) -> bool:
    """Whether ``link`` names a story better than ``other`` does: a headline of full length,
    then one in a heading."""
    return (not link.short, link.heading is not None) > (not other.short, other.heading is not None)
