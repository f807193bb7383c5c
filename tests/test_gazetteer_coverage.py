"""Every UN member can be found by its capital (as a metonym) and by its demonym, in both languages.

The data files places.tsv and demonyms.tsv are read as the matcher reads them; each capital form
and each demonym form is put in a short sentence and must come out of find_mentions with its
country. Note: every sentence below is an invented example, not real reporting.
"""

from __future__ import annotations

import csv
from datetime import date
from importlib import resources

import pycountry
import pytest

from tracker.scorer.countries import USER_ASSIGNED
from tracker.scorer.mentions import english_demonym_forms, find_mentions, french_demonym_forms, mention_index

DAY = date(2024, 3, 1)

# The 193 UN member states (ISO alpha-3), as listed by the UN; pycountry has no membership flag.
UN_MEMBERS = frozenset(
    """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
    BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
    DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
    GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
    LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
    NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
    KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
    SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
    ZWE
    """.split()
)
# Observers and disputed states the press treats as countries (Kosovo under its user-assigned code).
OTHERS = frozenset({"PSE", "TWN", "VAT", "XKX"})
KNOWN_EXTRA = {code for code, _ in USER_ASSIGNED.values()}


def _known(code: str) -> bool:
    return code in KNOWN_EXTRA or pycountry.countries.get(alpha_3=code) is not None

# Capitals left out on purpose, with the reason in places.tsv's header.
CAPITAL_LEFT_OUT = {"ATG", "BEL", "GRD", "LCA", "NRU", "SYC"}
# Capitals that are the country's own name: found as a name, no capital row needed.
CAPITAL_IS_NAME = {
    "DJI": "Djibouti",
    "KWT": "Koweït",
    "SGP": "Singapour",
    "LUX": "Luxembourg",
    "MCO": "Monaco",
    "SMR": "Saint-Marin",
    "PAN": "Panama",
    "GTM": "Guatemala",
}
# Demonyms left out on purpose, with the reason in demonyms.tsv's header: which Congo, which Korea;
# English "Dominican" goes to the Dominican Republic, not to Dominica.
DEMONYM_LEFT_OUT = {("COG", "fr"), ("COD", "fr"), ("COG", "en"), ("COD", "en"), ("DMA", "en")}
# Forms that the index gives to two countries, on purpose: none in these files. (Babel's French
# "Saint-Martin" names both the French and the Dutch part of the island; not ours to split.)
SHARED_FORMS = {("fr", "saint martin")}


def _rows(filename: str) -> list[dict[str, str]]:
    path = resources.files("tracker.scorer") / "data" / filename
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


def _forms(cell: str) -> list[str]:
    return [form.strip() for form in cell.split("|") if form.strip()]


PLACES = _rows("places.tsv")
DEMONYMS = _rows("demonyms.tsv")
CAPITALS: dict[str, list[str]] = {}
for _row in PLACES:
    if _row["kind"] == "capital":
        CAPITALS.setdefault(_row["code"], []).extend(_forms(_row["forms"]))


def _demonym_forms(code: str, lang: str) -> list[str]:
    out: list[str] = []
    for row in DEMONYMS:
        if row["code"] == code and row["lang"] == lang:
            if row["forms"]:
                out += _forms(row["forms"])
            else:
                out += (
                    french_demonym_forms(row["base"]) if lang == "fr" else english_demonym_forms(row["base"])
                )
            out += _forms(row["extra"])
    return out


def _base(code: str, lang: str) -> str:
    return next(r["base"] for r in DEMONYMS if r["code"] == code and r["lang"] == lang)


@pytest.fixture(scope="module")
def found(nlp_fr, nlp_en):
    """found(text, lang) -> [(text, country, kind, role)] for the text read as one sentence."""

    def _found(text: str, lang: str):
        doc = (nlp_fr if lang == "fr" else nlp_en)(text)
        return [(m.text, m.country, m.kind, m.role) for m in find_mentions(doc[:], lang, DAY)]

    return _found


# --- the files parse and cover every member --------------------------------------------------


def test_files_parse_with_known_codes_and_cases():
    for row in PLACES:
        assert row["kind"] in {"capital", "institution", "name", "block"}, row
        assert row["case"] in {"any", "exact"}, row
        assert _forms(row["forms"]), row
        if row["kind"] != "block":
            for code in row["code"].split("+"):
                assert _known(code), row
    for row in DEMONYMS:
        assert row["lang"] in {"fr", "en"}, row
        assert row["base"] and _known(row["code"]), row


@pytest.mark.parametrize("filename", ["places.tsv", "demonyms.tsv"])
def test_no_duplicate_rows(filename):
    # Letter for letter: some blocks list a capitalised and a lower-case spelling on purpose.
    keys = [
        (r["code"], r.get("kind") or r.get("lang"), form)
        for r in _rows(filename)
        for form in _forms(r.get("forms") or r["base"])
    ]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    assert not duplicates, duplicates


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_form_names_two_countries(lang):
    index = mention_index(lang)
    shared = {}
    for key, entries in index.entries.items():
        codes = {e.code for e in entries if e.kind not in {"person", "block", "prefix"} and e.code}
        kinds = {e.kind for e in entries}
        if len(codes) > 1 or ("block" in kinds and len(kinds) > 1):
            shared[key] = sorted((e.code, e.kind) for e in entries)
    assert {(lang, key) for key in shared} <= SHARED_FORMS, shared


