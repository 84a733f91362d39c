"""dates.parse_date: every form a news page uses, to UTC; nothing that is not a date."""

from __future__ import annotations

from datetime import UTC, datetime
from unittest import mock

import pytest
from dateutil import parser as dateutil_parser
from hypothesis import example, given, settings
from hypothesis import strategies as st

from service.extract import dates
from service.extract.dates import day_month_date, parse_date, relative_date, utc_text

PROPERTIES = settings(max_examples=300, deadline=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO 8601
        ("2026-02-04T09:30:00Z", "2026-02-04T09:30:00Z"),
        ("2026-02-04T09:30:00.000Z", "2026-02-04T09:30:00Z"),
        ("2026-02-04T09:30:00+01:00", "2026-02-04T08:30:00Z"),
        ("2026-02-04T09:30:00-05:00", "2026-02-04T14:30:00Z"),
        ("2026-02-04T09:30:00.000+0000", "2026-02-04T09:30:00Z"),
        ("2026-02-04T09:30:00+05:30", "2026-02-04T04:00:00Z"),
        ("2026-02-04T09:30:00", "2026-02-04T09:30:00Z"),
        ("2026-02-04 09:30:00", "2026-02-04T09:30:00Z"),
        ("2026-02-04", "2026-02-04T00:00:00Z"),
        ("20260204T093000Z", "2026-02-04T09:30:00Z"),
        ("2026-02-04T01:30:00+03:00", "2026-02-03T22:30:00Z"),
        ("  2026-02-04T09:30:00Z\n", "2026-02-04T09:30:00Z"),
        # RFC 2822
        ("Wed, 04 Feb 2026 09:30:00 GMT", "2026-02-04T09:30:00Z"),
        ("Wed, 04 Feb 2026 09:30:00 +0100", "2026-02-04T08:30:00Z"),
        ("Wed, 04 Feb 2026 09:30:00 -0500", "2026-02-04T14:30:00Z"),
        # unix epoch, seconds and milliseconds
        ("1770197400", "2026-02-04T09:30:00Z"),
        ("1770197400000", "2026-02-04T09:30:00Z"),
        # written dates
        ("4 February 2026", "2026-02-04T00:00:00Z"),
        ("February 4, 2026", "2026-02-04T00:00:00Z"),
        ("Feb 4, 2026 09:30 AM EST", "2026-02-04T14:30:00Z"),
        ("Feb 4, 2026 9:30 pm PST", "2026-02-05T05:30:00Z"),
        ("Feb 4, 2026 at 9:30 am ET", "2026-02-04T14:30:00Z"),
        ("Wednesday 4 February 2026 09.30 GMT", "2026-02-04T09:30:00Z"),
        ("Monday, February 9, 2026 11:14 PM", "2026-02-09T23:14:00Z"),
        ("4 Feb 2026 10:00 CET", "2026-02-04T09:00:00Z"),
        ("4 Feb 2026 10:00 JST", "2026-02-04T01:00:00Z"),
        ("4 Feb 2026 10:00 IST", "2026-02-04T04:30:00Z"),
        ("2026-02-04T09:30:00 GMT+3", "2026-02-04T06:30:00Z"),
        ("4 Feb 2026 09:30 UTC-5", "2026-02-04T14:30:00Z"),
        # labels and separators of bylines
        ("Published: Feb 4, 2026 09:30 AM EST", "2026-02-04T14:30:00Z"),
        ("Updated 4 February 2026 | 10:30", "2026-02-04T10:30:00Z"),
        ("Posted on February 4, 2026", "2026-02-04T00:00:00Z"),
        ("10 February 2026 \u2013 12:01", "2026-02-10T12:01:00Z"),
        # numeric dates: dots day first, slashes month first unless impossible
        ("04.02.2026", "2026-02-04T00:00:00Z"),
        ("04.02.2026 09:30", "2026-02-04T09:30:00Z"),
        ("04/02/2026", "2026-04-02T00:00:00Z"),
        ("13/02/2026", "2026-02-13T00:00:00Z"),
        # other languages
        ("4. Februar 2026, 10:30 Uhr", "2026-02-04T10:30:00Z"),
        ("mercredi 4 février 2026 à 10h30", "2026-02-04T10:30:00Z"),
        ("4 févr. 2026", "2026-02-04T00:00:00Z"),
        ("4 de febrero de 2026", "2026-02-04T00:00:00Z"),
        ("quarta-feira, 4 de fevereiro de 2026", "2026-02-04T00:00:00Z"),
        ("4 febbraio 2026", "2026-02-04T00:00:00Z"),
        ("4 maart 2026", "2026-03-04T00:00:00Z"),
        ("Publié le 4 février 2026", "2026-02-04T00:00:00Z"),
        ("17:30, 4 февраля 2026", "2026-02-04T17:30:00Z"),
        ("4 февраля 2026 г. в 17:30", "2026-02-04T17:30:00Z"),  # noqa: RUF001
        ("4 lutego 2026", "2026-02-04T00:00:00Z"),
        ("4 Şubat 2026", "2026-02-04T00:00:00Z"),
        ("4 Februari 2026", "2026-02-04T00:00:00Z"),
        ("2026年2月4日", "2026-02-04T00:00:00Z"),
        ("2026年2月4日 09:30", "2026-02-04T09:30:00Z"),
        ("2026年2月4日 9時30分", "2026-02-04T09:30:00Z"),
        ("2026年2月4日 17时05分", "2026-02-04T17:05:00Z"),
        ("2026년 2월 4일 9시 30분", "2026-02-04T09:30:00Z"),
        ("2026년 2월 4일 09:30", "2026-02-04T09:30:00Z"),
        ("2026년 2월 4일 오후 3:15", "2026-02-04T15:15:00Z"),  # Korean "p.m."
        ("2026.02.04 오전 9:30", "2026-02-04T09:30:00Z"),  # Korean "a.m."
        # section fronts' date lines: weekdays, other scripts and digits
        ("Rabu, 04 Feb 2026 10:15 WIB", "2026-02-04T03:15:00Z"),
        ("4 Şubat 2026 Çarşamba 10:15", "2026-02-04T10:15:00Z"),
        ("środa, 4 lutego 2026", "2026-02-04T00:00:00Z"),
        ("٤ فبراير ٢٠٢٦", "2026-02-04T00:00:00Z"),
        ("٢٧/١١/٢٠٢٦", "2026-11-27T00:00:00Z"),  # noqa: RUF001 (Arabic-Indic digits)
        ("۲۰۲۶/۰۲/۰۴", "2026-02-04T00:00:00Z"),  # Persian digits
        ("4 फ़रवरी 2026", "2026-02-04T00:00:00Z"),  # Hindi
        ("४ फरवरी २०२६", "2026-02-04T00:00:00Z"),
        # more English forms
        ("Feb. 4, 2026", "2026-02-04T00:00:00Z"),
        ("February 4th, 2026", "2026-02-04T00:00:00Z"),
        ("Updated: 09:30 EST, Wed February 4, 2026", "2026-02-04T14:30:00Z"),
        ("2026/02/04 09:30", "2026-02-04T09:30:00Z"),
        ("1770197400.5", "2026-02-04T09:30:00Z"),
        ("04-02-2026", "2026-02-04T00:00:00Z"),  # dashes, year last: day first
        # Greek and Ukrainian month names in the genitive, a Hebrew byline's label
        ("12 Μαρτίου 2026, 14:35", "2026-03-12T14:35:00Z"),
        ("12 μαρτιου 2026", "2026-03-12T00:00:00Z"),
        ("12 березня 2026, 14:35", "2026-03-12T14:35:00Z"),
        ("9 листопада 2026", "2026-11-09T00:00:00Z"),
        ("פורסם: 12.03.2026, 14:35", "2026-03-12T14:35:00Z"),
        # Nordic, Finnish, Czech, Romanian and Hungarian months and labels; "kl." and
        # "klo" ("at") before a time written with a dot
        ("Publicerad 12 mars 2026 kl. 14.35", "2026-03-12T14:35:00Z"),
        ("9 augusti 2026", "2026-08-09T00:00:00Z"),
        ("12. mar. 2026 kl. 14.35", "2026-03-12T14:35:00Z"),
        ("Publiceret 12. marts 2026", "2026-03-12T00:00:00Z"),
        ("Publisert 3. desember 2026 kl. 08.15", "2026-12-03T08:15:00Z"),
        ("Julkaistu 12.3.2026 klo 14.35", "2026-03-12T14:35:00Z"),
        ("12. maaliskuuta 2026", "2026-03-12T00:00:00Z"),
        ("12. března 2026 14:35", "2026-03-12T14:35:00Z"),
        ("Aktualizováno 3. října 2026", "2026-10-03T00:00:00Z"),
        ("Publicat: 12 martie 2026, ora 14:35", "2026-03-12T14:35:00Z"),
        ("2026. március 12. 14:35", "2026-03-12T14:35:00Z"),
        ("Frissítve: 2026. szept. 9., 8:05", "2026-09-09T08:05:00Z"),
        # Slovak months (genitive and nominative), labels, "o" ("at") before a time
        ("Publikované 12. marca 2026, 14:35", "2026-03-12T14:35:00Z"),
        ("Aktualizované 7. februára 2026 o 9:05", "2026-02-07T09:05:00Z"),
        ("Uverejnené: 3. októbra 2026", "2026-10-03T00:00:00Z"),
        ("9. mája 2026", "2026-05-09T00:00:00Z"),
        ("júl 2026", None),  # no day
        # "published" and "updated" labels of Polish, Turkish, Russian, Indonesian,
        # Spanish, Dutch, Italian, Vietnamese, Arabic, Hindi, Japanese and Chinese
        ("Opublikowano: 12 marca 2026, 14:35", "2026-03-12T14:35:00Z"),
        ("Aktualizacja: 12 marca 2026, 16:05", "2026-03-12T16:05:00Z"),
        ("Yayınlanma: 12 Mart 2026 14:35", "2026-03-12T14:35:00Z"),  # noqa: RUF001
        ("Güncelleme Tarihi: 12.03.2026 16:05", "2026-03-12T16:05:00Z"),
        ("Опубликовано: 12 марта 2026, 14:35", "2026-03-12T14:35:00Z"),
        ("Обновлено 12.03.2026 16:05", "2026-03-12T16:05:00Z"),
        ("Diterbitkan: 12 Maret 2026 14:35", "2026-03-12T14:35:00Z"),
        ("Diperbarui 12 Maret 2026, 16:05", "2026-03-12T16:05:00Z"),
        ("Actualizado: 12 de marzo de 2026", "2026-03-12T00:00:00Z"),
        ("Bijgewerkt op 12 maart 2026", "2026-03-12T00:00:00Z"),
        ("Aggiornato: 12 marzo 2026, 16:05", "2026-03-12T16:05:00Z"),
        ("Cập nhật: 12/03/2026 16:05", "2026-12-03T16:05:00Z"),  # no language: month first
        ("نشر في: 12 مارس 2026", "2026-03-12T00:00:00Z"),
        ("آخر تحديث: 12 مارس 2026 16:05", "2026-03-12T16:05:00Z"),
        # the Solar Hijri calendar of Persian pages, its month named
        ("۲۱ اسفند ۱۴۰۴ - ۱۴:۳۵", "2026-03-12T14:35:00Z"),
        ("۸ آذر ۱۴۰۵", "2026-11-29T00:00:00Z"),
        ("1 فروردین 1405 ساعت 09:30", "2026-03-21T09:30:00Z"),
        ("۳۰ اسفند ۱۴۰۳", "2025-03-20T00:00:00Z"),  # a leap year's last day
        # the Syriac month names of the Levant and Iraq, four of them of two words
        ("12 كانون الثاني 2026", "2026-01-12T00:00:00Z"),
        ("الخميس ١٢ آذار ٢٠٢٦ - ١٤:٣٥", "2026-03-12T14:35:00Z"),
        ("نشر في: 3 تشرين الأول 2026", "2026-10-03T00:00:00Z"),
        ("25 كانون الاول 2026، 09:10", "2026-12-25T09:10:00Z"),
        ("9 تشرين الثاني 2026", "2026-11-09T00:00:00Z"),
        ("1 أيار 2026", "2026-05-01T00:00:00Z"),
        ("प्रकाशित: 12 मार्च 2026", "2026-03-12T00:00:00Z"),
        ("अपडेट: 12 मार्च 2026, 16:05", "2026-03-12T16:05:00Z"),
        ("公開 2026年3月12日 14:35", "2026-03-12T14:35:00Z"),
        ("更新：2026年3月12日 16:05", "2026-03-12T16:05:00Z"),  # noqa: RUF001 (a fullwidth colon)
        ("发布时间：2026-03-12 14:35", "2026-03-12T14:35:00Z"),  # noqa: RUF001
        # zone names after an offset
        ("2026-02-04T09:30:00+01:00[Europe/Paris]", "2026-02-04T08:30:00Z"),
        (
            "Wed Feb 04 2026 09:30:00 GMT+0100 (Central European Standard Time)",
            "2026-02-04T08:30:00Z",
        ),
    ],
)
def test_date_forms_become_iso_utc(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hello",
        "2026",  # a year alone
        "February 2026",  # no day
        "Friday, 2026",  # a weekday, no month or day
        "12 2019",  # no day
        "12345",  # a number
        "123456789012345",  # a long id
        "3.5 million in 2026",  # prose with a year
        "Chapter 12 2019",
        "5 things 2019",
        "2 hours ago",  # relative: no reference time
        "yesterday",
        "2026-02-30",  # no such day
        "2026-13-01",  # no such month
        "3000-01-01",  # absurd year
        "1899-12-31",  # absurd year
        "0001-01-01T00:00:00Z",  # CMS placeholder
        "Sun, 31 Dec 2100 23:59:59 -0500",  # past 2100 once in UTC
        "99999999999",  # epoch of 11 digits: neither seconds nor milliseconds
        "Read more about it on 4 February 2026 in our weekly newsletter for subscribers only",
        "x" * 500,
        "Online 4 Feb 2026",  # a word that starts like a label is not the label
        "Standard 4 Feb 2026",
        "۱۴۰۴/۱۲/۲۱",  # a Solar Hijri date in numbers (a lunar Hijri year is of four digits too)
        "آذر ۱۴۰۵",  # a Solar Hijri month without its day
        "۳۱ اسفند ۱۴۰۵",  # no such day: Esfand of 1405 has 29
        "12 كانون 2026",  # "kanun" alone is January or December
        "12 มี.ค. 2569 14:35 น.",  # nor the Buddhist era of a Thai page
    ],
)
def test_non_dates_are_none(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the Solar Hijri calendar in numbers, year first, on a Persian page
        ("۱۴۰۴/۱۲/۲۱", "fa", "2026-03-12T00:00:00Z"),
        ("1404/12/21 - 14:35", "fa-IR", "2026-03-12T14:35:00Z"),
        ("۱۴:۳۵ - ۱۴۰۵/۰۹/۰۸", "fa", "2026-11-29T14:35:00Z"),
        ("1404/12/31", "fa", None),  # no such day: Esfand of 1404 has 30
        ("1404/12/21", "ar", None),  # a year of the lunar Hijri calendar as well
        ("1404/12/21", None, None),
        # the lunar Hijri calendar, its month named (no other calendar's), with or
        # without its era's mark, converted by the Umm al-Qura reckoning
        ("١٥ رمضان ١٤٤٧ هـ", "ar", "2026-03-04T00:00:00Z"),  # noqa: RUF001
        ("الأحد 1 شوال 1447", "ar", "2026-03-20T00:00:00Z"),
        ("10 ذو الحجة 1447 هـ - 14:35", None, "2026-05-27T14:35:00Z"),
        ("3 ربيع الأول 1448", "ar", "2026-08-16T00:00:00Z"),
        ("15 رمضان 1447 هجري", "ar", "2026-03-04T00:00:00Z"),
        ("30 محرم 1448", "ar", None),  # no such day: Muharram of 1448 has 29
        # the Buddhist era of Thai pages: the year less 543
        ("29 พฤศจิกายน 2569", "th", "2026-11-29T00:00:00Z"),
        ("12 มี.ค. 2569 14:35 น.", "th-TH", "2026-03-12T14:35:00Z"),
        ("วันเสาร์ที่ 29 พฤศจิกายน พ.ศ. 2569", None, "2026-11-29T00:00:00Z"),  # the era's mark
        ("29 พฤศจิกายน 2569", None, None),  # neither the page nor the date says the era
        ("29 พฤศจิกายน 2026", "th", "2026-11-29T00:00:00Z"),  # a year of the common era
    ],
)
def test_dates_of_other_calendars_by_the_page_language_or_their_marks(
    text: str, language: str | None, expected: str | None
) -> None:
    assert parse_date(text, language) == expected


