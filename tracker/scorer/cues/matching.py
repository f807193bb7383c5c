"""Lexicon phrase matching on word keys (see keys.py).

Words no pattern uses become one placeholder, so the keyed copy of the sentence stays tiny. A
trie of dicts (PhraseTrie) finds the contiguous patterns and the contiguous segments of gapped ones
("relation ~8 dégrader"), whose order and gaps a few lines of Python then check. Quote marks and
definite articles are skipped: 'les relations "dégradées"' matches "relation dégrader".

Overlaps. The match with the most pattern words wins, then the tighter one; a word belongs to one
cue only ("relations dégradées" does not also fire "dégrader"). Gap words stay free. "Not a cue"
entries win like any other match and yield nothing.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import spacy
from spacy.language import Language
from spacy.parts_of_speech import VERB
from spacy.tokens import Token

from tracker.scorer.lexicon import LexiconEntry, LexiconError, is_generated
from tracker.scorer.setup_cache import cached

from .families import Family, KeyedFamilies
from .keys import CACHE_LIMIT, WordKeyer
from .rules import ModifierRule, ModifierTable
from .words import norm

OTHER = "_"  # key of every word no pattern uses
STOP = "<s>"  # key of sentence punctuation and clause boundaries: gaps do not cross it
_STOP_PUNCT = {".", ";", ":", "!", "?", "…"}
QUOTES = {'"', "«", "»", "“", "”", "„", "‹", "›", "``", "''"}
_WINDOW_TRANSPARENT = {"-", "'", "’"}  # punctuation that does not stop a modifier window

# A verb+object row "V ~N O" is also read in its passive order "O ~(N + PASSIVE_EXTRA) V" (the
# auxiliaries "a été", "were", "se sont" stand between), up to PASSIVE_REACH words when the parse
# links the object to the participle (finder.py checks the verb's form and the link).
PASSIVE_EXTRA = 3
PASSIVE_REACH = 12
# Brackets around an aside: the words inside do not count in a pattern's gap.
_ASIDE_PAIRS = {"(": ")", "[": "]"}
_ASIDE_DASHES = {"–", "—"}
_COMMA_ASIDE = 5  # words at most between two commas for an aside ("selon Kiev", "mardi soir")
_CLAUSE_TAGS = {"VERB", "AUX", "CCONJ", "SCONJ", "PRON"}  # a clause or a list between commas is no aside

# Where each segment label was found: (start, end) keyed positions.
_Segments = dict[str, list[tuple[int, int]]]


@dataclass
class Match:
    entry: LexiconEntry
    words: tuple[int, ...]  # positions (in the keyed sentence) of the pattern's words
    start: int  # first and last keyed positions, inclusive
    end: int
    variant: bool = False  # found through a family variant of the entry's pattern (families.py)
    # Found in the passive order of a verb+object row ("les avions ... abattus", "the jet was shot
    # down"): the keyed position of the verb, which the finder checks is a passive or reflexive form,
    # and whether the object stood within the row's own gap (plus PASSIVE_EXTRA) of it.
    verb: int = -1
    near: bool = True
    # Found by the parse's link between a verb+object row's two segments, at any distance and in
    # either order ("le rappel, annoncé mardi, de son ambassadeur", "the ambassador it had sent to
    # X was recalled"): the keyed positions of the verb's segment and of the object's, which the
    # finder checks the parse links (finder._linked). Empty for a match read in the row's order.
    link: tuple[tuple[int, ...], tuple[int, ...]] | tuple[()] = ()


class Word(NamedTuple):
    """One word as matching and the modifier windows see it. Cached per (form, lemma) across
    sentences (see WordReader), so that a sentence costs one look-up per word and a window
    tests a word's few candidate rules instead of looking each of its forms up again per cue."""

    key: str  # the matching key (OTHER, STOP or a pattern word)
    form: str
    words: frozenset[str]  # the forms and lemmas a rule may name
    stop: bool  # a modifier window stops at it
    bounds_degree: bool  # a conjunction: the intensifier and attenuator windows stop at it
    ending_rules: tuple[ModifierRule, ...]  # window rules before/around whose phrase ends with it
    starting_rules: tuple[ModifierRule, ...]  # window rules after/around whose phrase starts with it
    first_rules: tuple[ModifierRule, ...]  # every window rule whose phrase starts with it


