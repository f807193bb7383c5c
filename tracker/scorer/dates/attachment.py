"""Whether a date dates the sentence's event, or belongs to another clause or a range.

``dates_event`` is False for a range boundary ("depuis 2014", "since March", "jusqu'en 2020"), and
for a date that belongs to another clause than the main event: a noun's modifier ("le début du
conflit il y a six ans", "le sommet de 2014"), a relative clause ("the war that began in 2011"), a
detached participle ("né en 1952", "elected in 2012"). French uses the dependency parse; English,
which has no parse here, uses the words around the expression.

A participle phrase that opens the sentence is the news itself ("Reçu mardi par Poutine, le
dirigeant a ...", "Received by Putin on Monday, Kim said"): its day or week dates the event. A
participle of a person's background ("élu en mai", "investi dimanche dernier", "sworn in last
Sunday") never does, wherever it stands; nor a date inside a "depuis"/"since" phrase ("depuis la
visite de X à Taïwan en août 2022"). "depuis l'invasion" alone is no date at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Token

from .tense import NEW_SUBJECT, VERBAL, expression_root, governing_verb, morph, parse_tense, verb_marks
from .vocabulary import LANGS, alternatives, is_date_word, word_set

# Expressions that are adverbs of time: they cannot modify a noun, so a parse that hangs them on one
# ("a rappelé le ministre hier": hier -> ministre) is wrong, and we look past it to the verb.
_ADVERBIAL_KINDS = ("weekday", "phrase", "ago", "past_span")
_NOUN_CASE_FR = word_set("noun_case", "fr")  # "la réunion de mercredi"
_NOT_PARTICIPLES_FR = word_set("not_participle", "fr")  # "dernier", tagged as a participle
_DETACH = re.compile(r"[,;:()\[\]—–]")

# Words that turn a date into a range boundary: it is then not the date of the event.
_RANGE_BEFORE = {
    lang: re.compile(rf"(?<!\w)(?:{alternatives('range_word', lang)})\s*"
                     rf"(?:(?:{alternatives('range_determiner')})\s*)?$", re.IGNORECASE)
    for lang in LANGS
}
_RANGE_START = {lang: re.compile(rf"^(?:{alternatives('range_word', lang)})(?![\w\-‐‑])", re.IGNORECASE)
                for lang in LANGS}
_SINCE_WORD = {lang: re.compile(rf"(?<!\w)(?:{alternatives('since_word', lang)})(?!\w)", re.IGNORECASE)
               for lang in LANGS}


class Verdict(NamedTuple):
    """Whether a date dates the sentence's event, why not, and whether it is a detail of a clause
    describing a participant ("l'accord conclu samedi", "inaugurated on Monday a bridge", "En se
    rendant mardi à Minsk"): such a recent day dates the event when the main clause has no date;
    ``any_precision``: so does a month or a year (the event that set off a change of relations)."""

    dates: bool
    why: str = ""
    detail: bool = False
    any_precision: bool = False


DATES = Verdict(True)


def _language(lang: str) -> str:
    """The language whose word lists read a sentence: English for an unknown one."""
    return lang if lang in LANGS else "en"


def range_marker(text: str, start: int, end: int, lang: str, kind: str = "") -> str | None:
    """The word that makes the date a range boundary ("depuis", "until"), if any."""
    lang = _language(lang)
    if text[end:end + 2] in ("'s", "’s"):
        return None  # "killed by Tuesday's attack": a possessive, not a range
    own = _RANGE_START[lang].match(text[start:end])
    if own and kind not in ("ahead", "phrase"):
        # "d'ici deux mois", "by the end of the year" set a deadline: the best date of a planned event.
        # "d'ici 2030", "by March" stay boundaries of a range.
        return own.group(0)
    before = _RANGE_BEFORE[lang].search(text[max(0, start - 40):start])
    return before.group(0).strip() if before else None


_CLOSED_OPEN = re.compile(rf"(?<!\w)(?:{alternatives('closed_range_open', 'en') or '(?!)'})\s+$", re.IGNORECASE)
_CLOSED_OWN_OPEN = {lang: re.compile(rf"^(?:{alternatives('closed_range_open', lang) or '(?!)'})\s+", re.IGNORECASE)
                    for lang in LANGS}
_CLOSED_JOIN_AFTER = {lang: re.compile(rf"^\s+(?:{alternatives('closed_range_join', lang) or '(?!)'})\s+[A-Z0-9]")
                      for lang in LANGS}
_CLOSED_BEFORE_END = re.compile(
    rf"(?<!\w)(?:{alternatives('closed_range_open', 'en') or '(?!)'})\s+[^,;:]{{3,30}}?"
    rf"\s+(?:{alternatives('closed_range_join', 'en') or '(?!)'})\s+$", re.IGNORECASE)


# The number that ends a range opened by a year alone ("de 2000 à 3000 gendarmes"): a count unless it is a
# later year with no counted noun after it.
_RANGE_END_NUMBER = re.compile(r"\s+\S+\s+(?P<end>\d+)(?![\d.,])")
_COUNTED_AFTER = re.compile(rf"\s+(?:{alternatives('counted_noun')})(?!\w)", re.IGNORECASE)
_YEAR_ALONE = re.compile(r"(?:1[89]|20)\d\d")


def _count_range(text: str, start: int, end: int) -> bool:
    """A year alone opening "entre/from X et/to Y" where Y is no later year, or a counted noun follows Y
    ("entre 1900 et 2000 tonnes", "from 2000 to 3000 troops"): a range of quantities, no dates."""
    first = re.search(r"\d{4}$", text[start:end])
    last = _RANGE_END_NUMBER.match(text, end)
    if first is None or last is None:
        return False
    return (not _YEAR_ALONE.fullmatch(last["end"]) or int(last["end"]) <= int(first.group(0))
            or _COUNTED_AFTER.match(text, last.end()) is not None)


# "a reporté de 2019 à 2021 l'ouverture", "postponed from 2019 to 2021": a value moved, no range.
_VALUE_MOVED = {lang: re.compile(rf"(?<!\w)(?:{alternatives('value_moved', lang) or '(?!)'})\s+(?:\w+\s+)?$",
                                 re.IGNORECASE) for lang in LANGS}


def closed_range_part(text: str, start: int, end: int, lang: str) -> str | None:
    """"start" or "end" when the date is one end of a closed range ("between March 2016 and July 2019",
    "from 2015 to 2018", "entre 1998 et 2000", "de 1998 à 2000"); the start dates the acts reported over
    the range. French only from a range the expression opens itself: "de ... à" before a date also
    reads "le report de la réunion à lundi". "count": the two ends are quantities ("entre 1900 et 2000
    tonnes", "from 2000 to 3000 troops"), not years; "moved": a verb moves a value from one year to the other
    ("reporté de 2019 à 2021", "postponed from 2019 to 2021")."""
    lang = _language(lang)
    own = _CLOSED_OWN_OPEN[lang].match(text[start:end])
    opened = own or (lang == "en" and _CLOSED_OPEN.search(text[max(0, start - 12):start]))
    if opened and _CLOSED_JOIN_AFTER[lang].match(text[end:end + 12]):
        if _count_range(text, start, end):
            return "count"
        return "moved" if _VALUE_MOVED[lang].search(text, max(0, start - 30), start) else "start"
    if lang == "en" and _CLOSED_BEFORE_END.search(text[max(0, start - 60):start]):
        return "end"
    return None


# ----------------------------------------------------------------------------------------------
# From the French parse


def _after_bare_participle(tokens: Sequence[Token]) -> Token | None:
    """A bare participle just before the date ("le rapprochement scellé l'été dernier", "les sanctions
    imposées en 2014") describes a noun even when the parse gets the attachment wrong."""
    first = min(tokens, key=lambda t: t.i)
    before = first.nbor(-1) if first.i > first.sent.start else None
    if before is not None and before.pos_ == "ADP" and before.i > first.sent.start:
        before = before.nbor(-1)
    if (before is not None and before.pos_ in ("VERB", "ADJ") and "Part" in morph(before, "VerbForm")
            and not any(c.dep_.startswith("aux") or c.dep_ == "cop" for c in before.children)
            and before.lower_ not in _NOT_PARTICIPLES_FR):
        return before
    return None


def set_off(text: str, start: int, end: int) -> bool:
    """The expression stands between commas ("a convoqué l'ambassadeur, mardi 21 mars, pour ..."):
    an adverb of the clause, whatever noun it follows."""
    return text[:start].rstrip().endswith(",") and text[end:].lstrip()[:1] in (",", ".", "")


_ADVERB_OPENING = {lang: re.compile(rf"(?:{alternatives('adverb_opening', lang) or '(?!)'})", re.IGNORECASE)
                   for lang in LANGS}


_ADVERB_ARTICLE = {lang: re.compile(rf"(?:{alternatives('adverb_article', lang) or '(?!)'})$", re.IGNORECASE)
                   for lang in LANGS}


def clause_adverb(text: str, start: int, end: int, lang: str, weekday: str = "") -> bool:
    """The expression is an adverb of its clause whatever noun it follows: set off by commas, led by
    a weekday ("lundi 28 juillet"), opened by a preposition that does not hang a date on a noun
    ("en 2016", "en avril 2013": a noun's date takes "de", "la crise de 2016") or by a bare article
    ("a arraisonné trois chalutiers le 2 avril": "la réunion du 2 avril" is the noun's)."""
    lang = _language(lang)
    return (bool(weekday) or set_off(text, start, end) or bool(_ADVERB_OPENING[lang].match(text, start, end))
            or bool(_ADVERB_ARTICLE[lang].search(text, max(0, start - 6), start)))


_RELATIVE_WORDS_FR = word_set("relativizer", "fr") | {"que", "qu'", "qu’"}


def _relative_without_pronoun(clause: Token) -> bool:
    """A "relative clause" with no relative pronoun before its verb is a parse error (a French relative
    clause always has one): "..., le royaume saoudien et l'Iran ont rompu leurs relations en 2016"
    hung on a noun of the opening phrase is the main clause; so is a finite verb the parse hangs on
    its subject noun as a plain "acl" ("Un échange de lettres, hier, avalise ..."). "Pékin
    compte/NOUN signer" (a verb lost under a noun) is the other parse error the loop below looks past."""
    finite_acl = clause.dep_ == "acl" and "Fin" in morph(clause, "VerbForm")  # "X, hier, avalise ...": a verb
    return (clause.dep_ == "acl:relcl" or finite_acl) and not any(
        t.i < clause.i and ("Rel" in morph(t, "PronType") or t.lower_ in _RELATIVE_WORDS_FR) for t in clause.subtree)


def modified_noun(tokens: Sequence[Token], kind: str, between_commas: bool = False) -> Token | None:
    """The noun the parse hangs the expression on as its modifier ("la réunion de mercredi",
    "l'occupation de la province de 1920 à 1950"), if any. A bare "mercredi" hung on a noun is a parse
    error, and so is a date hung on a noun that follows it ("ont signé en 2018 un accord": a French
    noun's modifiers follow it) or a date between commas."""
    root = expression_root(tokens)
    head = root.head
    if head.i == root.i:
        return None
    nominal = (kind not in _ADVERBIAL_KINDS and not between_commas) or any(
        c.dep_ == "case" and c.lower_ in _NOUN_CASE_FR for c in root.children
    )
    return head if head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and nominal and head.i < root.i else None


def parse_dates_event(tokens: Sequence[Token], kind: str, between_commas: bool = False) -> Verdict:
    """Whether the expression of ``tokens`` dates the main event, from the parse; and why not."""
    root = expression_root(tokens)
    head = root.head
    if head.i == root.i:
        return DATES
    noun = modified_noun(tokens, kind, between_commas)
    if noun is not None:
        if _past_subject(noun):
            return Verdict(True, f"the date of the subject {noun.text!r} of a past main verb")
        return Verdict(False, f"modifies the noun {noun.text!r}, not the main verb")
    verb = head if head.pos_ in VERBAL or head.pos_ == "ADJ" else governing_verb(root)
    clause = verb
    while clause is not None:
        lost_root = (clause.head.dep_ == "ROOT" and clause.head.pos_ not in VERBAL
                     and "Inf" in morph(clause, "VerbForm"))
        if clause.dep_ in ("acl", "acl:relcl") and not lost_root and not _relative_without_pronoun(clause):
            describes = clause.dep_ == "acl" and "Part" in morph(clause, "VerbForm")  # "l'accord conclu samedi"
            return Verdict(False, f"inside a clause describing {clause.head.text!r}", describes)
        if clause.dep_ == "advcl" and "Part" in morph(clause, "VerbForm") and not any(
            c.dep_.startswith(("aux", "nsubj")) for c in clause.children
        ):
            return Verdict(False, f"inside the participle phrase of {clause.text!r}", True)
        if clause.head.i == clause.i:
            break
        clause = clause.head
    bare = _after_bare_participle(tokens)
    if bare is not None:
        return Verdict(False, f"after the participle {bare.text!r}, which describes a noun", True)
    return DATES


def _past_subject(noun: Token) -> bool:
    """"L'affrontement de juin 2020 avait causé la mort de vingt soldats": a dated subject of a past
    main verb is the event the sentence reports; "La crise de juin 2020 pèse encore" (present) is not,
    nor the subject of a passive, which undergoes a later act ("La réunion de mercredi a été annulée")."""
    verb = noun.head
    passive = any(c.dep_ == "aux:pass" for c in verb.children)
    return (noun.dep_ == "nsubj" and not passive and verb.dep_ == "ROOT" and verb.pos_ in VERBAL
            and parse_tense(verb) == "past")


# ----------------------------------------------------------------------------------------------
# From the words (English, and French without a parse)

_RELATIVIZERS = {lang: re.compile(rf"\b(?:{alternatives('relativizer', lang)})\b", re.IGNORECASE) for lang in LANGS}
# "that" after these words opens a reported clause, not a relative one.
_THAT_COMPLEMENT = re.compile(rf"\b(?:{alternatives('reporting_word', 'en')})\s+that\s*$", re.IGNORECASE)
# "that" followed by a subject, a time phrase or a name opens a reported clause ("said on Tuesday that
# he will", "told reporters that on Monday Russia had"); a relative "that" is followed by its verb
# ("the war that began in 2011").
_THAT_THEN_SUBJECT = re.compile(rf"\s+(?:(?-i:[A-Z])|(?:{alternatives('that_then', 'en')})(?!\w))", re.IGNORECASE)
# Only participles that rarely follow their subject directly as a simple past: "Russia signed on
# Wednesday a deal" is real English, "Putin elected in 2012" is not a main clause.
_PARTICIPLE_BEFORE = {
    lang: re.compile(rf"(?:(?<!\w)(?P<aux>{alternatives('auxiliary', lang)})\s+(?:\w+\s+)?)?(?<!\w)"
                     rf"(?:{alternatives('noun_participle', lang)})\s+"
                     rf"(?:(?:{alternatives('participle_then')})\s+)?$", re.IGNORECASE)
    for lang in LANGS
}
_NOMINAL_OF = {lang: re.compile(rf"(?<!\w){alternatives('nominal_of', lang)}$", re.IGNORECASE) for lang in LANGS}
# "on the night of March 3": the "of" after a part of a day names that day, it hangs the date on no noun.
_DAY_PART_OF = {lang: re.compile(rf"(?<!\w)(?:{alternatives('day_part_of', lang) or '(?!)'})\s+"
                                 rf"{alternatives('nominal_of', lang)}$", re.IGNORECASE) for lang in LANGS}


def _relative_clause(segment: str, lang: str) -> re.Match[str] | None:
    """The last relative pronoun of ``segment``; a "that" that opens a reported clause is none."""
    relative = None
    for m in _RELATIVIZERS[lang].finditer(segment):
        if m.group(0).casefold() == "that" and (
            _THAT_COMPLEMENT.search(segment[:m.end()]) or _THAT_THEN_SUBJECT.match(segment, m.end())
        ):
            continue
        relative = m
    return relative


def _set_off_to_the_date(segment: str, relative: re.Match[str], lang: str, after_break: bool) -> bool:
    """A relative clause set off by a comma (", which/who/whose reached ... in 2008 but collapsed ... in 2015") runs to
    the next break: it holds the date however far, unless "and"/"but" and a new subject start another
    clause before it. A restrictive one ("the envoy who met X said on Monday") has no comma and may end
    at the main verb: its reach stays short."""
    return (after_break and not segment[:relative.start()].strip()
            and not NEW_SUBJECT[lang].search(segment, relative.end()))


def lexical_dates_event(text: str, start: int, end: int, lang: str, kind: str, precision: str = "day") -> Verdict:
    """Whether a date dates the main event, from the words of its clause (English has no parse):
    inside a "since ..." phrase, a relative clause, a participle phrase or an "of"/"de" phrase it
    does not."""
    lang = _language(lang)
    before = text[:start]
    breaks = [m.end() for m in _DETACH.finditer(before)]
    segment = before[breaks[-1] if breaks else 0:]
    since = _SINCE_WORD[lang].search(segment)
    if since and len(segment[since.end():].split()) <= 8:
        return Verdict(False, f"inside a {since.group(0)!r} phrase")
    relative = _relative_clause(segment, lang)
    if relative and _set_off_to_the_date(segment, relative, lang, bool(breaks)):
        # ", who held talks ... on Monday, said ...": a clause about a participant; its day dates the act
        # when the main clause has none. A week ("who returned last week from ..."), a month or a year
        # there is the participant's background.
        return Verdict(False, f"inside a relative clause set off by a comma ({relative.group(0)!r} ...)",
                       precision == "day")
    if relative and len(segment[relative.end():].split()) <= 10:
        return Verdict(False, f"inside a relative clause ({relative.group(0)!r} ...)")
    participle = _PARTICIPLE_BEFORE[lang].search(segment)
    if participle and not participle.group("aux"):
        return Verdict(False, "inside a participle phrase describing a noun", True)
    if kind not in _ADVERBIAL_KINDS and _NOMINAL_OF[lang].search(segment) and not _DAY_PART_OF[lang].search(segment):
        return Verdict(False, "modifies a noun ('of'/'de' before it)")
    return DATES


# ----------------------------------------------------------------------------------------------
# Detached participles and "since" phrases, in either language


def _any_participle(lang: str) -> str:
    """Any participle opening a phrase: by its ending, or one of the irregular ones."""
    regular = rf"\w+(?:{alternatives('participle_ending', lang)})"
    irregular = alternatives("irregular_participle", lang)
    return f"{regular}|{irregular}" if irregular else regular


# Participles that give the background of a person or a body, not the news: "Élu en mai, le président
# ...", "Le président, investi dimanche dernier, ...", "Sworn in last Sunday, the president ...".
_PARTICIPLE_OPENING = {
    lang: re.compile(rf"\s*[\"«“‘']?\s*(?:(?P<bio>{alternatives('background_participle', lang)})|"
                     rf"(?P<any>{_any_participle(lang)}))(?!\w)", re.IGNORECASE)
    for lang in LANGS
}
# A finite verb or a relative pronoun: the words make a clause, not a participle phrase.
_VERB_INSIDE = {lang: re.compile(rf"(?<!\w)(?:{alternatives('clause_verb', lang)})(?!\w)", re.IGNORECASE)
                for lang in LANGS}


@dataclass(frozen=True)
class DetachedParticiple:
    """A participle phrase set off by commas that holds the date."""

    participle: str
    background: bool  # a person's or body's background ("élu en mai"): never the event's date
    opens_sentence: bool  # "Reçu mardi par Poutine, le dirigeant a ...": the news itself


def detached_participle(text: str, start: int, lang: str) -> DetachedParticiple | None:
    """The participle phrase set off by commas that holds the date at ``start``, if any."""
    lang = _language(lang)
    breaks = [m.end() for m in _DETACH.finditer(text, 0, start)]
    left = breaks[-1] if breaks else 0
    opening = _PARTICIPLE_OPENING[lang].match(text, left, start)
    if not opening or not _DETACH.search(text, start) or len(text[opening.end():start].split()) > 8:
        return None
    if _VERB_INSIDE[lang].search(text, opening.end(), start):
        return None  # "Obama, who visited Hanoi in May, ...": a clause, not a participle phrase
    word = opening.group("bio") or opening.group("any")
    if opening.group("any") and lang == "fr" and is_date_word(word):
        return None  # "Lundi", "Samedi" end like participles
    return DetachedParticiple(word, bool(opening.group("bio")), left == 0)


_SINCE_BEFORE = {lang: re.compile(rf"(?<!\w)(?:{alternatives('since_marker', lang)})(?!\w)", re.IGNORECASE)
                 for lang in LANGS}


def inside_since(text: str, start: int, lang: str) -> str | None:
    """The "depuis"/"since" whose phrase holds the date: "depuis la visite de Nancy Pelosi à Taïwan en
    août 2022", "since the start of the conflict six years ago". The phrase ends at a comma or a verb."""
    lang = _language(lang)
    breaks = [m.end() for m in _DETACH.finditer(text, 0, start)]
    segment_start = breaks[-1] if breaks else 0
    hits = list(_SINCE_BEFORE[lang].finditer(text, segment_start, start))
    if not hits:
        return None
    last = hits[-1]
    between = text[last.end():start]
    if len(between.split()) > 10:
        return None
    if lang == "fr" and re.match(r"\s*qu(?:e|['’])", between):
        return "depuis que"  # "depuis que Moscou a annexé la Crimée en 2014": the clause is the range start
    if verb_marks(text, last.end(), start, lang) or _VERB_INSIDE[lang].search(between):
        return None  # "depuis des années et a signé en mars": the phrase ended at the verb
    return last.group(0)


_AFTER_BEFORE = {lang: re.compile(rf"(?<!\w)(?:{alternatives('after_marker', lang)})(?!\w)", re.IGNORECASE)
                 for lang in LANGS}
_AFTER_SPAN = {lang: re.compile(rf"\s+(?:{alternatives('after_span', lang) or '(?!)'})", re.IGNORECASE)
               for lang in LANGS}


def inside_after(text: str, start: int, lang: str) -> str | None:
    """The "après"/"after"/"following" whose phrase holds the date: the background the act answers
    ("Après des incidents au large de Chypre le mois dernier, Athènes et Ankara ont convenu ...",
    "agreed on Wednesday to reopen the hotline after clashes last month"). The phrase ends at a comma;
    it may hold a verb ("two years after talks collapsed in 2021"). Opening its clause ("After talks
    collapsed X recalled its envoy in May"), it may end without a comma at the main verb: its reach is
    short. After its clause's verb ("The move came after X expelled ... <twenty words> ... earlier this
    year") it runs to the comma, unless "and"/"but" and a new subject start another clause first."""
    lang = _language(lang)
    breaks = [m.end() for m in _DETACH.finditer(text, 0, start)]
    segment_start = breaks[-1] if breaks else 0
    hits = list(_AFTER_BEFORE[lang].finditer(text, segment_start, start))
    if not hits:
        return None
    last = hits[-1]
    if _AFTER_SPAN[lang].match(text, last.end()):
        return None  # "signed the treaty after eight years of talks ... in July": the act ends the span
    if len(text[last.end():start].split()) > 12 and (
            not text[segment_start:last.start()].strip() or NEW_SUBJECT[lang].search(text, last.end(), start)):
        return None
    return last.group(0)


_RELATIONS_CHANGE = {lang: re.compile(rf"(?<!\w)(?:{alternatives('relations_change', lang) or '(?!)'})(?!\w)",
                                      re.IGNORECASE) for lang in LANGS}


_RELATIONS_SUBORDINATE = {
    lang: re.compile(rf"(?<![\w'’])(?:{alternatives('relations_change_subordinate', lang) or '(?!)'})(?!\w)", re.IGNORECASE)
    for lang in LANGS}


def relations_change(text: str, lang: str) -> bool:
    """The sentence reports a change of the relations as its main clause ("relations deteriorated rapidly
    after ...", "les relations se sont dégradées"): the event it follows dates it. Not a change in a
    subordinate clause ("since relations improved", "saying relations had deteriorated", "estimant que les
    relations ...")."""
    lang = _language(lang)
    for change in _RELATIONS_CHANGE[lang].finditer(text):
        breaks = [m.end() for m in _DETACH.finditer(text, 0, change.start())]
        if not _RELATIONS_SUBORDINATE[lang].search(text, breaks[-1] if breaks else 0, change.start()):
            return True
    return False


# "lors de son entretien téléphonique de lundi", "à l'issue d'entretiens lundi", "during talks on Monday":
# the marker, up to three words (determiner, adjective), the meeting noun, up to one adjective and de/on.
_OCCASION = {
    lang: re.compile(rf"(?<!\w)(?P<marker>{alternatives('occasion_marker', lang)})(?:\s+|(?<=['’]))(?:[\w'’-]+\s+){{0,3}}?"
                     rf"(?P<noun>(?:{alternatives('occasion_noun', lang)})\w*)(?:\s+[\w-]+)?"
                     rf"(?:\s+(?:de|du|d['’]|on))?\s*$", re.IGNORECASE)
    for lang in LANGS
}


# "lors du sommet de l'OTAN, prévu en juillet": the occasion, its noun's complement, a comma and a
# word of its schedule right before the date (French; the lists have no English rows).
_SCHEDULED_OCCASION = re.compile(
    rf"(?<!\w)(?P<marker>{alternatives('occasion_marker', 'fr')})(?:\s+|(?<=['’]))(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?P<noun>(?:{alternatives('occasion_noun', 'fr')})\w*)(?:\s+[\w'’-]+){{0,4}}?\s*,\s*"
    rf"(?:{alternatives('scheduled_word', 'fr')})\s+$", re.IGNORECASE)


def occasion_of(text: str, start: int, lang: str) -> str | None:
    """The meeting whose date the expression gives when the act happened at it ("n'a pas condamné
    l'offensive lors de son entretien téléphonique de lundi", "ont convenu ... à l'issue d'entretiens
    lundi à Hanoï", "se croiseront lors du sommet de l'OTAN, prévu en juillet"): the meeting's day is
    the act's, though the date hangs on its noun."""
    lang = _language(lang)
    breaks = [m.end() for m in _DETACH.finditer(text, 0, start)]
    found = _OCCASION[lang].search(text, breaks[-1] if breaks else 0, start)
    if found is None and lang == "fr" and breaks:
        found = _SCHEDULED_OCCASION.search(text, breaks[-2] if len(breaks) > 1 else 0, start)
    return f"{found['marker']} ... {found['noun']}" if found else None


_TRAILING_DETERMINER = re.compile(rf"\s+(?:{alternatives('range_determiner')})$", re.IGNORECASE)  # "depuis ce"


def since_recent_day(marker: str, kind: str, precision: str, lang: str) -> bool:
    """"depuis lundi", "since Monday", "depuis hier", "depuis ce week-end": a range that started days
    ago, whose start is the news ("clashes since Monday"); "depuis 2014" or "since March" stays background."""
    return (precision in ("day", "week") and kind in ("weekday", "phrase")
            and _SINCE_WORD[_language(lang)].fullmatch(_TRAILING_DETERMINER.sub("", marker)) is not None)
