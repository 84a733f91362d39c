"""A picture's caption found in C (``_captions.Captions``, ``body_reader._CAPTIONS``)
is the one the Python walks it replaced found, on generated pages: the caption of
each picture, below the container or anywhere, and whether each element is the
caption of a picture set before it."""

from __future__ import annotations

import re
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import body_reader
from service.extract import body_tables as t
from service.extract.body_reader import _CAPTIONS, _has_text, chars, text_before
from service.extract.text import literal_table

# The Python that ``Captions`` replaced, as it was.
_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PICTURES = ("img", "video")
_CREDIT_GATES = literal_table((t.CAPTION_CREDIT_GATE, t.CAPTION_CREDIT_MARK_GATE))


def _has_words(node: LexborNode) -> bool:
    return any(
        inner.tag == "-text" and _LETTER.search(inner.text_content or "") is not None
        for inner in node.traverse(include_text=True)
    )


def _credited(text: str, mark: bool = False) -> bool:
    credit, gate = (t.CAPTION_CREDIT_MARK, 4) if mark else (t.CAPTION_CREDIT, 2)
    return _CREDIT_GATES.find(text) & gate != 0 and credit.search(text) is not None


def _is_short(node: LexborNode) -> bool:
    size = runs = 0
    for inner in node.traverse(include_text=True):
        if inner.tag == "-text":
            run = chars(inner.text_content or "")
            size += run
            runs += run > 0
            if size > t.MAX_CAPTION_CHARS and (
                size > t.MAX_CREDITED_CAPTION_CHARS or runs > t.MAX_CREDITED_CAPTION_RUNS
            ):
                return False
        elif inner.tag in _HEADINGS:
            return False
    return size <= t.MAX_CAPTION_CHARS or _credited(node.text())


def _caption_of(picture: LexborNode, top: int) -> LexborNode | None:
    wrapper = picture
    for _ in range(t.MAX_CAPTION_LEVELS):
        parent = wrapper.parent
        if parent is None or parent.mem_id == top:
            break
        if _has_words(parent):
            if parent.tag in t.INLINE_TAGS or parent.tag in t.LEAF_BLOCKS:
                return None
            if (
                parent.tag in t.CAPTION_HOLDER_TAGS
                and not text_before(wrapper)
                and _is_short(parent)
            ):
                return parent
            break
        wrapper = parent
    else:
        return None
    after = wrapper.next
    skipped = 0
    while after is not None and not _has_text(after):
        after = after.next
        skipped += 1
        if skipped > t.MAX_CAPTION_SKIPPED:
            return None
    if after is None or after.tag == "-text" or after.tag in t.INLINE_TAGS:
        return None
    if not _is_short(after) or not _credited(after.text(), mark=True):
        return None
    return after


def _is_caption(node: LexborNode) -> bool:
    held = {node.mem_id}
    for _ in range(t.MAX_CAPTION_LEVELS):
        if node.parent is not None:
            held.add(node.parent.mem_id)
        before = node.prev
        while before is not None and not _has_text(before):
            if before.tag not in ("-text", "-comment"):
                picture = before if before.tag in _PICTURES else before.css_first("img, video")
                if picture is not None:
                    caption = _caption_of(picture, -1)
                    return caption is not None and caption.mem_id in held
            before = before.prev
        if before is not None or node.parent is None:
            return False
        node = node.parent
    return False


_BAD = "BAD-BYTES"  # stands for bytes that are not UTF-8, which decoding replaces
_RUN = "abcd " * 25  # 100 characters other than spaces
TEXTS = st.sampled_from(
    [
        "",
        " ",
        "\n\t ",
        "\u00a0",
        "\u2003\u3000",
        "6",
        "1/6",
        "\u2192",
        "_",
        "Ann",
        "\u00c9t\u00e9 \u4e2d\u6587",
        "\u0661\u0662",  # decimal digits of another script: no letter
        "\u216b",  # a Roman numeral: numeric, no decimal digit, a letter to ``re``
        "\u00b2",  # a superscript two: a digit, no decimal one, a letter to ``re``
        "Engineers watch the gate lift.",
        "Photo: Ann Lee",
        " (Ann Lee/AP)",
        "REUTERS/Jane Doe",
        "\u00a9 Ann Perry",
        "Image copyright Getty Images",
        _RUN,
        _RUN + "e",
        _RUN * 4,
        _RUN * 9 + "Credit: ESA",
        _BAD,
    ]
)
TAGS = st.sampled_from(
    [
        "div",
        "figure",
        "section",
        "p",
        "span",
        "b",
        "a",
        "h3",
        "h1",
        "summary",
        "blockquote",
        "ul",
        "li",
        "picture",
        "video",
        "figcaption",
        "custom-box",
    ]
)
VOIDS = st.sampled_from(["<img src=a.jpg>", "<br>", "<!-- a comment -->", "<video></video>"])


