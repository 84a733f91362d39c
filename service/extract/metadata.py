"""Page metadata from the markup that declares it: meta tags, JSON-LD, microdata.

``read_metadata`` runs on the parsed tree before any cleaning. Each field is
taken from the first source that gives a usable value, in the order of trust
set by the tables of ``metadata_tables``; JSON-LD means the page's own article
object (``metadata_jsonld.choose_article``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Literal
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract._markup import NamedElements, Tags
from service.extract._records import Records
from service.extract.bold_lines import BOLD_LINES, bold_alone
from service.extract.metadata_authors import clean_authors, reads_as_person, uninvert
from service.extract.metadata_jsonld import (
    JsonLd,
    JsonObject,
    body_of,
    choose_article,
    declared_urls,
    names_or_urls,
    parse_blocks,
    person_names,
    text_of,
    texts_of,
    types_of,
    url_of,
)
from service.extract.metadata_lines import UPDATED_LINE, ShownLines, byline_and_time
from service.extract.metadata_markup import (
    Markup,
    collect_markup,
    texts_near_heading,
    time_near_heading,
)
from service.extract.metadata_profiles import ProfileNames, is_profile_url
from service.extract.metadata_shown import learned_site_name, title_element
from service.extract.metadata_tables import (
    AMP_HOST_LABELS,
    AMP_PATH_SEGMENTS,
    AMP_PATH_SUFFIXES,
    AMP_QUERY_WORDS,
    ARTICLE_TYPES,
    AUTHOR_METAS,
    AUTHOR_PAGE_SEGMENTS,
    AUTHOR_PREFIXES_LOWERCASE,
    AUTHOR_PREFIXES_OTHER,
    DESCRIPTION_METAS,
    HOST_NAME_ARTICLES,
    IMAGE_METAS,
    INTERNAL_TAG_STARTS,
    INVERTED_NAME_METAS,
    LANGUAGE_METAS,
    LISTING_TYPES,
    LIVE_TYPES,
    MAX_H1_CANDIDATES,
    MAX_TAG_CHARS,
    MAX_TAGS,
    MAX_TITLE_CHARS,
    MODIFIED_METAS,
    NAME_PARTICLES,
    OG_ARTICLE_TYPES,
    OG_LISTING_TYPES,
    OG_VIDEO_PREFIX,
    ORGANIZATION_TYPES,
    OTHER_STORY_MAX_SHARED,
    PUBLISHED_METAS,
    SAME_HEADLINE_MIN_WORDS,
    SECTION_METAS,
    SECTION_PATH_MAX_SEGMENTS,
    SECTION_SEGMENT_MAX_CHARS,
    SECTION_SEGMENT_MAX_HYPHENS,
    SITE_NAME_FALLBACK_METAS,
    SITE_NAME_METAS,
    SITE_TYPES,
    TAG_LABELS,
    TAG_METAS,
    TITLE_METAS,
    TYPE_METAS,
    URL_METAS,
    VIDEO_TYPES,
    VISIBLE_BYLINE_NAMES,
    VISIBLE_DATE_NAMES,
    VISIBLE_DATE_TAGS,
)
from service.extract.metadata_title import choose_title, title_key
from service.extract.text import normalize_text
from service.extract.urls import base_url, normalize_url

PageType = Literal["article", "listing"]

_LANGUAGE = re.compile(
    r"([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|\d{3}))?(?:[-_]|$)"
)
_TAG_LABEL = re.compile(r"^(?:" + "|".join(TAG_LABELS) + r")\s*:\s*", re.IGNORECASE)
# A declared tag list's tags, split and read in C: keyword lists separate them by
# either of ``separators``; a part longer than ``max_part_chars`` is not a tag,
# whatever its spacing; a tag is not empty, not a sentence, not a CMS's internal flag
# ("@home", "ctp_video", "/article"), and holds a letter.
_TAGS = Tags(
    separators=",;",
    max_splits=MAX_TAGS * 2,
    max_part_chars=4 * MAX_TAG_CHARS,
    max_chars=MAX_TAG_CHARS,
    most=MAX_TAGS,
    internal_starts=INTERNAL_TAG_STARTS,
    internal_chars="_",
    normalize=normalize_text,
    unlabel=partial(_TAG_LABEL.sub, ""),  # "Category: Moon": the only tags a label can start
)
_LATER_TAG_KEYS = tuple((key,) for key in TAG_METAS[1:])  # after the JSON-LD keywords
_WORDS = re.compile(r"[^\W_]+")
_WEBPAGE_TYPES = frozenset({"WebPage", "ItemPage"})


_PERSON_MIN_WORDS = 2  # a given name and a family name
# Bylines and date lines are elements named so in a class or an id, searched around
# the headline (``texts_near_heading``).
_NAME_ATTRIBUTES = ("class", "id")
_BYLINE_ELEMENTS = NamedElements(VISIBLE_BYLINE_NAMES, _NAME_ATTRIBUTES, ())
_AUTHOR_LINKS = NamedElements(AUTHOR_PAGE_SEGMENTS, ("href",), ())
_DATE_ELEMENTS = NamedElements(VISIBLE_DATE_NAMES, _NAME_ATTRIBUTES, VISIBLE_DATE_TAGS)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a page declares about itself. Absent values are ``None`` or empty.

    Times are ISO 8601 UTC (``dates.parse_date``); URLs are absolute and
    normalized (``urls.normalize_url``); ``language`` is a BCP 47 tag with a
    lowercase primary subtag, an optional title-case script and an optional
    uppercase region ("en", "pt-BR", "zh-Hant-TW").
    """

    title: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    published_at: str | None = None
    modified_at: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = field(default=())
    image: str | None = None
    page_type: PageType | None = None
    on_section_path: bool = False
    """The page's URL (canonical, else its own) is a home or section page's path
    ("/", "/news/world"), where a declared article type may be a template's default."""
    article_body: object = None
    """The ``articleBody`` of the page's JSON-LD article as declared (a text, a list of
    texts, HTML): read as text by ``jsonld_body``, when the visible page has no body."""
    state: tuple[str, ...] = ()
    """The page-state blobs of a script-built page (``<script type="application/json">``),
    unparsed: read by ``page_state`` only when the visible page has no body."""
    video_page: bool = False
    """The page declares itself a video (og:type ``video.*``, or its JSON-LD
    object is a video): the text beside the player is its story."""
    live_page: bool = False
    """The page's JSON-LD object is a live page's (``LiveBlogPosting``): its
    entries are one story."""
    base: str | None = field(default=None, compare=False)
    """The URL the page's relative links resolve against (``urls.resolve_base``),
    from the first ``<base href>`` the markup's walk found: not a declared value."""

    @property
    def jsonld_body(self) -> str | None:
        """The ``articleBody`` of the page's JSON-LD article: one paragraph per line
        (``body_of``). Read on use: a page whose visible body is found never reads it."""
        return body_of(self.article_body)


