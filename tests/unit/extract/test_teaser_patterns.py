"""The teaser stage's reshaped and gated patterns find what their plain forms find."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from service.extract import teaser_tables as tt

_PLACEHOLDER = re.compile(
    r"(?:^|/)(?:placeholder|blank|spacer|transparent|pixel|lazy|loading|loader|1x1|empty"
    r"|dummy|grey|gray|clear)(?:[-_](?:\d+(?:x\d+)?|image|img))?\.(?:gif|png|jpe?g|svg|webp)"
    r"(?:$|\?)",
    re.IGNORECASE,
)
# Pieces of image URLs: the names, their case variants, the Kelvin sign (a "k" under
# IGNORECASE), extensions, separators and other path text.
_URL_PIECES = (
    *tt._PLACEHOLDER_NAMES, "BLANK", "Grey", "blan\u212a", "LOADER", "/", "-", "_", "x", "16x9",
    "image", "img", ".gif", ".PNG", ".jpeg", ".webp", ".svg", "?", "?w=1", "photo", "\u00e9",
    "\u0130", "cdn.example.com", "https:",
)  # fmt: skip


@given(st.lists(st.sampled_from(_URL_PIECES), max_size=8).map("".join))
def test_placeholder_image_finds_what_its_caseless_form_finds(url: str) -> None:
    found, expected = tt.PLACEHOLDER_IMAGE.search(url), _PLACEHOLDER.search(url)
    assert (found and found.span()) == (expected and expected.span())


def test_placeholder_image() -> None:
    assert tt.PLACEHOLDER_IMAGE.search("https://cdn.example.com/img/Blank-16x9.GIF?w=1")
    assert tt.PLACEHOLDER_IMAGE.search("/static/lazy_image.png")
    assert not tt.PLACEHOLDER_IMAGE.search("https://cdn.example.com/photos/blank-verse.jpg")
