"""The topics fit the service's settings and limits; the autoscalers fit the topics."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from deploy_files import (
    DEPLOY,
    KIB,
    OVERLAYS,
    Manifest,
    compose,
    load_one,
    of_kind,
    rendered,
    settings_env,
    settings_of,
    the,
    topics,
)

from service.settings import Settings

overlays = pytest.mark.parametrize("overlay", OVERLAYS)


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
