"""Dates: the day an article says it was published, and the day each sentence's event happened.

* ``publication_date_from_text`` (publication.py): the date an article prints about itself.
* ``find_dates``: the date expressions of one sentence (patterns.py), resolved against the publication
  date (resolution.py), each marked with whether it dates the sentence's event (tense.py for the
  tense of its clause, attachment.py for the clause it belongs to); ``event_date`` picks the one that
  does. The words of all of them are in ``data/date_words.tsv``, ``data/date_phrases.tsv`` and
  ``data/date_context.tsv`` (vocabulary.py).

Conventions, used everywhere in this package:

* A value is the first day of its precision: week -> Monday, month -> the 1st, year -> 1 January;
  except the "recent" spans ("ces derniers jours", "in recent weeks"), which end at publication and
  so take the publication date itself with a coarse precision.
* Numeric dates are read day first (12/04/2017 = 12 April 2017, French and British usage) unless a
  number above 12 forces the other order; for ``lang == "en"`` with both numbers <= 12 they are read
  month first, because the English outlets that print all-numeric dates are mostly American.
* A weekday name is the most recent such day, the publication day included ("mercredi" in a
  Wednesday article is that Wednesday); the next such day (publication day included) when its clause
  is in the future tense ("se rendra jeudi", "will meet on Thursday"); "lundi dernier"/"last Monday"
  is strictly before the publication day, "lundi prochain"/"next Monday" strictly after; under a
  plus-que-parfait ("était montée mercredi" in a Wednesday article) the publication's own weekday is
  the week before: the event lies before the article's past.
* A day and month without a year, or a month alone: a future tense takes the next occurrence, a past
  tense the previous one, otherwise the nearer of the two with ties to the past ("le 20 avril" in an
  article of 12 April 2017 is 2017-04-20, "le 3 mars" 2017-03-03, "en décembre" in a January article
  the previous December). The current day or month is both "previous" and "next".
* A counted span up to publication ("in the last two months", "au cours des trois dernières semaines")
  dates an act spread over it at its middle, in its unit; not when it measures a first or a superlative
  ("the first visit in the last ten years").
* A deadline after an obligation ("must leave within three days", "sommés de partir d'ici lundi") is an
  order's: the order dates the act, not the deadline.
* A deadline ahead ("d'ici deux mois", "within two weeks", "in the next two months", "by the end of
  the year") dates a planned event at the end of its span, unless its clause is in the past ("ordered
  them to leave within two weeks"); "d'ici 2030"/"by March" stay range boundaries.
* A plan's date ahead under a decision reported as done ("agreed to meet next week", "ont décidé de
  rouvrir d'ici la fin de l'année") does not date the event: the decision does. "depuis lundi"/"since
  Monday" dates the event by its start; "depuis 2014"/"since March" is background.
* Which date dates the event: a date of the main clause; else a recent day or week of a clause that
  describes a participant ("l'accord conclu samedi") or of the background the act answers ("après
  ..."/"after ..."), but not a coming day of such a clause when the main verb tells a past act; else a dateline ("NAIROBI, Feb 27 (Reuters) -"), which is also the day the
  sentence's other expressions are read from; else the publication date (``event_date``).
* The clause rules (which tense, which dates do not date the event) are told in tense.py and
  attachment.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Span, Token

from tracker.records import DateRef

from ..mentions import span_text
from ..morph_values import morph_values
from .attachment import (
    DATES,
    Verdict,
    clause_adverb,
    closed_range_part,
    detached_participle,
    inside_after,
    inside_since,
    lexical_dates_event,
    modified_noun,
    occasion_of,
    parse_dates_event,
    range_marker,
    relations_change,
    set_off,
    since_recent_day,
)
from .event_ranges import EventResolver, since_events
from .patterns import DAY_SPAN, Found, alternation, dateline, prefilter, scan
from .publication import publication_date_from_text
from .resolution import Resolved, resolve, shift
from .tense import (
    PAST_TENSES,
    VERBAL,
    adjacent_verb,
    before_past,
    decided_in_past,
    decided_in_past_words,
    expression_root,
    governing_verb,
    lexical_tense,
    parse_tense,
    span_tokens,
)
from .vocabulary import LANGS, alternatives, context_values, phrase_key, vocabulary, word_set

__all__ = ["EventResolver", "event_date", "find_dates", "publication_date_from_text", "without_act_after"]

# Which date of a sentence dates its event, best first: a date of the main clause; a deadline or window
# ahead of the main clause ("d'ici la fin de l'année", "within days", "over the next two months"), which
# gives way to a day of the same clause or of its report ("livrera d'ici la fin de l'année, a annoncé
# mercredi": Wednesday); a recent day that details a clause describing a participant or the background
# the act answers; a dateline.
_MAIN, _DEADLINE, _DETAIL, _DATELINE = 0, 1, 2, 3
_SAME_DAY_EARLIER = word_set("same_day_earlier")  # "plus tôt vendredi": that same day
# "le pacte annoncé le 13 août": a bare announcing participle names the day of the announcement,
# unless "pour" opens the date ("le sommet annoncé pour jeudi" looks ahead).
_ANNOUNCED_FR = word_set("announced_lemma", "fr")
_FOR_BEFORE = re.compile(rf"(?<!\w)(?:{alternatives('announced_for', 'fr')})$", re.IGNORECASE)
_DEADLINE_OPENING = {lang: re.compile(rf"(?:{alternatives('deadline_opening', lang)})", re.IGNORECASE)
                     for lang in LANGS}
# "the Aug. 13 agreement": an English date between a determiner and a noun is that noun's.
_ATTRIBUTIVE_BEFORE = re.compile(rf"(?<!\w)(?:{alternatives('attributive_before', 'en')})\s+$", re.IGNORECASE)
_ATTRIBUTIVE_NOUN_AFTER = re.compile(
    rf"\s+(?!(?:{alternatives('attributive_not_noun', 'en')})(?!\w))(?-i:[a-z])[\w\-]+")
# "the first visit in the last ten years": a first or a superlative a few words before a span it measures.
_FRAME_BEFORE = {lang: re.compile(rf"(?<!\w)(?:{alternatives('span_frame', lang)})(?!\w)[^.;:!?,]{{0,50}}$",
                                  re.IGNORECASE) for lang in LANGS}
# "must quit its territory within five days": an obligation a few words before a deadline ahead.
_ORDER_BEFORE = {lang: re.compile(rf"(?<!\w)(?:{alternatives('order_word', lang)})(?!\w)[^.;:!?]{{0,60}}$",
                                  re.IGNORECASE) for lang in LANGS}


# "aujourd'hui, mercredi", "today, Wednesday": today as the writer names it.
_TODAY_NAMED = {lang: re.compile(rf"(?:{alternatives('today_word', lang) or '(?!)'})\s*,?\s*(?:{alternation(vocabulary().weekdays[lang])})(?!\w)",
                                 re.IGNORECASE) for lang in LANGS}


def _today_named(found: Found, text: str, lang: str) -> bool:
    """The weekday names today ("aujourd'hui, mercredi", "today, Wednesday")."""
    return lang in LANGS and any(m.end() == found.end for m in _TODAY_NAMED[lang].finditer(text, max(0, found.start - 30),
                                                                                             found.end))


_DECISION_DONE = word_set("decision_done", "en")
_BARE_WEEKEND = {lang: re.compile(alternatives("bare_weekend", lang) or "(?!)", re.IGNORECASE) for lang in LANGS}
_WEEKEND_NOUN_BEFORE = {lang: re.compile(rf"(?<!\w)(?:{alternatives('weekend_noun_before', lang) or '(?!)'})\s+$",
                                         re.IGNORECASE) for lang in LANGS}
_WEEKEND_NOUN_AFTER = {lang: re.compile(rf"\s+(?:{alternatives('weekend_noun_after', lang) or '(?!)'})(?!\w)", re.IGNORECASE)
                       for lang in LANGS}


def _verb(tokens: list[Token]) -> Token | None:
    """The verb a parsed expression attaches to: the one just before it, else the parse's head."""
    adjacent = adjacent_verb(tokens)
    if adjacent is not None:
        return adjacent
    root = expression_root(tokens)
    return root if root.pos_ in VERBAL else governing_verb(root)


