# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Walks of the parsed tree in C, for the queries every page runs over the whole tree.

A CSS query walks the whole tree once and tests every element against each
selector of its list (about 0.3 M instructions per page before it matches
anything); a walk in Python pays for a node object per element. These walks read
Lexbor's own structures, as selectolax built them, and wrap only the elements
they return as ``LexborNode``s. Each answers exactly what the query or walk it
replaces answers (``tests/unit/extract/test_tree.py`` checks them against the
CSS engine on generated pages).

The structures below mirror the prefixes of Lexbor's that these walks read, as
compiled into the pinned selectolax (1.0.2, Lexbor 3.1.0250;
``lexbor/source/lexbor/dom/interfaces/{node,element,attr,document}.h``,
``core/hash.h``, ``dom/interfaces/attr_const.h``), and of selectolax's
``LexborNode`` object (``selectolax/lexbor.pxd``). selectolax's wheel ships no
Lexbor headers, so they are declared here rather than included; importing this
module checks them against selectolax's own answers on a small page
(``_check_layout``) and refuses to load on any difference.
"""

from cpython.object cimport PyObject, PyTypeObject
from cpython.ref cimport Py_DECREF, Py_INCREF
from libc.stdint cimport int32_t, uintptr_t
from libc.string cimport memcmp, memset

import re

import selectolax
from selectolax.lexbor import LexborHTMLParser, LexborNode, create_tag

cdef extern from *:
    """
    #include <stddef.h>
    #include <stdint.h>

    /* lxb_dom_node_t (dom/interfaces/node.h), without LXB_DOM_NODE_USER_VARIABLES,
       which selectolax does not define. */
    typedef struct ps_node {
        void *events;                      /* lxb_dom_event_target_t */
        uintptr_t local_name;              /* the tag id */
        uintptr_t prefix;
        uintptr_t ns;
        struct ps_document *owner_document;
        struct ps_node *next;
        struct ps_node *prev;
        struct ps_node *parent;
        struct ps_node *first_child;
        struct ps_node *last_child;
        void *user;
        int type;                          /* lxb_dom_node_type_t */
    } ps_node;

    /* lexbor_str_t (core/str.h) */
    typedef struct { unsigned char *data; size_t length; } ps_str;

    /* lxb_dom_attr_t (dom/interfaces/attr.h): node.local_name is the attribute's id. */
    typedef struct ps_attr {
        ps_node node;
        uintptr_t upper_name;
        uintptr_t qualified_name;
        ps_str *value;
        void *owner;
        struct ps_attr *next;
        struct ps_attr *prev;
    } ps_attr;

    /* The start of lxb_dom_element_t (dom/interfaces/element.h). */
    typedef struct {
        ps_node node;
        uintptr_t upper_name;
        uintptr_t qualified_name;
        ps_str *is_value;
        ps_attr *first_attr;
        ps_attr *last_attr;
    } ps_element;

    /* lxb_dom_character_data_t (dom/interfaces/character_data.h), which begins
       lxb_dom_text_t: a text node's UTF-8 bytes. */
    typedef struct {
        ps_node node;
        ps_str data;
    } ps_character_data;

    /* The start of lxb_dom_document_t (dom/interfaces/document.h). */
    typedef struct ps_document {
        ps_node node;
        int compat_mode;
        int type;                          /* lxb_dom_document_dtype_t */
    } ps_document;

    /* The start of lxb_dom_attr_data_t (dom/interfaces/attr.h), whose address is the
       id of an attribute name that Lexbor does not predefine; lexbor_hash_entry_t
       (core/hash.h) holds the lowercased name. */
    typedef struct {
        union { unsigned char *long_str; unsigned char short_str[16 + 1]; } u;
        size_t length;
        void *next;
    } ps_attr_data;

    /* selectolax's LexborNode object (selectolax/lexbor.pxd). */
    typedef struct {
        PyObject_HEAD
        void *vtab;
        ps_node *node;
        PyObject *parser;
        int is_fragment_root;
        int is_template_content;
    } ps_node_object;

    #define PS_HASH_SHORT_SIZE 16         /* LEXBOR_HASH_SHORT_SIZE */
    #define PS_ATTR_LAST_ENTRY 0x0049     /* LXB_DOM_ATTR__LAST_ENTRY */
    #define PS_ELEMENT 0x01               /* LXB_DOM_NODE_TYPE_ELEMENT */
    #define PS_TEXT 0x03                  /* LXB_DOM_NODE_TYPE_TEXT */
    #define PS_DOCUMENT 0x09              /* LXB_DOM_NODE_TYPE_DOCUMENT */
    """
    ctypedef struct ps_document
    ctypedef struct ps_node:
        uintptr_t local_name
        uintptr_t ns
        ps_document *owner_document
        ps_node *next
        ps_node *prev
        ps_node *parent
        ps_node *first_child
        int type
    ctypedef struct ps_str:
        unsigned char *data
        size_t length
    ctypedef struct ps_attr:
        ps_node node
        ps_str *value
        ps_attr *next
    ctypedef struct ps_element:
        ps_node node
        ps_attr *first_attr
    ctypedef struct ps_document:
        ps_node node
        int type
    ctypedef struct ps_character_data:
        ps_node node
        ps_str data
    ctypedef union ps_attr_name:
        unsigned char *long_str
        unsigned char *short_str
    ctypedef struct ps_attr_data:
        ps_attr_name u
        size_t length
    ctypedef struct ps_node_object:
        ps_node *node
        PyObject *parser
        int is_fragment_root
        int is_template_content
    size_t PS_HASH_SHORT_SIZE
    uintptr_t PS_ATTR_LAST_ENTRY
    int PS_ELEMENT
    int PS_TEXT
    int PS_DOCUMENT


cdef type _NODE = LexborNode
cdef PyTypeObject *_NODE_TYPE = <PyTypeObject *>LexborNode
cdef tuple _NO_ARGS = ()


cdef inline ps_node *_c_node(object node) except NULL:
    """``node``'s Lexbor node. A fragment's root and a template's content are
    refused: they stand for their top-level nodes, which selectolax's queries and
    walks cover one after another, where a walk from the node covers its subtree."""
    cdef ps_node_object *raw
    if type(node) is not LexborNode:
        raise TypeError(f"a LexborNode is needed, not {type(node).__name__}")
    raw = <ps_node_object *><PyObject *>node
    if raw.is_fragment_root or raw.is_template_content:
        raise ValueError("a fragment's root or a template's content is walked by its top-level nodes")
    return raw.node


cdef object _wrap(ps_node *node, object parser):
    """A ``LexborNode`` of ``node``, as selectolax's ``LexborNode.new`` makes one."""
    cdef object wrapped = _NODE_TYPE.tp_new(_NODE, <PyObject *>_NO_ARGS, NULL)
    cdef ps_node_object *raw = <ps_node_object *><PyObject *>wrapped
    raw.node = node
    Py_INCREF(parser)
    Py_DECREF(<object>raw.parser)
    raw.parser = <PyObject *>parser
    return wrapped


