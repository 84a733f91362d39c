"""metadata_authors.clean_authors: names out of byline strings."""

from __future__ import annotations

import pytest

from service.extract.metadata_authors import clean_authors, uninvert


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["Ana Lima"], ("Ana Lima",)),
        (["By Ana Lima"], ("Ana Lima",)),
        (["BY ANA LIMA"], ("ANA LIMA",)),
        (["BY ANA LIMA AND BEN OKAFOR"], ("ANA LIMA", "BEN OKAFOR")),
        (["ANA LIMA, AP"], ("ANA LIMA",)),
        (["by: Ana Lima"], ("Ana Lima",)),
        (["Analysis by Ana Lima"], ("Ana Lima",)),
        (["Reporting by Ana Lima and Ben Okafor"], ("Ana Lima", "Ben Okafor")),
        (["Ana Lima & Ben Okafor"], ("Ana Lima", "Ben Okafor")),
        (["Ana Lima; Ben Okafor"], ("Ana Lima", "Ben Okafor")),
        (["Ana Lima, Ben Okafor"], ("Ana Lima", "Ben Okafor")),
        (["par Jeanne Martin"], ("Jeanne Martin",)),
        (["von Max Muster"], ("Max Muster",)),
        (["Von Miller"], ("Von Miller",)),  # a name, not the German prefix
        # Romanian "de" is the byline word lowercase before a name, a name's start capitalized
        (["de Andrei Popescu"], ("Andrei Popescu",)),
        (["de Andrei Popescu și Ioana Marin"], ("Andrei Popescu", "Ioana Marin")),
        (["De La Cruz"], ("De La Cruz",)),
        (["Maria De La Cruz"], ("Maria De La Cruz",)),
        (["de Vries"], ("de Vries",)),  # a surname alone: no name follows the word
        (["de la Fuente"], ("de la Fuente",)),
        (["Text: Ana Lima"], ("Ana Lima",)),
        # a separator left over from the date it stood before
        (["Ana Lima \u2022"], ("Ana Lima",)),
        (["Ana Lima \u2219"], ("Ana Lima",)),
        # a direction mark between the byline's word and the name
        (["By \u200fAna Lima"], ("Ana Lima",)),
        (["By \u2067Ana Lima\u2069"], ("Ana Lima",)),
        # a role written after the name, as Korean and Japanese bylines do
        (["김민준 기자"], ("김민준",)),
        (["김민준기자"], ("김민준",)),
        (["이서연 특파원"], ("이서연",)),
        (["山田太郎 記者"], ("山田太郎",)),
        (["기자"], ()),  # the role alone names no one
        # job titles and outlets after a comma or a bar are not names
        (["Ana Lima, AP Auto Writer"], ("Ana Lima",)),
        (["Ana Lima, Staff Writer"], ("Ana Lima",)),
        (["Ana Lima, CNN Business"], ("Ana Lima",)),
        (["Ana Lima, MS, RD"], ("Ana Lima",)),
        (["Ana Lima | Example Media for Example.com"], ("Ana Lima",)),
        (["Ana Lima, Futurism"], ("Ana Lima",)),
        # a later part that runs on in lowercase words is a bio, not a name
        (["Ana Lima, Ben reports from Lisbon"], ("Ana Lima",)),
        # an outlet alone is kept: it is the byline
        (["Associated Press"], ("Associated Press",)),
        # not names
        (["https://social.example.net/ana"], ()),
        (["@analima"], ()),
        (["ana@example.org"], ()),
        (["admin"], ()),
        (["123456"], ()),
        ([""], ()),
        (["A very long sentence that is certainly not the name of any person at all"], ()),
        # duplicates
        (["Ana Lima", "ana lima", "By Ana Lima"], ("Ana Lima",)),
    ],
)
def test_clean_authors(values: list[str], expected: tuple[str, ...]) -> None:
    assert clean_authors(values) == expected


def test_arabic_and_cjk_names_kept() -> None:
    assert clean_authors(["محمد علي", "山田 太郎", "李明"]) == ("محمد علي", "山田 太郎", "李明")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Lee, Ann", "Ann Lee"),
        ("Lee, Ann M.", "Ann M. Lee"),
        ("Lee, Ann; Ray, Tom", "Ann Lee; Tom Ray"),
        ("Müller-Lüdenscheidt, Eva", "Eva Müller-Lüdenscheidt"),
        ("Ann Lee", "Ann Lee"),  # not inverted
        ("Ann Lee, Reuters", "Ann Lee, Reuters"),  # an outlet after the comma
        ("Lee, Staff Writer", "Lee, Staff Writer"),  # a job title after the comma
        ("Lee, AP", "Lee, AP"),  # an acronym: an outlet
        ("Lee, Ann, Ray, Tom", "Lee, Ann, Ray, Tom"),  # ambiguous: left as written
    ],
)
def test_uninvert(value: str, expected: str) -> None:
    assert uninvert(value) == expected
