"""Markup in the wild: escaped metas, icon titles, bylines' times, CMS tag flags."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from service.extract._markup import NamedElements
from service.extract.metadata import Metadata, read_metadata
from service.extract.metadata_markup import texts_near_heading

PAGE_URL = "https://news.example.org/world/2026/02/04/storm-reaches-coast"


def read(head: str, body: str = "") -> Metadata:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return read_metadata(LexborHTMLParser(html), PAGE_URL)


def test_marked_elements_and_tags_read_once_each() -> None:
    """An element read by its tag and by its ``itemprop`` gives each value once."""
    body = (
        '<h1 itemprop="headline">Storm reaches the coast</h1>'
        '<time itemprop="datePublished" datetime="2026-02-04T09:30:00Z">4 Feb</time>'
        '<link itemprop="author" rel="author" href="/a">'
        '<a rel="author" itemprop="author">Ana Lima</a>'
    )
    m = read('<meta itemprop="author" content="Ana Lima">', body)
    assert m.authors == ("Ana Lima",)
    assert m.published_at == "2026-02-04T09:30:00Z"


def test_meta_escaped_twice_is_decoded() -> None:
    m = read('<meta name="description" content="PG&amp;amp;E cuts &amp;quot;again&amp;quot;">')
    assert m.description == 'PG&E cuts "again"'


def test_icon_title_in_svg_is_not_the_page_title() -> None:
    body = '<svg><title>Share on social</title><path d="M0"/></svg><p>x</p>'
    assert read("", body).title is None


def test_page_title_before_icon_titles() -> None:
    body = "<svg><title>Share</title></svg>"
    assert read("<title>Storm reaches the coast</title>", body).title == "Storm reaches the coast"


def test_time_in_the_heading_block_is_the_published_date() -> None:
    body = (
        "<article><header><h1>Storm reaches the coast</h1>"
        '<div class="byline"><span>Ana Lima</span>'
        '<time datetime="2026-02-04T09:30:00+01:00">4 Feb</time></div></header>'
        "<p>Text.</p></article>"
    )
    assert read("", body).published_at == "2026-02-04T08:30:00Z"


def test_time_of_a_teaser_link_is_not_the_published_date() -> None:
    body = (
        "<article><h1>Storm reaches the coast</h1><p>Text.</p>"
        '<a href="/other"><time datetime="2026-01-01T00:00:00Z">1 Jan</time> Other story</a>'
        "</article>"
    )
    assert read("", body).published_at is None


def test_time_in_the_story_s_own_permalink_is_the_published_date() -> None:
    """A theme's "Posted on" line links its time to the story itself: by ``rel="bookmark"``
    (the permalink of the nearest article) or by the page's own address."""
    for link in (
        '<a href="/2026/02/04/storm-permalink/" rel="bookmark">',
        f'<a href="{PAGE_URL}/">',
    ):
        body = (
            "<main><article><h1>Storm reaches the coast</h1>"
            f'<div class="entry-meta">Posted on {link}'
            '<time datetime="2026-02-04T08:14:00-06:00">February 4, 2026</time></a></div>'
            "<p>Text.</p></article></main>"
        )
        assert read("", body).published_at == "2026-02-04T14:14:00Z", link


def test_time_in_a_link_to_another_story_beside_the_heading_is_not_the_published_date() -> None:
    body = (
        "<main><article><h1>Storm reaches the coast</h1>"
        '<div class="entry-meta"><a href="/2026/01/01/other-story">'
        '<time datetime="2026-01-01T08:00:00Z">1 January 2026</time></a></div>'
        "<p>Text.</p></article></main>"
    )
    assert read("", body).published_at != "2026-01-01T08:00:00Z"


def test_time_far_from_the_heading_is_not_the_published_date() -> None:
    body = (
        "<main><article><header><h1>Storm reaches the coast</h1></header></article>"
        '<aside><ul><li><div><time datetime="2026-01-01T00:00:00Z">1 Jan</time></div></li></ul>'
        "</aside></main>"
    )
    assert read("", body).published_at is None


