"""Resolving a date expression against the publication date: one resolver per pattern kind.

One reused dateparser per language reads the calendar dates ("3 févr. 2017", "Sept. 3", "1er mai":
day, month and a year; it also rejects "31 février"); everything relative is our own arithmetic,
because dateparser is wrong there: a weekday name (with PREFER_DATES_FROM='past' it skips the
publication day), "plus tôt dans la journée" (None), "en février 2022" (it keeps the publication's
day of month), and the year of a yearless date (it never looks at the tense).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache

from dateparser.date import DateDataParser

from .patterns import Found
from .tense import PAST_TENSES
from .vocabulary import LANGS, Phrase, alternatives, context_values, lookup, phrase_key, vocabulary, word_set

_FIRST_DAY_WORDS = word_set("first_day")  # "1er mai"
_EARLIER = word_set("modifier_earlier")  # "mardi dernier", "this past Tuesday"
_LATER = word_set("modifier_later")  # "mardi prochain", "this coming Tuesday"
# A unit word without its plural ending -> the unit it counts ("semaine" -> "week")
_UNITS = {word.removesuffix("s?").removesuffix("?"): unit for word, unit in context_values("unit")}
_COARSER = {"day": "week", "week": "month", "month": "year", "year": "year"}
_LEAP_YEAR = 2000  # a year in which every day and month exists, 29 February included


@dataclass(frozen=True)
class Resolved:
    value: date
    precision: str
    note: str
    ahead: bool = False  # the expression looks ahead of publication ("next week", "d'ici la fin de l'année")


@dataclass(frozen=True)
class _Context:
    """What an expression is resolved with."""

    expression: str
    sent_lang: str  # the sentence's language (the expression's own is found.pattern.lang)
    published: date
    tense: str | None  # of the clause the expression attaches to: "past", "before past", "future" or None
    following: str = ""  # the few characters after the expression ("et demi", "today")


@cache
def _parser(lang: str) -> DateDataParser:
    """One dateparser per language, reused. It only ever reads a full "day month year" string: the
    year of a yearless date is our arithmetic (``_occurrences``), not its RELATIVE_BASE guess."""
    return DateDataParser(languages=[lang], settings={"RETURN_AS_TIMEZONE_AWARE": False})


@lru_cache(maxsize=4096)
def _dateparse(text: str, lang: str) -> date | None:
    data = _parser(lang).get_date_data(text)
    return data.date_obj.date() if data.date_obj else None


def _occurrences(month: int, day: int, published: date) -> tuple[date | None, date | None]:
    """The last (day, month) on or before publication and the first on or after it."""
    past = future = None
    for back in range(9):  # 29 February: up to 8 years apart
        try:
            past = date(published.year - back, month, day)
        except ValueError:
            continue
        if past <= published:
            break
        past = None
    for ahead in range(9):
        try:
            future = date(published.year + ahead, month, day)
        except ValueError:
            continue
        if future >= published:
            break
        future = None
    return past, future


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def shift(published: date, unit: str, n: int) -> tuple[date, str]:
    """``published`` moved by ``n`` units (negative = past), at the start of the unit's period."""
    if unit == "hour":  # "il y a 48 heures": whole days back
        return published + timedelta(days=int(n / 24)), "day"
    if unit == "day":
        return published + timedelta(days=n), "day"
    if unit == "week":
        return _monday(published + timedelta(weeks=n)), "week"
    if unit == "month":
        return _add_months(published, n), "month"
    return date(published.year + n, 1, 1), "year"


def _unit(word: str) -> str:
    word = word.casefold()
    return _UNITS.get(word) or _UNITS.get(word[:-1], "")


def _modifier_words(found: Found, *names: str) -> set[str]:
    """The words of the expression's modifier groups ("dernier", "in early", "this past")."""
    return set(" ".join(found.group(name) for name in names).casefold().split())


def _choose(past: date | None, future: date | None, published: date, tense: str | None) -> tuple[date | None, str]:
    """Previous or next occurrence of a yearless date, by tense, else the nearer one."""
    if past is None or future is None:
        return (past or future), "the only reading"
    if past == future:
        return past, "the publication's own day or month"
    if tense == "future":
        return future, "next occurrence (future tense)"
    if tense in PAST_TENSES:
        return past, "previous occurrence (past tense)"
    if (future - published) < (published - past):
        return future, "the nearer occurrence (next)"
    return past, "the nearer occurrence (previous)"


