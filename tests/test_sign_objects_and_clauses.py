"""Signs set by what an act is aimed at and by which clause holds a pair's act (every sentence here is
invented, written the way news reports relations; none is copied from real reporting).

- Support for a state's armed opponents (rebels, separatists, militias, terrorism) is hostile to that
  state; support for a state stays cooperation.
- Ties broken, diplomats or ambassadors told to leave, ships that train or team up together: acts
  said by a verb the lexicon lacked; a departure on schedule and a warship's class name are no act.
- A show-of-force exercise held by both countries of a pair (coordinated, listed as forces, or
  named by one phrase for both) is their joint exercise; the country they drill near keeps the show
  of force.
- A meeting held after or since a hostility is the step past it (the hostility keeps a description's
  share); one held amid it still reports it. A passive recall, or one "for consultations", is a recall.
- A pair named only in a background part ("..., soutenu lui par Moscou") holds its act there: the
  main clause's act is another actor's.

Each rule has a sentence it must read and a counter-example it must leave alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article

PUBLISHED = date(2024, 3, 6)


def _score(text: str, lang: str, pair: str) -> float:
    article = Article(text=text, language=lang, published=PUBLISHED, published_source="header")
    reading = score_article(article).readings[-1]
    return sum(o.score for o in reading.observations if o.pair_code == pair)


@pytest.mark.parametrize(("text", "lang", "pair", "sign"), [
    # Support whose object is an armed opponent of a state (invented); counter-examples: support for
    # the state, and for a fight against armed groups.
    ("Le Burundi a soutenu des groupes rebelles opposés au gouvernement rwandais.", "fr", "BDI-RWA", 1),
    ("Kinshasa dénonce le soutien du Rwanda aux rebelles dans l'est du pays.", "fr", "COD-RWA", 1),
    ("Chad and Libya cut their ties over Libya's alleged support of terrorism.", "en", "LBY-TCD", 1),
    ("Ethiopia accused Eritrea of backing the separatists in its north.", "en", "ERI-ETH", 1),
    ("La France a réaffirmé son soutien au Niger dans la lutte contre les groupes armés.", "fr", "FRA-NER", -1),
    ("Japan pledged support for the Philippines in the fight against terrorists.", "en", "JPN-PHL", -1),
    # Ties broken without "off" (invented); counter-example: the ice broken in relations is no rupture
    # of ours (the row needs the ties or relations next to the verb).
    ("Bolivia has broken all diplomatic ties with Israel.", "en", "BOL-ISR", 1),
    ("Senegal broke diplomatic relations with Gambia on Monday.", "en", "GMB-SEN", 1),
    ("Their visit helped break the ice between Senegal and Gambia.", "en", "GMB-SEN", -1),
    # Diplomats and ambassadors told to leave (invented); counter-example: a departure on schedule.
    ("Bahrain has asked that all diplomats from Iran are to leave within 48 hours.", "en", "BHR-IRN", 1),
    ("The junta ordered the Belgian and Dutch ambassadors to Bamako to leave the country.", "en", "BEL-MLI", 1),
    ("The Belgian ambassador to Mali, who is due to leave his post in June, met the president.", "en", "BEL-MLI", -1),
    # Ships training or teaming up (invented); counter-example: a warship class named in a clash.
    ("The Indian destroyer and the French frigate trained together on Saturday in the Arabian Sea.", "en", "FRA-IND", -1),
    ("The littoral combat ship USS Omaha teamed up with a Vietnamese patrol vessel for drills.", "en", "USA-VNM", -1),
    ("A Chinese warship fired water cannon at a Philippine combat ship on Monday.", "en", "CHN-PHL", 1),
    # Hostility said by words the lexicon lacked (invented); counter-examples: the verb with no armed
    # object, a crime that is no act between states.
    ("Le Mali a admis que ses soldats avaient affronté lundi l'armée burkinabè.", "fr", "BFA-MLI", 1),
    ("L'armée iranienne a frappé jeudi le territoire pakistanais.", "fr", "IRN-PAK", 1),
    ("Le président philippin a agacé Pékin en recevant une délégation japonaise.", "fr", "CHN-PHL", 1),
    ("Le Niger doit affronter la sécheresse avec l'aide du Bénin.", "fr", "BEN-NER", -1),
    ("Armenia's prime minister denounced Baku's aggressive policies and warned of an assault.", "en", "ARM-AZE", 1),
    ("Canada welcomed the trial of a French citizen accused of sexual assault, and thanked France for its help.", "en", "CAN-FRA", -1),
    # Exercises held by both countries of a pair (invented); counter-examples: the country drilled near.
    ("Les armées arménienne et russe ont commencé lundi des exercices militaires.", "fr", "ARM-RUS", -1),
    ("Russian and Belarusian troops began military exercises on Friday.", "en", "BLR-RUS", -1),
    ("The Indian Navy and the French Navy held naval drills in the Arabian Sea on Monday.", "en", "FRA-IND", -1),
    ("En mai, la Chine et la Russie ont signé un accord.\n\nLes deux armées se sont livrées en juin à un exercice "
     "d'ampleur.", "fr", "CHN-RUS", -1),
    ("China held military exercises around Taiwan on Sunday, Taipei said.", "en", "CHN-TWN", 1),
    ("Russia and China held naval drills near Japan, drawing a protest from Tokyo.", "en", "CHN-JPN", 1),
    ("La Chine a mené des exercices militaires autour de Taïwan, a dénoncé Taipei.", "fr", "CHN-TWN", 1),
    # A meeting after or since a hostility (invented); counter-example: a meeting amid it.
    ("Après s'être accusés mutuellement pendant un an, les présidents serbe et monténégrin se sont "
     "rencontrés jeudi à Bruxelles.", "fr", "MNE-SRB", -1),
    ("The Thai and Cambodian defence ministers met in Kuala Lumpur on Monday, a first since the border "
     "clashes between their armies.", "en", "KHM-THA", -1),
    ("The Thai and Cambodian defence ministers met in Kuala Lumpur amid the border clashes between their "
     "armies.", "en", "KHM-THA", 1),
    # A recall in the passive or "for consultations" (invented); counter-example: consultations held.
    ("Chile's ambassador to Bolivia was recalled by Santiago for consultations on Monday after a row "
     "over water rights.", "en", "BOL-CHL", 1),
    ("Chile and Bolivia held consultations on water rights in Santiago on Monday.", "en", "BOL-CHL", -1),
    # Ties restored, said by a noun (invented); counter-example: the rupture they end, alone.
    ("Colombia and Ecuador agreed on the reinstatement of ambassadors, ten months after the rupture of "
     "relations.", "en", "COL-ECU", -1),
    ("Le président colombien a annoncé mercredi la reprise des relations avec le Venezuela.", "fr", "COL-VEN", -1),
    ("Colombia announced the rupture of relations with Ecuador.", "en", "COL-ECU", 1),
])
def test_sign(text: str, lang: str, pair: str, sign: int) -> None:
    score = _score(text, lang, pair)
    assert score * sign > 0, f"{pair}: {score:+.2f}"


def test_pair_named_only_in_background_part_keeps_its_own_act() -> None:
    # Invented: Rwanda arming rebels is hostile to the Congo; Angola's support for the Congolese
    # government, said in the participle, stays cooperation between Angola and the Congo.
    text = "Selon l'ONU, Kigali arme des rebelles hostiles au régime de Kinshasa, lui-même soutenu par l'Angola."
    assert _score(text, "fr", "COD-RWA") > 0
    assert _score(text, "fr", "AGO-COD") < 0


def test_main_clause_of_the_pair_keeps_its_weight() -> None:
    # Invented counter-example: the pair's own country signs in the main clause; the background part
    # naming the other is no other actor's act.
    text = "En dépit des sanctions qui la frappent, la Russie a signé lundi avec le Mali un accord de livraison de blé."
    assert _score(text, "fr", "MLI-RUS") < 0
