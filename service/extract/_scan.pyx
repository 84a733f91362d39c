# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Scans of a page's text in C, for the passes every page makes over all of it.

Each answers exactly what the Python form it replaces answers
(``tests/unit/extract/test_budget.py`` checks the tag count against the
regex scan it replaced, on generated texts of each of ``str``'s three widths
and on their UTF-8 bytes; ``tests/unit/extract/test_decode.py`` checks the
UTF-8 check against Python's decoder).
"""

from libc.stdint cimport uint8_t, uint16_t, uint32_t, uint64_t
from libc.string cimport memset

from service.extract._unicode cimport (
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    ps_count_u16,
    ps_count_u32,
    ps_count_u8,
)


cdef extern from *:
    """
    #include <Python.h>
    #include <stdint.h>
    #include <string.h>
    #include <wchar.h>

    #define PS_MAX_NAME 8  /* a name packs into 8 bytes; longer ones are never listed */
    #define PS_SLOTS 128   /* the listed names' hash table, open addressing */

    typedef struct {
        Py_ssize_t lt;        /* every '<' */
        Py_ssize_t elements;  /* opening tags */
        Py_ssize_t deepest;   /* the deepest nesting of tags that stay open */
    } ps_tag_counts;

    typedef struct {
        uint64_t slot[PS_SLOTS];  /* a listed name's bytes, or 0 */
    } ps_names;

    static inline int ps_is_alpha(Py_UCS4 c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static inline int ps_is_name(Py_UCS4 c) {
        return ps_is_alpha(c) || (c >= '0' && c <= '9') || c == ':' || c == '-';
    }

    static inline unsigned ps_hash(uint64_t key) {
        return (unsigned)((key * 0x9E3779B97F4A7C15ULL) >> 57);
    }

    static inline int ps_listed(const ps_names *names, uint64_t key) {
        for (unsigned k = ps_hash(key);; k = (k + 1) % PS_SLOTS) {
            if (names->slot[k] == key) return 1;
            if (names->slot[k] == 0) return 0;
        }
    }

    /* Lists a name; the caller keeps the table at most half full, so lookups end. */
    static void ps_add(ps_names *names, uint64_t key) {
        unsigned k = ps_hash(key);
        while (names->slot[k] != 0 && names->slot[k] != key) k = (k + 1) % PS_SLOTS;
        names->slot[k] = key;
    }

    #define PS_OPEN 1024   /* the open elements' names kept, past the deepest nesting allowed */
    #define PS_CLOSE_LOOK 64  /* how far down the open elements an end tag's name is looked for */

    /* The depth after an end tag named ``key``: the element it closes and those above
       it are closed when one of the nearest PS_CLOSE_LOOK open elements has its name
       (as the parser closes them); an end tag of no open element is ignored, as the
       parser ignores it ("<div></x>" deepens the tree). Past PS_OPEN names are not
       kept: an end tag there closes one level. */
    static inline Py_ssize_t ps_close(const uint64_t *open, Py_ssize_t depth, uint64_t key) {
        if (depth > PS_OPEN) return depth - 1;
        Py_ssize_t stop = depth > PS_CLOSE_LOOK ? depth - PS_CLOSE_LOOK : 0;
        for (Py_ssize_t k = depth - 1; k >= stop; k--) {
            if (open[k] == key) return k;
        }
        return depth;
    }

    /* The tag after the '<' at i: the counts it changes, and where the scan goes on. */
    #define PS_TAG(READ)                                                            \\
        do {                                                                        \\
            Py_ssize_t j = i + 1;                                                   \\
            int closing = 0;                                                        \\
            if (j < n && READ(j) == '/') { closing = 1; j++; }                      \\
            if (j >= n || !ps_is_alpha(READ(j))) break;                             \\
            uint64_t key = 0;  /* the name's bytes lowercased, its first the lowest */ \\
            Py_ssize_t length = 0;                                                  \\
            while (j < n && ps_is_name(READ(j))) {                                  \\
                Py_UCS4 c = READ(j);                                                \\
                if (length < PS_MAX_NAME) {                                         \\
                    uint64_t byte = (c >= 'A' && c <= 'Z') ? c + 32 : c;           \\
                    key |= byte << (8 * length);                                    \\
                }                                                                   \\
                length++;                                                           \\
                j++;                                                                \\
            }                                                                       \\
            if (length <= PS_MAX_NAME && ps_listed(names, key)) {                   \\
                counts.elements += !closing;                                        \\
            } else if (closing) {                                                   \\
                depth = ps_close(open, depth, key);                                 \\
            } else {                                                                \\
                counts.elements++;                                                  \\
                if (depth < PS_OPEN) open[depth] = key;                             \\
                depth++;                                                            \\
                if (depth > counts.deepest) counts.deepest = depth;                 \\
            }                                                                       \\
        } while (0)

    #define PS_READ1(k) ((Py_UCS4)((const Py_UCS1 *)data)[k])
    #define PS_READ2(k) ((Py_UCS4)((const Py_UCS2 *)data)[k])
    #define PS_READ4(k) (((const Py_UCS4 *)data)[k])

    /* The counts of a str, or of the UTF-8 bytes of one: a '<' byte and the ASCII
       bytes of a name are never part of a multi-byte character, so the bytes read
       as a text of the narrowest width count what the str counts. */
    static ps_tag_counts ps_count_tags(PyObject *text, const ps_names *names) {
        ps_tag_counts counts = {0, 0, 0};
        Py_ssize_t depth = 0;
        uint64_t open[PS_OPEN];  /* the names of the open elements, outermost first */
        Py_ssize_t n;
        const void *data;
        int kind;
        if (PyBytes_Check(text)) {
            n = PyBytes_GET_SIZE(text);
            data = PyBytes_AS_STRING(text);
            kind = PyUnicode_1BYTE_KIND;
        } else {
            n = PyUnicode_GET_LENGTH(text);
            data = PyUnicode_DATA(text);
            kind = PyUnicode_KIND(text);
        }
        if (kind == PyUnicode_1BYTE_KIND) {
            const Py_UCS1 *start = (const Py_UCS1 *)data;
            const Py_UCS1 *at = start;
            const Py_UCS1 *end = start + n;
            while ((at = memchr(at, '<', (size_t)(end - at))) != NULL) {
                Py_ssize_t i = at - start;
                counts.lt++;
                PS_TAG(PS_READ1);
                at++;
            }
        } else if (kind == PyUnicode_2BYTE_KIND) {
            /* memchr finds the byte of '<' (libc's vector search, where a loop over
               the units tests each): a unit holding it is '<' when it is the whole unit. */
            const Py_UCS2 *units = (const Py_UCS2 *)data;
            const char *start = (const char *)data;
            const char *at = start;
            const char *end = start + 2 * n;
            while ((at = memchr(at, '<', (size_t)(end - at))) != NULL) {
                Py_ssize_t offset = at - start;
                Py_ssize_t i = offset / 2;
                at++;
                if (offset % 2 != 0 || units[i] != '<') continue;
                counts.lt++;
                PS_TAG(PS_READ2);
            }
        } else {
            const wchar_t *start = (const wchar_t *)data;
            const wchar_t *at = start;
            const wchar_t *end = start + n;
            while ((at = wmemchr(at, L'<', (size_t)(end - at))) != NULL) {
                Py_ssize_t i = at - start;
                counts.lt++;
                PS_TAG(PS_READ4);
                at++;
            }
        }
        return counts;
    }

    #define PS_HIGH_BITS 0x8080808080808080ULL

    /* Whether the `bytes` bytes at s (a multiple of 8) are all ASCII: their words OR'd,
       which the compiler unrolls into one load and OR a word. */
    static inline int ps_ascii(const unsigned char *s, int bytes) {
        uint64_t any = 0;
        for (int k = 0; k < bytes; k += 8) {
            uint64_t word;
            memcpy(&word, s + k, 8);
            any |= word;
        }
        return (any & PS_HIGH_BITS) == 0;
    }

    /* The end of the well-formed sequence at s[i] (a byte of 0x80 or more), or -1: the
       sequence checked whole against the ranges of Unicode's table 3-7 (a lead byte's
       length and its second byte's range), as Python's strict decoder has them: no
       overlong forms, no surrogates, nothing past U+10FFFF, no sequence cut short. */
    static inline Py_ssize_t ps_utf8_sequence(const unsigned char *s, Py_ssize_t i, Py_ssize_t n) {
        unsigned c = s[i];
        Py_ssize_t left = n - i;
        if (c >= 0xC2 && c <= 0xDF) {
            if (left < 2 || (s[i + 1] & 0xC0) != 0x80) return -1;
            return i + 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            unsigned second = left < 3 ? 0 : s[i + 1];
            unsigned low = c == 0xE0 ? 0xA0 : 0x80;   /* overlong */
            unsigned high = c == 0xED ? 0x9F : 0xBF;  /* surrogates */
            if (second < low || second > high || (s[i + 2] & 0xC0) != 0x80) return -1;
            return i + 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            unsigned second = left < 4 ? 0 : s[i + 1];
            unsigned low = c == 0xF0 ? 0x90 : 0x80;   /* overlong */
            unsigned high = c == 0xF4 ? 0x8F : 0xBF;  /* past U+10FFFF */
            if (second < low || second > high || (s[i + 2] & 0xC0) != 0x80
                || (s[i + 3] & 0xC0) != 0x80) return -1;
            return i + 4;
        }
        return -1;  /* a continuation byte alone, C0, C1 or F5 to FF */
    }

    /* Whether s[0:n] is valid UTF-8 (portable C). ASCII is skipped 64 bytes a round,
       then 8; a stretch of multi-byte characters is read a sequence at a time. */
    static int ps_is_utf8_words(const unsigned char *s, Py_ssize_t n) {
        Py_ssize_t i = 0;
        while (i < n) {
            while (i <= n - 64 && ps_ascii(s + i, 64)) i += 64;
            while (i <= n - 8 && ps_ascii(s + i, 8)) i += 8;
            while (i < n && s[i] < 0x80) i++;
            while (i < n && s[i] >= 0x80)
                if ((i = ps_utf8_sequence(s, i, n)) < 0) return 0;
        }
        return 1;
    }

    #if defined(__GNUC__) && defined(__x86_64__)
    #include <immintrin.h>

    /* The same check where the CPU has AVX2: ASCII skipped 128 bytes a round, and
       within a stretch of multi-byte characters the ASCII between them (a word's
       space) by one load of 32 bytes, to the next byte of 0x80 or more. */
    __attribute__((target("avx2")))
    static int ps_is_utf8_avx2(const unsigned char *s, Py_ssize_t n) {
        Py_ssize_t i = 0;
        while (i < n) {
            while (i <= n - 128) {
                const __m256i *at = (const __m256i *)(s + i);
                __m256i any = _mm256_or_si256(
                    _mm256_or_si256(_mm256_loadu_si256(at), _mm256_loadu_si256(at + 1)),
                    _mm256_or_si256(_mm256_loadu_si256(at + 2), _mm256_loadu_si256(at + 3)));
                if (_mm256_movemask_epi8(any)) break;
                i += 128;
            }
            while (i < n) {
                if (s[i] < 0x80) {
                    if (i > n - 32) {
                        i++;
                        continue;
                    }
                    unsigned high = (unsigned)_mm256_movemask_epi8(
                        _mm256_loadu_si256((const __m256i *)(s + i)));
                    if (high == 0) {
                        i += 32;
                        break;  /* back to the rounds */
                    }
                    i += __builtin_ctz(high);
                }
                if ((i = ps_utf8_sequence(s, i, n)) < 0) return 0;
            }
        }
        return 1;
    }

    /* The '<' of UTF-8 bytes, the shared count compiled for AVX2 (32 bytes a step). */
    __attribute__((target("avx2")))
    static size_t ps_count_lt_avx2(const unsigned char *s, size_t n) {
        return ps_count_u8(s, n, '<');
    }

    static int ps_cpu_avx2(void) { return __builtin_cpu_supports("avx2") != 0; }
    #else
    static int ps_cpu_avx2(void) { return 0; }
    static int ps_is_utf8_avx2(const unsigned char *s, Py_ssize_t n) { return ps_is_utf8_words(s, n); }
    static size_t ps_count_lt_avx2(const unsigned char *s, size_t n) { return ps_count_u8(s, n, '<'); }
    #endif

    /* Whether the AVX2 forms are taken: where the CPU has it, unless a test turned it off. */
    static int ps_wide = -1;

    static int ps_is_utf8(const unsigned char *s, Py_ssize_t n) {
        if (ps_wide < 0) ps_wide = ps_cpu_avx2();
        return ps_wide ? ps_is_utf8_avx2(s, n) : ps_is_utf8_words(s, n);
    }

    static size_t ps_count_lt(const unsigned char *s, size_t n) {
        if (ps_wide < 0) ps_wide = ps_cpu_avx2();
        return ps_wide ? ps_count_lt_avx2(s, n) : ps_count_u8(s, n, '<');
    }

    /* Sets whether the AVX2 forms are taken where the CPU has it; the setting before. */
    static int ps_set_wide(int on) {
        int before = ps_wide < 0 ? ps_cpu_avx2() : ps_wide;
        ps_wide = on && ps_cpu_avx2();
        return before;
    }
    """
    ctypedef struct ps_tag_counts:
        Py_ssize_t lt
        Py_ssize_t elements
        Py_ssize_t deepest
    ctypedef struct ps_names:
        pass
    ps_tag_counts ps_count_tags(object text, const ps_names *names)
    int ps_is_utf8(const unsigned char *s, Py_ssize_t n)
    int ps_set_wide(int on)
    size_t ps_count_lt(const unsigned char *s, size_t n)
    void ps_add(ps_names *names, uint64_t key)
    int PS_MAX_NAME
    int PS_SLOTS


cdef class TagCounter:
    """The tags of a text, as ``<(/?)([a-zA-Z][a-zA-Z0-9:-]*)`` finds them.

    ``flat`` names the elements that never stay open (void, or ended by their next
    sibling): they count as elements but do not deepen the nesting. Names fold
    ASCII letters alone (their first eight kept); a closing tag closes the nearest
    open element of its name and those above it, looked for among the nearest 64, and
    is ignored when none has its name, as the parser ignores it. A text with fewer than
    ``from_tags`` '<' has them counted alone, its tags not read.
    """

    cdef ps_names names
    cdef readonly tuple flat
    cdef readonly Py_ssize_t from_tags

    def __init__(self, flat, *, Py_ssize_t from_tags=0):
        names = tuple(sorted({name.lower() for name in flat}))
        if len(names) > PS_SLOTS // 2:
            raise ValueError(f"at most {PS_SLOTS // 2} names")  # the table stays half empty
        memset(&self.names, 0, sizeof(self.names))
        for name in names:
            raw = name.encode("ascii")
            if not 0 < len(raw) <= PS_MAX_NAME or not raw.isalnum():
                raise ValueError(f"a tag name of 1 to {PS_MAX_NAME} letters or digits: {name!r}")
            ps_add(&self.names, int.from_bytes(raw, "little"))
        self.flat = names
        self.from_tags = from_tags

    def count(self, text):
        """``(the number of '<', the opening tags, the deepest nesting)`` of ``text``, a
        ``str`` or its UTF-8 bytes; ``(the number of '<', 0, 0)`` when that number is
        under ``from_tags``."""
        if not isinstance(text, (str, bytes)):
            raise TypeError(f"a str or bytes, not {type(text).__name__}")
        cdef ps_tag_counts counts
        cdef size_t lt
        if self.from_tags > 0:
            lt = _count_lt(text)
            if lt < <size_t>self.from_tags:
                return lt, 0, 0
        counts = ps_count_tags(text, &self.names)
        return counts.lt, counts.elements, counts.deepest


cdef size_t _count_lt(text):
    """The '<' of a ``str`` or of its UTF-8 bytes, counted in vector steps (where the
    tags' scan calls memchr again after each '<', about one in a hundred bytes): a
    page's bytes 32 a step where the CPU has AVX2."""
    if isinstance(text, bytes):
        return ps_count_lt(<const unsigned char *><char *>text, len(<bytes>text))
    cdef int kind = PyUnicode_KIND(text)
    cdef size_t length = PyUnicode_GET_LENGTH(text)
    if kind == 1:
        return ps_count_u8(<const uint8_t *>PyUnicode_DATA(text), length, ord("<"))
    if kind == 2:
        return ps_count_u16(<const uint16_t *>PyUnicode_DATA(text), length, ord("<"))
    return ps_count_u32(<const uint32_t *>PyUnicode_DATA(text), length, ord("<"))


def is_utf8(bytes data):
    """Whether ``data.decode("utf-8")`` succeeds, without making the ``str``."""
    return ps_is_utf8(<const unsigned char *>data, len(data)) != 0


def vector_steps(bint on):
    """For the tests: whether ``is_utf8`` and the count of a page's '<' in its UTF-8 bytes
    take their AVX2 forms (where the CPU has AVX2) after this call; the answer before it."""
    return ps_set_wide(on) != 0
