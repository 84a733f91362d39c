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

from libc.stdint cimport uintptr_t
from libc.stdlib cimport calloc, free, malloc, realloc
from libc.string cimport memcmp, memset

import re

from selectolax.lexbor import LexborNode, create_tag

from service.extract._lexbor cimport (
    PS_ATTR_LAST_ENTRY,
    PS_ELEMENT,
    TAG_LAST_ENTRY,
    attribute_id,
    c_node,
    named,
    ps_attr,
    ps_element,
    ps_node,
    wrap,
)

cdef enum:
    _SYMBOLS = 36  # a-z and 0-9, the characters of every table token
    _BREAK = 255  # any other character of a class or id, where no token goes on
    _SKIPPED = 254  # "-" and "_", which the long tokens are matched without


_TOKEN = re.compile("[a-z0-9]+")
cdef unsigned char _SYMBOL[256]
cdef _init_symbols():
    cdef int c
    for c in range(256):
        _SYMBOL[c] = _BREAK
    for c in range(26):
        _SYMBOL[ord("a") + c] = c
        _SYMBOL[ord("A") + c] = c  # the ASCII case fold of str.lower
    for c in range(10):
        _SYMBOL[ord("0") + c] = 26 + c
    _SYMBOL[ord("-")] = _SKIPPED
    _SYMBOL[ord("_")] = _SKIPPED
_init_symbols()


cdef struct _Trie:
    int *next  # _SYMBOLS children per node, 0 for none (node 0 is the root)
    int *kinds  # the kinds of the token ending at a node, 0 where none ends
    int size


cdef int _trie_build(_Trie *trie, dict tokens) except -1:
    """A trie of ``tokens`` (lowercase ``[a-z0-9]`` str -> kinds, never 0)."""
    cdef int capacity = 1 + sum(len(token) for token in tokens)
    cdef int node, sym
    trie.next = <int *>calloc(capacity * _SYMBOLS, sizeof(int))
    trie.kinds = <int *>calloc(capacity, sizeof(int))
    if trie.next == NULL or trie.kinds == NULL:
        raise MemoryError()
    trie.size = 1
    for token, kinds in tokens.items():
        if not kinds or not token:
            raise ValueError(f"a token without kinds: {token!r}")
        if _TOKEN.fullmatch(token) is None:
            raise ValueError(f"a token of other characters than a-z and 0-9: {token!r}")
        node = 0
        for char in token.encode("ascii"):
            sym = _SYMBOL[char]
            if trie.next[node * _SYMBOLS + sym] == 0:
                trie.next[node * _SYMBOLS + sym] = trie.size
                trie.size += 1
            node = trie.next[node * _SYMBOLS + sym]
        trie.kinds[node] = kinds
    return 0


cdef class TokenKinds:
    """``teaser_tokens.KindMatcher`` on an element's class and id bytes.

    ``short`` are the tokens that name a kind as a whole part of a name (a maximal
    run of ``[a-z0-9]``), ``long`` those found anywhere in the names once ``-``
    and ``_`` are dropped, the longest at a place and the search going on after it
    (``re.findall`` of their trie-form alternation), each with the kinds of the long
    tokens inside it. Names with a byte beyond ASCII are left to Python (-1): their
    lowercase form may hold ASCII letters (the Kelvin sign).
    """

    cdef _Trie _short
    cdef _Trie _long

    def __cinit__(self):
        self._short.next = self._short.kinds = NULL
        self._long.next = self._long.kinds = NULL

    def __init__(self, dict short, dict long):
        _trie_build(&self._short, short)
        _trie_build(&self._long, long)

    def __dealloc__(self):
        free(self._short.next)
        free(self._short.kinds)
        free(self._long.next)
        free(self._long.kinds)

    cdef int _of_name(self, const unsigned char *data, size_t length, unsigned char *squashed) noexcept:
        """The kinds of one class or id value; ``squashed`` holds ``length`` bytes."""
        cdef int found = 0
        cdef int node = 0  # in the short trie, -1 when the part has left it
        cdef bint in_part = False
        cdef size_t i, j, count = 0, best
        cdef unsigned char sym
        cdef int kinds, at
        for i in range(length):
            if data[i] >= 0x80:
                return -1
            sym = _SYMBOL[data[i]]
            if sym < _SYMBOLS:
                if not in_part:
                    node, in_part = 0, True
                if node >= 0:
                    node = self._short.next[node * _SYMBOLS + sym] or -1
                squashed[count] = sym
                count += 1
            else:
                if in_part and node > 0:
                    found |= self._short.kinds[node]
                in_part = False
                if sym == _BREAK:
                    squashed[count] = _BREAK
                    count += 1
        if in_part and node > 0:
            found |= self._short.kinds[node]
        i = 0
        while i < count:
            at = 0
            best = 0
            kinds = 0
            j = i
            while j < count and squashed[j] != _BREAK:
                at = self._long.next[at * _SYMBOLS + squashed[j]]
                if at == 0:
                    break
                j += 1
                if self._long.kinds[at]:
                    kinds, best = self._long.kinds[at], j - i
            if best:
                found |= kinds
                i += best
            else:
                i += 1
        return found


