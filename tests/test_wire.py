"""Callback replies on the wire (dashboard/wire.py): the figure as JSON values is the chart plotly
would send, components become their wire dicts, and replies are compressed at fast levels."""

from __future__ import annotations

import gzip
import json

import brotli
import orjson
import pandas as pd
from dash import html
from flask import Flask, jsonify
from flask_compress import Compress
from plotly.io.json import to_json_plotly

from dashboard import figures, wire
from dashboard.wire import zstd


def _table() -> pd.DataFrame:
    periods = pd.to_datetime(["2023-01-02", "2023-01-09", "2023-01-23"])
    return pd.DataFrame({"pair": "RUS-USA", "period": periods, "tension": [2.0, -1.5, 4.0], "n_obs": [3, 1, 5],
                         "n_articles": [2, 1, 3], "low": [1.0, -2.5, 3.0], "high": [3.0, -0.5, 5.0]})


def test_the_figure_as_json_values_is_the_figure_plotly_sends():
    spec = figures.timeline_spec(_table(), freq="W")
    sent = wire.figure_json(spec)
    orjson.dumps(sent)  # plain JSON values: no Python walk needed
    assert json.loads(to_json_plotly(sent)) == json.loads(to_json_plotly(figures.timeline_figure(_table(), freq="W")))
    points = next(t for t in sent["data"] if t.get("mode") == "markers" and t.get("hovertemplate"))
    assert points["y"]["dtype"] == "f4" and points["x"] == ["2023-01-02", "2023-01-09", "2023-01-23"]
    blank = wire.figure_json(figures.empty_spec("Nothing <b>here</b>"))
    assert blank["layout"]["annotations"][0]["text"] == "Nothing &lt;b&gt;here&lt;/b&gt;"
    assert json.loads(to_json_plotly(blank)) == json.loads(to_json_plotly(figures.empty_figure("Nothing <b>here</b>")))


def test_components_become_their_wire_dicts():
    link = wire.plain([html.A("Brief", href="/brief?pair=RUS-USA", className="button")])
    assert link == [{"props": {"children": "Brief", "href": "/brief?pair=RUS-USA", "className": "button"},
                     "type": "A", "namespace": "dash_html_components"}]


def _server() -> Flask:
    server = Flask(__name__)
    body = {"response": {"timeline-graph": {"figure": {"x": ["2023-01-02"] * 400}}}}

    @server.post(wire.CALLBACK_PATH)
    def reply():
        return jsonify(body)

    @server.get("/page")
    def page():
        return jsonify(body)

    server.config.update(COMPRESS_ALGORITHM=["br", "gzip"])
    Compress(server)
    wire.compress_replies(server)
    return server


def test_replies_are_compressed_at_fast_levels_in_the_first_encoding_accepted():
    client = _server().test_client()
    plain = client.post(wire.CALLBACK_PATH).get_data()
    decode = {"zstd": zstd.decompress, "br": brotli.decompress, "gzip": gzip.decompress}
    for accepted, chosen in (("gzip, deflate, br, zstd", "zstd"), ("gzip, br", "br"), ("gzip", "gzip"),
                             ("zstd;q=0, gzip", "gzip")):
        response = client.post(wire.CALLBACK_PATH, headers={"Accept-Encoding": accepted})
        assert response.headers["Content-Encoding"] == chosen
        assert decode[chosen](response.get_data()) == plain
    assert "Content-Encoding" not in client.post(wire.CALLBACK_PATH).headers
    # Anything else is Flask-Compress's, as configured.
    assert client.get("/page", headers={"Accept-Encoding": "zstd, br"}).headers["Content-Encoding"] == "br"
