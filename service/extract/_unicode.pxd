"""A ``str``'s characters as C reads them, for the compiled modules that cimport it.

CPython's own macros: a text's width (``PyUnicode_KIND``), data, length and
characters, and the character classes ``str``'s methods use. A code point is a C
number here (``ucs4``): Cython's own ``Py_UCS4`` would be a character, made a ``str``
where Python sees it. And the count of one code unit in a text of any width, sixteen
bytes at a time.
"""

from libc.stdint cimport uint8_t, uint16_t, uint32_t


cdef extern from "Python.h":
    ctypedef unsigned int ucs4 "Py_UCS4"
    bint PyUnicode_IS_ASCII(object text)
    Py_ssize_t PyUnicode_GET_LENGTH(object text)
    int PyUnicode_KIND(object text)
    void *PyUnicode_DATA(object text)
    ucs4 PyUnicode_READ(int kind, const void *data, Py_ssize_t index) nogil
    ucs4 PyUnicode_READ_CHAR(object text, Py_ssize_t index)
    object PyUnicode_Substring(object text, Py_ssize_t start, Py_ssize_t end)
    bint Py_UNICODE_ISSPACE(ucs4 c) nogil
    bint Py_UNICODE_ISALPHA(ucs4 c) nogil
    bint Py_UNICODE_ISALNUM(ucs4 c) nogil
    bint Py_UNICODE_ISLOWER(ucs4 c) nogil
    bint Py_UNICODE_ISUPPER(ucs4 c) nogil
    bint Py_UNICODE_ISDECIMAL(ucs4 c) nogil
    bint Py_UNICODE_ISDIGIT(ucs4 c) nogil


# The code units of a text equal to one unit, counted in rounds of 240 units, each
# round's count summed in a byte: a plain loop the compiler turns into its vector
# compares and subtractions (16 bytes a step on the baseline x86-64) and one sum a round,
# about half the instructions of a loop of GCC's vector extensions that tested its
# bounds at each step.
cdef extern from *:
    """
    #define PS_COUNT(NAME, T) \
    static inline size_t ps_count_##NAME(const T *text, size_t length, T unit) { \
        size_t count = 0, i = 0; \
        for (; length - i >= 240; i += 240) { \
            unsigned char round = 0; \
            for (int k = 0; k < 240; k++) round += text[i + k] == unit; \
            count += round; \
        } \
        for (; i < length; i++) count += text[i] == unit; \
        return count; \
    }
    PS_COUNT(u8, unsigned char)
    PS_COUNT(u16, unsigned short)
    PS_COUNT(u32, unsigned int)
    """
    size_t ps_count_u8(const uint8_t *text, size_t length, uint8_t unit) noexcept
    size_t ps_count_u16(const uint16_t *text, size_t length, uint16_t unit) noexcept
    size_t ps_count_u32(const uint32_t *text, size_t length, uint32_t unit) noexcept
