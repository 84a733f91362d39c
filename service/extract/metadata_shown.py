"""What a page without an h1 or a declared site name shows of both.

Older layouts set the headline in bold text or a classed ``<div>`` and name the
site only in the logo's alt text and the copyright line, while the page's
title repeats that name ("Headline - The Riverside Courier"). Both lookups run
only for such pages: one walk of the tree each in C (``_markup.holding``), finding
the elements whose own text holds a word as ``:lexbor-contains`` finds them.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from service.extract._markup import holding, spaced_text
from service.extract.metadata_tables import (
    COPYRIGHT_MARKS,
    COPYRIGHT_MAX_CHARS,
    LEARNED_SITE_MAX_WORDS,
    TITLE_SEPARATORS,
)
from service.extract.metadata_title import title_key

_WORDS = re.compile(r"[^\W_]+")
_UTF8_MAX_BYTES = 4  # a character's bytes at most
_TITLE_LEVELS = 4  # "<td><font><b>Headline</b></font>": the text's holder and a few wrappers
# One walk a mark, the sign first: most lines hold it, and each walk reads the tree.
_COPYRIGHT_PROBES = tuple(mark.encode() for mark in COPYRIGHT_MARKS)
_MAX_LOGOS = 20  # the logo is among the page's first linked images


def learned_site_name(body: LexborNode | None, title: str | None) -> str | None:
    """The part at one end of ``title`` that the page shows as its site's name: the
    alt text of a linked image (the logo), or a name in a copyright line."""
    if body is None or not title:
        return None
    ends = _title_ends(title)
    if not ends:
        return None
    logos = {
        title_key(img.attributes.get("alt") or "") for img in body.css("a img[alt]")[:_MAX_LOGOS]
    }
    keys = [(end, title_key(end)) for end in ends]
    for end, key in keys:
        if key and key in logos:
            return end
    for probe in _COPYRIGHT_PROBES:
        lines = _copyright_keys(body, probe)
        for end, key in keys:
            if key and any(key in line for line in lines):
                return end
    return None


def _title_ends(title: str) -> list[str]:
    """The short parts at the end and at the start of ``title`` cut at a separator,
    the end first ("Headline - Site" is the more common form)."""
    ends: list[str] = []
    for sep in TITLE_SEPARATORS:
        if sep not in title:
            continue
        parts = title.split(sep)
        # "Site: Headline": the part after a colon is the headline's, never the site's.
        for end in (parts[-1], parts[0]) if sep != ": " else (parts[0],):
            end = end.strip()
            if end and len(end.split()) <= LEARNED_SITE_MAX_WORDS and end not in ends:
                ends.append(end)
    return ends


def _copyright_keys(body: LexborNode, probe: bytes) -> list[str]:
    """The ``title_key`` of each short line holding a copyright mark, whole (the name
    may be a link after the mark: "© 2004 <a>The Courier</a>")."""
    keys: list[str] = []
    for node in holding(body, probe):
        text = node.text(deep=True, separator=" ")
        if len(text) <= COPYRIGHT_MAX_CHARS:
            keys.append(title_key(text))
    return keys


def title_element(
    body: LexborNode | None, title: str | None, unlinked: bool = False
) -> LexborNode | None:
    """The first element whose text is ``title`` (compared by ``title_key``): the
    story's heading on a page that sets it without an h1 ("<font size=5><b>...",
    "<div class=hl>", an h2 under the blog's name). ``unlinked``: not a link nor in
    one (a ticker's or a list's link to the story itself is no headline)."""
    if body is None or not title:
        return None
    words = _WORDS.findall(title)
    key = title_key(title)
    if not words or not key:
        return None
    probe = max(words, key=len)  # its own text holds it, however the headline is wrapped
    most = 2 * len(title) + 40  # characters: an element with more holds more than the headline
    for node in holding(body, probe.encode()):
        if unlinked and _in_link(node):
            continue
        up: LexborNode | None = node
        for _ in range(_TITLE_LEVELS):
            if up is None or up.tag in ("body", "html"):
                break
            # Read up to the bytes ``most`` characters can take, no further (``spaced_text``).
            text = spaced_text(up, _UTF8_MAX_BYTES * most)
            if text is None or len(text) > most:
                break
            if title_key(text) == key:
                return up
            up = up.parent
    return None


def _in_link(node: LexborNode) -> bool:
    """Whether ``node`` is a link or inside one."""
    up: LexborNode | None = node
    while up is not None:
        if up.tag == "a":
            return True
        up = up.parent
    return False
