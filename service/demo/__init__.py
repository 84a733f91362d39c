"""The local demo: publish crawl events of the project's own demo pages, run the
service until they are processed, and show the records and a metrics summary."""

from __future__ import annotations

import asyncio
import time
from importlib import resources

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from service.events import encode_event
from service.kafka import client_options, ensure_topics
from service.metrics import Metrics
from service.settings import Settings

SITE = "https://demo-news.example"
PAGES = {
    "world-iran-kazakhstan.html": f"{SITE}/world/iran-kazakhstan-visit",
    "home.html": f"{SITE}/",
    "business-uranium.html": f"{SITE}/business/uranium-expansion",
}
# Events a real crawl also produces, each bound for the dead-letter topic.
BAD_EVENTS = (
    b"<html>not an event</html>",  # not JSON
    b'{"html": "<p>no url</p>"}',  # breaks the contract: url is required
    orjson.dumps({"url": f"{SITE}/gone", "status": 404, "html": "<h1>Not found</h1>"}),
)


def demo_events() -> list[bytes]:
    """The demo's raw page events: the pages first, then the bad ones."""
    folder = resources.files("service.demo").joinpath("pages")
    events = [
        encode_event(
            url, folder.joinpath(name).read_text("utf-8"), crawl_id="demo", site="demo-news"
        )
        for name, url in PAGES.items()
    ]
    return events + list(BAD_EVENTS)


async def publish(settings: Settings, events: list[bytes]) -> set[tuple[int, int]]:
    """Publish ``events`` to the input topic; return their (partition, offset) pairs."""
    producer = AIOKafkaProducer(**client_options(settings), acks="all", enable_idempotence=True)
    await producer.start()
    try:
        sent = [await producer.send_and_wait(settings.input_topic, e) for e in events]
    finally:
        await producer.stop()
    return {(m.partition, m.offset) for m in sent}


async def run_demo(settings: Settings, publish_only: bool = False, timeout: float = 120.0) -> int:
    from service.app import serve

    await ensure_topics(settings)
    events = demo_events()
    coordinates = await publish(settings, events)
    print(f"published {len(events)} demo crawl events to {settings.input_topic}")
    if publish_only:
        return 0
    metrics = Metrics()
    stop = asyncio.Event()
    service = asyncio.create_task(serve(settings, stop, metrics))
    deadline = time.monotonic() + timeout
    try:
        while _processed(metrics) < len(events):
            if service.done():  # stopped by Ctrl-C (or failed: then this raises)
                service.result()
                print("stopped: the service drained and left before every event was processed")
                return 1
            if time.monotonic() > deadline:
                print("the demo events were not all processed in time")
                return 1
            await asyncio.sleep(0.2)
    finally:
        stop.set()
        await service
    await show_results(settings, coordinates)
    show_metrics(metrics)
    return 0


async def show_results(settings: Settings, coordinates: set[tuple[int, int]]) -> None:
    """Print this run's records and dead letters, read back from Kafka."""
    topics = [settings.articles_topic, settings.teasers_topic, settings.dlq_topic]
    consumer = AIOKafkaConsumer(
        *topics, **client_options(settings), group_id=None, auto_offset_reset="earliest"
    )
    await consumer.start()
    found: dict[str, list[tuple[dict[str, object], dict[str, bytes]]]] = {t: [] for t in topics}
    try:
        quiet = 0
        while quiet < 3:
            batch = await consumer.getmany(timeout_ms=500)
            quiet = 0 if batch else quiet + 1
            for messages in batch.values():
                for m in messages:
                    headers = dict(m.headers or ())
                    if m.topic == settings.dlq_topic:
                        where = (
                            int(headers["pagesplit.source.partition"]),
                            int(headers["pagesplit.source.offset"]),
                        )
                        if where in coordinates:
                            found[m.topic].append(({}, headers))
                        continue
                    record = orjson.loads(m.value or b"{}")
                    source = record["source"]
                    if (source["partition"], source["offset"]) in coordinates:
                        found[m.topic].append((record, headers))
    finally:
        await consumer.stop()
    print(f"\n== {settings.articles_topic}: {len(found[settings.articles_topic])} article records")
    for record, _ in found[settings.articles_topic]:
        paragraphs = record["paragraphs"]
        assert isinstance(paragraphs, list)
        print(
            f"  {record['title']}\n    {record['page_url']}  {len(paragraphs)} paragraphs, "
            f"published {record['published_at']}, authors {record['authors']}"
        )
    print(f"\n== {settings.teasers_topic}: {len(found[settings.teasers_topic])} teaser records")
    for record, _ in found[settings.teasers_topic]:
        flag = "  [truncated]" if record["truncated"] else ""
        label = f"{record['page_url']}  #{record['position']} [{record['block']}]"
        print(f"  {label} {record['title']}{flag}")
    print(f"\n== {settings.dlq_topic}: {len(found[settings.dlq_topic])} dead letters")
    for _, headers in found[settings.dlq_topic]:
        reason = headers["pagesplit.error.reason"].decode()
        print(f"  {reason}: {headers['pagesplit.error.message'].decode()}")


def _processed(metrics: Metrics) -> float:
    return metrics.registry.get_sample_value("pagesplit_events_processed_total") or 0.0


def show_metrics(metrics: Metrics) -> None:
    """Print the service's counters as a short summary."""
    print("\n== metrics")
    for family in metrics.registry.collect():
        for sample in family.samples:
            if sample.name.endswith("_total") and sample.value:
                labels = ",".join(f"{k}={v}" for k, v in sample.labels.items())
                print(f"  {sample.name}{{{labels}}} {sample.value:g}")
    for family in metrics.registry.collect():
        if family.name == "pagesplit_split_seconds":
            count = sum(s.value for s in family.samples if s.name.endswith("_count"))
            total = sum(s.value for s in family.samples if s.name.endswith("_sum"))
            if count:
                print(
                    f"  split time: {1000 * total / count:.1f} ms per event over {count:g} events"
                )
