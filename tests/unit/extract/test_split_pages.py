"""Golden pages: each ``pages/<name>.html`` split and compared with ``<name>.expected.json``.

This module checks the article part of each expectation (title, paragraphs in
order with their kinds, the publication time, authors and site name when given,
or ``null`` for a page without an article) and that no text listed under
``absent`` appears in any record. A page written without markup hints (no
class, id, role, ``aria-*`` or ``data-*`` attribute, no sectioning element) may
come with ``<name>.classed.html``, the same page with them: both must give the
same article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

from service.extract import article
from service.extract.model import Split
from service.extract.split import split

PAGES = Path(__file__).parent / "pages"
CASES = sorted(p.name.removesuffix(".expected.json") for p in PAGES.glob("*.expected.json"))
CLASSED = sorted(p.name.removesuffix(".classed.html") for p in PAGES.glob("*.classed.html"))


def _load(name: str) -> tuple[Split, dict[str, Any]]:
    expected: dict[str, Any] = json.loads((PAGES / f"{name}.expected.json").read_text("utf-8"))
    headers = expected.get("headers") or {}
    fetched = expected.get("fetched_at")  # the moment of fetching, spans back count from it
    at = datetime.fromisoformat(fetched) if fetched else None
    result = split((PAGES / f"{name}.html").read_bytes(), expected["url"], headers, fetched_at=at)
    return result, expected


def _record_texts(result: Split) -> list[str]:
    texts: list[str] = []
    if result.article is not None:
        texts.append(result.article.title)
        texts.extend(p.text for p in result.article.paragraphs)
    for teaser in result.teasers:
        texts.append(teaser.title)
        texts.append(teaser.snippet or "")
    return texts


@pytest.mark.parametrize("name", CASES)
def test_article_matches_expectation(name: str) -> None:
    result, expected = _load(name)
    want = expected.get("article", "unspecified")
    if want == "unspecified":
        pytest.skip("no article expectation for this page")
    if want is None:
        assert result.article is None
        return
    assert result.article is not None
    assert result.article.title == want["title"]
    # An expected paragraph is [kind, text], or its text alone when its kind is not asserted.
    got = [
        [p.kind, p.text] if isinstance(w, list) else p.text
        for p, w in zip(result.article.paragraphs, want["paragraphs"], strict=False)
    ]
    assert got == want["paragraphs"]
    assert len(result.article.paragraphs) == len(want["paragraphs"])
    if "published_at" in want:
        assert result.article.published_at == want["published_at"]
    if "authors" in want:
        assert list(result.article.authors) == want["authors"]
    if "site_name" in want:
        assert result.article.site_name == want["site_name"]


@pytest.mark.parametrize("name", CASES)
def test_boilerplate_is_in_no_record(name: str) -> None:
    result, expected = _load(name)
    texts = _record_texts(result)
    for absent in expected.get("absent", []):
        assert not any(absent in text for text in texts), absent


@pytest.mark.parametrize("name", CASES)
def test_split_yields_the_expected_teasers(name: str) -> None:
    """The teasers as split() delivers them (after cleaning, beside the body)."""
    result, expected = _load(name)
    if "teasers" not in expected:
        pytest.skip("no teaser expectation for this page")
    got = [(t.title, t.url) for t in result.teasers]
    assert got == [(t["title"], t["url"]) for t in expected["teasers"]]


@pytest.mark.parametrize("name", CASES)
def test_article_and_teasers_share_no_text(name: str) -> None:
    result, _ = _load(name)
    if result.article is None:
        return
    body = result.article.body
    for teaser in result.teasers:
        assert teaser.title not in body, teaser.title


@pytest.mark.parametrize("name", CLASSED)
def test_markup_hints_leave_the_article_alone(name: str) -> None:
    """The page with its class names and sectioning tags reads as it does without them."""
    bare, expected = _load(name)
    page = (PAGES / f"{name}.classed.html").read_bytes()
    classed = split(page, expected["url"], expected.get("headers") or {})
    assert bare.article is not None and classed.article is not None
    assert classed.article.title == bare.article.title
    got = [(p.kind, p.text) for p in classed.article.paragraphs]
    assert got == [(p.kind, p.text) for p in bare.article.paragraphs]


@pytest.mark.parametrize(
    "heading",
    [
        "<h2>12 Comments</h2>",
        "<h3>Comments (12)</h3>",
        "<h2>What readers say</h2>",
        "<h5>12 Comments</h5>",
        "<h6>What readers say</h6>",
        "<div><b>12 Comments</b></div>",
        "<div><strong>What readers say</strong></div>",
    ],
)
def test_a_signed_thread_under_any_heading_is_no_body(heading: str) -> None:
    """The comments of ``body_thread_signed_no_heading`` (each a name line, a date
    line and its text, no reply control) under a heading: the story stays the body."""
    name = "body_thread_signed_no_heading"
    page = (PAGES / f"{name}.html").read_text("utf-8")
    first = "      <div>\n        <div><b>Dana Whitfield</b></div>"
    assert first in page
    expected = json.loads((PAGES / f"{name}.expected.json").read_text("utf-8"))
    result = split(page.replace(first, f"      {heading}\n{first}").encode(), expected["url"], {})
    assert result.article is not None
    got = [[p.kind, p.text] for p in result.article.paragraphs]
    assert got == expected["article"]["paragraphs"]


def _split_edited(name: str, edit: Callable[[str], str]) -> tuple[Split, dict[str, Any]]:
    """Golden page ``name`` split after ``edit`` rewrote its HTML (which must change it)."""
    page = (PAGES / f"{name}.html").read_text("utf-8")
    edited = edit(page)
    assert edited != page
    expected: dict[str, Any] = json.loads((PAGES / f"{name}.expected.json").read_text("utf-8"))
    return split(edited.encode(), expected["url"], {}), expected


_SIGNED_LINE = re.compile(r"<div><b>([^<]+)</b> <span>([^<]+)</span></div>")


@pytest.mark.parametrize(
    "line",
    [
        r"<div><b>\1</b> &middot; \2</div>",
        r"<div>\1 | \2</div>",
        r"<div>\1, \2</div>",
        r"<div><b>\1</b> <time>\2</time></div>",
        r"<div><span><b>\1</b> &bull; <span>\2</span></span></div>",
        r"<div>\1 &ndash; 3 hours ago</div>",
        r"<div><b>\1</b><span>2 hours ago</span></div>",
    ],
)
def test_a_thread_signed_on_one_line_is_no_body(line: str) -> None:
    """The comments of ``body_thread_name_date_one_line``, each signed by its reader's
    name and date on one line, set in other ways: the story stays the body."""
    result, expected = _split_edited(
        "body_thread_name_date_one_line", lambda page: _SIGNED_LINE.sub(line, page)
    )
    assert result.article is not None
    got = [[p.kind, p.text] for p in result.article.paragraphs]
    assert got == expected["article"]["paragraphs"]


_FORUM_SIGNATURE = r"<div><b>([^<]+)</b></div>\n\s*<div>([^<]+)</div>"


@pytest.mark.parametrize(
    "signature",
    [r"<div><b>\1</b> &middot; \2</div>", r"<div><b>\1</b></div><div>2 hours ago</div>"],
)
def test_a_forum_post_signed_otherwise_is_the_body(signature: str) -> None:
    """The posts of ``body_forum_thread_opening_post`` signed by name and date on one
    line, or dated by a time counted back: the opening post, without its signature,
    is the body."""
    result, expected = _split_edited(
        "body_forum_thread_opening_post", lambda page: re.sub(_FORUM_SIGNATURE, signature, page)
    )
    assert result.article is not None
    got = [[p.kind, p.text] for p in result.article.paragraphs]
    assert got == expected["article"]["paragraphs"]


_ARTICLE_STAMP = r'<time datetime="[^"]+">(\d\d):(\d\d)</time>'


@pytest.mark.parametrize(
    "stamp", [r"<span>\1:\2</span>", r"<div>\1:\2 GMT</div>", r"<span>\2 min ago</span>"]
)
def test_live_entries_stamped_in_text_are_read_whole(stamp: str) -> None:
    """The ``<article>`` entries of ``body_live_entries_undeclared`` stamped with a clock
    time or a time counted back set as text, not a ``<time>``: all are read, in order."""
    result, expected = _split_edited(
        "body_live_entries_undeclared", lambda page: re.sub(_ARTICLE_STAMP, stamp, page)
    )
    assert result.article is not None
    got = [[p.kind, p.text] for p in result.article.paragraphs]
    assert got == expected["article"]["paragraphs"]


_ENTRY_STAMP = r"<div>(\d\d):(\d\d) BST</div>"


@pytest.mark.parametrize(
    ("pattern", "replacement"),
    [
        (_ENTRY_STAMP, r'<time datetime="2026-05-07T\1:\2:00+01:00">\1:\2</time>'),
        (_ENTRY_STAMP, r"<span>\2 min ago</span>"),
        (_ENTRY_STAMP, r"<p>\1:\2</p>"),
        (r"(</h3>\n)((?:\s*<p>.*</p>\n)+)", r"\1<div>\2</div>\n"),  # paragraphs wrapped
        (r"(      </div>\n)(      <div>\n        <div>00:47)", r"\1<div>Advertisement</div>\n\2"),
    ],
)
def test_a_feed_of_div_entries_is_read_whole(pattern: str, replacement: str) -> None:
    """The entries of ``body_live_div_entries_undeclared`` stamped in other ways, their
    paragraphs wrapped, an ad's slot between them: all are read, in order."""
    result, expected = _split_edited(
        "body_live_div_entries_undeclared", lambda page: re.sub(pattern, replacement, page)
    )
    assert result.article is not None
    got = [[p.kind, p.text] for p in result.article.paragraphs]
    assert got == expected["article"]["paragraphs"]


