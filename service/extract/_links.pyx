# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The first reading of a page's links for headlines (``teaser_items.headline_links``), in C.

Most of a page's links are navigation labels of a word or two, which the
headline test drops at its first look: reading each one's text, counting its
words and reading its target from Python was about a fifth of ``split()``. One
walk here finds the headings and the links (``h1, h2, h3, h4, h5, h6, a[href]``),
counts each link's words on its text nodes' bytes, drops the links that the
first test drops, and hands over the others with their text, word count and
target read. ``tests/unit/extract/test_links.py`` checks the answers against
the Python reading on generated pages.
"""

from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdint cimport uintptr_t
from libc.stdlib cimport free, realloc
from libc.string cimport memcpy, memset

from selectolax.lexbor import LexborNode, create_tag

from service.extract._lexbor cimport (
    PS_ELEMENT,
    PS_TEXT,
    TAG_LAST_ENTRY,
    TAG_TEXT,
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
    text_bytes,
    wrap,
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
    cdef uintptr_t _headings[_MAX_TAGS]
    cdef tuple _heading_names
    cdef int _heading_count
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
        self._heading_count = len(headings)
        for c, tag in enumerate(headings):
            self._headings[c] = create_tag(tag).tag_id
            if self._headings[c] >= TAG_LAST_ENTRY:
                raise ValueError(f"not a standard tag: {tag!r}")
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
        memset(self._inline, 0, sizeof(self._inline))
        for tag in inline:
            tag_id = create_tag(tag).tag_id
            if tag_id >= TAG_LAST_ENTRY:
                raise ValueError(f"not a standard tag: {tag!r}")
            self._inline[<uintptr_t>tag_id] = 1

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
        cdef ps_node *top = c_node(root)
        cdef ps_node *node = start(top)
        cdef object parser = root.parser
        cdef list headings = []
        cdef list links = []
        cdef uintptr_t tag
        cdef ps_attr *href
        cdef int i
        while node != NULL:
            if node.type == PS_ELEMENT:
                tag = node.local_name
                if tag == _A:
                    href = (<ps_element *>node).first_attr
                    while href != NULL and href.node.local_name != _HREF:
                        href = href.next
                    if href != NULL:
                        self._read(node, href, parser, links)
                else:
                    for i in range(self._heading_count):
                        if tag == self._headings[i]:
                            headings.append(self._heading_names[i])
                            self._note_holders(node, holders)
                            break
                node = next_in(node, top, True)
            else:
                node = next_in(node, top, False)
        return headings, links

    cdef void _note_holders(self, ps_node *heading, set holders) except *:
        cdef ps_node *holder = heading.parent
        cdef Py_ssize_t level
        for level in range(self._depth):
            if holder == NULL:
                break
            key = <uintptr_t>holder
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
        text = self._text(link)
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
        cdef size_t end, at, i
        cdef Py_ssize_t joiners = 0
        cdef bint slug = False
        cdef bint digit = False
        if href.node.prefix != 0:
            return False
        if href.value == NULL or href.value.length == 0:
            return self._path_chars > 0
        data = href.value.data
        end = 0
        while end < href.value.length and data[end] != 63 and data[end] != 35:  # "?", "#"
            end += 1
        at = 0
        for i in range(end - 1 if end > 0 else 0):
            if data[i] == 47 and data[i + 1] == 47:  # "//": the path after the host
                at = i + 2
                while at < end and data[at] != 47:
                    at += 1
                break
        if <Py_ssize_t>(end - at) < self._path_chars:
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

    cdef str _text(self, ps_node *link):
        """``link.text()``: its text nodes' bytes joined, decoded as selectolax decodes
        them (invalid bytes replaced)."""
        cdef ps_node *node = link.first_child
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
            node = next_in(node, link, True)
        if count == 0 or total == 0:
            return ""
        if count == 1:
            return PyUnicode_DecodeUTF8(<char *>only.data.data, only.data.length, "replace")
        if total > self._size:
            grown = <unsigned char *>realloc(self._buffer, total)
            if grown == NULL:
                raise MemoryError()
            self._buffer, self._size = grown, total
        node = link.first_child
        while node != NULL:
            text = <ps_character_data *>node
            if node.local_name == TAG_TEXT and text.data.data != NULL:
                memcpy(self._buffer + at, text.data.data, text.data.length)
                at += text.data.length
            node = next_in(node, link, True)
        return PyUnicode_DecodeUTF8(<char *>self._buffer, total, "replace")

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
        cdef ps_node *node = c_node(link)
        cdef ps_node *parent = node.parent
        cdef ps_node *child
        if parent == NULL or (
            parent.type == PS_ELEMENT and parent.local_name < TAG_LAST_ENTRY and self._inline[parent.local_name]
        ):
            return False
        child = parent.first_child
        while child != NULL:
            if child != node:
                if child.type == PS_ELEMENT:
                    return False
                if child.type == PS_TEXT and not self._blank(<ps_character_data *>child):
                    return False
            child = child.next
        return True

    cdef bint _blank(self, ps_character_data *text) noexcept:
        """Whether the text node holds white space alone (what ``str.strip`` strips);
        bytes that are not UTF-8 are no white space."""
        cdef const unsigned char *data = text.data.data
        cdef size_t length = text.data.length
        cdef size_t i = 0
        if data == NULL:
            return True
        while i < length:
            if split_space(&self.spaces, data, length, &i) != 1:
                return False
        return True
