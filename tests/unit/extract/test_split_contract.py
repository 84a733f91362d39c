"""split()'s contract beyond the golden pages: limits, charsets, JSON-LD bodies, stubs, stats."""

from __future__ import annotations

import importlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from service.extract.model import SPLIT_WARNINGS, RefusedPage
from service.extract.split import Limits, split

PAGES = Path(__file__).parent / "pages"
# The module, not the function that service.extract also names split.
split_module = importlib.import_module("service.extract.split")

_ARTICLE = (
    "<html><head><title>A story</title><meta property='og:type' content='article'></head>"
    "<body><nav><a href='/'>Home</a></nav><article><h1>A story</h1>"
    "<p>The first paragraph of the story is long enough to count as prose, with a comma.</p>"
    "<p>The second paragraph goes on about the same thing, at the same length, with commas.</p>"
    "</article><footer>Leave the first comment</footer></body></html>"
)


def _numbered(template: str, count: int) -> str:
    """``template`` repeated ``count`` times, ``{i}`` filled with 0, 1, ..."""
    return "".join(template.format(i=i) for i in range(count))


def test_body_over_byte_budget_is_refused() -> None:
    with pytest.raises(RefusedPage) as refused:
        split(_ARTICLE.encode(), "https://example.org/a", limits=Limits(max_bytes=100))
    assert refused.value.reason == "page_too_large"


def test_page_over_element_budget_is_refused() -> None:
    page = ("<html><body>" + "<span>x</span>" * 5000 + "</body></html>").encode()
    with pytest.raises(RefusedPage) as refused:
        split(page, "https://example.org/a", limits=Limits(max_nodes=1000))
    assert refused.value.reason == "node_budget"


def test_article_page_gives_title_and_paragraphs_without_chrome() -> None:
    result = split(_ARTICLE.encode(), "https://example.org/a")
    assert result.article is not None
    assert result.article.title == "A story"
    assert [p.text[:20] for p in result.article.paragraphs] == [
        "The first paragraph ",
        "The second paragraph",
    ]
    assert "Leave the first comment" not in result.article.body
    assert result.stats.article_chars == sum(len(p.text) for p in result.article.paragraphs)
    assert result.stats.dropped_chars > 0  # the navigation and the comment prompt


def test_wrong_header_charset_falls_back_to_the_meta_declaration() -> None:
    text = "<html><head><meta charset='windows-1251'></head><body><p>Привет, мир</p></body></html>"
    result = split(
        text.encode("cp1251"), "https://example.org/a", {"content-type": "text/html; charset=utf-8"}
    )
    assert result.charset == "cp1251"


def test_gb2312_page_is_read_as_gb18030() -> None:
    result = split((PAGES / "body_cjk_chinese.html").read_bytes(), "https://example.cn/a.html")
    assert result.charset == "gb18030"
    assert result.article is not None
    assert result.article.title == "城市新建图书馆正式开放"


def test_body_only_in_jsonld_is_used_and_flagged() -> None:
    page = (PAGES / "body_jsonld_only.html").read_bytes()
    result = split(page, "https://metro.example.com/city/tram-line-approved")
    assert result.article is not None
    assert result.article.body.startswith("The city council voted 31 to 12")
    assert result.warnings == ("body_from_jsonld",)


def test_paywalled_stub_keeps_the_visible_lead_only() -> None:
    """Decision: a paywalled article is still an article; its body is the visible
    lead, and the subscription prompt is in no record."""
    page = (PAGES / "body_paywall_stub.html").read_bytes()
    result = split(page, "https://ledger.example.com/business/battery-plant")
    assert result.article is not None
    assert len(result.article.paragraphs) == 2
    assert "Subscribe" not in result.article.body


def test_frameset_page_has_neither_article_nor_teasers() -> None:
    result = split((PAGES / "body_frameset.html").read_bytes(), "https://herald.example.com/")
    assert result.article is None
    assert result.teasers == ()


def test_story_list_is_no_body_even_when_its_teasers_stay_in_the_tree() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from service.extract import article, clean

    card = (
        '<div class="card"><h3><a href="/sport/story-{i}">Headline {i} about the match</a></h3>'
        "<p>The team won again on Saturday, with a late goal from the captain, and the coach "
        "said the season was going to plan, though injuries remain a worry.</p></div>"
    )
    cards = _numbered(card, 8)
    tree = LexborHTMLParser(f"<html><body><main><h1>Sport</h1><section>{cards}</section></main>")
    clean.clean_tree(tree)
    assert tree.body is not None
    assert article.find_body(tree.body) is None


