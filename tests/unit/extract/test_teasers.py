"""Unit tests of teaser detection on small page fragments (no cleaning step)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from selectolax.lexbor import LexborHTMLParser

from service.extract import teaser_fields
from service.extract import teaser_tables as tt
from service.extract.model import Teaser
from service.extract.teaser_items import (
    Page,
    headline_links,
    in_running_text,
    is_listing_url,
    items_of,
)
from service.extract.teasers import TeaserScan, find_teasers

PAGE = "https://site.example/news/this-article"
BODY = (
    "<article><h1>The article headline of this page</h1><div class=body>"
    "<p>First paragraph of the article body, long enough to read as running prose here, and "
    "then some more.</p>"
    "<p>Second paragraph of the article body, also long enough to read as running prose, with "
    "more words.</p>"
    "{inline}"
    "<p>Third paragraph of the article body, which closes the story for the reader, with a "
    "last sentence.</p>"
    "</div></article>"
)


def scan(
    html: str, url: str = PAGE, language: str | None = None, fetched_at: datetime | None = None
) -> TeaserScan:
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
    assert tree.root is not None
    return find_teasers(tree.root, url, fetched_at=fetched_at, language=language)


def teasers(html: str) -> tuple[Teaser, ...]:
    return scan(html).teasers


def titles(html: str) -> list[str]:
    return [t.title for t in teasers(html)]


def block(items: str, heading: str = "<h2>Related</h2>", cls: str = "related") -> str:
    return f'<section class="{cls}">{heading}<ul>{items}</ul></section>'


def li(path: str, text: str) -> str:
    return f'<li><a href="/news/{path}">{text}</a></li>'


# --- titles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("link_html", "title"),
    [
        (
            '<span class="rank">1</span> Ferry strike ends after pay offer',
            "Ferry strike ends after pay offer",
        ),
        ("01. Ferry strike ends after pay offer", "Ferry strike ends after pay offer"),
        ("<span>2</span> Ferry strike ends after pay offer", "Ferry strike ends after pay offer"),
        ("<b>#3</b>Ferry strike ends after pay offer", "Ferry strike ends after pay offer"),
        ("Related: Ferry strike ends after pay offer", "Ferry strike ends after pay offer"),
        (
            '<span class="kicker">Live</span> Ferry strike ends after pay offer',
            "Ferry strike ends after pay offer",
        ),
        ("LIVE: Ferry strike ends after pay offer", "Ferry strike ends after pay offer"),
        ("Watch: the moment the ferry strike ended", "Watch: the moment the ferry strike ended"),
        (
            'Ferry strike ends after pay offer <span class="byline">By Ann Lee</span>',
            "Ferry strike ends after pay offer",
        ),
        (
            'Ferry strike ends after pay offer <time datetime="2026-02-01">1 Feb</time>',
            "Ferry strike ends after pay offer",
        ),
        (
            '<span class="source">Coast Post</span> Ferry strike ends after pay offer',
            "Ferry strike ends after pay offer",
        ),
        ("Brexit: what the new trade deal means", "Brexit: what the new trade deal means"),
        ("Recommended daily salt intake cut by half", "Recommended daily salt intake cut by half"),
        ("Related party deals face new audit rules", "Related party deals face new audit rules"),
        ("10 things to know about the ferry strike", "10 things to know about the ferry strike"),
        (
            "<strong>Exclusive</strong> Ferry strike ends after pay offer",
            "Ferry strike ends after pay offer",
        ),
        ("<b>Live</b> Ferry strike ends after pay offer", "Ferry strike ends after pay offer"),
        ("<em>Watch</em> the ferry leave the harbour", "Watch the ferry leave the harbour"),
        ("#1 Ferry strike ends after pay offer", "Ferry strike ends after pay offer"),
        ("03 Ferry strike ends after pay offer", "Ferry strike ends after pay offer"),
        ("ÚLTIMA HORA: Ferry strike ends after pay offer", "Ferry strike ends after pay offer"),
        ("Liveticker: Ferry strike ends after pay offer", "Ferry strike ends after pay offer"),
        ("DIRECT. Ferry strike ends after pay offer", "Ferry strike ends after pay offer"),
        ("Son dakika: Ferry strike ends after pay offer", "Ferry strike ends after pay offer"),
        ("[속보] 여객선 파업 임금 합의로 종료", "여객선 파업 임금 합의로 종료"),
        ("【速報】フェリーのストライキが終了へ", "フェリーのストライキが終了へ"),
        ("(Related) Ferry strike ends after pay offer", "Ferry strike ends after pay offer"),
        (
            "\u00abLesen Sie auch\u00bb F\u00e4hrstreik endet nach neuem Lohnangebot",
            "F\u00e4hrstreik endet nach neuem Lohnangebot",
        ),
        ("\u27a4 Related: Ferry strike ends after pay offer", "Ferry strike ends after pay offer"),
        ("\u300c\u95a2\u9023\u8a18\u4e8b\u300dフェリーのストが終了", "フェリーのストが終了"),
        (
            "(Almost) everything the ferry strike changes",
            "(Almost) everything the ferry strike changes",
        ),
        ("عاجل: انتهاء إضراب العبارات بعد اتفاق الأجور", "انتهاء إضراب العبارات بعد اتفاق الأجور"),
        (
            "Direct Line shares fall after profit warning",
            "Direct Line shares fall after profit warning",
        ),
        (
            '<span class="columnist-name">Ann Lee</span> Ferry strike ends after pay offer',
            "Ferry strike ends after pay offer",
        ),
    ],
)
def test_title_is_the_headline_alone(link_html: str, title: str) -> None:
    html = block(li("a", link_html) + li("b", "Another story about the harbour today"))
    assert titles(html)[0] == title


def test_headline_inside_link_heading_wins_over_kicker_and_snippet() -> None:
    html = block(
        '<li class="card"><a href="/news/a"><span class="label">Opinion</span>'
        "<h3>Why the tram line matters for the suburbs</h3>"
        "<p>A long snippet that follows the headline.</p></a></li>"
        + li("b", "Another story about the harbour today")
    )
    first = teasers(html)[0]
    assert first.title == "Why the tram line matters for the suburbs"
    assert first.snippet == "A long snippet that follows the headline."


def test_metadata_line_of_a_card_is_not_its_snippet() -> None:
    html = block(
        '<li class="card"><h3><a href="/news/a">Why the tram line matters for the suburbs</a>'
        '</h3><div class="metadata"><span>3 votes</span> <a href="/source/x">example.org</a> '
        '<a href="/channel/cities">Cities</a></div>'
        "<p>The route serves the districts with the fewest buses.</p></li>"
        + li("b", "Another story about the harbour today")
    )
    assert teasers(html)[0].snippet == "The route serves the districts with the fewest buses."


# --- truncation ----------------------------------------------------------------------------


def test_truncated_snippet_and_title_are_flagged() -> None:
    html = block(
        '<li><h3><a href="/news/a">Rivers overflow as storm hits the coast</a></h3>'
        "<p>Rivers and reservoirs were on the verge of co...</p></li>"
        '<li><h3><a href="/news/b">Teen chased by police breaks both legs in…</a></h3></li>'
        '<li><h3><a href="/news/c">Council passes the budget after long night</a></h3>'
        "<p>The vote ended a long debate.</p></li>"
    )
    got = teasers(html)
    assert [t.truncated for t in got] == [True, True, False]
    assert got[0].snippet == "Rivers and reservoirs were on the verge of co..."


# --- dedup ------------------------------------------------------------------------------


def test_same_target_twice_is_one_teaser_at_first_appearance_with_richer_fields() -> None:
    html = (
        block(
            li("a", "Ferry strike ends after pay offer")
            + li("b", "Harbour road closes for repairs"),
            "<h2>Most read</h2>",
            "most",
        )
        + "<section><h2>More news</h2>"
        '<div class="card"><a href="/news/a"><img src="/i/a.jpg"></a><h3>'
        '<a href="/news/a">Ferry strike ends after pay offer</a></h3>'
        "<p>Crossings resume on Thursday after nine days.</p></div>"
        '<div class="card"><h3><a href="/news/c">Bridge tolls rise from next month</a></h3>'
        "</div></section>"
    )
    got = teasers(html)
    assert [t.url.rsplit("/", 1)[1] for t in got] == ["a", "b", "c"]
    assert got[0].block == "Most read"
    assert got[0].image == "https://site.example/i/a.jpg"
    assert got[0].snippet == "Crossings resume on Thursday after nine days."


def test_image_link_and_headline_link_of_one_card_are_one_teaser() -> None:
    html = block(
        '<li class="card"><a href="/news/a">'
        '<img data-src="/i/a.jpg" src="data:image/gif;base64,AA"></a>'
        '<h3><a href="/news/a">Ferry strike ends after pay offer</a></h3></li>'
        '<li class="card"><a href="/news/b"><img srcset="/i/b-320.jpg 320w, /i/b-640.jpg 640w"></a>'
        '<h3><a href="/news/b">Harbour road closes for repairs</a></h3></li>'
    )
    got = teasers(html)
    assert [t.image for t in got] == [
        "https://site.example/i/a.jpg",
        "https://site.example/i/b-320.jpg",
    ]


@pytest.mark.parametrize(
    ("image", "source"),
    [
        ('<img class="lazy" src="/assets/placeholder.gif">', None),
        ('<img src="/img/blank-1x1.png" data-lazy="yes">', None),
        ('<img src="/static/spacer.gif">', None),
        ('<amp-img src="/i/a.jpg" width="300" height="200"></amp-img>', "/i/a.jpg"),
        ('<img src="/i/blanket-fort.jpg">', "/i/blanket-fort.jpg"),
    ],
)
def test_placeholder_images_are_no_teaser_image(image: str, source: str | None) -> None:
    html = block(
        f'<li class="card"><a href="/news/a">{image}</a>'
        '<h3><a href="/news/a">Ferry strike ends after pay offer</a></h3></li>'
        '<li class="card"><h3><a href="/news/b">Harbour road closes for repairs</a></h3></li>'
    )
    expected = f"https://site.example{source}" if source else None
    assert [t.image for t in teasers(html)] == [expected, None]


@pytest.mark.parametrize(
    ("style", "source"),
    [
        ("background-image: url('/i/ferry.jpg')", "/i/ferry.jpg"),
        ("background: #000 url(/i/ferry.webp?w=320) center", "/i/ferry.webp?w=320"),
        ("background-image: url(/icons/virgo.svg)", None),
        ("background-image: url(/icons/pattern.SVG?v=2)", None),
        ("background-image: url(data:image/png;base64,AA)", None),
    ],
)
def test_a_cards_background_picture_is_its_image_but_not_a_vector_icon(
    style: str, source: str | None
) -> None:
    html = block(
        f'<li class="card"><div class="thumb" style="{style}"></div>'
        '<h3><a href="/news/a">Ferry strike ends after pay offer</a></h3></li>'
        '<li class="card"><h3><a href="/news/b">Harbour road closes for repairs</a></h3></li>'
    )
    expected = f"https://site.example{source}" if source else None
    assert [t.image for t in teasers(html)] == [expected, None]


def test_a_card_shows_its_own_background_as_its_image() -> None:
    html = block(
        '<li class="card" style="background-image: url(/i/ferry.jpg)">'
        '<h3><a href="/news/a">Ferry strike ends after pay offer</a></h3></li>'
        '<li class="card"><h3><a href="/news/b">Harbour road closes for repairs</a></h3></li>'
    )
    assert [t.image for t in teasers(html)] == ["https://site.example/i/ferry.jpg", None]


# --- blocks and positions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wrapper", "label"),
    [
        ("<section><h2>Most read  \u203a</h2>{items}</section>", "Most read"),
        ('<div aria-label="Latest news">{items}</div>', "Latest news"),
        ('<div class="most-read-widget">{items}</div>', "Most read"),
        ('<div class="related-articles">{items}</div>', "Related"),
        ('<div class="box">{items}</div>', None),
    ],
)
def test_block_label_from_heading_aria_label_or_class_tokens(
    wrapper: str, label: str | None
) -> None:
    items = (
        "<ul>"
        + li("a", "Ferry strike ends after pay offer")
        + li("b", "Harbour road closes for repairs")
        + "</ul>"
    )
    got = teasers(wrapper.format(items=items))
    assert [t.block for t in got] == [label, label]


@pytest.mark.parametrize(
    ("block_html", "label"),
    [
        ("<dl><dt>Latest</dt><dd>{a}</dd><dd>{b}</dd></dl>", "Latest"),
        ('<div class="box"><b>Top stories</b><br>{a}<br>{b}</div>', "Top stories"),
        (
            '<table class="box"><tr><th colspan="2">More news</th></tr>'
            "<tr><td>{a}</td></tr><tr><td>{b}</td></tr></table>",
            "More news",
        ),
        ('<table class="box"><caption>More news</caption><tr><td>{a}</td><td>{b}</td></tr>'
         "</table>", "More news"),
        # A bold line on its own after the story, before the list (a page in one column).
        ('<div class="box"><h2>Library stays open</h2><p>Text.</p><hr><b>Other stories</b>'
         "<ul><li>{a}</li><li>{b}</li></ul></div>", "Other stories"),
        # A table layout's cell: the label bold in a <font> of its own, the links in the next.
        ('<table class="box"><tr><td><font size="2"><b>Top stories</b></font><br>'
         '<font size="1">{a}<br>{b}<br></font></td></tr></table>', "Top stories"),
        # A bold phrase with a link in it, or after other text, is no label.
        ('<div class="box">Also <b>today</b>: <br>{a}<br>{b}</div>', None),
        ('<div class="box"><p>Text.</p>Also <b>today</b> <ul><li>{a}</li><li>{b}</li></ul></div>',
         None),
    ],
)  # fmt: skip
def test_block_label_from_old_markup(block_html: str, label: str | None) -> None:
    links = {
        "a": '<a href="/news/a">Ferry strike ends after pay offer</a>',
        "b": '<a href="/news/b">Harbour road closes for repairs</a>',
    }
    got = teasers(block_html.format(**links))
    assert [t.block for t in got] == [label, label]


CARD = '<div class="c7"><a href="/news/{path}"><img src="/i/{path}.jpg"><div>{text}</div></a></div>'
CARD_A = CARD.format(path="a", text="Ferry strike ends after pay offer")
CARD_B = CARD.format(path="b", text="Harbour road closes for repairs")


@pytest.mark.parametrize(
    ("block_html", "label"),
    [
        # A script-built rail: the label a plain line of generated class names above it.
        (f'<div class="c1"><div class="c2">Read next</div><div class="c3">{CARD_A}{CARD_B}</div>'
         "</div>", "Read next"),
        (f'<div class="c1"><div class="c2"><span>More from Business</span></div>{CARD_A}{CARD_B}'
         "</div>", "More from Business"),
        (f'<div class="c1"><p class="c2">Lesen Sie auch</p><div class="c3">{CARD_A}{CARD_B}</div>'
         "</div>", "Lesen Sie auch"),
        (f'<div class="c1"><div class="c2">Most read →</div><div class="c3">{CARD_A}{CARD_B}'
         "</div></div>", "Most read"),
        # ... in the languages of the crawl.
        *((f'<div class="c1"><div class="c2">{name}</div><div class="c3">{CARD_A}{CARD_B}'
           "</div></div>", name)
          for name in ("Les plus lus", "Lo más leído", "Meistgelesen", "I più letti",
                       "Mais lidas", "Meest gelezen", "Dernières actualités", "Últimas noticias",
                       "Neueste Nachrichten", "Ultime notizie")),
        # A line of other words, a date line or a sentence, labels nothing.
        (f'<div class="c1"><div class="c2">Harbour town</div><div class="c3">{CARD_A}{CARD_B}'
         "</div></div>", None),
        (f'<div class="c1"><div class="c2">Latest · 5 March 2026</div><div class="c3">{CARD_A}'
         f"{CARD_B}</div></div>", None),
        (f'<div class="c1"><div class="c2">Read more about the harbour in our guide to the '
         f'coast</div><div class="c3">{CARD_A}{CARD_B}</div></div>', None),
    ],
)  # fmt: skip
def test_block_label_from_a_plain_line_before_its_items(block_html: str, label: str | None) -> None:
    got = teasers(block_html)
    assert [t.block for t in got] == [label, label]


def test_a_single_cards_section_name_labels_no_block() -> None:
    """A known label's words above one card ("Latest news", "Most read") are its kicker."""
    html = (
        '<div class="c1"><div class="c4"><div class="c5">Latest news</div>'
        '<div class="c6"><a href="/news/a"><img src="/i/a.jpg"><div>Ferry strike ends after pay '
        'offer</div></a></div></div><div class="c4"><div class="c5">Most read</div>'
        '<div class="c6"><a href="/news/b"><img src="/i/b.jpg"><div>Harbour road closes for '
        "repairs</div></a></div></div></div>"
    )
    assert [t.block for t in teasers(html)] == [None, None]


