"""Heads of state and foreign ministers long in the news whose derived rows (leaders_petrarch.csv) end before their
terms did or give no short form: leaders.csv rows make them actors of their country inside their terms (issue 10:
a side named only by its leader). Every sentence here is invented; each has a counter-example outside the term.
"""

from __future__ import annotations

from datetime import date

from tracker.records import Article
from tracker.scorer.pipeline import score_article


def _pairs(text: str, language: str, day: date) -> set[str]:
    scored = score_article(Article(text=text, language=language, published=day, published_source="header"))
    return {"-".join(p) for r in scored.readings for p in r.pairs}


def test_a_leader_after_the_derived_tables_end_is_still_his_country():
    # the derived table knew these presidents only up to 2011
    assert _pairs("Evo Morales accused Chile of stalling the maritime talks on Monday.", "en",
                  date(2014, 5, 6)) == {"BOL-CHL"}
    assert _pairs("Yahya Jammeh a rejeté mardi l'ultimatum du Sénégal.", "fr", date(2016, 12, 14)) == {"GMB-SEN"}


def test_a_distinctive_surname_alone_names_the_leader_in_office():
    # Correa alone is no longer enough (review, session 14: anyone called Correa); after a title it still is
    assert _pairs("President Correa recalled his ambassador from Peru on Monday.", "en", date(2010, 3, 2)) == {"ECU-PER"}
    assert _pairs("M. Boluarte a accusé jeudi le Mexique d'ingérence.", "fr", date(2023, 2, 23)) == {"MEX-PER"}


def test_outside_the_term_or_a_common_surname_alone_is_no_side():
    # out of office: a former leader speaks for no state
    assert _pairs("Correa recalled his ambassador from Peru on Monday.", "en", date(2019, 3, 2)) == set()
    # "Morales" alone is a common surname: only with a title or the full name
    assert _pairs("Morales accused Chile of stalling the maritime talks on Monday.", "en", date(2014, 5, 6)) == set()


def test_a_central_asian_president_past_the_derived_table_or_in_french_spelling():
    # Karimov was known to the derived table only to 2011; French writes "Nazarbaev" as well as "Nazarbaïev"
    assert _pairs("Islam Karimov a reçu lundi le Premier ministre turkmène à Tachkent.", "fr",
                  date(2015, 4, 7)) == {"TKM-UZB"}
    assert _pairs("Noursoultan Nazarbaev a reçu mardi le président mongol à Astana.", "fr",
                  date(2016, 5, 10)) == {"KAZ-MNG"}


def test_karimov_after_his_term_or_alone_is_no_side():
    # after his death in office, and the surname alone (other Karimovs), he speaks for no state
    assert _pairs("Islam Karimov a reçu lundi le Premier ministre turkmène à Tachkent.", "fr",
                  date(2018, 4, 7)) == set()
    assert _pairs("Karimov a critiqué lundi le barrage tadjik.", "fr", date(2012, 4, 7)) == set()
