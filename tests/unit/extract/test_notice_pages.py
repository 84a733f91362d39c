"""Pages that stand in for a story (error pages, removal notices, bot checks, consent and
subscription walls) make no article; stories whose headlines only look alike stay."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from service.extract import body_tables
from service.extract.split import _is_notice_headline, split
from service.extract.text import CaselessPattern, normalize_text

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


# The two notice patterns searched behind a gate: their caseless form (``re.I``, tried at
# every position of every headline) is how they were searched before.
_GATED = tuple(p for p, _ in body_tables.NOTICE_HEADLINES if isinstance(p, CaselessPattern))


def _tall_de(text: str) -> str:
    """``text`` with its "д" in the tall form of old Russian print, which a caseless
    match pairs with it."""
    return text.replace("д", "\u1c81").replace("Д", "\u1c81")


# Their words in mixed case, the letters a caseless match pairs with ASCII ones (the
# Turkish i's, the long s, the Kelvin sign), other scripts' letters, digits and spaces.
_NOTICE_PIECES = (
    "page", "PAGE", "Page ", "was ", "not found", "NOT FOUND", "be found", "could not ",
    "can\u2019t", "can't ", "couldn\u2019t", "find ", "FIND", "the ", "this ", "that ",
    "seite ", "nicht gefunden", "GEFUNDEN", "página ", "PÁGINA", "no encontrada",
    "não encontrada", "introuvable", "non trouvée", "NON TROUVÉE", "pagina ", "non trovata",
    "niet gevonden", "страница ", "СТРАНИЦА", "не найдена", "не найдена".upper(),
    _tall_de("не найдена"), "nie znaleziono ", "strony", "strona nie została znaleziona",
    "sayfa ", "bulunamad", "BULUNAMAD", "\u0131",
    "I", "\u0130", "Sorry, ", "sorry ", "article ", "story ", "content ", "video ",
    "has expired", "HAS EXPIRED", "is no longer available", "has been ", "was ", "removed",
    "deleted", "DELETED", "no longer exists", "artikel ", "inhalt ", "ist ", "leider ",
    "nicht mehr ", "NICHT MEHR ", "verfügbar", "online", "artículo ", "contenido ", "ya ",
    "no ", "está ", "disponible", "DISPONIBLE", "contenu ", "n'est plus ", "articolo ",
    "non ", "è ", "più ", "disponibile", "artigo ", "conteúdo ", "já ", "não ",
    "disponível", "\u017f", "\u212a", "x", "1", "\u0665", " ", "\u00a0", "\n", "\u2014",
    "\u00e9", "\u00df", "\u6f22",
)  # fmt: skip


@given(st.lists(st.sampled_from(_NOTICE_PIECES), max_size=8).map("".join))
@example("Page not found")
@example("PAGE NOT FOUND")
@example("Not Found")
@example("We couldn\u2019t find that page")
@example("SAYFA BULUNAMADI")
@example("Sayfa bulunamad\u0131")
@example("Страница не найдена")
@example(_tall_de("Страница не найдена".upper()))
@example("Sorry, the story has been removed")
@example("THE ARTICLE IS NO LONGER AVAILABLE")
@example("Este contenido ya no está disponible")
@example("Dieser Artikel ist nicht mehr verfügbar")
@example("THE PAGE HAS EXPIRED")
@example("the page was \u017fo removed")
def test_gated_notice_patterns_find_what_the_caseless_patterns_found(text: str) -> None:
    assert len(_GATED) == 2
    for gated in _GATED:
        found, again = gated.caseless.search(text), gated.search(text)
        assert (found and found.span()) == (again and again.span()), gated.gate
    folded = normalize_text(text)  # the headline as ``_is_notice_headline`` reads it
    before = [getattr(p, "caseless", p) for p, _ in body_tables.NOTICE_HEADLINES]
    expected = any(p.search(folded) for p in before)
    short = 0 < len(folded) <= body_tables.MAX_NOTICE_HEADLINE_CHARS
    assert _is_notice_headline(text) == (expected and short)
