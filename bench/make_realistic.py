"""Write N invented news articles shaped like real reporting: a few country sentences among many
background ones, for bench/score.py and bench/ingest.py.

bench/make_corpus.py writes dense articles (nearly every sentence names a country pair). A real
news article is mostly background: what a mayor announced, prices, the weather, a quote, figures;
the sentences naming two countries are a handful among 15-25. These articles keep that shape:
paragraphs of one to four sentences, three to six country sentences (the dense generator's
templates: pairs by name and capital, "les deux pays", cue phrases, relative dates) among
background sentences built from templates with slots (no country, capital or demonym in them), so
that no two articles repeat the same text. Every article is marked as invented (a `Note: invented
example, not real reporting` header line and an outlet saying so).

Usage:
    .venv/bin/python bench/make_realistic.py FOLDER [--articles 400] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from datetime import timedelta
from pathlib import Path

from make_corpus import (  # a script beside this one
    DAYS,
    EN_ACTORS,
    EN_CUES,
    EN_STATES,
    EN_TITLES,
    EN_WHEN,
    FILES_PER_FOLDER,
    FR_ACTORS,
    FR_CUES,
    FR_STATES,
    FR_TITLES,
    FR_WHEN,
    START,
    _upper_first,
    _with_header,
)

FR_SLOTS = {
    "who": ["Le maire de la commune", "La direction de l'entreprise", "Le syndicat majoritaire",
            "Une porte-parole de la préfecture", "Le conseil d'administration", "L'association des riverains",
            "Le ministre de l'Économie", "La banque centrale", "Le président du conseil régional",
            "Une élue de l'opposition", "Le directeur de l'hôpital", "La fédération des transporteurs"],
    "what": ["une hausse de {pct} % de ses tarifs", "la fermeture provisoire de deux sites",
             "un plan d'investissement de {n} millions d'euros", "le report de la réunion prévue",
             "la suppression de {n} postes d'ici à la fin de l'année", "l'ouverture d'une enquête interne",
             "un nouveau calendrier pour les travaux", "la création d'un fonds de soutien aux commerçants"],
    "when": ["mardi", "vendredi matin", "en début de semaine", "dans un communiqué publié jeudi",
             "lors d'une conférence de presse", "à l'issue d'une longue séance"],
    "source": ["un responsable du dossier", "l'agence régionale", "un communiqué de la mairie",
               "plusieurs sources syndicales", "le rapport annuel de l'institut", "la chambre de commerce"],
    "goods": ["l'électricité", "l'essence", "la farine", "l'immobilier ancien", "les loyers", "le café"],
    "move": ["augmenté", "reculé", "progressé", "baissé"],
    "weather": ["des averses orageuses", "un temps sec et ensoleillé", "des rafales de vent",
                "des températures en hausse", "de fortes pluies"],
    "day": ["mardi", "vendredi", "samedi dernier", "la semaine prochaine", "dimanche"],
    "body": ["le Sénat", "la commission des finances", "le conseil municipal", "l'assemblée générale"],
    "quote": ["Nous ne pouvons pas attendre plus longtemps", "La situation reste fragile",
              "Les chiffres parlent d'eux-mêmes", "Il faudra du temps pour reconstruire la confiance"],
}
FR_BACKGROUND = [
    "{who} a annoncé {when} {what}, a précisé {source}.",
    "Selon {source}, {what} pourrait être décidé avant l'été.",
    "Les prix de {goods} ont {move} de {pct} % sur un an, selon les chiffres publiés {day}.",
    "Les services météorologiques prévoient {weather} pour les prochains jours dans la région.",
    "« {quote} », a déclaré {who_lower} {when}.",
    "Le texte doit encore être examiné par {body} avant la fin du mois.",
    "Près de {n} personnes se sont rassemblées {day} devant la mairie pour protester contre {what}.",
    "L'indice principal de la bourse a {move} de {small} % à la clôture, dans un marché peu animé.",
    "{who} n'a pas souhaité commenter ces informations.",
    "Le chantier, lancé il y a {small} ans, a pris un retard important selon {source}.",
    "Les discussions reprendront {day}, a-t-on appris de source proche du dossier.",
    "{who} juge que la mesure ne suffira pas à rassurer les habitants.",
]
EN_SLOTS = {
    "who": ["The mayor", "The company's management", "The largest union", "A county spokeswoman",
            "The board of directors", "A residents' association", "The finance minister", "The central bank",
            "The regional council leader", "An opposition lawmaker", "The hospital's director",
            "The hauliers' federation"],
    "what": ["a {pct} percent rise in its prices", "the temporary closure of two sites",
             "a {n} million dollar investment plan", "the postponement of the planned meeting",
             "{n} job cuts by the end of the year", "an internal investigation",
             "a new schedule for the works", "a support fund for local shops"],
    "when": ["on Tuesday", "on Friday morning", "early this week", "in a statement released on Thursday",
             "at a news conference", "after a long session"],
    "source": ["an official familiar with the matter", "the regional agency", "a statement from city hall",
               "several union sources", "the institute's annual report", "the chamber of commerce"],
    "goods": ["electricity", "petrol", "flour", "existing homes", "rents", "coffee"],
    "move": ["risen", "fallen", "climbed", "dropped"],
    "weather": ["thundery showers", "dry and sunny weather", "strong gusts of wind", "rising temperatures",
                "heavy rain"],
    "day": ["on Tuesday", "on Friday", "last Saturday", "next week", "on Sunday"],
    "body": ["the upper house", "the finance committee", "the city council", "the general assembly"],
    "quote": ["We cannot wait any longer", "The situation remains fragile", "The figures speak for themselves",
              "It will take time to rebuild trust"],
}
EN_BACKGROUND = [
    "{who} announced {what} {when}, {source} said.",
    "According to {source}, {what} could be decided before the summer.",
    "Prices of {goods} have {move} {pct} percent over a year, according to figures published {day}.",
    "Forecasters expect {weather} across the region over the coming days.",
    "\"{quote},\" {who_lower} said {when}.",
    "The bill still has to be examined by {body} before the end of the month.",
    "Nearly {n} people gathered outside city hall {day} to protest against {what}.",
    "The main stock index {move} {small} percent at the close in thin trading.",
    "{who} declined to comment on the reports.",
    "The project, launched {small} years ago, is badly behind schedule, according to {source}.",
    "Talks will resume {day}, {source} said.",
    "{who} said the measure would not be enough to reassure residents.",
]


def _background(rng: random.Random, templates: list[str], slots: dict[str, list[str]]) -> str:
    values = {key: rng.choice(options) for key, options in slots.items()}
    values["who_lower"] = values["who"][:1].lower() + values["who"][1:]
    numbers = {"n": rng.randrange(12, 4000), "pct": rng.randrange(2, 40), "small": rng.randrange(2, 9)}
    values["what"] = values["what"].format(**numbers)
    return rng.choice(templates).format(**values, **numbers)


def _country_sentences(rng: random.Random, lang: str, number: int) -> tuple[str, list[str]]:
    """The title and the article's country sentences, first the lead."""
    actors, cues, states, when = (FR_ACTORS, FR_CUES, FR_STATES, FR_WHEN) if lang == "fr" else (
        EN_ACTORS, EN_CUES, EN_STATES, EN_WHEN)
    (a, a_city), (b, b_city), (c, c_city) = rng.sample(actors, 3)
    if lang == "fr":
        title = f"{a_city} et {b_city} : {rng.choice(FR_TITLES)} (dépêche {number})"
        pool = [
            f"Les relations entre {a_city} et {b_city} {rng.choice(states)} depuis l'an dernier.",
            f"Le ministre des affaires étrangères de {a_city} a rencontré son homologue à {b_city} {rng.choice(when)}.",
            f"Les deux pays {rng.choice(cues)}, a indiqué un diplomate.",
            f"Par ailleurs, {c_city} et {a_city} {rng.choice(cues)}.",
            f"Interrogé sur les relations avec {c}, un porte-parole à {b_city} a estimé qu'elles {rng.choice(states)}.",
        ]
        lead = f"{_upper_first(a)} et {b} {rng.choice(cues)} {rng.choice(when)}, selon la dépêche numéro {number}."
    else:
        title = f"{a_city} and {b_city}: {rng.choice(EN_TITLES)} (dispatch {number})"
        pool = [
            f"Relations between {a_city} and {b_city} {rng.choice(states)} since last year.",
            f"The foreign minister of {a} met his counterpart in {b_city} {rng.choice(when)}.",
            f"Both countries {rng.choice(cues)}, a diplomat said.",
            f"Separately, {c_city} and {a_city} {rng.choice(cues)}.",
            f"Asked about relations with {c}, a spokesman in {b_city} said they {rng.choice(states)}.",
        ]
        lead = f"{_upper_first(a)} and {b} {rng.choice(cues)} {rng.choice(when)}, according to dispatch number {number}."
    return title, [lead, *rng.sample(pool, rng.randint(2, 5))]


