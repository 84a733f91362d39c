"""``split()``'s CPU time a page on two checkouts of the code, taken in turns.

A change to the extraction core is timed in place, on the benchmark pages: the code
before and the code after each split them in a process of its own, one after the
other, pair after pair, the first of each pair alternating. A run reports the best of
a few passes over the pages (``time.process_time``, after a pass to warm up); the
medians of the runs and the pairs each side won are printed. On a shared machine single
runs differ by a few per cent, and taking turns puts both sides through the same spells
of load.

Each directory is a checkout of the project (``git worktree add``) with its compiled
modules in place: built there (``python setup.py build_ext --inplace``, with the build
requirements of ``pyproject.toml`` installed) or copied from a build of the same
``.pyx`` files. A run imports ``service`` from its checkout, and fails when the
package comes from anywhere else.

Usage: ``python -m bench.turns BEFORE AFTER [--pairs N] [--passes N] [--limit N]
[--data DIR]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bench.quality import DEFAULT_DATA, load_pages

# ``bench.quality``'s ``UTF8_HEADERS``, written here: a run imports ``bench.quality`` from
# its checkout, which may be older than that name (the run needs its ``DEFAULT_DATA`` and
# ``load_pages`` alone).
_UTF8 = {"content-type": "text/html; charset=utf-8"}


def run_once(checkout: Path, data: Path, limit: int | None, passes: int) -> float:
    """µs a page of ``split()`` from ``checkout``, in a new process (``_child``)."""
    checkout = checkout.resolve()
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(checkout)]
    command += [str(data), str(limit or 0), str(passes)]
    done = subprocess.run(
        command,
        cwd=checkout,
        env={**os.environ, "PYTHONPATH": str(checkout)},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the run in {checkout} failed: {done.stderr.strip()[-2000:]}")
    return float(done.stdout.split()[-1])


def _child(checkout: Path, data: Path, limit: int, passes: int) -> None:
    """Prints the best of ``passes`` passes of ``split()`` over the pages, µs a page."""
    import service

    source = Path(service.__file__).resolve()
    if checkout not in source.parents:
        sys.exit(f"service is imported from {source.parent}, not from {checkout}")
    from service.extract.split import split

    pages = load_pages(data, limit or None)
    for page in pages:
        split(page.raw, page.url, _UTF8)
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        for page in pages:
            split(page.raw, page.url, _UTF8)
        best = min(best, time.process_time() - start)
    print(f"{best / max(1, len(pages)) * 1e6:.1f}")


def summary(before: Sequence[float], after: Sequence[float]) -> str:
    """The medians of both sides' runs, the change, and the pairs ``after`` won."""
    old, new = statistics.median(before), statistics.median(after)
    won = sum(1 for a, b in zip(before, after, strict=True) if b < a)
    return (
        f"median before {old:,.1f} µs a page, after {new:,.1f} ({(new - old) / old:+.1%}); "
        f"after faster in {won} of {len(before)} pairs"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--child"]:
        checkout, data, limit, passes = args[1:5]
        _child(Path(checkout), Path(data), int(limit), int(passes))
        return 0
    parser = argparse.ArgumentParser(
        prog="python -m bench.turns", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument("before", type=Path, help="the checkout of the code before the change")
    parser.add_argument("after", type=Path, help="the checkout of the code after it")
    parser.add_argument("--pairs", type=int, default=8, help="runs of each side, in turns")
    parser.add_argument("--passes", type=int, default=3, help="timed passes a run, best kept")
    parser.add_argument("--limit", type=int, default=None, help="the first N pages only")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the benchmark's pages")
    parsed = parser.parse_args(args)
    sides = {"before": parsed.before, "after": parsed.after}
    times: dict[str, list[float]] = {"before": [], "after": []}
    for pair in range(parsed.pairs):
        order = ("before", "after") if pair % 2 == 0 else ("after", "before")
        for name in order:
            try:
                took = run_once(sides[name], parsed.data, parsed.limit, parsed.passes)
            except RuntimeError as failed:
                print(failed, file=sys.stderr)
                return 1
            times[name].append(took)
        before, after = times["before"][-1], times["after"][-1]
        print(f"pair {pair + 1}: before {before:,.1f}  after {after:,.1f}")
    print(summary(times["before"], times["after"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
