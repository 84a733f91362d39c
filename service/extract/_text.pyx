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
folded, the direction marks at the edges stripped, in one pass that gives the text
itself back when nothing changes and calls ``unicodedata``'s NFC only for a character
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


cdef enum:
    _LETTER = 0  # an ASCII character kept as it is
    _SPACE = 1  # " "
    _WHITESPACE = 2  # other whitespace, folded
    _INVISIBLE = 3  # removed
    _MAX_EDGES = 16


cdef inline bint _bit(const unsigned char *table, ucs4 c) noexcept nogil:
    return c < 0x10000 and (table[c >> 3] >> (c & 7)) & 1


cdef class Normalizer:
    """``normalize(text)``: ``text`` with the ``invisible`` characters (ranges of code
    points of the BMP) removed, runs of whitespace folded to one space as
    ``" ".join(text.split())`` folds them, the ``edges`` characters and spaces at both
    ends stripped, and NFC by ``nfc`` (``unicodedata.normalize`` in ``NFC``).

    One pass reads the characters in the text's own width and gives the text itself
    back when nothing changes; a character beyond the table of those where NFC changes
    nothing (``nfc_stable``: the BMP's starters of NFC_Quick_Check Yes) sends the
    result to ``nfc``.
    """

    cdef unsigned char _ascii[128]  # the kind of each ASCII character
    # Bits over the BMP: the characters kept as they are (NFC-stable, neither
    # whitespace nor invisible), and the invisible ones.
    cdef unsigned char _quiet[8192]
    cdef unsigned char _invisible[8192]
    cdef ucs4 _edges[_MAX_EDGES]
    cdef int _edge_count
    cdef object _nfc

    def __init__(self, *, tuple invisible, str edges, nfc):
        cdef ucs4 c
        for low, high in invisible:
            if not 0 <= low <= high < 0x10000:
                raise ValueError(f"not a range of code points of the BMP: {low:#x}-{high:#x}")
            for c in range(low, high + 1):
                self._invisible[c >> 3] |= 1 << (c & 7)
        for c in range(0x10000):
            if _bit(ps_nfc_stable, c) and not _bit(self._invisible, c) and not Py_UNICODE_ISSPACE(c):
                self._quiet[c >> 3] |= 1 << (c & 7)
        for c in range(128):
            self._ascii[c] = (
                _INVISIBLE if _bit(self._invisible, c)
                else _SPACE if c == 32
                else _WHITESPACE if Py_UNICODE_ISSPACE(c)
                else _LETTER
            )
        if len(edges) > _MAX_EDGES:
            raise ValueError(f"at most {_MAX_EDGES} edge characters")
        for char in edges:
            if ord(char) < 128 and char != " ":
                raise ValueError(f"an edge character in ASCII other than a space: {char!r}")
            self._edges[self._edge_count] = ord(char)
            self._edge_count += 1
        self._nfc = nfc

    cdef inline bint _edge(self, ucs4 c) noexcept:
        cdef int i
        for i in range(self._edge_count):
            if self._edges[i] == c:
                return True
        return False

    def normalize(self, str text not None) -> str:
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        cdef Py_ssize_t i
        cdef ucs4 c
        cdef ucs4 before = 32  # a space at the start is a change
        cdef bint changed = False
        cdef bint composed = False  # a character outside the NFC table
        for i in range(n):
            c = PyUnicode_READ(kind, data, i)
            if c < 128:
                if not (self._ascii[c] == _LETTER or (c == 32 and before != 32)):
                    changed = True
            elif not _bit(self._quiet, c):
                if Py_UNICODE_ISSPACE(c) or _bit(self._invisible, c):
                    changed = True
                else:
                    composed = True
            before = c
        if n and (
            before == 32
            or self._edge(PyUnicode_READ(kind, data, 0))
            or self._edge(before)
        ):
            changed = True
        if not changed:
            return self._nfc(text) if composed else text
        return self._rebuild(text)

    cdef object _rebuild(self, str text):
        """The text folded, without its invisible characters and its edges, in NFC."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        cdef char *buffer = <char *>PyMem_Malloc(n * kind if n else 1)
        cdef Py_ssize_t i, low = 0, out = 0
        cdef ucs4 c
        cdef unsigned char what
        cdef bint gap = False
        cdef bint composed = False
        if buffer == NULL:
            raise MemoryError()
        for i in range(n):
            c = PyUnicode_READ(kind, data, i)
            if c < 128:
                what = self._ascii[c]
                if what == _INVISIBLE:
                    continue
                if what != _LETTER:
                    gap = out > 0
                    continue
            elif not _bit(self._quiet, c):
                if _bit(self._invisible, c):
                    continue
                if Py_UNICODE_ISSPACE(c):
                    gap = out > 0
                    continue
                composed = True
            if gap:
                PyUnicode_WRITE(kind, buffer, out, 32)
                out += 1
                gap = False
            PyUnicode_WRITE(kind, buffer, out, c)
            out += 1
        while low < out and self._edge(PyUnicode_READ(kind, buffer, low)):
            low += 1
        while out > low and self._edge(PyUnicode_READ(kind, buffer, out - 1)):
            out -= 1
        try:
            result = PyUnicode_FromKindAndData(kind, buffer + low * kind, out - low)
        finally:
            PyMem_Free(buffer)
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
            return self._cut_last_short(stripped, unnamed, self._section_words)
        cut = self._cut_last_short(title, unnamed, self._unnamed_words)
        if cut != title:
            return self._cut_last_short(cut, unnamed, self._section_words)
        return title
