"""The French parse rules, one function per modifier kind, dispatched from the table's kind column.

Negation: "pas"/"jamais"/"aucun"/"sans" on the cue's words, a "ne" with a particle near it ("ne
sont plus aussi tendues") or a negative subject ("personne ne parle de"); a quantifier just before
the cue, wherever the parser hung it ("aucune avancée", "nul progrès", "pas le moindre progrès";
under a denying verb, "n'exclut aucune coopération", possible); on a verb the cue complements ("n'a
pas voulu condamner") or on a "carrier" verb above it in the clause ("n'ont pas signé d'accord",
"n'ont pas réussi à s'entendre"), never through a statement cue ("n'a pas condamné les frappes"
leaves the strikes standing) nor from a subject; and a governing stop-word ("refuser", "cesser",
"la fin de", "le gel de", a verb with its object: "mettre fin à"), unless itself negated ("ne
cesse de", "ne signifie pas la fin des rivalités").
Ending: the cue is the subject of an ending verb ("la guerre a pris fin"), of a collapse verb ("the
truce collapsed") or of a verb of lasting denied ("le cessez-le-feu n'a pas tenu").
Intensifiers and attenuators: a predicate adjective ("les tensions restent fortes").
Topic and background: a cue that is the complement of a statement or consultation cue
("condamne l'essai nucléaire", "ont discuté de la guerre").
Modality: a governing "devoir", "vouloir", "menacer", "éviter"..., a conditional or future verb, a
"si" clause.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

from ..lexicon import is_generated
from ..morph_values import morph_values
from .context import OBJECT_DEPS, Hit, SentenceContext
from .matching import Match
from .rules import CATEGORY_KINDS, DEGREE_KINDS, SUBJECT_VERB_KINDS, ModifierRule
from .words import norm

# Relations by which a noun cue depends on a "carrier" verb whose negation it shares.
_NEGATION_PATH_DEPS = {"obj", "obl", "obl:arg", "iobj", "nsubj:pass", "nmod", "xcomp"}
_CARRIER_CLIMB = 3  # words climbed at most from a cue to the carrier whose negation it shares


class ParsedCue:
    """A cue as the parse rules see it: its root word, its own words' indexes, its governors."""

    __slots__ = ("match", "root", "own", "chain", "_determiner", "_determiner_known")

    def __init__(self, ctx: SentenceContext, match: Match):
        self.match = match
        self.root = ctx.root(match)
        self.own = frozenset(ctx.tokens[p].i for p in match.words)
        self.chain = ctx.governors(self.root)
        self._determiner: Hit | None = None
        self._determiner_known = False

    def determiner(self, ctx: SentenceContext) -> Hit | None:
        """The negating quantifier before the cue (see _find_negating_determiner), found once."""
        if not self._determiner_known:
            self._determiner = _find_negating_determiner(ctx, self)
            self._determiner_known = True
        return self._determiner


# ----------------------------------------------------------------------------- negation


def negating_determiner(ctx: SentenceContext, cue: ParsedCue) -> Iterable[Hit]:
    hit = cue.determiner(ctx)
    if hit:
        yield hit


def _find_negating_determiner(ctx: SentenceContext, cue: ParsedCue) -> Hit | None:
    """"aucune avancée", "nul progrès", "pas le moindre progrès", "aucune véritable avancée".

    Looked for by position, since the small parser often hangs the quantifier elsewhere (on the
    verb, or as the head of the noun). An adjective may stand between. Under a denying verb
    ("n'exclut aucune intervention") it is a denied denial: possible, not done.
    """
    words = ctx.words_of_language
    determiners, least = words.get("negating determiner"), words.get("least")
    p = cue.match.start - 1
    if p >= 0 and ctx.tokens[p].pos_ == "ADJ" and ctx.form(p) not in determiners and ctx.form(p) not in least:
        p -= 1
    if p < 0 or ctx.stop(p) or p in ctx.cue_words:
        return None
    form = ctx.form(p)
    if form in least and p >= 1 and ctx.form(p - 1) in words.get("before least"):
        phrase, start = (ctx.form(p - 1),), p - 1
    elif form in determiners:
        phrase, start = (form,), p
    else:
        return None
    rule = next((r for r in ctx.table.negation_child_rules if r.words == phrase), None)
    if rule is None or ctx.blocked("negation", range(start, p + 1)):
        return None
    trigger = ctx.text_of(range(start, p + 1))
    for governor in cue.chain[:2]:
        if governor.i not in cue.own and ctx.negating_head(governor):
            return Hit(ctx.table.double_negation, f"{governor.text} {trigger}", ctx.position.get(governor.i))
    return Hit(rule, trigger, start)


