"""Dates as pages show or declare them, turned into ISO 8601 UTC strings.

``parse_date`` is the one entry point. It tries cheap exact forms first (unix
epoch, ISO 8601, RFC 2822) and only then ``dateutil``, strictly: no fuzzy
matching, a year of four digits must be present, and the day and month must
be stated rather than filled in from a default. Naive times are taken as UTC.
Ambiguous numeric dates follow the writing convention: ``04.02.2026`` (dots)
and ``04-02-2026`` (dashes, year last) are day first, ``04/02/2026``
(slashes) month first unless the first number cannot be a month or the page's
language writes them day first (``SLASH_DAY_FIRST_LANGUAGES``). Month names
of several languages are read (``dates_tables.MONTH_WORDS``), CJK
year-month-day forms ("2026年2月4日"), digits of other scripts ("٢٠٢٦"), and days of
other calendars converted to their Gregorian day where the page's language or the
date's marks say the calendar (Solar and lunar Hijri, the Buddhist era of Thai pages).

``relative_date`` reads what ``parse_date`` refuses for want of a year: a
time counted back from the moment the page was fetched ("2 hours ago", "vor 3
Stunden", "gestern"), in the page's declared language, with ``dateparser``;
``day_month_date`` a day and month without their year ("12 March", "Mar 12",
"12.03."), of the last year that puts it no later than the moment of fetching.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from dateutil import parser as _dateutil
from dateutil.relativedelta import relativedelta

from service.extract.dates_tables import (
    AT_WORDS,
    BUDDHIST_ERA,
    BUDDHIST_ERA_OFFSET,
    CALENDAR_LANGUAGES,
    DIGIT_ZEROS,
    HALF_DAY_WORDS,
    LABELS,
    LUNAR_HIJRI_MONTHS,
    MONTH_PHRASES,
    MONTH_WORDS,
    SLASH_DAY_FIRST_ENGLISH_REGIONS,
    SLASH_DAY_FIRST_LANGUAGES,
    SOLAR_HIJRI,
    SOLAR_HIJRI_MONTHS,
    THAI_BUDDHIST_ERA_MARK,
    THAI_COMMON_ERA_MARK,
    THAI_MONTHS,
    WEEKDAY_PHRASES,
    ZONE_OFFSETS,
)

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

MIN_YEAR = 1900  # older "dates" on news pages are almost always misparsed numbers
MAX_YEAR = 2100  # likewise for the far future
MAX_LENGTH = 100  # a date, even with weekday, time and zone, is shorter than this

_EPOCH = re.compile(r"\d{9,10}(?:\.\d+)?|\d{12,13}")
# A zone named after the offset: "[Europe/Paris]" (RFC 9557), "(Central European
# Standard Time)" (JavaScript's Date string). The offset says it all already.
_ZONE_NAME_SUFFIX = re.compile(r"\s*(?:\[[^\]]{1,40}\]|\([^)]{1,60}\))$")
# An offset in brackets with no other zone before it ("14:35 (GMT+7)"): the zone itself.
_BRACKETED_OFFSET = re.compile(r"\(\s*((?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d\d)?)\s*\)$", re.I)
# "12/3/2026": day first in the languages of ``SLASH_DAY_FIRST_LANGUAGES``.
_SLASHED = re.compile(r"^\D{0,20}\d{1,2}/\d{1,2}/\d{4}")
# Weekdays and month names of two words: weekdays dropped, months in English.
_PHRASE_WORDS = {phrase: "" for phrase in WEEKDAY_PHRASES} | MONTH_PHRASES
_PHRASE = re.compile(
    r"\b(" + "|".join(sorted(_PHRASE_WORDS, key=len, reverse=True)) + r")\b,?", re.IGNORECASE
)
_YEAR = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")
_ISO_START = re.compile(r"\d{4}-?\d\d-?\d\d(?:[T ]|$)")
# "04.02.2026" and "04-02-2026" are day first wherever they are written.
_DAY_FIRST = re.compile(r"^\D{0,20}\d{1,2}(?:\.\s?\d{1,2}\.\s?|-\d{1,2}-)\d{4}")
# "2026年2月4日" (Chinese, Japanese), "2026년 2월 4일" (Korean).
_CJK_DATE = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
# "9時30分" (Japanese), "9时30分" (Chinese), "9시 30분" (Korean).
_CJK_TIME = re.compile(r"(\d{1,2})\s*[時时시]\s*(\d{1,2})\s*[分분]?")
# "오후 3:15" (Korean): the half of the day before the time, for dateutil after it.
_HALF_DAY = re.compile(r"(" + "|".join(HALF_DAY_WORDS) + r")\s*(\d{1,2}(?::\d\d){1,2})")
_HOUR_DOT_MINUTE = re.compile(
    r"((?:19|20|21)\d\d,?\s+(?:(?:" + "|".join(map(re.escape, AT_WORDS)) + r")\s+)?)"
    r"(\d{1,2})[.h](\d\d)\b"
)
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d\d))?\b", re.IGNORECASE)
# | bullet dot, the Arabic comma ("12 آذار 2026، 14:35"), dashes
_SEPARATORS = re.compile("\\s*[|\u2022\u00b7\u060c]\\s*|\\s+[-\u2013\u2014]\\s+")
# A word, its combining vowel signs and marks included (Devanagari "नवंबर", Arabic
# with harakat), which ``\w`` does not count as letters.
_WORD = re.compile(
    r"(?:[^\W\d_]|[\u0300-\u036f\u064b-\u065f\u0670\u0900-\u0903\u093a-\u094f"
    r"\u0951-\u0957\u0962\u0963\u0981-\u0983\u09bc-\u09cd])+\.?",
    re.UNICODE,
)
# Digits of other scripts ("٢٠٢٦", "२०२६") as ASCII digits.
_DIGITS = str.maketrans({chr(ord(zero) + n): str(n) for zero in DIGIT_ZEROS for n in range(10)})
_LABEL = re.compile(
    r"^\s*(?:" + "|".join(sorted((re.escape(w) for w in LABELS), key=len, reverse=True)) + r")\b"
    r"\s*[:.\uff1a]?\s*",  # \uff1a: the fullwidth colon of CJK pages ("更新" and a colon)
    re.IGNORECASE,
)
# A day of the Solar Hijri calendar, its month named ("8 آذر 1405", its digits read),
# looked for only in text in the Arabic script.
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
_SOLAR_HIJRI = re.compile(
    r"(?<!\d)(\d{1,2})\s+(" + "|".join(SOLAR_HIJRI_MONTHS) + r")\s+(1[34]\d\d)(?!\d)"
)
# A day of the lunar Hijri calendar, its month named ("15 رمضان 1447 هـ"), with the era's
# mark after the year (heh, with or without a tatweel, or the word "hijri") left out with
# it; in text in the Arabic script.
_LUNAR_HIJRI = re.compile(
    r"(?<!\d)(\d{1,2})\s+("
    + "|".join(sorted(LUNAR_HIJRI_MONTHS, key=len, reverse=True))
    + r")\s+(1[34]\d\d)(?!\d)"
    + r"(?:\s*(?:\u0647\u062c\u0631\u064a\u0629?|\u0647\u0640*)(?![\u0621-\u063a\u0641-\u064a]))?"
)
# A day of the Solar Hijri calendar in numbers, year first ("1404/12/21"), read so on the
# pages of a language that writes it (``CALENDAR_LANGUAGES``).
_SOLAR_HIJRI_NUMBERS = re.compile(r"(?<![\d/-])(1[34]\d\d)([/-])(\d{1,2})\2(\d{1,2})(?![\d/-])")
# A day of a Thai page, its month named ("29 พฤศจิกายน 2569", "12 มี.ค. 2569"), the era
# marked or not before the year, a weekday before it left out ("วันเสาร์ที่ 29 ...").
_THAI_SCRIPT = re.compile("[\u0e00-\u0e7f]")
_THAI_DATE = re.compile(
    r"(?:วัน\S{0,12}?ที่\s*)?(?<!\d)(\d{1,2})\s*("
    + "|".join(re.escape(month) for month in sorted(THAI_MONTHS, key=len, reverse=True))
    + r")\s*("
    + re.escape(THAI_BUDDHIST_ERA_MARK)
    + "|"
    + re.escape(THAI_COMMON_ERA_MARK)
    + r")?\s*(\d{4})(?!\d)"
)
# The words dateutil's reading knows, in lower case (``_holds_unknown_word``).
_DATEUTIL_WORDS = frozenset(
    word.lower()
    for entries in (
        _dateutil.parserinfo.JUMP,
        _dateutil.parserinfo.WEEKDAYS,
        _dateutil.parserinfo.MONTHS,
        _dateutil.parserinfo.HMS,
        _dateutil.parserinfo.AMPM,
        _dateutil.parserinfo.UTCZONE,
        _dateutil.parserinfo.PERTAIN,
    )
    for entry in entries
    for word in (entry if isinstance(entry, tuple) else (entry,))
)
_ZONE_NAME_CHARS = 5  # a run of ASCII capitals this long at most may be a zone's name
# A run of letters and numbers: every run of letters (``str.isalpha``) is one, or part
# of one holding a number ("x²").
_LETTERS = re.compile(r"[^\W\d_]+")
# A run of letters and numbers, or a mark that dateutil's reading takes as a token of
# its own and refuses: no letter, number, space, NUL, nor a mark it reads ("." and ","
# within numbers and words, ";", "-", "/" and "'" between them, "+" and ":" of times
# and offsets, brackets around a zone), nor one the steps before it replace ("|").
_WORD_OR_MARK = re.compile(r"[^\W\d_]+|[^\w\s.,;/'+:()|\x00-]")
# The words of an ASCII text that reach dateutil otherwise or not at all: the months'
# names ``_translate_word`` turns into English ones; and the words of the labels a text
# may open with (``_LABEL``), matched as it matches them (its case folding pairs some
# letters beyond ASCII with ASCII ones).
_WRITTEN_WORDS = _DATEUTIL_WORDS | frozenset(MONTH_WORDS)
_LABEL_WORD = re.compile(
    "|".join(sorted({re.escape(word) for label in LABELS for word in _LETTERS.findall(label)})),
    re.IGNORECASE,
)
_PRIMARY_SUBTAG = re.compile("[-_]")  # "en-GB", "pt_BR": the language before the region
_UTC_FORMAT = "%04d-%02d-%02dT%02d:%02d:%02dZ"  # isoformat's fields, to the second, and "Z"
_UTC_ZONES = {name: timezone(timedelta(minutes=minutes)) for name, minutes in ZONE_OFFSETS.items()}

# Two defaults that differ in every field: a field dateutil fills in from the
# default rather than from the text shows up as a difference.
_DEFAULT_A = datetime(1, 1, 1)
_DEFAULT_B = datetime(2, 2, 2)

# Two moments of fetching that differ in every field, year to minute, and in
# weekday: a text counts a fixed span back when it gives the same span from
# both ("2 hours ago"), not when it names a day or an hour ("Monday", "14:05").
_FETCHED_A = datetime(2026, 11, 29, 4, 0)
_FETCHED_B = datetime(2025, 3, 3, 17, 31)
MAX_RELATIVE_CHARS = 40  # "il y a 2 heures et 5 minutes"; a longer text is a sentence
MAX_RELATIVE_DAYS = 366  # "5 years ago" on a news page is an archive label, not a time
RELATIVE_CACHE_SIZE = 4096  # the same few dozen texts per language recur on every page
RELATIVE_LANGUAGES = 256  # parsers kept, each with its language data (dateparser has ~200)
# A day shown without its year lies this far after the moment of fetching at most: the
# site's time zone may be ahead of UTC; a later day is one of the year before.
DAY_MONTH_AHEAD = timedelta(days=1)
# A day and a month without a year: a day number beside a word (a month's name, for
# ``parse_date`` to check: "12 March", "Mar 12", "12. März") or a day and month
# number each closed by a dot ("12.03."). No slash: "12/03" orders day and month by
# the site's habit, and is a fraction or a score as often.
_DAY_MONTH = re.compile(
    r"^(?=.*[^\W\d_]{3})[^/]*(?<![\d.,:])\d{1,2}(?![\d:.,/]\d)"
    r"|^\s*\d{1,2}\.\s?\d{1,2}\.\s*$"
)


def parse_date(text: str, language: str | None = None) -> str | None:
    """``text`` as ``YYYY-MM-DDTHH:MM:SSZ`` in UTC, or ``None`` when it is not a date.

    Never raises. Accepts ISO 8601 (with or without zone), RFC 2822, unix epoch
    seconds or milliseconds (the whole text being the number), and written dates
    such as "4 February 2026" or "Published: Feb 4, 2026 09:30 AM EST". A year
    outside 1900-2100, a missing day or month, or extra words make it ``None``.
    ``language``, the page's declared one, orders a date written with slashes, and
    says the calendar of a year the date does not mark (``CALENDAR_LANGUAGES``: the
    Solar Hijri "1404/12/21" of a Persian page, the Buddhist era of a Thai one).
    """
    try:
        moment = _parse(text, *_language_reading(language))
    except Exception:  # dateutil and the calendar raise many kinds; none may escape
        return None
    if moment is None or not MIN_YEAR <= moment.year <= MAX_YEAR:
        return None  # checked before the zone's shift too: year 9999 may not shift
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
        if not MIN_YEAR <= moment.year <= MAX_YEAR:
            return None
    return utc_text(moment)


def utc_text(moment: datetime) -> str:
    """``moment`` (in UTC or naive) as ``YYYY-MM-DDTHH:MM:SSZ``, its fraction of a second
    dropped. Formatted from its fields: half the cost of ``replace`` and ``isoformat``,
    whose keyword arguments are parsed on every call."""
    return _UTC_FORMAT % (
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
    )


@lru_cache(maxsize=RELATIVE_LANGUAGES)
def _language_reading(language: str | None) -> tuple[bool, str | None]:
    """How a page in ``language`` writes dates: day first with slashes, and the calendar
    of its unmarked years. Remembered: a page's dates are read in one language."""
    return _slash_day_first(language), _calendar(language)