class WordReader:
    """A sentence word's Word, cached by string-store ids: no string work on a cache hit."""

    def __init__(self, keyer: WordKeyer, table: ModifierTable, articles: frozenset[str], pattern_words: set[str]):
        self.keyer = keyer
        self.table = table
        self.articles = articles
        self.pattern_words = pattern_words
        self.cache: dict[tuple[int, int, int, bool], Word | None] = {}

    def read(self, token: Token) -> Word | None:
        """None for a word matching leaves out (spaces, quote marks, articles)."""
        cache_key = word_key(token)
        if cache_key in self.cache:
            return self.cache[cache_key]
        text = token.text
        found = None
        if not (token.is_space or text in QUOTES or text.lower() in self.articles):
            found = self._describe(token)
        if len(self.cache) > CACHE_LIMIT:
            self.cache.clear()
        self.cache[cache_key] = found
        return found

    def _describe(self, token: Token) -> Word:
        table, keyer = self.table, self.keyer
        form = norm(token.text)
        if form in _STOP_PUNCT or form in table.boundaries:
            key = STOP
        else:
            lemma = norm(token.lemma_) if token.lemma_ else form
            key = next((c for c in keyer.candidates(form, lemma) if c in self.pattern_words), OTHER)
            if token.pos_ == "VERB" and lemma == form and (
                    key == OTHER or (form in keyer.verb_before_noun and _has_subject(token))):
                # a first-group verb the model left as its form ("viole", "affiche"): its infinitive,
                # as keyer.lemmas reads it for the word lists; a verb tag only ("me" is no "mer").
                # A form that is also a noun's key ("demande", cue_words.tsv "verb before noun") is
                # read as the verb only with a subject of its own ("le Tchad demande des explications").
                key = next((c for c in keyer.infinitives(form) if c in self.pattern_words), key)
        words = frozenset({form, norm(token.lemma_), keyer.canon(token.lemma_)} if token.lemma_ else {form})
        if token.pos_ == "VERB" and norm(token.lemma_) == form:
            # the window rules read such a verb by its infinitive too: "le Mali demande à l'Algérie
            # de cesser ..." is the appeal "demander", as "a demandé à l'Algérie de cesser ..."
            words |= frozenset(keyer.infinitives(form))
        stop = (token.is_punct and token.text not in _WINDOW_TRANSPARENT) or form in table.boundaries
        return Word(
            key, form, words, stop, form in table.degree_boundaries,
            tuple(r for w in words for r in table.rules_by_last.get(w, ())),
            tuple(r for w in words for r in table.rules_by_first.get(w, ())),
            tuple(r for w in words for r in table.rules_by_any_first.get(w, ())),
        )


def word_key(token: Token) -> tuple[int, int, int, bool]:
    """What a word's reading depends on: its form, lemma and tag, and for a verb whether it has a subject."""
    return (token.orth, token.lemma, token.pos, token.pos == VERB and _has_subject(token))


def _has_subject(token: Token) -> bool:
    return any(child.dep_ in ("nsubj", "nsubj:pass") for child in token.children)


def _tidy_gaps(entry: LexiconEntry, parts: list[str | int]) -> list[str | int]:
    """Merge the gaps around a word that was an article ("relation ~2 la ~2 crise")."""
    tidy: list[str | int] = []
    for part in parts:
        last = tidy[-1] if tidy else None
        if isinstance(part, int) and isinstance(last, int):
            tidy[-1] = last + part
        else:
            tidy.append(part)
    while tidy and isinstance(tidy[0], int):
        tidy.pop(0)
    while tidy and isinstance(tidy[-1], int):
        tidy.pop()
    if not tidy:
        raise LexiconError(
            f"{entry.source}: pattern '{entry.pattern}' has no word left once the articles "
            f"(le, la, les, the, a, an), which matching leaves out, are set aside; add a word"
        )
    return tidy


def _segments_and_gaps(parts: list[str | int]) -> tuple[list[list[str]], list[int]]:
    segments: list[list[str]] = [[]]
    gaps: list[int] = []
    for part in parts:
        if isinstance(part, int):
            segments.append([])
            gaps.append(part)
        else:
            segments[-1].append(part)
    return segments, gaps