def _tense(found: Found, tokens: list[Token], text: str, lang: str) -> str | None:
    """The tense of the clause the expression attaches to: from the parse's verb, else the words."""
    verb = _verb(tokens) if tokens else None
    if verb is not None:
        tense = parse_tense(verb)
        if tense == "past" and before_past(verb) and not _same_day_earlier(text, found.start):
            return "before past"
        if tense == "future" and _announced_on(verb, text, found.start):
            return "past"
        return tense
    # no parse, or a parse without a verb ("Pékin compte/NOUN signer")
    return lexical_tense(text, found.start, found.end, lang)


def _announced_on(verb: Token, text: str, start: int) -> bool:
    """A bare announcing participle with its date after it and no "pour" before the date: the day the
    act was announced ("le pacte annoncé le 13 août"), not a plan. Not a finite verb ("annoncera le 12
    mars"), an infinitive ("devrait annoncer le 12 mars") nor a participle with an auxiliary: those
    say when the announcement is to come."""
    return (verb.lemma_ in _ANNOUNCED_FR and "Part" in morph_values(verb, "VerbForm")
            and not any(c.dep_.startswith("aux") for c in verb.children)
            and verb.idx < start and not _FOR_BEFORE.search(text[max(0, start - 16):start]))


def _same_day_earlier(text: str, start: int) -> bool:
    """"plus tôt vendredi", "earlier on Friday": earlier that same day, not a day further back."""
    before = " ".join(text[max(0, start - 20):start].casefold().split())
    return any(before.endswith(words) for words in _SAME_DAY_EARLIER)


