"""Cues done by a body that is no state: no country's act.

An act whose doer is an alliance, an international organisation or an armed or political group
(data/roles.tsv lists `non_state_agent`, `group_noun` and `non_state_party`) is not the act of a country
named near it: "des miliciens venus du Niger ont ensuite lancé une attaque" (invented) is no attack by
Niger, "the UN Security Council, which threatened sanctions" (invented) threatens neither of the states it meets,
and "les frappes de l'Otan sur la Serbie" (invented) are no act of the country that recalls them. Such a cue is dropped before pairs are scored; the
countries stay where they are and pair through the sentence's other cues only.

The doer is read from the parse (parse_roles.doer): a verb's subject (through "which"/"qui" to the noun a relative
clause hangs on, and up to the verb a dependent verb hangs on: "sont entrés ... avant de lancer"), or the object of
an object-control verb above it ("the UN urged Russia to stop attacking": Russia's act, kept); an act noun's
"par"/"by" agent, or its de/of complement when that is such a body ("les frappes de l'Otan"); an act noun
carried by a verb of `act_carrier` ("staged an attack") takes that verb's doer. An act noun that a body
only reacts to ("the EU welcomed the accord") is not the body's act. A doer with a state
beside it keeps the cue: a country word on the act ("frappes saoudiennes"), or coordinated with the body
("les États-Unis et l'UE ont imposé des sanctions"). A state's act on such a group ("Paris arme des
rebelles": support for a state's armed opponents) is done by a state and stays.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from tracker.records import Cue
from tracker.scorer.mentions.gazetteer import mention_index
from tracker.scorer.mentions.pieces import fold_word, phrase_key
from tracker.scorer.mentions.wordlists import role_words
from tracker.scorer.parse_roles import (
    AGENT_DEPS,
    BY_PREPOSITIONS,
    OF_PREPOSITIONS,
    RELATIVE_DEPS,
    antecedent,
    doer,
    preposition_of,
)

_RELATIVES = frozenset({"which", "that", "who", "qui"})
_AGENT_PREPOSITIONS = BY_PREPOSITIONS
_COUNTRY_KINDS = ("name", "capital", "demonym", "institution")
_VERB_CLIMB = 3
_PHRASE_WIDTH = 2  # words read on either side of the doer's head for a body's name ("Conseil de sécurité")
_NON_STATE_LISTS = ("non_state_agent", "group_noun", "non_state_party")
_OWNER_DEPS = {"amod", "compound", "poss", "nmod:poss"}


def state_cues(cues: Sequence[Cue], sent: Span, lang: str, base: int = 0) -> tuple[list[Cue], list[str]]:
    """The cues but those whose doer is a body that is no state (see the module's notes), and the
    names of the bodies whose cues were dropped."""
    kept: list[Cue] = []
    doers: list[str] = []
    for cue in cues:
        doer = _non_state_doer(cue, sent, lang, base)
        if doer is None:
            kept.append(cue)
        else:
            doers.append(doer)
    return kept, doers


def _non_state_doer(cue: Cue, sent: Span, lang: str, base: int) -> str | None:
    start, end = cue.start - base, cue.end - base
    tokens = [t for t in sent if start <= t.idx < end]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    return _doer(root, lang, inside)


def _doer(token: Token, lang: str, inside: set[int]) -> str | None:
    """The name of the non-state body doing the act `token` names, or None (a state, or nobody named)."""
    if token.pos_ in {"NOUN", "PROPN"}:
        if any(_is_country(c, lang) for c in token.children if c.i not in inside and c.dep_ not in {"case"}
               and c.i < token.i):
            return None  # "frappes saoudiennes", "Russia's strikes": a state's act
        outside = [c for c in token.children if c.i not in inside]
        agent = next((c for c in outside if c.dep_ in AGENT_DEPS or preposition_of(c) in _AGENT_PREPOSITIONS), None)
        if agent is not None:  # "les frappes sur Belgrade par l'Otan"
            return _body(agent, lang)
        of = [c for c in outside if preposition_of(c) in OF_PREPOSITIONS]
        body = next((found for found in (_body(c, lang) for c in of) if found), None)
        if body is not None or any(_is_country(c, lang) for c in of):
            return body  # "les frappes de l'Otan"; "les frappes de la Russie" may be Russia's own
        verb = token.head
        if verb.pos_ == "VERB" and _carries(verb, lang):  # "staged an attack": the verb's doer does it
            return _verb_doer(verb, lang, inside)
        return None  # "the EU welcomed the accord": a reaction to an act named as a noun, not that act
    if token.pos_ in {"VERB", "AUX"}:
        return _verb_doer(token, lang, inside)
    return None


def _verb_doer(verb: Token, lang: str, inside: set[int]) -> str | None:
    demanded = role_words(lang).get("demanded", frozenset())
    subjects, path = doer(verb, lang, _VERB_CLIMB)  # "the UN urged Russia to stop attacking": Russia attacks
    for current in path:
        if any(fold_word(t.lemma_ or t.text) in demanded or fold_word(t.text) in demanded
               for t in (current, *(c for c in current.children if c.dep_.startswith("aux")))):
            return None  # "l'UE doit sanctionner X": someone's demand, not the body's act
    subjects = [s for s in subjects if s.i not in inside]
    if not subjects:
        return None
    subject, current = subjects[0], path[-1]
    if fold_word(subject.text) in _RELATIVES and current.dep_ in RELATIVE_DEPS:
        subject = antecedent(subject, current)  # "the council, which warned of sanctions"
    return _body(subject, lang)


def _carries(verb: Token, lang: str) -> bool:
    """A verb of `act_carrier`, by its lemma or, as the small models often miss the lemma ("staged" -> "stag"),
    by its form starting with the word less its last letter ("stage" -> "staged", "mener" -> "menée")."""
    words = role_words(lang).get("act_carrier", frozenset())
    form = fold_word(verb.text)
    return fold_word(verb.lemma_ or verb.text) in words or any(
        len(word) > 4 and form.startswith(word[:-1]) for word in words)


def _body(head: Token, lang: str) -> str | None:
    """The non-state body `head` names ("l'Otan", "the United Nations Security Council", "des militants"),
    or None when it names none or a state stands coordinated with it ("les États-Unis et l'UE")."""
    if _is_country(head, lang) or any(_is_country(c, lang) for c in head.conjuncts):
        return None
    lists = role_words(lang)
    if _backed(head, lang, lists):
        return None  # "a rebel force backed by Khartoum attacked": the backer acts through it
    doc = head.doc
    low, high = max(head.sent.start, head.i - _PHRASE_WIDTH), min(head.sent.end, head.i + _PHRASE_WIDTH + 1)
    for first in range(low, head.i + 1):
        for last in range(head.i, high):
            key = phrase_key(doc[first : last + 1].text)
            if key in lists.get("non_state_agent", ()) and _state_owned([head, *doc[first : last + 1]], lang):
                return None  # "le Haut Conseil de sécurité algérien", "Iran's National Security Council"
            if any(key in lists.get(name, ()) for name in _NON_STATE_LISTS):
                return doc[first : last + 1].text
    lemma = fold_word(head.lemma_ or head.text)
    if any(lemma in lists.get(name, ()) for name in _NON_STATE_LISTS):
        return head.text
    if lemma in lists.get("named_group", ()) or fold_word(head.text) in lists.get("named_group", ()):
        return _named(head, lang)
    return None


def _state_owned(words: Sequence[Token], lang: str) -> bool:
    """An institution's name owned by a country ("algérien", "Turkish", "Iran's" on one of its words) names
    that state's own body, not the international one of the same name."""
    return any(child.dep_ in _OWNER_DEPS and _is_country(child, lang) for word in words for child in word.children)


def _backed(head: Token, lang: str, lists: dict[str, frozenset[str]]) -> bool:
    """A country named as the backer in the doer's words ("the Rwanda-backed front", "des milices
    soutenues par l'Iran": roles.tsv backing_after, backed_by)."""
    words = lists.get("backing_after", frozenset()) | {p.split()[0] for p in lists.get("backed_by", ()) if p}
    subtree = list(head.subtree)
    return any(fold_word(t.text) in words for t in subtree) and any(_is_country(t, lang) for t in subtree)


def _named(head: Token, lang: str) -> str | None:
    """A group noun with its own name beside it ("the Karo group", "le groupe Wagner"): a capitalised
    word that is no country's, before the noun in English, after it in French."""
    at = head.i - 1 if lang == "en" else head.i + 1
    if not head.sent.start <= at < head.sent.end:
        return None
    name = head.doc[at]
    if not name.text[:1].isupper() or _is_country(name, lang) or name.pos_ not in {"PROPN", "NOUN", "ADJ"}:
        return None
    return f"{name.text} {head.text}" if lang == "en" else f"{head.text} {name.text}"


def _is_country(token: Token, lang: str) -> bool:
    return mention_index(lang).has_kind(phrase_key(token.text), _COUNTRY_KINDS)