def _slash_day_first(language: str | None) -> bool:
    if language is None:
        return False
    primary, *rest = _PRIMARY_SUBTAG.split(language.lower(), 2)
    if primary == "en":
        return bool(rest) and rest[0] in SLASH_DAY_FIRST_ENGLISH_REGIONS
    return primary in SLASH_DAY_FIRST_LANGUAGES


def _calendar(language: str | None) -> str | None:
    """The calendar of the years a page in ``language`` writes unmarked, when not the
    Gregorian one (``CALENDAR_LANGUAGES``)."""
    if language is None:
        return None
    return CALENDAR_LANGUAGES.get(_PRIMARY_SUBTAG.split(language.lower(), 1)[0])


def own_calendar(language: str | None) -> bool:
    """Whether a page in ``language`` writes years of a calendar of its own unmarked: its
    dates are read with the language (``parse_date``) whatever their form."""
    return _calendar(language) is not None


def _parse(
    text: str, slash_day_first: bool = False, calendar: str | None = None
) -> datetime | None:
    if not isinstance(text, str):
        return None
    text = text.strip()
    if not text or len(text) > MAX_LENGTH + 60:
        return None
    if not text.isascii():
        text = text.translate(_DIGITS)
        if _ARABIC_SCRIPT.search(text) is not None:
            text = _SOLAR_HIJRI.sub(_gregorian_day, text)
            text = _LUNAR_HIJRI.sub(_lunar_gregorian_day, text)
        elif _THAI_SCRIPT.search(text) is not None:
            text = _THAI_DATE.sub(partial(_thai_day, calendar == BUDDHIST_ERA), text)
    if calendar == SOLAR_HIJRI:
        text = _SOLAR_HIJRI_NUMBERS.sub(_solar_numbers_day, text)
    if text.endswith(")"):
        text = _BRACKETED_OFFSET.sub(r" \1", text)
    if text.endswith(("]", ")")):  # the stripped text ends so when the suffix is there
        text = _ZONE_NAME_SUFFIX.sub("", text)
    if len(text) > MAX_LENGTH:
        return None
    if _EPOCH.fullmatch(text):
        return _from_epoch(text)
    if _ISO_START.match(text):
        try:
            return datetime.fromisoformat(text.replace("z", "Z"))
        except ValueError:
            pass
    if not _YEAR.search(text):
        return None
    if (
        text[:3].isalpha()
        and text.endswith(("GMT", "UT", "Z", "0"))
        and not _GMT_OFFSET.search(text)  # "GMT+0100" is for dateutil, with the sign kept
    ):
        try:
            return parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            pass
    return _parse_written(text, slash_day_first)


