"""The headline links' loop in C (``_links.HeadlineLinks``, behind
``teaser_items.headline_links``) finds what the Python loop it replaced finds, kept here
as the reference, on generated pages of cards, headings, bold lines, sentences, labels
and stretched links, with targets of every kind the loop tells apart."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract import teaser_tokens as tk
from service.extract._links import link_target
from service.extract.teaser_items import (
    _LINK_SCAN,
    _LINKS,
    _RUNNING_TEXT,
    PATHS,
    Link,
    Page,
    _card_bold_line,
    _has_text_beside,
    _heads_story_card,
    _jumps_within,
    _shares_page,
    _stretched_to,
    headline_links,
    is_listing_url,
    is_story_url,
    rejects_title,
    url_key,
)

PAGE = "https://site.example/news/storm-page-story-here"


def reference_stretched_link(node: LexborNode, page: Page, bold_cards: bool) -> Link | None:
    """The Python the stretched link's climb in C (``HeadlineLinks._stretched``, before
    ``_stretched_card`` and ``_stretched_bold``) replaced, as it read."""
    card = node.parent
    for _ in range(tt.STRETCHED_LINK_DEPTH):
        if card is None or card.tag in tt.STOP_TAGS:
            return None
        if card.mem_id in page.heading_holders:
            break
        card = card.parent
    else:
        heading = _card_bold_line(node) if bold_cards else None
        if heading is None:
            return None
        return _stretched_to(node, heading, tt.BOLD_LINE_HEADING, page)
    headings = tf.SUBHEADINGS.find(card, 2)
    if len(headings) != 1 or tf.holds_links(headings[0], 1):
        return None
    return _stretched_to(node, headings[0], headings[0].tag, page)


def reference_headline_links(root: LexborNode, page: Page) -> list[Link]:
    """The Python loop ``HeadlineLinks.find`` replaced, as it read."""
    headings, anchors = _LINK_SCAN.scan(root, page.heading_holders)
    single_h1 = headings.count("h1") == 1
    bold_cards = all(tag == "h1" for tag in headings)
    page_key = url_key(page.url)
    facts = page.tokens.facts
    links: list[Link] = []
    for node, raw, words, href in anchors:
        if words < tt.MIN_HEADLINE_WORDS and not raw.isascii():
            words = tf.word_count(raw)
        if words < tt.MIN_SHORT_HEADLINE_WORDS:
            if not words:
                stretched = reference_stretched_link(node, page, bold_cards)
                if stretched is not None:
                    links.append(stretched)
            continue
        story_checked = words < tt.MIN_HEADING_WORDS
        if story_checked and not is_story_url(href, raw):
            continue
        inside = tf.link_inside(node)
        heading = inside.level
        if heading == tt.BOLD_LINE_HEADING and not PATHS.path(href).strip("/"):
            heading = None
        if heading is not None and words < tt.MIN_HEADING_WORDS:
            continue
        short = heading is None and words < tt.MIN_HEADLINE_WORDS
        if short and not story_checked and not is_story_url(href, raw):
            continue
        if not story_checked and is_listing_url(href):
            continue
        if heading is None and facts.kinds(node) & tk.META and not is_story_url(href, raw):
            continue
        if heading == "h1" and single_h1 and not _heads_story_card(node, href):
            continue
        url = link_target(href, page.origin, page.url)
        if url is None or url_key(url) == page_key:
            continue
        if "#" in href and _jumps_within(node, href, url, page):
            continue
        if "?" in href and _shares_page(href, url, page):
            continue
        if _RUNNING_TEXT.within(node, tt.RUNNING_TEXT_CHARS, page.texts, facts) or (
            short and _has_text_beside(node, raw, page)
        ):
            continue
        headline = inside.headline if inside.headline is not None else node
        title, words = tf.headline_title(headline, inside, page.tokens, raw)
        if words < (tt.MIN_HEADING_WORDS if heading else tt.MIN_HEADLINE_WORDS):
            if heading is not None or words < tt.MIN_SHORT_HEADLINE_WORDS:
                continue
            if not short and not (
                is_story_url(href, raw) and not _has_text_beside(node, raw, page)
            ):
                continue
            short = True
        if rejects_title(title):
            continue
        links.append(_LINKS.make(node, url, title, heading, headline, words, short, False))
    return links


# Words of headlines, of navigation labels, calls to action, prices and kickers, words
# that the story targets below echo, and texts beyond ASCII (CJK counted by characters).
_WORDS = [
    *("storm", "hits", "the", "coast", "overnight", "harbour", "road", "closes", "for"),
    *("Storm", "Harbour", "Bridge", "tolls", "rise", "World", "News", "Sport", "More"),
    *("Read", "more", "Subscribe", "now", "$12.99", "1.", "Exclusive:", "Watch", "|"),
    *("Related:", "\u6771\u4eac\u306e\u5929\u6c17\u4e88\u5831", "\u043c\u0438\u0440", "caf\xe9"),
    *("world-news", "2024", "&amp;", "\u2014"),
]
_HREFS = [
    *("/news/storm-hits-the-coast-overnight", "/news/2024/05/storm", "/news/harbour-road"),
    *("/tag/housing-crisis", "/news/author/ann-lee", "/", "//", "", "/sport", "/world"),
    *("https://other.example/share?u=https%3A%2F%2Fsite.example%2Fnews%2Fstorm-page-story-here",),
    *("https://other.example/intent?url=site.example/news/storm-page-story-here",),
    *("#top", "/news/storm-page-story-here#comments", "#card", "?page=2#card", "mailto:a@b.c"),
    *(PAGE, "https://www.site.example/news/storm-page-story-here/", "javascript:void(0)"),
    *("//cdn.example/world-news-today-storm", "https://site.example/news/bridge-tolls-12345"),
    *("/news/storm-hits-the-coast-overnight?utm=1", "http://[::1", "/caf\xe9/storm-caf\xe9-news"),
]
_CLASSES = ["", "card", "kicker", "category", "tag", "title", "headline", "story"]
_WRAPPERS = ["h1", "h2", "h3", "div", "b", "strong", "span", "li", "p"]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(st.sampled_from(_WORDS), max_size=9)))


@st.composite
def _links(draw: st.DrawFn) -> str:
    href = draw(st.sampled_from(_HREFS))
    klass = draw(st.sampled_from(_CLASSES))
    attrs = f'href="{href}"' + (f' class="{klass}"' if klass else "")
    inner = draw(_texts())
    kind = draw(st.integers(0, 9))
    if kind == 0:  # an image link
        inner = '<img src="/i.jpg">' + inner
    elif kind == 1:  # a heading or a headline-classed element inside the link
        tag = draw(st.sampled_from(["h3", "span", "div"]))
        inner = f'<{tag} class="{klass}">{inner}</{tag}><p>{draw(_texts())}</p>'
    elif kind == 2:  # a bold line alone in a <div>
        inner = f"<div><b>{inner}</b></div>"
    elif kind == 3:  # a kicker set apart by markup
        inner = f"<strong>Exclusive</strong> {inner}"
    elif kind == 4:  # a stretched link: words in its label alone
        return f'<a {attrs} aria-label="{inner}"></a>'
    return f"<a {attrs}>{inner}</a>"


@st.composite
def _blocks(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.integers(0, 5))
    if depth > 3 or kind == 0:
        return draw(_links())
    if kind == 1:  # a sentence around a link
        return f"<p>{draw(_texts())} {draw(_links())} {draw(_texts())}</p>"
    if kind == 2:  # a card of a heading and a stretched link, or an image link
        heading = draw(st.sampled_from(["h2", "h3", "h1", "div><b"]))
        text = draw(_texts())
        link = draw(_links())
        if draw(st.booleans()):  # the link's label repeats the heading
            link = f'<a href="{draw(st.sampled_from(_HREFS))}" title="{text}"></a>'
        closing = "</b></div" if heading == "div><b" else f"</{heading}"
        return f"<div><{heading}>{text}{closing}>{link}</div>"
    tag = draw(st.sampled_from(_WRAPPERS))
    inner = "".join(draw(st.lists(_blocks(depth + 1), min_size=1, max_size=3)))
    if draw(st.booleans()):
        inner += draw(_texts())
    return f"<{tag}>{inner}</{tag}>"


def _found(links: list[Link]) -> list[tuple[object, ...]]:
    return [
        (
            *(link.node.mem_id, link.url, link.title, link.heading, link.headline.mem_id),
            *(link.words, link.short, link.stretched),
        )
        for link in links
    ]


def _root(body: str) -> LexborNode:
    root = LexborHTMLParser(f"<html><body>{body}</body></html>").root
    assert root is not None
    return root


@settings(max_examples=500, deadline=None)
@given(st.lists(_blocks(), min_size=1, max_size=8))
@example(['<h1><a href="/news/storm-hits-the-coast-overnight">Storm hits the coast</a></h1>'])
@example(['<div><a href="/"><div><b>Storm hits the coast overnight</b></div></a></div>'])
@example(['<p><a href="#card">Storm hits the coast overnight</a></p><div id="card"></div>'])
@example(
    [
        "<div><h3>Storm hits the coast overnight</h3>"
        '<a href="/news/storm-hits-the-coast-overnight" aria-label="Storm"></a></div>'
    ]
)
@example(['<li><a href="/news/storm-hits-the-coast-overnight">Storm hits</a> today, more</li>'])
@example(  # a stretched link two levels below its card's heading, and one level below
    [
        "<div><h3>Storm hits the coast overnight</h3><div>"
        '<a href="/news/storm-hits-the-coast-overnight" aria-label="Storm"></a></div></div>',
        "<div><h2>Harbour road closes for the storm</h2>"
        '<a href="/news/harbour-road" title="Harbour road closes for the storm"></a></div>',
    ]
)
@example(  # three levels below: no card's; a stretched link whose parent is <body>
    [
        "<div><h3>Storm hits the coast overnight</h3><div><span>"
        '<a href="/news/storm-hits-the-coast-overnight" aria-label="Storm"></a></span></div></div>',
        '<a href="/news/storm-hits-the-coast-overnight" aria-label="Storm"></a>',
    ]
)
@example(  # a page without subheadings: a bold line heads the stretched link's card
    [
        "<section><div><div><b>Storm hits the coast overnight</b></div>"
        '<a href="/news/storm-hits-the-coast-overnight" aria-label="Storm"></a></div></section>'
    ]
)
@example(  # share buttons: to another site, with the page's address in its query or not
    [
        "<p><a href="
        f'"{_HREFS[10]}">Share this storm story on the other site</a></p>'
        f'<p><a href="{_HREFS[11]}">Share this storm story on the other site</a></p>'
        '<p><a href="https://other.example/share?u=x">'
        "Share this storm story on the other site</a></p>"
        '<p><a href="https://other.example/news/storm-hits-the-coast-overnight?ref=site.example/'
        'news/other-story-of-the-site">Storm hits the coast overnight on the harbour road</a></p>'
        '<p><a href="/news/storm-hits-the-coast-overnight?utm=site.example/news/'
        'storm-page-story-here">'
        "Storm hits the coast overnight</a></p>"
    ]
)
def test_the_loop_in_c_finds_what_the_python_loop_found(blocks: list[str]) -> None:
    root = _root("".join(blocks))
    expected = reference_headline_links(root, Page(PAGE))  # each with a page memo of its own
    assert _found(headline_links(root, Page(PAGE))) == _found(expected)
