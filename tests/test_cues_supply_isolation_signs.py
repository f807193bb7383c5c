"""Signs of acts that read no cue or the wrong one: fire traded after a start verb, gas supplies cut or
stopped, a state's isolation ended, a casus belli, a conversation held (every sentence here is invented,
written the way news reports relations; none is copied from real reporting).

Each class has sentences it must read and counter-examples it must leave alone: trade in goods after
"began trading", gas supplies resumed or given, a price cut, "isolation" alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article

PUBLISHED = date(2024, 3, 6)


def _scores(text: str, lang: str) -> dict[str, float]:
    article = Article(text=text, language=lang, published=PUBLISHED, published_source="header")
    scores: dict[str, float] = {}
    for obs in score_article(article).readings[-1].observations:
        scores[obs.pair_code] = scores.get(obs.pair_code, 0.0) + obs.score
    return scores


@pytest.mark.parametrize(("text", "lang", "pair", "sign"), [
    # Fire or accusations traded after a start verb: the commerce row "begin ~4 trade" no longer wins
    # the overlap (invented); counter-examples: goods traded.
    ("Sudanese and Chadian troops began trading fire at dawn, officials said.", "en", "SDN-TCD", 1),
    ("Serbia and Croatia began trading accusations over the refugee convoy.", "en", "HRV-SRB", 1),
    ("Georgia and Armenia began trading electricity last year.", "en", "ARM-GEO", -1),
    ("Chile and Peru started trading more copper after the deal.", "en", "CHL-PER", -1),
    # Gas supplies stopped, cut or reduced are tension; given or resumed, cooperation (invented).
    ("Algeria halted gas deliveries to Morocco on Monday.", "en", "DZA-MAR", 1),
    ("Qatar stopped supplying gas to Egypt in March.", "en", "EGY-QAT", 1),
    ("Iran shut off gas supplies to Turkey during the cold snap.", "en", "IRN-TUR", 1),
    ("Norway resumed gas deliveries to Poland.", "en", "NOR-POL", -1),
    ("Russia cut gas prices for Armenia under the new deal.", "en", "ARM-RUS", -1),
    ("L'Algérie a fait savoir qu'elle ne fournirait plus de gaz au Maroc après octobre.", "fr", "DZA-MAR", 1),
    ("Moscou réduira dès janvier ses fournitures de gaz à la Moldavie, selon Gazprom.", "fr", "MDA-RUS", 1),
    ("L'Azerbaïdjan a suspendu toutes ses livraisons de gaz vers la Géorgie.", "fr", "AZE-GEO", 1),
    ("Le Nigeria a suspendu les exportations gazières destinées au Ghana.", "fr", "GHA-NGA", 1),
    ("Le Qatar fournit du gaz au Pakistan depuis 2016.", "fr", "PAK-QAT", -1),
    ("La Russie a repris ses livraisons de gaz à la Moldavie.", "fr", "MDA-RUS", -1),
    # Ending a state's isolation is cooperation toward it (invented); counter-example: "isolation"
    # alone is no cue, the recall reads.
    ("Ending Venezuela's diplomatic isolation is now Brazil's priority, its foreign minister said.", "en", "BRA-VEN", -1),
    ("Venezuela's isolation deepened after Brazil recalled its envoy.", "en", "BRA-VEN", 1),
    ("Le Brésil veut mettre fin à l'isolement diplomatique du Venezuela.", "fr", "BRA-VEN", -1),
    # A casus belli named is a threat (invented).
    ("Any Ecuadorian warship entering the disputed waters would be treated by Peru as a casus belli.", "en", "ECU-PER", 1),
    ("Pour Lima, tout déploiement de navires équatoriens dans la zone contestée constituerait un casus belli.",
     "fr", "ECU-PER", 1),
    # A conversation held is a contact (invented).
    ("Kenya's foreign minister held a long conversation with her Tanzanian counterpart in Arusha.", "en", "KEN-TZA", -1),
])
def test_sign(text: str, lang: str, pair: str, sign: int) -> None:
    score = _scores(text, lang).get(pair, 0.0)
    assert score * sign > 0, (text, pair, score)


def test_ending_isolation_is_directed() -> None:
    # Two countries ending a third one's isolation stand on one side (invented): no pair between them.
    scores = _scores("Brazil and Argentina are working together on ending Venezuela's regional isolation.", "en")
    assert scores.get("BRA-VEN", 0.0) < 0 and scores.get("ARG-VEN", 0.0) < 0
    assert "ARG-BRA" not in scores


@pytest.mark.parametrize(("text", "lang"), [
    # Other senses of ending an isolation (review, invented): travellers' quarantine, detainees, villages.
    ("Italy ended the mandatory isolation of travellers arriving from China.", "en"),
    ("Le Maroc a mis fin à l'isolement des détenus algériens après leur grève de la faim.", "fr"),
    ("The new bridge from Laos ended the isolation of three Thai border villages.", "en"),
    # A price cut on gas is no supply cut (review, invented).
    ("La Russie a réduit le prix de ses fournitures de gaz à la Biélorussie.", "fr"),
])
def test_other_senses_read_no_tension_or_rapprochement(text: str, lang: str) -> None:
    assert all(abs(score) < 2 for score in _scores(text, lang).values()), (text, _scores(text, lang))
