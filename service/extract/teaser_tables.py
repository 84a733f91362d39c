"""Heuristic tables for teaser detection, each entry with the reason it is there.

Class/id tokens are matched by ``teasers._tokens``: an entry of six characters
or more matches anywhere inside a class name with its ``-``/``_`` removed
("related" matches ``related-articles__list``); a shorter entry must equal one
``-``/``_``-separated part of a class name or the id ("card" matches
``c-card__title``, "tag" does not match ``tag-iran``), and so must an entry
written with a leading ``=`` ("=native" does not match ``alternativeHeadline``).
The algorithm lives in
``teasers.py``; nothing here names a site or a domain.
"""

from __future__ import annotations

import re

from service.extract.dates_tables import SPAN_BACK_CLOSERS, SPAN_BACK_OPENERS, YESTERDAY_WORDS
from service.extract.text import CaselessPattern, first_char_alternation, opening_pairs

# Tokens of items and blocks that promote stories.
CARD_TOKENS: dict[str, str] = {
    "card": "the usual name of a story tile",
    "cards": "a grid of story tiles",
    "teaser": "the editorial term for a promo of another story",
    "promo": "a promoted story box",
    "story": "a story item in a list",
    "stories": "a list of story items",
    "item": "an entry of a story list",
    "tile": "a story tile in a grid",
    "post": "an entry of a blog-style list",
    "entry": "an entry of a blog-style list",
    "related": "related stories",
    "headline": "a list of headlines",
    "article-list": "a list of articles",
    "articlelist": "a list of articles",
    "newslist": "a list of news items",
    "news": "a news item or list",
    "feed": "a feed of stories",
    "river": "a river of stories",
    "recirc": "recirculation modules promote other stories",
}

# Tokens that mark a block's subject when it has no heading: token -> label.
BLOCK_LABEL_TOKENS: dict[str, tuple[str, str]] = {
    "related": ("Related", "related stories"),
    "mostread": ("Most read", "most read list"),
    "mostviewed": ("Most read", "most viewed list is the same idea"),
    "mostpopular": ("Most read", "most popular list is the same idea"),
    "popular": ("Most read", "popular list"),
    "trending": ("Trending", "trending list"),
    "latest": ("Latest", "latest news"),
    "recent": ("Latest", "recent posts"),
    "recommend": ("Recommended", "recommended stories"),
    "morefrom": ("More from", "more from the section or author"),
    "moreby": ("More from", "more by the same author"),
    "moreon": ("More on this", "more on the same subject"),
    "editorspick": ("Editor's picks", "editors' picks"),
    "topstories": ("Top stories", "top stories"),
}

# Class parts of an element that labels the list after it: read as the block's label
# only before a branch holding two items or more, since inside a card the same names
# mark a kicker ("<span class="label">Opinion</span>" above one headline).
LIST_LABEL_PARTS: dict[str, str] = {
    "label": "a ticker's or row's label: <span class=\"ticker-label\">Breaking news</span>",
}

# Tokens of regions whose links are not teasers (checked up to the item's block).
EXCLUDE_TOKENS: dict[str, str] = {
    "breadcrumb": "breadcrumb trail",
    "crumbs": "breadcrumb trail",
    "tags": "tag list",
    "taglist": "tag list",
    "=topics": "topic links (whole part: 'hottopics' may hold stories)",
    "keywords": "keyword links",
    "social": "social buttons",
    "share": "share buttons",
    "sharing": "share buttons",
    "pagination": "page numbers",
    "pager": "page numbers",
    "=comment": "comment area and prompts (whole part: 'commentary' is opinion)",
    "comments": "comment area and prompts",
    "commentform": "comment form",
    "byline": "author links",
    "authorbox": "author box",
    "authorbio": "author biography",
    "newsletter": "newsletter sign-up",
    "subscribe": "subscription prompts",
    "cookie": "cookie notices",
    "consent": "consent notices",
    "shop": "shop products",
    "product": "shop products",
    "price": "shop products",
    "coupon": "coupons",
    "voucher": "coupons",
    "deals": "deal and coupon boxes",
    "job": "job ads",
    "jobs": "job ads",
    "career": "job ads",
    "vacancy": "job ads",
    "appstore": "app download promos",
    "apppromo": "app download promos ('app' alone is a page wrapper's id)",
    "appbanner": "app download banners",
    "download": "app download promos",
    "login": "account links",
    "legal": "legal links",
    "copyright": "legal line",
    "skiplink": "accessibility skip links",
}

# Tokens of author boxes (photo, name, biography): excluded like the above, unless the
# element's tokens also name a block of stories ("more-from-author", "author-latest")
# or a list of them (``AUTHOR_STORIES_TOKENS``).
AUTHOR_TOKENS: dict[str, str] = {
    "=author": "author boxes (whole part: 'coauthored' holds it)",
}
# Tokens that, beside an author token, name a list of the author's stories rather than
# the box (an author page's "author-stories" below the photo and bio).
AUTHOR_STORIES_TOKENS: dict[str, str] = {
    "stories": "the author's stories ('author-stories')",
    "articles": "the author's articles ('author-articles')",
    "posts": "the author's posts on a blog ('author-posts')",
    "feed": "the author's feed of stories ('author-feed')",
    "archive": "the author's archive of stories ('author-archive')",
}

# Tokens of a slider's copies of its own slides: a looping carousel sets copies of its
# last slides before the first (and of the first after the last). A copy is read like
# hidden content, so that each story stands at its real slide.
CLONE_TOKENS: dict[str, str] = {
    "cloned": "a copied slide ('slick-cloned', an owl carousel's 'cloned')",
    "slideclone": "a copied slide ('glide__slide--clone', 'splide__slide--clone')",
    "slideduplicate": "a copied slide ('swiper-slide-duplicate')",
}

# Tokens of navigation and menus: only story cards inside them are teasers.
MENU_TOKENS: dict[str, str] = {
    "nav": "navigation bar",
    "navbar": "navigation bar",
    "navigation": "navigation",
    "menu": "menus and mega-menus",
    "submenu": "menu levels",
    "dropdown": "dropdown menus",
    "masthead": "the page's header area",
}

# Tokens of the page footer (the tag and role are checked too).
FOOTER_TOKENS: dict[str, str] = {
    "sitefooter": "the page footer",
    "pagefooter": "the page footer",
    "globalfooter": "the page footer",
    "footer": "a footer part (exact part only, card footers hold meta links)",
    "rodape": "the page footer (Portuguese 'rodapé')",
}

# Tokens of paid and third-party recommendation content.
SPONSORED_TOKENS: dict[str, str] = {
    "sponsor": "sponsored content",
    "sponsored": "sponsored content",
    "promoted": "promoted stories of a recommendation widget",
    "paid": "paid content",
    "partner": "partner content",
    "=native": "native advertising (whole part: 'alternative' holds it)",
    "nativead": "native advertising slot",
    "advertorial": "paid article",
    "commercial": "commercial content",
    "branded-content": "branded content (a bare 'branded' also marks a site's own items)",
}

# Tokens of ad slots: paid only right at an item (page columns are named "ad-column" too).
AD_SLOT_TOKENS: dict[str, str] = {
    "ad": "advertisement slot",
    "ads": "advertisement slot",
    "advert": "advertisement",
    "advertisement": "advertisement",
}