cdef enum:
    _TAG_LAST_ENTRY = 0xC7  # LXB_TAG__LAST_ENTRY: tags past it have ids of their document's


cdef inline ps_node *_next_in(ps_node *node, ps_node *root, bint descend):
    """The node after ``node`` in ``root``'s subtree, in document order."""
    if descend and node.first_child != NULL:
        return node.first_child
    while node != root and node.next == NULL:
        node = node.parent
    if node == root:
        return NULL
    return node.next


cdef inline ps_node *_start(ps_node *root):
    """Where a CSS query from ``root`` starts: ``root`` itself, or a document's first node."""
    return root.first_child if root.type == PS_DOCUMENT else root


def elements_by_tag(root: LexborNode, tag_ids: frozenset) -> dict:
    """The nodes of ``root``'s tree (``root`` included) whose tag id is one of
    ``tag_ids``, by tag id, each list in document order: what a walk of
    ``root.traverse()`` comparing each node's ``tag_id`` finds. The ids are those
    of standard tags, the same in every document."""
    cdef ps_node *top = _c_node(root)
    cdef ps_node *node = top
    cdef dict found = {tag_id: [] for tag_id in tag_ids}
    cdef unsigned char wanted[_TAG_LAST_ENTRY]
    cdef object parser = root.parser
    cdef uintptr_t tag
    for tag in range(_TAG_LAST_ENTRY):
        wanted[tag] = 0
    for tag_id in tag_ids:
        if not 0 < tag_id < _TAG_LAST_ENTRY:
            raise ValueError(f"not the id of a standard tag: {tag_id}")
        wanted[<uintptr_t>tag_id] = 1
    while node != NULL:
        tag = node.local_name
        if node.type != PS_TEXT and tag < _TAG_LAST_ENTRY and wanted[tag]:
            (<list>found[tag]).append(_wrap(node, parser))
        node = _next_in(node, top, True)
    return found


