"""The HTTP endpoints."""

from __future__ import annotations

import time

import httpx

from service.http import build_app
from service.metrics import Metrics


async def get(path: str, ready: bool = True, progress_age: float = 0.0) -> httpx.Response:
    metrics = Metrics()
    metrics.events_consumed.inc(7)
    app = build_app(metrics.registry, lambda: ready, lambda: time.monotonic() - progress_age, 60.0)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        return await client.get(path)


async def test_metrics_are_served_in_the_prometheus_format() -> None:
    response = await get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert "pagesplit_events_consumed_total 7.0" in response.text


async def test_healthz_fails_when_the_loop_stops_making_progress() -> None:
    assert (await get("/healthz", progress_age=1)).status_code == 200
    assert (await get("/healthz", progress_age=61)).status_code == 503


async def test_readyz_needs_assigned_partitions() -> None:
    assert (await get("/readyz")).status_code == 200
    assert (await get("/readyz", ready=False)).status_code == 503
