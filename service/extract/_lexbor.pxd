# cython: language_level=3
"""Lexbor's structures as the pinned selectolax builds them, for the compiled modules
that walk the parsed tree in C (``cimport`` them from here).

The structures mirror the prefixes of Lexbor's that the walks read, as compiled
into the pinned selectolax (1.0.2, Lexbor 3.1.0250;
``lexbor/source/lexbor/dom/interfaces/{node,element,attr,document}.h``,
``core/hash.h``, ``dom/interfaces/attr_const.h``, ``tag/const.h``), and of
selectolax's ``LexborNode`` object (``selectolax/lexbor.pxd``). selectolax's wheel
ships no Lexbor headers, so they are declared here rather than included.
Importing ``_lexbor`` (which any module using ``c_node`` or ``wrap`` does) checks
them against selectolax's own answers on small pages and refuses to load on any
difference (``_lexbor.pyx``).
"""

from cpython.object cimport PyObject
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdint cimport int32_t, uint64_t, uintptr_t
from libc.string cimport memcmp

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
        ps_attr *attr_id;
        ps_attr *attr_class;
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
        uintptr_t prefix  # of an attribute: 0 unless foreign markup gave it one (xlink:href)
        uintptr_t ns
        ps_document *owner_document
        ps_node *next
        ps_node *prev
        ps_node *parent
        ps_node *first_child
        ps_node *last_child
        int type
    ctypedef struct ps_str:
        unsigned char *data
        size_t length
    ctypedef struct ps_attr:
        ps_node node
        uintptr_t qualified_name  # 0, or the id of the name as written when not the local one
        ps_str *value
        ps_attr *next
    ctypedef struct ps_element:
        ps_node node
        ps_attr *first_attr
        ps_attr *attr_class  # the element's class attribute, NULL for none
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


cdef enum:
    TAG_TEXT = 0x02  # LXB_TAG__TEXT: a text node's tag id
    TAG_COMMENT = 0x04  # LXB_TAG__EM_COMMENT
    TAG_LAST_ENTRY = 0xC7  # LXB_TAG__LAST_ENTRY: tags past it have ids of their document's
    HTML_NAMESPACE = 0x02  # LXB_NS_HTML
    HTML_DOCUMENT = 0x01  # LXB_DOM_DOCUMENT_DTYPE_HTML


cdef ps_node *c_node(object node) except NULL
cdef object wrap(ps_node *node, object parser)
cdef uintptr_t attribute_id(bytes name) except 0
cdef uintptr_t tag_id(str name) except 0
cdef int tag_table(unsigned char *table, object names) except -1


cdef inline ps_node *next_in(ps_node *node, ps_node *root, bint descend) noexcept nogil:
    """The node after ``node`` in ``root``'s subtree, in document order; its
    children skipped unless ``descend``."""
    if descend and node.first_child != NULL:
        return node.first_child
    while node != root and node.next == NULL:
        node = node.parent
    if node == root:
        return NULL
    return node.next


cdef inline bint within(ps_node *node, ps_node *root) noexcept nogil:
    """Whether ``node`` is ``root`` or in its subtree: a removed node's ancestors end
    without reaching ``root`` (Lexbor's removal clears the removed node's parent)."""
    while node != NULL and node != root:
        node = node.parent
    return node != NULL


cdef inline const unsigned char *text_bytes(ps_node *node, size_t *length) noexcept nogil:
    """A text node's UTF-8 bytes, their count in ``length``; NULL for any other node
    and for a text node without bytes."""
    if node.local_name != TAG_TEXT or (<ps_character_data *>node).data.data == NULL:
        return NULL
    length[0] = (<ps_character_data *>node).data.length
    return (<ps_character_data *>node).data.data


cdef inline str value_text(ps_str *value):
    """An attribute's value as ``LexborNode.attributes`` gives it, "" for none (bytes
    that are not UTF-8 replaced)."""
    if value == NULL or value.data == NULL:
        return ""
    return PyUnicode_DecodeUTF8(<const char *>value.data, value.length, "replace")


cdef inline ps_node *start(ps_node *root) noexcept nogil:
    """Where a CSS query from ``root`` starts: ``root`` itself, or a document's first node."""
    return root.first_child if root.type == PS_DOCUMENT else root


