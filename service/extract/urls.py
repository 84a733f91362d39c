"""URL normalization: absolute, no fragment, no tracking parameters, host lowercased.

Two URLs of the same content normalize to the same string as far as can be
told without fetching: scheme and host lowercased, an internationalized host
in its ASCII (punycode) form, the default port and any user name dropped, dot
segments resolved, an empty path made ``/``. Percent-escapes already present
are kept as written; only characters a URL may not hold (spaces, non-ASCII)
are escaped; a backslash before the query is a slash, as browsers read it. Query
parameters keep their order.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urljoin, urlsplit

from service.extract._urls import NormalForm
from service.extract.url_tables import TRACKING_PARAMS, TRACKING_PREFIXES

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

_DEFAULT_PORTS = {"http": 80, "https": 443}
_NOT_WEB = ("javascript:", "mailto:", "tel:", "data:", "sms:", "about:", "blob:", "file:")
_TAB_NEWLINE = re.compile("[\t\n\r]")  # dropped anywhere in a URL, as browsers do
_EDGE = "".join(map(chr, range(0x21)))  # controls and space, stripped at the ends
# Characters left unescaped in a path / a query: the URL syntax plus "%" so
# that existing escapes stay as written.
_WEB = ("http://", "https://")
# The characters a URL holds as written: printable ASCII but for those not allowed
# in a URL. Others (controls, space, non-ASCII, '"<>\\^`{|}') are escaped.
_URL_BYTES = bytes(c for c in range(0x21, 0x7F) if chr(c) not in '"<>\\^`{|}')
_BAD_HOST = re.compile(r"[\s<>\"'`{}|\\^%/]")  # never in a host name
# An absolute http(s) URL with a plain host name (no user, port, IP literal or
# escape), as scheme, host, path and query; anything else goes through urlsplit.
_SIMPLE = re.compile(
    r"(https?)://([a-z0-9-]+(?:\.[a-z0-9-]+)*\.?)(/[^?#]*)?(?:\?([^#]*))?(?:#.*)?\Z",
    re.ASCII | re.IGNORECASE | re.DOTALL,
)
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"


def _normalize(href: str, base: str) -> str | None:
    """``normalize_url`` of any ``href``: resolved against ``base`` and normalized;
    ``None`` unless http(s).

    The fragment and tracking parameters are removed, the scheme and host are
    lowercased, a default port is dropped, and an empty path becomes ``/``.
    ``None`` as well for an empty ``href``, one that is not a web address
    (``javascript:``, ``mailto:``, ``tel:``, ``data:``), or one that cannot be
    parsed (a bad port, a host that is not a host name).
    """
    if "\t" in href or "\n" in href or "\r" in href:  # rare: skip the regex otherwise
        href = _TAB_NEWLINE.sub("", href)
    href = href.strip(_EDGE)  # as browsers do
    if not href or href[:11].lower().startswith(_NOT_WEB):
        return None
    if "\\" in href:
        href = _slashed(href)
    try:
        scheme, host, path, query = _split(_absolute(href, base))
        path = _escape(_remove_dot_segments(path), _PATH_SAFE) or "/"
        query = _strip_tracking(_escape(query, _QUERY_SAFE))
    except ValueError:  # a bad port, a bad host, unencodable text (UnicodeError)
        return None
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    return f"{scheme}://{host}{path}?{query}" if query else f"{scheme}://{host}{path}"


# An absolute http(s) URL in its normal form already, read in C: scheme and host
# lowercased, a plain host name without a trailing dot, a path of the characters a URL
# holds as written and no dot segment, no fragment, a query (if any) of such characters
# without an empty or a tracking parameter. Most links are written so, and normalize
# to themselves.
_NORMAL_FORM = NormalForm(
    url_bytes=_URL_BYTES,
    tracking_params=TRACKING_PARAMS,
    tracking_prefixes=TRACKING_PREFIXES,
    whole=_normalize,
)
# ``href`` resolved against ``base`` and normalized (``_normalize``, which states the
# rule), ``None`` unless http(s): an ``href`` in its normal form (most links) given back
# in C, the others normalized whole.
normalize_url = _NORMAL_FORM.normalize


def _slashed(href: str) -> str:
    """``href`` with each backslash before its query or fragment read as a slash, as
    browsers read an http(s) address ("\\\\host\\path" is "//host/path"); one in the
    query stays a character, escaped."""
    end = len(href)
    for mark in "?#":
        found = href.find(mark)
        if 0 <= found < end:
            end = found
    return href[:end].replace("\\", "/") + href[end:]


def _split(url: str) -> tuple[str, str, str, str]:
    """(scheme, host with a port other than the default, path, query) of an absolute
    URL, scheme and host normalized; raises ``ValueError`` for a bad port or host."""
    simple = _SIMPLE.match(url)
    if simple is not None:  # the common form, without urlsplit's cost
        scheme, host, path, query = simple.groups()
        return scheme.lower(), host.lower().rstrip("."), path or "", query or ""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port
    host = _host(parts.hostname)
    if host and port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    return scheme, host, parts.path, parts.query


def _absolute(href: str, base: str) -> str:
    """``href`` resolved against ``base``; the common forms without ``urljoin``'s cost."""
    if href[:8].lower().startswith(_WEB):
        return href
    if href[0] == "/" and href[1:2] != "/":  # root-relative: the base's origin and the href
        origin = _origin(base)
        if origin:
            return origin + href
    return urljoin(base, href)


