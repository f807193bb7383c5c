"""Dates: the day an article says it was published, and the day each sentence's event happened.

* ``publication_date_from_text``: the date an article prints about itself ("Première publication :
  12/04/2017", "Published on March 3, 2021", a "PARIS, 3 mars (Reuters) -" dateline).
* ``find_dates``: the date expressions of one sentence, resolved against the publication date, each
  marked with whether it dates the sentence's event; ``event_date`` picks the one that does.

Why our own patterns rather than ``dateparser.search_dates``: search_dates reads "en mer" as mercredi
and "sa" as samedi, and costs 15-19 ms per article. We find the expressions with regexes built from
the word lists in ``data/date_words.tsv`` and ``data/date_phrases.tsv``. One reused dateparser per
language reads the calendar dates ("3 févr. 2017", "Sept. 3", "1er mai": day, month and a year, it
also rejects "31 février"); everything relative is our own arithmetic, because dateparser is wrong
there: a weekday name (with PREFER_DATES_FROM='past' it skips the publication day), "plus tôt dans
la journée" (None), "en février 2022" (it keeps the publication's day of month), and the year of a
yearless date (it never looks at the tense).

Conventions, used everywhere in this module:

* A value is the first day of its precision: week -> Monday, month -> the 1st, year -> 1 January;
  except the "recent" spans ("ces derniers jours", "in recent weeks"), which end at publication and
  so take the publication date itself with a coarse precision.
* Numeric dates are read day first (12/04/2017 = 12 April 2017, French and British usage) unless a
  number above 12 forces the other order; for ``lang == "en"`` with both numbers <= 12 they are read
  month first, because the English outlets that print all-numeric dates are mostly American.
* A weekday name is the most recent such day, the publication day included ("mercredi" in a
  Wednesday article is that Wednesday); the next such day (publication day included) when its clause
  is in the future tense ("se rendra jeudi", "will meet on Thursday"); "lundi dernier"/"last Monday"
  is strictly before the publication day, "lundi prochain"/"next Monday" strictly after.
* A day and month without a year, or a month alone: a future tense takes the next occurrence, a past
  tense the previous one, otherwise the nearer of the two with ties to the past ("le 20 avril" in an
  article of 12 April 2017 is 2017-04-20, "le 3 mars" 2017-03-03, "en décembre" in a January article
  the previous December). The current day or month is both "previous" and "next".
* ``dates_event`` is False for a range boundary ("depuis 2014", "since March", "jusqu'en 2020"), and
  for a date that belongs to another clause than the main event: a noun's modifier ("le début du
  conflit il y a six ans", "le sommet de 2014"), a relative clause ("the war that began in 2011"), a
  detached participle ("né en 1952", "elected in 2012"). French uses the dependency parse; English,
  which has no parse here, uses the words around the expression.
* The tense is that of the verb the date attaches to, never of another clause: French takes the parse
  head; English (and French without a parse) the nearest verb group before the expression within its
  clause, else the nearest after it. A clause ends at punctuation, "that"/"que", a relative pronoun
  ("signed a pact on Thursday under which Canberra will ...": past), a subordinator, or "and"/"et"
  followed by a new subject. The infinitive of a plan looks ahead ("agreed to meet on Friday").
* A participle phrase that opens the sentence is the news itself ("Reçu mardi par Poutine, le
  dirigeant a ...", "Received by Putin on Monday, Kim said"): its day or week dates the event. A
  participle of a person's background ("élu en mai", "investi dimanche dernier", "sworn in last
  Sunday") never does, wherever it stands; nor a date inside a "depuis"/"since" phrase ("depuis la
  visite de X à Taïwan en août 2022"). "depuis l'invasion" alone is no date at all.
* A deadline ahead ("d'ici deux mois", "within two weeks", "in the next two months", "by the end of
  the year") dates a planned event at the end of its span, unless its clause is in the past ("ordered
  them to leave within two weeks"); "d'ici 2030"/"by March" stay range boundaries.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib import resources

from dateparser.date import DateDataParser
from spacy.tokens import Span, Token

from tracker.records import DateRef

from .mentions import span_text

# A hook the pipeline may give to date "since X took office"-style phrases: it gets the phrase
# (marker included, e.g. "depuis l'arrivée de Donald Trump à la Maison Blanche"), the language and
# the publication date, and returns the event's date or None.
EventResolver = Callable[[str, str, date], "date | None"]

LANGS = ("fr", "en")

# ----------------------------------------------------------------------------------------------
# Vocabulary (data files)


@dataclass(frozen=True)
class _Phrase:
    anchor: str  # day | week | month | year | recent
    offset: int
    precision: str
    note: str


@dataclass
class _Vocab:
    # lang -> word as written in the data file -> value
    months: dict[str, dict[str, int]] = field(default_factory=dict)
    full_months: dict[str, list[str]] = field(default_factory=dict)
    weekdays: dict[str, dict[str, int]] = field(default_factory=dict)
    seasons: dict[str, dict[str, int]] = field(default_factory=dict)  # word -> the month it starts in
    numbers: dict[str, dict[str, int]] = field(default_factory=dict)
    approx_numbers: dict[str, dict[str, int]] = field(default_factory=dict)
    vague_numbers: dict[str, dict[str, int]] = field(default_factory=dict)
    phrases: dict[str, dict[str, _Phrase]] = field(default_factory=dict)  # key() -> phrase


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("tracker.scorer").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _key(text: str) -> str:
    """The form a phrase is looked up in: no case, one kind of apostrophe, spaces for hyphens."""
    text = text.casefold().replace("’", "'")
    return re.sub(r"[\s\-‐‑]+", " ", text).strip()


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    v = _Vocab()
    for lang in LANGS:
        for table in (v.months, v.full_months, v.weekdays, v.seasons, v.numbers, v.approx_numbers,
                      v.vague_numbers, v.phrases):
            table[lang] = [] if table is v.full_months else {}
    tables = {"month": v.months, "weekday": v.weekdays, "season": v.seasons, "number": v.numbers,
              "approx_number": v.approx_numbers, "vague_number": v.vague_numbers}
    for row in _rows("date_words.tsv"):
        lang, word = row["lang"], row["word"]
        tables[row["kind"]][lang][word] = int(row["value"])
        if row["kind"] == "month" and row.get("form") == "full":
            v.full_months[lang].append(word)
    for row in _rows("date_phrases.tsv"):
        v.phrases[row["lang"]][_key(row["phrase"])] = _Phrase(
            row["anchor"], int(row["offset"]), row["precision"], row["note"]
        )
    return v


def _lookup(table: dict[str, int], word: str) -> int | None:
    """Case- and spacing-insensitive lookup ("Dix sept" finds "dix-sept")."""
    wanted = _key(word)
    for known, value in table.items():
        if _key(known) == wanted:
            return value
    return None


# ----------------------------------------------------------------------------------------------
# Patterns

_B = r"(?<![\w])"  # no letter or digit just before
_E = r"(?!\w)"  # nor just after
# A year, not "the 1990s" nor a count ("en 2000 exemplaires", "in 2000 cases").
_COUNTED = (r"cases|people|troops|soldiers|men|women|children|deaths|dead|migrants|refugees|km|miles|tons|tonnes|"
            r"dollars|euros|personnes|morts|soldats|hommes|femmes|enfants|habitants|victimes|réfugiés|migrants|"
            r"exemplaires|kilomètres|mètres|militaires")
_YEAR = rf"(?P<year>(?:1[89]|20)\d\d)(?!\w)(?!\s+(?:{_COUNTED})(?!\w))"
_DAY_FR = r"(?P<day>1er|1ᵉʳ|premier|[12]\d|3[01]|0?[1-9])"
_DAY_EN = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


def _word_re(word: str) -> str:
    parts = []
    for ch in word:
        if ch in " -‐‑":
            parts.append(r"[\s\-‐‑]+")
        elif ch in "'’":
            parts.append(r"['’]\s*")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def _alternation(words, case_sensitive: bool = False) -> str:
    body = "|".join(_word_re(w) for w in sorted(set(words), key=len, reverse=True))
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


@dataclass(frozen=True)
class _Pattern:
    kind: str  # explicit | numeric | iso | month | year | weekday | season | ago | ahead | phrase
    lang: str  # the language of its words (an English date may sit in a French sentence)
    regex: re.Pattern
    # A cheap search every match of ``regex`` implies (a word or literal it cannot match without):
    # most sentences lack it, and the full pattern, with its long alternations, is then not run.
    needs: re.Pattern | None = None


def _p(kind: str, lang: str, body: str, needs: str | None = None) -> _Pattern:
    return _Pattern(kind, lang, re.compile(body, re.IGNORECASE), _need(needs) if needs else None)


@cache
def _need(body: str) -> re.Pattern:
    """Compiled once per distinct condition, so patterns sharing one share its search in ``_scan``."""
    return re.compile(body, re.IGNORECASE)


@cache
def _patterns(lang: str) -> tuple[_Pattern, ...]:
    """The patterns run on a sentence of language ``lang``.

    Each language gets all its own patterns, plus the other language's full calendar dates (the seed's
    English tweet ends "12 avril 2017"); an unknown language gets calendar dates only.
    """
    v = _vocab()
    wd = {lg: _alternation(v.weekdays[lg], case_sensitive=lg == "en") for lg in LANGS}
    months = {lg: _alternation(v.months[lg], case_sensitive=lg == "en") for lg in LANGS}
    full = {lg: _alternation(v.full_months[lg], case_sensitive=lg == "en") for lg in LANGS}
    num = {lg: _alternation([*v.numbers[lg], *v.vague_numbers[lg]]) for lg in LANGS}
    seasons = {lg: _alternation(v.seasons[lg]) for lg in LANGS}
    approx_num_fr = _alternation(v.approx_numbers["fr"])
    approx_num_en = _alternation(v.approx_numbers["en"])
    # Necessary conditions (``_Pattern.needs``) only where a plain literal or digit search is much
    # cheaper than the pattern: searching an alternation of month or weekday words costs more than
    # the patterns that hold them.
    a_year = r"(?:1[89]|20)\d\d"

    calendar = [
        _p("iso", "", _B + r"(?<!-)(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)",
           needs=r"\d-[01]\d-"),
        _p("numeric", "", r"(?<![\w/.\-])(?P<a>[0-3]?\d)(?P<sep>[/.\-])(?P<b>[01]?\d)(?P=sep)"
           r"(?P<year>(?:1[89]|20)\d\d|(?<=/)\d\d)(?![\w/]|[.\-]\d)", needs=r"\d[/.\-]\d"),  # "3.4.12" is a section, 3/4/12 a date
        _p("explicit", "fr", _B + rf"(?<!\d[,.])(?:(?P<wd>{wd['fr']})\s+)?{_DAY_FR}\s+(?P<month>{months['fr']})"
           rf"(?:\s+{_YEAR}|\s+(?P<mod>dernier|prochain)(?!\w))?(?!\w)"),
        _p("explicit", "en", _B + rf"(?:(?P<wd>{wd['en']}),?\s+)?(?:the\s+)?{_DAY_EN}\s+(?:of\s+)?"
           rf"(?P<month>{months['en']})(?:,?\s+{_YEAR})?(?!\w)"),
        _p("explicit", "en", _B + rf"(?:(?P<wd>{wd['en']}),?\s+)?(?P<month>{months['en']})\s+{_DAY_EN}"
           rf"(?![\d:])(?:,?\s+{_YEAR})?(?!\w)"),
    ]
    if lang not in LANGS:
        return tuple(calendar)

    if lang == "fr":
        month_preps = (r"en\s+|depuis\s+|dès\s+|jusqu['’]\s*(?:en|à)\s+|début\s+|fin\s+|mi-|courant\s+|"
                       r"(?:au|le|du|ce)\s+mois\s+d['’e]\s*|d['’]ici\s+(?:à\s+)?|avant\s+|après\s+")
        year_preps = (r"en\s+|depuis\s+|dès\s+|jusqu['’]\s*en\s+|avant\s+|après\s+|fin\s+|début\s+|mi-|"
                      r"courant\s+|l['’]\s*an(?:née)?\s+|d['’]ici\s+(?:à\s+)?|à\s+partir\s+de\s+|"
                      r"(?:au\s+)?printemps\s+|(?:à\s+l['’]|en\s+|l['’])\s*(?:été|automne|hiver)\s+|"
                      r"au\s+cours\s+de\s+l['’]\s*année\s+")
        own = [
            _p("month", "fr", _B + rf"(?P<prep>{month_preps})?(?P<month>{full['fr']})"
               rf"(?:\s+(?:de\s+l['’]\s*année\s+)?{_YEAR}|\s+(?P<mod>dernier|prochain)(?!\w))?(?!\w)"),
            _p("year", "fr", _B + rf"(?P<prep>{year_preps}){_YEAR}(?!\s*%|[.,]\d)", needs=a_year),
            _p("weekday", "fr", _B + rf"(?:dans\s+la\s+nuit\s+d[eu]\s+{wd['fr']}\s+(?:à|au)\s+)?"
               rf"(?P<wd>{wd['fr']})(?:\s+(?P<mod>dernier|prochain|passé|matin|soir|après-midi|midi))?{_E}"),
            _p("ago", "fr", _B + r"(?:il\s+y\s+a|voilà|voici)\s+(?P<approx>(?:un\s+peu\s+)?(?:plus|moins)\s+d['’e]\s*|"
               rf"près\s+d['’e]\s*|environ\s+|quelque\s+|presque\s+)?(?P<num>{approx_num_fr}|{num['fr']}|\d{{1,3}})"
               r"(?:\s+|(?<=['’]))(?P<unit>heures?|jours?|semaines?|mois|ans?|années?|décennies?)" + _E),
            _p("season", "fr", _B + r"(?P<prep>(?:(?:depuis|dès)\s+)?(?:au|à\s+l['’]|en|l['’]|le|cet|ce)\s*)"
               rf"(?P<season>{seasons['fr']})(?:\s+(?P<mod>dernier|prochain))?{_E}"),
            _p("ahead", "fr", _B + rf"(?:dans|d['’]ici)\s+(?P<num>{num['fr']}|\d{{1,3}})\s+"
               r"(?P<unit>jours?|semaines?|mois|ans?|années?)" + _E, needs=r"dans|d['’]ici"),
            # "dans les deux prochains mois", "d'ici les trois prochaines semaines": the end of the span
            _p("ahead", "fr", _B + rf"(?:dans|d['’]ici|au\s+cours|avant\s+la\s+fin)\s+(?:les|des)\s+"
               rf"(?P<num>{num['fr']}|\d{{1,3}})\s+prochain(?:e)?s\s+(?P<unit>jours|semaines|mois|ans|années)" + _E),
        ]
    else:
        month_preps = (r"in\s+(?:early\s+|late\s+|mid-)?|since\s+|by\s+|until\s+|till\s+|early\s+|late\s+|mid-|"
                       r"last\s+|next\s+|this\s+|during\s+|through\s+|before\s+|after\s+|from\s+|"
                       r"(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+")
        year_preps = (r"in\s+(?:early\s+|late\s+|mid-)?|since\s+|by\s+|until\s+|till\s+|before\s+|after\s+|"
                      r"early\s+|late\s+|mid-|during\s+|from\s+|throughout\s+|"
                      r"(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|(?:in\s+)?(?:the\s+)?"
                      r"(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?")
        own = [
            _p("month", "en", _B + rf"(?P<prep>{month_preps})?(?P<month>{full['en']})(?:,?\s+{_YEAR})?(?!\w)"),
            _p("year", "en", _B + rf"(?P<prep>{year_preps}){_YEAR}(?!\s*%|[.,]\d)", needs=a_year),
            _p("weekday", "en", _B + r"(?:(?P<pre>last|next|this\s+past|this\s+coming|this|on|late\s+on|early\s+on)\s+)?"
               rf"(?P<wd>{wd['en']})(?:\s+(?P<mod>morning|afternoon|evening|night))?(?!\w)"),
            _p("ago", "en", _B + r"(?P<approx>(?:more|less)\s+than\s+|nearly\s+|almost\s+|about\s+|around\s+|some\s+|"
               rf"over\s+|roughly\s+|just\s+over\s+)?(?P<num>{approx_num_en}|{num['en']}|\d{{1,3}})\s+"
               r"(?P<unit>hours?|days?|weeks?|months?|years?|decades?)\s+ago" + _E, needs=r"\sago"),
            _p("season", "en", _B + r"(?P<prep>(?:since\s+|until\s+|by\s+)?(?:last|next|this|(?:in|during|over)\s+the)\s+)"
               rf"(?P<season>{seasons['en']}){_E}(?!\s+of)"),
            _p("ahead", "en", _B + rf"(?P<prep>in|within)\s+(?P<num>{num['en']}|\d{{1,3}})\s+"
               r"(?P<unit>days?|weeks?|months?|years?)(?:['’]\s*time)?(?!\w)(?!\s+(?:of|after|before|later|earlier))"),
            _p("ahead", "en", _B + rf"(?P<num>{num['en']}|\d{{1,3}})\s+(?P<unit>days?|weeks?|months?|years?)"
               r"\s+from\s+now" + _E, needs=r"from\s+now"),
            # "in the next two months", "within the coming three weeks": the end of the span
            _p("ahead", "en", _B + rf"(?:in|within|over|during)\s+the\s+(?:next|coming)\s+(?P<num>{num['en']}|\d{{1,3}})"
               r"\s+(?P<unit>days|weeks|months|years)" + _E),
        ]
    phrases = _alternation(v.phrases[lang])
    # "ce soir-là", "cette année-là" point back to a time the article told, not to publication.
    own.append(_p("phrase", lang, _B + rf"(?P<phrase>{phrases}){_E}(?![\-‐‑]\s*là)"))
    return tuple(calendar + own)


# Names that contain a weekday or month word but are not dates.
_NOT_DATES = re.compile(
    r"Journal\s+du\s+[Dd]imanche|Sunday\s+(?:Times|Telegraph|Express|Mirror|Mail|People|Post)|"
    r"Mail\s+on\s+Sunday|(?:Black|Cyber|Bloody|Super)\s+(?:Monday|Tuesday|Friday|Sunday)|"
    r"[Mm]ardi\s+[Gg]ras|[Vv]endredi\s+[Ss]aint|[Pp]lanète\s+[Mm]ars|Mars\s+(?:Express|rover|One)"
)

# Words that turn a date into a range boundary: it is then not the date of the event.
_RANGE_WORDS = {
    "fr": r"depuis|dès|jusqu['’]\s*(?:à|au|en)?|jusque|d['’]ici(?:\s+à)?|à\s+partir\s+d['’eu]s?|"
          r"à\s+compter\s+d['’eu]s?|avant|après|entre",
    "en": r"since|until|till|through|by|before|after|from|starting|between|as\s+of",
}
_RANGE_BEFORE = {
    lg: re.compile(rf"(?<!\w)(?:{words})\s*(?:(?:le|la|les|l['’]|the|early|late|mid-|fin|début|mi-)\s*)?$",
                   re.IGNORECASE)
    for lg, words in _RANGE_WORDS.items()
}
_RANGE_START = {lg: re.compile(rf"^(?:{words})(?![\w\-‐‑])", re.IGNORECASE) for lg, words in _RANGE_WORDS.items()}
_SINCE_WORDS = {"fr": r"depuis|dès", "en": r"since|ever\s+since"}


@dataclass(frozen=True)
class _Found:
    pattern: _Pattern
    start: int  # offsets in the sentence text
    end: int
    groups: dict[str, str | None]

    @property
    def kind(self) -> str:
        return self.pattern.kind


def _plausible(f: _Found, text: str, lang: str) -> bool:
    """Cheap checks that keep a word that is not a date from hiding a real date it overlaps."""
    g, wlang = f.groups, f.pattern.lang
    if f.kind == "explicit" and wlang == "fr" and lang != "fr" and not g.get("year"):
        return False  # "3 mai" in an English sentence: only with a year ("12 avril 2017" in a tweet)
    if f.kind == "month":
        if not g.get("prep") and not g.get("year"):
            return False  # "mars" alone may be the planet, "mai" a name: a month needs "en", a year...
        month = g["month"]
        at_start = not text[:f.start].strip(" \t\"'«“‘(")
        if wlang == "fr" and month[:1].isupper() and not month.isupper() and not at_start:
            return False  # a capitalised French month mid-sentence is a name ("Mars 2020", "Juin")
    return True


def _scan(text: str, lang: str, calendar_only: bool = False) -> list[_Found]:
    """Every date expression of ``text``: the longest wins where two overlap."""
    found = []
    present: dict[re.Pattern, bool] = {}
    for pattern in _patterns("" if calendar_only else lang):
        if pattern.needs is not None:
            if pattern.needs not in present:
                present[pattern.needs] = pattern.needs.search(text) is not None
            if not present[pattern.needs]:
                continue
        for m in pattern.regex.finditer(text):
            f = _Found(pattern, m.start(), m.end(), m.groupdict())
            if m.end() > m.start() and _plausible(f, text, lang):
                found.append(f)
    blocked = [(m.start(), m.end()) for m in _NOT_DATES.finditer(text)]
    found = [f for f in found if not any(f.start < e and s < f.end for s, e in blocked)]
    kept: list[_Found] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


_UNIT_WORDS = {"fr": r"heures?|jours?|semaines?|mois|ans?|années?|décennies?",
               "en": r"hours?|days?|weeks?|months?|years?|decades?"}


# A cheap necessary condition for a date: a digit, a month or weekday name, a unit ("il y a six
# ans"), or the longest word of a fixed phrase. Most sentences of an article fail it and cost no more.
@cache
def _prefilter(lang: str) -> re.Pattern:
    v = _vocab()
    words: set[str] = set()
    for lg in LANGS:
        words.update(v.months[lg])
    if lang in LANGS:
        words.update(v.weekdays[lang])
        words.update(v.seasons[lang])
        words.update(max(phrase.split(), key=len) for phrase in v.phrases[lang])
    alternation = "|".join(_word_re(w) for w in sorted(words, key=len, reverse=True))
    units = _UNIT_WORDS.get(lang, _UNIT_WORDS["en"])
    return re.compile(rf"\d|(?<!\w)(?:{alternation}|{units})(?!\w)", re.IGNORECASE)


# ----------------------------------------------------------------------------------------------
# Resolution


@cache
def _parser(lang: str) -> DateDataParser:
    """One dateparser per language, reused. It only ever reads a full "day month year" string: the
    year of a yearless date is our arithmetic (``_occurrences``), not its RELATIVE_BASE guess."""
    return DateDataParser(languages=[lang], settings={"RETURN_AS_TIMEZONE_AWARE": False})


@lru_cache(maxsize=4096)
def _dateparse(text: str, lang: str) -> date | None:
    data = _parser(lang).get_date_data(text)
    return data.date_obj.date() if data.date_obj else None


_LEAP_YEAR = 2000  # a year in which every day and month exists, 29 February included


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


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _shift(published: date, unit: str, n: int) -> tuple[date, str]:
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


_COARSER = {"day": "week", "week": "month", "month": "year", "year": "year"}
_UNITS = {"heure": "hour", "hour": "hour", "jour": "day", "semaine": "week", "mois": "month", "an": "year", "année": "year", "décennie": "decade",
          "day": "day", "week": "week", "month": "month", "year": "year", "decade": "decade"}


def _unit(word: str) -> str:
    word = word.casefold()
    return _UNITS.get(word) or _UNITS.get(word[:-1], "")


@dataclass(frozen=True)
class _Resolved:
    value: date
    precision: str
    note: str


def _choose(past: date | None, future: date | None, published: date, tense: str | None) -> tuple[date | None, str]:
    """Previous or next occurrence of a yearless date, by tense, else the nearer one."""
    if past is None or future is None:
        return (past or future), "the only reading"
    if past == future:
        return past, "the publication's own day or month"
    if tense == "future":
        return future, "next occurrence (future tense)"
    if tense == "past":
        return past, "previous occurrence (past tense)"
    if (future - published) < (published - past):
        return future, "the nearer occurrence (next)"
    return past, "the nearer occurrence (previous)"


def _number(found: _Found, lang: str) -> tuple[int, str] | None:
    """The count of an "il y a N ..." expression, and a note when it is approximate or vague."""
    v = _vocab()
    text = found.groups.get("num") or ""
    if text.isdigit():
        n, note = int(text), ""
    elif (n := _lookup(v.approx_numbers[lang], text)) is not None:
        note = "approximate count"
    elif (n := _lookup(v.vague_numbers[lang], text)) is not None:
        note = f"vague count ({text!r}) read as {n}, one precision coarser"
    elif (n := _lookup(v.numbers[lang], text)) is not None:
        note = ""
    else:
        return None
    if found.groups.get("approx") and not note:
        note = "approximate count"
    return n, note


def _resolve(found: _Found, text: str, sent_lang: str, published: date, tense: str | None) -> _Resolved | None:
    kind, g, wlang = found.kind, found.groups, found.pattern.lang
    expr = text[found.start:found.end]
    v = _vocab()

    if kind == "iso":
        try:
            return _Resolved(date(int(g["year"]), int(g["month"]), int(g["day"])), "day", "ISO date")
        except ValueError:
            return None

    if kind == "numeric":
        return _numeric(int(g["a"]), int(g["b"]), g["year"], sent_lang)

    if kind == "explicit":
        month = g["month"]
        day = 1 if g["day"].casefold() in ("1er", "1ᵉʳ", "premier") else int(g["day"])
        if g.get("year"):
            value = _dateparse(f"{day} {month} {g['year']}", wlang)
            return _Resolved(value, "day", "calendar date") if value else None
        in_leap_year = _dateparse(f"{day} {month} {_LEAP_YEAR}", wlang)
        if in_leap_year is None:
            return None
        past, future = _occurrences(in_leap_year.month, in_leap_year.day, published)
        if g.get("mod") and past and future:  # "le 3 mars dernier / prochain": strictly before / after
            if past == future:
                past, future = past.replace(year=past.year - 1), future.replace(year=future.year + 1)
            tense = "past" if g["mod"].casefold() == "dernier" else "future"
        value, why = _choose(past, future, published, tense)
        return _Resolved(value, "day", f"day and month without year: {why}") if value else None

    if kind == "month":
        month, prep, year = g["month"], (g.get("prep") or "").strip(), g.get("year")
        number = _lookup(v.months[wlang], month)
        if number is None:
            return None
        if year:
            return _Resolved(date(int(year), number, 1), "month", "month and year")
        past = date(published.year - (number > published.month), number, 1)
        future = date(published.year + (number < published.month), number, 1)
        modifier = ((g.get("mod") or "") + " " + prep).casefold().split()
        if {"dernier", "last"} & set(modifier):  # "en mars dernier" / "last March": strictly before
            tense, past = "past", past.replace(year=past.year - 1) if past == future else past
        elif {"prochain", "next"} & set(modifier):
            tense, future = "future", future.replace(year=future.year + 1) if past == future else future
        value, why = _choose(past, future, published, tense)
        return _Resolved(value, "month", f"month without year: {why}") if value else None

    if kind == "year":
        return _Resolved(date(int(g["year"]), 1, 1), "year", "year")

    if kind == "weekday":
        return _weekday(g, wlang, published, tense)

    if kind == "season":
        return _season(g, wlang, published, tense)

    if kind == "ahead" and (g.get("prep") or "").casefold() == "in" and tense != "future":
        return None  # "for the first time in five years" looks back; "in two weeks" needs a future clause

    if kind in ("ago", "ahead"):
        counted = _number(found, wlang)
        unit = _unit(g["unit"])
        if counted is None or not unit:
            return None
        n, note = counted
        if unit == "decade":
            unit, n = "year", n * 10
        sign = -1 if kind == "ago" else 1
        value, precision = _shift(published, unit, sign * n)
        if note.startswith("vague"):
            precision = _COARSER[precision]
            value = _shift(value, precision, 0)[0]
        when = "before" if kind == "ago" else "after"
        return _Resolved(value, precision, f"{n} {unit}(s) {when} publication" + (f"; {note}" if note else ""))

    if kind == "phrase":
        phrase = v.phrases[wlang].get(_key(expr))
        if phrase is None:
            return None
        if phrase.anchor == "recent":
            return _Resolved(published, phrase.precision, phrase.note)
        value, precision = _shift(published, phrase.anchor, phrase.offset)
        return _Resolved(value, precision, phrase.note)
    return None


def _numeric(a: int, b: int, year_text: str, lang: str | None) -> _Resolved | None:
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if year < 70 else 1900
    if a > 12 or (b <= 12 and lang != "en"):
        day, month, order = a, b, "day first"
    elif b > 12 or lang == "en":
        day, month, order = b, a, "month first" + (" (English, both numbers <= 12)" if b <= 12 else "")
    else:  # pragma: no cover - the two branches above cover every case
        return None
    try:
        return _Resolved(date(year, month, day), "day", f"numeric date, {order}")
    except ValueError:
        return None


def _season(g: dict, wlang: str, published: date, tense: str | None) -> _Resolved | None:
    """A season is dated on its first month ("l'été dernier" in March 2023 -> 2022-06, precision month).

    The season under way at publication is both the previous and the next one; "dernier"/"last" is
    the one before it, "prochain"/"next" the one after it.
    """
    first = _lookup(_vocab().seasons[wlang], g["season"])
    if first is None:
        return None
    year = published.year if first <= published.month else published.year - 1
    latest = date(year, first, 1)  # the most recent start, maybe the season under way
    current = (published.year * 12 + published.month) - (latest.year * 12 + latest.month) < 3
    words = set(((g.get("mod") or "") + " " + (g.get("prep") or "")).casefold().split())
    name = g["season"]
    if words & {"dernier", "last"}:
        value, why = (latest.replace(year=latest.year - 1) if current else latest), f"the {name} before publication"
    elif words & {"prochain", "next"}:
        value, why = latest.replace(year=latest.year + 1), f"the {name} after publication"
    elif current:
        value, why = latest, f"the {name} under way at publication"
    else:
        value, why = _choose(latest, latest.replace(year=latest.year + 1), published, tense)
        why = f"{name}: {why}"
    return _Resolved(value, "month", f"{why}; dated on its first month") if value else None


def _weekday(g: dict, wlang: str, published: date, tense: str | None) -> _Resolved | None:
    wd = _lookup(_vocab().weekdays[wlang], g["wd"])
    if wd is None:
        return None
    name = g["wd"]
    modifier = ((g.get("mod") or "") + " " + (g.get("pre") or "")).casefold().split()
    back = (published.weekday() - wd) % 7
    ahead = (wd - published.weekday()) % 7
    if {"dernier", "passé", "last", "past"} & set(modifier):
        return _Resolved(published - timedelta(days=back or 7), "day", f"the {name} before publication")
    if {"prochain", "next", "coming"} & set(modifier):
        return _Resolved(published + timedelta(days=ahead or 7), "day", f"the {name} after publication")
    if tense == "future":
        return _Resolved(published + timedelta(days=ahead), "day",
                         f"next {name} (future tense), publication day included")
    return _Resolved(published - timedelta(days=back), "day",
                     f"most recent {name}, publication day included")


# ----------------------------------------------------------------------------------------------
# Tense and clause: from the French parse, or from the words around the expression


def _span_tokens(sent: Span, start: int, end: int) -> list[Token]:
    s0 = sent.start_char
    return [t for t in sent if t.idx < s0 + end and t.idx + len(t.text) > s0 + start]


def _expression_root(tokens: Sequence[Token]) -> Token:
    inside = {t.i for t in tokens}
    outside = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return min(outside or tokens, key=lambda t: len(list(t.ancestors)))


_VERBAL = ("VERB", "AUX")
_MODALS_FR = {"devoir", "aller", "prévoir", "compter", "envisager", "vouloir", "espérer", "souhaiter", "pouvoir"}
# Verbs whose infinitive is a plan, whatever their own tense: "sont convenus de se retrouver vendredi".
_PLANS_FR = {"convenir", "décider", "promettre", "engager", "menacer", "proposer", "inviter", "accepter",
             "projeter", "apprêter", "résoudre"}


def _governing_verb(token: Token) -> Token | None:
    x = token.head
    for _ in range(6):
        if x.pos_ in _VERBAL or (x.pos_ == "ADJ" and "Part" in x.morph.get("VerbForm")):
            return x
        if x.head.i == x.i:
            return x if x.pos_ in _VERBAL else None
        x = x.head
    return None


# Participles of planning: "le sommet (est) prévu jeudi" looks ahead whatever the auxiliary's tense.
_PLANNED_FR = {"prévoir", "attendre", "programmer", "planifier", "fixer", "annoncer"}


def _parse_tense(verb: Token | None) -> str | None:
    """"past", "future" or None (present, or no verb found) for the clause a date hangs on."""
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    if any("Fut" in aux.morph.get("Tense") for aux in auxes):
        return "future"
    if verb.lemma_ in _PLANNED_FR and "Part" in verb.morph.get("VerbForm") and not any(
        a.lemma_ == "avoir" or "Imp" in a.morph.get("Tense") for a in auxes
    ):
        return "future"
    if auxes:
        return "past"  # a compound tense: passé composé, plus-que-parfait
    tense, mood, form = verb.morph.get("Tense"), verb.morph.get("Mood"), verb.morph.get("VerbForm")
    if "Fut" in tense or "Cnd" in mood:
        return "future"
    if "Inf" in form and verb.head.i != verb.i and verb.head.lemma_ in _PLANS_FR:
        return "future"
    if "Inf" in form and verb.head.i != verb.i and verb.head.lemma_ in _MODALS_FR:
        return _parse_tense(verb.head)  # "doit se rendre jeudi": the modal's tense
    if verb.lemma_ in _MODALS_FR and "Pres" in tense and any(
        c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm") for c in verb.children
    ):
        return "future"  # "doit / va / compte se rendre": a plan
    if "Imp" in tense or "Past" in tense:  # a bare past participle too ("Reçu le 13 septembre par ...")
        return "past"
    return None


_FUTURE = {
    "en": re.compile(r"\b(?:will|would|shall|wo\s*n['’]t|['’]ll|(?:due|set|expected|scheduled|slated|planned|poised)\s+"
                     r"(?:to|for|on)|going\s+to|(?:is|are)\s+to\s+\w+|plans?\s+to|intends?\s+to|upcoming|"
                     # an infinitive of a plan: "agreed to meet again on Friday"
                     r"(?:agreed|decided|promised|pledged|vowed|planned|threatened|proposed|offered|prepared)\s+to\s+\w+)\b",
                     re.IGNORECASE),
    "fr": re.compile(r"\b(?:va|vont|doit|doivent|devrait|devraient|prévue?s?|attendue?s?|sera|seront|aura|auront|"
                     r"\w{2,}(?:era|eront|ira|iront|dra|dront))\b", re.IGNORECASE),
}
# Words ending in -ed that are no past verbs; a capitalised -ed word mid-sentence is a name ("United").
_NOT_PAST_ED = r"indeed|hundred|need|speed|proceed|succeed|exceed|embed|seed|breed|creed|bed|red|shed|wed"
_PAST = {
    "en": re.compile(r"\b(?:was|were|had|has|have|did|said|told|met|held|began|took|made|went|came|left|saw|gave|spoke|"
                     r"sent|struck|won|lost|led|fled|broke|fought|shot|sought|brought|caught|rose|fell|flew|drew|grew|"
                     r"knew|threw|wrote|chose|stood|became|paid|kept|felt|found|heard|meant|sworn|"
                     rf"(?!(?:{_NOT_PAST_ED})\b)\w{{3,}}ed)\b", re.IGNORECASE),
    "fr": re.compile(r"\b(?:a|ont|avait|avaient|était|étaient|fut|furent)\b|\b\w{3,}(?:ait|aient)\b", re.IGNORECASE),
}
# Where a clause ends, for the words' tense: punctuation, "that"/"que", a relative pronoun ("signed a pact
# on Thursday under which Canberra will ..."), a subordinating conjunction, and "and"/"but"/"et"/"mais"
# followed by a new subject ("held talks on Monday and Beijing will send ...").
_SUBJECT_EN = (r"(?:i|you|he|she|it|we|they|the|a|an|this|these|those|its|his|her|their|our|(?-i:[A-Z])\w*)(?!\w)")
_SUBJECT_FR = (r"(?:je|tu|il|elle|on|nous|vous|ils|elles|le|la|les|l['’]|un|une|des|ce|cette|ces|son|sa|ses|leur|"
               r"leurs|(?-i:[A-ZÀ-ÖØ-Þ])\w*)(?!\w)")
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]—–]|\s-\s|\b(?:that|which|who|whom|whose|whereby|where|while|whereas|although|though|because|"
    r"unless|que|qu['’]|qui|dont|où|lequel|laquelle|lesquels|lesquelles|duquel|auquel|desquels|auxquels|"
    r"tandis|alors\s+que|bien\s+que|parce\s+que)\b"
    rf"|\b(?:and|but)\s+(?={_SUBJECT_EN})|\b(?:et|mais)\s+(?={_SUBJECT_FR})", re.IGNORECASE)


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The expression's clause: from the last break before it to the next one after it; when the
    expression opens its clause alone ("On Thursday, ..."), the following clause too."""
    before = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    left = before[-1] if before else 0
    after = _CLAUSE_BREAK.search(text, end)
    right = after.start() if after else len(text)
    if not text[left:start].strip() and not text[end:right].strip() and after:
        nxt = _CLAUSE_BREAK.search(text, after.end())
        right = nxt.start() if nxt else len(text)
    return left, right


