"""Kafka connection options and topic set-up, from the settings."""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from aiokafka.helpers import create_ssl_context

from service.settings import Settings

log = logging.getLogger(__name__)


def client_options(settings: Settings) -> dict[str, Any]:
    """Connection options shared by the consumer, the producer and the admin client."""
    opts: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap_servers.split(","),
        "client_id": settings.kafka_client_id,
        "security_protocol": settings.kafka_security_protocol,
    }
    if settings.kafka_security_protocol in ("SSL", "SASL_SSL"):
        opts["ssl_context"] = create_ssl_context(
            cafile=str(settings.kafka_ssl_cafile) if settings.kafka_ssl_cafile else None,
            certfile=str(settings.kafka_ssl_certfile) if settings.kafka_ssl_certfile else None,
            keyfile=str(settings.kafka_ssl_keyfile) if settings.kafka_ssl_keyfile else None,
        )
    if settings.kafka_sasl_mechanism is not None:
        opts["sasl_mechanism"] = settings.kafka_sasl_mechanism
        opts["sasl_plain_username"] = settings.kafka_sasl_username
        password = settings.kafka_sasl_password
        opts["sasl_plain_password"] = password.get_secret_value() if password else None
    return opts


async def ensure_topics(settings: Settings, partitions: int = 1, replication: int = 1) -> None:
    """Create the input, output and dead-letter topics where they do not exist.

    For local and test brokers; production topics are declared in ``deploy/``.
    """
    size = str(max(settings.max_event_bytes, settings.max_record_bytes) + 64 * 1024)
    config = {"max.message.bytes": size}
    names = [
        settings.input_topic,
        settings.articles_topic,
        settings.teasers_topic,
        settings.dlq_topic,
    ]
    admin = AIOKafkaAdminClient(**client_options(settings))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        todo = [
            NewTopic(n, partitions, replication, topic_configs=config)
            for n in names
            if n not in existing
        ]
        if todo:
            with contextlib.suppress(TopicAlreadyExistsError):  # another client was quicker
                await admin.create_topics(todo)
            log.info("created topics %s", [t.name for t in todo])
    finally:
        await admin.close()
