# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""A link target's path read in C: the tests of ``teaser_items`` on where a link leads.

Whether a target reads as a story's page, a listing's or a service page's was asked
of its path by slicing, lowercasing, splitting and regular expressions in Python,
several thousand times a page (about 36,000 instructions for one story test). Here
the path is found in the target's characters, read in the string's own width and
lowercased as it is read when it is ASCII, its segments and words compared with the
tables ``teaser_tables`` keeps, and only what C cannot answer alike is asked of
Python: unquoting a path with escapes and lowercasing characters past ASCII. A
story's id or date is looked for in the same characters, in one pass (the regular
expression ``tests/unit/extract/test_paths.py`` keeps as its reference cost about
17,000 instructions a search, searched at each position). The tests check every
answer against the Python form it replaces on generated targets.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc
from libc.string cimport memchr
from urllib.parse import unquote


from service.extract._unicode cimport (
    Py_UNICODE_ISALNUM,
    Py_UNICODE_ISDECIMAL,
    Py_UNICODE_ISDIGIT,
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_IS_ASCII,
    PyUnicode_KIND,
    PyUnicode_READ,
    PyUnicode_Substring,
    ucs4,
)


cdef extern from "Python.h":
    int PyUnicode_1BYTE_KIND


cdef struct _View:
    # Characters [start, end) of a str, read lowercased: ``fold`` lowercases ASCII
    # letters as they are read (a path or a text of ASCII alone).
    int kind
    const void *data
    Py_ssize_t start
    Py_ssize_t end
    bint fold


cdef inline ucs4 _at(const _View *view, Py_ssize_t i) noexcept nogil:
    cdef ucs4 c = PyUnicode_READ(view.kind, view.data, i)
    if view.fold and 65 <= c <= 90:  # "A" to "Z"
        c += 32
    return c


cdef inline void _view(_View *view, str text, Py_ssize_t start, Py_ssize_t end, bint fold) noexcept:
    view.kind = PyUnicode_KIND(text)
    view.data = PyUnicode_DATA(text)
    view.start, view.end, view.fold = start, end, fold


cdef void _path(str href, Py_ssize_t *start, Py_ssize_t *end) noexcept:
    """The bounds of ``href``'s path: without query and fragment, and after the host
    of an absolute or protocol-relative target (the first ``//``)."""
    cdef int kind = PyUnicode_KIND(href)
    cdef const void *data = PyUnicode_DATA(href)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(href)
    cdef Py_ssize_t stop = 0
    cdef Py_ssize_t at = 0
    cdef Py_ssize_t i
    cdef ucs4 c
    if kind == PyUnicode_1BYTE_KIND:  # most targets: their marks found by memchr
        path_of_bytes(<const unsigned char *>data, n, start, end)
        return
    while stop < n:
        c = PyUnicode_READ(kind, data, stop)
        if c == 63 or c == 35:  # "?", "#"
            break
        stop += 1
    for i in range(stop - 1):
        if PyUnicode_READ(kind, data, i) == 47 and PyUnicode_READ(kind, data, i + 1) == 47:
            at = i + 2
            while at < stop and PyUnicode_READ(kind, data, at) != 47:
                at += 1
            break
    start[0], end[0] = at, stop


cdef void path_of_bytes(const unsigned char *data, Py_ssize_t n, Py_ssize_t *start, Py_ssize_t *end) noexcept:
    """``_path`` of a text of a byte a character (or of UTF-8 bytes, whose marks are
    ASCII), the same bounds, its marks found by ``memchr``."""
    cdef const unsigned char *found = <const unsigned char *>memchr(data, 63, n)  # "?"
    cdef Py_ssize_t stop = found - data if found != NULL else n
    cdef Py_ssize_t at = 0
    cdef Py_ssize_t i = 0
    found = <const unsigned char *>memchr(data, 35, stop)  # "#"
    if found != NULL:
        stop = found - data
    while i < stop - 1:  # the first "//" before the end
        found = <const unsigned char *>memchr(data + i, 47, stop - 1 - i)
        if found == NULL:
            break
        i = found - data
        if data[i + 1] == 47:
            at = i + 2
            found = <const unsigned char *>memchr(data + at, 47, stop - at)
            if found != NULL:
                at = found - data
            else:
                at = stop
            break
        i += 2  # the character after the slash is none
    start[0], end[0] = at, stop