cdef inline bint alone(ps_node *sibling, bint backwards) noexcept nogil:
    """Whether no sibling from ``sibling`` on, backwards or forwards, is other than
    text or a comment (Lexbor's ``:first-child`` and ``:last-child``)."""
    while sibling != NULL:
        if sibling.local_name != TAG_TEXT and sibling.local_name != TAG_COMMENT:
            return False
        sibling = sibling.prev if backwards else sibling.next
    return True


cdef inline unsigned char lower(unsigned char c) noexcept nogil:
    """Lexbor's case fold (``lexbor_str_res_map_lowercase``): ASCII letters only."""
    return c + 32 if 65 <= c <= 90 else c


cdef inline bint equal_caseless(const unsigned char *a, const unsigned char *b, size_t n) noexcept nogil:
    cdef size_t i
    for i in range(n):
        if lower(a[i]) != lower(b[i]):
            return False
    return True


cdef inline bint is_space(unsigned char c) noexcept nogil:
    """HTML's ASCII whitespace, which separates a class attribute's tokens."""
    return c == 32 or c == 9 or c == 10 or c == 12 or c == 13


cdef inline bint equal(const unsigned char *a, const unsigned char *b, size_t n, bint caseless) noexcept nogil:
    return equal_caseless(a, b, n) if caseless else memcmp(a, b, n) == 0


cdef inline bint has_token(
    const unsigned char *data, size_t length, const unsigned char *token, size_t size, bint caseless
) noexcept nogil:
    """``[attr~="token"]`` as Lexbor matches it (``lxb_selectors_match_class``)."""
    cdef size_t start = 0
    cdef size_t i
    if size == 0 or length < size:
        return False
    for i in range(length):
        if is_space(data[i]):
            if i - start == size and equal(data + start, token, size, caseless):
                return True
            start = i + 1
    return length - start == size and equal(data + start, token, size, caseless)


cdef inline bint entry_named(uintptr_t id, uintptr_t last, const unsigned char *name, size_t size) noexcept nogil:
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


cdef inline bint named(ps_attr *attr, const unsigned char *name, size_t size) noexcept nogil:
    """Whether ``attr``, of a name Lexbor does not predefine, is named ``name``."""
    return entry_named(attr.node.local_name, PS_ATTR_LAST_ENTRY, name, size)


cdef inline int32_t code_point(const unsigned char *data, size_t length, size_t *at) noexcept nogil:
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


cdef enum:
    WIDE_SPACES_LIMIT = 0x10000  # the whitespace beyond ASCII is of the basic plane


ctypedef struct ps_spaces:
    unsigned char ascii[128]
    unsigned char wide[0x2000]  # a bit for each code point below WIDE_SPACES_LIMIT


cdef int set_spaces(ps_spaces *table, str spaces) except -1


cdef inline int split_space(const ps_spaces *table, const unsigned char *data, size_t length, size_t *at) noexcept nogil:
    """Whether the character at ``data[*at]`` is one of ``table``'s spaces (1) or not
    (0), ``*at`` moved past it; -1 when its bytes are not well-formed UTF-8."""
    cdef unsigned char byte = data[at[0]]
    cdef int32_t code
    if byte < 0x80:
        at[0] += 1
        return table.ascii[byte]
    code = code_point(data, length, at)
    if code < 0:
        return -1
    return code < WIDE_SPACES_LIMIT and table.wide[code >> 3] >> (code & 7) & 1


cdef inline bint all_spaces(const ps_spaces *table, const unsigned char *data, size_t length) noexcept nogil:
    """Whether ``data`` is ``table``'s spaces alone (what ``str.strip`` strips, when the
    table holds every character ``str.split`` splits on); bytes that are not UTF-8 are
    no space."""
    cdef size_t at = 0
    while at < length:
        if split_space(table, data, length, &at) != 1:
            return False
    return True


