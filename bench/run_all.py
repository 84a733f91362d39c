"""Every benchmark, one after the other, into ``bench/results/`` (``make bench``).

Writes ``latest.md`` (the machine, package versions and one table per
benchmark) and ``throughput.png``, ``latency.png``, ``memory.png``. The Kafka
benchmarks share one broker (a local one unless ``--bootstrap`` or
``KAFKA_BOOTSTRAP_SERVERS`` names one); latency is paced at half the
workers=2 service rate just measured.

Usage: ``python -m bench.run_all [--events N] [--latency-events N] [--memory-events N]``.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bench import extractors, latency, markup, memory, report, scaling, throughput
from bench.harness import add_common_arguments, broker
from bench.quality import load_pages


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=3000, help="throughput events")
    parser.add_argument("--latency-events", type=int, default=1500)
    parser.add_argument("--memory-events", type=int, default=100_000)
    add_common_arguments(parser)
    parser.add_argument("--out", type=Path, default=report.RESULTS)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    pages = load_pages(args.data, args.limit)
    started = time.monotonic()
    load_before = report.load_average()
    timings: list[tuple[str, str]] = []

    def lap(name: str, since: float) -> None:
        timings.append((name, f"{time.monotonic() - since:.0f} s"))
        print(f"-- {name} done in {time.monotonic() - since:.0f} s", flush=True)

    t = time.monotonic()
    quality = extractors.compare(pages, [s.name for s in extractors.SYSTEMS])
    print(extractors.markdown(quality), flush=True)
    lap("extraction", t)
    t = time.monotonic()
    hints = markup.markdown(markup.measure(pages, markup.DEFAULT_SYSTEMS))
    drift = markup.drift_markdown(markup.teaser_drift(pages))
    print(hints, drift, sep="\n\n", flush=True)
    lap("markup-free pages", t)
    t = time.monotonic()
    growth = scaling.markdown(scaling.measure())
    print(growth, flush=True)
    lap("costly pages", t)
    with broker(args.bootstrap) as bootstrap:
        t = time.monotonic()
        speed = asyncio.run(throughput.measure(bootstrap, pages, args.events))
        print("\n".join(speed.lines()), flush=True)
        lap("throughput", t)
        t = time.monotonic()
        rate = speed.service[max(speed.service)] / 2
        delay = asyncio.run(
            latency.measure(bootstrap, pages, rate, args.latency_events, max(speed.service))
        )
        print("\n".join(delay.lines()), flush=True)
        lap("latency", t)
        t = time.monotonic()
        mem = memory.measure(bootstrap, pages, args.memory_events, workers=max(speed.service))
        print("\n".join(mem.lines()), flush=True)
        lap("memory", t)

    report.plot_throughput(speed, args.out / "throughput.png")
    report.plot_latency(delay, args.out / "latency.png")
    report.plot_memory(mem, args.out / "memory.png")
    memory.write_samples(mem, args.out / "memory.csv")
    total = f"{time.monotonic() - started:.0f} s"
    machine = [
        *report.machine(),
        ("load average (1, 5, 15 min) at start", load_before),
        ("load average (1, 5, 15 min) at end", report.load_average()),
    ]
    text = f"""# pagesplit benchmarks

Written by `make bench` (`python -m bench.run_all`); {len(pages)} pages of the
scrapinghub article-extraction benchmark (`../shared/bench/scrapinghub`).

## Machine

{report.pairs_table(machine, ("", ""))}

The machine is shared: the load averages show how busy it was with other work
while these numbers were taken (2 cores: a load above 2 means queued work).

## Package versions

{report.pairs_table(report.versions(), ("package", "version"))}

## Article-body extraction (`bench/extractors.py`)

The benchmark's metric (4-token shingles, per-page normalised, precision over
pages that predicted anything, recall over pages with a true body); CPU is
`time.process_time` in one process, after one warm-up page per system. A page
on which a system raises is scored as an empty body and counted under "pages
failed" (newspaper4k needs NLTK's `punkt_tab` data on some pages; it is
downloaded at run time from a host this machine cannot reach).

{extractors.markdown(quality)}

## Pages without markup hints (`bench/markup.py`)

The same pages and metric, rewritten without the names a site gives its
markup: `classes` removes every `class`, `id`, `role`, `data-*` and `aria-*`
attribute; `bare` also removes JSON-LD, `<meta>` and microdata and renames the
sectioning elements (`article`, `main`, `nav`, `aside`...) to `div`; `plain`
writes the bare page as older sites write theirs, without `<p>` (its text
followed by `<br><br>`) and without headings (`<h1>` to `<h6>` set as
`<div><b>`). The F1 change from the original pages shows how much a system
leans on those names and elements.

{hints}

Teasers have no reference on these pages; pagesplit's teasers on each rewrite
are compared with its own on the original pages by target URL (the extra ones
are mostly menu entries that no longer say they are a menu):

{drift}

## Pages built to be costly (`bench/scaling.py`)

`split()`'s CPU on constructs the project writes, at n and 2n repetitions (best of
three each): a ratio near 2 is linear growth, near 4 quadratic. End tags the parser
ignores nest each `<div>` in the one before; the element budget counts them so and
refuses the page before its parse.

{growth}

## Service throughput through Kafka (`bench/throughput.py`)

{speed.events} raw `html` events (unique URLs) published once; the service
(`service.app.serve` in-process, its splitting in worker processes) reads them
from the start in a fresh group per run; events/s from the first consumed to
the last committed. The goal is a ratio of at least {throughput.GOAL_PER_WORKER} per worker.

{report.throughput_table(speed)}

![throughput](throughput.png)

## End-to-end latency (`bench/latency.py`)

A paced publisher at half the workers={max(speed.service)} rate above, `fetched_at` set at
send time; latency is the service's own observation (`fetched_at` to records
acknowledged, `pagesplit_end_to_end_latency_seconds`), every value kept.

{report.latency_table(delay)}

![latency](latency.png)

## Memory (`bench/memory.py`)

`python -m service run` as a subprocess; RSS of it and its children (psutil,
every {memory.SAMPLE_SECONDS:.0f} s) while {min(2000, mem.events)} distinct events are published
again and again; slopes are least squares of RSS against events processed
(raw samples in `memory.csv`). The first tenth of the events is warm-up (it
holds the service's start-up); verdict: flat when the last tenth is less than
{memory.FLAT_GROWTH:.0%} above the second tenth.

{report.memory_table(mem)}

![memory](memory.png)

## Run time

{report.pairs_table([*timings, ("total", total)], ("benchmark", "wall time"))}
"""
    (args.out / "latest.md").write_text(text)
    print(f"wrote {args.out / 'latest.md'} in {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
