"""DOM cleaning: what no record may contain leaves the tree before anything reads it.

Two stages. ``clean_tree`` runs right after parsing and takes out
elements that never show text (scripts, styles, templates, media) and content
hidden with ``hidden``, ``aria-hidden`` or ``display:none``, plus boilerplate
widgets that hold no teasers (comments, share bars, cookie banners, app
promos). An image hidden from screen readers alone, in an element that shows no
text, stays: it is shown on the page, a card's second link to its story around
the thumbnail, which readers skip as a duplicate. ``remove_chrome`` runs after
teaser detection, before the body is read: page chrome (navigation, header,
footer, sidebars) may hold teasers, so it stays in the tree until the teasers
are out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode, create_tag

from service.extract import body_tables
from service.extract._cleaning import Cleaning
from service.extract._tree import chrome
from service.extract.text import SPACES

# Elements that never show text to a reader.
INVISIBLE_TAGS: Sequence[tuple[str, str]] = (
    ("script", "code, not text"),
    ("style", "CSS, not text"),
    ("template", "inert markup, only shown by scripts"),
    ("noscript", "shown only without scripts; duplicates or tracking pixels"),
    ("svg", "drawings; their <title>s are icon names"),
    ("math", "formula markup, not prose"),
    ("iframe", "another document; its fallback text is noise"),
    ("object", "plugin content"),
    ("embed", "plugin content"),
    ("canvas", "drawn by scripts"),
    ("video", "fallback text only"),
    ("audio", "fallback text only"),
    ("select", "form control: option lists are not prose"),
    ("textarea", "form control"),
    ("input", "form control"),
    ("button", "controls: 'Share', 'Close', 'Subscribe'"),
    ("dialog", "modal overlays: consent, subscription prompts"),
)

# Selectors for content the page hides from every reader.
HIDDEN_SELECTORS: Sequence[tuple[str, str]] = (
    ("[hidden]", "the HTML hidden attribute"),
    ('[aria-hidden="true" i]', "hidden from readers and assistive technology"),
    ('[style*="display:none" i]', "inline display:none"),
    ('[style*="display: none" i]', "inline display: none, spaced"),
    ('[style*="visibility:hidden" i]', "inline visibility:hidden"),
    ('[style*="visibility: hidden" i]', "inline visibility: hidden, spaced"),
)

# A long read shown folded: its rest is in the page, hidden until the reader presses
# a button with one of these labels, and is body text. The button names the rest by
# ``aria-controls`` (the id of the hidden element), or stands right before it. The
# labels say the story goes on, in the languages of the crawl; a menu's or a
# dialog's button ("Menu", "More") opens no story.
FOLD_LABEL = re.compile(
    r"(continue reading|keep reading|read the rest|(show|read|view|expand|see)( the)?"
    r" (full|whole|entire|complete|rest of the) (article|story)|expand (the )?(article|story)"
    r"|(artikel )?weiterlesen|ganzen artikel (lesen|anzeigen)|lire la suite|continuer la lecture"
    r"|seguir leyendo|continuar leyendo|leer (la )?noticia completa|continuar lendo"
    r"|continue lendo|continua a leggere|leggi tutto)\W{0,3}",
    re.I,
)
MAX_FOLD_LABEL_CHARS = 40  # a longer button text is no such label
# The fewest characters of a label FOLD_LABEL matches ("leggi tutto", "weiterlesen"):
# a button whose text holds fewer bytes (each character one byte or more, as text()
# decodes them) is not read.
MIN_FOLD_LABEL_CHARS = 11

# Boilerplate widgets that never promote another story: removed before
# teaser detection. Kept short, since every selector costs a test per element;
# share bars, promos and sign-up boxes are skipped later by the body reader.
BOILERPLATE_SELECTORS: Sequence[tuple[str, str]] = (
    ('[id="comments" i], [class~="comments" i], [id="disqus_thread" i]', "comment threads"),
    ('[role="dialog" i], [role="alertdialog" i]', "modal overlays: consent, sign-up prompts"),
    (
        '[class~="sr-only" i], [class~="visually-hidden" i], [class~="screen-reader-text" i]',
        "text for screen readers only, not shown on the page",
    ),
)

# Page chrome: may hold teasers, never the article body. Matched by one walk in C
# (``_tree.chrome``, which implements these selectors; a test checks it against them).
CHROME_SELECTORS: Sequence[tuple[str, str]] = (
    ("nav", "site navigation"),
    ("header:not(article header)", "site masthead; an article's own header keeps its title"),
    ("footer:not(article footer)", "site footer"),
    (
        "form:not(:has(p, br + br))",
        "search and login forms (a form wrapping a whole page holds <p> or text set between <br>)",
    ),
    ("figure figcaption", "image captions and credits"),
)
# ... and the elements of these ARIA roles, whatever their tag (compared as
# ``[role="..." i]`` would: no role name holds the "k" that the Kelvin sign lowercases to).
CHROME_ROLES: Sequence[tuple[str, str]] = (
    ("navigation", "ARIA landmark of navigation"),
    ("banner", "ARIA landmark of the masthead"),
    ("contentinfo", "ARIA landmark of the footer"),
    ("search", "search forms"),
    ("menu", "menus"),
    ("menubar", "menus"),
)

# Never removed, whatever they match: the parser refuses to remove the root, and
# pages hide <body> with an inline style until their scripts have run.
_STRUCTURE = frozenset({"html", "head", "body"})

# The invisible tags, the attribute selectors and the shown images are found by one
# walk in C (``_cleaning.Cleaning``), which compares each element's tag id with the
# invisible ones (the id of a standard name, the same in every document) and reads
# each element's attributes once for the selectors, and removes what it found.
INVISIBLE_IDS = frozenset(create_tag(tag).tag_id for tag, _ in INVISIBLE_TAGS)
# What hides an element from every reader, and what from screen readers alone.
_HIDING_QUERY = ", ".join(
    sel for sel, _ in (*HIDDEN_SELECTORS, *BOILERPLATE_SELECTORS) if "aria-hidden" not in sel
)
_READER_QUERY = ", ".join(sel for sel, _ in HIDDEN_SELECTORS if "aria-hidden" in sel)
_CLEANING = Cleaning(
    invisible=INVISIBLE_IDS,
    noscript="noscript",
    button="button",
    fallback="img",  # a lazy loader's placeholder, and the image its fallback names
    images=("img", "picture", "amp-img"),  # what a shown image shows
    hiding=_HIDING_QUERY,
    reader=_READER_QUERY,
    spaces=SPACES,  # what str.strip strips
    structure=_STRUCTURE,
    label_bytes=MIN_FOLD_LABEL_CHARS,
    marks=body_tables.CAPTION_SELECTOR,  # whether a gallery's caption may stay
    # What the walk notes in the body on its way: the elements that may be chrome
    # (the tags the chrome's selectors select, and the chrome's roles), which
    # ``remove_chrome`` then tests alone, and the headline's tag.
    chrome=", ".join(
        [sel.split(":")[0].split()[-1] for sel, _ in CHROME_SELECTORS]
        + [f'[role="{role}" i]' for role, _ in CHROME_ROLES]
    ),
    headline="h1",
)
_CHROME_ROLE_NAMES = tuple(role.encode() for role, _ in CHROME_ROLES)


def detach(nodes: list[LexborNode]) -> None:
    """Take ``nodes`` out of the tree (their subtrees with them), the document's
    structure (``<html>``, ``<head>``, ``<body>``) apart."""
    # Every match is found before any is detached. Detaching without recursion
    # keeps an inner match attached to its detached ancestor, so detaching it
    # too is harmless; nothing is freed before the document is.
    for node in nodes:
        if node.tag not in _STRUCTURE:
            node.decompose(recursive=False)


class Cleaned(NamedTuple):
    """What ``clean_tree`` tells of the cleaned tree."""

    # Whether it may hold an element of ``body_tables.CAPTION_SELECTOR``: False only
    # when it holds none, which is looked for only with ``captions``.
    marked: bool
    # The length of the ``<body>``'s text, whitespace folded (``FoldedLength.of``):
    # -1 when a text in it is not UTF-8 (or there is no body).
    visible_chars: int
    headline: LexborNode | None  # the body's first ``<h1>``
    chrome: list[LexborNode]  # the body's elements that may be chrome (``remove_chrome``)


def clean_tree(tree: LexborHTMLParser, *, captions: bool = False) -> Cleaned:
    """Remove non-text elements, hidden content and boilerplate widgets, in place,
    and say what the cleaning walk saw of the cleaned tree (``Cleaned``; a gallery's
    captions need no other parse when it holds none).

    An element hidden from screen readers alone that shows an image and no text (a
    card's thumbnail in a second link to its story, ``<a aria-hidden="true"
    tabindex="-1"><img></a>``) stays, and loses the mark, so that no later reader
    skips it. A ``<noscript>`` right after an ``<img>`` has its image copied before
    it: a lazy loader's placeholder, whose real image only the fallback names (a
    card's picture); other ``<noscript>`` content (tracking pixels) leaves with it."""
    root = tree.root
    if root is None:
        return Cleaned(False, -1, None, [])
    shown, marked, chars, headline, chrome = _CLEANING.clean(root, tree.body, _folds, captions)
    for node in shown:
        del node.attrs["aria-hidden"]
    return Cleaned(marked, chars, headline, chrome)


def _folds(buttons: Iterable[LexborNode]) -> tuple[set[str], set[int]]:
    """The rest of a folded story that ``buttons`` show (``FOLD_LABEL``): the ids
    their ``aria-controls`` name, and the elements right after those without one."""
    ids: set[str] = set()
    after: set[int] = set()
    for button in buttons:
        label = button.text().strip()
        if len(label) > MAX_FOLD_LABEL_CHARS or FOLD_LABEL.fullmatch(label) is None:
            continue
        controls = button.attributes.get("aria-controls")
        if controls:
            ids.update(controls.split())
            continue
        node: LexborNode | None = button
        for _ in range(2):  # the button's own next element, else its wrapper's
            if node is None:
                break
            following = node.next
            while following is not None and following.tag in ("-text", "-comment"):
                following = following.next
            if following is not None:
                after.add(following.mem_id)
                break
            node = node.parent
    return ids, after


def remove_chrome(root: LexborNode, among: list[LexborNode] | None = None) -> None:
    """Remove navigation, masthead, footer, forms and captions below ``root``, in place:
    of ``among`` alone when given (``Cleaned.chrome``, the tree changed since by
    removals alone)."""
    detach(chrome(root, _CHROME_ROLE_NAMES, among))
