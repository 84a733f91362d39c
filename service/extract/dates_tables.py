"""Data for ``dates``: zone abbreviations, words before a date, month names.

Kept apart from the parsing code so that each entry can carry its reason.
"""

from __future__ import annotations

# Zone abbreviations news pages print after a time, as minutes east of UTC.
# Ambiguous ones take the reading most common on news sites.
ZONE_OFFSETS: dict[str, int] = {
    "UTC": 0,  # coordinated universal time
    "UT": 0,  # RFC 2822's universal time
    "GMT": 0,  # Greenwich; UK pages in winter
    "Z": 0,  # ISO 8601's zulu
    "WET": 0,  # western Europe (Portugal) winter
    "WEST": 60,  # western Europe summer
    "BST": 60,  # British summer time
    "IST": 330,  # India, by far the most frequent on news pages
    "CET": 60,  # central Europe winter
    "CEST": 120,  # central Europe summer
    "MEZ": 60,  # central Europe winter, German spelling
    "MESZ": 120,  # central Europe summer, German spelling
    "EET": 120,  # eastern Europe winter
    "EEST": 180,  # eastern Europe summer
    "MSK": 180,  # Moscow
    "TRT": 180,  # Turkey
    "AST": -240,  # Atlantic standard (Canada, Caribbean)
    "ADT": -180,  # Atlantic daylight
    "EST": -300,  # US eastern standard
    "EDT": -240,  # US eastern daylight
    "ET": -300,  # US eastern, season unstated: standard
    "CST": -360,  # US central standard
    "CDT": -300,  # US central daylight
    "CT": -360,  # US central, season unstated: standard
    "MST": -420,  # US mountain standard
    "MDT": -360,  # US mountain daylight
    "MT": -420,  # US mountain, season unstated: standard
    "PST": -480,  # US pacific standard
    "PDT": -420,  # US pacific daylight
    "PT": -480,  # US pacific, season unstated: standard
    "AKST": -540,  # Alaska standard
    "AKDT": -480,  # Alaska daylight
    "HST": -600,  # Hawaii
    "BRT": -180,  # Brasília
    "ART": -180,  # Argentina
    "SAST": 120,  # South Africa
    "WAT": 60,  # west Africa
    "EAT": 180,  # east Africa
    "PKT": 300,  # Pakistan
    "ICT": 420,  # Indochina
    "WIB": 420,  # western Indonesia
    "SGT": 480,  # Singapore
    "HKT": 480,  # Hong Kong
    "PHT": 480,  # Philippines
    "AWST": 480,  # western Australia
    "JST": 540,  # Japan
    "KST": 540,  # Korea
    "ACST": 570,  # central Australia standard
    "AEST": 600,  # eastern Australia standard
    "AEDT": 660,  # eastern Australia daylight
    "NZST": 720,  # New Zealand standard
    "NZDT": 780,  # New Zealand daylight
}

