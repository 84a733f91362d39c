"""Fetching page bodies by reference (``body_ref``): allowlisted, bounded, retried.

One ``BodyFetcher`` per process wraps one shared ``httpx.AsyncClient``. It
fetches only from allowlisted hosts, refuses private and other non-public
addresses unless told otherwise, follows redirects itself (each hop checked
again), streams the response under a byte cap, undoes its Content-Encoding
with the bounded ``service.events.decompress`` and retries transient failures
with exponential backoff and jitter. It records no metrics: an optional
``observer`` is told each fetch's outcome and duration.

DNS rebinding: a host's addresses are checked just before each request, but
the connection resolves the name again; a name server that answers with a
public address first and a private one next can still reach a private
address. The allowlist is the real guard: list only hosts whose DNS you trust.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Literal, Self

import httpx
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt
from tenacity import wait_exponential_jitter as wait_backoff

from service.events import InvalidEvent, decompress
from service.settings import Settings

FetchReason = Literal["body_ref_forbidden", "body_unavailable", "page_too_large", "body_decode"]
Outcome = Literal["ok", "retried", "failed", "forbidden"]
Observer = Callable[[Outcome, float], None]
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]
"""Gives the addresses ``host`` (at ``port``) resolves to, as text."""

SCHEMES = ("http", "https")
# Statuses whose Location we follow; 300 and 304 are no page for us.
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Answers worth another try: too many requests, or the server failing for now
# (any 5xx); every other 4xx fails at once.
TRANSIENT_STATUSES = frozenset({429, *range(500, 600)})
# Only what service.events.decompress can undo (never zstd).
ACCEPT_ENCODING = "gzip, deflate, br"
USER_AGENT = "pagesplit/0.1 (+body_ref fetcher)"
KEEPALIVE_SECONDS = 30.0

# Kinds of address refused unless allow_private is set, most specific first
# (a link-local address is also "private"; the message names the first kind).
REFUSED_ADDRESSES: tuple[tuple[str, str], ...] = (
    ("is_loopback", "loopback"),  # this machine
    ("is_link_local", "link-local"),  # cloud metadata services live here
    ("is_unspecified", "unspecified"),  # 0.0.0.0 and :: reach this machine
    ("is_multicast", "multicast"),  # no one host behind it
    ("is_reserved", "reserved"),  # not routable on the internet
    ("is_private", "private"),  # RFC 1918, unique-local, shared and the like: inside networks
)


class FetchError(Exception):
    """No body: ``reason`` is the dead-letter reason word, the message says why.

    ``reason`` is ``body_ref_forbidden`` (scheme, host or address not allowed,
    or a redirect leaving the allowlist), ``body_unavailable`` (failed after
    the retries, a 4xx answer or too many redirects), ``page_too_large`` or
    ``body_decode`` (the Content-Encoding could not be undone).
    """

    def __init__(self, reason: FetchReason, message: str) -> None:
        super().__init__(message)
        self.reason: FetchReason = reason


class _Transient(Exception):
    """A failure worth retrying; becomes ``body_unavailable`` when retries run out."""


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """What a ``BodyFetcher`` may fetch, and its budgets."""

    allowed_hosts: tuple[str, ...]
    """Exact hosts (lowercase, punycode) and ``*.suffix`` wildcards; empty: nothing."""
    allow_private: bool
    timeout_seconds: float
    """Budget of one attempt (resolution to last byte), and of each of its phases."""
    retries: int
    """Attempts after the first one, for transient failures only."""
    max_redirects: int
    max_page_bytes: int
    """Most bytes read from the wire, and most bytes the decoded body may have."""
    concurrency: int
    """Most connections the client opens at once."""
    backoff_seconds: float = 0.5
    """Wait before the first retry; doubled each retry, plus up to as much jitter."""
    backoff_max_seconds: float = 5.0

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchConfig:
        return cls(
            allowed_hosts=settings.body_ref_allowed_hosts,
            allow_private=settings.body_ref_allow_private,
            timeout_seconds=settings.body_ref_timeout_seconds,
            retries=settings.body_ref_retries,
            max_redirects=settings.body_ref_max_redirects,
            max_page_bytes=settings.max_page_bytes,
            concurrency=settings.body_ref_concurrency,
        )


def host_allowed(host: str, allowed: Sequence[str]) -> bool:
    """Whether ``host`` is one of ``allowed``: exact, or below a ``*.suffix`` entry.

    ``*.example.com`` matches ``a.example.com`` and ``a.b.example.com``, not
    ``example.com`` itself. Hosts compare lowercase, without a trailing dot.
    """
    host = host.lower().rstrip(".")
    for entry in allowed:
        if entry.startswith("*."):
            if host.endswith(entry[1:]) and len(host) > len(entry) - 1:
                return True
        elif host == entry:
            return True
    return False


def refused_kind(address: str) -> str | None:
    """The kind of non-public address ``address`` is (``"loopback"`` ...), or ``None``."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    for attribute, kind in REFUSED_ADDRESSES:
        if getattr(ip, attribute):
            return kind
    if not ip.is_global:  # e.g. 100.64.0.0/10, carrier-grade NAT: inside a provider
        return "non-global"
    return None


