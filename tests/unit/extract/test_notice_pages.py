"""Pages that stand in for a story (error pages, removal notices, bot checks, consent and
subscription walls) make no article; stories whose headlines only look alike stay."""

from __future__ import annotations

import pytest

from service.extract.split import split

_NOTICE = (
    "<html><head><title>{title}</title><meta property='og:type' content='article'></head>"
    "<body><main><h1>{headline}</h1>"
    "<p>Sorry, what you asked for cannot be shown here right now, for reasons given below.</p>"
    "<p>Go back to the home page, or try again in a few minutes from the same address.</p>"
    "</main></body></html>"
)
_STORY_PARAGRAPH = (
    "<p>The council's report, published on Monday, found that {n} of the city's websites"
    " had lost pages over the past decade, and that readers met an error instead.</p>"
)
_URL = "https://news.example.com/world/2026/11/28/a-story"


def _page(headline: str, title: str = "The Daily") -> bytes:
    return _NOTICE.format(headline=headline, title=title).encode()


@pytest.mark.parametrize(
    "headline",
    [
        "404",
        "Error 404 - Not found",
        "Oops! That page can\u2019t be found.",
        "Page not found",
        "Seite nicht gefunden",
        "Página no encontrada",
        "Page introuvable",
        "This article has expired",
        "Dieser Artikel ist nicht mehr verfügbar",
        "Este contenido ya no está disponible",
        "Checking your browser before accessing news.example.com.",
        "Are you a robot?",
        "Just a moment...",
        "We value your privacy",
        "Wir brauchen Ihre Zustimmung",
        "Subscribe to continue reading",
        "Weiterlesen mit Tagesblatt+",
        "Article réservé aux abonnés",
        "You are being redirected",
        "Redirecting\u2026",
        "Sie werden weitergeleitet",
    ],
)
def test_notice_headline_makes_no_article(headline: str) -> None:
    result = split(_page(headline), _URL)
    assert result.article is None
    assert "notice_page" in result.warnings


def test_notice_title_makes_no_article_without_a_headline() -> None:
    page = _NOTICE.format(headline="news.example.com", title="Just a moment...").encode()
    assert split(page, _URL).article is None


@pytest.mark.parametrize(
    "headline",
    [
        "404 people evacuated as floods hit the valley",
        "Access denied to refugees at the border",
        "Privacy settings to change on your phone now",
        "Before the vote, a town divided",
        "Redirecting funds to schools, council votes",
    ],
)
def test_story_headline_like_a_notice_stays_an_article(headline: str) -> None:
    result = split(_page(headline, title=headline), _URL)
    assert result.article is not None
    assert "notice_page" not in result.warnings


def test_long_story_under_a_notice_headline_stays_an_article() -> None:
    body = "".join(_STORY_PARAGRAPH.format(n=n) for n in range(12))
    page = (
        "<html><head><title>Page not found</title><meta property='og:type' content='article'>"
        f"</head><body><article><h1>Page not found</h1>{body}</article></body></html>"
    ).encode()
    result = split(page, _URL)
    assert result.article is not None
    assert len(result.article.paragraphs) == 12
