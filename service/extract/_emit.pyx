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

from cpython.mem cimport PyMem_Calloc, PyMem_Free, PyMem_Malloc

import dataclasses

from service.extract.openings import END


from service.extract._unicode cimport (
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    PyUnicode_READ,
    PyUnicode_READ_CHAR,
    ucs4,
)


cdef extern from "Python.h":
    int PyObject_GenericSetAttr(object target, object name, object value) except -1


cdef enum:
    _MAX_SIZE = 4  # an opening's tokens, one byte each, in the 32 bits of a key
    _MAX_TOKENS = 254  # the tokens' ids (0: a token that opens nothing)
    _MAX_PATTERNS = 64  # a pattern's bit in a 64-bit answer
    _BMP = 0x10000  # the characters whose ids are kept once read


cdef class _Openings:
    """Which of several patterns anchored at the start may match a text, as each one's
    ``Openings.may_open`` (``openings``, one per pattern, all of one size and case form)
    answers: bit ``i`` of the answer for pattern ``i``. Each token that an opening holds
    has an id of one byte, and an opening's ids with its length are a key, sorted with
    the bits of the patterns it opens; a character's token is asked of ``Openings.token``
    (ASCII at once, another the first time it is read in the BMP, where it is kept)."""

    def __init__(self, openings):
        cdef Py_ssize_t k
        cdef unsigned long long key
        openings = tuple(openings)
        if not 0 < len(openings) <= _MAX_PATTERNS:
            raise ValueError(f"one to {_MAX_PATTERNS} patterns' openings")
        size = openings[0].size
        if size > _MAX_SIZE or any(gate.size != size for gate in openings):
            raise ValueError(f"openings of one size, at most {_MAX_SIZE} characters long")
        tokens = sorted({token for gate in openings for opening in gate.openings for token in opening})
        if len(tokens) > _MAX_TOKENS:
            raise ValueError(f"at most {_MAX_TOKENS} tokens")
        self._ids = {token: i + 1 for i, token in enumerate(tokens)}
        self._token = openings[0].token
        if any(gate.token("A") != self._token("A") for gate in openings):
            raise ValueError("openings of one case form")
        self._size = size
        self._end = self._ids.get(END, 0)
        masks = {}
        for bit, gate in enumerate(openings):
            for opening in gate.openings:
                key = 0
                for char in opening:
                    key = (key << 8) | self._ids[char]
                key |= <unsigned long long>len(opening) << 32
                masks[key] = masks.get(key, 0) | 1 << bit
                self._lengths |= 1u << len(opening)
        keys = sorted(masks)
        self._count = len(keys)
        self._keys = <unsigned long long *>PyMem_Malloc(max(self._count, 1) * sizeof(unsigned long long))
        self._masks = <unsigned long long *>PyMem_Malloc(max(self._count, 1) * sizeof(unsigned long long))
        self._bmp = <unsigned char *>PyMem_Calloc(_BMP, 1)
        if self._keys == NULL or self._masks == NULL or self._bmp == NULL:
            raise MemoryError()
        for k in range(self._count):
            self._keys[k] = keys[k]
            self._masks[k] = masks[keys[k]]
        for k in range(128):
            self._bmp[k] = self._ids.get(self._token(chr(k)), 0) + 1

    def __dealloc__(self):
        PyMem_Free(self._keys)
        PyMem_Free(self._masks)
        PyMem_Free(self._bmp)

    cdef unsigned long long _mask(self, unsigned long long key) noexcept:
        """The bits of the patterns with the opening ``key`` (0 for none)."""
        cdef Py_ssize_t low = 0, high = self._count
        cdef Py_ssize_t middle
        while low < high:
            middle = (low + high) >> 1
            if self._keys[middle] < key:
                low = middle + 1
            else:
                high = middle
        return self._masks[low] if low < self._count and self._keys[low] == key else 0

    cdef int _id(self, unsigned int c) except -1:
        """The id of the token of the character ``c`` (0: no opening holds it)."""
        cdef int found
        if c < _BMP and self._bmp[c]:
            return self._bmp[c] - 1
        found = self._ids.get(self._token(chr(c)), 0)
        if c < _BMP:
            self._bmp[c] = found + 1
        return found

    cdef int may_open(self, str text, unsigned long long *mask, bint lower=False) except -1:
        """Sets ``mask`` to the bits of the patterns whose matches may open ``text``
        (with ``lower``: ``text`` with its ASCII capitals lowered)."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        cdef Py_ssize_t i
        cdef Py_ssize_t head = n if n < self._size else self._size
        cdef unsigned long long key = 0
        cdef ucs4 c
        cdef int found
        mask[0] = 0
        for i in range(head):
            c = PyUnicode_READ(kind, data, i)
            if lower and <ucs4>(c - 65) < 26:  # "A" to "Z"
                c += 32
            found = self._id(c)
            if found == 0:  # no opening goes on with it
                return 0
            key = (key << 8) | found
            if self._lengths >> (i + 1) & 1:
                mask[0] |= self._mask((<unsigned long long>(i + 1) << 32) | key)
        if n < self._size and self._end:  # the end's mark after the tokens
            key = (key << 8) | self._end
            if self._lengths >> (n + 1) & 1:
                mask[0] |= self._mask((<unsigned long long>(n + 1) << 32) | key)
        return 0


cdef bint _any_matches(tuple searches, unsigned long long mask, str text) except -1:
    """Whether one of the ``searches`` whose bits ``mask`` sets finds a match in ``text``."""
    cdef Py_ssize_t i = 0
    while mask:
        if mask & 1 and searches[i](text) is not None:
            return True
        mask >>= 1
        i += 1
    return False


cdef bint _holds(str text, tuple gates) except -1:
    """Whether ``text`` holds a literal of each group of ``gates``."""
    cdef tuple group
    cdef str literal
    for group in gates:
        for literal in group:
            if literal in text:
                break
        else:
            return False
    return True


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
      a pattern, its gate's groups of literals, its reason) make a block's text;
      ``pre`` reads a preformatted one (the text to read on, or None when it read it as prose) and
      ``heading`` a heading or bold label (its kind, the source-list state);
    - ``stop_block`` (``max_stop_chars`` at most) and ``titled_stop_block`` (a
      heading, ``max_titled_stop_chars`` at most), ``CaselessPattern``s, gated by
      ``stop_gates`` (a ``text.literal_table``, ``stop_bit`` and ``titled_bit`` their
      gates' bits) and ``stop_cased_gate`` (literals of the case folded text, for a
      text that does not fold as ASCII), are ``is_stop_block``;
    - ``drop_gates`` (the gated patterns' table, each of ``gated`` a bit and the
      pattern), ``drops`` (the drop patterns anchored at the start, each a
      ``CaselessPattern``), ``openings`` (theirs, one per pattern: plain, caseless) and
      ``max_drop_chars`` are ``is_boilerplate``;
    - ``consent_gate`` (literals of two ASCII characters or more) in the first
      ``consent_chars`` gates ``opens_with_consent``;
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
        stop_block,
        titled_stop_block,
        stop_gates,
        stop_bit,
        titled_bit,
        stop_cased_gate,
        max_stop_chars,
        max_titled_stop_chars,
        drop_gates,
        gated,
        drops,
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
        cdef unsigned int pair
        self._folds = folds_as_ascii
        self._normalize = normalize
        self._widgets = tuple(
            (pattern.sub, tuple(tuple(group) for group in gates)) for pattern, gates, _ in widgets
        )
        self._pre = pre
        self._heading = heading
        self._stop_plain = stop_block.plain.search
        self._stop_caseless = stop_block.caseless.search
        self._titled_plain = titled_stop_block.plain.search
        self._titled_caseless = titled_stop_block.caseless.search
        self._stop_find = stop_gates.find
        self._stop_bit = stop_bit
        self._titled_bit = titled_bit
        self._stop_cased = tuple(stop_cased_gate)
        self._max_stop_chars = max_stop_chars
        self._max_titled_stop_chars = max_titled_stop_chars
        self._drop_find = drop_gates.find
        self._gated = tuple(
            (bit, pattern.plain.search, pattern.caseless.search) for bit, pattern in gated
        )
        self._drop_plain = tuple(pattern.plain.search for pattern in drops)
        self._drop_caseless = tuple(pattern.caseless.search for pattern in drops)
        plain, caseless = openings
        if not len(plain) == len(caseless) == len(self._drop_plain):
            raise ValueError("the openings of each drop pattern, in each form")
        self._opens_plain = _Openings(plain)
        self._opens_caseless = _Openings(caseless)
        self._max_drop_chars = max_drop_chars
        self._consent_gate = tuple(consent_gate)
        for literal in self._consent_gate:
            if len(literal) < 2 or not literal.isascii():
                raise ValueError(f"a consent literal of two ASCII characters or more: {literal!r}")
            pair = ord(literal[-2]) << 8 | ord(literal[-1])
            self._consent_ends[pair >> 6] |= (<unsigned long long>1) << (pair & 63)
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
            for sub, gates in self._widgets:
                if _holds(text, gates):
                    text = sub("", text)
        if label or kind == "h":
            kind = self._heading(reader, text, kind, label)
        heading = kind == "h"
        if self._stop(text, heading):
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

    cdef bint _stop(self, str text, bint heading) except -1:
        """Whether the normalized ``text`` opens a promo block or a comment thread (a stop
        block, short), or is a ``heading`` counting comments on the story's title (a
        titled stop block): each pattern searched only when the text holds its gate's
        literal (or a cased one, when it does not fold as ASCII)."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
        cdef bint stop = n <= self._max_stop_chars
        cdef bint titled = heading and n <= self._max_titled_stop_chars
        cdef unsigned long long found
        if not (stop or titled):
            return False
        found = self._stop_find(text)
        if found & self._folds:
            if not found & (self._stop_bit | self._titled_bit):
                return False
            lowered = text.lower()
            return (
                stop and found & self._stop_bit and self._stop_plain(lowered) is not None
            ) or (
                titled and found & self._titled_bit and self._titled_plain(lowered) is not None
            )
        if not found & (self._stop_bit | self._titled_bit) and not self._cased_stop(text):
            return False
        return (stop and self._stop_caseless(text) is not None) or (
            titled and self._titled_caseless(text) is not None
        )

    cdef bint _cased_stop(self, str text) except -1:
        """Whether the case folded ``text`` holds a literal of the cased stop gate."""
        folded = text.casefold()
        for literal in self._stop_cased:
            if literal in folded:
                return True
        return False

    cdef bint _consent(self, str text) except -1:
        """Whether the text's first ``consent_chars`` hold a literal of the consent gate:
        read once, a literal compared where its last two characters stand."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        cdef const unsigned char *latin = <const unsigned char *>data
        cdef Py_ssize_t i
        cdef unsigned int pair
        cdef ucs4 c, d
        if n > self._consent_chars:
            n = self._consent_chars
        if n < 2:
            return False
        if kind == 1:
            pair = latin[0]
            for i in range(1, n):
                pair = (pair << 8 | latin[i]) & 0xFFFF
                if self._consent_ends[pair >> 6] >> (pair & 63) & 1 and self._consent_at(text, i + 1):
                    return True
            return False
        c = PyUnicode_READ(kind, data, 0)
        for i in range(1, n):
            d = PyUnicode_READ(kind, data, i)
            if c < 256 and d < 256:
                pair = c << 8 | d
                if self._consent_ends[pair >> 6] >> (pair & 63) & 1 and self._consent_at(text, i + 1):
                    return True
            c = d
        return False

    cdef bint _consent_at(self, str text, Py_ssize_t end) except -1:
        """Whether a literal of the consent gate ends at ``end`` in ``text``."""
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        cdef Py_ssize_t j, size, start
        cdef str literal
        for literal in self._consent_gate:
            size = PyUnicode_GET_LENGTH(literal)
            start = end - size
            if start < 0:
                continue
            j = 0
            while j < size and PyUnicode_READ_CHAR(literal, j) == PyUnicode_READ(kind, data, start + j):
                j += 1
            if j == size:
                return True
        return False

    cdef bint _boilerplate(self, str text) except -1:
        """Whether a drop pattern (gated or not) matches ``text`` (``is_boilerplate``):
        each anchored one searched only when the text's opening is one of its openings."""
        cdef unsigned long long found
        cdef unsigned long long bit
        cdef unsigned long long mask
        if PyUnicode_GET_LENGTH(text) > self._max_drop_chars:
            return False
        found = self._drop_find(text)
        if found & self._folds:  # ASCII, or beyond it only curly quotes, dashes, CJK...
            # Its characters beyond ASCII have no case: ``str.lower`` changes its ASCII
            # capitals alone, and the openings are read with those lowered. The text is
            # lowered only for a search.
            self._opens_plain.may_open(text, &mask, True)
            if not mask and found == self._folds:
                return False
            lowered = text.lower()
            if mask and _any_matches(self._drop_plain, mask, lowered):
                return True
            if found > self._folds:
                for bit, plain, _ in self._gated:
                    if found & <unsigned long long>bit and plain(lowered) is not None:
                        return True
            return False
        self._opens_caseless.may_open(text, &mask)
        if mask and _any_matches(self._drop_caseless, mask, text):
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

    def has_consent_literal(self, str text not None) -> bool:
        """Whether the text's first ``consent_chars`` hold a literal of the consent gate."""
        return self._consent(text)

    def is_stop_block(self, str text not None, bint heading) -> bool:
        """Whether the normalized ``text`` opens a promo block or a comment thread, or is
        a ``heading`` counting comments on the story's title: the story has ended."""
        return self._stop(text, heading)