def test_section_page_with_an_intro_has_no_article() -> None:
    intro = (
        "<p>Our politics desk covers parliament, the government and elections, with reporters "
        "in the capital and every region, and a weekly newsletter on the week's votes.</p>"
    )
    cards = _numbered(
        '<li><a href="/politics/story-{i}">Story number {i} about the vote</a></li>', 12
    )
    page = (
        "<html><head><title>Politics</title><meta property='og:type' content='website'>"
        "</head><body><main><h1>Politics</h1>" + intro * 2 + f"<ul>{cards}</ul></main>"
        "</body></html>"
    )
    result = split(page.encode(), "https://example.org/politics/")
    assert result.article is None


@pytest.mark.parametrize(
    ("lang", "headline", "sentences", "is_article"),
    [
        # Two sentences of a brief: 92 characters in Japanese, as much as 180 or so in English.
        (
            "ja",
            "大雪で高速道路が通行止め",
            [
                "県北部を中心に降り続いた大雪の影響で、高速道路の一部区間が四日朝から通行止めとなっている。",
                "道路会社によると、除雪作業は夜まで続く見込みで、通行再開の時期は未定だという。",
            ],
            True,
        ),
        # The same number of characters in English is a line or two, not a story.
        (
            "en",
            "Snow closes motorway",
            [
                "Part of the motorway has been closed since this morning.",
                "Reopening is not yet known, the operator said.",
            ],
            False,
        ),
    ],
)
def test_short_story_of_undeclared_type_counts_wide_characters_double(
    lang: str, headline: str, sentences: list[str], is_article: bool
) -> None:
    paragraphs = "".join(f"<p>{s}</p>" for s in sentences)
    page = (
        f"<html lang='{lang}'><head><title>{headline}</title></head><body>"
        f"<div><h1>{headline}</h1><div>{paragraphs}</div></div></body></html>"
    )
    result = split(page.encode(), "https://example.org/local/20260204/a1b2")
    assert (result.article is not None) == is_article
    if result.article is not None:
        assert result.article.body == "\n\n".join(sentences)


def test_main_post_is_read_alone_when_other_posts_follow_in_its_column() -> None:
    main = _numbered(
        "<p>Main story paragraph {i}, long enough to be prose, with commas, clauses, and "
        "a point that it makes at some length for the reader.</p>",
        4,
    )
    other = (
        "<article class='post'><h2>Another post {i}</h2><p>Another post's opening, also long "
        "enough to be prose, with a comma, and a second clause after it.</p>"
        "<p>And its second paragraph, which goes on, and on, for a while longer.</p></article>"
    )
    page = (
        "<html><head><title>Main story</title></head><body><div id='primary'>"
        f"<article class='post'><h1>Main story</h1>{main}</article>"
        + _numbered(other, 3)
        + "</div></body></html>"
    )
    result = split(page.encode(), "https://blog.example.net/main-story")
    assert result.article is not None
    assert [p.text[:22] for p in result.article.paragraphs] == [
        f"Main story paragraph {i}" for i in range(4)
    ]


def test_body_cut_into_parts_by_pictures_and_ads_is_read_whole_in_order() -> None:
    def part(n: int) -> str:
        paragraph = (
            f"<p>Part {n} paragraph {{i}} of the story, long enough to be prose, with a comma, "
            "and a clause that follows it.</p>"
        )
        return f"<div class='story-chunk'>{_numbered(paragraph, 2)}</div>"

    page = (
        "<html><head><title>Story</title></head><body><main><h1>Story</h1>"
        f"<section><div class='wrap'>{part(0)}</div></section>"
        "<figure><img src='a.jpg'><figcaption>A picture, credited.</figcaption></figure>"
        "<div class='ad-slot'><div class='advert'>Advertisement</div></div>"
        "<section><div class='outer'><div class='col'><div class='row'><div class='wrap'>"
        f"{part(1)}</div></div></div></div></section>"
        f"<section>{part(2)}</section>"
        "</main></body></html>"
    )
    result = split(page.encode(), "https://example.org/story")
    assert result.article is not None
    assert [p.text[:18] for p in result.article.paragraphs] == [
        f"Part {n} paragraph {i}" for n in range(3) for i in range(2)
    ]