cdef inline unsigned char _lower(unsigned char c) noexcept nogil:
    """Lexbor's case fold (``lexbor_str_res_map_lowercase``): ASCII letters only."""
    return c + 32 if 65 <= c <= 90 else c


cdef inline bint _equal_caseless(const unsigned char *a, const unsigned char *b, size_t n) noexcept nogil:
    cdef size_t i
    for i in range(n):
        if _lower(a[i]) != _lower(b[i]):
            return False
    return True


cdef inline bint _is_space(unsigned char c) noexcept nogil:
    return c == 32 or c == 9 or c == 10 or c == 12 or c == 13


cdef inline bint _equal(const unsigned char *a, const unsigned char *b, size_t n, bint caseless) noexcept nogil:
    return _equal_caseless(a, b, n) if caseless else memcmp(a, b, n) == 0


cdef bint _has_token(
    const unsigned char *data, size_t length, const unsigned char *token, size_t size, bint caseless
) noexcept nogil:
    """``[attr~="token"]`` as Lexbor matches it (``lxb_selectors_match_class``)."""
    cdef size_t start = 0
    cdef size_t i
    if size == 0 or length < size:
        return False
    for i in range(length):
        if _is_space(data[i]):
            if i - start == size and _equal(data + start, token, size, caseless):
                return True
            start = i + 1
    return length - start == size and _equal(data + start, token, size, caseless)


cdef bint _holds(
    const unsigned char *data, size_t length, const unsigned char *part, size_t size, bint caseless
) noexcept nogil:
    """``[attr*="part"]`` as Lexbor matches it (``lexbor_str_data_ncasecmp_contain``)."""
    cdef size_t i
    if size == 0 or length < size:
        return False
    for i in range(length - size + 1):
        if _equal(data + i, part, size, caseless):
            return True
    return False


cdef uintptr_t _TEXT_TAG = LexborHTMLParser("<p>t</p>").css_first("p").first_child.tag_id
cdef uintptr_t _COMMENT_TAG = LexborHTMLParser("<p><!-- c --></p>").css_first("p").first_child.tag_id


cdef bint _alone(ps_node *sibling, bint backwards) noexcept:
    """Whether no sibling from ``sibling`` on, backwards or forwards, is other than
    text or a comment (Lexbor's ``:first-child`` and ``:last-child``)."""
    while sibling != NULL:
        if sibling.local_name != _TEXT_TAG and sibling.local_name != _COMMENT_TAG:
            return False
        sibling = sibling.prev if backwards else sibling.next
    return True


cdef uintptr_t _attribute_id(bytes name) except 0:
    """The id Lexbor gives the attribute ``name`` when it predefines it, else 0."""
    cdef object parsed = LexborHTMLParser(b"<p " + name + b">")
    cdef ps_node *p = _c_node(parsed.css_first("p"))
    cdef ps_attr *attr = (<ps_element *>p).first_attr
    if attr == NULL:
        raise ValueError(f"no attribute parsed from {name!r}")
    if attr.node.local_name < PS_ATTR_LAST_ENTRY:
        return attr.node.local_name
    return PS_ATTR_LAST_ENTRY  # named by its hash entry, compared by name


