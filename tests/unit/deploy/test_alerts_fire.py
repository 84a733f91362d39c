"""The alert rules parse (promtool check rules) and fire on the situations they
are for, and not on healthy ones (promtool test rules on synthetic series).

promtool is built by ``make promtool`` from the Go module proxy into ``.cache/bin``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from deploy_files import COMPOSE_RULES, ROOT, load_one

PROMTOOL = ROOT / ".cache" / "bin" / "promtool"
NS = 'namespace="pagesplit"'
POD = f'{NS}, pod="pagesplit-1"'
CONSUMED = f"pagesplit_events_consumed_total{{{POD}}}"
# A healthy pod: 10 events a second in and committed, lag small and steady.
HEALTHY = [
    (CONSUMED, "0+600x90"),
    (f"pagesplit_events_processed_total{{{POD}}}", "0+600x90"),
    (f'pagesplit_consumer_lag{{{POD}, partition="0"}}', "50x90"),
    (f'pagesplit_dead_letters_total{{{POD}, reason="invalid_json"}}', "0+6x90"),
    (f"pagesplit_last_progress_timestamp_seconds{{{POD}}}", "0+60x90"),
    (f'kube_pod_container_status_restarts_total{{{POD}, container="pagesplit"}}', "0x90"),
]
SUM = {"namespace": "pagesplit", "severity": "warning"}
CRITICAL = {"namespace": "pagesplit", "severity": "critical"}

# alert: (series that differ from HEALTHY, labels of the alert it fires)
SCENARIOS: dict[str, tuple[list[tuple[str, str]], dict[str, str]]] = {
    "PagesplitConsumerLagGrowing": (
        [(f'pagesplit_consumer_lag{{{POD}, partition="0"}}', "20000+1000x90")],
        SUM,
    ),
    "PagesplitNoThroughput": (
        [(f"pagesplit_events_processed_total{{{POD}}}", "100x90")],
        CRITICAL,
    ),
    "PagesplitDeadLetterRateHigh": (
        [(f'pagesplit_dead_letters_total{{{POD}, reason="invalid_json"}}', "0+120x90")],
        SUM,
    ),
    "PagesplitDeadLetterRatioHigh": (
        [(f'pagesplit_dead_letters_total{{{POD}, reason="invalid_json"}}', "0+60x90")],
        SUM,
    ),
    "PagesplitSplitErrors": (
        [(f'pagesplit_dead_letters_total{{{POD}, reason="split_error"}}', "0+6x90")],
        SUM,
    ),
    "PagesplitSplitCrashes": (
        [(f'pagesplit_dead_letters_total{{{POD}, reason="split_crash"}}', "0+1x90")],
        SUM,
    ),
    "PagesplitStageFailures": (
        [(f'pagesplit_split_warnings_total{{{POD}, warning="teasers_failed"}}', "0+6x90")],
        SUM,
    ),
    "PagesplitRestarting": (
        [(f'kube_pod_container_status_restarts_total{{{POD}, container="pagesplit"}}', "0+1x90")],
        {
            "namespace": "pagesplit",
            "pod": "pagesplit-1",
            "container": "pagesplit",
            "severity": "warning",
        },
    ),
    "PagesplitStuck": (
        [(f"pagesplit_last_progress_timestamp_seconds{{{POD}}}", "0x90")],
        {"namespace": "pagesplit", "pod": "pagesplit-1", "severity": "critical"},
    ),
}


def promtool() -> str:
    if not PROMTOOL.is_file():
        raise FileNotFoundError(f"no promtool at {PROMTOOL}: run `make promtool`")
    return str(PROMTOOL)


def run(*args: str | Path) -> None:
    out = subprocess.run([promtool(), *map(str, args)], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stdout + out.stderr


def series(overrides: list[tuple[str, str]]) -> list[dict[str, str]]:
    merged = dict(HEALTHY)
    merged.update(overrides)
    return [{"series": name, "values": values} for name, values in merged.items()]


def test_the_rules_parse() -> None:
    run("check", "rules", COMPOSE_RULES)


def test_every_alert_has_a_scenario() -> None:
    alerts = {r["alert"] for g in load_one(COMPOSE_RULES)["groups"] for r in g["rules"]}
    assert alerts == set(SCENARIOS)


@pytest.mark.parametrize("alert", sorted(SCENARIOS))
def test_the_alert_fires_when_due_and_not_when_healthy(alert: str, tmp_path: Path) -> None:
    # Annotations are templates over the value; the scenarios check labels and firing only.
    rules = load_one(COMPOSE_RULES)
    for group in rules["groups"]:
        for rule in group["rules"]:
            rule.pop("annotations", None)
    (tmp_path / "rules.yaml").write_text(yaml.safe_dump(rules))
    overrides, labels = SCENARIOS[alert]
    tests: list[dict[str, Any]] = [
        {
            "interval": "1m",
            "input_series": series(overrides),
            "alert_rule_test": [
                {"eval_time": "60m", "alertname": alert, "exp_alerts": [{"exp_labels": labels}]}
            ],
        },
        {
            "interval": "1m",
            "input_series": series([]),
            "alert_rule_test": [{"eval_time": "60m", "alertname": alert, "exp_alerts": []}],
        },
    ]
    spec = {"rule_files": ["rules.yaml"], "evaluation_interval": "1m", "tests": tests}
    (tmp_path / "test.yaml").write_text(yaml.safe_dump(spec))
    run("test", "rules", tmp_path / "test.yaml")
