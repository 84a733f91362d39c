"""text.normalize_text, text.is_truncated, text.CaselessPattern, text.without_captures,
text.folds_as_ascii, text.literal_table (_words.Literals) and _text.fold."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from service.extract import body_reader, body_tables, teaser_tables
from service.extract import text as text_module
from service.extract._text import fold
from service.extract._words import FOLDS_AS_ASCII, Literals
from service.extract.body_reader import chars
from service.extract.text import (
    CaselessPattern,
    contains_any,
    folds_as_ascii,
    is_truncated,
    literal_table,
    normalize_text,
    opening_pairs,
    without_captures,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Storm   reaches\n\tthe coast  ", "Storm reaches the coast"),
        ("no\u00a0break\u202fnarrow\u2009thin", "no break narrow thin"),
        ("line\u2028separator", "line separator"),
        ("zero\u200bwidth", "zerowidth"),
        ("soft\u00adhyphen", "softhyphen"),
        ("\ufeffBOM first", "BOM first"),
        ("word\u2060joiner", "wordjoiner"),
        ("bell\x07and\x00nul", "bellandnul"),
        ("c1\x85\x9fcontrols", "c1controls"),
        ("vertical\x0btab and\x1cseparator", "verticaltab andseparator"),  # split spaces
        ("lone\udce9surrogate", "lonesurrogate"),
        ("e\u0301", "\u00e9"),  # NFC composes
        ("", ""),
        (" \u200b \n ", ""),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_arabic_kept_and_edge_direction_marks_dropped() -> None:
    assert normalize_text("\u200f العاصفة تصل إلى الساحل \u200f") == "العاصفة تصل إلى الساحل"


def test_direction_marks_inside_mixed_text_kept() -> None:
    text = "BBC \u200fالعاصفة\u200f 2026"  # noqa: RUF001 (Arabic letters are meant)
    assert normalize_text(text) == text


def test_persian_zero_width_non_joiner_kept() -> None:
    word = "می\u200cخواهم"  # noqa: RUF001 (Persian letters are meant)
    assert normalize_text(word) == word


def test_emoji_zero_width_joiner_sequence_kept() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert normalize_text(f" {family} ") == family


def test_cjk_kept_and_ideographic_space_folded() -> None:
    assert normalize_text("嵐が沿岸に到達\u3000東京") == "嵐が沿岸に到達 東京"
    sentence = "风暴抵达海岸，河流上涨。"  # noqa: RUF001 (the full-width comma is meant)
    assert normalize_text(sentence) == sentence


def test_hangul_jamo_compose_under_nfc() -> None:
    assert normalize_text("\u1112\u1161\u11ab") == "\ud55c"


def test_normalize_is_idempotent() -> None:
    once = normalize_text(" \u200fa\u00a0b\u0301 \u200b")
    assert normalize_text(once) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rivers and reservoirs co...", True),
        ("Rivers and reservoirs co…", True),
        ("Rivers and reservoirs co… ", True),
        ("Rivers and reservoirs [...]", True),
        ("Rivers and reservoirs […]", True),
        ("«Rivers and reservoirs…»", True),
        ("Rivers and reservoirs rise.", False),
        ("Rivers... and reservoirs rise", False),
        ("", False),
    ],
)
def test_is_truncated(text: str, expected: bool) -> None:
    assert is_truncated(text) is expected


_CASELESS = r"\b(?:sign up|log ?in|suscr\u00edbete)\b|\bdownload\s*$"


@pytest.mark.parametrize(
    "text",
    [
        "Sign Up now",
        "LOGIN",
        "Please log in",
        "Blogin is not a word",
        "Free DOWNLOAD  ",
        "download the app",
        "SUSCR\u00cdBETE hoy",
        "Stra\u00dfe sign UP",
        "nothing here",
    ],
)
def test_caseless_pattern_finds_what_ignorecase_finds(text: str) -> None:
    pattern = CaselessPattern.compile(_CASELESS)
    expected = re.compile(_CASELESS, re.IGNORECASE).search(text) is not None
    assert (pattern.search(text) is not None) is expected


def test_caseless_pattern_refuses_upper_case() -> None:
    with pytest.raises(ValueError, match="lower case"):
        CaselessPattern.compile(r"\bSign up\b")


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("^yan\u0131tla$", "YANITLA"),
        ("^yan\u0131tla$", "Yanitla"),
        (r"^yan\u0131tla$", "yanitla"),  # the escape, as a raw string holds it
        ("^yan\u0131tla$", "Yan\u0131tla"),
        ("^yan\u0131tla$", "YAN\u0130TLA"),
        ("^[\u0131x]$", "I"),
        ("^pa\u017f$", "PAS"),
        ("^pas$", "pa\u017f"),
        ("^yan\u0131tla$", "yantla"),  # no match either way
    ],
)
def test_caseless_pattern_pairs_letters_with_ascii_as_ignorecase_does(
    pattern: str, text: str
) -> None:
    # Python's engine pairs a dotless i with "i" and a long s with "s", which the
    # plain form, matched against an ASCII text's lower case, would miss.
    expected = re.compile(pattern, re.IGNORECASE).search(text) is not None
    assert (CaselessPattern.compile(pattern).search(text) is not None) is expected


@pytest.mark.parametrize("text", ["Yanitla", "YANITLA", "Yan\u0131tla", "yan\u0131tla (3)"])
def test_a_turkish_reply_control_is_found_in_any_case(text: str) -> None:
    assert body_tables.REPLY_CONTROL.search(text) is not None


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(a|b)c", r"(?:a|b)c"),
        (r"[(]x(y)", r"[(]x(?:y)"),  # a parenthesis in a set is a member
        (r"\(a(b)\)", r"\(a(?:b)\)"),  # an escaped one is a literal
        (r"[]()](z)", r"[]()](?:z)"),  # "]" first in a set is a member, not its end
        (r"[^]()](z)", r"[^]()](?:z)"),
        (r"[a\]](b)", r"[a\]](?:b)"),
        (r"(?:a)(?=b)(?P<n>c)(d)", r"(?:a)(?=b)(?P<n>c)(?:d)"),  # other groups stay
        (r"(a)\1", r"(a)\1"),  # a backreference needs its group: left as it is
    ],
)
def test_without_captures_rewrites_capturing_groups_alone(pattern: str, expected: str) -> None:
    assert without_captures(pattern) == expected


_ATOMS = ["a", "b", r"\(", r"\)", r"\[", "[(a]", "[]b]", "[^)a]", ".", r"\w", "|"]
_QUANTIFIERS = ["", "?", "*", "+", "{0,2}", "+?"]


@st.composite
def _patterns(draw: st.DrawFn, depth: int = 0) -> str:
    """Small regexes of literals, sets holding brackets, groups of every kind and
    quantifiers: the places where a rewrite of ``(`` could go wrong."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        choice = draw(st.integers(0, 3 if depth < 2 else 0))
        if choice == 0:
            atom = draw(st.sampled_from(_ATOMS))
            if atom != "|":
                atom += draw(st.sampled_from(_QUANTIFIERS))
        else:
            # A group is at most optional: repeated groups of repeated atoms backtrack
            # exponentially, and the rewrite does not touch quantifiers.
            opening = ("(", "(?:", "(?=")[choice - 1]
            atom = opening + draw(_patterns(depth + 1)) + ")" + draw(st.sampled_from(["", "?"]))
        parts.append(atom)
    return "".join(parts)


@given(_patterns(), st.text(alphabet="ab()[]x?:", max_size=12))
def test_without_captures_finds_the_same_matches(pattern: str, text: str) -> None:
    rewritten = re.compile(without_captures(pattern))
    original = re.compile(pattern)
    assert rewritten.groups == 0
    found, again = original.search(text), rewritten.search(text)
    assert (found and found.span()) == (again and again.span())
    assert bool(original.fullmatch(text)) == bool(rewritten.fullmatch(text))


@given(st.text(alphabet=st.sampled_from([*text_module.WIDE_SPACES, " ", "\n", "a", "é", "漢"])))
def test_folded_length_is_the_length_of_the_folded_text(text: str) -> None:
    assert text_module.folded_length(text) == len(" ".join(text.split()))


@given(st.text(alphabet=st.sampled_from([*text_module.WIDE_SPACES, " ", "\n", "a", "é", "漢"])))
def test_body_chars_are_the_characters_other_than_whitespace(text: str) -> None:
    assert chars(text) == len("".join(text.split()))


# Curly quotes, dashes, CJK and Hangul have no case; the others have, or pair
# with an ASCII letter under case-insensitive matching (long s, Kelvin sign,
# dotted and dotless i, micro sign, final sigma), or lie beyond the BMP.
_CASELESS = "\u2019\u201c\u2014\u2026\u00a0\u00ab\u6f22\u3002\ud55c"
_CASED = "\u00e9\u00c9\u017f\u212a\u0130\u0131\u00b5\u03a3\u00df\u1e9e\u0416\U0001f600"


@pytest.mark.parametrize("char", _CASELESS)
def test_characters_without_case_fold_as_ascii(char: str) -> None:
    assert folds_as_ascii(f"It{char}s Read MORE")


@pytest.mark.parametrize("char", _CASED)
def test_characters_with_case_do_not_fold_as_ascii(char: str) -> None:
    assert not folds_as_ascii(f"It{char}s read more")


def test_the_caseless_blocks_hold_characters_without_case_alone() -> None:
    lowered = {chr(code).lower() for code in range(0x10000) if chr(code).lower() != chr(code)}
    accepted = "".join(
        chr(code)
        for code in range(0x80, 0x10000)
        if not 0xD800 <= code <= 0xDFFF and folds_as_ascii(chr(code))
    )
    assert len(accepted) > 40000  # the blocks' characters
    for char in accepted:
        assert char.lower() == char == char.upper() == char.casefold(), hex(ord(char))
        assert char not in lowered, hex(ord(char))
    assert re.findall("[a-z0-9_]", accepted, re.IGNORECASE) == []


_FOLDING = st.text(
    alphabet=st.sampled_from([*"aAsSkKiI rRmMoOeE.:", *_CASELESS, *_CASED]), max_size=24
)


@given(_FOLDING)
def test_text_folding_as_ascii_matches_plain_as_it_matches_caseless(text: str) -> None:
    pattern = CaselessPattern.compile(r"\b(read|more|skis?|i[ks])\b|[^a-z ]+|\w+s", gate=())
    if folds_as_ascii(text):
        for found, again in (
            (pattern.caseless.search(text), pattern.plain.search(text.lower())),
            (pattern.caseless.fullmatch(text), pattern.plain.fullmatch(text.lower())),
        ):
            assert (found and found.span()) == (again and again.span())
    found, again = pattern.caseless.search(text), pattern.search(text)
    assert (found and found.span()) == (again and again.span())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SHARE THIS\u2014", True),
        ("Subscribe \u2014 now", True),
        ("Sign up for our newsletter\u2019s", True),
        ("Related: \u201cThe storm\u201d", True),
        ("ADVERTISEMENT \u6f22", False),
        ("It\u2019s the storm\u2019s second day", False),
    ],
)
def test_boilerplate_with_curly_quotes_and_dashes(text: str, expected: bool) -> None:
    assert folds_as_ascii(text)
    assert body_reader.is_boilerplate(text) is expected


