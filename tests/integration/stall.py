"""Splitters that stall on marked pages, crash on them, or hold each page until the
next event's split is queued, for the runner's hard deadline, its recovery and its
feeding of the pool.

Their own module, importing little beyond what the pool's fork server has
loaded already: a worker unpickling one does not spend the deadline importing
the test module (pytest, the Kafka clients).
"""

from __future__ import annotations

import os
import signal
import tempfile
import time
from pathlib import Path

from service.pipeline import Done, Failed, PipelineLimits, process_event
from service.records import Source

STALL_MARK = "stall-in-c"
CRASH_MARK = "crash-the-worker"
LAST_MARK = "last-of-the-stream"
WAIT_SECONDS = 5.0


def split_or_stall(
    value: bytes | None, source: Source, limits: PipelineLimits, body: bytes | None
) -> Done | Failed:
    """``process_event``, but a marked page stalls with the timer signal blocked, as a
    page does that keeps the parser busy inside one C call: the time budget's handler
    cannot run until the call returns."""
    if value is not None and STALL_MARK.encode() in value:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    return process_event(value, source, limits, body)


def split_or_crash(
    value: bytes | None, source: Source, limits: PipelineLimits, body: bytes | None
) -> Done | Failed:
    """``process_event``, but a marked page kills its worker, as a crash in native code does."""
    if value is not None and CRASH_MARK.encode() in value:
        os._exit(70)
    return process_event(value, source, limits, body)


def queued_marks(topic: str) -> Path:
    """Where the test marks each event of ``topic`` whose split is queued in the pool
    (a file named by its offset) and the worker marks each page it finished while the
    next event's split was not queued (``late-<offset>``)."""
    return Path(tempfile.gettempdir()) / f"pagesplit-queued-{topic}"


def split_when_next_queued(
    value: bytes | None, source: Source, limits: PipelineLimits, body: bytes | None
) -> Done | Failed:
    """``process_event``, finished only once the next event's split is queued (but for
    the last event), or after ``WAIT_SECONDS`` with a ``late-<offset>`` mark: then the
    worker would have had nothing to run after this page while events waited."""
    if value is not None and LAST_MARK.encode() not in value:
        marks = queued_marks(source.topic)
        give_up = time.monotonic() + WAIT_SECONDS
        while not (marks / str(source.offset + 1)).exists():
            if time.monotonic() > give_up:
                (marks / f"late-{source.offset}").touch()
                break
            time.sleep(0.01)
    return process_event(value, source, limits, body)