@st.composite
def _fragment(draw: st.DrawFn, depth: int = 0) -> str:
    choice = draw(st.integers(0, 5))
    if depth > 4 or choice == 0:
        return draw(TEXTS)
    if choice == 1:
        return draw(VOIDS)
    tag = draw(TAGS)
    inner = "".join(draw(st.lists(_fragment(depth + 1), max_size=4)))
    return f"<{tag}>{inner}</{tag}>"


def _parse(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html.encode().replace(_BAD.encode(), b"ab\xff\xe2\x82 c"))


def _key(node: LexborNode | None) -> int | None:
    return None if node is None else node.mem_id


@settings(max_examples=300, deadline=None)
@given(st.lists(_fragment(), min_size=1, max_size=6), st.booleans())
@example(["<div><img src=a.jpg><span>1/6</span></div><p>Photo: Ann Lee</p>"], False)
@example([f"<figure><img src=a.jpg><p>{_RUN * 4}</p><p>Credit: ESA</p></figure>"], True)
@example([f"<div><video></video><p>{_RUN * 3}</p>{_BAD}</div>"], True)
def test_the_captions_are_those_the_python_walks_found(parts: list[str], in_story: bool) -> None:
    # In a container, or loose in the body: a climb may then reach the document.
    body = f"<div id=story>{''.join(parts)}</div>" if in_story else "".join(parts)
    tree = _parse(f"<html><body>{body}</body></html>")
    container = tree.css_first("#story") if in_story else tree.body
    assert container is not None
    for picture in tree.css("img, video"):
        assert _key(_CAPTIONS.of(picture)) == _key(_caption_of(picture, -1))
        assert _key(_CAPTIONS.of(picture, container)) == _key(
            _caption_of(picture, container.mem_id)
        )
    for node in tree.root.traverse():
        assert _CAPTIONS.is_caption(node) == _is_caption(node)


def test_a_letter_is_what_the_pattern_finds() -> None:
    # Each character of the basic plane and the letters and numbers beyond it, alone in
    # a picture's wrapper: its caption when it is a letter (the climb stops at the
    # first element holding words), else none (the block after it names no credit).
    codes = [
        code
        for code in range(1, sys.maxunicode + 1)
        if not 0xD800 <= code <= 0xDFFF and (code < 0x10000 or chr(code).isalnum())
    ]
    for at in range(0, len(codes), 20000):
        chunk = codes[at : at + 20000]
        cells = "".join(f"<div><img>&#{code};</div><p>x</p>" for code in chunk)
        tree = LexborHTMLParser(f"<html><body>{cells}</body></html>")
        pictures = tree.css("img")
        assert len(pictures) == len(chunk)
        for code, picture in zip(chunk, pictures, strict=True):
            text = picture.parent.text() if picture.parent is not None else ""
            found = _CAPTIONS.of(picture) is not None
            assert found == (_LETTER.search(text) is not None), hex(code)


def test_the_reader_skips_a_caption_read_apart() -> None:
    # The block after a text-free picture's wrapper, naming a credit, read as a part.
    tree = _parse(
        "<html><body><div id=story><div><img src=a.jpg></div>"
        "<p>Engineers watch the gate lift. Photo: Ann Lee</p><p>The story.</p></div></body></html>"
    )
    parts = [node for node in tree.css("#story > *")]
    assert [_CAPTIONS.is_caption(node) for node in parts] == [False, True, False]
    reader = body_reader.Reader()
    reader.read(parts[1])
    assert reader.out == []
