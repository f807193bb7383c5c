"""Language of an article and of each of its sentences.

News in French quotes English (the seed embeds a tweet), so the language is decided per paragraph
and per sentence, not once per article. py3langid is fast (~20 us a call) and, restricted to the
languages we score, reliable on sentences; very short strings ("Moscou et Washington") are too
ambiguous to trust, so they inherit the language around them.
"""

from __future__ import annotations

import copy
from array import array
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from .setup_cache import cached

SUPPORTED = ("fr", "en")
# Below these, a sentence keeps the language of its paragraph.
MIN_WORDS = 5
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=2)
def _identifier(restricted: bool) -> LanguageIdentifier:
    if not restricted:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # Decompressing the full model costs half a second: the restricted one's arrays are kept in the
    # set-up cache, and a later start reads them back in milliseconds.
    model = cached(f"langid-{'-'.join(SUPPORTED)}", [str(MODEL_FILE), _py3langid_version()], _restricted_model)
    ptc, pc, classes, nextmove, row, output = model
    return LanguageIdentifier(_array(ptc), _array(pc), classes, array(nextmove[0], nextmove[1]), output,
                              norm_probs=True, tk_row=array(row[0], row[1]))


def load_identifier() -> None:
    """The sentence-level identifier, loaded now (a process forked afterwards has it loaded)."""
    _identifier(True)


def _restricted_model() -> tuple[Any, ...]:
    """The arrays of the identifier restricted to SUPPORTED, as plain data (see _identifier)."""
    # Restricting a copy makes new arrays from the full model's and leaves the copied identifier as it was.
    ident = copy.copy(_identifier(False))
    ident.set_languages(list(SUPPORTED))
    return (_plain(ident.nb_ptc), _plain(ident.nb_pc), list(ident.nb_classes),
            (ident.tk_nextmove.typecode, ident.tk_nextmove.tobytes()),
            (ident.tk_row.typecode, ident.tk_row.tobytes()), ident.tk_output)


def _plain(values: np.ndarray) -> tuple[str, tuple[int, ...], bytes]:
    return values.dtype.str, values.shape, np.ascontiguousarray(values).tobytes()


def _array(plain: tuple[str, tuple[int, ...], bytes]) -> np.ndarray:
    dtype, shape, data = plain
    return np.frombuffer(data, dtype=dtype).reshape(shape).copy()


def _py3langid_version() -> str:
    try:
        return version("py3langid")
    except PackageNotFoundError:
        return "unknown"


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
