# cython: language_level=3
"""What ``_records`` shares with the other compiled readers (``_links.HeadlineLinks``):
a record made without a Python call."""


cdef object record_of(object records, tuple values)
