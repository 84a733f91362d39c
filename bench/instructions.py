"""CPU cost as counts of executed instructions, which a busy machine does not change.

Each system runs over the benchmark pages in a child Python under valgrind's
cachegrind (``--cache-sim=no``: instructions only). A second child that loads
the pages and makes the same first call (imports, warm-up) but skips the loop
is subtracted, so the figure is the loop's alone. Prints instructions per page
of pagesplit's ``split()``, of selectolax's parse of the same bytes, and of
trafilatura (default settings) when installed, with the ratios the CPU goals
are stated in.

Instructions are not time: the parser's tight loops run more of them per
nanosecond than Python's interpreter does, so the ratio to the parse here is
lower than the ratio of CPU times. But two runs of the same code agree to a
thousandth (over the first 60 pages, to the instruction), where CPU times on a
shared machine swing by a quarter: a change's cost can be read off one run
before it and one after.

What the count depends on besides the code is fixed here, not taken from the
caller. The children run in an empty directory of their own with ``-P`` (the
directory ``python -m`` would put first on ``sys.path`` is not searched: the
import system lists a directory it searches, and lists it again whenever its
modification time changes, so a caller's busy directory such as ``/tmp`` added
millions of instructions that varied with other programs' files), in a fixed
environment (``PYTHONHASHSEED=0``, the project's root as ``PYTHONPATH``; the
caller's variables move the stack and its ``PYTHONDONTWRITEBYTECODE`` decided
whether bytecode was compiled or read). One uncounted child run first writes
the bytecode caches of modules changed since the last run, so the counted
children both read them (the first counted child compiled a changed module
where the second read the cache it had left: tens of millions of instructions
charged to the loop). Addresses under valgrind do not move between runs, and
the garbage collector's timing follows the allocations, which are the same.

Usage: ``python -m bench.instructions [--systems pagesplit,parse,trafilatura]
[--limit N] [--data DIR]`` (valgrind must be installed).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.quality import DEFAULT_DATA, Page, load_pages, run_pagesplit, run_parse, run_trafilatura

RUNS: dict[str, Callable[[Page], str]] = {
    "pagesplit": run_pagesplit,
    "parse": run_parse,
    "trafilatura": run_trafilatura,
}
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")
ROOT = Path(__file__).resolve().parents[1]  # the project whose code is counted
# The children's whole environment: nothing of the caller's, whose size moves the stack.
CHILD_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "LC_ALL": "C.UTF-8",
    "PYTHONHASHSEED": "0",
    "PYTHONPATH": str(ROOT),
}


def _child(system: str, data: Path, limit: int | None, loop: bool) -> None:
    """The work counted: the first page once (imports, first-call costs), then all pages."""
    run = RUNS[system]
    pages = load_pages(data, limit)
    run(pages[0])
    if loop:
        for page in pages:
            run(page)


def _child_command(system: str, data: Path, limit: int | None, loop: bool) -> list[str]:
    """The child's Python command line (``-P``: its working directory is not on ``sys.path``)."""
    return [
        sys.executable,
        "-P",
        "-m",
        "bench.instructions",
        "--child",
        system,
        "--data",
        str(data.resolve()),
        *(["--limit", str(limit)] if limit else []),
        *(["--loop"] if loop else []),
    ]


def _count(system: str, data: Path, limit: int | None, loop: bool, where: Path) -> int:
    """Instructions a child executes in the empty directory ``where``, off cachegrind's summary."""
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        *_child_command(system, data, limit, loop),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, check=True, cwd=where, env=CHILD_ENV
    )
    found = _REFS.search(done.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def per_page(system: str, data: Path, limit: int | None, pages: int) -> float:
    """Instructions per page of ``system``'s loop over the pages.

    An uncounted child without valgrind first imports what the counted ones do,
    writing the bytecode caches of changed modules, so that neither counted child
    compiles them."""
    with tempfile.TemporaryDirectory(prefix="bench-instructions-") as empty:
        where = Path(empty)
        command = _child_command(system, data, limit, False)
        subprocess.run(command, capture_output=True, check=True, cwd=where, env=CHILD_ENV)
        looped = _count(system, data, limit, True, where)
        return (looped - _count(system, data, limit, False, where)) / pages


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--systems", default="pagesplit,parse,trafilatura")
    parser.add_argument("--limit", type=int, default=None, help="the first N pages only")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--child", choices=sorted(RUNS), help=argparse.SUPPRESS)
    parser.add_argument("--loop", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child, args.data, args.limit, args.loop)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: no instruction counts", file=sys.stderr)
        return 2
    systems = [s for s in args.systems.split(",") if s]
    if unknown := set(systems) - set(RUNS):
        parser.error(f"unknown systems: {', '.join(sorted(unknown))}")
    if "trafilatura" in systems:
        try:
            import trafilatura  # noqa: F401
        except ImportError:
            print("trafilatura is not installed: left out", file=sys.stderr)
            systems.remove("trafilatura")
    pages = len(load_pages(args.data, args.limit))
    counts = {system: per_page(system, args.data, args.limit, pages) for system in systems}
    for system, count in counts.items():
        print(f"{system:12s} {count / 1e6:8.2f} M instructions/page   ({pages} pages)")
    ours = counts.get("pagesplit")
    if ours and "trafilatura" in counts:
        print(f"trafilatura/pagesplit instructions {counts['trafilatura'] / ours:.1f}x")
    if ours and "parse" in counts:
        print(f"pagesplit/parse-only instructions {ours / counts['parse']:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
