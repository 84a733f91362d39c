"""split()'s work grows with the page, not with its square.

Work is counted as the lines of the extraction code that run (``sys.settrace``),
which does not depend on the machine's load: twice the input must cost about
twice the lines. A step that looks at every sibling of every item, for each
item, costs four times the lines instead.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from service.extract import teaser_tables as tt
from service.extract.split import split
from service.extract.teaser_items import is_price

URL = "https://news.example.org/world/2024/story-x"
_HEAD = "<html><head><title>Council approves the tram line</title></head><body>"
_ARTICLE = (
    "<article><h1>Council approves the tram line</h1>"
    + "<p>The city council approved the new tram line on Monday, after a long debate"
    " about its cost and its route through the old town.</p>" * 4 + "</article>"
)
_HEADLINE = "Storm hits the coast as residents prepare"
_PACKAGE = "service/extract/"
MAX_GROWTH = 2.4  # lines run on twice the input, over those on the input


def _lines_run(html: str) -> int:
    """Lines of ``service/extract`` code that ``split`` runs on ``html``."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += event == "line"
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if _PACKAGE in frame.f_code.co_filename else None

    sys.settrace(calls)
    try:
        split(html.encode(), URL)
    finally:
        sys.settrace(None)
    return count


def _page(inner: str) -> str:
    return f"{_HEAD}{_ARTICLE}{inner}</body></html>"


def _link(index: int) -> str:
    return f'<a href="/news/2024/story-{index}">{_HEADLINE} {index}</a>'


def _list_of_links(count: int) -> str:
    """A list of headline links to distinct stories."""
    return _page("<ul>" + "".join(f"<li>{_link(i)}</li>" for i in range(count)) + "</ul>")


def _links_in_divs(count: int) -> str:
    """Headline links, each in its own <div>, all children of <body>."""
    return _page("".join(f"<div>{_link(i)}</div>" for i in range(count)))


def _table_of_links(count: int) -> str:
    rows = (f"<tr><td>{_link(i)}</td></tr>" for i in range(count))
    return _page("<table>" + "".join(rows) + "</table>")


def _list_of_one_target(count: int) -> str:
    """A list whose links all lead to the same story (each climbs to the list)."""
    return _page("<ul>" + f"<li>{_link(1)}</li>" * count + "</ul>")


def _promo_headings(count: int) -> str:
    """Promo headings, each followed by a paragraph, all siblings in one <div>."""
    prose = "<p>The city council approved the new tram line on Monday, after a long debate.</p>"
    return _page("<div>" + f"<h2>You may also like</h2>{prose}" * count + "</div>")


def _deep_links_in_body(count: int) -> str:
    """An article body holding, ``count // 2`` levels down, a paragraph of ``count``
    links: the page grows in depth and in links at once."""
    words = " ".join(f'<a href="/topic/{i}">word{i}</a> and more words here' for i in range(count))
    depth = count // 2
    prose = "<p>The city council approved the new tram line on Monday, after a long debate.</p>"
    return _page(f"<div>{prose * 5}" + "<div>" * depth + f"<p>{words}</p>" + "</div>" * depth)


def _nested_promo_headings(count: int) -> str:
    """``count // 2`` promo headings, each opening the element that holds the next,
    over ``count`` paragraphs: the page grows in depth and in paragraphs at once."""
    prose = "<p>The city council approved the new tram line on Monday, after a long debate.</p>"
    depth = count // 2
    return _page("<div><h2>You may also like</h2>" * depth + prose * count + "</div>" * depth)


@pytest.mark.parametrize(
    "make",
    [
        _nested_promo_headings,
        _list_of_links,
        _links_in_divs,
        _table_of_links,
        _list_of_one_target,
        _promo_headings,
        _deep_links_in_body,
    ],
)
def test_work_grows_linearly_with_the_items(make: Callable[[int], str]) -> None:
    small = _lines_run(make(300))
    assert _lines_run(make(600)) <= MAX_GROWTH * small


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Storm hits the coast " + "1." * 500_000 + "x EUR", False),
        ("Storm hits the coast " + "1." * 500_000 + ",99 EUR", True),
        ("Storm hits the coast " + "$1" * 500_000, False),
    ],
)
def test_price_pattern_reads_a_run_of_figures_once(text: str, found: bool) -> None:
    """A run of digits and dots is read from its start only, not again from each
    digit in it: a title of a million of them ends in milliseconds, not hours."""
    assert is_price(text) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("download it " * 100_000, False),
        ("download it " * 100_000 + "for free", True),
    ],
)
def test_call_to_action_pattern_reads_each_word_once(text: str, found: bool) -> None:
    """'download ... free' is looked for from each 'download' up to the next one only,
    not to the end of the text: a title of a million characters ends in milliseconds."""
    assert (tt.CALL_TO_ACTION.search(text) is not None) is found
