"""The date expression patterns, built from the word lists, and the scan of a sentence with them.

Why our own patterns rather than ``dateparser.search_dates``: search_dates reads "en mer" as mercredi
and "sa" as samedi, and costs 15-19 ms per article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .vocabulary import LANGS, alternatives, context_values, vocabulary

NO_WORD_BEFORE = r"(?<![\w])"  # no letter or digit just before
NO_WORD_AFTER = r"(?!\w)"  # nor just after
_YEAR_DIGITS = r"(?:1[89]|20)\d\d"
# A year, not "the 1990s" nor a count ("en 2000 exemplaires", "in 2000 cases").
YEAR = rf"(?P<year>{_YEAR_DIGITS})(?!\w)(?!\s+(?:{alternatives('counted_noun')})(?!\w))"
_DAY_FR = rf"(?P<day>{alternatives('first_day', 'fr')}|[12]\d|3[01]|0?[1-9])"
_DAY_EN = rf"(?P<day>[12]\d|3[01]|0?[1-9])(?:{alternatives('day_suffix', 'en')})?"
# "les 3 et 4 avril", "du 7 au 10 février", "March 14-17", "October 2-3, 2011": a span of days, dated by its
# first day (the day group); its last day is only part of the expression.
_SPAN_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?![\d:])"
_DAY_SPAN_FR = rf"(?:\s*(?:{alternatives('day_span_joint', 'fr')})\s*{_SPAN_DAY}(?:er)?)?"
_DAY_SPAN_EN = rf"(?:\s*(?:{alternatives('day_span_joint', 'en')})\s*{_SPAN_DAY}(?:{alternatives('day_suffix', 'en')})?)?"
DAY_SPAN = re.compile(rf"\d\s*(?:{alternatives('day_span_joint')})\s*(?:[^\W\d]+\.?\s+)?\d", re.IGNORECASE)
_COUNT_DIGITS = r"\d{1,3}"


def word_regex(word: str) -> str:
    """A word of the data files as a regex: a hyphen or space matches any run of them, an apostrophe
    either kind of apostrophe."""
    parts = []
    for char in word:
        if char in " -‐‑":
            parts.append(r"[\s\-‐‑]+")
        elif char in "'’":
            parts.append(r"['’]\s*")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def alternation(words: Iterable[str], case_sensitive: bool = False) -> str:
    """The words as one regex group, the longest first."""
    body = "|".join(word_regex(w) for w in sorted(set(words), key=len, reverse=True))
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def unit_alternatives(lang: str, units: tuple[str, ...] = ("hour", "day", "week", "month", "year", "decade"),
                      plural_only: bool = False) -> str:
    """The unit words of ``lang`` that count one of ``units`` ("jours?|semaines?"; "jours|semaines")."""
    words = [word for word, unit in context_values("unit", lang) if unit in units]
    return "|".join(word.replace("?", "") if plural_only else word for word in words)


_SPAN_UNITS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class Pattern:
    kind: str  # explicit | numeric | iso | month | year | weekday | season | ago | ahead | past_span | phrase
    lang: str  # the language of its words (an English date may sit in a French sentence)
    regex: re.Pattern[str]
    # A cheap search every match of ``regex`` implies (a word or literal it cannot match without):
    # most sentences lack it, and the full pattern, with its long alternations, is then not run.
    needs: re.Pattern[str] | None = None


def _pattern(kind: str, lang: str, body: str, needs: str | None = None) -> Pattern:
    return Pattern(kind, lang, re.compile(body, re.IGNORECASE), _needed(needs) if needs else None)


@cache
def _needed(body: str) -> re.Pattern[str]:
    """Compiled once per distinct condition, so patterns sharing one share its search in ``scan``."""
    return re.compile(body, re.IGNORECASE)


@dataclass(frozen=True)
class _Words:
    """The vocabulary of one language as regex groups."""

    weekdays: str
    months: str
    full_months: str
    counts: str  # number words, vague ones included
    approx_counts: str
    seasons: str


@cache
def _words(lang: str) -> _Words:
    vocab = vocabulary()
    names_case_sensitive = lang == "en"  # English month and weekday names are capitalised
    return _Words(
        weekdays=alternation(vocab.weekdays[lang], case_sensitive=names_case_sensitive),
        months=alternation(vocab.months[lang], case_sensitive=names_case_sensitive),
        full_months=alternation(vocab.full_months[lang], case_sensitive=names_case_sensitive),
        counts=alternation([*vocab.numbers[lang], *vocab.vague_numbers[lang]]),
        approx_counts=alternation(vocab.approx_numbers[lang]),
        seasons=alternation(vocab.seasons[lang]),
    )


def _exact_counts(lang: str) -> str:
    """Counts written exactly ("deux", "3"): a vague one ("the past few months") is a fixed phrase."""
    return f"{alternation(vocabulary().numbers[lang])}|{_COUNT_DIGITS}"


def _calendar_patterns() -> list[Pattern]:
    """Full calendar dates, read in a sentence of any language."""
    fr, en = _words("fr"), _words("en")
    modifier = alternatives("date_modifier", "fr")
    # "March 14-17", "March 14 to 17", "March 30-April 2": a span of days, month first, maybe across two months
    month_span = rf"(?:\s*(?:{alternatives('day_span_joint', 'en')})\s*(?:(?:{en.months})\s+)?{_SPAN_DAY})?"
    return [
        _pattern("iso", "", NO_WORD_BEFORE + rf"(?<!-)(?P<year>{_YEAR_DIGITS})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)",
                 needs=r"\d-[01]\d-"),
        # "3.4.12" is a section number, 3/4/12 a date
        _pattern("numeric", "", r"(?<![\w/.\-])(?P<a>[0-3]?\d)(?P<sep>[/.\-])(?P<b>[01]?\d)(?P=sep)"
                 rf"(?P<year>{_YEAR_DIGITS}|(?<=/)\d\d)(?![\w/]|[.\-]\d)", needs=r"\d[/.\-]\d"),
        _pattern("explicit", "fr", NO_WORD_BEFORE + rf"(?<!\d[,.])(?:(?P<wd>{fr.weekdays})\s+)?{_DAY_FR}{_DAY_SPAN_FR}\s+"
                 rf"(?P<month>{fr.months})(?:\s+{YEAR}|\s+(?P<mod>{modifier})(?!\w))?(?!\w)"),
        _pattern("explicit", "en", NO_WORD_BEFORE + rf"(?:(?P<wd>{en.weekdays}),?\s+)?(?:the\s+)?{_DAY_EN}{_DAY_SPAN_EN}\s+"
                 rf"(?:of\s+)?(?P<month>{en.months})(?:,?\s+{YEAR})?(?!\w)"),
        # "agreed this December 14": "this" before a month and day names that day, not the month
        _pattern("explicit", "en", NO_WORD_BEFORE + rf"(?:(?P<wd>{en.weekdays}),?\s+)?(?:this\s+)?(?P<month>{en.months})\s+"
                 rf"{_DAY_EN}(?![\d:]){month_span}(?:,?\s+{YEAR})?(?!\w)"),
        # "09-Mar-2018", "9/MAR/2018": a numeric day, an abbreviated or full month and a year joined by one mark;
        # no more marks around it ("note RU/12-Mar-2018/07" is a reference)
        _pattern("explicit", "en", NO_WORD_BEFORE + rf"(?<![\-/])(?P<day>[0-3]?\d)(?P<sep>[\-/])(?P<month>"
                 rf"{alternation(m.rstrip('.') for m in vocabulary().months['en'])})(?P=sep){YEAR}(?![\-/]\w)",
                 needs=r"\d[\-/][^\W\d]"),
    ]


def _french_patterns() -> list[Pattern]:
    words = _words("fr")
    modifier = alternatives("date_modifier", "fr")
    count = rf"(?P<num>{words.counts}|{_COUNT_DIGITS})"
    # "dans la nuit de mardi à mercredi" is dated on its second day
    overnight = rf"dans\s+la\s+nuit\s+d[eu]\s+{words.weekdays}\s+(?:à|au)\s+"
    return [
        _pattern("month", "fr", NO_WORD_BEFORE + rf"(?P<prep>{alternatives('month_prep', 'fr')})?"
                 rf"(?P<month>{words.full_months})(?:\s+(?:de\s+l['’]\s*année\s+)?{YEAR}|"
                 rf"\s+(?P<mod>{modifier})(?!\w)|\s+(?P<yearword>{alternatives('month_year_word', 'fr')})(?!\w))?(?!\w)"),
        _pattern("year", "fr", NO_WORD_BEFORE + rf"(?P<prep>{alternatives('year_prep', 'fr')}){YEAR}(?!\s*%|[.,]\d)",
                 needs=_YEAR_DIGITS),
        _pattern("weekday", "fr", NO_WORD_BEFORE + rf"(?:{overnight})?(?P<wd>{words.weekdays})"
                 rf"(?:\s+(?P<mod>{alternatives('weekday_modifier', 'fr')}))?{NO_WORD_AFTER}"),
        _pattern("ago", "fr", NO_WORD_BEFORE + rf"(?:{alternatives('ago_marker', 'fr')})\s+"
                 rf"(?P<approx>{alternatives('approx_count', 'fr')})?"
                 rf"(?P<num>{words.approx_counts}|{words.counts}|{_COUNT_DIGITS})"
                 rf"(?:\s+|(?<=['’]))(?P<unit>{unit_alternatives('fr')})" + NO_WORD_AFTER),
        _pattern("season", "fr", NO_WORD_BEFORE + rf"(?P<prep>(?:(?:{alternatives('season_range', 'fr')})\s+)?"
                 rf"(?:{alternatives('season_article', 'fr')})\s*)"
                 rf"(?P<season>{words.seasons})(?:\s+(?P<mod>{modifier}))?{NO_WORD_AFTER}"),
        _pattern("ahead", "fr", NO_WORD_BEFORE + rf"(?:{alternatives('ahead_marker', 'fr')})\s+{count}\s+"
                 rf"(?P<unit>{unit_alternatives('fr', _SPAN_UNITS)})" + NO_WORD_AFTER,
                 needs=alternatives("ahead_marker", "fr")),
        # "au cours des deux derniers mois", "ces trois dernières semaines": a span up to publication
        _pattern("past_span", "fr", NO_WORD_BEFORE + rf"(?:{alternatives('past_span_opening', 'fr')})\s+"
                 rf"(?P<num>{_exact_counts('fr')})\s+(?:{alternatives('past_span_word', 'fr')})\s+"
                 rf"(?P<unit>{unit_alternatives('fr', _SPAN_UNITS, plural_only=True)})" + NO_WORD_AFTER,
                 needs=alternatives("past_span_word", "fr")),
        # "dans les deux prochains mois", "d'ici les trois prochaines semaines": the end of the span
        _pattern("ahead", "fr", NO_WORD_BEFORE + rf"(?:{alternatives('ahead_span', 'fr')})\s+(?:les|des)\s+{count}\s+"
                 rf"prochain(?:e)?s\s+(?P<unit>{unit_alternatives('fr', _SPAN_UNITS, plural_only=True)})"
                 + NO_WORD_AFTER),
    ]


def _english_patterns() -> list[Pattern]:
    words = _words("en")
    count = rf"(?P<num>{words.counts}|{_COUNT_DIGITS})"
    span_units = unit_alternatives("en", _SPAN_UNITS)
    return [
        _pattern("month", "en", NO_WORD_BEFORE + rf"(?P<prep>{alternatives('month_prep', 'en')})?"
                 rf"(?P<month>{words.full_months})(?:,?\s+{YEAR}|\s+(?P<yearword>{alternatives('month_year_word', 'en')}))?"
                 r"(?!\w)"),
        _pattern("year", "en", NO_WORD_BEFORE + rf"(?P<prep>{alternatives('year_prep', 'en')}){YEAR}(?!\s*%|[.,]\d)",
                 needs=_YEAR_DIGITS),
        _pattern("weekday", "en", NO_WORD_BEFORE + rf"(?:(?P<pre>{alternatives('weekday_before', 'en')})\s+)?"
                 rf"(?P<wd>{words.weekdays})(?:\s+(?P<mod>{alternatives('weekday_modifier', 'en')}))?(?!\w)"),
        _pattern("ago", "en", NO_WORD_BEFORE + rf"(?P<approx>{alternatives('approx_count', 'en')})?"
                 rf"(?P<num>{words.approx_counts}|{words.counts}|{_COUNT_DIGITS})\s+"
                 rf"(?P<unit>{unit_alternatives('en')})\s+ago" + NO_WORD_AFTER, needs=r"\sago"),
        # "The summit comes a month after Iran and Saudi Arabia agreed ...": the act after it, counted back;
        # a bare plural unit ("comes just days after") is a vague count
        _pattern("ago", "en", NO_WORD_BEFORE + rf"(?:{alternatives('ago_after', 'en')})"
                 rf"(?:(?P<approx>{alternatives('approx_count', 'en')})?(?P<num>{words.counts}|{_COUNT_DIGITS})\s+"
                 rf"(?P<unit>{unit_alternatives('en', _SPAN_UNITS)})|(?P<bare>{unit_alternatives('en', _SPAN_UNITS, plural_only=True)}))"
                 r"\s+after" + NO_WORD_AFTER, needs=r"\safter"),
        _pattern("season", "en", NO_WORD_BEFORE + rf"(?P<prep>(?:(?:{alternatives('season_range', 'en')})\s+)?"
                 rf"(?:{alternatives('season_article', 'en')})\s+)(?P<season>{words.seasons}){NO_WORD_AFTER}(?!\s+of)"),
        _pattern("ahead", "en", NO_WORD_BEFORE + rf"(?P<prep>{alternatives('ahead_marker', 'en')})\s+{count}\s+"
                 rf"(?P<unit>{span_units})(?:['’]\s*time)?(?!\w)(?!\s+(?:{alternatives('not_ahead_after', 'en')}))"),
        _pattern("ahead", "en", NO_WORD_BEFORE + rf"{count}\s+(?P<unit>{span_units})\s+from\s+now" + NO_WORD_AFTER,
                 needs=r"from\s+now"),
        # "in the last two months", "over the past three weeks": a span up to publication
        _pattern("past_span", "en", NO_WORD_BEFORE + rf"(?:{alternatives('past_span_opening', 'en')})\s+"
                 rf"(?:{alternatives('past_span_word', 'en')})\s+(?P<num>{_exact_counts('en')})\s+"
                 rf"(?P<unit>{unit_alternatives('en', _SPAN_UNITS, plural_only=True)})" + NO_WORD_AFTER,
                 needs=alternatives("past_span_word", "en")),
        # "in the next two months", "within the coming three weeks": the end of the span
        _pattern("ahead", "en", NO_WORD_BEFORE + rf"(?:{alternatives('ahead_span', 'en')})\s+the\s+"
                 rf"(?:{alternatives('ahead_next', 'en')})\s+{count}\s+"
                 rf"(?P<unit>{unit_alternatives('en', _SPAN_UNITS, plural_only=True)})" + NO_WORD_AFTER),
    ]


@cache
def patterns(lang: str) -> tuple[Pattern, ...]:
    """The patterns run on a sentence of language ``lang``.

    Each language gets all its own patterns, plus the other language's full calendar dates (the seed's
    English tweet ends "12 avril 2017"); an unknown language gets calendar dates only.
    Necessary conditions (``Pattern.needs``) only where a plain literal or digit search is much cheaper
    than the pattern: searching an alternation of month or weekday words costs more than the patterns
    that hold them.
    """
    calendar = _calendar_patterns()
    if lang not in LANGS:
        return tuple(calendar)
    own = _french_patterns() if lang == "fr" else _english_patterns()
    phrases = alternation(vocabulary().phrases[lang])
    # "ce soir-là", "cette année-là" point back to a time the article told, not to publication.
    own.append(_pattern("phrase", lang, NO_WORD_BEFORE + rf"(?P<phrase>{phrases}){NO_WORD_AFTER}(?![\-‐‑]\s*là)"))
    return tuple(calendar + own)


# Names that contain a weekday or month word but are not dates.
_NOT_DATES = re.compile(alternatives("not_date"))


@dataclass(frozen=True)
class Found:
    """One match of a pattern in a sentence."""

    pattern: Pattern
    start: int  # offsets in the sentence text
    end: int
    groups: dict[str, str | None]

    @property
    def kind(self) -> str:
        return self.pattern.kind

    def group(self, name: str) -> str:
        """A named group's text, "" when it did not take part in the match."""
        return self.groups.get(name) or ""