cdef struct _Name:
    uintptr_t id
    const unsigned char *name
    size_t size


cdef class _Names:
    """Attribute names, each by its id or, past Lexbor's predefined ones, by its bytes."""

    cdef list _keep
    cdef _Name _names[8]
    cdef int count

    def __init__(self, names):
        self._keep = []
        self.count = 0
        for name in names:
            if self.count == 8:
                raise ValueError("at most 8 attribute names")
            encoded = name.encode("ascii")
            self._keep.append(encoded)
            self._names[self.count].id = attribute_id(encoded)
            self._names[self.count].name = encoded
            self._names[self.count].size = len(encoded)
            self.count += 1


cdef inline bint _is(ps_attr *attr, _Name *name) noexcept:
    """Whether ``attr`` is named ``name``, without a prefix: what its key in
    ``LexborNode.attributes`` (the qualified name) would be (``xlink:role`` is not ``role``)."""
    if attr.node.prefix != 0:
        return False
    if name.id < PS_ATTR_LAST_ENTRY:
        return attr.node.local_name == name.id
    return named(attr, name.name, name.size)


cdef struct _Slot:
    uintptr_t key
    int value


# A table from nodes to small ints, open addressing; key 0 marks an empty slot.
cdef struct _Map:
    _Slot *slots
    size_t mask
    size_t used


cdef int _map_init(_Map *table) except -1:
    table.mask = 255
    table.used = 0
    table.slots = <_Slot *>calloc(table.mask + 1, sizeof(_Slot))
    if table.slots == NULL:
        raise MemoryError()
    return 0


cdef inline size_t _hash(uintptr_t key) noexcept:
    return <size_t>((key >> 4) * <uintptr_t>0x9E3779B97F4A7C15 >> 16)


cdef inline int _map_get(_Map *table, uintptr_t key, int missing) noexcept:
    cdef size_t i = _hash(key) & table.mask
    while table.slots[i].key != 0:
        if table.slots[i].key == key:
            return table.slots[i].value
        i = (i + 1) & table.mask
    return missing


cdef int _map_set(_Map *table, uintptr_t key, int value) except -1:
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


cdef _Names _CLASS_ID = _Names(("class", "id"))


cdef class PageFacts:
    """What was read of one page's elements, each element once: the kinds of their
    class and id tokens (``teaser_tokens.Tokens.kinds``) and the flags of their chains
    of ancestors (``Surroundings.flags``). ``beyond_ascii`` gives the kinds of an
    element whose names have a byte beyond ASCII, from its ``LexborNode``."""

    cdef TokenKinds _table
    cdef object _beyond_ascii
    cdef _Map _kinds
    cdef _Map _flags
    cdef unsigned char *_squashed
    cdef size_t _squashed_size

    def __cinit__(self):
        self._kinds.slots = self._flags.slots = NULL
        self._squashed = NULL

    def __init__(self, TokenKinds table, beyond_ascii):
        self._table = table
        self._beyond_ascii = beyond_ascii
        _map_init(&self._kinds)
        _map_init(&self._flags)
        self._squashed_size = 256
        self._squashed = <unsigned char *>malloc(self._squashed_size)
        if self._squashed == NULL:
            raise MemoryError()

    def __dealloc__(self):
        free(self._kinds.slots)
        free(self._flags.slots)
        free(self._squashed)

    def kinds(self, node: LexborNode) -> int:
        """The kinds the element's class and id tokens name."""
        cdef ps_node *raw = c_node(node)
        return self._of(raw, node.parser)

    cdef int _of(self, ps_node *node, object parser) except -1:
        cdef int found = _map_get(&self._kinds, <uintptr_t>node, -1)
        cdef int part
        cdef ps_attr *attr
        cdef int seen = 0
        if found >= 0:
            return found
        found = 0
        attr = (<ps_element *>node).first_attr if node.type == PS_ELEMENT else NULL
        while attr != NULL and seen < 2:
            if _is(attr, &_CLASS_ID._names[0]) or _is(attr, &_CLASS_ID._names[1]):
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
        if length > self._squashed_size:
            grown = <unsigned char *>realloc(self._squashed, length)
            if grown == NULL:
                raise MemoryError()
            self._squashed, self._squashed_size = grown, length
        return self._table._of_name(data, length, self._squashed)


