"""English sides the news names only as background: a colonial past, a past war, a report's outlet.

Note: every sentence below is an invented example, not real reporting. Each rule has a
counter-example where the same words name a side and must stay one.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.scorer.mentions import find_mentions

DAY = date(2024, 3, 1)


@pytest.mark.parametrize(
    "text, lang, word, role",
    [
        # A colonial past is background, no side of the act (list `history`; invented examples).
        ("Since independence from France in 1960, Niger has sanctioned Benin twice.", "en", "France", "former"),
        ("Kenya, which gained independence from Britain in 1963, protested to Uganda.", "en", "Britain", "former"),
        ("Algeria, colonised by France until 1962, accused Morocco of spying.", "en", "France", "former"),
        ("Vietnam, colonised by the French, signed a deal with Laos.", "en", "French", "former"),
        ("Le Vietnam, colonisé par la France, a signé un accord avec le Laos.", "fr", "France", "former"),
        # Counter-examples: the same countries acting now stay sides.
        ("Niger has demanded that France withdraw its troops by December.", "en", "France", "actor"),
        ("Algeria recalled its ambassador from France on Monday.", "en", "France", "actor"),
    ],
)
def test_a_colonial_past_is_background(mention_roles, text, lang, word, role):
    assert mention_roles(text, lang)[word] == role


@pytest.mark.parametrize(
    "text, word, role",
    [
        # A war a year or decade dates is a past war: its other side is background (invented).
        ("The 2008 war with Georgia is long over, but Russia threatened Ukraine.", "Georgia", "former"),
        ("Croatia, still marked by its 1990s war with Serbia, protested to Hungary.", "Serbia", "former"),
        ("India, which fought a 1962 border war with China, protested to Pakistan.", "China", "former"),
        # Counter-example: a war without a date is the act itself.
        ("Russia threatened to widen its war with Ukraine.", "Ukraine", "actor"),
    ],
)
def test_the_other_side_of_a_past_war_is_background(mention_roles, text, word, role):
    assert mention_roles(text, "en")[word] == role


@pytest.mark.parametrize(
    "text, word, role",
    [
        # A deposed leader's country before a title is a past office (list `deposed`; invented).
        ("Poland barred the ousted Sudan President from entering its territory.", "Sudan", "former"),
        ("The toppled Afghan president fled to the UAE.", "Afghan", "former"),
        # Counter-example: the same word as an act keeps its object a side.
        ("Niger ousted French troops and turned to Russia.", "French", "actor"),
    ],
)
def test_a_deposed_leaders_country_is_former(mention_roles, text, word, role):
    assert mention_roles(text, "en")[word] == role


@pytest.mark.parametrize(
    "text, word, country, role",
    [
        # Navy ship prefixes name their state (invented).
        ("The destroyer USS Milius sailed with a Philippine frigate near the Spratlys.", "USS", "USA", "actor"),
        ("HMAS Toowoomba was approached by a Chinese warship.", "HMAS", "AUS", "actor"),
        # "set foot in" makes the place a visit's host, a party (invented) ...
        ("Peru's president will set foot in Chile on Monday for a two-day stay.", "Chile", "CHL", "actor"),
        # ... unless the visit is for a multilateral meeting: then only its venue.
        ("The Peruvian president set foot in India for the G20 summit.", "India", "IND", "place"),
        # Germany's foreign ministry by its English name, not the British Foreign Office (invented).
        ("The Federal Foreign Office summoned the Iranian ambassador.", "Federal Foreign Office", "DEU", "actor"),
        ("The Foreign Office summoned the Iranian ambassador.", "Foreign Office", "GBR", "actor"),
    ],
)
def test_english_names_of_a_state(nlp_en, text, word, country, role):
    found = {m.text: (m.country, m.role) for m in find_mentions(nlp_en(text)[:], "en", DAY)}
    assert found[word] == (country, role)


def test_a_lowercase_ship_word_is_no_country(nlp_en):
    """Counter-example: the prefixes match in capitals only (invented)."""
    assert not find_mentions(nlp_en("The hms file and the uss log were lost.")[:], "en", DAY)


@pytest.mark.parametrize(
    "text, word, role",
    [
        # A mediator phrase spreads over its "and" list even when the main verb follows (invented).
        ("A truce brokered by Qatar and Egypt halted fighting between Israel and Hamas.", "Egypt", "mediator"),
        ("The ceasefire mediated by Oman and Kuwait ended weeks of clashes.", "Kuwait", "mediator"),
        # Counter-examples: after a place, a verb starts a new clause; after a comma the list is a subject.
        ("Forces in Syria and Russia protested to Turkey.", "Russia", "actor"),
        ("In a deal brokered by China, Saudi Arabia and Iran agreed to restore ties.", "Iran", "actor"),
    ],
)
def test_a_mediators_list_before_the_main_verb(mention_roles, text, word, role):
    assert mention_roles(text, "en")[word] == role


@pytest.mark.parametrize(
    "text, lang, word, role",
    [
        # Where an outlet or a company is based is no side (list `based_after`; invented).
        ("Qatar-based Al Jazeera reported that Israel had struck Lebanon.", "en", "Qatar", "place"),
        # Counter-example: a backer is a side.
        ("Iranian-backed militias attacked US troops in Iraq.", "en", "Iranian", "actor"),
        # A colonial past qualified by a demonym is history (topic_noun rows; invented).
        ("Under French colonial rule until 1960, Senegal protested to Mali.", "en", "French", "topic"),
        ("La colonisation française a marqué l'Algérie, qui a rappelé son ambassadeur au Maroc.", "fr", "française",
         "topic"),
        # Counter-example: a rule of today keeps its state a side.
        ("Ukraine denounced Russian rule in Crimea.", "en", "Russian", "actor"),
        # A capital after a possessive of the same place is that place again (invented) ...
        ("Iran and the US held talks in Oman's capital, Muscat.", "en", "Muscat", "place"),
        # ... but the possessive alone, a host, keeps its own role.
        ("Oman's capital hosted talks between Iran and the US.", "en", "Oman", "mediator"),
    ],
)
def test_bases_colonial_pasts_and_venues(mention_roles, text, lang, word, role):
    assert mention_roles(text, lang)[word] == role


@pytest.mark.parametrize(
    "text, word, role",
    [
        # A state's military presence in another is aimed at that state (place_act 'presence'; invented).
        ("Paris plans to cut its military presence in Chad next year.", "Chad", "actor"),
        # Counter-example: a presence nobody named holds leaves the country a place.
        ("The presence in Mali of jihadist groups worries Algeria.", "Mali", "place"),
    ],
)
def test_a_states_presence_in_another(mention_roles, text, word, role):
    assert mention_roles(text, "en")[word] == role


@pytest.mark.parametrize(
    "text, lang, word, role",
    [
        # A country serving as mediator or guarantor is no side (list `serving_as`; invented).
        ("Israeli and Palestinian officials met in Aqaba, with Egyptian and American delegations attending as "
         "mediators.", "en", "Egyptian", "mediator"),
        ("Sudan and South Sudan signed a deal, with Ethiopia acting as a guarantor.", "en", "Ethiopia", "mediator"),
        ("Le Soudan et le Soudan du Sud ont signé un accord, l'Éthiopie agissant comme garant.", "fr", "Éthiopie",
         "mediator"),
        # Counter-examples: another noun or a verb between leaves the country a side.
        ("Egypt accused Israel of sabotaging Qatar's role as mediator.", "en", "Israel", "actor"),
        ("Egypt accused Israel of blocking aid, as mediators warned of famine.", "en", "Israel", "actor"),
    ],
)
def test_a_country_serving_as_mediator_is_no_side(mention_roles, text, lang, word, role):
    assert mention_roles(text, lang)[word] == role
