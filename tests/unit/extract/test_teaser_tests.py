"""``_frame.TeaserTests`` answers as the Python it replaced (``teasers._is_teaser``,
kept here) on generated items: regions of every bit, products, titles of legal labels,
dates (in other scripts' digits too), short headings, links to service, section and
story pages, short headlines, list entries, articles, cards by class, menus, snippets,
inline promos and topic chips."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract import teaser_tokens as tk
from service.extract import teasers
from service.extract._tree import LINKS
from service.extract.teaser_items import (
    IN_EXCLUDED,
    IN_FOOTER,
    IN_HIDDEN,
    IN_MENU,
    IN_PAID,
    Link,
    Page,
    has_story_id_or_date,
    is_service_url,
    is_story_url,
    is_topic_chip,
)

_Item = teasers._Item


def _is_menu_entry(item: _Item, page: Page) -> bool:
    return teasers._MENU_ENTRIES.of(
        item.node, item.link.url, item.link.title, item.date is not None, page
    )


def _is_teaser(item: _Item, region: int, siblings: int, page: Page) -> bool:
    if region & (IN_HIDDEN | IN_EXCLUDED) or item.product:
        return False
    title = item.link.title
    if item.link.words <= tt.MAX_LEGAL_WORDS and tt.LEGAL_LABEL.search(title):
        return False
    if is_service_url(item.link.url):
        return False
    if tf.is_date(title):
        return False
    if (
        item.link.heading is not None
        and item.link.words < tt.MIN_HEADLINE_WORDS
        and item.image is None
        and item.snippet is None
        and not is_story_url(item.link.url, title)
    ):
        return False
    if item.link.short:
        return not region & (IN_MENU | IN_FOOTER) and teasers._shows_story(
            item.node, item.link, siblings, page, item
        )
    story_card = item.link.heading is not None or item.image is not None
    if region & IN_MENU:
        if story_card:
            return item.link.words >= tt.MIN_HEADLINE_WORDS
        return (
            item.link.words >= tt.MENU_HEADLINE_WORDS
            and is_story_url(item.link.url, title)
            and has_story_id_or_date(item.link.url)
        )
    if region & IN_FOOTER:
        return story_card or siblings >= 2
    if not story_card and item.snippet is None and _is_menu_entry(item, page):
        return False
    card = item.node.tag in ("li", "article") or bool(page.tokens.kinds(item.node) & tk.CARD)
    if story_card or card or siblings >= 2 or item.inline:
        return True
    if item.node.tag in ("ul", "ol") and [c.tag for c in item.node.iter()] == ["li"]:
        return is_story_url(item.link.url, title)
    return item.snippet is not None and not is_topic_chip(item.link, page)


_TITLES = [
    *("Privacy policy", "Terms of use", "Contact", "Cookie settings here now", "News"),
    *("Harbour road closes for repairs after storm", "Ferry strike ends", "Sport"),
    *("4 February 2026", "04.02.26", "2019 NFL playoff picture", "Opening Bell 10.29.19"),
    *("४ February २०२६", "\u0664 February \u0662\u0660\u0662\u0666", "February ٢٠٢٦"),
    *("Published: Feb 4, 2026 09:30 AM and much more text after it", "x" * 41, "12"),
    *("\u53f0\u98ce\u5bfc\u81f4\u6e21\u8f6e\u505c\u822a\u4e09\u5929", "1. Top ten"),
]
_HREFS = [
    *("/sport", "/news/world", "/", "/about-us", "/cookie-policy", "/apps", "/tag/harbour"),
    *("/2026/02/ferry-strike-ends", "/story/ferry-strike-ends-after-pay-offer-123456"),
    *("/world/harbour-road-closes-for-repairs", "https://x.test/a", "/2026/02/04/"),
]
_HOLDERS = [
    *("li", "article", "div", "span", 'div class="card"', 'div class="menu"', "p"),
    *('div class="story-card"', "section", "nav"),
]
_REGIONS = [0, IN_HIDDEN, IN_EXCLUDED, IN_MENU, IN_FOOTER, IN_PAID, IN_MENU | IN_FOOTER]


@st.composite
def _page(draw: st.DrawFn) -> bytes:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        holder = draw(st.sampled_from(_HOLDERS))
        tag = holder.split()[0]
        href = draw(st.sampled_from(_HREFS))
        title = draw(st.sampled_from(_TITLES))
        inner = f'<a href="{href}">{title}</a>'
        if draw(st.booleans()):
            inner = f'<a href="{draw(st.sampled_from(_HREFS))}"><img src="x.jpg"></a>' + inner
        if draw(st.booleans()):
            inner += "<p>A snippet of the story beside it, 2026.</p>"
        parts.append(f"<{holder}>{inner}</{tag}>")
    wrapper = draw(st.sampled_from(["ul", "div", "nav", "footer"]))
    return f"<html><body><{wrapper}>{''.join(parts)}</{wrapper}></body></html>".encode()


@settings(max_examples=400, deadline=None)
@given(_page(), st.data())
def test_teaser_tests_answer_as_the_python(html: bytes, data: st.DataObject) -> None:
    tree = LexborHTMLParser(html)
    assert tree.body is not None
    links = [link for link in LINKS.find(tree.body) if link.text(strip=True)]
    if not links:
        return
    url = "https://news.example/section/page"
    for _ in range(3):
        node = data.draw(st.sampled_from(links))
        item_node = node.parent if data.draw(st.booleans()) and node.parent is not None else node
        title = node.text(strip=True)
        target = Page(url).target(node.attrs.get("href") or "") or ""
        words = data.draw(st.sampled_from([tf.word_count(title), 1, 3, 5, 6]))
        heading = data.draw(st.sampled_from([None, "h2"]))
        link = Link(node, target, title, heading, node, words, short=data.draw(st.booleans()))
        fields = {
            "snippet": data.draw(st.sampled_from([None, "A snippet"])),
            "image": data.draw(st.sampled_from([None, "x.jpg"])),
            "date": data.draw(st.sampled_from([None, "2026-02-04"])),
            "sponsored": False,
            "product": data.draw(st.integers(0, 5)) == 0,
            "inline": data.draw(st.integers(0, 4)) == 0,
        }
        region = data.draw(st.sampled_from(_REGIONS))
        siblings = data.draw(st.integers(0, 3))
        page, expected_page = Page(url), Page(url)
        assert teasers._is_teaser(
            _Item(item_node, link, **fields), region, siblings, page
        ) == _is_teaser(_Item(item_node, link, **fields), region, siblings, expected_page)


def test_a_date_in_other_digits_is_no_teaser() -> None:
    """The date gate takes any script's decimal digits, as ``\\d`` does."""
    tree = LexborHTMLParser(
        '<html><body><div><a href="/x">\u096a February \u0968\u0966\u0968\u096c</a></div>'
        "</body></html>"
    )
    node = tree.css_first("a")
    assert node is not None
    title = node.text()
    assert title.isascii() is False and tf.is_date(title)
    link = Link(node, "https://n.example/x", title, None, node, 3)
    item = _Item(node, link, "A snippet", None, None, False)
    page = Page("https://n.example/")
    assert not teasers._is_teaser(item, 0, 2, page)
    assert _is_teaser(item, 0, 2, Page("https://n.example/")) is False
