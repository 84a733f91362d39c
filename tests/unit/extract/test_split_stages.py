"""split()'s own small stages: the visible character count and the headline's holders."""

from __future__ import annotations

import html
import importlib

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from service.extract._tree import ancestors

split_module = importlib.import_module("service.extract.split")

_SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]
_CHARS = st.sampled_from(
    [*_SPACES, "a", "é", "€", "\U0001d518", "\u00ad", "\u200b", "\ufeff", "<", "&"]
)
_WRAPPERS = st.sampled_from(["<p>{}</p>", "<span>{}</span>", "{}", "<b>{}</b><i></i>", "<td>{}"])
_BODIES = st.lists(
    st.tuples(_WRAPPERS, st.text(_CHARS, max_size=8)).map(lambda p: p[0].format(html.escape(p[1]))),
    max_size=10,
).map("".join)


@settings(max_examples=400)
@given(body=_BODIES)
def test_visible_chars_is_the_length_of_the_folded_text(body: str) -> None:
    root = LexborHTMLParser(f"<html><body>{body}</body></html>").body
    assert root is not None
    folded = " ".join(root.text(separator=" ").split())
    assert split_module._visible_chars(root) == len(folded)


def test_visible_chars_of_no_body_or_only_whitespace_is_zero() -> None:
    assert split_module._visible_chars(None) == 0
    blank = LexborHTMLParser("<body>\u3000<p> \x1c\xa0</p>\n").body
    assert split_module._visible_chars(blank) == 0


def test_headline_holders_are_the_ancestors_of_the_headline() -> None:
    tree = LexborHTMLParser(
        "<html><body><main><article><header><h1>Title</h1></header></article>"
        "<h1>Second</h1></main></body></html>"
    )
    assert tree.body is not None
    headline = tree.body.css_first("h1")
    assert headline is not None
    holders = ancestors(headline)
    header = tree.css_first("header")
    assert header is not None
    expected = set()
    node = header
    while node is not None:
        expected.add(node.mem_id)
        node = node.parent
    assert holders == frozenset(expected)
