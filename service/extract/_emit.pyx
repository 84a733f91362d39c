# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The body's emission of paragraphs in C: ``body_reader.Reader.emit``'s common path.

``_blocks.BlockWalk`` hands each run of text and each leaf block it reads to the
reader; in Python each block paid for a chain of calls (normalization, the inline
widgets, the stop gates, the link share, the drop patterns' gates and the consent
gate, the record), about 40,000 instructions a block. ``Emitter`` takes the same
steps in C, the walk calling it without Python between them, and asks Python only
where a block's gates open: a drop pattern's search (``is_boilerplate``), the stop
patterns (``is_stop_block``), the consent pattern, the link share's sentence tests
(``_too_linked``), a glued line, a preformatted block and a heading or bold label
(the source-list state). The tables, patterns and thresholds are ``body_reader``'s
and ``body_tables``', passed in; the drop patterns' openings (``openings.Openings``)
are matched here for a block whose first characters are ASCII.
``tests/unit/extract/test_emit.py`` checks the answers against the Python
``Reader.emit`` on generated blocks.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc

import dataclasses


cdef extern from *:
    """
    #include <Python.h>
    """
    # A code point as a C number (Cython's own Py_UCS4 would be a character).
    ctypedef unsigned int ucs4 "Py_UCS4"
    Py_ssize_t PyUnicode_GET_LENGTH(object text)
    int PyUnicode_KIND(object text)
    void *PyUnicode_DATA(object text)
    ucs4 PyUnicode_READ(int kind, void *data, Py_ssize_t index) nogil
    Py_ssize_t PyUnicode_Find(object text, object part, Py_ssize_t start, Py_ssize_t end,
                              int direction) except -2
    int PyObject_GenericSetAttr(object target, object name, object value) except -1


cdef enum:
    _MAX_SIZE = 4  # an opening's tokens in the 32 bits of a key
    _END = 10  # openings.END, the mark of the text's end ("\n")


cdef class _Openings:
    """``Openings.may_open`` (``openings``) for a text whose first characters are
    ASCII, from ``Openings.ascii_table``; another text is asked of ``may_open``."""

    def __init__(self, openings):
        cdef Py_ssize_t k
        cdef unsigned long long key
        ascii_, lengths, size, tokens = openings.ascii_table()
        if size > _MAX_SIZE:
            raise ValueError(f"openings at most {_MAX_SIZE} characters long")
        self._size = size
        for k in range(128):
            self._tokens[k] = ord(tokens[k])
        for length in lengths:
            self._lengths |= 1u << length
        keys = []
        for opening in ascii_:
            key = 0
            for char in opening:
                key = (key << 8) | ord(char)
            keys.append((<unsigned long long>len(opening) << 32) | key)
        keys.sort()
        self._count = len(keys)
        self._keys = <unsigned long long *>PyMem_Malloc(max(self._count, 1) * sizeof(unsigned long long))
        if self._keys == NULL:
            raise MemoryError()
        for k in range(self._count):
            self._keys[k] = keys[k]
        self._may_open = openings.may_open

    def __dealloc__(self):
        PyMem_Free(self._keys)

    cdef bint _has(self, unsigned long long key) noexcept:
        cdef Py_ssize_t low = 0, high = self._count
        cdef Py_ssize_t middle
        while low < high:
            middle = (low + high) >> 1
            if self._keys[middle] < key:
                low = middle + 1
            else:
                high = middle
        return low < self._count and self._keys[low] == key

    cdef int may_open(self, str text) except -1:
        """Whether a match of the pattern may open ``text``."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        cdef Py_ssize_t i
        cdef Py_ssize_t head = n if n < self._size else self._size
        cdef unsigned long long key = 0
        cdef ucs4 c
        for i in range(head):
            c = PyUnicode_READ(kind, data, i)
            if c >= 128:
                return self._may_open(text)
        for i in range(head):
            key = (key << 8) | self._tokens[PyUnicode_READ(kind, data, i)]
            if self._lengths >> (i + 1) & 1 and self._has((<unsigned long long>(i + 1) << 32) | key):
                return True
        if n < self._size:  # the end's mark after the tokens
            key = (key << 8) | _END
            if self._lengths >> (n + 1) & 1 and self._has((<unsigned long long>(n + 1) << 32) | key):
                return True
        return False


cdef inline Py_ssize_t _spaces(str text) noexcept:
    """``text.count(" ")``."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef Py_ssize_t i, found = 0
    for i in range(n):
        found += PyUnicode_READ(kind, data, i) == 32
    return found