def _verb_marks(text: str, left: int, right: int, lang: str) -> list[tuple[int, int, str]]:
    """The tense markers of a stretch of text: (start, end, "future" | "past"); where a future and a
    past reading overlap ("expected to", "scheduled for") the future one stands."""
    lg = lang if lang in LANGS else "en"
    future = [(m.start(), m.end(), "future") for m in _FUTURE[lg].finditer(text, left, right)]
    past = [(m.start(), m.end(), "past") for m in _PAST[lg].finditer(text, left, right)
            if not any(s < m.end() and m.start() < e for s, e, _ in future)
            and not (lg == "en" and m.group(0)[0].isupper() and m.group(0).endswith("ed")
                     and text[:m.start()].strip(" \t\"'“‘(«"))]
    return sorted(future + past)


# What may stand between the words of one verb group ("will not be formally signed", "a été signé").
_GROUP_GAP = re.compile(r"\s*(?:(?:be|been|being|have|not|n['’]t|also|still|soon|then|again|now|probably|likely|"
                        r"formally|finally|officially|ne|n['’]|pas|été|être|déjà|bien|enfin)\s+)*", re.IGNORECASE)


def _lexical_tense(text: str, start: int, end: int, lang: str) -> str | None:
    """The tense of the verb a date attaches to, without a parse: the nearest verb group before the
    expression within its clause ("signed a pact on Thursday under which ... will": signed), else the
    nearest after it ("On Thursday, Russia said it will ...": said)."""
    left, right = _clause_bounds(text, start, end)
    marks = _verb_marks(text, left, right, lang)
    before = [m for m in marks if m[1] <= start]
    if before:
        group = [before[-1]]  # "will be held": the whole verb group, its future auxiliary included
        for prev in reversed(before[:-1]):
            if not _GROUP_GAP.fullmatch(text[prev[1]:group[-1][0]]):
                break
            group.append(prev)
        return "future" if any(m[2] == "future" for m in group) else group[0][2]
    after = [m for m in marks if m[0] >= end]
    return after[0][2] if after else None


