"""urls.normalize_url and urls.resolve_base."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from service.extract import urls
from service.extract.metadata import read_metadata
from service.extract.urls import normalize_url, resolve_base

BASE = "https://news.example.org/world/2026/storm.html"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        # tracking parameters go, others stay in order
        ("/a?utm_source=x&utm_medium=y", "https://news.example.org/a"),
        ("/a?id=3&utm_campaign=x&page=2", "https://news.example.org/a?id=3&page=2"),
        ("/a?fbclid=abc", "https://news.example.org/a"),
        ("/a?gclid=abc&z=1&a=2", "https://news.example.org/a?z=1&a=2"),
        ("/a?UTM_Source=x&q=1", "https://news.example.org/a?q=1"),
        ("/a?b=2&a=1", "https://news.example.org/a?b=2&a=1"),
        ("/a?mc_cid=1&mc_eid=2", "https://news.example.org/a"),
        # fragment removed
        ("/a#comments", "https://news.example.org/a"),
        ("/a?x=1#top", "https://news.example.org/a?x=1"),
        # host and scheme lowercased, default ports dropped, others kept
        ("HTTPS://NEWS.Example.ORG/Path", "https://news.example.org/Path"),
        ("https://news.example.org:443/a", "https://news.example.org/a"),
        ("http://news.example.org:80/a", "http://news.example.org/a"),
        ("https://news.example.org:8443/a", "https://news.example.org:8443/a"),
        ("http://news.example.org:443/a", "http://news.example.org:443/a"),
        ("https://news.example.org./a", "https://news.example.org/a"),
        # relative forms
        ("next.html", "https://news.example.org/world/2026/next.html"),
        ("../2025/old.html", "https://news.example.org/world/2025/old.html"),
        ("/", "https://news.example.org/"),
        ("//cdn.example.net/img.jpg", "https://cdn.example.net/img.jpg"),
        ("?page=2", "https://news.example.org/world/2026/storm.html?page=2"),
        ("#", "https://news.example.org/world/2026/storm.html"),
        ("https://news.example.org", "https://news.example.org/"),
        # dot segments in absolute URLs
        ("https://news.example.org/a/./b/../c", "https://news.example.org/a/c"),
        ("https://news.example.org/a/b/..", "https://news.example.org/a/"),
        # user info dropped
        ("https://user:secret@news.example.org/a", "https://news.example.org/a"),
        # IDN hosts in punycode
        ("https://bücher.example/a", "https://xn--bcher-kva.example/a"),
        ("https://BÜCHER.example/a", "https://xn--bcher-kva.example/a"),
        ("https://xn--bcher-kva.example/a", "https://xn--bcher-kva.example/a"),
        # IPv6
        ("http://[::1]:8080/a", "http://[::1]:8080/a"),
        # percent-escapes kept as written; spaces and non-ASCII escaped
        ("/caf%C3%A9?q=a%20b", "https://news.example.org/caf%C3%A9?q=a%20b"),
        ("/a?q=a+b&r=%2F", "https://news.example.org/a?q=a+b&r=%2F"),
        ("/café story", "https://news.example.org/caf%C3%A9%20story"),
        ("/a?q=café", "https://news.example.org/a?q=caf%C3%A9"),
        ("/a?utm_source=x&q=a%20b", "https://news.example.org/a?q=a%20b"),
        # whitespace as browsers treat it
        ("  /a  ", "https://news.example.org/a"),
        ("/a\n/b\t", "https://news.example.org/a/b"),
    ],
)
def test_normalize_url(href: str, expected: str) -> None:
    assert normalize_url(href, BASE) == expected


@pytest.mark.parametrize(
    "href",
    [
        "",
        "   ",
        "javascript:void(0)",
        "JavaScript:void(0)",
        "  javascript:alert(1)",
        "mailto:desk@example.org",
        "tel:+351000000",
        "data:text/html,hi",
        "ftp://files.example.org/a",
        "about:blank",
        "https://news.example.org:99999/a",  # port out of range
        "https://news.example.org:abc/a",  # port not a number
        "http://[::1/a",  # broken IPv6
        "https://exa mple.org/a",  # space in host
        "https://" + "a" * 70 + "é.example/",  # IDN label too long
        "/caf\udce9",  # lone surrogate from broken decoding
    ],
)
def test_not_web_or_broken_is_none(href: str) -> None:
    assert normalize_url(href, BASE) is None


def test_relative_href_without_usable_base_is_none() -> None:
    assert normalize_url("/a", "") is None
    assert normalize_url("/a", "not a url") is None


def test_normalization_is_idempotent() -> None:
    once = normalize_url("HTTPS://Bücher.example:443/a/./b?utm_source=x&q=café#f", BASE)
    assert once == "https://xn--bcher-kva.example/a/b?q=caf%C3%A9"
    assert normalize_url(once, BASE) == once


_SCHEMES = ("http://", "https://", "HTTPS://", "hTtp://", " https://", "ftp://", "//", "/", "")
_HOSTS = st.text(alphabet="abcXYZ019-._", max_size=12)
# Path characters near the normal form's edges: dot segments, a query, a fragment,
# escapes, characters a URL may not hold as written, controls and non-ASCII text.
_PATHS = st.text(alphabet="/./ab-_~%20?#&=:@!$'()*+,;\"<>\\^`{|} \t\n\x00\x7fé\u2028", max_size=16)


@given(st.sampled_from(_SCHEMES), _HOSTS, _PATHS)
def test_normal_urls_are_given_back(scheme: str, host: str, path: str) -> None:
    """The normal form's shortcut answers as the whole normalization does."""
    href = scheme + host + path
    assert normalize_url(href, BASE) == urls._normalize(href, BASE)


