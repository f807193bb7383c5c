"""Who does a verb's act (tracker/scorer/parse_roles.py), read once for cue_targets, cue_agents and pairs.

- Object control: under "urge/ask/persuade/call on/exhorter/appeler/demander à" the dependent verb's doer is
  the verb's object, not its subject; with no such verb the subject still controls ("decided to cut ties").
- A subject right after an object relative pronoun ("que X accuse") acts in that clause, not in the main one.
- A country after a setting preposition that follows the cue ("après le soutien de ... au plan ...") is no
  party of the cue, wherever the parse hangs it.
- An act noun's de/of complement is its owner ("le soutien de la France"), as its doer in cue_agents.

Every sentence below is an invented example, not real reporting; each rule has a counter-example.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article

DAY = date(2024, 3, 6)


def _observations(text: str, lang: str) -> dict[str, list[str]]:
    article = Article(text=text, language=lang, published=DAY, published_source="header")
    reading = score_article(article).readings[-1]
    return {o.pair_code: [c.text for c in o.cues] for o in reading.observations}


@pytest.mark.parametrize(("lang", "text", "pair", "word"), [
    # invented: a body asks a state to act; the state's act stays, on the state's pair
    ("en", "The UN urged Georgia to stop shelling Armenian villages.", "ARM-GEO", "shelling"),
    ("fr", "L'ONU a exhorté la Géorgie à retirer ses troupes d'Arménie.", "ARM-GEO", "retirer ses troupes"),
    ("en", "The EU asked Albania to recognise Kosovo.", "ALB-XKX", "recognise"),
])
def test_a_bodys_appeal_keeps_the_act_of_the_state_it_addresses(lang, text, pair, word):
    found = _observations(text, lang)
    assert pair in found and word in found[pair], found


@pytest.mark.parametrize(("lang", "text", "actor_pair", "asker_pair", "word"), [
    # invented: three countries; the act belongs to the one asked, not to the asker
    ("en", "Italy urged Georgia to stop shelling Armenian villages.", "ARM-GEO", "ARM-ITA", "shelling"),
    ("fr", "L'Italie a exhorté la Géorgie à cesser de bombarder l'Arménie.", "ARM-GEO", "ARM-ITA", "bombarder"),
    ("en", "Spain persuaded Chile to buy jets from Norway.", "CHL-NOR", "ESP-NOR", "buy jets"),
])
def test_the_act_under_an_appeal_goes_to_the_one_asked(lang, text, actor_pair, asker_pair, word):
    found = _observations(text, lang)
    assert word in found.get(actor_pair, []), found
    assert word not in found.get(asker_pair, []), found


def test_with_no_object_the_subject_still_controls():
    # invented counter-example: "decided to" has no object, so the subject cuts the ties
    found = _observations("Chile decided to cut ties with Norway after talks with Spain.", "en")
    assert "cut ties" in found.get("CHL-NOR", []), found


def test_a_subject_of_an_inserted_object_relative_acts_there_only():
    # invented: the parse may give "signé" the subject of "que ... accuse"; the deal is the head noun's
    found = _observations("Le Chili, que le Pérou accuse de provocations, a signé un accord gazier avec la Bolivie.",
                          "fr")
    assert any(w.startswith("signé") for w in found.get("BOL-CHL", [])), found
    assert not any(w.startswith("signé") for w in found.get("BOL-PER", [])), found


def test_a_country_inside_an_after_phrase_is_no_party_of_the_act():
    # invented: the recall is Chile's on Peru; the backing after "après" names the setting only
    found = _observations("Le Chili a rappelé son ambassadeur au Pérou après le soutien de Lima au plan bolivien.",
                          "fr")
    assert any(w.startswith("rappelé") for w in found.get("CHL-PER", [])), found
    assert not any(w.startswith("rappelé") for w in found.get("BOL-CHL", [])), found


def test_a_de_complement_owns_the_act_noun_as_a_demonym_does():
    # invented: the support is Spain's to Morocco in both wordings, not also Algeria's
    for text in ("L'Algérie a critiqué le soutien de l'Espagne au Maroc.",
                 "L'Algérie a critiqué le soutien espagnol au Maroc."):
        found = _observations(text, "fr")
        assert "soutien" in found.get("ESP-MAR", []), (text, found)
        assert "soutien" not in found.get("DZA-MAR", []), (text, found)
