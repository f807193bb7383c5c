"""Review cases of the context readings (every sentence invented): a denied charge with its own content denies
that content; "the two sides" addressed by one of the two just named are those two, not an older pair."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article


def _scores(text: str, lang: str) -> dict[str, float]:
    article = Article(text=text, language=lang, published=date(2024, 5, 6), published_source="header")
    return {o.pair_code: o.score for o in score_article(article).readings[-1].observations}


@pytest.mark.parametrize(("text", "lang", "pair"), [
    ("Egypt denied allegations of military cooperation with Israel.", "en", "EGY-ISR"),
    ("L'Arabie saoudite a démenti les accusations de rapprochement secret avec Israël.", "fr", "ISR-SAU"),
])
def test_a_denied_charge_of_cooperation_is_no_tension(text: str, lang: str, pair: str) -> None:
    assert _scores(text, lang).get(pair, 0.0) <= 0


def test_a_rebutted_charge_of_the_other_keeps_the_tension() -> None:
    assert _scores("China accused Vietnam of piracy. Hanoi denied the allegations.", "en")["CHN-VNM"] > 0


def test_the_two_sides_addressed_by_one_of_them() -> None:
    scores = _scores("Turkey and Greece sparred over drilling rights. Russia and Ukraine held talks in Istanbul. "
                     "Moscow invited the two sides to meet again next week.", "en")
    assert "RUS-UKR" in scores
    assert not {"GRC-RUS", "RUS-TUR", "GRC-UKR", "TUR-UKR"} & set(scores)