def test_div_entries_with_linked_headlines_are_a_list_of_posts() -> None:
    """Entries opening with their time and a linked headline are posts of a list, not
    one story: the feed is not read whole, and its short last entry, too short to join
    the longest as a close sibling, is left out (the body is looked for before the
    teaser stage, which takes such headlines out)."""
    page = (PAGES / "body_live_div_entries_undeclared.html").read_text("utf-8")
    linked = re.sub(r"<h3>([^<]+)</h3>", r'<h3><a href="/post">\1</a></h3>', page)
    assert linked != page
    tree = LexborHTMLParser(linked)
    assert tree.body is not None
    body = article.find_body(tree.body)
    assert body is not None
    texts = " ".join(p.text for p in body.paragraphs)
    assert "Greenside's candidate" in texts
    assert "ballot boxes from the hill" not in texts


def test_a_story_in_parts_named_for_subscribers_is_read_whole() -> None:
    """A story whose parts are named for who may read them ("subscriber-preview",
    "subscriber-only"): no prompt to subscribe, though the names hold "subscribe"."""

    def for_subscribers(page: str) -> str:
        page = page.replace(
            '<div class="story__body">\n          <p>',
            '<div class="story__body subscriber-premium"><div class="subscriber-preview"><p>',
            1,
        )
        page = page.replace("</p>\n          <p>", '</p></div><div class="subscriber-only"><p>', 1)
        return page.replace(
            '</div>\n        <ul class="story__tags">', '</div></div><ul class="story__tags">', 1
        )

    result, expected = _split_edited("article_related_most_read", for_subscribers)
    assert result.article is not None
    assert [p.text for p in result.article.paragraphs] == expected["article"]["paragraphs"]