def keyed_parts(nlp: Language, entries: Sequence[LexiconEntry], keyer: WordKeyer,
                articles: frozenset[str]) -> list[list[str | int]]:
    """Each entry's pattern as the matcher sees it: words as keys, gaps as ints.

    Tens of thousands of phrases through the tokenizer and the lemma tables: kept in the set-up
    cache, keyed on the patterns, the language, the pipeline and spaCy's version (the code and
    word lists are in every key)."""
    return cached(f"cue-keys-{keyer.lang}", _pattern_inputs(nlp, entries, keyer, articles),
                  lambda: [_keyed(entry, nlp, keyer, articles) for entry in entries])


def _pattern_inputs(nlp: Language, entries: Sequence[LexiconEntry], keyer: WordKeyer,
                    articles: frozenset[str]) -> list[str]:
    """What the keyed patterns depend on besides the code and word lists: the set-up cache's key."""
    tokenizer_id = [str(nlp.lang), str(nlp.meta.get("name")), str(nlp.meta.get("version")), spacy.__version__]
    return [*tokenizer_id, keyer.source, *sorted(articles), "\n".join(entry.pattern for entry in entries)]


def _keyed(entry: LexiconEntry, nlp: Language, keyer: WordKeyer, articles: frozenset[str]) -> list[str | int]:
    parts: list[str | int] = []
    for part in entry.parts:
        if isinstance(part, int) or part.startswith("="):
            parts.append(part)
        else:
            parts.extend(_word_keys(part, nlp, keyer, articles))
    return _tidy_gaps(entry, parts)


def _word_keys(words: str, nlp: Language, keyer: WordKeyer, articles: frozenset[str]) -> list[str]:
    """A pattern word's keys: it may be several tokens ("cessez-le-feu" is one, "all-out" three)."""
    return [keyer.canon(t.text) for t in nlp.tokenizer(words) if not t.is_space and norm(t.text) not in articles]


def keyed_families(nlp: Language, families: Sequence[Family], keyer: WordKeyer,
                   articles: frozenset[str]) -> KeyedFamilies:
    """The families' members as pattern keys (a member may be several words: "kick out")."""
    def keys(member: str) -> tuple[str, ...]:
        return tuple(k for word in member.split() for k in _word_keys(word, nlp, keyer, articles))

    return KeyedFamilies([[keys(member) for member in family.members] for family in families],
                         [[keys(member) for member in family.reach] for family in families])


class PhraseTrie:
    """Key sequences -> targets, found in a keyed sentence by start, then by end: the matches and
    the order of spaCy's PhraseMatcher on the same words, from nested dicts that build in a tenth
    of the time (45,000 English patterns: the PhraseMatcher took most of a second to fill)."""

    END = None  # the key of a node's targets: no word is None

    def __init__(self, root: dict[str | None, Any] | None = None) -> None:
        self.root: dict[str | None, Any] = {} if root is None else root

    def add(self, keys: Sequence[str], target: int | str) -> None:
        node = self.root
        for key in keys:
            node = node.setdefault(key, {})
        node.setdefault(self.END, []).append(target)

    def find(self, keys: Sequence[str]) -> Iterator[tuple[int | str, int, int]]:
        """(target, start, end) of every sequence in keys[start:end]."""
        size = len(keys)
        for start in range(size):
            node = self.root.get(keys[start])
            end = start + 1
            while node is not None:
                for target in node.get(self.END, ()):
                    yield target, start, end
                if end == size:
                    break
                node = node.get(keys[end])
                end += 1


