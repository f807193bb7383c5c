"""Review of the context-recall change (session 14): a definite mutual-act noun, a going-on pronoun and a state
noun as subject read too widely. Every sentence here is invented; each behaviour has an example that failed
before the fix and a counter-example that keeps the intended reading."""

from __future__ import annotations

from datetime import date

from tracker.records import Article
from tracker.scorer.pipeline import score_article

DAY = date(2024, 3, 6)


def _pairs(text: str, language: str = "fr") -> set[str]:
    scored = score_article(Article(text=text, language=language, published=DAY, published_source="header"))
    return {"-".join(p) for p in scored.readings[-1].pairs}


# --- 1. a definite mutual-act noun with words of its own, or after another pair (invented) --------------------


def test_a_definite_act_noun_with_a_complement_or_modifier_is_another_act():
    assert _pairs("Kenya and Uganda signed a trade deal on Monday. "
                  "The agreement of the parliament is still needed.", "en") == set()
    assert _pairs("Le Kenya et l'Ouganda ont signé un accord lundi. "
                  "Le traité de Rome régit le marché commun européen.") == set()
    assert _pairs("China accused the United States of bullying over chip exports. "
                  "The agreement, signed in Paris in 2015, commits nations to cut emissions.", "en") == set()
    assert _pairs("Le Kenya et l'Ouganda ont signé un accord lundi. La trêve hivernale a commencé.") == set()


def test_a_definite_act_noun_after_another_pair_is_no_guess():
    text = ("China and the United States resumed trade talks in Geneva. Russia and Ukraine also held talks in "
            "Istanbul. The talks broke down on Saturday.")
    assert "CHN-USA" not in _pairs(text, "en")


def test_a_bare_definite_act_noun_after_the_pair_stays_its_act():
    assert _pairs("Kenya and Uganda signed a truce on Monday. The truce collapsed within hours.", "en") == {"KEN-UGA"}
    assert _pairs("Le Kenya et l'Ouganda ont signé un accord lundi. L'accord doit encore être ratifié.") == {"KEN-UGA"}


# --- 2. a going-on pronoun: only an active subject, and not a speaker of another's act (invented) -------------


def test_a_passive_pronoun_is_the_thing_acted_on():
    assert "FRA-MAR" not in _pairs("France signed a deal with Algeria on Monday. It has been criticised by Morocco.", "en")
    assert "CHN-USA" not in _pairs("The United States signed a deal with India on Monday. It was welcomed by China.", "en")
    assert "MAR-MRT" not in _pairs("Le Maroc a dénoncé la décision de l'Algérie. Elle a été critiquée par la Mauritanie.")
    assert "CHN-FRA" not in _pairs("La France a signé un accord avec l'Inde. Il a été salué par la Chine.")


def test_a_speaker_reporting_a_third_countrys_act_is_no_side_of_it():
    assert "RUS-USA" not in _pairs("Le ministre russe a reçu son homologue iranien à Moscou. "
                                   "Il a souligné que les États-Unis menacent la région.")


def test_an_active_pronoun_still_goes_on():
    assert _pairs("Kenya accused Somalia, Ethiopia and Uganda on Monday of arming rebel groups. "
                  "It also threatened Tanzania with sanctions.", "en") == {"KEN-TZA"}
    assert _pairs("Le président kényan a salué mardi la fin des combats. "
                  "Il a ensuite signé un accord de coopération avec le Premier ministre somalien.") == {"KEN-SOM"}


# --- 3. a state noun as subject after a sentence naming two countries (invented) -----------------------------


def test_the_country_after_a_sentence_naming_two_is_no_guess():
    assert "POL-RUS" not in _pairs("Russia struck Ukraine's power plants overnight. "
                                   "The country then accused Poland of blocking aid.", "en")
    assert "MLI-NER" not in _pairs("Mali expelled the French ambassador on Monday. "
                                   "The country retaliated by suspending aid to Niger.", "en")


def test_the_country_after_a_sentence_naming_one_is_that_one():
    assert "KEN-UGA" in _pairs("Kenya closed its border posts on Monday. The country then accused Uganda of smuggling.", "en")


# --- 5. a leader's surname alone: Correa matched only after a title (invented) --------------------------------


def test_correa_alone_is_no_leader():
    scored = score_article(Article(text="Correa, the Argentine striker, criticised the referee after Brazil won.",
                                   language="en", published=date(2010, 3, 6), published_source="header"))
    assert not {"-".join(p) for p in scored.readings[-1].pairs if "ECU" in p}


def test_president_correa_is_still_ecuador():
    scored = score_article(Article(text="President Correa criticised Colombia over the border raid.", language="en",
                                   published=date(2010, 3, 6), published_source="header"))
    assert "COL-ECU" in {"-".join(p) for p in scored.readings[-1].pairs}


# --- 7. widened gaps in the lexicon: only the pair between noun and state word (invented) -------------------


def _cues(text: str, lang: str) -> list[str]:
    scored = score_article(Article(text=text, language=lang, published=DAY, published_source="header"))
    return [c.pattern for r in scored.readings for o in r.observations for c in o.cues]


def test_a_strain_elsewhere_or_a_development_of_something_else_is_no_state_of_relations():
    assert not [p for p in _cues("Ties between Chile and Peru grew despite strain on the budget.", "en") if "strain" in p]
    assert not [p for p in _cues("Le développement nucléaire iranien nuit aux relations avec Israël.", "fr")
                if p.startswith("développement")]


def test_strained_ties_between_the_pair_and_developing_relations_still_read():
    assert [p for p in _cues("Ties between Chile and Peru are strained.", "en") if "strain" in p]
    assert [p for p in _cues("Le Chili et le Pérou saluent le développement stable des relations.", "fr")
            if p.startswith("développement")]
