"""The models as the scorer loads them quickly give spaCy's own lemmas and tokens: the lemmatizer
tables read as HashedTables or CompactTables (tracker/scorer/lemma_lookups.py, compact_lookups.py), the tokenizer built empty and filled
from the model's file (tracker/scorer/nlp.py).

Each pipeline is run on corpus articles with its tables as the scorer loads them, then with the
same component given the tables as spaCy reads them (Table, lists), and every lemma must match.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.lookups import Lookups, Table

from tracker.scorer.compact_lookups import CompactTable
from tracker.scorer.lemma_lookups import HashedTable

ROOT = Path(__file__).resolve().parents[1]


def _texts(lang: str) -> list[str]:
    files = sorted((ROOT / "corpus" / lang).glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in files]


def _lemmas(nlp, texts: list[str]) -> list[list[str]]:
    return [[token.lemma_ for token in doc] for doc in nlp.pipe(texts)]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_lemmas_are_spacys_own(lang, nlp_fr, nlp_en):
    nlp = nlp_fr if lang == "fr" else nlp_en
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert all(isinstance(lemmatizer.lookups.get_table(name), HashedTable | CompactTable)
               for name in lemmatizer.lookups.tables)
    texts = _texts(lang)
    ours = _lemmas(nlp, texts)
    loaded = lemmatizer.lookups
    try:
        lemmatizer.lookups = Lookups().from_disk(Path(nlp.path) / "lemmatizer" / "lookups")
        assert all(type(lemmatizer.lookups.get_table(name)) is Table for name in lemmatizer.lookups.tables)
        lemmatizer.cache = {}
        theirs = _lemmas(nlp, texts)
    finally:
        lemmatizer.lookups = loaded
        lemmatizer.cache = {}
    assert ours == theirs
    assert sum(map(len, ours)) > 3000


def test_a_hashed_table_answers_as_a_table():
    data = {"relations": ["relation"], "dégradées": ["dégrader"], 7: "seven"}
    table, hashed = Table("demo", data), HashedTable("demo", data)
    for key in ["relations", "dégradées", 7, "absent", 8]:
        assert (key in table) == (key in hashed)
        assert table.get(key, "none") == hashed.get(key, "none")
    assert hashed["relations"] == table["relations"] and hashed.name == "demo"
    assert sorted(hashed.keys()) == sorted(table.keys())


def test_the_english_tokenizer_is_the_models_own(nlp_en):
    """The scorer's pipelines start from an empty tokenizer that the model's file then fills
    (tracker/scorer/nlp.py); French is checked in tests/test_french_tokens.py."""
    import spacy

    own = spacy.load(nlp_en.path, exclude=[*nlp_en.component_names, "ner"])
    texts = _texts("en") + ["Invented: the U.S.-China talks (@StateDept) https://example.org/a?b=1 don't e-mail 3.5bn."]
    for text in texts:
        assert [t.text for t in nlp_en.make_doc(text)] == [t.text for t in own.make_doc(text)]
    assert nlp_en.tokenizer.rules == own.tokenizer.rules
