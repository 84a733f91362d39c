"""Reading one teaser item's fields: headline, snippet, image, date, paid label.

Pure functions over selectolax nodes; the tables are in ``teaser_tables``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode as Node

from service.extract import teaser_tables as tt
from service.extract.text import normalize_text
from service.extract.urls import normalize_url

_Table = dict[str, str] | dict[str, tuple[str, str]]


def _compile(table: _Table) -> tuple[frozenset[str], re.Pattern[str] | None]:
    short: set[str] = set()
    long: list[str] = []
    for token in table:
        squashed = re.sub(r"[-_]", "", token)
        if len(squashed) >= 6:
            long.append(re.escape(squashed))
        else:
            short.add(squashed)
    pattern = re.compile("|".join(sorted(long, key=len, reverse=True))) if long else None
    return frozenset(short), pattern


@dataclass(frozen=True, slots=True)
class TokenMatcher:
    """Matches a node's class/id tokens against one table (rule in ``teaser_tables``)."""

    short: frozenset[str]
    long: re.Pattern[str] | None

    @classmethod
    def of(cls, table: _Table) -> TokenMatcher:
        short, long = _compile(table)
        return cls(short, long)

    def find(self, node: Node) -> str | None:
        """The first table token the node's class or id carries, or ``None``."""
        parts, squashed = node_tokens(node)
        if not squashed:
            return None
        hit = parts & self.short
        if hit:
            return min(hit)
        if self.long is not None:
            found = self.long.search(squashed)
            if found:
                return found.group(0)
        return None


_PART_SPLIT = re.compile(r"[^a-z0-9]+")
_SQUASH = re.compile(r"[-_]+")


def node_tokens(node: Node) -> tuple[frozenset[str], str]:
    """The class/id parts of ``node`` and its class names squashed (``-``/``_`` removed)."""
    attrs = node.attributes
    raw = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().strip()
    if not raw:
        return frozenset(), ""
    parts = frozenset(p for p in _PART_SPLIT.split(raw) if p)
    return parts, _SQUASH.sub("", raw)


CARD = TokenMatcher.of(tt.CARD_TOKENS)
BLOCK_LABEL = TokenMatcher.of(tt.BLOCK_LABEL_TOKENS)
EXCLUDE = TokenMatcher.of(tt.EXCLUDE_TOKENS)
MENU = TokenMatcher.of(tt.MENU_TOKENS)
FOOTER = TokenMatcher.of(tt.FOOTER_TOKENS)
SPONSORED = TokenMatcher.of(tt.SPONSORED_TOKENS)
META = TokenMatcher.of(tt.META_TOKENS)

_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "img",
        "picture",
        "svg",
        "button",
        "figcaption",
        "select",
        "input",
        "iframe",
        "video",
        "audio",
    }
)
_ARROWS = re.compile(r"\s*[\u203a\u00bb>\u2192]+\s*$")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def is_hidden(node: Node) -> bool:
    """Whether the element is hidden by attribute or inline style, or is non-rendered."""
    if node.tag in ("script", "template", "noscript", "style"):
        return True
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


def word_count(text: str) -> int:
    """Words in ``text``; CJK text counts one word per two characters."""
    cjk = len(_CJK.findall(text))
    if cjk >= tt.MIN_CJK_CHARS:
        return cjk // 2
    return len(text.split())


def _segments(node: Node, skip: Node | None, out: list[str], buf: list[str]) -> None:
    """Text of ``node`` split at block elements, skipping meta, hidden and ``skip``."""
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            buf.append(child.text_content or "")
            continue
        if tag is None or tag.startswith("-") or tag in _SKIP_TAGS or child == skip:
            continue
        if is_hidden(child) or META.find(child) is not None:
            continue
        if tag == "time":
            continue
        inline = tag in tt.INLINE_TAGS
        if not inline:
            _flush(buf, out)
        _segments(child, skip, out, buf)
        if not inline:
            _flush(buf, out)


def _flush(buf: list[str], out: list[str]) -> None:
    text = normalize_text("".join(buf))
    buf.clear()
    if text:
        out.append(text)


def text_segments(node: Node, skip: Node | None = None) -> list[str]:
    """The visible text blocks of ``node`` without its meta parts, in order."""
    out: list[str] = []
    buf: list[str] = []
    _segments(node, skip, out, buf)
    _flush(buf, out)
    return out


