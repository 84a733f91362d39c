"""Getting a batch's outputs to Kafka and its offsets committed.

Two strategies, chosen by the ``delivery`` setting:

- ``AtLeastOnce`` (default): one idempotent producer (``acks=all``); the
  consumer commits a batch's offsets after every output is acknowledged. A
  crash in between reprocesses the batch, so records may be seen twice.
- ``ExactlyOnce``: one transactional producer per assigned input partition,
  its id derived from the group, topic and partition. The outputs of a batch
  and its offsets are committed in one transaction, so a ``read_committed``
  reader sees each input's records once. When a partition moves, the new
  owner's producer takes the same transactional id, which fences the old
  owner (a zombie's commit fails with ``ProducerFenced``) and completes or
  aborts its last transaction. Only then is the partition's committed offset
  stable: the consumer may have read it, and fetched records from it, while
  the producer was starting. So a partition is ``ready`` only once its
  producer has started and the consumer has been moved to the offset read
  again after that; what was fetched before is not delivered but read again.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.errors import CommitFailedError
from aiokafka.partitioner import DefaultPartitioner

from service.kafka import client_options
from service.pipeline import Done, Failed, Output
from service.records import utc_now
from service.settings import Settings

log = logging.getLogger(__name__)

# Told the seconds each commit of a batch's offsets took (the runner's histogram).
CommitTimer = Callable[[float], None]

# aiokafka.ConsumerRecord; aiokafka ships no type information.
Message = Any
Outcome = Done | Failed
Batch = dict[TopicPartition, list[tuple[Message, Outcome]]]


class Delivery(Protocol):
    async def start(self) -> None: ...
    async def close(self) -> None: ...
    async def assigned(self, partitions: set[TopicPartition]) -> None: ...
    async def revoked(self, partitions: set[TopicPartition]) -> None: ...
    def ready(self, tp: TopicPartition) -> bool:
        """Whether records of ``tp`` fetched now may be delivered."""
        ...

    async def deliver(self, batch: Batch) -> bool:
        """Produce the batch's outputs and commit its offsets; False if the commit was refused."""
        ...


# The producers' partitioner, which the batches of ``_produce`` ask as ``send`` does.
_PARTITIONER = DefaultPartitioner()


def _producer_options(settings: Settings) -> dict[str, Any]:
    return {
        **client_options(settings),
        "partitioner": _PARTITIONER,
        "acks": "all",
        "enable_idempotence": True,
        "linger_ms": 5,
        # A partition's records go one batch per request: aiokafka's 16 KiB default
        # made two requests an event (decision 0001). A batch holds more than one
        # record only below this size, so it fits the output topics, which take
        # a record of max_record_bytes.
        "max_batch_size": settings.max_record_bytes,
        "compression_type": "zstd",
        "max_request_size": max(settings.max_event_bytes, settings.max_record_bytes) + 64 * 1024,
    }


async def _produce(
    producer: AIOKafkaProducer, settings: Settings, items: list[tuple[Message, Outcome]]
) -> list[asyncio.Future[Any]]:
    """Send the records and dead letters of ``items``; return the delivery futures.

    Records go in batches of our own, one partition's at a time (aiokafka's
    ``create_batch`` and ``send_batch``): a future per batch, not a coroutine,
    a future and a partitioner call per record as with ``send``. Each record
    goes to the partition aiokafka's default partitioner gives its key
    (``partition_of``), and a partition's records keep their order.
    """
    topics = {"article": settings.articles_topic, "teaser": settings.teasers_topic}
    partitions: dict[str, list[int]] = {}
    records: dict[tuple[str, int], list[Output]] = {}
    futures = []
    for msg, result in items:
        if not isinstance(result, Done):
            futures.append(await _dead_letter(producer, settings, msg, result))
            continue
        for out in result.outputs:
            topic = topics[out.kind]
            known = partitions.get(topic)
            if known is None:
                known = partitions[topic] = sorted(await producer.partitions_for(topic))
            records.setdefault((topic, partition_of(out.key, known)), []).append(out)
    for (topic, partition), outs in records.items():
        batch = producer.create_batch()
        for out in outs:
            if batch.append(key=out.key, value=out.value, timestamp=None) is None:
                batch.close()  # full: sent, and the record starts the next one
                futures.append(await producer.send_batch(batch, topic, partition=partition))
                batch = producer.create_batch()
                batch.append(key=out.key, value=out.value, timestamp=None)  # a first always fits
        batch.close()  # nothing else is added to it (a batch left open takes ``send``'s records)
        futures.append(await producer.send_batch(batch, topic, partition=partition))
    return futures


def partition_of(key: bytes, partitions: Sequence[int]) -> int:
    """The partition of a keyed record among a topic's ``partitions`` (sorted): the
    producer's own partitioner's answer (``_PARTITIONER``, aiokafka's default, murmur2
    as the Java client), the one ``AIOKafkaProducer.send`` picks."""
    return int(_PARTITIONER(key, partitions, partitions))


