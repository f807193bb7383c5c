"""The dashboard's data access on real SQLite files: the numbers it shows are tracker timeline's numbers."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pandas as pd
import pytest
from sqlalchemy import text

from dashboard import data
from dashboard.sample import (
    SampleArticle,
    SampleCue,
    SampleObservation,
    SampleSentence,
    fill_sample,
    insert_article,
)
from tracker.periods import period_starts
from tracker.scorer.scoring import period_table
from tracker.store import open_store, queries


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("dash") / "sample.db"))
    fill_sample(store.engine)
    yield store
    store.close()


def _random_articles(seed: int, n_articles: int) -> list[SampleArticle]:
    rng = random.Random(seed)
    cue = SampleCue("tension", 1.0)
    pairs = ["RUS-USA", "CHN-USA", "DZA-FRA"]
    out = []
    for i in range(n_articles):
        published = date(2022, 1, 1) + timedelta(days=rng.randrange(400))
        sentences = []
        for j in range(rng.randint(1, 6)):
            pair = rng.choice(pairs)
            day = published - timedelta(days=rng.choice([0, 0, 1, 3, 9, 40]))
            score = round(rng.uniform(-9, 9), 2)
            sentences.append(
                SampleSentence(f"Sentence {j} about tension, article {i}.", (SampleObservation(pair, day, (cue,), score),))
            )
        out.append(SampleArticle(f"Random article {i}", published, tuple(sentences)))
    return out


@pytest.fixture(scope="module")
def random_store(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("dash") / "random.db"))
    for art in _random_articles(seed=3, n_articles=120):
        insert_article(store.engine, art)
    yield store
    store.close()


def _reference(store, pair: str, freq: str, start=None, end=None) -> pd.DataFrame:
    """The period formula on the pair's raw observations in the range (scoring.period_table): the check
    on the aggregate tables the one read path uses."""
    obs = queries.pair_observations(store.engine, pair, start, end)
    return period_table(obs[["article_id", "event_date", "score"]], freq)


def _assert_same(ours: pd.DataFrame, ref: pd.DataFrame) -> None:
    assert len(ours) == len(ref)
    assert list(ours["period"]) == list(pd.to_datetime(ref["period"]))
    assert list(ours["n_obs"]) == list(ref["n_obs"])
    assert list(ours["n_articles"]) == list(ref["n_articles"])
    for col in ("tension", "low", "high"):
        assert ours[col].to_numpy() == pytest.approx(ref[col].astype(float).to_numpy(), abs=1.01e-3), col


@pytest.mark.parametrize("freq", ["D", "W", "M"])
@pytest.mark.parametrize("pair", ["RUS-USA", "CHN-USA", "DZA-FRA"])
def test_timeline_equals_period_table_over_all_time(random_store, pair, freq):
    ours = data.timeline(random_store.engine, [pair], freq)
    assert len(ours) > 3
    _assert_same(ours.reset_index(drop=True), _reference(random_store, pair, freq))


@pytest.mark.parametrize("freq", ["D", "W", "M"])
@pytest.mark.parametrize(
    "start,end",
    [
        (date(2022, 3, 16), date(2022, 9, 13)),  # both ends cut a week and a month
        (date(2022, 3, 1), date(2022, 5, 31)),  # whole months
        (date(2022, 3, 14), None),  # a Monday, open end
        (None, date(2022, 6, 2)),
        (date(2022, 5, 3), date(2022, 5, 20)),  # inside one month: no whole month at all
        (date(2022, 3, 16), date(2022, 4, 12)),  # two cut months (and weeks), none whole between them
        (date(2022, 3, 1), date(2022, 3, 16)),  # a whole start, a cut end, in one month
    ],
)
def test_timeline_equals_period_table_on_a_range(random_store, freq, start, end):
    ours = data.timeline(random_store.engine, ["RUS-USA"], freq, start, end)
    _assert_same(ours.reset_index(drop=True), _reference(random_store, "RUS-USA", freq, start, end))


def test_timeline_of_several_pairs_keeps_them_apart(random_store):
    both = data.timeline(random_store.engine, ["RUS-USA", "DZA-FRA"], "M")
    assert set(both["pair"]) == {"RUS-USA", "DZA-FRA"}
    alone = data.timeline(random_store.engine, ["DZA-FRA"], "M").reset_index(drop=True)
    pd.testing.assert_frame_equal(both[both["pair"] == "DZA-FRA"].reset_index(drop=True), alone)


def test_known_values_of_the_sample(sample_store):
    weekly = data.timeline(sample_store.engine, ["RUS-USA"], "W")
    first = weekly.iloc[0]
    # Week of 2023-02-20: article 1 has 7.0 and 4.5 (mean 5.75), article 2 has -2.0; mean of means 1.875.
    assert first["period"] == pd.Timestamp("2023-02-20")
    assert first["tension"] == pytest.approx(1.875)
    assert (first["n_obs"], first["n_articles"]) == (3, 2)
    assert first["low"] < first["tension"] < first["high"]


def test_aggregates_follow_deletes_and_updates(tmp_path):
    store = open_store(str(tmp_path / "changes.db"))
    ids = fill_sample(store.engine)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM articles WHERE id = :id"), {"id": ids[0]})  # cascades to observations
        conn.execute(text("UPDATE observations SET score = -1.5, event_date = '2023-02-24' WHERE article_id = :id"),
                     {"id": ids[1]})
    for freq in "DWM":
        _assert_same(data.timeline(store.engine, ["RUS-USA"], freq), _reference(store, "RUS-USA", freq))
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM period_stats WHERE article_id = :id"), {"id": ids[0]}).scalar() == 0
    store.close()


def _assert_totals_match_stats(engine) -> None:
    """period_totals, kept by triggers, equals period_totals rebuilt from period_stats."""
    kept = pd.read_sql_query(text(
        "SELECT freq, pair, period, n_articles, n_obs, sum_score, sum_mean, sum_mean_sq FROM period_totals"
        " ORDER BY freq, pair, period"), engine.connect())
    rebuilt = pd.read_sql_query(text(
        "SELECT freq, pair, period, count(*) AS n_articles, sum(n_obs) AS n_obs, sum(sum_score) AS sum_score,"
        " sum(sum_score / n_obs) AS sum_mean, sum((sum_score / n_obs) * (sum_score / n_obs)) AS sum_mean_sq"
        " FROM period_stats GROUP BY freq, pair, period ORDER BY freq, pair, period"), engine.connect())
    assert len(kept) == len(rebuilt) > 0
    assert list(kept["n_articles"]) == list(rebuilt["n_articles"]) and list(kept["n_obs"]) == list(rebuilt["n_obs"])
    for col in ("sum_score", "sum_mean", "sum_mean_sq"):
        assert kept[col].to_numpy() == pytest.approx(rebuilt[col].to_numpy(), abs=1e-6), col


def test_totals_follow_every_change(tmp_path):
    store = open_store(str(tmp_path / "totals.db"))
    for art in _random_articles(seed=9, n_articles=60):
        insert_article(store.engine, art)
    _assert_totals_match_stats(store.engine)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM articles WHERE id % 3 = 0"))
        conn.execute(text("DELETE FROM observations WHERE id % 7 = 0"))
        conn.execute(text("UPDATE observations SET score = -score, event_date = '2022-06-01' WHERE id % 5 = 0"))
    _assert_totals_match_stats(store.engine)
    for freq in "DWM":
        _assert_same(data.timeline(store.engine, ["RUS-USA"], freq), _reference(store, "RUS-USA", freq))
    store.close()


def test_empty_database_gives_empty_frames(tmp_path):
    store = open_store(str(tmp_path / "empty.db"))
    engine = store.engine
    assert data.pairs_by_volume(engine).empty
    assert data.timeline(engine, ["RUS-USA"], "W").empty
    assert data.date_bounds(engine) is None
    assert data.events(engine, ["RUS-USA"]).empty
    version = data.data_version(engine)
    assert version.generation > 0  # seeded with the creation time, so a rebuilt database repeats no token
    assert data.data_version(engine) == version  # reading changes nothing
    store.close()


def test_pairs_are_ordered_by_volume_and_match_the_store(sample_store):
    pairs = data.pairs_by_volume(sample_store.engine)
    assert list(pairs["pair"]) == ["RUS-USA", "DZA-FRA", "CHN-RUS"]
    # All time is one period: the period formula over every observation of the pair.
    for row in pairs.itertuples():
        obs = queries.pair_observations(sample_store.engine, row.pair)
        assert row.n_obs == len(obs)
        assert row.n_articles == obs["article_id"].nunique()
        assert row.tension == pytest.approx(obs.groupby("article_id")["score"].mean().mean(), abs=1e-3)
    assert pairs.iloc[0]["first"] == date(2023, 2, 21) and pairs.iloc[0]["last"] == date(2023, 4, 5)


def test_observations_of_a_point_strongest_first_with_cues(sample_store):
    first, last = data.period_range(date(2023, 2, 1), "M")
    rows, total = data.observations_in_period(sample_store.engine, "RUS-USA", first, last, limit=2)
    assert total == 3 and len(rows) == 2
    assert list(rows["score"]) == [7.0, 4.5]
    cues = data.cues_for(sample_store.engine, list(rows["observation_id"]))
    second = cues[cues["observation_id"] == rows.iloc[1]["observation_id"]]
    assert set(second["text"]) == {"war of words", "talks"}
    # Cue offsets point into the article text, the sentence's own start included.
    art = data.article(sample_store.engine, int(rows.iloc[1]["article_id"]))
    for cue in second.itertuples():
        assert art["text"][cue.start_char:cue.end_char] == cue.text


def _assert_stats_follow_the_calendar(engine) -> None:
    """Migration 0002's SQL files each observation under the week and month tracker.periods says."""
    obs = pd.read_sql_query(text("SELECT pair, article_id, event_date FROM observations"), engine.connect())
    for freq in "WM":
        stored = pd.read_sql_query(text(
            f"SELECT pair, article_id, period FROM period_stats WHERE freq = '{freq}'"), engine.connect())
        expected = obs.assign(period=period_starts(obs["event_date"], freq))[["pair", "article_id", "period"]]
        keys = ["pair", "article_id", "period"]
        stored["period"] = pd.to_datetime(stored["period"])
        pd.testing.assert_frame_equal(stored.sort_values(keys).reset_index(drop=True),
                                      expected.drop_duplicates().sort_values(keys).reset_index(drop=True),
                                      check_dtype=False, obj=f"period_stats {freq}")