# Expressions that are adverbs of time: they cannot modify a noun, so a parse that hangs them on one
# ("a rappelé le ministre hier": hier -> ministre) is wrong, and we look past it to the verb.
_ADVERBIAL_KINDS = ("weekday", "phrase", "ago")


def _parse_dates_event(tokens: Sequence[Token], kind: str) -> tuple[bool, str]:
    root = _expression_root(tokens)
    head = root.head
    if head.i == root.i:
        return True, ""
    # "la réunion de mercredi" is a noun's modifier; a bare "mercredi" hung on a noun is a parse error.
    nominal = kind not in _ADVERBIAL_KINDS or any(
        c.dep_ == "case" and c.lower_ in ("de", "du", "d'", "d’", "des") for c in root.children
    )
    if head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and nominal:
        return False, f"modifies the noun {head.text!r}, not the main verb"
    verb = head if head.pos_ in _VERBAL or head.pos_ == "ADJ" else _governing_verb(root)
    x = verb
    while x is not None:
        lost_root = x.head.dep_ == "ROOT" and x.head.pos_ not in _VERBAL and "Inf" in x.morph.get("VerbForm")
        if x.dep_ in ("acl", "acl:relcl") and not lost_root:  # "Pékin compte/NOUN signer": a lost verb
            return False, f"inside a clause describing {x.head.text!r}"
        if x.dep_ == "advcl" and "Part" in x.morph.get("VerbForm") and not any(
            c.dep_.startswith(("aux", "nsubj")) for c in x.children
        ):
            return False, f"inside the participle phrase of {x.text!r}"
        if x.head.i == x.i:
            break
        x = x.head
    # A bare participle just before the date ("le rapprochement scellé l'été dernier", "les sanctions
    # imposées en 2014") describes a noun even when the parse gets the attachment wrong.
    first = min(tokens, key=lambda t: t.i)
    before = first.nbor(-1) if first.i > first.sent.start else None
    if before is not None and before.pos_ == "ADP" and before.i > first.sent.start:
        before = before.nbor(-1)
    if (before is not None and before.pos_ in ("VERB", "ADJ") and "Part" in before.morph.get("VerbForm")
            and not any(c.dep_.startswith("aux") or c.dep_ == "cop" for c in before.children)
            and before.lower_ not in ("dernier", "dernière", "prochain", "prochaine")):
        return False, f"after the participle {before.text!r}, which describes a noun"
    return True, ""


