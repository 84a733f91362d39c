"""The extraction core's result types.

Everything the core returns is one of these frozen dataclasses; the edges turn
them into output records (``service.records``). Times are ISO 8601 strings in
UTC (``2026-02-04T09:30:00Z``) or ``None``; URLs are absolute and normalized.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ParagraphKind = Literal["p", "h", "li", "quote", "pre"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One block of the article body, in reading order."""

    kind: ParagraphKind
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """The page's main article."""

    title: str
    paragraphs: tuple[Paragraph, ...]
    url: str
    """Canonical URL (``<link rel=canonical>``, og:url, else the page URL)."""
    description: str | None = None
    authors: tuple[str, ...] = ()
    published_at: str | None = None
    modified_at: str | None = None
    language: str | None = None
    site_name: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    image: str | None = None

    @property
    def body(self) -> str:
        """The paragraphs' text joined by blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
class Teaser:
    """One item promoting another piece of content."""

    title: str
    url: str
    block: str | None
    """The block's label, from its heading or markup ("Related", "Most read"),
    or ``inline-related`` for a promo inside the article body."""
    block_index: int
    """Index of the teaser's block among the page's blocks, in page order."""
    position: int
    """Index of the teaser among all the page's teasers, in page order."""
    snippet: str | None = None
    truncated: bool = False
    image: str | None = None
    published_at: str | None = None
    sponsored: bool = False


@dataclass(frozen=True, slots=True)
class TextStats:
    """How the page's visible text was divided, in characters."""

    article_chars: int
    teaser_chars: int
    dropped_chars: int


@dataclass(frozen=True, slots=True)
class Split:
    """The result of splitting one page."""

    article: Article | None
    teasers: tuple[Teaser, ...]
    stats: TextStats
    language: str | None = None
    charset: str | None = None
    warnings: tuple[str, ...] = field(default=())
    """Each one of ``SPLIT_WARNINGS``, in the order they arose."""


# Every warning a split can carry. A stage that fails is skipped and the page split
# without it ("<stage>_failed": a bug, as is a dead letter split_error); the others
# say where an unusual result came from.
SPLIT_WARNINGS = (
    "metadata_failed",  # metadata could not be read: the article has none
    "teasers_failed",  # teaser detection failed: the page has no teasers
    "body_failed",  # the body reader failed: the body, if any, is from structured data
    "page_state_failed",  # a script-built page's state could not be read
    "gallery_failed",  # a gallery's captions could not be read
    "notice_page",  # the page stands in for a story (consent wall, soft 404): no article
    "body_from_jsonld",  # no body shown: the article's body is JSON-LD's articleBody
    "body_from_page_state",  # no body shown: the article's body is a script's page state
)


class RefusedPage(Exception):
    """The page cannot be split; ``reason`` is a short machine-readable word.

    Reasons: ``page_too_large`` (over the byte budget), ``node_budget`` (over
    the element budget), ``not_html`` (binary or empty content).
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
