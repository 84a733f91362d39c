"""Reading the winning container: its blocks, in document order, as paragraphs.

Used by ``article.py`` once the body's container is chosen. Leaf blocks are
read whole, text between blocks forms runs, captions, share bars and promos
are skipped, short boilerplate lines and link-heavy blocks are dropped, and a
heading that opens a promo block ends the element holding it. Tables in
``body_tables``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborNode

from service.extract import body_tables as t
from service.extract.model import Paragraph, ParagraphKind
from service.extract.text import normalize_text

_SKIP_QUERY = ", ".join(f'[class*="{name}" i], [id*="{name}" i]' for name, _ in t.SKIP_IN_BODY)
_BREAKS = frozenset({"br", "-comment", *t.SKIPPED_TAGS})  # end a run, read nothing
_ROW_BLOCKS = "p, div, br, table, ul, ol"
_MAX_DROP_CHARS = 200  # boilerplate patterns apply to blocks up to this long
# The drop patterns anchored at the start as one alternation (one match per
# block instead of one per pattern), the others apart.
_DROP_AT_START = re.compile(
    "^(?:"
    + "|".join(f"(?:{p.pattern[1:]})" for p, _ in t.DROP_BLOCK_PATTERNS if p.pattern[0] == "^")
    + ")",
    re.I,
)
_DROP_ANYWHERE = tuple(p for p, _ in t.DROP_BLOCK_PATTERNS if p.pattern[0] != "^")


def chars(text: str) -> int:
    """Characters of ``text`` other than whitespace (cheap: no normalization)."""
    return sum(map(len, text.split()))


def link_density(node: LexborNode, text_len: int) -> float:
    """Share of ``node``'s ``text_len`` non-space characters that sit in links."""
    if text_len == 0:
        return 1.0
    return min(1.0, _link_chars(node) / text_len)


def _is_boilerplate(text: str) -> bool:
    if len(text) > _MAX_DROP_CHARS:
        return False
    return _DROP_AT_START.match(text) is not None or any(p.search(text) for p in _DROP_ANYWHERE)


def _normalize(text: str) -> str:
    """``normalize_text``, with a fast path for printable ASCII (most body text)."""
    folded = " ".join(text.split())
    if folded.isascii() and folded.isprintable():
        return folded
    return normalize_text(text)


def _keep(text: str, link_chars: int) -> bool:
    if not text or _is_boilerplate(text):
        return False
    # ``text`` is normalized: its only whitespace is single spaces.
    density = min(1.0, link_chars / max(1, len(text) - text.count(" ")))
    if len(text) < t.SHORT_BLOCK_CHARS:
        return density <= t.SHORT_MAX_LINK_DENSITY
    return density <= t.MAX_LINK_DENSITY


def _link_chars(node: LexborNode) -> int:
    """Non-space characters of the link text in ``node`` (itself included, if a link)."""
    if all((child.tag or "-").startswith("-") for child in node.iter()):
        # Only text below (most inline elements): no selector query needed.
        return chars(node.text()) if node.tag == "a" else 0
    return sum(chars(a.text()) for a in node.css("a"))


class Reader:
    """Reads a container's blocks in document order into paragraphs.

    Leaf blocks (``p``, headings) are read whole unless a ``<br>`` splits
    them; text and inline elements between blocks form runs, ended by a block
    or a ``<br>``; wrapping blocks (list items, quotes, cells) give their kind
    to what they hold; a table row without blocks is one paragraph. Elements
    named like captions, share bars or promos are skipped, and a heading that
    opens a promo block ("Related stories") ends the element that holds it.
    """

    def __init__(self) -> None:
        self.out: list[Paragraph] = []
        self._run: list[str] = []
        self._run_links = 0
        self._skip: set[int] = set()
        self._cut = False

    def emit(self, text: str, link_chars: int, kind: ParagraphKind) -> None:
        if not text or text.isspace():
            return
        text = _normalize(text)
        if len(text) <= t.MAX_STOP_CHARS and t.STOP_BLOCK.search(text):
            # A heading opens the promo block; a line alone is a button or label.
            self._cut = kind == "h"
        elif _keep(text, link_chars):
            self.out.append(Paragraph(kind, text))

    def flush(self, kind: ParagraphKind) -> None:
        if self._run:
            self.emit("".join(self._run), self._run_links, kind)
            self._run = []
            self._run_links = 0

    def read(self, container: LexborNode) -> None:
        """Append the blocks of ``container`` to ``out``."""
        self._skip = {node.mem_id for node in container.css(_SKIP_QUERY)}
        self._skip.discard(container.mem_id)
        stack: list[tuple[Iterator[LexborNode], ParagraphKind]] = [(iter((container,)), "p")]
        while stack:
            children, kind = stack[-1]
            if self._cut:  # the rest of the promo heading's holder is the promo block
                self._cut = False
                children = iter(())
                stack[-1] = (children, kind)
            node = next(children, None)
            if node is None:
                stack.pop()
                self.flush(kind)
                continue
            tag = node.tag or ""
            if tag == "-text":
                self._run.append(node.text_content or "")
            elif tag in t.INLINE_TAGS:
                self._run.append(node.text())
                self._run_links += _link_chars(node)
            elif tag in _BREAKS or node.mem_id in self._skip:
                self.flush(kind)
            elif tag in t.LEAF_BLOCKS and node.css_first("br") is None:
                self.flush(kind)
                leaf = t.LEAF_BLOCKS[tag]
                self.emit(node.text(), _link_chars(node), kind if leaf == "p" else leaf)
            elif tag == "tr" and node.css_first(_ROW_BLOCKS) is None:
                self.flush(kind)
                cells = (_normalize(cell.text()) for cell in node.iter())
                self.emit(" ".join(c for c in cells if c), _link_chars(node), "p")
            else:
                self.flush(kind)
                inner = t.LEAF_BLOCKS.get(tag) or t.WRAPPING_BLOCKS.get(tag, kind)
                if inner == "p":
                    inner = kind
                stack.append((iter(node.iter(include_text=True)), inner))