# Words that introduce a date in a byline ("Published: 4 Feb 2026"); removed
# before parsing, which is never fuzzy. Matched case-insensitively at the start.
LABELS: tuple[str, ...] = (
    "published on",  # English bylines
    "published",  # English bylines
    "first published on",  # English bylines, UK style
    "first published",  # English bylines, UK style
    "last updated on",  # English bylines
    "last updated",  # English bylines
    "last modified",  # English bylines
    "updated on",  # English bylines
    "updated",  # English bylines
    "posted on",  # blogs
    "posted",  # blogs
    "date",  # plain label
    "on",  # "on 4 February 2026"
    "publié le",  # French
    "mis à jour le",  # French
    "modifié le",  # French "modified on"
    "veröffentlicht am",  # German
    "aktualisiert am",  # German
    "stand",  # German "as of"
    "publicado el",  # Spanish
    "publicado em",  # Portuguese
    "publicado",  # Spanish, Portuguese
    "actualizado el",  # Spanish
    "atualizado em",  # Portuguese
    "pubblicato il",  # Italian
    "aggiornato il",  # Italian
    "gepubliceerd op",  # Dutch
    "입력",  # Korean "entered": the time of publication ("입력 2026.03.12 14:35")
    "등록",  # Korean "registered": idem
    "수정",  # Korean "modified"
    "פורסם",  # Hebrew "published" ("פורסם: 12.03.2026, 14:35")
    "עודכן",  # Hebrew "updated"
    "опубліковано",  # Ukrainian "published"
    "оновлено",  # Ukrainian "updated"
    "δημοσίευση",  # Greek "publication"
    "ενημέρωση",  # Greek "update"
    "aktualisiert",  # German "updated", before a span back ("Aktualisiert vor 3 Stunden")
    "mis à jour",  # French "updated", before a span back ("Mis à jour il y a 2 heures")
    "publicerad",  # Swedish "published"
    "uppdaterad",  # Swedish "updated"
    "publiceret",  # Danish "published"
    "opdateret",  # Danish "updated"
    "publisert",  # Norwegian "published"
    "oppdatert",  # Norwegian "updated"
    "julkaistu",  # Finnish "published"
    "päivitetty",  # Finnish "updated"
    "publikováno",  # Czech "published"
    "aktualizováno",  # Czech "updated"
    "publikované",  # Slovak "published"
    "uverejnené",  # Slovak "published"
    "aktualizované",  # Slovak "updated" ("Aktualizované pred 3 hodinami")
    "publicat",  # Romanian "published"
    "actualizat",  # Romanian "updated"
    "publikálva",  # Hungarian "published"
    "frissítve",  # Hungarian "updated"
    "opublikowano",  # Polish "published"
    "aktualizacja",  # Polish "update"
    "yayınlanma",  # Turkish "publication"  # noqa: RUF001
    "güncellenme",  # Turkish "update"
    "опубликовано",  # Russian "published"
    "обновлено",  # Russian "updated"
    "प्रकाशित",  # Hindi "published"
    "अपडेटेड",  # Hindi "updated"
    "প্রকাশিত",  # Bengali "published"
    "প্রকাশ",  # Bengali "publication" ("প্রকাশ: ১২ মার্চ ২০২৬, ১৪:৩৫")
    "আপডেট",  # Bengali "update"
    "发布时间",  # Chinese "time of publication" ("发布时间" and a fullwidth colon)
    "發布時間",  # Chinese, traditional script
    "更新时间",  # Chinese "time of update"
    "更新",  # Japanese, Chinese "updated"
    "yayınlanma tarihi",  # noqa: RUF001 (Turkish "date of publication")
    "güncelleme tarihi",  # Turkish "date of update"
    "güncelleme",  # Turkish "update"
    "diterbitkan",  # Indonesian "published"
    "diperbarui",  # Indonesian "updated"
    "actualizado",  # Spanish "updated", before a span back ("Actualizado hace 3 horas")
    "bijgewerkt op",  # Dutch "updated on"
    "bijgewerkt",  # Dutch "updated"
    "aggiornato",  # Italian "updated", before a span back ("Aggiornato 3 ore fa")
    "cập nhật",  # Vietnamese "updated"
    "نشر في",  # Arabic "published on"
    "آخر تحديث",  # Arabic "last update"
    "अपडेट",  # Hindi "update"
    "公開",  # Japanese "published"
    "publicēts",  # Latvian "published"
    "atjaunots",  # Latvian "updated" ("Atjaunots pirms 3 stundām")
)

