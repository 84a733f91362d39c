"""JSON-LD blocks: parsing, flattening, choosing the page's own article object.

Everything here is tolerant: an invalid block is skipped, a value of an
unexpected shape reads as absent. Nothing raises.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from service.extract.metadata_tables import ARTICLE_TYPES, MAX_JSONLD_CHARS
from service.extract.metadata_title import title_key
from service.extract.text import normalize_text
from service.extract.urls import normalize_url

JsonObject = dict[str, object]

_MAX_DEPTH = 6  # @graph in a list in mainEntity is as deep as real pages go
_MAX_VALUE_DEPTH = 4  # a list of objects with a name object is as deep as a value goes
_WRAPPERS = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?://\s*\]\]>|\]\]>|-->)\s*$")
# How a stripped text that ``_WRAPPERS`` matches starts or ends: the pattern is
# tried only then, as trying it at every position of a long block is slow.
_WRAPPER_STARTS = ("<!--", "//", "<![CDATA[")
_WRAPPER_ENDS = ("]]>", "-->")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
# json.loads(text, strict=False) builds a decoder per call; one serves every block.
# Control characters are allowed inside strings: raw newlines are common in blocks.
_DECODER = json.JSONDecoder(strict=False)
_MARKUP = re.compile(r"<[A-Za-z/!]")
# Tags that end a paragraph in an HTML articleBody.
_BLOCK_TAG = re.compile(
    r"<(?:/?(?:p|div|h[1-6]|li|ul|ol|blockquote|pre|figure|section)\b[^>]*|br\s*/?)>", re.I
)
_NESTED_KEYS = ("mainEntity", "mainEntityOfPage")  # where an article hides inside a page object


@dataclass(frozen=True, slots=True)
class JsonLd:
    """The objects of a page's JSON-LD blocks, flattened, in page order."""

    objects: tuple[JsonObject, ...]
    by_id: dict[str, JsonObject]
    """Objects by ``@id``, to follow references such as ``"author": {"@id": "#jane"}``."""
    object_types: tuple[frozenset[str], ...]
    """``types_of`` each of ``objects``, in their order: read once, asked by each search."""

    def resolve(self, value: object) -> object:
        """``value`` with bare ``{"@id": ...}`` references replaced by the objects they name."""
        if isinstance(value, list):
            return [self._resolve_one(item) for item in value]
        return self._resolve_one(value)

    def _resolve_one(self, value: object) -> object:
        if isinstance(value, dict) and "name" not in value:
            ref = value.get("@id")
            if isinstance(ref, str) and ref in self.by_id:
                return self.by_id[ref]
        return value

    def types(self) -> frozenset[str]:
        """Every schema.org type named by an object."""
        return frozenset().union(*self.object_types)

    def first_of_type(self, wanted: frozenset[str]) -> JsonObject | None:
        """The first object with one of the ``wanted`` types."""
        for obj, types in zip(self.objects, self.object_types, strict=True):
            if types & wanted:
                return obj
        return None

    def articles(self) -> list[JsonObject]:
        """The objects typed as a single article, in page order; without any, the
        objects of other types that have a headline (a ``ClaimReview``, a
        ``MedicalWebPage``): they describe the page's content as well."""
        typed = [
            obj
            for obj, types in zip(self.objects, self.object_types, strict=True)
            if types & ARTICLE_TYPES
        ]
        if typed:
            return typed
        return [obj for obj in self.objects if isinstance(obj.get("headline"), str)]


def parse_blocks(texts: Iterable[str]) -> JsonLd:
    """Parse the text of each ``ld+json`` script; invalid blocks are skipped."""
    objects: list[JsonObject] = []
    for text in texts:
        data = _loads(text)
        if data is not None:
            objects.extend(_flatten(data, 0))
    by_id: dict[str, JsonObject] = {}
    for obj in objects:
        ref = obj.get("@id")
        if isinstance(ref, str) and len(obj) > 2:  # more than a reference: a definition
            by_id.setdefault(ref, obj)
    return JsonLd(tuple(objects), by_id, tuple(map(types_of, objects)))


def _loads(text: str) -> object:
    if len(text) > MAX_JSONLD_CHARS:
        return None
    text = text.strip()
    if text.startswith(_WRAPPER_STARTS) or text.endswith(_WRAPPER_ENDS):
        text = _WRAPPERS.sub("", text)
    if not text:
        return None
    try:
        return _DECODER.decode(text)
    except (ValueError, RecursionError):
        pass
    try:  # the one mistake common enough to repair: a comma before a closing bracket
        return _DECODER.decode(_TRAILING_COMMA.sub(r"\1", text))
    except (ValueError, RecursionError):
        return None


def _flatten(data: object, depth: int) -> Iterator[JsonObject]:
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
        return
    if not isinstance(data, dict):
        return
    if "@type" in data:
        yield data
    graph = data.get("@graph")
    if graph is not None:
        yield from _flatten(graph, depth + 1)
    for key in _NESTED_KEYS:
        nested = data.get(key)
        if isinstance(nested, dict | list):
            yield from _flatten(nested, depth + 1)


