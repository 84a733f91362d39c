# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Walks of the parsed tree in C, for the queries every page runs over the whole tree.

A CSS query walks the whole tree once and tests every element against each
selector of its list (about 0.3 M instructions per page before it matches
anything); a walk in Python pays for a node object per element. These walks read
Lexbor's own structures, as selectolax built them, and wrap only the elements
they return as ``LexborNode``s. Each answers exactly what the query or walk it
replaces answers (``tests/unit/extract/test_tree.py`` checks them against the
CSS engine on generated pages).

Lexbor's structures, and the check that they read what selectolax reads, are
declared in ``_lexbor.pxd``.
"""

from libc.stdint cimport uint64_t, uintptr_t
from libc.string cimport memset

import re

from selectolax.lexbor import LexborNode, create_tag

from service.extract._lexbor cimport (
    HTML_DOCUMENT,
    HTML_NAMESPACE,
    PS_ATTR_LAST_ENTRY,
    PS_ELEMENT,
    TAG_LAST_ENTRY,
    alone,
    attribute_id,
    c_node,
    entry_named,
    equal,
    equal_caseless,
    fold_text,
    is_space,
    lower,
    named,
    next_in,
    ps_attr,
    ps_element,
    ps_node,
    ps_spaces,
    set_folding_spaces,
    start,
    text_bytes,
    within,
    wrap,
)


# One selector of a list: a type, an attribute test, or both ("a[href]"); the test
# is [name], or [name="value"], [name~="value"] or [name*="value"], with or without
# the "i" flag. Or a type that is a child of a type ("font > p"), or that child its
# parent's only child element ("div > b:only-child"). Or "*", any element.
_SELECTOR = re.compile(r'([a-z][a-z0-9-]*)?(?:\[([a-z][a-z-]*)(?:([~*]?=)"([^"\\]*)"( i)?)?\])?')
_CHILD = re.compile(r"([a-z][a-z0-9]*) > ([a-z][a-z0-9]*)(:only-child)?")
cdef enum Match:
    ANY, PRESENT, EQUAL, TOKEN, PART
# The attributes whose values a selector without a flag compares without regard to
# ASCII case on HTML elements (the HTML standard's list, as Lexbor has it:
# ``lxb_selectors_match_attribute_html_case_insensitive``).
_CASELESS_VALUES = (
    "accept accept-charset align alink axis bgcolor charset checked clear codetype color"
    " compact declare defer dir direction disabled enctype face frame hreflang http-equiv"
    " lang language link media method multiple nohref noresize noshade nowrap readonly rel"
    " rev rules scope scrolling selected shape target text type valign valuetype vlink"
).split()
cdef enum:
    _MAX_SELECTORS = 64  # a bit each in a uint64_t
    _NO_GROUP = 0xFF
    _SELECTED = 1
    _ASK = 2


cdef extern from *:
    int __builtin_ctzll(unsigned long long) nogil  # the lowest set bit's index (GCC, Clang)


cdef inline unsigned char upper(unsigned char c) noexcept nogil:
    return c - 32 if 97 <= c <= 122 else c


cdef class Selectors:
    """A list of simple selectors separated by commas, each ``*`` (any element), a
    type (``p``), an attribute test (``[name]``, ``[name="value"]``, ``[name~="value"]``,
    ``[name*="value"]``, each with or without the ``i`` flag), a type with one
    (``a[href]``), or a type of a parent's (``font > p``, ``div > b:only-child``). ``find(root)`` gives the elements of ``root``'s subtree
    (``root`` included) that match any of them, in document order, each once:
    what ``root.css(text)`` gives without its repeats (it lists an element once
    per selector it matches).

    The attribute tests are grouped by attribute when the list is made, and an
    element's attributes are read once: each attribute that some selector names
    is tested against all the selectors of its name together, a ``~=`` value cut
    into its tokens once and a ``*=`` value read once, the selectors' values
    looked up by their first byte (``_starts``) at each token or position. The
    selectors without an attribute test are first asked of the element's tag id in
    a table (``_plain_by_tag``): one of a tag alone selects at once, and they are
    tested one by one only on an element of a tag that a child selector names (or
    of a tag Lexbor does not predefine, when one names such a tag)."""

    cdef list _keep  # the bytes the pointers below point into
    cdef uintptr_t _tags[_MAX_SELECTORS]  # 0: any element
    cdef uintptr_t _parents[_MAX_SELECTORS]  # 0: any parent, else the child's parent
    cdef bint _only[_MAX_SELECTORS]  # the child is its parent's only child element
    cdef const unsigned char *_tag_names[_MAX_SELECTORS]  # of tags Lexbor does not predefine
    cdef size_t _tag_sizes[_MAX_SELECTORS]
    cdef const unsigned char *_values[_MAX_SELECTORS]
    cdef size_t _value_sizes[_MAX_SELECTORS]
    cdef int _matches[_MAX_SELECTORS]
    cdef int _caseless[_MAX_SELECTORS]  # 1: always, 2: on HTML elements, 0: never
    cdef int _plain[_MAX_SELECTORS]  # the selectors without an attribute test
    cdef int _plain_count
    # What those selectors say of an element by its standard tag's id: _SELECTED (one
    # selects every element of the tag), _ASK (one of the tag asks of its parent), or
    # 0 (none selects it); and whether one names a tag Lexbor does not predefine.
    cdef unsigned char _plain_by_tag[TAG_LAST_ENTRY]
    cdef bint _plain_named
    cdef bint _any  # "*" is among them
    # The selectors with an attribute test, by attribute: the attribute's id (or
    # PS_ATTR_LAST_ENTRY, and its name) and a bit for each of its selectors.
    cdef uintptr_t _group_ids[_MAX_SELECTORS]
    cdef const unsigned char *_group_names[_MAX_SELECTORS]
    cdef size_t _group_name_sizes[_MAX_SELECTORS]
    cdef uint64_t _members[_MAX_SELECTORS]
    cdef int _group_count
    cdef bytes _by_id  # the group of each predefined attribute id, _NO_GROUP for none
    cdef uint64_t _starts[256]  # the ~= and *= selectors whose value can start with the byte
    cdef readonly str text

    def __init__(self, str text):
        cdef bytes name_bytes, value_bytes
        cdef uintptr_t attr_id
        cdef int g
        cdef unsigned char first
        self.text = text
        self._keep = []
        self._plain_count = self._group_count = 0
        self._plain_named = self._any = False
        memset(self._starts, 0, sizeof(self._starts))
        memset(self._plain_by_tag, 0, sizeof(self._plain_by_tag))
        by_id = bytearray([_NO_GROUP]) * PS_ATTR_LAST_ENTRY
        groups = {}
        selectors = [part.strip() for part in text.split(",")]
        if len(selectors) > _MAX_SELECTORS:
            raise ValueError(f"at most {_MAX_SELECTORS} selectors")
        for i, selector in enumerate(selectors):
            found = _SELECTOR.fullmatch(selector)
            child = _CHILD.fullmatch(selector)
            if selector == "*":  # a selector without a type or a test
                self._any = True
                parent = only = tag = name = op = value = flag = None
            elif child is not None:
                parent, tag, only = child.groups()
                name = op = value = flag = None
            elif found is not None and selector:
                parent, only, (tag, name, op, value, flag) = None, None, found.groups()
            else:
                raise ValueError(f"not a simple selector of this form: {selector!r}")
            self._tags[i] = create_tag(tag).tag_id if tag else 0
            self._parents[i] = create_tag(parent).tag_id if parent else 0
            self._only[i] = only is not None
            if self._parents[i] >= TAG_LAST_ENTRY:
                raise ValueError(f"not a simple selector of this form: {selector!r}")
            tag_bytes = (tag or "").encode()
            if self._tags[i] >= TAG_LAST_ENTRY:  # compared by name
                self._tags[i] = TAG_LAST_ENTRY
            self._tag_names[i], self._tag_sizes[i] = tag_bytes, len(tag_bytes)
            name_bytes, value_bytes = (name or "").encode(), (value or "").encode()
            self._keep += [tag_bytes, name_bytes, value_bytes]
            self._values[i], self._value_sizes[i] = value_bytes, len(value_bytes)
            self._matches[i] = {None: PRESENT, "=": EQUAL, "~=": TOKEN, "*=": PART}[op]
            self._caseless[i] = 1 if flag else 2 if name in _CASELESS_VALUES else 0
            if not name:
                self._matches[i] = ANY
                self._plain[self._plain_count] = i
                self._plain_count += 1
                if self._tags[i] == TAG_LAST_ENTRY:
                    self._plain_named = True
                else:
                    self._plain_by_tag[self._tags[i]] |= _ASK if self._parents[i] else _SELECTED
                continue
            if name not in groups:  # the attribute's first selector
                g = groups[name] = self._group_count
                self._group_count += 1
                attr_id = self._group_ids[g] = attribute_id(name_bytes)
                self._group_names[g], self._group_name_sizes[g] = name_bytes, len(name_bytes)
                self._members[g] = 0
                if attr_id < PS_ATTR_LAST_ENTRY:
                    by_id[attr_id] = g
            g = groups[name]
            self._members[g] |= (<uint64_t>1) << i
            if value_bytes and self._matches[i] in (TOKEN, PART):
                first = value_bytes[0]
                self._starts[first] |= (<uint64_t>1) << i
                if self._caseless[i]:  # Lexbor folds ASCII letters alone
                    self._starts[lower(first)] |= (<uint64_t>1) << i
                    self._starts[upper(first)] |= (<uint64_t>1) << i
        self._by_id = bytes(by_id)

    cdef inline bint _of_tag(self, int i, ps_node *node) noexcept:
        if self._tags[i] == TAG_LAST_ENTRY:
            return entry_named(node.local_name, TAG_LAST_ENTRY, self._tag_names[i], self._tag_sizes[i])
        return self._tags[i] == 0 or node.local_name == self._tags[i]

    cdef inline bint _without_case(self, int i, ps_node *node) noexcept:
        return self._caseless[i] == 1 or (
            self._caseless[i] == 2
            and node.ns == HTML_NAMESPACE
            and node.owner_document.type == HTML_DOCUMENT
        )

    cdef bint _selects_plain(self, int i, ps_node *node) noexcept:
        """Whether selector ``i``, without an attribute test, selects ``node``."""
        if not self._of_tag(i, node):
            return False
        if self._parents[i] == 0:
            return True
        return (
            node.parent != NULL
            and node.parent.local_name == self._parents[i]
            and (not self._only[i] or (alone(node.prev, True) and alone(node.next, False)))
        )

    cdef int _group_of(self, ps_attr *attr) noexcept:
        """The group of ``attr``'s name, or -1."""
        cdef uintptr_t attr_id = attr.node.local_name
        cdef int g
        if attr_id < PS_ATTR_LAST_ENTRY:
            g = (<const unsigned char *>self._by_id)[attr_id]
            return -1 if g == _NO_GROUP else g
        for g in range(self._group_count):
            if self._group_ids[g] == PS_ATTR_LAST_ENTRY and named(
                attr, self._group_names[g], self._group_name_sizes[g]
            ):
                return g
        return -1

    cdef bint _group_selects(self, int g, ps_attr *attr, ps_node *node) noexcept:
        """Whether a selector of group ``g`` selects ``node``, ``attr`` being its
        first attribute of the group's name (``lxb_dom_element_attr_by_id``)."""
        cdef const unsigned char *data = <const unsigned char *>b""
        cdef size_t length = 0
        cdef uint64_t members = self._members[g]
        cdef uint64_t tokens = 0
        cdef uint64_t parts = 0
        cdef int i
        if attr.value != NULL:
            data, length = attr.value.data, attr.value.length
        while members:
            i = __builtin_ctzll(members)
            members &= members - 1
            if not self._of_tag(i, node):
                continue
            if self._matches[i] == PRESENT:
                return True
            if self._matches[i] == EQUAL:
                if length == self._value_sizes[i] and equal(
                    data, self._values[i], length, self._without_case(i, node)
                ):
                    return True
            elif 0 < self._value_sizes[i] <= length:  # an empty value matches nothing
                if self._matches[i] == TOKEN:
                    tokens |= (<uint64_t>1) << i
                else:
                    parts |= (<uint64_t>1) << i
        return (tokens != 0 and self._has_token(tokens, data, length, node)) or (
            parts != 0 and self._holds(parts, data, length, node)
        )

    cdef bint _has_token(self, uint64_t tokens, const unsigned char *data, size_t length, ps_node *node) noexcept:
        """Whether a token of the value is one of the selectors ``tokens``' (``~=``,
        as ``has_token``: tokens apart by HTML's ASCII whitespace)."""
        cdef size_t begin = 0
        cdef size_t end
        cdef uint64_t candidates
        cdef int i
        for end in range(length + 1):
            if end < length and not is_space(data[end]):
                continue
            if end > begin:
                candidates = self._starts[data[begin]] & tokens
                while candidates:
                    i = __builtin_ctzll(candidates)
                    candidates &= candidates - 1
                    if end - begin == self._value_sizes[i] and equal(
                        data + begin, self._values[i], end - begin, self._without_case(i, node)
                    ):
                        return True
            begin = end + 1
        return False

    cdef bint _holds(self, uint64_t parts, const unsigned char *data, size_t length, ps_node *node) noexcept:
        """Whether the value holds one of the selectors ``parts``' (``*=``, as
        ``holds``)."""
        cdef size_t at
        cdef uint64_t candidates
        cdef int i
        for at in range(length):
            candidates = self._starts[data[at]] & parts
            while candidates:
                i = __builtin_ctzll(candidates)
                candidates &= candidates - 1
                if self._value_sizes[i] <= length - at and equal(
                    data + at, self._values[i], self._value_sizes[i], self._without_case(i, node)
                ):
                    return True
        return False

    cdef bint _selects(self, ps_node *node) noexcept:
        """Whether a selector of the list selects the element ``node``."""
        cdef ps_attr *attr
        cdef uint64_t seen = 0
        cdef uintptr_t tag = node.local_name
        cdef unsigned char plain = self._plain_by_tag[tag] if tag < TAG_LAST_ENTRY else self._plain_named * _ASK
        cdef int i, g
        if plain & _SELECTED or self._any:
            return True
        if plain & _ASK:
            for i in range(self._plain_count):
                if self._selects_plain(self._plain[i], node):
                    return True
        if self._group_count == 0:
            return False
        attr = (<ps_element *>node).first_attr
        while attr != NULL:
            g = self._group_of(attr)
            if g >= 0 and not seen >> g & 1:  # the element's first attribute of the name
                seen |= (<uint64_t>1) << g
                if self._group_selects(g, attr, node):
                    return True
            attr = attr.next
        return False

    def find(self, root: LexborNode, Py_ssize_t limit=0) -> list:
        """The matches, the first ``limit`` of them when ``limit`` is positive."""
        cdef ps_node *top = c_node(root)
        cdef ps_node *node = start(top)
        cdef list found = []
        cdef object parser = root.parser
        while node != NULL:
            if node.type == PS_ELEMENT:
                if self._selects(node):
                    found.append(wrap(node, parser))
                    if len(found) == limit:
                        return found
                node = next_in(node, top, True)
            else:
                node = next_in(node, top, False)
        return found

    def first(self, root: LexborNode) -> object:
        """The first match, or None: what ``root.css_first(text)`` gives, without
        walking past it."""
        found = self.find(root, 1)
        return found[0] if found else None