class PatternSet:
    """One language's lexicon patterns, keyed, in a PhraseTrie.

    The trie and the chains of the gapped patterns are plain data built from the keyed patterns:
    kept in the set-up cache under the keyed patterns' own key, so a start reads them back (45,000
    English patterns took half a second to index) instead of keying and indexing them again."""

    def __init__(self, nlp: Language, entries: Sequence[LexiconEntry], keyer: WordKeyer, articles: frozenset[str],
                 families: Sequence[Family] = (), unreversed: frozenset[str] = frozenset(),
                 voiced: frozenset[str] = frozenset()):
        self.entries = list(entries)
        self._keyed_from = (nlp, keyer, articles)
        # Families vary the rows written by hand (not those a tool generated: see lexicon.GENERATED_FILES).
        varied = [not is_generated(entry) for entry in self.entries]
        # Rows written by hand are also read in the passive order, except "not a cue" rows and rows
        # whose words name a voice or an order already ("être", unreversed: cue_words.tsv).
        reversible = [v and entry.weight != 0 and unreversed.isdisjoint(entry.pattern.split())
                      for v, entry in zip(varied, self.entries, strict=True)]
        # Rows read on the parse's link (finder._linked): those written by hand, cues, not naming a
        # voice ("être", "be": a row written in the passive already); an unreversed verb too (the
        # link makes "recalled, on Tuesday, its ambassador" a recall, where the order alone did not).
        linkable = [v and entry.weight != 0 and voiced.isdisjoint(entry.pattern.split())
                    for v, entry in zip(varied, self.entries, strict=True)]
        inputs = _pattern_inputs(nlp, entries, keyer, articles)
        inputs += ["\n".join("|".join(family.members + tuple(">" + m for m in family.reach)) for family in families), "".join(map(str, map(int, varied))),
                   "".join(map(str, map(int, reversible))), "".join(map(str, map(int, linkable)))]
        index = cached(f"cue-index-{keyer.lang}", inputs,
                       lambda: _index(keyed_parts(nlp, entries, keyer, articles),
                                      keyed_families(nlp, families, keyer, articles), varied, reversible,
                                      linkable))
        self.pattern_words: set[str] = index["words"]
        self.trie = PhraseTrie(index["trie"])
        # First segment label -> (entry index, the segments' labels, the gaps) of each gapped pattern.
        self._gapped: dict[str, list[tuple[int, list[str], list[int]]]] = index["gapped"]
        # The same for the passive orders: (entry index, labels, [reach], the row's own gap).
        self._passive: dict[str, list[tuple[int, list[str], list[int], int]]] = index["passive"]
        # The verb's segment label -> (entry index, the object's segment label) of each row the parse may link.
        self._linked: dict[str, list[tuple[int, str]]] = index["linked"]

    @functools.cached_property
    def keyed_patterns(self) -> dict[str, tuple[str | int, ...]]:
        """Each entry as the matcher sees it; two entries with the same keys are one cue twice."""
        nlp, keyer, articles = self._keyed_from
        keyed = keyed_parts(nlp, self.entries, keyer, articles)
        return {entry.pattern: tuple(parts) for entry, parts in zip(self.entries, keyed, strict=True)}

    def matches(self, keys: list[str], aside: frozenset[int] = frozenset()) -> list[Match]:
        """Every match of every pattern in a keyed sentence, overlapping ones included. The
        positions in ``aside`` (a bracketed or dashed aside: aside_positions) do not count in a gap."""
        if all(k in (OTHER, STOP) for k in keys):
            return []
        found: list[Match] = []
        segments: _Segments = defaultdict(list)
        for target, start, end in self.trie.find(keys):
            if isinstance(target, int):
                entry, variant = self._entry(target)
                found.append(Match(entry, tuple(range(start, end)), start, end - 1, variant))
            else:
                segments[target].append((start, end))
        if segments:
            stops = [i for i, k in enumerate(keys) if k == STOP]
            for first, occurrences in list(segments.items()):
                for index, labels, gaps in self._gapped.get(first, ()):
                    entry, variant = self._entry(index)
                    for start, end in occurrences:
                        for words in _chain(segments, labels, gaps, 1, end, stops, aside):
                            found.append(Match(entry, tuple(range(start, end)) + words, start, words[-1], variant))
                for index, labels, gaps, own in self._passive.get(first, ()):
                    entry, variant = self._entry(index)
                    for start, end in occurrences:
                        # A clause boundary ("mais") may stand between only where the parse links them.
                        for words in _chain(segments, labels, gaps, 1, end, [], aside):
                            verb = words[0]
                            near = (_counted(end, verb, aside) <= own + PASSIVE_EXTRA
                                    and not any(end <= s < verb for s in stops))
                            found.append(Match(entry, tuple(range(start, end)) + words, start, words[-1], variant,
                                               verb, near))
            found += self._linked_matches(segments, found)
        return found

    def _linked_matches(self, segments: _Segments, found: Sequence[Match]) -> list[Match]:
        """Each reversible row's verb and object segments found anywhere in the sentence, in either
        order, not overlapping and not already a match in the row's order: candidates that the
        finder keeps only where the parse links them (finder._linked)."""
        seen = {(id(m.entry), m.words) for m in found if m.verb < 0}
        linked: list[Match] = []
        for first in segments.keys() & self._linked.keys():
            for index, other in self._linked[first]:
                objects = segments.get(other)
                if not objects:
                    continue
                entry, variant = self._entry(index)
                for v_start, v_end in segments[first]:
                    for o_start, o_end in objects:
                        if o_start < v_end and v_start < o_end:
                            continue
                        verb, noun = tuple(range(v_start, v_end)), tuple(range(o_start, o_end))
                        words = tuple(sorted(verb + noun))
                        if (id(entry), words) in seen:
                            continue
                        seen.add((id(entry), words))
                        linked.append(Match(entry, words, words[0], words[-1], variant, link=(verb, noun)))
        return linked

    def _entry(self, target: int) -> tuple[LexiconEntry, bool]:
        """A trie target's entry, and whether the target is a family variant (its index as -1 - index)."""
        return (self.entries[target], False) if target >= 0 else (self.entries[-1 - target], True)


