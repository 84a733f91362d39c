"""The element budget, checked on the page before the parser sees it.

The parser's cost grows with the number of elements times their nesting depth
(each start tag looks through the stack of open elements), so a page of
100,000 nested ``<div>`` takes tens of seconds to parse. A cheap scan of the
tags bounds both before parsing.

In C (``_scan.TagCounter``), one pass over the text counts its ``<`` (sixteen
bytes a step, a UTF-8 page's bytes 32 where the CPU has AVX2); a text with
``SCAN_FROM_TAGS`` of them or more (any text, under a smaller budget) is read again
tag by tag for its elements and their deepest nesting. An end tag closes the nearest
open element of its name, as the parser does, and one of no open element is ignored,
as the parser ignores it:
"<div></x>" repeated nests each div in the one before, which a plain count of end tags
would hide. A UTF-8 page is counted on its bytes, which count as its text does, so
its ``str`` is never made.
"""

from __future__ import annotations

from service.extract._scan import TagCounter
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
# A tag is '<', an optional '/' and an ASCII letter, then letters, digits, ':' or
# '-' as its name (``<(/?)([a-zA-Z][a-zA-Z0-9:-]*)``), its case folded.
SCAN_FROM_TAGS = 3000  # below this many '<', parsing is cheap whatever the nesting
_TAGS = TagCounter(_VOID | _IMPLIED_END, from_tags=SCAN_FROM_TAGS)
_EVERY_TAG = TagCounter(_VOID | _IMPLIED_END)  # for a budget under SCAN_FROM_TAGS
MAX_DEPTH = 1000  # real pages nest a few dozen levels; broken ones a few hundred


def check_elements(markup: str | bytes, max_nodes: int) -> None:
    """Raise ``RefusedPage("node_budget")`` when ``markup`` (a text or its UTF-8 bytes) has
    more than ``max_nodes`` elements, or has ``SCAN_FROM_TAGS`` tags or more and elements
    nested over ``MAX_DEPTH`` deep. A text of fewer tags than ``SCAN_FROM_TAGS`` is read tag
    by tag only when ``max_nodes`` is under that: it may exceed no larger budget."""
    tags, elements, deepest = (_TAGS if max_nodes >= SCAN_FROM_TAGS else _EVERY_TAG).count(markup)
    if elements > max_nodes:
        raise RefusedPage("node_budget", f"{elements} elements over the {max_nodes} budget")
    if tags >= SCAN_FROM_TAGS and deepest > MAX_DEPTH:
        raise RefusedPage("node_budget", f"elements nested {deepest} deep, over {MAX_DEPTH}")
