# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""A picture's caption known without class names, in C (``Captions``), for
``body_reader``: the caption of each picture the body's walk meets
(``_blocks.BlockWalk``), whether a part of the body read apart is the caption of a
picture set before it, and whether a lead's line is one.

In Python those tests walked the elements around a picture as ``LexborNode``s:
whether an element holds a letter (a regular expression on each text node's
string), whether its text is as short as a caption (each text node's characters
counted), whether text stands before it. ``Captions`` reads the same text nodes'
UTF-8 bytes in place. The tables (tags, limits, whitespace) are passed in from
``body_reader`` and ``body_tables``, where their reasons are; the credit's regular
expression stays Python's, asked of an element's text only where the rule reaches
it. ``tests/unit/extract/test_captions.py`` checks the answers against the Python
they replaced on generated pages.
"""

from cpython.unicode cimport Py_UNICODE_ISALNUM, Py_UNICODE_ISDECIMAL, PyUnicode_DecodeUTF8
from libc.stdint cimport int32_t, uintptr_t

from service.extract._lexbor cimport (
    PS_ELEMENT,
    TAG_COMMENT,
    TAG_LAST_ENTRY,
    TAG_TEXT,
    all_spaces,
    c_node,
    code_point,
    next_in,
    ps_node,
    set_spaces,
    split_space,
    tag_id,
    text_bytes,
    wrap,
)

cdef enum:
    # The kinds of tags, as the bits of ``Captions._tags``.
    _INLINE = 1
    _LEAF = 2
    _HOLDER = 4
    _HEADING = 8
    _PICTURE = 16


cdef inline bint _is_letter(int32_t c) noexcept:
    """Whether the code point matches ``[^\\W\\d_]`` (a letter of any script), as
    Python's ``re`` has it: alphanumeric (``str.isalnum``) and not a decimal digit
    (``_`` is not alphanumeric)."""
    if c < 0x80:
        return 65 <= c <= 90 or 97 <= c <= 122
    return Py_UNICODE_ISALNUM(<Py_UCS4>c) and not Py_UNICODE_ISDECIMAL(<Py_UCS4>c)


cdef bint _has_letter(const unsigned char *data, size_t length) noexcept:
    """Whether the text decoded from ``data`` holds a letter (bytes that are not
    UTF-8 decode as U+FFFD, no letter: each such byte is passed over)."""
    cdef size_t at = 0
    cdef size_t was
    cdef int32_t c
    while at < length:
        if data[at] < 0x80:
            if _is_letter(data[at]):
                return True
            at += 1
            continue
        was = at
        c = code_point(data, length, &at)
        if c < 0:
            at = was + 1
        elif _is_letter(c):
            return True
    return False


cdef class Captions:
    """The caption tests of ``body_reader``, built from its tables: ``inline`` and
    ``leaves`` (a picture in a line of text), ``holders`` (the tags of a caption's
    holder), ``headings`` (no caption holds one), ``pictures``; ``spaces`` (what
    ``str.isspace`` answers for); the limits of ``body_tables`` (``max_chars``,
    ``max_credited_chars``, ``max_credited_runs``, ``levels``, ``max_skipped``: the
    text-free siblings passed over to the block after a picture); ``credited`` (whether
    an element's text holds a credit, ending it or, with ``mark``, anywhere) and
    ``chars`` (``body_reader.chars``, for a text node that is not valid UTF-8)."""

    def __init__(
        self,
        *,
        inline,
        leaves,
        holders,
        headings,
        pictures,
        str spaces,
        Py_ssize_t max_chars,
        Py_ssize_t max_credited_chars,
        Py_ssize_t max_credited_runs,
        Py_ssize_t levels,
        Py_ssize_t max_skipped,
        credited,
        chars,
    ):
        cdef int i
        for i in range(TAG_LAST_ENTRY):
            self._tags[i] = 0
        for names, kind in (
            (inline, _INLINE),
            (leaves, _LEAF),
            (holders, _HOLDER),
            (headings, _HEADING),
            (pictures, _PICTURE),
        ):
            for name in names:
                self._tags[tag_id(name)] |= kind
        set_spaces(&self._spaces, spaces)
        self._max_chars = max_chars
        self._max_credited_chars = max_credited_chars
        self._max_credited_runs = max_credited_runs
        self._levels = levels
        self._credited = credited
        self._chars = chars
        self._max_skipped = max_skipped

    cdef void forget(self) noexcept:
        """Forgets the answer ``_words_of`` keeps: called before a walk of a tree that
        may have changed (another page, elements removed), the walk's pictures asking
        about the same ancestors in turn (a row of pictures without words between)."""
        self._memo = NULL

    cdef bint _words_of(self, ps_node *element) noexcept:
        """``_has_words(element)``, kept for the next picture under it."""
        if element != self._memo:
            self._memo = element
            self._memo_words = self._has_words(element)
        return self._memo_words

    cdef unsigned char _kind(self, ps_node *node) noexcept:
        return self._tags[node.local_name] if node.local_name < TAG_LAST_ENTRY else 0

    cdef bint _has_words(self, ps_node *root) noexcept:
        """Whether a text node of ``root``'s subtree (``root`` included) holds a
        letter: a wrapper showing only a count of the gallery's pictures ("6", "1/6")
        or a symbol holds no caption."""
        cdef ps_node *node = root
        cdef const unsigned char *data
        cdef size_t length
        while node != NULL:
            data = text_bytes(node, &length)
            if data != NULL and _has_letter(data, length):
                return True
            node = next_in(node, root, True)
        return False

    cdef bint _has_text(self, ps_node *root) noexcept:
        """Whether ``root`` (an element or a text node; a comment holds none) holds
        more than spaces (``body_reader._has_text``)."""
        cdef ps_node *node = root
        cdef const unsigned char *data
        cdef size_t length
        if root.local_name == TAG_COMMENT:
            return False
        while node != NULL:
            data = text_bytes(node, &length)
            if data != NULL and not all_spaces(&self._spaces, data, length):
                return True
            node = next_in(node, root, True)
        return False

    cdef bint _text_before(self, ps_node *node) noexcept:
        """Whether text comes before ``node`` in its parent."""
        node = node.prev
        while node != NULL:
            if self._has_text(node):
                return True
            node = node.prev
        return False

    cdef Py_ssize_t _chars_of(self, const unsigned char *data, size_t length) except -1:
        """``chars`` of a text node's text: its characters other than spaces."""
        cdef size_t at = 0
        cdef Py_ssize_t found = 0
        cdef int space
        while at < length:
            space = split_space(&self._spaces, data, length, &at)
            if space < 0:  # replaced when decoded: the text is counted
                return self._chars(PyUnicode_DecodeUTF8(<const char *>data, length, "replace"))
            found += not space
        return found

    cdef int _is_short(self, ps_node *root, object parser) except -1:
        """Whether the text of ``root`` is as short as a caption (``max_chars``;
        ``max_credited_chars`` when it is at most ``max_credited_runs`` runs of text
        and ``credited``) and holds no heading; counted until it is longer."""
        cdef ps_node *node = root
        cdef const unsigned char *data
        cdef size_t length
        cdef Py_ssize_t size = 0
        cdef Py_ssize_t runs = 0
        cdef Py_ssize_t run
        while node != NULL:
            if node.type == PS_ELEMENT and self._kind(node) & _HEADING:
                return False
            data = text_bytes(node, &length)
            if data != NULL:
                run = self._chars_of(data, length)
                size += run
                runs += run > 0
                if size > self._max_chars and (
                    size > self._max_credited_chars or runs > self._max_credited_runs
                ):
                    return False
            node = next_in(node, root, True)
        return size <= self._max_chars or bool(self._credited(wrap(root, parser), False))

    cdef int caption_of(self, ps_node *picture, ps_node *top, object parser, ps_node **caption) except -1:
        """The element holding the caption of ``picture`` in ``caption`` (NULL for
        none), looked for below ``top`` (NULL: anywhere): ``body_reader._caption_of``."""
        cdef ps_node *wrapper = picture
        cdef ps_node *parent
        cdef ps_node *after
        cdef Py_ssize_t level, skipped
        caption[0] = NULL
        for level in range(self._levels):
            parent = wrapper.parent
            if parent == NULL or parent == top:
                break
            if self._words_of(parent):
                if self._kind(parent) & (_INLINE | _LEAF):
                    return 0  # a picture in a line of text
                if (
                    self._kind(parent) & _HOLDER
                    and not self._text_before(wrapper)
                    and self._is_short(parent, parser)
                ):
                    caption[0] = parent
                    return 0
                break
            wrapper = parent
        else:
            return 0
        after = wrapper.next
        skipped = 0
        while after != NULL and not self._has_text(after):
            after = after.next
            skipped += 1
            if skipped > self._max_skipped:
                return 0  # a row of pictures: no caption right after this one
        if after == NULL or after.local_name == TAG_TEXT or self._kind(after) & _INLINE:
            return 0
        if not self._is_short(after, parser) or not self._credited(wrap(after, parser), True):
            return 0
        caption[0] = after
        return 0

    cdef ps_node *_first_picture(self, ps_node *root) noexcept:
        """The first picture element of ``root``'s subtree (``root`` included), or NULL."""
        cdef ps_node *node = root
        while node != NULL:
            if node.type == PS_ELEMENT:
                if self._kind(node) & _PICTURE:
                    return node
                node = next_in(node, root, True)
            else:
                node = next_in(node, root, False)
        return NULL

    def of(self, picture, top=None):
        """The element holding the caption of ``picture`` (an ``<img>`` or
        ``<video>``), looked for below ``top`` when given, or None."""
        cdef ps_node *caption
        self.forget()
        self.caption_of(c_node(picture), c_node(top) if top is not None else NULL, picture.parser, &caption)
        return wrap(caption, picture.parser) if caption != NULL else None

    def is_caption(self, node) -> bool:
        """Whether ``node``, a part of the body read apart, is the caption of a
        picture set before it (``body_reader._is_caption``): ``node``, or a short
        element it opens, comes right after a text-free element holding the picture
        (the caption's holder: the block after the picture, or both)."""
        cdef ps_node *first = c_node(node)
        cdef ps_node *at = first
        cdef ps_node *before
        cdef ps_node *picture
        cdef ps_node *caption
        cdef ps_node *held
        cdef object parser = node.parser
        cdef Py_ssize_t level, up
        self.forget()
        for level in range(self._levels):
            before = at.prev
            while before != NULL and not self._has_text(before):
                if before.local_name != TAG_TEXT and before.local_name != TAG_COMMENT:
                    picture = self._first_picture(before)
                    if picture != NULL:
                        self.caption_of(picture, NULL, parser, &caption)
                        if caption == NULL:
                            return False
                        # Held: the node, and each element above it up to this level's parent.
                        held = first
                        for up in range(level + 2):
                            if held == NULL:
                                return False
                            if held == caption:
                                return True
                            held = held.parent
                        return False
                before = before.prev
            if before != NULL or at.parent == NULL:
                return False
            at = at.parent
        return False
