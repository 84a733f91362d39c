"""The deploy files agree with the code: settings, ports, routes, drain, topics, autoscaling."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from deploy_files import (
    COMPOSE,
    COMPOSE_RULES,
    DEPLOY,
    OVERLAYS,
    ROOT,
    RUNBOOK,
    Manifest,
    alert_rules,
    compose_rules_text,
    container,
    dashboard,
    load_one,
    of_kind,
    render,
    settings_env,
    the,
)

from service.http import build_app
from service.metrics import Metrics
from service.settings import ENV_PREFIX, Settings, env_names

ENV_NAMES = set(env_names())
ROUTES = {
    route.path for route in build_app(Metrics().registry, lambda: True, lambda: 0.0, 1).routes
}
KIB = 1024
overlays = pytest.mark.parametrize("overlay", OVERLAYS)


def rendered(overlay: str) -> tuple[Manifest, ...]:
    return render(f"overlays/{overlay}")


def settings_of(values: dict[str, str], tmp_path: Path) -> Settings:
    """The Settings the service builds from these PAGESPLIT_* values (files and secrets stubbed)."""
    given = {
        name[len(ENV_PREFIX) :].lower(): value
        for name, value in values.items()
        if name.startswith(ENV_PREFIX)
    }
    ca = tmp_path / "ca.crt"
    ca.write_text("stub\n")
    for name in ("kafka_ssl_cafile", "kafka_ssl_certfile", "kafka_ssl_keyfile"):
        if name in given:
            given[name] = str(ca)
    given.setdefault("kafka_sasl_username", "from-secret")
    given.setdefault("kafka_sasl_password", "from-secret")
    return Settings(**given)  # type: ignore[arg-type]


def compose() -> dict:  # type: ignore[type-arg]
    return load_one(COMPOSE)


def compose_env(service: str) -> dict[str, str]:
    return {k: str(v) for k, v in compose()["services"][service].get("environment", {}).items()}


def topics() -> dict[str, Manifest]:
    return {t["spec"]["topicName"]: t for t in render("topics")}


# --- settings ------------------------------------------------------------------------------


@overlays
def test_every_pagesplit_variable_of_an_overlay_is_a_setting(overlay: str) -> None:
    names = {e["name"] for e in container(rendered(overlay)).get("env", [])}
    names |= set(settings_env(rendered(overlay)))
    unknown = sorted(n for n in names if n.startswith(ENV_PREFIX) and n not in ENV_NAMES)
    assert not unknown, f"not settings of service.settings: {unknown}"


def test_every_pagesplit_variable_in_compose_is_a_setting() -> None:
    unknown = sorted(
        f"{service}: {name}"
        for service, spec in compose()["services"].items()
        for name in spec.get("environment", {})
        if name.startswith(ENV_PREFIX) and name not in ENV_NAMES
    )
    assert not unknown, f"not settings of service.settings: {unknown}"


@overlays
def test_an_overlays_settings_are_valid(overlay: str, tmp_path: Path) -> None:
    settings_of(settings_env(rendered(overlay)), tmp_path)


def test_compose_settings_are_valid(tmp_path: Path) -> None:
    for service in ("pagesplit", "feeder"):
        settings_of(compose_env(service), tmp_path)


@overlays
def test_sasl_credentials_come_from_a_secret(overlay: str) -> None:
    env = {e["name"]: e for e in container(rendered(overlay))["env"]}
    for name in ("PAGESPLIT_KAFKA_SASL_USERNAME", "PAGESPLIT_KAFKA_SASL_PASSWORD"):
        assert "secretKeyRef" in env[name]["valueFrom"], name
    assert not any("PASSWORD" in k for k in settings_env(rendered(overlay))), (
        "a password in a ConfigMap"
    )


@overlays
def test_workers_fit_the_cpu_limit(overlay: str, tmp_path: Path) -> None:
    """Without PAGESPLIT_WORKERS the service would start one process per core of the node."""
    values = settings_env(rendered(overlay))
    assert "PAGESPLIT_WORKERS" in values
    limit = container(rendered(overlay))["resources"]["limits"]["cpu"]
    cores = int(limit[:-1]) / 1000 if limit.endswith("m") else float(limit)
    assert settings_of(values, tmp_path).workers <= math.ceil(cores)


# --- ports, probes, routes, drain -----------------------------------------------------------


@overlays
def test_container_port_and_probes_match_the_http_server(overlay: str, tmp_path: Path) -> None:
    c = container(rendered(overlay))
    port = settings_of(settings_env(rendered(overlay)), tmp_path).http_port
    (metrics_port,) = [p for p in c["ports"] if p["name"] == "metrics"]
    assert metrics_port["containerPort"] == port
    assert c["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert c["readinessProbe"]["httpGet"]["path"] == "/readyz"
    for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
        get = c[probe]["httpGet"]
        assert get["path"] in ROUTES, f"{probe}: {get['path']} is not a route of service.http"
        assert get["port"] in ("metrics", port)


def test_the_code_defaults_are_what_the_deploy_files_assume() -> None:
    fields = Settings.model_fields
    assert {"/metrics", "/healthz", "/readyz"} <= ROUTES
    assert fields["http_port"].default == 8080  # Dockerfile EXPOSE, compose ports
    assert "EXPOSE 8080" in (ROOT / "Dockerfile").read_text()


@overlays
def test_the_scrape_targets_the_metrics_route_and_port(overlay: str) -> None:
    monitor = the(rendered(overlay), "PodMonitor")
    (endpoint,) = monitor["spec"]["podMetricsEndpoints"]
    assert endpoint["path"] in ROUTES and endpoint["path"] == "/metrics"
    assert endpoint["port"] in {p["name"] for p in container(rendered(overlay))["ports"]}
    pod_labels = the(rendered(overlay), "Deployment")["spec"]["template"]["metadata"]["labels"]
    assert monitor["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    policy = the(rendered(overlay), "NetworkPolicy")
    assert [p["port"] for rule in policy["spec"]["ingress"] for p in rule["ports"]] == ["metrics"]


@overlays
def test_grace_period_is_longer_than_the_drain(overlay: str, tmp_path: Path) -> None:
    drain = settings_of(settings_env(rendered(overlay)), tmp_path).drain_seconds
    grace = the(rendered(overlay), "Deployment")["spec"]["template"]["spec"][
        "terminationGracePeriodSeconds"
    ]
    assert grace > drain, f"terminationGracePeriodSeconds {grace} <= drain_seconds {drain}"


def test_compose_stop_grace_and_port_match(tmp_path: Path) -> None:
    spec = compose()["services"]["pagesplit"]
    settings = settings_of(compose_env("pagesplit"), tmp_path)
    assert int(spec["stop_grace_period"].removesuffix("s")) > settings.drain_seconds
    assert f"{settings.http_port}:{settings.http_port}" in spec["ports"]
    assert "/healthz" in " ".join(spec["healthcheck"]["test"])
    assert spec["read_only"] is True and "/tmp" in spec["tmpfs"]


@overlays
def test_root_filesystem_is_read_only_with_a_writable_tmpdir(overlay: str) -> None:
    c = container(rendered(overlay))
    assert c["securityContext"]["readOnlyRootFilesystem"] is True
    tmpdir = next(e["value"] for e in c["env"] if e["name"] == "TMPDIR")
    mounts = {m["name"]: m["mountPath"] for m in c["volumeMounts"]}
    volumes = {
        v["name"]: v
        for v in the(rendered(overlay), "Deployment")["spec"]["template"]["spec"]["volumes"]
    }
    (tmp_volume,) = [name for name, path in mounts.items() if path == tmpdir]
    assert "emptyDir" in volumes[tmp_volume]


# --- topics and autoscaling -----------------------------------------------------------------


def test_topics_are_the_services_topics() -> None:
    fields = Settings.model_fields
    names = {
        fields[f].default for f in ("input_topic", "articles_topic", "teasers_topic", "dlq_topic")
    }
    assert set(topics()) == names


@overlays
def test_an_overlay_consumes_and_produces_the_declared_topics(overlay: str, tmp_path: Path) -> None:
    s = settings_of(settings_env(rendered(overlay)), tmp_path)
    assert {s.input_topic, s.articles_topic, s.teasers_topic, s.dlq_topic} == set(topics())


def test_topic_message_sizes_fit_the_largest_event_and_record() -> None:
    fields = Settings.model_fields
    event = fields["max_event_bytes"].default + 64 * KIB
    record = fields["max_record_bytes"].default + 64 * KIB
    for name, need in [
        ("pages.raw", event),
        ("pages.dlq", event),
        ("pages.articles", record),
        ("pages.teasers", record),
    ]:
        size = int(topics()[name]["spec"]["config"]["max.message.bytes"])
        assert size >= need, f"{name}: max.message.bytes {size} < {need}"
        assert "retention.ms" in topics()[name]["spec"]["config"]


@overlays
def test_an_overlays_event_limits_fit_the_topics(overlay: str, tmp_path: Path) -> None:
    s = settings_of(settings_env(rendered(overlay)), tmp_path)
    assert (
        int(topics()[s.input_topic]["spec"]["config"]["max.message.bytes"])
        >= s.max_event_bytes + 64 * KIB
    )
    assert (
        int(topics()[s.articles_topic]["spec"]["config"]["max.message.bytes"])
        >= s.max_record_bytes + 64 * KIB
    )


def test_compose_creates_the_same_topics() -> None:
    script = compose()["services"]["topics"]["command"][0]
    created = {m[0]: m[1:] for m in re.findall(r"create (\S+) (\d+) (\d+) (\d+)", script)}
    assert set(created) == set(topics())
    for name, (partitions, size, retention) in created.items():
        config = topics()[name]["spec"]["config"]
        assert (int(partitions), int(size), int(retention)) == (
            topics()[name]["spec"]["partitions"],
            int(config["max.message.bytes"]),
            int(config["retention.ms"]),
        ), name


def autoscaler_max(objects: tuple[Manifest, ...]) -> int:
    scalers = of_kind(objects, "ScaledObject") + of_kind(objects, "HorizontalPodAutoscaler")
    assert len(scalers) == 1, (
        f"exactly one autoscaler per overlay, found {[s['kind'] for s in scalers]}"
    )
    spec = scalers[0]["spec"]
    return int(spec.get("maxReplicaCount") or spec["maxReplicas"])


@overlays
def test_an_overlay_has_one_autoscaler_within_the_input_partitions(
    overlay: str, tmp_path: Path
) -> None:
    s = settings_of(settings_env(rendered(overlay)), tmp_path)
    assert autoscaler_max(rendered(overlay)) <= topics()[s.input_topic]["spec"]["partitions"]
    assert "replicas" not in the(rendered(overlay), "Deployment")["spec"], (
        "the autoscaler owns replicas"
    )


@pytest.mark.parametrize("component", ["keda", "hpa"])
def test_each_autoscaler_component_scales_to_exactly_the_input_partitions(component: str) -> None:
    objects = tuple(
        load_one(p)
        for p in sorted((DEPLOY / "components" / component).glob("*.yaml"))
        if p.name != "kustomization.yaml"
    )
    assert autoscaler_max(objects) == topics()["pages.raw"]["spec"]["partitions"]


@overlays
def test_the_lag_trigger_watches_the_services_group_and_topic(overlay: str, tmp_path: Path) -> None:
    scaled = of_kind(rendered(overlay), "ScaledObject")
    if not scaled:
        pytest.skip(f"{overlay} scales on CPU")
    s = settings_of(settings_env(rendered(overlay)), tmp_path)
    (trigger,) = scaled[0]["spec"]["triggers"]
    assert trigger["type"] == "kafka"
    meta = trigger["metadata"]
    assert (meta["topic"], meta["consumerGroup"], meta["bootstrapServers"]) == (
        s.input_topic,
        s.group_id,
        s.kafka_bootstrap_servers,
    )
    assert meta["offsetResetPolicy"] == s.auto_offset_reset
    assert meta.get("tls") == ("enable" if s.kafka_security_protocol.endswith("SSL") else None)
    mechanism = s.kafka_sasl_mechanism
    keda_sasl = {
        "PLAIN": "plaintext",
        "SCRAM-SHA-256": "scram_sha256",
        "SCRAM-SHA-512": "scram_sha512",
    }
    assert meta.get("sasl") == (keda_sasl[mechanism] if mechanism else None)


# --- alerts, runbook, dashboard ---------------------------------------------------------------


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


def test_dockerfile_runs_the_console_script_as_non_root_in_exec_form() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert 'ENTRYPOINT ["pagesplit"]' in text
    assert re.search(r"^USER (\d+)", text, flags=re.M) and not re.search(
        r"^USER (0|root)\b", text, flags=re.M
    )
    assert 'pagesplit = "service.cli:main"' in (ROOT / "pyproject.toml").read_text()
