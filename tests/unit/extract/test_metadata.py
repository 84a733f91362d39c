"""metadata.read_metadata: each field from each of its sources, and their precedence."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from service.extract import metadata
from service.extract.metadata import Metadata, normalize_language, read_metadata

PAGE_URL = "https://news.example.org/world/2026/02/04/storm-reaches-coast"


def read(head: str, body: str = "", url: str = PAGE_URL, lang: str = "") -> Metadata:
    attrs = f' lang="{lang}"' if lang else ""
    html = f"<!doctype html><html{attrs}><head>{head}</head><body>{body}</body></html>"
    return read_metadata(LexborHTMLParser(html), url)


def test_empty_page_gives_all_empty() -> None:
    assert read("") == Metadata()


def test_page_without_html_structure_gives_all_empty() -> None:
    assert read_metadata(LexborHTMLParser(""), PAGE_URL) == Metadata()


# --- description -------------------------------------------------------------


def test_description_prefers_og_over_meta_description() -> None:
    m = read(
        '<meta name="description" content="Plain summary.">'
        '<meta property="og:description" content="Shared summary.">'
    )
    assert m.description == "Shared summary."


def test_description_from_meta_description() -> None:
    assert read('<meta name="description" content="  Plain\n summary. ">').description == (
        "Plain summary."
    )


def test_description_from_jsonld_when_no_meta() -> None:
    m = read(
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "H", "description": "From JSON-LD."}</script>'
    )
    assert m.description == "From JSON-LD."


# --- authors ------------------------------------------------------------------


def test_authors_from_jsonld_list_of_people() -> None:
    m = read(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "author": [{"@type": "Person", "name": "Ana Lima"},'
        ' {"@type": "Person", "name": "Ben Okafor"}]}</script>'
        '<meta name="author" content="Someone Else">'
    )
    assert m.authors == ("Ana Lima", "Ben Okafor")


def test_authors_from_jsonld_people_named_by_given_and_family_name() -> None:
    people = (
        '[{"@type": "Person", "givenName": "Ana", "familyName": "Lima"},'
        ' {"@type": "Person", "familyName": "Okafor"}]'
    )
    script = '{"@type": "NewsArticle", "headline": "H", "author": ' + people + "}"
    m = read(f'<script type="application/ld+json">{script}</script>')
    assert m.authors == ("Ana Lima", "Okafor")


def test_authors_from_jsonld_string() -> None:
    m = read(
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "H", "author": "By Ana Lima"}</script>'
    )
    assert m.authors == ("Ana Lima",)


def test_authors_from_meta_author_with_by_prefix_and_two_names() -> None:
    assert read('<meta name="author" content="By Ana Lima and Ben Okafor">').authors == (
        "Ana Lima",
        "Ben Okafor",
    )


def test_article_author_url_is_skipped_for_a_name() -> None:
    m = read(
        '<meta property="article:author" content="https://social.example.net/ana.lima">'
        '<meta property="article:author" content="Ana Lima">'
    )
    assert m.authors == ("Ana Lima",)


def test_authors_from_rel_author_link() -> None:
    m = read("", '<p class="byline">By <a rel="author" href="/people/ana">Ana Lima</a></p>')
    assert m.authors == ("Ana Lima",)


def test_authors_from_microdata_itemprop_with_nested_person() -> None:
    body = (
        '<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<a href="/ana"><span itemprop="name">Ana Lima</span></a></span>'
    )
    assert read("", body).authors == ("Ana Lima",)


def test_authors_are_deduplicated_case_insensitively() -> None:
    m = read('<meta name="author" content="Ana Lima; ANA LIMA; Ben Okafor">')
    assert m.authors == ("Ana Lima", "Ben Okafor")


def _article(fields: str) -> str:
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", '
        + fields
        + "}</script>"
    )


@pytest.mark.parametrize(
    "author",
    [
        '["Ana Lima", "Ben Okafor"]',  # a list of strings
        '"By Ana Lima and Ben Okafor"',  # one string, with a byline word and a joint
        '[{"@type": "Person", "name": "Ana Lima"}, "Ben Okafor"]',  # mixed
    ],
)
def test_authors_from_jsonld_author_shapes(author: str) -> None:
    assert read(_article(f'"author": {author}')).authors == ("Ana Lima", "Ben Okafor")


SITE_AUTHOR = '"author": {"@type": "Organization", "name": "Example News"}'
PUBLISHER = '"publisher": {"@type": "NewsMediaOrganization", "name": "Example News"}'
ORG_ID = "https://news.example.org/#org"
BY_REFERENCE = (
    '<script type="application/ld+json">{"@graph": ['
    f'{{"@type": "Organization", "@id": "{ORG_ID}", "name": "Example News"}},'
    f' {{"@type": "NewsArticle", "headline": "H", "author": {{"@id": "{ORG_ID}"}},'
    f' "publisher": {{"@id": "{ORG_ID}"}}}}]}}</script>'
)


@pytest.mark.parametrize(
    "head",
    [
        _article(f"{SITE_AUTHOR}, {PUBLISHER}"),  # the publisher named as the author
        BY_REFERENCE,  # the same, by reference to the site's object
        '<meta property="og:site_name" content="Example News">' + _article(SITE_AUTHOR),
    ],
)
def test_the_site_declared_as_author_is_no_author(head: str) -> None:
    assert read(head).authors == ()
    body = '<article><h1>Storm reaches the coast</h1><p class="byline">By Ana Lima</p></article>'
    assert read(head, body).authors == ("Ana Lima",)  # the shown byline is read instead


def test_an_organization_other_than_the_site_is_kept_as_author() -> None:
    head = '<meta property="og:site_name" content="Example News">' + _article(
        '"author": {"@type": "Organization", "name": "Wire Agency"}'
    )
    assert read(head).authors == ("Wire Agency",)


# --- dates --------------------------------------------------------------------


def test_published_prefers_jsonld_over_meta() -> None:
    m = read(
        '<meta property="article:published_time" content="2026-02-03T08:00:00Z">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "datePublished": "2026-02-04T09:30:00+01:00",'
        ' "dateModified": "2026-02-04T11:00:00+01:00"}</script>'
    )
    assert m.published_at == "2026-02-04T08:30:00Z"
    assert m.modified_at == "2026-02-04T10:00:00Z"


def test_dates_from_opengraph_article_metas() -> None:
    m = read(
        '<meta property="article:published_time" content="2026-02-04T09:30:00-05:00">'
        '<meta property="article:modified_time" content="2026-02-04T12:00:00-05:00">'
    )
    assert m.published_at == "2026-02-04T14:30:00Z"
    assert m.modified_at == "2026-02-04T17:00:00Z"


@pytest.mark.parametrize(
    "meta",
    [
        '<meta name="pubdate" content="2026-02-04T09:30:00Z">',
        '<meta name="publish-date" content="2026-02-04T09:30:00Z">',
        '<meta name="dc.date.issued" content="2026-02-04T09:30:00Z">',
        '<meta name="DC.date" content="2026-02-04T09:30:00Z">',
        '<meta name="date" content="Wed, 04 Feb 2026 09:30:00 GMT">',
        '<meta itemprop="datePublished" content="2026-02-04T09:30:00Z">',
        '<meta itemprop="datePublished dateCreated" content="2026-02-04T09:30:00Z">',
        '<meta name="sailthru.date" content="2026-02-04 09:30:00">',
        '<meta name="parsely-pub-date" content="2026-02-04T09:30:00Z">',
        '<meta name="DC.date.issued" content="2026-02-04T10:30:00+01:00">',
    ],
)
def test_published_from_other_meta_names(meta: str) -> None:
    assert read(meta).published_at == "2026-02-04T09:30:00Z"


def test_published_from_time_itemprop() -> None:
    body = '<time itemprop="datePublished" datetime="2026-02-04T09:30:00Z">4 Feb</time>'
    assert read("", body).published_at == "2026-02-04T09:30:00Z"


def test_published_from_time_pubdate() -> None:
    body = '<time pubdate datetime="2026-02-04T09:30:00Z">4 Feb</time>'
    assert read("", body).published_at == "2026-02-04T09:30:00Z"


def test_unparseable_meta_date_falls_through_to_next_source() -> None:
    m = read(
        '<meta property="article:published_time" content="0001-01-01T00:00:00Z">'
        '<meta name="pubdate" content="2026-02-04">'
    )
    assert m.published_at == "2026-02-04T00:00:00Z"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-02-04T09:30:00", "2026-02-04T09:30:00Z"),  # no zone: taken as UTC
        ("2026-02-04 09:30:00 EST", "2026-02-04T14:30:00Z"),  # a zone abbreviation
        ("February 4, 2026 9:30 AM PST", "2026-02-04T17:30:00Z"),
        ("2026-02-04 09:30 CET", "2026-02-04T08:30:00Z"),
    ],
)
def test_published_with_or_without_a_zone(value: str, expected: str) -> None:
    assert read(_article(f'"datePublished": "{value}"')).published_at == expected


def test_published_from_a_time_in_the_byline_alone() -> None:
    body = (
        "<article><h1>Storm reaches the coast</h1>"
        '<div class="byline">By Ana Lima, <time datetime="2026-02-04T09:30:00Z">'
        "4 February 2026</time></div><p>The storm reached the coast at dawn.</p></article>"
    )
    assert read("", body).published_at == "2026-02-04T09:30:00Z"


@pytest.mark.parametrize(
    "head",
    [
        _article('"datePublished": "2026-02-04T09:30:00Z", "dateModified": "2026-02-03T18:00:00Z"'),
        '<meta property="article:published_time" content="2026-02-04T09:30:00Z">'
        '<meta property="article:modified_time" content="2025-11-20T08:00:00Z">',
    ],
)  # fmt: skip
def test_a_modified_time_before_the_published_time_is_no_modified_time(head: str) -> None:
    m = read(head)
    assert (m.published_at, m.modified_at) == ("2026-02-04T09:30:00Z", None)


def test_a_modified_time_equal_to_the_published_time_is_kept() -> None:
    m = read(
        _article('"datePublished": "2026-02-04T09:30:00Z", "dateModified": "2026-02-04T09:30:00Z"')
    )
    assert m.modified_at == "2026-02-04T09:30:00Z"


# --- language -----------------------------------------------------------------


def test_language_from_html_lang_first() -> None:
    m = read('<meta property="og:locale" content="fr_FR">', lang="en-gb")
    assert m.language == "en-GB"


def test_language_from_content_language_meta() -> None:
    assert read('<meta http-equiv="Content-Language" content="de">').language == "de"


def test_language_from_og_locale() -> None:
    assert read('<meta property="og:locale" content="pt_BR">').language == "pt-BR"


def test_language_from_jsonld_in_language() -> None:
    m = read(
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "H", "inLanguage": "es"}</script>'
    )
    assert m.language == "es"


def test_language_from_jsonld_language_object() -> None:
    m = read(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "inLanguage": {"@type": "Language", "name": "Spanish", "alternateName": "es"}}'
        "</script>"
    )
    assert m.language == "es"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("en-us", "en-US"),
        ("en_GB", "en-GB"),
        ("pt-br", "pt-BR"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("ar", "ar"),
        ("und", None),
        ("", None),
        ("english", None),
        ("x-default", None),
        ("en, fr", "en"),
        (" de-DE ", "de-DE"),
    ],
)
def test_language_tag_form(tag: str, expected: str | None) -> None:
    assert normalize_language(tag) == expected


# --- canonical URL ------------------------------------------------------------


def test_canonical_from_link_resolved_and_normalized() -> None:
    m = read('<link rel="canonical" href="/world/storm?utm_source=x#top">')
    assert m.canonical_url == "https://news.example.org/world/storm"


def test_canonical_prefers_link_over_og_url() -> None:
    m = read(
        '<meta property="og:url" content="https://news.example.org/og">'
        '<link rel="canonical" href="https://news.example.org/link">'
    )
    assert m.canonical_url == "https://news.example.org/link"


def test_canonical_link_wins_over_an_og_url_that_disagrees() -> None:
    m = read(
        '<link rel="canonical" href="https://news.example.org/world/storm-reaches-coast-123">'
        '<meta property="og:url" content="https://news.example.org/world/2026/02/04/storm">'
    )
    assert m.canonical_url == "https://news.example.org/world/storm-reaches-coast-123"


def test_canonical_from_og_url() -> None:
    m = read('<meta property="og:url" content="https://NEWS.example.org:443/og">')
    assert m.canonical_url == "https://news.example.org/og"


def test_canonical_from_jsonld_main_entity_of_page() -> None:
    m = read(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "mainEntityOfPage": {"@type": "WebPage", "@id": "https://news.example.org/ld"}}'
        "</script>"
    )
    assert m.canonical_url == "https://news.example.org/ld"


def test_canonical_to_home_page_on_an_article_is_ignored() -> None:
    m = read('<link rel="canonical" href="https://news.example.org/">')
    assert m.canonical_url is None


def test_canonical_resolves_against_base_href() -> None:
    m = read('<base href="https://cdn.example.org/a/"><link rel="canonical" href="story">')
    assert m.canonical_url == "https://cdn.example.org/a/story"


def test_canonical_javascript_is_none() -> None:
    assert read('<link rel="canonical" href="javascript:void(0)">').canonical_url is None


# --- site name, section, tags, image --------------------------------------------


def test_site_name_precedence() -> None:
    m = read(
        '<meta name="application-name" content="App Name">'
        '<meta property="og:site_name" content="The Example Times">'
    )
    assert m.site_name == "The Example Times"


def test_site_name_from_jsonld_publisher() -> None:
    m = read(
        '<meta name="application-name" content="App Name">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "publisher": {"@type": "Organization", "name": "Example Media"}}</script>'
    )
    assert m.site_name == "Example Media"


def test_site_name_from_application_name() -> None:
    assert read('<meta name="application-name" content="App Name">').site_name == "App Name"


def test_site_name_that_is_a_url_is_skipped() -> None:
    m = read(
        '<meta property="og:site_name" content="https://www.example.org">'
        '<meta name="application-name" content="Example">'
    )
    assert m.site_name == "Example"


def test_section_from_article_section() -> None:
    assert read('<meta property="article:section" content="World">').section == "World"


def test_section_from_jsonld_list_takes_first() -> None:
    m = read(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "articleSection": ["Europe", "World"]}</script>'
    )
    assert m.section == "Europe"


def test_tags_from_article_tag_metas() -> None:
    m = read(
        '<meta property="article:tag" content="Storms">'
        '<meta property="article:tag" content="Portugal">'
        '<meta name="keywords" content="ignored, seo">'
    )
    assert m.tags == ("Storms", "Portugal")


def test_tags_from_jsonld_keywords_string_and_list() -> None:
    as_string = read(
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "H", "keywords": "Storms, Spain,storms"}</script>'
    )
    as_list = read(
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "H", "keywords": ["Storms", "Spain"]}</script>'
    )
    assert as_string.tags == ("Storms", "Spain")
    assert as_list.tags == ("Storms", "Spain")


def test_tags_separated_by_semicolons() -> None:
    m = read('<meta name="keywords" content="Storms; Spain;coast">')
    assert m.tags == ("Storms", "Spain", "coast")


def test_tags_from_news_keywords_before_keywords() -> None:
    m = read(
        '<meta name="keywords" content="a, b"><meta name="news_keywords" content="Storm, Coast">'
    )
    assert m.tags == ("Storm", "Coast")


def test_image_from_og_image_resolved() -> None:
    assert read('<meta property="og:image" content="/img/storm.jpg">').image == (
        "https://news.example.org/img/storm.jpg"
    )


def test_image_from_twitter_image() -> None:
    m = read('<meta name="twitter:image" content="https://img.example.org/t.jpg">')
    assert m.image == "https://img.example.org/t.jpg"


@pytest.mark.parametrize(
    ("head", "path"),
    [
        ('<link rel="image_src" href="/img/storm.jpg">', "/img/storm.jpg"),
        (  # the image metas come first
            '<link rel="image_src" href="/img/small.jpg">'
            '<meta name="twitter:image" content="/img/large.jpg">',
            "/img/large.jpg",
        ),
    ],
)
def test_image_from_link_image_src_after_the_image_metas(head: str, path: str) -> None:
    assert read(head).image == f"https://news.example.org{path}"


@pytest.mark.parametrize(
    "image",
    [
        '"https://img.example.org/a.jpg"',
        '["https://img.example.org/a.jpg", "https://img.example.org/b.jpg"]',
        '{"@type": "ImageObject", "url": "https://img.example.org/a.jpg", "width": 1200}',
        '[{"@type": "ImageObject", "url": "https://img.example.org/a.jpg"}]',
    ],
)
def test_image_from_jsonld_shapes(image: str) -> None:
    m = read(
        '<script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "headline": "H", "image": {image}}}</script>'
    )
    assert m.image == "https://img.example.org/a.jpg"


# --- page type and body -------------------------------------------------------------


@pytest.mark.parametrize(
    "kind",
    ["NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "LiveBlogPosting",
     "OpinionNewsArticle", "AnalysisNewsArticle", "schema:NewsArticle",
     "https://schema.org/NewsArticle"],
)  # fmt: skip
def test_page_type_article_from_jsonld_type(kind: str) -> None:
    m = read(f'<script type="application/ld+json">{{"@type": "{kind}", "headline": "H"}}</script>')
    assert m.page_type == "article"


def test_page_type_article_from_og_type() -> None:
    assert read('<meta property="og:type" content="article">').page_type == "article"


def test_og_type_article_on_the_home_page_is_not_an_article() -> None:
    m = read('<meta property="og:type" content="article">', url="https://news.example.org/")
    assert m.page_type is None


def test_page_type_listing_from_collection_page() -> None:
    m = read(
        '<script type="application/ld+json">{"@type": "CollectionPage", "name": "World"}</script>',
        url="https://news.example.org/world",
    )
    assert m.page_type == "listing"


def test_page_type_listing_from_og_website_on_home_page() -> None:
    m = read('<meta property="og:type" content="website">', url="https://news.example.org/")
    assert m.page_type == "listing"


def test_og_website_on_an_article_path_is_unknown() -> None:
    assert read('<meta property="og:type" content="website">').page_type is None


def test_website_object_beside_article_object_is_article() -> None:
    m = read(
        '<script type="application/ld+json">{"@graph": ['
        '{"@type": "WebSite", "name": "Example"},'
        '{"@type": "NewsArticle", "headline": "H"}]}</script>',
        url="https://news.example.org/",
    )
    assert m.page_type == "article"


def test_home_page_with_article_objects_of_other_urls_is_listing() -> None:
    m = read(
        '<meta property="og:type" content="website">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Other",'
        ' "url": "https://news.example.org/world/2026/02/04/other-story"}</script>',
        url="https://news.example.org/",
    )
    assert m.page_type == "listing"


@pytest.mark.parametrize(
    ("head", "video"),
    [
        ('<meta property="og:type" content="video.other">', True),
        ('<script type="application/ld+json">{"@type": "VideoObject", "name": "V"}</script>', True),
        (
            '<script type="application/ld+json">[{"@type": "NewsArticle", "headline": "H"},'
            '{"@type": "VideoObject", "name": "V"}]</script>',
            False,
        ),
        ('<meta property="og:type" content="article">', False),
    ],
)
def test_a_page_declared_a_video_is_a_video_page(head: str, video: bool) -> None:
    assert read(head).video_page is video


def test_a_live_blog_object_makes_a_live_page() -> None:
    live = (
        '<script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": "H"}</script>'
    )
    assert read(live).live_page
    assert not read(live.replace("LiveBlogPosting", "NewsArticle")).live_page


def test_page_type_unknown_without_signals() -> None:
    assert read("<title>x</title>").page_type is None


def test_jsonld_body_is_normalized_text_one_paragraph_per_line() -> None:
    m = read(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "articleBody": "First  paragraph.\\n\\nSecond &amp; last."}</script>'
    )
    assert m.jsonld_body == "First paragraph.\nSecond & last."


def test_jsonld_body_html_is_read_as_paragraphs() -> None:
    m = read(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "articleBody": "<p>First <b>bold</b> line.</p><p>Second<br>third &amp; last.</p>"}'
        "</script>"
    )
    assert m.jsonld_body == "First bold line.\nSecond\nthird & last."


def test_jsonld_body_none_without_article_body() -> None:
    m = read(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H"}</script>'
    )
    assert m.jsonld_body is None


# --- microdata fallback -----------------------------------------------------------


def test_microdata_article_gives_title_date_and_author() -> None:
    body = (
        '<article itemscope itemtype="https://schema.org/NewsArticle">'
        '<h2 itemprop="headline">Storm reaches the coast</h2>'
        '<time itemprop="datePublished" datetime="2026-02-04T09:30:00+01:00">4 Feb</time>'
        '<span itemprop="author">Ana Lima</span></article>'
    )
    m = read("", body)
    assert (m.title, m.published_at, m.authors) == (
        "Storm reaches the coast",
        "2026-02-04T08:30:00Z",
        ("Ana Lima",),
    )


# --- another story's JSON-LD --------------------------------------------------

RELATED_CARD = (
    '<aside><h2>Related</h2><a href="/world/2026/01/10/ferry-retires">Old ferry retires</a>'
    '<script type="application/ld+json">{"@type": "NewsArticle",'
    ' "headline": "Old ferry retires",'
    ' "url": "https://news.example.org/world/2026/01/10/ferry-retires",'
    ' "datePublished": "2026-01-10T08:00:00Z", "description": "Its last trip.",'
    ' "author": {"@type": "Person", "name": "Zed Zorn"},'
    ' "image": "https://news.example.org/img/ferry.jpg"}</script></aside>'
)


def test_article_object_of_another_story_on_an_article_page_is_not_the_page() -> None:
    m = read(
        "<title>Storm reaches the coast overnight | Example</title>",
        "<h1>Storm reaches the coast overnight</h1>" + RELATED_CARD,
    )
    assert m.canonical_url is None
    assert m.authors == ()
    assert m.published_at is None
    assert m.description is None
    assert m.image is None
    assert m.title == "Storm reaches the coast overnight"


def test_article_object_at_another_url_with_the_pages_headline_is_the_page() -> None:
    m = read(
        "<title>Storm reaches the coast | Example</title>",
        "<h1>Storm reaches the coast</h1>"
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "Storm reaches coast", "datePublished": "2026-02-04T08:00:00Z",'
        ' "url": "https://news.example.org/world/storm-reaches-coast-2"}</script>',
    )
    assert m.published_at == "2026-02-04T08:00:00Z"
    assert m.canonical_url == "https://news.example.org/world/storm-reaches-coast-2"


def test_article_object_at_the_pages_path_on_another_host_is_the_page() -> None:
    m = read(
        "<title>Storm reaches the coast | Example</title>",
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "Weather latest", "datePublished": "2026-02-04T08:00:00Z",'
        ' "url": "https://m.example.org/world/2026/02/04/storm-reaches-coast"}</script>',
    )
    assert m.published_at == "2026-02-04T08:00:00Z"


def test_language_from_the_header_comes_after_every_declaration() -> None:
    head = '<meta property="og:locale" content="en_GB">'
    assert read_metadata(LexborHTMLParser(head), PAGE_URL, "de").language == "en-GB"
    assert read_metadata(LexborHTMLParser("<p>x</p>"), PAGE_URL, "de, en").language == "de"


@pytest.mark.parametrize(
    "href",
    [
        "https://news.example.org/amp/world/2026/02/04/storm-reaches-coast",
        "https://news.example.org/world/2026/02/04/storm-reaches-coast/amp/",
        "https://news.example.org/world/2026/02/04/storm-reaches-coast.amp",
        "https://news.example.org/world/2026/02/04/storm-reaches-coast?amp=1",
        "https://news.example.org/world/2026/02/04/storm-reaches-coast?outputType=amp",
        "https://amp.example.org/world/2026/02/04/storm-reaches-coast",
        "javascript:void(0)",  # no URL at all
    ],
)
def test_canonical_to_an_amp_copy_or_no_url_gives_way_to_og_url(href: str) -> None:
    m = read(
        f'<link rel="canonical" href="{href}">'
        '<meta property="og:url" content="https://news.example.org/world/storm">'
    )
    assert m.canonical_url == "https://news.example.org/world/storm"


def test_canonical_equal_to_the_amphtml_link_is_ignored() -> None:
    m = read(
        '<link rel="canonical" href="https://news.example.org/m/storm-reaches-coast">'
        '<link rel="amphtml" href="https://news.example.org/m/storm-reaches-coast">'
    )
    assert m.canonical_url is None


def test_amp_page_keeps_its_canonical_and_a_self_canonical_amp_page_its_own() -> None:
    amp_url = "https://news.example.org/amp/world/storm"
    m = read('<link rel="canonical" href="/world/storm">', url=amp_url)
    assert m.canonical_url == "https://news.example.org/world/storm"
    assert read(f'<link rel="canonical" href="{amp_url}">', url=amp_url).canonical_url == amp_url


def test_an_amp_word_inside_a_path_segment_is_no_amp_copy() -> None:
    m = read('<link rel="canonical" href="https://news.example.org/sport/amped-up-final">')
    assert m.canonical_url == "https://news.example.org/sport/amped-up-final"


def test_jsonld_body_is_read_only_on_use(monkeypatch: pytest.MonkeyPatch) -> None:
    """The article body is kept as declared and read as text when asked for: a page
    whose visible body is found never reads it."""
    read_bodies: list[object] = []
    real_body_of = metadata.body_of

    def counting(value: object) -> str | None:
        read_bodies.append(value)
        return real_body_of(value)

    monkeypatch.setattr(metadata, "body_of", counting)
    m = read(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "articleBody": "<p>First line.</p><p>Second.</p>"}</script>'
    )
    assert read_bodies == []
    assert m.article_body == "<p>First line.</p><p>Second.</p>"
    assert m.jsonld_body == "First line.\nSecond."
    assert read_bodies == ["<p>First line.</p><p>Second.</p>"]
