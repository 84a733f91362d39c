"""End-to-end latency of the service at half its measured maximum rate.

A paced publisher sends raw ``html`` events at a fixed rate, each with
``fetched_at`` set to the moment it is sent; the service (``serve`` in-process,
workers=2 by default) observes ``acknowledged - fetched_at`` for every event into
``pagesplit_end_to_end_latency_seconds``. That histogram's buckets are too
coarse for percentiles, so each observation is also kept as it is (the
histogram is wrapped, not replaced) and p50, p95, p99 come from the raw values.

Usage: ``python -m bench.latency [--rate R | --max-rate R] [--events N] [--workers W]``;
without a rate, the maximum is measured first (``bench.throughput``) and half of it used.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from prometheus_client import Histogram

from bench.harness import (
    add_common_arguments,
    bench_settings,
    broker,
    event_value,
    forget_signals,
    processed,
    producer,
    publish,
    watch,
)
from bench.quality import Page, load_pages
from bench.throughput import service_rate
from service.app import serve
from service.kafka import ensure_topics
from service.metrics import Metrics
from service.settings import Settings

WARM_UP_EVENTS = 10  # processed before the paced run; their latencies are dropped


class _Recorded:
    """Observes into the service's histogram and keeps each value."""

    def __init__(self, histogram: Histogram) -> None:
        self._histogram = histogram
        self.values: list[float] = []

    def observe(self, value: float) -> None:
        self._histogram.observe(value)
        self.values.append(value)


@dataclass(frozen=True, slots=True)
class Latency:
    """Latencies in seconds of ``events`` paced at ``rate`` events per second."""

    rate: float
    achieved_rate: float
    workers: int
    values: list[float]

    def quantile(self, q: float) -> float:
        cuts = statistics.quantiles(self.values, n=100, method="inclusive")
        return cuts[round(q * 100) - 1]

    def lines(self) -> list[str]:
        ms = [1000 * self.quantile(q) for q in (0.5, 0.95, 0.99)]
        return [
            f"paced at {self.rate:.1f} events/s (achieved {self.achieved_rate:.1f}), "
            f"workers={self.workers}, {len(self.values)} events",
            f"end-to-end latency  p50 {ms[0]:.0f} ms  p95 {ms[1]:.0f} ms  p99 {ms[2]:.0f} ms  "
            f"max {1000 * max(self.values):.0f} ms",
        ]


async def _paced(
    settings: Settings, pages: Sequence[Page], rate: float, first: int, count: int
) -> float:
    """Send ``count`` events at ``rate`` per second; return the achieved rate."""
    sender = producer(settings)
    await sender.start()
    try:
        pending = []
        start = time.perf_counter()
        for i in range(count):
            delay = start + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            pending.append(await sender.send(settings.input_topic, event_value(pages, first + i)))
        await asyncio.gather(*pending)
        spent = time.perf_counter() - start
    finally:
        await sender.stop()
    return count / spent if spent else 0.0


async def measure(
    bootstrap: str, pages: Sequence[Page], rate: float, count: int, workers: int = 2
) -> Latency:
    """Run the service and a paced publisher at ``rate``; collect ``count`` latencies."""
    settings = bench_settings(bootstrap, workers, f"bench-raw-{uuid.uuid4().hex[:8]}")
    await ensure_topics(settings)
    metrics = Metrics()
    recorded = _Recorded(metrics.end_to_end_seconds)
    metrics.end_to_end_seconds = recorded  # type: ignore[assignment]
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, stop, metrics))
    try:
        await _paced(settings, pages, 50.0, 0, WARM_UP_EVENTS)
        await watch(metrics, WARM_UP_EVENTS, task, 300.0)
        recorded.values.clear()
        achieved = await _paced(settings, pages, rate, WARM_UP_EVENTS, count)
        await watch(metrics, WARM_UP_EVENTS + count, task, 300.0 + 10 * count / rate)
    finally:
        stop.set()
        with contextlib.suppress(Exception):
            await task
        forget_signals()
    assert processed(metrics) >= WARM_UP_EVENTS + count
    return Latency(rate, achieved, workers, list(recorded.values))


async def _run(args: argparse.Namespace, bootstrap: str, pages: Sequence[Page]) -> Latency:
    rate = args.rate
    if rate is None:
        top = args.max_rate or await service_rate(
            bootstrap, await _topic_with(bootstrap, pages, args.events), args.events, args.workers
        )
        rate = top / 2
        print(f"maximum rate {top:.1f} events/s (workers={args.workers}); pacing at half")
    return await measure(bootstrap, pages, rate, args.events, args.workers)


async def _topic_with(bootstrap: str, pages: Sequence[Page], count: int) -> str:
    topic = f"bench-raw-{uuid.uuid4().hex[:8]}"
    await publish(
        bench_settings(bootstrap, 1, topic), (event_value(pages, i) for i in range(count))
    )
    return topic


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--rate", type=float, default=None, help="events per second to pace at")
    parser.add_argument("--max-rate", type=float, default=None, help="pace at half this rate")
    parser.add_argument("--events", type=int, default=1500)
    parser.add_argument("--workers", type=int, default=2)
    add_common_arguments(parser)
    args = parser.parse_args(argv)
    pages = load_pages(args.data, args.limit)
    with broker(args.bootstrap) as bootstrap:
        result = asyncio.run(_run(args, bootstrap, pages))
    print("\n".join(result.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
