"""Fetching body_ref bodies: a real HTTP server on 127.0.0.1, and mock transports."""

from __future__ import annotations

import asyncio
import gzip
import socket
import threading
import time
import tracemalloc
import uuid
import zlib
from collections import Counter
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import replace

import brotli
import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from service.fetch import BodyFetcher, FetchConfig, FetchError, host_allowed, refused_kind
from service.metrics import BODY_FETCH_OUTCOMES, Metrics
from service.settings import SettingsError, load_settings

PAGE = (
    b"<html><body><article><p>"
    + b"A sentence of the story. " * 200
    + b"</p></article></body></html>"
)
HUGE_CHUNK = 1 << 20
HUGE_CHUNKS = 50  # 50 MiB on offer
# The slow page answers after this long: a timeout that is not honoured waits it out,
# whatever the machine's load, where an honoured one of 0.2 s is over long before.
SLOW_SECONDS = 5.0


def _gzip_bomb(block: int = 1 << 20, blocks: int = 4096) -> bytes:
    """A gzip stream of about 4 MB that inflates to 4 GiB of zeros (no trailer: never reached).

    After a full flush deflate forgets its history, so compressing the same
    block again gives the same bytes: the block is compressed once and repeated.
    """
    zeros = bytes(block)
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    head = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    return head + again * (blocks - 1)


