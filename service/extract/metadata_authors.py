"""Author names from byline strings: prefixes, job titles and outlets removed."""

from __future__ import annotations

import re
from collections.abc import Iterable

from service.extract.metadata_tables import (
    AUTHOR_JOINTS,
    AUTHOR_MAX_CHARS,
    AUTHOR_MAX_WORDS,
    AUTHOR_NOT_NAME_WORDS,
    AUTHOR_PLACEHOLDERS,
    AUTHOR_PREFIXES_ENGLISH,
    AUTHOR_PREFIXES_LOWERCASE,
    AUTHOR_PREFIXES_OTHER,
    AUTHOR_ROLE_SUFFIXES,
    MAX_AUTHORS,
)
from service.extract.text import DIRECTION_MARKS, normalize_text

_PREFIX = re.compile(
    r"^(?:(?:[\w'-]+\s+){0,2}?(?:"
    + "|".join(re.escape(p) for p in AUTHOR_PREFIXES_ENGLISH)
    + r")|"
    + "|".join(re.escape(p) for p in AUTHOR_PREFIXES_OTHER)
    + r")\s*:?\s+"
    + r"|^[^\W\d_]+:\s+"  # a one-word label: "Text:", "Autor:"
)
_ROLE_SUFFIX = re.compile(r"\s*(?:" + "|".join(re.escape(s) for s in AUTHOR_ROLE_SUFFIXES) + r")$")
_JOINTS = re.compile("|".join(re.escape(j) for j in AUTHOR_JOINTS), re.IGNORECASE)
# URLs, handles, e-mail addresses, paths, domains and numbers are not names.
_NOT_A_NAME = re.compile(r"https?:|www\.|@|/|\d{3}|[A-Za-z0-9]\.[a-z]{2,}\b")
# A word with its combining marks, which ``\w`` leaves out: accents written apart, the
# vowel signs of Devanagari, Bengali and Thai ("राहुल" is one word, not three).
_WORD = re.compile(
    r"[\w'\-\u0300-\u036f\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
    r"\u0981-\u0983\u09bc-\u09d7\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+"
)
# A Chinese name is one word of two to four ideographs, written without a space ("王丽").
_UNSPACED_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,4}")
_MAX_BYLINE_CHARS = 1000  # room for a dozen names with titles; longer is not a byline
_PERSON_MIN_WORDS = 2  # a lone word after a comma is a degree or an outlet ("MS", "Futurism")
_PERSON_MAX_WORDS = 4
_MAX_PARTICLE_CHARS = 3  # "de", "van", "von", "bin": lowercase words inside names
_INVERTED_GIVEN_MAX_WORDS = 3  # "Lee, Ann Marie J."


def clean_authors(values: Iterable[str]) -> tuple[str, ...]:
    """The author names in ``values``, in order, without duplicates (case-insensitive).

    Each value may hold several names ("A and B", "A; B"), a byline prefix
    ("By", "Analysis by", "par"), and after a comma a job title or an outlet
    ("Jane Doe, AP Staff Writer"): those are removed. A later part is kept
    only when it looks like a person's name. URLs, handles and CMS account
    names ("admin") are not names, nor is a value too long to be a byline.
    At most ``MAX_AUTHORS`` names.
    """
    names: list[str] = []
    seen: set[str] = set()
    for value in values:
        if len(value) > _MAX_BYLINE_CHARS:
            continue
        for name in _names_in(normalize_text(value)):
            key = name.casefold()
            if key not in seen:
                seen.add(key)
                names.append(name)
    return tuple(names[:MAX_AUTHORS])


def byline_names(byline: str) -> tuple[str, ...]:
    """The names in a shown byline without its leading byline word ("Ann Lee and Tom
    Ray"), or nothing unless every name looks like a person's: capitalized words (or
    words of a script without case), two to four of them, or one word of two to four
    ideographs. A line such as "the numbers: what it costs" is no byline."""
    names = clean_authors([byline])
    if not names or len(_JOINTS.split(byline)) > len(names):
        return ()  # a part of the line was no name
    if all(
        reads_as_person(n, 1 if _UNSPACED_NAME.fullmatch(n) else _PERSON_MIN_WORDS)
        and all(_capitalized(w) for w in _WORD.findall(n))
        for n in names
    ):
        return names
    return ()


