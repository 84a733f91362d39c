"""The item walk in C (``_fields.ItemWalk``, behind ``teaser_fields.read_item``) reads
what the walk in Python it replaced read, on generated items."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser
from selectolax.lexbor import LexborNode as Node

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract import teaser_tokens as tk
from service.extract._fields import ItemText, ItemWalk
from service.extract.teaser_fields import read_item
from service.extract.teaser_tokens import Tokens
from service.extract.text import contains_any, normalize_text


# The walk in Python that ``ItemWalk`` replaced, as it was.
def _walk(
    node: Node, skip: int, tokens: Tokens, out: ItemText, buf: list[str], depth: int = 0
) -> None:
    if depth > tt.MAX_WALK_DEPTH:
        return
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            buf.append(child.text_content or "")
            continue
        if tag is None or tag.startswith("-"):
            continue
        if child.mem_id == skip:
            last = _last_text(buf)
            if last[-1:] in tt.LABEL_SEPARATORS:
                _flush(buf, out.segments)
            elif last and tf._separator_follows(child):
                _flush(buf, out.segments)
                out.lead_in = len(out.segments) - 1
            continue
        if tag in tf._SKIP_TAGS:
            _media(child, out)
            continue
        attrs = child.attributes
        kinds = 0
        if attrs:
            if tf.is_hidden(child, attrs):
                continue
            kinds = tokens.kinds(child)
            if out.background is None and "style" in attrs:
                out.background = tf._background_image(attrs["style"] or "")
        if kinds & tk.SPONSORED and child.text().strip():
            out.paid = True
        if kinds & tk.META:
            if out.date is None and tokens.of(child)[0] & tf._DATE_PARTS:
                out.date = normalize_text(child.text()) or None
            text = normalize_text(child.text())
            out.paid = out.paid or tf.is_sponsored_label(text)
            if out.date is None:
                out.meta_parts.append(child)
            continue
        if child.child is not None and child.child.next is None and tf._RANK.match(child.text()):
            continue
        inline = tag in tt.INLINE_TAGS
        if not inline:
            _flush(buf, out.segments)
        _walk(child, skip, tokens, out, buf, depth + 1)
        if not inline:
            _flush(buf, out.segments)


# The image rules in Python that the walk in C replaced, as they were.
def _media(node: Node, out: ItemText) -> None:
    tag = node.tag
    if tag == "time" and out.date is None:
        out.date = (node.attributes.get("datetime") or node.text()).strip() or None
    elif tag in tt.IMAGE_TAGS and out.image is None:
        for img in [node, *tf.tagged(node, ("img", "source"))] if tag == "picture" else [node]:
            out.image = out.image or _image_source(img)


def _in_picture(node: Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "picture":
            return True
        parent = parent.parent
    return False


def _image_source(img: Node) -> str | None:
    attrs = img.attributes
    for name in ("data-src", "data-lazy-src", "data-original", "data-srcset", "src", "srcset"):
        value = attrs.get(name)
        if value and not value.startswith(("data:", "{")):
            if "srcset" in name:
                value = value.strip().split(",")[0].strip().split(" ")[0]
            if tt.PLACEHOLDER_IMAGE.search(value) is None:
                return value
    return None


def _python_read_item(node: Node, skip: Node | None) -> ItemText:
    """``read_item`` as it was: the card's background, the walk, the image search."""
    out = ItemText()
    style = node.attributes.get("style")
    if style:
        out.background = tf._background_image(style)
    buf: list[str] = []
    _walk(node, skip.mem_id if skip is not None else -1, Tokens(), out, buf)
    _flush(buf, out.segments)
    if out.image is None:
        for img in tf.tagged(node, ("img", "source", "amp-img")):
            if img.tag == "source" and not _in_picture(img):
                continue
            out.image = _image_source(img)
            if out.image is not None:
                break
        if out.image is None:
            out.image = out.background
    return out


def _last_text(buf: list[str]) -> str:
    for text in reversed(buf):
        if text := text.rstrip():
            return text
    return ""


