"""The benchmark report: the machine, package versions, the tables and the plots."""

from __future__ import annotations

import contextlib
import os
import platform
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.harness import ROOT
from bench.latency import Latency
from bench.memory import Memory
from bench.throughput import GOAL_PER_WORKER, Throughput

RESULTS = Path(__file__).resolve().parent / "results"
PACKAGES = (
    "pagesplit",
    "selectolax",
    "aiokafka",
    "trafilatura",
    "readability-lxml",
    "resiliparse",
    "newspaper4k",
    "lxml",
    "psutil",
    "matplotlib",
)


def machine() -> list[tuple[str, str]]:
    """What the numbers were measured on, and when."""
    model = "unknown"
    ram = "unknown"
    with_proc = Path("/proc/cpuinfo")
    if with_proc.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", with_proc.read_text(), re.MULTILINE)
        model = found.group(1).strip() if found else model
        total = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
        ram = f"{int(total.group(1)) / 2**20:.1f} GiB" if total else ram
    return [
        ("date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("cores", f"{os.cpu_count()} ({len(os.sched_getaffinity(0))} usable)"),
        ("CPU", model),
        ("RAM", ram),
        ("Python", platform.python_version()),
        ("OS", platform.platform()),
        ("Kafka broker", f"Apache Kafka {_kafka_version()} (local, single node, KRaft)"),
    ]


def load_average() -> str:
    """The system's 1, 5 and 15 minute load averages."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def _kafka_version() -> str:
    pom = ROOT / "tools" / "kafka" / "pom.xml"
    found = re.search(r"<kafka.version>([^<]+)<", pom.read_text()) if pom.exists() else None
    return found.group(1) if found else "unknown"


def versions() -> list[tuple[str, str]]:
    """Installed versions of the packages measured or used to measure."""
    out = []
    for name in PACKAGES:
        try:
            out.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            out.append((name, "not installed"))
    return out


def pairs_table(rows: list[tuple[str, str]], head: tuple[str, str]) -> str:
    lines = [f"| {head[0]} | {head[1]} |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in rows]
    return "\n".join(lines)


def throughput_table(result: Throughput) -> str:
    lines = [
        "| run | events/s | ratio to workers x extraction-only | goal |",
        "| --- | ---: | ---: | --- |",
        f"| extraction only (process_event, 1 process) | {result.extraction:.1f} | | |",
    ]
    for workers, rate in sorted(result.service.items()):
        ratio = result.ratio(workers)
        verdict = "met" if ratio >= GOAL_PER_WORKER else "missed"
        lines.append(
            f"| service, workers={workers} | {rate:.1f} | {ratio:.2f} "
            f"| >= {GOAL_PER_WORKER}: {verdict} |"
        )
    if result.ceiling:
        lines.append(
            f"| consume-produce loop without splitting, workers=1 | {result.ceiling:.1f} | | |"
        )
    return "\n".join(lines)


def latency_table(result: Latency) -> str:
    p = [1000 * result.quantile(q) for q in (0.5, 0.95, 0.99)]
    return "\n".join(
        [
            "| paced rate (events/s) | achieved | workers | events | p50 ms | p95 ms | p99 ms "
            "| max ms |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| {result.rate:.1f} | {result.achieved_rate:.1f} | {result.workers} "
            f"| {len(result.values)} | {p[0]:.0f} | {p[1]:.0f} | {p[2]:.0f} "
            f"| {1000 * max(result.values):.0f} |",
        ]
    )


def memory_table(result: Memory) -> str:
    first, last = result.baseline_mb, result.last_tenth_mb
    return "\n".join(
        [
            "| events | workers | seconds | second-tenth RSS MB | last-tenth RSS MB | change "
            "| slope MB/10k events (past first tenth) | slope (second half) | verdict |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
            f"| {result.events} | {result.workers} | {result.seconds:.0f} | {first:.1f} "
            f"| {last:.1f} | {result.growth:+.1%} | {result.slope_mb_per_10k:+.2f} "
            f"| {result.late_slope_mb_per_10k:+.2f} | {'flat' if result.flat else 'GROWING'} |",
        ]
    )


@contextlib.contextmanager
def _figure(path: Path) -> Iterator[Any]:
    """Axes of a new figure, laid out and saved to ``path`` when the block ends."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.2), dpi=110)
    try:
        yield ax
        fig.tight_layout()
        fig.savefig(path)
    finally:
        plt.close(fig)


def plot_throughput(result: Throughput, path: Path) -> None:
    """Bars: service rate by worker count beside workers x the extraction-only rate."""
    with _figure(path) as ax:
        workers = sorted(result.service)
        xs = range(len(workers))
        ideal = [w * result.extraction for w in workers]
        got = [result.service[w] for w in workers]
        ax.bar(
            [x - 0.2 for x in xs], ideal, 0.4, label="workers x extraction-only", color="#bbbbbb"
        )
        bars = ax.bar(
            [x + 0.2 for x in xs], got, 0.4, label="service (through Kafka)", color="#1f77b4"
        )
        for bar, w in zip(bars, workers, strict=True):
            ax.annotate(
                f"{result.service[w]:.0f}/s\n{result.ratio(w):.2f} of ideal",
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                ha="center",
                va="bottom",
                fontsize=8,
            )
        if result.ceiling:
            ax.axhline(result.ceiling, color="#d62728", linestyle="--", linewidth=1)
            ax.text(
                len(workers) - 0.5,
                result.ceiling,
                f"loop without splitting {result.ceiling:.0f}/s",
                color="#d62728",
                ha="right",
                va="bottom",
                fontsize=8,
            )
        ax.set_xticks(list(xs), [f"workers={w}" for w in workers])
        ax.set_ylabel("events per second")
        ax.set_title(f"pagesplit throughput, {result.events} events")
        top = max([*ideal, *got, result.ceiling])
        ax.set_ylim(0, top * 1.25)
        ax.legend(loc="upper left", fontsize=8)


def plot_latency(result: Latency, path: Path) -> None:
    """Histogram of end-to-end latencies with the percentiles marked."""
    with _figure(path) as ax:
        ms = [1000 * v for v in result.values]
        ax.hist(ms, bins=50, color="#1f77b4")
        for q, style in ((0.5, "-"), (0.95, "--"), (0.99, ":")):
            value = 1000 * result.quantile(q)
            label = f"p{round(q * 100)} {value:.0f} ms"
            ax.axvline(value, color="#d62728", linestyle=style, linewidth=1.2, label=label)
        ax.legend(loc="upper right", fontsize=8)
        ax.set_xlabel("fetched_at to records acknowledged (ms)")
        ax.set_ylabel("events")
        ax.set_title(
            f"End-to-end latency at {result.rate:.0f} events/s (half the maximum), "
            f"workers={result.workers}",
            fontsize=10,
        )


def plot_memory(result: Memory, path: Path) -> None:
    """RSS (service and workers, and the main process alone) against events processed."""
    with _figure(path) as ax:
        xs = [s.events / 1000 for s in result.samples]
        ax.plot(xs, [s.rss / 2**20 for s in result.samples], label="service + workers")
        ax.plot(xs, [s.rss_main / 2**20 for s in result.samples], label="service main process")
        ax.set_xlabel("events processed (thousands)")
        ax.set_ylabel("resident memory (MB)")
        ax.set_ylim(0, max(s.rss for s in result.samples) / 2**20 * 1.2)
        ax.set_title(
            f"Resident memory over {result.events} events: second tenth "
            f"{result.baseline_mb:.0f} MB, last {result.last_tenth_mb:.0f} MB",
            fontsize=10,
        )
        ax.legend(loc="lower right", fontsize=8)
