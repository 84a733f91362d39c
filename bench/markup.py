"""Article-body quality on the benchmark pages with their markup hints removed.

Many sites of a large crawl give their elements generated class names or none,
and no structured data. This scores the extractors, with the benchmark's
metric, on the original pages and on three rewrites of them:

- ``classes``: every ``class``, ``id``, ``role``, ``data-*`` and ``aria-*``
  attribute removed;
- ``bare``: that, and JSON-LD, ``<meta>`` and microdata removed, and the
  sectioning elements (``article main header footer nav aside section figure
  figcaption``) renamed to ``div`` (``time`` to ``span``) in the serialized page;
- ``plain``: the bare page written as older sites write theirs, without
  paragraph and heading elements: each ``<p>`` unwrapped with ``<br><br>``
  after its text, each ``<h1>`` to ``<h6>`` set as ``<div><b>``.

A system's drop from the original pages shows how much it leans on the names a
site happens to give its markup rather than on the text and its structure.
Teasers have no reference here; pagesplit's teasers on each rewrite are
compared with its own on the original pages, by target URL (``teaser_drift``):
kept, lost, and extra (mostly menu entries no longer named as a menu).

Usage: ``python -m bench.markup [--systems a,b] [--limit N] [--data DIR]``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace

from selectolax.lexbor import LexborHTMLParser

from bench.extractors import BY_NAME, Guarded, missing, parse_arguments
from bench.quality import UTF8_HEADERS, Page, load_pages, score
from service.extract.model import RefusedPage
from service.extract.split import split

LEVELS = ("original", "classes", "bare", "plain")
DEFAULT_SYSTEMS = ("pagesplit", "trafilatura", "readability-lxml")
_NAMING = ("class", "id", "role")
_NAMING_PREFIXES = ("data-", "aria-")
_MICRODATA = ("itemprop", "itemscope", "itemtype", "itemid", "itemref")
_SECTIONING = re.compile(
    r"<(/?)(article|main|header|footer|nav|aside|section|figure|figcaption|time)(?=[\s/>])",
    re.IGNORECASE,
)
_PARAGRAPH_OPEN = re.compile(r"<p(?=[\s>])[^>]*>", re.IGNORECASE)
_PARAGRAPH_CLOSE = re.compile(r"</p\s*>", re.IGNORECASE)
_HEADING_OPEN = re.compile(r"<h[1-6](?=[\s>])[^>]*>", re.IGNORECASE)
_HEADING_CLOSE = re.compile(r"</h[1-6]\s*>", re.IGNORECASE)


def strip_hints(html: str, level: str) -> str:
    """``html`` rewritten without the hints of ``level`` (one of ``LEVELS``)."""
    if level == "original":
        return html
    if level == "plain":
        html = strip_hints(html, "bare")
        html = _HEADING_CLOSE.sub("</b></div>", _HEADING_OPEN.sub("<div><b>", html))
        return _PARAGRAPH_CLOSE.sub("<br><br>", _PARAGRAPH_OPEN.sub("", html))
    tree = LexborHTMLParser(html)
    if level == "bare":
        for node in tree.css('script[type="application/ld+json"], meta'):
            node.decompose()
    dropped = _NAMING + (_MICRODATA if level == "bare" else ())
    for node in tree.root.traverse() if tree.root is not None else ():
        names = [
            name for name in node.attributes if name in dropped or name.startswith(_NAMING_PREFIXES)
        ]
        for name in names:
            del node.attrs[name]
    text = tree.html or ""
    if level == "bare":
        text = _SECTIONING.sub(
            lambda m: f"<{m.group(1)}{'span' if m.group(2).lower() == 'time' else 'div'}", text
        )
    return text


def rewrite(pages: Sequence[Page], level: str) -> list[Page]:
    """``pages`` with their HTML (and its UTF-8 bytes) rewritten at ``level``."""
    if level == "original":
        return list(pages)
    rewritten = []
    for page in pages:
        html = strip_hints(page.html, level)
        rewritten.append(replace(page, html=html, raw=html.encode("utf-8")))
    return rewritten


@dataclass(frozen=True, slots=True)
class Row:
    """One system's scores on one level's pages; ``unavailable`` says why it did not run."""

    level: str
    system: str
    f1: float = 0.0
    precision: float = 0.0
    recall: float = 0.0
    failed: int = 0
    unavailable: str | None = None


def measure(pages: Sequence[Page], names: Sequence[str]) -> list[Row]:
    """Score each named system on the pages at every level."""
    rows: list[Row] = []
    for level in LEVELS:
        level_pages = rewrite(pages, level)
        for name in names:
            reason = missing(BY_NAME[name])
            if reason is not None:
                rows.append(Row(level, name, unavailable=reason))
                continue
            guarded = Guarded(BY_NAME[name].run)
            s = score([guarded(page) for page in level_pages], level_pages)
            rows.append(Row(level, name, s.f1, s.precision, s.recall, guarded.failed))
    return rows


@dataclass(frozen=True, slots=True)
class Drift:
    """pagesplit's teasers on one level's pages against its teasers on the original pages."""

    level: str
    original: int
    kept: int
    extra: int

    @property
    def lost(self) -> int:
        return self.original - self.kept


def _teaser_targets(page: Page) -> set[str]:
    try:
        result = split(page.raw, page.url, UTF8_HEADERS)
    except RefusedPage:
        return set()
    return {teaser.url for teaser in result.teasers}


def teaser_drift(pages: Sequence[Page]) -> list[Drift]:
    """For each rewrite, how many of the original pages' teasers (by target URL) it
    keeps, and how many teasers it adds."""
    originals = [_teaser_targets(page) for page in pages]
    drifts = []
    for level in LEVELS[1:]:
        rewritten = [_teaser_targets(page) for page in rewrite(pages, level)]
        kept = sum(len(a & b) for a, b in zip(originals, rewritten, strict=True))
        extra = sum(len(b - a) for a, b in zip(originals, rewritten, strict=True))
        drifts.append(Drift(level, sum(map(len, originals)), kept, extra))
    return drifts


def drift_markdown(drifts: Sequence[Drift]) -> str:
    """The teaser drifts as a markdown table."""
    lines = [
        "| pages | pagesplit teasers of the original pages | kept | lost | extra |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    lines += [f"| {d.level} | {d.original} | {d.kept} | {d.lost} | {d.extra} |" for d in drifts]
    return "\n".join(lines)


def markdown(rows: Sequence[Row]) -> str:
    """The rows as a markdown table, with each system's F1 drop from the original pages."""
    original = {r.system: r.f1 for r in rows if r.level == "original" and not r.unavailable}
    lines = [
        "| pages | system | F1 | precision | recall | F1 change | pages failed |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        if r.unavailable:
            lines.append(f"| {r.level} | {r.system} | unavailable: {r.unavailable} | | | | |")
            continue
        change = "" if r.level == "original" else f"{r.f1 - original[r.system]:+.4f}"
        lines.append(
            f"| {r.level} | {r.system} | {r.f1:.4f} | {r.precision:.4f} | {r.recall:.4f} "
            f"| {change} | {r.failed} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(__doc__, DEFAULT_SYSTEMS, argv)
    pages = load_pages(args.data, args.limit)
    print(f"{len(pages)} pages of {args.data}\n")
    print(markdown(measure(pages, args.systems)))
    print()
    print(drift_markdown(teaser_drift(pages)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
