"""Figure builders, text marking and URL state: pure functions tested from hand-made DataFrames."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd
import pytest
from dash import html

from dashboard import figures
from dashboard.pages.article import safe_url
from dashboard.state import TimelineState, from_query, pair_label
from dashboard.textspans import Span, marked, non_overlapping


def _table(pair="RUS-USA", tensions=(2.0, -1.5, 4.0)):
    periods = pd.to_datetime(["2023-01-02", "2023-01-09", "2023-01-16"][: len(tensions)])
    return pd.DataFrame({
        "pair": pair, "period": periods, "tension": list(tensions),
        "n_obs": [3, 1, 5][: len(tensions)], "n_articles": [2, 1, 3][: len(tensions)],
        "low": [t - 1 for t in tensions], "high": [t + 1 for t in tensions],
    })


def _traces(fig, kind=None, name_part=None):
    return [t for t in fig.data if (kind is None or t.type == kind) and (name_part is None or name_part in (t.name or ""))]


def _points(fig):
    """Each pair's markers (their labels come from a template; the strongest observations' from texts)."""
    return [t for t in fig.data if t.type == "scatter" and t.mode == "markers" and t.customdata is not None
            and t.hovertemplate]


def _bands(fig):
    return [t for t in fig.data if t.fill == "toself" and (t.name or "").endswith(" 95% band")]


def _many(n=130, pair="RUS-USA", thin_at=(5, 70)):
    """A pair with more days than figures.MARKERS_UP_TO: a run, an empty day, a run; two days of thin evidence."""
    periods = pd.date_range("2023-01-01", periods=n + 1, freq="D").delete(60)
    tension = np.linspace(-3, 3, n)
    articles = np.full(n, 4)
    articles[list(thin_at)] = 1
    return pd.DataFrame({"pair": pair, "period": periods, "tension": tension, "n_obs": articles * 2,
                         "n_articles": articles, "low": tension - 1, "high": tension + 0.5})


def test_timeline_has_bands_line_volume_and_clickable_points():
    fig = figures.timeline_figure(_table(), freq="W")
    points = _points(fig)
    assert len(points) == 1
    line = points[0]
    # A click gives x (the period start) and customdata [pair index, n_obs, n_articles, low, high].
    assert list(line.x) == ["2023-01-02", "2023-01-09", "2023-01-16"]
    assert [list(c) for c in line.customdata] == [[0, 3, 2, 1.0, 3.0], [0, 1, 1, -2.5, -0.5], [0, 5, 3, 3.0, 5.0]]
    assert figures.plotted_pairs(_table()) == ["RUS-USA"] and fig.layout.meta["pairs"] == ["RUS-USA"]
    # Marker colours carry the sign: tension vermillion, cooperation blue (as colours, no colour scale).
    assert list(line.marker.color) == [figures.TENSION, figures.COOPERATION, figures.TENSION]
    assert line.marker.colorscale is None
    assert list(figures.sign_colours(np.array([0.0, -0.1, 0.1]))) == [figures.NEUTRAL, figures.COOPERATION,
                                                                      figures.TENSION]
    # One drawing of the band for every period: one filled polygon per run, along the highs and back
    # along the lows, outlined (a lone period's polygon has no width: its outline is a bar). No error bars.
    (band,) = _bands(fig)
    assert list(band.x) == ["2023-01-02", "2023-01-09", "2023-01-16", "2023-01-16", "2023-01-09", "2023-01-02"]
    assert list(band.y) == [3.0, -0.5, 5.0, 3.0, -2.5, 1.0]
    assert band.line.width >= 2 and band.hoverinfo == "skip" and fig.layout.meta["curves"][0] is None
    assert not [t for t in fig.data if t.error_y.array is not None]
    # Few points: each has its marker. The middle week rests on one article: hollow, and its label says so.
    assert list(line.marker.symbol) == ["circle", "circle-open", "circle"]
    assert "thin evidence" in line.text[1] and line.text[0] == ""
    assert any("thin evidence" in (t.name or "") for t in fig.data)
    assert any(t.name == "95% band" and t.showlegend for t in fig.data)  # the band has its key
    # The volume: one filled step per pair (one SVG path, not a bar per period), down to zero after the last week.
    (volume,) = _traces(fig, "scatter", "volume")
    assert volume.yaxis == "y2" and volume.xaxis == "x2" and not _traces(fig, "bar")
    assert volume.line.shape == "hv" and volume.fill == "tozeroy" and volume.mode == "lines"
    assert list(volume.x) == ["2023-01-02", "2023-01-09", "2023-01-16", "2023-01-23"]
    assert list(volume.y) == [3, 1, 5, 0] and list(volume.customdata) == [2, 1, 3, 0]
    assert fig.layout.xaxis2.matches == "x"
    assert list(fig.layout.yaxis.range) == [-10.5, 10.5]  # the whole scale until the user zooms
    template = line.hovertemplate
    assert "Week of %{x|%-d %B %Y}" in template
    assert "observations: %{customdata[1]} · articles: %{customdata[2]}" in template


def test_a_busy_pair_has_markers_on_thin_evidence_only_and_its_line_takes_the_clicks():
    table = _many()
    fig = figures.timeline_figure(table, freq="D")
    (points,) = _points(fig)
    # Markers where the evidence is thin only (hollow); every period keeps its band and its place on the line.
    assert list(points.x) == ["2023-01-06", "2023-03-13"] and list(points.marker.symbol) == ["circle-open"] * 2
    assert "thin evidence" in points.text[0]
    line = next(t for t in fig.data if t.mode == "lines" and t.name == "RUS-USA")
    curve = list(fig.data).index(line)
    assert fig.layout.meta["curves"][curve] == "RUS-USA" and line.hovertemplate == points.hovertemplate
    # The line's points carry the labels, a NaN row where the line breaks at the empty day.
    assert len(line.x) == len(table) + 1 and len(line.customdata) == len(line.x) == len(line.text)
    assert math.isnan(line.y[60]) and math.isnan(line.customdata[60][1])
    t60 = table["tension"].iloc[60]
    assert list(line.customdata[61]) == pytest.approx([0, 8, 4, t60 - 1, t60 + 0.5])
    assert "thin evidence" in line.text[5] and line.text[6] == ""
    # One band path for the pair: the two runs' polygons, split by a NaN.
    (band,) = _bands(fig)
    assert len(band.x) == 2 * len(table) + 1 and int(np.isnan(np.asarray(band.y, float)).sum()) == 1
    # A handful of SVG elements per pair whatever the number of periods: no error bars, no per-point marker.
    assert sum(len(t.x) for t in _points(fig)) == 2
    # A smoothed line is not the raw values: then every raw point keeps its marker, and the line no label.
    smoothed = figures.timeline_figure(table.assign(smoothed=table["tension"]), freq="D", smoothing=3)
    (raw,) = _points(smoothed)
    assert len(raw.x) == len(table)
    assert next(t for t in smoothed.data if "mean" in (t.name or "")).hoverinfo == "skip"


def test_a_lone_period_has_its_band_as_a_bar():
    table = _table(tensions=(2.0, -1.5, 4.0))
    table.loc[2, "period"] = pd.Timestamp("2023-02-06")
    (band,) = _bands(figures.timeline_figure(table, freq="W"))
    # The run's polygon, a NaN, then the lone week: up to its high and down to its low at one x.
    assert list(band.x)[-2:] == ["2023-02-06", "2023-02-06"] and list(band.y)[-2:] == [5.0, 3.0]
    assert math.isnan(band.y[4])


def test_a_missing_period_breaks_the_line_and_is_counted():
    table = _table(tensions=(2.0, -1.5, 4.0))
    table.loc[2, "period"] = pd.Timestamp("2023-02-06")  # three weeks after the previous one
    fig = figures.timeline_figure(table, freq="W")
    line = fig.data[1]  # after the band
    assert line.mode == "lines" and line.hoverinfo == "skip" and line.name == "RUS-USA"
    assert list(line.x) == ["2023-01-02", "2023-01-09", "2023-01-09", "2023-02-06"]
    assert math.isnan(line.y[2]) and list(line.y[:2]) == [2.0, -1.5]
    assert list(_bands(fig)[0].y)[-2:] == [5.0, 3.0]  # the lone week has its band too
    (volume,) = _traces(fig, "scatter", "volume")  # no volume drawn across the empty weeks either
    assert list(volume.x) == ["2023-01-02", "2023-01-09", "2023-01-16", "2023-02-06", "2023-02-13"]
    assert list(volume.y) == [3, 1, 0, 5, 0]
    # Said under the dates, where it covers no point.
    assert fig.layout.xaxis2.title.text == "Line broken where a week has no observation (3 empty weeks)"
    months = _table().assign(period=pd.to_datetime(["2023-01-01", "2023-02-01", "2023-03-01"]))
    monthly = figures.timeline_figure(months, freq="M")
    assert not monthly.layout.xaxis2.title.text
    assert list(_traces(monthly, "scatter", "volume")[0].x)[-1] == "2023-04-01"  # March's step ends with March


def test_several_pairs_keep_the_users_order_and_their_own_colours():
    events = pd.DataFrame({
        "pair": ["DZA-FRA", "RUS-USA"], "observation_id": [1, 2], "event_date": pd.to_datetime(["2023-01-03"] * 2),
        "score": [-6.0, 7.0], "article_id": [1, 2], "sentence_idx": [0, 0], "sentence": ["s", "t"], "title": ["a", "b"],
    })
    table = pd.concat([_table("DZA-FRA", (-3.0, -2.0)), _table("RUS-USA")])
    fig = figures.timeline_figure(table, events, order=["RUS-USA", "DZA-FRA"], label=lambda p: pair_label(p, "fr"))
    points = _points(fig)
    assert [t.name for t in points] == ["Russie – États-Unis", "Algérie – France"]
    assert [c[0] for c in points[1].customdata] == [1, 1]
    assert figures.plotted_pairs(table, ["RUS-USA", "CHN-USA", "DZA-FRA"]) == ["RUS-USA", "DZA-FRA"]
    # Points, lines and diamonds take their pair's colour (the sign stays in the background tint).
    assert [t.marker.color for t in points] == figures.PAIR_COLOURS[:2]
    # Outlined only where the outline rings a hollow (thin evidence) point: elsewhere it would not show.
    assert list(points[0].marker.line.width) == [0, 1.5, 0] and list(points[0].marker.symbol)[1] == "circle-open"
    diamonds = {t.legendgroup: t.marker.color for t in fig.data if (t.name or "").endswith(" strongest")}
    assert diamonds == {"RUS-USA": figures.PAIR_COLOURS[0], "DZA-FRA": figures.PAIR_COLOURS[1]}
    volumes = {t.legendgroup: t.fillcolor for t in _traces(fig, "scatter", "volume")}
    assert volumes == {"RUS-USA": "rgba(34,34,34,0.4)", "DZA-FRA": "rgba(0,158,115,0.4)"}


def test_on_a_comparison_every_band_is_drawn_before_any_line():
    # A later pair's translucent band painted over an earlier pair's line would dim that line.
    table = pd.concat([_table("DZA-FRA", (-3.0, -2.0)), _table("RUS-USA")])
    fig = figures.timeline_figure(table, order=["RUS-USA", "DZA-FRA"])
    pairs = {"RUS-USA", "DZA-FRA"}
    own = [(n, t) for n, t in enumerate(fig.data) if t.legendgroup in pairs and t.xaxis == "x"]  # the pairs' own
    bands = [n for n, t in own if t.name.endswith("95% band")]
    drawn = [n for n, t in own if not t.name.endswith("95% band")]
    assert len(bands) == 2 and max(bands) < min(drawn)
    curves = fig.layout.meta["curves"]
    assert [curves[n] for n in bands] == [None, None]  # a band answers no click


def test_smoothing_draws_the_smoothed_line_and_keeps_raw_points():
    table = _table()
    table["smoothed"] = [1.0, 1.5, 2.0]
    fig = figures.timeline_figure(table, smoothing=3)
    smooth = _traces(fig, "scatter", "3-period mean")
    assert len(smooth) == 1
    raw = _points(fig)
    assert raw[0].mode == "markers" and smooth[0].mode == "lines" and list(smooth[0].y) == [1.0, 1.5, 2.0]


def test_events_are_marked_escaped_and_within_the_axis():
    events = pd.DataFrame({
        "pair": ["RUS-USA"], "observation_id": [1], "event_date": pd.to_datetime(["2023-01-10"]),
        "score": [9.5], "article_id": [1], "sentence_idx": [0],
        "sentence": ['Sanctions <img src=x onerror="alert(1)"> announced'], "title": ["<script>x</script>"],
    })
    fig = figures.timeline_figure(_table(), events, freq="W")
    marks = _traces(fig, "scatter", "strongest")
    assert len(marks) == 1
    hover = marks[0].hovertext[0]
    assert "<img" not in hover and "&lt;img" in hover and "&lt;script&gt;" in hover
    # A click on a marker names its pair (by index) and its date; the panel finds the period.
    assert list(marks[0].customdata[0]) == [0] and list(marks[0].x) == ["2023-01-10"]
    assert "10 January 2023" in hover
    assert fig.layout.yaxis.range[1] >= 9.5


def test_empty_table_gives_a_message_not_an_error():
    fig = figures.timeline_figure(_table().iloc[0:0])
    assert "No observation" in fig.layout.annotations[0].text
    assert figures.empty_figure("Nothing <b>here</b>").layout.annotations[0].text == "Nothing &lt;b&gt;here&lt;/b&gt;"


def test_matrix_is_symmetric_and_clickable():
    matrix = pd.DataFrame({
        "pair": ["RUS-USA", "CHN-RUS"], "country_a": ["RUS", "CHN"], "country_b": ["USA", "RUS"],
        "tension": [5.0, -4.0], "n_obs": [10, 3], "n_articles": [4, 2],
    })
    fig = figures.matrix_figure(matrix)
    heat = fig.data[0]
    names = list(heat.x)
    assert names == ["CHN", "RUS", "USA"]
    z = [list(row) for row in heat.z]
    assert z[1][2] == z[2][1] == 5.0 and z[0][1] == z[1][0] == -4.0 and z[0][2] is None
    assert heat.customdata[2][1] == "RUS-USA"
    assert heat.zmid == 0 and heat.colorscale[0][1] == figures.COOPERATION and heat.colorscale[-1][1] == figures.TENSION
    # One fixed scale for every period, and the count behind each cell.
    assert (heat.zmin, heat.zmax) == (-10, 10)
    assert heat.text[1][2] == "<b>+5.0</b><br>n=10" and "10 observations in 4 articles" in heat.hovertext[1][2]
    single = figures.matrix_figure(matrix.assign(n_obs=[1, 3], n_articles=[1, 1]))
    assert "1 observation in 1 article<br>" in single.data[0].hovertext[1][2]


def test_decorate_adds_title_subtitle_and_escaped_caption():
    fig = figures.decorate(figures.timeline_figure(_table()), title="Tension over time: Russia – United States",
                           subtitle="RUS-USA · Weekly", caption=["Source: <b>Outlet</b>", "Method"])
    assert "Tension over time" in fig.layout.title.text and "RUS-USA" in fig.layout.title.text
    caption = fig.layout.annotations[-1].text
    assert caption == "Source: &lt;b&gt;Outlet&lt;/b&gt;<br>Method"


def test_a_click_names_the_pair_and_the_period():
    from dashboard.pages.timeline import clicked_point

    events = pd.DataFrame({
        "pair": ["DZA-FRA"], "observation_id": [1], "event_date": pd.to_datetime(["2023-01-12"]), "score": [-6.0],
        "article_id": [1], "sentence_idx": [0], "sentence": ["s"], "title": ["t"],
    })
    table = pd.concat([_table("DZA-FRA", (-3.0, -2.0)), _table("RUS-USA")])
    fig = figures.timeline_figure(table, events, order=["RUS-USA", "DZA-FRA"], freq="W")
    meta = fig.layout.meta
    curve = {t.name: i for i, t in enumerate(fig.data)}
    line = {"points": [{"curveNumber": meta["curves"].index("DZA-FRA"), "x": "2023-01-09"}]}
    assert clicked_point(line, meta, "W") == ("DZA-FRA", date(2023, 1, 9))
    bar = {"points": [{"curveNumber": curve["RUS-USA volume"], "x": "2023-01-16"}]}
    assert clicked_point(bar, meta, "W") == ("RUS-USA", date(2023, 1, 16))
    marker = {"points": [{"curveNumber": curve["DZA-FRA strongest"], "x": "2023-01-12", "customdata": [1]}]}
    assert clicked_point(marker, meta, "M") == ("DZA-FRA", date(2023, 1, 1))
    assert clicked_point({"points": [{"curveNumber": curve["selected point"], "x": "2023-01-12"}]}, meta, "W") is None
    assert clicked_point(None, meta, "W") is None
    assert clicked_point({"points": [{"curveNumber": 99, "x": "2023-01-12"}]}, meta, "W") is None


def test_marked_text_follows_cue_offsets():
    sentence = "Washington announced new sanctions against Moscow."
    offset = 100  # the sentence's start in the article
    spans = [Span(125, 134, 7.0, "sanctions +7.0"), Span(128, 131, 1.0, "overlap, dropped"),
             Span(90, 104, -2.0, "clipped to the sentence")]
    children = marked(sentence, offset, spans)
    texts = [c if isinstance(c, str) else c.children for c in children]
    assert "".join(texts) == sentence
    marks = [c for c in children if isinstance(c, html.Mark)]
    assert [m.children for m in marks] == ["Wash", "sanctions"]
    assert marks[1].className == "cue cue-tension" and marks[0].className == "cue cue-cooperation"
    assert len(non_overlapping(spans, offset, offset + len(sentence))) == 2


def test_markup_in_text_stays_a_string():
    evil = 'Text <script>alert(1)</script> <img src=x onerror="alert(2)">'
    children = marked(evil, 0, [Span(5, 13, 3.0, "x")])
    assert all(isinstance(c, str | html.Mark) for c in children)
    assert "".join(c if isinstance(c, str) else c.children for c in children) == evil


def test_url_state_round_trip_and_forgiving_parsing():
    state = TimelineState(("RUS-USA", "DZA-FRA"), date(2017, 1, 1), date(2017, 12, 31), "M", 3, "fr")
    assert from_query(state.to_query()) == state
    parsed = from_query("?pairs=usa-rus,Russie-États-Unis,Atlantis-USA&freq=Q&from=2017-13-01&smooth=x&lang=de")
    assert parsed.pairs == ("RUS-USA",)
    assert parsed.freq == "W" and parsed.start is None and parsed.smoothing == 1 and parsed.lang == "en"
    assert any("Atlantis" in p for p in parsed.problems)
    assert any("granularity" in p for p in parsed.problems)
    assert from_query("").pairs == () and from_query(None).freq == "W"
    assert from_query("?from=2018-01-01&to=2017-01-01").start == date(2017, 1, 1)


def test_pair_labels_in_both_languages():
    assert pair_label("RUS-USA", "en") == "Russia – United States"
    assert pair_label("RUS-USA", "fr") == "Russie – États-Unis"
    assert pair_label("XXX-USA", "en") == "XXX – United States"


@pytest.mark.parametrize("url,expected", [
    ("https://www.france24.com/a", "https://www.france24.com/a"),
    ("javascript:alert(1)", None), ("data:text/html,<script>", None), ("//evil", None), (None, None),
])
def test_only_web_addresses_become_links(url, expected):
    assert safe_url(url) == expected
