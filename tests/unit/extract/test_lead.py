"""Unit tests of lead: which block before the body's container is the article's lead."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import body_tables as t
from service.extract import lead as lead_module
from service.extract.lead import find_lead
from service.extract.model import Paragraph

LEAD = "Sea walls built after the 1983 floods will be tested this weekend, and engineers worry."
BODY = "The coastguard expects the spring tide to rise almost a metre above the usual mark."


def lead(
    html: str, description: str | None = None, video_page: bool = False, title: str | None = None
) -> list[str]:
    """The lead found before ``div#body`` in ``html``."""
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
    first = tree.css_first("#body")
    assert first is not None
    body = [Paragraph("p", BODY)]
    return [p.text for p in find_lead(first, body, description, video_page, title)]


def article(before: str) -> str:
    return f"<article><h1>Headline</h1>{before}<div id=body><p>{BODY}</p></div></article>"


def test_a_standfirst_after_the_headline_is_the_lead() -> None:
    assert lead(article(f"<div class=dek>{LEAD}</div>")) == [LEAD]


def test_a_standfirst_in_the_story_header_is_the_lead() -> None:
    html = (
        f"<main><div class=head><h1>Headline</h1><p>{LEAD}</p></div>"
        f"<div><div id=body><p>{BODY}</p></div></div></main>"
    )
    assert lead(html) == [LEAD]


@pytest.mark.parametrize(
    "before",
    [
        f"<p class=byline>{LEAD}</p>",
        f"<div class=article-meta><p>{LEAD}</p></div>",
        f"<figure><img src=a.jpg><p>{LEAD}</p></figure>",
        f"<p class=photo-caption>{LEAD}</p>",
        f"<div class=media><p>{LEAD}</p></div>",
        f"<p class=kicker>{LEAD}</p>",
        f"<aside><p>{LEAD}</p></aside>",
        f"<ul><li>{LEAD}</li></ul>",
        f"<h3>{LEAD}</h3>",
        f'<p><a href="/other-story">{LEAD}</a></p>',
        "<p>Updated 14 March 2025 | 09:30 GMT | 4 min read | 1,204 shares today</p>",
        "<p>Flood warning</p>",
    ],
)
def test_bylines_captions_labels_and_links_are_not_the_lead(before: str) -> None:
    assert lead(article(before)) == []


DESCRIPTION = "Spring tide and storm surge: what the flood warning means for six towns."
OTHER = "Harbour masters in six towns have asked boat owners to move their boats inland."
ASKED = "Sea walls built after the 1983 floods face their test this weekend: will they hold?"


@pytest.mark.parametrize(
    "before",
    [
        f"<h2>{LEAD}</h2>",
        f"<h2>{LEAD}</h2><p class=byline>By Ann Lee</p>",
        f"<p>By Ann Lee</p><p>14 March 2025</p><h2>{LEAD}</h2>",
        f"<header><h2>{LEAD}</h2></header>",
        f"<h3>{LEAD}</h3>",
        f"<h3>{LEAD}</h3><p class=byline>By Ann Lee</p><div><img src=a.jpg></div>",
    ],
)
def test_a_standfirst_set_as_a_heading_is_the_lead(before: str) -> None:
    assert lead(article(before), DESCRIPTION) == [LEAD]


@pytest.mark.parametrize(
    "dek", [ASKED, ASKED.replace("will they hold?", "they must hold!"), f"\u201c{ASKED}\u201d"]
)
@pytest.mark.parametrize("tag", ["h2", "h3"])
def test_a_standfirst_heading_may_end_in_a_question_or_an_exclamation(tag: str, dek: str) -> None:
    assert lead(article(f"<{tag}>{dek}</{tag}>"), DESCRIPTION) == [dek]


