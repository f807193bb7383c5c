"""Signs after the review of session 16's signs change: the review's invented sentences (each scored on
its own), with counter-examples that must keep their reading. Every sentence here is invented."""

from __future__ import annotations

from datetime import date

from tracker.records import Article
from tracker.scorer.pipeline import score_article

DAY = date(2024, 3, 6)


def _scores(text: str, language: str = "fr") -> dict[str, float]:
    scored = score_article(Article(text=text, language=language, published=DAY, published_source="header"))
    return {"-".join(o.pair): o.score for o in scored.readings[-1].observations}


# --- H1. "(ne pas) exclure de + infinitive" is to rule out doing, no expulsion (invented) ---------------------


def test_ruling_out_leaving_an_alliance_is_no_expulsion():
    assert _scores("Le Niger n'exclut pas de quitter l'alliance avec le Mali.")["MLI-NER"] > 0
    assert _scores("Le Qatar n'exclut pas de quitter la coalition menée par l'Arabie saoudite.")["QAT-SAU"] > 0


# --- H2. troops pulled back from a place, or removed by force, are no leaving of a shared force (invented) ------


def test_troops_pulled_back_from_a_place_are_no_leaving_of_a_force():
    assert _scores("L'Ukraine a retiré de Bakhmout ses dernières forces face à la Russie.")["RUS-UKR"] < 0
    assert _scores("Le Rwanda a retiré de l'est de la RDC une partie de ses forces, selon Kinshasa.")["COD-RWA"] < 0
    assert "BFA-NER" not in _scores("Le Burkina Faso a retiré de la frontière avec le Niger ses forces spéciales.")
    assert "FRA-MLI" not in _scores("La France s'est retirée du Mali, remplacée par les forces russes de Wagner.")


def test_leaving_a_shared_force_or_exercise_stays_tension():
    assert _scores("La Russie s'est retirée de l'exercice conjoint avec la Chine, a indiqué Pékin.")["CHN-RUS"] > 3
    assert _scores("Le Tchad s'est retiré des exercices conjoints avec le Nigeria.")["NGA-TCD"] > 3
    assert _scores("Le Qatar s'est retiré de la coalition menée par l'Arabie saoudite.")["QAT-SAU"] > 3


# --- H3. the adjective "initial" is not the verb "to initial" (invented) -------------------------------------


def test_an_initial_text_rejected_is_no_agreement():
    assert _scores("The initial text proposed by Egypt was rejected by Ethiopia on Monday.", "en")["EGY-ETH"] > 0


def test_initialling_stays_an_agreement():
    assert _scores("Armenian and Azerbaijani negotiators initialled the draft peace treaty in Abu Dhabi on "
                   "Thursday.", "en")["ARM-AZE"] < -5


# --- H4. an expulsion from an alliance does not run across a comma into another clause (invented) ------------


def test_expulsion_from_a_city_keeps_its_pair():
    got = _scores("Poland expelled the Russian diplomats from Warsaw, citing its alliance with the United States.",
                  "en")
    assert got["POL-RUS"] > 3 and got.get("POL-USA", -1) < 0
    got = _scores("Egypt expelled the Turkish ambassador from Cairo, calling the alliance with Libya a threat.", "en")
    assert got["EGY-TUR"] > 3 and "LBY-TUR" not in got


# --- H5. a party's setback, or a denied setback, says nothing of relations (invented) -------------------------


def test_a_setback_elsewhere_or_denied_is_no_cue():
    assert _scores("The setback for Modi's party has no bearing on relations between India and the United States, "
                   "officials said.", "en") == {}
    assert _scores("The decision is not a setback for relations with China, the Philippine foreign minister "
                   "insisted.", "en") == {}
    assert _scores("Ce n'est pas un coup dur pour les relations avec la Chine, a assuré le ministre australien.") == {}


def test_a_setback_for_the_pair_stays_tension():
    assert _scores("The vote was a setback for efforts to mend ties between Japan and South Korea, analysts said.",
                   "en")["JPN-KOR"] > 3
    assert _scores("Le renvoi du consul est un coup dur pour les relations du Pérou avec "
                   "le Chili.")["CHL-PER"] > 3


# --- M2. fronted and trailing background clauses (invented) -------------------------------------------------


def test_a_trailing_concession_keeps_its_sides():
    got = _scores("Le Maroc et l'Espagne ont signé un accord migratoire, bien que l'Algérie ait protesté.")
    assert got["ESP-MAR"] < 0 and got["DZA-MAR"] > 0


def test_a_fronted_concession_is_still_background():
    got = _scores("Bien que la Turquie ait dénoncé les exercices, la Grèce et Chypre ont mené des manœuvres "
                  "conjointes.")
    assert got["CYP-GRC"] < 0


# --- M3/M4. a request for arms; the banking "rétrocession" (invented) -----------------------------------------


def test_a_refused_request_for_patriots_is_no_aid():
    assert _scores("Ukraine asked the US to send it more Patriot systems, but Washington said it had none to "
                   "spare.", "en").get("UKR-USA", 1) > 0


def test_a_bank_passing_back_fees_is_no_handback():
    assert _scores("La banque a annoncé la rétrocession de commissions à ses clients au Luxembourg et en "
                   "Belgique.") == {}
    assert _scores("La Russie a rétrocédé à la Chine deux îles de l'Amour en 2008.")["CHN-RUS"] < 0
