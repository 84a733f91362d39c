"""Which events of a batch have their body fetched, and in how many tasks (no broker
needed: the consumer is never started, and the fetcher is a recorder)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Coroutine, Generator
from types import SimpleNamespace
from typing import Any

import orjson

from service.events import encode_event
from service.metrics import Metrics
from service.pipeline import Failed
from service.pool import SplitPool
from service.runner import Runner
from service.settings import load_settings


class RecordingFetcher:
    def __init__(self) -> None:
        self.urls: list[str] = []

    async def fetch(self, url: str) -> bytes:
        self.urls.append(url)
        return f"<p>{url}</p>".encode()


def ref_event(n: int) -> bytes:
    doc = {"url": f"https://news.example/{n}", "body_ref": f"https://store.example/{n}"}
    return orjson.dumps(doc | {"status": 200})


async def test_only_the_events_naming_a_body_ref_are_fetched_each_in_a_task() -> None:
    values = [encode_event(f"https://news.example/{n}", "<p>x</p>") for n in range(50)]
    values[7] = ref_event(7)
    values[31] = ref_event(31)
    values.append(None)  # a tombstone
    messages = [SimpleNamespace(value=v) for v in values]
    fetcher = RecordingFetcher()
    pool = SplitPool(1)
    runner = Runner(load_settings(workers=1), Metrics(), pool, fetcher=fetcher)  # type: ignore[arg-type]
    loop = asyncio.get_running_loop()
    tasks = 0

    def count(
        loop: asyncio.AbstractEventLoop,
        coro: Generator[Any, None, Any] | Coroutine[Any, Any, Any],
        **kwargs: Any,
    ) -> asyncio.Task[Any]:
        nonlocal tasks
        tasks += 1
        return asyncio.Task(coro, loop=loop, **kwargs)

    loop.set_task_factory(count)
    try:
        bodies = await runner._fetch_bodies(messages)
    finally:
        loop.set_task_factory(None)
        await runner.close()
        pool.close()
    assert fetcher.urls == ["https://store.example/7", "https://store.example/31"]
    assert bodies[7] == b"<p>https://store.example/7</p>"
    assert bodies[31] == b"<p>https://store.example/31</p>"
    assert [b for i, b in enumerate(bodies) if i not in (7, 31)] == [None] * 49
    assert tasks == 2  # not one an event


async def test_without_a_fetcher_no_body_is_fetched() -> None:
    pool = SplitPool(1)
    runner = Runner(load_settings(workers=1), Metrics(), pool)
    try:
        bodies = await runner._fetch_bodies([SimpleNamespace(value=ref_event(1))])
    finally:
        await runner.close()
        pool.close()
    assert bodies == [None]


class StalledFetcher:
    """A store that never answers: each fetch is cut off by the runner's deadline."""

    async def fetch(self, url: str) -> bytes:
        await asyncio.sleep(3600)
        raise AssertionError("unreachable")


async def test_each_fetch_that_ends_counts_as_progress_for_the_liveness_probe() -> None:
    """Fetches queued behind the concurrency limit wait a deadline each: a batch of them
    against a stalled store takes several deadlines, and the loop is slow then, not stuck."""
    settings = load_settings(workers=1, body_ref_concurrency=1, body_ref_deadline_seconds=0.2)
    pool = SplitPool(1)
    runner = Runner(settings, Metrics(), pool, fetcher=StalledFetcher())  # type: ignore[arg-type]
    messages = [SimpleNamespace(value=ref_event(n)) for n in range(4)]
    try:
        started = runner.last_progress
        bodies = await runner._fetch_bodies(messages)
        ended = time.monotonic()
    finally:
        await runner.close()
        pool.close()
    assert [b.reason for b in bodies if isinstance(b, Failed)] == ["body_unavailable"] * 4
    assert ended - started >= 0.8  # four deadlines, one after the other
    assert runner.last_progress >= ended - 0.3  # the last fetch's end, not the batch's start


class BrokenFetcher:
    """A fetch that fails in a way no fetch should (a bug, or an input not foreseen)."""

    async def fetch(self, url: str) -> bytes:
        if url.endswith("/2"):
            raise UnicodeError("label empty or too long")
        return b"<p>fetched</p>"


async def test_a_fetch_failing_unexpectedly_is_that_events_dead_letter() -> None:
    pool = SplitPool(1)
    runner = Runner(load_settings(workers=1), Metrics(), pool, fetcher=BrokenFetcher())  # type: ignore[arg-type]
    try:
        bodies = await runner._fetch_bodies([SimpleNamespace(value=ref_event(n)) for n in range(4)])
    finally:
        await runner.close()
        pool.close()
    assert bodies[:2] + bodies[3:] == [b"<p>fetched</p>"] * 3
    failed = bodies[2]
    assert isinstance(failed, Failed)
    assert failed.reason == "body_unavailable"
    assert "UnicodeError: label empty or too long" in failed.message
