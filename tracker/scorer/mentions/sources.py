"""The source of a report is no side of the act it reports.

"selon un rapport d'un centre de recherche de Singapour", "D'après le ministère russe des Affaires
étrangères, l'Arménie et l'Azerbaïdjan ont accepté ...", "according to a study by a Singapore think
tank": a country named only in the phrase that gives the report's source, when the sentence names
both sides of the act elsewhere, only says who reports it. With one country outside the phrase, the
source is the claimant, a side: "Selon Bagdad, des drones turcs ont frappé ..." is IRQ-TUR. A country
also named outside the phrase keeps its role there ("selon le ministère français ..., Paris et Alger").

The phrase runs from its opening words (roles.tsv, list report_source) to the next comma or the end
of the sentence. English wire copy also names the source as a country's possessive before a news
outlet: "Turkey's Anadolu Agency reported", "told Japan's Kyodo news agency", "Iran's semi-official
Tasnim news agency said": the outlet's name and its description (list source_modifier) may stand
between the possessive and the outlet's noun (list source_noun). The same condition holds: "...,
Syria's state news agency said" after an Israeli strike near Damascus keeps Syria a side.
An attribution after a clause is a source too: "..., the U.S. ambassador in Belgrade said on Thursday"
(from a comma to a verb of list attribution_verb, with no other verb between), unless the clause
before it is the speaker's own demand or judgement (a word of list attribution_stance: "Russia must
end its invasion of Ukraine, the Canadian prime minister said"): the speaker then acts on a side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tracker.records import Mention
from tracker.scorer.mentions.gazetteer import list_index, scan
from tracker.scorer.mentions.sentence import SentenceContext
from tracker.scorer.mentions.wordlists import SENTENCE_BREAKS, grammar_words

_PHRASE_ENDS = SENTENCE_BREAKS | {","}
SIDES_OUTSIDE = 2  # countries acting outside the phrase: both sides of the act are named there
_PERSON_SUBJECTS = grammar_words("person_subject", "en")
_PERSON_SUBJECTS_FR = grammar_words("person_subject", "fr")
_IMPERSONAL_AFTER = grammar_words("impersonal_after", "fr")
_PARTICIPLE_ENDS = ("e", "es", "s", "i", "u", "is", "us", "ue", "ues", "ies")
OUTLET_REACH = 6  # pieces read after an English possessive for the outlet's noun ("'s semi-official Tasnim news agency")


def source_phrases(ctx: SentenceContext) -> list[tuple[int, int, str]]:
    """(start, end, opening words) of each phrase giving a report's source, as offsets in the doc."""
    phrases = []
    for first, last, _ in scan(ctx.pieces, list_index(ctx.lang, "report_source")):
        end = last
        while end < len(ctx.pieces) and ctx.keys[end] not in _PHRASE_ENDS:
            end += 1
        phrases.append((ctx.pieces[first].start, ctx.pieces[end - 1].end, ctx.text_of(first, last)))
    return phrases + _possessive_outlets(ctx) + _closing_attribution(ctx) + _inverted_attribution(ctx)


def _stance(ctx: SentenceContext) -> int:
    """Where the clause before an attribution first gives the speaker's own demand or judgement
    (attribution_stance) or reacts to an act, most often the speaker's own (attribution_reaction: "Chile and Peru
    rejected the accusations, the Bolivian government said"): no attribution after it names a source."""
    return next((at for at, key in enumerate(ctx.keys)
                 if ctx.has("attribution_stance", key) or ctx.has("attribution_reaction", key)), len(ctx.keys))


def _closing_attribution(ctx: SentenceContext) -> list[tuple[int, int, str]]:
    """English: (start, end, words) of each ", the U.S. ambassador in Belgrade said" after a clause:
    from a comma to a verb of attribution_verb, the words between naming the speaker only."""
    if ctx.lang != "en":
        return []
    phrases = []
    # An attribution after the speaker's own demand or judgement names a side, not a source.
    stance = _stance(ctx)
    for comma in (at for at, key in enumerate(ctx.keys[:stance]) if key == ","):
        for i in range(comma + 1, len(ctx.keys)):
            if ctx.keys[i] == ",":
                break
            if ctx.has("attribution_verb", ctx.keys[i]):
                if i > comma + 1:
                    phrases.append((ctx.pieces[comma + 1].start, ctx.pieces[i].end, ctx.text_of(comma + 1, i + 1)))
                break
            if ctx.pos(i) in {"VERB", "AUX"}:
                break
    return phrases


_AUXILIARIES = frozenset({"a", "ont", "avait", "avaient", "aurait", "auraient"})
_ARTICLES = frozenset({"le", "la", "l'", "les", "un", "une", "son", "sa", "ses"})
SPEAKER_REACH = 8  # pieces read after the verb for the speaker ("a précisé jeudi soir à la presse le ministre")


