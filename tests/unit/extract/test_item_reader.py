"""An item's reading in one compiled call (``_fields.ItemReader``, as ``teasers._read``
builds it) against the Python it replaced, kept here as the reference."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser
from selectolax.lexbor import LexborNode as Node

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract import teasers
from service.extract.teaser_items import Link, Page
from service.extract.text import normalize_text


def _heading_of(link: Link) -> Node:
    node: Node | None = link.node
    while node is not None and node.tag not in tt.HEADING_TAGS:
        node = node.parent
    return node or link.headline


def _meta_date(parts: list[Node], page: Page) -> str | None:
    for part in parts:
        time = tf.first_tagged(part, ("time",))
        if time is not None:
            text = (time.attributes.get("datetime") or time.text()).strip()
        else:
            text = normalize_text(part.text())
        moment = _date_of(text, part, page)
        if moment is None and time is None:
            children = (_date_of(normalize_text(child.text()), part, page) for child in part.iter())
            moment = next((found for found in children if found is not None), None)
        if moment is not None:
            return moment
    return None


def _date_of(text: str, part: Node, page: Page) -> str | None:
    if not text:
        return None
    if page.times.is_date(text) or (
        page.times.is_time_line(text) and not tf.names_a_length(part, page.tokens)
    ):
        return text
    if tf.is_meta_line(text) and not tf.names_a_length(part, page.tokens):
        return page.times.between_labels(text)
    return None


def reference(node: Node, link: Link, page: Page) -> teasers._Item:
    """``teasers._read`` as it was written in Python."""
    skip = link.headline
    if skip.mem_id == link.node.mem_id and link.heading is not None:
        skip = _heading_of(link)
    found = tf.read_item(node, skip, page.tokens)
    paid = found.paid
    date = found.date
    if date is not None and tf.is_meta_line(date):
        date = page.times.time_in(date) or date
    lines = [] if skip.mem_id == node.mem_id else found.segments
    times = page.times
    parts, date, paid, product, length = teasers._LINES.read(
        lines, found.lead_in, link.title, times, times.fetched_at is not None, date, paid
    )
    if date is None:
        date = _meta_date(found.meta_parts, page)
        if date is not None and tt.BARE_SPAN.fullmatch(date) is not None:
            length, date = length or date, None
    if date is None and length is not None and not teasers._plays_media(node, link, found, length):
        date = length
    snippet = " ".join(parts)
    return teasers._Item(
        node,
        link,
        snippet if tf.word_count(snippet) >= tt.MIN_SNIPPET_WORDS else None,
        found.image,
        date,
        paid,
        product,
    )


# Meta parts and lines: dates, times, spans back, labels, lengths, ranks, bylines, paid
# labels, marks and digits of other scripts; a <time> with and without its datetime.
_TEXTS = [
    *("4 February 2026", "12.03.2026", "Nov 28", "3 hours ago", "vor 2 Stunden", "45 min"),
    *("1 hr 20 min", "\u0664 \u0662\u0660\u0662\u0666", "gestern", "an hour ago", "2 min"),
    *("News \u00b7 4 May 2026", "By Ann Lee | 3 hours ago", "Politics \u2022 27.11.2026"),
    *("Company Town", "Business", "Read More", "5", "\u0e52\u0e55\u0e56\u0e59", "News - Sport"),
    *("AUTO NEWS November 16, 2016", "Sponsored", "\u00a9 2019 Digg", "x - 12 March"),
    *("The council approved the budget after a long debate.", "\u25b6 3:45", "Video"),
    *(" ", "", "\u2014", "Tom Rogan Tuesday November 19, 2019", "27.11.2026, 08:30"),
]
TEXTS = st.sampled_from(_TEXTS)
CLASSES = st.sampled_from(
    ["meta", "date", "byline", "duration", "readtime", "meta duration", "kicker", "", "x"]
)


@st.composite
def pieces(draw: st.DrawFn) -> str:
    text = draw(TEXTS)
    shape = draw(st.integers(0, 6))
    if shape == 0:
        return f"<p>{text}</p>"
    if shape == 1:
        return text
    if shape == 2:
        stamp = draw(st.sampled_from(["2026-11-28T10:00", "", " 2019-11-19 ", None]))
        inside = "" if stamp is None else f' datetime="{stamp}"'
        return f'<div class="{draw(CLASSES)}"><time{inside}>{text}</time></div>'
    if shape == 3:
        return draw(st.sampled_from(["<video></video>", "<img src='/a.jpg'>", "<br>"]))
    return f'<span class="{draw(CLASSES)}">{text}</span>'


_WHEN = st.sampled_from(
    [
        (None, None),
        (datetime(2026, 11, 30, 12, tzinfo=UTC), "en"),
        (datetime(2026, 11, 30, 12, tzinfo=UTC), "de"),
        (None, "th"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    before=st.lists(pieces(), max_size=2),
    after=st.lists(pieces(), max_size=4),
    shape=st.integers(0, 4),
    when=_WHEN,
)
@example(before=[], after=['<span class="meta">5</span>'], shape=0, when=(None, None))
@example(
    before=[],
    after=['<span class="meta">News \u00b7 4 May 2026</span>'],
    shape=0,
    when=(None, None),
)
@example(
    before=[],
    after=['<span class="duration">2 min</span>', "<video></video>"],
    shape=0,
    when=(datetime(2026, 11, 30, 12, tzinfo=UTC), "en"),
)
def test_the_reading_in_c_answers_as_the_python_reading(
    before: list[str], after: list[str], shape: int, when: tuple[datetime | None, str | None]
) -> None:
    """The headline passed over is the link, its heading (the link with a heading tag),
    or the heading holding the link; the item is the card or the heading itself."""
    html = (
        f"<div class='card'>{''.join(before)}<h3 class='title'><b>"
        "<a href='/story'>Storm hits the coast</a></b></h3>"
        f"{''.join(after)}</div>"
    )
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
    card, heading, anchor = (tree.css_first(q) for q in ("div.card", "h3", "a"))
    assert card is not None and heading is not None and anchor is not None
    node = heading if shape == 4 else card
    headline = heading if shape in (1, 4) else anchor
    tag = None if shape == 2 else "h3"
    link = Link(anchor, "https://example.com/story", "Storm hits the coast", tag, headline, 4)
    fetched_at, language = when
    pages = [Page("https://example.com/"), Page("https://example.com/")]
    for page in pages:
        page.times = tf.ShownTimes(fetched_at, language)
    assert teasers._read(node, link, pages[0]) == reference(node, link, pages[1])


def test_an_item_reads_its_meta_parts_date() -> None:
    tree = LexborHTMLParser(
        "<div><h3><a href='/s'>Storm hits the coast</a></h3>"
        "<span class='meta'>Business</span><span class='meta'>Politics \u2022 27.11.2026</span>"
        "<p>The council approved the budget after a long debate.</p></div>"
    )
    node, anchor = tree.css_first("div"), tree.css_first("a")
    assert node is not None and anchor is not None
    link = Link(anchor, "https://example.com/s", "Storm hits the coast", "h3", anchor, 4)
    item = teasers._read(node, link, Page("https://example.com/"))
    assert item.date == "27.11.2026"
    assert item.snippet == "The council approved the budget after a long debate."


@pytest.mark.parametrize("space", [" ", ""])
def test_a_meta_part_of_a_byline_and_a_date_each_in_an_element_gives_the_date(space: str) -> None:
    tree = LexborHTMLParser(
        "<div><h3><a href='/s'>Storm hits the coast</a></h3>"
        f"<div class='card__meta'><span>By Sam Ortiz</span>{space}<span>3 hours ago</span></div>"
        "</div>"
    )
    node, anchor = tree.css_first("div"), tree.css_first("a")
    assert node is not None and anchor is not None
    link = Link(anchor, "https://example.com/s", "Storm hits the coast", "h3", anchor, 4)
    page = Page("https://example.com/")
    page.times = tf.ShownTimes(datetime(2026, 3, 14, 12, tzinfo=UTC), "en")
    assert teasers._read(node, link, page).date == "3 hours ago"
