"""Data for ``metadata``: which markup declares which field, in order of trust.

Meta keys are lowercased ``property``, ``name``, ``itemprop`` or
``http-equiv`` values; within a tuple the first key that has a usable value
wins. Each entry carries the reason it is there.
"""

from __future__ import annotations

TITLE_METAS: tuple[str, ...] = (
    "og:title",  # OpenGraph, the title the publisher chose for sharing
    "twitter:title",  # Twitter cards, same intent
    "dc.title",  # Dublin Core, used by some CMSs and archives
    "dcterms.title",  # Dublin Core terms, same
    "parsely-title",  # analytics tag that carries the clean headline
    "sailthru.title",  # newsletter tag, also a clean headline
)

DESCRIPTION_METAS: tuple[str, ...] = (
    "og:description",  # OpenGraph summary
    "description",  # classic meta description
    "twitter:description",  # Twitter cards summary
    "dc.description",  # Dublin Core summary
    "dcterms.description",  # Dublin Core terms summary
)

AUTHOR_METAS: tuple[str, ...] = (
    "author",  # classic meta author
    "article:author",  # OpenGraph article author (a name or a profile URL)
    "parsely-author",  # analytics tag, one meta per author
    "sailthru.author",  # newsletter tag
    "dc.creator",  # Dublin Core ("Surname, Given names")
    "dcterms.creator",  # Dublin Core terms, same form
    "byl",  # older newspaper CMSs ("By Jane Doe")
    "cxenseparse:author",  # recommendation engine tag
    "citation_author",  # scholarly metadata on science news pages ("Surname, Given")
)

PUBLISHED_METAS: tuple[str, ...] = (
    "article:published_time",  # OpenGraph article, the standard
    "og:article:published_time",  # a common misspelling of the above
    "datepublished",  # microdata itemprop on a meta
    "article.published",  # some CMSs
    "published_time",  # some CMSs
    "publish-date",  # some CMSs
    "publish_date",  # some CMSs
    "publishdate",  # some CMSs
    "pubdate",  # old HTML5 draft and CMSs
    "parsely-pub-date",  # analytics tag
    "sailthru.date",  # newsletter tag
    "dc.date.issued",  # Dublin Core issued
    "dcterms.issued",  # Dublin Core terms issued
    "dcterms.created",  # Dublin Core terms created
    "dc.date.created",  # Dublin Core created
    "dc.date",  # Dublin Core generic date
    "date",  # generic meta date
    "citation_publication_date",  # scholarly metadata on science news pages
    "og:published_time",  # nonstandard OpenGraph variant
    "cxenseparse:recs:publishtime",  # recommendation engine tag
)

MODIFIED_METAS: tuple[str, ...] = (
    "article:modified_time",  # OpenGraph article, the standard
    "og:updated_time",  # OpenGraph object update time
    "datemodified",  # microdata itemprop on a meta
    "article:updated_time",  # nonstandard OpenGraph variant
    "article.updated",  # some CMSs
    "modified_time",  # some CMSs
    "dcterms.modified",  # Dublin Core terms
    "dc.date.modified",  # Dublin Core
    "last-modified",  # http-equiv copy of the header
    "lastmod",  # sitemap-style meta
)

SITE_NAME_METAS: tuple[str, ...] = (
    "og:site_name",  # OpenGraph site name
)
SITE_NAME_FALLBACK_METAS: tuple[str, ...] = (
    "application-name",  # web app name, usually the brand
    "apple-mobile-web-app-title",  # home-screen name, usually the brand
    "dcterms.publisher",  # Dublin Core terms publisher: the outlet
    "dc.publisher",  # Dublin Core publisher: the outlet
)
# Author metas whose convention is the inverted name, "Surname, Given names";
# one such value is turned around rather than cut at its comma.
INVERTED_NAME_METAS = frozenset(
    {
        "dc.creator",  # Dublin Core, library cataloguing form
        "dcterms.creator",  # Dublin Core terms, same
        "citation_author",  # scholarly metadata, same
    }
)

SECTION_METAS: tuple[str, ...] = (
    "article:section",  # OpenGraph article section
    "parsely-section",  # analytics tag
    "section",  # generic meta
    "articlesection",  # microdata itemprop on a meta
)

