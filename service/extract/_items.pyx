# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""What an element's class and id name, and what surrounds a teaser item, read in C.

Teaser detection asks the same questions of the same elements again and again: the
kinds (``teaser_tokens.CARD``, ``MENU``...) their class and id tokens name, and
the flags of an item's chain of ancestors (menu, footer, hidden...). Asked through
``LexborNode`` each costs a node object per level, a dict of its attributes and
string work; here they are answered on Lexbor's own structures, each element's
answer kept for the page in a table keyed by its node. The token tables, the tags
and roles and the rules of which kinds make which flags stay in Python
(``teaser_tokens``, ``teaser_items``) and are handed over once; the property
tests (``tests/unit/extract/test_items.py``) check the answers against the Python
forms on generated pages.
"""

from cpython.pyport cimport PY_SSIZE_T_MAX
from cpython.ref cimport PyObject
from cpython.set cimport PySet_Contains
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdint cimport intptr_t, uint64_t, uintptr_t
from libc.stdlib cimport calloc, free, malloc, realloc
from libc.string cimport memcmp, memset

import re

from selectolax.lexbor import LexborNode, create_tag

from service.extract._lexbor cimport (
    PS_ELEMENT,
    PS_TEXT,
    TAG_LAST_ENTRY,
    TAG_TEXT,
    attribute_id,
    c_node,
    fold_text,
    next_in,
    ps_attr,
    ps_character_data,
    ps_element,
    ps_node,
    ps_spaces,
    set_folding_spaces,
    split_space,
    tag_id,
    tag_table,
    text_bytes,
    wrap,
)

cdef enum:
    _SYMBOLS = 36  # a-z and 0-9, the characters of every table token
    _BREAK = 36  # any other ASCII character of a class or id, where no token goes on
    _KINDS = 37  # the place of a trie node's kinds in its row, after its children
    _ROW = 38  # a trie node's row: a child for each symbol, none for a break, its kinds
    _ROOT = _ROW  # the offset of a trie's root, node 1 (node 0 has no children)
    _SKIPPED = 254  # "-" and "_", which the long tokens are matched without
    _BEYOND = 255  # a byte beyond ASCII


_TOKEN = re.compile("[a-z0-9]+")
cdef unsigned char _SYMBOL[256]
cdef _init_symbols():
    cdef int c
    for c in range(256):
        _SYMBOL[c] = _BREAK if c < 0x80 else _BEYOND
    for c in range(26):
        _SYMBOL[ord("a") + c] = c
        _SYMBOL[ord("A") + c] = c  # the ASCII case fold of str.lower
    for c in range(10):
        _SYMBOL[ord("0") + c] = 26 + c
    _SYMBOL[ord("-")] = _SKIPPED
    _SYMBOL[ord("_")] = _SKIPPED
_init_symbols()


cdef int _trie_build(_Trie *trie, dict tokens) except -1:
    """A trie of ``tokens`` (lowercase ``[a-z0-9]`` str -> kinds, never 0)."""
    cdef int capacity = 2 + sum(len(token) for token in tokens)
    cdef int node, sym
    trie.rows = <unsigned short *>calloc(capacity * _ROW, sizeof(unsigned short))
    if trie.rows == NULL:
        raise MemoryError()
    trie.size = 2
    for token, kinds in tokens.items():
        if not kinds or not token:
            raise ValueError(f"a token without kinds: {token!r}")
        if not 0 < kinds <= 0xFFFF:
            raise ValueError(f"kinds beyond 16 bits: {token!r}")
        if _TOKEN.fullmatch(token) is None:
            raise ValueError(f"a token of other characters than a-z and 0-9: {token!r}")
        node = _ROOT
        for char in token.encode("ascii"):
            sym = _SYMBOL[char]
            if trie.rows[node + sym] == 0:
                if (trie.size + 1) * _ROW > 0xFFFF:
                    raise ValueError("tokens of too many characters in all")
                trie.rows[node + sym] = trie.size * _ROW
                trie.size += 1
            node = trie.rows[node + sym]
        trie.rows[node + _KINDS] = kinds
    return 0


cdef class TokenKinds:
    """``teaser_tokens.KindMatcher`` on an element's class and id bytes.

    ``short`` are the tokens that name a kind as a whole part of a name (a maximal
    run of ``[a-z0-9]``), ``long`` those found anywhere in the names once ``-``
    and ``_`` are dropped, the longest at a place and the search going on after it
    (``re.findall`` of their trie-form alternation), each with the kinds of the long
    tokens inside it, and each of two characters at least. Names with a byte beyond
    ASCII are left to Python (-1): their lowercase form may hold ASCII letters (the
    Kelvin sign).
    """

    def __cinit__(self):
        self._short.rows = self._long.rows = NULL

    def __init__(self, dict short, dict long):
        if any(len(token) < 2 for token in long):
            raise ValueError("a long token of fewer than two characters")
        _trie_build(&self._short, short)
        _trie_build(&self._long, long)
        # a search starts no closer to the end (none at all without long tokens)
        self._long_least = min(map(len, long), default=<size_t>-1)

    def __dealloc__(self):
        free(self._short.rows)
        free(self._long.rows)

    cdef int _of_name(self, const unsigned char *data, size_t length, unsigned char *squashed) noexcept:
        """The kinds of one class or id value; ``squashed`` holds ``length + 1`` bytes.

        One pass walks the short trie along each part (to node 0 once the part has
        left the trie) and writes the name's symbols but ``-`` and ``_`` to
        ``squashed``; the other walks the long trie from each place of ``squashed``
        (the first two symbols in one step), a break ending the walk."""
        cdef const unsigned short *short_rows = self._short.rows
        cdef const unsigned short *long_rows = self._long.rows
        cdef size_t least = self._long_least
        cdef int found = 0
        cdef int kinds
        cdef unsigned int node = _ROOT
        cdef size_t i, j, best, count = 0
        cdef unsigned char sym
        for i in range(length):
            sym = _SYMBOL[data[i]]
            if sym < _SYMBOLS:
                node = short_rows[node + sym]
            elif sym == _BEYOND:
                return -1
            else:
                found |= short_rows[node + _KINDS]
                node = _ROOT
                if sym == _SKIPPED:
                    continue
            squashed[count] = sym
            count += 1
        found |= short_rows[node + _KINDS]
        squashed[count] = _BREAK
        i = 0
        while count - i >= least:
            node = long_rows[long_rows[_ROOT + squashed[i]] + squashed[i + 1]]
            j = i + 2
            best = kinds = 0
            while node:
                if long_rows[node + _KINDS]:
                    kinds, best = long_rows[node + _KINDS], j
                node = long_rows[node + squashed[j]]
                j += 1
            if best:
                found |= kinds
                i = best
            else:
                i += 1
        return found


cdef class AttrNames:
    """Attribute names, each by its id or, past Lexbor's predefined ones, by its bytes."""

    def __init__(self, names):
        self._keep = []
        self.count = 0
        for name in names:
            if self.count == 8:
                raise ValueError("at most 8 attribute names")
            encoded = name.encode("ascii")
            self._keep.append(encoded)
            self.names[self.count].id = attribute_id(encoded)
            self.names[self.count].name = encoded
            self.names[self.count].size = len(encoded)
            self.count += 1


