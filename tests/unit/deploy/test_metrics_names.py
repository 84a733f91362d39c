"""Every pagesplit_* series the dashboard and the alerts query exists in the
service's own registry, with the labels and label values it has."""

from __future__ import annotations

import re

import pytest
from deploy_files import (
    Family,
    alert_rules,
    dashboard,
    dashboard_exprs,
    metric_names,
    registry_families,
    unknown_metrics,
)
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from service.metrics import Metrics


@pytest.fixture(scope="module")
def families() -> dict[str, Family]:
    return registry_families(Metrics().registry)


def test_alert_expressions_use_only_the_services_metrics(families: dict[str, Family]) -> None:
    problems = [
        f"alert {rule['alert']}: {p}"
        for rule in alert_rules()
        for p in unknown_metrics(rule["expr"], families)
    ]
    assert not problems, "\n".join(problems)


def test_dashboard_queries_use_only_the_services_metrics(families: dict[str, Family]) -> None:
    problems = [
        f"{where}: {p}"
        for where, expr in dashboard_exprs(dashboard())
        for p in unknown_metrics(expr, families)
    ]
    assert not problems, "\n".join(problems)


def all_exprs() -> list[tuple[str, str]]:
    return [(f"alert {r['alert']}", r["expr"]) for r in alert_rules()] + dashboard_exprs(
        dashboard()
    )


@pytest.mark.parametrize(("where", "expr"), all_exprs(), ids=[w for w, _ in all_exprs()])
def test_brackets_and_quotes_balance(where: str, expr: str) -> None:
    """No PromQL parser offline: at least (), [], {} and quotes must pair up."""
    stack: list[str] = []
    pairs = {")": "(", "]": "[", "}": "{"}
    for char in re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr):
        if char in "([{":
            stack.append(char)
        elif char in pairs:
            assert stack and stack.pop() == pairs[char], f"{where}: unbalanced {char!r} in {expr}"
        assert char != '"' or expr.count('"') % 2 == 0, f"{where}: unpaired quote in {expr}"
    assert not stack, f"{where}: unclosed {stack} in {expr}"


def test_the_checks_see_metrics_at_all() -> None:
    """A parser that found nothing would pass everything."""
    used = set().union(*(metric_names(e) for _, e in dashboard_exprs(dashboard())))
    assert len(used) >= 8
    assert "pagesplit_dead_letters_total" in set().union(
        *(metric_names(r["expr"]) for r in alert_rules())
    )


# --- the name rules themselves, on a registry of their own ---------------------------------


@pytest.fixture
def toy() -> dict[str, Family]:
    r = CollectorRegistry()
    Counter("toy_events_total", "", registry=r)
    Counter("toy_errors_total", "", ["reason"], registry=r).labels(reason="bad")
    Histogram("toy_seconds", "", registry=r)
    Gauge("toy_lag", "", ["partition"], registry=r)
    return registry_families(r)


@pytest.mark.parametrize(
    "name",
    [
        "toy_events_total",
        "toy_events_created",
        "toy_seconds_bucket",
        "toy_seconds_sum",
        "toy_seconds_count",
        "toy_lag",
        "toy_errors_total",
    ],
)
def test_series_names_follow_client_python(toy: dict[str, Family], name: str) -> None:
    assert name in toy


@pytest.mark.parametrize(
    ("expr", "problem"),
    [
        ("rate(pagesplit_x_total[5m])", "no such series"),
        ("rate(other_events[5m])", None),  # not a pagesplit_ name: not ours to check
    ],
)
def test_unknown_names_are_reported(toy: dict[str, Family], expr: str, problem: str | None) -> None:
    found = unknown_metrics(expr, toy)
    assert (problem in found[0]) if problem else not found


def test_a_bare_histogram_or_a_counter_without_total_is_reported(toy: dict[str, Family]) -> None:
    for expr in ("toy_seconds", "rate(toy_events[5m])"):
        (problem,) = unknown_metrics(expr, toy, prefix="toy_")
        assert "use one of" in problem


def test_unknown_labels_and_label_values_are_reported(toy: dict[str, Family]) -> None:
    assert unknown_metrics('toy_errors_total{reason="bad"}', toy, prefix="toy_") == []
    assert unknown_metrics('toy_seconds_bucket{le="0.1", pod=~"a"}', toy, prefix="toy_") == []
    (bad_value,) = unknown_metrics('toy_errors_total{reason="bda"}', toy, prefix="toy_")
    assert "never set" in bad_value
    (bad_label,) = unknown_metrics('toy_lag{partiton="0"}', toy, prefix="toy_")
    assert "no label 'partiton'" in bad_label
