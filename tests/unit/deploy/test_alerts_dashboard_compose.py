"""The alerts link their runbook, the dashboard is provisionable, the compose stack is whole."""

from __future__ import annotations

import re

from deploy_files import (
    COMPOSE,
    COMPOSE_RULES,
    RUNBOOK,
    alert_rules,
    compose,
    compose_rules_text,
    dashboard,
    load_one,
)

from service.settings import Settings


def runbook_anchors() -> set[str]:
    headings = re.findall(r"^#{1,6}\s+(.+?)\s*$", RUNBOOK.read_text(), flags=re.M)
    return {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-") for h in headings}


def test_every_alert_links_a_runbook_section() -> None:
    anchors = runbook_anchors()
    for rule in alert_rules():
        url = rule["annotations"]["runbook_url"]
        assert re.search(r"/docs/runbook\.md#", url), f"{rule['alert']}: {url}"
        assert url.split("#", 1)[1] in anchors, (
            f"{rule['alert']}: no section #{url.split('#', 1)[1]}"
        )
        assert rule["labels"]["severity"] in {"critical", "warning", "info"}
        assert rule["annotations"]["summary"]


def test_the_alerts_cover_what_an_operator_needs() -> None:
    exprs = " ".join(r["expr"] for r in alert_rules())
    for needed in (
        "pagesplit_consumer_lag",
        "pagesplit_dead_letters_total",
        "pagesplit_events_consumed_total",
        'reason="split_error"',
        'reason="split_crash"',
        "kube_pod_container_status_restarts_total",
        "pagesplit_last_progress_timestamp_seconds",
        "pagesplit_events_processed_total",
    ):
        assert needed in exprs, needed


def test_compose_prometheus_loads_the_same_rules() -> None:
    assert COMPOSE_RULES.read_text() == compose_rules_text(), (
        "deploy/compose/prometheus-rules.yaml is stale: "
        "run python tests/unit/deploy/deploy_files.py compose-rules"
    )


def test_dashboard_is_provisionable_with_a_datasource_variable() -> None:
    dash = dashboard()
    assert dash["uid"] and dash["title"] and "id" not in dash
    variables = {v["name"]: v for v in dash["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    assert variables["datasource"]["query"] == "prometheus"
    panels = [p for p in dash["panels"] if p["type"] != "row"]
    for panel in panels:
        assert panel["datasource"]["uid"] == "${datasource}", panel["title"]
        for target in panel["targets"]:
            assert target.get("datasource", panel["datasource"])["uid"] == "${datasource}"
            for q in re.findall(r"histogram_quantile\(([^,]+),\s*(.+)", target["expr"]):
                assert "_bucket" in q[1], (
                    f"{panel['title']}: histogram_quantile needs the _bucket series"
                )
    ids = [p["id"] for p in dash["panels"]]
    assert len(ids) == len(set(ids))


def test_the_dashboard_shows_what_an_operator_needs() -> None:
    exprs = " ".join(t["expr"] for p in dashboard()["panels"] for t in p.get("targets", []))
    for needed in (
        "pagesplit_events_consumed_total",
        "pagesplit_records_produced_total",
        "sum by (type)",
        "sum by (reason) (rate(pagesplit_dead_letters_total",
        "pagesplit_split_seconds_bucket",
        "pagesplit_end_to_end_latency_seconds_bucket",
        "max by (partition) (pagesplit_consumer_lag",
        "pagesplit_events_in_flight",
        "container_cpu_usage_seconds_total",
        "container_memory_working_set_bytes",
        "sum by (kind) (rate(pagesplit_text_chars_total",
        "sum by (outcome) (rate(pagesplit_body_fetches_total",
        "pagesplit_body_fetch_seconds_bucket",
    ):
        assert needed in exprs, needed


def test_compose_services_are_complete() -> None:
    services = compose()["services"]
    assert {"kafka", "topics", "pagesplit", "feeder", "prometheus", "grafana"} <= set(services)
    for name, spec in services.items():
        assert "image" in spec or "build" in spec, name
        assert set(spec.get("depends_on", {})) <= set(services), name
    assert services["feeder"]["image"] == services["pagesplit"]["image"]
    assert "pagesplit demo --publish-only" in " ".join(services["feeder"]["command"])
    targets = load_one(COMPOSE.parent / "prometheus.yml")["scrape_configs"][0]["static_configs"]
    port = Settings.model_fields["http_port"].default
    assert targets[0]["targets"] == [f"pagesplit:{port}"]


def test_compose_mounts_files_that_exist() -> None:
    base = COMPOSE.parent
    for service in compose()["services"].values():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            assert (base / source).exists(), source
    assert (base / compose()["services"]["pagesplit"]["build"]["context"] / "Dockerfile").exists()