def clause_negation(ctx: SentenceContext, cue: ParsedCue) -> Iterable[Hit]:
    """Negation on the cue's own words (its head first), on a verb it complements ("n'a pas voulu
    condamner"), or on a "carrier" verb above it in the clause ("n'ont pas signé d'accord");
    not through another cue ("n'a pas condamné les frappes" leaves the strikes standing) nor
    from a subject ("les sanctions n'ont pas eu d'effet")."""
    determiner = cue.determiner(ctx)
    # A denied denial by a quantifier ("n'exclut aucune coopération") is the whole reading.
    denied_denial = determiner is not None and determiner.rule is ctx.table.double_negation
    for place in _negation_places(ctx, cue, denied_denial):
        if place is not cue.root and ctx.negating_head(place) is not None:
            continue  # "n'exclut pas de rencontrer": a denied denial, read by governing_negation
        found = ctx.negator(place, cue.own)
        if found:
            yield Hit(*found)
            return
    found = None if denied_denial else ctx.depends_on_particle(cue.root)
    if found:
        yield Hit(*found)


def _negation_places(ctx: SentenceContext, cue: ParsedCue, denied_denial: bool) -> list[Token]:
    """The words whose negation the cue shares: its own, the verbs it complements, its carriers."""
    root, tokens = cue.root, ctx.tokens
    places = [] if denied_denial else [root] + [tokens[p] for p in cue.match.words if tokens[p] is not root]
    current = root
    for _ in range(_CARRIER_CLIMB):
        head, dep = ctx.head(current), ctx.dep(current)
        if head is current or not ctx.inside(head):
            break
        # "n'a aucune intention d'attaquer": an intention noun carries its clause's negation.
        # A clause on a carrier shares its negation: "no longer considers Beijing a partner".
        if dep not in _NEGATION_PATH_DEPS and not (dep in ("acl", "ccomp") and ctx.is_carrier(head)):
            break
        other = ctx.cue_of(head)
        if other is not None and head.i not in cue.own and ctx.table.is_statement(other.entry.category):
            break
        if dep in ("xcomp", "ccomp") and current is not root and _own_subject(ctx, current, head):
            break  # "n'a pas vu Pékin contourner l'embargo": the evasion is denied, the embargo stands
        if dep == "xcomp" or ctx.is_carrier(head):
            places.append(head)
        current = head
    head = ctx.head(root)
    if ctx.dep(root).startswith("nsubj") and ctx.inside(head):  # "la rencontre n'a pas eu lieu"
        for verb, obj in ctx.table.carriers_of_subject:
            if norm(head.lemma_) == verb and any(norm(c.lemma_) == obj for c in ctx.children(head)):
                places.append(head)
    return places


def _own_subject(ctx: SentenceContext, clause: Token, verb: Token) -> bool:
    """Whether a verb's complement clause has a subject of its own: the verb's object before it
    ("voir la Chine se soustraire", "saw Beijing evade"), the clause's own subject. A negation of
    the verb then denies that clause's act; a cue the act is done to is no part of the denial."""
    if any(ctx.dep(c).startswith("nsubj") for c in ctx.children(clause)):
        return True
    return verb.pos_ in ("VERB", "AUX") and any(
        ctx.dep(c) in ("obj", "dobj") and c.i < clause.i and c.pos_ in ("NOUN", "PROPN", "PRON") for c in ctx.children(verb))