def _index(keyed: list[list[str | int]], families: KeyedFamilies | None = None,
           varied: Sequence[bool] = (), reversible: Sequence[bool] = (),
           linkable: Sequence[bool] | None = None) -> dict[str, Any]:
    """The trie, pattern words and gapped chains of keyed patterns, as plain data (set-up cache).

    A contiguous pattern's target is its entry's index. A gapped pattern is a chain of contiguous
    segments ("relation", 8, "dégrader"): the trie finds the segments (target: the segment's
    label), _chain() checks their order and the gaps. (spaCy's Matcher with "{0,8}" wildcards did
    the same at a cost of ~1 ms per sentence.)

    The family variants (families.py) of each pattern whose ``varied`` flag is set are indexed with
    its entry's index (as -1 - index, so that a match knows it is a variant), after every written
    pattern: a variant whose keys are those of a written row (or of an earlier variant) is left out,
    and a written row wins over a variant on the same words (resolve_overlaps), so a row written by
    hand keeps its own weight.

    A reversible row of two segments "V ~N O" (and each of its family variants) is also indexed in
    the passive order "O ~PASSIVE_REACH V" (``passive``; beside a written row "O ~N V", whose match
    wins a tie: resolve_overlaps); the finder keeps such a match only where V is a passive or reflexive form (finder._passive_form)."""
    trie = PhraseTrie()
    passive: dict[str, list[tuple[int, list[str], list[int], int]]] = defaultdict(list)
    gapped: dict[str, list[tuple[int, list[str], list[int]]]] = defaultdict(list)
    segment_labels: set[str] = set()
    words: set[str] = set()

    def add(index: int, parts: list[str | int]) -> None:
        words.update(p for p in parts if isinstance(p, str))
        if all(isinstance(p, str) for p in parts):
            trie.add([str(p) for p in parts], index)
            return
        segments, gaps = _segments_and_gaps(parts)
        labels = ["seg " + " ".join(segment) for segment in segments]
        for label, segment in zip(labels, segments, strict=True):
            if label not in segment_labels:
                segment_labels.add(label)
                trie.add(segment, label)
        gapped[labels[0]].append((index, labels, gaps))

    for index, parts in enumerate(keyed):
        add(index, parts)
    if families is not None and families.members:
        seen = {tuple(parts) for parts in keyed}
        for index, parts in enumerate(keyed):
            if not (index < len(varied) and varied[index]):
                continue
            for variant in families.expand(parts):
                if tuple(variant) not in seen:
                    seen.add(tuple(variant))
                    add(-1 - index, variant)  # a variant's target: its entry's index as -1 - index
    reversed_seen: set[tuple[str | int, ...]] = set()
    links = reversible if linkable is None else linkable
    linked: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for index, parts in enumerate(keyed):
        turns = index < len(reversible) and reversible[index]
        if not (turns or (index < len(links) and links[index])):
            continue
        forms, reached = [parts], []
        if families is not None and families.members:
            forms += families.expand(parts)
            # The one-way members of a class (families.tsv ">word") only where the parse links them.
            reached = [f for f in families.expand(parts, reach=True) if f not in forms]
        for number, form in enumerate(forms + reached):
            segments, gaps = _segments_and_gaps(form)
            if len(segments) != 2:
                continue
            turned: tuple[str | int, ...] = (*segments[1], PASSIVE_REACH, *segments[0])
            if turned in reversed_seen:
                continue
            reversed_seen.add(turned)
            labels = ["seg " + " ".join(segment) for segment in (segments[1], segments[0])]
            for label, segment in zip(labels, (segments[1], segments[0]), strict=True):
                if label not in segment_labels:
                    segment_labels.add(label)
                    trie.add(segment, label)
            words.update(p for p in form if isinstance(p, str))
            target = index if number == 0 else -1 - index
            if turns and number < len(forms):
                passive[labels[0]].append((target, labels, [PASSIVE_REACH], gaps[0]))
            if index < len(links) and links[index]:
                linked[labels[1]].append((target, labels[0]))
    return {"trie": trie.root, "words": words, "gapped": dict(gapped), "passive": dict(passive),
            "linked": dict(linked)}