def test_a_heading_is_no_lead_on_a_page_without_a_description() -> None:
    # Its dek set as a heading is most often the text a description would repeat.
    assert lead(article(f"<h2>{LEAD}</h2>")) == []


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        (f"<h2>{LEAD.rstrip('.')}</h2>", []),  # no sentence's end: a subheading
        (f'<h2><a href="/other-story">{LEAD}</a></h2>', []),
        ("<h2>What the flood warning means for the harbour towns.</h2>", []),  # too short
        (f"<h2>{LEAD}</h2><p>{OTHER}</p>", [OTHER]),  # it heads the text after it
        (f"<p>{OTHER}</p><h2>{LEAD}</h2>", [OTHER]),  # prose stands before it
        (f"<h3>{ASKED}</h3><p>{OTHER}</p>", [OTHER]),
        (f"<h2>{LEAD}</h2><div><p>{OTHER}</p></div>", [OTHER]),  # it heads a box's text
        (f"<div><h3>{ASKED}</h3></div><div><div><p>{OTHER}</p></div></div>", [OTHER]),
        (f"<h4>{LEAD}</h4>", []),  # a box's or a section's title
    ],
)
def test_a_heading_that_is_no_standfirst_is_not_the_lead(before: str, expected: list[str]) -> None:
    assert lead(article(before), DESCRIPTION) == expected


def test_a_video_description_is_the_lead_of_a_video_page_only() -> None:
    html = article(
        f"<div class=video-player><p>{BODY} Now playing.</p></div>"
        f"<div class=video-description><p>{LEAD}</p></div>"
    )
    assert lead(html) == []
    assert lead(html, video_page=True) == [LEAD]


def test_a_block_before_the_headline_is_not_the_lead() -> None:
    html = f"<article><p>{LEAD}</p><h1>Headline</h1><div id=body><p>{BODY}</p></div></article>"
    assert lead(html) == []


def test_a_story_wrapper_just_under_the_body_bounds_the_search() -> None:
    """Fewer than ``LEAD_NEAR_LEVELS`` levels lie between the body's container and
    ``<body>``: the wrapper right under ``<body>`` bounds the search."""
    html = f"<div class=story><h1>Headline</h1><div class=dek><p>{LEAD}</p></div>"
    assert lead(html + f"<div id=body><p>{BODY}</p></div></div>") == [LEAD]


def test_a_caption_set_apart_from_its_picture_is_not_the_lead() -> None:
    caption = "A man walks past the closed harbour bridge in Bilbao on Tuesday. (Ana Ortiz/AP)"
    html = (
        '<div><div><h1>Headline</h1><div><img src="/a.jpg"></div><div>By Ana Lima</div>'
        f"<p>{caption}</p></div><div id=body><p>{BODY}</p></div></div>"
    )
    assert lead(html) == []


def test_without_a_headline_there_is_no_lead() -> None:
    assert lead(f"<article><p>{LEAD}</p><div id=body><p>{BODY}</p></div></article>") == []


def test_a_block_outside_the_article_is_not_the_lead() -> None:
    html = f"<h1>Headline</h1><div><p>{LEAD}</p></div>" + article("")
    assert lead(html) == []


def test_the_description_is_not_repeated_as_the_lead() -> None:
    assert lead(article(f"<p>{LEAD}</p>"), description=LEAD) == []
    cut = LEAD[:70] + "…"
    assert lead(article(f"<p>{LEAD}</p>"), description=cut) == []
    assert lead(article(f"<p>{LEAD}</p>"), description="Another summary.") == [LEAD]


def test_a_lead_the_body_holds_is_not_repeated() -> None:
    assert lead(article(f"<p>{BODY}</p>")) == []


def test_at_most_two_blocks_in_page_order() -> None:
    second = "A second sentence of the standfirst, set apart from the first in its own block."
    third = "A third block of prose before the body, which is more than a standfirst holds."
    assert lead(article(f"<p>{LEAD}</p><p>{second}</p><p>{third}</p>")) == [LEAD, second]


