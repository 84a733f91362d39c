"""``pagesplit split``: the offline path runs the service's decoding and splitting."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import orjson
import pytest

from service.events import encode_event

PAGE = resources.files("service.demo").joinpath("pages", "business-uranium.html")


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "service", "split", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
    )


def test_split_one_html_file_with_its_url(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.read_bytes())
    done = run(str(page), "--url", "https://demo-news.example/business/uranium-expansion")
    assert done.returncode == 0, done.stderr
    records = [orjson.loads(line) for line in done.stdout.splitlines()]
    assert records[0]["type"] == "article"
    assert records[0]["title"] == "Uzbekistan accelerates plans to expand uranium production"
    assert records[0]["body"].startswith("Uzbekistan is accelerating plans")


def test_split_one_html_file_dates_relative_teaser_times_from_fetched_at(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<html lang="en"><body><section><h2>Latest</h2><div class="card"><h3><a href="/news/'
        'storm-closes-coast-road">Storm closes the coast road for a week</a></h3><span '
        'class="timestamp">2 hours ago</span></div><div class="card"><h3><a href="/news/ferry-'
        'strike-ends">Ferry strike ends after a new pay offer</a></h3></div></section>'
        "</body></html>"
    )
    url = "https://demo-news.example/"
    done = run(str(page), "--url", url, "--fetched-at", "2026-02-04T10:30:00+01:00")
    assert done.returncode == 0, done.stderr
    times = [orjson.loads(line)["published_at"] for line in done.stdout.splitlines()]
    assert times == ["2026-02-04T07:30:00Z", None]
    bad = run(str(page), "--url", url, "--fetched-at", "yesterday")
    assert bad.returncode == 1
    assert orjson.loads(bad.stderr)["reason"] == "invalid_event"


def test_split_event_lines_from_stdin_sends_failures_to_stderr() -> None:
    lines = b"\n".join(
        [
            encode_event("https://demo-news.example/b/u", PAGE.read_text()),
            b"{oops",
            b'{"html": "x"}',
        ]
    )
    done = run(stdin=lines + b"\n")
    assert done.returncode == 1
    assert orjson.loads(done.stdout.splitlines()[0])["type"] == "article"
    failures = [orjson.loads(x) for x in done.stderr.splitlines()]
    assert [(f["line"], f["reason"]) for f in failures] == [
        (2, "invalid_json"),
        (3, "invalid_event"),
    ]


def test_bad_settings_exit_non_zero_naming_the_value() -> None:
    done = run("--max-page-bytes", "zero", stdin=b"")
    assert done.returncode != 0
    assert b"PAGESPLIT_MAX_PAGE_BYTES" in done.stderr


def test_split_offers_the_limits_alone_as_flags() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "service", "split", "--help"], capture_output=True, timeout=60
    )
    assert b"--max-page-bytes" in done.stdout and b"--max-page-seconds" in done.stdout
    assert b"--kafka-bootstrap-servers" not in done.stdout
    assert b"--body-ref-allowed-hosts" not in done.stdout


@pytest.mark.parametrize(
    ("argv", "env", "level"),
    [
        ([], {}, "WARNING"),  # the demo shows its results, not the service's progress
        (["--log-level", "DEBUG"], {}, "DEBUG"),
        ([], {"PAGESPLIT_LOG_LEVEL": "ERROR"}, "ERROR"),
    ],
)
def test_demo_logs_at_the_level_asked_for(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], env: dict[str, str], level: str
) -> None:
    import service.cli
    import service.demo

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    levels: list[str] = []

    async def no_demo(settings: object, publish_only: bool) -> int:
        return 0

    monkeypatch.setattr(service.demo, "run_demo", no_demo)
    monkeypatch.setattr(service.cli.logs, "configure", levels.append)
    assert service.cli.main(["demo", *argv]) == 0
    assert levels == [level]