def _plausible(found: Found, text: str, sent_lang: str) -> bool:
    """Cheap checks that keep a word that is not a date from hiding a real date it overlaps."""
    word_lang = found.pattern.lang
    if found.kind == "explicit" and word_lang == "fr" and sent_lang != "fr" and not found.group("year"):
        return False  # "3 mai" in an English sentence: only with a year ("12 avril 2017" in a tweet)
    if found.kind == "month":
        if not found.group("prep") and not found.group("year"):
            return False  # "mars" alone may be the planet, "mai" a name: a month needs "en", a year...
        month = found.group("month")
        at_start = not text[:found.start].strip(" \t\"'«“‘(")
        if word_lang == "fr" and month[:1].isupper() and not month.isupper() and not at_start:
            return False  # a capitalised French month mid-sentence is a name ("Mars 2020", "Juin")
    return True


def scan(text: str, lang: str, calendar_only: bool = False) -> list[Found]:
    """Every date expression of ``text``: the longest wins where two overlap."""
    found = []
    present: dict[re.Pattern[str], bool] = {}
    for pattern in patterns("" if calendar_only else lang):
        if pattern.needs is not None:
            if pattern.needs not in present:
                present[pattern.needs] = pattern.needs.search(text) is not None
            if not present[pattern.needs]:
                continue
        for match in pattern.regex.finditer(text):
            candidate = Found(pattern, match.start(), match.end(), match.groupdict())
            if match.end() > match.start() and _plausible(candidate, text, lang):
                found.append(candidate)
    blocked = [(m.start(), m.end()) for m in _NOT_DATES.finditer(text)]
    found = [f for f in found if not any(f.start < end and start < f.end for start, end in blocked)]
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