def test_a_container_holding_the_headline_has_its_lead_in_the_skipped_header() -> None:
    html = (
        f"<article id=body><header><h1>Headline</h1><p>{LEAD}</p>"
        f"<p class=byline>By Tomas Lindqvist, coastal affairs correspondent, north harbour</p>"
        f"</header><p>{BODY}</p></article>"
    )
    assert lead(html) == [LEAD]
    html = f"<article id=body><h1>Headline</h1><p>{LEAD}</p><p>{BODY}</p></article>"
    assert lead(html) == []  # read with the body already: nothing is left out


POINTS = (
    "The plan adds forty kilometres of bike lanes.",
    "It will cost twelve million dollars in all.",
)


def test_a_key_points_list_before_the_body_is_read_as_list_items() -> None:
    items = "".join(f"<li>{p}</li>" for p in POINTS)
    tree = LexborHTMLParser(
        f"<html><body>{article(f'<div class=summary><ul>{items}</ul></div>')}</body></html>"
    )
    first = tree.css_first("#body")
    assert first is not None
    found = find_lead(first, [Paragraph("p", BODY)])
    assert [(p.kind, p.text) for p in found] == [("li", p) for p in POINTS]


def test_key_points_written_without_full_stops_are_read() -> None:
    """Summary bullets often drop the full stop: a sentence's words are enough."""
    points = [p.rstrip(".") for p in POINTS]
    items = "".join(f"<li>{p}</li>" for p in points)
    assert lead(article(f"<ul class=summary>{items}</ul>")) == points


@pytest.mark.parametrize(
    "items",
    [
        '<li><a href="/a">The plan adds forty kilometres of bike lanes.</a></li><li>x y z.</li>',
        "<li>forty kilometres of bike lanes across the city</li>"
        "<li>three new bridges over the river by next year</li>",
        "<li>Politics</li><li>Cycling</li><li>City council</li>",
        f"<li>{POINTS[0]}</li>",
        "".join(f"<li>{POINTS[0]}</li>" for _ in range(9)),
    ],
)
def test_lists_that_are_not_key_points_are_not_read(items: str) -> None:
    assert lead(article(f"<ul>{items}</ul>")) == []


def test_a_key_points_list_in_a_box_named_like_a_promo_is_not_read() -> None:
    items = "".join(f"<li>{p}</li>" for p in POINTS)
    assert lead(article(f'<div class="related"><ul>{items}</ul></div>')) == []


def test_a_headline_set_in_bold_text_opens_the_header_by_the_title() -> None:
    html = (
        f"<div><div><div><b>Sea walls face spring tide</b></div><div>{LEAD}</div>"
        f"<div><div id=body><p>{BODY}</p></div></div></div></div>"
    )
    assert lead(html) == []  # no <h1>, no title: no headline to search after
    assert lead(html, title="Sea walls face spring tide") == [LEAD]


def test_a_link_reading_the_title_is_no_headline_nor_a_snippet_a_lead() -> None:
    ticker = (
        '<ul><li><a href="/sea-walls">Sea walls face spring tide</a>'
        f"<span>{LEAD[:-1]} and more...</span></li></ul>"
    )
    html = f"<div><div>{ticker}</div><div><div id=body><p>{BODY}</p></div></div></div>"
    assert lead(html, title="Sea walls face spring tide") == []


def test_a_bold_line_after_a_bold_headline_is_a_heading_not_the_lead() -> None:
    html = (
        f"<div><div><b>Sea walls face spring tide</b></div><div><b>{LEAD}</b></div>"
        f"<div><div id=body><p>{BODY}</p></div></div></div>"
    )
    assert lead(html, title="Sea walls face spring tide") == []


