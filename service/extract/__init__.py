"""The extraction core: page bytes, URL and headers in; article and teasers out.

Pure: imports selectolax, charset-normalizer, python-dateutil and the standard
library; knows nothing of Kafka, HTTP, metrics or the environment. Its modules,
stage by stage: ``README.md`` here.
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
