"""The walk of the body's container in C (``_blocks.BlockWalk``) reads what the walk in
Python it replaced read, on generated pages: the same paragraphs, bold lines, skipped
captions, lines left out, and a promo heading's cut carried to the next container."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from functools import partial

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import article, body_reader
from service.extract import body_tables as t
from service.extract._blocks import Ballot, BlockWalk, CharCount
from service.extract._text import fold
from service.extract._tree import Selectors
from service.extract.bold_lines import BOLD_TAGS, bold_alone
from service.extract.model import ParagraphKind
from service.extract.text import CaselessPattern, literal_alternation

_SKIP_ALTERNATION = literal_alternation(name for name, _ in t.SKIP_IN_BODY)
_SKIP_NAMES = CaselessPattern(
    caseless=re.compile(_SKIP_ALTERNATION, re.IGNORECASE | re.ASCII),
    plain=re.compile(_SKIP_ALTERNATION),
)


def _is_skipped(node: LexborNode) -> bool:
    attrs = node.attributes
    if not attrs:
        return False
    return _SKIP_NAMES.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}") is not None


_MARKED = Selectors(
    ", ".join(
        (
            "a, br, img, video",
            *(
                f"{wrapper} > {block}"
                for wrapper in t.READ_THROUGH_WRAPPERS
                for block in sorted(t.READ_THROUGH_BLOCKS)
            ),
        )
    )
)


class _Marks:
    """``body_reader``'s marks as found in Python before the walk in C."""

    def __init__(self, container: LexborNode) -> None:
        self.link_chars: dict[int, int] = {}
        self.holds_br: set[int] = set()
        self.holds_block: set[int] = set()
        self.note_marks: set[int] = set()
        self.captions: set[int] = set()
        top = container.mem_id
        above: dict[int, int] = {}  # the element above each one on the way up
        below: dict[int, int] = {}  # how many elements on the way sit right below each
        for node in _MARKED.find(container):
            if node.tag in t.READ_THROUGH_BLOCKS:
                self._mark_inline_holders(node, top)
                continue
            if node.tag in body_reader._PICTURES:
                caption = body_reader._CAPTIONS.of(node, container)
                if caption is not None:
                    self.captions.add(caption.mem_id)
                continue
            if node.tag == "br":
                self._read_through(node, top)
                continue
            text = node.text()
            mark = (
                body_reader._note_mark(node, text) if len(text) <= t.MAX_NOTE_MARK_CHARS else None
            )
            if mark is not None:
                self.note_marks.add(mark.mem_id)
                self._read_through(mark, top)
                continue
            size = body_reader.chars(text)
            if not size:
                continue
            key = node.mem_id
            self.link_chars[key] = self.link_chars.get(key, 0) + size
            walker: LexborNode | None = node
            while walker is not None and key != top and key not in above:
                walker = walker.parent
                if walker is not None:
                    above[key] = walker.mem_id
                    key = walker.mem_id
                    below[key] = below.get(key, 0) + 1
        self._add_up(above, below)

    def _mark_inline_holders(self, block: LexborNode, top: int) -> None:
        """Marks the inline elements around ``block`` below the container: read
        through, not whole, so that each block in them stays a paragraph."""
        up = block.parent if block.mem_id != top else None
        while (
            up is not None
            and up.mem_id != top
            and up.tag in t.INLINE_TAGS
            and up.mem_id not in self.holds_block
        ):
            self.holds_block.add(up.mem_id)
            up = up.parent

    def _read_through(self, node: LexborNode, top: int) -> None:
        """Marks the elements above ``node`` up to the container (``top``) as read
        child by child."""
        up = node.parent if node.mem_id != top else None
        while up is not None and up.mem_id not in self.holds_br:
            self.holds_br.add(up.mem_id)
            up = up.parent if up.mem_id != top else None

    def _add_up(self, above: dict[int, int], below: dict[int, int]) -> None:
        """Adds each element's link characters to the element above it, the lowest
        first: an element passes its sum on once all those below it have passed theirs."""
        sums = self.link_chars
        ready = [key for key in above if key not in below]
        while ready:
            key = ready.pop()
            up = above[key]
            sums[up] = sums.get(up, 0) + sums.get(key, 0)
            below[up] -= 1
            if not below[up] and up in above:
                ready.append(up)


def _python_child_texts(node: LexborNode) -> list[str]:
    """The texts of ``node``'s children (texts and elements), or of its only
    child's when it wraps the whole line."""
    for _ in range(body_reader._MAX_PARTED_DEPTH):
        children = [c for c in node.iter(include_text=True) if c.tag != "-comment"]
        if len(children) != 1 or children[0].tag == "-text":
            return [c.text() for c in children]
        node = children[0]
    return [node.text()]


def _python_glued(pieces: list[str]) -> list[str] | None:
    """``pieces`` when two side by side run into each other as two words."""
    for left, right in itertools.pairwise(pieces):
        last, first = left[-1:], right[:1]
        if not (last.isalnum() and first.isalnum()):
            continue
        if last.isdigit() != first.isdigit() or (last.islower() and first.isupper()):
            return pieces
    return None