def aside_positions(texts: Sequence[str], tags: Sequence[str] = ()) -> frozenset[int]:
    """The positions of a sentence's asides, brackets, dashes and commas included: "ont abattu deux
    (selon l'autre camp, un seul) avions", "a abattu – selon Kiev – trois drones", "a abattu, selon
    Kiev, trois drones". A bracket or dash left open sets nothing aside. Between commas (with the
    part-of-speech tags), only a short aside with no verb and no conjunction: a clause or a list
    item between commas still counts."""
    found: set[int] = set()
    opened: tuple[int, str] | None = None
    for position, text in enumerate(texts):
        if opened is None:
            if text in _ASIDE_PAIRS:
                opened = (position, _ASIDE_PAIRS[text])
            elif text in _ASIDE_DASHES and position > 0:
                opened = (position, text)
        elif text == opened[1] or (opened[1] in _ASIDE_DASHES and text in _ASIDE_DASHES):
            found.update(range(opened[0], position + 1))
            opened = None
    if tags:
        commas = [p for p, text in enumerate(texts) if text == ","]
        for first, second in zip(commas, commas[1:], strict=False):
            inside = range(first + 1, second)
            if 0 < len(inside) <= _COMMA_ASIDE and not any(tags[p] in _CLAUSE_TAGS for p in inside):
                found.update(range(first, second + 1))
    return frozenset(found)


def _counted(prev_end: int, start: int, aside: frozenset[int]) -> int:
    """The words between two segments that count in a gap: an aside's do not."""
    return start - prev_end - sum(1 for p in range(prev_end, start) if p in aside)


def _chain(segments: _Segments, labels: list[str], gaps: list[int], index: int, prev_end: int,
           stops: list[int], aside: frozenset[int] = frozenset()) -> Iterable[tuple[int, ...]]:
    """Every way to place segments[index:] after a segment ending at prev_end: each within
    its gap and with no sentence stop in between; yields the placed segments' positions."""
    if index == len(labels):
        yield ()
        return
    for start, end in segments.get(labels[index], ()):
        if (prev_end <= start and _counted(prev_end, start, aside) <= gaps[index - 1]
                and not any(prev_end <= s < start for s in stops)):
            for rest in _chain(segments, labels, gaps, index + 1, end, stops, aside):
                yield tuple(range(start, end)) + rest


def resolve_overlaps(found: list[Match]) -> list[Match]:
    """Most pattern words first, then the tighter span, then the earlier one, then a written row
    before a family variant (families.py).

    A phrase that loses a word to another still says which sense its other words have: in
    "struck a security pact", "strike ~3 pact" loses "pact" to "security pact", and "struck" is
    then no military strike. A shorter match inside a losing phrase of the opposite sign is dropped.
    A row read in its written order wins over one read in the passive order on the same span, and
    both over one found by the parse's link (a cue is counted once, however it was found).
    """
    found.sort(key=lambda m: (-len(m.words), m.end - m.start, m.verb >= 0, bool(m.link), m.start, m.variant,
                              -abs(m.entry.weight)))
    taken: set[int] = set()
    kept: list[Match] = []
    lost: list[Match] = []
    for match in found:
        if taken.isdisjoint(match.words):
            if not any(_sense_given_by(loser, match) for loser in lost):
                taken.update(match.words)
                kept.append(match)
        else:
            lost.append(match)
    return sorted(kept, key=lambda m: m.start)


def _sense_given_by(loser: Match, match: Match) -> bool:
    """Whether a phrase that lost an overlap gives the match's words another sense (sign)."""
    return (len(loser.words) > len(match.words) and set(match.words) < set(loser.words)
            and (loser.entry.weight > 0) != (match.entry.weight > 0))
