# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The markup metadata is read from, gathered in one walk of the tree in C.

``metadata_markup.collect_markup`` reads the metas, links, scripts, titles, h1s,
``<time>`` elements, ``<base>`` and ``<html lang>`` of a page, and the elements
marked for microdata or as authors' links. Read from Python, each of them cost a
node object, a dict of all its attributes decoded and a few interpreted tests;
here one walk reads Lexbor's structures, decodes only the values that are read,
and hands back the values as written, grouped as the Python tables passed in
say. What the values mean (normal forms, which source wins) stays in Python.

An attribute is found as selectolax's ``attributes`` dict finds it: by its name
as written (Lexbor's qualified name, ``xlink:href`` in SVG, not its local name
``href``); the parser keeps one attribute of a name. Text is what ``text()``
gives: the UTF-8 bytes of the text nodes below, decoded with replacement.
``tests/unit/extract/test_markup.py`` checks the answers against the reading
from Python on generated pages.

``LineWalk`` walks the text lines beside the headline that ``metadata_lines`` reads
for bylines and dates (its tables handed in from there); what the lines say stays in
Python. ``tests/unit/extract/test_line_walk.py`` checks it against the walk in Python.
"""

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdint cimport uintptr_t
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memcpy, memset

from selectolax.lexbor import LexborHTMLParser, LexborNode, create_tag

from service.extract._tree import Selectors

from service.extract._unicode cimport (
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    PyUnicode_READ,
    PyUnicode_Substring,
    Py_UNICODE_ISALPHA,
    ucs4,
)
from service.extract._lexbor cimport (
    HTML_DOCUMENT,
    HTML_NAMESPACE,
    PS_ATTR_LAST_ENTRY,
    PS_ELEMENT,
    PS_TEXT,
    TAG_LAST_ENTRY,
    TAG_TEXT,
    all_spaces,
    attribute_id,
    c_node,
    entry_named,
    equal_caseless,
    has_token,
    lower,
    next_in,
    ps_attr,
    ps_character_data,
    ps_element,
    ps_node,
    ps_spaces,
    set_spaces,
    start,
    tag_id,
    wrap,
)

cdef uintptr_t _HTML = create_tag("html").tag_id
cdef uintptr_t _TITLE = create_tag("title").tag_id
cdef uintptr_t _META = create_tag("meta").tag_id
cdef uintptr_t _LINK = create_tag("link").tag_id
cdef uintptr_t _SCRIPT = create_tag("script").tag_id
cdef uintptr_t _H1 = create_tag("h1").tag_id
cdef uintptr_t _TIME = create_tag("time").tag_id
cdef uintptr_t _BASE = create_tag("base").tag_id
cdef uintptr_t _A = create_tag("a").tag_id
cdef bytes _AUTHOR = b"author"
# The tags ``MarkupReader`` reads, all of them Lexbor's predefined ones: one look-up
# an element, in place of a compare for each.
cdef unsigned char _READ[TAG_LAST_ENTRY]
memset(_READ, 0, sizeof(_READ))
for _tag in (_HTML, _TITLE, _META, _LINK, _SCRIPT, _H1, _TIME, _BASE):
    if _tag >= TAG_LAST_ENTRY:
        raise ImportError("a tag metadata reads is not among Lexbor's predefined ones")
    _READ[_tag] = 1
# What ``str.split`` and ``str.strip`` take for whitespace, of the ASCII characters: a
# value all ASCII is split and stripped here, its letters lowercased, as ``str`` would.
cdef unsigned char _SPACE[128]
for _c in range(128):
    _SPACE[_c] = chr(_c).isspace()


cdef struct _Named:
    uintptr_t id  # Lexbor's id of a predefined name, or ``last``
    uintptr_t last  # the last predefined id of its kind (attributes, tags)
    const unsigned char *text  # the name, lowercase (held by its ``_Name``)
    size_t size


cdef inline bint _names(const _Named *name, uintptr_t id) noexcept nogil:
    """Whether ``id`` is ``name``'s: its predefined id, or (past those) an entry
    spelled so, its length compared before its bytes."""
    if name.id < name.last:
        return id == name.id
    return id > name.last and entry_named(id, name.last, name.text, name.size)


cdef class _Name:
    """An attribute's or a tag's name: its Lexbor id, or (past Lexbor's predefined
    names, ``last``) its lowercased bytes, compared with the entry an id points to."""

    cdef bytes text
    cdef _Named c

    @staticmethod
    cdef _Name attribute(str name):
        cdef _Name found = _Name.__new__(_Name)
        found.text = name.encode()
        found.c.id = attribute_id(found.text)
        found.c.last = PS_ATTR_LAST_ENTRY
        found.c.text = <const unsigned char *><char *>found.text
        found.c.size = len(found.text)
        return found

    @staticmethod
    cdef _Name tag(str name):
        cdef _Name found = _Name.__new__(_Name)
        found.text = name.encode()
        found.c.id = create_tag(name).tag_id
        found.c.last = TAG_LAST_ENTRY
        if found.c.id >= TAG_LAST_ENTRY:
            found.c.id = TAG_LAST_ENTRY
        found.c.text = <const unsigned char *><char *>found.text
        found.c.size = len(found.text)
        return found

    cdef inline bint names(self, uintptr_t id) noexcept:
        return _names(&self.c, id)


# The names read by every walk, as C structures (no object passed at each element).
cdef _Name _CONTENT_NAME = _Name.attribute("content")
cdef _Name _REL_NAME = _Name.attribute("rel")
cdef _Name _HREF_NAME = _Name.attribute("href")
cdef _Name _TYPE_NAME = _Name.attribute("type")
cdef _Name _DATETIME_NAME = _Name.attribute("datetime")
cdef _Name _PUBDATE_NAME = _Name.attribute("pubdate")
cdef _Name _ITEMPROP_NAME = _Name.attribute("itemprop")
cdef _Name _ITEMSCOPE_NAME = _Name.attribute("itemscope")
cdef _Named _CONTENT = _CONTENT_NAME.c
cdef _Named _REL = _REL_NAME.c
cdef _Named _HREF = _HREF_NAME.c
cdef _Named _TYPE = _TYPE_NAME.c
cdef _Named _DATETIME = _DATETIME_NAME.c
cdef _Named _PUBDATE = _PUBDATE_NAME.c
cdef _Named _ITEMPROP = _ITEMPROP_NAME.c
cdef _Named _ITEMSCOPE = _ITEMSCOPE_NAME.c
cdef object _PERSON_NAME = Selectors('[itemprop="name"]')  # a person's name in its item


cdef ps_attr *_attribute(ps_node *node, const _Named *name) noexcept nogil:
    """``node``'s attribute of ``name`` as written (the qualified name), or NULL."""
    cdef ps_attr *attr = (<ps_element *>node).first_attr
    while attr != NULL:
        if _names(name, attr.qualified_name if attr.qualified_name != 0 else attr.node.local_name):
            return attr
        attr = attr.next
    return NULL


cdef ps_attr *_local_attribute(ps_node *node, const _Named *name) noexcept nogil:
    """``node``'s first attribute of the local name ``name``, as Lexbor's selectors find
    one (``lxb_dom_element_attr_by_id``)."""
    cdef ps_attr *attr = (<ps_element *>node).first_attr
    while attr != NULL:
        if _names(name, attr.node.local_name):
            return attr
        attr = attr.next
    return NULL


