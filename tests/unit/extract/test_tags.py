"""A declared tag list's tags read in C (``_markup.Tags``, built in ``metadata``) are
those the Python it replaced read from each source of ``metadata._tags``."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from service.extract import metadata
from service.extract.metadata_tables import (
    INTERNAL_TAG_STARTS,
    MAX_TAG_CHARS,
    MAX_TAGS,
    TAG_LABELS,
)
from service.extract.text import normalize_text

_TAG_SEPARATOR = re.compile("[,;]")
_TAG_LABEL = re.compile(r"^(?:" + "|".join(TAG_LABELS) + r")\s*:\s*", re.IGNORECASE)


def _python_tags(source: list[str]) -> tuple[str, ...]:
    """The tags of one source, as ``metadata._tags`` read them from Python."""
    tags: list[str] = []
    seen: set[str] = set()
    parts = (p for value in source for p in _TAG_SEPARATOR.split(value, MAX_TAGS * 2))
    for part in parts:
        if len(part) > 4 * MAX_TAG_CHARS:  # not a tag, whatever its spacing
            continue
        tag = normalize_text(part)
        if ":" in tag:  # the only tags a label can start
            tag = _TAG_LABEL.sub("", tag)
        if _is_tag(tag) and (key := tag.casefold()) not in seen:
            seen.add(key)
            tags.append(tag)
            if len(tags) == MAX_TAGS:
                break
    return tuple(tags)


def _is_tag(tag: str) -> bool:
    return (
        1 < len(tag) <= MAX_TAG_CHARS
        and not tag.startswith(INTERNAL_TAG_STARTS)
        and "_" not in tag
        and (tag[0].isalpha() or any(ch.isalpha() for ch in tag))
    )


PARTS = st.one_of(
    st.sampled_from(
        [
            *("", " ", "Storms", "storms", "STRASSE", "straße", "Zürich", "日本", "x", "é"),
            *("@home", "_flag", "/article", "ctp_video", "123", "1-2", "a1", "\u00a0b\u00a0"),
            *("Category: Moon", "TOPIC :Politics", "tag:", "section : ", "\u017fection: S"),
            *("topic\u00a0:\u2003News", "a\u200bb", "e\u0301t\u00e9", "note: x", "\u0130tag: y"),
            *("w" * MAX_TAG_CHARS, "w" * (MAX_TAG_CHARS + 1), " " * 300 + "spaced" + " " * 30),
            *(" " * (4 * MAX_TAG_CHARS) + "ab", "\u2028line\u2029", "\U0001d400\U0001d401"),
        ]
    ),
    st.text(max_size=10),
)
SEPARATORS = st.sampled_from([",", ";", ", ", " ;", ",,", "\uff0c", "|"])


@st.composite
def values(draw: st.DrawFn) -> str:
    parts = draw(st.lists(PARTS, max_size=8))
    out = parts[0] if parts else ""
    for part in parts[1:]:
        out += draw(SEPARATORS) + part
    return out


MANY = ",".join(f"t{i}" for i in range(70))  # more tags than kept, more parts than splits


@settings(max_examples=500, deadline=None)
@given(st.lists(values(), max_size=4))
@example([MANY])
@example([";".join(["x"] * 61 + ["Last;Tag"])])  # the rest after the last split is one part
@example(["Storms, storms; STORMS", "Straße, STRASSE"])
@example(["@home, ctp_video, /article, Category: Moon, 42, Space"])
@example([MANY[:300], MANY[300:]])
def test_tags_are_what_python_read(source: list[str]) -> None:
    assert metadata._TAGS.of(source) == _python_tags(source)


def test_a_long_part_is_left_out_and_the_limits_hold() -> None:
    assert metadata._TAGS.of(["a" * (4 * MAX_TAG_CHARS + 1) + ", Ok"]) == ("Ok",)
    assert len(metadata._TAGS.of([MANY])) == MAX_TAGS
    assert metadata._TAGS.of(["Topic: Politics; politics"]) == ("Politics",)
