# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The lead's search for its blocks in C (``LeadWalk``, for ``lead.find_lead``).

``lead.find_lead`` walked the elements between the headline and the body's
container in Python: a node object, a tag string and a chain of tests for every
node, and a generator over the children of every element it asked whether it is
a leaf block. ``LeadWalk.blocks`` walks Lexbor's own nodes in the same order and
tells elements apart by tag id against the tables ``lead.py`` passes in (lists,
key-points boxes, headings, pruned elements, the children that leave a block a
leaf). It asks ``lead.py``'s rules only of the elements they are about: a list or
a box whether it is or holds a key-points list, and an element with a class or an
id whether its names exclude it (given as ``lead._is_named_excluded`` reads them,
``f"{class} {id}"``). Only the elements handed over and the blocks found are
wrapped as ``LexborNode``s. ``tests/unit/extract/test_lead.py`` checks it against
the Python walk it replaced on generated pages.
"""

from libc.stdint cimport uintptr_t

from service.extract._lexbor cimport (
    PS_ELEMENT,
    TAG_LAST_ENTRY,
    attribute_id,
    c_node,
    next_in,
    ps_attr,
    ps_element,
    ps_node,
    ps_str,
    tag_id,
    value_text,
    wrap,
)

cdef uintptr_t _CLASS = attribute_id(b"class")
cdef uintptr_t _ID = attribute_id(b"id")

cdef enum:
    _LIST = 1
    _BOX = 2
    _HEADING = 4
    _PRUNED = 8
    _IN_LEAF = 16  # a child that leaves its parent a leaf block


cdef class LeadWalk:
    """The walk of ``lead.find_lead`` over the elements before the body's container,
    built from the tag tables it reads by (each a collection of tag names; ``leaf``
    the children a leaf block may hold, text and comments among them as "-text"
    and "-comment") and the rules it asks: ``is_key_points`` (a list element),
    ``boxed_key_points`` (a box element: its key-points list or None) and
    ``names_excluded`` (an element's class and id joined by a space, and the bit of
    the names' list to test)."""

    cdef unsigned char _kinds[TAG_LAST_ENTRY]
    cdef uintptr_t _p
    cdef object _is_key_points
    cdef object _boxed_key_points
    cdef object _names_excluded

    def __init__(
        self,
        *,
        lists,
        boxes,
        headings,
        pruned,
        leaf,
        is_key_points,
        boxed_key_points,
        names_excluded,
    ):
        for tags, kind in (
            (lists, _LIST),
            (boxes, _BOX),
            (headings, _HEADING),
            (pruned, _PRUNED),
            (leaf, _IN_LEAF),
        ):
            for tag in tags:
                self._kinds[tag_id(tag)] |= kind
        self._p = tag_id("p")
        self._is_key_points = is_key_points
        self._boxed_key_points = boxed_key_points
        self._names_excluded = names_excluded

    cdef inline unsigned char _kind(self, ps_node *node) noexcept:
        return self._kinds[node.local_name] if node.local_name < TAG_LAST_ENTRY else 0

    cdef bint _excluded(self, ps_node *node, int excluded) except -1:
        """Whether the element's class and id hold a name of the list ``excluded``; an
        element with neither holds none (the names are words, " " holds none)."""
        cdef ps_attr *attr = (<ps_element *>node).first_attr
        cdef ps_str *classes = NULL
        cdef ps_str *ids = NULL
        cdef bint named = False
        while attr != NULL:
            if attr.node.local_name == _CLASS:
                classes, named = attr.value, True
            elif attr.node.local_name == _ID:
                ids, named = attr.value, True
            attr = attr.next
        if not named:
            return False
        return bool(self._names_excluded(f"{value_text(classes)} {value_text(ids)}", excluded))

    cdef bint _is_leaf(self, ps_node *node) noexcept:
        """Whether ``node`` holds text and inline elements only (a ``<p>``, or a
        ``<div>`` of bare text)."""
        cdef ps_node *child
        if node.local_name == self._p:
            return True
        child = node.first_child
        while child != NULL:
            if not self._kind(child) & _IN_LEAF:
                return False
            child = child.next
        return True

    def blocks(self, scope, first, headline, int excluded) -> list:
        """The leaf blocks after ``headline`` (in ``scope``) and before ``first`` (or
        the end of ``scope`` when None), in document order, outside elements named by
        ``excluded``; the key-points lists among them and the headings whole. The
        ancestors of ``first`` are searched, never taken."""
        cdef ps_node *top = c_node(scope)
        cdef ps_node *stop = c_node(first) if first is not None else NULL
        cdef ps_node *mark = c_node(headline)
        cdef ps_node *node
        cdef ps_node *up
        cdef object parser = scope.parser
        cdef set holders = set()
        cdef list found = []
        cdef bint after = False  # past the headline
        cdef bint descend
        cdef unsigned char kind
        if stop != NULL:
            up = stop.parent
            while up != NULL and up != top:
                holders.add(<size_t>up)
                up = up.parent
        node = top.first_child
        while node != NULL and node != stop:
            descend = False
            if node.type == PS_ELEMENT:
                if <size_t>node in holders or (not after and node != mark):
                    descend = True
                elif node == mark:
                    after = True
                else:
                    kind = self._kind(node)
                    if kind & _LIST and self._is_key_points(wrap(node, parser)):
                        found.append(wrap(node, parser))
                    elif kind & _BOX and (points := self._boxed_key_points(wrap(node, parser))):
                        found.append(points)
                    elif kind & _HEADING and not self._excluded(node, excluded):
                        found.append(wrap(node, parser))
                    elif not kind & _PRUNED and not self._excluded(node, excluded):
                        if self._is_leaf(node):
                            found.append(wrap(node, parser))
                        else:
                            descend = True
            node = next_in(node, top, descend)
        return found
