"""Joined countries: every member of a coordinated or listed phrase shares the phrase's role, target and
side; members of one list are one side unless their act is joint or mutual among them.

Note: every sentence below is an invented example, not real reporting.
"""

from __future__ import annotations

from datetime import date

from tracker.records import Article
from tracker.scorer.pipeline import score_article


def _reading(text: str, lang: str):
    article = Article(text=text, language=lang, published=date(2024, 3, 6), published_source="header")
    return score_article(article).readings[-1]


def _codes(pairs) -> set[str]:
    return {"-".join(p) for p in pairs}


def _observed(reading) -> dict[str, float]:
    return {"-".join(o.pair): o.score for o in reading.observations}


# --- (1) every member of the phrase gets the phrase's target and role --------------------------------------

def test_a_recall_reaches_every_post_of_a_list_with_a_repeated_preposition():
    """The cue's target is the whole list, not its first member: both pairs get the recall (invented)."""
    reading = _reading("Le Chili a rappelé ses ambassadeurs au Pérou et en Bolivie après la dispute sur le port.", "fr")
    observed = _observed(reading)
    assert observed.get("CHL-PER", 0) > 0 and observed.get("BOL-CHL", 0) > 0
    assert "BOL-PER" not in _codes(reading.pairs)


def test_envoys_posted_in_a_comma_list_of_countries_all_face_the_sender():
    """Each post of a long list is read back to the one envoys' title: every listed country is a side (invented)."""
    reading = _reading("Le Mexique a rappelé ses ambassadeurs au Pérou, en Bolivie, en Équateur et en Colombie jeudi.",
                       "fr")
    assert _codes(reading.pairs) == {"MEX-PER", "BOL-MEX", "ECU-MEX", "COL-MEX"}


def test_a_place_list_without_an_envoy_stays_places():
    """Counter-example: with no envoy's title before the list, "en Équateur" stays a place (invented)."""
    reading = _reading("Les inondations ont touché le Pérou, la Bolivie et surtout les villages en Équateur.", "fr")
    assert not any("ECU" in pair for pair in reading.pairs)


def test_a_demonym_shares_the_mediator_noun_of_a_country_name_after_it():
    """"the Qatari and US mediators": both are mediators, no side of the talks they urge (invented)."""
    reading = _reading("The Qatari and US mediators urged Chad and Sudan to resume talks.", "en")
    assert _codes(reading.pairs) == {"SDN-TCD"}


def test_a_demonym_and_a_name_as_officials_stay_actors():
    """Counter-example: a noun that gives no role ("officials") leaves both as the act's sides (invented)."""
    reading = _reading("Qatari and US officials signed a trade pact on Monday.", "en")
    assert _codes(reading.pairs) == {"QAT-USA"}


# --- (2) one side, unless the act is joint or mutual among the members --------------------------------------

def test_a_list_holding_drills_with_no_other_side_does_them_together():
    """A lone list's exercise is joint: its members are each other's partners, cooperation (invented)."""
    observed = _observed(_reading(
        "Brazil, Chile, Peru and Uruguay are holding naval drills off the Atlantic coast this week.", "en"))
    assert set(observed) == {"BRA-CHL", "BRA-PER", "BRA-URY", "CHL-PER", "CHL-URY", "PER-URY"}
    assert all(score < 0 for score in observed.values())


def test_a_lone_list_sending_aid_stays_one_side():
    """Counter-example: a one-way act with no exercise pairs no one (invented)."""
    assert not _reading("Brazil, Chile and Peru sent relief supplies on Monday.", "en").pairs


def test_a_list_walking_out_of_a_body_is_no_act_among_its_members():
    """Hostility on a relation with no other country named: the list walks out together, no pair (invented)."""
    assert not _reading("Le Tchad, le Niger et le Gabon ont claqué la porte de l'union douanière.", "fr").pairs


def test_a_list_owning_its_soured_relations_keeps_its_pairs():
    """Counter-example: the relation is the list's own ("A, B and C's relations"): among them (invented)."""
    reading = _reading("Chad, Niger and Gabon's relations have soured sharply.", "en")
    assert _codes(reading.pairs) == {"NER-TCD", "GAB-TCD", "GAB-NER"}


def test_a_list_set_off_by_but_also_is_one_list():
    """"A, mais aussi B, C et D" is one list: with no other side and no mutual act, no pair (invented)."""
    assert not _reading("Le Pérou, mais aussi le Chili, la Bolivie et l'Argentine exportent du lithium.", "fr").pairs


def test_a_list_set_off_by_but_also_facing_a_country_is_its_one_side():
    """Counter-example: the list faces the country it protests to; its members are still not paired (invented)."""
    reading = _reading("Le Canada, mais aussi l'Australie et la Nouvelle-Zélande, ont dénoncé l'essai nucléaire "
                       "mené par l'Inde.", "fr")
    assert _codes(reading.pairs) == {"AUS-IND", "CAN-IND", "IND-NZL"}


def test_two_names_before_a_noun_word_stay_actors():
    """Counter-example: two names joined by a comma (a headline's subject) share no noun: "press" is the verb
    (invented)."""
    assert _codes(_reading("Chad, Sudan press ahead with border talks", "en").pairs) == {"SDN-TCD"}


def test_countries_whose_warships_another_joins_for_drills_drill_together():
    """A list facing another country still drills together: its members are each other's partners
    (invented)."""
    reading = _reading("A Canadian frigate joined Chilean and Peruvian warships for coastal drills last weekend.", "en")
    assert "CHL-PER" in _codes(reading.pairs)
    assert _observed(reading).get("CHL-PER", 0) < 0


def test_a_list_protesting_against_drills_stays_one_side():
    """Counter-example: the drills are what the list protests against, not its act (invented)."""
    assert not _reading("Japan, South Korea and Australia protested against the naval drills on Monday.", "en").pairs
    assert "JPN-KOR" not in _codes(
        _reading("Japan and South Korea protested against the naval drills held by China.", "en").pairs)
