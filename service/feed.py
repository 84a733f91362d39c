"""Feeding batches' splits to the pool: queued as soon as a batch is taken, results in order.

A batch's splits are submitted when the batch is taken, while the previous
batch's splits may still be running: the pool runs them in submission order,
so a worker that finishes the last page of one batch starts on the next
batch's first page at once instead of waiting for the runner to collect the
batch, deliver the one before and fetch again (decision 0002).

Results are collected one batch at a time, in the order the batches were
submitted; collecting is where a dead or stuck worker is found and its pages
are retried one at a time (``Feed.results``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from service.pipeline import Done, Failed, PipelineLimits
from service.pool import SplitPool
from service.records import Source

log = logging.getLogger(__name__)

# A page stuck past max_page_seconds x this + the slack is stuck where the time
# budget cannot stop it: its worker is killed.
HARD_DEADLINE_FACTOR = 2.0
HARD_DEADLINE_SLACK_SECONDS = 1.0

# What the pool runs on each event (value, source, limits, fetched body);
# picklable, so a module-level function. Benchmarks swap it to measure the loop.
ProcessFn = Callable[[bytes | None, Source, PipelineLimits, bytes | None], Done | Failed]


@dataclass(frozen=True, slots=True)
class Job:
    """One event to split: its value, where it came from, and its body if fetched by reference."""

    value: bytes | None
    source: Source
    body: bytes | None = None


@dataclass(eq=False, slots=True)
class Splits:
    """A batch's jobs and their splits in the pool, in order."""

    jobs: Sequence[Job]
    futures: list[asyncio.Future[Done | Failed]]


class Feed:
    """Submits batches' splits to ``pool`` in order and collects their results in order."""

    def __init__(self, pool: SplitPool, process: ProcessFn, limits: PipelineLimits) -> None:
        self._pool = pool
        self._process = process
        self._limits = limits
        # Results are collected one batch at a time, in submission order: the hard
        # deadline is counted on the batch whose pages the workers run first.
        self._turn = asyncio.Lock()
        # Held while pages are split one at a time: no batch joins them in the pool,
        # so a worker that dies or is stuck died on the page it ran.
        self._alone = asyncio.Lock()
        self._waiting: list[Splits] = []
        """Batches submitted whose results are not collected yet, in order."""

    async def submit(self, jobs: Sequence[Job]) -> Splits:
        """Queue every job's split in the pool now, behind those of the batches before."""
        async with self._alone:
            splits = Splits(jobs, [self._submit(job) for job in jobs])
            self._waiting.append(splits)
            return splits

    def _submit(self, job: Job) -> asyncio.Future[Done | Failed]:
        try:
            return self._pool.submit(self._process, job.value, job.source, self._limits, job.body)
        except BrokenProcessPool as exc:  # a worker died since the last results: split again later
            future: asyncio.Future[Done | Failed] = asyncio.get_running_loop().create_future()
            future.set_exception(exc)
            return future

    async def results(self, splits: Splits) -> list[Done | Failed]:
        """Each job's result, in order, once every split is done; batches in the order
        they were submitted.

        When a worker dies, or one is stuck past the hard deadline
        (``hard_deadline``), the pool is replaced; this batch's pages not split
        yet are retried one at a time, each dead-lettered if it kills or holds a
        worker again, and the later batches' splits lost with the pool are
        submitted again.
        """
        async with self._turn:
            self._waiting.remove(splits)
            try:
                await self._all_done(splits.futures)
                return [_result(future) for future in splits.futures]
            except (BrokenProcessPool, TimeoutError) as exc:
                return await self._recover(splits, stuck=isinstance(exc, TimeoutError))

    async def _all_done(self, futures: Sequence[asyncio.Future[Done | Failed]]) -> None:
        """Wait for every split, in order; ``TimeoutError`` when one is not done within the
        hard deadline of the one before it: a worker is stuck on it. (It was running by
        then, since the pool starts splits in order, so it ran for at least the deadline.)"""
        deadline = self.hard_deadline()
        for future in futures:
            if not future.done():
                await asyncio.wait((future,), timeout=deadline)
                if not future.done():
                    raise TimeoutError

    def hard_deadline(self) -> float | None:
        """How long one page may hold a worker before the worker is killed: the time
        budget stops a page inside Python code, but not one stuck in a single C call
        (the parser), whose signal handler runs only when the call returns."""
        budget = self._limits.max_page_seconds
        if budget is None:
            return None
        return budget * HARD_DEADLINE_FACTOR + HARD_DEADLINE_SLACK_SECONDS

    async def _recover(self, splits: Splits, stuck: bool) -> list[Done | Failed]:
        """Replace the pool (killing its workers if one is stuck), then split each page
        not split yet alone."""
        log.error(
            "a splitting process %s; retrying the batch one event at a time",
            "is stuck past the time budget" if stuck else "died",
        )
        async with self._alone:
            if stuck:
                self._pool.kill()
            else:
                self._pool.restart()
            results = []
            for job, future in zip(splits.jobs, splits.futures, strict=True):
                if _split(future):
                    results.append(future.result())
                else:
                    future.cancel()
                    results.append(await self._split_alone(job))
            for later in self._waiting:  # submitted to a pool that is gone
                for i, future in enumerate(later.futures):
                    if not _split(future):
                        future.cancel()
                        later.futures[i] = self._submit(later.jobs[i])
            return results

    async def _split_alone(self, job: Job) -> Done | Failed:
        """One event in the pool on its own: a worker that dies on it, or is stuck past
        the hard deadline (and killed), makes it a dead letter."""
        src = job.source
        where = f"{src.topic}/{src.partition}@{src.offset}"
        try:
            return await asyncio.wait_for(
                self._pool.submit(self._process, job.value, src, self._limits, job.body),
                self.hard_deadline(),
            )
        except BrokenProcessPool:
            log.error("a splitting process died on %s", where)
            self._pool.restart()
            return Failed("split_crash", "a splitting process died on this page", None)
        except TimeoutError:
            log.error("a splitting process is stuck on %s; killed", where)
            self._pool.kill()
            message = f"not split within {self._limits.max_page_seconds}s (its worker was killed)"
            return Failed("page_timeout", message, self.hard_deadline())  # at least as long


def _split(future: asyncio.Future[Done | Failed]) -> bool:
    """Whether the split finished with a result (not lost with a worker)."""
    return future.done() and not future.cancelled() and future.exception() is None


def _result(future: asyncio.Future[Done | Failed]) -> Done | Failed:
    """The split's result; ``BrokenProcessPool`` when it was lost with a worker."""
    if future.cancelled():  # only an executor's shutdown cancels a split
        raise BrokenProcessPool("the split was cancelled with its executor")
    return future.result()