cdef inline object _decoded(ps_attr *attr):
    """The value of ``attr`` as ``attributes`` gives it: ``None`` without one."""
    if attr == NULL or attr.value == NULL or attr.value.data == NULL:
        return None
    return PyUnicode_DecodeUTF8(<char *>attr.value.data, attr.value.length, "replace")


cdef inline object _value(ps_node *node, const _Named *name):
    return _decoded(_attribute(node, name))


cdef inline bint _filled(ps_attr *attr) noexcept:
    """Whether ``attr`` is there with a value that is not empty (a true ``str``)."""
    return attr != NULL and attr.value != NULL and attr.value.data != NULL and attr.value.length > 0


cdef inline bint _ascii(ps_attr *attr) noexcept:
    """Whether ``attr``'s value (there and not empty) is ASCII: its lowercase and its
    whitespace are read here, a value beyond ASCII's by ``str.lower`` and ``str.split``."""
    cdef size_t i
    cdef const unsigned char *data = attr.value.data
    for i in range(attr.value.length):
        if data[i] >= 0x80:
            return False
    return True


cdef class _Keys:
    """Keys (``str``) looked up from a token's bytes, no ``str`` made of the token: the
    keys of its first byte (ASCII letters lowercased), then their lengths, before a
    compare. Only a non-empty lowercase ASCII key can be an ASCII token lowercased: the
    others are left out (a value beyond ASCII is read by ``str``). Each key has a
    group, a number given with it."""

    cdef tuple _keys  # the keys held, by their first byte
    cdef tuple _encoded  # their bytes, which ``_texts`` point into
    cdef const unsigned char **_texts
    cdef size_t *_sizes
    cdef Py_ssize_t *_groups
    cdef Py_ssize_t _from[257]  # the keys of first byte b: from _from[b] to _from[b + 1]

    def __init__(self, dict groups):
        cdef Py_ssize_t i
        cdef Py_ssize_t count
        cdef int b
        kept = [
            key
            for key in groups
            if isinstance(key, str) and key and key.isascii() and key.lower() == key
        ]
        kept.sort(key=lambda key: key.encode()[0])
        self._keys = tuple(kept)
        self._encoded = tuple(key.encode() for key in kept)
        count = len(kept)
        self._texts = <const unsigned char **>malloc((count + 1) * sizeof(char *))
        self._sizes = <size_t *>malloc((count + 1) * sizeof(size_t))
        self._groups = <Py_ssize_t *>malloc((count + 1) * sizeof(Py_ssize_t))
        if self._texts == NULL or self._sizes == NULL or self._groups == NULL:
            raise MemoryError()
        for i in range(count):
            self._texts[i] = <const unsigned char *><char *>self._encoded[i]
            self._sizes[i] = len(<bytes>self._encoded[i])
            self._groups[i] = groups[kept[i]]
        i = 0
        for b in range(257):
            while i < count and self._texts[i][0] < b:
                i += 1
            self._from[b] = i

    def __dealloc__(self):
        free(self._texts)
        free(self._sizes)
        free(self._groups)

    cdef inline Py_ssize_t find(self, const unsigned char *data, size_t size) noexcept:
        """The index of the key ``data`` (``size`` bytes, not empty) is in ASCII letters of
        any case, or -1."""
        cdef unsigned char first = lower(data[0])
        cdef Py_ssize_t i
        for i in range(self._from[first], self._from[first + 1]):
            if self._sizes[i] == size and equal_caseless(data, self._texts[i], size):
                return i
        return -1

    cdef Py_ssize_t next_key(self, ps_attr *attr, size_t *at) noexcept:
        """The index of the next token of ``attr``'s ASCII value (``_ascii``) from
        ``*at`` that is a key, lowercased, ``*at`` moved past it; -1 past the last:
        ``value.lower().split()`` read from the bytes (``_SPACE``)."""
        cdef const unsigned char *data = attr.value.data
        cdef size_t length = attr.value.length
        cdef size_t i = at[0]
        cdef size_t begin
        cdef Py_ssize_t found
        while i < length:
            while i < length and _SPACE[data[i]]:
                i += 1
            begin = i
            while i < length and not _SPACE[data[i]]:
                i += 1
            if i > begin:
                found = self.find(data + begin, i - begin)
                if found >= 0:
                    at[0] = i
                    return found
        at[0] = i
        return -1


cdef bint _stripped_is(ps_attr *attr, bytes kind) noexcept:
    """Whether ``attr``'s ASCII value (there and not empty, ``_ascii``), stripped and
    lowercased, is ``kind`` (lowercase ASCII)."""
    cdef const unsigned char *data = attr.value.data
    cdef size_t begin = 0
    cdef size_t end = attr.value.length
    while begin < end and _SPACE[data[begin]]:
        begin += 1
    while end > begin and _SPACE[data[end - 1]]:
        end -= 1
    return <size_t>len(kind) == end - begin and equal_caseless(
        data + begin, <const unsigned char *><char *>kind, end - begin
    )


cdef bytes _lowercase_ascii(str text):
    """``text`` encoded, refused unless lowercase ASCII (the values read are compared
    with it as their ASCII letters lowercased)."""
    if not text.isascii() or text.lower() != text:
        raise ValueError(f"lowercase ASCII, not {text!r}")
    return text.encode()


cdef str _text(ps_node *root):
    """``text(deep=True)``: the bytes of the text nodes below ``root``, joined, decoded."""
    return _joined(root, False, <size_t>-1)


cdef object _joined(ps_node *root, bint spaced, size_t most):
    """The bytes of the text nodes below ``root`` joined (with a space between each two
    when ``spaced``), decoded as ``text()`` decodes them; ``None`` past ``most`` bytes."""
    cdef ps_node *node = root.first_child
    cdef ps_character_data *only = NULL
    cdef ps_character_data *text
    cdef size_t total = 0
    cdef size_t count = 0
    cdef bytes joined
    cdef char *out
    while node != NULL:
        if node.type == PS_TEXT and (<ps_character_data *>node).data.data != NULL:
            text = <ps_character_data *>node
            total += text.data.length + (spaced and count > 0)
            count += 1
            only = text
            if total > most:
                return None
        node = next_in(node, root, True)
    if count == 0 or total == 0:
        return ""
    if count == 1:
        return PyUnicode_DecodeUTF8(<char *>only.data.data, only.data.length, "replace")
    joined = PyBytes_FromStringAndSize(NULL, total)
    out = PyBytes_AS_STRING(joined)
    count = 0
    node = root.first_child
    while node != NULL:
        if node.type == PS_TEXT and (<ps_character_data *>node).data.data != NULL:
            text = <ps_character_data *>node
            if spaced and count > 0:
                out[0] = 32
                out += 1
            count += 1
            memcpy(out, text.data.data, text.data.length)
            out += text.data.length
        node = next_in(node, root, True)
    return PyUnicode_DecodeUTF8(PyBytes_AS_STRING(joined), total, "replace")


cdef ps_node *_link_of(ps_node *node) noexcept:
    """The link ``node`` holds (its first, in document order) or sits in, within two
    levels above it; NULL without one."""
    cdef ps_node *inner = node.first_child
    cdef int level
    while inner != NULL:
        if inner.type == PS_ELEMENT and inner.local_name == _A:
            return inner
        inner = next_in(inner, node, True)
    inner = node.parent
    for level in range(2):
        if inner == NULL:
            break
        if inner.type == PS_ELEMENT and inner.local_name == _A:
            return inner
        inner = inner.parent
    return NULL


