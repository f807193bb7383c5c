"""The tense of the verb a date attaches to: from the French parse, or from the words around it.

The tense is that of the verb the date attaches to, never of another clause: French takes the parse
head; English (and French without a parse) the nearest verb group before the expression within its
clause, else the nearest after it. A clause ends at punctuation, "that"/"que", a relative pronoun
("signed a pact on Thursday under which Canberra will ...": past), a subordinator, or "and"/"et"
followed by a new subject. The infinitive of a plan looks ahead ("agreed to meet on Friday").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..morph_values import morph_values
from .vocabulary import LANGS, alternatives, word_set

VERBAL = ("VERB", "AUX")
_MODALS_FR = word_set("modal_lemma", "fr")  # "doit se rendre jeudi": the modal's tense
_PLANS_FR = word_set("plan_lemma", "fr")  # "sont convenus de se retrouver vendredi": a plan
_PLANNED_FR = word_set("planned_lemma", "fr")  # "le sommet (est) prévu jeudi" looks ahead
_ETRE_VERBS_FR = word_set("etre_verb_lemma", "fr")  # "était montée": a compound past with "être"
# The clause tenses of a past event: a plus-que-parfait ("before past") is past too, further back.
PAST_TENSES = ("past", "before past")


def morph(token: Token, feature: str) -> list[str]:
    """The values of one morphological feature of ``token`` ([] when it has none)."""
    return list(morph_values(token, feature))


def span_tokens(sent: Span, start: int, end: int) -> list[Token]:
    """The tokens of ``sent`` that overlap its characters start..end."""
    sent_start = sent.start_char
    return [t for t in sent if t.idx < sent_start + end and t.idx + len(t.text) > sent_start + start]


def expression_root(tokens: Sequence[Token]) -> Token:
    inside = {t.i for t in tokens}
    outside = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return min(outside or tokens, key=lambda t: len(list(t.ancestors)))


def governing_verb(token: Token) -> Token | None:
    ancestor = token.head
    for _ in range(6):
        if ancestor.pos_ in VERBAL or (ancestor.pos_ == "ADJ" and "Part" in morph(ancestor, "VerbForm")):
            return ancestor
        if ancestor.head.i == ancestor.i:
            return ancestor if ancestor.pos_ in VERBAL else None
        ancestor = ancestor.head
    return None


def adjacent_verb(tokens: Sequence[Token]) -> Token | None:
    """The verb just before the expression ("a annoncé lundi", "ont imposé mardi"): a date adverb right
    after its verb belongs to it, whatever head a lost parse gives it."""
    first = min(tokens, key=lambda t: t.i)
    before = first.nbor(-1) if first.i > first.sent.start else None
    if before is not None and before.pos_ == "ADV" and before.i > first.sent.start:
        before = before.nbor(-1)
    if before is not None and (before.pos_ == "VERB" or (before.pos_ == "AUX" and before.dep_ == "ROOT")):
        return before
    return None


def decided_in_past(verb: Token) -> bool:
    """The verb is the infinitive of a plan reported as decided ("ont convenu de se revoir", "a décidé
    de rouvrir"): a date ahead on it is the plan's, and the sentence is dated by the decision."""
    head = verb.head
    return ("Inf" in morph(verb, "VerbForm") and head.i != verb.i and head.lemma_ in _PLANS_FR
            and parse_tense(head) == "past")


def before_past(verb: Token) -> bool:
    """A plus-que-parfait ("était montée", "avait décidé"): the event lies before the article's
    past, so a weekday it names that is the publication's own is the week before. The parser tags the
    "être" of "était montée" as a passive auxiliary: with it, only a verb that takes "être" makes one;
    "étaient réunis jeudi en conclave" is a passive or a state in the imperfect, not further back."""
    return "Part" in morph(verb, "VerbForm") and any(
        (c.dep_.startswith("aux") or c.dep_ == "cop") and "Imp" in morph(c, "Tense")
        and (c.dep_ != "aux:pass" or verb.lemma_ in _ETRE_VERBS_FR) for c in verb.children)


def parse_tense(verb: Token | None) -> str | None:
    """"past", "future" or None (present, or no verb found) for the clause a date hangs on."""
    if verb is None:
        return None
    # a name the parse hangs as an auxiliary ("Mardi, Jean Dupont recevra": "Dupont" aux:tense) is none
    auxes = [c for c in verb.children if (c.dep_.startswith("aux") or c.dep_ == "cop") and c.pos_ in VERBAL]
    if any("Fut" in morph(aux, "Tense") for aux in auxes):
        return "future"
    if verb.lemma_ in _PLANNED_FR and "Part" in morph(verb, "VerbForm") and not any(
        a.lemma_ == "avoir" or "Imp" in morph(a, "Tense") for a in auxes
    ):
        return "future"
    if auxes:
        return "past"  # a compound tense: passé composé, plus-que-parfait
    tense, mood, form = morph(verb, "Tense"), morph(verb, "Mood"), morph(verb, "VerbForm")
    if "Fut" in tense or "Cnd" in mood:
        return "future"
    if "Inf" in form and verb.head.i != verb.i and verb.head.lemma_ in _PLANS_FR:
        return "future"
    if "Inf" in form and verb.head.i != verb.i and verb.head.lemma_ in _MODALS_FR:
        return parse_tense(verb.head)  # "doit se rendre jeudi": the modal's tense
    if verb.lemma_ in _MODALS_FR and "Pres" in tense and any(
        c.dep_ == "xcomp" and "Inf" in morph(c, "VerbForm") for c in verb.children
    ):
        return "future"  # "doit / va / compte se rendre": a plan
    if "Imp" in tense or "Past" in tense:  # a bare past participle too ("Reçu le 13 septembre par ...")
        return "past"
    return None


# ----------------------------------------------------------------------------------------------
# Without a parse: the words of the clause

def _future_words(lang: str) -> str:
    """The future markers of ``lang``, a plan's infinitive ("agreed to meet") last."""
    return "|".join(a for a in (alternatives("future_marker", lang), alternatives("plan_infinitive", lang)) if a)


_FUTURE = {lang: re.compile(rf"\b(?:{_future_words(lang)})\b", re.IGNORECASE) for lang in LANGS}
_PLAN_INFINITIVE = {lang: re.compile(rf"(?:{alternatives('plan_infinitive', lang) or '(?!)'})", re.IGNORECASE)
                    for lang in LANGS}
# Words ending in -ed that are no past verbs; a capitalised -ed word mid-sentence is a name ("United").
_PAST = {
    "en": re.compile(rf"\b(?:{alternatives('past_marker', 'en')}|"
                     rf"(?!(?:{alternatives('not_past_ed', 'en')})\b)\w{{3,}}ed)\b", re.IGNORECASE),
    "fr": re.compile(rf"\b(?:{alternatives('past_marker', 'fr')})\b|"
                     rf"\b\w{{3,}}(?:{alternatives('imperfect_ending', 'fr')})\b", re.IGNORECASE),
}
# A word that starts a new subject, or a capitalised name.
_SUBJECT = {"en": rf"(?:{alternatives('subject', 'en')}|(?-i:[A-Z])\w*)(?!\w)",
            "fr": rf"(?:{alternatives('subject', 'fr')}|(?-i:[A-ZÀ-ÖØ-Þ])\w*)(?!\w)"}
# "and"/"but"/"et"/"mais" followed by a new subject: a new clause begins ("which borders Chad and Niger said ...").
NEW_SUBJECT = {lang: re.compile(rf"\b(?:{alternatives('coordinator', lang)})\s+{_SUBJECT[lang]}", re.IGNORECASE)
               for lang in ("en", "fr")}
# Where a clause ends, for the words' tense: punctuation, "that"/"que", a relative pronoun ("signed a pact
# on Thursday under which Canberra will ..."), a subordinating conjunction, and "and"/"but"/"et"/"mais"
# followed by a new subject ("held talks on Monday and Beijing will send ...").
_CLAUSE_BREAK = re.compile(
    rf"[,;:()\[\]—–]|\s-\s|\b(?:{alternatives('clause_word')})\b"
    + "".join(rf"|\b(?:{alternatives('coordinator', lang)})\s+(?={_SUBJECT[lang]})" for lang in ("en", "fr")),
    re.IGNORECASE)
# What may stand between the words of one verb group ("will not be formally signed", "a été signé").
_GROUP_GAP = re.compile(rf"\s*(?:(?:{alternatives('verb_group_gap')})\s+)*", re.IGNORECASE)


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The expression's clause: from the last break before it to the next one after it; when the
    expression opens its clause alone ("On Thursday, ..."), the following clause too."""
    before = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    left = before[-1] if before else 0
    after = _CLAUSE_BREAK.search(text, end)
    right = after.start() if after else len(text)
    if not text[left:start].strip() and not text[end:right].strip() and after:
        following = _CLAUSE_BREAK.search(text, after.end())
        right = following.start() if following else len(text)
    return left, right


def verb_marks(text: str, left: int, right: int, lang: str) -> list[tuple[int, int, str]]:
    """The tense markers of a stretch of text: (start, end, "future" | "past"); where a future and a
    past reading overlap ("expected to", "scheduled for") the future one stands."""
    lang = lang if lang in LANGS else "en"
    future = [(m.start(), m.end(), "future") for m in _FUTURE[lang].finditer(text, left, right)]
    past = [(m.start(), m.end(), "past") for m in _PAST[lang].finditer(text, left, right)
            if not any(s < m.end() and m.start() < e for s, e, _ in future)
            and not (lang == "en" and m.group(0)[0].isupper() and m.group(0).endswith("ed")
                     and text[:m.start()].strip(" \t\"'“‘(«"))]
    return sorted(future + past)


def lexical_tense(text: str, start: int, end: int, lang: str) -> str | None:
    """The tense of the verb a date attaches to, without a parse: the nearest verb group before the
    expression within its clause ("signed a pact on Thursday under which ... will": signed), else the
    nearest after it ("On Thursday, Russia said it will ...": said; "on Friday vowed to ship": vowed, a
    past verb though its plan is ahead)."""
    left, right = _clause_bounds(text, start, end)
    marks = verb_marks(text, left, right, lang)
    before = [m for m in marks if m[1] <= start]
    if before:
        group = [before[-1]]  # "will be held": the whole verb group, its future auxiliary included
        for previous in reversed(before[:-1]):
            if not _GROUP_GAP.fullmatch(text[previous[1]:group[-1][0]]):
                break
            group.append(previous)
        return "future" if any(m[2] == "future" for m in group) else group[0][2]
    after = [m for m in marks if m[0] >= end]
    if after and _PLAN_INFINITIVE[lang if lang in LANGS else "en"].fullmatch(text, after[0][0], after[0][1]):
        return "past"  # "on Friday vowed to ship aid": the date is the vow's, a past verb before its plan
    return after[0][2] if after else None


def decided_in_past_words(text: str, start: int, end: int, lang: str) -> bool:
    """Without a parse: the verb group before the expression is a plan's past verb and its infinitive
    ("agreed to hold talks next week"): a decision reported as done."""
    left, _ = _clause_bounds(text, start, end)
    marks = [m for m in verb_marks(text, left, start, lang) if m[1] <= start]
    return bool(marks) and _PLAN_INFINITIVE[lang if lang in LANGS else "en"].fullmatch(text, marks[-1][0], marks[-1][1]) is not None
