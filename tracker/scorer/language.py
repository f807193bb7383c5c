"""Language of an article and of each of its sentences.

News in French quotes English (the seed embeds a tweet), so the language is decided per paragraph
and per sentence, not once per article. py3langid is fast (~20 us a call) and, restricted to the
languages we score, reliable on sentences; very short strings ("Moscou et Washington") are too
ambiguous to trust, so they inherit the language around them.
"""

from __future__ import annotations

import copy
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SUPPORTED = ("fr", "en")
# Below these, a sentence keeps the language of its paragraph.
MIN_WORDS = 5
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=2)
def _identifier(restricted: bool) -> LanguageIdentifier:
    if not restricted:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # The model is decompressed once per process (a few tenths of a second): restricting a copy
    # makes new arrays from the full model's and leaves the copied identifier as it was.
    ident = copy.copy(_identifier(False))
    ident.set_languages(list(SUPPORTED))
    return ident


def detect_article_language(text: str) -> str:
    """The article's main language among all languages py3langid knows (so German is seen as German)."""
    lang, _ = _identifier(False).classify(text[:5000])
    return str(lang)


# Function words that settle most sentences without the classifier: a sentence with several of one
# language's and none of the other's is that language. Mixed or sparse ones go to py3langid.
FUNCTION_WORDS = {
    "fr": frozenset("le la les des du une et est sont dans pour sur que qui avec pas ne au aux ces son sa ses "
                    "leur leurs ont été cette entre selon depuis".split()),
    "en": frozenset("the and of to is are was were in on for that with this from by has have had its their "
                    "which at an be been".split()),
}
DECISIVE = 3


def detect_language(text: str, default: str) -> str:
    """The language of a paragraph or sentence, among the supported ones; `default` when unsure."""
    words = text.lower().split()
    if len(words) < MIN_WORDS:
        return default
    counts = {lang: sum(map(vocab.__contains__, words)) for lang, vocab in FUNCTION_WORDS.items()}
    (first, n_first), (_, n_second) = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    if n_first >= DECISIVE and n_second == 0:
        return first
    lang, confidence = _identifier(True).classify(text)
    return str(lang) if confidence >= MIN_CONFIDENCE else default
