# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The walk of a teaser item's subtree in C, for ``teaser_fields.read_item``.

The walk in Python made a node object for every element and text node of every
item, a ``str`` for every text node and a dict of every element's attributes.
This one reads Lexbor's structures (``_lexbor.pxd``): it gathers the text runs
between blocks as UTF-8 bytes and folds their whitespace itself where
``clean_text`` does no more than that, reads the attributes the walk needs
(``class``, ``id``, ``style``, ``hidden``, ``aria-hidden``), and hands Python a
node only where a field rule of ``teaser_fields`` reads it: the headline passed
over, a ``<time>`` or an image, a meta part, a paid badge, an inline style, an
element that may hold a rank alone. The rules, tables and bounds are passed in
from ``teaser_fields`` (``ItemWalk``); ``tests/unit/extract/test_fields.py``
checks the walk against the Python walk it replaced on generated items.
"""

from cpython.long cimport PyLong_FromSize_t
from cpython.unicode cimport PyUnicode_DecodeASCII, PyUnicode_DecodeUTF8
from libc.stdint cimport int32_t, uintptr_t
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memcmp, memcpy

from service.extract._lexbor cimport (
    PS_ATTR_LAST_ENTRY,
    PS_ELEMENT,
    TAG_LAST_ENTRY,
    TAG_TEXT,
    attribute_id,
    c_node,
    code_point,
    entry_named,
    equal_caseless,
    lower,
    named,
    next_in,
    ps_attr,
    ps_character_data,
    ps_element,
    ps_node,
    ps_node_object,
    ps_str,
    tag_id,
    tag_table,
    value_text,
    wrap,
)
from service.extract._items cimport PageFacts
from service.extract._records cimport record_of
from service.extract._unicode cimport (
    Py_UNICODE_ISDECIMAL,
    Py_UNICODE_ISSPACE,
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_IS_ASCII,
    PyUnicode_KIND,
    PyUnicode_READ,
    PyUnicode_Substring,
    ucs4,
)

from selectolax.lexbor import create_tag

# What the rule of the headline passed over answers (``ItemWalk``'s ``headline``).
KEEP, FLUSH, LEAD_IN = 0, 1, 2

cdef enum:
    _SKIP = 1  # an element whose text is no item's (its media read, if a media tag)
    _MEDIA = 2
    _INLINE = 4  # an element that continues the line: no flush around it

cdef enum:
    _SHOWN = 1  # an element showing the item's image by its own attributes (``<img>``)
    _PICTURE = 2  # an element whose image is its own or that of an element of ``_PART``
    _PART = 4
    _FOUND = 8  # an element the search after the walk finds
    _FOUND_IN_PICTURE = 16  # found only inside a ``_PICTURE`` element (a ``<source>``)

cdef enum:
    _MAX_IMAGE_ATTRIBUTES = 8
    _MAX_WORDS = 64  # placeholder words
    _MAX_WORD_BYTES = 16
    _MAX_DATE_PARTS = 16

cdef unsigned char _ALNUM[256]  # the ASCII letters and digits, a part's characters


cdef int _init_alnum() except -1:
    cdef int c
    for c in range(256):
        _ALNUM[c] = c < 128 and chr(c).isalnum()
    return 0


_init_alnum()

cdef extern from *:
    int __builtin_ctzll(unsigned long long) nogil

cdef uintptr_t _CLASS = attribute_id(b"class")
cdef uintptr_t _ID = attribute_id(b"id")
cdef uintptr_t _STYLE = attribute_id(b"style")
cdef bytes _HIDDEN = b"hidden"
cdef bytes _ARIA_HIDDEN = b"aria-hidden"
cdef bytes _TRUE = b"true"


cdef struct _Text:
    unsigned char *data
    size_t length
    size_t size
    bint odd  # holds a byte that is not of ``plain``: ``clean`` reads the text


cdef int _grow(_Text *text, size_t more) except -1:
    cdef size_t size
    cdef unsigned char *data
    if text.length + more <= text.size:
        return 0
    size = max(2 * text.size, text.length + more, 256)
    data = <unsigned char *>realloc(text.data, size)
    if data == NULL:
        raise MemoryError()
    text.data = data
    text.size = size
    return 0


cdef int _add(_Text *text, const unsigned char *data, size_t length) except -1:
    _grow(text, length)
    memcpy(text.data + text.length, data, length)
    text.length += length
    return 0


cdef bint _utf8(const unsigned char *data, size_t length) noexcept:
    """Whether ``data`` is well-formed UTF-8, as Python's strict decoder has it."""
    cdef size_t i = 0
    while i < length:
        if data[i] < 0x80:
            i += 1
        elif code_point(data, length, &i) < 0:
            return False
    return True


cdef enum:
    _MAX_MARKS = 16


cdef struct _Pairs:
    # Bit c1 of pairs[2 * c0 + c1 // 64]: a match may open with ASCII c0 and c1.
    unsigned long long pairs[256]
    unsigned char leads[128]  # a match may open with ASCII c, whatever follows it


cdef struct _Marks:
    int count
    ucs4 chars[_MAX_MARKS]


cdef int _set_pairs(_Pairs *table, pairs, leads) except -1:
    cdef int c
    for c in range(256):
        table.pairs[c] = 0
    for c in range(128):
        table.leads[c] = chr(c) in leads
    for pair in pairs:
        if len(pair) != 2 or not pair.isascii():
            raise ValueError(f"not a pair of ASCII characters: {pair!r}")
        table.pairs[2 * ord(pair[0]) + ord(pair[1]) // 64] |= 1ULL << (ord(pair[1]) % 64)
    return 0


cdef int _set_marks(_Marks *marks, str chars) except -1:
    cdef int i
    if len(chars) > _MAX_MARKS:
        raise ValueError(f"at most {_MAX_MARKS} marks")
    marks.count = len(chars)
    for i in range(marks.count):
        marks.chars[i] = ord(chars[i])
    return 0


cdef inline bint _is_mark(const _Marks *marks, ucs4 c) noexcept:
    cdef int i
    for i in range(marks.count):
        if marks.chars[i] == c:
            return True
    return False


cdef bint _marked(const _Marks *marks, int kind, void *data, Py_ssize_t n) noexcept:
    """Whether one of ``marks`` is among the text's ``n`` characters."""
    cdef Py_ssize_t i
    for i in range(n):
        if _is_mark(marks, PyUnicode_READ(kind, data, i)):
            return True
    return False


cdef inline bint _holds_mark(const _Marks *marks, str text) noexcept:
    return _marked(marks, PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text))


