"""Who does a verb's act, read from the dependency parse: one reading for every module that asks.

cue_targets.py (a cue's acting side), cue_agents.py (a cue done by a body that is no state) and counterparts.py
(the verbs a subject acts through) all climb from a verb with no subject of its own to the verb it
depends on: "decided to cut ties", "sont entrés ... avant de lancer un assaut", "after recalling". Here is
that climb, with one set of relations, and its one exception: under a verb of data/roles.tsv
`object_control` the doer of the dependent verb is that verb's OBJECT ("the UN urged Russia to stop
attacking": Russia attacks; "l'ONU a exhorté la Russie à retirer ses troupes"; "a demandé à la Serbie de
reconnaître": Serbia recognises). A subject the parse gives a verb from inside an object relative clause
("La Turquie, que la Grèce accuse ..., a signé": Greece is "accuse"'s subject, not "signé"'s) is none.
"""

from __future__ import annotations

from spacy.tokens import Token

from tracker.scorer.cues.words import norm
from tracker.scorer.mentions.pieces import fold_word
from tracker.scorer.mentions.wordlists import role_words

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
AGENT_DEPS = frozenset({"obl:agent", "agent"})  # "considéré par Séoul", "was condemned by Canada"
# a verb that depends on another with no subject of its own shares its doer ("decided to follow", "avant de
# lancer", "a rejeté ... et exigé", "after recalling": pcomp under a preposition)
DEPENDENT_VERB_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp"})
RELATIVE_DEPS = frozenset({"relcl", "acl:relcl"})
# what introduces an act noun's owner or doer: "le soutien de la France", "les frappes de l'Otan", "the strikes of"
OF_PREPOSITIONS = frozenset({"de", "du", "des", "d'", "of"})
BY_PREPOSITIONS = frozenset({"par", "by"})  # an act noun's agent: "les frappes sur Belgrade par l'Otan"
# an object-control verb's object: "urged Russia", "a exhorté la Russie", "a demandé à la Serbie", "called on Russia"
_OBJECT_DEPS = frozenset({"obj", "dobj", "iobj", "dative", "obl:arg"})
_OBJECT_PREPOSITIONS = frozenset({"on", "upon"})
# pronouns that open an object relative clause: a subject right after one is that clause's
_OBJECT_RELATIVES = frozenset({"que", "qu'", "which", "that", "whom"})
VERBS = frozenset({"VERB", "AUX"})
NOUNS = frozenset({"NOUN", "PROPN"})


def preposition_of(token: Token) -> str:
    """The preposition a dependant is introduced by: its "case" child (UD) or itself (ClearNLP "prep"), lower case
    with accents kept (as cue_words.tsv writes them: "après", "malgré")."""
    if token.dep_ == "prep":
        return norm(token.text)
    case = next((c for c in token.children if c.dep_ == "case"), None)
    return norm(case.text) if case is not None else ""


def own_subjects(verb: Token) -> list[Token]:
    """The verb's own subject or agent, but a subject the parse took from an object relative clause before
    it ("que la Grèce accuse"): that one acts in the relative clause."""
    found = [c for c in verb.children if c.dep_ in SUBJECT_DEPS or c.dep_ in AGENT_DEPS]
    return [s for s in found if not _in_object_relative(s, verb)]


def _in_object_relative(subject: Token, verb: Token) -> bool:
    """A subject right after "que"/"which"/"that" whose verb is another clause's: the verb is no relative
    clause's, or a comma closes the inserted clause between the subject and the verb."""
    start = subject.left_edge.i
    before = subject.doc[start - 1] if start > subject.sent.start else None
    if before is None or fold_word(before.text) not in _OBJECT_RELATIVES or before.pos_ not in {"PRON", "SCONJ"}:
        return False
    if before.pos_ == "SCONJ" and before.dep_ == "mark" and before.head.i == verb.i:
        return False  # "a indiqué que le Conseil avait imposé", "said that Russia had": the verb's own clause
    if verb.dep_ not in RELATIVE_DEPS:
        return True
    return subject.i < verb.i and any(t.text == "," for t in subject.doc[subject.right_edge.i + 1 : verb.i])


def controller(verb: Token, lang: str) -> Token | None:
    """The object that does `verb`'s act when `verb` depends on an object-control verb that has one ("urged
    Russia to stop", "a exhorté la Russie à retirer", "called on Russia to withdraw", "a demandé à la Serbie de
    reconnaître", where the parse hangs the infinitive on the noun); None otherwise ("decided to cut ties")."""
    head = verb.head
    if head.i == verb.i:
        return None
    control = role_words(lang).get("object_control", frozenset())
    if verb.dep_ == "acl" and head.pos_ in NOUNS and head.dep_ in _OBJECT_DEPS and _lemma(head.head) in control:
        return head
    if verb.dep_ != "xcomp" or head.pos_ not in VERBS or _lemma(head) not in control:
        return None
    for child in head.children:
        if child.i == verb.i:
            continue
        if child.dep_ in _OBJECT_DEPS:
            return child
        if child.dep_ == "prep" and fold_word(child.text) in _OBJECT_PREPOSITIONS:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def governing_verb(verb: Token) -> Token | None:
    """The verb whose doer `verb` shares (see DEPENDENT_VERB_DEPS), or None."""
    if verb.dep_ not in DEPENDENT_VERB_DEPS or verb.head.i == verb.i:
        return None
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":  # "joined ... before heading to"
        head = head.head
    return head if head.pos_ in VERBS else None


def shares_doer(verb: Token, lang: str) -> bool:
    """A dependent verb that acts for the subject of the verb it hangs on (no subject nor controlling object)."""
    return (verb.pos_ in VERBS and governing_verb(verb) is not None and not own_subjects(verb)
            and controller(verb, lang) is None)


def doer(verb: Token, lang: str, climb: int) -> tuple[list[Token], list[Token]]:
    """(the tokens naming who does `verb`'s act, the verbs climbed through from `verb` to where they were found or
    the climb stopped). The doer is the verb's own subject or agent, else a controlling object, else the doer of
    the verb it depends on, at most `climb` verbs up."""
    path = [verb]
    current = verb
    for _ in range(climb + 1):
        subjects = own_subjects(current)
        if subjects:
            return subjects, path
        controlling = controller(current, lang)
        if controlling is not None:
            return [controlling], path
        up = governing_verb(current)
        if up is None or len(path) > climb:
            return [], path
        current = up
        path.append(current)
    return [], path


def antecedent(pronoun: Token, verb: Token) -> Token:
    """The noun a relative clause's subject pronoun stands for: the noun right before the pronoun (the small
    parsers often hang the clause on an earlier noun), else the noun the clause hangs on."""
    before = pronoun.doc[pronoun.i - 1] if pronoun.i > pronoun.sent.start else pronoun
    return before if before.pos_ in NOUNS else verb.head


def _lemma(token: Token) -> str:
    return fold_word(token.lemma_ or token.text)