LINKS = Selectors("a[href]")  # the links with a target, which several stages list
H1 = Selectors("h1")  # the headline's tag, which several stages look for first
ANCHORS = Selectors("a")  # the links, with a target or not
ELEMENTS = Selectors("*")  # every element of a subtree, its root included


cdef uintptr_t _NAV = create_tag("nav").tag_id
cdef uintptr_t _HEADER = create_tag("header").tag_id
cdef uintptr_t _FOOTER = create_tag("footer").tag_id
cdef uintptr_t _ARTICLE = create_tag("article").tag_id
cdef uintptr_t _FORM = create_tag("form").tag_id
cdef uintptr_t _P = create_tag("p").tag_id
cdef uintptr_t _BR = create_tag("br").tag_id
cdef uintptr_t _FIGURE = create_tag("figure").tag_id
cdef uintptr_t _FIGCAPTION = create_tag("figcaption").tag_id
cdef bytes _ROLE = b"role"


cdef bint _inside(ps_node *node, uintptr_t tag) noexcept:
    """Whether an element of ``tag`` holds ``node``."""
    node = node.parent
    while node != NULL:
        if node.type == PS_ELEMENT and node.local_name == tag:
            return True
        node = node.parent
    return False


cdef bint _holds_text_blocks(ps_node *form) noexcept:
    """``:has(p, br + br)``: whether a ``<p>`` or a ``<br>`` right after another
    element ``<br>`` (text between them allowed) is below ``form``."""
    cdef ps_node *node = form.first_child
    cdef ps_node *before
    while node != NULL:
        if node.type == PS_ELEMENT:
            if node.local_name == _P:
                return True
            if node.local_name == _BR:
                before = node.prev
                while before != NULL and before.type != PS_ELEMENT:
                    before = before.prev
                if before != NULL and before.local_name == _BR:
                    return True
            node = next_in(node, form, True)
        else:
            node = next_in(node, form, False)
    return False


