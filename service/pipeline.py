"""One event in, its encoded output records or its dead-letter reason out.

This is the work a splitting process does; it is pure (no Kafka, no metrics),
so that ``pagesplit split`` and the service run the very same code, and its
arguments and results pickle cheaply across the process pool.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING, Any, Literal

from service.events import InvalidEvent, PageEvent, decode_event
from service.extract import Limits, RefusedPage, TextStats, split
from service.records import Source, build_records, encode_record

if TYPE_CHECKING:
    from service.settings import Settings


@dataclass(frozen=True, slots=True)
class PipelineLimits:
    """The budgets one event must fit in."""

    max_event_bytes: int
    max_page_bytes: int
    max_page_nodes: int
    max_record_bytes: int
    max_page_seconds: float | None = None
    """Wall-clock budget of one event in a worker; None for none."""

    @classmethod
    def from_settings(cls, settings: Settings) -> PipelineLimits:
        return cls(
            max_event_bytes=settings.max_event_bytes,
            max_page_bytes=settings.max_page_bytes,
            max_page_nodes=settings.max_page_nodes,
            max_record_bytes=settings.max_record_bytes,
            max_page_seconds=settings.max_page_seconds,
        )


@dataclass(frozen=True, slots=True)
class Output:
    """One encoded record, ready to produce."""

    kind: Literal["article", "teaser"]
    key: bytes
    value: bytes


@dataclass(frozen=True, slots=True)
class Done:
    """The event was split; ``outputs`` holds its records, article first."""

    outputs: tuple[Output, ...]
    fetched_at: float | None
    """The event's fetched_at as a Unix time, for the end-to-end latency."""
    seconds: float
    stats: TextStats
    warnings: tuple[str, ...] = ()
    """The split's warnings (``service.extract.model.SPLIT_WARNINGS``)."""

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as builtins, the records' kinds, keys and values as three tuples: the
        result crosses the pool's pipe, and a frozen dataclass with slots pickles each
        record and the stats through a ``__getstate__`` and a ``__setstate__`` in
        Python (decision 0002)."""
        outputs = self.outputs
        stats = self.stats
        return (
            _done,
            (
                tuple(out.kind for out in outputs),
                tuple(out.key for out in outputs),
                tuple(out.value for out in outputs),
                self.fetched_at,
                self.seconds,
                (stats.article_chars, stats.teaser_chars, stats.dropped_chars),
                self.warnings,
            ),
        )


def _done(
    kinds: tuple[Literal["article", "teaser"], ...],
    keys: tuple[bytes, ...],
    values: tuple[bytes, ...],
    fetched_at: float | None,
    seconds: float,
    stats: tuple[int, int, int],
    warnings: tuple[str, ...],
) -> Done:
    """A ``Done`` from its pickled form (``Done.__reduce__``)."""
    outputs = tuple(map(Output, kinds, keys, values))
    return Done(outputs, fetched_at, seconds, TextStats(*stats), warnings)


@dataclass(frozen=True, slots=True)
class Failed:
    """The event goes to the dead-letter topic for ``reason``."""

    reason: str
    message: str
    seconds: float | None
    """Its time in a worker; None when it never reached one, or its worker died."""


class _OverBudget(BaseException):
    """Raised by the timer; a BaseException so that no ``except Exception`` swallows it."""


@contextlib.contextmanager
def _time_budget(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` with ``_OverBudget`` (main thread only).

    A worker process runs one event at a time in its main thread, so a timer
    signal is the way to stop a page that takes too long without losing the
    worker. Elsewhere (other threads) there is no budget.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_event(
    value: bytes | None, source: Source, limits: PipelineLimits, body: bytes | None = None
) -> Done | Failed:
    """Decode, validate and split one raw event. Never raises for bad input.

    ``body`` is the page of a ``body_ref`` event, already fetched (and
    decompressed) by the caller; it is ignored for events that carry their own
    body. A ``body_ref`` event without it fails with ``body_unavailable``.
    """
    start = time.perf_counter()
    try:
        with _time_budget(limits.max_page_seconds):
            event = decode_event(value, limits.max_event_bytes, limits.max_page_bytes)
            return _split_event(event, source, limits, start, body)
    except _OverBudget:
        return Failed(
            "page_timeout",
            f"not split within {limits.max_page_seconds:g}s",
            time.perf_counter() - start,
        )
    except InvalidEvent as exc:
        return Failed(exc.reason, str(exc), time.perf_counter() - start)
    except RefusedPage as exc:
        return Failed(exc.reason, str(exc), time.perf_counter() - start)
    except Exception as exc:  # a bug in the splitter: the event is kept, the bug counted
        return Failed("split_error", f"{type(exc).__name__}: {exc}", time.perf_counter() - start)


def _split_event(
    event: PageEvent, source: Source, limits: PipelineLimits, start: float, fetched: bytes | None
) -> Done | Failed:
    if event.crawl_failed:
        return Failed(
            "http_status", f"crawler got HTTP {event.status}", time.perf_counter() - start
        )
    body = event.body if event.body is not None else fetched
    if body is None:
        return Failed(
            "body_unavailable", "the body_ref body was not fetched", time.perf_counter() - start
        )
    result = split(
        body,
        event.url,
        event.headers,
        Limits(max_bytes=limits.max_page_bytes, max_nodes=limits.max_page_nodes),
        fetched_at=event.fetched_at,
    )
    fetched_at = event.fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ") if event.fetched_at else None
    src = Source(source.topic, source.partition, source.offset, fetched_at)
    outputs = []
    for record in build_records(result, event.url, src, crawl_id=event.crawl_id, site=event.site):
        data = encode_record(record)
        if len(data) > limits.max_record_bytes:
            return Failed(
                "record_too_large",
                f"{record.type} record is {len(data)} bytes, over {limits.max_record_bytes}",
                time.perf_counter() - start,
            )
        outputs.append(Output(record.type, record.id.encode(), data))
    return Done(
        outputs=tuple(outputs),
        fetched_at=event.fetched_at.timestamp() if event.fetched_at else None,
        seconds=time.perf_counter() - start,
        stats=result.stats,
        warnings=result.warnings,
    )