def _count_word(text: str, lang: str) -> tuple[int, str] | None:
    """The count a number word stands for, and a note when it is approximate or vague."""
    vocab = vocabulary()
    if (number := lookup(vocab.approx_numbers[lang], text)) is not None:
        return number, "approximate count"
    if (number := lookup(vocab.vague_numbers[lang], text)) is not None:
        return number, f"vague count ({text!r}) read as {number}, one precision coarser"
    if (number := lookup(vocab.numbers[lang], text)) is not None:
        return number, ""
    return None


_BARE_COUNT = 3  # as "a few"


_BARE_CLOSE = re.compile(rf"(?<!\w)(?:{alternatives('bare_count_close')})\s", re.IGNORECASE)


def _bare_count(unit: str, expression: str) -> bool:
    """A bare plural is a few units: "comes days after", "weeks after"; "months after" only when told close
    ("comes just months after"); "years after" never, any number of years back."""
    return unit in ("day", "week") or (unit == "month" and _BARE_CLOSE.search(expression) is not None)


def _count(found: Found, lang: str) -> tuple[int, str] | None:
    """The count of an "il y a N ..." expression, and a note when it is approximate or vague."""
    text = found.group("num")
    if not text and found.group("bare"):  # "comes just days after": a few of that unit
        return _BARE_COUNT, f"vague count ({found.group('bare')!r} alone) read as {_BARE_COUNT}, one precision coarser"
    if text.isdigit():
        number, note = int(text), ""
    else:
        counted = _count_word(text, lang)
        if counted is None:
            return None
        number, note = counted
    if found.group("approx") and not note:
        note = "approximate count"
    return number, note


# ----------------------------------------------------------------------------------------------
# One resolver per pattern kind


def _iso(found: Found, context: _Context) -> Resolved | None:
    try:
        day = date(int(found.group("year")), int(found.group("month")), int(found.group("day")))
    except ValueError:
        return None
    return Resolved(day, "day", "ISO date")


def _numeric(found: Found, context: _Context) -> Resolved | None:
    """Day first, unless a number above 12 forces the other order or an English sentence has both <= 12."""
    first, second, year_text = int(found.group("a")), int(found.group("b")), found.group("year")
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if year < 70 else 1900
    if first > 12 or (second <= 12 and context.sent_lang != "en"):
        day, month, order = first, second, "day first"
    elif second > 12 or context.sent_lang == "en":
        day, month, order = second, first, "month first" + (" (English, both numbers <= 12)" if second <= 12 else "")
    else:  # pragma: no cover - the two branches above cover every case
        return None
    try:
        return Resolved(date(year, month, day), "day", f"numeric date, {order}")
    except ValueError:
        return None


def _explicit(found: Found, context: _Context) -> Resolved | None:
    """A day and a month name, with or without a year ("3 mars 2017", "le 3 mars dernier")."""
    word_lang, month, modifier = found.pattern.lang, found.group("month"), found.group("mod")
    day = 1 if found.group("day").casefold() in _FIRST_DAY_WORDS else int(found.group("day"))
    if found.group("year"):
        value = _dateparse(f"{day} {month} {found.group('year')}", word_lang)
        return Resolved(value, "day", "calendar date") if value else None
    in_leap_year = _dateparse(f"{day} {month} {_LEAP_YEAR}", word_lang)
    if in_leap_year is None:
        return None
    past, future = _occurrences(in_leap_year.month, in_leap_year.day, context.published)
    tense = context.tense
    if modifier and past and future:  # "le 3 mars dernier / prochain": strictly before / after
        if past == future:
            past, future = past.replace(year=past.year - 1), future.replace(year=future.year + 1)
        tense = "past" if modifier.casefold() in _EARLIER else "future"
    value, why = _choose(past, future, context.published, tense)
    return Resolved(value, "day", f"day and month without year: {why}") if value else None