cdef int _read_path(str href, Py_ssize_t start, Py_ssize_t end, _View *view) except -1:
    """How a path holds its characters: 0 ASCII without escapes (read lowercased in
    place), 1 with an escape ("%"), 2 with characters past ASCII."""
    cdef Py_ssize_t i
    cdef ucs4 c
    cdef int found = 0
    cdef bint ascii = PyUnicode_IS_ASCII(href)
    cdef const unsigned char *chars
    _view(view, href, start, end, True)
    if view.kind == PyUnicode_1BYTE_KIND:
        chars = <const unsigned char *>view.data
        if end > start and memchr(chars + start, 37, end - start) != NULL:  # "%"
            return 1
        if not ascii:
            for i in range(start, end):
                if chars[i] >= 0x80:
                    return 2
        return 0
    for i in range(start, end):
        c = PyUnicode_READ(view.kind, view.data, i)
        if c == 37:  # "%"
            return 1
        if not ascii and c >= 0x80:
            found = 2
    return found


cdef inline bint _decimal(ucs4 c) noexcept nogil:
    """``str.isdecimal`` of a character (``\\d``), ASCII's answered in place."""
    return 48 <= c <= 57 if c < 128 else Py_UNICODE_ISDECIMAL(c)


cdef inline bint _alnum(ucs4 c) noexcept nogil:
    """``str.isalnum`` of a character, ASCII's answered in place."""
    if c < 128:
        return 48 <= c <= 57 or 97 <= (c | 32) <= 122  # a digit, or a letter in either case
    return Py_UNICODE_ISALNUM(c)


cdef inline bint _decimal_at(const _View *view, Py_ssize_t i) noexcept:
    """Whether the character at ``i`` is in the view and a decimal digit (``\\d``)."""
    return i < view.end and _decimal(PyUnicode_READ(view.kind, view.data, i))


cdef inline bint _char_at(const _View *view, Py_ssize_t i, ucs4 c) noexcept:
    """Whether the character at ``i`` is in the view and ``c`` (an ASCII character that
    is no letter)."""
    return i < view.end and PyUnicode_READ(view.kind, view.data, i) == c


cdef inline bint _ends_part(const _View *view, Py_ssize_t i) noexcept:
    """Whether a slash, the end, or a newline ending the text is at ``i`` (``(?:/|$)``)."""
    cdef ucs4 c
    if i >= view.end:
        return True
    c = PyUnicode_READ(view.kind, view.data, i)
    return c == 47 or (c == 10 and i + 1 == view.end)


cdef Py_ssize_t _word_end(const _View *view, Py_ssize_t i) noexcept:
    """The end of the word (``teaser_tables.WORD``: letters and digits) starting at ``i``."""
    while i < view.end and _alnum(PyUnicode_READ(view.kind, view.data, i)):
        i += 1
    return i


cdef bint _same(const _View *a, Py_ssize_t i, const _View *b, Py_ssize_t j, Py_ssize_t n) noexcept:
    """Whether ``n`` characters of ``a`` from ``i`` are those of ``b`` from ``j``."""
    cdef Py_ssize_t k
    for k in range(n):
        if _at(a, i + k) != _at(b, j + k):
            return False
    return True


