"""Records of a frozen, slotted dataclass made in C (``_records.pyx``)."""

from typing import Generic, TypeVar

_T = TypeVar("_T")

class Records(Generic[_T]):
    def __init__(self, cls: type[_T]) -> None: ...
    def make(self, *values: object) -> _T: ...
