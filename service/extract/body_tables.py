"""Heuristic tables for main-content detection (used by ``article.py``).

Each entry carries a one-line reason. The algorithm lives in ``article.py``;
changing a weight here should never need a code change there.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from service.extract.dates_tables import MONTH_NAMES, WEEKDAY_PHRASES
from service.extract.model import ParagraphKind
from service.extract.text import CaselessPattern

# Blocks read whole as one paragraph, and the paragraph kind of each.
LEAF_BLOCKS: Mapping[str, ParagraphKind] = {
    "p": "p",  # the paragraph itself (the parser never nests blocks in it)
    "h2": "h",  # section headings inside the story
    "h3": "h",  # idem
    "h4": "h",  # idem
    "h5": "h",  # idem
    "h6": "h",  # idem
    "pre": "pre",  # code and preformatted text
    "address": "p",  # contact blocks read as prose
    "summary": "h",  # a <details> box's label: an FAQ's question, heading the answer below it
}

# A table row without blocks is one paragraph (a row's party and its figures belong
# together), its cells parted by this mark: joined by spaces, a cell of two words
# ("Liberal Democrat") read like two cells.
CELL_SEPARATOR = " | "

# Blocks that may hold other blocks: their text runs and inner blocks take this kind.
WRAPPING_BLOCKS: Mapping[str, ParagraphKind] = {
    "li": "li",  # bullet points of a story
    "blockquote": "quote",  # quotations, pull quotes
    "dd": "p",  # definition-list answers in explainer pieces
    "dt": "p",  # definition-list terms
    "td": "p",  # prose kept in table-based layouts
    "th": "p",  # idem
}

# Elements that flow inside a line of text: their text joins the current run.
INLINE_TAGS: frozenset[str] = frozenset(
    {"a", "span", "b", "strong", "i", "em", "u", "font", "small", "big", "sup", "sub", "mark"}
    | {"abbr", "cite", "q", "time", "code", "s", "strike", "del", "ins", "label", "tt", "var"}
    | {"kbd", "samp", "dfn", "bdi", "bdo", "data", "nobr", "img", "picture", "wbr", "ruby"}
)
# A run that is one of these elements alone, a bold line, is a label heading what
# follows it: a promo label ("<b>Other stories</b>") then ends its holder as a
# promo heading does.
LABEL_TAGS: frozenset[str] = frozenset({"b", "strong"})

# Blocks that the parser leaves inside an inline element when a page opens the
# element before them (an old layout's story: "<font size=3><p>...<p>...</font>",
# paragraphs without closing tags): the inline element around them is read
# through, each block its own paragraph, not read whole as one run.
READ_THROUGH_BLOCKS: frozenset[str] = frozenset({"p", "div"})
# ... in these inline elements (those old pages open around a story), found by one
# selector of parent and child: a query of every paragraph cost 0.1 M instructions
# per benchmark page.
READ_THROUGH_WRAPPERS: tuple[str, ...] = ("font", "span", "b", "strong", "i", "em", "small")

# Elements never read as body text even inside the winning container.
SKIPPED_TAGS: Mapping[str, str] = {
    "h1": "the headline: it is the article's title, not a body block",
    "figcaption": "picture captions and credits",
    "aside": "boxes beside the story: fact boxes, promos",
    "nav": "navigation inside the story (pagination, tables of contents)",
    "footer": "the story's footer: tags, share bars, notes",
    "header": "the story's header: headline, byline, date",
}

# A footnote's marks, links to a place on the same page ("#note-1", perhaps set in
# a <sup>): a reference number in the story's text ("1", "[12]", "*", "a") and the
# back link that ends a note in the notes list ("↩", "↑"). They are no words
# of the story: read, they glue to the words before them ("chlorine.1 The ...").
NOTE_MARK = re.compile(
    r"\[?(?:\d{1,3}|[a-z]|[*\u2020\u2021\u00a7])\]?"  # a number, a letter, *, †, ‡, §
    r"|[\u21a9\u21aa\u2191\u2934\u2b8f^]\ufe0e?",  # back arrows (\ufe0e: shown as text)
    re.I,
)
MAX_NOTE_MARK_CHARS = 8  # a longer link text is a word or a name, not a mark

# Skipped tags (above) that may hold a note about the story set beside it: a
# correction or an editor's note is article text, read when the element's text
# opens with one of the NOTE_LABEL labels, perhaps dated ("Correction, 17 March:",
# "Update (March 17):"), in the languages of the crawl.
NOTE_HOLDER_TAGS = frozenset({"aside", "footer"})
NOTE_LABEL = re.compile(
    r"^(correction|clarification|editor['\u2019]?s['\u2019]?\s+note|update|note to readers"
    r"|corrección|aclaración|fe de errores|nota del editor|correção|rectificatif|précision|erratum"
    r"|korrektur|richtigstellung|anmerkung der redaktion|rettifica|errata|поправка"
    r"|исправление)s?\b(,[^:]{0,30}|\s*\([^)]{0,30}\))?\s*[:\u2014]",
    re.I,
)
MIN_NOTE_CHARS = 60  # ... and holds a sentence ("Update: 17 March 2026" is a date line)

# Containers that score like a paragraph's parent but are structural hints.

CONTAINER_TAG_BONUS: Mapping[str, float] = {
    "article": 10.0,  # the HTML element for a self-contained composition
    "main": 5.0,  # the page's main content landmark
    "section": 2.0,  # often wraps the body, often wraps teaser rows too
    "div": 3.0,  # the usual body wrapper
    "td": 2.0,  # table layouts of older sites
    "blockquote": -3.0,  # a quote is part of a body, not the body
    "li": -5.0,  # list items hold teasers more often than bodies
    "ul": -5.0,  # idem
    "ol": -5.0,  # idem
    "form": -3.0,  # forms wrap whole pages on some platforms, rarely a body alone
}

# Class/id substrings that mark an element as the story body (matched on the
# lowercased class and id joined by a space).
POSITIVE_NAMES: Sequence[tuple[str, str]] = (
    ("article-body", "the usual body wrapper name"),
    ("articlebody", "camel-case variant, also itemprop"),
    ("article__body", "BEM variant"),
    ("article-content", "body wrapper"),
    ("article-text", "body wrapper"),
    ("story-body", "body wrapper on news platforms"),
    ("storybody", "camel-case variant"),
    ("story-content", "body wrapper"),
    ("story-text", "body wrapper"),
    ("entry-content", "WordPress body wrapper"),
    ("post-content", "blog body wrapper"),
    ("post-body", "blog body wrapper"),
    ("post-entry", "blog body wrapper"),
    ("content-body", "body wrapper"),
    ("body-text", "body wrapper"),
    ("main-content", "main content region"),
    ("text-content", "body wrapper"),
    ("rich-text", "CMS rich-text field holding the body"),
    ("richtext", "idem"),
    ("article", "weak: the word article names bodies and article lists alike"),
    ("story", "weak: idem"),
    ("content", "weak: the page's content column"),
    ("body", "weak: body wrappers"),
    ("text", "weak: text wrappers"),
    ("post", "weak: blog posts"),
    ("entry", "weak: blog entries"),
)

# Class/id substrings that mark an element as something other than the body.
NEGATIVE_NAMES: Sequence[tuple[str, str]] = (
    ("comment", "reader comments and their prompts"),
    ("share", "share bars"),
    ("social", "social links and embeds"),
    ("related", "related-story blocks"),
    ("recommend", "recommendation widgets"),
    ("promo", "promotional boxes"),
    ("newsletter", "sign-up boxes"),
    ("subscribe", "subscription prompts"),
    ("footer", "page and article footers"),
    ("sidebar", "side columns"),
    ("widget", "side widgets"),
    ("nav", "navigation"),
    ("menu", "menus"),
    ("breadcrumb", "breadcrumbs"),
    ("masthead", "page header"),
    ("banner", "banners and ad slots"),
    ("advert", "advertising"),
    ("sponsor", "sponsored content"),
    ("outbrain", "recommendation vendor markup (a widget kind, not a site)"),
    ("taboola", "recommendation vendor markup (a widget kind, not a site)"),
    ("popular", "most-read lists"),
    ("trending", "trending lists"),
    ("more-", "'more stories' blocks"),
    ("teaser", "teaser lists"),
    ("tags", "tag lists"),
    ("byline", "author lines"),
    ("author", "author boxes"),
    ("caption", "image captions and credits"),
    ("credit", "photo credits"),
    ("meta", "date and byline lines"),
    ("modal", "overlays"),
    ("cookie", "consent notices"),
    ("paywall", "subscription walls"),
)

# Longer words that hold a name of the lists above (``NEGATIVE_NAMES``,
# ``SKIP_IN_BODY``, the positive names) at their start and name something else: a name
# found inside one is not that name. "subscriber-only", "subscriber-preview" and
# "subscriber-premium" hold the story that subscribers read, not a prompt to subscribe.
NAME_EXCEPTIONS = ("subscriber",)

POSITIVE_WEIGHT = 25.0  # Readability's class weight for a strong body name
WEAK_POSITIVE_WEIGHT = 8.0  # for the weak names (last entries of POSITIVE_NAMES)
NEGATIVE_WEIGHT = -25.0  # Readability's class weight for a non-body name
WEAK_POSITIVE_FROM = 20  # index in POSITIVE_NAMES where the weak names start

MIN_BLOCK_CHARS = 25  # paragraphs shorter than this do not vote for a container
CONTAINER_RUNS = 3  # text runs between <br> that make their element the paragraphs' container
# A consent banner's paragraphs ("We use cookies ...", "By choosing I Accept, you
# consent to our use of cookies") do not vote either: on a page without class names
# the banner, a few long sentences, can outscore a story set in tables or short lines.
# Every such sentence names cookies, or the partners, vendors or advertisers the data
# goes to: the gate is tested on the text as it is, so each word stands without its
# first letter ("Partners"), and cookies in capitals too: a banner set in capitals ("WE
# USE COOKIES ...") outscored a story of short table cells (each literal costs about
# 0.03 M instructions a page; partners and vendors in capitals are not gated through).
# The reader leaves out a block opening with one (``body_reader``), whatever its
# length: a banner set in the story's container.
CONSENT_GATE = ("ookie", "artners", "endors", "OOKIE", "dvertisers")
CONSENT_OPENING_CHARS = 90  # a block opening with consent text holds it in this many characters
# ... after a label of this many words at most glued to it by a colon ("Your data, your
# choice: this site and its advertisers use ...", "Cookie notice: we use cookies ...")
CONSENT_LABEL_WORDS = 5
CONSENT_TEXT = CaselessPattern.compile(
    r"\b(we|we and our partners|this (web)?site|our (web)?site|the site) (use|uses) cookies"
    r"|\bwe and our (\d+ )?(partners|vendors|advertisers|advertising partners)"
    r" (store|access|use|process|collect)\b"
    r"|\b(this|our|the) (web)?site and its (\d+ )?(partners|vendors|advertisers"
    r"|advertising partners) (store|access|use|process|collect)\b"
    # ... and one that does not name cookies ("We and our partners store information on
    # your device ...", "This site and its advertisers use information about your visit")
    r"|\b(consent|agree) to (our|the) use of cookies"
    r"|\bwir (verwenden|nutzen) cookies|\b(website|webseite|seite) (verwendet|nutzt) cookies"
    r"|\bnous utilisons des cookies|\bce site utilise des cookies"
    r"|\b(vous acceptez|acceptez) l'utilisation (de|des) cookies"
    r"|\b(utilizamos|usamos) cookies|\beste (sitio|site)( web)? (utiliza|usa) cookies"
    r"|\b(aceptas|acepta|aceitas|aceita|concorda com) (el|o) uso de (las )?cookies"
    r"|\b(utilizziamo|usiamo) (i )?cookie|\bquesto sito (utilizza|usa) (i )?cookie"
    r"|мы используем (файлы )?cookie|сайт использует (файлы )?cookie",
    # Every sentence names cookies, or "we and our" partners or vendors: a block that
    # names partners otherwise (a business story's) is not searched.
    gate=("cookie", "we and our ", "site and its "),
)
# A prompt to click a picture or a link ("Click the image above and see ...", "Clique
# e saiba ...") promotes another page of the site (the sidebar boxes of a page
# without class names, each a picture link and its prompt): it does not vote either.
# Every such prompt holds one of these (click, klicken; clique, cliquez; clic, clicca),
# tested on the text as it is ("lic" alone is in "public" and "police": too common).
# A block opening with the prompt is one (``CLICK_OPENING``); elsewhere the prompt names a
# picture (``CLICK_PROMPT``), written to open with its letter ("c" where a word starts:
# Python's engine looks for the letter, where a pattern opening with a word boundary or
# a start is tried whole at every position of a block of thousands of characters).
CLICK_GATE = ("lick", "lique", "clic", "Clic")
CLICK_OPENING = CaselessPattern.compile(r"^(click|clique|cliquez|klicken sie|haz clic|clicca)\b")
CLICK_PROMPT = CaselessPattern.compile(
    r"c(?<=\bc)(lick|lique|liquez|licca) (on |na |no |em |sur |en |sull')?(the |a |o |l'|la )?"
    r"(image|photo|picture|banner|foto|imagem|imagen|immagine)\b"
)
WIDE_COMMAS = ("\uff0c", "\u3001", "\u060c")  # commas besides ",": fullwidth, ideographic, Arabic
TEXT_HOLDERS_BELOW = 20.0  # a winner scoring less sends elements with bare text to vote too
CHARS_PER_POINT = 100  # one score point per this many characters ...
MAX_LENGTH_POINTS = 3.0  # ... up to this many points (Readability)
# Share of a paragraph's points that each ancestor level gets (parent first).
ANCESTOR_DECAY: Sequence[float] = (1.0, 0.5, 0.33, 0.25, 0.2)
RIVAL_SHARE = 0.75  # a candidate scoring this share of the winner's may be another part of the body
MAX_PROMOTION_LEVELS = 3  # ... joined through a common ancestor at most this many levels up
# An <article> scoring this share of a winning one may be the page's own story
# (holding the page's <h1>), the winner the next story rendered below it.
OWN_STORY_SHARE = 0.5
MIN_LIVE_ENTRIES = 2  # a live page's feed holds this many <article> entries side by side
# A live page that does not declare itself one: this many <article> entries side by
# side, each opening with its time and an unlinked headline (one of these tags), are
# one story too; a list of posts opens each with a linked headline.
MIN_UNDECLARED_LIVE_ENTRIES = 3
LIVE_HEADLINE_TAGS = frozenset({"h2", "h3", "h4"})
# An entry without a headline opens with its time and then its first paragraph
# (one of these tags), an unlinked one too: a post in a list opens with a linked headline.
LIVE_TEXT_TAGS = frozenset({"p"})
MAX_ARTICLES_PER_PART = 2  # <article>s a joined body may hold per part (its own, a nested one)
MIN_PART_SCORE = 10.0  # an element classed like the winner joins it with at least this score
SIBLING_SHARE = 0.2  # a sibling joins the body when its score reaches this share of the winner's
MIN_SIBLING_SCORE = 10.0  # ... and at least this score
# A body cut into runs by pictures or ads, each run wrapped alike, with no class
# names to match: the runs' wrappers are siblings under an element at most this
# many levels above the winner, ...
MAX_RUN_LEVELS = 5
MIN_RUN_PARAGRAPHS = 2  # ... each run holds this many paragraphs (one is a promo line) ...
MAX_RUN_GAP = 2  # ... and this many elements of text at most stand between two runs
# ... and a run after the winner opens its wrapper: neither text (a box's label) nor
# one of these elements comes before it there (a rule sets off a box: "About us").
RUN_BOX_OPENERS = frozenset({"hr"})

# A <br> ends a paragraph (text set between <br>s) unless it wraps a sentence:
# the text after it goes on in lower case and the text before it does not end
# with one of these (a sentence's or a clause's end, a label's colon).
BR_ENDS_LINE = frozenset(".!?:;\u2026\u3002\uff01\uff1f\uff1a\"'\u201d\u00bb)")
# A line this long (spaces folded) that ends in a word in lower case before a <br>
# is a wrapped line of typed prose (a press release's hard line breaks): the text
# after it goes on in its sentence even when it opens with a capital or a digit
# ("... said chief executive<br>Marcus Dale."); labels and bylines are shorter,
# and the lines of a list (tour dates, groups of teams) end in a name or a figure.
MIN_HARD_WRAP_CHARS = 60
MAX_LINK_DENSITY = 0.5  # a block whose text is mostly link text is navigation, not body
SHORT_BLOCK_CHARS = 80  # a short block ...
SHORT_MAX_LINK_DENSITY = 0.25  # ... needs a lower link density to stay
# A block that reads as a sentence (``PROSE_END``, ``MIN_PROSE_WORDS``) is prose
# with inline links, not a link list: its links sit inside its words.
PROSE_MAX_LINK_DENSITY = 0.7  # a sentence keeps up to this share of link text ...
PROSE_SHORT_MAX_LINK_DENSITY = 0.5  # ... or this share when short
MAX_SIGNATURE_CHARS = 60  # a bold line alone this short closing the body may be its author
MIN_PROSE_WORDS = 6  # a sentence has this many words at least (link items are a few words)
# A preformatted block set as prose (a press release or an old post typed with hard
# line breaks) rather than code: its paragraphs, parted by blank lines, each read as
# a sentence, and each of their lines but the last is a wrapped line this long at
# least, none but a paragraph's first indented (a poem's lines are short, code's indented).
MIN_WRAPPED_LINE_CHARS = 40
# The end of a sentence: terminal punctuation, then closing quotes or brackets.
PROSE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019\u00bb)\]]*$")
LISTING_MIN_HEADLINES = 3  # a story list has at least this many linked headlines ...
LISTING_BLOCKS_PER_HEADLINE = 3  # ... and at most this many blocks (snippets, dates) per headline
# A page declared a listing, or of undeclared type at a tag, topic or author page's URL
# (``is_listing_url``: a topic's description of three paragraphs above its story cards),
# needs a body this long to be an article.
MIN_LISTING_BODY_CHARS = 1000
# On a page of undeclared type, a shorter body is not an article (``text.weighted_length``:
# a CJK character counts twice) ...
MIN_ARTICLE_CHARS = 140
MIN_TEASER_SHARE = 0.6  # ... nor one with less text than this share of the teasers' text ...
MIN_PARAGRAPHS = 3  # ... unless it has at least this many paragraphs

# A script-built page's state (``page_state``): a ``<script type="application/json">``
# blob whose story object is read when the visible page has no body.
STATE_TITLE_KEYS = (
    "headline",  # schema.org's name for a story's headline, mirrored by many apps
    "title",  # the usual name of a story's title in an app's data
)
STATE_BODY_KEYS = (
    "articleBody",  # schema.org's name for the story's text, mirrored by many apps
    "body",  # the usual name of a story's text in an app's data
    "content",  # a CMS's name for the story's text
)
STATE_TEXT_KEYS = (
    "text",  # a paragraph block's text
    "html",  # a paragraph block's markup
    "content",  # a paragraph block's text in a CMS's blocks
)
# A body given as a rich-text tree (a headless CMS's or an editor's document): its
# blocks hold runs of text nodes, and a block's type names its paragraph kind.
STATE_CHILD_KEYS = (
    "content",  # a CMS's and an editor's document: the nodes inside a node
    "children",  # other editors' and portable text's name for them
)
STATE_BLOCK_LIST_KEYS = ("blocks",)  # an editor's raw state: a flat list of text blocks
STATE_LEAF_KEYS = (
    "text",  # a text node's text in most editors
    "value",  # a CMS's text node
)
STATE_KIND_KEYS = (
    "nodeType",  # a CMS's node type ("heading-2", "list-item")
    "type",  # most editors' node type ("heading", "bullet_list", "header-two")
    "_type",  # portable text's block type ("block")
    "style",  # portable text's block style ("h2", "blockquote", "normal")
)
STATE_LIST_ITEM_KEYS = ("listItem",)  # portable text marks a list's block by this key
STATE_BLOCK_KINDS: Sequence[tuple[re.Pattern[str], ParagraphKind]] = (
    (
        re.compile(
            r"(?:h[1-6]|(?:sub)?head(?:er|ing)?(?:[-_ ]?(?:[1-6]|one|two|three|four|five|six))?)",
            re.I,
        ),
        "h",  # headings of every level and spelling: "h2", "heading-2", "header-two"
    ),
    (
        re.compile(r"(?:(?:un)?ordered[-_ ]?list[-_ ]?item|list[-_ ]?item|li)", re.I),
        "li",  # a list's items: "list-item", "list_item", "unordered-list-item"
    ),
    (re.compile(r"(?:block[-_ ]?quote|quote)", re.I), "quote"),  # quoted passages
    (re.compile(r"(?:code(?:[-_ ]?block)?|pre(?:formatted)?)", re.I), "pre"),  # code
    (
        re.compile(r"(?:paragraph|p|unstyled|normal|text|block)", re.I),
        "p",  # plain paragraphs: a list item's or quote's paragraph takes the outer kind
    ),
)
MAX_STATE_DEPTH = 32  # nodes nested deeper are no story's blocks; a hostile tree stops here
MAX_STATE_CHARS = 5_000_000  # a longer blob is a data dump, not a page's state
MAX_STATE_OBJECTS = 20_000  # objects read in one blob: a story sits near its top
MAX_STATE_TITLE_CHARS = 400  # a longer value under a title key is no headline

# A page that stands in for a story or a listing: an error page, a removal notice, a
# bot check, a consent or subscription wall. Its headline (the first <h1>, the title,
# or a heading opening the body) says so, and its body is no longer than a notice.
MAX_NOTICE_CHARS = 1500  # a notice is a few sentences; a story about such pages runs longer
MAX_NOTICE_HEADLINE_CHARS = 100  # a notice headline is short; a longer one is a story's
# The two patterns whose alternatives are tried at every position are searched only in
# a headline holding a literal of their gate (in its gate form, ``text.literal_table``):
# every match of each alternative holds one, and most headlines hold none.
NOTICE_HEADLINES: Sequence[tuple[re.Pattern[str] | CaselessPattern, str]] = (
    (
        re.compile(
            r"^((error|fehler|erreur)\s*)?404(\s*[-:\u2013|.!]|\s+(not found|error|page)\b|$)",
            re.I,
        ),
        "error codes as headlines ('404', 'Error 404 - Not found'); '404 people ...' goes on",
    ),
    (
        CaselessPattern.compile(
            r"\bpage (was )?not found"
            r"|\bpage (could not|cannot|can't|can\u2019t|couldn't) be found"
            r"|\b(can't|can\u2019t|cannot|could not|couldn't|couldn\u2019t)"
            r" find (that|this|the) page"
            r"|^not found$"
            r"|seite (wurde )?nicht gefunden|página no encontrada|página não encontrada"
            r"|page (introuvable|non trouvée)|pagina non trovata|pagina niet gevonden"
            r"|страница не найдена|nie znaleziono strony|strona nie została znaleziona"
            r"|sayfa bulunamad\u0131",
            gate=(
                *("found", "find", "gefunden", "encontrada", "trouv", "trovata", "gevonden"),
                *("найдена", "znalezion", "bulunamad"),
            ),
        ),
        "page-not-found headlines of soft 404s, in the languages of the crawl",
    ),
    (
        CaselessPattern.compile(
            r"^(sorry,? )?(this|the) (article|story|page|content|video)"
            r" (has expired|is no longer available|(has been|was) (removed|deleted)"
            r"|no longer exists)"
            r"|(artikel|inhalt|beitrag|seite) (ist )?(leider )?nicht mehr (verfügbar|online)"
            r"|(artículo|contenido|noticia) (ya )?no (está )?disponible"
            r"|(article|contenu) n'est plus disponible"
            r"|(articolo|contenuto) non (è )?più disponibile"
            r"|(artigo|conteúdo) (já )?não (está )?disponível",
            gate=("expired", "no longer", "removed", "deleted", "nicht mehr", "dispon"),
        ),
        "notices of an expired or removed story, in the languages of the crawl",
    ),
    (
        re.compile(
            r"^just a moment\b|^one moment, please|^einen moment|^un (instant|momento)\b"
            r"|^checking (your browser|if the site connection is secure)"
            r"|^(please )?verify(ing)? (that )?you are (a )?human|^are you (a robot|human)\b"
            r"|^attention required|^access denied$|^security check$|^one more step$"
            r"|^(bist du|sind sie) ein (roboter|mensch)|^êtes-vous un robot|^¿?eres un robot",
            re.I,
        ),
        "bot checks and captchas served instead of the page",
    ),
    (
        re.compile(
            r"^(you are|you're|you will be) (being )?redirected\b|^redirecting\s*(\.\.\.|\u2026)?$"
            r"|^sie werden (weiter|um)geleitet|^weiterleitung\s*(\.\.\.|\u2026)?$"
            r"|^redirection en cours|^(está|estás) siendo redirigido|^redirigiendo\b",
            re.I,
        ),
        "redirect interstitials (a meta refresh to the story's new address)",
    ),
    (
        re.compile(
            r"^(we|we and our partners) (value|care about|respect) your privacy"
            r"|^your privacy (choices|settings)$|^before you continue\b"
            r"|^(cookie|privacy) (consent|settings|preferences)$"
            r"|^wir brauchen ihre (zustimmung|einwilligung)|^zustimmung erforderlich"
            r"|^(ihre )?(datenschutz|cookie)-?einstellungen$"
            r"|^(nous )?respectons votre vie privée|^(respetamos|valoramos) tu privacidad"
            r"|^(la tua privacy|a sua privacidade)\b",
            re.I,
        ),
        "consent walls served instead of the page, in the languages of the crawl",
    ),
    (
        re.compile(
            r"^(subscribe|sign in|log in|register) to (continue|keep reading|read|unlock)"
            r"|^(this|the) (article|story|content) is (only )?(for|available to|reserved for)"
            r" (subscribers|members)|^(for )?subscribers only\b|^continue reading with\b"
            r"|^(jetzt )?weiterlesen mit\b|^(dieser )?(artikel|inhalt) (ist )?(nur )?für abonnenten"
            r"|^exklusiv für abonnenten|^contenido exclusivo para suscriptores"
            r"|^(article )?réservé aux abonnés|^riservato agli abbonati"
            r"|^conteúdo exclusivo para assinantes",
            re.I,
        ),
        "subscription and sign-in walls that hold no story text (a paywalled stub's lead"
        " comes before its prompt)",
    ),
)

# A clock time with its zone ("10:42 GMT", "9:15am ET") and a time counted back ("2
# hours ago", "hace 3 horas", alone or glued to a byline or section, no sentence after
# it): a live page's entry stamps, dropped from the body. A live entry opens with
# either, or with a clock time without its zone ("14:05", "4:14 p.m.", which the body
# keeps, as the benchmark's reference bodies do: ``article.py``); a reader's comment
# is dated by the second.
_CLOCK = r"^\d{1,2}[:.h]\d\d\s*([ap]\.?m\.?\s*)?"
_ZONE = r"(gmt|utc|bst|cet|cest|eet|msk|ist|jst|aest|[ecmp][sd]?t)([+\-]\d{1,2})?"
ZONED_CLOCK_TIME = re.compile(f"{_CLOCK}{_ZONE}$", re.I)
CLOCK_TIME = re.compile(f"{_CLOCK}({_ZONE})?$", re.I)
RELATIVE_TIME = re.compile(
    r"^(\d{1,3}\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|h|m)\s+ago"
    r"|(hace|il y a|vor|há)\s+\d{1,3}\s+(segundos?|minutos?|horas?|días|dias|secondes?"
    r"|minutes?|heures?|jours?|sekunden|minuten|stunden|tagen?))[^.!?]{0,40}$",
    re.I,
)
# A time counted back in words, alone ("an hour ago", "yesterday", "just now",
# "yesterday at 14:05", "vor einer Stunde", "hace una hora"): a live entry's stamp
# or a reader's comment's date, as ``RELATIVE_TIME`` is, and dropped from the body
# too. Nothing may follow it but a clock time: "Yesterday the council voted" is a
# sentence.
WORDED_TIME = re.compile(
    r"^(just now|moments ago|an? (few )?(moment|second|minute|hour|day|week)s? ago"
    r"|yesterday|gestern|ayer|ontem|ieri|hier(?=,? à)|à l'instant|gerade eben"
    r"|vor (einer|einem) (minute|stunde|tag|woche)|il y a (une|un) (minute|heure|jour|semaine)"
    r"|hace (un|una) (minuto|hora|día|semana)|há (um|uma) (minuto|hora|dia|semana))"
    r"(,?\s*(at|um|à|a las|às|alle)?\s*\d{1,2}[:.h]\d\d\s*([ap]\.?m\.?)?)?$",
    re.I,
)
# Whole-block texts that are labels or boilerplate, never body prose: each anchored at
# the block's start (the reader searches them as one alternation, and only in a block
# that may open one of its matches).

# An update written after a date line's time ("..., updated 4 May 2026 at 15:10",
# "... - mis à jour le 4 mai 2026"): the date line is the story's all the same.
_UPDATE_CLAUSE = (
    r"(\s*[,\-\u2013\u2014|]\s*(updated|modifié|mis à jour|actualizado|atualizado|aktualisiert"
    r"|aggiornato)\b.{0,50})?"
)

DROP_BLOCK_PATTERNS: Sequence[tuple[re.Pattern[str], str]] = (
    (
        re.compile(
            r"^(advertisement|advertising|anzeige|werbung|publicité|publicidad|publicidade"
            r"|pubblicità|reclame|advertentie|reklama|reklam|iklan|quảng cáo|реклама|広告|广告"
            r"|광고|廣告|διαφήμιση|פרסומת|آگهی|تبلیغات|โฆษณา|annons|annonce|annonse|mainos"
            r"|publicitate|hirdetés|विज्ञापन|বিজ্ঞাপন|sponsored)$",
            re.I,
        ),
        "ad slot labels, in the languages of the crawl (Dutch 'advertentie', Turkish"
        " 'reklam', Indonesian 'iklan', Vietnamese 'quảng cáo', Greek 'διαφήμιση',"
        " Hebrew 'פרסומת', Persian 'آگهی' and 'تبلیغات', Thai 'โฆษณา', Swedish 'annons',"
        " Danish 'annonce', Norwegian 'annonse', Finnish 'mainos', Romanian 'publicitate',"
        " Hungarian 'hirdetés', Hindi 'विज्ञापन', Bengali 'বিজ্ঞাপন'; Czech and Polish 'reklama')",
    ),
    (
        re.compile(
            r"^(tags|tagged|tagged with|topics|related topics|keywords|themen|schlagwörter"
            r"|mots-clés|étiquettes|etiquetas|temas|palavras-chave)\s*:?$",
            re.I,
        ),
        "tag list labels",
    ),
    (
        re.compile(r"^(read|see|watch|listen)( (more|also|next))?\s*[:\-\u2013\u2014]", re.I),
        "inline promo lead-ins",
    ),
    (
        re.compile(r"^view (this|the) (post|photo|video|reel) on [^\s]+( [^\s]+)?$", re.I),
        "an embedded post's call to see it on its platform: the embed's chrome, shown"
        " until its script loads (the post's words and the line naming who shared it stay)",
    ),
    (
        re.compile(
            r"^(related|more|also read|recommended|lire aussi|mehr zum thema)\s*[:\-\u2013\u2014]",
            re.I,
        ),
        "inline promo lead-ins",
    ),
    (
        re.compile(
            r"^(share|share this|share on|follow us|tweet|email|compartir|compartilh[ae]r?"
            r"|compártelo|partager|teilen|condividi|поделиться|シェア)\b.{0,40}$",
            re.I,
        ),
        "share prompts, in the languages of the crawl",
    ),
    (
        re.compile(r"^(like this:|(like )?loading\s*(\.\.\.|\u2026))$", re.I),
        "a blog's like button and its placeholder ('Like this:', 'Like Loading...')",
    ),
    (
        re.compile(
            r"^(follow (us|@\w+|\w+ on)|have a (news )?tip|got a (news )?tip"
            r"|(like|enjoyed|enjoy) this (story|article|post)\?)",
            re.I,
        ),
        "follow and tip prompts",
    ),
    (
        re.compile(
            r"^[(\[]?(photo|image|picture|video|credit|source|getty images|reuters|ap|foto|fuente"
            r"|fonte|quelle|bild|фото|источник|写真|画像|出典)(\s+(credit|copyright)s?\b)?"
            r"(\s+by\b|\s*[:/\uff1a]|(?<=copyright)\s)",
            re.I,
        ),
        "picture credits and sources, in the languages of the crawl ('Photo: ...',"
        " '(Image credit: ...)', 'Image copyright ...')",
    ),
    (
        re.compile(r"^(image|media|video|photo|picture) caption(?!s\b)", re.I),
        "captions opening with their screen readers' label ('Image caption ...',"
        " 'Media caption ...')",
    ),
    (
        re.compile(
            r"^(by|von|par|por|автор:?)\s+[\w.\-' ]{2,60}"
            r"(\s[|\u00b7\u2022]\s.{0,60}|\s\d{1,2}\.?\s.{0,40}\d{4}\b.{0,12}"
            r"|\s(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d{1,2}(st|nd|rd|th)?,?"
            r"\s\d{4}\b.{0,12})?$",
            re.I | re.U,
        ),
        "bylines, a date after a separator or after the name ('Por Ana Gil 4 de mayo de 2026',"
        " 'By Ann Lee March 12, 2026')",
    ),
    (
        re.compile(
            r"^(published|updated|posted|last updated|publicado|actualizado|atualizado|publié"
            r"|mis à jour|veröffentlicht|aktualisiert|pubblicato|aggiornato|опубликовано"
            r"|обновлено)\b.{0,60}" + _UPDATE_CLAUSE + "$",
            re.I,
        ),
        "date lines, in the languages of the crawl, and the update after them",
    ),
    (
        re.compile(
            r"^((le|el|il|am)\s+)?\d{1,2}(er|º)?\.?\s+(de\s+)?("
            + "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
            + r")\.?,?\s+(de\s+)?\d{4}\b(.{0,24}|,?\s+(à|a las|alle|um)\s+\d{1,2}\s*[h:.]\s*\d{2}"
            + _UPDATE_CLAUSE
            + ")$",
            re.I,
        ),
        "date lines: day, month name of another language, year ('4 февраля 2026, 09:30',"
        " 'Le 4 février 2026 à 11h45, modifié le 4 février 2026 à 15h10')",
    ),
    (
        re.compile(r"^\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]?.{0,20}$", re.I),
        "date lines: CJK year-month-day ('2026年2月4日 9時30分')",
    ),
    (
        re.compile(
            r"^(tags|topics|temas|tópicos|etiquetas|thèmes|mots-clés|schlagworte|schlagwörter"
            r"|теги|темы|метки|タグ|キーワード)\s*[:\uff1a]",
            re.I,
        ),
        "tag lines ('Topics: ...', 'Теги: ...')",
    ),
    (re.compile(r"^[\d\s/.,:\-]+(am|pm)?$", re.I), "bare dates, times and numbers"),
    (
        ZONED_CLOCK_TIME,
        "clock times with a time zone: a live page's entry stamps ('10:42 GMT', '9:15am ET')",
    ),
    (
        RELATIVE_TIME,
        "relative times ('2 hours ago', 'hace 3 horas'), alone or glued to a byline or"
        " section: a live page's entry stamps; no sentence goes on after them",
    ),
    (WORDED_TIME, "relative times in words ('an hour ago', 'yesterday'): entry stamps"),
    (
        re.compile(
            r"^(page|p\.|seite|página|pagina|страница)\s*\d{1,3}\s*(of|/|von|de|di|sur|из)\s*\d{1,3}$",
            re.I,
        ),
        "a paginated story's page counter ('Page 1 of 3', 'Seite 2 von 3')",
    ),
    (
        re.compile(
            r"^(image|photo|picture|pic|slide|foto|bild|imagen|imagem|immagine|фото)\s*\d{1,3}"
            r"\s*(of|/|von|de|di|sur|из)(\s*/)?\s*\d{1,3}$",
            re.I,
        ),
        "a slideshow's picture counter ('Image 1 of 8', 'Foto 2 de 5')",
    ),
    (
        re.compile(
            r"^(close|caption|show caption|hide caption|(back to|view|open|launch) (the )?gallery"
            r"|full ?screen|enlarge|next|previous|prev|schließen|fermer|cerrar|fechar|chiudi"
            r"|закрыть|zurück zur galerie|retour à la galerie|volver a la galería"
            r"|voltar à galeria)$",
            re.I,
        ),
        "a slideshow's controls set as text, in the languages of the crawl",
    ),
    (
        re.compile(r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}\b.{0,100}$"),
        "lines led by a date: dateline, byline",
    ),
    (
        re.compile(
            r"^(posted|published|written|publicado|escrito|publié|veröffentlicht)"
            r" (by|por|par|von)\b",
            re.I,
        ),
        "byline phrases",
    ),
    (
        re.compile(
            r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|segunda-feira|terça-feira"
            r"|quarta-feira|quinta-feira|sexta-feira|sábado|domingo|lundi|mardi|mercredi|jeudi"
            r"|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
            r"|" + "|".join(WEEKDAY_PHRASES) + r")"
            r",? .{0,40}\d{4}\b.{0,20}$",
            re.I,
        ),
        "weekday date lines (Vietnamese: 'Thứ năm, 12/3/2026, 14:35 (GMT+7)')",
    ),
    (
        re.compile(
            r"^(\d{1,2}\.? )?(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?"
            r"|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?"
            r"( \d{1,2}(st|nd|rd|th)?)?,? \d{4}\b.{0,24}$",
            re.I,
        ),
        "date lines: month-name dates with an optional time",
    ),
    (
        re.compile(r"^[<\[(]?(저작권자\s*[ⓒ©]|ⓒ).{0,120}$"),
        "Korean copyright notices closing a story ('ⓒ 한빛일보, ...', '<저작권자 © ...>'); an"
        " English '© 2026 Example Media' line is left alone, as the benchmark's bodies keep it",
    ),
    (
        re.compile(r"^[가-힣]{2,4}\s?(기자|특파원|통신원)(\s*[=·]?\s*[\w.+\-]+@[\w.\-]+)?$"),
        "a Korean reporter's sign-off after the story: name, 'reporter', e-mail"
        " ('김민준 기자 minjun@example.com')",
    ),
    (re.compile(r"^\[\w+(\s+[\w\-]+=[^\]\s]+)+\s*\]"), "unrendered CMS shortcodes"),
    (re.compile(r"^(leave|post|add|write) (a|the first|your) comment", re.I), "comment prompts"),
    (
        re.compile(
            r"^(sign up|subscribe|suscríbete|suscribete|assine|inscreva-se|abonnez-vous"
            r"|abonnieren|iscriviti|подписывайтесь|подпишитесь)\b.{0,120}$",
            re.I,
        ),
        "sign-up prompts, in the languages of the crawl",
    ),
    (
        re.compile(r"^(let|get|have) (our|the)\b.{0,50}\b(to|in|into|meet|hit) your inbox\b", re.I),
        "newsletter pitches without the word ('Let our news meet your inbox.')",
    ),
    (
        re.compile(r"^(chat|talk) (with|to) us (in|on|via)\b", re.I),
        "prompts to follow the newsroom in a messenger app",
    ),
    (
        re.compile(
            r"^(get|try|start|enjoy) ((unlimited|full|digital|free) ){1,2}access\b"
            r"|^(subscribe|sign up)( now| today)?( to get| and get| for)?"
            r" ((unlimited|full|digital|complete) ){1,2}access\b"
            r"|^(only|just) [$\u20ac\u00a3] ?\d[\d.,]* (a|per|for)\b[^.!?]{0,60}[.!]?$",
            re.I,
        ),
        "subscription offers ('Get unlimited digital access for $1 a week', 'Subscribe now to"
        " get unlimited access to ...', 'Only $1 for your first 3 months.')",
    ),
    (
        re.compile(r"^already (a (subscriber|member)|have an account)\b", re.I),
        "subscription log-in prompts",
    ),
    (
        re.compile(
            r"^((log|sign) in|register) to (continue|keep) reading\b[^.!?]{0,40}[.!]?$"
            r"|^(this|the) (article|story|content) is (only )?(for|available to|reserved for"
            r"|exclusive to) (paying )?(subscribers|members)( only)?[.!]?$"
            r"|^you('ve| have) (reached|used) (your|all your|the)( \w+)? (limit of )?free"
            r" (articles|stories)\b[^.!?]{0,40}[.!]?$",
            re.I,
        ),
        "a subscription wall's lines after a stub's lead ('This article is for subscribers"
        " only.', 'You've reached your limit of free articles this month.')",
    ),
    (
        re.compile(
            r"^click here (to (read|see|view) (more|on|the (full|whole|rest of the)"
            r" (story|article))|for (more|the (full|whole) (story|article)))\b[^.!?]{0,40}[.!]?$",
            re.I,
        ),
        "a prompt to read on elsewhere ('Click here to read more'); a prompt that says what"
        " it offers ('Click here to download the guide') may be the page's own text",
    ),
    (
        re.compile(
            r"^get (the|our)( free| new)?( [\w'\u2019&\-]+){0,2} app"
            r"( (for|now|today)\b[^.!?]{0,50})?[.!]?$",
            re.I,
        ),
        "an app promo's heading ('Get the app', 'Get the Echo app for breaking news'): a"
        " story's sentence about an app goes on past it ('Get the app working again ...')",
    ),
    (re.compile(r"^what is your opinion", re.I), "comment prompts"),
    (
        re.compile(
            r"^do you have an opinion on the (issues|points|topics) raised in this"
            r" (article|piece)\b",
            re.I,
        ),
        "the letters page's prompt under a story ('Do you have an opinion on the issues raised"
        " in this article? ... please click here.')",
    ),
    (
        re.compile(
            "^(\U0001f4f2 ?|\U0001f4e2 ?|\U0001f449 ?)?"  # a phone, a loudspeaker, a hand
            r"(participe|entre|siga|join|follow"
            r"|s[u\u00fa]mate|[u\u00fa]nete|rejoignez)\b"
            r"(?=[^.!?]*\b(canal|channel|grupo|group|cha[i\u00ee]ne|kanal)\b)"
            r"[^.!?]{0,80}\b(whatsapp|telegram)\b[^.!?]{0,60}[.!]?$",
            re.I,
        ),
        "a messaging channel's promo ('Participe do canal do Jornal no WhatsApp', 'Join our"
        " WhatsApp channel'), a line of its own",
    ),
    (
        re.compile(
            r"^(note: )?(we are (temporarily )?moderating (all )?comments\b.*"
            r"|(all )?comments (are|have been) (closed|disabled|turned off)"
            r"( (for|on) this (story|article|post))?\.?"
            r"|(all )?comments are moderated\b.*)$",
            re.I,
        ),
        "notices of the comment thread: closed, moderated",
    ),
    (
        re.compile(
            r"^(listen to (this|the) (article|story)|(diesen )?artikel (anhören|vorlesen)"
            r"|écouter (cet|l['\u2019])article|escuchar (este artículo|la noticia)"
            r"|ouvir (esta )?(matéria|notícia)|ascolta l['\u2019]articolo)\b[^.!?]{0,30}$",
            re.I,
        ),
        "an audio player's label set between the story's paragraphs, with its length"
        " ('Listen to this article · 5 min'), in the languages of the crawl",
    ),
    (
        re.compile(
            r"^((advertisement|advertising|ad)\s*[\-\u2013\u2014:\u00b7|]?\s*)?"
            r"((the |this )?(story|article|text|report|content) continues (below|after)"
            r"( (the |this )?(ad|advert|advertisement|video))?|continue reading below"
            r"|scroll (down )?to continue( reading)?|(la )?suite (de l['\u2019]article )?après"
            r" (cette |la )?(publicité|annonce)|(der )?artikel (geht|wird) (unter|nach) der"
            r" (anzeige|werbung) (weiter|fortgesetzt)|weiterlesen nach der anzeige"
            r"|(la noticia|el artículo) continúa (debajo|tras la publicidad)"
            r"|(a )?(matéria|notícia) continua (abaixo|após a publicidade)"
            r"|l['\u2019]articolo continua (sotto|dopo la pubblicità))\s*[.:]?$",
            re.I,
        ),
        "an ad slot's line between the story's paragraphs ('Story continues below"
        " advertisement'), in the languages of the crawl",
    ),
    (
        re.compile(
            r"^(in this (article|story|piece)|(table of )?contents|on this page|jump to( section)?"
            r"|inhalt|inhaltsverzeichnis|in diesem artikel|sommaire|dans cet article|índice"
            r"|contenido|en este artículo|neste artigo|indice|in questo articolo)\s*:?$",
            re.I,
        ),
        "the label of a long read's table of contents (its entries, links to the page's"
        " own subheadings, go as link-heavy blocks), in the languages of the crawl",
    ),
    (
        re.compile(
            r"^((this|the) (content|graphic|interactive|embed|chart|map|media|element)"
            r" is (not|no longer|currently not|un)\s?available\b[^.!?]{0,60}[.!]?\s*"
            r"|(please )?(enable|turn on|activate) javascript\b[^.!?]{0,80}[.!]?\s*"
            r"|(this )?javascript (is )?(required|must be enabled|is disabled)\b"
            r"[^.!?]{0,80}[.!]?\s*"
            r"|your browser does not support\b[^.!?]{0,80}[.!]?\s*"
            r"|(dieser inhalt|diese grafik) ist nicht (mehr )?verfügbar[^.!?]{0,60}[.!]?\s*"
            r"|(bitte )?aktivieren sie javascript\b[^.!?]{0,80}[.!]?\s*"
            r"|ce contenu n['\u2019]est pas disponible[^.!?]{0,60}[.!]?\s*"
            r"|(este contenido no está disponible|este conteúdo não está disponível)"
            r"[^.!?]{0,60}[.!]?\s*)+$",
            re.I,
        ),
        "an interactive embed's fallback, shown until its script draws it ('This content is"
        " not available', 'Enable JavaScript to view this graphic'), in the languages of"
        " the crawl",
    ),
    (
        re.compile(
            r"^(market data|data|quotes?|stock quotes|prices)( (are|is))? delayed( by)?( at least)?"
            r" \d{1,2} ?(minutes|mins?)\b.{0,120}$",
            re.I,
        ),
        "a markets page's notice that its quotes are delayed ('Market data delayed 15"
        " minutes.'), with the lines of small print after it",
    ),
    (
        re.compile(
            r"^(duration|length|running time|duración|duração|durée|dauer|длительность)"
            r"\s*:?\s*\d{1,2}(:\d\d){1,2}$",
            re.I,
        ),
        "a video's length label",
    ),
    (
        re.compile(
            r"^(enter|type|add) (your )?(email|e-mail)( address)?( here| below)?\s*[:*.]?$"
            r"|^we( will|'ll|\u2019ll) never (share|sell|pass on) your (email|e-mail|details|data)"
            r"( address)?( with (anyone|anybody|third parties))?[.!]?$"
            r"|^(thanks|thank you)( so much)? for (signing up|subscribing|registering|joining)\b"
            r"[^?]{0,80}$"
            r"|^by (subscribing|signing up|registering|creating an account|continuing),? you"
            r" (agree|accept|consent)\b[^!?]{0,120}$",
            re.I,
        ),
        "a sign-up box's own lines: its field's label ('Enter your email'), its promise ('We'll"
        " never share your email address.'), its thanks ('Thanks for signing up!') and its"
        " terms ('By subscribing, you agree to our Privacy Policy.'); no story sentence opens"
        " so",
    ),
    (
        re.compile(
            r"^(we|we and our partners) (value|care about|respect) your privacy[.!]?$"
            r"|^you (can|may) (accept|reject|change|withdraw|manage)\b[^.!?]{0,60}"
            r"\b(choices|consent|preferences|settings)\b[^!?]{0,120}$",
            re.I,
        ),
        "a consent banner's heading and its choices ('We value your privacy', 'You can accept,"
        " reject or manage your choices at any time ...'), which need not name cookies",
    ),
    (
        re.compile(
            r"^(create|open|register for) (a |an |your )?(free )?(account|registration)"
            r"( now| today)? to (continue|keep|start) reading\b[^.!?]{0,40}[.!]?$"
            r"|^(registration|registering|signing up) (is free|takes (less than|under|only)\b)"
            r"[^!?]{0,100}$",
            re.I,
        ),
        "a registration wall's lines between a stub's paragraphs ('Create a free account to"
        " continue reading', 'Registration takes less than a minute ...')",
    ),
    (
        re.compile(
            r"^(listen to )?(the |an )?audio version( of (this|the) (article|story))?"
            r"\s*[:\-\u2013\u00b7|]?\s*(\d{1,2}:\d\d(:\d\d)?|\d{1,3}\s*min(ute)?s?)?[.!]?$",
            re.I,
        ),
        "an audio player's label with its length ('Audio version 4:12', 'Listen to the audio"
        " version of this article')",
    ),
)

# A quote's figures: a price, then its change with an arrow or a sign ("12.30 ▲1.2%",
# "4.86 ▼0.05 (-1.0%)"), perhaps after a ticker symbol in brackets.
_PRICE = r"[$£€¥]?\d[\d,]*(?:\.\d+)?p?"
_CHANGE = r"\d+(?:[.,]\d+)?(?:%| \([+\-\u2212]?\d+(?:[.,]\d+)?%\))"
_ARROWS = "\u25b2\u25bc\u25b3\u25bd\u2191\u2193"  # ▲ ▼ △ ▽ ↑ ↓
_SYMBOL = r"\([A-Z][A-Z0-9.:\-]{0,9}\)"

# Runs cut out of a paragraph's text, not the whole block: widgets set inside the
# sentences, whose words the sentence does not read. Each is searched only in a
# block holding its gate: groups of literals, every match holding one literal of
# each group (the change's "%", the arrow, the symbol's bracket, the sign).
INLINE_DROP_PATTERNS: Sequence[tuple[re.Pattern[str], tuple[tuple[str, ...], ...], str]] = (
    (
        re.compile(rf" (?:{_SYMBOL} )?{_PRICE} ?[{_ARROWS}] ?[+\-\u2212]?{_CHANGE}"),
        (("%",), tuple(_ARROWS)),
        "a stock quote chip's figures after the company's name ('Shares in Acme Corp (ACME)"
        " 12.30 \u25b21.2% rose'): the sentence reads the name, the chip's price and change"
        " are a live widget's",
    ),
    (
        re.compile(rf" {_SYMBOL} {_PRICE} [+\-\u2212]{_CHANGE}"),
        (("%",), (") ",), (" +", " -", " \u2212")),
        "... the same with a signed change after the ticker symbol ('Acme Corp (ACME) 12.30"
        " +1.2%')",
    ),
)

# Drop patterns searched anywhere in a block, each behind a gate: literals one of which
# a block must hold for the pattern to be tried (most blocks hold none, and a search
# of an unanchored alternation costs several times the substring tests).
GATED_DROP_PATTERNS: Sequence[tuple[CaselessPattern, str]] = (
    (
        CaselessPattern.compile(
            r"\((image|photo|picture|pic|foto|bild|credit)s?\s*:[^()]{1,60}\)\s*$",
            gate=("(image", "(photo", "(pic", "(foto", "(bild", "(credit"),
        ),
        "picture captions ending in a credit",
    ),
    (
        CaselessPattern.compile(r"download .{0,40}\bapp(lication)?\b", gate=("download ",)),
        "app install promos",
    ),
    (
        CaselessPattern.compile(
            r"\b(sign up for|subscribe to)\b.{0,60}\bnewsletters?\b", gate=("newsletter",)
        ),
        "newsletter prompts after a lead-in ('Get the latest news ...')",
    ),
    (
        CaselessPattern.compile(
            r"(무단\s?전재|재배포)[^.!?\u3002]{0,40}금지[^.!?\u3002]{0,40}$",
            gate=("무단", "재배포"),
        ),
        "a Korean reprint notice ending its block ('무단전재 및 재배포 금지': 'no reprinting"
        " or redistribution without permission'; a sentence about such a ban ends in a full"
        " stop)",
    ),
    (
        CaselessPattern.compile(
            r"^(by\s+[\w.\-' ]{2,60},\s+)?([\w.\-']+\s+){0,3}"
            r"(staff writer|staff reporter|press writer|business writer|correspondent)$",
            gate=("writer", "reporter", "correspondent"),
        ),
        "a byline's role line, alone or after the name and a comma ('Associated Press Writer',"
        " 'By Ann Gil, Courier Staff Writer')",
    ),
    (
        CaselessPattern.compile(
            r"^(for immediate release|embargoed until\b.{0,40})\s*:?$|^(#\s*){3}$",
            gate=("release", "embargoed", "#"),
        ),
        "a press release's head line and its end mark ('###')",
    ),
    (
        CaselessPattern.compile(
            r"\b(if|when) (the|this) (interactive|map|graphic|chart|table|visuali[sz]ation|embed)"
            r"\b[^.!?]{0,30}? (does not|doesn't|did not|fails to|will not|won't|is not)"
            r" (load|display|show|appear)"
            r"|\b(can't|cannot|can not|unable to) see (the|this) (interactive|map|graphic|chart"
            r"|table|visuali[sz]ation)",
            gate=("map", "graphic", "chart", "interactive", "table", "visuali", "embed"),
        ),
        "an embed's fallback text, shown when its map, chart or graphic does not load"
        " ('Interactive map: ... If the map does not load, please ...', 'Can't see the"
        " graphic? Tap here'): the reader sees the embed, not these words",
    ),
    (
        CaselessPattern.compile(
            r"\d[\s-]*min(?:ute)?s?\.?\s*read"
            r"|(?:reading time|lesezeit|temps de lecture|tiempo de lectura|tempo de leitura"
            r"|время чтения)\s*[:\-]?\s*(?:ca\.\s*)?\d",
            gate=(
                "read",
                "lesezeit",
                "temps de lecture",
                "tiempo de lectura",
                "tempo de leitura",
                "время чтения",
            ),
        ),
        "reading-time lines (with the byline and date they often share)",
    ),
    (
        CaselessPattern.compile(
            r"^[★☆\s]*(\d(\.\d)?( out of 5| ?/ ?5)?( stars?)?\s*)?"
            r"\(?\d[\d,.]*k? (ratings?|votes?)\)?$"
            r"|^rate (this|the) (recipe|article|story|product)[^\w]{0,3}$",
            gate=("rating", "vote", "rate th"),
        ),
        "a reader-rating widget's line ('★★★★★ 4.6 (212 ratings)') and its prompt"
        " ('Rate this recipe')",
    ),
    (
        CaselessPattern.compile(
            r"^.{0,60}\b(earn|receive|get|make)s? (a |an )?(small |affiliate )?"
            r"(commission|share of (the )?(sales|revenue))\b.{0,80}\blinks?\b.{0,60}$",
            gate=("commission", "share of sales", "share of the sales", "share of revenue"),
        ),
        "an affiliate disclosure: a commission earned through the page's links ('We may earn"
        " a commission when you buy through links on our site'; a story's sentence about"
        " commissions names no links)",
    ),
    (
        CaselessPattern.compile(
            r"^([^.!?,]{1,60},\s*)?(delivered|sent|straight|direct)( straight| directly| right)?"
            r" (to|into) your inbox\b[^.!?,]{0,40}[.!]?$",
            gate=("inbox",),
        ),
        "a sign-up box's pitch, what it sends and where, no sentence ('The day's top stories,"
        " delivered to your inbox every weekday at 6am.'; 'Scam emails delivered to your"
        " inbox look real' goes on)",
    ),
    (
        CaselessPattern.compile(
            r"\bplease consider (supporting|support) (us|our (work|journalism|reporting))\b"
            r"|\b(contribution|donation|gift) of any (size|amount)\b",
            gate=("consider", "of any"),
        ),
        "a support appeal without a list of names ('If you value our reporting, please consider"
        " supporting us with a contribution of any size.')",
    ),
)

# A gallery page's body is its captions (``gallery.py``): the caption elements,
# the credit at a caption's end, and how many captions make a gallery.
CAPTION_SELECTOR = 'figcaption, [class*="caption" i]'
# A wire credit closing a caption: a person and an outlet parted by a slash, in
# brackets ("(Manu Fernandez/AP)", "(Ana Ortiz/Getty Images)") or the outlet first in
# capitals ("REUTERS/Jane Doe"). Case matters (names are capitalized, the outlet in
# capitals), so "TCP/IP" or "3/4" is no credit.
_WIRE_CREDIT = (
    r"(?-i:\((?:[A-Z][\w'.-]*\s+){1,3}[A-Z][\w'.-]*\s*/\s*[A-Z][\w&.' -]{0,40}\)"
    r"|\b[A-Z]{2,}(?:\s+[A-Z]{2,})?\s*/\s*[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){1,3})\s*$"
)
CAPTION_CREDIT = re.compile(
    r"\s*[(\[]?\b(photo(graph)?|image|picture|pic|foto|bild|credit)s?\s*(by\b|:)\s*[^.()\[\]]{1,60}"
    r"[)\]]?$|\s*" + _WIRE_CREDIT,
    re.I,
)
# A picture's caption without class names (``body_reader._caption_of``): the
# smallest element around an <img> or <video> that holds text, when short ...
MAX_CAPTION_CHARS = 300  # a caption and its credit; a story's section runs longer
MAX_CREDITED_CAPTION_CHARS = 1000  # ... or this when it ends in a credit ("... Credit: ESA")
MAX_CREDITED_CAPTION_RUNS = 2  # ... and is one run of text and its credit (a story has more)
MAX_CAPTION_LEVELS = 4  # ... looked for this many levels above the picture ...
# ... and of these tags, the picture first in it (a quote or a list item with a
# picture, text above a picture, are other things).
CAPTION_HOLDER_TAGS = frozenset({"div", "figure", "section"})
# ... or the short block right after the picture's wrapper, when it names a credit,
# past this many text-free siblings at most (a row of pictures has no caption per picture).
MAX_CAPTION_SKIPPED = 16
CAPTION_CREDIT_MARK = re.compile(
    r"\b(photo(graph)?|image|picture|pic|foto|bild|credit)s?\s*(by\b|:)"
    r"|\bphoto\s*/|\u00a9|\bimage copyright\b|" + _WIRE_CREDIT,
    re.I,
)
# Literals one of which a credit of ``CAPTION_CREDIT`` holds (in the gate form of its
# block, ``text.literal_table``): a credit's word, or a wire credit's slash. Tested before the
# search, which starts at every position of the block, most of which hold none.
CAPTION_CREDIT_GATE = ("/", "photo", "image", "pic", "foto", "bild", "credit")
CAPTION_CREDIT_MARK_GATE = (*CAPTION_CREDIT_GATE, "\u00a9")  # ... or a copyright sign
MIN_GALLERY_CAPTIONS = 3  # one or two captions are a story's pictures, not a gallery
# A photo essay: a body shorter than this (an intro of a few sentences) whose
# gallery captions hold more text than it is read with the captions after it.
MAX_ESSAY_INTRO_CHARS = 600
# Lines read before the copy of the headline that opens a body are its kicker
# ("Travel") or the section's label, when each has at most this many words.
KICKER_MAX_WORDS = 3
# Text nodes read before the container's <h1> for the lines set above it: a header's
# kicker, date and byline are a few; more is a container whose headline stands far down.
MAX_NODES_ABOVE_HEADLINE = 40
# A caption read twice or more in a body (a slideshow's viewer repeats it, a blog
# post sets it under each picture) is no story text when one copy sits in a
# picture's box: the nearest element around an image that holds text, holding no
# more than this, non-space (the caption, its credit, a shorter copy of it).
MAX_CAPTION_BOX_CHARS = 600

# Class/id substrings of elements skipped inside the winning container.
SKIP_IN_BODY: Sequence[tuple[str, str]] = (
    ("caption", "picture captions"),
    ("credit", "picture credits"),
    ("gallery", "slideshow chrome: counters, thumbnails, repeated captions"),
    ("slideshow", "idem"),
    ("share", "share bars"),
    ("social-share", "share bars"),
    ("social-follow", "follow-us boxes"),
    ("social-links", "follow-us boxes"),
    ("social-icons", "follow-us boxes"),
    ("related", "related-story boxes"),
    ("promo", "promotional boxes"),
    ("newsletter", "sign-up boxes"),
    ("signup", "sign-up boxes named without the word newsletter"),
    ("sign-up", "idem"),
    ("subscribe", "subscription prompts"),
    ("advert", "ad slots"),
    ("video-player", "embedded players: their titles and descriptions are the video's"),
    ("videoplayer", "idem"),
    ("bio", "author bios at the end of the story ('Jane Doe is a reporter covering ...')"),
    ("byline", "author lines"),
    ("author", "author boxes and bios"),
    ("autor", "author lines and boxes (Spanish, Portuguese, German, Polish: 'noticia__autor')"),
    ("auteur", "idem (French, Dutch)"),
    ("contributor", "a contributor's box after the story ('About the author: Jen writes ...')"),
    ("dateline", "date lines"),
    ("timestamp", "date lines"),
    ("toolbar", "article tools"),
    ("comment", "reader comments, their counts and forms"),
    ("donate", "donation appeals"),
    ("cta", "calls to action: support, subscription and app boxes"),
    ("recirc", "recirculation modules (more stories)"),
)

# A support box set inside the story's container, unnamed on a page without class
# names: a list of bare names (the staff) and an appeal for the readers' money. The
# element holding both is skipped, and so are the ancestors around it that add
# little text (the site's name and a label above the box), up to the container.
MIN_STAFF_NAMES = 5  # a list of this many items or more, each a bare name, is a staff list
MAX_NAME_WORDS = 4  # a bare name: two to this many words, each capitalised, letters only
NAME_MARKS = frozenset(".-'\u2019")  # ... besides letters ("Jr.", "Mary-Ann", "O'Hara")
MAX_BOX_EXTRA_CHARS = 300  # an ancestor adding more text than this holds the story too

# A box in the story's container whose lines the reader leaves out (a sign-up box's
# pitch, field label and terms; a consent banner's sentences): its label, a heading or
# a bold line alone and the one line read in it, is the box's name, left out too.
MIN_BOX_LINES = 2  # lines left out beside the label (one is a stray button's line)

# A pull quote: a quote whose words, all but an attribution at its end (the speaker's
# name), are a run of words of another block of the body, a sentence of the story
# shown again in large type. A quotation of its own is read.
MIN_PULL_QUOTE_WORDS = 6  # a shorter quote ("No comment.") may well recur in the story
MAX_ATTRIBUTION_WORDS = 5  # the speaker's name and role set after the repeated words
PULL_QUOTE_PROBES = 3  # a quote's longest words looked for in the story before its run
SUPPORT_APPEAL = CaselessPattern.compile(
    r"\b(we|we'd|we would) (need|rely on|depend on|count on) your (financial )?support"
    r"|\b(make|making) a (donation|contribution)\b|\bdonate (now|today)\b"
    r"|\bbecome a (member|supporter|patron)\b|\bsupport (us|our (work|journalism|reporting))\b"
    r"|\bunterstützen sie (uns|unsere arbeit)|\bjetzt spenden\b|\bsoutenez-nous\b"
    r"|\bfaire un don\b|\bhaz una donación\b|\bapoya nuestro (periodismo|trabajo)"
    r"|\bfaça uma doação\b|\bapoie (o )?nosso (jornalismo|trabalho)|\bsostienici\b"
    r"|\bfai una donazione\b"
    r"|поддержите (нас|нашу работу)"
)

# A short block that opens a promo or list block: the story has ended (written in
# lower case: matched on lowercased text when ASCII, see CaselessPattern).
STOP_BLOCK = CaselessPattern.compile(
    r"^(related( stories| articles| posts| news| content| coverage)?|read (more|next|also)"
    r"|more (stories|news|articles|from|on|great|like this)\b.*|you (may|might) (also )?like"
    r"|recommended( for you)?|most (read|popular|viewed|shared)\b.*|trending( now)?"
    r"|popular (stories|posts)|other (stories|news|articles|headlines)|top (stories|headlines)"
    r"|(media|press|news media|investor) contacts?"  # a press release's contact block ...
    r"|about [\w&'. -]{1,40},? (corp|corporation|inc|incorporated|ltd|llc|plc|gmbh|ag|s\.a)\.?"
    # ... and its boilerplate about the company ("About Acme Corp.")
    r"|also (read|on|see)|see also|latest (news|stories)|what to read next"
    r"|leia (também|mais)|você (pode|também pode) gostar.*|veja também|lire aussi|à lire aussi"
    r"|mehr zum thema|das könnte sie auch interessieren|te puede interesar|lee también"
    r"|ver también|potrebbe interessarti|leggi anche"
    r"|читайте также|смотрите также|関連記事"
    r"|(\d* ?(?:(?:top[- ]rated|top|best|all|recent|latest|newest|featured) )?"
    r"(?:readers?'? |user )?comments?|comentarios|comentários|commentaires|kommentare"
    r"|leserkommentare|\d* ?réactions?|\d* ?commenti|\d* ?reacties|\d* ?komentarz[ey]?|yorumlar"
    r"|комментарии|コメント|评论|評論)( \(\d+\))?"
    r"|(show|view|load|loading|read) (all )?(\d+ )?comments"
    r"|((leave|post|add|write|submit) (a|your|the first) (comment|reply|response)"
    r"|comment on this (article|story|post)|share your (thoughts|views)"
    r"|lascia un commento|deja (un comentario|una respuesta)|deixe (um comentário|uma resposta)"
    r"|laissez un commentaire|laisser un commentaire|(schreibe|hinterlasse) einen kommentar"
    r"|оставьте комментарий|оставить комментарий)"
    r"( (cancel reply|annulla risposta|cancelar respuesta|cancelar resposta"
    r"|annuler la réponse|antworten abbrechen|отменить ответ))?"  # the reply form's own link
    r"|join (the )?(conversation|discussion)"
    r"|about the (author|writer)|über (den|die) autor(in)?|sobre (el|la|o|a) autora?"
    r"|(à propos de|a propos de) l['\u2019]auteur(e)?"  # an author's box after the story
    r"|about (this|the) (blog|site)|about me"  # a blog's side box about itself
    r"|tell us what you think|what do you think)\s*[:.…?!]*$"
)
# A literal of every STOP_BLOCK match, in lower case ("read " of "read more", "tamb" of
# "veja também", "coment" of "comentarios", "action" of "réactions", "think" of "what
# do you think"), but for the Cyrillic ones: most short blocks hold none.
STOP_BLOCK_GATE = (
    "related",
    "read ",
    "more ",
    "you ",
    "recommended",
    "most ",
    "trending",
    "popular ",
    "other ",
    "top ",
    "contact",
    "about ",
    "also",
    "latest ",
    "leia ",
    "gostar",
    "veja ",
    "tamb",
    "lire aussi",
    "mehr zum",
    "interes",
    "leggi ",
    "関連記事",
    "comment",
    "coment",
    "kommentar",
    "reacties",
    "komentarz",
    "yorumlar",
    "コメント",
    "评论",
    "評論",
    "reply",
    "resp",
    "share your",
    "join ",
    "autor",
    "auteur",
    "think",
    "action",
)
# The same of STOP_BLOCK's Cyrillic matches, found in the text case folded (``str.casefold``
# gives each character a caseless match pairs with a letter of these as that letter).
STOP_BLOCK_CASED_GATE = ("также", "коммент")
MAX_STOP_CHARS = 60  # a stop heading is short ...
# ... but for a count of comments on the story's title in quotes, as blog
# platforms head the thread ("8 Responses to “Title”", "One thought on “Title”",
# "12 Gedanken zu „Title“"), which is as long as the title.
TITLED_STOP_BLOCK = CaselessPattern.compile(
    r"^((\d+|one|no) (responses?|replies|thoughts?|comments?) (to|on)"
    r"|(\d+|ein) gedanken? zu|(\d+|une?) (réflexions?|commentaires?) sur"
    r"|(\d+|un) (comentarios?|respuestas?) (a|en)|(\d+|um) (comentários?|respostas?) (em|para)"
    r"|(\d+|un) (pensieri|pensiero|commenti|commento) su)"
    r" [“\"«„\u2018'\u201a\u2039].+"  # an opening quote: double, guillemet, single
)
MAX_TITLED_STOP_CHARS = 200  # the count's words and a headline
# A literal of every TITLED_STOP_BLOCK match: the count's noun
# ("resp" of "responses" and "respuestas", "coment" of "comentários", "flexion" of
# "réflexions"), as STOP_BLOCK_GATE.
TITLED_STOP_BLOCK_GATE = (
    "resp",
    "repl",
    "thought",
    "comment",
    "coment",
    "gedanke",
    "flexion",
    "pensier",
)

# A reader's comment known without class names: an element among whose last
# children is a reply control, a block reading "Reply" alone (the link a thread sets
# under each comment; its button is gone with the other buttons), in the languages
# of the crawl. When the winner is such a comment (or the text of one, the control
# right after it), the thread around it is muted and the page votes again: a long
# comment, or a thread longer than the story, is no body.
REPLY_CONTROL = CaselessPattern.compile(
    r"^(reply|reply to this comment|antworten|répondre|responder|responda|rispondi"
    r"|beantwoorden|odpowiedz|yan\u0131tla|ответить|返信|回复|回覆)( ↓| \(\d+\))?$"
)
MAX_REPLY_CONTROL_CHARS = 30  # a longer block is no control's label
MAX_REPLY_CONTROL_NODES = 8  # elements of a control at most: a wrapper, its links, icons
REPLY_CONTROL_PLACES = 2  # a control is among a comment's last two elements, after its text
MAX_THREAD_ROUNDS = 3  # threads muted at most (a nested reply, its thread, a second thread)

# A reader's comment known without class names or a reply control: an item opening
# with a name line (the reader's name or handle, short, no sentence) and a date line
# (a <time>, or a text that reads as a date whole), its text after them. When the
# winner holds this many such items of one tag side by side (or is one of them), they
# are a comment thread and are muted; the page votes again. A forum's thread has no
# story before its items: its first item is the page's own post, and the rest are
# muted (its name and date lines are not read).
MIN_THREAD_ITEMS = 4  # a story's three quoted speakers are not a thread ...
MIN_HEADED_THREAD_ITEMS = 2  # ... but under a heading of comments two dated items are one
THREAD_HEADING_LEVELS = 2  # the heading is before an item, its holder or the holder's wrapper
# A thread's heading besides ``STOP_BLOCK``'s comment headings (which end a story and
# so cannot take "Reactions": a story's section of quoted reactions): it only
# confirms items signed each with a name and a date.
THREAD_HEADING = CaselessPattern.compile(
    r"^(\d+ )?(readers?'? |user )?(reactions?|responses?|replies|discussion)( \(\d+\))?$"
)
MAX_NAME_LINE_CHARS = 60  # a longer line is a sentence, not a name
MAX_DATE_LINE_CHARS = 60  # a longer line is a sentence that mentions a date
MAX_DATE_WORDS_BEFORE_DIGIT = 2  # a date glued to a name opens near its figure ("Tue, May 4")
NOT_NAME_LINE_TAGS = frozenset({"h1", "h2", "h3", "h4"})  # a post's headline, not a name
# A comment's date line may also count back ("3 hours ago": ``RELATIVE_TIME``), and its
# name and date may share one line: parted at an element's edge ("<b>Ann</b>
# <span>May 4, 2026</span>", the date a ``<time>`` or a text read whole as a date) or
# at a separator ("Ann · 2 hours ago", "Ann | May 4, 2026", "Ann, May 4, 2026"). A clock
# time alone ("Ann <span>14:05</span>") dates a live entry's byline, not a comment.
NAME_DATE_SEPARATOR = re.compile(r"\s*[|,\u2022\u00b7]\s*|\s+[-\u2013\u2014]\s+")
SEPARATOR_CHARS = " |,\u2022\u00b7-\u2013\u2014"  # stripped from a name's end, a date's start

# The lead paragraph (standfirst, dek): a prose block between the article's
# <h1> and the body's container, read first (``lead.py``).
LEAD_SCOPE_TAGS = frozenset(
    {"article", "main"}
)  # the nearest of these around the body bounds it ...
LEAD_NEAR_LEVELS = 2  # ... else the body's ancestor this many levels up
# Elements whose text is never the lead, not searched inside.
LEAD_PRUNED_TAGS: Mapping[str, str] = {
    "figure": "pictures with their captions and credits",
    "figcaption": "captions",
    "picture": "pictures",
    "aside": "boxes beside the story",
    "nav": "navigation, breadcrumbs",
    "footer": "tags, share bars",
    "form": "sign-up and search forms",
    "table": "data and layout tables: never a standfirst",
    "ul": "lists: tags, share buttons (a key-points list is read apart, MIN_KEY_POINTS)",
    "ol": "idem",
    "dl": "fact lists",
    "blockquote": "pull quotes",
    "article": "another story",
    "a": "a linked block is a teaser or a button",
    "time": "dates",
    "address": "author contacts",
    "h2": "headings: a subheading, a section label (a standfirst: LEAD_HEADING_TAGS)",
    "h3": "idem",
    "h4": "idem",
    "h5": "idem",
    "h6": "idem",
}
# Class/id substrings (besides SKIP_IN_BODY and NEGATIVE_NAMES) of what sits
# between a headline and the body and is not the lead.
LEAD_EXCLUDED_NAMES: Sequence[tuple[str, str]] = (
    ("kicker", "the label above the headline"),
    ("eyebrow", "idem"),
    ("overline", "idem"),
    ("label", "section and format labels"),
    ("categor", "section names"),
    ("date", "date lines"),
    ("time", "date and reading-time lines"),
    ("info", "byline, date and reading-time boxes"),
    ("media", "picture and video wrappers and their captions"),
    ("image", "picture wrappers and their captions"),
    ("photo", "idem"),
    ("video", "video players and their descriptions"),
    ("disclaimer", "affiliate and legal notes"),
    ("disclosure", "idem"),
    ("notice", "notes about the story (corrections, updates)"),
)
# Entries of LEAD_EXCLUDED_NAMES that do not exclude on a page declared a video
# (``Metadata.video_page``): there the description set beside the player is the
# story's text, which a transcript's container below it does not hold. The
# player itself stays out (``SKIP_IN_BODY``: "video-player").
VIDEO_PAGE_LEAD_NAMES = frozenset({"video", "media"})
# Class/id words (whole parts between spaces, dashes and underscores) of an element
# holding the lead: a line set in bold alone in it is the lead when it reads as prose,
# not an older page's heading ("<div class=art-lead><strong>Sejm ... .</strong></div>").
LEAD_NAMES: Mapping[str, str] = {
    "lead": "the lead ('art-lead', 'article__lead')",
    "lede": "idem",
    "dek": "the newsroom's word for it",
    "standfirst": "idem (British)",
    "perex": "idem (Czech, Slovak)",
    "intro": "idem",
    "summary": "idem",
    "excerpt": "idem",
    "chapo": "idem (French)",
    "chapeau": "idem (French)",
    "entradilla": "idem (Spanish)",
    "sommario": "idem (Italian)",
}
MIN_LEAD_CHARS = 60  # a lead is a sentence or two, longer than a label or a date line ...
MIN_LEAD_WORDS = 8  # ... with this many words (text with spaces between words)
MIN_LEAD_LETTER_SHARE = 0.75  # ... and mostly letters (a date line is half digits and signs)
MAX_LEAD_BLOCKS = 2  # a standfirst is one block, rarely two
# Headings (pruned above) that may be a standfirst set in the headline's next levels:
# read as the lead when no prose stands between it and the headline, it reads as
# prose (MIN_LEAD_CHARS ...), ends as a sentence (STANDFIRST_HEADING_END), holds no
# link and heads no text of its own (no prose among its next siblings before the
# body, nor inside them: a box's heading heads the box's paragraphs). A subheading
# of the body's first section heads its paragraphs. An <h4> is a box's title.
LEAD_HEADING_TAGS: Mapping[str, str] = {
    "h2": "the headline's subheading: a dek set as a heading",
    "h3": "idem, set two levels below the headline",
}
# A sentence's end (a full stop, a question or an exclamation mark), a closing quote
# or bracket after it: a section's title or a second headline has none.
STANDFIRST_HEADING_END = re.compile(r"[.?!\u3002\uff1f\uff01][\"'\u201d\u2019\u00bb)\]]*$")
# A list between the headline and the body is a summary box ("Key points") and
# read first, as list items, when each item is a sentence without links
# (``MIN_PROSE_WORDS`` words, ``PROSE_END``) and the items are this many:
MIN_KEY_POINTS = 2  # one item is a label or a teaser
MAX_KEY_POINTS = 8  # more is a list of another kind
# Pruned elements (LEAD_PRUNED_TAGS) that may hold such a summary box: their one
# list is read when it is a key-points list, the rest of the box left out.
KEY_POINTS_BOXES: Mapping[str, str] = {
    "aside": "a 'Key takeaways' box set beside the story under its own label",
}