def read_metadata(
    tree: LexborHTMLParser,
    page_url: str,
    header_language: str | None = None,
    fetched_at: datetime | None = None,
) -> Metadata:
    """The metadata ``tree`` declares; ``page_url`` resolves relative URLs. Never raises
    on odd markup: a source that cannot be read is skipped. ``header_language`` is the
    response's Content-Language, the language when the page declares none.
    ``fetched_at``, when known, dates a story that shows a span back beside its
    headline ("3 hours ago") rather than a date."""
    markup = collect_markup(tree)
    base = base_url(markup.base_href, page_url)
    jsonld = parse_blocks(markup.jsonld)
    page = normalize_url(page_url, page_url)
    canonical = _canonical(markup, base, page)
    declared_titles = [*markup.all(TITLE_METAS), *markup.title]
    page_urls = frozenset(u for u in (page, canonical) if u)
    article = choose_article(jsonld, page_urls, declared_titles, base)
    if article is not None:
        declared = declared_urls(article, base)
        if _is_other_story(article, declared, page_urls, [*declared_titles, *markup.headings]):
            article = None  # a related story's object, in a teaser or a list
        elif declared and not page_urls & set(declared) and _is_section_path(canonical or page):
            article = None  # a home or section page describing a story it links to
        elif canonical is None and declared:
            canonical = declared[0]
    site_names = _site_names(markup, jsonld, article)
    title = _title(markup, article, site_names, page_url)
    heading = _story_heading(markup, site_names)
    if heading is None:  # an older layout's headline: bold text, a classed div, an h2
        if not site_names and (learned := learned_site_name(tree.body, title)):
            site_names = [learned]  # the logo's or the copyright line's name, in the title
            title = _title(markup, article, site_names, page_url)
        heading = title_element(tree.body, title)
    if heading is None and not markup.headings:
        # An older page's headline set as a bold line alone: the headings are those,
        # and one is the title when the title holds it (with the site's name and
        # sections after it) or there is no title.
        bold = _title(markup, article, site_names, page_url, _bold_lines(tree.body, title))
        if (
            bold is not None
            and bold != title
            and (not title or bold.casefold() in title.casefold())
        ):
            title, heading = bold, title_element(tree.body, bold)
    language = _language(markup, article, jsonld, header_language)
    lines = ShownLines(heading, language, fetched_at, page_urls)
    dated_texts: list[tuple[LexborNode, str]] | None = None

    def dated() -> list[tuple[LexborNode, str]]:
        """The date elements beside the headline, read on first use: both times read them."""
        nonlocal dated_texts
        if dated_texts is None:
            dated_texts = list(texts_near_heading(heading, _DATE_ELEMENTS))
        return dated_texts

    published = _date(markup, article, jsonld, "datePublished", PUBLISHED_METAS, dated, lines)
    modified = _date(markup, article, jsonld, "dateModified", MODIFIED_METAS, dated, lines)
    types = types_of(article) if article is not None else frozenset()
    return _METADATA.make(  # Metadata's fields in their order
        title,
        _first(markup.first(DESCRIPTION_METAS), _ld_text(article, "description")),
        _authors(markup, jsonld, article, heading, lines, ProfileNames(tree, base), site_names),
        published,
        _modified(published, modified),
        language,
        canonical,
        site_names[0] if site_names else None,
        _section(markup, article),
        _tags(markup, article),
        _image(markup, jsonld, article, base),
        _page_type(markup, jsonld, types, canonical or page),
        _is_section_path(canonical or page),
        article.get("articleBody") if article is not None else None,
        tuple(markup.state),
        _is_video_page(markup, types),
        bool(types & LIVE_TYPES),
        base,
    )


