"""Text normalization shared by every part of the core."""

from __future__ import annotations

import re
import unicodedata

# Zero-width characters, soft hyphen, BOM, and C0/C1 controls other than
# whitespace: invisible on the page, noise in the records.
_INVISIBLE = re.compile(
    "[\u00ad\u200b\u200c\u200d\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]"
)
_SPACE = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"(\.\.\.|…)\s*$")


def normalize_text(text: str) -> str:
    """NFC, invisible characters removed, runs of whitespace folded to one space."""
    text = _INVISIBLE.sub("", text)
    text = _SPACE.sub(" ", text).strip()
    return unicodedata.normalize("NFC", text)


def is_truncated(text: str) -> bool:
    """Whether ``text`` ends in an ellipsis ("..." or "…"), the mark of a cut snippet."""
    return _ELLIPSIS.search(text) is not None