class Site:
    """The test server's state: requests counted by path."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.bomb = _gzip_bomb()

    def app(self) -> Starlette:
        async def count(request: Request) -> None:
            self.hits[request.url.path] += 1

        async def page(request: Request) -> Response:
            await count(request)
            return Response(PAGE, media_type="text/html")

        async def gzipped(request: Request) -> Response:
            await count(request)
            headers = {"content-encoding": "gzip"}
            return Response(gzip.compress(PAGE), media_type="text/html", headers=headers)

        async def brotli_page(request: Request) -> Response:
            await count(request)
            headers = {"content-encoding": "br"}
            return Response(brotli.compress(PAGE), media_type="text/html", headers=headers)

        async def bomb(request: Request) -> Response:
            await count(request)
            headers = {"content-encoding": "gzip"}
            return Response(self.bomb, media_type="text/html", headers=headers)

        async def huge(request: Request) -> Response:
            await count(request)

            async def body() -> AsyncIterator[bytes]:
                chunk = b"x" * HUGE_CHUNK
                for _ in range(HUGE_CHUNKS):
                    yield chunk

            return StreamingResponse(body(), media_type="text/html")

        async def declared_huge(request: Request) -> Response:
            await count(request)
            return Response(b"x" * 200_000, media_type="text/html")

        async def flaky(request: Request) -> Response:
            await count(request)
            if self.hits[request.url.path] <= 2:
                return PlainTextResponse("busy", status_code=503)
            return Response(PAGE, media_type="text/html")

        async def status(request: Request) -> Response:
            await count(request)
            return PlainTextResponse("no", status_code=int(request.path_params["code"]))

        async def slow(request: Request) -> Response:
            await count(request)
            await asyncio.sleep(SLOW_SECONDS)
            return Response(PAGE, media_type="text/html")

        async def redirect(request: Request) -> Response:
            await count(request)
            return RedirectResponse(request.query_params["to"], status_code=302)

        async def loop(request: Request) -> Response:
            await count(request)
            return RedirectResponse(request.url.path, status_code=301)

        return Starlette(
            routes=[
                Route("/page", page),
                Route("/gzip", gzipped),
                Route("/br", brotli_page),
                Route("/bomb", bomb),
                Route("/huge", huge),
                Route("/declared-huge", declared_huge),
                Route("/flaky/{key}", flaky),
                Route("/status/{code:int}/{key}", status),
                Route("/slow/{key}", slow),
                Route("/redirect/{key}", redirect),
                Route("/loop/{key}", loop),
            ]
        )


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[Site, int]]:
    """The test site served by uvicorn on 127.0.0.1 in a thread of its own."""
    state = Site()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(
        state.app(),
        host="127.0.0.1",
        port=port,
        lifespan="off",
        ws="none",
        http="h11",
        log_level="error",
        access_log=False,
        timeout_graceful_shutdown=1,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.01)
    yield state, port
    server.should_exit = True
    thread.join(timeout=10)


class Transport(httpx.AsyncBaseTransport):
    """Answers with ``PAGE``, or redirects hosts in ``redirects``; keeps the requests.

    The body is not read ahead (``MockTransport`` reads it first, which
    ``aiter_raw`` then refuses).
    """

    def __init__(self, redirects: dict[str, str] | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.redirects = redirects or {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.host in self.redirects:
            return httpx.Response(302, headers={"location": self.redirects[request.url.host]})
        return httpx.Response(200, stream=httpx.ByteStream(PAGE))


class CountingTransport(httpx.AsyncHTTPTransport):
    """The real network transport, counting the body bytes the client reads."""

    def __init__(self) -> None:
        super().__init__()
        self.received = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        assert isinstance(response.stream, httpx.AsyncByteStream)
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_Counted(response.stream, self),
            extensions=response.extensions,
        )


class _Counted(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream, transport: CountingTransport) -> None:
        self._inner = inner
        self._transport = transport

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            self._transport.received += len(chunk)
            yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()


def config(**changes: object) -> FetchConfig:
    base = FetchConfig(
        allowed_hosts=("127.0.0.1", "localhost"),
        allow_private=True,
        timeout_seconds=2.0,
        retries=2,
        max_redirects=3,
        max_page_bytes=64 * 1024,
        concurrency=4,
        backoff_seconds=0.01,
        backoff_max_seconds=0.05,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def key() -> str:
    return uuid.uuid4().hex


async def fetch(url: str, cfg: FetchConfig | None = None) -> bytes:
    async with BodyFetcher(cfg or config()) as fetcher:
        return await fetcher.fetch(url)


async def refused(url: str, cfg: FetchConfig | None = None) -> FetchError:
    with pytest.raises(FetchError) as caught:
        await fetch(url, cfg)
    return caught.value


# Success and Content-Encoding


async def test_plain_page_is_returned(site: tuple[Site, int]) -> None:
    _, port = site
    assert await fetch(f"http://127.0.0.1:{port}/page") == PAGE


@pytest.mark.parametrize("path", ["/gzip", "/br"])
async def test_compressed_page_is_decoded(site: tuple[Site, int], path: str) -> None:
    _, port = site
    assert await fetch(f"http://127.0.0.1:{port}{path}") == PAGE


# Size limits


async def test_stream_over_the_limit_stops_without_reading_it_all(site: tuple[Site, int]) -> None:
    _, port = site
    cfg = config()
    transport = CountingTransport()
    start = time.perf_counter()
    async with BodyFetcher(cfg, transport=transport) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(f"http://127.0.0.1:{port}/huge")
    assert caught.value.reason == "page_too_large"
    assert time.perf_counter() - start < 5
    # the cap and at most one more read, of the 50 MiB on offer
    assert cfg.max_page_bytes < transport.received <= cfg.max_page_bytes + 256 * 1024


async def test_declared_length_over_the_limit_is_refused(site: tuple[Site, int]) -> None:
    _, port = site
    error = await refused(f"http://127.0.0.1:{port}/declared-huge")
    assert error.reason == "page_too_large"


async def test_decompression_bomb_is_stopped_fast_and_small(site: tuple[Site, int]) -> None:
    state, port = site
    assert len(state.bomb) < 8 << 20  # passes the wire cap; inflates to 4 GiB
    cfg = config(max_page_bytes=8 << 20)
    tracemalloc.start()
    start = time.perf_counter()
    try:
        error = await refused(f"http://127.0.0.1:{port}/bomb", cfg)
        seconds = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.reason == "page_too_large"
    assert seconds < 10
    assert peak < 64 << 20


# Retries


async def test_503_twice_then_200_succeeds_after_retries(site: tuple[Site, int]) -> None:
    state, port = site
    k = key()
    outcomes: list[str] = []
    async with BodyFetcher(config(), observer=lambda o, s: outcomes.append(o)) as fetcher:
        assert await fetcher.fetch(f"http://127.0.0.1:{port}/flaky/{k}") == PAGE
    assert state.hits[f"/flaky/{k}"] == 3
    assert outcomes == ["retried"]


@pytest.mark.parametrize(
    ("code", "retries", "requests"),
    [(500, 3, 4), (503, 0, 1), (501, 1, 2), (429, 1, 2), (404, 3, 1), (403, 3, 1)],
)
async def test_failing_status_is_unavailable_after_retries_if_transient(
    site: tuple[Site, int], code: int, retries: int, requests: int
) -> None:
    """5xx and 429 are retried ``retries`` times; other 4xx fail at once."""
    state, port = site
    path = f"/status/{code}/{key()}"
    error = await refused(f"http://127.0.0.1:{port}{path}", config(retries=retries))
    assert error.reason == "body_unavailable"
    assert f"HTTP {code}" in str(error)
    assert state.hits[path] == requests


async def test_timeout_is_retried_then_unavailable(site: tuple[Site, int]) -> None:
    state, port = site
    k = key()
    start = time.perf_counter()
    error = await refused(
        f"http://127.0.0.1:{port}/slow/{k}", config(timeout_seconds=0.2, retries=1)
    )
    assert error.reason == "body_unavailable"
    assert state.hits[f"/slow/{k}"] == 2
    assert time.perf_counter() - start < SLOW_SECONDS - 1  # not one full answer, let alone two


async def test_fetch_cut_off_by_the_caller_s_deadline_is_observed_as_failed(
    site: tuple[Site, int],
) -> None:
    _, port = site
    observed: list[tuple[str, float]] = []
    async with BodyFetcher(config(), observer=lambda o, s: observed.append((o, s))) as fetcher:
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.2):
                await fetcher.fetch(f"http://127.0.0.1:{port}/slow/{key()}")
    assert [outcome for outcome, _ in observed] == ["failed"]
    assert 0.15 < observed[0][1] < SLOW_SECONDS - 1  # the deadline's time, not the answer's


async def test_connection_refused_is_retried_then_unavailable() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    error = await refused(f"http://127.0.0.1:{port}/page", config(retries=1))
    assert error.reason == "body_unavailable"
    assert "2 attempts" in str(error)


# Allowlist and addresses


async def test_host_not_on_the_allowlist_is_forbidden_without_a_connection() -> None:
    transport = Transport()
    cfg = config(allowed_hosts=("pages.example",))
    async with BodyFetcher(cfg, transport=transport) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch("https://evil.example/page")
    assert caught.value.reason == "body_ref_forbidden"
    assert "evil.example" in str(caught.value)
    assert transport.requests == []


async def test_empty_allowlist_disables_fetching() -> None:
    error = await refused("https://pages.example/page", config(allowed_hosts=()))
    assert error.reason == "body_ref_forbidden"
    assert "PAGESPLIT_BODY_REF_ALLOWED_HOSTS" in str(error)


@pytest.mark.parametrize(
    "url",
    ["ftp://127.0.0.1/page", "file:///etc/passwd", "gopher://127.0.0.1/", "http://u:p@127.0.0.1/"],
)
async def test_other_schemes_and_credentials_are_forbidden(url: str) -> None:
    error = await refused(url)
    assert error.reason == "body_ref_forbidden"


@pytest.mark.parametrize("allow_private", [False, True])
@pytest.mark.parametrize(
    "host", ["a" * 64 + ".pages.example", "news..pages.example", "x." + "b" * 70 + ".pages.example"]
)
async def test_host_name_the_resolver_cannot_take_is_forbidden_without_a_connection(
    host: str, allow_private: bool
) -> None:
    """A label of over 63 characters or an empty one: the resolver's IDNA codec refuses
    it (a ``UnicodeError``, which no fetch may raise)."""
    transport = Transport()
    cfg = config(allowed_hosts=("*.pages.example",), allow_private=allow_private)
    async with BodyFetcher(cfg, transport=transport) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(f"https://{host}/page")
    assert caught.value.reason == "body_ref_forbidden"
    assert "not a valid host name" in str(caught.value)
    assert transport.requests == []


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
async def test_loopback_is_refused_unless_private_is_allowed(
    site: tuple[Site, int], host: str
) -> None:
    _, port = site
    url = f"http://{host}:{port}/page"
    error = await refused(url, config(allow_private=False))
    assert error.reason == "body_ref_forbidden"
    assert "loopback" in str(error)
    assert await fetch(url, config(allow_private=True)) == PAGE


async def test_public_address_passes_the_check_and_private_ones_do_not() -> None:
    answers = {"news.example": ["93.184.216.34"], "inside.example": ["93.184.216.34", "10.0.0.7"]}

    async def resolver(host: str, port: int) -> Sequence[str]:
        return answers[host]

    cfg = config(allowed_hosts=("*.example",), allow_private=False)
    transport = Transport()
    async with BodyFetcher(cfg, resolver=resolver, transport=transport) as fetcher:
        assert await fetcher.fetch("https://news.example/a") == PAGE
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch("https://inside.example/a")
    assert caught.value.reason == "body_ref_forbidden"
    assert "10.0.0.7, a private address" in str(caught.value)
    assert [r.url.host for r in transport.requests] == ["news.example"]


async def test_redirect_to_an_allowed_host_with_a_private_address_is_forbidden() -> None:
    answers = {"news.example": ["93.184.216.34"], "cache.example": ["169.254.169.254"]}

    async def resolver(host: str, port: int) -> Sequence[str]:
        return answers[host]

    cfg = config(allowed_hosts=("*.example",), allow_private=False)
    transport = Transport({"news.example": "http://cache.example/latest/meta-data/"})
    async with BodyFetcher(cfg, resolver=resolver, transport=transport) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch("https://news.example/a")
    assert caught.value.reason == "body_ref_forbidden"
    assert "link-local" in str(caught.value)
    assert [r.url.host for r in transport.requests] == ["news.example"]


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("93.184.216.34", None),
        ("2606:2800:220:1:248:1893:25c8:1946", None),
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("fd00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-global"),
    ],
)
def test_address_kinds(address: str, kind: str | None) -> None:
    assert refused_kind(address) == kind


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("cdn.example.com", True),
        ("a.b.example.com", True),
        ("example.com", False),
        ("badexample.com", False),
        ("pages.example.org", True),
        ("PAGES.example.org.", True),
        ("x.pages.example.org", False),
    ],
)
def test_allowlist_matches_exact_hosts_and_wildcards(host: str, allowed: bool) -> None:
    assert host_allowed(host, ("*.example.com", "pages.example.org")) is allowed


# Redirects


async def test_redirect_within_the_allowlist_is_followed(site: tuple[Site, int]) -> None:
    state, port = site
    k = key()
    target = f"http://localhost:{port}/page"
    url = f"http://127.0.0.1:{port}/redirect/{k}?to={target}"
    assert await fetch(url) == PAGE
    assert state.hits[f"/redirect/{k}"] == 1


async def test_relative_redirect_is_followed(site: tuple[Site, int]) -> None:
    _, port = site
    assert await fetch(f"http://127.0.0.1:{port}/redirect/{key()}?to=/gzip") == PAGE


async def test_redirect_leaving_the_allowlist_is_forbidden(site: tuple[Site, int]) -> None:
    _, port = site
    url = f"http://127.0.0.1:{port}/redirect/{key()}?to=http://elsewhere.example/page"
    error = await refused(url)
    assert error.reason == "body_ref_forbidden"
    assert "elsewhere.example" in str(error) and "redirect" in str(error)


async def test_redirect_loop_stops_after_max_redirects(site: tuple[Site, int]) -> None:
    state, port = site
    k = key()
    error = await refused(f"http://127.0.0.1:{port}/loop/{k}", config(max_redirects=2))
    assert error.reason == "body_unavailable"
    assert "redirects" in str(error)
    assert state.hits[f"/loop/{k}"] == 3  # the first request and 2 redirects


# Lifecycle, observer, metrics and settings


async def test_fetch_outside_the_context_is_an_error() -> None:
    fetcher = BodyFetcher(config())
    with pytest.raises(RuntimeError):
        await fetcher.fetch("http://127.0.0.1:9/page")


async def test_observer_feeds_the_metrics(site: tuple[Site, int]) -> None:
    _, port = site
    metrics = Metrics()
    async with BodyFetcher(config(), observer=metrics.observe_body_fetch) as fetcher:
        await fetcher.fetch(f"http://127.0.0.1:{port}/page")
        with pytest.raises(FetchError):
            await fetcher.fetch("http://elsewhere.example/page")
        with pytest.raises(FetchError):
            await fetcher.fetch(f"http://127.0.0.1:{port}/status/404/{key()}")
    value = metrics.registry.get_sample_value
    counts = {o: value("pagesplit_body_fetches_total", {"outcome": o}) for o in BODY_FETCH_OUTCOMES}
    assert counts == {"ok": 1, "retried": 0, "failed": 1, "forbidden": 1}
    assert value("pagesplit_body_fetch_seconds_count") == 3


def test_settings_build_the_config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGESPLIT_BODY_REF_ALLOWED_HOSTS", " Pages.Example.com, *.cdn.example ,")
    monkeypatch.setenv("PAGESPLIT_BODY_REF_RETRIES", "1")
    cfg = FetchConfig.from_settings(load_settings(body_ref_allow_private="true"))
    assert cfg.allowed_hosts == ("pages.example.com", "*.cdn.example")
    assert (cfg.allow_private, cfg.retries, cfg.max_redirects, cfg.concurrency) == (
        True,
        1,
        3,
        16,
    )
    assert cfg.timeout_seconds == 10


def test_fetching_is_off_by_default() -> None:
    s = load_settings()
    assert s.body_ref_allowed_hosts == ()
    assert s.body_ref_allow_private is False


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("body_ref_allowed_hosts", "https://pages.example.com/"),
        ("body_ref_allowed_hosts", "*"),
        ("body_ref_timeout_seconds", "0"),
        ("body_ref_retries", "-1"),
        ("body_ref_max_redirects", "100"),
        ("body_ref_concurrency", "0"),
    ],
)
def test_bad_fetch_settings_are_named(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=f"PAGESPLIT_{name.upper()}"):
        load_settings(**{name: value})
