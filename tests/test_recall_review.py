"""The recall change's rules, narrowed after review: blocs, nationals told to leave, hosted sports events, the
run-up to a mediated event, "posted in", armed Taliban, the lowercase "talibans". Every sentence is invented."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article


def _reading(text: str, lang: str):
    article = Article(text=text, language=lang, published=date(2024, 3, 6), published_source="header")
    return score_article(article).readings[-1]


def _pairs(text: str, lang: str) -> set[str]:
    return {"-".join(p) for p in _reading(text, lang).pairs}


@pytest.mark.parametrize(("text", "lang", "pairs"), [
    # H1: a bloc one of whose members is named on its own (apposition, relative clause, the thing created) gives
    # no other member as a side (invented).
    ("Mali, a member of the Alliance of Sahel States, recalled its ambassador from Algeria.", "en", {"DZA-MLI"}),
    ("Le Mali, membre de l'Alliance des États du Sahel, a rappelé son ambassadeur à Alger.", "fr", {"DZA-MLI"}),
    ("The junta in Niger, which leads the Alliance of Sahel States, expelled the French ambassador.", "en",
     {"FRA-NER"}),
    ("Estonia and Latvia, two of the Baltic states, expelled Russian ambassadors on Monday.", "en",
     {"EST-RUS", "LVA-RUS"}),
    ("Le Niger, le Mali et le Burkina Faso ont créé la Confédération des États du Sahel en 2024.", "fr", set()),
    # counter-examples: the bloc as the act's subject or object, a member's capital only a place (invented)
    ("The Confederation of Sahel States signed a security pact with Russia in Niamey.", "en",
     {"BFA-RUS", "MLI-RUS", "NER-RUS"}),
    ("Les pays baltes ont expulsé dix diplomates russes.", "fr", {"EST-RUS", "LTU-RUS", "LVA-RUS"}),
])
def test_a_bloc_gives_its_members_only_as_a_side(text, lang, pairs):
    assert _pairs(text, lang) == pairs


@pytest.mark.parametrize(("text", "lang", "other"), [
    # H2: a bloc's members are one side even with a mutual act or "between" (invented).
    ("Relations between the Baltic states and Belarus have deteriorated sharply.", "en", "BLR"),
    ("Les pays baltes et la Russie se sont mutuellement expulsé des diplomates.", "fr", "RUS"),
    ("Algeria and the Alliance of Sahel States traded accusations over the downed drone.", "en", "DZA"),
    ("Les tensions entre l'Algérie et l'Alliance des États du Sahel se sont aggravées.", "fr", "DZA"),
    ("The leaders of the Alliance of Sahel States met Putin in Moscow.", "en", "RUS"),
    ("Le président polonais a reçu à Varsovie les dirigeants des pays baltes.", "fr", "POL"),
])
def test_a_blocs_members_are_never_paired_together(text, lang, other):
    pairs = _pairs(text, lang)
    assert pairs and all(other in pair for pair in pairs)


@pytest.mark.parametrize(("text", "lang", "pairs"), [
    # H3: nationals told to leave a country in danger from a third state: that state is the side (invented).
    ("Germany told its citizens in Israel to leave amid fears of an Iranian missile attack.", "en", {"DEU-IRN"}),
    ("Australia told its citizens in Ukraine to leave immediately as Russian troops massed on the border.", "en",
     {"AUS-RUS"}),
    ("Britain urged its nationals in Israel to leave as Iran threatened retaliation for the strike in Damascus.",
     "en", {"GBR-IRN"}),
    # counter-examples: the host is the only other country named, a side of the call (invented)
    ("Poland asked its citizens in Belarus to leave the country immediately, citing the risk of arbitrary arrest.",
     "en", {"BLR-POL"}),
    ("La France a appelé ses ressortissants au Niger à quitter le pays au plus vite.", "fr", {"FRA-NER"}),
])
def test_nationals_told_to_leave_face_the_danger_named(text, lang, pairs):
    assert _pairs(text, lang) == pairs


@pytest.mark.parametrize(("text", "lang", "pairs"), [
    # H4: a match word or a score keeps a hosted event's sentence a match report (invented).
    ("Qatar, which hosted the World Cup, saw Iran beat the United States 1-0 in a tense group match.", "en", set()),
    ("Morocco, hosting the Africa Cup of Nations, beat Algeria 2-0 on Sunday.", "en", set()),
    ("Le Maroc, pays hôte de la Coupe d'Afrique des nations, a battu l'Algérie 2-0 dimanche.", "fr", set()),
    # co-hosts named with the host are no sides (invented)
    ("Morocco, which will host the 2030 World Cup with Spain and Portugal, recalled its ambassador from Algeria.",
     "en", {"DZA-MAR"}),
    ("Le Maroc, qui organisera la Coupe du monde 2030 avec l'Espagne et le Portugal, a rappelé son ambassadeur à "
     "Alger.", "fr", {"DZA-MAR"}),
    # counter-example: a hosted event and no match (invented)
    ("Saudi Arabia, which will host the 2034 World Cup, was criticised by Norway over its human rights record.",
     "en", {"NOR-SAU"}),
])
def test_a_hosted_event_beside_a_match_or_cohosts(text, lang, pairs):
    assert _pairs(text, lang) == pairs


@pytest.mark.parametrize(("text", "lang", "pairs"), [
    # H5: "after weeks of talks mediated by X" is the run-up to the same event: X stays its mediator (invented).
    ("Qatar announced the ceasefire between Israel and Hamas on Wednesday, after weeks of talks mediated by Qatar, "
     "Egypt and the United States.", "en", set()),
    ("Le Qatar a annoncé le cessez-le-feu entre Israël et le Hamas, après des semaines de médiation qatarie et "
     "égyptienne.", "fr", set()),
    # counter-example: another event after "a day after" (invented)
    ("Qatar urged Israel to respect the truce, a day after Qatari mediators brokered it.", "en", {"ISR-QAT"}),
])
def test_the_run_up_to_a_mediated_event_keeps_its_mediator(text, lang, pairs):
    assert _pairs(text, lang) == pairs


@pytest.mark.parametrize(("text", "lang", "pairs"), [
    # MEDIUMs: two envoys "posted in" a capital meet there; armed Taliban are no state; "les talibans" in lowercase
    # are Afghanistan's rulers (invented).
    ("The Iranian and Saudi ambassadors posted in Beijing met to prepare the deal.", "en", {"IRN-SAU"}),
    ("Taliban militants killed ten Pakistani soldiers in North Waziristan on Monday.", "en", set()),
    ("Le Pakistan accuse les talibans d'abriter des combattants qui attaquent ses soldats.", "fr", {"AFG-PAK"}),
])
def test_review_mediums(text, lang, pairs):
    assert _pairs(text, lang) == pairs


@pytest.mark.parametrize(("text", "lang"), [
    # Regional bodies' summits make a visited capital their venue, as the African Union's and the G20's do
    # (review of the capital-adjective visits, invented).
    ("The Saudi foreign minister arrived in the Qatari capital for the Gulf Cooperation Council summit.", "en"),
    ("Le chef de la diplomatie saoudienne a atterri à Doha pour le sommet du CCG.", "fr"),
    ("The Nigerian president arrived in Accra on Sunday for the ECOWAS summit.", "en"),
    ("Le président nigérian est arrivé dimanche à Accra pour le sommet de la Cédéao.", "fr"),
    ("The Turkish foreign minister landed in Jeddah for an extraordinary OIC meeting.", "en"),
])
def test_a_regional_bodys_summit_makes_the_capital_its_venue(text: str, lang: str) -> None:
    assert _pairs(text, lang) == set()
