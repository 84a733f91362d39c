# cython: language_level=3
"""What ``_items`` shares with the other compiled readers of teaser items: the page's
kinds of class and id tokens (``PageFacts``), which ``_fields.ItemWalk`` reads of the
elements it walks without a node object each."""

from libc.stdint cimport intptr_t, uintptr_t

from service.extract._lexbor cimport PS_ATTR_LAST_ENTRY, named, ps_attr, ps_node


cdef struct _Trie:
    # A row per node (``_items._ROW`` entries; node 0 has no children, node 1 is the
    # root): a child's row's offset for each symbol, 0 for none, then the kinds of the
    # token ending at the node (0 where none ends).
    unsigned short *rows
    int size  # nodes


cdef struct _Slot:
    uintptr_t key
    intptr_t value


# A table from nodes to small ints, open addressing; key 0 marks an empty slot.
cdef struct _Map:
    _Slot *slots
    size_t mask
    size_t used


# How far the children of one ancestor of headline links were read (``Climbs``).
cdef struct _Scan:
    ps_node *next  # the next child to read, NULL once all are read
    bint texts  # whether its text nodes are read
    int blockers  # children read that are headings, hold one or are lists of links
    uintptr_t blocker  # the first of them
    int paragraphs  # children read that are body paragraphs
    uintptr_t paragraph[2]  # the first two of them


cdef class TokenKinds:
    cdef _Trie _short
    cdef _Trie _long
    cdef size_t _long_least  # the symbols of the shortest long token

    cdef int _of_name(self, const unsigned char *data, size_t length, unsigned char *squashed) noexcept


cdef class PageFacts:
    cdef TokenKinds _table
    cdef object _beyond_ascii
    cdef _Map _kinds
    cdef _Map _flags
    cdef unsigned char *_squashed
    cdef size_t _squashed_size
    cdef _Map _climb_items  # a headline link's climb: where it ended
    cdef _Map _climb_stops  # and the shared ancestor that stopped it (0: none did)
    cdef _Map _scan_at  # an ancestor's reading of its children: its index in _scans, plus 1
    cdef _Scan *_scans
    cdef size_t _scan_count, _scan_capacity

    cdef _Scan *_scan(self, ps_node *parent, bint *new) except NULL
    cdef int kinds_of(self, ps_node *node, object parser) except -1  # ``kinds`` without a node object
    cdef int _name(self, const unsigned char *data, size_t length) except -2


cdef struct AttrName:
    uintptr_t id
    const unsigned char *name
    size_t size


cdef class AttrNames:
    cdef list _keep
    cdef AttrName names[8]
    cdef int count


cdef inline bint has_name(ps_attr *attr, AttrName *name) noexcept:
    """Whether ``attr`` is named ``name``, without a prefix: what its key in
    ``LexborNode.attributes`` (the qualified name) would be (``xlink:role`` is not ``role``)."""
    if attr.node.prefix != 0:
        return False
    if name.id < PS_ATTR_LAST_ENTRY:
        return attr.node.local_name == name.id
    return named(attr, name.name, name.size)
