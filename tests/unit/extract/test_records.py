"""_records.Records: records of a frozen, slotted dataclass made in C."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.extract._records import Records
from service.extract.model import Paragraph, Teaser

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
