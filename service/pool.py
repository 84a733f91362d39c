"""The pool of splitting processes.

Splitting is CPU-bound; running it in worker processes keeps the event loop
free for Kafka's network I/O and lets the service use every core it is given.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import functools
import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from service import logs

T = TypeVar("T")

log = logging.getLogger(__name__)

# Imported once, by the fork server, before it forks any worker: every worker,
# the first ones and each that replaces a killed one, starts with the splitter
# loaded. Imported in the worker instead, it takes a second, several on a busy
# machine, and that counts against the hard deadline of the worker's first page.
PRELOAD = ("service.pipeline",)

# The size of the pipe that carries each split's call, the event's bytes among its
# arguments, to the workers. At Linux's default of 64 KiB an event of 180 KB crosses in
# several writes, each waiting for the worker to read, and the writes are made by a
# thread of the event loop's process that needs the GIL between them: a worker that
# finishes a page waits for the next to cross. At 1 MiB (the most an unprivileged
# process may set by default, /proc/sys/fs/pipe-max-size) the next events are in the
# pipe before the worker asks (decision 0002).
CALL_PIPE_BYTES = 1 << 20


class SplitPool:
    """A process pool that can be rebuilt after a worker dies."""

    def __init__(self, workers: int, log_level: str | None = None) -> None:
        """``log_level``: the workers log at it, as the service does (``logs``); by
        default they keep Python's fallback (warnings, bare, to stderr)."""
        self.workers = workers
        self._log_level = log_level
        # forkserver: workers never inherit the event loop's threads and sockets.
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(list(PRELOAD))  # before the server starts
        self._executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        level = self._log_level
        executor = ProcessPoolExecutor(
            self.workers,
            mp_context=self._context,
            initializer=functools.partial(logs.configure, level) if level is not None else None,
        )
        _widen_call_pipe(executor)
        return executor

    def submit(self, fn: Callable[..., T], *args: Any) -> asyncio.Future[T]:
        """Run ``fn(*args)`` in a worker; raises ``BrokenProcessPool`` if a worker died."""
        return asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)

    def restart(self) -> None:
        """Replace the executor after one of its processes died (it is then unusable)."""
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._new()

    def kill(self) -> None:
        """Kill the workers, whatever they run, and replace the executor.

        For a worker stuck inside one C call (the parser on a hostile page), which
        the time budget's signal handler cannot interrupt. The executor keeps its
        processes in ``_processes``: Python 3.11 has no public way to kill them.
        """
        for process in list(getattr(self._executor, "_processes", {}).values()):
            process.kill()
        self.restart()

    def warm_up(self) -> None:
        """Start every worker now rather than on the first batch."""
        for future in [self._executor.submit(int) for _ in range(self.workers)]:
            future.result()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _widen_call_pipe(executor: ProcessPoolExecutor) -> None:
    """Set the executor's call pipe to ``CALL_PIPE_BYTES``, or as near as the system
    allows. The executor keeps the pipe in its ``_call_queue``: Python 3.11 has no
    public way to size it. Without it (another Python, another system) the pool works
    as before, only slower."""
    writer = getattr(getattr(executor, "_call_queue", None), "_writer", None)
    if writer is None or not hasattr(fcntl, "F_SETPIPE_SZ"):
        log.info("the pool's call pipe keeps its size: no pipe to size here")
        return
    size = CALL_PIPE_BYTES
    with contextlib.suppress(OSError, ValueError):
        size = min(size, int(Path("/proc/sys/fs/pipe-max-size").read_text()))
    try:
        fcntl.fcntl(writer.fileno(), fcntl.F_SETPIPE_SZ, size)
    except OSError:
        log.warning("the pool's call pipe keeps its size: the system refused %d bytes", size)