class PythonReader(body_reader.Reader):
    """The reader with its walk in Python, as it was before the walk in C."""

    def __init__(self) -> None:
        super().__init__()
        self._run: list[str] = []
        self._run_links = 0
        self._run_nodes: list[LexborNode] = []
        self._line = 0
        self._run_bold = False
        self._run_plain = False

    def leaf(
        self,
        node: LexborNode,
        kind: ParagraphKind,
        leaf: ParagraphKind,
        links: int,
        text: str,
        parts: list[str] | None,
    ) -> None:
        """The leaf block ``node`` read whole, as ``Reader.leaf`` read it in Python."""
        if node.mem_id in self._subheadings:
            links = 0  # the article's own heading, whatever it links to
        count = len(self.out)
        self.emit(text, links, kind if leaf == "p" else leaf, (node,), parts=parts)
        if (
            len(self.out) > count
            and leaf == "p"
            and len(text) <= t.MAX_SIGNATURE_CHARS
            and bold_alone(node) is not None
        ):
            self.bold_lines.add(count)

    def flush(self, kind: ParagraphKind) -> None:
        if self._run:
            label = self._run_bold and not self._run_plain
            run = self._run
            parts = _python_glued(run)
            self.emit("".join(run), self._run_links, kind, self._run_nodes, label, parts)
            self._run = []
            self._run_links = 0
            self._run_nodes = []
        self._run_bold = self._run_plain = False
        self._line = 0

    def read(
        self,
        container: LexborNode,
        start: LexborNode | None = None,
        stop: LexborNode | None = None,
    ) -> None:
        """``Reader.read`` as it walked the nodes in Python."""
        if body_reader._CAPTIONS.is_caption(container):
            return
        marks = _Marks(container)
        # The open elements, innermost last: the next child to read in each, the
        # kind its runs take, and whether it is a block (its end ends a run; an
        # inline element holding a <br> is read through, and its end does not).
        # The first level holds the container alone (or nothing, and the second
        # its children from ``start``). ``starts``: the paragraphs read when each
        # level opened (a support box found inside takes back its own); ``left``:
        # ``left_out`` when each level opened.
        pending: list[LexborNode | None] = [container] if start is None else [None, start]
        kinds: list[ParagraphKind] = ["p"] * len(pending)
        self._kinds = kinds
        blocks: list[bool] = [True] * len(pending)
        starts: list[int] = [0] * len(pending)
        left: list[int] = [0] * len(pending)
        while pending:
            kind = kinds[-1]
            if self._cut:  # the rest of the promo heading's holder is the promo block
                self._cut = False
                pending[-1] = None
            node = pending[-1]
            if node is None:
                pending.pop()
                kinds.pop()
                opened = starts.pop()
                left_out = left.pop()
                if blocks.pop():
                    self.flush(kind)
                if pending and len(self.out) == opened + 1:
                    # An element inside the container that gave one paragraph: a box's label?
                    self._drop_box_label(opened, left_out)
                if len(pending) < self._citing_in:  # the list ends with its heading's holder
                    self._citing = False
                    self._citing_in = 0
                continue
            after = node.next if len(pending) > 1 else None
            if stop is not None and after is not None and after.mem_id == stop.mem_id:
                after = None  # ``stop`` is a sibling of ``start``: read no further
            pending[-1] = after
            tag = node.tag or ""
            if tag == "-text":
                text = node.text_content or ""
                if self._run or not text.isspace():  # a run's leading spaces change nothing
                    self._run.append(text)
                    self._run_plain = self._run_plain or not text.isspace()
            elif node.mem_id in marks.note_marks:
                pass  # a footnote's mark: no word of the story
            elif (
                (inline := tag in t.INLINE_TAGS or body_reader._is_inline_custom(node))
                and tag != "a"
                and (node.mem_id in marks.holds_br or node.mem_id in marks.holds_block)
            ):
                # Read through, its <br>, footnote marks or blocks splitting the run; a
                # link is read whole, its text counted as link text.
                pending.append(node.first_child)
                kinds.append(kind)
                blocks.append(False)
                starts.append(len(self.out))
                left.append(self.left_out)
            elif inline:
                if tag in t.LABEL_TAGS and not self._run_bold and not self._run_plain:
                    self._run_bold = True
                else:
                    self._run_plain = True
                self._run.append(node.text())
                links = marks.link_chars.get(node.mem_id, 0)
                if links:
                    self._run_links += links
                    self._run_nodes.append(node)
            elif (
                tag == "br"
                and self._run
                and body_reader._wraps_a_sentence(self._run, self._line, node)
            ):
                self._run.append(" ")  # a line break inside a sentence: one paragraph
                self._line = len(self._run)
            elif tag in t.NOTE_HOLDER_TAGS and body_reader._is_note(node):
                self.flush(kind)  # a correction set beside the story: read as its text
                pending.append(node.first_child)
                kinds.append(kind)
                blocks.append(True)
                starts.append(len(self.out))
                left.append(self.left_out)
            elif len(pending) > 1 and node.mem_id in marks.captions:
                self.flush(kind)
                self.caption(node)
            elif tag in body_reader._BREAKS or (len(pending) > 1 and _is_skipped(node)):
                self.flush(kind)
            elif tag in t.LEAF_BLOCKS and node.mem_id not in marks.holds_br:
                self.flush(kind)
                if self._cut:  # a bold label before it opened a promo block
                    continue
                links = marks.link_chars.get(node.mem_id, 0)
                text = self._texts.get(node.mem_id) or node.text()
                parts = _python_glued(_python_child_texts(node))
                self.leaf(node, kind, t.LEAF_BLOCKS[tag], links, text, parts)
            elif tag == "tr" and node.css_first(body_reader._ROW_BLOCKS.text) is None:
                self.flush(kind)
                self.row(node, marks.link_chars.get(node.mem_id, 0))
            else:
                self.flush(kind)
                if self._cut:  # a bold label before it opened a promo block
                    continue
                staff = tag in body_reader._LISTS and body_reader._is_staff_list(node)
                up = body_reader._support_box(node, container.mem_id) if staff else -1
                if up >= 0:
                    # The box is the open element ``up`` levels above the list's
                    # parent: what it gave back is taken back, the rest is not read.
                    level = len(pending) - 1 - up
                    del self.out[starts[level] :]
                    for stack in (pending, kinds, blocks, starts, left):
                        del stack[level + 1 :]
                    pending[level] = None
                    continue
                inner = t.LEAF_BLOCKS.get(tag) or t.WRAPPING_BLOCKS.get(tag, kind)
                if inner == "p":
                    inner = kind
                pending.append(node.first_child)
                kinds.append(inner)
                blocks.append(True)
                starts.append(len(self.out))
                left.append(self.left_out)


_BAD = "BAD-BYTES"  # stands for bytes that are not UTF-8, which decoding replaces
PROSE = "The council met on Monday, and its members voted for the new budget of the town."
TEXTS = st.sampled_from(
    [
        PROSE,
        "Ann Lee",
        "Marcus Dale",
        "  ",
        "\n\t ",
        "\u00a0",
        "word ",
        " and more words, then",
        "with three days of rain",
        "Related stories",
        "Share this story",
        "Correction: an earlier version of this story gave the wrong date of the vote in the town.",
        "Please support our journalism today: donate to keep the newsroom going",
        "Photo: Ann Lee / Agency",
        "\u00c9t\u00e9 \u0130stanbul \u4e2d\u6587 caf\u00e9.",
        "1",
        "\u21a9",
        "\u2003x\u3000",
        # A byline and a date set side by side without a space ("By Ann LeeMarch 12,
        # 2026"): boilerplate once parted; digits and numerals of other scripts.
        "By Ann Lee",
        "March 12, 2026",
        "2026",
        "\u0661\u0662",
        "\u216b",
        _BAD,
    ]
)
CLASSES = st.sampled_from(
    [
        "",
        "story",
        "Share-Bar",
        "CAPTION",
        "xBioX",
        "social-share",
        "\u0130tem caption",
        "c\u00e9ta",
        "recirc",
    ]
)
TAGS = st.sampled_from(
    [
        "div",
        "p",
        "span",
        "b",
        "strong",
        "em",
        "font",
        "a",
        "sup",
        "h2",
        "h3",
        "h1",
        "aside",
        "footer",
        "ul",
        "ol",
        "li",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "section",
        "figure",
        "figcaption",
        "summary",
        "custom-tag",
        "x-inline",
        "X-Box",
        "annotation-xml",
        "img",
        "video",
        "time",
        "nav",
    ]
)
VOIDS = st.sampled_from(["<br>", "<br/>", "<img src=x.jpg>", "<!-- a comment -->", "<hr>"])


@st.composite
def _attributes(draw: st.DrawFn, tag: str) -> str:
    """A class or id of skip names and others, and a link's target."""
    attrs = ""
    names = draw(CLASSES)
    if names:
        attrs += f' {draw(st.sampled_from(["class", "id", "CLASS"]))}="{names}"'
    if tag == "a":
        attrs += f' href="{draw(st.sampled_from(["#note-1", "/story", "#"]))}"'
    return attrs


