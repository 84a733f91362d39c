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

from selectolax.lexbor import LexborHTMLParser, LexborNode, create_tag

from service.extract._tree import Selectors, chrome, elements_by_tag

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

# The invisible tags are found by one walk in C comparing each element's tag id
# with these (``_tree.elements_by_tag``; an element's ``tag_id`` is the id of its
# name, the same in every document for standard names), the attribute selectors
# by another (``_tree.Selectors``): a CSS query tests every element against
# each selector of its list.
INVISIBLE_IDS = frozenset(create_tag(tag).tag_id for tag, _ in INVISIBLE_TAGS)
_NOSCRIPT_ID = create_tag("noscript").tag_id
_BUTTON_ID = create_tag("button").tag_id
_HIDDEN_QUERY = ", ".join(sel for sel, _ in HIDDEN_SELECTORS)
_BOILERPLATE_QUERY = ", ".join(sel for sel, _ in BOILERPLATE_SELECTORS)
_ATTRIBUTE_QUERY = f"{_HIDDEN_QUERY}, {_BOILERPLATE_QUERY}"
_ATTRIBUTE_SELECTORS = Selectors(_ATTRIBUTE_QUERY)
# What hides an element from every reader, beside ``aria-hidden``.
_SHOWN_QUERY = ", ".join(
    sel for sel, _ in (*HIDDEN_SELECTORS, *BOILERPLATE_SELECTORS) if "aria-hidden" not in sel
)
_SHOWN_SELECTORS = Selectors(_SHOWN_QUERY)
_IMAGES = Selectors("img, picture, amp-img")
_IMG = Selectors("img")
_CHROME_ROLE_NAMES = tuple(role.encode() for role, _ in CHROME_ROLES)


# Never removed, whatever they match: the parser refuses to remove the root, and
# pages hide <body> with an inline style until their scripts have run.
_STRUCTURE = frozenset({"html", "head", "body"})


def detach(nodes: list[LexborNode]) -> None:
    """Take ``nodes`` out of the tree (their subtrees with them), the document's
    structure (``<html>``, ``<head>``, ``<body>``) apart."""
    # Every match is found before any is detached. Detaching without recursion
    # keeps an inner match attached to its detached ancestor, so detaching it
    # too is harmless; nothing is freed before the document is.
    for node in nodes:
        if node.tag not in _STRUCTURE:
            node.decompose(recursive=False)


def clean_tree(tree: LexborHTMLParser, tagged: dict[int, list[LexborNode]] | None = None) -> None:
    """Remove non-text elements, hidden content and boilerplate widgets, in place.

    ``tagged``: the tree's elements by tag id (``elements_by_tag``), the
    ``INVISIBLE_IDS`` among them, when found already."""
    root = tree.root
    if root is None:
        return
    # Listed in full before any is detached: the walk follows the tree's links.
    if tagged is None:
        tagged = elements_by_tag(root, INVISIBLE_IDS)
    for node in tagged[_NOSCRIPT_ID]:
        _keep_fallback_image(node)
    ids, folds = _folds(tagged[_BUTTON_ID])
    # Tag by tag rather than in document order: detaching an element keeps its
    # subtree, so an element and one inside it leave the tree in either order.
    # (No invisible tag is one of the document's structure, which ``detach`` keeps.)
    for tag_id in INVISIBLE_IDS:
        for node in tagged[tag_id]:
            node.decompose(recursive=False)
    # Attribute selectors look at no other element, so they may run on the tree
    # without the invisible elements, which is smaller (SVG icons, scripts).
    hidden = [node for node in _ATTRIBUTE_SELECTORS.find(root) if not _shown_image(node)]
    if folds or ids:
        hidden = [
            node
            for node in hidden
            if node.mem_id not in folds and (node.attributes.get("id") or "") not in ids
        ]
    detach(hidden)


def _shown_image(node: LexborNode) -> bool:
    """Whether ``node`` is hidden from screen readers alone and shows an image and no
    text: a card's thumbnail in a second link to its story (``<a aria-hidden="true"
    tabindex="-1"><img></a>``). It loses the mark, so that no later reader skips it."""
    if (node.attributes.get("aria-hidden") or "").lower() != "true":
        return False
    if node.text(deep=True).strip() or _IMAGES.first(node) is None:
        return False
    if _SHOWN_SELECTORS.first(node) is not None:  # the element or one inside it
        return False
    del node.attrs["aria-hidden"]
    return True


def _keep_fallback_image(noscript: LexborNode) -> None:
    """Copies the image a ``<noscript>`` holds before it, when an ``<img>`` stands just
    before it: a lazy loader's placeholder, whose real image only the fallback names (a
    card's picture). Other ``<noscript>`` content (tracking pixels) leaves with it."""
    before = noscript.prev
    while before is not None and before.tag == "-text" and not (before.text_content or "").strip():
        before = before.prev
    if before is None or before.tag != "img":
        return
    image = _IMG.first(noscript)
    if image is not None:
        noscript.insert_before(image)


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


def remove_chrome(root: LexborNode) -> None:
    """Remove navigation, masthead, footer, forms and captions below ``root``, in place."""
    detach(chrome(root, _CHROME_ROLE_NAMES))