def governing_negation(ctx: SentenceContext, cue: ParsedCue) -> Iterable[Hit]:
    """A governing "refuser", "cesser", "la fin de", "mettre fin à" ... negates the cue it has as
    complement ("cesser les frappes"; not "suspendu ... une semaine après la rencontre"), unless
    itself negated: "ne cesse de" and "ne signifie pas la fin des rivalités" cancel it; a verb
    denied with a particle ("n'exclut pas de rencontrer", "n'a pas refusé") leaves the cue
    possible. Not through a statement cue ("a refusé de condamner l'invasion": the invasion is
    what is talked about)."""
    below = cue.root
    for governor in cue.chain[:2]:
        if ctx.dep(below) not in _NEGATION_PATH_DEPS:
            return
        position = ctx.position.get(governor.i)
        rule = ctx.negating_head(governor)
        if rule is not None and governor.pos_ in ("NOUN", "PROPN") and governor.i > cue.root.i:
            rule = None  # a noun head governs what follows it ("l'absence de dialogue"), never a word before it
        if rule is not None and ctx.blocked("negation", [position]):
            rule = None  # "the war ended with an armistice": what it ended with is no denied cue
        if rule is not None and _rebuttal(ctx, rule, cue):
            return  # "denied the allegations": a charge the other side levelled, rebutted, is no undone dispute
        other = ctx.cue_of(governor)
        if (rule is None and other is not None and governor.i not in cue.own
                and ctx.table.is_statement(other.entry.category)):
            return
        if (rule is not None and other is not None and governor.i not in cue.own and position is not None
                and max(other.words) > position and not is_generated(other.entry)
                and other.entry.weight > 0 and cue.match.entry.weight > 0):
            # The head is a hostile act of its own, with its object, written for it: "prohibited the
            # other's aircraft from entering its airspace" bars an entry, it turns no incursion into
            # cooperation. A head whose cue ends at it still flips ("refused to condemn", "must end its
            # invasion"), and so does an end or a withdrawal ("ended the fighting along the border",
            # "withdrew its troops from the joint patrols").
            return
        if rule is not None and governor.i not in cue.own:
            denied = ctx.negator(governor)
            negated = denied is not None or ctx.has_ne(governor)
            verb = ctx.head(governor)
            if not negated and governor.pos_ in ("NOUN", "PROPN") and ctx.inside(verb) and verb is not governor:
                negated = ctx.negator(verb) is not None
            if not negated and ctx.inside(verb) and verb is not governor:
                negated = _denied_noun_above(ctx, verb)  # "no progress in resolving the dispute": the dispute stands
            if not negated:
                yield Hit(rule, governor.text, position)
            elif denied and governor.pos_ in ("VERB", "AUX"):
                yield Hit(ctx.table.double_negation, f"{denied[1]} {governor.text}", position)
            return
        if other is not None and governor.i not in cue.own:
            return  # not through another cue: "waived the sanctions on the purchase of missiles" waives no purchase
        below = governor


def _rebuttal(ctx: SentenceContext, rule: ModifierRule, cue: ParsedCue) -> bool:
    """A denial verb (cue_words.tsv "denial verb": deny, démentir) over a charge noun ("rebutted claim": accusation,
    allegation): the accused answers the charge, the dispute stands."""
    words = ctx.words_of_language
    position = ctx.position.get(cue.root.i)
    return (position is not None and rule.words[0] in words.get("denial verb")
            and bool(ctx.words(position) & set(words.get("rebutted claim")))
            and not any(_claim_content(c) for c in cue.root.children))


# A charge with its content after it ("allegations of military cooperation with Israel", "accusations de
# rapprochement") is about that content: denying it denies the content, the plain negation
_CONTENT_WORDS = frozenset({"of", "about", "de", "d'", "du", "des", "sur"})


def _claim_content(child: Token) -> bool:
    if child.dep_ == "prep":
        return child.lower_ in _CONTENT_WORDS
    return child.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in _CONTENT_WORDS for c in child.children)