def test_positions_and_block_indexes_follow_page_order() -> None:
    html = block(
        li("a", "Ferry strike ends after pay offer") + li("b", "Harbour road closes for repairs"),
        "<h2>Latest</h2>",
    ) + block(
        li("c", "Bridge tolls rise from next month") + li("d", "School year starts a week later"),
        "<h2>Most read</h2>",
    )
    got = teasers(html)
    assert [(t.position, t.block_index, t.block) for t in got] == [
        (0, 0, "Latest"),
        (1, 0, "Latest"),
        (2, 1, "Most read"),
        (3, 1, "Most read"),
    ]


def test_published_at_from_time_element() -> None:
    html = block(
        '<li><a href="/news/a">Ferry strike ends after pay offer</a> <time '
        'datetime="2026-02-04T10:15:00+01:00">10:15</time></li>'
        + li("b", "Harbour road closes for repairs")
    )
    assert [t.published_at for t in teasers(html)] == ["2026-02-04T09:15:00Z", None]


def item_times(
    shown: str, language: str | None = None, fetched_at: datetime | None = None
) -> list[str | None]:
    """The times of a related block's two items, the first showing ``shown`` after its
    headline."""
    html = block(
        f'<li><a href="/news/a">Ferry strike ends after pay offer</a> {shown}</li>'
        + li("b", "Harbour road closes for repairs")
    )
    return [t.published_at for t in scan(html, language=language, fetched_at=fetched_at).teasers]


@pytest.mark.parametrize(
    ("shown", "published"),
    [
        # the Levant's month names, January of two words
        ('<span class="date">12 كانون الثاني 2026</span>', "2026-01-12T00:00:00Z"),
        ("<span>٣ تشرين الأول ٢٠٢٦، ١٤:٣٥</span>", "2026-10-03T14:35:00Z"),
        # a Persian page's Solar Hijri day
        ('<span class="date">۸ آذر ۱۴۰۵</span>', "2026-11-29T00:00:00Z"),
        ("<span>۲۱ اسفند ۱۴۰۴ - ۱۴:۳۵</span>", "2026-03-12T14:35:00Z"),
    ],
)
def test_published_at_from_a_shown_date(shown: str, published: str) -> None:
    assert item_times(shown) == [published, None]


@pytest.mark.parametrize(
    ("shown", "language", "published"),
    [
        # the Solar Hijri calendar in numbers on a Persian page
        ("<span>۱۴۰۴/۱۲/۲۱</span>", "fa", "2026-03-12T00:00:00Z"),
        ('<span class="date">1404/12/21 - 14:35</span>', "fa", "2026-03-12T14:35:00Z"),
        ("<span>1404/12/21</span>", "ar", None),
        # the lunar Hijri calendar, its month named
        ('<span class="date">١٥ رمضان ١٤٤٧ هـ</span>', "ar", "2026-03-04T00:00:00Z"),  # noqa: RUF001
        ("<span>15 رمضان 1447 هـ</span>", "ar", "2026-03-04T00:00:00Z"),
        # the Buddhist era on a Thai page
        ("<span>29 พฤศจิกายน 2569</span>", "th", "2026-11-29T00:00:00Z"),
        ('<span class="date">12 มี.ค. 2569 14:35 น.</span>', "th", "2026-03-12T14:35:00Z"),
        ("<span>29 พฤศจิกายน 2569</span>", "en", None),
    ],
)
def test_published_at_from_a_date_of_another_calendar(
    shown: str, language: str, published: str | None
) -> None:
    assert item_times(shown, language) == [published, None]


FETCHED = datetime(2026, 2, 4, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("shown", "language", "published"),
    [
        ('<span class="time">2 hours ago</span>', "en", "2026-02-04T07:30:00Z"),
        ("<time>vor 3 Stunden</time>", "de", "2026-02-04T06:30:00Z"),
        ('<span class="date">hace 5 minutos</span>', "es", "2026-02-04T09:25:00Z"),
        # A label before the span ("Updated", "Published:") is not part of it.
        ('<span class="time">Updated 2 hours ago</span>', "en", "2026-02-04T07:30:00Z"),
        ('<span class="date">Published: 45 minutes ago</span>', "en", "2026-02-04T08:45:00Z"),
        ("<time>Aktualisiert vor 3 Stunden</time>", "de", "2026-02-04T06:30:00Z"),
        ("<time>Uppdaterad för 3 timmar sedan</time>", "sv", "2026-02-04T06:30:00Z"),
        ("<time>Aktualizované pred 3 hodinami</time>", "sk", "2026-02-04T06:30:00Z"),
        # a plain line not named as a time: a span back of a number and two words, or a
        # day and month, which take the year of fetching
        ("<span>3 hours ago</span>", "en", "2026-02-04T06:30:00Z"),
        ("<p>vor 2 Stunden</p>", "de", "2026-02-04T07:30:00Z"),
        ("<p>Politik · vor 2 Stunden</p>", "de", "2026-02-04T07:30:00Z"),  # after a section
        ('<div class="teaser-meta">hace 5 minutos</div>', "es", "2026-02-04T09:25:00Z"),
        ("<span>12 January</span>", "en", "2026-01-12T00:00:00Z"),
        ("<span>Dec 12</span>", "en", "2025-12-12T00:00:00Z"),
        ("<span>12.01.</span>", "de", "2026-01-12T00:00:00Z"),
        # a span back without a digit, or a number and a unit alone, on a plain line
        ("<span>an hour ago</span>", "en", "2026-02-04T08:30:00Z"),
        ("<span>Yesterday</span>", "en", "2026-02-03T09:30:00Z"),
        ("<span>gestern</span>", "de", "2026-02-03T09:30:00Z"),
        ("<span>vor einer Stunde</span>", "de", "2026-02-04T08:30:00Z"),
        ("<span>hier</span>", "fr", "2026-02-03T09:30:00Z"),
        ("<span>ayer</span>", "es", "2026-02-03T09:30:00Z"),
        # ... in the languages whose span back the date parser reads
        ("<span>вчера</span>", "ru", "2026-02-03T09:30:00Z"),
        ("<span>час назад</span>", "ru", "2026-02-04T08:30:00Z"),
        ("<span>вчора</span>", "uk", "2026-02-03T09:30:00Z"),
        ("<span>годину тому</span>", "uk", "2026-02-04T08:30:00Z"),
        ("<span>wczoraj</span>", "pl", "2026-02-03T09:30:00Z"),
        ("<span>un'ora fa</span>", "it", "2026-02-04T08:30:00Z"),
        ("<span>gisteren</span>", "nl", "2026-02-03T09:30:00Z"),
        ("<span>χθες</span>", "el", "2026-02-03T09:30:00Z"),
        ("<span>vakar</span>", "lv", "2026-02-03T09:30:00Z"),
        ("<span>Atjaunots pirms 3 stundām</span>", "lv", "2026-02-04T06:30:00Z"),
        ("<span>2 min</span>", "en", "2026-02-04T09:28:00Z"),
        ("<span>13h</span>", "en", "2026-02-03T20:30:00Z"),
        ("<span>19H ago</span>", "en", "2026-02-03T14:30:00Z"),
        # ... but no other words without a digit, nor a count, nor a named duration
        ("<span>Today</span>", "en", None),
        ("<span>Here and now</span>", "en", None),
        ("<span>hier</span>", "de", None),
        ("<span>12 comments</span>", "en", None),
        ("<span>60 Minutes</span>", "en", None),
        ('<span class="duration">2 min</span>', "en", None),
        ('<span class="readtime">4 min</span>', "en", None),
    ],
)
def test_relative_time_of_an_item_counts_back_from_the_time_of_fetching(
    shown: str, language: str, published: str | None
) -> None:
    assert item_times(shown, language, FETCHED) == [published, None]
    assert item_times(shown, language) == [None, None]  # no time of fetching


