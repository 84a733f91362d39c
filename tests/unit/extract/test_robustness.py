"""split() never raises anything but RefusedPage, is deterministic and bounded in time."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.extract.model import RefusedPage, Split
from service.extract.split import Limits, split

URL = "https://news.example.org/world/story"

_PARA = "<p>A sentence of news prose that runs long enough to count, with a comma or two.</p>"
_ARTICLE = (
    f"<html><head><title>T</title></head><body><article><h1>T</h1>{_PARA * 4}</article>"
    "</body></html>"
)


def _split_or_refuse(body: bytes, headers: dict[str, str] | None = None) -> Split | str:
    try:
        return split(body, URL, headers)
    except RefusedPage as refused:
        return refused.reason


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "not_html"),
        (b"   \n\t ", "not_html"),
        (bytes(range(256)) * 40, "not_html"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "not_html"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "not_html"),
        (b"\x1f\x8b\x08\x00" + b"\x00" * 32, "not_html"),
    ],
)
def test_non_html_is_refused(body: bytes, reason: str) -> None:
    assert _split_or_refuse(body) == reason


@pytest.mark.parametrize("content_type", ["application/json", "image/png", "text/css"])
def test_declared_non_html_type_is_refused(content_type: str) -> None:
    assert _split_or_refuse(_ARTICLE.encode(), {"content-type": content_type}) == "not_html"


@pytest.mark.parametrize(
    "root_markup",
    [
        "<html hidden><body>",
        "<html aria-hidden='true'><body>",
        "<html><body hidden>",
        "<html><body style='display:none'>",
        "<html class='sr-only'><body class='comments'>",
    ],
)
def test_hidden_root_elements_are_kept(root_markup: str) -> None:
    """Pages hide <html> or <body> until their scripts run: the page still splits."""
    result = split((root_markup + _ARTICLE.split("<body>", 1)[1]).encode(), URL)
    assert result.article is not None
    assert len(result.article.paragraphs) == 4


def test_truncated_html_still_splits() -> None:
    body = _ARTICLE.encode()[: len(_ARTICLE) - 60]
    result = split(body, URL)
    assert result.article is not None
    assert len(result.article.paragraphs) == 4


def test_invalid_utf8_is_decoded_with_replacements() -> None:
    body = _ARTICLE.replace("news prose", "news \udcff prose").encode("utf-8", "surrogateescape")
    result = split(body, URL, {"content-type": "text/html; charset=utf-8"})
    assert result.article is not None
    assert "prose" in result.article.body


def test_page_of_ten_megabytes_is_refused_only_when_over_the_budget() -> None:
    filler = ("<p>" + "word " * 200 + "</p>").encode()
    page = b"<html><body>" + filler * (10 * 1024 * 1024 // len(filler)) + b"</body></html>"
    assert len(page) <= Limits().max_bytes
    assert isinstance(_split_or_refuse(page), Split)
    assert _split_or_refuse(page + b" " * (Limits().max_bytes - len(page) + 1)) == "page_too_large"


def test_hundred_thousand_deep_nesting_is_refused_fast() -> None:
    start = time.process_time()
    assert _split_or_refuse(b"<div>" * 100_000 + b"deep") == "node_budget"
    assert time.process_time() - start < 5


def test_frameset_and_xhtml_split_without_error() -> None:
    frameset = b'<html><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html">'
    assert isinstance(_split_or_refuse(frameset), Split)
    xhtml = (
        b'<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
        b"<head><title>X</title></head><body>" + _PARA.encode() * 3 + b"<br/><div/></body></html>"
    )
    result = split(xhtml, URL)
    assert result.article is not None
    assert len(result.article.paragraphs) == 3


def test_wrong_declared_charset_is_overridden_by_the_bytes() -> None:
    text = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>"
        "</head><body><article><h1>Новости</h1>"
        + "<p>Городской совет одобрил строительство новой линии трамвая, сообщили в мэрии.</p>" * 3
        + "</article></body></html>"
    )
    result = split(text.encode("cp1251"), URL, {"content-type": "text/html; charset=utf-8"})
    assert result.charset == "cp1251"
    assert result.article is not None
    assert result.article.paragraphs[0].text.startswith("Городской совет")


_TAGS = st.sampled_from(
    ["p", "div", "a", "li", "ul", "article", "h2", "span", "br", "table", "td", "script", "nav"]
)
_FRAGMENT = st.one_of(
    st.text(max_size=40),
    _TAGS.map(lambda tag: f"<{tag}>"),
    _TAGS.map(lambda tag: f"</{tag}>"),
    st.just('<a href="/other/story">Another story headline here</a>'),
    st.just(_PARA),
    st.just("<meta charset='latin-1'>"),
    st.sampled_from(["<html hidden>", "<body style='display:none'>", "<div aria-hidden=true>"]),
    st.just("<base href='/other/'><frameset><frame src='x'></frameset>"),
)
_PAGES = st.lists(_FRAGMENT, max_size=60).map("".join)


@settings(deadline=2000, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(page=_PAGES, encoding=st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1251"]))
def test_generated_pages_split_or_are_refused(page: str, encoding: str) -> None:
    body = page.encode(encoding, "replace")
    first = _split_or_refuse(body)
    assert first == _split_or_refuse(body)


@settings(deadline=2000, max_examples=150)
@given(body=st.binary(max_size=2000), charset=st.sampled_from(["", "utf-8", "koi8-r", "bogus"]))
def test_arbitrary_bytes_split_or_are_refused(body: bytes, charset: str) -> None:
    headers = {"content-type": f"text/html; charset={charset}"} if charset else {}
    first = _split_or_refuse(body, headers)
    assert first == _split_or_refuse(body, headers)
