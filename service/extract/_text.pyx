# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Text helpers in C, for the small texts the readers make by the thousand.

``fold(text)`` is ``" ".join(text.split())``. Python's form cuts the text into a
list of word objects and joins them again, about 8,900 instructions for a text of
a hundred characters; this one reads the characters once, in the text's own
width, and copies them into the result only when the text is not folded already
(about 1,800). A character is whitespace as ``str.split`` takes it
(``Py_UNICODE_ISSPACE``). ``tests/unit/extract/test_text.py`` checks it against
the Python form on generated texts of each of ``str``'s three widths.

``WordCount`` counts words for ``teaser_fields.word_count``. A teaser's headline,
snippet and labels are counted in words by the hundred per page: ``len(text.split())``, and for a text beyond ASCII the CJK characters and
the letters of the scripts without spaces between words, each by a regular
expression's ``findall``. ``split`` makes a list of word objects only to count
them. ``WordCount`` reads the text's characters once, in its own width, counting
the words as ``str.split`` parts them (``Py_UNICODE_ISSPACE``) and the characters
of each kind in the same pass; the rule and its numbers are passed in from
``teaser_fields``. ``tests/unit/extract/test_word_count.py`` checks the counts
against the Python ones on generated texts of each of ``str``'s widths.
"""


cdef extern from *:
    """
    #include <Python.h>
    #include <string.h>

    /* " ".join(text.split()): the text itself when it is folded already, else a new
       str in its canonical width (a wide space dropped may narrow it). */
    static PyObject *ps_fold(PyObject *text) {
        Py_ssize_t n, i = 0, out;
        int kind;
        const void *data;
        Py_UCS4 c, before = ' ';
        char *buffer;
        int gap = 0;
        PyObject *result;
        if (PyUnicode_READY(text) < 0)
            return NULL;
        n = PyUnicode_GET_LENGTH(text);
        kind = PyUnicode_KIND(text);
        data = PyUnicode_DATA(text);
        /* The folded prefix: words apart by one ' ', no whitespace at the start. */
        for (; i < n; i++) {
            c = PyUnicode_READ(kind, data, i);
            if (Py_UNICODE_ISSPACE(c)) {
                if (c != ' ' || before == ' ')
                    break;
            }
            before = c;
        }
        if (i == n && (n == 0 || before != ' '))
            return Py_NewRef(text);
        buffer = PyMem_Malloc(n ? (size_t)n * kind : 1);
        if (buffer == NULL)
            return PyErr_NoMemory();
        /* The prefix up to its last word's end; a space after it is a gap owed. */
        out = i;
        if (out > 0 && before == ' ') {
            out--;
            gap = 1;
        }
        memcpy(buffer, data, (size_t)out * kind);
        for (; i < n; i++) {
            c = PyUnicode_READ(kind, data, i);
            if (Py_UNICODE_ISSPACE(c)) {
                gap = out > 0;
                continue;
            }
            if (gap) {
                PyUnicode_WRITE(kind, buffer, out, ' ');
                out++;
                gap = 0;
            }
            PyUnicode_WRITE(kind, buffer, out, c);
            out++;
        }
        result = PyUnicode_FromKindAndData(kind, buffer, out);
        PyMem_Free(buffer);
        return result;
    }
    """
    object ps_fold(str text)


def fold(str text not None) -> str:
    """``" ".join(text.split())``: runs of whitespace as one space, none at the ends
    (``text`` a ``str``, not a subclass's, which Cython refuses)."""
    return ps_fold(text)



cdef extern from *:
    """
    #include <Python.h>
    """
    # A code point as a C number (Cython's own Py_UCS4 would be a character).
    ctypedef unsigned int ucs4 "Py_UCS4"
    bint PyUnicode_IS_ASCII(object text)
    Py_ssize_t PyUnicode_GET_LENGTH(object text)
    int PyUnicode_KIND(object text)
    void *PyUnicode_DATA(object text)
    ucs4 PyUnicode_READ(int kind, void *data, Py_ssize_t index) nogil
    bint Py_UNICODE_ISSPACE(ucs4 c) nogil


cdef enum:
    _MAX_RANGES = 8


cdef struct _Ranges:
    int count
    ucs4 low[_MAX_RANGES]
    ucs4 high[_MAX_RANGES]


cdef int _set_ranges(_Ranges *into, tuple ranges) except -1:
    if len(ranges) > _MAX_RANGES:
        raise ValueError(f"at most {_MAX_RANGES} ranges of characters")
    into.count = len(ranges)
    for i, (low, high) in enumerate(ranges):
        if not 128 <= low <= high <= 0x10FFFF:
            raise ValueError(f"not a range of code points beyond ASCII: {low:#x}-{high:#x}")
        into.low[i] = low
        into.high[i] = high
    return 0


cdef inline bint _within(const _Ranges *ranges, ucs4 c) noexcept nogil:
    cdef int i
    for i in range(ranges.count):
        if ranges.low[i] <= c <= ranges.high[i]:
            return True
    return False


cdef class WordCount:
    """``count(text)``: the words of ``text``, as ``str.split`` parts them, unless it is
    not ASCII and has at least ``counted_chars`` characters: then, with fewer than
    ``most_words`` words and at least ``counted_chars`` CJK characters (``cjk``,
    ranges of code points), one word per ``cjk_chars_per_word`` of them; else, with
    fewer than ``most_counted_words`` words and at least ``counted_chars`` letters of
    the scripts without spaces between words (``unspaced``), one word per
    ``unspaced_chars_per_word`` of them; the larger of the two counts either way.
    ``spaced(text)`` is the same without the CJK count."""

    cdef Py_ssize_t _most, _chars, _most_counted, _cjk_per_word, _unspaced_per_word
    cdef _Ranges _cjk
    cdef _Ranges _unspaced

    def __init__(
        self,
        *,
        Py_ssize_t most_words,
        Py_ssize_t counted_chars,
        Py_ssize_t most_counted_words,
        tuple cjk,
        Py_ssize_t cjk_chars_per_word,
        tuple unspaced,
        Py_ssize_t unspaced_chars_per_word,
    ):
        if cjk_chars_per_word <= 0 or unspaced_chars_per_word <= 0:
            raise ValueError("characters per word must be positive")
        self._most = most_words
        self._chars = counted_chars
        self._most_counted = most_counted_words
        self._cjk_per_word = cjk_chars_per_word
        self._unspaced_per_word = unspaced_chars_per_word
        _set_ranges(&self._cjk, cjk)
        _set_ranges(&self._unspaced, unspaced)

    def count(self, str text not None) -> int:
        return self._count(text, True)

    def spaced(self, str text not None) -> int:
        return self._count(text, False)

    cdef Py_ssize_t _count(self, str text, bint by_cjk) noexcept:
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        cdef Py_ssize_t i
        cdef Py_ssize_t words = 0
        cdef Py_ssize_t cjk = 0
        cdef Py_ssize_t unspaced = 0
        cdef bint gap = True
        cdef ucs4 c
        for i in range(n):
            c = PyUnicode_READ(kind, data, i)
            if Py_UNICODE_ISSPACE(c):
                gap = True
                continue
            if gap:
                words += 1
                gap = False
            if c >= 128:  # the ranges are beyond ASCII
                cjk += _within(&self._cjk, c)
                unspaced += _within(&self._unspaced, c)
        if n < self._chars or PyUnicode_IS_ASCII(text):
            return words
        if by_cjk and words < self._most and cjk >= self._chars:
            return max(words, cjk // self._cjk_per_word)
        if words < self._most_counted and unspaced >= self._chars:
            return max(words, unspaced // self._unspaced_per_word)
        return words
