"""Builds the compiled modules of the package (the rest is in pyproject.toml)."""

from Cython.Build import cythonize
from setuptools import Extension, setup

setup(
    ext_modules=cythonize(
        [
            Extension("service.extract._lexbor", ["service/extract/_lexbor.pyx"]),
            Extension("service.extract._tree", ["service/extract/_tree.pyx"]),
            Extension("service.extract._scan", ["service/extract/_scan.pyx"]),
            Extension("service.extract._items", ["service/extract/_items.pyx"]),
            Extension("service.extract._blocks", ["service/extract/_blocks.pyx"]),
            Extension("service.extract._fields", ["service/extract/_fields.pyx"]),
            Extension("service.extract._markup", ["service/extract/_markup.pyx"]),
            Extension("service.extract._links", ["service/extract/_links.pyx"]),
            Extension("service.extract._text", ["service/extract/_text.pyx"]),
            Extension("service.extract._words", ["service/extract/_words.pyx"]),
            Extension("service.extract._frame", ["service/extract/_frame.pyx"]),
            Extension("service.extract._inside", ["service/extract/_inside.pyx"]),
            Extension("service.extract._paths", ["service/extract/_paths.pyx"]),
            Extension("service.extract._records", ["service/extract/_records.pyx"]),
            Extension("service.extract._urls", ["service/extract/_urls.pyx"]),
        ],
        compiler_directives={"language_level": 3},
    ),
)