def _gregorian_day(match: re.Match[str]) -> str:
    """A Solar Hijri day as its Gregorian day in ISO 8601 ("2026-11-29"), converted by
    ``jdatetime``; a day the month does not have is left as written (and unread)."""
    # Imported on first use: only pages in Persian write such dates.
    import jdatetime

    day, month, year = match.group(1, 2, 3)
    try:
        gregorian: date = jdatetime.date(
            int(year), SOLAR_HIJRI_MONTHS[month], int(day)
        ).togregorian()
    except ValueError:
        return match.group(0)
    return gregorian.isoformat()


def _solar_numbers_day(match: re.Match[str]) -> str:
    """A Solar Hijri day in numbers ("1404/12/21") as its Gregorian day, as
    ``_gregorian_day`` gives one."""
    import jdatetime

    year, month, day = match.group(1, 3, 4)
    try:
        gregorian: date = jdatetime.date(int(year), int(month), int(day)).togregorian()
    except ValueError:
        return match.group(0)
    return gregorian.isoformat()


def _lunar_gregorian_day(match: re.Match[str]) -> str:
    """A lunar Hijri day as its Gregorian day in ISO 8601, converted by ``hijridate`` (the
    Umm al-Qura calendar, 1343 to 1500 AH); a day the month does not have, or a year out
    of that range, is left as written (and unread)."""
    # Imported on first use: only pages in Arabic write such dates.
    from hijridate import Hijri

    day, month, year = match.group(1, 2, 3)
    try:
        gregorian: date = Hijri(int(year), LUNAR_HIJRI_MONTHS[month], int(day)).to_gregorian()
    except (ValueError, OverflowError):
        return match.group(0)
    return gregorian.isoformat()


