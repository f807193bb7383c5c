"""English: a country subject before a verb that shares a topic noun's lemma ("issued", "filed",
"questioned"); a list of countries after an opener's comma before an irregular finite verb
("On April 2, A and B held ..."); "X's case against Y"; legal action against a country; rejections
("pushed back against", "no legal basis", "baseless", "groundless", "unfounded"); maritime claims;
fire on the other's military posts and patrols ("targeted border outposts").

Note: every sentence below is an invented example, not real reporting. Each rule has a
counter-example it must leave alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.mentions import find_mentions
from tracker.scorer.pipeline import score_article

DAY = date(2024, 3, 6)


@pytest.fixture(scope="module")
def read(nlp_en):
    """read(text) -> {mention text: role} for the whole text as one English sentence."""

    def _read(text: str) -> dict[str, str]:
        return {m.text: m.role for m in find_mentions(nlp_en(text)[:], "en", DAY)}

    return _read


def _scores(text: str) -> dict[str, float]:
    article = Article(text=text, language="en", published=DAY, published_source="header")
    scores: dict[str, float] = {}
    for o in score_article(article).readings[-1].observations:
        scores[o.pair_code] = scores.get(o.pair_code, 0.0) + o.score
    return scores


@pytest.mark.parametrize(("text", "country"), [
    # A verb whose lemma is a topic noun: the country is its subject, a side (invented).
    ("Ghana and Togo issued a joint statement on Monday.", "Togo"),
    ("Peru filed a lawsuit against Chile at the world court.", "Peru"),
    ("Chile questioned Bolivia's reading of the treaty.", "Chile"),
])
def test_a_verb_is_no_noun_its_country_qualifies(read, text, country):
    assert read(text)[country] == "actor"


@pytest.mark.parametrize(("text", "country"), [
    # Counter-examples (invented): the noun still makes its country the subject matter.
    ("The Kosovo issue was discussed by Germany and France.", "Kosovo"),
    ("The Iran file was reviewed by Germany and France.", "Iran"),
    # A hyphen-glued participle keeps its reading: the maker of a product is no side (invented).
    ("Mali said a Russian-made helicopter had crossed into Niger.", "Russian"),
])
def test_a_topic_noun_still_sets_its_country_aside(read, text, country):
    assert read(text)[country] == "topic"


@pytest.mark.parametrize("text", [
    # A dated opener, then a coordinated subject and an irregular finite verb (invented).
    "On April 2, Chad and Niger held talks on border security.",
    "Last Friday, Chad and Niger met in Niamey to discuss the border.",
])
def test_a_list_after_an_openers_comma_is_a_subject_before_a_finite_verb(read, text):
    roles = read(text)
    assert roles["Chad"] == "actor" and roles["Niger"] == "actor"


def test_a_list_of_topics_after_a_comma_keeps_its_heads_role(read):
    # Counter-example (invented): no verb after the list, the preposition before it governs it.
    roles = read("The ministers spoke about fisheries, Chad and Niger.")
    assert roles["Chad"] == "topic" and roles["Niger"] == "topic"


@pytest.mark.parametrize(("text", "topics"), [
    # Counter-examples (invented): a verb follows the list, but its subject is the noun before it.
    ("Talks about Syria, Iraq and Libya took place between Russia and Turkey.", ("Syria", "Iraq", "Libya")),
    ("Talks about Mali, Chad and Niger in Dakar were held between France and Algeria.", ("Mali", "Chad", "Niger")),
])
def test_a_list_of_topics_before_the_verb_of_another_subject_keeps_its_heads_role(read, text, topics):
    roles = read(text)
    assert [roles[name] for name in topics] == ["topic"] * len(topics)


def test_a_list_after_a_mediator_that_is_the_subject_stays_actors(read):
    # Counter-example (invented): the list is the verb's subject.
    roles = read("In talks brokered by China, Saudi Arabia and Iran agreed to restore ties.")
    assert roles["Saudi Arabia"] == "actor" and roles["Iran"] == "actor"


def test_a_possessed_case_against_a_country_keeps_its_owner_a_side(read):
    roles = read("Peru's case against Chile at the world court opened on Monday.")  # invented
    assert roles["Peru"] == "actor"
    # Counter-example (invented): a case with no country it is brought against is the subject matter.
    assert read("Peru's case was discussed by Germany and France.")["Peru"] == "topic"


@pytest.mark.parametrize(("text", "pair"), [
    # Legal action against another country (invented).
    ("Peru's case against Chile at the world court opened on Monday.", "CHL-PER"),
    ("Guyana filed a lawsuit against Venezuela at the world court.", "GUY-VEN"),
    # A rejection of the other's call or claim (invented).
    ("Japan pushed back on Monday against calls from China to lift the curbs.", "CHN-JPN"),
    ("Peru argues that Ecuador's border claim rests on no legal basis.", "ECU-PER"),
    ("Algeria dismissed the accusations made by Morocco as baseless.", "DZA-MAR"),
    ("Iran called the claims raised by the UAE groundless.", "ARE-IRN"),
    # Fire on the other's military posts or patrols (invented).
    ("Eritrean troops targeted Ethiopian border outposts overnight.", "ERI-ETH"),
    ("Sudanese soldiers targeted a South Sudanese army patrol near the crossing.", "SDN-SSD"),
])
def test_legal_action_and_rejections_are_tension(text, pair):
    assert _scores(text)[pair] > 0


@pytest.mark.parametrize(("text", "pair"), [
    # Counter-examples (invented): cooperation stays cooperation.
    ("Ghana and Togo issued a joint statement on Monday.", "GHA-TGO"),
    # "push back" without "against" is a delay; "a legal basis" without "no" is no rejection (invented).
    ("Peru and Chile pushed back their joint commission meeting to May.", "CHL-PER"),
    ("Chile says that its maritime cooperation with Bolivia has a legal basis.", "BOL-CHL"),
])
def test_cooperation_near_these_words_stays_cooperation(text, pair):
    assert _scores(text)[pair] < 0


def test_posts_that_are_no_military_posts_are_no_target():
    # Counter-example (invented): "posts" alone is no military post.
    assert "CHN-IND" not in _scores("China targeted social media posts by Indian users.")


# --- "baseless", "groundless", "unfounded": cues only over an accusation, claim, allegation, charge ---

@pytest.mark.parametrize(("text", "pair"), [
    # Dismissing the other side's accusation is disagreement (invented).
    ("China rejected the accusations by Japan as baseless.", "CHN-JPN"),
    ("India dismissed Pakistan's groundless allegations.", "IND-PAK"),
    ("Russia called the claims by Ukraine unfounded.", "RUS-UKR"),
])
def test_dismissing_an_accusation_is_disagreement(text, pair):
    assert _scores(text).get(pair, 0.0) > 0


@pytest.mark.parametrize(("text", "pair", "most"), [
    # Counter-examples: what is dismissed is tension itself (a rift, fears of a war): no added tension (invented).
    ("The US called reports of a rift with Japan baseless.", "JPN-USA", 4.5),
    ("Fears of a trade war between China and Japan are groundless, Beijing said.", "CHN-JPN", 3.3),
])
def test_dismissing_tension_adds_none(text, pair, most):
    assert _scores(text).get(pair, 0.0) <= most
