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

``Normalizer`` is ``text.normalize_text``: NFC, invisible characters removed, whitespace
folded, the direction marks at the edges stripped. A first pass reads ASCII a word of
eight bytes (four UCS-2 units) at a time and stops at the first change, giving the text
itself back when there is none; the rest is folded after a copy of what came before,
into a str of the canonical width. ``unicodedata``'s NFC is called only for a character
outside the table of those where NFC changes nothing (``_nfc_stable.h``, made by
``setup.py``). ``tests/unit/extract/test_normalize.py`` checks it against the Python
form and the table against ``unicodedata``.

``title_key`` and ``SiteNameStrip`` are ``metadata_title``'s comparison key of titles
and names (the text casefolded, all but ``str.isalnum``'s characters removed) and its
removal of the site's name from a page's title candidates, with the separators, word
counts and slack that module owns passed in. A page's candidates are kept, stripped and
keyed in one call (``candidates``); the cuts are read as indices of the title, its
parts made once, at the end. ``tests/unit/extract/test_site_name_strip.py`` checks both
against the Python they replace.
"""

cimport cython

from service.extract._unicode cimport (
    Py_UNICODE_ISALNUM,
    Py_UNICODE_ISALPHA,
    Py_UNICODE_ISLOWER,
    Py_UNICODE_ISSPACE,
    Py_UNICODE_ISUPPER,
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_IS_ASCII,
    PyUnicode_KIND,
    PyUnicode_READ,
    PyUnicode_Substring,
    ucs4,
)


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
    ``spaced(text)`` is the same without the CJK count; ``openings(text)`` counts what
    the words open with in the same pass."""

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
        return self._count(text, True, NULL)

    def spaced(self, str text not None) -> int:
        return self._count(text, False, NULL)

    def openings(self, str text not None) -> tuple:
        """(words, those opening with a letter, those of them opening in lower case,
        those opening in upper case) of ``text``: its words as ``str.split`` parts them,
        their first characters tested as ``str.isalpha``, ``str.islower`` and
        ``str.isupper`` test a character."""
        cdef Py_ssize_t[3] found = [0, 0, 0]
        cdef Py_ssize_t words = self._count(text, False, found)  # as str.split parts them
        return words, found[0], found[1], found[2]

    cdef Py_ssize_t _count(self, str text, bint by_cjk, Py_ssize_t *openings) noexcept:
        """The count; with ``openings``, the words' first characters counted in it: those
        that are letters, lower case letters and upper case ones."""
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
                if openings != NULL and Py_UNICODE_ISALPHA(c):
                    openings[0] += 1
                    if Py_UNICODE_ISLOWER(c):
                        openings[1] += 1
                    elif Py_UNICODE_ISUPPER(c):
                        openings[2] += 1
            if c >= 128:  # the ranges are beyond ASCII
                cjk += _within(&self._cjk, c)
                unspaced += _within(&self._unspaced, c)
        if openings != NULL or n < self._chars or PyUnicode_IS_ASCII(text):
            return words
        if by_cjk and words < self._most and cjk >= self._chars:
            return max(words, cjk // self._cjk_per_word)
        if words < self._most_counted and unspaced >= self._chars:
            return max(words, unspaced // self._unspaced_per_word)
        return words


cdef extern from "_nfc_stable.h":
    # Made by setup.py from unicodedata: a bit for each code point of the BMP where NFC
    # changes nothing (a starter of NFC_Quick_Check Yes).
    const char *PS_NFC_UNIDATA_VERSION
    const unsigned char ps_nfc_stable[8192]


cdef extern from *:
    """
    #include <Python.h>
    """
    object PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)
    void PyUnicode_WRITE(int kind, void *data, Py_ssize_t index, ucs4 value) nogil
    void *PyMem_Malloc(size_t size)
    void PyMem_Free(void *pointer)


import unicodedata as _unicodedata

if _unicodedata.unidata_version != PS_NFC_UNIDATA_VERSION.decode("ascii"):
    raise ImportError(
        f"_text was built with Unicode {PS_NFC_UNIDATA_VERSION.decode('ascii')}, "
        f"this interpreter has {_unicodedata.unidata_version}: rebuild it"
    )


def nfc_stable(ucs4 code) -> bool:
    """Whether ``code`` is in the table of code points where NFC changes nothing."""
    return code < 0x10000 and (ps_nfc_stable[code >> 3] >> (code & 7)) & 1


cdef extern from *:
    """
    #include <stdint.h>
    #include <string.h>

    /* What Normalizer does with a character: keeps it (COMPOSE: and sends the text
       to NFC), folds it (SPACE: " ", kept alone between words) or drops it. */
    enum { PS_KEEP, PS_COMPOSE, PS_SPACE, PS_FOLD, PS_DROP };

    /* Normalizer's tables: the class of each code point below 256, and bits over the
       BMP for those beyond: the characters kept as they are (NFC-stable, neither
       whitespace nor invisible) and the invisible ones; blanks: every character up to
       " " is whitespace or invisible, and tab and line feed fold. */
    typedef struct {
        int blanks;
        unsigned char low[256];
        unsigned char quiet[8192];
        unsigned char invisible[8192];
        Py_UCS4 edges[16];
        int edge_count;
    } ps_norm;

    static inline int ps_norm_bit(const unsigned char *table, Py_UCS4 c) {
        return c < 0x10000 && (table[c >> 3] >> (c & 7)) & 1;
    }

    static inline int ps_norm_class(const ps_norm *t, Py_UCS4 c) {
        if (c < 256)
            return t->low[c];
        if (ps_norm_bit(t->quiet, c))
            return PS_KEEP;
        if (ps_norm_bit(t->invisible, c))
            return PS_DROP;
        return Py_UNICODE_ISSPACE(c) ? PS_FOLD : PS_COMPOSE;
    }

    /* A space or an edge character (those beyond ASCII). */
    static inline int ps_norm_edge(const ps_norm *t, Py_UCS4 c) {
        int i;
        if (c < 128)
            return c == ' ';
        for (i = 0; i < t->edge_count; i++)
            if (t->edges[i] == c)
                return 1;
        return 0;
    }

    #define PS_BYTES(b) (0x0101010101010101ULL * (b))
    #define PS_UNITS(u) (0x0001000100010001ULL * (u))
    /* Whether a byte (a UCS-2 unit) of w is 0. */
    #define PS_ZERO_BYTE(w) (((w) - PS_BYTES(1)) & ~(w) & PS_BYTES(0x80))
    #define PS_ZERO_UNIT(w) (((w) - PS_UNITS(1)) & ~(w) & PS_UNITS(0x8000))

    /* From i, the first character that words of ASCII read at once do not pass (eight
       bytes or four UCS-2 units a word): a control, DEL, a character beyond ASCII, a
       space at the start or after a space, or one of the last few. A borrow or a carry
       between lanes moves up only, so the lowest lane flagged is one of those. */
    static inline __attribute__((always_inline)) Py_ssize_t
    ps_norm_skip(int kind, const void *data, Py_ssize_t i, Py_ssize_t n) {
        uint64_t w, x, odd, spaces, before;
        if (kind == PyUnicode_1BYTE_KIND) {
            const Py_UCS1 *s = data;
            before = i == 0 || s[i - 1] == ' ' ? 0x80 : 0;
            for (; i + 8 <= n; i += 8) {
                memcpy(&w, s + i, 8);
                odd = ((w - PS_BYTES(0x20)) | (w + PS_BYTES(1)) | w) & PS_BYTES(0x80);
                x = w ^ PS_BYTES(0x20);
                spaces = ~(((x & PS_BYTES(0x7F)) + PS_BYTES(0x7F)) | x | PS_BYTES(0x7F));
                odd |= spaces & ((spaces << 8) | before);
                if (odd)
                    return i + (__builtin_ctzll(odd) >> 3);
                before = spaces >> 56;
            }
        } else if (kind == PyUnicode_2BYTE_KIND) {
            const Py_UCS2 *s = data;
            before = i == 0 || s[i - 1] == ' ' ? 0x8000 : 0;
            for (; i + 4 <= n; i += 4) {
                memcpy(&w, s + i, 8);
                odd = ((w - PS_UNITS(0x20)) & PS_UNITS(0x8000))
                    | ((w | (w + PS_UNITS(1))) & PS_UNITS(0xFF80));
                x = w ^ PS_UNITS(0x20);
                spaces = ~(((x & PS_UNITS(0x7FFF)) + PS_UNITS(0x7FFF)) | x | PS_UNITS(0x7FFF));
                odd |= spaces & ((spaces << 16) | before);
                if (odd)
                    return i + (__builtin_ctzll(odd) >> 4);
                before = spaces >> 48;
            }
        }
        return i;
    }

    /* The index of the first character where the text of this kind changes, or n;
       *high ORs the characters beyond ASCII before it, *composed tells whether one
       of them is outside the NFC table. */
    static inline __attribute__((always_inline)) Py_ssize_t
    ps_norm_first(const ps_norm *t, int kind, const void *data, Py_ssize_t n,
                  Py_UCS4 *high, int *composed) {
        Py_ssize_t i = 0;
        Py_UCS4 c, wide = 0;
        int what, other = 0;
        while ((i = ps_norm_skip(kind, data, i, n)) < n) {
            /* That character, and those beyond ASCII after it, one by one. */
            do {
                c = PyUnicode_READ(kind, data, i);
                what = ps_norm_class(t, c);
                if (what == PS_SPACE ? i == 0 || PyUnicode_READ(kind, data, i - 1) == ' '
                                     : what > PS_SPACE)
                    goto done;
                wide |= c;
                other |= what;
            } while (++i < n && PyUnicode_READ(kind, data, i) >= 128);
        }
    done:
        *high = wide;
        *composed = other & PS_COMPOSE;
        return i;
    }

    /* Where ``text`` first changes, -1 when it does not. */
    static Py_ssize_t ps_norm_scan(const ps_norm *t, PyObject *text, Py_UCS4 *high, int *composed) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(text), i;
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        if (kind == PyUnicode_1BYTE_KIND)
            i = ps_norm_first(t, PyUnicode_1BYTE_KIND, data, n, high, composed);
        else if (kind == PyUnicode_2BYTE_KIND)
            i = ps_norm_first(t, PyUnicode_2BYTE_KIND, data, n, high, composed);
        else
            i = ps_norm_first(t, PyUnicode_4BYTE_KIND, data, n, high, composed);
        if (i < n || (n && (ps_norm_edge(t, PyUnicode_READ(kind, data, 0))
                            || ps_norm_edge(t, PyUnicode_READ(kind, data, n - 1)))))
            return i;
        return -1;
    }

    /* The run of printable ASCII characters (from "!" to "~") at i, copied into buffer
       at out, eight bytes (four UCS-2 units) a word: its length. */
    static inline __attribute__((always_inline)) Py_ssize_t
    ps_norm_copy(int kind, const void *data, Py_ssize_t i, Py_ssize_t n, void *buffer,
                 Py_ssize_t out) {
        Py_ssize_t start = i;
        uint64_t w, odd;
        Py_UCS4 c;
        /* out is at most i: each character written stands for one read. */
        if (kind == PyUnicode_1BYTE_KIND) {
            for (; i + 8 <= n; i += 8, out += 8) {
                memcpy(&w, (const Py_UCS1 *)data + i, 8);
                memcpy((Py_UCS1 *)buffer + out, &w, 8);
                odd = ((w - PS_BYTES(0x21)) | (w + PS_BYTES(1)) | w) & PS_BYTES(0x80);
                if (odd)
                    return i - start + (__builtin_ctzll(odd) >> 3);
            }
        } else if (kind == PyUnicode_2BYTE_KIND) {
            for (; i + 4 <= n; i += 4, out += 4) {
                memcpy(&w, (const Py_UCS2 *)data + i, 8);
                memcpy((Py_UCS2 *)buffer + out, &w, 8);
                odd = ((w - PS_UNITS(0x21)) & PS_UNITS(0x8000))
                    | ((w | (w + PS_UNITS(1))) & PS_UNITS(0xFF80));
                if (odd)
                    return i - start + (__builtin_ctzll(odd) >> 4);
            }
        }
        for (; i < n && (c = PyUnicode_READ(kind, data, i)) - 0x21 < 0x5E; i++, out++)
            PyUnicode_WRITE(kind, buffer, out, c);
        return i - start;
    }

    /* The characters from i on skipped a word at a time (eight bytes, four UCS-2
       units) while a word holds only characters up to " " (whitespace or invisible:
       t->blanks) and a space, tab or line feed among them: their count. */
    static inline __attribute__((always_inline)) Py_ssize_t
    ps_norm_blanks(int kind, const void *data, Py_ssize_t i, Py_ssize_t n) {
        Py_ssize_t start = i;
        uint64_t w;
        if (kind == PyUnicode_1BYTE_KIND) {
            for (; i + 8 <= n; i += 8) {
                memcpy(&w, (const Py_UCS1 *)data + i, 8);
                if (((w + PS_BYTES(0x5F)) | w) & PS_BYTES(0x80)
                    || !(PS_ZERO_BYTE(w ^ PS_BYTES(0x20)) | PS_ZERO_BYTE(w ^ PS_BYTES(0x09))
                         | PS_ZERO_BYTE(w ^ PS_BYTES(0x0A))))
                    break;
            }
        } else if (kind == PyUnicode_2BYTE_KIND) {
            for (; i + 4 <= n; i += 4) {
                memcpy(&w, (const Py_UCS2 *)data + i, 8);
                if (((w + PS_UNITS(0x7FDF)) | w) & PS_UNITS(0x8000)
                    || !(PS_ZERO_UNIT(w ^ PS_UNITS(0x20)) | PS_ZERO_UNIT(w ^ PS_UNITS(0x09))
                         | PS_ZERO_UNIT(w ^ PS_UNITS(0x0A))))
                    break;
            }
        }
        return i - start;
    }

    /* The characters of a text of this kind from i on, folded into buffer at out
       (with a space owed before the next word when gap); the end in buffer. */
    static inline __attribute__((always_inline)) Py_ssize_t
    ps_norm_fold(const ps_norm *t, int kind, const void *data, Py_ssize_t i, Py_ssize_t n,
                 void *buffer, Py_ssize_t out, int gap, Py_UCS4 *high, int *composed) {
        Py_UCS4 c, wide = *high;
        Py_ssize_t run;
        int what, other = *composed, folds;
        while (i < n) {
            c = PyUnicode_READ(kind, data, i);
            what = c - 0x21 < 0x5E ? PS_KEEP : ps_norm_class(t, c);
            if (what <= PS_COMPOSE) {
                if (gap) {
                    PyUnicode_WRITE(kind, buffer, out, ' ');
                    out++;
                    gap = 0;
                }
                if (c - 0x21 < 0x5E) {
                    run = ps_norm_copy(kind, data, i, n, buffer, out);
                    i += run;
                    out += run;
                    continue;
                }
                PyUnicode_WRITE(kind, buffer, out, c);
                out++;
                i++;
                wide |= c;
                other |= what;
                continue;
            }
            /* A run of whitespace and invisible characters: a space owed after a word
               when one of them is whitespace. */
            folds = 0;
            for (;;) {
                folds |= what != PS_DROP;
                if (++i == n)
                    break;
                c = PyUnicode_READ(kind, data, i);
                if (c <= ' ' && t->blanks && (run = ps_norm_blanks(kind, data, i, n))) {
                    folds = 1;
                    if ((i += run) == n)
                        break;
                    c = PyUnicode_READ(kind, data, i);
                }
                if ((what = ps_norm_class(t, c)) < PS_SPACE)
                    break;
            }
            gap |= folds && out > 0;
        }
        *high = wide;
        *composed = other & PS_COMPOSE;
        return out;
    }

    /* ``text`` folded, without its invisible characters and its edges, from start on
       (the characters before it change nothing; high ORs those beyond ASCII): a new
       str of its canonical kind. */
    static PyObject *ps_norm_rebuild(const ps_norm *t, PyObject *text, Py_ssize_t start,
                                     Py_UCS4 high, int *composed) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(text), out = start, low = 0;
        int kind = PyUnicode_KIND(text), gap = 0, stripped = 0;
        const void *data = PyUnicode_DATA(text);
        char *buffer = PyMem_Malloc(n ? (size_t)n * kind : 1);
        PyObject *result;
        Py_UCS4 c;
        if (buffer == NULL)
            return PyErr_NoMemory();
        memcpy(buffer, data, (size_t)start * kind);
        if (start && PyUnicode_READ(kind, data, start - 1) == ' ') {
            out--;
            gap = 1;
        }
        if (kind == PyUnicode_1BYTE_KIND)
            out = ps_norm_fold(t, PyUnicode_1BYTE_KIND, data, start, n, buffer, out, gap, &high, composed);
        else if (kind == PyUnicode_2BYTE_KIND)
            out = ps_norm_fold(t, PyUnicode_2BYTE_KIND, data, start, n, buffer, out, gap, &high, composed);
        else
            out = ps_norm_fold(t, PyUnicode_4BYTE_KIND, data, start, n, buffer, out, gap, &high, composed);
        while (low < out && ps_norm_edge(t, c = PyUnicode_READ(kind, buffer, low))) {
            stripped |= c;
            low++;
        }
        while (out > low && ps_norm_edge(t, c = PyUnicode_READ(kind, buffer, out - 1))) {
            stripped |= c;
            out--;
        }
        /* Made at once in the text's kind unless the result is narrower (high, the
           characters kept ORed, tells, as the kinds' bounds are powers of two; an edge
           beyond ASCII stripped may have been the widest). */
        if (stripped < 128 && (high < 256 ? 1 : high < 0x10000 ? 2 : 4) == kind) {
            result = PyUnicode_New(out - low, high < 0x10000 ? high : 0x10FFFF);
            if (result != NULL)
                memcpy(PyUnicode_DATA(result), buffer + low * kind, (size_t)(out - low) * kind);
        } else
            result = PyUnicode_FromKindAndData(kind, buffer + low * kind, out - low);
        PyMem_Free(buffer);
        return result;
    }
    """
    ctypedef struct ps_norm:
        bint blanks
        unsigned char low[256]
        unsigned char quiet[8192]
        unsigned char invisible[8192]
        ucs4 edges[16]
        int edge_count
    enum:
        PS_KEEP
        PS_COMPOSE
        PS_SPACE
        PS_FOLD
        PS_DROP
    Py_ssize_t ps_norm_scan(const ps_norm *t, str text, ucs4 *high, int *composed)
    object ps_norm_rebuild(const ps_norm *t, str text, Py_ssize_t start, ucs4 high, int *composed)


cdef inline bint _bit(const unsigned char *table, ucs4 c) noexcept nogil:
    return c < 0x10000 and (table[c >> 3] >> (c & 7)) & 1


cdef class Normalizer:
    """``normalize(text)``: ``text`` with the ``invisible`` characters (ranges of code
    points of the BMP) removed, runs of whitespace folded to one space as
    ``" ".join(text.split())`` folds them, the ``edges`` characters and spaces at both
    ends stripped, and NFC by ``nfc`` (``unicodedata.normalize`` in ``NFC``).

    A first pass reads the text in its own width up to the first character where it
    changes, ASCII eight bytes (or four UCS-2 units) at a time, and gives the text
    itself back when nothing changes; otherwise the rest is folded after a copy of what
    came before, into a new str of the canonical width. A character beyond the table of
    those where NFC changes nothing (``nfc_stable``: the BMP's starters of
    NFC_Quick_Check Yes) sends the result to ``nfc``.
    """

    cdef ps_norm _tables
    cdef object _nfc

    def __init__(self, *, tuple invisible, str edges, nfc):
        cdef ucs4 c
        cdef ps_norm *t = &self._tables
        for low, high in invisible:
            if not 0 <= low <= high < 0x10000:
                raise ValueError(f"not a range of code points of the BMP: {low:#x}-{high:#x}")
            if low <= 0x7E and high >= 0x20:
                raise ValueError(f"invisible characters in printable ASCII: {low:#x}-{high:#x}")
            for c in range(low, high + 1):
                t.invisible[c >> 3] |= 1 << (c & 7)
        for c in range(0x10000):
            if _bit(ps_nfc_stable, c) and not _bit(t.invisible, c) and not Py_UNICODE_ISSPACE(c):
                t.quiet[c >> 3] |= 1 << (c & 7)
        for c in range(256):
            t.low[c] = (
                PS_DROP if _bit(t.invisible, c)
                else PS_SPACE if c == 32
                else PS_FOLD if Py_UNICODE_ISSPACE(c)
                else PS_KEEP if c < 128 or _bit(t.quiet, c)
                else PS_COMPOSE
            )
        t.blanks = t.low[9] != PS_DROP and t.low[10] != PS_DROP
        for c in range(33):
            t.blanks = t.blanks and t.low[c] >= PS_SPACE
        if len(edges) > 16:
            raise ValueError("at most 16 edge characters")
        for char in edges:
            if ord(char) < 128 and char != " ":
                raise ValueError(f"an edge character in ASCII other than a space: {char!r}")
            t.edges[t.edge_count] = ord(char)
            t.edge_count += 1
        self._nfc = nfc

    @cython.binding(False)
    @cython.always_allow_keywords(False)
    def normalize(self, str text not None) -> str:
        cdef ucs4 high = 0
        cdef int composed = 0
        cdef Py_ssize_t start = ps_norm_scan(&self._tables, text, &high, &composed)
        if start < 0:
            return self._nfc(text) if composed else text
        result = ps_norm_rebuild(&self._tables, text, start, high, &composed)
        return self._nfc(result) if composed else result


cdef extern from *:
    """
    #include <Python.h>
    """
    object PyUnicode_New(Py_ssize_t size, ucs4 maxchar)


cdef inline bint _ascii_alnum(ucs4 c) noexcept nogil:
    return (c | 32) - 97 < 26 or c - 48 < 10  # unsigned: a-z, A-Z, 0-9


cdef str _key(str text, Py_ssize_t start, Py_ssize_t end):
    """``title_key(text[start:end])``."""
    cdef Py_ssize_t i, out = 0
    cdef const unsigned char *chars
    cdef unsigned char *into
    cdef ucs4 *wide
    cdef ucs4 c
    cdef int kind
    cdef void *data
    cdef str folded
    if PyUnicode_IS_ASCII(text):  # str.lower's letters; every other ASCII key is kept as is
        chars = <const unsigned char *>PyUnicode_DATA(text)
        for i in range(start, end):
            out += _ascii_alnum(chars[i])
        result = PyUnicode_New(out, 127)
        into = <unsigned char *>PyUnicode_DATA(result)
        out = 0
        for i in range(start, end):
            c = chars[i]
            if _ascii_alnum(c):
                into[out] = c | 32 if c >= 65 else c  # a letter in lower case, a digit as is
                out += 1
        return result
    folded = PyUnicode_Substring(text, start, end).casefold()
    end = PyUnicode_GET_LENGTH(folded)
    kind = PyUnicode_KIND(folded)
    data = PyUnicode_DATA(folded)
    wide = <ucs4 *>PyMem_Malloc(end * sizeof(ucs4) if end else 1)
    if wide == NULL:
        raise MemoryError()
    for i in range(end):
        c = PyUnicode_READ(kind, data, i)
        if Py_UNICODE_ISALNUM(c):
            wide[out] = c
            out += 1
    try:
        return PyUnicode_FromKindAndData(4, wide, out)  # in its canonical width
    finally:
        PyMem_Free(wide)


def title_key(str text not None) -> str:
    """``text`` casefolded with every character but letters and digits (``str.isalnum``)
    removed, for comparing titles and names (``metadata_title``)."""
    return _key(text, 0, PyUnicode_GET_LENGTH(text))


cdef inline Py_ssize_t _lstrip(str text, Py_ssize_t start, Py_ssize_t end) noexcept:
    """The first index in ``[start, end)`` of a character ``str.strip`` keeps, or ``end``."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    while start < end and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, start)):
        start += 1
    return start


cdef inline Py_ssize_t _rstrip(str text, Py_ssize_t start, Py_ssize_t end) noexcept:
    """The end in ``[start, end]`` after the last character ``str.strip`` keeps."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    while end > start and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end - 1)):
        end -= 1
    return end


cdef Py_ssize_t _words(str text, Py_ssize_t start, Py_ssize_t end) noexcept:
    """``len(text[start:end].split())``."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef Py_ssize_t words = 0
    cdef bint gap = True
    cdef Py_ssize_t i
    for i in range(start, end):
        if Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
            gap = True
        elif gap:
            words += 1
            gap = False
    return words


cdef frozenset _keys(names):
    """The non-empty ``title_key`` of each of ``names``."""
    cdef list keys = []
    cdef str name, key
    for name in names:
        if name is None:
            raise TypeError("a name is a str")
        key = _key(name, 0, PyUnicode_GET_LENGTH(name))
        if key:
            keys.append(key)
    return frozenset(keys)


cdef class SiteNameStrip:
    """A title's candidates without the site's name, for ``metadata_title``, which
    owns the rules and passes them in.

    ``keys(names)``: the non-empty ``title_key`` of each of ``names``.
    ``strip(title, declared, hosts)``: ``title`` without a leading or trailing site
    name, given the keys of the names the page declares and of those taken from its
    host. ``candidates(candidates, site_names, host_names)``: in one call for a page,
    the candidates kept (at most ``max_title_chars`` long and not a site's name
    exactly), each without the site's name, and the keys of both.
    """

    cdef tuple _separators, _unnamed
    cdef str _prefix_only
    cdef Py_ssize_t _max_strips, _section_words, _unnamed_words, _slack, _min_prefix
    cdef Py_ssize_t _max_chars

    def __init__(
        self,
        *,
        tuple separators,
        str prefix_only,
        tuple unnamed_separators,
        Py_ssize_t max_strips,
        Py_ssize_t section_max_words,
        Py_ssize_t unnamed_max_words,
        Py_ssize_t slack_chars,
        Py_ssize_t min_prefix_chars,
        Py_ssize_t max_title_chars,
    ):
        for sep in separators + unnamed_separators:
            if not isinstance(sep, str) or not sep:
                raise ValueError("separators are non-empty texts")
        if prefix_only not in separators:
            raise ValueError("the prefix-only separator is one of the separators")
        self._separators = separators
        self._prefix_only = prefix_only
        self._unnamed = unnamed_separators
        self._max_strips = max_strips
        self._section_words = section_max_words
        self._unnamed_words = unnamed_max_words
        self._slack = slack_chars
        self._min_prefix = min_prefix_chars
        self._max_chars = max_title_chars

    def keys(self, names) -> frozenset:
        return _keys(names)

    def strip(self, str title not None, frozenset declared not None, frozenset hosts not None):
        return self._strip(title, declared, hosts)

    def candidates(self, candidates, site_names, host_names) -> tuple:
        cdef frozenset declared = _keys(site_names)
        cdef frozenset hosts = _keys(host_names)
        cdef list kept = [], cleaned = [], keys = [], kept_keys = []
        cdef dict done = {}  # a candidate's (cleaned, its key): titles repeat
        cdef str candidate, key, clean
        for candidate in candidates:
            if candidate is None:
                raise TypeError("a candidate is a str")
            if PyUnicode_GET_LENGTH(candidate) > self._max_chars:
                continue
            found = done.get(candidate)
            if found is None:
                key = _key(candidate, 0, PyUnicode_GET_LENGTH(candidate))
                if key and (key in declared or key in hosts):  # the site's name exactly
                    continue
                clean = self._strip(candidate, declared, hosts)
                found = (
                    clean,
                    key if clean is candidate else _key(clean, 0, PyUnicode_GET_LENGTH(clean)),
                    key,
                )
                done[candidate] = found
            kept.append(candidate)
            cleaned.append(found[0])
            keys.append(found[1])
            kept_keys.append(found[2])
        return kept, cleaned, keys + kept_keys

    cdef bint _is_site(
        self, str text, Py_ssize_t start, Py_ssize_t end, frozenset declared, frozenset hosts,
        bint exact,
    ) except -1:
        cdef str key = _key(text, start, end)
        cdef Py_ssize_t size = PyUnicode_GET_LENGTH(key), length
        cdef str site
        if not size:
            return False
        if key in declared or key in hosts:
            return True
        if exact:
            return False
        # "Example News" for the site "Example", "Example" for "Example Media": one is
        # the other's start, and the shorter is not a mere syllable.
        for site in declared:
            length = PyUnicode_GET_LENGTH(site)
            if min(size, length) < self._min_prefix:
                continue
            if size >= length and size <= length + self._slack and key.startswith(site):
                return True
            if length >= size and site.startswith(key):
                return True
        return False

    cdef str _strip_named(self, str title, list present, frozenset declared, frozenset hosts):
        """``title`` without a site's name cut at one of the separators ``present``
        in it (in the rules' order), or ``title`` itself."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(title), width, cut, start, end
        cdef list cuts
        cdef str sep
        cdef bint prefix_only
        for sep in present:
            cut = title.find(sep)
            if cut < 0:
                continue
            width = PyUnicode_GET_LENGTH(sep)
            cuts = []
            while cut >= 0:
                cuts.append(cut)
                cut = title.find(sep, cut + 1)
            prefix_only = sep == self._prefix_only
            if not prefix_only:
                for cut in cuts:  # the longest tail first: the whole site name
                    end = _rstrip(title, 0, cut)
                    start = _lstrip(title, 0, end)
                    if start < end and self._is_site(
                        title, cut + width, n, declared, hosts, False
                    ):
                        return PyUnicode_Substring(title, start, end)
            for cut in cuts:
                # "Washington: Senate votes" is a headline even for the "Washington
                # Post": before a colon only the exact name counts.
                start = _lstrip(title, cut + width, n)
                end = _rstrip(title, start, n)
                if start < end and self._is_site(title, 0, cut, declared, hosts, prefix_only):
                    return PyUnicode_Substring(title, start, end)
        return title

    cdef str _cut_last_short(self, str title, list present, Py_ssize_t max_words):
        """``title`` without a last segment of at most ``max_words`` words after one of
        the unnamed separators (those of them ``present`` in it), when what stays is
        more than twice as long."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(title), cut, tail, words, start, end
        cdef str sep
        for sep in present:
            cut = title.rfind(sep)
            if cut < 0:
                continue
            tail = cut + PyUnicode_GET_LENGTH(sep)
            words = _words(title, tail, n)
            if not 0 < words <= max_words or cut <= 2 * (n - tail):
                continue
            end = _rstrip(title, 0, cut)
            start = _lstrip(title, 0, end)
            if start < end:
                return PyUnicode_Substring(title, start, end)
        return title

    cdef str _cut_first_short(self, str title, list present, Py_ssize_t max_words):
        """``title`` without a first segment of at most ``max_words`` words before one of
        the unnamed separators (those of them ``present`` in it), when what stays is
        more than twice as long: the section a template names between a leading site
        name and the headline ("Site | World | Headline")."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(title), cut, head, words, start, end
        cdef str sep
        for sep in present:
            cut = title.find(sep)
            if cut < 0:
                continue
            head = cut + PyUnicode_GET_LENGTH(sep)
            words = _words(title, 0, cut)
            if not 0 < words <= max_words or n - head <= 2 * cut:
                continue
            start = _lstrip(title, head, n)
            end = _rstrip(title, start, n)
            if start < end:
                return PyUnicode_Substring(title, start, end)
        return title

    cdef str _strip(self, str title, frozenset declared, frozenset hosts):
        # The separators in the title, in the rules' order: a shorter title cut from
        # it holds no other.
        cdef list present = [sep for sep in self._separators if sep in title]
        cdef list unnamed = [sep for sep in self._unnamed if sep in title]
        cdef str stripped = title, shorter, cut
        cdef Py_ssize_t i
        if not present and not unnamed:
            return title
        if declared or hosts:
            for i in range(self._max_strips):  # "Headline_Site | Site" has it twice
                shorter = self._strip_named(stripped, present, declared, hosts)
                if shorter == stripped:
                    break
                stripped = shorter
        if stripped != title:
            if title.endswith(stripped):  # the name led the title
                cut = self._cut_first_short(stripped, unnamed, self._section_words)
                if cut != stripped:
                    return cut
            return self._cut_last_short(stripped, unnamed, self._section_words)
        cut = self._cut_last_short(title, unnamed, self._unnamed_words)
        if cut != title:
            return self._cut_last_short(cut, unnamed, self._section_words)
        return title
