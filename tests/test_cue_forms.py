"""Cue rows read in other surface forms (tracker/scorer/cues/matching.py, finder.py): a verb+object row
in its passive or reflexive order, and a gap that does not count a bracketed or dashed aside.

Every sentence here is invented, not real reporting.
"""

from __future__ import annotations

import pytest

from tracker.scorer.cues import cue_finder
from tracker.scorer.cues.matching import aside_positions
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


# --------------------------------------------------------------------------- passive order


def test_passive_participle_reads_the_verb_object_row_fr(fr):
    # invented: "revendiquer ~2 île" with the islands first, the participle after, a relative clause between
    found = cues(fr, "Ces deux îles, que Malte administre depuis 1990 avec ses garde-côtes, sont revendiquées par la Libye.")
    assert found.get("revendiquer ~2 île", 0) > 0, found


def test_passive_with_etre_reads_the_row_fr(fr):
    # invented
    found = cues(fr, "Deux drones tchadiens ont été abattus au-dessus de la frontière.")
    assert any(w >= 8 for w in found.values()), found


def test_active_with_avoir_is_no_passive_fr(fr):
    # invented counter-example: the troops are the subject of an active verb, nothing is withdrawn from them
    found = cues(fr, "Les troupes nigériennes ont retiré leur confiance au commandement.")
    assert not any(p.startswith(("retirer", "retrait")) and "troupe" in p for p in found), found


def test_reflexive_verb_reads_the_withdrawal_fr(fr):
    # invented: "les soldats se sont retirés" is the withdrawal of troops
    found = cues(fr, "Les soldats gabonais se sont retirés de la zone contestée.")
    assert any(("retir" in p or "retrait" in p) and w < 0 for p, w in found.items()), found


def test_passive_was_shot_down_en(en):
    # invented
    found = cues(en, "Three Chadian drones were shot down over the border on Friday.")
    assert any(w >= 8 for w in found.values()), found


def test_active_have_is_no_passive_en(en):
    # invented counter-example: "troops have withdrawn support" withdraws no troops
    found = cues(en, "Gabonese troops have withdrawn support from the interim council.")
    assert not any("withdraw" in p and "troop" in p for p in found), found


def test_noun_far_from_an_unlinked_participle_is_no_passive_fr(fr):
    # invented counter-example: the islands and "revendiqué" are far apart in two clauses, the parse links
    # the participle to the attack, not to the islands
    found = cues(fr, "Les îles restent calmes depuis des années, dit le maire, et l'attentat du port a été revendiqué.")
    assert "revendiquer ~2 île" not in found, found


# --------------------------------------------------------------------------- asides in a gap


def test_bracketed_aside_does_not_count_in_the_gap_fr(fr):
    # invented
    found = cues(fr, "La défense tchadienne a abattu trois (un seul selon N'Djamena) hélicoptères libyens.")
    assert any(w >= 8 for w in found.values()), found


def test_bracketed_aside_does_not_count_in_the_gap_en(en):
    # invented
    found = cues(en, "Chad shot down three (Tripoli says one) Libyan jets.")
    assert found.get("shoot down ~3 jet", 0) >= 8, found


def test_long_words_without_brackets_still_exceed_the_gap_fr(fr):
    # invented counter-example: the same words without brackets stay too far apart
    found = cues(fr, "La défense tchadienne a abattu trois jours de suite selon les témoins des hélicoptères.")
    assert not any(w >= 8 for w in found.values()), found


def test_aside_positions():
    assert aside_positions(["a", "(", "b", "c", ")", "d"]) == frozenset({1, 2, 3, 4})
    assert aside_positions(["a", "–", "b", "–", "c"]) == frozenset({1, 2, 3})
    assert aside_positions(["a", "(", "b"]) == frozenset()  # left open: nothing set aside


def test_comma_aside_without_a_verb_does_not_count_fr(fr):
    # invented
    found = cues(fr, "La défense tchadienne a abattu, selon un communiqué du ministère, deux avions libyens.")
    assert found.get("abattre ~3 avion", 0) >= 8, found


def test_comma_clause_still_counts():
    # a clause (a verb) or a list (a conjunction) between commas is no aside
    assert aside_positions([",", "dit", "il", ","], ["PUNCT", "VERB", "PRON", "PUNCT"]) == frozenset()
    assert aside_positions([",", "Rome", "et", "Paris", ","], ["PUNCT", "PROPN", "CCONJ", "PROPN", "PUNCT"]) == frozenset()


def test_participle_of_another_noun_is_no_passive_fr(fr):
    # invented counter-example: the régime is supported, not the rebels named before it
    nlp, finder = fr
    doc = nlp("Bamako a soutenu des groupes rebelles qui combattent le régime, soutenu lui par Alger.")
    found = {c.text: c.pattern for sent in doc.sents for c in finder.find(sent)}
    assert not any(text.startswith("rebelle") for text in found), found



# --------------------------------------------------------------------------- English twins (bench/cue_parity.py)


def test_call_for_dialogue_is_an_appeal_en(en):
    # invented: the French "appeler ~3 dialogue" had no English row
    found = cues(en, "Lomé called for dialogue between the two capitals.")
    assert found.get("call ~3 dialogue", 0) < 0, found


def test_participle_describing_an_object_of_another_act_is_its_past_en(en):
    # invented counter-example: the ties are restored; "severed" only dates their break
    found = cues(en, "Lomé and Accra agreed to restore diplomatic ties severed in 2011.")
    assert all(w < 0 for w in found.values()), found