cdef class Metas:
    """A page's meta contents by key (``metas``: as written, cut, by lowercased key)
    and their values as text (``all``, ``first``): each key's contents unescaped once
    more when they hold a ``&`` (a CMS that escaped them twice, "PG&amp;amp;E"),
    normalized, the empty ones left out; each key's normalized once, on first use.
    ``MarkupReader.read`` fills it with the callables ``metadata_markup`` gives it
    (``normalize``, ``unescape``)."""

    cdef public dict metas
    cdef dict _normalized
    cdef object _normalize
    cdef object _unescape

    def __cinit__(self):
        self.metas = {}
        self._normalized = {}

    cdef list _texts(self, str key, list contents):
        cdef list texts = self._normalized.get(key)
        cdef list found
        if texts is not None:
            return texts
        found = []
        for content in contents:
            if "&" in <str>content:
                content = self._unescape(content)
            content = self._normalize(content)
            if content:
                found.append(content)
        self._normalized[key] = found
        return found

    def all(self, tuple keys) -> list:
        """Every value for ``keys``, key by key in the given order, as normalized text."""
        cdef list found = []
        cdef object contents
        for key in keys:
            contents = self.metas.get(key)
            if contents is not None:
                found.extend(self._texts(key, <list>contents))
        return found

    def first(self, tuple keys) -> object:
        """The first value for ``keys`` in their order, or ``None``."""
        cdef object contents
        cdef list texts
        for key in keys:
            contents = self.metas.get(key)
            if contents is not None:
                texts = self._texts(key, <list>contents)
                if texts:
                    return texts[0]
        return None


cdef class PageMarkup(Metas):
    """The metadata-bearing markup of one page, as ``MarkupReader.read`` fills it
    (``metadata_markup.Markup`` names its fields): the texts normalized, cut to the
    reader's ``max_chars`` first, the empty ones left out; ``jsonld`` and ``state``
    as written."""

    cdef public list canonical
    cdef public list amphtml
    cdef public list image_links
    cdef public list author_links
    cdef public list jsonld
    cdef public list state
    cdef public list title
    cdef public list headings
    cdef public list lang
    cdef public dict props
    cdef public list pubdates
    cdef public object base_href
    cdef public object first_h1
    cdef public list story_h1s
    cdef public list home_h1s
    cdef public list times

    def __cinit__(self):
        self.canonical = []
        self.amphtml = []
        self.image_links = []
        self.author_links = []
        self.jsonld = []
        self.state = []
        self.title = []
        self.headings = []
        self.lang = []
        self.props = {}
        self.pubdates = []
        self.story_h1s = []
        self.home_h1s = []
        self.times = []


cdef class Tags:
    """``of(values)``: the tags a declared list gives (``metadata._tags``' rules, its
    tables handed in by keyword): each value split at the ``separators`` characters
    (``max_splits`` times at most, the rest one part, as ``re.split`` splits), a part
    of more than ``max_part_chars`` characters left out, the others normalized
    (``normalize``), a label before a ``:`` removed (``unlabel``, called only on a tag
    holding one), and kept when a tag: of 2 to ``max_chars`` characters, not starting
    with one of ``internal_starts`` nor holding one of ``internal_chars``, with a letter
    (``str.isalpha``); each once (``casefold``), the first ``most`` of them."""

    cdef ucs4 _separators[4]
    cdef int _separator_count
    cdef Py_ssize_t _max_splits
    cdef Py_ssize_t _max_part
    cdef Py_ssize_t _max_chars
    cdef Py_ssize_t _most
    cdef tuple _internal_starts
    cdef str _internal_chars
    cdef object _normalize
    cdef object _unlabel

    def __init__(
        self,
        *,
        str separators,
        Py_ssize_t max_splits,
        Py_ssize_t max_part_chars,
        Py_ssize_t max_chars,
        Py_ssize_t most,
        tuple internal_starts,
        str internal_chars,
        normalize,
        unlabel,
    ):
        if not 0 < len(separators) <= 4:
            raise ValueError("one to four separators")
        for char in separators:
            self._separators[self._separator_count] = ord(char)
            self._separator_count += 1
        self._max_splits = max_splits
        self._max_part = max_part_chars
        self._max_chars = max_chars
        self._most = most
        self._internal_starts = internal_starts
        self._internal_chars = internal_chars
        self._normalize = normalize
        self._unlabel = unlabel

    cdef inline bint _separates(self, ucs4 c) noexcept:
        cdef int i
        for i in range(self._separator_count):
            if c == self._separators[i]:
                return True
        return False

    def of(self, list values) -> tuple:
        """The tags of ``values`` (texts), in their order."""
        cdef list tags = []
        cdef set seen = set()
        cdef int kind
        cdef const void *data
        cdef Py_ssize_t n
        cdef Py_ssize_t begin
        cdef Py_ssize_t end
        cdef Py_ssize_t splits
        cdef str value
        for value in values:
            kind = PyUnicode_KIND(value)
            data = PyUnicode_DATA(value)
            n = PyUnicode_GET_LENGTH(value)
            begin = 0
            splits = 0
            while True:
                end = begin
                if splits < self._max_splits:
                    while end < n and not self._separates(PyUnicode_READ(kind, data, end)):
                        end += 1
                else:
                    end = n
                if end - begin <= self._max_part and self._add(
                    PyUnicode_Substring(value, begin, end), tags, seen
                ):
                    return tuple(tags)
                if end == n:
                    break
                begin = end + 1
                splits += 1
        return tuple(tags)

    cdef bint _add(self, str part, list tags, set seen) except -1:
        """Adds ``part`` as a tag when it is one and new; whether ``most`` are found."""
        cdef str tag = self._normalize(part)
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(tag)
        if ":" in tag:
            tag = self._unlabel(tag)
            n = PyUnicode_GET_LENGTH(tag)
        if not 1 < n <= self._max_chars or tag.startswith(self._internal_starts):
            return False
        for char in self._internal_chars:
            if char in tag:
                return False
        if not _has_letter(tag, n):
            return False
        key = tag.casefold()
        if key in seen:
            return False
        seen.add(key)
        tags.append(tag)
        return len(tags) == self._most


cdef bint _has_letter(str text, Py_ssize_t n) noexcept:
    """Whether a character of ``text`` is a letter (``str.isalpha``)."""
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    cdef Py_ssize_t i
    for i in range(n):
        if Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, i)):
            return True
    return False


