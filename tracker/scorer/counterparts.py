"""A lone side's counterpart: carried from the sentence before (data/carried.tsv) or the place of its act.

Decisions (documented here because the scorer's numbers depend on them):

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
- French: a sentence naming one acting country and one other country, only as a place, is that country's
  act done there, to or with it (``place_counterpart``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import NamedTuple

from spacy.tokens import Span, Token

from tracker.records import Mention
from tracker.scorer.mentions.gazetteer import expand_choices
from tracker.scorer.mentions.pieces import fold_word
from tracker.scorer.mentions.wordlists import data_rows, grammar_words, role_words
from tracker.scorer.morph_values import morph_values
from tracker.scorer.parse_roles import shares_doer

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


# places the role rules made a venue (RoleDecision.place_as): where a meeting or another's event is held, or
# where a mission an act hit stands; no place of the one actor's act
_VENUE_DECIDED = frozenset({"venue", "struck mission"})
_COUNTERPART_PLACE_GAP = 6  # characters from "son homologue"/"his counterpart" to its place (" à ", " in ", " en ")


def _meeting_place(m: Mention, carry: Carry) -> bool:
    """A place the meeting with "son homologue" is held in: before the counterpart word in its sentence
    ("s'est entretenu lundi à Madrid avec son homologue") or right after it ("his counterpart in Vienna"); not
    a place further on inside a noun's phrase ("son homologue lors d'un point de presse à Rome",
    "au sujet des réfugiés en Somalie"), a venue or a dateline."""
    if m.role != "place" or m.kind in ("anaphora", "reference") or m.place_as in _VENUE_DECIDED \
            or m.place_as == "dateline":
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
    if any(m.place_as in _VENUE_DECIDED for m in places):
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
