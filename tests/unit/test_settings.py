"""Settings: from the environment and flags, validated, each bad value named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from service.cli import build_parser, default_text
from service.settings import Settings, SettingsError, env_names, load_settings


def test_defaults_are_the_documented_topics() -> None:
    s = load_settings()
    assert (s.input_topic, s.articles_topic, s.teasers_topic, s.dlq_topic) == (
        "pages.raw",
        "pages.articles",
        "pages.teasers",
        "pages.dlq",
    )
    assert s.workers >= 1


def test_environment_is_read_and_flags_win(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGESPLIT_WORKERS", "3")
    monkeypatch.setenv("PAGESPLIT_INPUT_TOPIC", "crawl.pages")
    s = load_settings(input_topic="override")
    assert (s.workers, s.input_topic) == (3, "override")


def test_every_bad_value_is_reported_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGESPLIT_WORKERS", "many")
    monkeypatch.setenv("PAGESPLIT_HTTP_PORT", "70000")
    monkeypatch.setenv("PAGESPLIT_KAFKA_SECURITY_PROTOCOL", "TLS")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    for name in ("PAGESPLIT_WORKERS", "PAGESPLIT_HTTP_PORT", "PAGESPLIT_KAFKA_SECURITY_PROTOCOL"):
        assert name in message


def test_unknown_settings_are_refused() -> None:
    with pytest.raises(SettingsError):
        load_settings(no_such_setting=1)


def test_a_misspelt_variable_is_refused_naming_the_setting_it_may_mean(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PAGESPLIT_BATCH_MAX_EVENT", "64")  # the setting ends in EVENTS
    monkeypatch.setenv("PAGESPLIT_WORKERS", "many")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    lines = str(caught.value).splitlines()
    assert "PAGESPLIT_BATCH_MAX_EVENT: not a setting (PAGESPLIT_BATCH_MAX_EVENTS?)" in lines
    assert any(line.startswith("PAGESPLIT_WORKERS") for line in lines)  # reported together


def test_the_variables_of_the_projects_tools_are_no_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PAGESPLIT_LOCAL_KAFKA_PORT", "19092")  # tools/kafka_local.py's
    monkeypatch.setenv("PAGESPLIT_SECRETS_DIR", "")
    assert load_settings().workers >= 1


def test_sasl_needs_its_credentials() -> None:
    with pytest.raises(SettingsError, match="kafka_sasl_mechanism"):
        load_settings(kafka_security_protocol="SASL_SSL")
    s = load_settings(
        kafka_security_protocol="SASL_PLAINTEXT",
        kafka_sasl_mechanism="SCRAM-SHA-512",
        kafka_sasl_username="u",
        kafka_sasl_password="secret",
    )
    assert "secret" not in repr(s)


def test_settings_are_frozen() -> None:
    s = load_settings()
    with pytest.raises(ValidationError):
        s.workers = 9  # type: ignore[misc]


def test_run_help_lists_every_setting_with_its_variable() -> None:
    run = build_parser()._subparsers._group_actions[0].choices["run"]  # type: ignore[union-attr]
    text = run.format_help()
    for name in Settings.model_fields:
        assert f"--{name.replace('_', '-')}" in text
    for env in env_names():
        assert env in text.replace("\n", " ").replace(" ", "") or env in text


def test_secrets_can_come_from_mounted_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "pagesplit_kafka_sasl_password").write_text("from-a-file")
    monkeypatch.setenv("PAGESPLIT_SECRETS_DIR", str(tmp_path))
    s = load_settings()
    assert s.kafka_sasl_password is not None
    assert s.kafka_sasl_password.get_secret_value() == "from-a-file"


def test_the_readme_documents_every_setting() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    missing = [env for env in env_names() if f"`{env}`" not in readme]
    assert missing == []


def test_the_readme_and_the_help_show_each_default_alike() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    rows = dict(
        re.findall(r"^\| `PAGESPLIT_([A-Z_]+)` \(`--[a-z-]+`\) \| `([^`]*)` \|", readme, re.M)
    )
    shown = {name.upper(): default_text(name) for name in Settings.model_fields}
    assert rows == shown
    assert "None" not in shown.values() and "()" not in shown.values()
