# cython: language_level=3
"""What ``_fields`` shares with the other compiled readers of ``teaser_fields``."""

from service.extract._lexbor cimport ps_node


cdef bint may_rank(ps_node *root, const unsigned char *spaces, const unsigned char *rank_marks) noexcept
cdef str deep_text(ps_node *root)
cdef object opening(ps_node *root, size_t length)
