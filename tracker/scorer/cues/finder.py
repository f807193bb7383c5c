"""CueFinder: one language's cues in a sentence, each weighed with its modifiers."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Span, Token

from tracker.records import Cue, Setting
from tracker.scorer.lexicon import NOT_A_CUE, Lexicon

from ..morph_values import morph_dict
from .clauses import BackgroundWords, ParseView, mention_clauses, settings
from .context import SentenceContext
from .families import families, families_hash
from .keys import WordKeyer
from .matching import Match, PatternSet, WordReader, aside_positions, resolve_overlaps, word_key
from .rules import ModifierRule, ModifierTable, builtin_modifiers, rules_hash
from .weighing import absorbed_negators, combine, cue_modifiers, damp_failed_occasions, relate_denied_topics
from .words import CueWords, cue_words, norm

# Bump when the matching or modifier logic changes what a sentence scores (the rows and word sets
# of the data files are in the version through their hash).
RULES_VERSION = "20"


class CueFinder:
    """Finds one language's cues in sentences; build once per (nlp, lang, lexicon): see cue_finder()."""

    def __init__(self, nlp: Language, lang: str, lexicon: Lexicon, modifiers: Sequence[ModifierRule] | None = None):
        self.nlp = nlp
        self.lang = lang
        self.lexicon = lexicon
        self.entries = lexicon.entries(lang)
        self.words = cue_words(lang)
        self.rules = [r for r in (builtin_modifiers() if modifiers is None else modifiers) if r.lang == lang]
        self.version = _version(lexicon, self.rules, self.words, self.lang)
        self.background = BackgroundWords(frozenset(self.words.get("background preposition")),
                                          frozenset(self.words.get("background noun")),
                                          frozenset(self.words.get("background subordinator")),
                                          frozenset(self.words.get("own act clause")),
                                          frozenset(self.words.get("lasting since")),
                                          frozenset(self.words.get("background opener")),
                                          frozenset(self.words.get("fronted opener")))
        self.occasions = frozenset(self.words.get("occasion category"))

    # Built on the first sentence that needs them (the version above does not): a French article
    # does not build the English patterns, nor does the scorer version an ingest stores.
    @functools.cached_property
    def keyer(self) -> WordKeyer:
        return WordKeyer(self.lang, self.words, self.nlp)

    @functools.cached_property
    def table(self) -> ModifierTable:
        return ModifierTable(self.lang, self.rules, self.words)

    @functools.cached_property
    def patterns(self) -> PatternSet:
        return PatternSet(self.nlp, self.entries, self.keyer, self.words.articles, families(self.lang),
                          frozenset(self.words.get("unreversed")), frozenset(self.words.get("passive auxiliary")))

    @property
    def keyed_patterns(self) -> dict[str, tuple[str | int, ...]]:
        return self.patterns.keyed_patterns

    @functools.cached_property
    def reader(self) -> WordReader:
        # A sentence's weekdays are left out like its articles: "a levé jeudi une partie des sanctions"
        skipped = self.words.articles | frozenset(self.words.get("gap free"))
        return WordReader(self.keyer, self.table, skipped, self.patterns.pattern_words)

    def find(self, sent: Span, base: int = 0) -> list[Cue]:
        """The cues of one sentence, with offsets ``base + token.idx`` into the article's text."""
        tokens, infos = [], []
        cache, read = self.reader.cache, self.reader.read
        for token in sent:
            cache_key = word_key(token)
            word = cache[cache_key] if cache_key in cache else read(token)
            if word is not None:
                tokens.append(token)
                infos.append(word)
        found_all = self.patterns.matches([w.key for w in infos], aside_positions([t.text for t in tokens], [t.pos_ for t in tokens]))
        found_all = [m for m in found_all if not m.link or self._linked(m, tokens)]
        kept = resolve_overlaps([m for m in found_all if m.verb < 0 or self._passive_form(m, tokens, found_all)])
        kept = [m for m in kept if self._addressed(m, tokens) and self._passive_subject(m, tokens)]
        if not kept or all(m.entry.category == NOT_A_CUE for m in kept):
            return []
        ctx = SentenceContext(self.table, self.keyer, sent, tokens, infos, kept)
        cues_kept = [m for m in kept if m.entry.category != NOT_A_CUE]
        found = {m.start: cue_modifiers(ctx, m) for m in cues_kept}
        relate_denied_topics(cues_kept, found, ctx)
        weighed = {m.start: combine(m, found[m.start], ctx) for m in cues_kept}
        damp_failed_occasions(cues_kept, found, weighed, self.table.words)
        absorbed = absorbed_negators(cues_kept, found, weighed, ctx)
        kept_cues = [m for m in cues_kept if m.start not in absorbed]
        setting = settings(kept_cues, ctx, self.background, base)
        return [self._cue(match, weighed[match.start], ctx, base, setting.get(match.start))
                for match in kept_cues]

    @functools.cached_property
    def _appeal_words(self) -> tuple[frozenset[str], frozenset[str]]:
        return frozenset(self.words.get("addressed cue")), frozenset(self.words.get("appeal infinitive"))

    @functools.cached_property
    def _asserting_words(self) -> tuple[frozenset[str], frozenset[str]]:
        return frozenset(self.words.get("asserting verb")), frozenset(self.words.get("complementizer"))

    @functools.cached_property
    def _named_object_cues(self) -> frozenset[str]:
        return frozenset(self.words.get("named object cue"))

    @functools.cached_property
    def _passive_words(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        return (frozenset(self.words.get("passive subject cue")), frozenset(self.words.get("reminder object")),
                self.words.ne_forms | frozenset(self.words.get("particle after ne")))

    @functools.cached_property
    def _voice_words(self) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
        return (frozenset(self.words.get("active auxiliary")), frozenset(self.words.get("passive auxiliary")),
                frozenset(self.words.get("reflexive pronoun")), frozenset(self.words.get("reflexive other sense")))

    def _passive_form(self, match: Match, tokens: Sequence[Token], found: Sequence[Match] = ()) -> bool:
        """A verb+object row found in the passive order ("O ~N V", matching.py) is the row's act when
        V is a passive participle ("les îles revendiquées par", "the jet was shot down", "a été
        abattu": a past participle without "avoir"/"have", or with "être"/"be" beside them) or a
        reflexive verb ("les soldats se sont retirés"; not one whose reflexive has another sense, "le
        missile s'est abattu en mer"), and the parse makes O its subject or hangs V on O (a participle
        describing it, through "mais", "et"). Without a parse, O within the row's gap (plus the
        auxiliaries) of V. "les troupes ont retiré leur soutien" (active) is no withdrawal of troops;
        in "les rebelles luttent contre le régime, soutenu par X" the régime is supported, not they.
        A participle that only describes an object another phrase acts on is that object's past, not
        an act: "agreed to restore relations severed in 2008", "resume talks suspended since 2019"."""
        actives, passives, reflexives, other_sense = self._voice_words
        verb = tokens[match.verb]
        children = list(verb.children)
        reflexive = any(norm(c.text) in reflexives for c in children) or any(
            norm(t.text) in reflexives for t in verb.doc[max(verb.i - 3, 0):verb.i])
        if reflexive and norm(verb.lemma_) in other_sense:  # "s'est abattu": fell, neither passive nor act
            return False
        morph = morph_dict(verb)
        participle = (morph.get("VerbForm") == "Part" and morph.get("Tense") != "Pres") or verb.tag_ == "VBN"
        auxiliaries = {norm(c.lemma_) for c in children if c.dep_.startswith("aux")}
        passive = participle and (not auxiliaries & actives or bool(auxiliaries & passives))
        if not (passive or reflexive):
            return False
        if not verb.doc.has_annotation("DEP"):
            return match.near
        objects = {tokens[p] for p in match.words if p < match.verb}
        if any(c in objects and c.dep_.startswith("nsubj") for c in children):
            return True
        acted_on = {p for m in found if m.verb < 0 and len(m.words) > 1 and match.verb not in m.words for p in m.words}
        if any(p in acted_on for p in match.words if p < match.verb):
            return False
        step = verb
        for _ in range(4):  # a participle describing the object: acl, or a conjunct of one
            if step.dep_ not in ("acl", "acl:relcl", "conj", "amod") or step.head == step:
                return False
            step = step.head
            if step in objects or any(c in objects and c.dep_ == "amod" for c in step.children):
                return True  # the second: "des blindés russes, livrés à": the parser heads it on the demonym
        return False

    @functools.cached_property
    def _link_words(self) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
        return (frozenset(self.words.get("object link")), frozenset(self.words.get("noun object link")),
                frozenset(self.words.get("noun object preposition")), frozenset(self.words.get("quantity noun")),
                frozenset(self.words.get("subject as object")))

    def _linked(self, match: Match, tokens: Sequence[Token]) -> bool:
        """A verb+object row's two segments found apart or in the other order (matching.py) are the
        row's act when the parse links them: the object's head is the verb's object, oblique or
        passive subject ("a rappelé mardi, après des semaines de crise, son ambassadeur", "the
        ambassador it had sent was recalled"), or the complement "de"/"of" of the verb's noun ("le
        rappel, annoncé mardi, de l'ambassadeur", "the imposition of new tariffs"); through a conjunct
        ("expelled the ambassador and two diplomats") or a quantity ("retiré une partie de ses
        troupes"). An oblique links only with the row's own preposition ("tirer sur ~3 poste") or
        one of entry ("entrer ~4 espace aérien": "entrés dans l'espace aérien"); "livrer une guerre
        avec des chars" delivers no tanks. An object placed after two verbs is both verbs' ("a
        gelé, puis limité, ses relations"). The object the subject of a reflexive verb
        ("les soldats se sont retirés") or of an intransitive verb that says it of its subject ("the
        troops withdrew": subject as object). A row written subject first ("troupe ~4 entrer") links
        its noun as the verb's subject ("des forces étaient entrées"), or as the subject of the verb
        it completes ("forces ... have started pulling back", "envisagent de se retirer").
        "the envoy recalled that ..." (the envoy the subject) and "les troupes ont retiré leur
        soutien" are no link. Without a parse, nothing."""
        links, noun_links, noun_preps, quantities, subject_verbs = self._link_words
        entries = self._entry_prepositions
        verb, noun = (_segment_head([tokens[p] for p in part]) for part in match.link)
        if not verb.doc.has_annotation("DEP"):
            return False
        participles, reminders, _negators = self._passive_words
        if norm(verb.lemma_) in participles and any(norm(c.lemma_) in reminders for c in verb.children):
            return False  # "a rappelé l'ambassadeur à ses obligations" reminds him
        is_noun = verb.pos_ in ("NOUN", "PROPN")
        if is_noun and noun.pos_ == "VERB":  # a row written subject first: "troupe ~4 entrer", "troop ~6 pull back"
            verb, noun, links, noun_links, is_noun = noun, verb, frozenset({"nsubj", "nsubj:pass", "nsubjpass"}), frozenset(), False
        own_words = entries | {""} | set(match.entry.pattern.split())
        current = noun
        for _ in range(4):
            relation, head = current.dep_, current.head
            preposition = next((norm(c.text) for c in current.children if c.dep_ == "case"), "")
            if relation == "pobj" and head.dep_ == "prep":  # English: "fired at posts", "the recall of the envoy"
                relation, preposition, head = "prep", norm(head.text), head.head
            # not the subject of a verb the row's verb completes ("refused to withdraw"): that verb's
            # negation or refusal would not reach the cue
            if head == verb or _shares_object(verb, head, current):
                if is_noun:
                    return relation in noun_links and (relation == "compound" or preposition in noun_preps)
                if relation in links:
                    return not (relation.startswith("obl") or relation == "prep") or preposition in own_words
                return (relation.startswith("nsubj") and not relation.endswith("pass") and "nsubj" not in links
                        and self._subject_object(verb, subject_verbs))
            conjunct = relation == "conj" and head != current  # "the ambassador and two diplomats"
            part = relation in ("nmod", "prep") and preposition in noun_preps and norm(head.lemma_) in quantities
            if not (conjunct or part):
                return False
            current = head
        return False

    @functools.cached_property
    def _entry_prepositions(self) -> frozenset[str]:
        return frozenset(self.words.get("entry preposition"))

    def _subject_object(self, verb: Token, subject_verbs: frozenset[str]) -> bool:
        """The subject of a reflexive verb (not one of another sense) or of a verb that says of its
        subject what the row says of its object ("troops withdrew") stands for the row's object."""
        _actives, _passives, reflexives, other_sense = self._voice_words
        lemma = norm(verb.lemma_)
        if any(norm(c.text) in reflexives for c in verb.children):
            return lemma not in other_sense
        return lemma in subject_verbs and not _has_object(verb)

    def _passive_subject(self, match: Match, tokens: Sequence[Token]) -> bool:
        """A passive pattern "X ~N être V" of a participle with another sense ("rappeler": recall or
        remind) is a cue only when the parse makes X the participle's subject ("l'ambassadeur X à Y a
        été rappelé", "l'ambassadrice vient d'être rappelée"), the participle is not denied (a recall
        that did not happen is no recall, nor its opposite) and not a reminder ("rappelé à l'ordre")."""
        participles, reminders, negators = self._passive_words
        words = match.entry.pattern.split()
        if len(words) < 3 or words[-2] != "être" or words[-1] not in participles:
            return True
        subject, participle = tokens[match.words[0]], tokens[match.words[-1]]
        if not participle.doc.has_annotation("DEP"):
            return True
        governed = subject.head == participle or (participle.dep_ == "xcomp" and participle.head == subject.head)
        if not governed or not subject.dep_.startswith("nsubj"):
            return False
        return not any(norm(child.text) in negators or norm(child.lemma_) in reminders for child in participle.children)

    def _asserts_clause(self, match: Match, tokens: Sequence[Token]) -> bool:
        """Whether a one-word asserting verb ("soutenir") opens a clause complement: its parse has a
        clausal complement marked by a complementizer ("soutient depuis longtemps que ..."), or,
        without a parse, the next word but adverbs is one ("soutient fermement que")."""
        asserting, complementizers = self._asserting_words
        if match.entry.pattern not in asserting:
            return False
        verb = tokens[match.start]
        if verb.doc.has_annotation("DEP") and any(
                c.dep_ == "ccomp" and any(g.dep_ == "mark" and norm(g.text) in complementizers for g in c.children)
                for c in verb.children):
            return True
        after = [t for t in tokens[match.end + 1:] if t.pos_ != "ADV"]
        return bool(after) and norm(after[0].text) in complementizers

    def _addressed(self, match: Match, tokens: Sequence[Token]) -> bool:
        """An appeal is a cue only when it names whom it presses, then what: "urged Myanmar to",
        "a exhorté jeudi la Birmanie à" (weekdays and articles are not in ``tokens``); "urged closer
        ties" and "exhorte à la retenue" are wishes, which the appeal rows of modifiers.tsv read."""
        appeals, infinitives = self._appeal_words
        if self._asserts_clause(match, tokens):
            return False  # "soutient que la route est sur son territoire": it asserts a clause, supports nobody
        if match.entry.pattern in self._named_object_cues:
            # "a décidé de reconnaître Pékin", "recognised the People's Republic": a named party
            # right after the verb; "reconnaît que", "recognised the need" are no act.
            return any(t.text[:1].isupper() for t in tokens[match.end + 1:match.end + 3])
        if match.entry.pattern not in appeals:
            return True
        after = [t.text for t in tokens[match.end + 1:match.end + 8]]
        named = [i for i, text in enumerate(after[:2]) if text[:1].isupper()]
        return bool(named) and any(text.casefold() in infinitives for text in after[named[0] + 1:named[0] + 5])

    def clauses(self, sent: Span, spans: Sequence[tuple[int, int]], base: int = 0) -> dict[tuple[int, int], Setting]:
        """Mention offsets -> the background clause each is named in (cues/clauses.py)."""
        return mention_clauses(ParseView(sent, self.table.relations), self.background, spans, base)

    @staticmethod
    def _cue(match: Match, weighed: tuple[float, list[str]], ctx: SentenceContext, base: int,
             setting: Setting | None) -> Cue:
        first, last = ctx.tokens[match.start], ctx.tokens[match.end]
        start, end = first.idx, last.idx + len(last.text)
        weight, modifiers = weighed
        offset = ctx.sent.start_char
        return Cue(
            start=base + start,
            end=base + end,
            text=ctx.text[start - offset:end - offset],
            pattern=match.entry.pattern,
            category=match.entry.category,
            base_weight=match.entry.weight,
            weight=weight,
            modifiers=tuple(modifiers),
            setting=setting,
        )


def _segment_head(words: Sequence[Token]) -> Token:
    """The word of a segment whose head is outside it ("espace" in "espace aérien")."""
    inside = set(words)
    return next((t for t in words if t.head not in inside or t.head == t), words[0])


def _shares_object(verb: Token, head: Token, noun: Token) -> bool:
    """Whether the noun is the object of a conjunct verb that follows the verb, the verb having none
    of its own: "a gelé, puis limité, ses relations" freezes the relations too; not
    "a retiré son ambassadeur et déployé des troupes"."""
    return (head.dep_ == "conj" and head.head == verb and verb.i < head.i < noun.i and not _has_object(verb)
            and verb.pos_ in ("VERB", "AUX"))


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("obj", "dobj") for c in verb.children)


def _version(lexicon: Lexicon, rules: Sequence[ModifierRule], words: CueWords, lang: str) -> str:
    return f"{lexicon.version}-{rules_hash(rules, words)}{families_hash(lang)}-r{RULES_VERSION}"


def finder_version(lang: str, lexicon: Lexicon) -> str:
    """The version of cue_finder(nlp, lang, lexicon), without building it nor loading its pipeline
    (an ingest stores the scorer's version of every language; a French-only one loads no English model)."""
    return _version(lexicon, [r for r in builtin_modifiers() if r.lang == lang], cue_words(lang), lang)


@functools.lru_cache(maxsize=16)
def cue_finder(nlp: Language, lang: str, lexicon: Lexicon) -> CueFinder:
    """The CueFinder for this pipeline, language and lexicon, built once and reused."""
    return CueFinder(nlp, lang, lexicon)