def _decided(found: Found, tokens: list[Token], text: str, lang: str) -> bool:
    """The expression dates a plan whose decision the sentence reports as done."""
    verb = _verb(tokens) if tokens else None
    if verb is not None:
        return decided_in_past(verb)
    return decided_in_past_words(text, found.start, found.end, lang)


def _decision_root(sent: Span, lang: str) -> bool:
    """English, from the parse: the sentence's main verb is a decision reported as done ("X and Y agreed
    on Monday to hold talks next month", "will meet next month, the ministers agreed"), not negated; a
    relative ("which agreed"), a participle ("as agreed", "long-agreed", "a schedule agreed by") is no root;
    a decision reported under the root ("agreed ... to meet next week, officials said") counts."""
    if lang != "en" or not sent.doc.has_annotation("DEP"):
        return False
    root = sent.root  # "..., officials said": the decision reported under the root counts too
    return any(verb.lower_ in _DECISION_DONE and verb.tag_ in ("VBD", "VBN")
               and not any(c.dep_ in ("neg", "agent") for c in verb.children)  # "not agreed", "agreed on by"
               for verb in (root, *(c for c in root.children if c.dep_ == "ccomp")))


def _past_root(sent: Span, lang: str) -> bool:
    """The sentence's main verb tells a past act ("has accused", "a accusé", "rejected"), from the parse:
    "Peru, which will submit its memorial on Friday, has accused ..." (invented) is not dated by the
    relative clause's coming Friday. An imperfect or a modal past ("devait servir", "was to revive") tells
    no act done: the meeting "prévue la semaine prochaine" still dates it."""
    if not sent.doc.has_annotation("DEP"):
        return False
    root = sent.root
    if root.pos_ != "VERB":
        return False
    if lang == "fr":
        return parse_tense(root) == "past" and "Imp" not in morph_values(root, "Tense") \
            and not any("Imp" in morph_values(c, "Tense") for c in root.children if c.dep_.startswith("aux"))
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in root.children)
    return root.tag_ == "VBD" or (root.tag_ == "VBN" and perfect)


# "initialement prévue le 3 mars", "originally scheduled for March", "initially set to take place on": a few words
# before the date, in its clause; "comme prévu initialement le 3 mars" (as_planned) is the act's own date.
_ORIGINAL_PLAN = {lang: re.compile(rf"(?P<as>(?<!\w)(?:{alternatives('as_planned', lang)})\s+)?"
                                   rf"(?<!\w)(?:{alternatives('original_plan', lang)})(?!\w)"
                                   rf"(?:\s+(?:pour|pour\s+le|le|en|for|on|in|to(?:\s+\w+){{1,2}}(?:\s+(?:on|in))?))?\s+$",
                                   re.IGNORECASE) for lang in LANGS}


