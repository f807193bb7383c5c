"""Write N invented news articles (French and English) into a folder, for bench/ingest.py.

Every article is marked as invented (a `Note: invented example, not real reporting` header line and
an outlet saying so); none pretends to be real reporting. They are built from templates so the
scorer meets what real articles give it: several country pairs per article, named by country,
capital, demonym or institution, tension and cooperation cue phrases, dates in the header and
relative dates in the text, and sentences with no country at all. Each article carries its
number in the text, so no two are duplicates. About 1.5 KB each, like a short news report.

Usage:
    .venv/bin/python bench/make_corpus.py FOLDER [--articles 1000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

OUTLET = "invented benchmark corpus (not real reporting)"
START, DAYS = date(2015, 1, 1), 11 * 365
FILES_PER_FOLDER = 1000  # folders of a thousand files, as an archive export would give

# (how the first sentence names the country, how later sentences name it)
FR_ACTORS = [
    ("la Russie", "Moscou"), ("les États-Unis", "Washington"), ("la Chine", "Pékin"),
    ("la France", "Paris"), ("l'Algérie", "Alger"), ("le Japon", "Tokyo"), ("l'Inde", "New Delhi"),
    ("la Turquie", "Ankara"), ("la Grèce", "Athènes"), ("le Royaume-Uni", "Londres"),
    ("l'Allemagne", "Berlin"), ("l'Iran", "Téhéran"), ("le Maroc", "Rabat"), ("l'Ukraine", "Kiev"),
]
EN_ACTORS = [
    ("Russia", "Moscow"), ("the United States", "Washington"), ("China", "Beijing"),
    ("France", "Paris"), ("Japan", "Tokyo"), ("India", "New Delhi"), ("Turkey", "Ankara"),
    ("Greece", "Athens"), ("Britain", "London"), ("Germany", "Berlin"), ("Iran", "Tehran"),
    ("Pakistan", "Islamabad"), ("South Korea", "Seoul"), ("Ukraine", "Kyiv"),
]
FR_CUES = [
    "ont signé un accord de coopération", "se livrent une guerre des mots", "ont tenu des consultations",
    "affichent de profondes divergences", "ont annoncé de nouvelles sanctions", "ont renforcé leur partenariat",
    "ont échangé des accusations", "ont convenu de relancer le dialogue", "ont rappelé leurs ambassadeurs",
]
FR_STATES = ["se sont nettement dégradées", "se sont améliorées", "restent tendues", "ne se sont pas améliorées"]
FR_WHEN = ["mercredi", "lundi", "la semaine dernière", "il y a deux jours", "jeudi soir", "plus tôt dans la journée"]
EN_CUES = [
    "signed a cooperation agreement", "traded accusations", "held talks", "voiced deep disagreements",
    "imposed new sanctions", "agreed to deepen cooperation", "expelled diplomats", "pledged joint aid",
    "warned of retaliation",
]
EN_STATES = ["have sharply deteriorated", "have improved", "remain tense", "have not improved"]
EN_WHEN = ["on Wednesday", "on Monday", "last week", "two days ago", "on Thursday evening", "earlier in the day"]

FR_FILLER = [
    "Les observateurs attendent la suite des discussions, prévue dans les prochaines semaines.",
    "Le communiqué publié à l'issue de la réunion ne donne pas de calendrier précis.",
    "Plusieurs experts interrogés jugent la situation difficile à lire.",
    "La presse locale a largement commenté la déclaration du porte-parole.",
    "Aucune date n'a encore été fixée pour une nouvelle rencontre au niveau ministériel.",
    "Le porte-parole du gouvernement a refusé de commenter ces informations devant la presse.",
    "Selon un conseiller, le dossier sera de nouveau abordé lors du prochain sommet régional.",
    "Les milieux d'affaires suivent de près l'évolution des échanges commerciaux entre les capitales.",
    "Un haut fonctionnaire a rappelé que plusieurs accords techniques restent en discussion.",
    "Les chancelleries européennes se sont montrées prudentes dans leurs premières réactions.",
]
FR_TITLES = ["nouvelles tensions", "un accord en vue", "la crise diplomatique s'enlise", "reprise du dialogue",
             "sanctions et représailles", "vers une normalisation", "la guerre des mots continue"]
EN_FILLER = [
    "Observers expect the discussions to continue in the coming weeks.",
    "The statement released after the meeting gave no precise timetable.",
    "Several analysts said the situation was hard to read.",
    "Local newspapers gave the spokesman's remarks wide coverage.",
    "No date has yet been set for another meeting at ministerial level.",
    "A government spokesman declined to comment on the reports at a news conference.",
    "According to an adviser, the file will be raised again at the next regional summit.",
    "Business leaders are watching trade between the two capitals closely.",
    "A senior official said several technical agreements were still under discussion.",
    "European foreign ministries were cautious in their first reactions.",
]
EN_TITLES = ["new tensions", "a deal in sight", "diplomatic crisis drags on", "talks resume",
             "sanctions and retaliation", "towards normal ties", "war of words goes on"]


def french_article(rng: random.Random, number: int) -> tuple[str, str]:
    (a, a_city), (b, b_city), (c, c_city) = rng.sample(FR_ACTORS, 3)
    filler = iter(rng.sample(FR_FILLER, 9))
    published = START + timedelta(days=rng.randrange(DAYS))
    title = f"{a_city} et {b_city} : {rng.choice(FR_TITLES)} (dépêche {number})"
    paragraphs = [
        f"{_upper_first(a)} et {b} {rng.choice(FR_CUES)} {rng.choice(FR_WHEN)}, selon la dépêche numéro {number}. "
        f"{next(filler)}",
        f"Les relations entre {a_city} et {b_city} {rng.choice(FR_STATES)} depuis l'an dernier. "
        f"{next(filler)} {next(filler)}",
        f"Le ministre des affaires étrangères de {a_city} a rencontré son homologue à {b_city} {rng.choice(FR_WHEN)}. "
        f"Les deux pays {rng.choice(FR_CUES)}, a indiqué un diplomate. {next(filler)}",
        f"Par ailleurs, {c_city} et {a_city} {rng.choice(FR_CUES)}. {next(filler)}",
        f"Interrogé sur les relations avec {c}, un porte-parole à {b_city} a estimé qu'elles {rng.choice(FR_STATES)}. "
        f"{next(filler)} {next(filler)}",
        f"{next(filler)} {next(filler)}",
    ]
    return _with_header(title, published, "fr", paragraphs)


def english_article(rng: random.Random, number: int) -> tuple[str, str]:
    (a, a_city), (b, b_city), (c, c_city) = rng.sample(EN_ACTORS, 3)
    filler = iter(rng.sample(EN_FILLER, 9))
    published = START + timedelta(days=rng.randrange(DAYS))
    title = f"{a_city} and {b_city}: {rng.choice(EN_TITLES)} (dispatch {number})"
    paragraphs = [
        f"{_upper_first(a)} and {b} {rng.choice(EN_CUES)} {rng.choice(EN_WHEN)}, according to dispatch number {number}. "
        f"{next(filler)}",
        f"Relations between {a_city} and {b_city} {rng.choice(EN_STATES)} since last year. "
        f"{next(filler)} {next(filler)}",
        f"The foreign minister of {a} met his counterpart in {b_city} {rng.choice(EN_WHEN)}. "
        f"Both countries {rng.choice(EN_CUES)}, a diplomat said. {next(filler)}",
        f"Separately, {c_city} and {a_city} {rng.choice(EN_CUES)}. {next(filler)}",
        f"Asked about relations with {c}, a spokesman in {b_city} said they {rng.choice(EN_STATES)}. "
        f"{next(filler)} {next(filler)}",
        f"{next(filler)} {next(filler)}",
    ]
    return _with_header(title, published, "en", paragraphs)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _with_header(title: str, published: date, lang: str, paragraphs: list[str]) -> tuple[str, str]:
    header = (
        f"Title: {title}\nDate: {published.isoformat()}\nLanguage: {lang}\nSource: {OUTLET}\n"
        "Note: invented example, not real reporting\n\n"
    )
    return lang, header + "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, articles: int, *, seed: int = 7) -> list[Path]:
    """Write the articles (two French for one English) and return their paths."""
    rng = random.Random(seed)
    paths = []
    for number in range(articles):
        lang, text = (english_article if number % 3 == 2 else french_article)(rng, number)
        sub = folder / f"part{number // FILES_PER_FOLDER:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{number:06d}_{lang}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = write_corpus(args.folder, args.articles, seed=args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} invented articles ({size / len(paths) / 1024:.1f} KB each) under {args.folder}")


if __name__ == "__main__":
    main()
