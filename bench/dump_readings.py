"""Every reading of the scorer on the corpus and every gold file, as JSON lines, to compare two versions.

    .venv/bin/python bench/dump_readings.py OUT.jsonl
    .venv/bin/python bench/dump_readings.py OUT.jsonl --batch 8   # scored 8 at a time, as the pool's tasks
    diff <(before) <(after)   # a refactoring or speed change must leave this file identical

One line per article (corpus files, then each gold line read as the gate reads it): the ScoredArticle
with every sentence's mentions, pairs, cues, dates and observations.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_gate import article_for, load_gold  # noqa: E402

from tracker.readers import read_file  # noqa: E402
from tracker.records import Article  # noqa: E402
from tracker.scorer.pipeline import score_article, score_articles  # noqa: E402


def _articles():
    for path in sorted((ROOT / "corpus").rglob("*.txt")):
        for item in read_file(path):
            if isinstance(item, Article):
                yield str(path.relative_to(ROOT)), dataclasses.replace(item, source_path=None)
    for gold in sorted((ROOT / "tests" / "gold").glob("*.jsonl")):
        for record in load_gold(gold):
            yield f"{gold.name}:{record['id']}", article_for(record)[0]


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value))


def main(out: str, batch: int = 1) -> None:
    named = list(_articles())
    with open(out, "w", encoding="utf-8") as f:
        for start in range(0, len(named), batch):
            group = named[start : start + batch]
            results = [score_article(a) for _, a in group] if batch == 1 else score_articles([a for _, a in group])
            for (name, _), result in zip(group, results, strict=True):
                if isinstance(result, Exception):
                    raise result
                scored = dataclasses.asdict(result)
                f.write(json.dumps({"name": name, "scored": scored}, default=_plain, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="the JSON lines file to write")
    parser.add_argument("--batch", type=int, default=1, help="articles scored together, as the pool's tasks")
    args = parser.parse_args()
    main(args.out, args.batch)