cdef int _map_init(_Map *table) except -1:
    table.mask = 255
    table.used = 0
    table.slots = <_Slot *>calloc(table.mask + 1, sizeof(_Slot))
    if table.slots == NULL:
        raise MemoryError()
    return 0


cdef inline size_t _hash(uintptr_t key) noexcept:
    return <size_t>((key >> 4) * <uintptr_t>0x9E3779B97F4A7C15 >> 16)


cdef inline intptr_t _map_get(_Map *table, uintptr_t key, intptr_t missing) noexcept:
    cdef size_t i = _hash(key) & table.mask
    while table.slots[i].key != 0:
        if table.slots[i].key == key:
            return table.slots[i].value
        i = (i + 1) & table.mask
    return missing


cdef int _map_set(_Map *table, uintptr_t key, intptr_t value) except -1:
    cdef size_t i
    cdef _Slot *old
    cdef size_t old_size, k
    if 2 * (table.used + 1) > table.mask:
        old, old_size = table.slots, table.mask + 1
        table.mask = 2 * old_size - 1
        table.slots = <_Slot *>calloc(table.mask + 1, sizeof(_Slot))
        if table.slots == NULL:
            table.slots, table.mask = old, old_size - 1
            raise MemoryError()
        table.used = 0
        for k in range(old_size):
            if old[k].key != 0:
                _map_set(table, old[k].key, old[k].value)
        free(old)
    i = _hash(key) & table.mask
    while table.slots[i].key != 0 and table.slots[i].key != key:
        i = (i + 1) & table.mask
    if table.slots[i].key == 0:
        table.used += 1
    table.slots[i].key = key
    table.slots[i].value = value
    return 0


cdef AttrNames _CLASS_ID = AttrNames(("class", "id"))


