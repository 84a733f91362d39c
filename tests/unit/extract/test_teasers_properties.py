"""Properties of teaser detection on generated pages: it never raises and numbers consistently."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from service.extract import teaser_tables as tt
from service.extract.teaser_items import _CLIMBS, Link
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


LINK = st.sampled_from("abc").map(lambda target: f'<a href="/{target}">x</a>')


@st.composite
def nested(draw: st.DrawFn, depth: int = 0) -> str:
    """A chain of wrappers deeper than a climb reaches, links to a few targets beside it."""
    if depth > 13 or draw(st.integers(0, 5)) == 0:
        return draw(LINK)
    beside = draw(st.lists(LINK, max_size=2))
    inner = draw(nested(depth + 1))
    return "<div>" + "".join([*beside[:1], inner, *beside[1:]]) + "</div>"


@settings(max_examples=300, deadline=None)
@given(st.lists(nested(), min_size=1, max_size=4))
def test_shared_ancestors_are_those_of_every_climb_to_its_end(parts: list[str]) -> None:
    # The climbs that stop where the ancestors above are all shared find what climbs
    # of every link to the full depth find.
    tree = LexborHTMLParser("<html><body>" + "".join(parts) + "</body></html>")
    links = [Link(a, a.attrs.get("href") or "", "", None, a, 0) for a in tree.css("a")]
    first: dict[int, str] = {}
    expected: set[int] = set()
    for link in links:
        node = link.node
        for _ in range(tt.MAX_ITEM_DEPTH + 2):
            if node is None:
                break
            if first.setdefault(node.mem_id, link.url) != link.url:
                expected.add(node.mem_id)
            node = node.parent
    assert _CLIMBS.shared(links).members() == expected