# fmt: off
_MONTHS_BY_LANGUAGE: dict[str, tuple[tuple[str, ...], ...]] = {
    # Month names dateutil does not know, per month (January first); a tuple
    # per month holds full names and abbreviations.
    "fr": (
        ("janvier", "janv"), ("février", "fevrier", "févr", "fevr"), ("mars",),
        ("avril", "avr"), ("mai",), ("juin",), ("juillet", "juil"), ("août", "aout"),
        ("septembre",), ("octobre",), ("novembre",), ("décembre", "decembre", "déc"),
    ),
    "de": (
        ("januar", "jänner", "jän"), ("februar",), ("märz", "mär", "maerz"), ("april",),
        ("mai",), ("juni",), ("juli",), ("august",), ("september",), ("oktober", "okt"),
        ("november",), ("dezember", "dez"),
    ),
    "es": (
        ("enero", "ene"), ("febrero",), ("marzo",), ("abril", "abr"), ("mayo",),
        ("junio",), ("julio",), ("agosto", "ago"), ("septiembre", "setiembre", "sept"),
        ("octubre",), ("noviembre",), ("diciembre", "dic"),
    ),
    "pt": (
        ("janeiro",), ("fevereiro", "fev"), ("março", "marco"), ("abril",), ("maio",),
        ("junho",), ("julho",), ("agosto",), ("setembro", "set"), ("outubro", "out"),
        ("novembro",), ("dezembro",),
    ),
    "it": (
        ("gennaio", "gen"), ("febbraio",), ("marzo",), ("aprile",), ("maggio", "mag"),
        ("giugno", "giu"), ("luglio", "lug"), ("agosto",), ("settembre",), ("ottobre", "ott"),
        ("novembre",), ("dicembre",),
    ),
    "nl": (
        ("januari",), ("februari",), ("maart", "mrt"), ("april",), ("mei",), ("juni",),
        ("juli",), ("augustus",), ("september",), ("oktober",), ("november",),
        ("december",),
    ),
    "ru": (  # nominative and genitive ("4 февраля"), and abbreviations
        ("январь", "января", "янв"), ("февраль", "февраля", "фев"), ("март", "марта", "мар"),
        ("апрель", "апреля", "апр"), ("май", "мая"), ("июнь", "июня", "июн"),
        ("июль", "июля", "июл"), ("август", "августа", "авг"),
        ("сентябрь", "сентября", "сен", "сент"), ("октябрь", "октября", "окт"),
        ("ноябрь", "ноября", "ноя"), ("декабрь", "декабря", "дек"),
    ),
    "uk": (  # nominative, genitive ("12 березня"), abbreviations
        ("січень", "січня", "січ"), ("лютий", "лютого", "лют"), ("березень", "березня", "бер"),  # noqa: RUF001
        ("квітень", "квітня", "квіт"), ("травень", "травня", "трав"),
        ("червень", "червня", "черв"), ("липень", "липня", "лип"),
        ("серпень", "серпня", "серп"), ("вересень", "вересня", "вер"),
        ("жовтень", "жовтня", "жовт"), ("листопад", "листопада", "лист"),
        ("грудень", "грудня", "груд"),
    ),
    "el": (  # nominative, genitive ("12 Μαρτίου"), unaccented too
        ("ιανουάριος", "ιανουαρίου", "ιανουαριου", "ιαν"),  # noqa: RUF001
        ("φεβρουάριος", "φεβρουαρίου", "φεβρουαριου", "φεβ"),
        ("μάρτιος", "μαρτίου", "μαρτιου", "μαρ"), ("απρίλιος", "απριλίου", "απριλιου", "απρ"),
        ("μάιος", "μαΐου", "μαιου"), ("ιούνιος", "ιουνίου", "ιουνιου", "ιουν"),  # noqa: RUF001
        ("ιούλιος", "ιουλίου", "ιουλιου", "ιουλ"), ("αύγουστος", "αυγούστου", "αυγουστου", "αυγ"),  # noqa: RUF001
        ("σεπτέμβριος", "σεπτεμβρίου", "σεπτεμβριου", "σεπ"),
        ("οκτώβριος", "οκτωβρίου", "οκτωβριου", "οκτ"),
        ("νοέμβριος", "νοεμβρίου", "νοεμβριου", "νοε"),
        ("δεκέμβριος", "δεκεμβρίου", "δεκεμβριου", "δεκ"),
    ),
    "pl": (  # nominative and genitive
        ("styczeń", "stycznia"), ("luty", "lutego"), ("marzec", "marca"),
        ("kwiecień", "kwietnia"), ("maj", "maja"), ("czerwiec", "czerwca"),
        ("lipiec", "lipca"), ("sierpień", "sierpnia"), ("wrzesień", "września"),
        ("październik", "października"), ("listopad", "listopada"), ("grudzień", "grudnia"),
    ),
    "tr": (  # dotless i is meant
        ("ocak",), ("şubat",), ("mart",), ("nisan",), ("mayıs",), ("haziran",),  # noqa: RUF001
        ("temmuz",), ("ağustos",), ("eylül",), ("ekim",), ("kasım",), ("aralık",),  # noqa: RUF001
    ),
    "id": (  # Indonesian, Malay
        ("januari",), ("februari",), ("maret",), ("april",), ("mei",), ("juni",),
        ("juli",), ("agustus",), ("september",), ("oktober",), ("november",),
        ("desember",),
    ),
    "ar": (  # the Gregorian names of Egypt and the Gulf, with and without hamza
        ("يناير",), ("فبراير",), ("مارس",), ("أبريل", "ابريل", "إبريل"), ("مايو",),
        ("يونيو", "يونيه"), ("يوليو", "يوليه"), ("أغسطس", "اغسطس"), ("سبتمبر",),
        ("أكتوبر", "اكتوبر"), ("نوفمبر",), ("ديسمبر",),
    ),
    "ar-levant": (  # the Syriac names of the Levant and Iraq ("12 آذار 2026"), with and
        # without hamza or madda; four of two words, "kanun" and "tishrin" with "first" or
        # "second" ("كانون الثاني", January), read as phrases (``MONTH_PHRASES``)
        ("كانون الثاني", "كانون ثاني"), ("شباط",), ("آذار", "اذار"), ("نيسان",),
        ("أيار", "ايار"), ("حزيران",), ("تموز",), ("آب",), ("أيلول", "ايلول"),
        ("تشرين الأول", "تشرين الاول", "تشرين أول", "تشرين اول"),
        ("تشرين الثاني", "تشرين ثاني"), ("كانون الأول", "كانون الاول", "كانون أول", "كانون اول"),
    ),
    "hi": (  # both spellings of the nasal ("नवंबर", "नवम्बर"), with and without nukta
        ("जनवरी",), ("फ़रवरी", "फरवरी"), ("मार्च",), ("अप्रैल", "अप्रेल"), ("मई",), ("जून",),
        ("जुलाई",), ("अगस्त",), ("सितंबर", "सितम्बर"), ("अक्टूबर", "अक्तूबर"),
        ("नवंबर", "नवम्बर"), ("दिसंबर", "दिसम्बर"),
    ),
    "sv": (  # Swedish ("12 mars 2026"); "mars" and "maj" are the French and Polish ones
        ("januari",), ("februari",), ("mars",), ("april",), ("maj",), ("juni",),
        ("juli",), ("augusti",), ("september",), ("oktober",), ("november",),
        ("december",),
    ),
    "da": (  # Danish and Norwegian ("12. marts 2026", "12. mars 2026", "12. mar. 2026")
        ("januar",), ("februar",), ("marts", "mars"), ("april",), ("maj", "mai"),
        ("juni",), ("juli",), ("august",), ("september",), ("oktober", "okt"),
        ("november",), ("december", "desember", "des"),
    ),
    "fi": (  # Finnish, partitive as dates write it ("12. maaliskuuta 2026")
        ("tammikuuta", "tammikuu"), ("helmikuuta", "helmikuu"), ("maaliskuuta", "maaliskuu"),
        ("huhtikuuta", "huhtikuu"), ("toukokuuta", "toukokuu"), ("kesäkuuta", "kesäkuu"),
        ("heinäkuuta", "heinäkuu"), ("elokuuta", "elokuu"), ("syyskuuta", "syyskuu"),
        ("lokakuuta", "lokakuu"), ("marraskuuta", "marraskuu"), ("joulukuuta", "joulukuu"),
    ),
    "cs": (  # Czech, genitive as dates write it ("12. března 2026"), and nominative
        ("ledna", "leden"), ("února", "únor"), ("března", "březen"), ("dubna", "duben"),
        ("května", "květen"), ("června", "červen"), ("července", "červenec"),
        ("srpna", "srpen"), ("září",), ("října", "říjen"), ("listopadu",),
        ("prosince", "prosinec"),
    ),
    "sk": (  # Slovak, genitive as dates write it ("12. marca 2026"), and nominative
        ("januára", "január"), ("februára", "február"), ("marca", "marec"),
        ("apríla", "apríl"), ("mája", "máj"), ("júna", "jún"), ("júla", "júl"),
        ("augusta", "august"), ("septembra", "september"), ("októbra", "október"),
        ("novembra", "november"), ("decembra", "december"),
    ),
    "ro": (  # Romanian ("12 martie 2026")
        ("ianuarie", "ian"), ("februarie",), ("martie",), ("aprilie",), ("mai",),
        ("iunie",), ("iulie",), ("august",), ("septembrie",), ("octombrie",),
        ("noiembrie", "noi"), ("decembrie",),
    ),
    "hu": (  # Hungarian, year first ("2026. március 12."), and abbreviations
        ("január", "jan"), ("február", "febr"), ("március", "márc"), ("április", "ápr"),
        ("május", "máj"), ("június", "jún"), ("július", "júl"), ("augusztus", "aug"),
        ("szeptember", "szept"), ("október", "okt"), ("november", "nov"),
        ("december", "dec"),
    ),
    "bn": (  # Bengali, the Gregorian names ("১২ মার্চ ২০২৬")
        ("জানুয়ারি", "জানুয়ারী"), ("ফেব্রুয়ারি", "ফেব্রুয়ারী"), ("মার্চ",), ("এপ্রিল",), ("মে",),
        ("জুন",), ("জুলাই",), ("আগস্ট",), ("সেপ্টেম্বর",), ("অক্টোবর",), ("নভেম্বর",),
        ("ডিসেম্বর",),
    ),
}

