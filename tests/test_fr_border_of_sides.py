"""French "à la frontière du X et du Y": with fighting in the sentence, the two countries are its sides,
as with "la frontière entre X et Y"; without fighting, or with a natural event, the border is a place. And
"fusillade"/"shootout" as fighting (every sentence here is invented, none copied from real reporting)."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article


def _pairs(text: str) -> set[str]:
    article = Article(text=text, language="fr", published=date(2023, 5, 10), published_source="header")
    return {"-".join(pair) for pair in score_article(article).readings[-1].pairs}


@pytest.mark.parametrize(("text", "pair"), [
    ("Des échanges de tirs ont opposé mardi des soldats à la frontière du Laos et du Cambodge.", "KHM-LAO"),
    ("Des combats ont éclaté jeudi à la frontière de l'Arménie et de l'Azerbaïdjan, selon Bakou.", "ARM-AZE"),
    ("Une fusillade entre patrouilles a fait deux blessés à la frontière du Bénin et du Niger.", "BEN-NER"),
    ("Les heurts se poursuivent près de la zone frontalière de l'Inde et de la Chine.", "CHN-IND"),
])
def test_fighting_at_the_border_of_two_countries_has_them_as_sides(text, pair):
    assert pair in _pairs(text)


@pytest.mark.parametrize("text", [
    # Counter-examples: no fighting, or a natural event, or a bridge: the border is where it is.
    "Un nouveau pont a été inauguré jeudi à la frontière du Laos et de la Thaïlande.",
    "Des centaines de migrants sont arrivés à la frontière de la Pologne et de la Biélorussie.",
    "Un séisme a frappé des villages à la frontière de l'Iran et de l'Irak, causant des heurts entre secouristes.",
    "Des touristes ont photographié la borne marquant la frontière du Chili et de l'Argentine.",
])
def test_the_border_of_two_countries_without_fighting_is_a_place(text):
    assert _pairs(text) == set()


def _score(text: str, lang: str, pair: str) -> float:
    article = Article(text=text, language=lang, published=date(2023, 5, 10), published_source="header")
    return sum(o.score for o in score_article(article).readings[-1].observations if o.pair_code == pair)


@pytest.mark.parametrize(("text", "lang", "pair"), [
    # Gunfire exchanged between two states' forces is fighting (lexicon: fusillade, shootout; invented).
    ("Une fusillade a éclaté lundi entre des policiers bhoutanais et des soldats népalais.", "fr", "BTN-NPL"),
    ("A shootout broke out on Monday between Bhutanese police and Nepalese soldiers.", "en", "BTN-NPL"),
])
def test_a_shootout_between_two_countries_forces_is_tension(text, lang, pair):
    assert _score(text, lang, pair) > 0


def test_a_gunmans_shooting_beside_one_country_gives_no_pair():
    # Counter-example (invented): a shooting in a city, deplored by one country's envoy.
    assert _pairs("Une fusillade dans un lycée de Lyon a fait deux morts, a déploré mardi l'ambassadeur du Maroc.") == set()
