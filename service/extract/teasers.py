"""Teaser detection: items on a page that promote other stories.

``find_teasers`` takes the cleaned tree and the page URL and returns the
teasers in page order with the DOM nodes they occupy, so that the caller can
remove those nodes before extracting the article body. What counts as a teaser
is defined in ``/work/shared/TEASERS.md``; the token and label tables are in
``teaser_tables``, the per-item field readers in ``teaser_fields``.

The algorithm, in one pass over the page's links:

1. A *headline link* has headline-like text (enough words, or sits in a
   heading), is not a navigation word, is not inside a running sentence, and
   does not point to the page itself.
2. Its *item* is the highest ancestor that holds no other headline target,
   holds no block heading of its own, and little text beside the headline.
3. An item is a teaser when it shows structure (a heading, an image, a
   snippet, card-like class tokens, similar siblings, an inline-promo label),
   and sits outside excluded regions (share bars, tag lists, comments, shops);
   in menus and headers only story cards (heading or image) count.
4. Its *block* is the nearest ancestor with a heading, aria-label or label
   class tokens; promos among the article's paragraphs get ``inline-related``.
5. The same target twice is one teaser at its first appearance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode as Node

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract.dates import parse_date
from service.extract.model import Teaser
from service.extract.text import is_truncated, normalize_text
from service.extract.urls import normalize_url

INLINE_BLOCK = "inline-related"


@dataclass(frozen=True, slots=True)
class TeaserScan:
    """Teasers of one page and where they are.

    ``teasers`` are in page order, one per target. ``nodes`` are the outermost
    DOM nodes of every teaser item (and of blocks holding little else), none
    inside another; removing them leaves the page without teasers.
    ``text_chars`` counts the visible text characters of those nodes.
    """

    teasers: tuple[Teaser, ...]
    nodes: tuple[Node, ...]
    text_chars: int


@dataclass(slots=True)
class _Link:
    node: Node
    url: str
    title: str
    heading: bool


@dataclass(slots=True)
class _Item:
    node: Node
    link: _Link
    block_key: Node | None = None
    block: str | None = None
    snippet: str | None = None
    image: str | None = None
    published_at: str | None = None
    sponsored: bool = False
    inline: bool = False
    extra: list[_Link] = field(default_factory=list)


def _url_key(url: str) -> str:
    """The URL without scheme, ``www.`` and trailing slash, to compare targets."""
    rest = url.split("://", 1)[-1]
    if rest.startswith("www."):
        rest = rest[4:]
    return rest.rstrip("/")


def _in_running_text(link: Node) -> bool:
    """Whether the link sits inside a sentence: its text block has other inline text."""
    node = link
    while node.parent is not None and node.parent.tag in tt.INLINE_TAGS:
        node = node.parent
    block = node.parent
    if block is None:
        return False
    other: list[str] = []
    for child in block.iter(include_text=True):
        if child == node:
            continue
        if child.tag == "-text":
            other.append(child.text_content or "")
        elif child.tag in tt.INLINE_TAGS and child.tag != "time" and tf.META.find(child) is None:
            other.append(child.text())
    text = normalize_text(" ".join(other))
    text = tt.INLINE_LABEL.sub("", text, count=1)
    return len(text) >= tt.RUNNING_TEXT_CHARS


def _headline_links(root: Node, page_url: str) -> tuple[list[_Link], list[_Link]]:
    """(headline links, image-only links) of the page, in page order."""
    page_key = _url_key(page_url)
    single_h1 = len(root.css("h1")) == 1
    strong: list[_Link] = []
    images: list[_Link] = []
    for node in root.css("a[href]"):
        url = normalize_url(node.attributes.get("href") or "", page_url)
        if url is None or _url_key(url) == page_key:
            continue
        title = tf.headline_text(node)
        if not title:
            if node.css_first("img, picture") is not None:
                images.append(_Link(node, url, "", False))
            continue
        heading = tf.in_heading(node)
        if heading and single_h1 and _has_h1(node):
            continue  # the article's own headline, whatever URL it links to
        words = tf.word_count(title)
        headline_like = words >= tt.MIN_HEADLINE_WORDS or (
            heading and words >= tt.MIN_HEADING_WORDS
        )
        if not headline_like or tt.NAV_LABEL.match(title) or _in_running_text(node):
            continue
        strong.append(_Link(node, url, title, heading))
    return strong, images


def _has_h1(link: Node) -> bool:
    if link.css_first("h1") is not None:
        return True
    node = link.parent
    for _ in range(3):
        if node is None:
            return False
        if node.tag == "h1":
            return True
        node = node.parent
    return False


def _target_map(links: list[_Link]) -> dict[Node, set[str]]:
    """For every ancestor of a headline link, the distinct targets beneath it."""
    targets: dict[Node, set[str]] = {}
    for link in links:
        node: Node | None = link.node
        while node is not None:
            targets.setdefault(node, set()).add(link.url)
            node = node.parent
    return targets


def _contains(ancestor: Node, node: Node) -> bool:
    current: Node | None = node
    while current is not None:
        if current == ancestor:
            return True
        current = current.parent
    return False


def _item_node(link: _Link, targets: dict[Node, set[str]]) -> Node:
    """The highest ancestor of the link that is still one item (see module doc)."""
    node = link.node
    budget = len(normalize_text(node.text())) + tt.MAX_ITEM_EXTRA_CHARS
    while True:
        parent = node.parent
        if parent is None or parent.tag in tt.STOP_TAGS or len(targets.get(parent, ())) > 1:
            return node
        if any(not _contains(node, h) for h in parent.css("h1, h2, h3, h4, h5, h6")):
            return node  # the parent carries a heading of its own: a block, not an item
        if len(parent.text()) > budget * 2 or len(normalize_text(parent.text())) > budget:
            return node
        node = parent


@dataclass(slots=True)
class _Region:
    hidden: bool = False
    excluded: bool = False
    menu: bool = False
    footer: bool = False
    sponsored: bool = False


def _region(item: Node) -> _Region:
    """Where the item sits: hidden, excluded, menu, footer or paid regions above it."""
    region = _Region()
    depth = 0
    node: Node | None = item
    pending_header = False
    while node is not None and node.tag not in ("body", "html"):
        tag = node.tag
        attrs = node.attributes
        role = attrs.get("role") or ""
        if tf.is_hidden(node):
            region.hidden = True
        if depth <= 6 and tf.EXCLUDE.find(node) is not None:
            region.excluded = True
        if depth <= 6 and tf.SPONSORED.find(node) is not None:
            region.sponsored = True
        if tag == "nav" or role in ("navigation", "menu", "menubar") or tf.MENU.find(node):
            region.menu = True
        if tag == "header" or role == "banner":
            pending_header = True
        if tag == "footer" or role == "contentinfo" or tf.FOOTER.find(node):
            region.footer = True
        if tag in ("article", "main"):
            pending_header = False  # an article's own header or footer holds meta, not menus
            region.footer = region.footer and tag == "main"
        node = node.parent
        depth += 1
    region.menu = region.menu or pending_header
    return region


def _is_body_paragraph(node: Node) -> bool:
    return node.tag == "p" and len(node.text()) >= 80 and node.css_first("a[href]") is None


def _inline_promo(item: _Item) -> bool:
    """Whether the item stands among the article's paragraphs or carries a promo label."""
    text = normalize_text(item.node.text())
    if tt.INLINE_LABEL.match(text) and not tt.NAV_LABEL.match(text):
        return True
    parent = item.node.parent
    if parent is None:
        return False
    paragraphs = sum(1 for child in parent.iter() if _is_body_paragraph(child))
    return paragraphs >= 2