# Tokens of an item's parts that are not its headline (skipped for the title).
META_TOKENS: dict[str, str] = {
    "kicker": "label above a headline",
    "eyebrow": "label above a headline",
    "overline": "label above a headline",
    "label": "section or format label",
    "category": "section label",
    "section": "section label",
    "rubric": "section label",
    "tag": "tag label",
    "chip": "topic chip of a trending row (a tag or topic link)",
    "chips": "a row of topic chips",
    "byline": "author line",
    "author": "author line",
    "columnist": "columnist's name (and photo) above an opinion headline",
    "date": "date line",
    "time": "time line",
    "timestamp": "time line",
    "meta": "meta line (date, author, comments)",
    "metadata": "meta line (votes, source, channels)",
    "source": "source name",
    "attribution": "source name of a recommended item",
    "provider": "source name of a recommended item",
    "publisher": "source name of a recommended item",
    "rank": "rank number of a most-read list",
    "numero": "rank number (French, Italian, Spanish)",
    "number": "rank number of a most-read list",
    "count": "comment or view count",
    "readtime": "reading time",
    "duration": "video length",
    "badge": "format badge (video, live)",
    "sr-only": "screen-reader helper text",
    "visually-hidden": "screen-reader helper text",
}

# Elements that carry text only inline, as part of a sentence.
INLINE_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "cite",
        "code",
        "em",
        "i",
        "mark",
        "q",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "u",
        "time",
        "font",
        "label",
    }
)

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# The heading level of a bold line alone in its <div>: the heading of a page without
# heading elements ("<div><b><a>Headline</a></b></div>"), no <h1> of the page.
BOLD_LINE_HEADING = "b"

# Tags that end the climb from a link to its item.
STOP_TAGS = frozenset({"html", "body", "main"})

# Labels that introduce a promo inside the article body, per language. Each starts with
# a letter, for ``first_char_alternation`` to group them ("à lire", "a lire", "lire").
_LIRE = "lire (?:aussi|également|la suite)"
_INLINE_LABELS = (
    r"related(?: (?:articles?|story|stories|posts?|content|coverage|reading|news))?"  # English
    r"|read (?:more|also|next)|also read|more on this(?: story)?|see also|more:|also on \S+"
    r"|recommended|you (?:may|might) also like|further reading|related link"
    rf"|à {_LIRE}|a {_LIRE}|{_LIRE}|voir aussi|sur le même sujet"  # French
    r"|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|siehe auch"  # German
    r"|lea también|leer más|lee también|te puede interesar|ver también|relacionad[ao]s?"
    r"|leia (?:também|mais)|veja também|saiba mais"  # Portuguese
    r"|leggi anche|potrebbe interessarti|vedi anche"  # Italian
    r"|lees (?:ook|meer)|zie ook"  # Dutch
    r"|läs (?:också|även|mer)|læs (?:også|mere)|les (?:også|mer)|lue myös"  # Nordic
    r"|czytaj (?:też|także|więcej)|przeczytaj (?:też|także)"  # Polish
    r"|читайте (?:также|ещё|еще)|также читайте|по теме"  # Russian
    r"|читайте також|також читайте"  # Ukrainian
    r"|čtěte (?:také|též)|čítajte (?:aj|tiež)"  # Czech, Slovak
    r"|cite(?:ș|ş)te (?:și|şi)|cite(?:ș|ş)te (?:mai mult|(?:ș|ş)i asta)"  # Romanian
    r"|ezt is ajánljuk|olvassa el ezt is|kapcsolódó"  # Hungarian
    r"|διαβάστε (?:επίσης|ακόμη)"  # Greek
    r"|ayr\u0131ca okuyun|bunu da okuyun|ilgili haber(?:ler)?"  # Turkish
    r"|ayr\u0131ca bak\u0131n\u0131z"  # Turkish "see also"
    r"|baca juga|berita terkait"  # Indonesian, Malay
    r"|xem thêm|đọc thêm|tin liên quan"  # Vietnamese
    r"|関連記事|関連ニュース|あわせて読みたい"  # Japanese
    r"|相关阅读|相關閱讀|延伸阅读|延伸閱讀|相关新闻"  # Chinese
    r"|관련 ?기사|함께 보면 좋은 기사"  # Korean
    r"|\u0627\u0642\u0631\u0623 \u0623\u064a\u0636(?:\u0627|\u064b\u0627|\u0627\u064b)"  # Arabic
    r"|यह भी पढ़ें"  # Hindi
    r"|আরও পড়ুন"  # Bengali "read more"
    r"|קראו גם|קראו עוד|כתבות נוספות"  # Hebrew ("read also", "read more", "more articles")
    r"|بیشتر بخوانید|مطالب مرتبط|اخبار مرتبط"  # Persian ("read more", "related")
    r"|อ่านเพิ่มเติม|อ่านต่อ|ข่าวที่เกี่ยวข้อง|ข่าวเกี่ยวข้อง"  # Thai ("read more", "related news")
)
# The labels grouped by their letters: the patterns below try them at the start of
# most item texts, where Python's engine entered each of the alternatives in turn.
_INLINE_LABEL_ALTERNATION = first_char_alternation(_INLINE_LABELS, re.IGNORECASE)
_LABEL_SEPARATOR = r"[:\uff1a\u00bb\u203a>|\-\u2013\u2014]"  # \uff1a: the fullwidth colon
# Marks some pages set before the label, a symbol rather than a word: an arrow, a
# pointing hand, a shape, a bullet, the reference mark ("▶ 관련기사: ...", "☞ 관련기사",
# "※ 관련기사", as Korean pages do; "➤ Read more:", "👉 Read more:", "» Lesen Sie auch:").
_MARKS = (
    "\u2190-\u21ff"  # arrows (→ ⇒)
    "\u25a0-\u25ff"  # geometric shapes (■ □ ▶ ► ▷ ◆ ● ○)
    "\u2600-\u27bf"  # symbols and dingbats (☞ ☛ ★ ✔ ➤ ➔)
    "\u2b00-\u2bff"  # symbols and arrows (⬛ ⭐ ⮕)
    "\u2022\u2023\u203b\u00b7"  # bullets and the reference mark (• ‣ ※ ·)
    "\u00bb\u203a>*+"  # guillemets and ASCII marks pointing on
    "\U0001f300-\U0001faff"  # pictographs (👉 📌 🔗)
    "\ufe0f"  # the variation selector that shows a symbol as a pictograph ("▶️")
)
_LABEL_MARK = rf"(?:[{_MARKS}][{_MARKS}]?\s*)?"
# A label set in brackets ("[관련기사]", "【関連記事】", "《相关阅读》", "「関連記事」",
# "«Lesen Sie auch»", "(Related)"; tortoise-shell and fullwidth ones too): the closing
# bracket ends it as a separator does.
_OPENING_BRACKETS = "\\[(\uff08\uff3b\u3010\u3014\u3016\u3018\u3008\u300a\u300c\u300e\u00ab\u2039"
_CLOSING_BRACKETS = "\\])\uff09\uff3d\u3011\u3015\u3017\u3019\u3009\u300b\u300d\u300f\u00bb\u203a"
_BRACKETED = rf"[{_OPENING_BRACKETS}]\s*(?:{_INLINE_LABEL_ALTERNATION})\s*[{_CLOSING_BRACKETS}]"
# The first character of a label set behind a mark or in brackets.
LABEL_OPENER = re.compile(rf"[{_MARKS}{_OPENING_BRACKETS}]")
# A label at the start of a promo, its separator optional ("Read more Ferry strike...").
INLINE_LABEL = re.compile(
    rf"^\s*{_LABEL_MARK}(?:{_BRACKETED}|(?:{_INLINE_LABEL_ALTERNATION}))\s*{_LABEL_SEPARATOR}*\s*",
    re.IGNORECASE,
)
# The same with its separator (or brackets), safe to cut from a headline ("Related:
# ...", but not "Recommended daily allowance cut").
INLINE_LABEL_PREFIX = re.compile(
    rf"^\s*{_LABEL_MARK}(?:{_BRACKETED}\s*{_LABEL_SEPARATOR}*"
    rf"|(?:{_INLINE_LABEL_ALTERNATION})\s*{_LABEL_SEPARATOR}+)\s*",
    re.IGNORECASE,
)
# The pairs of ASCII characters an inline label may open with, in any case: a text opening
# with another pair, no white space, mark or bracket before it, holds no ``INLINE_LABEL``
# (``teaser_fields.may_open_with``; most item texts open with a headline's words).
INLINE_LABEL_OPENERS = opening_pairs(_INLINE_LABELS, re.IGNORECASE)
# The separators above, ending the text before a link ("In pictures: <a>...").
LABEL_SEPARATORS = frozenset(":\u00bb\u203a>|-\u2013\u2014")
# Words of a lead-in set apart before a promo link alone on its line, ending in a label
# separator ("<b>On our sister site:</b> <a>...</a>"): more is a sentence.
MAX_LEAD_IN_WORDS = 5
# What ends a sentence right after a link ("Follow <a>our live coverage</a>.").
SENTENCE_END = frozenset(".!?\u3002\uff01\uff1f")
# Quotes and brackets that may close a sentence after its end ('... he said.")').
CLOSING_MARKS = "\"')\u2019\u201d\u300d"

