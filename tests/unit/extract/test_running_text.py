"""The sentence around a link read in C (``_links.RunningText``, behind
``teaser_items.in_running_text``) answers what the Python reading it replaced answers,
kept here as the reference, on generated blocks: inline wrappers nested, line breaks and
blank lines, sibling links, times, meta labels and dates, separators, both cases, CJK."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract import teaser_tokens as tk
from service.extract.teaser_items import (
    _LINK_SCAN,
    Page,
    _long_enough,
    _snippet_after_separator,
    in_running_text,
    is_short_sentence,
)


@dataclass(slots=True)
class _Line:
    pieces: list[str]
    at: dict[int, tuple[int, bool]]
    links: int
    breaks: list[int]


@dataclass(slots=True)
class _Reference:
    """The Python reading: its memo of wrappers' lines beside the page's tokens."""

    page: Page
    lines: dict[int, _Line] = field(default_factory=dict)

    def line(self, node: LexborNode) -> _Line:
        found = self.lines.get(node.mem_id)
        if found is not None:
            return found
        pieces: list[str] = []
        at: dict[int, tuple[int, bool]] = {}
        links = 0
        breaks: list[int] = []
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                pieces.append(child.text_content or "")
            elif tag == "br":
                breaks.append(len(pieces))
                pieces.append("")
            elif tag == "a":
                links += 1
                at[child.mem_id] = (len(pieces), False)
            elif (text := self.sentence_text(child, tag)) is not None:
                at[child.mem_id] = (len(pieces), True)
                pieces.append(text)
            else:
                at[child.mem_id] = (len(pieces), False)
        found = _Line(pieces, at, links, breaks)
        self.lines[node.mem_id] = found
        return found

    def sentence_text(self, child: LexborNode, tag: str | None) -> str | None:
        if tag not in tt.INLINE_TAGS or tag in ("time", "a"):
            return None
        if self.page.tokens.kinds(child) & tk.META:
            return None
        text = child.text()
        return None if tf.is_date(text.strip()) else text

    def in_running_text(self, link: LexborNode, chars: int) -> bool:
        if chars > 0 and _LINK_SCAN.alone(link):
            return False
        return self.running(link, chars) and not any(
            child.tag in tt.BLOCKS_IN_LINK for child in link.iter()
        )

    def running(self, link: LexborNode, chars: int) -> bool:
        node = link
        parent = link.parent
        before: list[str] = []
        after: list[str] = []
        ended = False
        opened = False
        while parent is not None and parent.tag in tt.INLINE_TAGS:
            line = self.line(parent)
            if line.links > tt.MAX_SENTENCE_LINKS:
                return _long_enough(before, after, chars)  # a list of links
            cut, piece = line.at[node.mem_id]
            start = 0 if opened else _paragraph_start(line.pieces, line.breaks, cut)
            here_before = [] if opened else line.pieces[start:cut]
            opened = opened or start > 0
            end = _line_end(line.pieces, line.breaks, cut + piece)
            here_after = [] if ended else line.pieces[cut + piece : end]
            ended = ended or end < len(line.pieces)
            if line.links > (node is link) and not (
                any(tt.WORD.search(text) for text in here_before)
                or any(tt.WORD.search(text) for text in here_after)
            ):
                return _long_enough(before, after, chars)
            before += reversed(here_before)
            after += here_after
            node = parent
            parent = parent.parent
        if parent is None:
            return False
        if sum(1 for child in parent.iter() if child.tag == "a") > tt.MAX_SENTENCE_LINKS:
            return _long_enough(before, after, chars)  # a list of links
        own = node.mem_id
        pieces: list[str] = []
        breaks: list[int] = []
        wrappers: list[tuple[int, LexborNode]] = []
        cut = -1
        for child in parent.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                pieces.append(child.text_content or "")
            elif cut < 0 and child.mem_id == own:
                cut = len(pieces)
            elif tag == "br":
                breaks.append(len(pieces))
                pieces.append("")
            elif (text := self.sentence_text(child, tag)) is not None or tag == "a":
                if cut < 0:
                    wrappers.append((len(breaks), child))
                if text is not None:
                    pieces.append(text)
        head, tail = pieces[:cut], pieces[cut:]
        if opened:
            head = []
        elif (start := _paragraph_start(pieces, breaks, cut)) > 0:
            head = [""] * start + head[start:]
            opened = True
        if ended:
            tail = []
        elif breaks:
            tail = pieces[cut : _line_end(pieces, breaks, cut)]
        if breaks and breaks[0] < cut:
            head = self.unlinked_lines(head, breaks, wrappers)
        if before or after:
            before.reverse()
            before, after = head + before, after + tail
        else:
            before, after = head, tail
        if after and _snippet_after_separator(before, after, parent):
            return False
        if opened and after and _new_sentence_after(before, after):
            return False
        return _long_enough(before, after, chars) or is_short_sentence(
            " ".join(before), " ".join(after), listed=parent.tag == "li"
        )

    def unlinked_lines(
        self, head: list[str], breaks: list[int], wrappers: list[tuple[int, LexborNode]]
    ) -> list[str]:
        own_line = sum(1 for at in breaks if at < len(head))
        linked = {
            line
            for line, element in wrappers
            if line < own_line and (element.tag == "a" or self.line(element).links)
        }
        if not linked:
            return head
        kept: list[str] = []
        line = 0
        for index, text in enumerate(head):
            while line < len(breaks) and breaks[line] < index:
                line += 1
            if line not in linked:
                kept.append(text)
        return kept


def _new_sentence_after(before: list[str], after: list[str]) -> bool:
    if any(text.strip() for text in before):
        return False
    for text in after:
        rest = text.lstrip()
        if rest:
            return rest[0].isupper()
    return False


def _paragraph_start(pieces: list[str], breaks: list[int], cut: int) -> int:
    if not breaks or breaks[0] >= cut:
        return 0
    start = 0
    for first, second in pairwise(breaks):
        if second >= cut:
            break
        if not any(text.strip() for text in pieces[first + 1 : second]):
            start = second + 1
    line = max((at for at in breaks if start <= at < cut), default=-1)
    if line < 0 or any(text.strip() for text in pieces[line + 1 : cut]):
        return start
    above = " ".join(pieces[start:line]).rstrip().rstrip(tt.CLOSING_MARKS)
    return line + 1 if above and above[-1] not in tt.SENTENCE_END else start


def _line_end(pieces: list[str], breaks: list[int], start: int) -> int:
    for at in breaks:
        if at < start:
            continue
        following = next((text for text in pieces[at + 1 :] if text.strip()), "")
        if not following.lstrip()[:1].islower():
            return at
    return len(pieces)


# Texts of a block: words in both cases, sentence ends and closing marks, separators and
# label separators, promo labels and bylines, dates, CJK, white space of every kind and
# characters that are none (the zero-width space), and markup that is no words.
_TEXTS = [
    *("the", "The", "said", "here.", "was eliminated.", "goes on", "Read more:", "By"),
    *(" ", "  ", "\n", "\xa0", "\u3000", "\u200b", " - ", "- ", ": ", " | ", "\u2014 ", "-x"),
    *(".", "?", ".)", ".\u201d ", "\u3002", ",", ", 42, of Leeds, was", "Nov 28:", "\xbb"),
    *("3 February 2026", "2026", "日本語の文章です", "東京", "été", "Él", "мир", "_", "½"),
    *("a longer sentence of words that runs on well past forty characters",),
    *("&amp;", "<!-- c -->", "<img src=x>", "<div>block</div>"),
]
_WRAPPERS = ["span", "b", "em", "font", "strong", "small", "label", "q"]
_BLOCKS = ["p", "div", "li", "td", "h3", "section", "span"]


@st.composite
def _inline(draw: st.DrawFn, depth: int = 0) -> str:
    """One part of a line: text, a line break, a link, a time, a meta label, a date or
    an inline wrapper of more parts."""
    kind = draw(st.integers(0, 9 if depth < 3 else 6))
    if kind <= 2:
        return draw(st.sampled_from(_TEXTS))
    if kind == 3:
        return draw(st.sampled_from(["<br>", "<br><br>", "<br> <br>"]))
    if kind == 4:
        inside = draw(st.sampled_from([*_TEXTS[:12], "<div>Card</div>", "<span>x</span>"]))
        return f'<a href="/story">{inside}</a>'
    if kind == 5:
        return draw(
            st.sampled_from(
                [
                    "<time>Nov 28</time>",
                    '<span class="kicker">Sport</span>',
                    "<span>3 February 2026</span>",
                    '<b id="label">News</b>',
                ]
            )
        )
    if kind == 6:
        return draw(st.sampled_from(_TEXTS))
    tag = draw(st.sampled_from(_WRAPPERS))
    parts = draw(st.lists(_inline(depth + 1), max_size=5))
    return f"<{tag}>{''.join(parts)}</{tag}>"


@st.composite
def _pages(draw: st.DrawFn) -> LexborHTMLParser:
    blocks = []
    for _ in range(draw(st.integers(1, 3))):
        tag = draw(st.sampled_from(_BLOCKS))
        parts = draw(st.lists(_inline(), min_size=1, max_size=10))
        blocks.append(f"<{tag}>{''.join(parts)}</{tag}>")
    if draw(st.booleans()):  # entries alike beside each other (``_entry_alike``)
        blocks *= 2
    html = "<ul>" + "".join(blocks) + "</ul>" if draw(st.booleans()) else "".join(blocks)
    return LexborHTMLParser(f"<html><body>{html}</body></html>")


@settings(max_examples=1000, deadline=None)
@given(_pages())
@example(LexborHTMLParser('<p>Read the <a href="/x">statement</a> here.</p>'))
@example(LexborHTMLParser("<div>Text above.<br><br><a href=/x>Promo</a>The next one</div>"))
@example(LexborHTMLParser("<div>Nov 28<br><b><a href=/x>Head</a></b><br>Snippet text</div>"))
@example(LexborHTMLParser("<li><b><a href=/y>One</a></b><br><b><a href=/x>Two</a> and</b></li>"))
@example(LexborHTMLParser("<p><span><a href=/x>A</a> <a href=/y>B</a></span> words</p>"))
@example(LexborHTMLParser("<p>" + " and ".join(f"<a href=/{i}>L {i}</a>" for i in range(60))))
@example(LexborHTMLParser("<p>Words <span>" + ", ".join(f"<a href=/{i}>L</a>" for i in range(60))))
def test_running_text_answers_what_the_python_reading_answers(tree: LexborHTMLParser) -> None:
    assert tree.body is not None
    page = Page("https://example.org/")
    reference = _Reference(Page("https://example.org/"))
    for link in tree.body.css("a"):
        for chars in (1, tt.SHORT_BESIDE_CHARS, tt.RUNNING_TEXT_CHARS):
            expected = reference.in_running_text(link, chars)
            assert in_running_text(link, page, chars) is expected, (link.html, chars)
            if _LINK_SCAN.alone(link):  # what the reading would answer without the test
                assert not reference.running(link, chars)


def test_separator_starts_are_the_separators_first_characters() -> None:
    starts = {chr(c) for c in range(0x3000) if tt.SNIPPET_SEPARATOR.match(chr(c) + " ")}
    assert starts == set(tt.SNIPPET_SEPARATOR_STARTS)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0129./- ab\u0660\u0669\u06f0\u0966\u0e50\u0e59\xb2\xbd\u216b"))
@example("\u0e52\u0e55\u0e56\u0e59")  # a Thai year
def test_date_hint_asks_for_a_decimal_digit(text: str) -> None:
    """``RunningText`` asks ``is_date`` only of texts holding a decimal digit (not "²",
    "½" or "Ⅻ", numeric but no decimal digits)."""
    assert tt.DATE_HINT.search(text) is None or any(c.isdecimal() for c in text)