def test_every_member_has_a_capital_and_demonyms():
    members = UN_MEMBERS | OTHERS
    assert len(UN_MEMBERS) == 193
    missing_capital = members - set(CAPITALS) - CAPITAL_LEFT_OUT - set(CAPITAL_IS_NAME)
    assert not missing_capital, sorted(missing_capital)
    for lang in ("fr", "en"):
        have = {r["code"] for r in DEMONYMS if r["lang"] == lang}
        missing = UN_MEMBERS - have - {code for code, lg in DEMONYM_LEFT_OUT if lg == lang}
        assert not missing, (lang, sorted(missing))


# --- every form is found in a sentence ---------------------------------------------------------

# French capitals written with their article in prose: "Le Caire".
_FR_ARTICLE = {"Caire": "Le "}


@pytest.mark.parametrize("code", sorted(c for c in CAPITALS if c in UN_MEMBERS | OTHERS))
def test_capital_as_metonym(found, code):
    # invented examples
    for form in CAPITALS[code]:
        for lang, sentence in (
            ("fr", f"{_FR_ARTICLE.get(form, '')}{form} a rappelé mardi son ambassadeur."),
            ("en", f"{form} recalled its ambassador on Tuesday."),
        ):
            got = found(sentence, lang)
            assert any(t == form and c == code and role == "actor" for t, c, _, role in got), (sentence, got)


@pytest.mark.parametrize(("code", "form"), sorted(CAPITAL_IS_NAME.items()))
def test_capital_that_is_the_name(found, code, form):
    # invented example
    got = found(f"Dakar et {form} ont signé un accord.", "fr")
    assert {c for _, c, _, role in got if role == "actor"} == {"SEN", code}, got


@pytest.mark.parametrize("code", sorted(UN_MEMBERS | OTHERS))
def test_french_demonym(found, code):
    if not _demonym_forms(code, "fr"):
        pytest.skip(f"no French demonym for {code} (left out on purpose)")
    # invented examples
    base = _base(code, "fr")
    got = found(f"Le président {base} a reçu mardi une délégation.", "fr")
    assert (base, code, "demonym", "actor") in got, got
    for form in _demonym_forms(code, "fr"):
        got = found(f"Selon les autorités, les diplomates {form} ont protesté lundi.", "fr")
        assert any(t == form and c == code and k == "demonym" for t, c, k, _ in got), (form, got)


@pytest.mark.parametrize("code", sorted(UN_MEMBERS | OTHERS))
def test_english_demonym(found, code):
    if not _demonym_forms(code, "en"):
        pytest.skip(f"no English demonym for {code} (left out on purpose)")
    # invented examples
    base = _base(code, "en")
    got = found(f"The {base} president received a delegation on Tuesday.", "en")
    assert (base, code, "demonym", "actor") in got, got
    for form in _demonym_forms(code, "en"):
        got = found(f"On Monday, {form} officials protested, a spokesman said.", "en")
        assert any(t == form and c == code and k == "demonym" for t, c, k, _ in got), (form, got)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # invented examples: neighbours whose demonyms share a word
        ("Le président nigérien a reçu son homologue nigérian.", "fr", {"NER", "NGA"}),
        ("The Nigerien president met his Nigerian counterpart.", "en", {"NER", "NGA"}),
        ("Les ministres soudanais et sud-soudanais se sont parlé.", "fr", {"SDN", "SSD"}),
        (
            "Les ministres guinéen, bissau-guinéen et équato-guinéen se sont réunis.",
            "fr",
            {"GIN", "GNB", "GNQ"},
        ),
        ("Guinean, Bissau-Guinean and Equatorial Guinean ministers met.", "en", {"GIN", "GNB", "GNQ"}),
        ("Le président mauricien a reçu le Premier ministre mauritanien.", "fr", {"MUS", "MRT"}),
        ("Gitega accuse Kigali de soutenir les rebelles.", "fr", {"BDI", "RWA"}),
        ("Kinshasa et Brazzaville ont signé un accord.", "fr", {"COD", "COG"}),
    ],
)
def test_neighbours_are_told_apart(found, text, lang, expected):
    got = found(text, lang)
    assert {c for _, c, _, role in got if role == "actor"} == expected, got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # invented examples: the same words naming something other than a country
        ("She teaches at Georgetown University and lives in Kingston upon Thames.", "en"),
        ("Houthi rebels struck a Liberian-flagged tanker in the Gulf of Aden.", "en"),
        ("Les combats ont repris dans la région du Bas-Juba.", "fr"),
        ("Un pétrolier battant pavillon panaméen a été touché.", "fr"),
        ("A sailor from San Jose, California.", "en"),
        ("Pilgrims walked to Santiago de Compostela.", "en"),
        ("Les tribus néo-guinéennes vivent dans les hautes terres.", "fr"),
        ("New Guinean tribes live in the highlands.", "en"),
        ("Henri de Castries a présidé l'Institut Montaigne.", "fr"),
    ],
)
def test_namesakes_are_not_countries(found, text, lang):
    got = found(text, lang)
    assert not [m for m in got if m[1] not in {"YEM", "USA"}], got