# The page's record made in C (``Records``): a frozen dataclass's ``__init__`` sets each
# of its eighteen fields through ``object.__setattr__``.
_METADATA = Records(Metadata)


def _first(*values: str | None) -> str | None:
    for value in values:  # a loop: a generator left unfinished is closed at a cost
        if value:
            return value
    return None


def _ld_text(obj: JsonObject | None, key: str) -> str | None:
    return text_of(obj.get(key)) if obj is not None else None


def _canonical(markup: Markup, base: str, page: str | None) -> str | None:
    amp_copies: set[str | None] | None = None
    for href in [*markup.canonical, *markup.all(URL_METAS)]:
        url = normalize_url(href, base)
        if url is None:
            continue
        if url == page:
            return url
        if page is not None and urlsplit(url).path == "/" and urlsplit(page).path != "/":
            continue  # a canonical pointing at the home page is a template mistake
        if amp_copies is None:
            amp_copies = {normalize_url(h, base) for h in markup.amphtml}
        if url in amp_copies or _is_amp_url(url):
            continue  # a canonical pointing at the page's AMP copy, likewise
        return url
    return None


def _is_amp_url(url: str) -> bool:
    """Whether ``url`` has the form of an AMP copy ("/amp/story", "story.amp", "?amp=1")."""
    parts = urlsplit(url)
    path = parts.path.lower()
    host = (parts.hostname or "").split(".")
    return (
        any(segment in AMP_PATH_SEGMENTS for segment in path.split("/"))
        or path.endswith(AMP_PATH_SUFFIXES)
        or host[0] in AMP_HOST_LABELS
        or any(
            word.lower() in AMP_QUERY_WORDS
            for pair in parts.query.split("&")
            for word in pair.split("=", 1)
        )
    )


