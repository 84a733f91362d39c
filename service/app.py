"""The service's lifecycle: start in order, stop in reverse, drain on SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from service.fetch import BodyFetcher, FetchConfig
from service.http import build_app, http_server
from service.metrics import Metrics
from service.pool import SplitPool
from service.runner import Runner
from service.settings import Settings

log = logging.getLogger(__name__)


async def serve(
    settings: Settings, stop: asyncio.Event | None = None, metrics: Metrics | None = None
) -> None:
    """Run until SIGTERM or SIGINT (or ``stop``), then drain within ``settings.drain_seconds``.

    Drain: stop fetching, finish and commit the batches in flight, leave the
    group, flush the producer. Batches that cannot finish in the budget are
    abandoned uncommitted, to be reprocessed (at-least-once).
    """
    stop = stop or asyncio.Event()
    metrics = metrics or Metrics()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with contextlib.AsyncExitStack() as stack:
        pool = SplitPool(settings.workers, settings.log_level)
        stack.callback(pool.close)
        await loop.run_in_executor(None, pool.warm_up)
        metrics.workers.set(settings.workers)

        fetcher = await stack.enter_async_context(
            BodyFetcher(FetchConfig.from_settings(settings), observer=metrics.observe_body_fetch)
        )
        runner = Runner(settings, metrics, pool, fetcher)
        app = build_app(
            metrics.registry,
            lambda: runner.ready,
            lambda: runner.last_progress,
            settings.liveness_seconds,
        )
        server = http_server(app, settings.http_host, settings.http_port)
        http_task = asyncio.create_task(server.serve(), name="http")
        stack.push_async_callback(_stop_http, server, http_task)

        stack.push_async_callback(runner.close)  # also when start fails half-way
        await runner.start()
        log.info(
            "consuming %s as group %s with %d workers",
            settings.input_topic,
            settings.group_id,
            settings.workers,
        )
        run_task = asyncio.create_task(runner.run(stop), name="runner")
        stop_task = asyncio.create_task(stop.wait(), name="stop")
        await asyncio.wait({run_task, stop_task}, return_when=asyncio.FIRST_COMPLETED)
        if run_task.done():
            stop_task.cancel()
            run_task.result()  # the loop ended by itself: re-raise its error
            return
        log.info("stopping: draining for at most %.0fs", settings.drain_seconds)
        try:
            await asyncio.wait_for(run_task, settings.drain_seconds)
        except TimeoutError:
            log.error("drain budget spent; the batches in flight are left uncommitted")
    log.info("stopped")


async def _stop_http(server: object, task: asyncio.Task[None]) -> None:
    server.should_exit = True  # type: ignore[attr-defined]
    await task
