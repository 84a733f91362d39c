"""A gallery page's body: its captions, when there are enough of them."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from service.extract import body_tables as t
from service.extract.gallery import _wrappers_and_linked, gallery_captions
from service.extract.split import split


def _captions(body: str) -> list[str]:
    tree = LexborHTMLParser(f"<html><body>{body}</body></html>")
    assert tree.body is not None
    return [p.text for p in gallery_captions(tree.body)]


def _figure(caption: str) -> str:
    return f'<figure><img src="/p.jpg" alt=""><figcaption>{caption}</figcaption></figure>'


def test_captions_are_read_in_order_without_their_credits() -> None:
    body = "".join(
        _figure(c)
        for c in (
            "Boats sail past the harbour wall. Photo: Ann Lee",
            "Children watch a puppet show (Picture: Tom Holt)",
            "Fireworks light up the bay.",
        )
    )
    assert _captions(body) == [
        "Boats sail past the harbour wall.",
        "Children watch a puppet show",
        "Fireworks light up the bay.",
    ]


def test_a_credit_in_an_element_of_its_own_is_cut_from_its_caption() -> None:
    captions = (
        "Boats sail past the harbour wall.",
        "Children watch a puppet show.",
        "Fireworks light up the bay.",
    )
    body = "".join(_figure(f'{c} <span class="credit">Reuters / Ann Lee</span>') for c in captions)
    assert _captions(body) == list(captions)


def test_wire_credits_are_cut_from_captions() -> None:
    boats, show = "Boats sail past the harbour wall.", "Children watch a puppet show."
    museum = "Fireworks light up the bay over the TCP/IP museum."  # no credit: it stays
    credited = [f"{boats} (Manu Fernandez/AP)", f"{show} REUTERS/Jane Doe", museum]
    assert _captions("".join(map(_figure, credited))) == [boats, show, museum]


def test_two_captions_are_a_story_s_pictures_not_a_gallery() -> None:
    assert _captions(_figure("A first picture.") + _figure("A second picture.")) == []


def test_captions_inside_links_are_teaser_cards() -> None:
    cards = "".join(f'<a href="/s{i}">{_figure(f"Story number {i}.")}</a>' for i in range(4))
    assert _captions(cards) == []


def test_a_caption_wrapper_is_read_once_through_its_inner_caption() -> None:
    body = "".join(
        f'<div class="caption-box"><p class="caption-text">Picture {i} of the day.</p></div>'
        for i in range(3)
    )
    assert _captions(body) == [f"Picture {i} of the day." for i in range(3)]


def test_wrappers_and_linked_captions_are_found_by_walking_up_from_each_caption() -> None:
    tree = LexborHTMLParser(
        "<body><div class='caption-wrap'><figcaption>Inner</figcaption></div>"
        "<a href='/s'><figure><figcaption>Card</figcaption></figure></a>"
        "<a class='caption' href='/t'>Linked caption</a><figcaption>Alone</figcaption></body>"
    )
    assert tree.body is not None
    captions = tree.body.css(t.CAPTION_SELECTOR)
    wrappers, linked = _wrappers_and_linked(tree.body, captions)
    texts = {node.mem_id: node.text() for node in captions}
    assert sorted(texts[i] for i in wrappers) == ["Inner"]  # the wrapper's text
    assert sorted(texts[i] for i in linked) == ["Card", "Linked caption"]


def _gallery_page(head: str) -> bytes:
    figures = "".join(
        _figure(c)
        for c in (
            "Dragon dancers perform in Chinatown on the eve of the new year.",
            "Worshippers light incense at the temple in the early hours of Tuesday.",
            "Fireworks explode over the harbour as thousands watch from the waterfront.",
        )
    )
    return (
        f"<html><head><title>In pictures: Lunar New Year</title>{head}</head><body><main>"
        f"<h1>In pictures: Lunar New Year</h1>{figures}</main></body></html>"
    ).encode()


def test_a_gallery_at_a_story_s_address_is_an_article_without_a_declared_type() -> None:
    """A gallery page that declares no type, at an address that reads as a story's."""
    url = "https://news.example/2026/02/17/in-pictures-lunar-new-year"
    for head in ("", '<meta property="og:type" content="article">'):
        found = split(_gallery_page(head), url)
        assert found.article is not None, head
        assert found.article.paragraphs[0].text.startswith("Dragon dancers")


def test_a_section_page_s_captions_are_no_article() -> None:
    assert split(_gallery_page(""), "https://news.example/pictures/").article is None