def nested(
    texts: st.SearchStrategy[str],
    voids: st.SearchStrategy[str],
    tags: st.SearchStrategy[str],
    attributes: Callable[[str], st.SearchStrategy[str]],
) -> st.SearchStrategy[str]:
    """Markup of ``tags`` nested at random (up to five levels) around ``texts`` and ``voids``."""

    @st.composite
    def fragment(draw: st.DrawFn, depth: int = 0) -> str:
        choice = draw(st.integers(0, 5))
        if depth > 4 or choice == 0:
            return draw(texts)
        if choice == 1:
            return draw(voids)
        tag = draw(tags)
        attrs = draw(attributes(tag))
        inner = "".join(draw(st.lists(fragment(depth + 1), max_size=5)))
        return f"<{tag}{attrs}>{inner}</{tag}>"

    return fragment()


fragments = partial(nested, TEXTS, VOIDS, TAGS, _attributes)


def _parse(parts: list[str]) -> LexborHTMLParser:
    html = f"<html><body><div id=story>{''.join(parts)}</div></body></html>"
    return LexborHTMLParser(html.encode().replace(_BAD.encode(), b"ab\xff\xe2\x82 c"))


def _read(reader: body_reader.Reader, containers: list[LexborNode]) -> tuple[object, ...]:
    for container in containers:
        reader.read(container)
    return (
        [(p.kind, p.text) for p in reader.out],
        reader.bold_lines,
        reader.captions,
        reader.left_out,
        reader._cut,
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(fragments(), min_size=1, max_size=6))
def test_the_walk_reads_what_the_python_walk_read(parts: list[str]) -> None:
    tree = _parse(parts)
    story = tree.css_first("#story")
    assert story is not None
    # The container whole, then each of its children in turn (a cut carries over).
    children = [child for child in story.iter() if child.is_element_node]
    for containers in ([story], children):
        assert _read(body_reader.Reader(), containers) == _read(PythonReader(), containers)


GLUED_PIECES = st.sampled_from(
    [
        "By Ann Lee",
        "March 12, 2026",
        "2026",
        "by",
        "\u00c9t\u00e9",
        "\u0661\u0662",
        "\u216b",
        " ",
        "",
        "<!-- c -->",
        "<br>",
    ]
)


@st.composite
def glued_lines(draw: st.DrawFn) -> str:
    """A line of pieces side by side, each loose or in an inline element, wrapped in
    up to five inline elements, in a paragraph or loose in the container."""
    pieces = draw(st.lists(GLUED_PIECES, min_size=1, max_size=4))
    line = "".join(
        draw(st.sampled_from(["{}", "<span>{}</span>", "<b><i>{}</i></b>"])).format(piece)
        for piece in pieces
    )
    for _ in range(draw(st.integers(0, 5))):
        line = f"<span>{line}</span>"
    return draw(st.sampled_from(["<p>{}</p>", "<h2>{}</h2>", "<div>{}</div>", "{}"])).format(line)


@settings(max_examples=300, deadline=None)
@given(glued_lines())
def test_glued_lines_are_read_as_the_python_walk_read(line: str) -> None:
    story = _parse([line]).css_first("#story")
    assert story is not None
    assert _read(body_reader.Reader(), [story]) == _read(PythonReader(), [story])


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("<p><span>By Ann Lee</span><span>March 12, 2026</span></p>", False),
        ("<p><span><b>By Ann Lee</b><!-- c --><i>March 12, 2026</i></span></p>", False),
        ("<div><span>By Ann Lee</span><span>March 12, 2026</span></div>", False),
        ("<p><span>By Ann Lee</span><span>march 12, 2026</span></p>", True),
    ],
)
def test_a_line_glued_at_its_elements_edges_is_read_parted(line: str, kept: bool) -> None:
    story = _parse([line]).css_first("#story")
    assert story is not None
    reader = body_reader.Reader()
    reader.read(story)
    assert bool(reader.out) == kept


@settings(max_examples=200, deadline=None)
@given(st.lists(fragments(), min_size=2, max_size=6), st.data())
def test_the_walk_from_a_child_reads_what_the_python_walk_read(
    parts: list[str], data: st.DataObject
) -> None:
    tree = _parse(parts)
    story = tree.css_first("#story")
    assert story is not None
    children = list(story.iter(include_text=True))
    assume(children)  # a table's parts alone leave the container empty
    first = data.draw(st.integers(0, len(children) - 1))
    stop = data.draw(st.sampled_from([None, *children[first + 1 :]]))
    new, old = body_reader.Reader(), PythonReader()
    new.read(story, children[first], stop)
    old.read(story, children[first], stop)
    assert [(p.kind, p.text) for p in new.out] == [(p.kind, p.text) for p in old.out]
    assert (new.bold_lines, new.captions, new.left_out) == (
        old.bold_lines,
        old.captions,
        old.left_out,
    )


def test_skip_names_are_compared_without_regard_to_ascii_case() -> None:
    tree = LexborHTMLParser(
        f"<div id=story><p>{PROSE}</p><div class='Top SHARE-bar'>{PROSE}</div>"
        f"<div id=x-Caption-1>{PROSE}</div><div class='\u0130tem'>{PROSE}</div></div>"
    )
    story = tree.css_first("#story")
    assert story is not None
    reader = body_reader.Reader()
    reader.read(story)
    assert [p.text for p in reader.out] == [PROSE, PROSE]


def _walk(**tables: object) -> BlockWalk:
    """A walk of empty tables but ``tables``, and rules that answer nothing."""
    empty: dict[str, object] = {
        "inline": (),
        "labels": (),
        "leaves": {},
        "wrapping": {},
        "breaks": (),
        "note_holders": (),
        "lists": (),
        "wrappers": (),
        "through_blocks": (),
        "pictures": (),
        "skip_names": (),
        "count": CharCount(" ", len),
        "max_mark_chars": 0,
        "max_parted_depth": 4,
    }
    return BlockWalk(
        **(empty | tables),  # type: ignore[arg-type]
        wraps_a_sentence=lambda run, line, br: False,
        is_note=lambda node: False,
        is_inline_custom=lambda node: False,
        box_above=lambda node, top: -1,
        is_row=lambda node: False,
        note_mark=lambda link, text: None,
        captions=body_reader._CAPTIONS,
        emitter=body_reader._EMIT,
    )


@pytest.mark.parametrize("name", [b"Share", b"social share", b""])
def test_skip_names_are_lowercase_words(name: bytes) -> None:
    with pytest.raises(ValueError, match="lowercase"):
        _walk(skip_names=(name,))


def test_tables_name_standard_tags() -> None:
    with pytest.raises(ValueError, match="standard tag"):
        _walk(inline=("custom-tag",))


@settings(max_examples=300, deadline=None)
@given(st.lists(fragments(), min_size=1, max_size=6))
def test_char_counts_are_the_texts_counts(parts: list[str]) -> None:
    tree = _parse(parts)
    for node in tree.css("*"):
        assert body_reader.text_chars(node) == body_reader.chars(node.text())
        links = "".join([link.text() for link in node.css("a")])
        assert body_reader._COUNT.links(node) == body_reader.chars(links)


