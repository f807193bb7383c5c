"""A sentence naming only one side takes its counterpart from the sentence before (tenth session,
data/carried.tsv): a verb-phrase ellipsis ("ont fait de même", "followed suit") repeats the previous act
with its counterpart, and a reaction ("dénonce", "hit back", "inacceptable") answers the act of the one
country the previous sentence leaves as its author. The sentence's own countries are then one side.

Every sentence here is invented, written the way wire copy reports relations; none is copied from real
reporting. Each rule has an example it must read and a counter-example it must leave alone.
"""

from __future__ import annotations

from datetime import date

from tracker.records import Article
from tracker.scorer.pipeline import score_article

DAY = date(2024, 3, 6)


def _last(text: str, language: str = "fr"):
    scored = score_article(Article(text=text, language=language, published=DAY, published_source="header"))
    return scored.readings[-1]


def _pairs(text: str, language: str = "fr") -> set[str]:
    return {"-".join(p) for p in _last(text, language).pairs}


# --- ellipsis: the new subjects repeat the previous act, with its counterpart (invented) -------------


def test_ellipsis_takes_the_previous_act_and_its_counterpart():
    text = ("Le Chili et le Pérou ont rappelé lundi leurs ambassadeurs au Venezuela. "
            "L'Équateur et la Bolivie ont fait de même mardi.")
    last = _last(text)
    assert {"-".join(p) for p in last.pairs} == {"BOL-VEN", "ECU-VEN"}  # not BOL-ECU: one side
    assert all(o.score > 0 for o in last.observations)  # the recall, carried: a hostile act
    text = ("Japan and South Korea expelled Russian diplomats on Monday. "
            "Australia followed suit on Tuesday.")
    assert _pairs(text, "en") == {"AUS-RUS"}


def test_ellipsis_without_a_previous_act_carries_nothing():
    # the sentence before names no counterpart besides its subjects: nothing to carry
    text = ("Le Chili a annoncé lundi un plan de relance. "
            "L'Équateur et la Bolivie ont fait de même mardi.")
    assert _pairs(text) == {"BOL-ECU"}
    assert _pairs("The weather was mild on Monday. Kenya did the same.", "en") == set()


# --- reaction: the author of the act just reported (invented) ---------------------------------------


def test_reaction_answers_the_one_other_country_of_the_previous_sentence():
    text = ("Selon Manille, un navire chinois a heurté dimanche un patrouilleur. "
            "Manille dénonce une « provocation dangereuse ».")
    assert _pairs(text) == {"CHN-PHL"}
    text = ("Australia on Monday imposed tariffs on wine from New Zealand. "
            "Wellington quickly hit back, calling the measures unfair.")
    assert _pairs(text, "en") == {"AUS-NZL"}


def test_reaction_after_a_reaction_takes_the_same_counterpart():
    # the Canadians and the Americans condemn; the others, who react too, are on their side
    text = ("Le Canada et les États-Unis condamnent les agissements de Pékin. "
            "Le Royaume-Uni et l'Australie ont jugé l'incident « inacceptable ».")
    assert _pairs(text) == {"AUS-CHN", "CHN-GBR"}


def test_reaction_after_two_possible_authors_carries_nothing():
    # the previous sentence names two countries besides the reacting one, neither its subject alone
    text = ("Le Brésil et l'Argentine ont signé lundi un accord commercial. "
            "Le Chili a dénoncé mardi une décision « inacceptable ».")
    assert _pairs(text) == set()


def test_reaction_naming_its_own_counterpart_carries_nothing():
    # "les propos de Tokyo": the sentence names what it answers, the previous sentence is not read
    text = ("Selon Séoul, un missile nord-coréen a survolé la mer du Japon. "
            "Séoul dénonce les propos de Tokyo.")
    assert _pairs(text) == {"JPN-KOR"}


# --- "the three countries": the group the sentence before names (invented) ---------------------------


