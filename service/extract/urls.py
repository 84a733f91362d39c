"""URL normalization: absolute, no fragment, no tracking parameters, host lowercased."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

# Query parameters that identify a campaign or a click, never the content.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",  # Facebook click id
        "gclid",  # Google Ads click id
        "dclid",  # Google display click id
        "gclsrc",  # Google Ads click source
        "msclkid",  # Microsoft Ads click id
        "yclid",  # Yandex click id
        "mc_cid",  # Mailchimp campaign
        "mc_eid",  # Mailchimp recipient
        "igshid",  # Instagram share id
        "ocid",  # Microsoft/MSN campaign id
        "cmpid",  # generic campaign id
        "ns_campaign",  # comScore campaign
        "ns_mchannel",  # comScore channel
        "ns_source",  # comScore source
        "ns_linkname",  # comScore link name
        "ito",  # internal tracking origin
        "_ga",  # Google Analytics linker
    }
)
# Campaign parameter families: Google Analytics, AT Internet, Piwik, Matomo.
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_")


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def normalize_url(href: str, base: str) -> str | None:
    """``href`` resolved against ``base`` and normalized; ``None`` unless http(s).

    The fragment and tracking parameters are removed, the scheme and host are
    lowercased, a default port is dropped, and an empty path becomes ``/``.
    """
    href = href.strip()
    if not href or href.startswith(("javascript:", "mailto:", "tel:", "data:")):
        return None
    try:
        parts = urlsplit(urljoin(base, href))
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if port is not None and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        kept = [(k, v) for k, v in pairs if not _is_tracking(k)]
        if len(kept) != len(pairs):
            query = urlencode(kept)
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def resolve_base(tree: LexborHTMLParser, page_url: str) -> str:
    """The URL relative links on the page resolve against.

    The first ``<base href>`` resolved against ``page_url`` when it gives an
    http(s) URL (per HTML, only the first ``<base>`` with an ``href`` counts);
    otherwise ``page_url`` itself. Pass the result as ``base`` to ``normalize_url``.
    """
    node = tree.css_first("base[href]")
    href = (node.attributes.get("href") or "").strip() if node is not None else ""
    if not href:
        return page_url
    try:
        resolved = urljoin(page_url, href)
        parts = urlsplit(resolved)
    except ValueError:
        return page_url
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return page_url
    return resolved