# Languages whose readers write a date with slashes day first ("12/3/2026" is 12 March):
# on a page declared in one of them such a date is read so; elsewhere (English,
# undeclared) month first, unless the first number cannot be a month.
SLASH_DAY_FIRST_LANGUAGES: dict[str, str] = {
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "it": "Italian",
    "de": "German (dots are usual, slashes occur)",
    "nl": "Dutch",
    "ru": "Russian",
    "uk": "Ukrainian",
    "he": "Hebrew",
    "pl": "Polish",
    "tr": "Turkish",
    "el": "Greek",
    "id": "Indonesian",
    "ms": "Malay",
    "vi": "Vietnamese ('Thứ năm, 12/3/2026, 14:35')",
    "ar": "Arabic",
    "hi": "Hindi",
}

# Regions whose English writes a date with slashes day first, as the language tag's
# region ("en-GB"); English elsewhere (en-US, en-CA, plain "en") keeps month first.
SLASH_DAY_FIRST_ENGLISH_REGIONS: dict[str, str] = {
    "gb": "United Kingdom",
    "ie": "Ireland",
    "au": "Australia",
    "nz": "New Zealand",
    "in": "India",
    "pk": "Pakistan",
    "za": "South Africa",
    "ng": "Nigeria",
    "ke": "Kenya",
    "gh": "Ghana",
    "sg": "Singapore",
    "my": "Malaysia",
    "hk": "Hong Kong",
}