def _is_other_story(
    article: JsonObject, declared: tuple[str, ...], page_urls: frozenset[str], titles: list[str]
) -> bool:
    """Whether ``article`` describes another story than the page: it lives at another
    path, and few of its headline's words are in any of the page's ``titles``
    (declared titles and h1s). Without a headline or titles to compare, it is the page's."""
    if not declared or page_urls & set(declared):
        return False
    page_paths = {urlsplit(u).path.rstrip("/") for u in page_urls}
    if any(urlsplit(u).path.rstrip("/") in page_paths for u in declared):
        return False  # the page at another host: mobile, AMP or CDN copies
    headline = _ld_text(article, "headline") or _ld_text(article, "name")
    words = set(_WORDS.findall(headline.casefold())) if headline else set()
    if not words or not titles:
        return False
    return all(
        len(words & set(_WORDS.findall(title.casefold()))) < OTHER_STORY_MAX_SHARED * len(words)
        for title in titles
    )


def _site_names(markup: Markup, jsonld: JsonLd, article: JsonObject | None) -> list[str]:
    """Every name the page declares for its site, most trusted first; URLs and handles left out."""
    publisher = jsonld.resolve(article.get("publisher")) if article is not None else None
    website = jsonld.first_of_type(SITE_TYPES)
    names = [
        *markup.all(SITE_NAME_METAS),
        text_of(publisher),
        *markup.all(SITE_NAME_FALLBACK_METAS),
        _ld_text(website, "name"),
    ]
    return [
        name
        for name in names
        if name and not name.lower().startswith(("http:", "https:", "www.", "@"))
    ]


def _section(markup: Markup, article: JsonObject | None) -> str | None:
    """The first section named; a list in one string ("News, Europe") gives its first."""
    value = _first(markup.first(SECTION_METAS), _ld_text(article, "articleSection"))
    if value is None:
        return None
    return normalize_text(value.split(",")[0]) or None


def _bold_lines(body: LexborNode | None, title: str | None) -> list[str]:
    """The page's bold lines alone in a ``<div>`` ("<div><b>Headline</b></div>"), the
    first ``MAX_H1_CANDIDATES``: an older page's headings. Without a ``title`` only
    those of ``SAME_HEADLINE_MIN_WORDS`` words or more (a menu's bold entries are short)."""
    lines: list[str] = []
    for bold in BOLD_LINES.find(body) if body is not None else ():
        text = normalize_text(bold.text(deep=True, separator=" "))
        line = bold.parent
        if not text or len(text) > MAX_TITLE_CHARS or line is None:
            continue
        if bold_alone(line) is None:
            continue
        if title or len(_WORDS.findall(text)) >= SAME_HEADLINE_MIN_WORDS:
            lines.append(text)
            if len(lines) >= MAX_H1_CANDIDATES:
                break
    return lines


def _title(
    markup: Markup,
    article: JsonObject | None,
    site_names: list[str],
    page_url: str,
    headings: list[str] | None = None,
) -> str | None:
    headline = _ld_text(article, "headline")
    candidates = [
        *markup.all(TITLE_METAS[:1]),
        *([headline] if headline else []),
        *markup.props.get("headline", [])[:1],
        *markup.all(TITLE_METAS[1:]),
        *markup.title,
    ]
    # An h1 linking to a home page is the site's name (a blog's name above its post).
    homes = set(markup.home_h1s)
    if headings is None:
        headings = [heading for heading in markup.headings if heading not in homes]
    return choose_title(candidates, headings, [*site_names, *homes], _host_names(page_url))