def test_non_string_is_none() -> None:
    assert parse_date(None) is None  # type: ignore[arg-type]
    assert parse_date(1770197400) is None  # type: ignore[arg-type]


def test_naive_time_is_taken_as_utc() -> None:
    assert parse_date("4 February 2026 09:30") == "2026-02-04T09:30:00Z"


def test_unknown_zone_abbreviation_is_taken_as_utc_without_warning() -> None:
    # warnings are errors in the test run: dateutil's UnknownTimezoneWarning would fail this
    assert parse_date("4 February 2026 09:30 XYZT") == "2026-02-04T09:30:00Z"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday, 13 February 2026", "2026-02-13T00:00:00Z"),  # every field past the default
        ("Saturday, 3 January 2026", "2026-01-03T00:00:00Z"),  # January, an early day
        ("January 31, 2026 11:05 PM", "2026-01-31T23:05:00Z"),
        ("4 March 2026", "2026-03-04T00:00:00Z"),
    ],
)
def test_written_dates_near_the_defaults(text: str, expected: str) -> None:
    assert parse_date(text) == expected


# --- relative times, counted back from the time of fetching ----------------------------------

FETCHED = datetime(2026, 2, 4, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("2 hours ago", "en", "2026-02-04T07:30:00Z"),
        ("an hour ago", "en-GB", "2026-02-04T08:30:00Z"),
        ("32m", "en", "2026-02-04T08:58:00Z"),
        ("Just now", "en", "2026-02-04T09:30:00Z"),
        ("3 days ago", "en", "2026-02-01T09:30:00Z"),
        ("vor 3 Stunden", "de", "2026-02-04T06:30:00Z"),
        ("gestern", "de", "2026-02-03T09:30:00Z"),
        ("hace 5 minutos", "es", "2026-02-04T09:25:00Z"),
        ("il y a 2 jours", "fr", "2026-02-02T09:30:00Z"),
        ("3 小时前", "zh", "2026-02-04T06:30:00Z"),
        ("Updated 2 hours ago", "en", "2026-02-04T07:30:00Z"),  # a byline's label first
        ("Publicado há 2 horas", "pt", "2026-02-04T07:30:00Z"),
        # an "updated" label before the span, in the languages whose labels are listed
        ("Aktualisiert vor 3 Stunden", "de", "2026-02-04T06:30:00Z"),
        ("Mis à jour il y a 2 heures", "fr", "2026-02-04T07:30:00Z"),
        ("Uppdaterad för 3 timmar sedan", "sv", "2026-02-04T06:30:00Z"),
        ("Opdateret for 2 timer siden", "da", "2026-02-04T07:30:00Z"),
        ("Päivitetty 3 tuntia sitten", "fi", "2026-02-04T06:30:00Z"),
        ("Aktualizováno před 3 hodinami", "cs", "2026-02-04T06:30:00Z"),
        ("Aktualizované pred 3 hodinami", "sk", "2026-02-04T06:30:00Z"),
        ("Publikované pred 45 minútami", "sk", "2026-02-04T08:45:00Z"),
        ("Actualizat acum 3 ore", "ro", "2026-02-04T06:30:00Z"),
        ("Frissítve: 3 órája", "hu", "2026-02-04T06:30:00Z"),
        ("Aktualizacja: 3 godziny temu", "pl", "2026-02-04T06:30:00Z"),
        ("Güncelleme: 3 saat önce", "tr", "2026-02-04T06:30:00Z"),
        ("Обновлено 3 часа назад", "ru", "2026-02-04T06:30:00Z"),
        ("Diperbarui 3 jam yang lalu", "id", "2026-02-04T06:30:00Z"),
        ("Actualizado hace 3 horas", "es", "2026-02-04T06:30:00Z"),
        ("Bijgewerkt: 3 uur geleden", "nl", "2026-02-04T06:30:00Z"),
        ("Aggiornato 3 ore fa", "it", "2026-02-04T06:30:00Z"),
        ("Cập nhật: 3 giờ trước", "vi", "2026-02-04T06:30:00Z"),
        ("آخر تحديث: منذ 3 ساعات", "ar", "2026-02-04T06:30:00Z"),
        ("अपडेट: 3 घंटे पहले", "hi", "2026-02-04T06:30:00Z"),
        ("更新：3時間前", "ja", "2026-02-04T06:30:00Z"),  # noqa: RUF001
        ("发布时间：3小时前", "zh", "2026-02-04T06:30:00Z"),  # noqa: RUF001
        # the "updated" and "published" words of Latvian
        ("Atjaunots pirms 3 stundām", "lv", "2026-02-04T06:30:00Z"),
        ("Publicēts pirms 45 minūtēm", "lv", "2026-02-04T08:45:00Z"),
        # calendar months and years, of different lengths, count back whole
        ("2 months ago", "en", "2025-12-04T09:30:00Z"),
        ("hace 1 mes", "es", "2026-01-04T09:30:00Z"),
        ("vor einem Jahr", "de", "2025-02-04T09:30:00Z"),
    ],
)
def test_relative_times_count_back_from_the_time_of_fetching(
    text: str, language: str, expected: str
) -> None:
    assert relative_date(text, language, FETCHED) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("14:05", "en"),  # a time of day: which day is not shown
        ("Monday", "en"),  # a weekday: which week is not shown
        ("Nov 3", "en"),  # no year
        ("5", "en"),  # a number, not a time
        ("Politics", "en"),
        ("in 2 hours", "en"),  # the future: a scheduled event, not a publication
        ("2 hours ago", None),  # no language declared: not guessed
        ("2 hours ago", "xx"),  # a language the parser does not know
        ("Updated", "en"),  # a label alone
        ("Monday, 14:05", "en"),  # a weekday at a time: which week is not shown
        ("today, 18:40", "en"),  # later than the moment of fetching
        ("yesterday, 25:40", "en"),  # no time of day
        ("2 hours ago, 14:05", "en"),  # a span of hours at a time of day
    ],
)
def test_what_is_no_fixed_span_back_is_no_relative_time(text: str, language: str | None) -> None:
    assert relative_date(text, language, FETCHED) is None


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("yesterday, 18:40", "en", "2026-02-03T18:40:00Z"),
        ("yesterday at 6.40", "en", "2026-02-03T06:40:00Z"),
        ("gestern, 18:40 Uhr", "de", "2026-02-03T18:40:00Z"),
        ("\u0432\u0447\u0435\u0440\u0430, 18:40", "ru", "2026-02-03T18:40:00Z"),
        ("hier \u00e0 18h40", "fr", "2026-02-03T18:40:00Z"),
        ("today, 08:15", "en", "2026-02-04T08:15:00Z"),
    ],
)
def test_a_day_counted_back_at_a_time_of_day_is_that_moment(
    text: str, language: str, expected: str
) -> None:
    assert relative_date(text, language, FETCHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 January", "2026-01-12T00:00:00Z"),  # FETCHED is 4 February 2026
        ("Jan 12", "2026-01-12T00:00:00Z"),
        ("12.01.", "2026-01-12T00:00:00Z"),
        ("12. Januar", "2026-01-12T00:00:00Z"),
        ("12 de enero", "2026-01-12T00:00:00Z"),
        ("Jan 12, 9:30 AM", "2026-01-12T09:30:00Z"),
        ("Feb 5", "2026-02-05T00:00:00Z"),  # a day ahead: the site's time zone
        ("Dec 12", "2025-12-12T00:00:00Z"),  # after the time of fetching: the year before
        # no day and month of their own
        ("12 comments", None),
        ("Season 2", None),
        ("2 - 1", None),  # a score
        ("12/01", None),  # day or month first: the site's habit
        ("12.01", None),  # a decimal number
        ("14:05", None),
        ("3 hours ago", None),
        ("12 January 2025", None),  # a year of its own: ``parse_date``
    ],
)
def test_a_day_and_month_take_the_year_of_fetching(text: str, expected: str | None) -> None:
    assert day_month_date(text, FETCHED) == expected


