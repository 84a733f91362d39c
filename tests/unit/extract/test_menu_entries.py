"""``_frame.MenuEntries`` answers as the Python it replaced (``teasers._is_menu_entry``
with its submenu climb, its flat menu's levels and their labels, kept here) on
generated pages: lists nested in lists' entries, links of every length of text and
target (dated and numbered story paths, section paths, relative, empty and foreign
targets, SVG links), whitespace of every kind, text beyond ASCII and bytes that are
not UTF-8."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract import teasers
from service.extract._frame import FewWords
from service.extract._tree import LINKS
from service.extract.teaser_items import Page, has_story_id_or_date, is_story_url
from service.extract.text import SPACES

_FEW_WORDS = FewWords(tt.MIN_HEADLINE_WORDS, SPACES)


def _is_menu_entry(node: LexborNode, url: str, title: str, shown_date: bool, page: Page) -> bool:
    dated = shown_date or has_story_id_or_date(url)
    if dated and is_story_url(url, title):
        return False
    if _in_submenu(node):
        return True
    return not shown_date and _in_flat_menu(node, page)


def _in_flat_menu(node: LexborNode, page: Page) -> bool:
    current = node.parent
    for _ in range(tt.FLAT_MENU_DEPTH):
        if current is None or current.tag in tt.STOP_TAGS:
            return False
        counts = page.menus.get(current.mem_id)
        if counts is None:
            links = LINKS.find(current)
            labels = sum(1 for link in _FEW_WORDS.of(links) if _is_menu_label(link, page))
            if (
                len(links) >= tt.MIN_FLAT_MENU_LINKS
                and labels >= tt.MIN_FLAT_MENU_SHARE * len(links)
                and _holds_prose(current, links)
            ):
                labels = 0
            counts = page.menus[current.mem_id] = (len(links), labels)
        links_count, labels = counts
        if links_count >= tt.MIN_FLAT_MENU_LINKS:
            return labels >= tt.MIN_FLAT_MENU_SHARE * links_count
        if links_count >= 2 and 2 * labels <= links_count:
            return False
        current = current.parent
    return False


def _holds_prose(node: LexborNode, links: list[LexborNode]) -> bool:
    total = tf.text_length(node)
    linked = sum(tf.text_length(link) for link in links)
    return total - linked > tt.MAX_MENU_PROSE_SHARE * total


def _is_menu_label(link: LexborNode, page: Page) -> bool:
    text = link.text(strip=True)
    if tf.word_count(text) >= tt.MIN_HEADLINE_WORDS:
        return False
    url = page.target(link.attrs.get("href") or "") or ""
    return not (has_story_id_or_date(url) and is_story_url(url, text))


def _in_submenu(node: LexborNode) -> bool:
    entry: LexborNode | None = node
    for _ in range(tt.SUBMENU_ENTRY_DEPTH):
        if entry is None or entry.tag == "li":
            break
        entry = entry.parent
    if entry is None or entry.tag != "li":
        return False
    holder = entry.parent
    if holder is None or holder.tag not in ("ul", "ol"):
        return False
    for _ in range(tt.SUBMENU_DEPTH):
        holder = holder.parent
        if holder is None or holder.tag in ("body", "html"):
            return False
        if holder.tag == "li":
            return True
    return False


_TEXTS = [
    *("", " ", "News", "World", "Sport today", "  Ferry \t strike\n", "\xa0Caf\xe9\u3000"),
    *("Harbour road closes for repairs", "Focus T25", "\u53f0\u98ce\u5bfc\u81f4\u6e21\u8f6e"),
    *(
        "\u0e02\u0e48\u0e32\u0e27\u0e27\u0e31\u0e19\u0e19\u0e35\u0e49",
        "x" * 40,
        "\x1c\x85 a \u2003",
    ),
]
_BAD_BYTES = [b"\xff", b"\xc0\xaf", b"\xe2\x80"]
_HREFS = [
    *("/sport", "/news/world", "/", "", "#top", "mailto:a@b.c", "//cdn.example/x"),
    *("/2026/02/ferry-strike-ends", "/news/2026-02-04-ferry", "/results/focus-t25-success-stories"),
    *("/story/ferry-strike-ends-after-pay-offer-123456", "news/relative-12345", "https://x.test/a"),
    *("/tag/harbour", "/world/harbour-road-closes-for-repairs", " /sport ", "/caf%C3%A9-2026/01/"),
]
_TAGS = ["div", "ul", "ol", "li", "nav", "section", "main", "span", "p", "LI", "Ul"]


@st.composite
def _text(draw: st.DrawFn) -> bytes:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(_BAD_BYTES))
    return draw(st.sampled_from(_TEXTS)).encode()


@st.composite
def _link(draw: st.DrawFn) -> bytes:
    href = draw(st.sampled_from(_HREFS))
    attrs = "" if draw(st.integers(0, 9)) == 0 else f' href="{href}"'
    inner = draw(_text()) + (b"<b>" + draw(_text()) + b"</b>" if draw(st.booleans()) else b"")
    if draw(st.integers(0, 14)) == 0:  # a link in SVG, its target in xlink:href
        return f'<svg><a xlink:href="{href}"{attrs}>'.encode() + inner + b"</a></svg>"
    return f"<a{attrs}>".encode() + inner + b"</a>"


@st.composite
def _element(draw: st.DrawFn, depth: int = 0) -> bytes:
    tag = draw(st.sampled_from(_TAGS))
    parts = [draw(_text())]
    for _ in range(draw(st.integers(1, 8 if depth else 4))):
        if depth < 3 and draw(st.integers(0, 2)) == 0:
            parts.append(draw(_element(depth + 1)))
        else:
            parts.append(draw(_link()))
        parts.append(draw(_text()))
    return f"<{tag}>".encode() + b"".join(parts) + f"</{tag}>".encode()


@settings(max_examples=300, deadline=None)
@given(st.lists(_element(), min_size=1, max_size=3), st.data())
def test_menu_entries_answer_as_the_python(body: list[bytes], data: st.DataObject) -> None:
    tree = LexborHTMLParser(b"<html><body>" + b"".join(body) + b"</body></html>")
    assert tree.body is not None
    links = LINKS.find(tree.body)
    if not links:
        return
    url = "https://news.example/section/page"
    page, expected_page = Page(url), Page(url)
    for _ in range(4):
        link = data.draw(st.sampled_from(links))
        node = link.parent if data.draw(st.booleans()) and link.parent is not None else link
        target = page.target(link.attrs.get("href") or "") or ""
        title = link.text(strip=True)
        shown = data.draw(st.integers(0, 4)) == 0
        assert teasers._MENU_ENTRIES.of(node, target, title, shown, page) == _is_menu_entry(
            node, target, title, shown, expected_page
        )
    assert page.menus == expected_page.menus


def test_a_flat_menu_of_section_labels_holds_menu_entries() -> None:
    labels = "".join(f'<li><a href="/{name}">{name.title()}</a></li>' for name in _SECTIONS)
    tree = LexborHTMLParser(f"<html><body><nav><ul>{labels}</ul></nav></body></html>")
    link = tree.css_first("a")
    assert link is not None
    entries, url = teasers._MENU_ENTRIES, "https://n.example/sport"
    assert entries.of(link, url, "Sport", False, Page("https://n.example/"))
    # With a date shown the same entry is no flat menu's (a list of dated stories).
    assert not entries.of(link, url, "Sport", True, Page("https://n.example/"))
    # Five labels are too few links for a menu.
    link.parent.parent.last_child.decompose()
    assert not entries.of(link, url, "Sport", False, Page("https://n.example/"))


_SECTIONS = ("sport", "world", "business", "culture", "science", "travel")
