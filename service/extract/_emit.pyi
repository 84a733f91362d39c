"""The body's emission of paragraphs in C (``_emit.pyx``)."""

from collections.abc import Callable, Iterable, Sequence
from re import Pattern
from typing import Any

from selectolax.lexbor import LexborNode

from service.extract._words import Literals
from service.extract.openings import Openings
from service.extract.text import CaselessPattern

class Emitter:
    def __init__(
        self,
        *,
        folds_as_ascii: int,
        normalize: Callable[[str], str],
        widgets: Sequence[tuple[Pattern[str], tuple[tuple[str, ...], ...], str]],
        pre: Callable[[Any, str, int, Iterable[LexborNode], bool], str | None],
        heading: Callable[[Any, str, Any, bool], Any],
        stop_block: CaselessPattern,
        titled_stop_block: CaselessPattern,
        stop_gates: Literals,
        stop_bit: int,
        titled_bit: int,
        stop_cased_gate: tuple[str, ...],
        max_stop_chars: int,
        max_titled_stop_chars: int,
        drop_gates: Literals,
        gated: Sequence[tuple[int, CaselessPattern]],
        drops: Sequence[CaselessPattern],
        openings: tuple[Sequence[Openings], Sequence[Openings]],
        max_drop_chars: int,
        consent_gate: tuple[str, ...],
        consent_chars: int,
        opens_with_consent: Callable[[str], bool],
        short_block_chars: int,
        short_max_link_density: float,
        max_link_density: float,
        too_linked: Callable[[str, int, Iterable[LexborNode], Any], bool],
        glued: Callable[[str, list[str]], bool],
        paragraph: Callable[[Any, str], Any],
        bold_alone: Callable[[LexborNode], LexborNode | None],
        max_signature_chars: int,
    ) -> None: ...
    def emit(
        self,
        reader: Any,
        text: str,
        link_chars: int,
        kind: str,
        holders: Iterable[LexborNode] = (),
        label: bool = False,
        parts: list[str] | None = None,
    ) -> int: ...
    def is_boilerplate(self, text: str) -> bool: ...
    def has_consent_literal(self, text: str) -> bool: ...
    def is_stop_block(self, text: str, heading: bool) -> bool: ...
