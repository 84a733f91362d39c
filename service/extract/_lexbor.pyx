# cython: language_level=3
"""What ``_lexbor.pxd`` declares and cannot define inline: a ``LexborNode``'s Lexbor
node and back, attribute ids, and the check, run on import, that the declared
structures read what selectolax reads."""

from cpython.object cimport PyObject, PyTypeObject
from cpython.ref cimport Py_DECREF, Py_INCREF
from libc.stdint cimport uintptr_t
from libc.string cimport memcmp, memset

import selectolax
from selectolax.lexbor import LexborHTMLParser, LexborNode, create_tag

cdef type _NODE = LexborNode
cdef PyTypeObject *_NODE_TYPE = <PyTypeObject *>LexborNode
cdef tuple _NO_ARGS = ()


cdef ps_node *c_node(object node) except NULL:
    """``node``'s Lexbor node. A fragment's root and a template's content are
    refused: they stand for their top-level nodes, which selectolax's queries and
    walks cover one after another, where a walk from the node covers its subtree."""
    cdef ps_node_object *raw
    if type(node) is not LexborNode:
        raise TypeError(f"a LexborNode is needed, not {type(node).__name__}")
    raw = <ps_node_object *><PyObject *>node
    if raw.is_fragment_root or raw.is_template_content:
        raise ValueError("a fragment's root or a template's content is walked by its top-level nodes")
    return raw.node


cdef object wrap(ps_node *node, object parser):
    """A ``LexborNode`` of ``node``, as selectolax's ``LexborNode.new`` makes one."""
    cdef object wrapped = _NODE_TYPE.tp_new(_NODE, <PyObject *>_NO_ARGS, NULL)
    cdef ps_node_object *raw = <ps_node_object *><PyObject *>wrapped
    raw.node = node
    Py_INCREF(parser)
    Py_DECREF(<object>raw.parser)
    raw.parser = <PyObject *>parser
    return wrapped


cdef uintptr_t attribute_id(bytes name) except 0:
    """The id Lexbor gives the attribute ``name`` when it predefines it, else
    ``PS_ATTR_LAST_ENTRY`` (such a name is compared by name: ``named``)."""
    cdef object parsed = LexborHTMLParser(b"<p " + name + b">")
    cdef ps_node *p = c_node(parsed.css_first("p"))
    cdef ps_attr *attr = (<ps_element *>p).first_attr
    if attr == NULL:
        raise ValueError(f"no attribute parsed from {name!r}")
    if attr.node.local_name < PS_ATTR_LAST_ENTRY:
        return attr.node.local_name
    return PS_ATTR_LAST_ENTRY


cdef int set_spaces(ps_spaces *table, str spaces) except -1:
    """Fills ``table`` with ``spaces`` (every character that ``str.split`` splits on,
    for ``split_space``)."""
    cdef int c
    memset(table, 0, sizeof(ps_spaces))
    for c in range(128):
        table.ascii[c] = chr(c) in spaces
    for space in spaces:
        c = ord(space)
        if c >= WIDE_SPACES_LIMIT:
            raise ValueError(f"a space past U+FFFF: U+{c:X}")
        if c >= 128:
            table.wide[c >> 3] |= 1 << (c & 7)
    return 0


cdef int set_folding_spaces(ps_spaces *table, str spaces) except -1:
    """``set_spaces`` for ``fold_text``, which reads ASCII with ``str.split``'s own
    spaces and the characters of two bytes from U+00C0 as no space: refuses
    ``spaces`` whose ASCII part is not ``str.split``'s or that holds such a character."""
    if {c for c in spaces if c < "\x80"} != {c for c in map(chr, range(128)) if c.isspace()}:
        raise ValueError("the ASCII spaces are not str.split's")
    if any("\xc0" <= c <= "\u07ff" for c in spaces):
        raise ValueError("a space of two bytes from U+00C0")
    return set_spaces(table, spaces)