cdef class PageFacts:
    """What was read of one page's elements, each element once: the kinds of their
    class and id tokens (``teaser_tokens.Tokens.kinds``) and the flags of their chains
    of ancestors (``Surroundings.flags``). ``beyond_ascii`` gives the kinds of an
    element whose names have a byte beyond ASCII, from its ``LexborNode``."""

    def __cinit__(self):
        self._kinds.slots = self._flags.slots = NULL
        self._climb_items.slots = self._climb_stops.slots = self._scan_at.slots = NULL
        self._squashed = NULL
        self._scans = NULL

    def __init__(self, TokenKinds table, beyond_ascii):
        self._table = table
        self._beyond_ascii = beyond_ascii
        _map_init(&self._kinds)
        _map_init(&self._flags)
        _map_init(&self._climb_items)
        _map_init(&self._climb_stops)
        _map_init(&self._scan_at)
        self._squashed_size = 256
        self._squashed = <unsigned char *>malloc(self._squashed_size)
        self._scan_count, self._scan_capacity = 0, 64
        self._scans = <_Scan *>malloc(self._scan_capacity * sizeof(_Scan))
        if self._squashed == NULL or self._scans == NULL:
            raise MemoryError()

    def __dealloc__(self):
        free(self._kinds.slots)
        free(self._flags.slots)
        free(self._climb_items.slots)
        free(self._climb_stops.slots)
        free(self._scan_at.slots)
        free(self._squashed)
        free(self._scans)

    cdef _Scan *_scan(self, ps_node *parent, bint *new) except NULL:
        """The reading of ``parent``'s children (``new`` when it starts here)."""
        cdef intptr_t at = _map_get(&self._scan_at, <uintptr_t>parent, 0)
        cdef _Scan *grown
        new[0] = at == 0
        if at:
            return &self._scans[at - 1]
        if self._scan_count == self._scan_capacity:
            grown = <_Scan *>realloc(self._scans, 2 * self._scan_capacity * sizeof(_Scan))
            if grown == NULL:
                raise MemoryError()
            self._scans, self._scan_capacity = grown, 2 * self._scan_capacity
        self._scan_count += 1
        _map_set(&self._scan_at, <uintptr_t>parent, self._scan_count)
        memset(&self._scans[self._scan_count - 1], 0, sizeof(_Scan))
        return &self._scans[self._scan_count - 1]

    def kinds(self, node: LexborNode) -> int:
        """The kinds the element's class and id tokens name."""
        cdef ps_node *raw = c_node(node)
        return self.kinds_of(raw, node.parser)

    cdef int kinds_of(self, ps_node *node, object parser) except -1:
        cdef int found = _map_get(&self._kinds, <uintptr_t>node, -1)
        cdef int part
        cdef ps_attr *attr
        cdef int seen = 0
        if found >= 0:
            return found
        found = 0
        attr = (<ps_element *>node).first_attr if node.type == PS_ELEMENT else NULL
        while attr != NULL and seen < 2:
            if has_name(attr, &_CLASS_ID.names[0]) or has_name(attr, &_CLASS_ID.names[1]):
                seen += 1
                if attr.value != NULL and attr.value.length:
                    part = self._name(attr.value.data, attr.value.length)
                    if part < 0:
                        found = self._beyond_ascii(wrap(node, parser))
                        break
                    found |= part
            attr = attr.next
        _map_set(&self._kinds, <uintptr_t>node, found)
        return found

    cdef int _name(self, const unsigned char *data, size_t length) except -2:
        cdef unsigned char *grown
        if length >= self._squashed_size:
            grown = <unsigned char *>realloc(self._squashed, length + 1)
            if grown == NULL:
                raise MemoryError()
            self._squashed, self._squashed_size = grown, length + 1
        return self._table._of_name(data, length, self._squashed)


# What ``Surroundings`` answers, as bits: an item's own flags and those of its chain
# of ancestors, and the marks of its class/id tokens near it.
HIDDEN, MENU, HEADER, FOOTER, ARTICLE = 1, 2, 4, 8, 16
EXCLUDED, PAID, AD_SLOT = 1, 2, 4
# An item's region (``Surroundings.regions``) in one int: the flags, the marks shifted
# past them, and whether its link's ``rel`` names it paid.
MARKS_SHIFT = 5
PAID_LINK = 1 << 8
cdef int _HIDDEN = HIDDEN, _MENU = MENU, _HEADER = HEADER, _FOOTER = FOOTER, _ARTICLE = ARTICLE
cdef int _AD_SLOT = AD_SLOT, _MARKS_SHIFT = MARKS_SHIFT, _PAID_LINK = PAID_LINK


cdef class _Tags:
    cdef unsigned char member[TAG_LAST_ENTRY]

    def __init__(self, tags):
        tag_table(self.member, tags)

    cdef inline bint has(self, ps_node *node) noexcept:
        return node.local_name < TAG_LAST_ENTRY and self.member[node.local_name]


cdef bint _value_holds(ps_attr *attr, bytes part):
    """Whether ``attr``'s value holds ``part`` (``str``'s ``in``, case and all)."""
    cdef size_t size = len(part)
    cdef size_t i
    if attr.value == NULL or attr.value.length < size:
        return False
    for i in range(attr.value.length - size + 1):
        if memcmp(attr.value.data + i, <const char *>part, size) == 0:
            return True
    return False


cdef bint _value_in(ps_attr *attr, tuple values):
    """Whether ``attr``'s value is one of ``values`` (bytes), exactly."""
    cdef bytes value
    if attr.value == NULL:
        return False
    for value in values:
        if <size_t>len(value) == attr.value.length and memcmp(attr.value.data, <const char *>value, attr.value.length) == 0:
            return True
    return False