cdef inline bint _named(ps_attr *attr, const unsigned char *name, size_t size) noexcept nogil:
    """Whether ``attr``, of a name Lexbor does not predefine, is named ``name``."""
    return _entry_named(attr.node.local_name, PS_ATTR_LAST_ENTRY, name, size)


cdef bint _entry_named(uintptr_t id, uintptr_t last, const unsigned char *name, size_t size) noexcept nogil:
    """Whether the attribute or tag name of ``id``, past Lexbor's predefined ones
    (``last``), is ``name``: such an id is the address of the name's entry in the
    document's hash (``lxb_dom_attr_data_t``, ``lxb_tag_data_t``), lowercased."""
    cdef ps_attr_data *data
    if id <= last:
        return False
    data = <ps_attr_data *>id
    if data.length != size:
        return False
    if size <= PS_HASH_SHORT_SIZE:
        return memcmp(<unsigned char *>&data.u, name, size) == 0
    return memcmp(data.u.long_str, name, size) == 0


# One selector of a list: a type, an attribute test, or both ("a[href]"); the test
# is [name], or [name="value"], [name~="value"] or [name*="value"], with or without
# the "i" flag. Or a type that is a child of a type ("font > p"), or that child its
# parent's only child element ("div > b:only-child").
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
    _MAX_SELECTORS = 64
cdef uintptr_t _HTML_NAMESPACE = 0x02  # LXB_NS_HTML
cdef int _HTML_DOCUMENT = 0x01  # LXB_DOM_DOCUMENT_DTYPE_HTML