# "Conclu initialement fin mars, l'accord ...": a participle set apart names an earlier step; after an auxiliary
# ("ont conclu d'abord le 2 mars") it is the act.
_ORIGINAL_STEP = {lang: re.compile(rf"(?P<aux>(?<!\w)(?:{alternatives('step_auxiliary', lang) or '(?!)'})\s+)?"
                                   rf"(?<!\w)(?:{alternatives('original_step', lang) or '(?!)'})(?!\w)"
                                   rf"(?:\s+(?:pour|pour\s+le|le|en|au|à))?\s+$", re.IGNORECASE) for lang in LANGS}


def _first_planned(text: str, start: int, lang: str) -> bool:
    """The date at ``start`` is the one first planned, or an earlier step's, not the act's ("initialement prévue
    le 3 mars", "Conclu initialement fin mars")."""
    if lang not in LANGS:
        return False
    window = max(0, start - 60)
    plan = _ORIGINAL_PLAN[lang].search(text, window, start)
    step = _ORIGINAL_STEP[lang].search(text, window, start)
    return (plan is not None and not plan["as"]) or (step is not None and not step["aux"])


def _verdict(found: Found, resolved: Resolved, tokens: list[Token], text: str, lang: str,
             tense: str | None, decision_root: bool = False) -> Verdict:
    """Whether the expression dates the sentence's event, and why not."""
    if _first_planned(text, found.start, lang):
        return Verdict(False, "the date first planned or set ('initially scheduled for', 'initialement prévue'), "
                       "since moved or passed")
    closed = closed_range_part(text, found.start, found.end, lang)
    if closed == "end":
        return Verdict(False, "the end of a closed range")
    if closed == "count":
        return Verdict(False, "a range of quantities ('from 2000 to 3000 troops'), no year")
    if closed == "moved":
        return Verdict(False, "a value moved from one year to another ('reporté de 2019 à 2021'), no date of the act")
    if closed:  # "Between March 2016 and July 2019, ... was summoned 25 times": dated by its start
        # unless the French parse hangs it on a noun ("l'occupation de la province de 1920 à 1950")
        noun = modified_noun(tokens, found.kind, set_off(text, found.start, found.end)) if tokens else None
        if noun is not None:
            return Verdict(False, f"a closed range of the noun {noun.text!r}")
        # the background checks still hold ("après des incidents survenus entre 2016 et 2018")
        since = inside_since(text, found.start, lang)
        if since:
            return Verdict(False, f"inside a {since!r} phrase")
        after = inside_after(text, found.start, lang)
        if after:
            return Verdict(False, f"inside an {after!r} phrase, the background of the act", True)
        participle = detached_participle(text, found.start, lang)
        if participle and participle.background:
            return Verdict(False, f"background of a person or body ({participle.participle!r} ...)")
        return DATES
    marker = range_marker(text, found.start, found.end, lang, found.kind)
    if marker and found.kind == "explicit" and DAY_SPAN.search(text, found.start, found.end):
        marker = ""  # "from Feb 7-10", "du 7 au 10 février": the span is the event's own, dated by its first day
    if marker and since_recent_day(marker, found.kind, resolved.precision, lang):
        return DATES  # "depuis lundi", "since Monday": the event began then
    if marker:
        return Verdict(False, f"range boundary ({marker!r} ...)")
    since = inside_since(text, found.start, lang)
    if since:
        return Verdict(False, f"inside a {since!r} phrase")
    if occasion_of(text, found.start, lang):
        return DATES  # "lors de son entretien de lundi": the meeting the act happened at
    if found.kind == "ahead" and tense in PAST_TENSES:
        return Verdict(False, "a deadline set in a past clause ('ordered them to leave within two weeks')")
    if ((found.kind == "past_span" or _phrase_anchor(found, text, lang) == "recent") and lang in LANGS
            and _FRAME_BEFORE[lang].search(text, 0, found.start)):
        return Verdict(False, "the span a first or a superlative is measured over ('the first visit in ten years')")
    if (lang in LANGS and _DEADLINE_OPENING[lang].match(text, found.start, found.end)
            and _ORDER_BEFORE[lang].search(text, 0, found.start)):
        return Verdict(False, "the deadline of an order ('must leave within three days'): the order dates the act")
    if found.kind == "phrase" and lang in LANGS and _BARE_WEEKEND[lang].fullmatch(text, found.start, found.end):
        if ((found.start > 0 and text[found.start].isupper()) or _WEEKEND_NOUN_BEFORE[lang].search(text, 0, found.start)
                or _WEEKEND_NOUN_AFTER[lang].match(text, found.end)):
            return Verdict(False, "a weekend as a noun ('every weekend', 'a weekend summit') or a name: no date")
        return Verdict(False, "a bare weekend ('weekend fighting'): the act's date only when nothing else dates it", True)
    if resolved.ahead and (_decided(found, tokens, text, lang) or decision_root):
        return Verdict(False, "the date of a plan the sentence reports as decided: the decision dates it")
    if found.kind == "phrase" and lang in LANGS and _TODAY_NAMED[lang].match(text, found.start, found.end + 40):
        # "ont annoncé aujourd'hui, mercredi, ...": the day the writer names; the article came out later
        return Verdict(False, "today named by its weekday: the weekday dates the act")
    if text[found.end:found.end + 2] in ("'s", "’s"):
        # "did not condemn Tuesday's air strike, saying on Wednesday ...": the day of a noun, a detail
        return Verdict(False, "a possessive: the day of the noun it modifies", True)
    if (lang == "en" and found.kind in ("explicit", "month") and _ATTRIBUTIVE_BEFORE.search(text, 0, found.start)
            and _ATTRIBUTIVE_NOUN_AFTER.match(text, found.end)):
        # "are to sign the Aug. 13 agreement on Sept. 15": the day of the noun, a detail
        return Verdict(False, "a date before a noun: the day of the noun it names", True)
    participle = detached_participle(text, found.start, lang)
    if participle and participle.background:
        return Verdict(False, f"background of a person or body ({participle.participle!r} ...)")
    if participle and participle.opens_sentence and resolved.precision in ("day", "week"):
        return DATES  # "Reçu mardi par Poutine, le dirigeant a ...": the news itself
    if tokens:
        adverb = clause_adverb(text, found.start, found.end, lang, found.group("wd"))
        clause = parse_dates_event(tokens, found.kind, adverb)
    else:
        clause = lexical_dates_event(text, found.start, found.end, lang, found.kind, resolved.precision)
    if not clause.dates and not clause.detail:
        return clause  # a noun's modifier ("après le séisme de lundi"), a relative clause
    after = inside_after(text, found.start, lang)
    if after and relations_change(text, lang):
        return Verdict(False, f"inside an {after!r} phrase, the event that set off the change of relations", True, True)
    if after:
        return Verdict(False, f"inside an {after!r} phrase, the background of the act", True)
    return clause


