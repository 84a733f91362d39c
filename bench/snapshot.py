"""The output of ``split()`` on every page the project measures, to prove a change
leaves it as it was.

Dumps the ``Split`` of each benchmark page (``../shared/bench/scrapinghub``), each
golden test page (``tests/unit/extract/pages``) and each demo page
(``service/demo/pages``) to one JSON file; ``--diff`` compares two dumps and
names the pages and fields that differ. CPU work on the extraction core is
accepted when the dump before and the dump after are equal.

Usage::

    python -m bench.snapshot before.json          # on the code before the change
    python -m bench.snapshot after.json           # on the code after it
    python -m bench.snapshot --diff before.json after.json
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from bench.quality import DEFAULT_DATA, UTF8_HEADERS, load_pages
from service.extract.model import RefusedPage
from service.extract.split import split

ROOT = Path(__file__).resolve().parents[1]
PAGE_DIRS = (ROOT / "tests" / "unit" / "extract" / "pages", ROOT / "service" / "demo" / "pages")
SHOWN = 10  # pages whose differences are printed in full


def dump(data: Path) -> dict[str, object]:
    """The ``Split`` of every page as plain JSON values, by page key."""
    pages: list[tuple[str, bytes, str, dict[str, str]]] = [
        (page.key, page.raw, page.url, UTF8_HEADERS) for page in load_pages(data, None)
    ]
    for folder in PAGE_DIRS:
        for path in sorted(folder.glob("*.html")):
            key = str(path.relative_to(ROOT))
            pages.append((key, path.read_bytes(), f"https://example.com/news/{path.stem}", {}))
    result: dict[str, object] = {}
    for key, raw, url, headers in pages:
        try:
            result[key] = dataclasses.asdict(split(raw, url, headers))
        except RefusedPage as refused:
            result[key] = {"refused": str(refused)}
    return result


def diff(before: dict[str, object], after: dict[str, object]) -> list[str]:
    """Lines naming each page whose split differs, with the differing fields of the
    first ``SHOWN`` pages; the last line counts them."""
    lines: list[str] = []
    changed = [key for key in before if before[key] != after.get(key)]
    changed += [key for key in after if key not in before]
    for key in changed[:SHOWN]:
        old, new = before.get(key), after.get(key)
        lines.append(f"differs: {key}")
        if isinstance(old, dict) and isinstance(new, dict):
            for field in sorted(set(old) | set(new)):
                if old.get(field) != new.get(field):
                    lines.append(f"  {field}: {_short(old.get(field))} -> {_short(new.get(field))}")
    lines.append(f"{len(changed)} of {len(set(before) | set(after))} pages differ")
    return lines


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 300 else text[:300] + "..."


def main(argv: Sequence[str] | None = None) -> int:
    """Write a dump, or compare two; exits 1 when two dumps differ."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("out", nargs="?", type=Path, help="the dump to write")
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    if args.diff:
        before, after = (json.loads(path.read_text("utf-8")) for path in args.diff)
        lines = diff(before, after)
        print("\n".join(lines))
        return 0 if lines[-1].startswith("0 of") else 1
    if args.out is None:
        parser.error("give the dump to write, or --diff BEFORE AFTER")
    snapshot = dump(args.data)
    args.out.write_text(json.dumps(snapshot, ensure_ascii=False, sort_keys=True, indent=1), "utf-8")
    print(f"{len(snapshot)} pages -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