_DROPPING = st.text(
    alphabet=st.sampled_from([*"readmoRE SUBSCRIBEsharthi:", *_CASELESS, *_CASED]), max_size=40
)


@given(_DROPPING)
def test_boilerplate_is_found_as_the_caseless_patterns_find_it(text: str) -> None:
    caseless = (*body_reader._DROPS, *(gated for gated, _ in body_reader.t.GATED_DROP_PATTERNS))
    expected = len(text) <= body_reader._MAX_DROP_CHARS and any(
        pattern.caseless.search(text) for pattern in caseless
    )
    assert body_reader.is_boilerplate(text) == expected


def _gated() -> list[CaselessPattern]:
    tables = (*vars(body_tables).values(), *vars(teaser_tables).values())
    patterns = [value for value in tables if isinstance(value, CaselessPattern)]
    tabled = (*body_tables.GATED_DROP_PATTERNS, *body_tables.NOTICE_HEADLINES)
    gated = (p for p, _ in tabled if isinstance(p, CaselessPattern))
    return [p for p in (*patterns, *gated) if p.gate]


_PAIRS = str.maketrans(
    {"\u0130": "i", "\u0131": "i", "\u017f": "s", **dict(zip("ᲀᲁᲂᲃᲄᲅᲆ", "вдосттъ", strict=True))}
)