@pytest.mark.parametrize(
    ("card", "published"),
    [
        # A video's or a podcast's length without markup names: a number and a unit beside
        # a play mark, a player, a media word or a length in minutes and seconds, or hours
        # and minutes, is no span back.
        ("<span>\u25b6</span> <span>45 min</span>", None),
        ("<span>\u25b6 12 min</span>", None),
        ('<img src="/icons/play-button.svg" alt=""><span>12 min</span>', None),
        ('<img src="/img/ferry.jpg" alt="Play video"><span>45 min</span>', None),
        ('<video src="/clips/ferry.mp4"></video><span>12 min</span>', None),
        ('<audio src="/audio/ferry.mp3"></audio><span>45 min</span>', None),
        ("<div>Video</div><div>3 min</div>", None),
        ("<div>PODCAST \u00b7 45 min</div>", None),
        ("<div>Podcast</div> <span>45 min</span>", None),
        ("<div>12 min</div><div>3:45</div>", None),
        ("<span>1 hr 20 min</span>", None),
        ("<span>1h 20m</span>", None),
        # the card's other date is its time, the length beside it is not
        ("<div>45 min</div><div>12 January</div>", "2026-01-12T00:00:00Z"),
        ("<div>\u25b6 45 min</div><div>3 hours ago</div>", "2026-02-04T06:30:00Z"),
        # a span back beside a play mark still is one
        ("<span>\u25b6</span><span>3 hours ago</span>", "2026-02-04T06:30:00Z"),
        ("<span>\u25b6</span><span>19H ago</span>", "2026-02-03T14:30:00Z"),
        # a number and a unit in a card without such a mark is its time, beside a count too
        ("<span>2 min</span>", "2026-02-04T09:28:00Z"),
        ("<span>13h</span> <span>267</span>", "2026-02-03T20:30:00Z"),
        (
            '<img src="/img/playoffs-final.jpg" alt="The final"><span>5d</span>',
            "2026-01-30T09:30:00Z",
        ),
    ],
)
def test_a_media_cards_length_is_no_time(card: str, published: str | None) -> None:
    html = block(
        f'<li><a href="/news/a">Ferry strike ends after pay offer</a> {card}</li>'
        + li("b", "Harbour road closes for repairs")
    )
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
    assert tree.root is not None
    got = find_teasers(tree.root, PAGE, fetched_at=FETCHED, language="en").teasers
    assert [t.published_at for t in got] == [published, None]


def test_a_headline_in_the_page_header_or_a_menu_is_a_teaser() -> None:
    """A breaking-news ticker in the header, a story featured in a menu's dropdown:
    headline items, not the menu's plain section links."""
    html = (
        '<header><a href="/">The Herald</a><nav><a href="/news/">News</a>'
        '<a href="/sport/">Sport</a><div class="dropdown">'
        '<a href="/news/2026/02/05/ferry-strike-ends">Ferry strike ends after the union accepts '
        "a pay offer</a></div></nav>"
        '<div class="ticker"><span>Breaking</span> '
        '<a href="/news/local/2026/02/05/school-lockdown-lifted">Lockdown lifted at Jefferson '
        "High after police search</a></div></header>"
    )
    assert titles(html) == [
        "Ferry strike ends after the union accepts a pay offer",
        "Lockdown lifted at Jefferson High after police search",
    ]


def test_a_lone_related_link_listed_under_a_lead_story_is_a_teaser() -> None:
    """A home page's lead story with one related link in a list below its snippet."""
    html = (
        '<main><article class="lead-story"><h2><a href="/news/2026/02/05/stadium-deal">'
        "Council approves stadium deal in late-night vote</a></h2>"
        "<p>The vote clears the way for construction to begin next year.</p>"
        '<ul><li><a href="/opinion/2026/02/05/stadium-bad-bet">The stadium deal is a bad bet '
        "for taxpayers</a></li></ul></article>"
        '<article class="story-card"><h3><a href="/sports/2026/02/05/hawks-win">Hawks win '
        "fifth straight behind Miller's 38 points</a></h3></article></main>"
    )
    assert titles(html) == [
        "Council approves stadium deal in late-night vote",
        "The stadium deal is a bad bet for taxpayers",
        "Hawks win fifth straight behind Miller's 38 points",
    ]


def test_a_post_navigation_s_links_are_not_teasers() -> None:
    html = (
        '<nav class="navigation post-navigation"><div class="nav-previous">'
        '<a href="/2026/02/04/ferry-strike-ends-after-pay-offer" rel="prev">Ferry strike ends '
        'after the union accepts a pay offer</a></div><div class="nav-next">'
        '<a href="/2026/02/06/lockdown-lifted-at-jefferson-high" rel="next">Lockdown lifted at '
        "Jefferson High after police search</a></div></nav>"
    )
    assert titles(html) == []


# --- what is not a teaser --------------------------------------------------------------------


def test_navigation_and_service_links_are_not_teasers() -> None:
    html = (
        '<header><nav><a href="/world">World</a><a href="/business">Business and economy</a>'
        '<a href="/news/latest-updates-live">Latest updates from the newsroom live</a></nav>'
        "</header>"
        '<nav class="breadcrumb">'
        '<a href="/">Home</a> \u203a <a href="/news/politics-and-the-economy">Politics and the '
        "economy today</a></nav>"
        '<ul class="tags"><li>'
        '<a href="/tag/ferries-and-shipping-lines">Ferries and shipping lines of the '
        "north</a></li></ul>"
        '<div class="share">'
        '<a href="https://social.example/s?u=1">Share this article with your friends</a></div>'
        '<div class="pagination"><a href="/news?page=2">Next page of older stories</a></div>'
        '<p class="byline">By <a href="/authors/ann-lee-and-tom-reyes">Ann Lee and Tom '
        "Reyes</a></p>"
        '<a class="more" href="/news">See all news</a>'
        '<a href="/news/this-article#comments">Leave the first comment on this story</a>'
        '<a href="https://site.example/news/this-article/">The article headline of this page '
        "again</a>"
        '<footer><ul><li><a href="/about">About the Herald group</a></li><li>'
        '<a href="/jobs">Work for the Herald group</a></li></ul></footer>'
    )
    assert titles(html) == []


def test_a_jump_to_a_part_of_the_page_is_no_teaser() -> None:
    # A live page's key events link to its own entries through a permalink query.
    entry = "/news/this-article?page=with:block-{n}#block-{n}"
    html = (
        "<h1>Live: the article headline of this page</h1>"
        '<div class="key-events"><h2>Key events</h2><ul>'
        f'<li><a href="{entry.format(n=2)}">Fuel duty frozen for another year</a></li>'
        f'<li><a href="{entry.format(n=1)}">Chancellor arrives at the Commons</a></li>'
        "</ul></div>"
        f'<div id="block-2"><h2><a href="{entry.format(n=2)}">Fuel duty frozen for another year'
        "</a></h2><p>The chancellor has confirmed that fuel duty will be frozen again.</p></div>"
        '<div id="block-1"><h2>Chancellor arrives at the Commons</h2>'
        "<p>The chancellor has arrived and will begin her statement shortly.</p></div>"
    )
    assert titles(html) == []


@pytest.mark.parametrize(
    "href",
    [
        "/tag/housing-market-crisis",
        "/topics/energy-prices/",
        "/news/author/ann-lee-and-tom-reyes",
        "https://site.example/category/personal-finance-how-to",
    ],
)
def test_long_links_to_tag_topic_and_author_pages_are_not_teasers(href: str) -> None:
    # chips and labels of many words, outside any tag-list markup
    html = block(
        f'<li><a href="{href}">The housing market crisis explained</a></li>'
        + li("b", "Council passes the budget after a long night")
        + li("c", "Harbour road closes for repairs next week")
    )
    assert titles(html) == [
        "Council passes the budget after a long night",
        "Harbour road closes for repairs next week",
    ]


def test_story_urls_under_a_listing_segment_stay_teasers() -> None:
    # an id or a date marks a story; a columnist's slug after the name is a story too
    html = block(
        '<li><a href="/topics/elections/2026/02/04/polls-close">Polls close across '
        "the country tonight</a></li>"
        '<li><a href="/author/ann-lee/48213577">Why the tram line matters for the '
        "suburbs</a></li>"
        '<li><a href="/columnists/ann-lee/why-the-budget-matters">Why this budget matters '
        "more than most</a></li>"
    )
    assert len(titles(html)) == 3


def test_linked_page_headline_is_no_teaser() -> None:
    # an article's only <h1> linking elsewhere (its permalink, a series page) is its headline
    html = (
        '<article><header><h1><a href="/news/2026/02/04/tram-line">Council approves the tram '
        'line</a></h1><img src="/i/tram.jpg"></header><div class="body"><p>Body text.</p></div>'
        "</article>"
    )
    assert titles(html) == []


@pytest.mark.parametrize(
    "image",
    [
        '<a href="/news/2026/02/04/tram-line"><img src="/i/tram.jpg"></a>',
        '<a href="/news/2026/02/04/tram-line"><picture><img src="/i/tram.jpg"></picture></a>',
    ],
)
def test_lead_story_of_a_home_page_in_h1_with_its_image_link_is_a_teaser(image: str) -> None:
    html = (
        f'<div class="lead">{image}<div class="text"><span class="kicker">City</span>'
        '<h1><a href="/news/2026/02/04/tram-line">Council approves the tram line</a></h1>'
        "<p>The route links the centre with the airport.</p></div></div>"
    )
    got = teasers(html)
    assert [(t.title, t.image) for t in got] == [
        ("Council approves the tram line", "https://site.example/i/tram.jpg")
    ]


def test_links_in_running_body_sentences_are_not_teasers() -> None:
    inline = (
        '<p>Officials said the <a href="/news/earlier-report-on-the-budget">earlier report on '
        "the budget vote</a> "
        "had been revised twice before the council met on Tuesday evening.</p>"
    )
    assert titles(BODY.format(inline=inline)) == []


SENTENCE_LINK = (
    'The council said on Monday that <a href="/news/2026/02/03/ferry-strike-ends-after-pay-'
    'offer">the ferry strike ends after a pay offer</a> was accepted by a large majority of '
    "the crew."
)


@pytest.mark.parametrize(
    "inline",
    [
        f'<p><span class="text">{SENTENCE_LINK}</span></p>',
        f"<p><em>{SENTENCE_LINK}</em></p>",
        f"<p><strong>{SENTENCE_LINK}</strong></p>",
        f'<p><font face="Arial"><font size="3">{SENTENCE_LINK}</font></font></p>',
        f"<p><span><span>{SENTENCE_LINK}</span></span></p>",
        # the sentence split across wrappers: text beside the link in another inline level
        '<p><span>The council said on Monday that <span><a href="/news/2026/02/03/ferry-'
        'strike-ends-after-pay-offer">the ferry strike ends after a pay offer</a></span>'
        "</span> was accepted by all.</p>",
        f'<div class="para">Bare text of the body. <span>{SENTENCE_LINK}</span></div>',
    ],
)
def test_links_in_sentences_wrapped_by_inline_elements_are_not_teasers(inline: str) -> None:
    assert titles(BODY.format(inline=inline)) == []


READ_THE = (
    '<p>Read the <a href="/news/2026/02/03/ferry-strike-ends-after-pay-offer">council\'s full '
    "statement on the ferry strike</a> here.</p>"
)
FOLLOW = (
    '<p>Follow <a href="/live/storm-updates-north-coast">our live coverage of the storm on the '
    "north coast</a>.</p>"
)
THE_REPORT = (
    '<p>The report <a href="/news/harbour-budget-report">on the harbour budget for next '
    "year</a> was published on Monday.</p>"
)

OPENS = (
    '<p><a href="/news/2026/02/02/ferry-crews-vote-on-the-pay-offer">Ferry crews voting on '
    "the pay offer</a> has been delayed until after the storm.</p>"
)


@pytest.mark.parametrize(
    "inline",
    [
        # short sentences that are mostly link text, one after another in the body
        READ_THE + FOLLOW,
        THE_REPORT,
        # the sentences in inline wrappers
        f"<p><span>{READ_THE[3:-4]}</span></p><p><em>{FOLLOW[3:-4]}</em></p>",
        # a sentence that opens with its link
        OPENS,
    ],
)
def test_links_in_short_body_sentences_are_not_teasers(inline: str) -> None:
    assert titles(BODY.format(inline=inline)) == []


