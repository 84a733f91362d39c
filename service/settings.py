"""The service's settings: one frozen object, built once at start-up.

Every setting comes from an environment variable ``PAGESPLIT_<NAME>`` or the
matching ``pagesplit run --<name>`` flag (flags win). Nothing else in the
service reads the environment; a ``PAGESPLIT_`` variable that is no setting is
an error, so that a misspelt one is not ignored.
"""

from __future__ import annotations

import difflib
import os
import re
from typing import Annotated, Literal

from pydantic import Field, FilePath, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

ENV_PREFIX = "PAGESPLIT_"
# Variables of the prefix that are no setting: the project's tools read them.
TOOL_ENV = frozenset({"PAGESPLIT_LOCAL_KAFKA_PORT"})  # tools/kafka_local.py

# An allowlist entry: a host name, ``*.`` and a domain suffix, or an IP address
# (IPv6 without brackets); no scheme, port or path.
_HOST_PATTERN = re.compile(r"^(\*\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?$|^[0-9a-f:.]+$")


def _cores() -> int:
    return len(os.sched_getaffinity(0))


class Settings(BaseSettings):
    """Typed, validated settings of ``pagesplit run``."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, frozen=True, extra="forbid")

    # Kafka connection
    kafka_bootstrap_servers: str = Field(
        "127.0.0.1:9092", min_length=1, description="Comma-separated host:port list of brokers."
    )
    kafka_client_id: str = Field("pagesplit", min_length=1, description="Kafka client id.")
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = Field(
        "PLAINTEXT", description="Kafka security protocol."
    )
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = Field(
        None, description="SASL mechanism; required with a SASL_* protocol."
    )
    kafka_sasl_username: str | None = Field(None, description="SASL user name.")
    kafka_sasl_password: SecretStr | None = Field(None, description="SASL password (never logged).")
    kafka_ssl_cafile: FilePath | None = Field(None, description="CA bundle to verify brokers.")
    kafka_ssl_certfile: FilePath | None = Field(None, description="Client certificate (mTLS).")
    kafka_ssl_keyfile: FilePath | None = Field(None, description="Client private key (mTLS).")

    # Topics and group
    input_topic: str = Field("pages.raw", min_length=1, description="Topic of raw page events.")
    articles_topic: str = Field("pages.articles", min_length=1, description="Article records.")
    teasers_topic: str = Field("pages.teasers", min_length=1, description="Teaser records.")
    dlq_topic: str = Field("pages.dlq", min_length=1, description="Dead-letter topic.")
    group_id: str = Field("pagesplit", min_length=1, description="Consumer group id.")
    auto_offset_reset: Literal["earliest", "latest"] = Field(
        "earliest", description="Where a new group starts reading."
    )
    delivery: Literal["at_least_once", "exactly_once"] = Field(
        "at_least_once",
        description="at_least_once (idempotent producer, commit after acks) or exactly_once "
        "(transactions; readers use isolation_level=read_committed).",
    )

    # Work and limits
    workers: int = Field(
        default_factory=_cores, ge=1, le=256, description="Splitting processes (default: cores)."
    )
    batch_max_events: int = Field(
        256, ge=1, le=100_000, description="Most events taken from Kafka per batch."
    )
    max_event_bytes: int = Field(
        32 * 1024 * 1024, ge=1024, description="Largest raw event accepted, in bytes."
    )
    max_page_bytes: int = Field(
        10 * 1024 * 1024, ge=1024, description="Largest decoded page body split, in bytes."
    )
    max_page_nodes: int = Field(
        200_000, ge=100, description="Most HTML elements in a page that is split."
    )
    max_page_seconds: float = Field(
        10.0, gt=0, le=600, description="Most time one page may take to split (else a dead letter)."
    )
    max_record_bytes: int = Field(
        1024 * 1024, ge=1024, description="Largest output record produced, in bytes."
    )

    # Fetching bodies by reference (body_ref)
    body_ref_allowed_hosts: Annotated[tuple[str, ...], NoDecode] = Field(
        (),
        description="Hosts body_ref may name: exact hosts and *.suffix wildcards, "
        "comma-separated; empty: body_ref events are refused.",
    )
    body_ref_allow_private: bool = Field(
        False, description="Allow body_ref hosts that resolve to private or loopback addresses."
    )
    body_ref_timeout_seconds: float = Field(
        10.0, gt=0, le=300, description="Budget of one body_ref request (connect to last byte)."
    )
    body_ref_retries: int = Field(
        3, ge=0, le=10, description="Retries of a body_ref request after a transient failure."
    )
    body_ref_max_redirects: int = Field(
        3, ge=0, le=20, description="Most redirects followed for one body_ref."
    )
    body_ref_concurrency: int = Field(
        16, ge=1, le=1024, description="Most body_ref fetches (and connections) at once."
    )
    body_ref_deadline_seconds: float = Field(
        30.0,
        gt=0,
        le=600,
        description="Budget of one body_ref fetch with its retries and redirects; "
        "keep it below liveness_seconds.",
    )

    # Lifecycle and observability
    http_host: str = Field("0.0.0.0", description="Address of the metrics and health server.")
    http_port: int = Field(8080, ge=0, le=65535, description="Port of /metrics, /healthz, /readyz.")
    drain_seconds: float = Field(
        20.0, gt=0, le=600, description="Budget to finish in-flight work on SIGTERM."
    )
    liveness_seconds: float = Field(
        120.0, gt=0, description="/healthz fails when the loop made no progress for this long."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", description="Log level."
    )

    @field_validator("body_ref_allowed_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.split(",")
        if not isinstance(value, list | tuple):
            return value
        hosts = []
        for item in value:
            if not isinstance(item, str):
                raise ValueError(f"expected host names, got {item!r}")
            host = item.strip().lower().rstrip(".")
            if not host:
                continue
            if not _HOST_PATTERN.match(host):
                raise ValueError(f"{item.strip()!r} is not a host, *.suffix or IP address")
            hosts.append(host)
        return tuple(hosts)

    @model_validator(mode="after")
    def _check_security(self) -> Settings:
        if self.kafka_security_protocol.startswith("SASL_"):
            if self.kafka_sasl_mechanism is None:
                raise ValueError("kafka_sasl_mechanism is required with a SASL_* protocol")
            if not self.kafka_sasl_username or self.kafka_sasl_password is None:
                raise ValueError("kafka_sasl_username and kafka_sasl_password are required")
        return self


class SettingsError(Exception):
    """Bad settings; the message names each bad value by its environment variable."""


SECRETS_DIR_ENV = f"{ENV_PREFIX}SECRETS_DIR"


def load_settings(**overrides: object) -> Settings:
    """Build the settings from the environment, ``overrides`` (from flags) winning.

    When ``PAGESPLIT_SECRETS_DIR`` names a folder (a mounted Kubernetes Secret),
    a file there named ``pagesplit_<setting>`` gives that setting's value, so
    that passwords need not be in the environment; the environment wins over
    the file. Raises ``SettingsError`` listing every bad value, one line each.
    """
    given = {k: v for k, v in overrides.items() if v is not None}
    secrets_dir = os.environ.get(SECRETS_DIR_ENV) or None
    lines = _unknown_variables()
    try:
        settings = Settings(_secrets_dir=secrets_dir, **given)  # type: ignore[arg-type, call-arg]
    except ValidationError as exc:
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else ""
            where = (
                f"{ENV_PREFIX}{name.upper()} (--{name.replace('_', '-')})" if name else "settings"
            )
            lines.append(f"{where}: {err['msg']}")
        raise SettingsError("\n".join(lines)) from None
    if lines:
        raise SettingsError("\n".join(lines))
    return settings


def _unknown_variables() -> list[str]:
    """A line for each ``PAGESPLIT_`` variable that is no setting, naming the closest one
    (the names are read in any case, as the settings' are)."""
    known = env_names()
    lines = []
    for name in sorted(os.environ):
        upper = name.upper()
        if upper.startswith(ENV_PREFIX) and upper not in known and upper not in TOOL_ENV:
            close = difflib.get_close_matches(upper, known, n=1)
            lines.append(f"{name}: not a setting" + (f" ({close[0]}?)" if close else ""))
    return lines


def env_names() -> list[str]:
    """Every environment variable the service reads."""
    return [ENV_PREFIX + name.upper() for name in Settings.model_fields] + [SECRETS_DIR_ENV]