# Queries near the normal form's edges: tracking names and prefixes in mixed case, an
# escaped name, empty parameters, a fragment, characters to escape, dot segments.
_QUERIES = st.lists(
    st.sampled_from(
        [
            "id=3",
            "q=a%20b",
            "UTM_Source=x",
            "utm_=1",
            "utm",
            "gclid",
            "Fbclid=1",
            "ga=2",
            "%75tm_source=x",
            "x=%2F",
            "",
            "a=b=c",
            "p=/./q",
            "r=?s",
            "é=1",
            "a b",
            "z#f",
            "pk_x",
        ]
    ),
    max_size=4,
).map("&".join)


@given(
    st.sampled_from(("https://", "http://", "HTTP://")),
    st.sampled_from(("news.example.org", "a.b", "News.example.org", "a..b", "a.b.", "a.b:80")),
    _PATHS,
    st.sampled_from(("?", "")),
    _QUERIES,
)
def test_normal_urls_with_a_query_are_given_back(
    scheme: str, host: str, path: str, mark: str, query: str
) -> None:
    """The normal form read in C answers only for URLs the whole normalization gives back."""
    href = scheme + host + path + mark + query
    if urls._NORMAL_FORM.holds(href):
        assert urls._normalize(href, BASE) == href
    assert normalize_url(href, BASE) == urls._normalize(href, BASE)


@pytest.mark.parametrize(
    "href",
    [
        "https://news.example.org/a/b-c.html",
        "https://news.example.org/a?id=3&page=2",
        "https://news.example.org/a?q=a%20b&x=%2F",
        "https://news.example.org/a?utm=1&pk=2&gclids=3",
        "http://a-b.example/c?d",
    ],
)
def test_most_urls_are_read_as_normal(href: str) -> None:
    assert urls._NORMAL_FORM.holds(href)
    assert urls._normalize(href, BASE) == href


@pytest.mark.parametrize(
    "href",
    [
        "https://news.example.org/a/b-c.html",
        "http://a.example/",
        "https://news.example.org/a/.b",  # no dot segment, the slow path alike
        "https://news.example.org./a",
        "https://News.example.org/a",
        "https://news.example.org",
        "https://news.example.org/a?b",
        "https://news.example.org/a/../b",
        "https://news.example.org/a b",
        "https://news.example.org/caf\u00e9",
        "https://news.example.org/a?",
        "https://news.example.org/a?b=1&",
        "https://news.example.org/a?b=1&&c=2",
        "https://news.example.org/a?utm_source=x",
        "https://news.example.org/a?b=1&MC_CID=2",
        "https://news.example.org/a?%5Fga=1",
        "https://news.example.org/a?b=1#c",
        "https://news.example.org/a?b=caf\u00e9",
        "https://news.example.org/a?b=c d",
    ],
)
def test_shortcut_edges(href: str) -> None:
    assert normalize_url(href, BASE) == urls._normalize(href, BASE)


