"""Main-content detection: which container holds the story, and its blocks in order.

Readability-style. Every paragraph long enough to be prose votes for its
ancestors (the parent most, farther ancestors less) with points for its length
and commas; a container's class/id names and tag add or subtract a fixed
weight; the total is discounted by the container's link density. The best
container and those of its siblings that score close to it make the body, read
block by block (``p``, headings, list items, quotes, preformatted text) in
document order; blocks that are mostly links or match a boilerplate pattern
are dropped. The tables are in ``body_tables.py``.

The caller removes teasers and page chrome first, so that their text cannot
vote.
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from service.extract import body_tables as t
from service.extract.model import Paragraph, ParagraphKind
from service.extract.text import normalize_text

_VOTER_QUERY = "p, pre, td"
_BLOCK_QUERY = ", ".join(t.BLOCK_KINDS)
_TOP_CANDIDATES = 5  # link density is measured on this many best raw scores only
_MAX_DROP_CHARS = 200  # boilerplate patterns apply to blocks up to this long
_STRONG = tuple(name for name, _ in t.POSITIVE_NAMES[: t.WEAK_POSITIVE_FROM])
_WEAK = tuple(name for name, _ in t.POSITIVE_NAMES[t.WEAK_POSITIVE_FROM :])
_NEGATIVE = tuple(name for name, _ in t.NEGATIVE_NAMES)


@dataclass(frozen=True, slots=True)
class Body:
    """The body found on a page: its blocks and the container's score."""

    paragraphs: tuple[Paragraph, ...]
    score: float

    @property
    def chars(self) -> int:
        """Characters of text in the body's blocks."""
        return sum(len(p.text) for p in self.paragraphs)


def _name_weight(node: LexborNode) -> float:
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    if attrs.get("itemprop") == "articleBody":
        return t.POSITIVE_WEIGHT * 2
    if not names.strip():
        return 0.0
    weight = 0.0
    if any(n in names for n in _NEGATIVE):
        weight += t.NEGATIVE_WEIGHT
    if any(n in names for n in _STRONG):
        weight += t.POSITIVE_WEIGHT
    elif any(n in names for n in _WEAK):
        weight += t.WEAK_POSITIVE_WEIGHT
    return weight


def _link_density(node: LexborNode, text_len: int) -> float:
    if text_len == 0:
        return 1.0
    linked = sum(len(normalize_text(a.text())) for a in node.css("a"))
    return min(1.0, linked / text_len)


class _Scores:
    """Container scores, keyed by node identity."""

    def __init__(self) -> None:
        self.nodes: dict[int, LexborNode] = {}
        self.score: dict[int, float] = {}

    def add(self, node: LexborNode, points: float) -> None:
        key = node.mem_id
        if key not in self.score:
            self.nodes[key] = node
            self.score[key] = t.CONTAINER_TAG_BONUS.get(node.tag or "", 0.0) + _name_weight(node)
        self.score[key] += points

    def best(self) -> tuple[LexborNode, float] | None:
        ranked = sorted(self.score.items(), key=lambda kv: kv[1], reverse=True)[:_TOP_CANDIDATES]
        best: tuple[LexborNode, float] | None = None
        for key, raw in ranked:
            node = self.nodes[key]
            text_len = len(normalize_text(node.text()))
            final = raw * (1.0 - _link_density(node, text_len))
            if best is None or final > best[1]:
                best = (node, final)
        return best


def _vote(root: LexborNode) -> _Scores:
    scores = _Scores()
    for voter in root.css(_VOTER_QUERY):
        text = voter.text()
        length = len(text.strip())
        if length < t.MIN_BLOCK_CHARS:
            continue
        points = 1.0 + text.count(",") + min(length / t.CHARS_PER_POINT, t.MAX_LENGTH_POINTS)
        node = voter.parent
        for share in t.ANCESTOR_DECAY:
            if node is None or node.tag in (None, "html", "-document"):
                break
            scores.add(node, points * share)
            node = node.parent
    return scores


def _members(best: LexborNode, best_score: float, scores: _Scores) -> list[LexborNode]:
    """The winner and its siblings that belong to the same story, in order."""
    parent = best.parent
    if parent is None or parent.tag in ("html", "-document"):
        return [best]
    threshold = max(t.MIN_SIBLING_SCORE, best_score * t.SIBLING_SHARE)
    members: list[LexborNode] = []
    for sibling in parent.iter():
        if sibling.mem_id == best.mem_id:
            members.append(sibling)
            continue
        score = scores.score.get(sibling.mem_id)
        if score is not None and score >= threshold:
            members.append(sibling)
        elif sibling.tag == "p":
            text = normalize_text(sibling.text())
            if len(text) > t.SHORT_BLOCK_CHARS and _link_density(sibling, len(text)) < 0.25:
                members.append(sibling)
    return members


def _is_boilerplate(text: str) -> bool:
    if len(text) > _MAX_DROP_CHARS:
        return False
    return any(pattern.search(text) for pattern, _ in t.DROP_BLOCK_PATTERNS)


def _keep(node: LexborNode, text: str) -> bool:
    if _is_boilerplate(text):
        return False
    if node.css_first("a") is None:
        return True
    density = _link_density(node, len(text))
    if len(text) < t.SHORT_BLOCK_CHARS:
        return density <= t.SHORT_MAX_LINK_DENSITY
    return density <= t.MAX_LINK_DENSITY


def _kind(node: LexborNode, quoted: set[int], listed: set[int]) -> ParagraphKind:
    key = node.mem_id
    if key in quoted:
        return "quote"
    if key in listed:
        return "li"
    kind = t.BLOCK_KINDS.get(node.tag or "", "p")
    if kind in ("h", "li", "quote", "pre"):
        return kind  # type: ignore[return-value]
    return "p"


def _has_inner_block(node: LexborNode) -> bool:
    return any(child.css_first(_BLOCK_QUERY) is not None for child in node.iter())


def _blocks(container: LexborNode) -> list[Paragraph]:
    for br in container.css("br"):
        br.insert_before("\n")
    # A node's css() matches the node itself too, so the sets hold the
    # blockquotes and list items as well as the blocks inside them.
    quoted = {n.mem_id for q in container.css("blockquote") for n in q.css(_BLOCK_QUERY)}
    listed = {n.mem_id for li in container.css("li") for n in li.css(_BLOCK_QUERY)}
    out: list[Paragraph] = []
    for node in container.css(_BLOCK_QUERY):
        if _has_inner_block(node):
            continue  # its inner blocks are read one by one
        text = normalize_text(node.text())
        if text and _keep(node, text):
            out.append(Paragraph(_kind(node, quoted, listed), text))
    return out


def find_body(root: LexborNode) -> Body | None:
    """The body's blocks below ``root`` in reading order, or ``None`` without a prose container."""
    scores = _vote(root)
    best = scores.best()
    if best is None:
        return None
    node, score = best
    paragraphs: list[Paragraph] = []
    for member in _members(node, score, scores):
        paragraphs.extend(_blocks(member))
    if not paragraphs:
        return None
    return Body(tuple(paragraphs), score)