def _python_finals(
    ranked: list[int], score: dict[int, float], nodes: dict[int, LexborNode], share: float
) -> list[tuple[LexborNode, float]]:
    """``_Scores.best``'s candidates discounted by link density, as Python made them."""
    finals: list[tuple[LexborNode, float]] = []
    floor = 0.0
    for key in ranked:
        raw = score[key]
        if raw < floor:
            break
        node = nodes[key]
        final = raw * (1.0 - body_reader.link_density(node, body_reader.text_chars(node)))
        finals.append((node, final))
        floor = max(floor, final * share)
    return finals


@settings(max_examples=300, deadline=None)
@given(
    st.lists(fragments(), min_size=1, max_size=6),
    st.lists(st.tuples(st.integers(0, 10**6), st.floats(-5.0, 200.0)), min_size=1, max_size=16),
    st.sampled_from([0.0, 0.5, 0.75, 1.0]),
)
@example(["<a>o<p><a>p</a>q</p></a>"], [(0, 9.0), (1, 8.0), (2, 7.5), (3, 7.0)], 0.75)
@example(["<p>x<b>BAD-BYTES</b><i>y<a>z</a></i></p>"], [(2, 3.0), (0, 2.0), (3, 1.0)], 0.5)
def test_the_finals_are_the_python_finals(
    parts: list[str], picks: list[tuple[int, float]], share: float
) -> None:
    tree = _parse(parts)
    story = tree.css_first("#story")
    assert story is not None
    elements = [story, *story.css("*")]
    ranked: list[int] = []
    score: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    for at, raw in sorted(picks, key=lambda pick: -pick[1]):  # best raw score first
        node = elements[at % len(elements)]
        if node.mem_id not in score:
            ranked.append(node.mem_id)
            score[node.mem_id], nodes[node.mem_id] = raw, node
    found = article._COUNT.finals(ranked, score, nodes, share)
    wanted = _python_finals(ranked, score, nodes, share)
    assert [(node.mem_id, final) for node, final in found] == [
        (node.mem_id, final) for node, final in wanted
    ]


@pytest.mark.parametrize(
    ("html", "text", "links"),
    [
        (b"<div>a\xc2\xa0b <a>c\xe3\x80\x80d</a>\x1f</div>", 4, 2),  # wide and control spaces
        (b"<div>x<a>\xe2\x82</a><a>\xac</a></div>", 2, 2),  # a character cut in two links
        (b"<a>o<svg><a>p</a></svg></a>", 2, 3),  # a link in a link counts again
    ],
)
def test_char_counts_of_edges(html: bytes, text: int, links: int) -> None:
    node = LexborHTMLParser(html).css_first("body > *")
    assert node is not None
    assert (body_reader.text_chars(node), body_reader._COUNT.links(node)) == (text, links)
    assert text == body_reader.chars(node.text())


def _python_run_text(node: LexborNode) -> tuple[str, int]:
    """The text of ``node``'s own runs (text and inline children) and their count."""
    parts: list[str] = []
    runs = 1
    for child in node.iter(include_text=True):
        tag = child.tag or ""
        if tag == "-text":
            parts.append(child.text_content or "")
        elif tag in t.INLINE_TAGS:
            parts.append(child.text())
        elif tag == "br":
            runs += 1
    return "".join(parts), runs


_PYTHON_MUTED = Selectors("p, pre, td, br, div, section, article, main, center, font, dd")


def _python_mute_after(heading: LexborNode, muted: set[int], parents: set[int]) -> None:
    """``article._mute_after`` as it muted the voters after a promo heading in Python."""
    parent = heading.parent
    if parent is not None and parent.mem_id in parents:
        return
    if not body_reader.is_stop_block(fold(heading.text()), heading=True):
        return
    if parent is not None:
        parents.add(parent.mem_id)
    node = heading.next
    while node is not None:
        if node.is_element_node:
            parents.add(node.mem_id)
            parents.update(n.mem_id for n in node.css("*"))
            muted.add(node.mem_id)
            muted.update(n.mem_id for n in _PYTHON_MUTED.find(node))
        node = node.next


class _PythonScores(article._Scores):
    """The scores as the Python vote kept them: the keys of the ancestors that share a
    voter's points cached by the key of the voter's parent."""

    def __init__(self) -> None:
        super().__init__()
        self.heirs: dict[int, tuple[int, ...]] = {}


def _python_vote(
    root: LexborNode, text_holders: bool = False, muted: frozenset[int] = frozenset()
) -> _PythonScores:
    """``article._vote`` as it cast its votes in Python, before the ballot in C, and
    ``_Scores.best``'s ranking of its candidates."""
    scores = _PythonScores()
    seen: set[int] = set(muted)
    promo_parents: set[int] = set()
    for voter in article._VOTERS.find(root):
        tag = voter.tag
        if tag in article._HEADINGS:
            _python_mute_after(voter, seen, promo_parents)
        elif tag in BOLD_TAGS:
            line = voter.parent
            if line is not None and bold_alone(line) is not None:
                _python_mute_after(line, seen, promo_parents)
        elif voter.mem_id in seen:
            continue
        elif tag == "br":
            holder = voter.parent
            if holder is None or holder.mem_id in seen or holder.tag in t.LEAF_BLOCKS:
                continue
            seen.add(holder.mem_id)
            text, runs = _python_run_text(holder)
            container = runs >= t.CONTAINER_RUNS
            if _python_cast(scores, holder, text, runs, container) and container:
                scores.containers.add(holder.mem_id)
        else:
            text = scores.texts[voter.mem_id] = voter.text()
            _python_cast(scores, voter, text, 1)
    if text_holders:
        for holder in article._HOLDERS.find(root):
            if holder.mem_id not in seen:
                text, runs = _python_run_text(holder)
                if _python_cast(scores, holder, text, runs):
                    scores.holders.add(holder.mem_id)
    ranked = sorted(scores.score.items(), key=lambda kv: kv[1], reverse=True)
    scores.ranked = [key for key, _ in ranked[: article._TOP_CANDIDATES]]
    return scores


def _python_cast(
    scores: _PythonScores, voter: LexborNode, text: str, runs: int, container: bool = False
) -> bool:
    stripped = text.strip()
    length = len(stripped)
    if length < t.MIN_BLOCK_CHARS or article._is_chrome_text(stripped):
        return False
    length_points = min(length / t.CHARS_PER_POINT, t.MAX_LENGTH_POINTS * runs)
    commas = text.count(",")
    if not text.isascii():
        commas += sum(map(text.count, t.WIDE_COMMAS))
    points = runs + commas + length_points
    parent = voter if container or voter.tag == "body" else voter.parent
    if parent is None:
        return True
    heirs = scores.heirs.get(parent.mem_id)
    if heirs is None:
        heirs = scores.heirs[parent.mem_id] = _python_register(scores, parent)
    for key, share in zip(heirs, t.ANCESTOR_DECAY, strict=False):
        scores.score[key] += points * share
    return True


