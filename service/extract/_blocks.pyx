# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The body's walks in C: the reader's walk of its container (``BlockWalk``), the
counts of a subtree's text and links (``CharCount``), the vote for the container
(``Ballot``, for ``article._vote``), three tests of the winner's refinement
(``Refinement``, for ``article._Scores.best``: the common ancestor of a body's parts,
the gate of the parts' query, a live entry's opening lines), the items of a signed
thread of comments (``SignedItems``, ``wrapped``, for ``article._signed_thread``) and
the winner's members, the runs beside it and its opening (``Members``, for
``article._members``, ``_runs`` and ``_opening``).

``Reader.read`` walked the container's nodes in Python: a node object, a tag
string and a chain of tests for every node, and a string for every text node.
``BlockWalk.read`` walks Lexbor's own nodes in the same order, with the same
stack of open elements, and tells elements apart by tag id against the tables
``body_reader`` passes in (``body_tables``: inline, label, leaf and wrapping
tags, breaks, note holders, lists, the class and id names of ``SKIP_IN_BODY``).
It gathers the runs of text (text nodes and inline elements between blocks),
and leaves every rule to Python: a run or a leaf block is handed to the reader's
``emit`` (``_emit.Emitter``: boilerplate lines, link share, stop blocks), and the rare elements that
need one are handed to the rules given at construction (a ``<br>`` inside a
sentence, a note box, a custom element, a staff list's support box, a table row).
Only the elements handed over are wrapped as ``LexborNode``s.
``tests/unit/extract/test_blocks.py`` checks each against the Python it replaced
on generated pages (the winner's members, its runs' parts and its opening too),
``test_signed_items.py`` the signed thread's items on generated holders.
"""

from cpython.mem cimport PyMem_Calloc, PyMem_Free, PyMem_Malloc, PyMem_Realloc
from cpython.unicode cimport (
    Py_UNICODE_ISALNUM,
    Py_UNICODE_ISDIGIT,
    Py_UNICODE_ISLOWER,
    Py_UNICODE_ISSPACE,
    Py_UNICODE_ISUPPER,
    PyUnicode_DecodeUTF8,
)
from libc.stdint cimport uint8_t, uint16_t, uint32_t, uintptr_t
from libc.string cimport memcmp, memcpy, memmove

from service.extract._lexbor cimport (
    PS_ATTR_LAST_ENTRY,
    PS_DOCUMENT,
    PS_ELEMENT,
    PS_TEXT,
    TAG_COMMENT,
    TAG_LAST_ENTRY,
    TAG_TEXT,
    attribute_id,
    c_node,
    lower,
    named,
    next_in,
    ps_attr,
    ps_character_data,
    ps_element,
    ps_node,
    ps_spaces,
    ps_str,
    set_spaces,
    split_space,
    tag_id,
    tag_table,
    text_bytes,
    value_text,
    within,
    wrap,
)

from service.extract._captions cimport Captions
from service.extract._emit cimport Emitter
from service.extract._unicode cimport ps_count_u8, ps_count_u16, ps_count_u32

from selectolax.lexbor import create_tag

cdef uintptr_t _A = tag_id("a")
cdef uintptr_t _CLASS = attribute_id(b"class")
cdef uintptr_t _ID = attribute_id(b"id")

cdef enum:
    _INLINE = 1
    _LABEL = 2
    _LEAF = 4
    _BREAK = 8
    _NOTE_HOLDER = 16
    _LIST = 32
    _WRAPPER = 64
    _THROUGH = 128
    _PICTURE = 256
    _MAX_NAMES = 64

# Whether a standard tag's name holds a hyphen not at its start (a custom element's
# mark; "annotation-xml" is the one standard name so): 0 not yet known, 1 no, 2 yes.
cdef unsigned char _HYPHENED[TAG_LAST_ENTRY]  # static: all 0 at first


cdef bint _hyphened_name(object name):
    return name is not None and "-" in name and not name.startswith("-")


cdef str _text_content(ps_node *node):
    """A text node's text (``LexborNode.text_content``, '' for None)."""
    cdef ps_character_data *data = <ps_character_data *>node
    if node.type != PS_TEXT or data.data.data == NULL:
        return ""
    return PyUnicode_DecodeUTF8(<char *>data.data.data, data.data.length, "replace")


cdef str _text(ps_node *root):
    """``LexborNode.text()``: the bytes of the text nodes below ``root`` joined, then
    decoded (invalid bytes replaced)."""
    cdef ps_node *node = root.first_child
    cdef ps_node *single = NULL
    cdef size_t total = 0
    cdef size_t length
    cdef Py_ssize_t pieces = 0
    cdef char *buffer
    cdef ps_character_data *data
    while node != NULL:
        data = <ps_character_data *>node
        if node.local_name == TAG_TEXT and data.data.data != NULL and data.data.length:
            total += data.data.length
            pieces += 1
            single = node
        node = next_in(node, root, True)
    if pieces == 0:
        return ""
    if pieces == 1:
        data = <ps_character_data *>single
        return PyUnicode_DecodeUTF8(<char *>data.data.data, data.data.length, "replace")
    buffer = <char *>PyMem_Malloc(total)
    if buffer == NULL:
        raise MemoryError()
    total = 0
    node = root.first_child
    while node != NULL:
        data = <ps_character_data *>node
        if node.local_name == TAG_TEXT and data.data.data != NULL:
            length = data.data.length
            memcpy(buffer + total, data.data.data, length)
            total += length
        node = next_in(node, root, True)
    try:
        return PyUnicode_DecodeUTF8(buffer, total, "replace")
    finally:
        PyMem_Free(buffer)


cdef list _child_texts(ps_node *node, Py_ssize_t depth):
    """The texts of ``node``'s children (texts and elements, not comments), or of its
    only child's when it wraps the whole line, down to ``depth`` wrappers."""
    cdef ps_node *child
    cdef ps_node *only
    cdef Py_ssize_t count
    cdef list texts
    for _ in range(depth):
        count = 0
        only = NULL
        child = node.first_child
        while child != NULL:
            if child.local_name != TAG_COMMENT:
                count += 1
                only = child
            child = child.next
        if count != 1 or only.local_name == TAG_TEXT:
            texts = []
            child = node.first_child
            while child != NULL:
                if child.local_name == TAG_TEXT:
                    texts.append(_text_content(child))
                elif child.local_name != TAG_COMMENT:
                    texts.append(_text(child))
                child = child.next
            return texts
        node = only
    return [_text(node)]


cdef bint _glued_at(Py_UCS4 last, Py_UCS4 first) noexcept:
    """Whether a text ending in ``last`` and one starting with ``first`` run into each
    other as two words: a lowercase letter before a capital, a digit beside a letter
    ("LeeMarch", "2026By"); the character classes are ``str``'s."""
    if not (Py_UNICODE_ISALNUM(last) and Py_UNICODE_ISALNUM(first)):
        return False
    return Py_UNICODE_ISDIGIT(last) != Py_UNICODE_ISDIGIT(first) or (
        Py_UNICODE_ISLOWER(last) and Py_UNICODE_ISUPPER(first)
    )


cdef object _glued(list pieces):
    """``pieces`` when two of them side by side run into each other (``_glued_at``),
    else None: the parts of a line whose elements' texts meet with no space."""
    cdef Py_ssize_t i
    cdef str left, right
    for i in range(len(pieces) - 1):
        left = pieces[i]
        right = pieces[i + 1]
        if left and right and _glued_at(left[len(left) - 1], right[0]):
            return pieces
    return None


cdef Py_ssize_t _close(_Open *open_, Py_ssize_t depth, dict link_chars) except -1:
    """Leaves the innermost open element: its link characters, when it has any, are
    noted and added to the element above it. The new depth."""
    cdef Py_ssize_t links = open_[depth - 1].links
    if links:
        link_chars[<size_t>open_[depth - 1].node] = links
        if depth > 1:
            open_[depth - 2].links += links
    return depth - 1


cdef int _read_through(ps_node *node, ps_node *top, set holds) except -1:
    """Marks the elements above ``node`` up to ``top`` as read child by child."""
    cdef ps_node *up = node.parent if node != top else NULL
    while up != NULL and <size_t>up not in holds:
        holds.add(<size_t>up)
        up = up.parent if up != top else NULL
    return 0


cdef struct _Level:
    ps_node *node  # the next child to read, NULL once read
    bint block  # a block: its end ends a run (an inline element read through is none)
    Py_ssize_t start  # the paragraphs read when it opened (a support box takes back its own)
    Py_ssize_t left  # the reader's ``left_out`` when it opened


cdef class _Levels:
    """The open elements, innermost last (``kinds``, the kind each one's runs take, is
    the Python list the reader reads beside it)."""

    cdef _Level *items
    cdef Py_ssize_t depth
    cdef Py_ssize_t size

    def __cinit__(self):
        self.size = 32
        self.items = <_Level *>PyMem_Malloc(self.size * sizeof(_Level))
        if self.items == NULL:
            raise MemoryError()

    def __dealloc__(self):
        PyMem_Free(self.items)

    cdef int push(self, ps_node *node, bint block, Py_ssize_t start, Py_ssize_t left) except -1:
        cdef _Level *grown
        if self.depth == self.size:
            grown = <_Level *>PyMem_Realloc(self.items, 2 * self.size * sizeof(_Level))
            if grown == NULL:
                raise MemoryError()
            self.items, self.size = grown, 2 * self.size
        self.items[self.depth].node = node
        self.items[self.depth].block = block
        self.items[self.depth].start = start
        self.items[self.depth].left = left
        self.depth += 1
        return 0


cdef class _Run:
    """The run of text being gathered: its pieces (text nodes' and inline elements'
    texts), its link characters and the inline elements holding them, where its last
    line starts (after a ``<br>`` read as a space), and whether it opens with a bold
    element (``LABEL_TAGS``) and holds nothing else (a label on its own line)."""

    cdef list pieces
    cdef Py_ssize_t links
    cdef list nodes
    cdef Py_ssize_t line
    cdef bint bold
    cdef bint plain

    def __cinit__(self):
        self.pieces = []
        self.nodes = []

    cdef int flush(self, Emitter emitter, object reader, str kind) except -1:
        """Hands the run to ``emitter`` as a paragraph of ``kind`` for ``reader`` and
        starts another."""
        cdef list pieces = self.pieces
        if pieces:
            emitter.emit(
                reader,
                "".join(pieces),
                self.links,
                kind,
                self.nodes,
                self.bold and not self.plain,
                _glued(pieces),
            )
            self.pieces = []
            self.links = 0
            self.nodes = []
        self.bold = self.plain = False
        self.line = 0
        return 0


cdef class _Marks:
    """What the reader asks about the elements of one container, found in one walk
    (``BlockWalk._mark``), each element by its ``mem_id``: the non-space characters of
    link text in each element (its own included, if a link; none for a footnote's
    mark), the elements read child by child (those holding a ``<br>`` or a footnote
    mark), the inline elements holding a paragraph (an old layout's ``<font>`` around
    the story's ``<p>``s), the footnote marks (not read) and the elements holding a
    picture's caption (skipped)."""

    cdef dict link_chars
    cdef set holds_br
    cdef set holds_block
    cdef set note_marks
    cdef set captions

    def __cinit__(self):
        self.link_chars = {}
        self.holds_br = set()
        self.holds_block = set()
        self.note_marks = set()
        self.captions = set()


cdef struct _Open:
    ps_node *node
    Py_ssize_t links  # the link characters below it so far


cdef class _Names:
    """Names found anywhere in a value's bytes, ASCII case ignored (as a CSS
    ``[class*=name i]`` selector finds them): lowercase ASCII names without spaces,
    indexed by their first byte. A name found where one of the longer words
    ``unless`` stands (each holding a name at its start) is not found there."""

    cdef list _keep  # the bytes the name pointers below point into
    cdef const unsigned char *_names[_MAX_NAMES]
    cdef size_t _sizes[_MAX_NAMES]
    cdef int _first[256]  # the first name starting with each byte, -1 for none
    cdef int _chain[_MAX_NAMES]  # the next name with the same first byte, -1 for none
    cdef int _unless[_MAX_NAMES]  # the word a name's find is not, -1 for none

    def __init__(self, names, str what, unless=()):
        cdef int i
        cdef unsigned char first
        self._keep = [bytes(name) for name in names]
        if len(self._keep) > _MAX_NAMES:
            raise ValueError(f"at most {_MAX_NAMES} {what}")
        for i in range(_MAX_NAMES):
            self._unless[i] = -1
        for word in unless:
            holders = [i for i, name in enumerate(self._keep) if word.startswith(name) and word != name]
            if len(self._keep) + 1 > _MAX_NAMES or not word.islower() or not word.isascii():
                raise ValueError(f"at most {_MAX_NAMES} {what}, each exception lowercase ASCII")
            for i in holders:
                if self._unless[i] >= 0:
                    raise ValueError(f"one exception a name: {word!r}")
                self._unless[i] = len(self._keep)
            self._keep.append(bytes(word))
        for i in range(len(self._keep) - len(unless), len(self._keep)):
            self._names[i], self._sizes[i] = self._keep[i], len(self._keep[i])
        self._keep_names(len(self._keep) - len(unless), what)

    cdef int _keep_names(self, int count, str what) except -1:
        cdef int i
        cdef unsigned char first
        for i in range(256):
            self._first[i] = -1
        for i in range(count - 1, -1, -1):
            name = self._keep[i]
            if not name or name != name.lower() or b" " in name or not name.isascii():
                raise ValueError(f"{what} are lowercase ASCII and without spaces: {name!r}")
            self._names[i], self._sizes[i] = name, len(name)
            first = (<bytes>name)[0]
            self._chain[i] = self._first[first]
            self._first[first] = i
        return 0

    cdef inline bint _at(self, int j, const unsigned char *data, size_t length, size_t i) noexcept:
        """Whether name (or exception) ``j`` stands at byte ``i`` of ``data``."""
        cdef size_t size = self._sizes[j]
        cdef size_t k = 0
        if i + size > length:
            return False
        while k < size and lower(data[i + k]) == self._names[j][k]:
            k += 1
        return k == size

    cdef bint holds(self, const unsigned char *data, size_t length) noexcept:
        """Whether one of the names is in ``data``, ASCII case ignored."""
        cdef size_t i
        cdef int j
        for i in range(length):
            j = self._first[lower(data[i])]
            while j >= 0:
                if self._at(j, data, length, i) and (
                    self._unless[j] < 0 or not self._at(self._unless[j], data, length, i)
                ):
                    return True
                j = self._chain[j]
        return False


cdef extern from *:
    int PyUnicode_KIND(object text)
    void *PyUnicode_DATA(object text)


ctypedef fused _unit:
    uint8_t
    uint16_t
    uint32_t


cdef inline size_t _count(const _unit *text, size_t length, Py_UCS4 unit) noexcept:
    """The code units of ``text`` equal to ``unit``."""
    if _unit is uint8_t:
        return ps_count_u8(text, length, unit) if unit < 0x100 else 0
    elif _unit is uint16_t:
        return ps_count_u16(text, length, unit) if unit < 0x10000 else 0
    else:
        return ps_count_u32(text, length, unit)


cdef struct _ExactTable:
    int first[128]  # the first literal starting with each ASCII character, -1 for none
    int chain[_MAX_NAMES]  # the next literal with the same first character, -1 for none
    const unsigned char *literals[_MAX_NAMES]
    size_t sizes[_MAX_NAMES]
    size_t window  # the shortest literal's length
    # How far the window may move on when its last two characters are a pair: no
    # literal holds the pair nearer the end of its first ``window`` characters.
    unsigned char shift[128][128]


cdef bint _exact_in(const _ExactTable *table, const _unit *text, size_t length) noexcept:
    """Whether one of ``table``'s literals is in ``text`` (code units of one width),
    searched as Wu and Manber's algorithm searches: a window of ``window`` characters
    moves along the text by the pair of characters that ends it (a character beyond
    ASCII is in no literal: the pair moves it as far as it goes), and where the pair
    ends the first ``window`` characters of a literal, the literals starting where the
    window starts are compared whole."""
    cdef size_t end = table.window - 1
    cdef size_t i, k, size, step
    cdef int j
    cdef const unsigned char *literal
    while end < length:
        if text[end - 1] >= 128 or text[end] >= 128:
            end += table.window - 1
            continue
        step = table.shift[text[end - 1]][text[end]]
        if step:
            end += step
            continue
        i = end + 1 - table.window
        j = table.first[text[i]] if text[i] < 128 else -1
        while j >= 0:
            size = table.sizes[j]
            literal = table.literals[j]
            if i + size <= length:
                k = 1
                while k < size and text[i + k] == literal[k]:
                    k += 1
                if k == size:
                    return True
            j = table.chain[j]
        end += 1
    return False


cdef class _Exact:
    """ASCII literals of two characters or more found in a text as they are, case kept
    (``text.contains_any``), in one pass over the text in its own width (``_exact_in``),
    those starting at a place indexed by their first character."""

    cdef list _keep  # the bytes the literal pointers point into
    cdef _ExactTable _table

    def __init__(self, literals, str what):
        cdef int i
        cdef size_t at, a, b
        cdef unsigned char first
        self._keep = [literal.encode() for literal in literals]
        if not 0 < len(self._keep) <= _MAX_NAMES:
            raise ValueError(f"from 1 to {_MAX_NAMES} {what}")
        for i in range(128):
            self._table.first[i] = -1
        for i in range(len(self._keep) - 1, -1, -1):
            literal = self._keep[i]
            if len(literal) < 2 or not literal.isascii():
                raise ValueError(f"{what} are ASCII, of two characters or more: {literal!r}")
            self._table.literals[i], self._table.sizes[i] = literal, len(literal)
            first = (<bytes>literal)[0]
            self._table.chain[i] = self._table.first[first]
            self._table.first[first] = i
        self._table.window = min(len(literal) for literal in self._keep)
        for a in range(128):
            for b in range(128):
                self._table.shift[a][b] = min(self._table.window - 1, 255)
        for literal in self._keep:
            for at in range(1, self._table.window):  # the pair ending at ``at``
                a, b = literal[at - 1], literal[at]
                self._table.shift[a][b] = min(self._table.shift[a][b], self._table.window - 1 - at)

    cdef bint holds(self, str text, Py_ssize_t start, Py_ssize_t end) noexcept:
        """Whether one of the literals is in ``text[start:end]``."""
        cdef size_t length = end - start
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        if kind == 1:
            return _exact_in(&self._table, <const uint8_t *>data + start, length)
        if kind == 2:
            return _exact_in(&self._table, <const uint16_t *>data + start, length)
        return _exact_in(&self._table, <const uint32_t *>data + start, length)


cdef inline Py_ssize_t _node_chars(ps_spaces *spaces, ps_node *node, Py_ssize_t *total) noexcept:
    """The characters of a text node that are not ``spaces`` (0 for any other node),
    all of them added to ``total``; -1 at bytes that are not valid UTF-8."""
    cdef size_t size, i = 0
    cdef const unsigned char *data = text_bytes(node, &size)
    cdef Py_ssize_t found = 0
    cdef int space
    if data == NULL:
        return 0
    while i < size:
        space = split_space(spaces, data, size, &i)
        if space < 0:
            return -1
        total[0] += 1
        found += not space
    return found


cdef class CharCount:
    """``body_reader.chars`` of the text below an element (its ``text()``), and of the
    texts of the links below it, counted on the text nodes' bytes without making the
    text: the characters that are not ``spaces`` (``set_spaces``'s table). An element
    whose text nodes hold bytes that are not valid UTF-8 has its text made and given
    to ``chars``, as decoding replaces them."""

    cdef ps_spaces _spaces
    cdef object _chars

    def __init__(self, str spaces, chars):
        set_spaces(&self._spaces, spaces)
        self._chars = chars

    cdef Py_ssize_t count(self, ps_node *root, Py_ssize_t *length) except -1:
        """The characters of ``root``'s text that are not spaces, and in ``length``
        all of them."""
        cdef ps_node *node = root.first_child
        cdef Py_ssize_t found = 0
        cdef Py_ssize_t total = 0
        cdef Py_ssize_t chars
        cdef str text
        while node != NULL:
            chars = _node_chars(&self._spaces, node, &total)
            if chars < 0:  # replaced when decoded: the text is counted
                text = _text(root)
                length[0] = len(text)
                return self._chars(text)
            found += chars
            node = next_in(node, root, True)
        length[0] = total
        return found

    def text(self, node) -> int:
        """``chars(node.text())``."""
        cdef Py_ssize_t length
        return self.count(c_node(node), &length)

    def links(self, node) -> int:
        """``chars`` of the texts of the ``<a>`` elements below ``node`` (``node``
        included, if one) joined: each is counted, a link inside a link again."""
        return self._links(c_node(node))

    cdef Py_ssize_t _links(self, ps_node *top) except -1:
        cdef ps_node *at = top
        cdef Py_ssize_t found = 0
        cdef Py_ssize_t length
        while at != NULL:
            if at.type == PS_ELEMENT:
                if at.local_name == _A:
                    found += self.count(at, &length)
                at = next_in(at, top, True)
            else:
                at = next_in(at, top, False)
        return found

    def finals(self, list ranked, dict score, dict nodes, double share) -> list:
        """``article._Scores.best``'s candidates discounted by their link density, in
        the order of ``ranked`` (keys into ``score`` and ``nodes``): each raw score times
        ``1 - min(1, links / text)`` (``body_reader.link_density`` of
        ``text_chars``, 1 for no text), as ``(node, final)``, until a raw score falls
        under ``share`` of the best final one so far (the floor never above it)."""
        cdef _Finals counts = _Finals()
        cdef list finals = []
        cdef double floor = 0.0
        cdef double raw, final, density
        cdef Py_ssize_t i, text
        if len(ranked) > _MAX_COUNTED:
            raise ValueError(f"at most {_MAX_COUNTED} candidates ranked")
        counts.owner = self
        counts.size = len(ranked)
        for i in range(counts.size):
            counts.items[i].node = c_node(nodes[ranked[i]])
            counts.items[i].chars = -1
        for i in range(counts.size):
            key = ranked[i]
            raw = score[key]
            if raw < floor:
                break  # link density only lowers a score: no later candidate can matter
            if counts.items[i].chars < 0:
                counts.count(i)
            text = counts.items[i].chars
            if text == 0:
                density = 1.0
            else:
                density = <double>counts.items[i].links / <double>text
                if density > 1.0:
                    density = 1.0
            final = raw * (1.0 - density)
            finals.append((nodes[key], final))
            if final * share > floor:
                floor = final * share
        return finals


cdef struct _Counted:
    ps_node *node  # a ranked candidate
    Py_ssize_t chars  # its text's characters that are not spaces, -1 until counted
    Py_ssize_t links  # the characters of the links below it, as ``CharCount.links``
    bint valid  # its text nodes are valid UTF-8 (``chars`` then is the sum of theirs)


cdef enum:
    _MAX_COUNTED = 16  # the candidates ``CharCount.finals`` may be given


cdef class _Finals:
    """The counts of one ranking's candidates, each subtree walked once: a candidate
    holding another ranked one adds that one's counts (counted first) and skips its
    subtree. The links' count is a sum over the ``<a>`` elements, so it adds up
    whatever the bytes; the text's adds up only over valid UTF-8 (``_text`` decodes the
    bytes joined), so a candidate holding bytes that are not is counted whole by
    ``CharCount.count`` as before."""

    cdef _Counted items[_MAX_COUNTED]
    cdef Py_ssize_t size
    cdef CharCount owner

    cdef Py_ssize_t _ranked(self, ps_node *node) noexcept:
        cdef Py_ssize_t j
        for j in range(self.size):
            if self.items[j].node == node:
                return j
        return -1

    cdef int count(self, Py_ssize_t i) except -1:
        cdef ps_node *root = self.items[i].node
        cdef ps_node *node = root.first_child
        cdef Py_ssize_t found = 0
        cdef Py_ssize_t links = 0
        cdef Py_ssize_t length = 0
        cdef Py_ssize_t j, chars
        cdef bint valid = True
        while node != NULL:
            if node.type == PS_ELEMENT:
                j = self._ranked(node)
                if j >= 0:
                    if self.items[j].chars < 0:
                        self.count(j)
                    valid = valid and self.items[j].valid
                    found += self.items[j].chars
                    links += self.items[j].links
                    node = next_in(node, root, False)
                    continue
                if node.local_name == _A:
                    links += self.owner.count(node, &length)
            elif valid:
                chars = _node_chars(&self.owner._spaces, node, &length)
                valid = chars >= 0
                found += chars
            node = next_in(node, root, True)
        if not valid:
            found = self.owner.count(root, &length)
        if root.local_name == _A:
            links += found
        self.items[i].chars, self.items[i].links, self.items[i].valid = found, links, valid
        return 0


cdef inline Py_ssize_t _stripped_chars(ps_spaces *spaces, ps_node *node):
    """``len(text.strip())`` of a text node's text (0 for any other node), counted on
    its bytes where they are UTF-8, else on the text decoded."""
    cdef size_t size, i = 0
    cdef const unsigned char *data = text_bytes(node, &size)
    cdef Py_ssize_t count = 0
    cdef Py_ssize_t first = -1
    cdef Py_ssize_t last = -1
    cdef int space
    if data == NULL:
        return 0
    while i < size:
        space = split_space(spaces, data, size, &i)
        if space < 0:  # replaced when decoded
            return len(PyUnicode_DecodeUTF8(<char *>data, size, "replace").strip())
        if not space:
            if first < 0:
                first = count
            last = count
        count += 1
    return last - first + 1 if first >= 0 else 0


cdef class Members:
    """The winner's members, the parts of the runs beside it and the opening set
    before it, found in C for ``article._members``, ``_runs`` and ``_opening``, whose
    rules and tables these are: ``count`` (``article._COUNT``: text and link
    characters), ``inline`` (the tags of loose text), ``top`` (the tags above any
    wrapper; the document, tested by its node's type, among them as "-document"),
    ``story_headings`` (an ``<article>`` holding one is another story), ``short_chars``
    and ``short_density`` (a short block's length and its link share,
    ``SHORT_BLOCK_CHARS``, ``SHORT_MAX_LINK_DENSITY``), ``max_levels`` (how far above
    the winner runs are looked for, ``MAX_RUN_LEVELS``). The walks follow Lexbor's
    node pointers; only the nodes given back are wrapped as ``LexborNode``s."""

    cdef CharCount _count
    cdef unsigned char _inline[TAG_LAST_ENTRY]
    cdef unsigned char _top[TAG_LAST_ENTRY]
    cdef unsigned char _headings[TAG_LAST_ENTRY]
    cdef uintptr_t _p
    cdef uintptr_t _br
    cdef uintptr_t _article
    cdef uintptr_t _html
    cdef Py_ssize_t _short_chars
    cdef double _short_density
    cdef Py_ssize_t _max_levels

    def __init__(
        self,
        *,
        CharCount count,
        inline,
        top,
        story_headings,
        Py_ssize_t short_chars,
        double short_density,
        Py_ssize_t max_levels,
    ):
        cdef int i
        for i in range(TAG_LAST_ENTRY):
            self._top[i] = 0
        tag_table(self._inline, inline)
        for name in top:
            if name != "-document":  # the document is told by its type
                self._top[tag_id(name)] = 1
        tag_table(self._headings, story_headings)
        self._count = count
        self._p, self._br = tag_id("p"), tag_id("br")
        self._article, self._html = tag_id("article"), tag_id("html")
        self._short_chars, self._short_density = short_chars, short_density
        self._max_levels = max_levels

    cdef bint _other_story(self, ps_node *node) noexcept:
        """``article._is_other_story``: an ``<article>`` holding a story heading."""
        cdef ps_node *at
        if node.local_name != self._article:
            return False
        at = node.first_child
        while at != NULL:
            if at.type == PS_ELEMENT and at.local_name < TAG_LAST_ENTRY and self._headings[at.local_name]:
                return True
            at = next_in(at, node, True)
        return False

    cdef bint _short_prose(self, ps_node *node) except -1:
        """Whether ``node``'s text is longer than a short block, with few links."""
        cdef Py_ssize_t length
        cdef Py_ssize_t size = self._count.count(node, &length)
        cdef double density
        if size <= self._short_chars:
            return False
        density = <double>self._count._links(node) / <double>size
        return min(1.0, density) < self._short_density

    def members(self, best, double threshold, scores):
        """The children of ``best``'s parent (its elements and comments) that belong to
        its story, in order: ``best``, no other story, each child scoring
        ``threshold`` or more (``scores.score``), a ``<p>`` or a holder of bare prose
        (``scores.holders``) longer than a short block with few links; None when the
        parent is ``<html>`` or the document (or there is none)."""
        cdef ps_node *node = c_node(best)
        cdef ps_node *parent = node.parent
        cdef ps_node *child
        cdef dict score = scores.score
        cdef set holders = scores.holders
        cdef object parser = best.parser
        cdef list found = []
        if parent == NULL or parent.type == PS_DOCUMENT or parent.local_name == self._html:
            return None
        child = parent.first_child
        while child != NULL:
            if child.type != PS_TEXT and (
                child == node
                or not self._other_story(child) and self._joins(child, threshold, score, holders)
            ):
                found.append(wrap(child, parser))
            child = child.next
        return found

    def run_parts(self, best, double threshold, scores):
        """What ``article._runs`` reads before its rules: ``best``'s ancestors up to
        ``max_levels`` of them, none ``top`` or above; and the scored elements
        (``scores.score``, in its order) reaching ``threshold`` below one of those
        ancestors but the first (``best``'s parent), beside ``best``, each as
        ``(level, wrapper, part, score)``: the ancestor's place, the child of it that
        holds the part, the part, its score; only those whose wrapper has the tag of
        ``best``'s own at that level and whose tags from the part up open with the
        tags from ``best`` up (``article._shaped``)."""
        cdef ps_node *node = c_node(best)
        cdef ps_node *part
        cdef ps_node *up
        cdef ps_node *wrapper
        cdef ps_node **chain  # best's ancestors by depth, the root at 0, then best
        cdef Py_ssize_t depth = 0
        cdef Py_ssize_t kept = 0  # the ancestors kept as levels
        cdef Py_ssize_t at, level, i
        cdef object parser = best.parser
        cdef dict nodes = scores.nodes
        cdef list ancestors = []
        cdef list found = []
        up = node.parent
        while up != NULL and not (
            up.type == PS_DOCUMENT or up.local_name < TAG_LAST_ENTRY and self._top[up.local_name]
        ) and kept < self._max_levels:
            ancestors.append(wrap(up, parser))
            kept += 1
            up = up.parent
        up = node
        while up != NULL:
            depth += 1
            up = up.parent
        chain = <ps_node **>PyMem_Malloc(depth * sizeof(ps_node *))
        if chain == NULL:
            raise MemoryError()
        try:
            up = node
            for at in range(depth - 1, -1, -1):
                chain[at] = up
                up = up.parent
            for key, score in scores.score.items():
                if score < threshold:
                    continue
                part = c_node(nodes[key])
                at = -1  # the part's depth
                up = part
                while up != NULL:
                    at += 1
                    up = up.parent
                if at < depth and chain[at] == part:
                    continue  # best or one of its ancestors
                wrapper, up, at = part, part.parent, at - 1
                while up != NULL and (at >= depth or chain[at] != up):
                    wrapper, up, at = up, up.parent, at - 1
                level = depth - 2 - at  # best's parent: 0
                if up == NULL or level <= 0 or level >= kept:
                    continue  # inside best, beside it, or beside a higher ancestor
                if not self._same_tag(wrapper, chain[at + 1], parser):  # best's wrapper there
                    continue
                up = part
                for i in range(level):  # the tags from the part up open with best's
                    if up == NULL or up == wrapper or not self._same_tag(up, chain[depth - 1 - i], parser):
                        break
                    up = up.parent
                else:
                    found.append((level, wrap(wrapper, parser), nodes[key], score))
        finally:
            PyMem_Free(chain)
        return ancestors, found

    cdef bint _same_tag(self, ps_node *a, ps_node *b, object parser) except -1:
        """Whether the two elements' names (``LexborNode.tag``) are the same: elements of
        one tag id are, but in other namespaces (an SVG name's case)."""
        if a.local_name != b.local_name:
            return False
        return a.ns == b.ns or wrap(a, parser).tag == wrap(b, parser).tag

    cdef bint _joins(self, ps_node *child, double threshold, dict score, set holders) except -1:
        value = score.get(<size_t>child)
        if value is not None and value >= threshold:
            return True
        return (child.local_name == self._p or <size_t>child in holders) and self._short_prose(child)

    def opening(self, first):
        """Where the story's opening starts when it is set as loose text (text nodes,
        ``inline`` elements, ``<br>``) right before ``first`` in its parent (not a
        ``top`` one): the first node of the earliest run of prose after the parent's
        last block before ``first`` (``_is_prose``: a short block's length, few
        links); None without one."""
        cdef ps_node *at = c_node(first)
        cdef ps_node *parent = at.parent
        cdef ps_node *run = NULL  # the first node of the run being measured
        cdef ps_node *start = NULL
        cdef Py_ssize_t size = 0
        cdef Py_ssize_t links = 0
        cdef Py_ssize_t text
        if parent == NULL or parent.type == PS_DOCUMENT or (
            parent.local_name < TAG_LAST_ENTRY and self._top[parent.local_name]
        ):
            return None
        at = at.prev
        while at != NULL:
            if at.type == PS_TEXT:
                size += _stripped_chars(&self._count._spaces, at)
                run = at
            elif at.type == PS_ELEMENT:
                if at.local_name == self._br:
                    if self._is_prose(size, links):
                        start = run
                    run, size, links = NULL, 0, 0
                elif at.local_name < TAG_LAST_ENTRY and self._inline[at.local_name]:
                    text = self._stripped_text(at)
                    size += text
                    links += text if at.local_name == _A else self._link_text(at)
                    run = at
                else:
                    break  # a block: the loose text starts after it
            at = at.prev
        if self._is_prose(size, links):
            start = run
        return wrap(start, first.parser) if start != NULL else None

    cdef inline bint _is_prose(self, Py_ssize_t size, Py_ssize_t links) noexcept:
        return size >= self._short_chars and links < size * self._short_density

    cdef Py_ssize_t _stripped_text(self, ps_node *top) except -1:
        """``len(top.text(strip=True))``: each text node's text stripped."""
        cdef ps_node *node = top.first_child
        cdef Py_ssize_t found = 0
        while node != NULL:
            found += _stripped_chars(&self._count._spaces, node)
            node = next_in(node, top, True)
        return found

    cdef Py_ssize_t _link_text(self, ps_node *top) except -1:
        """The characters of the texts of the ``<a>`` elements below ``top`` (``len`` of
        each one's ``text()``, a link inside a link counted again)."""
        cdef ps_node *link = top.first_child
        cdef ps_node *node
        cdef Py_ssize_t found = 0
        cdef Py_ssize_t total
        while link != NULL:
            if link.type == PS_ELEMENT and link.local_name == _A:
                total = 0
                node = link.first_child
                while node != NULL:
                    if _node_chars(&self._count._spaces, node, &total) < 0:
                        total = len(_text(link))  # replaced when decoded: the text is made
                        break
                    node = next_in(node, link, True)
                found += total
            link = next_in(link, top, True)
        return found


cdef class BlockWalk:
    """The walk of ``Reader.read`` over a container, built from the tables it reads
    by (tag names; ``leaves`` and ``wrapping`` map a tag to the kind of paragraph it
    gives) and the rules it asks about the elements it meets (each given the element
    as a ``LexborNode``). An element whose class or id holds one of ``skip_names``
    (not inside one of the longer words ``skip_exceptions``) is skipped."""

    cdef unsigned short _flags[TAG_LAST_ENTRY]
    cdef dict _leaves  # tag id -> kind
    cdef dict _wrapping  # tag id -> kind
    cdef uintptr_t _a
    cdef uintptr_t _br
    cdef uintptr_t _tr
    cdef _Names _skip
    cdef object _wraps_a_sentence
    cdef object _is_note
    cdef object _is_inline_custom
    cdef object _box_above
    cdef object _is_row
    cdef object _note_mark
    cdef Captions _captions
    cdef Emitter _emitter
    cdef CharCount _count
    cdef Py_ssize_t _max_mark_chars
    cdef Py_ssize_t _max_parted_depth

    def __init__(
        self,
        *,
        inline,
        labels,
        leaves,
        wrapping,
        breaks,
        note_holders,
        lists,
        wrappers,
        through_blocks,
        pictures,
        skip_names,
        count,
        max_mark_chars,
        max_parted_depth,
        wraps_a_sentence,
        is_note,
        is_inline_custom,
        box_above,
        is_row,
        note_mark,
        captions,
        emitter,
        skip_exceptions=(),
    ):
        cdef int i
        for i in range(TAG_LAST_ENTRY):
            self._flags[i] = 0
        for names, flag in (
            (inline, _INLINE),
            (labels, _LABEL),
            (leaves, _LEAF),
            (breaks, _BREAK),
            (note_holders, _NOTE_HOLDER),
            (lists, _LIST),
            (wrappers, _WRAPPER),
            (through_blocks, _THROUGH),
            (pictures, _PICTURE),
        ):
            for name in names:
                self._flags[tag_id(name)] |= flag
        self._leaves = {tag_id(name): kind for name, kind in leaves.items()}
        self._wrapping = {tag_id(name): kind for name, kind in wrapping.items()}
        self._a, self._br, self._tr = tag_id("a"), tag_id("br"), tag_id("tr")
        self._skip = _Names(skip_names, "skip names", skip_exceptions)
        self._wraps_a_sentence = wraps_a_sentence
        self._is_note = is_note
        self._is_inline_custom = is_inline_custom
        self._box_above = box_above
        self._is_row = is_row
        self._note_mark = note_mark
        self._captions = captions
        self._emitter = emitter
        self._count = count
        self._max_mark_chars = max_mark_chars
        self._max_parted_depth = max_parted_depth

    cdef bint _skipped(self, ps_node *node) noexcept:
        """Whether the element's class or id holds a skip name (``[class*=name i]``)."""
        cdef ps_attr *attr = (<ps_element *>node).first_attr
        while attr != NULL:
            if (attr.node.local_name == _CLASS or attr.node.local_name == _ID) and (
                attr.value != NULL and self._skip.holds(attr.value.data, attr.value.length)
            ):
                return True
            attr = attr.next
        return False

    cdef Py_ssize_t _link(self, ps_node *link, object parser, _Marks marks, ps_node *top) except -1:
        """The link characters ``link`` counts for itself: none when it is a footnote's
        mark (``note_mark``: a short link, ``max_mark_chars``), which is noted, and the
        elements above it read child by child."""
        cdef Py_ssize_t length = 0
        cdef Py_ssize_t size = self._count.count(link, &length)
        if length <= self._max_mark_chars:
            mark = self._note_mark(wrap(link, parser), _text(link))
            if mark is not None:
                marks.note_marks.add(mark.mem_id)
                _read_through(c_node(mark), top, marks.holds_br)
                return 0
        return size

    cdef _Marks _mark(self, ps_node *top, object parser):
        """The marks of the elements of ``top``'s subtree (``top`` included), found in
        one walk: each element's link characters are added to the element above it
        when the walk leaves it, so each element is met once, not once per link."""
        cdef _Marks marks = _Marks()
        cdef ps_node *node = top
        cdef ps_node *caption
        cdef _Open *open_ = <_Open *>PyMem_Malloc(32 * sizeof(_Open))
        self._captions.forget()  # a tree read before, or changed since
        cdef _Open *grown
        cdef Py_ssize_t depth = 0
        cdef Py_ssize_t size = 32
        cdef Py_ssize_t links
        cdef uintptr_t tag
        cdef unsigned short flags
        if open_ == NULL:
            raise MemoryError()
        try:
            while True:
                if node.type == PS_ELEMENT:
                    tag = node.local_name
                    flags = self._flags[tag] if tag < TAG_LAST_ENTRY else 0
                    links = 0
                    if tag == self._a:
                        links = self._link(node, parser, marks, top)
                    elif tag == self._br:
                        _read_through(node, top, marks.holds_br)
                    elif flags & _PICTURE:
                        self._captions.caption_of(node, top, parser, &caption)
                        if caption != NULL:
                            marks.captions.add(<size_t>caption)
                    elif (
                        flags & _THROUGH
                        and node.parent != NULL
                        and node.parent.local_name < TAG_LAST_ENTRY
                        and self._flags[node.parent.local_name] & _WRAPPER
                    ):
                        self._hold_block(node, top, marks.holds_block)
                    if depth == size:
                        grown = <_Open *>PyMem_Realloc(open_, 2 * size * sizeof(_Open))
                        if grown == NULL:
                            raise MemoryError()
                        open_, size = grown, 2 * size
                    open_[depth].node = node
                    open_[depth].links = links
                    depth += 1
                    if node.first_child != NULL:
                        node = node.first_child
                        continue
                    depth = _close(open_, depth, marks.link_chars)
                while node != top and node.next == NULL:
                    node = node.parent
                    depth = _close(open_, depth, marks.link_chars)
                if node == top:
                    return marks
                node = node.next
        finally:
            PyMem_Free(open_)

    cdef int _hold_block(self, ps_node *block, ps_node *top, set holds) except -1:
        """Marks the inline elements around ``block`` below ``top`` as read through,
        not whole, so that each block in them stays a paragraph."""
        cdef ps_node *up = block.parent if block != top else NULL
        while (
            up != NULL
            and up != top
            and up.local_name < TAG_LAST_ENTRY
            and self._flags[up.local_name] & _INLINE
            and <size_t>up not in holds
        ):
            holds.add(<size_t>up)
            up = up.parent
        return 0

    def read(self, reader, container, start, stop) -> None:
        """Reads ``container`` (from its child ``start`` up to ``stop``, when given)
        into ``reader``."""
        cdef ps_node *top = c_node(container)
        cdef ps_node *until = c_node(stop) if stop is not None else NULL
        cdef ps_node *node
        cdef ps_node *after
        cdef object parser = container.parser
        cdef object top_key = <size_t>top
        cdef list out = reader.out
        cdef dict texts = reader._texts
        cdef list kinds = []
        cdef _Marks marks = self._mark(top, parser)
        cdef dict link_chars = marks.link_chars
        cdef set holds_br = marks.holds_br
        cdef set holds_block = marks.holds_block
        cdef set note_marks = marks.note_marks
        cdef set captions = marks.captions
        cdef object subheadings = reader._subheadings
        cdef Emitter emitter = self._emitter
        cdef dict custom = {}  # whether each custom tag's name has a hyphen, by id
        cdef _Levels levels = _Levels()
        cdef _Run run = _Run()
        cdef _Level level
        cdef Py_ssize_t depth, at, up, links
        cdef uintptr_t tag
        cdef unsigned short flags
        cdef bint cut, inline, element, blank
        cdef str text
        reader._kinds = kinds
        if start is None:
            levels.push(top, True, 0, 0)
            kinds.append("p")
        else:
            levels.push(NULL, True, 0, 0)
            levels.push(c_node(start), True, 0, 0)
            kinds += ["p", "p"]
        cut = reader._cut
        while levels.depth:
            depth = levels.depth
            kind = kinds[depth - 1]
            if cut:  # the rest of the promo heading's holder is the promo block
                reader._cut = cut = False
                levels.items[depth - 1].node = NULL
            node = levels.items[depth - 1].node
            if node == NULL:
                levels.depth = depth = depth - 1
                level = levels.items[depth]
                kinds.pop()
                if level.block:
                    run.flush(emitter, reader, kind)
                    cut = reader._cut
                if depth and len(out) == level.start + 1:
                    # An element inside the container that gave one paragraph: a box's label?
                    reader._drop_box_label(level.start, level.left)
                if depth < reader._citing_in:  # the list ends with its heading's holder
                    reader._citing = False
                    reader._citing_in = 0
                continue
            after = node.next if depth > 1 else NULL
            if after == until:
                after = NULL  # ``stop`` is a sibling of ``start``: read no further
            levels.items[depth - 1].node = after
            tag = node.local_name
            if tag == TAG_TEXT:
                text = _text_content(node)
                blank = text.isspace()
                if run.pieces or not blank:  # a run's leading spaces change nothing
                    run.pieces.append(text)
                    run.plain = run.plain or not blank
                continue
            element = node.type == PS_ELEMENT
            flags = self._flags[tag] if tag < TAG_LAST_ENTRY else 0
            key = <size_t>node
            if note_marks and key in note_marks:
                continue  # a footnote's mark: no word of the story
            inline = flags & _INLINE or (
                element
                and self._hyphened(node, parser, custom)
                and self._is_inline_custom(wrap(node, parser))
            )
            if inline and tag != self._a and (
                (holds_br and key in holds_br) or (holds_block and key in holds_block)
            ):
                # Read through, its <br>, footnote marks or blocks splitting the run; a
                # link is read whole, its text counted as link text.
                levels.push(node.first_child, False, len(out), reader.left_out)
                kinds.append(kind)
            elif inline:
                if flags & _LABEL and not run.bold and not run.plain:
                    run.bold = True
                else:
                    run.plain = True
                run.pieces.append(_text(node))
                if link_chars:
                    links = link_chars.get(key, 0)
                    if links:
                        run.links += links
                        run.nodes.append(wrap(node, parser))
            elif (
                tag == self._br
                and run.pieces
                and self._wraps_a_sentence(run.pieces, run.line, wrap(node, parser))
            ):
                run.pieces.append(" ")  # a line break inside a sentence: one paragraph
                run.line = len(run.pieces)
            elif flags & _NOTE_HOLDER and self._is_note(wrap(node, parser)):
                run.flush(emitter, reader, kind)  # a correction set beside the story: read as its text
                cut = reader._cut
                levels.push(node.first_child, True, len(out), reader.left_out)
                kinds.append(kind)
            elif depth > 1 and captions and key in captions:
                run.flush(emitter, reader, kind)
                cut = reader._cut
                reader.caption(wrap(node, parser))
            elif flags & _BREAK or (depth > 1 and element and self._skipped(node)):
                run.flush(emitter, reader, kind)
                cut = reader._cut
            elif flags & _LEAF and not (holds_br and key in holds_br):
                run.flush(emitter, reader, kind)
                cut = reader._cut
                if cut:  # a bold label before it opened a promo block
                    continue
                links = link_chars.get(key, 0) if link_chars else 0
                text = texts.get(key) or _text(node)  # the voters' texts, read already
                self._emitter.leaf(
                    reader,
                    wrap(node, parser),
                    bool(subheadings) and key in subheadings,
                    kind,
                    self._leaves[tag],
                    links,
                    text,
                    _glued(_child_texts(node, self._max_parted_depth)),
                )
                cut = reader._cut
            elif tag == self._tr and self._is_row(wrapped := wrap(node, parser)):
                run.flush(emitter, reader, kind)
                cut = reader._cut
                links = link_chars.get(key, 0) if link_chars else 0
                reader.row(wrapped, links)
                cut = reader._cut
            else:
                run.flush(emitter, reader, kind)
                cut = reader._cut
                if cut:
                    continue
                up = self._box_above(wrap(node, parser), top_key) if flags & _LIST else -1
                if up >= 0:
                    # The box is the open element ``up`` levels above the list's
                    # parent: what it gave back is taken back, the rest is not read.
                    at = depth - 1 - up
                    if at < 0:  # only the container itself can find one above it
                        raise IndexError("a support box above the container")
                    del out[levels.items[at].start :]
                    del kinds[at + 1 :]
                    levels.depth = at + 1
                    levels.items[at].node = NULL
                    continue
                inner = self._leaves.get(tag) or self._wrapping.get(tag, kind)
                if inner == "p":
                    inner = kind
                levels.push(node.first_child, True, len(out), reader.left_out)
                kinds.append(inner)

    cdef bint _hyphened(self, ps_node *node, object parser, dict custom) except -1:
        """Whether the element's tag name has a hyphen not at its start: a custom
        element's, perhaps read as inline text (``is_inline_custom``)."""
        cdef uintptr_t tag = node.local_name
        if tag < TAG_LAST_ENTRY:
            if _HYPHENED[tag] == 0:
                _HYPHENED[tag] = 2 if _hyphened_name(wrap(node, parser).tag) else 1
            return _HYPHENED[tag] == 2
        found = custom.get(tag)
        if found is None:
            found = custom[tag] = _hyphened_name(wrap(node, parser).tag)
        return found


cdef enum:
    # The kinds of tags the vote tells apart, as bits.
    _HEADING = 1  # a heading that may be a promo heading
    _BOLD = 2  # a bold element that may be a line alone, a heading
    _LEAF_BLOCK = 4  # a block whose <br>s do not make its text a voter's
    _RUN_INLINE = 8  # an inline element whose text is part of a run
    _MUTED = 16  # a voter or a holder: muted after a promo heading

cdef enum:
    # A candidate's link to the one above it that shares its votes.
    _UP_UNREAD = -2  # not looked up yet
    _UP_NONE = -1  # none: no element above it, or ``<html>``
    _MAX_SHARES = 16  # the ancestor levels a vote may be shared with
    _MAX_TOP = 16  # the candidates ranked
    _MAX_WIDE_COMMAS = 8


cdef Py_ssize_t _commas_and_bounds(
    const _unit *text, Py_ssize_t length, const Py_UCS4 *wide, int wides, Py_ssize_t *bounds
) noexcept:
    """The commas of ``text`` ("," and the ``wide`` ones), and in ``bounds`` where it
    starts and ends once stripped as ``str.strip`` strips it."""
    cdef Py_ssize_t i
    cdef Py_ssize_t commas = _count(text, length, 44)  # ","
    cdef int j
    for j in range(wides):
        commas += _count(text, length, wide[j])
    i = 0
    while i < length and Py_UNICODE_ISSPACE(text[i]):
        i += 1
    bounds[0] = i
    while length > i and Py_UNICODE_ISSPACE(text[length - 1]):
        length -= 1
    bounds[1] = length
    return commas


cdef class _Tally:
    """One vote's candidates, in the order they were first met: each one's node, its
    score and the candidate above it that shares its votes, with a table of their
    nodes (open addressing) to find them."""

    cdef ps_node **nodes
    cdef double *score
    cdef Py_ssize_t *up
    cdef Py_ssize_t count
    cdef Py_ssize_t size
    cdef ps_node **keys  # the table: a candidate's node, NULL for a free slot ...
    cdef Py_ssize_t *slots  # ... and its place among the candidates
    cdef size_t mask
    cdef object parser  # the voters' parser, for the candidates' node objects

    def __cinit__(self):
        self.size = 64
        self.mask = 127
        self.nodes = <ps_node **>PyMem_Malloc(self.size * sizeof(ps_node *))
        self.score = <double *>PyMem_Malloc(self.size * sizeof(double))
        self.up = <Py_ssize_t *>PyMem_Malloc(self.size * sizeof(Py_ssize_t))
        self.keys = <ps_node **>PyMem_Calloc(self.mask + 1, sizeof(ps_node *))
        self.slots = <Py_ssize_t *>PyMem_Malloc((self.mask + 1) * sizeof(Py_ssize_t))
        if (
            self.nodes == NULL or self.score == NULL or self.up == NULL or self.keys == NULL
            or self.slots == NULL
        ):
            raise MemoryError()

    def __dealloc__(self):
        PyMem_Free(self.nodes)
        PyMem_Free(self.score)
        PyMem_Free(self.up)
        PyMem_Free(self.keys)
        PyMem_Free(self.slots)

    cdef inline size_t _slot(self, ps_node *node) noexcept:
        """The slot of ``node`` in the table, or the free slot where it would go."""
        cdef size_t at = ((<uintptr_t>node >> 4) * <uintptr_t>0x9E3779B97F4A7C15) >> 20
        at &= self.mask
        while self.keys[at] != NULL and self.keys[at] != node:
            at = (at + 1) & self.mask
        return at

    cdef Py_ssize_t find(self, ps_node *node) noexcept:
        """The place of ``node`` among the candidates, -1 when it is none."""
        cdef size_t at = self._slot(node)
        return self.slots[at] if self.keys[at] != NULL else -1

    cdef Py_ssize_t add(self, ps_node *node, double score) except -1:
        """Adds ``node`` (not among the candidates yet) with ``score``; its place."""
        cdef Py_ssize_t i
        cdef size_t at
        if self.count == self.size:
            self.size *= 2
            self.nodes = <ps_node **>_grown(self.nodes, self.size * sizeof(ps_node *))
            self.score = <double *>_grown(self.score, self.size * sizeof(double))
            self.up = <Py_ssize_t *>_grown(self.up, self.size * sizeof(Py_ssize_t))
        if <size_t>(self.count + 1) * 2 > self.mask + 1:
            PyMem_Free(self.keys)
            PyMem_Free(self.slots)
            self.mask = self.mask * 2 + 1
            self.keys = <ps_node **>PyMem_Calloc(self.mask + 1, sizeof(ps_node *))
            self.slots = <Py_ssize_t *>PyMem_Malloc((self.mask + 1) * sizeof(Py_ssize_t))
            if self.keys == NULL or self.slots == NULL:
                raise MemoryError()
            for i in range(self.count):
                at = self._slot(self.nodes[i])
                self.keys[at], self.slots[at] = self.nodes[i], i
        i = self.count
        at = self._slot(node)
        self.keys[at], self.slots[at] = node, i
        self.nodes[i], self.score[i], self.up[i] = node, score, _UP_UNREAD
        self.count += 1
        return i


cdef void *_grown(void *items, size_t size) except NULL:
    cdef void *grown = PyMem_Realloc(items, size)
    if grown == NULL:
        raise MemoryError()
    return grown


cdef class Ballot:
    """The vote for the body's container (``article._vote``) in C: each voter's points
    for its length and commas go to its ancestors, shared as ``shares`` gives them,
    each ancestor starting from its weights the first time it is met: its tag's
    (``tag_weights``) and its class and id names' (``negative``, ``strong`` and
    ``weak`` names found anywhere in them, lowercased, but not inside one of the longer
    words ``name_exceptions``; ``item_body`` for an element
    whose ``itemprop`` is that value). The rules are Python's: the tables and
    thresholds are given from ``body_tables``, ``is_chrome_text`` says which text may
    not vote (asked only of a text holding one of the literals of ``chrome_gate``,
    case kept, which every text it answers True for holds). A heading (``headings``),
    or a bold element (``bold``) alone in its line (``is_bold_line``), that
    ``is_promo_heading`` (its text) mutes the ``muted`` elements after it among its
    siblings, all they hold with them; text set between ``<br>`` votes through the
    element holding it (not one of ``leaf_blocks``): its runs (text nodes and
    ``inline`` elements) joined, ``container_runs`` of them or more making it the
    paragraphs' container. The scores are summed in C and handed over once, with
    the ``top`` candidates ranked."""

    cdef unsigned char _kinds[TAG_LAST_ENTRY]
    cdef double _tag_weights[TAG_LAST_ENTRY]
    cdef uintptr_t _br
    cdef uintptr_t _body
    cdef uintptr_t _html
    cdef uintptr_t _itemprop
    cdef Py_ssize_t _min_chars
    cdef double _per_point
    cdef double _max_points
    cdef Py_UCS4 _wide_commas[_MAX_WIDE_COMMAS]
    cdef int _wides
    cdef double _shares[_MAX_SHARES]
    cdef Py_ssize_t _levels
    cdef Py_ssize_t _top
    cdef object _is_chrome_text
    cdef _Exact _chrome_gate
    cdef object _is_promo_heading
    cdef object _is_bold_line
    cdef Py_ssize_t _container_runs
    cdef _Names _negative
    cdef _Names _strong
    cdef _Names _weak
    cdef double _negative_weight
    cdef double _strong_weight
    cdef double _weak_weight
    cdef bytes _item_body
    cdef double _item_body_weight

    def __init__(
        self,
        *,
        headings,
        bold,
        is_promo_heading,
        is_bold_line,
        muted,
        leaf_blocks,
        inline,
        container_runs,
        min_chars,
        chars_per_point,
        max_length_points,
        wide_commas,
        shares,
        top,
        is_chrome_text,
        chrome_gate,
        tag_weights,
        negative,
        strong,
        weak,
        item_body,
        name_exceptions=(),
    ):
        cdef int i
        for i in range(TAG_LAST_ENTRY):
            self._kinds[i] = 0
            self._tag_weights[i] = 0.0
        for names, kind in (
            (headings, _HEADING),
            (bold, _BOLD),
            (leaf_blocks, _LEAF_BLOCK),
            (inline, _RUN_INLINE),
            (muted, _MUTED),
        ):
            for name in names:
                self._kinds[tag_id(name)] |= kind
        self._is_promo_heading, self._is_bold_line = is_promo_heading, is_bold_line
        self._container_runs = container_runs
        for name, weight in tag_weights.items():
            self._tag_weights[tag_id(name)] = weight
        self._br, self._body, self._html = tag_id("br"), tag_id("body"), tag_id("html")
        self._itemprop = attribute_id(b"itemprop")
        self._min_chars = min_chars
        self._per_point, self._max_points = chars_per_point, max_length_points
        if len(wide_commas) > _MAX_WIDE_COMMAS or any(
            len(comma) != 1 or comma.isascii() for comma in wide_commas
        ):
            raise ValueError(f"at most {_MAX_WIDE_COMMAS} wide commas, each one character")
        self._wides = len(wide_commas)
        for i, comma in enumerate(wide_commas):
            self._wide_commas[i] = ord(comma)
        if not 0 < len(shares) <= _MAX_SHARES:
            raise ValueError(f"from 1 to {_MAX_SHARES} shares")
        self._levels = len(shares)
        for i, share in enumerate(shares):
            self._shares[i] = share
        if not 0 < top <= _MAX_TOP:
            raise ValueError(f"from 1 to {_MAX_TOP} candidates ranked")
        self._top = top
        self._is_chrome_text = is_chrome_text
        self._chrome_gate = _Exact(chrome_gate, "chrome gate literals")
        names, self._negative_weight = negative
        unless = [name.encode() for name in name_exceptions]
        self._negative = _Names([name.encode() for name in names], "class names", unless)
        names, self._strong_weight = strong
        self._strong = _Names([name.encode() for name in names], "class names", unless)
        names, self._weak_weight = weak
        self._weak = _Names([name.encode() for name in names], "class names", unless)
        value, self._item_body_weight = item_body
        self._item_body = value.encode()

    cdef Py_ssize_t _candidate(self, _Tally tally, ps_node *node) except -2:
        """The place of ``node`` among the candidates, registered the first time (its
        score starting from its weights); -1 when it takes no share (none above
        ``<body>``)."""
        cdef Py_ssize_t found
        if node == NULL or node.type != PS_ELEMENT or node.local_name == self._html:
            return -1
        found = tally.find(node)
        if found >= 0:
            return found
        return tally.add(
            node,
            (self._tag_weights[node.local_name] if node.local_name < TAG_LAST_ENTRY else 0.0)
            + self._name_weight(node),
        )

    cdef double _name_weight(self, ps_node *node) except? -1.0:
        """The weight of the element's class and id names (``article``'s rule: the
        item body mark alone, else a negative name's and a strong or else a weak
        name's, found in the names lowercased as Python lowercases them)."""
        cdef ps_attr *attr = (<ps_element *>node).first_attr
        cdef ps_str *names[2]
        cdef ps_str *value
        cdef double weight = 0.0
        cdef bint ascii = True
        cdef size_t i
        cdef int n
        cdef bytes lowered
        cdef const unsigned char *data
        cdef size_t length
        names[0] = names[1] = NULL
        while attr != NULL:
            value = attr.value
            if attr.node.local_name == _CLASS:
                names[0] = value
            elif attr.node.local_name == _ID:
                names[1] = value
            elif (
                attr.node.local_name == self._itemprop
                if self._itemprop < PS_ATTR_LAST_ENTRY
                else named(attr, b"itemprop", 8)
            ) and value != NULL and value.length == len(self._item_body) and (
                memcmp(value.data, <const unsigned char *>self._item_body, value.length) == 0
            ):
                return self._item_body_weight
            attr = attr.next
        for n in range(2):
            if names[n] != NULL and names[n].data != NULL:
                for i in range(names[n].length):
                    if names[n].data[i] >= 0x80:
                        ascii = False
        if not ascii:
            # Lowercased as Python lowercases them (the Kelvin sign gives a "k"), the
            # names then found in the UTF-8 of that.
            lowered = " ".join([value_text(names[0]), value_text(names[1])]).lower().encode()
            data, length = lowered, len(lowered)
            if self._negative.holds(data, length):
                weight += self._negative_weight
            if self._strong.holds(data, length):
                weight += self._strong_weight
            elif self._weak.holds(data, length):
                weight += self._weak_weight
            return weight
        if self._holds(self._negative, names):
            weight += self._negative_weight
        if self._holds(self._strong, names):
            weight += self._strong_weight
        elif self._holds(self._weak, names):
            weight += self._weak_weight
        return weight

    cdef bint _holds(self, _Names found, ps_str **names) noexcept:
        return (
            names[0] != NULL and names[0].data != NULL and found.holds(names[0].data, names[0].length)
        ) or (
            names[1] != NULL and names[1].data != NULL and found.holds(names[1].data, names[1].length)
        )

    cdef str _run_text(self, ps_node *holder, Py_ssize_t *runs):
        """The text of ``holder``'s own runs joined (each text node's and ``inline``
        element's text made apart), ``runs`` counted up for each ``<br>``."""
        cdef list pieces = []
        cdef ps_node *child = holder.first_child
        cdef uintptr_t tag
        while child != NULL:
            tag = child.local_name
            if child.type == PS_TEXT:
                pieces.append(_text_content(child))
            elif child.type == PS_ELEMENT and tag < TAG_LAST_ENTRY:
                if self._kinds[tag] & _RUN_INLINE:
                    pieces.append(_text(child))
                elif tag == self._br:
                    runs[0] += 1
            child = child.next
        return "".join(pieces)

    cdef bint _cast(
        self, _Tally tally, ps_node *voter, str text, Py_ssize_t runs, bint container
    ) except -1:
        """``voter``'s points, for its length and commas, to its ancestors (none for a
        text shorter than ``min_chars`` once stripped, or for chrome text); whether it
        voted. A ``container`` (text set in paragraphs between ``<br>``) takes the
        first share, and so does ``<body>`` (a page without a wrapper), as no element
        above it takes one; the voter's parent does otherwise."""
        cdef Py_ssize_t bounds[2]
        cdef Py_ssize_t commas, length, level, at, above
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        cdef double points, length_points
        cdef ps_node *parent
        if kind == 1:
            commas = _commas_and_bounds(
                <const uint8_t *>data, len(text), self._wide_commas, self._wides, bounds
            )
        elif kind == 2:
            commas = _commas_and_bounds(
                <const uint16_t *>data, len(text), self._wide_commas, self._wides, bounds
            )
        else:
            commas = _commas_and_bounds(
                <const uint32_t *>data, len(text), self._wide_commas, self._wides, bounds
            )
        length = bounds[1] - bounds[0]
        if length < self._min_chars or (
            self._chrome_gate.holds(text, bounds[0], bounds[1])
            and self._is_chrome_text(text[bounds[0]:bounds[1]])
        ):
            return False
        # Summed as Python summed them: the counts exact, the rest in doubles.
        length_points = length / self._per_point
        if self._max_points * runs < length_points:
            length_points = self._max_points * runs
        points = <double>(runs + commas) + length_points
        parent = voter if container or voter.local_name == self._body else voter.parent
        at = self._candidate(tally, parent)
        for level in range(self._levels):
            if at < 0:
                break
            tally.score[at] += points * self._shares[level]
            if level + 1 < self._levels:
                above = tally.up[at]
                if above == _UP_UNREAD:
                    above = tally.up[at] = self._candidate(tally, tally.nodes[at].parent)
                at = above
        return True

    def vote(self, list voters, list holders, scores, set seen) -> None:
        """Casts the votes of ``voters`` (in document order), then of ``holders`` (each
        one's own runs, as bare text: ``scores.holders``), into ``scores``: each
        paragraph's text read whole (``scores.texts``) votes unless ``seen`` holds it;
        a promo heading adds the elements it mutes to ``seen``, and so does a ``<br>``
        its holder, which votes once. The candidates' scores and nodes are handed to
        ``scores.score`` and ``scores.nodes`` at the end, in the order they were first
        met, and the ``top`` best of them, ranked as a stable sort ranks them, to
        ``scores.ranked``."""
        cdef dict texts = scores.texts
        cdef set parents = set()  # the promo headings' parents, the elements muted whole
        cdef _Tally tally = _Tally()
        cdef ps_node *node
        cdef ps_node *line
        cdef uintptr_t tag
        cdef unsigned char kind
        cdef Py_ssize_t runs
        cdef str text
        for voter in voters:
            node = c_node(voter)
            tag = node.local_name
            kind = self._kinds[tag] if tag < TAG_LAST_ENTRY else 0
            if kind & _HEADING:
                self._mute_after(node, seen, parents)
            elif kind & _BOLD:
                line = node.parent
                if line != NULL and self._is_bold_line(wrap(line, voter.parser)):
                    self._mute_after(line, seen, parents)
            elif <size_t>node in seen:
                continue
            elif tag == self._br:
                tally.parser = voter.parser
                self._vote_runs(tally, scores, node.parent, seen)
            else:
                tally.parser = voter.parser
                text = texts[<size_t>node] = _text(node)
                self._cast(tally, node, text, 1, False)
        for holder in holders:
            node = c_node(holder)
            if <size_t>node not in seen:
                tally.parser = holder.parser
                runs = 1
                text = self._run_text(node, &runs)
                if self._cast(tally, node, text, runs, False):
                    scores.holders.add(<size_t>node)
        self._hand_over(tally, scores)

    cdef int _hand_over(self, _Tally tally, scores) except -1:
        """The tally's candidates into ``scores``: ``score`` and ``nodes`` by key, and
        the keys of the ``top`` best in ``ranked``."""
        cdef dict score = scores.score
        cdef dict nodes = scores.nodes
        cdef list ranked = []
        cdef Py_ssize_t best[_MAX_TOP]
        cdef Py_ssize_t i, j, kept = 0
        cdef Py_ssize_t top = self._top
        for i in range(tally.count):
            key = <size_t>tally.nodes[i]
            score[key] = tally.score[i]
            nodes[key] = wrap(tally.nodes[i], tally.parser)
            # Ranked as sorted(reverse=True) ranks: a later candidate goes after the
            # earlier ones of its score.
            j = kept
            while j > 0 and tally.score[best[j - 1]] < tally.score[i]:
                j -= 1
            if j < top:
                if kept < top:
                    kept += 1
                memmove(&best[j + 1], &best[j], (kept - 1 - j) * sizeof(Py_ssize_t))
                best[j] = i
        for i in range(kept):
            ranked.append(<size_t>tally.nodes[best[i]])
        scores.ranked = ranked
        return 0

    cdef int _vote_runs(self, _Tally tally, scores, ps_node *holder, set seen) except -1:
        """The vote of the text set between ``<br>`` in ``holder``, once."""
        cdef Py_ssize_t runs = 1
        cdef bint container
        cdef str text
        if holder == NULL or <size_t>holder in seen or (
            holder.local_name < TAG_LAST_ENTRY and self._kinds[holder.local_name] & _LEAF_BLOCK
        ):
            return 0
        seen.add(<size_t>holder)
        text = self._run_text(holder, &runs)
        container = runs >= self._container_runs
        if self._cast(tally, holder, text, runs, container) and container:
            scores.containers.add(<size_t>holder)
        return 0

    cdef int _mute_after(self, ps_node *heading, set seen, set parents) except -1:
        """Adds to ``seen`` the ``muted`` elements that follow ``heading`` among its
        siblings, and the siblings themselves, when it is a promo heading ("You may
        also like"): a list of other stories, which must not vote for a body.

        ``parents`` holds the parents of the promo headings met so far and the
        elements muted whole (with all they hold): headings come in document order,
        so the siblings after a later heading under one of them are muted already."""
        cdef ps_node *parent = heading.parent
        cdef ps_node *node
        cdef ps_node *inner
        if parent != NULL and <size_t>parent in parents:
            return 0
        if not self._is_promo_heading(_text(heading)):
            return 0
        if parent != NULL:
            parents.add(<size_t>parent)
        node = heading.next
        while node != NULL:
            if node.type == PS_ELEMENT:
                seen.add(<size_t>node)  # nor does an element muted whole vote as a text holder
                inner = node
                while inner != NULL:
                    if inner.type == PS_ELEMENT:
                        parents.add(<size_t>inner)
                        if inner.local_name < TAG_LAST_ENTRY and self._kinds[inner.local_name] & _MUTED:
                            seen.add(<size_t>inner)
                    inner = next_in(inner, node, True)
            node = node.next
        return 0


cdef class SignedItems:
    """A signed thread's items (``article._signed_thread``) found in C: a holder's
    children walked, those with a score (``scores.score``) that are not a paragraph
    read whole (``scores.texts``) read for their opening (``text_at``), the signed
    ones grouped by tag and the largest group kept (the first met of equal ones).

    An item's opening is read up to where its rules are ``article``'s: the item's
    first two or three elements are its lines; an item of fewer than two, or whose
    first is a headline (``not_name``, tag names), or whose first line's text, folded,
    is empty or longer than ``max_chars`` (no name, no name and date side by side
    are longer; ``length``: ``FoldedLength.of`` joined, -1 where the bytes are not
    UTF-8), is unsigned (0). ``opening`` reads any other's lines (its rules and
    tables stay in Python) and gives the place of its text after its signature,
    0 for none."""

    cdef unsigned char _not_name[TAG_LAST_ENTRY]
    cdef Py_ssize_t _max_chars
    cdef object _length
    cdef object _opening

    def __init__(self, *, not_name, Py_ssize_t max_chars, length, opening):
        tag_table(self._not_name, not_name)
        self._max_chars, self._length, self._opening = max_chars, length, opening

    def items(self, holder, scores) -> list:
        """The signed children of ``holder`` of the most common tag among them, in order."""
        cdef ps_node *child = c_node(holder).first_child
        cdef dict score = scores.score
        cdef dict texts = scores.texts
        cdef dict groups = {}
        cdef list group
        cdef list largest = []
        cdef object parser = holder.parser
        while child != NULL:
            if (
                child.type == PS_ELEMENT  # only elements are scored
                and <size_t>child in score
                and <size_t>child not in texts
                and self._text_at(child, parser) > 0
            ):
                item = wrap(child, parser)
                tag = item.tag or ""
                group = groups.get(tag)
                if group is None:
                    group = groups[tag] = []
                group.append(item)
            child = child.next
        for group in groups.values():
            if len(group) > len(largest):
                largest = group
        return largest

    def text_at(self, item) -> int:
        """The place of the text of ``item`` among its elements after its signature
        (``opening``'s), 0 when it opens with none."""
        return self._text_at(c_node(item), item.parser)

    cdef int _text_at(self, ps_node *item, object parser) except -1:
        cdef ps_node *lines[3]
        cdef int count = 0
        cdef ps_node *child = item.first_child
        cdef Py_ssize_t length
        while child != NULL and count < 3:
            if child.type == PS_ELEMENT:
                lines[count] = child
                count += 1
            child = child.next
        if count < 2 or (
            lines[0].local_name < TAG_LAST_ENTRY and self._not_name[lines[0].local_name]
        ):
            return 0
        first = wrap(lines[0], parser)
        length = self._length(first, True)
        if length == 0 or length > self._max_chars:
            return 0
        found = [first, wrap(lines[1], parser)]
        if count == 3:
            found.append(wrap(lines[2], parser))
        return self._opening(found)


def wrapped(best, scores) -> tuple:
    """The last scored child of ``best`` (``scores.score``) when a scored child comes
    before it (the story's container; a thread's holder follows it) and no paragraph
    of ``best``'s own (``scores.texts``, ``scores.holders``) comes between or after
    them: the reader reads a story's container whole, a thread in it too. Empty
    otherwise (``article._signed_thread``)."""
    cdef ps_node *node = c_node(best).last_child
    cdef ps_node *last = NULL
    cdef dict score = scores.score
    cdef dict texts = scores.texts
    cdef set holders = scores.holders
    while node != NULL:
        if <size_t>node in texts or <size_t>node in holders:
            return ()
        if <size_t>node in score:
            if last != NULL:
                return (wrap(last, best.parser),)
            last = node
        node = node.prev
    return ()


cdef class Refinement:
    """Three tests of the winner's refinement (``article._Scores.best``) on Lexbor's nodes,
    without a node object for each node they pass: ``ancestor`` joins a body split
    into parts through their common ancestor (``article``'s rule: at most ``levels``
    up, never a ``stops`` element, one holding more ``posts`` elements than
    ``per_part`` for each part besides them being a list of posts), ``may_have_parts``
    gates the query for the parts of a body cut up by pictures or ads, and ``opening``
    reads the first two elements of a live entry (the second must be one of
    ``headlines`` or ``texts``)."""

    cdef Py_ssize_t _levels
    cdef Py_ssize_t _per_part
    cdef uintptr_t _posts
    cdef unsigned char _stops[TAG_LAST_ENTRY]
    cdef unsigned char _lines[TAG_LAST_ENTRY]  # 1: a headline, 2: a text

    def __init__(self, *, stops, Py_ssize_t levels, str posts, Py_ssize_t per_part, headlines, texts):
        cdef int i
        for i in range(TAG_LAST_ENTRY):
            self._lines[i] = 0
        tag_table(self._stops, stops)
        for name in texts:
            self._lines[tag_id(name)] = 2
        for name in headlines:
            self._lines[tag_id(name)] = 1
        self._levels, self._per_part, self._posts = levels, per_part, tag_id(posts)

    def ancestor(self, best, list rivals):
        """The nearest ancestor of ``best`` holding every rival that is neither its
        ancestor nor its descendant (a body split into parts), or ``best`` itself."""
        cdef ps_node *top = c_node(best)
        cdef ps_node *holder
        cdef ps_node *node
        cdef ps_node **apart
        cdef Py_ssize_t count = 0, posts, level, i
        cdef bint held
        if not rivals:
            return best
        apart = <ps_node **>PyMem_Malloc(len(rivals) * sizeof(ps_node *))
        if apart == NULL:
            raise MemoryError()
        try:
            for rival in rivals:
                node = c_node(rival)
                if node != top and not within(top, node) and not within(node, top):
                    apart[count] = node
                    count += 1
            if count == 0:
                return best
            holder = top.parent
            for level in range(self._levels):
                if holder == NULL or (
                    holder.local_name < TAG_LAST_ENTRY and self._stops[holder.local_name]
                ):
                    return best
                held = True
                for i in range(count):
                    if not within(apart[i].parent, holder):
                        held = False
                        break
                if held:
                    # A holder of more <article>s than the parts is a list of posts.
                    posts = 0
                    node = holder
                    while node != NULL:
                        if node.type == PS_ELEMENT and node.local_name == self._posts:
                            posts += 1
                        node = next_in(node, holder, True)
                    return best if posts > count + self._per_part else wrap(holder, best.parser)
                holder = holder.parent
            return best
        finally:
            PyMem_Free(apart)

    def may_have_parts(self, best, str wanted, dict score, dict nodes, double least):
        """Whether a scored element besides ``best`` (``score``, its nodes in ``nodes``)
        scores ``least`` or more and has ``best``'s tag and class, this one's value
        stripped and lowercased being ``wanted``: only the elements of ``best``'s tag
        id are asked their tag and class as Python reads them."""
        cdef ps_node *top = c_node(best)
        cdef ps_node *node
        cdef ps_attr *attr
        cdef object tag = None
        for key, value in score.items():
            if not value >= least or key == <size_t>top:
                continue
            other = nodes[key]
            node = c_node(other)
            if node.local_name != top.local_name:
                continue  # another tag
            if tag is None:
                tag = best.tag
            if other.tag != tag:
                continue
            attr = (<ps_element *>node).first_attr
            while attr != NULL and attr.node.local_name != _CLASS:
                attr = attr.next
            if (value_text(attr.value) if attr != NULL else "").strip().lower() == wanted:
                return True
        return False

    def opening(self, entry):
        """The first two elements of ``entry`` and whether the second is a headline, when
        it is a headline or a text; ``None`` otherwise."""
        cdef ps_node *node = c_node(entry).first_child
        cdef ps_node *lines[2]
        cdef int count = 0
        cdef unsigned char kind
        while node != NULL and count < 2:
            if node.type == PS_ELEMENT:
                lines[count] = node
                count += 1
            node = node.next
        if count < 2:
            return None
        kind = self._lines[lines[1].local_name] if lines[1].local_name < TAG_LAST_ENTRY else 0
        if kind == 0:
            return None
        return wrap(lines[0], entry.parser), wrap(lines[1], entry.parser), kind == 1
