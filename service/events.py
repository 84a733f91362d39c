"""The input contract: decoding and validating raw page events.

A raw page event is one JSON object per Kafka message, described by
``service/schemas/page-event.v1.json``; that file is the validation used
here, so the published contract and the code cannot drift apart.
"""

from __future__ import annotations

import binascii
import json
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import brotli
import fastjsonschema
import orjson
import pybase64

from service.extract.urls import normalize_url

SCHEMA_FILE = "page-event.v1.json"
_validate = fastjsonschema.compile(
    json.loads(resources.files("service.schemas").joinpath(SCHEMA_FILE).read_text())
)
_BODY_FIELDS = ("html", "body", "body_ref")


class InvalidEvent(Exception):
    """The event cannot be used; ``reason`` is a dead-letter reason word."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class PageEvent:
    """A validated raw page event, its body decoded to bytes."""

    url: str
    body: bytes | None
    """The page's bytes, decompressed; ``None`` when the event gives ``body_ref``."""
    body_ref: str | None
    status: int | None
    headers: Mapping[str, str]
    """Response headers, names lowercased."""
    fetched_at: datetime | None
    crawl_id: str | None
    site: str | None

    @property
    def crawl_failed(self) -> bool:
        """Whether the crawler got an HTTP status other than 2xx (dead-lettered
        ``http_status``, its body neither fetched nor split)."""
        return self.status is not None and not 200 <= self.status < 300


def decode_event(value: bytes | None, max_event_bytes: int, max_page_bytes: int) -> PageEvent:
    """Parse, validate and decode one message value.

    Raises ``InvalidEvent`` with reason ``event_too_large``, ``invalid_json``,
    ``invalid_event``, ``body_decode`` or ``page_too_large``.
    """
    if value is None:
        raise InvalidEvent("invalid_json", "message has no value")
    if len(value) > max_event_bytes:
        raise InvalidEvent(
            "event_too_large", f"event is {len(value)} bytes, over the limit of {max_event_bytes}"
        )
    try:
        doc = orjson.loads(value)
    except orjson.JSONDecodeError as exc:
        raise InvalidEvent("invalid_json", f"not JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise InvalidEvent("invalid_json", f"expected a JSON object, got {type(doc).__name__}")
    given = [name for name in _BODY_FIELDS if name in doc]
    if len(given) != 1:
        raise InvalidEvent(
            "invalid_event",
            f"exactly one of html, body, body_ref is required, got {given or 'none'}",
        )
    try:
        _validate(doc)
    except fastjsonschema.JsonSchemaValueException as exc:
        raise InvalidEvent("invalid_event", exc.message) from None
    if normalize_url(doc["url"], doc["url"]) is None:
        raise InvalidEvent("invalid_event", f"url is no http(s) address: {doc['url'][:200]!r}")
    fetched_at = _parse_time(doc.get("fetched_at"))
    headers = {k.lower(): v for k, v in doc.get("headers", {}).items()}
    return PageEvent(
        url=doc["url"],
        body=_body(doc, max_page_bytes),
        body_ref=doc.get("body_ref"),
        status=doc.get("status"),
        headers=headers,
        fetched_at=fetched_at,
        crawl_id=doc.get("crawl_id"),
        site=doc.get("site"),
    )


def _parse_time(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidEvent("invalid_event", f"fetched_at is not RFC 3339: {text[:64]!r}") from None
    if parsed.tzinfo is None:
        raise InvalidEvent("invalid_event", f"fetched_at has no time zone: {text[:64]!r}")
    try:
        return parsed.astimezone(UTC)
    except OverflowError:  # "9999-12-31T23:00:00-05:00"
        raise InvalidEvent("invalid_event", f"fetched_at is out of range: {text[:64]!r}") from None


def _body(doc: dict[str, Any], limit: int) -> bytes | None:
    if "html" in doc:
        data: bytes = doc["html"].encode("utf-8", "surrogatepass")
        _check_size(len(data), limit)
        return data
    if "body" not in doc:
        return None
    try:  # the standard library's strict reading, forty times faster on a page's body
        raw = pybase64.b64decode(doc["body"], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InvalidEvent("body_decode", f"body is not valid base64: {exc}") from None
    return decompress(raw, doc.get("content_encoding", "identity"), limit)


def decompress(data: bytes, encoding: str, limit: int) -> bytes:
    """Undo ``encoding``, never producing more than ``limit`` bytes (no zip bombs).

    Raises ``InvalidEvent`` (``body_decode`` or ``page_too_large``).
    """
    encoding = encoding.lower().strip()
    if encoding in ("", "identity"):
        _check_size(len(data), limit)
        return data
    try:
        if encoding in ("gzip", "x-gzip", "deflate"):
            # wbits 32+15 reads gzip and zlib headers; raw deflate needs -15.
            wbits = 47 if encoding != "deflate" or data[:1] in (b"\x78", b"\x1f") else -15
            inflater = zlib.decompressobj(wbits)
            out = inflater.decompress(data, limit + 1)
            if not inflater.eof and len(out) <= limit:
                raise InvalidEvent("body_decode", f"{encoding} stream is truncated")
        elif encoding == "br":
            decompressor = brotli.Decompressor()
            out = bytes(decompressor.process(data, output_buffer_limit=limit + 1))
            if not decompressor.is_finished() and len(out) <= limit:
                raise InvalidEvent("body_decode", f"{encoding} stream is truncated")
        else:
            raise InvalidEvent("body_decode", f"unsupported content_encoding {encoding!r}")
    except (zlib.error, brotli.error) as exc:
        raise InvalidEvent("body_decode", f"{encoding} data is broken: {exc}") from None
    _check_size(len(out), limit)
    return out


def _check_size(size: int, limit: int) -> None:
    if size > limit:
        raise InvalidEvent("page_too_large", f"page body is over the limit of {limit} bytes")


def encode_event(
    url: str,
    html: str,
    *,
    fetched_at: datetime | None = None,
    headers: dict[str, str] | None = None,
    status: int = 200,
    crawl_id: str | None = None,
    site: str | None = None,
) -> bytes:
    """A raw page event as a crawler would publish it (used by the demo and tests)."""
    doc: dict[str, Any] = {"url": url, "html": html, "status": status}
    doc["fetched_at"] = (fetched_at or datetime.now(UTC)).isoformat().replace("+00:00", "Z")
    doc["headers"] = headers or {"Content-Type": "text/html; charset=utf-8"}
    if crawl_id is not None:
        doc["crawl_id"] = crawl_id
    if site is not None:
        doc["site"] = site
    return orjson.dumps(doc)
