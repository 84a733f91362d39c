"""The extraction core's entry point: one page in, its article and teasers out.

Order of work: decode the bytes (``decode``), check the element budget
(``budget``), parse once, read metadata while scripts are still in the tree
(``metadata``), remove invisible content (``clean``), find teasers and take
them out of the tree (``teasers``), remove page chrome, find the body
(``article``), and combine.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import article, clean
from service.extract import body_tables as t
from service.extract._records import Records
from service.extract._tree import ancestors
from service.extract.budget import check_elements
from service.extract.decode import Decoded, decode
from service.extract.gallery import gallery_captions
from service.extract.metadata import Metadata, read_metadata
from service.extract.model import Article, Paragraph, RefusedPage, Split, Teaser, TextStats
from service.extract.page_state import state_body
from service.extract.teaser_items import is_listing_url, is_story_url
from service.extract.teasers import TeaserScan, find_teasers
from service.extract.text import (
    FOLDED,
    folded_length,
    normalize_text,
    weighted_length,
)
from service.extract.urls import normalize_url, resolve_base


@dataclass(frozen=True, slots=True)
class Limits:
    """Budgets that bound the work spent on one page."""

    max_bytes: int = 10 * 1024 * 1024
    max_nodes: int = 200_000


log = logging.getLogger(__name__)
_T = TypeVar("_T")
# The records a page's split makes, made in C (``Records``, as the teasers' are): a
# frozen dataclass's __init__ sets each field through ``object.__setattr__``.
_ARTICLES = Records(Article)
_STATS = Records(TextStats)
_SPLITS = Records(Split)
# What a failed stage leaves, made once: both are frozen and hold no mutable value.
_NO_METADATA = Metadata()
_NO_TEASERS = TeaserScan((), (), 0)


def _guarded(stage: str, warnings: list[str], call: Callable[[], _T], fallback: _T) -> _T:
    """``call()``, or ``fallback`` and a warning when it fails: a defect in one
    stage must not lose the rest of the page, nor break ``split``'s contract."""
    try:
        return call()
    except RefusedPage:
        raise
    except Exception:
        log.warning("the %s stage failed; the page is split without it", stage, exc_info=True)
        warnings.append(f"{stage}_failed")
        return fallback


def _visible_chars(root: LexborNode | None) -> int:
    """Characters of the visible text, whitespace folded (as ``normalize_text`` folds it).

    Counted by a walk of the text nodes in C; text of bytes that are not valid
    UTF-8 is counted as decoded (each bad byte a replacement character).
    """
    if root is None:
        return 0
    chars = FOLDED.of(root)
    if chars < 0:
        return folded_length(root.text(separator=" ", skip_empty=True))
    return chars


def _is_article(body: article.Body, meta: Metadata, teaser_chars: int, page_url: str) -> bool:
    """Whether the page is an article page rather than a listing of other stories.

    On a page of undeclared type, a short body among many teasers is an article
    when the page's own URL is a story's URL echoing the title (a news brief); one
    whose URL is a tag, topic or author page's is held to a declared listing's
    length (a topic page's description above its cards). A page declared an
    article on a home or section path whose body is an intro among more teaser
    text is a listing: the declaration is its template's.
    """
    chars = body.chars
    outweighed = (
        chars < teaser_chars * t.MIN_TEASER_SHARE and len(body.paragraphs) < t.MIN_PARAGRAPHS
    )
    if meta.page_type == "article":
        return chars > 0 and not (meta.on_section_path and outweighed)
    if meta.page_type == "listing" or (meta.page_type is None and is_listing_url(page_url)):
        return chars >= t.MIN_LISTING_BODY_CHARS
    if chars < t.MIN_ARTICLE_CHARS and _weighted_chars(body.paragraphs) < t.MIN_ARTICLE_CHARS:
        return False
    return not outweighed or is_story_url(page_url, meta.title or "")


def _is_story_page(meta: Metadata, page_url: str) -> bool:
    """Whether the page is a story's by its declaration or its URL (a story's URL echoing
    the title): a page state's object, unlike a JSON-LD article, declares no type, and
    a listing's state may hold its own title and description as a "story"."""
    return meta.page_type == "article" or (
        meta.page_type is None and is_story_url(page_url, meta.title or "")
    )


