"""The teaser stage's reshaped and gated patterns find what their plain forms find."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.extract import dates_tables as dt
from service.extract import teaser_fields, teaser_items, teasers
from service.extract import teaser_tables as tt
from service.extract.text import contains_any, first_char_alternation, normalize_text

_PLACEHOLDER = re.compile(
    r"(?:^|/)(?:placeholder|blank|spacer|transparent|pixel|lazy|loading|loader|1x1|empty"
    r"|dummy|grey|gray|clear)(?:[-_](?:\d+(?:x\d+)?|image|img))?\.(?:gif|png|jpe?g|svg|webp)"
    r"(?:$|\?)",
    re.IGNORECASE,
)
# Pieces of image URLs: the names, their case variants, the Kelvin sign (a "k" under
# IGNORECASE), extensions, separators and other path text.
_URL_PIECES = (
    *tt._PLACEHOLDER_NAMES, "BLANK", "Grey", "blan\u212a", "LOADER", "/", "-", "_", "x", "16x9",
    "image", "img", ".gif", ".PNG", ".jpeg", ".webp", ".svg", "?", "?w=1", "photo", "\u00e9",
    "\u0130", "cdn.example.com", "https:",
)  # fmt: skip


@given(st.lists(st.sampled_from(_URL_PIECES), max_size=8).map("".join))
def test_placeholder_image_finds_what_its_caseless_form_finds(url: str) -> None:
    found, expected = tt.PLACEHOLDER_IMAGE.search(url), _PLACEHOLDER.search(url)
    assert (found and found.span()) == (expected and expected.span())


def test_placeholder_image() -> None:
    assert tt.PLACEHOLDER_IMAGE.search("https://cdn.example.com/img/Blank-16x9.GIF?w=1")
    assert tt.PLACEHOLDER_IMAGE.search("/static/lazy_image.png")
    assert not tt.PLACEHOLDER_IMAGE.search("https://cdn.example.com/photos/blank-verse.jpg")


def _flat(pattern: re.Pattern[str], grouped: str, alternatives: str) -> re.Pattern[str]:
    assert grouped in pattern.pattern
    return re.compile(pattern.pattern.replace(grouped, alternatives), pattern.flags)


_LABEL_PATTERNS = (
    (tt.INLINE_LABEL, tt._INLINE_LABEL_ALTERNATION, tt._INLINE_LABELS),
    (tt.INLINE_LABEL_PREFIX, tt._INLINE_LABEL_ALTERNATION, tt._INLINE_LABELS),
    (tt.BLOCK_LABEL_LINE, tt._INLINE_LABEL_ALTERNATION, tt._INLINE_LABELS),
    (tt.KICKER_PREFIX, tt._KICKER_ALTERNATION, tt._KICKER_WORDS),
    (tt.KICKER_BRACKETED, tt._KICKER_ALTERNATION, tt._KICKER_WORDS),
    (tt.KICKER_WORD, tt._KICKER_ALTERNATION, tt._KICKER_WORDS),
    (tt.SPONSORED_LABEL, first_char_alternation(tt._SPONSORED_LABELS, re.I), tt._SPONSORED_LABELS),
)
# Pieces of item texts: words of the labels, their starts, case variants, separators.
_LABEL_PIECES = (
    "Related", "read", "READ ", "more", "also", " ", ": ", "[", "]", "\u3010", "\u3011", "\u25b6",
    "\u00e0 lire", "A lire", "lire aussi", "sponsored", " by ", "ad", "Ads", "advertorial",
    "live", "LIVE", "ticker", "-", " \u2014 ", ".", "breaking", " news", "\u95a2\u9023\u8a18\u4e8b",
    "\u0441\u043c", "storm hits coast", "(", ")", "\u00ab", "\u00bb", "\U0001f449", "\ufe0f",
    "\u300c", "\u300d", "most read", "Recent posts",
)  # fmt: skip


@given(st.lists(st.sampled_from(_LABEL_PIECES), max_size=6).map("".join))
def test_label_patterns_find_what_their_flat_alternations_find(text: str) -> None:
    for pattern, grouped, alternatives in _LABEL_PATTERNS:
        flat = _flat(pattern, grouped, alternatives)
        for method in ("match", "fullmatch"):
            found = getattr(pattern, method)(text)
            expected = getattr(flat, method)(text)
            assert (found and found.span()) == (expected and expected.span())


_ASCII_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # what normalize_text removes


def _cleaned(text: str) -> str:
    """normalize_text's result as the control characters' pattern defines it."""
    return " ".join(text.split()) if _ASCII_CONTROL.search(text) is None else normalize_text(text)


@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=12))
def test_normalize_text_folds_ascii_text_as_the_control_pattern_says(text: str) -> None:
    assert normalize_text(text) == _cleaned(text)


@pytest.mark.parametrize("text", ["", " \n\t", "a\x1cb", "a\x0bb", "\x1f", "x\x7f y", "  A  b "])
def test_normalize_text_of_controls_and_whitespace(text: str) -> None:
    assert normalize_text(text) == _cleaned(text)


# Pieces of headlines: the gates' literals and what their patterns match around them, in
# both cases, with the characters a caseless match pairs with ASCII letters (the Turkish
# i's, the long s, the Kelvin sign), cased letters beyond ASCII and other text.
_TITLE_PIECES = (
    *tt.NAV_LABEL_GATE, *tt.CALL_TO_ACTION.gate, *tt.PRICE_GATE, "See ", "ALL", "More", "Next",
    "VER MÁS", "Mehr", "Prev", "Back to top", "Older", "Click here", "SUBSCRIBE NOW", "Log in",
    "Free", "download", "$",
    "9.99", "12,50 ", "12,50", "for $30", "Ukraine", "EUR", "kr", "\u0663,\u0665\u0660 ",
    "3", ".", ",", " ", "  ", "\u203a", "\u00bb", "\u0130",
    "\u0131", "\u017f", "\u212a", "Zł", "ß", "é", "漢", "Storm hits coast", "the ", "\u2019",
    "\n", "View this post on ", "Instagram", "A photo shared by ", "an ", "(@ann.lee)",
)  # fmt: skip


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_TITLE_PIECES), max_size=5).map("".join))
def test_title_gates_decide_as_the_patterns_alone(title: str) -> None:
    expected = bool(
        tt.NAV_LABEL.match(title)
        or tt.CALL_TO_ACTION.search(title)
        or (contains_any(title, tt.PRICE_GATE) and tt.PRICE.search(title))
        or tt.EMBED_LINE.fullmatch(title)
    )
    assert teaser_items.rejects_title(title) == expected


@pytest.mark.parametrize(
    "label",
    [
        "See all", "MORE STORIES \u203a", "Everything", "Next \u00bb", "previous page", "Prev",
        "Older posts", "Newer", "Home", "Back to top", "Tout voir", "Voir plus", "Mehr",
        "Alle anzeigen", "Ver m\u00e1s", "VER TODO", "Mostra tutto", "V\u0130ew all",
        "EVERYTH\u0131NG",
    ],
)  # fmt: skip
def test_title_gates_open_for_every_navigation_label(label: str) -> None:
    assert tt.NAV_LABEL.match(label)
    assert teaser_items.rejects_title(label)
    assert teasers._LINE_GATES.find(label) & 2


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_an_item_line_gate_opens_for_every_navigation_label(data: st.DataObject) -> None:
    text = _any_case(data.draw, data.draw(st.from_regex(tt.NAV_LABEL)))
    if tt.NAV_LABEL.match(text):
        assert teasers._LINE_GATES.find(text) & 2


def test_title_gates() -> None:
    assert teaser_items.rejects_title("  View all  \u203a")
    assert teaser_items.rejects_title("Zur Kasse: 12,50 z\u0142")
    assert teaser_items.rejects_title("SUBSCRIBE NOW for full access")
    assert not teaser_items.rejects_title("Storm hits the coast overnight")


# Ends of an item's lines: the read-more gate's literals and the calls around them, in
# both cases, with the characters a caseless match pairs with ASCII letters, arrows,
# ellipses and other text.
_TAIL_PIECES = (
    *tt.READ_MORE_GATE, "Continue Reading", "KEEP READING", "Read the full article",
    "FULL STORY", "more", "More", "(MORE)", "(m\u00e1s)", "(M\u00c1S)", "Lire la suite",
    "WEITERLESEN", "Leer M\u00e1s", "seguir leyendo", "continua a leggere", "Leia mais",
    "lees meer", "Leggi tutto", "LEGGI DI PI\u00d9", "leggi di piu", "Ler mais", "Saiba Mais",
    "Ver m\u00e1s", "VER MAIS", "Mehr lesen", "mehr", "MEHR", "Lire plus", "plus", "M\u00c1S",
    "lees verder", "\u2026", "...", " \u203a", "\u00bb", " ", ".", "\u0130", "\u0131",
    "\u017f", "\u212a", "\u00e9", "Storm hits coast", "the ", "\n",
)  # fmt: skip


@settings(max_examples=600)
@given(st.lists(st.sampled_from(_TAIL_PIECES), max_size=6).map("".join))
def test_the_read_more_gate_opens_for_every_call(text: str) -> None:
    end = max(0, len(text) - tt.MAX_READ_MORE_CHARS)
    if tt.READ_MORE_TAIL.search(text, end) is not None:
        assert teasers._READ_MORE.find(text[end:]) & 2


def _any_case(draw: st.DrawFn, text: str) -> str:
    """``text`` with each character lower or upper cased, or made one that a caseless
    match pairs with it (the Turkish i's, the long s, the Kelvin sign)."""
    pairs = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}
    return "".join(
        draw(st.sampled_from((char.lower(), char.upper(), *pairs.get(char.lower(), ""))))
        for char in text
    )


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_the_legal_label_gate_opens_for_every_literal_in_mixed_case(data: st.DataObject) -> None:
    for literal in (*tt.LEGAL_LABEL.gate, "mentions légales"):
        text = f"Our {_any_case(data.draw, literal)}"
        assert bool(tt.LEGAL_LABEL.search(text)) == bool(tt.LEGAL_LABEL.caseless.search(text))