def _rank(verdict: Verdict, precision: str, expression: str = "", lang: str = "") -> int | None:
    """The rank of a date among the sentence's candidates for its event date; None: never."""
    if verdict.dates:
        deadline = lang in LANGS and _DEADLINE_OPENING[lang].match(expression)
        return _DEADLINE if deadline else _MAIN
    if verdict.detail and (precision in ("day", "week") or verdict.any_precision):
        return _DETAIL
    return None


def find_dates(sent: Span, lang: str, published: date, base: int = 0, *,
               resolve_event: EventResolver | None = None) -> list[DateRef]:
    """The date expressions of a sentence, resolved against ``published``, in text order.

    ``base`` is added to the Span's document offsets to give offsets into Article.text.
    ``resolve_event``, when given, dates "depuis l'arrivée de X à la Maison Blanche"/"since X took
    office" phrases (such a range start never dates the sentence's event).
    A dateline ("NAIROBI, Feb 27 (Reuters) -") is the day the sentence's other expressions are read
    from; it dates the event only when nothing else does. Of the others, the dates of the main clause
    date the event; a recent day in a clause describing a participant or in the background the act
    answers does only when the main clause has no date.
    """
    text = span_text(sent)  # the doc's text read once per doc: Doc.text and Span.text rebuild it
    found = scan(text, lang) if prefilter(lang).search(text) else []
    parsed = lang == "fr" and sent.doc.has_annotation("DEP")
    offset = base + sent.start_char
    line = dateline(text, found, article_start=offset == 0)
    decision_root = bool(found) and _decision_root(sent, lang)
    anchor = published
    ranked: list[tuple[DateRef, int | None, str]] = []
    rank: int | None
    # "la veille", "the previous day" are read last, from the sentence's other day (_reference)
    eves = [f for f in found if f is not line and _phrase_anchor(f, text, lang) == "previous"]
    previous = [f for f in eves if not _eve_of_noun(f, text, lang)]  # "la veille du sommet" dates nothing
    read_from = "the dateline"
    for expression in ([line] if line else []) + [f for f in found if f is not line and f not in eves] + previous:
        if expression in previous:
            anchor, reference = _reference(ranked, anchor)
            read_from = f"'{ranked[reference][0].expression}'" if reference is not None else read_from
        tokens = span_tokens(sent, expression.start, expression.end) if parsed else []
        occasion = None if expression is line else occasion_of(text, expression.start, lang)
        if occasion and tokens:  # the meeting's date hangs on its noun: the main clause gives the tense
            tense = parse_tense(sent.root if sent.root.pos_ in VERBAL else None)
        else:
            tense = None if expression is line else _tense(expression, tokens, text, lang)
        if expression.kind == "weekday" and _today_named(expression, text, lang):
            tense = None  # "recevra aujourd'hui, mercredi": the day the writer names, on or before publication
        try:
            resolved = resolve(expression, text, lang, anchor, tense)
        except (ValueError, OverflowError):  # "il y a 999 décennies": outside the calendar
            resolved = None
        if resolved is None:
            continue
        if expression is line:
            anchor = resolved.value
            verdict, rank = Verdict(False, "a dateline: the day the report was filed"), _DATELINE
        else:
            verdict = _verdict(expression, resolved, tokens, text, lang, tense, decision_root)
            rank = _rank(verdict, resolved.precision, text[expression.start:expression.end], lang)
            if rank == _DETAIL and resolved.value > published and _past_root(sent, lang):
                verdict, rank = Verdict(False, "a coming step in a clause describing a participant, "
                                        "the main clause's act is past"), None
        note = f"{expression.kind}: {resolved.note}" + (f"; the occasion of the act ('{occasion}')" if occasion else "")
        note += "" if anchor == published or expression is line else f" (read from {read_from}, {anchor})"
        ref = DateRef(resolved.value, resolved.precision, text[expression.start:expression.end],
                      offset + expression.start, offset + expression.end, verdict.dates, note)
        if expression in previous and reference is not None and rank == _MAIN:
            ranked[reference] = (ranked[reference][0], None, "the day the act is reported from: "
                                 f"'{ref.expression}' is the act's day")
        ranked.append((ref, rank, verdict.why))
    refs = _choose(ranked)
    if parsed and not any(r.dates_event for r in refs):
        refs = _since_year_of_main_act(refs, sent, lang, offset)
    if parsed and not any(r.dates_event for r in refs):
        refs += _framed_interval(sent, lang, offset, anchor)
    if resolve_event is not None:
        for start, end, value in since_events(text, lang, published, found, resolve_event):
            refs.append(DateRef(value, "day", text[start:end], offset + start, offset + end, False,
                                "event: start of a range, dated by the event resolver; does not date the event"))
    refs.sort(key=lambda r: r.start or 0)
    return refs


