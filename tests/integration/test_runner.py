"""The runner's batch pipeline over a real Kafka broker: overlap and order."""

from __future__ import annotations

import asyncio
import itertools
import shutil
import time
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.errors import KafkaConnectionError

from service.delivery import Batch
from service.demo import SITE
from service.events import encode_event
from service.feed import ProcessFn
from service.kafka import client_options
from service.metrics import Metrics
from service.pool import SplitPool
from service.runner import Runner
from service.settings import Settings
from tests.integration.kafka_helpers import committed, publish, read_all, wait_for
from tests.integration.stall import (
    CRASH_MARK,
    LAST_MARK,
    STALL_MARK,
    queued_marks,
    split_or_crash,
    split_or_stall,
    split_when_next_queued,
)

pytestmark = pytest.mark.integration

BATCH = 4
BATCHES = 3
ACK_DELAY = 0.5  # a slow broker: long enough for the next batch to be split meanwhile
# A transactional producer slow to start (its InitProducerId waits for the previous
# owner's transaction to complete): long enough for several batches to be fetched.
PRODUCER_START_DELAY = 2.0


def stories(count: int, marks: dict[int, str]) -> list[bytes]:
    """``count`` story events, the URL of event ``i`` carrying ``marks[i]`` where given."""
    page = "<html><body><article><h1>A story</h1><p>" + "A sentence of the story. " * 20
    return [
        encode_event(f"{SITE}/{marks.get(i, 'story')}-{i}", page + "</p></article>")
        for i in range(count)
    ]


async def split_with(settings: Settings, process: ProcessFn, count: int) -> None:
    """Run a runner splitting with ``process`` until it has processed ``count`` events."""
    metrics = Metrics()
    pool = SplitPool(settings.workers)
    pool.warm_up()
    runner = Runner(settings, metrics, pool, process=process)
    await run_until_processed(runner, metrics, pool, count)


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
    submit, deliver = runner._feed.submit, runner._delivery.deliver

    async def timed_split(jobs):  # type: ignore[no-untyped-def]
        timeline.append(("split", jobs[0].source.offset, time.monotonic()))
        return await submit(jobs)

    async def slow_deliver(batch: Batch) -> bool:
        first = min(items[0][0].offset for items in batch.values())
        timeline.append(("deliver", first, time.monotonic()))
        await asyncio.sleep(ACK_DELAY)
        done = await deliver(batch)
        timeline.append(("delivered", first, time.monotonic()))
        return done

    monkeypatch.setattr(runner._feed, "submit", timed_split)
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


@pytest.mark.parametrize("mode", ["at_least_once", "exactly_once"])
async def test_every_commit_of_a_batchs_offsets_is_timed(settings: Settings, mode: str) -> None:
    """``pagesplit_commit_seconds`` counts each batch's commit, in either delivery mode."""
    settings = settings.model_copy(
        update={"batch_max_events": BATCH, "workers": 1, "delivery": mode}
    )
    values = stories(BATCH * BATCHES, {})
    await publish(settings, values)
    metrics = Metrics()
    pool = SplitPool(1)
    pool.warm_up()
    await run_until_processed(Runner(settings, metrics, pool), metrics, pool, len(values))

    commits = metrics.registry.get_sample_value("pagesplit_commit_seconds_count")
    seconds = metrics.registry.get_sample_value("pagesplit_commit_seconds_sum")
    # A batch holds at most BATCH events, and one partition commits once a batch.
    assert commits is not None and BATCHES <= commits <= len(values)
    assert seconds is not None and seconds > 0


