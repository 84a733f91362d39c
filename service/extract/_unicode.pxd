"""A ``str``'s characters as C reads them, for the compiled modules that cimport it.

CPython's own macros: a text's width (``PyUnicode_KIND``), data, length and
characters, and the character classes ``str``'s methods use. A code point is a C
number here (``ucs4``): Cython's own ``Py_UCS4`` would be a character, made a ``str``
where Python sees it.
"""


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
