# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The linked headlines in a body's member counted in C, for ``article._is_listing``.

``article._headlines`` asked each member for a CSS query of its descendants ("h2
a[href], ..., a[href] h2, ..."): a selector list parsed and matched at every element,
a node object made for each match. ``LinkedHeadlines.count`` walks Lexbor's nodes and
counts what that query found: Lexbor's ``css`` searches the member and the member
itself, looks for a selector's ancestor up to the document (beyond the member), and
gives an element once for each selector of the list it matches (a link under an
``<h2>`` and an ``<h3>`` twice). The tags are passed in from ``article``;
``tests/unit/extract/test_headlines.py`` checks the counts against the query on
generated members.
"""

from libc.stdint cimport uintptr_t

from service.extract._lexbor cimport (
    PS_ATTR_LAST_ENTRY,
    PS_ELEMENT,
    TAG_LAST_ENTRY,
    attribute_id,
    c_node,
    next_in,
    ps_attr,
    ps_element,
    ps_node,
    tag_id,
)

cdef enum:
    _MAX_HEADINGS = 8  # a heading tag's bit in an unsigned char


cdef class LinkedHeadlines:
    """Counts the elements of a member matching ``heading link[target]`` or
    ``link[target] heading`` for each of ``headings``, each once per selector it
    matches, but for those whose nearest heading (the element itself or the
    nearest above it) is one of the subheadings given."""

    cdef unsigned char _bits[TAG_LAST_ENTRY]  # a heading tag's bit, 0 for other tags
    cdef uintptr_t _link
    cdef uintptr_t _target

    def __init__(self, headings, str link, bytes target):
        cdef int i
        headings = sorted(headings)
        if len(headings) > _MAX_HEADINGS:
            raise ValueError(f"at most {_MAX_HEADINGS} heading tags")
        for i in range(TAG_LAST_ENTRY):
            self._bits[i] = 0
        for i, name in enumerate(headings):
            self._bits[tag_id(name)] = 1 << i
        self._link = tag_id(link)
        self._target = attribute_id(target)
        if self._target == PS_ATTR_LAST_ENTRY:
            raise ValueError(f"not an attribute Lexbor predefines: {target!r}")

    cdef inline unsigned char _bit(self, ps_node *node) noexcept:
        if node.type != PS_ELEMENT or node.local_name >= TAG_LAST_ENTRY:
            return 0
        return self._bits[node.local_name]

    cdef bint _is_link(self, ps_node *node) noexcept:
        cdef ps_attr *attr
        if node.type != PS_ELEMENT or node.local_name != self._link:
            return False
        attr = (<ps_element *>node).first_attr
        while attr != NULL:
            if attr.node.local_name == self._target:
                return True
            attr = attr.next
        return False

    cdef int _matches(self, ps_node *node) noexcept:
        """The selectors ``node`` matches: a link under headings, one for each tag
        of them; a heading under a link, one."""
        cdef ps_node *up = node.parent
        cdef unsigned char above = 0
        cdef int count = 0
        if self._is_link(node):
            while up != NULL:
                above |= self._bit(up)
                up = up.parent
            while above:
                count += above & 1
                above >>= 1
            return count
        if self._bit(node):
            while up != NULL:
                if self._is_link(up):
                    return 1
                up = up.parent
        return 0

    def count(self, member, frozenset subheadings) -> int:
        """The linked headlines in ``member``, but for those under ``subheadings``
        (heading elements by ``mem_id``)."""
        cdef ps_node *root = c_node(member)
        cdef ps_node *node = root
        cdef ps_node *heading
        cdef Py_ssize_t total = 0
        cdef int found
        while node != NULL:
            found = self._matches(node)
            if found and subheadings:
                heading = node
                while heading != NULL and not self._bit(heading):
                    heading = heading.parent
                if heading != NULL and <size_t>heading in subheadings:
                    found = 0
            total += found
            node = next_in(node, root, True)
        return total
