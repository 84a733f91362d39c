"""Reading the deploy files for the checks: manifests, rendered overlays, PromQL.

Overlays are rendered by the kustomize binary that ``make kustomize`` builds
from the Go module proxy into ``.cache/bin`` (``$KUSTOMIZE`` overrides it).

``python tests/unit/deploy/deploy_files.py compose-rules`` rewrites
``deploy/compose/prometheus-rules.yaml`` from ``deploy/prometheus/alerts.yaml``
(Prometheus itself cannot read a PrometheusRule).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from prometheus_client import CollectorRegistry

from service.settings import ENV_PREFIX, Settings

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"
OVERLAYS = sorted(p.parent.name for p in (DEPLOY / "overlays").glob("*/kustomization.yaml"))
ALERTS = DEPLOY / "prometheus" / "alerts.yaml"
DASHBOARD = DEPLOY / "grafana" / "pagesplit.json"
COMPOSE = DEPLOY / "compose" / "compose.yaml"
COMPOSE_RULES = DEPLOY / "compose" / "prometheus-rules.yaml"
RUNBOOK = ROOT / "docs" / "runbook.md"
# Kustomize inputs that are partial objects (patches) or not objects at all.
NOT_MANIFESTS = {"kustomization.yaml", "compose.yaml", "prometheus.yml", "prometheus-rules.yaml"}

Manifest = dict[str, Any]


def load_all(path: Path) -> list[Manifest]:
    with path.open() as f:
        return [doc for doc in yaml.safe_load_all(f) if doc is not None]


def load_one(path: Path) -> Any:
    docs = load_all(path)
    assert len(docs) == 1, f"{path}: expected one YAML document, found {len(docs)}"
    return docs[0]


def manifest_files() -> list[Path]:
    """Every complete Kubernetes manifest kept as a file: base, components, topics, rules."""
    found = []
    for folder in ("base", "components", "topics", "prometheus"):
        for path in sorted((DEPLOY / folder).rglob("*.yaml")):
            if path.name not in NOT_MANIFESTS:
                found.append(path)
    return found


def kustomize() -> str:
    binary = os.environ.get("KUSTOMIZE") or str(ROOT / ".cache" / "bin" / "kustomize")
    if not Path(binary).is_file() and not shutil.which(binary):
        raise FileNotFoundError(
            f"no kustomize at {binary}: run `make kustomize` (or set KUSTOMIZE)"
        )
    return binary


@cache
def render(folder: str) -> tuple[Manifest, ...]:
    """``kustomize build deploy/<folder>``, as a tuple of objects."""
    out = subprocess.run(
        [kustomize(), "build", str(DEPLOY / folder)], capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        raise RuntimeError(f"kustomize build deploy/{folder} failed:\n{out.stderr}")
    return tuple(doc for doc in yaml.safe_load_all(out.stdout) if doc is not None)


def of_kind(objects: tuple[Manifest, ...] | list[Manifest], kind: str) -> list[Manifest]:
    return [o for o in objects if o.get("kind") == kind]


def the(objects: tuple[Manifest, ...] | list[Manifest], kind: str) -> Manifest:
    found = of_kind(objects, kind)
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


def container(objects: tuple[Manifest, ...]) -> Manifest:
    containers = the(objects, "Deployment")["spec"]["template"]["spec"]["containers"]
    return next(c for c in containers if c["name"] == "pagesplit")


def settings_env(objects: tuple[Manifest, ...]) -> dict[str, str]:
    """The literal PAGESPLIT_* values of a rendered overlay: its ConfigMap, then literal env."""
    values: dict[str, str] = {}
    names = {
        ref["configMapRef"]["name"]
        for ref in container(objects).get("envFrom", [])
        if "configMapRef" in ref
    }
    for cm in of_kind(objects, "ConfigMap"):
        if cm["metadata"]["name"] in names:
            values.update(cm.get("data", {}))
    for env in container(objects).get("env", []):
        if "value" in env:
            values[env["name"]] = env["value"]
    return values


KIB = 1024


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


def compose() -> dict[str, Any]:
    return load_one(COMPOSE)


def compose_env(service: str) -> dict[str, str]:
    return {k: str(v) for k, v in compose()["services"][service].get("environment", {}).items()}


def topics() -> dict[str, Manifest]:
    return {t["spec"]["topicName"]: t for t in render("topics")}


# --- PromQL --------------------------------------------------------------------------------

PREFIX = "pagesplit_"
_MATCHER = re.compile(r'(\w+)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"')
# Labels the scrape adds (Prometheus Operator and the compose stack), not the service.
TARGET_LABELS = {"namespace", "pod", "container", "instance", "job", "endpoint", "service"}


@dataclass(frozen=True)
class Family:
    """A metric family of the service's registry and the series names it exposes."""

    name: str
    type: str
    labels: frozenset[str]
    label_values: dict[str, frozenset[str]]

    @property
    def series(self) -> frozenset[str]:
        # client_python's exposition: a counter "x" (declared "x_total") is
        # x_total and x_created; a histogram x_bucket, x_sum, x_count, x_created.
        suffixes = {
            "counter": ("_total", "_created"),
            "histogram": ("_bucket", "_sum", "_count", "_created"),
            "summary": ("", "_sum", "_count", "_created"),
            "gauge": ("",),
            "info": ("_info",),
        }[self.type]
        return frozenset(self.name + s for s in suffixes)


