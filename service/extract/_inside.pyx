# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""What a link holds and the heading it stands in, in C, for ``teaser_fields.link_inside``.

Every headline link the teaser stage reads further is asked what its elements
are (markup, a heading, a headline-classed element) and at what heading level it
stands (a heading it holds, or sits in within a few levels, or a bold line set
as one). In Python those were two walks that made a node object, a dict of
attributes and often a ``text()`` of every element inside the link and above it.
``InsideWalk.read`` answers both in one walk of Lexbor's nodes and a short climb.
The tags, the class words, the rank test and the number of levels climbed are
passed in from ``teaser_fields``; ``tests/unit/extract/test_inside.py`` checks the
answers against the Python they replaced on generated links.
"""

from cpython.object cimport PyObject
from libc.stdint cimport uintptr_t
from libc.string cimport memset

from service.extract._fields cimport deep_text, may_rank
from service.extract._lexbor cimport (
    PS_ELEMENT,
    TAG_LAST_ENTRY,
    TAG_TEXT,
    attribute_id,
    c_node,
    lower,
    next_in,
    ps_attr,
    ps_element,
    ps_node,
    ps_node_object,
    ps_spaces,
    ps_str,
    set_spaces,
    split_space,
    tag_id,
    text_bytes,
    wrap,
)

# What a link holds, as the bits of ``Inside.flags``.
HEADING, MARKUP, TITLE = 1, 2, 4

cdef enum:
    # The kinds of tags, as the bits of ``InsideWalk._tags``.
    _HEADING_TAG = 1
    _MARKUP_TAG = 2
    _INLINE_TAG = 4
    _BOLD_TAG = 8
    _LINE_TAG = 16  # the block a bold line stands alone in ("div")
    _MAX_TITLES = 8

cdef uintptr_t _CLASS = attribute_id(b"class")


cdef class Inside:
    """What one link holds: ``flags`` (``HEADING``, ``MARKUP``: an element with
    attributes, a markup tag or a rank; ``TITLE``: a headline-classed element),
    ``heading``, the tag of its first heading, ``headline``, its first heading or
    headline-classed element (None when it holds neither), and ``level``, the tag of
    the heading the link holds or stands in (``InsideWalk``), or None (its fields are
    declared in ``_inside.pxd``)."""


cdef class InsideWalk:
    """``read(link)`` is what ``link`` holds (``Inside``), in one walk of its subtree.

    ``headings``, ``markup``, ``inline``, ``bold`` and ``line`` are tag names
    (standard tags): an element of ``markup`` or with attributes is markup, and so
    is one whose text ``rank`` takes for a number alone (asked only of a text of
    digits, ``rank_marks`` and whitespace, or beyond ASCII). An element is
    headline-classed when its ``class`` holds a word of ``titles``, pairs of a word
    and a word that rules it out ("" for none), lowercase ASCII and compared
    without ASCII case. ``spaces`` is every character ``str.split`` splits on.

    The level is the first heading's tag; else ``bold_line`` when the link holds
    one ``line`` element and nothing else but white space, and it holds a bold
    element (``bold``) alone with words; else the first heading among the ``levels``
    ancestors, climbing through ``inline`` elements and ``line`` ones (a ``line``
    holding the first bold ancestor alone, with words, is ``bold_line``), None at
    any other element."""

    cdef unsigned char _tags[TAG_LAST_ENTRY]
    cdef list _names  # a heading's tag name by its id
    cdef ps_spaces _spaces
    cdef unsigned char _rank_marks[128]
    cdef const unsigned char *_words[_MAX_TITLES]
    cdef size_t _word_sizes[_MAX_TITLES]
    cdef const unsigned char *_unless[_MAX_TITLES]
    cdef size_t _unless_sizes[_MAX_TITLES]
    cdef list _keep  # the bytes the words point into
    cdef int _titles
    cdef object _rank
    cdef object _bold_line
    cdef int _levels

    def __init__(
        self,
        *,
        headings,
        markup,
        inline,
        bold,
        line,
        str spaces,
        str rank_marks,
        tuple titles,
        rank,
        str bold_line,
        int levels,
    ):
        cdef int c
        cdef uintptr_t tag
        cdef bytes encoded
        memset(self._tags, 0, sizeof(self._tags))
        self._names = [None] * TAG_LAST_ENTRY
        for names, kind in (
            (headings, _HEADING_TAG),
            (markup, _MARKUP_TAG),
            (inline, _INLINE_TAG),
            (bold, _BOLD_TAG),
            ((line,), _LINE_TAG),
        ):
            for name in names:
                tag = tag_id(name)
                self._tags[tag] |= kind
                if kind == _HEADING_TAG:
                    self._names[tag] = name
        set_spaces(&self._spaces, spaces)
        for c in range(128):
            self._rank_marks[c] = chr(c) in rank_marks
        self._keep = []
        if len(titles) > _MAX_TITLES:
            raise ValueError(f"at most {_MAX_TITLES} title words")
        self._titles = len(titles)
        for c, (word, unless) in enumerate(titles):
            for text in (word, unless):
                # Two characters beyond ASCII lowercase to ASCII letters: the Kelvin sign
                # to "k", and U+0130 to "i" and a combining dot (so only at a word's end).
                if not (text.isascii() and text == text.lower()) or "k" in text or text.endswith("i"):
                    raise ValueError(f"a title word must be lowercase ASCII without 'k' or a last 'i': {text!r}")
            if not word:
                raise ValueError("an empty title word")
            encoded = word.encode()
            self._keep.append(encoded)
            self._words[c] = encoded
            self._word_sizes[c] = len(encoded)
            encoded = unless.encode()
            self._keep.append(encoded)
            self._unless[c] = encoded
            self._unless_sizes[c] = len(encoded)
        self._rank = rank
        self._bold_line = bold_line
        self._levels = levels

    def read(self, link) -> Inside:
        return self._read(link)

    cdef Inside _read(self, object link):
        cdef ps_node *top = c_node(link)
        cdef object parser = <object>(<ps_node_object *><PyObject *>link).parser
        cdef ps_node *node = top.first_child
        cdef ps_node *headline = NULL
        cdef ps_attr *attr
        cdef uintptr_t tag
        cdef uintptr_t heading = 0
        cdef unsigned char kind
        cdef int flags = 0
        cdef bint titled
        cdef Inside inside = Inside.__new__(Inside)
        while node != NULL:
            if node.type == PS_ELEMENT:
                tag = node.local_name
                kind = self._tags[tag] if tag < TAG_LAST_ENTRY else 0
                attr = (<ps_element *>node).first_attr
                if not flags & MARKUP and (
                    attr != NULL
                    or kind & _MARKUP_TAG
                    or (
                        may_rank(node, self._spaces.ascii, self._rank_marks)
                        and self._rank(deep_text(node))
                    )
                ):
                    flags |= MARKUP
                if kind & _HEADING_TAG:
                    flags |= HEADING
                    if heading == 0:
                        heading = tag
                titled = attr != NULL and self._titled(attr)
                if titled:
                    flags |= TITLE
                if headline == NULL and (titled or kind & _HEADING_TAG):
                    headline = node
            node = next_in(node, top, True)
        inside.flags = flags
        inside.heading = self._names[heading] if heading else None
        inside.headline = wrap(headline, parser) if headline != NULL else None
        inside.level = inside.heading if heading else self._level(top, parser)
        return inside

    cdef bint _titled(self, ps_attr *attr) noexcept:
        """Whether the last ``class`` of these attributes (as a dict of them keeps it)
        holds a title word, without the word that rules it out."""
        cdef ps_attr *klass = NULL
        cdef int i
        while attr != NULL:
            if attr.node.local_name == _CLASS:
                klass = attr
            attr = attr.next
        if klass == NULL or klass.value == NULL or klass.value.data == NULL:
            return False
        for i in range(self._titles):
            if _holds(klass.value, self._words[i], self._word_sizes[i]) and not (
                self._unless_sizes[i] and _holds(klass.value, self._unless[i], self._unless_sizes[i])
            ):
                return True
        return False

    cdef object _level(self, ps_node *link, object parser):
        """The level of a link holding no heading: a bold line it holds, or the
        heading or bold line it stands in."""
        cdef ps_node *node
        cdef ps_node *bold = NULL
        cdef unsigned char kind
        cdef int level
        if self._holds_bold_line(link, parser):
            return self._bold_line
        node = link.parent
        for level in range(self._levels):
            if node == NULL or node.type != PS_ELEMENT:
                return None
            kind = self._tags[node.local_name] if node.local_name < TAG_LAST_ENTRY else 0
            if kind & _HEADING_TAG:
                return self._names[node.local_name]
            if kind & _LINE_TAG:
                if bold != NULL and self._bold_alone(node) == bold and self._has_words(bold, parser):
                    return self._bold_line
            elif not kind & _INLINE_TAG:
                return None
            elif kind & _BOLD_TAG and bold == NULL:
                bold = node
            node = node.parent
        return None

    cdef bint _holds_bold_line(self, ps_node *link, object parser) except -1:
        """Whether ``link`` holds one ``line`` element and nothing else but white space
        and comments, and that element a bold one alone, with words."""
        cdef ps_node *line = self._alone(link, _LINE_TAG)
        cdef ps_node *bold = self._alone(line, _BOLD_TAG) if line != NULL else NULL
        return bold != NULL and self._has_words(bold, parser)

    cdef ps_node *_bold_alone(self, ps_node *node) noexcept:
        """``bold_lines.bold_alone``: the one bold child holding all of ``node``'s text."""
        return self._alone(node, _BOLD_TAG)

    cdef ps_node *_alone(self, ps_node *node, unsigned char kind) noexcept:
        """The one child of ``node`` that is an element of ``kind``, its other children
        white space or comments; NULL otherwise."""
        cdef ps_node *child = node.first_child
        cdef ps_node *found = NULL
        while child != NULL:
            if child.type == PS_ELEMENT:
                if found != NULL or not self._is(child, kind):
                    return NULL
                found = child
            elif self._text_has_words(child):
                return NULL
            child = child.next
        return found

    cdef inline bint _is(self, ps_node *node, unsigned char kind) noexcept:
        return node.local_name < TAG_LAST_ENTRY and self._tags[node.local_name] & kind

    cdef int _words_in(self, ps_node *node) noexcept:
        """Of a text node: 1 when a character that is not whitespace is in its bytes,
        -1 when none is but some bytes are not UTF-8 (they may join with the next
        node's into a character), 0 otherwise (and for any other node)."""
        cdef size_t length = 0
        cdef size_t at = 0
        cdef const unsigned char *data = text_bytes(node, &length)
        cdef int space
        cdef int found = 0
        if data == NULL:
            return 0
        while at < length:
            space = split_space(&self._spaces, data, length, &at)
            if space == 0:
                return 1
            if space < 0:
                found = -1
                at += 1
        return found

    cdef inline bint _text_has_words(self, ps_node *node) noexcept:
        """Whether a text node's own text, decoded alone, is not all whitespace (a byte
        that is not UTF-8 decodes as U+FFFD)."""
        return self._words_in(node) != 0

    cdef bint _has_words(self, ps_node *root, object parser) except -1:
        """Whether ``root``'s text (``text()``: its text nodes' bytes joined, then
        decoded) is not all whitespace."""
        cdef ps_node *node = root.first_child
        cdef bint unsure = False
        cdef int found
        while node != NULL:
            found = self._words_in(node)
            if found > 0:
                return True
            unsure = unsure or found < 0
            node = next_in(node, root, True)
        return unsure and bool(deep_text(root).strip())


cdef bint _holds(ps_str *value, const unsigned char *needle, size_t size) noexcept:
    """Whether ``needle`` (lowercase ASCII) is in ``value``, ASCII letters compared
    without case (what ``in`` finds in the value lowercased: no character beyond
    ASCII lowercases to the letters of a title word in a row)."""
    cdef const unsigned char *data = value.data
    cdef size_t length = value.length
    cdef size_t i, j
    if size > length:
        return False
    for i in range(length - size + 1):
        j = 0
        while j < size and lower(data[i + j]) == needle[j]:
            j += 1
        if j == size:
            return True
    return False


cdef Inside inside_of(object walk, object link):
    """``InsideWalk.read`` of ``walk`` (an ``InsideWalk``), without a Python call."""
    return (<InsideWalk>walk)._read(link)
