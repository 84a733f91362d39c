"""The runner's batch pipeline over a real Kafka broker: overlap and order."""

from __future__ import annotations

import asyncio
import itertools
import time

import pytest

from service.delivery import Batch
from service.demo import SITE
from service.events import encode_event
from service.metrics import Metrics
from service.pool import SplitPool
from service.runner import Runner
from service.settings import Settings
from tests.integration.kafka_helpers import committed, publish, read_all, wait_for
from tests.integration.stall import STALL_MARK, split_or_stall

pytestmark = pytest.mark.integration

BATCH = 4
BATCHES = 3
ACK_DELAY = 0.5  # a slow broker: long enough for the next batch to be split meanwhile


async def run_until_processed(
    runner: Runner, metrics: Metrics, pool: SplitPool, count: int
) -> None:
    """Run ``runner`` until it has processed ``count`` events, then stop and close it."""
    stop = asyncio.Event()
    await runner.start()
    try:
        task = asyncio.create_task(runner.run(stop))
        processed = "pagesplit_events_processed_total"
        await wait_for(lambda: metrics.registry.get_sample_value(processed) == count)
        stop.set()
        await task
    finally:
        await runner.close()
        pool.close()


async def test_next_batch_is_split_while_the_previous_one_is_delivered(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings.model_copy(update={"batch_max_events": BATCH, "workers": 1})
    page = "<html><body><article><h1>A story</h1><p>" + "A sentence of the story. " * 20
    values = [encode_event(f"{SITE}/story-{i}", page + "</p></article></body></html>")
              for i in range(BATCH * BATCHES)]  # fmt: skip
    await publish(settings, values)

    timeline: list[tuple[str, int, float]] = []  # (what, first offset of the batch, when)
    metrics = Metrics()
    pool = SplitPool(1)
    pool.warm_up()
    runner = Runner(settings, metrics, pool)
    split_all, deliver = runner._split_all, runner._delivery.deliver

    async def timed_split(messages):  # type: ignore[no-untyped-def]
        timeline.append(("split", messages[0].offset, time.monotonic()))
        return await split_all(messages)

    async def slow_deliver(batch: Batch) -> bool:
        first = min(items[0][0].offset for items in batch.values())
        timeline.append(("deliver", first, time.monotonic()))
        await asyncio.sleep(ACK_DELAY)
        done = await deliver(batch)
        timeline.append(("delivered", first, time.monotonic()))
        return done

    monkeypatch.setattr(runner, "_split_all", timed_split)
    monkeypatch.setattr(runner._delivery, "deliver", slow_deliver)
    await run_until_processed(runner, metrics, pool, len(values))

    assert (await committed(settings))[0] == len(values)
    when = {(what, first): at for what, first, at in timeline}
    firsts = sorted(first for what, first, _ in timeline if what == "split")
    assert len(firsts) >= 2
    for previous, following in itertools.pairwise(firsts):
        # The next batch is taken and split before the previous one is acknowledged...
        assert when[("split", following)] < when[("delivered", previous)]
        # ...and delivered (so committed) only after it.
        assert when[("deliver", following)] >= when[("delivered", previous)]


async def test_page_stalled_past_the_time_budget_is_a_dead_letter(settings: Settings) -> None:
    settings = settings.model_copy(
        update={"batch_max_events": 4, "workers": 2, "max_page_seconds": 1.0}
    )
    page = "<html><body><article><h1>A story</h1><p>" + "A sentence of the story. " * 20
    values = [
        encode_event(f"{SITE}/{STALL_MARK if i == 1 else 'story'}-{i}", page + "</p></article>")
        for i in range(6)
    ]
    await publish(settings, values)
    metrics = Metrics()
    pool = SplitPool(settings.workers)
    pool.warm_up()
    runner = Runner(settings, metrics, pool, process=split_or_stall)
    await run_until_processed(runner, metrics, pool, len(values))

    assert (await committed(settings))[0] == len(values)
    dead = await read_all(settings, settings.dlq_topic, at_least=1)
    assert [d.headers["pagesplit.error.reason"] for d in dead] == [b"page_timeout"]
    assert STALL_MARK.encode() in dead[0].value
    articles = await read_all(settings, settings.articles_topic, at_least=len(values) - 1)
    assert len(articles) == len(values) - 1
