"""The HTTP endpoints: /metrics (Prometheus), /healthz (alive), /readyz (ready)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator

import uvicorn
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route


def build_app(
    registry: CollectorRegistry,
    ready: Callable[[], bool],
    last_progress: Callable[[], float],
    liveness_seconds: float,
) -> Starlette:
    """``/healthz`` fails when the consume loop made no progress for ``liveness_seconds``."""

    async def metrics(_: Request) -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    async def healthz(_: Request) -> Response:
        idle = time.monotonic() - last_progress()
        if idle > liveness_seconds:
            return PlainTextResponse(f"stuck: no progress for {idle:.0f}s\n", status_code=503)
        return PlainTextResponse("ok\n")

    async def readyz(_: Request) -> Response:
        if ready():
            return PlainTextResponse("ready\n")
        return PlainTextResponse("not ready: no partitions assigned\n", status_code=503)

    return Starlette(
        routes=[
            Route("/metrics", metrics),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
        ]
    )


class HttpServer(uvicorn.Server):
    """uvicorn in our event loop; the service owns the signals, not uvicorn."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def http_server(app: Starlette, host: str, port: int) -> HttpServer:
    config = uvicorn.Config(
        app, host=host, port=port, log_config=None, access_log=False, lifespan="off"
    )
    return HttpServer(config)
