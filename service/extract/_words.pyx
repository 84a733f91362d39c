# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""Word lists matched in C: which of several lists of literals occur in a text.

A gate is a list of literals one of which a text must hold for a costlier test
(a regular expression) to be tried. Python's loop of substring tests reads the
text once per literal, each test a call; ``Literals`` takes the lists once (at
import, from the Python modules that keep them and their reasons) into a table
keyed by the literals' first characters, and reads a text once, character by
character in its own width (a loop compiled for each of ``str``'s three): a bitmap
of the pairs of ASCII characters that open a literal passes over most places at a
lookup, and at the others only the literals that start with the character read are
compared, ordered by their second character. An ASCII text is read as its bytes,
two at a time as one number that indexes the bitmap, which holds both cases of each
letter.

The text is compared in its gate form (``text._GATE_FORMS``: ASCII letters and the
basic Cyrillic ones, U+0400 to U+045F, in lower case, and the few characters beyond
them that a case-insensitive match pairs with one of their lower case letters as
that letter), made character by character in the pass; the literals' characters are
those letters in lower case or characters without case that no other character
lowercases to, which ``text.literal_table`` checks. The same
pass tells whether the text has case in its ASCII letters alone
(``text.folds_as_ascii``): no character beyond ASCII outside the caseless ranges
given; it is read until a character has case (the block of the last character
without case tried first). ``tests/unit/extract/test_text.py`` checks the answers
against the Python substring tests on generated texts.
"""

cimport cython
from cpython.mem cimport PyMem_Free, PyMem_Malloc

from libc.stdint cimport uint8_t, uint16_t, uint32_t

from service.extract._unicode cimport (
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_IS_ASCII,
    PyUnicode_KIND,
    ucs4,
)


cdef extern from *:
    """
    #include <stdint.h>
    #include <string.h>

    /* Whether c is in one of the ranges lo[r] to hi[r]; *last, the range found last,
       is tried first (a text's characters beyond ASCII are mostly of one block). */
    static inline int ps_in_ranges(Py_UCS4 c, Py_ssize_t n, const Py_UCS4 *lo,
                                   const Py_UCS4 *hi, Py_ssize_t *last) {
        Py_ssize_t r = *last;
        if (lo[r] <= c && c <= hi[r])
            return 1;
        for (r = 0; r < n; r++)
            if (lo[r] <= c && c <= hi[r]) {
                *last = r;
                return 1;
            }
        return 0;
    }

    /* The two bytes at p as one number, in the machine's order: a pair of ASCII
       characters is below 2**15. */
    static inline unsigned int ps_two_bytes(const unsigned char *p) {
        uint16_t w;
        memcpy(&w, p, 2);
        return w;
    }
    """
    bint ps_in_ranges(ucs4 c, Py_ssize_t n, const ucs4 *lo, const ucs4 *hi,
                      Py_ssize_t *last) nogil
    unsigned int ps_two_bytes(const uint8_t *p) nogil


ctypedef fused _unit:  # a code unit of one of str's widths
    uint8_t
    uint16_t
    uint32_t


FOLDS_AS_ASCII = 1  # the bit of ``Literals.find``'s answer for a text that folds as ASCII
_MAX_GROUPS = 63  # a group's bit is bit 1 to 63 of an unsigned 64-bit answer
cdef enum:
    ALONE = 1  # one is this character alone
    WIDE = 2  # one goes on with a character beyond ASCII
    FOLDS = 1  # FOLDS_AS_ASCII


@cython.final
cdef class Literals:
    """Lists of literals (``groups``), matched together in one pass over a text.

    ``forms`` maps the characters beyond ASCII that the gate form turns into a
    lower case letter of ASCII or of basic Cyrillic (which it makes of their
    capitals itself) to that letter; ``caseless`` lists the ranges (first, last
    code point) of the characters beyond ASCII without case.

    The passes read the character after the text's end: CPython ends every
    ``str``'s data with a zero character, which no literal holds (the table
    refuses one), so that a comparison stops there.
    """

    cdef Py_ssize_t count  # literals
    cdef ucs4 *chars  # the literals' characters, one after another, ...
    cdef Py_ssize_t *starts  # ... literal k from starts[k] to starts[k + 1]
    cdef unsigned long long *bits  # literal k's group's bit
    cdef Py_ssize_t heads[129]  # literals opening with ASCII c: heads[c] to heads[c + 1]
    # Bit c1 of openers[2 * c0 + c1 // 64]: a literal opens with ASCII c0 and c1, or
    # is c0 alone (then every bit of c0's row).
    cdef unsigned long long openers[256]
    cdef unsigned char kinds[128]  # of the literals opening with ASCII c: ALONE, WIDE
    # The same for ASCII text as it is, each letter in both cases, a pair's bit at
    # the number its two bytes make (``ps_two_bytes``).
    cdef unsigned long long ascii_pairs[512]
    cdef unsigned long long wide_firsts  # bit c % 64 for each first character c beyond ASCII
    cdef unsigned long long every  # all the groups' bits
    cdef Py_ssize_t nranges
    cdef ucs4 *lo
    cdef ucs4 *hi
    cdef Py_ssize_t nforms
    cdef unsigned long long form_bits  # bit c % 64 for each character c of ``forms``
    cdef ucs4 *src
    cdef ucs4 *dst

    def __cinit__(self, groups, forms, caseless):
        cdef Py_ssize_t k, size, at, first, second, other
        groups = [tuple(group) for group in groups]
        if len(groups) > _MAX_GROUPS:
            raise ValueError(f"at most {_MAX_GROUPS} groups of literals")
        # The literals ordered by their first character (the ASCII ones first, by
        # code, then the others), those opening with an ASCII one by their second
        # (none first), each with its group's bit.
        entries = sorted(
            ((literal, 2 << index) for index, group in enumerate(groups) for literal in group),
            key=lambda entry: (min(ord(entry[0][0]), 128), ord(entry[0][1:2] or "\0"))
            if entry[0] else (-1, 0),
        )
        if any(not literal or "\0" in literal for literal, _ in entries):
            raise ValueError("an empty literal, or one holding a zero character")
        forms = dict(forms)
        caseless = list(caseless)
        if any(
            ord(char) < 128 or 0x400 <= ord(char) < 0x460
            or not (ord(letter) < 128 or 0x430 <= ord(letter) < 0x460)
            for char, letter in forms.items()
        ):
            raise ValueError("forms map characters beyond ASCII and Cyrillic to their letters")
        if any(low <= ord(char) <= high for char in forms for low, high in caseless):
            raise ValueError("a character of forms in a caseless range")
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
                self.wide_firsts |= 1ULL << (first % 64)
            elif self.starts[k + 1] - at == 1:
                self.kinds[first] |= ALONE
                self.openers[2 * first] = self.openers[2 * first + 1] = ~0ULL
                for other in range(128):
                    self._ascii_pair(first, other)
            elif self.chars[at + 1] >= 128:
                self.kinds[first] |= WIDE
            else:
                second = self.chars[at + 1]
                self.openers[2 * first + second // 64] |= 1ULL << (second % 64)
                self._ascii_pair(first, second)
        self.lo[0], self.hi[0] = 1, 0  # no range, when none is given
        for k, (first_point, last_point) in enumerate(caseless):
            self.lo[k] = first_point
            self.hi[k] = last_point
        for k, (char, letter) in enumerate(forms.items()):
            self.src[k] = ord(char)
            self.dst[k] = ord(letter)
            self.form_bits |= 1ULL << (ord(char) % 64)

    cdef void _ascii_pair(self, Py_ssize_t first, Py_ssize_t second) except *:
        """The bit of ASCII text's pair ``first``, ``second`` set, in both cases."""
        cdef uint8_t pair[2]
        cdef unsigned int number
        for case in {first, ord(chr(first).upper())}:
            for other in {second, ord(chr(second).upper())}:
                pair[0], pair[1] = case, other
                number = ps_two_bytes(pair)
                self.ascii_pairs[number >> 6] |= 1ULL << (number & 63)

    def __dealloc__(self):
        PyMem_Free(self.chars)
        PyMem_Free(self.starts)
        PyMem_Free(self.bits)
        PyMem_Free(self.lo)
        PyMem_Free(self.hi)
        PyMem_Free(self.src)
        PyMem_Free(self.dst)

    cdef inline ucs4 form(self, ucs4 c) noexcept nogil:
        """The gate form of the character ``c``."""
        cdef Py_ssize_t r
        if c < 128:
            return c + 32 if c - 65 < 26 else c
        if c - 0x400 < 0x60:  # basic Cyrillic: its capitals, U+0400 to U+042F, lowered
            return c + 80 if c < 0x410 else c + 32 if c < 0x430 else c
        if (self.form_bits >> (c & 63)) & 1:
            for r in range(self.nforms):
                if self.src[r] == c:
                    return self.dst[r]
        return c

    @cython.binding(False)
    @cython.always_allow_keywords(False)
    def find(self, str text not None):
        """Bit ``FOLDS_AS_ASCII`` set when ``text`` folds as ASCII, and bit ``1 + i``
        when a literal of group ``i`` occurs in its gate form."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        if PyUnicode_IS_ASCII(text):
            return _ascii_find(self, <const uint8_t *>data, n) | FOLDS
        if kind == 1:
            return _find(self, <const uint8_t *>data, n)
        if kind == 2:
            return _find(self, <const uint16_t *>data, n)
        return _find(self, <const uint32_t *>data, n)


cdef unsigned long long _ascii_find(Literals t, const uint8_t *s, Py_ssize_t n) noexcept nogil:
    """The groups found in ASCII text, read as its bytes (its letters in both cases)."""
    cdef unsigned long long found = 0
    cdef Py_ssize_t i
    cdef unsigned int pair
    if t.every == 0:
        return 0
    for i in range(n):
        pair = ps_two_bytes(s + i)
        if (t.ascii_pairs[pair >> 6] >> (pair & 63)) & 1:
            found |= _opening(t, s, i, t.form(s[i]), t.form(s[i + 1]))
            if found == t.every:
                break
    return found


cdef inline unsigned long long _opening(Literals t, const _unit *s, Py_ssize_t i, ucs4 c0,
                                        ucs4 c1) noexcept nogil:
    """The groups of the literals at ``s[i]``, whose gate form opens with ``c0`` (ASCII)
    and ``c1``: those opening with ``c0`` are ordered by their second character."""
    cdef unsigned long long found = 0
    cdef Py_ssize_t j, k, at, length
    for k in range(t.heads[c0], t.heads[c0 + 1]):
        at = t.starts[k]
        length = t.starts[k + 1] - at
        if length > 1:
            if t.chars[at + 1] != c1:
                if t.chars[at + 1] > c1:
                    break
                continue
            j = 2
            while j < length and t.form(s[i + j]) == t.chars[at + j]:
                j += 1
            if j < length:
                continue
        found |= t.bits[k]
    return found


cdef unsigned long long _find(Literals t, const _unit *s, Py_ssize_t n) noexcept nogil:
    """``Literals.find`` of text beyond ASCII, of code units ``_unit``: each character's
    gate form made once (c0 at i, c1 after it), its case read until one has case."""
    cdef unsigned long long found = 0
    cdef int folds = 1
    cdef Py_ssize_t i = 0, j, k, at, length, last = 0
    cdef ucs4 c0, c1
    if t.every:
        c1 = s[0]
        if c1 >= 128 and not ps_in_ranges(c1, t.nranges, t.lo, t.hi, &last):
            folds = 0
        c1 = t.form(c1)
        while i < n:
            c0 = c1
            c1 = s[i + 1]
            if c1 >= 128 and folds and not ps_in_ranges(c1, t.nranges, t.lo, t.hi, &last):
                folds = 0
            c1 = t.form(c1)
            if c0 < 128:
                if (t.openers[2 * c0 + (c1 >> 6)] >> (c1 & 63)) & 1 if c1 < 128 else t.kinds[c0]:
                    found |= _opening(t, s, i, c0, c1)
            elif (t.wide_firsts >> (c0 & 63)) & 1:
                for k in range(t.heads[128], t.count):
                    at = t.starts[k]
                    length = t.starts[k + 1] - at
                    if t.chars[at] == c0:
                        j = 1
                        while j < length and t.form(s[i + j]) == t.chars[at + j]:
                            j += 1
                        if j == length:
                            found |= t.bits[k]
            if found == t.every:
                break
            i += 1
        i += 2  # the characters left, read for their case alone
    while folds and i < n:
        if s[i] >= 128 and not ps_in_ranges(s[i], t.nranges, t.lo, t.hi, &last):
            folds = 0
        i += 1
    return found | folds