@pytest.mark.parametrize(
    "title",
    ["Privacy Policy", "TERMS OF USE", "Mentions Légales", "ABOUT US", "COO\u212aIE settings"],
)
def test_the_legal_label_gate_opens_for_legal_links(title: str) -> None:
    assert tt.LEGAL_LABEL.search(title)
    assert not tt.LEGAL_LABEL.search("Storm hits the coast")


# Pieces of date links: digits (Arabic-Indic, Devanagari and Thai ones too), separators,
# month and weekday names of every language read, other words.
_DATE_PIECES = (
    "4", "04", "2026", "1447", "2569", "12", "\u0662\u0660\u0662\u0666", "\u0968\u0966\u0968\u0966",
    "\u0e52\u0e55\u0e56\u0e59", "\u0968", ".", "/", "-", ",", " ", ":", "Published",
    *sorted(dt.DATE_WORDS)[::7], *sorted(dt.WEEKDAY_WORDS)[::5], "Storm",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=6).map("".join))
def test_a_date_holds_a_digit(text: str) -> None:
    assert not teaser_fields.is_date(text) or tt.DIGIT.search(text)


def _cases(word: str) -> tuple[str, ...]:
    alternating = "".join(c.upper() if i % 2 else c for i, c in enumerate(word))
    return (word, word.upper(), word.title(), alternating, alternating.swapcase())