def test_a_naive_time_of_fetching_is_taken_as_utc() -> None:
    naive = datetime(2026, 2, 4, 9, 30)
    assert relative_date("2 hours ago", "en", naive) == "2026-02-04T07:30:00Z"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("10/3/2026", "vi", "2026-03-10T00:00:00Z"),
        ("10/3/2026", "fr-FR", "2026-03-10T00:00:00Z"),
        ("10/3/2026", "en-US", "2026-10-03T00:00:00Z"),
        ("10/3/2026", "en-GB", "2026-03-10T00:00:00Z"),  # English of a day-first region
        ("10/3/2026", "en_IN", "2026-03-10T00:00:00Z"),
        ("10/3/2026", "en-au", "2026-03-10T00:00:00Z"),
        ("10/3/2026", "en", "2026-10-03T00:00:00Z"),
        ("10/3/2026", None, "2026-10-03T00:00:00Z"),
        ("2026/03/10", "vi", "2026-03-10T00:00:00Z"),
        ("10/3/2026", "he", "2026-03-10T00:00:00Z"),
        ("10/3/2026", "uk-UA", "2026-03-10T00:00:00Z"),
        ("Thứ năm, 12/3/2026, 14:35 (GMT+7)", "vi", "2026-03-12T07:35:00Z"),
    ],
)
def test_slashed_dates_follow_the_page_language(
    text: str, language: str | None, expected: str
) -> None:
    assert parse_date(text, language) == expected