def test_numbered_group_is_the_coordination_of_that_many_before():
    # beside a country of its own sentence, the group is one side facing it
    text = ("Le Kenya a envoyé lundi des vivres au Burundi, au Rwanda et à l'Ouganda. "
            "Les ambassadeurs des trois pays ont remercié le ministre kényan.")
    assert _pairs(text) == {"BDI-KEN", "KEN-RWA", "KEN-UGA"}
    # alone, its members are each other's counterparts
    text = ("Egypt, Jordan and Iraq held a summit in Baghdad on Sunday. "
            "The three countries signed a joint statement on trade.")
    assert _pairs(text, "en") == {"EGY-IRQ", "EGY-JOR", "IRQ-JOR"}


def test_numbered_group_without_such_a_group_before_is_nothing():
    # the sentence before names four countries and no list of three: no guess
    text = ("L'Inde, le Japon, l'Australie et les États-Unis ont tenu lundi un sommet. "
            "Les trois pays ont signé un accord.")
    assert _pairs(text) == set()
    # the sentence before names two only
    assert _pairs("Peru and Chile held talks on Monday. The three countries agreed on a road.", "en") == set()


def test_reactors_of_parallel_clauses_are_one_side():
    # "alors que Tokyo ...": Tokyo opens its own clause and reacts too, whatever the parse (invented)
    text = ("Selon Manille, un navire chinois a heurté dimanche un patrouilleur. "
            "Manille dénonce une « provocation » alors que Tokyo parle d'un acte « inacceptable ».")
    assert _pairs(text) == {"CHN-PHL", "CHN-JPN"}


def test_reaction_after_a_one_country_report_carries_nothing():
    # the sentence before names only the country that reported the launch, not its author (invented)
    text = ("L'armée sud-coréenne a déclaré avoir détecté lundi des missiles tirés vers la mer. "
            "« C'est absolument inacceptable », a déclaré le ministre japonais de la Défense.")
    assert _pairs(text) == set()


# --- a marker that the sentence goes on with the previous sentence's relation (invented) --------------
# "pour sa part", "in response" (carried.tsv continuation), a subject pronoun or "his country" (pronoun),
# an agentless passive on the one country named: its counterpart is the one other acting country of the
# sentence before, which may name that country alone.


def test_continuation_marker_faces_the_previous_other_country():
    text = ("La Turquie réclame depuis des mois l'extradition de deux opposants réfugiés à Stockholm. "
            "Pour sa part, la Suède oppose une fin de non-recevoir aux autorités d'Ankara.")
    assert _pairs(text) == {"SWE-TUR"}
    text = ("Lithuania closed two of its border crossings on Friday. "
            "In response, the Belarusian government recalled its envoy for consultations.")
    assert _pairs(text, "en") == {"BLR-LTU"}


def test_continuation_marker_after_two_other_countries_carries_nothing():
    text = ("Le Brésil et l'Argentine ont conclu lundi un accord sur le blé. "
            "De son côté, le Chili a annoncé une hausse de ses exportations.")
    assert _pairs(text) == set()
    # the sentence before names the sentence's own country only: nothing to carry
    text = "Norway raised its fishing quotas on Monday. For its part, Norway also cut fuel taxes."
    assert _pairs(text, "en") == set()


def test_subject_pronoun_stands_for_the_previous_other_party():
    text = ("La ministre kényane a reçu mardi l'ambassadeur somalien à Nairobi. "
            "Elle a accusé la Somalie d'ingérence dans la région frontalière.")
    assert _pairs(text) == {"KEN-SOM"}
    text = ("The Estonian prime minister met Latvia's defence minister in Tallinn on Monday. "
            "He praised Latvia for doubling its purchases of air defence systems.")
    assert _pairs(text, "en") == {"EST-LVA"}


