"""Everyday acts whose words had no cue, in both languages: border posts closed (the posts named
first), removal from a terror or sanctions list, recognition of a government, face-offs, requests
to investigate (every sentence here is invented, written the way wire copy reports relations; none
is copied from real reporting).

Each rule has sentences it must read and a counter-example it must leave alone or read the other way.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article


def _reading(text: str, lang: str):
    article = Article(text=text, language=lang, published=date(2024, 3, 6), published_source="header")
    return score_article(article).readings[-1]


def _score(text: str, lang: str, pair: str) -> float:
    return sum(o.score for o in _reading(text, lang).observations if o.pair_code == pair)


def _patterns(text: str, lang: str) -> set[str]:
    return {c.pattern for c in _reading(text, lang).cues}


@pytest.mark.parametrize(("text", "lang", "pair"), [
    # Border posts closed, the posts named first (invented).
    ("Depuis ce mardi, minuit, trois postes-frontières entre la Hongrie et la Serbie ont fermé.", "fr", "HUN-SRB"),
    ("Two border crossings between Hungary and Serbia were closed on Tuesday.", "en", "HUN-SRB"),
    # Refusing an invitation or to send troops; a territory two states contest (invented).
    ("Mali declined Senegal's invitation to the summit.", "en", "MLI-SEN"),
    ("Le Mali a décliné l'invitation du Sénégal.", "fr", "MLI-SEN"),
    ("Le Cachemire, cette région que se disputent l'Inde et le Pakistan depuis 1947.", "fr", "IND-PAK"),
    # Asking a state to investigate (killings, an incident): a request for accountability (invented).
    ("Dhaka has asked New Delhi to conduct enquiries into the border killings.", "en", "BGD-IND"),
    ("Pakistan asked India to investigate the killing of two fishermen.", "en", "IND-PAK"),
    ("Dacca a demandé à New Delhi d'enquêter sur les meurtres commis à la frontière.", "fr", "BGD-IND"),
    ("Le Pakistan a demandé à l'Inde d'ouvrir une enquête sur la mort de deux pêcheurs.", "fr", "IND-PAK"),
    # Two forces facing off (invented).
    ("Japan and China have repeatedly faced off around the islands.", "en", "CHN-JPN"),
    ("Les marines chinoise et japonaise se font face depuis des semaines autour des îles.", "fr", "CHN-JPN"),
])
def test_acts_of_tension_read_as_tension(text, lang, pair):
    assert _score(text, lang, pair) > 0


@pytest.mark.parametrize(("text", "lang", "pair"), [
    # Removal from a terror or sanctions list (invented).
    ("Washington a retiré jeudi le Soudan de la liste des États soutenant le terrorisme.", "fr", "SDN-USA"),
    ("Le retrait de Cuba de la liste noire américaine a été annoncé par Washington.", "fr", "CUB-USA"),
    ("The United States removed Sudan from its list of state sponsors of terrorism.", "en", "SDN-USA"),
    ("Washington took Cuba off the state sponsors of terrorism list.", "en", "CUB-USA"),
    # Recognising a government, a named party right after the verb (invented).
    ("Le Tchad a décidé de reconnaître Pékin.", "fr", "CHN-TCD"),
    ("Le Tchad a reconnu jeudi la République populaire de Chine.", "fr", "CHN-TCD"),
    ("Chad decided to recognise Beijing.", "en", "CHN-TCD"),
    ("Chad recognized the People's Republic of China on Thursday.", "en", "CHN-TCD"),
    # Counter-examples: a crossing closed before and now reopened is a reopening (invented).
    ("Le poste-frontière entre la Hongrie et la Serbie, fermé depuis 2020, a rouvert lundi.", "fr", "HUN-SRB"),
    ("The crossing between Hungary and Serbia, closed for two years, reopened on Monday.", "en", "HUN-SRB"),
    ("Le Niger et le Bénin ont convenu lundi de rouvrir deux postes-frontières fermés depuis le coup d'État.",
     "fr", "BEN-NER"),
    ("Niger and Benin agreed on Monday to reopen two crossings closed for a year.", "en", "BEN-NER"),
])
def test_acts_of_cooperation_read_as_cooperation(text, lang, pair):
    assert _score(text, lang, pair) < 0


@pytest.mark.parametrize(("text", "lang", "pair"), [
    # Counter-examples: being put on a list stays a sanction (invented).
    ("Washington a inscrit Cuba sur la liste noire des États soutenant le terrorisme.", "fr", "CUB-USA"),
    ("Washington put Cuba back on its blacklist of state sponsors of terrorism.", "en", "CUB-USA"),
])
def test_listing_stays_tension(text, lang, pair):
    assert _score(text, lang, pair) > 0


@pytest.mark.parametrize(("text", "lang", "pair"), [
    # Counter-examples: "reconnaître que", "recognise the need" name no party recognised (invented).
    ("Le Maroc reconnaît que ses relations avec l'Algérie restent difficiles.", "fr", "DZA-MAR"),
    ("Morocco recognises that ties with Algeria remain difficult.", "en", "DZA-MAR"),
])
def test_recognising_a_fact_is_no_act(text, lang, pair):
    assert _score(text, lang, pair) == 0


@pytest.mark.parametrize(("text", "lang", "pattern"), [
    # Counter-examples: asking for help with an inquiry is no demand for accountability; "faire face
    # à" (to cope with) and a sports final are no face-off (invented).
    ("Pakistan asked India to help investigate the smuggling ring.", "en", "ask ~4 to investigate"),
    ("Le Pakistan a demandé à la France de l'aider à enquêter sur le trafic.", "fr", "demander ~4 enquêter"),
    ("Le Japon doit faire face à la Chine sur les marchés.", "fr", "se faire face"),
    ("Brazil and Argentina face off in the World Cup final on Sunday.", "en", "face off"),
    ("Le Brésil et l'Argentine se disputent le titre dimanche.", "fr", "se disputer"),
    ("Mali declined to comment on the talks with Senegal.", "en", "decline to send"),
])
def test_near_misses_are_not_the_act(text, lang, pattern):
    assert pattern not in _patterns(text, lang)
