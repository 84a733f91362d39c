# cython: language_level=3
"""The body's emission of paragraphs in C (``_emit.pyx``), which ``_blocks.BlockWalk``
calls for each run and leaf block it reads."""


cdef class _Openings:
    cdef unsigned long long *_keys  # (length << 32 | the tokens' ids), sorted
    cdef unsigned long long *_masks  # the patterns' bits of each key
    cdef Py_ssize_t _count
    cdef unsigned char *_bmp  # a BMP character's token's id + 1 (0: not read yet)
    cdef dict _ids  # token -> id
    cdef object _token
    cdef int _end  # the id of the end's mark
    cdef unsigned int _lengths  # bit n: an opening n tokens long
    cdef Py_ssize_t _size

    cdef unsigned long long _mask(self, unsigned long long key) noexcept
    cdef int _id(self, unsigned int c) except -1
    cdef int may_open(self, str text, unsigned long long *mask, bint lower=*) except -1


cdef class Emitter:
    cdef unsigned long long _folds
    cdef object _normalize
    cdef tuple _widgets
    cdef object _stop_plain
    cdef object _stop_caseless
    cdef object _titled_plain
    cdef object _titled_caseless
    cdef object _stop_find
    cdef unsigned long long _stop_bit
    cdef unsigned long long _titled_bit
    cdef tuple _stop_cased
    cdef Py_ssize_t _max_stop_chars
    cdef Py_ssize_t _max_titled_stop_chars
    cdef object _drop_find
    cdef Py_ssize_t _max_drop_chars
    cdef tuple _drop_plain
    cdef tuple _drop_caseless
    cdef _Openings _opens_plain
    cdef _Openings _opens_caseless
    cdef tuple _gated
    cdef tuple _consent_gate
    cdef Py_ssize_t _consent_chars
    # Bit (c << 8 | d) % 64 of word (c << 8 | d) // 64: a literal ends with c and d.
    cdef unsigned long long _consent_ends[1024]
    cdef object _opens_with_consent
    cdef Py_ssize_t _short_block_chars
    cdef double _short_max_density
    cdef double _max_density
    cdef object _too_linked
    cdef object _glued
    cdef object _pre
    cdef object _heading
    cdef object _paragraph
    cdef object _new
    cdef object _bold_alone
    cdef Py_ssize_t _max_signature_chars

    cpdef int emit(
        self,
        object reader,
        str text,
        Py_ssize_t link_chars,
        str kind,
        object holders=*,
        bint label=*,
        object parts=*,
    ) except -1
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
    ) except -1
    cdef bint _linked(self, str text, Py_ssize_t links) except -1
    cdef bint _boilerplate(self, str text) except -1
    cdef bint _stop(self, str text, bint heading) except -1
    cdef bint _cased_stop(self, str text) except -1
    cdef bint _consent(self, str text) except -1
    cdef bint _consent_at(self, str text, Py_ssize_t end) except -1