def _python_register(scores: _PythonScores, parent: LexborNode) -> tuple[int, ...]:
    """The keys of ``parent`` and the ancestors after it that take a share of a vote
    (none above ``<body>``), each starting from its tag and name weights."""
    keys: list[int] = []
    node: LexborNode | None = parent
    for _ in t.ANCESTOR_DECAY:
        if node is None or node.tag in (None, "html", "-document"):
            break
        key = node.mem_id
        if key not in scores.score:
            scores.nodes[key] = node
            tag_weight = t.CONTAINER_TAG_BONUS.get(node.tag or "", 0.0)
            scores.score[key] = tag_weight + _python_name_weight(node)
        keys.append(key)
        node = node.parent
    return tuple(keys)


def _names(names: list[tuple[str, str]]) -> re.Pattern[str]:
    return re.compile(literal_alternation(name for name, _ in names))


_STRONG = _names(list(t.POSITIVE_NAMES[: t.WEAK_POSITIVE_FROM]))
_WEAK = _names(list(t.POSITIVE_NAMES[t.WEAK_POSITIVE_FROM :]))
_NEGATIVE = _names(list(t.NEGATIVE_NAMES))


def _python_name_weight(node: LexborNode) -> float:
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    if attrs.get("itemprop") == "articleBody":
        return t.POSITIVE_WEIGHT * 2
    if not names.strip():
        return 0.0
    weight = 0.0
    if _NEGATIVE.search(names):
        weight += t.NEGATIVE_WEIGHT
    if _STRONG.search(names):
        weight += t.POSITIVE_WEIGHT
    elif _WEAK.search(names):
        weight += t.WEAK_POSITIVE_WEIGHT
    return weight


VOTER_TEXTS = st.sampled_from(
    [
        PROSE,
        "Short line",
        "Mot, mot\uff0c \u5b57\u3001\u5b57\u060c and "
        "\u4e2d\u6587\u7684\u53e5\u5b50\u5f88\u957f\u5f88\u957f\u5f88\u957f.",
        "We use cookies to improve your experience on this site and to show ads.",
        "Click on the image to see the gallery of the whole event, with all photos.",
        "You may also like",
        "MORE STORIES",
        "  \n ",
        _BAD,
    ]
)
VOTER_TAGS = st.sampled_from(
    [
        "div",
        "p",
        "pre",
        "td",
        "table",
        "tr",
        "h2",
        "h3",
        "b",
        "strong",
        "article",
        "section",
        "span",
        "font",
        "body-like",
        "li",
        "ul",
    ]
)


voter_fragments = partial(
    nested,
    VOTER_TEXTS,
    st.sampled_from(["<br>", "<br><br>", "<!-- c -->"]),
    VOTER_TAGS,
    lambda tag: st.sampled_from(
        ["", ' class="article-body"', ' class="comment sidebar"', ' id="story"']
    ),
)

# Class and id values for the ancestors' name weights: the tables' names in mixed
# case, cut or glued to other words, beside non-ASCII letters (lowercased as Python
# lowercases them: the Kelvin sign to "k", the dotted capital I to "i" and a dot above),
# and bytes that are not UTF-8.
NAME_PIECES = st.sampled_from(
    [
        *(name for name, _ in (*t.POSITIVE_NAMES, *t.NEGATIVE_NAMES)),
        "Article-Body",
        "STORY",
        "Comment",
        "boo\u212aie",
        "\u212aontent",
        "l\u0130nk",
        "\u00e9t\u00e9",
        "arti",
        "cle",
        "-",
        " ",
        "\\xff",  # bytes that are not UTF-8 (replaced when parsed)
    ]
)
NAME_VALUES = st.lists(NAME_PIECES, max_size=4).map("".join)


def _attribute(name: str, value: str | None) -> str:
    if value is None:
        return ""
    return f' {name}="{value}"' if value else f" {name}"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["div", "section", "article", "main", "td", "li", "span", "x-box"]),
            st.none() | NAME_VALUES,
            st.none() | NAME_VALUES,
            st.sampled_from([None, "", "articleBody", "articlebody", "text"]),
        ),
        min_size=1,
        max_size=7,
    )
)
def test_the_ballot_weighs_names_as_the_python_weights(
    ancestors: list[tuple[str, str | None, str | None, str | None]],
) -> None:
    opened = "".join(
        f"<{tag}{_attribute('class', cls)}{_attribute('id', id_)}{_attribute('itemprop', prop)}>"
        for tag, cls, id_, prop in ancestors
    )
    closed = "".join(f"</{tag}>" for tag, *_ in reversed(ancestors))
    if any(tag == "td" for tag, *_ in ancestors):
        opened, closed = f"<table><tr>{opened}", f"{closed}</tr></table>"
    html = f"<html><body>{opened}<p>{PROSE}</p>{closed}</body></html>"
    tree = LexborHTMLParser(html.encode().replace(b"\\xff", b"\xff"))
    root = tree.root
    assert root is not None
    _assert_same_vote(article._vote(root), _python_vote(root))


def _assert_same_vote(new: article._Scores, old: _PythonScores) -> None:
    """The ballot's scores are the Python vote's: the same floats in the order their
    candidates were first met, the same texts, holders and containers, and the same
    ranking of the best."""
    assert list(new.score.items()) == list(old.score.items())
    assert list(new.nodes) == list(old.nodes)
    assert all(new.nodes[key].mem_id == key for key in new.nodes)
    assert new.ranked == old.ranked
    assert new.texts == old.texts
    assert (new.holders, new.containers) == (old.holders, old.containers)


@settings(max_examples=300, deadline=None)
@given(st.lists(voter_fragments(), min_size=1, max_size=6), st.booleans(), st.booleans())
def test_the_ballot_casts_what_the_python_vote_cast(
    parts: list[str], text_holders: bool, mute: bool
) -> None:
    html = f"<html><body>{''.join(parts)}</body></html>"
    tree = LexborHTMLParser(html.encode().replace(_BAD.encode(), b"ab\xff\xe2\x82 c"))
    root = tree.root
    assert root is not None
    muted = frozenset(n.mem_id for n in tree.css("section *")) if mute else frozenset()
    new = article._vote(root, text_holders, muted)
    _assert_same_vote(new, _python_vote(root, text_holders, muted))


def test_the_ballot_holds_as_many_candidates_as_a_page_has() -> None:
    # Three hundred boxes of equal paragraphs, some nested: more candidates than the
    # tally's first table holds, and ties for the ranking.
    boxes = "".join(
        f'<div class="box{i % 7}"><section><p>{PROSE}</p></section>'
        f"{'<div><p>' + PROSE + '</p></div>' if i % 3 else ''}</div>"
        for i in range(300)
    )
    tree = LexborHTMLParser(f"<html><body><main>{boxes}</main></body></html>")
    root = tree.root
    assert root is not None
    new = article._vote(root)
    assert len(new.score) > 600
    _assert_same_vote(new, _python_vote(root))


