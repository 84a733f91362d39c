"""Bold lines: elements whose text is all in one ``<b>`` or ``<strong>``.

Older pages set their headings so, in a ``<div>`` of their own: a story's
headline, a block's label ("<div><b>Recent articles</b></div>"), a comment
section's heading; a story may close with its author's name so set in a
``<p>``. The metadata, the teasers and the body each read them.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from service.extract._tree import Selectors

BOLD_TAGS = frozenset({"b", "strong"})
# The bold lines set in a <div>, found by a walk in C; each match is the line's bold element.
BOLD_LINES = Selectors("div > b:only-child, div > strong:only-child")


def bold_alone(node: LexborNode) -> LexborNode | None:
    """The one bold element holding all of ``node``'s text, its other children being
    white space or comments; ``None`` when ``node`` holds anything else."""
    bold = None
    for child in node.iter(include_text=True):
        tag = child.tag or ""
        if tag == "-text":
            if (child.text_content or "").strip():
                return None
        elif tag in BOLD_TAGS and bold is None:
            bold = child
        elif not tag.startswith("-"):
            return None
    return bold