cdef class Emitter:
    """``Reader.emit`` and the reading of a leaf block, from ``body_reader``'s tables
    and rules (``folds_as_ascii``: the bit of a ``Literals`` answer for a text that
    folds as ASCII):

    - ``normalize`` (``text.normalize_text``) and ``widgets`` (``INLINE_DROP_PATTERNS``:
      a pattern, its gate, its reason) make a block's text; ``pre`` reads a
      preformatted one (the text to read on, or None when it read it as prose) and
      ``heading`` a heading or bold label (its kind, the source-list state);
    - ``stop_gates`` (a ``text.literal_table``, ``stop_bits`` its gates' bits),
      ``stop_cased_gate``, ``max_stop_chars`` and ``max_titled_stop_chars`` gate
      ``is_stop_block``;
    - ``drop_gates`` (the gated patterns' table, each of ``gated`` a bit and the
      pattern), ``drop`` (the anchored drop patterns, a ``CaselessPattern``),
      ``openings`` (theirs: plain, caseless) and ``max_drop_chars`` are
      ``is_boilerplate``;
    - ``consent_gate`` in the first ``consent_chars`` gates ``opens_with_consent``;
    - a block's link share above ``short_max_link_density`` (shorter than
      ``short_block_chars``) or ``max_link_density`` is asked of ``too_linked``;
    - ``glued`` (``glued_boilerplate``), ``paragraph`` (the record's frozen dataclass,
      of a kind and a text), and ``bold_alone`` for a kept leaf ``p`` of
      ``max_signature_chars`` at most.
    """

    def __init__(
        self,
        *,
        folds_as_ascii,
        normalize,
        widgets,
        pre,
        heading,
        stop_gates,
        stop_bits,
        stop_cased_gate,
        max_stop_chars,
        max_titled_stop_chars,
        is_stop_block,
        drop_gates,
        gated,
        drop,
        openings,
        max_drop_chars,
        consent_gate,
        consent_chars,
        opens_with_consent,
        short_block_chars,
        short_max_link_density,
        max_link_density,
        too_linked,
        glued,
        paragraph,
        bold_alone,
        max_signature_chars,
    ):
        self._folds = folds_as_ascii
        self._normalize = normalize
        self._widgets = tuple((pattern.sub, gate) for pattern, gate, _ in widgets)
        self._pre = pre
        self._heading = heading
        self._stop_find = stop_gates.find
        self._stop_bits = stop_bits
        self._stop_cased = tuple(stop_cased_gate)
        self._max_stop_chars = max_stop_chars
        self._max_titled_stop_chars = max_titled_stop_chars
        self._is_stop_block = is_stop_block
        self._drop_find = drop_gates.find
        self._gated = tuple(
            (bit, pattern.plain.search, pattern.caseless.search) for bit, pattern in gated
        )
        self._drop_plain = drop.plain.search
        self._drop_caseless = drop.caseless.search
        plain, caseless = openings
        self._opens_plain = _Openings(plain)
        self._opens_caseless = _Openings(caseless)
        self._max_drop_chars = max_drop_chars
        self._consent_gate = tuple(consent_gate)
        self._consent_chars = consent_chars
        self._opens_with_consent = opens_with_consent
        self._short_block_chars = short_block_chars
        self._short_max_density = short_max_link_density
        self._max_density = max_link_density
        self._too_linked = too_linked
        self._glued = glued
        # The record made as its dataclass's ``__init__`` makes it (each field set by
        # ``object.__setattr__``), without the call of that Python function.
        if tuple(field.name for field in dataclasses.fields(paragraph)) != ("kind", "text") or (
            hasattr(paragraph, "__post_init__")
        ):
            raise ValueError("a paragraph's record holds its kind and text alone")
        self._paragraph = paragraph
        self._new = paragraph.__new__
        self._bold_alone = bold_alone
        self._max_signature_chars = max_signature_chars

    cpdef int emit(
        self,
        object reader,
        str text,
        Py_ssize_t link_chars,
        str kind,
        object holders=(),
        bint label=False,
        object parts=None,
    ) except -1:
        """Appends ``text`` to ``reader.out`` as a paragraph of ``kind`` unless it is
        boilerplate or too linked (``Reader.emit``)."""
        cdef bint heading, kept
        cdef Py_ssize_t links
        cdef list out
        if not text or text.isspace():
            return 0
        if kind == "pre":
            text = self._pre(reader, text, link_chars, holders, label)
            if text is None:
                return 0
        else:
            text = self._normalize(text)
            for sub, gate in self._widgets:
                if gate in text:
                    text = sub("", text)
        if label or kind == "h":
            kind = self._heading(reader, text, kind, label)
        heading = kind == "h"
        if self._stop_opens(text, heading) and self._is_stop_block(text, heading):
            # A heading, or a bold line alone, opens the promo block; another line is a button.
            reader._cut = heading or label
            return 0
        links = 0 if kind == "quote" or reader._citing else link_chars
        kept = (
            PyUnicode_GET_LENGTH(text) != 0
            and not (
                links
                and self._linked(text, links)
                and self._too_linked(text, links, holders, kind)
            )
            and not self._boilerplate(text)
            and not (self._consent(text) and self._opens_with_consent(text))
            and not (parts is not None and self._glued(text, parts))
        )
        if kept:
            out = reader.out
            if label:
                reader.bold_lines.add(len(out))
            record = self._new(self._paragraph)
            PyObject_GenericSetAttr(record, "kind", kind)
            PyObject_GenericSetAttr(record, "text", text)
            out.append(record)
        else:
            reader.left_out += 1
        return 0

    cdef int leaf(
        self,
        object reader,
        object node,
        bint subheading,
        str kind,
        str leaf,
        Py_ssize_t links,
        str text,
        object parts,
    ) except -1:
        """Reads the leaf block ``node`` (of ``leaf`` kind, in an element whose runs
        are of ``kind``; ``subheading``: the article's own linked heading, whose links
        do not count; ``links``: its link characters; ``text``: its text; ``parts``:
        its elements' texts when two meet with no space) whole; a kept ``p`` short
        enough and set in bold alone is noted a bold line."""
        cdef list out = reader.out
        cdef Py_ssize_t count = len(out)
        cdef bint plain = leaf == "p"
        self.emit(reader, text, 0 if subheading else links, kind if plain else leaf, (node,), False, parts)
        if (
            plain
            and len(out) > count
            and PyUnicode_GET_LENGTH(text) <= self._max_signature_chars
            and self._bold_alone(node) is not None
        ):
            reader.bold_lines.add(count)
        return 0

    cdef bint _linked(self, str text, Py_ssize_t links) except -1:
        """Whether the share of link characters in the normalized ``text`` is above
        the lower limit of its length (``_too_linked``'s first test)."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
        cdef Py_ssize_t size = n - _spaces(text)
        cdef double density = <double>links / <double>(size if size > 1 else 1)
        if density > 1.0:
            density = 1.0
        return density > (self._short_max_density if n < self._short_block_chars else self._max_density)

    cdef bint _stop_opens(self, str text, bint heading) except -1:
        """Whether ``is_stop_block`` may answer yes: the text is short enough (longer
        for a ``heading``), and holds a gate's literal (or a cased one, when it does
        not fold as ASCII)."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
        cdef unsigned long long found
        if n > self._max_stop_chars and not (heading and n <= self._max_titled_stop_chars):
            return False
        found = self._stop_find(text)
        if found & self._stop_bits:
            return True
        if found & self._folds:  # without a gate's literal
            return False
        folded = text.casefold()
        for literal in self._stop_cased:
            if literal in folded:
                return True
        return False

    cdef bint _consent(self, str text) except -1:
        """Whether the text's first ``consent_chars`` hold a literal of the consent gate."""
        for literal in self._consent_gate:
            if PyUnicode_Find(text, literal, 0, self._consent_chars, 1) >= 0:
                return True
        return False

    cdef bint _boilerplate(self, str text) except -1:
        """Whether a drop pattern (gated or not) matches ``text`` (``is_boilerplate``)."""
        cdef unsigned long long found
        cdef unsigned long long bit
        if PyUnicode_GET_LENGTH(text) > self._max_drop_chars:
            return False
        found = self._drop_find(text)
        if found & self._folds:  # ASCII, or beyond it only curly quotes, dashes, CJK...
            lowered = text.lower()
            if self._opens_plain.may_open(lowered) and self._drop_plain(lowered) is not None:
                return True
            if found > self._folds:
                for bit, plain, _ in self._gated:
                    if found & <unsigned long long>bit and plain(lowered) is not None:
                        return True
            return False
        if self._opens_caseless.may_open(text) and self._drop_caseless(text) is not None:
            return True
        if found:
            for bit, _, caseless in self._gated:
                if found & <unsigned long long>bit and caseless(text) is not None:
                    return True
        return False

    def is_boilerplate(self, str text not None) -> bool:
        """Whether a drop pattern (gated or not) matches ``text``, as
        ``CaselessPattern.search`` finds it."""
        return self._boilerplate(text)