TAG_METAS: tuple[str, ...] = (
    "article:tag",  # OpenGraph article tags, one meta per tag
    "parsely-tags",  # analytics tag, comma separated
    "news_keywords",  # news search keywords, comma separated
    "dc.subject",  # Dublin Core subjects, one meta each or comma separated
    "dcterms.subject",  # Dublin Core terms subjects, same
    "keywords",  # classic keywords, comma separated (often noisy: last)
)

IMAGE_METAS: tuple[str, ...] = (
    "og:image",  # OpenGraph image
    "og:image:url",  # OpenGraph image, explicit form
    "og:image:secure_url",  # OpenGraph image, https form
    "twitter:image",  # Twitter cards image
    "twitter:image:src",  # Twitter cards image, older form
    "thumbnailurl",  # microdata itemprop on a meta
)
# <link rel> values naming the page's image, read after the image metas.
IMAGE_LINK_RELS: tuple[str, ...] = (
    "image_src",  # the share image of older share buttons, still in many templates
)

LANGUAGE_METAS: tuple[str, ...] = (
    "content-language",  # http-equiv copy of the header
    "language",  # generic meta
    "dc.language",  # Dublin Core
    "dcterms.language",  # Dublin Core terms
    "og:locale",  # OpenGraph locale ("en_GB")
    "inlanguage",  # microdata itemprop on a meta
)

URL_METAS: tuple[str, ...] = (
    "og:url",  # OpenGraph canonical URL
)

# How a URL names the AMP copy of a page; a canonical link in one of these forms
# (other than the page's own URL) is a template mistake, not the canonical page.
AMP_PATH_SEGMENTS = frozenset({"amp"})  # "/amp/story", "/story/amp/"
AMP_PATH_SUFFIXES: tuple[str, ...] = (".amp", ".amp.html")  # "/story.amp"
AMP_QUERY_WORDS = frozenset({"amp"})  # a parameter named or valued so: "?amp=1", "?outputType=amp"
AMP_HOST_LABELS = frozenset({"amp"})  # "amp.example.org": a host serving the AMP copies

# schema.org types of a single article; a page whose main object has one of
# these is an article page.
ARTICLE_TYPES = frozenset(
    {
        "Article",  # generic article
        "NewsArticle",  # news story
        "ReportageNewsArticle",  # news story, reportage
        "AnalysisNewsArticle",  # news analysis
        "OpinionNewsArticle",  # column, editorial
        "BackgroundNewsArticle",  # explainer
        "ReviewNewsArticle",  # critic's review
        "AskPublicNewsArticle",  # call for reader input
        "BlogPosting",  # blog post
        "LiveBlogPosting",  # live page
        "SocialMediaPosting",  # post
        "Report",  # report
        "ScholarlyArticle",  # science news pages
        "TechArticle",  # technology pages
        "SatiricalArticle",  # satire
        "VideoObject",  # a video page: its own piece of content
        "Review",  # review page
        "Recipe",  # food section article
    }
)

# schema.org types of a page that lists other content.
LISTING_TYPES = frozenset(
    {
        "CollectionPage",  # section, tag or author page
        "ItemList",  # list of items
        "SearchResultsPage",  # search results
        "ProfilePage",  # author page
    }
)

# Types that, on a root or section path, mark a listing (they also appear on
# article pages, next to the article object, so alone they say nothing).
SITE_TYPES = frozenset(
    {
        "WebSite",  # the site itself
    }
)

# schema.org types of an organization. An author object of one of these that
# bears the site's name (the publisher, og:site_name) is the site crediting
# itself, not an author; another organization (a wire agency) stays an author.
ORGANIZATION_TYPES = frozenset(
    {
        "Organization",  # generic organization
        "NewsMediaOrganization",  # a news outlet
        "Corporation",  # a media company
    }
)

# An article object that lives at another URL than the page describes another
# story (a related item's card, a list entry) when less than this share of its
# headline's words appear in each of the page's titles and h1s. An edited
# headline of the page's own story keeps at least half of its words.
OTHER_STORY_MAX_SHARED = 0.5

