"""The notebook API (tracker.open) on corpus/: the same numbers as `tracker timeline --csv`,
`tracker export --format csv`, `tracker pairs --json` and the dashboard's figure and sentence panel."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import tracker
from dashboard import data
from dashboard.charts import timeline_chart
from dashboard.state import TimelineState, pair_label
from tracker.cli import cli
from tracker.periods import period_range
from tracker.records import ScoredArticle
from tracker.store.evidence import article as stored_article
from tracker.store.queries import TIMELINE_COLUMNS

PAIR = "RUS-USA"  # the seed's pair
CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def db(ingested_corpus):
    with tracker.open(ingested_corpus) as opened:
        yield opened


def run(db_path: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db_path, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_import_tracker_loads_no_heavy_library():
    code = ("import sys, tracker; print(sorted(m for m in ('pandas', 'spacy', 'dash', 'plotly', 'sqlalchemy')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(("freq", "start", "end"), [
    ("M", None, None), ("W", None, None), ("D", None, None), ("W", "2023-03-01", "2024-12-20"),
])
def test_timeline_equals_the_cli_csv(db, ingested_corpus, tmp_path, freq, start, end):
    out = tmp_path / "timeline.csv"
    dates = [*(["--from", start] if start else []), *(["--to", end] if end else [])]
    run(ingested_corpus, "timeline", "Russie-États-Unis", "--freq", freq, *dates, "--csv", str(out))
    cli_table = pd.read_csv(out, parse_dates=["period"])[TIMELINE_COLUMNS]
    ours = db.timeline("usa-rus", freq=freq, start=start, end=end)
    assert len(ours) > 0
    pd.testing.assert_frame_equal(ours, cli_table, check_dtype=False)


def test_timeline_of_several_pairs_equals_the_export_csv(db, ingested_corpus, tmp_path):
    out = tmp_path / "export.csv"
    run(ingested_corpus, "export", PAIR, "DZA-FRA", "--format", "csv", "--freq", "M", "--out", str(out))
    exported = pd.read_csv(out, parse_dates=["period"])
    ours = db.timeline([PAIR, ("FRA", "DZA")], freq="M")
    key = ["pair", "period"]
    merged = ours.merge(exported, on=key, suffixes=("", "_csv"), validate="one_to_one")
    assert len(merged) == len(ours) == len(exported)
    for column in ("tension", "n_obs", "n_articles", "low", "high"):
        assert (merged[column] == merged[f"{column}_csv"]).all(), column


def test_timeline_equals_the_dashboard_figure(db, ingested_corpus):
    state = TimelineState((PAIR,), date(2023, 1, 1), None, "M", 1, "en")
    ours = db.timeline(PAIR, freq="M", start="2023-01-01")
    chart = timeline_chart(db.engine, state)
    pd.testing.assert_frame_equal(ours, chart.table[TIMELINE_COLUMNS])
    # The points (the line beside them is broken at empty periods); the chart sends float32 values.
    points = next(t for t in chart.figure.data
                  if t.name == pair_label(PAIR) and t.type == "scatter" and t.customdata is not None)
    volume = next(t for t in chart.figure.data if (t.name or "").endswith(" volume"))
    np.testing.assert_allclose(np.asarray(points.y, dtype=float), ours["tension"].to_numpy(float), atol=1e-5)
    periods = list(ours["period"].dt.strftime("%Y-%m-%d"))
    assert list(points.x) == periods
    steps = dict(zip(volume.x, volume.y, strict=True))  # each period's level (and zeros after runs)
    assert [steps[p] for p in periods] == list(ours["n_obs"])


def test_pairs_equal_the_cli_json(db, ingested_corpus):
    cli_rows = json.loads(run(ingested_corpus, "pairs", "--json"))
    ours = db.pairs()
    assert list(ours["pair"]) == [r["pair"] for r in cli_rows]
    assert list(ours["n_obs"]) == [r["observations"] for r in cli_rows]
    assert list(ours["tension"]) == [r["mean_tension"] for r in cli_rows]
    assert [d.isoformat() for d in ours["last"]] == [r["last_date"] for r in cli_rows]


def test_sentences_are_the_dashboards_panel_for_each_point(db):
    table = db.timeline(PAIR, freq="M")
    for row in table.itertuples():
        first, last = period_range(row.period.date(), "M")
        ours = db.sentences(PAIR, first, last)
        panel, total = data.observations_in_period(db.engine, PAIR, first, last)
        assert len(ours) == total == row.n_obs
        assert set(ours["observation_id"]) == set(panel["observation_id"])
        by_id = ours.set_index("observation_id")
        for p in panel.itertuples():
            assert by_id.loc[p.observation_id, "score"] == p.score
            assert by_id.loc[p.observation_id, "sentence"] == p.sentence
            assert by_id.loc[p.observation_id, "outlet"] == p.outlet
        cues = data.cues_for(db.engine, list(panel["observation_id"]))
        for obs_id, group in cues.groupby("observation_id"):
            assert [c["text"] for c in by_id.loc[obs_id, "cues"]] == list(group["text"])
            assert [c["weight"] for c in by_id.loc[obs_id, "cues"]] == list(group["weight"])


def test_observations_and_articles_add_up_to_the_timeline(db):
    table = db.timeline(PAIR, freq="M")
    assert len(db.observations(PAIR)) == table["n_obs"].sum()
    for row in table.itertuples():
        first, last = period_range(row.period.date(), "M")
        arts = db.articles(PAIR, first, last)
        assert len(arts) == row.n_articles
        assert arts["n_obs"].sum() == row.n_obs
        # The period's tension is the mean of the article means.
        assert arts["mean_score"].mean() == pytest.approx(row.tension, abs=5e-4)
    everything = db.articles()
    assert len(everything) == len(list(CORPUS.rglob("*.txt")))


def test_score_text_scores_as_the_ingest_stored(db):
    """The seed, scored again without storing, gives the observations ingest stored for it."""
    seed = db.articles(PAIR, "2017-04-12", "2017-04-12").iloc[0]
    stored = stored_article(db.engine, int(seed["article_id"]))
    assert stored is not None
    scored = db.score_text(stored["text"], lang="fr", published=seed["published"])
    assert isinstance(scored.attrs["scored"], ScoredArticle)
    kept = db.sentences(PAIR, "2017-01-01", "2017-12-31")
    ours = scored[scored["pair"] == PAIR]
    assert list(ours["sentence_index"]) == list(kept["sentence_index"])
    assert list(ours["score"]) == list(kept["score"])
    assert list(ours["cue_phrases"]) == list(kept["cue_phrases"])


def test_score_text_of_an_invented_sentence(db):
    text = "Invented test sentence: Moscou et Washington ont signé jeudi un accord de coopération."
    scored = db.score_text(text, lang="fr", published="2024-05-17")
    assert list(scored["pair"]) == [PAIR]
    row = scored.iloc[0]
    assert row["score"] < 0 and row["event_date"] == pd.Timestamp("2024-05-16")
    assert row["cue_phrases"] and row["published"] == pd.Timestamp("2024-05-17")


def test_bad_input_says_what_to_write(db):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        db.timeline(PAIR, start="last week")
    with pytest.raises(ValueError, match="RUS-USA"):
        db.sentences("Russia")
    with pytest.raises(ValueError, match="D \\(day\\), W \\(week\\) or M \\(month\\)"):
        db.timeline(PAIR, freq="Y")


def test_a_tuple_is_one_pair_and_a_list_several(db):
    assert list(db.timeline(("USA", "RUS"), freq="M")["pair"].unique()) == [PAIR]
    assert set(db.timeline([PAIR, "DZA-FRA"], freq="M")["pair"]) == {PAIR, "DZA-FRA"}
    with pytest.raises(ValueError, match="give several pairs as a list"):
        db.observations(("RUS-USA", "DZA-FRA"))


def test_the_api_reads_postgresql_as_sqlite(db_url):
    """The invented sample (dashboard/sample.py) on each backend: the evidence adds up to the numbers."""
    from dashboard.sample import fill_sample, sample_articles
    from tracker.store.evidence import strongest

    with tracker.open(db_url) as sample:
        fill_sample(sample.engine)
        pair = sample.pairs().iloc[0]["pair"]
        table = sample.timeline(pair, freq="M")
        assert len(sample.observations(pair)) == table["n_obs"].sum() == len(sample.sentences(pair))
        for row in table.itertuples():
            first, last = period_range(row.period.date(), "M")
            assert len(sample.articles(pair, first, last)) == row.n_articles
        top = strongest(sample.engine, pair, None, None, per_side=2)
        assert not top.empty and not top.duplicated(["side", "article_id"]).any()
        assert (top[top["side"] == "tension"]["score"] > 0).all()
        assert len(sample.articles()) == len(sample_articles())
