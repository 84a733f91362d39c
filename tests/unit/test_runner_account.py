"""What the runner counts and logs of a delivered batch (no broker needed: the
consumer is never started)."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest
from aiokafka import TopicPartition

from service.extract.model import TextStats
from service.metrics import Metrics
from service.pipeline import Done
from service.pool import SplitPool
from service.runner import Runner
from service.settings import load_settings


async def test_split_warnings_are_counted_and_a_failed_stage_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    metrics = Metrics()
    pool = SplitPool(1)
    runner = Runner(load_settings(workers=1), metrics, pool)
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
    try:
        with caplog.at_level(logging.ERROR, logger="service.runner"):
            runner._account(batch, 0.0)  # type: ignore[arg-type]
    finally:
        await runner.close()
        pool.close()

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