PROMO_LINK = '<a href="/news/other-story">Council passes the budget after a long night</a>'
SHORT_SENTENCES = [
    # (html, whether its first link sits in running text)
    # a sentence: words on both sides of the link, or a verb before it and its end after it
    (READ_THE, True),
    (FOLLOW, True),
    (THE_REPORT, True),
    (f"<p><span>{READ_THE[3:-4]}</span></p>", True),
    # promos: the link alone, after a label, or beside a kicker, a date or a media tag
    (f"<p>{PROMO_LINK}</p>", False),
    (f"<p>Read more: {PROMO_LINK}.</p>", False),
    (f"<p>Read more {PROMO_LINK}.</p>", False),
    (f"<p><strong>Lire aussi :</strong> {PROMO_LINK}</p>", False),
    (f"<p>In pictures: {PROMO_LINK}</p>", False),
    (f"<p>Politics {PROMO_LINK} 3 Feb 2026</p>", False),
    (f"<p>Watch {PROMO_LINK} (video)</p>", False),
    (f"<li>{PROMO_LINK} Crews back at work.</li>", False),
    # a link that opens a sentence its lower-case words continue and end, in a paragraph
    (OPENS, True),
    # a headline opening a paragraph or list entry beside a snippet, a date or a source
    (f"<p>{PROMO_LINK} Crews back at work.</p>", False),
    (f"<p>{PROMO_LINK} 3 hours ago</p>", False),
    (f"<p>{PROMO_LINK} \u2014 Reuters</p>", False),
    (f"<p>{PROMO_LINK} by Ann Lee.</p>", False),
    (f"<p>{PROMO_LINK} has been delayed</p>", False),
    (f"<p>{PROMO_LINK}, updated 3 hours ago</p>", False),
    (f"<p>{PROMO_LINK}, updated.</p>", False),
    (f"<li>{PROMO_LINK}, a guide to the new budget.</li>", False),
    (f"<li>{PROMO_LINK} 3 Feb 2026</li>", False),
    (f"<div>{PROMO_LINK} Crews back at work.</div>", False),
    # the same sentence in a list entry or a block of prose outside a paragraph
    (f"<li>{OPENS[3:-4]}</li>", True),
    (f"<div>{OPENS[3:-4]}</div>", True),
    # a link that opens a sentence, then an aside between commas ("<a>Name</a>, 42, was ...")
    (f"<p>{OPENS[3 : OPENS.index('</a>') + 4]}, 42, of Leeds, was re-elected.</p>", True),
    (f"<div>{OPENS[3 : OPENS.index('</a>') + 4]}, who is 42, was re-elected.</div>", True),
    # a list of promos written as sentences around their links
    (
        "<li>Could the harbour wall <a href='/news/harbour-wall-storm'>survive another "
        "winter storm</a>?</li>",
        False,
    ),
    (
        f"<li>Sport {PROMO_LINK}, <a href='/news/b'>Harbour road closes for repairs</a></li>",
        False,
    ),
]


def test_short_promos_in_the_body_stay_inline_promos() -> None:
    inline = f"<p>Read more: {PROMO_LINK}.</p>"
    got = teasers(BODY.format(inline=inline))
    assert [(t.title, t.block) for t in got] == [
        ("Council passes the budget after a long night", "inline-related")
    ]


def test_story_list_of_a_hover_card_inside_a_sentence_is_not_the_sentence() -> None:
    card = (
        '<span class="person"><a href="/people/ann-lee">Ann Lee</a><span class="card"><span>'
        '<img src="/img/ann-lee.jpg"><a href="/people/ann-lee">Ann Lee</a> '
        '<a href="/news/ferry-strike-ends-after-pay-offer">Ferry strike ends after pay offer</a> '
        '<a href="/news/harbour-road-closes-for-repairs">Harbour road closes for repairs</a>'
        "</span></span></span>"
    )
    inline = (
        f"<p><span>The mayor, {card}, said on Monday that the council would vote on the harbour "
        "budget next week.</span></p>"
    )
    assert titles(BODY.format(inline=inline)) == [
        "Ferry strike ends after pay offer",
        "Harbour road closes for repairs",
    ]


@pytest.mark.parametrize(
    ("html", "inside"),
    [
        # a whole article body in one wrapper: judged by the head of its text
        (f"<p><span>{'The ferry crews met on Sunday. ' * 40}{SENTENCE_LINK}</span></p>", True),
        # a label, then nothing but space before the link
        (
            f"<p><span>Read more: {' ' * 1200}<a href='/news/a'>Ferry strike ends</a></span></p>",
            False,
        ),
        *SHORT_SENTENCES,
    ],
)
def test_running_text_of_long_wrappers_and_short_sentences(html: str, inside: bool) -> None:
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
    link = tree.css_first("a")
    assert link is not None
    assert in_running_text(link, Page(PAGE)) is inside


OLD_HEADLINE = (
    '<b><a href="/news/2006/0314/bus-routes">School board approves new bus routes</a></b>'
)
OLD_SNIPPET = "Students in the north end will spend less time on the bus under the plan."


@pytest.mark.parametrize(
    ("html", "inside"),
    [
        # an older listing's story: headline, line break, snippet
        (f"<p>{OLD_HEADLINE}<br>{OLD_SNIPPET}</p>", False),
        (
            f"<table><tr><td><font size=2>{OLD_HEADLINE}<br>{OLD_SNIPPET}</font></td></tr></table>",
            False,
        ),
        (f"<div><font>{OLD_HEADLINE}</font><br><font>{OLD_SNIPPET}</font></div>", False),
        # the lines above it count, unless they list other stories
        (
            f"<p><b>Don't miss</b><br><b><a href='/news/a-b-c-d'>A story listed above</a>"
            f" [Warning]</b><br><a href='/news/e-f-g'>Another story listed above</a><br>"
            f"{OLD_HEADLINE}</p>",
            False,
        ),
        # a byline's author above its date line
        (
            "<p>By <a href='/news/2006/0314/bus-routes'>Mike Ward and Ann Lee</a><br>"
            "<span>Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)</span></p>",
            True,
        ),
        # a call closing a paragraph of text
        (f"<p>{OLD_SNIPPET}<br>{OLD_HEADLINE}</p>", True),
        # a dateline or kicker line above it, no sentence's end: the line opens its story
        (
            f"<p>Monday, May 14, 2012 - from the education desk<br>{OLD_HEADLINE}<br>"
            f"{OLD_SNIPPET}</p>",
            False,
        ),
        (
            "<p><font>SCHOOLS, COLLEGES AND NURSERIES IN THE NORTH END<br>"
            f"{OLD_HEADLINE}</font></p>",
            False,
        ),
        # a blank line above it: the text above is another paragraph (a page without <p>)
        (f"<div>{OLD_SNIPPET}<br><br>{OLD_HEADLINE}<br><br>{OLD_SNIPPET}</div>", False),
        (f"<div>{OLD_SNIPPET}<br> <br><b>Read more: {OLD_HEADLINE}</b><br><br></div>", False),
        # a hard-wrapped sentence goes on in lower case after the break
        (f"<p>{OLD_HEADLINE}<br>with three days of talks left before the vote on it.</p>", True),
        # a sentence on the link's own line is still one
        (f"<p>The members said {OLD_HEADLINE} on Monday after a long debate.<br>Next</p>", True),
        # a card's link holds its picture and headline in blocks; its snippet follows it
        (
            '<div><a href="/news/2006/0314/bus-routes"><div><img src="/b.jpg"></div>'
            f"<div><b>School board approves new bus routes</b></div></a>{OLD_SNIPPET}"
            " The board will vote again in May on the routes for the south end...</div>",
            False,
        ),
        (
            '<div><a href="/news/2006/0314/bus-routes"><span><img src="/b.jpg"></span>'
            "<b>School board approves new bus routes</b></a> for the north end, where pupils"
            " spend up to an hour on the bus each way, after a long debate.</div>",
            True,
        ),
    ],
)
def test_a_line_break_or_a_block_in_the_link_ends_its_sentence(html: str, inside: bool) -> None:
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
    link = tree.css_first('a[href="/news/2006/0314/bus-routes"]')
    assert link is not None
    assert in_running_text(link, Page(PAGE)) is inside


@pytest.mark.parametrize(
    ("html", "inside"),
    [
        # a promo card between paragraphs of a page without <p>, the next one run on
        (
            f"<div>{OLD_SNIPPET}<br><br><a href='/news/2006/0314/bus-routes'><span>"
            f"<span>Also on example.com</span> <span>School board approves new bus routes"
            f"</span></span></a>{OLD_SNIPPET}<br><br>{OLD_SNIPPET}</div>",
            False,
        ),
        (f"<div>{OLD_SNIPPET}<br><br>{OLD_HEADLINE}\n{OLD_SNIPPET}<br><br></div>", False),
        # a sentence that opens with the link goes on in lower case
        (
            f"<div>{OLD_SNIPPET}<br><br><a href='/news/2006/0314/bus-routes'>The school"
            " board's transport panel</a> said on Monday that the routes start in May.</div>",
            True,
        ),
        # words before the link on its line: the capital is a name inside the sentence
        (
            f"<div>{OLD_SNIPPET}<br><br>After the vote, {OLD_HEADLINE} Students in the north"
            " end will spend less time on the bus.</div>",
            True,
        ),
        # no line break above it: an older listing's snippet on the headline's line is
        # still read as the rest of its sentence
        (f"<p>{OLD_HEADLINE} {OLD_SNIPPET}</p>", True),
    ],
)
def test_a_new_sentence_after_a_link_opening_a_paragraph_after_a_break_ends_its_own(
    html: str, inside: bool
) -> None:
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
    link = tree.css_first('a[href="/news/2006/0314/bus-routes"]')
    assert link is not None
    assert in_running_text(link, Page(PAGE)) is inside


@pytest.mark.parametrize(
    "item",
    [
        # a card: its headline wrapped in a span beside a short kicker and a date
        '<li><span class="kicker">Transport</span> <span class="title"><a href="/news/a">'
        'Ferry strike ends after pay offer</a></span> <span class="date">3 Feb 2026</span></li>',
        # the same with kicker and date inside the wrapper
        '<li><span class="card"><span class="kicker">Transport</span> <a href="/news/a">Ferry '
        'strike ends after pay offer</a> <span class="date">3 Feb 2026</span></span></li>',
        # a list item: a link and a short snippet
        '<li><span><a href="/news/a">Ferry strike ends after pay offer</a> Crews back at '
        "work.</span></li>",
    ],
)
def test_wrapped_headlines_beside_short_text_stay_teasers(item: str) -> None:
    html = block(item + li("b", "Harbour road closes for repairs"))
    assert titles(html) == [
        "Ferry strike ends after pay offer",
        "Harbour road closes for repairs",
    ]


@pytest.mark.parametrize(
    "inline",
    [
        '<p><span>Read more: <a href="/news/other-story">Council passes the budget after a long '
        "night</a></span></p>",
        '<p><em><strong>Related:</strong> <a href="/news/other-story">Council passes the budget '
        "after a long night</a></em></p>",
    ],
)
def test_wrapped_inline_promos_stay_teasers(inline: str) -> None:
    got = teasers(BODY.format(inline=inline))
    assert [(t.title, t.block) for t in got] == [
        ("Council passes the budget after a long night", "inline-related")
    ]


def test_shop_job_and_coupon_items_are_not_teasers() -> None:
    html = (
        block(
            li("p1", "Stainless steel coffee grinder with ten settings")
            + li("p2", "Wireless headphones with noise cancelling"),
            "<h2>Shop</h2>",
            "product-carousel",
        )
        + block(
            li("j1", "Senior reporter for the business desk wanted")
            + li("j2", "Night editor for the digital team wanted"),
            "<h2>Jobs</h2>",
            "jobs-board",
        )
        + block(
            li("c1", "Twenty percent off all garden furniture this week")
            + li("c2", "Free delivery on orders over fifty euros"),
            "<h2>Deals</h2>",
            "coupon-list",
        )
    )
    assert titles(html) == []


def test_hidden_items_are_not_teasers_even_without_cleaning() -> None:
    items = li("a", "Ferry strike ends after pay offer") + li(
        "b", "Harbour road closes for repairs"
    )
    html = (
        f"<section hidden><h2>Related</h2><ul>{items}</ul></section>"
        f'<div style="display:none"><ul>{items}</ul></div>'
        f'<div aria-hidden="true"><ul>{items}</ul></div>'
        f"<noscript><ul>{items}</ul></noscript><template><ul>{items}</ul></template>"
    )
    assert titles(html) == []