_RELATIVIZERS = {
    "en": re.compile(r"\b(?:which|who|whom|whose|that)\b", re.IGNORECASE),
    "fr": re.compile(r"\b(?:qui|dont|où|lequel|laquelle|lesquels|lesquelles)\b", re.IGNORECASE),
}
# "that" after these words opens a reported clause, not a relative one.
_THAT_COMPLEMENT = re.compile(
    r"\b(?:said|says|say|told|tell|announced|stated|added|warned|argued|insisted|believes?|believed|thinks?|"
    r"thought|noted|confirmed|denied|reported|claimed|stressed|hopes?|hoped|fears?|feared|knows?|knew|"
    r"suggested|showed|shows|clear|so|now|such|given|ensure|agreed|acknowledged|admitted|accused|"
    r"declared|indicated|signalled|signaled)\s+that\s*$", re.IGNORECASE)
# "that" followed by a subject, a time phrase or a name opens a reported clause ("said on Tuesday that
# he will", "told reporters that on Monday Russia had"); a relative "that" is followed by its verb
# ("the war that began in 2011").
_THAT_THEN_SUBJECT = re.compile(
    r"\s+(?:(?-i:[A-Z])|(?:i|you|he|she|it|we|they|the|a|an|this|these|those|its|his|her|their|our|"
    r"on|in|at|during|after|before|since|by|for|with|from|last|next|earlier|later)(?!\w))", re.IGNORECASE)
