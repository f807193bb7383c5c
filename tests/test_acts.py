"""Everyday diplomatic and military acts (issue 10, "missing acts"), and polarity that depends on
the object, read by the cue finder on the real pipelines. Every sentence here is invented, written
the way news reports such acts; each act is checked by its cue pattern and by the sign of the
sentence's strongest cue (positive = tension, negative = cooperation).
"""

from __future__ import annotations

import pytest

from tracker.scorer.cues import cue_finder
from tracker.scorer.lexicon import load_lexicon


@pytest.fixture(scope="module")
def finders(nlp_fr, nlp_en):
    lexicon = load_lexicon()
    return {"fr": (nlp_fr, cue_finder(nlp_fr, "fr", lexicon)), "en": (nlp_en, cue_finder(nlp_en, "en", lexicon))}


# (language, invented sentence, the pattern that must be found, the sign of the strongest cue)
ACTS = [
    # diplomats summoned, recalled, expelled; relations cut, suspended, restored
    ("fr", "L'Algérie a rompu mardi ses relations avec le Maroc.", "rompu ~4 relation", "+"),
    ("fr", "Les relations entre Alger et Rabat sont rompues depuis 2021.", "relation ~6 rompre", "+"),
    ("fr", "La Colombie a coupé les ponts avec Israël.", "couper ~2 pont", "+"),
    ("fr", "Le Bénin a retiré son ambassadeur au Niger.", "retirer ~4 ambassadeur", "+"),
    ("fr", "Le Burkina Faso a expulsé le chargé d'affaires français.", "expulser ~4 chargé", "+"),
    ("en", "Venezuela suspended diplomatic relations with Peru.", "suspend ~3 diplomatic relation", "+"),
    ("en", "Algeria summoned the French chargé d'affaires on Monday.", "summon ~4 chargé", "+"),
    ("en", "Chile recalled two diplomats from Caracas.", "recall ~4 diplomat", "+"),
    # tariffs, import and export restrictions, flights and visas
    ("fr", "La Chine a imposé des restrictions à l'exportation de gallium vers les États-Unis.",
     "restriction ~3 exportation", "+"),
    ("fr", "Washington a imposé des tarifs de 25 % sur l'acier mexicain.", "imposer ~3 tarif", "+"),
    ("en", "Washington slapped duties on imports from China.", "slap ~3 duty", "+"),
    ("en", "China imposed export restrictions on gallium.", "export restriction", "+"),
    ("fr", "La Russie a suspendu les vols vers la Géorgie.", "suspendre ~3 vol", "+"),
    ("fr", "L'Égypte et la Turquie ont repris les vols directs.", "reprendre ~3 vol", "-"),
    ("en", "Russia suspended flights to Georgia.", "suspend ~4 flights", "+"),
    ("en", "Egypt and Turkey resumed direct flights.", "resume ~4 flights", "-"),
    ("fr", "La Russie et la Turquie ont instauré une exemption de visa.", "exemption ~3 visa", "-"),
    ("fr", "Le Mexique a suspendu l'exemption de visa pour les ressortissants du Brésil.",
     "suspendre ~3 exemption de visa", "+"),
    ("en", "Russia and Turkey introduced a visa waiver.", "visa waiver", "-"),
    ("en", "Mexico suspended visa-free travel for citizens of Brazil.", "suspend ~3 visa-free", "+"),
    # borders and crossings
    ("fr", "Le Nigeria et le Niger ont rouvert le pont frontalier de Birnin.", "rouvrir ~4 frontalier", "-"),
    ("en", "Pakistan closed the Torkham crossing with Afghanistan.", "close ~4 crossing", "+"),
    ("en", "Turkey and Syria reopened the Bab al-Hawa crossing.", "reopen ~4 crossing", "-"),
    # force
    ("fr", "L'Iran a lancé des roquettes contre Israël.", "lancer ~3 roquette", "+"),
    ("fr", "Des troupes du Rwanda sont entrées en RDC.", "troupe ~4 entrer", "+"),
    ("en", "Russia shelled positions in Ukraine.", "=shelled", "+"),
    ("en", "Iran fired several rockets on Sunday.", "fire ~4 rocket", "+"),
    ("en", "Rwanda's troops moved into Congo.", "troop ~4 move into", "+"),
    ("en", "Armenian forces had fired on its positions.", "fire on", "+"),
    # people: deportations, extradition, asylum
    ("fr", "L'Algérie a expulsé des centaines de migrants vers le Niger.", "expulser ~4 migrant", "+"),
    ("fr", "Le Royaume-Uni a refusé d'extrader l'homme d'affaires vers la Russie.", "refuser ~3 extrader", "+"),
    ("en", "The Dominican Republic deported thousands of migrants to Haiti.", "deport", "+"),
    ("en", "Britain refused to extradite the businessman to Russia.", "refuse ~3 extradite", "+"),
    ("en", "Sweden granted asylum to a Turkish dissident.", "grant ~3 asylum", "+"),
    # arms, loans, grants, debt, aid
    ("fr", "La France a livré des canons Caesar à l'Ukraine.", "livrer ~4 canon", "-"),
    ("fr", "Le Japon a octroyé un don au Kenya.", "octroyer ~3 don", "-"),
    ("fr", "Le Japon a annoncé un don de 50 millions de dollars au Kenya.", "don de ~2 million", "-"),
    ("fr", "L'Allemagne a accordé mardi à la Namibie un prêt concessionnel.", "prêt concessionnel", "-"),
    ("fr", "La France a annulé la dette du Congo.", "annuler ~3 dette", "-"),
    ("en", "France delivered Caesar howitzers to Ukraine.", "deliver ~5 howitzer", "-"),
    ("en", "China granted Pakistan a concessional loan.", "concessional loan", "-"),
    ("en", "Saudi Arabia deposited $5 billion in Egypt's central bank.", "deposit ~6 central bank", "-"),
    ("en", "Japan delivered 5,000 tonnes of rice to Haiti.", "deliver ~5 rice", "-"),
    ("en", "Turkey delivered 40 tonnes of medicines to Somalia.", "deliver ~5 medicine", "-"),
    # joint works, inaugurated or agreed
    ("fr", "Le Togo et le Bénin ont inauguré jeudi un pont sur le fleuve Mono.", "inaugurer", "-"),
    ("fr", "Le Pérou et la Bolivie ont convenu de construire une route commune.", "convenir ~3 construire", "-"),
    ("fr", "Les deux pays se sont engagés à créer une zone économique commune.", "engager ~3 créer", "-"),
    ("en", "Uganda and Kenya inaugurated a new oil pipeline on Friday.", "inaugurate ~4 pipeline", "-"),
    ("en", "Laos and Thailand inaugurated a hydroelectric dam on Monday.", "inaugurate", "-"),
    ("en", "Ghana and Togo agreed to build a joint border post.", "agree ~3 build", "-"),
    # joint bodies and operations
    ("fr", "Le Sénégal et la Mauritanie ont créé une commission mixte.", "commission mixte", "-"),
    ("en", "Peru and Ecuador launched joint demining operations along their border.", "joint ~2 operation", "-"),
    # demands and rebukes
    ("fr", "Le Mali a réclamé à la France le départ de ses troupes.", "réclamer ~3 départ", "+"),
    ("fr", "Pékin a rappelé à l'ordre Manille.", "rappeler à le ordre", "+"),
    ("en", "India demanded that Pakistan act against militants.", "demand", "+"),
    # military posture; a joint exercise stays cooperation, live fire or not
    ("en", "North Korean units held live-fire drills near the sea border on Monday.", "live-fire drill", "+"),
    ("en", "Japan and India held a joint live-fire exercise off Okinawa.", "joint ~2 live-fire exercise", "-"),
    # aid, arms sales and joint ventures written out
    ("en", "Qatar pledged on Sunday to finance two new hospitals in Gaza.", "pledge ~4 finance", "-"),
    ("en", "Egypt sent three planes loaded with medicines and blankets to Libya.", "send ~7 medicine", "-"),
    ("en", "Washington approved a possible $300 million sale of anti-ship missiles to Manila.",
     "sale of ~5 missile", "-"),
    ("en", "Oil began flowing from the jointly developed field shared by Sudan and South Sudan.",
     "jointly ~2 develop", "-"),
    # de-escalation with the troops as subject; a dispute settled; a stalled plan revived
    ("en", "Armenian and Azerbaijani troops pulled back from the disputed ridge on Friday.", "troop ~6 pull back", "-"),
    ("en", "Benin and Niger settled their decades-old border dispute.", "settle ~5 dispute", "-"),
    ("en", "Jakarta and Hanoi agreed to revive a long-stalled fisheries plan.", "revive ~4 stall ~4 plan", "-"),
]