def _is_notice_headline(text: str | None) -> bool:
    text = normalize_text(text or "")
    if not text or len(text) > t.MAX_NOTICE_HEADLINE_CHARS:
        return False
    return any(pattern.search(text) for pattern, _ in t.NOTICE_HEADLINES)


def _is_notice(body: article.Body, meta: Metadata, headline: str | None) -> bool:
    """Whether the page stands in for a story: an error page, a removal notice, a bot
    check, a consent or subscription wall. Its headline says so (the first ``<h1>``,
    the title, or a heading opening the body), and its body is a notice's length."""
    if body.chars > t.MAX_NOTICE_CHARS:
        return False
    opening = body.paragraphs[0] if body.paragraphs else None
    return (
        _is_notice_headline(headline)
        or _is_notice_headline(meta.title)
        or (opening is not None and opening.kind == "h" and _is_notice_headline(opening.text))
    )


def _without_headline(
    paragraphs: tuple[Paragraph, ...], title: str | None
) -> tuple[Paragraph, ...]:
    """``paragraphs`` without those that repeat the title: a first one is a
    headline set in bold text rather than in ``<h1>``, as old layouts do; a later
    one the title bar of a slideshow set inside the body, above its counter.
    Short lines before the first copy (``KICKER_MAX_WORDS``) are the headline's
    kicker, and go with it."""
    if not title:
        return paragraphs
    # A copy of the title is as long as it, whatever its case: paragraphs of
    # another length are not case-folded (folding every paragraph cost more).
    size = len(title)
    folded = title.casefold()
    copies = [len(p.text) == size and p.text.casefold() == folded for p in paragraphs]
    if not any(copies):
        return paragraphs
    first = copies.index(True)
    if any(len(p.text.split()) > t.KICKER_MAX_WORDS for p in paragraphs[:first]):
        first = 0
    return tuple(p for p, copy in zip(paragraphs[first:], copies[first:], strict=True) if not copy)


def _parse(decoded: Decoded) -> LexborHTMLParser:
    """The page's tree, parsed from its own UTF-8 bytes when it has them (the parser
    would otherwise encode the decoded text back to UTF-8 first)."""
    return LexborHTMLParser(decoded.markup)


def _chars(paragraphs: tuple[Paragraph, ...]) -> int:
    return sum(len(p.text) for p in paragraphs)


def _weighted_chars(paragraphs: tuple[Paragraph, ...]) -> int:
    """Characters of ``paragraphs``, each CJK character counted ``CJK_CHAR_WEIGHT`` times."""
    return sum(weighted_length(p.text) for p in paragraphs)


def _captions(decoded: Decoded) -> tuple[Paragraph, ...]:
    tree = _parse(decoded)
    clean.clean_tree(tree)
    return gallery_captions(tree.body) if tree.body is not None else ()


def _jsonld_paragraphs(text: str) -> tuple[Paragraph, ...]:
    parts = (normalize_text(part) for part in text.replace("\r", "").split("\n"))
    return tuple(Paragraph("p", part) for part in parts if part)


def _article(paragraphs: tuple[Paragraph, ...], meta: Metadata, url: str) -> Article:
    return _ARTICLES.make(  # Article's fields in their order
        meta.title or "",
        paragraphs,
        meta.canonical_url or url,
        meta.description,
        meta.authors,
        meta.published_at,
        meta.modified_at,
        meta.language,
        meta.site_name,
        meta.section,
        meta.tags,
        meta.image,
    )