_PARTICIPLES = {
    # Only participles that rarely follow their subject directly as a simple past: "Russia signed on
    # Wednesday a deal" is real English, "Putin elected in 2012" is not a main clause.
    "en": r"born|elected|re-elected|founded|established|created|appointed|named|inaugurated|annexed|imposed|"
          r"brokered|ratified|adopted|sealed|introduced|built|sworn\s+in",
    "fr": r"née?s?|élue?s?|réélue?s?|nommée?s?|fondée?s?|créée?s?|signée?s?|adoptée?s?|annexée?s?|conclue?s?|"
          r"lancée?s?|instaurée?s?|imposée?s?|entrée?s?\s+en\s+vigueur|ratifiée?s?|tenue?s?|organisée?s?",
}
_AUXILIARIES = {
    "en": r"is|was|were|are|be|been|being|has|have|had|got|get|gets",
    "fr": r"a|ont|avait|avaient|aura|auront|est|sont|était|étaient|été|fut|furent|sera|seront|être|avoir",
}
_PARTICIPLE_BEFORE = {
    lg: re.compile(rf"(?:(?<!\w)(?P<aux>{_AUXILIARIES[lg]})\s+(?:\w+\s+)?)?(?<!\w)(?:{words})\s+"
                   rf"(?:(?:in|on|at|last|en|le|au|à|depuis)\s+)?$", re.IGNORECASE)
    for lg, words in _PARTICIPLES.items()
}
_NOMINAL_OF = {"en": re.compile(r"(?<!\w)of\s+(?:the\s+)?$", re.IGNORECASE),
               "fr": re.compile(r"(?<!\w)(?:de|du|d['’])\s*(?:l['’]\s*|la\s+)?$", re.IGNORECASE)}