# --- inline promos and paid content -------------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "Read more:",
        "Related:",
        "See also",
        "Lire aussi :",
        "À lire aussi",
        "Lesen Sie auch:",
        "Leia também:",
        "Leggi anche:",
        "Lea también:",
        "Czytaj też:",
        "Читайте также:",
        "A lire aussi:",
        "Läs även:",
        "Baca juga:",
        "Xem thêm:",
        "Lue myös:",
        "Čtěte také:",
        "Διαβάστε επίσης:",
        "Читайте також:",
        "\u95a2\u9023\u8a18\u4e8b\uff1a",  # Japanese
        "\u76f8\u5173\u9605\u8bfb\uff1a",  # Chinese
        "\uad00\ub828\uae30\uc0ac:",  # Korean
        "\u25b6 \uad00\ub828\uae30\uc0ac:",  # Korean, behind an arrow
        "\u203b \uad00\ub828\uae30\uc0ac:",  # Korean, behind a reference mark
        "[\uad00\ub828\uae30\uc0ac]",  # Korean, in brackets
        "\u3010\u95a2\u9023\u8a18\u4e8b\u3011",  # Japanese, in lenticular brackets
        "[Related]",
        # Behind other marks, or in other brackets.
        "➤ Read more:",  # a dingbat arrow
        "👉 Read more:",  # an emoji pointing hand
        "▷ 관련기사",  # Korean, behind a white triangle
        "• Related:",  # a bullet
        "» Lesen Sie auch:",
        "«Lesen Sie auch»",  # German in guillemets
        "(Related)",
        "《相关阅读》",  # Chinese, in double angle brackets
        "「関連記事」",  # Japanese, in corner brackets
        "\uff3b\uad00\ub828\uae30\uc0ac\uff3d",  # Korean, in fullwidth square brackets
        "〖関連記事〗",  # Japanese, in white lenticular brackets
        "\u0627\u0642\u0631\u0623 \u0623\u064a\u0636\u0627:",  # Arabic
        "\u092f\u0939 \u092d\u0940 \u092a\u0922\u093c\u0947\u0902:",  # Hindi
    ],
)
def test_inline_promo_labels_in_many_languages(label: str) -> None:
    link = '<a href="/news/other-story">Council passes the budget after a long night</a>'
    inline = f"<p><strong>{label}</strong> {link}</p>"
    got = teasers(BODY.format(inline=inline))
    assert [(t.title, t.block) for t in got] == [
        ("Council passes the budget after a long night", "inline-related")
    ]


def test_standalone_link_paragraph_in_body_is_an_inline_promo() -> None:
    inline = '<p><a href="/news/other-story">Council passes the budget after a long night</a></p>'
    assert [t.block for t in teasers(BODY.format(inline=inline))] == ["inline-related"]


PRODUCT_PROSE = (
    "<p>The jacket kept us dry through a whole day of driving rain, and the vents let enough air "
    "in that we rarely felt clammy on the climbs.</p>"
    "<p>The hood turns with your head and cinches with one hand; the only drawback is its "
    "weight, which rules it out for fast and light trips.</p>"
)


@pytest.mark.parametrize(
    "heading",
    [
        '<h2>1. <a href="https://shop.example/p/northpeak-storm-shell">Northpeak Storm Shell '
        "Jacket</a></h2>",
        '<h3><a href="https://maker.example/en/jackets/aurora-pro">Fjellwear Aurora Pro</a></h3>',
        '<h2><a href="/shop/ridgeway-parka-3">Ridgeway Winter Parka</a></h2>',
    ],
)
def test_linked_subheading_followed_by_its_own_prose_is_no_promo(heading: str) -> None:
    found = scan(BODY.format(inline=heading + PRODUCT_PROSE))
    assert found.teasers == ()
    assert [node.tag for node in found.subheadings] == [heading[1:3]]


# The same story as a page without <p> and headings sets it: runs of text between
# blank lines, a bold line alone for each heading.
PLAIN_BODY = (
    "<div><div><b>The article headline of this page</b></div><div>"
    "First paragraph of the article body, long enough to read as running prose here, and "
    "then some more.<br><br>"
    "Second paragraph of the article body, also long enough to read as running prose, with "
    "more words.<br><br>"
    "{inline}"
    "Third paragraph of the article body, which closes the story for the reader, with a "
    "last sentence.<br><br>"
    "</div></div>"
)
PLAIN_PRODUCT_PROSE = PRODUCT_PROSE.replace("<p>", "").replace("</p>", "<br><br>")


def test_linked_bold_line_followed_by_its_own_runs_of_prose_is_no_promo() -> None:
    heading = (
        '<div><b><a href="https://maker.example/en/jackets/aurora-pro">Fjellwear Aurora Pro'
        " Shell Jacket</a></b></div>"
    )
    found = scan(PLAIN_BODY.format(inline=heading + PLAIN_PRODUCT_PROSE))
    assert found.teasers == ()
    assert [node.text() for node in found.subheadings] == ["Fjellwear Aurora Pro Shell Jacket"]


def test_linked_bold_line_with_a_one_line_snippet_stays_an_inline_promo() -> None:
    inline = (
        '<div><b><a href="https://other.example/news/council-passes-the-budget">Council passes '
        "the budget after a long night</a></b></div>Councillors argued until dawn over the "
        "cuts.<br><br>"
    )
    found = scan(PLAIN_BODY.format(inline=inline))
    assert [(t.title, t.block) for t in found.teasers] == [
        ("Council passes the budget after a long night", "inline-related")
    ]
    assert found.subheadings == ()


@pytest.mark.parametrize(
    "inline",
    [
        # A story of the site, however much prose follows.
        '<h3><a href="/news/2026/01/14/council-passes-the-budget">Council passes the budget '
        "after a long night</a></h3>" + PRODUCT_PROSE,
        # Another site's story with a one-line snippet beside it.
        '<h3><a href="https://other.example/news/council-passes-the-budget">Council passes the '
        "budget after a long night</a></h3><p>Councillors argued until dawn over the cuts.</p>",
        # A promo card holds its snippet.
        '<div class="promo"><h3><a href="https://other.example/news/council-passes-the-budget">'
        "Council passes the budget after a long night</a></h3><p>Councillors argued until dawn "
        "over the cuts.</p></div>" + PRODUCT_PROSE,
    ],
)
def test_linked_heading_promos_in_the_body_stay_inline_teasers(inline: str) -> None:
    found = scan(BODY.format(inline=inline))
    assert [(t.title, t.block) for t in found.teasers] == [
        ("Council passes the budget after a long night", "inline-related")
    ]
    assert found.subheadings == ()


def test_items_showing_a_price_are_products_whatever_their_markup() -> None:
    html = block(
        '<li><a href="/shop/harbour-rain-jacket-blue">Harbour rain jacket in blue, '
        "waterproof edition</a><span>\u00a349.99</span></li>"
        '<li><a href="/shop/fleece-lined-boots">Fleece lined boots for long winter '
        "walks</a><span>Was $80, now $59.99</span></li>",
        "<h2>Picked for you</h2>",
        "picks",
    )
    assert titles(html) == []


def test_a_story_whose_snippet_names_a_sum_stays_a_teaser() -> None:
    html = block(
        '<li><a href="/news/port-sold">Port operator sold to investors in record deal</a>'
        "<p>The buyers paid $4.50 a share for the company, above the market price.</p></li>"
        + li("b", "Harbour road closes for repairs")
    )
    assert titles(html) == [
        "Port operator sold to investors in record deal",
        "Harbour road closes for repairs",
    ]


@pytest.mark.parametrize("label", ["Jobs", "Job listings", "Classifieds", "Stellenangebote"])
def test_blocks_labelled_as_job_ads_or_classifieds_are_not_teasers(label: str) -> None:
    html = block(
        li("j1", "Senior harbour engineer for the city council")
        + li("j2", "Night editor for the digital team of the paper"),
        f"<h2>{label}</h2>",
        "box",
    )
    assert titles(html) == []


@pytest.mark.parametrize(
    "marker",
    [
        '<span class="source">Promoted by Acme Insurance</span>',
        "<small>Sponsored by Acme</small>",
    ],
)
def test_items_promoted_by_a_named_advertiser_are_sponsored(marker: str) -> None:
    html = block(
        f'<li><a href="https://brand.example/offer">How one firm cut its energy bill '
        f"in half</a>{marker}</li>" + li("b", "Harbour road closes for repairs")
    )
    assert [t.sponsored for t in teasers(html)] == [True, False]


@pytest.mark.parametrize(
    "marker",
    [
        '<span class="badge">Sponsored</span>',
        "<small>Paid partner content</small>",
        '<span class="label">Anzeige</span>',
        "<small>Materiał partnera</small>",
        "<small>Sponsorlu içerik</small>",
        "<small>Konten Bersponsor</small>",
        "<small>광고</small>",
        "<small>إعلان</small>",
        "<small>محتوى مدفوع</small>",
        "<small>प्रायोजित</small>",
        '<span class="label">Sponsored \u00b7 Pacific Cloud</span>',
        "<small>Paid post | Acme Insurance</small>",
        "<small>Contenuto sponsorizzato</small>",
        "<small>Sponsorizzato da Acme</small>",
        "<small>Conte\u00fado patrocinado</small>",
    ],
)
def test_items_labelled_as_paid_are_sponsored(marker: str) -> None:
    html = block(
        f'<li>{marker} <a href="https://brand.example/offer">How one firm cut its energy bill '
        "in half</a></li>" + li("b", "Harbour road closes for repairs")
    )
    assert [t.sponsored for t in teasers(html)] == [True, False]


@pytest.mark.parametrize(
    "disclosure", ["Sponsored Links by Vendor", "Promoted Stories by Vendor", "Ads by Vendor"]
)
def test_a_widget_whose_header_links_its_vendor_s_disclosure_is_sponsored(disclosure: str) -> None:
    """A recommendation widget's header: its label and a link to the vendor's page
    ("Sponsored Links by ..."), which is the widget's paid label and no story."""
    item = (
        '<div class="card"><a href="https://{0}.example/offer"><span class="item-title">{1}</span>'
        '<span class="branding">Brand</span></a></div>'
    )
    html = (
        '<div class="widget"><div class="widget-header"><span>You May Like</span> '
        f'<a href="https://vendor.example/what-is">{disclosure}</a></div>'
        + item.format("garden", "Gardeners swear by this simple lawn trick")
        + item.format("cruise", "Over 60s cruises now half price this spring")
        + "</div>"
    )
    found = teasers(html)
    assert [t.title for t in found] == [
        "Gardeners swear by this simple lawn trick",
        "Over 60s cruises now half price this spring",
    ]
    assert [t.sponsored for t in found] == [True, True]


def test_rel_sponsored_link_is_sponsored() -> None:
    html = block(
        '<li><a rel="sponsored" href="https://brand.example/offer">How one firm cut its '
        "energy bill in half</a></li>" + li("b", "Harbour road closes for repairs")
    )
    assert [t.sponsored for t in teasers(html)] == [True, False]


# --- scan output --------------------------------------------------------------------------------


def test_nodes_are_outermost_and_cover_the_teaser_text() -> None:
    html = block(
        li("a", "Ferry strike ends after pay offer") + li("b", "Harbour road closes for repairs")
    )
    tree = LexborHTMLParser(f"<html><body><p>Other text</p>{html}</body></html>")
    assert tree.root is not None
    result = find_teasers(tree.root, PAGE)
    assert [n.tag for n in result.nodes] == ["section"]
    assert result.text_chars == len("Related") + len("Ferry strike ends after pay offer") + len(
        "Harbour road closes for repairs"
    )
    for node in result.nodes:
        node.decompose()
    assert tree.body is not None and "Ferry" not in tree.body.text()


def test_cjk_headlines_count_characters() -> None:
    html = block(
        li("a", "台风导致沿海地区渡轮全部停航") + li("b", "市议会通过新的有轨电车线路计划")
    )
    assert len(teasers(html)) == 2


def test_published_at_from_a_plain_date_line() -> None:
    html = block(
        '<li><h3><a href="/news/a">Ferry strike ends after pay offer</a></h3>'
        "<p>4 February 2026</p></li>" + li("b", "Harbour road closes for repairs")
    )
    got = teasers(html)
    assert [(t.published_at, t.snippet) for t in got] == [
        ("2026-02-04T00:00:00Z", None),
        (None, None),
    ]


@pytest.mark.parametrize(
    ("line", "published"),
    [
        # a search result's section and date on one meta line
        ("<p>News · 12 January 2026</p>", "2026-01-12T00:00:00Z"),
        ("<p><span>World</span> | <span>4 February 2026</span></p>", "2026-02-04T00:00:00Z"),
        ('<div class="meta">Politics • 27.11.2026, 08:30</div>', "2026-11-27T08:30:00Z"),
        ('<span class="date">Sport · 4 February 2026</span>', "2026-02-04T00:00:00Z"),
        ("<p>4 February 2026 - Opinion</p>", "2026-02-04T00:00:00Z"),
        # a dateline: the date, then where it comes from in words of lower case
        ("<p>4 February 2026 - from our reporter in Millbrook</p>", "2026-02-04T00:00:00Z"),
        ("<p>Wed, 4 Feb 2026 | from the council chamber today</p>", "2026-02-04T00:00:00Z"),
        ("<p>By Ann Lee | 4 February 2026</p>", "2026-02-04T00:00:00Z"),
        ("<p>By Ann Lee and Tom Ray | 4 February 2026</p>", "2026-02-04T00:00:00Z"),
        ("<p>News | 12.03.2026 | 14:35</p>", "2026-03-12T14:35:00Z"),
        # no date alone between the separators
        ("<p>Chapter 12 · 2019 season</p>", None),
    ],
)
def test_published_at_from_a_date_after_other_words_of_a_meta_line(
    line: str, published: str | None
) -> None:
    html = block(
        f'<li><h3><a href="/news/a">Ferry strike ends after pay offer</a></h3>{line}</li>'
        + li("b", "Harbour road closes for repairs")
    )
    got = teasers(html)
    assert [(t.published_at, t.snippet) for t in got] == [(published, None), (None, None)]


