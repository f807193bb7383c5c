"""A cue that names its target goes to that country's pairs; a meeting's background that only
describes a side or an object is damped (tracker/scorer/cue_targets.py, cues/clauses.py).

Every sentence here is an invented example written for these tests, not real reporting.
"""

from __future__ import annotations

from datetime import date

from tracker.records import Article, Cue, Mention
from tracker.scorer.cue_targets import cue_targets
from tracker.scorer.pipeline import score_article


def _scores(text: str, lang: str) -> dict[str, float]:
    scored = score_article(Article(text=text, language=lang, published=date(2024, 3, 1), published_source="header"))
    return {o.pair_code: o.score for r in scored.readings for o in r.observations}


def test_support_to_one_country_and_concern_over_another_go_to_their_own_pairs():
    scores = _scores("Germany and Italy expressed support to Moldova and concern over Russian troop movements.", "en")
    assert scores["DEU-MDA"] < 0 and scores["ITA-MDA"] < 0
    assert scores["DEU-RUS"] > 0 and scores["ITA-RUS"] > 0


def test_countries_listed_after_the_target_preposition_are_all_targets_and_no_pair_of_each_other():
    scores = _scores("Le Chili a rappelé mardi ses ambassadeurs au Venezuela et au Nicaragua, dénonçant "
                     "l'arrestation de ses ressortissants par Caracas et Managua.", "fr")
    assert scores["CHL-VEN"] > 0 and scores["CHL-NIC"] > 0


def _mention(country: str, start: int, end: int) -> Mention:
    return Mention(start, end, "x", country, "name")


def test_a_target_needs_a_target_preposition_and_articles_only():
    text = "Japan voiced concern over the Russian drills, and support for talks in Moldova."
    concern = Cue(13, 25, "concern over", "concern over", "disagreement", 2.5, 2.5)
    support = Cue(49, 56, "support", "support", "diplomatic cooperation", -3.5, -3.5)
    mentions = [_mention("JPN", 0, 5), _mention("RUS", 30, 37), _mention("MDA", 71, 78)]
    # counter-example: "support for talks in Moldova" names no target right after the cue
    assert cue_targets([concern, support], mentions, text, "en") == {13: frozenset({"RUS"})}


def test_a_meeting_outweighs_what_a_clause_on_a_noun_recalls_of_the_sides():
    assert _scores("Delegations from Rwanda and Burundi met in Arusha on Tuesday for talks on their border, "
                   "which Burundi closed last year after accusing Kigali of backing rebels.", "en")["BDI-RWA"] < 0
    assert _scores("L'Arménie et la Géorgie ont ouvert mardi des pourparlers sur leur frontière, un pas pour ces "
                   "deux pays qui se sont affrontés lors de plusieurs guerres.", "fr")["ARM-GEO"] < 0


def test_a_meeting_held_amid_tensions_still_reports_them():
    # counter-example: an adverbial background ("amid") is the meeting's climate, not a description
    assert _scores("Rwanda and Burundi held talks on Tuesday amid rising tensions over the border.", "en")["BDI-RWA"] > 0


# --- each cue to the sides of its own clause (cue_targets.cue_roles; invented sentences) ------------------

def test_a_participle_clause_is_its_own_act_in_both_languages():
    # invented: the support is Portugal's to Senegal, the anger Gambia's at Portugal; none is Gambia-Senegal's
    fr = _scores("Le Portugal a exprimé mardi son soutien au projet sénégalais, provoquant la colère de la Gambie.", "fr")
    assert fr["PRT-SEN"] < 0 and fr["GMB-PRT"] > 0 and fr.get("GMB-SEN", 0.0) == 0.0
    en = _scores("Portugal gave its backing to the Senegalese project, angering Gambia.", "en")
    assert en["PRT-SEN"] < 0 and en["GMB-PRT"] > 0 and en.get("GMB-SEN", 0.0) == 0.0


def test_an_agreement_between_two_countries_condemned_by_a_third_stays_theirs():
    # invented: the condemnation goes to Egypt's pairs, the agreement to the two it stands between
    for text, lang in (("L'Égypte a condamné l'accord de coopération entre Israël et la Jordanie.", "fr"),
                       ("Egypt condemned the cooperation agreement between Israel and Jordan.", "en")):
        scores = _scores(text, lang)
        assert scores["EGY-ISR"] > 0 and scores["EGY-JOR"] > 0 and scores["ISR-JOR"] < 0, text


def test_two_countries_keep_every_cue_of_their_sentence():
    # invented counter-example: one pair only, the clause changes nothing
    assert _scores("Le Maroc a salué le soutien de l'Espagne, suscitant la colère des opposants.", "fr")["ESP-MAR"] < 0
    assert _scores("Ghana condemned the raid by Togo.", "en")["GHA-TGO"] > 0


def test_a_cue_the_parse_gives_one_side_only_goes_by_distance_as_before():
    # invented offsets: a cue whose clause names one country (no object country) keeps the nearest pair,
    # a cue whose clause names both sides goes to them even when another pair is nearer
    from tracker.scorer.cue_targets import CueRoles
    from tracker.scorer.pipeline import attribute_cues

    mentions = [_mention("GHA", 0, 5), _mention("TGO", 10, 14), _mention("BEN", 60, 65)]
    near = Cue(20, 28, "x", "x", "verbal conflict", 3.0, 3.0)
    far = Cue(40, 48, "y", "y", "verbal conflict", 3.0, 3.0)
    pairs = [("BEN", "GHA"), ("GHA", "TGO"), ("BEN", "TGO")]
    one_side = {near.start: CueRoles(agents=((0, 5),))}
    assert attribute_cues(pairs, mentions, [near], roles=one_side)[("GHA", "TGO")] == [near]
    both_sides = {far.start: CueRoles(agents=((60, 65),), others=((10, 14),))}
    result = attribute_cues(pairs, mentions, [far], roles=both_sides)
    assert result[("BEN", "TGO")] == [far] and result[("GHA", "TGO")] == [] and result[("BEN", "GHA")] == []


def test_a_target_list_stops_where_the_parse_leaves_the_cue_clause():
    # invented: "avec le Népal, le Bhoutan a déclaré": Bhutan is the next clause's subject, no second target
    scores = _scores("Deux jours après avoir annoncé la rupture de ses relations avec le Népal, le Bhoutan a "
                     "déclaré soutenir l'Inde.", "fr")
    assert scores["BTN-NPL"] > 0 and scores["BTN-IND"] < 0