@pytest.mark.parametrize("mode", ["at_least_once", "exactly_once"])
async def test_lag_is_reported_from_the_groups_commit_before_this_runner_commits(
    settings: Settings, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A runner that cannot deliver (a broker refusing its writes, every batch stuck)
    still shows the partition's lag, from the offset the group committed before, and
    the lag grows as events keep coming: the alerts on a lag that does not fall need
    the series. The partition is taken over slowly (a transactional producer waiting
    for its predecessor's transaction), so that batches are fetched before the group's
    offset is known, and the loop is blocked on its stuck batches long before."""
    settings = settings.model_copy(
        update={"batch_max_events": BATCH, "workers": 1, "delivery": mode}
    )
    await publish(settings, stories(10, {}))
    tp = TopicPartition(settings.input_topic, 0)
    earlier = AIOKafkaConsumer(**client_options(settings), group_id=settings.group_id)
    await earlier.start()
    try:
        earlier.assign([tp])
        await earlier.commit({tp: 4})  # a runner before this one split the first four
    finally:
        await earlier.stop()

    metrics = Metrics()
    pool = SplitPool(1)
    runner = Runner(settings, metrics, pool)
    assigned = runner._delivery.assigned

    async def slow_assigned(partitions: set[TopicPartition]) -> None:
        await asyncio.sleep(PRODUCER_START_DELAY)
        await assigned(partitions)

    async def stuck(batch: Batch) -> bool:
        await asyncio.Event().wait()
        return True

    monkeypatch.setattr(runner._delivery, "assigned", slow_assigned)
    monkeypatch.setattr(runner._delivery, "deliver", stuck)
    await runner.start()
    task = asyncio.create_task(runner.run(asyncio.Event()))
    try:
        lag = "pagesplit_consumer_lag"
        await wait_for(lambda: metrics.registry.get_sample_value(lag, {"partition": "0"}) == 6)
        await publish(settings, stories(5, {}))
        await wait_for(lambda: metrics.registry.get_sample_value(lag, {"partition": "0"}) == 11)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await runner.close()
        pool.close()


async def test_the_next_batch_is_queued_before_a_worker_runs_dry(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each page's worker finishes it only once the next event's split is queued in the
    pool (``split_when_next_queued``): at a batch's last page, the next batch must be
    queued already, while this one is still being split."""
    settings = settings.model_copy(update={"batch_max_events": BATCH, "workers": 1})
    count = BATCH * BATCHES
    await publish(settings, stories(count, {count - 1: LAST_MARK}))
    marks = queued_marks(settings.input_topic)
    marks.mkdir()
    pool = SplitPool(1)
    pool.warm_up()
    submit = pool.submit

    def marked_submit(fn: Any, *args: Any) -> asyncio.Future[Any]:
        future = submit(fn, *args)
        (marks / str(args[1].offset)).touch()  # args: value, source, limits, body
        return future

    monkeypatch.setattr(pool, "submit", marked_submit)
    metrics = Metrics()
    runner = Runner(settings, metrics, pool, process=split_when_next_queued)
    try:
        await run_until_processed(runner, metrics, pool, count)
        late = sorted(p.name for p in marks.glob("late-*"))
    finally:
        shutil.rmtree(marks)

    assert late == []  # no page finished before the next one was queued
    assert (await committed(settings))[0] == count
    articles = await read_all(settings, settings.articles_topic, at_least=count)
    assert sorted(a.json()["source"]["offset"] for a in articles) == list(range(count))  # type: ignore[index]


async def test_page_that_kills_its_worker_is_a_dead_letter_and_the_batches_queued_behind_it_pass(
    settings: Settings,
) -> None:
    settings = settings.model_copy(update={"batch_max_events": BATCH, "workers": 2})
    crash = BATCH + 1  # in the second batch, the third queued behind it
    values = stories(BATCH * BATCHES, {crash: CRASH_MARK})
    await publish(settings, values)
    await split_with(settings, split_or_crash, len(values))

    assert (await committed(settings))[0] == len(values)
    dead = await read_all(settings, settings.dlq_topic, at_least=1)
    assert [d.headers["pagesplit.error.reason"] for d in dead] == [b"split_crash"]
    assert dead[0].headers["pagesplit.source.offset"] == str(crash).encode()
    articles = await read_all(settings, settings.articles_topic, at_least=len(values) - 1)
    offsets = sorted(a.json()["source"]["offset"] for a in articles)  # type: ignore[index]
    assert offsets == [i for i in range(len(values)) if i != crash]


async def test_page_stalled_past_the_time_budget_is_a_dead_letter(settings: Settings) -> None:
    settings = settings.model_copy(
        update={"batch_max_events": 4, "workers": 2, "max_page_seconds": 1.0}
    )
    values = stories(6, {1: STALL_MARK})
    await publish(settings, values)
    await split_with(settings, split_or_stall, len(values))

    assert (await committed(settings))[0] == len(values)
    dead = await read_all(settings, settings.dlq_topic, at_least=1)
    assert [d.headers["pagesplit.error.reason"] for d in dead] == [b"page_timeout"]
    assert STALL_MARK.encode() in dead[0].value
    articles = await read_all(settings, settings.articles_topic, at_least=len(values) - 1)
    assert len(articles) == len(values) - 1


async def test_batches_fetched_before_the_partitions_producer_is_ready_are_read_again(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exactly-once: the records fetched while a newly assigned partition's producer
    still starts are delivered once it is ready, each exactly once."""
    settings = settings.model_copy(
        update={"batch_max_events": BATCH, "workers": 1, "delivery": "exactly_once"}
    )
    page = "<html><body><article><h1>A story</h1><p>" + "A sentence of the story. " * 20
    values = [encode_event(f"{SITE}/story-{i}", page + "</p></article></body></html>")
              for i in range(BATCH * 6)]  # fmt: skip
    await publish(settings, values)
    start = AIOKafkaProducer.start

    async def slow_start(producer: AIOKafkaProducer) -> None:
        await asyncio.sleep(PRODUCER_START_DELAY)
        await start(producer)

    monkeypatch.setattr(AIOKafkaProducer, "start", slow_start)
    metrics = Metrics()
    pool = SplitPool(1)
    pool.warm_up()
    runner = Runner(settings, metrics, pool)
    stop = asyncio.Event()
    await runner.start()
    try:
        task = asyncio.create_task(runner.run(stop))
        partition = TopicPartition(settings.input_topic, 0)
        await wait_for(lambda: runner._committed.get(partition) == len(values))
        stop.set()
        await task
    finally:
        await runner.close()
        pool.close()

    articles = await read_all(settings, settings.articles_topic, at_least=len(values))
    offsets = sorted(a.json()["source"]["offset"] for a in articles)  # type: ignore[index]
    assert offsets == list(range(len(values)))


async def test_a_partition_that_cannot_be_taken_over_stops_the_runner(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exactly-once: a producer that fails to start leaves its partition never ready;
    the runner raises (the service exits and is restarted) instead of idling."""
    settings = settings.model_copy(update={"workers": 1, "delivery": "exactly_once"})
    await publish(settings, [encode_event(f"{SITE}/story", "<html><body><p>A story.</p>")])

    async def failing_start(producer: AIOKafkaProducer) -> None:
        raise KafkaConnectionError("the transaction coordinator is unreachable")

    monkeypatch.setattr(AIOKafkaProducer, "start", failing_start)
    pool = SplitPool(1)
    runner = Runner(settings, Metrics(), pool)
    await runner.start()
    try:
        with pytest.raises(RuntimeError, match="could not be taken over"):
            await asyncio.wait_for(runner.run(asyncio.Event()), timeout=60)
    finally:
        await runner.close()
        pool.close()
