"""The pool's pipe of calls: wide enough to hold the next events before a worker asks."""

from __future__ import annotations

import fcntl
import logging

import pytest

from service import logs
from service.pool import CALL_PIPE_BYTES, SplitPool


def _call_pipe_bytes(pool: SplitPool) -> int:
    writer = pool._executor._call_queue._writer  # type: ignore[attr-defined]
    return int(fcntl.fcntl(writer.fileno(), fcntl.F_GETPIPE_SZ))


def _pipe_max() -> int:
    with open("/proc/sys/fs/pipe-max-size") as f:
        return int(f.read())


@pytest.mark.skipif(not hasattr(fcntl, "F_GETPIPE_SZ"), reason="Linux pipes only")
def test_the_calls_pipe_holds_several_average_events() -> None:
    pool = SplitPool(1)
    try:
        assert _call_pipe_bytes(pool) >= min(CALL_PIPE_BYTES, _pipe_max())
        pool.restart()  # a pool rebuilt after a worker died gets the same pipe
        assert _call_pipe_bytes(pool) >= min(CALL_PIPE_BYTES, _pipe_max())
    finally:
        pool.close()


@pytest.mark.skipif(not hasattr(fcntl, "F_GETPIPE_SZ"), reason="Linux pipes only")
async def test_the_widened_pool_still_splits_in_order() -> None:
    pool = SplitPool(1)
    try:
        pool.warm_up()
        sizes = [70_000, 300_000, 5, 1_100_000]  # under, over and far over a default pipe
        results = [await pool.submit(len, b"x" * n) for n in sizes]
        assert results == sizes
    finally:
        pool.close()


def _root_logging() -> tuple[int, list[str | None]]:
    """The calling process's root logger: its level and its handlers' formats."""
    root = logging.getLogger()
    return root.level, [h.formatter._fmt if h.formatter else None for h in root.handlers]


async def test_workers_log_at_the_services_level_in_its_format() -> None:
    """A splitting process's warnings (a stage that failed) come out as the parent's do,
    and a level that silences the parent's silences theirs."""
    pool = SplitPool(1, log_level="ERROR")
    try:
        assert await pool.submit(_root_logging) == (logging.ERROR, [logs.FORMAT])
        pool.restart()
        assert await pool.submit(_root_logging) == (logging.ERROR, [logs.FORMAT])
    finally:
        pool.close()
