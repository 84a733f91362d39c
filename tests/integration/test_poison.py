"""Poison events of every kind: each is a dead letter with its reason, and valid ones still pass."""

from __future__ import annotations

import base64
import gzip
import socket
import struct
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources

import orjson
import pytest

from service.demo import SITE
from service.events import encode_event
from service.metrics import Metrics
from service.settings import Settings
from tests.integration.kafka_helpers import publish, read_all, run_until

pytestmark = pytest.mark.integration

PAGE = resources.files("service.demo").joinpath("pages", "business-uranium.html").read_text()


class _Bodies(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/page":
            data = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        elif self.path == "/leave":
            self.send_response(302)
            self.send_header("Location", "https://elsewhere.example/page")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def body_store() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Bodies)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _bomb() -> bytes:
    """A gzip stream of zeros whose trailer claims 5 GB."""
    packed = bytearray(gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9))
    packed[-4:] = struct.pack("<I", (5 * 10**9) % 2**32)
    return bytes(packed)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def poison(store: str) -> dict[bytes, str]:
    url = f"{SITE}/p"
    return {
        b"{'single': 'quotes'}": "invalid_json",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR": "invalid_json",
        orjson.dumps({"html": "<p>no url</p>"}): "invalid_event",
        orjson.dumps({"url": url, "html": "<p>x</p>", "status": "200"}): "invalid_event",
        orjson.dumps(
            {"url": url, "html": "<p>" + "x" * (20 * 1024 * 1024) + "</p>"}
        ): "page_too_large",
        orjson.dumps(
            {"url": url, "body": "not base64!", "content_encoding": "gzip"}
        ): "body_decode",
        orjson.dumps(
            {
                "url": url,
                "body": _b64(gzip.compress(PAGE.encode())[:200]),
                "content_encoding": "gzip",
            }
        ): "body_decode",
        orjson.dumps(
            {"url": url, "body": _b64(_bomb()), "content_encoding": "gzip"}
        ): "page_too_large",
        orjson.dumps(
            {"url": url, "body_ref": f"http://127.0.0.1:{_closed_port()}/page"}
        ): "body_unavailable",
        orjson.dumps(
            {"url": url, "body_ref": "https://not-allowed.example/page"}
        ): "body_ref_forbidden",
        orjson.dumps({"url": url, "body_ref": f"{store}/leave"}): "body_ref_forbidden",
        # The crawler's own failure: the body is not fetched at all (the store has it).
        orjson.dumps({"url": url, "body_ref": f"{store}/page", "status": 404}): "http_status",
    }


async def test_poison_events_are_dead_letters_and_valid_events_pass(
    settings: Settings, body_store: str
) -> None:
    settings = settings.model_copy(
        update={
            "body_ref_allowed_hosts": ("127.0.0.1",),
            "body_ref_allow_private": True,
            "body_ref_retries": 1,
            "body_ref_timeout_seconds": 2.0,
        }
    )
    bad = poison(body_store)
    good = [
        encode_event(f"{SITE}/good/1", PAGE),
        orjson.dumps({"url": f"{SITE}/good/2", "body_ref": f"{body_store}/page"}),
    ]
    values = [*good[:1], *bad, *good[1:]]
    await publish(settings, values, partitions=2)

    metrics = Metrics()
    await run_until(settings, metrics, len(values))

    dead = await read_all(settings, settings.dlq_topic, len(bad))
    reasons = {g.value: g.headers["pagesplit.error.reason"].decode() for g in dead}
    assert reasons == bad
    articles = await read_all(settings, settings.articles_topic, 2)
    assert sorted(g.json()["page_url"] for g in articles) == [f"{SITE}/good/1", f"{SITE}/good/2"]
    assert metrics.registry.get_sample_value("pagesplit_body_fetches_total", {"outcome": "ok"}) == 1