# Pieces of voters' texts for the chrome gate: its literals and the phrases it opens
# the patterns for, in mixed case, cut, and beside characters of each width a text may
# be stored in (Latin-1, the BMP, beyond it), so that the gate reads every width.
CHROME_PIECES = st.sampled_from(
    [
        *t.CONSENT_GATE,
        *t.CLICK_GATE,
        "We use cookies",
        "we and our partners store",
        "This site and its advertisers use",
        "WIR VERWENDEN COOKIES",
        "Click on the image",
        "click",
        "CLICK",
        "Cliquez sur la photo",
        "clicca",
        "ooki",
        "artner",
        "lic",
        " ",
        ", ",
        "\u00e9t\u00e9",
        "\u4e2d\u6587",
        "\U0001f600",
        "\u212aookie",
        PROSE,
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(CHROME_PIECES, min_size=1, max_size=8).map("".join))
def test_the_ballot_asks_for_chrome_as_the_python_vote_asked(text: str) -> None:
    tree = LexborHTMLParser(f"<html><body><div><p>{text}</p></div></body></html>".encode())
    voter, root = tree.css_first("p"), tree.root
    assert voter is not None and voter.text() == text and root is not None
    _assert_same_vote(article._vote(root), _python_vote(root))


def test_the_chrome_gate_opens_for_chrome_in_every_width() -> None:
    for filler in ("", "\u00e9", "\u4e2d", "\U0001f600"):
        for chrome in ("We use cookies on this site", "Click on the image to see more"):
            text = f"{filler} {chrome} to read it, and more words {filler}"
            tree = LexborHTMLParser(f"<html><body><div><p>{text}</p></div></body></html>".encode())
            root = tree.root
            assert root is not None
            assert article._is_chrome_text(text.strip())
            assert not article._vote(root).score


def _gate_ballot(literals: list[str], asked: list[str]) -> Ballot:
    """``article``'s ballot with ``literals`` for its chrome gate, every text of one
    character or more voting, the texts asked for chrome recorded in ``asked``."""

    def is_chrome_text(text: str) -> bool:
        asked.append(text)
        return False

    return Ballot(
        headings=frozenset(),
        bold=frozenset(),
        is_promo_heading=article._is_promo_heading,
        is_bold_line=article._is_bold_line,
        muted=frozenset(),
        leaf_blocks=t.LEAF_BLOCKS,
        inline=t.INLINE_TAGS,
        container_runs=t.CONTAINER_RUNS,
        min_chars=1,
        chars_per_point=t.CHARS_PER_POINT,
        max_length_points=t.MAX_LENGTH_POINTS,
        wide_commas=t.WIDE_COMMAS,
        shares=t.ANCESTOR_DECAY,
        top=article._TOP_CANDIDATES,
        is_chrome_text=is_chrome_text,
        chrome_gate=literals,
        tag_weights=t.CONTAINER_TAG_BONUS,
        negative=([], 0.0),
        strong=([], 0.0),
        weak=([], 0.0),
        item_body=("articleBody", 0.0),
    )


# Texts of a few letters, so that the literals made of them are often held, beside
# spaces and characters of each width (one character of a width beyond Latin-1 stores
# the whole text in it; a character beyond ASCII moves the gate's window as far as it
# goes), cut anywhere by the voters' ends.
GATE_TEXTS = st.lists(
    st.sampled_from(["a", "b", "c", "ab", "ca", " ", "\u00e9", "\u4e2d", "\U0001f600", ","]),
    max_size=90,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.text("abc", min_size=2, max_size=7), min_size=1, max_size=6),
    st.lists(GATE_TEXTS, min_size=1, max_size=4),
)
def test_the_chrome_gate_opens_for_the_texts_holding_a_literal(
    literals: list[str], texts: list[str]
) -> None:
    asked: list[str] = []
    ballot = _gate_ballot(literals, asked)
    html = "".join(f"<div><p>{text}</p></div>" for text in texts)
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>".encode())
    root = tree.root
    assert root is not None
    ballot.vote(article._VOTERS.find(root), [], article._Scores(), set())
    stripped = [text.strip() for text in texts if text.strip()]
    assert asked == [text for text in stripped if any(lit in text for lit in literals)]


def test_the_chrome_gate_refuses_a_literal_of_one_character() -> None:
    with pytest.raises(ValueError, match="two characters or more"):
        _gate_ballot(["ab", "c"], [])


COMMA_PIECES = st.sampled_from(
    [",", ", ", "word", " ", *t.WIDE_COMMAS, "\u00e9", "\u4e2d", "\U0001f600", "\u212a"]
)


@settings(max_examples=100, deadline=None)
@given(st.lists(COMMA_PIECES, min_size=1, max_size=40), st.integers(1, 400))
def test_the_commas_are_counted_as_the_python_vote_counted(pieces: list[str], times: int) -> None:
    # Up to some 9,000 characters: past the 255 steps of sixteen bytes a count sums at
    # once, with a tail shorter than a step.
    text = "".join(pieces) * times
    tree = LexborHTMLParser(f"<html><body><div><p>x{text}x</p></div></body></html>".encode())
    root = tree.root
    assert root is not None
    _assert_same_vote(article._vote(root), _python_vote(root))


def _python_common_ancestor(best: LexborNode, rivals: list[LexborNode]) -> LexborNode:
    """The common ancestor of a body split into parts, as ``_Scores.best`` found it in Python."""
    apart = []
    ancestors: set[int] = set()
    node: LexborNode | None = best.parent
    while node is not None:
        ancestors.add(node.mem_id)
        node = node.parent
    for rival in rivals:
        if rival.mem_id in ancestors or rival.mem_id == best.mem_id:
            continue
        up: LexborNode | None = rival.parent
        while up is not None and up.mem_id != best.mem_id:
            up = up.parent
        if up is None:
            apart.append(rival)
    if not apart:
        return best
    holder: LexborNode | None = best.parent
    for _ in range(t.MAX_PROMOTION_LEVELS):
        if holder is None or holder.tag in ("body", "html"):
            return best
        inside = {n.mem_id for n in holder.css("*")}
        if all(r.mem_id in inside for r in apart):
            posts = len(holder.css("article"))
            return best if posts > len(apart) + t.MAX_ARTICLES_PER_PART else holder
        holder = holder.parent
    return best


PART_TAGS = st.sampled_from(["div", "article", "section", "p", "span", "ARTICLE", "x-post"])


def _no_attributes(tag: str) -> st.SearchStrategy[str]:
    return st.just("")


parts_markup = partial(nested, st.sampled_from(["text", ""]), VOIDS, PART_TAGS, _no_attributes)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(parts_markup(), min_size=1, max_size=6),
    st.integers(0, 10**6),
    st.lists(st.integers(0, 10**6), max_size=5),
)
@example(["<div><article><p>a</p></article><article><p>b</p></article></div>"], 4, [6])
@example(["<section><div><p>a</p></div><div><p>b</p></div></section>"], 6, [8, 8])
@example(["<article><p>a</p></article><p>b</p>"], 4, [5, 1, 3])
def test_the_common_ancestor_is_the_python_one(parts: list[str], at: int, picks: list[int]) -> None:
    tree = _parse(parts)
    elements = tree.css("*")  # <html>, <head> and <body> among them
    best = elements[at % len(elements)]
    rivals = [elements[pick % len(elements)] for pick in picks]
    found = article._REFINEMENT.ancestor(best, rivals)
    assert found.mem_id == _python_common_ancestor(best, rivals).mem_id