def test_period_range_and_start():
    assert data.period_range(date(2023, 2, 1), "M") == (date(2023, 2, 1), date(2023, 2, 28))
    assert data.period_range(date(2023, 2, 20), "W") == (date(2023, 2, 20), date(2023, 2, 26))
    assert data.period_start(date(2023, 2, 26), "W") == date(2023, 2, 20)
    assert data.period_start(date(2023, 2, 26), "M") == date(2023, 2, 1)
    with pytest.raises(ValueError, match="granularity"):
        data.timeline(None, ["RUS-USA"], "Q")


def test_events_are_the_strongest_of_each_sign(sample_store):
    ev = data.events(sample_store.engine, ["RUS-USA", "DZA-FRA"], per_pair=2)
    assert ev[ev["pair"] == "RUS-USA"]["score"].abs().min() >= 7.0
    assert list(ev[ev["pair"] == "DZA-FRA"]["score"]) == [-5.5, -5.0]


def test_matrix_and_movers(sample_store):
    april = data.pair_matrix(sample_store.engine, *data.span_of(date(2023, 4, 1), "month"))
    assert set(april["pair"]) == {"RUS-USA", "CHN-RUS"}
    feb = data.pair_matrix(sample_store.engine, *data.previous_span(date(2023, 3, 1), "month"))
    moved = data.movers(april, feb)
    assert list(moved["pair"]) == ["RUS-USA"]
    assert moved.iloc[0]["change"] == pytest.approx(7.0 - 1.875)
    assert data.span_starts((date(2023, 2, 21), date(2023, 4, 5)), "month") == [
        date(2023, 4, 1), date(2023, 3, 1), date(2023, 2, 1)]


