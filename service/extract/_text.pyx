# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Text helpers in C, for the small texts the readers make by the thousand.

``fold(text)`` is ``" ".join(text.split())``. Python's form cuts the text into a
list of word objects and joins them again, about 8,900 instructions for a text of
a hundred characters; this one reads the characters once, in the text's own
width, and copies them into the result only when the text is not folded already
(about 1,800). A character is whitespace as ``str.split`` takes it
(``Py_UNICODE_ISSPACE``). ``tests/unit/extract/test_text.py`` checks it against
the Python form on generated texts of each of ``str``'s three widths.
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