async def _dead_letter(
    producer: AIOKafkaProducer, settings: Settings, msg: Message, result: Failed
) -> asyncio.Future[Any]:
    """Send one event's dead letter; return its delivery future."""
    log.warning(
        "dead letter %s/%d@%d: %s: %s",
        msg.topic,
        msg.partition,
        msg.offset,
        result.reason,
        result.message,
    )
    headers = [
        *(msg.headers or ()),
        ("pagesplit.error.reason", result.reason.encode()),
        ("pagesplit.error.message", result.message[:2000].encode()),
        ("pagesplit.source.topic", msg.topic.encode()),
        ("pagesplit.source.partition", str(msg.partition).encode()),
        ("pagesplit.source.offset", str(msg.offset).encode()),
        ("pagesplit.failed_at", utc_now().encode()),
    ]
    future: asyncio.Future[Any] = await producer.send(
        settings.dlq_topic, msg.value or b"", key=msg.key, headers=headers
    )
    return future


def _next_offsets(batch: Batch) -> dict[TopicPartition, int]:
    return {tp: items[-1][0].offset + 1 for tp, items in batch.items() if items}


class AtLeastOnce:
    """One idempotent producer; commit after every output is acknowledged."""

    def __init__(
        self, settings: Settings, consumer: AIOKafkaConsumer, commit_timer: CommitTimer
    ) -> None:
        self._settings = settings
        self._consumer = consumer
        self._commit_timer = commit_timer
        self._producer = AIOKafkaProducer(**_producer_options(settings))

    async def start(self) -> None:
        await self._producer.start()

    async def close(self) -> None:
        await self._producer.stop()

    async def assigned(self, partitions: set[TopicPartition]) -> None:
        pass

    async def revoked(self, partitions: set[TopicPartition]) -> None:
        pass

    def ready(self, tp: TopicPartition) -> bool:
        return True

    async def deliver(self, batch: Batch) -> bool:
        items = [item for items in batch.values() for item in items]
        futures = await _produce(self._producer, self._settings, items)
        await asyncio.gather(*futures)  # a failed delivery raises: nothing is committed
        start = time.perf_counter()
        try:
            await self._consumer.commit(_next_offsets(batch))
        except CommitFailedError:
            # The group rebalanced under us: the new owner reprocesses the
            # batch (at-least-once), so its records may appear twice.
            log.warning("commit refused after a rebalance; the batch will be reprocessed")
            return False
        self._commit_timer(time.perf_counter() - start)
        return True


class ExactlyOnce:
    """A transactional producer per input partition; outputs and offsets in one transaction."""

    def __init__(
        self, settings: Settings, consumer: AIOKafkaConsumer, commit_timer: CommitTimer
    ) -> None:
        self._settings = settings
        self._consumer = consumer
        self._commit_timer = commit_timer
        self._producers: dict[TopicPartition, AIOKafkaProducer] = {}
        self._ready: set[TopicPartition] = set()

    def transactional_id(self, tp: TopicPartition) -> str:
        return f"{self._settings.group_id}-{tp.topic}-{tp.partition}"

    async def start(self) -> None:
        pass

    async def close(self) -> None:
        await self.revoked(set(self._producers))

    async def assigned(self, partitions: set[TopicPartition]) -> None:
        # Starting the producer registers its transactional id with the
        # coordinator: the previous owner's producer is fenced from now on,
        # and its last transaction is completed or aborted.
        for tp in sorted(partitions - set(self._producers)):
            producer = AIOKafkaProducer(
                **_producer_options(self._settings), transactional_id=self.transactional_id(tp)
            )
            try:
                await producer.start()
            except BaseException:
                await producer.stop()
                raise
            self._producers[tp] = producer
        for tp in sorted(partitions - self._ready):
            offset = await self._stable_offset(tp)
            self._consumer.seek(tp, offset)  # what was fetched before is dropped
            self._ready.add(tp)

    async def _stable_offset(self, tp: TopicPartition) -> int:
        """Where ``tp`` resumes: its committed offset, read after its producer started."""
        committed: int | None = await self._consumer.committed(tp)
        if committed is not None:
            return committed
        if self._settings.auto_offset_reset == "earliest":
            offsets = await self._consumer.beginning_offsets([tp])
        else:
            offsets = await self._consumer.end_offsets([tp])
        return int(offsets[tp])

    async def revoked(self, partitions: set[TopicPartition]) -> None:
        self._ready -= partitions
        for tp in partitions:
            producer = self._producers.pop(tp, None)
            if producer is not None:
                await producer.stop()

    def ready(self, tp: TopicPartition) -> bool:
        return tp in self._ready

    async def deliver(self, batch: Batch) -> bool:
        await asyncio.gather(*(self._deliver(tp, items) for tp, items in batch.items() if items))
        return True

    async def _deliver(
        self, tp: TopicPartition, items: list[tuple[Message, Done | Failed]]
    ) -> None:
        # Ready when fetched, and still: a revocation waits for the delivery in flight.
        producer = self._producers[tp]
        async with producer.transaction():
            await asyncio.gather(*await _produce(producer, self._settings, items))
            # The commit: the offsets sent to the transaction, and the transaction
            # committed on leaving this block.
            start = time.perf_counter()
            await producer.send_offsets_to_transaction(
                {tp: items[-1][0].offset + 1}, self._settings.group_id
            )
        self._commit_timer(time.perf_counter() - start)


def make_delivery(
    settings: Settings, consumer: AIOKafkaConsumer, commit_timer: CommitTimer
) -> Delivery:
    if settings.delivery == "exactly_once":
        return ExactlyOnce(settings, consumer, commit_timer)
    return AtLeastOnce(settings, consumer, commit_timer)
