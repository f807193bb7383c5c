"""French reporting names one acting country and the country its act reaches only as a place: a visit
("est arrivé dans la capitale gabonaise pour une visite"), an envoy recalled from a capital ("a rappelé
son ambassadeur de la capitale kényane"), a meeting or an offer made there ("a rencontré des dirigeants
en Jordanie", "d'ouvrir des discussions à Ankara"). With no other country in the sentence, that place is
the act's counterpart (counterparts.place_counterpart). Also: "les deux pays" in an article with no pair of two
acting countries is the two countries the nearest sentence names (pairs.anaphora_mentions), and "son
homologue X" faces the one other country of the sentence before (carried.tsv, kind counterpart).
Every sentence here is invented, written the way French news reports relations; none is copied from
real reporting.

Each case has sentences it must read and counter-examples it must leave alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article


def _reading(text: str, published: date = date(2024, 3, 12)):
    article = Article(text=text, language="fr", published=published, published_source="header")
    return score_article(article).readings[-1]


def _pairs(text: str) -> set[str]:
    reading = _reading(text)
    return {"-".join(p) for p in reading.pairs} | {o.pair_code for o in reading.observations}


@pytest.mark.parametrize(("text", "pair"), [
    # invented: a visit to a capital named by a nationality
    ("Le président tchadien est arrivé mardi dans la capitale gabonaise pour une visite de travail.", "GAB-TCD"),
    # invented: an envoy recalled from a capital named by a nationality
    ("Mardi, le Togo a décidé de rappeler son ambassadeur en poste dans la capitale béninoise.", "BEN-TGO"),
    # invented: a meeting held in the other country with its leaders, who are not named by country
    ("Le chef de la diplomatie japonaise avait rencontré des responsables locaux en Indonésie la semaine dernière.",
     "IDN-JPN"),
    # invented: a treaty named after a capital is set aside, the other place is the counterpart
    ("Invoquant la Convention de Vienne, le Mexique annonce la rupture des relations diplomatiques avec effet "
     "immédiat en Équateur.", "ECU-MEX"),
    # invented: a mediation in a capital
    ("Le président sénégalais est à Bamako pour une médiation.", "MLI-SEN"),
    # invented: the actor's own signing in the place (an auxiliary before the participle)
    ("Le Maroc a signé à Madrid un accord de pêche.", "ESP-MAR"),
    # invented: an incident named after the place leaves the place the recall's counterpart
    ("Le Maroc a rappelé son ambassadeur en poste dans la capitale algérienne après l'attentat.", "DZA-MAR"),
])
def test_a_lone_actors_one_place_is_its_counterpart(text, pair):
    assert pair in _pairs(text)


@pytest.mark.parametrize(("text", "absent"), [
    # invented: the place is where a body that is no country meets (venue participle)
    ("L'Union africaine a suspendu lundi le Niger de ses instances, a annoncé son Conseil de sécurité, réuni à Nairobi.",
     "KEN-NER"),
    # invented: the place is where an organisation is based
    ("Le Centre guinéen pour la paix, basé en Belgique, a dénoncé une attaque.", "BEL-GIN"),
    # invented: the lone country is only the object of another's act (a sports result)
    ("Les Étalons ont battu samedi le Mali 2-1 à Abidjan, grâce à leur attaquant vedette.", "CIV-MLI"),
    # invented: a place inside the acting state's own territory
    ("La France a signé à Saint-Denis de La Réunion un accord de coopération régionale.", "FRA-REU"),
    # invented: the visit is for a multilateral summit, the host only its venue
    ("Le Premier ministre portugais est arrivé à Nairobi, où il doit participer au sommet du G20.", "KEN-PRT"),
    # invented: the lone country only undergoes an act by someone unnamed (a passive verb's subject)
    ("Trois casques bleus népalais ont été tués au cours d'une embuscade au Mali.", "MLI-NPL"),
    # invented: an event held in the place makes it the event's venue
    ("Pendant une conférence de presse à Madrid, la ministre polonaise a réclamé un soutien militaire accru.",
     "ESP-POL"),
    ("Le ministre chinois a menacé de sanctions lors d'un forum à Singapour.", "CHN-SGP"),
    # invented: a capital naming a treaty or a summit is no place of the act
    ("Les États-Unis ont annoncé leur retrait de l'accord de Paris sur le climat.", "FRA-USA"),
    ("Le Japon a salué les conclusions du sommet de Pékin.", "CHN-JPN"),
    # invented: where an attack by no named state or a disaster happened; the actor reacts to it
    ("Le Japon a condamné l'attentat commis mercredi à Kaboul.", "AFG-JPN"),
    ("Le Canada a exprimé ses condoléances après le séisme survenu en Turquie.", "CAN-TUR"),
    # invented: where the act's object was signed or concluded (a participle after a noun), and a hostage-taking
    ("L'Espagne a salué l'accord signé à Washington.", "ESP-USA"),
    ("L'Italie a salué la trêve conclue à Doha.", "ITA-QAT"),
    ("L'Allemagne a condamné la prise d'otages à Bamako.", "DEU-MLI"),
    # invented: no act named in the sentence
    ("Des touristes italiens ont été blessés dans un accident de car en Tunisie.", "ITA-TUN"),
])
def test_a_place_that_is_only_where_something_happened_stays_a_place(text, absent):
    assert absent not in _pairs(text)


def test_a_place_beside_a_second_acting_country_stays_a_place():
    # invented: two acting countries make their own pair; the third, a place, is no side
    pairs = _pairs("Le Maroc et l'Espagne ont signé un accord migratoire à Lisbonne.")
    assert "ESP-MAR" in pairs
    assert not any("PRT" in p for p in pairs)


# --- "les deux pays" when no two countries act: the two the nearest sentence names -----------------------

def _all_pairs(text: str) -> set[str]:
    article = Article(text=text, language="fr", published=date(2024, 3, 12), published_source="header")
    return {"-".join(p) for r in score_article(article).readings for p in r.pairs}


@pytest.mark.parametrize(("text", "pair"), [
    # invented: both countries named as places in the sentence itself
    ("En 2021, près d'une enclave tadjike située au Kirghizstan, des heurts ont impliqué les gardes-frontières "
     "des deux pays.", "KGZ-TJK"),
    # invented: one acting country before, the other a topic, then "les deux voisins"
    ("Le Niger a fermé lundi un poste-frontière proche des villages visés par des milices nigérianes. "
     "Entre les deux voisins, la tension demeure vive.", "NER-NGA"),
])
def test_the_two_countries_a_reader_has_just_read(text, pair):
    assert pair in _all_pairs(text)


def test_les_2_pays_written_with_a_digit():
    # invented: "les 2 pays" is "les deux pays"
    reading = _reading("Le Japon et la Corée du Sud ont repris leurs consultations. "
                       "Les 2 pays ont aussi convenu d'un nouvel accord.")
    assert ("JPN", "KOR") in reading.pairs


def test_no_two_countries_named_leaves_the_phrase_alone():
    # invented: three countries named before, none acting: no guess which two
    pairs = _all_pairs("Des réfugiés soudanais, tchadiens et libyens sont arrivés dans la région. "
                       "Les deux pays ont annoncé une enquête.")
    assert not pairs


def test_english_reads_the_two_countries_named_nearest_as_french_does():
    # invented: with no article pair, "the two countries" are the two the sentence names (as in French above)
    article = Article(text="Near an Uzbek enclave in Kyrgyzstan, the forces of the two countries clashed last year.",
                      language="en", published=date(2024, 3, 12), published_source="header")
    assert [p for r in score_article(article).readings for p in r.pairs] == [("KGZ", "UZB")]


# --- "son homologue X" after a sentence on another country's official ----------------------------------

@pytest.mark.parametrize(("text", "pair"), [
    # invented: the counterpart of the official just named, in an inverted reporting clause
    ("Le Premier ministre grec a salué un accord historique. "
     "« Nous ouvrons une nouvelle page », a ajouté son homologue albanais.", ("ALB", "GRC")),
    # invented: the counterpart as the subject, the previous sentence naming both countries
    ("Le chef de l'État américain a décidé de rétablir les liens avec le Venezuela. "
     "Son homologue vénézuélien s'en est félicité.", ("USA", "VEN")),
])
def test_a_counterpart_faces_the_one_other_country_just_named(text, pair):
    assert pair in _reading(text).pairs


def test_a_counterpart_after_two_other_countries_is_no_guess():
    # invented: two other countries before: whose counterpart is unknown
    reading = _reading("La France et l'Allemagne ont signé un accord. Son homologue italien a salué le texte.")
    assert not reading.pairs


def test_a_counterpart_named_beside_its_own_official_keeps_the_sentences_pair():
    # invented: both officials named in the sentence: nothing taken from the sentence before
    reading = _reading("L'Espagne a accueilli la rencontre. "
                       "Le président français et son homologue allemand ont signé un traité.")
    assert set(reading.pairs) == {("DEU", "FRA")}