# Headings of the article's own list of sources, per language: its links are the
# documents the article rests on (reports, studies, statistics), part of the article
# and not promos of other stories, wherever they point.
CITATION_LABELS: dict[str, str] = {
    "sources": "English (and French): the usual heading of a source list",
    "source": "a source list of one or a few entries",
    "references": "English (and French 'références'): a reference list",
    "bibliography": "a list of works cited",
    "citations": "a list of works cited",
    "works cited": "a list of works cited",
    "footnotes": "notes with the references of the text",
    "notes and references": "the reference section of explainers",
    "sources and references": "the same in long form",
    "sources et références": "French: sources and references",
    "références": "French: references",
    "quellen": "German: sources",
    "quelle": "German: a source list of one entry",
    "quellenangaben": "German: source references",
    "einzelnachweise": "German: individual references",
    "literaturverzeichnis": "German: works cited (not 'Literatur', a culture section's name)",
    "fuentes": "Spanish: sources",
    "referencias": "Spanish: references",
    "fontes": "Portuguese: sources",
    "referências": "Portuguese: references",
    "fonti": "Italian: sources",
    "bronnen": "Dutch: sources",
    "källor": "Swedish: sources",
    "kilder": "Danish and Norwegian: sources",
    "lähteet": "Finnish: sources",
    "źródła": "Polish: sources",
    "источники": "Russian: sources",
    "kaynaklar": "Turkish: sources",
}

# Headings of a list of links to documents elsewhere: the article's sources when most
# of its links leave the site, a block of the site's own stories otherwise.
OUTSIDE_LINK_LABELS: dict[str, str] = {
    "further information": "English: reports and services the article points to",
    "more information": "English: idem",
    "external links": "English: links to other sites",
    "useful links": "English: services and documents elsewhere",
    "links": "English and German: a bare link list",
    "weblinks": "German: links to other sites",
    "mehr informationen": "German: further information",
    "weitere informationen": "German: further information",
    "plus d'informations": "French: further information",
    "liens externes": "French: external links",
    "más información": "Spanish: further information",
    "enlaces externos": "Spanish: external links",
    "mais informações": "Portuguese: further information",
    "link esterni": "Italian: external links",
    "meer informatie": "Dutch: further information",
}


# Headings of blocks of ads that are no stories: job ads and classifieds (their items
# rarely carry a price, so the price test of products does not find them).
AD_LIST_LABELS: dict[str, str] = {
    "jobs": "English: job ads",
    "job listings": "English: job ads",
    "job ads": "English: job ads",
    "vacancies": "English: job ads",
    "careers": "English: job ads",
    "classifieds": "English: classified ads",
    "classified ads": "English: classified ads",
    "stellenangebote": "German: job ads",
    "stellenmarkt": "German: job ads",
    "jobbörse": "German: job ads",
    "kleinanzeigen": "German: classified ads",
    "offres d'emploi": "French: job ads",
    "petites annonces": "French: classified ads",
    "empleos": "Spanish: job ads",
    "ofertas de empleo": "Spanish: job ads",
    "clasificados": "Spanish: classified ads",
    "vagas de emprego": "Portuguese: job ads",
    "classificados": "Portuguese: classified ads",
    "offerte di lavoro": "Italian: job ads",
    "vacatures": "Dutch: job ads",
    "вакансии": "Russian: job ads",
}


# Names of story lists that a navigation landmark may carry (`<nav aria-label="Recent
# Posts">`: blog platforms wrap their sidebar's list widgets so). Such a landmark is a
# list of stories, not a menu: its plain headline links stay teasers, while the same
# platform's archive, category and meta lists keep their landmark as menus.
STORY_LIST_LABELS: dict[str, str] = {
    "recent posts": "English: a blog's latest posts (sidebar widget)",
    "recent articles": "English: latest articles",
    "recent stories": "English: latest stories",
    "latest posts": "English: latest posts",
    "latest news": "English: latest news",
    "latest articles": "English: latest articles",
    "latest stories": "English: latest stories",
    "popular posts": "English: a blog's most read posts",
    "most read": "English: most read stories",
    "most popular": "English: most read stories",
    "related posts": "English: related posts",
    "related articles": "English: related articles",
    "related stories": "English: related stories",
    "neueste beiträge": "German: recent posts",
    "articles récents": "French: recent posts",
    "entradas recientes": "Spanish: recent posts",
    "posts recentes": "Portuguese: recent posts",
    "articoli recenti": "Italian: recent posts",
    "recente berichten": "Dutch: recent posts",
}


def _label_pattern(labels: dict[str, str]) -> re.Pattern[str]:
    """A whole block label that is one of ``labels``, an end colon allowed ("Sources:")."""
    alternation = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"^\s*(?:{alternation})\s*:?\s*$", re.IGNORECASE)


def _label_openers(labels: dict[str, str]) -> frozenset[str]:
    """The pairs of ASCII characters a label of ``_label_pattern(labels)`` may open with."""
    return opening_pairs("|".join(re.escape(label) for label in labels), re.IGNORECASE)


