"""Resident memory of the service over many events: it must stay flat.

The service runs as ``python -m service run`` in a subprocess, so that the
resident memory sampled (psutil, once a second) is the service's own: its main
process plus every child (the forkserver and the splitting workers), without
this harness's publisher. A few thousand distinct events are published again
and again, never more than ``--lead`` ahead of what the service has committed
(read from its ``/metrics`` on loopback), until ``--events`` are processed.

Reported: mean RSS over the second and the last tenth of the events, and the
least-squares slope of RSS against events processed after the first tenth, in
MB per 10,000 events. The first tenth is warm-up, left out of both: its samples
include the service's start-up, before its first event. The verdict is flat
when the last tenth's mean is less than ``FLAT_GROWTH`` above the second's.

Usage: ``python -m bench.memory [--events N] [--distinct N] [--workers W]``.
A run takes events / the service's rate: with workers=2 on two otherwise idle
cores (about 13 ms of CPU per event) the default 100,000 events take roughly
15 minutes, which is why the count is an option; ``bench/results/latest.md``
states the count and the time of the run recorded there.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from bench.harness import ROOT, add_common_arguments, bench_settings, broker, event_value, producer
from bench.quality import FLAT_GROWTH, Page, load_pages
from service.kafka import ensure_topics
from service.settings import Settings

SAMPLE_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class Sample:
    """One reading: seconds since start, events committed, RSS in bytes (all, main process)."""

    seconds: float
    events: int
    rss: int
    rss_main: int


@dataclass(frozen=True, slots=True)
class Memory:
    """The samples of one run and what they say."""

    events: int
    workers: int
    seconds: float
    samples: list[Sample]

    def _mean_mb(self, low: float, high: float) -> float:
        """Mean RSS of the samples taken with more than ``low`` and at most ``high`` events."""
        chosen = [s.rss for s in self.samples if low < s.events <= high]
        if not chosen:  # too few samples for a tenth: the nearest one
            chosen = [min(self.samples, key=lambda s: abs(s.events - high)).rss]
        return sum(chosen) / len(chosen) / 2**20

    @property
    def baseline_mb(self) -> float:
        """Mean RSS over the second tenth of the events.

        The first tenth is warm-up, as for the slope: its samples include those taken while
        the service starts, before its first event, from a few MB up.
        """
        return self._mean_mb(self.events / 10, self.events / 5)

    @property
    def last_tenth_mb(self) -> float:
        return self._mean_mb(self.events * 9 / 10, self.events)

    @property
    def slope_mb_per_10k(self) -> float:
        """Least-squares slope of RSS against events, past the first tenth."""
        return self._slope(self.events / 10)

    @property
    def late_slope_mb_per_10k(self) -> float:
        """The same slope over the second half only (after any warm-up has settled)."""
        return self._slope(self.events / 2)

    def _slope(self, after: float) -> float:
        points = [(s.events, s.rss / 2**20) for s in self.samples if s.events > after]
        if len(points) < 2:
            return 0.0
        mx = sum(x for x, _ in points) / len(points)
        my = sum(y for _, y in points) / len(points)
        var = sum((x - mx) ** 2 for x, _ in points)
        cov = sum((x - mx) * (y - my) for x, y in points)
        return 10_000 * cov / var if var else 0.0

    @property
    def flat(self) -> bool:
        return self.growth < FLAT_GROWTH

    @property
    def growth(self) -> float:
        """The last tenth's mean RSS over the baseline's, less one."""
        return self.last_tenth_mb / self.baseline_mb - 1

    def lines(self) -> list[str]:
        return [
            f"{self.events} events, workers={self.workers}, {self.seconds:.0f} s "
            f"({self.events / self.seconds:.1f} events/s), {len(self.samples)} samples",
            f"RSS (service + workers) second tenth {self.baseline_mb:.1f} MB, last tenth "
            f"{self.last_tenth_mb:.1f} MB ({self.growth:+.1%}), slope "
            f"{self.slope_mb_per_10k:+.2f} MB per 10k events (second half "
            f"{self.late_slope_mb_per_10k:+.2f}): "
            f"{'flat' if self.flat else 'GROWING'}",
        ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _command(settings: Settings) -> list[str]:
    flags = {
        "kafka-bootstrap-servers": settings.kafka_bootstrap_servers,
        "input-topic": settings.input_topic,
        "articles-topic": settings.articles_topic,
        "teasers-topic": settings.teasers_topic,
        "dlq-topic": settings.dlq_topic,
        "group-id": settings.group_id,
        "workers": str(settings.workers),
        "http-host": settings.http_host,
        "http-port": str(settings.http_port),
        "log-level": "WARNING",
    }
    return [sys.executable, "-m", "service", "run", *(f"--{k}={v}" for k, v in flags.items())]


def _rss(process: object) -> tuple[int, int]:
    """RSS of ``process`` with its children, and of it alone."""
    import psutil

    assert isinstance(process, psutil.Process)
    main = process.memory_info().rss
    total = main
    for child in process.children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess):
            total += child.memory_info().rss
    return total, main


async def _processed(client: httpx.AsyncClient, url: str) -> int:
    try:
        text = (await client.get(url)).text
    except httpx.HTTPError:
        return 0
    for family in text_string_to_metric_families(text):
        if family.name == "pagesplit_events_processed":
            return int(sum(s.value for s in family.samples if s.name.endswith("_total")))
    return 0


async def _drive(
    settings: Settings,
    values: Sequence[bytes],
    count: int,
    lead: int,
    service: subprocess.Popen[bytes],
    timeout: float,
) -> tuple[list[Sample], float]:
    import psutil

    process = psutil.Process(service.pid)
    url = f"http://127.0.0.1:{settings.http_port}/metrics"
    samples: list[Sample] = []
    sender = producer(settings)
    await sender.start()
    start = time.monotonic()
    next_sample = start
    published = 0
    done = 0
    try:
        async with httpx.AsyncClient(timeout=5.0) as client:
            while done < count:
                if service.poll() is not None:
                    raise RuntimeError(f"the service exited with {service.returncode}")
                now = time.monotonic()
                if now - start > timeout:
                    raise TimeoutError(f"{done} of {count} events in {timeout:.0f}s")
                done = await _processed(client, url)
                if now >= next_sample:
                    total, main = _rss(process)
                    samples.append(Sample(now - start, done, total, main))
                    next_sample += SAMPLE_SECONDS
                if published < count and published - done < lead:
                    batch = min(100, count - published)
                    pending = [
                        await sender.send(
                            settings.input_topic, values[(published + i) % len(values)]
                        )
                        for i in range(batch)
                    ]
                    await asyncio.gather(*pending)
                    published += batch
                else:
                    await asyncio.sleep(0.1)
            total, main = _rss(process)
            samples.append(Sample(time.monotonic() - start, done, total, main))
    finally:
        await sender.stop()
    return samples, time.monotonic() - start


def measure(
    bootstrap: str,
    pages: Sequence[Page],
    count: int,
    workers: int = 2,
    distinct: int = 2000,
    lead: int = 1000,
    timeout: float = 3600.0,
) -> Memory:
    """Run the service as a subprocess through ``count`` events, sampling its RSS."""
    settings = bench_settings(
        bootstrap, workers, f"bench-raw-{uuid.uuid4().hex[:8]}", http_port=_free_port()
    )
    values = [event_value(pages, i) for i in range(min(distinct, count))]
    asyncio.run(ensure_topics(settings))
    service = subprocess.Popen(_command(settings), cwd=ROOT)
    try:
        samples, seconds = asyncio.run(_drive(settings, values, count, lead, service, timeout))
    finally:
        service.terminate()
        try:
            service.wait(60)
        except subprocess.TimeoutExpired:
            service.kill()
            service.wait()
    return Memory(count, workers, seconds, samples)


def write_samples(result: Memory, path: Path) -> None:
    """The raw samples as CSV: seconds, events, RSS of all and of the main process (bytes)."""
    rows = ["seconds,events,rss_bytes,rss_main_bytes"]
    rows += [f"{s.seconds:.2f},{s.events},{s.rss},{s.rss_main}" for s in result.samples]
    path.write_text("\n".join(rows) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--distinct", type=int, default=2000, help="distinct events, reused")
    parser.add_argument("--lead", type=int, default=1000, help="most events published ahead")
    parser.add_argument("--workers", type=int, default=2)
    add_common_arguments(parser)
    args = parser.parse_args(argv)
    pages = load_pages(args.data, args.limit)
    with broker(args.bootstrap) as bootstrap:
        result = measure(bootstrap, pages, args.events, args.workers, args.distinct, args.lead)
    print("\n".join(result.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