def _lexical_dates_event(text: str, start: int, end: int, lang: str, kind: str) -> tuple[bool, str]:
    """Whether a date dates the main event, from the words of its clause (English has no parse):
    inside a "since ..." phrase, a relative clause, a participle phrase or an "of"/"de" phrase it
    does not."""
    lg = lang if lang in LANGS else "en"
    before = text[:start]
    breaks = [m.end() for m in re.finditer(r"[,;:()\[\]—–]", before)]
    segment = before[breaks[-1] if breaks else 0:]
    since = re.search(rf"(?<!\w)(?:{_SINCE_WORDS[lg]})(?!\w)", segment, re.IGNORECASE)
    if since and len(segment[since.end():].split()) <= 8:
        return False, f"inside a {since.group(0)!r} phrase"
    rel = None
    for m in _RELATIVIZERS[lg].finditer(segment):
        if m.group(0).casefold() == "that" and (
            _THAT_COMPLEMENT.search(segment[:m.end()]) or _THAT_THEN_SUBJECT.match(segment, m.end())
        ):
            continue
        rel = m
    if rel and len(segment[rel.end():].split()) <= 10:
        return False, f"inside a relative clause ({rel.group(0)!r} ...)"
    part = _PARTICIPLE_BEFORE[lg].search(segment)
    if part and not part.group("aux"):
        return False, "inside a participle phrase describing a noun"
    if kind not in _ADVERBIAL_KINDS and _NOMINAL_OF[lg].search(segment):
        return False, "modifies a noun ('of'/'de' before it)"
    return True, ""