def _capitalized(word: str) -> bool:
    """Whether ``word`` starts as a name does: with a capital, or with a letter of a
    script that has no case (Thai, Devanagari, Arabic, CJK)."""
    first = word[0]
    return first.isupper() or (first.isalpha() and not first.islower())


def uninvert(value: str) -> str:
    """``value`` with names in the inverted form turned around ("Lee, Ann" -> "Ann Lee").

    Names are separated by ";". A name is inverted when a comma parts a single
    surname from one to three capitalized given names or initials; anything
    else (a job title, an outlet after the comma) is left as written.
    """
    return "; ".join(_uninvert_one(part) for part in value.split(";"))


def _uninvert_one(name: str) -> str:
    surname, comma, given = name.partition(",")
    surname, given = surname.strip(), given.strip()
    if not comma or "," in given or len(surname.split()) != 1:
        return name
    words = given.split()
    if not 1 <= len(words) <= _INVERTED_GIVEN_MAX_WORDS or not reads_as_person(
        f"{surname} {given}"
    ):
        return name
    if not all(w[0].isupper() for w in words if w[0].isalpha()):
        return name
    return f"{given} {surname}"


def _names_in(value: str) -> list[str]:
    names: list[str] = []
    for index, chunk in enumerate(_JOINTS.split(value)):
        chunk = _without_lowercase_word(_PREFIX.sub("", _trim(chunk)))
        for part_index, part in enumerate(chunk.split(",")):
            name = _trim(_ROLE_SUFFIX.sub("", _trim(part)))
            later = index > 0 or part_index > 0
            if _is_name(name) and (not later or reads_as_person(name)):
                names.append(name)
    return names


def _without_lowercase_word(chunk: str) -> str:
    """``chunk`` without a lowercase byline word that begins names when capitalized
    ("de Andrei Popescu"), when a capitalized name of two words or more follows it:
    "De La Cruz", "de Vries" and "de la Fuente" are names."""
    word, _, rest = chunk.partition(" ")
    if (
        word in AUTHOR_PREFIXES_LOWERCASE
        and rest[:1].isupper()
        and len(rest.split()) >= _PERSON_MIN_WORDS
    ):
        return rest
    return chunk


def _trim(text: str) -> str:
    # separators, and the direction marks a name may keep once its byline word is cut
    return text.strip(" .,|·•∙-–—:" + DIRECTION_MARKS)  # noqa: RUF001 (dashes and bullets are meant)


def _is_name(text: str) -> bool:
    return (
        bool(text)
        and len(text) <= AUTHOR_MAX_CHARS
        and len(text.split()) <= AUTHOR_MAX_WORDS
        and (text[0].isalpha() or any(ch.isalpha() for ch in text))
        and text.casefold() not in AUTHOR_PLACEHOLDERS
        and _NOT_A_NAME.search(text) is None
    )


def reads_as_person(text: str, min_words: int = _PERSON_MIN_WORDS) -> bool:
    """Whether ``text`` reads as one person's name: ``min_words`` to four words (one
    is a name only where a byline shows it: "By Catherine"), not a byline word
    alone ("By"), none of a job title or an outlet ("Staff Writer", "CNN
    Business"), no acronym ("AP", "MS") unless the whole is in capitals, and no
    lowercase word longer than a particle ("de", "van", "bin"): a bio runs on in
    such words ("Anna Schmidt berichtet seit")."""
    words = _WORD.findall(text)
    return (
        min_words <= len(words) <= _PERSON_MAX_WORDS
        and text not in AUTHOR_PREFIXES_ENGLISH
        and text not in AUTHOR_PREFIXES_OTHER
        and not any(w.casefold() in AUTHOR_NOT_NAME_WORDS for w in words)
        # Acronyms among capitalized words are outlets or degrees ("AP", "MS"); a
        # byline set all in capitals says nothing by its case.
        and (text.isupper() or not any(w.isupper() and len(w) > 1 for w in words))
        and not any(len(w) > _MAX_PARTICLE_CHARS and w[0].islower() for w in words)
    )