def registry_families(registry: CollectorRegistry) -> dict[str, Family]:
    """Series name -> family, for every series the registry can expose."""
    out: dict[str, Family] = {}
    for metric in registry.collect():
        values: dict[str, set[str]] = {}
        for sample in metric.samples:
            for k, v in sample.labels.items():
                values.setdefault(k, set()).add(v)
        labels = frozenset(_declared_labels(registry, metric.name)) | frozenset(values)
        family = Family(
            metric.name, metric.type, labels, {k: frozenset(v) for k, v in values.items()}
        )
        for series in family.series:
            out[series] = family
    return out


def _declared_labels(registry: CollectorRegistry, name: str) -> tuple[str, ...]:
    # A labelled metric with no child yet (pagesplit_consumer_lag) has no sample to show its labels.
    collector = registry._names_to_collectors.get(name) or registry._names_to_collectors.get(
        name + "_total"
    )
    return tuple(getattr(collector, "_labelnames", ()))


def metric_names(expr: str, prefix: str = PREFIX) -> set[str]:
    return set(re.findall(rf"\b({prefix}\w+)", expr))


def unknown_metrics(expr: str, families: dict[str, Family], prefix: str = PREFIX) -> list[str]:
    """Problems with the ``prefix``* series in ``expr``, one line each (empty when all is well)."""
    problems = []
    for name in sorted(metric_names(expr, prefix)):
        if name not in families:
            problems.append(f"{name}: no such series in service.metrics ({_hint(name, families)})")
    for name, matchers in re.findall(rf"\b({prefix}\w+)\s*\{{([^}}]*)\}}", expr):
        family = families.get(name)
        if family is None:
            continue
        for label, op, value in _MATCHER.findall(matchers):
            allowed = (
                family.labels | TARGET_LABELS | ({"le"} if name.endswith("_bucket") else set())
            )
            if label not in allowed:
                problems.append(f"{name}: no label {label!r} (has {sorted(family.labels)})")
            elif (
                op == "="
                and label in family.label_values
                and value not in family.label_values[label]
            ):
                problems.append(
                    f"{name}: {label}={value!r} is never set "
                    f"(values: {sorted(family.label_values[label])})"
                )
    return problems


def _hint(name: str, families: dict[str, Family]) -> str:
    stem = re.sub(r"_(total|created|bucket|sum|count)$", "", name)
    if stem in {f.name for f in families.values()}:
        family = next(f for f in families.values() if f.name == stem)
        return f"{stem} is a {family.type}: use one of {sorted(family.series)}"
    return "renamed or removed in the code?"


def alert_rules() -> list[dict[str, Any]]:
    rule = load_one(ALERTS)
    return [r for group in rule["spec"]["groups"] for r in group["rules"]]


def dashboard() -> dict[str, Any]:
    return json.loads(DASHBOARD.read_text())


def dashboard_exprs(dash: dict[str, Any]) -> list[tuple[str, str]]:
    """(where, PromQL) for every panel target and query variable of the dashboard."""
    out = []
    panels = list(dash["panels"])
    while panels:
        panel = panels.pop(0)
        panels.extend(panel.get("panels", []))
        for target in panel.get("targets", []):
            out.append((f"panel {panel['title']!r} {target['refId']}", target["expr"]))
    for var in dash["templating"]["list"]:
        if var["type"] == "query":
            query = var["query"]["query"] if isinstance(var["query"], dict) else var["query"]
            out.append((f"variable {var['name']}", query))
    return out


def compose_rules_text() -> str:
    groups = load_one(ALERTS)["spec"]["groups"]
    header = (
        "# Generated from deploy/prometheus/alerts.yaml (spec.groups) for the Prometheus of\n"
        "# the compose stack: python tests/unit/deploy/deploy_files.py compose-rules\n"
    )
    return header + yaml.dump({"groups": groups}, Dumper=_BlockDumper, sort_keys=False, width=100)


class _BlockDumper(yaml.SafeDumper):
    """Multi-line strings (the PromQL) as literal blocks, as in alerts.yaml."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _str)


if __name__ == "__main__":
    if sys.argv[1:] != ["compose-rules"]:
        sys.exit("usage: deploy_files.py compose-rules")
    COMPOSE_RULES.write_text(compose_rules_text())