# Participles that give the background of a person or a body, not the news: "Élu en mai, le président
# ...", "Le président, investi dimanche dernier, ...", "Sworn in last Sunday, the president ...".
_BACKGROUND_PARTICIPLES = {
    "fr": r"née?s?|élue?s?|réélue?s?|investie?s?|intronisée?s?|nommée?s?|désignée?s?|reconduite?s?|couronnée?s?|"
          r"promue?s?|diplômée?s?|fondée?s?|créée?s?|formée?s?|installée?s?|"
          r"(?:arrivée?s?|parvenue?s?|portée?s?|revenue?s?)\s+au\s+pouvoir|entrée?s?\s+en\s+fonctions?",
    "en": r"born|elected|re-elected|sworn\s+in|inaugurated|appointed|named|installed|founded|established|created|"
          r"crowned|promoted|reappointed",
}
# Any other participle opening a phrase: French past participles by their ending, English -ed/-en
# forms, the common irregular ones and -ing forms.
_ANY_PARTICIPLE = {
    "fr": r"\w+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|erts|ertes|int|inte|ints|intes)",
    "en": r"\w+(?:ed|ing)|held|met|sent|seen|taken|given|told|brought|caught|struck|chosen|driven|shown|"
          r"known|beaten|hit|left|made|found|spoken|written",
}
_PARTICIPLE_OPENING = {
    lg: re.compile(rf"\s*[\"«“‘']?\s*(?:(?P<bio>{_BACKGROUND_PARTICIPLES[lg]})|(?P<any>{_ANY_PARTICIPLE[lg]}))(?!\w)",
                   re.IGNORECASE)
    for lg in LANGS
}
_DETACH = re.compile(r"[,;:()\[\]—–]")


def _detached_participle(text: str, start: int, lang: str) -> tuple[str, bool, bool] | None:
    """A participle phrase set off by commas that holds the date: (participle, whether it tells a
    person's background, whether it opens the sentence). None when the date is in no such phrase."""
    lg = lang if lang in LANGS else "en"
    breaks = [m.end() for m in _DETACH.finditer(text, 0, start)]
    left = breaks[-1] if breaks else 0
    m = _PARTICIPLE_OPENING[lg].match(text, left, start)
    if not m or not _DETACH.search(text, start) or len(text[m.end():start].split()) > 8:
        return None
    if _VERB_INSIDE[lg].search(text, m.end(), start):
        return None  # "Obama, who visited Hanoi in May, ...": a clause, not a participle phrase
    word = m.group("bio") or m.group("any")
    if m.group("any") and (lg == "fr" and _vocab_word(word)):
        return None  # "Lundi", "Samedi" end like participles
    return word, bool(m.group("bio")), left == 0


_VERB_INSIDE = {
    "fr": re.compile(r"(?<!\w)(?:a|ont|avait|avaient|est|sont|était|étaient|sera|seront|qui|que)(?!\w)", re.IGNORECASE),
    "en": re.compile(r"(?<!\w)(?:is|are|was|were|has|have|had|will|would|who|which|that)(?!\w)", re.IGNORECASE),
}


def _vocab_word(word: str) -> bool:
    """A date word (weekday, month, season) that merely looks like a participle."""
    v = _vocab()
    key = _key(word)
    return any(key == _key(w) for lg in LANGS for table in (v.weekdays, v.months, v.seasons) for w in table[lg])


_SINCE_BEFORE = {
    "fr": re.compile(r"(?<!\w)depuis(?!\w)", re.IGNORECASE),
    "en": re.compile(r"(?<!\w)(?:ever\s+)?since(?!\w)", re.IGNORECASE),
}


def _inside_since(text: str, start: int, lang: str) -> str | None:
    """The "depuis"/"since" whose phrase holds the date: "depuis la visite de Nancy Pelosi à Taïwan en
    août 2022", "since the start of the conflict six years ago". The phrase ends at a comma or a verb."""
    lg = lang if lang in LANGS else "en"
    breaks = [m.end() for m in _DETACH.finditer(text, 0, start)]
    segment_start = breaks[-1] if breaks else 0
    hits = list(_SINCE_BEFORE[lg].finditer(text, segment_start, start))
    if not hits:
        return None
    last = hits[-1]
    between = text[last.end():start]
    if len(between.split()) > 10:
        return None
    if lg == "fr" and re.match(r"\s*qu(?:e|['’])", between):
        return "depuis que"  # "depuis que Moscou a annexé la Crimée en 2014": the clause is the range start
    if _verb_marks(text, last.end(), start, lg) or _VERB_INSIDE[lg].search(between):
        return None  # "depuis des années et a signé en mars": the phrase ended at the verb
    return last.group(0)


def _range_marker(text: str, start: int, end: int, lang: str, kind: str = "") -> str | None:
    lg = lang if lang in LANGS else "en"
    if text[end:end + 2] in ("'s", "’s"):
        return None  # "killed by Tuesday's attack": a possessive, not a range
    own = _RANGE_START[lg].match(text[start:end])
    if own and kind not in ("ahead", "phrase"):
        # "d'ici deux mois", "by the end of the year" set a deadline: the best date of a planned event.
        # "d'ici 2030", "by March" stay boundaries of a range.
        return own.group(0)
    before = _RANGE_BEFORE[lg].search(text[max(0, start - 40):start])
    return before.group(0).strip() if before else None


# ----------------------------------------------------------------------------------------------
# "since X took office": ranges that start at an event rather than a date


_SINCE_PHRASE = {
    "fr": re.compile(r"(?<!\w)depuis\s+(?:l['’]|la\s+|le\s+|les\s+|son\s+|sa\s+|ses\s+|leur\s+)[^,;:.()«»\"“”]{3,90}",
                     re.IGNORECASE),
    "en": re.compile(r"(?<!\w)(?:ever\s+)?since\s+[^,;:.()\"“”]{3,90}", re.IGNORECASE),
}


# Where a "since ..." phrase ends: the next clause ("... à la Maison Blanche, au moment où ...",
# "... took office and Putin met ...").
_PHRASE_END = {
    "fr": re.compile(r"\s(?:qui|que|qu['’]|où|alors|lorsque|quand|tandis|mais|et|selon|a|ont|avait|avaient|"
                     r"est|sont)(?!\w)", re.IGNORECASE),
    "en": re.compile(r"\s(?:and|but|while|when|as|who|which|that|after|before|because|said|says)(?!\w)",
                     re.IGNORECASE),
}


def _since_events(text: str, lang: str, published: date, found: list[_Found],
                  resolve_event: EventResolver) -> list[tuple[int, int, date]]:
    lg = lang if lang in LANGS else "en"
    out = []
    for m in _SINCE_PHRASE[lg].finditer(text):
        start = m.start()
        if any(0 <= f.start - start < 20 for f in found):
            continue  # "since 2011", "depuis le 3 mars": a date, already found
        phrase = m.group(0)
        cut = _PHRASE_END[lg].search(phrase, len(phrase.split()[0]))
        phrase = (phrase[:cut.start()] if cut else phrase).strip()
        value = resolve_event(phrase, lg, published)
        if value is not None:
            out.append((start, start + len(phrase), value))
    return out


# ----------------------------------------------------------------------------------------------
# Public API


