"""The page title: sources, precedence, site-name removal, the visible h1."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from service.extract.metadata import read_metadata
from service.extract.metadata_title import choose_title, strip_site_name, title_key

PAGE_URL = "https://www.dailyexample.com/world/2026/02/04/storm"


def title_of(head: str, body: str = "", url: str = PAGE_URL) -> str | None:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return read_metadata(LexborHTMLParser(html), url).title


def test_og_title_first() -> None:
    head = (
        "<title>Page title | Daily Example</title>"
        '<meta property="og:title" content="Shared headline">'
        '<meta name="twitter:title" content="Card headline">'
    )
    assert title_of(head) == "Shared headline"


def test_jsonld_headline_before_title_tag() -> None:
    head = (
        "<title>Page title | Daily Example</title>"
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "Declared headline"}</script>'
    )
    assert title_of(head) == "Declared headline"


def test_twitter_title_before_title_tag() -> None:
    head = '<title>Page title</title><meta name="twitter:title" content="Card headline">'
    assert title_of(head) == "Card headline"


def test_title_tag_with_site_suffix_removed() -> None:
    head = "<title>Storm reaches the coast | Daily Example</title>"
    assert title_of(head) == "Storm reaches the coast"


def test_first_h1_without_any_declared_title() -> None:
    assert title_of("", "<h1>  Storm reaches\n the coast </h1><h1>Other</h1>") == (
        "Storm reaches the coast"
    )


def test_visible_h1_preferred_when_it_matches_the_declared_title() -> None:
    head = '<meta property="og:title" content="STORM REACHES THE COAST - Daily Example">'
    body = "<h1>Storm Reaches the Coast</h1>"
    assert title_of(head, body) == "Storm Reaches the Coast"


def test_h1_that_is_the_logo_is_not_taken() -> None:
    head = '<meta property="og:title" content="Storm reaches the coast">'
    body = "<h1>Daily Example</h1><h1>Storm reaches the coast</h1>"
    assert title_of(head, body) == "Storm reaches the coast"


@pytest.mark.parametrize(
    "url",
    [
        PAGE_URL,  # the name is the host's
        "https://notes.example.org/2026/02/storm.html",  # the name is known by its link home
    ],
)
def test_h1_that_is_the_site_name_before_the_title_is_not_taken(url: str) -> None:
    # A blog's name as its only <h1> (the post's title in an <h3>), "Blog: Post" as <title>.
    head = "<title>Daily Example: Storm reaches the coast</title>"
    body = '<h1><a href="/">Daily Example</a></h1><h3>Storm reaches the coast</h3>'
    assert title_of(head, body, url) == "Storm reaches the coast"


def test_unrelated_h1_does_not_replace_the_declared_title() -> None:
    head = '<meta property="og:title" content="Storm reaches the coast">'
    assert title_of(head, "<h1>Latest news</h1>") == "Storm reaches the coast"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Storm reaches the coast | Daily Example", "Storm reaches the coast"),
        ("Storm reaches the coast - Daily Example", "Storm reaches the coast"),
        ("Storm reaches the coast \u2014 Daily Example", "Storm reaches the coast"),
        ("Storm reaches the coast \u2013 Daily Example", "Storm reaches the coast"),
        ("Storm reaches the coast :: Daily Example", "Storm reaches the coast"),
        ("Daily Example: Storm reaches the coast", "Storm reaches the coast"),
        ("Daily Example | Storm reaches the coast", "Storm reaches the coast"),
        ("Storm reaches the coast | DAILY EXAMPLE", "Storm reaches the coast"),
        ("Storm reaches the coast | Daily Example News", "Storm reaches the coast"),
        ("Storm reaches the coast | Daily Example | Since 1901", "Storm reaches the coast"),
        ("Storm - reaches the coast", "Storm - reaches the coast"),
        ("Storm reaches the coast", "Storm reaches the coast"),
        ("Daily Example", "Daily Example"),  # never emptied
    ],
)
def test_site_name_removed(title: str, expected: str) -> None:
    assert strip_site_name(title, ["Daily Example", "Daily Example | Since 1901"]) == expected


def test_site_name_from_host_when_undeclared() -> None:
    assert title_of("<title>Storm reaches the coast - DailyExample.com</title>") == (
        "Storm reaches the coast"
    )


def test_short_unnamed_suffix_after_bar_removed() -> None:
    assert strip_site_name("Storm reaches the coast of Portugal | Some Paper", []) == (
        "Storm reaches the coast of Portugal"
    )


def test_dash_clause_of_headline_kept_without_site_name() -> None:
    title = "Storm reaches the coast \u2013 and the rivers rise"
    assert strip_site_name(title, ["Daily Example"]) == title


def test_colon_in_headline_kept() -> None:
    title = "Analysis: storm reaches the coast"
    assert strip_site_name(title, ["Daily Example"]) == title


def test_arabic_title_kept_intact_with_site_removed() -> None:
    head = (
        '<meta property="og:site_name" content="الجريدة">'
        "<title>العاصفة تصل إلى الساحل | الجريدة</title>"
    )
    assert title_of(head, url="https://example.net/a/1") == "العاصفة تصل إلى الساحل"


def test_japanese_title_with_h1() -> None:
    head = '<meta property="og:title" content="嵐が沿岸に到達 - 日刊サンプル">'
    body = "<h1>嵐が沿岸に到達</h1>"
    assert title_of(head, body, url="https://example.jp/news/1") == "嵐が沿岸に到達"


def test_chinese_title_with_site_name() -> None:
    head = (
        '<meta property="og:site_name" content="示例新闻">'
        "<title>风暴抵达海岸_示例新闻 | 示例新闻</title>"
    )
    assert title_of(head, url="https://example.cn/a/1") == "风暴抵达海岸"


def test_choose_title_without_anything() -> None:
    assert choose_title([], [], []) is None


def test_short_site_name_does_not_cut_a_clause_that_starts_like_it() -> None:
    title = "Markets rally - Apple earnings beat"
    assert strip_site_name(title, ["AP"]) == title


def test_host_name_must_match_exactly() -> None:
    title = "Fed raises rates - News analysis"
    assert strip_site_name(title, [], ["news", "news.example"]) == title
    assert strip_site_name("Fed raises rates - News", [], ["news"]) == "Fed raises rates"


def test_any_declared_site_name_is_cut() -> None:
    head = (
        '<meta property="og:site_name" content="The Daily Example Group">'
        '<meta name="application-name" content="Example Daily">'
        "<title>Storm reaches the coast \u2013 Example Daily</title>"
    )
    assert title_of(head, url="https://example.net/a/1") == "Storm reaches the coast"


def test_visible_h1_preferred_when_it_is_the_declared_title_edited() -> None:
    head = '<meta property="og:title" content="HS Roundup: Viera defeats Rockledge again">'
    body = "<h1>High School Roundup: Viera defeats Rockledge again</h1>"
    assert title_of(head, body) == "High School Roundup: Viera defeats Rockledge again"


def test_h1_sharing_a_few_words_is_not_the_declared_title() -> None:
    head = '<meta property="og:title" content="Storm reaches the coast of Portugal">'
    body = "<h1>The coast of Portugal: a guide for visitors</h1>"
    assert title_of(head, body) == "Storm reaches the coast of Portugal"


def test_place_before_a_colon_is_kept_even_if_the_site_name_starts_with_it() -> None:
    site = ["Washington Daily Example"]
    title = "Washington: Senate votes on the budget"
    assert strip_site_name(title, site) == title
    assert strip_site_name("Washington Daily Example: Senate votes", site) == "Senate votes"


HEADLINE = "Harbour opening delayed by two years as the soil proves soft"


@pytest.mark.parametrize(
    "head",
    [
        '<title>Daily Example</title><meta property="og:site_name" content="Daily Example">',
        "<title>Daily Example</title>",
        "<title>World | Daily Example</title>",
        "<title>Interview</title>",
    ],
)
def test_visible_headline_replaces_a_declared_title_that_is_a_name_or_label(head: str) -> None:
    # A template's title: the site's name, a section or a kind of story, not the headline.
    assert title_of(head, f"<h1>{HEADLINE}</h1>") == HEADLINE


def test_declared_title_that_is_the_site_name_gives_way_to_the_next() -> None:
    head = (
        '<meta property="og:title" content="Daily Example">'
        '<meta property="og:site_name" content="Daily Example">'
        "<title>Storm reaches the coast | Daily Example</title>"
    )
    assert title_of(head, "<h1>Daily Example</h1>") == "Storm reaches the coast"


def test_short_declared_headline_kept_beside_a_short_h1() -> None:
    assert title_of("<title>Budget agreed</title>", "<h1>Latest news</h1>") == "Budget agreed"


@pytest.mark.parametrize(
    "text",
    [
        "".join(map(chr, range(128))),
        "Storm_Reaches-the COAST: 2026 | Daily Example",
        "Ströme überfluten die Küste \u2013 Tägliches Beispiel",
        "Straße_STRASSE",
    ],
)
def test_title_key_keeps_letters_and_digits_casefolded(text: str) -> None:
    assert title_key(text) == re.sub(r"[\W_]+", "", text.casefold())


def test_leading_site_name_with_its_article_removed() -> None:
    # A newspaper's host drops the article of its name: "The Daily Example" at
    # dailyexample.com, set before the headline of an old page's <title>.
    head = "<title>The Daily Example - Storm reaches the coast</title>"
    assert title_of(head) == "Storm reaches the coast"


def test_h1_linking_to_the_home_page_is_the_site_name() -> None:
    # A blog's name set as a linked <h1> above its posts: not the post's headline,
    # and removed from the <title> where it opens it.
    head = "<title>Notes from the Plot: The year the tomatoes failed</title>"
    body = (
        '<h1><a href="https://notes.example/">Notes from the Plot</a></h1>'
        "<h3>The year the tomatoes failed</h3>"
    )
    assert title_of(head, body, "https://notes.example/2007/09/tomatoes.html") == (
        "The year the tomatoes failed"
    )
    relative = '<h1><a href="/">Notes from the Plot</a></h1>'
    assert title_of(head, relative, "https://notes.example/2007/09/tomatoes.html") == (
        "The year the tomatoes failed"
    )


@pytest.mark.parametrize(
    ("title", "site"),
    [
        ("Storm reaches the coast | World | Daily Example", "Daily Example"),
        ("Storm reaches the coast | Middle East | Daily Example", "Daily Example"),
        ("Storm reaches the coast | World | Some Paper", None),  # the site undeclared
    ],
)
def test_section_between_title_and_site_name_removed(title: str, site: str | None) -> None:
    head = f"<title>{title}</title>"
    if site:
        head += f'<meta property="og:site_name" content="{site}">'
    assert title_of(head) == "Storm reaches the coast"


@pytest.mark.parametrize(
    "title",
    [
        "Daily Example | World | Storm reaches the coast",
        "Daily Example | Middle East | Storm reaches the coast",
    ],
)
def test_section_between_site_name_and_title_removed(title: str) -> None:
    head = f'<title>{title}</title><meta property="og:site_name" content="Daily Example">'
    assert title_of(head) == "Storm reaches the coast"


def test_section_after_a_title_the_site_name_leads_removed() -> None:
    title = "Daily Example | Storm reaches the coast | World"
    assert strip_site_name(title, ["Daily Example"]) == "Storm reaches the coast"


def test_a_headline_clause_after_the_site_name_and_a_bar_is_not_a_section() -> None:
    title = "Daily Example | Storm reaches the coast | Thousands lose power"
    assert strip_site_name(title, ["Daily Example"]) == (
        "Storm reaches the coast | Thousands lose power"
    )


def test_a_headline_clause_after_a_bar_is_not_a_section() -> None:
    title = "Storm reaches the coast | Thousands of homes lose power | Daily Example"
    assert strip_site_name(title, ["Daily Example"]) == (
        "Storm reaches the coast | Thousands of homes lose power"
    )


@pytest.mark.parametrize(
    "title",
    [
        "Storm reaches the coast - Daily Example",
        "Storm reaches the coast \u2014 Daily Example",
        "Daily Example: Storm reaches the coast",
    ],
)
def test_title_forms_with_the_site_declared(title: str) -> None:
    head = f'<title>{title}</title><meta property="og:site_name" content="Daily Example">'
    assert title_of(head) == "Storm reaches the coast"


def test_h1_wins_over_an_og_title_written_for_sharing() -> None:
    # og:title is the sharing headline; <title> and the h1 the one the page shows.
    head = (
        '<meta property="og:title" content="Thousands without power as storm hits">'
        "<title>Storm reaches the coast, leaving thousands in the dark | Daily Example</title>"
    )
    body = "<h1>Storm reaches the coast, leaving thousands in the dark</h1>"
    assert title_of(head, body) == "Storm reaches the coast, leaving thousands in the dark"