cdef class MarkupReader:
    """Reads the markup of a page in one walk (``read``), grouping its values by the
    tables given here:

    - ``meta_names``: the attributes whose values (lowercased, split at whitespace)
      key a meta's ``content``, cut to ``max_chars`` characters;
    - ``meta_keys``: the keys whose contents are read (lowercase); a meta of no such
      key is not decoded;
    - ``link_rels``: groups of ``rel`` values, most wanted first (the canonical's,
      the AMP copy's, an image's); a ``<link>``'s ``href`` goes to the first group one
      of its ``rel`` tokens (lowercased) is in;
    - ``script_types``: the ``type`` values (stripped, lowercased) whose scripts'
      texts are read, one list each (JSON-LD's, a page state's);
    - ``lang_names``: the attributes of ``<html>`` giving its language, the first
      that is not empty read;
    - ``svg_tags``: the tags of which an ancestor, within ``svg_levels`` levels, makes
      a ``<title>`` an icon's, not read;
    - ``max_times``: how many ``<time datetime>`` elements (without ``pubdate``) are
      kept;
    - ``props``: the ``itemprop`` names (lowercased) whose elements are read;
    - ``max_title_chars``: the longest h1 text kept, ``max_h1s`` how many;
    - ``links_home``: whether a link's ``href`` (or ``None``) leads to a home page;
    - ``normalize``, ``unescape``: a text's normal form, and a meta content's
      unescaping (``Metas``).
    """

    cdef tuple _meta_names
    cdef frozenset _meta_keys
    cdef _Keys _meta_table
    cdef tuple _link_rels
    cdef _Keys _rel_table  # a rel's group: the first it is in
    cdef tuple _script_types
    cdef tuple _script_kinds
    cdef tuple _lang_names
    cdef tuple _svg_tags
    cdef int _svg_levels
    cdef Py_ssize_t _max_chars
    cdef Py_ssize_t _max_times
    cdef frozenset _props
    cdef _Keys _prop_table
    cdef object _normalize
    cdef object _unescape
    cdef Py_ssize_t _max_title
    cdef Py_ssize_t _max_h1s
    cdef object _links_home

    def __init__(
        self,
        tuple meta_names,
        frozenset meta_keys,
        tuple link_rels,
        tuple script_types,
        tuple lang_names,
        tuple svg_tags,
        int svg_levels,
        Py_ssize_t max_chars,
        Py_ssize_t max_times,
        tuple props,
        *,
        Py_ssize_t max_title_chars,
        Py_ssize_t max_h1s,
        links_home,
        normalize,
        unescape,
    ):
        self._normalize = normalize
        self._unescape = unescape
        self._max_title = max_title_chars
        self._max_h1s = max_h1s
        self._links_home = links_home
        if len(link_rels) != 3 or len(script_types) != 2:
            raise ValueError("three groups of rels and two script types")
        self._meta_names = tuple(_Name.attribute(name) for name in meta_names)
        self._meta_keys = meta_keys
        self._meta_table = _Keys(dict.fromkeys(meta_keys, 0))
        self._link_rels = tuple(frozenset(group) for group in link_rels)
        self._rel_table = _Keys(
            {rel: i for i, group in reversed(list(enumerate(link_rels))) for rel in group}
        )
        self._script_types = tuple(str(kind) for kind in script_types)
        self._script_kinds = tuple(_lowercase_ascii(kind) for kind in self._script_types)
        self._lang_names = tuple(_Name.attribute(name) for name in lang_names)
        self._svg_tags = tuple(_Name.tag(name) for name in svg_tags)
        self._svg_levels = svg_levels
        self._max_chars = max_chars
        self._max_times = max_times
        self._props = frozenset(props)
        self._prop_table = _Keys(dict.fromkeys(props, 0))

    def read(self, root: LexborNode, PageMarkup into not None) -> None:
        """Fills ``into`` from ``root``'s subtree (``root`` included), each list in
        document order:

        - ``metas``: the contents by key (of ``meta_keys``), as written, cut; read as
          text with the ``normalize`` and ``unescape`` given here;
        - ``canonical``, ``amphtml``, ``image_links``: the ``href`` of the links of
          each group of ``link_rels``; ``jsonld``, ``state``: the texts of the scripts
          of each type; ``lang``: each ``<html>``'s language; ``title``: the first
          ``<title>`` not in an icon whose text is not empty; ``pubdates``: the
          ``datetime`` of each ``<time pubdate>``; ``times``: the first ``max_times``
          other ``<time>`` elements with a ``datetime``; ``base_href``: the first
          ``<base href>``'s (``""`` when empty), or ``None``;
        - ``headings``: the texts (``text(separator=" ")``) of the first ``max_h1s``
          h1s whose text is not empty nor over ``max_title_chars``; ``first_h1`` the
          first of them, ``story_h1s`` those (text, node) that hold no link nor sit in
          one within two levels, ``home_h1s`` the texts of the others whose link
          ``links_home``;
        - ``author_links``: the texts of the ``a[rel~="author"]`` links (as Lexbor's
          selectors match them) whose ``rel`` as written names ``author``; ``props``:
          by each ``itemprop`` name of ``props`` an element holds (its value lowercased,
          split at whitespace; not a meta's nor a script's), the elements' values: the
          ``content`` or ``datetime``, a person's ``itemprop="name"``, or the text;
          none when the headlines are more than one (a list of stories)."""
        cdef ps_node *top = c_node(root)
        cdef ps_node *node = top
        cdef object parser = root.parser
        cdef uintptr_t tag
        cdef dict metas = {}
        cdef list links = [[] for _ in self._link_rels]
        cdef list scripts = [[] for _ in self._script_types]
        cdef list langs = []
        cdef list pubdates = []
        cdef list times = []
        cdef object base_href = None
        cdef object text
        cdef ps_attr *attr
        while node != NULL:
            if node.type != PS_ELEMENT:
                node = next_in(node, top, False)
                continue
            tag = node.local_name
            if tag >= TAG_LAST_ENTRY or not _READ[tag]:
                pass  # most elements: none of the tags read
            elif tag == _META:
                self._read_meta(node, metas)
            elif tag == _LINK:
                self._read_link(node, links)
            elif tag == _SCRIPT:
                self._read_script(node, scripts)
            elif tag == _H1:
                if len(into.headings) < self._max_h1s:
                    self._read_h1(node, into, parser)
            elif tag == _TIME:
                attr = _attribute(node, &_PUBDATE)
                if attr != NULL:
                    pubdates.append(_value(node, &_DATETIME))
                elif len(times) < self._max_times and _filled(_attribute(node, &_DATETIME)):
                    times.append(wrap(node, parser))
            elif tag == _TITLE:
                if not into.title and not self._in_svg(node):
                    text = self._text_of(_text(node))
                    if text:
                        into.title = [text]
            elif tag == _HTML:
                langs.append(self._lang(node))
            elif tag == _BASE:
                attr = _attribute(node, &_HREF)
                if base_href is None and attr != NULL:
                    base_href = _decoded(attr) or ""
            if (<ps_element *>node).first_attr != NULL and tag != _META and tag != _SCRIPT:
                attr = _local_attribute(node, &_ITEMPROP)
                if (attr != NULL or tag == _A) and self._marked(node, attr):
                    self._read_marked(node, into, parser)
            node = next_in(node, top, True)
        into.metas = metas
        into._normalize = self._normalize
        into._unescape = self._unescape
        into.canonical = self._texts(links[0])
        into.amphtml = self._texts(links[1])
        into.image_links = self._texts(links[2])
        into.jsonld = scripts[0]
        into.state = scripts[1]
        into.lang = self._texts(langs)
        into.pubdates = self._texts(pubdates)
        into.times = times
        into.base_href = base_href
        if len(set(into.props.get("headline", ()))) > 1:
            # Several items with headlines: a list of stories, whose first item's
            # headline, author and time are not the page's.
            into.props.clear()

    cdef object _text_of(self, object value):
        """``value`` (a text or ``None``) cut and normalized; ``None`` or "" as it is."""
        if not value:
            return value
        if len(<str>value) > self._max_chars:
            value = (<str>value)[: self._max_chars]
        return self._normalize(value)

    cdef list _texts(self, list values):
        """The values that are not empty once cut and normalized, so."""
        cdef list texts = []
        for value in values:
            value = self._text_of(value)
            if value:
                texts.append(value)
        return texts

    cdef void _read_h1(self, ps_node *node, PageMarkup into, object parser) except *:
        cdef ps_node *link = _link_of(node)
        cdef object text = self._text_of(_joined(node, True, <size_t>-1))
        if not text or len(<str>text) > self._max_title:
            return
        into.headings.append(text)
        heading = wrap(node, parser)
        if into.first_h1 is None:
            into.first_h1 = heading
        if link == NULL:
            into.story_h1s.append((text, heading))
        elif self._links_home(_value(link, &_HREF)):
            into.home_h1s.append(text)

    cdef void _read_marked(self, ps_node *node, PageMarkup into, object parser) except *:
        """What an author's link or an element with ``itemprop`` gives: the link's
        text when its ``rel`` as written names ``author``, and the element's value for
        each name of ``props`` its ``itemprop`` as written holds."""
        cdef object value
        if node.local_name == _A:
            value = _value(node, &_REL)
            if value and "author" in (<str>value).lower().split():
                value = self._text_of(_joined(node, True, <size_t>-1))
                if value:
                    into.author_links.append(value)
        value = _value(node, &_ITEMPROP)
        if not value:
            return
        for prop in (<str>value).lower().split():
            if prop in self._props:
                found = into.props.setdefault(prop, [])
                value = self._text_of(self._prop_value(node, prop, parser))
                if value:
                    (<list>found).append(value)

    cdef object _prop_value(self, ps_node *node, str prop, object parser):
        cdef object value = _value(node, &_CONTENT)
        if value:
            return value
        value = _value(node, &_DATETIME)
        if value:
            return value
        if prop == "author" and _attribute(node, &_ITEMSCOPE) != NULL:
            named = _PERSON_NAME.first(wrap(node, parser))
            if named is not None:
                return named.attributes.get("content") or named.text(deep=True, separator=" ")
        return _joined(node, True, <size_t>-1)

    cdef void _read_meta(self, ps_node *node, dict metas) except *:
        cdef ps_attr *attr = _attribute(node, &_CONTENT)
        cdef ps_attr *named
        cdef _Name name
        cdef object content = None
        cdef size_t at
        cdef Py_ssize_t found
        if not _filled(attr):
            return
        for name in self._meta_names:
            named = _attribute(node, &name.c)
            if not _filled(named):
                continue
            if _ascii(named):  # itemprop and RDFa allow lists
                at = 0
                found = self._meta_table.next_key(named, &at)
                while found >= 0:
                    content = self._add_meta(metas, self._meta_table._keys[found], attr, content)
                    found = self._meta_table.next_key(named, &at)
            else:
                for key in _decoded(named).lower().split():
                    if key in self._meta_keys:
                        content = self._add_meta(metas, key, attr, content)

    cdef object _add_meta(self, dict metas, object key, ps_attr *content, object text):
        """Adds the meta's ``content`` to ``metas`` under ``key`` and gives it as text:
        ``text`` when decoded already (for a key before), else decoded and cut here."""
        if text is None:
            text = _decoded(content)
            if len(text) > self._max_chars:
                text = text[: self._max_chars]
        found = metas.get(key)
        if found is None:
            metas[key] = [text]
        else:
            (<list>found).append(text)
        return text

    cdef void _read_link(self, ps_node *node, list links) except *:
        cdef ps_attr *attr = _attribute(node, &_REL)
        cdef Py_ssize_t i
        cdef Py_ssize_t found
        cdef Py_ssize_t first = -1
        cdef size_t at = 0
        if not _filled(attr):
            return
        if _ascii(attr):  # the first group any of its rels is in
            found = self._rel_table.next_key(attr, &at)
            while found >= 0:
                if first < 0 or self._rel_table._groups[found] < first:
                    first = self._rel_table._groups[found]
                found = self._rel_table.next_key(attr, &at)
            if first >= 0:
                (<list>links[first]).append(_value(node, &_HREF))
            return
        rels = _decoded(attr).lower().split()
        for i in range(len(self._link_rels)):
            group = <frozenset>self._link_rels[i]
            for rel in rels:
                if rel in group:
                    (<list>links[i]).append(_value(node, &_HREF))
                    return

    cdef void _read_script(self, ps_node *node, list scripts) except *:
        cdef ps_attr *attr = _attribute(node, &_TYPE)
        cdef Py_ssize_t i
        if not _filled(attr):
            return
        if _ascii(attr):
            for i in range(len(self._script_kinds)):
                if _stripped_is(attr, <bytes>self._script_kinds[i]):
                    (<list>scripts[i]).append(_text(node))
                    return
            return
        kind = _decoded(attr).strip().lower()
        for i in range(len(self._script_types)):
            if kind == self._script_types[i]:
                (<list>scripts[i]).append(_text(node))
                return

    cdef object _lang(self, ps_node *node):
        cdef _Name name
        cdef ps_attr *attr
        for name in self._lang_names:
            attr = _attribute(node, &name.c)
            if _filled(attr):
                return _decoded(attr)
        return None

    cdef bint _in_svg(self, ps_node *node) noexcept:
        cdef _Name name
        cdef int level
        node = node.parent
        for level in range(self._svg_levels):
            if node == NULL:
                return False
            for name in self._svg_tags:
                if name.names(node.local_name):
                    return True
            node = node.parent
        return False

    cdef bint _marked(self, ps_node *node, ps_attr *attr) except -1:
        """``a[rel~="author"]`` as Lexbor's selectors match it (the attribute by its
        local name, ``rel``'s value without regard to ASCII case on an HTML element of
        an HTML document), or an ``itemprop`` (``attr``, the first of the local name,
        or NULL) naming one of ``props``: the others give nothing."""
        cdef bint caseless
        cdef size_t at = 0
        if _filled(attr):  # a list of names
            if _ascii(attr):
                if self._prop_table.next_key(attr, &at) >= 0:
                    return True
            else:
                for prop in _decoded(attr).lower().split():
                    if prop in self._props:
                        return True
        if node.local_name != _A:
            return False
        attr = _local_attribute(node, &_REL)
        if attr == NULL or attr.value == NULL:
            return False
        caseless = node.ns == HTML_NAMESPACE and node.owner_document.type == HTML_DOCUMENT
        return has_token(
            attr.value.data, attr.value.length, <const unsigned char *><char *>_AUTHOR, len(_AUTHOR), caseless
        )


