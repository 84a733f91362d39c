"""_records.Records: records of a frozen, slotted dataclass made in C."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.extract._records import Records
from service.extract.decode import Decoded
from service.extract.model import Article, Paragraph, Split, Teaser, TextStats

_TEXTS = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
_MAYBE_TEXTS = st.none() | _TEXTS
_TEASER_VALUES = st.tuples(
    _TEXTS,
    _TEXTS,
    _MAYBE_TEXTS,
    st.integers(min_value=-1, max_value=2**70),
    st.integers(min_value=0, max_value=500),
    _MAYBE_TEXTS,
    st.booleans(),
    _MAYBE_TEXTS,
    _MAYBE_TEXTS,
    st.booleans(),
)


@given(_TEASER_VALUES)
def test_a_record_is_the_one_the_class_makes(values: tuple[object, ...]) -> None:
    made = Records(Teaser).make(*values)
    expected = Teaser(*values)  # type: ignore[arg-type]
    assert type(made) is Teaser
    assert made == expected
    assert hash(made) == hash(expected)
    assert repr(made) == repr(expected)
    assert dataclasses.astuple(made) == values
    assert json.dumps(dataclasses.asdict(made)) == json.dumps(dataclasses.asdict(expected))


def test_the_record_stays_frozen() -> None:
    made = Records(Paragraph).make("p", "Text")
    assert made == Paragraph("p", "Text")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "Other"  # type: ignore[misc]


def test_the_values_must_match_the_fields() -> None:
    records = Records(Paragraph)
    with pytest.raises(TypeError):
        records.make("p")
    with pytest.raises(TypeError):
        records.make("p", "Text", "more")


@dataclasses.dataclass(frozen=True)
class _Unslotted:
    a: int


@dataclasses.dataclass(frozen=True, slots=True)
class _Checked:
    a: int

    def __post_init__(self) -> None:
        if self.a < 0:
            raise ValueError("negative")


@dataclasses.dataclass(frozen=True, slots=True)
class _Derived:
    a: int
    b: int = dataclasses.field(init=False, default=0)


class _Plain:
    __slots__ = ("a",)


@pytest.mark.parametrize("cls", [_Unslotted, _Checked, _Derived, _Plain])
def test_a_class_whose_init_does_more_is_refused(cls: type) -> None:
    with pytest.raises(TypeError):
        Records(cls)


_STATS_VALUES = (3, 5, 0)
_ARTICLE_VALUES = (
    "Title",
    (Paragraph("p", "Text"),),
    "https://example.com/a",
    None,
    ("An Author",),
    "2024-01-02T03:04:05Z",
    None,
    "en",
    "Site",
    None,
    ("tag",),
    None,
)


@pytest.mark.parametrize(
    ("cls", "values"),
    [
        (Article, _ARTICLE_VALUES),
        (TextStats, _STATS_VALUES),
        (Split, (Article(*_ARTICLE_VALUES), (), TextStats(*_STATS_VALUES), "en", "utf_8", ("w",))),
        (Split, (None, (), TextStats(*_STATS_VALUES), None, None, ())),
        (Decoded, ("utf_8", b"<p>x</p>", "")),
    ],
)
def test_the_records_split_makes_are_the_classes_own(
    cls: type[Any], values: tuple[object, ...]
) -> None:
    """The records ``split`` and ``decode`` make in C, their fields given in order."""
    made: Any = Records(cls).make(*values)
    assert type(made) is cls
    assert made == cls(*values)
    assert dataclasses.astuple(made) == dataclasses.astuple(cls(*values))