def _flush(buf: list[str], out: list[str]) -> None:
    text = normalize_text("".join(buf))
    buf.clear()
    if text:
        out.append(text)


def _python_walk(node: Node, skip: Node | None) -> ItemText:
    out = ItemText()
    buf: list[str] = []
    _walk(node, skip.mem_id if skip is not None else -1, Tokens(), out, buf)
    _flush(buf, out.segments)
    return out


def _c_walk(node: Node, skip: Node | None) -> ItemText:
    out = ItemText()
    tf.ITEM_WALK.read(node, skip, out, Tokens(), with_image=False)
    return out


def _fields(found: ItemText) -> tuple[object, ...]:
    parts = [part.mem_id for part in found.meta_parts]
    return (found.segments, found.paid, found.date, found.image, found.background, parts)


TAGS = st.sampled_from(
    [
        *("div", "p", "li", "h3", "section", "header", "DIV", "custom-tag", "math", "table"),
        *("a", "b", "span", "em", "font", "label", "time", "SPAN", "Time", "strong"),
        *("script", "style", "img", "picture", "svg", "button", "figcaption", "noscript"),
        *("iframe", "template", "amp-img", "source", "br", "select", "video", "PICTURE"),
        *("audio", "AMP-IMG"),
    ]
)
CLASSES = st.sampled_from(
    [
        *("meta", "date", "post-date", "Kicker", "byline", "sponsored", "PAID", "card"),
        *("card__title", "x date", "timestamp  ", "\u212aicker", "s\u0130ponsor", "t\u00e9xt"),
        *("label section", "read-time", "duration", "  ", "", "nativead", "eyebrow"),
        *("Meta TIME", "meta pub_Date", "meta-published\u00e9", "meta Date\u0130", "meta\tDATE2"),
        *("META x-timestamp-", "meta published_at", "meta:date"),
    ]
)
STYLES = st.sampled_from(
    [
        *("display:none", "DISPLAY : None", "visibility:hidden", "color:red"),
        *("background-image:url(/a.jpg)", "background:url('b.png')", "background: URL(c.svg)"),
        *("background-image:url(data:x)", ""),
    ]
)


NAMES = st.sampled_from(
    [
        *("class", "id", "style", "hidden", "aria-hidden", "Class", "ARIA-HIDDEN", "src"),
        *("datetime", "data-src", "DATA-LAZY-SRC", "data-original", "data-srcset", "srcset"),
    ]
)
# Image sources: usable, empty, data URLs and templates, placeholders, srcsets.
SOURCES = st.sampled_from(
    [
        *("/i.jpg", "data:x", "/placeholder.gif", "", " ", "{{src}}", "/lazy.jpg", "/é.jpg"),
        *(" /a.jpg 1x, /b.jpg 2x", "/c.webp 480w", ", /d.jpg", "DATA:x", "/spacer.gif 1x"),
        *("/PlaceHolder.GIF", " \x1c/Lazy-1x1.png\t2x , /e.jpg", "/a.jpg,/Blank.png"),
        *("/x/GREY.jpg?v=1", "\xa0/f.jpg 1x", "/pixel", "/img/loader_2x3.webp 2x,/g.jpg"),
    ]
)


@st.composite
def attributes(draw: st.DrawFn) -> str:
    parts = []
    for name in draw(st.lists(NAMES, max_size=3, unique_by=str.lower)):
        lowered = name.lower()
        if lowered in ("class", "id"):
            value = draw(CLASSES)
        elif lowered == "style":
            value = draw(STYLES)
        elif lowered == "aria-hidden":
            value = draw(st.sampled_from(["true", "TRUE", "false", ""]))
        elif lowered == "src" or lowered.startswith("data-") or lowered == "srcset":
            value = draw(SOURCES)
        else:
            value = draw(st.sampled_from(["2026-11-28", "", "x"]))
        parts.append(name if draw(st.integers(0, 5)) == 0 else f'{name}="{value}"')
    return " ".join(parts)


