"""tools/petrarch_actors.py: PETRARCH country actors -> our leaders table. The actors file below is
invented (made-up people and dates), in PETRARCH2's format; so are the sentences."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import petrarch_actors as pa  # noqa: E402

from tracker.records import Article  # noqa: E402
from tracker.scorer.leaders import load_leaders, merge_derived, read_leaders, resolve_person  # noqa: E402
from tracker.scorer.mentions import find_mentions  # noqa: E402

ACTORS = """\
# an invented actors file
ZEMBLA_  [FRA]
+ZEMBLAN_

QUENTIN_ORVALDO_TRAMB_  # head of government, then out of office
+PRESIDENT_TRAMB_
+TRAMB
+Q._ORVALDO_TRAMB
\t[FRAELI 19700101-19990301]
\t[FRAGOV 19990302-20040610]
\t[FRAGOV 990302-040610]
\t[FRAELI]
MARIKA_VELLANOUX_  # defence, still in office when the source ends
\t[DEUGOVMIL >100201]
MARIKA_VELLANOUX  # the same person listed twice: one person
\t[DEUGOVMIL 080101-100131]
OTTO_BRAMMERSFELD_  # agriculture: not an office we keep
\t[DEUGOVAGR 050101-061231]
KASPAR_
\t[DEUGOV 050101-061231]
MARK_GREEN_  # only common words
\t[DEUGOV 050101-061231]
ABU_DHABI_  # a place
\t[DEUGOV 050101-061231]
LUDO_ZIMMERBACK_  # two countries at once
\t[DEUGOV 050101-061231]
LUDO_ZIMMERBACK_
\t[AUTGOV 050101-061231]
VLADIMIR_PUTIN_  # ours has him
\t[RUSGOV 000101-080101]
ELSA_KORVINEN_  # no start known, no date at all
\t[FINGOV <050101]
+SOFIA_KORVINEN_
\t[FINGOV]
IVAN_DRAGOMIR_PETKOV_  # not a country in ISO 3166 any more
\t[SUNGOV 800101-850101]
HANNES_OSTROVSKI_  # two people share the surname: it names neither alone
\t[ESTGOV 050101-061231]
PEETER_OSTROVSKI_
\t[ESTGOV 070101-081231]
"""


@pytest.fixture(scope="module")
def table(tmp_path_factory) -> dict[str, list[dict[str, str]]]:
    folder = tmp_path_factory.mktemp("petrarch")
    (folder / pa.ACTORS_FILE).write_text(ACTORS, encoding="utf-8")
    (folder / "LICENSE").write_text("The MIT License (MIT)\n\nCopyright (c) 2014 Nobody\n", encoding="utf-8")
    out = folder / "leaders_test.csv"
    rows = pa.convert(folder, out)
    assert "# The MIT License (MIT)" in out.read_text(encoding="utf-8")
    assert read_leaders(out.read_text(encoding="utf-8"), "PETRARCH")  # our reader takes it
    by_name: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_name.setdefault(row["name"], []).append(row)
    return by_name


def test_terms_of_kept_offices_with_their_dates(table):
    tramb = table["Quentin Orvaldo Tramb"]
    assert [(r["country"], r["role"], r["start"], r["end"]) for r in tramb] == [
        ("FRA", "government", "1999-03-02", "2004-06-10")]  # the term listed twice is one term, ELI is no office
    assert tramb[0]["aliases"] == "Q. Orvaldo Tramb"  # "PRESIDENT_TRAMB" is a title, not a name
    assert tramb[0]["surnames"] == "Tramb" and tramb[0]["alone_ok"] == "no"
    assert tramb[0]["known_until"] == "2004-06-10"  # the last date the file records for FRA
    vellanoux = table["Marika Vellanoux"]  # two records of one person, merged
    assert [(r["role"], r["start"], r["end"]) for r in vellanoux] == [
        ("defence", "2008-01-01", "2010-01-31"), ("defence", "2010-02-01", "")]
    assert {r["known_until"] for r in vellanoux} == {"2010-02-01"}


def test_noise_is_left_out_by_general_rules(table):
    assert set(table) == {"Quentin Orvaldo Tramb", "Marika Vellanoux", "Hannes Ostrovski", "Peeter Ostrovski"}
    # dropped: agriculture, a one-word name, common words, a place, two countries, ours, no start, not ISO
    assert table["Hannes Ostrovski"][0]["surnames"] == ""  # shared by two people


def test_dates_and_restrictions_are_read():
    assert pa.parse_date("990302") == date(1999, 3, 2) and pa.parse_date("040610") == date(2004, 6, 10)
    assert pa.parse_date("19270101") == date(1927, 1, 1) and pa.parse_date("9008223") is None
    assert pa.parse_restriction("AFGGOV", ">011222") == pa.Restriction("AFGGOV", date(2001, 12, 22), None, True)
    assert pa.parse_restriction("AFGELI", "") == pa.Restriction("AFGELI", None, None, False)


def test_ours_wins_when_read(tmp_path):
    ours = load_leaders()[:3]
    derived = read_leaders(
        "country,role,name,aliases,surnames,alone_ok,start,end,known_until\n"
        f"USA,government,{ours[0].aliases[0].upper()},,,no,1990-01-01,1991-01-01,2010-01-01\n"
        "USA,government,Zed Quarrington,,Clinton|Quarrington,no,1990-01-01,1991-01-01,2010-01-01\n",
        "PETRARCH",
    )
    kept = merge_derived(ours, derived)
    assert [t.name for t in kept] == ["Zed Quarrington"] and kept[0].surnames == ("Quarrington",)


def test_the_derived_table_is_well_formed():
    text = pa.DEFAULT_OUT.read_text(encoding="utf-8")
    assert "MIT License" in text[:3000] and "Open Event Data" in text[:3000]
    terms = [t for t in load_leaders() if t.source == "PETRARCH"]
    assert len(terms) > 5000
    assert all(t.known_until is not None and not t.alone_ok and " " in t.name for t in terms)


# --- a PETRARCH-only leader in sentences (invented sentences; the person and dates are the source's:
# Ahmed Nazif, Egypt's prime minister 2004-07-14..2011-01-29, not in our leaders.csv) --------------


def _mentions(nlp, lang: str, text: str, day: date):
    return [(m.text, m.country, m.kind, m.role) for m in find_mentions(nlp(text)[:], lang, day)]


def test_petrarch_leader_in_office_is_an_actor(nlp_en, nlp_fr):
    assert resolve_person("Ahmed Nazif", date(2008, 6, 1)).role == "actor"
    found = _mentions(nlp_en, "en", "Ahmed Nazif accused Israel of blocking the talks.", date(2008, 6, 1))
    assert ("Ahmed Nazif", "EGY", "person", "actor") in found
    found = _mentions(nlp_fr, "fr", "Le Premier ministre Nazif a accusé Israël de bloquer les pourparlers.", date(2008, 6, 1))
    assert ("Nazif", "EGY", "person", "actor") in found  # a surname after a title
    found = _mentions(nlp_fr, "fr", "Nazif a accusé Israël de bloquer les pourparlers.", date(2008, 6, 1))
    assert "Nazif" not in [f[0] for f in found]  # a derived surname alone names no one
    # French copy keeps the accents the source leaves out (Mikulas Dzurinda, Slovakia's prime minister 1998-2006)
    found = _mentions(nlp_fr, "fr", "Mikuláš Dzurinda a critiqué la Hongrie.", date(2004, 3, 1))
    assert ("Mikuláš Dzurinda", "SVK", "person", "actor") in found


def test_petrarch_leader_out_of_office_is_former_and_unknown_after_the_source(nlp_en):
    text = "Ahmed Nazif accused Israel of blocking the talks."
    assert ("Ahmed Nazif", "EGY", "person", "former") in _mentions(nlp_en, "en", text, date(2012, 6, 1))
    # after the source's last date for Egypt (2014) it cannot tell: no reading, as before the table had him
    assert "Ahmed Nazif" not in [f[0] for f in _mentions(nlp_en, "en", text, date(2020, 6, 1))]
    assert resolve_person("Ahmed Nazif", date(2020, 6, 1)) is None


def test_petrarch_leader_makes_a_dated_pair():
    from tracker.scorer.pipeline import score_article

    text = "Ahmed Nazif accused Israel on Tuesday of blocking the talks on the border crossings."
    scored = score_article(Article(text, language="en", published=date(2008, 6, 5)))
    found = [(o.pair_code, o.event_date, o.score > 0) for r in scored.readings for o in r.observations]
    assert found == [("EGY-ISR", date(2008, 6, 3), True)]
    later = score_article(Article(text, language="en", published=date(2012, 6, 5)))
    assert not [o for r in later.readings for o in r.observations]  # a former prime minister: no pair