# Weekdays written in two words, removed before parsing like the noise words below.
WEEKDAY_PHRASES: tuple[str, ...] = (
    "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật",  # Vietnamese
)  # fmt: skip

# Words for "at" between a date and a time written with a dot ("2026 kl. 14.35"): the
# dot is read as the time's colon after them, as after the year alone.
AT_WORDS: dict[str, str] = {
    "at": "English ('4 February 2026 at 14.35')",
    "kl.": "Swedish, Danish, Norwegian 'klockan', 'klokken'",
    "klo": "Finnish 'kello'",
}

# Words that open a span back before its number ("vor 3 Stunden"): a byline that runs
# into such a span ("Von Anna Lehmann vor 3 Stunden") ends before them. Written lowercase.
SPAN_BACK_OPENERS: dict[str, str] = {
    "about": "English ('about 3 hours ago')",
    "vor": "German ('vor 3 Stunden')",
    "il y a": "French ('il y a 2 heures')",
    "hace": "Spanish ('hace 30 minutos')",
    "há": "Portuguese ('há 2 horas')",
    "för": "Swedish ('för 3 timmar sedan')",
    "for": "Danish, Norwegian ('for 2 timer siden')",
    "acum": "Romanian ('acum 3 ore')",
    "před": "Czech ('před 3 hodinami')",
    "pred": "Slovak ('pred 3 hodinami')",
    "منذ": "Arabic ('منذ 3 ساعات')",
    "pirms": "Latvian ('pirms 3 stundām')",
    "πριν από": "Greek ('πριν από 3 ώρες')",
    "לפני": "Hebrew ('לפני 3 שעות')",
    "преди": "Bulgarian ('преди 3 часа')",
    "prije": "Croatian ('prije 3 sata')",
}

