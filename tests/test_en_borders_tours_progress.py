"""English: a border named by two countries joined by a hyphen or dash, with fighting in the sentence
("clashes on the Kyrgyz-Tajik border"), has both as sides; "firefight"/"gunfight" are fighting; the
host of a "diplomatic mission in X" is a party; "progress in resolving" is one cue, so a failure to
make progress denies the settlement; a tour's destinations listed after "including" or "stops in"
are each the visitor's counterpart, not each other's; "Turkey-made drones" names a maker, no party.

Note: every sentence below is an invented example, not real reporting. Each rule has a
counter-example it must leave alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article

DAY = date(2024, 3, 6)


def _reading(text: str):
    article = Article(text=text, language="en", published=DAY, published_source="header")
    return score_article(article).readings[-1]


def _scores(text: str) -> dict[str, float]:
    scores: dict[str, float] = {}
    for o in _reading(text).observations:
        scores[o.pair_code] = scores.get(o.pair_code, 0.0) + o.score
    return scores


def _roles(text: str) -> dict[str, str]:
    return {m.text: m.role for m in _reading(text).mentions}


@pytest.mark.parametrize("text", [
    # Fighting on a border named by its two countries (invented).
    "Two soldiers died in a firefight on the Kenya–Somalia border late on Monday.",
    "Clashes erupted along the Kenya-Somalia border on Tuesday.",
    "Fighting broke out on the Kenyan-Somali border overnight.",
])
def test_fighting_on_a_two_country_border_pairs_them(text):
    scores = _scores(text)
    assert scores.get("KEN-SOM", 0.0) > 0


@pytest.mark.parametrize(("text", "country"), [
    # Counter-examples (invented): no fighting, a natural event, or the sides named apart.
    ("Trucks crossed the Kenya-Somalia border on Tuesday.", "Somalia"),
    ("An earthquake and clashes hit the Kenya-Somalia border on Tuesday.", "Somalia"),
    ("Ugandan and Somali troops traded gunfire on the Kenya-Somalia border.", "Somalia"),
])
def test_border_compound_left_alone(text, country):
    assert _roles(text)[country] == "place"


@pytest.mark.parametrize(("text", "pair"), [
    # Fighters who are no state: the border is where they fought, no fighting between its countries (invented).
    ("Pakistani troops killed five militants in a firefight near the Afghan-Pakistan border.", "AFG-PAK"),
    ("Clashes between rival clans on the Kenya-Somalia border killed 12, Nairobi said.", "KEN-SOM"),
])
def test_fighting_with_non_state_fighters_on_a_border_pairs_no_states(text, pair):
    assert pair not in _scores(text)


@pytest.mark.parametrize(("text", "pair"), [
    # Counter-examples (invented): state forces of one side named, or the capital of one side, with no
    # other fighter named, stay the two sides.
    ("Eight Afghan troops were killed in clashes on the Pakistan-Afghanistan border.", "AFG-PAK"),
    ("Clashes on the Kenya-Somalia border killed 12, Nairobi said.", "KEN-SOM"),
])
def test_fighting_on_a_border_between_state_forces_pairs_them(text, pair):
    assert _scores(text).get(pair, 0.0) > 0


def test_diplomatic_mission_host_is_a_party():
    # invented
    scores = _scores("Three staff of the Polish diplomatic mission in Belarus were declared persona non grata.")
    assert scores.get("BLR-POL", 0.0) > 0
    # counter-example (invented): a UN mission's country stays a place ("mission" alone is no envoy's post)
    assert _roles("The UN mission in Mali was extended by a year.")["Mali"] == "place"


def test_a_former_diplomatic_mission_is_a_past_post():
    # counter-example (invented) that reaches the "diplomatic mission" title: a post held in the past
    # makes its host no party, as "former ambassador" does
    assert _roles("Poland's former diplomatic mission in Belarus now houses a museum.")["Belarus"] == "former"


@pytest.mark.parametrize(("text", "sign"), [
    # invented
    ("Cairo says Egypt and Ethiopia have failed again to make progress in resolving the dam row.", 1),
    ("Egypt and Ethiopia made no apparent progress in settling the dispute.", 1),
    # counter-examples (invented): progress made, a settlement agreed
    ("Egypt and Ethiopia made progress towards resolving the dispute.", -1),
    ("Egypt and Ethiopia agreed to resolve the dispute.", -1),
])
def test_progress_in_resolving(text, sign):
    assert _scores(text)["EGY-ETH"] * sign > 0


@pytest.mark.parametrize("text", [
    # A failure to make progress stays tension when what was not resolved is itself a cue, and "little"
    # or "scant" progress is as much a failure as "no" progress (invented).
    "China and Japan made no progress in resolving their territorial dispute.",
    "China and Japan made little progress in resolving their territorial dispute.",
    "China and Japan made little progress in resolving the border issue.",
    "China and Japan made scant progress towards settling the border issue.",
])
def test_little_or_no_progress_in_resolving_is_tension(text):
    assert _scores(text)["CHN-JPN"] > 0


@pytest.mark.parametrize("text", [
    # Counter-examples (invented): progress made resolves the dispute.
    "China and Japan made progress in resolving their territorial dispute.",
    "China and Japan agreed to resolve their territorial dispute.",
])
def test_progress_in_resolving_a_dispute_stays_cooperation(text):
    assert _scores(text)["CHN-JPN"] < 0


@pytest.mark.parametrize("text", [
    # invented
    "The French president starts a week-long tour of South America on Monday, including Argentina, Brazil and Chile.",
    "The French president left on Friday for a trip with stops in Argentina, Brazil and Chile.",
])
def test_tour_destinations_are_not_each_others_counterpart(text):
    scores = _scores(text)
    assert {"ARG-FRA", "BRA-FRA", "CHL-FRA"} <= set(scores)
    assert not {"ARG-BRA", "ARG-CHL", "BRA-CHL"} & set(scores)


def test_list_after_including_without_a_trip_left_alone():
    # counter-example (invented): the three are a mutual act's sides, no trip named
    scores = _scores("Countries including Argentina, Brazil and Chile held talks on trade.")
    assert {"ARG-BRA", "ARG-CHL", "BRA-CHL"} <= set(scores)


@pytest.mark.parametrize("text", [
    # "including" hangs on "countries", not on a trip: the trip word ends its clause, or its sentence
    # (closed by a quote), before the list (invented).
    "After the state visit, countries including Argentina, Brazil and Chile held talks on trade.",
    'The minister called it "a useful visit." Countries including Argentina, Brazil and Chile then held talks on trade.',
])
def test_list_after_including_past_a_trip_s_clause_left_alone(text):
    assert {"ARG-BRA", "ARG-CHL", "BRA-CHL"} <= set(_scores(text))


def test_list_after_including_under_another_noun_is_no_trip_s_stops():
    # invented: the countries are the subject of "opposed", not stops of the visit to Tokyo
    reading = _reading("During his visit to Tokyo, Putin said countries including China, India and Brazil "
                       "opposed the sanctions.")
    assert not any("including" in s.reason for s in reading.set_aside)
    assert not {"CHN-JPN", "IND-JPN", "BRA-JPN"} & {o.pair_code for o in reading.observations if o.score > 0}


def test_country_made_product_names_a_maker():
    # invented
    assert _roles("Russia attacked Kyiv with Iran-made drones overnight.")["Iran"] == "topic"
    # counter-example (invented): a "-made" product bought: its maker is the seller, a party
    assert _scores("Russia bought Iran-made drones.").get("IRN-RUS", 0.0) < 0