# The page's Open Graph type, read for its page type and for a video page.
TYPE_METAS: tuple[str, ...] = ("og:type",)
# og:type values.
OG_ARTICLE_TYPES = frozenset({"article", "blog", "video.other", "video.movie"})
OG_LISTING_TYPES = frozenset({"website"})
# A page declares itself a video by og:type "video.*", or when its JSON-LD object
# (the one ``choose_article`` takes) is a video; an article embedding a video
# declares an article object beside the video's, and that one is taken.
OG_VIDEO_PREFIX = "video."
VIDEO_TYPES = frozenset({"VideoObject"})
# A live page (its JSON-LD object is one of these): its entries, each an <article>
# with its own heading, are one story, not a list of posts.
LIVE_TYPES = frozenset({"LiveBlogPosting"})

# A path segment of a section page: short words, no digits ("/news/world").
SECTION_SEGMENT_MAX_CHARS = 24  # slugs of headlines are longer
SECTION_SEGMENT_MAX_HYPHENS = 2  # "middle-east" yes, "iran-president-visits" no
SECTION_PATH_MAX_SEGMENTS = 2  # "/news/world" yes, "/news/world/europe/story" no

# Separators between a title and the site's name.
TITLE_SEPARATORS: tuple[str, ...] = (
    " | ",  # "Headline | Site"
    " - ",  # "Headline - Site"
    " \u2013 ",  # en dash
    " \u2014 ",  # em dash
    " :: ",  # some CMSs
    " · ",  # middle dot
    " • ",  # bullet
    " » ",  # guillemet
    " / ",  # slash
    ": ",  # "Site: Headline" (prefix only)
    "_",  # "Headline_Channel_Site", common in Chinese page titles
)
# A visible h1 and a declared title are one headline, edited, when each has
# at least this share of the other's words (and the h1 has enough words for
# the share to mean something).
SAME_HEADLINE_SHARE = 0.7
SAME_HEADLINE_MIN_WORDS = 5
# A declared title of at most this many words is a label (a section, a kind of
# story), not a headline, when the page shows a heading of SAME_HEADLINE_MIN_WORDS.
LABEL_TITLE_MAX_WORDS = 2
MAX_SITE_NAME_STRIPS = 3  # "Headline_Site | Site": site names come at most this often
# Without a known site name, a last title segment this short, after one of
# these separators, is taken as the site's name. Dashes are left out:
# headlines use them between clauses.
UNNAMED_SITE_SEPARATORS: tuple[str, ...] = (" | ", " :: ", " • ")
UNNAMED_SITE_MAX_WORDS = 4  # "The Daily Example" yes, a clause of the headline no
# Once the site's name is cut after one of UNNAMED_SITE_SEPARATORS, a last
# segment of at most this many words after another is the section the
# template names between headline and site ("Headline | World | Site").
SECTION_SEGMENT_MAX_WORDS = 3  # "Middle East", "Arts & Culture"; a clause is longer
# A title part still names the site when it is the site's name plus a few
# characters ("BBC News" for "bbc"), or a start of it at least this long.
SITE_NAME_SLACK_CHARS = 12
SITE_NAME_MIN_PREFIX_CHARS = 4
# A site's name may open with an article its host leaves out ("The Daily
# Example" at dailyexample.com): the host's name with the article is a name too.
HOST_NAME_ARTICLES: tuple[str, ...] = ("the",)

# A page that declares no site name still shows it: a name at one end of its
# title is the site's when the logo (an image linking to the home page) has it
# as its alt text, or the copyright line names it.
LEARNED_SITE_MAX_WORDS = 6  # "The Riverside Courier"; a longer part is the headline's
COPYRIGHT_MARKS: tuple[str, ...] = (
    "\u00a9",  # the sign, "&copy;"
    "copyright",  # the word, "Copyright 2004 ..."
)
COPYRIGHT_MAX_CHARS = 200  # a copyright line, not a paragraph that mentions one

