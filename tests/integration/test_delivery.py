"""Delivery promises under failure, against the real broker.

Every scenario mixes valid and poison events and checks that every input is
accounted for (as records or as a dead letter), and, in exactly-once mode,
that a read_committed reader sees no input's records twice.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from importlib import resources

import pytest
from aiokafka.partitioner import DefaultPartitioner

from service.demo import SITE
from service.events import encode_event
from service.settings import Settings
from tests.integration.kafka_helpers import (
    Sent,
    ServiceProcess,
    publish,
    read_all,
    wait_committed,
)
from tools.kafka_local import LocalKafka

pytestmark = pytest.mark.integration

PARTITIONS = 3
EVENTS = 900
POISON_EVERY = 45
MODES = ["at_least_once", "exactly_once"]


def events() -> list[bytes]:
    page = resources.files("service.demo").joinpath("pages", "business-uranium.html").read_text()
    return [
        b"\x00\xffbinary" if i % POISON_EVERY == 0 else encode_event(f"{SITE}/b/{i}", page)
        for i in range(EVENTS)
    ]


@dataclass(frozen=True)
class Tally:
    inputs: int
    records: int
    dead_letters: int
    duplicates: int
    lost: int
    misplaced: int
    """Records not in the partition aiokafka's default partitioner gives their key."""

    def line(self, scenario: str, mode: str) -> str:
        return (
            f"{scenario:<16} {mode:<14} inputs {self.inputs}  records {self.records}  "
            f"dead letters {self.dead_letters}  duplicates {self.duplicates}  lost {self.lost}  "
            f"misplaced {self.misplaced}"
        )


async def tally(settings: Settings, sent: list[Sent]) -> Tally:
    """Account for every input: one article each, or one dead letter."""
    articles = await read_all(settings, settings.articles_topic, 1)
    teasers = await read_all(settings, settings.teasers_topic, 1)
    dead = await read_all(settings, settings.dlq_topic, 1)
    per_input: Counter[tuple[int, int]] = Counter()
    for got in articles:
        source = got.json()["source"]
        assert isinstance(source, dict)
        per_input[(source["partition"], source["offset"])] += 1
    for got in dead:
        headers = got.headers
        per_input[
            (int(headers["pagesplit.source.partition"]), int(headers["pagesplit.source.offset"]))
        ] += 1
    partitioner = DefaultPartitioner()
    partitions = list(range(PARTITIONS))  # the output topics' too (publish)
    teaser_copies = Counter((g.json()["id"], str(g.json()["source"])) for g in teasers)
    inputs = {(s.partition, s.offset) for s in sent}
    return Tally(
        inputs=len(inputs),
        records=len(articles) + len(teasers),
        dead_letters=len(dead),
        duplicates=sum(n - 1 for n in per_input.values() if n > 1)
        + sum(n - 1 for n in teaser_copies.values() if n > 1),
        lost=len(inputs - set(per_input)),
        misplaced=sum(
            got.partition != partitioner(got.key, partitions, partitions)
            for got in [*articles, *teasers]
        ),
    )


Chaos = Callable[[Settings, "LocalKafka | None"], Awaitable[None]]


async def kill_mid_batch(settings: Settings, kafka: LocalKafka | None) -> None:
    first = ServiceProcess(settings)
    await wait_committed(settings, EVENTS // 5, PARTITIONS)
    first.kill()
    second = ServiceProcess(settings)
    try:
        assert await wait_committed(settings, EVENTS, PARTITIONS) == EVENTS, second.log()
    finally:
        second.terminate()


async def broker_restart(settings: Settings, kafka: LocalKafka | None) -> None:
    if kafka is None:
        pytest.skip("needs the broker this test session started")
    service = ServiceProcess(settings)
    restarts = 0
    await wait_committed(settings, EVENTS // 5, PARTITIONS)
    kafka.stop()
    await asyncio.sleep(3)
    await asyncio.to_thread(kafka.restart)
    try:
        while await wait_committed(settings, EVENTS, PARTITIONS, timeout=5) < EVENTS:
            if (
                service.process.poll() is not None
            ):  # crashed loudly: restart it, as Kubernetes would
                restarts += 1
                assert restarts <= 3, service.log()
                service = ServiceProcess(settings)
    finally:
        service.terminate()


async def second_instance(settings: Settings, kafka: LocalKafka | None) -> None:
    first = ServiceProcess(settings)
    second = None
    try:
        await wait_committed(settings, EVENTS // 6, PARTITIONS)
        second = ServiceProcess(settings)  # a rebalance: partitions move to it
        await second.wait_ready()
        await wait_committed(settings, EVENTS // 2, PARTITIONS)
        assert second.terminate() == 0, second.log()  # a rebalance: they come back
        assert await wait_committed(settings, EVENTS, PARTITIONS) == EVENTS, first.log()
        assert first.terminate() == 0, first.log()
    finally:
        first.kill()
        if second is not None:
            second.kill()


async def sigterm_under_load(settings: Settings, kafka: LocalKafka | None) -> None:
    first = ServiceProcess(settings, PAGESPLIT_WORKERS="2")
    await wait_committed(settings, EVENTS // 4, PARTITIONS)
    assert first.terminate() == 0, first.log()
    second = ServiceProcess(settings, PAGESPLIT_WORKERS="2")
    try:
        assert await wait_committed(settings, EVENTS, PARTITIONS) == EVENTS, second.log()
    finally:
        assert second.terminate() == 0, second.log()


SCENARIOS: dict[str, Chaos] = {
    "kill -9": kill_mid_batch,
    "broker restart": broker_restart,
    "second instance": second_instance,
    "sigterm drain": sigterm_under_load,
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("scenario", list(SCENARIOS))
async def test_every_input_is_accounted_for(
    scenario: str, mode: str, settings: Settings, local_kafka: LocalKafka | None
) -> None:
    settings = replace_settings(settings, delivery=mode)
    sent = await publish(settings, events(), partitions=PARTITIONS)
    await SCENARIOS[scenario](settings, local_kafka)
    result = await tally(settings, sent)
    print(result.line(scenario, mode))
    assert result.lost == 0
    assert result.misplaced == 0
    assert result.dead_letters >= EVENTS // POISON_EVERY
    if mode == "exactly_once":
        assert result.duplicates == 0
        assert result.dead_letters == EVENTS // POISON_EVERY


def replace_settings(settings: Settings, **changes: object) -> Settings:
    return settings.model_copy(update=changes)
