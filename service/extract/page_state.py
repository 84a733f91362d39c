"""The story a script-built page carries only in its page state.

A site rendered in the browser may send no story markup at all, only the
state its script renders from: a ``<script type="application/json">`` blob
(the way a framework hands the server's data to the client). Like a JSON-LD
``articleBody``, such a body is read only when the visible page has none. The
blob also holds other stories (a related rail, the next story preloaded), so
the story is the object whose headline is the page's own title and whose
body holds paragraphs: a text (lines, or HTML), a list of texts or of
blocks that carry a text, or a rich-text tree (a headless CMS's or an
editor's document), whose block types give the paragraphs' kinds.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from service.extract import body_tables as t
from service.extract.metadata_jsonld import body_of
from service.extract.metadata_title import title_key
from service.extract.model import Paragraph, ParagraphKind
from service.extract.text import normalize_text

_DECODER = json.JSONDecoder(strict=False)


def state_body(blobs: Iterable[str], title: str | None) -> tuple[Paragraph, ...] | None:
    """The body of the story titled ``title`` in the page-state ``blobs``, or
    ``None``. A blob that is no JSON, or longer than
    ``MAX_STATE_CHARS``, is skipped."""
    if not title:
        return None
    wanted = title_key(title)
    for blob in blobs:
        if len(blob) > t.MAX_STATE_CHARS:
            continue
        try:
            state = _DECODER.decode(blob.strip())
        except (ValueError, RecursionError):  # no JSON, or nested past the decoder's depth
            continue
        for obj in _objects(state):
            if not any(_is_title(obj.get(key), wanted) for key in t.STATE_TITLE_KEYS):
                continue
            for key in t.STATE_BODY_KEYS:
                body = _paragraphs(obj.get(key))
                if body:
                    return body
    return None


def _is_title(value: object, wanted: str) -> bool:
    return (
        isinstance(value, str)
        and len(value) <= t.MAX_STATE_TITLE_CHARS
        and title_key(value) == wanted
    )


def _objects(state: object) -> Iterator[dict[str, object]]:
    """The objects of ``state`` in document order, ``MAX_STATE_OBJECTS`` at most."""
    stack: list[object] = [state]
    seen = 0
    while stack and seen < t.MAX_STATE_OBJECTS:
        value = stack.pop()
        if isinstance(value, dict):
            seen += 1
            yield value
            stack.extend(reversed(list(value.values())))
        elif isinstance(value, list):
            stack.extend(reversed(value))


def _paragraphs(value: object) -> tuple[Paragraph, ...] | None:
    """A body value as paragraphs: a text as ``body_of`` reads an ``articleBody``; a
    list of texts and of blocks; or a rich-text tree (``_read_block``)."""
    found: list[Paragraph] = []
    if isinstance(value, list):
        _read_blocks(value, None, 0, found)
    elif isinstance(value, dict):
        _read_block(value, None, 0, found)
    elif isinstance(value, str):
        _read_text(value, "p", found)
    return tuple(found) or None


def _read_blocks(
    values: list[object], kind: ParagraphKind | None, depth: int, found: list[Paragraph]
) -> None:
    for value in values:
        if isinstance(value, dict):
            _read_block(value, kind, depth + 1, found)
        elif isinstance(value, str):
            _read_text(value, kind or "p", found)


def _read_block(
    node: dict[str, object], outer: ParagraphKind | None, depth: int, found: list[Paragraph]
) -> None:
    """One block: its text under a ``STATE_TEXT_KEYS`` key, or the text of its run of
    text nodes (``STATE_LEAF_KEYS``) joined into one paragraph, or, when its nodes are
    blocks, theirs. Its kind is its type's (``STATE_BLOCK_KINDS``), else the kind of the
    list item or quote it is in. Blocks without text (a picture, an embed) give none."""
    if depth > t.MAX_STATE_DEPTH:
        return
    own = _kind(node)
    kind = outer if outer is not None and own in (None, "p") else own
    text = next((node[k] for k in t.STATE_TEXT_KEYS if isinstance(node.get(k), str)), None)
    if isinstance(text, str):
        _read_text(text, kind or "p", found)
        return
    inner = kind if kind != "p" else None
    for key in t.STATE_BLOCK_LIST_KEYS:
        blocks = node.get(key)
        if isinstance(blocks, list):
            _read_blocks(blocks, inner, depth, found)
    children = _children(node)
    if children is None:
        return
    if any(isinstance(child, dict) and _leaf_text(child) is not None for child in children):
        joined = normalize_text("".join(_inline_text(child, depth) for child in children))
        if joined:
            found.append(Paragraph(kind or "p", joined))
    else:
        _read_blocks(children, inner, depth, found)


def _kind(node: dict[str, object]) -> ParagraphKind | None:
    """The paragraph kind a block's type names: the first other than ``p`` among its
    type keys, else ``p`` if one names a paragraph, else ``None``."""
    if any(key in node for key in t.STATE_LIST_ITEM_KEYS):
        return "li"
    plain = False
    for key in t.STATE_KIND_KEYS:
        name = node.get(key)
        if not isinstance(name, str):
            continue
        for pattern, kind in t.STATE_BLOCK_KINDS:
            if pattern.fullmatch(name):
                if kind != "p":
                    return kind
                plain = True
                break
    return "p" if plain else None


def _children(node: dict[str, object]) -> list[object] | None:
    """The nodes inside a rich-text node (under a ``STATE_CHILD_KEYS`` key), if any."""
    return next((v for k in t.STATE_CHILD_KEYS if isinstance(v := node.get(k), list)), None)


def _leaf_text(node: dict[str, object]) -> str | None:
    return next((v for k in t.STATE_LEAF_KEYS if isinstance(v := node.get(k), str)), None)


def _inline_text(value: object, depth: int) -> str:
    """The text of one node of a run: a text node's, or its nodes' (a link's words); a
    node without either (a line break, an inline picture) stands for a space."""
    if not isinstance(value, dict) or depth > t.MAX_STATE_DEPTH:
        return value if isinstance(value, str) else " "
    text = _leaf_text(value)
    if text is not None:
        return text
    children = _children(value)
    if children is None:
        return " "
    return "".join(_inline_text(child, depth + 1) for child in children)


def _read_text(text: str, kind: ParagraphKind, found: list[Paragraph]) -> None:
    """A text (lines, or HTML) read as ``body_of`` reads an ``articleBody``."""
    body = body_of(text)
    if body:
        found.extend(Paragraph(kind, line) for line in body.split("\n"))
