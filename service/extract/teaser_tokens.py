"""Class/id tokens of elements, matched against the token tables of ``teaser_tables``.

Every table is folded into one matcher, so that an element's tokens are read
and matched once per page (``Tokens.kinds``) whatever the number of tables.
The matching rule is described in ``teaser_tables``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from selectolax.lexbor import LexborNode as Node

from service.extract import teaser_tables as tt
from service.extract._items import PageFacts, TokenKinds
from service.extract.text import literal_alternation

Attrs = dict[str, str | None]
TokenPair = tuple[frozenset[str], str]
_Table = dict[str, str] | dict[str, tuple[str, str]]

# Kinds of elements, as bits.
CARD, EXCLUDE, MENU, FOOTER, SPONSORED, AD_SLOT, META, LABEL = 1, 2, 4, 8, 16, 32, 64, 128
AUTHOR, AUTHOR_STORIES, CLONE = 256, 512, 1024
ALL_KINDS = 2047  # every bit above
_TABLES: tuple[tuple[int, _Table], ...] = (
    (CARD, tt.CARD_TOKENS),
    (EXCLUDE, tt.EXCLUDE_TOKENS),
    (AUTHOR, tt.AUTHOR_TOKENS),
    (AUTHOR_STORIES, tt.AUTHOR_STORIES_TOKENS),
    (MENU, tt.MENU_TOKENS),
    (FOOTER, tt.FOOTER_TOKENS),
    (SPONSORED, tt.SPONSORED_TOKENS),
    (AD_SLOT, tt.AD_SLOT_TOKENS),
    (META, tt.META_TOKENS),
    (LABEL, tt.BLOCK_LABEL_TOKENS),
    (CLONE, tt.CLONE_TOKENS),
)
_PART_SPLIT = re.compile(r"[^a-z0-9]+")
_SQUASH = re.compile(r"[-_]+")
_NO_TOKENS: TokenPair = (frozenset(), "")


def squash(token: str) -> str:
    """A table entry or class name without ``-``/``_`` (and without a leading ``=``)."""
    return _SQUASH.sub("", token.lstrip("="))


def _is_long(token: str) -> bool:
    return len(squash(token)) >= 6 and not token.startswith("=")


@dataclass(frozen=True, slots=True)
class KindMatcher:
    """All token tables in one: the kinds (bits) an element's tokens belong to."""

    short: dict[str, int]
    long: re.Pattern[str]
    long_kinds: dict[str, int]

    @classmethod
    def build(cls) -> KindMatcher:
        short: dict[str, int] = {}
        long: dict[str, int] = {}
        for kind, table in _TABLES:
            for token in table:
                target = long if _is_long(token) else short
                target[squash(token)] = target.get(squash(token), 0) | kind
        # The alternation takes the longest token at a place; it carries the kinds
        # of the long tokens inside it ("authorbox" is also "author").
        long_kinds = {
            token: _or(kind for other, kind in long.items() if other in token) for token in long
        }
        return cls(short, re.compile(literal_alternation(long)), long_kinds)

    def kinds(self, tokens: TokenPair) -> int:
        parts, squashed = tokens
        if not squashed:
            return 0
        found = 0
        for part in parts:
            found |= self.short.get(part, 0)
        for token in self.long.findall(squashed):
            found |= self.long_kinds[token]
        return found


def _or(bits: Iterable[int]) -> int:
    result = 0
    for bit in bits:
        result |= bit
    return result


MATCHER = KindMatcher.build()
# The same tables read on an element's class and id bytes, in C (``_items``).
_TOKEN_KINDS = TokenKinds(MATCHER.short, MATCHER.long_kinds)
_LABEL_TOKENS = {squash(k): name for k, (name, _why) in tt.BLOCK_LABEL_TOKENS.items()}
_LABEL_PATTERN = re.compile(literal_alternation(_LABEL_TOKENS))


@lru_cache(maxsize=tt.TOKEN_CACHE_SIZE)
def _read(raw: str) -> tuple[TokenPair, int]:
    """The tokens and kinds of one lowercased ``"class id"`` string, remembered:
    the same class strings recur on every card of a page and across a site's pages."""
    pair = (_parts(raw), raw.replace("-", "").replace("_", ""))
    return pair, MATCHER.kinds(pair)


def _parts(raw: str) -> frozenset[str]:
    """The maximal ``[a-z0-9]`` runs of ``raw``: str methods for the usual
    ``-``/``_``/space-separated names, the regex for anything else."""
    parts = raw.replace("-", " ").replace("_", " ").split()
    joined = "".join(parts)  # all parts are ASCII letters and digits when this is
    if joined.isascii() and joined.isalnum():
        return frozenset(parts)
    return frozenset(_PART_SPLIT.split(raw)) - {""}


_NOTHING: tuple[TokenPair, int] = (_NO_TOKENS, 0)


def _kinds_beyond_ascii(node: Node) -> int:
    """The kinds of an element whose class or id has a character beyond ASCII, which
    ``_items`` leaves to ``str.lower`` and the tables' matcher here."""
    return _entry_of(node, None)[1]


def _entry_of(node: Node, attrs: Attrs | None) -> tuple[TokenPair, int]:
    if attrs is None:
        attrs = node.attributes
    if not attrs:
        return _NOTHING  # no attributes: no class or id, no string to build
    raw = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().strip()
    return _read(raw) if raw else _NOTHING


@dataclass(slots=True)
class Tokens:
    """Class/id tokens and kinds of the elements of one page, computed once per element."""

    found: dict[int, tuple[TokenPair, int]] = field(default_factory=dict)
    facts: PageFacts = field(default_factory=lambda: PageFacts(_TOKEN_KINDS, _kinds_beyond_ascii))
    """The kinds of the page's elements, read in C, and what else ``_items`` reads of them."""

    def _entry(self, node: Node, attrs: Attrs | None) -> tuple[TokenPair, int]:
        key = node.mem_id
        entry = self.found.get(key)
        if entry is None:
            entry = self.found[key] = _entry_of(node, attrs)
        return entry

    def of(self, node: Node, attrs: Attrs | None = None) -> TokenPair:
        """(the ``-``/``_``-separated parts, the lowercased names squashed) of class and id.

        ``attrs`` is ``node.attributes`` when the caller has it already.
        """
        return self._entry(node, attrs)[0]

    def kinds(self, node: Node) -> int:
        """The kinds (``CARD``, ``EXCLUDE``...) the element's class/id tokens name."""
        return self.facts.kinds(node)

    def block_label(self, node: Node) -> str | None:
        """The block label the element's class tokens name ("most-read" -> "Most read")."""
        if not self.kinds(node) & LABEL:
            return None
        found = _LABEL_PATTERN.search(self.of(node)[1])
        return _LABEL_TOKENS.get(found.group(0)) if found else None
