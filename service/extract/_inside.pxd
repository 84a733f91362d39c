# cython: language_level=3
"""What ``_inside`` shares with the other compiled readers of headline links
(``_links.HeadlineLinks``): what a link holds, read without a Python call."""


cdef class Inside:
    cdef readonly int flags
    cdef readonly object heading
    cdef readonly object headline
    cdef readonly object level


cdef Inside inside_of(object walk, object link)
