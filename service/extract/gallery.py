"""The body of a picture gallery: its captions, when the page has no prose.

A gallery's pictures carry the story's only text in their captions, which the
body reader skips on other pages (a lead picture's caption is not the story).
When a page declared an article yields no body, its captions, read in order
without their credits, are the body, provided there are enough of them to be a
gallery (``body_tables.MIN_GALLERY_CAPTIONS``); captions inside links are a
teaser card's, not the gallery's.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from service.extract import body_tables as t
from service.extract.body_reader import is_boilerplate
from service.extract.model import Paragraph
from service.extract.text import normalize_text


def gallery_captions(root: LexborNode) -> tuple[Paragraph, ...]:
    """The captions below ``root`` as paragraphs, innermost caption elements only,
    credits cut, boilerplate and repeats left out; none when fewer than
    ``MIN_GALLERY_CAPTIONS`` remain."""
    linked = {n.mem_id for link in root.css("a") for n in link.css(t.CAPTION_SELECTOR)}
    seen: set[str] = set()
    paragraphs: list[Paragraph] = []
    for node in root.css(t.CAPTION_SELECTOR):
        if len({n.mem_id for n in node.css(t.CAPTION_SELECTOR)}) > 1:
            continue  # a caption wrapper: its inner caption is read
        if node.mem_id in linked:
            continue  # a teaser card's picture
        text = t.CAPTION_CREDIT.sub("", normalize_text(node.text(deep=True, separator=" ")))
        if text and text not in seen and not is_boilerplate(text):
            seen.add(text)
            paragraphs.append(Paragraph("p", text))
    return tuple(paragraphs) if len(paragraphs) >= t.MIN_GALLERY_CAPTIONS else ()
