"""Callback replies in the form JSON takes them, so that Dash encodes a reply in one orjson call.

Dash encodes a callback's reply with plotly's to_json_plotly: orjson on the reply as it is, and when
that fails on anything orjson does not know (a plotly Figure, a Dash component, an array of strings)
a walk in Python over every value of the reply, list items included, before orjson again. A daily
view of a busy pair (4,000 points, 0.5 MB of JSON) spent 45 ms there, three pairs 150 ms. The
timeline's callback therefore returns plain dicts, lists and strings: figures with their numeric
arrays already as plotly.js typed arrays ({"dtype", "bdata"}, what plotly.py sends too), and
components as the dicts they become on the wire.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import orjson
from _plotly_utils.utils import to_typed_array_spec
from plotly.io.json import to_json_plotly


def figure_json(spec: dict) -> dict:
    """A figure spec (dicts, lists, NumPy arrays: figures.timeline_spec) as JSON values: numeric
    arrays as typed arrays, other arrays as lists. The spec itself is not changed."""
    return _json_values(spec)


def _json_values(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        typed = to_typed_array_spec(value) if value.dtype.kind in "iuf" else value
        return typed.tolist() if isinstance(typed, np.ndarray) else typed  # empty, or not a number
    if isinstance(value, dict):
        return {key: _json_values(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_values(item) for item in value]
    if isinstance(value, np.generic):
        return value.item()
    return value


def plain(value: Any) -> Any:
    """Dash components (and anything plotly's encoder takes) as the JSON values they become on the wire."""
    return orjson.loads(to_json_plotly(value))