@PROPERTIES
@given(
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31, 23, 59, 59)),
    st.booleans(),
)
def test_utc_text_is_isoformat_to_the_second(moment: datetime, aware: bool) -> None:
    if aware:
        moment = moment.replace(tzinfo=UTC)
    assert utc_text(moment) == moment.replace(tzinfo=None, microsecond=0).isoformat() + "Z"


_DATE_TEXTS = st.text(
    st.sampled_from(" 0123456789-:/.,()[]+TZGMTUCEST年月日時分년월일시분 \n\tabAMPM"), max_size=40
)


@PROPERTIES
@given(_DATE_TEXTS)
def test_a_zone_name_suffix_ends_a_stripped_text_with_a_bracket(text: str) -> None:
    # ``_parse`` removes the suffix only from a text ending in a bracket.
    text = text.strip()
    if not text.endswith(("]", ")")):
        assert dates._ZONE_NAME_SUFFIX.sub("", text) == text


@PROPERTIES
@given(_DATE_TEXTS)
def test_cjk_dates_and_times_are_not_ascii(text: str) -> None:
    # ``_parse_written`` reads them only in a text that is not ASCII.
    if text.isascii():
        assert dates._CJK_DATE.sub(r" \1-\2-\3 ", text) == text
        assert dates._CJK_TIME.sub(r" \1:\2 ", text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-04 09:30 [Europe/Paris]", "2026-02-04T09:30:00Z"),
        ("Wed Feb 04 2026 09:30:00 GMT+0100 (Central European Time)", "2026-02-04T08:30:00Z"),
        ("2026年2月4日 9時30分", "2026-02-04T09:30:00Z"),
    ],
)
def test_suffixes_and_cjk_forms_are_still_read(text: str, expected: str) -> None:
    assert parse_date(text) == expected


