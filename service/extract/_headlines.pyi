"""The linked headlines in a body's member counted in C (``_headlines.pyx``)."""

from collections.abc import Collection

from selectolax.lexbor import LexborNode

class LinkedHeadlines:
    def __init__(self, headings: Collection[str], link: str, target: bytes) -> None: ...
    def count(self, member: LexborNode, subheadings: frozenset[int]) -> int: ...