# The names' test as a pattern: the lowercased names searched for any listed name.
_NAMES_PATTERNS = {
    excluded: re.compile("|".join(re.escape(name) for name in names))
    for excluded, names in lead_module._LISTED.items()
}
# Pieces of the listed names, and the characters beyond ASCII that lowercase to ASCII
# letters or that the names' table reads as ASCII letters.
_LOOKALIKES = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}
_NAME_PIECES = st.sampled_from(
    [name[i:j] for name in lead_module._EXCLUDED_NAMES for i, j in ((0, None), (0, 3), (2, None))]
    + [
        name.replace(letter, other, 1)
        for name in lead_module._EXCLUDED_NAMES
        for letter, others in _LOOKALIKES.items()
        if letter in name
        for other in others
    ]
    + ["\u00c9", "-", " ", "x"]
)
_NAME_TEXTS = (
    st.lists(_NAME_PIECES, max_size=6)
    .map("".join)
    .flatmap(
        lambda text: st.lists(st.booleans(), min_size=len(text), max_size=len(text)).map(
            lambda upper: "".join(c.upper() if u else c for c, u in zip(text, upper, strict=True))
        )
    )
)


@given(_NAME_TEXTS, _NAME_TEXTS, st.sampled_from(sorted(lead_module._LISTED)))
@settings(max_examples=300, deadline=None)
def test_the_names_table_finds_what_the_names_pattern_finds(
    classes: str, ids: str, excluded: int
) -> None:
    """Property: an element is named excluded when the lowercased class and id hold a
    listed name, in any case and with characters that lowercase to ASCII letters."""
    attributes = "".join(
        f' {name}="{html.escape(value)}"'
        for name, value in (("class", classes), ("id", ids))
        if value
    )
    node = LexborHTMLParser(f"<div{attributes}>x</div>").css_first("div")
    assert node is not None
    names = f"{classes} {ids}".lower()
    expected = bool(attributes) and _NAMES_PATTERNS[excluded].search(names) is not None
    assert lead_module._is_named_excluded(node, excluded) is expected


def _python_blocks(
    scope: LexborNode, first: LexborNode | None, excluded: int, headline: LexborNode
) -> list[LexborNode]:
    """The Python walk ``LeadWalk.blocks`` replaced, kept as its reference."""
    holders: set[int] = set()
    scope_id = scope.mem_id
    up = first.parent if first is not None else None
    while up is not None and up.mem_id != scope_id:
        holders.add(up.mem_id)
        up = up.parent
    stop = first.mem_id if first is not None else None
    headline_id = headline.mem_id
    found: list[LexborNode] = []
    after = False
    stack: list[LexborNode] = []
    node = scope.first_child
    while node is not None or stack:
        if node is None:
            node = stack.pop().next
            continue
        mem_id = node.mem_id
        if mem_id == stop:
            break
        if node.is_element_node:
            if mem_id in holders or (not after and mem_id != headline_id):
                stack.append(node)
                node = node.first_child
                continue
            tag = node.tag
            if mem_id == headline_id:
                after = True
            elif tag in lead_module._LISTS and lead_module._is_key_points(node):
                found.append(node)
            elif tag in t.KEY_POINTS_BOXES and (points := lead_module._boxed_key_points(node)):
                found.append(points)
            elif tag in t.LEAD_HEADING_TAGS and not lead_module._is_named_excluded(node, excluded):
                found.append(node)
            elif tag not in t.LEAD_PRUNED_TAGS and not lead_module._is_named_excluded(
                node, excluded
            ):
                if lead_module._is_leaf(node):
                    found.append(node)
                else:
                    stack.append(node)
                    node = node.first_child
                    continue
        node = node.next
    return found