def _month(found: Found, context: _Context) -> Resolved | None:
    """A month alone ("en février", "last March") or with a year ("en février 2022")."""
    number = lookup(vocabulary().months[found.pattern.lang], found.group("month"))
    if number is None:
        return None
    if found.group("year"):
        return _month_part(found, Resolved(date(int(found.group("year")), number, 1), "month", "month and year"),
                           context.published)
    published, tense = context.published, context.tense
    if found.group("yearword"):  # "in January of this year", "en mars de l'année dernière"
        offset = _year_offset(found.group("yearword"))
        return Resolved(date(published.year + offset, number, 1), "month", f"month of the year {offset:+d} from publication")
    past = date(published.year - (number > published.month), number, 1)
    future = date(published.year + (number < published.month), number, 1)
    modifier = _modifier_words(found, "mod", "prep")
    if _EARLIER & modifier:  # "en mars dernier" / "last March": strictly before
        tense, past = "past", past.replace(year=past.year - 1) if past == future else past
    elif _LATER & modifier:
        tense, future = "future", future.replace(year=future.year + 1) if past == future else future
    value, why = _choose(past, future, published, tense)
    return _month_part(found, Resolved(value, "month", f"month without year: {why}"), published) if value else None


_MONTH_PARTS = {lang: context_values("month_part", lang) for lang in LANGS}


def _month_part(found: Found, month: Resolved, published: date) -> Resolved:
    """"fin décembre", "late June": the month's last week, the one holding its last Thursday (so most of
    its days are the month's); "mi-mars", "mid-May": the week of its 15th. Either week lies inside the
    month, so the month's reading still holds."""
    words = _modifier_words(found, "mod", "prep")
    part = next((value for entry, value in _MONTH_PARTS.get(found.pattern.lang, ()) if entry in words), None)
    if part is None:
        return month
    if part == "last":
        last = _add_months(month.value, 1) - timedelta(days=1)
        day = last - timedelta(days=(last.weekday() - 3) % 7)  # the month's last Thursday
    else:
        day = month.value.replace(day=15)
    if month.value <= published < _monday(day):  # "fin mars" in a mid-March article: the week is not yet
        return month
    return Resolved(_monday(day), "week", f"{month.note}; its {part} week")


_YEAR_WORDS = [(re.compile(entry, re.IGNORECASE), int(value)) for entry, value in context_values("month_year_word")]


def _year_offset(words: str) -> int:
    """The years from publication a month's "of this year"/"de l'année dernière" names."""
    return next((value for regex, value in _YEAR_WORDS if regex.fullmatch(words)), 0)


def _year(found: Found, context: _Context) -> Resolved | None:
    """A year; "au printemps 2021", "in the summer of 2019": the season's middle month of that year (a
    winter straddles two years and stays a year)."""
    year = int(found.group("year"))
    lang = found.pattern.lang
    season = next((word for word in re.findall(r"\w+", found.group("prep") or "")
                   if lookup(vocabulary().seasons[lang], word) is not None), None)
    first_month = lookup(vocabulary().seasons[lang], season) if season else None
    if first_month is not None and first_month < 12:
        return Resolved(date(year, first_month + 1, 1), "month", f"the {season} of {year}, dated on its middle month")
    return Resolved(date(year, 1, 1), "year", "year")


def _weekday(found: Found, context: _Context) -> Resolved | None:
    weekday = lookup(vocabulary().weekdays[found.pattern.lang], found.group("wd"))
    if weekday is None:
        return None
    name, published = found.group("wd"), context.published
    modifier = _modifier_words(found, "mod", "pre")
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if _EARLIER & modifier:
        return Resolved(published - timedelta(days=back or 7), "day", f"the {name} before publication")
    if _LATER & modifier:
        return Resolved(published + timedelta(days=ahead or 7), "day", f"the {name} after publication")
    if context.tense == "future":
        return Resolved(published + timedelta(days=ahead), "day",
                        f"next {name} (future tense), publication day included")
    if context.tense == "before past" and not back:
        return Resolved(published - timedelta(days=7), "day", f"the {name} before publication (plus-que-parfait)")
    return Resolved(published - timedelta(days=back), "day", f"most recent {name}, publication day included")


