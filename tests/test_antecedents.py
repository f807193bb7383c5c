"""A state noun ("le royaume", "l'émirat", "le pays") or a demonstrative naming an earlier act ("cette
décision") stands for the pair's other country only where its antecedent supports it: the noun agrees
with that country, and the sentences just before name it as the one such country (ninth session).

Every sentence here is invented, written the way wire copy reports relations; none is copied from real
reporting. Each rule has an example it must read and a counter-example it must leave alone.
"""

from __future__ import annotations

from datetime import date

from tracker.records import Article
from tracker.scorer.pipeline import score_article

DAY = date(2024, 3, 6)


def _pairs(text: str, language: str = "fr") -> set[str]:
    scored = score_article(Article(text=text, language=language, published=DAY, published_source="header"))
    return {"-".join(p) for p in scored.readings[-1].pairs}


# --- the noun agrees with the country it stands for ------------------------------------------------


def test_kingdom_stands_for_a_monarchy_of_the_pair():
    text = ("Alger a fermé son espace aérien aux avions marocains. "
            "Le royaume a dénoncé mardi une décision injustifiée de l'Algérie.")
    assert _pairs(text) == {"DZA-MAR"}
    # no kingdom in the pair: "le royaume" is some other country, not Algeria
    text = ("La France et l'Algérie ont signé lundi un accord gazier. "
            "Le royaume a vivement critiqué mardi la France.")
    assert _pairs(text) == set()


def test_emirate_stands_for_an_emirate_of_the_pair():
    assert _pairs("Qatar and Egypt have been mending ties. "
                  "The emirate named an ambassador to Cairo on Sunday.", "en") == {"EGY-QAT"}
    # Saudi Arabia is a kingdom, not an emirate
    text = ("L'Arabie saoudite et l'Égypte poursuivent leur rapprochement. "
            "L'émirat a critiqué mardi les autorités égyptiennes.")
    assert _pairs(text) == set()
    assert _pairs("Saudi Arabia and Egypt have been mending ties. "
                  "The emirate sharply criticised Cairo on Sunday.", "en") == set()


def test_kingdom_named_with_its_own_country_is_that_country():
    # "le royaume" is Morocco, named in the sentence too ("marocaine"): Algeria comes from "son voisin"
    text = ("Le Maroc et l'Algérie s'opposent sur le survol de leurs territoires. "
            "Le royaume a dénoncé lundi une décision de son voisin de l'Est visant une compagnie marocaine.")
    scored = score_article(Article(text=text, language="fr", published=DAY, published_source="header"))
    last = scored.readings[-1]
    assert {"-".join(p) for p in last.pairs} == {"DZA-MAR"}
    assert [m.country for m in last.mentions if m.text == "Le royaume"] == []


# --- the antecedent is the one country the sentences just before name -------------------------------


def test_third_country_just_before_leaves_the_state_noun_unresolved():
    # the Philippines were named before (the sentence names China): the country meant
    text = ("Pékin a convoqué l'ambassadeur philippin après l'incident en mer. "
            "Les autorités du pays se sont indignées mardi des manœuvres dangereuses de la Chine.")
    assert _pairs(text) == {"CHN-PHL"}
    # Vietnam, acting in between, is the country a reader takes (the discourse's nearest acting country,
    # pairs.discourse_subject): no longer the article's pair, but no longer unresolved either
    text = ("Pékin a convoqué l'ambassadeur philippin après l'incident en mer. Le Vietnam a lui aussi protesté "
            "lundi. Les autorités du pays se sont indignées mardi des manœuvres dangereuses de la Chine.")
    assert _pairs(text) == {"CHN-VNM"}
    # two countries acting in between, neither of them the subject: no guess
    text = ("Pékin a convoqué l'ambassadeur philippin après l'incident en mer. Des navires du Vietnam et de la "
            "Malaisie ont été vus lundi. Les autorités du pays se sont indignées mardi des manœuvres de la Chine.")
    assert not {p for p in _pairs(text) if "VNM" in p or "MYS" in p}


# --- a demonstrative names the act of a country that acted just before -----------------------------


def test_demonstrative_names_the_act_of_the_country_that_acted_before():
    text = "Paris a annoncé lundi l'expulsion de deux diplomates algériens. Alger a dénoncé mardi cette décision."
    assert _pairs(text) == {"DZA-FRA"}
    text = ("New Delhi a suspendu lundi le traité de partage des eaux. "
            "Cette décision a été qualifiée d'acte de guerre par Islamabad.")
    assert _pairs(text) == {"IND-PAK"}
    # a third country's act just before: the test is Russia's, not Algeria's
    text = ("La France a convoqué l'ambassadeur d'Algérie lundi. La Russie a procédé mardi à un essai de missile. "
            "Paris a dénoncé cet essai.")
    assert _pairs(text) == set()