cdef enum:
    _MAX_NAMED = 32  # names, attributes or tags of one NamedElements
    _MAX_LEVELS = 64  # ancestors of a heading NearHeading reads


cdef class NamedElements:
    """The elements of one of ``tags``, or one of whose ``attributes`` holds one of
    ``names`` (lowercase ASCII), without regard to ASCII case: what the selectors
    ``tag, [attribute*="name" i], ...`` match, as Lexbor matches them (the first
    attribute of the local name, its value's ASCII letters folded), with each value
    read once for every name."""

    cdef tuple _keep  # the objects the arrays below point into
    cdef const unsigned char *_names[_MAX_NAMED]
    cdef size_t _sizes[_MAX_NAMED]
    cdef int _count
    cdef unsigned char _first[256]  # whether a name starts with the byte
    cdef uintptr_t _attributes[_MAX_NAMED]
    cdef const unsigned char *_attribute_names[_MAX_NAMED]
    cdef size_t _attribute_sizes[_MAX_NAMED]
    cdef int _attribute_count
    cdef uintptr_t _tags[_MAX_NAMED]
    cdef const unsigned char *_tag_names[_MAX_NAMED]
    cdef size_t _tag_sizes[_MAX_NAMED]
    cdef int _tag_count

    def __init__(self, tuple names, tuple attributes, tuple tags):
        cdef _Name name
        cdef int i
        if max(len(names), len(attributes), len(tags)) > _MAX_NAMED:
            raise ValueError(f"at most {_MAX_NAMED} names, attributes and tags")
        for text in names:
            if not text or not text.isascii() or text.lower() != text:
                raise ValueError(f"a name is lowercase ASCII, not {text!r}")
        encoded = tuple(text.encode() for text in names)
        attribute_names = tuple(_Name.attribute(text) for text in attributes)
        tag_names = tuple(_Name.tag(text) for text in tags)
        self._keep = (encoded, attribute_names, tag_names)
        memset(self._first, 0, sizeof(self._first))
        for i, part in enumerate(encoded):
            self._names[i] = <const unsigned char *><char *>part
            self._sizes[i] = len(<bytes>part)
            self._first[self._names[i][0]] = 1
        self._count = len(encoded)
        for i, name in enumerate(attribute_names):
            self._attributes[i] = name.c.id
            self._attribute_names[i] = <const unsigned char *><char *>name.text
            self._attribute_sizes[i] = len(name.text)
        self._attribute_count = len(attribute_names)
        for i, name in enumerate(tag_names):
            self._tags[i] = name.c.id
            self._tag_names[i] = <const unsigned char *><char *>name.text
            self._tag_sizes[i] = len(name.text)
        self._tag_count = len(tag_names)

    cdef bint _holds_name(self, const unsigned char *data, size_t length) noexcept nogil:
        cdef size_t i
        cdef int k
        cdef unsigned char c
        for i in range(length):
            c = lower(data[i])
            if not self._first[c]:
                continue
            for k in range(self._count):
                if (
                    self._names[k][0] == c
                    and length - i >= self._sizes[k]
                    and equal_caseless(data + i, self._names[k], self._sizes[k])
                ):
                    return True
        return False

    cdef bint matches(self, ps_node *node) noexcept nogil:
        cdef ps_attr *attr
        cdef int k
        cdef uintptr_t id = node.local_name
        cdef unsigned int seen = 0
        for k in range(self._tag_count):
            if self._tags[k] < TAG_LAST_ENTRY:
                if id == self._tags[k]:
                    return True
            elif entry_named(id, TAG_LAST_ENTRY, self._tag_names[k], self._tag_sizes[k]):
                return True
        attr = (<ps_element *>node).first_attr
        while attr != NULL:
            id = attr.node.local_name
            for k in range(self._attribute_count):
                if seen >> k & 1:
                    continue
                if self._attributes[k] < PS_ATTR_LAST_ENTRY:
                    if id != self._attributes[k]:
                        continue
                elif not entry_named(
                    id, PS_ATTR_LAST_ENTRY, self._attribute_names[k], self._attribute_sizes[k]
                ):
                    continue
                seen |= (<unsigned int>1) << k  # the first attribute of the name is the one read
                if (
                    attr.value != NULL
                    and attr.value.data != NULL
                    and self._holds_name(attr.value.data, attr.value.length)
                ):
                    return True
            attr = attr.next
        return False

    def find(self, root: LexborNode) -> list:
        """The matches in ``root``'s subtree (``root`` included), in document order."""
        cdef ps_node *top = c_node(root)
        cdef ps_node *node = start(top)
        cdef list found = []
        while node != NULL:
            if node.type == PS_ELEMENT:
                if self.matches(node):
                    found.append(wrap(node, root.parser))
                node = next_in(node, top, True)
            else:
                node = next_in(node, top, False)
        return found