def _fill(item: _Item, page_url: str) -> None:
    """Reads the item's snippet, image, date and paid mark."""
    skip = tf.headline_node(item.link.node)
    if skip == item.link.node and tf.in_heading(item.link.node):
        parent = item.link.node.parent
        while parent is not None and parent.tag not in tt.HEADING_TAGS:
            parent = parent.parent
        skip = parent or skip
    parts = []
    for text in tf.text_segments(item.node, skip):
        if tt.NAV_LABEL.match(text) or tf.is_sponsored_label(text) or tt.BYLINE.match(text):
            continue
        if tt.INLINE_LABEL.fullmatch(text) or normalize_text(text) == item.link.title:
            continue
        parts.append(text)
    snippet = " ".join(parts)
    if tf.word_count(snippet) >= tt.MIN_SNIPPET_WORDS:
        item.snippet = snippet
    item.image = tf.image_url(item.node, page_url)
    raw_date = tf.date_text(item.node)
    if raw_date:
        item.published_at = parse_date(raw_date)
    item.sponsored = item.sponsored or tf.has_paid_mark(item.node)
    if item.link.node.attributes.get("rel") and "sponsored" in (
        item.link.node.attributes.get("rel") or ""
    ):
        item.sponsored = True


def _is_teaser(item: _Item, region: _Region, siblings: int) -> bool:
    """Whether a filled item is a teaser (rules in the module doc)."""
    if region.hidden or region.excluded:
        return False
    link = item.link
    if tt.LEGAL_LABEL.search(link.title) and tf.word_count(link.title) <= tt.MAX_LEGAL_WORDS:
        return False
    story_card = link.heading or item.image is not None
    if region.menu:
        return story_card and tf.word_count(link.title) >= tt.MIN_HEADLINE_WORDS
    card = tf.CARD.find(item.node) is not None or item.node.tag in ("li", "article")
    evidence = story_card or item.snippet is not None or card or siblings >= 2 or item.inline
    if region.footer:
        return story_card or siblings >= 2
    return evidence


