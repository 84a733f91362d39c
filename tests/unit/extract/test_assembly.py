"""The teasers' assembly in C (``_frame.Assembly`` behind ``teasers._assemble``) answers
as the Python it replaced: dedup by target, blocks and positions numbered, the fields
merged, the records and the nodes to remove."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import teaser_fields as tf
from service.extract import teasers, urls
from service.extract.model import Teaser
from service.extract.teaser_items import Link, better, url_key
from service.extract.text import is_truncated

# Targets as links write them: relative, absolute, the page itself (with and without
# "www." and a trailing slash), with a fragment, a tracking parameter, a host in upper
# case, nothing of the web, empty.
_HREFS = [
    *("/a", "/a#top", "a", "https://example.com/a", "https://Example.com/a/", "/", ""),
    *("https://www.example.com/", "https://example.com", "javascript:void(0)", "mailto:x@y"),
    *("https://example.com/b?utm_source=x", "http://other.org/c?id=1", "//other.org/d"),
    *("https://example.com/a?id=1&", "https://b\u00fccher.de/x", "/p a t h"),
]
_PAGES = ["https://example.com/", "https://www.example.com/a", "https://example.com/a/"]
_TITLES = ["A title", "A title...", "Cut \u2026", "x ... y", "Ends ...) ", "", "T\u2026 more"]
_SNIPPETS = [None, "", "A snippet of words here", "A cut snippet...", "Snippet \u2026 ]"]
_IMAGES = [None, "", "/img.jpg", "https://example.com/p.png", "data:image/png;base64,x", "i.jpg"]
_DATES = [None, "", "4 May 2026", "3 hours ago", "yesterday", "12 March", "not a date"]
_LABELS = [None, "", "Related", "More news", "inline-related"]
_TIMES = [None, datetime(2026, 5, 10, 12, 0)]


def _assemble(
    kept: list[teasers._Item],
    page_url: str,
    subheadings: tuple[LexborNode, ...],
    shown: tf.ShownTimes,
) -> teasers.TeaserScan:
    """The Python ``_ASSEMBLY`` replaced (normalizing by ``urls._normalize``)."""
    page_key = url_key(page_url)
    normalized: dict[str, str | None] = {}
    first: dict[str, teasers._Item] = {}
    for item in kept:
        raw = item.link.url
        if raw not in normalized:
            normalized[raw] = urls._normalize(raw, page_url)
        url = normalized[raw]
        if url is None or url_key(url) == page_key:
            continue
        item.link.url = url
        seen = first.get(url)
        if seen is None:
            first[url] = item
            continue
        if better(item.link, seen.link):
            seen.link = item.link
        seen.snippet = seen.snippet or item.snippet
        seen.image = seen.image or item.image
        seen.date = seen.date or item.date
    block_index: dict[tuple[int, str | None], int] = {}
    found: list[Teaser] = []
    for position, item in enumerate(first.values()):
        block_id = item.block_node.mem_id if item.block_node is not None else -1
        index = block_index.setdefault((block_id, item.block), len(block_index))
        title = item.link.title
        snippet = item.snippet
        found.append(
            Teaser(
                title=title,
                url=item.link.url,
                block=item.block,
                block_index=index,
                position=position,
                snippet=snippet,
                truncated=is_truncated(title) or (snippet is not None and is_truncated(snippet)),
                image=urls._normalize(item.image, page_url) if item.image else None,
                published_at=shown.read(item.date) if item.date else None,
                sponsored=item.sponsored,
            )
        )
    nodes, chars = teasers._REMOVAL.of(kept)
    return teasers.TeaserScan(tuple(found), tuple(nodes), chars, subheadings)


def _page(html: str) -> tuple[LexborHTMLParser, list[LexborNode]]:
    tree = LexborHTMLParser(html)
    body = tree.body
    assert body is not None
    return tree, [node for node in body.traverse() if not (node.tag or "").startswith("-")]


_HTML = (
    "<html><body><section><h2>More</h2><ul><li><a href=/a>One two three</a></li>"
    "<li><a href=/b>Four five six</a> tail</li></ul></section><div><p>Body text of the"
    " article <b>here</b></p><aside><a href=/c>Seven</a></aside></div></body></html>"
)


@st.composite
def _items(draw: st.DrawFn, elements: list[LexborNode]) -> tuple[Any, ...]:
    """The fields of an item and its link, drawn once, made twice (the Python mutates)."""
    return (
        draw(st.sampled_from(elements)),
        draw(st.sampled_from(_HREFS)),
        draw(st.sampled_from(_TITLES)),
        draw(st.sampled_from([None, "h2"])),
        draw(st.booleans()),  # short
        draw(st.sampled_from(_SNIPPETS)),
        draw(st.sampled_from(_IMAGES)),
        draw(st.sampled_from(_DATES)),
        draw(st.booleans()),  # sponsored
        draw(st.integers(0, 4)) == 0,  # inline
        draw(st.none() | st.sampled_from(elements)),  # block node, an ancestor or not
        draw(st.sampled_from(_LABELS)),
        draw(st.none() | st.sampled_from(elements)),  # label node
    )


def _made(fields: tuple[Any, ...]) -> teasers._Item:
    node, href, title, heading, short, snippet, image, date, paid, inline, block_node, label, at = (
        fields
    )
    assert isinstance(node, LexborNode) and isinstance(title, str)
    link = Link(node, href, title, heading, node, len(title.split()), short)
    return teasers._Item(
        node,
        link,
        snippet,
        image,
        date,
        paid,
        False,
        inline,
        block_node,
        label,
        at,
    )


@settings(max_examples=300, deadline=None)
@given(
    st.data(),
    st.sampled_from(_PAGES),
    st.sampled_from(_TIMES),
    st.sampled_from([None, "en", "de"]),
)
def test_assembly_answers_as_the_python(
    data: st.DataObject, page_url: str, fetched_at: datetime | None, language: str | None
) -> None:
    _tree, elements = _page(_HTML)
    drawn = data.draw(st.lists(_items(elements), max_size=10))
    shown = tf.ShownTimes(fetched_at, language)
    subheadings = tuple(elements[:1])
    found = teasers._assemble([_made(fields) for fields in drawn], page_url, subheadings, shown)
    expected = _assemble([_made(fields) for fields in drawn], page_url, subheadings, shown)
    assert found.teasers == expected.teasers
    assert [node.mem_id for node in found.nodes] == [node.mem_id for node in expected.nodes]
    assert found.text_chars == expected.text_chars
    assert found.subheadings == expected.subheadings


def test_one_teaser_per_target_with_the_richer_fields() -> None:
    _tree, elements = _page(_HTML)
    first, second = (node for node in elements if node.tag == "li")
    shown = tf.ShownTimes(None, None)
    kept = [
        _made(
            (first, "/a", "Short", None, True, None, "/i.jpg", None, False, False, None, None, None)
        ),
        _made(
            (
                second,
                "https://example.com/a#x",
                "The long title",
                "h2",
                False,
                "A snippet of words",
                "/j.jpg",
                "4 May 2026",
                True,
                False,
                None,
                None,
                None,
            )
        ),
    ]
    scan = teasers._assemble(kept, "https://example.com/", (), shown)
    assert [
        (t.title, t.url, t.snippet, t.image, t.published_at, t.sponsored) for t in scan.teasers
    ] == [
        (
            "The long title",
            "https://example.com/a",
            "A snippet of words",
            "https://example.com/i.jpg",
            "2026-05-04T00:00:00Z",
            False,
        )
    ]
