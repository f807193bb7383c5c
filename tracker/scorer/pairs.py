"""Country pairs: the pair an article is about, its anaphora, and the pairs of each sentence.

Decisions (documented here because the scorer's numbers depend on them):

- Only ``actor`` mentions count, everywhere. A topic ("au sujet du dossier syrien"), a place
  ("à Moscou"), a mediator ("sous l'égide du Qatar") or a former leader forms no pair.
- The article's pair is the two countries with the most actor mentions; a title mention counts
  ``TITLE_WEIGHT`` times (a title names what the article is about); ties go to the country seen
  first (title first, then the body in order). Anaphora do not vote. With one acting country only, the
  other is the one other country the article names in any role, if there is just one.
- "les deux pays", "both countries", "relations bilatérales" become two actor mentions, one per
  country of the article's pair, with the phrase's offsets; they give that pair and nothing else.
  A sentence with one actor country plus an anaphora of a pair containing it gives that pair
  once. An anaphora does not pair with a third country named beside it: in "le président
  américain ... contre le régime syrien ... tensions entre les deux puissances" the tension is
  between the two powers, and RUS-SYR would be invented. The exceptions, where none of the pair is named:
  the phrase as the object or complement of a third country's act ("La France a appelé les deux pays au
  calme"), and the phrase as the subject of an act on third countries all named in its objects or
  complements ("les deux pays ont condamné Pyongyang", "both countries expelled French troops"): the pair
  is one side facing that country (``pair_facing``), not a pair of its own.
- The group phrases may hold modifiers between their number and noun ("the two Andean neighbours",
  "the two nuclear-armed neighbours", "les deux grandes puissances"): anaphora.tsv rows with a "*" slot,
  filled by the words the parse reads as the noun's modifiers (``_modifiers``).
- A demonstrative naming a mutual act ("Ce traité a été ratifié à Oslo", "this
  deal"; anaphora.tsv rows whose ``refers`` is "pair_act") is the act of the article's pair, as "les deux
  pays" is, but only where the sentence names no actor country outside that pair: "Cet accord a
  été critiqué par la Russie" may speak of another deal, and "Cet accord entre A et C" names its own.
- "son voisin", "its northern neighbour" (anaphora.tsv rows whose ``refers`` is "other") name the
  country of the article's pair that the sentence does not: one actor mention of kind "reference",
  which pairs like a name ("Kampala said its northern neighbour abducted farmers" in an article about
  SSD-UGA gives SSD-UGA). Only when the sentence's own actor countries are one country of the pair and
  nothing else: beside a third country ("Moscou et son voisin biélorusse") the neighbour may be that one.
- A state noun naming no country ("Le pays a arrêté deux gendarmes français", "L'émirat a nommé un
  ambassadeur au Caire", "Les autorités du pays se sont indignées d'actions de la Chine": anaphora.tsv rows
  whose ``refers`` is "subject") is read from the discourse, as a reader takes it (``discourse_subject``):
  where it is a verb's subject standing before the sentence's own countries and the sentence has a cue, it
  is the country that acted in the nearest earlier sentence (up to ``ANTECEDENT_SENTENCES`` back) naming an
  acting country the noun agrees with (anaphora.tsv ``fits``, state_nouns.tsv: "le royaume" a kingdom)
  besides the sentence's own, that sentence's subject where it names several. A country named there only as
  a place or a topic is no antecedent; two subjects, or several countries and no subject, leave it
  unresolved. "Le Vietnam a lui aussi protesté. Les autorités du pays ..." is Vietnam, whatever the
  article's pair. Bare pronouns ("ils", "it") are no state nouns: they are carried.tsv "pronoun" markers.
- A demonstrative naming an earlier act ("Paris a dénoncé cet essai", refers "act") is the other country's
  act only when that country acts in the nearest earlier sentence where a country besides the sentence's
  own acts: a country that only appears as a former leader's, or a third country's act just before, leaves
  it unresolved.
- "les deux pays" names the two countries a reader has just read: when the nearest earlier body sentence
  (up to ``ANTECEDENT_SENTENCES`` back) naming two or more actor countries names exactly two, the phrase is
  that pair, even where it is not the article's ("Le Chili et le Pérou ont conduit des manœuvres
  conjointes. Les deux marines ..." in an article about ARG-CHL is CHL-PER). Where that sentence names
  three or more, none names two, or a sentence within reach names both countries of the article's pair
  (the phrase may mean either), it is the article's pair. A demonstrative naming a mutual act (pair_act) stays the article's pair.
- When a sentence names two or more actor countries of its own and none of them is in the
  article's pair ("Xi et Modi ... les deux pays" in an article about RUS-USA), the phrase means
  those two, which the explicit pairs already give: the anaphora is left out (pass the
  sentence's mentions to ``find_anaphora`` for this rule). One shared country is enough to keep
  it: "le président américain ... contre le régime syrien ... tensions entre les deux puissances"
  keeps RUS-USA from the anaphora beside the explicit SYR-USA.
- A sentence naming one side only takes its counterpart from the sentence just before (data/carried.tsv,
  ``carried_counterpart``): an ellipsis ("Le Maroc et le Soudan ont fait de même", "followed suit") repeats
  the previous act with its counterpart, the one actor country of that sentence that is not its subject,
  and carries its cue; a reaction ("Séoul dénonce une provocation", "Seoul hit back", "inacceptable")
  answers the one actor country of that sentence besides the reactors, else its one subject. Only where
  every country of the sentence reacts (no object or complement: "les propos de Tokyo" names its own
  counterpart) and the sentence before names two or more actor countries (or one, as the owner of an act
  and no verb's subject); the reactors are one side. A sentence naming one country only, in any role, that
  marks itself as going on with the previous sentence's relation (a reply adverbial "pour sa part", "in
  response"; a subject pronoun "Il", "his country"; an agentless passive on that country; that country as
  the subject of its main verb, with no object the act brings in: "Japan's foreign ministry rejected the
  demand", ``_acting_subject``) faces the one acting country of the previous sentence besides its own
  (``continued_counterpart``), where the sentence names an act. Not where the country names a domestic body
  that acts or is acted on ("Ukraine's parliament", "blamed the opposition": the act stays at home).
- "the three countries", "les quatre pays" (anaphora.tsv ``group:N``) are the coordination of N countries
  (else the N actor countries) of the nearest earlier sentence naming N or more (``group_mentions``). Where
  none names N acting countries and the group faces a country of its own sentence, the nearest sentence
  naming exactly N countries in another role ("tariffs aimed at A, B and C") names it.
- The target of an act named as a noun with its agent ("éviter une récidive de la frappe américaine
  en Syrie", "Paris a condamné les frappes israéliennes en Syrie") is a side of that act only: it
  pairs with the agent, not with the third country whose words frame the act (``act_sides``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import cache
from typing import NamedTuple

from spacy.tokens import Span, Token

from tracker.records import Mention, SetAside, make_pair
from tracker.scorer.frames import coordinations
from tracker.scorer.mentions import (
    Found,
    anaphora_details,
    anaphora_index,
    longest_first,
    scan,
    sentence_pieces,
    slot_scan,
    span_text,
    subject_index,
)
from tracker.scorer.mentions.gazetteer import SLOT, expand_choices
from tracker.scorer.mentions.pieces import fold_word
from tracker.scorer.mentions.wordlists import data_rows, grammar_words, role_words
from tracker.scorer.morph_values import morph_values
from tracker.scorer.parse_roles import shares_doer

TITLE_WEIGHT = 3
# roles that never make a lone actor's counterpart (where something happened, what is spoken of, who watched,
# who brokered: a third party by its role)
_NOT_A_COUNTERPART = frozenset({"place", "topic", "witness", "mediator"})


def article_pair(
    mentions_by_sentence: Sequence[Sequence[Mention]], title_mentions: Iterable[Mention] = ()
) -> tuple[str, str] | None:
    """The pair the article is about (what "les deux pays" means), or None with fewer than two countries."""
    votes: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    order = 0
    for weight, mentions in [(TITLE_WEIGHT, list(title_mentions))] + [(1, list(m)) for m in mentions_by_sentence]:
        for mention in mentions:
            if mention.role != "actor" or mention.kind == "anaphora":
                continue
            votes[mention.country] += weight
            first_seen.setdefault(mention.country, order)
            order += 1
    if len(votes) < 2:
        return _only_two_named(mentions_by_sentence, title_mentions, votes)
    ranked = sorted(votes, key=lambda code: (-votes[code], first_seen[code]))
    return make_pair(ranked[0], ranked[1])


def _only_two_named(
    mentions_by_sentence: Sequence[Sequence[Mention]], title_mentions: Iterable[Mention], actors: Counter[str]
) -> tuple[str, str] | None:
    """With one acting country, the article's pair is it and the one other country named in another
    role ("Le Venezuela a rompu avec son voisin ... les gouvernements de Juan Manuel Santos": a former
    leader's country); None when a third country is named too. Places, topics, witnesses and mediators
    do not count: "Le Japon a condamné l'attentat commis à Kaboul" is not about AFG-JPN, and "sous
    l'égide du Qatar, le Tchad a signé" not about QAT-TCD."""
    named = {m.country for mentions in [*mentions_by_sentence, list(title_mentions)] for m in mentions
             if m.kind not in ("anaphora", "reference") and "+" not in m.country
             and m.role not in _NOT_A_COUNTERPART}
    if len(actors) != 1 or len(named) != 2:
        return None
    first, second = sorted(named)
    return make_pair(first, second)


class AnaphoraPhrase(NamedTuple):
    """A "les deux pays"-like phrase of a sentence, offsets in Article.text: what the sentence's
    parse tells of its anaphora, kept while the article's pair is not known yet."""

    start: int
    end: int
    phrase: str
    other: bool = False  # "son voisin": the country of the pair the sentence does not name
    subject: bool = False  # "le pays", "l'émirat": as "other", when it is a verb's subject before the named country
    act: bool = False  # "ces bombardements": as "other", when the other country acted just before
    fits: frozenset[str] | None = None  # the countries a subject's noun agrees with ("le royaume"); None = any
    pair_act: bool = False  # "cet accord": the pair's own act, only where the sentence names no other actor country
    complement_end: int = 0  # pair_act: the end of a complement after the noun ("these talks with the unions"), 0 = none
    definite: bool = False  # pair_act with no demonstrative ("the talks", "Ties"): only after a sentence naming the pair alone
    adjacent: bool = False  # pair_act of a clash, quarrel or relations ("the clashes", "Ties"; refers "pair_event"):
    # only right after a sentence naming the pair alone as actors
    of_place: bool = False  # a possessive or complement of a place noun ("both countries' capitals", "les capitales
    # des deux pays"): with no article pair, no pair of anything
    bare: bool = False  # a bare noun ("Ties", "Relations"): a noun only where a cue of the sentence covers it (pipeline)
    group: int = 0  # "the three countries": the number of countries of the group it names (anaphora.tsv group:N)
    addressed: bool = False  # a verb's own object or complement ("a appelé les deux pays"; `_addressed`)
    modified: bool = False  # a group noun with modifiers ("the two Central African neighbours": anaphora.tsv "*" slot)
    acts_on: tuple[tuple[int, int], ...] = ()  # the subject of a verb: its objects' and complements' spans (`_acted_on`)


def find_anaphora(
    sent: Span,
    lang: str,
    main_pair: tuple[str, str] | None,
    base: int = 0,
    mentions: Sequence[Mention] = (),
) -> list[Mention]:
    """Two actor mentions (one per country of `main_pair`) for each "les deux pays"-like phrase.

    `mentions` (optional) are the sentence's own mentions: when they name two or more actor
    countries and none is in `main_pair`, the phrase refers to those and nothing is added.
    """
    return anaphora_mentions(anaphora_phrases(sent, lang, base), main_pair, mentions, lang=lang)


def anaphora_phrases(sent: Span, lang: str, base: int = 0) -> list[AnaphoraPhrase]:
    """The sentence's "les deux pays"-like phrases, longest first where they overlap."""
    pieces = sentence_pieces(sent)
    found = [Found(first, last, entries[0]) for first, last, entries in scan(pieces, anaphora_index(lang))]
    found += [Found(first, last, entries[0]) for first, last, entries
              in slot_scan(pieces, lang, lambda a, b: _modifiers(sent, pieces[a].start, pieces[b - 1].end))]
    text, offset = span_text(sent), sent.start_char
    details = anaphora_details(lang)
    phrases = []
    for f in longest_first(found):
        start, end = pieces[f.first].start, pieces[f.last - 1].end
        refers = details.get(f.entry.form, ("", None))[0]
        adjacent = refers == "pair_event"
        if adjacent:
            refers = "pair_act"
        complement = _complement_end(text, end - offset) if refers == "pair_act" else 0
        tokens = [t for t in sent if start <= t.idx < end]
        # "the talks", and a bare noun of the pair's relations ("Ties soured"): any but a demonstrative's
        definite = refers == "pair_act" and bool(tokens) and tokens[0].lower_ not in _DEMONSTRATIVES
        bare = adjacent and len(tokens) == 1
        if bare and tokens[0].pos_ != "NOUN":
            continue  # "The new line ties the depot to the port": a verb
        if definite and _modified(tokens):
            continue  # "l'accord du Parlement", "la trêve hivernale", "the agreement, signed in Paris": another act
        phrases.append(AnaphoraPhrase(start + base, end + base, text[start - offset : end - offset],
                                      f.entry.kind == "reference", act=refers == "act",
                                      pair_act=refers == "pair_act",
                                      complement_end=complement and complement + offset + base, definite=definite,
                                      adjacent=adjacent, bare=bare, of_place=_of_place(tokens, lang),
                                      group=int(refers[6:]) if refers.startswith("group:") else 0,
                                      addressed=_addressed([t for t in sent if start <= t.idx < end]),
                                      modified=SLOT in f.entry.form,
                                      acts_on=_acted_on([t for t in sent if start <= t.idx < end], base)))
    return phrases


_HYPHENS = frozenset({"-", "‐", "‑", "–"})


def _of_place(tokens: Sequence[Token], lang: str) -> bool:
    """Whether the phrase is the possessive or the complement of a place noun (roles.tsv place_noun): "rain fell on
    both countries' capitals", "la pluie est tombée sur les capitales des deux pays"."""
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in inside), None)
    if head is None:
        return False
    governor = head.head.head if head.dep_ == "pobj" else head.head
    places = role_words(lang).get("place_noun", ())
    return head.dep_ in ("poss", "nmod:poss", "nmod", "pobj") and governor.lemma_.lower() in places