CITATION_LABEL = _label_pattern(CITATION_LABELS)
OUTSIDE_LINK_LABEL = _label_pattern(OUTSIDE_LINK_LABELS)
AD_LIST_LABEL = _label_pattern(AD_LIST_LABELS)
# Most block labels open with none of the labels' pairs: the patterns are asked behind
# ``teaser_fields.may_open_with`` of these (white space may open them too).
CITATION_LABEL_OPENERS = _label_openers(CITATION_LABELS)
OUTSIDE_LINK_LABEL_OPENERS = _label_openers(OUTSIDE_LINK_LABELS)
AD_LIST_LABEL_OPENERS = _label_openers(AD_LIST_LABELS)
STORY_LIST_LABEL = _label_pattern(STORY_LIST_LABELS)
MIN_OUTSIDE_SHARE = 0.5  # more than this share of a block's links leave the site: its sources

# The words of a block's label set as a plain line of its own, neither heading nor bold
# (a script-built site's "<div class="css-f6g5h4">Read next</div>" above its rail of
# cards): a promo label ("Read next", "Lesen Sie auch", behind a mark or in brackets), a
# story list's name ("Most read", "Recent posts"), or the shape of one: "More from" or
# "More in" and a section ("More from Business"), "Most" or "Top" and a word or two
# ("Most shared", "Top stories"), "Trending now", "Editors' picks", "Don't miss".
_BLOCK_LABEL_SHAPES = (
    r"more (?:from|in|on|about|by|of)(?: [\w'\u2019&-]+){1,3}"
    r"|(?:most|top|latest) [\w'\u2019]+(?: [\w'\u2019]+)?"
    r"|(?:trending|popular)(?: now| today| stories| news)?"
    r"|editor'?s'? (?:picks?|choice)|don['\u2019]?t miss|(?:recommended|picked) for you"
    # the most read and the latest, in the languages of the crawl
    r"|meistgelesene?(?: artikel| nachrichten)?|am meisten gelesen|meistkommentiert"
    r"|neueste (?:nachrichten|artikel|meldungen)|aktuelle nachrichten"
    r"|les plus (?:lus|partagés|commentés|populaires|consultés)"
    r"|derni(?:ères|ers) (?:actualités|articles|infos|nouvelles)"
    r"|lo más (?:leído|visto|compartido|popular)|(?:las |los )?más (?:leídas|leídos|vistas|vistos)"
    r"|últimas noticias|(?:as )?mais (?:lidas|vistas|populares)|últimas notícias"
    r"|(?:i |gli |le )?più (?:letti|lette|visti|viste|condivisi|popolari)|ultime notizie"
    r"|meest (?:gelezen|bekeken|gedeeld)|laatste nieuws"
)
_STORY_LIST_ALTERNATION = "|".join(re.escape(label) for label in STORY_LIST_LABELS)
BLOCK_LABEL_LINE = re.compile(
    rf"^\s*{_LABEL_MARK}(?:{_BRACKETED}|(?:{_INLINE_LABEL_ALTERNATION}|{_STORY_LIST_ALTERNATION}"
    rf"|{_BLOCK_LABEL_SHAPES}))\s*{_LABEL_SEPARATOR}*[\s\u2192\u203a\u00bb>]*$",
    re.IGNORECASE,
)

# Link texts that are navigation words, never a headline.
NAV_LABEL = re.compile(
    r"^\s*(?:see|view|show|load|read|browse)? ?(?:all|more|more stories|more news|everything)"
    r"(?: [\w'\u2019 ]{0,30})?\s*[\u203a\u00bb>\u2192]*\s*$"
    r"|^\s*(?:next|previous|prev|older|newer|home|back to top|top)\b.{0,20}$"
    r"|^\s*(?:tout voir|voir plus|voir tout|mehr|alle anzeigen|ver más|ver todo|mostra tutto)"
    r"\s*[\u203a\u00bb>\u2192]*\s*$",
    re.IGNORECASE,
)
# A literal of every NAV_LABEL match, in lower case ("all" of "alle anzeigen", "prev" of
# "previous", "top" of "back to top", "ver m" of "ver más"): most headlines hold none.
NAV_LABEL_GATE = (
    "all",
    "more",
    "everything",
    "next",
    "prev",
    "older",
    "newer",
    "home",
    "top",
    "voir",
    "mehr",
    "ver m",
    "ver todo",
    "mostra tutto",
)

# A "read more" link closing an item's excerpt ("... the governors. Continue reading"):
# the call of a blog's post list, not words of the snippet; an older page's "more...",
# "(more)" or "Full story »" after a story's snippet is the same call.
READ_MORE_TAIL = re.compile(
    r"(?:^|\s)(?:continue reading|keep reading|read more|read the full (?:story|article|post)"
    r"|full story|(?:more|mehr|plus|mais)(?=\s*(?:\.\.|[\u2026\u203a\u00bb>\u2192]))"
    r"|\((?:more|read more|mehr|m\u00e1s|suite)\)"  # "... in January (more)"
    r"|lire la suite|lire plus|weiterlesen|mehr lesen|leer m\u00e1s|ver m\u00e1s|seguir leyendo"
    r"|continua a leggere|leggi tutto|leggi di pi(?:\u00f9|u)|leia mais|ler mais|saiba mais"
    r"|ver mais|lees meer|lees verder)\s*[.\u2026\u203a\u00bb>\u2192]*\s*$",
    re.IGNORECASE,
)
# A literal of every READ_MORE_TAIL match, in lower case ("read" of "continue reading",
# "story" of "full story", "(m" of "(más)", "leer m" of "leer más"): most lines hold none.
READ_MORE_GATE = (
    *("read", "story", "more", "mehr", "(m", "suite", "weiterlesen", "leer m", "leyendo"),
    *("leggere", "mais", "meer", "plus", "ver m", "leggi", "verder"),
)
MAX_READ_MORE_CHARS = 40  # the end of a line searched for it: the longest call and its arrows
# A post's line of categories or tags ("Categorized as Schools and Education", "Posted
# in Transport", "Filed under: ...", "Tagged ..."): taxonomy links, not a snippet.
_TAXONOMY_LINE = (
    r"categori[sz]ed (?:as|in)|posted in|filed (?:under|in)|categories\s*:|tagged\b"
    r"|tags\s*:|labels\s*:|kategorien?\s*:|publié dans|class\u00e9 dans|publicado en"
    r"|archivado en"
)

# A dash, a colon or a bar opening the text after a headline link, a space after it: an
# older listing sets each story as "<a>Headline</a> - The snippet ...", "<a>Headline</a>:
# The snippet ..." or "<a>Headline</a> | The snippet ...", the snippet on the link's line.
SNIPPET_SEPARATOR = re.compile(r"[-\u2013\u2014:|]\s+")
# The characters SNIPPET_SEPARATOR opens with: the text after a link is asked of it only
# when it opens with one.
SNIPPET_SEPARATOR_STARTS = "-\u2013\u2014:|"