@lru_cache(maxsize=64)
def _origin(base: str) -> str:
    """``scheme://host[:port]`` of an http(s) ``base``, or ``""``."""
    parts = urlsplit(base)
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def _escape(text: str, safe: str) -> str:
    """``text`` with the characters a URL may not hold percent-escaped, others as written."""
    return quote(text, safe=safe) if _needs_escape(text) else text


def _needs_escape(text: str) -> bool:
    """Whether ``text`` holds a character outside ``_URL_BYTES`` (a bytes translation
    finds it several times faster than a regex search)."""
    return not text.isascii() or bool(text.encode("ascii").translate(None, _URL_BYTES))


def _host(hostname: str | None) -> str:
    """The host lowercased, without a trailing dot, IDN in punycode, IPv6 in brackets."""
    if not hostname:
        return ""
    host = hostname.lower().rstrip(".")
    if ":" in host:
        return f"[{host}]"
    if not host.isascii():
        host = host.encode("idna").decode("ascii")  # raises UnicodeError when invalid
    if _BAD_HOST.search(host):
        raise ValueError("not a host name")
    return host


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4: "/a/./b/../c" -> "/a/c"."""
    if "/." not in path and not path.startswith("."):
        return path  # no segment can be "." or ".."
    segments = path.split("/")
    if not any(s in (".", "..") for s in segments):
        return path
    out: list[str] = []
    for segment in segments[1:]:
        if segment == "..":
            if out:
                out.pop()
        elif segment != ".":
            out.append(segment)
    if segments[-1] in (".", ".."):
        out.append("")  # "/a/b/.." is the directory "/a/"
    return "/" + "/".join(out)


def _strip_tracking(query: str) -> str:
    if not query:
        return query
    pieces = query.split("&")
    kept = [p for p in pieces if p and not _is_tracking(unquote(p.partition("=")[0]))]
    return query if len(kept) == len(pieces) else "&".join(kept)


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def resolve_base(tree: LexborHTMLParser, page_url: str) -> str:
    """The URL relative links on the page resolve against.

    The first ``<base href>`` resolved against ``page_url`` when it gives an
    http(s) URL (per HTML, only the first ``<base>`` with an ``href`` counts);
    otherwise ``page_url`` itself. Pass the result as ``base`` to ``normalize_url``.
    """
    # The elements by tag name, as the DOM lists them, cost about half a CSS query.
    for node in tree.tags("base"):
        attrs = node.attributes
        if "href" in attrs:
            return base_url(attrs["href"], page_url)
    return page_url


def base_url(href: str | None, page_url: str) -> str:
    """``resolve_base`` for the ``href`` of the page's first ``<base href>`` (``None``
    when there is none), for a caller that has already found the element."""
    href = (href or "").strip()
    if not href:
        return page_url
    try:
        resolved = urljoin(page_url, _TAB_NEWLINE.sub("", href))
        parts = urlsplit(resolved)
    except ValueError:
        return page_url
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
        return page_url
    return resolved
