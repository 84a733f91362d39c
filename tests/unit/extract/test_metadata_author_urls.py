"""Authors declared only as a profile URL, named by the page's link to that profile."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from service.extract.metadata import Metadata, read_metadata

URL = "https://www.citydesk.example/politics/2026/03/12/budget-vote-delayed"
PROFILE = "https://www.citydesk.example/people/jane-doe"


def _read(head: str, byline: str, extra: str = "") -> Metadata:
    html = f"""<!doctype html><html lang="en"><head><title>Budget vote delayed</title>
<meta property="og:title" content="Budget vote delayed">{head}</head><body>
<header><a href="/"><img src="/logo.svg" alt="City Desk"></a>
<nav><a href="/politics">Politics</a><a href="/people">Our reporters</a></nav></header>
<main><article><h1>Budget vote delayed</h1>
<div class="story-meta">{byline}<span>March 12, 2026</span></div>
<p>The council postponed its vote on the budget until next week, citing new figures.</p>
{extra}</article></main>
<footer><a href="/about">About us</a><a href="/contact">Contact</a></footer>
</body></html>"""
    return read_metadata(LexborHTMLParser(html), URL)


def _meta(url: str = PROFILE) -> str:
    return f'<meta property="article:author" content="{url}">'


def _jsonld(author: str) -> str:
    return (
        '<script type="application/ld+json">{"@context": "https://schema.org",'
        ' "@type": "NewsArticle", "headline": "Budget vote delayed",'
        f' "author": {author}}}</script>'
    )


@pytest.mark.parametrize(
    ("declared", "href"),
    [
        (PROFILE, "/people/jane-doe"),  # relative link
        (PROFILE, PROFILE),  # absolute link
        (PROFILE, "/people/jane-doe/"),  # trailing slash on the link
        (PROFILE + "/", "/people/jane-doe"),  # trailing slash on the declared URL
        (PROFILE, "https://WWW.CityDesk.example/people/jane-doe"),  # host in capitals
        ("https://citydesk.example/people/jane-doe", "/people/jane-doe"),  # without www
        (PROFILE, "http://www.citydesk.example/people/jane-doe?ref=byline#top"),
    ],
)
def test_article_author_url_is_named_by_the_byline_link(declared: str, href: str) -> None:
    byline = f'<span>By <a href="{href}">Jane Doe</a></span>'
    assert _read(_meta(declared), byline).authors == ("Jane Doe",)


def test_jsonld_person_with_url_only_is_named_by_the_link() -> None:
    head = _jsonld(f'{{"@type": "Person", "url": "{PROFILE}"}}')
    byline = '<span>By <a href="/people/jane-doe">Jane Doe</a></span>'
    assert _read(head, byline).authors == ("Jane Doe",)


def test_jsonld_author_string_url_is_named_by_the_link() -> None:
    head = _jsonld(f'"{PROFILE}"')
    byline = '<span>By <a href="/people/jane-doe">Jane Doe</a></span>'
    assert _read(head, byline).authors == ("Jane Doe",)


def test_url_without_a_link_gives_no_invented_name() -> None:
    """The slug is not a name: "jane-doe" could be "Jane Doe", "Jane Doé" or a handle."""
    byline = "<span>Staff report</span>"
    assert _read(_meta(), byline).authors == ()
    assert _read(_jsonld(f'{{"@type": "Person", "url": "{PROFILE}"}}'), byline).authors == ()


def test_a_link_to_another_profile_does_not_name_the_author() -> None:
    byline = '<span>By <a href="/people/jane-doe-2">Jane Dorn</a></span>'
    # The profile gives no name; the byline line after the headline, the last
    # resort, gives the name it shows.
    assert _read(_meta(), byline).authors == ("Jane Dorn",)
    assert _read(_meta(), '<a href="/people/jane-doe-2">Jane Dorn</a>').authors == ()


def test_two_authors_one_by_name_and_one_by_url_keep_their_order() -> None:
    head = _jsonld(
        f'[{{"@type": "Person", "name": "Ana Lima"}}, {{"@type": "Person", "url": "{PROFILE}"}}]'
    )
    byline = '<span>By Ana Lima and <a href="/people/jane-doe">Jane Doe</a></span>'
    assert _read(head, byline).authors == ("Ana Lima", "Jane Doe")


def test_two_article_author_metas_one_name_one_url() -> None:
    head = '<meta property="article:author" content="Ana Lima">' + _meta()
    byline = '<span>By Ana Lima and <a href="/people/jane-doe">Jane Doe</a></span>'
    assert _read(head, byline).authors == ("Ana Lima", "Jane Doe")


@pytest.mark.parametrize(
    "link",
    [
        '<a href="/people/jane-doe">More from this author</a>',
        '<a href="/people/jane-doe"><img src="/img/jane.jpg" alt="Jane Doe"></a>',
        '<a href="/people/jane-doe">Profile</a>',
        '<a href="/people/jane-doe">Follow on X</a>',
    ],
)
def test_a_profile_link_whose_text_is_no_name_gives_none(link: str) -> None:
    assert _read(_meta(), "<span>Staff report</span>", link).authors == ()


def test_the_link_that_reads_as_a_name_is_taken_among_several() -> None:
    """An author box links the photo and "More from this author" to the same profile."""
    box = (
        '<div class="author-box"><a href="/people/jane-doe"><img src="/img/jane.jpg"></a>'
        '<a href="/people/jane-doe">More from this author</a></div>'
    )
    byline = '<span>By <a href="/people/jane-doe/">Jane Doe</a></span>'
    assert _read(_meta(), byline, box).authors == ("Jane Doe",)


def test_home_page_url_is_no_profile() -> None:
    """A template that puts the site's address as the author does not name its logo link."""
    head = _meta("https://www.citydesk.example/")
    extra = '<a href="/">City Desk News</a>'
    assert _read(head, "<span>Staff report</span>", extra).authors == ()


def test_social_profile_url_named_by_its_link() -> None:
    head = _meta("https://social.example.net/janedoe")
    byline = '<span>By <a href="https://social.example.net/janedoe">Jane Doe</a></span>'
    assert _read(head, byline).authors == ("Jane Doe",)


def test_meta_author_holding_a_profile_url_is_named_by_the_link() -> None:
    head = f'<meta name="author" content="{PROFILE}">'
    byline = '<span>By <a href="/people/jane-doe">Jane Doe</a></span>'
    assert _read(head, byline).authors == ("Jane Doe",)
