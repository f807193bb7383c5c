"""The sign of a pair that is found, in both languages: what the cue is done to, which sense a word
has, a condition set, a litotes (every sentence here is invented, written the way news reports
relations; none is copied from real reporting).

Each rule has a sentence it must read and a counter-example it must leave alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.nlp import model_text
from tracker.scorer.pipeline import score_article

PUBLISHED = date(2024, 3, 6)  # a Wednesday


def _reading(text: str, lang: str):
    article = Article(text=text, language=lang, published=PUBLISHED, published_source="header")
    return score_article(article).readings[-1]


def _score(text: str, lang: str, pair: str) -> float:
    return sum(o.score for o in _reading(text, lang).observations if o.pair_code == pair)


@pytest.mark.parametrize(("text", "lang", "pair", "sign"), [
    # A word or two in guillemets keeps its verb: lifting a "blockade" is cooperation (invented);
    # counter-example: imposing one is tension.
    ("Le Togo a annoncé qu'il levait le « blocus » sur les camions burkinabè.", "fr", "BFA-TGO", -1),
    ("Le Togo a imposé un « blocus » aux camions burkinabè.", "fr", "BFA-TGO", 1),
    # A phrase that loses a word to a compound still gives the verb its sense (invented);
    # counter-example: the military strike.
    ("Fiji and China struck a security pact on Monday.", "en", "CHN-FJI", -1),
    ("Israeli jets struck a weapons depot in Syria on Monday.", "en", "ISR-SYR", 1),
    # A hostility paused or cut is cooperation, a cooperation paused, cut or delayed is tension (invented).
    ("Washington announced a 30-day pause on its tariffs on Canadian steel.", "en", "CAN-USA", -1),
    ("Canada cut its tariffs on Mexican steel on Tuesday.", "en", "CAN-MEX", -1),
    ("Kazakhstan cut electricity supplies to Kyrgyzstan on Tuesday.", "en", "KAZ-KGZ", 1),
    ("Egypt says Ethiopia is delaying the talks on the dam.", "en", "EGY-ETH", 1),
    ("Le Kazakhstan a coupé mardi ses livraisons d'électricité vers le Kirghizstan.", "fr", "KAZ-KGZ", 1),
    ("Colombia will end sales of electricity to Ecuador next month.", "en", "COL-ECU", 1),
    # A deal put back in question is tension; a hostility revised is cooperation (invented).
    ("Le nouveau gouvernement des Samoa entend revoir le pacte de sécurité signé avec la Nouvelle-Zélande.",
     "fr", "NZL-WSM", 1),
    ("Tonga will reconsider the defence pact it signed with Australia.", "en", "AUS-TON", 1),
    # "Not the first incident" is a litotes: there were others (invented); counter-example: no incident.
    ("Ce n'est pas le premier incident entre garde-côtes chinois et philippins en mer de Chine méridionale.",
     "fr", "CHN-PHL", 1),
    ("It was not the first incident between Chinese and Philippine vessels near the shoal.", "en", "CHN-PHL", 1),
    ("There has been no incident between Chinese and Philippine vessels since March.", "en", "CHN-PHL", -1),
    # A condition set is a demand, pressure on the one who must act (invented); counter-example: the act done.
    ("Niger will resume oil loadings only if Benin reopens its border.", "en", "BEN-NER", 1),
    ("Le Niger reprendra les chargements à condition que le Bénin rouvre sa frontière.", "fr", "BEN-NER", 1),
    ("Le Bénin a rouvert lundi sa frontière avec le Niger.", "fr", "BEN-NER", -1),
    # A warning of retaliation, an escalation, ties put under review (invented).
    ("Pékin a promis une réponse ferme aux États-Unis après la vente d'avions à Taïwan.", "fr", "CHN-USA", 1),
    ("La pression d'Alger sur Rabat est montée d'un cran mercredi.", "fr", "DZA-MAR", 1),
    ("Le Haut Conseil de sécurité algérien a décidé de revoir ses relations avec Rabat.", "fr", "DZA-MAR", 1),
    ("Washington will reconsider its relations with Kigali, the State Department said.", "en", "RWA-USA", 1),
    # Revised upwards or downwards is an amount, not a deal put back in question (invented).
    ("La Russie a revu à la hausse ses livraisons de gaz à la Chine.", "fr", "CHN-RUS", -1),
    ("Le Qatar a revu à la hausse ses investissements en Turquie.", "fr", "QAT-TUR", -1),
    # A leaders' call, a pledge to help (invented).
    ("US President Joe Biden spoke with Japan's prime minister on Tuesday.", "en", "JPN-USA", -1),
    ("Poland has pledged to help Ukraine export its grain.", "en", "POL-UKR", -1),
])
def test_the_sign_of_a_found_pair(text, lang, pair, sign):
    score = _score(text, lang, pair)
    assert score * sign > 0, (text, score)


def test_details_not_given_are_no_aid_withheld():
    # Invented: "without providing details" is information, not a cooperation denied.
    text = "Without providing details, the leaders of Brazil and Argentina said they had discussed trade."
    assert _score(text, "en", "ARG-BRA") < 0


def test_a_review_of_relations_in_a_readout_is_no_threat():
    # Invented counter-example: "reviewed bilateral relations" is what readouts of friendly talks say.
    text = "The foreign ministers of Egypt and Jordan reviewed bilateral relations in Amman on Tuesday."
    assert _score(text, "en", "EGY-JOR") <= 0


def test_scare_quotes_become_straight_and_quotations_keep_their_guillemets():
    short, long = "a levé le « blocus » mardi", "a dit « nous ne céderons pas » mardi"
    assert model_text("fr", short) == 'a levé le " blocus " mardi'
    assert model_text("fr", long) == long
    assert model_text("en", short) == short


@pytest.mark.parametrize(("text", "day"), [
    # A plus-que-parfait names the weekday before the article's past: the week before (invented).
    ("La Chine avait menacé mercredi le Japon de représailles.", date(2024, 2, 28)),
    # Counter-examples: a passé composé on the publication's own weekday is that day, and so is a
    # plus-que-parfait "plus tôt mercredi" (earlier that same day).
    ("La Chine a menacé mercredi le Japon de représailles.", PUBLISHED),
    ("La Chine avait menacé le Japon de représailles plus tôt mercredi.", PUBLISHED),
])
def test_a_weekday_under_a_plus_que_parfait(text, day):
    observations = _reading(text, "fr").observations
    assert observations and all(o.event_date == day for o in observations)