def test_one_country_without_a_marker_carries_nothing():
    # no marker, no trigger: the sentence may well report another matter; the previous country stays there
    text = ("La Thaïlande a fermé lundi plusieurs postes-frontières. "
            "Le Laos a annoncé mardi un nouveau plan pour ses écoles rurales.")
    assert _pairs(text) == set()
    text = ("Thailand shut several border posts on Monday. "
            "Laos announced a new plan for its rural schools on Tuesday.")
    assert _pairs(text, "en") == set()
    # "elle" after a preposition is no subject
    text = ("La Thaïlande a fermé lundi plusieurs postes-frontières. "
            "Le Laos a annoncé mardi un plan avec elle pour ses écoles rurales.")
    assert _pairs(text) == set()


def test_agentless_passive_faces_the_previous_other_country():
    text = ("Ottawa accused Beijing of running secret police stations on Tuesday. "
            "A Chinese consul was ordered to leave the country within five days.")
    assert _pairs(text, "en") == {"CAN-CHN"}


def test_passive_with_its_agent_or_without_an_act_carries_nothing():
    # the one who acted is named (a guard): not the previous sentence's other country
    text = ("Ottawa accused Beijing of running secret police stations on Tuesday. "
            "A Chinese consul was ordered by a judge to leave the country.")
    assert _pairs(text, "en") == set()
    # no act at all: a marker alone carries nothing
    text = ("Ottawa accused Beijing of running secret police stations on Tuesday. "
            "A Chinese consul was seen at the airport two days later.")
    assert _pairs(text, "en") == set()


def test_reaction_after_the_one_owner_of_the_act_before():
    # the sentence before names one country, as the owner of an act it is no subject of: its author
    text = ("The new dam on the river was built by an Ethiopian state company. "
            "Egypt condemned the project as a threat to its water supply.")
    assert _pairs(text, "en") == {"EGY-ETH"}
    # its one country as a verb's subject may be the act's author or its mere reporter: nothing
    text = ("Ethiopia finished building the new dam on the river in July. "
            "Egypt condemned the project as a threat to its water supply.")
    assert _pairs(text, "en") == set()


def test_a_pronoun_stands_for_the_previous_sentences_subject_only():
    # invented: "He" is the UN chief, who is no country; Japan, named as the one he met, is no counterpart
    text = ("The UN secretary-general met Japan's prime minister on Monday. "
            "He then criticised China.")
    assert _pairs(text, "en") == set()
    # invented counter-example: the previous sentence's subject country is the pronoun's
    text = ("Lithuania closed two border crossings on Monday. "
            "He then criticised Belarus.")
    assert _pairs(text, "en") == {"BLR-LTU"}


def test_a_country_itself_in_the_passive_carries_nothing():
    # invented: "Poland was criticised" names no one who acted; the US of the sentence before is not it
    text = ("Poland signed a defence pact with the US. "
            "Poland was also criticised for its judicial reforms.")
    assert _pairs(text, "en") == set()
    text = ("Le Maroc a signé un accord avec l'Espagne. "
            "Le Maroc a par ailleurs été critiqué pour sa gestion du séisme.")
    assert _pairs(text) == set()


def test_the_latter_stands_for_the_party_named_last_subject_or_not():
    # invented: "ce dernier" is the Vietnam just named (no subject there); a bare "Il" would stand for the
    # sentence's subject, which names no country, and carries nothing
    text = ("Une frégate a été aperçue près des îles revendiquées par le Vietnam. "
            "Ce dernier a exigé le départ immédiat de la marine chinoise.")
    assert _pairs(text) == {"CHN-VNM"}
    text = ("Une frégate a été aperçue près des îles revendiquées par le Vietnam. "
            "Il a exigé le départ immédiat de la marine chinoise.")
    assert _pairs(text) == set()


# --- the one country acting as its main clause's subject (twelfth session; every sentence invented) ----------
# A sentence naming one country, the subject of its main verb (through its own noun), with an act of some weight
# and no object the act itself brings in, takes the one other acting country of the sentence before.