def clean_title(text: str) -> str:
    """A headline without rank number, "Related:" label or format kicker."""
    text = normalize_text(text)
    for pattern in (tt.RANK_PREFIX, tt.INLINE_LABEL, tt.KICKER_PREFIX, tt.RANK_PREFIX):
        stripped = pattern.sub("", text, count=1)
        if stripped:
            text = stripped
    return text.strip()


def headline_node(link: Node) -> Node:
    """The element holding a link's headline: a heading inside it, else the link."""
    inner = link.css_first("h1, h2, h3, h4, h5, h6")
    return inner if inner is not None else link


def headline_text(link: Node) -> str:
    """The link's headline text, cleaned (see ``clean_title``)."""
    return clean_title(" ".join(text_segments(headline_node(link))))


def in_heading(link: Node) -> bool:
    """Whether the link holds or sits in a heading (h1-h6, within three levels)."""
    if link.css_first("h1, h2, h3, h4, h5, h6") is not None:
        return True
    node = link.parent
    for _ in range(3):
        if node is None:
            return False
        if node.tag in tt.HEADING_TAGS:
            return True
        if node.tag not in tt.INLINE_TAGS and node.tag != "div":
            return False
        node = node.parent
    return False


def block_heading(node: Node, items: set[Node]) -> str | None:
    """The label shown for a block: a heading child's text or its aria-label."""
    for child in node.iter():
        if child in items or is_hidden(child):
            continue
        tag = child.tag
        if tag in ("h2", "h3", "h4", "h5", "h6", "header", "legend") or (
            tag in ("div", "p", "span", "strong") and _is_title_box(child)
        ):
            text = _ARROWS.sub("", normalize_text(child.text()))
            if text and len(text) <= tt.MAX_LABEL_CHARS:
                return text
    label = node.attributes.get("aria-label")
    if label and len(label) <= tt.MAX_LABEL_CHARS:
        return normalize_text(label)
    return None


def block_token_label(node: Node) -> str | None:
    """The block label its class tokens name ("most-read" -> "Most read"), or ``None``."""
    token = BLOCK_LABEL.find(node)
    if token is not None:
        for key, (name, _reason) in tt.BLOCK_LABEL_TOKENS.items():
            if _SQUASH.sub("", key) == token:
                return name
    return None


def _is_title_box(node: Node) -> bool:
    parts, _ = node_tokens(node)
    return bool(parts & {"title", "heading", "header", "hd", "head"}) and (
        node.css_first("a[href] h2, a[href] h3, a[href] h4") is None
    )


def image_url(item: Node, base: str) -> str | None:
    """The item's first image as an absolute URL (src, lazy-load attributes, srcset)."""
    for img in item.css("img, picture source"):
        attrs = img.attributes
        for name in ("src", "data-src", "data-lazy-src", "data-original", "srcset", "data-srcset"):
            value = attrs.get(name)
            if not value or value.startswith("data:"):
                continue
            if "srcset" in name:
                value = value.strip().split(",")[0].strip().split(" ")[0]
            url = normalize_url(value, base)
            if url is not None:
                return url
    return None


def date_text(item: Node) -> str | None:
    """The raw date of an item: a ``<time datetime>`` value or a date-classed element's text."""
    time = item.css_first("time")
    if time is not None:
        value = time.attributes.get("datetime") or time.text()
        if value and value.strip():
            return value.strip()
    for child in item.css("span, div, p, small"):
        parts, _ = node_tokens(child)
        if parts & {"date", "time", "timestamp", "published", "pubdate"}:
            text = normalize_text(child.text())
            if text:
                return text
    return None


def is_sponsored_label(text: str) -> bool:
    """Whether a short text is a paid-content label ("Sponsored", "Anzeige")."""
    return len(text) <= tt.MAX_LABEL_CHARS and tt.SPONSORED_LABEL.match(text) is not None


def has_paid_mark(item: Node) -> bool:
    """Whether an item carries a paid-content label or class inside it."""
    for child in item.css("span, div, p, small, strong, em, b, i, a, li"):
        if SPONSORED.find(child) is not None:
            return True
        text = child.text(deep=False).strip()
        if text and is_sponsored_label(text):
            return True
    return False