cdef struct _Match:
    ps_node *node
    int level
    bint wrapper


cdef class NearHeading:
    """The elements beside a heading: ``find(heading, named)`` gives the matches of
    ``named`` in the heading's parent, then in each ancestor up to ``levels`` levels
    above it, short of the ancestors of ``too_wide`` tags (the page, its body), each
    at the level of the nearest of those ancestors that holds it, nearest first,
    each level in document order; innermost matches only: a match holding another
    match, or an element of ``heading_tags`` (itself one included), is left out."""

    cdef int _levels
    cdef NamedElements _too_wide
    cdef NamedElements _heading_tags
    cdef ps_node **_path
    cdef Py_ssize_t *_on_path  # the index in the matches of each node of the path, or -1
    cdef bint *_holds  # whether the node of the path holds a heading
    cdef size_t _depth
    cdef _Match *_matches
    cdef size_t _room

    def __init__(self, int levels, tuple too_wide, tuple heading_tags):
        if not 0 < levels <= _MAX_LEVELS:
            raise ValueError(f"from 1 to {_MAX_LEVELS} levels")
        self._levels = levels
        self._too_wide = NamedElements((), (), too_wide)
        self._heading_tags = NamedElements((), (), heading_tags)

    def __dealloc__(self):
        free(self._path)
        free(self._on_path)
        free(self._holds)
        free(self._matches)

    cdef int _deepen(self, size_t depth) except -1:
        if depth < self._depth:
            return 0
        self._depth = 2 * depth + 16
        self._path = <ps_node **>realloc(self._path, self._depth * sizeof(ps_node *))
        self._on_path = <Py_ssize_t *>realloc(self._on_path, self._depth * sizeof(Py_ssize_t))
        self._holds = <bint *>realloc(self._holds, self._depth * sizeof(bint))
        if self._path == NULL or self._on_path == NULL or self._holds == NULL:
            self._depth = 0
            raise MemoryError()
        return 0

    cdef int _add(self, size_t count, ps_node *node) except -1:
        if count == self._room:
            self._room = 2 * count + 16
            self._matches = <_Match *>realloc(self._matches, self._room * sizeof(_Match))
            if self._matches == NULL:
                self._room = 0
                raise MemoryError()
        self._matches[count].node = node
        self._matches[count].level = -1
        self._matches[count].wrapper = False
        return 0

    def find(self, heading: LexborNode, NamedElements named) -> list:
        cdef ps_node *near[_MAX_LEVELS]
        cdef int count = 0
        cdef int level, k
        cdef ps_node *node = c_node(heading).parent
        cdef ps_node *top
        cdef size_t depth = 0
        cdef size_t found = 0
        cdef size_t i
        cdef Py_ssize_t j
        cdef bint below
        cdef list result = []
        cdef object parser = heading.parser
        while node != NULL and count < self._levels:
            if node.type == PS_ELEMENT and self._too_wide.matches(node):
                break
            near[count] = node
            count += 1
            node = node.parent
        if count == 0:
            return result
        top = near[count - 1]
        node = top
        self._deepen(0)
        self._path[0] = top
        while True:
            self._on_path[depth] = -1
            self._holds[depth] = False
            if node.type == PS_ELEMENT:
                if named.matches(node):
                    self._add(found, node)
                    self._on_path[depth] = found
                    # The level of the nearest ancestor beside the heading holding it (or
                    # its own); the matches climbed past on the way hold it.
                    for j in range(<Py_ssize_t>depth, -1, -1):
                        for level in range(count):
                            if near[level] == self._path[j]:
                                break
                        else:
                            continue
                        self._matches[found].level = level
                        for k in range(j, <int>depth):
                            if self._on_path[k] >= 0:
                                self._matches[self._on_path[k]].wrapper = True
                        break
                    found += 1
                if self._heading_tags.matches(node):  # it and its ancestors hold a heading
                    for j in range(<Py_ssize_t>depth, -1, -1):
                        if self._holds[j]:
                            break
                        self._holds[j] = True
                        if self._on_path[j] >= 0:
                            self._matches[self._on_path[j]].wrapper = True
            # Into elements' children (and a document's, when the heading's ancestors
            # reach it), as a query walks them.
            if node.first_child != NULL and (node.type == PS_ELEMENT or node == top):
                node = node.first_child
                depth += 1
                self._deepen(depth)
            else:
                while node != top and node.next == NULL:
                    node = node.parent
                    depth -= 1
                if node == top:
                    break
                node = node.next
            self._path[depth] = node
        # An ancestor beside the heading holding a match of a nearer level holds it.
        below = False
        for level in range(count):
            for i in range(found):
                if self._matches[i].node == near[level] and below:
                    self._matches[i].wrapper = True
            for i in range(found):
                if self._matches[i].level == level:
                    below = True
                    break
        for level in range(count):
            for i in range(found):
                if self._matches[i].level == level and not self._matches[i].wrapper:
                    result.append(wrap(self._matches[i].node, parser))
        return result


