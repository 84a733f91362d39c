"""The lead paragraph: a standfirst set between the headline and the body's container.

News layouts often put the lead (standfirst, dek, summary: a sentence or two
in larger type) in the article's header, beside the headline and the byline,
outside the element that holds the body paragraphs. ``article.find_body``
reads it first: a prose block found after the article's ``<h1>`` (on a page
without one, the element reading the page's title) and before the body's
container, within the nearest ``<article>`` or ``<main>`` around the
container (else its near ancestors, up to the one right under ``<body>``).
Pictures, captions (also those known by their place beside a picture,
``body_reader.in_caption``, or by the credit they end in), lists, headings,
linked blocks and elements named like bylines, dates, kickers, credits or
share bars are not searched; the block must read as prose (long enough, with
words, mostly letters) and pass the reader's boilerplate and link-density
filters. A heading there (``LEAD_HEADING_TAGS``) is read as the lead only when
it is a standfirst: a sentence with its end (a full stop, a question or an
exclamation mark), without links, with no prose before it after the headline and
none after it that it heads (a box's paragraphs too), on a page that declares a
description it does not repeat. A list there
whose few items are sentences without links (a capitalised run of words
without its full stop is one there) is a
summary box ("Key points") and is read first too, as list items, also when
it is a box's only list (an ``<aside>`` labelled "Key takeaways").

A lead that repeats the page's description (``<meta name=description>``,
og:description) is left out although a reader sees it: the article record
carries it already as its ``description``, and the body stays the story's
own text (the benchmark's reference bodies leave such a standfirst out on
six pages of the seven that show one). Tables in ``body_tables.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from selectolax.lexbor import LexborNode

from service.extract import body_tables as t
from service.extract._lead import LeadWalk
from service.extract._tree import ANCHORS, H1, Selectors
from service.extract._words import FOLDS_AS_ASCII
from service.extract.body_reader import Reader, ends_in_credit, in_caption, reads_as_prose
from service.extract.bold_lines import bold_alone
from service.extract.metadata_shown import title_element
from service.extract.model import Paragraph
from service.extract.text import (
    contains_any,
    is_truncated,
    literal_table,
    normalize_text,
)

_EXCLUDED_NAMES = tuple(
    name for name, _ in (*t.SKIP_IN_BODY, *t.NEGATIVE_NAMES, *t.LEAD_EXCLUDED_NAMES)
)
# On a video page, the video's description is the lead (``VIDEO_PAGE_LEAD_NAMES``).
_VIDEO_PAGE_EXCLUDED_NAMES = tuple(n for n in _EXCLUDED_NAMES if n not in t.VIDEO_PAGE_LEAD_NAMES)
# Both lists in one table, which reads an element's names once (``Literals.find``)
# and answers with bit ``_EXCLUDED`` for a name of the first list, ``_VIDEO_PAGE_EXCLUDED``
# for one of the second.
_NAMES = literal_table((_EXCLUDED_NAMES, _VIDEO_PAGE_EXCLUDED_NAMES))
_EXCLUDED, _VIDEO_PAGE_EXCLUDED = 2, 4
_EXCEPTIONS = re.compile("|".join(map(re.escape, t.NAME_EXCEPTIONS)), re.IGNORECASE)
_LISTED = {_EXCLUDED: _EXCLUDED_NAMES, _VIDEO_PAGE_EXCLUDED: _VIDEO_PAGE_EXCLUDED_NAMES}
_LISTS = frozenset({"ul", "ol"})
_LIST_ELEMENTS = Selectors(", ".join(sorted(_LISTS)))
_BLOCK_BREAKS = frozenset({"br", "-text", "-comment"})  # children that leave a block a leaf


def _scope(first: LexborNode) -> LexborNode | None:
    """The element bounding the search: the nearest ``<article>`` or ``<main>``
    holding ``first``, else its ancestor ``LEAD_NEAR_LEVELS`` up, or the one right
    under ``<body>`` when fewer levels lie between."""
    near: LexborNode | None = None
    top: LexborNode | None = None
    node = first.parent
    level = 1
    while node is not None and node.tag not in ("body", "html"):
        if node.tag in t.LEAD_SCOPE_TAGS:
            return node
        if level == t.LEAD_NEAR_LEVELS:
            near = node
        top = node
        node = node.parent
        level += 1
    return near if near is not None else top


def _skipped_holder(headline: LexborNode, container: LexborNode) -> LexborNode | None:
    """The ``<header>`` holding ``headline`` inside ``container``, if any."""
    node = headline.parent
    while node is not None and node.mem_id != container.mem_id:
        if node.tag == "header":
            return node
        node = node.parent
    return None


def _is_excluded(node: LexborNode, excluded: int) -> bool:
    return node.tag in t.LEAD_PRUNED_TAGS or _is_named_excluded(node, excluded)


def _is_named_excluded(node: LexborNode, excluded: int = _EXCLUDED) -> bool:
    """Whether the class or id of ``node`` holds a name of the list ``excluded`` (its
    bit in ``_NAMES``), in any case."""
    attrs = node.attributes
    if not attrs:
        return False
    return _names_excluded(f"{attrs.get('class') or ''} {attrs.get('id') or ''}", excluded)


def _names_excluded(names: str, excluded: int) -> bool:
    """Whether ``names`` (an element's class and id) holds a name of the list ``excluded``."""
    found = _NAMES.find(names)
    if not found & excluded:
        return False
    if _EXCEPTIONS.search(names):  # a name found inside a longer word is not that name
        names = _EXCEPTIONS.sub(" ", names)
        found = _NAMES.find(names)
        if not found & excluded:
            return False
    if found & FOLDS_AS_ASCII:  # the table's lower case is the text's
        return True
    # The table reads a dotted I, a dotless i or a long s as "i" or "s"; lowercasing does not.
    return contains_any(names.lower(), _LISTED[excluded])


def _is_leaf(node: LexborNode) -> bool:
    """Whether ``node`` holds text and inline elements only (a ``<p>``, or a
    ``<div>`` of bare text)."""
    if node.tag == "p":
        return True
    for child in node.iter(include_text=True):
        tag = child.tag or ""
        if tag not in _BLOCK_BREAKS and tag not in t.INLINE_TAGS:
            return False
    return True


def _is_key_points(node: LexborNode) -> bool:
    """Whether the list ``node`` is a summary box ("Key points"): a few items,
    each a sentence (``_is_key_point``) without links, in an element not named like a
    non-body box."""
    if _is_named_excluded(node):
        return False
    items = [child for child in node.iter() if child.tag == "li"]
    if not t.MIN_KEY_POINTS <= len(items) <= t.MAX_KEY_POINTS or ANCHORS.first(node):
        return False
    if len(_LIST_ELEMENTS.find(node, 2)) > 1:  # itself and a nested list
        return False
    return all(_is_key_point(normalize_text(item.text())) for item in items)


def _is_key_point(text: str) -> bool:
    """Whether a list item's ``text`` reads as a summary's sentence: as prose, or with
    a sentence's words and its capital but no full stop, as bullets are often written."""
    if reads_as_prose(text):
        return True
    return text.count(" ") + 1 >= t.MIN_PROSE_WORDS and not text[:1].islower()


def _boxed_key_points(box: LexborNode) -> LexborNode | None:
    """The key-points list that ``box`` (``KEY_POINTS_BOXES``) holds as its only
    list, if any."""
    if _is_named_excluded(box):
        return None
    lists = _LIST_ELEMENTS.find(box, 2)
    if len(lists) != 1 or not _is_key_points(lists[0]):
        return None
    return lists[0]


# The blocks after the headline and before the body's container (``LeadWalk.blocks``):
# prose blocks (leaves: ``_is_leaf``), the key-points lists, and the headings, which
# ``find_lead`` reads only when they are standfirsts; outside pruned elements and those
# named like non-body boxes.
_WALK = LeadWalk(
    lists=_LISTS,
    boxes=t.KEY_POINTS_BOXES,
    headings=t.LEAD_HEADING_TAGS,
    pruned=t.LEAD_PRUNED_TAGS,
    leaf=(*_BLOCK_BREAKS, *t.INLINE_TAGS),
    is_key_points=_is_key_points,
    boxed_key_points=_boxed_key_points,
    names_excluded=_names_excluded,
)


def _heads_no_text(heading: LexborNode, first: LexborNode | None, excluded: int) -> bool:
    """Whether no paragraph of prose (a text, or a leaf block, also one inside a box)
    follows ``heading`` among its next siblings up to the body's container ``first``
    (or an element holding it): a standfirst stands apart, a section's subheading
    heads its paragraphs and a box's heading the box's. A heading alone in its
    wrapper heads what follows the wrapper. Elements named like bylines, pictures
    and their captions between them are passed over."""
    holders: set[int] = set()
    up = first
    while up is not None:
        holders.add(up.mem_id)
        up = up.parent
    node = heading
    while (parent := node.parent) is not None and parent.mem_id not in holders and _alone(node):
        node = parent
    sibling = node.next
    while sibling is not None:
        if sibling.mem_id in holders:
            return True
        if sibling.tag == "-text":
            if _is_prose(normalize_text(sibling.text())):
                return False
        elif sibling.is_element_node and _holds_prose(sibling, excluded):
            return False
        sibling = sibling.next
    return True


def _alone(node: LexborNode) -> bool:
    """Whether ``node`` is the only child of its parent but for blank text."""
    parent = node.parent
    if parent is None:
        return False
    for child in parent.iter(include_text=True):
        if child.mem_id != node.mem_id and (child.tag != "-text" or child.text().strip()):
            return False
    return True


def _holds_prose(node: LexborNode, excluded: int) -> bool:
    """Whether ``node`` is, or holds, a leaf block of prose outside excluded elements
    and pictures' captions."""
    stack = [node]
    while stack:
        element = stack.pop()
        if _is_excluded(element, excluded):
            continue
        if not _is_leaf(element):
            stack.extend(element.iter())
        elif _is_prose(normalize_text(element.text())) and not in_caption(element):
            return True
    return False


def _is_standfirst_heading(
    heading: LexborNode, text: str, first: LexborNode | None, excluded: int
) -> bool:
    """Whether the heading ``heading`` (``LEAD_HEADING_TAGS``) of ``text`` reads as a
    standfirst: a sentence with its end, no link, heading no text."""
    return (
        t.STANDFIRST_HEADING_END.search(text) is not None
        and ANCHORS.first(heading) is None
        and _heads_no_text(heading, first, excluded)
    )


def _is_prose(text: str) -> bool:
    """Whether ``text`` reads as a sentence or two rather than a label or a line."""
    if len(text) < t.MIN_LEAD_CHARS:
        return False
    if text.count(" ") + 1 < t.MIN_LEAD_WORDS and text.isascii():
        return False
    letters = sum(c.isalpha() for c in text)
    return letters >= (len(text) - text.count(" ")) * t.MIN_LEAD_LETTER_SHARE


def _bold_lead(node: LexborNode, read: Sequence[Paragraph]) -> bool:
    """Whether a line set in bold alone in ``node`` is the lead, not a heading: ``node``
    is named for the lead (``LEAD_NAMES``) and its one paragraph reads as prose."""
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}" if attrs else ""
    if _LEAD_NAMED.search(names) is None or len(read) != 1:
        return False
    return _is_prose(read[0].text) and reads_as_prose(read[0].text)