def _host_names(page_url: str) -> list[str]:
    """Names a site may go by, from its host: "example.co.uk" -> "example.co.uk", "example"
    and "the example" (``HOST_NAME_ARTICLES``)."""
    try:
        host = urlsplit(page_url).hostname or ""
    except ValueError:  # "http://[::1": no address; ``split`` reads such a page all the same
        return []
    labels = [label for label in host.split(".") if label != "www"]
    if len(labels) < 2:
        return []
    second_level = len(labels) > 2 and len(labels[-2]) <= 3  # "co.uk", "com.br"
    name = labels[-3] if second_level else labels[-2]
    return [".".join(labels), name, *(f"{article} {name}" for article in HOST_NAME_ARTICLES)]


def _story_heading(markup: Markup, site_names: list[str]) -> LexborNode | None:
    """The story's h1, beside which a byline and a date line are shown: the first
    that is not a link nor the site's name (both are the site's logo). Without
    one, the element whose text is the title is the heading (``title_element``)."""
    names = {name.casefold() for name in site_names}
    for text, node in markup.story_h1s:
        if text.casefold() not in names:
            return node
    return None


def _authors(
    markup: Markup,
    jsonld: JsonLd,
    article: JsonObject | None,
    heading: LexborNode | None,
    lines: ShownLines,
    profiles: ProfileNames,
    site_names: list[str],
) -> tuple[str, ...]:
    for source in _author_sources(markup, jsonld, article, site_names):
        if not source:
            continue  # a source not declared gives no names
        names = clean_authors(_named_profiles(source, profiles))
        if names:
            return names
    return (
        _visible_authors(heading)
        or lines.get().authors
        or (lines.past_prose().authors if lines.past_prose_read() else ())
    )


def _named_profiles(values: list[str], profiles: ProfileNames) -> list[str]:
    """``values`` with each profile URL replaced by the name the page's link to it
    shows, or dropped when no link names it."""
    if not any(is_profile_url(v) for v in values):
        return values
    named = (profiles.name_of(v) if is_profile_url(v) else v for v in values)
    return [v for v in named if v]


def _visible_authors(heading: LexborNode | None) -> tuple[str, ...]:
    """The names in the first byline shown beside the headline that holds any; else
    the names of the links to authors' pages beside it (``AUTHOR_PAGE_SEGMENTS``),
    each a person's name of two words or more, on a page that names no byline."""
    for _, text in texts_near_heading(heading, _BYLINE_ELEMENTS):
        byline = _lowercase_byline_word(byline_and_time(text)[0])
        names = tuple(n for n in clean_authors([byline]) if reads_as_person(n, min_words=1))
        if names:
            return names
    linked = [text for node, text in texts_near_heading(heading, _AUTHOR_LINKS) if node.tag == "a"]
    return tuple(n for n in clean_authors(linked) if reads_as_person(n, min_words=2))


def _lowercase_byline_word(byline: str) -> str:
    """``byline`` with a capitalized byline word at its start lowercased ("Von Anna
    Lehmann"), for ``clean_authors`` to remove it: in a shown byline it is the
    word, not the start of a name, when a name of two words or more follows it
    ("Von Miller" stays a name), and a word that begins names when capitalized
    when no particle follows it ("De Andrei Popescu"; "De La Cruz" stays)."""
    first, _, rest = byline.partition(" ")
    word = first.lower()
    names = rest.split()
    if (
        word != first
        and len(names) >= _PERSON_MIN_WORDS
        and (
            word in AUTHOR_PREFIXES_OTHER
            or (word in AUTHOR_PREFIXES_LOWERCASE and names[0].lower() not in NAME_PARTICLES)
        )
    ):
        return f"{word} {rest}"
    return byline


def _author_sources(
    markup: Markup, jsonld: JsonLd, article: JsonObject | None, site_names: list[str]
) -> Iterator[list[str]]:
    """Declared author values, most trusted first; later ones are read only if needed."""
    if article is not None:
        site_keys = {k for k in map(title_key, site_names) if k}
        for key in ("author", "creator"):
            people = _not_the_site(jsonld.resolve(article.get(key)), site_keys)
            names = names_or_urls(person_names(people))
            if names:
                yield names
                break
    for key in AUTHOR_METAS:
        values = markup.all((key,))
        yield [uninvert(v) for v in values] if key in INVERTED_NAME_METAS else values
    yield markup.props.get("author", [])
    yield markup.author_links