_SINCE_MARKER = {lang: re.compile(rf"(?:{alternatives('main_since', lang)})(?!\w)", re.IGNORECASE) for lang in LANGS}


def _since_year_of_main_act(refs: list[DateRef], sent: Span, lang: str, offset: int) -> list[DateRef]:
    """"Ankara a lancé depuis 2016 plusieurs incursions en Syrie": a past act repeated since a year,
    told right after the main verb, is dated by that year when nothing else dates it. A frame set off
    before the clause ("Depuis 2014, les relations se sont dégradées"), a state on a noun ("rompues
    depuis 2016", "la frontière, fermée depuis 2015"), a present ("s'opposent depuis 1947", "est hostile
    depuis 2020"), a main verb with a coordinated one ("... depuis 1947 ..., et New Delhi a annulé") and
    the span a "never" or a first is measured over ("Jamais depuis 2016 ...") stay background. Parsed
    (French) text only."""
    root = sent.root
    if root.pos_ != "VERB" or parse_tense(root) != "past" or lang not in _SINCE_MARKER:
        return refs
    if any(child.dep_ == "conj" and child.pos_ in VERBAL for child in root.children):
        return refs
    text = span_text(sent)
    for index, ref in enumerate(refs):
        if ref.precision != "year" or ref.start is None or ref.end is None or not _SINCE_MARKER[lang].match(ref.expression):
            continue
        start = ref.start - offset
        tokens = span_tokens(sent, start, ref.end - offset)
        if not tokens or _FRAME_BEFORE[lang].search(text, 0, start):
            continue
        verb = adjacent_verb(tokens)  # "a lancé depuis 2016", not "Depuis 2014, ... se sont dégradées"
        if verb is not None and verb.i == root.i:
            note = ref.note.split("; does not date the event:")[0] + ("; dates the event: the year since which "
                                                                     "the main verb's past act runs, no other date")
            return [*refs[:index], replace(ref, dates_event=True, note=note), *refs[index + 1:]]
    return refs


