"""Text normalization shared by every part of the core.

The parser has already decoded character references; what is left is to make
text comparable and clean for records without changing what it says: Unicode
NFC, invisible characters removed, whitespace folded. Right-to-left and CJK
text pass through unchanged, including the joiners (ZWJ, ZWNJ) that Persian,
Indic scripts and emoji sequences need and the direction marks inside mixed
text (only those at the ends are dropped).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial

from service.extract._text import Normalizer
from service.extract._tree import FoldedLength
from service.extract._words import FOLDS_AS_ASCII, Literals

# Invisible characters that carry nothing in a record: soft hyphen, zero-width
# space, word joiner and invisible operators, BOM, Mongolian vowel separator,
# interlinear annotation marks, C0/C1 controls other than whitespace, and lone
# surrogates (left by broken decoding; they cannot be encoded as UTF-8): ranges of
# code points.
INVISIBLE = (
    (0x00, 0x08),
    (0x0B, 0x0C),
    (0x0E, 0x1F),
    (0x7F, 0x9F),
    (0xAD, 0xAD),
    (0x180E, 0x180E),
    (0x200B, 0x200B),
    (0x2060, 0x2064),
    (0xD800, 0xDFFF),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
)
# ``str.translate``'s table deleting them, for texts that keep their own whitespace.
_INVISIBLE_TABLE = dict.fromkeys(cp for low, high in INVISIBLE for cp in range(low, high + 1))


def without_invisible(text: str) -> str:
    """``text`` without the ``INVISIBLE`` characters, its whitespace as it is (a code
    sample's lines and indents; ``normalize_text`` folds whitespace)."""
    return text.translate(_INVISIBLE_TABLE)


# Direction marks, embeddings and isolates: noise at the ends of a string
# (stripped with str.strip, which stays linear on long runs of them).
DIRECTION_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_EDGES = " " + DIRECTION_MARKS
# An ellipsis at the end, possibly bracketed or followed by a closing quote.
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*[\]\)»\"'”’]?\s*$")  # noqa: RUF001 (quotes are meant)


# A character of the scripts that set words without spaces or in dense syllable blocks:
# kana, CJK ideographs, hangul.
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# A CJK character counts this many times against a length set for alphabetic text:
# a sentence in Chinese, Japanese or Korean is about half as many characters.
CJK_CHAR_WEIGHT = 2
# A letter of the alphabetic scripts that set no space between words (Thai, Lao,
# Myanmar, Khmer): spaces there part phrases, not words, so words are counted by letters.
UNSPACED_CHAR = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
# Letters per word in those scripts (a Thai word is three to five letters, its vowel
# and tone marks included).
UNSPACED_CHARS_PER_WORD = 4


# What ``str.split`` splits on (``str.isspace``): the ASCII characters, one
# UTF-8 byte each, and the wider ones (each found by a substring test).
ASCII_SPACES = bytes(byte for byte in range(128) if chr(byte).isspace())
WIDE_SPACES = tuple(c for c in map(chr, range(128, sys.maxunicode + 1)) if c.isspace())
# All of them, as the compiled walks take them: what ``str.split`` splits on and
# ``str.strip`` strips.
SPACES = ASCII_SPACES.decode("ascii") + "".join(WIDE_SPACES)
_SPACE_TABLE = bytes(byte in ASCII_SPACES for byte in range(256))  # 1 for a whitespace byte
# The folded length of a subtree's text, counted in C.
FOLDED = FoldedLength(SPACES)


def weighted_length(text: str) -> int:
    """``len(text)``, each CJK character counted ``CJK_CHAR_WEIGHT`` times."""
    if text.isascii():
        return len(text)
    return len(text) + len(CJK_CHAR.findall(text)) * (CJK_CHAR_WEIGHT - 1)


def folded_length(text: str) -> int:
    """``len(" ".join(text.split()))``, counted without making the words.

    That length is the characters that are not whitespace plus one for each gap
    between two words. With every whitespace character turned into one ASCII
    byte, the UTF-8 text gives both as bit counts of a mask of its whitespace
    bytes; on long texts this is cheaper than splitting.
    """
    # Each wide space found by a substring test and replaced: the regex tests every
    # character against its class, which costs several times more on a page's text.
    for space in WIDE_SPACES if not text.isascii() else ():
        if space in text:
            text = text.replace(space, " ")
    data = text.encode("utf-8", "surrogatepass")
    spaces = int.from_bytes(data.translate(_SPACE_TABLE), "little")  # bit 8*i: byte i is a space
    chars = len(text) - spaces.bit_count()
    if chars == 0:
        return 0
    runs = ((spaces >> 8) & ~spaces).bit_count()  # a non-space byte, then a space
    return chars + runs - text[-1].isspace()  # the last run ends no gap


