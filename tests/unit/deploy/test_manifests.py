"""Every manifest and every rendered overlay is valid: Kubernetes schemas offline,
the CRDs' required structure, yamllint, hadolint."""

from __future__ import annotations

import subprocess
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
from crd_schemas import SCHEMAS
from deploy_files import DEPLOY, OVERLAYS, ROOT, Manifest, load_all, manifest_files, render

KUBERNETES_VERSION = "1.33"
BIN = ROOT / ".venv" / "bin"


def validate(obj: Manifest) -> None:
    """Against the Kubernetes schema, or SCHEMAS for a CRD; an unknown kind fails."""
    key = (obj["apiVersion"], obj["kind"])
    if key in SCHEMAS:
        jsonschema.validate(obj, SCHEMAS[key])
    else:
        kubernetes_validate.validate(obj, KUBERNETES_VERSION, strict=True)


def test_there_are_overlays_dev_and_prod() -> None:
    assert {"dev", "prod"} <= set(OVERLAYS)


@pytest.mark.parametrize("path", manifest_files(), ids=lambda p: str(p.relative_to(DEPLOY)))
def test_manifest_file_is_valid(path: Path) -> None:
    for obj in load_all(path):
        validate(obj)


@pytest.mark.parametrize("folder", [f"overlays/{o}" for o in OVERLAYS] + ["topics"])
def test_rendered_output_is_valid(folder: str) -> None:
    objects = render(folder)
    assert objects
    for obj in objects:
        validate(obj)


def test_an_unknown_field_fails_validation() -> None:
    deployment = next(o for o in render("overlays/prod") if o["kind"] == "Deployment")
    broken = {**deployment, "spec": {**deployment["spec"], "replica": 3}}
    with pytest.raises(kubernetes_validate.ValidationError):
        validate(broken)


def test_a_crd_with_a_wrong_type_fails_validation() -> None:
    topic = next(o for o in render("topics"))
    broken = {**topic, "spec": {**topic["spec"], "partitions": "12"}}
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)


def test_yamllint_is_clean() -> None:
    out = subprocess.run(
        [BIN / "yamllint", "--strict", "deploy", ".yamllint"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_hadolint_is_clean() -> None:
    out = subprocess.run(
        [BIN / "hadolint", "Dockerfile"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stdout + out.stderr