cdef class Selectors:
    """A list of simple selectors separated by commas, each a type (``p``), an
    attribute test (``[name]``, ``[name="value"]``, ``[name~="value"]``,
    ``[name*="value"]``, each with or without the ``i`` flag), a type with one
    (``a[href]``), or a type of a parent's (``font > p``, ``div > b:only-child``). ``find(root)`` gives the elements of ``root``'s subtree
    (``root`` included) that match any of them, in document order, each once:
    what ``root.css(text)`` gives without its repeats (it lists an element once
    per selector it matches)."""

    cdef list _keep  # the bytes the pointers below point into
    cdef uintptr_t _tags[_MAX_SELECTORS]  # 0: any element
    cdef uintptr_t _parents[_MAX_SELECTORS]  # 0: any parent, else the child's parent
    cdef bint _only[_MAX_SELECTORS]  # the child is its parent's only child element
    cdef const unsigned char *_tag_names[_MAX_SELECTORS]  # of tags Lexbor does not predefine
    cdef size_t _tag_sizes[_MAX_SELECTORS]
    cdef uintptr_t _ids[_MAX_SELECTORS]
    cdef const unsigned char *_names[_MAX_SELECTORS]
    cdef size_t _name_sizes[_MAX_SELECTORS]
    cdef const unsigned char *_values[_MAX_SELECTORS]
    cdef size_t _value_sizes[_MAX_SELECTORS]
    cdef int _matches[_MAX_SELECTORS]
    cdef int _caseless[_MAX_SELECTORS]  # 1: always, 2: on HTML elements, 0: never
    cdef int _count
    cdef readonly str text

    def __init__(self, str text):
        cdef bytes name_bytes, value_bytes
        self.text = text
        self._keep = []
        selectors = [part.strip() for part in text.split(",")]
        if len(selectors) > _MAX_SELECTORS:
            raise ValueError(f"at most {_MAX_SELECTORS} selectors")
        for i, selector in enumerate(selectors):
            found = _SELECTOR.fullmatch(selector)
            child = _CHILD.fullmatch(selector)
            if child is not None:
                parent, tag, only = child.groups()
                name = op = value = flag = None
            elif found is not None and selector:
                parent, only, (tag, name, op, value, flag) = None, None, found.groups()
            else:
                raise ValueError(f"not a simple selector of this form: {selector!r}")
            self._tags[i] = create_tag(tag).tag_id if tag else 0
            self._parents[i] = create_tag(parent).tag_id if parent else 0
            self._only[i] = only is not None
            if self._parents[i] >= _TAG_LAST_ENTRY:
                raise ValueError(f"not a simple selector of this form: {selector!r}")
            tag_bytes = (tag or "").encode()
            if self._tags[i] >= _TAG_LAST_ENTRY:  # compared by name
                self._tags[i] = _TAG_LAST_ENTRY
            self._tag_names[i], self._tag_sizes[i] = tag_bytes, len(tag_bytes)
            name_bytes, value_bytes = (name or "").encode(), (value or "").encode()
            self._keep += [tag_bytes, name_bytes, value_bytes]
            self._ids[i] = _attribute_id(name_bytes) if name else 0
            self._names[i], self._name_sizes[i] = name_bytes, len(name_bytes)
            self._values[i], self._value_sizes[i] = value_bytes, len(value_bytes)
            self._matches[i] = {None: PRESENT, "=": EQUAL, "~=": TOKEN, "*=": PART}[op]
            if not name:
                self._matches[i] = ANY
            self._caseless[i] = 1 if flag else 2 if name in _CASELESS_VALUES else 0
        self._count = len(selectors)

    cdef bint _matches_value(self, int i, ps_attr *attr, ps_node *node) noexcept:
        cdef const unsigned char *data = <const unsigned char *>b""
        cdef size_t length = 0
        cdef size_t size = self._value_sizes[i]
        cdef bint caseless = self._caseless[i] == 1 or (
            self._caseless[i] == 2
            and node.ns == _HTML_NAMESPACE
            and node.owner_document.type == _HTML_DOCUMENT
        )
        if attr.value != NULL:
            data, length = attr.value.data, attr.value.length
        if self._matches[i] == EQUAL:
            if length != size:
                return False
            return _equal_caseless(data, self._values[i], size) if caseless else (
                memcmp(data, self._values[i], size) == 0
            )
        if self._matches[i] == TOKEN:
            return _has_token(data, length, self._values[i], size, caseless)
        return _holds(data, length, self._values[i], size, caseless)

    cdef bint _selects(self, int i, ps_node *node) noexcept:
        cdef ps_attr *attr
        if self._tags[i] == _TAG_LAST_ENTRY:
            if not _entry_named(node.local_name, _TAG_LAST_ENTRY, self._tag_names[i], self._tag_sizes[i]):
                return False
        elif self._tags[i] != 0 and node.local_name != self._tags[i]:
            return False
        if self._parents[i] != 0:
            return (
                node.parent != NULL
                and node.parent.local_name == self._parents[i]
                and (not self._only[i] or (_alone(node.prev, True) and _alone(node.next, False)))
            )
        if self._matches[i] == ANY:
            return True
        attr = (<ps_element *>node).first_attr
        while attr != NULL:  # the first attribute of the name (lxb_dom_element_attr_by_id)
            if self._ids[i] < PS_ATTR_LAST_ENTRY:
                if attr.node.local_name == self._ids[i]:
                    break
            elif _named(attr, self._names[i], self._name_sizes[i]):
                break
            attr = attr.next
        if attr == NULL:
            return False
        return self._matches[i] == PRESENT or self._matches_value(i, attr, node)

    def find(self, root: LexborNode, Py_ssize_t limit=0) -> list:
        """The matches, the first ``limit`` of them when ``limit`` is positive."""
        cdef ps_node *top = _c_node(root)
        cdef ps_node *node = _start(top)
        cdef list found = []
        cdef object parser = root.parser
        cdef int i
        while node != NULL:
            if node.type == PS_ELEMENT:
                for i in range(self._count):
                    if self._selects(i, node):
                        found.append(_wrap(node, parser))
                        if len(found) == limit:
                            return found
                        break
                node = _next_in(node, top, True)
            else:
                node = _next_in(node, top, False)
        return found


    def first(self, root: LexborNode) -> object:
        """The first match, or None: what ``root.css_first(text)`` gives, without
        walking past it."""
        found = self.find(root, 1)
        return found[0] if found else None