def split(
    body: bytes,
    url: str,
    headers: Mapping[str, str] | None = None,
    limits: Limits = Limits(),
    fetched_at: datetime | None = None,
) -> Split:
    """Split one page into its main article and teasers.

    ``headers`` has lowercased names. ``fetched_at``, when known, dates the
    story and the teasers that show a span back ("2 hours ago") rather than a
    date. Raises ``RefusedPage`` (over ``limits.max_bytes`` bytes or
    ``limits.max_nodes`` elements, or not HTML) and nothing else.
    """
    decoded = decode(body, headers or {}, limits.max_bytes)
    check_elements(decoded.markup, limits.max_nodes)
    tree = _parse(decoded)
    root = tree.root
    if root is None:
        raise RefusedPage("not_html", "no document")
    page_url = normalize_url(url, url) or url
    warnings: list[str] = []
    language = (headers or {}).get("content-language")
    meta = _guarded(
        "metadata",
        warnings,
        lambda: read_metadata(tree, page_url, language, fetched_at),
        _NO_METADATA,
    )
    # The markup's walk found the page's first <base href>: no query of its own.
    base = meta.base if meta.base is not None else resolve_base(tree, page_url)
    # Whether cleaning left a caption for a gallery (below), asked on a story's page alone
    # (declared an article, or undeclared at a story's address).
    story_page = _is_story_page(meta, page_url)
    cleaned = clean.clean_tree(tree, captions=story_page)
    some_caption = cleaned.marked
    # The visible text's length and the body's first <h1>, as cleaning's walk saw
    # them (the length counted again where a text is not UTF-8). The parser makes
    # one <body>, so its first <h1> is the document's first "body h1". Teaser
    # detection changes no element, so it is still the first when the teasers
    # are removed.
    total = cleaned.visible_chars
    if total < 0:
        total = _visible_chars(tree.body)
    first_h1 = cleaned.headline
    headline = first_h1.text() if first_h1 is not None else None
    scan = _guarded(
        "teasers",
        warnings,
        lambda: find_teasers(root, base, fetched_at=fetched_at, language=meta.language),
        _NO_TEASERS,
    )
    teasers: tuple[Teaser, ...] = scan.teasers
    # The elements holding an article page's headline: a teaser never holds the page's
    # own headline, so none of them is removed as one.
    keep = (
        ancestors(first_h1) if meta.page_type == "article" and first_h1 is not None else frozenset()
    )
    clean.detach([node for node in scan.nodes if node.mem_id not in keep])
    found: article.Body | None = None
    if tree.body is not None:
        clean.remove_chrome(tree.body, cleaned.chrome)
        page_body = tree.body
        subheadings = frozenset(node.mem_id for node in scan.subheadings)
        found = _guarded(
            "body",
            warnings,
            lambda: article.find_body(
                page_body,
                meta.description,
                subheadings,
                meta.video_page,
                meta.live_page,
                meta.title if first_h1 is None else None,  # the headline is the <h1>
            ),
            None,
        )
    paragraphs: tuple[Paragraph, ...] = ()
    notice = found is not None and _is_notice(found, meta, headline)
    if notice:
        warnings.append("notice_page")
    elif found is not None and _is_article(found, meta, scan.text_chars, page_url):
        paragraphs = _without_headline(found.paragraphs, meta.title)
    if (
        not paragraphs
        and meta.page_type != "listing"
        and (declared := _guarded("metadata", warnings, lambda: meta.jsonld_body, None))
    ):
        paragraphs = _jsonld_paragraphs(declared)
        warnings.append("body_from_jsonld")
    if not paragraphs and meta.state and not notice and story_page:
        # A script-built page that sent its story only in its page state.
        state = _guarded("page_state", warnings, lambda: state_body(meta.state, meta.title), None)
        if state:
            paragraphs = state
            warnings.append("body_from_page_state")
    if story_page and some_caption and not notice and _chars(paragraphs) < t.MAX_ESSAY_INTRO_CHARS:
        # A gallery or a photo essay: its captions carry the story, after a
        # short intro if any. Chrome removal took them, so the page is parsed
        # again, on this rare path alone, and cleaned as the first tree was: not
        # when cleaning left that tree no caption.
        none: tuple[Paragraph, ...] = ()
        captions = _guarded("gallery", warnings, lambda: _captions(decoded), none)
        if _chars(captions) > _chars(paragraphs):
            known = {p.text for p in paragraphs}
            paragraphs = (*paragraphs, *(c for c in captions if c.text not in known))
    result = _article(paragraphs, meta, page_url) if paragraphs else None
    article_chars = _chars(paragraphs)
    stats = _STATS.make(  # article_chars, teaser_chars, dropped_chars
        article_chars,
        scan.text_chars,
        max(0, total - article_chars - scan.text_chars),
    )
    return _SPLITS.make(  # Split's fields in their order
        result, teasers, stats, meta.language, decoded.charset, tuple(warnings)
    )