# ``normalize_text(text)``: NFC, the ``INVISIBLE`` characters removed, runs of whitespace
# folded to one space as ``str.split`` folds them, the ``_EDGES`` stripped; the text
# itself when nothing changes (``_text.Normalizer``).
normalize_text = Normalizer(
    invisible=INVISIBLE, edges=_EDGES, nfc=partial(unicodedata.normalize, "NFC")
).normalize


def is_truncated(text: str) -> bool:
    """Whether ``text`` ends in an ellipsis ("...", "…", "[…]"), the mark of a cut snippet."""
    if "..." not in text and "\u2026" not in text:
        return False  # the usual case, without the regex's scan of the whole text
    return _ELLIPSIS.search(text) is not None


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


def without_captures(pattern: str) -> str:
    """``pattern`` with each capturing group ``(...)`` written ``(?:...)``: it matches
    the same texts at the same places, and Python's engine, which saves the bounds
    of every capturing group it enters, runs an alternation of such groups in about
    half the time. For patterns whose matches are used whole; one with a
    backreference is returned as it is."""
    if _BACKREFERENCE.search(pattern):
        return pattern
    out: list[str] = []
    done = 0
    for i in _syntax_positions(pattern):
        if pattern[i] == "(" and pattern[i + 1 : i + 2] != "?":
            out.append(pattern[done:i] + "(?:")
            done = i + 1
    out.append(pattern[done:])
    return "".join(out)


def _syntax_positions(pattern: str) -> Iterator[int]:
    """The places of the characters of ``pattern`` that are neither escaped nor in a
    set: its groups, alternations and quantifiers."""
    i, end = 0, len(pattern)
    in_set = False
    while i < end:
        char = pattern[i]
        if char == "\\":
            i += 2  # an escaped character, "\\(" among them
            continue
        if in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
            # "]" right after "[" or "[^" is a member of the set, not its end.
            first = i + 1 + (pattern[i + 1 : i + 2] == "^")
            if pattern[first : first + 1] == "]":
                i = first
        else:
            yield i
        i += 1


# Blocks beyond ASCII whose characters have no case: lowercasing, uppercasing and
# case folding leave them, and no other character lowercases to them.
CASELESS_BLOCKS: tuple[tuple[str, str], ...] = (
    ("\u0080-\u00b4\u00b6-\u00bf", "C1 controls and Latin-1 punctuation (not the micro sign)"),
    ("\u0588-\u109f", "Hebrew, Arabic, Indic, Thai, Tibetan and Myanmar scripts"),
    ("\u1100-\u139f", "Hangul jamo and Ethiopic"),
    ("\u2000-\u20ff", "curly quotes, dashes, spaces, ellipsis, currency signs"),
    ("\u2e80-\u9fff", "CJK punctuation, kana and ideographs"),
    ("\uac00-\ud7a3", "Hangul syllables"),
    ("\uff01-\uff20", "fullwidth punctuation and digits"),
)
# The blocks as ranges of code points (first, last), each written "first-last".
_CASELESS_RANGES = tuple(
    (ord(block[i]), ord(block[i + 2]))
    for block, _ in CASELESS_BLOCKS
    for i in range(0, len(block), 3)
)
if any(block[i + 1] != "-" for block, _ in CASELESS_BLOCKS for i in range(0, len(block), 3)):
    raise ValueError("a caseless block is written as ranges 'first-last'")


# A gate's literals are found in a text's gate form: each character that a
# case-insensitive match pairs with a letter of the literals (ASCII letters, or
# characters without case) made that letter, one for one, so that a literal the
# caseless pattern matches in the text occurs in it. That is the text lowercased
# (``str.lower``) when it folds as ASCII; beyond ASCII, these characters become
# ASCII letters: the two Turkish i's and the long s, which Python's engine pairs
# with "i" and "s" (the dotted capital I also lowercases to two characters), and the
# Kelvin sign, which lowercases to "k" (checked over every code point by
# tests/unit/extract/test_text.py).
_ASCII_FORMS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
# The basic Cyrillic letters (U+0400 to U+045F) are lowercased too, and the tall
# forms of old Russian print (U+1C80 to U+1C86), which a case-insensitive match pairs
# with six of the block's letters ("в" and "т" among them), made those letters: a
# gate's literal may hold the block's lower case letters (``_CYRILLIC_LETTERS``), as
# a Russian phrase has no literal without case.
_GATE_FORMS = {
    **_ASCII_FORMS,
    **dict(zip("\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86", "вдосттъ", strict=True)),
}
_CYRILLIC_LETTERS = ("\u0430", "\u045f")  # first and last
_PAIRED_LETTERS = ("\u0131", "\u017f")  # in lower case; the others are capitals


