"""The lexicon as data: our files, analysts' files merged over them, and clear errors.

No spaCy model is needed here; tests/test_cues.py runs the lexicon through the real pipelines.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tracker.scorer.lexicon import (
    CATEGORIES,
    COOPERATION_CATEGORIES,
    DATA_DIR,
    NOT_A_CUE,
    TENSION_CATEGORIES,
    Lexicon,
    LexiconEntry,
    LexiconError,
    builtin_files,
    is_generated,
    load_lexicon,
    normalise_pattern,
    pattern_parts,
    read_lexicon_file,
)

HEADER = "pattern\tweight\tcategory\tnote\n"


def write(path: Path, body: str, header: str = HEADER) -> Path:
    path.write_text(header + body, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- our lexicon


@pytest.fixture(scope="module")
def ours() -> Lexicon:
    return load_lexicon()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_language_has_at_least_300_entries(ours, lang):
    cues = [e for e in ours.entries(lang) if e.category != NOT_A_CUE]
    assert len(cues) >= 300, f"{lang}: only {len(cues)} cue entries"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_category_is_used_and_every_entry_explains_its_weight(ours, lang):
    entries = ours.entries(lang)
    used = Counter(e.category for e in entries)
    assert set(used) == set(CATEGORIES), f"{lang}: unused categories {set(CATEGORIES) - set(used)}"
    unexplained = [e.pattern for e in entries if not e.note.strip()]
    assert not unexplained, f"{lang}: entries without a note: {unexplained[:10]}"


def test_weights_follow_the_design_bands(ours):
    """The bands of docs/architecture.md: military force +9..+10 at its core, meetings -1..-2.5, aid/alliance -7..-10."""
    for lang in ("fr", "en"):
        by_pattern = {e.pattern: e for e in ours.entries(lang)}
        core = {
            "fr": {"bombardement": (9, 10), "guerre de mot": (4, 6), "climat tendu": (3, 4),
                   "relation ~8 dégrader": (4, 5), "divergence": (2, 3), "rencontre": (-2.5, -1),
                   "aide militaire": (-10, -7), "alliance": (-10, -7), "sanction": (6, 8),
                   "menace": (5, 7)},
            "en": {"airstrike": (9, 10), "war of words": (4, 6), "sanction": (6, 8), "threaten": (5, 7),
                   "meet": (-2.5, -1), "summit": (-2.5, -1), "military aid": (-10, -7),
                   "alliance": (-10, -7), "disagreement": (2, 3)},
        }[lang]
        for pattern, (low, high) in core.items():
            assert low <= by_pattern[pattern].weight <= high, (lang, pattern, by_pattern[pattern].weight)


def test_the_version_is_stable_and_follows_the_content(ours, tmp_path):
    assert load_lexicon().version == ours.version
    assert load_lexicon() == ours and hash(load_lexicon()) == hash(ours)
    changed = load_lexicon([write(tmp_path / "mine.fr.tsv", "tension\t3.9\tdeterioration\tours\n")])
    assert changed.version != ours.version
    # A note does not change how anything scores, so it does not change the version.
    noted = load_lexicon([write(tmp_path / "note.fr.tsv", "tension\t3.5\tdeterioration\tanother note\n")])
    assert noted.version == ours.version


# --------------------------------------------------------------------------- analysts' files


def test_an_analysts_file_overrides_adds_and_disables(ours, tmp_path):
    path = write(tmp_path / "think-tank.fr.tsv", (
        "tension\t3\tdeterioration\twe read tensions a bit lower\n"
        "coup de chaud\t4\tdeterioration\tour house term\n"
        "bras de fer\t0\tdeterioration\twe do not count standoffs\n"
    ))
    merged = load_lexicon([path])
    tension = merged.get("fr", "tension")
    assert tension.weight == 3 and tension.source.startswith(str(path))
    assert merged.get("fr", "coup de chaud").category == "deterioration"
    assert merged.get("fr", "bras de fer") is None
    assert ours.get("fr", "bras de fer") is not None
    # Other languages are untouched.
    assert merged.entries("en") == ours.entries("en")
    assert len(merged.entries("fr")) == len(ours.entries("fr"))  # one added, one switched off


def test_later_files_win_and_a_folder_is_read_in_name_order(tmp_path):
    folder = tmp_path / "lexicons"
    folder.mkdir()
    write(folder / "a.en.tsv", "tension\t2\tdeterioration\tfirst\n")
    write(folder / "b.en.tsv", "tension\t2.5\tdeterioration\tsecond\n")
    assert load_lexicon([folder]).get("en", "tension").weight == 2.5
    single = write(tmp_path / "c.en.tsv", "tension\t3.2\tdeterioration\tthird\n")
    assert load_lexicon([folder, single]).get("en", "tension").weight == 3.2


def test_a_lang_column_serves_files_with_any_name(tmp_path):
    path = write(tmp_path / "terms.tsv", (
        "fr\tdiscorde absolue\t3.5\tdisagreement\t\n"
        "en\tbitter discord\t3.5\tdisagreement\t\n"
    ), header="lang\tpattern\tweight\tcategory\tnote\n")
    merged = load_lexicon([path])
    assert merged.get("fr", "discorde absolue") and merged.get("en", "bitter discord")


def test_patterns_are_normalised_so_an_override_finds_ours(tmp_path):
    assert normalise_pattern("  Guerre   des  MOTS ") == "guerre des mots"
    assert normalise_pattern("aujourd\u2019hui") == "aujourd'hui"
    path = write(tmp_path / "x.fr.tsv", "Climat  TENDU\t3\tdeterioration\tupper case on purpose\n")
    assert load_lexicon([path]).get("fr", "climat tendu").weight == 3


def test_pattern_parts_read_gaps_and_exact_forms():
    assert pattern_parts("relation ~8 dégrader") == ("relation", 8, "dégrader")
    assert pattern_parts("=shelling") == ("=shelling",)
    for bad in ("~3 tension", "tension ~3", "tension ~0 monter", "tension ~11 monter", "a ~2 ~3 b", "a ~x b", "="):
        with pytest.raises(ValueError):
            pattern_parts(bad)


# --------------------------------------------------------------------------- malformed files


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("tension\tbeaucoup\tdeterioration\tx\n", "weight 'beaucoup' is not a number"),
        ("tension\t12\tdeterioration\tx\n", "outside -10..10"),
        ("tension\t-10.5\timprovement\tx\n", "outside -10..10"),
        ("tension\t3\tmood\tx\n", "unknown category 'mood'"),
        ("tension\t-3\tdeterioration\tx\n", "tension category but the weight -3 is negative"),
        ("accord\t4\tagreement\tx\n", "cooperation category but the weight 4 is positive"),
        ("truc\t2\tnot a cue\tx\n", "must have weight 0"),
        ("tension ~2\t3\tdeterioration\tx\n", "bad pattern"),
        ("les\t3\tdeterioration\tx\n", "has only articles"),
        ("tension\t3\tdeterioration\tx\textra\n", "5 tab-separated cells"),
        ("tension\t3\tdeterioration\tx\ntension\t3.5\tdeterioration\ty\n", "already defined on line 2"),
    ],
)
def test_a_malformed_row_names_the_file_and_line(tmp_path, row, message):
    path = write(tmp_path / "bad.fr.tsv", row)
    with pytest.raises(LexiconError) as err:
        load_lexicon([path])
    assert f"{path}:" in str(err.value)
    assert message in str(err.value)
    # The line number is the row's (line 1 is the header).
    assert f"{path}:1:" not in str(err.value)


def test_a_weight_with_a_decimal_comma_is_read(tmp_path):
    # Analysts edit these files in spreadsheets set to a French locale.
    path = write(tmp_path / "virgule.fr.tsv", "tension\t3,5\tdeterioration\tspreadsheet export\n")
    assert load_lexicon([path]).get("fr", "tension").weight == 3.5


def test_missing_header_language_and_file_errors(tmp_path):
    no_header = tmp_path / "noheader.fr.tsv"
    no_header.write_text("tension\t3\tdeterioration\tx\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="first line must name the tab-separated columns"):
        read_lexicon_file(no_header)

    no_lang = write(tmp_path / "terms.tsv", "tension\t3\tdeterioration\tx\n")
    with pytest.raises(LexiconError, match="cannot tell the language"):
        read_lexicon_file(no_lang)

    bad_lang = write(tmp_path / "terms2.tsv", "de\ttension\t3\tdeterioration\tx\n",
                     header="lang\tpattern\tweight\tcategory\tnote\n")
    with pytest.raises(LexiconError, match="language 'de' is not one of fr, en"):
        read_lexicon_file(bad_lang)

    with pytest.raises(LexiconError, match="not found"):
        read_lexicon_file(tmp_path / "absent.fr.tsv")

    latin1 = tmp_path / "latin1.fr.tsv"
    latin1.write_bytes((HEADER + "détente\t-4\timprovement\tx\n").encode("latin-1"))
    with pytest.raises(LexiconError, match="not UTF-8"):
        read_lexicon_file(latin1)

    empty = tmp_path / "empty.fr.tsv"
    empty.write_text("# only a comment\n\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="empty lexicon file"):
        read_lexicon_file(empty)


def test_comments_blank_lines_and_a_missing_note_are_fine(tmp_path):
    path = write(tmp_path / "ok.en.tsv", "# our additions\n\nbitter standoff\t5.5\tdeterioration\n")
    (entry,) = read_lexicon_file(path)
    assert entry == LexiconEntry("en", "bitter standoff", 5.5, "deterioration", "", f"{path}:4")


def test_our_files_are_well_formed_and_categories_are_partitioned():
    assert set(TENSION_CATEGORIES).isdisjoint(COOPERATION_CATEGORIES)
    for path in builtin_files():
        entries = read_lexicon_file(path)  # raises on any malformed row
        assert entries, path


def test_the_lexicon_read_back_from_the_set_up_cache_is_the_one_built(tmp_path, monkeypatch):
    from tracker.scorer import setup_cache

    monkeypatch.setenv(setup_cache.CACHE_ENV, str(tmp_path / "cache"))
    extra = write(tmp_path / "mine.fr.tsv", "sanctions visées\t3\tsanctions\tinvented\n")
    built = load_lexicon([extra])
    read_back = load_lexicon([extra])
    monkeypatch.setenv(setup_cache.CACHE_ENV, "off")
    uncached = load_lexicon([extra])
    assert tuple(read_back) == tuple(built) == tuple(uncached)
    assert read_back.version == built.version == uncached.version
    assert read_back.entries("fr") == uncached.entries("fr") and read_back.get("fr", "sanctions visées")
    monkeypatch.setenv(setup_cache.CACHE_ENV, str(tmp_path / "cache"))
    write(extra, "sanctions visées\t4\tsanctions\tinvented\n")  # the file changed: read afresh
    assert load_lexicon([extra]).get("fr", "sanctions visées").weight == 4


def test_only_rows_of_the_built_in_generated_file_count_as_generated(tmp_path):
    # is_generated is asked of every row at each start: it must keep reading the file the row came
    # from, not its name alone (an analyst's file may be named like a built-in one).
    rows = {entry.source.rsplit(":", 1)[0]: is_generated(entry) for entry in load_lexicon().entries("en")}
    assert rows[str(DATA_DIR / "cameo.en.tsv")] is True
    assert rows[str(DATA_DIR / "en.tsv")] is False
    analysts = LexiconEntry("en", "sign ~3 accord", -2.0, "agreement", "invented", f"{tmp_path / 'cameo.en.tsv'}:3")
    assert is_generated(analysts) is False