def _interval_pattern(lang: str) -> re.Pattern[str] | None:
    fixed = "|".join(f"(?:{entry})" for entry, _ in context_values("fixed_interval", lang))
    units = "|".join(f"(?:{entry})" for entry, _ in context_values("interval_unit", lang))
    verbs, subjects = alternatives("framing_verb", lang), alternatives("framing_subject", lang)
    if not (fixed and units and verbs and subjects):
        return None
    vocab = vocabulary()  # "quelques jours après": a vague count too
    numbers = "|".join(sorted([*vocab.numbers.get(lang, {}), *vocab.vague_numbers.get(lang, {})], key=len, reverse=True))
    return re.compile(rf"\s*(?:{subjects})\s+(?-i:[a-zà-ÿ'’-]+)(?:\s+(?-i:[a-zà-ÿ'’-]+)){{0,2}}\s+(?:{verbs})\s+"
                      rf"(?P<interval>(?P<fixed>{fixed})|(?P<count>\d+|{numbers})\s+(?P<unit>{units}))",
                      re.IGNORECASE)


_INTERVALS = {lang: _interval_pattern(lang) for lang in LANGS}


def _framed_interval(sent: Span, lang: str, offset: int, anchor: date) -> list[DateRef]:
    """"Ces déclarations interviennent au lendemain d'une rencontre à Moscou entre ...", "Cette
    proposition survient deux jours après la dénonciation par Caracas de ...": a subject that only
    points back at news told before, and a verb that only places it in time, make the act after the
    interval the news; it is dated that interval before the report's day. "La visite de Macron à
    Alger intervient deux jours après ..." names its own news: the interval dates nothing."""
    pattern = _INTERVALS.get(lang)
    text = span_text(sent)
    found = pattern.match(text) if pattern is not None else None
    if found is None:
        return []
    vague = False
    if found["fixed"]:
        days = _interval_days("fixed_interval", lang, found["fixed"])
    else:
        count = found["count"]
        vague_number = vocabulary().vague_numbers[lang].get(count.casefold())
        vague = vague_number is not None
        number = int(count) if count.isdigit() else vague_number or vocabulary().numbers[lang].get(count.casefold(), 0)
        days = number * _interval_days("interval_unit", lang, found["unit"])
    if not days:
        return []
    begin, end = found.span("interval")
    value, precision = anchor - timedelta(days=days), "day"
    if vague:  # "quelques jours après": as "comes just days after", one precision coarser
        value, precision = shift(value, "week" if days < 7 * number else "month", 0)
    return [DateRef(value, precision, text[begin:end], offset + begin, offset + end, True,
                    f"interval: {days} day(s) before {anchor}" + (", a vague count" if vague else "")
                    + "; dates the event: the sentence's subject and verb only place the act after it in time")]


def _interval_days(name: str, lang: str, matched: str) -> int:
    return next((int(value) for entry, value in context_values(name, lang)
                 if re.fullmatch(entry, matched, re.IGNORECASE)), 0)


