"""The story a script-built page carries only in its page state.

A site rendered in the browser may send no story markup at all, only the
state its script renders from: a ``<script type="application/json">`` blob
(the way a framework hands the server's data to the client). Like a JSON-LD
``articleBody``, such a body is read only when the visible page has none. The
blob also holds other stories (a related rail, the next story preloaded), so
the story is the object whose headline is the page's own title and whose
body holds paragraphs: a text (lines, or HTML) or a list of texts or of
blocks that carry a text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from service.extract import body_tables as t
from service.extract.metadata_jsonld import body_of
from service.extract.metadata_title import title_key

_DECODER = json.JSONDecoder(strict=False)


def state_body(blobs: Iterable[str], title: str | None) -> str | None:
    """The body of the story titled ``title`` in the page-state ``blobs``, one
    paragraph per line, or ``None``. A blob that is no JSON, or longer than
    ``MAX_STATE_CHARS``, is skipped."""
    if not title:
        return None
    wanted = title_key(title)
    for blob in blobs:
        if len(blob) > t.MAX_STATE_CHARS:
            continue
        try:
            state = _DECODER.decode(blob.strip())
        except ValueError:
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


def _paragraphs(value: object) -> str | None:
    """A body value as text, one paragraph per line: a text as ``body_of`` reads an
    ``articleBody``, or a list of texts and of blocks carrying one under a
    ``STATE_TEXT_KEYS`` key (blocks without one, a picture or an embed, are left out)."""
    if isinstance(value, str):
        return body_of(value)
    if not isinstance(value, list):
        return None
    lines = []
    for entry in value:
        if isinstance(entry, dict):
            entry = next(
                (entry[k] for k in t.STATE_TEXT_KEYS if isinstance(entry.get(k), str)), None
            )
        text = body_of(entry) if isinstance(entry, str) else None
        if text:
            lines.append(text)
    return "\n".join(lines) or None