cdef class Surroundings:
    """The flags of an element's chain of ancestors and the marks of the class/id
    tokens near an item, as ``teaser_items`` states them.

    An element's own flags: ``HIDDEN`` when its kinds hold ``clone`` or ``is_hidden``
    says so (asked only of elements of ``hidden_tags`` or with one of
    ``hidden_attributes``); ``MENU`` for ``menu_tags``, a role of ``menu_roles`` or
    kinds holding ``menu``, unless ``names_story_list`` says its attributes name a
    list of stories (asked only of those with a ``story_list_attribute``); ``HEADER``
    and ``FOOTER`` (the latter also by kinds holding ``footer``) outside an element
    of ``article_tags``, which get ``ARTICLE``. The chain ends below ``top_tags``.
    ``marks`` gives an element's marks by its kinds (a table over all kinds); a link
    whose ``rel`` holds ``paid_rel`` is ``PAID_LINK``.
    """

    cdef _Tags _hidden_tags, _menu_tags, _header_tags, _footer_tags, _article_tags, _top_tags
    cdef AttrNames _hidden_attributes, _role, _story_list_attribute, _rel
    cdef tuple _menu_roles, _header_roles, _footer_roles
    cdef int _clone, _menu, _footer
    cdef object _is_hidden, _names_story_list
    cdef bytes _marks, _paid_rel

    def __init__(
        self,
        *,
        top_tags,
        hidden_tags,
        hidden_attributes,
        is_hidden,
        clone,
        menu_tags,
        menu_roles,
        menu,
        story_list_attribute,
        names_story_list,
        header_tags,
        header_roles,
        footer_tags,
        footer_roles,
        footer,
        article_tags,
        bytes marks,
        str paid_rel,
    ):
        self._top_tags = _Tags(top_tags)
        self._hidden_tags = _Tags(hidden_tags)
        self._hidden_attributes = AttrNames(hidden_attributes)
        self._is_hidden = is_hidden
        self._clone, self._menu, self._footer = clone, menu, footer
        self._menu_tags = _Tags(menu_tags)
        self._role = AttrNames(("role",))
        self._menu_roles = tuple(role.encode() for role in menu_roles)
        self._story_list_attribute = AttrNames((story_list_attribute,))
        self._names_story_list = names_story_list
        self._header_tags = _Tags(header_tags)
        self._header_roles = tuple(role.encode() for role in header_roles)
        self._footer_tags = _Tags(footer_tags)
        self._footer_roles = tuple(role.encode() for role in footer_roles)
        self._article_tags = _Tags(article_tags)
        self._marks = marks
        self._rel = AttrNames(("rel",))
        self._paid_rel = paid_rel.encode()

    cdef int _own(self, PageFacts page, ps_node *node, bint inside_article, object parser) except -1:
        cdef int kinds = page.kinds_of(node, parser)
        cdef int flags = 0
        cdef ps_attr *attr = (<ps_element *>node).first_attr
        cdef ps_attr *role = NULL
        cdef bint may_hide = self._hidden_tags.has(node)
        cdef bint may_list = False
        cdef int i
        while attr != NULL:
            if has_name(attr, &self._role.names[0]):
                role = attr
            elif has_name(attr, &self._story_list_attribute.names[0]):
                may_list = True
            else:
                for i in range(self._hidden_attributes.count):
                    if has_name(attr, &self._hidden_attributes.names[i]):
                        may_hide = True
            attr = attr.next
        if kinds & self._clone or (may_hide and self._is_hidden(wrap(node, parser))):
            flags = _HIDDEN
        if (
            self._menu_tags.has(node)
            or (role != NULL and _value_in(role, self._menu_roles))
            or kinds & self._menu
        ) and not (may_list and self._names_story_list(wrap(node, parser))):
            flags |= _MENU
        if not inside_article and (self._header_tags.has(node) or (role != NULL and _value_in(role, self._header_roles))):
            flags |= _HEADER
        if not inside_article and (
            self._footer_tags.has(node) or (role != NULL and _value_in(role, self._footer_roles)) or kinds & self._footer
        ):
            flags |= _FOOTER
        if self._article_tags.has(node):
            flags |= _ARTICLE
        return flags

    def flags(self, PageFacts page, node: LexborNode) -> int:
        """The union of the own flags of ``node`` and its ancestors below ``top_tags``
        (each element's union kept for the page)."""
        return self._flags(page, c_node(node), node.parser)

    def marks(self, PageFacts page, node: LexborNode, int levels, int ad_slot_levels) -> int:
        """The marks of ``node`` and its ancestors, ``levels`` elements in all below
        ``top_tags``; ``AD_SLOT`` counts on the first ``ad_slot_levels`` alone."""
        return self._marks_of(page, c_node(node), node.parser, levels, ad_slot_levels)

    def regions(self, PageFacts page, list items, list links, int levels, int ad_slot_levels) -> list:
        """Each item's region, with its headline link's (the link at the same place in
        ``links``): its ``flags``, its ``marks`` shifted left by ``MARKS_SHIFT`` and
        ``PAID_LINK`` when the link's ``rel`` holds ``paid_rel``."""
        cdef ps_node *item
        cdef ps_attr *attr
        cdef int region
        cdef Py_ssize_t k
        if len(items) != len(links):
            raise ValueError("a link for each item")
        found = []
        for k in range(len(items)):
            node = items[k]
            item = c_node(node)
            parser = node.parser
            region = self._flags(page, item, parser) | self._marks_of(
                page, item, parser, levels, ad_slot_levels
            ) << _MARKS_SHIFT
            attr = (<ps_element *>c_node(links[k])).first_attr
            while attr != NULL:
                if has_name(attr, &self._rel.names[0]):
                    if _value_holds(attr, self._paid_rel):
                        region |= _PAID_LINK
                    break
                attr = attr.next
            found.append(region)
        return found

    cdef int _flags(self, PageFacts page, ps_node *start, object parser) except -1:
        cdef ps_node *current = start
        cdef int inherited = 0
        cdef int found
        cdef list pending = []
        cdef ps_node *item
        cdef Py_ssize_t k
        while current != NULL:
            found = _map_get(&page._flags, <uintptr_t>current, -1)
            if found >= 0:
                inherited = found
                break
            if current.type != PS_ELEMENT or self._top_tags.has(current):
                break
            pending.append(<uintptr_t>current)
            current = current.parent
        for k in range(len(pending) - 1, -1, -1):
            item = <ps_node *><uintptr_t>pending[k]
            inherited |= self._own(page, item, inherited & _ARTICLE, parser)
            _map_set(&page._flags, <uintptr_t>item, inherited)
        return inherited

    cdef int _marks_of(
        self, PageFacts page, ps_node *current, object parser, int levels, int ad_slot_levels
    ) except -1:
        cdef int found = 0
        cdef int marks, kinds
        cdef int level
        for level in range(levels):
            if current == NULL or current.type != PS_ELEMENT or self._top_tags.has(current):
                break
            kinds = page.kinds_of(current, parser)
            if kinds >= len(self._marks):
                raise IndexError(f"no marks given for the kinds {kinds}")
            marks = self._marks[kinds]
            found |= marks if level < ad_slot_levels else marks & ~_AD_SLOT
            current = current.parent
        return found


