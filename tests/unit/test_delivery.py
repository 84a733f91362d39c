"""The delivery's producer and partitions, without a broker (it is never started)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import SimpleNamespace
from typing import Any

import hypothesis
from aiokafka import AIOKafkaProducer
from aiokafka.partitioner import DefaultPartitioner
from hypothesis import given
from hypothesis import strategies as st

from service.delivery import _produce, _producer_options, partition_of
from service.extract.model import TextStats
from service.pipeline import Done, Failed, Output
from service.records import record_id
from service.settings import Settings, load_settings

KIB = 1024
TOPIC_OVERHEAD = 64 * KIB  # the output topics take max_record_bytes + this (deploy/topics)


@asynccontextmanager
async def producer_of(settings: Settings) -> AsyncIterator[AIOKafkaProducer]:
    producer = AIOKafkaProducer(**_producer_options(settings))
    try:
        yield producer
    finally:
        await producer.stop()


async def test_a_batch_takes_many_records_and_fits_the_output_topics() -> None:
    settings = load_settings(workers=1)
    record = b"x" * (20 * KIB)  # an article record is 21 KB on average
    async with producer_of(settings) as producer:
        batch = producer.create_batch()
        taken = 0
        while batch.append(key=b"%032d" % taken, value=record, timestamp=None) is not None:
            taken += 1
        assert taken >= 40  # aiokafka's 16 KiB default took one: a request per record
        assert batch.size() <= settings.max_record_bytes + TOPIC_OVERHEAD


async def test_a_record_of_the_largest_size_fits_a_batch_alone() -> None:
    settings = load_settings(workers=1, max_record_bytes=64 * KIB)
    async with producer_of(settings) as producer:
        batch = producer.create_batch()
        assert batch.append(key=b"k", value=b"x" * (64 * KIB), timestamp=None) is not None
        assert batch.append(key=b"k", value=b"x", timestamp=None) is None
        assert batch.size() <= settings.max_record_bytes + TOPIC_OVERHEAD


# The partition of a keyed record must be the one aiokafka's default partitioner gives
# (as the Java client's): the same record goes to the same partition as before, and as
# any other producer of the topic sends it.


@hypothesis.settings(max_examples=2000, deadline=None)
@given(key=st.binary(max_size=80), count=st.integers(min_value=1, max_value=64))
def test_a_keyed_record_goes_where_aiokafkas_default_partitioner_sends_it(
    key: bytes, count: int
) -> None:
    partitions = list(range(count))
    assert partition_of(key, partitions) == DefaultPartitioner()(key, partitions, partitions)


def test_a_record_id_goes_where_aiokafkas_default_partitioner_sends_it() -> None:
    partitions = list(range(12))  # pages.articles and pages.teasers (deploy/topics)
    for i in range(5000):
        key = record_id("teaser", "https://example.com/", f"https://example.com/{i}").encode()
        assert partition_of(key, partitions) == DefaultPartitioner()(key, partitions, partitions)


class RecordingProducer:
    """What ``_produce`` hands the producer: each batch's topic, partition and keys."""

    def __init__(self, producer: AIOKafkaProducer) -> None:
        self._producer = producer
        self.batches: list[tuple[str, int, list[bytes]]] = []
        self.sent: list[tuple[str, bytes | None]] = []
        self._keys: dict[int, list[bytes]] = {}

    async def partitions_for(self, topic: str) -> set[int]:
        return {0, 1, 2}

    def create_batch(self) -> Any:
        batch = self._producer.create_batch()
        keys = self._keys[id(batch)] = []
        append = batch.append

        def recorded(*, key: bytes, value: bytes, timestamp: None) -> object:
            meta = append(key=key, value=value, timestamp=timestamp)
            if meta is not None:
                keys.append(key)
            return meta

        batch.append = recorded
        return batch

    async def send_batch(self, batch: Any, topic: str, *, partition: int) -> asyncio.Future[None]:
        assert batch.closed()
        self.batches.append((topic, partition, self._keys[id(batch)]))
        return done()

    async def send(self, topic: str, value: bytes, key: bytes | None, **_: Any) -> Any:
        self.sent.append((topic, key))
        return done()


def done() -> asyncio.Future[None]:
    future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    future.set_result(None)
    return future


async def test_records_go_in_one_batch_a_partition_in_order_and_dead_letters_alone() -> None:
    settings = load_settings(workers=1, articles_topic="a", teasers_topic="t", dlq_topic="d")
    stats = TextStats(0, 0, 0)
    items = []
    for offset in range(6):
        msg = SimpleNamespace(topic="raw", partition=0, offset=offset, value=b"{}", headers=(),
                              key=b"raw-%d" % offset)  # fmt: skip
        if offset == 3:
            items.append((msg, Failed("not_html", "binary", 0.0)))
            continue
        outputs = [Output("article", b"article-%d" % offset, b"{}")]
        outputs += [Output("teaser", b"teaser-%d-%d" % (offset, i), b"{}") for i in range(4)]
        items.append((msg, Done(tuple(outputs), None, 0.0, stats)))
    async with producer_of(settings) as producer:
        recording = RecordingProducer(producer)
        futures = await _produce(recording, settings, items)  # type: ignore[arg-type]
    assert recording.sent == [("d", b"raw-3")]
    assert len(futures) == 1 + len(recording.batches)
    assert len({(t, p) for t, p, _ in recording.batches}) == len(recording.batches)
    for topic, partition, keys in recording.batches:
        kind = {"a": "article", "t": "teaser"}[topic]
        expected = [
            out.key
            for _, result in items
            if isinstance(result, Done)
            for out in result.outputs
            if out.kind == kind and partition_of(out.key, [0, 1, 2]) == partition
        ]
        assert keys == expected  # every record of the partition, in the order of the events
    assert sum(len(keys) for _, _, keys in recording.batches) == 5 * 5