def gate_text(text: str) -> str:
    """A text's gate form as Python makes it: the Turkish i's and the long s, which a
    case-insensitive match pairs with "i" and "s", and the tall Cyrillic forms, which
    it pairs with six letters of the basic block, made those letters, then lowercased."""
    return text.translate(_PAIRS).lower()


def _folds_as_ascii(text: str) -> bool:
    """``folds_as_ascii`` as a regex finds it: no character beyond ASCII outside the blocks."""
    blocks = "".join(block for block, _ in text_module.CASELESS_BLOCKS)
    return re.search(f"[^\\x00-\\x7f{blocks}]", text) is None


def test_the_gate_form_makes_ascii_letters_of_these_characters_alone() -> None:
    beyond = "".join(chr(code) for code in range(0x80, sys.maxunicode + 1) if code >> 11 != 0x1B)
    formed = gate_text(beyond)
    assert len(formed) == len(beyond)  # one character for one
    made_ascii = {char: form for char, form in zip(beyond, formed, strict=True) if form.isascii()}
    assert made_ascii == text_module._ASCII_FORMS


def test_gate_text_turns_what_a_caseless_match_pairs_with_a_gate_letter_into_it() -> None:
    everything = "".join(chr(code) for code in range(sys.maxunicode + 1) if code >> 11 != 0x1B)
    assert len(gate_text(everything)) == len(everything)  # one character for one
    gates = (*(p.gate for p in _gated()), body_tables.CAPTION_CREDIT_MARK_GATE)
    letters = {char for gate in gates for literal in gate for char in literal}
    assert len(letters) > 20
    assert "т" in letters  # "время чтения", the reading-time gate's Russian literal
    for letter in letters:
        for found in re.finditer(re.escape(letter), everything, re.IGNORECASE):
            assert gate_text(found.group()) == letter, hex(ord(found.group()))


