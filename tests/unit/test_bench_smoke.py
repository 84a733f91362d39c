"""The benchmarks still run: each bench module on two or three pages (no Kafka here).

Skipped when the benchmark data (../shared/bench) is absent; the optional
extraction systems and the plotting library are skipped when not installed.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bench import extractors, instructions, markup, report, scaling, turns
from bench.latency import Latency
from bench.memory import Memory, Sample
from bench.quality import DEFAULT_DATA, Page, load_pages
from bench.throughput import Throughput, extraction_only
from service.settings import load_settings

pytestmark = pytest.mark.skipif(
    not (DEFAULT_DATA / "ground-truth.json").exists(), reason="no benchmark data"
)


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    return load_pages(DEFAULT_DATA, 3)


def test_extractors_score_every_installed_system(pages: list[Page]) -> None:
    names = [s.name for s in extractors.SYSTEMS]
    result = extractors.compare(pages[:2], names)
    rows = {r.name: r for r in result.rows}
    assert list(rows) == names
    assert rows["pagesplit"].unavailable is None
    assert rows["pagesplit"].f1 > 0.5
    assert rows["pagesplit"].vs_pagesplit == pytest.approx(1.0)
    for system in extractors.SYSTEMS:
        row = rows[system.name]
        if extractors.missing(system) is None:
            assert row.unavailable is None and 0 <= row.f1 <= 1 and row.cpu_per_page > 0
        else:
            assert row.unavailable
    table = extractors.markdown(result)
    assert table.count("\n") == len(names) + 2


def test_extractors_report_a_system_that_cannot_be_imported(
    pages: list[Page], monkeypatch: pytest.MonkeyPatch
) -> None:
    absent = extractors.System("absent", extractors.run_resiliparse, "no_such_module_here")
    monkeypatch.setitem(extractors.BY_NAME, "absent", absent)
    result = extractors.compare(pages[:1], ["absent"])
    row = {r.name: r for r in result.rows}["absent"]
    assert row.unavailable is not None and "ModuleNotFoundError" in row.unavailable
    assert "| absent | unavailable: ModuleNotFoundError" in extractors.markdown(result)


def test_extractors_cli_runs_pagesplit_alone(capsys: pytest.CaptureFixture[str]) -> None:
    assert extractors.main(["--limit", "2", "--systems", "pagesplit"]) == 0
    assert "| pagesplit | " in capsys.readouterr().out


_HINTED = (
    '<html><head><meta name="author" content="Ann Lee">'
    '<script type="application/ld+json">{"@type": "NewsArticle"}</script></head>'
    '<body><nav class="menu" id="top" role="navigation"><a href="/">Home</a></nav>'
    '<article data-id="7" aria-label="story" itemscope itemtype="https://schema.org/NewsArticle">'
    '<time datetime="2026-11-29">Today</time><p itemprop="articleBody">Text.</p></article>'
    "</body></html>"
)


def test_markup_classes_level_drops_names_and_keeps_structured_data() -> None:
    html = markup.strip_hints(_HINTED, "classes")
    for name in ("class=", "id=", "role=", "data-id", "aria-label"):
        assert name not in html
    for kept in ("itemprop", "application/ld+json", '<meta name="author"', "<nav>", "<time "):
        assert kept in html
    assert markup.strip_hints(_HINTED, "original") == _HINTED


def test_markup_bare_level_drops_structured_data_and_sectioning_names() -> None:
    html = markup.strip_hints(_HINTED, "bare")
    for name in ("itemprop", "itemscope", "ld+json", "<meta", "<nav", "<article", "<time"):
        assert name not in html
    assert '<span datetime="2026-11-29">Today</span>' in html
    assert '<div><a href="/">Home</a></div>' in html


def test_markup_plain_level_unwraps_paragraphs_and_headings() -> None:
    html = markup.strip_hints(
        "<body><h2 class='x'>Story</h2><p>One.</p><p id='b'>Two.</p><pre>Code</pre></body>", "plain"
    )
    assert "<div><b>Story</b></div>One.<br><br>Two.<br><br><pre>Code</pre>" in html


def test_markup_scores_every_level(pages: list[Page]) -> None:
    rows = markup.measure(pages[:2], ["pagesplit"])
    assert [r.level for r in rows] == list(markup.LEVELS)
    assert rows[0].f1 > 0.5 and all(0 <= r.f1 <= 1 for r in rows)
    table = markup.markdown(rows)
    assert table.count("\n") == len(markup.LEVELS) + 1
    assert "| classes | pagesplit |" in table


def test_markup_teaser_drift_counts_kept_lost_and_extra(pages: list[Page]) -> None:
    drifts = markup.teaser_drift(pages[:2])
    assert [d.level for d in drifts] == list(markup.LEVELS[1:])
    for d in drifts:
        assert d.original > 0 and 0 <= d.kept <= d.original and d.extra >= 0
        assert d.lost == d.original - d.kept
    assert markup.drift_markdown(drifts).count("\n") == len(drifts) + 1


def test_extraction_only_rate_of_a_few_events(pages: list[Page]) -> None:
    settings = load_settings(workers=1)
    rate, failed = extraction_only(pages, 6, "raw", settings)
    assert rate > 0 and failed == 0


def _memory() -> Memory:
    samples = [Sample(i, 100 * i, (100 + i % 2) * 2**20, 60 * 2**20) for i in range(21)]
    return Memory(2000, 2, 21.0, samples)


def test_memory_summary_of_flat_samples() -> None:
    mem = _memory()
    assert mem.baseline_mb == pytest.approx(100.5, abs=0.6)
    assert abs(mem.slope_mb_per_10k) < 1
    assert mem.flat
    assert "flat" in report.memory_table(mem)


def _started(rss_after_start: list[float]) -> Memory:
    # The start-up: three samples before the first event, while the service imports and
    # forks its workers (as recorded in bench/results/memory.csv), then one sample a step.
    start = [Sample(i, 0, mb * 2**20, mb * 2**20) for i, mb in enumerate([20.0, 56.0, 112.0])]
    steps = [
        Sample(3 + i, 500 * (i + 1), mb * 2**20, 60 * 2**20) for i, mb in enumerate(rss_after_start)
    ]
    return Memory(500 * len(rss_after_start), 2, float(len(steps) + 3), start + steps)


def test_memory_start_up_is_not_growth() -> None:
    level = _started([330.0 + (i % 3) for i in range(200)])
    assert level.baseline_mb == pytest.approx(331.0, abs=0.1)
    assert level.flat


def test_memory_growth_after_warm_up_is_growing() -> None:
    growing = _started([300.0 + 0.5 * i for i in range(200)])
    assert not growing.flat
    assert growing.late_slope_mb_per_10k == pytest.approx(10.0)


def test_report_tables_and_plots(tmp_path: Path) -> None:
    speed = Throughput(20, extraction=50.0, service={1: 45.0, 2: 70.0}, ceiling=400.0)
    assert speed.ratio(2) == pytest.approx(0.7)
    assert "missed" in report.throughput_table(speed)
    delay = Latency(10.0, 10.0, 2, [0.1 + i / 1000 for i in range(100)])
    assert "| 10.0 |" in report.latency_table(delay)
    assert dict(report.machine())["cores"]
    assert dict(report.versions())["selectolax"] != "not installed"
    if importlib.util.find_spec("matplotlib") is None:
        pytest.skip("matplotlib is not installed (bench extra)")
    report.plot_throughput(speed, tmp_path / "t.png")
    report.plot_latency(delay, tmp_path / "l.png")
    report.plot_memory(_memory(), tmp_path / "m.png")
    assert all((tmp_path / f"{n}.png").stat().st_size > 1000 for n in "tlm")


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind not installed")
def test_instruction_count_of_the_parse_loop() -> None:
    # Two children under cachegrind: the loop over three pages costs at least what parses
    # of them do (a benchmark page is tens of kilobytes: well over 100,000 instructions).
    # Over one page alone, a collection of the garbage collector that runs in one child
    # and not in the other (their allocations differ with the checkout's path) can
    # outweigh the parse.
    assert instructions.per_page("parse", DEFAULT_DATA, 3, 3) > 100_000


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind not installed")
def test_instruction_count_is_apart_from_the_callers_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Started from a directory that other programs fill between the two children (as a
    # shared /tmp is), the count is the one of a still directory. Listing the crowded
    # directory once moved it by up to 1.6 M instructions a page; two counts of the same
    # code now agree but for a few dozen instructions a page, now and then (85 of
    # 7.64 M in one run), so they are compared to a ten-thousandth.
    monkeypatch.chdir(tmp_path)
    still = instructions.per_page("parse", DEFAULT_DATA, 3, 3)
    run = subprocess.run
    added = 0

    def crowding(*args: Any, **kwargs: Any) -> Any:
        nonlocal added
        done = run(*args, **kwargs)
        for _ in range(2000):
            added += 1
            (tmp_path / f"other-{added}").touch()
        return done

    monkeypatch.setattr(subprocess, "run", crowding)
    assert instructions.per_page("parse", DEFAULT_DATA, 3, 3) == pytest.approx(still, rel=1e-4)


_ROOT = Path(__file__).resolve().parents[2]


def test_turns_times_both_checkouts_in_turns(capsys: pytest.CaptureFixture[str]) -> None:
    root = str(_ROOT)
    assert turns.main([root, root, "--pairs", "2", "--passes", "1", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines[:2]] == ["pair 1", "pair 2"]
    times = [float(word.replace(",", "")) for line in lines[:2] for word in line.split()[3::2]]
    assert len(times) == 4 and all(0 < t < 1_000_000 for t in times)
    assert lines[2].startswith("median before ") and lines[2].endswith(" of 2 pairs")


def test_turns_refuses_a_checkout_without_the_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The run's service would be the installed one, not the checkout's: it must not count.
    assert turns.main([str(tmp_path), str(_ROOT), "--pairs", "1", "--limit", "1"]) == 1
    assert f"not from {tmp_path.resolve()}" in capsys.readouterr().err


def test_turns_summary_gives_medians_change_and_pairs_won() -> None:
    text = turns.summary([100.0, 110.0, 120.0], [90.0, 95.0, 130.0])
    assert text == (
        "median before 110.0 µs a page, after 95.0 (-13.6%); after faster in 2 of 3 pairs"
    )


def test_scaling_measures_every_construct_at_two_sizes() -> None:
    rows = scaling.measure(scale=0.01)
    assert [row.name for row in rows] == [c.name for c in scaling.CONSTRUCTS]
    assert all(row.first >= 0 and row.second >= 0 and row.kilobytes >= 0 for row in rows)
    assert not any(row.refused for row in rows)  # a hundredth of each: under the scan
    table = scaling.markdown(rows)
    assert table.count("\n") == len(rows) + 1
    assert "| ratio |" in table
