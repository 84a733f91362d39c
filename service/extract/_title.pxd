# cython: language_level=3
"""What ``_title`` shares with the other compiled readers of headline links
(``_links.HeadlineLinks``): a headline's title and its tests, without a Python call."""


cdef tuple title_of(object reader, object headline, object inside, object tokens, str text)
cdef bint rejects(object tests, str title) except -1
