"""Metric names follow the Prometheus conventions."""

from __future__ import annotations

import re

from prometheus_client import generate_latest

from service.metrics import DEAD_LETTER_REASONS, Metrics

NAME = re.compile(r"^pagesplit_[a-z][a-z0-9_]*$")
UNITS = ("_total", "_seconds", "_bytes", "_count", "_sum", "_bucket", "_created")


def families(metrics: Metrics) -> dict[str, str]:
    return {f.name: f.type for f in metrics.registry.collect()}


def test_names_have_the_prefix_and_base_units() -> None:
    for name, kind in families(Metrics()).items():
        assert NAME.match(name), name
        if kind == "counter":
            # client_python keeps the family name without _total; samples carry it
            assert not name.endswith("_total"), name
        if kind == "histogram":
            assert name.endswith(("_seconds", "_bytes")), name
        assert "_ms" not in name and "milliseconds" not in name, name


def test_counters_are_exposed_with_total_and_labels_are_initialised() -> None:
    text = generate_latest(Metrics().registry).decode()
    assert "pagesplit_events_consumed_total 0.0" in text
    for reason in DEAD_LETTER_REASONS:
        assert f'pagesplit_dead_letters_total{{reason="{reason}"}} 0.0' in text
    assert 'pagesplit_records_produced_total{type="article"} 0.0' in text
    assert 'pagesplit_records_produced_total{type="teaser"} 0.0' in text


def test_each_metrics_object_has_its_own_registry() -> None:
    a, b = Metrics(), Metrics()
    a.events_consumed.inc(5)
    assert b.registry.get_sample_value("pagesplit_events_consumed_total") == 0