def _not_the_site(value: object, site_keys: set[str]) -> object:
    """``value`` (an author object or a list of them) without the organizations
    (``ORGANIZATION_TYPES``) named as the site: the site crediting itself."""
    items = value if isinstance(value, list) else [value]
    return [
        item
        for item in items
        if not (
            isinstance(item, dict)
            and types_of(item) & ORGANIZATION_TYPES
            and title_key(text_of(item) or "") in site_keys
        )
    ]


def _modified(published: str | None, modified: str | None) -> str | None:
    """``modified`` unless it is before ``published``: a page cannot change before it
    appears, so one of the two is wrong, and the publication time is the more trusted
    (the story is then not known to have changed). Both are ISO 8601 UTC strings of
    one length, which compare in time order."""
    if published and modified and modified < published:
        return None
    return modified


def _date(
    markup: Markup,
    article: JsonObject | None,
    jsonld: JsonLd,
    ld_key: str,
    meta_keys: tuple[str, ...],
    dated: Callable[[], list[tuple[LexborNode, str]]],
    lines: ShownLines,
) -> str | None:
    for value in _date_values(markup, article, jsonld, ld_key, meta_keys, dated, lines):
        parsed = lines.time(value) if value else None
        if parsed:
            return parsed
    return None


def _date_values(
    markup: Markup,
    article: JsonObject | None,
    jsonld: JsonLd,
    ld_key: str,
    meta_keys: tuple[str, ...],
    dated: Callable[[], list[tuple[LexborNode, str]]],
    lines: ShownLines,
) -> Iterator[str | None]:
    """Declared values for a date, most trusted first; later ones are looked up only if needed."""
    published = ld_key == "datePublished"
    if article is not None:
        yield text_of(article.get(ld_key))
        if published:
            yield text_of(article.get("uploadDate"))  # a VideoObject's publication
    yield from markup.all(meta_keys)
    yield from markup.props.get(ld_key.lower(), [])
    if published:
        yield from markup.pubdates
    webpage = jsonld.first_of_type(_WEBPAGE_TYPES)
    if webpage is not None:
        yield text_of(webpage.get(ld_key))
    if published:
        yield time_near_heading(
            markup, lambda node: lines.another_items(node, True), lines.page_urls
        )
    # Shown, not declared: a date line beside the headline that is a date alone;
    # one that starts with an update word ("Updated ...") gives the modified time.
    # One past the story's first line of prose is another item's (a related story's,
    # a comment's) more often than the story's, and so is one in a block with an
    # item's headline link: a plain date line beside the headline comes before it.
    # Another item's "Updated" element there is that item's change, never the story's.
    further: list[str] = []
    for node, text in dated():
        if (UPDATED_LINE.match(text) is None) != published:
            continue
        if not published and lines.in_another_item(node):
            continue
        if lines.further_down(node) or lines.another_items(node, published):
            further.append(text)
        else:
            yield text
    # Plain lines after the headline, past its standfirst, then above it.
    shown = lines.get()
    yield shown.published if published else shown.updated
    if published or lines.past_prose_read():
        past = lines.past_prose()
        yield past.published if published else past.updated
    above = lines.above()
    yield above.published if published else above.updated
    yield from further


def normalize_language(tag: str) -> str | None:
    """``tag`` as lowercase primary, title-case script, uppercase region ("pt_br" -> "pt-BR").

    ``None`` for what is not a language tag, or the undetermined "und". Of a
    list ("en, fr", as Content-Language allows), the first.
    """
    match = _LANGUAGE.match(tag.split(",", 1)[0].strip())
    if match is None:
        return None
    primary, script, region = match.groups()
    primary = primary.lower()
    if primary in ("und", "mul", "zxx"):
        return None
    parts = [primary]
    if script:
        parts.append(script.title())
    if region:
        parts.append(region.upper())
    return "-".join(parts)


