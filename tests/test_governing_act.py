"""The act that governs a pair sets its sign (every sentence here is invented, written the way news reports
relations; none is copied from real reporting).

A cue of the main clause whose own clause names both countries of the pair as its sides (the accuser
and the accused, the two signatories) sets the pair's level; the sentence's other cues add their quarter
share, however strong. Counter-examples that must not move: a meeting governs nothing (the climate it
is held in is the news), a governing act standing in a background clause ("a year after Chile
expelled ...") stays background, and a sentence with no cue naming both sides keeps its strongest cue.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article, Cue
from tracker.scorer.pipeline import score_article
from tracker.scorer.scoring import sentence_score

PUBLISHED = date(2024, 3, 6)


def _score(text: str, lang: str, pair: str) -> float:
    article = Article(text=text, language=lang, published=PUBLISHED, published_source="header")
    reading = score_article(article).readings[-1]
    return sum(o.score for o in reading.observations if o.pair_code == pair)


def _cue(start: int, weight: float) -> Cue:
    return Cue(start, start + 1, "x", "x", "test", weight, weight)


def test_the_governing_act_leads_the_sentence_formula():
    truce, accusation = _cue(0, -5.5), _cue(10, 5.0)
    assert sentence_score([truce, accusation], [accusation]) == 3.62  # 5 + 0.25 x -5.5
    assert sentence_score([truce, accusation]) == -4.25  # no act given: the strongest cue leads
    assert sentence_score([truce, accusation], [_cue(20, 0.0)]) == -4.25  # a weightless act leads nothing
    ceasefire, agreed = _cue(0, -6.0), _cue(10, -3.0)
    assert sentence_score([ceasefire, agreed], [agreed]) == -6.75  # the same sign: the strongest cue stays the level
    assert sentence_score([truce], [accusation]) == -5.5  # an act not among the cues leads nothing


@pytest.mark.parametrize(("text", "lang", "pair", "sign"), [
    # The accusation names both sides; the truce one side says it keeps is no act between them (invented).
    ("Chile's defence ministry insisted that Chile was respecting the truce, but accused Peruvian troops of "
     "firing on its border posts.", "en", "CHL-PER", 1),
    ("Le ministère chilien de la Défense a affirmé respecter la trêve, mais a accusé les troupes péruviennes "
     "de tirer sur ses postes frontaliers.", "fr", "CHL-PER", 1),
    # Counter-examples: a meeting held amid a war of words still reports it (invented).
    ("Chile's president received Peru's foreign minister on Monday, while the two countries were waging a "
     "war of words over fishing rights.", "en", "CHL-PER", 1),
    ("Le président chilien a reçu lundi le chef de la diplomatie péruvienne, alors que les deux pays "
     "se livraient une guerre des mots sur la pêche.", "fr", "CHL-PER", 1),
    # Counter-examples: an act in a clause of what came before stays background (invented).
    ("A year after Chile expelled Peru's ambassador, the two countries agreed to restore full diplomatic "
     "relations.", "en", "CHL-PER", -1),
    ("Un an après l'expulsion de l'ambassadeur péruvien par le Chili, les deux pays ont convenu de rétablir "
     "leurs relations diplomatiques.", "fr", "CHL-PER", -1),
    # An ambassador sent home is expelled, now that the act leads (cameo.en.tsv); counter-example: an
    # ambassador sent to a country (invented).
    ("Chile sent the Peruvian ambassador home on Friday.", "en", "CHL-PER", 1),
    ("Chile sent a new ambassador to Peru on Friday, the first in three years.", "en", "CHL-PER", -1),
])
def test_sign_of_the_governing_act(text: str, lang: str, pair: str, sign: int) -> None:
    assert sign * _score(text, lang, pair) > 0


def test_the_act_outweighs_a_stronger_cue_of_one_side():
    # the truce (-5.5) is stronger than the accusation (5.0) but names one side only (invented)
    text = ("Chile's defence ministry insisted that Chile was respecting the truce, but accused Peruvian troops "
            "of firing on its border posts.")
    article = Article(text=text, language="en", published=PUBLISHED, published_source="header")
    (observation,) = score_article(article).readings[-1].observations
    assert [c.text for c in observation.cues if c.weight < 0] == ["truce"]
    assert observation.score == pytest.approx(5.0 + 0.25 * (-5.5 + 3.4), abs=0.01)


def test_trade_hoped_for_leads_over_the_closure_that_cut_it():
    # the two countries' own act (reviving trade) sets the level; the closure is what the trade went
    # through (invented)
    text = ("Le Chili et le Pérou espèrent relancer leur commerce de poisson, qui avait chuté avec la fermeture de "
            "la frontière en 2015.")
    assert _score(text, "fr", "CHL-PER") < 0



@pytest.mark.parametrize(("text", "lang", "pair", "sign"), [
    # invented counter-examples: a denied act governs nothing; an act of the same sign as the strongest cue
    # leaves the strongest cue the level
    ("Le Chili n'a pas accusé le Pérou, mais la guerre des mots entre les deux pays fait rage.", "fr", "CHL-PER", 1),
    ("Chile did not accuse Peru, but the war of words between the two countries rages on.", "en", "CHL-PER", 1),
])
def test_a_denied_act_governs_nothing(text, lang, pair, sign):
    assert _score(text, lang, pair) * sign > 0