def tree(head: str) -> LexborHTMLParser:
    return LexborHTMLParser(f"<html><head>{head}</head><body><a href='x'>x</a></body></html>")


def test_resolve_base_without_base_is_page_url() -> None:
    assert resolve_base(tree(""), BASE) == BASE


def test_resolve_base_absolute() -> None:
    assert resolve_base(tree('<base href="https://cdn.example.net/s/">'), BASE) == (
        "https://cdn.example.net/s/"
    )


def test_resolve_base_relative_to_page() -> None:
    assert resolve_base(tree('<base href="/mobile/">'), BASE) == "https://news.example.org/mobile/"


def test_resolve_base_first_with_href_counts() -> None:
    head = '<base target="_blank"><base href="/one/"><base href="/two/">'
    assert resolve_base(tree(head), BASE) == "https://news.example.org/one/"


@pytest.mark.parametrize("href", ["", "   ", "javascript:void(0)", "ftp://x.example/"])
def test_resolve_base_unusable_is_page_url(href: str) -> None:
    assert resolve_base(tree(f'<base href="{href}">'), BASE) == BASE


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<base href="">', BASE),  # the first with an href counts, even an empty one
        ("<base href>", BASE),
        ('<template><base href="/t/"></template><base href="/b/">', "https://news.example.org/b/"),
        ('<svg><base href="/svg/"></svg><base href="/b/">', "https://news.example.org/svg/"),
        ('<body><p>Text</p><BASE HREF="/late/">', "https://news.example.org/late/"),
    ],
)
def test_resolve_base_finds_what_the_selector_base_href_finds(html: str, expected: str) -> None:
    assert resolve_base(LexborHTMLParser(html), BASE) == expected


_BASE_PARTS = st.sampled_from(
    ['<base href="/b/">', "<base href>", '<base href="">', '<base target="_top">',
     "<BASE HREF='https://cdn.example.net/s/'>", '<base xlink:href="/x/">', "<svg>", "</svg>",
     "<template>", "</template>", "<p>", "<body>", '<base href=" javascript:x ">', "<math>",
     '<base Href="/c/" href="/d/">', "<!-- <base href='/e/'> -->", "<table><tr>", "</head>"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_BASE_PARTS, max_size=8), st.sampled_from([BASE, "", "not a url"]))
@example(["<svg>", '<base href="/svg/">', "</svg>", '<base href="/b/">'], BASE)
@example(["<template>", '<base href="/t/">', "</template>", "<base href>"], BASE)
def test_the_metadata_walk_finds_the_base_resolve_base_finds(parts: list[str], url: str) -> None:
    """``split`` takes the base its metadata's walk noted (``Metadata.base``) rather than
    ask the tree for ``<base>`` elements again: the two must agree."""
    tree = LexborHTMLParser(f"<html><head>{''.join(parts)}</head><body><p>x</p></body></html>")
    assert read_metadata(tree, url).base == resolve_base(tree, url)


def test_links_resolve_against_base() -> None:
    base = resolve_base(tree('<base href="https://cdn.example.net/s/">'), BASE)
    assert normalize_url("story.html", base) == "https://cdn.example.net/s/story.html"


@pytest.mark.parametrize("char", [chr(c) for c in (*range(0x21, 0x7F), 0x7F, 0xA0, 0xE9)])
def test_characters_a_url_may_not_hold_are_escaped(char: str) -> None:
    allowed = char.isascii() and char.isprintable() and char not in '"<>\\^`{|}'
    if char in "#?/.%\\":  # URL syntax, tested above; a backslash is a slash (below)
        return
    path = normalize_url(f"/a{char}b", BASE)
    assert path == ("https://news.example.org/a" + (char if allowed else quote(char)) + "b")


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("\\\\elsewhere.example\\x", "https://elsewhere.example/x"),
        ("/\\elsewhere.example/x", "https://elsewhere.example/x"),
        ("https://n.example\\a\\b", "https://n.example/a/b"),
        ("\\a\\b", "https://news.example.org/a/b"),
        ("https://n.example/a?q=a\\b#c\\d", "https://n.example/a?q=a%5Cb"),
    ],
)
def test_a_backslash_before_the_query_is_a_slash_as_browsers_read_it(
    href: str, expected: str
) -> None:
    assert normalize_url(href, "https://news.example.org/world/") == expected