cdef class SharedAncestors:
    """The near ancestors of headline links that have more than one distinct target
    beneath (``Climbs.shared``), by node; ``in`` takes a ``mem_id``."""

    cdef _Map _members

    def __cinit__(self):
        self._members.slots = NULL
        _map_init(&self._members)

    def __dealloc__(self):
        free(self._members.slots)

    def __contains__(self, mem_id) -> bool:
        return _map_get(&self._members, <uintptr_t>mem_id, 0) != 0

    def members(self) -> set:
        """The ``mem_id``s of the shared ancestors."""
        return {
            self._members.slots[i].key
            for i in range(self._members.mask + 1)
            if self._members.slots[i].key != 0
        }


cdef struct _Start:
    # A headline link's climb (``Climbs.items``): its element (borrowed from the link),
    # the element's node, where the climb starts, and its target's number (from 1).
    PyObject *element
    ps_node *link
    ps_node *start
    intptr_t target


cdef inline bint _among(ps_node **nodes, Py_ssize_t count, ps_node *node) noexcept:
    """Whether ``node`` is one of the ``count`` first ``nodes``."""
    for k in range(count):
        if nodes[k] == node:
            return True
    return False


cdef class Climbs:
    """The climb from a headline link to its item (``teaser_items.items_of``):
    up from the link (or the heading of a stretched link) while the parent is not one of
    ``stop_tags``, is no ancestor shared with another target, holds no other block
    beside the branch below and holds at most ``extra_chars`` of text (folded, as
    ``" ".join(text.split())``, over ``spaces``: ``str.split``'s ASCII spaces and none
    of two bytes from U+00C0, as ``fold_text`` reads them) beyond the start's, ``depth``
    levels at most.

    A parent holds another block when, beside the branch, a child is a heading
    (``heading_tags``), holds one (``holders``, by ``mem_id``) or is a list
    (``list_tags``) that ``holds_links``; or two children are body paragraphs: a
    paragraph (``paragraph_tags``) that ``is_body_paragraph``, or a text node that
    ``is_body_run`` (read only when ``may_hold_body_run`` says the parent's own text
    may hold one, and only text nodes of ``run_bytes`` or more, the fewest bytes a run
    can have). The children are read in order until the answer is known, each at most
    once per page. A level's folded text is counted from the level below's and its
    siblings' texts, each text read once per climb. A text whose bytes are not valid
    UTF-8 is measured by ``text_chars`` and ``folded_over`` from its ``LexborNode``.
    The items' short links are asked of ``shows_story`` with ``sibling_counts`` of the
    items (``items``).
    """

    cdef _Tags _stop_tags, _heading_tags, _list_tags, _paragraph_tags
    cdef int _depth
    cdef Py_ssize_t _extra_chars, _run_bytes
    cdef ps_spaces _spaces
    cdef object _holds_links, _is_body_paragraph, _may_hold_body_run, _is_body_run
    cdef object _text_chars, _folded_over, _sibling_counts

    def __init__(
        self,
        *,
        stop_tags,
        depth,
        extra_chars,
        str spaces,
        heading_tags,
        list_tags,
        holds_links,
        paragraph_tags,
        is_body_paragraph,
        may_hold_body_run,
        is_body_run,
        run_bytes,
        text_chars,
        folded_over,
        sibling_counts,
    ):
        self._stop_tags = _Tags(stop_tags)
        self._depth = depth
        self._extra_chars = extra_chars
        set_folding_spaces(&self._spaces, spaces)
        self._heading_tags = _Tags(heading_tags)
        self._list_tags = _Tags(list_tags)
        self._holds_links = holds_links
        self._paragraph_tags = _Tags(paragraph_tags)
        self._is_body_paragraph = is_body_paragraph
        self._may_hold_body_run = may_hold_body_run
        self._is_body_run = is_body_run
        self._run_bytes = run_bytes
        self._text_chars = text_chars
        self._folded_over = folded_over
        self._sibling_counts = sibling_counts

    def shared(self, list links) -> SharedAncestors:
        """The ancestors of headline links (``teaser_items.Link``: their ``node``), up to
        ``depth + 2`` levels each, with more than one of the links' targets (``url``)
        beneath: each ancestor keeps the first target seen. A climb stops at an ancestor
        whose own ancestors, as far as the climb would go, are all shared already (from
        where an earlier climb's last run of shared ancestors began, the levels that run
        covered): the links of one list climb through their list's ancestors once."""
        cdef Py_ssize_t count = len(links)
        cdef _Start *starts = <_Start *>malloc((count or 1) * sizeof(_Start))
        if starts == NULL:
            raise MemoryError()
        try:
            self._starts(links, starts, NULL)
            return self._shared(starts, count)
        finally:
            free(starts)

    cdef int _starts(self, list links, _Start *starts, bint *short) except -1:
        """Each link's element, the start of its climb and its target's number (the
        first link to a target numbers it); ``short`` set when a link is short (read
        until one is, unless NULL)."""
        cdef dict targets = {}
        for k in range(len(links)):
            link = links[k]
            element = link.node
            starts[k].element = <PyObject *>element
            starts[k].link = c_node(element)
            starts[k].start = c_node(link.headline) if link.stretched else starts[k].link
            starts[k].target = <intptr_t>targets.setdefault(link.url, len(targets)) + 1  # 0 is no value
            if short != NULL and not short[0]:
                short[0] = link.short
        return 0

    cdef SharedAncestors _shared(self, const _Start *starts, Py_ssize_t count):
        cdef SharedAncestors shared = SharedAncestors()
        cdef _Map first, full
        cdef int depth = self._depth + 2
        cdef int level, start
        cdef intptr_t target
        cdef ps_node *node
        cdef uintptr_t key, start_key
        first.slots = full.slots = NULL
        try:
            _map_init(&first)
            _map_init(&full)
            for k in range(count):
                node = starts[k].link
                target = starts[k].target
                start, start_key = -1, 0
                for level in range(depth):
                    if node == NULL:
                        break
                    key = <uintptr_t>node
                    seen = _map_get(&first, key, 0)
                    if seen == 0:
                        _map_set(&first, key, target)
                        start = -1
                    elif seen != target:
                        if start < 0:
                            start, start_key = level, key
                        if _map_get(&full, key, -1) >= depth - level:
                            break
                        _map_set(&shared._members, key, 1)
                    else:
                        start = -1
                    node = node.parent
                if start >= 0 and _map_get(&full, start_key, -1) < depth - start:
                    _map_set(&full, start_key, depth - start)
        finally:
            free(first.slots)
            free(full.slots)
        return shared

    def item(self, PageFacts page, SharedAncestors shared, link: LexborNode, start: LexborNode, set holders):
        """The item of the headline link ``link``, climbed to from ``start`` (the link,
        or a stretched link's heading). The climb is kept for the page: when the items
        are found again without a few links, a climb that no shared ancestor stopped,
        or whose stopping ancestor is still shared, ends where it ended."""
        cdef object parser = link.parser
        return wrap(self._item(page, shared, c_node(link), c_node(start), parser, holders), parser)

    def items(self, PageFacts page, list links, set holders, better, shows_story=None) -> dict:
        """The items of headline links (``teaser_items.Link``: climbed to from its
        ``node``, or from its ``headline`` when ``stretched``), as ``item`` finds them with
        the links' ``shared`` ancestors: each item (by ``mem_id``, in the order first
        found) with the first of its links that no later one is ``better`` than, as
        ``(item, link)``.

        With ``shows_story``, a short link whose item does not
        ``shows_story(item, link, siblings)`` (``siblings``: the items of its item's
        parent and tag, ``sibling_counts``) is dropped, and the items found again
        without the dropped links."""
        cdef Py_ssize_t count = len(links)
        cdef Py_ssize_t kept = 0
        cdef bint short = False
        cdef _Start *starts = <_Start *>malloc((count or 1) * sizeof(_Start))
        cdef ps_node **dropped = NULL
        cdef Py_ssize_t gone = 0
        cdef dict found
        if starts == NULL:
            raise MemoryError()
        try:
            self._starts(links, starts, &short if shows_story is not None else NULL)
            found = self._found(page, links, starts, count, holders, better)
            if not short:
                return found
            pairs = list(found.values())
            dropped = <ps_node **>malloc((len(pairs) or 1) * sizeof(ps_node *))
            if dropped == NULL:
                raise MemoryError()
            for (node, link), alike in zip(pairs, self._sibling_counts([pair[0] for pair in pairs])):
                if link.short and not shows_story(node, link, alike):
                    dropped[gone] = c_node(link.node)
                    gone += 1
            if gone == 0:
                return found
            remaining = []
            for k in range(count):
                if not _among(dropped, gone, starts[k].link):
                    starts[kept] = starts[k]
                    remaining.append(links[k])
                    kept += 1
            return self._found(page, remaining, starts, kept, holders, better)
        finally:
            free(starts)
            free(dropped)

    cdef dict _found(self, PageFacts page, list links, const _Start *starts, Py_ssize_t count, set holders, better):
        """``items`` of the ``links``, read into ``starts``, without the drop."""
        cdef SharedAncestors shared = self._shared(starts, count)
        cdef dict found = {}
        cdef ps_node *item
        for k in range(count):
            link = links[k]
            element = <object>starts[k].element
            parser = element.parser
            item = self._item(page, shared, starts[k].link, starts[k].start, parser, holders)
            key = <uintptr_t>item
            known = found.get(key)
            if known is None:
                found[key] = (element if item == starts[k].link else wrap(item, parser), link)
            elif better(link, (<tuple>known)[1]):
                found[key] = ((<tuple>known)[0], link)
        return found

    cdef ps_node *_item(
        self, PageFacts page, SharedAncestors shared, ps_node *link, ps_node *start, object parser, set holders
    ) except NULL:
        cdef uintptr_t key = <uintptr_t>link
        cdef intptr_t ended = _map_get(&page._climb_items, key, 0)
        cdef intptr_t stop
        cdef ps_node *node
        cdef ps_node *parent
        cdef Py_ssize_t budget
        cdef int level
        cdef _Fold fold  # of the text of ``node``, the climb's last level
        cdef bint exact  # ``fold`` is read (no text node below ``node`` that is not UTF-8)
        if ended:
            stop = _map_get(&page._climb_stops, key, 0)
            if stop == 0 or _map_get(&shared._members, <uintptr_t>stop, 0):
                return <ps_node *>ended
        node = start
        memset(&fold, 0, sizeof(_Fold))
        exact = _fold(&fold, start, &self._spaces, PY_SSIZE_T_MAX) == 0
        budget = _characters(start) if exact else self._text_chars(wrap(start, parser))
        budget += self._extra_chars
        stop = 0
        for level in range(self._depth):
            parent = node.parent
            if parent == NULL or self._stop_tags.has(parent):
                break
            if _map_get(&shared._members, <uintptr_t>parent, 0):
                stop = <intptr_t>parent
                break
            if self._holds_other_block(page, parent, node, parser, holders) or self._longer_around(
                parent, node, &fold, &exact, budget, parser
            ):
                break
            node = parent
        _map_set(&page._climb_items, key, <intptr_t>node)
        _map_set(&page._climb_stops, key, stop)
        return node

    cdef bint _longer_around(
        self, ps_node *parent, ps_node *node, _Fold *fold, bint *exact, Py_ssize_t budget, object parser
    ) except -1:
        """``_longer_than(parent, budget)``, the text of ``node`` (one of its children)
        not read again: ``fold`` holds it, and becomes ``parent``'s when it is not
        longer. Without ``exact`` (a text node not UTF-8), ``_longer_than``."""
        cdef _Fold around
        cdef ps_node *child
        cdef int over = 0
        if not exact[0]:
            return self._longer_than(parent, budget, parser)
        memset(&around, 0, sizeof(_Fold))
        child = parent.first_child
        while child != node and over == 0:
            over = _fold(&around, child, &self._spaces, budget)
            child = child.next
        if over == 0:
            _fold_join(&around, fold)
            over = _fold_over(&around, budget)
        child = node.next
        while child != NULL and over == 0:
            over = _fold(&around, child, &self._spaces, budget)
            child = child.next
        if over < 0:
            exact[0] = False
            return self._longer_than(parent, budget, parser)
        if over == 0:
            fold[0] = around
        return over > 0

    cdef bint _longer_than(self, ps_node *top, Py_ssize_t budget, object parser) except -1:
        """Whether ``len(" ".join(text.split()))`` of ``top``'s text exceeds ``budget``."""
        cdef Py_ssize_t folded = _folded(top, &self._spaces, budget)
        if folded < 0:
            return self._folded_over(wrap(top, parser), budget)
        return folded > budget

    cdef bint _holds_other_block(
        self, PageFacts page, ps_node *parent, ps_node *own, object parser, set holders
    ) except -1:
        """Whether ``parent`` holds, beside ``own``, a heading, a list of links, two
        body paragraphs, or one before ``own`` (a story's paragraph above an item, not
        its snippet) (read as far as needed, each child once per page)."""
        cdef bint new
        cdef _Scan *scan = page._scan(parent, &new)
        cdef ps_node *child
        cdef uintptr_t key
        cdef uintptr_t mine = <uintptr_t>own
        cdef int others
        cdef size_t length
        cdef bint texts
        if new:
            scan.texts = self._own_text_bytes(parent) >= self._run_bytes and self._may_hold_body_run(
                wrap(parent, parser)
            )
            scan = page._scan(parent, &new)  # the table may have moved meanwhile
            scan.next = parent.first_child
        if scan.blockers and (scan.blockers > 1 or scan.blocker != mine):
            return True
        others = scan.paragraphs
        if scan.paragraphs <= 2:
            for k in range(scan.paragraphs):
                others -= scan.paragraph[k] == mine
        if others >= 2:
            return True
        while scan.next != NULL:
            child = scan.next
            scan.next = child.next
            key = <uintptr_t>child
            if child.type == PS_ELEMENT:
                if (
                    self._heading_tags.has(child)
                    or PySet_Contains(holders, key)
                    or (self._list_tags.has(child) and self._holds_links(wrap(child, parser), 2))
                ):
                    scan = page._scan(parent, &new)
                    if scan.blockers == 0:
                        scan.blocker = key
                    scan.blockers += 1
                    if key != mine:
                        return True
                    continue
                if not (self._paragraph_tags.has(child) and self._is_body_paragraph(wrap(child, parser))):
                    continue
            elif child.type == PS_TEXT and scan.texts:
                length = (<ps_character_data *>child).data.length
                if (<ps_character_data *>child).data.data == NULL or <Py_ssize_t>length < self._run_bytes:
                    continue
                if not self._is_body_run(
                    PyUnicode_DecodeUTF8(<char *>(<ps_character_data *>child).data.data, length, "replace")
                ):
                    continue
            else:
                continue
            scan = page._scan(parent, &new)
            if scan.paragraphs < 2:
                scan.paragraph[scan.paragraphs] = key
            scan.paragraphs += 1
            others += key != mine
            if others >= 2:
                return True
        if others == 1:  # all children read: the one paragraph is recorded
            key = scan.paragraph[0] if scan.paragraph[0] != mine else scan.paragraph[1]
            child = own.prev
            while child != NULL:
                if <uintptr_t>child == key:
                    return True
                child = child.prev
        return False

    cdef Py_ssize_t _own_text_bytes(self, ps_node *parent) noexcept:
        """The bytes of ``parent``'s own text nodes, at least their characters."""
        cdef ps_node *child = parent.first_child
        cdef Py_ssize_t found = 0
        while child != NULL:
            if child.type == PS_TEXT and (<ps_character_data *>child).data.data != NULL:
                found += (<ps_character_data *>child).data.length
            child = child.next
        return found


