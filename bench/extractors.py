"""Article-body extraction, side by side, on the scrapinghub benchmark pages.

Every system runs on the same pages in one process, is warmed up on the first
page, and is scored with the benchmark's metric (``bench.quality.score``). CPU
time (``time.process_time``) is reported as pages per CPU-second and as a ratio
to pagesplit's and to selectolax's parse alone. A system whose package is not
installed is reported as unavailable, with the reason.

Usage: ``python -m bench.extractors [--systems a,b] [--limit N] [--data DIR]``.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.quality import (
    DEFAULT_DATA,
    Page,
    load_pages,
    run_pagesplit,
    run_parse,
    run_trafilatura,
    score,
    timed,
)


def run_trafilatura_fast(page: Page) -> str:
    """trafilatura without its fallback extractors (``fast=True``)."""
    import trafilatura

    return trafilatura.extract(page.html, url=page.url, fast=True) or ""


def run_readability(page: Page) -> str:
    """readability-lxml's summary, as text (one space between text nodes)."""
    import lxml.html
    from lxml.etree import ParserError
    from readability import Document

    summary = Document(page.html, url=page.url).summary(html_partial=True)
    try:
        tree = lxml.html.fromstring(summary)
    except ParserError:  # an empty summary
        return ""
    return " ".join(t.strip() for t in tree.itertext() if t.strip())


def run_resiliparse(page: Page) -> str:
    """resiliparse's plain text in main-content mode."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return str(extract_plain_text(HTMLTree.parse(page.html), main_content=True))


def run_newspaper(page: Page) -> str:
    """newspaper4k's article text from the given HTML (no download, no image fetching)."""
    import newspaper

    config = newspaper.Config()
    config.fetch_images = False
    config.memorize_articles = False
    article = newspaper.Article(page.url, config=config)
    article.download(input_html=page.html)
    article.parse()
    return str(article.text or "")


@dataclass(frozen=True, slots=True)
class System:
    """One extraction system: how to run it and the module it needs."""

    name: str
    run: Callable[[Page], str]
    module: str


SYSTEMS = (
    System("pagesplit", run_pagesplit, "selectolax"),
    System("trafilatura", run_trafilatura, "trafilatura"),
    System("trafilatura-fast", run_trafilatura_fast, "trafilatura"),
    System("readability-lxml", run_readability, "readability"),
    System("resiliparse", run_resiliparse, "resiliparse.extract.html2text"),
    System("newspaper4k", run_newspaper, "newspaper"),
)
BY_NAME = {s.name: s for s in SYSTEMS}


@dataclass(frozen=True, slots=True)
class Row:
    """One system's scores and cost; ``unavailable`` holds the reason it could not run."""

    name: str
    f1: float = 0.0
    precision: float = 0.0
    recall: float = 0.0
    cpu_per_page: float = 0.0
    vs_pagesplit: float | None = None
    vs_parse: float | None = None
    unavailable: str | None = None
    failed: int = 0
    """Pages on which the system raised (scored as empty); ``failure`` is the first reason."""
    failure: str | None = None

    @property
    def pages_per_cpu_second(self) -> float:
        return 1.0 / self.cpu_per_page if self.cpu_per_page > 0 else 0.0


@dataclass(frozen=True, slots=True)
class Result:
    """The rows of a run, the parse-only CPU per page and the page count."""

    rows: list[Row]
    parse_cpu_per_page: float
    pages: int


def missing(system: System) -> str | None:
    """Why ``system`` cannot run here, or None when it can."""
    try:
        importlib.import_module(system.module)
    except Exception as exc:  # an import can fail in many ways; each is a reason
        return f"{type(exc).__name__}: {exc}"
    return None


class Guarded:
    """Runs a system on one page; an exception there scores as an empty body and is counted."""

    def __init__(self, run: Callable[[Page], str]) -> None:
        self._run = run
        self.failed = 0
        self.first: str | None = None

    def __call__(self, page: Page) -> str:
        try:
            return self._run(page)
        except Exception as exc:  # a failing page must not end the comparison
            self.failed += 1
            if self.first is None:
                lines = [line.strip() for line in str(exc).splitlines() if re.search(r"\w", line)]
                self.first = f"{type(exc).__name__}: {(lines or [''])[0][:120]}"
            return ""


def compare(pages: Sequence[Page], names: Sequence[str]) -> Result:
    """Score and time each named system on ``pages`` (pagesplit always runs, for the ratios)."""
    systems = [BY_NAME[n] for n in dict.fromkeys(["pagesplit", *names])]
    run_parse(pages[0])
    _, parse_cpu = timed(run_parse, pages)
    measured: list[Row] = []
    for system in systems:
        reason = missing(system)
        if reason is not None:
            measured.append(Row(system.name, unavailable=reason))
            continue
        Guarded(system.run)(pages[0])  # imports and lazy set-up stay out of the timing
        guarded = Guarded(system.run)
        outputs, cpu = timed(guarded, pages)
        s = score(outputs, pages)
        measured.append(
            Row(
                system.name,
                s.f1,
                s.precision,
                s.recall,
                cpu,
                failed=guarded.failed,
                failure=guarded.first,
            )
        )
    base = measured[0].cpu_per_page
    rows = [
        r
        if r.unavailable
        else Row(
            r.name,
            r.f1,
            r.precision,
            r.recall,
            r.cpu_per_page,
            r.cpu_per_page / base if base else None,
            r.cpu_per_page / parse_cpu if parse_cpu else None,
            failed=r.failed,
            failure=r.failure,
        )
        for r in measured
        if r.name in names or r.name == "pagesplit"
    ]
    return Result(rows, parse_cpu, len(pages))


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}x"


def markdown(result: Result) -> str:
    """The result as a markdown table."""
    lines = [
        "| system | F1 | precision | recall | pages/CPU-s | CPU ms/page | CPU vs pagesplit "
        "| CPU vs parse-only | pages failed |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in result.rows:
        if r.unavailable:
            lines.append(f"| {r.name} | unavailable: {r.unavailable} | | | | | | | |")
            continue
        lines.append(
            f"| {r.name} | {r.f1:.4f} | {r.precision:.4f} | {r.recall:.4f} "
            f"| {r.pages_per_cpu_second:.1f} | {r.cpu_per_page * 1000:.1f} "
            f"| {_ratio(r.vs_pagesplit)} | {_ratio(r.vs_parse)} "
            f"| {r.failed}{f' ({r.failure})' if r.failure else ''} |"
        )
    parse = result.parse_cpu_per_page
    lines.append(
        f"| selectolax parse only | | | | {1 / parse if parse else 0:.1f} | {parse * 1000:.2f} "
        f"| | 1.0x | |"
    )
    return "\n".join(lines)


def parse_arguments(
    doc: str | None, systems: Sequence[str], argv: Sequence[str] | None
) -> argparse.Namespace:
    """``--systems`` (a list of names checked against ``BY_NAME``), ``--limit`` and ``--data``."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0] if doc else None)
    parser.add_argument("--systems", default=",".join(systems))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    args.systems = [n.strip() for n in args.systems.split(",") if n.strip()]
    unknown = [n for n in args.systems if n not in BY_NAME]
    if unknown:
        parser.error(f"unknown systems: {', '.join(unknown)} (known: {', '.join(BY_NAME)})")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(__doc__, list(BY_NAME), argv)
    result = compare(load_pages(args.data, args.limit), args.systems)
    print(f"{result.pages} pages of {args.data}\n")
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
