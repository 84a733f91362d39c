"""Properties: metadata, dates, URLs and text never raise, whatever the page holds."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from service.extract.dates import parse_date
from service.extract.metadata import Metadata, read_metadata
from service.extract.text import normalize_text
from service.extract.urls import normalize_url

PAGE_URL = "https://news.example.org/world/2026/02/04/storm"
ISO_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")

PROPERTIES = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_META_KEYS = st.sampled_from(
    ["og:title", "og:type", "og:url", "og:image", "og:locale", "og:site_name", "author",
     "article:published_time", "article:tag", "keywords", "description", "date",
     "article:section", "twitter:title", "content-language"]
)  # fmt: skip
_LD_KEYS = st.sampled_from(
    ["@type", "@graph", "@id", "headline", "author", "name", "datePublished", "image",
     "url", "mainEntity", "mainEntityOfPage", "publisher", "keywords", "articleBody",
     "inLanguage", "articleSection", "dateModified", "description"]
)  # fmt: skip
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(_LD_KEYS, children, max_size=6)
    ),
    max_leaves=20,
)
_TYPES = st.sampled_from(["NewsArticle", "Article", "WebPage", "WebSite", "Person", "ItemList"])


@st.composite
def pages(draw: st.DrawFn) -> str:
    """Pages with metadata markup in odd shapes: random metas, JSON-LD, h1s and times."""
    parts: list[str] = []
    for key, value in draw(st.lists(st.tuples(_META_KEYS, st.text(max_size=40)), max_size=8)):
        parts.append(f'<meta property="{key}" content="{_attr(value)}">')
    for data in draw(st.lists(_JSON, max_size=3)):
        if isinstance(data, dict) and draw(st.booleans()):
            data["@type"] = draw(_TYPES)
        parts.append(f'<script type="application/ld+json">{json.dumps(data)}</script>')
    for text in draw(st.lists(st.text(max_size=60), max_size=3)):
        parts.append(f'<script type="application/ld+json">{text}</script>')
    for text in draw(st.lists(st.text(max_size=40), max_size=2)):
        parts.append(f"<h1>{_attr(text)}</h1><title>{_attr(text)}</title>")
    for text in draw(st.lists(st.text(max_size=30), max_size=2)):
        parts.append(f'<time pubdate datetime="{_attr(text)}">x</time>')
    lang = _attr(draw(st.text(max_size=12)))
    return f'<html lang="{lang}"><head>{"".join(parts)}</head><body></body></html>'


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


@PROPERTIES
@given(st.text(max_size=300))
def test_read_metadata_never_raises_on_any_text(html: str) -> None:
    assert isinstance(read_metadata(LexborHTMLParser(html), PAGE_URL), Metadata)


@PROPERTIES
@given(pages(), st.sampled_from([PAGE_URL, "https://news.example.org/", "", "not a url"]))
def test_read_metadata_never_raises_on_odd_markup(html: str, url: str) -> None:
    meta = read_metadata(LexborHTMLParser(html), url)
    for moment in (meta.published_at, meta.modified_at):
        assert moment is None or ISO_UTC.fullmatch(moment)
    assert all(author.strip() == author and author for author in meta.authors)


@PROPERTIES
@given(st.text(max_size=120))
def test_parse_date_never_raises(text: str) -> None:
    result = parse_date(text)
    assert result is None or ISO_UTC.fullmatch(result)


@PROPERTIES
@given(
    st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2099, 12, 31)),
    st.integers(min_value=-12 * 60, max_value=14 * 60),
)
def test_parse_date_reads_back_any_aware_iso_datetime(naive: datetime, offset: int) -> None:
    moment = naive.replace(tzinfo=timezone(timedelta(minutes=offset)))
    expected = moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert parse_date(moment.isoformat()) == expected


@PROPERTIES
@given(st.text(max_size=120), st.sampled_from([PAGE_URL, "", "https://bücher.example/a/"]))
def test_normalize_url_never_raises_and_is_idempotent(href: str, base: str) -> None:
    url = normalize_url(href, base)
    if url is not None:
        assert url.startswith(("http://", "https://"))
        assert "#" not in url
        assert normalize_url(url, base) == url


@PROPERTIES
@given(st.text(max_size=200))
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert once == once.strip()
