"""English: countries read as a place or a topic though they are a side: a country owning an act after a
topic preposition ("protested over X's decision", "regarding X's announcement") is that act's agent; a
sentence opening on where an unqualified state body sits ("In Beijing, the foreign ministry said") is that
country acting.

Note: every sentence below is an invented example, not real reporting. Each rule has a
counter-example it must leave alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.scorer.mentions import find_mentions

DAY = date(2024, 3, 6)


@pytest.fixture(scope="module")
def read(nlp_en):
    """read(text) -> {mention text: role} for the whole text as one English sentence."""

    def _read(text: str) -> dict[str, str]:
        return {m.text: m.role for m in find_mentions(nlp_en(text)[:], "en", DAY)}

    return _read


@pytest.mark.parametrize(("text", "owner"), [
    ("Lima summoned the envoy over Bolivia's decision to close the border crossing.", "Bolivia"),
    ("Guyana asked the court for an order regarding Suriname's announcement of a vote in the region.", "Suriname"),
    ("Quito voiced anger about Colombia's cross-border raid on Sunday.", "Colombia"),
])
def test_the_owner_of_an_act_after_a_topic_preposition_is_a_side(read, text, owner):
    assert read(text)[owner] == "actor"


@pytest.mark.parametrize(("text", "owner"), [
    # Counter-examples (invented): the owner of a subject matter, and an act that talks are about, stay topics.
    ("Lima voiced concern on Monday over Bolivia's economy.", "Bolivia"),
    ("Chile and Peru held talks over Bolivia's decision to close the border.", "Bolivia"),
    ("The ministers spoke about Bolivia's future.", "Bolivia"),
])
def test_a_subject_matter_or_the_topic_of_talks_stays_a_topic(read, text, owner):
    assert read(text)[owner] == "topic"



@pytest.mark.parametrize(("text", "seat"), [
    ("In Lima, the foreign ministry condemned Bolivia's decision on Tuesday.", "Lima"),
    ("In Bolivia's capital, La Paz, officials rejected the claims made by Chile.", "Bolivia"),
])
def test_a_fronted_seat_of_a_state_body_is_that_country_acting(read, text, seat):
    assert read(text)[seat] == "actor"


@pytest.mark.parametrize(("text", "seat"), [
    # Counter-examples (invented): a body qualified by another country, or no state body after the comma.
    ("In Lima, Bolivian officials condemned the decision on Tuesday.", "Lima"),
    ("In Lima, the weather was cold as Bolivia's ministers arrived.", "Lima"),
])
def test_a_fronted_place_without_its_own_state_body_stays_a_place(read, text, seat):
    assert read(text)[seat] == "place"
