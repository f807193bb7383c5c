"""Signs of pairs that are found, session 16: an initialled text, arms supplied named before the verb, a
setback or a blow to relations, a ceremony held jointly, and a fronted background phrase the small
French parser stretches over the main clause's subject or its reporting clause. Every sentence here is
invented; each behaviour has an example and a counter-example that must not change."""

from __future__ import annotations

from datetime import date

from tracker.records import Article
from tracker.scorer.pipeline import score_article

DAY = date(2024, 3, 6)


def _scores(text: str, language: str = "fr") -> dict[str, float]:
    scored = score_article(Article(text=text, language=language, published=DAY, published_source="header"))
    return {"-".join(o.pair): o.score for o in scored.readings[-1].observations}


# --- 1. an initialled text is an agreement (invented) ---------------------------------------------------------


def test_initialling_a_text_is_an_agreement():
    assert _scores("Le Ghana et le Togo ont conclu un arrangement sur leur frontière maritime. "
                   "Les deux ministres ont paraphé le document mardi.")["GHA-TGO"] < -3
    assert _scores("Negotiators from Ghana and Togo initialled a draft agreement on their maritime border "
                   "in Accra on Tuesday.", "en")["GHA-TGO"] < -3


def test_initials_of_other_things_are_no_agreement():
    assert _scores("Ghana's president initialled the new budget on Monday, and Togo's did the same.", "en") == {}


# --- 2. arms supplied, the goods named before the participle (invented) ---------------------------------------


def test_weapons_named_before_the_supply_are_supplied():
    # the parser hangs the participle on the demonym ("drones" as its adjective)
    assert _scores("Des missiles russes, fournis à l'armée malienne par Moscou, ont été repérés près de Gao.")["MLI-RUS"] < -3
    assert _scores("Des drones iraniens, fournis à l'armée soudanaise par Téhéran, ont été vus près de "
                   "Khartoum.")["IRN-SDN"] < -3


def test_a_product_origin_alone_is_no_supply():
    assert "IRN-SDN" not in _scores("Des drones iraniens ont été vus près de Khartoum, selon l'armée soudanaise.")


# --- 3. a setback or a blow to relations is a deterioration (invented) -----------------------------------------


def test_a_setback_for_relations_is_tension():
    assert _scores("The ruling is a serious setback for relations between Ghana and Togo, diplomats said.",
                   "en")["GHA-TGO"] > 3
    assert _scores("The arrest dealt a blow to ties between Ghana and Togo.", "en")["GHA-TGO"] > 3
    assert _scores("Le verdict est un coup dur pour les relations entre le Ghana et le Togo.")["GHA-TGO"] > 3


def test_a_setback_for_a_party_is_no_relation():
    assert _scores("The vote was a setback for Ghana's ruling party, analysts said of the poll in Togo.",
                   "en") == {}


# --- 4. a ceremony held jointly, a territory handed back (invented) ---------------------------------------------


def test_a_joint_ceremony_and_a_handback_are_cooperation():
    assert _scores("Ghana and Togo opened their new customs post at a joint ceremony on Monday.",
                   "en")["GHA-TGO"] < -2
    assert _scores("Le Togo a officiellement rétrocédé lundi trois villages frontaliers au Ghana.")["GHA-TGO"] < -3


# --- 5. a fronted background phrase ends at its comma before a capitalised name (invented) -------------------


def test_a_fronted_phrase_ends_before_the_subject_the_parser_tags_as_a_noun():
    # the small French model tags "Athènes" as a common noun
    text = "Après une série d'incidents aériens le mois dernier, Athènes et Ankara ont convenu mardi de reprendre leurs consultations militaires."
    assert _scores(text)["GRC-TUR"] < 0
    text = ("Après une série d'accrochages navals le mois dernier, Lomé et Accra ont convenu mercredi de "
            "rétablir leur ligne téléphonique militaire, a indiqué le ministère togolais.")
    assert _scores(text)["GHA-TGO"] < 0