# The folded length of a text: str.split's ASCII spaces read eight bytes at a time.
cdef extern from *:
    """
    #include <string.h>
    #define PS_FOLD_ONES 0x0101010101010101ULL
    #define PS_FOLD_HIGH (PS_FOLD_ONES * 0x80)
    /* The high bit of each byte of w (all below 0x80) that is one of str.split's ASCII
       spaces, 9 to 13 and 28 to 32: a byte plus 0x80 - k sets its high bit when it is
       k or more, and carries into no other byte. */
    #define PS_FOLD_SPACES(w) \
        ((((w) + PS_FOLD_ONES * (0x80 - 9)) & ~((w) + PS_FOLD_ONES * (0x80 - 14)) \
          & PS_FOLD_HIGH) \
         | (((w) + PS_FOLD_ONES * (0x80 - 28)) & ~((w) + PS_FOLD_ONES * (0x80 - 33)) \
            & PS_FOLD_HIGH))
    /* The bytes of kept (high bits) plus those of them that follow a space (a high
       bit of spaces, or before for the first byte). */
    #define PS_FOLD_SUM(kept, spaces, before) \
        ((((kept) >> 7) + (((kept) & (((spaces) << 8) | (before))) >> 7)) * PS_FOLD_ONES >> 56)

    /* The folded count of the ASCII bytes of s from i, eight at a time: the bytes that
       are no space plus the words they start, added to *count. *before is 0x80 when
       the byte before i is a space (or there is none), else 0, and is left so for the
       byte where the count stops: n, or the first byte of 0x80 or more. */
    static inline size_t ps_fold_ascii(const unsigned char *s, size_t i, size_t n,
                                       uint64_t *count, uint64_t *before) {
        uint64_t w, spaces, kept, lanes, sum = *count, prev = *before;
        size_t k;
        for (; i + 8 <= n; i += 8) {
            memcpy(&w, s + i, 8);
            if (w & PS_FOLD_HIGH)
                break;
            spaces = PS_FOLD_SPACES(w);
            kept = ~spaces & PS_FOLD_HIGH;
            sum += PS_FOLD_SUM(kept, spaces, prev);
            prev = spaces >> 56;
        }
        if (i < n) {
            /* The last bytes (the node's last eight loaded and the counted ones shifted
               out, or its bytes one by one when it is shorter), or those before a byte
               of 0x80 or more: k of them. */
            if (i + 8 <= n) {
                memcpy(&w, s + i, 8);
            } else if (n >= 8) {
                memcpy(&w, s + n - 8, 8);
                w >>= 8 * (8 - (n - i));
            } else {
                for (w = 0, k = n; k > i; k--)
                    w = w << 8 | s[k - 1];
            }
            k = w & PS_FOLD_HIGH ? (size_t)__builtin_ctzll(w & PS_FOLD_HIGH) >> 3 : n - i;
            if (k) {
                lanes = PS_FOLD_HIGH >> (64 - 8 * k);  /* the high bits of those k */
                spaces = PS_FOLD_SPACES(w) & lanes;
                kept = ~spaces & lanes;
                sum += PS_FOLD_SUM(kept, spaces, prev);
                prev = spaces >> (8 * k - 8) & 0x80;
                i += k;
            }
        }
        *count = sum;
        *before = prev;
        return i;
    }
    """
    size_t ps_fold_ascii(const unsigned char *s, size_t i, size_t n, uint64_t *count, uint64_t *before) noexcept nogil


cdef int set_folding_spaces(ps_spaces *table, str spaces) except -1


cdef inline bint fold_text(
    const ps_spaces *spaces, const unsigned char *data, size_t length, uint64_t *count, uint64_t *before
) noexcept nogil:
    """Adds to ``count`` the characters of ``data`` that are no space and the words they
    start, ``before`` (0x80: the character before is a space, or there is none; else 0)
    carried in and out; False when its bytes are not well-formed UTF-8. ``spaces`` is
    filled by ``set_folding_spaces``: ASCII is read by ``ps_fold_ascii``, and the
    characters of two bytes from U+00C0 (none of them a space) in place."""
    cdef size_t i = ps_fold_ascii(data, 0, length, count, before)
    cdef int space
    while i < length:
        if 0xC3 <= data[i] <= 0xDF and i + 1 < length and data[i + 1] & 0xC0 == 0x80:
            i += 2  # U+00C0 to U+07FF: no space
            space = 0
        else:
            space = split_space(spaces, data, length, &i)
            if space < 0:
                return False
        if not space:
            count[0] += 1 + (before[0] >> 7)
        before[0] = <uint64_t>space << 7
        if i < length and data[i] < 0x80:
            i = ps_fold_ascii(data, i, length, count, before)
    return True
