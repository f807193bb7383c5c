"""Generate a synthetic database of about 1,000,000 observations over the real schema, for bench/dashboard.py.

Everything it writes is marked as synthetic: ``articles.outlet = 'synthetic benchmark data'``,
``is_example`` set, titles and text saying so. The shape imitates a large real archive: pairs
with very different volumes (a few busy pairs, a long tail), articles of 1-20 observations mostly on
their main pair, a tension level per pair that drifts over the years, one or two cues per sentence.

Usage:
    .venv/bin/python bench/make_synthetic.py /tmp/bench.db [--observations 1000000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from tracker.records import content_hash
from tracker.store.db import create_store_engine, migrate, resolve_url
from tracker.store.schema import articles, cues, observations, sentences

SYNTHETIC_OUTLET = "synthetic benchmark data"
COUNTRIES = ["USA", "RUS", "CHN", "FRA", "GBR", "DEU", "UKR", "IRN", "ISR", "TUR", "IND", "PAK",
             "JPN", "KOR", "PRK", "DZA", "MAR", "SAU", "SYR", "GRC", "BRA", "ZAF"]
START, END = date(2014, 1, 1), date(2025, 12, 31)
CUES = [("sanctions", 7.0, "material conflict"), ("war of words", 5.0, "verbal conflict"),
        ("tense climate", 3.5, "verbal conflict"), ("disagreement", 2.5, "verbal conflict"),
        ("talks", -2.0, "consultation"), ("agreement", -5.0, "diplomatic cooperation"),
        ("alliance", -8.0, "material cooperation")]
BATCH_ARTICLES = 2000


def pick_pairs(rng: random.Random, n: int) -> list[str]:
    pairs: set[str] = set()
    while len(pairs) < n:
        a, b = rng.sample(COUNTRIES, 2)
        pairs.add("-".join(sorted((a, b))))
    return sorted(pairs)


def generate(db: str, n_observations: int, seed: int) -> None:
    rng = random.Random(seed)
    engine = create_store_engine(resolve_url(db))
    migrate(engine)
    pairs = pick_pairs(rng, 80)
    rng.shuffle(pairs)
    # Zipf-like volumes: the busiest pair gets about a sixth of everything.
    volume = [1.0 / (rank + 1) for rank in range(len(pairs))]
    # A per-pair tension level that drifts: 24 anchor values over the span, interpolated by day.
    anchors = {p: [rng.uniform(-6, 7) for _ in range(25)] for p in pairs}
    span_days = (END - START).days

    def level(pair: str, day: date) -> float:
        x = (day - START).days / span_days * 24
        i = min(int(x), 23)
        a, b = anchors[pair][i], anchors[pair][i + 1]
        return a + (b - a) * (x - i)

    now = datetime.now(UTC).replace(tzinfo=None)
    made = 0
    article_no = 0
    started = time.perf_counter()
    with engine.begin() as conn:
        next_article = (conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM articles").scalar() or 0) + 1
        next_sentence = (conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM sentences").scalar() or 0) + 1
        next_obs = (conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM observations").scalar() or 0) + 1
    while made < n_observations:
        art_rows, sent_rows, obs_rows, cue_rows = [], [], [], []
        for _ in range(BATCH_ARTICLES):
            if made >= n_observations:
                break
            article_no += 1
            main = rng.choices(pairs, weights=volume)[0]
            published = START + timedelta(days=int(rng.triangular(0, span_days, span_days * 0.8)))
            n_obs = min(n_observations - made, max(1, int(rng.expovariate(1 / 10))), 40)
            text_parts, offset = [], 0
            aid = next_article
            next_article += 1
            for idx in range(n_obs):
                pair = main if rng.random() < 0.85 else rng.choices(pairs, weights=volume)[0]
                day = published - timedelta(days=rng.choice([0, 0, 0, 0, 1, 2, 7, 30]))
                chosen = rng.sample(CUES, rng.choice([1, 1, 2]))
                words = " and ".join(c[0] for c in chosen)
                sentence = f"Synthetic sentence {idx} of benchmark article {article_no}: {pair} {words}."
                start = offset
                offset += len(sentence) + 1
                text_parts.append(sentence)
                sid = next_sentence
                next_sentence += 1
                sent_rows.append({"id": sid, "article_id": aid, "idx": idx, "start_char": start,
                                  "end_char": start + len(sentence), "text": sentence, "language": "en",
                                  "pairs": pair})
                score = max(-10.0, min(10.0, round(level(pair, day) + rng.gauss(0, 2.0), 2)))
                oid = next_obs
                next_obs += 1
                a, b = pair.split("-")
                obs_rows.append({"id": oid, "article_id": aid, "sentence_id": sid, "pair": pair,
                                 "country_a": a, "country_b": b, "event_date": day, "precision": "day",
                                 "date_expression": "" if day == published else "synthetic date",
                                 "score": score})
                at = sentence.index(words)
                for phrase, weight, category in chosen:
                    pos = sentence.index(phrase, at)
                    cue_rows.append({"observation_id": oid, "start_char": start + pos,
                                     "end_char": start + pos + len(phrase), "text": phrase, "pattern": phrase,
                                     "category": category, "base_weight": weight, "weight": weight,
                                     "modifiers": ""})
                made += 1
            body = " ".join(text_parts)
            art_rows.append({"id": aid, "key": content_hash(f"synthetic {seed} {article_no}"),
                             "title": f"Synthetic benchmark article {article_no} ({main})", "url": None,
                             "outlet": SYNTHETIC_OUTLET, "language": "en", "published": published,
                             "published_source": "header", "source_path": None, "is_example": True,
                             "main_pair": main, "text": body, "added_at": now, "lexicon_version": "synthetic"})
        with engine.begin() as conn:
            conn.execute(insert(articles), art_rows)
            conn.execute(insert(sentences), sent_rows)
            conn.execute(insert(observations), obs_rows)
            conn.execute(insert(cues), cue_rows)
        print(f"\r{made:,} observations, {article_no:,} articles, {time.perf_counter() - started:.0f} s",
              end="", file=sys.stderr)
    print(file=sys.stderr)
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", help="database file or URL (a new file is best)")
    parser.add_argument("--observations", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if Path(args.db).exists() and "://" not in args.db:
        print(f"note: adding to the existing database {args.db}", file=sys.stderr)
    generate(args.db, args.observations, args.seed)


if __name__ == "__main__":
    main()
