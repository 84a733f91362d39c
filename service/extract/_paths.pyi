"""A link target's path read in C (``_paths.pyx``)."""

from collections.abc import Iterable

def url_key(url: str) -> str: ...

class Paths:
    def __init__(
        self,
        *,
        story_path_chars: int,
        slug_joiners: int,
        id_digits: int,
        year_centuries: Iterable[str],
        non_story_segments: Iterable[str],
        echo_chars: int,
        service_path_chars: int,
        service_words: Iterable[str],
        service_fillers: Iterable[str],
    ) -> None: ...
    def path(self, href: str) -> str: ...
    def is_story(self, href: str, text: str) -> bool: ...
    def is_listing(self, href: str) -> bool: ...
    def has_story_id_or_date(self, href: str) -> bool: ...
    def is_service(self, href: str) -> bool: ...
