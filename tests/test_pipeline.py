"""The chaining stage: languages per sentence, cue attribution between pairs, dates, clear refusals.

Every sentence here is an invented example written for these tests, not real reporting.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article, Cue, Mention
from tracker.scorer.leaders import term_start
from tracker.scorer.pipeline import ScoringError, attribute_cues, score_article


def article(text: str, *, lang: str | None = "fr", published: date | None = date(2019, 3, 14), **kw) -> Article:
    return Article(text=text, language=lang, published=published, published_source="header" if published else "none", **kw)


def test_an_english_quote_in_a_french_article_is_read_as_english():
    scored = score_article(article(
        "Le ministre russe a reçu mardi son homologue américain à Moscou.\n\n"
        "Today the Secretary of State met Russian Foreign Minister Lavrov to discuss areas of common interest "
        "between Washington and Moscow.\n\n"
        "Les deux pays n'ont pas caché leurs profondes divergences."
    ))
    languages = [r.sentence.language for r in scored.readings]
    assert languages == ["fr", "en", "fr"]
    english = scored.readings[1]
    assert ("RUS", "USA") in english.pairs
    assert any(c.weight < 0 for c in english.cues), english.cues


def test_sentence_offsets_point_into_the_article_text():
    text = "Titre sans point\n\nPékin et Washington ont signé jeudi un accord commercial. Les deux pays s'en félicitent."
    scored = score_article(article(text))
    for reading in scored.readings:
        s = reading.sentence
        assert text[s.start:s.end] == s.text
        for m in reading.mentions:
            assert text[m.start:m.end] == m.text
        for c in reading.cues:
            assert text[c.start:c.end] == c.text


def _mention(country: str, start: int) -> Mention:
    return Mention(start, start + 5, "xxxxx", country, "name")


def _cue(start: int, weight: float) -> Cue:
    return Cue(start, start + 5, "xxxxx", "x", "test", weight, weight)


def test_each_cue_goes_to_the_pair_named_around_it():
    # USA at 0, SYR at 60 around a bombing at 40; RUS and USA (an anaphora) at 200 around tensions at 180.
    mentions = [_mention("USA", 0), _mention("SYR", 60), _mention("RUS", 200), _mention("USA", 200)]
    bombing, tensions = _cue(40, 9.5), _cue(180, 4.5)
    result = attribute_cues([("SYR", "USA"), ("RUS", "USA")], mentions, [bombing, tensions])
    assert result[("SYR", "USA")] == [bombing]
    assert result[("RUS", "USA")] == [tensions]


def test_coordinated_countries_share_the_cue():
    # "Japan, South Korea and the United States agreed": all three pairs are within a few words.
    mentions = [_mention("JPN", 0), _mention("KOR", 7), _mention("USA", 25)]
    agreed = _cue(40, -5.0)
    pairs = [("JPN", "KOR"), ("JPN", "USA"), ("KOR", "USA")]
    result = attribute_cues(pairs, mentions, [agreed])
    assert all(result[p] == [agreed] for p in pairs)


def test_one_pair_takes_every_cue():
    cues = [_cue(0, 3.0), _cue(300, -2.0)]
    assert attribute_cues([("FRA", "DZA")], [], cues) == {("FRA", "DZA"): cues}


def test_since_a_leader_took_office_is_the_start_of_the_term_and_does_not_date_the_event():
    assert term_start("depuis l'arrivée de Donald Trump à la Maison Blanche", "fr", date(2017, 4, 12)) == date(2017, 1, 20)
    assert term_start("since Joe Biden took office", "en", date(2022, 3, 1)) == date(2021, 1, 20)
    assert term_start("since Macron was elected", "en", date(2022, 3, 1)) is None  # an election is not a start of term
    assert term_start("since the invasion", "en", date(2022, 3, 1)) is None
    scored = score_article(article(
        "Selon Poutine, les relations entre Moscou et Washington se sont dégradées depuis l'arrivée de "
        "Donald Trump à la Maison Blanche.", published=date(2017, 4, 12)))
    (reading,) = scored.readings
    since = [d for d in reading.dates if d.value == date(2017, 1, 20)]
    assert since and not since[0].dates_event, reading.dates
    assert [o.event_date for o in reading.observations] == [date(2017, 4, 12)]


def test_an_article_in_another_language_is_refused_with_what_to_do():
    german = ("Die Beziehungen zwischen Berlin und Moskau haben sich nach dem Treffen der Außenminister am "
              "Dienstag deutlich verschlechtert, sagte ein Sprecher der Regierung.")
    with pytest.raises(ScoringError, match="Language: fr"):
        score_article(article(german, lang=None))


def test_an_article_without_any_date_is_refused_with_what_to_do():
    with pytest.raises(ScoringError, match="Date: YYYY-MM-DD"):
        score_article(article("Paris et Alger ont renoué le dialogue.", published=None))


def test_a_date_written_in_the_text_beats_the_file_date():
    text = "Paris et Alger ont renoué le dialogue.\n\nPremière publication : 03/02/2021"
    scored = score_article(Article(text=text, language="fr", published=date(2026, 1, 1), published_source="file-mtime"))
    assert scored.published == date(2021, 2, 3) and scored.published_source == "text"


def test_a_crisis_in_a_third_country_is_not_a_quarrel_of_the_pair():
    # "The foreign ministers of Brazil and Chile discussed the crisis in Haiti": the crisis is Haiti's.
    text = "Brasilia et Santiago ont évoqué mardi la crise en Haïti lors d'un entretien téléphonique."
    scored = score_article(article(text))
    (reading,) = scored.readings
    crisis = [c for c in reading.cues if "crise" in c.text]
    assert crisis, reading.cues
    assert all(crisis[0] not in o.cues for o in reading.observations)
    # The same word between the pair stays theirs.
    scored = score_article(article("La crise entre le Brésil et le Chili s'est aggravée mardi."))
    assert any(o.score > 0 for o in scored.readings[0].observations), scored.readings[0]


# The act in the main clause outweighs the background (invented examples; cues/clauses.py).
BACKGROUND_CLAUSES = [
    ("en", "CHN-USA", "-", "Even as their tariff war escalated, China and the United States signed an agreement "
     "on Thursday to resume joint investigations."),
    ("fr", "DZA-FRA", "-", "Malgré la crise diplomatique ouverte au printemps par l'expulsion réciproque de "
     "diplomates, l'Algérie et la France ont signé jeudi un accord de coopération énergétique."),
    ("fr", "JPN-UKR", "-", "Le Japon a signé vendredi avec l'Ukraine un accord d'aide à la reconstruction du "
     "réseau électrique, pilonné depuis deux hivers par les missiles."),
    ("fr", "GHA-TGO", "+", "Deux jours seulement après avoir signé un accord de coopération avec le Togo, le Ghana "
     "a expulsé mardi l'ambassadeur togolais."),
    # Locutions, absolute clauses, "amid", adjectives on the place, and a participle clause after the
    # verb, which is the act's next step, not its background.
    ("en", "BGD-IND", "-", "In the wake of last year's deadly border clashes, India and Bangladesh signed a "
     "protocol on Tuesday to share flood data."),
    ("fr", "BRA-VEN", "-", "En dépit des sanctions qui frappent Caracas, le Brésil a signé lundi avec le "
     "Venezuela un accord sur la fourniture d'électricité."),
    ("en", "ECU-PER", "-", "With their border dispute still unresolved, Peru and Ecuador signed an agreement on "
     "Friday to build a joint customs post."),
    ("en", "AUS-CHN", "-", "Amid a bitter trade war, China and Australia signed a deal on Monday to resume "
     "barley shipments."),
    ("en", "KEN-SOM", "-", "Kenya sent 30 tonnes of food aid to war-ravaged Somalia on Friday."),
    ("en", "GMB-SEN", "-", "Five years after breaking off relations, Senegal and Gambia held talks on Monday, "
     "agreeing to reopen their border."),
    # A meeting is no act that outweighs its setting: the tension around it is the news.
    ("fr", "RUS-USA", "+", "Le président russe a reçu mercredi le secrétaire d'État américain, alors que les deux "
     "pays se livraient une guerre des mots."),
    ("en", "ARM-AZE", "+", "Talks between Armenia and Azerbaijan took place in Vienna on Monday amid rising "
     "tensions."),
]
UNDAMPED = {"RUS-USA", "ARM-AZE"}


@pytest.mark.parametrize(("lang", "pair", "sign", "text"), BACKGROUND_CLAUSES)
def test_the_act_in_the_main_clause_outweighs_its_background(lang, pair, sign, text):
    scored = score_article(article(text, lang=lang))
    (obs,) = [o for r in scored.readings for o in r.observations if o.pair_code == pair]
    assert (obs.score > 0 if sign == "+" else obs.score < 0), obs
    damped = [c for c in obs.cues if any(m.startswith("background clause") for m in c.modifiers)]
    assert bool(damped) == (pair not in UNDAMPED), obs.cues


@pytest.mark.parametrize(("lang", "pair", "text"), [
    # invented: "with" as a preposition, a trailing participle of the same act: nothing is background
    ("en", "GRC-TUR", "Turkey clashed with Greece over maritime borders on Monday."),
    ("fr", "DZA-MLI", "Le Mali a convoqué lundi l'ambassadeur d'Algérie, l'accusant d'ingérence."),
])
def test_no_background_without_a_background_part(lang, pair, text):
    scored = score_article(article(text, lang=lang))
    (obs,) = [o for r in scored.readings for o in r.observations if o.pair_code == pair]
    assert obs.score > 0, obs
    assert not [c for c in obs.cues if any(m.startswith("background clause") for m in c.modifiers)], obs.cues


def test_a_pair_whose_act_stands_in_a_relative_clause_keeps_it():
    # The bombing is the USA-SYR act even though the main clause reports RUS-USA (invented).
    text = ("La volte-face du président américain, qui a ordonné le premier bombardement contre le régime "
            "syrien, a provoqué un regain de tensions entre Moscou et Washington.")
    scored = score_article(article(text))
    scores = {o.pair_code: o for r in scored.readings for o in r.observations}
    assert scores["SYR-USA"].score >= 8, scores
    assert scores["RUS-USA"].score > 0