def _thai_day(buddhist_page: bool, match: re.Match[str]) -> str:
    """A Thai day, its month named, in ISO 8601: the year less ``BUDDHIST_ERA_OFFSET``
    when its mark or the page's language says the Buddhist era; an unmarked year within
    the years read ("2026") is of the common era, whose years in the Buddhist era lie
    past them."""
    day, month, mark, year = match.group(1, 2, 3, 4)
    number = int(year)
    if mark == THAI_BUDDHIST_ERA_MARK or (buddhist_page and mark is None and number > MAX_YEAR):
        number -= BUDDHIST_ERA_OFFSET
    try:
        return date(number, THAI_MONTHS[month], int(day)).isoformat()
    except ValueError:
        return match.group(0)


def _from_epoch(text: str) -> datetime:
    value = float(text)
    if len(text.partition(".")[0]) >= 12:  # milliseconds
        value /= 1000.0
    return datetime.fromtimestamp(value, UTC)


def _parse_written(text: str, slash_day_first: bool) -> datetime | None:
    # A word dateutil does not know refuses the text: looked for before the steps below
    # in an ASCII text, whose words reach the parse as they are but for a label's, a
    # month's name of another language and a zone's, after them in any other.
    ascii_text = text.isascii()
    if ascii_text and _holds_unknown_word(text, _WRITTEN_WORDS, _LABEL_WORD):
        return None
    if not ascii_text:  # CJK dates and times, and the words below, are not ASCII
        text = _CJK_DATE.sub(r" \1-\2-\3 ", text)
        text = _CJK_TIME.sub(r" \1:\2 ", text)
    if not text.isascii():
        text = _HALF_DAY.sub(_half_day_repl, text)
        text = _PHRASE.sub(_phrase_repl, text)
    text = _LABEL.sub("", text, count=1)
    text = _GMT_OFFSET.sub(_offset_repl, text)
    text = _HOUR_DOT_MINUTE.sub(r"\1\2:\3", text)
    text = _SEPARATORS.sub(" ", text)
    text = _WORD.sub(_translate_word, text)
    if not ascii_text and _holds_unknown_word(text, _DATEUTIL_WORDS):
        return None
    day_first = _DAY_FIRST.match(text) is not None or (
        slash_day_first and _SLASHED.match(text) is not None
    )
    first = _dateutil.parse(text, default=_DEFAULT_A, dayfirst=day_first, tzinfos=_zone)
    if _all_from_text(first):
        return first  # the second parse could only agree
    second = _dateutil.parse(text, default=_DEFAULT_B, dayfirst=day_first, tzinfos=_zone)
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None  # year, month or day came from the default, not the text
    return first