# Elements a page shows its byline and date line in, when it declares neither:
# searched around the story's h1 (``metadata_markup.texts_near_heading``), as
# lowercased substrings of the class or id.
VISIBLE_BYLINE_NAMES: tuple[str, ...] = (
    "byline",  # the usual byline wrapper
    "author",  # author name, author link
    "autor",  # idem in Spanish, Portuguese, German, Polish
    "auteur",  # idem in French, Dutch
    "muhabir",  # Turkish "reporter"
    "yazar",  # Turkish "author"
    "szerzo",  # Hungarian "author" ("szerző" as a class name)
)
# Path segments of a link to an author's page ("/authors/ben-carter"): a link near the
# headline to such a page, its text a person's name, is the byline of a page that names
# none ("<a href='/authors/ben-carter'>Ben Carter</a> Mar 13, 2026 · 6 min read").
AUTHOR_PAGE_SEGMENTS: tuple[str, ...] = (
    "/author/",
    "/authors/",
    "/autor/",
    "/autoren/",
    "/autores/",
    "/auteur/",
    "/auteurs/",
    "/autore/",
    "/autori/",
    "/journalist/",
    "/journalisten/",
    "/redakteur/",
    "/columnist/",
    "/columnists/",
    "/staff/",
)
VISIBLE_DATE_NAMES: tuple[str, ...] = (
    "date",  # date line, publish-date, dateline
    "time",  # timestamp, time (a reading time is no date and is not parsed)
    "fecha",  # Spanish
    "datum",  # German, Dutch
    "tarih",  # Turkish
    "data",  # Portuguese, Italian (a data table's text is no date and is not parsed)
    "publish",  # published-on, publish-info
    "posted",  # posted-on (blogs)
)
# Words that start a shown date line giving the time of the last change, not
# of publication. Matched case-insensitively.
VISIBLE_UPDATED_WORDS: tuple[str, ...] = (
    "updated",  # English
    "last updated",  # English
    "last modified",  # English
    "mis à jour",  # French
    "modifié",  # French "modified"
    "actualisé",  # French
    "aktualisiert",  # German
    "stand",  # German "as of"
    "actualizado",  # Spanish
    "atualizado",  # Portuguese
    "aggiornato",  # Italian
    "bijgewerkt",  # Dutch
    "aktualizováno",  # Czech "updated"
    "aktualizované",  # Slovak "updated"
    "수정",  # Korean "modified"
    "aktualizacja",  # Polish "update"
    "güncellenme",  # Turkish "update"
    "güncelleme",  # Turkish "update"
    "обновлено",  # Russian "updated"
    "оновлено",  # Ukrainian "updated"
    "अपडेटेड",  # Hindi "updated"
    "আপডেট",  # Bengali "update"
    "更新",  # Japanese, Chinese "updated"
    "diperbarui",  # Indonesian "updated"
    "cập nhật",  # Vietnamese "updated"
    "آخر تحديث",  # Arabic "last update"
    "अपडेट",  # Hindi "update"
    "atjaunots",  # Latvian "updated"
)
VISIBLE_DATE_TAGS: tuple[str, ...] = (
    "time",  # a <time> without a datetime attribute: its text is the date
)

