"""How ``split()``'s CPU grows on pages built to be costly: twice the input should
cost about twice the time.

Each construct is a page the project writes (a paragraph of thousands of headline
links, a row of thousands of pictures, a list of links, a deep wrapper around many
paragraphs, formatting elements the parser reopens in every paragraph, end tags the
parser ignores), split at ``n`` and ``2n`` repetitions; the CPU of each is the best of
three runs (``time.process_time``). A ratio near 2 is linear growth, near 4 quadratic.
A page the element budget refuses before its parse (``budget.check_elements``: deep
nesting, as end tags the parser ignores make it) is marked so.

Usage: ``python -m bench.scaling [--scale S]``.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from service.extract.model import RefusedPage
from service.extract.split import split

URL = "https://news.example.org/world/2026/02/05/story"
_PROSE = "<p>A sentence of news prose that runs long enough to count, with a comma or two.</p>"
LINEAR = 2.6  # a ratio above this for twice the input grows faster than the input


def _link(i: int) -> str:
    return f'<a href="/news/story-{i}">Headline of story number {i} here</a>'


def _inline_links(n: int) -> str:
    return "<p>" + " ".join(_link(i) for i in range(n)) + "</p>"


def _listed_links(n: int) -> str:
    return "<ul>" + "".join(f"<li>{_link(i)}</li>" for i in range(n)) + "</ul>"


def _pictures(n: int) -> str:
    return "<div>" + '<img src="/a.jpg">' * n + "</div>" + _PROSE * 4


def _deep_paragraphs(n: int) -> str:
    paragraph = "<p>The ferry timetable runs long enough to count, with a comma or two.</p>"
    return "<title>Ferry timetable</title>" + "<div>" * 900 + paragraph * n


def _reopened_formatting(n: int) -> str:
    return "<p>" + "".join(f"<b id={i}>" for i in range(200)) + "<p>x" * n


def _ignored_end_tags(n: int) -> str:
    return "<div></x>" * n


@dataclass(frozen=True, slots=True)
class Construct:
    name: str
    build: Callable[[int], str]
    n: int  # repetitions at the first size


CONSTRUCTS = (
    Construct("headline links in one paragraph", _inline_links, 4000),
    Construct("headline links in a list", _listed_links, 4000),
    Construct("pictures in a row", _pictures, 8000),
    Construct("paragraphs naming the title under 900 wrappers", _deep_paragraphs, 4000),
    Construct("200 formatting elements reopened per paragraph", _reopened_formatting, 2000),
    Construct("end tags the parser ignores", _ignored_end_tags, 10000),
)


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    kilobytes: int  # of the larger page
    first: float  # seconds at n
    second: float  # seconds at 2n
    refused: bool  # the element budget refused the larger page before its parse

    @property
    def ratio(self) -> float:
        return self.second / self.first if self.first > 0 else float("inf")


def _cpu(page: bytes) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        with contextlib.suppress(RefusedPage):
            split(page, URL)
        best = min(best, time.process_time() - started)
    return best


def _refused(page: bytes) -> bool:
    try:
        split(page, URL)
    except RefusedPage:
        return True
    return False


def measure(scale: float = 1.0) -> list[Row]:
    rows = []
    for construct in CONSTRUCTS:
        n = max(1, int(construct.n * scale))
        small, large = (construct.build(size).encode() for size in (n, 2 * n))
        rows.append(
            Row(construct.name, len(large) // 1024, _cpu(small), _cpu(large), _refused(large))
        )
    return rows


def markdown(rows: Sequence[Row]) -> str:
    lines = [
        "| construct | KB at 2n | CPU at n (ms) | CPU at 2n (ms) | ratio | growth |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        if row.refused:
            growth = "refused by the element budget"
        else:
            growth = "linear" if row.ratio <= LINEAR else "faster than the input"
        lines.append(
            f"| {row.name} | {row.kilobytes} | {row.first * 1000:.0f} | {row.second * 1000:.0f}"
            f" | {row.ratio:.1f} | {growth} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--scale", type=float, default=1.0, help="times each construct's n")
    args = parser.parse_args(argv)
    print(markdown(measure(args.scale)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