def _language(
    markup: Markup, article: JsonObject | None, jsonld: JsonLd, header: str | None
) -> str | None:
    for value in _language_values(markup, article, jsonld, header):
        language = normalize_language(value)
        if language:
            return language
    return None


def _language_values(
    markup: Markup, article: JsonObject | None, jsonld: JsonLd, header: str | None
) -> Iterator[str]:
    """Declared languages, most trusted first; later ones are read only if needed. The
    header comes last: servers send one value for a whole site, whatever the page."""
    yield from markup.lang
    yield from markup.all(LANGUAGE_METAS)
    yield from markup.props.get("inlanguage", [])
    objects = [article, *jsonld.objects[:8]] if article is not None else jsonld.objects[:8]
    for obj in objects:
        declared = obj.get("inLanguage")
        if isinstance(declared, dict):  # a Language object: its code is the alternate name
            declared = declared.get("alternateName") or declared.get("name")
        yield text_of(declared) or ""
    if header:
        yield header


def _tags(markup: Markup, article: JsonObject | None) -> tuple[str, ...]:
    """The tags of the first declared list that gives any (``_TAGS``), most trusted
    first; later lists are read only if needed."""
    tags = _TAGS.of(markup.all(TAG_METAS[:1]))
    if not tags and article is not None:
        tags = _TAGS.of(texts_of(article.get("keywords")))
    for key in _LATER_TAG_KEYS:
        if tags:
            break
        tags = _TAGS.of(markup.all(key))
    return tags


def _image(markup: Markup, jsonld: JsonLd, article: JsonObject | None, base: str) -> str | None:
    for value in _image_values(markup, jsonld, article):
        url = normalize_url(value, base) if value else None
        if url:
            return url
    return None


def _image_values(markup: Markup, jsonld: JsonLd, article: JsonObject | None) -> Iterator[str]:
    """Declared image URLs, most trusted first; the JSON-LD one is read only if needed."""
    yield from markup.all(IMAGE_METAS)
    yield from markup.image_links
    if article is not None:
        yield url_of(jsonld.resolve(article.get("image"))) or ""


def _page_type(
    markup: Markup, jsonld: JsonLd, types: frozenset[str], url: str | None
) -> PageType | None:
    """ "article" for an article object or og:type, "listing" for a listing type or a
    site-wide type on a home or section path, else ``None``. og:type article on
    the home page is a template default, not a signal. ``types`` are those of the
    page's article object (``types_of``), empty without one."""
    if types & ARTICLE_TYPES:
        return "article"
    og_type = (markup.first(TYPE_METAS) or "").lower()
    if og_type in OG_ARTICLE_TYPES and not (url and urlsplit(url).path == "/"):
        return "article"
    declared = jsonld.types()
    if declared & LISTING_TYPES:
        return "listing"
    if (og_type in OG_LISTING_TYPES or declared & SITE_TYPES) and _is_section_path(url):
        return "listing"
    return None


def _is_video_page(markup: Markup, types: frozenset[str]) -> bool:
    """Whether the page declares itself a video rather than an article that embeds one
    (``types``: its article object's, as ``_page_type`` takes them)."""
    if (markup.first(TYPE_METAS) or "").lower().startswith(OG_VIDEO_PREFIX):
        return True
    return bool(types & VIDEO_TYPES)


def _is_section_path(url: str | None) -> bool:
    """Whether ``url``'s path looks like a home or section page ("/", "/news/world")."""
    if url is None:
        return False
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if len(segments) > SECTION_PATH_MAX_SEGMENTS:
        return False
    return all(
        len(s) <= SECTION_SEGMENT_MAX_CHARS
        and s.count("-") <= SECTION_SEGMENT_MAX_HYPHENS
        and not any(ch.isdigit() for ch in s)
        and "." not in s
        for s in segments
    )
