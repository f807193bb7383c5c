"""Word families (data/lexicon/families.tsv, tracker/scorer/cues/families.py): a phrase pattern's word
stands for its family when the patterns are compiled.

Every sentence here is invented, not real reporting.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.scorer.cues import cue_finder
from tracker.scorer.cues.families import FAMILIES_FILE, KeyedFamilies, read_families
from tracker.scorer.lexicon import load_lexicon


@pytest.fixture(scope="module")
def fr(nlp_fr):
    return nlp_fr, cue_finder(nlp_fr, "fr", load_lexicon())


@pytest.fixture(scope="module")
def en(nlp_en):
    return nlp_en, cue_finder(nlp_en, "en", load_lexicon())


def cues(pipeline, text: str) -> dict[str, float]:
    nlp, finder = pipeline
    return {c.pattern: c.weight for sent in nlp(text).sents for c in finder.find(sent)}


# --------------------------------------------------------------------------- a slot's family


def test_liens_stand_for_relations_fr(fr):
    # invented
    found = cues(fr, "Libreville réduit ses liens diplomatiques avec N'Djamena, selon un porte-parole.")
    assert found.get("réduire ~3 relation diplomatique", 0) > 0


def test_ties_and_relationship_cooled_read_as_deterioration_en(en):
    # invented
    for text in ("Ties between Oslo and Minsk cooled sharply this spring.",
                 "The Chile-Peru relationship has soured since the vote."):
        found = cues(en, text)
        assert found and all(w > 0 for w in found.values()), (text, found)
        assert any(p.split()[0] in ("relation", "tie") for p in found), (text, found)


def test_the_noun_of_an_act_reads_as_its_verb_and_back_fr(fr):
    # invented: "expulsion" for "expulser", "retrait" of "soldats" for "retirer ... troupes"
    assert cues(fr, "Lomé dénonce l'expulsion de trois journalistes togolais.").get("expulser ~4 journaliste", 0) > 0
    found = cues(fr, "Accra a confirmé le retrait de ses soldats stationnés au nord.")
    assert found.get("retrait ~4 troupe", 0) < 0


def test_salvoes_of_shells_are_fire_fr(fr):
    # invented
    assert cues(fr, "L'armée a tiré deux salves de roquettes vers la côte.").get("tir de roquette", 0) > 0


def test_an_envoy_called_in_is_summoned_en(en):
    # invented
    assert cues(en, "The envoy was called in on Friday over the border shooting.").get("ambassador ~8 be summon", 0) > 0


# --------------------------------------------------------------------------- what families leave alone


def test_a_word_alone_keeps_its_own_sense_en(en):
    # invented: "envoy" alone is a visit; "ambassador" alone is no cue, family or not
    assert "envoy" in cues(en, "The envoy arrived in Oslo on Monday.")
    assert cues(en, "The ambassador arrived in Oslo on Monday.") == {}


def test_a_written_row_wins_over_a_variant_on_the_same_words_fr(fr):
    # invented: "rupture ~3 relation" is written; "rompre ~4 relation" varied with "rupture" reads the same words
    found = cues(fr, "Ils se sont revus dix ans après la rupture de leurs relations.")
    assert "rupture ~3 relation" in found and "rompre ~4 relation" not in found


def test_generated_rows_are_not_varied_en(en):
    # invented: "damage ~4 relations" comes from the PETRARCH dictionary (cameo.en.tsv), which keeps its own words
    assert "damage ~4 relations" in cues(en, "The remarks damaged relations with Lima.")
    assert "damage ~4 relations" not in cues(en, "The remarks damaged ties with Lima.")


def test_a_word_of_no_family_is_not_varied_fr(fr):
    # invented: "liens" in a phrase no relation pattern has
    assert cues(fr, "Les enquêteurs étudient les liens du suspect avec la famille.") == {}


# --------------------------------------------------------------------------- the mechanism


def test_expand_varies_each_slot_and_leaves_one_member_alone():
    families = KeyedFamilies([[("relation",), ("lien",)], [("rompre",), ("rupture",)]])
    variants = families.expand(["rompre", 3, "relation"])
    assert sorted(map(tuple, variants)) == [("rompre", 3, "lien"), ("rupture", 3, "lien"), ("rupture", 3, "relation")]
    assert families.expand(["relation"]) == []  # a pattern of one member is not varied
    assert families.expand(["=rompre", 2, "relation"]) == [["=rompre", 2, "lien"]]  # an exact form is no member


def test_multiword_members():
    families = KeyedFamilies([[("expel",), ("kick", "out")]])
    assert families.expand(["kick", "out", 4, "ambassador"]) == [["expel", 4, "ambassador"]]
    assert families.expand(["expel", 4, "ambassador"]) == [["kick", "out", 4, "ambassador"]]


def test_families_file_reads_and_checks(tmp_path: Path):
    assert read_families(FAMILIES_FILE)
    bad = tmp_path / "families.tsv"
    bad.write_text("lang\tmembers\tnote\nfr\trelation | lien\t\nfr\tlien | attache\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match="already in the family"):
        read_families(bad)
    bad.write_text("lang\tmembers\tnote\nfr\trelation\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match="at least two members"):
        read_families(bad)
