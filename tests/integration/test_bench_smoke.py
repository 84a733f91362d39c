"""The Kafka benchmarks still run: each on about twenty events over the session broker.

Skipped when the benchmark data (../shared/bench) is absent.
"""

from __future__ import annotations

import importlib.util

import pytest

from bench import latency, memory, throughput
from bench.quality import DEFAULT_DATA, Page, load_pages

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        not (DEFAULT_DATA / "ground-truth.json").exists(), reason="no benchmark data"
    ),
]
EVENTS = 20


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    return load_pages(DEFAULT_DATA, 3)


async def test_throughput_measures_every_rate(bootstrap: str, pages: list[Page]) -> None:
    result = await throughput.measure(bootstrap, pages, EVENTS, workers=(1, 2))
    assert result.extraction > 0 and result.extraction_failed == 0
    assert set(result.service) == {1, 2} and all(r > 0 for r in result.service.values())
    assert result.ceiling > 0
    assert len(result.lines()) == 4


async def test_latency_keeps_one_value_per_event(bootstrap: str, pages: list[Page]) -> None:
    result = await latency.measure(bootstrap, pages, rate=20.0, count=EVENTS, workers=1)
    assert len(result.values) == EVENTS
    assert 0 < result.quantile(0.5) <= result.quantile(0.99) <= max(result.values)


def test_memory_samples_the_service_process(bootstrap: str, pages: list[Page]) -> None:
    if importlib.util.find_spec("psutil") is None:
        pytest.skip("psutil is not installed (bench extra)")
    result = memory.measure(bootstrap, pages, EVENTS, workers=1, distinct=5, lead=10)
    assert result.samples and result.samples[-1].events >= EVENTS
    assert result.baseline_mb > 0