def find_dates(sent: Span, lang: str, published: date, base: int = 0, *,
               resolve_event: EventResolver | None = None) -> list[DateRef]:
    """The date expressions of a sentence, resolved against ``published``, in text order.

    ``base`` is added to the Span's document offsets to give offsets into Article.text.
    ``resolve_event``, when given, dates "depuis l'arrivée de X à la Maison Blanche"/"since X took
    office" phrases (such a range start never dates the sentence's event).
    """
    text = span_text(sent)  # the doc's text read once per doc: Doc.text and Span.text rebuild it
    found = _scan(text, lang) if _prefilter(lang).search(text) else []
    parsed = lang == "fr" and sent.doc.has_annotation("DEP")
    offset = base + sent.start_char
    refs: list[DateRef] = []
    for f in found:
        tokens = _span_tokens(sent, f.start, f.end) if parsed else []
        tense = None
        if tokens:
            root = _expression_root(tokens)
            verb = root if root.pos_ in _VERBAL else _governing_verb(root)
            tense = _parse_tense(verb)
        if not tokens or verb is None:  # no parse, or a parse without a verb ("Pékin compte/NOUN signer")
            tense = _lexical_tense(text, f.start, f.end, lang)
        try:
            resolved = _resolve(f, text, lang, published, tense)
        except (ValueError, OverflowError):  # "il y a 999 décennies": outside the calendar
            resolved = None
        if resolved is None:
            continue
        marker = _range_marker(text, f.start, f.end, lang, f.kind)
        participle = _detached_participle(text, f.start, lang)
        since = _inside_since(text, f.start, lang)
        if marker:
            dates_event, why = False, f"range boundary ({marker!r} ...)"
        elif since:
            dates_event, why = False, f"inside a {since!r} phrase"
        elif f.kind == "ahead" and tense == "past":
            dates_event, why = False, "a deadline set in a past clause ('ordered them to leave within two weeks')"
        elif participle and participle[1]:
            dates_event, why = False, f"background of a person or body ({participle[0]!r} ...)"
        elif participle and participle[2] and resolved.precision in ("day", "week"):
            dates_event, why = True, ""  # "Reçu mardi par Poutine, le dirigeant a ...": the news itself
        elif tokens:
            dates_event, why = _parse_dates_event(tokens, f.kind)
        else:
            dates_event, why = _lexical_dates_event(text, f.start, f.end, lang, f.kind)
        note = f"{f.kind}: {resolved.note}" + ("" if dates_event else f"; does not date the event: {why}")
        refs.append(DateRef(resolved.value, resolved.precision, text[f.start:f.end],
                            offset + f.start, offset + f.end, dates_event, note))
    if resolve_event is not None:
        for start, end, value in _since_events(text, lang, published, found, resolve_event):
            refs.append(DateRef(value, "day", text[start:end], offset + start, offset + end, False,
                                "event: start of a range, dated by the event resolver; does not date the event"))
        refs.sort(key=lambda r: r.start or 0)
    return refs


def event_date(refs: Sequence[DateRef], published: date) -> DateRef:
    """The date of the sentence's event: its first expression that dates it, else the publication."""
    for ref in refs:
        if ref.dates_event:
            return ref
    return DateRef(published, "day", "", note="publication date")


# Publication labels. Strong ones are accepted anywhere; weak ones ("publié", "updated") also occur
# in prose ("le rapport publié le 3 mars"), so only on a short line or at the start of a line.
_FIRST_STRONG = (r"premi[èe]re\s+publication|date\s+de\s+publication|mis\s+en\s+ligne\s+le|"
                 r"first\s+published(?:\s+on)?|originally\s+published(?:\s+on)?|publication\s+date|date\s+published")
_FIRST_WEAK = r"publi[ée]e?(?:\s+le)?|published(?:\s+on)?|posted(?:\s+on)?|paru(?:tion)?(?:\s+le)?"
_UPDATED = (r"mis(?:e)?\s+à\s+jour(?:\s+le)?|derni[èe]re\s+(?:modification|mise\s+à\s+jour)|modifi[ée]\s+le|"
            r"actualis[ée]\s+le|(?:last\s+)?updated(?:\s+on)?|last\s+modified")
_LABELS = [
    ("first", re.compile(rf"(?<!\w)(?:{_FIRST_STRONG})(?!\w)", re.IGNORECASE), False),
    ("first", re.compile(rf"(?<!\w)(?:{_FIRST_WEAK})(?!\w)", re.IGNORECASE), True),
    ("update", re.compile(rf"(?<!\w)(?:{_UPDATED})(?!\w)", re.IGNORECASE), True),
]
_SHORT_LINE = 120
_LABEL_GAP = 40  # the date must start within this many characters after its label ("à 10h", ":")
_DATELINE = re.compile(r"(?m)^[ \t]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’. \-]{1,40}(?:\s*\([^)\n]{1,30}\))?,\s+")
_DATELINE_END = re.compile(r"\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]")
# A line near the top that holds nothing but a date ("Mercredi 12 avril 2017", "12 April 2017 10:45 BST").
_DATE_LINE = re.compile(r"(?m)^[ \t]*(?P<line>[^\n]{6,60}?)[ \t]*$")
_LINE_TAIL = re.compile(r"\s*(?:(?:[-–—|,]|à)?\s*\d{1,2}\s*[:.h]\s*\d{2}(?:\s*(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,4}))?)?\s*")


def _line_of(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _calendar_at(text: str, lang: str | None, reference: date, max_gap: int) -> tuple[date, int] | None:
    """The first calendar date that starts within ``max_gap`` characters of the start of ``text``."""
    for f in _scan(text, lang or "fr", calendar_only=True):
        if f.start > max_gap:
            return None
        try:
            resolved = _resolve(f, text, lang or "fr", reference, "past")
        except (ValueError, OverflowError):
            resolved = None
        if resolved is not None:
            return resolved.value, f.end
    return None


# What may follow a metadata date on its line: a time, then the end of the line, a separator or the
# next label ("Publié le 3 mars 2021 à 10h45 - Mis à jour ..."). Prose goes on with words instead
# ("Publié le 3 mars 2016, le rapport montre ...").
_META_TAIL = re.compile(
    r"\s*(?:(?:à|at|-|–|,)?\s*\d{1,2}\s*[:h.]\s*\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,5})?)?\s*[,;]?\s*"
    r"(?:$|[|•·\-–—(/]|(?i:(?:mis|mise|last|by|par)\b|updated|derni|modifi|actualis))")


def _metadata_label(text: str, start: int, line_start: int, line_end: int) -> bool:
    """A weak label ("Publié le", "Updated") reads as metadata, not prose: it opens its line, follows a
    separator ("Par X | Publié le ..."), or is capitalised on a short line."""
    before = text[line_start:start]
    if not before.strip(" \t•·|-–—*>"):
        return True
    if re.search(r"[|•·]\s*$|\s[-–—]\s*$", before):
        return True
    return line_end - line_start <= _SHORT_LINE and text[start].isupper()


def publication_date_from_text(text: str, lang: str | None, *, reference: date | None = None
                               ) -> tuple[date, str] | None:
    """The publication date an article states in its own text, and the words that state it.

    Order of trust: a first-publication label ("Première publication :", "Publié le", "Published on"),
    then a news-agency dateline at the top ("PARIS, 3 mars (Reuters) -"), then a line near the top
    holding nothing but a date ("12 April 2017"), then an update label ("Mis à jour le", "Updated:").
    "Publié le" and "Updated" also occur in prose ("le rapport publié le 3 mars"), so they count only
    as metadata: at the start of a line or after a separator, followed by nothing but a time or the
    next label. A date without a year (datelines) is the most recent such day not after
    ``reference`` (default: today; the pipeline may pass the file's date). Numeric dates follow the module's day-first rule (month first for
    ``lang == "en"`` when both numbers are <= 12).
    """
    if not text:
        return None
    reference = reference or date.today()
    best: dict[str, tuple[int, date, str]] = {}
    for rank, label_re, weak in _LABELS:
        for m in label_re.finditer(text):
            if rank in best and best[rank][0] < m.start():
                break
            line_start, line_end = _line_of(text, m.start())
            if weak and not _metadata_label(text, m.start(), line_start, line_end):
                continue
            window = text[m.end():min(line_end, m.end() + _LABEL_GAP + 40)]
            hit = _calendar_at(window, lang, reference, _LABEL_GAP)
            if hit and (not weak or _META_TAIL.match(window, hit[1])):
                value, end = hit
                best[rank] = (m.start(), value, text[m.start():m.end() + end].strip())
                break
    if "first" in best:
        return best["first"][1], best["first"][2]
    head = text[:600]
    for m in _DATELINE.finditer(head):
        hit = _calendar_at(head[m.end():m.end() + 40], lang, reference, 0)
        if hit and _DATELINE_END.match(head, m.end() + hit[1]):
            return hit[0], head[m.start():m.end() + hit[1]].strip()
    for m in _DATE_LINE.finditer(head):
        hit = _calendar_at(m.group("line"), lang, reference, 0)
        if hit and _LINE_TAIL.fullmatch(m.group("line")[hit[1]:]):
            return hit[0], m.group("line").strip()
    if "update" in best:
        return best["update"][1], best["update"][2]
    return None