_LEAD_NAMED = re.compile(rf"(?:^|[\s_-])(?:{'|'.join(t.LEAD_NAMES)})(?:$|[\s_-])", re.IGNORECASE)


def _repeats(text: str, description: str | None) -> bool:
    """Whether ``text`` is the page's ``description`` (whole, or cut short by an ellipsis)."""
    if not description:
        return False
    said = normalize_text(description).casefold()
    text = text.casefold()
    if text == said:
        return True
    if is_truncated(said):
        stem = said.rstrip(" .…[]\"'”’)»")  # noqa: RUF001 (quotes are meant)
        return len(stem) >= t.MIN_LEAD_CHARS and text.startswith(stem)
    return False


def find_lead(
    first: LexborNode,
    body: Sequence[Paragraph],
    description: str | None = None,
    video_page: bool = False,
    title: str | None = None,
) -> list[Paragraph]:
    """The lead paragraphs before ``first`` (the body's first container), in
    page order; none that ``body`` holds already, nor the page's ``description``.
    On a ``video_page`` the description set beside the player may be the lead.
    The headline is the first ``<h1>``, else the first element reading the page's
    ``title`` (an older page's bold line, "<div><b>Headline</b></div>")."""
    excluded = _VIDEO_PAGE_EXCLUDED if video_page else _EXCLUDED
    headline = H1.first(first)
    if headline is not None:
        # The container holds the headline: the lead can only be in the
        # headline's <header>, which the reader skips.
        holder = _skipped_holder(headline, first)
        blocks = _WALK.blocks(holder, None, headline, excluded) if holder is not None else []
        stop: LexborNode | None = None
    else:
        scope = _scope(first)
        if scope is None:
            return []
        headline = H1.first(scope) or title_element(scope, title, unlinked=True)
        if headline is None:
            return []
        blocks = _WALK.blocks(scope, first, headline, excluded)
        stop = first
    known = [p.text for p in body[: t.MAX_LEAD_BLOCKS + 1]]
    lead: list[Paragraph] = []
    taken = 0  # prose blocks taken; a key-points list is not counted
    prose_before = False  # a block of prose read: a heading after it is no standfirst
    for node in blocks:
        heading = node.tag in t.LEAD_HEADING_TAGS
        if heading and (prose_before or not description):
            # Prose stands between it and the headline (a subheading), or the page
            # declares no description to tell the dek apart from: a dek set as a
            # heading is most often the text a description would repeat.
            continue
        reader = Reader()
        reader.read(node)
        if node.tag in _LISTS:  # a key-points list (``_WALK``): its items, whole
            lead.extend(p for p in reader.out if not any(p.text in other for other in known))
            continue
        if bold_alone(node) is not None and not _bold_lead(node, reader.out):
            continue  # an older page's heading ("<div><b>...</b></div>"), as an <h2> is none
        for paragraph in reader.out:
            text = paragraph.text
            prose = _is_prose(text)
            if heading and not (prose and _is_standfirst_heading(node, text, stop, excluded)):
                continue
            prose_before = prose_before or prose
            if (
                taken < t.MAX_LEAD_BLOCKS
                and prose
                and not is_truncated(text)
                and not _repeats(text, description)
                and not any(text in other for other in known)
                and not in_caption(node)
                and not ends_in_credit(text)  # a caption set apart from its picture
            ):
                lead.append(Paragraph("p", text))
                taken += 1
        if taken >= t.MAX_LEAD_BLOCKS:
            break
    return lead
