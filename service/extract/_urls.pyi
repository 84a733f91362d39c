"""Whether a URL is in its normal form already, read in C (``_urls.pyx``)."""

from collections.abc import Callable, Iterable

class NormalForm:
    def __init__(
        self,
        *,
        url_bytes: bytes,
        tracking_params: Iterable[str],
        tracking_prefixes: Iterable[str],
        whole: Callable[[str, str], str | None],
    ) -> None: ...
    def holds(self, url: str) -> bool: ...
    def normalize(self, href: str, base: str) -> str | None: ...
