"""The Kafka runner: consume raw page events, split them, produce records, commit last.

At-least-once: a batch's offsets are committed only after every record and
dead letter produced from it is acknowledged (``acks=all``, idempotent
producer). Splitting runs in a process pool, so the event loop stays free for
Kafka's network I/O and every core can be used.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import CommitFailedError

from service.kafka import client_options
from service.metrics import Metrics
from service.pipeline import Done, Failed, PipelineLimits, process_event
from service.pool import SplitPool
from service.records import Source, utc_now
from service.settings import Settings

log = logging.getLogger(__name__)

# aiokafka.ConsumerRecord; aiokafka ships no type information.
Message = Any

# What the pool runs on each event; picklable (a module-level function).
ProcessFn = Callable[[bytes | None, Source, PipelineLimits], Done | Failed]


class Runner:
    """Consumes ``settings.input_topic`` in a consumer group until ``stop`` is set."""

    def __init__(
        self,
        settings: Settings,
        metrics: Metrics,
        pool: SplitPool,
        process: ProcessFn = process_event,
    ) -> None:
        """``process`` is the work done on each event; benchmarks swap it to measure the loop."""
        self._settings = settings
        self._metrics = metrics
        self._pool = pool
        self._process = process
        self._limits = PipelineLimits(
            max_event_bytes=settings.max_event_bytes,
            max_page_bytes=settings.max_page_bytes,
            max_page_nodes=settings.max_page_nodes,
            max_record_bytes=settings.max_record_bytes,
        )
        self._topics = {"article": settings.articles_topic, "teaser": settings.teasers_topic}
        # Held while a batch is in flight; a rebalance waits for it, so that
        # partitions leave only after their work is committed.
        self._batch_lock = asyncio.Lock()
        self._committed: dict[TopicPartition, int] = {}
        opts = client_options(settings)
        self._consumer = AIOKafkaConsumer(
            **opts,
            group_id=settings.group_id,
            enable_auto_commit=False,
            auto_offset_reset=settings.auto_offset_reset,
            isolation_level="read_committed",
            max_partition_fetch_bytes=4 * 1024 * 1024,
        )
        self._producer = AIOKafkaProducer(
            **opts,
            acks="all",
            enable_idempotence=True,
            linger_ms=5,
            compression_type="zstd",
            max_request_size=max(settings.max_event_bytes, settings.max_record_bytes) + 64 * 1024,
        )
        self.last_progress = time.monotonic()

    @property
    def ready(self) -> bool:
        """Connected and assigned at least one partition."""
        return bool(self._consumer.assignment())

    async def start(self) -> None:
        await self._producer.start()
        self._consumer.subscribe([self._settings.input_topic], listener=_Listener(self))
        await self._consumer.start()

    async def close(self) -> None:
        """Leave the group and flush the producer (in that order)."""
        await self._consumer.stop()
        await self._producer.stop()

    async def run(self, stop: asyncio.Event) -> None:
        """Process batches until ``stop`` is set; the batch in flight is always finished."""
        while not stop.is_set():
            batch = await self._consumer.getmany(
                timeout_ms=500, max_records=self._settings.batch_max_events
            )
            if batch:
                async with self._batch_lock:
                    await self._process_batch(batch)
            self._update_lag()
            self.last_progress = time.monotonic()
            self._metrics.last_progress.set(time.time())

    async def _process_batch(self, batch: dict[TopicPartition, list[Message]]) -> None:
        assigned = self._consumer.assignment()
        messages = [m for tp, msgs in batch.items() if tp in assigned for m in msgs]
        if not messages:
            return
        m = self._metrics
        m.events_consumed.inc(len(messages))
        m.events_in_flight.set(len(messages))
        results = await self._split_all(messages)
        deliveries: list[Awaitable[Any]] = []
        counts = {"article": 0, "teaser": 0}
        reasons: list[str] = []
        latencies: list[float] = []
        for msg, result in zip(messages, results, strict=True):
            m.event_bytes.observe(len(msg.value or b""))
            m.split_seconds.observe(result.seconds)
            if isinstance(result, Done):
                for out in result.outputs:
                    deliveries.append(
                        await self._producer.send(self._topics[out.kind], out.value, key=out.key)
                    )
                    counts[out.kind] += 1
                if result.fetched_at is not None:
                    latencies.append(result.fetched_at)
                m.text_chars.labels(kind="article").inc(result.stats.article_chars)
                m.text_chars.labels(kind="teaser").inc(result.stats.teaser_chars)
                m.text_chars.labels(kind="dropped").inc(result.stats.dropped_chars)
            else:
                deliveries.append(await self._dead_letter(msg, result))
                reasons.append(result.reason)
        await asyncio.gather(*deliveries)  # a failed delivery raises: nothing is committed
        acked = time.time()
        for kind, n in counts.items():
            m.records_produced.labels(type=kind).inc(n)
        for reason in reasons:
            m.dead_letters.labels(reason=reason).inc()
        for fetched in latencies:
            m.end_to_end_seconds.observe(max(0.0, acked - fetched))
        await self._commit(
            {tp: msgs[-1].offset + 1 for tp, msgs in batch.items() if tp in assigned}
        )
        m.events_processed.inc(len(messages))
        m.events_in_flight.set(0)

    async def _split_all(self, messages: Sequence[Message]) -> list[Done | Failed]:
        """Split every message in the pool; a page that kills a worker is a dead letter."""
        jobs = [(msg.value, Source(msg.topic, msg.partition, msg.offset, None)) for msg in messages]
        try:
            return await asyncio.gather(
                *(self._pool.submit(self._process, value, src, self._limits) for value, src in jobs)
            )
        except BrokenProcessPool:
            log.error("a splitting process died; retrying the batch one event at a time")
            self._pool.restart()
        results: list[Done | Failed] = []
        for value, src in jobs:
            try:
                results.append(await self._pool.submit(self._process, value, src, self._limits))
            except BrokenProcessPool:
                log.error(
                    "splitting process died on %s/%s@%s", src.topic, src.partition, src.offset
                )
                results.append(
                    Failed("split_crash", "the splitting process died on this page", 0.0)
                )
                self._pool.restart()
        return results

    async def _dead_letter(self, msg: Message, failure: Failed) -> asyncio.Future[Any]:
        log.warning(
            "dead letter %s/%d@%d: %s: %s",
            msg.topic,
            msg.partition,
            msg.offset,
            failure.reason,
            failure.message,
        )
        headers = list(msg.headers or ())
        headers += [
            ("pagesplit.error.reason", failure.reason.encode()),
            ("pagesplit.error.message", failure.message[:2000].encode()),
            ("pagesplit.source.topic", msg.topic.encode()),
            ("pagesplit.source.partition", str(msg.partition).encode()),
            ("pagesplit.source.offset", str(msg.offset).encode()),
            ("pagesplit.failed_at", utc_now().encode()),
        ]
        future: asyncio.Future[Any] = await self._producer.send(
            self._settings.dlq_topic, msg.value or b"", key=msg.key, headers=headers
        )
        return future

    async def _commit(self, offsets: dict[TopicPartition, int]) -> None:
        if not offsets:
            return
        start = time.perf_counter()
        try:
            await self._consumer.commit(offsets)
        except CommitFailedError:
            # The group rebalanced under us: the new owner reprocesses this
            # batch (at-least-once), so its records may appear twice.
            log.warning(
                "commit failed after a rebalance; %d partitions will be reprocessed", len(offsets)
            )
            return
        self._metrics.commit_seconds.observe(time.perf_counter() - start)
        self._committed.update(offsets)

    async def commit_before_revoke(self, revoked: set[TopicPartition]) -> None:
        """Wait for the batch in flight (it commits its own offsets) and forget ``revoked``."""
        async with self._batch_lock:
            for tp in revoked:
                self._committed.pop(tp, None)
                with contextlib.suppress(KeyError):
                    self._metrics.consumer_lag.remove(str(tp.partition))

    def _update_lag(self) -> None:
        for tp in self._consumer.assignment():
            high = self._consumer.highwater(tp)
            done = self._committed.get(tp)
            if high is not None and done is not None:
                self._metrics.consumer_lag.labels(partition=str(tp.partition)).set(
                    max(0, high - done)
                )


class _Listener(ConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        await self._runner.commit_before_revoke(revoked)
        log.info("partitions revoked: %s", sorted(tp.partition for tp in revoked))

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        log.info("partitions assigned: %s", sorted(tp.partition for tp in assigned))