def test_english_demonstrative_names_the_act_of_the_country_that_acted_before():
    # (invented) the English rows mirror the French ones: a reply to the other's act, active or passive
    text = "Kenya accused Uganda on Monday of arming rebels. These allegations were rejected by Kampala."
    assert _pairs(text, "en") == {"KEN-UGA"}
    text = "Vietnam announced new fishing quotas in the gulf on Monday. Beijing denounced this move on Tuesday."
    assert _pairs(text, "en") == {"CHN-VNM"}
    # (invented) a third country's act just before: the test is Iran's, not Egypt's (unresolved, as in French)
    text = ("Turkey summoned Egypt's ambassador on Monday. Iran carried out a missile test on Tuesday. "
            "Ankara condemned this test.")
    assert _pairs(text, "en") == set()
    # (invented) a domestic act just before: no other country for the demonstrative to stand for
    text = "Chile's parliament approved the budget on Monday. These measures were criticised by the opposition."
    assert _pairs(text, "en") == set()


def test_demonstrative_of_a_lone_actors_article_names_no_act_of_the_other():
    # Iran is named only through a former president: it did nothing "ces propos" could point back to
    text = "Le Japon a condamné l'attaque de l'ancien président iranien. Tokyo a ensuite dénoncé ces propos."
    assert _pairs(text) == set()


# --- a lone actor's counterpart: no third party -------------------------------------------------------


def test_a_mediator_is_not_the_lone_actors_counterpart():
    # the broker of a deal is a third party: "les deux pays" and "son voisin" are not Chad and Qatar
    text = "Sous l'égide du Qatar, le Tchad a signé un accord. Les relations entre les deux pays restent tendues."
    assert _pairs(text) == set()
    text = ("Des pourparlers se sont tenus à Doha sous l'égide du Qatar. "
            "Le Soudan a ensuite rompu ses relations avec son voisin.")
    assert _pairs(text) == set()
    # a former leader's country still is (the neighbour the lone actor accuses)
    text = ("Le Venezuela a rompu ses relations avec son voisin en 2019, accusant l'ancien président "
            "Iván Duque d'avoir comploté contre lui.")
    assert _pairs(text) == {"COL-VEN"}


# --- a place named by where something lies (not an antecedent rule: a false pair of the same real set) ---


def _roles(text: str, language: str = "fr") -> dict[str, str]:
    scored = score_article(Article(text=text, language=language, published=DAY, published_source="header"))
    return {m.text: m.role for m in scored.readings[-1].mentions}


def test_countries_a_territory_lies_between_are_places():
    # invented
    roles = _roles("Le Portugal finance une route dans cette vallée enclavée entre la Bolivie et le Paraguay.")
    assert (roles["Bolivie"], roles["Paraguay"]) == ("place", "place")
    roles = _roles("The ministry sent troops to a desert region lying between Sudan and Chad.", "en")
    assert (roles["Sudan"], roles["Chad"]) == ("place", "place")
    # fighting on a border between two countries keeps them parties
    assert _pairs("Des combats ont éclaté à la frontière entre le Maroc et l'Algérie.") == {"DZA-MAR"}
    # fighting in a place lying between two countries makes them its sides (invented)
    assert _pairs("Fresh clashes erupted in a valley lying between Kyrgyzstan and Tajikistan.", "en") == {"KGZ-TJK"}
    assert _pairs("De nouveaux affrontements ont éclaté dans une vallée située entre le Kirghizistan et le "
                  "Tadjikistan.") == {"KGZ-TJK"}


# --- a demonstrative naming a mutual act ("these talks", "cet accord") ---------------------------------


def test_a_pair_act_with_a_complement_naming_no_country_of_the_pair_is_another_act():
    # Invented: the talks "with the unions" are not the pair's; the bare phrase and a complement naming
    # a country of the pair still read as the pair's act.
    head = "Israel and the United Arab Emirates opened a new chapter on Monday. "
    assert _pairs(head + "These talks with the unions collapsed on Tuesday.", "en") == set()
    assert _pairs(head + "These talks collapsed on Tuesday.", "en") == {"ARE-ISR"}
    assert _pairs("Le Maroc et l'Algérie ont signé lundi un accord sur leur frontière. "
                  "Cet accord avec l'Algérie a été salué à Rabat.") == {"DZA-MAR"}


def test_a_pair_act_needs_the_pair_named_within_the_antecedent_window():
    # Invented mentions: the pair named in the sentence before reads; named only beyond the window
    # (ANTECEDENT_SENTENCES back, then a title naming no country) leaves the phrase unresolved.
    from tracker.records import Mention
    from tracker.scorer.pairs import AnaphoraPhrase, anaphora_mentions
    from tracker.scorer.pipeline import ANTECEDENT_SENTENCES

    phrase = AnaphoraPhrase(100, 111, "these talks", pair_act=True)
    named = [Mention(0, 6, "Israel", "ISR", "name", "actor", ""), Mention(11, 15, "UAE", "ARE", "name", "actor", "")]
    assert len(anaphora_mentions([phrase], ("ARE", "ISR"), [], before=[named, []])) == 2
    far = [[] for _ in range(ANTECEDENT_SENTENCES)] + [[]]  # the window, then an empty title
    assert anaphora_mentions([phrase], ("ARE", "ISR"), [], before=far) == []