# Pieces of texts dateutil reads or refuses: its words in mixed case, words it does not
# know (capitals that may name a zone among them), numbers, "of" and the token it skips
# after "<month> of ", letters of other scripts (some that case folding pairs with ASCII
# ones), NUL, separators, labels, months' names of other languages, zones and times.
_DATE_PIECES = st.sampled_from(
    [
        "Jan",
        "february",
        "SEP",
        "sept",
        "Wed",
        "monday",
        "of",
        "OF",
        "Of",
        "at",
        "on",
        "and",
        "t",
        "T",
        "m",
        "st",
        "th",
        "am",
        "PM",
        "a",
        "p",
        "h",
        "hours",
        "UTC",
        "gmt",
        "z",
        "Z",
        "playoff",
        "Signing",
        "Day",
        "q",
        "x",
        "NFL",
        "CEST",
        "ABCDEF",
        "News",
        "5",
        "12",
        "2019",
        "1999",
        "10:30",
        "04.02.2026",
        "5.x",
        "1e5",
        "nan",
        "inf",
        "Ja",
        "n",
        "Updated:",
        "Posted",
        "on",
        "posted",
        "Date",
        "mars",
        "marzo",
        "ago",
        "Juni",
        "kl.",
        "klo",
        "GMT+1",
        "10h30",
        "2019,",
        " ",
        "  ",
        ", ",
        "-",
        "/",
        ".",
        ":",
        "+",
        "(",
        ")",
        "\x00",
        "\t",
        "\xa0",
        " | ",
        " - ",
        "\u0301",
        "\u00c4",
        "\u00e9",
        "\u00df",
        "\uff41\uff54",
        "\u0130",
        "\u212a",
        "\u0131",
        "\u017f",
        "\u00c6r\u00f8",
        "x\u00b2",
        "\u00b2",
        "\u0662\u0660\u0661\u0669",
        "Yay\u0131n",
        "YAYIN",
        "Yayin",
        "\u00a9",
        "\u2019",
        "@",
        '"',
        "!",
        "_",
        "#",
        "\u2013",
        "\u00bd",
        "\uff11\uff14",
        "AUTO",
        "NEWS",
    ]
)
_DATE_LIKE = st.lists(_DATE_PIECES, max_size=9).map("".join)
_UNKNOWN_WORD_EXAMPLES = (
    "5 Jan of q 2019",  # the token after "<month> of " is skipped
    "5 Jan of Queen 2019",
    "5 2019 Jan of 5.x",  # a number and a letter at the end: one token, skipped
    "5 Jan OF q 2019",
    "4 February 2026 10:30 ABCDE",  # capitals that may name a zone
    "4 February 2026 10:30 ABCDEF",
    "4 Feb 2026 a\x00t 10:30",  # NUL dropped: "at"
    "4 Ja\x00n 2026",  # "Jan"
    "4 Feb 2026 \uff41\uff54 10:30",
    "2019 NFL playoff picture",
    "Signing Day 2019",
    "FEATURES December 18, 2015",
    "12 \u212aan 2019",
    "AUTO NEWS November 16, 2016",
    "14:35 CEST 4 Feb 2026",  # a zone's name after the hour
    "\uff11\uff14:35 CEST 4 Feb 2026",
    "Nov 18, 2019 @17:19 PM",
    "4 Feb 2026 \u2013 10:30",
    "4 Feb 2026 \u00bd",
)