# Words that close a span back after its number ("3 hours ago"), in the languages of the
# openers above. Written lowercase.
SPAN_BACK_CLOSERS: dict[str, str] = {
    "ago": "English ('an hour ago')",
    "sedan": "Swedish ('för en timme sedan')",
    "siden": "Danish, Norwegian ('for en time siden')",
    "назад": "Russian ('час назад')",
    "тому": "Ukrainian ('годину тому')",
    "fa": "Italian ('un'ora fa')",
    "sitten": "Finnish ('tunti sitten')",
}

# The day before, named alone, in the languages of the openers and closers above and
# of others whose date parser reads it: a span back without a number. Written lowercase.
YESTERDAY_WORDS: dict[str, str] = {
    "yesterday": "English",
    "gestern": "German",
    "hier": "French",
    "ayer": "Spanish",
    "ontem": "Portuguese",
    "igår": "Swedish",
    "i går": "Danish, Norwegian",
    "ieri": "Romanian, Italian",
    "včera": "Czech, Slovak",
    "أمس": "Arabic",
    "вчера": "Russian, Bulgarian",
    "вчора": "Ukrainian",
    "wczoraj": "Polish",
    "dün": "Turkish",
    "gisteren": "Dutch",
    "eilen": "Finnish",
    "tegnap": "Hungarian",
    "χθες": "Greek",
    "אתמול": "Hebrew",
    "vakar": "Latvian, Lithuanian",
    "eile": "Estonian",
    "jučer": "Croatian",
    "včeraj": "Slovenian",
    "kemarin": "Indonesian",
    "hôm qua": "Vietnamese",
    "دیروز": "Persian",
}

# Words for the half of the day written before the time, read as "AM" and "PM" after it.
HALF_DAY_WORDS: dict[str, str] = {
    "오전": "AM",  # Korean "before noon" ("2026년 2월 4일 오후 3:15")
    "오후": "PM",  # Korean "after noon"
}

