# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Records of a frozen, slotted dataclass made in C, for the records made by the dozen.

A frozen dataclass's ``__init__`` sets each field with ``object.__setattr__``
(its own ``__setattr__`` refuses): for ``model.Teaser``'s ten fields, given by
keyword, about 20,000 instructions a record, 15,000 given by position, where a
plain slotted class takes about 7,700. ``Records(cls)`` looks up the slot
descriptor of each of ``cls``'s fields once; ``make(*values)`` allocates an
instance as ``object.__new__`` does and hands each value, in the fields' order, to
its descriptor's setter (what ``object.__setattr__`` ends in), without the lookups
and calls in between. The record is the one ``cls(*values)`` makes: same class,
same fields, equal and hashed alike. A class whose ``__init__`` does more than
set its fields (``__post_init__``, a field without ``init``) is refused.
``tests/unit/extract/test_records.py`` checks it against the class's own
``__init__`` on generated values.
"""

import dataclasses
import types


cdef extern from *:
    """
    #include <Python.h>

    /* An instance of cls with each member descriptor of setters set to the value of
       values at its index; NULL with an exception set when a setter refuses. */
    static PyObject *ps_make(PyObject *cls, PyObject *setters, PyObject *values) {
        Py_ssize_t n = PyTuple_GET_SIZE(setters), i;
        PyTypeObject *type = (PyTypeObject *)cls;
        PyObject *record, *setter;
        if (PyTuple_GET_SIZE(values) != n) {
            PyErr_Format(PyExc_TypeError, "%s takes %zd values, %zd given",
                         type->tp_name, n, PyTuple_GET_SIZE(values));
            return NULL;
        }
        record = type->tp_alloc(type, 0);
        if (record == NULL)
            return NULL;
        for (i = 0; i < n; i++) {
            setter = PyTuple_GET_ITEM(setters, i);
            if (Py_TYPE(setter)->tp_descr_set(setter, record, PyTuple_GET_ITEM(values, i)) < 0) {
                Py_DECREF(record);
                return NULL;
            }
        }
        return record;
    }
    """
    object ps_make(object cls, tuple setters, tuple values)


cdef class Records:
    """Makes records of the frozen, slotted dataclass ``cls`` from their fields' values."""

    cdef object cls
    cdef tuple setters

    def __init__(self, cls):
        if not dataclasses.is_dataclass(cls) or not isinstance(cls, type):
            raise TypeError(f"{cls!r} is not a dataclass")
        if hasattr(cls, "__post_init__"):
            raise TypeError(f"{cls.__name__} has a __post_init__")
        if type(cls).__new__ is not type.__new__ or cls.__new__ is not object.__new__:
            raise TypeError(f"{cls.__name__} is not made by object.__new__")
        setters = []
        for found in dataclasses.fields(cls):
            if not found.init:
                raise TypeError(f"{cls.__name__}.{found.name} is not set by __init__")
            setter = cls.__dict__.get(found.name)
            if type(setter) is not types.MemberDescriptorType:
                raise TypeError(f"{cls.__name__}.{found.name} is not a slot")
            setters.append(setter)
        self.cls = cls
        self.setters = tuple(setters)

    def make(self, *values):
        """The record ``cls(*values)`` makes."""
        return ps_make(self.cls, self.setters, values)


cdef object record_of(object records, tuple values):
    """``Records.make(*values)`` of ``records`` (a ``Records``), without a Python call."""
    return ps_make((<Records>records).cls, (<Records>records).setters, values)