cdef bint _role_in(ps_element *element, tuple roles):
    """Whether ``element`` has a ``role`` that is one of ``roles`` (lowercase
    ASCII bytes), compared as ``[role="..." i]`` compares."""
    cdef ps_attr *attr = element.first_attr
    cdef const unsigned char *data
    cdef size_t length
    while attr != NULL:
        if named(attr, _ROLE, 4):
            if attr.value == NULL:
                return False
            data, length = attr.value.data, attr.value.length
            for role in roles:
                if length == <size_t>len(<bytes>role) and equal_caseless(data, <bytes>role, length):
                    return True
            return False
        attr = attr.next
    return False


cdef bint _is_chrome(ps_node *node, tuple roles) except -1:
    """Whether the element ``node`` is page chrome (``chrome``)."""
    cdef uintptr_t tag = node.local_name
    return (
        tag == _NAV
        or ((tag == _HEADER or tag == _FOOTER) and not _inside(node, _ARTICLE))
        or (tag == _FORM and not _holds_text_blocks(node))
        or (tag == _FIGCAPTION and _inside(node, _FIGURE))
        or _role_in(<ps_element *>node, roles)
    )


def chrome(root: LexborNode, tuple roles, list among=None) -> list:
    """The page chrome of ``root``'s subtree (``root`` included), in document order:
    the elements that ``nav``, ``header:not(article header)``,
    ``footer:not(article footer)``, ``form:not(:has(p, br + br))`` or
    ``figure figcaption`` selects, and those whose ``role`` is one of ``roles``
    (lowercase ASCII bytes), compared without regard to ASCII case.

    ``among``: the elements, in document order, that may be chrome (every element of
    the subtree that is chrome among them, with others), tested where they are now
    rather than walking the subtree: those no longer in it are left out."""
    cdef ps_node *top = c_node(root)
    cdef ps_node *node = start(top)
    cdef list found = []
    cdef object parser = root.parser
    for role in roles:
        if type(role) is not bytes:  # read as bytes below, unchecked
            raise TypeError(f"a role is given as bytes, not {type(role).__name__}")
    if among is not None:
        for element in among:
            node = c_node(element)
            if node.type == PS_ELEMENT and within(node, top) and _is_chrome(node, roles):
                found.append(element)
        return found
    while node != NULL:
        if node.type == PS_ELEMENT:
            if _is_chrome(node, roles):
                found.append(wrap(node, parser))
            node = next_in(node, top, True)
        else:
            node = next_in(node, top, False)
    return found