def realistic_article(rng: random.Random, number: int, lang: str) -> tuple[str, str]:
    templates, slots = (FR_BACKGROUND, FR_SLOTS) if lang == "fr" else (EN_BACKGROUND, EN_SLOTS)
    title, country = _country_sentences(rng, lang, number)
    total = rng.randint(15, 25)
    # The lead opens the article; the other country sentences fall anywhere after it, in order.
    places = {0, *rng.sample(range(1, total), len(country) - 1)}
    queue = iter(country)
    sentences = [next(queue) if i in places else _background(rng, templates, slots) for i in range(total)]
    paragraphs = []
    while sentences:
        size = rng.choice([1, 1, 2, 2, 2, 3, 3, 4])
        paragraphs.append(" ".join(sentences[:size]))
        sentences = sentences[size:]
    published = START + timedelta(days=rng.randrange(DAYS))
    return _with_header(title, published, lang, paragraphs)


def write_realistic_corpus(folder: Path, articles: int, *, seed: int = 7) -> list[Path]:
    """Write the articles (two French for one English) and return their paths."""
    rng = random.Random(seed)
    paths = []
    for number in range(articles):
        lang, text = realistic_article(rng, number, "en" if number % 3 == 2 else "fr")
        sub = folder / f"part{number // FILES_PER_FOLDER:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{number:06d}_{lang}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = write_realistic_corpus(args.folder, args.articles, seed=args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} invented articles ({size / len(paths) / 1024:.1f} KB each) under {args.folder}")


if __name__ == "__main__":
    main()
