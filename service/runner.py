"""The Kafka runner: consume raw page events, split them, deliver records, commit last.

Each batch taken from the consumer is split in the process pool, then handed
to the delivery strategy (``service.delivery``), which produces its records
and dead letters and commits its offsets only after they are acknowledged.
Splitting runs in worker processes, so the event loop stays free for Kafka's
network I/O and every core can be used.

Two batches overlap: while one is delivered, the next is fetched and split.
Deliveries stay in order (a batch is handed over only after the previous
one is delivered), so offsets are committed in order; at most two batches
(``2 x batch_max_events`` events) are in flight.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool

from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition

from service.delivery import Batch, Message, make_delivery
from service.events import InvalidEvent, decode_event
from service.fetch import BodyFetcher, FetchError
from service.kafka import client_options
from service.metrics import Metrics
from service.pipeline import Done, Failed, PipelineLimits, process_event
from service.pool import SplitPool
from service.records import Source
from service.settings import Settings

log = logging.getLogger(__name__)
# A page stuck past max_page_seconds x this + the slack is stuck where the time
# budget cannot stop it: its worker is killed.
HARD_DEADLINE_FACTOR = 2.0
HARD_DEADLINE_SLACK_SECONDS = 1.0

# What the pool runs on each event (value, source, limits, fetched body);
# picklable, so a module-level function. Benchmarks swap it to measure the loop.
ProcessFn = Callable[[bytes | None, Source, PipelineLimits, bytes | None], Done | Failed]


class Runner:
    """Consumes ``settings.input_topic`` in a consumer group until ``stop`` is set."""

    def __init__(
        self,
        settings: Settings,
        metrics: Metrics,
        pool: SplitPool,
        fetcher: BodyFetcher | None = None,
        process: ProcessFn = process_event,
    ) -> None:
        self._settings = settings
        self._process_fn = process
        self._metrics = metrics
        self._pool = pool
        self._fetcher = fetcher
        self._fetch_slots = asyncio.Semaphore(settings.body_ref_concurrency)
        self._limits = PipelineLimits.from_settings(settings)
        # Held while a batch is split and handed over; a rebalance takes it and
        # then waits for the delivery in flight, so that partitions leave only
        # after their work is committed.
        self._batch_lock = asyncio.Lock()
        self._delivering: asyncio.Task[None] | None = None
        self._committed: dict[TopicPartition, int] = {}
        self._assign_error: Exception | None = None
        self._consumer = AIOKafkaConsumer(
            **client_options(settings),
            group_id=settings.group_id,
            enable_auto_commit=False,
            auto_offset_reset=settings.auto_offset_reset,
            isolation_level="read_committed",
            max_partition_fetch_bytes=4 * 1024 * 1024,
        )
        self._delivery = make_delivery(settings, self._consumer)
        self.last_progress = time.monotonic()

    @property
    def ready(self) -> bool:
        """Connected and assigned at least one partition."""
        return bool(self._consumer.assignment())

    async def start(self) -> None:
        await self._delivery.start()
        self._consumer.subscribe([self._settings.input_topic], listener=_Listener(self))
        await self._consumer.start()

    async def close(self) -> None:
        """Leave the group, then close the producers."""
        await self._consumer.stop()
        await self._delivery.close()

    async def run(self, stop: asyncio.Event) -> None:
        """Process batches until ``stop`` is set; the batches in flight are always finished."""
        try:
            while not stop.is_set():
                if self._assign_error is not None:
                    raise RuntimeError("partitions could not be taken over") from self._assign_error
                fetched = await self._consumer.getmany(
                    timeout_ms=500, max_records=self._settings.batch_max_events
                )
                if fetched:
                    async with self._batch_lock:
                        await self._process(fetched)
                elif self._delivering is not None and self._delivering.done():
                    await self._delivered()  # an idle stream learns of a failed delivery
                self._update_lag()
                self.last_progress = time.monotonic()
                self._metrics.last_progress.set(time.time())
            await self._delivered()
        finally:
            task, self._delivering = self._delivering, None
            if task is not None:  # cancelled or failed: left uncommitted, to be reprocessed
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)  # let it unwind first

    async def _process(self, fetched: dict[TopicPartition, list[Message]]) -> None:
        """Split a batch, wait for the previous batch's delivery, then start this one's."""
        # Partitions revoked since the fetch are left to their new owner; records of a
        # partition its delivery is not ready for yet are read again once it is.
        assigned = self._consumer.assignment()
        fetched = {
            tp: msgs
            for tp, msgs in fetched.items()
            if msgs and tp in assigned and self._delivery.ready(tp)
        }
        messages = [m for msgs in fetched.values() for m in msgs]
        if not messages:
            return
        self._metrics.events_consumed.inc(len(messages))
        self._metrics.events_in_flight.inc(len(messages))
        results = iter(await self._split_all(messages))
        batch: Batch = {tp: [(msg, next(results)) for msg in msgs] for tp, msgs in fetched.items()}
        await self._delivered()
        self._delivering = asyncio.create_task(self._deliver(batch, len(messages)))

    async def _deliver(self, batch: Batch, count: int) -> None:
        committed = await self._delivery.deliver(batch)
        self._account(batch, time.time())
        if committed:
            self._committed.update({tp: items[-1][0].offset + 1 for tp, items in batch.items()})
        self._metrics.events_processed.inc(count)
        self._metrics.events_in_flight.dec(count)

    async def _delivered(self) -> None:
        """Wait for the delivery in flight, if any; re-raises its error."""
        task, self._delivering = self._delivering, None
        if task is not None:
            await task

    def _account(self, batch: Batch, acked: float) -> None:
        m = self._metrics
        for items in batch.values():
            for msg, result in items:
                m.event_bytes.observe(len(msg.value or b""))
                m.split_seconds.observe(result.seconds)
                if isinstance(result, Failed):
                    m.dead_letters.labels(reason=result.reason).inc()
                    continue
                for out in result.outputs:
                    m.records_produced.labels(type=out.kind).inc()
                for warning in result.warnings:
                    m.split_warnings.labels(warning=warning).inc()
                    if warning.endswith("_failed"):
                        log.error(
                            "%s/%d@%d split without a stage that failed (%s): a bug; "
                            "`pagesplit split` on the event shows its traceback",
                            msg.topic,
                            msg.partition,
                            msg.offset,
                            warning,
                        )
                if result.fetched_at is not None:
                    m.end_to_end_seconds.observe(max(0.0, acked - result.fetched_at))
                m.text_chars.labels(kind="article").inc(result.stats.article_chars)
                m.text_chars.labels(kind="teaser").inc(result.stats.teaser_chars)
                m.text_chars.labels(kind="dropped").inc(result.stats.dropped_chars)

    async def _split_all(self, messages: Sequence[Message]) -> list[Done | Failed]:
        """Fetch bodies by reference, then split every message in the pool, in order.

        A body that cannot be fetched, or a page that kills a worker or holds it past
        the hard deadline (``_hard_deadline``), is a dead letter.
        """
        fetched = await asyncio.gather(*(self._fetch_body(m.value) for m in messages))
        results: list[Done | Failed | None] = [
            f if isinstance(f, Failed) else None for f in fetched
        ]
        jobs = [
            (i, msg.value, Source(msg.topic, msg.partition, msg.offset, None), body)
            for i, (msg, body) in enumerate(zip(messages, fetched, strict=True))
            if not isinstance(body, Failed)
        ]
        futures = [
            self._pool.submit(self._process_fn, v, src, self._limits, b) for _, v, src, b in jobs
        ]
        try:
            await self._all_done(futures)
            for (i, *_), future in zip(jobs, futures, strict=True):
                results[i] = future.result()
        except (BrokenProcessPool, TimeoutError) as exc:
            for future in futures:
                future.cancel()
            stuck = isinstance(exc, TimeoutError)
            log.error(
                "a splitting process %s; retrying the batch one event at a time",
                "is stuck past the time budget" if stuck else "died",
            )
            if stuck:
                self._pool.kill()
            else:
                self._pool.restart()
            for i, value, src, body in jobs:
                results[i] = await self._split_alone(value, src, body)
        return [r for r in results if r is not None]

    async def _all_done(self, futures: Sequence[asyncio.Future[Done | Failed]]) -> None:
        """Wait for every split; ``TimeoutError`` when none of those left finishes within
        the hard deadline of one page: a worker is stuck."""
        pending = set(futures)
        while pending:
            done, pending = await asyncio.wait(
                pending, timeout=self._hard_deadline(), return_when=asyncio.FIRST_COMPLETED
            )
            if not done:
                raise TimeoutError

    def _hard_deadline(self) -> float | None:
        """How long one page may hold a worker before the worker is killed: the time
        budget stops a page inside Python code, but not one stuck in a single C call
        (the parser), whose signal handler runs only when the call returns."""
        budget = self._limits.max_page_seconds
        if budget is None:
            return None
        return budget * HARD_DEADLINE_FACTOR + HARD_DEADLINE_SLACK_SECONDS

    async def _split_alone(
        self, value: bytes | None, src: Source, body: bytes | None
    ) -> Done | Failed:
        """One event in the pool on its own: a worker that dies on it, or is stuck past
        the hard deadline (and killed), makes it a dead letter."""
        where = f"{src.topic}/{src.partition}@{src.offset}"
        try:
            return await asyncio.wait_for(
                self._pool.submit(self._process_fn, value, src, self._limits, body),
                self._hard_deadline(),
            )
        except BrokenProcessPool:
            log.error("a splitting process died on %s", where)
            self._pool.restart()
            return Failed("split_crash", "a splitting process died on this page", 0.0)
        except TimeoutError:
            log.error("a splitting process is stuck on %s; killed", where)
            self._pool.kill()
            message = f"not split within {self._limits.max_page_seconds}s (its worker was killed)"
            return Failed("page_timeout", message, 0.0)

    async def _fetch_body(self, value: bytes | None) -> bytes | Failed | None:
        """The body of a body_ref event, or its failure; None for every other event."""
        if self._fetcher is None or value is None or b'"body_ref"' not in value:
            return None
        try:  # a body_ref event carries no body, so decoding it here is cheap
            event = decode_event(
                value, self._settings.max_event_bytes, self._settings.max_page_bytes
            )
        except InvalidEvent:
            return None  # the worker dead-letters it with the reason
        if event.body_ref is None:
            return None
        if event.crawl_failed:
            return None  # the worker dead-letters it http_status: the body is not needed
        deadline = self._settings.body_ref_deadline_seconds
        async with self._fetch_slots:
            try:
                async with asyncio.timeout(deadline):
                    return await self._fetcher.fetch(event.body_ref)
            except FetchError as exc:
                return Failed(exc.reason, str(exc), 0.0)
            except TimeoutError:
                return Failed("body_unavailable", f"body not fetched within {deadline:g}s", 0.0)

    async def on_assigned(self, assigned: set[TopicPartition]) -> None:
        try:
            await self._delivery.assigned(assigned)
        except Exception as exc:
            # The consumer only logs a callback's error; the partitions would never be
            # ready. ``run`` raises it, and the service exits to be restarted.
            self._assign_error = exc
            raise

    async def on_revoked(self, revoked: set[TopicPartition]) -> None:
        """Wait for the batches in flight (they commit themselves), then let ``revoked`` go."""
        async with self._batch_lock:
            try:
                await self._delivered()
            except Exception:  # its batch stays uncommitted: the partitions' next owner rereads it
                log.exception("a delivery failed as partitions were revoked")
            await self._delivery.revoked(revoked)
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
        await self._runner.on_revoked(revoked)
        log.info("partitions revoked: %s", sorted(tp.partition for tp in revoked))

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        await self._runner.on_assigned(assigned)
        log.info("partitions assigned: %s", sorted(tp.partition for tp in assigned))
