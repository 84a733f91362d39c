"""The output contract: article and teaser records, their ids and their JSON.

Records are described by ``service/schemas/article.v1.json`` and
``teaser.v1.json``. Ids are stable: the same page gives the same ids, so a
downstream store can upsert.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

import orjson

from service.extract import Paragraph, Split, TextStats
from service.extract.urls import normalize_url

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Source:
    """Where the page event came from. Offline runs have no topic or partition; their
    offset is the input line number."""

    topic: str | None
    partition: int | None
    offset: int | None
    fetched_at: str | None


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """The page's main article."""

    id: str
    page_url: str
    source: Source
    extracted_at: str
    title: str
    body: str
    paragraphs: tuple[Paragraph, ...]
    url: str
    description: str | None
    language: str | None
    published_at: str | None
    modified_at: str | None
    authors: tuple[str, ...]
    site_name: str | None
    section: str | None
    tags: tuple[str, ...]
    image: str | None
    text_stats: TextStats
    crawl_id: str | None
    site: str | None
    schema_version: int = SCHEMA_VERSION
    type: Literal["article"] = "article"


@dataclass(frozen=True, slots=True)
class TeaserRecord:
    """One teaser: an item on the page promoting another piece of content."""

    id: str
    page_url: str
    source: Source
    extracted_at: str
    title: str
    url: str
    snippet: str | None
    truncated: bool
    image: str | None
    published_at: str | None
    block: str | None
    block_index: int
    position: int
    sponsored: bool
    crawl_id: str | None
    site: str | None
    schema_version: int = SCHEMA_VERSION
    type: Literal["teaser"] = "teaser"


Record = ArticleRecord | TeaserRecord


def record_id(kind: str, page_url: str, target: str = "") -> str:
    """A stable id: a hash of the record type, the page URL and the teaser's target."""
    digest = hashlib.blake2b(f"{kind}\n{page_url}\n{target}".encode(), digest_size=16)
    return digest.hexdigest()


def utc_now() -> str:
    """The current time as an RFC 3339 UTC string with second precision."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def build_records(
    split: Split,
    page_url: str,
    source: Source,
    *,
    crawl_id: str | None = None,
    site: str | None = None,
    extracted_at: str | None = None,
) -> list[Record]:
    """The records of one split page: the article first (if any), then teasers in page order."""
    page = normalize_url(page_url, page_url) or page_url
    when = extracted_at or utc_now()
    out: list[Record] = []
    art = split.article
    if art is not None:
        out.append(
            ArticleRecord(
                id=record_id("article", page),
                page_url=page,
                source=source,
                extracted_at=when,
                title=art.title,
                body=art.body,
                paragraphs=art.paragraphs,
                url=art.url,
                description=art.description,
                language=art.language or split.language,
                published_at=art.published_at,
                modified_at=art.modified_at,
                authors=art.authors,
                site_name=art.site_name,
                section=art.section,
                tags=art.tags,
                image=art.image,
                text_stats=split.stats,
                crawl_id=crawl_id,
                site=site,
            )
        )
    for t in split.teasers:
        out.append(
            TeaserRecord(
                id=record_id("teaser", page, t.url),
                page_url=page,
                source=source,
                extracted_at=when,
                title=t.title,
                url=t.url,
                snippet=t.snippet,
                truncated=t.truncated,
                image=t.image,
                published_at=t.published_at,
                block=t.block,
                block_index=t.block_index,
                position=t.position,
                sponsored=t.sponsored,
                crawl_id=crawl_id,
                site=site,
            )
        )
    return out


def encode_record(record: Record) -> bytes:
    """The record as compact JSON (the one place records are encoded)."""
    return orjson.dumps(record)