cdef struct _Fold:
    # A text as ``" ".join(text.split())`` counts it, read in parts (``_fold``, ``_fold_join``).
    uint64_t count  # its characters that are not spaces, and its words
    bint started  # it holds a character
    bint opens_word  # its first character is no space
    bint in_word  # its last character is no space


cdef inline int _fold_over(const _Fold *fold, Py_ssize_t limit) noexcept:
    """1 when the folded text's length (its characters, one space between two words)
    exceeds ``limit``, else 0."""
    return fold.count > 0 and <Py_ssize_t>fold.count - 1 > limit


cdef int _fold(_Fold *fold, ps_node *root, const ps_spaces *spaces, Py_ssize_t limit) noexcept:
    """The text of ``root`` (itself when a text node, else the text nodes below it) added
    to ``fold``, the text before it, without a separator (as ``text()`` joins them), each
    text node read whole (``fold_text``): 0, or 1 once its folded length exceeds
    ``limit`` (it only grows), or -1 when a text node's bytes are not valid UTF-8
    (decoding replaces them)."""
    cdef ps_node *node = root
    cdef const unsigned char *data
    cdef size_t length, at
    cdef uint64_t before
    while node != NULL:
        data = text_bytes(node, &length)
        if data != NULL and length:
            if not fold.started:
                at = 0
                fold.started, fold.opens_word = True, split_space(spaces, data, length, &at) == 0
            before = 0 if fold.in_word else 0x80
            if not fold_text(spaces, data, length, &fold.count, &before):
                return -1
            fold.in_word = before == 0
            if _fold_over(fold, limit):
                return 1
        node = next_in(node, root, True)
    return 0