def folds_as_ascii(text: str) -> bool:
    """Whether ``text`` has case in its ASCII letters alone.

    Then a pattern written in lower case finds in ``text.lower()`` what its
    case-insensitive form finds in ``text``, at the same places: lowercasing
    changes only the ASCII letters, and case-insensitive matching pairs each
    other character with itself alone. Text with curly quotes, dashes or CJK
    characters can so take ``CaselessPattern.plain`` instead of the slower
    ``caseless``.
    """
    return bool(_NO_WORDS.find(text) & FOLDS_AS_ASCII)


def literal_table(groups: Iterable[tuple[str, ...]]) -> Literals:
    """The lists of literals ``groups`` as one table, which tells in one pass over a
    text which of them have a literal in its gate form (``Literals.find``: bit
    ``1 + i`` for group ``i``) and whether it ``folds_as_ascii`` (bit
    ``FOLDS_AS_ASCII``). Their characters are ASCII or basic Cyrillic in lower case,
    or characters of ``CASELESS_BLOCKS``, which no other character lowercases to: the
    table makes the gate form of those letters and of ``_GATE_FORMS`` alone."""
    groups = tuple(groups)
    first, last = _CYRILLIC_LETTERS
    for literal in (literal for group in groups for literal in group):
        if (
            literal != literal.lower()
            or not _NO_WORDS.find("".join(char for char in literal if not first <= char <= last))
            & FOLDS_AS_ASCII
        ):
            raise ValueError(
                f"a gate's literal is lower case, without other cased letters: {literal!r}"
            )
    return Literals(groups, _GATE_FORMS, _CASELESS_RANGES)


_NO_WORDS = Literals((), _GATE_FORMS, _CASELESS_RANGES)  # ``folds_as_ascii`` alone


@dataclass(frozen=True, slots=True)
class CaselessPattern:
    """A case-insensitive regex that is cheap on ASCII text.

    Case-insensitive matching costs about three times plain matching. On
    ASCII text, and text whose other characters have no case (curly quotes,
    dashes, CJK: ``folds_as_ascii``), it finds what plain matching of the
    lowercased text against the pattern finds, when the pattern is written in
    lower case (which ``compile`` checks); other text takes the
    case-insensitive pattern.

    A ``gate`` lists literals one of which occurs in the text's gate form (the
    lowercased text when it folds as ASCII) wherever the pattern matches (the
    literal starts of its alternatives); their letters are ASCII or basic
    Cyrillic, or characters without case. ``words`` finds them and tells whether the text
    folds as ASCII in one pass in C (``literal_table``), which costs a fraction
    of a regex search starting with ``\\b`` (Python's engine tries it at every
    position), and most texts hold none.
    """

    caseless: re.Pattern[str]
    plain: re.Pattern[str]
    gate: tuple[str, ...] = ()
    words: Literals = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", literal_table((self.gate,)) if self.gate else _NO_WORDS)

    @classmethod
    def compile(cls, pattern: str, gate: tuple[str, ...] = ()) -> CaselessPattern:
        """``pattern`` with its groups made non-capturing (``without_captures``): its
        matches are used whole."""
        if pattern != pattern.lower() or any(word != word.lower() for word in gate):
            raise ValueError("a CaselessPattern is written in lower case")
        # The engine pairs a dotless i with "i" and a long s with "s" (in either form
        # each matches the same letters): written as the ASCII letter, the plain form
        # finds them in an ASCII text's lower case as the caseless form does.
        for char in _PAIRED_LETTERS:
            pattern = pattern.replace(char, _ASCII_FORMS[char])
            pattern = pattern.replace(f"\\u{ord(char):04x}", _ASCII_FORMS[char])
        pattern = without_captures(pattern)
        return cls(re.compile(pattern, re.IGNORECASE), re.compile(pattern), gate)

    def search(self, text: str) -> re.Match[str] | None:
        """A match in ``text`` (in its lowercased form when its case is in its ASCII
        letters alone, ``folds_as_ascii``), or ``None``."""
        found = self.words.find(text)
        if self.gate and found <= FOLDS_AS_ASCII:
            return None  # no literal of the gate
        if found & FOLDS_AS_ASCII:
            return self.plain.search(text.lower())
        return self.caseless.search(text)