def _phrase_anchor(found: Found, text: str, lang: str) -> str | None:
    """The anchor of a phrase of the vocabulary: "recent" for the recent past up to publication ("in recent
    years", "ces dernières années": a first or a superlative may be measured over it, like a counted span),
    "previous" for one read from the day the report speaks from ("la veille", "the previous day")."""
    phrase = vocabulary().phrases[lang].get(phrase_key(text[found.start:found.end])) if found.kind == "phrase" else None
    return phrase.anchor if phrase is not None else None


def _eve_of_noun(found: Found, text: str, lang: str) -> bool:
    """"la veille du sommet", "the day before the vote": the eve of a named occasion, no day of the report's."""
    following = text[found.end:].split(maxsplit=1)
    return bool(following) and following[0].casefold() in word_set("previous_of", lang)


def _reference(ranked: list[tuple[DateRef, int | None, str]], anchor: date) -> tuple[date, int | None]:
    """The day a "previous" phrase is read from: the sentence's first day that dates the event
    ("a confirmé jeudi que ... la veille": Thursday), else the dateline or publication."""
    for index, (ref, rank, _) in enumerate(ranked):
        if rank is not None and rank != _DATELINE and ref.precision == "day":
            return ref.value, index
    return anchor, None


def _choose(ranked: list[tuple[DateRef, int | None, str]]) -> list[DateRef]:
    """Each date marked with whether it dates the event: those of the best rank present do."""
    best = min((rank for _, rank, _ in ranked if rank is not None), default=None)
    refs = []
    for ref, rank, why in ranked:
        if rank is not None and rank == best:
            if why:
                why = f"{why}, but the main clause has no date of its own"
            refs.append(replace(ref, dates_event=True, note=ref.note + (f"; dates the event: {why}" if why else "")))
        else:
            if not why:
                why = "a date of the main clause dates the event" if rank == _DETAIL else "another date of the sentence dates the event"
            refs.append(replace(ref, dates_event=False, note=f"{ref.note}; does not date the event: {why}"))
    return refs


_AFTER_COUNT = re.compile(r"(?<!\w)(?:after|après)$", re.IGNORECASE)


def without_act_after(refs: Sequence[DateRef], cue_starts: Sequence[int], actor_starts: Sequence[int],
                      end: int) -> list[DateRef]:
    """A count back to what follows ("comes days after Y", "intervient quelques jours après Y") dates Y. When
    the main clause names its own act and a party of it before the count, and Y names no act, the act is the
    main clause's and the count dates only its background: "The closure of the border by Niger comes days
    after Benin's vote" (invented) is dated as its main clause. An anaphoric subject ("Cette rencontre
    intervient trois jours après des tirs entre ...") names no party: the count still dates the act after it."""
    dating = [ref for ref in refs if ref.dates_event]
    first = dating[0] if dating else None
    if first is None or first.start is None or first.end is None \
            or not (first.note.startswith("interval:") or _AFTER_COUNT.search(first.expression)):
        return list(refs)
    before = [start for start in cue_starts if start < first.start]
    if not before or not any(start < first.start for start in actor_starts) \
            or any(first.end <= start < end for start in cue_starts):
        return list(refs)
    return [replace(ref, dates_event=False, note=f"{ref.note}; the main clause names its own act and party, "
                    "and none after the count: it dates only the background") if ref is first else ref for ref in refs]


def event_date(refs: Sequence[DateRef], published: date) -> DateRef:
    """The date of the sentence's event: its first expression that dates it, else the publication.

    A past history told year by year ("fought a war in 1962 and a standoff in 2017") is dated by its
    latest step, the one nearest the news: when the dating expressions are all past years (or all past
    months), the latest of them.
    """
    dating = [ref for ref in refs if ref.dates_event]
    if not dating:
        return DateRef(published, "day", "", note="publication date")
    first = dating[0]
    steps = [ref for ref in dating if ref.precision == first.precision and ref.value <= published]
    if first.precision in ("year", "month") and len(steps) == len(dating) > 1:
        latest = max(steps, key=lambda ref: ref.value)
        if latest is not first:
            return replace(latest, note=f"{latest.note}; the latest step of a history told {first.precision} by "
                           f"{first.precision}")
    return first
