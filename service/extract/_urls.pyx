# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Whether a URL is in its normal form already, read in C for ``urls.normalize_url``.

Most links and pictures a page names are written in their normal form: an absolute
http(s) URL, scheme and host lowercased, a plain host name, a path without dot
segments, no fragment, no tracking parameter, nothing to escape. ``normalize_url``
gave such a URL back after a regular expression's match when it had no query (about
3,000 instructions) and took it apart and put it together again when it had one
(about 30,000). ``NormalForm.holds`` reads the URL's bytes once: the scheme, the
host's labels, the path's characters, and each query parameter's name compared with
the tracking names and prefixes ``url_tables`` keeps, handed over by ``urls`` with
the characters a URL holds as written. It answers ``True`` only when the whole
normalization would give the URL back as it is; any doubt (a name with an escape,
an empty parameter, a character past ASCII) is ``False``, and ``urls`` normalizes.
``normalize(href, base)`` is ``urls.normalize_url``: such a URL given back, any other
handed to the whole normalization (``whole``, ``urls._normalize``), without a frame of
the interpreter around the test. ``tests/unit/extract/test_urls.py`` checks it against
the whole normalization on generated URLs.
"""

from libc.string cimport memcmp, memset


cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object text)
    const void *PyUnicode_DATA(object text)
    Py_ssize_t PyUnicode_GET_LENGTH(object text)


cdef enum:
    _LONGEST = 64  # bytes of the longest tracking name or prefix handed over


cdef class NormalForm:
    """``holds(url)``: whether ``url`` is its own normal form (see the module)."""

    cdef unsigned char written[128]  # 1 for a character a URL holds as written
    cdef unsigned char host[128]  # 1 for a character of a plain host name's label
    cdef list names  # the tracking names, lowercased ASCII bytes
    cdef list prefixes  # the tracking prefixes, likewise
    cdef object whole  # the whole normalization, of a URL not in its normal form

    def __init__(self, *, url_bytes, tracking_params, tracking_prefixes, whole):
        memset(self.written, 0, sizeof(self.written))
        memset(self.host, 0, sizeof(self.host))
        for byte in bytes(url_bytes):
            if byte < 128:
                self.written[byte] = 1
        for byte in b"abcdefghijklmnopqrstuvwxyz0123456789-":
            self.host[byte] = 1
        self.names = [_word(name) for name in tracking_params]
        self.prefixes = [_word(prefix) for prefix in tracking_prefixes]
        self.whole = whole

    def normalize(self, str href not None, str base not None):
        """``href`` when it is its own normal form, else ``whole(href, base)``."""
        if PyUnicode_IS_ASCII(href) and self._holds(
            <const unsigned char *>PyUnicode_DATA(href), PyUnicode_GET_LENGTH(href)
        ):
            return href
        return self.whole(href, base)

    def holds(self, str url not None):
        if not PyUnicode_IS_ASCII(url):
            return False
        return self._holds(<const unsigned char *>PyUnicode_DATA(url), PyUnicode_GET_LENGTH(url))

    cdef bint _holds(self, const unsigned char *s, Py_ssize_t n) noexcept:
        cdef Py_ssize_t i, label, piece, name_end
        cdef unsigned char c
        if n >= 8 and memcmp(s, b"https://", 8) == 0:
            i = 8
        elif n >= 7 and memcmp(s, b"http://", 7) == 0:
            i = 7
        else:
            return False
        # The host: labels of lowercase letters, digits and "-", parted by single dots.
        label = i
        while i < n:
            c = s[i]
            if c < 128 and self.host[c]:
                i += 1
            elif c == 46 and i > label:  # "."
                i += 1
                label = i
            else:
                break
        if i == label or i == n or s[i] != 47:  # no host, a trailing dot, no "/" path
            return False
        # The path: written characters, no fragment, no "/." (a dot segment, maybe).
        while i < n:
            c = s[i]
            if c == 63:  # "?"
                break
            if c == 35 or c >= 128 or not self.written[c]:  # "#"
                return False
            if c == 46 and s[i - 1] == 47:
                return False
            i += 1
        if i == n:
            return True
        # The query: written characters, no empty parameter, no tracking one.
        i += 1
        piece, name_end = i, -1
        while True:
            if i == n or s[i] == 38:  # "&"
                if i == piece:
                    return False
                if self._tracking(s + piece, (name_end if name_end >= 0 else i) - piece):
                    return False
                if i == n:
                    return True
                i += 1
                piece, name_end = i, -1
                continue
            c = s[i]
            if c == 35 or c >= 128 or not self.written[c]:
                return False
            if name_end < 0:
                if c == 61:  # "="
                    name_end = i
                elif c == 37:  # "%": an escaped name is unquoted before it is compared
                    return False
            i += 1

    cdef bint _tracking(self, const unsigned char *name, Py_ssize_t n) noexcept:
        """Whether a parameter's name, ASCII lowercased, is a tracking name or starts
        with a tracking prefix."""
        cdef unsigned char folded[_LONGEST]
        cdef Py_ssize_t i, size, m = n if n < _LONGEST else _LONGEST
        cdef bytes word
        for i in range(m):
            folded[i] = name[i] + 32 if 65 <= name[i] <= 90 else name[i]
        for word in self.prefixes:
            size = len(word)
            if size <= m and memcmp(folded, <const char *>word, size) == 0:
                return True
        if n > _LONGEST:
            return False
        for word in self.names:
            if len(word) == n and memcmp(folded, <const char *>word, n) == 0:
                return True
        return False


cdef bytes _word(str word):
    """A tracking name or prefix as the bytes it is compared by."""
    if not word.isascii() or word != word.lower() or not 0 < len(word) <= _LONGEST:
        raise ValueError(f"not a lowercase ASCII name of at most {_LONGEST} bytes: {word!r}")
    return word.encode("ascii")
