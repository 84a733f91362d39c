# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Cleaning in C: what ``clean.clean_tree`` removes, found in one pass and removed.

One walk of the tree finds the elements of the invisible tags (without entering
them: what they hold leaves with them), the buttons among them, and the elements
that the attribute selectors of hidden content and boilerplate widgets match,
each element's attributes read once. On its way it copies a ``<noscript>``'s
fallback image before it (``clean._keep_fallback_image``) and tests the copy as
any element. An element hidden from screen readers alone (``reader`` selectors)
is then tested as a shown image (``clean._shown_image``): no text, a picture,
and nothing in it that the other selectors match, the invisible elements left
out as cleaning leaves them out. The buttons whose text may be a fold's label go
to ``clean._folds``, and what is found is removed by Lexbor's own removal, as
selectolax's ``decompose(recursive=False)`` removes a node. Asked, the walk also
says whether the cleaned tree may hold a gallery's caption (``marks``: a tag, or a
part of a class value), from each element it reads: no element it does not read
stays. In the ``<body>`` it also notes what the walks after it would find in
the cleaned body: the length of its text with whitespace folded (``fold_text``,
the removed subtrees' counts taken off after the removal), its first element of
the ``headline`` tag, and the elements that may be chrome (``_tree.chrome``
tests them). The tables (tags, selectors) are ``clean.py``'s and ``body_tables.py``'s,
handed in; ``tests/unit/extract/test_cleaning.py`` checks the cleaned tree against
the Python steps it replaced on generated pages, and the answer against a query of
the cleaned tree.
"""

cimport cython
from libc.stdint cimport uint16_t, uint64_t, uintptr_t
from libc.stdlib cimport free, realloc
from libc.string cimport memcpy, memset

from cpython.unicode cimport PyUnicode_DecodeUTF8
import selectolax.lexbor
from selectolax.lexbor import create_tag

from service.extract._lexbor cimport (
    PS_ATTR_LAST_ENTRY,
    PS_ELEMENT,
    TAG_LAST_ENTRY,
    TAG_TEXT,
    all_spaces,
    attribute_id,
    c_node,
    entry_named,
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
    split_space,
    start,
    text_bytes,
    within,
    wrap,
)

from service.extract._tree import _SELECTOR  # the grammar of ``_tree.Selectors``' simple selectors

cdef enum:  # the kinds of test
    PRESENT = 0
    EQUAL = 1
    TOKEN = 2
    PART = 3
cdef enum:
    _MAX_TESTS = 64  # a bit each in a uint64_t
    _MAX_GROUPS = 16
    _NO_GROUP = 0xFF
    _MAX_TAGS = 8
cdef enum:  # what the walk notes of an element of a tag in the body
    _CHROME = 1
    _HEADLINE = 2


cdef extern from *:
    """
    #if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
    #error "_cleaning reads eight bytes as a little-endian word"
    #endif
    """
    int __builtin_ctzll(unsigned long long) nogil  # the lowest set bit's index (GCC, Clang)


cdef extern from "<dlfcn.h>" nogil:
    void *dlopen(const char *filename, int flags)
    void *dlsym(void *handle, const char *symbol)
    int RTLD_NOW
    int RTLD_NOLOAD


ctypedef void (*_remover)(ps_node *node) noexcept nogil


cdef _remover _lexbor_remover() except NULL:
    """Lexbor's ``lxb_dom_node_remove``, which selectolax's ``decompose(recursive=False)``
    calls, from selectolax's module (loaded: ``RTLD_NOLOAD``), which exports it."""
    cdef bytes path = selectolax.lexbor.__file__.encode()
    cdef void *handle = dlopen(path, RTLD_NOW | RTLD_NOLOAD)
    cdef void *found = NULL
    if handle != NULL:
        found = dlsym(handle, b"lxb_dom_node_remove")
    if found == NULL:
        raise ImportError("selectolax's module exports no lxb_dom_node_remove")
    return <_remover>found


cdef _remover _remove = _lexbor_remover()


cdef struct _Nodes:  # a growing list of nodes
    ps_node **items
    size_t size
    size_t capacity


cdef int _push(_Nodes *nodes, ps_node *node) except -1:
    if nodes.size == nodes.capacity:
        nodes.items = <ps_node **>_grow(nodes.items, &nodes.capacity, sizeof(ps_node *))
    nodes.items[nodes.size] = node
    nodes.size += 1
    return 0


cdef void *_grow(void *items, size_t *capacity, size_t size) except NULL:
    """``items`` (``capacity[0]`` items of ``size`` bytes) with room for more."""
    cdef void *grown = realloc(items, (2 * capacity[0] + 16) * size)
    if grown == NULL:
        raise MemoryError()
    capacity[0] = 2 * capacity[0] + 16
    return grown


cdef struct _Hit:  # an element that a selector of ``hiding`` or ``reader`` matches
    ps_node *node
    ps_node *end  # the node after its subtree, NULL at the walk's end
    uint64_t entry  # the body's text counted (``fold_text``) before it ...
    uint64_t exit  # ... and after its subtree
    Py_ssize_t holder  # the nearest hit holding it, -1 for none
    bint hiding  # a ``hiding`` selector matches it, not only ``reader`` ones
    bint removed
    bint covered  # it or a hit holding it is removed


cdef struct _Walk:  # what the walk finds and where it is
    _Nodes invisible
    _Hit *hits
    size_t hit_count, hit_capacity
    size_t *open  # the hits whose subtree the walk is in, the innermost last
    size_t open_count, open_capacity
    _Nodes chrome  # the elements in the body that may be chrome
    _Nodes headlines  # the body's elements of the headline's tag
    ps_node *body
    ps_node *body_end  # the node after the body's subtree
    bint in_body
    bint reached  # the walk reached the body
    bint undecoded  # a text in the body is not UTF-8
    uint64_t count  # the body's text: the characters that are no space plus the words
    bint unmarked  # looked for, and no element the marks match found yet


cdef inline uint64_t _low(uint64_t word) noexcept nogil:
    """0x80 in each byte of ``word`` below 0x21, 0 in the others (each byte's low
    seven bits plus 0x5F carry into its high bit from 0x21 on, within the byte)."""
    return ~(((word & 0x7F7F7F7F7F7F7F7FULL) + 0x5F5F5F5F5F5F5F5FULL) | word) & 0x8080808080808080ULL


@cython.final  # its methods called directly, and inlined where the compiler sees fit
cdef class Cleaning:
    """What cleaning removes from a tree: ``clean(root, folds)`` removes the elements
    of the ``invisible`` tag ids (the outermost ones) and the elements that a
    selector of ``hiding`` or ``reader`` matches, but for those of the latter that
    are shown images, the elements of the ``structure`` tags, and what ``folds``
    says the ``button``s among the invisible elements show.

    ``hiding`` and ``reader`` are lists of attribute selectors separated by commas,
    each ``[name]`` or ``[name="value" i]``, ``[name~="value" i]``,
    ``[name*="value" i]``, matched as Lexbor matches them (``_tree.Selectors``): an
    element's first attribute of the name, ASCII letters folded, tokens apart at
    HTML's ASCII whitespace, a value-less attribute read as empty. An element that
    only ``reader`` selectors match is a shown image when it holds no text (what
    ``str.strip`` strips, ``spaces``), is or holds an element of the ``images``
    tags, and holds no element that a ``hiding`` selector matches. A ``noscript``
    element right after an element of the ``fallback`` tag (blank text between
    them) has its first such element copied before it, as
    ``noscript.insert_before(image)`` copies it. ``folds`` is given the buttons
    whose text holds at least ``label_bytes`` bytes (a shorter one is no fold's
    label).

    ``clean(root, folds, look=True)`` also gives whether an element that a selector of
    ``marks`` matches may stay: False only when none does. ``marks`` is a list of
    selectors separated by commas, each a standard tag or one ``[class*="value" i]``
    (of at most 16 bytes), matched as Lexbor matches them: the tag's id, or the
    class attribute's value holding the value, ASCII letters folded. Each element the
    walk reads is tested, those that leave with others as well; it reads every
    element but those in the invisible ones, which leave, and reads the fallback
    images it copies.

    ``chrome`` is a list of standard tags and attribute selectors (as ``hiding``'s)
    separated by commas: the walk notes the elements of the body that one matches,
    and those of the ``headline`` tag."""

    cdef list _keep  # the bytes the pointers below point into
    cdef unsigned char _invisible[TAG_LAST_ENTRY]
    cdef uintptr_t _noscript, _button, _fallback
    cdef unsigned char _marking[TAG_LAST_ENTRY]  # the tags of ``marks``
    cdef const unsigned char *_mark  # the part of a class value ``marks`` names ...
    cdef size_t _mark_size  # ... and its size, 0 for none
    cdef uint16_t _mark_at[256]  # the places of each byte in ``_mark``, ASCII case folded
    cdef uintptr_t _structure[_MAX_TAGS]  # 0 after the last
    cdef size_t _label_bytes
    cdef uintptr_t _image_ids[_MAX_TAGS]  # 0 after the last; TAG_LAST_ENTRY: by name
    cdef const unsigned char *_image_names[_MAX_TAGS]
    cdef size_t _image_sizes[_MAX_TAGS]
    cdef int _tests
    cdef int _kinds[_MAX_TESTS]
    cdef const unsigned char *_values[_MAX_TESTS]
    cdef size_t _sizes[_MAX_TESTS]
    cdef uint64_t _hiding  # the tests of ``hiding`` ...
    cdef uint64_t _reader  # ... of ``reader`` ...
    cdef uint64_t _chrome  # ... and of ``chrome``
    cdef unsigned char _noted[TAG_LAST_ENTRY]  # _CHROME, _HEADLINE: the tags the walk notes
    cdef uint64_t _of_kind[4]
    cdef int _groups
    cdef uintptr_t _group_ids[_MAX_GROUPS]  # PS_ATTR_LAST_ENTRY: compared by name
    cdef const unsigned char *_group_names[_MAX_GROUPS]
    cdef size_t _group_name_sizes[_MAX_GROUPS]
    cdef uint64_t _members[_MAX_GROUPS]
    cdef uint64_t _token_sizes[_MAX_GROUPS]  # a bit for each size of a ~= value (below 64)
    cdef const unsigned char *_by_id  # the group of each predefined attribute id
    cdef int _named  # the groups of names Lexbor does not predefine ...
    cdef int _named_groups[_MAX_GROUPS]  # ... which are these
    cdef ps_spaces _spaces

    def __init__(
        self,
        *,
        invisible: frozenset,
        noscript: str,
        button: str,
        fallback: str,
        images: tuple,
        hiding: str,
        reader: str,
        spaces: str,
        structure: frozenset,
        label_bytes: int,
        marks: str,
        chrome: str,
        headline: str,
    ):
        cdef int g, i
        cdef uintptr_t attr_id
        cdef bytes name_bytes, value_bytes
        self._keep = []
        for i in range(TAG_LAST_ENTRY):
            self._invisible[i] = self._marking[i] = self._noted[i] = 0
        self._noted[_standard(headline)] |= _HEADLINE
        self._marks(marks)
        for tag_id in invisible:
            if not 0 < tag_id < TAG_LAST_ENTRY:
                raise ValueError(f"not the id of a standard tag: {tag_id}")
            self._invisible[<uintptr_t>tag_id] = 1
        self._noscript = _standard(noscript)
        self._button = _standard(button)
        self._fallback = _standard(fallback)
        if len(structure) >= _MAX_TAGS:
            raise ValueError(f"at most {_MAX_TAGS - 1} structure tags")
        for i, tag in enumerate(sorted(structure)):
            self._structure[i] = _standard(tag)
        self._structure[len(structure)] = 0
        self._label_bytes = label_bytes
        if len(images) >= _MAX_TAGS:
            raise ValueError(f"at most {_MAX_TAGS - 1} image tags")
        for i, image in enumerate(images):
            name_bytes = image.encode()
            self._keep.append(name_bytes)
            self._image_ids[i] = min(<uintptr_t>create_tag(image).tag_id, <uintptr_t>TAG_LAST_ENTRY)
            self._image_names[i], self._image_sizes[i] = name_bytes, len(name_bytes)
        self._image_ids[len(images)] = 0
        set_folding_spaces(&self._spaces, spaces)
        self._tests = self._groups = self._named = 0
        self._hiding = self._reader = self._chrome = 0
        for i in range(4):
            self._of_kind[i] = 0
        by_id = bytearray([_NO_GROUP]) * PS_ATTR_LAST_ENTRY
        groups = {}
        selectors = [(part.strip(), 0) for part in hiding.split(",")]
        selectors += [(part.strip(), 1) for part in reader.split(",")]
        for part in chrome.split(","):  # a tag, noted by its id, or a test
            found = _SELECTOR.fullmatch(part.strip())
            if found is not None and found.group(1) and not found.group(2):
                self._noted[_standard(found.group(1))] |= _CHROME
            else:
                selectors.append((part.strip(), 2))
        if len(selectors) > _MAX_TESTS:
            raise ValueError(f"at most {_MAX_TESTS} selectors")
        for i, (selector, of_list) in enumerate(selectors):
            found = _SELECTOR.fullmatch(selector)
            if found is None or not selector or found.group(1) or not found.group(2):
                raise ValueError(f"not an attribute selector: {selector!r}")
            _, name, op, value, flag = found.groups()
            if op is not None and (flag is None or not value and op != "="):
                raise ValueError(f"a value is compared without case, and is not empty: {selector!r}")
            name_bytes, value_bytes = name.encode(), (value or "").encode()
            self._keep += [name_bytes, value_bytes]
            self._kinds[i] = {None: PRESENT, "=": EQUAL, "~=": TOKEN, "*=": PART}[op]
            self._values[i], self._sizes[i] = value_bytes, len(value_bytes)
            self._of_kind[self._kinds[i]] |= (<uint64_t>1) << i
            if of_list == 0:
                self._hiding |= (<uint64_t>1) << i
            elif of_list == 1:
                self._reader |= (<uint64_t>1) << i
            else:
                self._chrome |= (<uint64_t>1) << i
            if name not in groups:
                if self._groups == _MAX_GROUPS:
                    raise ValueError(f"at most {_MAX_GROUPS} attributes")
                g = groups[name] = self._groups
                self._groups += 1
                attr_id = self._group_ids[g] = attribute_id(name_bytes)
                self._group_names[g], self._group_name_sizes[g] = name_bytes, len(name_bytes)
                self._members[g] = self._token_sizes[g] = 0
                if attr_id < PS_ATTR_LAST_ENTRY:
                    by_id[attr_id] = g
                else:
                    self._named_groups[self._named] = g
                    self._named += 1
            g = groups[name]
            self._members[g] |= (<uint64_t>1) << i
            if self._kinds[i] == TOKEN and len(value_bytes) < 64:
                self._token_sizes[g] |= (<uint64_t>1) << len(value_bytes)
            elif self._kinds[i] == TOKEN:
                raise ValueError(f"a token of at most 63 bytes: {selector!r}")
        self._tests = len(selectors)
        table = bytes(by_id)
        self._keep.append(table)
        self._by_id = table

    cdef int _marks(self, str marks) except -1:
        """Reads ``marks`` into the tags' table and the class value's part."""
        cdef bytes value_bytes
        cdef unsigned char folded
        cdef int i
        self._mark_size = 0
        for i in range(256):
            self._mark_at[i] = 0
        for part in marks.split(","):
            selector = part.strip()
            found = _SELECTOR.fullmatch(selector)
            if found is None or not selector:
                raise ValueError(f"neither a tag nor an attribute selector: {selector!r}")
            tag, name, op, value, flag = found.groups()
            if tag is not None and name is None:
                self._marking[_standard(tag)] = 1
                continue
            value_bytes = (value or "").encode()
            if tag is not None or name != "class" or op != "*=" or flag is None:
                raise ValueError(f"a mark is a tag or [class*=\"value\" i]: {selector!r}")
            if self._mark_size or not 0 < len(value_bytes) <= 16:
                raise ValueError(f"one class part of 1 to 16 bytes: {selector!r}")
            self._keep.append(value_bytes)
            self._mark, self._mark_size = value_bytes, len(value_bytes)
            for i in range(len(value_bytes)):
                folded = lower(value_bytes[i])
                self._mark_at[folded] |= 1 << i
                if 97 <= folded <= 122:  # an ASCII letter: its capital too
                    self._mark_at[folded - 32] |= 1 << i
        return 0

    cdef inline bint _has_mark(self, ps_attr *attr) noexcept:
        """Whether the value of ``attr`` (a class attribute, or NULL) holds ``_mark``,
        ASCII letters folded. One byte in each ``_mark_size`` is read, which any place
        of the mark covers: each place in the mark that byte has is tried."""
        cdef const unsigned char *data
        cdef size_t size = self._mark_size
        cdef size_t length, at, begin
        cdef unsigned int places
        if attr == NULL or attr.value == NULL or attr.value.data == NULL or size == 0:
            return False
        data, length = attr.value.data, attr.value.length
        at = size - 1
        while at < length:
            places = self._mark_at[data[at]]
            while places:
                begin = at - __builtin_ctzll(places)
                places &= places - 1
                if begin + size <= length and equal_caseless(data + begin, self._mark, size):
                    return True
            at += size
        return False

    cdef inline int _group_of(self, ps_attr *attr) noexcept:
        cdef uintptr_t attr_id = attr.node.local_name
        cdef int g, i
        if attr_id < PS_ATTR_LAST_ENTRY:
            g = self._by_id[attr_id]
            return -1 if g == _NO_GROUP else g
        for i in range(self._named):
            g = self._named_groups[i]
            if named(attr, self._group_names[g], self._group_name_sizes[g]):
                return g
        return -1

    cdef inline uint64_t _test(self, int g, ps_attr *attr) noexcept:
        """The tests of group ``g`` that its attribute ``attr`` passes."""
        cdef const unsigned char *data = <const unsigned char *>b""
        cdef size_t length = 0
        cdef uint64_t members = self._members[g]
        cdef uint64_t passed = members & self._of_kind[PRESENT]
        cdef uint64_t tests
        cdef size_t at, size
        cdef int i
        if attr.value != NULL:
            data, length = attr.value.data, attr.value.length
        tests = members & self._of_kind[EQUAL]
        while tests:
            i = __builtin_ctzll(tests)
            tests &= tests - 1
            if length == self._sizes[i] and equal_caseless(data, self._values[i], length):
                passed |= (<uint64_t>1) << i
        if members & self._of_kind[TOKEN]:
            passed |= self._tokens(g, data, length)
        tests = members & self._of_kind[PART]
        while tests:
            i = __builtin_ctzll(tests)
            tests &= tests - 1
            size = self._sizes[i]
            if size > length:
                continue
            for at in range(length - size + 1):
                if lower(data[at]) == lower(self._values[i][0]) and equal_caseless(
                    data + at, self._values[i], size
                ):
                    passed |= (<uint64_t>1) << i
                    break
        return passed

    cdef uint64_t _tokens(self, int g, const unsigned char *data, size_t length) noexcept:
        """The ``~=`` tests of group ``g`` that a token of the value passes. The value
        is read eight bytes at a time, which mark their bytes below 0x21 (``_low``):
        only those may be HTML's ASCII whitespace, which parts the tokens."""
        cdef uint64_t passed = 0
        cdef uint64_t marks, word
        cdef size_t begin = 0
        cdef size_t at = 0
        cdef size_t end
        while at < length:
            if length - at >= 8:
                memcpy(&word, data + at, 8)
                marks = _low(word)
            elif length >= 8:  # the last eight bytes, those before ``at`` shifted out
                memcpy(&word, data + length - 8, 8)
                marks = _low(word) >> (8 * (8 - (length - at)))
            else:
                marks = 0
                for end in range(at, length):
                    if data[end] < 0x21:
                        marks |= (<uint64_t>0x80) << (8 * (end - at))
            while marks:
                end = at + (__builtin_ctzll(marks) >> 3)
                marks &= marks - 1
                if is_space(data[end]):
                    passed |= self._token(g, data + begin, end - begin)
                    begin = end + 1
            at += 8
        return passed | self._token(g, data + begin, length - begin)

    cdef inline uint64_t _token(self, int g, const unsigned char *token, size_t size) noexcept:
        """The ``~=`` tests of group ``g`` that ``token`` passes."""
        cdef uint64_t passed = 0
        cdef uint64_t tests
        cdef int i
        if size >= 64 or not self._token_sizes[g] >> size & 1:
            return 0
        tests = self._members[g] & self._of_kind[TOKEN]
        while tests:
            i = __builtin_ctzll(tests)
            tests &= tests - 1
            if size == self._sizes[i] and equal_caseless(token, self._values[i], size):
                passed |= (<uint64_t>1) << i
        return passed

    cdef inline uint64_t _passes(self, ps_node *node) noexcept:
        """The tests the element ``node`` passes, each attribute name's first alone."""
        cdef ps_attr *attr = (<ps_element *>node).first_attr
        cdef unsigned int seen = 0
        cdef uint64_t passed = 0
        cdef int g
        while attr != NULL:
            g = self._group_of(attr)
            if g >= 0 and not seen >> g & 1:
                seen |= 1u << g
                passed |= self._test(g, attr)
            attr = attr.next
        return passed

    cdef bint _is_image(self, ps_node *node) noexcept:
        cdef int i = 0
        while self._image_ids[i]:
            if self._image_ids[i] == TAG_LAST_ENTRY:
                if entry_named(node.local_name, TAG_LAST_ENTRY, self._image_names[i], self._image_sizes[i]):
                    return True
            elif node.local_name == self._image_ids[i]:
                return True
            i += 1
        return False

    cdef int _walk(self, ps_node *top, object parser, _Walk *w, list buttons) except -1:
        """Sorts the elements of ``top``'s subtree (``top`` included) into ``w``'s lists,
        the buttons that may show a fold wrapped into ``buttons``; in the body, counts
        each text (``fold_text``) and notes the elements of the noted tags and those
        that the ``chrome`` tests pass; clears ``w.unmarked`` at an element the marks
        match."""
        cdef ps_node *node = top
        cdef ps_node *copy
        cdef uintptr_t tag
        cdef uint64_t passed
        cdef size_t base = w.open_count
        cdef const unsigned char *data
        cdef size_t length = 0
        cdef uint64_t before
        cdef _Hit *hit
        while node != NULL:
            while w.open_count > base and w.hits[w.open[w.open_count - 1]].end == node:
                w.open_count -= 1
                w.hits[w.open[w.open_count]].exit = w.count
            if node == w.body_end:
                w.in_body = False
            if node.type != PS_ELEMENT:
                if w.in_body:
                    data = text_bytes(node, &length)
                    if data != NULL:
                        before = 0x80  # a text node starts a word
                        if not fold_text(&self._spaces, data, length, &w.count, &before):
                            w.undecoded = True
                node = next_in(node, top, False)
                continue
            tag = node.local_name
            if node == w.body:
                w.in_body = w.reached = True
                w.body_end = next_in(node, top, False)
            if tag < TAG_LAST_ENTRY and self._invisible[tag]:
                _push(&w.invisible, node)
                if tag == self._button:
                    if self._may_be_label(node):
                        buttons.append(wrap(node, parser))
                elif tag == self._noscript:
                    copy = self._copy_fallback(node, parser)
                    if copy != NULL:
                        self._walk(copy, parser, w, buttons)
                node = next_in(node, top, False)
                continue
            if w.unmarked and (
                tag < TAG_LAST_ENTRY and self._marking[tag] or self._has_mark((<ps_element *>node).attr_class)
            ):
                w.unmarked = False
            passed = self._passes(node)
            if w.in_body:
                if tag < TAG_LAST_ENTRY and self._noted[tag] & _HEADLINE:
                    _push(&w.headlines, node)
                if passed & self._chrome or tag < TAG_LAST_ENTRY and self._noted[tag] & _CHROME:
                    _push(&w.chrome, node)
            if passed & (self._hiding | self._reader):
                if w.hit_count == w.hit_capacity:
                    w.hits = <_Hit *>_grow(w.hits, &w.hit_capacity, sizeof(_Hit))
                if w.open_count == w.open_capacity:
                    w.open = <size_t *>_grow(w.open, &w.open_capacity, sizeof(size_t))
                hit = &w.hits[w.hit_count]
                hit.node, hit.end, hit.entry = node, next_in(node, top, False), w.count
                hit.holder = <Py_ssize_t>w.open[w.open_count - 1] if w.open_count else -1
                hit.hiding = (passed & self._hiding) != 0
                hit.removed = hit.covered = False
                w.open[w.open_count] = w.hit_count
                w.open_count += 1
                w.hit_count += 1
            node = next_in(node, top, True)
        while w.open_count > base:  # the subtrees that end with the walk's
            w.open_count -= 1
            w.hits[w.open[w.open_count]].exit = w.count
        return 0

    cdef bint _may_be_label(self, ps_node *button) noexcept:
        """Whether the text of ``button`` (its text nodes' bytes, which ``text()``
        decodes to as many characters or fewer) holds ``label_bytes`` bytes."""
        cdef ps_node *node = button
        cdef size_t length = 0
        cdef size_t total = 0
        while node != NULL:
            if text_bytes(node, &length) != NULL:
                total += length
                if total >= self._label_bytes:
                    return True
            node = next_in(node, button, True)
        return total >= self._label_bytes

    cdef ps_node *_copy_fallback(self, ps_node *noscript, object parser) except? NULL:
        """The copy of the fallback image placed before ``noscript``, or NULL."""
        cdef ps_node *before = noscript.prev
        cdef ps_node *image
        cdef const unsigned char *data
        cdef size_t length = 0
        while before != NULL and before.local_name == TAG_TEXT:
            data = text_bytes(before, &length)
            if data != NULL and not all_spaces(&self._spaces, data, length):
                break
            before = before.prev
        if before == NULL or before.type != PS_ELEMENT or before.local_name != self._fallback:
            return NULL
        image = next_in(noscript, noscript, True)
        while image != NULL and not (image.type == PS_ELEMENT and image.local_name == self._fallback):
            image = next_in(image, noscript, True)
        if image == NULL:
            return NULL
        wrap(noscript, parser).insert_before(wrap(image, parser))
        return noscript.prev

    cdef bint _shown(self, ps_node *top) except -1:
        """Whether ``top``, which only ``reader`` selectors match, is a shown image."""
        cdef ps_node *node = top
        cdef const unsigned char *data
        cdef size_t length = 0
        cdef size_t at
        cdef bint image = False
        cdef bint undecoded = False  # text of bytes that are not UTF-8
        cdef int space
        while node != NULL:
            if node.type == PS_ELEMENT:
                if node.local_name < TAG_LAST_ENTRY and self._invisible[node.local_name]:
                    node = next_in(node, top, False)
                    continue
                image = image or self._is_image(node)
                if node != top and self._passes(node) & self._hiding:
                    return False
            else:
                data = text_bytes(node, &length)
                at = 0
                while data != NULL and at < length and not undecoded:
                    space = split_space(&self._spaces, data, length, &at)
                    if space == 0:  # a character that starts well-formed ends what came before
                        return False
                    undecoded = space < 0
            node = next_in(node, top, True)
        return image and not (undecoded and self._text(top).strip())

    cdef str _text(self, ps_node *top):
        """The text of ``top`` without the invisible elements, its text nodes' bytes
        joined and decoded as selectolax's ``text()`` decodes them."""
        cdef ps_node *node = top
        cdef const unsigned char *data
        cdef size_t length = 0
        parts = []
        while node != NULL:
            if node.local_name < TAG_LAST_ENTRY and self._invisible[node.local_name]:
                node = next_in(node, top, False)
                continue
            data = text_bytes(node, &length)
            if data != NULL:
                parts.append(data[:length])
            node = next_in(node, top, True)
        joined = b"".join(parts)
        return PyUnicode_DecodeUTF8(joined, len(joined), "replace")

    def clean(self, root, body, folds, bint look=False) -> tuple:
        """Removes what cleaning removes below ``root``, and gives the elements hidden
        from readers alone that are shown images, whether an element the marks
        match may stay (looked for with ``look``; True without), and of the
        cleaned ``body`` (a node below ``root``, or None): its text's length with
        whitespace folded (``FoldedLength.of``; -1 when a text in it is not UTF-8),
        its first element of the ``headline`` tag (or None), and its elements that
        may be chrome, in document order (every element a ``chrome`` tag or test
        matches). ``folds(buttons)`` gives the ids and the ``mem_id``s of the elements
        that the buttons show (kept)."""
        cdef ps_node *top = c_node(root)
        cdef object parser = root.parser
        cdef _Walk w
        cdef _Hit *hit
        cdef ps_node *node
        cdef size_t i
        cdef list buttons = []
        cdef list shown = []
        cdef list chrome = []
        cdef object headline = None
        cdef Py_ssize_t chars = -1
        memset(&w, 0, sizeof(_Walk))
        w.body = c_node(body) if body is not None else NULL
        w.unmarked = look
        try:
            self._walk(start(top), parser, &w, buttons)
            for i in range(w.hit_count):
                hit = &w.hits[i]
                if not hit.hiding and self._shown(hit.node):
                    shown.append(wrap(hit.node, parser))
                else:
                    hit.removed = True  # unless a fold shows it, or it is structure
            ids, after = folds(buttons) if buttons else (None, None)
            self._remove(&w, ids, after, parser)
            if w.body != NULL:
                for i in range(w.headlines.size):
                    if within(w.headlines.items[i], w.body):
                        headline = wrap(w.headlines.items[i], parser)
                        break
                for i in range(w.chrome.size):
                    if within(w.chrome.items[i], w.body):
                        chrome.append(wrap(w.chrome.items[i], parser))
            if w.reached and not w.undecoded:
                for i in range(w.hit_count):  # the removed subtrees' texts, each once
                    hit = &w.hits[i]
                    if hit.holder >= 0 and w.hits[hit.holder].covered:
                        hit.covered = True
                    elif hit.removed:
                        hit.covered = True
                        w.count -= hit.exit - hit.entry
                chars = <Py_ssize_t>w.count - 1 if w.count else 0
        finally:
            free(w.invisible.items)
            free(w.hits)
            free(w.open)
            free(w.chrome.items)
            free(w.headlines.items)
        return shown, not w.unmarked, chars, headline, chrome

    cdef int _remove(self, _Walk *w, ids, after, object parser) except -1:
        """Removes the invisible elements, then the hits to remove but those of the
        structure tags and those the folds show (their ``removed`` cleared), in the
        order found. Removing an element keeps its subtree, so an element and one
        inside it leave in either order. Lexbor removes all but the last; that one is
        selectolax's ``decompose``, which also counts the edit for selectolax's caches."""
        cdef ps_node *node
        cdef ps_node *last = NULL
        cdef size_t i
        for i in range(w.invisible.size + w.hit_count):
            if i < w.invisible.size:
                node = w.invisible.items[i]
            else:
                if not w.hits[i - w.invisible.size].removed:
                    continue
                node = w.hits[i - w.invisible.size].node
                if (
                    after and <size_t>node in after
                    or ids and (wrap(node, parser).attributes.get("id") or "") in ids
                ):
                    w.hits[i - w.invisible.size].removed = False
                    continue
            if self._is_structure(node):
                if i >= w.invisible.size:
                    w.hits[i - w.invisible.size].removed = False
                continue
            if last != NULL:
                _remove(last)
            last = node
        if last != NULL:
            wrap(last, parser).decompose(recursive=False)
        return 0

    cdef bint _is_structure(self, ps_node *node) noexcept:
        cdef int i = 0
        while self._structure[i]:
            if node.local_name == self._structure[i]:
                return True
            i += 1
        return False


cdef uintptr_t _standard(str tag) except 0:
    cdef uintptr_t tag_id = create_tag(tag).tag_id
    if not 0 < tag_id < TAG_LAST_ENTRY:
        raise ValueError(f"not a standard tag: {tag}")
    return tag_id