def test_article_and_version(sample_store):
    assert data.article(sample_store.engine, 999) is None
    art = data.article(sample_store.engine, 1)
    assert list(art["sentences"]["idx"]) == [0, 1]
    before = data.data_version(sample_store.engine)
    insert_article(sample_store.engine, SampleArticle("One more", date(2023, 5, 1), (SampleSentence("Quiet day."),)))
    assert data.data_version(sample_store.engine).token != before.token


def test_smoothing_is_per_pair_over_periods_with_data():
    table = pd.DataFrame({
        "pair": ["A-B"] * 3 + ["C-D"] * 2,
        "period": pd.to_datetime(["2023-01-01", "2023-02-01", "2023-04-01", "2023-01-01", "2023-02-01"]),
        "tension": [2.0, 4.0, 6.0, -1.0, -3.0],
    })
    out = data.smooth(table, 3)  # centred: each value with its neighbours, within its own pair
    assert list(out["smoothed"]) == [3.0, 4.0, 5.0, -2.0, -2.0]
    assert list(data.smooth(table, 1)["smoothed"]) == list(table["tension"])


def test_every_query_on_each_backend(db_url):
    """The same answers on SQLite and PostgreSQL (TRACKER_TEST_PG_URL): the SQL, the migration's
    triggers and backfill, the period rules of both dialects."""
    store = open_store(db_url)
    engine = store.engine
    for art in _random_articles(seed=5, n_articles=40):
        insert_article(engine, art)
    fill_sample(engine)
    for freq in "DWM":
        for start, end in ((None, None), (date(2022, 3, 16), date(2022, 9, 13))):
            _assert_same(data.timeline(engine, ["RUS-USA"], freq, start, end),
                         _reference(store, "RUS-USA", freq, start, end))
    with engine.begin() as conn:  # the delete and update triggers, through the cascade
        conn.execute(text("DELETE FROM articles WHERE id IN (SELECT min(id) FROM articles)"))
        conn.execute(text("UPDATE observations SET score = score / 2 WHERE id % 4 = 0"))
    _assert_same(data.timeline(engine, ["RUS-USA"], "W"), _reference(store, "RUS-USA", "W"))
    _assert_totals_match_stats(engine)
    _assert_stats_follow_the_calendar(engine)
    pairs = data.pairs_by_volume(engine)
    busiest = max(["RUS-USA", "CHN-USA", "DZA-FRA", "CHN-RUS"], key=lambda p: len(queries.pair_observations(engine, p)))
    assert list(pairs["pair"])[:1] == [busiest]
    assert data.date_bounds(engine, ["RUS-USA"]) is not None
    ev = data.events(engine, ["RUS-USA"], date(2022, 1, 1), date(2023, 12, 31), per_pair=3)
    assert 0 < len(ev) <= 3 and (ev["score"].abs() >= data.EVENT_MIN_ABS_SCORE).all()
    rows, total = data.observations_in_period(engine, "RUS-USA", date(2022, 1, 1), date(2022, 12, 31), limit=5)
    assert total >= len(rows) > 0 and list(rows["score"].abs()) == sorted(rows["score"].abs(), reverse=True)
    assert not data.cues_for(engine, list(rows["observation_id"])).empty
    assert not data.pair_matrix(engine, date(2022, 1, 1), date(2022, 12, 31)).empty
    assert data.sources(engine, ["RUS-USA"], None, None)["n_articles"].sum() > 0
    assert data.article(engine, int(rows.iloc[0]["article_id"]))["sentences"] is not None
    store.close()


