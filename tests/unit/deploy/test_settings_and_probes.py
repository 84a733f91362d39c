"""The deploy files agree with the code: settings, port, routes, probes, drain, image."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from deploy_files import (
    OVERLAYS,
    ROOT,
    compose,
    compose_env,
    container,
    rendered,
    settings_env,
    settings_of,
    the,
)

from service.http import build_app
from service.metrics import Metrics
from service.settings import ENV_PREFIX, Settings, env_names

overlays = pytest.mark.parametrize("overlay", OVERLAYS)
ENV_NAMES = set(env_names())
ROUTES = {
    route.path for route in build_app(Metrics().registry, lambda: True, lambda: 0.0, 1).routes
}


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


def test_dockerfile_runs_the_console_script_as_non_root_in_exec_form() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert 'ENTRYPOINT ["pagesplit"]' in text
    assert re.search(r"^USER (\d+)", text, flags=re.M) and not re.search(
        r"^USER (0|root)\b", text, flags=re.M
    )
    assert 'pagesplit = "service.cli:main"' in (ROOT / "pyproject.toml").read_text()