def _python_opening(entry: LexborNode) -> tuple[int, int, bool] | None:
    """A live entry's first two elements as ``_opens_with_time`` read them in Python."""
    lines: list[LexborNode] = []
    for child in entry.iter():
        if child.is_element_node:
            lines.append(child)
            if len(lines) == 2:
                break
    if len(lines) < 2 or (
        lines[1].tag not in t.LIVE_HEADLINE_TAGS and lines[1].tag not in t.LIVE_TEXT_TAGS
    ):
        return None
    return lines[0].mem_id, lines[1].mem_id, lines[1].tag in t.LIVE_HEADLINE_TAGS


OPENING_TAGS = st.sampled_from(["div", "time", "p", "h2", "h3", "H4", "h5", "span", "x-p", "svg"])


@settings(max_examples=400, deadline=None)
@given(st.lists(nested(TEXTS, VOIDS, OPENING_TAGS, _no_attributes), min_size=1, max_size=6))
@example(["<div><time>10:04</time><!-- c --><h2>Title</h2></div>"])
@example(["<div>x <span>10:04</span> y <p>text</p><h3>no</h3></div>"])
@example(["<div><svg><p>in svg</p></svg></div>"])
def test_the_opening_lines_are_the_python_ones(parts: list[str]) -> None:
    tree = _parse(parts)
    for entry in tree.css("*"):
        found = article._REFINEMENT.opening(entry)
        lines = None if found is None else (found[0].mem_id, found[1].mem_id, found[2])
        assert lines == _python_opening(entry)


def _python_may_have_parts(
    best: LexborNode, classes: str, score: dict[int, float], nodes: dict[int, LexborNode]
) -> bool:
    """Whether a scored element could be a part of ``best``, as ``_Scores._parts`` asked."""
    wanted = classes.lower()
    for key, value in score.items():
        node = nodes[key]
        if (
            value >= t.MIN_PART_SCORE
            and key != best.mem_id
            and node.tag == best.tag
            and (node.attributes.get("class") or "").strip().lower() == wanted
        ):
            return True
    return False


PART_CLASSES = st.sampled_from(
    ["body", "Body", " body ", "BODY\t", "\u0130x", "i\u0307x", "\u212a", "k", ""]
)


@st.composite
def _classed(draw: st.DrawFn, tag: str) -> str:
    if not draw(st.booleans()):
        return ""
    name = draw(st.sampled_from(["class", "CLASS", "id", "data-class"]))
    return f' {name}="{draw(PART_CLASSES)}"' if draw(st.booleans()) else f" {name}"


@settings(max_examples=400, deadline=None)
@given(
    st.lists(nested(st.just("x"), VOIDS, PART_TAGS, _classed), min_size=1, max_size=6),
    st.integers(0, 10**6),
    st.lists(
        st.tuples(st.integers(0, 10**6), st.sampled_from([0.0, 9.5, 10.0, 30.0, math.nan])),
        max_size=12,
    ),
)
@example(['<div class="Body"></div><div class=" body ">x</div>'], 4, [(4, 10.0), (5, 12.0)])
@example(['<div class="\u212a"></div><div class="k">x</div>'], 5, [(4, 10.0), (5, 12.0)])
@example(
    ["<svg><foreignObject class=a></foreignObject></svg><foreignobject class=a>x</foreignobject>"],
    6,
    [(5, 10.0)],
)
def test_the_parts_gate_is_the_python_one(
    parts: list[str], at: int, picks: list[tuple[int, float]]
) -> None:
    tree = _parse(parts)
    elements = tree.css("*")
    best = elements[at % len(elements)]
    score = {elements[pick % len(elements)].mem_id: value for pick, value in picks}
    nodes = {node.mem_id: node for node in elements if node.mem_id in score}
    classes = (best.attributes.get("class") or "").strip()
    found = article._REFINEMENT.may_have_parts(
        best, classes.lower(), score, nodes, t.MIN_PART_SCORE
    )
    assert found == _python_may_have_parts(best, classes, score, nodes)


def _python_members(
    best: LexborNode, threshold: float, scores: article._Scores
) -> list[LexborNode] | None:
    """The winner's siblings that join it, as ``article._members`` walked them in Python
    (``None`` where it gave ``[best]`` at once)."""
    parent = best.parent
    if parent is None or parent.tag in ("html", "-document"):
        return None
    members: list[LexborNode] = []
    for sibling in parent.iter():
        if sibling.mem_id == best.mem_id:
            members.append(sibling)
            continue
        if article._is_other_story(sibling):
            continue
        score = scores.score.get(sibling.mem_id)
        if score is not None and score >= threshold:
            members.append(sibling)
        elif sibling.tag == "p" or sibling.mem_id in scores.holders:
            size = body_reader.text_chars(sibling)
            if size > t.SHORT_BLOCK_CHARS and (
                body_reader.link_density(sibling, size) < t.SHORT_MAX_LINK_DENSITY
            ):
                members.append(sibling)
    return members


def _python_is_prose_run(size: int, links: int) -> bool:
    return size >= t.SHORT_BLOCK_CHARS and links < size * t.SHORT_MAX_LINK_DENSITY


def _python_body_opening(first: LexborNode) -> LexborNode | None:
    """``article._opening`` as it walked back from ``first`` in Python."""
    parent = first.parent
    if parent is None or parent.tag in article._TOP_TAGS:
        return None
    start: LexborNode | None = None
    run: LexborNode | None = None
    size = links = 0
    node = first.prev
    while node is not None:
        tag = node.tag or ""
        if tag != "br" and not tag.startswith("-") and tag not in t.INLINE_TAGS:
            break
        if tag == "br":
            start = run if _python_is_prose_run(size, links) else start
            run, size, links = None, 0, 0
        elif tag == "-text":
            size += len((node.text_content or "").strip())
            run = node
        elif not tag.startswith("-"):
            text = node.text(strip=True)
            size += len(text)
            links += len(text) if tag == "a" else sum(len(a.text()) for a in node.css("a"))
            run = node
        node = node.prev
    return run if _python_is_prose_run(size, links) else start


# Loose prose of some length beside blocks, links in it and around it, and other stories.
_LOOSE_TEXTS = st.sampled_from(
    [PROSE, PROSE[:41], PROSE[:40], " \u2003 ", "x\u00a0", "\u00e9t\u00e9 " * 9, _BAD, ""]
)


_LOOSE_TAGS = st.sampled_from(["a", "b", "span", "i", "p", "div", "article", "h1", "h2", "h3"])


_LOOSE_VOIDS = st.sampled_from(["<br>", "<img src=x.jpg>", "<!-- c -->", "<hr>", "<wbr>"])