# Short labels marking an item or block as paid content.
_SPONSORED_LABELS = (
    # "Sponsored by X", "Sponsored \u00b7 X", "Paid post | X": the label and the sponsor
    r"sponsored(?: content| stories| links)?(?: by .*| ?[\u00b7\u2022|:\u2013\u2014-] .*)?"
    r"|promoted(?: content| stories| links)?(?: by .*)?"
    r"|paid (?:content|post|partner(?: content)?)(?: ?[\u00b7\u2022|:\u2013\u2014-] .*)?"
    r"|paid for by .*|partner content|from our partners?"
    r"|sponsorisé par .*|patrocinado por .*|gesponsert von .*"
    r"|advertisement|advertorial|ad|ads by .*|recommended by .*|anzeige|werbung"
    r"|sponsorisé|publicité|contenu sponsorisé|publicidad|patrocinado|contenido patrocinado"
    r"|reklama|sponsorizzat[oi](?: da .*)?|contenut[oi] sponsorizzat[oi](?: da .*)?|pubblicità"
    r"|conte\u00fado patrocinado|gesponsord|annons|reklame"
    r"|materiał (?:partnera|sponsorowany|promocyjny)|artykuł sponsorowany"  # Polish
    r"|reklam|sponsorlu(?: içerik)?"  # Turkish
    r"|iklan|konten bersponsor"  # Indonesian ("advertisement", "sponsored content")
    r"|광고|스폰서(?: 콘텐츠)?"  # Korean ("advertisement", "sponsor content")
    r"|إعلان|محتوى (?:مدفوع|مدعوم|ممول)|برعاية .*"  # Arabic ("paid content", "sponsored by")
    r"|विज्ञापन|प्रायोजित(?: सामग्री)?"  # Hindi ("advertisement", "sponsored")
    r"|廣告|广告|διαφήμιση|реклама|פרסומת|آگهی|تبلیغات|โฆษณา"  # "advertisement"
)
SPONSORED_LABEL = re.compile(
    rf"^\s*(?:{first_char_alternation(_SPONSORED_LABELS, re.IGNORECASE)})\s*$", re.IGNORECASE
)
# The pairs of ASCII characters a paid label may open with, in any case, as above: most
# lines and meta parts of an item open with another.
SPONSORED_LABEL_OPENERS = opening_pairs(_SPONSORED_LABELS, re.IGNORECASE)

_KICKER_WORDS = (
    r"live|video|watch|exclusive|breaking(?: news)?|opinion|analysis|explainer|photos?|gallery"
    r"|podcast|listen|updated?|en direct|direct|vidéo|eilmeldung|liveticker|en vivo|ao vivo"
    r"|en directo|última hora|urgente|in diretta|na żywo|pilne|son dakika|canlı"  # noqa: RUF001 (Turkish dotless i)
    r"|عاجل|ब्रेकिंग|속보|速報|快讯|快訊"  # Arabic, Hindi, Korean, Japanese, Chinese: breaking
)
_KICKER_ALTERNATION = first_char_alternation(_KICKER_WORDS, re.IGNORECASE)  # as the labels
# Format kickers written as a prefix of the headline text ("LIVE: ...", "DIRECT. ...").
KICKER_PREFIX = re.compile(
    rf"^\s*(?:{_KICKER_ALTERNATION})\s*[:.|\-\u2013\u2014]\s+(?!(?-i:[a-z]))", re.IGNORECASE
)  # the headline after it opens as one: "Watch: the moment ..." is one sentence
# The same in brackets, the way CJK headlines set it ("[속보] ...", "【速報】...").
KICKER_BRACKETED = re.compile(
    rf"^\s*[\[\u3010]\s*(?:{_KICKER_ALTERNATION})\s*[\]\u3011]\s*", re.IGNORECASE
)
# The same set apart by markup instead of a separator: the whole text of an element
# opening the headline ("<a><strong>Exclusive</strong> Rail strike ...</a>").
KICKER_WORD = re.compile(rf"\s*(?:{_KICKER_ALTERNATION})\s*[:|\-\u2013\u2014]?\s*", re.IGNORECASE)
# The pairs of ASCII characters a label or a kicker cut from a headline's start may open
# with (``INLINE_LABEL_PREFIX``, ``KICKER_PREFIX``, behind no mark or bracket): a
# headline opening with another pair holds neither.
TITLE_LABEL_OPENERS = opening_pairs(f"{_INLINE_LABELS}|{_KICKER_WORDS}", re.IGNORECASE)

# Rank numbers in front of most-read headlines ("01.", "3)"); a bare number may
# start a headline ("10 things to know"), so it must sit in its own element.
# A rank written "#1" or with a leading zero ("03") needs no separator.
RANK_PREFIX = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|#\d{1,2}[.)]?|0\d)\s+(?=\S)")
# A video's length (or a ticker's time of day) opening a headline: "02:14 Lawinenabgang ...".
CLOCK_PREFIX = re.compile(r"^\s*\d{1,2}(?::\d{2}){1,2}\s+(?=\S)")
# The same at the start of an item's text, the number perhaps in its own element ("1 Storm
# hits coast"); asked only of items whose headline does not start with a number itself.
RANK_START = re.compile(r"^\s*#?\d{1,2}\s*[.)]?\s+(?=\S)")

# Author lines inside an item.
_BYLINE_WORDS = r"by|par|von|por|di|door|av|przez|автор"
_BYLINE = rf"(?:{_BYLINE_WORDS})\s+\S"
# A byline's word alone before a link on its line: the link is the author's name ("By
# <a>Ann Lee and Tom Ng</a><br>Monday ..."), no headline.
BYLINE_WORD = re.compile(rf"(?:(?:posted|written)\s+)?(?:{_BYLINE_WORDS})", re.IGNORECASE)
# The lines of an item that are no snippet: an author line or a taxonomy line, in one
# pattern (read on every line of every item).
BYLINE_OR_TAXONOMY = re.compile(rf"^\s*(?:{_BYLINE}|{_TAXONOMY_LINE})", re.IGNORECASE)
# The pairs of ASCII characters such a line may open with, in any case, as above: most
# lines of an item open with another.
BYLINE_OR_TAXONOMY_OPENERS = opening_pairs(f"{_BYLINE_WORDS}|{_TAXONOMY_LINE}", re.IGNORECASE)

# Words of a block's own title when it is a link ("More news from Sci-Tech", "Latest
# stories"): such a heading link followed by the block's items is its label, not a story.
BLOCK_TITLE_WORDS = re.compile(
    r"\b(?:more|latest|news|stories|top|most|all|from|section|plus|mehr|m\u00e1s|mais|altre)\b",
    re.IGNORECASE,
)
MAX_BLOCK_TITLE_WORDS = 5  # a longer heading link is a story's headline

