"""Article-body quality on the benchmark pages with their markup hints removed.

Many sites of a large crawl give their elements generated class names or none,
and no structured data. This scores the extractors, with the benchmark's
metric, on the original pages and on two rewrites of them:

- ``classes``: every ``class``, ``id``, ``role``, ``data-*`` and ``aria-*``
  attribute removed;
- ``bare``: that, and JSON-LD, ``<meta>`` and microdata removed, and the
  sectioning elements (``article main header footer nav aside section figure
  figcaption``) renamed to ``div`` (``time`` to ``span``) in the serialized page.

A system's drop from the original pages shows how much it leans on the names a
site happens to give its markup rather than on the text and its structure.

Usage: ``python -m bench.markup [--systems a,b] [--limit N] [--data DIR]``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace

from selectolax.lexbor import LexborHTMLParser

from bench.extractors import BY_NAME, Guarded, missing, parse_arguments
from bench.quality import Page, load_pages, score

LEVELS = ("original", "classes", "bare")
DEFAULT_SYSTEMS = ("pagesplit", "trafilatura", "readability-lxml")
_NAMING = ("class", "id", "role")
_NAMING_PREFIXES = ("data-", "aria-")
_MICRODATA = ("itemprop", "itemscope", "itemtype", "itemid", "itemref")
_SECTIONING = re.compile(
    r"<(/?)(article|main|header|footer|nav|aside|section|figure|figcaption|time)(?=[\s/>])",
    re.IGNORECASE,
)


def strip_hints(html: str, level: str) -> str:
    """``html`` rewritten without the hints of ``level`` (one of ``LEVELS``)."""
    if level == "original":
        return html
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
