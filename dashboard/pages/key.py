"""The key to the tension scale, one click away on every chart: what +5 or -3 means.

The bands are docs/architecture.md's (tests/test_lexicon.py holds the lexicon to them), read from
dashboard/scale_key.tsv so that the page and the documentation change together.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from dash import html

from dashboard.figures import COOPERATION, TENSION

KEY_FILE = Path(__file__).resolve().parent.parent / "scale_key.tsv"


@cache
def scale_bands() -> tuple[tuple[str, float, float, str], ...]:
    """(band, low, high, example words) rows, tension first."""
    with KEY_FILE.open(encoding="utf-8", newline="") as handle:
        return tuple((r["band"], float(r["low"]), float(r["high"]), r["example"])
                     for r in csv.DictReader(handle, delimiter="\t"))


def _weights(low: float, high: float) -> str:
    return f"{low:+g} … {high:+g}".replace("-", "−")


def scale_key(key_id: str) -> html.Details:
    """A closed <details>: its summary is the one click; the table says what each part of the scale holds."""
    rows = [
        html.Tr([
            html.Td(_weights(low, high), className="key-weight",
                    style={"color": TENSION if high > 0 else COOPERATION}),
            html.Td(band), html.Td(example, className="muted"),
        ])
        for band, low, high, example in scale_bands()
    ]
    return html.Details(id=key_id, className="scale-key", children=[
        html.Summary("What do the numbers mean? Key to the −10 … +10 scale"),
        html.P(["Each sentence that names two countries is scored from its cue phrases, anchored on the "
                "Goldstein scale of CAMEO event codes (sign reversed): ", html.B("positive is tension"), ", ",
                html.B("negative is cooperation"), ", 0 is neutral. A point is the mean over articles of each "
                "article's mean sentence score; the shaded band around the line is its 95% interval (a bar for "
                "a period with no neighbour); a hollow point rests on thin evidence (one article or a few "
                "observations). On a busy chart only those points have a marker: hover or click the line for "
                "any other period."]),
        html.Table(className="key-table", children=[
            html.Thead(html.Tr([html.Th("score"), html.Th("what the sentences report"), html.Th("cue examples")])),
            html.Tbody(rows),
        ]),
    ])