cdef void _fold_join(_Fold *fold, const _Fold *after) noexcept:
    """``after``'s text added to ``fold``'s: a word that ends the one and opens the
    other is one word."""
    if not after.started:
        return
    if not fold.started:
        fold.started, fold.opens_word = True, after.opens_word
    if after.count == 0:
        fold.in_word = False  # spaces alone
        return
    fold.count += after.count - (fold.in_word and after.opens_word)
    fold.in_word = after.in_word


cdef Py_ssize_t _folded(ps_node *top, const ps_spaces *spaces, Py_ssize_t limit) noexcept:
    """``len(" ".join(text.split()))`` of ``top``'s text, split on ``spaces``: the
    characters that are not spaces plus one for each gap between two words, counted
    until the count exceeds ``limit`` (the count of a longer text grows). Text nodes
    join without a separator, as ``text()`` joins them. -1 when a text node's bytes
    are not valid UTF-8 (decoding replaces them)."""
    cdef _Fold fold
    memset(&fold, 0, sizeof(_Fold))
    if _fold(&fold, top, spaces, limit) < 0:
        return -1
    return <Py_ssize_t>fold.count - 1 if fold.count else 0


cdef Py_ssize_t _characters(ps_node *root) noexcept:
    """The characters of ``root``'s text (its bytes that open one), its bytes valid UTF-8."""
    cdef ps_node *node = root
    cdef const unsigned char *data
    cdef size_t length, i
    cdef Py_ssize_t found = 0
    while node != NULL:
        data = text_bytes(node, &length)
        if data != NULL:
            for i in range(length):
                found += data[i] & 0xC0 != 0x80
        node = next_in(node, root, True)
    return found