cdef class _Words:
    """A table of words (``str``), asked whether a run of characters is one of them."""

    cdef tuple _words  # sorted by length; their characters are read in place
    cdef _View *_views
    cdef Py_ssize_t *_first  # the index of the first word of each length, and one more
    cdef Py_ssize_t _longest

    def __cinit__(self, words):
        cdef Py_ssize_t i, length
        self._words = tuple(sorted({str(word) for word in words}, key=len))
        self._longest = max([len(word) for word in self._words], default=-1)
        self._views = <_View *>PyMem_Malloc(max(1, len(self._words)) * sizeof(_View))
        self._first = <Py_ssize_t *>PyMem_Malloc((self._longest + 2) * sizeof(Py_ssize_t))
        if self._views == NULL or self._first == NULL:
            raise MemoryError()
        length = 0
        for i, word in enumerate(self._words):
            _view(&self._views[i], word, 0, len(word), False)
            while length <= len(word):
                self._first[length] = i
                length += 1
        while length <= self._longest + 1:
            self._first[length] = len(self._words)
            length += 1

    def __dealloc__(self):
        PyMem_Free(self._views)
        PyMem_Free(self._first)

    cdef bint has(self, const _View *view, Py_ssize_t start, Py_ssize_t end) noexcept:
        cdef Py_ssize_t n = end - start
        cdef Py_ssize_t k
        if n > self._longest:
            return False
        for k in range(self._first[n], self._first[n + 1]):
            if _same(view, start, &self._views[k], 0, n):
                return True
        return False

    cdef bint has_text(self, str text, Py_ssize_t start, Py_ssize_t end) except -1:
        """``text[start:end].lower()`` is one of the words (its characters past ASCII
        lowercased by ``str.lower``, which may change their count)."""
        cdef _View view
        cdef Py_ssize_t i
        _view(&view, text, start, end, True)
        if not PyUnicode_IS_ASCII(text):
            for i in range(start, end):
                if PyUnicode_READ(view.kind, view.data, i) >= 0x80:
                    lowered = PyUnicode_Substring(text, start, end).lower()
                    _view(&view, lowered, 0, len(lowered), False)
                    return self.has(&view, 0, view.end)
        return self.has(&view, start, end)


def url_key(str url not None) -> str:
    """The URL without scheme, ``www.`` and trailing slash, to compare targets
    (``url.split("://", 1)[-1]``, less a leading ``www.``, ``rstrip("/")``)."""
    return key(url)


cdef str key(str url):
    """``url_key`` of a ``str``, without a Python call."""
    cdef int kind = PyUnicode_KIND(url)
    cdef const void *data = PyUnicode_DATA(url)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(url)
    cdef Py_ssize_t start = 0
    cdef Py_ssize_t end = n
    cdef Py_ssize_t i
    for i in range(n - 2):
        if (
            PyUnicode_READ(kind, data, i) == 58  # "://"
            and PyUnicode_READ(kind, data, i + 1) == 47
            and PyUnicode_READ(kind, data, i + 2) == 47
        ):
            start = i + 3
            break
    if (
        n - start >= 4
        and PyUnicode_READ(kind, data, start) == 119  # "www."
        and PyUnicode_READ(kind, data, start + 1) == 119
        and PyUnicode_READ(kind, data, start + 2) == 119
        and PyUnicode_READ(kind, data, start + 3) == 46
    ):
        start += 4
    while end > start and PyUnicode_READ(kind, data, end - 1) == 47:
        end -= 1
    if start == 0 and end == n:
        return url
    return PyUnicode_Substring(url, start, end)