def _denied_noun_above(ctx: SentenceContext, above: Token) -> bool:
    """The word above a negating verb is a noun denied by a negation ("no progress", "no hope") or by a
    quantifier that says next to none ("little progress", "scant hope"; cue_words.tsv "denying
    quantifier"), or a carrier verb with such an object ("made little progress in resolving", the
    parser hanging "in" on the verb): the negating verb ("resolving", "ending") did not happen."""
    if above.pos_ == "NOUN":
        nouns = [above]
    elif ctx.is_carrier(above):
        nouns = [c for c in ctx.children(above) if ctx.dep(c) == "obj" and c.pos_ == "NOUN"]
    else:
        return False
    quantifiers = ctx.words_of_language.get("denying quantifier")
    return any(ctx.negator(noun) is not None or any(norm(c.text) in quantifiers for c in ctx.children(noun))
               for noun in nouns)


# ----------------------------------------------------------------------------- ending


def subject_verb_end(ctx: SentenceContext, cue: ParsedCue) -> Iterable[Hit]:
    """The cue (or the noun it qualifies: "l'état de guerre") is the subject of a verb that ends it:
    an ending verb ("la guerre a pris fin", "les hostilités ont cessé"), a collapse verb ("the truce
    collapsed", "l'accord a volé en éclats"), or a verb of lasting denied ("le cessez-le-feu n'a pas
    tenu", "the truce did not hold"). An ending or collapse verb denied leaves the cue standing; a
    verb that takes an infinitive is an aspect, not an end. Which cues each kind ends: weighing.py."""
    table = ctx.table
    subject = cue.root
    if ctx.dep(subject) == "nmod" and ctx.inside(ctx.head(subject)) and ctx.head(subject).pos_ == "NOUN":
        subject = ctx.head(subject)
    verb = ctx.head(subject)
    if not ctx.dep(subject).startswith("nsubj") or not ctx.inside(verb) or verb is subject:
        return
    rule = next((table.subject_verb_heads[k] for k in ctx.lemmas(verb) if k in table.subject_verb_heads), None)
    if rule is not None and rule.kind != "lasting" and any(ctx.dep(c) == "obj" for c in ctx.children(verb)):
        return  # "the shelling ended the truce": a verb with an object of its own ends that object, not its subject
    trigger = verb.text
    if rule is None:
        for child in ctx.children(verb):
            found = table.subject_verb_pairs.get((norm(verb.lemma_), norm(child.lemma_)))
            if found is not None and ctx.dep(child) in (*OBJECT_DEPS, "advmod"):
                rule, trigger = found, f"{verb.text} {child.text}"
                break
    # "la tension ne cesse de monter" (keeps on), "les frappes ont cessé de viser les civils".
    if rule is None or any(ctx.dep(c) in ("xcomp", "ccomp") for c in ctx.children(verb)):
        return
    negator = ctx.negator(verb)
    denied = negator is not None or ctx.has_ne(verb)
    if denied != (rule.kind == "lasting"):
        return  # "la guerre n'a pas pris fin", "the deal did not collapse"; "the truce held"
    if negator is not None:
        trigger = f"{negator[1]} {trigger}"
    yield Hit(rule, trigger, ctx.position.get(verb.i))


# ----------------------------------------------------------------------------- degree


def predicate_degree(ctx: SentenceContext, cue: ParsedCue) -> Iterable[Hit]:
    """Intensifiers and attenuators the window cannot see: a predicate adjective ("les tensions
    restent fortes", "sont vives"). (Adjacent modifiers are the windows' job: the small parser
    attaches adjectives to the wrong noun too often to trust it further away.)"""
    root = cue.root
    if not (ctx.dep(root).startswith("nsubj") and ctx.inside(ctx.head(root))):
        return
    predicate = ctx.head(root)
    describing = [predicate] if predicate.pos_ == "ADJ" else []
    describing.extend(c for c in ctx.children(predicate) if ctx.dep(c) == "xcomp" and c.pos_ == "ADJ")
    for word in describing:
        if word.i in cue.own:
            continue
        for key in {norm(word.text), norm(word.lemma_)}:
            for rule in ctx.table.degree_words.get(key, ()):
                yield Hit(rule, word.text)


