"""English wire copy that names a side in ways the older rules set aside: a country opening the clause
after a dated or topical opener ("On January 2, 2024, Somalia ..."), a state body named by where it
sits ("the authorities in Kinshasa"), an announced visit ("is expected in Kampala"), and a speaker
named only in a closing attribution ("..., the U.S. embassy in Kyiv said").

Note: every sentence below is an invented example, not real reporting. Each rule has a
counter-example it must leave alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.scorer.mentions import find_mentions

DAY = date(2024, 3, 1)


@pytest.fixture(scope="module")
def read(nlp_en):
    """read(text) -> {mention text: role} for the whole text as one English sentence."""

    def _read(text: str) -> dict[str, str]:
        return {m.text: m.role for m in find_mentions(nlp_en(text)[:], "en", DAY)}

    return _read


@pytest.mark.parametrize(("text", "country"), [
    # A dated opener and its comma, then the subject (invented).
    ("On March 4, 2024, Chad formally announced the recall of its ambassador to Sudan.", "Chad"),
    ("On Tuesday, Ghana quietly handed a protest note to Togo's envoy.", "Ghana"),
    # A topical opener, then a coordinated subject and its verb (invented).
    ("Amid a row over fishing rights, Senegal and Gambia signed a new accord.", "Senegal"),
    ("In the middle of a quarrel over tariffs, Canada and the United States agreed on a truce.", "Canada"),
])
def test_a_country_after_an_openers_comma_opens_the_clause(read, text, country):
    assert read(text)[country] == "actor"


@pytest.mark.parametrize(("text", "country"), [
    # Counter-examples (invented): a real list of topics still takes its head's role.
    ("The ministers talked about fisheries, Senegal and Gambia.", "Senegal"),
    ("They held talks on trade, Taiwan and Ukraine.", "Taiwan"),
])
def test_a_list_of_topics_still_takes_its_heads_role(read, text, country):
    assert read(text)[country] == "topic"


@pytest.mark.parametrize(("text", "country"), [
    # A state body named by its seat is that country acting (invented).
    ("The authorities in Kigali said they were expelling the Burundian envoy.", "Kigali"),
    ("Officials in Hanoi condemned the Chinese survey ship's presence.", "Hanoi"),
    ("Authorities in Togo announced that the border with Ghana had been reopened.", "Togo"),
])
def test_a_state_body_seated_in_a_country_acts(read, text, country):
    assert read(text)[country] == "actor"


@pytest.mark.parametrize(("text", "country"), [
    # Counter-examples (invented): the body belongs to another country or an organisation; the
    # place is only where they are.
    ("U.S. officials in Baghdad condemned the Iranian strikes.", "Baghdad"),
    ("World Bank officials in Nairobi met Ugandan ministers.", "Nairobi"),
    ("Pakistan's officials in Kabul met Chinese envoys.", "Kabul"),
])
def test_a_body_owned_by_another_is_no_seat(read, text, country):
    assert read(text)[country] == "place"


def test_an_announced_visit_has_a_host(read):
    # invented example
    found = read("Ghana's foreign minister is expected in Togo this week for border talks.")
    assert found["Togo"] == "actor"


def test_a_place_after_an_unrelated_expectation_stays_a_place(read):
    # Counter-example (invented): no visit, a forecast.
    assert read("Ghana said rain was widely forecast in Togo this week.")["Togo"] == "place"


def test_a_speaker_named_only_in_a_closing_attribution_is_a_source(read):
    # invented example: both sides act before the comma; the embassy only reports it
    found = read("Russia struck a Ukrainian grain port overnight, the U.S. embassy in Kyiv said.")
    assert found["U.S."] == "topic"
    assert found["Russia"] == "actor"


@pytest.mark.parametrize("text", [
    # invented: the clause before the comma is the speaker's own demand or judgement of one side
    "Russia must end its invasion of Ukraine, the Canadian prime minister said on Monday.",
    "Russia's strikes on Ukraine's grain ports are unacceptable, the Canadian prime minister said.",
])
def test_a_speaker_who_demands_or_judges_stays_a_side(read, text):
    assert read(text)["Canadian"] == "actor"


def test_a_speaker_who_is_a_side_stays_one(read):
    # Counter-example (invented): with one side before the comma, the speaker is the claimant.
    found = read("Drones struck a grain port overnight, Ukraine's air force said, blaming Russia.")
    assert found["Ukraine"] == "actor"


@pytest.mark.parametrize(("text", "country", "role"), [
    # The place of a visit named right after it is its host (invented).
    ("The deals were signed in Lome, during President Akufo-Addo's two-day state visit to the coastal nation.",
     "Lome", "actor"),
    ("The two leaders signed the pact in Hanoi on a three-day visit by the Thai prime minister.", "Hanoi", "actor"),
    # Counter-examples (invented): a meeting place with no visit, or a multilateral meeting's venue.
    ("Ghana and Togo signed the accord in Accra on Monday.", "Accra", "place"),
    ("The leaders met in Addis Ababa during a visit for the African Union summit.", "Addis Ababa", "place"),
])
def test_the_place_of_a_visit_named_after_it(read, text, country, role):
    assert read(text)[country] == role


def test_png_in_capitals_is_papua_new_guinea(nlp_en):
    # invented examples: the abbreviation names the country; the image format in a sentence is no party
    found = find_mentions(nlp_en("PNG's defence minister signed a security pact with Australia.")[:], "en", DAY)
    assert ("PNG", "actor") in {(m.country, m.role) for m in found}
    found = find_mentions(nlp_en("Australia sent the map to Fiji as a PNG file.")[:], "en", DAY)
    assert ("PNG", "actor") not in {(m.country, m.role) for m in found}


@pytest.mark.parametrize("text", [
    # invented: "he"/"she" and a government body announcing the act: the body's own official, a side
    "He will hold talks with Ghana and Benin next week, the Portuguese foreign ministry said on Friday.",
    "She is due to travel to Chile, Peru and Bolivia in May, the Japanese government said.",
])
def test_a_government_announcing_its_officials_act_is_a_side(read, text):
    found = read(text)
    assert next(role for word, role in found.items() if word in {"Portuguese", "Japanese"}) == "actor"


@pytest.mark.parametrize(("text", "word"), [
    # Counter-examples (invented): a subject that is no "he"/"she", or a speaker that is no government body.
    ("The talks between Ghana and Benin will open next week, the Portuguese foreign ministry said.", "Portuguese"),
    ("He will hold talks with Ghana and Benin next week, the Portuguese daily Publico reported.", "Portuguese"),
])
def test_other_closing_speakers_stay_sources(read, text, word):
    assert read(text)[word] == "topic"
