"""Signs of pairs that were found but scored 0 (issue 10): a plural 'positions' reads its rows again,
and act rows by category (airspace barred, fighter jets scrambled, explanations demanded, warning
fire, a leader's tour, the noun of recognising independence). Every sentence here is invented,
written the way wire copy reports relations; none is copied from real reporting.
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


@pytest.mark.parametrize(("text", "pattern"), [
    # The rows written with "position" read the plural: an exact form "=positions" used to take it (invented).
    ("L'artillerie turque a frappé des positions kurdes en Syrie.", "frapper ~3 position"),
    ("Les soldats indiens ont tiré sur des positions pakistanaises pendant la nuit.", "tirer sur ~3 position"),
    ("Le Maroc et l'Algérie campent sur leurs positions depuis des mois.", "camper ~3 position"),
    ("Des drones russes ont ciblé des positions de l'armée ukrainienne dans le nord.", "cibler ~3 position"),
])
def test_plural_positions_read_their_rows(text: str, pattern: str) -> None:
    assert pattern in _patterns(text, "fr")


def test_a_dominant_position_is_no_military_target() -> None:
    # Counter-example (invented): a firm's dominant position is a standing, not a place fired at.
    assert "cibler ~3 position" not in _patterns("Le régulateur français a ciblé la position dominante du groupe américain.", "fr")


@pytest.mark.parametrize(("text", "lang", "pair", "sign"), [
    # 16-17 airspace barred to the other's aircraft (invented).
    ("Le Niger a interdit son espace aérien aux avions béninois.", "fr", "BEN-NER", 1),
    ("Le Togo a interdit son espace aérien à l'avion du ministre ghanéen.", "fr", "GHA-TGO", 1),
    ("Le Tchad a refusé le survol de son territoire aux avions soudanais.", "fr", "SDN-TCD", 1),
    ("Niger denied overflight to Beninese military aircraft on Monday.", "en", "BEN-NER", 1),
    # 15 fighter jets scrambled in reaction (invented).
    ("La Corée du Sud a fait décoller ses avions de chasse après l'incursion d'appareils russes.", "fr", "KOR-RUS", 1),
    ("Taiwan scrambled jets after Chinese bombers approached the island.", "en", "CHN-TWN", 1),
    # 10 demand: explanations asked of another state (invented).
    ("La Suède a demandé des explications à la Hongrie après ces propos.", "fr", "HUN-SWE", 1),
    # 13/15 warning fire (invented).
    ("Le Pakistan accuse l'Inde d'un tir de semonce contre un de ses chalutiers.", "fr", "IND-PAK", 1),
    # 042/043 a leader's tour, a visit to each stop (invented).
    ("Le président brésilien entame au Kenya une tournée de quatre jours.", "fr", "BRA-KEN", -1),
    # 054 the noun of recognising independence; separatist regions keep their hostile reading (invented).
    ("La reconnaissance par le Pérou de l'indépendance du Kosovo a été saluée à Pristina.", "fr", "PER-XKX", -1),
    ("Kosovo welcomed the recognition of its independence by Peru.", "en", "PER-XKX", -1),
    ("Georgia condemned Moscow's recognition of the independence of the separatist regions.", "en", "GEO-RUS", 1),
])
def test_act_categories_give_their_sign(text: str, lang: str, pair: str, sign: int) -> None:
    assert _score(text, lang, pair) * sign > 0


@pytest.mark.parametrize(("text", "lang", "pattern"), [
    # Counter-examples (invented): the same words in another sense stay no cue of the act. Each holds the
    # row's words within its gap, so the test fails if the row reads them.
    ("La Belgique a interdit le survol de Bruxelles pendant la visite du président italien.", "fr", "interdire ~3 survol ~8 avion"),
    ("Turkey scrambled to buy jet fuel from Azerbaijan after the outage.", "en", "scramble ~3 jet"),
    ("Norway scrambled fighters to escort the Kenyan president's plane.", "en", "scramble ~3 fighter"),
    ("La chasse suisse a fait décoller deux avions de chasse pour escorter l'appareil du roi marocain.", "fr", "faire décoller ~4 avion de chasse"),
    ("In recognition of Ghana's independence day, Nigeria lit up its bridges.", "en", "recognition ~3 independence"),
    ("La police grecque a effectué des tirs de semonce contre des passeurs turcs.", "fr", "tir de semonce"),
    ("Un torchon a brûlé dans la cuisine du consulat d'Espagne à Paris.", "fr", "torchon ~2 =brûle"),
    ("Le groupe de jazz irlandais entame une tournée de deux semaines au Canada.", "fr", "tournée"),
    ("Des sénateurs belges ont demandé des explications au gouvernement sur les exportations d'armes vers l'Égypte.", "fr", "demander ~3 explication"),
    ("China launched joint combat training around the Philippines.", "en", "joint ~2 training"),
    ("La Chine a lancé un entraînement conjoint de ses forces autour des Philippines.", "fr", "entraînement ~2 conjoint"),
])
def test_other_senses_stay_no_cue(text: str, lang: str, pattern: str) -> None:
    assert pattern not in _patterns(text, lang)


@pytest.mark.parametrize(("text", "lang", "pair"), [
    # Counter-examples (invented): the same readings give no pair of the act (review of the sign-0 rows).
    ("La Belgique a interdit le survol de Bruxelles pendant le séjour du président italien.", "fr", "BEL-ITA"),
    ("Turkey scrambled to buy jet fuel from Azerbaijan after the outage.", "en", "AZE-TUR"),
    ("Norway scrambled fighters to escort the Kenyan president's plane.", "en", "KEN-NOR"),
    ("In recognition of Ghana's independence day, Nigeria lit up its bridges.", "en", "GHA-NGA"),
    ("La police grecque a effectué des tirs de semonce contre des passeurs turcs.", "fr", "GRC-TUR"),
    ("Le groupe de jazz irlandais entame une tournée de deux semaines au Canada.", "fr", "CAN-IRL"),
    ("Un torchon a brûlé dans la cuisine du consulat d'Espagne à Paris.", "fr", "ESP-FRA"),
])
def test_other_senses_score_no_act(text: str, lang: str, pair: str) -> None:
    assert _score(text, lang, pair) == 0


@pytest.mark.parametrize(("text", "pattern"), [
    # A first-group verb the model leaves as its own form ("bombarde", "réclame") reads its infinitive's rows
    # (invented).
    ("La Turquie bombarde des positions kurdes en Syrie.", "bombarder"),
    ("Le Niger accuse le Bénin et réclame des excuses.", "réclamer ~3 excuse"),
    # "demande" is also a noun's key ("demande ~3 retrait ~3 troupe"): with a subject of its own it is the
    # verb, and reads the verb's rows (invented).
    ("Le Tchad demande à la France de retirer ses troupes.", "demander ~5 retirer ~3 troupe"),
    ("Le Tchad demande des explications à la Libye.", "demander ~3 explication"),
    # Idioms of a falling-out or a refusal to move (invented).
    ("Le torchon brûle entre Rome et Paris depuis l'affaire des migrants.", "torchon ~2 =brûle"),
    ("Le torchon brule entre l'Égypte et le Soudan.", "torchon ~2 =brule"),
    ("Le Soudan dénonce l'intransigeance de l'Éthiopie sur le barrage.", "intransigeance"),
])
def test_verbs_left_as_their_form_and_idioms(text: str, pattern: str) -> None:
    assert pattern in _patterns(text, "fr")


@pytest.mark.parametrize(("text", "lang", "pattern"), [
    ("The faceoff between Indian and Chinese troops lasted for weeks.", "en", "faceoff"),
    ("Sudan blamed Ethiopia's intransigence for the failure of the talks.", "en", "intransigence"),
])
def test_english_spelling_and_refusal_rows(text: str, lang: str, pattern: str) -> None:
    assert pattern in _patterns(text, lang)


def test_a_noun_left_as_its_form_stays_a_noun() -> None:
    # Counter-example (invented): the noun "demande" is no verb, the verb's row does not read it.
    text = "La demande de retrait des troupes françaises par le Tchad a surpris Paris."
    assert "demander ~3 retrait ~3 troupe" not in _patterns(text, "fr")


@pytest.mark.parametrize(("text", "lang", "pair", "sign"), [
    # 115 a case between states at the court that settles their disputes (invented).
    ("Ghana has asked the ICJ to order Togo to halt work on the border wall.", "en", "GHA-TGO", 1),
    ("The World Court will rule next month in the maritime case between Ghana and Togo.", "en", "GHA-TGO", 1),
    ("Le Gabon a porté devant la CIJ son litige avec la Guinée équatoriale.", "fr", "GAB-GNQ", 1),
    # 062 joint military acts named by their noun (invented).
    ("Les marines indienne et française ont mené un débarquement commun sur la côte.", "fr", "FRA-IND", -1),
    ("Des soldats marocains et sénégalais suivent un entraînement conjoint à Thiès.", "fr", "MAR-SEN", -1),
    ("Indian and French marines carried out a joint landing on the coast.", "en", "FRA-IND", -1),
])
def test_court_cases_and_joint_acts(text: str, lang: str, pair: str, sign: int) -> None:
    assert _score(text, lang, pair) * sign > 0


@pytest.mark.parametrize(("text", "lang"), [
    # Counter-examples (invented): the court named with two states that are no parties of a case.
    ("Des juges portugais et japonais ont été élus à la CIJ.", "fr"),
    ("Judges from Portugal and Korea were elected to the ICJ.", "en"),
    ("Chile and Peru accepted the World Court ruling and pledged to implement it.", "en"),
])
def test_a_court_named_with_two_judges_scores_no_pair(text: str, lang: str) -> None:
    assert not _reading(text, lang).observations


def test_the_court_s_initials_add_nothing_to_another_act() -> None:
    # Counter-example (invented): the court's president meeting two ministers stays a meeting.
    assert _score("The ICJ president met the Indian and Brazilian foreign ministers.", "en", "BRA-IND") < 0


@pytest.mark.parametrize(("text", "lang", "pair", "sign"), [
    # Counter-examples (invented): one state's joint-forces training around a place is no cooperation with it.
    ("China launched joint combat readiness training around the Philippines.", "en", "CHN-PHL", 1),
    # The pair as co-actors keeps the joint reading (invented).
    ("The US and Australia conducted joint training in Darwin.", "en", "AUS-USA", -1),
    # Lifting a ban is read at the lifting's weight, not the ban's (invented).
    ("Pakistan lifted its overflight ban for Afghan airlines.", "en", "AFG-PAK", -1),
    ("Le Mali a levé l'interdiction de son espace aérien aux avions ivoiriens.", "fr", "CIV-MLI", -1),
])
def test_joint_training_and_lifted_bans(text: str, lang: str, pair: str, sign: int) -> None:
    assert _score(text, lang, pair) * sign > 0


def test_a_lifted_ban_reads_the_lifting_row() -> None:
    assert "lift ~3 overflight ban" in _patterns("Pakistan lifted its overflight ban for Afghan airlines.", "en")
    assert "lever ~3 interdiction ~4 espace aérien" in _patterns(
        "Le Mali a levé l'interdiction de son espace aérien aux avions ivoiriens.", "fr")


@pytest.mark.parametrize(("text", "lang", "pair"), [
    # A demand in the present, left as its form by the model, presses its addressee as the past does:
    # ending a hostility demanded of the other is tension, not a truce (invented).
    ("Le Mali demande à l'Algérie de cesser ses ingérences.", "fr", "DZA-MLI"),
    ("Le Mali a demandé à l'Algérie de cesser ses ingérences.", "fr", "DZA-MLI"),
    # A barring verb with its own object reads its own act: the entry it bars is no cooperation (invented).
    ("Egypt prohibited Israeli aircraft from entering its airspace.", "en", "EGY-ISR"),
    ("Le Maroc a interdit aux avions algériens de survoler son territoire.", "fr", "DZA-MAR"),
])
def test_demands_and_bars_in_the_present_read_as_tension(text: str, lang: str, pair: str) -> None:
    assert _score(text, lang, pair) > 0


@pytest.mark.parametrize(("text", "lang", "pair", "sign"), [
    # An end or a withdrawal still flips what it governs, whatever rows it makes itself (invented).
    ("Eritrea and Ethiopia ended the fighting along the border.", "en", "ERI-ETH", -1),
    ("Turkey withdrew its troops from the joint patrols with Russia.", "en", "RUS-TUR", 1),
    # Forms that are nouns' keys too keep their noun rows: only "demande" is read as its verb (invented).
    ("La Chine dispute au Japon les îles Senkaku.", "fr", "CHN-JPN", 1),
    ("La Chine aide le Pakistan à construire un port.", "fr", "CHN-PAK", -1),
])
def test_ends_withdrawals_and_noun_keys_keep_their_readings(text: str, lang: str, pair: str, sign: int) -> None:
    assert _score(text, lang, pair) * sign > 0
