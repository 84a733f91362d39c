"""The Kafka runner: consume raw page events, split them, deliver records, commit last.

Each batch taken from the consumer is split in the process pool, then handed
to the delivery strategy (``service.delivery``), which produces its records
and dead letters and commits its offsets only after they are acknowledged.
Splitting runs in worker processes, so the event loop stays free for Kafka's
network I/O and every core can be used.

Two batches overlap: a batch's splits are queued in the pool as soon as it is
taken (``service.feed``), while the previous batch is still being split or
delivered, so the workers go from one batch to the next without waiting.
Deliveries stay in order (a batch is handed over only after the previous one
is delivered), so offsets are committed in order; at most two batches
(``2 x batch_max_events`` events) are in flight: the next batch is taken once
the one before the last is committed.

The lag is read on a schedule of its own (``LAG_INTERVAL``), from the
brokers' end offsets, so that it shows and grows while the loop waits on a
stuck delivery: that is when the alerts need it.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import time
from collections import Counter, deque
from collections.abc import Callable
from typing import TypeGuard

from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import KafkaError

from service.delivery import Batch, Message, make_delivery
from service.events import InvalidEvent, decode_event
from service.feed import Feed, Job, ProcessFn, Splits
from service.fetch import BodyFetcher, FetchError
from service.kafka import client_options
from service.metrics import Metrics
from service.pipeline import Failed, PipelineLimits, process_event
from service.pool import SplitPool
from service.records import Source
from service.settings import Settings

log = logging.getLogger(__name__)

LAG_INTERVAL = 5.0
"""Seconds between two readings of the lag (a scrape is every 15 to 30 seconds)."""


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
        self._metrics = metrics
        self._feed = Feed(pool, process, PipelineLimits.from_settings(settings))
        self._fetcher = fetcher
        self._fetch_slots = asyncio.Semaphore(settings.body_ref_concurrency)
        # Held while a batch is taken; a rebalance takes it and then waits for the
        # batches in flight, so that partitions leave only after their work is
        # committed.
        self._batch_lock = asyncio.Lock()
        self._in_flight: deque[asyncio.Task[None]] = deque()
        """Each batch taken and not yet committed, oldest first: split, then delivered."""
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
        self._delivery = make_delivery(settings, self._consumer, metrics.commit_seconds.observe)
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
        lag = asyncio.create_task(self._report_lag())
        try:
            while not stop.is_set():
                if self._assign_error is not None:
                    raise RuntimeError("partitions could not be taken over") from self._assign_error
                if lag.done():
                    lag.result()  # a bug in reading the lag: not hidden by the loop going on
                await self._settle(keep=1)  # the next batch is the second in flight
                fetched = await self._consumer.getmany(
                    timeout_ms=500, max_records=self._settings.batch_max_events
                )
                if fetched:
                    async with self._batch_lock:
                        await self._take(fetched)
                self._progressed()
            await self._settle(keep=0)
        finally:
            lag.cancel()
            tasks = list(self._in_flight)
            self._in_flight.clear()
            for task in tasks:  # cancelled or failed: left uncommitted, to be reprocessed
                task.cancel()
            await asyncio.gather(lag, *tasks, return_exceptions=True)  # let them unwind first

    def _progressed(self) -> None:
        """Note that the loop did work now (``/healthz`` and the progress gauge)."""
        self.last_progress = time.monotonic()
        self._metrics.last_progress.set(time.time())

    async def _settle(self, keep: int) -> None:
        """Wait until at most ``keep`` batches are in flight; re-raises a failed batch's
        error (one that failed meanwhile too, so that an idle stream learns of it)."""
        while self._in_flight and (len(self._in_flight) > keep or self._in_flight[0].done()):
            oldest = self._in_flight[0]
            await asyncio.wait((oldest,))  # left in flight meanwhile, for a rebalance to wait on
            if self._in_flight and self._in_flight[0] is oldest:  # not taken by a rebalance
                self._in_flight.popleft()
                oldest.result()

    async def _take(self, fetched: dict[TopicPartition, list[Message]]) -> None:
        """Queue a batch's splits in the pool; it is delivered after the batch before it."""
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
        bodies = await self._fetch_bodies(messages)
        jobs = [
            Job(msg.value, Source(msg.topic, msg.partition, msg.offset, None), body)
            for msg, body in zip(messages, bodies, strict=True)
            if not isinstance(body, Failed)
        ]
        splits = await self._feed.submit(jobs)
        previous = self._in_flight[-1] if self._in_flight else None
        self._in_flight.append(
            asyncio.create_task(self._complete(fetched, bodies, splits, previous))
        )

    async def _complete(
        self,
        fetched: dict[TopicPartition, list[Message]],
        bodies: list[bytes | Failed | None],
        splits: Splits,
        previous: asyncio.Task[None] | None,
    ) -> None:
        """Collect a batch's results, wait for the batch before it, then deliver it."""
        try:
            split = iter(await self._feed.results(splits))
            results = iter([body if isinstance(body, Failed) else next(split) for body in bodies])
            batch: Batch = {
                tp: [(msg, next(results)) for msg in msgs] for tp, msgs in fetched.items()
            }
            if previous is not None:
                await previous  # its error is this batch's too: nothing is committed past it
            committed = await self._delivery.deliver(batch)
            self._account(batch, time.time())
            if committed:
                self._committed.update({tp: items[-1][0].offset + 1 for tp, items in batch.items()})
                self._metrics.events_processed.inc(len(bodies))
            # else: the partitions' new owner processes the batch again, and counts it
        finally:
            # Committed, left to another owner, or failed (the service stops, or the
            # partitions were revoked meanwhile): no longer in flight.
            self._metrics.events_in_flight.dec(len(bodies))

    def _account(self, batch: Batch, acked: float) -> None:
        """Count a delivered batch: its events' sizes, times and latencies, and its
        records, dead letters, warnings and text, summed over the batch first (a
        labelled counter looked up and incremented once a batch, not once a record)."""
        m = self._metrics
        records: Counter[str] = Counter()
        dead_letters: Counter[str] = Counter()
        warnings: Counter[str] = Counter()
        article_chars = teaser_chars = dropped_chars = 0
        for items in batch.values():
            for msg, result in items:
                m.event_bytes.observe(len(msg.value or b""))
                if result.seconds is not None:  # timed in a worker
                    m.split_seconds.observe(result.seconds)
                if isinstance(result, Failed):
                    dead_letters[result.reason] += 1
                    continue
                for out in result.outputs:
                    records[out.kind] += 1
                for warning in result.warnings:
                    warnings[warning] += 1
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
                article_chars += result.stats.article_chars
                teaser_chars += result.stats.teaser_chars
                dropped_chars += result.stats.dropped_chars
        for kind, count in records.items():
            m.records_produced.labels(type=kind).inc(count)
        for reason, count in dead_letters.items():
            m.dead_letters.labels(reason=reason).inc(count)
        for warning, count in warnings.items():
            m.split_warnings.labels(warning=warning).inc(count)
        m.text_chars.labels(kind="article").inc(article_chars)
        m.text_chars.labels(kind="teaser").inc(teaser_chars)
        m.text_chars.labels(kind="dropped").inc(dropped_chars)

    async def _fetch_bodies(self, messages: list[Message]) -> list[bytes | Failed | None]:
        """Each event's fetched body (``_fetch_body``), None for an event without
        ``body_ref``; only the events that name one are fetched, in tasks of their own."""
        bodies: list[bytes | Failed | None] = [None] * len(messages)
        fetcher = self._fetcher
        if fetcher is None:
            return bodies
        refs = [(i, msg.value) for i, msg in enumerate(messages) if _names_body_ref(msg.value)]
        if refs:
            fetched = await asyncio.gather(*(self._fetch_body(fetcher, value) for _, value in refs))
            for (i, _), body in zip(refs, fetched, strict=True):
                bodies[i] = body
        return bodies

    async def _fetch_body(self, fetcher: BodyFetcher, value: bytes) -> bytes | Failed | None:
        """The body of an event whose bytes name a body_ref, or its failure; None when
        the decoded event has none or needs none."""
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
                    return await fetcher.fetch(event.body_ref)
            except FetchError as exc:
                return Failed(exc.reason, str(exc), None)
            except TimeoutError:
                return Failed("body_unavailable", f"body not fetched within {deadline:g}s", None)
            except Exception as exc:
                # Not a failure the fetcher foresaw: a bug, or an input it did not expect.
                # The event is dead-lettered with it rather than stopping the service.
                log.exception("fetching body_ref %.200s failed unexpectedly", event.body_ref)
                return Failed("body_unavailable", f"{type(exc).__name__}: {exc}", None)
            finally:
                # Each fetch ends within its deadline, but those queued behind the
                # concurrency limit wait for the ones before: the loop is slow then,
                # not stuck.
                self._progressed()

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
            tasks = list(self._in_flight)
            self._in_flight.clear()
            for outcome in await asyncio.gather(*tasks, return_exceptions=True):
                if isinstance(outcome, Exception):
                    # Its batch stays uncommitted (and those after it): the partitions'
                    # next owner rereads them.
                    log.error("a delivery failed as partitions were revoked", exc_info=outcome)
            await self._delivery.revoked(revoked)
            for tp in revoked:
                self._committed.pop(tp, None)
                with contextlib.suppress(KeyError):
                    self._metrics.consumer_lag.remove(str(tp.partition))

    async def _report_lag(self) -> None:
        """Read the lag every ``LAG_INTERVAL`` seconds; a broker that does not answer
        leaves the last reading in place until the next."""
        while True:
            try:
                await self._read_lag()
            except KafkaError as exc:
                log.warning("the consumer lag could not be read: %s", exc)
            await asyncio.sleep(LAG_INTERVAL)

    async def _read_lag(self) -> None:
        """Set each assigned partition's lag: its end offset less the offset committed
        last, this runner's or, before its first commit, the group's (another pod's, or
        this one's before a restart)."""
        assigned = self._consumer.assignment()
        if not assigned:
            return
        for tp in assigned - self._committed.keys():
            offset = await self._consumer.committed(tp)
            if offset is not None and tp in self._consumer.assignment():
                self._committed.setdefault(tp, offset)  # a commit meanwhile is newer
        ends = await self._consumer.end_offsets(list(assigned))
        for tp, end in ends.items():
            done = self._committed.get(tp)
            if done is not None and tp in self._consumer.assignment():  # not revoked meanwhile
                self._metrics.consumer_lag.labels(partition=str(tp.partition)).set(
                    max(0, end - done)
                )