def test_no_month_or_weekday_name_is_a_date_without_a_digit() -> None:
    for word in sorted({*dt.DATE_WORDS, *dt.WEEKDAY_WORDS, *dt.MONTH_WORDS}):
        for text in _cases(word):
            for line in (text, f"{text} {text}", f"{text}, {word}"):
                assert not teaser_fields.is_date(line) or tt.DIGIT.search(line)


# The label patterns asked behind a gate of their openings, with the gate's pairs and
# the characters their matches may open with before the label.
_SPACE_LEADS, _LABEL_LEADS = teaser_fields.SPACE_LEADS, teaser_fields.LABEL_LEADS
_OPENING_GATES = (
    (tt.SPONSORED_LABEL, tt._SPONSORED_LABELS, tt.SPONSORED_LABEL_OPENERS, _SPACE_LEADS),
    (tt.INLINE_LABEL, tt._INLINE_LABELS, tt.INLINE_LABEL_OPENERS, _LABEL_LEADS),
    (tt.INLINE_LABEL_PREFIX, tt._INLINE_LABELS, tt.INLINE_LABEL_OPENERS, _LABEL_LEADS),
    (
        tt.BYLINE_OR_TAXONOMY,
        f"{tt._BYLINE_WORDS}|{tt._TAXONOMY_LINE}",
        tt.BYLINE_OR_TAXONOMY_OPENERS,
        _SPACE_LEADS,
    ),
    *(
        (pattern, "|".join(map(re.escape, labels)), pairs, _SPACE_LEADS)
        for pattern, labels, pairs in (
            (tt.CITATION_LABEL, tt.CITATION_LABELS, tt.CITATION_LABEL_OPENERS),
            (tt.AD_LIST_LABEL, tt.AD_LIST_LABELS, tt.AD_LIST_LABEL_OPENERS),
            (tt.OUTSIDE_LINK_LABEL, tt.OUTSIDE_LINK_LABELS, tt.OUTSIDE_LINK_LABEL_OPENERS),
        )
    ),
)
# What a text may open with before a label: white space, marks and brackets.
_LEADS = ("", " ", "\n ", "\u00a0", "\u25b6 ", "> ", "[", "\u3010")


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_label_gates_open_for_every_label_in_mixed_case(data: st.DataObject) -> None:
    for pattern, labels, pairs, leads in _OPENING_GATES:
        label = _any_case(data.draw, data.draw(st.from_regex(labels, fullmatch=True)))
        lead = data.draw(st.sampled_from(_LEADS))
        rest = data.draw(st.sampled_from(("", ": Storm hits coast", " Storm", "\u00bb")))
        text = lead + label + rest
        if pattern.match(text):
            assert teaser_fields.may_open_with(text, pairs, leads)