# Calls to action: links that ask for a click, not headlines of stories.
CALL_TO_ACTION = CaselessPattern.compile(
    r"\b(?:click(?:ing)? here|click (?:for|to)|tap here|sign up|subscribe (?:to|now|for)"
    r"|download (?:the|our|now|free)"
    r"|get the .{0,30}app|get it (?:on|at|for|with|by|now)|buy (?:it|now)|shop now|order now"
    r"|follow us|(?:find|fan|like|check) us on|join (?:us|our)|log ?in|register now"
    r"|watch live now|send us|place an? (?:classified )?ad"
    r"|(?:update|manage) your (?:preferences|settings|subscription)"
    r"|abonnez-vous|jetzt abonnieren|suscríbete|cadastre-se|assine (?:a|o|j\u00e1|agora)"
    r"|(?:continue|keep) reading on (?:page|p\.) ?\d+|go to page \d+)\b"  # pagination
    # "download ... free" is looked for up to the next "download" only: from each of
    # them to the end of the text would read a long text once per "download".
    r"|\bfree download\b|\bdownload\b(?:(?!\bdownload\b).)*\bfree\b|\bdownload\s*$"
    # a recommendation widget's link to its vendor's page, its paid label
    r"|^\s*(?:(?:sponsored|promoted)(?: content| stories| links)?|ads) by\b"
    # an app store's badge in other languages ("T\u00e9l\u00e9charger dans l'App Store",
    # "Disponible sur Google Play", "Im App Store laden"): a verb and the store's name
    r"|\b(?:t\u00e9l\u00e9charger|disponible|disponibile|dispon\u00edvel|desc\u00e1rga\w*"
    r"|descarga\w*|scarica\w*|baixe|baixar|jetzt)\b.{0,25}?\b(?:app ?store|google play"
    r"|play store)\b|\b(?:app ?store|google play)\s+(?:laden|herunterladen)\b",
    gate=(
        "click",
        "tap here",
        "sign up",
        "subscribe ",
        "download",
        "get the ",
        "get it ",
        "buy ",
        "shop now",
        "order now",
        "follow us",
        "us on",
        "join ",
        "login",
        "log in",
        "register now",
        "watch live now",
        "send us",
        "place a",
        "update your",
        "manage your",
        "abonnez-vous",
        "jetzt abonnieren",
        "cadastre-se",
        "assine ",
        "continue reading on",
        "keep reading on",
        "go to page",
        "sponsored",
        "promoted",
        "ads by",
        "store",  # the app store badges': the store's name, which each holds
        "google play",
    ),  # the literal start of every alternative (suscríbete is not ASCII: never gated)
)

# The lines of an embedded social post that link to the post itself: the call to
# see it on its platform and the line naming who shared it, with the handle. The
# embed quotes a post; neither line is the headline of a story ("A video shared by
# a nurse shows ..." is one: no handle ends it).
EMBED_LINE = re.compile(
    r"view (?:this|the) (?:post|photo|video|reel) on [^\s]+(?: [^\s]+)?"
    r"|an? (?:post|photo|video|reel) shared by [^@]{1,80}\(@[\w.]+\)",
    re.IGNORECASE,
)
EMBED_LINE_STARTS = ("view ", "a ", "an ")  # lowercased: most titles open otherwise

# A price with cents, or "for $30", in a link's text marks a shop product or a deal,
# not a story (other whole amounts are left alone: "Apple raises $5bn", "Shares top $400").
# A run of digits and dots is read from its start, its first digit after a word
# boundary fixed at once (an atomic group): from every digit in it, a long run of
# "1.1.1..." would be read once per digit.
PRICE = re.compile(
    r"[$\u20ac\u00a3\u00a5]\s?\d[\d,]*\.\d\d\b"
    r"|(?<![\d.])(?>[\d.]*?\b\d)[\d.]*+,\d\d\s?(?:\u20ac|EUR|kr|z\u0142)"
    r"|\bfor [$\u20ac\u00a3]\d[\d,]*\b(?!\s?(?:million|billion|mn|bn|m|k)\b)"  # "... for $30"
)
# A currency sign or code, one of which every PRICE match holds; most headlines have none.
PRICE_GATE = ("$", "\u20ac", "\u00a3", "\u00a5", "EUR", "kr", "z\u0142")
MAX_PRICE_LINE_CHARS = 40  # an item's line this short showing a price: a product, not a story

# Texts of legal and service links in footers; gated by its words ("mentions" of
# "mentions légales"): most links' texts hold none.
LEGAL_LABEL = CaselessPattern.compile(
    r"\b(?:privacy|cookie|terms|conditions|imprint|impressum|contact|about us|advertise"
    r"|careers|accessibility|sitemap|rss|newsletter|subscribe|mentions légales|datenschutz)\b",
    gate=(
        "privacy", "cookie", "terms", "conditions", "imprint", "impressum", "contact",
        "about us", "advertise", "careers", "accessibility", "sitemap", "rss", "newsletter",
        "subscribe", "mentions", "datenschutz",
    ),
)  # fmt: skip

# Path segments of pages that list stories or describe people, never a story itself:
# a short link to one of them is a tag, topic, author or service link.
NON_STORY_SEGMENTS: dict[str, str] = {
    "tag": "tag page",
    "tags": "tag page",
    "topic": "topic page",
    "topics": "topic page",
    "thema": "topic page (German)",
    "themen": "topic page (German)",
    "theme": "topic page (French)",
    "onderwerp": "topic page (Dutch)",
    "schlagwort": "tag page (German)",
    "stichwort": "tag page (German)",
    "category": "category page",
    "categories": "category page",
    "kategorie": "category page (German)",
    "categorie": "category page (French, Dutch, Italian)",
    "categoria": "category page (Spanish, Portuguese, Italian)",
    "section": "section page",
    "sections": "section page",
    "ressort": "section page (German)",
    "rubrik": "section page (German)",
    "rubrique": "section page (French)",
    "author": "author page",
    "authors": "author page",
    "autor": "author page (German, Spanish, Portuguese, Polish)",
    "autoren": "author page (German)",
    "auteur": "author page (French, Dutch)",
    "auteurs": "author page (French, Dutch)",
    "autore": "author page (Italian)",
    "writer": "author page",
    "writers": "author page",
    "columnist": "author page",
    "columnists": "author page",
    "contributor": "author page",
    "contributors": "author page",
    "profile": "a person's profile",
    "profiles": "a person's profile",
    "people": "a person's page",
    "person": "a person's page",
    "user": "a user's page",
    "users": "a user's page",
    "status": "a post on a social network, linked by its date",
    "search": "search results (and blog label pages)",
    "suche": "search results (German)",
    "archive": "archive listing",
    "archives": "archive listing",
    "page": "a page of a listing",
    "journalist": "author page",
    "journalists": "author page",
    "feed": "a feed of a page or its comments",
    "comments": "the comments of a story",
    "service": "service pages (contact, subscriptions)",
    "services": "service pages",
    "servicios": "service pages (Spanish)",
    "servizi": "service pages (Italian)",
    "help": "help pages",
    "tema": "topic page (Spanish, Portuguese, Italian)",
    "temas": "topic page (Spanish, Portuguese)",
    "temi": "topic page (Italian)",
    "argomento": "topic page (Italian)",
    "argomenti": "topic page (Italian)",
    "assunto": "topic page (Portuguese)",
    "assuntos": "topic page (Portuguese)",
    "sujet": "topic page (French)",
    "sujets": "topic page (French)",
    "etiqueta": "tag page (Spanish, Portuguese)",
    "etiquetas": "tag page (Spanish, Portuguese)",
    "mot-cle": "tag page (French)",
    "mots-cles": "tag page (French)",
    "trefwoord": "tag page (Dutch)",
    "ricerca": "search results (Italian)",
    "busca": "search results (Portuguese, Spanish)",
    "buscar": "search results (Spanish)",
    "recherche": "search results (French)",
    "zoeken": "search results (Dutch)",
    "archivo": "archive listing (Spanish)",
    "arquivo": "archive listing (Portuguese)",
    "archivio": "archive listing (Italian)",
    "archiv": "archive listing (German)",
}
# Words of the paths of a site's service pages (about, contact, legal, app, newsletter):
# a link whose path holds only these words, one of SERVICE_PAGE_WORDS at least, leads to
# no story however its text reads ("Find out more in our cookie policy" -> /cookie-policy,
# "About The Lakeside Post" -> /about-us), whatever the markup around it.
SERVICE_PAGE_WORDS: dict[str, str] = {
    "about": "the site's own description ('/about', '/about-us')",
    "contact": "the contact page",
    "privacy": "the privacy policy",
    "cookie": "the cookie policy",
    "cookies": "the cookie policy",
    "terms": "the terms of use",
    "conditions": "the terms and conditions",
    "legal": "the legal notice",
    "imprint": "the legal notice (imprint)",
    "impressum": "the legal notice (German)",
    "datenschutz": "the privacy policy (German)",
    "mentions": "the legal notice (French: 'mentions légales')",
    "accessibility": "the accessibility statement",
    "sitemap": "the site map",
    "advertise": "the advertising offer",
    "advertising": "the advertising offer",
    "app": "the app download page",
    "apps": "the app download page",
    "newsletter": "the newsletter sign-up",
    "newsletters": "the newsletter sign-up",
    "nieuwsbrief": "the newsletter sign-up (Dutch)",
    "nieuwsbrieven": "the newsletter sign-up (Dutch)",
    "subscribe": "the subscription offer",
    "subscriptions": "the subscription offer",
    "promo": "the site's offers ('/promo', '/promos/pro.php')",
    "promos": "the site's offers ('/promo', '/promos/pro.php')",
    "pro": "the paid tier's offer ('/pro', '/promos/pro.php')",
    "premium": "the paid tier's offer ('/premium')",
    "rss": "the list of feeds",
    "faq": "the help pages",
    "careers": "the publisher's job offers",
}
MAX_SERVICE_PATH_CHARS = 48  # a service page's path is short ("/terms-and-conditions-of-use")
# Words that join the above in a service page's path ("terms-of-use", "about-us",
# "privacy-policy", "mentions-legales"); alone they name no service page.
SERVICE_PAGE_FILLERS = frozenset(
    {"us", "of", "and", "our", "the", "with", "use", "policy", "notice", "statement", "mobile",
     "legales", "l\u00e9gales", "html", "htm", "php"}
)  # fmt: skip
# What a story's URL shows beside its slug: a numeric id of this many digits in a row, or a
# date in the path, its year opening with one of these (``_paths.Paths`` states the dates'
# shapes: "/2024/05/", "/2024/5", "2024-05-31").
STORY_ID_DIGITS = 5
STORY_YEAR_CENTURIES = ("19", "20")
DIGIT = re.compile(r"\d")  # a digit: a block's plain label holds none (teaser_fields)
# Words of a link text and of a URL path, to see whether the one echoes the other (read as
# runs of ``str.isalnum``'s characters by ``_paths.Paths``, which is what this matches).
WORD = re.compile(r"[^\W_]+")

