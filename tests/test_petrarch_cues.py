"""tools/petrarch_cues.py: PETRARCH verb patterns -> our cue rows. The dictionary below is invented,
in PETRARCH2's format (a synonym set, verb blocks with forms, codes and patterns)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import petrarch_cues as pc  # noqa: E402

from tracker.scorer.lexicon import LexiconEntry, read_lexicon_file  # noqa: E402

DICTIONARY = """\
####### SYNONYM SETS #######
&WEAPON
+ROCKET
+CRUISE_MISSILE
+A-37B_DRAGONFLY

####### VERB PATTERNS #######
---  BOMBARD   [195]  ---
BOMBARD
FIRE  # common word: no row alone
- * &WEAPON                                           [195]         # FIRE
- * (AT {BORDER POST})                                [194]         # FIRE

---  SPEAK   [---]  ---
SPEAK {SPOKE SPOKEN SPEAKING}
- * (WITH DIPLOMAT)                                   [040]         # SPEAK
- * (ABOUT WEATHER)                                   [---]         # SPEAK
- TROOP * (TO BORDER)                                 [154]         # SPEAK
- * (TO PROTESTERS)                                   [141]         # SPEAK
######## TRANSFORMATIONS ##########
"""


@pytest.fixture(scope="module")
def rows(tmp_path_factory) -> dict[str, pc.Row]:
    path = tmp_path_factory.mktemp("petrarch") / "CAMEO.test.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    synsets, blocks = pc.read_dictionary(path)
    keyer = pc.Keyer()
    ours = [LexiconEntry("en", "bombard", 9.5, "military force", "", "ours")]
    converter = pc.Converter(pc.known_members(synsets, keyer), pc.Scale(), keyer, {("bombard",)})
    found = pc.select((r for b in blocks for r in converter.block_rows(b)), keyer, ours)
    return {r.pattern: r for r in found}


def test_patterns_expand_verbs_sets_and_prepositions(rows):
    assert rows["fire ~4 rocket"].weight == 10 and rows["fire ~4 rocket"].category == "military force"
    assert "fire ~4 cruise missile" in rows
    assert "fire ~4 at ~3 border post" in rows  # a prepositional phrase, its noun phrase contiguous
    assert rows["speak ~4 with ~3 diplomat"].category == "consultation"
    assert rows["speak ~4 with ~3 diplomat"].note == "CAMEO 040 speak, Goldstein 1"
    assert -2.5 <= rows["speak ~4 with ~3 diplomat"].weight <= -1


def test_noise_is_dropped_by_general_rules(rows):
    assert "bombard" not in rows  # ours has it: ours wins
    assert "fire" not in rows  # a common word alone
    assert not [p for p in rows if "dragonfly" in p]  # a synonym no news uses
    assert not [p for p in rows if "weather" in p]  # [---]
    assert not [p for p in rows if "troop" in p]  # a subject before the verb: no parse to find it
    assert not [p for p in rows if "protester" in p]  # street protests: a dropped band
    assert "bombard ~4 rocket" not in rows  # restates what our "bombard" already reads


def test_weights_follow_the_bands():
    scale = pc.Scale()
    assert scale.band("1952") == scale.band("195")  # a sub-code falls back on its parent
    assert scale.band("173") is None  # arrests: dropped
    embargo = scale.band("163")
    assert embargo is not None and embargo.category == "sanctions" and 6 <= embargo.weigh(-8) <= 8
    for code in ("190", "183", "204"):
        band = scale.band(code)
        assert band is not None and 9 <= band.weigh(scale.value(code) or 0) <= 10


def test_the_derived_file_is_a_well_formed_builtin():
    from tracker.scorer.lexicon import builtin_files

    files = builtin_files()
    derived = pc.DEFAULT_OUT
    assert derived in files and files.index(derived) < files.index(pc.OURS)  # ours loads last and wins
    assert "MIT License" in derived.read_text(encoding="utf-8")[:3000]
    assert len(read_lexicon_file(derived)) > 10_000
