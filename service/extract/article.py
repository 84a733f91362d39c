"""Main-content detection: which container holds the story.

Readability-style. Every paragraph long enough to be prose votes for its
ancestors (the parent most, farther ancestors less) with points for its length
and commas (paragraphs after a promo heading do not vote); a container's
class/id names and tag add or subtract a fixed weight; the total is discounted
by the container's link density. The winner is refined: a container of
several posts yields its best ``<article>``; close rival candidates and
elements classed exactly like the winner (a body cut up by pictures or ads)
promote it to their common ancestor; siblings scoring close to it join it,
except other headlined ``<article>``s; without such siblings, runs of
paragraphs wrapped like the winner beside one of its wrappers (a body cut up
by pictures or ads, without class names to match) join it; a story's opening
set as loose text right before the winner in its parent is read first.
``body_reader`` then reads the blocks. A winner whose blocks alternate with linked headlines
is a story list and gives no body. A lead paragraph set before the container (a standfirst in
the story's header) is read first (``lead.py``). The tables are in
``body_tables.py``.

The caller removes teasers and page chrome first, so that their text cannot
vote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from service.extract import body_tables as t
from service.extract._blocks import Ballot, CharCount, Members, Refinement, SignedItems, wrapped
from service.extract._headlines import LinkedHeadlines
from service.extract._text import fold
from service.extract._tree import H1, LINKS, Selectors
from service.extract.body_reader import (
    Reader,
    chars,
    is_stop_block,
    link_density,
    text_before,
    text_chars,
    without_pull_quotes,
    without_repeated_captions,
)
from service.extract.bold_lines import BOLD_LINES, BOLD_TAGS, bold_alone
from service.extract.dates import parse_date
from service.extract.lead import find_lead
from service.extract.metadata_authors import reads_as_person
from service.extract.model import Paragraph
from service.extract.text import FOLDED, SPACES, contains_any, normalize_text

_VOTER_QUERY = "p, pre, td, br"
_SAFE_CLASSES = re.compile(r"[\w\-:./ ]+")  # class strings quotable in a selector as they are
_PLAIN_TAG = re.compile(r"[a-z][a-z0-9_-]*")  # tag names that always parse as a type selector
_HEADINGS = frozenset({"h2", "h3", "h4"})  # a promo heading among them mutes the voters after it
# The linked headlines of a member ("h2 a[href]", "a[href] h2", ... for each of
# ``_HEADINGS``, as a CSS query finds them), but for the article's own linked
# subheadings: a listicle is no story list.
_LINKED_HEADLINES = LinkedHeadlines(_HEADINGS, "a", b"href")
# Found by walks in C (``_tree.Selectors``), not CSS queries.
_VOTERS = Selectors(f"{_VOTER_QUERY}, {', '.join(sorted(_HEADINGS))}, {BOLD_LINES.text}")
_HOLDER_QUERY = "div, section, article, main, center, font, dd"
_HOLDERS = Selectors(_HOLDER_QUERY)
_ARTICLES = Selectors("article")  # the <article>s inside the winner (a feed, a list of posts)
_STORY_HEADINGS = ("h1", "h2")  # an <article> holding one is another story
_STORY_HEADLINES = Selectors(", ".join(_STORY_HEADINGS))  # its own headline
_TIMES = Selectors("time")
# What a promo heading silences after it (``_BALLOT`` finds them in C).
_MUTED_TAGS = frozenset(f"{_VOTER_QUERY}, {_HOLDER_QUERY}".split(", "))
_TOP_TAGS = frozenset({"body", "html", "-document"})  # no run wrapper is one of these or above
_TOP_CANDIDATES = 5  # link density is measured on this many best raw scores only
# The candidates' text and link counts (``text_chars``, ``link_density``), each
# subtree walked once though the candidates nest.
_COUNT = CharCount(SPACES, chars)
# The winner's siblings that join it and the opening set as loose text before it, in C.
_MEMBERS = Members(
    count=_COUNT,
    inline=t.INLINE_TAGS,
    top=_TOP_TAGS,
    story_headings=_STORY_HEADINGS,
    short_chars=t.SHORT_BLOCK_CHARS,
    short_density=t.SHORT_MAX_LINK_DENSITY,
    max_levels=t.MAX_RUN_LEVELS,
)
_DIGIT = re.compile(r"\d")  # a date or a time has one
# Where a date may start after a name, the text's spaces folded: a space before a digit,
# a capital ("May 4, 2026") or "yesterday" ("yesterday at 21:40").
_DATE_START = re.compile(r" (?=[\dA-Z]|yesterday)")


@dataclass(frozen=True, slots=True)
class Winner:
    """The chosen container, its score, and the parts of a cut-up body (or none;
    the page's own story alone when other stories stand beside it)."""

    node: LexborNode
    score: float
    parts: tuple[LexborNode, ...]


@dataclass(frozen=True, slots=True)
class Body:
    """The body found on a page: its blocks and the container's score."""

    paragraphs: tuple[Paragraph, ...]
    score: float

    @property
    def chars(self) -> int:
        """Characters of text in the body's blocks."""
        return sum(len(p.text) for p in self.paragraphs)


class _Scores:
    """Container scores, keyed by node identity."""

    def __init__(self) -> None:
        self.nodes: dict[int, LexborNode] = {}
        self.score: dict[int, float] = {}
        # The text of each voter read whole, by key: the reader takes the
        # winner's paragraphs from here instead of reading them again.
        self.texts: dict[int, str] = {}
        # The keys of the ``_TOP_CANDIDATES`` best raw scores, best first (a stable
        # sort's order: the first met of equal scores first), handed over with
        # ``score`` and ``nodes`` by the ballot (``_BALLOT``).
        self.ranked: list[int] = []
        # The elements that voted with prose set as bare text (no <p>): paragraphs too.
        self.holders: set[int] = set()
        # The elements holding their paragraphs as text runs between <br> (containers).
        self.containers: set[int] = set()

    def best(self, live: bool = False) -> Winner | None:
        """The container with the best score discounted by link density, refined
        (a post out of a list of posts, the parts of a cut-up body, or the common
        ancestor of close rivals); ``None`` when nothing voted. On a ``live``
        page, a winning entry among its sibling entries gives way to their feed."""
        # Rivals must reach RIVAL_SHARE of the best final score, never above raw.
        finals = _COUNT.finals(self.ranked, self.score, self.nodes, t.RIVAL_SHARE)
        if not finals:
            return None
        finals.sort(key=lambda pair: pair[1], reverse=True)
        node, score = finals[0]
        # The <article>s inside the winner, queried once for a feed and a list of posts.
        articles = _ARTICLES.find(node) if live or node.tag != "article" else []
        feed = _entry_feed(node, live, articles, self.score)
        if feed is not None:
            return Winner(feed, score, ())
        node = self._first_of_list(node, articles)
        parts = self._parts(node)
        if len(parts) > 1:
            return Winner(node, score, parts)
        rivals = [n for n, s in finals[1:] if s >= score * t.RIVAL_SHARE]
        story, rivals = self._page_story(node, rivals)
        if story.mem_id != node.mem_id:
            return Winner(story, score, (story,))  # its siblings are the other stories
        return Winner(_REFINEMENT.ancestor(node, rivals), score, ())

    def _page_story(
        self, best: LexborNode, rivals: list[LexborNode]
    ) -> tuple[LexborNode, list[LexborNode]]:
        """The page's own story when the winning ``<article>`` stands beside others
        (the next story rendered below for endless scrolling, longer than the
        page's): the ``<article>`` scoring ``OWN_STORY_SHARE`` of the winner's that
        holds the page's first ``<h1>`` (the winner's own headline may have been
        taken out as a teaser), else the first of the winner and its close rivals
        that are stories with a headline, in page order. Rivals inside the other
        stories are not joined to it."""
        if best.tag != "article":
            return best, rivals
        floor = self.score[best.mem_id] * t.OWN_STORY_SHARE
        stories = [best] + [
            node
            for key, node in self.nodes.items()
            if node.tag == "article"
            and self.score[key] >= floor
            and key != best.mem_id
            and not _contains(node, best)
            and not _contains(best, node)
        ]
        if len(stories) < 2:
            return best, rivals
        body = best
        while body.parent is not None and body.tag != "body":
            body = body.parent
        h1 = H1.first(body)
        chosen = next((s for s in stories if h1 is not None and _contains(s, h1)), None)
        if chosen is None:
            close = [n for n in (best, *rivals) if _is_other_story(n)]
            if len(close) < 2:
                return best, rivals
            order = {n.mem_id: i for i, n in enumerate(body.css("article"))}
            chosen = min(close, key=lambda n: order.get(n.mem_id, len(order)))
        others = [s for s in stories if s.mem_id != chosen.mem_id]
        kept = [
            r
            for r in rivals
            if r.mem_id != chosen.mem_id
            and not any(r.mem_id == s.mem_id or _contains(s, r) for s in others)
        ]
        return chosen, kept

    def _first_of_list(self, best: LexborNode, articles: list[LexborNode]) -> LexborNode:
        """The best-scoring ``<article>`` inside ``best`` (``articles``) when it holds
        several: a container of articles is a list of posts, and the story is one of them."""
        if best.tag == "article":
            return best
        posts = [n for n in articles if n.mem_id in self.score]
        if len(posts) < 2:
            return best
        return max(posts, key=lambda n: self.score[n.mem_id])

    def _parts(self, best: LexborNode) -> tuple[LexborNode, ...]:
        """The winner and the scored elements with its exact tag and class, in
        document order: the parts of a body cut up by pictures or ads; empty
        when no scored element can be one."""
        classes = (best.attributes.get("class") or "").strip()
        if not _SAFE_CLASSES.fullmatch(classes) or best.parent is None:
            return ()
        # Whether a scored element besides ``best`` could pass ``_is_part``: its score is
        # high enough and its tag and class match ``best``'s, ignoring case and surrounding
        # spaces (looser than the selector); without a least score, any element could.
        if (
            _PLAIN_TAG.fullmatch(best.tag or "")
            and t.MIN_PART_SCORE > 0
            and not _REFINEMENT.may_have_parts(
                best, classes.lower(), self.score, self.nodes, t.MIN_PART_SCORE
            )
        ):
            return ()  # spares the query over the page (a tag it cannot parse still fails)
        root = best.parent
        while root.parent is not None and root.tag != "body":
            root = root.parent
        parts = []
        for node in root.css(f'{best.tag}[class="{classes}"]'):
            if node.mem_id == best.mem_id or self._is_part(node, best):
                parts.append(node)
        return tuple(parts)

    def _is_part(self, node: LexborNode, best: LexborNode) -> bool:
        if self.score.get(node.mem_id, 0.0) < t.MIN_PART_SCORE or _is_other_story(node):
            return False
        if _contains(node, best) or _contains(best, node):
            return False  # one holds the other: a wrapper, not a part
        return link_density(node, text_chars(node)) <= t.MAX_LINK_DENSITY


def _entry_feed(
    best: LexborNode, live: bool, articles: list[LexborNode], scored: dict[int, float]
) -> LexborNode | None:
    """The feed of a live page's entries in or around ``best``: the parent of an
    entry (the first of ``articles``, those inside ``best``, else ``best`` itself) holding
    ``MIN_LIVE_ENTRIES`` or more ``<article>``s classed like it; else ``None``. On
    a page not declared ``live``, ``MIN_UNDECLARED_LIVE_ENTRIES`` entries or more,
    each opening with its time and an unlinked headline or a paragraph
    (``_opens_with_time``).
    Entries set as other elements (``<div>``s) are known by that opening alone, on a
    page declared live too: ``best`` or its parent (an entry wrapping its paragraphs)
    opens so, and so does each of its siblings of its tag and class that holds prose
    (one in ``scored``: an ad's slot between entries holds none)."""
    entry = articles[0] if articles else (best if best.tag == "article" else None)
    if entry is not None:
        entries = _alike(entry)
        if live:
            return entry.parent if len(entries) >= t.MIN_LIVE_ENTRIES else None
    else:
        entry = next((n for n in (best, best.parent) if n and _opens_with_time(n)), None)
        if entry is None or entry.tag in _TOP_TAGS:
            return None
        entries = [e for e in _alike(entry) if e.mem_id in scored]
    least = t.MIN_LIVE_ENTRIES if live else t.MIN_UNDECLARED_LIVE_ENTRIES
    if len(entries) < least or not all(map(_opens_with_time, entries)):
        return None
    return entry.parent


def _alike(entry: LexborNode) -> list[LexborNode]:
    """``entry`` and its siblings of its tag and class, in order (none without a parent)."""
    if entry.parent is None:
        return []
    classes = entry.attributes.get("class")
    return [
        child
        for child in entry.parent.iter()
        if child.tag == entry.tag and child.attributes.get("class") == classes
    ]


def _opens_with_time(entry: LexborNode) -> bool:
    """Whether ``entry``'s first element is a time (a ``<time>``, or a short text
    read whole as a date, a clock time or a time counted back) and its second an
    unlinked headline, or its first paragraph (``LIVE_TEXT_TAGS``) when it has none:
    a live entry's opening (a post in a list of posts opens with its headline, a link)."""
    lines = _REFINEMENT.opening(entry)
    if lines is None or LINKS.first(lines[1]) is not None:
        return False
    first = fold(lines[0].text())
    if lines[2]:  # a headline
        return bool(first) and _is_date_line(lines[0], first, clock=True)
    # Without a headline, a stamp: a clock time, a time counted back or a <time>, no
    # date read whole (a list of dated notices is none).
    return 0 < len(first) <= t.MAX_DATE_LINE_CHARS and (_is_stamp(first) or _holds_time(lines[0]))


def _is_stamp(text: str) -> bool:
    """Whether ``text`` is a live entry's stamp: a clock time or a time counted back."""
    return any(p.match(text) for p in (t.CLOCK_TIME, t.RELATIVE_TIME, t.WORDED_TIME))


def _contains(outer: LexborNode, inner: LexborNode) -> bool:
    node = inner.parent
    while node is not None:
        if node.mem_id == outer.mem_id:
            return True
        node = node.parent
    return False


def _is_other_story(node: LexborNode) -> bool:
    """An ``<article>`` with its own headline: another story (a next-article
    feed, a list of posts), never a part of the winner's."""
    return node.tag == "article" and _STORY_HEADLINES.first(node) is not None


def _vote(
    root: LexborNode, text_holders: bool = False, muted: frozenset[int] = frozenset()
) -> _Scores:
    """Scores of the containers below ``root``; with ``text_holders``, elements
    holding prose as bare text (no ``<p>``, no ``<br>``) vote too. The elements in
    ``muted`` (comment threads, by key) do not vote, nor do those after a promo
    heading ("You may also like": a list of other stories)."""
    scores = _Scores()
    seen: set[int] = set(muted)  # voters after a promo heading, <br> holders that voted
    # One query in document order: a heading comes before the voters it mutes.
    _BALLOT.vote(_VOTERS.find(root), _HOLDERS.find(root) if text_holders else [], scores, seen)
    return scores


def _is_promo_heading(text: str) -> bool:
    """Whether a heading's ``text`` heads a list of other stories ("You may also like")."""
    return is_stop_block(fold(text), heading=True)


def _is_bold_line(line: LexborNode) -> bool:
    """Whether ``line`` holds a bold element alone, read as a heading (``bold_alone``)."""
    return bold_alone(line) is not None


def _is_chrome_text(text: str) -> bool:
    """Whether ``text`` is page chrome that a page without class names does not mark,
    and that must not vote for a container: a consent banner's (``CONSENT_TEXT``), or
    a prompt to click a picture or a link (``CLICK_OPENING``, ``CLICK_PROMPT``)."""
    return (contains_any(text, t.CONSENT_GATE) and t.CONSENT_TEXT.search(text) is not None) or (
        contains_any(text, t.CLICK_GATE)
        and (t.CLICK_OPENING.search(text) is not None or t.CLICK_PROMPT.search(text) is not None)
    )


# The winner's refinement in C: the common ancestor of a body split into parts (not
# above MAX_PROMOTION_LEVELS, never <body> or <html>; a holder of more <article>s
# than MAX_ARTICLES_PER_PART for each part is a list of posts), the gate of the parts'
# query (a scored element of the winner's tag and class), and a live entry's first two
# elements, the second a headline or a paragraph.
_REFINEMENT = Refinement(
    stops=("body", "html"),
    levels=t.MAX_PROMOTION_LEVELS,
    posts="article",
    per_part=t.MAX_ARTICLES_PER_PART,
    headlines=t.LIVE_HEADLINE_TAGS,
    texts=t.LIVE_TEXT_TAGS,
)


# Each voter's points for its length and commas, cast for its ancestors in C.
_BALLOT = Ballot(
    headings=_HEADINGS,
    bold=BOLD_TAGS,
    is_promo_heading=_is_promo_heading,
    is_bold_line=_is_bold_line,
    muted=_MUTED_TAGS,
    leaf_blocks=t.LEAF_BLOCKS,
    inline=t.INLINE_TAGS,
    container_runs=t.CONTAINER_RUNS,
    min_chars=t.MIN_BLOCK_CHARS,
    chars_per_point=t.CHARS_PER_POINT,
    max_length_points=t.MAX_LENGTH_POINTS,
    wide_commas=t.WIDE_COMMAS,
    shares=t.ANCESTOR_DECAY,
    top=_TOP_CANDIDATES,
    is_chrome_text=_is_chrome_text,
    chrome_gate=(*t.CONSENT_GATE, *t.CLICK_GATE),  # asked in C: most texts hold none
    # Each ancestor starts from its tag's weight and its class and id names': a
    # negative name's, and a strong or else a weak positive name's, found anywhere in
    # the names lowercased; an element marked as the item's body alone gets twice a
    # strong name's.
    tag_weights=t.CONTAINER_TAG_BONUS,
    negative=([name for name, _ in t.NEGATIVE_NAMES], t.NEGATIVE_WEIGHT),
    strong=([name for name, _ in t.POSITIVE_NAMES[: t.WEAK_POSITIVE_FROM]], t.POSITIVE_WEIGHT),
    weak=([name for name, _ in t.POSITIVE_NAMES[t.WEAK_POSITIVE_FROM :]], t.WEAK_POSITIVE_WEIGHT),
    item_body=("articleBody", t.POSITIVE_WEIGHT * 2),
    name_exceptions=t.NAME_EXCEPTIONS,
)


def _members(best: LexborNode, best_score: float, scores: _Scores) -> list[LexborNode]:
    """The winner and its siblings that belong to the same story, in order (``_MEMBERS``);
    without such siblings, the runs wrapped like it (``_runs``)."""
    threshold = max(t.MIN_SIBLING_SCORE, best_score * t.SIBLING_SHARE)
    members = _MEMBERS.members(best, threshold, scores)
    if members is None:
        return [best]
    return _runs(best, threshold, scores) if len(members) == 1 else members


def _runs(best: LexborNode, threshold: float, scores: _Scores) -> list[LexborNode]:
    """The runs of a body cut up by pictures, ads or quotes, in document order,
    when no class names mark them: ``best`` and the runs wrapped like it. Under
    one of its ancestors up to ``MAX_RUN_LEVELS`` above it (the nearest that has
    runs), ``best``'s wrapper (the child holding it) and siblings of that
    wrapper with its tag that hold a run: a scored element reaching
    ``threshold``, with two paragraphs or more (``MIN_RUN_PARAGRAPHS``), under the
    tags that lead from ``best`` up to its wrapper (extra wrappers above them
    allowed). Runs follow each other with at most ``MAX_RUN_GAP`` elements of
    text between them (a picture's caption, an ad's label). ``[best]`` when no
    run joins it."""
    ancestors, candidates = _MEMBERS.run_parts(best, threshold, scores)
    found: dict[int, dict[int, tuple[LexborNode, float]]] = {}  # level -> wrapper -> run
    for level, wrapper, part, score in candidates:
        runs = found.setdefault(level, {})
        held = runs.get(wrapper.mem_id)
        if (held is None or held[1] < score) and _holds_run(part, scores):
            runs[wrapper.mem_id] = (part, score)
    for level in sorted(found):
        parts = {key: part for key, (part, _) in found[level].items()}
        joined = _runs_under(ancestors[level], ancestors[level - 1], parts)
        if joined:
            return [best if part.mem_id == ancestors[level - 1].mem_id else part for part in joined]
    return [best]


def _holds_run(part: LexborNode, scores: _Scores) -> bool:
    """Whether ``part`` is a run of the body: ``MIN_RUN_PARAGRAPHS`` paragraphs
    of its own (its text runs between ``<br>`` when it is their container, as
    older pages set a story), not another story, not mostly links."""
    paragraphs = sum(
        1 for c in part.iter() if c.mem_id in scores.texts or c.mem_id in scores.holders
    )
    if part.mem_id in scores.containers:
        paragraphs += _text_runs(part)
    return (
        paragraphs >= t.MIN_RUN_PARAGRAPHS
        and not _is_other_story(part)
        and link_density(part, text_chars(part)) <= t.MAX_LINK_DENSITY
    )


def _text_runs(node: LexborNode) -> int:
    """The runs of ``node``'s own text between ``<br>`` long enough to be paragraphs
    (``SHORT_BLOCK_CHARS``; a dialog's one-line message is none)."""
    runs = 0
    size = 0
    for child in node.iter(include_text=True):
        tag = child.tag or ""
        if tag == "br":
            runs += size >= t.SHORT_BLOCK_CHARS
            size = 0
        elif tag == "-text":
            size += len((child.text_content or "").strip())
        elif tag in t.INLINE_TAGS:
            size += len(child.text(strip=True))
    return runs + (size >= t.SHORT_BLOCK_CHARS)


def _runs_under(
    holder: LexborNode, wrapper: LexborNode, parts: dict[int, LexborNode]
) -> list[LexborNode]:
    """``wrapper`` and the runs beside it under ``holder`` (``parts``, by their
    wrappers' keys), in document order; empty when none joins it. Walked away
    from ``wrapper`` until more than ``MAX_RUN_GAP`` elements of text stand
    between two runs. Before it, the walk ends at the headline's holder (which
    may hold the opening run after the headline and byline). After it, a run
    must open its wrapper: a box whose label comes first ("About the author",
    "Disclaimer", "Sources") is no part of the story, and ends it."""
    children = [c for c in holder.iter() if c.is_element_node]
    at = next(i for i, c in enumerate(children) if c.mem_id == wrapper.mem_id)
    joined: list[list[LexborNode]] = [[], []]
    for side, siblings in enumerate((children[:at][::-1], children[at + 1 :])):
        gap = 0
        for sibling in siblings:
            part = parts.get(sibling.mem_id)
            if part is not None and side and not _opens(part, sibling):
                break
            if part is not None:
                joined[side].append(part)
                gap = 0
            if not side and H1.first(sibling) is not None:
                break  # the headline opens the story: no run comes before it
            if part is None and sibling.text(strip=True):
                gap += 1
                if gap > t.MAX_RUN_GAP:
                    break
    if not joined[0] and not joined[1]:
        return []
    return [*joined[0][::-1], wrapper, *joined[1]]


def _opens(part: LexborNode, wrapper: LexborNode) -> bool:
    """Whether neither text nor a rule (``RUN_BOX_OPENERS``) comes before the text
    of ``part`` inside ``wrapper``."""
    if _opens_with_rule(part):
        return False
    node = part
    while node.mem_id != wrapper.mem_id and node.parent is not None:
        if text_before(node) or _opener_before(node):
            return False
        node = node.parent
    return True


def _opens_with_rule(part: LexborNode) -> bool:
    """Whether a rule (``RUN_BOX_OPENERS``) comes before the first text of ``part``."""
    for child in part.iter(include_text=True):
        if child.tag in t.RUN_BOX_OPENERS:
            return True
        if child.text(strip=True):
            return False
    return False


def _opener_before(node: LexborNode) -> bool:
    """Whether an element that sets off a box (``RUN_BOX_OPENERS``) comes before ``node``
    in its parent."""
    before = node.prev
    while before is not None:
        if before.tag in t.RUN_BOX_OPENERS:
            return True
        before = before.prev
    return False


def _is_listing(headlines: int, blocks: int) -> bool:
    """Whether linked headlines recur among the blocks like the items of a story list."""
    return (
        headlines >= t.LISTING_MIN_HEADLINES and headlines * t.LISTING_BLOCKS_PER_HEADLINE >= blocks
    )


def _ballot(
    root: LexborNode, live_page: bool, text_holders: bool = False
) -> tuple[_Scores, Winner | None]:
    """The scores below ``root`` and their winner; when the winner is a reader's
    comment known by its reply control (``_comment_thread``), the thread around it
    is muted and the page votes again, ``MAX_THREAD_ROUNDS`` times at most."""
    scores = _vote(root, text_holders)
    best = scores.best(live_page)
    muted: set[int] = set()
    post: list[LexborNode] = []  # a forum's opening post: its blocks after the date line
    for _ in range(t.MAX_THREAD_ROUNDS):
        if best is None:
            break
        threads = [thread] if (thread := _comment_thread(best.node, scores)) else []
        if not threads:
            threads = _signed_thread(root, best.node, scores, post)
        if not threads:
            break
        for thread in threads:
            muted.add(thread.mem_id)
            muted.update(n.mem_id for n in thread.css("*"))
        scores = _vote(root, text_holders, frozenset(muted))
        best = scores.best(live_page)
    if post and best is not None and _contains_or_is(post[0].parent, best.node):
        best = Winner(best.node, best.score, tuple(post))
    return scores, best


def _contains_or_is(outer: LexborNode | None, inner: LexborNode) -> bool:
    return outer is not None and (outer.mem_id == inner.mem_id or _contains(outer, inner))


def _signed_thread(
    root: LexborNode, best: LexborNode, scores: _Scores, post: list[LexborNode]
) -> list[LexborNode]:
    """The comments of a thread whose items open with a name line and a date line,
    or a line of both (``_SIGNED``, ``_signed_opening``), when ``best`` holds
    ``MIN_THREAD_ITEMS`` of them side by side (or the last of its scored children
    does, ``wrapped``: a winner holding the story's container and the thread's
    holder) or is one of them; ``MIN_HEADED_THREAD_ITEMS`` will do under a heading
    of comments (``_under_thread_heading``). Empty when it is no such thread. When no
    prose (``SHORT_BLOCK_CHARS``) comes before the first item, the thread is a
    forum's and its first item the page's own post: it is left out, and its blocks
    after the date line are put in ``post``."""
    for holder in (best.parent, best, *wrapped(best, scores)):
        if holder is None or holder.tag in _TOP_TAGS or holder.mem_id in scores.texts:
            continue  # a paragraph holds no items
        items = _SIGNED.items(holder, scores)
        if len(items) < t.MIN_THREAD_ITEMS and (
            len(items) < t.MIN_HEADED_THREAD_ITEMS or not _under_thread_heading(items[0])
        ):
            continue
        if _prose_before(root, items[0], scores):
            return items
        start = _SIGNED.text_at(items[0])
        post[:] = [c for c in items[0].iter() if c.is_element_node][start:]
        return items[1:]
    return []


def _under_thread_heading(item: LexborNode) -> bool:
    """Whether the nearest text before ``item``, among its siblings or those of its
    ancestors up to ``THREAD_HEADING_LEVELS`` above it, is a heading of comments
    ("3 Comments", "Reactions": ``is_stop_block``, ``THREAD_HEADING``), in whatever
    element it is set (an ``<h5>``, a ``<div>``)."""
    node: LexborNode | None = item
    for _ in range(t.THREAD_HEADING_LEVELS + 1):
        if node is None or node.tag in _TOP_TAGS:
            return False
        before = node.prev
        while before is not None:
            if before.is_element_node and (text := fold(before.text())):
                return is_stop_block(text, heading=True) or (
                    t.THREAD_HEADING.search(text) is not None
                )
            before = before.prev
        node = node.parent
    return False


def _signed_opening(lines: list[LexborNode]) -> int:
    """The place of an item's text among its elements, after its signature, read from
    its first two or three elements (``lines``; ``SignedItems`` has passed over the
    items that open otherwise: a headline, a first line of no text or longer than any
    signature): 2 when its first is a name line (short, no sentence, no headline, no
    time) and its second a date line (``_is_date_line``), 1 when its first is a line
    of both (``_signed_line``) and no headline follows; 0 when the item opens
    otherwise or holds nothing after its signature."""
    name = fold(lines[0].text())
    if lines[1].tag not in t.NOT_NAME_LINE_TAGS and _signed_line(lines[0], name):
        return 1
    if len(lines) < 3 or not _is_name(name) or _holds_time(lines[0]):
        return 0  # a live entry's time opens it: no name line
    date = fold(lines[1].text())
    return 2 if date and _is_date_line(lines[1], date) else 0


# A holder's signed items, found in C: each scored child's opening read up to the rules
# of ``_signed_opening``; ``_signed_line`` and ``_is_name`` refuse a longer first line.
_SIGNED = SignedItems(
    not_name=t.NOT_NAME_LINE_TAGS,
    max_chars=t.MAX_NAME_LINE_CHARS + t.MAX_DATE_LINE_CHARS,
    length=FOLDED.of,
    opening=_signed_opening,
)


def _is_name(text: str) -> bool:
    """Whether ``text`` reads as a reader's name or handle: short, no sentence, no time."""
    return (
        bool(text)
        and len(text) <= t.MAX_NAME_LINE_CHARS
        and t.PROSE_END.search(text) is None
        and not _reads_as_time(text, clock=True)
    )


def _signed_line(line: LexborNode, text: str) -> bool:
    """Whether ``line`` (its ``text``) is a name and a date side by side: parted at the
    edge of one of its elements (the date a ``<time>``, or text read whole as a date)
    or at a separator (``NAME_DATE_SEPARATOR``)."""
    digit = _DIGIT.search(text)
    if len(text) > t.MAX_NAME_LINE_CHARS + t.MAX_DATE_LINE_CHARS or digit is None:
        return False  # a date has digits: most names are passed over here
    pieces = [c for c in line.iter(include_text=True) if c.text(strip=True)]
    while len(pieces) == 1 and pieces[0].is_element_node:  # a wrapper of the line's parts
        pieces = [c for c in pieces[0].iter(include_text=True) if c.text(strip=True)]
    texts = [fold(piece.text()) for piece in pieces]
    for at in range(1, len(pieces)):
        if not _is_name(" ".join(texts[:at]).rstrip(t.SEPARATOR_CHARS)):
            continue
        first = pieces[at]
        date = " ".join(texts[at:]).lstrip(t.SEPARATOR_CHARS)
        if _reads_as_time(date) or (
            len(date) <= t.MAX_DATE_LINE_CHARS
            and _holds_time(first)
            and t.CLOCK_TIME.match(date) is None  # a live entry's byline and stamp
        ):
            return True
    for separator in t.NAME_DATE_SEPARATOR.finditer(text):
        if _is_name(text[: separator.start()]) and _reads_as_time(text[separator.end() :]):
            return True
    for space in _DATE_START.finditer(text, 0, digit.end()):  # "Ann May 4, 2026"
        if text.count(" ", space.end(), digit.start()) > t.MAX_DATE_WORDS_BEFORE_DIGIT:
            continue  # the date opens nearer its first figure
        if _reads_as_time(text[space.end() :]) and _is_name(text[: space.start()]):
            return True
    return False


def _is_date_line(line: LexborNode, text: str, clock: bool = False) -> bool:
    """Whether ``line`` (its ``text``) is a date line: a ``<time>``, or a short text
    read whole as a date (``_reads_as_time``)."""
    if len(text) > t.MAX_DATE_LINE_CHARS:
        return False
    return _holds_time(line) or _reads_as_time(text, clock)


def _holds_time(node: LexborNode) -> bool:
    """Whether ``node`` is a ``<time>`` or holds one."""
    return node.tag == "time" or (node.is_element_node and _TIMES.first(node) is not None)


def _reads_as_time(text: str, clock: bool = False) -> bool:
    """Whether ``text`` is read whole as a date or a time counted back (``RELATIVE_TIME``,
    or in words: ``WORDED_TIME``), or with ``clock`` as a clock time (``CLOCK_TIME``: a
    live entry's stamp); a date has digits."""
    if len(text) > t.MAX_DATE_LINE_CHARS:
        return False
    if not _DIGIT.search(text):
        return t.WORDED_TIME.match(text) is not None
    if t.RELATIVE_TIME.match(text) or (clock and t.CLOCK_TIME.match(text)):
        return True
    return t.WORDED_TIME.match(text) is not None or parse_date(text) is not None


def _prose_before(root: LexborNode, item: LexborNode, scores: _Scores) -> bool:
    """Whether a paragraph of prose (``SHORT_BLOCK_CHARS`` or more) comes before
    ``item`` in the page: the story the thread comments on."""
    for node in root.traverse():
        if node.mem_id == item.mem_id:
            return False
        text = scores.texts.get(node.mem_id)
        if (text is not None and len(text.strip()) >= t.SHORT_BLOCK_CHARS) or (
            node.mem_id in scores.containers
        ):
            return True
    return False


def _is_reply_control(node: LexborNode | None, scores: _Scores) -> bool:
    """Whether ``node`` is a comment's reply control: a short block reading "Reply"
    alone (``REPLY_CONTROL``). A voter is prose, never one."""
    if node is None or node.mem_id in scores.texts:
        return False
    for count, _ in enumerate(node.traverse()):
        if count >= t.MAX_REPLY_CONTROL_NODES:
            return False  # a box of more elements is no control: its text is not read
    text = fold(node.text())
    return len(text) <= t.MAX_REPLY_CONTROL_CHARS and t.REPLY_CONTROL.search(text) is not None


def _elements(node: LexborNode | None, backwards: bool) -> list[LexborNode]:
    """The first ``REPLY_CONTROL_PLACES`` elements from ``node`` on (or back)."""
    found: list[LexborNode] = []
    while node is not None and len(found) < t.REPLY_CONTROL_PLACES:
        if node.is_element_node:
            found.append(node)
        node = node.prev if backwards else node.next
    return found


def _reply_item(node: LexborNode, scores: _Scores, cache: dict[int, bool]) -> LexborNode | None:
    """The reader's comment holding ``node``: ``node`` when a reply control is among
    its last children, else its parent when one follows ``node`` (a comment's text
    and its control are siblings, the control after the text)."""
    held = cache.get(node.mem_id)
    if held is None:
        held = cache[node.mem_id] = any(
            _is_reply_control(child, scores) for child in _elements(node.last_child, True)
        )
    if held:
        return node
    parent = node.parent
    if parent is None or parent.tag in _TOP_TAGS:
        return None
    if any(_is_reply_control(after, scores) for after in _elements(node.next, False)):
        return parent
    return None


def _comment_thread(best: LexborNode, scores: _Scores) -> LexborNode | None:
    """The comment thread around ``best`` when ``best`` is a reader's comment (or
    inside one): the highest ancestor of the comment that holds neither the page's
    ``<h1>`` nor a paragraph of prose (``SHORT_BLOCK_CHARS`` or more) outside the
    comments. A page without class names shows a thread only so; ``None`` when
    ``best`` is no comment."""
    cache: dict[int, bool] = {}
    item = _reply_item(best, scores, cache)
    if item is None:
        return None
    thread = item
    node = item.parent
    while node is not None and node.tag not in _TOP_TAGS and H1.first(node) is None:
        for voter in node.css(_VOTER_QUERY):
            text = scores.texts.get(voter.mem_id)
            if (
                text is not None
                and len(text.strip()) >= t.SHORT_BLOCK_CHARS
                and _reply_item(voter.parent or voter, scores, cache) is None
            ):
                return thread  # the story's prose: the thread ends below
        thread, node = node, node.parent
    return thread


def find_body(
    root: LexborNode,
    description: str | None = None,
    subheadings: frozenset[int] = frozenset(),
    video_page: bool = False,
    live_page: bool = False,
    title: str | None = None,
) -> Body | None:
    """The body's blocks below ``root`` in reading order, or ``None`` without a
    prose container; a lead paragraph before the container comes first unless
    it repeats the page's ``description`` (``lead.py``). ``subheadings``: the
    linked headings that head parts of the article (by ``mem_id``), read as
    headings and not counted as a story list's headlines. ``video_page``: the
    page declares itself a video, whose description beside the player may be
    the lead. ``live_page``: the page declares itself a live page, whose
    entries (``<article>``s with their own headings) are all its story.
    ``title``: on a page without an ``<h1>``, the page's title, which its headline reads."""
    scores, best = _ballot(root, live_page)
    if best is None or best.score < t.TEXT_HOLDERS_BELOW:
        # Weak or no winner: the prose may sit as bare text in <div>s.
        scores, best = _ballot(root, live_page, text_holders=True)
    if best is None:
        return None
    score = best.score
    members = list(best.parts) or _members(best.node, score, scores)
    headlines = sum(_LINKED_HEADLINES.count(member, subheadings) for member in members)
    reader = Reader(scores.texts, subheadings)
    opening = _opening(members[0])
    if opening is not None and members[0].parent is not None:
        reader.read(members[0].parent, opening, members[0])
    for member in members:
        reader.read(member)
    if not reader.out or _is_listing(headlines, len(reader.out)):
        return None
    blocks = _without_trailing_headings(
        without_pull_quotes(
            without_repeated_captions(_without_signature(reader), members, reader.captions)
        )
    )
    blocks = _without_lines_above_headline(blocks, members[0])
    if not blocks:
        return None
    # A member the reader skips whole (a story's <header> joined as a sibling)
    # is no container: the lead is searched before the first one read.
    first = next((m for m in members if m.tag not in t.SKIPPED_TAGS), members[0])
    lead = find_lead(first, blocks, description, video_page, title)
    return Body((*lead, *blocks), score)


def _without_lines_above_headline(blocks: list[Paragraph], first: LexborNode) -> list[Paragraph]:
    """``blocks`` without the short lines (``KICKER_MAX_WORDS``) opening them that the
    container ``first`` sets above its ``<h1>``, which the reader passes over: the
    headline's kicker or the section's name ("<p class=dachzeile>Verkehr</p><h1>")."""
    if not blocks or len(blocks[0].text.split()) > t.KICKER_MAX_WORDS:
        return blocks
    headline = H1.first(first)
    if headline is None:
        return blocks
    parts: list[str] = []
    for node in first.traverse(include_text=True):
        if node.mem_id == headline.mem_id:
            break
        if len(parts) > t.MAX_NODES_ABOVE_HEADLINE:
            return blocks  # a container whose headline stands far down: no header above it
        if node.tag == "-text":
            parts.append(node.text_content or "")
    else:
        return blocks
    above = normalize_text(" ".join(parts))
    kept = 0
    while (
        kept < len(blocks)
        and len(blocks[kept].text.split()) <= t.KICKER_MAX_WORDS
        and blocks[kept].text in above
    ):
        kept += 1
    return blocks[kept:]


def _opening(first: LexborNode) -> LexborNode | None:
    """Where the story's opening starts when it is set as loose text (text, inline
    elements, ``<br>``) in the parent of ``first``, the body's first element, right
    before it: the first node of the earliest run of prose (``SHORT_BLOCK_CHARS``
    or more, few links) among the loose runs after the parent's last block before
    ``first``; ``None`` without one (``_MEMBERS``). Older pages open a story so, beside
    an element that holds the rest of it (a fold, a block after the first ad), which wins."""
    return _MEMBERS.opening(first)


def _without_signature(reader: Reader) -> list[Paragraph]:
    """The blocks read without the author's name set in bold alone after the story
    ("<p><strong>Minh Anh</strong></p>", as Vietnamese and other papers sign a story):
    a byline set apart, not story text."""
    blocks = reader.out
    last = len(blocks) - 1
    if last <= 0 or last not in reader.bold_lines:
        return blocks
    text = blocks[last].text
    if any(ch.isdigit() for ch in text) or not reads_as_person(text):
        return blocks  # "7th Amsterdam Light Festival": a name, not a person's
    return blocks[:last]


def _without_trailing_headings(blocks: list[Paragraph]) -> list[Paragraph]:
    """``blocks`` without the headings at their end: they head nothing the body keeps
    (the label of a block of other stories after the article, "More videos")."""
    end = len(blocks)
    while end and blocks[end - 1].kind == "h":
        end -= 1
    return blocks[:end]
