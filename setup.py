"""Builds the one compiled module of the package (the rest is in pyproject.toml)."""

from Cython.Build import cythonize
from setuptools import Extension, setup

setup(
    ext_modules=cythonize(
        [Extension("service.extract._tree", ["service/extract/_tree.pyx"])],
        compiler_directives={"language_level": 3},
    ),
)
