"""The extraction core: page bytes, URL and headers in; article and teasers out.

Pure: imports selectolax and the standard library only; knows nothing of
Kafka, HTTP, metrics or the environment.
"""

from service.extract.model import (
    Article,
    Paragraph,
    RefusedPage,
    Split,
    Teaser,
    TextStats,
)
from service.extract.split import Limits, split

__all__ = [
    "Article",
    "Limits",
    "Paragraph",
    "RefusedPage",
    "Split",
    "Teaser",
    "TextStats",
    "split",
]
