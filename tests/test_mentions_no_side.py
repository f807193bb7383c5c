"""Countries a sentence names that are no side of its act, read from positive evidence (issue 10: false pairs in
sentences naming three or more countries): a territory whose sovereignty is the dispute (grammar_words.tsv,
disputed_territory), the speaker of a French inverted closing attribution (", a déclaré l'ambassadeur de X";
mentions/sources.py), and a dateline whose agency's brackets hold a date (mentions/sentence.py).

Note: every sentence below is an invented example, not real reporting. Each rule has a counter-example it must
leave alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.mentions import find_mentions
from tracker.scorer.mentions.sentence import _dateline_end
from tracker.scorer.pipeline import score_article

DAY = date(2024, 3, 1)


@pytest.fixture(scope="module")
def read(nlp_fr, nlp_en):
    """read(text, lang) -> {mention text: role} for the whole text as one sentence."""

    def _read(text: str, lang: str) -> dict[str, str]:
        nlp = nlp_fr if lang == "fr" else nlp_en
        return {m.text: m.role for m in find_mentions(nlp(text)[:], lang, DAY)}

    return _read


def _pairs(text: str, lang: str) -> set[str]:
    article = Article(text=text, language=lang, published=DAY, published_source="header")
    return {"-".join(p) for r in score_article(article).readings for p in r.pairs}


@pytest.mark.parametrize(("text", "lang", "pairs"), [
    # the territory is what the plan, the position or the claim is about (invented)
    ("Portugal said on Monday it regarded Morocco's plan for Western Sahara as a sound basis for talks.", "en",
     {"MAR-PRT"}),
    ("Le Portugal a salué lundi la proposition de Rabat concernant le Sahara occidental.", "fr", {"MAR-PRT"}),
    ("Tunis reproche à Rabat ses déclarations sur le Sahara occidental.", "fr", {"MAR-TUN"}),
])
def test_a_disputed_territory_is_a_topic(read, text, lang, pairs):
    roles = read(text, lang)
    assert roles[next(k for k in roles if "Sahara" in k)] == "topic"
    assert _pairs(text, lang) == pairs


def test_a_polity_whose_status_is_disputed_stays_a_side():
    # Counter-example (invented): a polity whose status is disputed but that acts under its own name keeps its pairs.
    assert _pairs("China warned Taiwan on Monday against any move toward formal independence.", "en") == {"CHN-TWN"}
    assert _pairs("La Chine a averti lundi Taïwan contre toute déclaration d'indépendance.", "fr") == {"CHN-TWN"}


@pytest.mark.parametrize(("text", "speaker"), [
    # both sides act before the comma; the third country only reports it (invented)
    ("Le Chili et le Pérou ont repris jeudi leurs pourparlers sur la frontière, a déclaré l'ambassadeur de "
     "Bolivie à Lima.", "Bolivie"),
    ("Le Chili et le Pérou reprendront lundi les négociations, indique dans un communiqué le ministère bolivien "
     "des Affaires étrangères.", "bolivien"),
])
def test_a_speaker_named_only_in_an_inverted_attribution_is_a_source(read, text, speaker):
    roles = read(text, "fr")
    assert roles[speaker] == "topic"
    assert roles["Chili"] == "actor"
    assert _pairs(text, "fr") == {"CHL-PER"}


@pytest.mark.parametrize(("text", "speaker"), [
    # Counter-examples (invented): the speaker's own act in the first person, a demand, a verb whose object
    # follows (no speaker after it) and a government announcing its own official's act keep the third country a side.
    ("« Nous invitons le Chili et le Pérou à reprendre le dialogue », a déclaré le ministre bolivien.", "bolivien"),
    ("Le Chili doit rouvrir sa frontière avec le Pérou, a déclaré l'ambassadeur de Bolivie.", "Bolivie"),
    ("L'Équateur, qui entretient de bonnes relations avec le Pérou, a annoncé l'envoi d'une aide à la Bolivie.",
     "Bolivie"),
    # a body announcing what its own official ("elle") did (invented)
    ("Elle a rencontré jeudi ses homologues du Chili et du Pérou, a indiqué la présidence bolivienne.", "bolivienne"),
])
def test_an_inverted_verb_without_a_reporting_speaker_keeps_the_side(read, text, speaker):
    assert read(text, "fr")[speaker] == "actor"


@pytest.mark.parametrize(("text", "place", "pairs"), [
    # an agency with its date inside the brackets (invented)
    ("LIMA (Wire Service / Press Agency - 3rd May, 2021) Chile and Ecuador signed a trade accord on Monday.",
     "LIMA", {"CHL-ECU"}),
    ("QUITO (Andean Wire / Coast Press Service - 14th June, 2022) Chile and Peru signed a trade accord on Monday.",
     "QUITO", {"CHL-PER"}),
])
def test_long_agency_brackets_close_a_dateline(read, text, place, pairs):
    assert read(text, "en")[place] == "place"
    assert _pairs(text, "en") == pairs


def test_a_long_aside_after_a_title_case_name_is_no_dateline():
    # Counter-example (invented): a long bracket after a country in title case is an aside, not an agency.
    assert _dateline_end("Peru (long at odds with both its neighbours over the border) - signed an accord.", 0,
                         "en") == -1
