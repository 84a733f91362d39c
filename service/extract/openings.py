"""The openings of a regex's matches: a gate telling, from a text's first characters,
whether a pattern anchored at the start may match it.

An anchored alternation of many word lists (``body_reader``'s drop patterns) is
tried on each short block, and Python's engine enters its alternatives one after
another even where none opens with the block's first letters. ``Openings`` reads
the pattern's parse tree once and lists the first ``size`` characters its matches
may open with, each character as a token (``_token``: any decimal digit "0", any
whitespace " ", any Hangul syllable "가"; the rest itself, lowercased as the
engine lowercases it when the pattern ignores case). Where the tree allows any
character (``.``, ``\\w``, a negated or wide set), the opening is cut there and
stands for whatever follows it; where the match ends with the text (``$``), the
opening ends in a mark of the end, which a text shorter than the openings has
after its tokens. A text whose first characters,
as tokens, hold none of the openings as their start cannot match: the gate is
a superset of the pattern's matches, which the pattern still decides.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
from typing import Any

_HANGUL = (0xAC00, 0xD7A3)  # the syllables, one token: a set of them is common
_MAX_SET = 300  # a range of more characters (but the syllables) is read as any character
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
# The end of the text, after its tokens when it is shorter than an opening: a
# newline's token is " ", so no text's tokens hold it.
END = "\n"

_State = tuple[str, bool]  # an opening, and whether anything may follow it (cut there)


def _token(char: str, caseless: bool) -> str:
    """The token of ``char``; with ``caseless``, of its lowercase form as the engine
    makes it (the first character of ``str.lower``: "İ" gives "i"), the characters
    its case-insensitive match pairs (``re._casefix``: the long s and "s") made one."""
    if caseless:
        code = ord(char.lower()[:1] or char)
        char = chr(min((code, *_EXTRA_CASES.get(code, ()))))
    if char.isdecimal():
        return "0"
    if char.isspace():
        return " "
    if _HANGUL[0] <= ord(char) <= _HANGUL[1]:
        return chr(_HANGUL[0])
    return char


class _Tokens(dict[int, str]):
    """``str.translate``'s table of the tokens, each made on first use."""

    def __init__(self, caseless: bool) -> None:
        super().__init__()
        self._caseless = caseless

    def __missing__(self, code: int) -> str:
        token = self[code] = _token(chr(code), self._caseless)
        return token


class Openings:
    """The openings ``size`` characters long (or cut short) of ``pattern``'s matches,
    which must be anchored at the start (``^``) and use no flag but ``re.IGNORECASE``."""

    def __init__(self, pattern: re.Pattern[str], size: int) -> None:
        if pattern.flags & ~(re.IGNORECASE | re.UNICODE):
            raise ValueError(f"flags beyond IGNORECASE: {pattern.pattern[:40]}")
        tree = list(sre_parse.parse(pattern.pattern, pattern.flags))
        caseless = bool(pattern.flags & re.IGNORECASE)
        states = _sequence(tree, size, caseless)
        if not _anchored(tree) or any(not opening and cut for opening, cut in states):
            raise ValueError(f"a pattern anchored at the start, with a first character: {pattern}")
        self._openings = frozenset(opening for opening, _ in states)
        self._lengths = tuple(sorted({len(opening) for opening in self._openings}))
        self._size = size
        self._tokens = _Tokens(caseless)

    @property
    def openings(self) -> frozenset[str]:
        """The openings, each a string of tokens (``END`` last in one that ends the match)."""
        return self._openings

    @property
    def size(self) -> int:
        """The openings' length, in characters (tokens), but for those cut short."""
        return self._size

    def token(self, char: str) -> str:
        """The token of ``char``, as ``may_open`` reads a text's characters."""
        return self._tokens[ord(char)]

    def may_open(self, text: str) -> bool:
        """Whether a match of the pattern may open ``text`` (False: none does)."""
        head = text[: self._size].translate(self._tokens)
        if len(text) < self._size:
            head += END
        for length in self._lengths:
            if length <= len(head) and head[:length] in self._openings:
                return True
        return False


def _anchored(tree: list[tuple[Any, Any]]) -> bool:
    """Whether the parsed pattern opens with ``^`` (every alternative, when it is one)."""
    if not tree:
        return False
    op, av = tree[0]
    if op is sre.AT:
        return bool(av is sre.AT_BEGINNING or av is sre.AT_BEGINNING_STRING)
    if op is sre.SUBPATTERN:
        return _anchored(list(av[3]))
    if op is sre.BRANCH:
        return all(_anchored(list(alternative)) for alternative in av[1])
    return False


def _sequence(items: list[tuple[Any, Any]], size: int, caseless: bool) -> set[_State]:
    """The states after matching ``items`` one after another from an empty opening."""
    states: set[_State] = {("", False)}
    for op, av in items:
        done = {(opening, cut) for opening, cut in states if cut or len(opening) >= size}
        live = [opening for opening, cut in states if not cut and len(opening) < size]
        if live:
            after = _item(op, av, size - min(map(len, live)), caseless)
            for opening in live:
                for more, cut in after:
                    joined = opening + more
                    done.add((joined[:size], cut or len(joined) >= size))
        states = done
    return states


def _item(op: Any, av: Any, size: int, caseless: bool) -> set[_State]:
    """The openings of one node of the parse tree, at most ``size`` long."""
    if op is sre.LITERAL:
        return {(_token(chr(av), caseless), False)}
    if op is sre.IN:
        tokens = _set_tokens(av, caseless)
        return {("", True)} if tokens is None else {(token, False) for token in tokens}
    if op is sre.BRANCH:
        return set().union(*(_sequence(list(alt), size, caseless) for alt in av[1]))
    if op is sre.SUBPATTERN:
        _, add, remove, inner = av
        return _sequence(list(inner), size, (caseless or bool(add & re.I)) and not remove & re.I)
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av), size, caseless)
    if op in _REPEATS:
        least, most, inner = av
        # Beyond size + 1 copies, each either takes a character (the opening is full)
        # or none (no new state): the states are those of the copies unrolled.
        must = min(least, size + 1)
        may = min(most - least, size + 1)
        once = (sre.SUBPATTERN, (None, 0, 0, inner))
        maybe = (sre.BRANCH, (None, [inner, []]))
        return _sequence([once] * must + [maybe] * may, size, caseless)
    if op is sre.AT and av is sre.AT_END_STRING:
        return {(END, True)}
    if op is sre.AT and av is sre.AT_END:  # the end, or a newline that ends the text
        return {(END, True), (_token("\n", caseless) + END, True)}
    if op is sre.AT:
        return {("", False)}
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return {("", False)}  # takes no character
    return {("", True)}  # any character (``.``, a character but one), a group's text


def _set_tokens(items: list[tuple[Any, Any]], caseless: bool) -> set[str] | None:
    """The tokens of a set's characters, or None for any character."""
    tokens: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            tokens.add(_token(chr(av), caseless))
        elif op is sre.RANGE:
            low, high = av
            if _HANGUL[0] <= low and high <= _HANGUL[1]:
                tokens.add(chr(_HANGUL[0]))
            elif high - low > _MAX_SET:
                return None
            else:
                tokens.update(_token(chr(code), caseless) for code in range(low, high + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            tokens.add("0")
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            tokens.add(" ")
        else:
            return None  # a negated set, a word character...
    return tokens