# Words with a cue word that name no act between states (invented): market demand, a border's
# friction points, a ceasefire pattern ("hold ~4 fire") inside "held live-fire drills".
@pytest.mark.parametrize(("text", "pattern"), [
    ("Exports fell because of weaker demand for cars in Brazil.", "demand"),
    ("Soldiers pulled back from two friction points on the border.", "friction"),
    ("Navy ships held live-fire drills in the strait.", "hold ~4 fire"),
])
def test_words_that_name_no_act(finders, text, pattern):
    nlp, finder = finders["en"]
    cues = [cue for sent in nlp(text).sents for cue in finder.find(sent)]
    assert pattern not in [c.pattern for c in cues], cues


@pytest.mark.parametrize(("lang", "text", "pattern", "sign"), ACTS)
def test_everyday_acts(finders, lang, text, pattern, sign):
    nlp, finder = finders[lang]
    cues = [cue for sent in nlp(text).sents for cue in finder.find(sent)]
    assert pattern in [c.pattern for c in cues], cues
    strongest = max(cues, key=lambda c: abs(c.weight))
    assert (strongest.weight > 0) == (sign == "+"), cues


# Polarity from the object: a withdrawn, broken or lapsed cooperation is tension; a withdrawn
# objection, a lifted hostility is cooperation. (language, invented sentence, sign)
OBJECTS = [
    ("fr", "Le Mali a rompu la trêve signée avec la Mauritanie.", "+"),
    ("fr", "La Guinée a retiré son soutien à la candidature du Sénégal.", "+"),
    ("fr", "La Guinée-Bissau a fait savoir qu'elle ne renouvellerait pas l'accord de coopération militaire.", "+"),
    ("en", "Croatia withdrew its support for Serbia's bid.", "+"),
    ("en", "Russia breached the ceasefire agreed with Ukraine.", "+"),
    ("en", "Niger suspended its defence cooperation agreement with Benin.", "+"),
    ("en", "Ecuador said it would not renew a security cooperation agreement with Colombia.", "+"),
    ("en", "Croatia withdrew its objection to Serbia's bid.", "-"),
    ("en", "Syrian troops entered two border villages, according to the Lebanese army.", "+"),
    ("en", "China demanded an end to arms sales to Taiwan.", "+"),
]


@pytest.mark.parametrize(("lang", "text", "sign"), OBJECTS)
def test_polarity_from_the_object(finders, lang, text, sign):
    nlp, finder = finders[lang]
    cues = [cue for sent in nlp(text).sents for cue in finder.find(sent)]
    assert cues, text
    strongest = max(cues, key=lambda c: abs(c.weight))
    assert (strongest.weight > 0) == (sign == "+"), cues