LINKS = Selectors("a[href]")  # the links with a target, which several stages list
H1 = Selectors("h1")  # the headline's tag, which several stages look for first


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
            node = _next_in(node, form, True)
        else:
            node = _next_in(node, form, False)
    return False


cdef bint _role_in(ps_element *element, tuple roles):
    """Whether ``element`` has a ``role`` that is one of ``roles`` (lowercase
    ASCII bytes), compared as ``[role="..." i]`` compares."""
    cdef ps_attr *attr = element.first_attr
    cdef const unsigned char *data
    cdef size_t length
    while attr != NULL:
        if _named(attr, _ROLE, 4):
            if attr.value == NULL:
                return False
            data, length = attr.value.data, attr.value.length
            for role in roles:
                if length == <size_t>len(<bytes>role) and _equal_caseless(data, <bytes>role, length):
                    return True
            return False
        attr = attr.next
    return False


def chrome(root: LexborNode, tuple roles) -> list:
    """The page chrome of ``root``'s subtree (``root`` included), in document order:
    the elements that ``nav``, ``header:not(article header)``,
    ``footer:not(article footer)``, ``form:not(:has(p, br + br))`` or
    ``figure figcaption`` selects, and those whose ``role`` is one of ``roles``
    (lowercase ASCII bytes), compared without regard to ASCII case."""
    cdef ps_node *top = _c_node(root)
    cdef ps_node *node = _start(top)
    cdef list found = []
    cdef object parser = root.parser
    cdef uintptr_t tag
    cdef bint hit
    for role in roles:
        if type(role) is not bytes:  # read as bytes below, unchecked
            raise TypeError(f"a role is given as bytes, not {type(role).__name__}")
    while node != NULL:
        if node.type == PS_ELEMENT:
            tag = node.local_name
            hit = (
                tag == _NAV
                or ((tag == _HEADER or tag == _FOOTER) and not _inside(node, _ARTICLE))
                or (tag == _FORM and not _holds_text_blocks(node))
                or (tag == _FIGCAPTION and _inside(node, _FIGURE))
                or _role_in(<ps_element *>node, roles)
            )
            if hit:
                found.append(_wrap(node, parser))
            node = _next_in(node, top, True)
        else:
            node = _next_in(node, top, False)
    return found


cdef bint _kept_in_entry(uintptr_t id, bytes name):
    """Whether the hash entry of ``id``, a name of 16 characters or more, holds the
    name's first 16 bytes in itself rather than the address of its copy."""
    if id <= PS_ATTR_LAST_ENTRY or len(name) < 16:
        raise ValueError(f"not an id of a long attribute name: {name!r}")
    return memcmp(<unsigned char *>&(<ps_attr_data *>id).u, <const unsigned char *>name, 16) == 0


cdef enum:
    _WIDE_LIMIT = 0x10000  # the spaces beyond ASCII are of the basic plane
    _WIDE_BYTES = 0x2000  # a bit for each of its code points