@pytest.mark.parametrize(
    ("above", "kept"),
    [
        ('<p class="dachzeile">Verkehr</p>', []),
        ('<div class="kicker"><span>Local news</span></div>', []),
        # a line of the story set above the headline is no kicker: it stays
        (
            "<p>Police say the road will stay closed until the afternoon at the earliest.</p>",
            ["Police say the road will stay closed until the afternoon at the earliest."],
        ),
    ],
)
def test_short_lines_above_the_headline_in_the_story_container_are_no_body(
    above: str, kept: list[str]
) -> None:
    story = (
        f'<div class="meldung">{above}<h1>A7 closed after a crash near Hildesheim</h1>'
        "<p>A lorry overturned on the motorway between Hildesheim and Derneburg on Saturday"
        " morning, and lost part of its load across both lanes.</p>"
        "<p>The driver was slightly hurt. Police expect the closure to last into the"
        " afternoon, with queues of more than ten kilometres.</p></div>"
    )
    tree = LexborHTMLParser(f"<html><body><main>{story}</main></body></html>")
    assert tree.body is not None
    body = article.find_body(tree.body)
    assert body is not None
    texts = [p.text for p in body.paragraphs]
    assert texts[: len(kept)] == kept
    assert texts[len(kept) :][0].startswith("A lorry overturned")