# The months of the Solar Hijri calendar of Persian pages ("۸ آذر ۱۴۰۵"), numbered from
# the spring equinox; a day written with one of them and a year is converted to its
# Gregorian day by ``jdatetime``. Not the Afghan names of the same months, and not the
# lunar Hijri ones, whose names differ.
SOLAR_HIJRI_MONTHS: dict[str, int] = {
    "فروردین": 1,  # Farvardin
    "اردیبهشت": 2,  # Ordibehesht
    "خرداد": 3,  # Khordad
    "تیر": 4,  # Tir
    "مرداد": 5,  # Mordad
    "امرداد": 5,  # Amordad, the older spelling
    "شهریور": 6,  # Shahrivar
    "مهر": 7,  # Mehr
    "آبان": 8,  # Aban
    "آذر": 9,  # Azar (the Levant's March is "آذار", with an alef)
    "دی": 10,  # Dey
    "بهمن": 11,  # Bahman
    "اسفند": 12,  # Esfand
}

# Languages whose pages write the years of a calendar of their own where the date does
# not mark it: on a page declared in one of them such a year is read in that calendar.
SOLAR_HIJRI = "solar hijri"
BUDDHIST_ERA = "buddhist era"
CALENDAR_LANGUAGES: dict[str, str] = {
    "fa": SOLAR_HIJRI,  # Persian: "۱۴۰۴/۱۲/۲۱", year first (a lunar Hijri year looks alike)
    "th": BUDDHIST_ERA,  # Thai: "29 พฤศจิกายน 2569", the year 543 ahead of the common era
}

# The months of the lunar Hijri calendar ("15 رمضان 1447 هـ"), in their Arabic spellings
# with and without hamza and madda, "dhu" in the nominative and the genitive: no other
# calendar names them, so a day written with one of them and a year is converted to its
# Gregorian day (by ``hijridate``, the Umm al-Qura reckoning) on any page.
LUNAR_HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "المحرم": 1,  # Muharram
    "صفر": 2,  # Safar
    "ربيع الأول": 3, "ربيع الاول": 3, "ربيع أول": 3, "ربيع اول": 3,  # Rabi' al-Awwal
    "ربيع الآخر": 4, "ربيع الاخر": 4, "ربيع الثاني": 4, "ربيع ثاني": 4,  # Rabi' al-Thani
    "جمادى الأولى": 5, "جمادى الاولى": 5, "جمادي الأولى": 5, "جمادي الاولى": 5,  # Jumada I
    "جمادى الآخرة": 6, "جمادى الاخرة": 6, "جمادى الثانية": 6, "جمادي الآخرة": 6,  # Jumada II
    "جمادي الاخرة": 6, "جمادي الثانية": 6,
    "رجب": 7,  # Rajab
    "شعبان": 8,  # Sha'ban
    "رمضان": 9,  # Ramadan
    "شوال": 10,  # Shawwal
    "ذو القعدة": 11, "ذي القعدة": 11, "ذو القعده": 11, "ذي القعده": 11,  # Dhu al-Qa'dah
    "ذو الحجة": 12, "ذي الحجة": 12, "ذو الحجه": 12, "ذي الحجه": 12,  # Dhu al-Hijjah
}  # fmt: skip

# The months of Thai pages, full and abbreviated ("29 พฤศจิกายน 2569", "12 มี.ค. 2569"),
# read in their own pattern: the vowel signs and tone marks inside them are no letters
# to the word pattern of the other languages.
THAI_MONTHS: dict[str, int] = {
    "มกราคม": 1, "ม.ค.": 1,
    "กุมภาพันธ์": 2, "ก.พ.": 2,
    "มีนาคม": 3, "มี.ค.": 3,
    "เมษายน": 4, "เม.ย.": 4,
    "พฤษภาคม": 5, "พ.ค.": 5,
    "มิถุนายน": 6, "มิ.ย.": 6,
    "กรกฎาคม": 7, "ก.ค.": 7,
    "สิงหาคม": 8, "ส.ค.": 8,
    "กันยายน": 9, "ก.ย.": 9,
    "ตุลาคม": 10, "ต.ค.": 10,
    "พฤศจิกายน": 11, "พ.ย.": 11,
    "ธันวาคม": 12, "ธ.ค.": 12,
}  # fmt: skip
THAI_BUDDHIST_ERA_MARK = "พ.ศ."  # "phutthasakkarat" before the year: the Buddhist era
THAI_COMMON_ERA_MARK = "ค.ศ."  # "khrittasakkarat" before the year: the common era
BUDDHIST_ERA_OFFSET = 543  # years the Buddhist era of Thailand counts ahead

