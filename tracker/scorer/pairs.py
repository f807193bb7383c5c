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
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
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
from tracker.scorer.mentions.gazetteer import SLOT
from tracker.scorer.mentions.pieces import fold_word
from tracker.scorer.mentions.wordlists import grammar_words, role_words

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
    if top is None or top.dep_ in _SUBJECT_DEPS or top.dep_ in ("nmod", "nmod:poss", "poss", "compound"):
        return False
    if any(c.dep_ in _CASE_DEPS and c.lower_ in grammar_words("between") for c in top.children) or (
            top.head.dep_ in _CASE_DEPS and top.head.lower_ in grammar_words("between")):
        return False  # "reprendre les pourparlers entre les deux pays": their own relation
    if _pressed_to(top):
        return True
    head = top.head
    if head.dep_ in _CASE_DEPS and head.head.i != head.i:  # English: the preposition's own head
        head = head.head
    return head.i != top.i and head.pos_ in ("VERB", "AUX")


def _pressed_to(top: Token) -> bool:
    """A phrase followed by what it is pressed to do, an infinitive hanging on it with "à"/"de"/"to" (grammar_words.tsv
    appeal_infinitive: "a appelé, mercredi, les deux pays à revenir au dialogue"): the one pressed, whatever the small
    model made of the phrase itself (it may hang it on a comma)."""
    lang = "fr" if top.doc.lang_ == "fr" else "en"
    return any(c.dep_ in ("acl", "xcomp") and c.pos_ == "VERB" and c.i > top.i and any(
        m.dep_ in ("mark", "aux") and fold_word(m.lower_) in grammar_words("appeal_infinitive", lang)
        for m in c.children if m.i < c.i) for c in top.children)


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
    if top is None or top.dep_ not in _SUBJECT_DEPS or top.head.pos_ not in ("VERB", "AUX"):
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
    # addressed by the sentence's own country ("Paris a exhorté les deux parties"): the two others
    addressed = _nearest_pair(before, main_pair, own) if own else None
    plain = [(p, pick or main_pair, "the previous sentence's pair" if pick else "the article's pair")
             for p in phrases if not p.other and not p.pair_act and not p.group
             for pick in [addressed if p.addressed else nearest]]
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
            if all(m.role == "place" and (m.kind == "capital" or m.place_as == "capital")
                   and _after_meeting(text, m.start, words) for m in own)}


VENUE_REACH = 40  # characters before a capital read for a word of a meeting ("met mediators from the region in")


def _after_meeting(text: str, start: int, words: frozenset[str]) -> bool:
    """Whether a word of `words` stands within VENUE_REACH characters before `start`, in the same clause."""
    window = re.split(r"[.;:!?]", text[max(0, start - VENUE_REACH):start])[-1]
    return any(fold_word(w) in words for w in re.findall(r"[^\W\d_]+", window.lower()))


def _nearest_pair(before: Sequence[Sequence[Mention]] | None, main_pair: tuple[str, str],
                  own: set[str] | frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """The pair "les deux pays" names when the nearest earlier body sentence naming two or more actor
    countries names exactly two, and no body sentence within reach names both of the article's pair (see
    the module's notes): a reader takes the two just named. None (the article's pair) otherwise. `own`: the
    sentence's own actor countries, which the phrase does not name ("Paris a exhorté les deux parties" after a
    sentence on Washington, Djibouti and Eritrea: Djibouti and Eritrea), so they are left out of the sentences
    before; an article's pair holding one of them is no candidate either. Only for a phrase they address (a verb's
    object): "l'approche des deux pays" beside Tillerson may well be the article's pair holding his country."""
    named_before = [sorted({m.country for m in sentence if m.role == "actor" and m.kind not in ("anaphora", "reference")
                            and "+" not in m.country})
                    for sentence in (before or [])[:-1]]  # the title, last, names the article's pair
    first = next((named for named in named_before if len(named) >= 2), None)
    if own and first is not None and len(first) == 2 and set(first) & set(own):
        return (first[0], first[1])  # the speaker is one of the two just named ("Moscow invited the two sides")
    sentences = [sorted(set(named) - set(own)) for named in named_before]
    nearest = next((named for named in sentences if len(named) >= 2), None)
    if nearest is None or len(nearest) > 2 or set(nearest) == set(main_pair):
        return None
    if not set(own) & set(main_pair) and any(set(main_pair) <= set(named) for named in sentences):
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
    if any(m.country == country and m.describes for m in actors):
        return "named to describe another country"
    return "the target of an act named with its agent"


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
