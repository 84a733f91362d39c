"""The first reading of a page's links for headlines, in C (``_links.pyx``)."""

from selectolax.lexbor import LexborNode

class LinkScan:
    def __init__(
        self,
        spaces: str,
        headings: tuple[str, ...],
        images: tuple[str, ...],
        inline: tuple[str, ...],
        holder_depth: int,
        fewest_words: int,
        most_words: int,
        counted_chars: int,
        story_words: int,
        story_path_chars: int,
        slug_joiners: int,
    ) -> None: ...
    def scan(
        self, root: LexborNode, holders: set[int]
    ) -> tuple[list[str], list[tuple[LexborNode, str, int, str]]]: ...
    def alone(self, link: LexborNode) -> bool: ...