def types_of(obj: JsonObject) -> frozenset[str]:
    """The object's ``@type`` names without vocabulary prefix ("schema:NewsArticle")."""
    raw = obj.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return frozenset(
        name.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for name in names if isinstance(name, str)
    )


def text_of(value: object) -> str | None:
    """A string value, or the ``name`` / ``@value`` of an object, or the first of a list.

    HTML entities left in the JSON are decoded; the result is normalized text.
    Values nested deeper than real metadata ever is read as absent.
    """
    found = _read_value(value, ("name", "@value"), 0)
    return (normalize_text(html.unescape(found)) or None) if found else None


def texts_of(value: object) -> list[str]:
    """Every string in ``value``: a string, a list of strings or of named objects."""
    if isinstance(value, list):
        return [t for t in map(text_of, value) if t]
    found = text_of(value)
    return [found] if found else []


def names_or_urls(value: object) -> list[str]:
    """Every name in ``value`` as ``texts_of`` reads them, in order; an object without
    a name gives its ``url`` instead (a person declared by a profile page alone)."""
    found: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        text = text_of(item)
        if text is None and isinstance(item, dict):
            url = item.get("url")
            text = html.unescape(url).strip() if isinstance(url, str) else None
        if text:
            found.append(text)
    return found


def person_names(value: object) -> object:
    """``value`` (an object or a list of them) with each object that has no ``name``
    but a ``givenName`` or ``familyName`` given one made of them ("Ana Lima")."""
    if isinstance(value, list):
        return [_person_name(item) for item in value]
    return _person_name(value)


def _person_name(value: object) -> object:
    if isinstance(value, dict) and not value.get("name"):
        parts = [value.get("givenName"), value.get("familyName")]
        name = " ".join(p for p in parts if isinstance(p, str) and p.strip())
        if name:
            return {**value, "name": name}
    return value


def url_of(value: object) -> str | None:
    """A URL given as a string, an object (``url``, ``contentUrl``, ``@id``) or a list."""
    found = _read_value(value, ("url", "contentUrl", "@id"), 0)
    return (html.unescape(found).strip() or None) if found else None


def _read_value(value: object, keys: tuple[str, ...], depth: int) -> str | None:
    """The first non-blank string in ``value``, looking into objects under ``keys``
    (the first key present) and into lists; ``None`` past ``_MAX_VALUE_DEPTH``."""
    if depth > _MAX_VALUE_DEPTH:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, list):
        for item in value:
            found = _read_value(item, keys, depth + 1)
            if found:
                return found
        return None
    if isinstance(value, dict):
        for key in keys:  # the first key present
            if value.get(key):
                return _read_value(value[key], keys, depth + 1)
    return None


def choose_article(
    jsonld: JsonLd, page_urls: frozenset[str], titles: Iterable[str], base: str
) -> JsonObject | None:
    """The article object that describes this page.

    ``page_urls`` are the page's normalized URL and canonical URL, ``titles``
    its other title candidates, ``base`` the URL relative ones resolve against.
    An object whose ``url`` or ``mainEntityOfPage`` is one of the page URLs
    wins, then one whose headline matches a title, then one with a body, then
    the first.
    """
    articles = jsonld.articles()
    if len(articles) <= 1:
        return articles[0] if articles else None
    title_keys = {title_key(t) for t in titles}
    best, best_score = articles[0], -1
    for obj in articles:
        score = 0
        if page_urls & set(declared_urls(obj, base)):
            score += 4
        headline = text_of(obj.get("headline") or obj.get("name"))
        if headline and title_key(headline) in title_keys:
            score += 2
        if isinstance(obj.get("articleBody"), str):
            score += 1
        if score > best_score:
            best, best_score = obj, score
    return best


def declared_urls(obj: JsonObject, base: str) -> tuple[str, ...]:
    """The normalized URLs an object says it lives at: ``url``, ``mainEntityOfPage``, ``@id``."""
    found: list[str] = []
    for key in ("url", "mainEntityOfPage", "@id"):
        raw = url_of(obj.get(key))
        url = normalize_url(raw, base) if raw else None
        if url and url not in found:
            found.append(url)
    return tuple(found)


def body_of(value: object) -> str | None:
    """An ``articleBody`` as text, one paragraph per line, or ``None``.

    Lines of the value are its paragraphs; when it holds HTML, block elements
    (``<p>``, ``<br>``, headings, list items) end paragraphs and the other tags
    are dropped. Each paragraph is normalized text; empty ones are left out.
    """
    if isinstance(value, list):
        value = "\n".join(v for v in value if isinstance(v, str))
    if not isinstance(value, str):
        return None
    if _MARKUP.search(value):
        # Every tag the pattern matches ends with '>': none starts after the last one,
        # and the pattern would scan from each '<p' there to the end of the text.
        end = value.rfind(">") + 1
        text = LexborHTMLParser(_BLOCK_TAG.sub("\n", value[:end]) + value[end:]).text(deep=True)
    else:
        text = html.unescape(value)
    lines = (normalize_text(line) for line in text.splitlines())
    return "\n".join(line for line in lines if line) or None
