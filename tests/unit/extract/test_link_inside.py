"""``link_inside`` finds a link's headline element as the CSS definition does."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from service.extract.teaser_fields import headline_node, link_inside

# The definition: the first heading or headline-classed element inside the link.
_HEADLINE = "h1, h2, h3, h4, h5, h6, [class*=headline i], [class*=title i]:not([class*=subtitle i])"


@pytest.mark.parametrize(
    "inner",
    [
        "Plain headline text here",
        "<span>Formatted</span> headline",
        "<h3>Card headline</h3><p>Snippet text</p>",
        "<div class='c-card__Title'>Titled</div><h2>Later heading</h2>",
        "<span class='subtitle'>Kicker</span><span class='story-headline'>Headline</span>",
        "<div><p class='SubTitle'>Sub</p><h4>Deep heading</h4></div>",
        "<img src='x.jpg'><span class='title subtitle'>Both</span>",
    ],
)
def test_headline_element_matches_the_selector(inner: str) -> None:
    link = LexborHTMLParser(f"<body><a href='/s'>{inner}</a></body>").css_first("a")
    assert link is not None
    expected = link.css_first(_HEADLINE) or link
    assert headline_node(link, link_inside(link)).mem_id == expected.mem_id
