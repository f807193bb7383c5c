"""The carried.tsv triggers are looked up by their first word (counterparts.py `_carry_index`): the trigger
found must be the one a plain scan of every row at every word finds, and a word's keys are kept on
the cue keyer, not in a module dict (every sentence here is invented, none is copied from real reporting)."""

from __future__ import annotations

import pytest

from tracker.scorer import counterparts
from tracker.scorer.counterparts import _carry_rows, sentence_carry
from tracker.scorer.cues.keys import WordKeyer
from tracker.scorer.cues.words import cue_words

_SENTENCES = {
    "fr": [
        "Le Tchad a fait de même mardi, après le Niger.",
        "Séoul a dénoncé une provocation inacceptable et promis des contre-mesures.",
        "Le Mali a emboîté le pas au Burkina Faso.",
        "Le ministre a fait une déclaration sans rapport.",  # "faire" alone: no trigger
    ],
    "en": [
        "Japan followed suit on Friday.",
        "Tokyo hit back at the remarks, calling them unacceptable.",
        "Berlin did likewise, and Paris did the same.",
        "The minister did a lot of work.",  # "do" alone: no trigger
        "The minister will meet his new Togolese counterpart on Friday.",
    ],
}


def _linear_scan(sent, lang, keyer):
    """The first (word, row) in sentence order, then in `_carry_rows` order, that fits: no index."""
    keys = [keyer.word_keys(t) for t in sent]
    for first in range(len(keys)):
        for words, kind in _carry_rows(lang):
            length = counterparts._row_length(words, keys, first) if words else 0  # a "*" is one or two words of any kind
            if length:
                last = sent[first + length - 1]
                return sent[first].idx, last.idx + len(last.text), kind
    return None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_first_word_index_finds_what_a_linear_scan_finds(lang, nlp_fr, nlp_en):
    nlp = nlp_fr if lang == "fr" else nlp_en
    keyer = WordKeyer(lang, cue_words(lang), nlp)
    found_any = False
    for text in _SENTENCES[lang]:
        sent = next(nlp(text).sents)
        carry = sentence_carry(sent, lang, [], 0, keyer.word_keys)
        expected = _linear_scan(sent, lang, keyer)
        got = (carry.start, carry.end, carry.kind) if carry.kind else None
        assert got == expected, text
        found_any = found_any or got is not None
    assert found_any


def test_word_keys_are_kept_on_the_keyer(nlp_en):
    keyer = WordKeyer("en", cue_words("en"), nlp_en)
    word = nlp_en("Tokyo hit back.")[1]
    keys = keyer.word_keys(word)
    assert {"hit", *keyer.lemmas(word)} <= keys
    assert keyer.word_keys(word) is keys  # cached by the keyer
    assert not hasattr(counterparts, "_WORD_KEYS")  # no module-level cache keyed by a bound method
