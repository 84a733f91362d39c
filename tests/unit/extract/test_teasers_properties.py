"""Properties of teaser detection on generated pages: it never raises and numbers consistently."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from service.extract.teasers import find_teasers

WORDS = st.sampled_from(
    [
        "ferry",
        "strike",
        "ends",
        "after",
        "pay",
        "offer",
        "Related:",
        "1.",
        "…",
        "See",
        "all",
        "€9.99",
    ]
)
TEXT = st.lists(WORDS, min_size=0, max_size=9).map(" ".join)
TAGS = st.sampled_from(["div", "li", "ul", "section", "p", "h3", "nav", "footer", "aside", "span"])
CLASSES = st.sampled_from(["", "card", "related", "most-read", "share", "sponsored", "menu", "ad"])


@st.composite
def fragments(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.integers(0, 3 if depth < 4 else 1))
    if kind == 0:
        return draw(TEXT)
    if kind == 1:
        href = draw(st.sampled_from(["/a", "/b", "/c", "https://x.example/d", "#top", "/page", ""]))
        return f'<a href="{href}">{draw(TEXT)}</a>'
    tag, cls = draw(TAGS), draw(CLASSES)
    inner = "".join(draw(st.lists(fragments(depth + 1), min_size=0, max_size=4)))
    hidden = " hidden" if draw(st.booleans()) and kind == 3 else ""
    return f'<{tag} class="{cls}"{hidden}>{inner}</{tag}>'


@settings(max_examples=150, deadline=None)
@given(st.lists(fragments(), min_size=1, max_size=6))
def test_any_page_gives_consistent_numbering(parts: list[str]) -> None:
    tree = LexborHTMLParser("<html><body>" + "".join(parts) + "</body></html>")
    assert tree.root is not None
    scan = find_teasers(tree.root, "https://x.example/page")
    assert [t.position for t in scan.teasers] == list(range(len(scan.teasers)))
    seen = -1
    for teaser in scan.teasers:
        assert teaser.block_index <= seen + 1  # a new block takes the next index
        seen = max(seen, teaser.block_index)
        assert teaser.title and teaser.url.startswith("https://x.example/")
        assert teaser.url != "https://x.example/page"
    assert len({t.url for t in scan.teasers}) == len(scan.teasers)
    assert scan.text_chars >= 0


def test_deeply_nested_item_does_not_recurse_without_bound() -> None:
    deep = "<span class='x'>" * 3000 + "Ferry strike ends after pay offer" + "</span>" * 3000
    other = '<li><a href="/b">Harbour road closes again today</a></li>'
    html = f'<ul><li><a href="/a">{deep}</a></li>{other}</ul>'
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
    assert tree.root is not None
    find_teasers(tree.root, "https://x.example/page")