@pytest.mark.parametrize(
    "snippet",
    [
        "Crossings resume after nine days | 4 February 2026",  # five words: no label
        "4 February 2026 - Crossings resume after nine days",  # a sentence after the date
        "Crossings resume after nine days - 4 February 2026 - from our reporter",
    ],
)
def test_a_snippet_with_a_date_after_a_separator_stays_a_snippet(snippet: str) -> None:
    html = block(
        f'<li><h3><a href="/news/a">Ferry strike ends after pay offer</a></h3><p>{snippet}</p>'
        "</li>" + li("b", "Harbour road closes for repairs")
    )
    assert [(t.published_at, t.snippet) for t in teasers(html)] == [
        (None, snippet),
        (None, None),
    ]


def test_whole_card_link_splits_headline_and_snippet_by_class() -> None:
    html = block(
        '<li><a class="card" href="/news/a"><span class="card__title">Ferry strike ends after pay'
        ' offer</span><span class="card__desc">Crossings resume on Thursday after nine days.</span>'
        "</a></li>" + li("b", "Harbour road closes for repairs")
    )
    first = teasers(html)[0]
    assert (first.title, first.snippet) == (
        "Ferry strike ends after pay offer",
        "Crossings resume on Thursday after nine days.",
    )


@pytest.mark.parametrize("url", [PAGE, "http://[bad/page", "not a url", ""])
def test_malformed_page_or_link_urls_never_raise(url: str) -> None:
    html = block(
        '<li><a href="http://[bad">Ferry strike ends after pay offer</a></li>'
        + li("b", "Harbour road closes for repairs")
    )
    got = scan(html, url).teasers
    assert all(t.url.startswith("http") for t in got)


def test_block_label_from_a_heading_just_before_the_list() -> None:
    items = li("a", "Ferry strike ends after pay offer") + li(
        "b", "Harbour road closes for repairs"
    )
    html = (
        "<div><h2>A subheading of something else</h2><p>Some text of another part.</p>"
        f"<h3>Related coverage</h3> <!-- list --> <ul>{items}</ul></div>"
    )
    assert [t.block for t in teasers(html)] == ["Related coverage", "Related coverage"]


def test_heading_link_naming_the_block_is_its_label_not_a_teaser() -> None:
    items = li("a", "Ferry strike ends after pay offer") + li(
        "b", "Harbour road closes for repairs"
    )
    html = f'<div><h2><a href="/sci-tech">More news from Sci-Tech</a></h2><ul>{items}</ul></div>'
    got = teasers(html)
    assert [(t.title, t.block) for t in got] == [
        ("Ferry strike ends after pay offer", "More news from Sci-Tech"),
        ("Harbour road closes for repairs", "More news from Sci-Tech"),
    ]


def test_short_heading_link_to_a_section_showing_nothing_else_is_no_teaser() -> None:
    html = (
        '<section class="c-related"><h2>Next up in <a href="/science-and-health">Science &amp; '
        "Health</a></h2><ul>"
        + li("2026/11/19/solar-heat-plant", "A clever new solar solution to a climate problem")
        + li("2026/11/18/rainforest-loss", "Rainforest loss reaches its highest rate in years")
        + "</ul></section>"
        '<div class="cards"><div><h3><a href="/sports/trackandfield">Track and Field</a></h3></div>'
        '<div><h3><a href="/video/?vid=5651">Signing Day 2026</a></h3>'
        '<a href="/video/?vid=5651"><img src="/i/signing.jpg"></a></div></div>'
    )
    assert titles(html) == [
        "A clever new solar solution to a climate problem",
        "Rainforest loss reaches its highest rate in years",
        "Signing Day 2026",
    ]


def test_link_showing_a_date_alone_is_no_teaser() -> None:
    # A feed of posts, each ending with its permalink written as the post's date.
    post = (
        "<div><div><div>Harbour works resume after the storm as the port reopens its quay -\u2026 "
        '<a href="https://sho.rt/x{i}">https://sho.rt/x{i}</a></div><div>'
        '<a href="https://social.example/intent/reply?id=119710588862198{i}">Reply</a></div></div>'
        '<a href="https://social.example/@port">@port</a> <div><p>'
        '<a href="https://social.example/@port/status/119710588862198{i}"> - November 2{i}, 2026, '
        "10:54 am</a></p></div></div>"
    )
    html = f"<div><h3>Follow us</h3><div>{post.format(i=1)}{post.format(i=2)}</div></div>"
    assert titles(html) == []


def test_list_item_whose_headline_starts_with_a_label_word_is_not_inline() -> None:
    html = block(
        li("a", "Related party deals face new audit rules")
        + li("b", "Harbour road closes for repairs")
    )
    assert [t.block for t in teasers(html)] == ["Related", "Related"]


def test_upper_case_scheme_and_protocol_relative_links_are_kept() -> None:
    html = block(
        '<li><a href="HTTPS://Other.Example/a">Ferry strike ends after pay offer</a></li>'
        '<li><a href="//other.example/b">Harbour road closes for repairs</a></li>'
    )
    assert [t.url for t in teasers(html)] == ["https://other.example/a", "https://other.example/b"]


def outside(host: str, path: str, text: str) -> str:
    return f'<li><a href="https://{host}/{path}">{text}</a></li>'


SOURCES = outside("agency.example", "report-2026", "Annual report on river quality 2026") + outside(
    "university.example", "study", "Study of nitrate levels in lowland rivers"
)


@pytest.mark.parametrize(
    "label", ["Sources", "References:", "Quellen", "Fuentes", "Sources et références", "Источники"]
)
def test_a_source_list_is_no_teaser_block(label: str) -> None:
    related = block(
        li("river-cleanup-volunteers", "Volunteers clear two tonnes of river litter")
        + li("otters-return", "Otters return to the upper valley after forty years")
    )
    got = titles(BODY.format(inline="") + block(SOURCES, f"<h2>{label}</h2>", "list") + related)
    assert got == [
        "Volunteers clear two tonnes of river litter",
        "Otters return to the upper valley after forty years",
    ]


def test_a_further_information_list_is_sources_only_when_its_links_leave_the_site() -> None:
    heading = "<h2>Further information</h2>"
    own = li("river-rules", "New rules for river water quality") + li(
        "farm-limits", "Farm fertiliser limits to tighten next year"
    )
    assert titles(block(SOURCES, heading, "list")) == []
    assert titles(block(own, heading, "list")) == [
        "New rules for river water quality",
        "Farm fertiliser limits to tighten next year",
    ]


@pytest.mark.parametrize("label", ["Further reading", "More on this story", "Related", "Literatur"])
def test_a_related_block_of_other_sites_stories_stays_teasers(label: str) -> None:
    assert titles(block(SOURCES, f"<h2>{label}</h2>", "list")) == [
        "Annual report on river quality 2026",
        "Study of nitrate levels in lowland rivers",
    ]


# --- short headlines ------------------------------------------------------------------------

STORY = "/news/2026/02/04/storm-hits-the-north-coast-overnight"


@pytest.mark.parametrize(
    "item",
    [
        # a card: image, short headline link, snippet
        f'<div class="card"><a href="{STORY}"><img src="/i/s.jpg"></a>'
        f'<a href="{STORY}">Storm hits coast</a>'
        "<p>Rivers burst their banks as the storm moved inland overnight.</p></div>",
        # a latest list: time and short headline
        f'<ul><li><time datetime="2026-02-04T10:15:00Z">10:15</time> <a href="{STORY}">Storm hits '
        'coast</a></li><li><time datetime="2026-02-04T09:00:00Z">09:00</time> '
        '<a href="/news/ferry-strike-ends-after-pay-offer-1234567">Ferry strike ends</a></li></ul>',
        # a most-read list: rank number in the link text
        f'<ul><li><a href="{STORY}">1. Storm hits coast</a></li>'
        '<li><a href="/news/ferry-strike-ends-after-pay-offer-1234567">2. Ferry strike ends</a>'
        "</li></ul>",
        # a most-read list: an ordered list, the rank drawn by the style sheet
        f'<ol><li><a href="{STORY}">Storm hits coast</a></li>'
        '<li><a href="/news/ferry-strike-ends-after-pay-offer-1234567">Ferry strike ends</a>'
        "</li></ol>",
    ],
)
def test_short_headline_with_story_structure_and_story_url_is_a_teaser(item: str) -> None:
    got = teasers(f"<section><h2>Latest</h2>{item}</section>")
    assert got[0].title == "Storm hits coast"
    assert got[0].url == "https://site.example" + STORY


def test_short_headline_after_a_promo_label_in_the_body_is_an_inline_promo() -> None:
    inline = f'<p>Read more: <a href="{STORY}">Storm hits coast</a></p>'
    got = teasers(BODY.format(inline=inline))
    assert [(t.title, t.block) for t in got] == [("Storm hits coast", "inline-related")]


@pytest.mark.parametrize(
    "html",
    [
        # a plain list of three-word section names, slug URLs that echo them
        '<div class="sections"><ul>'
        '<li><a href="/news/science-and-environment-news">Science and environment</a></li>'
        '<li><a href="/news/health-and-family-news">Health and family</a></li>'
        '<li><a href="/news/arts-and-culture-news">Arts and culture</a></li></ul></div>',
        # an ordered menu of section names with short URLs
        '<ol><li><a href="/science">Science and environment</a></li>'
        '<li><a href="/health">Health and family</a></li></ol>',
        # topic cards with images: slug URLs under a topic path
        '<div class="card"><img src="/i/t1.jpg"><a href="/topic/ferries-and-shipping-lines">'
        "Ferries and shipping</a></div>"
        '<div class="card"><img src="/i/t2.jpg"><a href="/topic/storms-and-flooding-2026">'
        "Storms and flooding</a></div>",
        # an author card: photo, name and biography, the URL with an id
        '<div class="writer"><img src="/i/ann.jpg"><a href="/author/ann-lee-204871">Ann Lee</a>'
        "<p>Ann Lee covers transport and the regional economy for the paper since 2019.</p></div>",
        # section cards with images and short URLs
        '<div class="card"><a href="/climate"><img src="/i/c.jpg"></a>'
        '<a href="/climate">Climate and environment</a></div>'
        '<div class="card"><a href="/travel"><img src="/i/t.jpg"></a>'
        '<a href="/travel">Travel and holidays</a></div>',
        # an embedded post: its date links to the post, whose URL holds no word of it
        "<blockquote><p>The storm has reached the coast and the ferries stay in port today.</p>"
        '&mdash; Coast Guard <a href="https://social.example/coastguard/status/1196592648481579">'
        "November 19, 2019</a></blockquote>",
        # a few words of a sentence in a list, linked to a story
        '<ul><li><a href="/news/how-to-retire-early-2017-8">Retiring early</a> takes time and '
        'discipline.</li><li><a href="/news/how-to-save-for-a-house-2017">Saving money</a> '
        "starts with a budget.</li></ul>",
        # a link wrapped with its sentence in one inline element
        '<div class="box"><p><span>Watch our free training about <a '
        'href="/news/free-online-business-training-2019">online business</a> and marketing'
        '.</span></p><a href="/news/free-online-business-training-2019"><img src="/i/b.jpg">'
        "</a></div>",
        # a share bar with icons and a report link
        '<div class="story-bottom"><a href="https://social.example/share?u=1"><img src="/i/f.png">'
        '</a><a href="https://social.example/tweet?u=1"><img src="/i/t.png"></a>'
        '<a href="/report-error-1.1162498"><img src="/i/r.png"> Report error</a></div>',
        # a footer list of service links with long slugs
        '<footer><h3>Service</h3><ul><li><a href="/service/contact-and-help-for-readers-2026">'
        "Contact and help</a></li><li><a href="
        '"/service/subscriptions-and-cancellation-online">Subscriptions and cancellation</a>'
        "</li></ul></footer>",
    ],
)
def test_short_links_without_story_structure_or_story_url_are_not_teasers(html: str) -> None:
    assert titles(html) == []