def _holds_unknown_word(
    text: str, known: frozenset[str], also_known: re.Pattern[str] | None = None
) -> bool:
    """Whether dateutil's strict parse (no fuzzy matching) must refuse ``text`` for a
    word or a mark it knows no meaning of, found before its reading, which costs a few
    hundred thousand instructions a text ("2019 NFL playoff picture", "Signing Day 2019").

    Its reading splits the text into tokens, a run of letters (``str.isalpha``) one
    token, a mark (no letter, digit, space, dot or comma) another, and refuses a token
    that is no number, no word of its lists (``parserinfo``'s, looked up in lower case:
    ``known`` holds them), no mark it reads (``_READ_MARKS``) and no zone's name (up to
    five ASCII capitals after a number), unless it skips it: the token after "<month> of
    " ("Jan of 99"), so that after a word "of" nothing counts here. A run
    ``also_known`` matches whole is taken as known too. It drops NUL characters, which
    would join the letters around them: a text holding one is left to it."""
    if "\x00" in text:
        return False
    first_digit = -1
    for match in _WORD_OR_MARK.finditer(text):
        word = match.group()
        if not word.isalnum():
            return True  # a mark, read as a token of its own
        lower = word.lower()
        if lower == "of":
            return False
        if lower in known or not word.isalpha():  # a number within the run ("x²")
            continue
        if len(word) <= _ZONE_NAME_CHARS and word.isascii() and word.isupper():
            # a zone's name after a number set the hour ("14:35 CEST")
            if first_digit < 0:
                first_digit = next(
                    (at for at, char in enumerate(text) if char.isdigit()), len(text)
                )
            if first_digit < match.start():
                continue
        if also_known is None or also_known.fullmatch(word) is None:
            return True
    return False


