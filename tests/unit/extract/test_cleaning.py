"""Cleaning's walk in C (``_cleaning.Cleaning``) leaves the tree as the Python steps
it replaced left it (kept here as the reference: CSS queries, the fallback images,
the shown images)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import clean
from service.extract._cleaning import Cleaning

_INVISIBLE_QUERY = ", ".join(tag for tag, _ in clean.INVISIBLE_TAGS)
_ATTRIBUTE_QUERY = f"{clean._HIDING_QUERY}, {clean._READER_QUERY}"


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
    ids, folds = clean._folds(root.css("button"))
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
        ]
    ),
    st.text(alphabet="comentsr-ly :;\t", max_size=20),
)
LEAVES = [
    *("", "word", " ", "\u3000", "\xa0\n", "<br>", "<!-- c -->", "<p>t</p>", "<b>b</b>"),
    *("<img src=a>", "Continue reading", "Read the full story", "Menu", "\udcff"),
    # The shortest fold labels, whole and in parts: no shorter text is read.
    *("Leggi tutto", "leggi tutto\u2026", "leggi", " tutto", "weiterle\u017fen"),
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
    markup = f"<html><body {draw(attributes())}>{body}</body></html>"
    # Lone surrogates stand for bytes that are not UTF-8, which the parser keeps.
    return markup.encode("utf-8", "surrogateescape" if draw(st.booleans()) else "replace")


@settings(max_examples=500, deadline=None)
@given(pages())
def test_cleaning_leaves_what_the_python_steps_left(page: bytes) -> None:
    _check(page)


def _check(page: bytes) -> None:
    ours, theirs = LexborHTMLParser(page), LexborHTMLParser(page)
    clean.clean_tree(ours)
    _reference_clean(theirs)
    assert ours.html == theirs.html


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
    "selector",
    ['p[class~="x" i]', '[class~="x"]', '[class*="" i]', "p", '[class!="x" i]', "[a], b"],
)
def test_cleaning_refuses_a_selector_it_does_not_match(selector: str) -> None:
    with pytest.raises(ValueError):
        Cleaning(
            invisible=clean.INVISIBLE_IDS,
            noscript="noscript",
            button="button",
            fallback="img",
            images=("img",),
            hiding=selector,
            reader='[aria-hidden="true" i]',
            spaces=" ",
            structure=frozenset({"html"}),
            label_bytes=1,
        )


def test_the_fold_label_gate_is_the_shortest_label() -> None:
    """No text the fold pattern matches is shorter than the gate lets through."""
    shortest, _ = re._parser.parse(clean.FOLD_LABEL.pattern, clean.FOLD_LABEL.flags).getwidth()
    assert shortest == clean.MIN_FOLD_LABEL_CHARS
