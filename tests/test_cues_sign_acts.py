"""Acts that had no cue or read the wrong sign, in both languages: shots exchanged, a missile fallen,
joint manoeuvres, ambassadors summoned or leaving, talks suspended, troops disengaging, trade
revived, the cold war as an era (every sentence here is invented, written the way news reports
relations; none is copied from real reporting).

Each rule has a sentence it must read and a counter-example it must leave alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article

PUBLISHED = date(2024, 3, 6)


def _score(text: str, lang: str, pair: str) -> float:
    article = Article(text=text, language=lang, published=PUBLISHED, published_source="header")
    reading = score_article(article).readings[-1]
    return sum(o.score for o in reading.observations if o.pair_code == pair)


@pytest.mark.parametrize(("text", "lang", "pair", "sign"), [
    # Shots exchanged, active and passive (invented); counter-example: a ceasefire at the same border.
    ("Lundi soir, des coups de feu ont encore été échangés près du poste-frontière entre le Tchad et le Soudan.", "fr", "SDN-TCD", 1),
    ("Les gardes-frontières ouzbeks et kirghiz ont échangé des coups de feu lundi.", "fr", "KGZ-UZB", 1),
    ("Shots were exchanged on Tuesday at the border between Armenia and Azerbaijan.", "en", "ARM-AZE", 1),
    ("Uzbek and Kyrgyz border guards exchanged gunfire on Monday.", "en", "KGZ-UZB", 1),
    ("L'Arménie et l'Azerbaïdjan ont conclu mardi un cessez-le-feu à la frontière.", "fr", "ARM-AZE", -1),
    # A missile that fell near a country's coast was fired at it (invented); counter-example: a plane landing.
    ("Selon Manille, un missile chinois s'est abattu dimanche au large, à 80 km de ses côtes.", "fr", "CHN-PHL", 1),
    ("Japan said a North Korean missile landed in its exclusive economic zone.", "en", "JPN-PRK", 1),
    ("A Japanese plane carrying the foreign minister landed in South Korea for talks on Tuesday.", "en", "JPN-KOR", -1),
    # A launch with its direction between the verb and the missiles' kind (invented).
    ("Le Pakistan a lancé vendredi depuis le désert en direction de l'Inde deux missiles balistiques.", "fr", "IND-PAK", 1),
    ("Pakistan fired on Friday from the desert towards India two ballistic missiles.", "en", "IND-PAK", 1),
    # Calling a government illegitimate (invented); counter-example: denied.
    ("The Ghanaian president called Mali's junta reckless and illegitimate.", "en", "GHA-MLI", 1),
    ("Le président ghanéen a qualifié la junte malienne d'« illégitime ».", "fr", "GHA-MLI", 1),
    # Joint manoeuvres are cooperation even with "militaires" between (invented); counter-example:
    # manoeuvres near another's border stay a show of force.
    ("Le Brésil tiendra cet automne des manœuvres militaires conjointes avec l'Argentine.", "fr", "ARG-BRA", -1),
    ("L'Inde et la France mènent des exercices navals conjoints dans l'océan Indien.", "fr", "FRA-IND", -1),
    ("China and Cambodia held joint military drills in May.", "en", "CHN-KHM", -1),
    ("A French frigate joined Indian warships for three days of drills in the Arabian Sea.", "en", "FRA-IND", -1),
    ("La Russie a mené des manœuvres militaires, au grand dam de la Lituanie.", "fr", "LTU-RUS", 1),
    # Ambassadors summoned to a foreign ministry, whoever is named before the verb (invented);
    # counter-example: an ambassador received for talks.
    ("Les ambassadeurs de plusieurs pays, dont l'Espagne et le Portugal, ont été convoqués au ministère "
     "vénézuélien des Affaires étrangères.", "fr", "ESP-VEN", 1),
    ("The envoys of several countries, among them Spain and Portugal, were summoned to the Venezuelan "
     "foreign ministry.", "en", "ESP-VEN", 1),
    ("L'ambassadeur d'Espagne a été reçu au ministère vénézuélien des Affaires étrangères pour préparer "
     "la visite du ministre.", "fr", "ESP-VEN", -1),
    # Expulsion measures, personae non gratae (invented).
    ("Le Burundi a annoncé des mesures d'expulsion contre des diplomates belges.", "fr", "BDI-BEL", 1),
    ("Berlin declared three members of the Iranian embassy personae non gratae.", "en", "DEU-IRN", 1),
    # An ambassador leaving the country of his post, or ordered to (invented); counter-example:
    # the end of a posting.
    ("L'ambassadeur de Belgique au Burundi a quitté Bujumbura mercredi matin.", "fr", "BDI-BEL", 1),
    ("Ouagadougou has ordered the Swiss ambassador to leave within 48 hours.", "en", "BFA-CHE", 1),
    ("L'ambassadeur de Belgique au Burundi quittera ses fonctions en juin et recevra une décoration "
     "burundaise.", "fr", "BDI-BEL", -1),
    # A demand to withdraw troops is pressure, not a retreat (invented); counter-example: the retreat.
    ("Niger asked France to withdraw its troops without delay.", "en", "FRA-NER", 1),
    ("Le Niger a demandé à la France de retirer ses troupes sans délai.", "fr", "FRA-NER", 1),
    ("Armenia withdrew its troops from the border with Azerbaijan on Monday.", "en", "ARM-AZE", -1),
    # Talks suspended, passive (invented); counter-example: talks resumed.
    ("Talks between Sudan and South Sudan were suspended after Juba walked out of the meeting.", "en", "SDN-SSD", 1),
    ("Les négociations entre le Soudan et le Soudan du Sud ont été suspendues lundi.", "fr", "SDN-SSD", 1),
    ("Talks between Sudan and South Sudan resumed on Monday.", "en", "SDN-SSD", -1),
    # Troops disengaging, with the past clashes in a background clause (invented); counter-example:
    # a country disengaging from a deal.
    ("Les soldats thaïlandais et cambodgiens se sont désengagés des zones où les affrontements avaient eu lieu.",
     "fr", "KHM-THA", -1),
    ("Thai and Cambodian troops disengaged from the areas where the clashes took place.", "en", "KHM-THA", -1),
    ("Les États-Unis se sont désengagés de l'accord nucléaire conclu avec l'Iran.", "fr", "IRN-USA", 1),
    # Resuming relations, reviving trade (invented); counter-example: a trade war revived.
    ("Le Maroc et l'Algérie reprennent les relations après deux ans de rupture.", "fr", "DZA-MAR", -1),
    ("Rabat et Alger veulent relancer le commerce entre les deux pays.", "fr", "DZA-MAR", -1),
    ("Rabat and Algiers hope to revive trade across their border.", "en", "DZA-MAR", -1),
    ("Washington threatened to revive the trade war with Beijing.", "en", "CHN-USA", 1),
    # The closure of a border, the noun first (invented).
    ("Trade between Rabat and Algiers, which collapsed after the closure of their border in 1994, has not "
     "recovered.", "en", "DZA-MAR", 1),
    # Strong ties, a binational commission, relations "not at their best" (invented).
    ("Hungary retains strong ties with Serbia.", "en", "HUN-SRB", -1),
    ("La Hongrie garde des liens forts avec la Serbie.", "fr", "HUN-SRB", -1),
    ("The German-Brazilian binational commission met in Brasilia on Monday.", "en", "BRA-DEU", -1),
    ("Portuguese-Moroccan relations are not at their best these days.", "en", "MAR-PRT", 1),
    ("Portuguese-Moroccan relations have been good for years.", "en", "MAR-PRT", -1),
    # The cold war as an era is a date, not the pair's climate (invented); counter-example: a new cold war.
    ("Le président chilien est arrivé à La Havane pour une visite historique, la première depuis une "
     "rupture remontant à la Guerre froide.", "fr", "CHL-CUB", -1),
    ("The Chilean president arrived in Havana for a historic visit, his first to an island he last saw "
     "during the Cold War.", "en", "CHL-CUB", -1),
    ("Moscou et Washington sont entrés dans une nouvelle guerre froide.", "fr", "RUS-USA", 1),
])
def test_the_sign_of_an_act(text, lang, pair, sign):
    score = _score(text, lang, pair)
    assert score * sign > 0, (text, score)


def test_a_direction_inside_a_gapped_cue_is_no_modality():
    # Invented: "towards India" between the launch and its missiles points the launch at a place,
    # it keeps the whole weight; counter-example: "toward" just before a cue still weakens it.
    from tracker.scorer.pipeline import score_article as score

    def cues(text: str):
        article = Article(text=text, language="en", published=PUBLISHED, published_source="header")
        return [c for r in score(article).readings for c in r.cues]

    launch = cues("Pakistan fired on Friday from the desert towards India two ballistic missiles.")
    assert launch and not any("modality" in m for c in launch for m in c.modifiers)
    step = cues("Turkey and Armenia took a first step toward normalising ties.")
    assert any("modality 'toward'" in m for c in step for m in c.modifiers)


@pytest.mark.parametrize(("text", "lang", "pair", "sign"), [
    # A wide launch gap holds a launch's direction, time, place, number; defence against missiles,
    # or a programme launched about them, is no launch (invented); the launch itself still reads.
    ("South Korea launched a new programme to defend against North Korean ballistic missiles.", "en", "KOR-PRK", 0),
    ("Japan unveiled a shield against North Korean ballistic missiles on Monday.", "en", "JPN-PRK", 0),
    ("La Corée du Sud a lancé un nouveau programme pour se défendre contre les missiles balistiques "
     "nord-coréens.", "fr", "KOR-PRK", 0),
    ("Le Japon a lancé un plan de défense contre les missiles balistiques de la Corée du Nord.", "fr", "JPN-PRK", 0),
    ("Pakistan fired on Friday from the desert towards India two ballistic missiles.", "en", "IND-PAK", 1),
    ("Le Pakistan a lancé vendredi depuis le désert en direction de l'Inde deux missiles balistiques.", "fr", "IND-PAK", 1),
    # Disengaging is de-escalation only with the troops named (invented); a country leaving a place is not.
    ("La France se désengage militairement du Mali après la rupture avec la junte.", "fr", "FRA-MLI", 1),
    ("France is disengaging from Mali, its defence ministry said.", "en", "FRA-MLI", 0),
    ("Les forces arméniennes et azerbaïdjanaises se désengagent de la ligne de front.", "fr", "ARM-AZE", -1),
    ("Armenia and Azerbaijan began to disengage their troops from the front line.", "en", "ARM-AZE", -1),
    # Resuming relations does not reach across "et" to another clause's relations (invented).
    ("Les combats ont repris et les relations entre le Soudan et le Soudan du Sud se dégradent.", "fr", "SDN-SSD", 1),
    ("Le Maroc et l'Algérie vont reprendre leurs relations diplomatiques.", "fr", "DZA-MAR", -1),
    # An ambassador leaving at the end of a mission is no recall (invented); the departure still reads.
    ("L'ambassadeur du Japon quittera Séoul en mars au terme de sa mission.", "fr", "JPN-KOR", 0),
    ("L'ambassadeur de France quittera Alger à la fin de son mandat.", "fr", "DZA-FRA", 0),
    # Asking a country not to withdraw its troops is no demand (invented); the demand still reads.
    ("Poland asked the United States not to withdraw its troops.", "en", "POL-USA", 0),
])
def test_reviewed_rules_read_their_case_and_leave_the_counter_example(text, lang, pair, sign):
    score = _score(text, lang, pair)
    assert (score > 0) - (score < 0) == sign, (text, score)
