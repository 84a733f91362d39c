"""The body of a picture gallery: its captions, when the page has no prose.

A gallery's pictures carry the story's only text in their captions, which the
body reader skips on other pages (a lead picture's caption is not the story).
When a story's page (declared an article, or undeclared at a story's address)
yields no body, its captions, read in order
without their credits, are the body, provided there are enough of them to be a
gallery (``body_tables.MIN_GALLERY_CAPTIONS``); captions inside links are a
teaser card's, not the gallery's. A credit is cut by its words ("Photo: ...",
"(Ann Lee/AP)") or by its element's name ("<span class=credit>").
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from service.extract import body_tables as t
from service.extract.body_reader import is_boilerplate
from service.extract.model import Paragraph
from service.extract.text import normalize_text

# The elements of a caption that hold its credit, named as such.
_CREDIT_ELEMENTS = '[class*="credit" i], [class*="copyright" i]'


def gallery_captions(root: LexborNode) -> tuple[Paragraph, ...]:
    """The captions below ``root`` as paragraphs, innermost caption elements only,
    credits cut, boilerplate and repeats left out; none when fewer than
    ``MIN_GALLERY_CAPTIONS`` remain."""
    captions = root.css(t.CAPTION_SELECTOR)
    wrappers, linked = _wrappers_and_linked(root, captions)
    seen: set[str] = set()
    paragraphs: list[Paragraph] = []
    for node in captions:
        if node.mem_id in wrappers:
            continue  # a caption wrapper: its inner caption is read
        if node.mem_id in linked:
            continue  # a teaser card's picture
        text = normalize_text(node.text(deep=True, separator=" "))
        for credit in node.css(_CREDIT_ELEMENTS):  # "<span class=credit>Reuters / Ann Lee"
            text = text.replace(normalize_text(credit.text(deep=True, separator=" ")), "")
        text = t.CAPTION_CREDIT.sub("", normalize_text(text))
        if text and text not in seen and not is_boilerplate(text):
            seen.add(text)
            paragraphs.append(Paragraph("p", text))
    return tuple(paragraphs) if len(paragraphs) >= t.MIN_GALLERY_CAPTIONS else ()


def _wrappers_and_linked(root: LexborNode, captions: list[LexborNode]) -> tuple[set[int], set[int]]:
    """The captions holding another caption, and those in a link (the link itself
    among them), both below ``root``: one walk up from each caption, not a query
    per caption and per link."""
    ids = {node.mem_id for node in captions}
    top = root.mem_id
    wrappers: set[int] = set()
    linked: set[int] = set()
    for caption in captions:
        node: LexborNode | None = caption
        while node is not None:
            if node.tag == "a":
                linked.add(caption.mem_id)
            if node.mem_id == top:
                break
            node = node.parent
            if node is not None and node.mem_id in ids:
                wrappers.add(node.mem_id)
    return wrappers, linked
