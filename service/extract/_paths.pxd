# cython: language_level=3
"""What ``_paths`` shares with the other compiled readers of link targets
(``_links.HeadlineLinks``): its tests of a target, asked without a Python call."""


cdef str key(str url)
cdef void path_of_bytes(const unsigned char *data, Py_ssize_t n, Py_ssize_t *start, Py_ssize_t *end) noexcept
cdef bint story(object paths, str href, str text) except -1
cdef bint id_or_date(object paths, str href) except -1
cdef bint listing(object paths, str href) except -1
cdef bint slashes_only(str href) noexcept