loose = partial(nested, _LOOSE_TEXTS, _LOOSE_VOIDS, _LOOSE_TAGS, _attributes)


def _elements(parts: list[str]) -> list[LexborNode]:
    tree = _parse(parts)
    assert tree.root is not None and tree.body is not None
    return [tree.root, tree.body, *tree.body.css("*")]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.one_of(fragments(), loose()), min_size=1, max_size=8),
    st.integers(0, 10**6),
    st.lists(st.tuples(st.integers(0, 10**6), st.floats(0.0, 60.0)), max_size=12),
    st.lists(st.integers(0, 10**6), max_size=4),
    st.floats(0.0, 40.0),
)
@example([f"<p>{PROSE}</p>", "<div>x</div>", f"<p>{PROSE}<a>{PROSE[:30]}</a></p>"], 3, [], [], 10.0)
@example([f"<article><h2>a</h2>{PROSE}</article>", "<div>x</div>"], 3, [(2, 50.0)], [], 10.0)
@example([f"<div>{PROSE}</div>", "<div>x</div>"], 3, [(2, 9.0)], [2], 10.0)
@example([f"<p>{PROSE[:40]}</p>", "<div>x</div>"], 3, [], [], 10.0)
def test_the_members_are_the_python_members(
    parts: list[str],
    pick: int,
    scored: list[tuple[int, float]],
    holders: list[int],
    threshold: float,
) -> None:
    elements = _elements(parts)
    best = elements[pick % len(elements)]
    scores = article._Scores()
    for at, score in scored:
        scores.score[elements[at % len(elements)].mem_id] = score
    scores.holders.update(elements[at % len(elements)].mem_id for at in holders)
    found = article._MEMBERS.members(best, threshold, scores)
    wanted = _python_members(best, threshold, scores)
    assert (found is None) == (wanted is None)
    assert [n.mem_id for n in found or []] == [n.mem_id for n in wanted or []]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(fragments(), loose()), min_size=1, max_size=8), st.integers(0, 10**6))
@example(["x" * 50, "<br>", PROSE, "<b>b</b>", "<div>after</div>"], -1)
@example([f"<a>{PROSE}</a>", "<span>y<a>z<a>w</a></a></span>", "<div>after</div>"], -1)
@example([f"<b>{PROSE[:40]}</b><!-- c --> {PROSE[:40]} <i>{_BAD}</i>", "<div>after</div>"], -1)
@example([f"<div><b>a</b>{PROSE}<p>after</p></div>"], -1)
def test_the_opening_is_the_python_opening(parts: list[str], pick: int) -> None:
    elements = _elements(parts)
    first = elements[pick % len(elements)]
    found = article._opening(first)
    wanted = _python_body_opening(first)
    assert (found.mem_id if found else None) == (wanted.mem_id if wanted else None)


def _python_shaped(node: LexborNode, wrapper: LexborNode, shape: list[str]) -> bool:
    up: LexborNode | None = node
    for tag in shape:
        if up is None or up.mem_id == wrapper.mem_id or up.tag != tag:
            return False
        up = up.parent
    return True


def _python_run_parts(
    best: LexborNode, threshold: float, scores: article._Scores
) -> tuple[list[LexborNode], list[tuple[int, LexborNode, LexborNode, float]]]:
    """What ``article._runs`` read in Python before its rules: the ancestors and the
    scored parts beside ``best`` shaped like it."""
    ancestors: list[LexborNode] = []
    node = best.parent
    while (
        node is not None and node.tag not in article._TOP_TAGS and len(ancestors) < t.MAX_RUN_LEVELS
    ):
        ancestors.append(node)
        node = node.parent
    levels = {a.mem_id: i for i, a in enumerate(ancestors)}
    above: set[int] = set()
    while node is not None:
        above.add(node.mem_id)
        node = node.parent
    shape = [best.tag or "", *(a.tag or "" for a in ancestors)]
    found: list[tuple[int, LexborNode, LexborNode, float]] = []
    for key, score in scores.score.items():
        if score < threshold or key == best.mem_id or key in levels or key in above:
            continue
        part = scores.nodes[key]
        wrapper, up = part, part.parent
        while up is not None and up.mem_id not in levels and up.mem_id not in above:
            if up.mem_id == best.mem_id:
                break
            wrapper, up = up, up.parent
        if up is None or up.mem_id not in levels or not levels[up.mem_id]:
            continue
        level = levels[up.mem_id]
        if wrapper.tag != shape[level] or not _python_shaped(part, wrapper, shape[:level]):
            continue
        found.append((level, wrapper, part, score))
    return ancestors, found


# Runs wrapped alike at some depth: the same few tags nested, SVG names among them.
_RUN_TAGS = st.sampled_from(["div", "section", "p", "span", "svg", "clippath", "article", "b"])


runs = partial(nested, _LOOSE_TEXTS, _LOOSE_VOIDS, _RUN_TAGS, _attributes)


@st.composite
def _alike(draw: st.DrawFn) -> str:
    """A run in two or three wrappers of a few tags, so that runs beside it share its shape."""
    tags = draw(
        st.lists(st.sampled_from(["div", "section", "svg", "clipPath"]), min_size=1, max_size=3)
    )
    inner = f"<p>{draw(_LOOSE_TEXTS)}</p>{draw(st.sampled_from(['', '<p>b</p>', '<br>']))}"
    for tag in tags:
        inner = f"<{tag}>{inner}</{tag}>"
    return inner


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.one_of(_alike(), runs()), min_size=1, max_size=6),
    st.integers(0, 10**6),
    st.lists(st.floats(0.0, 60.0), min_size=1, max_size=8),
    st.floats(0.0, 40.0),
)
@example(["<div><div><p>a</p></div></div><div><div><p>b</p></div></div>"], 0, [20.0], 10.0)
@example(["<section><div><p>a</p></div></section><div><div><p>b</p></div></div>"], 0, [30.0], 10.0)
@example(["<svg><clipPath><p>a</p></clipPath></svg><clippath><p>b</p></clippath>"], 0, [9.0], 1.0)
def test_the_run_parts_are_the_python_run_parts(
    parts: list[str], pick: int, values: list[float], threshold: float
) -> None:
    """The winner is a paragraph (an even ``pick``) or any element; every element is
    scored, by ``values`` in turn."""
    elements = _elements(parts)
    paragraphs = [node for node in elements if node.tag == "p"]
    among = paragraphs if pick % 2 == 0 and paragraphs else elements
    best = among[pick // 2 % len(among)]
    scores = article._Scores()
    for at, node in enumerate(elements):
        scores.score[node.mem_id], scores.nodes[node.mem_id] = values[at % len(values)], node
    ancestors, found = article._MEMBERS.run_parts(best, threshold, scores)
    wanted_ancestors, wanted = _python_run_parts(best, threshold, scores)
    assert [a.mem_id for a in ancestors] == [a.mem_id for a in wanted_ancestors]
    assert [(level, w.mem_id, p.mem_id, s) for level, w, p, s in found] == [
        (level, w.mem_id, p.mem_id, s) for level, w, p, s in wanted
    ]