def _all_from_text(moment: datetime) -> bool:
    """Whether year, month and day of ``moment``, parsed with ``_DEFAULT_A``, can only
    have come from the text: each differs from what that default gives. The default's
    day may move forward to a weekday the text names, by six days at most."""
    return (
        moment.year != _DEFAULT_A.year
        and moment.month != _DEFAULT_A.month
        and moment.day > _DEFAULT_A.day + 6
    )


def _half_day_repl(match: re.Match[str]) -> str:
    return f"{match.group(2)} {HALF_DAY_WORDS[match.group(1)]}"


def _phrase_repl(match: re.Match[str]) -> str:
    return _PHRASE_WORDS[match.group(1).lower()]


def _offset_repl(match: re.Match[str]) -> str:
    sign, hours, minutes = match.group(1), match.group(2), match.group(3) or "00"
    return f"{sign}{int(hours):02d}:{minutes}"


def _translate_word(match: re.Match[str]) -> str:
    word = match.group(0)
    return MONTH_WORDS.get(word.lower().rstrip("."), word)


def _zone(name: str | None, offset: int | None) -> tzinfo | None:
    """dateutil's zone callback: known abbreviations, numeric offsets, else naive (UTC)."""
    if offset is not None:
        return timezone(timedelta(seconds=offset))
    if name is None:
        return None
    return _UTC_ZONES.get(name.upper())


def relative_date(text: str, language: str | None, fetched_at: datetime) -> str | None:
    """``text`` as a span counted back from ``fetched_at`` ("2 hours ago", "hace 5
    minutos", "3 小时前", "yesterday"), as ``parse_date`` gives times, or ``None``.

    ``language`` is the page's declared one (its primary subtag is used); without
    it nothing is read, as guessing the language is slow and unsure. A day or an
    hour named without its date ("Monday", "14:05"), a span of calendar months,
    and the future are no relative time. A label before the span ("Updated 2 hours
    ago", "Published: 45 minutes ago": ``LABELS``) is left out. A naive
    ``fetched_at`` is UTC. Never raises.
    """
    if not language or len(text) > MAX_RELATIVE_CHARS:
        return None
    text = _LABEL.sub("", text, count=1).strip()
    language = _PRIMARY_SUBTAG.split(language, 1)[0].lower()
    try:
        if fetched_at.tzinfo is not None:
            fetched_at = fetched_at.astimezone(UTC).replace(tzinfo=None)
        at_time = _DAY_AT_TIME.fullmatch(text)
        if at_time is not None:  # the parser would read the day and drop the time
            return _day_at_time(at_time, language, fetched_at)
        span = _span_back(text, language)
        if span is None:
            return None
        return (fetched_at - span).replace(microsecond=0).isoformat() + "Z"
    except OverflowError:  # a moment of fetching at the calendar's edge
        return None


