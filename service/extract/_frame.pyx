# cython: language_level=3
"""The frame of a page's teasers, read in C: the own texts of a block outside its
items that may label it as paid content, the elements that hold stories, an item's
siblings' key, the links of a menu that may be labels, the outermost of the nodes
teaser removal takes out (``teasers``), and the elements the search for a block's
label reads beside and below an item's ancestors (``teaser_fields.heading_before``,
``block_heading``, ``teasers``' only child), and the body paragraphs beside an item
(``teasers._in_body``).

Each answers as the Python it replaced: ``LexborNode.iter()``, ``text(deep=False)``
and ``parent`` read on Lexbor's nodes, nodes told apart by their address
(``LexborNode.mem_id``). The rules stay in ``teasers``: the paid-label test runs on
the texts handed back, and the limits are passed in from there.
"""

from cpython.set cimport PySet_Contains
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdint cimport uintptr_t

from service.extract._lexbor cimport (
    PS_ELEMENT,
    PS_TEXT,
    TAG_LAST_ENTRY,
    alone,
    c_node,
    next_in,
    ps_node,
    ps_spaces,
    set_spaces,
    split_space,
    tag_id,
    text_bytes,
    wrap,
)


cdef class OwnTexts:
    """The own texts (``text(deep=False)``: the element's text children joined, decoded
    as selectolax decodes them) of the elements below a block, down to ``depth`` levels
    and outside its items (neither an item nor anything inside one), in page order, that
    may be a short label: texts longer than ``limit`` characters are left out, and so
    are texts of ``blank``'s ASCII characters alone (whitespace, which folds to no
    text). A text's length is at least the count of its bytes that start a character
    (any but 0x80-0xBF): a character, or the replacement of bytes that are not UTF-8,
    starts at each; a text of more such bytes than ``limit`` is longer."""

    cdef Py_ssize_t limit
    cdef unsigned char blank[128]

    def __init__(self, Py_ssize_t limit, str blank):
        cdef int c
        self.limit = limit
        for c in range(128):
            self.blank[c] = chr(c) in blank

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
        if total == 0 or blank:
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


def outermost(list nodes) -> list:
    """The nodes in first-seen order, without duplicates and without any inside another."""
    cdef ps_node *parent
    unique = {}
    for item in nodes:
        unique.setdefault(<uintptr_t>c_node(item), item)
    result = []
    for key, item in unique.items():
        parent = (<ps_node *><uintptr_t>key).parent
        while parent != NULL and <uintptr_t>parent not in unique:
            parent = parent.parent
        if parent == NULL:
            result.append(item)
    return result


def sibling_key(node) -> tuple:
    """What items with look-alike siblings share: their parent (its address, -1 for
    none) and their tag (its id and namespace, which tell the tags of a parsed page
    apart as ``LexborNode.tag`` does)."""
    cdef ps_node *element = c_node(node)
    parent = <uintptr_t>element.parent if element.parent != NULL else -1
    return (parent, element.local_name, element.ns)


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


def only_child(node) -> bool:
    """Whether no element stands beside ``node`` in its parent (text and comments may)."""
    cdef ps_node *element = c_node(node)
    return alone(element.prev, True) and alone(element.next, False)


def elements_before(node, set items, int count) -> list:
    """The elements before ``node`` among its siblings, nearest first, up to ``count``
    of them, leaving out the items (by ``mem_id``) and what is no element (text,
    comments)."""
    cdef ps_node *sibling = c_node(node).prev
    cdef object parser = node.parser
    found = []
    while sibling != NULL and len(found) < count:
        if sibling.type == PS_ELEMENT and <uintptr_t>sibling not in items:
            found.append(wrap(sibling, parser))
        sibling = sibling.prev
    return found


cdef class TaggedChildren:
    """The element children of a node whose tag is one of ``tags`` (standard tags, by
    name: a tag's id is its name's in every namespace, as ``LexborNode.tag`` names it),
    in order, leaving out the items (by ``mem_id``)."""

    cdef unsigned char member[TAG_LAST_ENTRY]

    def __init__(self, tags):
        cdef int c
        for c in range(TAG_LAST_ENTRY):
            self.member[c] = 0
        for name in tags:
            self.member[tag_id(name)] = 1

    def of(self, node, set items) -> list:
        cdef ps_node *child = c_node(node).first_child
        cdef object parser = node.parser
        found = []
        while child != NULL:
            if (
                child.type == PS_ELEMENT
                and child.local_name < TAG_LAST_ENTRY
                and self.member[child.local_name]
                and <uintptr_t>child not in items
            ):
                found.append(wrap(child, parser))
            child = child.next
        return found


cdef class BodyCounts:
    """How many of a parent's children are body paragraphs that are no items (by
    ``mem_id``), up to two, and, beside fewer than two, how many of its text nodes are
    runs as long as a body paragraph, up to two: the counts of ``teasers._in_body``.

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
        cdef int c
        for c in range(TAG_LAST_ENTRY):
            self.paragraph[c] = 0
        for name in paragraph_tags:
            self.paragraph[tag_id(name)] = 1
        self.is_body_paragraph = is_body_paragraph
        self.may_hold_body_run = may_hold_body_run
        self.is_body_run = is_body_run
        self.run_bytes = run_bytes

    def of(self, parent, set items) -> tuple:
        cdef ps_node *top = c_node(parent)
        cdef ps_node *child = top.first_child
        cdef object parser = parent.parser
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
        if own < self.run_bytes or not self.may_hold_body_run(parent):
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