# Bylines and date lines shown right after the headline in elements named as
# neither (``metadata_lines``), read when nothing else gives an author or a time.
LINE_BYLINE_WORDS: tuple[str, ...] = (
    "by",  # English
    "posted by",  # blogs
    "written by",  # blogs, magazines
    "interview by",  # magazines ("Interview by Ann Lee")
    "analysis by",  # news sites ("Analysis by Ann Lee")
    "reporting by",  # news sites ("Reporting by Ann Lee")
    "words by",  # magazines ("Words by Ann Lee")
    "par",  # French
    "von",  # German (the names after it must look like a person's)
    "por",  # Spanish, Portuguese
    "di",  # Italian
    "door",  # Dutch
    "autor",  # Polish, Czech, Spanish, Portuguese, German ("Autor: Marta Nowak")
    "yazan",  # Turkish "written by" ("Yazan: Mehmet Demir")
    "автор",  # Russian, Ukrainian ("Автор: Анна Смирнова")
    "oleh",  # Indonesian, Malay "by" ("Oleh Dewi Lestari")
    "लेखक",  # Hindi "writer"
    "โดย",  # Thai "by" ("โดย สมชาย ใจดี")
    "نویسنده",  # Persian "writer"
    "作者",  # Chinese "author" (with a fullwidth colon)
    "記者",  # Japanese "reporter" before the name (Korean and Japanese also write it after)
)
# Elements that start a line of their own; <time> is one because bylines set
# the time beside the name ("By Ann Lee | <time>...</time>").
LINE_BLOCKS = frozenset(
    {
        "div",  # generic block
        "p",  # paragraph
        "li",  # list item
        "ul",  # list
        "ol",  # list
        "section",  # section
        "header",  # header of the article
        "footer",  # footer of the header
        "time",  # a time beside the name
        "address",  # author's contact block
        "dl",  # definition list of facts
        "dt",  # fact label
        "dd",  # fact value
        "h2",  # subheading
        "h3",  # subheading
        "h4",  # subheading
        "h5",  # subheading
        "h6",  # subheading
        "table",  # layout table
        "tr",  # layout row
        "td",  # layout cell
        "br",  # line break
    }
)
# Elements whose text is no byline.
LINE_SKIPPED = frozenset(
    {
        "figure",  # image and its credit ("Photo by ...")
        "figcaption",  # caption and credit
        "script",  # code
        "style",  # code
        "noscript",  # fallback markup
        "template",  # unrendered markup
        "svg",  # icon
        "nav",  # navigation
        "aside",  # related items, ads
        "button",  # controls ("Follow")
        "form",  # controls
        "select",  # controls
        "h1",  # another headline
    }
)
# Inline elements whose texts set side by side with no separator are parts of
# their line each ("<span>12 March 2026</span><span>By Ann Lee</span>"): a line
# that reads as neither a byline nor a date is read again part by part when it
# is set in these alone.
LINE_INLINE = frozenset(
    {
        "span",  # generic inline
        "a",  # author link
        "b",  # bold date or name
        "strong",  # idem
        "em",  # italic date or name
        "i",  # idem
        "small",  # small print date
        "font",  # older layouts
        "abbr",  # an abbreviated month or zone
        "cite",  # a source or author
    }
)
LINE_MAX_LINES = 8  # a byline sits within the first lines after the headline
LINE_BEFORE_MAX_LINES = 2  # a date set above the headline is next to it (a kicker beside)
# Elements of a page's banner: a date of the day set after them, above the headline in
# its parent, is the masthead's, not the story's (so is one after a home page's link).
MASTHEAD_SELECTOR = "nav, [role=navigation], [role=banner]"
LINE_PROSE_CHARS = 100  # a line this long is the story's prose: the byline is above it
LINE_PAST_PROSE_MAX_LINES = 4  # past a standfirst, the story's byline and date line come next
# A link of this many words beside a date element is an item's headline (a teaser's, a
# "Latest" strip's), not a byline's author link; the date is that item's.
LINE_ITEM_HEADLINE_WORDS = 4
# A block of at most this many links beside a date is an item's strip ("Latest:" and a
# link or two), whose links' addresses may name the item's headline; a block of more
# short links is a menu, its addresses sections.
LINE_ITEM_STRIP_MAX_LINKS = 3

