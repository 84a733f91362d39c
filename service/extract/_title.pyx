# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""A headline link's title and its word count, read in C, for ``teaser_fields.headline_title``.

After the link scan, each headline link the teaser stage keeps is read for its
title: a format kicker set apart by markup left out, the text of its headline
element (the link's own text when it holds no markup, a lone text node's, else
the segments of ``read_item``'s walk, which is in C already), cleaned of a rank,
a label or a kicker in front (``clean_title``), and its words counted. In Python
those were four calls and a regex search for a separator on every title;
``TitleReader.read`` does them in one call, and hands a title to the prefix
patterns only when its first character or a separator near its start says one
may match. The patterns, tables and bounds are passed in from ``teaser_fields``;
``tests/unit/extract/test_title.py`` checks the answers against the Python they
replaced on generated headlines.
"""

from cpython.unicode cimport (
    Py_UNICODE_ISALPHA,
    Py_UNICODE_ISDECIMAL,
    Py_UNICODE_ISDIGIT,
    Py_UNICODE_ISLOWER,
    Py_UNICODE_ISSPACE,
)
from libc.stdint cimport uintptr_t
from libc.string cimport memset

from service.extract._fields cimport deep_text
from service.extract._lexbor cimport (
    PS_ELEMENT,
    TAG_LAST_ENTRY,
    TAG_TEXT,
    all_spaces,
    c_node,
    ps_node,
    ps_spaces,
    set_spaces,
    tag_id,
    tag_table,
    text_bytes,
)

cdef enum:
    _MAX_MARKS = 16  # the separators, and the characters that open a prefix


cdef class TitleReader:
    """``read(headline, inside, tokens, text)`` is a headline's ``(title, words)``;
    ``clean(text)`` is ``clean_title``.

    ``headline`` is the link's headline element, ``inside`` what the link holds
    (``_inside.Inside``: it holds markup when its ``flags`` have the ``markup`` bit),
    ``text`` the link's whole text. A kicker element is the first child of
    the headline but white space, an ``inline`` element followed by more, whose text
    ``kicker`` matches whole, when the headline's text without it opens with a
    character that is not lower-case: it is left out of the title. The title's text
    is ``text`` without markup, a lone text child's, else the segments ``read(headline,
    None, tokens, False)`` gives (``read_item``), joined by spaces, without those that
    ``dated`` takes for a date alone when others remain.

    ``clean`` is ``normalize`` of the text; then, when its first character is a
    letter, or neither a digit nor one of ``prefix_starts`` nor taken by ``opener``,
    and its first two characters are no pair of ``label_pairs`` (pairs of ASCII
    characters; any other pair may open a label) or none of ``separators`` is in its
    first ``label_chars`` characters, that text;
    else each of ``prefixes`` (anchored patterns) cut in turn where it matches and
    leaves text after it. ``count`` counts the title's words. ``spaces`` is every
    character ``str.strip`` strips."""

    cdef unsigned char _inline[TAG_LAST_ENTRY]
    cdef ps_spaces _spaces
    cdef Py_UCS4 _separators[_MAX_MARKS]
    cdef int _separator_count
    cdef Py_UCS4 _starts[_MAX_MARKS]
    cdef int _start_count
    cdef Py_ssize_t _label_chars
    cdef unsigned char _pairs[128][16]  # a bit for each pair of ASCII characters a label opens with
    cdef tuple _prefixes
    cdef object _kicker, _normalize, _opener, _read, _count, _dated
    cdef long _markup

    def __init__(
        self,
        *,
        long markup,
        inline,
        str spaces,
        kicker,
        normalize,
        read,
        count,
        dated,
        str separators,
        str prefix_starts,
        opener,
        int label_chars,
        label_pairs,
        tuple prefixes,
    ):
        cdef str pair
        self._markup = markup
        tag_table(self._inline, inline)
        set_spaces(&self._spaces, spaces)
        if len(separators) > _MAX_MARKS or len(prefix_starts) > _MAX_MARKS:
            raise ValueError(f"at most {_MAX_MARKS} separators and prefix starts")
        self._separator_count = _marks(self._separators, separators)
        self._start_count = _marks(self._starts, prefix_starts)
        self._label_chars = label_chars
        memset(self._pairs, 0, sizeof(self._pairs))
        for pair in label_pairs:
            if len(pair) != 2 or not pair.isascii():
                raise ValueError(f"not a pair of ASCII characters: {pair!r}")
            self._pairs[ord(pair[0])][ord(pair[1]) >> 3] |= 1 << (ord(pair[1]) & 7)
        self._prefixes = prefixes
        self._kicker = kicker
        self._normalize = normalize
        self._opener = opener
        self._read = read
        self._count = count
        self._dated = dated

    def read(self, headline, inside, tokens, str text) -> tuple:
        return self._title(headline, inside, tokens, text)

    cdef tuple _title(self, object headline, object inside, object tokens, str text):
        cdef ps_node *top = c_node(headline)
        cdef ps_node *only
        cdef str title
        cdef long flags = inside.flags
        kicker = self._kicker_element(top)
        if kicker is not None:
            text = text.replace(kicker, "", 1)  # a format kicker set apart by markup
        only = top.first_child
        if not flags & self._markup:
            title = self.clean(text)
        elif only != NULL and only.next == NULL and only.local_name == TAG_TEXT:
            title = self.clean(deep_text(top))  # "<h3>Title</h3>": nothing to leave out
        else:
            title = " ".join(self._undated(self._read(headline, None, tokens, False).segments))
            title = self.clean(title.replace(kicker, "", 1) if kicker is not None else title)
        return title, self._count(title)

    cdef list _undated(self, list segments):
        """The segments without those that are a date alone ("<a><div>Headline</div>
        <div>Mar 11, 2026</div></a>"), when others remain."""
        if len(segments) < 2:
            return segments
        kept = [segment for segment in segments if not self._dated(segment)]
        return kept if kept else segments

    cdef object _kicker_element(self, ps_node *headline):
        """The text of an inline element opening ``headline`` that holds a format
        kicker alone, when a headline of its own follows it; None otherwise."""
        cdef ps_node *first = headline.first_child
        while first != NULL and first.local_name == TAG_TEXT and self._blank(first):
            first = first.next
        if (
            first == NULL
            or first.next == NULL
            or first.type != PS_ELEMENT
            or first.local_name >= TAG_LAST_ENTRY
            or not self._inline[first.local_name]
        ):
            return None
        text = deep_text(first)
        if not self._kicker(text):
            return None
        rest = deep_text(headline).replace(text, "", 1).lstrip()
        return text if rest and not Py_UNICODE_ISLOWER(rest[0]) else None

    cdef bint _blank(self, ps_node *node) noexcept:
        """Whether a text node's text, decoded alone, is all whitespace (a byte that is
        not UTF-8 decodes as U+FFFD, no whitespace)."""
        cdef size_t length = 0
        cdef const unsigned char *data = text_bytes(node, &length)
        return data == NULL or all_spaces(&self._spaces, data, length)

    cpdef str clean(self, str text):
        """A headline without rank number, "Related:" label or format kicker."""
        cdef Py_ssize_t length, end, i
        cdef Py_UCS4 first, second
        text = self._normalize(text)
        length = len(text)
        if length == 0:
            return text
        first = text[0]
        if (
            Py_UNICODE_ISALPHA(first)
            or (
                not Py_UNICODE_ISDIGIT(first)
                and not _among(first, self._starts, self._start_count)
                and self._opener(text[0]) is None  # a mark or bracket before a label
            )
        ):
            second = text[1] if length > 1 else 0
            if length > 1 and not Py_UNICODE_ISSPACE(first) and not self._may_open(first, second):
                return text  # no rank, label or kicker opens with these characters
            end = min(length, self._label_chars)
            for i in range(end):
                if _among(text[i], self._separators, self._separator_count):
                    break
            else:
                return text  # no rank, and no separator for a label or kicker to end with
        for pattern in self._prefixes:
            # Each pattern is anchored at the start: matched there, not searched for at
            # every position as ``sub`` does; a prefix that is the whole text stays.
            found = pattern.match(text)
            if found is not None and found.end() < len(text):
                text = text[found.end() :]
        return text

    cdef inline bint _may_open(self, Py_UCS4 first, Py_UCS4 second) noexcept:
        """Whether a label or a kicker may open with these two characters (any pair
        beyond ASCII may)."""
        cdef unsigned int one = first, two = second  # code points, not characters
        return one >= 128 or two >= 128 or self._pairs[one][two >> 3] >> (two & 7) & 1


cdef int _marks(Py_UCS4 *into, str chars) noexcept:
    cdef int count = 0
    cdef Py_UCS4 char
    for char in chars:
        into[count] = char
        count += 1
    return count


cdef inline bint _among(Py_UCS4 char, const Py_UCS4 *marks, int count) noexcept:
    cdef int i
    for i in range(count):
        if marks[i] == char:
            return True
    return False


cdef class TitleTests:
    """``rejects(title)``: whether a headline's title is no story's headline, its tests
    asked in one call, each pattern only where a gate that every match of it passes
    opens.

    ``find`` is a literal table's (``text.literal_table``): the bits it gives a title
    say which gates' literals it holds (``nav_bit``, ``call_bit``, ``price_bit``) and
    whether it folds as ASCII (``folds_bit``). A title is rejected when
    - the ``nav_bit`` is set and ``nav`` (an anchored pattern's match) finds it;
    - the ``call_bit`` is set and ``call_plain`` finds the lowercased title, when it
      folds as ASCII, else ``call_caseless`` finds the title;
    - the ``price_bit`` is set, or the title does not fold as ASCII and holds one of
      ``price_cased``, and one of ``price_marks`` stands in it before a decimal digit
      (one whitespace character between them at most), and ``price`` finds it;
    - its first five characters lowercased open with one of ``embed_starts`` and
      ``embed`` matches it whole; the starts are asked only when the first character
      is beyond ASCII or, in lower case, opens one of them."""

    cdef object _find, _nav, _call_plain, _call_caseless, _price, _embed
    cdef long _nav_bit, _call_bit, _price_bit, _folds_bit
    cdef tuple _price_cased, _embed_starts
    cdef Py_UCS4 _marks[_MAX_MARKS]
    cdef int _mark_count
    cdef unsigned char _embed_firsts[128]

    def __init__(
        self,
        *,
        find,
        long nav_bit,
        long call_bit,
        long price_bit,
        long folds_bit,
        nav,
        call_plain,
        call_caseless,
        tuple price_cased,
        str price_marks,
        price,
        tuple embed_starts,
        embed,
    ):
        cdef str start
        self._find = find
        self._nav_bit = nav_bit
        self._call_bit = call_bit
        self._price_bit = price_bit
        self._folds_bit = folds_bit
        self._nav = nav
        self._call_plain = call_plain
        self._call_caseless = call_caseless
        self._price_cased = price_cased
        if len(price_marks) > _MAX_MARKS:
            raise ValueError(f"at most {_MAX_MARKS} price marks")
        self._mark_count = _marks(self._marks, price_marks)
        self._price = price
        self._embed_starts = embed_starts
        self._embed = embed
        memset(self._embed_firsts, 0, sizeof(self._embed_firsts))
        for start in embed_starts:
            if not start or not start.isascii() or start != start.lower():
                raise ValueError(f"not a start of ASCII characters in lower case: {start!r}")
            self._embed_firsts[ord(start[0])] = 1

    def rejects(self, str title not None) -> bool:
        return self._rejects(title)

    cdef bint _rejects(self, str title) except -1:
        cdef long found = self._find(title)
        cdef bint folds = found & self._folds_bit
        cdef Py_UCS4 first
        cdef str sign
        if found & self._nav_bit and self._nav(title) is not None:
            return True
        if found & self._call_bit:
            if folds:
                if self._call_plain(title.lower()) is not None:
                    return True
            elif self._call_caseless(title) is not None:
                return True
        if found & self._price_bit or (not folds and self._holds_cased(title)):
            if self._priced(title) and self._price(title) is not None:
                return True
        if not title:
            return False
        first = title[0]
        if <unsigned int>first < 128 and not self._embed_firsts[_ascii_lower(first)]:
            return False  # opens no start of an embedded post's line
        return (
            title[:5].lower().startswith(self._embed_starts)
            and self._embed(title) is not None
        )

    cdef bint _holds_cased(self, str title) except -1:
        cdef str sign
        for sign in self._price_cased:
            if sign in title:
                return True
        return False

    cdef bint _priced(self, str title) noexcept:
        """Whether a price mark stands before a decimal digit, one whitespace character
        between them at most."""
        cdef Py_ssize_t length = len(title), i, j
        for i in range(length - 1):
            if not _among(title[i], self._marks, self._mark_count):
                continue
            j = i + 1
            if Py_UNICODE_ISSPACE(title[j]):
                j += 1
                if j == length:
                    return False
            if Py_UNICODE_ISDECIMAL(title[j]):
                return True
        return False


cdef inline unsigned int _ascii_lower(Py_UCS4 char) noexcept:
    cdef unsigned int code = char  # a code point, not a character
    return code + 32 if 65 <= code <= 90 else code


cdef tuple title_of(object reader, object headline, object inside, object tokens, str text):
    """``TitleReader.read`` of ``reader`` (a ``TitleReader``), without a Python call."""
    return (<TitleReader>reader)._title(headline, inside, tokens, text)


cdef bint rejects(object tests, str title) except -1:
    """``TitleTests.rejects`` of ``tests`` (a ``TitleTests``), without a Python call."""
    return (<TitleTests>tests)._rejects(title)
