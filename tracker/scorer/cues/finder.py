"""CueFinder: one language's cues in a sentence, each weighed with its modifiers."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Span

from tracker.records import Cue, Setting
from tracker.scorer.lexicon import NOT_A_CUE, Lexicon

from .clauses import BackgroundWords, settings
from .context import SentenceContext
from .keys import WordKeyer
from .matching import Match, PatternSet, WordReader, resolve_overlaps
from .rules import ModifierRule, ModifierTable, load_modifiers, rules_hash
from .weighing import absorbed_negators, combine, cue_modifiers, damp_failed_occasions, relate_denied_topics
from .words import cue_words

# Bump when the matching or modifier logic changes what a sentence scores (the rows and word sets
# of the data files are in the version through their hash).
RULES_VERSION = "7"


class CueFinder:
    """Finds one language's cues in sentences; build once per (nlp, lang, lexicon): see cue_finder()."""

    def __init__(self, nlp: Language, lang: str, lexicon: Lexicon, modifiers: Sequence[ModifierRule] | None = None):
        self.nlp = nlp
        self.lang = lang
        self.lexicon = lexicon
        self.entries = lexicon.entries(lang)
        self.words = cue_words(lang)
        self.rules = [r for r in (load_modifiers() if modifiers is None else modifiers) if r.lang == lang]
        self.version = f"{lexicon.version}-{rules_hash(self.rules, self.words)}-r{RULES_VERSION}"
        self.background = BackgroundWords(frozenset(self.words.get("background preposition")),
                                          frozenset(self.words.get("background noun")),
                                          frozenset(self.words.get("background subordinator")))
        self.occasions = frozenset(self.words.get("occasion category"))

    # Built on the first sentence that needs them (the version above does not): a French article
    # does not build the English patterns, nor does the scorer version an ingest stores.
    @functools.cached_property
    def keyer(self) -> WordKeyer:
        return WordKeyer(self.lang, self.words)

    @functools.cached_property
    def table(self) -> ModifierTable:
        return ModifierTable(self.lang, self.rules, self.words)

    @functools.cached_property
    def patterns(self) -> PatternSet:
        return PatternSet(self.nlp, self.entries, self.keyer, self.words.articles)

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
            cache_key = (token.orth, token.lemma)
            word = cache[cache_key] if cache_key in cache else read(token)
            if word is not None:
                tokens.append(token)
                infos.append(word)
        kept = resolve_overlaps(self.patterns.matches([w.key for w in infos]))
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


@functools.lru_cache(maxsize=16)
def cue_finder(nlp: Language, lang: str, lexicon: Lexicon) -> CueFinder:
    """The CueFinder for this pipeline, language and lexicon, built once and reused."""
    return CueFinder(nlp, lang, lexicon)