def _bytes_search() -> Callable[[bytes, bytes], bool]:
    """``needle in haystack`` by the C library's ``memmem``, or by ``in`` where the C
    library has none. On an event's bytes (180 KB of JSON text, quotes everywhere)
    ``memmem`` takes a fifth of the time of ``bytes.__contains__``, whose skip table
    the quotes defeat: 19 µs an event of the benchmark pages against 89, on the event
    loop, for every event."""
    try:
        memmem = ctypes.CDLL(None).memmem
    except (OSError, AttributeError):
        return lambda haystack, needle: needle in haystack
    memmem.restype = ctypes.c_void_p
    memmem.argtypes = (ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t)

    def contains(haystack: bytes, needle: bytes) -> bool:
        return memmem(haystack, len(haystack), needle, len(needle)) is not None

    return contains


_contains = _bytes_search()


def _names_body_ref(value: bytes | None) -> TypeGuard[bytes]:
    """Whether a raw event may carry a ``body_ref`` (a search of its bytes, not a decode)."""
    return value is not None and _contains(value, b'"body_ref"')


class _Listener(ConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        await self._runner.on_revoked(revoked)
        log.info("partitions revoked: %s", sorted(tp.partition for tp in revoked))

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        await self._runner.on_assigned(assigned)
        log.info("partitions assigned: %s", sorted(tp.partition for tp in assigned))