# Byline words before a name. English "by" may follow a word or two
# ("Analysis by", "Reporting by"); the others are matched as written,
# lowercase, because capitalized they begin names ("Von Miller", "Di Stefano").
AUTHOR_PREFIXES_ENGLISH: tuple[str, ...] = ("by", "By", "BY")
AUTHOR_PREFIXES_OTHER: tuple[str, ...] = (
    "von",  # German
    "par",  # French
    "Par",  # French, capitalized at the start of a byline
    "por",  # Spanish, Portuguese
    "Por",  # Spanish, Portuguese, capitalized
    "di",  # Italian
    "door",  # Dutch
    "Door",  # Dutch, capitalized
    "av",  # Swedish, Norwegian ("Av Karin Lindqvist": lowercased when capitalized)
    "af",  # Danish ("Af Mette Jensen")
)
# Byline words only as written, lowercase, and before a capitalized name of two words
# or more: capitalized, or before a surname alone, they begin names ("De La Cruz",
# "de Vries"). Also byline words of shown lines (``metadata_lines``).
AUTHOR_PREFIXES_LOWERCASE: tuple[str, ...] = (
    "de",  # Romanian ("de Andrei Popescu")
)
# Words after one of those byline words, capitalized, that make it the start of a name
# ("De La Cruz", "De Los Santos"); before another capitalized name of two words or more
# it is the byline word in a shown byline ("De Andrei Popescu"). Compared lowercased.
NAME_PARTICLES: tuple[str, ...] = (
    "la",  # Spanish, French, Italian ("De La Cruz", "De La Fontaine")
    "las",  # Spanish ("De Las Casas")
    "los",  # Spanish ("De Los Santos")
    "le",  # French ("De Le Court")
    "lo",  # Spanish, Italian ("De Lo Bianco")
)
# Roles written after the name, as Korean and Japanese bylines do ("김민준 기자",
# with or without a space): dropped from the name. Longer forms first.
AUTHOR_ROLE_SUFFIXES: tuple[str, ...] = (
    "선임기자",  # Korean "senior reporter"
    "기자",  # Korean "reporter"
    "특파원",  # Korean "correspondent"
    "통신원",  # Korean "stringer"
    "논설위원",  # Korean "editorial writer"
    "記者",  # Japanese "reporter"
    "特派員",  # Japanese "correspondent"
)
# Words of a job title or an organization: a comma part of a byline holding
# one ("Jane Doe, Staff Writer", "Jane Doe, CNN Business") is not a name.
AUTHOR_NOT_NAME_WORDS = frozenset(
    {
        "writer",  # "AP Auto Writer"
        "reporter",  # job title
        "correspondent",  # job title
        "editor",  # job title
        "editor-at-large",  # job title
        "staff",  # "Staff Writer", "HNN Staff"
        "contributor",  # job title
        "columnist",  # job title
        "producer",  # job title
        "business",  # "CNN Business", "Business Insider"
        "news",  # outlet names
        "media",  # outlet names
        "press",  # outlet names
        "insider",  # outlet names
        "magazine",  # outlet names
        "times",  # outlet names
        "post",  # outlet names
        "agency",  # wire agencies
        "bureau",  # "News Bureau"
    }
)
# Author values that are CMS accounts, not people.
AUTHOR_PLACEHOLDERS = frozenset(
    {
        "admin",  # CMS default account
        "administrator",  # CMS default account
        "webmaster",  # site account
        "root",  # system account
        "user",  # placeholder
        "guest",  # placeholder
        "гость",  # placeholder, Russian "guest"
        "anonymous",  # placeholder
        "unknown",  # placeholder
    }
)
# Joints between several author names in one string.
AUTHOR_JOINTS: tuple[str, ...] = (
    " and ",  # English
    " & ",  # everywhere
    ";",  # lists
    " | ",  # lists
    " und ",  # German
    " et ",  # French
    " y ",  # Spanish
    " e ",  # Portuguese, Italian
    " și ",  # Romanian, comma below
    " şi ",  # Romanian, cedilla (older encodings)
)
AUTHOR_MAX_CHARS = 80  # longer is a sentence, not a name
AUTHOR_MAX_WORDS = 6  # likewise

# Tag values that are a CMS's internal flags, not topics: they start with one
# of these, or hold an underscore ("ctp_video", "_no-apple-news").
INTERNAL_TAG_STARTS: tuple[str, ...] = (
    "@",  # routing flags ("@hp-top-stories")
    "_",  # hidden flags
    "/",  # paths ("/article")
)
# Labels some CMSs put before a tag ("Category: Moon", "topic: Politics").
TAG_LABELS: tuple[str, ...] = ("category", "topic", "tag", "section")

MAX_AUTHORS = 20  # longer author lists are staff directories
MAX_TAGS = 30  # keyword lists beyond this are SEO stuffing
MAX_TAG_CHARS = 80  # a longer "tag" is a sentence
MAX_TITLE_CHARS = 400  # a longer declared "title" is a description or stuffing
MAX_H1_CANDIDATES = 5  # pages with more h1 use them for teasers
MAX_JSONLD_CHARS = 2_000_000  # larger blocks are data dumps, not page metadata