def test_declared_date_wins_over_time_near_heading() -> None:
    head = '<meta property="article:published_time" content="2026-02-03T00:00:00Z">'
    body = '<header><h1>Storm</h1><time datetime="2026-02-04T09:30:00Z">4 Feb</time></header>'
    assert read(head, body).published_at == "2026-02-03T00:00:00Z"


def test_cms_flags_and_labels_are_not_tags() -> None:
    head = (
        '<meta name="keywords" content="@hp-top-stories, ctp_video, /article, Category: Moon,'
        ' topic: Space, Moon, x, 2026, NASA">'
    )
    assert read(head).tags == ("Moon", "Space", "NASA")


def test_tags_are_capped() -> None:
    words = ", ".join(f"tag{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(60))
    assert len(read(f'<meta name="keywords" content="{words}">').tags) == 30


def test_link_with_other_itemprop_is_not_an_author() -> None:
    body = '<nav><a itemprop="url" href="/about">About</a><a itemprop="url" href="/x">X</a></nav>'
    assert read("", body).authors == ()


def test_microdata_of_several_story_items_is_not_the_page_metadata() -> None:
    item = (
        '<li itemscope itemtype="https://schema.org/NewsArticle">'
        '<a href="/{n}"><span itemprop="headline">Story {n}</span></a>'
        '<time itemprop="datePublished" datetime="2026-02-0{n}">x</time>'
        '<span itemprop="author">Writer {n}</span></li>'
    )
    m = read("", "<ul>" + "".join(item.format(n=n) for n in (1, 2, 3)) + "</ul>")
    assert (m.title, m.published_at, m.authors) == (None, None, ())


def test_huge_values_are_cut_not_read_whole() -> None:
    run = "Storm | " * 50_000
    head = (
        f'<meta property="og:title" content="{run}"><title>{run}</title>'
        f'<meta name="keywords" content="{run.replace("|", ",")}">'
        f'<meta name="author" content="{run.replace("|", "and")}">'
    )
    m = read(head, "<h1>Storm reaches the coast</h1>")
    assert (m.title, m.tags, m.authors) == ("Storm reaches the coast", ("Storm",), ())


def test_link_rel_and_script_type_are_read_as_written() -> None:
    head = (
        '<link rel="alternate" href="/amp"><link rel="Alternate  CANONICAL" href="/world/storm">'
        '<script type="application/ld+json+other">{"@type": "NewsArticle", "headline": "No"}'
        '</script><script type=" Application/LD+JSON ">{"@type": "NewsArticle",'
        ' "headline": "Storm reaches the coast"}</script>'
    )
    m = read(head)
    assert (m.canonical_url, m.title) == (
        "https://news.example.org/world/storm",
        "Storm reaches the coast",
    )


def test_first_base_with_href_resolves_declared_urls() -> None:
    head = '<base target="_blank"><base href="/mobile/"><base href="/other/">'
    m = read(head + '<link rel="canonical" href="storm">')
    assert m.canonical_url == "https://news.example.org/mobile/storm"


def test_texts_near_a_heading_come_nearest_first_and_innermost_only() -> None:
    """A match in the headline's parent comes before one further up; a match
    holding another match, or the headline, gives no text of its own."""
    tree = LexborHTMLParser(
        '<div class="story-date"><span class="date">Far date</span>'
        '<div><p class="date-line"><span class="date">Near date</span></p>'
        "<h1>Council passes the budget</h1></div>"
        '<span class="date">Later date</span></div>'
    )
    heading = tree.css_first("h1")
    dates = NamedElements(("date",), ("class",), ())
    texts = [text for _, text in texts_near_heading(heading, dates)]
    assert texts == ["Near date", "Far date", "Later date"]