def test_acting_subject_answers_the_previous_other_country():
    text = ("Beijing asked Tokyo on Monday to free the trawler's captain. "
            "Japan's foreign ministry rejected the demand.")
    assert _pairs(text, "en") == {"CHN-JPN"}
    text = ("Pékin a exigé lundi que Tokyo libère le capitaine du chalutier. "
            "Le gouvernement japonais refuse.")
    assert _pairs(text) == {"CHN-JPN"}
    # the act in a clause sharing the subject ("after recalling the diplomat")
    text = ("Several states have withdrawn their envoys from Caracas this year. "
            "Peru became the latest on Friday after recalling the diplomat.")
    assert _pairs(text, "en") == {"PER-VEN"}


def test_acting_subject_with_an_object_of_its_own_carries_nothing():
    # invented counter-example: "a new plan" is brought in by the act itself (the existing Laos test reads the same)
    text = ("Beijing asked Tokyo on Monday to free the trawler's captain. "
            "Japan's foreign ministry presented a new budget for its embassies.")
    assert _pairs(text, "en") == set()


def test_a_domestic_body_takes_no_carried_counterpart():
    # invented: the country names its parliament acting, or its opposition acted on: the act stays at home,
    # whatever marker the sentence has
    text = ("Russia fired missiles at Kyiv overnight. "
            "In response, Ukraine's parliament criticised the president.")
    assert _pairs(text, "en") == set()
    text = ("La Russie a tiré des missiles sur Kiev dans la nuit. "
            "En réponse, le parlement ukrainien a critiqué le gouvernement.")
    assert _pairs(text) == set()
    text = "Russia fired missiles at Kyiv overnight. Ukraine's government then blamed the opposition."
    assert _pairs(text, "en") == set()
    # invented counter-example: the government, not its parliament, answers the demand
    text = ("Beijing asked Tokyo on Monday to free the trawler's captain. "
            "Japan's parliament rejected the demand.")
    assert _pairs(text, "en") == set()
    text = ("Beijing asked Tokyo on Monday to free the trawler's captain. "
            "Japan's government rejected the demand.")
    assert _pairs(text, "en") == {"CHN-JPN"}


def test_a_pronoun_with_a_reaction_word_stands_for_the_previous_subject_only():
    # invented: "Il" / "He" is the UN chief; the reaction word does not make the Ukrainian president the counterpart
    text = ("L'émissaire des Nations unies a reçu mardi le chef de la diplomatie ukrainienne. "
            "Il a ensuite condamné la Russie.")
    assert _pairs(text) == set()
    text = "The UN chief met the Ukrainian president on Monday. He then condemned Russia."
    assert _pairs(text, "en") == set()
    # invented counter-example: the Ukrainian president is the subject there
    text = ("Le président ukrainien a visité Kharkiv lundi. "
            "Il a ensuite condamné la Russie.")
    assert _pairs(text) == {"RUS-UKR"}


def test_a_french_reporting_clause_after_the_quote_names_the_subject():
    # invented: ", a annoncé le ministre norvégien": the minister is the subject, so "Il" is Norway
    text = ("« Nous suspendons toute coopération avec Minsk », a annoncé le ministre norvégien. "
            "Il a aussi fustigé la Biélorussie.")
    assert _pairs(text) == {"BLR-NOR"}


def test_a_domestic_body_anywhere_in_the_object_keeps_the_act_at_home():
    # invented: the minister answers a union about the police, not the country of the sentence before
    text = ("Germany asked Austria on Monday to cut its tariffs on steel. "
            "The Austrian interior minister rejected the union's criticism of the police.")
    assert _pairs(text, "en") == set()
    text = ("L'Allemagne a demandé lundi à l'Autriche de baisser ses droits de douane sur l'acier. "
            "Le ministre autrichien de l'Intérieur a rejeté les critiques du syndicat contre la police.")
    assert _pairs(text) == set()
    # invented counter-example: an object pointing back at the demand still answers it
    text = ("Germany asked Austria on Monday to cut its tariffs on steel. "
            "The Austrian minister rejected the request.")
    assert _pairs(text, "en") == {"AUT-DEU"}
