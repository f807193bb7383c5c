"""English acts as wire copy writes them (every sentence here is invented, written the way English
news reports relations; none is copied from real reporting): envoys recalled or posted again, ships
rammed or sunk, demands stated as obligations, claims stated as areas, announced visits, incursions
into waters and troop build-ups.

Each rule has a sentence it must read and a counter-example it must leave alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article


def _reading(text: str):
    article = Article(text=text, language="en", published=date(2024, 3, 6), published_source="header")
    return score_article(article).readings[-1]


def _score(text: str, pair: str) -> float:
    return sum(o.score for o in _reading(text).observations if o.pair_code == pair)


@pytest.mark.parametrize(("text", "pair"), [
    # A recall with a date and an aside before its object (invented).
    ("Chile recalled this Monday (4) its ambassador to Peru, Ana Soto.", "CHL-PER"),
    # A vessel rammed and sunk, active and passive (invented).
    ("A Chinese maritime militia ship rammed a Philippine supply boat near the shoal.", "CHN-PHL"),
    ("The Philippine trawler was rammed and sunk by a Chinese vessel on Friday.", "CHN-PHL"),
    # A demand stated as an obligation laid on the other side (invented).
    ("Beijing said Manila must immediately stop its patrols near the reef.", "CHN-PHL"),
    # A claim stated as an area, or as belonging (invented).
    ("Venezuela claims some 60,000 square miles of land administered by Guyana.", "GUY-VEN"),
    ("Guatemala insists the southern district is part of its territory, Belize says.", "BLZ-GTM"),
    # Ships and troops on the other's waters and borders (invented).
    ("Chinese coast guard ships entered Japanese territorial waters on Sunday.", "CHN-JPN"),
    ("Russian troops massed near Ukraine in the spring, Kyiv said.", "RUS-UKR"),
    # A case brought to a court against the other (invented).
    ("Guyana appealed to the world court to stop Venezuelan troops from entering the region.", "GUY-VEN"),
])
def test_hostile_acts_read_as_tension(text, pair):
    assert _score(text, pair) > 0


@pytest.mark.parametrize(("text", "pair"), [
    # An ambassador posted again after a rupture (invented).
    ("Morocco reappointed an ambassador to Algeria in 2023.", "DZA-MAR"),
    # An announced visit (invented).
    ("Kenya's president is expected in Tanzania this week for a two-day stay.", "KEN-TZA"),
    ("The Indian foreign minister is due in Bangladesh on Monday.", "BGD-IND"),
    # Normalisation in the passive (invented).
    ("Officials in Niamey said the land border with Benin had been reopened on Monday.", "BEN-NER"),
    ("Diplomatic ties between Bahrain and Qatar were restored in 2023.", "BHR-QAT"),
    # A trade mission between two countries (invented).
    ("The Samoa-Tonga business mission led by Samoa's trade minister ended on Friday.", "TON-WSM"),
])
def test_cooperative_acts_read_as_cooperation(text, pair):
    assert _score(text, pair) < 0


@pytest.mark.parametrize("text", [
    # Counter-examples (invented): the same words where no act between the two countries is named.
    "Chile's economy ministry said exports to Peru must rise this year.",
    "Memory prices rose in China as RAM makers in South Korea cut output.",
    "Colombia's president recalled in a long speech on Monday the years his late father spent as an ambassador to Argentina.",
])
def test_lookalikes_are_no_act(text):
    reading = _reading(text)
    assert all(o.score <= 0 for o in reading.observations)