cdef inline int32_t _code_point(const unsigned char *data, size_t length, size_t *at) noexcept:
    """The code point of the UTF-8 sequence at ``data[*at]`` (its first byte 0x80 or
    more), ``*at`` moved past it; -1 when it is not well-formed as Python's decoder
    has it (the Unicode standard's table 3-7: no overlong forms, no surrogates,
    nothing past U+10FFFF, no sequence cut short)."""
    cdef size_t i = at[0]
    cdef unsigned char byte = data[i]
    cdef unsigned char low = 0x80
    cdef unsigned char high = 0xBF
    cdef size_t need
    cdef size_t k
    cdef int32_t code
    if 0xC2 <= byte <= 0xDF:
        need = 1
        code = byte & 0x1F
    elif 0xE0 <= byte <= 0xEF:
        need = 2
        code = byte & 0x0F
        low = 0xA0 if byte == 0xE0 else 0x80
        high = 0x9F if byte == 0xED else 0xBF
    elif 0xF0 <= byte <= 0xF4:
        need = 3
        code = byte & 0x07
        low = 0x90 if byte == 0xF0 else 0x80
        high = 0x8F if byte == 0xF4 else 0xBF
    else:
        return -1
    if i + need >= length:
        return -1
    for k in range(need):
        i += 1
        if not low <= data[i] <= high:
            return -1
        code = (code << 6) | (data[i] & 0x3F)
        low = 0x80
        high = 0xBF
    at[0] = i + 1
    return code


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
    """

    cdef unsigned char ascii[128]
    cdef unsigned char wide[_WIDE_BYTES]

    def __init__(self, str spaces):
        cdef int c
        memset(self.wide, 0, sizeof(self.wide))
        for c in range(128):
            self.ascii[c] = chr(c) in spaces
        for space in spaces:
            c = ord(space)
            if c >= _WIDE_LIMIT:
                raise ValueError(f"a space past U+FFFF: U+{c:X}")
            if c >= 128:
                self.wide[c >> 3] |= 1 << (c & 7)

    def of(self, root: LexborNode) -> int:
        cdef ps_node *top = _c_node(root)
        cdef ps_node *node = top.first_child
        cdef const unsigned char *data
        cdef size_t length, i
        cdef unsigned char byte
        cdef int32_t code
        cdef Py_ssize_t chars = 0
        cdef Py_ssize_t words = 0
        cdef bint space
        cdef bint in_word
        while node != NULL:
            if node.local_name == _TEXT_TAG and (<ps_character_data *>node).data.data != NULL:
                data = (<ps_character_data *>node).data.data
                length = (<ps_character_data *>node).data.length
                in_word = False
                i = 0
                while i < length:
                    byte = data[i]
                    if byte < 0x80:
                        space = self.ascii[byte]
                        i += 1
                    else:
                        code = _code_point(data, length, &i)
                        if code < 0:
                            return -1
                        space = code < _WIDE_LIMIT and self.wide[code >> 3] >> (code & 7) & 1
                    if space:
                        in_word = False
                    else:
                        chars += 1
                        if not in_word:
                            words += 1
                            in_word = True
            node = _next_in(node, top, True)
        return chars + words - 1 if words else 0


def _check_layout() -> None:
    """Refuses to load (``ImportError``) unless the structures declared above read
    what selectolax reads on a small page: node links, tag ids, text nodes' bytes,
    attribute ids and names, values, the document's type, and the wrapped node's
    own fields."""
    page = LexborHTMLParser(
        '<html><body><div id="a" class="b c" data-long-attribute-name="x" hidden>'
        '<p role="Menu" style="display:none">t</p><!-- c --><br></div></body></html>'
    )
    problems = []
    nodes = list(page.root.traverse(include_text=True))
    for node in nodes:
        raw = _c_node(node)
        if <uintptr_t>raw != node.mem_id:
            problems.append("the LexborNode's node pointer")
        if <object>(<ps_node_object *><PyObject *>node).parser is not node.parser:
            problems.append("the LexborNode's parser")
        if raw.local_name != <uintptr_t>node.tag_id:
            problems.append("a node's tag id")
        links = (
            (<uintptr_t>raw.parent, node.parent),
            (<uintptr_t>raw.next, node.next),
            (<uintptr_t>raw.prev, node.prev),
            (<uintptr_t>raw.first_child, node.first_child),
        )
        if any(pointer != (other.mem_id if other is not None else 0) for pointer, other in links):
            problems.append("a node's links")
        kind = PS_ELEMENT if node.is_element_node else PS_TEXT if node.tag == "-text" else 8
        if raw.type != kind:  # 8: LXB_DOM_NODE_TYPE_COMMENT
            problems.append("a node's type")
        if kind == PS_TEXT:
            data = (<ps_character_data *>raw).data
            if data.data == NULL or data.data[: data.length].decode() != node.text_content:
                problems.append("a text node's bytes")
    div = page.css_first("div")
    wrapped = _wrap(_c_node(div), page)
    raw_wrapped = <ps_node_object *><PyObject *>wrapped
    if (
        wrapped.mem_id != div.mem_id
        or wrapped.tag != "div"
        or wrapped.parser is not page
        or raw_wrapped.is_fragment_root
        or raw_wrapped.is_template_content
    ):
        problems.append("a wrapped node")
    fragment = LexborHTMLParser("<p>t</p>", is_fragment=True).root
    (content,) = LexborHTMLParser("<template><p>t</p></template>").root.template_fragments()
    if (
        not (<ps_node_object *><PyObject *>fragment).is_fragment_root
        or (<ps_node_object *><PyObject *>fragment).is_template_content
        or not (<ps_node_object *><PyObject *>content).is_template_content
        or (<ps_node_object *><PyObject *>content).is_fragment_root
    ):
        problems.append("the LexborNode's marks of fragments")
    if _c_node(div).owner_document.type != _HTML_DOCUMENT:
        problems.append("the document's type")
    # The constants that say which ids are addresses of hash entries: Lexbor's tables
    # of predefined names are in alphabetical order, so a name added anywhere moves
    # the last one; and the longest name kept inside its entry (read here in the entry
    # alone, for a name of 16 and one of 17 characters).
    if create_tag("xmp").tag_id != _TAG_LAST_ENTRY - 1 or _attribute_id(b"xmlns") != PS_ATTR_LAST_ENTRY - 1:
        problems.append("the last predefined ids")
    else:
        sized = LexborHTMLParser("<p data-sixteen-chr data-seventeen-ch>").css_first("p")
        attr = (<ps_element *>_c_node(sized)).first_attr
        if not (
            _kept_in_entry(attr.node.local_name, b"data-sixteen-chr") == (16 <= PS_HASH_SHORT_SIZE)
            and _kept_in_entry(attr.next.node.local_name, b"data-seventeen-ch") == (17 <= PS_HASH_SHORT_SIZE)
        ):
            problems.append("the length of names kept in their hash entry")
    # The nodes are held: a node holds its parser, which frees the tree with itself.
    custom = LexborHTMLParser("<x-long-custom-tag-name>").css_first("x-long-custom-tag-name")
    short = LexborHTMLParser("<X-Tag>").css_first("x-tag")
    if not (
        create_tag("video").tag_id < _TAG_LAST_ENTRY
        and _entry_named(_c_node(custom).local_name, _TAG_LAST_ENTRY, b"x-long-custom-tag-name", 22)
        and _entry_named(_c_node(short).local_name, _TAG_LAST_ENTRY, b"x-tag", 5)
    ):
        problems.append("the ids and names of tags")
    svg = LexborHTMLParser("<svg><a>x</a></svg>").css_first("a")
    if _c_node(div).ns != _HTML_NAMESPACE or _c_node(svg).ns == _HTML_NAMESPACE:
        problems.append("the namespaces")
    names = []
    attr = (<ps_element *>_c_node(div)).first_attr
    while attr != NULL:
        value = attr.value.data[: attr.value.length].decode() if attr.value != NULL else None
        names.append((attr.node.local_name, value))
        attr = attr.next
    expected = list(div.attributes.items())
    if [v for _, v in names] != [v for _, v in expected]:
        problems.append("attribute values")
    if names[:2] != [(0x21, "a"), (0x0B, "b c")]:  # LXB_DOM_ATTR_ID, LXB_DOM_ATTR_CLASS
        problems.append("the ids of predefined attribute names")
    attr = (<ps_element *>_c_node(div)).first_attr.next.next
    if not _named(attr, b"data-long-attribute-name", 24) or not _named(attr.next, b"hidden", 6):
        problems.append("the names of other attributes")
    if problems:
        raise ImportError(
            f"selectolax {selectolax.__version__} lays out its tree otherwise than "
            f"service.extract._tree reads it ({', '.join(sorted(set(problems)))}): "
            "the declarations there mirror selectolax 1.0.2"
        )


_check_layout()