@cache
def prefilter(lang: str) -> re.Pattern[str]:
    """A cheap necessary condition for a date: a digit, a month or weekday name, a unit ("il y a six
    ans"), or the longest word of a fixed phrase. Most sentences of an article fail it and cost no more."""
    vocab = vocabulary()
    words: set[str] = set()
    for language in LANGS:
        words.update(vocab.months[language])
    if lang in LANGS:
        words.update(vocab.weekdays[lang])
        words.update(vocab.seasons[lang])
        words.update(max(phrase.split(), key=len) for phrase in vocab.phrases[lang])
    body = "|".join(word_regex(w) for w in sorted(words, key=len, reverse=True))
    units = unit_alternatives(lang if lang in LANGS else "en")
    return re.compile(rf"\d|(?<!\w)(?:{body}|{units})(?!\w)", re.IGNORECASE)


# A dateline: the place in capitals or in capitalised words ("La Havane", "Le Caire"), the day (French
# may put "le" before it), maybe the agency, then a dash ("NAIROBI, Feb 27 (Reuters) -", "La Havane,
# 5 oct. (RHC)-", "Abidjan, le 26 novembre 2014 -").
_DATELINE_PLACE = (r"(?-i:[A-ZÀ-Ý][A-ZÀ-Ý .'’\-]{1,40}"
                   r"|[A-ZÀ-Ý][\w'’\-]*(?:\s+(?:[A-ZÀ-Ý][\w'’\-]*|de|du|des|la|le|les)){0,4})")
