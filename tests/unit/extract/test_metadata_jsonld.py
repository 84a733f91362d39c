"""JSON-LD in the wild: graphs, lists, nesting, references, broken blocks, several objects."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from service.extract import metadata_jsonld
from service.extract.metadata import Metadata, read_metadata
from service.extract.metadata_jsonld import body_of, parse_blocks, text_of, types_of, url_of

PAGE_URL = "https://news.example.org/world/2026/02/04/storm-reaches-coast"


def read(*blocks: str, head: str = "", url: str = PAGE_URL) -> Metadata:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    html = f"<html><head>{head}{scripts}</head><body></body></html>"
    return read_metadata(LexborHTMLParser(html), url)


def test_graph_with_website_webpage_and_article() -> None:
    m = read(
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "@id": "https://news.example.org/#website", "name": "Example"},'
        '{"@type": "WebPage", "@id": "https://news.example.org/world/x#webpage"},'
        '{"@type": "NewsArticle", "headline": "Storm reaches the coast",'
        ' "datePublished": "2026-02-04T09:30:00Z"}]}'
    )
    assert (m.title, m.published_at, m.site_name, m.page_type) == (
        "Storm reaches the coast",
        "2026-02-04T09:30:00Z",
        "Example",
        "article",
    )


def test_a_video_is_published_at_its_upload_date_unless_it_declares_a_publication() -> None:
    video = '{"@type": "VideoObject", "name": "Storm reaches the coast", %s}'
    m = read(video % '"uploadDate": "2026-03-13T22:00:00Z"')
    assert m.published_at == "2026-03-13T22:00:00Z"
    both = '"uploadDate": "2026-03-13T22:00:00Z", "datePublished": "2026-03-14T06:00:00Z"'
    assert read(video % both).published_at == "2026-03-14T06:00:00Z"


def test_top_level_list_of_objects() -> None:
    m = read(
        '[{"@type": "BreadcrumbList", "itemListElement": []},'
        ' {"@type": "NewsArticle", "headline": "Storm reaches the coast"}]'
    )
    assert m.title == "Storm reaches the coast"


def test_article_nested_in_main_entity_of_webpage() -> None:
    m = read(
        '{"@type": "WebPage", "name": "Page", "mainEntity":'
        ' {"@type": "Article", "headline": "Storm reaches the coast", "author": "Ana Lima"}}'
    )
    assert (m.title, m.authors, m.page_type) == (
        "Storm reaches the coast",
        ("Ana Lima",),
        "article",
    )


def test_author_and_publisher_by_id_reference() -> None:
    m = read(
        '{"@graph": ['
        '{"@type": "Organization", "@id": "#org", "name": "Example Media"},'
        '{"@type": "Person", "@id": "#ana", "name": "Ana Lima", "url": "/ana"},'
        '{"@type": "NewsArticle", "headline": "H", "author": {"@id": "#ana"},'
        ' "publisher": {"@id": "#org"}}]}'
    )
    assert (m.authors, m.site_name) == (("Ana Lima",), "Example Media")


def test_invalid_block_is_skipped_and_valid_one_read() -> None:
    m = read(
        '{"@type": "NewsArticle", "headline": "Broken", ',
        '{"@type": "NewsArticle", "headline": "Storm reaches the coast"}',
    )
    assert m.title == "Storm reaches the coast"


def test_only_invalid_blocks_give_nothing() -> None:
    assert read("{not json at all", "", "null", "42", '"text"', "[1, 2]") == Metadata()


def test_trailing_comma_is_forgiven() -> None:
    m = read('{"@type": "NewsArticle", "headline": "Storm reaches the coast",}')
    assert m.title == "Storm reaches the coast"


def test_cdata_and_comment_wrappers() -> None:
    m = read('//<![CDATA[\n{"@type": "NewsArticle", "headline": "Storm reaches the coast"}\n//]]>')
    assert m.title == "Storm reaches the coast"


@pytest.mark.parametrize(
    "wrapped",
    [
        "<!-- {} -->",
        "<![CDATA[{}]]>",
        "\n  // <![CDATA[\n{}\n  // ]]>\n",
        "{}-->",
        "<!--{}",
    ],
)
def test_wrappers_around_a_block(wrapped: str) -> None:
    block = '{"@type": "NewsArticle", "headline": "Storm reaches the coast"}'
    assert parse_blocks([wrapped.replace("{}", block)]).objects[0]["headline"] == (
        "Storm reaches the coast"
    )


def test_raw_newlines_inside_strings() -> None:
    m = read('{"@type": "NewsArticle", "headline": "Storm\nreaches the coast"}')
    assert m.title == "Storm reaches the coast"


def test_html_entities_in_strings_are_decoded() -> None:
    m = read(
        '{"@type": "NewsArticle", "headline": "Rock &amp; roll &#8211; a &quot;storm&quot;",'
        ' "author": {"@type": "Person", "name": "Zo&euml; Lima"}}'
    )
    assert (m.title, m.authors) == ('Rock & roll \u2013 a "storm"', ("Zo\u00eb Lima",))


def test_object_whose_url_is_the_page_wins() -> None:
    m = read(
        '{"@type": "NewsArticle", "headline": "Another story",'
        ' "url": "https://news.example.org/world/2026/02/03/another"}',
        '{"@type": "NewsArticle", "headline": "Storm reaches the coast",'
        ' "url": "https://news.example.org/world/2026/02/04/storm-reaches-coast?utm_source=x"}',
    )
    assert m.title == "Storm reaches the coast"


def test_object_whose_headline_matches_the_og_title_wins() -> None:
    m = read(
        '{"@type": "NewsArticle", "headline": "Another story", "author": "Ben Okafor"}',
        '{"@type": "NewsArticle", "headline": "Storm reaches the coast", "author": "Ana Lima"}',
        head='<meta property="og:title" content="Storm reaches the coast">',
    )
    assert m.authors == ("Ana Lima",)


def test_object_with_a_body_wins_among_equals() -> None:
    m = read(
        '{"@type": "NewsArticle", "headline": "A"}',
        '{"@type": "NewsArticle", "headline": "B", "articleBody": "Text."}',
    )
    assert (m.title, m.jsonld_body) == ("B", "Text.")


def test_first_article_when_nothing_distinguishes() -> None:
    m = read('{"@type": "NewsArticle", "headline": "A"}', '{"@type": "Article", "headline": "B"}')
    assert m.title == "A"


def test_headline_object_of_another_type_is_used_without_article() -> None:
    m = read(
        '{"@type": "ClaimReview", "headline": "Claim checked",'
        ' "datePublished": "2026-02-04", "author": {"@type": "Organization", "name": "Checkers"}}'
    )
    assert (m.title, m.published_at, m.page_type) == ("Claim checked", "2026-02-04T00:00:00Z", None)


def test_webpage_date_is_a_last_resort() -> None:
    m = read('{"@type": "WebPage", "name": "x", "datePublished": "2026-02-04T09:30:00Z"}')
    assert m.published_at == "2026-02-04T09:30:00Z"


def test_type_list_and_prefixes() -> None:
    assert types_of({"@type": ["schema:NewsArticle", "http://schema.org/Article", 3]}) == {
        "NewsArticle",
        "Article",
    }


def test_values_of_odd_shapes_read_as_absent() -> None:
    assert text_of(None) is None
    assert text_of(42) is None
    assert text_of({"no": "name"}) is None
    assert text_of([]) is None
    assert url_of({"width": 10}) is None
    assert url_of(["", {"contentUrl": "https://img.example.org/a.jpg"}]) == (
        "https://img.example.org/a.jpg"
    )


def test_deep_nesting_is_cut_without_error() -> None:
    deep = '{"@type": "WebPage", "mainEntity": ' * 50 + '{"@type": "Article"}' + "}" * 50
    assert len(parse_blocks([deep]).objects) < 50


def test_very_deep_json_does_not_raise() -> None:
    assert parse_blocks(["[" * 100_000 + "]" * 100_000]).objects == ()


def test_deeply_nested_values_read_as_absent_without_error() -> None:
    lists = "[" * 900 + '"Ana Lima"' + "]" * 900
    names = '{"name": ' * 900 + '"Ana Lima"' + "}" * 900
    for key in ("author", "publisher", "image", "keywords", "headline"):
        for deep in (lists, names):
            m = read(f'{{"@type": "NewsArticle", "{key}": {deep}}}')
            assert (m.authors, m.site_name, m.image, m.tags) == ((), None, None, ())


def test_date_given_as_typed_value() -> None:
    m = read(
        '{"@type": "NewsArticle", "headline": "H",'
        ' "datePublished": {"@type": "DateTime", "@value": "2026-02-04T09:30:00Z"}}'
    )
    assert m.published_at == "2026-02-04T09:30:00Z"


class _SeenTexts:
    """A stand-in for a pattern that records the length of each text it is given."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.lengths: list[int] = []

    def sub(self, repl: str, text: str) -> str:
        self.lengths.append(len(text))
        return self.pattern.sub(repl, text)


def test_html_body_tags_are_searched_up_to_the_last_tag_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No tag ends after the last '>': the tag pattern, which scans from every '<p'
    to a '>', is not given that tail (a body of 100,000 '<p ' took minutes)."""
    seen = _SeenTexts(metadata_jsonld._BLOCK_TAG)
    monkeypatch.setattr(metadata_jsonld, "_BLOCK_TAG", seen)
    head = "<p>First paragraph.</p><p>Second paragraph.</p>"
    body = body_of(head + "<p " * 2000 + "tail")
    assert body == "First paragraph.\nSecond paragraph."  # the parser drops the unended tag
    assert seen.lengths == [len(head)]
