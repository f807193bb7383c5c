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


def test_diplomatic_mission_host_is_a_party():
    # invented
    scores = _scores("Three staff of the Polish diplomatic mission in Belarus were declared persona non grata.")
    assert scores.get("BLR-POL", 0.0) > 0
    # counter-example (invented): a UN mission's country stays a place
    assert _roles("The UN mission in Mali was extended by a year.")["Mali"] == "place"


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


def test_country_made_product_names_a_maker():
    # invented
    assert _roles("Russia attacked Kyiv with Iran-made drones overnight.")["Iran"] == "topic"
    # counter-example (invented): the country as the seller stays a party
    assert _roles("Iran sold drones to Russia.")["Iran"] == "actor"
