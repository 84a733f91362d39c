"""The runner's rebalance path when the delivery in flight has failed (no broker needed:
the consumer is never started, and the delivery is a recorder)."""

from __future__ import annotations

import asyncio

from aiokafka import TopicPartition

from service.delivery import Batch
from service.metrics import Metrics
from service.pool import SplitPool
from service.runner import Runner
from service.settings import load_settings


class RecordingDelivery:
    def __init__(self) -> None:
        self.revoked_partitions: list[set[TopicPartition]] = []

    async def start(self) -> None: ...
    async def close(self) -> None: ...
    async def assigned(self, partitions: set[TopicPartition]) -> None: ...

    async def revoked(self, partitions: set[TopicPartition]) -> None:
        self.revoked_partitions.append(partitions)

    async def deliver(self, batch: Batch) -> bool:
        raise ConnectionError("the broker went away")


async def test_revoke_after_a_failed_delivery_still_lets_the_partitions_go() -> None:
    pool = SplitPool(1)
    # exactly_once: its producers are made on assignment, so none is left open here
    runner = Runner(load_settings(workers=1, delivery="exactly_once"), Metrics(), pool)
    delivery = RecordingDelivery()
    runner._delivery = delivery
    splits = await runner._feed.submit([])
    runner._in_flight.append(asyncio.create_task(runner._complete({}, [], splits, None)))
    await asyncio.sleep(0)  # the delivery fails
    gone = {TopicPartition("raw", 0)}

    try:
        await runner.on_revoked(gone)
    finally:
        await runner.close()
        pool.close()

    assert delivery.revoked_partitions == [gone]  # transactional producers are closed
    assert not runner._in_flight
