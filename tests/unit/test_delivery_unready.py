"""Exactly-once delivery of a partition whose transactional producer has not started
yet (records fetched while the rebalance that assigned it is still running its
callback): the batch is read again, not lost and not a crash. No broker needed: the
consumer is a recorder of seeks."""

from __future__ import annotations

from types import SimpleNamespace

from aiokafka import TopicPartition

from service.delivery import ExactlyOnce
from service.extract.model import TextStats
from service.pipeline import Done
from service.settings import load_settings


class SeekRecorder:
    def __init__(self, assigned: set[TopicPartition]) -> None:
        self.assigned = assigned
        self.seeks: list[tuple[TopicPartition, int]] = []

    def assignment(self) -> set[TopicPartition]:
        return self.assigned

    def seek(self, tp: TopicPartition, offset: int) -> None:
        self.seeks.append((tp, offset))


async def test_a_batch_of_a_partition_without_its_producer_yet_is_read_again() -> None:
    tp = TopicPartition("raw", 2)
    consumer = SeekRecorder({tp})
    delivery = ExactlyOnce(load_settings(delivery="exactly_once"), consumer)  # type: ignore[arg-type]
    done = Done((), None, 0.0, TextStats(0, 0, 0))
    batch = {tp: [(SimpleNamespace(offset=offset), done) for offset in (40, 41, 42)]}

    assert await delivery.deliver(batch) is False  # nothing committed
    assert consumer.seeks == [(tp, 40)]  # fetched again from the batch's first offset
