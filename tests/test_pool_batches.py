"""Articles scored in batches (tracker.scorer.pipeline.score_articles, the pool's tasks): each
article reads as if scored alone, in order, and one bad article is only its own outcome."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from test_parallel import CountingBackend, snapshot

from tracker.ingest.inprocess import REJECTED, STORED, expand_paths, ingest_paths
from tracker.ingest.pool import run_ordered
from tracker.readers import read_file
from tracker.records import Article, ScoredArticle
from tracker.scorer import nlp
from tracker.scorer.pipeline import ScoringError, score_article, score_articles
from tracker.store import open_store

ROOT = Path(__file__).resolve().parents[1]

# Invented examples, not real reporting.
FR = ("Paris et Alger ont signé mercredi un accord de coopération.\n\n"
      "Le temps était doux sur la côte. Les marchés ont peu bougé.\n\n"
      "Les relations entre les deux pays se sont pourtant dégradées depuis l'automne.")
EN = ("London and Moscow traded accusations on Tuesday.\n\n"
      "The weather stayed mild. Markets barely moved.\n\n"
      "Beijing and Washington agreed to deepen cooperation.")


def article(text: str, language: str | None = "fr", title: str | None = None, published: date | None = date(2023, 3, 1)):
    return Article(text=text, title=title, language=language, published=published,
                   published_source="header" if published else "none")


def test_a_batch_reads_each_article_as_alone_and_keeps_a_failure_its_own():
    long_text = "\n\n".join([FR] * 120)  # several chunks: scored alone, in bounded memory
    articles = [
        article(FR, title="Paris et Alger"),
        article(EN, language="en"),
        article("Berlin und Paris haben ein Abkommen unterzeichnet.", language="de"),  # a language not read
        article(FR.replace("Paris", "Rome")),
        article("Paris et Londres se parlent.", published=None),  # no date anywhere
        article(long_text),
        article(EN, language="en", title="London and Moscow"),
    ]
    results = score_articles(articles)
    assert len(results) == len(articles)
    for given, result in zip(articles, results, strict=True):
        if given.language == "de" or given.published is None:
            assert isinstance(result, ScoringError)
            with pytest.raises(ScoringError, match=str(result)[:40]):
                score_article(given)
        else:
            assert result == score_article(given)
    first, second = results[0], results[1]
    assert isinstance(first, ScoredArticle) and isinstance(second, ScoredArticle)
    assert first.observations and second.observations


def test_the_windows_of_several_real_articles_parsed_in_one_call_read_as_each_article_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo corpus (corpus/: the real seed article and the invented reports), French and English
    interleaved, scored 8 at a time: each batch parses the windows of all its articles in one nlp.pipe
    call per language, and every reading is the one the article gets scored alone
    (bench/dump_readings.py --batch 8 checks the gold files too)."""
    by_lang: dict[str, list[Article]] = {}
    for path in sorted((ROOT / "corpus").rglob("*.txt")):
        for item in read_file(path):
            if isinstance(item, Article):
                by_lang.setdefault(path.relative_to(ROOT / "corpus").parts[0], []).append(item)
    fr, en = by_lang["fr"], by_lang["en"]
    articles = [a for pair in zip(fr, en, strict=False) for a in pair] + fr[len(en):] + en[len(fr):]
    assert len(articles) >= 16
    alone = [score_article(a) for a in articles]

    calls: list[int] = []  # the docs (windows) handed to each call
    parse = nlp.parse

    def counted(lang: str, docs: list) -> list:
        calls.append(len(docs))
        return parse(lang, docs)

    monkeypatch.setattr(nlp, "parse", counted)
    batched = [r for start in range(0, len(articles), 8) for r in score_articles(articles[start:start + 8])]
    # one call per language per batch, not one per article or window
    assert len(calls) <= 2 * -(-len(articles) // 8) < len(articles)
    assert max(calls) > 8
    assert batched == alone
    assert all(isinstance(r, ScoredArticle) for r in batched)


def jsonl_records(count: int, *, bad: int, copy_of: tuple[int, int]) -> list[dict]:
    records = [{"title": f"Note {n}", "date": "2021-06-01", "language": "en", "invented": True,
                "text": f"London and Paris signed a defence agreement on Friday, in note number {n}."}
               for n in range(1, count + 1)]
    del records[bad - 1]["language"]  # detected from the text: German, a language the scorer does not read
    records[bad - 1]["text"] = ("Berlin und Paris haben am Mittwoch in der Hauptstadt ein neues Abkommen über die "
                                "Zusammenarbeit unterzeichnet, teilte die Regierung mit.")
    copy, original = copy_of
    records[copy - 1]["text"] = records[original - 1]["text"]
    return records


def test_pool_batches_write_in_order_with_a_bad_article_among_good_ones(tmp_path):
    # Record 6 is in a language the scorer does not read; record 9 repeats record 2's text.
    records = jsonl_records(11, bad=6, copy_of=(9, 2))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "notes.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    with open_store(tmp_path / "single.db") as store:
        expected = ingest_paths([inbox], store, progress=False)
        expected_rows = snapshot(store)

    with open_store(tmp_path / "pool.db") as store:
        backend = CountingBackend(store, workers=2)
        try:
            files, problems = expand_paths([inbox])
            report = run_ordered(files, problems, store, backend, progress=False, batch=(10**6, 4))
        finally:
            backend.close()
        rows = snapshot(store)

    assert backend.batches == [4, 4, 2]  # the copy waits for its original's outcome, never sent
    assert report.outcomes == expected.outcomes
    assert rows == expected_rows
    assert [o.record for o in report.outcomes] == [f"article {n}" for n in range(1, 12)]
    assert [o.outcome for o in report.outcomes].count(STORED) == 9
    rejected = report.outcomes[5]
    assert rejected.outcome == REJECTED and "language" in rejected.reason
    assert report.outcomes[8].reason == f"already stored as article {report.outcomes[1].article_id}"


def test_alternating_languages_fill_a_batch_per_language_written_in_order(tmp_path):
    # Invented notes in the order fr, fr, en, fr, fr, en, ...: cut at each change of language, the
    # batches were 2, 1, 2, 1, ... articles; filled per language, a full batch sends the batches
    # begun before it, so they leave in the order their first articles were read.
    records = []
    for n in range(1, 13):
        if n % 3 == 0:
            records.append({"title": f"Note {n}", "date": "2021-06-01", "language": "en", "invented": True,
                            "text": f"London and Paris signed a defence agreement on Friday, in note number {n}."})
        else:
            records.append({"title": f"Note {n}", "date": "2021-06-01", "language": "fr", "invented": True,
                            "text": f"Paris et Alger ont signé vendredi un accord de défense, selon la note {n}."})
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "notes.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    with open_store(tmp_path / "single.db") as store:
        expected = ingest_paths([inbox], store, progress=False)
        expected_rows = snapshot(store)

    with open_store(tmp_path / "pool.db") as store:
        backend = CountingBackend(store, workers=2)
        try:
            files, problems = expand_paths([inbox])
            report = run_ordered(files, problems, store, backend, progress=False, batch=(10**6, 4))
        finally:
            backend.close()
        rows = snapshot(store)

    # fr 1, 2, 4, 5; then en 3, 6, 9 (begun before the next fr batch, full at 11); fr 7, 8, 10, 11; en 12.
    assert backend.batches == [4, 3, 4, 1]
    assert [o.outcome for o in report.outcomes] == [STORED] * 12
    assert report.outcomes == expected.outcomes
    assert rows == expected_rows
