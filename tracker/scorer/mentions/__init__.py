"""Who is acting in a sentence: country mentions and their role.

A country is mentioned by name ("la Russie", "U.S."), demonym ("le président américain", "les
Russes"), capital as metonym ("Moscou et Washington"), institution ("le Kremlin"), person (a leader
in office at the article's date) or compound adjective ("russo-américain", "Sino-US").
Each mention gets a role, and only actors form pairs:

- ``actor``: acts or is acted upon ("contre la Syrie", "avec la Russie", "pression sur l'Iran",
  the place an act is aimed at: "Israel carried out strikes in Syria", "investi deux milliards en Égypte");
- ``topic``: what is talked about ("au sujet du dossier syrien", "sur la Syrie", "over Ukraine");
- ``place``: where something happens ("à Moscou", "en Syrie", "territoire syrien") when no act is aimed at it;
- ``mediator``: "sous l'égide des États-Unis", "brokered by Qatar";
- ``former``: a leader out of office at the article's date, "l'ancien président américain".

Subject matter and descriptions are no parties either (word lists in roles.tsv):
- an English possessive of a subject ("North Korea's missile programme", "Taiwan's status"), unless
  the phrase is acted upon ("curb Iran's programme", "sanctions on Iran's programme");
- the object of talks: "talks on Ukraine", "a deal on Taiwan", "pourparlers sur la Corée du Nord";
- goods: a demonym qualifying a commodity or an economy is its origin ("Russian oil", "le gaz
  russe", "S-400 russes"), a party only with a trade word before it ("buy Russian oil": the seller)
  or a target word ("tariffs on Chinese steel"). Cost: in "India buys Russian oil despite US
  pressure" Russia also pairs with the United States;
- a country leading a standing organisation ("the U.S.-led NATO alliance", "l'OTAN emmenée par les
  États-Unis"); a coalition's leader stays a party ("the Saudi-led coalition struck ...");
- mediation and hosting in compounds and phrases ("Qatar-brokered talks", "U.S.-mediated", "talks
  convened by Kenya", "un sommet organisé par l'Arabie saoudite"); an organiser of anything but a
  meeting acts ("les référendums organisés par la Russie");
- venues around a place ("near Washington", "on the outskirts of Moscow", "non loin de Bagdad") and
  a demonym qualifying a place, capitalised words allowed between in English ("the Jordanian Red Sea
  port of Aqaba", "la station balnéaire égyptienne");
- "the border between X and Y" when the sentence names a natural event or a structure (earthquake,
  séisme, flood, bridge): where it happened. Without one ("clashes on the border between ...") the
  two stay parties;
- currencies and markets ("the U.S. dollar", "South Africa's rand", "le yuan chinois", "Chinese
  stocks"): topics, so a currency falling against another pairs no one;
- organisations named after a country word ("Organization of American States"): blocked;
- a news dateline opening the sentence ("DOHA —", "MOSCOW (Reuters) -", "PARIS, 3 mars (AFP) -"):
  where the report was filed; the same country right after a place ("in Doha, Qatar", "the Omani
  capital, Muscat") is that place again; English demonyms sharing a noun ("Qatari and Egyptian
  mediators") share its role.
A role given by a preposition spreads over coordination and lists ("sous l'égide des États-Unis et
de la France", "brokered by Egypt and Qatar", "discussed trade, Taiwan and Ukraine"), unless the
list is the subject of a verb that follows ("brokered by China, Saudi Arabia and Iran agreed").

Matching works on *pieces*: the sentence's tokens split at hyphens and after apostrophes, folded
(no case, accents or dots), so that one entry matches "Etats Unis", "ÉTATS-UNIS" and "Quai d’Orsay"
whatever the tokenizer did. Every word list lives in ``tracker/scorer/data``.

The package:
- pieces: text pieces of a sentence, folded (and the doc's text kept for span_text);
- wordlists: the word lists of roles.tsv and grammar_words.tsv;
- gazetteer: the word index of country forms built from the data files, and the scan over pieces;
- matches: which entry a matched phrase is, and which matches are kept;
- sentence: the sentence as the role rules read it;
- roles: the role rules from a mention's own words, tried in order (with preposition_roles,
  modifier_roles and demonym_roles); a rule answers with a decision.RoleDecision;
- target_roles: a place after an act is the act's target, a party ("fired rockets at Israel",
  "une incursion en Irak", "invested $2bn in Egypt");
- revisions: a second look from the mention before and the whole sentence (coordination, lists,
  apposition, match reports, datelines);
- sources: a country named only in the source of a report ("selon un rapport ... de Singapour") when
  both sides of the act are named elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Span

from tracker.records import Mention
from tracker.scorer.mentions.ambiguous import Readings, read_context, resolve
from tracker.scorer.mentions.gazetteer import (
    Entry,
    Found,
    PhraseIndex,
    anaphora_details,
    anaphora_index,
    english_demonym_forms,
    french_demonym_forms,
    longest_first,
    mention_index,
    scan,
    slot_scan,
    subject_index,
)
from tracker.scorer.mentions.matches import sentence_matches
from tracker.scorer.mentions.pieces import Piece, fold_word, remember_text, sentence_pieces, span_text
from tracker.scorer.mentions.revisions import REVISIONS, Previous
from tracker.scorer.mentions.roles import read_role
from tracker.scorer.mentions.sentence import SentenceContext
from tracker.scorer.mentions.sources import report_sources
from tracker.scorer.mentions.wordlists import grammar_words

__all__ = [
    "Entry",
    "Found",
    "PhraseIndex",
    "Piece",
    "Readings",
    "anaphora_details",
    "anaphora_index",
    "subject_index",
    "english_demonym_forms",
    "find_mentions",
    "french_demonym_forms",
    "longest_first",
    "may_mention",
    "mention_index",
    "read_context",
    "remember_text",
    "scan",
    "sentence_pieces",
    "slot_scan",
    "span_text",
]


def may_mention(sent: Span, lang: str) -> bool:
    """Whether the sentence's words start any country form or "les deux pays"-like phrase.

    Read on the tokens alone (no parse): `find_mentions` and `pairs.find_anaphora` find nothing in a
    sentence where this is False, so such a sentence needs no parse.
    """
    pieces = sentence_pieces(sent)
    return (_may_be_country(pieces, scan(pieces, mention_index(lang))) or bool(scan(pieces, anaphora_index(lang)))
            or bool(slot_scan(pieces, lang)))


def _may_be_country(pieces: list[Piece], hits: list[tuple[int, int, list[Entry]]]) -> bool:
    """Some hit is a country form the text's case allows: a blocked phrase alone ("une réunion",
    "Air France") or a form in the wrong case ("la réunion" for "La Réunion") gives no mention."""
    return any(
        entry.kind != "block" and entry.accepts([piece.text for piece in pieces[first:last]])
        for first, last, entries in hits
        for entry in entries
    )


def find_mentions(sent: Span, lang: str, on: date, base: int = 0, readings: Readings | None = None) -> list[Mention]:
    """Country mentions of one sentence with their roles, offsets into Article.text (via `base`).

    `on` is the article's date: it decides whether a leader named here is in office. `readings`
    (ambiguous.read_context of the whole article) decide what "Congo" means; without them, the
    language's usual reading.
    """
    pieces = sentence_pieces(sent)
    hits = scan(pieces, mention_index(lang))
    if not hits:
        return []
    ctx = SentenceContext(sent, lang, pieces)
    mentions: list[Mention] = []
    previous: Previous | None = None
    for match in sentence_matches(ctx, hits):
        reading = read_role(ctx, match, on)
        if reading is None:
            continue
        decision = reading.decision
        for revise in REVISIONS:
            decision = revise(ctx, previous, match, reading.kind, decision) or decision
        if match.first in ctx.cohosts:
            decision = decision._replace(role="topic", reason="a co-host named with the host of a sports event")
        start, end = pieces[match.first].start, pieces[match.last - 1].end
        detail = f"{reading.what}; {decision.role}: {decision.reason}" if decision.reason else reading.what
        text = ctx.text[start - ctx.offset : end - ctx.offset]
        codes, resolved = resolve(match.entry.form, reading.country, lang, readings)
        detail = f"{detail}; {resolved}" if resolved else detail
        # "les deux Corées" names two countries at once: one mention each.
        act = decision.act_span and (decision.act_span[0] + base, decision.act_span[1] + base)
        described = decision.described and (decision.described[0] + base, decision.described[1] + base)
        for country in codes.split("+"):
            mentions.append(Mention(start + base, end + base, text, country, reading.kind, decision.role, detail, act,
                                    described, decision.place_as, decision.describes))
        previous = Previous(match, decision)
    return _mediators_named_again(report_sources(ctx, _blocs_named_by_members(disputed_territories(mentions)), base),
                                  ctx.text, base + ctx.offset)


BLOC_MEMBERS = 3  # countries one phrase names at least for a bloc (places.tsv "BFA+MLI+NER"); two are a pair


def _blocs_named_by_members(mentions: list[Mention]) -> list[Mention]:
    """A bloc name (three countries or more in one phrase) is a side only when none of its members is named on
    its own: "Mali, a member of the Alliance of Sahel States", "Estonia and Latvia, two of the Baltic states",
    "le Niger, le Mali et le Burkina Faso ont créé la Confédération": the bloc describes or is made by the
    members named, and gives no other member as a side (only the act's own subject or object does)."""
    spans: dict[tuple[int, int], set[str]] = {}
    for m in mentions:
        spans.setdefault((m.start, m.end), set()).add(m.country)
    blocs = {span for span, codes in spans.items() if len(codes) >= BLOC_MEMBERS}
    if not blocs:
        return mentions
    named = {m.country for m in mentions if (m.start, m.end) not in blocs and m.role == "actor"}
    return [
        replace(m, role="topic", detail=f"{m.detail}; topic: a bloc one of whose members is named on its own")
        if (m.start, m.end) in blocs and named & spans[(m.start, m.end)] else m
        for m in mentions
    ]


def disputed_territories(mentions: list[Mention]) -> list[Mention]:
    """A territory whose sovereignty is the dispute (grammar_words.tsv, disputed_territory: Western Sahara) is what
    the act is about, a topic wherever the sentence names it: "Madrid backed Rabat's autonomy plan for Western
    Sahara" is ESP-MAR only. No state acts under the territory's name."""
    disputed = grammar_words("disputed_territory")
    return [
        replace(m, role="topic", detail=f"{m.detail}; topic: a territory whose sovereignty is disputed, no side")
        if m.role == "actor" and m.country.lower() in disputed else m
        for m in mentions
    ]


def _mediators_named_again(mentions: list[Mention], text: str, start: int) -> list[Mention]:
    """A mediator stays the mediator wherever the sentence names it again ("sous l'égide de Doha ...
    la diplomatie qatarie", "Qatar-brokered talks ... Qatar's envoy"): it is no side of the act. Not
    when it mediates only in an earlier or later event, after a word that opens one (grammar_words.tsv
    other_event: "arrived in Doha ..., a week after Oman brokered a deal between ..."): there it
    acts in its own name before that word."""
    mediators = [m for m in mentions if m.role == "mediator"]
    return [
        replace(m, role="mediator", detail=f"{m.detail}; mediator: the sentence's mediator named again")
        if m.role == "actor" and any(o.country == m.country and not _other_event_between(text, m.end - start, o.start - start)
                                     for o in mediators) else m
        for m in mentions
    ]


_WORD = re.compile(r"\w+")


_RUN_UP = re.compile(r"\s+(?:\w+\s+){0,2}?(?:weeks|months|days|years|semaines|mois|jours|années|ans)\s+(?:of|de|d')",
                     re.IGNORECASE)


def _other_event_between(text: str, first: int, end: int) -> bool:
    """A word of another event ("after", "après") in text[first:end]: what follows it is another event's. Not
    when a span of time follows it ("after weeks of talks mediated by Qatar", "après des semaines de médiation"):
    that is the run-up to the same event, whose mediator it names."""
    opens = grammar_words("other_event")
    return first < end and any(
        fold_word(word.group()) in opens and not _RUN_UP.match(text, word.end())
        for word in _WORD.finditer(text, first, end))