def test_the_gate_form_makes_each_letter_a_literal_may_hold_of_its_caseless_pairs() -> None:
    """Every code point a case-insensitive match pairs with an ASCII or basic Cyrillic
    letter in lower case is found by a table of the letters (a group each) as that
    letter, alone and after a character of each of str's widths; no other is."""
    everything = "".join(chr(code) for code in range(sys.maxunicode + 1) if code >> 11 != 0x1B)
    cyrillic = "".join(map(chr, range(0x430, 0x460)))
    for letters, beyond in (("abcdefghijklmnopqrstuvwxyz", 4), (cyrillic, 7)):
        table = literal_table((letter,) for letter in letters)
        expected = dict.fromkeys(everything, 0)
        for i, letter in enumerate(letters):
            for char in re.findall(re.escape(letter), everything, re.IGNORECASE):
                expected[char] |= 2 << i
        # Each letter and its capital, and the characters ``_GATE_FORMS`` make letters.
        assert sum(bits != 0 for bits in expected.values()) == 2 * len(letters) + beyond
        for width in ("", "\u00a9", "\u2014", "\U0001f600"):  # ASCII, and each width
            for char, bits in expected.items():
                assert table.find(width + char) & ~1 == bits, (hex(ord(char)), width)


_GATING = st.text(
    alphabet=st.sampled_from([*"sign up SIGN UPclick CLICK", *_CASELESS, *_CASED]), max_size=30
)