cdef class Paths:
    """The tests of a link target's path, with the tables and numbers of ``teaser_tables``.

    A target's path is its characters after the host (the first ``//``), without
    query and fragment (``path``). Its words are runs of letters and digits
    (``teaser_tables.WORD``, ``[^\\W_]+``: ``str.isalnum``'s characters), its
    segments the texts between its slashes.

    ``story_path_chars``, ``slug_joiners``, ``id_digits``, ``year_centuries``,
    ``non_story_segments`` and ``echo_chars`` are ``is_story``'s; ``is_listing`` reads
    the segments and the id or date too; ``service_path_chars``, ``service_words`` and
    ``service_fillers`` are ``is_service``'s.

    A story's id or date in a path: ``id_digits`` decimal digits in a row (``\\d``,
    any script's), or a year (two ASCII digits of ``year_centuries``, then two decimal
    digits) as a segment followed by a month, ``/2024/05/`` (one decimal digit, or
    "0" or "1" and one, then a slash or the path's end), or as a date, ``2024-05-31``
    (then "-", "0" or "1" and a decimal digit, "-", "0" to "3" and a decimal digit):
    with ``teaser_tables``' five digits and "19", "20", what
    ``\\d{5}|/(?:19|20)\\d\\d/[01]?\\d(?:/|$)|(?:19|20)\\d\\d-[01]\\d-[0-3]\\d`` searches
    (``$`` matching before a newline that ends the path too).
    """

    cdef Py_ssize_t _path_chars, _joiners, _echo, _service_chars, _id_digits
    cdef ucs4 _centuries[16][2]
    cdef int _century_count
    cdef _Words _segments, _service, _fillers

    def __init__(
        self,
        *,
        Py_ssize_t story_path_chars,
        Py_ssize_t slug_joiners,
        Py_ssize_t id_digits,
        year_centuries,
        non_story_segments,
        Py_ssize_t echo_chars,
        Py_ssize_t service_path_chars,
        service_words,
        service_fillers,
    ):
        self._path_chars, self._joiners, self._echo = story_path_chars, slug_joiners, echo_chars
        if id_digits < 1:
            raise ValueError("id_digits: one or more")
        self._id_digits = id_digits
        centuries = [str(century) for century in year_centuries]
        if len(centuries) > 16 or not all(len(c) == 2 and c.isascii() and c.isdigit() for c in centuries):
            raise ValueError("year_centuries: up to 16 pairs of ASCII digits")
        self._century_count = len(centuries)
        for i, century in enumerate(centuries):
            self._centuries[i][0], self._centuries[i][1] = ord(century[0]), ord(century[1])
        self._segments = _Words(non_story_segments)
        self._service_chars = service_path_chars
        self._service = _Words(service_words)
        self._fillers = _Words(service_fillers)

    def path(self, str href not None) -> str:
        """The path of ``href``, without query and fragment."""
        cdef Py_ssize_t start, end
        _path(href, &start, &end)
        return PyUnicode_Substring(href, start, end)

    cdef object _lowered(self, str href, Py_ssize_t start, Py_ssize_t end, _View *view):
        """Reads the path ``[start, end)`` of ``href`` unquoted and lowercased into
        ``view``: in place when it is ASCII without escapes, else a new ``str``
        (returned, to keep)."""
        cdef int held = _read_path(href, start, end, view)
        if held == 0:
            return None
        path = PyUnicode_Substring(href, start, end)
        path = (unquote(path) if held == 1 else path).lower()
        _view(view, path, 0, len(path), False)
        return path

    def is_story(self, str href not None, str text not None) -> bool:
        """Whether a link's target reads as one story's page rather than a section, tag,
        author or service page: a path of ``story_path_chars`` or more, which unquoted
        and lowercased has a segment of ``slug_joiners`` joiners ("-", "_") or else
        matches ``id_or_date`` (a story's numeric id or date), no segment among
        ``non_story_segments``, and a word of the link's ``text`` (lowercased) of
        ``echo_chars`` or more, not all digits, among its words."""
        return self._story(href, text)

    cdef bint _story(self, str href, str text) except -1:
        """``is_story``, without a Python call."""
        cdef _View path, words
        cdef Py_ssize_t start, end, i, segment, joiners, stop
        cdef bint slug = self._joiners <= 0
        cdef bint digit = False
        cdef ucs4 c
        _path(href, &start, &end)
        if end - start < self._path_chars:
            return False  # the cheap test that drops most section links
        kept = self._lowered(href, start, end, &path)
        segment = path.start
        joiners = 0
        for i in range(path.start, path.end + 1):
            c = _at(&path, i) if i < path.end else 47
            if c == 47:  # "/"
                if self._segments.has(&path, segment, i):
                    return False
                segment = i + 1
                joiners = 0
            elif c == 45 or c == 95:  # "-", "_"
                joiners += 1
                if joiners >= self._joiners:
                    slug = True
            elif not digit and _decimal(c):
                digit = True
        if not slug and not (digit and self._id_or_date(&path)):
            return False
        if PyUnicode_IS_ASCII(text):
            _view(&words, text, 0, len(text), True)
        else:
            lowered = text.lower()
            _view(&words, lowered, 0, len(lowered), False)
        i = 0
        while i < words.end:
            stop = _word_end(&words, i)
            if stop - i >= self._echo and not self._all_digits(&words, i, stop):
                if self._in_path(&path, &words, i, stop):
                    return True
            i = stop + 1 if stop > i else i + 1
        return False

    cdef bint _all_digits(self, const _View *view, Py_ssize_t start, Py_ssize_t end) noexcept:
        """``str.isdigit`` of a word."""
        cdef Py_ssize_t i
        for i in range(start, end):
            if not Py_UNICODE_ISDIGIT(PyUnicode_READ(view.kind, view.data, i)):
                return False
        return True

    cdef bint _in_path(
        self, const _View *path, const _View *words, Py_ssize_t start, Py_ssize_t end
    ) noexcept:
        """Whether the word ``[start, end)`` of ``words`` is one of the path's words."""
        cdef Py_ssize_t i = path.start
        cdef Py_ssize_t stop
        cdef Py_ssize_t n = end - start
        while i < path.end:
            stop = _word_end(path, i)
            if stop - i == n and _same(path, i, words, start, n):
                return True
            i = stop + 1 if stop > i else i + 1
        return False

    def is_listing(self, str href not None) -> bool:
        """Whether a link's target is a tag, topic, author or other listing page by its
        path: the last segment or the one before it (the path's ending slashes cut),
        lowercased, is one of ``non_story_segments`` ("/tag/housing", "/topics",
        "/search?q=rain") and the path does not match ``id_or_date``."""
        return self._listing(href)

    cdef bint _listing(self, str href) except -1:
        cdef Py_ssize_t start, end, slash, parent
        cdef _View path
        _path(href, &start, &end)
        _view(&path, href, start, end, False)
        while end > start and PyUnicode_READ(path.kind, path.data, end - 1) == 47:
            end -= 1
        slash = end - 1
        while slash >= start and PyUnicode_READ(path.kind, path.data, slash) != 47:
            slash -= 1
        if slash + 1 < end and self._segments.has_text(href, slash + 1, end):
            return not self._shows_id_or_date(href, start, end)
        if slash <= start:
            return False
        parent = slash - 1
        while parent >= start and PyUnicode_READ(path.kind, path.data, parent) != 47:
            parent -= 1
        if not self._segments.has_text(href, parent + 1, slash):
            return False
        return not self._shows_id_or_date(href, start, end)

    def has_story_id_or_date(self, str href not None) -> bool:
        """Whether a link's target shows a story's numeric id or date in its path
        (``id_or_date``)."""
        cdef Py_ssize_t start, end
        _path(href, &start, &end)
        return self._shows_id_or_date(href, start, end)

    cdef bint _shows_id_or_date(self, str href, Py_ssize_t start, Py_ssize_t end) noexcept:
        cdef _View path
        _view(&path, href, start, end, False)
        return self._id_or_date(&path)

    cdef bint _id_or_date(self, const _View *view) noexcept:
        """Whether the view shows a story's id or date (see the class)."""
        cdef Py_ssize_t i
        cdef Py_ssize_t run = 0
        cdef ucs4 c
        for i in range(view.start, view.end):
            c = PyUnicode_READ(view.kind, view.data, i)
            if _decimal(c):
                run += 1
                if run >= self._id_digits:
                    return True
                if (
                    self._year_at(view, i)
                    and _char_at(view, i + 4, 45)  # "-"
                    and self._tens_at(view, i + 5, 49)  # "0" or "1", a digit
                    and _char_at(view, i + 7, 45)
                    and self._tens_at(view, i + 8, 51)  # "0" to "3", a digit
                ):
                    return True
            else:
                run = 0
                if c == 47 and self._year_at(view, i + 1) and _char_at(view, i + 5, 47):
                    # the month: "0" or "1" and a digit, or a digit, before "/" or the end
                    if self._tens_at(view, i + 6, 49) and _ends_part(view, i + 8):
                        return True
                    if _decimal_at(view, i + 6) and _ends_part(view, i + 7):
                        return True
        return False

    cdef inline bint _year_at(self, const _View *view, Py_ssize_t i) noexcept:
        """A year at ``i``: a century of ``year_centuries`` and two decimal digits."""
        cdef int k
        cdef ucs4 first, second
        if i + 1 >= view.end:
            return False
        first = PyUnicode_READ(view.kind, view.data, i)
        second = PyUnicode_READ(view.kind, view.data, i + 1)
        for k in range(self._century_count):
            if first == self._centuries[k][0] and second == self._centuries[k][1]:
                return _decimal_at(view, i + 2) and _decimal_at(view, i + 3)
        return False

    cdef inline bint _tens_at(self, const _View *view, Py_ssize_t i, ucs4 highest) noexcept:
        """An ASCII digit from "0" to ``highest`` at ``i``, and a decimal digit after it."""
        cdef ucs4 c
        if i >= view.end:
            return False
        c = PyUnicode_READ(view.kind, view.data, i)
        return 48 <= c <= highest and _decimal_at(view, i + 1)

    def is_service(self, str href not None) -> bool:
        """Whether a link's target is a service page of the site by its path: at most
        ``service_path_chars`` long, not slashes alone, and every word of it (unquoted,
        lowercased) one of ``service_words`` or ``service_fillers``, one of the first at
        least."""
        cdef Py_ssize_t start, end, i, stop
        cdef _View path
        cdef bint named = False
        _path(href, &start, &end)
        if end - start > self._service_chars:
            return False  # most story paths are longer
        _view(&path, href, start, end, False)
        for i in range(start, end + 1):
            if i == end:
                return False  # slashes alone, or nothing
            if PyUnicode_READ(path.kind, path.data, i) != 47:
                break
        kept = self._lowered(href, start, end, &path)
        i = path.start
        while i < path.end:
            stop = _word_end(&path, i)
            if stop > i:
                if self._service.has(&path, i, stop):
                    named = True
                elif not self._fillers.has(&path, i, stop):
                    return False  # most paths stop at their first word
                i = stop
            i += 1
        return named


cdef bint story(object paths, str href, str text) except -1:
    """``Paths.is_story`` of ``paths`` (a ``Paths``), without a Python call."""
    return (<Paths>paths)._story(href, text)


cdef bint id_or_date(object paths, str href) except -1:
    """``Paths.has_story_id_or_date`` of ``paths`` (a ``Paths``), without a Python call."""
    cdef Py_ssize_t start, end
    _path(href, &start, &end)
    return (<Paths>paths)._shows_id_or_date(href, start, end)


cdef bint listing(object paths, str href) except -1:
    """``Paths.is_listing`` of ``paths`` (a ``Paths``), without a Python call."""
    return (<Paths>paths)._listing(href)


cdef bint slashes_only(str href) noexcept:
    """Whether the path of ``href`` (``Paths.path``) is empty or slashes alone: what
    ``not path(href).strip("/")`` answers (a site's home page)."""
    cdef Py_ssize_t start, end, i
    _path(href, &start, &end)
    for i in range(start, end):
        if PyUnicode_READ(PyUnicode_KIND(href), PyUnicode_DATA(href), i) != 47:
            return False
    return True