@pytest.mark.parametrize("freq", ["D", "W", "M"])
def test_the_dashboards_kept_periods_give_timelines_rows(random_store, tmp_path, freq):
    """AppContext.timeline (each pair's whole periods kept, the cut ones read) is data.timeline, row
    for row, on every range, with pairs read before and pairs new to it; AppContext.events (each
    pair's kept) is data.events."""
    from dashboard.app import AppContext

    ranges = [(None, None), (date(2022, 3, 16), date(2022, 9, 13)), (date(2022, 3, 1), date(2022, 5, 31)),
              (date(2022, 3, 14), None), (None, date(2022, 6, 2)), (date(2022, 5, 3), date(2022, 5, 20)),
              (date(2022, 3, 16), date(2022, 4, 12)), (date(2030, 1, 1), None), (date(2022, 5, 9), date(2022, 5, 1))]
    ctx = AppContext(random_store, tmp_path)
    for pairs in (["RUS-USA"], ["RUS-USA", "DZA-FRA"], ["CHN-USA", "RUS-USA", "DZA-FRA"], ["FRA-USA"]):
        # Ranges with these pairs kept or not (or some of them), the whole span (kept then), ranges again.
        for start, end in ranges[1:] + ranges:
            expected = data.timeline(random_store.engine, pairs, freq, start, end).reset_index(drop=True)
            pd.testing.assert_frame_equal(ctx.timeline(pairs, freq, start, end), expected, check_index_type=False)
            events = data.events(random_store.engine, pairs, start, end)
            pd.testing.assert_frame_equal(ctx.events(pairs, start, end), events, check_index_type=False)