def _gate_refuses_only_what_dateutil_refuses(text: str, day_first: bool) -> None:
    if not dates._holds_unknown_word(text, dates._DATEUTIL_WORDS):
        return
    for default in (dates._DEFAULT_A, dates._DEFAULT_B):
        with pytest.raises(dateutil_parser.ParserError):
            dateutil_parser.parse(text, default=default, dayfirst=day_first, tzinfos=dates._zone)


@PROPERTIES
@given(_DATE_LIKE, st.booleans())
def test_a_word_dateutil_does_not_know_refuses_the_text(text: str, day_first: bool) -> None:
    # The gate before dateutil's parse refuses only what the parse refuses.
    _gate_refuses_only_what_dateutil_refuses(text, day_first)


@pytest.mark.parametrize("text", _UNKNOWN_WORD_EXAMPLES)
@pytest.mark.parametrize("day_first", [False, True])
def test_the_unknown_word_gate_on_its_edge_cases(text: str, day_first: bool) -> None:
    _gate_refuses_only_what_dateutil_refuses(text, day_first)


def test_the_unknown_word_gate_refuses_headlines_with_a_year() -> None:
    for text in (
        "2019 NFL playoff picture",
        "Signing Day 2019",
        "FEATURES June 15, 2010",
        "AUTO NEWS November 16, 2016",  # capitals before a number name no zone
        "Nov 18, 2019 @17:19 PM",
        'CNN, "," Sept. 13, 2019',
    ):
        assert dates._holds_unknown_word(text, dates._DATEUTIL_WORDS)
        assert dates._holds_unknown_word(text, dates._WRITTEN_WORDS, dates._LABEL_WORD)
    for text in ("5 Jan of q 2019", "4 February 2026 10:30 ABCDE", "4 Ja\x00n 2026", "4 Feb 2026"):
        assert not dates._holds_unknown_word(text, dates._DATEUTIL_WORDS)
    # In an ASCII text, before the labels and months' names are read
    for text in ("Updated: 4 marzo 2026", "Posted on 4 Juni 2026", "DATE 4 Juni 2026"):
        assert not dates._holds_unknown_word(text, dates._WRITTEN_WORDS, dates._LABEL_WORD)


