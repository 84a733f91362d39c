"""Reading and writing test topics."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from service.kafka import client_options, ensure_topics
from service.settings import Settings


@dataclass(frozen=True)
class Sent:
    value: bytes
    partition: int
    offset: int


@dataclass(frozen=True)
class Got:
    topic: str
    key: bytes | None
    value: bytes
    headers: dict[str, bytes]

    def json(self) -> dict[str, object]:
        doc = orjson.loads(self.value)
        assert isinstance(doc, dict)
        return doc


async def publish(settings: Settings, values: list[bytes], partitions: int = 1) -> list[Sent]:
    await ensure_topics(settings, partitions=partitions)
    producer = AIOKafkaProducer(
        **client_options(settings), acks="all", max_request_size=40 * 1024 * 1024
    )
    await producer.start()
    try:
        out = []
        for i, value in enumerate(values):
            meta = await producer.send_and_wait(
                settings.input_topic, value, key=str(i).encode(), partition=i % partitions
            )
            out.append(Sent(value, meta.partition, meta.offset))
        return out
    finally:
        await producer.stop()


async def read_all(
    settings: Settings, topic: str, at_least: int, timeout: float = 60.0
) -> list[Got]:
    """Every message of ``topic``, waiting until there are ``at_least`` (then a little longer)."""
    consumer = AIOKafkaConsumer(
        topic,
        **client_options(settings),
        group_id=None,
        auto_offset_reset="earliest",
        isolation_level="read_committed",
    )
    await consumer.start()
    got: list[Got] = []
    deadline = time.monotonic() + timeout
    try:
        quiet_until = None
        while time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=300)
            for messages in batch.values():
                for m in messages:
                    got.append(Got(m.topic, m.key, m.value or b"", dict(m.headers or ())))
            if len(got) >= at_least:
                quiet_until = quiet_until or time.monotonic() + 1.0
                if time.monotonic() > quiet_until:
                    break
        return got
    finally:
        await consumer.stop()


async def committed(settings: Settings, partitions: int = 1) -> dict[int, int | None]:
    """The group's committed offset of each input partition."""
    consumer = AIOKafkaConsumer(**client_options(settings), group_id=settings.group_id)
    await consumer.start()
    try:
        return {
            p: await consumer.committed(TopicPartition(settings.input_topic, p))
            for p in range(partitions)
        }
    finally:
        await consumer.stop()


async def wait_for(predicate: object, timeout: float = 60.0) -> None:
    assert callable(predicate)
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(0.1)