# Pages for the walk: nested elements of the tags it tells apart (in mixed case, and
# a custom element), named with pieces of the listed names or not, holding text with
# whitespace and characters beyond ASCII, comments, and lists whose items read as
# sentences or not.
_WALK_TAGS = [
    *("div", "DIV", "p", "span", "b", "a", "br", "section", "header", "h1", "h2", "H3"),
    *("ul", "ol", "li", "aside", "figure", "nav", "table", "blockquote", "x-card", "em"),
]
_WALK_TEXTS = st.sampled_from(
    ["", " ", "\n  ", "Short", "é und ü", "<!-- c -->", LEAD, BODY, "Ein Satz über das Meer."]
)
_ITEM_TEXTS = st.sampled_from([LEAD, BODY, "Short", f"<a href=/a>{LEAD}</a>"])
_WALK_NAMES = st.sampled_from(["", "byline", "KICKER", "video-desc", "lead", "promo", "x\u0130d"])


@st.composite
def _walk_markup(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 3 or draw(st.integers(0, 3)) == 0:
        return draw(_WALK_TEXTS)
    tag = draw(st.sampled_from(_WALK_TAGS))
    if tag == "br":
        return "<br>"
    attributes = "".join(
        f' {name}="{html.escape(value)}"'
        for name in ("class", "id")
        if (value := draw(_WALK_NAMES))
    )
    if tag in ("ul", "ol") and draw(st.booleans()):  # items, sentences or not
        inner = "".join(f"<li>{text}</li>" for text in draw(st.lists(_ITEM_TEXTS, max_size=4)))
    else:
        inner = "".join(draw(st.lists(_walk_markup(depth + 1), max_size=4)))
    return f"<{tag}{attributes}>{inner}</{tag}>"


# A key-points list, bare or in a box, its items sentences or not.
_KEY_POINTS = st.builds(
    lambda items, boxed, ordered: ("<aside>{}</aside>" if boxed else "{}").format(
        f"<{ordered}>{''.join(f'<li>{item}</li>' for item in items)}</{ordered}>"
    ),
    st.lists(_ITEM_TEXTS, min_size=1, max_size=4),
    st.booleans(),
    st.sampled_from(["ul", "ol"]),
)


@given(
    st.lists(_walk_markup() | _KEY_POINTS, min_size=1, max_size=5),
    st.integers(0, 40) | st.integers(0, 2),  # the headline: an element early, or any
    st.integers(0, 40),
    st.sampled_from(sorted(lead_module._LISTED)),
)
@settings(max_examples=300, deadline=None)
def test_the_walk_finds_what_the_python_walk_finds(
    parts: list[str], headline_at: int, first_at: int, excluded: int
) -> None:
    """Property: ``LeadWalk.blocks`` finds the blocks the Python walk finds, from any
    headline to any container (or the scope's end), in document order."""
    tree = LexborHTMLParser(f"<html><body><main>{''.join(parts)}</main></body></html>")
    scope = tree.css_first("main")
    assert scope is not None
    elements = scope.css("*")
    if not elements:
        return
    headline = elements[headline_at % len(elements)]
    for first in (elements[first_at % len(elements)], None):
        expected = _python_blocks(scope, first, excluded, headline)
        found = lead_module._WALK.blocks(scope, first, headline, excluded)
        assert [n.mem_id for n in found] == [n.mem_id for n in expected]


@pytest.mark.parametrize("excluded", sorted(lead_module._LISTED))
def test_a_blank_name_holds_no_listed_name(excluded: int) -> None:
    """The walk asks no names of an element without a class or an id: " " holds none."""
    assert not lead_module._names_excluded(" ", excluded)


@pytest.mark.parametrize("name", ["class=art-lead", "class='article__perex'", "id=story-dek"])
def test_a_lead_set_in_bold_in_an_element_named_for_it_is_the_lead(name: str) -> None:
    assert lead(article(f"<div {name}><strong>{LEAD}</strong></div>")) == [LEAD]


@pytest.mark.parametrize(
    "block",
    [
        f"<div class=leader><strong>{LEAD}</strong></div>",  # no lead's name: a heading
        "<div class=art-lead><strong>Sea walls and the spring tide</strong></div>",  # no prose
    ],
)
def test_a_bold_line_is_no_lead_unless_named_for_it_and_prose(block: str) -> None:
    assert lead(article(block)) == []