_DATELINE_BEFORE = re.compile(rf"\s*{_DATELINE_PLACE}(?:,\s*[\w .'’\-]{{2,30}})?,\s*(?:le\s+)?")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?[-–—]")
# A date alone opening the text, maybe after a weekday, then "--" or a colon ("July 23--President ...",
# "Tue 14 May 2024: Ministers ..."): the day the report was filed.
_BARE_DATELINE_BEFORE = re.compile(rf"\s*(?:(?:{alternatives('dateline_weekday')})\.?,?\s+)?", re.IGNORECASE)
_BARE_DATELINE_AFTER = re.compile(rf"\s*(?:{alternatives('dateline_joint')})")


def dateline(text: str, found: list[Found], article_start: bool = True) -> Found | None:
    """The sentence's dateline date, if it opens with one; a bare date before "--" or a colon only when
    the sentence opens the article ("2 mai : c'est la date ..." further down is no dateline)."""
    for f in found:
        if f.kind in ("explicit", "numeric", "iso") and (
                (_DATELINE_BEFORE.fullmatch(text, 0, f.start) and _DATELINE_AFTER.match(text, f.end))
                or (article_start and _BARE_DATELINE_BEFORE.fullmatch(text, 0, f.start)
                    and _BARE_DATELINE_AFTER.match(text, f.end))):
            return f
    return None
