"""The cue lexicon covers each category of act (CAMEO roots) as news writes it, in both languages:
firing at posts, aircraft downed, vessels rammed, waters entered, troops pulled back, regret of
another's act, injunctions, ties established or upgraded, trade frozen, claims on a region, arms
sales, embraces (every sentence here is invented, written the way wire copy reports relations; none
is copied from real reporting).

Each category has sentences it must read with the category's sign and counter-examples where the
same words have another sense and must stay no cue of that category.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article


def _reading(text: str, lang: str):
    article = Article(text=text, language=lang, published=date(2024, 3, 6), published_source="header")
    return score_article(article).readings[-1]


def _score(text: str, lang: str, pair: str) -> float:
    return sum(o.score for o in _reading(text, lang).observations if o.pair_code == pair)


def _patterns(text: str, lang: str) -> set[str]:
    return {c.pattern for c in _reading(text, lang).cues}


@pytest.mark.parametrize(("text", "lang", "pair"), [
    # 19 fight: firing at posts, aircraft shot down said with the aircraft first (invented).
    ("L'armée pakistanaise a tiré sur des postes indiens dans la nuit de lundi.", "fr", "IND-PAK"),
    ("Pakistani soldiers fired at Indian border posts overnight.", "en", "IND-PAK"),
    ("Un chasseur turc a été abattu par la défense antiaérienne syrienne.", "fr", "SYR-TUR"),
    ("A Turkish jet was downed by Syrian air defences near the border.", "en", "SYR-TUR"),
    # 17 coerce at sea: ramming, harassing (invented).
    ("Des navires chinois ont percuté des bateaux de pêche vietnamiens près des îles.", "fr", "CHN-VNM"),
    ("Un garde-côte chinois a éperonné un chalutier vietnamien.", "fr", "CHN-VNM"),
    ("Chinese coast guard ships harassed Vietnamese fishing boats near the reef.", "en", "CHN-VNM"),
    ("Selon Hanoï, des chalutiers chinois ont été violents envers des navires vietnamiens.", "fr", "CHN-VNM"),
    # 15 incursions into another's waters (invented).
    ("Des navires chinois ont pénétré dans les eaux territoriales japonaises.", "fr", "CHN-JPN"),
    # 111/12 disapproval of another's act (invented).
    ("L'Espagne regrette la décision de l'Algérie de suspendre le traité.", "fr", "DZA-ESP"),
    ("Spain said it regretted Algeria's decision to suspend the treaty.", "en", "DZA-ESP"),
    ("Paris s'est dit déçu par la décision d'Alger.", "fr", "DZA-FRA"),
    ("Ottawa said it was deeply concerned by the Saudi decision.", "en", "CAN-SAU"),
    ("France expressed dismay at Algeria's move.", "en", "DZA-FRA"),
    # 10 demand: an injunction, an obligation laid on the other side, a deadline ignored (invented).
    ("Hanoï a enjoint à Pékin de retirer sa plate-forme.", "fr", "CHN-VNM"),
    ("« Pyongyang doit respecter les résolutions », a déclaré le Premier ministre japonais.", "fr", "JPN-PRK"),
    ("Brazil said it would ignore the deadline set by Honduras.", "en", "BRA-HND"),
    # 163 trade frozen (invented).
    ("L'Algérie a gelé ses échanges commerciaux avec l'Espagne.", "fr", "DZA-ESP"),
    ("Algeria froze trade with Spain on Thursday.", "en", "DZA-ESP"),
    # 12 reject; 15 troops sent to the border (invented).
    ("Japan turned down China's proposal for joint patrols.", "en", "CHN-JPN"),
    ("Armenia and Azerbaijan sent more troops to their border on Friday.", "en", "ARM-AZE"),
    # 19 border guards clashing with each other; shelling said as pounding (invented).
    ("Des gardes-frontières kirghiz et tadjiks se sont affrontés près d'un poste de contrôle.", "fr", "KGZ-TJK"),
    ("Israeli artillery pounded villages in southern Lebanon overnight.", "en", "ISR-LBN"),
    # 15 force posture said as pressure (invented).
    ("Pékin a accru sa pression militaire sur Taïwan ces derniers mois.", "fr", "CHN-TWN"),
    # 12 claims on a region (invented).
    ("Venezuela claims the Essequibo region, which Guyana administers.", "en", "GUY-VEN"),
    # 19 positions targeted (the plural: military positions); a conduct called aggressive; armed forces
    # clashing with each other; 12 reluctance toward another's cause (invented).
    ("Russian drones targeted Ukrainian positions near the border.", "en", "RUS-UKR"),
    ("L'artillerie russe a ciblé des positions ukrainiennes.", "fr", "RUS-UKR"),
    ("Le Japon a dénoncé le comportement agressif de la Chine en mer.", "fr", "CHN-JPN"),
    ("Les forces indiennes et chinoises se sont affrontées dans la vallée.", "fr", "CHN-IND"),
    ("Germany remains reluctant to send tanks to Ukraine, Poland said.", "en", "DEU-UKR"),
])
def test_acts_of_tension_read_as_tension(text, lang, pair):
    assert _score(text, lang, pair) > 0


@pytest.mark.parametrize(("text", "lang", "pair"), [
    # 0874 retreat: troops pulled back, part of them (invented).
    ("Bangkok et Phnom Penh retireront une partie de leurs soldats de la zone du temple.", "fr", "KHM-THA"),
    ("La Chine et l'Inde ont replié leurs forces de la vallée.", "fr", "CHN-IND"),
    ("China and India pulled out their forces from the valley.", "en", "CHN-IND"),
    # 054/05 ties established or upgraded (invented).
    ("Pékin et Tegucigalpa ont officiellement établi dimanche leurs relations diplomatiques.", "fr", "CHN-HND"),
    ("L'établissement de relations diplomatiques entre le Honduras et la Chine a été célébré.", "fr", "CHN-HND"),
    ("Le Maroc et Israël ont rehaussé leurs relations au rang d'ambassade.", "fr", "ISR-MAR"),
    ("Morocco and Israel upgraded their ties to embassy level.", "en", "ISR-MAR"),
    # 07 rescuers sent after a disaster; 057 a border settled; 04 a first visit (invented).
    ("La Grèce a envoyé quarante secouristes en Turquie après le séisme.", "fr", "GRC-TUR"),
    ("Greece dispatched a rescue team to Turkey after the earthquake.", "en", "GRC-TUR"),
    ("Le Tadjikistan et le Kirghizstan ont achevé la délimitation de leur frontière commune.", "fr", "KGZ-TJK"),
    ("Tajikistan and Kyrgyzstan have completed the delimitation of their common border.", "en", "KGZ-TJK"),
    ("The Chilean president set foot in Bolivia on Monday, the first such visit in a decade.", "en", "BOL-CHL"),
    # 06 purchases of arms, the verb and its noun (invented).
    ("Canberra a confirmé l'achat de huit sous-marins américains.", "fr", "AUS-USA"),
    ("Australia will purchase eight submarines from the United States.", "en", "AUS-USA"),
    # 054 an ambassador back at the post (invented).
    ("L'ambassadeur du Mali en Algérie reprendra ses fonctions à Alger dès mardi.", "fr", "DZA-MLI"),
    ("Mali's ambassador to Algeria will resume his duties in Algiers on Tuesday.", "en", "DZA-MLI"),
    # 04 an embrace; 06 arms sales (invented).
    ("Après la signature, les chefs de la diplomatie grecque et macédonienne se sont donné une longue accolade.", "fr", "GRC-MKD"),
    ("Turkey sold Ukraine armed drones last year.", "en", "TUR-UKR"),
    # 04 an embrace of two people (invented).
    ("The Greek foreign minister hugged his Turkish counterpart after the signing.", "en", "GRC-TUR"),
])
def test_acts_of_cooperation_read_as_cooperation(text, lang, pair):
    assert _score(text, lang, pair) < 0


@pytest.mark.parametrize(("text", "lang", "absent"), [
    # An apology and a late president are no disapproval (invented).
    ("Le Japon regrette profondément les souffrances infligées à la Corée.", "fr", "regretter ~4 décision"),
    # A blaze at a plant is no firing at posts (invented).
    ("A fire at a Russian-owned plant in Ukraine killed two workers.", "en", "fire at ~3 post"),
    # An attack claimed by a group in the region is no territorial claim (invented).
    ("The attack on the Indian convoy was claimed by a group in the region, Pakistan said.", "en", "claim ~2 region"),
    # Troops sent to help, with no border named, are no force posture; a delimitation still
    # disputed is no settlement (invented).
    ("Kenya sent troops to help Somalia fight the insurgents.", "en", "send ~3 troop ~5 border"),
    ("La délimitation de la frontière entre le Tadjikistan et le Kirghizstan reste contestée.", "fr",
     "achever ~3 délimitation"),
    # Soldiers who must face the heat are no clash (invented).
    ("Les soldats français déployés au Mali doivent affronter une chaleur écrasante.", "fr",
     "soldat ~5 se ~2 affronter"),
    # The countries concerned are no concern (invented).
    ("France and Germany said the countries concerned would meet in Paris.", "en", "concern by"),
    # A visit that must end on a given day is a schedule, no demand; one's own decision regretted is
    # self-reproach, no disapproval of the other (invented).
    ("The visit of Japan's prime minister to China must end on Friday, officials said.", "en", "must ~2 end"),
    ("France said it regretted its own decision to leave the talks with Germany.", "en", "regret ~4 decision"),
    ("La France a dit regretter sa propre décision de quitter les négociations avec l'Allemagne.", "fr",
     "regretter ~4 décision"),
])
def test_other_senses_are_no_cue_of_the_category(text, lang, absent):
    assert absent not in _patterns(text, lang)


@pytest.mark.parametrize(("text", "lang", "pair"), [
    # Orders of shells are procurement, not shelling (invented).
    ("La Norvège et la Suède vont grouper leurs commandes d'obus, selon un communiqué conjoint des deux pays.",
     "fr", "NOR-SWE"),
])
def test_procurement_of_shells_is_no_shelling(text, lang, pair):
    assert _score(text, lang, pair) <= 0


def test_since_the_establishment_of_ties_is_a_date_reference():
    # "the worst crisis since the establishment of ties": the crisis is the act (invented).
    text = "Les relations entre Pékin et Canberra traversent leur pire crise depuis l'établissement de leurs liens diplomatiques."
    assert _score(text, "fr", "AUS-CHN") > 0
    assert "établir ~4 relation diplomatique" not in _patterns(text, "fr")


@pytest.mark.parametrize(("text", "lang", "pair"), [
    # The same words in another sense score nothing on the pair (every sentence invented): weather
    # pounding a country; hugging a line; a claimed win; a claim by a group;
    # a court's injunction on a company; a game called aggressive; police clashing
    # with supporters; plane tickets; a game's result; reluctance about one's own spending; one's own
    # decision regretted.
    ("Heavy storms pounded Cuba and Haiti on Tuesday, cutting power to thousands.", "en", "CUB-HTI"),
    ("Japan hugged the line on rates while China and Korea cut theirs.", "en", "CHN-JPN"),
    ("Egypt claimed victory in the region's football tournament against Morocco.", "en", "EGY-MAR"),
    ("L'État islamique a revendiqué la région frontalière entre l'Irak et la Syrie.", "fr", "IRQ-SYR"),
    ("The Islamic State claimed the border region between Iraq and Syria.", "en", "IRQ-SYR"),
    ("Un tribunal américain a émis une injonction contre une entreprise chinoise.", "fr", "CHN-USA"),
    ("La France a livré un match agressif contre l'Italie samedi.", "fr", "FRA-ITA"),
    ("Les forces de l'ordre turques et grecques se sont affrontées avec des supporters lors du match.", "fr", "GRC-TUR"),
    ("Air France va vendre des billets d'avion vers la Chine et le Japon.", "fr", "CHN-JPN"),
    ("Brazil fans were disappointed by the draw against Argentina on Saturday.", "en", "ARG-BRA"),
    ("Le Maroc, déçu par sa défaite contre l'Espagne, quitte la compétition.", "fr", "ESP-MAR"),
    ("Germany remains reluctant to raise spending, unlike France.", "en", "DEU-FRA"),
])
def test_other_senses_score_nothing(text, lang, pair):
    assert pair not in {o.pair_code for o in _reading(text, lang).observations}


@pytest.mark.parametrize(("text", "lang"), [
    # A position as a standing (singular) is no military position targeted (invented); the talks and
    # sanctions beside it still read.
    ("India targets a stronger position in its trade talks with Pakistan.", "en"),
    ("Les sanctions américaines ciblent la position dominante de la Chine sur le marché des puces.", "fr"),
])
def test_a_position_as_a_standing_is_no_target(text, lang):
    assert not [c for c in _reading(text, lang).cues if c.category == "military force"]
