"""Countries a mention names that are no side of the act, whatever the clause says: a private
person's nationality, a dateline, a ship's flag or owners, a currency, a person's first name.

Note: every sentence below is an invented example, not real reporting. Each rule has a
counter-example where the same word names a side and must stay one.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.scorer.mentions import find_mentions

DAY = date(2024, 3, 1)


@pytest.mark.parametrize(
    "text, lang, word, role",
    [
        # A private person's nationality is no side (invented examples).
        ("A Pakistani national was arrested in India on Monday, police said.", "en", "Pakistani", "topic"),
        ("The Colombian journalist said Milei had criticised Chile.", "en", "Colombian", "topic"),
        ("Israeli and Jordanian farmers say the drought cut their yields.", "en", "Israeli", "topic"),
        ("Israeli and Jordanian farmers say the drought cut their yields.", "en", "Jordanian", "topic"),
        ("Un alpiniste français a été tué mercredi au Népal.", "fr", "français", "topic"),
        ("Un ressortissant libanais a été extradé mardi par le Paraguay vers les États-Unis.", "fr", "libanais", "topic"),
        ("Le Chili a évoqué l'afflux de migrants vénézuéliens avec l'Argentine.", "fr", "vénézuéliens", "topic"),
        ("The tanker, with Greek owners, was sailing to Turkey.", "en", "Greek", "topic"),
        ("Le navire appartient à des armateurs grecs.", "fr", "grecs", "topic"),
        # Counter-examples: state agents are the state; a measure on a nation's people as a whole
        # is aimed at its state; "national" before a noun qualifies an office.
        ("Pakistani troops fired on Indian positions on Tuesday.", "en", "Pakistani", "actor"),
        ("Pakistan's national security adviser met Indian officials.", "en", "Indian", "actor"),
        ("A Pakistani national security adviser met Indian officials.", "en", "Pakistani", "actor"),
        ("The Dominican Republic deported more than 2,300 Haitian migrants on Tuesday.", "en", "Haitian", "actor"),
        ("Le Pakistan a expulsé la semaine dernière plus de 20 000 ressortissants afghans.", "fr", "afghans", "actor"),
        ("Londres a allégé les visas imposés l'an dernier aux ressortissants ghanéens.", "fr", "ghanéens", "actor"),
        ("Le guide suprême iranien a dénoncé les sanctions américaines.", "fr", "iranien", "actor"),
        ("Des soldats ougandais ont franchi la frontière kényane.", "fr", "ougandais", "actor"),
        # A release or swap of a nation's detained people is a gesture to that state (invented).
        ("Iran released two British nationals on Monday after talks with London.", "en", "British", "actor"),
        ("Le Venezuela a relâché mardi trois ressortissants colombiens.", "fr", "colombiens", "actor"),
    ],
)
def test_private_persons_nationality_is_no_side(mention_roles, text, lang, word, role):
    assert mention_roles(text, lang)[word] == role


@pytest.mark.parametrize(
    "text, lang, word, role",
    [
        # Datelines in the shapes wire copy uses are where the report was filed (invented examples).
        ("Singapore: China has dropped its tariffs on Australian barley.", "en", "Singapore", "place"),
        ("BEIJING: The leaders of China and New Zealand met on Friday.", "en", "BEIJING", "place"),
        ("Nairobi: Uganda and South Sudan agreed to reopen the border.", "en", "Nairobi", "place"),
        ("Tokyo, March 22 (IANS) South Korea's foreign minister met his Japanese counterpart.", "en", "Tokyo", "place"),
        ("La Havane, 21 déc. (RHC)- Cuba a condamné les sanctions contre le Venezuela.", "fr", "La Havane", "place"),
        ("NEW DELHI -- India accused Pakistan of shelling border posts.", "en", "NEW DELHI", "place"),
        # Counter-examples: a country opening a headline before a colon, a colon later in the sentence.
        ("Japan: Tokyo protests to China over the drills.", "en", "Japan", "actor"),
        ("Mali : la junte expulse l'ambassadeur de France.", "fr", "Mali", "actor"),
        ("Moscow told Kyiv: the talks are over.", "en", "Moscow", "actor"),
        ("Serbia-Kosovo: EU-brokered talks stall", "en", "Serbia", "actor"),
        ("Algérie-Maroc : la frontière reste fermée", "fr", "Maroc", "actor"),
        ("In a tit-for-tat move, Pakistan on Thursday (May 22) expelled an Indian diplomat.", "en", "Pakistan", "actor"),
    ],
)
def test_datelines_are_places(mention_roles, text, lang, word, role):
    assert mention_roles(text, lang)[word] == role


@pytest.mark.parametrize(
    "text, lang, word, role",
    [
        # A currency sign, a first name, a strait, an official name (invented examples).
        ("Brazil's envoy handed US$200,000 in relief supplies to Chinese officials.", "en", "US", "topic"),
        ("Chad Mitchell, a spokesman for the ministry, said exports to Japan rose.", "en", "Chad", None),
        ("Taïwan, qui revendique le nom de République de Chine, est reconnu par 15 États.", "fr", "Chine", None),
        ("China sent two warships through the Taiwan Strait on Sunday, Japan said.", "en", "Taiwan", None),
        ("Pékin a dénoncé le passage d'un destroyer américain dans le détroit de Taïwan.", "fr", "Taïwan", None),
        # Counter-examples: the country itself, a sum after its donor, the mainland's full name.
        ("The US pledged $200 million to Ukraine on Monday.", "en", "US", "actor"),
        ("Chad President Mahamat Deby met Sudanese officials.", "en", "Chad", "actor"),
        ("Chad Sunday rejected Sudan's claims.", "en", "Chad", "actor"),
        ("La République populaire de Chine a protesté auprès du Japon.", "fr", "République populaire de Chine", "actor"),
        ("China warned Taiwan against any move toward independence.", "en", "Taiwan", "actor"),
    ],
)
def test_names_that_are_no_country(mention_roles, text, lang, word, role):
    assert mention_roles(text, lang).get(word) == role


def _mentions(nlp_fr, nlp_en, text: str, lang: str) -> list[tuple[str, str, str]]:
    doc = (nlp_fr if lang == "fr" else nlp_en)(text)
    return [(m.text, m.country, m.role) for m in find_mentions(doc[:], lang, DAY)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A body named by the common noun "réunion" is no country (invented examples).
        ("La Réunion des ministres de la Santé de l'océan Indien a condamné la France.",
         [("La Réunion", "REU", "topic"), ("France", "FRA", "actor")]),
        ("Créée en 2012, la Réunion des chefs d'état-major s'est tenue à Paris.", [("la Réunion", "REU", "topic")]),
        # Counter-examples: the island (invented).
        ("La Réunion a reçu des renforts de la France après le cyclone.",
         [("La Réunion", "REU", "actor"), ("France", "FRA", "actor")]),
        ("Le cyclone a frappé la Réunion des deux côtés de l'île.", [("la Réunion", "REU", "actor")]),
    ],
)
def test_a_body_named_by_a_common_noun_is_no_country(nlp_fr, nlp_en, text, expected):
    found = _mentions(nlp_fr, nlp_en, text, "fr")
    assert [(t, c, r) for t, c, r in found if c in {x[1] for x in expected}] == expected


@pytest.mark.parametrize(
    "text, lang, name, country",
    [
        # A nationality apposed before a name decides the person over a leader's surname (invented).
        ("Le ministre grec a rencontré son homologue chypriote Ali Mahmoud Abbas jeudi.", "fr", "Mahmoud Abbas", "CYP"),
        ("Greek Defence Minister Nikos Dendias met Cypriot Defence Minister Ali Mahmoud Abbas on Thursday.", "en",
         "Mahmoud Abbas", "CYP"),
        # Counter-examples: the leader himself, named with his own nationality or none (invented).
        ("Le président palestinien Mahmoud Abbas a rencontré le roi de Jordanie.", "fr", "Mahmoud Abbas", "PSE"),
        ("Mahmoud Abbas a rencontré mardi le ministre jordanien.", "fr", "Mahmoud Abbas", "PSE"),
    ],
)
def test_an_apposed_nationality_decides_who_a_person_is(nlp_fr, nlp_en, text, lang, name, country):
    found = _mentions(nlp_fr, nlp_en, text, lang)
    assert [c for t, c, _ in found if t == name] == [country]


@pytest.mark.parametrize(
    "text, lang, word, role",
    [
        # A country named in a witness phrase attends, no side (invented examples).
        ("Le Liban et Chypre ont signé lundi, en présence de l'envoyé spécial français, un accord maritime.", "fr",
         "français", "witness"),
        ("Le Niger exige que les chargements se fassent en présence de responsables béninois, nigériens et chinois.",
         "fr", "chinois", "witness"),
        ("Kenya and Somalia signed the deal in the presence of Turkish officials.", "en", "Turkish", "witness"),
        # A list of demonyms after the phrase (invented).
        ("Ils ont signé l'accord en présence des ministres français, allemand et italien.", "fr", "allemand",
         "witness"),
        # Counter-examples: the comma closes the witness phrase; the clause after it has its own sides (invented).
        ("In the presence of Chinese officials, Iran and Saudi Arabia signed an agreement to restore relations.",
         "en", "Iran", "actor"),
        ("En présence de diplomates chinois, l'Iran et l'Arabie saoudite ont signé un accord.", "fr", "Iran",
         "actor"),
        # Counter-example: a presence that is the act's object (invented).
        ("Le Mali a dénoncé la présence de soldats français sur son sol.", "fr", "français", "actor"),
        # A broker of an agreement (invented).
        ("La trêve, un accord impulsé par le président américain, a été rompue.", "fr", "américain", "mediator"),
    ],
)
def test_witnesses_and_brokers_are_no_side(mention_roles, text, lang, word, role):
    assert mention_roles(text, lang)[word] == role


@pytest.mark.parametrize(
    "text, lang, place, role",
    [
        # The host of a visit where the visitor meets a third country's counterpart is the venue (invented).
        ("Le ministre grec s'est rendu à Ankara jeudi pour une visite au cours de laquelle il a rencontré son "
         "homologue chypriote.", "fr", "Ankara", "place"),
        ("The Greek minister travelled to Ankara on Thursday, where he met his Cypriot counterpart.", "en",
         "Ankara", "place"),
        # Counter-example: meeting the host's own counterpart keeps the host a party (invented).
        ("Le ministre grec s'est rendu à Ankara jeudi, où il a rencontré son homologue turc.", "fr", "Ankara", "actor"),
        # Counter-examples: the first counterpart decides; a later clause's counterpart is another act (invented).
        ("Le ministre grec s'est rendu à Ankara, où il a rencontré son homologue turc Hakan Fidan, avant un appel "
         "avec son homologue chypriote.", "fr", "Ankara", "actor"),
        ("Le ministre grec s'est rendu à Ankara, où il a rencontré le président turc, avant un appel avec son "
         "homologue chypriote.", "fr", "Ankara", "actor"),
        ("The Greek minister travelled to Ankara, where he met Turkey's president, before a call with his Cypriot "
         "counterpart.", "en", "Ankara", "actor"),
    ],
)
def test_a_visit_to_meet_a_third_country_leaves_the_host_a_venue(mention_roles, text, lang, place, role):
    assert mention_roles(text, lang)[place] == role


@pytest.mark.parametrize(
    "text, lang, word, role",
    [
        # The second of two posts after an envoy's title hosts an envoy too, a party (invented examples).
        ("La Colombie a rappelé ses ambassadeurs au Pérou et en Bolivie.", "fr", "Bolivie", "actor"),
        ("Colombia recalled its ambassadors to Peru and to Bolivia.", "en", "Bolivia", "actor"),
        # Counter-example: a place after another clause's "et en" stays a place (invented).
        ("La Colombie a rappelé son ambassadeur au Pérou et une tempête a frappé des villages en Bolivie.", "fr",
         "Bolivie", "place"),
    ],
)
def test_the_hosts_of_coordinated_posts_are_parties(mention_roles, text, lang, word, role):
    assert mention_roles(text, lang)[word] == role


@pytest.mark.parametrize(
    "text, lang, word, role",
    [
        # A neighbourhood named after a people is a place (invented examples).
        ("Des émeutes ont éclaté dans le quartier chinois de la capitale malgache.", "fr", "chinois", "place"),
        ("Riots broke out in the Chinese neighbourhood of the capital on Monday.", "en", "Chinese", "place"),
        # Counter-example: the people themselves (invented).
        ("Le gouvernement malgache a convoqué l'ambassadeur chinois mardi.", "fr", "chinois", "actor"),
    ],
)
def test_a_neighbourhood_named_after_a_people_is_a_place(mention_roles, text, lang, word, role):
    assert mention_roles(text, lang)[word] == role


@pytest.mark.parametrize(
    "text, lang, word, role",
    [
        # A seat of power before the event it hosts is its venue (invented examples).
        ("Kenya and Somalia will sign the border pact at a White House signing ceremony next month.", "en",
         "White House", "place"),
        ("It was the first Kremlin state dinner for a Mongolian leader since the treaty with Kazakhstan.", "en",
         "Kremlin", "place"),
        # Counter-examples: the seat of power speaking or acting stays a side (invented).
        ("The White House condemned the signing ceremony Nicaragua held with Belarus.", "en", "White House", "actor"),
        ("The Kremlin said the ceremony with Kazakhstan was postponed.", "en", "Kremlin", "actor"),
    ],
)
def test_a_seat_of_power_before_the_event_it_hosts_is_its_venue(mention_roles, text, lang, word, role):
    assert mention_roles(text, lang)[word] == role