def holding(root: LexborNode, bytes probe) -> list:
    """The elements of ``root``'s subtree (``root`` included), in document order, one of
    whose own text nodes holds ``probe`` (UTF-8, not empty), ASCII letters compared
    without case: what ``root.css(':lexbor-contains("probe" i)')`` finds (Lexbor's
    ``lxb_selectors_pseudo_class_function`` reads each child text node apart), without
    the selector engine's work at every element."""
    cdef ps_node *top = c_node(root)
    cdef ps_node *node = start(top)
    cdef ps_node *child
    cdef ps_character_data *text
    cdef const unsigned char *wanted = <const unsigned char *><char *>probe
    cdef size_t size = len(probe)
    cdef unsigned char opening
    cdef size_t i
    cdef list found = []
    if size == 0:
        raise ValueError("an empty probe")
    opening = lower(wanted[0])
    while node != NULL:
        if node.type != PS_ELEMENT:
            node = next_in(node, top, False)
            continue
        child = node.first_child
        while child != NULL:
            if child.type == PS_TEXT and (<ps_character_data *>child).data.data != NULL:
                text = <ps_character_data *>child
                if text.data.length >= size and _holds(text.data.data, text.data.length, wanted, size, opening):
                    found.append(wrap(node, root.parser))
                    break
            child = child.next
        node = next_in(node, top, True)
    return found


def spaced_text(node: LexborNode, size_t most) -> object:
    """``node.text(deep=True, separator=" ")`` when its text nodes and the spaces
    between them come to ``most`` bytes or fewer, else ``None``, read no further: a
    text longer than its bound in characters is longer than four times the bound in
    bytes (a character is one to four bytes, a byte that is not UTF-8 one
    replacement character), and an element whose text is that long is not read
    whole to be measured."""
    return _joined(c_node(node), True, most)


def links_ending(root: LexborNode, str segment) -> list:
    """The ``(href, node)`` of the links ``a[href]`` in ``root``'s subtree, in document
    order, whose ``href`` (as ``attributes`` reads it) may end in the path segment
    ``segment`` (casefolded, unescaped): its last segment, without query or fragment
    and trailing slashes, is ``segment`` in ASCII letters of any case, or holds a
    ``%`` or a byte past ASCII, which only ``str`` reads. The caller compares the
    segments; the others are not decoded nor wrapped."""
    cdef ps_node *top = c_node(root)
    cdef ps_node *node = start(top)
    cdef ps_attr *attr
    cdef bytes wanted = segment.encode() if segment.isascii() else None
    cdef const unsigned char *data
    cdef size_t end, begin, i
    cdef bint plain
    cdef list found = []
    while node != NULL:
        if node.type != PS_ELEMENT:
            node = next_in(node, top, False)
            continue
        if node.local_name == _A and _local_attribute(node, &_HREF) != NULL:
            attr = _attribute(node, &_HREF)
            if _filled(attr):
                data = attr.value.data
                end = 0
                while end < attr.value.length and data[end] != 35:  # "#"
                    end += 1
                i = 0
                while i < end and data[i] != 63:  # "?"
                    i += 1
                end = i
                while end > 0 and data[end - 1] == 47:  # "/"
                    end -= 1
                begin = end
                while begin > 0 and data[begin - 1] != 47:
                    begin -= 1
                plain = True
                for i in range(begin, end):
                    if data[i] == 37 or data[i] >= 0x80:  # "%", past ASCII
                        plain = False
                        break
                if not plain or (
                    wanted is not None
                    and end - begin == <size_t>len(wanted)
                    and equal_caseless(data + begin, <const unsigned char *><char *>wanted, end - begin)
                ):
                    found.append((_decoded(attr), wrap(node, root.parser)))
        node = next_in(node, top, True)
    return found


cdef inline bint _holds(
    const unsigned char *data, size_t length, const unsigned char *wanted, size_t size, unsigned char opening
) noexcept nogil:
    """Whether ``data`` holds ``wanted`` (``opening`` its first byte lowercased), ASCII
    letters compared without case (``lexbor_str_data_ncasecmp_contain``)."""
    cdef size_t i
    for i in range(length - size + 1):
        if lower(data[i]) == opening and equal_caseless(data + i, wanted, size):
            return True
    return False



cdef inline bint _content(ps_node *node) noexcept nogil:
    """A text or an element, not a comment (what ``tag`` names ``-text`` or a tag)."""
    return node.local_name == TAG_TEXT or node.type == PS_ELEMENT


cdef size_t _put_run(ps_node *first, ps_node *last, char *out) noexcept:
    """The bytes of ``" ".join(texts)`` over the texts and elements from ``first`` to
    its later sibling ``last``: a text's own bytes, an element's text nodes below
    joined by a space (``text(deep=True, separator=" ")``); written to ``out``
    unless NULL; their count."""
    cdef size_t total = 0
    cdef size_t items = 0
    cdef size_t texts
    cdef ps_node *node = first
    cdef ps_node *inner
    cdef ps_character_data *text
    while True:
        if _content(node):
            if items:
                if out != NULL:
                    out[total] = 32
                total += 1
            items += 1
            inner = node
            texts = 0
            while inner != NULL:
                text = <ps_character_data *>inner
                if inner.local_name == TAG_TEXT and text.data.data != NULL:
                    if texts:
                        if out != NULL:
                            out[total] = 32
                        total += 1
                    texts += 1
                    if out != NULL:
                        memcpy(out + total, text.data.data, text.data.length)
                    total += text.data.length
                inner = next_in(inner, node, True)
        if node == last:
            return total
        node = node.next


cdef class ShownLine:
    """A line of text after (or before) the headline: its text normalized, and the
    nodes it is read from (a block alone, or a run of texts and inline elements,
    siblings), made into node objects only when asked for."""

    cdef readonly str text
    cdef ps_node *_first
    cdef ps_node *_last
    cdef object _parser

    @property
    def nodes(self) -> tuple:
        cdef ps_node *node = self._first
        cdef list nodes = []
        while True:
            if _content(node):
                nodes.append(wrap(node, self._parser))
            if node == self._last:
                return tuple(nodes)
            node = node.next


cdef enum:
    _BLOCK = 1
    _SKIPPED = 2
    _STOP = 4
    _MOST_DEPTH = 32