cdef uintptr_t tag_id(str name) except 0:
    """The id of a standard tag, or of the text and comment nodes' names."""
    if name == "-text":
        return TAG_TEXT
    if name == "-comment":
        return TAG_COMMENT
    cdef uintptr_t tag = create_tag(name).tag_id
    if not 0 < tag < TAG_LAST_ENTRY:
        raise ValueError(f"not a standard tag: {name!r}")
    return tag


cdef int tag_table(unsigned char *table, object names) except -1:
    """Sets ``table`` (``TAG_LAST_ENTRY`` entries) to 1 at the ids of the tags ``names``
    (``tag_id``, which refuses a tag that is not standard) and to 0 elsewhere."""
    memset(table, 0, TAG_LAST_ENTRY)
    for name in names:
        table[tag_id(name)] = 1
    return 0


cdef bint _kept_in_entry(uintptr_t id, bytes name):
    """Whether the hash entry of ``id``, a name of 16 characters or more, holds the
    name's first 16 bytes in itself rather than the address of its copy."""
    if id <= PS_ATTR_LAST_ENTRY or len(name) < 16:
        raise ValueError(f"not an id of a long attribute name: {name!r}")
    return memcmp(<unsigned char *>&(<ps_attr_data *>id).u, <const unsigned char *>name, 16) == 0


