"""A real Kafka broker for the integration tests.

Starts a local single-node Apache Kafka (KRaft) for the session, unless
``KAFKA_BOOTSTRAP_SERVERS`` names a broker to use instead.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.settings import Settings, load_settings

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from kafka_local import LocalKafka


@pytest.fixture(scope="session")
def local_kafka(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalKafka | None]:
    """The broker started for this session, or None when an external one is used."""
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        yield None
        return
    kafka = LocalKafka(tmp_path_factory.mktemp("kafka"))
    kafka.start()
    try:
        yield kafka
    finally:
        kafka.stop()


@pytest.fixture(scope="session")
def bootstrap(local_kafka: LocalKafka | None) -> str:
    if local_kafka is None:
        return os.environ["KAFKA_BOOTSTRAP_SERVERS"]
    return local_kafka.bootstrap


@pytest.fixture
def settings(bootstrap: str) -> Settings:
    """Settings with topics and a group of this test's own."""
    run = uuid.uuid4().hex[:8]
    return load_settings(
        kafka_bootstrap_servers=bootstrap,
        input_topic=f"raw-{run}",
        articles_topic=f"articles-{run}",
        teasers_topic=f"teasers-{run}",
        dlq_topic=f"dlq-{run}",
        group_id=f"group-{run}",
        http_port=0,
        workers=2,
        drain_seconds=15,
    )
