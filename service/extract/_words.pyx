# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""Word lists matched in C: which of several lists of literals occur in a text.

A gate is a list of literals one of which a text must hold for a costlier test
(a regular expression) to be tried. Python's loop of substring tests reads the
text once per literal, each test a call; ``Literals`` takes the lists once (at
import, from the Python modules that keep them and their reasons) into a table
keyed by the literals' first characters, and reads a text once, character by
character: a bitmap of the pairs of ASCII characters that open a literal passes
over most places at a lookup, and at the others only the literals that start with
the character read are compared. An ASCII text is read as its bytes, the bitmap
holding both cases of each letter.

The text is compared in its gate form (``text._ASCII_FORMS``: ASCII letters in lower
case, and the few characters beyond ASCII that a case-insensitive match pairs with
an ASCII letter as that letter), made character by character in the pass; the
literals' characters are ASCII in lower case or characters without case that no
other character lowercases to, which ``text.literal_table`` checks. The same
pass tells whether the text has case in its ASCII letters alone
(``text.folds_as_ascii``): no character beyond ASCII outside the caseless ranges
given. ``tests/unit/extract/test_text.py`` checks the answers against the Python
substring tests on generated texts.
"""

cimport cython
from cpython.mem cimport PyMem_Free, PyMem_Malloc

from service.extract._unicode cimport (
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_IS_ASCII,
    PyUnicode_KIND,
    PyUnicode_READ,
    ucs4,
)


cdef extern from *:
    """
    #include <Python.h>

    /* A character of a text in its gate form: an ASCII letter in lower case, a
       character of `from` as the one of `to` at its place, any other as it is;
       `folds` cleared for a character beyond ASCII outside the caseless ranges. */
    static inline Py_UCS4 ps_gate_char(Py_UCS4 c, Py_ssize_t nranges, const Py_UCS4 *lo,
                                       const Py_UCS4 *hi, Py_ssize_t nforms,
                                       const Py_UCS4 *from, const Py_UCS4 *to, int *folds) {
        Py_ssize_t r;
        if (c < 128)
            return c - 'A' < 26u ? c + 32 : c;
        for (r = 0; r < nranges; r++)
            if (lo[r] <= c && c <= hi[r])
                return c;
        *folds = 0;
        for (r = 0; r < nforms; r++)
            if (from[r] == c)
                return to[r];
        return c;
    }
    """
    ucs4 ps_gate_char(ucs4 c, Py_ssize_t nranges, const ucs4 *lo, const ucs4 *hi,
                      Py_ssize_t nforms, const ucs4 *src, const ucs4 *dst, int *folds) nogil


FOLDS_AS_ASCII = 1  # the bit of ``Literals.find``'s answer for a text that folds as ASCII
_MAX_GROUPS = 63  # a group's bit is bit 1 to 63 of an unsigned 64-bit answer
cdef enum:
    ALONE = 1  # one is this character alone
    WIDE = 2  # one goes on with a character beyond ASCII
    NONE = 0xFFFFFFFF  # past the text's end: no character
    FOLDS = 1  # FOLDS_AS_ASCII


@cython.final
cdef class Literals:
    """Lists of literals (``groups``), matched together in one pass over a text.

    ``forms`` maps the characters beyond ASCII that the gate form turns into an
    ASCII letter to that letter; ``caseless`` lists the ranges (first, last code
    point) of the characters beyond ASCII without case.
    """

    cdef Py_ssize_t count  # literals
    cdef ucs4 *chars  # the literals' characters, one after another, ...
    cdef Py_ssize_t *starts  # ... literal k from starts[k] to starts[k + 1]
    cdef unsigned long long *bits  # literal k's group's bit
    cdef Py_ssize_t heads[129]  # literals opening with ASCII c: heads[c] to heads[c + 1]
    # Bit c1 of openers[2 * c0 + c1 // 64]: a literal opens with ASCII c0 and c1.
    cdef unsigned long long openers[256]
    cdef unsigned char kinds[128]  # of the literals opening with ASCII c: ALONE, WIDE
    # The same for ASCII text as it is, each letter in both cases.
    cdef unsigned long long ascii_openers[256]
    cdef unsigned char ascii_kinds[128]
    cdef unsigned long long every  # all the groups' bits
    cdef Py_ssize_t nranges
    cdef ucs4 *lo
    cdef ucs4 *hi
    cdef Py_ssize_t nforms
    cdef ucs4 *src
    cdef ucs4 *dst

    def __cinit__(self, groups, forms, caseless):
        cdef Py_ssize_t k, size, at, first, second, case, other
        groups = [tuple(group) for group in groups]
        if len(groups) > _MAX_GROUPS:
            raise ValueError(f"at most {_MAX_GROUPS} groups of literals")
        # The literals ordered by their first character (the ASCII ones first, by
        # code, then the others), each with its group's bit.
        entries = sorted(
            ((literal, 2 << index) for index, group in enumerate(groups) for literal in group),
            key=lambda entry: min(ord(entry[0][0]), 128) if entry[0] else -1,
        )
        if any(not literal for literal, _ in entries):
            raise ValueError("an empty literal")
        forms = dict(forms)
        caseless = list(caseless)
        if any(ord(char) < 128 or not ord(letter) < 128 for char, letter in forms.items()):
            raise ValueError("forms map characters beyond ASCII to ASCII")
        self.count = len(entries)
        size = sum(len(literal) for literal, _ in entries)
        self.chars = <ucs4 *>PyMem_Malloc(max(size, 1) * sizeof(ucs4))
        self.starts = <Py_ssize_t *>PyMem_Malloc((self.count + 1) * sizeof(Py_ssize_t))
        self.bits = <unsigned long long *>PyMem_Malloc(max(self.count, 1) * sizeof(unsigned long long))
        self.nranges = len(caseless)
        self.lo = <ucs4 *>PyMem_Malloc(max(self.nranges, 1) * sizeof(ucs4))
        self.hi = <ucs4 *>PyMem_Malloc(max(self.nranges, 1) * sizeof(ucs4))
        self.nforms = len(forms)
        self.src = <ucs4 *>PyMem_Malloc(max(self.nforms, 1) * sizeof(ucs4))
        self.dst = <ucs4 *>PyMem_Malloc(max(self.nforms, 1) * sizeof(ucs4))
        if not (self.chars and self.starts and self.bits and self.lo and self.hi
                and self.src and self.dst):
            raise MemoryError()
        at = 0
        self.every = 0
        for k, (literal, bit) in enumerate(entries):
            self.starts[k] = at
            self.bits[k] = bit
            self.every |= bit
            for char in literal:
                self.chars[at] = ord(char)
                at += 1
        self.starts[self.count] = at
        k = 0
        for first in range(129):  # heads[c]: the first literal opening with c or after
            while k < self.count and self.chars[self.starts[k]] < first:
                k += 1
            self.heads[first] = k
        for k in range(self.count):
            at = self.starts[k]
            first = self.chars[at]
            if first >= 128:
                continue
            if self.starts[k + 1] - at == 1:
                self.kinds[first] |= ALONE
                for case in {first, ord(chr(first).upper())}:
                    self.ascii_kinds[case] |= ALONE
            elif self.chars[at + 1] >= 128:
                self.kinds[first] |= WIDE
            else:
                second = self.chars[at + 1]
                self.openers[2 * first + second // 64] |= 1ULL << (second % 64)
                for case in {first, ord(chr(first).upper())}:
                    for other in {second, ord(chr(second).upper())}:
                        self.ascii_openers[2 * case + other // 64] |= 1ULL << (other % 64)
        for k, (first_point, last_point) in enumerate(caseless):
            self.lo[k] = first_point
            self.hi[k] = last_point
        for k, (char, letter) in enumerate(forms.items()):
            self.src[k] = ord(char)
            self.dst[k] = ord(letter)

    def __dealloc__(self):
        PyMem_Free(self.chars)
        PyMem_Free(self.starts)
        PyMem_Free(self.bits)
        PyMem_Free(self.lo)
        PyMem_Free(self.hi)
        PyMem_Free(self.src)
        PyMem_Free(self.dst)

    cdef inline ucs4 form(self, int kind, void *data, Py_ssize_t n, Py_ssize_t i,
                          int *folds) noexcept:
        """The gate form of the text's character at ``i`` (``NONE`` past its end)."""
        if i >= n:
            return NONE
        return ps_gate_char(PyUnicode_READ(kind, data, i), self.nranges, self.lo, self.hi,
                            self.nforms, self.src, self.dst, folds)

    cdef inline bint opens(self, ucs4 c0, ucs4 c1) noexcept:
        """Whether a literal may open with ``c0`` (ASCII) and then ``c1``."""
        if self.kinds[c0] & ALONE:
            return True
        if c1 < 128:
            return (self.openers[2 * c0 + (c1 >> 6)] >> (c1 & 63)) & 1
        return c1 != NONE and self.kinds[c0] & WIDE

    def find(self, str text not None):
        """Bit ``FOLDS_AS_ASCII`` set when ``text`` folds as ASCII, and bit ``1 + i``
        when a literal of group ``i`` occurs in its gate form."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        cdef int folds = 1
        cdef int unused = 1
        cdef unsigned long long found = 0
        cdef Py_ssize_t i = 0, j, k, end, length, at
        cdef ucs4 c0, c1
        cdef const unsigned char *chars = <const unsigned char *>data
        if PyUnicode_IS_ASCII(text):
            # Its bytes as they are: a literal's first two letters in both cases.
            while i < n and found != self.every:
                c0 = chars[i]
                c1 = chars[i + 1] if i + 1 < n else 0
                if (self.ascii_openers[2 * c0 + (c1 >> 6)] >> (c1 & 63)) & 1 == 0 and (
                    self.ascii_kinds[c0] & ALONE == 0
                ):
                    i += 1
                    continue
                c0 = c0 + 32 if c0 - 65 < 26 else c0
                k = self.heads[c0]
                end = self.heads[c0 + 1]
                while k < end:
                    at = self.starts[k]
                    length = self.starts[k + 1] - at
                    if (found & self.bits[k]) == 0 and length <= n - i:
                        j = 1
                        while j < length:
                            c1 = chars[i + j]
                            if (c1 + 32 if c1 - 65 < 26 else c1) != self.chars[at + j]:
                                break
                            j += 1
                        if j == length:
                            found |= self.bits[k]
                    k += 1
                i += 1
            return found | FOLDS
        c1 = self.form(kind, data, n, 0, &folds)
        while i < n and found != self.every:
            # Each character's form made once: c0 at i, c1 after it.
            c0 = c1
            c1 = self.form(kind, data, n, i + 1, &folds)
            if c0 < 128:
                if not self.opens(c0, c1):
                    i += 1
                    continue
                k = self.heads[c0]
                end = self.heads[c0 + 1]
            else:
                k = self.heads[128]
                end = self.count
            while k < end:
                at = self.starts[k]
                length = self.starts[k + 1] - at
                if (found & self.bits[k]) == 0 and length <= n - i and self.chars[at] == c0:
                    j = 1
                    while j < length and self.form(kind, data, n, i + j, &unused) == self.chars[at + j]:
                        j += 1
                    if j == length:
                        found |= self.bits[k]
                k += 1
            i += 1
        # The characters left, read for their case alone.
        i += 1  # the one after i is read
        while folds and i < n:
            ps_gate_char(PyUnicode_READ(kind, data, i), self.nranges, self.lo, self.hi, 0,
                         self.src, self.dst, &folds)
            i += 1
        return found | folds