# A day named by its distance ("yesterday", "gestern", "вчера") and a time of day after
# it, perhaps after a word ("yesterday at 18:40", "gestern, 18:40 Uhr").
_DAY_AT_TIME = re.compile(
    r"(?P<day>\w+)[,\s]+(?:\w+\s+)?(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})(?:\s*(?:uhr|h))?",
    re.IGNORECASE,
)


def _day_at_time(found: re.Match[str], language: str, fetched_at: datetime) -> str | None:
    """A day counted back in whole days ("yesterday") at a time of day ("18:40"), as
    ``_DAY_AT_TIME`` ``found`` them, before ``fetched_at`` (naive UTC), or ``None``."""
    hour, minute = int(found["hour"]), int(found["minute"])
    span = _span_back(found["day"], language)
    if (
        span is None
        or hour > 23
        or minute > 59
        or (span.hours, span.minutes, span.seconds) != (0, 0, 0)
    ):
        return None
    moment = (fetched_at - span).replace(hour=hour, minute=minute, second=0, microsecond=0)
    return moment.isoformat() + "Z" if moment <= fetched_at else None


def day_month_date(text: str, fetched_at: datetime) -> str | None:
    """``text``, a day and month without a year ("12 March", "Mar 12, 14:05",
    "12.03."), as ``parse_date`` gives it in the year of ``fetched_at``, or in the
    year before when that puts it more than ``DAY_MONTH_AHEAD`` after fetching (a
    listing fetched in January shows "Dec 12" of the year before); else ``None``.
    A naive ``fetched_at`` is UTC. Never raises."""
    text = text.strip()
    if len(text) > MAX_LENGTH or _YEAR.search(text) or _DAY_MONTH.search(text) is None:
        return None
    try:
        if fetched_at.tzinfo is not None:
            fetched_at = fetched_at.astimezone(UTC).replace(tzinfo=None)
        latest = (fetched_at + DAY_MONTH_AHEAD).isoformat() + "Z"
    except OverflowError:  # a moment of fetching at the calendar's edge
        return None
    glue = "" if text.endswith(".") and text[-2:-1].isdigit() else " "  # "12.03." + "2026"
    for year in (fetched_at.year, fetched_at.year - 1):
        moment = _dated(f"{text}{glue}{year}")
        if moment is None or moment <= latest:
            return moment
    return None


@lru_cache(maxsize=RELATIVE_CACHE_SIZE)
def _dated(text: str) -> str | None:
    """``parse_date``, remembered: a site's "12 March" lines recur on its pages."""
    return parse_date(text)


@lru_cache(maxsize=RELATIVE_CACHE_SIZE)
def _span_back(text: str, language: str) -> relativedelta | None:
    """How far back ``text`` counts from the moment of fetching, in calendar terms
    ("2 months ago" is two months back from either moment, of 61 days from one and
    59 from the other), or ``None``. Parsed from two moments of fetching: a text
    that names a day or an hour rather than a span gives two different spans."""
    spans = []
    days = []
    for fetched in (_FETCHED_A, _FETCHED_B):
        parser = _relative_parser(language, fetched)
        if parser is None:
            return None
        try:
            moment = parser.get_date_data(text).date_obj
        except Exception:  # dateparser raises many kinds on odd input; none may escape
            return None
        if moment is None:
            return None
        moment = moment.replace(tzinfo=None)
        spans.append(relativedelta(fetched, moment))
        days.append(fetched - moment)
    if spans[0] != spans[1] or not timedelta(0) <= days[0] <= timedelta(days=MAX_RELATIVE_DAYS):
        return None
    return spans[0]


@lru_cache(maxsize=2 * RELATIVE_LANGUAGES)
def _relative_parser(language: str, fetched: datetime) -> DateDataParser | None:
    """A parser of one language counting back from ``fetched``; ``None`` for a language
    ``dateparser`` does not know. Built once per process: it loads the language's data."""
    # Imported on first use: it takes longer to import than the rest of the
    # extraction, and pages that show no span back never need it.
    from dateparser.date import DateDataParser

    settings = {"RELATIVE_BASE": fetched, "PREFER_DATES_FROM": "past", "TIMEZONE": "UTC"}
    try:
        return DateDataParser(languages=[language], settings=settings)
    except ValueError:
        return None
