"""What the runner counts and logs of a delivered batch (no broker needed: the
consumer is never started)."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest
from aiokafka import TopicPartition
from prometheus_client import Counter

from service.extract.model import TextStats
from service.metrics import Metrics
from service.pipeline import Done, Failed, Output
from service.pool import SplitPool
from service.runner import Runner
from service.settings import load_settings


async def account(batch: object, acked: float, metrics: Metrics | None = None) -> Metrics:
    """The metrics of a runner (never started) that has counted ``batch``."""
    metrics = metrics or Metrics()
    pool = SplitPool(1)
    runner = Runner(load_settings(workers=1), metrics, pool)
    try:
        runner._account(batch, acked)  # type: ignore[arg-type]
    finally:
        await runner.close()
        pool.close()
    return metrics


async def test_split_warnings_are_counted_and_a_failed_stage_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    stats = TextStats(0, 0, 0)
    tp = TopicPartition("raw", 3)
    batch = {
        tp: [
            (SimpleNamespace(topic="raw", partition=3, offset=7, value=b"{}"),
             Done((), None, 0.01, stats, ("teasers_failed",))),
            (SimpleNamespace(topic="raw", partition=3, offset=8, value=b"{}"),
             Done((), None, 0.01, stats, ("body_from_jsonld",))),
            (SimpleNamespace(topic="raw", partition=3, offset=9, value=b"{}"),
             Done((), None, 0.01, stats)),
        ]
    }  # fmt: skip
    with caplog.at_level(logging.ERROR, logger="service.runner"):
        metrics = await account(batch, 0.0)

    def count(warning: str) -> float | None:
        name = "pagesplit_split_warnings_total"
        return metrics.registry.get_sample_value(name, {"warning": warning})

    assert count("teasers_failed") == 1
    assert count("body_from_jsonld") == 1
    assert count("metadata_failed") == 0
    assert [r.getMessage() for r in caplog.records] == [
        "raw/3@7 split without a stage that failed (teasers_failed): a bug; "
        "`pagesplit split` on the event shows its traceback"
    ]


async def test_a_batch_is_counted_with_a_labelled_counter_looked_up_once_a_label(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    outputs = (Output("article", b"a", b"{}"), Output("teaser", b"t1", b"{}"),
               Output("teaser", b"t2", b"{}"))  # fmt: skip
    tp = TopicPartition("raw", 0)
    batch = {
        tp: [
            (SimpleNamespace(topic="raw", partition=0, offset=i, value=b"{}"),
             Done(outputs, 100.0, 0.01, TextStats(10, 5, 1), ("body_from_jsonld",)))
            for i in range(50)
        ]
        + [(SimpleNamespace(topic="raw", partition=0, offset=50, value=b"x"),
            Failed("not_html", "binary", 0.0))]
    }  # fmt: skip
    lookups: list[object] = []
    labels = Counter.labels

    def counted(self: Counter, *args: object, **kwargs: object) -> object:
        lookups.append(kwargs)
        return labels(self, *args, **kwargs)

    metrics = Metrics()
    monkeypatch.setattr(Counter, "labels", counted)
    await account(batch, 101.0, metrics)
    monkeypatch.undo()

    def sample(name: str, labels: dict[str, str]) -> float | None:
        return metrics.registry.get_sample_value(name, labels)

    # records article and teaser, a dead letter, a warning, text article, teaser, dropped
    assert len(lookups) == 7
    assert sample("pagesplit_records_produced_total", {"type": "article"}) == 50
    assert sample("pagesplit_records_produced_total", {"type": "teaser"}) == 100
    assert sample("pagesplit_dead_letters_total", {"reason": "not_html"}) == 1
    assert sample("pagesplit_split_warnings_total", {"warning": "body_from_jsonld"}) == 50
    assert sample("pagesplit_text_chars_total", {"kind": "article"}) == 500
    assert sample("pagesplit_text_chars_total", {"kind": "teaser"}) == 250
    assert sample("pagesplit_text_chars_total", {"kind": "dropped"}) == 50
    assert sample("pagesplit_event_bytes_count", {}) == 51
    assert sample("pagesplit_end_to_end_latency_seconds_count", {}) == 50


async def test_split_time_counts_only_events_a_worker_timed() -> None:
    """An event that never reached a worker (its body not fetched) or whose worker died
    has no split time: counted as 0 s, it would pull the quantiles down."""
    stats = TextStats(0, 0, 0)
    message = SimpleNamespace(topic="raw", partition=0, offset=1, value=b"{}")
    batch = {
        TopicPartition("raw", 0): [
            (message, Done((), None, 0.5, stats)),
            (message, Failed("http_status", "crawler got HTTP 503", 0.25)),
            (message, Failed("body_unavailable", "body not fetched within 30s", None)),
            (message, Failed("split_crash", "a splitting process died on this page", None)),
        ]
    }
    metrics = await account(batch, 0.0)
    assert metrics.registry.get_sample_value("pagesplit_split_seconds_count") == 2
    assert metrics.registry.get_sample_value("pagesplit_split_seconds_sum") == 0.75
    assert metrics.registry.get_sample_value("pagesplit_event_bytes_count") == 4


@pytest.mark.parametrize("outcome", ["committed", "refused", "failed"])
async def test_a_batch_counts_as_processed_only_once_committed_and_leaves_the_in_flight_count(
    monkeypatch: pytest.MonkeyPatch, outcome: str
) -> None:
    """A commit refused after a rebalance leaves the batch to the partition's new owner,
    which counts it; a batch whose delivery failed (swallowed as partitions are revoked)
    is no longer in flight either way."""
    metrics = Metrics()
    pool = SplitPool(1)
    runner = Runner(load_settings(workers=1), metrics, pool)
    tp = TopicPartition("raw", 0)
    messages = [SimpleNamespace(topic="raw", partition=0, offset=n, value=b"{}") for n in range(3)]
    bodies: list[bytes | Failed | None] = [Failed("body_unavailable", "not fetched", None)] * 3

    async def no_splits(splits: object) -> list[object]:
        return []

    async def deliver(batch: object) -> bool:
        if outcome == "failed":
            raise RuntimeError("the producer's write failed")
        return outcome == "committed"

    monkeypatch.setattr(runner._feed, "results", no_splits)
    monkeypatch.setattr(runner._delivery, "deliver", deliver)
    metrics.events_in_flight.inc(3)  # as taking the batch does
    try:
        if outcome == "failed":
            with pytest.raises(RuntimeError):
                await runner._complete({tp: messages}, bodies, [], None)  # type: ignore[arg-type]
        else:
            await runner._complete({tp: messages}, bodies, [], None)  # type: ignore[arg-type]
    finally:
        await runner.close()
        pool.close()
    processed = metrics.registry.get_sample_value("pagesplit_events_processed_total")
    assert processed == (3 if outcome == "committed" else 0)
    assert metrics.registry.get_sample_value("pagesplit_events_in_flight") == 0
