"""A "since" date stays background, even with the clause of the event the range began with after it ("no ties
since 1962, when X broke them off"): a rule that dated such sentences by it was reviewed and removed, since the
date as often belongs to an object's state ("its embassy, shut since 2017, when ..."), an act still going on
("has accused Russia of war crimes since February 2022, when ...") or a count over the span ("14 rounds of talks
since 2020, when ..."). A coming day in a clause describing a participant does not date a past main act.
Every sentence is invented."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article

PUB = date(2020, 3, 5)  # a Thursday


def _dates(text: str, lang: str) -> dict[str, tuple[date, str]]:
    article = Article(text=text, language=lang, published=PUB, published_source="header")
    return {o.pair_code: (o.event_date, o.precision) for o in score_article(article).readings[-1].observations}


@pytest.mark.parametrize(("text", "lang", "pair", "value", "precision"), [
    ("Ghana and Togo have had no diplomatic ties since 1986 when Accra expelled the Togolese envoy.", "en",
     "GHA-TGO", date(1986, 1, 1), "year"),
    ("Border talks between Peru and Ecuador have been frozen since May 2011, after Lima rejected a Quito plan "
     "on the river.", "en", "ECU-PER", date(2011, 5, 1), "month"),
    ("Le Gabon et le Cameroun n'ont plus de relations diplomatiques depuis 1997, lorsque Libreville a expulsé "
     "l'ambassadeur camerounais.", "fr", "CMR-GAB", date(1997, 1, 1), "year"),
    ("Les pourparlers entre le Pérou et l'Équateur sont gelés depuis mai 2011, quand Lima a rejeté un plan de "
     "Quito.", "fr", "ECU-PER", date(2011, 5, 1), "month"),
])
def test_since_date_with_its_event_clause_stays_background(text, lang, pair, value, precision):
    assert _dates(text, lang)[pair][0] == PUB  # not `value`, the range's start (see the module's note)


@pytest.mark.parametrize(("text", "lang", "pair"), [
    # a bare state since a year: the state at publication
    ("Ghana and Togo have had no diplomatic ties since 1986, and their border remains closed.", "en", "GHA-TGO"),
    ("Le Gabon et le Cameroun sont en conflit depuis 1997 à propos de leur frontière.", "fr", "CMR-GAB"),
    # a first measured over the span: today's news
    ("It is the first visit by a Ghanaian minister to Togo since 1986, when the two neighbours fell out.", "en",
     "GHA-TGO"),
    ("C'est la première visite d'un ministre gabonais au Cameroun depuis 1997, lorsque les deux voisins se sont "
     "brouillés.", "fr", "CMR-GAB"),
])
def test_since_date_without_event_clause_or_after_a_first_stays_background(text, lang, pair):
    assert _dates(text, lang)[pair][0] == PUB


def test_a_day_of_the_main_clause_still_wins():
    found = _dates("Ghana and Togo agreed on Monday to restore ties frozen since 1986 when Accra expelled the "
                   "Togolese envoy.", "en")
    assert found["GHA-TGO"][0] == date(2020, 3, 2)


# --- a coming day in a clause describing a participant does not date a past act -----------------------------

@pytest.mark.parametrize(("text", "lang", "pair", "value"), [
    ("Peru, which will submit its memorial on Friday, has accused Ecuador of moving border markers.", "en",
     "ECU-PER", PUB),
    ("Le Pérou, qui présentera son mémoire vendredi, a accusé l'Équateur de déplacer des bornes frontalières.", "fr",
     "ECU-PER", PUB),
    # counter-examples: a past day in the clause still dates when the main clause has none (unchanged)
    ("Peru, which recalled its envoy on Monday, has accused Ecuador of moving border markers.", "en",
     "ECU-PER", date(2020, 3, 2)),
    # a main clause in the future takes the coming day (unchanged)
    ("Peru, which will submit its memorial on Friday, will accuse Ecuador of moving border markers.", "en",
     "ECU-PER", date(2020, 3, 6)),
])
def test_a_coming_day_of_a_relative_clause_and_a_past_main_act(text, lang, pair, value):
    assert _dates(text, lang)[pair][0] == value


@pytest.mark.parametrize(("text", "lang", "pair", "value"), [
    # counter-examples: the planned meeting is the subject and the main verb tells no act done (unchanged)
    ("Le sommet entre les présidents péruvien et équatorien, prévu vendredi à Lima, devait relancer les "
     "négociations sur la frontière.", "fr", "ECU-PER", date(2020, 3, 6)),
    ("The summit of the Peruvian and Ecuadorian presidents, planned for Friday in Lima, was to revive border "
     "negotiations.", "en", "ECU-PER", date(2020, 3, 6)),
])
def test_a_planned_meeting_under_a_modal_past_keeps_its_day(text, lang, pair, value):
    assert _dates(text, lang)[pair][0] == value


# --- the year of a state on the object's participle stays background ---------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("Le Gabon et le Cameroun ont rouvert la frontière fermée depuis 1997.", PUB),
    ("Le Gabon et le Cameroun ont rouvert la frontière fermée à partir de 1997.", PUB),
])
def test_a_since_year_on_the_objects_participle_stays_background(text, value):
    assert _dates(text, "fr")["CMR-GAB"][0] == value


@pytest.mark.parametrize(("text", "lang", "pair"), [
    # the review's cases: an object's state, an act still going on (invented)
    ("Qatar reopened its embassy in the UAE, shut since 2017, after Abu Dhabi joined a boycott of Doha.", "en", "ARE-QAT"),
    ("Ukraine has accused Russia of war crimes since February 2022, when its troops crossed the border.", "en", "RUS-UKR"),
])
def test_since_date_of_an_object_or_an_ongoing_act_stays_background(text, lang, pair):
    assert _dates(text, lang)[pair][0] == PUB
