"""The delivery's producer, without a broker (it is never started)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiokafka import AIOKafkaProducer

from service.delivery import _producer_options
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