cdef class FoldedLength:
    """The length of a subtree's text with its whitespace folded:
    ``len(" ".join(root.text(separator=" ", skip_empty=True).split()))``, counted
    on the text nodes' bytes without making the text.

    ``spaces`` is every character that ``str.split`` splits on. The length is the
    characters that are not whitespace plus one for each gap between two words;
    the end of a text node ends a word (the separator), and a text node of only
    whitespace adds nothing. ``of`` gives -1 when a text node's bytes are not
    valid UTF-8 (the parser keeps a page's invalid bytes as they are), where
    decoding replaces them and the caller counts the decoded text instead.
    ``joined``: the text nodes are joined without a separator, as ``root.text()``
    joins them, and a word runs on from one into the next.

    Each text node is read by ``_lexbor.fold_text`` (ASCII eight bytes at a time, with
    ``str.split``'s ASCII spaces: ``spaces`` must hold those and no other below 0x80;
    the characters of two bytes from U+00C0, none of them a space, in place).
    """

    cdef ps_spaces spaces

    def __init__(self, str spaces):
        set_folding_spaces(&self.spaces, spaces)

    def of(self, root: LexborNode, bint joined=False) -> int:
        cdef ps_node *top = c_node(root)
        cdef ps_node *node = top.first_child
        cdef const unsigned char *data
        cdef size_t length
        cdef uint64_t count = 0  # the characters that are no space plus the words
        cdef uint64_t before = 0x80  # whether the byte before is a space, or none (0x80)
        while node != NULL:
            data = text_bytes(node, &length)
            if data != NULL:
                if not joined:
                    before = 0x80
                if not fold_text(&self.spaces, data, length, &count, &before):
                    return -1
            node = next_in(node, top, True)
        return count - 1 if count else 0


def ancestors(node: LexborNode) -> frozenset:
    """The ``mem_id`` of each ancestor of ``node`` in a document's tree: its parent, that
    one's parent, up to the document itself, as walking ``.parent`` gives them."""
    cdef ps_node *up = c_node(node).parent
    cdef set found = set()
    while up != NULL:
        found.add(<uintptr_t>up)
        up = up.parent
    return frozenset(found)