@given(_GATING)
def test_gated_pattern_finds_what_the_caseless_pattern_finds(text: str) -> None:
    """The long s, both Turkish i's and the Kelvin sign match "s", "i" and "k"."""
    pattern = CaselessPattern.compile(r"\b(sign up|click)\b", gate=("sign up", "click"))
    found, again = pattern.caseless.search(text), pattern.search(text)
    assert (found and found.span()) == (again and again.span())


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (one without character sets)."""
    parts: list[str] = []
    depth = start = i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


def test_consent_gate_holds_a_literal_of_every_sentence() -> None:
    consent = body_tables.CONSENT_TEXT
    alternatives = _alternatives(consent.plain.pattern)
    assert len(alternatives) >= 10
    for alternative in alternatives:
        assert any(literal in alternative for literal in consent.gate), alternative
    assert consent.search("WE AND OUR 12 Vendors Store data on your device")
    assert consent.search("Diese Webseite verwendet Cookies.")
    assert consent.search("Our partners in the venture store grain.") is None
    assert consent.search("This Website and its 40 Advertisers store data on your device")
    assert consent.search("Our advertisers use the site to reach readers.") is None


# The click prompt as one pattern, before its opening and its prompt anywhere were
# written apart (a pattern opening with "^" or "\\b" is tried whole at every position).
_CLICK = CaselessPattern.compile(
    r"^(click|clique|cliquez|klicken sie|haz clic|clicca)\b"
    r"|\b(click|clique|cliquez|clicca) (on |na |no |em |sur |en |sull')?(the |a |o |l'|la )?"
    r"(image|photo|picture|banner|foto|imagem|imagen|immagine)\b"
)
_CLICK_PIECES = (
    "click", "Click", "CLICK", "clique", "CLIQUEZ", "clicca", "Klicken Sie", "haz clic",
    "c", "lick", " on ", " sur ", " sull'", " ", "the ", "l'", "LA ", "image", "Photo",
    "immagine", "banner", "x", "_", "1", "\n", "\u00e9", *_CASELESS, *_CASED,
)  # fmt: skip


@given(st.lists(st.sampled_from(_CLICK_PIECES), max_size=8).map("".join))
@example("Click here")
@example("see: click on the image")
@example("aclick on the image")
@example("\u00e9click on the photo")
def test_click_opening_and_prompt_find_what_the_one_pattern_found(text: str) -> None:
    split = body_tables.CLICK_OPENING, body_tables.CLICK_PROMPT
    for form in ("plain", "caseless"):
        found = any(getattr(pattern, form).search(text) for pattern in split)
        assert found == (getattr(_CLICK, form).search(text) is not None), form
    found = any(pattern.search(text) for pattern in split)
    assert found == (_CLICK.search(text) is not None)


# The reading-time lines' pieces: the Russian phrase in each case and with the tall
# Cyrillic forms its "в" and "т" pair with, the other languages' phrases, digits of
# two scripts, and the characters beside them.
_READING_TIME = next(
    pattern
    for pattern, reason in body_tables.GATED_DROP_PATTERNS
    if reason.startswith("reading-time lines")
)
_TALL = str.maketrans("\u0432\u0442\u0422", "\u1c80\u1c84\u1c85")  # "в", "т", its capital
_READING_PIECES = (
    "время", "ВРЕМЯ", "Время", "чтения", "ЧТЕНИЯ", "Чтения", "время".translate(_TALL),
    "чтения".translate(_TALL), "ЧТЕНИЯ".translate(_TALL), "время чтения", "Время Чтения",
    "мин", " ", "  ", ":", "-", "5", "12", "\u0665", "ca.", "Ca. ", "min", "MIN", "ute", "s",
    ".", "read", "READ", "Reading time", "Lesezeit", "temps de lecture", "Tiempo de lectura",
    "tempo de leitura", "\n", "x", *_CASELESS, *_CASED,
)  # fmt: skip


@given(st.lists(st.sampled_from(_READING_PIECES), max_size=10).map("".join))
@example("Время чтения: 5 мин")
@example("ВРЕМЯ ЧТЕНИЯ 5")
@example("Иван Петров, " + "время чтения: ca. 3 мин".translate(_TALL))
@example("5 min read")
@example("12 MINUTES READ")
@example("Reading time: \u0665")
def test_reading_time_gate_lets_every_match_through(text: str) -> None:
    found, again = _READING_TIME.caseless.search(text), _READING_TIME.search(text)
    assert (found and found.span()) == (again and again.span())
    caseless = (*body_reader._DROPS, *(gated for gated, _ in body_reader.t.GATED_DROP_PATTERNS))
    expected = len(text) <= body_reader._MAX_DROP_CHARS and any(
        pattern.caseless.search(text) for pattern in caseless
    )
    assert body_reader.is_boilerplate(text) == expected


_CREDIT_PIECES = ("photo", "image", "picture", "pic", "foto", "bild", "credit", "by", "AP", "Jo")
_CREDITS = st.lists(
    st.sampled_from([*_CREDIT_PIECES, *" :/()[].s\u00a9", *_CASED]), max_size=14
).map("".join)


@given(_CREDITS)
@example("Storm damage on the pier (Jo Ann / AP)")
@example("Storm damage on the pier AP / Jo Ann Lee")
@example("PHOTOGRAPH BY Jo Ann")
@example("\u00a9 Jo Ann")
def test_credit_gates_hold_a_literal_of_every_credit(text: str) -> None:
    for credit, gate in (
        (body_tables.CAPTION_CREDIT, body_tables.CAPTION_CREDIT_GATE),
        (body_tables.CAPTION_CREDIT_MARK, body_tables.CAPTION_CREDIT_MARK_GATE),
    ):
        if credit.search(text):
            assert contains_any(gate_text(text), gate)


# Literals of ASCII and Cyrillic letters, spaces and signs, Hangul and caseless signs,
# and texts of those in both cases with the characters that pair with their letters,
# cased letters beyond them, characters without case, lone surrogates and wide ones.
_LITERAL_CHARS = st.sampled_from(
    [*"abikms #/", "\ud55c", "\uae00", "\u00a9", "\u2014", *"\u0432\u0442\u0450"]
)
_GROUPS = st.lists(
    st.lists(st.lists(_LITERAL_CHARS, min_size=1, max_size=4).map("".join), max_size=4).map(tuple),
    max_size=5,
)
_GATED_TEXT = st.lists(
    st.sampled_from(
        [
            *("a", "b", "i", "k", "m", "s", "A", "B", "I", "K", "M", "S", " ", "#", "/", "."),
            *("\x00", "\ud55c", "\uae00", "\u00a9", "\u2014", "\udc80", *_CASED),
            *("\u0432", "\u0442", "\u0450", "\u0412", "\u0422", "\u0400"),  # Cyrillic
            *("\u1c80", "\u1c84", "\u1c85"),  # its tall forms
        ]
    ),
    max_size=30,
).map("".join)


@given(_GROUPS, _GATED_TEXT)
@example([("ki",), ("ms",)], "\u212aI \u017fM")
@example([("\ud55c\uae00",)], "a\ud55c\uae00")
@example([("a",), ("b",)], "\u00e9B")
@example([("ab",)], "a")
@example([("ms",), ("#",), ("ki",)], "xMs #")  # an ASCII text, read as its bytes
@example([], "\u00e9")
# Literals opening alike, ordered by their second character (none, ASCII, beyond).
@example([("a\ud55c", "ak"), ("ab",), ("a",)], "xAB")
@example([("a\ud55c", "ak"), ("ab",), ("a",)], "xa\ud55c")
@example([("ab",), ("a",)], "\u00e9a#")
@example([("ki",)], "\U0001f600K\u0130")  # four bytes a character
@example([("m",)], "m\u00e9")  # all found: the rest read for case alone
@example([("#",)], "\u2014\ud55c\u00e9#")  # caseless characters of two blocks, then case
@example([("\u00a9",)], "\u00e9\ud55c")  # both c % 64 == 41
@example([("ab",), ("b",)], "\u00e9a\x00b")  # a zero character in the text
@example([("ab",)], "xA\x00B")
@example([("\u0432\u0442",)], "\u1c80\u1c85")  # the tall forms of Cyrillic letters
@example([("\u0450",), ("\u0442",)], "\u0400\u0422")  # capitals of both halves of the block
def test_literal_table_finds_what_substring_tests_find(
    groups: list[tuple[str, ...]], text: str
) -> None:
    found = literal_table(groups).find(text)
    assert bool(found & FOLDS_AS_ASCII) == _folds_as_ascii(text) == folds_as_ascii(text)
    formed = gate_text(text)
    for i, group in enumerate(groups):
        assert bool(found & (2 << i)) == contains_any(formed, group), group
    assert found >> (len(groups) + 1) == 0


def test_literal_table_refuses_literals_with_case() -> None:
    for literal in ("Photo", "caf\u00e9", "\u212a"):
        with pytest.raises(ValueError, match="lower case"):
            literal_table([(literal,)])


def test_literals_refuse_a_zero_character_and_forms_without_case() -> None:
    with pytest.raises(ValueError, match="zero character"):
        Literals([("a\x00b",)], {}, ())
    with pytest.raises(ValueError, match="caseless range"):
        Literals([("a",)], {"\u212a": "k"}, [(0x2100, 0x21FF)])


# Characters of each of str's three widths, with every kind of whitespace str.split
# splits on (ASCII, Latin-1's, wide and the line and paragraph separators).
_FOLD_CHARACTERS = st.sampled_from(
    [
        *(" ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0"),
        *text_module.WIDE_SPACES,
        *("a", "Z", "0", ".", "\x00", "\u200b", "\xe9", "\xff", "\u0100", "\u4e2d", "\U0001f600"),
    ]
)


@given(st.lists(_FOLD_CHARACTERS, max_size=24).map("".join))
@example("")
@example(" ")
@example(" a b ")
@example("a b")
@example("a  b")
@example("a\tb")
@example("\u3000\xe9")  # a wide space dropped: the result is narrower than the text
@example("\U0001f600\u3000\u4e2d")
def test_fold_is_split_and_join(text: str) -> None:
    # str equality compares the width too: a result not in its canonical width differs.
    assert fold(text) == " ".join(text.split())


def test_fold_splits_on_what_split_splits_on() -> None:
    """Every code point, each between two letters and in runs of its own."""
    every = "".join(f"a{chr(c)}{chr(c)}{chr(c)}" for c in range(sys.maxunicode + 1))
    assert fold(every) == " ".join(every.split())


def test_opening_pairs_are_the_literal_starts_and_their_case_forms() -> None:
    every = {chr(code) for code in range(128)}
    assert opening_pairs("ab|c(?:d|e)", re.IGNORECASE) == {"ab", "aB", "Ab", "AB"} | {
        first + other for first in "cC" for other in every
    }
    kelvin = {first + other for first in "kK" for other in every}  # as the Kelvin sign matches
    assert opening_pairs("\u212a", re.IGNORECASE) == kelvin
    assert opening_pairs("ab|x?y") == {first + other for first in every for other in every}