TOPIC_ROW_DEPTH = 2  # levels above a bare link searched for its row of links (a chip in its <li>)
MIN_TOPIC_ROW_LINKS = 3  # links of a row, most to tag or topic pages: a row of topic chips
SUBMENU_ENTRY_DEPTH = 2  # levels above a plain link's item searched for its list entry
SUBMENU_DEPTH = 3  # levels above a list searched for the entry of an outer list: a submenu
FLAT_MENU_DEPTH = 4  # levels above a plain link's item searched for the menu it stands in
MIN_FLAT_MENU_LINKS = 6  # links of an element that may be a menu; fewer make a short list
MIN_FLAT_MENU_SHARE = 0.66  # of its links short labels of no story's page: a flat menu
MAX_MENU_PROSE_SHARE = 0.5  # more of an element's text outside its links is prose: no menu
MIN_SHORT_HEADLINE_WORDS = 2  # a bare link this short may be a headline, with story URL and item
STORY_SLUG_WORDS = (
    4  # a path segment of this many words is a story's slug; section slugs are shorter
)
MIN_STORY_PATH_CHARS = 12  # a shorter path is a section or service page ("/sport", "/news/world")
SHORT_BESIDE_CHARS = 12  # more text beside a short headline makes it words of a sentence
MAX_SHORT_ITEM_TARGETS = 1  # other link targets a short headline's item may hold (a kicker)
MIN_ECHO_CHARS = 4  # a link word this long found among the URL's words ties the two together
# Blocks that a link of a sentence never holds: a link holding one is a card's.
BLOCKS_IN_LINK = frozenset({"div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "figure"})
MIN_INLINE_WORDS = 5  # a bare link paragraph in a body this short names a thing, not a story
MIN_HEADLINE_WORDS = 4  # fewer words in a bare link is a nav label ("World news", "Sport")
# A plain link in a menu or the page's header with this many words or more, to a story's
# address, is a headline featured there (a dropdown's story, a ticker), not a section.
MENU_HEADLINE_WORDS = 6
MIN_HEADING_WORDS = 3  # a link in a heading is a headline even when short ("Trump warns Iran")
MIN_CJK_CHARS = 8  # CJK headlines have no spaces; count characters instead
# Below this many space-separated words a text without spaces between its words (Thai)
# is counted by letters: the largest of the word minimums above and below.
MAX_COUNTED_WORDS = 5
RUNNING_TEXT_CHARS = 40  # this much inline text beside a link means it sits in a sentence
MAX_SENTENCE_LINKS = 50  # a block holding more links is a list of them, no sentence
MAX_ITEM_EXTRA_CHARS = 600  # an item holds its headline plus at most a snippet and meta
MAX_LEGAL_WORDS = 5  # legal link texts are short; a headline may mention "terms"
# A year or a numeric date: what a plain date line holds ("4 February 2026", "04.02.26"),
# a year in Arabic-Indic, Devanagari or Thai digits ("٢٠٢٦", "२०२६"; see ``dates``), or a
# year of the Hijri calendars or of the Buddhist era ("1447", "1404/12/21", "2569").
DATE_HINT = re.compile(
    r"\b(?:19|20|1[34]|2[45])\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"
    r"|[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u0e50-\u0e59]{4}"
)

# An item's meta line parts its date from a section, a byline or a format by a dot, a
# bar, a bullet or a spaced dash ("News · 12 January 2026", "By Ann Lee | 3 hours ago"):
# the date between its separators is the item's when each other part is a label.
META_LINE_SEPARATOR = re.compile("\\s*[\u00b7|\u2022]\\s*|\\s+[-\u2013\u2014]\\s+")
# Its marks, for a cheap first test: a pattern of one class of characters is searched
# by a fast scan, where ``META_LINE_SEPARATOR`` is tried at every position of a line.
META_LINE_MARKS = "\u00b7|\u2022\u2013\u2014-"
META_LINE_MARK = re.compile(f"[{re.escape(META_LINE_MARKS)}]")
MAX_META_LINE_CHARS = 80  # a date and a label or two; a longer line is a snippet's
MAX_META_LABEL_WORDS = 4  # "By Ann Lee", "World news"; a part of more words is a sentence's

DATE_CACHE_SIZE = 4096  # parsed date texts remembered across pages (a few hundred kB at most)
TOKEN_CACHE_SIZE = 8192  # class/id strings read once across pages (about 2 MB at most)
MAX_DATE_CHARS = 40  # a longer text line is not a bare date ("Published: Feb 4, 2026 09:30 AM")
MAX_SPANS_BACK = 100  # distinct shown times per page read as spans back (each a few ms, once)
# A plain line of an item read as a span back has a number and two words at least ("3
# hours ago", "vor 2 Stunden"), a closer of a span back after its number ("19H ago"), or
# a number and a unit shortened to three letters at most ("2 min", "13h", "3 Std."): a
# number and a word alone is as often a name ("60 Minutes", "48 Hours", a show's).
MIN_SPAN_LINE_WORDS = 3
SHORT_SPAN = re.compile(r"\d{1,3}\s?[^\W\d_]{1,3}\.?")
# A number and a unit alone, without a span back's word ("45 min", "13h"; "1 hr 20 min",
# hours and minutes, is a length only), after a play mark perhaps: a video's or a
# podcast's length as often as a time. Such a line is an item's time only when the item
# shows no other date and no sign of playing media (``MEDIA_LINE``, ``PLAY_MARKS``, a
# player, a play icon).
BARE_SPAN = re.compile(
    r"[\W_]*(\d{1,3}\s?[^\W\d_]{1,3}\.?)(\s*\d{1,3}\s?[^\W\d_]{1,3}\.?)?", re.IGNORECASE
)
# Marks of a play button set as text ("\u25b6 3:45"): triangles pointing right.
PLAY_MARKS = ("\u25b6", "\u25b8", "\u25ba", "\u23f5", "\u25b7", "\u23ef", "\u2bc8")
# A line of a media card: a length in minutes and seconds ("3:45", "1:02:03"), or a media
# word opening a line on its own, before a separator or a number ("Video", "PODCAST ·
# 45 min", "Watch: ..."), in English, French, German, Spanish, Portuguese, Italian, Dutch.
_MEDIA_WORDS = (
    "video", "vid\u00e9o", "v\u00eddeo", "audio", "podcast", "watch", "listen", "play",
    "\u00e9couter", "regarder", "ansehen", "anh\u00f6ren", "escuchar", "ouvir", "assistir",
    "guarda", "ascolta", "bekijk", "luister",
)  # fmt: skip
MEDIA_LINE = re.compile(
    r"[\W_]*(?:(?:\d{1,2}:)?\d{1,2}:\d{2}\s*$|(?:"
    + "|".join(_MEDIA_WORDS)
    + r")\s*(?:$|[:\u00b7|\u2022\-\u2013\u2014]|\d))",
    re.IGNORECASE,
)
# An image or icon of a play button: "play" as a word of its source, alt text or title
# ("/icons/play-button.svg", alt "Play video"), not inside another word ("playoffs").
PLAY_ICON = re.compile(r"(?<![^\W\d_])play(?:er|back)?(?![^\W\d_])", re.IGNORECASE)
# A plain line of an item without a digit is read as a span back only in the words of
# one: a span back's opener first ("vor einer Stunde", "hace una hora"), its closer last
# ("an hour ago"), or the day before named alone ("gestern", "hier", "ayer"); other
# lines without a digit ("Today", a kicker) are not asked of the date parser.
SPAN_BACK_WORDS = re.compile(
    r"(?:"
    + "|".join(map(re.escape, SPAN_BACK_OPENERS))
    + r")\s\S.*|.*\S\s(?:"
    + "|".join(map(re.escape, SPAN_BACK_CLOSERS))
    + r")|(?:"
    + "|".join(map(re.escape, YESTERDAY_WORDS))
    + r")",
    re.IGNORECASE,
)
MIN_SNIPPET_WORDS = 4  # shorter leftovers are labels or dates, not a snippet
MIN_SNIPPET_LETTER_WORDS = 3  # fewer words of letters: counts and units ("3 hr 20 min"), meta
MIN_SNIPPET_LOWER = 0.3  # share of lowercase-initial words in prose; names and meta lines have few
MAX_WALK_DEPTH = 40  # an item's text deeper than this is markup abuse; recursion stays bounded
HEADING_HOLDER_DEPTH = 4  # a block's own heading sits at most this deep in a sibling
# A link without visible text covering a card (a "stretched link", its words only in
# `aria-label`, `title` or a screen-reader span) sits at most this many levels below the
# card that holds its headline, a heading of plain text: the card itself or a wrapper.
STRETCHED_LINK_DEPTH = 2
# A card's image set as the background of an element (`style="background-image:
# url(...)"`), where the card has no `<img>`: its URL, quoted or not.
BACKGROUND_IMAGE = re.compile(
    r"background(?:-image)?\s*:[^;]*?url\(\s*([\"']?)([^\"')]+)\1\s*\)", re.IGNORECASE
)
# A vector file set as a background is an icon or a pattern (a star sign, a play
# button, a texture), not a card's picture: a photo or thumbnail is a raster file.
VECTOR_IMAGE = re.compile(r"\.svgz?(?:[?#]|$)", re.IGNORECASE)
# File names of the stand-ins that lazy loading shows before the real image (a blank
# pixel, a grey box, "placeholder-16x9.png"): never a teaser's image.
_PLACEHOLDER_NAMES = (
    "placeholder", "blank", "spacer", "transparent", "pixel", "lazy", "loading", "loader",
    "1x1", "empty", "dummy", "grey", "gray", "clear",
)  # fmt: skip
# Gated by the names, which most image URLs hold none of: the pattern may start after
# any "/", so Python's engine tries it at every character of the URL.
PLACEHOLDER_IMAGE = CaselessPattern.compile(
    rf"(?:^|/)(?:{'|'.join(_PLACEHOLDER_NAMES)})(?:[-_](?:\d+(?:x\d+)?|image|img))?"
    r"\.(?:gif|png|jpe?g|svg|webp)(?:$|\?)",
    gate=_PLACEHOLDER_NAMES,
)
IMAGE_TAGS = ("img", "picture", "amp-img")  # elements that show an item's image
SUBHEADINGS = "h2, h3, h4, h5, h6"  # the headings of cards and blocks (the page's is h1)
HERO_IMAGE_DEPTH = 4  # levels above a linked <h1> searched for an image linking to its target
MAX_ITEM_DEPTH = 8  # an item is never more than this many levels above its headline link
REGION_TOKEN_DEPTH = 6  # excluded/paid tokens count this close to an item, not on page wrappers
AD_SLOT_DEPTH = 2  # ad-slot tokens count only on the item and its parent
# A sibling <p> this long (``text.weighted_length``) marks an item standing in the body.
BODY_PARAGRAPH_CHARS = 80
MIN_SUBHEADING_PROSE_CHARS = (
    200  # a linked heading followed by this much body prose heads a part of the article
)
LABEL_SIBLINGS = 2  # a block's heading stands at most this many elements before it
PLAIN_LABEL_ELEMENTS = 3  # elements of a plain label line: "<div><span>Read next</span></div>"
BLOCK_LABEL_DEPTH = 3  # levels above an item searched for its block's heading
BLOCK_LABEL_WRAPPERS = 6  # wrappers of one child climbed beside them: a CMS's nested block
MAX_LABEL_CHARS = 80  # longer "headings" are headlines, not block labels
MAX_BLOCK_EXTRA_CHARS = 120  # a block node is dropped whole if it holds little beside items