@PROPERTIES
@given(_DATE_LIKE, st.sampled_from([None, "en", "en-GB", "fr", "fa", "th"]))
@example("5 Jan of q 2019", None)
@example("Wed 20 Nov 1995 19:12 foo bar GMT", None)
@example("2019 NFL playoff picture", "en")
@example("Updated: 4 marzo 2026", None)
@example("Date 4 Juni 2026 kl. 10.30", None)
@example("4 Ja\x00n 2026", None)
@example("14:35 CEST 4 Feb 2026", None)
@example("\uff11\uff14:35 CEST 4 Feb 2026 \u00a9", None)
@example("DATE 4 Juni 2026", None)
def test_parse_date_is_unchanged_by_the_unknown_word_gate(text: str, language: str | None) -> None:
    # ``teaser_fields.is_date`` and every other reader of dates ask ``parse_date``.
    with mock.patch.object(dates, "_holds_unknown_word", return_value=False):
        expected = parse_date(text, language)
    assert parse_date(text, language) == expected


@pytest.mark.parametrize(
    "text", ["9999-12-31T23:00:00-05:00", "0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-00:01"]
)
def test_a_time_whose_zone_moves_it_out_of_the_calendar_is_no_date(text: str) -> None:
    assert parse_date(text) is None


def test_a_moment_of_fetching_at_the_calendar_s_edge_gives_no_date_and_raises_nothing() -> None:
    assert relative_date("2 hours ago", "en", datetime(1, 1, 1, 0, 30)) is None
    assert relative_date("2 hours ago", "en", datetime(9999, 12, 31, 23, 0, tzinfo=UTC)) == (
        "9999-12-31T21:00:00Z"
    )
    assert day_month_date("31 December", datetime(9999, 12, 31, 23, 0)) is None
    assert day_month_date("31 December", datetime(1, 1, 1, 0, 30, tzinfo=UTC)) is None
