"""Callback replies in the form JSON takes them, so that Dash encodes a reply in one orjson call.

Dash encodes a callback's reply with plotly's to_json_plotly: orjson on the reply as it is, and when
that fails on anything orjson does not know (a plotly Figure, a Dash component, an array of strings)
a walk in Python over every value of the reply, list items included, before orjson again. A daily
view of a busy pair (4,000 points, 0.5 MB of JSON) spent 45 ms there, three pairs 150 ms. The
timeline's callback therefore returns plain dicts, lists and strings: figures with their numeric
arrays already as plotly.js typed arrays ({"dtype", "bdata"}, what plotly.py sends too), and
components as the dicts they become on the wire.

``compress_replies(server)`` compresses callback replies at fast levels. A static file is compressed
once and kept (dashboard/server.py), so a slow, thorough level pays there; a reply is compressed on
every request, where Brotli's quality 5 spent 28-52 ms on a 0.2-0.5 MB reply under load, and zstd's
level 3 (which Chromium and Firefox accept) 1-12 ms for a reply 10% larger.
"""

from __future__ import annotations

import base64
import gzip
from collections.abc import Callable
from typing import Any

import brotli
import numpy as np
import orjson
from _plotly_utils.utils import to_typed_array_spec
from flask import Flask, Response, request
from plotly.io.json import to_json_plotly

try:  # Python 3.14; before it, backports.zstd (a dependency of flask-compress there)
    from compression import zstd  # type: ignore[import-not-found]
except ImportError:
    from backports import zstd

# NumPy's types plotly.js takes as typed arrays, by their short name there (as in plotly.py).
TYPED_ARRAYS = {"int8": "i1", "uint8": "u1", "int16": "i2", "uint16": "u2", "int32": "i4", "uint32": "u4",
                "float32": "f4", "float64": "f8"}
CALLBACK_PATH = "/_dash-update-component"
SMALLEST = 500  # bytes: below this, compressing costs more than it spares
# The client's first accepted encoding, in this order, compresses the reply.
ENCODERS: dict[str, Callable[[bytes], bytes]] = {
    "zstd": lambda body: zstd.compress(body, 3),
    "br": lambda body: brotli.compress(body, quality=2),
    "gzip": lambda body: gzip.compress(body, 1),
}


def figure_json(spec: dict) -> dict:
    """A figure spec (dicts, lists, NumPy arrays: figures.timeline_spec) as JSON values: numeric
    arrays as typed arrays, other arrays as lists. The spec itself is not changed."""
    return _json_values(spec)


def typed_array(values: np.ndarray) -> Any:
    """A numeric array as plotly.js's typed array (what plotly.py's to_typed_array_spec makes, without
    its conversion through narwhals, a few ms an array); a list when it is empty or not numeric."""
    short = TYPED_ARRAYS.get(values.dtype.name)
    if short is None or not values.size:
        typed = to_typed_array_spec(values) if values.size and values.dtype.kind in "iuf" else values
        return typed.tolist() if isinstance(typed, np.ndarray) else typed
    spec = {"dtype": short, "bdata": base64.b64encode(np.ascontiguousarray(values).tobytes()).decode("ascii")}
    if values.ndim > 1:
        spec["shape"] = str(values.shape)[1:-1]
    return spec


def _json_values(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return typed_array(value)
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


def accepted_encodings(header: str) -> set[str]:
    """The encodings an Accept-Encoding header accepts ('br;q=0' refuses br)."""
    accepted = set()
    for part in header.split(","):
        name, _, params = part.partition(";")
        if name.strip() and not _refused(params.strip()):
            accepted.add(name.strip().lower())
    return accepted


def reply_encoding(header: str) -> str | None:
    """The encoding of ENCODERS a reply takes for an Accept-Encoding header (None: sent as it is)."""
    accepted = accepted_encodings(header)
    return next((name for name in ENCODERS if name in accepted), None)


def _refused(params: str) -> bool:
    try:
        return params.startswith("q=") and float(params[2:]) <= 0
    except ValueError:
        return False


def _compress_reply(response: Response) -> Response:
    if (request.method != "POST" or not request.path.endswith(CALLBACK_PATH) or response.status_code != 200
            or response.mimetype != "application/json" or "Content-Encoding" in response.headers
            or response.direct_passthrough):
        return response
    body = response.get_data()
    encoding = reply_encoding(request.headers.get("Accept-Encoding", ""))
    response.vary.add("Accept-Encoding")
    if encoding is None or len(body) < SMALLEST:
        return response
    response.set_data(ENCODERS[encoding](body))
    response.headers["Content-Encoding"] = encoding
    return response


def compress_replies(server: Flask) -> None:
    """Compress callback replies at fast levels. Registered after Flask-Compress, so it runs before
    it (Flask calls the last registered first), which then leaves the compressed reply alone."""
    server.after_request(_compress_reply)