# ----------------------------------------------------------------------------- topic, background


def statement_topic(ctx: SentenceContext, cue: ParsedCue) -> Iterable[Hit]:
    """The topic of a statement: "a condamné l'essai nucléaire", "salue l'accord" -- a complement
    of the statement, not its subject ("une crise oppose Bakou et Erevan"), with every cue of that
    complement's phrase: "a condamné l'accord de normalisation" reaches the normalisation through the
    agreement, a cue that frames nothing itself. A background rule
    needs the cue as the act's object or introduced by a topic marker ("discuté de la guerre")."""
    markers = ctx.words_of_language.get("topic marker")
    framing = {" ".join(r.words) for r in ctx.table.topic_rules if r.scope == "head"}
    for below, governor in zip([cue.root, *cue.chain], cue.chain[:3], strict=False):
        other = ctx.cue_of(governor)
        if other is None or governor.i in cue.own:
            continue
        if ctx.dep(below).startswith(("nsubj", "csubj")):
            return
        if other.entry.category not in framing and governor.pos_ == "NOUN" and _content_of(ctx, below):
            continue  # "a condamné l'accord de normalisation": the statement's object is the whole phrase
        about = ctx.dep(below) == "obj" or any(ctx.dep(c) == "case" and norm(c.text) in markers
                                               for c in ctx.children(below))
        for rule in ctx.table.topic_rules:
            if (rule.scope == "head" and " ".join(rule.words) == other.entry.category
                    and (rule.kind != "background" or about)):
                yield Hit(rule, governor.text, ctx.position.get(governor.i))
        return


def _content_of(ctx: SentenceContext, word: Token) -> bool:
    """Whether the word is its noun's content: a complement ("l'accord de normalisation", "the deal on
    normalising ties") or an infinitive ("the agreement to normalise relations")."""
    dep = ctx.dep(word)
    return dep == "nmod" or (dep == "acl" and "Inf" in morph_values(word, "VerbForm"))


# ----------------------------------------------------------------------------- modality


def governing_modality(ctx: SentenceContext, cue: ParsedCue) -> Iterable[Hit]:
    """A governing modal verb (or its auxiliary), a conditional or future verb, a "si" clause."""
    head_rules = ctx.table.head_rules
    for verb in [cue.root, *cue.chain]:
        modality = ctx.verb_modality(verb)
        for word in ([verb] if verb is not cue.root else []) + modality.auxiliaries:
            rule = next((head_rules[k] for k in ctx.lemmas(word) if k in head_rules), None)
            if rule is not None and rule.kind == "modality" and word.i not in cue.own:
                yield Hit(rule, word.text)
        yield from modality.mood_hits
        yield from modality.child_hits


# ----------------------------------------------------------------------------- dispatch

ParseRule = Callable[[SentenceContext, ParsedCue], Iterable[Hit]]
# Each parse rule with the kinds of rows it reads; a language without such rows skips it. In the
# order their hits are offered: of two hits for one kind the first stays unless the second is
# stronger (weighing.py), so the order is part of the rules.
PARSE_RULES: tuple[tuple[tuple[str, ...], ParseRule], ...] = (
    (("negation",), negating_determiner),
    (SUBJECT_VERB_KINDS, subject_verb_end),
    (("negation",), clause_negation),
    (DEGREE_KINDS, predicate_degree),
    (CATEGORY_KINDS, statement_topic),
    (("negation",), governing_negation),
    (("modality",), governing_modality),
)


def parse_hits(ctx: SentenceContext, match: Match) -> Iterable[Hit]:
    """Every modifier the parse finds for the cue."""
    cue = ParsedCue(ctx, match)
    kinds = ctx.table.kinds
    for rule_kinds, rule in PARSE_RULES:
        if not kinds.isdisjoint(rule_kinds):
            yield from rule(ctx, cue)
