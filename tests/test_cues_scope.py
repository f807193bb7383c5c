"""Modifier scope read on the parse (cues/modifiers.py, cues/windows.py). Every sentence here is invented."""

from __future__ import annotations

import pytest

from tracker.records import Cue
from tracker.scorer.cues import cue_finder
from tracker.scorer.lexicon import load_lexicon


@pytest.fixture(scope="module")
def pipelines(nlp_fr, nlp_en):
    lexicon = load_lexicon()
    return {"fr": (nlp_fr, cue_finder(nlp_fr, "fr", lexicon)), "en": (nlp_en, cue_finder(nlp_en, "en", lexicon))}


def cues_of(pipeline, text: str) -> list[Cue]:
    nlp, finder = pipeline
    return [cue for sent in nlp(text).sents for cue in finder.find(sent)]


def cue(pipeline, text: str, word: str) -> Cue:
    found = [c for c in cues_of(pipeline, text) if c.text.endswith(word)]
    assert len(found) == 1, (word, cues_of(pipeline, text))
    return found[0]


def has(c: Cue, kind: str) -> bool:
    return any(m.startswith(kind) for m in c.modifiers)


# A statement's topic is its whole object phrase: a cue nested in a cue that frames nothing itself
# ("l'accord de normalisation") is what the statement is about, as the agreement is.
@pytest.mark.parametrize(("lang", "text", "word"), [
    ("fr", "Le Maroc a critiqué vendredi l'accord de normalisation signé par ses deux voisins.", "normalisation"),
    ("en", "Tehran criticised the agreement on normalisation between its two neighbours.", "normalisation"),
    ("en", "Ankara criticised the pact between its two neighbours to normalise relations.", "normalise relations"),
])
def test_a_statement_topic_reaches_the_cue_nested_in_its_object(pipelines, lang, text, word):
    found = cue(pipelines[lang], text, word)
    assert has(found, "topic of"), found


@pytest.mark.parametrize(("lang", "text", "word"), [
    # counter-examples: the same phrase done, not talked about, keeps its weight
    ("fr", "Les deux voisins ont signé vendredi un accord de normalisation.", "normalisation"),
    ("en", "Its two neighbours signed an agreement on normalisation last week.", "normalisation"),
    ("en", "Its two neighbours signed a pact to normalise relations.", "normalise relations"),
])
def test_a_nested_cue_of_an_act_is_no_topic(pipelines, lang, text, word):
    found = cue(pipelines[lang], text, word)
    assert not has(found, "topic of"), found


def test_a_call_that_is_a_noun_demands_nothing(pipelines):
    # "call on" read across a phone call: the noun governs no cue of the sentence
    found = cue(pipelines["en"], "The president told his counterpart in a phone call on Monday that Washington "
                                 "would keep working for a deal between the two neighbours.", "deal")
    assert not has(found, "demand") and found.weight < 0, found


def test_a_call_on_someone_still_demands(pipelines):
    # counter-example: the verb presses the one it names
    found = cue(pipelines["en"], "Washington called on Cairo to reach a deal with its neighbours.", "deal")
    assert has(found, "demand") and found.weight > 0, found


@pytest.mark.parametrize(("lang", "text"), [
    # "n'ont pas vu X contourner les sanctions": the evasion is denied, the sanctions stand
    ("fr", "Les enquêteurs n'ont pas vu Pékin contourner les sanctions contre Moscou."),
    # invented: the English parse makes the seen act a ccomp with its own subject
    ("en", "The inspectors did not see Hanoi evade the sanctions on Pyongyang."),
])
def test_a_denied_perception_denies_the_act_seen_not_its_object(pipelines, lang, text):
    found = cue(pipelines[lang], text, "sanctions")
    assert not has(found, "negation") and found.weight > 0, found


def test_a_denied_claim_still_denies_the_act_it_reports(pipelines):
    # invented counter-example: "did not impose" negates the sanctions themselves
    found = cue(pipelines["en"], "Hanoi did not impose sanctions on Pyongyang.", "sanctions")
    assert has(found, "negation") and found.weight < 0, found


@pytest.mark.parametrize("text", [
    # counter-examples: a denied carrier or a denied wish still denies its object
    "Pékin n'a pas imposé de sanctions contre Moscou.",
    "Pékin n'a pas voulu imposer de sanctions contre Moscou.",
])
def test_a_denied_act_on_the_cue_still_denies_it(pipelines, text):
    found = cue(pipelines["fr"], text, "sanctions")
    assert has(found, "negation") and found.weight < 0, found


def test_an_ending_verb_with_an_object_ends_that_object_not_its_subject(pipelines):
    # "X ended Y": the shelling is what happened; the truce it ended is what stops
    text = "Renewed shelling ended the truce between Armenia and Azerbaijan on Sunday."
    shelling = cue(pipelines["en"], text, "shelling")
    assert not has(shelling, "negation") and shelling.weight > 0, shelling


def test_an_ending_verb_without_an_object_still_ends_its_subject(pipelines):
    # counter-example: "the shelling ended" -- the subject itself stops
    found = cue(pipelines["en"], "The shelling between Armenia and Azerbaijan ended on Sunday.", "shelling")
    assert has(found, "negation") and found.weight < 0, found
