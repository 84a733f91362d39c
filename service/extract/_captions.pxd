# cython: language_level=3
"""A picture's caption known without class names, in C (``_captions.pyx``), which
``_blocks.BlockWalk`` asks of each picture in the container it reads."""

from service.extract._lexbor cimport TAG_LAST_ENTRY, ps_node, ps_spaces


cdef class Captions:
    cdef unsigned char _tags[TAG_LAST_ENTRY]
    cdef ps_spaces _spaces
    cdef Py_ssize_t _max_chars
    cdef Py_ssize_t _max_credited_chars
    cdef Py_ssize_t _max_credited_runs
    cdef Py_ssize_t _levels
    cdef Py_ssize_t _max_skipped
    cdef object _credited
    cdef object _chars
    cdef ps_node *_memo  # the element ``_has_words`` read last in a walk, and its answer
    cdef bint _memo_words

    cdef void forget(self) noexcept
    cdef bint _words_of(self, ps_node *element) noexcept

    cdef unsigned char _kind(self, ps_node *node) noexcept
    cdef bint _has_words(self, ps_node *root) noexcept
    cdef bint _has_text(self, ps_node *root) noexcept
    cdef bint _text_before(self, ps_node *node) noexcept
    cdef Py_ssize_t _chars_of(self, const unsigned char *data, size_t length) except -1
    cdef int _is_short(self, ps_node *root, object parser) except -1
    cdef int caption_of(self, ps_node *picture, ps_node *top, object parser, ps_node **caption) except -1
    cdef ps_node *_first_picture(self, ps_node *root) noexcept
