# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The first reading of a page's links for headlines (``teaser_items.headline_links``),
and the sentence around a link, in C.

Most of a page's links are navigation labels of a word or two, which the
headline test drops at its first look: reading each one's text, counting its
words and reading its target from Python was about a fifth of ``split()``. One
walk here finds the headings and the links (``h1, h2, h3, h4, h5, h6, a[href]``),
counts each link's words on its text nodes' bytes, drops the links that the
first test drops, and hands over the others with their text, word count and
target read. ``tests/unit/extract/test_links.py`` checks the answers against
the Python reading on generated pages.

``RunningText`` reads the sentence around a headline link (``teaser_items.
in_running_text``) from the nodes of its block; ``tests/unit/extract/
test_running_text.py`` checks it against the Python reading it replaced.

``HeadlineLinks`` is the loop of ``teaser_items.headline_links`` over the links the
scan keeps, asking the compiled tests of the other modules through their ``.pxd``
without a Python call between them; ``tests/unit/extract/test_headline_links.py``
checks it against the Python loop it replaced.
"""

from cpython.unicode cimport (
    Py_UNICODE_ISALNUM,
    Py_UNICODE_ISDECIMAL,
    Py_UNICODE_ISLOWER,
    Py_UNICODE_ISSPACE,
    Py_UNICODE_ISUPPER,
    PyUnicode_DecodeUTF8,
    PyUnicode_FindChar,
)
from libc.stdint cimport uintptr_t
from libc.stdlib cimport free, realloc
from libc.string cimport memcpy, memset, strlen

from urllib.parse import urljoin

from selectolax.lexbor import LexborNode, create_tag

from service.extract._inside cimport Inside, inside_of
from service.extract._items cimport PageFacts
from service.extract._lexbor cimport (
    PS_ELEMENT,
    PS_TEXT,
    TAG_LAST_ENTRY,
    TAG_TEXT,
    all_spaces,
    attribute_id,
    c_node,
    entry_named,
    next_in,
    ps_attr,
    ps_character_data,
    ps_element,
    ps_node,
    ps_spaces,
    set_spaces,
    split_space,
    start,
    tag_id,
    tag_table,
    text_bytes,
    wrap,
)
from service.extract._paths cimport key, listing, path_of_bytes, slashes_only, story
from service.extract._records cimport record_of
from service.extract._title cimport rejects, title_of
from service.extract._unicode cimport (
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_IS_ASCII,
    PyUnicode_KIND,
    PyUnicode_READ,
    ucs4,
)


cdef uintptr_t _A = create_tag("a").tag_id
cdef uintptr_t _HREF = attribute_id(b"href")
cdef enum:
    _MAX_TAGS = 8  # of the heading and image tags given
    # What the reading of a link's text found, besides its words.
    _NON_ASCII = 1  # a character past ASCII
    _INVALID = 2  # bytes that are not UTF-8 (the parser keeps them; decoding replaces them)


cdef class LinkScan:
    """Reads the headings and the links of a page in one walk (``scan``).

    ``spaces`` is every character that ``str.split`` splits on; ``headings``,
    ``images`` and ``inline`` (the inline elements of ``alone``) are tag names
    (lowercase); the numbers are the headline test's own:
    the levels of ancestors above a heading that hold it (``holder_depth``), the
    fewest words of a link worth reading further (``fewest_words``), the words
    counted at the most (``most_words``), and the characters from which a text
    beyond ASCII may count its words by characters (``counted_chars``); and the
    first tests of ``teaser_items.is_story_url``, which a link of fewer than
    ``story_words`` words must pass: a path of ``story_path_chars`` characters or
    more, with a segment of ``slug_joiners`` joiners ("-", "_") or a digit.
    """

    cdef ps_spaces spaces
    cdef unsigned char _heading_at[TAG_LAST_ENTRY]  # of a heading's tag, 1 + its index
    cdef tuple _heading_names
    cdef uintptr_t _images[_MAX_TAGS]  # TAG_LAST_ENTRY: compared by name
    cdef const unsigned char *_image_names[_MAX_TAGS]
    cdef size_t _image_sizes[_MAX_TAGS]
    cdef int _image_count
    cdef list _keep  # the bytes the names point into
    cdef Py_ssize_t _depth, _fewest, _most, _counted
    cdef Py_ssize_t _story_words, _path_chars, _joiners
    cdef unsigned char *_buffer  # a link's text of several text nodes, joined
    cdef size_t _size
    cdef unsigned char _inline[TAG_LAST_ENTRY]

    def __init__(
        self,
        str spaces,
        tuple headings,
        tuple images,
        tuple inline,
        Py_ssize_t holder_depth,
        Py_ssize_t fewest_words,
        Py_ssize_t most_words,
        Py_ssize_t counted_chars,
        Py_ssize_t story_words,
        Py_ssize_t story_path_chars,
        Py_ssize_t slug_joiners,
    ):
        cdef int c
        cdef bytes name
        set_spaces(&self.spaces, spaces)
        if len(headings) > _MAX_TAGS or len(images) > _MAX_TAGS:
            raise ValueError(f"at most {_MAX_TAGS} heading and image tags")
        self._heading_names = headings
        memset(self._heading_at, 0, TAG_LAST_ENTRY)
        for c, tag in enumerate(headings):
            number = create_tag(tag).tag_id
            if number >= TAG_LAST_ENTRY:
                raise ValueError(f"not a standard tag: {tag!r}")
            if not self._heading_at[number]:
                self._heading_at[number] = c + 1
        self._keep = []
        self._image_count = len(images)
        for c, tag in enumerate(images):
            name = tag.encode()
            self._keep.append(name)
            self._images[c] = min(<uintptr_t>create_tag(tag).tag_id, <uintptr_t>TAG_LAST_ENTRY)
            self._image_names[c], self._image_sizes[c] = name, len(name)
        if not 0 < fewest_words <= most_words:
            raise ValueError("fewest_words must be positive and at most most_words")
        self._depth, self._fewest, self._most, self._counted = (
            holder_depth, fewest_words, most_words, counted_chars
        )
        self._story_words, self._path_chars, self._joiners = story_words, story_path_chars, slug_joiners
        self._buffer = NULL
        self._size = 0
        tag_table(self._inline, inline)

    def __dealloc__(self):
        free(self._buffer)

    def scan(self, root: LexborNode, set holders) -> tuple:
        """``(headings, links)``: the tag of each heading of ``root``'s subtree (``root``
        included), and each link there (``a[href]``) worth reading further as
        ``(node, text, words, href)``, both in page order.

        ``text`` is ``node.text()``, ``href`` its ``href`` (or ""), ``words`` the
        words ``str.split`` finds in the text, counted up to ``most_words``. A link
        is left out when its text has no words and an image is inside it (an image
        link), or has fewer than ``fewest_words`` and that count is final: its text
        is ASCII or shorter than ``counted_chars`` characters (a longer one may count
        by characters, ``teaser_fields.word_count``).

        ``holders`` gets the ancestors up to ``holder_depth`` levels above each
        heading (by ``mem_id``), in page order; a climb stops at one already there.
        """
        return self._scan(root, holders)

    cdef tuple _scan(self, object root, set holders):
        cdef ps_node *top = c_node(root)
        cdef ps_node *node = start(top)
        cdef object parser = root.parser
        cdef list headings = []
        cdef list links = []
        cdef uintptr_t tag
        cdef ps_attr *href
        cdef int heading
        while node != NULL:
            if node.type == PS_ELEMENT:
                tag = node.local_name
                if tag == _A:
                    href = (<ps_element *>node).first_attr
                    while href != NULL and href.node.local_name != _HREF:
                        href = href.next
                    if href != NULL:
                        self._read(node, href, parser, links)
                elif tag < TAG_LAST_ENTRY and self._heading_at[tag]:
                    heading = self._heading_at[tag]
                    headings.append(self._heading_names[heading - 1])
                    self._note_holders(node, holders)
                node = next_in(node, top, True)
            else:
                node = next_in(node, top, False)
        return headings, links

    cdef void _note_holders(self, ps_node *heading, set holders) except *:
        cdef ps_node *holder = heading.parent
        cdef Py_ssize_t level
        cdef object key
        for level in range(self._depth):
            if holder == NULL:
                break
            key = <uintptr_t>holder  # one object, looked up and added
            if key in holders:
                break
            holders.add(key)
            holder = holder.parent

    cdef int _read(self, ps_node *link, ps_attr *href, object parser, list links) except -1:
        """Counts the words of ``link``'s text and adds the link to ``links`` unless
        the first test drops it."""
        cdef Py_ssize_t words = 0
        cdef Py_ssize_t chars = 0
        cdef int found = 0
        cdef bint in_word = False
        cdef int space
        cdef ps_node *node = link.first_child
        cdef const unsigned char *data
        cdef size_t length, i
        while node != NULL and words < self._most and not found & _INVALID:
            data = text_bytes(node, &length)
            if data != NULL:
                i = 0
                while i < length:
                    if data[i] >= 0x80:
                        found |= _NON_ASCII
                    space = split_space(&self.spaces, data, length, &i)
                    if space < 0:
                        found |= _INVALID
                        break
                    chars += 1
                    if space:
                        in_word = False
                    elif not in_word:
                        in_word = True
                        words += 1
                        if words == self._most:
                            break
            node = next_in(node, link, True)
        if not found & _INVALID and words < self._fewest:
            if words == 0 and self._holds_image(link):
                return 0  # an image link
            if words > 0 and (not found & _NON_ASCII or chars < self._counted):
                return 0  # a label of a word or so
        elif (
            not found & _INVALID
            and words < self._story_words
            and (not found & _NON_ASCII or chars < self._counted)
            and self._no_story_path(href)
        ):
            return 0  # a short label linking to a section or service page
        text = _joined_text(link, &self._buffer, &self._size)
        if found & _INVALID:  # counted on the decoded text, as the replaced bytes read
            # Bytes cut between text nodes may join into characters: the text is
            # dropped as above when it holds no replaced byte.
            words = len(text.split(None, self._most - 1))
            if words == 0 and self._holds_image(link):
                return 0  # an image link
            if (
                0 < words < self._fewest
                and "\ufffd" not in text
                and (text.isascii() or len(text) < self._counted)
            ):
                return 0  # a label of a word or so
        links.append((wrap(link, parser), text, words, self._href(link, href, parser)))
        return 0

    cdef bint _no_story_path(self, ps_attr *href) noexcept:
        """Whether the path of ``href`` (``teaser_items._path``) rules a story out by
        its first tests alone: shorter than ``story_path_chars``, or with neither a
        segment of ``slug_joiners`` joiners nor a digit. Answered for a path of ASCII
        without escapes ("%"), which reads the same lowercased and unquoted; any
        other is left to ``is_story_url``."""
        cdef const unsigned char *data
        cdef Py_ssize_t end, at, i
        cdef Py_ssize_t joiners = 0
        cdef bint slug = False
        cdef bint digit = False
        if href.node.prefix != 0:
            return False
        if href.value == NULL or href.value.length == 0:
            return self._path_chars > 0
        data = href.value.data
        path_of_bytes(data, href.value.length, &at, &end)
        if end - at < self._path_chars:
            for i in range(at, end):
                if data[i] >= 0x80:
                    return False  # counted in characters, not bytes
            return True
        for i in range(at, end):
            if data[i] >= 0x80 or data[i] == 37:  # "%"
                return False
            if data[i] == 47:
                joiners = 0
            elif data[i] == 45 or data[i] == 95:
                joiners += 1
                slug = slug or joiners >= self._joiners
            elif 48 <= data[i] <= 57:
                digit = True
        return not slug and not digit

    cdef bint _holds_image(self, ps_node *link) noexcept:
        """Whether an element of one of the image tags is inside ``link``."""
        cdef ps_node *node = link.first_child
        cdef uintptr_t tag
        cdef int i
        while node != NULL:
            if node.type == PS_ELEMENT:
                tag = node.local_name
                for i in range(self._image_count):
                    if tag == self._images[i] or (
                        self._images[i] == TAG_LAST_ENTRY
                        and entry_named(tag, TAG_LAST_ENTRY, self._image_names[i], self._image_sizes[i])
                    ):
                        return True
                node = next_in(node, link, True)
            else:
                node = next_in(node, link, False)
        return False

    cdef str _href(self, ps_node *link, ps_attr *href, object parser):
        """``link.attrs.get("href") or ""``. The first ``href`` by name is that one
        unless it has a prefix (``xlink:href`` in SVG), which ``attrs`` then passes
        over for a later one: asked of ``attrs`` itself."""
        if href.node.prefix != 0:
            return wrap(link, parser).attrs.get("href") or ""
        if href.value == NULL or href.value.length == 0:
            return ""
        return PyUnicode_DecodeUTF8(<char *>href.value.data, href.value.length, "replace")

    def alone(self, link: LexborNode) -> bool:
        """Whether ``link`` stands alone in a block: its parent is no inline element
        and holds nothing else but white space and comments (a headline in its
        heading, most links of a page's cards). No sentence runs around such a link."""
        return _alone(c_node(link), self._inline, &self.spaces)


cdef bint _inline_element(ps_node *node, const unsigned char *inline) noexcept:
    """Whether ``node`` is an element of the inline tags ``inline`` marks."""
    return node.type == PS_ELEMENT and node.local_name < TAG_LAST_ENTRY and inline[node.local_name]


cdef bint _alone(ps_node *node, const unsigned char *inline, const ps_spaces *spaces) noexcept:
    """``LinkScan.alone`` of the link ``node``."""
    cdef ps_node *parent = node.parent
    cdef ps_node *child
    if parent == NULL or _inline_element(parent, inline):
        return False
    child = parent.first_child
    while child != NULL:
        if child != node:
            if child.type == PS_ELEMENT:
                return False
            if child.type == PS_TEXT and not _blank_node(<ps_character_data *>child, spaces):
                return False
        child = child.next
    return True


cdef bint _blank_node(ps_character_data *text, const ps_spaces *spaces) noexcept:
    """Whether the text node holds white space alone (what ``str.strip`` strips);
    bytes that are not UTF-8 are no white space."""
    return text.data.data == NULL or all_spaces(spaces, text.data.data, text.data.length)


cdef str _joined_text(ps_node *element, unsigned char **buffer, size_t *size):
    """``element.text()``: its text nodes' bytes joined (in ``buffer``, grown to
    ``size`` as needed), decoded as selectolax decodes them (invalid bytes replaced)."""
    cdef ps_node *node = element.first_child
    cdef ps_character_data *text
    cdef ps_character_data *only = NULL
    cdef size_t total = 0
    cdef size_t at = 0
    cdef int count = 0
    cdef unsigned char *grown
    while node != NULL:
        text = <ps_character_data *>node
        if node.local_name == TAG_TEXT and text.data.data != NULL:
            only = text
            total += text.data.length
            count += 1
        node = next_in(node, element, True)
    if count == 0 or total == 0:
        return ""
    if count == 1:
        return PyUnicode_DecodeUTF8(<char *>only.data.data, only.data.length, "replace")
    if total > size[0]:
        grown = <unsigned char *>realloc(buffer[0], total)
        if grown == NULL:
            raise MemoryError()
        buffer[0], size[0] = grown, total
    node = element.first_child
    while node != NULL:
        text = <ps_character_data *>node
        if node.local_name == TAG_TEXT and text.data.data != NULL:
            memcpy(buffer[0] + at, text.data.data, text.data.length)
            at += text.data.length
        node = next_in(node, element, True)
    return PyUnicode_DecodeUTF8(<char *>buffer[0], total, "replace")


cdef uintptr_t _BR = create_tag("br").tag_id
cdef uintptr_t _LI = create_tag("li").tag_id
cdef object _UNREAD = object()  # an element not yet in the page's memo
cdef enum:
    # What the reading takes an inline element holding a digit for, until ``is_date`` is
    # asked of it: its words, no words, or what ``is_date`` answers (asked then).
    _AS_WORDS = 0
    _AS_NONE = 1
    _ASKED = 2


cdef class RunningText:
    """Whether a link sits inside a sentence (``within``): the text of its nearest
    block-level ancestor, seen through the inline elements that wrap the link, read from
    Lexbor's nodes in one walk, its characters counted and its words found here.

    The rules and their reasons are ``teaser_items._in_running_text``'s; given here:
    ``spaces`` (every character ``str.split`` splits on), the tag names of the inline
    elements (``inline``), of the blocks a link of a sentence never holds
    (``blocks_in_link``) and of the inline elements whose text is no words of a sentence
    (``unworded``); ``meta``, the class/id kinds of a meta label; the characters ending a
    sentence (``sentence_end``), closing one after its end (``closing_marks``) and
    opening a snippet's separator (``separator_starts``). The judgments that need a
    pattern stay in Python and are called with the texts read: ``is_date`` (of an inline
    element's stripped text), ``long_enough(before, after, chars)`` (of texts holding
    ``chars`` characters or more), ``short_sentence(before, after, listed)`` and
    ``snippet_apart(before, after, block)`` (after a separator's first character). A block
    holding more than ``max_links`` links is a list of them: only the text of the
    wrappers inside it counts.
    """

    cdef ps_spaces spaces
    cdef unsigned char _inline[TAG_LAST_ENTRY]
    cdef unsigned char _blocks[TAG_LAST_ENTRY]
    cdef unsigned char _unworded[TAG_LAST_ENTRY]
    cdef int _meta
    cdef str _sentence_end, _closing, _separators
    cdef object _is_date, _long_enough, _short_sentence, _snippet_apart
    cdef unsigned char *_buffer  # an element's text of several text nodes, joined
    cdef size_t _size
    cdef int _dates  # _AS_WORDS, _AS_NONE or _ASKED
    cdef Py_ssize_t _max_links
    cdef int _undecided  # the elements read that may be dates, not asked

    def __cinit__(self):
        self._buffer = NULL
        self._size = 0

    def __init__(
        self,
        str spaces,
        tuple inline,
        tuple blocks_in_link,
        tuple unworded,
        int meta,
        str sentence_end,
        str closing_marks,
        str separator_starts,
        is_date,
        long_enough,
        short_sentence,
        snippet_apart,
        Py_ssize_t max_links,
    ):
        set_spaces(&self.spaces, spaces)
        tag_table(self._inline, inline)
        tag_table(self._blocks, blocks_in_link)
        tag_table(self._unworded, unworded)
        self._meta = meta
        self._sentence_end, self._closing, self._separators = sentence_end, closing_marks, separator_starts
        self._is_date, self._long_enough = is_date, long_enough
        self._short_sentence, self._snippet_apart = short_sentence, snippet_apart
        self._max_links = max_links

    def __dealloc__(self):
        free(self._buffer)

    def within(self, link: LexborNode, Py_ssize_t chars, dict texts, facts) -> bool:
        """Whether ``link`` sits inside a sentence of ``chars`` characters or more, or
        a short sentence. ``texts`` keeps, for the page, the words each inline element
        read gives its sentence (``None``: none), by its node; ``facts`` gives the
        class/id kinds of the page's elements (``_items.PageFacts``). A link standing
        alone in its block (``LinkScan.alone``) or holding a block is in none."""
        return self._within(c_node(link), link.parser, chars, texts, facts)

    cdef bint _within(self, ps_node *node, object parser, Py_ssize_t chars, dict texts, object facts) except -1:
        cdef ps_node *child
        cdef bint running
        if chars > 0 and _alone(node, self._inline, &self.spaces):
            return False
        # An inline text that may be a date is asked of ``is_date`` (a parse) only when
        # the answer depends on it: read as words, and when it was one, as none.
        self._dates, self._undecided = _AS_WORDS, 0
        running = self._running(node, parser, chars, texts, facts)
        if self._undecided == 1:
            self._dates = _AS_NONE
            if self._running(node, parser, chars, texts, facts) != running:
                self._dates = _ASKED
                running = self._running(node, parser, chars, texts, facts)
        elif self._undecided > 1:  # either answer of each may matter: all are asked
            self._dates = _ASKED
            running = self._running(node, parser, chars, texts, facts)
        if not running:
            return False
        child = node.first_child
        while child != NULL:
            if child.type == PS_ELEMENT and child.local_name < TAG_LAST_ENTRY and self._blocks[child.local_name]:
                return False  # a card's block inside the link: no words of a sentence
            child = child.next
        return True

    cdef bint _running(self, ps_node *link, object parser, Py_ssize_t chars, dict texts, object facts) except -1:
        """``teaser_items._in_running_text``, whose doc states the rules."""
        cdef ps_node *node = link
        cdef ps_node *parent = link.parent
        cdef list before = []  # the wrappers' text before the link, innermost first
        cdef list after = []
        cdef bint ended = False  # whether a line break after the link ended its sentence
        cdef bint opened = False  # whether a blank line above the link opened its paragraph
        cdef list pieces, breaks, linked, head, tail
        cdef Py_ssize_t cut, start, end, links, at
        while parent != NULL and _inline_element(parent, self._inline):
            pieces, breaks = [], []
            links = self._read(parent, node, parser, texts, facts, pieces, breaks, None, &cut)
            if links > self._max_links:
                return self._enough(before, after, chars)  # a list of links, not read whole
            start = 0 if opened else self._paragraph_start(pieces, breaks, cut)
            if opened:
                start = cut  # nothing before it counts
            opened = opened or start > 0
            end = self._line_end(pieces, breaks, cut)
            if ended:
                end = cut
            ended = ended or end < len(pieces)
            if links > (node == link) and not (
                _has_word(pieces, start, cut) or _has_word(pieces, cut, end)
            ):
                return self._enough(before, after, chars)  # a list of links
            for at in range(cut - 1, start - 1, -1):
                before.append(pieces[at])
            for at in range(cut, end):
                after.append(pieces[at])
            node = parent
            parent = parent.parent
        if parent == NULL:
            return False
        pieces, breaks, linked = [], [], []
        if self._read(parent, node, parser, texts, facts, pieces, breaks, linked, &cut) > self._max_links:
            return self._enough(before, after, chars)  # a list of links, not read whole
        if opened:
            head = []
        else:
            start = self._paragraph_start(pieces, breaks, cut)
            if start > 0:
                head = [""] * start + pieces[start:cut]  # the indexes of ``breaks`` still hold
                opened = True
            else:
                head = pieces[:cut]
        if ended:
            tail = []
        elif breaks:
            tail = pieces[cut : self._line_end(pieces, breaks, cut)]
        else:
            tail = pieces[cut:]
        if breaks and <Py_ssize_t>breaks[0] < cut:
            head = _unlinked_lines(head, breaks, linked)
        before.reverse()
        before = head + before
        after = after + tail
        if after and self._separators_ahead(after):
            if self._snippet_apart(before, after, wrap(parent, parser)):
                return False
        if opened and after and not _has_text(before, 0, len(before)):
            at = _first_char(after, 0, len(after))
            if at >= 0 and Py_UNICODE_ISUPPER(<Py_UCS4>at):
                return False  # a new sentence after a link opening its paragraph
        return self._enough(before, after, chars) or bool(
            self._short_sentence(" ".join(before), " ".join(after), parent.local_name == _LI)
        )

    cdef Py_ssize_t _read(
        self,
        ps_node *parent,
        ps_node *own,
        object parser,
        dict texts,
        object facts,
        list pieces,
        list breaks,
        list linked,
        Py_ssize_t *cut,
    ) except -1:
        """Reads the inline text of ``parent``'s children into ``pieces``: its text
        nodes and the words of its inline children, in page order, not ``own``'s; an
        empty piece for each line break, its index in ``breaks``. ``cut`` is where
        ``own`` stands among the pieces; ``linked`` (when given) gets the line (the
        line breaks above it) of each link and each inline element holding links
        before ``own``. Returns the links among the children, and stops reading once
        they are more than ``max_links`` (a list of links, not a sentence: a block of
        thousands would be read once per link)."""
        cdef ps_node *child = parent.first_child
        cdef Py_ssize_t links = 0
        cdef ps_character_data *data
        cdef object text
        cut[0] = -1
        while child != NULL:
            if child.local_name == TAG_TEXT:
                data = <ps_character_data *>child
                if data.data.data == NULL:
                    pieces.append("")
                else:
                    pieces.append(PyUnicode_DecodeUTF8(<char *>data.data.data, data.data.length, "replace"))
            elif child == own and cut[0] < 0:
                cut[0] = len(pieces)
                if child.local_name == _A:
                    links += 1
                    if links > self._max_links:
                        return links
            elif child.type == PS_ELEMENT:
                if child.local_name == _BR:
                    breaks.append(len(pieces))
                    pieces.append("")
                elif child.local_name == _A:
                    links += 1  # sibling links are other items, not a sentence
                    if links > self._max_links:
                        return links
                    if linked is not None and cut[0] < 0:
                        linked.append(len(breaks))
                else:
                    text = self._words(child, parser, texts, facts)
                    if text is not None:
                        if linked is not None and cut[0] < 0 and _holds_link(child):
                            linked.append(len(breaks))
                        pieces.append(text)
            child = child.next
        return links

    cdef object _words(self, ps_node *element, object parser, dict texts, object facts):
        """The text of an inline element when it is words of its line: not a time, a
        meta label or a date alone (a time set in a ``<span>`` beside a headline, "3.
        Februar 2026"); ``None`` otherwise. Read once per page (``texts``), where a text
        that may be a date is kept as a 1-tuple until ``is_date`` is asked of it."""
        cdef uintptr_t tag = element.local_name
        cdef object text
        if tag >= TAG_LAST_ENTRY or not self._inline[tag] or self._unworded[tag]:
            return None
        key = <uintptr_t>element
        text = texts.get(key, _UNREAD)
        if text is _UNREAD:
            if facts.kinds(wrap(element, parser)) & self._meta:
                text = None
            else:
                text = _joined_text(element, &self._buffer, &self._size)
                if _has_digit(text):  # ``is_date`` finds a date only with a digit
                    text = (text,)
            texts[key] = text
        if type(text) is not tuple:
            return text
        if self._dates == _ASKED:
            text = texts[key] = None if self._is_date(text[0].strip()) else text[0]
            return text
        self._undecided += 1
        return text[0] if self._dates == _AS_WORDS else None

    cdef Py_ssize_t _paragraph_start(self, list pieces, list breaks, Py_ssize_t cut) except -1:
        """Where the paragraph of ``pieces[cut]`` starts: after the last blank line above
        it (two line breaks with no words between them), or 0. When ``pieces[cut]`` opens
        its line and the text above ends in no sentence end (a dateline or a kicker line
        above an older listing's headline), its line starts it."""
        cdef Py_ssize_t count = len(breaks)
        cdef Py_ssize_t start = 0
        cdef Py_ssize_t line = -1
        cdef Py_ssize_t k, first, second, at
        cdef str above
        if count == 0 or <Py_ssize_t>breaks[0] >= cut:
            return 0  # no line break above it: most links share their block with none
        for k in range(count - 1):
            first, second = breaks[k], breaks[k + 1]
            if second >= cut:
                break
            if not _has_text(pieces, first + 1, second):
                start = second + 1
        for k in range(count):
            at = breaks[k]
            if start <= at < cut:
                line = at
        if line < 0 or _has_text(pieces, line + 1, cut):
            return start
        above = " ".join(pieces[start:line]).rstrip().rstrip(self._closing)
        return line + 1 if above and above[len(above) - 1] not in self._sentence_end else start

    cdef Py_ssize_t _line_end(self, list pieces, list breaks, Py_ssize_t start) except -1:
        """Where the line of the text from ``pieces[start]`` on ends: at its first line
        break whose next text does not go on in lower case, as a hard-wrapped sentence
        does ("on Monday,<br>with three days")."""
        cdef Py_ssize_t k, at
        cdef long found
        for k in range(len(breaks)):
            at = breaks[k]
            if at < start:
                continue
            found = _first_char(pieces, at + 1, len(pieces))
            if found < 0 or not Py_UNICODE_ISLOWER(<Py_UCS4>found):
                return at
        return len(pieces)

    cdef bint _separators_ahead(self, list after) except -1:
        """Whether the text after the link opens with a separator's first character."""
        cdef long found = _first_char(after, 0, len(after))
        return found >= 0 and chr(found) in self._separators

    cdef bint _enough(self, list before, list after, Py_ssize_t chars) except -1:
        """``long_enough``, its first test here: the joined texts' length."""
        cdef Py_ssize_t count = len(before) + len(after)
        cdef Py_ssize_t length = count - 1 if count else 0
        cdef str text
        for text in before:
            length += len(text)
        for text in after:
            length += len(text)
        if length < chars:
            return False  # the cheap test that clears most links: little beside them
        return bool(self._long_enough(before, after, chars))


cdef class HeadlineLinks:
    """A page's headline links, in page order (``find(root, page)``): the loop of
    ``teaser_items.headline_links``, whose doc and comments state its rules, over the
    links ``scan`` (a ``LinkScan``) keeps, asking the compiled pieces in C: ``paths``
    (``_paths.Paths``: a story's target, a listing's, a home page's), ``inside``
    (``_inside.InsideWalk``: the heading level and the headline element), ``running``
    (a ``RunningText``: a link in a sentence), ``title`` (``_title.TitleReader``) and
    ``tests`` (``_title.TitleTests``: a title that is no story's), the page's kinds
    (``_items.PageFacts``), and making each record with ``records``
    (``_records.Records`` of ``teaser_items.Link``).

    A link of no words (no text and no image) may be a stretched link covering a card:
    its parent and the ancestors above it, ``stretched_depth`` levels in all, are
    climbed here, none of ``stop_tags``, to the first that holds a heading (in the
    page's ``heading_holders``), which is asked of ``stretched_card(node, card, page)``;
    with none, on a page without subheadings (``bold_cards``), ``stretched_bold(node,
    page)`` is asked; each gives a ``Link`` or None.

    What has no C form is called in Python with the values read: ``word_count(text)``
    (a text beyond ASCII of few words as spaces part them),
    ``heads_story_card(node, href)`` (the page's one linked top heading),
    ``jumps_within(node, href, url, page)`` (asked of an ``href`` holding a "#"),
    ``shares_page(href, url, page)`` (of one holding a "?" whose query is as long as
    the page's ``address`` at least, an address the page has, to another site than
    its ``origin``) and ``text_beside(node, text, page)`` (a short headline's).
    ``page`` is a ``teaser_items.Page``. The
    numbers are the headline test's: ``fewest_words`` a link must have,
    ``heading_words`` (in a heading) and ``headline_words`` (else) a headline must
    have, ``running_chars`` of a sentence around it; ``top`` is the tag of the
    article's own headline, ``bold_line`` the level of a bold line, ``meta`` the kinds
    of a label's class tokens."""

    cdef LinkScan _scan
    cdef RunningText _running
    cdef object _paths, _inside, _title, _tests, _records
    cdef object _word_count, _stretched_card, _stretched_bold, _heads_story_card
    cdef object _jumps_within, _shares_page, _text_beside
    cdef Py_ssize_t _stretched_depth
    cdef unsigned char _stop[TAG_LAST_ENTRY]
    cdef str _top, _bold_line
    cdef int _meta
    cdef Py_ssize_t _fewest, _heading_words, _headline_words, _running_chars

    def __init__(
        self,
        *,
        LinkScan scan,
        RunningText running,
        paths,
        inside,
        title,
        tests,
        records,
        word_count,
        stretched_card,
        stretched_bold,
        Py_ssize_t stretched_depth,
        tuple stop_tags,
        heads_story_card,
        jumps_within,
        shares_page,
        text_beside,
        str top,
        str bold_line,
        int meta,
        Py_ssize_t fewest_words,
        Py_ssize_t heading_words,
        Py_ssize_t headline_words,
        Py_ssize_t running_chars,
    ):
        from service.extract._inside import InsideWalk
        from service.extract._paths import Paths
        from service.extract._records import Records
        from service.extract._title import TitleReader, TitleTests

        for value, kind in (
            (paths, Paths),
            (inside, InsideWalk),
            (title, TitleReader),
            (tests, TitleTests),
            (records, Records),
        ):
            if type(value) is not kind:
                raise TypeError(f"not a {kind.__name__}: {value!r}")
        self._scan, self._running = scan, running
        self._paths, self._inside, self._title, self._tests = paths, inside, title, tests
        self._records = records
        self._word_count = word_count
        self._stretched_card, self._stretched_bold = stretched_card, stretched_bold
        self._stretched_depth = stretched_depth
        tag_table(self._stop, stop_tags)
        self._heads_story_card, self._jumps_within = heads_story_card, jumps_within
        self._shares_page, self._text_beside = shares_page, text_beside
        self._top, self._bold_line, self._meta = top, bold_line, meta
        self._fewest, self._heading_words = fewest_words, heading_words
        self._headline_words, self._running_chars = headline_words, running_chars

    def find(self, root: LexborNode, page) -> list:
        cdef tuple scanned = self._scan._scan(root, page.heading_holders)
        cdef list headings = scanned[0]
        cdef list links = []
        cdef object parser = root.parser
        cdef str url = page.url
        cdef str origin = page.origin
        cdef str address = page.address
        cdef str site = origin + "/"
        cdef set holders = page.heading_holders
        cdef str page_key = key(url)
        cdef object tokens = page.tokens
        cdef PageFacts facts = tokens.facts
        cdef dict texts = page.texts
        cdef bint single_top = headings.count(self._top) == 1
        cdef bint bold_cards = True  # a page without subheadings: cards' headlines in bold
        cdef Py_ssize_t words
        cdef bint story_checked, short
        cdef Inside inside
        cdef str raw, href, title
        cdef object node, heading, headline, target, found
        for heading in headings:
            if heading != self._top:
                bold_cards = False
                break
        for node, raw, words, href in <list>scanned[1]:
            if words < self._headline_words and not PyUnicode_IS_ASCII(raw):
                words = self._word_count(raw)  # CJK text counts by characters
            if words < self._fewest:
                if not words:  # no text and no image: an icon link, or a stretched link
                    found = self._stretched(node, parser, page, bold_cards, holders)
                    if found is not None:
                        links.append(found)
                continue  # a navigation label, read no further
            story_checked = words < self._heading_words
            if story_checked and not story(self._paths, href, raw):
                continue
            inside = inside_of(self._inside, node)
            heading = inside.level
            if heading == self._bold_line and slashes_only(href):
                heading = None  # a bold title bar linking to the site's home page
            if heading is not None and words < self._heading_words:
                continue
            short = heading is None and words < self._headline_words
            if short and not story_checked and not story(self._paths, href, raw):
                continue
            if not story_checked and listing(self._paths, href):
                continue  # a tag chip or an author link of many words
            if (
                heading is None
                and facts.kinds_of(c_node(node), parser) & self._meta
                and not story(self._paths, href, raw)
            ):
                continue  # a label's link whose target reads as no story
            if heading == self._top and single_top and not self._heads_story_card(node, href):
                continue  # the article's own headline
            target = _target(href, origin, url)
            if target is None or key(<str>target) == page_key:
                continue
            if "#" in href and self._jumps_within(node, href, target, page):
                continue  # a jump to a part of the page
            if (
                address
                and _query_chars(href) >= len(address)
                and not (<str>target).startswith(site)
                and self._shares_page(href, target, page)
            ):
                continue  # a share button
            if self._running._within(c_node(node), parser, self._running_chars, texts, facts) or (
                short and self._text_beside(node, raw, page)
            ):
                continue  # in a sentence: asked before the costlier title
            headline = inside.headline if inside.headline is not None else node
            title, words = title_of(self._title, headline, inside, tokens, raw)
            if words < (self._heading_words if heading else self._headline_words):
                if heading is not None or words < self._fewest:
                    continue
                if not short and not (
                    story(self._paths, href, raw) and not self._text_beside(node, raw, page)
                ):
                    continue  # a rank or kicker left a short headline without a story URL
                short = True
            if rejects(self._tests, title):
                continue  # a navigation label, a call to action, a price, an embedded post
            links.append(
                record_of(self._records, (node, target, title, heading, headline, words, short, False))
            )
        return links

    cdef object _stretched(self, object node, object parser, object page, bint bold_cards, set holders):
        """The stretched link ``node`` as its card's headline, or None: its card is the
        first ancestor up to ``stretched_depth`` levels that holds a heading, none of the
        stop tags climbed to."""
        cdef ps_node *card = c_node(node).parent
        cdef Py_ssize_t level
        for level in range(self._stretched_depth):
            if card == NULL or card.local_name < TAG_LAST_ENTRY and self._stop[card.local_name]:
                return None
            if <uintptr_t>card in holders:
                return self._stretched_card(node, wrap(card, parser), page)
            card = card.parent
        return self._stretched_bold(node, page) if bold_cards else None


cdef Py_ssize_t _query_chars(str href) except -2:
    """The characters of ``href`` after its first "?" (``href.partition("?")[2]``), -1
    without one."""
    cdef Py_ssize_t at = PyUnicode_FindChar(href, 63, 0, PyUnicode_GET_LENGTH(href), 1)
    return PyUnicode_GET_LENGTH(href) - at - 1 if at >= 0 else -1


cdef bint _holds_link(ps_node *element) noexcept:
    """Whether a link is among ``element``'s children."""
    cdef ps_node *child = element.first_child
    while child != NULL:
        if child.type == PS_ELEMENT and child.local_name == _A:
            return True
        child = child.next
    return False


cdef list _unlinked_lines(list head, list breaks, list linked):
    """The pieces of ``head``, the text before a link, without the lines above the link's
    that hold a link of their own (``linked``): the stories listed above it one per line
    ("<b>Don't miss</b><br><b><a>...</a> [Warning]</b><br><b><a>...</a></b>") are no
    words of its sentence, while a paragraph of text above it still is."""
    cdef Py_ssize_t own_line = 0
    cdef Py_ssize_t count = len(breaks)
    cdef Py_ssize_t line = 0
    cdef Py_ssize_t index
    cdef set lines
    for index in range(count):
        if <Py_ssize_t>breaks[index] < len(head):
            own_line += 1
    lines = {at for at in linked if at < own_line}
    if not lines:
        return head
    kept = []
    for index in range(len(head)):
        while line < count and <Py_ssize_t>breaks[line] < index:
            line += 1
        if line not in lines:
            kept.append(head[index])
    return kept


cdef bint _has_text(list texts, Py_ssize_t start, Py_ssize_t stop) except -1:
    """Whether a text of ``texts[start:stop]`` holds more than white space."""
    return _first_char(texts, start, stop) >= 0


cdef bint _has_word(list texts, Py_ssize_t start, Py_ssize_t stop) except -1:
    """Whether a text of ``texts[start:stop]`` holds a letter or a digit (``WORD``)."""
    return _first_char(texts, start, stop, True) >= 0


cdef bint _has_digit(str text) noexcept:
    """Whether ``text`` holds a decimal digit (``str.isdecimal``, what ``\\d`` matches)."""
    cdef Py_UCS4 c
    for c in text:
        if Py_UNICODE_ISDECIMAL(c):
            return True
    return False


cdef long _first_char(list texts, Py_ssize_t start, Py_ssize_t stop, bint word=False) except -2:
    """The first character of ``texts[start:stop]`` that is no white space (a letter or
    a digit, with ``word``), or -1."""
    cdef Py_ssize_t at
    cdef str text
    cdef Py_UCS4 c
    for at in range(start, stop):
        text = texts[at]
        for c in text:
            if Py_UNICODE_ISALNUM(c) if word else not Py_UNICODE_ISSPACE(c):
                return c
    return -1


def link_target(str href not None, str origin not None, str base not None):
    """``href`` made absolute without its fragment, cheaply (``teaser_items.Page.target``,
    whose doc states it): stripped, cut at its first "#"; kept when it opens with
    "http://" or "https://" in any case, joined to ``origin``'s scheme when it opens with
    "//" and to ``origin`` when it opens with "/"; ``None`` when it is empty or names a
    scheme before its first "/" (mailto:, javascript:); else ``urljoin(base, href)``,
    ``None`` when that refuses it."""
    return _target(href, origin, base)


cdef object _target(str href, str origin, str base):
    """``link_target``, without a Python call. The characters are read in the string's
    own width, its "#" found by ``PyUnicode_FindChar`` (``memchr`` on a string of a byte
    a character)."""
    cdef int kind = PyUnicode_KIND(href)
    cdef const void *data = PyUnicode_DATA(href)
    cdef Py_ssize_t start = 0
    cdef Py_ssize_t end = PyUnicode_GET_LENGTH(href)
    cdef Py_ssize_t at
    cdef ucs4 c
    while start < end and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, start)):
        start += 1
    while end > start and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end - 1)):
        end -= 1
    at = PyUnicode_FindChar(href, 35, start, end, 1)  # the first "#"
    if at >= 0:
        end = at
    if _opens_caseless(kind, data, start, end, b"http://") or _opens_caseless(
        kind, data, start, end, b"https://"
    ):
        return href if start == 0 and end == PyUnicode_GET_LENGTH(href) else href[start:end]
    if end - start >= 2 and PyUnicode_READ(kind, data, start) == 47 and PyUnicode_READ(kind, data, start + 1) == 47:
        return origin.split(":", 1)[0] + ":" + href[start:end]  # "//"
    if end > start and PyUnicode_READ(kind, data, start) == 47:  # "/"
        return origin + href[start:end]
    if end == start:
        return None  # the page itself
    for at in range(start, end):
        c = PyUnicode_READ(kind, data, at)
        if c == 47:  # "/"
            break
        if c == 58:  # ":"
            return None  # mailto:, javascript:, tel:
    try:
        return urljoin(base, href[start:end])
    except ValueError:  # a malformed base or href (an unclosed IPv6 bracket)
        return None


cdef bint _opens_caseless(
    int kind, const void *data, Py_ssize_t start, Py_ssize_t end, const char *prefix
) noexcept:
    """Whether the characters ``[start, end)`` of a text of width ``kind`` open with the
    lower-case ASCII ``prefix`` in any case (what ``text[start:end][:8].lower().
    startswith(prefix)`` answers: no character beyond ASCII lowers to an ASCII letter of
    a scheme)."""
    cdef Py_ssize_t size = strlen(prefix)
    cdef Py_ssize_t i
    cdef ucs4 c
    if end - start < size:
        return False
    for i in range(size):
        c = PyUnicode_READ(kind, data, start + i)
        if 65 <= c <= 90:  # "A" to "Z"
            c += 32
        if c != <unsigned char>prefix[i]:
            return False
    return True
