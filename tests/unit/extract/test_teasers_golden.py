"""Golden pages: each ``pages/<name>.html`` split yields the teasers in ``<name>.expected.json``.

An expected teaser lists its fields; ``snippet``, ``image`` and
``published_at`` default to ``null``, ``truncated`` and ``sponsored`` to false.
An expectation's ``fetched_at`` (ISO 8601) is the moment the page was fetched,
which the times a page shows without a year or as a span back count from.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from service.extract.split import split

PAGES = Path(__file__).parent / "pages"
CASES = sorted(p.name.removesuffix(".expected.json") for p in PAGES.glob("*.expected.json"))
DEFAULTS: dict[str, Any] = {
    "snippet": None,
    "truncated": False,
    "image": None,
    "published_at": None,
    "sponsored": False,
}


@pytest.mark.parametrize("name", CASES)
def test_golden_page_yields_expected_teasers(name: str) -> None:
    expected: dict[str, Any] = json.loads((PAGES / f"{name}.expected.json").read_text("utf-8"))
    if "teasers" not in expected:
        pytest.skip("no teaser expectation for this page")
    fetched = expected.get("fetched_at")
    result = split(
        (PAGES / f"{name}.html").read_bytes(),
        expected["url"],
        expected.get("headers"),
        fetched_at=datetime.fromisoformat(fetched) if fetched else None,
    )
    got = [dataclasses.asdict(t) for t in result.teasers]
    want = [DEFAULTS | t for t in expected["teasers"]]
    assert got == want