_Trie = dict[str, "_Trie"]  # one character per level; "" marks the end of a word


def contains_any(text: str, literals: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``literals`` (a loop of substring tests, which
    beats a regex alternation of the same literals several times over)."""
    for literal in literals:  # noqa: SIM110 (a generator with any() costs twice as much)
        if literal in text:
            return True
    return False


def literal_alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, the longest at a place, written as a trie.

    ``"author|authorbox"`` becomes ``"author(?:box)?"``. Python's regex engine
    tries the alternatives of a flat alternation one after another at every
    position; in trie form it follows one branch per character, several times
    faster on long word lists. Greedy optional tails keep longest-first
    matching, as a flat alternation sorted by length has it.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: _Trie) -> str:
    ends = "" in node
    branches = [re.escape(char) + _trie_regex(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


def first_char_alternation(pattern: str, flags: int = 0) -> str:
    """``pattern``, an alternation, with the alternatives that start with the same
    literal character written once under it, in their order, down every level.

    ``"read more|related|see also"`` becomes ``"re(?:ad more|lated)|see also"``.
    Python's engine tries the alternatives one after another at a place; so grouped,
    it tests one character for each group instead of entering each alternative.
    The matches are the same, also where the engine backtracks into the
    alternation: alternatives of different groups never match at the same place
    (their first characters differ under ``flags``, which is checked), and those
    of one group keep their order. An alternative that starts otherwise (a group,
    a set, an escape class, an optional character) stays where it is, and no
    alternative is moved across it.
    """
    return _grouped(_alternatives(pattern), flags)


def opening_pairs(pattern: str, flags: int = 0) -> frozenset[str]:
    """The pairs of ASCII characters a match of ``pattern``, an alternation, may open
    with under ``flags``: its alternatives' first two literal characters and what
    matches them (their case forms). An alternative opening otherwise lets through
    every pair (after its first character, when that is a literal)."""
    pairs: set[str] = set()
    for alternative in _alternatives(pattern):
        found = _first_literal(alternative)
        second = _first_literal(found[1]) if found is not None else None
        firsts, seconds = (_matching_ascii(literal, flags) for literal in (found, second))
        pairs.update(first + other for first in firsts for other in seconds)
    return frozenset(pairs)


def _matching_ascii(literal: tuple[str, str] | None, flags: int) -> list[str]:
    """The ASCII characters that match a literal character under ``flags`` (every one
    for no literal)."""
    chars = [chr(code) for code in range(128)]
    if literal is None:
        return chars
    return [char for char in chars if re.fullmatch(re.escape(literal[0]), char, flags)]


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``."""
    out: list[str] = []
    depth = start = 0
    for i in _syntax_positions(pattern):
        char = pattern[i]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


_LITERAL_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([^\w\s]))")


def _first_literal(alternative: str) -> tuple[str, str] | None:
    """(the literal character ``alternative`` starts with, the rest), or ``None``
    when it starts with anything else or with a quantified character."""
    if alternative[:1] == "\\":
        escaped = _LITERAL_ESCAPE.match(alternative)
        if escaped is None:
            return None
        code = escaped.group(1) or escaped.group(2)
        char = chr(int(code, 16)) if code else escaped.group(3)
        rest = alternative[escaped.end() :]
    elif not alternative or alternative[0] in "()[].^$*+?{|":
        return None
    else:
        char, rest = alternative[0], alternative[1:]
    return None if rest[:1] in ("?", "*", "+", "{") else (char, rest)


def _grouped(alternatives: list[str], flags: int) -> str:
    parts: list[str] = []
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        found = _first_literal(alternative)
        if found is None:
            parts.extend(_group_parts(groups, flags))
            groups = {}
            parts.append(alternative)
        else:
            groups.setdefault(found[0], []).append(found[1])
    parts.extend(_group_parts(groups, flags))
    return "|".join(parts)


def _group_parts(groups: dict[str, list[str]], flags: int) -> list[str]:
    for char in groups:  # a character both match: one of the other's case forms
        for other in groups:
            if other != char and any(
                re.fullmatch(re.escape(char), form, flags)
                and re.fullmatch(re.escape(other), form, flags)
                for form in (other, other.lower(), other.upper())
            ):
                raise ValueError(f"{char!r} and {other!r} match the same character")
    return [
        re.escape(char) + (rests[0] if len(rests) == 1 else f"(?:{_grouped(rests, flags)})")
        for char, rests in groups.items()
    ]