cdef class LineWalk:
    """The text lines beside a headline, as ``metadata_lines`` reads them: each block
    element (``blocks``) starts a line, the texts and inline elements between them
    are joined into one, ``skipped`` elements are not read, and an element nested
    ``max_depth`` blocks deep is read as one line. ``after(heading)`` gives the lines
    that follow the headline in page order, one at a time: those after the outermost
    element holding nothing but it (``wrapped``), then after its ancestors, ``levels``
    of them in all, never past a ``stop`` element. A line's text is ``normalize`` of
    its texts joined by spaces, as ``text(deep=True, separator=" ")`` gives them; a
    line whose text is empty is none."""

    cdef unsigned char _kinds[TAG_LAST_ENTRY]
    cdef ps_spaces _spaces
    cdef int _levels
    cdef int _max_depth
    cdef object _normalize

    def __init__(
        self,
        *,
        blocks: frozenset,
        skipped: frozenset,
        stop: frozenset,
        levels: int,
        max_depth: int,
        spaces: str,
        normalize,
    ):
        if not 0 < max_depth <= _MOST_DEPTH:
            raise ValueError(f"a depth of 1 to {_MOST_DEPTH}, not {max_depth}")
        memset(self._kinds, 0, sizeof(self._kinds))
        for names, kind in ((blocks, _BLOCK), (skipped, _SKIPPED), (stop, _STOP)):
            for name in names:
                if name.startswith("-"):
                    raise ValueError(f"not an element's tag: {name!r}")
                self._kinds[tag_id(name)] |= kind
        set_spaces(&self._spaces, spaces)
        self._levels = levels
        self._max_depth = max_depth
        self._normalize = normalize

    cdef inline unsigned char _kind(self, ps_node *node) noexcept:
        if node.type != PS_ELEMENT or node.local_name >= TAG_LAST_ENTRY:
            return 0
        return self._kinds[node.local_name]

    cdef bint _other_content(self, ps_node *parent, ps_node *child) noexcept:
        """Whether ``parent`` holds an element or a text not all spaces beside ``child``."""
        cdef ps_node *node = parent.first_child
        cdef ps_character_data *text
        while node != NULL:
            if node != child:
                if node.type == PS_ELEMENT:
                    return True
                text = <ps_character_data *>node
                if (
                    node.local_name == TAG_TEXT
                    and text.data.data != NULL
                    and not all_spaces(&self._spaces, text.data.data, text.data.length)
                ):
                    return True
            node = node.next
        return False

    cdef ps_node *_wrapped(self, ps_node *heading) noexcept:
        cdef ps_node *node = heading
        cdef ps_node *parent
        cdef int i
        for i in range(self._max_depth):
            parent = node.parent
            if parent == NULL or self._kind(parent) & _STOP or self._other_content(parent, node):
                break
            node = parent
        return node

    def wrapped(self, heading: LexborNode) -> LexborNode:
        """The outermost element holding nothing but ``heading`` (within ``max_depth``
        levels, below a ``stop`` element), or ``heading``."""
        return wrap(self._wrapped(c_node(heading)), heading.parser)

    cdef ShownLine _line(self, ps_node *first, ps_node *last, object parser):
        """The line of the nodes from ``first`` to ``last``; None when its text is empty."""
        cdef size_t size = _put_run(first, last, NULL)
        cdef bytes joined
        cdef str text
        cdef ShownLine line
        if size == 0:
            return None
        joined = PyBytes_FromStringAndSize(NULL, size)
        _put_run(first, last, PyBytes_AS_STRING(joined))
        text = self._normalize(PyUnicode_DecodeUTF8(PyBytes_AS_STRING(joined), size, "replace"))
        if not text:
            return None
        line = ShownLine.__new__(ShownLine)
        line.text = text
        line._first = first
        line._last = last
        line._parser = parser
        return line

    cdef bint _leaf(self, ps_node *node, int depth) noexcept:
        """Whether ``node`` is read as one line: too deep, or holding no block."""
        cdef ps_node *child
        if depth >= self._max_depth:
            return True
        child = node.first_child
        while child != NULL:
            if self._kind(child) & _BLOCK:
                return False
            child = child.next
        return True

    def after(self, heading: LexborNode) -> Lines:
        """The lines that follow ``heading`` in page order, read as they are asked for."""
        cdef Lines lines = Lines.__new__(Lines)
        lines._walk = self
        lines._parser = heading.parser
        lines._climb = self._wrapped(c_node(heading))
        lines._levels = self._levels
        lines._top = -1
        if lines._levels <= 0 or self._kind(lines._climb) & _STOP:
            lines._climb = NULL
        else:
            lines._sibling = lines._climb.next
        return lines

    def of(self, node: LexborNode) -> list:
        """The lines of the element ``node``, in page order."""
        cdef Lines lines = Lines.__new__(Lines)
        lines._walk = self
        lines._parser = node.parser
        lines._top = -1
        lines._pending = c_node(node)
        return list(lines)


cdef class Lines:
    """The lines ``LineWalk.after`` gives, walked on at each ``next``: the element
    being opened, the blocks open with the next child of each, the run of texts and
    inline elements gathered, the next sibling of the element climbed from."""

    cdef LineWalk _walk
    cdef object _parser
    cdef ps_node *_climb
    cdef ps_node *_sibling
    cdef int _levels
    cdef ps_node *_pending
    cdef int _pending_depth
    cdef ps_node *_cursor[_MOST_DEPTH]
    cdef int _depths[_MOST_DEPTH]
    cdef int _top
    cdef ps_node *_run_first
    cdef ps_node *_run_last

    def __iter__(self):
        return self

    cdef ShownLine _flush(self):
        cdef ShownLine line = None
        if self._run_first != NULL:
            line = self._walk._line(self._run_first, self._run_last, self._parser)
            self._run_first = self._run_last = NULL
        return line

    def __next__(self) -> ShownLine:
        cdef LineWalk walk = self._walk
        cdef ps_node *node
        cdef ShownLine line
        cdef int depth
        while True:
            if self._pending != NULL:
                node, depth = self._pending, self._pending_depth
                self._pending = NULL
                if walk._kind(node) & _SKIPPED:
                    continue
                if walk._leaf(node, depth):
                    line = walk._line(node, node, self._parser)
                    if line is not None:
                        return line
                    continue
                self._top += 1
                self._cursor[self._top] = node.first_child
                self._depths[self._top] = depth
                continue
            if self._top >= 0:
                node = self._cursor[self._top]
                if node == NULL:
                    self._top -= 1
                    line = self._flush()
                    if line is not None:
                        return line
                    continue
                self._cursor[self._top] = node.next
                if walk._kind(node) & (_BLOCK | _SKIPPED):
                    self._pending = node
                    self._pending_depth = self._depths[self._top] + 1
                    line = self._flush()
                    if line is not None:
                        return line
                elif _content(node):
                    if self._run_first == NULL:
                        self._run_first = node
                    self._run_last = node
                continue
            if self._sibling != NULL:
                node = self._sibling
                self._sibling = node.next
                if node.type == PS_ELEMENT:
                    self._pending = node
                    self._pending_depth = 0
                continue
            if self._climb == NULL:
                raise StopIteration
            self._levels -= 1
            self._climb = self._climb.parent
            if self._levels <= 0 or self._climb == NULL or walk._kind(self._climb) & _STOP:
                self._climb = NULL
                raise StopIteration
            self._sibling = self._climb.next


def _check_names() -> None:
    """Refuses to load (``ImportError``) unless an attribute's name as written is read
    where ``attributes`` reads it: SVG's ``xlink:href`` has the local name ``href``."""
    link = LexborHTMLParser('<svg><a xlink:href="q" href="h"></a></svg>').css_first("a")
    cdef ps_node *node = c_node(link)
    if not (
        link.attributes == {"xlink:href": "q", "href": "h"}
        and _value(node, &_HREF) == "h"
        and _local_attribute(node, &_HREF) == (<ps_element *>node).first_attr
    ):
        raise ImportError(
            "selectolax lays out attributes' names otherwise than service.extract._markup "
            "reads them (the qualified name declared in _lexbor.pxd)"
        )


_check_names()