def test_short_link_beside_a_card_headline_leaves_the_card_whole() -> None:
    html = (
        '<section><h2>Latest</h2><div class="card"><a href="/news/a"><img src="/i/a.jpg"></a>'
        '<a class="topic" href="/news/europe-news-in-brief-12345678">Europe news</a>'
        '<h3><a href="/news/a">Ferry strike ends after pay offer</a></h3>'
        "<p>Crossings resume on Thursday after nine days.</p></div></section>"
    )
    got = teasers(html)
    assert [(t.title, t.image) for t in got] == [
        ("Ferry strike ends after pay offer", "https://site.example/i/a.jpg")
    ]


def test_items_found_again_without_a_link_are_the_items_of_a_fresh_page() -> None:
    # The climbs of the first search are remembered on the page; the card's headline
    # stopped below the card, which the topic link's target shared with it.
    html = (
        '<section><h2>Latest</h2><div class="card"><a href="/news/a"><img src="/i/a.jpg"></a>'
        '<a class="topic" href="/news/europe-news-in-brief-12345678">Europe news</a>'
        '<h3><a href="/news/a">Ferry strike ends after pay offer</a></h3></div>'
        '<div class="card"><h3><a href="/news/b">Harbour road closes for repairs</a></h3>'
        "</div></section>"
    )
    root = LexborHTMLParser(f"<html><body>{html}</body></html>").root
    assert root is not None
    page = Page(PAGE)
    links = headline_links(root, page)
    assert [link.short for link in links] == [True, False, False]
    first = items_of(links, page)
    again = items_of(links[1:], page)
    fresh = items_of(links[1:], Page(PAGE))
    assert [node.tag for node, _link in first.values()] == ["a", "h3", "div"]
    assert [(key, link.title) for key, (_node, link) in again.items()] == [
        (key, link.title) for key, (_node, link) in fresh.items()
    ]
    assert [node.tag for node, _link in again.values()] == ["div", "div"]


def test_a_short_and_a_full_headline_of_one_story_keep_the_full_one() -> None:
    html = (
        f'<section><h2>Most read</h2><ol><li><a href="{STORY}">Storm hits coast</a></li>'
        '<li><a href="/news/b">Harbour road closes for repairs</a></li></ol></section>'
        f'<section><h2>More news</h2><ul><li><a href="{STORY}">Storm hits the north coast '
        "overnight</a></li>" + li("c", "Bridge tolls rise from next month") + "</ul></section>"
    )
    got = teasers(html)
    assert [(t.title, t.block) for t in got] == [
        ("Storm hits the north coast overnight", "Most read"),
        ("Harbour road closes for repairs", "Most read"),
        ("Bridge tolls rise from next month", "More news"),
    ]


@pytest.mark.parametrize(
    ("entry", "snippet"),
    [
        (
            " - Crews from four towns fought the blaze before dawn",
            "Crews from four towns fought the blaze before dawn",
        ),
        (
            " \u2014 The branch stays open until five, the trustees said",
            "The branch stays open until five, the trustees said",
        ),
        (
            " - The fair's new director starts in January (more)",
            "The fair's new director starts in January",
        ),
    ],
)
def test_a_snippet_after_a_dash_on_the_headline_line(entry: str, snippet: str) -> None:
    html = block(
        f'<li><a href="/news/2026/01/a-story">Ferry strike ends after pay offer</a>{entry}</li>'
        + f'<li><a href="/news/2026/01/b-story">Harbour road closes for repairs</a>{entry}</li>'
    )
    assert [t.snippet for t in teasers(html)] == [snippet, snippet]


@pytest.mark.parametrize("separator", [": ", " : ", " | "])
def test_a_snippet_after_a_colon_or_a_bar_on_the_headline_line(separator: str) -> None:
    text = "Crews from four towns fought the blaze before dawn on the hill road"
    html = (
        '<div class="list"><p><a href="/news/2026/01/a-story">Ferry strike ends after pay '
        f"offer</a>{separator}{text}</p>"
        '<p><a href="/news/2026/01/b-story">Harbour road closes for repairs</a>'
        f"{separator}{text}</p></div>"
    )
    assert [(t.title, t.snippet) for t in teasers(html)] == [
        ("Ferry strike ends after pay offer", text),
        ("Harbour road closes for repairs", text),
    ]


def test_a_snippet_after_a_dash_with_a_date_before_the_headline() -> None:
    text = "Crews from four towns fought the blaze before dawn on the hill road"
    html = (
        "<ul>"
        f'<li>Jan 28: <a href="/news/2026/01/a-story">Ferry strike ends after pay offer</a> - '
        f"{text}</li>"
        f'<li>Jan 27: <a href="/news/2026/01/b-story">Harbour road closes for repairs</a> - '
        f"{text}</li></ul>"
    )
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
    assert tree.root is not None
    got = find_teasers(tree.root, PAGE, fetched_at=FETCHED, language="en").teasers
    assert [(t.title, t.snippet, t.published_at) for t in got] == [
        ("Ferry strike ends after pay offer", text, "2026-01-28T00:00:00Z"),
        ("Harbour road closes for repairs", text, "2026-01-27T00:00:00Z"),
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        # a colon or a bar after a link in prose: the clause after it goes on in lower case
        'Read <a href="/news/2026/01/a-story">the council report on the ferry</a>: it was '
        "published on Monday afternoon after the vote.",
        '<a href="/news/2026/01/a-story">The council report on the ferry</a>: it was '
        "published on Monday afternoon after the vote.",
        # words before the link that are no lead-in: the dash goes on with the sentence
        'The mayor read <a href="/news/2026/01/a-story">the council report on the ferry</a> - '
        "The Herald had asked for it - before the vote on Monday afternoon.",
        # a lead-in of a sentence's length before the link
        "The mayor, who read it twice before the meeting, said this of the paper: "
        '<a href="/news/2026/01/a-story">the council report on the ferry</a> - It was late, '
        "she said on Monday afternoon.",
    ],
)
def test_a_link_in_prose_before_a_separator_stays_in_its_sentence(paragraph: str) -> None:
    assert teasers(BODY.format(inline=f"<p>{paragraph}</p>")) == ()


def test_a_lower_case_clause_after_a_dash_is_a_sentence() -> None:
    html = (
        '<p><a href="/news/2026/01/a-story">The council report on the ferry</a> - which '
        "nobody had read before the vote - was published on Monday afternoon.</p>"
    )
    assert teasers(html) == ()


def _entries(tag: str, entry: str) -> str:
    """Two entries of ``tag`` in a list holding ``entry`` each, its ``{link}`` a story's."""
    links = (
        '<a href="/news/2026/01/a-story">Ferry strike ends after pay offer</a>',
        '<a href="/news/2026/01/b-story">Harbour road closes for repairs</a>',
    )
    return "".join(f"<{tag}>{entry.format(link=link)}</{tag}>" for link in links)


@pytest.mark.parametrize(
    ("entry", "snippet"),
    [
        # a snippet in lower case after a dash or a colon, entry after entry
        (
            "{link} - crews from four towns fought the blaze before dawn",
            "crews from four towns fought the blaze before dawn",
        ),
        (
            "{link}: the branch stays open until five, the trustees said",
            "the branch stays open until five, the trustees said",
        ),
        # a dateline or a byline longer than a lead-in before the headline
        (
            "Filed Jan 28 by the county desk {link} - Crews from four towns fought the blaze",
            "Crews from four towns fought the blaze",
        ),
        (
            "Posted by Ann Lee and Tom Ng on Tuesday <b>{link}</b> \u2013 Crews from four "
            "towns fought the blaze",
            "Crews from four towns fought the blaze",
        ),
    ],
)
def test_a_snippet_after_a_separator_in_a_list_of_entries(entry: str, snippet: str) -> None:
    for tag, wrap in (("li", "<ul>{}</ul>"), ("p", "<div>{}</div>")):
        got = teasers(wrap.format(_entries(tag, entry)))
        assert [(t.title, t.snippet) for t in got] == [
            ("Ferry strike ends after pay offer", snippet),
            ("Harbour road closes for repairs", snippet),
        ]


@pytest.mark.parametrize(
    "entry",
    [
        # paragraphs of prose one after the other, each with a link before a separator
        "{link} - which nobody had expected before the vote - was agreed on Monday.",
        "The mayor read out {link} - The Herald had asked for it - before the vote.",
        "The mayor, who read it twice before the meeting, said this of {link}: it was late "
        "and it was short, she said on Monday afternoon.",
    ],
)
def test_links_in_prose_paragraphs_before_a_separator_stay_in_their_sentences(
    entry: str,
) -> None:
    assert teasers(BODY.format(inline=_entries("p", entry))) == ()


@pytest.mark.parametrize(
    "paragraph",
    [
        # one paragraph of prose: no entry beside it sets a snippet apart
        '<a href="/news/2026/01/a-story">The council report on the ferry</a> - the one '
        "nobody had read, published on Monday afternoon after the vote.",
        'Filed late on Monday by the desk, <a href="/news/2026/01/a-story">the council '
        "report on the ferry</a> - Harbour staff say - was read by nobody before the vote.",
    ],
)
def test_a_lone_paragraph_with_a_link_before_a_separator_stays_prose(paragraph: str) -> None:
    assert teasers(BODY.format(inline=f"<p>{paragraph}</p>")) == ()


def test_spans_back_are_read_for_a_bounded_number_of_texts_per_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[str] = []

    def counting(text: str, language: str | None, fetched_at: datetime) -> str | None:
        read.append(text)
        return None

    monkeypatch.setattr(teaser_fields, "relative_date", counting)
    monkeypatch.setattr(tt, "MAX_SPANS_BACK", 10)
    items = "".join(
        f'<li><a href="/news/story-{i}">Storm closes the coast road number {i}</a>'
        f'<span class="time">{i // 2} hours ago</span></li>'  # each text twice
        for i in range(60)
    )
    tree = LexborHTMLParser(f"<html><body>{block(items)}</body></html>")
    assert tree.root is not None
    find_teasers(tree.root, PAGE, fetched_at=FETCHED, language="en")
    assert len(read) == 10  # of the page's 30 distinct texts
    assert len(set(read)) == len(read)  # each text read once


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("ทีมชาติไทยชนะเวียดนาม 2-1 ทะลุรอบรองชนะเลิศ", 9),  # Thai: spaces part phrases
        ("ข่าวล่าสุด", 2),  # a block heading stays short
        ("Sport news", 2),
        ("雙北公車票價明年起調整 月票維持1280元", 8),  # CJK: two characters a word
    ],
)
def test_words_of_a_script_without_spaces_are_counted_by_letters(text: str, words: int) -> None:
    assert teaser_fields.word_count(text) == words


@pytest.mark.parametrize("more", ["more...", "Full story &raquo;", "More &gt;&gt;"])
def test_stories_set_as_paragraphs_are_no_inline_promos_and_lose_their_more_link(
    more: str,
) -> None:
    stories = "".join(
        f'<p><b><a href="/news/2006/0314/story-{i}">School board approves bus route {i}</a></b>'
        "<br>Students in the north end of the district will spend less time on the bus under "
        f'a plan passed on Monday. <a href="/news/2006/0314/story-{i}">{more}</a></p>'
        for i in range(3)
    )
    found = teasers(f"<td><font>{stories}</font></td>")
    assert [t.title for t in found] == [f"School board approves bus route {i}" for i in range(3)]
    assert {t.block for t in found} == {None}
    assert {t.snippet for t in found} == {
        "Students in the north end of the district will spend less time on the bus under a plan "
        "passed on Monday."
    }


@pytest.mark.parametrize(
    ("href", "listing"),
    [
        ("https://example.com/tag/housing-crisis", True),
        ("/news/author/ann-lee", True),
        ("https://example.com/tag/2026/03/12/housing-vote", False),
        # A doubled slash in the path does not hide the date before it.
        ("https://example.com/news/2026/03/12//tag/housing-vote", False),
    ],
)
def test_a_listing_url_is_told_by_its_path_and_a_date_marks_a_story(
    href: str, listing: bool
) -> None:
    assert is_listing_url(href) is listing