def _check_layout() -> None:
    """Refuses to load (``ImportError``) unless the structures declared above read
    what selectolax reads on a small page: node links, tag ids, text nodes' bytes,
    attribute ids and names, values, the document's type, and the wrapped node's
    own fields."""
    page = LexborHTMLParser(
        '<html><body><div id="a" class="b c" data-long-attribute-name="x" hidden>'
        '<p role="Menu" style="display:none">t</p><!-- c --><br></div></body></html>'
    )
    problems = []
    nodes = list(page.root.traverse(include_text=True))
    for node in nodes:
        raw = c_node(node)
        if <uintptr_t>raw != node.mem_id:
            problems.append("the LexborNode's node pointer")
        if <object>(<ps_node_object *><PyObject *>node).parser is not node.parser:
            problems.append("the LexborNode's parser")
        if raw.local_name != <uintptr_t>node.tag_id:
            problems.append("a node's tag id")
        links = (
            (<uintptr_t>raw.parent, node.parent),
            (<uintptr_t>raw.next, node.next),
            (<uintptr_t>raw.prev, node.prev),
            (<uintptr_t>raw.first_child, node.first_child),
        )
        if any(pointer != (other.mem_id if other is not None else 0) for pointer, other in links):
            problems.append("a node's links")
        kind = PS_ELEMENT if node.is_element_node else PS_TEXT if node.tag == "-text" else 8
        if raw.type != kind:  # 8: LXB_DOM_NODE_TYPE_COMMENT
            problems.append("a node's type")
        tag = TAG_TEXT if kind == PS_TEXT else TAG_COMMENT if kind == 8 else raw.local_name
        if raw.local_name != tag:
            problems.append("the tag ids of text and comments")
        if kind == PS_TEXT:
            data = (<ps_character_data *>raw).data
            if data.data == NULL or data.data[: data.length].decode() != node.text_content:
                problems.append("a text node's bytes")
    div = page.css_first("div")
    wrapped = wrap(c_node(div), page)
    raw_wrapped = <ps_node_object *><PyObject *>wrapped
    if (
        wrapped.mem_id != div.mem_id
        or wrapped.tag != "div"
        or wrapped.parser is not page
        or raw_wrapped.is_fragment_root
        or raw_wrapped.is_template_content
    ):
        problems.append("a wrapped node")
    fragment = LexborHTMLParser("<p>t</p>", is_fragment=True).root
    (content,) = LexborHTMLParser("<template><p>t</p></template>").root.template_fragments()
    if (
        not (<ps_node_object *><PyObject *>fragment).is_fragment_root
        or (<ps_node_object *><PyObject *>fragment).is_template_content
        or not (<ps_node_object *><PyObject *>content).is_template_content
        or (<ps_node_object *><PyObject *>content).is_fragment_root
    ):
        problems.append("the LexborNode's marks of fragments")
    if c_node(div).owner_document.type != HTML_DOCUMENT:
        problems.append("the document's type")
    # The constants that say which ids are addresses of hash entries: Lexbor's tables
    # of predefined names are in alphabetical order, so a name added anywhere moves
    # the last one; and the longest name kept inside its entry (read here in the entry
    # alone, for a name of 16 and one of 17 characters).
    if create_tag("xmp").tag_id != TAG_LAST_ENTRY - 1 or attribute_id(b"xmlns") != PS_ATTR_LAST_ENTRY - 1:
        problems.append("the last predefined ids")
    else:
        sized = LexborHTMLParser("<p data-sixteen-chr data-seventeen-ch>").css_first("p")
        attr = (<ps_element *>c_node(sized)).first_attr
        if not (
            _kept_in_entry(attr.node.local_name, b"data-sixteen-chr") == (16 <= PS_HASH_SHORT_SIZE)
            and _kept_in_entry(attr.next.node.local_name, b"data-seventeen-ch") == (17 <= PS_HASH_SHORT_SIZE)
        ):
            problems.append("the length of names kept in their hash entry")
    # The nodes are held: a node holds its parser, which frees the tree with itself.
    custom = LexborHTMLParser("<x-long-custom-tag-name>").css_first("x-long-custom-tag-name")
    short = LexborHTMLParser("<X-Tag>").css_first("x-tag")
    if not (
        create_tag("video").tag_id < TAG_LAST_ENTRY
        and entry_named(c_node(custom).local_name, TAG_LAST_ENTRY, b"x-long-custom-tag-name", 22)
        and entry_named(c_node(short).local_name, TAG_LAST_ENTRY, b"x-tag", 5)
    ):
        problems.append("the ids and names of tags")
    svg = LexborHTMLParser("<svg><a>x</a></svg>").css_first("a")
    if c_node(div).ns != HTML_NAMESPACE or c_node(svg).ns == HTML_NAMESPACE:
        problems.append("the namespaces")
    use = LexborHTMLParser('<svg><use href="a" xlink:href="b"></use></svg>').css_first("use")
    attr = (<ps_element *>c_node(use)).first_attr
    if attr.node.prefix != 0 or attr.next.node.prefix == 0 or attr.next.node.local_name != attr.node.local_name:
        problems.append("the prefixes of attributes")
    names = []
    attr = (<ps_element *>c_node(div)).first_attr
    while attr != NULL:
        value = attr.value.data[: attr.value.length].decode() if attr.value != NULL else None
        names.append((attr.node.local_name, value))
        attr = attr.next
    expected = list(div.attributes.items())
    if [v for _, v in names] != [v for _, v in expected]:
        problems.append("attribute values")
    if names[:2] != [(0x21, "a"), (0x0B, "b c")]:  # LXB_DOM_ATTR_ID, LXB_DOM_ATTR_CLASS
        problems.append("the ids of predefined attribute names")
    if (
        (<ps_element *>c_node(div)).attr_class != (<ps_element *>c_node(div)).first_attr.next
        or (<ps_element *>c_node(page.css_first("p"))).attr_class != NULL
    ):
        problems.append("the element's class attribute")
    attr = (<ps_element *>c_node(div)).first_attr.next.next
    if not named(attr, b"data-long-attribute-name", 24) or not named(attr.next, b"hidden", 6):
        problems.append("the names of other attributes")
    if problems:
        raise ImportError(
            f"selectolax {selectolax.__version__} lays out its tree otherwise than "
            f"service.extract._lexbor reads it ({', '.join(sorted(set(problems)))}): "
            "the declarations there mirror selectolax 1.0.2"
        )


_check_layout()
