"""Cleaning's walk in C (``_cleaning.Cleaning``) leaves the tree as the Python steps
it replaced left it (kept here as the reference: CSS queries, the fallback images,
the shown images), says that no gallery caption is left only when a query of the
cleaned tree finds none, and tells of the cleaned body what the walks it spares
find: the folded text's length, the first ``<h1>`` and the chrome."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import _tree, body_tables, clean
from service.extract._cleaning import Cleaning
from service.extract.text import FOLDED, SPACES

_INVISIBLE_QUERY = ", ".join(tag for tag, _ in clean.INVISIBLE_TAGS)
_ATTRIBUTE_QUERY = f"{clean._HIDING_QUERY}, {clean._READER_QUERY}"
_INVISIBLE_BUTTONS = ", ".join(f"{tag} button" for tag, _ in clean.INVISIBLE_TAGS)


def _once(nodes: list[LexborNode]) -> list[LexborNode]:
    """``nodes`` in their order, each once (a query lists an element once per selector)."""
    seen: set[int] = set()
    found = []
    for node in nodes:
        if node.mem_id not in seen:
            seen.add(node.mem_id)
            found.append(node)
    return found


def _shown_image(node: LexborNode) -> bool:
    if (node.attributes.get("aria-hidden") or "").lower() != "true":
        return False
    if node.text(deep=True).strip() or node.css_first("img, picture, amp-img") is None:
        return False
    if node.css_matches(clean._HIDING_QUERY):  # the element or one inside it
        return False
    del node.attrs["aria-hidden"]
    return True


def _keep_fallback_image(noscript: LexborNode) -> None:
    before = noscript.prev
    while before is not None and before.tag == "-text" and not (before.text_content or "").strip():
        before = before.prev
    if before is None or before.tag != "img":
        return
    image = noscript.css_first("img")
    if image is not None:
        noscript.insert_before(image)


def _reference_clean(tree: LexborHTMLParser) -> None:
    """``clean.clean_tree`` as it was in Python, its queries made by the CSS engine."""
    root = tree.root
    assert root is not None
    for node in root.css("noscript"):
        _keep_fallback_image(node)
    # A button inside an invisible element (a <noscript>'s, a dialog's) is never
    # shown, and unfolds nothing.
    inside = {node.mem_id for node in root.css(_INVISIBLE_BUTTONS)}
    ids, folds = clean._folds([b for b in root.css("button") if b.mem_id not in inside])
    for node in root.css(_INVISIBLE_QUERY):
        node.decompose(recursive=False)
    hidden = [node for node in _once(root.css(_ATTRIBUTE_QUERY)) if not _shown_image(node)]
    if folds or ids:
        hidden = [
            node
            for node in hidden
            if node.mem_id not in folds and (node.attributes.get("id") or "") not in ids
        ]
    clean.detach(hidden)


TAGS = [
    *("div", "p", "span", "a", "b", "section", "figure", "img", "IMG", "picture", "amp-img"),
    *("noscript", "NOSCRIPT", "button", "script", "svg", "template", "iframe", "custom-tag"),
    *("figcaption", "FigCaption", "figure"),
    # What the walk notes in the body: the chrome's tags, the headline's.
    *("nav", "header", "footer", "form", "article", "h1", "H1"),
]
NAMES = [
    *("hidden", "HIDDEN", "aria-hidden", "Aria-Hidden", "style", "STYLE", "id", "ID", "class"),
    *("Class", "role", "ROLE", "aria-controls", "data-x", "aria-hiddenx", "hiddenx", "src"),
]
VALUES = st.one_of(
    st.sampled_from(
        [
            *("", "true", "TRUE", "tRuE", " true", "false", "display:none", "DISPLAY:NONE"),
            *("color:red;display: None;x", "display:  none", "visibility:hidden", "r1 r2"),
            *("Visibility: HIDDEN", "comments", "COMMENTS", "comments2", "my comments\tbox"),
            *("xcomments", "comments\n", "disqus_thread", "Disqus_Thread", "sr-only"),
            *("a\fvisually-hidden", "screen-reader-text x", "dialog", "ALERTDIALOG", "r1"),
            *("\u212aomments", "d\u0130alog", "sr-onl\u017f", "a\u00a0sr-only", "x\rsr-only"),
            *("a b c d e f g h sr-only", "abcdefgh\vsr-only", "verylongclassname12 sr-only"),
            *("abcdefg sr-only\x01", "\x1fsr-only", "sr-only\x00x", "ab\u00e9cd sr-only"),
            # Tokens in a value's last eight bytes, read with the bytes before them.
            *("ab sr-only", "sr-only a", "abcdefghi\tcomments", "comments  x", "x\x0ccomments "),
            # The chrome's roles, and their lookalikes.
            *("navigation", "Menu", "menubar", "SEARCH", "banner x", "contentinfo", "men\u03bc"),
        ]
    ),
    st.text(alphabet="comentsr-ly :;\t", max_size=20),
    # A caption's class: the part in any case and place, written with entities, cut,
    # or with letters beyond ASCII that fold to its own.
    st.builds(
        lambda before, part, after: before + part + after,
        st.text(alphabet="ab-_ \t\u00e9", max_size=17),
        st.sampled_from(
            [
                *("caption", "CAPTION", "Caption", "cApTiOn", "&#99;aption", "capti&#x6F;n"),
                *("&#67;&#65;PTION", "capt&amp;ion", "captio", "aption", "capt ion"),
                *("capt\u0130on", "\uff43aption", "captio\u0274", "captionn", "ccaption"),
            ]
        ),
        st.text(alphabet="ab-_ \t\u00e9", max_size=17),
    ),
)
LEAVES = [
    *("", "word", " ", "\u3000", "\xa0\n", "<br>", "<!-- c -->", "<p>t</p>", "<b>b</b>"),
    *("<img src=a>", "Continue reading", "Read the full story", "Menu", "\udcff"),
    # Text of every width and whitespace for the folded length.
    *(" a  b\n", "\u00e9t\u00e9 x", "\u3000a\u2028b\u00a0", "\U0001f600\u0085", "word word word x"),
    # The shortest fold labels, whole and in parts: no shorter text is read.
    *("Leggi tutto", "leggi tutto\u2026", "leggi", " tutto", "weiterle\u017fen"),
    # A picture's caption, and one only a lazy loader's fallback image carries.
    "<figure><img src=a><figcaption>c</figcaption></figure>",
    '<img src=a><noscript><img class="lazy-Caption" src=b></noscript>',
]


@st.composite
def attributes(draw: st.DrawFn) -> str:
    parts = []
    for name in draw(
        st.lists(st.sampled_from(NAMES), max_size=3)
    ):  # repeats kept: the first counts
        value = draw(VALUES)
        parts.append(name if draw(st.integers(0, 4)) == 0 else f'{name}="{value}"')
    return " ".join(parts)


@st.composite
def fragments(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 4 or draw(st.integers(0, 2)) == 0:
        return draw(st.sampled_from(LEAVES))
    tag = draw(st.sampled_from(TAGS))
    inner = "".join(draw(st.lists(fragments(depth + 1), max_size=4)))
    return f"<{tag} {draw(attributes())}>{inner}</{tag}>"


@st.composite
def pages(draw: st.DrawFn) -> bytes:
    body = "".join(draw(st.lists(fragments(), min_size=1, max_size=6)))
    # Text outside the body: the head's, and between the head and the body.
    head = draw(st.sampled_from(["", "<head><title>a b</title></head>\n", "<head></head> x "]))
    tail = draw(st.sampled_from(["", " t\n", "<!-- c -->"]))
    markup = f"<html>{head}<body {draw(attributes())}>{body}</body>{tail}</html>"
    # Lone surrogates stand for bytes that are not UTF-8, which the parser keeps.
    return markup.encode("utf-8", "surrogateescape" if draw(st.booleans()) else "replace")


@settings(max_examples=500, deadline=None)
@given(pages())
@example(b"<noscript><button>Leggi tutto</button></noscript><div hidden></div>")
@example(b"<button><button>Leggi tutto</button></button><div hidden></div>")
@example(b"<div><button>Leggi tutto</button></div><div hidden></div>")
def test_cleaning_leaves_what_the_python_steps_left(page: bytes) -> None:
    _check(page)


@settings(max_examples=1000, deadline=None)
@given(pages())
@example(b'<div class="a caption">t</div>')
@example(b'<div class="captio">t</div><p class="aption">u</p>')
@example(b'<div hidden><figcaption>c</figcaption></div><p class="CAPTION">t</p>')
@example(b'<img src=a><noscript><img class="Caption" src=b></noscript>')
@example(b'<img src=a><noscript><img class="Caption" src=b hidden></noscript>')
@example(b'<span><noscript><img class="Caption" src=b></noscript></span>')
@example(b'<template><figcaption>c</figcaption></template><svg><g class="caption"/></svg>')
@example(b'<div class="&#67;aption">t</div><b class="capt\xc4\xb0on">u</b>')
def test_no_caption_is_said_only_of_a_tree_cleaning_left_without_one(page: bytes) -> None:
    """``clean_tree(tree, captions=True)`` says False only when the cleaned tree holds
    no element of ``CAPTION_SELECTOR``, and says True only when the page held one
    before cleaning (an element that cleaning then removed)."""
    tree = LexborHTMLParser(page)
    assert tree.root is not None
    held = tree.root.css_first(body_tables.CAPTION_SELECTOR) is not None
    said = clean.clean_tree(tree, captions=True).marked
    left = tree.body is not None and tree.body.css_first(body_tables.CAPTION_SELECTOR) is not None
    assert said or not left
    assert held or not said


_PART_LETTERS = "captonCAPTON-_ \u00e9\u0130"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_PART_LETTERS, max_size=40), st.text(alphabet="ptTI", max_size=2))
@example("x" * 8 + "caption", "")
@example("x" * 15 + "CAPTIO", "n")
def test_a_class_value_is_said_to_hold_the_part_where_the_query_finds_it(
    value: str, end: str
) -> None:
    """On one element that cleaning keeps, the answer is the query's, wherever the
    part is in the value (its bytes read one in seven)."""
    tree = LexborHTMLParser(f'<p class="{value}{end}">t</p>')
    assert tree.body is not None
    held = tree.body.css_first(body_tables.CAPTION_SELECTOR) is not None
    assert clean.clean_tree(tree, captions=True).marked == held


@pytest.mark.parametrize("offset", range(24))
def test_the_part_is_found_at_every_offset(offset: int) -> None:
    for value in ("x" * offset + "cAPTION", "é" * offset + "caption" + "x" * offset):
        tree = LexborHTMLParser(f'<p class="{value}">t</p>')
        assert clean.clean_tree(tree, captions=True).marked is True


def test_captions_are_not_looked_for_unless_asked() -> None:
    tree = LexborHTMLParser("<p>t</p>")
    assert clean.clean_tree(tree).marked is True
    assert clean.clean_tree(LexborHTMLParser("<p>t</p>"), captions=True).marked is False


def _check(page: bytes) -> None:
    ours, theirs = LexborHTMLParser(page), LexborHTMLParser(page)
    clean.clean_tree(ours)
    _reference_clean(theirs)
    assert ours.html == theirs.html


@settings(max_examples=1000, deadline=None)
@given(pages(), st.lists(st.integers(0, 100), max_size=3))
@example(b'<div hidden>a <b class="sr-only">b</b></div> c <p aria-hidden="true">d</p>', [])
@example(b'<a aria-hidden="true"><img src=a> \xe3\x80\x80</a><p hidden><b hidden>x</b>y</p>z', [])
@example(
    b'<button aria-controls="r1">leggi tutto</button><div id="r1" hidden>r <i hidden>i</i></div>',
    [],
)
@example(b"<div><button>Leggi tutto</button></div><div hidden><b hidden>x</b>rest</div>", [])
@example(b"<body hidden><div hidden>a</div>b<h1 hidden>h</h1><h1>i</h1></body>", [])
@example(b'<img src=a><noscript><img src=b role="menu" hidden></noscript><nav>n</nav>', [0])
@example(b"<div hidden><nav>a</nav><h1>b</h1></div><header>c</header><h1>d</h1>", [2])
@example(b"<p hidden>\xff</p><p>a</p>", [])
@example(b"<html><head><title>a b</title></head>\n<body>c</body> d</html>", [])
def test_the_walk_tells_what_the_cleaned_body_holds(page: bytes, detached: list[int]) -> None:
    """The body's folded length (-1 only on a page of bytes that are not UTF-8), its
    first ``<h1>``, and among the elements noted as may-be chrome, after more leave
    the tree (as teasers leave it), all that a walk of the body finds as chrome."""
    tree = LexborHTMLParser(page)
    cleaned = clean.clean_tree(tree)
    body = tree.body
    assert body is not None
    folded = FOLDED.of(body)
    if cleaned.visible_chars == -1:
        assert folded == -1 or page.decode("utf-8", "replace").encode() != page
    else:
        assert cleaned.visible_chars == folded
    first = _tree.H1.first(body)
    assert (cleaned.headline and cleaned.headline.mem_id) == (first and first.mem_id)
    elements = [node for node in body.traverse() if node.tag not in ("-text", "-comment")]
    clean.detach([elements[i % len(elements)] for i in detached])
    roles = clean._CHROME_ROLE_NAMES
    found = [node.mem_id for node in _tree.chrome(body, roles, cleaned.chrome)]
    assert found == [node.mem_id for node in _tree.chrome(body, roles)]


@pytest.mark.parametrize(
    "markup",
    [
        # A card's thumbnail: shown; with text, a hidden box in it, or only a script: not.
        '<a aria-hidden="true"><img src=a></a><p>t</p>',
        '<a aria-hidden="TRUE"> <picture></picture>\u3000</a>',
        '<a aria-hidden="true"><img src=a>x</a>',
        '<a aria-hidden="true"><img src=a><span hidden></span></a>',
        '<a aria-hidden="true"><script>x</script><img></a>',
        '<a aria-hidden="true"><svg><img></svg></a>',
        '<a aria-hidden="true" class="sr-only"><img></a>',
        # Text that is not UTF-8, read as text() decodes the joined bytes.
        b'<a aria-hidden="true"><img>\xe3<b>\x80\x80</b></a>',
        b'<a aria-hidden="true"><img>\xff</a>',
        # The fallback image, copied; its copy tested as any element.
        "<img src=a> \n<noscript><img src=b></noscript>",
        '<img src=a><noscript><div><img src=b style="display:none"></div></noscript>',
        '<a aria-hidden="true"><img src=a><noscript><img src=b hidden></noscript></a>',
        "<img src=a><!-- c --><noscript><img src=b></noscript>",
        "<img src=a><button><img><noscript><img></noscript></button>",
        # A fold's button and what it shows.
        '<button aria-controls="r1 r2">Continue reading</button><div id="r2" hidden>rest</div>',
        '<div><button>Read the full story</button></div><div style="display:none">rest</div>',
        '<body style="display:none"><div class="x\tcomments">c</div><p>t</p></body>',
        # The shortest labels: as many bytes as the gate asks, whole or in parts.
        '<button aria-controls="r1">leggi tutto</button><div id="r1" hidden>rest</div>',
        "<div><button><b>leggi</b> tutto</button></div><div hidden>rest</div>",
    ],
)
def test_cleaning_at_its_edges(markup: str | bytes) -> None:
    _check(markup if isinstance(markup, bytes) else markup.encode())


@pytest.mark.parametrize(
    ("hiding", "marks"),
    [
        *(
            (selector, body_tables.CAPTION_SELECTOR)
            for selector in ('p[class~="x" i]', '[class~="x"]', '[class*="" i]', "p")
        ),
        *((selector, body_tables.CAPTION_SELECTOR) for selector in ('[class!="x" i]', "[a], b")),
        # Marks: tags and one part of a class value compared without case.
        *(('[class~="x" i]', marks) for marks in ('[class~="caption" i]', '[id*="caption" i]')),
        *(('[class~="x" i]', marks) for marks in ('[class*="caption"]', "div.caption")),
        *(('[class~="x" i]', marks) for marks in ('p[class*="caption" i]', "custom-tag")),
        *(('[class~="x" i]', marks) for marks in ('[class*="" i]', f'[class*="{"x" * 17}" i]')),
        *(('[class~="x" i]', marks) for marks in ('[class*="a" i], [class*="b" i]', "p,")),
    ],
)
def test_cleaning_refuses_a_selector_it_does_not_match(hiding: str, marks: str) -> None:
    _cleaning('[class~="x" i]', body_tables.CAPTION_SELECTOR)  # what it takes
    with pytest.raises(ValueError):
        _cleaning(hiding, marks)


def _cleaning(hiding: str, marks: str) -> Cleaning:
    return Cleaning(
        invisible=clean.INVISIBLE_IDS,
        noscript="noscript",
        button="button",
        fallback="img",
        images=("img",),
        hiding=hiding,
        reader='[aria-hidden="true" i]',
        spaces=SPACES,
        structure=frozenset({"html"}),
        label_bytes=1,
        marks=marks,
        chrome='nav, [role="menu" i]',
        headline="h1",
    )


def test_the_fold_label_gate_is_the_shortest_label() -> None:
    """No text the fold pattern matches is shorter than the gate lets through."""
    shortest, _ = re._parser.parse(clean.FOLD_LABEL.pattern, clean.FOLD_LABEL.flags).getwidth()
    assert shortest == clean.MIN_FOLD_LABEL_CHARS
