"""The element budget, checked on the text before the parser sees it.

The parser's cost grows with the number of elements times their nesting depth
(each start tag looks through the stack of open elements), so a page of
100,000 nested ``<div>`` takes tens of seconds to parse. A cheap scan of the
tags bounds both before parsing.

Pages with few ``<`` pass on that count alone. Above it, proving a page
inside both limits costs less than measuring it: every element starts with a
``<``, so the count of ``<`` bounds the elements, and the spread of the running
balance of opening and closing tags bounds the depth (``_depth_bound``, with no
Python loop per tag). Only a page these bounds do not clear is scanned tag by
tag, which also gives the numbers a refusal reports.
"""

from __future__ import annotations

import re
from itertools import accumulate

from service.extract.model import RefusedPage
from service.extract.text import literal_alternation

# Elements that never stay open: they do not deepen the tree.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr", "param", "keygen", "frame"}
)
# Elements whose end tag is implied by the next sibling: they do not deepen it either.
_IMPLIED_END = frozenset(
    {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot"}
    | {"colgroup", "caption", "rb", "rt", "rp"}
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)")
# The tags of ``_TAG`` whose name is in neither set above, as their slash only
# ('' opens, '/' closes): a one-character string per tag, no match objects and no
# names to lowercase. ASCII-only case folding, as ``str.lower`` folds ``_TAG``'s
# ASCII names.
# In trie form: each tag's name is followed along one branch instead of being
# compared with every name (a third less work on the pages scanned).
_FLAT_NAMES = literal_alternation(sorted(_VOID | _IMPLIED_END))
_NESTING_TAG = re.compile(
    rf"<(/?)(?!(?:{_FLAT_NAMES})(?![a-zA-Z0-9:-]))[a-zA-Z]", re.IGNORECASE | re.ASCII
)
_STEP = {"": 1, "/": -1}  # what an opening and a closing tag do to the depth
SCAN_FROM_TAGS = 3000  # below this many '<', parsing is cheap whatever the nesting
MAX_DEPTH = 1000  # real pages nest a few dozen levels; broken ones a few hundred


def _depth_bound(text: str) -> int:
    """An upper bound of the depth ``_measure`` finds, without a Python loop per tag.

    The depth after each tag is the running balance of opening minus closing
    tags less its lowest value so far (a closing tag at depth 0 is ignored), so
    it never exceeds the highest balance less the lowest.
    """
    steps = map(_STEP.__getitem__, _NESTING_TAG.findall(text))
    balance = list(accumulate(steps, initial=0))
    return max(balance) - min(balance)


def _measure(text: str) -> tuple[int, int]:
    """The number of elements and the deepest nesting, tag by tag."""
    elements = 0
    depth = 0
    deepest = 0
    for closing, tag in _TAG.findall(text):  # (slash, name) pairs: no match objects
        name = tag.lower()
        if name in _VOID or name in _IMPLIED_END:
            elements += closing == ""
            continue
        if closing:
            depth = max(0, depth - 1)
            continue
        elements += 1
        depth += 1
        deepest = max(deepest, depth)
    return elements, deepest


def check_elements(text: str, max_nodes: int) -> None:
    """Raise ``RefusedPage("node_budget")`` when ``text`` has too many or too deep elements."""
    tags = text.count("<")
    if tags < SCAN_FROM_TAGS:
        return
    if tags <= max_nodes and _depth_bound(text) <= MAX_DEPTH:
        return  # no more elements than '<', and no deeper than the bound
    elements, deepest = _measure(text)
    if elements > max_nodes:
        raise RefusedPage("node_budget", f"{elements} elements over the {max_nodes} budget")
    if deepest > MAX_DEPTH:
        raise RefusedPage("node_budget", f"elements nested {deepest} deep, over {MAX_DEPTH}")