cdef bint _may_open(const _Pairs *table, int kind, void *data, Py_ssize_t n) noexcept:
    """``teaser_fields.may_open_with``: False when the text's first two characters are
    ASCII and open no match (neither a pair nor a lead)."""
    cdef ucs4 first, second
    if n == 0:
        return False
    first = PyUnicode_READ(kind, data, 0)
    if first >= 128:
        return True
    if n >= 2:
        second = PyUnicode_READ(kind, data, 1)
        if second >= 128:
            return True
        if table.pairs[2 * first + second // 64] >> (second % 64) & 1:
            return True
    return table.leads[first]


cdef class ItemText:
    """What a walk over an item's subtree found (``ItemWalk``), its fields read and set
    in C by the walk and the reading, and by the rules of ``teaser_fields`` it calls.

    ``segments``: the text runs, cleaned; ``paid``, ``date``, ``image``: what the rules
    set; ``background``: the first image an element shows as its CSS background
    (``teaser_fields._background_image``); ``meta_parts``: meta parts not named as
    dates, while no date is found ("<div class=meta>"); ``lead_in``: the index in
    ``segments`` of the words before the headline on its line, set apart from them by a
    snippet after a separator ("Filed Nov 28 by the desk <a>...</a> - The snippet"): a
    dateline or a byline, no snippet (-1 when there is none)."""

    cdef public list segments
    cdef public bint paid
    cdef public object date, image, background
    cdef public list meta_parts
    cdef public Py_ssize_t lead_in

    def __init__(self):
        self.segments = []
        self.paid = False
        self.date = self.image = self.background = None
        self.meta_parts = []
        self.lead_in = -1


cdef class ItemWalk:
    """The walk of ``read_item``: ``read(root, skip, out, tokens)`` walks ``root``'s
    subtree as the rules say and fills ``out`` (an ``ItemText``).

    The tags are given by name (standard tags, whose ids are the same in every
    document): ``skip`` holds no text of an item, ``media`` are those of them whose
    node ``media`` reads, ``inline`` continue a line (no text run ends around
    them). ``plain`` is the ASCII characters ``clean`` returns folded and nothing
    more, ``spaces`` those ``str.split`` folds. ``sponsored`` and ``meta`` are the
    kinds' bits of paid badges and meta parts, of an element with a class or an id
    as the page's ``tokens`` (``teaser_tokens.Tokens``) read them in C
    (``tokens.facts``, read from C); a meta part's tokens are ``tokens.of(node)``. The rules
    are called so:

    - ``clean(text)``: a run's text, when it holds a character not of ``plain``;
    - ``headline(before, node)``: at the headline passed over, with the run's text
      before it on its line: ``KEEP``, ``FLUSH`` the run, or end it as a
      ``LEAD_IN``; not asked when the run is white space alone (``KEEP``);
    - ``media(node, out)``: an element of ``media``;
    - ``style(out, style)``: an element's inline style, whether it hides it;
    - ``paid(out, node)``: an element of that kind;
    - a meta part (its text not walked) is read here: its text (``node.text()``,
      cleaned) is the item's date while none is found and its tokens hold one of
      ``date_parts``; it marks the item paid when ``sponsored_label(text)`` matches, asked of
      a text of ``max_label_chars`` at most whose first two characters may open a paid
      label (``sponsored_pairs``, ``space_leads``); while no date is found the node is
      kept in ``out.meta_parts``;
    - ``rank(text)``: the text of an element holding one node, when it may be a
      number alone (digits, ``rank_marks`` and spaces, or other than ASCII): whether
      it is, and the element is passed over;
    - ``image(name, value)``: an image source attribute's value beyond ASCII, neither
      empty nor opening with one of ``unusable``: the image it shows, or None. An
      ASCII value is read here: of an attribute of ``first_candidate`` (a srcset) its
      first candidate (``value.strip().split(",")[0].strip().split(" ")[0]``), shown
      unless ``placeholder(value)`` (asked only of a value holding one of
      ``placeholder_words`` in any case, the literals every match of it holds) finds
      a lazy loader's stand-in;
    - ``background(style)``: the root's inline style, the image it shows as its
      background or None.

    An element's image is the first of its ``image_attributes``, in their order, that
    ``image`` answers. While the walk has found none, an element of ``images`` (not
    walked into) shows its own, and one of ``pictures`` its own or that of the first
    element of ``picture_parts`` in it that shows one. When the walk found none, the
    image is that of the first element of ``item_images`` (at or below the root,
    skipped or hidden ones too; one of ``picture_only`` only inside an element of
    ``pictures``) that shows one, else the background the walk found.
    """

    cdef unsigned char flags[TAG_LAST_ENTRY]
    cdef unsigned char image_flags[TAG_LAST_ENTRY]
    cdef list custom_images  # item images of tags Lexbor does not predefine, by name
    cdef ps_node *apart  # a subtree the walk in progress passes over whole (``read``'s)
    cdef int image_count
    cdef uintptr_t image_ids[_MAX_IMAGE_ATTRIBUTES]
    cdef bint candidates[_MAX_IMAGE_ATTRIBUTES]  # a srcset: its first candidate read
    cdef unsigned char placeholder_words[_MAX_WORDS][_MAX_WORD_BYTES]
    cdef size_t placeholder_sizes[_MAX_WORDS]
    cdef unsigned long long placeholder_heads[128]  # bit k: word k opens with ASCII c
    cdef object placeholder
    cdef tuple image_names  # str, and their bytes
    cdef tuple image_bytes
    cdef tuple unusable
    cdef object image, background
    cdef unsigned char plain[128]
    cdef unsigned char spaces[128]
    cdef unsigned char rank_marks[128]
    cdef int max_depth
    cdef long sponsored_kind
    cdef long meta_kind
    cdef object clean, headline, media, style, paid, sponsored_label, rank
    cdef tuple date_parts
    cdef int date_part_count
    cdef unsigned char date_part_names[_MAX_DATE_PARTS][_MAX_WORD_BYTES]
    cdef size_t date_part_sizes[_MAX_DATE_PARTS]
    cdef _Pairs sponsored_pairs
    cdef Py_ssize_t max_label_chars

    def __init__(
        self,
        *,
        skip,
        media_tags,
        inline,
        int max_depth,
        str plain,
        str spaces,
        str rank_marks,
        long sponsored,
        long meta,
        clean,
        headline,
        media,
        style,
        paid,
        tuple date_parts,
        sponsored_pairs,
        space_leads,
        Py_ssize_t max_label_chars,
        sponsored_label,
        rank,
        images,
        pictures,
        picture_parts,
        item_images,
        picture_only,
        tuple image_attributes,
        tuple unusable,
        tuple first_candidate,
        tuple placeholder_words,
        placeholder,
        image,
        background,
    ):
        cdef int c
        for c in range(TAG_LAST_ENTRY):
            self.flags[c] = 0
        for names, flag in ((skip, _SKIP), (media_tags, _MEDIA), (inline, _INLINE)):
            for name in names:
                tag_id = create_tag(name).tag_id
                if not 0 < tag_id < TAG_LAST_ENTRY:
                    raise ValueError(f"not a standard tag: {name!r}")
                self.flags[<uintptr_t>tag_id] |= flag
        for c in range(TAG_LAST_ENTRY):
            self.image_flags[c] = 0
        self.custom_images = []
        for names, flag in (
            (images, _SHOWN),
            (pictures, _PICTURE),
            (picture_parts, _PART),
            (item_images, _FOUND),
            (picture_only, _FOUND_IN_PICTURE),
        ):
            for name in names:
                tag_id = create_tag(name).tag_id
                if 0 < tag_id < TAG_LAST_ENTRY:
                    self.image_flags[<uintptr_t>tag_id] |= flag
                elif flag == _FOUND:
                    self.custom_images.append(name.lower().encode())
                else:
                    raise ValueError(f"not a standard tag: {name!r}")
        if len(image_attributes) > _MAX_IMAGE_ATTRIBUTES:
            raise ValueError(f"at most {_MAX_IMAGE_ATTRIBUTES} image attributes")
        self.image_count = len(image_attributes)
        self.image_names = image_attributes
        self.image_bytes = tuple(name.encode() for name in image_attributes)
        for c in range(self.image_count):
            self.image_ids[c] = attribute_id(self.image_bytes[c])
            self.candidates[c] = image_attributes[c] in first_candidate
        if any(not word or not word.isascii() or word != word.lower() for word in placeholder_words):
            raise ValueError("placeholder words are ASCII in lower case")
        if len(placeholder_words) > _MAX_WORDS or any(len(word) > _MAX_WORD_BYTES for word in placeholder_words):
            raise ValueError(f"at most {_MAX_WORDS} placeholder words of {_MAX_WORD_BYTES} bytes")
        for c in range(128):
            self.placeholder_heads[c] = 0
        for c, word in enumerate(placeholder_words):
            encoded = word.encode()
            memcpy(self.placeholder_words[c], <const unsigned char *>encoded, len(encoded))
            self.placeholder_sizes[c] = len(encoded)
            self.placeholder_heads[encoded[0]] |= 1ULL << c
        self.placeholder = placeholder
        self.unusable = tuple(prefix.encode() for prefix in unusable)
        self.image = image
        self.background = background
        for c in range(128):
            self.plain[c] = chr(c) in plain
            self.spaces[c] = chr(c) in spaces
            self.rank_marks[c] = chr(c) in rank_marks
        self.max_depth = max_depth
        self.sponsored_kind = sponsored
        self.meta_kind = meta
        self.clean = clean
        self.headline = headline
        self.media = media
        self.style = style
        self.paid = paid
        self.date_parts = date_parts
        if any(not name or not name.isascii() or not name.isalnum() or name != name.lower() for name in date_parts):
            raise ValueError("date parts are ASCII letters and digits in lower case")
        if len(date_parts) > _MAX_DATE_PARTS or any(len(name) > _MAX_WORD_BYTES for name in date_parts):
            raise ValueError(f"at most {_MAX_DATE_PARTS} date parts of {_MAX_WORD_BYTES} bytes")
        self.date_part_count = len(date_parts)
        for c, name in enumerate(date_parts):
            encoded = name.encode()
            memcpy(self.date_part_names[c], <const unsigned char *>encoded, len(encoded))
            self.date_part_sizes[c] = len(encoded)
        _set_pairs(&self.sponsored_pairs, sponsored_pairs, space_leads)
        self.max_label_chars = max_label_chars
        self.sponsored_label = sponsored_label
        self.rank = rank

    def read(self, root, skip, out, tokens, bint with_image=True, apart=None):
        """Walks ``root``'s subtree into ``out``: its text runs, cleaned, appended to
        ``out.segments`` (empty ones left out), and what the rules set; ``with_image``,
        the root's background first and the image searched after the walk. ``apart``,
        an element below ``root``, is passed over whole, its images too."""
        self._fill(
            c_node(root),
            c_node(skip) if skip is not None else NULL,
            <ItemText?>out,
            tokens,
            root.parser,
            with_image,
            c_node(apart) if apart is not None else NULL,
        )

    cdef int _fill(
        self, ps_node *top, ps_node *passed, ItemText out, object tokens, object parser, bint with_image, ps_node *apart
    ) except -1:
        cdef ps_node *outer = self.apart  # a rule's call may walk another item meanwhile
        self.apart = apart
        try:
            self._fill_apart(top, passed, out, tokens, parser, with_image)
        finally:
            self.apart = outer
        return 0

    cdef int _fill_apart(
        self, ps_node *top, ps_node *passed, ItemText out, object tokens, object parser, bint with_image
    ) except -1:
        cdef ps_str *style
        cdef _Text text
        if with_image:
            style = _style(top)
            if style != NULL and style.data != NULL and style.length:
                out.background = self.background(value_text(style))  # the card's own
        text.data = NULL
        text.length = text.size = 0
        text.odd = False
        try:
            self._walk(&text, top, passed, 0, out, tokens.facts, tokens, parser)
            self._flush(&text, out.segments)
        finally:
            free(text.data)
        if with_image and out.image is None:
            out.image = self._search(top)
            if out.image is None:
                out.image = out.background  # a card without an <img>
        return 0

    cdef object _search(self, ps_node *root):
        """The image of the first element of ``item_images`` at or below ``root``
        that shows one."""
        cdef ps_node *node = root
        cdef uintptr_t tag
        cdef unsigned char flags
        while node != NULL:
            if node == self.apart:
                node = next_in(node, root, False)
                continue
            if node.type == PS_ELEMENT:
                tag = node.local_name
                flags = self.image_flags[tag] if tag < TAG_LAST_ENTRY else 0
                if (flags & _FOUND or (tag >= TAG_LAST_ENTRY and self._custom_image(tag))) and (
                    not flags & _FOUND_IN_PICTURE or self._in_picture(node)
                ):
                    source = self._source(node)
                    if source is not None:
                        return source
            node = next_in(node, root, True)
        return None

    cdef bint _custom_image(self, uintptr_t tag):
        cdef bytes name
        for name in self.custom_images:
            if entry_named(tag, TAG_LAST_ENTRY, name, len(name)):
                return True
        return False

    cdef bint _in_picture(self, ps_node *node) noexcept:
        """Whether an element of ``pictures`` holds ``node``, at any level above it."""
        node = node.parent
        while node != NULL:
            if node.local_name < TAG_LAST_ENTRY and self.image_flags[node.local_name] & _PICTURE:
                return True
            node = node.parent
        return False

    cdef object _source(self, ps_node *node):
        """The image ``node`` shows by its attributes (``image_attributes``), or None."""
        cdef ps_str *values[_MAX_IMAGE_ATTRIBUTES]
        cdef ps_attr *attr = (<ps_element *>node).first_attr
        cdef ps_str *value
        cdef int i
        cdef bytes name, prefix
        cdef bint usable
        for i in range(self.image_count):
            values[i] = NULL
        while attr != NULL:  # the last of a name, as a dict of the attributes keeps
            for i in range(self.image_count):
                if self.image_ids[i] != PS_ATTR_LAST_ENTRY:
                    if attr.node.local_name == self.image_ids[i]:
                        values[i] = attr.value
                else:
                    name = self.image_bytes[i]
                    if named(attr, name, len(name)):
                        values[i] = attr.value
            attr = attr.next
        for i in range(self.image_count):
            value = values[i]
            if value == NULL or value.data == NULL or value.length == 0:
                continue
            usable = True
            for prefix in self.unusable:
                if value.length >= <size_t>len(prefix) and memcmp(
                    value.data, <const unsigned char *>prefix, len(prefix)
                ) == 0:
                    usable = False
                    break
            if usable:
                if _is_ascii(value.data, value.length):
                    source = self._ascii_image(value.data, value.length, self.candidates[i])
                else:
                    source = self.image(self.image_names[i], value_text(value))
                if source is not None:
                    return source
        return None

    cdef object _ascii_image(self, const unsigned char *data, size_t length, bint candidate):
        """The image an ASCII source value shows (``image`` for one beyond ASCII)."""
        cdef size_t start = 0
        cdef size_t end = length
        cdef size_t i
        cdef bytes word
        if candidate:  # value.strip().split(",")[0].strip().split(" ")[0]
            start, end = self._stripped(data, start, end)
            for i in range(start, end):
                if data[i] == 44:  # ","
                    end = i
                    break
            start, end = self._stripped(data, start, end)
            for i in range(start, end):
                if data[i] == 32:
                    end = i
                    break
        source = PyUnicode_DecodeASCII(<const char *>data + start, end - start, NULL)
        if self._may_be_placeholder(data + start, end - start):
            return source if self.placeholder(source) is None else None
        return source

    cdef bint _may_be_placeholder(self, const unsigned char *data, size_t length) noexcept:
        """Whether ASCII ``data`` holds one of ``placeholder_words``, in any case."""
        cdef size_t i
        cdef int k
        cdef unsigned long long heads
        for i in range(length):
            heads = self.placeholder_heads[lower(data[i])]
            while heads:
                k = __builtin_ctzll(heads)
                heads &= heads - 1
                if length - i >= self.placeholder_sizes[k] and equal_caseless(
                    data + i, self.placeholder_words[k], self.placeholder_sizes[k]
                ):
                    return True
        return False

    cdef (size_t, size_t) _stripped(self, const unsigned char *data, size_t start, size_t end) noexcept:
        """``str.strip`` of ASCII ``data[start:end]``: the ASCII white space it strips is
        what ``str.split`` splits on (``spaces``)."""
        while start < end and self.spaces[data[start]]:
            start += 1
        while end > start and self.spaces[data[end - 1]]:
            end -= 1
        return start, end

    cdef int _shown(self, ps_node *node, ItemText out) except -1:
        """The image an element of ``images`` or ``pictures`` shows, while none is found."""
        cdef ps_node *part
        if self.image_flags[node.local_name] & _SHOWN:
            out.image = self._source(node)
            return 0
        if not out.image:
            out.image = self._source(node)
        part = node.first_child
        while part != NULL:
            if (
                part.type == PS_ELEMENT
                and part.local_name < TAG_LAST_ENTRY
                and self.image_flags[part.local_name] & _PART
                and not out.image
            ):
                out.image = self._source(part)
            part = next_in(part, node, True)
        return 0

    cdef int _walk(
        self, _Text *text, ps_node *node, ps_node *passed, int depth, ItemText out, PageFacts facts, object tokens, object parser
    ) except -1:
        cdef ps_node *child
        if depth > self.max_depth:
            return 0  # pathological nesting: the text below is not an item's
        child = node.first_child
        while child != NULL:
            if child.local_name == TAG_TEXT:
                self._text(text, <ps_character_data *>child)
            elif child.type == PS_ELEMENT:
                self._element(text, child, passed, depth, out, facts, tokens, parser)
            child = child.next
        return 0

    cdef int _text(self, _Text *text, ps_character_data *node) except -1:
        cdef const unsigned char *data = node.data.data
        cdef size_t length = node.data.length
        cdef size_t i
        cdef bint wide = False
        cdef unsigned char byte
        if data == NULL:
            return 0
        for i in range(length):
            byte = data[i]
            if byte >= 0x80:
                wide = True
            elif not self.plain[byte]:
                text.odd = True
        if wide:
            text.odd = True
            if not _utf8(data, length):
                # As selectolax decodes a text node: its bytes that are not UTF-8 replaced.
                fixed = PyUnicode_DecodeUTF8(<const char *>data, length, "replace").encode()
                return _add(text, <bytes>fixed, len(fixed))
        return _add(text, data, length)

    cdef int _flush(self, _Text *text, list segments) except -1:
        """Ends the run: its text, cleaned, is a segment unless empty."""
        cdef size_t i, kept = 0
        cdef bint gap = False
        cdef unsigned char byte
        if text.length == 0:
            return 0
        if text.odd:
            cleaned = self.clean(PyUnicode_DecodeUTF8(<const char *>text.data, text.length, NULL))
            if cleaned:
                segments.append(cleaned)
        else:
            # Whitespace folded as ``" ".join(text.split())``, in place.
            for i in range(text.length):
                byte = text.data[i]
                if self.spaces[byte]:
                    gap = kept > 0
                else:
                    if gap:
                        text.data[kept] = 32
                        kept += 1
                        gap = False
                    text.data[kept] = byte
                    kept += 1
            if kept:
                segments.append(PyUnicode_DecodeASCII(<const char *>text.data, kept, NULL))
        text.length = 0
        text.odd = False
        return 0

    cdef int _element(
        self, _Text *text, ps_node *node, ps_node *passed, int depth, ItemText out, PageFacts facts, object tokens, object parser
    ) except -1:
        cdef uintptr_t tag = node.local_name
        cdef unsigned char flags = self.flags[tag] if tag < TAG_LAST_ENTRY else 0
        cdef ps_attr *attr
        cdef ps_str *klass = NULL
        cdef ps_str *ident = NULL
        cdef ps_str *style = NULL
        cdef bint styled = False
        cdef long kinds = 0
        cdef list segments
        if node == self.apart:
            self._flush(text, out.segments)
            return 0
        if node == passed:
            if self._blank(text):
                return 0  # no words before the headline on its line: ``KEEP``
            before = PyUnicode_DecodeUTF8(<const char *>text.data, text.length, NULL)
            answer = self.headline(before, wrap(node, parser))
            if answer != KEEP:
                segments = out.segments
                self._flush(text, segments)
                if answer == LEAD_IN:
                    out.lead_in = len(segments) - 1
            return 0
        if flags & _SKIP:
            if self.image_flags[tag] & (_SHOWN | _PICTURE):
                if out.image is None:
                    self._shown(node, out)
            elif flags & _MEDIA:
                self.media(wrap(node, parser), out)
            return 0
        attr = (<ps_element *>node).first_attr
        while attr != NULL:  # the last of a name, as a dict of the attributes keeps
            if attr.node.local_name == _CLASS:
                klass = attr.value
            elif attr.node.local_name == _ID:
                ident = attr.value
            elif attr.node.local_name == _STYLE:
                styled = True
                style = attr.value
            elif named(attr, _HIDDEN, 6):
                return 0
            elif named(attr, _ARIA_HIDDEN, 11):
                if attr.value != NULL and _equals(attr.value, _TRUE):
                    return 0
            attr = attr.next
        if styled and self.style(out, value_text(style)):
            return 0
        if _length(klass) or _length(ident):
            kinds = facts.kinds_of(node, parser)
        if kinds & self.sponsored_kind:
            self.paid(out, wrap(node, parser))
        if kinds & self.meta_kind:
            self._meta_part(out, wrap(node, parser), tokens)
            return 0
        if (
            node.first_child != NULL
            and node.first_child.next == NULL
            and may_rank(node, self.spaces, self.rank_marks)
        ):
            if self.rank(deep_text(node)):
                return 0  # an element holding only a small number: a rank or a count
        if not flags & _INLINE:
            self._flush(text, out.segments)
        self._walk(text, node, passed, depth + 1, out, facts, tokens, parser)
        if not flags & _INLINE:
            self._flush(text, out.segments)
        return 0

    cdef int _meta_part(self, ItemText out, object part, object tokens) except -1:
        """A meta part: the item's date when named as one, a paid label, or a part kept
        for the date it may show."""
        cdef ps_node *node = c_node(part)
        cdef str text = self._cleaned(node)
        cdef Py_ssize_t n
        cdef int named
        cdef frozenset parts
        if out.date is None:
            named = self._names_date(node)
            if named < 0:  # a name beyond ASCII: its parts as ``str.lower`` makes them
                parts = tokens.of(part)[0]
                named = any(name in parts for name in self.date_parts)
            if named:
                out.date = text or None
        if not out.paid:
            n = PyUnicode_GET_LENGTH(text)
            if (
                n <= self.max_label_chars
                and _may_open(&self.sponsored_pairs, PyUnicode_KIND(text), PyUnicode_DATA(text), n)
                and self.sponsored_label(text) is not None
            ):
                out.paid = True
        if out.date is None:
            out.meta_parts.append(part)
        return 0

    cdef int _names_date(self, ps_node *node) noexcept:
        """Whether one of ``date_parts`` is a part of the element's class or id, as
        ``tokens.of(node)`` makes them (the maximal runs of ASCII letters and digits of
        ``f"{class} {id}"`` in lower case): 1 or 0; -1 when a name holds a byte beyond
        ASCII, which ``str.lower`` may make an ASCII letter (the Kelvin sign)."""
        cdef ps_attr *attr = (<ps_element *>node).first_attr
        cdef ps_str *names[2]
        cdef const unsigned char *data
        cdef size_t length, i, start, size
        cdef int k, part
        cdef int found = 0
        names[0] = names[1] = NULL
        while attr != NULL:  # the last of a name, as a dict of the attributes keeps
            if attr.node.prefix == 0:
                if attr.node.local_name == _CLASS:
                    names[0] = attr.value
                elif attr.node.local_name == _ID:
                    names[1] = attr.value
            attr = attr.next
        for k in range(2):
            length = _length(names[k])
            data = names[k].data if length else NULL
            start = 0
            for i in range(length + 1):
                if i < length:
                    if data[i] >= 0x80:
                        return -1
                    if _ALNUM[data[i]]:
                        continue
                size = i - start
                if size and not found:
                    for part in range(self.date_part_count):
                        if size == self.date_part_sizes[part] and equal_caseless(
                            data + start, self.date_part_names[part], size
                        ):
                            found = 1
                            break
                start = i + 1
        return found

    cdef str _cleaned(self, ps_node *root):
        """``clean(node.text())``: the text folded here when its bytes are all of
        ``plain``."""
        cdef _Text text
        cdef ps_node *node = root.first_child
        cdef size_t i
        cdef list cleaned = []
        text.data = NULL
        text.length = text.size = 0
        text.odd = False
        try:
            while node != NULL:
                if node.local_name == TAG_TEXT and (<ps_character_data *>node).data.data != NULL:
                    _add(&text, (<ps_character_data *>node).data.data, (<ps_character_data *>node).data.length)
                node = next_in(node, root, True)
            for i in range(text.length):
                if text.data[i] >= 0x80 or not self.plain[text.data[i]]:
                    text.odd = True
                    break
            if text.odd:  # decoded as ``node.text()`` decodes it
                return self.clean(PyUnicode_DecodeUTF8(<const char *>text.data, text.length, "replace"))
            self._flush(&text, cleaned)
            return cleaned[0] if cleaned else ""
        finally:
            free(text.data)

    cdef bint _blank(self, _Text *text) noexcept:
        """Whether the run holds nothing but ASCII white space (``spaces``): no text
        before the headline, which the rule answers ``KEEP`` for."""
        cdef size_t i
        for i in range(text.length):
            if text.data[i] >= 0x80 or not self.spaces[text.data[i]]:
                return False
        return True


cdef bint may_rank(ps_node *root, const unsigned char *spaces, const unsigned char *rank_marks) noexcept:
    """Whether the text below ``root`` may match the rank pattern: no ASCII
    character but digits, ``rank_marks`` and whitespace (``spaces``), and a digit or
    a character other than ASCII (a digit of another script, a wide space); each
    table has a byte for each ASCII character."""
    cdef ps_node *node = root.first_child
    cdef const unsigned char *data
    cdef size_t i
    cdef unsigned char byte
    cdef bint needed = False
    while node != NULL:
        if node.local_name == TAG_TEXT and (<ps_character_data *>node).data.data != NULL:
            data = (<ps_character_data *>node).data.data
            for i in range((<ps_character_data *>node).data.length):
                byte = data[i]
                if byte >= 0x80 or 48 <= byte <= 57:
                    needed = True
                elif not (spaces[byte] or rank_marks[byte]):
                    return False
        node = next_in(node, root, True)
    return needed


cdef str deep_text(ps_node *root):
    """``node.text()``: the bytes of the text nodes below ``root``, decoded together."""
    cdef _Text text
    cdef ps_node *node = root.first_child
    text.data = NULL
    text.length = text.size = 0
    try:
        while node != NULL:
            if node.local_name == TAG_TEXT and (<ps_character_data *>node).data.data != NULL:
                _add(&text, (<ps_character_data *>node).data.data, (<ps_character_data *>node).data.length)
            node = next_in(node, root, True)
        if text.length == 0:
            return ""
        return PyUnicode_DecodeUTF8(<const char *>text.data, text.length, "replace")
    finally:
        free(text.data)


cdef inline bint _kept_ascii(unsigned char byte) noexcept:
    """Whether ``byte`` is an ASCII character ``normalize_text`` keeps: a printable one,
    or a tab, newline or carriage return (white space); it removes the other controls
    (``text.INVISIBLE``)."""
    return 0x20 <= byte < 0x7F or byte == 0x09 or byte == 0x0A or byte == 0x0D


def text_opening(node, size_t length):
    """``opening`` of the node's C node: the tests' door to it (the package calls
    ``opening`` in C, through ``_fields.pxd``)."""
    return opening(c_node(node), length)


cdef object opening(ps_node *root, size_t length):
    """``node.text()`` when its text nodes hold ``length`` bytes or fewer, with True;
    else the text before the last ASCII character that folding keeps (``_kept_ascii``)
    among the bytes from ``length // 2`` to ``length``, with False; None when no such
    character is there.

    Cut before such a character, the text folded (``normalize_text``) is the start of
    the whole text folded: no character before it composes with one after it in NFC
    (no composition ends in an ASCII character, and none reorders across one; a control
    character folding removes would let the two meet), a run of
    whitespace across it folds to the space it ends in, and bytes that are not UTF-8
    are replaced alike on both sides of it."""
    cdef ps_node *at = root.first_child
    cdef _Text text
    cdef size_t cut
    text.data = NULL
    text.length = text.size = 0
    try:
        while at != NULL and text.length <= length:
            if at.local_name == TAG_TEXT and (<ps_character_data *>at).data.data != NULL:
                _add(&text, (<ps_character_data *>at).data.data, (<ps_character_data *>at).data.length)
            at = next_in(at, root, True)
        if text.length <= length:
            if text.length == 0:
                return "", True
            return PyUnicode_DecodeUTF8(<const char *>text.data, text.length, "replace"), True
        cut = length
        while cut > length // 2 and not _kept_ascii(text.data[cut]):
            cut -= 1
        if not _kept_ascii(text.data[cut]):
            return None
        return PyUnicode_DecodeUTF8(<const char *>text.data, cut, "replace"), False
    finally:
        free(text.data)


cdef ps_str *_style(ps_node *node) noexcept:
    """The element's ``style`` value (the last of the name), NULL without one."""
    cdef ps_attr *attr = (<ps_element *>node).first_attr
    cdef ps_str *style = NULL
    while attr != NULL:
        if attr.node.local_name == _STYLE:
            style = attr.value
        attr = attr.next
    return style


cdef bint _is_ascii(const unsigned char *data, size_t length) noexcept:
    cdef size_t i
    for i in range(length):
        if data[i] >= 0x80:
            return False
    return True


cdef inline size_t _length(ps_str *value) noexcept:
    return value.length if value != NULL and value.data != NULL else 0


cdef inline bint _equals(ps_str *value, bytes expected) noexcept:
    cdef size_t length = _length(value)
    return length == <size_t>len(expected) and memcmp(value.data, <const unsigned char *>expected, length) == 0


cdef class ItemLines:
    """The loop of ``teasers._read`` over an item's lines: ``read(lines, lead_in,
    title, times, timed, date, paid)`` answers ``(parts, date, paid, product,
    length)`` as that loop left them. Each line is read once in C for the gates of
    the rules; a rule (its pattern, or its Python) is asked only where its gate opens:

    - ``sponsored(text)`` of a line of ``max_label_chars`` at most whose first two
      characters may open a paid label (``sponsored_pairs``, ``space_leads``): the
      line marks the item paid;
    - ``price(text)`` of a line of ``max_price_chars`` at most holding a currency sign
      of ``find``'s ``price_bit`` (or not folding as ASCII): a product's line;
    - ``nav(text)`` where ``find`` says ``nav_bit``, ``byline(text)`` where the first two
      characters may open one (``byline_pairs``): no snippet; while no date is found,
      ``byline_date(times, text)`` of a line of ``max_meta_chars`` at most holding one of
      ``meta_marks`` is the date;
    - ``cut(text)`` where ``find`` says ``read_more_bit``: the line without its call;
    - while no date is found, the line without the label separators closing it
      (``label_separators``, then spaces) is ``moment(times, shown)`` when it is of
      ``max_date_chars`` at most and ``timed`` or holds a digit, else
      ``between(times, shown)`` when it is of ``max_meta_chars`` at most, holds one of
      ``meta_marks`` and is ``timed`` or holds a digit (without the moment of fetching a
      run of parts without one is neither a date, which ``is_date`` asks a digit of, nor
      a time line); a moment found is the date unless ``bare(moment)`` (a number and a
      unit alone: the length, when none is found yet), and the line no snippet;
    - the line at ``lead_in`` is no snippet; ``unlabel(text)`` where its first two
      characters may open a label (``label_pairs``, ``label_leads``), then
      ``unseparate(text)`` where it opens with one of ``snippet_starts``;
    - what is left, other than ``title`` and not ASCII of fewer than ``min_words``
      words, is a part of the snippet when ``snippet(text, title)``.

    ``tests/unit/extract/test_item_lines.py`` checks it against that loop in Python.
    """

    cdef object find
    cdef unsigned long long nav_bit, price_bit, read_more_bit, folds_bit
    cdef _Pairs sponsored_pairs, byline_pairs, label_pairs
    cdef Py_ssize_t max_label_chars, max_price_chars, max_date_chars, max_meta_chars
    cdef Py_ssize_t min_words
    cdef _Marks label_separators, meta_marks, snippet_starts
    cdef object sponsored, price, nav, byline, byline_date, cut, moment, between, bare
    cdef object unlabel, unseparate, snippet

    def __init__(
        self,
        *,
        find,
        unsigned long long nav_bit,
        unsigned long long price_bit,
        unsigned long long read_more_bit,
        unsigned long long folds_bit,
        sponsored_pairs,
        byline_pairs,
        label_pairs,
        space_leads,
        label_leads,
        Py_ssize_t max_label_chars,
        Py_ssize_t max_price_chars,
        Py_ssize_t max_date_chars,
        Py_ssize_t max_meta_chars,
        Py_ssize_t min_words,
        str label_separators,
        str meta_marks,
        str snippet_starts,
        sponsored,
        price,
        nav,
        byline,
        byline_date,
        cut,
        moment,
        between,
        bare,
        unlabel,
        unseparate,
        snippet,
    ):
        self.find = find
        self.nav_bit = nav_bit
        self.price_bit = price_bit
        self.read_more_bit = read_more_bit
        self.folds_bit = folds_bit
        _set_pairs(&self.sponsored_pairs, sponsored_pairs, space_leads)
        _set_pairs(&self.byline_pairs, byline_pairs, space_leads)
        _set_pairs(&self.label_pairs, label_pairs, label_leads)
        self.max_label_chars = max_label_chars
        self.max_price_chars = max_price_chars
        self.max_date_chars = max_date_chars
        self.max_meta_chars = max_meta_chars
        self.min_words = min_words
        _set_marks(&self.label_separators, label_separators)
        _set_marks(&self.meta_marks, meta_marks)
        _set_marks(&self.snippet_starts, snippet_starts)
        self.sponsored = sponsored
        self.price = price
        self.nav = nav
        self.byline = byline
        self.byline_date = byline_date
        self.cut = cut
        self.moment = moment
        self.between = between
        self.bare = bare
        self.unlabel = unlabel
        self.unseparate = unseparate
        self.snippet = snippet

    def read(self, list lines, Py_ssize_t lead_in, str title, times, bint timed, date, bint paid):
        return self._read(lines, lead_in, title, times, timed, date, paid)

    cdef tuple _read(self, list lines, Py_ssize_t lead_in, str title, object times, bint timed, object date, bint paid):
        cdef list parts = []
        cdef bint product = False
        cdef object length = None
        cdef object moment
        cdef Py_ssize_t index, n, i, shown_n, words
        cdef int kind
        cdef void *data
        cdef unsigned long long found
        cdef ucs4 c
        cdef bint digit, mark, gap
        for index in range(len(lines)):
            text = <str>lines[index]
            n = PyUnicode_GET_LENGTH(text)
            kind = PyUnicode_KIND(text)
            data = PyUnicode_DATA(text)
            if (
                n <= self.max_label_chars
                and _may_open(&self.sponsored_pairs, kind, data, n)
                and self.sponsored(text) is not None
            ):
                paid = True
                continue
            found = self.find(text)
            if n <= self.max_price_chars and (found & self.price_bit or not found & self.folds_bit):
                if self.price(text):
                    product = True
                    continue
            if (found & self.nav_bit and self.nav(text) is not None) or (
                _may_open(&self.byline_pairs, kind, data, n) and self.byline(text) is not None
            ):
                if date is None and n <= self.max_meta_chars and _marked(&self.meta_marks, kind, data, n):
                    date = self.byline_date(times, text)
                continue
            if found & self.read_more_bit:
                text = self.cut(text)
                n = PyUnicode_GET_LENGTH(text)
                kind = PyUnicode_KIND(text)
                data = PyUnicode_DATA(text)
            if date is None:
                shown_n = n
                if n and _is_mark(&self.label_separators, PyUnicode_READ(kind, data, n - 1)):
                    while shown_n and (
                        PyUnicode_READ(kind, data, shown_n - 1) == 32
                        or _is_mark(&self.label_separators, PyUnicode_READ(kind, data, shown_n - 1))
                    ):
                        shown_n -= 1
                digit = mark = False
                if shown_n <= self.max_meta_chars or shown_n <= self.max_date_chars:
                    for i in range(shown_n):
                        c = PyUnicode_READ(kind, data, i)
                        if Py_UNICODE_ISDECIMAL(c):
                            digit = True
                        elif _is_mark(&self.meta_marks, c):
                            mark = True
                moment = None
                if shown_n <= self.max_date_chars and (timed or digit):
                    shown = PyUnicode_Substring(text, 0, shown_n) if shown_n < n else text
                    moment = self.moment(times, shown)
                if moment is None and mark and (timed or digit) and shown_n <= self.max_meta_chars:
                    shown = PyUnicode_Substring(text, 0, shown_n) if shown_n < n else text
                    moment = self.between(times, shown)
                if moment is not None:
                    if self.bare(moment) is None:
                        date = moment
                    elif length is None:
                        length = moment
                    continue
            if index == lead_in:
                continue
            if _may_open(&self.label_pairs, kind, data, n):
                text = self.unlabel(text)
                n = PyUnicode_GET_LENGTH(text)
                kind = PyUnicode_KIND(text)
                data = PyUnicode_DATA(text)
            if n and _is_mark(&self.snippet_starts, PyUnicode_READ(kind, data, 0)):
                text = self.unseparate(text)
                n = PyUnicode_GET_LENGTH(text)
                kind = PyUnicode_KIND(text)
                data = PyUnicode_DATA(text)
            if n == 0 or text == title:
                continue
            if PyUnicode_IS_ASCII(text):
                words = 0
                gap = True
                for i in range(n):
                    if Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
                        gap = True
                    elif gap:
                        words += 1
                        gap = False
                if words < self.min_words:
                    continue  # too short for a sentence
            if self.snippet(text, title):
                parts.append(text)
        return parts, date, paid, product, length



cdef uintptr_t _DATETIME = attribute_id(b"datetime")


cdef class ItemReader:
    """``teasers._read``: ``read(node, link, page)`` is the item's record (made by
    ``records`` from the item's values and ``tail``, the values of the fields after
    ``product``): the walk (``walk``, an ``ItemWalk``, of ``node`` passing over the
    headline), then the lines (``lines``, an ``ItemLines``), in one call.

    The headline passed over is ``link.headline``; when that is the link itself and
    the link has a heading, the nearest element of ``headings`` at or above the link,
    else ``link.headline``. An item that is that element shows no lines. ``apart``, an
    element below ``node``, is passed over whole (``ItemWalk.read``). A date the
    walk found that may be a meta line (``max_meta_chars`` at most, holding one of
    ``meta_marks``) is asked ``meta_line(date)``, and then is ``time_in(times, date)``
    or itself. Without a date after the lines, each meta part the walk kept is read in
    turn for one:

    - its text is the ``datetime`` value, else the text, of its first element of
      ``time_tag`` (at or below it), stripped; else its text cleaned as the walk
      cleans a meta part's, and when that shows no date, each of its child elements'
      text in turn (a byline and a date each in its own element); an empty text is
      passed over;
    - it is the date when ``is_date(times, text)``, asked of a text of
      ``max_date_chars`` at most holding a decimal digit (``\\d``, which every date
      ``is_date`` reads holds), or when ``is_time_line(times, text)``, asked with the
      moment of fetching (``timed``) of such a text, and not ``names_length(part,
      tokens)``;
    - else, with ``timed`` or a digit, of ``max_meta_chars`` at most and holding one of
      ``meta_marks``: when ``meta_line(text)`` and not ``names_length(part, tokens)``,
      ``between(times, text)`` if it finds one (without the moment of fetching a run
      of parts without a digit is neither a date nor a time line).

    A date so found that is ``bare`` (a number and a unit alone) is the length, when
    none is found yet. Without a date, a length is the date unless ``plays_media(node,
    link, found, length)``. The snippet is the parts the lines left, joined by a
    space, when ``word_count`` counts ``min_words`` or more in it.
    ``tests/unit/extract/test_item_reader.py`` checks it against the Python it
    replaced on generated items.
    """

    cdef ItemWalk walk
    cdef ItemLines lines
    cdef object records, meta_line, time_in, is_date, is_time_line, between
    cdef object names_length, bare, plays_media, word_count
    cdef tuple tail
    cdef unsigned char headings[TAG_LAST_ENTRY]
    cdef uintptr_t time_tag
    cdef Py_ssize_t max_date_chars, max_meta_chars, min_words
    cdef _Marks meta_marks

    def __init__(
        self,
        *,
        ItemWalk walk not None,
        ItemLines lines not None,
        records,
        tuple tail,
        headings,
        str time_tag,
        Py_ssize_t max_date_chars,
        Py_ssize_t max_meta_chars,
        str meta_marks,
        Py_ssize_t min_words,
        meta_line,
        time_in,
        is_date,
        is_time_line,
        between,
        names_length,
        bare,
        plays_media,
        word_count,
    ):
        if min_words < 1:
            raise ValueError("an empty snippet counts no word: min_words is 1 or more")
        self.walk = walk
        self.lines = lines
        self.records = records
        self.tail = tail
        tag_table(self.headings, headings)
        self.time_tag = tag_id(time_tag)
        self.max_date_chars = max_date_chars
        self.max_meta_chars = max_meta_chars
        _set_marks(&self.meta_marks, meta_marks)
        self.min_words = min_words
        self.meta_line = meta_line
        self.time_in = time_in
        self.is_date = is_date
        self.is_time_line = is_time_line
        self.between = between
        self.names_length = names_length
        self.bare = bare
        self.plays_media = plays_media
        self.word_count = word_count

    def read(self, node, link, page, apart=None):
        cdef ps_node *item = c_node(node)
        cdef ps_node *passed = c_node(link.headline)
        cdef ps_node *heading
        cdef Py_ssize_t n
        cdef bint paid, product
        cdef tuple read
        times = page.times
        tokens = page.tokens
        cdef bint timed = times.fetched_at is not None
        if passed == c_node(link.node) and link.heading is not None:
            heading = passed
            while heading != NULL and not (heading.local_name < TAG_LAST_ENTRY and self.headings[heading.local_name]):
                heading = heading.parent
            if heading != NULL:
                passed = heading
        cdef ItemText found = ItemText()
        self.walk._fill(item, passed, found, tokens, node.parser, True, c_node(apart) if apart is not None else NULL)
        date = found.date
        if date is not None:
            n = PyUnicode_GET_LENGTH(date)
            if n <= self.max_meta_chars and _holds_mark(&self.meta_marks, date) and self.meta_line(date):
                date = self.time_in(times, date) or date  # "<span class=date>News · 4 May 2026</span>"
        # An item that is the headline's own heading shows no snippet: the heading's other
        # words ("Next up in <a>Science</a>") are a label of the headline.
        read = self.lines._read(
            [] if passed == item else found.segments, found.lead_in, link.title, times, timed, date, found.paid
        )
        parts, date, paid, product, length = read
        if date is None and found.meta_parts:
            date = self._meta_date(found.meta_parts, times, tokens, timed)
            if date is not None and self.bare(date) is not None:
                length, date = length or date, None
        if date is None and length is not None and not self.plays_media(node, link, found, length):
            date = length
        snippet = None
        if parts:
            snippet = " ".join(parts)
            if self.word_count(snippet) < self.min_words:
                snippet = None
        return record_of(self.records, (node, link, snippet, found.image, date, paid, product) + self.tail)

    cdef object _meta_date(self, list parts, object times, object tokens, bint timed):
        cdef ps_node *node
        cdef ps_node *time
        cdef ps_node *child
        cdef ps_attr *attr
        cdef ps_str *value
        cdef str text
        for part in parts:
            node = c_node(part)
            time = node
            while time != NULL and not (time.type == PS_ELEMENT and time.local_name == self.time_tag):
                time = next_in(time, node, time.type == PS_ELEMENT)
            if time != NULL:
                value = NULL
                attr = (<ps_element *>time).first_attr
                while attr != NULL:  # the last of a name, as a dict of the attributes keeps
                    if attr.node.prefix == 0 and (
                        attr.node.local_name == _DATETIME
                        if _DATETIME != PS_ATTR_LAST_ENTRY
                        else named(attr, b"datetime", 8)
                    ):
                        value = attr.value
                    attr = attr.next
                text = value_text(value) if _length(value) else deep_text(time)
                text = text.strip()
            else:
                text = self.walk._cleaned(node)
            moment = self._date_of(text, part, times, tokens, timed)
            if moment is not None:
                return moment
            if time != NULL:
                continue
            # A byline and a date, each in an element of its own ("<div class=meta><span>By
            # Sam Ortiz</span> <span>3 hours ago</span></div>"): the date's element alone.
            child = node.first_child
            while child != NULL:
                if child.type == PS_ELEMENT:
                    moment = self._date_of(self.walk._cleaned(child), part, times, tokens, timed)
                    if moment is not None:
                        return moment
                child = child.next
        return None

    cdef object _date_of(self, str text, object part, object times, object tokens, bint timed):
        """The date a meta part's ``text`` shows (``_meta_date``'s tests), or None."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
        cdef Py_ssize_t i
        cdef int kind
        cdef void *data
        cdef bint digit = False
        if n == 0:
            return None
        kind = PyUnicode_KIND(text)
        data = PyUnicode_DATA(text)
        for i in range(n):
            if Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, i)):
                digit = True
                break
        if n <= self.max_date_chars and (digit or timed):
            if (digit and self.is_date(times, text)) or (
                timed and self.is_time_line(times, text) and not self.names_length(part, tokens)
            ):
                return text
        if (
            (digit or timed)
            and n <= self.max_meta_chars
            and _holds_mark(&self.meta_marks, text)
            and self.meta_line(text)
            and not self.names_length(part, tokens)
        ):
            return self.between(times, text)
        return None