def _inverted_attribution(ctx: SentenceContext) -> list[tuple[int, int, str]]:
    """French: (start, end, words) of each ", a déclaré l'ambassadeur des États-Unis" after a clause: after a
    comma, a verb of attribution_verb (alone or after an auxiliary), then its speaker: an article and a noun of
    attribution_speaker, or a capitalised name, with only words of attribution_skip (a date, "dans un
    communiqué") or numbers before it. The phrase runs to the next comma. A clause before it in the first person
    or giving the speaker's demand or judgement (attribution_stance) is the speaker's own act: no source; nor is a
    body announcing what the sentence's "il"/"elle" does (grammar_words.tsv person_subject): its own official's act."""
    if ctx.lang != "fr" or (ctx.keys and ctx.keys[0] in _PERSON_SUBJECTS_FR
                            and not (len(ctx.keys) > 1 and ctx.keys[1] in _IMPERSONAL_AFTER)):
        return []  # "Il y a eu des tirs ..., a annoncé l'état-major argentin": impersonal, nobody's act
    phrases = []
    stance = _stance(ctx)
    for comma in (at for at, key in enumerate(ctx.keys[:stance]) if key == ","):
        verb = comma + 1 + (comma + 1 < len(ctx.keys) and ctx.keys[comma + 1] in _AUXILIARIES)
        if verb >= len(ctx.keys) or not ctx.has("attribution_verb", ctx.keys[verb]):
            continue
        end = next((i for i in range(verb + 1, len(ctx.keys)) if ctx.keys[i] in _PHRASE_ENDS), len(ctx.keys))
        if end + 1 < len(ctx.keys) and ctx.keys[end] == "," and (
                ctx.keys[end + 1] == "qui" or ctx.pos(end + 1) == "VERB" and ctx.keys[end + 1].endswith(_PARTICIPLE_ENDS)):
            continue  # "..., a déclaré le ministre bolivien, qui a condamné", "..., a annoncé l'Argentine, visée par"
        if _speaker_after(ctx, verb + 1, end):
            phrases.append((ctx.pieces[comma + 1].start, ctx.pieces[end - 1].end, ctx.text_of(comma + 1, end)))
    return phrases


def _speaker_after(ctx: SentenceContext, start: int, end: int) -> bool:
    """Whether the words from `start` name the attribution's speaker before any other noun (see above)."""
    i = start
    while i < min(end, start + SPEAKER_REACH):
        key, word = ctx.keys[i], ctx.pieces[i].text
        if ctx.has("attribution_speaker", key) or (word[:1].isupper() and key not in _ARTICLES):
            return True
        if key in _ARTICLES and i + 1 < end and ctx.keys[i + 1][:1].isdigit():
            i += 1  # "le 24 février": a date
        elif not (key in _ARTICLES or key.isdigit() or ctx.has("attribution_skip", key)):
            return False
        i += 1
    return False


def _own_government(ctx: SentenceContext) -> list[tuple[int, int, str]]:
    """English: "He will visit Chad and Mali, the Turkish foreign ministry said": a government body
    (list own_government) announcing what the sentence's "he"/"she" does speaks for its own official,
    so its country is that person's, a side. A closing attribution only."""
    if ctx.lang != "en" or not ctx.keys or ctx.keys[0] not in _PERSON_SUBJECTS:
        return []
    own = []
    for phrase in _closing_attribution(ctx):
        inside = [i for i, piece in enumerate(ctx.pieces) if phrase[0] <= piece.start < phrase[1]]
        if any(ctx.has("own_government", ctx.keys[i]) or ctx.has("own_government", ctx.two_pieces(i) or "")
               for i in inside):
            own.append(phrase)
    return own


def _possessive_outlets(ctx: SentenceContext) -> list[tuple[int, int, str]]:
    """(start, end, words) of each "X's ... agency"-like phrase: from the piece before "'s" to the
    outlet's noun; only capitalised names, numbers and words of source_modifier may stand between.
    The phrase starts at the capitalised words before "'s" ("South Korea's Yonhap news agency")."""
    if ctx.lang != "en":
        return []
    phrases = []
    for at, key in enumerate(ctx.keys):
        if key != "'s" or at == 0:
            continue
        for i in range(at + 1, min(len(ctx.pieces), at + 1 + OUTLET_REACH)):
            two = ctx.two_pieces(i)
            noun = next((w for w in (two, ctx.keys[i]) if w and ctx.has("source_noun", w)), None)
            if noun:
                end = i + (2 if noun == two else 1)
                first = at - 1
                while first > max(0, at - 4) and ctx.pieces[first - 1].text[:1].isupper():
                    first -= 1
                phrases.append((ctx.pieces[first].start, ctx.pieces[end - 1].end, ctx.text_of(first, end)))
                break
            word = ctx.pieces[i].text
            if not (word[:1].isupper() or word.isdigit() or ctx.has("source_modifier", ctx.keys[i])):
                break
    return phrases


def report_sources(ctx: SentenceContext, mentions: Sequence[Mention], base: int) -> list[Mention]:
    """The mentions, those of a country named only as a report's source set aside as its topic."""
    own = _own_government(ctx)
    phrases = [p for p in source_phrases(ctx) if p not in own]
    if not phrases:
        return list(mentions)

    def phrase_of(m: Mention) -> tuple[int, int, str] | None:
        return next((p for p in phrases if p[0] <= m.start - base < p[1]), None)

    actors = [m for m in mentions if m.role == "actor" and m.kind != "anaphora"]
    outside = {m.country for m in actors if phrase_of(m) is None}
    if len(outside) < SIDES_OUTSIDE:
        return list(mentions)
    revised = []
    for m in mentions:
        phrase = phrase_of(m) if m in actors and m.country not in outside else None
        if phrase is None:
            revised.append(m)
            continue
        reason = f"source of the report ('{phrase[2]} ...'); the act's sides: {', '.join(sorted(outside))}"
        revised.append(replace(m, role="topic", detail=f"{m.detail}; topic: {reason}"))
    return revised