async def resolve(host: str, port: int) -> Sequence[str]:
    """Every address ``host`` resolves to, by the event loop's resolver."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


class BodyFetcher:
    """Fetches ``body_ref`` URLs; use as ``async with BodyFetcher(config) as fetcher``.

    ``transport`` replaces the network (tests); ``resolver`` replaces DNS for
    the address check; ``observer`` is called once per ``fetch`` that returns,
    raises ``FetchError`` or is cancelled (the caller's deadline: ``failed``),
    with its outcome and seconds.
    """

    def __init__(
        self,
        config: FetchConfig,
        *,
        observer: Observer | None = None,
        resolver: Resolver = resolve,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._config = config
        self._observer = observer
        self._resolver = resolver
        self._transport = transport
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Self:
        c = self._config
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(
                connect=c.timeout_seconds,
                read=c.timeout_seconds,
                write=c.timeout_seconds,
                pool=c.timeout_seconds,
            ),
            limits=httpx.Limits(
                max_connections=c.concurrency,
                max_keepalive_connections=c.concurrency,
                keepalive_expiry=KEEPALIVE_SECONDS,
            ),
            follow_redirects=False,  # followed below, each hop checked
            trust_env=False,  # no proxy or netrc from the environment
            headers={"user-agent": USER_AGENT, "accept-encoding": ACCEPT_ENCODING},
            transport=self._transport,
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def fetch(self, url: str) -> bytes:
        """The body at ``url``, decoded, at most ``max_page_bytes``; or ``FetchError``."""
        start = time.perf_counter()
        try:
            body, retries = await self._follow(url)
        except FetchError as exc:
            self._observe("forbidden" if exc.reason == "body_ref_forbidden" else "failed", start)
            raise
        except asyncio.CancelledError:  # the caller's deadline passed: the body was not had
            self._observe("failed", start)
            raise
        self._observe("retried" if retries else "ok", start)
        return body

    def _observe(self, outcome: Outcome, start: float) -> None:
        if self._observer is not None:
            self._observer(outcome, time.perf_counter() - start)

    async def _follow(self, text: str) -> tuple[bytes, int]:
        """The body and the number of retries it took; redirects followed hop by hop."""
        url = first = self._checked_url(text, None)
        retries = 0
        for _ in range(self._config.max_redirects + 1):
            retrying = AsyncRetrying(
                stop=stop_after_attempt(self._config.retries + 1),
                wait=wait_backoff(
                    multiplier=self._config.backoff_seconds,
                    max=self._config.backoff_max_seconds,
                    jitter=self._config.backoff_seconds,
                ),
                retry=retry_if_exception_type(_Transient),
                reraise=True,
            )
            try:
                result: bytes | httpx.URL = await retrying(self._attempt, url)
            except _Transient as exc:
                attempts = retrying.statistics.get("attempt_number", 1)
                raise FetchError("body_unavailable", f"{exc} ({attempts} attempts)") from None
            retries += retrying.statistics.get("attempt_number", 1) - 1
            if isinstance(result, bytes):
                return result, retries
            url = self._checked_url(result, url.host)
        raise FetchError(
            "body_unavailable",
            f"more than {self._config.max_redirects} redirects from {first.host}",
        )

    def _checked_url(self, target: str | httpx.URL, redirected_from: str | None) -> httpx.URL:
        """``target`` as a URL we may fetch (no I/O), or ``body_ref_forbidden``."""
        via = f" (redirect from {redirected_from})" if redirected_from else ""
        if not self._config.allowed_hosts:
            raise FetchError(
                "body_ref_forbidden",
                "fetching body_ref is disabled: PAGESPLIT_BODY_REF_ALLOWED_HOSTS is empty",
            )
        try:
            url = target if isinstance(target, httpx.URL) else httpx.URL(target)
            host = url.raw_host.decode("ascii")
        except (httpx.InvalidURL, UnicodeDecodeError) as exc:
            raise FetchError("body_ref_forbidden", f"not a valid URL{via}: {exc}") from None
        if url.scheme not in SCHEMES:
            raise FetchError(
                "body_ref_forbidden", f"scheme {url.scheme[:16]!r} is not http(s){via}"
            )
        if url.userinfo:
            raise FetchError("body_ref_forbidden", f"URL for {host} carries credentials{via}")
        if not host_allowed(host, self._config.allowed_hosts):
            raise FetchError("body_ref_forbidden", f"host {host[:255]} is not allowed{via}")
        try:
            host.encode("idna")  # as the resolver will, which refuses an empty or long label
        except UnicodeError as exc:
            raise FetchError(
                "body_ref_forbidden", f"host {host[:255]} is not a valid host name{via}: {exc}"
            ) from None
        return url

    async def _attempt(self, url: httpx.URL) -> bytes | httpx.URL:
        """One request: the body, or the next URL of a redirect."""
        if self._client is None:
            raise RuntimeError("BodyFetcher used outside `async with`")
        try:
            async with asyncio.timeout(self._config.timeout_seconds):
                await self._check_address(url)
                async with self._client.stream("GET", url) as response:
                    return await self._read(response, url)
        except TimeoutError:
            raise _Transient(
                f"no answer from {url.host} within {self._config.timeout_seconds} s"
            ) from None
        except httpx.TransportError as exc:
            raise _Transient(f"{type(exc).__name__} from {url.host}: {exc}") from None

    async def _check_address(self, url: httpx.URL) -> None:
        if self._config.allow_private:
            return
        host = url.raw_host.decode("ascii")
        port = url.port or (443 if url.scheme == "https" else 80)
        try:
            addresses = await self._resolver(host, port)
        except socket.gaierror as exc:
            if exc.errno == socket.EAI_AGAIN:
                raise _Transient(f"cannot resolve {host} for now") from None
            raise FetchError("body_unavailable", f"cannot resolve {host}: {exc}") from None
        for address in addresses:
            kind = refused_kind(address)
            if kind is not None:
                raise FetchError(
                    "body_ref_forbidden", f"host {host} resolves to {address}, a {kind} address"
                )

    async def _read(self, response: httpx.Response, url: httpx.URL) -> bytes | httpx.URL:
        status = response.status_code
        if status in REDIRECT_STATUSES:
            location = response.headers.get("location")
            if not location:
                raise FetchError(
                    "body_unavailable", f"HTTP {status} from {url.host} without Location"
                )
            try:
                return url.join(location)
            except httpx.InvalidURL as exc:
                raise FetchError(
                    "body_unavailable", f"HTTP {status} from {url.host} with a bad Location: {exc}"
                ) from None
        if status in TRANSIENT_STATUSES:
            raise _Transient(f"HTTP {status} from {url.host}")
        if not 200 <= status < 300:
            raise FetchError("body_unavailable", f"HTTP {status} from {url.host}")
        limit = self._config.max_page_bytes
        too_large = FetchError(
            "page_too_large", f"body from {url.host} is over the limit of {limit} bytes"
        )
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise too_large
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_raw():
            size += len(chunk)
            if size > limit:
                raise too_large  # leaving the stream drops the connection
            chunks.append(chunk)
        return decode_body(b"".join(chunks), response.headers.get("content-encoding", ""), limit)


def decode_body(data: bytes, content_encoding: str, limit: int) -> bytes:
    """Undo every coding in ``content_encoding`` (last applied first), each bounded by ``limit``.

    Raises ``FetchError`` with reason ``page_too_large`` or ``body_decode``.
    """
    codings = [c.strip() for c in content_encoding.split(",") if c.strip()]
    try:
        for coding in reversed(codings):
            data = decompress(data, coding, limit)
        return decompress(data, "identity", limit)
    except InvalidEvent as exc:
        reason: FetchReason = "page_too_large" if exc.reason == "page_too_large" else "body_decode"
        raise FetchError(reason, str(exc)) from None
