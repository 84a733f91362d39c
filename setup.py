"""Builds the compiled modules of the package (the rest is in pyproject.toml)."""

import unicodedata
from pathlib import Path

from Cython.Build import cythonize
from setuptools import Extension, setup

# The table of the code points where NFC changes nothing that ``_text.pyx`` includes,
# made from this interpreter's ``unicodedata`` (``_text`` refuses to load under another
# version of the Unicode data).
NFC_STABLE_HEADER = Path(__file__).parent / "service" / "extract" / "_nfc_stable.h"


def nfc_stable() -> bytes:
    """A bit for each code point of the BMP (bit ``c & 7`` of byte ``c >> 3``): set
    when the code point is a starter (canonical combining class 0) of NFC_Quick_Check
    Yes. NFC leaves a text of such code points as it is. The quick check's No are those
    NFC changes alone; its Maybe those that compose with a character before them: the
    later parts of the canonical decompositions, the vowels and final consonants of the
    Hangul syllables among them."""
    later = set()
    for code in range(0x110000):
        mapping = unicodedata.decomposition(chr(code))
        if mapping and not mapping.startswith("<"):
            later.update(int(part, 16) for part in mapping.split()[1:])
    syllables = "".join(map(chr, range(0xAC00, 0xD7A4)))
    for syllable in syllables:
        later.update(map(ord, unicodedata.normalize("NFD", syllable)[1:]))
    table = bytearray(0x10000 // 8)
    for code in range(0x10000):
        char = chr(code)
        if (
            code not in later
            and not 0xD800 <= code <= 0xDFFF
            and unicodedata.combining(char) == 0
            and unicodedata.normalize("NFC", char) == char
        ):
            table[code >> 3] |= 1 << (code & 7)
    return bytes(table)


def write_nfc_stable(path: Path) -> None:
    table = nfc_stable()
    rows = ",\n".join(
        "    " + ",".join(str(byte) for byte in table[i : i + 32]) for i in range(0, len(table), 32)
    )
    text = (
        f"/* Made by setup.py from unicodedata {unicodedata.unidata_version}: not in git. */\n"
        f'#define PS_NFC_UNIDATA_VERSION "{unicodedata.unidata_version}"\n'
        f"static const unsigned char ps_nfc_stable[{len(table)}] = {{\n{rows}\n}};\n"
    )
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


write_nfc_stable(NFC_STABLE_HEADER)

setup(
    ext_modules=cythonize(
        [
            Extension("service.extract._lexbor", ["service/extract/_lexbor.pyx"]),
            Extension("service.extract._tree", ["service/extract/_tree.pyx"]),
            Extension("service.extract._cleaning", ["service/extract/_cleaning.pyx"]),
            Extension("service.extract._scan", ["service/extract/_scan.pyx"]),
            Extension("service.extract._items", ["service/extract/_items.pyx"]),
            Extension("service.extract._captions", ["service/extract/_captions.pyx"]),
            Extension("service.extract._blocks", ["service/extract/_blocks.pyx"]),
            Extension("service.extract._emit", ["service/extract/_emit.pyx"]),
            Extension("service.extract._fields", ["service/extract/_fields.pyx"]),
            Extension("service.extract._markup", ["service/extract/_markup.pyx"]),
            Extension("service.extract._links", ["service/extract/_links.pyx"]),
            Extension(
                "service.extract._text",
                ["service/extract/_text.pyx"],
                depends=[str(NFC_STABLE_HEADER)],
            ),
            Extension("service.extract._words", ["service/extract/_words.pyx"]),
            Extension("service.extract._frame", ["service/extract/_frame.pyx"]),
            Extension("service.extract._inside", ["service/extract/_inside.pyx"]),
            Extension("service.extract._headlines", ["service/extract/_headlines.pyx"]),
            Extension("service.extract._title", ["service/extract/_title.pyx"]),
            Extension("service.extract._paths", ["service/extract/_paths.pyx"]),
            Extension("service.extract._records", ["service/extract/_records.pyx"]),
            Extension("service.extract._urls", ["service/extract/_urls.pyx"]),
            Extension("service.extract._lead", ["service/extract/_lead.pyx"]),
        ],
        compiler_directives={"language_level": 3},
    ),
)
