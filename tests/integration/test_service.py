"""The service end to end over a real Kafka broker."""

from __future__ import annotations

import asyncio
import base64
import gzip
from collections import Counter
from importlib import resources

import orjson
import pytest

from service.app import serve
from service.demo import PAGES, SITE
from service.events import encode_event
from service.metrics import Metrics
from service.pipeline import Done, PipelineLimits, process_event
from service.records import Source
from service.settings import Settings
from tests.integration.kafka_helpers import (
    ServiceProcess,
    committed,
    publish,
    read_all,
    run_until,
    wait_committed,
    wait_for,
)

pytestmark = pytest.mark.integration


def demo_page(name: str) -> str:
    return resources.files("service.demo").joinpath("pages", name).read_text("utf-8")


def good_events() -> list[bytes]:
    pages = [encode_event(url, demo_page(name)) for name, url in PAGES.items()]
    latin = (
        "<html><head><title>Caf\xe9 cr\xe8me</title></head><body><article><h1>Caf\xe9 cr\xe8me</h1>"
    )
    latin += (
        "<p>"
        + "Le caf\xe9 est servi tr\xe8s chaud dans la grande salle du march\xe9. " * 4
        + "</p>"
    )
    latin += "</article></body></html>"
    gz = orjson.dumps(
        {
            "url": f"{SITE}/fr/cafe",
            "body": base64.b64encode(gzip.compress(latin.encode("cp1252"))).decode(),
            "content_encoding": "gzip",
            "headers": {"content-type": "text/html; charset=windows-1252"},
            "fetched_at": "2026-02-04T09:30:00Z",
        }
    )
    return [*pages, gz]


BAD_EVENTS = {
    b"{not json": "invalid_json",
    b'["a list"]': "invalid_json",
    b'{"html": "<p>x</p>"}': "invalid_event",
    b'{"url": "https://x.example/", "body": "***not base64***"}': "body_decode",
    b'{"url": "https://x.example/", "html": "<p>x</p>", "status": 503}': "http_status",
    b'{"url": "https://x.example/", "html": "x", "fetched_at": "yesterday"}': "invalid_event",
}


def limits(settings: Settings) -> PipelineLimits:
    return PipelineLimits(
        settings.max_event_bytes,
        settings.max_page_bytes,
        settings.max_page_nodes,
        settings.max_record_bytes,
    )


def without_time(doc: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in doc.items() if k != "extracted_at"}


async def test_events_become_expected_records_and_bad_events_dead_letters(
    settings: Settings,
) -> None:
    values = good_events() + list(BAD_EVENTS)
    sent = await publish(settings, values, partitions=2)
    metrics = Metrics()
    await run_until(settings, metrics, len(values))

    expected: dict[str, list[dict[str, object]]] = {"article": [], "teaser": []}
    for s in sent[: len(good_events())]:
        result = process_event(
            s.value, Source(settings.input_topic, s.partition, s.offset, None), limits(settings)
        )
        assert isinstance(result, Done)
        for out in result.outputs:
            expected[out.kind].append(without_time(orjson.loads(out.value)))
    articles = await read_all(settings, settings.articles_topic, len(expected["article"]))
    teasers = await read_all(settings, settings.teasers_topic, len(expected["teaser"]))
    dead = await read_all(settings, settings.dlq_topic, len(BAD_EVENTS))

    assert sorted(map(orjson.dumps, map(without_time, (g.json() for g in articles)))) == sorted(
        map(orjson.dumps, expected["article"])
    )
    assert sorted(map(orjson.dumps, map(without_time, (g.json() for g in teasers)))) == sorted(
        map(orjson.dumps, expected["teaser"])
    )
    assert all(g.key == g.json()["id"].encode() for g in articles + teasers)  # type: ignore[union-attr]
    titles = {g.json()["title"] for g in articles}
    assert "Pezeshkian begins Kazakhstan visit to widen Central Asia ties" in titles
    assert "Café crème" in titles  # gzip body in windows-1252 decoded right
    assert not any(
        g.json()["page_url"] == f"{SITE}/" for g in articles
    )  # the home page has no article

    by_offset = {(s.partition, s.offset): s.value for s in sent}
    reasons = {}
    for g in dead:
        where = (
            int(g.headers["pagesplit.source.partition"]),
            int(g.headers["pagesplit.source.offset"]),
        )
        assert g.value == by_offset[where]  # the original bytes, untouched
        assert g.headers["pagesplit.source.topic"].decode() == settings.input_topic
        assert g.headers["pagesplit.error.message"]
        reasons[g.value] = g.headers["pagesplit.error.reason"].decode()
    assert reasons == BAD_EVENTS

    ends = Counter(s.partition for s in sent)
    assert await committed(settings, 2) == {p: ends[p] for p in range(2)}
    assert metrics.registry.get_sample_value("pagesplit_events_consumed_total") == len(values)
    assert (
        metrics.registry.get_sample_value(
            "pagesplit_dead_letters_total", {"reason": "invalid_json"}
        )
        == 2
    )
    # Each histogram that this run gives something to time has counted (no body_ref here).
    for timed in ("split_seconds", "event_bytes", "end_to_end_latency_seconds", "commit_seconds"):
        assert metrics.registry.get_sample_value(f"pagesplit_{timed}_count"), timed


async def test_restart_after_commit_reprocesses_nothing(settings: Settings) -> None:
    values = good_events()[:2]
    await publish(settings, values)
    await run_until(settings, Metrics(), len(values))
    before = await read_all(settings, settings.articles_topic, 2)

    again = Metrics()
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, stop, again))
    await wait_for(
        lambda: (
            (again.registry.get_sample_value("pagesplit_last_progress_timestamp_seconds") or 0) > 0
        )
    )
    await asyncio.sleep(2)  # several polls with the partitions assigned
    stop.set()
    await task
    assert again.registry.get_sample_value("pagesplit_events_consumed_total") == 0
    assert len(await read_all(settings, settings.articles_topic, len(before), timeout=5)) == len(
        before
    )


async def test_sigterm_mid_stream_loses_nothing(settings: Settings) -> None:
    page = demo_page("business-uranium.html")
    values = [
        b"{broken" if i % 97 == 0 else encode_event(f"{SITE}/business/story-{i}", page)
        for i in range(1500)
    ]
    sent = await publish(settings, values, partitions=2)

    first = ServiceProcess(settings, PAGESPLIT_WORKERS="2")
    done_at_stop = await wait_committed(settings, 100, 2, timeout=90)
    assert first.terminate() == 0, first.log()
    after_drain = sum(v or 0 for v in (await committed(settings, 2)).values())
    assert done_at_stop <= after_drain < len(values), "the stop was not mid-stream"

    second = ServiceProcess(settings, PAGESPLIT_WORKERS="2")
    try:
        assert await wait_committed(settings, len(values), 2) == len(values)
    finally:
        assert second.terminate() == 0, second.log()

    articles = await read_all(settings, settings.articles_topic, 1)
    dead = await read_all(settings, settings.dlq_topic, 1)
    seen = {(g.json()["source"]["partition"], g.json()["source"]["offset"]) for g in articles}  # type: ignore[index]
    seen |= {
        (int(g.headers["pagesplit.source.partition"]), int(g.headers["pagesplit.source.offset"]))
        for g in dead
    }
    expected = {(s.partition, s.offset) for s in sent}
    assert expected - seen == set(), "events lost"
    assert len(dead) == len([v for v in values if v == b"{broken"])
