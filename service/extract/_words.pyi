"""Word lists matched in C (``_words.pyx``)."""

from collections.abc import Iterable, Mapping

FOLDS_AS_ASCII: int

class Literals:
    def __init__(
        self,
        groups: Iterable[Iterable[str]],
        forms: Mapping[str, str],
        caseless: Iterable[tuple[int, int]],
    ) -> None: ...
    def find(self, text: str, /) -> int: ...
