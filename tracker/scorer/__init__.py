"""The scorer: Article -> ScoredArticle.

Stages, in the order pipeline.py chains them: sentences and their language (language, nlp) ->
country mentions and their roles (mentions, with countries and leaders) -> the article's pair and
anaphora (pairs) -> cues with their modifiers (cues, lexicon) -> dates (dates) -> observations
(scoring). The rules are data, in data/.
"""

from tracker.scorer.spacy_import import import_spacy

import_spacy()  # before any stage imports spaCy: without its CLI package (spacy_import)