# The texts each pattern matches, made once: a strategy made from one of these large
# patterns inside the test was made again for every example, which took minutes.
_MATCHING = tuple(
    (st.from_regex(pattern), pattern, pairs, leads) for pattern, _, pairs, leads in _OPENING_GATES
)


# Drawing a text from each of these large patterns in one example may fill Hypothesis's
# buffer or filter too much on a given run: a health check of the generator, not a
# failure of the gates (which a drawn text that fails them still reports).
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(st.data())
def test_the_label_gates_open_for_every_match(data: st.DataObject) -> None:
    for matching, pattern, pairs, leads in _MATCHING:
        text = data.draw(matching)
        assert pattern.match(text)
        assert teaser_fields.may_open_with(text, pairs, leads)


def test_the_label_gates() -> None:
    assert teaser_fields.is_sponsored_label("Sponsored by Acme")
    assert teaser_fields.is_sponsored_label("ANZEIGE")
    assert teaser_fields.is_sponsored_label("\u0130klan")  # the dotted capital I
    assert teaser_fields.is_sponsored_label(" Advertisement ")
    assert not teaser_fields.is_sponsored_label("Morning briefing")
    for text in ("\u25b6 Related: Storm hits coast", "lire aussi", "(Related)"):
        assert teaser_fields.may_open_with(text, tt.INLINE_LABEL_OPENERS, _LABEL_LEADS)
    for text in ("Storm hits coast", ""):
        assert not teaser_fields.may_open_with(text, tt.INLINE_LABEL_OPENERS, _LABEL_LEADS)
    bylines = tt.BYLINE_OR_TAXONOMY_OPENERS
    assert teaser_fields.may_open_with("Posted in Transport", bylines, _SPACE_LEADS)
    assert not teaser_fields.may_open_with("Storm hits coast", bylines, _SPACE_LEADS)


# Texts around labels and arrows: label words in mixed case, what may open or end a
# label, white space of every kind, and characters a caseless match pairs with ASCII.
_LABEL_TEXT = st.lists(
    st.sampled_from(
        (
            *sorted(tt.CITATION_LABELS)[::3], *sorted(tt.AD_LIST_LABELS)[::3],
            *sorted(tt.OUTSIDE_LINK_LABELS)[::3], "Read more", "RELATED", "Lesen Sie auch",
            ":", "\u203a", "\u00bb", ">", "\u2192", "\uff1a", "\u25b6", "[", "\u3010",
            " ", "\n", "\u00a0", "\u2028", "\x1c", "\u3000", "Storm", "\u0130", "\u212a",
            "\u017f", "\u00e9", "\u6f22",
        )
    ),
    max_size=6,
).map("".join)  # fmt: skip


@given(_LABEL_TEXT)
def test_the_gated_label_calls_give_what_the_patterns_give(text: str) -> None:
    assert teaser_items._unlabelled(text) == tt.INLINE_LABEL.sub("", text, count=1)
    for pattern, pairs in (
        (tt.CITATION_LABEL, tt.CITATION_LABEL_OPENERS),
        (tt.AD_LIST_LABEL, tt.AD_LIST_LABEL_OPENERS),
        (tt.OUTSIDE_LINK_LABEL, tt.OUTSIDE_LINK_LABEL_OPENERS),
    ):
        assert teasers._is_label(text, pattern, pairs) == (pattern.match(text) is not None)
    assert teaser_fields._trim_arrows(text) == teaser_fields._ARROWS.sub("", text)