# The zero of each digit system a date may be written in; its nine successors follow it
# in Unicode. Read as ASCII digits before parsing.
DIGIT_ZEROS: dict[str, str] = {
    "\u0660": "Arabic-Indic digits (Arabic pages)",
    "\u06f0": "extended Arabic-Indic digits (Persian and Urdu pages)",
    "\u0966": "Devanagari digits (Hindi, Marathi and Nepali pages)",
    "\u09e6": "Bengali digits",
    "\u0e50": "Thai digits",
}

_ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)

# Weekdays of the languages above, lowercase: dateutil cannot read them, and they carry
# no date beyond the day's.
_WEEKDAY_NAMES = (
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",  # fr weekdays
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",  # de
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",  # es weekdays
    "segunda", "terça", "quarta", "quinta", "sexta", "feira",  # pt weekdays (split at "-")
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",  # it
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",  # nl
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",  # ru
    "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",  # pl
    "pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar",  # tr  # noqa: RUF001
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",  # id
    "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",  # ar
    "सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार",  # hi weekdays
)
# Words dateutil cannot read and that carry no date: weekdays and linking
# words of the languages above. Mapped to nothing.
_NOISE_WORDS = (
    *_WEEKDAY_NAMES,
    "pukul",  # Indonesian "at" before a time
    "de", "del", "le", "à", "às", "um", "uhr", "om", "alle", "ore",  # linking words
    "г", "года", "в",  # noqa: RUF001 (Russian "year" after a year, "at" before a time)
    "kl", "klo", "ora",  # "at" before a time: Swedish, Danish, Norwegian, Finnish, Romanian
    "o",  # Slovak "at" before a time ("12. marca 2026 o 14:35")
    "ساعت",  # Persian "hour" before a time ("۸ آذر ۱۴۰۵ ساعت ۱۴:۳۵")
    "น",  # Thai "nalika", o'clock, after a time ("14:35 น.")
)
# fmt: on


def _month_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for months in _MONTHS_BY_LANGUAGE.values():
        for english, names in zip(_ENGLISH_MONTHS, months, strict=True):
            for name in names:
                words[name] = english
    for noise in _NOISE_WORDS:
        words[noise] = ""
    return words


# Lowercased foreign word -> English month name, or "" for a word to drop.
MONTH_WORDS: dict[str, str] = _month_words()

# Month names of two words ("كانون الثاني") -> English month name: read before the
# words one by one, as each word alone is no month or another one.
MONTH_PHRASES: dict[str, str] = {word: month for word, month in MONTH_WORDS.items() if " " in word}

# Lowercased month names and abbreviations of the languages above (not English).
MONTH_NAMES: frozenset[str] = frozenset(word for word, month in MONTH_WORDS.items() if month)

_ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Lowercased weekdays, English ones abbreviated too: a date line naming one beside the
# date ("Sunday, 29 November 2026").
WEEKDAY_WORDS: frozenset[str] = frozenset(
    {*_WEEKDAY_NAMES, *_ENGLISH_WEEKDAYS, *(d[:3] for d in _ENGLISH_WEEKDAYS)}
)
# Lowercased words that belong to a written date, in any of the languages above:
# a byline that runs into its date ends with them ("by Ann Lee Monday, November").
DATE_WORDS: frozenset[str] = frozenset(
    {*MONTH_WORDS, *(m.lower() for m in _ENGLISH_MONTHS), *(m[:3].lower() for m in _ENGLISH_MONTHS)}
    | {*_ENGLISH_WEEKDAYS, *(d[:3] for d in _ENGLISH_WEEKDAYS)}
)