def test_a_teaser_node_holding_the_headline_is_not_removed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Safety net: should teaser detection ever take the article's own wrapper
    for a teaser block, the article page keeps its body."""
    import importlib

    from service.extract.teasers import TeaserScan

    split_module = importlib.import_module("service.extract.split")

    def wrapper_as_teaser(root: object, page_url: str) -> TeaserScan:
        assert hasattr(root, "css_first")
        wrapper = root.css_first("div.post")  # type: ignore[attr-defined]
        return TeaserScan((), (wrapper,), 100)

    monkeypatch.setattr(split_module, "find_teasers", wrapper_as_teaser)
    page = _ARTICLE.replace("<article>", "<div class='post'>").replace("</article>", "</div>")
    result = split(page.encode(), "https://e.org/news/2026/02/04/tram-line-approved")
    assert result.article is not None
    assert len(result.article.paragraphs) == 2


def test_latin1_label_is_read_as_windows_1252_and_a_bold_headline_is_not_a_paragraph() -> None:
    page = (PAGES / "body_br_table_layout.html").read_bytes()
    result = split(page, "https://ortsverein.example.de/aktuelles/100-jahre.html")
    assert result.charset == "cp1252"
    assert result.article is not None
    assert result.article.title == "Ortsverein feiert 100 Jahre"
    assert result.article.paragraphs[0].text.startswith("Am Samstag feierte")


def test_prose_set_as_bare_text_in_divs_is_found() -> None:
    paras = _numbered(
        "<div class='body-paragraph'>Paragraph {i} of the story is written straight into a "
        "div, with commas, and enough words to be prose.</div>",
        5,
    )
    page = (
        "<html><head><title>Story</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<div class='page'><h1>Story</h1><section><div class='read-all'>{paras}</div></section>"
        "<div class='rail'><div>NOVEMBER 20, 2019 10:43</div></div></div></body></html>"
    )
    result = split(page.encode(), "https://example.org/story")
    assert result.article is not None
    assert [p.text[:11] for p in result.article.paragraphs] == [f"Paragraph {i}" for i in range(5)]


def test_valid_utf8_wins_over_a_declared_single_byte_charset() -> None:
    text = "<html><head><meta charset='iso-8859-1'></head><body><p>Café crème, naïve</p></body>"
    result = split(text.encode("utf-8"), "https://example.org/a")
    assert result.charset == "utf_8"


def test_ascii_page_keeps_its_declared_charset() -> None:
    text = "<html><head><meta charset='windows-1251'></head><body><p>plain</p></body></html>"
    assert split(text.encode(), "https://example.org/a").charset == "cp1251"


def test_embedded_post_quoted_in_the_story_stays_and_share_bar_goes() -> None:
    paragraphs = _numbered(
        "<p>Paragraph {i} of the story, long enough to be prose, with a comma, and a clause.</p>",
        3,
    )
    page = (
        "<html><head><title>Story</title></head><body><article><h1>Story</h1>"
        f"{paragraphs}<div class='social-media-embed'><blockquote class='embedded-post'>"
        "<p>The state spent nearly half a million dollars on this campaign, and it shows.</p>"
        "</blockquote></div><div class='social-share'><p>Share this story with a friend</p>"
        "</div><p>Photo by Jane Roe/Agency</p></article></body></html>"
    )
    result = split(page.encode(), "https://example.org/story")
    assert result.article is not None
    assert [p.kind for p in result.article.paragraphs] == ["p", "p", "p", "quote"]
    assert result.article.paragraphs[-1].text.startswith("The state spent")


def test_seed_page_splits_into_teaser_article_teasers_and_nothing_else() -> None:
    """The canonical example (shared/seed): a teaser above the article, the
    article, one-sentence teasers below, then an app promo and a comment prompt
    that must appear in no record."""
    expected = json.loads((PAGES / "seed_article.expected.json").read_text("utf-8"))
    result = split((PAGES / "seed_article.html").read_bytes(), expected["url"])
    assert result.article is not None
    assert [p.text for p in result.article.paragraphs] == expected["article"]["paragraphs"]
    first = result.teasers[0]
    assert first.snippet is not None and first.snippet.endswith("co...")
    assert first.truncated
    assert len(result.teasers) == len(expected["teasers"])
    records = [result.article.title, result.article.body]
    records += [f"{t.title} {t.snippet or ''}" for t in result.teasers]
    for boilerplate in ("download the AnewZ application", "opinion on this topic", "first comment"):
        assert not any(boilerplate in record for record in records), boilerplate


def test_body_never_ends_with_a_heading() -> None:
    # Headings left over from blocks after the story ("More videos", "People in this
    # story") head nothing the body keeps.
    prose = (
        "<p>Our drone flew over the new quay on Tuesday morning, showing the scale of the "
        "dredging work and the eastern pier that engineers now say needs deeper piles.</p>"
    )
    page = (
        "<html><head><title>Drone footage</title><meta property='og:type' content='article'>"
        f"</head><body><main><h1>Drone footage shows the harbour works</h1>{prose}"
        "<h2>Works in numbers</h2>" + prose.replace("Our drone", "The camera") + ""
        "<h2>More videos</h2><h3>People in this story</h3></main></body></html>"
    )
    result = split(page.encode(), "https://example.org/video/2026/11/28/harbour-drone")
    assert result.article is not None
    assert [p.kind for p in result.article.paragraphs] == ["p", "h", "p"]


@pytest.mark.parametrize(
    ("declared", "url"),
    [
        ("<meta property='og:type' content='article'>", "https://example.org/world"),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "World"}'
            "</script>",
            "https://example.org/",
        ),
    ],
)
def test_section_page_declared_an_article_by_its_template_has_no_article(
    declared: str, url: str
) -> None:
    card = (
        '<article class="card"><h3><a href="/world/2026/11/{i}/story-{i}">World matter number '
        "{i} takes a new turn for the region</a></h3><p>Officials met again to discuss the "
        "future of the region and the costs of the work, in talks that went on late...</p>"
        "</article>"
    )
    page = (
        f"<html><head><title>World</title>{declared}</head>"
        "<body><main><h1>World</h1><p>News, analysis and comment from around the world, from "
        "our correspondents in forty countries and our desks in three cities.</p>"
        + _numbered(card, 10)
        + "</main></body></html>"
    )
    result = split(page.encode(), url)
    assert result.article is None
    assert len(result.teasers) == 10


@pytest.mark.parametrize("others", [5, 7])
@pytest.mark.parametrize("next_headline", ["<h1>{}</h1>", '<h2><a href="/news/b">{}</a></h2>'])
def test_next_story_appended_below_the_article_is_not_its_body(
    next_headline: str, others: int
) -> None:
    # A page that renders the next story for endless scrolling: its own <article>
    # with a headline (a link the teaser stage takes out), as long as the page's
    # story or longer.
    own = "".join(
        f"<p>Officials said on Tuesday that the harbour project would need another {i} years "
        "of work before the first ships could dock at the new quay.</p>"
        for i in range(5)
    )
    other = "".join(
        f"<p>The school board voted on Monday evening to close {i} schools at the end of the "
        "year, after parents asked for more time to find places.</p>"
        for i in range(others)
    )
    headline = next_headline.format("Board votes to close schools at the end of the year")
    page = (
        "<html><head><title>Harbour opening delayed</title>"
        "<meta property='og:type' content='article'></head><body><main>"
        f"<article><h1>Harbour opening delayed</h1>{own}</article>"
        f"<article>{headline}{other}</article></main></body></html>"
    )
    result = split(page.encode(), "https://example.org/news/2026/11/28/harbour-delayed")
    assert result.article is not None
    assert [p.text[:10] for p in result.article.paragraphs] == ["Officials "] * 5


@pytest.mark.parametrize(
    "heading",
    [
        "Reader comments (12)",
        "8 Responses to \u201cHarbour delayed\u201d",
        "3 thoughts on \u201cHarbour delayed\u201d",
        "12 r\u00e9actions",
        "Leserkommentare",
    ],
)
def test_reader_comments_under_a_comment_heading_are_not_the_body(heading: str) -> None:
    # Comments outnumber the story's paragraphs: only their heading tells them apart.
    story = "".join(
        f"<p>The council's finance committee will meet next week to decide on reserve fund "
        f"number {i}, a step that several members have already opposed in public.</p>"
        for i in range(4)
    )
    comment = (
        "<li><div><b>user{i}</b> <span>Nov 28, 2026 at 10:0{i} am</span></div><p>I have "
        "lived by the harbour for thirty years and the soil was always soft there, everyone "
        "knew it, and the council should have listened to the fishermen.</p></li>"
    )
    page = (
        "<html><head><title>Harbour delayed</title><meta property='og:type' content='article'>"
        f"</head><body><article><h1>Harbour delayed</h1>{story}</article><section>"
        f"<h2>{heading}</h2><ol>{_numbered(comment, 8)}</ol></section></body></html>"
    )
    result = split(page.encode(), "https://example.org/news/2026/11/28/harbour-delayed")
    assert result.article is not None
    assert len(result.article.paragraphs) == 4
    assert "fishermen" not in result.article.body


def test_language_from_the_content_language_header_when_the_page_declares_none() -> None:
    headers = {"content-type": "text/html", "content-language": "de-DE"}
    result = split(_ARTICLE.encode(), "https://example.org/a", headers)
    assert result.language == "de-DE"
    assert result.article is not None and result.article.language == "de-DE"


def test_html_lang_wins_over_the_content_language_header() -> None:
    page = _ARTICLE.replace("<html>", '<html lang="fr">').encode()
    result = split(page, "https://example.org/a", {"content-language": "de-DE"})
    assert result.language == "fr"


def test_relative_teaser_times_count_back_from_fetched_at_in_the_page_language() -> None:
    cards = "".join(
        f'<div class="card"><h3><a href="/news/story-number-{i}">Storm closes the coast road'
        f' number {i}</a></h3><span class="timestamp">{shown}</span></div>'
        for i, shown in enumerate(["Just now", "1 hour ago", "2 hours ago"])
    )
    page = f'<html lang="en"><body><section><h2>Latest</h2>{cards}</section></body></html>'
    fetched = datetime(2026, 2, 4, 9, 30, tzinfo=UTC)
    result = split(page.encode(), "https://example.org/", fetched_at=fetched)
    assert [t.published_at for t in result.teasers] == [
        "2026-02-04T09:30:00Z",
        "2026-02-04T08:30:00Z",
        "2026-02-04T07:30:00Z",
    ]
    undated = split(page.encode(), "https://example.org/")
    assert [t.published_at for t in undated.teasers] == [None, None, None]


def test_a_span_back_beside_the_story_byline_counts_back_from_fetched_at() -> None:
    page = _ARTICLE.replace("<html>", '<html lang="de">').replace(
        "<h1>A story</h1>",
        "<h1>A story</h1><div><span>Von Anna Lehmann</span> <span>vor 3 Stunden</span></div>",
    )
    assert "vor 3 Stunden" in page
    fetched = datetime(2026, 2, 4, 9, 30, tzinfo=UTC)
    result = split(page.encode(), "https://example.org/a", fetched_at=fetched)
    assert result.article is not None
    assert result.article.authors == ("Anna Lehmann",)
    assert result.article.published_at == "2026-02-04T06:30:00Z"
    undated = split(page.encode(), "https://example.org/a")
    assert undated.article is not None and undated.article.published_at is None


def test_a_stage_that_fails_is_skipped_with_a_warning_and_its_traceback_logged(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("a defect in teaser detection")

    monkeypatch.setattr(split_module, "find_teasers", broken)
    result = split(_ARTICLE.encode(), "https://example.org/a")
    assert result.warnings == ("teasers_failed",)
    assert result.article is not None and result.article.title == "A story"
    assert result.teasers == ()
    assert "a defect in teaser detection" in caplog.text  # the traceback, to find the bug


def test_every_warning_split_can_give_is_declared() -> None:
    # The metric pagesplit_split_warnings_total is initialised with SPLIT_WARNINGS.
    source = Path(split_module.__file__).read_text("utf-8")
    stages = re.findall(r'_guarded\(\s*"(\w+)"', source)
    appended = re.findall(r'warnings\.append\("(\w+)"\)', source)
    assert len(stages) >= 4 and appended
    assert {f"{stage}_failed" for stage in stages} | set(appended) == set(SPLIT_WARNINGS)


@pytest.mark.parametrize("url", ["http://[::1", "https://", "", "ftp://n.example/a"])
def test_a_page_url_that_is_no_http_address_loses_no_stage(url: str) -> None:
    page = b"<html><head><title>A story</title></head><body><h1>A story</h1></body></html>"
    assert split(page, url).warnings == ()
