"""Bylines and date lines shown right after the headline in elements named as neither."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from selectolax.lexbor import LexborHTMLParser

from service.extract import metadata_lines
from service.extract.metadata import Metadata, read_metadata

PAGE_URL = "https://news.example.org/local/2026/11/25/council-bridge-vote"


FETCHED = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)


def read(
    header: str, lang: str = "en", extra_head: str = "", fetched_at: datetime | None = None
) -> Metadata:
    html = (
        f'<!doctype html><html lang="{lang}"><head><title>Council backs bridge</title>'
        f"{extra_head}</head><body><nav><a href='/'>Home</a></nav><main><article>"
        f"<header><h1>Council backs the new river bridge</h1>{header}</header>"
        "<p>The council voted on Tuesday evening after a long debate about the cost.</p>"
        "</article></main></body></html>"
    )
    return read_metadata(LexborHTMLParser(html), PAGE_URL, fetched_at=fetched_at)


def test_english_byline_and_updated_time() -> None:
    m = read(
        '<div class="meta"><span>By Ann Lee and Tom Ray</span></div>'
        "<div>Updated 5:30 PM EST, Tue November 25, 2026</div>"
    )
    assert m.authors == ("Ann Lee", "Tom Ray")
    assert m.modified_at == "2026-11-25T22:30:00Z"
    assert m.published_at is None


def test_french_byline_and_published_time() -> None:
    m = read("<p>Par Anne Leroy</p><p>Publié le 25 novembre 2026 à 17h30</p>", lang="fr")
    assert m.authors == ("Anne Leroy",)
    assert m.published_at == "2026-11-25T17:30:00Z"


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Published 25 November 2026 at 17:30, updated 25 November 2026 at 19:10", "en"),
        ("Le 25 novembre 2026 à 17h30, modifié le 25 novembre 2026 à 19h10", "fr"),
        ("Publié le 25 novembre 2026 à 17h30, mis à jour le 25 novembre 2026 à 19h10", "fr"),
        ("Publié le 25 novembre 2026 à 17h30 - Mis à jour le 25 novembre 2026 à 19h10", "fr"),
    ],
)
def test_a_line_with_both_times_parted_by_a_comma_gives_both(line: str, lang: str) -> None:
    m = read(f"<p>{line}</p>", lang=lang)
    assert (m.published_at, m.modified_at) == ("2026-11-25T17:30:00Z", "2026-11-25T19:10:00Z")


@pytest.mark.parametrize("word", ["Interview by", "Analysis by", "Reporting by", "Words by"])
def test_a_byline_opened_by_a_kind_of_story_is_read(word: str) -> None:
    m = read(
        f"<div class='meta'>{word} <a href='/staff/ann-lee'>Ann Lee</a>, 25 November 2026</div>"
    )
    assert m.authors == ("Ann Lee",)
    assert m.published_at == "2026-11-25T00:00:00Z"


def test_german_date_line_after_the_heading() -> None:
    m = read("<p>Von Anna Lehmann</p><p>25.11.2026, 17:30 Uhr</p>", lang="de")
    assert m.authors == ("Anna Lehmann",)
    assert m.published_at == "2026-11-25T17:30:00Z"


def test_byline_and_date_on_one_line_with_a_separator() -> None:
    m = read("<p>By <a href='/staff/ann-lee'>Ann Lee</a> | <time>November 25, 2026</time></p>")
    assert m.authors == ("Ann Lee",)
    assert m.published_at == "2026-11-25T00:00:00Z"


@pytest.mark.parametrize(
    ("line", "lang", "authors"),
    [
        ("By Anna Miller | March 14, 2026 | 11:05 AM", "en", ("Anna Miller",)),
        ("Von Anna M\u00fcller | 14.03.2026 | 11:05 Uhr", "de", ("Anna M\u00fcller",)),
        ("di Marco Rossi | 14 marzo 2026 | 11:05", "it", ("Marco Rossi",)),
    ],
)
def test_a_time_of_day_on_its_own_part_of_the_line_is_the_dates(
    line: str, lang: str, authors: tuple[str, ...]
) -> None:
    m = read(f"<p>{line}</p>", lang)
    assert (m.authors, m.published_at) == (authors, "2026-03-14T11:05:00Z")


def test_blog_byline_after_the_date() -> None:
    m = read("<p class='meta'>October 9, 2026 | Posted by Olivia Lars</p>")
    assert (m.authors, m.published_at) == (("Olivia Lars",), "2026-10-09T00:00:00Z")


def test_declared_values_win_over_visible_ones() -> None:
    m = read(
        "<p>By Ann Lee</p><p>November 25, 2026</p>",
        extra_head='<meta name="author" content="Tom Ray">'
        '<meta property="article:published_time" content="2026-11-24T08:00:00Z">',
    )
    assert (m.authors, m.published_at) == (("Tom Ray",), "2026-11-24T08:00:00Z")


@pytest.mark.parametrize(
    "header",
    [
        "<p>By the numbers: what the bridge will cost</p>",  # a sentence, not a byline
        "<p>By 2030 the bridge should carry 20,000 cars a day.</p>",
        "<p>Council backs the bridge, which was first proposed in 2024.</p>",  # no date alone
    ],
)
def test_lines_that_are_no_byline_or_date_give_nothing(header: str) -> None:
    m = read(header)
    assert (m.authors, m.published_at, m.modified_at) == ((), None, None)


def test_text_far_below_the_heading_is_not_read() -> None:
    story = (
        "<p>The council voted on Tuesday evening, after a debate that ran for three hours,"
        " to fund the bridge from next year's budget.</p>"
    )
    m = read(story + "<p>By Ann Lee</p><p>November 25, 2026</p>")
    assert (m.authors, m.published_at) == ((), None)


def test_german_as_of_time_is_the_modified_time() -> None:
    m = read("<p>Stand: 25.11.2026 17:30 Uhr</p>", lang="de")
    assert (m.published_at, m.modified_at) == (None, "2026-11-25T17:30:00Z")


def test_romanian_lowercase_byline_word() -> None:
    m = read("<p>de Andrei Popescu</p><p>12 martie 2026, ora 14:35</p>", lang="ro")
    assert (m.authors, m.published_at) == (("Andrei Popescu",), "2026-03-12T14:35:00Z")


def test_romanian_capitalized_byline_word() -> None:
    m = read("<p>De Andrei Popescu</p><p>12 martie 2026, ora 14:35</p>", lang="ro")
    assert (m.authors, m.published_at) == (("Andrei Popescu",), "2026-03-12T14:35:00Z")


@pytest.mark.parametrize("line", ["De La Cruz Ana", "De los Santos Ramírez", "De Vries"])
def test_a_line_opening_with_a_capitalized_de_and_a_name_is_no_byline(line: str) -> None:
    m = read(f"<p>{line}</p>", lang="es")
    assert m.authors == ()


@pytest.mark.parametrize(
    ("header", "lang", "published", "modified"),
    [
        (
            "<p>Opublikowano: 12 marca 2026, 14:35</p><p>Aktualizacja: 12 marca 2026, 16:05</p>",
            "pl",
            "2026-03-12T14:35:00Z",
            "2026-03-12T16:05:00Z",
        ),
        (
            "<p>Yayınlanma: 12.03.2026 14:35</p><p>Güncelleme: 12.03.2026 16:05</p>",  # noqa: RUF001
            "tr",
            "2026-03-12T14:35:00Z",
            "2026-03-12T16:05:00Z",
        ),
        (
            "<p>Опубликовано: 12 марта 2026, 14:35</p><p>Обновлено: 12 марта 2026, 16:05</p>",
            "ru",
            "2026-03-12T14:35:00Z",
            "2026-03-12T16:05:00Z",
        ),
        (
            "<p>Diterbitkan 12 Maret 2026 14:35</p><p>Diperbarui 12 Maret 2026 16:05</p>",
            "id",
            "2026-03-12T14:35:00Z",
            "2026-03-12T16:05:00Z",
        ),
        ("<p>Cập nhật: 12/3/2026 16:05</p>", "vi", None, "2026-03-12T16:05:00Z"),
        ("<p>آخر تحديث: 12 مارس 2026 16:05</p>", "ar", None, "2026-03-12T16:05:00Z"),
        ("<p>प्रकाशित: 12 मार्च 2026</p>", "hi", "2026-03-12T00:00:00Z", None),
        (
            "<p>公開 2026年3月12日 14:35</p><p>更新 2026年3月12日 16:05</p>",
            "ja",
            "2026-03-12T14:35:00Z",
            "2026-03-12T16:05:00Z",
        ),
        (
            "<p>Publikované 12. marca 2026, 14:35</p><p>Aktualizované 12. marca 2026 o 16:05</p>",
            "sk",
            "2026-03-12T14:35:00Z",
            "2026-03-12T16:05:00Z",
        ),
        ("<p>Aktualizováno 12. března 2026 16:05</p>", "cs", None, "2026-03-12T16:05:00Z"),
        ("<p>发布时间：2026-03-12 14:35</p>", "zh", "2026-03-12T14:35:00Z", None),  # noqa: RUF001
    ],
)
def test_date_lines_labelled_in_more_languages(
    header: str, lang: str, published: str | None, modified: str | None
) -> None:
    m = read(header, lang=lang)
    assert (m.published_at, m.modified_at) == (published, modified)


@pytest.mark.parametrize(
    ("header", "lang", "published"),
    [
        ("<p>۱۴۰۴/۱۲/۲۱ - ۱۴:۳۵</p>", "fa", "2026-03-12T14:35:00Z"),  # Solar Hijri in numbers
        ("<p>الأحد 15 رمضان 1447 هـ</p>", "ar", "2026-03-04T00:00:00Z"),  # lunar Hijri
        ("<p>29 พฤศจิกายน 2569 14:35 น.</p>", "th", "2026-11-29T14:35:00Z"),  # Buddhist era
        ("<p>29 พฤศจิกายน 2569</p>", "en", None),  # the page does not say the era
    ],
)
def test_date_lines_of_other_calendars(header: str, lang: str, published: str | None) -> None:
    assert read(header, lang=lang).published_at == published


@pytest.mark.parametrize(
    ("header", "lang", "authors", "published"),
    [
        ("<p><span>By Ann Lee</span> <span>3 hours ago</span></p>", "en", ("Ann Lee",), "15:00"),
        ("<p>By Ann Lee and Tom Ray 45 minutes ago</p>", "en", ("Ann Lee", "Tom Ray"), "17:15"),
        (
            "<p><span>Von Anna Lehmann</span> <span>vor 3 Stunden</span></p>",
            "de",
            ("Anna Lehmann",),
            "15:00",
        ),
        ("<p>Par Anne Leroy il y a 2 heures</p>", "fr", ("Anne Leroy",), "16:00"),
        ("<p>Por Ana Gil</p><p>hace 30 minutos</p>", "es", ("Ana Gil",), "17:30"),
        ("<p>Autor: Ján Kováč pred 3 hodinami</p>", "sk", ("Ján Kováč",), "15:00"),
        ("<p>Автор: Иван Петров преди 3 часа</p>", "bg", ("Иван Петров",), "15:00"),
        ("<p>Autor: Ana Horvat prije 3 sata</p>", "hr", ("Ana Horvat",), "15:00"),
    ],
)
def test_a_span_back_beside_the_byline_counts_back_from_the_time_of_fetching(
    header: str, lang: str, authors: tuple[str, ...], published: str
) -> None:
    m = read(header, lang=lang, fetched_at=FETCHED)
    assert (m.authors, m.published_at) == (authors, f"2026-11-25T{published}:00Z")


PUBLISHED = '<meta property="article:published_time" content="2026-03-12T09:00:00Z">'
OTHER_ITEM = '<a href="/news/other">Ferry strike ends after pay offer</a>'


@pytest.mark.parametrize(
    "block",
    [
        f'<div class="latest"><time>Updated 14 March 2026</time> {OTHER_ITEM}</div>',
        f'<div class="latest"><div class="date">Updated 14 March 2026</div>{OTHER_ITEM}</div>',
        f"<div><p>Updated 14 March 2026</p><p>{OTHER_ITEM}</p></div>",
        f"<ul><li><div>Updated 14 March 2026</div>{OTHER_ITEM}</li></ul>",
    ],
)
def test_another_items_updated_line_beside_the_headline_is_not_the_storys(block: str) -> None:
    # A block right after the headline showing another item's headline link and its
    # "Updated" time: the time is that item's.
    m = read(block, extra_head=PUBLISHED)
    assert (m.published_at, m.modified_at) == ("2026-03-12T09:00:00Z", None)
    m = read("<p>Updated 13 March 2026</p>" + block, extra_head=PUBLISHED)
    assert m.modified_at == "2026-03-13T00:00:00Z"  # the story's own line


@pytest.mark.parametrize(
    ("header", "lang", "published"),
    [
        # A word of the span's, lowercase, between the names and the number.
        ("<p>Автор: Иван Петров около 3 часов назад</p>", "ru", "2026-11-25T15:00:00Z"),
        ("<p>Autor: Petr Novák asi před 3 hodinami</p>", "cs", "2026-11-25T15:00:00Z"),
        ("<p>By Ann Lee circa 3 hours ago</p>", "en", "2026-11-25T15:00:00Z"),
        # A span in calendar months counts back whole months.
        ("<p>By Ann Lee 2 months ago</p>", "en", "2026-09-25T18:00:00Z"),
        ("<p>Por Ann Lee hace 2 meses</p>", "es", "2026-09-25T18:00:00Z"),
    ],
)
def test_a_byline_runs_into_a_span_back_its_openers_lack(
    header: str, lang: str, published: str
) -> None:
    m = read(header, lang=lang, fetched_at=FETCHED)
    assert (len(m.authors), m.published_at) == (1, published)


def test_a_lowercase_byline_in_a_named_element_keeps_its_names() -> None:
    m = read('<p class="byline">ann lee 3 hours ago</p>', fetched_at=FETCHED)
    assert m.authors == ("ann lee",)


def test_a_latvian_updated_span_back_is_the_modified_time() -> None:
    m = read("<p>Atjaunots pirms 3 stundām</p>", lang="lv", fetched_at=FETCHED)
    assert (m.published_at, m.modified_at) == (None, "2026-11-25T15:00:00Z")


def test_an_updated_span_back_is_the_modified_time() -> None:
    m = read("<p><span>By Ann Lee</span> <span>Updated 2 hours ago</span></p>", fetched_at=FETCHED)
    assert (m.authors, m.published_at, m.modified_at) == (
        ("Ann Lee",),
        None,
        "2026-11-25T16:00:00Z",
    )


def test_without_the_time_of_fetching_a_span_back_gives_no_time_but_the_byline_stays() -> None:
    m = read("<p><span>By Ann Lee</span> <span>3 hours ago</span></p>")
    assert (m.authors, m.published_at) == (("Ann Lee",), None)


def test_a_byline_running_into_its_date_gives_both() -> None:
    m = read("<p><span>By Ann Lee</span> <span>Wednesday, November 25, 2026</span></p>")
    assert (m.authors, m.published_at) == (("Ann Lee",), "2026-11-25T00:00:00Z")


def _read_body(body: str) -> Metadata:
    html = (
        '<!doctype html><html lang="en"><head><title>Council backs the new river bridge</title>'
        "</head>"
        f"<body><main>{body}</main></body></html>"
    )
    return read_metadata(LexborHTMLParser(html), PAGE_URL)


PROSE = "<p>The council voted on Tuesday evening after a long debate about the cost of it.</p>"


def test_a_date_line_above_the_headline_is_read() -> None:
    m = _read_body(
        '<a href="/local">Local</a><p>November 25, 2026</p>'
        f"<h1>Council backs the new river bridge</h1>{PROSE}"
    )
    assert m.published_at == "2026-11-25T00:00:00Z"


def test_a_date_above_the_headline_past_a_block_of_prose_is_not_read() -> None:
    # A sidebar's last item, not a line of the story's header.
    m = _read_body(
        "<div><p>November 20, 2026</p><p>Residents of the east bank have waited for a"
        " crossing since the old ferry stopped running in the spring.</p></div>"
        f"<h1>Council backs the new river bridge</h1>{PROSE}"
    )
    assert m.published_at is None


MASTHEAD = (
    '<a href="/"><img src="/logo.png" alt="Riverside Courier"></a>'
    '<ul><li><a href="/local">Local</a></li><li><a href="/sport">Sport</a></li></ul>'
)
MENU = '<nav><a href="/local">Local</a> <a href="/sport">Sport</a></nav>'
HEADLINE = "<h1>Council backs the new river bridge</h1>"


@pytest.mark.parametrize(
    "before",
    [
        # The site's name and menu, then the date of the day, in the headline's parent.
        f"{MASTHEAD}<p>Wednesday, 25 November 2026</p>",
        f"<div>{MASTHEAD}<span>Wednesday, November 25, 2026</span></div>",
        f"{MENU}<div>Mittwoch, 25. November 2026</div>",
    ],
)
def test_a_mastheads_date_of_the_day_above_the_headline_is_not_the_storys(before: str) -> None:
    m = _read_body(f"<div>{before}{HEADLINE}{PROSE}</div>")
    assert m.published_at is None
    # The story's own date element further down is read instead.
    story_date = '<div class="date">November 24, 2026</div>'
    m = _read_body(f"<div>{before}{HEADLINE}{PROSE}{PROSE}{story_date}</div>")
    assert m.published_at == "2026-11-24T00:00:00Z"


@pytest.mark.parametrize(
    ("body", "fetched_at"),
    [
        # Without the site's name or menu beside it: a date header over the post.
        (f"<div><p>Wednesday, 25 November 2026</p>{HEADLINE}{PROSE}</div>", None),
        (f'<div><a href="/local">Local</a><p>Wednesday, 25 November 2026</p>{HEADLINE}'
         f"{PROSE}</div>", None),
        # Without the weekday, or with a time: the story's date line.
        (f"<div>{MASTHEAD}<p>25 November 2026</p>{HEADLINE}{PROSE}</div>", None),
        (f"<div>{MASTHEAD}<p>Wednesday, 25 November 2026, 09:00</p>{HEADLINE}{PROSE}</div>",
         None),
        # Not the day of fetching: no date of the day.
        (f"<div>{MASTHEAD}<p>Wednesday, 25 November 2026</p>{HEADLINE}{PROSE}</div>",
         datetime(2026, 12, 9, 8, 0, tzinfo=UTC)),
    ],
)  # fmt: skip
def test_a_storys_date_line_above_the_headline_is_read(
    body: str, fetched_at: datetime | None
) -> None:
    html = (
        '<!doctype html><html lang="en"><head><title>Council backs the new river bridge'
        f"</title></head><body><main>{body}</main></body></html>"
    )
    m = read_metadata(LexborHTMLParser(html), PAGE_URL, fetched_at=fetched_at)
    assert m.published_at is not None and m.published_at.startswith("2026-11-25T")


def test_the_lines_after_a_headline_in_its_own_table_row_are_read() -> None:
    m = _read_body(
        "<table><tr><td><font size=5><b>Council backs the new river bridge</b></font></td></tr>"
        "<tr><td>By Ann Lee</td></tr><tr><td>November 25, 2026</td></tr>"
        f"<tr><td>{PROSE}</td></tr></table>"
    )
    assert (m.authors, m.published_at) == (("Ann Lee",), "2026-11-25T00:00:00Z")


def test_a_line_of_inline_elements_is_read_part_by_part() -> None:
    m = read("<div><span>November 25, 2026</span><span>By Ann Lee</span></div>")
    assert (m.authors, m.published_at) == (("Ann Lee",), "2026-11-25T00:00:00Z")


def test_a_cards_heading_and_byline_are_not_parted() -> None:
    m = read(
        '<div><article><h3><a href="/a">Other story</a></h3>'
        "<span>By Tom Ray</span><span>November 20, 2026</span></article></div>"
    )
    assert (m.authors, m.published_at) == ((), None)


STANDFIRST = (
    "<p>The crossing will link the east bank to the station for the first time, and work"
    " could start next spring.</p>"
)


@pytest.mark.parametrize(
    ("line", "published", "authors"),
    [
        ("<p>Published 25 November 2026, 17:30</p>", "2026-11-25T17:30:00Z", ()),
        ("<p>By Ann Lee | November 25, 2026</p>", "2026-11-25T00:00:00Z", ("Ann Lee",)),
        # A date alone past the standfirst may be another item's; a date in a sentence
        # is none; a byline without a date is not read there either.
        ("<p>November 25, 2026</p>", None, ()),
        ("<p>The vote was held on November 25, 2026.</p>", None, ()),
        ("<p>By Ann Lee</p>", None, ()),
    ],
)
def test_a_line_past_the_standfirst_is_read_when_clearly_the_storys(
    line: str, published: str | None, authors: tuple[str, ...]
) -> None:
    m = read(STANDFIRST + line)
    assert (m.published_at, m.authors) == (published, authors)


def test_an_updated_line_past_the_standfirst_gives_the_modified_time() -> None:
    m = read(STANDFIRST + "<p>Published November 24, 2026 | Updated November 25, 2026</p>")
    assert (m.published_at, m.modified_at) == ("2026-11-24T00:00:00Z", "2026-11-25T00:00:00Z")


ITEM = (
    '<div class="more"><a href="/local/ferry-timetable-cut">Ferry timetable cut for the'
    ' winter</a> <span class="date">November 20, 2026</span></div>'
)


def test_another_items_date_element_gives_way_to_the_storys_date_line() -> None:
    m = read("<p>By Ann Lee</p><p>November 25, 2026</p>" + ITEM)
    assert m.published_at == "2026-11-25T00:00:00Z"


def test_another_items_date_element_is_read_when_no_line_dates_the_story() -> None:
    m = read("<p>By Ann Lee</p>" + ITEM)
    assert m.published_at == "2026-11-20T00:00:00Z"


ITEM_ADDRESS = "/local/ferry-timetable-cut-for-the-winter"


@pytest.mark.parametrize(
    "strip",
    [
        # A short label links to the item, its address naming the item's headline.
        f'<a href="{ITEM_ADDRESS}">Latest:</a> <span class="date">November 20, 2026</span>',
        f'<span>Latest:</span> <a href="https://news.example.org{ITEM_ADDRESS}.html">Ferry'
        " cuts</a> <time>November 20, 2026</time>",
    ],
)
def test_a_date_under_a_short_label_of_another_item_gives_way_to_the_storys_line(
    strip: str,
) -> None:
    m = _read_body(
        f'<article><div class="latest">{strip}</div><h1>Council backs the new river bridge'
        f"</h1><p>November 25, 2026</p>{PROSE}</article>"
    )
    assert m.published_at == "2026-11-25T00:00:00Z"


@pytest.mark.parametrize(
    "link",
    [
        '<a href="/local">Local</a>',  # the story's section
        '<a href="/tag/river-bridge">River bridge</a>',  # a tag of two words
        '<a href="/local/2026/11/25/council-backs-the-new-river-bridge#comments">3</a>',  # its own
    ],
)
def test_a_date_element_beside_a_short_link_of_the_story_is_the_storys(link: str) -> None:
    html = (
        '<!doctype html><html lang="en"><head><title>Council backs the new river bridge</title>'
        f'</head><body><main><article><div class="meta">{link} <span class="date">November'
        " 24, 2026</span></div><h1>Council backs the new river bridge</h1><p>November 25,"
        f" 2026</p>{PROSE}</article></main></body></html>"
    )
    page = "https://news.example.org/local/2026/11/25/council-backs-the-new-river-bridge"
    m = read_metadata(LexborHTMLParser(html), page)
    assert m.published_at == "2026-11-24T00:00:00Z"


def test_a_byline_link_beside_a_date_element_is_no_items_headline() -> None:
    m = read(
        '<div class="meta">By <a href="/staff/ann-lee">Ann Lee</a>'
        ' <span class="date">November 24, 2026</span></div><p>Updated November 25, 2026</p>'
    )
    assert m.published_at == "2026-11-24T00:00:00Z"


@pytest.mark.parametrize("item", ["", ITEM.replace("November 20", "Updated November 20")])
def test_a_page_that_declares_its_time_reads_no_line_past_the_standfirst(item: str) -> None:
    # Whether another item's date element stands beside the headline or not.
    m = read(
        item + STANDFIRST + "<p>By Ann Lee | Updated November 25, 2026</p>",
        extra_head='<meta property="article:published_time" content="2026-11-24T08:00:00Z">',
    )
    assert (m.published_at, m.modified_at, m.authors) == ("2026-11-24T08:00:00Z", None, ())


def test_a_page_parses_each_date_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The publication and the modified time read the same values (the metas' and the
    shown line's), and a part before " by " is read to tell the part and again as the
    time: each text is parsed once a page."""
    parsed: list[str] = []
    real_parse_date = metadata_lines.parse_date

    def counting(text: str, language: str | None = None) -> str | None:
        parsed.append(text)
        return real_parse_date(text, language)

    monkeypatch.setattr(metadata_lines, "parse_date", counting)
    m = read(
        "<div>Posted on March 12, 2026 by Jen Alder</div>",
        extra_head='<meta property="article:published_time" content="2026-03-12T09:00:00Z">'
        '<meta property="article:modified_time" content="2026-03-12T09:00:00Z">',
    )
    assert (m.published_at, m.modified_at) == ("2026-03-12T09:00:00Z", "2026-03-12T09:00:00Z")
    assert m.authors == ("Jen Alder",)
    assert len(parsed) == len(set(parsed))
    assert "Posted on March 12, 2026" in parsed
