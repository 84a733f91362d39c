"""The element budget, checked on the text before the parser sees it.

The parser's cost grows with the number of elements times their nesting depth
(each start tag looks through the stack of open elements), so a page of
100,000 nested ``<div>`` takes tens of seconds to parse. A cheap scan of the
tags bounds both before parsing.
"""

from __future__ import annotations

import re

from service.extract.model import RefusedPage

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
SCAN_FROM_TAGS = 3000  # below this many '<', parsing is cheap whatever the nesting
MAX_DEPTH = 1000  # real pages nest a few dozen levels; broken ones a few hundred


def check_elements(text: str, max_nodes: int) -> None:
    """Raise ``RefusedPage("node_budget")`` when ``text`` has too many or too deep elements."""
    if text.count("<") < SCAN_FROM_TAGS:
        return
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
    if elements > max_nodes:
        raise RefusedPage("node_budget", f"{elements} elements over the {max_nodes} budget")
    if deepest > MAX_DEPTH:
        raise RefusedPage("node_budget", f"elements nested {deepest} deep, over {MAX_DEPTH}")
