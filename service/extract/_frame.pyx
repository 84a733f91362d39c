# cython: language_level=3
"""The frame of a page's teasers, read in C: the own texts of a block outside its
items that may label it as paid content, the elements that hold stories, how many
items share an item's parent and tag, the links of a menu that may be labels,
whether a plain item is a menu's entry (its submenu and its flat menu's levels), the
nodes teaser removal takes out and their text's length (``teasers``), an item's block
and its label, searched beside and below the item's ancestors
(``teaser_fields.heading_before`` and ``find_block``), whether an element reads as a
block's label, with its text (``teaser_fields._label_of``), the body paragraphs beside an item, whether an item
is a promo inside the article body (``teasers._PROMOS``), whether an item is a
teaser (``teasers._is_teaser``), and the teasers' records, one per target
(``teasers._assemble``).

Each answers as the Python it replaced: ``LexborNode.iter()``, ``text(deep=False)``
and ``parent`` read on Lexbor's nodes, nodes told apart by their address
(``LexborNode.mem_id``). The rules stay in ``teasers``: the paid-label test runs on
the texts handed back, and the limits are passed in from there.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc, PyMem_Realloc
from cpython.ref cimport PyObject
from cpython.set cimport PySet_Contains
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdint cimport uintptr_t
from libc.stdlib cimport qsort
from libc.string cimport memcmp, memcpy

from service.extract._lexbor cimport (
    PS_ELEMENT,
    PS_TEXT,
    TAG_LAST_ENTRY,
    TAG_TEXT,
    all_spaces,
    alone,
    attribute_id,
    c_node,
    next_in,
    ps_attr,
    ps_element,
    ps_node,
    ps_spaces,
    set_spaces,
    start,
    split_space,
    tag_id,
    tag_table,
    text_bytes,
    value_text,
    wrap,
)
from service.extract._fields cimport deep_text, opening
from service.extract._items cimport AttrNames, PageFacts, has_name
from service.extract._paths cimport id_or_date, story
from service.extract._unicode cimport (
    Py_UNICODE_ISDECIMAL,
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    PyUnicode_READ,
)


ctypedef unsigned char _Opens[128][128]


cdef int _set_opens(_Opens opens, pairs, leads) except -1:
    """``opens[a][b]``: a match may open with the ASCII characters ``a`` and ``b`` (their
    pair is one of ``pairs``, or ``a`` one of ``leads``), as ``may_open_with`` reads them."""
    cdef int a, b
    for a in range(128):
        for b in range(128):
            opens[a][b] = chr(a) + chr(b) in pairs or chr(a) in leads
    return 0


cdef bint _opens_none(ps_node *root, bint deep, const unsigned char *blank, _Opens opens) noexcept:
    """Whether the text of ``root`` (``deep``: of the text nodes below it, as ``text()``
    joins them; else of its own, as ``text(deep=False)``), folded by ``normalize_text``,
    opens with two ASCII characters that open no match (``opens``): past a leading run of
    ``blank`` (ASCII white space, which folding drops), two bytes of ``!`` to ``~`` that
    ``opens`` refuses, followed by a printable ASCII byte, a tab, a line break or by
    nothing. Folding leaves such an opening as it is: no printable ASCII character is
    invisible, and none composes with an ASCII character under NFC. A control character
    after them is dropped by folding, and a mark behind it would compose with the second.
    Any other opening may open a match."""
    cdef ps_node *node = root.first_child
    cdef const unsigned char *data
    cdef size_t length, i
    cdef unsigned char head[3]
    cdef int n = 0
    while node != NULL and n < 3:
        data = text_bytes(node, &length)
        if data != NULL:
            i = 0
            while i < length and n < 3:
                if n or data[i] >= 128 or not blank[data[i]]:
                    head[n] = data[i]
                    n += 1
                i += 1
        node = next_in(node, root, True) if deep else node.next
    return (
        n >= 2
        and 0x21 <= head[0] <= 0x7E
        and 0x21 <= head[1] <= 0x7E
        and (n == 2 or 0x20 <= head[2] <= 0x7E or head[2] == 9 or head[2] == 10 or head[2] == 13)
        and not opens[head[0]][head[1]]
    )


cdef class OwnTexts:
    """The own texts (``text(deep=False)``: the element's text children joined, decoded
    as selectolax decodes them) of the elements below a block, down to ``depth`` levels
    and outside its items (neither an item nor anything inside one), in page order, that
    may be a short label: texts longer than ``limit`` characters are left out, and so
    are texts of ``blank``'s ASCII characters alone (whitespace, which folds to no text)
    and texts that open with two ASCII characters opening no label (``_opens_none`` of
    ``pairs`` and ``leads``, ``teaser_fields.may_open_with``'s tables). A text's length
    is at least the count of its bytes that start a character (any but 0x80-0xBF): a
    character, or the replacement of bytes that are not UTF-8, starts at each; a text
    of more such bytes than ``limit`` is longer."""

    cdef Py_ssize_t limit
    cdef unsigned char blank[128]
    cdef _Opens opens

    def __init__(self, Py_ssize_t limit, str blank, *, pairs, leads):
        cdef int c
        self.limit = limit
        for c in range(128):
            self.blank[c] = chr(c) in blank
        _set_opens(self.opens, frozenset(pairs), frozenset(leads))

    def of(self, block, set items, int depth) -> list:
        found = []
        self._collect(c_node(block), items, depth, found)
        return found

    cdef int _collect(self, ps_node *node, set items, int depth, list found) except -1:
        cdef ps_node *child = node.first_child
        while child != NULL:
            if child.type != PS_TEXT and <uintptr_t>child not in items:
                text = self._own(child)
                if text is not None:
                    found.append(text)
                if depth > 1:
                    self._collect(child, items, depth - 1, found)
            child = child.next
        return 0

    cdef object _own(self, ps_node *node):
        """The node's own text, or ``None`` when it is left out."""
        cdef ps_node *child = node.first_child
        cdef const unsigned char *data
        cdef const unsigned char *single = NULL
        cdef size_t length = 0
        cdef size_t total = 0
        cdef size_t i
        cdef Py_ssize_t starts = 0
        cdef bint blank = True
        cdef int pieces = 0
        while child != NULL:
            data = text_bytes(child, &length)
            if data != NULL and length:
                pieces += 1
                single = data
                total += length
                for i in range(length):
                    if data[i] & 0xC0 != 0x80:
                        starts += 1
                    if blank and (data[i] >= 128 or not self.blank[data[i]]):
                        blank = False
                if starts > self.limit:
                    return None
            child = child.next
        if total == 0 or blank or _opens_none(node, False, self.blank, self.opens):
            return None
        if pieces == 1:
            return PyUnicode_DecodeUTF8(<const char *>single, total, "replace")
        pieces_read = []
        child = node.first_child
        while child != NULL:
            data = text_bytes(child, &length)
            if data != NULL and length:
                pieces_read.append((<const char *>data)[:length])
            child = child.next
        cdef bytes joined = b"".join(pieces_read)
        return PyUnicode_DecodeUTF8(joined, len(joined), "replace")


def holders(list nodes, int levels) -> set:
    """The nodes and their ancestors up to ``levels`` nodes in all from each (by
    ``mem_id``)."""
    cdef ps_node *node
    cdef int level
    found = set()
    for item in nodes:
        node = c_node(item)
        for level in range(levels):
            if node == NULL:
                break
            found.add(<uintptr_t>node)
            node = node.parent
    return found


cdef struct _Sibling:
    # What items with look-alike siblings share: their parent's address (0 for none) and
    # their tag's id and namespace (which tell the tags of a parsed page apart as
    # ``LexborNode.tag`` does); ``index``: the item's place in the list asked of.
    uintptr_t parent
    uintptr_t tag
    uintptr_t ns
    Py_ssize_t index


cdef int _by_sibling_key(const void *first, const void *second) noexcept nogil:
    cdef const _Sibling *a = <const _Sibling *>first
    cdef const _Sibling *b = <const _Sibling *>second
    if a.parent != b.parent:
        return -1 if a.parent < b.parent else 1
    if a.tag != b.tag:
        return -1 if a.tag < b.tag else 1
    if a.ns != b.ns:
        return -1 if a.ns < b.ns else 1
    return 0


def sibling_counts(list nodes) -> list:
    """For each of ``nodes`` (items), how many of them, itself included, have its parent
    (or none, as it has none) and its tag: items with look-alike siblings come in lists.
    The nodes are sorted by parent and tag, and each run of equal ones counted."""
    cdef Py_ssize_t count = len(nodes)
    cdef Py_ssize_t k, end, at, size
    cdef ps_node *element
    cdef _Sibling *keys
    cdef list counts = [0] * count
    if count == 0:
        return counts
    keys = <_Sibling *>PyMem_Malloc(count * sizeof(_Sibling))
    if keys == NULL:
        raise MemoryError()
    try:
        for k in range(count):
            element = c_node(nodes[k])
            keys[k].parent = <uintptr_t>element.parent
            keys[k].tag, keys[k].ns, keys[k].index = element.local_name, element.ns, k
        qsort(keys, count, sizeof(_Sibling), _by_sibling_key)
        k = 0
        while k < count:
            end = k + 1
            while end < count and _by_sibling_key(&keys[k], &keys[end]) == 0:
                end += 1
            size = end - k
            for at in range(k, end):
                counts[keys[at].index] = size
            k = end
    finally:
        PyMem_Free(keys)
    return counts


cdef class FewWords:
    """The links whose text (``text(strip=True)``: each text node's text stripped, the
    pieces joined without a separator) may hold fewer than ``words`` words as
    ``str.split`` splits it on ``spaces``, in their order: the others hold that many
    words or more, and a label holds fewer. A link with text that is not UTF-8 is kept."""

    cdef Py_ssize_t words
    cdef ps_spaces spaces

    def __init__(self, Py_ssize_t words, str spaces):
        self.words = words
        set_spaces(&self.spaces, spaces)

    def of(self, list links) -> list:
        return [link for link in links if self._count(c_node(link)) < self.words]

    cdef Py_ssize_t _count(self, ps_node *root) noexcept:
        """The words of the root's stripped text, up to ``words``; 0 when a text is not
        UTF-8. A piece's first word runs on from the previous piece's last, as the
        pieces are joined without a separator."""
        cdef ps_node *node = next_in(root, root, True)
        cdef const unsigned char *data
        cdef size_t length = 0
        cdef size_t at
        cdef int space
        cdef bint started
        cdef bint after_space
        cdef Py_ssize_t count = 0
        while node != NULL:
            data = text_bytes(node, &length)
            if data != NULL:
                at = 0
                started = after_space = False
                while at < length:
                    space = split_space(&self.spaces, data, length, &at)
                    if space < 0:
                        return 0
                    if space:
                        after_space = started
                        continue
                    if not started:
                        started = True
                        count = count or 1  # the text's first word, or the last one's end
                    elif after_space:
                        count += 1  # a run after spaces within the piece
                    after_space = False
                    if count >= self.words:
                        return count
            node = next_in(node, root, True)
        return count


cdef enum:
    _HIDING_TAG = 1  # an element ``is_hidden`` may say is hidden by its tag alone
    _LIST_TAG = 2  # a tag ``list_label`` may find a label of
    _PLAIN_TAG = 4  # a plain line's element (``plain_tags``)


cdef class HeadingBefore:
    """A heading just before ``node`` among its siblings, with its text
    (``teaser_fields.heading_before``, whose comment gives the rules): the ``count``
    elements before it that are no items (by ``mem_id``; text and comments passed over),
    nearest first, each unless ``is_hidden``, read for a label by ``labels``, then, when
    it holds a heading (``holders``) and ``is_short``, for its first heading
    (``subheadings``), then by ``list_label`` and ``plain_label``.

    Each Python test is asked only where its answer is open: ``is_hidden`` of an element
    of ``hidden_tags`` or with one of ``hiding_attributes`` (no other is hidden),
    ``list_label`` of an element of ``list_tags``, ``plain_label`` of one of
    ``plain_tags`` whose subtree (the element first, its comments and elements in page
    order, as ``traverse()`` gives them) holds ``plain_elements`` nodes or fewer, each an
    element of ``plain_tags``. Tags are standard tags, by name (a tag's id is its name's
    in every namespace, as ``LexborNode.tag`` names it)."""

    cdef Labels labels
    cdef int count, plain_elements
    cdef unsigned char kinds[TAG_LAST_ENTRY]
    cdef AttrNames hiding
    cdef object is_hidden, is_short, subheadings, list_label, plain_label

    def __init__(
        self,
        *,
        Labels labels not None,
        int count,
        hidden_tags,
        hiding_attributes,
        list_tags,
        plain_tags,
        int plain_elements,
        is_hidden,
        is_short,
        subheadings,
        list_label,
        plain_label,
    ):
        cdef int c
        cdef uintptr_t tag
        for c in range(TAG_LAST_ENTRY):
            self.kinds[c] = 0
        for bit, names in ((_HIDING_TAG, hidden_tags), (_LIST_TAG, list_tags), (_PLAIN_TAG, plain_tags)):
            for name in names:
                tag = tag_id(name)
                if tag >= TAG_LAST_ENTRY:
                    raise ValueError(f"not a standard tag: {name!r}")
                self.kinds[tag] |= bit
        self.hiding = AttrNames(hiding_attributes)
        self.labels = labels
        self.count, self.plain_elements = count, plain_elements
        self.is_hidden, self.is_short, self.subheadings = is_hidden, is_short, subheadings
        self.list_label, self.plain_label = list_label, plain_label

    def of(self, node, set items, set holders, tokens) -> object:
        return self._of(c_node(node), node.parser, node, items, holders, tokens)

    cdef object _of(self, ps_node *at, object parser, object node, set items, set holders, tokens):
        """``of`` on ``at``; ``node`` is its ``LexborNode``, or None to make one only
        when ``list_label`` is asked."""
        cdef ps_node *sibling = at.prev
        cdef unsigned char kind
        cdef int seen = 0
        while sibling != NULL and seen < self.count:
            if sibling.type == PS_ELEMENT and <uintptr_t>sibling not in items:
                seen += 1
                before = wrap(sibling, parser)
                kind = self.kinds[sibling.local_name] if sibling.local_name < TAG_LAST_ENTRY else 0
                if self._hidden(sibling, before):
                    sibling = sibling.prev
                    continue
                label = self.labels._of(sibling, before, tokens, True)
                if label is None and <uintptr_t>sibling in holders and self.is_short(before):
                    inner = self.subheadings.first(before)
                    if inner is not None:
                        label = self.labels._of(c_node(inner), inner, tokens, False)
                if label is None and kind & _LIST_TAG:
                    if node is None:
                        node = wrap(at, parser)
                    label = self.list_label(before, node, items, tokens)
                if label is None and kind & _PLAIN_TAG and self._plain(sibling):
                    label = self.plain_label(before, items)
                if label is not None:
                    return before, label
            sibling = sibling.prev
        return None

    cdef bint _may_hide(self, ps_node *node) except -1:
        """Whether an attribute of ``node`` without a prefix is one of the hiding ones."""
        cdef ps_attr *attr = (<ps_element *>node).first_attr
        cdef int i
        while attr != NULL:
            for i in range(self.hiding.count):
                if has_name(attr, &self.hiding.names[i]):
                    return True
            attr = attr.next
        return False

    cdef inline bint _hidden(self, ps_node *node, object element) except -1:
        """``is_hidden(element)``, asked only of an element it may say is hidden."""
        cdef unsigned char kind = self.kinds[node.local_name] if node.local_name < TAG_LAST_ENTRY else 0
        return (kind & _HIDING_TAG or self._may_hide(node)) and self.is_hidden(element)

    cdef bint _plain(self, ps_node *root) noexcept:
        """Whether ``root``'s subtree holds ``plain_elements`` nodes or fewer besides
        its text, each an element of ``plain_tags``."""
        cdef ps_node *node = root
        cdef int seen = 0
        while node != NULL:
            if node.type != PS_TEXT:
                seen += 1
                if (
                    seen > self.plain_elements
                    or node.type != PS_ELEMENT
                    or node.local_name >= TAG_LAST_ENTRY
                    or not self.kinds[node.local_name] & _PLAIN_TAG
                ):
                    return False
            node = next_in(node, root, True)
        return True


# What a tag may be in a block's label (``Labels``), as bits.
cdef enum:
    _ALWAYS = 1  # a label by its tag alone
    _TITLED = 2  # a label when its class or id names a title, holding no linked heading
    _ROW = 4  # a label holding no cell of data and no link
    _BOLD = 8  # a label opening its block (or its line), holding no link
    _LINE = 16  # a label holding a bold line alone, without a link
    _INSIDE = 32  # its label is the title inside it, when it holds one
    _BOLD_TAG = 64  # a bold line's element
    _INLINE = 128  # no line of its own
    _HEADING = 256  # a heading that is no label inside a link (``a[href] h2``)
    _CELL = 512  # a row's cell of data, or a link
    _LINK = 1024  # a link


cdef class Labels:
    """The text of a heading or title box, when it reads as a block label
    (``teaser_fields._LABELS``, whose comment gives the rules): the element's
    tag, class and id tokens, position among its siblings and what it holds read on
    Lexbor's nodes, its text on their bytes (``node.text()``), folded (``normalize``)
    and trimmed (``trim``) as Python does, and kept when it is a label's length.

    The tags of each rule are passed in by name from ``teaser_fields`` (standard tags:
    a tag's id is its name's in every namespace, as ``LexborNode.tag`` names it). A
    class or id token is a maximal run of ``[a-z0-9]`` of the value lowercased
    (``Tokens.of``); a value with a byte beyond ASCII is left to ``titled`` (its
    lowercase form may hold ASCII letters: the Kelvin sign). A linked heading is a
    ``headings`` element at or below the element with a link (``a[href]``) among its
    ancestors, as Lexbor's descendant combinator finds it: the link may stand above
    the element."""

    cdef unsigned short kinds[TAG_LAST_ENTRY]
    cdef tuple title_parts  # bytes
    cdef ps_spaces spaces
    cdef object titled, title_inside, normalize, trim
    cdef Py_ssize_t max_chars
    cdef uintptr_t class_id, id_id, href_id

    def __init__(
        self,
        *,
        always,
        titled_tags,
        rows,
        bold,
        lines,
        inside,
        bold_tags,
        inline,
        headings,
        cells,
        links,
        title_parts,
        titled,
        title_inside,
        str spaces,
        normalize,
        trim,
        Py_ssize_t max_chars,
    ):
        cdef int c
        cdef uintptr_t tag
        for c in range(TAG_LAST_ENTRY):
            self.kinds[c] = 0
        for bit, names in (
            (_ALWAYS, always),
            (_TITLED, titled_tags),
            (_ROW, rows),
            (_BOLD, bold),
            (_LINE, lines),
            (_INSIDE, inside),
            (_BOLD_TAG, bold_tags),
            (_INLINE, inline),
            (_HEADING, headings),
            (_CELL, cells),
            (_LINK, links),
        ):
            for name in names:
                tag = tag_id(name)
                if tag >= TAG_LAST_ENTRY:
                    raise ValueError(f"not a standard tag: {name!r}")
                self.kinds[tag] |= bit
        parts = tuple(part.encode("ascii") for part in title_parts)
        if any(not part or not all(c in b"abcdefghijklmnopqrstuvwxyz0123456789" for c in part) for part in parts):
            raise ValueError("a title part is a run of [a-z0-9]")
        self.title_parts = parts
        set_spaces(&self.spaces, spaces)
        self.titled, self.title_inside = titled, title_inside
        self.normalize, self.trim = normalize, trim
        self.max_chars = max_chars
        self.class_id = attribute_id(b"class")
        self.id_id = attribute_id(b"id")
        self.href_id = attribute_id(b"href")

    def of(self, element, tokens, bint line=False) -> object:
        """The label ``element`` shows, or None; ``line``: a bold element may open a line
        of its own (after a break or a block) rather than its block."""
        return self._of(c_node(element), element, tokens, line)

    cdef object _of(self, ps_node *node, object element, object tokens, bint line):
        cdef unsigned short kind = self._kind(node)
        if not kind or not self._is_label(node, kind, element, tokens, line):
            return None
        if kind & _INSIDE:
            inner = self.title_inside.first(element)
            if inner is not None:
                return self._text(c_node(inner))
        return self._text(node)

    def text(self, element) -> object:
        """``element``'s text folded and trimmed, when it is a label's length, or None."""
        return self._text(c_node(element))

    cdef inline unsigned short _kind(self, ps_node *node) noexcept:
        if node.type != PS_ELEMENT or node.local_name >= TAG_LAST_ENTRY:
            return 0
        return self.kinds[node.local_name]

    cdef bint _is_label(self, ps_node *node, unsigned short kind, object element, object tokens, bint line) except -1:
        if kind & _ALWAYS:
            return True
        if kind & _TITLED and self._is_titled(node, element, tokens) and not self._holds_linked_heading(node):
            return True
        if kind & _ROW and not self._holds(node, _CELL):
            return True
        if kind & _BOLD and self._opens(node, line) and not self._holds(node, _LINK):
            return True
        return kind & _LINE and self._holds_bold_line(node)

    cdef bint _is_titled(self, ps_node *node, object element, object tokens) except -1:
        """Whether a token of the class or id is one of ``title_parts``."""
        cdef ps_attr *attr = (<ps_element *>node).first_attr
        cdef int found
        while attr != NULL:
            if attr.node.prefix == 0 and (
                attr.node.local_name == self.class_id or attr.node.local_name == self.id_id
            ):
                if attr.value != NULL and attr.value.data != NULL:
                    found = self._names_title(attr.value.data, attr.value.length)
                    if found < 0:
                        return bool(self.titled(element, tokens))
                    if found:
                        return True
            attr = attr.next
        return False

    cdef int _names_title(self, const unsigned char *data, size_t length) noexcept:
        """1 when a maximal run of ``[a-z0-9]`` of ``data`` lowercased is a title part,
        0 when none is, -1 for a byte beyond ASCII."""
        cdef unsigned char run[16]
        cdef size_t size = 0
        cdef size_t i
        cdef unsigned char c
        cdef bint alnum
        cdef bint found = False
        for i in range(length + 1):
            if i < length:
                c = data[i]
                if c >= 0x80:
                    return -1
                if 65 <= c <= 90:
                    c += 32
                alnum = 97 <= c <= 122 or 48 <= c <= 57
            else:
                alnum = False
            if alnum:
                if size < 16:
                    run[size] = c
                size += 1
            elif size:
                if not found and size < 16 and self._is_part(run, size):
                    found = True
                size = 0
        return found

    cdef bint _is_part(self, const unsigned char *run, size_t size) noexcept:
        cdef bytes part
        for part in self.title_parts:
            if len(part) == size and memcmp(<const unsigned char *>part, run, size) == 0:
                return True
        return False

    cdef bint _holds(self, ps_node *root, unsigned short bit) noexcept:
        """Whether an element at or below ``root`` is of a tag of ``bit``
        (``first_tagged``)."""
        cdef ps_node *node = root
        while node != NULL:
            if node.type == PS_ELEMENT:
                if node.local_name < TAG_LAST_ENTRY and self.kinds[node.local_name] & bit:
                    return True
                node = next_in(node, root, True)
            else:
                node = next_in(node, root, False)
        return False

    cdef bint _holds_linked_heading(self, ps_node *root) noexcept:
        """Whether a heading at or below ``root`` has a link among its ancestors
        (``a[href] h2, a[href] h3, a[href] h4``)."""
        cdef ps_node *node = root
        cdef ps_node *above
        while node != NULL:
            if node.type == PS_ELEMENT:
                if node.local_name < TAG_LAST_ENTRY and self.kinds[node.local_name] & _HEADING:
                    above = node.parent
                    while above != NULL:
                        if above.type == PS_ELEMENT and self._is_link(above):
                            return True
                        above = above.parent
                node = next_in(node, root, True)
            else:
                node = next_in(node, root, False)
        return False

    cdef inline bint _is_link(self, ps_node *node) noexcept:
        """Whether ``node`` is a link with a target (``a[href]``)."""
        cdef ps_attr *attr
        if node.local_name >= TAG_LAST_ENTRY or not self.kinds[node.local_name] & _LINK:
            return False
        attr = (<ps_element *>node).first_attr
        while attr != NULL:
            if attr.node.local_name == self.href_id:
                return True
            attr = attr.next
        return False

    cdef inline bint _is_blank(self, ps_node *node) noexcept:
        """Whether ``node`` is a text node of whitespace alone (or none)."""
        cdef const unsigned char *data
        cdef size_t length = 0
        if node.local_name != TAG_TEXT:
            return False
        data = text_bytes(node, &length)
        return data == NULL or all_spaces(&self.spaces, data, length)

    cdef bint _opens(self, ps_node *node, bint line) noexcept:
        """Whether no text or element comes before ``node`` in its parent, or with
        ``line`` only a line break or a block: "<hr><b>Other stories</b><ul>" after a
        story set in one column."""
        cdef ps_node *before = node.prev
        while before != NULL and self._is_blank(before):
            before = before.prev
        if before == NULL:
            return True
        return line and before.type == PS_ELEMENT and not self._kind(before) & _INLINE

    cdef bint _holds_bold_line(self, ps_node *node) noexcept:
        """Whether ``node`` holds one bold element and otherwise whitespace and comments
        alone (``bold_alone``), and no link is in it: an older page's block heading set
        in a line of its own ("<div><b>Recent articles</b></div>")."""
        cdef ps_node *child = node.first_child
        cdef ps_node *bold = NULL
        while child != NULL:
            if child.type == PS_ELEMENT:
                if bold != NULL or not self._kind(child) & _BOLD_TAG:
                    return False
                bold = child
            elif child.local_name == TAG_TEXT and not self._is_blank(child):
                return False
            child = child.next
        return bold != NULL and not self._holds(bold, _LINK)

    cdef object _text(self, ps_node *node):
        text = self.trim(self.normalize(deep_text(node)))
        return text if text and len(text) <= self.max_chars else None


cdef enum:
    _MAX_BLOCK_DEPTH = 16  # the most levels ``BlockFinder`` may be set to climb


cdef inline bint _only_child(ps_node *node) noexcept:
    """Whether no element stands beside ``node`` in its parent (text and comments may)."""
    return alone(node.prev, True) and alone(node.next, False)


cdef class BlockFinder:
    """An item's block, its label and the label's element (``teaser_fields.find_block``,
    whose comment gives the rules): up the item's ancestors below ``stop_tags``, for
    ``depth`` levels, wrappers holding only the branch below not counted, up to
    ``wrappers`` of them; at each, the heading just before the branch (``before``;
    above ``depth`` ancestors climbed, only a heading element or one holding a
    ``subheadings`` element), else the block's own label (``teaser_fields``'
    block heading: the first child of ``label_tags`` that is no item, reads as a
    label by ``labels`` and is not ``is_hidden``, else its ``aria-label`` of
    ``max_chars`` characters or fewer, ``normalize``\ d); failing all, the first of the
    first ``depth`` ancestors whose class tokens name a label (``Tokens.block_label``).

    Answers (block element, label, label element), with the item's parent and no label
    when none is found. Tags are standard tags, by name (a tag's id is its name's in
    every namespace, as ``LexborNode.tag`` names it)."""

    cdef HeadingBefore before
    cdef Labels labels
    cdef int depth, wrappers
    cdef Py_ssize_t max_chars
    cdef unsigned char stop[TAG_LAST_ENTRY]
    cdef unsigned char heading[TAG_LAST_ENTRY]
    cdef unsigned char label_tags[TAG_LAST_ENTRY]
    cdef AttrNames aria_label
    cdef object subheadings, normalize

    def __init__(
        self,
        *,
        HeadingBefore before not None,
        Labels labels not None,
        stop_tags,
        heading_tags,
        label_tags,
        int depth,
        int wrappers,
        Py_ssize_t max_chars,
        subheadings,
        normalize,
    ):
        if not 0 < depth <= _MAX_BLOCK_DEPTH:
            raise ValueError(f"depth must be 1 to {_MAX_BLOCK_DEPTH}")
        tag_table(self.stop, stop_tags)
        tag_table(self.heading, heading_tags)
        tag_table(self.label_tags, label_tags)
        self.before, self.labels = before, labels
        self.depth, self.wrappers, self.max_chars = depth, wrappers, max_chars
        self.aria_label = AttrNames(("aria-label",))
        self.subheadings, self.normalize = subheadings, normalize

    def of(self, item, set items, set holders, tokens) -> tuple:
        """(block element, label, label element) of the item element ``item``; ``items``
        the items' ``mem_id``, ``holders`` the page's heading holders."""
        cdef ps_node *below = c_node(item)
        cdef ps_node *node = below.parent
        cdef ps_node *chain[_MAX_BLOCK_DEPTH]
        cdef object parser = item.parser
        cdef int levels = 0, wrappers = 0, climbed = 0, i
        cdef bint far
        while (
            node != NULL
            and not (node.local_name < TAG_LAST_ENTRY and self.stop[node.local_name])
            and levels < self.depth
        ):
            if wrappers < self.wrappers and _only_child(below):
                wrappers += 1
            else:
                levels += 1
            if climbed < self.depth:
                chain[climbed] = node
            climbed += 1
            far = climbed > self.depth
            found = self.before._of(below, parser, None, items, holders, tokens)
            if found is not None and (not far or self._is_heading(found[0])):
                return wrap(node, parser), found[1], found[0]
            if not far:
                label = self._own_label(node, parser, items, tokens)
                if label is not None:
                    return wrap(node, parser), label, None
            below, node = node, node.parent
        for i in range(min(climbed, self.depth)):
            element = wrap(chain[i], parser)
            label = tokens.block_label(element)
            if label is not None:
                return element, label, None
        parent = c_node(item).parent
        return (wrap(parent, parser) if parent != NULL else None), None, None

    cdef bint _is_heading(self, object element) except -1:
        cdef ps_node *node = c_node(element)
        if node.local_name < TAG_LAST_ENTRY and self.heading[node.local_name]:
            return True
        return self.subheadings.first(element) is not None

    cdef object _own_label(self, ps_node *node, object parser, set items, object tokens):
        """The block heading of ``node``: its first label child shown, else its
        ``aria-label``."""
        cdef ps_node *child = node.first_child
        cdef ps_attr *attr
        cdef ps_attr *named = NULL
        while child != NULL:
            if (
                child.type == PS_ELEMENT
                and child.local_name < TAG_LAST_ENTRY
                and self.label_tags[child.local_name]
                and <uintptr_t>child not in items
            ):
                element = wrap(child, parser)
                label = self.labels._of(child, element, tokens, False)
                if label is not None and not self.before._hidden(child, element):
                    return label
            child = child.next
        attr = (<ps_element *>node).first_attr if node.type == PS_ELEMENT else NULL
        while attr != NULL:
            if has_name(attr, &self.aria_label.names[0]):
                named = attr  # the last of the name, as ``LexborNode.attributes`` keeps
            attr = attr.next
        if named == NULL:
            return None
        value = value_text(named.value)
        if value and len(value) <= self.max_chars:
            return self.normalize(value)
        return None


cdef class BodyCounts:
    """How many of a parent's children are body paragraphs that are no items (by
    ``mem_id``), up to two, and, beside fewer than two, how many of its text nodes are
    runs as long as a body paragraph, up to two: the counts ``InlinePromos`` reads.

    The rules stay Python and are asked only of the children that may pass them:
    ``is_body_paragraph`` of the element children of ``paragraph_tags``, and, when
    ``may_hold_body_run`` says the parent's own text may hold a run, ``is_body_run`` of
    its text nodes (decoded as selectolax decodes them). A text of fewer than
    ``run_bytes`` bytes is too short for either (a character is one byte or more).
    """

    cdef unsigned char paragraph[TAG_LAST_ENTRY]
    cdef Py_ssize_t run_bytes
    cdef object is_body_paragraph, may_hold_body_run, is_body_run

    def __init__(self, *, paragraph_tags, is_body_paragraph, may_hold_body_run, is_body_run, run_bytes):
        tag_table(self.paragraph, paragraph_tags)
        self.is_body_paragraph = is_body_paragraph
        self.may_hold_body_run = may_hold_body_run
        self.is_body_run = is_body_run
        self.run_bytes = run_bytes

    def of(self, parent, set items) -> tuple:
        """``count`` of a selectolax node: the tests' door to it (``InlinePromos`` calls
        ``count`` in C)."""
        return self.count(c_node(parent), parent.parser, items)

    cdef tuple count(self, ps_node *top, object parser, set items):
        cdef ps_node *child = top.first_child
        cdef const unsigned char *data
        cdef size_t length = 0
        cdef Py_ssize_t own = 0
        cdef int elements = 0
        cdef int runs = 0
        while child != NULL:
            if child.type == PS_ELEMENT:
                if (
                    child.local_name < TAG_LAST_ENTRY
                    and self.paragraph[child.local_name]
                    and not PySet_Contains(items, <uintptr_t>child)
                    and self.is_body_paragraph(wrap(child, parser))
                ):
                    elements += 1
                    if elements > 1:
                        return elements, 0
            else:
                data = text_bytes(child, &length)
                if data != NULL:
                    own += length
            child = child.next
        # Runs matter only beside fewer than two paragraphs.
        if own < self.run_bytes or not self.may_hold_body_run(wrap(top, parser)):
            return elements, 0
        child = top.first_child
        while child != NULL:
            data = text_bytes(child, &length)
            if data != NULL and <Py_ssize_t>length >= self.run_bytes and self.is_body_run(
                PyUnicode_DecodeUTF8(<const char *>data, length, "replace")
            ):
                runs += 1
                if runs > 1:
                    break
            child = child.next
        return elements, runs



cdef enum:
    _TAG_DOCTYPE = 0x05  # LXB_TAG__EM_DOCTYPE, after the text's, the document's and the comment's ids


cdef class InlinePromos:
    """Whether an item is a promo inside the article body (``teasers``' inline promo
    test, whose rules its doc there states), in one call an item; and whether an item's
    folded text opens with a promo label (``labelled``).

    ``of(item, paragraphs, items)`` reads the item's text only as far as its opening
    decides the label: its first two characters, which open no label in most items
    (``label_pairs``, ``label_leads``), read on the bytes when they are ASCII
    (``_opens_none``), else on its first ``head_bytes`` bytes (``_fields.opening``), then
    ``opening_bytes``, whose first ``label_reach`` characters folded ``label`` matches
    when it matches the whole text. The body paragraphs beside the item are counted once
    per parent (``counts``, kept in ``paragraphs`` by the parent's ``mem_id``), and the
    item's line is read on its siblings (``node.tag`` told by the tag id: an element of
    ``inline_tags`` or text goes on a line; a text node of ``spaces`` alone, a comment, a
    doctype or a document is passed over). When the item is a promo, its ``label_node``
    is set to the label set apart before it on its line, or None.
    """

    cdef BodyCounts counts
    cdef unsigned char inline_tag[TAG_LAST_ENTRY]
    cdef uintptr_t line_break
    cdef ps_spaces spaces
    cdef _Opens opens
    cdef frozenset pairs, leads, separators
    cdef object label, nav, normalize, word_count
    cdef size_t head_bytes, opening_bytes
    cdef Py_ssize_t label_reach, max_lead_in_words, min_inline_words

    def __init__(
        self,
        *,
        counts,
        inline_tags,
        line_break,
        spaces,
        label_pairs,
        label_leads,
        label,
        nav,
        normalize,
        word_count,
        separators,
        head_bytes,
        opening_bytes,
        label_reach,
        max_lead_in_words,
        min_inline_words,
    ):
        self.counts = counts
        tag_table(self.inline_tag, inline_tags)
        self.line_break = tag_id(line_break)
        set_spaces(&self.spaces, spaces)
        self.pairs = frozenset(label_pairs)
        self.leads = frozenset(label_leads)
        _set_opens(self.opens, self.pairs, self.leads)
        self.label = label
        self.nav = nav
        self.normalize = normalize
        self.word_count = word_count
        self.separators = frozenset(separators)
        self.head_bytes = head_bytes
        self.opening_bytes = opening_bytes
        self.label_reach = label_reach
        self.max_lead_in_words = max_lead_in_words
        self.min_inline_words = min_inline_words

    def of(self, item, dict paragraphs, set items) -> bool:
        cdef object element = item.node
        cdef ps_node *node = c_node(element)
        cdef ps_node *label
        link = item.link
        text = self._text(node)
        if text is not None and self._labelled(text, link.title):
            return True
        parser = element.parser
        if not self._in_body(node, parser, paragraphs, items):
            return False
        card = link.heading is not None or item.image is not None or item.snippet is not None
        if not card and text is None:
            text = self.normalize(deep_text(node))
        bare = not card and text == link.title and self.word_count(text) >= self.min_inline_words
        label = self._line_label(node)
        if not (card or bare or label != NULL):
            return False
        item.label_node = wrap(label, parser) if label != NULL else None  # taken out with the promo
        return True

    def labelled(self, str text, str title) -> bool:
        return self._labelled(text, title)

    def text(self, element) -> str | None:
        """``_text`` of an element (for the tests)."""
        return self._text(c_node(element))

    cdef bint _labelled(self, str text, str title) except -1:
        """Whether ``text`` opens with a promo label that is no navigation label, the
        headline (``title``) not opening with one ("Related party deals...")."""
        return (
            self._may_open(text)
            and self.label(text) is not None
            and self.label(title) is None
            and self.nav(text) is None
        )

    cdef bint _may_open(self, str text) except -1:
        """``teaser_fields.may_open_with(text, label_pairs, label_leads)``."""
        cdef Py_UCS4 a, b
        if len(text) >= 2:
            a = text[0]
            b = text[1]
            return a >= 128 or b >= 128 or self.opens[a][b]
        head = text[:2]
        return not head.isascii() or head in self.pairs or head[:1] in self.leads

    cdef object _text(self, ps_node *node):
        """The item's text folded, or None when its opening shows it opens with no label:
        its first two characters read on the bytes (``_opens_none``), else on the folded
        opening."""
        cdef tuple found
        cdef str text
        if _opens_none(node, True, self.spaces.ascii, self.opens):
            return None
        found = opening(node, self.head_bytes)
        if found is not None:
            text = self.normalize(found[0])
            if found[1] or len(text) >= 2:
                if not self._may_open(text):
                    return None
                if found[1]:
                    return text
        found = opening(node, self.opening_bytes)
        if found is not None:
            text = self.normalize(found[0])
            if found[1]:
                return text
            if len(text) >= self.label_reach and self.label(text) is None:
                return None
        return self.normalize(deep_text(node))

    cdef bint _in_body(self, ps_node *node, object parser, dict paragraphs, set items) except -1:
        """Whether the item stands among two body paragraphs, or runs beside it on a line
        of its own."""
        cdef ps_node *parent = node.parent
        cdef int elements, runs
        if parent == NULL:
            return False
        key = <uintptr_t>parent
        counts = paragraphs.get(key)
        if counts is None:
            counts = paragraphs[key] = self.counts.count(parent, parser, items)
        elements, runs = counts
        return elements >= 2 or (elements + runs >= 2 and self._own_line(node))

    cdef inline bint _in_line(self, ps_node *node) noexcept:
        """Whether ``node`` goes on a line: text or an inline element."""
        return node.local_name == TAG_TEXT or (
            node.type == PS_ELEMENT
            and node.local_name < TAG_LAST_ENTRY
            and self.inline_tag[node.local_name]
        )

    cdef inline bint _ends_line(self, ps_node *node) noexcept:
        """Whether a neighbour of the item ends its line: a line break, a block or nothing."""
        return node == NULL or node.local_name == self.line_break or not self._in_line(node)

    cdef ps_node *_neighbour(self, ps_node *node, bint forward) noexcept:
        """The sibling next to ``node`` that is no white space, comment, doctype or document."""
        cdef ps_node *sibling = node.next if forward else node.prev
        cdef const unsigned char *data
        cdef size_t length = 0
        while sibling != NULL:
            if sibling.local_name == TAG_TEXT:
                data = text_bytes(sibling, &length)
                if data != NULL and not all_spaces(&self.spaces, data, length):
                    return sibling
            elif sibling.local_name < TAG_TEXT or sibling.local_name > _TAG_DOCTYPE:
                return sibling
            sibling = sibling.next if forward else sibling.prev
        return NULL

    cdef bint _own_line(self, ps_node *node) except -1:
        """Whether the item stands on a line of its own (a block, or a line's end on each
        side, a label before it allowed, or after it a text opening a sentence)."""
        cdef ps_node *label
        cdef ps_node *after
        if not self._in_line(node):
            return True
        label = self._line_label(node)
        if not self._ends_line(self._neighbour(label if label != NULL else node, False)):
            return False
        after = self._neighbour(node, True)
        return self._ends_line(after) or (after != NULL and self._opens_sentence(after))

    cdef bint _opens_sentence(self, ps_node *node) except -1:
        """Whether ``node`` is text whose first letter is a capital."""
        cdef const unsigned char *data
        cdef size_t length = 0
        if node.local_name != TAG_TEXT:
            return False
        data = text_bytes(node, &length)
        if data == NULL:
            return False
        text = PyUnicode_DecodeUTF8(<const char *>data, length, "replace")
        return text.lstrip()[:1].isupper()

    cdef ps_node *_line_label(self, ps_node *node) except *:
        """The inline element right before the item holding a promo label alone, or a
        lead-in of a few words ending in a label separator; NULL for none."""
        cdef ps_node *before = self._neighbour(node, False)
        cdef str text
        if before == NULL or before.type != PS_ELEMENT or not self._in_line(before):
            return NULL
        text = deep_text(before)
        found = self.label(text)
        if found is not None and found.end() == len(text):
            return before
        text = text.strip()
        if text[-1:] in self.separators and self.word_count(text) <= self.max_lead_in_words:
            return before
        return NULL

cdef struct _Kept:
    # A kept item as ``Removal`` reads it, its objects borrowed from the item. ``block``
    # is NULL when the item goes alone: no block, an inline promo, a stop tag's block.
    PyObject *node_object
    PyObject *block_object
    PyObject *label_object
    ps_node *node
    ps_node *block
    ps_node *label
    Py_ssize_t label_chars  # len(item.block or "")
    Py_ssize_t length  # the item's text length, -1 until measured
    Py_ssize_t block_length
    bint inline
    int whole  # whether its block goes whole, -1 until its block's walk


cdef struct _Taken:
    # A node to remove, in the order the rule names them: its object (borrowed), its text
    # length (-1 until measured), whether it is the first of its address and in no other.
    ps_node *node
    PyObject *object
    Py_ssize_t length
    Py_ssize_t order
    bint kept


cdef int _by_address(const void *first, const void *second) noexcept nogil:
    cdef const _Taken *a = (<const _Taken **>first)[0]
    cdef const _Taken *b = (<const _Taken **>second)[0]
    if a.node != b.node:
        return -1 if <uintptr_t>a.node < <uintptr_t>b.node else 1
    return -1 if a.order < b.order else (1 if a.order > b.order else 0)


cdef bint _listed(_Taken **by_address, Py_ssize_t count, ps_node *node) noexcept nogil:
    """Whether ``node`` is among the ``count`` nodes sorted by address."""
    cdef Py_ssize_t low = 0
    cdef Py_ssize_t high = count
    cdef Py_ssize_t middle
    while low < high:
        middle = (low + high) >> 1
        if <uintptr_t>by_address[middle].node < <uintptr_t>node:
            low = middle + 1
        else:
            high = middle
    return low < count and by_address[low].node == node


cdef struct _Fold:
    # A subtree's text counted as ``FoldedLength.of(root, joined=True)`` counts it: its
    # characters that are not whitespace, its words, whether the last character was
    # one of a word; ``end`` the node after the subtree in the walk (NULL: none).
    Py_ssize_t chars
    Py_ssize_t words
    bint in_word
    ps_node *end


cdef inline Py_ssize_t _folded(const _Fold *fold) noexcept:
    return fold.chars + fold.words - 1 if fold.words else 0


cdef class Removal:
    """The nodes teaser removal takes out and the characters of their text, as
    ``teasers`` states the rule: per kept item its block node when the block (no
    ``stop_tags`` element) holds no ``h1`` and at most ``max_extra_chars`` characters
    beside its items and its label, else the item; an inline item's promo label, and a
    block's label standing outside it when it holds no more than the label; the
    outermost of these in first-seen order.

    The items are ``teasers._Item``s, read by their fields ``node``, ``inline``,
    ``block_node``, ``block`` and ``label_node``. A text's length is
    ``teaser_fields.text_length``'s (whitespace runs folded to one space, text nodes
    joined as ``text()`` joins them), counted on the text nodes' bytes: a block's one
    walk counts its items' lengths too, each from its first text on as if walked
    alone, and finds whether it holds an ``h1``. Where bytes are not UTF-8 the node's
    length is ``text_length``'s (handed in), which reads the decoded text. The items,
    their blocks and the nodes taken are held in C arrays, told apart by address; the
    outermost are found by each one's ancestors looked up among the others sorted.
    """

    cdef Py_ssize_t max_extra
    cdef unsigned char stop[TAG_LAST_ENTRY]
    cdef uintptr_t h1
    cdef ps_spaces spaces
    cdef object text_length

    def __init__(self, *, Py_ssize_t max_extra_chars, stop_tags, str spaces, text_length):
        self.max_extra = max_extra_chars
        tag_table(self.stop, stop_tags)
        self.h1 = tag_id("h1")
        set_spaces(&self.spaces, spaces)
        self.text_length = text_length

    def of(self, list kept) -> tuple:
        """The nodes to remove and the characters of their text."""
        return self._of(kept)

    cdef tuple _of(self, list kept):
        cdef Py_ssize_t n = len(kept)
        cdef _Kept *items = <_Kept *>PyMem_Malloc((n + 1) * sizeof(_Kept))
        cdef _Taken *taken = <_Taken *>PyMem_Malloc((2 * n + 1) * sizeof(_Taken))
        cdef _Taken **by_address = <_Taken **>PyMem_Malloc((2 * n + 1) * sizeof(_Taken *))
        cdef ps_node **tops = <ps_node **>PyMem_Malloc((n + 1) * sizeof(ps_node *))
        cdef Py_ssize_t *found = <Py_ssize_t *>PyMem_Malloc((n + 1) * sizeof(Py_ssize_t))
        if items == NULL or taken == NULL or by_address == NULL or tops == NULL or found == NULL:
            PyMem_Free(items)
            PyMem_Free(taken)
            PyMem_Free(by_address)
            PyMem_Free(tops)
            PyMem_Free(found)
            raise MemoryError()
        try:
            self._read(kept, items, n)
            return self._remove(items, n, taken, by_address, tops, found)
        finally:
            PyMem_Free(items)
            PyMem_Free(taken)
            PyMem_Free(by_address)
            PyMem_Free(tops)
            PyMem_Free(found)

    cdef int _read(self, list kept, _Kept *items, Py_ssize_t n) except -1:
        """The items' fields, once each."""
        cdef Py_ssize_t i
        cdef _Kept *item
        cdef ps_node *block
        for i in range(n):
            kept_item = kept[i]
            item = &items[i]
            node = kept_item.node
            item.node_object = <PyObject *>node
            item.node = c_node(node)
            item.inline = kept_item.inline
            label = kept_item.label_node
            item.label_object = <PyObject *>label if label is not None else NULL
            item.label = c_node(label) if label is not None else NULL
            text = kept_item.block
            item.label_chars = len(text) if text is not None else 0
            item.length = -1
            item.whole = -1
            item.block = NULL
            item.block_object = NULL
            block_node = kept_item.block_node
            if block_node is not None and not item.inline:
                block = c_node(block_node)
                if not (block.local_name < TAG_LAST_ENTRY and self.stop[block.local_name]):
                    item.block = block
                    item.block_object = <PyObject *>block_node
        return 0

    cdef tuple _remove(
        self, _Kept *items, Py_ssize_t n, _Taken *taken, _Taken **by_address,
        ps_node **tops, Py_ssize_t *found
    ):
        cdef Py_ssize_t count = 0
        cdef Py_ssize_t i, k
        cdef Py_ssize_t chars = 0
        cdef Py_ssize_t length
        cdef _Kept *item
        cdef _Taken *node
        cdef ps_node *label = NULL  # the last label measured, and its length
        cdef Py_ssize_t label_length = 0
        cdef ps_node *parent
        cdef list nodes = []
        for i in range(n):
            item = &items[i]
            if item.block == NULL:
                _take(taken, &count, item.node, item.node_object, -1)
                if item.inline and item.label != NULL:
                    _take(taken, &count, item.label, item.label_object, -1)  # its promo label
                continue
            if item.whole < 0:
                self._settle(items, i, n, tops, found)
            if item.whole:
                _take(taken, &count, item.block, item.block_object, item.block_length)
            else:
                _take(taken, &count, item.node, item.node_object, item.length)
            if item.label != NULL:
                if item.label != label:
                    label = item.label
                    label_length = self._length(label, item.label_object)
                if label_length <= item.label_chars:  # the heading alone, never a holder with more
                    _take(taken, &count, label, item.label_object, label_length)
        # The outermost, the first-seen of each address: none of its ancestors is taken.
        for i in range(count):
            by_address[i] = &taken[i]
        qsort(by_address, count, sizeof(_Taken *), _by_address)
        i = 0
        while i < count:
            node = by_address[i]
            node.kept = True
            k = i + 1
            while k < count and by_address[k].node == node.node:
                if node.length < 0:
                    node.length = by_address[k].length  # measured for a later one
                by_address[k].kept = False
                k += 1
            i = k
            parent = node.node.parent
            while parent != NULL:
                if _listed(by_address, count, parent):
                    node.kept = False
                    break
                parent = parent.parent
        for i in range(count):
            node = &taken[i]
            if node.kept:
                nodes.append(<object>node.object)
                length = node.length
                if length < 0:
                    length = self._length(node.node, node.object)
                chars += length
        return nodes, chars

    cdef int _settle(
        self, _Kept *items, Py_ssize_t first, Py_ssize_t n, ps_node **tops, Py_ssize_t *found
    ) except -1:
        """Whether the block of ``items[first]`` goes whole, its length and its items'
        lengths, set on each of its items: one walk of the block, its items met in it."""
        cdef ps_node *block = items[first].block
        cdef Py_ssize_t count = 0
        cdef Py_ssize_t i
        cdef Py_ssize_t length
        cdef Py_ssize_t held = 0
        cdef bint holds_h1 = block.type == PS_ELEMENT and block.local_name == self.h1
        cdef bint whole
        for i in range(first, n):
            if items[i].block == block:
                tops[count] = items[i].node
                count += 1
        length = _walk(&self.spaces, block, tops, count, found, self.h1, &holds_h1)
        if length < 0:
            length = self.text_length(<object>items[first].block_object)
            holds_h1 = self._holds_h1(block)
            for i in range(count):
                found[i] = -1
        count = 0
        for i in range(first, n):
            if items[i].block == block:
                if found[count] < 0:
                    found[count] = self._length(items[i].node, items[i].node_object)
                held += found[count]
                items[i].length = found[count]
                count += 1
        whole = length - held - items[first].label_chars <= self.max_extra and not holds_h1
        for i in range(first, n):
            if items[i].block == block:
                items[i].whole = whole
                items[i].block_length = length
        return 0

    cdef bint _holds_h1(self, ps_node *top) noexcept:
        """Whether ``top`` or an element below is an ``h1`` (``H1.first``)."""
        cdef ps_node *node = start(top)
        while node != NULL:
            if node.type == PS_ELEMENT and node.local_name == self.h1:
                return True
            node = next_in(node, top, True)
        return False

    cdef Py_ssize_t _length(self, ps_node *top, PyObject *node) except -1:
        """The node's text length."""
        cdef Py_ssize_t length = _walk(&self.spaces, top, NULL, 0, NULL, 0, NULL)
        if length < 0:
            length = self.text_length(<object>node)
        return length


cdef inline void _take(
    _Taken *taken, Py_ssize_t *count, ps_node *node, PyObject *object, Py_ssize_t length
) noexcept:
    cdef _Taken *entry = &taken[count[0]]
    entry.node = node
    entry.object = object
    entry.length = length
    entry.order = count[0]
    count[0] += 1


cdef Py_ssize_t _walk(
    const ps_spaces *spaces, ps_node *top, ps_node **items, Py_ssize_t n, Py_ssize_t *found,
    uintptr_t h1, bint *holds_h1
) noexcept:
    """The text length of ``top``'s subtree, or -1 where its bytes are not UTF-8.
    The lengths of the ``items`` met in their order in the walk go into ``found``
    (-1 for the others: an item out of that order, or not below ``top``). With
    ``holds_h1``, whether an element below is an ``h1`` (tag id ``h1``) is or-ed into it."""
    cdef _Fold whole
    cdef _Fold *folds = NULL
    cdef _Fold *fold
    cdef Py_ssize_t open_count = 0  # the items the walk is in, innermost last
    cdef Py_ssize_t* opened = NULL  # their indexes
    cdef Py_ssize_t next_item = 0
    cdef Py_ssize_t i, k
    cdef ps_node *node = top.first_child
    cdef const unsigned char *data
    cdef size_t length, at
    cdef int space
    cdef Py_ssize_t result = -1
    whole.chars = whole.words = 0
    whole.in_word = False
    if n:
        folds = <_Fold *>PyMem_Malloc(n * sizeof(_Fold))
        opened = <Py_ssize_t *>PyMem_Malloc(n * sizeof(Py_ssize_t))
        if folds == NULL or opened == NULL:
            PyMem_Free(folds)
            PyMem_Free(opened)
            return -1  # measured by text_length instead
        for i in range(n):
            found[i] = -1
    while True:
        while open_count and folds[opened[open_count - 1]].end == node:
            k = opened[open_count - 1]
            found[k] = _folded(&folds[k])
            open_count -= 1
        if node == NULL:
            break
        while next_item < n and items[next_item] == node:  # an item, entered
            fold = &folds[next_item]
            fold.chars = fold.words = 0
            fold.in_word = False
            fold.end = next_in(node, top, False)
            opened[open_count] = next_item
            open_count += 1
            next_item += 1
        data = text_bytes(node, &length)
        if data != NULL:
            at = 0
            while at < length:
                space = split_space(spaces, data, length, &at)
                if space < 0:
                    PyMem_Free(folds)
                    PyMem_Free(opened)
                    return -1
                if space:
                    whole.in_word = False
                    for i in range(open_count):
                        folds[opened[i]].in_word = False
                else:
                    whole.chars += 1
                    if not whole.in_word:
                        whole.words += 1
                        whole.in_word = True
                    for i in range(open_count):
                        fold = &folds[opened[i]]
                        fold.chars += 1
                        if not fold.in_word:
                            fold.words += 1
                            fold.in_word = True
        elif holds_h1 != NULL and node.local_name == h1 and node.type == PS_ELEMENT:
            holds_h1[0] = True
        node = next_in(node, top, True)
    result = _folded(&whole)
    PyMem_Free(folds)
    PyMem_Free(opened)
    return result


cdef Py_ssize_t _length_of(
    const ps_spaces *spaces, ps_node *node, object parser, object text_length
) except -1:
    """``teaser_fields.text_length`` of ``node``: counted on its bytes, or by
    ``text_length`` where they are not UTF-8."""
    cdef Py_ssize_t length = _walk(spaces, node, NULL, 0, NULL, 0, NULL)
    return length if length >= 0 else text_length(wrap(node, parser))


cdef class Assembly:
    """The teasers' records of the kept items and the nodes to remove, as
    ``teasers._assemble`` states the rule: each item's target normalized
    (``normalize``, each distinct one once), the items linking nowhere or to the page
    itself (``url_key`` of the page's URL) left out; the same target twice is one
    teaser, at its first item, whose link is the ``better`` of theirs and whose
    snippet, image and date are the first truthy ones of its items, in order; its
    block's index is the rank of its (block node, label) pair among the teasers', its
    picture normalized, its date read (``read``), and it is truncated when its title or
    snippet ends in an ellipsis (``truncated``, asked only of a text holding "..." or
    "\u2026", without which it answers no). The records are made by ``make``
    (``Teaser``'s fields in their order), the nodes by ``removal``. The items are
    ``teasers._Item``s, read by their fields; ``link.url`` is left as it was.
    """

    cdef Removal removal
    cdef object make, normalize, url_key, better, truncated

    def __init__(self, *, Removal removal not None, make, normalize, url_key, better, truncated):
        self.removal = removal
        self.make, self.normalize, self.url_key = make, normalize, url_key
        self.better, self.truncated = better, truncated

    def of(self, list kept, str page_url not None, read) -> tuple:
        """The teasers (a tuple), the nodes to remove and the characters of their text;
        ``read`` reads a date shown."""
        cdef dict targets = {}  # by raw target: the normalized one, None to leave out
        cdef dict first = {}  # by normalized target: [item, link, snippet, image, date]
        cdef dict blocks = {}  # block indexes by (block node's address, label)
        cdef list teasers = []
        cdef list seen
        cdef Py_ssize_t position = 0
        page_key = self.url_key(page_url)
        for item in kept:
            link = item.link
            raw = link.url
            url = targets.get(raw, targets)
            if url is targets:
                url = self.normalize(raw, page_url)
                if url is not None and self.url_key(url) == page_key:
                    url = None
                targets[raw] = url
            if url is None:
                continue
            found = first.get(url)
            if found is None:
                first[url] = [item, link, item.snippet, item.image, item.date]
                continue
            seen = <list>found
            if self.better(link, seen[1]):
                seen[1] = link
            if not seen[2]:
                seen[2] = item.snippet
            if not seen[3]:
                seen[3] = item.image
            if not seen[4]:
                seen[4] = item.date
        for url, found in first.items():
            seen = <list>found
            item = seen[0]
            node = item.block_node
            block = item.block
            key = (<uintptr_t>c_node(node) if node is not None else -1, block)
            index = blocks.get(key)
            if index is None:
                index = blocks[key] = len(blocks)
            title = seen[1].title
            snippet, image, date = seen[2], seen[3], seen[4]
            teasers.append(
                self.make(
                    title,
                    url,
                    block,
                    index,
                    position,
                    snippet,
                    self._truncated(title) or (snippet is not None and self._truncated(snippet)),
                    self.normalize(image, page_url) if image else None,
                    read(date) if date else None,
                    item.sponsored,
                )
            )
            position += 1
        nodes, chars = self.removal._of(kept)
        return tuple(teasers), tuple(nodes), chars

    cdef bint _truncated(self, str text) except -1:
        return ("..." in text or "\u2026" in text) and self.truncated(text)


cdef uintptr_t _A = tag_id("a")
cdef uintptr_t _LI = tag_id("li")
cdef uintptr_t _UL = tag_id("ul")
cdef uintptr_t _OL = tag_id("ol")
cdef uintptr_t _BODY = tag_id("body")
cdef uintptr_t _HTML = tag_id("html")
cdef uintptr_t _HREF = attribute_id(b"href")


cdef class MenuEntries:
    """Whether a plain item (no heading, image or snippet) is a menu's entry, with the
    rule, limits and tests ``teasers`` states (``_MENU_ENTRIES``) and hands in: its target
    reads as no story (``paths``' ``is_story``, asked in C), or as one by its slug alone
    (``dated``: no date shown and none in its path, ``paths``' ``has_story_id_or_date``),
    and it stands in a submenu or, showing no date, in a flat menu.

    A submenu: the item is a list entry (``li``), or within ``entry_depth`` levels of
    one, of a ``ul`` or ``ol`` that an outer entry holds within ``submenu_depth`` levels
    (no ``body`` or ``html`` between). A flat menu: the nearest element above the item,
    up to ``flat_depth`` levels and below the ``stop_tags``, with ``min_links`` links
    (``a[href]``, the element itself included) or more has labels among them at
    ``min_share`` or more and holds no prose (more of its text than ``max_prose_share``
    outside the links); a smaller element on the way with two links or more, at most
    half of them labels, is a list of stories. A label: a link whose stripped text
    (``text(strip=True)``) has fewer than ``headline_words`` words (``str.split``'s, then
    ``word_count``'s) and whose target (``target`` of its ``href`` with the page's
    ``origin`` and ``url``) is no story with an id or date. An element's links and labels
    are remembered in ``page.menus`` (by address). Text lengths are ``text_length``'s,
    counted on the bytes, by ``text_length`` where they are not UTF-8.
    """

    cdef int entry_depth, submenu_depth, flat_depth
    cdef Py_ssize_t min_links, headline_words
    cdef double min_share, max_prose_share
    cdef unsigned char stop[TAG_LAST_ENTRY]
    cdef ps_spaces spaces
    cdef FewWords few
    cdef object word_count, target, paths, text_length
    cdef unsigned char *buffer
    cdef size_t size

    def __init__(
        self,
        *,
        int entry_depth,
        int submenu_depth,
        int flat_depth,
        Py_ssize_t min_links,
        double min_share,
        double max_prose_share,
        stop_tags,
        Py_ssize_t headline_words,
        str spaces,
        word_count,
        target,
        paths,
        text_length,
    ):
        self.entry_depth, self.submenu_depth, self.flat_depth = entry_depth, submenu_depth, flat_depth
        self.min_links, self.headline_words = min_links, headline_words
        self.min_share, self.max_prose_share = min_share, max_prose_share
        tag_table(self.stop, stop_tags)
        set_spaces(&self.spaces, spaces)
        self.few = FewWords(headline_words, spaces)
        self.word_count, self.target = word_count, target
        self.paths, self.text_length = paths, text_length

    def __dealloc__(self):
        PyMem_Free(self.buffer)

    def of(self, node, str url, str title, bint shown_date, page) -> bool:
        """Whether the item ``node`` linking to ``url`` under ``title`` is a menu's
        entry; ``shown_date``: the item shows a date."""
        return self._of(node, url, title, shown_date, page)

    cdef bint _of(self, object node, str url, str title, bint shown_date, object page) except -1:
        cdef ps_node *item = c_node(node)
        if (shown_date or id_or_date(self.paths, url)) and story(self.paths, url, title):
            return False
        if self._in_submenu(item):
            return True
        return not shown_date and self._in_flat_menu(item, node.parser, page)

    cdef bint _in_submenu(self, ps_node *entry) noexcept:
        cdef ps_node *holder
        cdef int level
        for level in range(self.entry_depth):
            if entry == NULL or _tag_is(entry, _LI):
                break
            entry = entry.parent
        if entry == NULL or not _tag_is(entry, _LI):
            return False
        holder = entry.parent
        if holder == NULL or not (_tag_is(holder, _UL) or _tag_is(holder, _OL)):
            return False
        for level in range(self.submenu_depth):
            holder = holder.parent
            if holder == NULL or _tag_is(holder, _BODY) or _tag_is(holder, _HTML):
                return False
            if _tag_is(holder, _LI):
                return True
        return False

    cdef bint _in_flat_menu(self, ps_node *item, object parser, object page) except -1:
        cdef ps_node *current = item.parent
        cdef dict menus = page.menus
        cdef Py_ssize_t links, labels
        cdef int level
        for level in range(self.flat_depth):
            if current == NULL or (
                current.local_name < TAG_LAST_ENTRY and self.stop[current.local_name]
            ):
                return False
            counts = menus.get(<uintptr_t>current)
            if counts is None:
                counts = menus[<uintptr_t>current] = self._counts(current, parser, page)
            links, labels = counts
            if links >= self.min_links:
                return labels >= self.min_share * links
            if links >= 2 and 2 * labels <= links:
                return False  # a short list of headlines: stories, not a menu
            current = current.parent
        return False

    cdef tuple _counts(self, ps_node *top, object parser, object page):
        """``(links, labels)`` of the element ``top``; no labels when it holds prose."""
        cdef ps_node *node = start(top)
        cdef ps_attr *href
        cdef Py_ssize_t links = 0
        cdef Py_ssize_t labels = 0
        cdef Py_ssize_t linked = 0
        cdef Py_ssize_t total
        cdef list found = []
        while node != NULL:
            if node.type == PS_ELEMENT:
                if node.local_name == _A:
                    href = (<ps_element *>node).first_attr
                    while href != NULL and href.node.local_name != _HREF:
                        href = href.next
                    if href != NULL:
                        links += 1
                        found.append(<uintptr_t>node)
                        if self.few._count(node) < self.headline_words and self._is_label(
                            node, href, parser, page
                        ):
                            labels += 1
                node = next_in(node, top, True)
            else:
                node = next_in(node, top, False)
        if links >= self.min_links and labels >= self.min_share * links:
            total = _length_of(&self.spaces, top, parser, self.text_length)
            for key in found:
                linked += _length_of(&self.spaces, <ps_node *><uintptr_t>key, parser, self.text_length)
            if total - linked > self.max_prose_share * total:
                labels = 0  # a story beside its tag and category links: no menu
        return links, labels

    cdef bint _is_label(self, ps_node *link, ps_attr *href, object parser, object page) except -1:
        text = self._stripped(link, parser)
        if self.word_count(text) >= self.headline_words:
            return False
        if href.node.prefix != 0:
            value = wrap(link, parser).attrs.get("href") or ""
        elif href.value == NULL or href.value.length == 0:
            value = ""
        else:
            value = PyUnicode_DecodeUTF8(<char *>href.value.data, href.value.length, "replace")
        url = self.target(value, page.origin, page.url) or ""
        return not (id_or_date(self.paths, url) and story(self.paths, url, text))

    cdef str _stripped(self, ps_node *link, object parser):
        """``text(strip=True)``: each text node's text stripped, joined; asked of the
        node when a text is not UTF-8 (each text node is decoded alone)."""
        cdef ps_node *node = link.first_child
        cdef const unsigned char *data
        cdef size_t length, at, begin, end, total
        cdef unsigned char *grown
        cdef int space
        total = 0
        while node != NULL:
            data = text_bytes(node, &length)
            if data != NULL:
                at = 0
                begin = end = 0
                while at < length:
                    space = split_space(&self.spaces, data, length, &at)
                    if space < 0:
                        return wrap(link, parser).text(strip=True)
                    if not space:
                        if end == 0:
                            begin = at - _char_size(data, at)
                        end = at
                if end > begin:
                    if total + end - begin > self.size:
                        grown = <unsigned char *>PyMem_Realloc(self.buffer, 2 * (total + end - begin))
                        if grown == NULL:
                            raise MemoryError()
                        self.buffer, self.size = grown, 2 * (total + end - begin)
                    memcpy(self.buffer + total, data + begin, end - begin)
                    total += end - begin
            node = next_in(node, link, True)
        return PyUnicode_DecodeUTF8(<char *>self.buffer, total, "strict") if total else ""


cdef uintptr_t _ARTICLE_TAG = tag_id("article")


cdef class TeaserTests:
    """Whether an item is a teaser (``teasers._is_teaser``, whose module doc states the
    rules), in one call an item, with the limits and tests ``teasers`` hands in.

    In order: an item ``hidden`` by its region (hidden or excluded) or showing a
    product is none; nor one of ``legal_words`` words or fewer whose title ``legal``
    finds a legal label in, one whose target ``paths`` reads as a service page, one
    whose title is a date alone (``is_date``, asked only of a title of ``date_chars``
    characters or fewer holding a decimal digit, as ``\\d`` finds one: every date it
    accepts does), or a heading link of fewer than ``headline_words`` words, without
    image or snippet, whose target reads as no story (``paths``). A short headline is
    one outside ``menu`` and ``footer`` regions whose item shows a story
    (``shows_story``). In a ``menu`` region only a story card (a heading or an image) of
    ``headline_words`` words or more is one, or a plain link of ``menu_headline_words``
    words or more whose target reads as a story and shows its id or date (a
    dropdown's featured story, a header's ticker), in a ``footer`` region a story card or an
    item with look-alike siblings. A plain item is no teaser when it is a menu's entry
    (``menus``); a story card, an item with two look-alike siblings or more, an inline
    promo, a list entry or ``<article>``, a list of one entry linking to a story (``paths``),
    or an element whose class or id names a card
    (``card``, read in ``page.tokens.facts``) is one; else an item with a snippet is one
    unless it is a topic chip (``topic_chip``).
    """

    cdef long hidden, menu, footer
    cdef Py_ssize_t legal_words, date_chars, headline_words, menu_headline_words
    cdef int card
    cdef object paths, service, legal, is_date, shows_story, topic_chip
    cdef MenuEntries menus

    def __init__(
        self,
        *,
        long hidden,
        long menu,
        long footer,
        Py_ssize_t legal_words,
        Py_ssize_t date_chars,
        Py_ssize_t headline_words,
        Py_ssize_t menu_headline_words,
        int card,
        paths,
        legal,
        is_date,
        shows_story,
        menus,
        topic_chip,
    ):
        self.hidden, self.menu, self.footer = hidden, menu, footer
        self.legal_words, self.date_chars, self.headline_words = legal_words, date_chars, headline_words
        self.menu_headline_words = menu_headline_words
        self.card = card
        self.paths, self.service = paths, paths.is_service
        self.legal, self.is_date, self.shows_story = legal, is_date, shows_story
        self.menus, self.topic_chip = menus, topic_chip

    def of(self, item, long region, Py_ssize_t siblings, page) -> bool:
        """Whether ``item`` is a teaser; ``region``: its surroundings' bits, ``siblings``:
        its look-alike siblings."""
        if region & self.hidden or item.product:
            return False
        link = item.link
        cdef str title = link.title
        cdef str url = link.url
        cdef Py_ssize_t words = link.words
        if words <= self.legal_words and self.legal(title):
            return False
        if self.service(url):
            return False  # a notice's, an app promo's or a footer's link
        if self._may_be_date(title) and self.is_date(title):
            return False  # a date link (a post's permalink), no headline
        heading, image, snippet = link.heading, item.image, item.snippet
        if (
            heading is not None
            and words < self.headline_words
            and image is None
            and snippet is None
            and not story(self.paths, url, title)
        ):
            return False  # a short heading linking to a section or service page
        if link.short:
            return not region & (self.menu | self.footer) and bool(
                self.shows_story(item.node, link, siblings, page, item)
            )
        cdef bint story_card = heading is not None or image is not None
        if region & self.menu:
            if story_card:
                return words >= self.headline_words
            return (
                words >= self.menu_headline_words
                and story(self.paths, url, title)
                and self.paths.has_story_id_or_date(url)
            )
        if region & self.footer:
            return story_card or siblings >= 2
        node = item.node
        if not story_card and snippet is None and self.menus._of(
            node, url, title, item.date is not None, page
        ):
            return False  # a menu's entry naming a section or landing page
        if story_card or siblings >= 2 or item.inline:
            return True
        cdef ps_node *raw = c_node(node)
        if _tag_is(raw, _LI) or _tag_is(raw, _ARTICLE_TAG):
            return True
        if (<PageFacts>page.tokens.facts).kinds_of(raw, node.parser) & self.card:
            return True
        if (_tag_is(raw, _UL) or _tag_is(raw, _OL)) and _one_entry(raw):
            return story(self.paths, url, title)  # a list of one story: its only entry
        return snippet is not None and not self.topic_chip(link, page)

    cdef bint _may_be_date(self, str title) noexcept:
        """Whether ``title`` has ``date_chars`` characters or fewer, one of them a decimal
        digit (``str.isdecimal``'s, what ``\\d`` matches)."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(title)
        cdef int kind
        cdef const void *data
        cdef Py_ssize_t i
        if n > self.date_chars:
            return False
        kind, data = PyUnicode_KIND(title), PyUnicode_DATA(title)
        for i in range(n):
            if Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, i)):
                return True
        return False


cdef inline bint _tag_is(ps_node *node, uintptr_t tag) noexcept:
    return node.type == PS_ELEMENT and node.local_name == tag


cdef bint _one_entry(ps_node *node) noexcept:
    """Whether the list ``node`` has one ``<li>`` child, and no other element."""
    cdef ps_node *child = node.first_child
    cdef Py_ssize_t entries = 0
    while child != NULL:
        if child.type == PS_ELEMENT:
            if not _tag_is(child, _LI):
                return False
            entries += 1
        child = child.next
    return entries == 1


cdef inline size_t _char_size(const unsigned char *data, size_t end) noexcept:
    """The bytes of the well-formed UTF-8 character ending at ``end``."""
    cdef size_t size = 1
    while size < end and data[end - size] & 0xC0 == 0x80:
        size += 1
    return size