# Texts at the edges of the run's cleaning and of the rules: each kind of whitespace
# (the ASCII ones str.split folds, the six controls normalize_text removes, wide ones),
# controls, non-ASCII letters and digits, label and snippet separators, small numbers.
EDGE_TEXTS = [
    *("word", " two words ", "\n\t", " ", "", "Nov 28:", " - The snippet", "\u2014 x"),
    *("12", " #3. ", "7)", "\u0663", "1234", "\xa0", "\u3000x\u3000", "a\x1cb", "#\x1f1"),
    *("a\x0bb\x0cc", "a\x01b", "\x7f", "caf\u00e9", "\u200bz", "Sponsored", "&amp;"),
    *("By Ann Lee |", "4 May 2026", "\u00bb", "x\ud7a3", "\u20071\n", "1\u00a0)"),
]
TEXTS = st.one_of(
    st.sampled_from(EDGE_TEXTS),
    st.text(alphabet=" \t\n\x1c\x0b\xa0ab12#.):-|\u00e9\u4e00", max_size=6),
)


@st.composite
def fragments(draw: st.DrawFn, depth: int = 0) -> str:
    shape = draw(st.integers(0, 3))
    if depth > 4 or shape == 0:
        return draw(TEXTS).replace("<", "").replace("&", "&amp;")
    tag = draw(TAGS)
    if shape == 1:  # an element holding one text: a rank, a badge, a date...
        inner = draw(TEXTS).replace("<", "").replace("&", "&amp;")
    else:
        inner = "".join(draw(st.lists(fragments(depth + 1), max_size=4)))
    return f"<{tag} {draw(attributes())}>{inner}</{tag}>"


@settings(max_examples=600, deadline=None)
@given(st.lists(fragments(), min_size=1, max_size=5), st.integers(0, 30))
def test_the_walk_in_c_reads_what_the_python_walk_read(body: list[str], pick: int) -> None:
    tree = LexborHTMLParser(f"<html><body><div>{''.join(body)}</div></body></html>")
    assert tree.body is not None
    root = tree.body.child
    assert root is not None
    elements = list(root.traverse())
    # The headline passed over: an element of the item, or none.
    skip = elements[pick] if pick < len(elements) and pick else None
    python, native = _python_walk(root, skip), _c_walk(root, skip)
    assert _fields(native) == _fields(python)
    assert native.lead_in == python.lead_in
    python, native = _python_read_item(root, skip), read_item(root, skip, Tokens())
    assert _fields(native) == _fields(python)
    assert native.lead_in == python.lead_in


@pytest.mark.parametrize("text", EDGE_TEXTS)
@pytest.mark.parametrize("tag", ["span", "div", "b class='x'", "p style='color:red'"])
def test_each_edge_text_reads_as_the_python_walk_read_it(text: str, tag: str) -> None:
    """Each text alone in an element (a rank, a badge) and between runs of text."""
    name = tag.split()[0]
    root = LexborHTMLParser(f"<div>a <{tag}>{text}</{name}> b</div>").css_first("div")
    assert root is not None
    assert _fields(_c_walk(root, None)) == _fields(_python_walk(root, None))


@pytest.mark.parametrize(
    "raw",
    [
        b"<div>caf\xc3<b>\xa9</b> x</div>",  # a character cut between two text nodes
        b"<div>\xff bad <i>\xe2\x80</i>bytes\xc3</div>",
        b"<div><span class='meta date'>\xf0\x9f\x98</span>ok</div>",
        b"<div><p>" + b"long " * 200 + b"</p><span class='" + b"x" * 300 + b"'>t</span></div>",
        b"<div><span class='A\xc3\xa9 b' id='\xe2\x84\xaaicker'>k</span>t</div>",
    ],
)
def test_bytes_that_are_not_utf8_read_as_selectolax_decodes_them(raw: bytes) -> None:
    root = LexborHTMLParser(raw).css_first("div")
    assert root is not None
    assert _fields(_c_walk(root, None)) == _fields(_python_walk(root, None))


