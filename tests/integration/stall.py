"""A splitter that stalls on marked pages, for the runner's hard deadline.

Its own module, importing little beyond what the pool's fork server has
loaded already: a worker unpickling it does not spend the deadline importing
the test module (pytest, the Kafka clients).
"""

from __future__ import annotations

import signal
import time

from service.pipeline import Done, Failed, PipelineLimits, process_event
from service.records import Source

STALL_MARK = "stall-in-c"


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