def _block_of(item: _Item, items: set[Node]) -> tuple[Node | None, str | None]:
    """The item's block node and label: nearest ancestor with a heading or label."""
    chain: list[Node] = []
    node = item.node.parent
    while node is not None and node.tag not in tt.STOP_TAGS and len(chain) < tt.BLOCK_LABEL_DEPTH:
        chain.append(node)
        node = node.parent
    for node in chain:
        label = tf.block_heading(node, items)
        if label is not None:
            return node, label
    for node in chain:
        label = tf.block_token_label(node)
        if label is not None:
            return node, label
    return item.node.parent, None


def find_teasers(root: Node, page_url: str) -> TeaserScan:
    """The page's teasers in page order, with their nodes and text size.

    ``root`` is the cleaned tree's ``<html>`` node, ``page_url`` the absolute
    page URL. Links to the page itself, links inside running sentences and
    navigation links are never teasers.
    """
    strong, image_links = _headline_links(root, page_url)
    targets = _target_map(strong)
    items: dict[Node, _Item] = {}
    for link in strong:
        node = _item_node(link, targets)
        found = items.get(node)
        if found is None:
            items[node] = _Item(node, link)
        elif link.heading and not found.link.heading and link.url == found.link.url:
            found.link = link
    item_nodes = set(items)
    by_parent: dict[tuple[Node | None, str], int] = {}
    for node in items:
        key = (node.parent, node.tag or "")
        by_parent[key] = by_parent.get(key, 0) + 1
    kept: list[_Item] = []
    for node, item in items.items():
        _fill(item, page_url)
        item.inline = _inline_promo(item)
        region = _region(node)
        item.sponsored = item.sponsored or region.sponsored
        if not _is_teaser(item, region, by_parent[(node.parent, node.tag or "")]):
            continue
        if item.inline:
            item.block_key, item.block = node.parent, INLINE_BLOCK
        else:
            item.block_key, item.block = _block_of(item, item_nodes)
            if item.block is not None and tf.is_sponsored_label(item.block):
                item.sponsored = True
        kept.append(item)
    _mark_paid_blocks(kept)
    del image_links  # image-only links add nothing an item's own <img> does not give
    return _assemble(kept)


def _mark_paid_blocks(kept: list[_Item]) -> None:
    """Every item of a block whose node carries paid tokens is sponsored."""
    paid = {
        item.block_key
        for item in kept
        if item.block_key is not None
        and item.sponsored
        and item.block is not None
        and tf.is_sponsored_label(item.block)
    }
    for item in kept:
        if item.block_key in paid:
            item.sponsored = True


def _assemble(kept: list[_Item]) -> TeaserScan:
    """Dedups by target, numbers blocks and positions, collects the nodes."""
    first: dict[str, _Item] = {}
    order: list[_Item] = []
    for item in kept:
        seen = first.get(item.link.url)
        if seen is None:
            first[item.link.url] = item
            order.append(item)
            continue
        if item.link.heading and not seen.link.heading:
            seen.link = item.link
        seen.snippet = seen.snippet or item.snippet
        seen.image = seen.image or item.image
        seen.published_at = seen.published_at or item.published_at
    block_index: dict[tuple[Node | None, str | None], int] = {}
    teasers: list[Teaser] = []
    for position, item in enumerate(order):
        key = (item.block_key, item.block)
        index = block_index.setdefault(key, len(block_index))
        title = item.link.title
        teasers.append(
            Teaser(
                title=title,
                url=item.link.url,
                block=item.block,
                block_index=index,
                position=position,
                snippet=item.snippet,
                truncated=is_truncated(title)
                or (item.snippet is not None and is_truncated(item.snippet)),
                image=item.image,
                published_at=item.published_at,
                sponsored=item.sponsored,
            )
        )
    nodes = _outermost([_removal_node(item, kept) for item in kept])
    chars = sum(len(normalize_text(node.text())) for node in nodes)
    return TeaserScan(tuple(teasers), tuple(nodes), chars)


def _removal_node(item: _Item, kept: list[_Item]) -> Node:
    """The block node when it holds little beside its items, else the item node."""
    block = item.block_key
    if block is None or item.inline or block.tag in tt.STOP_TAGS or block.css_first("h1"):
        return item.node
    inside = sum(
        len(normalize_text(other.node.text())) for other in kept if other.block_key == block
    )
    total = len(normalize_text(block.text()))
    label = len(item.block or "")
    return block if total - inside - label <= tt.MAX_BLOCK_EXTRA_CHARS else item.node


def _outermost(nodes: list[Node]) -> list[Node]:
    """The nodes in first-seen order, without duplicates and without nested ones."""
    unique = list(dict.fromkeys(nodes))
    chosen = set(unique)
    result = []
    for node in unique:
        parent = node.parent
        nested = False
        while parent is not None:
            if parent in chosen:
                nested = True
                break
            parent = parent.parent
        if not nested:
            result.append(node)
    return result