# What ``Surroundings`` answers, as bits: an item's own flags and those of its chain
# of ancestors, and the marks of its class/id tokens near it.
HIDDEN, MENU, HEADER, FOOTER, ARTICLE = 1, 2, 4, 8, 16
EXCLUDED, PAID, AD_SLOT = 1, 2, 4
cdef int _HIDDEN = HIDDEN, _MENU = MENU, _HEADER = HEADER, _FOOTER = FOOTER, _ARTICLE = ARTICLE
cdef int _AD_SLOT = AD_SLOT


cdef int _tag_id(str tag) except 0:
    cdef uintptr_t found = create_tag(tag).tag_id
    if not 0 < found < TAG_LAST_ENTRY:
        raise ValueError(f"not a standard tag: {tag!r}")
    return <int>found


cdef class _Tags:
    cdef unsigned char member[256]

    def __init__(self, tags):
        memset(self.member, 0, sizeof(self.member))
        for tag in tags:
            self.member[_tag_id(tag)] = 1

    cdef inline bint has(self, ps_node *node) noexcept:
        return node.local_name < TAG_LAST_ENTRY and self.member[node.local_name]


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
    ``marks`` gives an element's marks by its kinds (a table over all kinds).
    """

    cdef _Tags _hidden_tags, _menu_tags, _header_tags, _footer_tags, _article_tags, _top_tags
    cdef _Names _hidden_attributes, _role, _story_list_attribute
    cdef tuple _menu_roles, _header_roles, _footer_roles
    cdef int _clone, _menu, _footer
    cdef object _is_hidden, _names_story_list
    cdef bytes _marks

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
    ):
        self._top_tags = _Tags(top_tags)
        self._hidden_tags = _Tags(hidden_tags)
        self._hidden_attributes = _Names(hidden_attributes)
        self._is_hidden = is_hidden
        self._clone, self._menu, self._footer = clone, menu, footer
        self._menu_tags = _Tags(menu_tags)
        self._role = _Names(("role",))
        self._menu_roles = tuple(role.encode() for role in menu_roles)
        self._story_list_attribute = _Names((story_list_attribute,))
        self._names_story_list = names_story_list
        self._header_tags = _Tags(header_tags)
        self._header_roles = tuple(role.encode() for role in header_roles)
        self._footer_tags = _Tags(footer_tags)
        self._footer_roles = tuple(role.encode() for role in footer_roles)
        self._article_tags = _Tags(article_tags)
        self._marks = marks

    cdef int _own(self, PageFacts page, ps_node *node, bint inside_article, object parser) except -1:
        cdef int kinds = page._of(node, parser)
        cdef int flags = 0
        cdef ps_attr *attr = (<ps_element *>node).first_attr
        cdef ps_attr *role = NULL
        cdef bint may_hide = self._hidden_tags.has(node)
        cdef bint may_list = False
        cdef int i
        while attr != NULL:
            if _is(attr, &self._role._names[0]):
                role = attr
            elif _is(attr, &self._story_list_attribute._names[0]):
                may_list = True
            else:
                for i in range(self._hidden_attributes.count):
                    if _is(attr, &self._hidden_attributes._names[i]):
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
        cdef ps_node *start = c_node(node)
        cdef ps_node *current = start
        cdef object parser = node.parser
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

    def marks(self, PageFacts page, node: LexborNode, int levels, int ad_slot_levels) -> int:
        """The marks of ``node`` and its ancestors, ``levels`` elements in all below
        ``top_tags``; ``AD_SLOT`` counts on the first ``ad_slot_levels`` alone."""
        cdef ps_node *current = c_node(node)
        cdef object parser = node.parser
        cdef int found = 0
        cdef int marks
        cdef int level
        for level in range(levels):
            if current == NULL or current.type != PS_ELEMENT or self._top_tags.has(current):
                break
            marks = self._marks[page._of(current, parser)]
            found |= marks if level < ad_slot_levels else marks & ~_AD_SLOT
            current = current.parent
        return found