def _season(found: Found, context: _Context) -> Resolved | None:
    """A season is dated on its middle month ("l'été dernier" in March 2023 -> 2022-07, precision month):
    what a reader dating "last summer" to a month picks, June to August.

    The season under way at publication is both the previous and the next one; "dernier"/"last" is
    the one before it, "prochain"/"next" the one after it.
    """
    first_month = lookup(vocabulary().seasons[found.pattern.lang], found.group("season"))
    if first_month is None:
        return None
    published = context.published
    year = published.year if first_month <= published.month else published.year - 1
    latest = date(year, first_month, 1)  # the most recent start, maybe the season under way
    current = (published.year * 12 + published.month) - (latest.year * 12 + latest.month) < 3
    modifier = _modifier_words(found, "mod", "prep")
    name = found.group("season")
    value: date | None
    if modifier & _EARLIER:
        value, why = (latest.replace(year=latest.year - 1) if current else latest), f"the {name} before publication"
    elif modifier & _LATER:
        value, why = latest.replace(year=latest.year + 1), f"the {name} after publication"
    elif current:
        value, why = latest, f"the {name} under way at publication"
    else:
        value, why = _choose(latest, latest.replace(year=latest.year + 1), published, context.tense)
        why = f"{name}: {why}"
    if value is None:
        return None
    middle = date(value.year + value.month // 12, value.month % 12 + 1, 1)
    if value <= published < middle:  # "cet été" in early June: the season under way, not a month ahead of the news
        middle = max(value, published.replace(day=1))
    return Resolved(middle, "month", f"{why}; dated on its middle month")


_AND_A_HALF = re.compile(r"\s+(?:et\s+demi|and\s+a\s+half)(?!\w)", re.IGNORECASE)
_TO_THE_DAY = re.compile(r"\s+(?:jour\s+pour\s+jour|today|to\s+the\s+day)(?!\w)", re.IGNORECASE)


def _counted_span(found: Found, context: _Context) -> Resolved | None:
    """A count of units back ("il y a six ans", "two weeks ago") or ahead ("dans deux mois")."""
    counted = _count(found, found.pattern.lang)
    unit = _unit(found.group("unit") or found.group("bare"))
    if counted is None or not unit or (found.group("bare") and not _bare_count(unit, context.expression)):
        return None
    n, note = counted
    if unit == "decade":
        unit, n = "year", n * 10
    sign = -1 if found.kind == "ago" else 1
    value, precision = shift(context.published, unit, sign * n)
    if found.kind == "ago" and unit == "year" and n == 1 and not note and not _AND_A_HALF.match(context.following):
        # "il y a un an", "a year ago": the same month a year back, not any time in that year; "a year ago
        # today", "il y a un an jour pour jour": the same day
        if _TO_THE_DAY.match(context.following):
            day = context.published
            value, precision = day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day), "day"
            note = "the same day a year back"
        else:
            value, precision = shift(context.published, "month", -12)
            note = "the same month a year back"
    if note.startswith("vague"):
        precision = _COARSER[precision]
        value = shift(value, precision, 0)[0]
    when = "before" if found.kind == "ago" else "after"
    return Resolved(value, precision, f"{n} {unit}(s) {when} publication" + (f"; {note}" if note else ""))


_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}


def _past_span(found: Found, context: _Context) -> Resolved | None:
    """A counted span up to publication ("in the last two months"): its middle, in its unit."""
    counted = _count(found, found.pattern.lang)
    unit = _unit(found.group("unit"))
    if counted is None or unit not in _UNIT_DAYS:
        return None
    n, note = counted
    middle = context.published - timedelta(days=int(n * _UNIT_DAYS[unit] / 2))
    value, precision = shift(middle, unit, 0)
    return Resolved(value, precision, f"the middle of the last {n} {unit}(s) before publication"
                    + (f"; {note}" if note else ""))


def _ahead(found: Found, context: _Context) -> Resolved | None:
    if found.group("prep").casefold() == "in" and context.tense != "future":
        return None  # "for the first time in five years" looks back; "in two weeks" needs a future clause
    return _counted_span(found, context)


