"""Authors and dates a page shows beside its headline but does not declare."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from service.extract.metadata import Metadata, read_metadata

URL = "https://news.example/local/2026/03/12/story.html"


def _read(body: str, head: str = "") -> Metadata:
    html = f"<html><head><title>T</title>{head}</head><body>{body}</body></html>"
    return read_metadata(LexborHTMLParser(html), URL)


ARTICLE = """<nav><a href="/">Home</a></nav>
<article><h1>Headline of the story</h1>
<div class="meta">{byline}{date}</div>
<div class="body"><p>The story's first paragraph, long enough to read as prose.</p></div>
<div class="author-bio"><p>Jane Doe is a reporter covering city hall.</p></div>
</article>
<section class="related"><article><h3><a href="/a">Other story</a></h3>
<span class="author">By Someone Else</span><span class="date">1 January 2025</span>
</article></section>"""


@pytest.mark.parametrize(
    ("byline", "date", "authors", "published"),
    [
        (
            '<span class="autor">Por María López</span>',
            '<span class="fecha">12 de marzo de 2026, 10:45</span>',
            ("María López",),
            "2026-03-12T10:45:00Z",
        ),
        (
            '<p class="autor">Por João Silva</p>',
            '<p class="data">15 de março de 2026 às 14h30</p>',
            ("João Silva",),
            "2026-03-15T14:30:00Z",
        ),
        (
            '<span class="author">Автор: Иван Петров</span>',
            '<span class="date">4 февраля 2026, 09:30</span>',
            ("Иван Петров",),
            "2026-02-04T09:30:00Z",
        ),
        (
            "",
            '<p class="date">2026年2月4日 9時30分</p>',
            (),
            "2026-02-04T09:30:00Z",
        ),
        (
            '<div class="byline">By <a href="/staff/jane-doe">Jane Doe</a> and Ann Lee</div>',
            '<time class="published">March 12, 2026</time>',
            ("Jane Doe", "Ann Lee"),
            "2026-03-12T00:00:00Z",
        ),
        (
            '<p class="auteur">Par Anne Leroy</p>',
            '<p class="date">Publié le 25 novembre 2026 à 17h30</p>',
            ("Anne Leroy",),
            "2026-11-25T17:30:00Z",
        ),
        (
            '<p class="autor">Von Anna Lehmann</p>',
            '<p class="datum">25.11.2026, 17:30 Uhr</p>',
            ("Anna Lehmann",),
            "2026-11-25T17:30:00Z",
        ),
        (
            '<span class="autor">de Andrei Popescu</span>',
            '<span class="data">Publicat: 12 martie 2026, ora 14:35</span>',
            ("Andrei Popescu",),
            "2026-03-12T14:35:00Z",
        ),
        (
            '<span class="author">Von Anna Lehmann vor 3 Stunden</span>',  # a span back after it
            "",
            ("Anna Lehmann",),
            None,
        ),
        (
            '<span class="author">De La Cruz</span>',  # a name, its first word capitalized
            "",
            ("De La Cruz",),
            None,
        ),
        (
            '<span class="autor">De Andrei Popescu</span>',  # the byline word, capitalized
            '<span class="data">12 martie 2026, ora 14:35</span>',
            ("Andrei Popescu",),
            "2026-03-12T14:35:00Z",
        ),
        (
            '<span class="author">De Los Santos Ramírez</span>',  # a name: "Los" is a particle
            "",
            ("De Los Santos Ramírez",),
            None,
        ),
        ('<span class="author">De Vries</span>', "", ("De Vries",), None),  # a surname alone
        (
            '<span class="author">Av Karin Lindqvist</span>',
            '<time class="published">Publicerad 12 mars 2026 kl. 14.35</time>',
            ("Karin Lindqvist",),
            "2026-03-12T14:35:00Z",
        ),
        (
            '<span class="byline">Af Mette Kjær Jensen</span>',
            '<time class="date">12. mar. 2026 kl. 14.35</time>',
            ("Mette Kjær Jensen",),
            "2026-03-12T14:35:00Z",
        ),
        (
            '<span class="szerzo">Szerző: Kovács Péter</span>',
            '<span class="datum">2026. március 12. 14:35</span>',
            ("Kovács Péter",),
            "2026-03-12T14:35:00Z",
        ),
        (
            '<div class="amp-wp-byline"><span class="amp-wp-author">Jane Doe</span></div>',
            "",
            ("Jane Doe",),
            None,
        ),
        # no byline named: the links to the authors' pages
        ('<div><a href="/authors/ben-carter">Ben Carter</a></div>', "", ("Ben Carter",), None),
        (
            '<p><a href="/autor/ana-ruiz/">Ana Ruiz</a> y '
            '<a href="/autor/luis-gil/">Luis Gil</a></p>',
            "",
            ("Ana Ruiz", "Luis Gil"),
            None,
        ),
        ('<p><a href="/news/authority-vote">Port Authority</a></p>', "", (), None),
        ('<p><a href="/authors/">All our writers</a></p>', "", (), None),
    ],
)
def test_a_byline_and_a_date_beside_the_headline_are_read(
    byline: str, date: str, authors: tuple[str, ...], published: str | None
) -> None:
    meta = read_metadata(LexborHTMLParser(ARTICLE.format(byline=byline, date=date)), URL)
    assert meta.authors == authors
    assert meta.published_at == published


def test_declared_values_win_over_visible_ones() -> None:
    body = ARTICLE.format(
        byline='<span class="author">By Jane Doe</span>',
        date='<span class="date">12 March 2026</span>',
    )
    head = (
        '<meta name="author" content="Ann Lee">'
        '<meta property="article:published_time" content="2026-03-11T08:00:00Z">'
    )
    meta = _read(body, head)
    assert meta.authors == ("Ann Lee",)
    assert meta.published_at == "2026-03-11T08:00:00Z"


def test_teaser_bylines_and_dates_far_from_the_headline_are_not_read() -> None:
    meta = _read(ARTICLE.format(byline="", date=""))
    assert meta.authors == ()
    assert meta.published_at is None


def test_a_date_line_that_is_not_only_a_date_is_not_read() -> None:
    body = ARTICLE.format(byline="", date='<span class="date">Updated 3 hours ago</span>')
    assert _read(body).published_at is None


@pytest.mark.parametrize(
    ("line", "modified"),
    [
        ("Updated 5:30 PM EST, Tue November 25, 2026", "2026-11-25T22:30:00Z"),
        ("Mis à jour le 26 novembre 2026 à 08h15", "2026-11-26T08:15:00Z"),
        ("Stand: 25.11.2026 17:30 Uhr", "2026-11-25T17:30:00Z"),
    ],
)
def test_a_date_line_saying_updated_is_the_modified_time(line: str, modified: str) -> None:
    body = ARTICLE.format(byline="", date=f'<span class="timestamp">{line}</span>')
    meta = _read(body)
    assert (meta.published_at, meta.modified_at) == (None, modified)


def test_a_byline_running_into_its_date_gives_the_name_alone() -> None:
    body = ARTICLE.format(
        byline='<p class="author">by Jeff Doe Monday, November 18, 2019</p>', date=""
    )
    assert _read(body).authors == ("Jeff Doe",)


def test_a_heading_named_author_is_no_byline() -> None:
    body = ARTICLE.format(
        byline='<div class="claim-author"><h4 class="author">The city council</h4></div>', date=""
    )
    assert _read(body).authors == ()


def test_an_author_box_with_a_bio_gives_no_name_from_the_bio() -> None:
    body = ARTICLE.format(
        byline='<div class="author-box"><b>By</b> Ann Lee berichtet seit 2019 aus Berlin</div>',
        date="",
    )
    assert _read(body).authors == ()


def test_nothing_is_read_beside_a_headline_that_is_the_site_name() -> None:
    body = (
        '<div class="top"><h1>The Daily Example</h1><span class="date">May 4, 2026</span></div>'
        "<div><p>The story's first paragraph, long enough to read as prose.</p></div>"
    )
    head = '<meta property="og:site_name" content="The Daily Example">'
    assert _read(body, head).published_at is None


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ('<span class="byline">By Catherine</span>', ("Catherine",)),  # a blog's first name
        ('<span class="byline">By Staff Writer</span>', ()),  # a job title
        ('<span class="byline">By NEWS DESK</span>', ()),  # an outlet's desk
        ('<span class="byline">By Ana Lima, AP</span>', ("Ana Lima",)),
        ('<span class="byline">By Ana Lima and the EFE team</span>', ("Ana Lima",)),
    ],
)
def test_a_shown_byline_gives_only_what_reads_as_a_person(
    byline: str, authors: tuple[str, ...]
) -> None:
    assert _read(ARTICLE.format(byline=byline, date="")).authors == authors


def _old_page(title: str, body: str) -> Metadata:
    html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    return read_metadata(LexborHTMLParser(html), URL)


OLD_LAYOUT = """<table><tr><td><a href="/"><img src="/logo.gif" alt="{logo}"></a></td></tr>
<tr><td><font size="5"><b>Council delays vote on new parking rules</b></font><br>
<font size="2">By Martha Klein, Staff Writer<br>March 3, 2004</font><br><br>
<font size="3">The city council put off a vote on Tuesday on new parking rules for the
downtown area after shop owners asked for more time to study the plan.<br><br>
A vote is now set for April.</font></td></tr>
<tr><td><font size="1">{footer}</font></td></tr></table>"""


@pytest.mark.parametrize(
    ("logo", "footer"),
    [
        ("The Riverside Courier", "Contact us"),
        ("Home", "Copyright &copy; 2004 The Riverside Courier. All rights reserved."),
        ("Home", "&copy; 2004 <a href='/about/'>The Riverside Courier</a>"),
    ],
)
def test_the_site_name_is_learned_from_the_logo_or_the_copyright_line(
    logo: str, footer: str
) -> None:
    meta = _old_page(
        "Council delays vote on new parking rules - The Riverside Courier",
        OLD_LAYOUT.format(logo=logo, footer=footer),
    )
    assert meta.site_name == "The Riverside Courier"
    assert meta.title == "Council delays vote on new parking rules"


def test_a_title_end_the_page_does_not_show_as_its_name_is_no_site_name() -> None:
    meta = _old_page(
        "Council delays vote on new parking rules - The Riverside Courier",
        OLD_LAYOUT.format(logo="Home", footer="Contact us"),
    )
    assert meta.site_name is None


def test_without_an_h1_the_byline_beside_the_element_showing_the_title_is_read() -> None:
    meta = _old_page(
        "Council delays vote on new parking rules - The Riverside Courier",
        OLD_LAYOUT.format(logo="The Riverside Courier", footer=""),
    )
    assert meta.authors == ("Martha Klein",)
    assert meta.published_at == "2004-03-03T00:00:00Z"


def test_a_blog_post_heading_under_the_blog_name_heads_its_byline() -> None:
    meta = _old_page(
        "Strawberry jam without pectin | Kitchen Notes",
        """<h1><a href="/">Kitchen Notes</a></h1>
        <h2>Strawberry jam without pectin</h2>
        <div>Posted on June 12, 2013 by Jen Alder</div>
        <p>The first strawberries from the market were so good this week that I bought
        two flats, and most of them became jam before the weekend.</p>""",
    )
    assert meta.authors == ("Jen Alder",)
    assert meta.published_at == "2013-06-12T00:00:00Z"
