"""The input contract: raw page events."""

from __future__ import annotations

import base64
import gzip
import json
import zlib
from importlib import resources

import brotli
import fastjsonschema
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.events import InvalidEvent, decode_event, encode_event

MB = 1024 * 1024
SCHEMA = fastjsonschema.compile(
    json.loads(resources.files("service.schemas").joinpath("page-event.v1.json").read_text())
)


def decode(doc: object, page_limit: int = MB) -> object:
    return decode_event(orjson.dumps(doc), 4 * MB, page_limit)


def reason(value: bytes, page_limit: int = MB, event_limit: int = 4 * MB) -> str:
    with pytest.raises(InvalidEvent) as caught:
        decode_event(value, event_limit, page_limit)
    return caught.value.reason


def test_html_event_is_decoded_with_lowercased_headers_and_utc_time() -> None:
    event = decode_event(
        orjson.dumps(
            {
                "url": "https://news.example/a",
                "html": "<p>é</p>",
                "status": 200,
                "headers": {"Content-Type": "text/html; charset=utf-8"},
                "fetched_at": "2026-02-04T10:30:00+01:00",
                "crawl_id": "c1",
                "site": "news",
                "unknown_field": {"is": "ignored"},
            }
        ),
        MB,
        MB,
    )
    assert event.body == "<p>é</p>".encode()
    assert event.headers == {"content-type": "text/html; charset=utf-8"}
    assert (
        event.fetched_at is not None and event.fetched_at.isoformat() == "2026-02-04T09:30:00+00:00"
    )
    assert (event.crawl_id, event.site, event.status) == ("c1", "news", 200)


@pytest.mark.parametrize(
    ("encoding", "pack"),
    [
        ("identity", lambda b: b),
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda b: zlib.compress(b, wbits=-15)),
        ("br", brotli.compress),
    ],
)
def test_base64_body_is_decompressed(encoding: str, pack: object) -> None:
    page = b"<html><body><p>" + b"news " * 1000 + b"</p></body></html>"
    assert callable(pack)
    doc = {
        "url": "https://n.example/",
        "body": base64.b64encode(pack(page)).decode(),
        "content_encoding": encoding,
    }
    assert decode(doc).body == page  # type: ignore[attr-defined]


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_decompression_bomb_is_refused_without_inflating_it(encoding: str) -> None:
    huge = b"\0" * (64 * MB)
    packed = gzip.compress(huge) if encoding == "gzip" else brotli.compress(huge)
    doc = {
        "url": "https://n.example/",
        "body": base64.b64encode(packed).decode(),
        "content_encoding": encoding,
    }
    assert reason(orjson.dumps(doc)) == "page_too_large"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (b"", "invalid_json"),
        (b"{", "invalid_json"),
        (b"[1, 2]", "invalid_json"),
        (b'"a string"', "invalid_json"),
        (b'{"html": "<p>"}', "invalid_event"),
        (b'{"url": "ftp://n.example/", "html": "<p>"}', "invalid_event"),
        (b'{"url": 42, "html": "<p>"}', "invalid_event"),
        (b'{"url": "http://[::1", "html": "<p>"}', "invalid_event"),
        (b'{"url": "https://", "html": "<p>"}', "invalid_event"),
        (b'{"url": "https://news example/", "html": "<p>"}', "invalid_event"),
        (b'{"url": "https://n.example:99999/", "html": "<p>"}', "invalid_event"),
        (b'{"url": "https://n.example/"}', "invalid_event"),
        (b'{"url": "https://n.example/", "html": "a", "body": "YQ=="}', "invalid_event"),
        (b'{"url": "https://n.example/", "html": "a", "status": "200"}', "invalid_event"),
        (b'{"url": "https://n.example/", "html": "a", "headers": {"a": 1}}', "invalid_event"),
        (
            b'{"url": "https://n.example/", "html": "a", "fetched_at": "2026-02-04T10:30:00"}',
            "invalid_event",
        ),
        (
            b'{"url": "https://n.example/", "html": "a", "fetched_at": "not a time at all"}',
            "invalid_event",
        ),
        (
            b'{"url": "https://n.example/", "html": "a",'
            b' "fetched_at": "9999-12-31T23:00:00-05:00"}',
            "invalid_event",
        ),
        (b'{"url": "https://n.example/", "body": "@@@"}', "body_decode"),
        (
            b'{"url": "https://n.example/", "body": "YWJj", "content_encoding": "gzip"}',
            "body_decode",
        ),
        (b'{"url": "https://n.example/", "body": "YWJj", "content_encoding": "br"}', "body_decode"),
        (
            b'{"url": "https://n.example/", "body": "YWJj", "content_encoding": "zstd"}',
            "invalid_event",
        ),
    ],
)
def test_bad_events_are_refused_with_a_reason(value: bytes, expected: str) -> None:
    assert reason(value) == expected


def test_truncated_gzip_is_a_body_decode_error() -> None:
    packed = gzip.compress(b"<p>hello world</p>" * 100)[:-20]
    doc = {
        "url": "https://n.example/",
        "body": base64.b64encode(packed).decode(),
        "content_encoding": "gzip",
    }
    assert reason(orjson.dumps(doc)) == "body_decode"


def test_event_over_the_size_limit_is_refused_before_parsing() -> None:
    assert reason(b"{" + b" " * 5000, event_limit=4096) == "event_too_large"


def test_html_over_the_page_limit_is_refused() -> None:
    assert (
        reason(encode_event("https://n.example/", "x" * 5000), page_limit=4096) == "page_too_large"
    )


def test_encoded_events_satisfy_the_published_schema() -> None:
    SCHEMA(orjson.loads(encode_event("https://n.example/a", "<p>hi</p>", crawl_id="c", site="s")))


def test_the_schema_and_the_decoder_agree_on_a_body_ref_event() -> None:
    doc = {"url": "https://n.example/a", "body_ref": "https://store.example/pages/1"}
    SCHEMA(doc)
    event = decode(doc)
    assert event.body is None and event.body_ref == doc["body_ref"]  # type: ignore[attr-defined]


_BASE64ISH = st.text(
    alphabet=st.sampled_from(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n!é"
    ),
    max_size=64,
)


@given(st.one_of(_BASE64ISH, st.binary(max_size=48).map(lambda b: base64.b64encode(b).decode())))
def test_a_body_is_read_as_the_standard_librarys_strict_base64(text: str) -> None:
    try:
        expected: bytes | None = base64.b64decode(text, validate=True)
    except ValueError:  # binascii.Error is one
        expected = None
    value = orjson.dumps({"url": "https://n.example/", "body": text})
    if expected is None:
        assert reason(value) == "body_decode"
    else:
        event = decode_event(value, 4 * MB, MB)
        assert event.body == expected
