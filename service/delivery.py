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
from typing import Any, Protocol

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.errors import CommitFailedError

from service.kafka import client_options
from service.pipeline import Done, Failed
from service.records import utc_now
from service.settings import Settings

log = logging.getLogger(__name__)

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


def _producer_options(settings: Settings) -> dict[str, Any]:
    return {
        **client_options(settings),
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


async def _send(
    producer: AIOKafkaProducer, settings: Settings, msg: Message, result: Done | Failed
) -> list[asyncio.Future[Any]]:
    """Send one event's records, or its dead letter; return the delivery futures."""
    if isinstance(result, Done):
        topics = {"article": settings.articles_topic, "teaser": settings.teasers_topic}
        return [await producer.send(topics[o.kind], o.value, key=o.key) for o in result.outputs]
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
    return [await producer.send(settings.dlq_topic, msg.value or b"", key=msg.key, headers=headers)]


def _next_offsets(batch: Batch) -> dict[TopicPartition, int]:
    return {tp: items[-1][0].offset + 1 for tp, items in batch.items() if items}


class AtLeastOnce:
    """One idempotent producer; commit after every output is acknowledged."""

    def __init__(self, settings: Settings, consumer: AIOKafkaConsumer) -> None:
        self._settings = settings
        self._consumer = consumer
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
        futures = []
        for items in batch.values():
            for msg, result in items:
                futures += await _send(self._producer, self._settings, msg, result)
        await asyncio.gather(*futures)  # a failed delivery raises: nothing is committed
        try:
            await self._consumer.commit(_next_offsets(batch))
        except CommitFailedError:
            # The group rebalanced under us: the new owner reprocesses the
            # batch (at-least-once), so its records may appear twice.
            log.warning("commit refused after a rebalance; the batch will be reprocessed")
            return False
        return True


class ExactlyOnce:
    """A transactional producer per input partition; outputs and offsets in one transaction."""

    def __init__(self, settings: Settings, consumer: AIOKafkaConsumer) -> None:
        self._settings = settings
        self._consumer = consumer
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
            futures = []
            for msg, result in items:
                futures += await _send(producer, self._settings, msg, result)
            await asyncio.gather(*futures)
            await producer.send_offsets_to_transaction(
                {tp: items[-1][0].offset + 1}, self._settings.group_id
            )


def make_delivery(settings: Settings, consumer: AIOKafkaConsumer) -> Delivery:
    if settings.delivery == "exactly_once":
        return ExactlyOnce(settings, consumer)
    return AtLeastOnce(settings, consumer)