def _phrase(found: Found, context: _Context) -> Resolved | None:
    """A fixed phrase of date_phrases.tsv ("hier", "la semaine dernière", "in recent weeks")."""
    phrase = vocabulary().phrases[found.pattern.lang].get(phrase_key(context.expression))
    if phrase is None:
        return None
    if phrase.anchor == "recent":
        return Resolved(context.published, phrase.precision, phrase.note, phrase.ahead)
    if phrase.anchor == "weekend":  # "over the weekend": the last Saturday, the publication day included
        saturday = context.published - timedelta(days=(context.published.weekday() - 5) % 7)
        if context.tense == "future" and context.published.weekday() != 6:  # "se rendra ce week-end": the next one;
            # a Sunday paper's weekend is still under way
            saturday = context.published + timedelta(days=(5 - context.published.weekday()) % 7)
        return Resolved(_monday(saturday), "week", phrase.note)
    if phrase.anchor == "this_week":
        return _this_week(context, phrase)
    # "previous": find_dates passes the day the report speaks from ("a confirmé jeudi ... la veille")
    unit = "day" if phrase.anchor == "previous" else phrase.anchor
    value, precision = shift(context.published, unit, phrase.offset)
    return Resolved(value, precision, phrase.note, phrase.ahead)


def _this_week(context: _Context, phrase: Phrase) -> Resolved:
    """English "this week": the publication week, except in a Sunday paper looking ahead ("are
    expected in Kampala this week", "later this week"): English weeks open on Sunday, so the week
    meant is the one that starts the next day."""
    published = context.published
    looks_ahead = phrase.ahead or context.tense == "future"
    day = published + timedelta(days=1) if published.weekday() == 6 and looks_ahead else published
    return Resolved(_monday(day), "week", phrase.note)


_RESOLVERS: dict[str, Callable[[Found, _Context], Resolved | None]] = {
    "iso": _iso,
    "numeric": _numeric,
    "explicit": _explicit,
    "month": _month,
    "year": _year,
    "weekday": _weekday,
    "season": _season,
    "ago": _counted_span,
    "past_span": _past_span,
    "ahead": _ahead,
    "phrase": _phrase,
}


_NIGHT_SECOND_DAY = re.compile(alternatives("night_second_day"), re.IGNORECASE)


def _night_second_day(found: Found, text: str) -> bool:
    """The expression names the second day of a night ("dans la nuit du mercredi 3 au jeudi 4 mars",
    "overnight into Friday"): a night opening ends at its start or inside it, before its last word."""
    window = max(0, found.start - 60)
    return any(found.start <= window + m.end() < found.end
               for m in _NIGHT_SECOND_DAY.finditer(text, window, found.end))


def _night(resolved: Resolved, found: Found, published: date) -> Resolved:
    """A night is dated on its second day, except when that day lies after publication: the article came out
    during the night's first day ("nuit du 12 au 13" in an article of the 12th, which a past tense would read
    a year back; "nuit de lundi à mardi" in a Monday article, which a weekday would read as the Tuesday six
    days back)."""
    kind, after = found.kind, published + timedelta(days=1)
    if resolved.value == after or (kind == "explicit" and not found.group("year")
                                   and (resolved.value.month, resolved.value.day) == (after.month, after.day)):
        return replace(resolved, value=published, ahead=False,
                       note=f"{resolved.note}; a night whose second day is after publication: its first day")
    # "nuit de dimanche à lundi dernier", "into last Monday": the modifier names last week's night
    if kind == "weekday" and resolved.value == published - timedelta(days=6) \
            and not _EARLIER & _modifier_words(found, "mod", "pre"):
        return replace(resolved, value=published,
                       note=f"{resolved.note}; a night that began on the publication day: its first day")
    return resolved


def resolve(found: Found, text: str, sent_lang: str, published: date, tense: str | None) -> Resolved | None:
    """The date ``found`` (an expression of ``text``) stands for; None when it is none.

    May raise ValueError or OverflowError for a date outside the calendar ("il y a 999 décennies").
    """
    resolver = _RESOLVERS.get(found.kind)
    if resolver is None:
        return None
    resolved = resolver(found, _Context(text[found.start:found.end], sent_lang, published, tense,
                                        text[found.end:found.end + 24]))
    if resolved is not None and found.kind in ("explicit", "weekday") and _night_second_day(found, text):
        resolved = _night(resolved, found, published)
    if resolved is not None and not resolved.ahead and (found.kind == "ahead" or resolved.value > published):
        resolved = replace(resolved, ahead=True)
    return resolved