@pytest.mark.parametrize(
    ("sublist", "end"), [("ul", "ul"), ("ol", "ol"), ("div class=more><ul", "ul></div")]
)
def test_a_lead_card_with_a_list_of_related_stories_keeps_its_snippet_and_image(
    sublist: str, end: str
) -> None:
    # The card holds the related stories' targets too; its headline's item is still the
    # card without the list, and each related story stays a teaser of its own.
    html = (
        '<section class="top"><article class="lead">'
        '<a href="/news/2026/03/14/floods-1234"><img src="/i/floods.jpg" alt=""></a>'
        '<h2><a href="/news/2026/03/14/floods-1234">Floods sweep valley towns as rivers burst'
        " their banks</a></h2>"
        "<p>Thousands of residents were moved overnight as water rose to the highest mark in a"
        " century...</p>"
        f'<{sublist} class="related"><li><a href="/news/2026/03/14/rescue-1235">How the'
        " night-time rescue unfolded street by street</a></li>"
        '<li><a href="/news/2026/03/14/map-1236">Map: the areas under water and the roads'
        f" closed</a></li></{end}></article>"
        '<article class="card"><h3><a href="/news/2026/03/14/talks-1240">Coalition talks'
        " stall over budget demands again</a></h3><p>Negotiators left without a deal.</p>"
        "</article></section>"
    )
    got = scan(html, url="https://site.example/news/").teasers
    assert [(t.title, t.snippet, t.truncated, t.image) for t in got] == [
        (
            "Floods sweep valley towns as rivers burst their banks",
            "Thousands of residents were moved overnight as water rose to the highest mark"
            " in a century...",
            True,
            "https://site.example/i/floods.jpg",
        ),
        ("How the night-time rescue unfolded street by street", None, False, None),
        ("Map: the areas under water and the roads closed", None, False, None),
        (
            "Coalition talks stall over budget demands again",
            "Negotiators left without a deal.",
            False,
            None,
        ),
    ]
    assert got[1].block_index == got[2].block_index != got[0].block_index


def test_a_linked_heading_over_prose_and_a_list_keeps_to_its_heading() -> None:
    # Too much text beside the list for a card: a section of its own, not a story's.
    prose = "<p>" + "The council met again on Monday to weigh the plan for the bridge. " * 10
    html = (
        '<section><h2><a href="/news/2026/03/14/bridge-plan-1300">The bridge plan and what'
        f" it means for the town</a></h2>{prose}</p>"
        '<ul><li><a href="/news/2026/03/14/tolls-1301">Bridge tolls rise from next month'
        ' for all drivers</a></li><li><a href="/news/2026/03/14/works-1302">Road works'
        " close the harbour route until spring</a></li></ul></section>"
    )
    got = scan(html, url="https://site.example/news/").teasers
    assert [(t.title, t.snippet) for t in got][:1] == [
        ("The bridge plan and what it means for the town", None)
    ]


@pytest.mark.parametrize(
    "headline",
    [
        '<div class="story-card__hed">{}</div>',
        '<div class="c-hed">{}</div>',
        '<div class="card__heading">{}</div>',
        '<span class="promo-title">{}</span>',
    ],
)
def test_a_whole_card_link_keeps_its_headline_apart_from_its_snippet(headline: str) -> None:
    html = "".join(
        f'<a class="story-card" href="/news/2026/03/{n}/story-{n}">'
        f'<div class="story-card__img"><img src="/i/{n}.jpg" alt=""></div>'
        '<div class="story-card__txt"><span class="story-card__kicker">City Hall</span>'
        + headline.format(f"Rent freeze vote number {n} delayed as council members argue")
        + f'<p class="story-card__dek">Tenants wait for an answer on vote {n} once again.</p>'
        "</div></a>"
        for n in (1, 2, 3)
    )
    got = scan(f'<div class="stream">{html}</div>', url="https://site.example/topics/rent").teasers
    assert [(t.title, t.snippet) for t in got] == [
        (
            f"Rent freeze vote number {n} delayed as council members argue",
            f"Tenants wait for an answer on vote {n} once again.",
        )
        for n in (1, 2, 3)
    ]


@pytest.mark.parametrize(
    ("href", "text"),
    [
        ("/ricerca/?q=maltempo+lombardia", "maltempo in Lombardia oggi e domani"),
        ("/search?q=storm+warning", "Latest searches for the storm warning"),
        ("/temas/temporal-cantabrico/", "Temporal en el Cantábrico esta semana"),
        ("/services/pharmacies-on-duty", "Pharmacies on duty in the county tonight"),
        ("/sujets/greve-sncf", "Grève à la SNCF : tout ce qu'il faut savoir"),
    ],
)
def test_links_to_search_topic_and_service_pages_are_no_teasers(href: str, text: str) -> None:
    story = li("2026/03/14/storm-closes-harbour-road-12345", "Storm closes the harbour road")
    html = block(f'{story}<li><a href="{href}">{text}</a></li>', heading="<h2>Latest</h2>")
    assert titles(html) == ["Storm closes the harbour road"]


def test_a_widget_headed_as_paid_content_in_italian_marks_its_items() -> None:
    widget = (
        '<div class="outbrain-widget"><h3>Contenuti sponsorizzati</h3><ul>'
        '<li><a href="https://brand.example/offer">How one firm cut its energy bill in half</a>'
        '</li><li><a href="https://other.example/deal">Why these shoes are selling out this'
        " spring</a></li></ul></div>"
    )
    html = block(
        li("b", "Harbour road closes for repairs") + li("c", "Bridge tolls rise from next month")
    )
    assert [t.sponsored for t in teasers(html + widget)] == [False, False, True, True]


def test_a_promo_below_a_story_paragraph_leaves_the_paragraph_out_of_its_item() -> None:
    # A live page's entry: its time, one paragraph of the story, then a promo. The
    # paragraph above the promo is the story's, not the promo's snippet.
    entry = (
        '<article class="block"><p class="block-time"><time>11.10 GMT</time></p>'
        "<p>The Met Office has extended the amber warning for the north-east until 9pm,"
        " with gusts of 70mph possible on exposed coasts.</p>"
        '<aside class="block-related"><p>Related: <a href="/news/2026/mar/13/storm-names">'
        "How are storms named, and why is this one called Isla?</a></p></aside></article>"
    )
    got = teasers(BODY.format(inline=entry))
    assert [(t.title, t.snippet, t.block) for t in got] == [
        ("How are storms named, and why is this one called Isla?", None, "inline-related")
    ]
    node = scan(BODY.format(inline=entry)).nodes[0]
    assert node.tag == "aside"


def test_a_whole_card_link_keeps_its_date_line_out_of_its_title_and_shows_its_date() -> None:
    cards = "".join(
        f'<a class="group block" href="/business/2026/03/{day}/story-{day}">'
        f'<div class="aspect-video"><img alt="" src="/img/{day}.jpg"></div>'
        f'<div class="mt-3 font-semibold">Credit union number {day} opens a downtown branch</div>'
        f'<div class="mt-1 text-sm">Mar {day}, 2026</div></a>'
        for day in (9, 10, 11)
    )
    html = (
        f'<div class="border-t"><div class="text-xl">More in Business</div><div>{cards}</div></div>'
    )
    got = scan(html, url="https://site.example/business/2026/03/14/this-story").teasers
    assert [(t.title, t.published_at) for t in got] == [
        (f"Credit union number {day} opens a downtown branch", f"2026-03-{day:02d}T00:00:00Z")
        for day in (9, 10, 11)
    ]


@pytest.mark.parametrize(
    ("apple", "google"),
    [
        ("T\u00e9l\u00e9charger dans l'App Store", "Disponible sur Google Play"),
        ("Desc\u00e1rgala en la App Store", "Disponible en Google Play"),
        ("Scarica su App Store", "Disponibile su Google Play"),
        ("Baixe na App Store", "Dispon\u00edvel no Google Play"),
        ("Im App Store laden", "Jetzt bei Google Play"),
    ],
)
def test_app_store_badges_in_any_language_are_no_teasers(apple: str, google: str) -> None:
    badges = (
        '<div class="app-links"><a href="https://apps.example/app/the-paper/id123456">'
        f'{apple}</a> <a href="https://store.example/apps/details?id=paper">{google}</a></div>'
    )
    html = block(li("b", "Harbour road closes for repairs") + li("c", "Bridge tolls rise again"))
    assert titles(html + badges) == ["Harbour road closes for repairs", "Bridge tolls rise again"]


@pytest.mark.parametrize("clock", ["02:14", "1:02:30", "9:45"])
def test_a_video_length_opening_a_headline_is_left_out_of_its_title(clock: str) -> None:
    items = "".join(
        f'<li><a href="/video/clip-{n}"><span class="clip__dauer">{clock}</span> '
        f"<span>Lawinenabgang am Arlberg: Die Drohnenbilder Nummer {n}</span></a></li>"
        for n in (1, 2)
    )
    assert titles(block(items, "<h2>Neueste Videos</h2>")) == [
        f"Lawinenabgang am Arlberg: Die Drohnenbilder Nummer {n}" for n in (1, 2)
    ]


def test_a_kicker_and_a_date_around_a_heading_stand_on_lines_of_their_own() -> None:
    cards = "".join(
        f'<div class="n"><a href="/a/2026/03/{day}/story-{day}.html"><img src="/i/{day}.jpg"></a>'
        f'<span>Poll</span><h3><a href="/a/2026/03/{day}/story-{day}.html">Coalition candidate'
        f" number {day} takes a twelve point lead</a></h3><span>March {day}, 2026</span></div>"
        for day in (10, 11, 12)
    )
    got = scan(f"<main>{cards}</main>", url="https://site.example/topics/vote/").teasers
    assert [(t.title, t.published_at, t.snippet) for t in got] == [
        (
            f"Coalition candidate number {day} takes a twelve point lead",
            f"2026-03-{day}T00:00:00Z",
            None,
        )
        for day in (10, 11, 12)
    ]


@pytest.mark.parametrize("footer", ['<div class="rodape">', '<div class="site-rodape">'])
def test_a_footer_named_in_portuguese_holds_no_teasers(footer: str) -> None:
    html = block(li("b", "Harbour road closes for repairs") + li("c", "Bridge tolls rise again"))
    links = (
        '<a href="/institucional/quem-somos/">Quem somos e o que fazemos todos os dias</a>'
        '<a href="/institucional/politica/">Política de privacidade do nosso jornal</a>'
    )
    assert titles(f"{html}{footer}{links}</div>") == [
        "Harbour road closes for repairs",
        "Bridge tolls rise again",
    ]


def test_a_subscription_offer_in_portuguese_is_no_teaser() -> None:
    html = block(li("b", "Harbour road closes for repairs") + li("c", "Bridge tolls rise again"))
    offer = '<p><a href="https://assine.example/">Assine a Folha e tenha acesso ilimitado</a></p>'
    assert titles(html + offer) == ["Harbour road closes for repairs", "Bridge tolls rise again"]


@pytest.mark.parametrize(
    ("line", "language", "published"),
    [
        (
            "Publi\u00e9 le 11/03/2026 \u00e0 17h40, mis \u00e0 jour le 12/03/2026 \u00e0 09h02",
            "fr",
            "2026-03-11T17:40:00Z",
        ),
        ("11 March 2026, updated 12 March 2026", "en", "2026-03-11T00:00:00Z"),
        ("11.03.2026 \u2013 aktualisiert 12.03.2026", "de", "2026-03-11T00:00:00Z"),
    ],
)
def test_an_items_time_line_with_its_update_gives_its_publication(
    line: str, language: str, published: str
) -> None:
    items = "".join(
        f'<li><a href="/news/story-{n}">Harbour road number {n} closes for repairs</a>'
        f'<p class="date">{line}</p></li>'
        for n in (1, 2)
    )
    got = scan(block(items), language=language).teasers
    assert [t.published_at for t in got] == [published, published]


def test_a_lead_card_with_its_picture_beside_its_lines_keeps_the_picture() -> None:
    html = (
        '<section class="une"><article class="lead">'
        '<figure><a href="/news/2026/03/14/floods-1234"><img src="/i/floods.jpg" alt=""></a>'
        '</figure><div class="lead__text"><h2><a href="/news/2026/03/14/floods-1234">Floods'
        " sweep valley towns as rivers burst their banks</a></h2>"
        "<p>Thousands of residents were moved overnight as water rose to the highest mark in a"
        " century.</p>"
        '<ul><li><a href="/news/2026/03/14/rescue-1235">How the night-time rescue unfolded'
        ' street by street</a></li><li><a href="/news/2026/03/14/map-1236">Map: the areas'
        " under water and the roads closed</a></li></ul></div></article></section>"
    )
    got = scan(html, url="https://site.example/news/").teasers
    assert (got[0].title, got[0].image) == (
        "Floods sweep valley towns as rivers burst their banks",
        "https://site.example/i/floods.jpg",
    )
    assert got[0].snippet is not None and len(got) == 3
