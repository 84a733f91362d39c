"""The tests of a link target's path in C (``_paths``) answer what their Python forms,
kept here, answer: on targets at the edges of each rule, in mixed case, with escapes,
hosts, queries and fragments, and characters past ASCII whose lowercase or digit reading
differs from ASCII's."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from service.extract import teaser_tables as tt
from service.extract._paths import Paths
from service.extract.teaser_items import (
    PATHS,
    has_story_id_or_date,
    is_listing_url,
    is_service_url,
    is_story_url,
    url_key,
)

_WORD = re.compile(r"[^\W_]+")
# What ``Paths`` looks for in one pass, with ``STORY_ID_DIGITS`` and ``STORY_YEAR_CENTURIES``.
_YEAR = rf"(?:{'|'.join(tt.STORY_YEAR_CENTURIES)})\d\d"
_ID_OR_DATE = re.compile(
    rf"\d{{{tt.STORY_ID_DIGITS}}}|/{_YEAR}/[01]?\d(?:/|$)|{_YEAR}-[01]\d-[0-3]\d"
)


def _path(href: str) -> str:
    if "?" in href:
        href = href.split("?", 1)[0]
    if "#" in href:
        href = href.split("#", 1)[0]
    if "//" in href:
        rest = href.split("//", 1)[1]
        href = rest[rest.find("/") :] if "/" in rest else ""
    return href


def _shows_story_id_or_date(path: str) -> bool:
    return _ID_OR_DATE.search(path) is not None


def _is_story(href: str, text: str) -> bool:
    path = _path(href)
    if len(path) < tt.MIN_STORY_PATH_CHARS:
        return False
    path = (unquote(path) if "%" in path else path).lower()
    segments = path.split("/")
    joiners = tt.STORY_SLUG_WORDS - 1
    slug = max(segment.count("-") + segment.count("_") for segment in segments) >= joiners
    if not slug and not _shows_story_id_or_date(path):
        return False
    if any(segment in tt.NON_STORY_SEGMENTS for segment in segments):
        return False
    words = set(_WORD.findall(path))
    return any(
        len(word) >= tt.MIN_ECHO_CHARS and not word.isdigit() and word in words
        for word in _WORD.findall(text.lower())
    )


def _is_listing(href: str) -> bool:
    path = _path(href).rstrip("/")
    slash = path.rfind("/")
    last = path[slash + 1 :].lower()
    if last in tt.NON_STORY_SEGMENTS:
        return not _shows_story_id_or_date(path)
    if slash <= 0:
        return False
    parent = path[path.rfind("/", 0, slash) + 1 : slash].lower()
    return parent in tt.NON_STORY_SEGMENTS and not _shows_story_id_or_date(path)


def _is_service(href: str) -> bool:
    path = _path(href)
    if len(path) > tt.MAX_SERVICE_PATH_CHARS or not path.strip("/"):
        return False
    path = (unquote(path) if "%" in path else path).lower()
    named = False
    for word in _WORD.findall(path):
        if word in tt.SERVICE_PAGE_WORDS:
            named = True
        elif word not in tt.SERVICE_PAGE_FILLERS:
            return False
    return named


def _url_key(url: str) -> str:
    rest = url.split("://", 1)[-1]
    if rest.startswith("www."):
        rest = rest[4:]
    return rest.rstrip("/")


# Pieces of targets: separators, hosts, queries, fragments, escapes, the tables' words in
# mixed case, slugs, ids and dates; letters whose lowercase is ASCII (the Kelvin sign) or
# longer (the dotted capital I), digits past ASCII (Arabic-Indic, fullwidth) and numbers
# that are no decimal digits (superscript two), an escaped letter and a bad escape.
_PIECES = [
    *("/", "/", "//", "-", "_", "?", "#", ".", ":", "%", "%2D", "%C3%A9", "%4B", "%zz", "%E2"),
    *("https://www.example.org", "//cdn.example.org", "www.", "http:", " "),
    *("tag", "Tags", "AUTHOR", "topic", "page", "search", "thema", "autor", "Status"),
    *("news", "world", "Story", "markets", "today", "housing", "crisis", "about", "us"),
    *("privacy", "Policy", "cookie", "terms", "of", "use", "l\xe9gales", "L\xc9GALES", "app"),
    *("a-long-story-slug", "one_two_three_four", "2024", "/2024/05/", "1999-12-31", "12345"),
    *("123", "20", "19", "05", "\u0661\u0662\u0663\u0664\u0665", "\uff11\uff12", "\xb2\xb2"),
    *("\u212aategorie", "\u0130", "caf\xe9", "\u65e5\u672c", "\U0001f600", "\u0410\u0431"),
]
_TARGETS = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)
_TEXTS = st.lists(
    st.sampled_from(
        [
            *(" ", "News", "STORY", "world", "Housing", "crisis", "today", "a", "the"),
            *("2024", "12345", "\u0661\u0662\u0663\u0664", "\xb2\xb2\xb2\xb2", "\u0130stanbul"),
            *("caf\xe9", "CAF\xc9", "\u212aelvin", "slug", "Markets", "-", "_", "'s"),
        ]
    ),
    max_size=10,
).map("".join)


@settings(max_examples=1500)
@given(_TARGETS, _TEXTS)
@example("/news/world/a-long-story-slug", "A long story")
@example("/tag/housing-crisis-today-now", "Housing crisis")
@example("/news/\u0130stanbul-x-y-z-w", "\u0130stanbul")  # lowercased to two characters
@example("/\u212aategorie/slug-of-a-story", "Slug")  # "kategorie" once lowercased
@example("/news/story/\u0661\u0662\u0663\u0664\u0665", "News story")  # Arabic-Indic id
@example("/news/caf%C3%A9-slug-a-b", "CAF\xc9 slug")
def test_is_story_url(href: str, text: str) -> None:
    assert is_story_url(href, text) is _is_story(href, text)


@settings(max_examples=2000)
@given(_TARGETS)
@example("/tag/housing-crisis")
@example("/news/author/ann-lee/")
@example("/\u212aategorie/x")  # a segment past ASCII, "kategorie" once lowercased
@example("/tag/2024/05/x")
@example("https://example.org/tag")
@example("/search?q=rain")  # the listing's own page: its last segment
@example("/ricerca/?q=maltempo")
@example("/temas/elecciones-2026")
@example("/2026/03/14/search")
@example("/news/12345")
@example("/\uff11\uff12\uff13\uff14\uff15")  # fullwidth digits: decimal digits too
@example("/cookie-policy")
@example("/about-us/")
@example("/mentions-l%C3%A9gales")
@example("//")
@example("/PRIVACY")
def test_listing_service_and_id(href: str) -> None:
    assert is_listing_url(href) is _is_listing(href)
    assert is_service_url(href) is _is_service(href)
    assert has_story_id_or_date(href) is _shows_story_id_or_date(_path(href))


# Pieces of paths around an id or a date: the centuries, digits of other scripts (which
# ``\\d`` matches), numbers that are none, the separators, a newline (before which ``$``
# matches at the end) and letters.
_DATE_PIECES = st.lists(
    st.sampled_from(
        [
            *("/", "/", "-", "-", "19", "20", "21", "0", "1", "2", "3", "4", "9", "05", "12"),
            *("\u0661", "\uff11", "\xb2", "\u2460", "\n", "a", "X", "\xe9", "\U0001f600"),
            *("/2024/", "2024-", "-05-", "/1999/1", "12345", "1234"),
        ]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=3000)
@given(_DATE_PIECES)
@example("/2024/05/")
@example("/2024/5")
@example("/2024/1/")  # "[01]?" given back to the digit
@example("/2024/13")
@example("/2024/123")
@example("/2024/05\n")  # the end before a final newline
@example("/2024/05\nx")
@example("/2024/\u0661\u0662/")  # the month in Arabic-Indic digits
@example("/\uff12\uff10\uff12\uff14/05/")  # a fullwidth century: no year
@example("/20\u0662\u0664/05/")
@example("2024-05-31")
@example("2024-05-41")
@example("2024-5-31")
@example("20\u0662\u0664-0\u0665-3\u0661")
@example("1234\u06615")  # five digits of two scripts
@example("1234\xb2")  # superscript two: a digit, no decimal one
def test_id_or_date(path: str) -> None:
    assert has_story_id_or_date(path) is (_ID_OR_DATE.search(_path(path)) is not None)
    assert is_listing_url("/tag/" + path) is _is_listing("/tag/" + path)
    assert is_story_url("/news/" + path, "News") is _is_story("/news/" + path, "News")


@settings(max_examples=1000)
@given(_TARGETS)
@example("https://www.example.org/a/")
@example("www.")
@example("a://b://www.c///")
def test_url_key_and_path(url: str) -> None:
    assert url_key(url) == _url_key(url)
    assert PATHS.path(url) == _path(url)


@pytest.mark.parametrize(
    ("href", "text", "story"),
    [
        ("https://example.org/news/world/storm-reaches-the-coast", "Storm reaches coast", True),
        ("https://example.org/news/world/storm-reaches-the-coast", "Weather today", False),
        ("/sport", "Sport news today", False),  # a short path
        ("/tag/storm-reaches-the-coast", "Storm reaches coast", False),  # a tag page
        ("/news/2026/02/storm", "Storm warning", True),  # a date, no slug
        ("/news/world/storm", "Storm warning", False),  # neither slug nor id
    ],
)
def test_story_paths(href: str, text: str, story: bool) -> None:
    assert is_story_url(href, text) is story


def test_tables_given_are_read() -> None:
    # Another table and other numbers change the answers: nothing of the rule is in C.
    paths = Paths(
        story_path_chars=2,
        slug_joiners=0,
        id_digits=2,
        year_centuries=("30",),
        non_story_segments=("news",),
        echo_chars=2,
        service_path_chars=20,
        service_words=("\xe9t\xe9",),
        service_fillers=("de",),
    )
    assert paths.is_story("/ab/cd", "AB")
    assert not paths.is_story("/news/ab", "AB")
    assert paths.is_listing("/news/ab")
    assert not paths.is_listing("/news/12")  # an id of two digits
    assert paths.has_story_id_or_date("/12") and not paths.has_story_id_or_date("/1x")
    dates = Paths(
        story_path_chars=2,
        slug_joiners=0,
        id_digits=9,
        year_centuries=("30",),
        non_story_segments=(),
        echo_chars=2,
        service_path_chars=20,
        service_words=(),
        service_fillers=(),
    )
    assert dates.has_story_id_or_date("/3024/5") and dates.has_story_id_or_date("3024-05-31")
    assert not dates.has_story_id_or_date("/2024/5") and not dates.has_story_id_or_date(
        "2024-05-31"
    )
    assert not dates.has_story_id_or_date("/12345678")
    assert paths.is_service("/%C3%89t%C3%A9-de") and not paths.is_service("/\xe9t\xe9-du")


@pytest.mark.parametrize("code", [*range(0x100), 0x0661, 0xFF11, 0x2460, 0x212A, 0x0130])
def test_each_character_in_a_path_and_a_text(code: int) -> None:
    # Every character of a byte (the targets whose marks are found by memchr), and some
    # wider ones, inside a path's word, beside its slashes and in the link's text: the
    # letters, digits and decimal digits read in place for ASCII answer as ``str``'s
    # methods do.
    char = chr(code)
    for href in (
        f"/news/world/abcd{char}efgh-story-slug",
        f"/world/abcd{char}efgh/{char}2345",
        f"/ab{char}cd/{char}1234{char}",
        f"https://www.example.org{char}//x/{char}/ab{char}cd-e-f",
        f"/story/ab{char}cd?{char}#x",
        f"//ab{char}cd/2024/{char}5/x",
        f"/{char}/{char}/",
    ):
        for text in (f"Abcd{char}xyzw", f"ab{char}", f"{char}{char}{char}{char}"):
            assert is_story_url(href, text) is _is_story(href, text), (href, text)
        assert is_listing_url(href) is _is_listing(href), href
        assert is_service_url(href) is _is_service(href), href
        assert has_story_id_or_date(href) is _shows_story_id_or_date(_path(href)), href
        assert PATHS.path(href) == _path(href), href
