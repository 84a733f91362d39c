"""The first reading of the links in C (``_links.LinkScan``) answers what the Python
reading it replaces answers: the headings, their holders, and each link's text, words and
target, leaving out only links that ``teaser_items.headline_links`` drops at its first test."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract._links import LinkScan
from service.extract._tree import Selectors
from service.extract.teaser_items import _LINK_SCAN, Page, is_story_url

_HEADINGS_AND_LINKS = Selectors("h1, h2, h3, h4, h5, h6, a[href]")

# Link texts of every width of UTF-8 and each kind of whitespace ``str.split`` knows,
# CJK and Thai letters (counted by characters from ``MIN_CJK_CHARS``), characters that
# are not whitespace to it (the zero-width space), and bytes that are not UTF-8.
_PIECES = [
    *(
        "a",
        "word",
        "News",
        "today",
        " ",
        "  ",
        "\t",
        "\n",
        "\f",
        "\v",
        "\x1c",
        "\x1f",
        "\x85",
        "\xa0",
    ),
    *("\u1680", "\u2003", "\u2028", "\u3000", "\u200b", "\xe9t\xe9", "мир", "\U0001f600"),
    *("日本語", "東京", "ภาษาไทย", "&nbsp;", "&amp;", "<br>", "<!-- c -->"),
]
_BAD_BYTES = [b"\xff", b"\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x80"]
# Targets at the edges of a story's path: short ones, slugs, digits, escapes, hosts,
# queries and fragments, and characters past ASCII.
_HREFS = st.one_of(
    st.sampled_from(
        [
            *("", "/", "/news/world", "https://example.org/2024/05/a-long-story-slug-here"),
            *("caf\xe9/\u65e5", "/a?b#c", "x\ufffd", "//cdn.example.org/world-news-today"),
            *("/world-news/today", "/a-b-c-d-e-f-g", "/news/2024/a", "/x%2Dy-z_w/longer"),
            *("/news/world-news-today-here", "/news/2024/05/today", "/today/12345"),
        ]
    ),
    st.text(alphabet="/-_?#%:.ab19\xe9\u0661", max_size=30),
)
_ECHOES = ["News", "today", "world", "here", "a"]
_INSIDE = ["b", "span", "em", "div", "h3", "script", "svg", "p", "template"]
_IMAGES = ["img", "IMG", "picture", "amp-img", "Amp-Img", "amp-image", "source"]


@st.composite
def _link_texts(draw: st.DrawFn, depth: int = 0) -> bytes:
    parts: list[bytes] = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 9))
        if kind < 6 or depth > 2:
            parts.append(draw(st.sampled_from(_PIECES)).encode())
        elif kind == 6:
            parts.append(draw(st.sampled_from(_BAD_BYTES)))
        elif kind == 7:
            parts.append(f"<{draw(st.sampled_from(_IMAGES))} src=x>".encode())
        else:
            tag = draw(st.sampled_from(_INSIDE))
            parts.append(f"<{tag}>".encode() + draw(_link_texts(depth + 1)) + f"</{tag}>".encode())
    return b"".join(parts)


@st.composite
def _links(draw: st.DrawFn) -> bytes:
    attributes = draw(
        st.sampled_from(
            ['href="{}"', 'HREF="{}"', "href", "", 'title="t" href="{}"', 'href="{}" href="/x"']
        )
    )
    href = draw(_HREFS)
    tag = draw(st.sampled_from(["a", "a", "A"]))
    opening = f"<{tag} {attributes.format(href)}>".encode()
    text = draw(_link_texts())
    if draw(st.integers(0, 3)) == 0:  # a short label of the words of story paths
        text = " ".join(draw(st.lists(st.sampled_from(_ECHOES), min_size=2, max_size=3))).encode()
    link = opening + text + f"</{tag}>".encode()
    if draw(st.integers(0, 5)) == 0:  # in SVG, where xlink:href takes a prefix
        xlink = f'<svg><a xlink:href="{href}" {draw(st.sampled_from(["", "href=/y"]))}>'
        link = xlink.encode() + draw(_link_texts()) + b"</a></svg>"
    return link


@st.composite
def _blocks(draw: st.DrawFn, depth: int = 0) -> bytes:
    if depth > 3 or draw(st.integers(0, 2)) == 0:
        return draw(
            st.one_of(_links(), st.sampled_from([b"", b"text", b"<p>t</p>", b"<h2>x</h2>"]))
        )
    tag = draw(st.sampled_from(["div", "section", "li", "h1", "h2", "H3", "h6", "article", "span"]))
    inner = b"".join(draw(st.lists(_blocks(depth + 1), max_size=4)))
    return f"<{tag}>".encode() + inner + f"</{tag}>".encode()


def _pages() -> st.SearchStrategy[LexborHTMLParser]:
    return st.builds(
        lambda body: LexborHTMLParser(b"<html><body>" + b"".join(body) + b"</body></html>"),
        st.lists(_blocks(), min_size=1, max_size=6),
    )


def _holds_image(link: LexborNode) -> bool:
    return any(node.tag in tt.IMAGE_TAGS for node in link.traverse())


Reading = tuple[list[str], set[int], list[tuple[int, str, int, str, bool]], list[str]]


def _reading(root: LexborNode) -> Reading:
    """The headings, their holders, and the links as the Python reading reads them: the
    links kept, each with whether ``headline_links`` drops it at the story test of a short
    label, and the texts of those left out."""
    headings: list[str] = []
    holders: set[int] = set()
    kept: list[tuple[int, str, int, str, bool]] = []
    dropped: list[str] = []
    for element in _HEADINGS_AND_LINKS.find(root):
        if element.tag in tt.HEADING_TAGS:
            headings.append(element.tag)
            holder = element.parent
            for _ in range(tt.HEADING_HOLDER_DEPTH):
                if holder is None or holder.mem_id in holders:
                    break
                holders.add(holder.mem_id)
                holder = holder.parent
            continue
        raw = element.text()
        words = len(raw.split(None, tt.MIN_HEADLINE_WORDS - 1))
        # Invalid bytes read as U+FFFD (the generated texts have no U+FFFD of their own).
        counted = "\ufffd" not in raw and (raw.isascii() or len(raw) < tt.MIN_CJK_CHARS)
        if (words == 0 and _holds_image(element)) or (
            0 < words < tt.MIN_SHORT_HEADLINE_WORDS and counted
        ):
            dropped.append(raw)
        else:
            href = element.attrs.get("href") or ""
            labelled = tt.MIN_SHORT_HEADLINE_WORDS <= words < tt.MIN_HEADING_WORDS
            story = labelled and counted and not is_story_url(href, raw)
            kept.append((element.mem_id, raw, words, href, story))
    return headings, holders, kept, dropped


def _roots(tree: LexborHTMLParser) -> list[LexborNode]:
    assert tree.root is not None and tree.body is not None
    return [tree.root, tree.body, *tree.body.css("div, section, li")[:3]]


@settings(max_examples=400, deadline=None)
@given(_pages())
# Bytes that are not UTF-8 across two text nodes, which decode joined as a space,
# around an image: an image link of no words; before a letter: a label of a word.
@example(LexborHTMLParser(b'<a href="">\xe2\x80<img src=x><br>\x80</a>'))
@example(LexborHTMLParser(b'<a href=""><b>\xe2\x80<img src=x><br>\x80</b>a</a>'))
def test_scan_reads_what_the_python_reading_reads(tree: LexborHTMLParser) -> None:
    for root in _roots(tree):
        headings, holders, kept, dropped = _reading(root)
        found: set[int] = set()
        scanned, links = _LINK_SCAN.scan(root, found)
        assert scanned == headings
        assert found == holders
        read = [(node.mem_id, raw, words, href) for node, raw, words, href in links]
        assert read == [
            (key, raw, words, href)
            for key, raw, words, href, label in kept
            if not label or key in {node.mem_id for node, *_ in links}
        ]
        for raw in dropped:  # what the first test of headline_links drops
            assert tf.word_count(raw) < tt.MIN_SHORT_HEADLINE_WORDS


def test_holders_climb_stops_at_a_holder_already_noted() -> None:
    tree = LexborHTMLParser(
        "<div><div><div><h2>a</h2></div><section><h3>b</h3></section></div></div>"
    )
    assert tree.body is not None
    holders: set[int] = set()
    headings, _ = _LINK_SCAN.scan(tree.body, holders)
    assert headings == ["h2", "h3"]
    assert holders == _reading(tree.body)[1]
    assert len(holders) == 5  # the h2's four levels, and the h3's section


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        (b"<a href=/x>Sport</a>", False),  # one word: a label
        (b"<a href=/news/world>World news</a>", False),  # a short label to a section
        (b"<a href='https://example.org/world'>World news</a>", False),
        (b"<a href=/news/world-news-of-today>World news</a>", True),  # a slug: asked later
        (b"<a href=/news/2024/05/x>World news</a>", True),  # a digit: asked later
        (b"<a href=/x>World news today</a>", True),
        (b"<a href=/news/world-news-today-here>News today</a>", True),  # a story's
        (b"<a href=/today/12345>Today news</a>", True),  # a story's, by its id
        (b"<a href=/x><img src=i></a>", False),  # an image link
        (b"<a href=/x> <svg></svg> </a>", True),  # an icon link: a stretched link's form
        ("<a href=/x>日本語のニュース記事</a>".encode(), True),  # may count by characters
        ("<a href=/x>\xe9t\xe9</a>".encode(), False),  # shorter than MIN_CJK_CHARS
        (b"<a href=/x>\xff</a>", True),  # invalid bytes: counted on the decoded text
        (b"<a>One two three four</a>", False),  # no target
    ],
)
def test_scan_leaves_out_what_the_first_test_drops(html: bytes, kept: bool) -> None:
    tree = LexborHTMLParser(b"<html><body>" + html)
    assert tree.body is not None
    _, links = _LINK_SCAN.scan(tree.body, set())
    assert bool(links) == kept


def test_scan_refuses_what_it_cannot_read() -> None:
    spaces = " \t\n"
    with pytest.raises(ValueError, match="standard tag"):
        LinkScan(spaces, ("x-heading",), (), (), 1, 1, 2, 8, 3, 12, 3)
    with pytest.raises(ValueError, match="past U"):
        LinkScan("\U00010000", (), (), (), 1, 1, 2, 8, 3, 12, 3)
    with pytest.raises(ValueError, match="standard tag"):
        LinkScan(spaces, (), (), ("x-span",), 1, 1, 2, 8, 3, 12, 3)
    with pytest.raises(ValueError, match="fewest_words"):
        LinkScan(spaces, (), (), (), 1, 3, 2, 8, 3, 12, 3)
    fragment = LexborHTMLParser("<a href=x>t</a>", is_fragment=True).root
    with pytest.raises(ValueError, match="fragment"):
        _LINK_SCAN.scan(fragment, set())


# Blocks around a link: white space of every kind, comments, line breaks, words and
# inline or block elements beside it, the parent inline or not.
_BESIDE = [
    *(" ", "\n  ", "\xa0", "\u3000", "\x1c", "\u200b", "<!-- c -->", "<?pi x?>", "<br>"),
    *("word", ".", "<b> </b>", "<span>text</span>", "<img src=x>", "<a href=/y>other</a>"),
]


@st.composite
def _link_blocks(draw: st.DrawFn) -> bytes:
    beside = [draw(st.sampled_from(_BESIDE)) for _ in range(draw(st.integers(0, 3)))]
    at = draw(st.integers(0, len(beside)))
    link = draw(_links())
    inner = "".join(beside[:at]).encode() + link + "".join(beside[at:]).encode()
    tag = draw(st.sampled_from(["h2", "div", "li", "p", "span", "b", "td", "font", "section"]))
    return f"<{tag}>".encode() + inner + f"</{tag}>".encode()


def _alone(link: LexborNode) -> bool:
    parent = link.parent
    if parent is None or parent.tag in tt.INLINE_TAGS:
        return False
    for child in parent.iter(include_text=True):
        if child.mem_id == link.mem_id:
            continue
        if child.is_element_node or (child.tag == "-text" and (child.text_content or "").strip()):
            return False
    return True


@settings(max_examples=300, deadline=None)
@given(st.lists(_link_blocks(), min_size=1, max_size=4))
def test_alone_answers_what_the_python_test_answers(blocks: list[bytes]) -> None:
    tree = LexborHTMLParser(b"<html><body>" + b"".join(blocks) + b"</body></html>")
    assert tree.body is not None
    for link in _HEADINGS_AND_LINKS.find(tree.body):
        if link.tag == "a":
            assert _LINK_SCAN.alone(link) == _alone(link)


def _target(page: Page, href: str) -> str | None:
    """``Page.target`` as Python read it."""
    href = href.strip().split("#", 1)[0]
    if href[:8].lower().startswith(("https://", "http://")):
        return href
    if href.startswith("//"):
        return page.origin.split(":", 1)[0] + ":" + href
    if href.startswith("/"):
        return page.origin + href
    if not href or ":" in href.split("/", 1)[0]:
        return None
    try:
        return urljoin(page.url, href)
    except ValueError:
        return None


# Targets of every form: schemes in any case, characters beyond ASCII that lower to two
# ("İ") or to ASCII ("K", the Kelvin sign), white space of every kind, fragments, and
# brackets urljoin refuses.
_TARGET_PARTS = st.sampled_from(
    [
        *("http://", "HTTPS://", "hTtP:", "//", "/", "#", "#x", ":", "mailto:", "?q=1"),
        *(" ", "\t", "\xa0", "\u3000", "\u200b", "a", "news", "..", "./", "[", "]"),
        *("\u0130", "\u212a", "\xe9", "example.org", "[::1", "http://[x"),
    ]
)


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(_TARGET_PARTS, max_size=6).map("".join),
    st.sampled_from(
        ["https://www.example.org/news/today", "http://example.org", "", "https://[::1]/a/b"]
    ),
)
@example("\u0130http://x", "https://example.org/")
@example(" //cdn.example.org/a#b ", "https://example.org/")
def test_link_target_answers_what_the_python_reading_answers(href: str, url: str) -> None:
    page = Page(url)
    assert page.target(href) == _target(page, href)
