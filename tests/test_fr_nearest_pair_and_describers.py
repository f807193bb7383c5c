"""French: "les deux armées" is the pair just named, and a country named only to describe a noun is no side.

Every sentence here is invented, not real reporting."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article


def pairs_of(text: str) -> list[set[str]]:
    article = Article(text=text, language="fr", published=date(2024, 3, 6), published_source="header")
    return [{"-".join(p) for p in reading.pairs} for reading in score_article(article).readings]


# invented: an article about ARG-CHL that turns to joint drills of Chile and Peru
_HEAD = ("L'Argentine a convoqué lundi l'ambassadeur du Chili à Buenos Aires. "
         "Buenos Aires reproche au Chili des survols de son territoire austral. "
         "Santiago a rejeté ces accusations argentines. ")
_PAD = "Les tensions portent sur des eaux riches en krill. Une commission technique doit se réunir en mars. "
_DRILLS = "Le Chili et le Pérou ont par ailleurs mené des manœuvres navales conjointes dans le Pacifique. "
_AGAIN = "Les deux armées avaient déjà organisé des exercices similaires l'an dernier."


def test_les_deux_armees_is_the_pair_just_named():
    assert pairs_of(_HEAD + _PAD + _DRILLS + _AGAIN)[-1] == {"CHL-PER"}


@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: the article's pair named within reach too, so the phrase may mean either
        _HEAD + _DRILLS + _AGAIN,
        # the sentence before names three countries: no pair of two just named
        _HEAD + _PAD + "Le Chili, le Pérou et l'Équateur ont par ailleurs mené des manœuvres navales "
        "conjointes dans le Pacifique. " + _AGAIN,
    ],
)
def test_les_deux_armees_stays_the_articles_pair(text):
    assert pairs_of(text)[-1] == {"ARG-CHL"}


@pytest.mark.parametrize(
    "text, pairs",
    [
        # invented: the country after "alliées de" / "un proche de" / "partenaires de" describes a noun
        ("Le Kazakhstan a accusé jeudi l'Ouzbékistan d'avoir violé sa frontière, deux anciennes républiques "
         "soviétiques alliées de la Chine.", {"KAZ-UZB"}),
        ("Un proche de Pékin, le ministre ouzbek des Affaires étrangères, a rejeté les accusations du "
         "Kazakhstan.", {"KAZ-UZB"}),
        ("Le Tchad et le Soudan, deux pays voisins partenaires de la France, ont échangé des accusations.",
         {"SDN-TCD"}),
        # counter-examples that must not change: an apposition to a country, the group noun itself
        ("Le Japon a protesté auprès de la Corée du Sud, alliée des États-Unis.", {"JPN-KOR", "KOR-USA"}),
        ("La Pologne a critiqué les alliés de la Russie.", {"POL-RUS"}),
        ("L'Iran a livré des drones à la Russie, son principal allié.", {"IRN-RUS"}),
    ],
)
def test_a_country_describing_a_noun_is_no_side(text, pairs):
    assert pairs_of(text)[-1] == pairs


@pytest.mark.parametrize(
    "text, kept, aside",
    [
        # invented: a country named only in a clause opened by "alors que" / "tandis que" / "au moment où"
        # is no side of the main act, however the small parser hangs the clause
        ("Le Pérou a convoqué l'ambassadeur de Bolivie, alors que le président brésilien Lula se trouvait à "
         "Santiago.", {"BOL-PER"}, {"BOL-BRA", "BRA-PER"}),
        ("La Grèce a dénoncé des survols turcs, tandis que le chancelier allemand rencontrait des élus à Paris.",
         {"GRC-TUR"}, {"DEU-GRC", "DEU-TUR"}),
        ("Au moment où le président américain arrivait à Manille, Taïwan a dénoncé des incursions chinoises.",
         {"CHN-TWN", "PHL-USA"}, {"TWN-USA", "CHN-USA"}),
        # counter-examples: the clause names the other side of the main act, or its own pair
        ("La Russie a expulsé deux diplomates estoniens, tandis que la Lettonie convoquait l'ambassadeur de "
         "Biélorussie.", {"EST-RUS", "BLR-LVA"}, set()),
        ("L'Inde a rappelé son ambassadeur, alors que le Pakistan avait expulsé deux diplomates indiens.",
         {"IND-PAK"}, set()),
    ],
)
def test_a_country_of_a_background_clause_is_no_side_of_the_main_act(text, kept, aside):
    article = Article(text=text, language="fr", published=date(2024, 3, 6), published_source="header")
    reading = score_article(article).readings[-1]
    assert {"-".join(p) for p in reading.pairs} == kept
    assert {"-".join(a.pair) for a in reading.set_aside} >= aside


def _pairs(text: str, lang: str) -> set[str]:
    article = Article(text=text, language=lang, published=date(2024, 3, 6), published_source="header")
    return {"-".join(p) for p in score_article(article).readings[-1].pairs}


@pytest.mark.parametrize(("text", "lang", "pair"), [
    # a compound demonym on a subject-matter noun names that conflict's two sides (invented)
    ("Le conflit indo-pakistanais s'est ravivé cette semaine dans les montagnes.", "fr", "IND-PAK"),
    ("The Sino-Indian war still shapes how both armies patrol the ridge.", "en", "CHN-IND"),
])
def test_a_compound_on_a_conflict_names_its_two_sides(text, lang, pair):
    assert pair in _pairs(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # counter-examples: one country qualifying the conflict stays its subject matter (invented)
    ("Le conflit syrien inquiète toujours le Liban.", "fr"),
    ("The Syrian war still worries Lebanon.", "en"),
])
def test_a_single_demonym_on_a_conflict_stays_its_subject(text, lang):
    assert "LBN-SYR" not in _pairs(text, lang)