def _modifiers(sent: Span, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` (characters of the doc) fill the modifier slot of a group phrase
    ("the two Andean neighbours", "the two nuclear-armed neighbours", "les deux grands voisins"): adjectives,
    participles, demonyms and names, or nouns standing as compound modifiers ("the two Gulf neighbours"), each
    noun modifying a word of the phrase. Not a noun of its own ("the two groups' rivals"), a determiner, a number,
    a verb or a clause."""
    tokens = [t for t in sent if start <= t.idx < end]
    if not tokens:
        return False
    inside = {t.i for t in tokens}
    noun = next((t for t in sent if t.idx >= end), None)
    if noun is None:
        return False
    inside.add(noun.i)
    for token in tokens:
        if token.text in _HYPHENS:
            continue
        if token.pos_ in ("ADJ", "PROPN", "ADV") or (token.pos_ == "VERB" and token.dep_ == "amod"):
            continue  # an adjective, a demonym or name, a participle ("nuclear-armed", "warring")
        if token.pos_ == "NOUN" and (token.dep_ in ("compound", "amod") and token.head.i in inside
                                     or noun.head.i == token.i):
            continue  # a noun modifying the group noun ("the two Gulf neighbours"), or parsed as its head
            # with the group noun as its adjective ("les deux principales puissances")
        return False
    return True


_CASE_DEPS = frozenset({"prep", "case", "agent", "dative"})


def _addressed(tokens: Sequence[Token]) -> bool:
    """Whether a phrase's words are a verb's own object or complement ("La France a appelé les deux pays",
    "urged both countries to", "called on the two sides"): what a third country acts on. Not a verb's
    subject ("the two countries released"), nor a noun's complement ("des réunions des deux parties",
    "les pourparlers entre les deux pays", "a summit of the two sides"): the pair's own act or relation."""
    inside = {t.i for t in tokens}
    top = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), None)
    if top is None or top.dep_ in _SUBJECT_LIKE or top.dep_ in ("nmod", "nmod:poss", "poss", "compound"):
        return False
    if any(c.dep_ in _CASE_DEPS and c.lower_ in grammar_words("between") for c in top.children) or (
            top.head.dep_ in _CASE_DEPS and top.head.lower_ in grammar_words("between")):
        return False  # "reprendre les pourparlers entre les deux pays": their own relation
    head = top.head
    if head.dep_ in _CASE_DEPS and head.head.i != head.i:  # English: the preposition's own head
        head = head.head
    return head.i != top.i and head.pos_ in ("VERB", "AUX")


# a verb's dependents that its subject acts on: objects, and complements the verb itself governs (French obl:arg;
# English prepositions of grammar_words.tsv acted_on: "protested to", "turned against"; no place nor time: "in Lausanne")
_ACTED_ON_DEPS = frozenset({"obj", "dobj", "iobj", "dative", "obl:arg"})


def _acted_on(tokens: Sequence[Token], base: int) -> tuple[tuple[int, int], ...]:
    """Where a phrase's words are a verb's subject ("Both countries expelled French troops", "les deux voisins ont
    convoqué l'ambassadeur turc"): the character spans (plus `base`) of the words that verb acts on, its objects and
    complements and their own modifiers ("French troops", "the Turkish envoy"), not a noun's complement further down
    ("a statement on the talks with Nigeria" is no act on Nigeria). Empty for a phrase that is no verb's subject."""
    inside = {t.i for t in tokens}
    top = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), None)
    if top is None or top.dep_ not in _SUBJECT_LIKE or top.head.pos_ not in ("VERB", "AUX"):
        return ()
    heads = []
    for child in top.head.children:
        if child.i in inside:
            continue
        if child.dep_ in _ACTED_ON_DEPS:
            heads.append(child)
        elif child.dep_ == "prep" and child.lower_ in grammar_words("acted_on", "en"):
            heads += [c for c in child.children if c.dep_ == "pobj"]
    words = {w for head in heads for w in (head, *head.children) if w.i not in inside}
    return tuple(sorted((w.idx + base, w.idx + len(w) + base) for w in words))


_DEMONSTRATIVES = frozenset({"this", "these", "that", "those", "ce", "cet", "cette", "ces"})
_MODIFIER_DEPS = frozenset({"amod", "nmod", "acl", "acl:relcl", "relcl", "appos", "prep", "compound", "flat",
                            "flat:name", "nummod", "poss", "nmod:poss"})


def _modified(tokens: Sequence[Token]) -> bool:
    """Whether a definite noun has words of its own that make it some other act: a complement ("l'accord du
    Parlement", "the talks on climate"), an adjective ("la trêve hivernale"), an apposition or a participle
    ("The agreement, signed in Paris"), or is itself a modifier of the next noun ("the ceasefire agreement")."""
    inside = {t.i for t in tokens}
    top = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), None)
    if top is None:
        return False
    if top.dep_ in ("compound", "amod", "nmod", "poss", "nmod:poss") and top.head.i > top.i:
        return True
    return any(c.i not in inside and c.dep_ in _MODIFIER_DEPS for t in tokens for c in t.children)


_FIRST_WORD = re.compile(r"\s*(\w+)")
_CLAUSE_END = re.compile(r"[,;:.!?()«»\"]")


def _complement_end(text: str, end: int) -> int:
    """Where the complement after a pair_act phrase ends (the next punctuation), in `text`'s offsets,
    when a complement word (grammar_words.tsv act_complement) follows the noun; 0 when none does."""
    first = _FIRST_WORD.match(text, end)
    if first is None or first.group(1).lower() not in grammar_words("act_complement"):
        return 0
    stop = _CLAUSE_END.search(text, first.end())
    return stop.start() if stop else len(text)


_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})


def subject_phrases(sent: Span, lang: str, base: int = 0) -> list[AnaphoraPhrase]:
    """The sentence's pronouns and state nouns naming no country ("ils", "l'émirat") that the parse
    makes a verb's subject (see the module's notes)."""
    pieces = sentence_pieces(sent)
    text, offset = span_text(sent), sent.start_char
    details = anaphora_details(lang)
    phrases = []
    for f in longest_first([Found(a, b, e[0]) for a, b, e in scan(pieces, subject_index(lang))]):
        start, end = pieces[f.first].start, pieces[f.last - 1].end
        tokens = [t for t in sent if start <= t.idx < end]
        subject = next((t for t in tokens if t.dep_ in _SUBJECT_DEPS and t.head.pos_ in ("VERB", "AUX")), None)
        if subject is not None and not _named_beside(subject, start, end):
            fits = details.get(f.entry.form, ("", None))[1]
            phrases.append(AnaphoraPhrase(start + base, end + base, text[start - offset : end - offset], True, True,
                                          fits=fits))
    return phrases


def _named_beside(subject: Token, start: int, end: int) -> bool:
    """A name or a nationality in the subject's own words ("le président de la République Kaïs Saïed",
    "le chef de l'État ivoirien"): the subject is that one, no other country."""
    return any(t.pos_ in ("PROPN", "ADJ") or t.text[:1].isupper()
               for t in subject.subtree if not start <= t.idx < end and t.idx > subject.sent.start_char)


def anaphora_mentions(
    phrases: Sequence[AnaphoraPhrase], main_pair: tuple[str, str] | None, mentions: Sequence[Mention] = (),
    before: Sequence[Sequence[Mention]] | None = None, lang: str = "",
    subjects: Sequence[frozenset[str]] | None = None, text: str = "",
) -> list[Mention]:
    """`anaphora_phrases` read as mentions (`_pair_anaphora`), and each state noun standing as a subject
    that the article's pair leaves unresolved read from the discourse (`discourse_subject`): `subjects`,
    the countries named as a verb's subject in each sentence of `before` (same order; None: not read).
    With no article pair, "both countries" as the possessive or complement of a place noun ("tremors were felt in
    both countries' capitals") is no pair of anything. `text`: the article's text (where a capital is a venue)."""
    if main_pair is None:
        phrases = [p for p in phrases if not p.of_place]
    found = _pair_anaphora(phrases, main_pair, mentions, before, lang, text)
    if before is None:
        return found
    if subjects is None:
        subjects = [frozenset()] * len(before)
    done = {(m.start, m.end) for m in found}
    for phrase in phrases:
        if phrase.subject and (phrase.start, phrase.end) not in done:
            country = discourse_subject(phrase, mentions, before, subjects)
            if country is not None:
                found.append(Mention(phrase.start, phrase.end, phrase.phrase, country, "reference", "actor",
                                     f"'{phrase.phrase}' = {country}, the acting country of the sentence before"))
    return found


def _pair_anaphora(
    phrases: Sequence[AnaphoraPhrase], main_pair: tuple[str, str] | None, mentions: Sequence[Mention] = (),
    before: Sequence[Sequence[Mention]] | None = None, lang: str = "", text: str = "",
) -> list[Mention]:
    """The mentions `find_anaphora` gives, from phrases already found (see there). `before`: the
    mentions of the sentences before this one, nearest first (the title last), where a state noun's or
    a demonstrative's antecedent is looked for; None reads the sentence alone (no antecedent check).
    With no article pair: the two countries named nearest (`_named_pair_mentions`), in both languages."""
    if main_pair is None:
        return _named_pair_mentions(phrases, mentions, before, lang, text)
    own = {m.country for m in mentions if m.role == "actor" and m.kind not in ("anaphora", "reference")}
    # a state noun as subject ("le pays") is read from the discourse, not from the article's pair (anaphora_mentions)
    found = [_other_of_pair(p, main_pair, own, mentions, before) for p in phrases if p.other and not p.subject]
    if len(own) >= 2 and not own & set(main_pair):
        return [m for m in found if m is not None]
    third = bool(own - set(main_pair))
    nearest = _nearest_pair(before, main_pair)
    plain = [(p, nearest or main_pair, "the previous sentence's pair" if nearest else "the article's pair")
             for p in phrases if not p.other and not p.pair_act and not p.group]
    acts = [(p, main_pair, "the article's pair") for p in phrases
            if p.pair_act and not p.group and not third and _pair_act_antecedent(p, main_pair, own, mentions, before)]
    return [m for m in found if m is not None] + [
        Mention(p.start, p.end, p.phrase, country, "anaphora", "actor", f"anaphora '{p.phrase}' = {whose} {'-'.join(pair)}")
        for p, pair, whose in sorted(plain + acts, key=lambda item: item[0].start)
        for country in pair
    ]


# roles a country may hold in the sentence "les deux pays" points back to when the article has no pair of two
# acting countries: any but a past leader's, a mediator's or a witness's (a third party by its role)
_NAMED_ROLES_EXCLUDED = frozenset({"former", "mediator", "witness"})


def _named_pair_mentions(phrases: Sequence[AnaphoraPhrase], mentions: Sequence[Mention],
                         before: Sequence[Sequence[Mention]] | None, lang: str = "", text: str = "") -> list[Mention]:
    """ "les deux pays", "les deux voisins" in an article with no pair of two acting countries (the countries
    are named as places or topics: "près d'un village ouzbek du Kirghizstan, les soldats des deux pays",
    "l'attaque attribuée aux milices soudanaises contre des villages du Tchad. Les relations entre les deux
    voisins"): the two countries the nearest sentence naming two or more names in any role but a past
    leader's, a mediator's or a witness's, this sentence first, then those before it (the title left out);
    nothing when that sentence names three or more. A disputed territory (Western Sahara) is a topic, no member. A
    country named there only by its capital as a place is
    where envoys met ("talks in Vienna", `_venues`), no member. Only the plain phrases: "son voisin", "le pays"
    and the demonstratives need the article's pair."""
    plain = [p for p in phrases if not (p.other or p.pair_act or p.group or p.subject or p.act)]
    if not plain:
        return []
    for sentence in [mentions, *(before or [])[:-1]]:
        named = sorted({m.country for m in sentence if m.kind not in ("anaphora", "reference")
                        and m.role not in _NAMED_ROLES_EXCLUDED and "+" not in m.country
                        and m.country.lower() not in grammar_words("disputed_territory")} - _venues(sentence, lang, text))
        if len(named) < 2:
            continue
        if len(named) > 2:
            return []
        return [Mention(p.start, p.end, p.phrase, country, "anaphora", "actor",
                        f"anaphora '{p.phrase}' = the two countries named {'here' if sentence is mentions else 'before'}"
                        f" {'-'.join(named)}")
                for p in plain for country in named]
    return []


def _venues(mentions: Sequence[Mention], lang: str = "", text: str = "") -> set[str]:
    """The countries a sentence names only by their capital as a place after a word of a meeting (grammar_words.tsv
    venue_word: "talks in Vienna", "met in the Ukrainian capital"): where envoys meet, not a side of what is done
    there. A capital named as a place otherwise ("traders protested in Nairobi"), or a country named as a place by
    its own name or its towns ("near a village in Kyrgyzstan"), may be one."""
    places: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.kind not in ("anaphora", "reference"):
            places.setdefault(m.country, []).append(m)
    words = grammar_words("venue_word", lang) if lang in ("en", "fr") else frozenset()
    return {country for country, own in places.items()
            if all(m.role == "place" and (m.kind == "capital" or _CAPITAL_QUALIFIED.search(m.detail))
                   and _after_meeting(text, m.start, words) for m in own)}


VENUE_REACH = 40  # characters before a capital read for a word of a meeting ("met mediators from the region in")


def _after_meeting(text: str, start: int, words: frozenset[str]) -> bool:
    """Whether a word of `words` stands within VENUE_REACH characters before `start`, in the same clause."""
    window = re.split(r"[.;:!?]", text[max(0, start - VENUE_REACH):start])[-1]
    return any(fold_word(w) in words for w in re.findall(r"[^\W\d_]+", window.lower()))


_CAPITAL_QUALIFIED = re.compile(r"qualifies '(capital|capitale)'")


def _nearest_pair(before: Sequence[Sequence[Mention]] | None, main_pair: tuple[str, str]) -> tuple[str, str] | None:
    """The pair "les deux pays" names when the nearest earlier body sentence naming two or more actor
    countries names exactly two, and no body sentence within reach names both of the article's pair (see
    the module's notes): a reader takes the two just named. None (the article's pair) otherwise."""
    sentences = [sorted({m.country for m in sentence if m.role == "actor" and m.kind not in ("anaphora", "reference")
                         and "+" not in m.country})
                 for sentence in (before or [])[:-1]]  # the title, last, names the article's pair
    nearest = next((named for named in sentences if len(named) >= 2), None)
    if nearest is None or len(nearest) > 2 or set(nearest) == set(main_pair):
        return None
    if any(set(main_pair) <= set(named) for named in sentences):
        return None  # the article's pair is named within reach too: no guess
    return (nearest[0], nearest[1])


def _pair_act_antecedent(phrase: AnaphoraPhrase, main_pair: tuple[str, str], own: set[str],
                         mentions: Sequence[Mention], before: Sequence[Sequence[Mention]] | None) -> bool:
    """Whether "cet accord", "these talks" may be the pair's act: a complement after the noun names a
    country of the pair if there is one ("these talks with the unions" is another act), and both countries
    of the pair are named in the sentence or within the antecedent window a state noun's is looked for in
    (the ANTECEDENT_SENTENCES before it, then the title)."""
    if phrase.complement_end and not any(
            m.country in main_pair and m.kind not in ("anaphora", "reference")
            and phrase.end <= m.start < phrase.complement_end for m in mentions):
        return False
    if before is None:
        return True
    if phrase.adjacent and not set(main_pair) <= own:
        # "The clashes left nine injured": a clash or quarrel of anyone (fans and police, a ferry's passengers), the
        # pair's only when the sentence just before names it alone as actors; a sentence between breaks the chain
        return len(before) > 1 and _actors(before[0]) == set(main_pair)
    if phrase.definite and not set(main_pair) <= own:
        # "the talks": the pair the nearest sentence naming two or more acting countries names, when that is the
        # article's pair alone; another pair or several there ("Russia and Ukraine also held talks"): no guess
        nearest = next((named for named in (
            {m.country for m in ms if m.role == "actor" and m.kind not in ("anaphora", "reference") and "+" not in m.country}
            for ms in before[:-1]) if len(named) >= 2), None)
        return nearest == set(main_pair)
    named = own | {m.country for ms in before for m in ms if m.kind not in ("anaphora", "reference")}
    return set(main_pair) <= named


def _actors(mentions: Sequence[Mention]) -> set[str]:
    """The countries a sentence names as actors by their own names (no group phrase, no joint entity)."""
    return {m.country for m in mentions if m.role == "actor" and m.kind not in ("anaphora", "reference")
            and "+" not in m.country}


def _other_of_pair(phrase: AnaphoraPhrase, main_pair: tuple[str, str], own: set[str],
                   mentions: Sequence[Mention] = (), before: Sequence[Sequence[Mention]] | None = None,
                   ) -> Mention | None:
    """'son voisin' as the country of the article's pair the sentence does not name (see the module's notes)."""
    if len(own) != 1 or not own <= set(main_pair):
        return None
    other = next(c for c in main_pair if c not in own)
    if phrase.act and not _act_antecedent(other, own, before):
        return None
    return Mention(phrase.start, phrase.end, phrase.phrase, other, "reference", "actor",
                   f"'{phrase.phrase}' = the other country of the article's pair {'-'.join(main_pair)}")


def discourse_subject(phrase: AnaphoraPhrase, mentions: Sequence[Mention], before: Sequence[Sequence[Mention]],
                      subjects: Sequence[frozenset[str]]) -> str | None:
    """The country a state noun standing as a verb's subject ("Le pays a informé Moscou", "the kingdom
    recalled its envoy") refers to, as a reader takes it: the country that acted in the nearest earlier
    sentence naming an acting country the noun agrees with (state_nouns.tsv) besides the sentence's own,
    its subject where it names several ("La diplomatie azerbaïdjanaise a exigé le retrait des forces
    arméniennes. Le pays a informé Moscou": Azerbaijan). Only acting countries: one named there as a place or
    a topic is no antecedent ("un sommet à Rabat ... Le royaume" is nobody). None where the noun follows a
    country of its own sentence (it may stand for that one), where that sentence has two subjects or none
    among several countries, or where nothing within reach fits."""
    if any(m.role == "actor" and m.kind not in ("anaphora", "reference") and m.start < phrase.start
           for m in mentions):
        return None
    own = {m.country for m in mentions if m.role == "actor" and m.kind not in ("anaphora", "reference")}
    del subjects  # kept for the callers: a subject among several countries is no longer enough (see below)
    for sentence in before[:-1]:
        named = {m.country for m in sentence if m.role == "actor" and m.kind not in ("anaphora", "reference")
                 and "+" not in m.country and (phrase.fits is None or m.country in phrase.fits)} - own
        if not named:
            continue
        # only the one country that sentence names: with the country acted on named too ("Russia struck
        # Ukraine's power plants. The country then accused Poland"), "the country" may be either
        others = {m.country for m in sentence if m.kind not in ("anaphora", "reference") and "+" not in m.country
                  and m.role not in _NAMED_ROLES_EXCLUDED} - own
        return next(iter(named)) if len(named) == 1 and others <= named else None
    return None


def _act_antecedent(other: str, own: set[str], before: Sequence[Sequence[Mention]] | None) -> bool:
    """Whether a demonstrative naming an earlier act ("La France a condamné ces bombardements") may be
    `other`'s act: `other` acts in the nearest earlier sentence where a country besides the sentence's
    own acts. A country that never acted before (only named as a former leader's, or not at all
    nearby) did not do what "ces bombardements" points back to."""
    if before is None:
        return True
    for mentions in before:
        actors = {m.country for m in mentions if m.role == "actor" and m.kind not in ("anaphora", "reference")}
        if actors - own:
            return other in actors
    return False


def sentence_pairs(mentions: Sequence[Mention]) -> list[tuple[str, str]]:
    """Pairs of actor mentions of different countries, deduplicated, in order of appearance.

    An anaphora pairs only with its twin (same phrase): see the module's notes.
    """
    actors = sorted((m for m in mentions if m.role == "actor"), key=lambda m: (m.start, m.end))
    pairs: dict[tuple[str, str], None] = {}
    for i, a in enumerate(actors):
        for b in actors[i + 1 :]:
            if a.country == b.country:
                continue
            if (a.kind == "anaphora") != (b.kind == "anaphora"):
                continue
            if a.kind == "anaphora" and (a.start, a.end) != (b.start, b.end):
                continue
            pairs.setdefault(make_pair(a.country, b.country), None)
    return list(pairs)


def act_sides(
    pairs: Sequence[tuple[str, str]], mentions: Sequence[Mention]
) -> tuple[list[tuple[str, str]], list[SetAside]]:
    """The pairs kept, and those set aside because a country named only as the target of an act
    noun with its agent ("la frappe américaine en Syrie") pairs with a country outside that act."""
    actors = [m for m in mentions if m.role == "actor" and m.kind != "anaphora"]
    # a country "the two countries" names is a side of its own ("Both neighbours blamed each other for the
    # Kigali-backed militia": the group phrase names it whatever its own name describes)
    grouped = {m.country for m in mentions if m.role == "actor" and m.kind == "anaphora"}
    partners: dict[str, set[str]] = {}
    for country in {m.country for m in actors} - grouped:
        own = [m for m in actors if m.country == country]
        if not all(m.act_span for m in own):
            continue  # also named as a side of its own: no limit
        partners[country] = {
            o.country for m in own for o in actors if m.act_span and m.act_span[0] <= o.start and o.end <= m.act_span[1]
        }
    kept: list[tuple[str, str]] = []
    aside: list[SetAside] = []
    for pair in pairs:
        limited = next((c for c in pair if c in partners and not set(pair) - {c} <= partners[c]), None)
        if limited is None:
            kept.append(pair)
        else:
            agents = ", ".join(sorted(partners[limited] - {limited})) or "none"
            aside.append(SetAside(pair, f"{limited} is only {_limited_as(limited, actors)} ({agents}): "
                                        "a side of that alone"))
    return kept, aside


def _limited_as(country: str, actors: Sequence[Mention]) -> str:
    """How a country limited to one act or description is named, for the reason shown."""
    if any(m.country == country and "describes" in m.detail for m in actors):
        return "named to describe another country"
    return "the target of an act named with its agent"


# --- the counterpart carried from the previous sentence (data/carried.tsv) ---------------------------------

class Carry(NamedTuple):
    """What a sentence may take from the one before, or give to the one after: its trigger ("fait de
    même", "hit back"; offsets in Article.text, 0-0 for none), the trigger's kind (carried.tsv: "ellipsis",
    "reaction", "" for none), the actor countries named as reactors (a verb's subject or an opinion's holder,
    no object or complement), and the actor countries named in a verb's subject."""

    start: int = 0
    end: int = 0
    text: str = ""
    kind: str = ""
    reactors: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()  # actor countries named only as what undergoes an act (_PATIENT_DEPS)
    marked: bool = False  # a continuation marker besides its trigger (MARKER_KINDS; see continued_counterpart)
    marker_kind: str = ""  # that marker's kind ("pronoun": the previous sentence's subject only)
    subject_genders: frozenset[str] = frozenset()  # French: the genders of the nouns of its subject countries
    pronoun_gender: str = ""  # French: the gender of its pronoun marker ("il" Masc, "elle" Fem), "" = none or unknown
    reported: bool = False  # its pronoun's verb introduces a clause holding all its countries ("Il a souligné que ...")


# what a country's noun may be besides the side that acts: an object, a complement ("les propos de Tokyo")
_OBJECT_DEPS = frozenset({"obj", "dobj", "iobj", "pobj", "obl", "obl:arg", "obl:agent", "obl:mod", "agent",
                          "dative", "attr"})
# the words a country's noun hangs from inside a larger noun ("le département d'État américain")
_NOUN_DEPS = frozenset({"amod", "nmod", "compound", "flat", "flat:name", "appos", "nmod:poss", "poss"})
_SUBJECT_LIKE = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
# what undergoes an act: a verb's direct object, a passive verb's subject ("des soldats russes ont été tués")
_PATIENT_DEPS = frozenset({"obj", "dobj", "nsubj:pass", "nsubjpass"})


# carried.tsv kinds that only mark a sentence as continuing the previous one's relation (read after the
# other kinds, where the sentence names one country only); "passive" is read from the parse
PRONOUN_KINDS = frozenset({"pronoun", "latter"})  # read only as a verb's subject, before the sentence's country
CONTINUATION_KINDS = frozenset({"continuation"}) | PRONOUN_KINDS
MARKER_KINDS = CONTINUATION_KINDS | {"passive", "acting"}


@cache
def _carry_rows(lang: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """carried.tsv's rows of `lang`: (lemmas, kind), longest first."""
    rows = [(tuple(phrase.lower().split()), row["kind"]) for row in data_rows("carried.tsv") if row["lang"] == lang
            for phrase in expand_choices(row["lemmas"])]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def _carry_index(lang: str, kinds: frozenset[str] | None = None,
                 ) -> dict[str, tuple[tuple[int, tuple[str, ...], str], ...]]:
    """`_carry_rows` by first word: (rank in `_carry_rows`, lemmas, kind), so a sentence's words are
    only checked against the rows that can start at them. `kinds`: those rows only; None: every kind
    but the continuation markers (CONTINUATION_KINDS)."""
    index: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
    for rank, (words, kind) in enumerate(_carry_rows(lang)):
        wanted = kind in kinds if kinds is not None else kind not in CONTINUATION_KINDS
        if wanted and words:
            index.setdefault(words[0], []).append((rank, words, kind))
    return {word: tuple(rows) for word, rows in index.items()}


def _top_noun(token: Token) -> Token:
    """The noun a country's word stands in, up through the nouns it describes ("américain" -> "Département")."""
    while token.dep_ in _NOUN_DEPS and token.head is not token:
        token = token.head
    return token


def _reacting(token: Token) -> bool:
    """Whether a country's word names a side that acts on its own: its noun is no object or complement of
    a verb, except an opinion's holder ("pour la Suède, cette violation est inacceptable")."""
    top = _top_noun(token)
    if top.dep_ not in _OBJECT_DEPS or _opens_clause(token):
        return True
    after = top.doc[top.right_edge.i + 1] if top.right_edge.i + 1 < len(top.doc) else None
    return after is not None and after.text == "," and any(
        c.dep_ == "case" and c.lower_ in grammar_words("opinion_holder", "fr") for c in top.children)


def _opens_clause(token: Token) -> bool:
    """A country right after a contrastive subordinator ("alors que Rome évoque une provocation", "while
    Tokyo called it"), articles skipped: the subject of its own clause, whatever the small model's parse."""
    index = token.i - 1
    while index >= token.sent.start and token.doc[index].pos_ == "DET":
        index -= 1
    words = [t.lower_ for t in token.doc[max(index - 1, token.sent.start) : index + 1]]
    openers = grammar_words("contrast_opener")
    return bool(words) and (words[-1] in openers or " ".join(words[-2:]) in openers)


def _after_preposition(token: Token) -> bool:
    """A preposition before a country's first word, articles skipped ("les propos de Tokyo"): a complement,
    whatever the small model's parse says."""
    index = token.i - 1
    while index >= token.sent.start and token.doc[index].pos_ == "DET":
        index -= 1
    if index < token.sent.start:
        return False
    word = unicodedata.normalize("NFKD", token.doc[index].lower_.replace("\u2019", "'"))
    return "".join(c for c in word if not unicodedata.combining(c)) in grammar_words("complement_preposition")


def _patient(token: Token) -> bool:
    """Whether a country's word names what undergoes an act: its noun is a verb's direct object, or a
    passive verb's subject with its passive auxiliary ("ont été tués"; the small French model also tags
    "est arrivé" nsubj:pass, where "est" is a tense auxiliary and the subject acts)."""
    top = _top_noun(token)
    if top.dep_ not in _PATIENT_DEPS:
        return False
    return top.dep_ in ("obj", "dobj") or any(c.dep_ in ("aux:pass", "auxpass") for c in top.head.children)


def _subject(token: Token) -> bool:
    top = _top_noun(token)
    while top.dep_ == "conj" and top.head is not top and top.head.pos_ in ("NOUN", "PROPN"):
        top = top.head  # "le Maroc et le Soudan": the second is the verb's subject too
    return top.dep_ in _SUBJECT_LIKE


_INCISE_OPENERS = frozenset({",", "»", '"', "”", "“"})


def _inverted_subject(token: Token) -> bool:
    """A French reporting clause set after what is reported (", a déclaré le ministre saoudien"): the noun after the
    verb is its subject, whatever the small model's parse (it often reads it as the object)."""
    top = _top_noun(token)
    verb = top.head
    if top.dep_ not in ("obj", "nsubj") or verb.i >= top.i or verb.pos_ != "VERB":
        return False
    index = verb.i - 1
    while index > verb.sent.start and verb.doc[index].pos_ == "AUX":
        index -= 1
    return index >= verb.sent.start and verb.doc[index].text in _INCISE_OPENERS and all(
        t.pos_ in ("DET", "NOUN", "PROPN", "ADJ") or t.i >= top.i for t in verb.doc[verb.i + 1 : top.i + 1])


def _model_keys(token: Token) -> frozenset[str]:
    """A word's lemma and lowercase form, when no keyer gives its candidate lemmas."""
    return frozenset({token.lemma_.lower(), token.lower_})


def sentence_carry(sent: Span, lang: str, mentions: Sequence[Mention], base: int = 0,
                   word_keys: Callable[[Token], frozenset[str]] | None = None) -> Carry:
    """The sentence's carried.tsv trigger and its countries' places (see `carried_counterpart`). `word_keys`:
    a word's lemma, form and candidate lemmas (the cue keyer's `word_keys`, which repair the small models'
    lemmas: "dénonce" left as its form, and keep them across sentences); the model's lemma and form alone
    without it."""
    actors = [m for m in mentions if m.role == "actor" and m.kind not in ("anaphora", "reference")]
    reactors: set[str] = set()
    subjects: set[str] = set()
    outside: set[str] = set()
    objects: set[str] = set()
    not_objects: set[str] = set()
    genders: set[str] = set()
    sentence_words = list(sent)
    starts = [t.idx + base for t in sentence_words]
    for mention in actors:
        tokens = [t for t, start in zip(sentence_words, starts, strict=True) if mention.start <= start < mention.end]
        if not tokens:
            continue
        reacting = _reacting(tokens[-1]) and not _after_preposition(tokens[0])
        (reactors if reacting else outside).add(mention.country)
        if _subject(tokens[-1]) or (lang == "fr" and _inverted_subject(tokens[-1])):
            subjects.add(mention.country)
            if lang == "fr":
                genders.update(_gender(_top_noun(tokens[-1])))
        (objects if _patient(tokens[-1]) else not_objects).add(mention.country)
    reactors -= outside
    objects -= not_objects
    keys = [(word_keys or _model_keys)(t) for t in sentence_words]
    found = _carry_match(sent, keys, _carry_index(lang))
    marker = None
    reported, pronoun_gender = False, ""
    # a continuation marker is only read where one country acts and no other is named in any role
    if len({m.country for m in mentions}) == 1 and len({m.country for m in actors}) == 1:
        named_at = min((i for i, start in enumerate(starts) if any(m.start <= start < m.end for m in mentions)),
                       default=len(starts))
        marker = _carry_match(sent, keys, _carry_index(lang, CONTINUATION_KINDS), subject_only=True,
                              pronoun_before=named_at)
        marker = marker or _agentless_passive(sent, [m for m in actors if m.country in objects], base)
        if lang == "fr":
            marker = marker or _narrative_infinitive(sent)
        if marker is not None and marker[2] in PRONOUN_KINDS:
            reported = _reports_only(sent, marker[0], [t for t, start in zip(sentence_words, starts, strict=True)
                                                       if any(m.start <= start < m.end for m in mentions)])
            pronoun = sent[marker[0]]
            if lang == "fr" and pronoun.lower_ in ("il", "elle", "ils", "elles"):
                pronoun_gender = "Fem" if pronoun.lower_.startswith("elle") else "Masc"
        at_home, acting = _acting_subject(sent, actors, base, lang)
        if at_home:  # a domestic body acts or is acted on (see _acting_subject): nothing carried but a repeated act
            found = found if found is not None and found[2] in ("ellipsis", "counterpart") else None
            marker = None
        elif found is None:  # the weakest marker: a trigger's own rule decides where there is one
            marker = marker or acting
    found = found or marker
    if found is None:
        return Carry(subjects=frozenset(subjects), objects=frozenset(objects), subject_genders=frozenset(genders))
    first, length, kind = found
    start = sent[first].idx + base
    last = sent[first + length - 1]
    end = last.idx + len(last.text) + base
    return Carry(start, end, sent.doc.text[start - base : end - base], kind,
                 frozenset(reactors) if not outside else frozenset(), frozenset(subjects), frozenset(objects),
                 marker is not None, marker[2] if marker is not None else "", frozenset(genders), pronoun_gender,
                 reported)


def _carry_match(sent: Span, keys: Sequence[frozenset[str]],
                 index: dict[str, tuple[tuple[int, tuple[str, ...], str], ...]],
                 subject_only: bool = False, pronoun_before: int | None = None) -> tuple[int, int, str] | None:
    """The first carried.tsv row of `index` in the sentence: (its first word's position, its length, its
    kind). `subject_only`: a "pronoun" row counts only as a verb's subject ("Il a dénoncé", not "lui");
    `pronoun_before`: and only before that word (the sentence's first country: a pronoun after it may
    stand for that country, "La France a indiqué qu'elle ...")."""
    for first in range(len(keys)):
        # the rows starting with one of this word's keys, in `_carry_rows` order (the first that fits wins)
        starting = sorted({row for key in keys[first] for row in index.get(key, ())})
        for _, words, kind in starting:
            length = _row_length(words, keys, first)
            if length:
                if kind in PRONOUN_KINDS and ((subject_only and not _active_subject(sent[first + length - 1]))
                                          or (pronoun_before is not None and first >= pronoun_before)
                                          or _impersonal(sent[first + length - 1])):
                    continue
                return first, length, kind
    return None


CARRY_SLOT = 2  # words a carried.tsv "*" stands for ("his Colombian counterpart", "her new Lao counterpart")


def _row_length(words: Sequence[str], keys: Sequence[frozenset[str]], first: int) -> int:
    """How many words of the sentence from `first` a carried.tsv row's lemmas match (0: none); its "*" is one to
    CARRY_SLOT words of any kind."""
    if "*" not in words:
        fits = len(words) <= len(keys) - first and all(w in keys[first + i] for i, w in enumerate(words))
        return len(words) if fits else 0
    slot = words.index("*")
    head, tail = words[:slot], words[slot + 1:]
    if not _row_length(head, keys, first):
        return 0
    for filled in range(1, CARRY_SLOT + 1):
        rest = _row_length(tail, keys, first + len(head) + filled)
        if rest:
            return len(head) + filled + rest
    return 0


def _active_subject(token: Token) -> bool:
    """A verb's active subject: "It has been criticised by Morocco", "Elle a été critiquée par la Mauritanie" name
    the thing acted on (a deal, a decision), not a party going on acting."""
    return _subject(token) and not (token.lower_ == "it" and _top_noun(token).dep_ in ("nsubj:pass", "nsubjpass"))


def _reports_only(sent: Span, position: int, country_tokens: Sequence[Token]) -> bool:
    """Whether every country word of the sentence lies in a clause the pronoun's (or the narrative infinitive's)
    verb introduces ("Il a souligné que les États-Unis menacent la région", "Et de souligner que ..."): the
    speaker reports another country's act, he is no side of it."""
    token = sent[position]
    verb = token if token.pos_ in ("VERB", "AUX") and token.dep_ not in _SUBJECT_LIKE else token.head
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > token.i]
    inside = {t.i for c in clauses for t in c.subtree}
    return bool(country_tokens) and all(t.i in inside for t in country_tokens)


def _impersonal(token: Token) -> bool:
    """A pronoun subject of an impersonal verb ("Il s'agit de", "It is clear that", "il faut"): it stands for no one."""
    lang = "fr" if token.doc.lang_ == "fr" else "en"
    return (token.pos_ == "PRON" and token.dep_ in _SUBJECT_LIKE
            and _folded_lemma(token.head) in grammar_words("impersonal_verb", lang))


def pronoun_subject(sent: Span) -> bool:
    """Whether the sentence opens on a personal pronoun as its subject ("Il a évoqué une journée historique",
    "She then left"), not an impersonal one ("Il faut", "It is"): the sentence goes on with an earlier subject."""
    lang = "fr" if sent.doc.lang_ == "fr" else "en"
    words = {row[0] for row, kind in _carry_rows(lang) if kind == "pronoun" and len(row) == 1}  # carried.tsv's
    first = next((t for t in sent if not t.is_punct), None)
    if first is None or first.lower_ not in words:
        return False
    if first.dep_ in _SUBJECT_LIKE:
        return not _impersonal(first)
    after = sent.doc[first.i + 1] if first.i + 1 < sent.end else None
    if after is None:
        return False
    if not first.dep_:  # a sentence naming no country is not parsed: its words alone
        return fold_word(after.lower_) not in grammar_words("impersonal_form", lang)
    # the small model sometimes makes a sentence-opening pronoun the root: its verb is the next word
    return (first.dep_ == "ROOT" and after.pos_ in ("AUX", "VERB")
            and _folded_lemma(after) not in grammar_words("impersonal_verb", lang))


def _narrative_infinitive(sent: Span) -> tuple[int, int, str] | None:
    """A French narrative infinitive as the sentence's main verb ("Et d'ajouter que ...", "Et de conclure"): the
    previous sentence's speaker goes on, as a subject pronoun says (kind "pronoun"). (its position, 1, "pronoun")"""
    root = sent.root
    if root.pos_ != "VERB" or "Inf" not in root.morph.get("VerbForm", []) or any(
            c.dep_ in _SUBJECT_LIKE or c.dep_.startswith(("expl", "csubj")) for c in root.children):
        return None
    marks = [c for c in root.children if c.dep_ in ("mark", "case") and c.i < root.i]
    if not any(_folded_lemma(c) in grammar_words("narrative_infinitive", "fr") for c in marks):
        return None
    return root.i - sent.start, 1, "pronoun"


def _agentless_passive(sent: Span, patients: Iterable[Mention], base: int) -> tuple[int, int, str] | None:
    """A passive verb whose subject is a noun the sentence's one country qualifies and whose agent is left
    unnamed ("A Canadian envoy was summoned", "l'ambassadeur marocain a été convoqué"): the one who acted is
    the other side of the sentence before. Not the country itself ("Poland was criticised"): anyone may
    have. (position of the verb, 1, "passive")"""
    for mention in patients:
        tokens = [t for t in sent if mention.start <= t.idx + base < mention.end]
        if not tokens:
            continue
        top = _top_noun(tokens[-1])
        if top in tokens:
            continue  # "Poland was criticised for ...": by anyone; an envoy, a ship or a citizen of it was acted on
        verb = top.head
        if top.dep_ in ("nsubj:pass", "nsubjpass") and not any(
                c.dep_ in ("obl:agent", "agent") for c in verb.children):
            return verb.i - sent.start, 1, "passive"
    return None


def _folded_lemma(token: Token) -> str:
    return fold_word(token.lemma_.lower())


def _acting_verbs(top: Token, lang: str) -> list[Token]:
    """The verbs a subject noun acts through: the verb it is the subject of, and the verbs under it that
    share that subject (parse_roles.shares_doer: an infinitive or participle clause, a coordinated verb with no subject
    of its own; not the infinitive under "urged Russia to", whose doer is the object)."""
    if top.dep_ != "nsubj" or top.head.i == top.i:
        return []  # a passive's subject undergoes the act (see _agentless_passive)
    main = top.head
    while main.dep_ == "conj" and main.head.i != main.i:
        main = main.head  # "a rejeté ... et exigé": the first verb's
    if main.head.i != main.i:
        return []  # a relative or subordinate clause's subject ("que Washington n'a pas levées") is not the sentence's
    verbs, todo = [], [top.head]
    while todo:
        verb = todo.pop()
        verbs.append(verb)
        under = [*verb.children, *(g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp")]
        todo += [c for c in under if shares_doer(c, lang) and not any(g.dep_ in _SUBJECT_LIKE for g in c.children)]
    return verbs


def _acting_subject(sent: Span, actors: Sequence[Mention], base: int, lang: str,
                    ) -> tuple[bool, tuple[int, int, str] | None]:
    """The sentence's one country as the subject of its main clause, through its own noun ("le gouvernement japonais
    refuse", "China's foreign ministry rejected the accusation", "Turkey became the latest after recalling the
    official"): the side that acts in a sentence naming no other, so the act (a cue of some weight, see
    carried_counterpart) answers or goes on with the previous sentence's relation. (whether the act stays at home,
    the marker: (the main verb's position, 1, "acting"), None when the country is no such subject: a relative
    clause's, a passive's, an object's, a complement's). The act stays at home when the country names a domestic
    body that acts (grammar_words.tsv domestic_body: "Ukraine's parliament", "l'opposition vénézuélienne") or a
    domestic body is the direct object of the act ("criticised the opposition"). A verb whose direct object the act
    itself brings in (grammar_words.tsv indefinite_determiner: "announced a new plan") is about that new thing, no
    marker; "rejected the accusation", "a défendu son droit", "refuse", "said that ..." are."""
    domestic = grammar_words("domestic_body", lang)
    found: tuple[int, int, str] | None = None
    for mention in actors:
        tokens = [t for t in sent if mention.start <= t.idx + base < mention.end]
        if not tokens:
            continue
        top = _top_noun(tokens[-1])
        if top not in tokens and _folded_lemma(top) in domestic:
            return True, None
        while top.dep_ == "conj" and top.head.i != top.i and top.head.pos_ in ("NOUN", "PROPN"):
            top = top.head
        for verb in _acting_verbs(top, lang):
            objects = [c for c in verb.children if c.dep_ in ("obj", "dobj")]
            if any(_folded_lemma(t) in domestic for c in objects for t in c.subtree):
                return True, None  # "rejected the union's criticism of the police": a dispute at home
            if not any(d.dep_ == "det" and d.lower_ in grammar_words("indefinite_determiner")
                       for c in objects for d in c.children):
                found = found or (verb.i - sent.start, 1, "acting")
    return False, found


def carried_counterpart(carry: Carry, mentions: Sequence[Mention], previous: Sequence[Mention],
                        previous_carry: Carry | None, acts: bool = True) -> str | None:
    """The one country the sentence's reactors face when the sentence names only them: "Le Tchad et le
    Niger ont fait de même" (ellipsis) after "A et B ont normalisé leurs relations avec C" is C; "Séoul
    dénonce une provocation" (reaction) after "Le tir de missile nord-coréen de lundi" is North Korea.

    Ellipsis, or a reaction after a reaction: the one actor country of the previous sentence that is
    neither its subject nor a reactor here (the previous reactors stand on the same side). Reaction after
    an act: the one actor country of the previous sentence besides the reactors, else its one subject
    (the act's author). A continuation marker (MARKER_KINDS, `continued_counterpart`) only where the
    sentence names an act (`acts`: a cue of some weight). Counterpart ("son homologue macédonien", "Son homologue, Raúl Castro" after a sentence
    on another country's leader): the sentence's one country faces the one other actor country of the
    previous sentence, which may name it alone (the official whose counterpart this one is). None whenever the sentence names a country in an object or complement (it names
    its own counterpart), the previous sentence names fewer than two actor countries (it reports an act
    between countries, not what one country says it saw), or it leaves more than one candidate
    (precision first)."""
    if (carry.kind == "pronoun" or carry.marker_kind == "pronoun") and not _pronoun_fits(
            carry, mentions, previous, previous_carry):
        return None
    if carry.kind in MARKER_KINDS:
        return _marked_counterpart(carry.kind, mentions, previous, previous_carry) if acts else None
    found = _triggered_counterpart(carry, mentions, previous, previous_carry)
    if found is None and carry.marked and acts:
        return _marked_counterpart(carry.marker_kind, mentions, previous, previous_carry)
    return found


def _gender(noun: Token) -> set[str]:
    """A French noun's genders, from its own features and its determiner's ("le Maroc", "la France")."""
    # both: "la ministre" may leave its noun read as masculine, its article says feminine
    return set(morph_values(noun, "Gender")) | {g for c in noun.children if c.dep_ == "det"
                                                for g in morph_values(c, "Gender")}


def _pronoun_fits(carry: Carry, mentions: Sequence[Mention], previous: Sequence[Mention],
                  previous_carry: Carry | None) -> bool:
    """Whether a going-on pronoun may stand for the previous sentence's subject: in French its gender agrees
    with that subject's noun ("Le Maroc a dénoncé la décision. Elle a été critiquée": the decision, not Morocco);
    a speaker whose verb only introduces a clause naming his sentence's countries reports their act, and
    goes on with a third country only where the previous sentence named no pair ("Il a souligné que les
    États-Unis menacent la région" after a Russian-Iranian meeting: no side)."""
    genders = previous_carry.subject_genders if previous_carry is not None else frozenset()
    if carry.pronoun_gender and genders and carry.pronoun_gender not in genders:
        return False
    if carry.reported:
        named = {m.country for m in previous if m.kind not in ("anaphora", "reference")}
        # a third country beside a pair just named; after the speaker's country alone, it is his counterpart
        return len(named) < 2 or bool(named & {m.country for m in mentions if m.kind not in ("anaphora", "reference")})
    return True


def _marked_counterpart(kind: str, mentions: Sequence[Mention], previous: Sequence[Mention],
                        previous_carry: Carry | None) -> str | None:
    """`continued_counterpart` for a marker of `kind`. "He then criticised China" after "The UN chief met Japan's
    prime minister": a pronoun stands for the previous sentence's subject, so only a subject country of that
    sentence is the counterpart, or the sentence's own country (whatever trigger the sentence has besides: "Il a
    ensuite condamné la Russie")."""
    found = continued_counterpart(mentions, previous)
    if kind == "pronoun":
        # the pronoun's country, a subject there, is the counterpart or the sentence's own ("Il a ensuite condamné
        # l'attaque contre la France" after "Paris a convoqué l'ambassadeur d'Israël")
        subjects = previous_carry.subjects if previous_carry is not None else frozenset()
        own = {m.country for m in mentions if m.role == "actor" and m.kind not in ("anaphora", "reference")}
        if own & subjects:
            return found
        # the pronoun goes on with the previous sentence's one acting subject, whatever else that sentence
        # names ("Azerbaijan insisted ..., after mediation by A, B and C failed. It then pressed Turkey")
        speaker = subjects - own
        return next(iter(speaker)) if len(own) == 1 and len(speaker) == 1 and "+" not in next(iter(speaker)) else None
    return found


_COUNTERPART_PLACE_GAP = 6  # characters from "son homologue"/"his counterpart" to its place (" à ", " in ", " en ")


def _meeting_place(m: Mention, carry: Carry) -> bool:
    """A place the meeting with "son homologue" is held in: before the counterpart word in its sentence
    ("s'est entretenu lundi à Madrid avec son homologue") or right after it ("his counterpart in Vienna"); not
    a place further on inside a noun's phrase ("son homologue lors d'un point de presse à Rome",
    "au sujet des réfugiés en Somalie"), a venue or a dateline."""
    if m.role != "place" or m.kind in ("anaphora", "reference") or _VENUE_DECIDED.search(m.detail) \
            or "dateline" in m.detail:
        return False
    return m.end <= carry.start or 0 <= m.start - carry.end <= _COUNTERPART_PLACE_GAP


def _triggered_counterpart(carry: Carry, mentions: Sequence[Mention], previous: Sequence[Mention],
                           previous_carry: Carry | None) -> str | None:
    """`carried_counterpart` for a carried.tsv trigger (ellipsis, reaction, counterpart)."""
    if not carry.kind or not (carry.reactors or carry.kind == "counterpart"):
        return None
    own = {m.country for m in mentions if m.role == "actor" and m.kind not in ("anaphora", "reference")}
    if own != set(carry.reactors) and carry.kind != "counterpart":
        return None  # a counterpart may be parsed as the object of an inverted reporting verb ("a dit son homologue")
    named = {m.country for m in previous if m.role == "actor" and m.kind not in ("anaphora", "reference")
             and "+" not in m.country}
    if carry.kind == "counterpart":
        # "s'est entretenu à Madrid avec son homologue": the sentence names another country as the meeting's
        # place (not a venue or a dateline), whose official the counterpart may be: no guess from the sentence
        # before (the place's own rules may make it the counterpart: place_counterpart)
        if any(_meeting_place(m, carry) and m.country not in own for m in mentions):
            return None
        # "son homologue macédonien": the one who holds the same post in the one other country just named
        others = named - own
        return next(iter(others)) if len(own) == 1 and len(others) == 1 else None
    before = named - own
    subjects = set(previous_carry.subjects) if previous_carry else set()
    if len(named) < 2:
        # one country alone may be the act's reporter, not its author ("Seoul detected a launch"), unless it
        # is named there as no verb's subject ("le tir de missile nord-coréen de lundi"): the act's owner
        alone = carry.kind == "reaction" and len(before) == 1 and not before & subjects and previous_carry is not None
        return next(iter(before)) if alone else None
    if carry.kind == "ellipsis" or (previous_carry is not None and previous_carry.kind
                                    and previous_carry.kind not in MARKER_KINDS):
        candidates = before - subjects
    else:
        candidates = before if len(before) == 1 else before & subjects
    return next(iter(candidates)) if len(candidates) == 1 else None


def continued_counterpart(mentions: Sequence[Mention], previous: Sequence[Mention]) -> str | None:
    """The counterpart of a sentence that names one country and marks that it goes on with the previous
    sentence's relation (carried.tsv "continuation": "pour sa part", "in response"; a subject "pronoun":
    "Il a dénoncé", "his country"; an agentless "passive": "the envoy was summoned"): the one acting
    country of the previous sentence besides its own, which may be named there alone ("Lithuania closed
    two border crossings. In response, the Belarusian government recalled its envoy."). None when the previous sentence names
    no other acting country, or two (precision first)."""
    own = {m.country for m in mentions if m.role == "actor" and m.kind not in ("anaphora", "reference")}
    named = {m.country for m in previous if m.role == "actor" and m.kind not in ("anaphora", "reference")
             and "+" not in m.country}
    others = named - own
    return next(iter(others)) if len(own) == 1 and "+" not in next(iter(own)) and len(others) == 1 else None


# --- the one place of a lone actor's act: its counterpart ---------------------------------------------------

_PLACE_WORDS = re.compile(r"[\w'’-]+")
_VENUE_DECIDED = re.compile(r"\bvenue\b|where the mission an act hit stands")
PARTICIPLE_REACH = 3  # words read back from a place for "réuni", "basé", "forum" (its preposition and article between)
INCIDENT_REACH = 5  # words read back from a place for an incident ("l'attentat commis mercredi à Kaboul")


@cache
def _sovereigns() -> dict[str, str]:
    """territories.tsv: a territory's code -> the state it belongs to."""
    return {row["code"]: row["sovereign"] for row in data_rows("territories.tsv")}


_OF_WORDS = frozenset({"de", "d'", "du", "des"})


def _words_before(text: str, end: int, reach: int) -> list[str]:
    """The folded words of `text` before `end` (up to `reach` characters back), an elided article cut off
    ("l'accord" -> "accord")."""
    words = _PLACE_WORDS.findall(text[max(0, end - reach) : end].replace("’", "'"))
    return [fold_word(w.rsplit("'", 1)[1] if "'" in w[:-1] else w) for w in words]


def _names_an_act(place: Mention, text: str, offset: int = 0) -> bool:
    """A capital naming a treaty, a summit or talks ("l'accord de Paris", "la Convention de Vienne", "le sommet
    de Pékin": roles.tsv venue_noun): the act's name, not where the sentence's act is done. With no
    text, every place counts. `offset`: where `text` starts in Article.text."""
    if place.kind != "capital" or not text:
        return False
    before = _words_before(text, place.start - offset, 40)
    return len(before) >= 2 and before[-1] in _OF_WORDS and before[-2] in role_words("fr").get("venue_noun", ())


def place_counterpart(mentions: Sequence[Mention], carry: Carry, lang: str, text: str,
                      offset: int = 0) -> Mention | None:
    """French: a sentence naming one acting country and one other country, only as a place ("le Soudan
    rappelle son ambassadeur en poste dans la capitale éthiopienne", "M. X est arrivé dans la capitale mauritanienne pour
    une visite", "avait rencontré des dirigeants en Arabie saoudite", "offrir des discussions à New Delhi"):
    the act of the one actor is done there, to or with that country, its counterpart. An actor mention of
    kind "reference" at the place's words, which the caller pairs with the actor.

    None when the sentence names a country in any other role (a topic, a witness, a mediator: the place
    may be a third party's), two places, or two actors (their own pair); when the actor only undergoes the
    act, a verb's direct object or a passive verb's subject ("ont battu l'Algérie à Yaoundé", "a suspendu le
    Gabon ..., réuni à Addis-Abeba", "des soldats russes ont été tués en Syrie": the place is where someone
    else acted on it); when the place is where a body meets or is based
    (grammar_words.tsv venue_participle: "réuni à", "basé en") or an event is held (venue_event: "une
    conférence de presse à Paris", "un forum à Singapour"); or when the place belongs to the actor
    (territories.tsv: "La France a signé à Saint-Denis de La Réunion"); or when the place is where an
    incident happened (grammar_words.tsv incident_noun: "a condamné l'attentat commis à Kaboul") or where the
    object of the act was signed (object_participle after a noun: "a salué l'accord signé à Washington", not
    "a signé à Madrid"). A capital naming a treaty or a
    summit ("l'accord de Paris") is no place of the act. `text` holds the mentions' words from `offset` of
    Article.text on."""
    if lang != "fr":
        return None
    actors = {m.country for m in mentions if m.role == "actor" and m.kind not in ("anaphora", "reference")}
    places = [m for m in mentions if m.role == "place" and m.country not in actors and not _names_an_act(m, text, offset)]
    others = {m.country for m in mentions if m.role not in ("actor", "place")} - actors
    if len(actors) != 1 or len({m.country for m in places}) != 1 or others or actors <= carry.objects:
        return None
    actor = next(iter(actors))
    if "+" in actor or any("+" in m.country for m in places):
        return None
    if _sovereigns().get(places[0].country) == actor:
        return None
    if any(_VENUE_DECIDED.search(m.detail) for m in places):
        return None  # the role rules already made it a venue ("arrivé à New Delhi pour le sommet du G20")
    venue = grammar_words("venue_participle", "fr") | grammar_words("venue_event", "fr")
    for place in places:
        before = _words_before(text, place.start - offset, 60)
        if any(w in venue for w in before[-PARTICIPLE_REACH:]):
            return None
    signed, verb_start = grammar_words("object_participle", "fr"), grammar_words("verb_start", "fr")
    for place in places:
        before = _words_before(text, place.start - offset, 60)[-PARTICIPLE_REACH - 1:]
        if any(w in signed and i and before[i - 1] not in verb_start for i, w in enumerate(before)):
            return None  # "a salué l'accord signé à Washington": where the object was signed, not the actor's act
    incident = grammar_words("incident_noun", "fr")
    if any(w in incident for place in places for w in _words_before(text, place.start - offset, 60)[-INCIDENT_REACH:]):
        return None  # where an attack or a disaster happened: the actor reacts to it, not to that country
    place = places[0]
    return Mention(place.start, place.end, place.text, place.country, "reference", "actor",
                   f"'{place.text}': the place of the one actor's act ({actor}), its counterpart")


# --- "les deux pays" facing a third country: the pair as one side ---------------------------------------------

def pair_facing(anaphora: Sequence[Mention], mentions: Sequence[Mention], phrases: Sequence[AnaphoraPhrase],
                ) -> tuple[list[Mention], frozenset[str]]:
    """A "les deux pays"-like phrase's two countries as one side facing the sentence's own actor countries,
    where none of those is in the phrase's pair and the phrase is a verb's object or complement
    (`AnaphoraPhrase.addressed`: "La France a appelé les deux pays au calme", "urged both countries to"), or the
    phrase is a verb's subject and each of those countries is named within its objects or complements
    (`AnaphoraPhrase.acts_on`: "Both countries expelled French troops", "les deux voisins ont convoqué
    l'ambassadeur turc"): the phrase's mentions become reference mentions,
    which pair with the third country, and the pair's own countries are returned so the caller sets their
    pair aside as one side (as a numbered group facing a country of its sentence is: `group_mentions`).
    Where the sentence names a country of the pair itself ("Washington ... tensions entre les deux
    puissances"), the phrase keeps its twin-only reading: the third country may only be spoken of."""
    own = {m.country for m in mentions if m.role == "actor" and m.kind not in ("anaphora", "reference")
           and "+" not in m.country}
    named = [m for m in mentions if m.role == "actor" and m.kind not in ("anaphora", "reference")
             and "+" not in m.country]
    addressed = {(p.start, p.end) for p in phrases if p.addressed or (p.acts_on and named and all(
        any(a <= m.start < b for a, b in p.acts_on) for m in named))}
    by_phrase: dict[tuple[int, int], list[Mention]] = {}
    for mention in anaphora:
        if mention.kind == "anaphora":
            by_phrase.setdefault((mention.start, mention.end), []).append(mention)
    out: list[Mention] = []
    side: set[str] = set()
    for mention in anaphora:
        twins = by_phrase.get((mention.start, mention.end), [])
        pair = {m.country for m in twins}
        if mention.kind == "anaphora" and len(pair) == 2 and own and not own & pair and (
                mention.start, mention.end) in addressed:
            side |= pair
            out.append(replace(mention, kind="reference",
                               detail=f"{mention.detail}, one side facing {', '.join(sorted(own))}"))
        else:
            out.append(mention)
    return out, frozenset(side)


# --- "the three countries": the group the sentence before names (anaphora.tsv group:N) -----------------------

def group_mentions(phrases: Sequence[AnaphoraPhrase], mentions: Sequence[Mention],
                   before: Sequence[Sequence[Mention]], text: str) -> tuple[list[Mention], frozenset[str]]:
    """The mentions of each "the three countries"-like phrase, and the countries standing as one side.

    The group is the nearest earlier body sentence (of `before`, nearest first, the title last and left
    out) naming at least N actor countries: its coordination of exactly N countries, else its N actor
    countries when it names exactly N; nothing when it names more and no such coordination. With an actor
    country of its own outside the group ("handed to the ambassadors of the three countries by the
    Tanzanian minister"), the group is one side: reference mentions, which pair with that country, their
    pairs among themselves set aside by the caller (the returned countries). Without one, anaphora
    mentions of one phrase: its members pair with each other only, as "les deux pays" does. A group
    holding a country its own sentence names beside the phrase is a misread group: nothing."""
    found: list[Mention] = []
    side: set[str] = set()
    own = {m.country for m in mentions if m.role == "actor" and m.kind not in ("anaphora", "reference")}
    for phrase in (p for p in phrases if p.group):
        group = _group_before(phrase.group, before[:-1], text, facing=bool(own))
        if not group or own & set(group):
            continue  # a country named beside "the three countries" is none of them: a wrong group
        outside = own - set(group)
        kind = "reference" if outside else "anaphora"
        if outside:
            side |= set(group)
        found += [Mention(phrase.start, phrase.end, phrase.phrase, country, kind, "actor",
                          f"'{phrase.phrase}' = the group the sentence before names ({', '.join(group)})")
                  for country in group]
    return found, frozenset(side)


def _group_before(size: int, before: Sequence[Sequence[Mention]], text: str, facing: bool = False) -> list[str]:
    for sentence in before:
        actors = [m for m in sentence if m.role == "actor" and m.kind not in ("anaphora", "reference")
                  and "+" not in m.country]
        named = list(dict.fromkeys(m.country for m in actors))
        if len(named) < size:
            continue
        runs = [list(dict.fromkeys(m.country for m in run)) for run in coordinations(actors, text)]
        exact = [run for run in runs if len(run) == size]
        if len(exact) == 1:
            return exact[0]
        return named if len(named) == size and not exact else []
    # none names N acting countries, and the group faces a country of its own sentence (`facing`): the nearest
    # sentence naming exactly N countries in another role ("tariffs aimed at A, B and C"; not a past leader's, a
    # mediator's or a witness's) names the group a reader counts. Not for a group alone ("Floods hit A, B and C. The
    # three countries appealed for aid"): places are no side, and its members would be paired with each other.
    if not facing:
        return []
    for sentence in before:
        others = list(dict.fromkeys(m.country for m in sentence if m.role != "actor" and m.role not in
                                    _NAMED_ROLES_EXCLUDED and m.kind not in ("anaphora", "reference")
                                    and "+" not in m.country))
        if len(others) >= size:
            return others if len(others) == size else []
    return []


def described_group(mentions: Sequence[Mention], phrases: Sequence[AnaphoraPhrase]) -> list[Mention]:
    """The mentions left once those inside a group phrase's modifiers are taken out: a demonym there describes the
    group ("the two Central African neighbours", "both Gulf monarchies' rivals" read by the slot), it names no
    country of its own."""
    spans = [(p.start, p.end) for p in phrases if p.modified]
    return [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)]
