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


# The code units of a text equal to one unit, counted sixteen bytes at a time in
# GCC's vector extensions (a portable form of the machine's vector instructions): each
# lane sums its matches, a block of 255 steps at most before a lane of a byte overflows.
cdef extern from *:
    """
    #include <string.h>
    #define PS_COUNT(NAME, T) \
    typedef T ps_##NAME##_vector __attribute__((vector_size(16))); \
    enum { ps_##NAME##_lanes = 16 / sizeof(T) }; \
    static size_t ps_count_##NAME(const T *text, size_t length, T unit) { \
        size_t count = 0, i = 0, k, steps; \
        while (length - i >= ps_##NAME##_lanes) { \
            ps_##NAME##_vector sum = {0}, block; \
            for (steps = 0; steps < 255 && length - i >= ps_##NAME##_lanes; steps++) { \
                memcpy(&block, text + i, 16); \
                sum -= (ps_##NAME##_vector)(block == unit); \
                i += ps_##NAME##_lanes; \
            } \
            for (k = 0; k < ps_##NAME##_lanes; k++) count += sum[k]; \
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
