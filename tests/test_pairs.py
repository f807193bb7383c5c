"""The article's pair, anaphora ("les deux pays") and the pairs of each sentence.

Note: every sentence and article below is an invented example, not real reporting, unless marked as
taken from the seed article.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article, Mention
from tracker.scorer.mentions import find_mentions
from tracker.scorer.pairs import TITLE_WEIGHT, article_pair, find_anaphora, sentence_pairs
from tracker.scorer.pipeline import score_article

DAY = date(2024, 3, 1)


def m(country: str, start: int, role: str = "actor", kind: str = "name") -> Mention:
    return Mention(start, start + 3, country, country, kind, role, "")


# --- article_pair --------------------------------------------------------------------------------


def test_article_pair_counts_actor_mentions():
    sentences = [[m("RUS", 0), m("USA", 10)], [m("RUS", 20), m("SYR", 30, "topic"), m("SYR", 40, "topic")],
                 [m("USA", 50), m("SYR", 60, "place")]]
    assert article_pair(sentences) == ("RUS", "USA")


def test_article_pair_title_counts_extra():
    body = [[m("CHN", 0), m("CHN", 5), m("JPN", 10)], [m("KOR", 20)]]
    assert article_pair(body) == ("CHN", "JPN")
    # one title mention of KOR outweighs JPN's single body mention
    assert TITLE_WEIGHT > 1
    assert article_pair(body, [m("KOR", 0)]) == ("CHN", "KOR")


def test_article_pair_ties_go_to_first_seen():
    assert article_pair([[m("FRA", 0), m("DEU", 5), m("ITA", 10)]]) == ("DEU", "FRA")
    assert article_pair([[m("ITA", 0), m("DEU", 5), m("FRA", 10)]]) == ("DEU", "ITA")


def test_article_pair_needs_two_countries():
    assert article_pair([]) is None
    assert article_pair([[m("FRA", 0), m("FRA", 5)]]) is None
    # non-actors and former leaders do not vote
    assert article_pair([[m("FRA", 0), m("SYR", 5, "topic"), m("USA", 9, "former", "person"),
                          m("DEU", 14, "former", "person")]]) is None
    # a lone actor pairs with the one other country named, but not through a place, a topic, a witness
    # or a mediator (a third party by its role)
    assert article_pair([[m("FRA", 0), m("SYR", 5, "topic"), m("USA", 9, "former", "person")]]) == ("FRA", "USA")
    assert article_pair([[m("FRA", 0), m("USA", 9, "former", "person"), m("QAT", 14, "mediator")]]) == ("FRA", "USA")
    assert article_pair([[m("TCD", 0), m("QAT", 5, "mediator")]]) is None
    assert article_pair([[m("JPN", 0), m("AFG", 5, "place")]]) is None
    assert article_pair([[m("JPN", 0), m("AFG", 5, "topic"), m("CHN", 9, "witness")]]) is None
    # anaphora does not vote either
    assert article_pair([[m("FRA", 0), m("DEU", 0, kind="anaphora"), m("ITA", 0, kind="anaphora")]]) is None


# --- sentence_pairs ------------------------------------------------------------------------------


def test_sentence_pairs_deduplicated_in_order():
    mentions = [m("USA", 0), m("RUS", 5), m("USA", 9), m("CHN", 14), m("SYR", 20, "topic")]
    assert sentence_pairs(mentions) == [("RUS", "USA"), ("CHN", "USA"), ("CHN", "RUS")]


def test_sentence_pairs_only_actors():
    assert sentence_pairs([m("RUS", 0), m("SYR", 5, "topic"), m("CHE", 9, "place"), m("QAT", 12, "mediator")]) == []


def test_anaphora_gives_its_pair_and_nothing_else():
    ana = [Mention(30, 43, "les deux pays", "RUS", "anaphora", "actor"),
           Mention(30, 43, "les deux pays", "USA", "anaphora", "actor")]
    # one actor country plus an anaphora of a pair containing it: that pair, once
    assert sentence_pairs([m("USA", 0), *ana]) == [("RUS", "USA")]
    # a third country beside the anaphora does not pair with it
    assert sentence_pairs([m("SYR", 0), m("USA", 10), *ana]) == [("SYR", "USA"), ("RUS", "USA")]


# --- find_anaphora -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    ["les deux pays", "des deux puissances", "les deux capitales", "les deux parties", "les deux voisins",
     "des deux nations", "les deux alliés", "nos relations", "nos deux pays", "les relations bilatérales",
     "Les deux chefs de la diplomatie"],
)
def test_french_anaphora(nlp_fr, phrase):
    # invented example
    text = f"Le ton est monté entre {phrase} mardi."
    found = find_anaphora(nlp_fr(text)[:], "fr", ("RUS", "USA"), base=100)
    assert [a.country for a in found] == ["RUS", "USA"]
    assert all(a.kind == "anaphora" and a.role == "actor" for a in found)
    start = text.index(found[0].text)
    assert found[0].start == start + 100 and found[0].end == start + 100 + len(found[0].text)
    assert phrase.split()[-1] in found[0].text
    assert "RUS-USA" in found[0].detail


@pytest.mark.parametrize(
    "phrase",
    ["both countries", "the two sides", "the two powers", "both nations", "the two neighbours", "bilateral ties",
     "bilateral relations", "our two countries"],
)
def test_english_anaphora(nlp_en, phrase):
    # invented example
    text = f"Tension rose between {phrase} on Tuesday."
    found = find_anaphora(nlp_en(text)[:], "en", ("CHN", "IND"))
    assert [(a.text, a.country) for a in found] == [(phrase, "CHN"), (phrase, "IND")]


def test_no_anaphora_without_a_pair_or_phrase(nlp_fr):
    # invented examples
    assert find_anaphora(nlp_fr("Les deux pays ont signé.")[:], "fr", None) == []
    assert find_anaphora(nlp_fr("Deux pays sur trois ont signé.")[:], "fr", ("FRA", "DEU")) == []


def test_anaphora_left_out_when_the_sentence_names_another_pair(nlp_fr):
    # invented example: in an article about RUS-USA, this "les deux pays" means China and India
    sent = nlp_fr("Xi Jinping et Narendra Modi ont affirmé que les deux pays resteraient amis.")[:]
    own = find_mentions(sent, "fr", DAY)
    assert {x.country for x in own} == {"CHN", "IND"}
    assert find_anaphora(sent, "fr", ("RUS", "USA"), mentions=own) == []
    # one shared country is enough to keep it
    sent = nlp_fr("Le président américain a attaqué la Syrie, ravivant les tensions entre les deux puissances.")[:]
    own = find_mentions(sent, "fr", DAY)
    assert len(find_anaphora(sent, "fr", ("RUS", "USA"), mentions=own)) == 2


@pytest.mark.parametrize(("lang", "phrase"), [
    ("en", "the two countries'"), ("en", "both nations'"), ("en", "between their countries"),
    ("fr", "entre leurs pays"),
])
def test_possessive_and_between_their_countries_anaphora(nlp_fr, nlp_en, lang, phrase):
    # invented examples: "The two countries' ministers met", "talks on trade between their countries"
    nlp = nlp_fr if lang == "fr" else nlp_en
    text = f"Les ministres ont parlé du commerce {phrase} mardi." if lang == "fr" else \
        f"The ministers discussed trade {phrase} on Tuesday."
    found = find_anaphora(nlp(text)[:], lang, ("CHN", "IND"))
    assert [(a.text, a.country) for a in found] == [(phrase, "CHN"), (phrase, "IND")]


@pytest.mark.parametrize(("lang", "text", "main", "pairs"), [
    # invented examples: "son voisin", "its northern neighbour" is the country of the pair not named
    ("fr", "Le Maroc a dénoncé lundi une décision injustifiée de son voisin de l'Est.", ("DZA", "MAR"),
     [("DZA", "MAR")]),
    ("fr", "La Cour a ordonné au Nicaragua de verser une indemnité à son voisin.", ("CRI", "NIC"), [("CRI", "NIC")]),
    ("en", "Kampala said soldiers from its northern neighbour had abducted six farmers.", ("SSD", "UGA"),
     [("SSD", "UGA")]),
    ("en", "Beijing rejected the protest, urging its neighbour to stop making remarks.", ("CHN", "VNM"),
     [("CHN", "VNM")]),
    # counter-examples: a third country beside it may be the neighbour; a sentence naming neither
    # country of the pair cannot say whose neighbour; plural neighbours are no one country
    ("fr", "Moscou a livré des blindés à la Biélorussie, son voisin.", ("RUS", "UKR"), [("BLR", "RUS")]),
    ("en", "The island urged its neighbour to stop the drills.", ("CHN", "VNM"), []),
    ("en", "Kampala urged its neighbours to stop the drills.", ("SSD", "UGA"), []),
])
def test_neighbour_is_the_other_country_of_the_pair(nlp_fr, nlp_en, lang, text, main, pairs):
    nlp = nlp_fr if lang == "fr" else nlp_en
    sent = nlp(text)[:]
    own = find_mentions(sent, lang, DAY)
    assert sentence_pairs(own + find_anaphora(sent, lang, main, mentions=own)) == pairs


@pytest.mark.parametrize(("lang", "text", "main", "pairs"), [
    # invented examples: a demonstrative naming a mutual act is the article pair's act
    ("fr", "Ce traité a été signé sous l'égide de la Norvège après deux ans de pourparlers.", ("COL", "VEN"),
     [("COL", "VEN")]),
    ("en", "This truce was brokered by Qatar after months of talks.", ("SDN", "TCD"), [("SDN", "TCD")]),
    ("fr", "Cet accord a été salué par la Colombie.", ("COL", "VEN"), [("COL", "VEN")]),
    # counter-examples: a third actor country may have its own deal; no demonstrative, no act phrase
    ("fr", "Cet accord a été critiqué par la Russie.", ("COL", "VEN"), []),
    ("fr", "Un accord a été signé sous l'égide de la Norvège.", ("COL", "VEN"), []),
])
def test_a_demonstrative_mutual_act_is_the_pairs_act(nlp_fr, nlp_en, lang, text, main, pairs):
    nlp = nlp_fr if lang == "fr" else nlp_en
    sent = nlp(text)[:]
    own = find_mentions(sent, lang, DAY)
    assert sentence_pairs(own + find_anaphora(sent, lang, main, mentions=own)) == pairs


# --- stages together on invented articles --------------------------------------------------------


def read_article(nlp, lang: str, text: str, day: date, title: str = ""):
    doc = nlp(text)
    sents = list(doc.sents)
    by_sentence = [find_mentions(s, lang, day) for s in sents]
    title_mentions = find_mentions(nlp(title)[:], lang, day) if title else []
    main = article_pair(by_sentence, title_mentions)
    pairs = []
    for s, own in zip(sents, by_sentence, strict=True):
        pairs.append(sentence_pairs(own + find_anaphora(s, lang, main, mentions=own)))
    return main, pairs


def test_invented_french_article(nlp_fr):
    # Note: invented example, not real reporting
    title = "Pékin et Tokyo s'opposent sur les îles Senkaku"
    text = (
        "Le ministre chinois des Affaires étrangères a convoqué mardi l'ambassadeur du Japon au sujet du dossier "
        "taïwanais. "
        "Les deux pays se disputent depuis des années la souveraineté des îles, sous le regard de Washington. "
        "Le porte-parole a rappelé que la Chine avait protesté à Séoul la semaine dernière. "
        "Les relations bilatérales restent tendues."
    )
    main, pairs = read_article(nlp_fr, "fr", text, DAY, title)
    assert main == ("CHN", "JPN")
    assert pairs[0] == [("CHN", "JPN")]  # Taiwan is the topic
    assert ("CHN", "JPN") in pairs[1]
    assert pairs[2] == []  # Seoul is where China protested
    assert pairs[3] == [("CHN", "JPN")]


def test_invented_english_article(nlp_en):
    # Note: invented example, not real reporting
    text = (
        "India and Pakistan traded accusations on Monday over Kashmir. "
        "Both countries recalled their envoys, while talks brokered by Saudi Arabia stalled in Riyadh. "
        "New Delhi accused Islamabad of supporting militants. "
        "Former Pakistani prime minister Imran Khan blamed Indian leaders."
    )
    main, pairs = read_article(nlp_en, "en", text, DAY)
    assert main == ("IND", "PAK")
    assert pairs[0] == [("IND", "PAK")]
    assert pairs[1] == [("IND", "PAK")]  # Saudi Arabia mediates, Riyadh is the venue
    assert pairs[2] == [("IND", "PAK")]
    assert pairs[3] == []  # a former prime minister speaks for no state


def test_seed_reading_of_two_sentences(nlp_fr):
    # from the seed article (real reporting, France 24, 2017-04-12)
    day = date(2017, 4, 12)
    first = ("Le président russe Vladimir Poutine a finalement reçu mercredi au Kremlin le secrétaire d'État "
             "américain Rex Tillerson, alors que les deux pays se livraient ces derniers jours une guerre des mots "
             "au sujet du dossier syrien.")
    sent = nlp_fr(first)[:]
    own = find_mentions(sent, "fr", day)
    assert sentence_pairs(own + find_anaphora(sent, "fr", ("RUS", "USA"), mentions=own)) == [("RUS", "USA")]
    later = ("Mais l'attaque chimique de Khan Cheikhoun et la volte-face du président américain, qui a ordonné le "
             "premier bombardement contre le régime syrien depuis le début du conflit il y a six ans, ont provoqué "
             "un nouveau regain de tensions entre les deux puissances au point d’éclipser tous les autres dossiers.")
    sent = nlp_fr(later)[:]
    own = find_mentions(sent, "fr", day)
    pairs = sentence_pairs(own + find_anaphora(sent, "fr", ("RUS", "USA"), mentions=own))
    assert set(pairs) == {("SYR", "USA"), ("RUS", "USA")}


@pytest.mark.parametrize(
    "text, lang, pairs",
    [
        # invented examples, not real reporting: subject matter, mediators, venues, goods, organisations
        ("Biden and Xi discussed Taiwan, Ukraine and trade.", "en", [("CHN", "USA")]),
        ("Israel and the United States are worried about Iran's nuclear programme.", "en",
         [("ISR", "USA"), ("IRN", "ISR"), ("IRN", "USA")]),
        ("France and Germany pledged to support Ukraine's reconstruction.", "en", [("DEU", "FRA")]),
        ("Sudan and Chad agreed a ceasefire under the auspices of Saudi Arabia and the United States.", "en",
         [("SDN", "TCD")]),
        ("Israel and the UAE signed the deal on the White House lawn.", "en", [("ARE", "ISR")]),
        ("Russia has long opposed the U.S.-led NATO alliance.", "en", []),
        ("India and the US discussed Russian oil.", "en", [("IND", "USA")]),
        ("Germany stopped importing Russian gas last year.", "en", [("DEU", "RUS")]),
        ("L'Iran et les États-Unis ont mené des discussions par l'intermédiaire d'Oman et du Qatar.", "fr",
         [("IRN", "USA")]),
        ("Les présidents américain et chinois ont évoqué Taïwan, l'Ukraine et le commerce.", "fr", [("CHN", "USA")]),
        ("Le ralentissement de l'économie chinoise inquiète l'Australie.", "fr", []),
        ("La Russie s'oppose à l'OTAN emmenée par les États-Unis.", "fr", []),
    ],
)
def test_sentence_pairs_leave_out_subjects_goods_and_venues(nlp_fr, nlp_en, text, lang, pairs):
    doc = (nlp_fr if lang == "fr" else nlp_en)(text)
    assert sentence_pairs(find_mentions(doc[:], lang, date(2024, 3, 1))) == pairs


# Invented examples, not real reporting: several wordings per kind of country word that names no party,
# in both languages, next to the wordings where the same words do name parties.
_NO_PARTY_CASES = [
    # 1. a compound adjective or phrase of mediation or hosting
    ("Qatar-brokered negotiations between Israel and Egypt resumed on Monday.", "en", [("EGY", "ISR")]),
    ("A U.S.-mediated truce between Armenia and Azerbaijan was broken within hours.", "en", [("ARM", "AZE")]),
    ("The Egyptian-brokered ceasefire between Israel and Jordan held.", "en", [("ISR", "JOR")]),
    ("The Saudi-hosted summit brought Sudan and Chad to the table.", "en", [("SDN", "TCD")]),
    ("Turkish-facilitated talks between Russia and Ukraine produced a prisoner swap.", "en", [("RUS", "UKR")]),
    ("The summit convened by Kenya brought Ethiopia and Eritrea together.", "en", [("ERI", "ETH")]),
    ("Talks organised by Oman between Iran and the United States stalled.", "en", [("IRN", "USA")]),
    ("Un accord négocié par le Qatar a permis un échange de prisonniers entre la Russie et l'Ukraine.", "fr",
     [("RUS", "UKR")]),
    ("Un sommet organisé par l'Arabie saoudite a réuni le Soudan et le Tchad.", "fr", [("SDN", "TCD")]),
    ("Sous la houlette de l'Égypte, Israël et la Jordanie ont signé un accord sur l'eau.", "fr", [("ISR", "JOR")]),
    # ... while an organiser of anything but a meeting acts
    ("La France a dénoncé les élections organisées par la Russie en Crimée.", "fr", [("FRA", "RUS")]),
    # 2. venues around a place, and borders where a natural event happened
    ("Russian and Ukrainian negotiators met near Washington on Friday.", "en", [("RUS", "UKR")]),
    ("Indian and Chinese officers met on the outskirts of Moscow.", "en", [("CHN", "IND")]),
    ("Iran and Saudi Arabia held talks not far from Baghdad.", "en", [("IRN", "SAU")]),
    ("Les délégations iranienne et saoudienne se sont vues non loin de Bagdad.", "fr", [("IRN", "SAU")]),
    ("Les ministres indien et chinois se sont rencontrés à proximité de Moscou.", "fr", [("CHN", "IND")]),
    ("A powerful earthquake shook the border between Turkey and Syria on Monday.", "en", []),
    ("Heavy flooding swept the border region between India and Nepal.", "en", []),
    ("A new bridge across the border between China and Russia opened to lorries.", "en", []),
    ("Un violent séisme a secoué la frontière entre la Turquie et la Syrie.", "fr", []),
    ("Des inondations ont ravagé la région frontalière entre l'Inde et le Népal.", "fr", []),
    ("Des incendies de forêt ont franchi la frontière entre l'Espagne et le Portugal.", "fr", []),
    # ... while an act on the border stays an act between the two
    ("Clashes broke out on the border between Armenia and Azerbaijan.", "en", [("ARM", "AZE")]),
    ("Des affrontements ont éclaté à la frontière entre l'Arménie et l'Azerbaïdjan.", "fr", [("ARM", "AZE")]),
    # 3. a demonym qualifying a place
    ("Israel and Egypt signed the deal in the Jordanian Red Sea port of Aqaba.", "en", [("EGY", "ISR")]),
    ("Leaders of Israel and Jordan met at the Egyptian resort of Sharm el-Sheikh.", "en", [("ISR", "JOR")]),
    ("Syrian and Russian troops massed near a Turkish border town.", "en", [("RUS", "SYR")]),
    ("Envoys of Iran and the United States arrived in the Qatari capital.", "en", [("IRN", "USA")]),
    ("Israël et la Jordanie ont négocié dans la station balnéaire égyptienne de Charm el-Cheikh.", "fr",
     [("ISR", "JOR")]),
    ("Les ministres russe et ukrainien se sont retrouvés dans la capitale turque.", "fr", [("RUS", "UKR")]),
    # 4. currencies and markets
    ("The South African rand slid against the U.S. dollar on Tuesday.", "en", []),
    ("South Africa's rand weakened against the U.S. dollar.", "en", []),
    ("The Japanese yen hit a record low against the U.S. dollar.", "en", []),
    ("Chinese stocks rose while Japanese shares fell.", "en", []),
    ("The Swiss franc gained against the British pound.", "en", []),
    ("Le yuan chinois a reculé face au dollar américain.", "fr", []),
    ("Le rouble russe a chuté face au dollar américain.", "fr", []),
    ("Les bourses chinoises ont progressé tandis que le yen japonais reculait.", "fr", []),
    ("Les titres chinois ont chuté tandis que le yen japonais progressait.", "fr", []),
    # ... while a French "action" after a demonym is the state's act, not its shares (invented)
    ("Le Japon a dénoncé les actions chinoises autour des îles disputées.", "fr", [("CHN", "JPN")]),
    # ... while sanctions on a country's banks still aim at it
    ("The US imposed sanctions on Russian banks.", "en", [("RUS", "USA")]),
    # 5. organisations with a country word inside
    ("The Organization of American States criticised Venezuela.", "en", []),
    ("The South African Development Community sent troops to Mozambique.", "en", []),
    ("The Inter-American Commission condemned Nicaragua.", "en", []),
    ("L'Organisation des États américains a critiqué le Venezuela.", "fr", []),
    ("L'Union africaine a suspendu le Mali et la Guinée.", "fr", [("GIN", "MLI")]),
    # 6. datelines
    ("DOHA — Qatar said on Monday that Israel would send negotiators.", "en", [("ISR", "QAT")]),
    ("MOSCOW (Reuters) - Ukraine accused Poland of blocking grain.", "en", [("POL", "UKR")]),
    ("WASHINGTON, March 3 (Reuters) - China warned Japan on Tuesday.", "en", [("CHN", "JPN")]),
    ("Kyiv, Ukraine (AP) — Poland pledged more tanks.", "en", []),
    ("PARIS, 3 mars (AFP) - L'Iran a convoqué l'ambassadeur d'Allemagne.", "fr", [("DEU", "IRN")]),
    ("MOSCOU (AFP) - La Chine a salué le Kazakhstan.", "fr", [("CHN", "KAZ")]),
    # ... while a sentence opening on a country and a parenthesis is no dateline
    ("Iran — long at odds with Washington — agreed to talks.", "en", [("IRN", "USA")]),
    ("USA - Russia talks ended without a deal.", "en", [("RUS", "USA")]),
    # more wordings: shared nouns, '-led mediation', relative clauses, apposition, capitals' markets
    ("Qatari and Egyptian mediators urged Israel to accept the plan.", "en", []),
    ("Qatar-led mediation stalled as Israel widened its offensive.", "en", []),
    ("Oman, which has hosted talks between Iran and the United States, said more were planned.", "en",
     [("IRN", "USA")]),
    ("Negotiators from Iran and the US met in the Omani capital, Muscat.", "en", [("IRN", "USA")]),
    ("Israel and Hamas sent envoys to talks in Doha, Qatar.", "en", []),
    ("Les médiateurs du Qatar ont transmis une offre à Israël.", "fr", []),
    ("Tokyo stocks fell after China announced new export curbs.", "en", []),
    ("U.S. Treasury yields rose as Japan sold bonds.", "en", []),
    ("WASHINGTON/BEIJING (Reuters) - Canada and Mexico agreed to resume talks.", "en", [("CAN", "MEX")]),
    # 7. trade statistics: the two trading countries are a pair
    ("China's exports to the United States rose 4% in February.", "en", [("CHN", "USA")]),
    ("Les exportations allemandes vers la Chine ont reculé de 3 %.", "fr", [("CHN", "DEU")]),
]


@pytest.mark.parametrize("text, lang, pairs", _NO_PARTY_CASES)
def test_mediators_venues_currencies_bodies_and_datelines_form_no_pair(nlp_fr, nlp_en, text, lang, pairs):
    doc = (nlp_fr if lang == "fr" else nlp_en)(text)
    assert set(sentence_pairs(find_mentions(doc[:], lang, DAY))) == set(pairs)


@pytest.mark.parametrize(
    "text, lang, kept, aside",
    [
        # invented examples, not real reporting: the target of an act noun with its agent named on it
        # pairs with that agent, not with the country whose words frame the act
        ("Paris a condamné les frappes israéliennes en Syrie.", "fr", {"FRA-ISR", "ISR-SYR"}, {"FRA-SYR"}),
        ("Ankara condemned the Israeli strikes in Syria on Monday.", "en", {"ISR-TUR", "ISR-SYR"}, {"SYR-TUR"}),
        # the agent is the verb's subject: no limit
        ("Israel carried out strikes in Syria on Monday.", "en", {"ISR-SYR"}, set()),
    ],
)
def test_target_of_an_act_noun_pairs_with_its_agent_only(text, lang, kept, aside):
    article = Article(text=text, language=lang, published=date(2024, 3, 6), published_source="header")
    reading = score_article(article).readings[-1]
    assert {"-".join(p) for p in reading.pairs} == kept
    assert {"-".join(a.pair) for a in reading.set_aside} == aside


@pytest.mark.parametrize(
    "text, pairs",
    [
        # invented examples, not real reporting: an act noun carried by a verb that only carries acts is
        # that verb's act, even where the small parser makes it an oblique ("effectué ... une frappe")
        ("L'armée indienne avait effectué en début de semaine une frappe préventive en territoire pakistanais.",
         {"IND-PAK"}),
        ("L'aviation turque a mené jeudi soir plusieurs raids aériens dans le nord de l'Irak.", {"IRQ-TUR"}),
        # counter-example: soldiers killed in an attack somewhere do not attack that place
        ("Des soldats russes ont été tués lors d'une attaque en Syrie.", set()),
    ],
)
def test_an_act_noun_carried_by_its_verb_targets_the_place(text, pairs):
    article = Article(text=text, language="fr", published=date(2024, 3, 6), published_source="header")
    reading = score_article(article).readings[-1]
    assert {"-".join(p) for p in reading.pairs} == pairs


@pytest.mark.parametrize(("text", "pairs"), [
    # The reason of an act on a country, its ties with a third, names no side of the act (invented).
    ("In 2019, Peru, Chile and Brazil cut ties with Venezuela over its relationship with Cuba.",
     {("PER", "VEN"), ("CHL", "VEN"), ("BRA", "VEN")}),
    ("Washington sanctioned Ankara over its close ties to Moscow.", {("TUR", "USA")}),
    # Counter-examples: ties named as the act itself stay a pair (invented)
    ("Venezuela restored its ties with Cuba.", {("CUB", "VEN")}),
    ("Kenya cut its ties with Somalia over a border quarrel.", {("KEN", "SOM")}),
])
def test_ties_with_a_third_as_the_reason_of_an_act(text, pairs):
    article = Article(text=text, language="en", published=DAY, published_source="header")
    found = {p for r in score_article(article).readings for p in r.pairs}
    assert found == pairs
