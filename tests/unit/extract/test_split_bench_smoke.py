"""Smoke test of bench/quality.py on three benchmark pages (skipped without the data)."""

from __future__ import annotations

import pytest

from bench import quality

needs_data = pytest.mark.skipif(
    not (quality.DEFAULT_DATA / "ground-truth.json").exists(),
    reason="benchmark data (../shared/bench) is not present",
)


def test_metric_counts_shingles_per_page() -> None:
    assert quality.page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    # Shingles abcd in both, bcdx predicted only, bcde true only.
    assert quality.page_counts("a b c d x", "a b c d e") == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert quality.page_counts("", "") == (0.0, 0.0, 0.0)


def test_precision_skips_empty_predictions_and_recall_empty_truths() -> None:
    pages = [
        quality.Page("1", "u", b"", "", "a b c d e"),
        quality.Page("2", "u", b"", "", "a b c d e"),
        quality.Page("3", "u", b"", "", ""),
    ]
    result = quality.score(["a b c d e", "", "w x y z"], pages)
    assert result.precision == pytest.approx(0.5)  # pages 1 (1.0) and 3 (0.0)
    assert result.recall == pytest.approx(0.5)  # pages 1 (1.0) and 2 (0.0)


@needs_data
def test_pagesplit_runs_on_three_pages(capsys: pytest.CaptureFixture[str]) -> None:
    assert quality.main(["--systems", "pagesplit", "--limit", "3", "--passes", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("pagesplit    F1 ")
    assert "pagesplit/parse-only cpu" in out
    assert "memory" in out


@needs_data
def test_trafilatura_runs_on_three_pages(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("trafilatura")
    assert (
        quality.main(["--systems", "pagesplit,trafilatura", "--limit", "3", "--passes", "1"]) == 0
    )
    out = capsys.readouterr().out
    assert "trafilatura  F1 " in out
    assert "trafilatura/pagesplit cpu" in out


def test_snapshot_diff_names_changed_pages_and_fields() -> None:
    from bench.snapshot import diff

    before = {"a": {"teasers": [1], "article": None}, "b": {"refused": "not_html"}}
    assert diff(before, before) == ["0 of 2 pages differ"]
    after = {"a": {"teasers": [1, 2], "article": None}, "b": {"refused": "not_html"}}
    assert diff(before, after) == ["differs: a", "  teasers: [1] -> [1, 2]", "1 of 2 pages differ"]
    assert diff(before, {"a": before["a"]})[-1] == "1 of 2 pages differ"  # a page went missing