def test_the_fronted_phrase_alone_keeps_its_weight():
    text = "Après une série d'accrochages navals entre le Togo et le Ghana, les pêcheurs sont restés au port."
    assert _scores(text)["GHA-TGO"] > 0


def test_an_inverted_reporting_clause_is_no_background_of_the_act():
    text = ("Après deux années de relations gelées par leur différend, le Togo et le Bénin ont relancé jeudi "
            "une commission mixte sur la pêche, a annoncé la présidence béninoise.")
    assert _scores(text)["BEN-TGO"] < 0


# --- 6. a fronted "alors que" / "bien que" clause ends at its comma, whatever the parse (invented) -----------


def test_a_fronted_while_clause_is_the_background_of_the_main_act():
    text = ("Alors que Lomé et Niamey s'accusent d'incursions presque chaque semaine, le Bénin et le Togo ont "
            "signé mardi à Cotonou un accord sur la surveillance de leur frontière, a annoncé le ministère.")
    scores = _scores(text)
    assert scores["BEN-TGO"] < 0
    assert scores["NER-TGO"] > 4  # the fronted clause's own pair keeps its act, not governed by the signing
    text = ("Bien que leur frontière reste fermée depuis des années, le Maroc et l'Algérie ont signé jeudi un "
            "accord sur le gaz.")
    assert _scores(text)["DZA-MAR"] < -3


def test_a_while_clause_after_the_act_stays_its_background():
    text = ("Le Bénin et le Togo ont signé mardi un accord sur leur frontière, alors que des tensions "
            "persistent avec des groupes armés.")
    assert _scores(text)["BEN-TGO"] < 0


# --- 7. leaving or being expelled from a shared body; its cooperation noun is what ends (invented) -----------


def test_leaving_a_joint_force_or_being_expelled_is_tension():
    assert _scores("Chad withdrew from the joint military force with Niger on Friday.", "en")["NER-TCD"] > 3
    assert _scores("Chad suspended its participation in a joint border patrol force with Niger on Friday.",
                   "en")["NER-TCD"] > 3
    assert _scores("Serbia pulled out of the joint military exercise with Belarus on Friday.", "en")["BLR-SRB"] > 3
    assert _scores("Saudi Arabia expelled Qatar from the military coalition on Monday.", "en")["QAT-SAU"] > 3
    assert _scores("Le Tchad s'est retiré vendredi de la force conjointe avec le Niger.")["NER-TCD"] > 3
    assert _scores("L'Arabie saoudite a exclu lundi le Qatar de la coalition militaire.")["QAT-SAU"] > 3


def test_troops_withdrawn_or_a_force_set_up_are_unchanged():
    assert _scores("Chad withdrew its forces from the border with Niger on Friday.", "en")["NER-TCD"] < 0
    assert _scores("Chad and Niger set up a joint border patrol force on Friday.", "en")["NER-TCD"] < 0
    assert _scores("Le Tchad a retiré vendredi ses forces de la frontière avec le Niger.")["NER-TCD"] < 0


# --- 8. arms sent or sold, named by system or with "avion de combat" (invented) -------------------------------


def test_named_systems_and_fighter_sales_are_transfers():
    assert _scores("The Pentagon said on Monday it would send two more Patriot batteries to Romania.",
                   "en")["ROU-USA"] < -3
    assert _scores("Le Kremlin a annoncé la vente de vingt avions de combat Su-35 à l'Algérie.")["DZA-RUS"] < -3
    assert _scores("La France a livré mardi six avions de combat Rafale à la Grèce.")["FRA-GRC"] < -3


def test_patriots_and_fighters_in_action_are_no_transfer():
    assert _scores("The patriots sent a letter to the French embassy in Kenya.", "en")["FRA-KEN"] > -3
    assert _scores("Des avions de combat russes ont survolé la Syrie et la Turquie a protesté.")["RUS-TUR"] > 0