def test_the_headline_passed_over_ends_a_lead_in() -> None:
    root = LexborHTMLParser(
        "<div>Filed Nov 28 by the desk <a href='/s'>Headline here</a> - The snippet</div>"
    ).css_first("div")
    assert root is not None
    found = read_item(root, root.css_first("a"), Tokens())
    assert found.segments == ["Filed Nov 28 by the desk", "- The snippet"]
    assert found.lead_in == 0


def test_an_element_apart_is_passed_over_with_its_images() -> None:
    root = LexborHTMLParser(
        "<div><h2><a href='/a'>Headline here</a></h2>Before the list"
        "<ul><li><img src='/i/b.jpg'><a href='/b'>Another story</a></li></ul>after it"
        "<a href='/a'><img src='/i/a.jpg'></a></div>"
    ).css_first("div")
    assert root is not None
    apart = root.css_first("ul")
    found = ItemText()
    tf.ITEM_WALK.read(root, root.css_first("h2"), found, Tokens(), True, apart)
    assert (found.segments, found.image) == (["Before the list", "after it"], "/i/a.jpg")
    whole = ItemText()
    tf.ITEM_WALK.read(root, root.css_first("h2"), whole, Tokens(), True)
    assert (whole.segments, whole.image) == (
        ["Before the list", "Another story", "after it"],
        "/i/b.jpg",
    )


def test_the_walk_refuses_a_tag_it_cannot_know_by_id() -> None:
    with pytest.raises(ValueError, match="standard tag"):
        ItemWalk(**{**_ARGUMENTS, "skip": frozenset({"amp-img"})})


_ARGUMENTS = {
    "skip": tf._SKIP_TAGS,
    "media_tags": tf._MEDIA_TAGS,
    "inline": tt.INLINE_TAGS,
    "max_depth": tt.MAX_WALK_DEPTH,
    "plain": "",
    "spaces": " ",
    "rank_marks": tf._RANK_MARKS,
    "sponsored": tk.SPONSORED,
    "meta": tk.META,
    "clean": normalize_text,
    "headline": tf._at_headline,
    "media": tf._media,
    "style": tf._hidden_by_style,
    "paid": tf._paid_badge,
    "date_parts": tuple(tf._DATE_PARTS),
    "sponsored_pairs": tt.SPONSORED_LABEL_OPENERS,
    "space_leads": tf.SPACE_LEADS,
    "max_label_chars": tt.MAX_LABEL_CHARS,
    "sponsored_label": tt.SPONSORED_LABEL.match,
    "rank": tf._is_rank,
    "images": tf._IMAGES,
    "pictures": tf._PICTURES,
    "picture_parts": ("img", "source"),
    "item_images": tf._ITEM_IMAGE_TAGS,
    "picture_only": ("source",),
    "image_attributes": tf._IMAGE_ATTRIBUTES,
    "unusable": tf._UNUSABLE_SOURCES,
    "first_candidate": tf._SRCSETS,
    "placeholder_words": tt.PLACEHOLDER_IMAGE.gate,
    "placeholder": tt.PLACEHOLDER_IMAGE.search,
    "image": tf._image_value,
    "background": tf._background_image,
}


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"ab #.\t\n\x0b\x0c\r\x1c\x1f\x01\x7f", "\xa0", "\xe9"])))
def test_item_texts_read_as_they_did_before_the_printable_shortcut(text: str) -> None:
    assert normalize_text(text) == _python_clean_text(text)


# The ASCII characters str.split takes for whitespace that normalize_text removes.
_SPLIT_CONTROLS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


def _python_clean_text(text: str) -> str:
    """The item texts' cleaning as it was written before printable text took the short way."""
    if text.isascii():
        folded = " ".join(text.split())
        if not folded or (folded.isprintable() and not contains_any(text, _SPLIT_CONTROLS)):
            return folded
    return normalize_text(text)
