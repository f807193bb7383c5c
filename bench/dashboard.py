"""Dashboard benchmark on a database of about 1,000,000 synthetic observations.

Measures, on random views (pairs busy and quiet, day/week/month, whole span and sub-ranges):
  - the timeline callback's work (data + figure + status; goal p95 < 150 ms), in-process and as an
    HTTP request to the running server (JSON of the figure included);
  - the sentences callback's work for a clicked point (goal p95 < 300 ms), likewise;
  - the first page load: the router's layout (cold and warm pair list) and, with --browser, the
    time from navigation to a drawn chart in headless Chromium.

Usage:
    .venv/bin/python bench/make_synthetic.py /tmp/bench.db      # once (about 1 min, 500 MB)
    .venv/bin/python bench/dashboard.py /tmp/bench.db [--runs 100] [--browser]
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard import data  # noqa: E402
from dashboard.app import AppContext  # noqa: E402
from dashboard.charts import timeline_chart  # noqa: E402
from dashboard.pages import timeline as timeline_page  # noqa: E402
from dashboard.state import TimelineState  # noqa: E402
from tracker.store import open_store  # noqa: E402

GOALS_MS = {"timeline": 150, "sentences": 300}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(name: str, seconds: list[float], goal: float | None = None) -> dict:
    ms = [s * 1000 for s in seconds]
    p50, p95, slowest = statistics.median(ms), pct(ms, 0.95), max(ms)
    verdict = "" if goal is None else ("  OK" if p95 < goal else f"  ABOVE GOAL ({goal} ms)")
    print(f"{name:<44} n={len(ms):<4} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   max {slowest:7.1f} ms{verdict}")
    return {"name": name, "n": len(ms), "p50": p50, "p95": p95, "max": slowest}


def random_states(rng: random.Random, pairs: list[str], bounds: tuple[date, date], runs: int) -> list[TimelineState]:
    busy = pairs[:5]
    states = []
    for i in range(runs):
        chosen = [rng.choice(busy)] if i % 2 == 0 else rng.sample(pairs, 1)
        if i % 5 == 0:
            chosen = rng.sample(busy, 3)  # a comparison of three busy pairs
        freq = rng.choice("DWM")
        start = end = None
        if i % 3:  # two views in three on a sub-range
            span = (bounds[1] - bounds[0]).days
            a = bounds[0] + timedelta(days=rng.randrange(span))
            b = min(bounds[1], a + timedelta(days=rng.choice([30, 90, 365, 1500])))
            start, end = a, b
        states.append(TimelineState(tuple(chosen), start, end, freq, rng.choice([1, 1, 3, 6]), rng.choice(["en", "fr"])))
    return states


def bench_in_process(ctx: AppContext, states: list[TimelineState], rng: random.Random) -> tuple[list, list, list]:
    timeline_times, sentence_times, points = [], [], []
    for state in states:
        started = time.perf_counter()
        chart = timeline_chart(ctx.engine, state)
        timeline_page.status_line(state, chart.table)
        chart.figure.to_plotly_json()  # what Dash serialises
        timeline_times.append(time.perf_counter() - started)
        if not chart.table.empty:
            # Users click where the data is: weight periods by their volume.
            row = chart.table.sample(1, weights=chart.table["n_obs"], random_state=rng.randrange(10**6)).iloc[0]
            points.append((row["pair"], row["period"].date(), state.freq, state.lang))
    for pair, period, freq, lang in points:
        started = time.perf_counter()
        timeline_page.sentences_panel(ctx, pair, period, freq, lang)
        sentence_times.append(time.perf_counter() - started)
    return timeline_times, sentence_times, points


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(url: str, body: dict) -> bytes:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read()


def _inputs(state: TimelineState) -> list[dict]:
    return [
        {"id": "pairs", "property": "value", "value": list(state.pairs)},
        {"id": "dates", "property": "start_date", "value": state.start.isoformat() if state.start else None},
        {"id": "dates", "property": "end_date", "value": state.end.isoformat() if state.end else None},
        {"id": "freq", "property": "value", "value": state.freq},
        {"id": "smoothing", "property": "value", "value": state.smoothing},
        {"id": "lang", "property": "value", "value": state.lang},
        {"id": "data-version", "property": "data", "value": "bench"},
    ]


def start_server(db: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "tracker.cli", "--db", db, "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/_dash-layout", timeout=2).read()
            return server, base
        except OSError:
            if time.monotonic() > deadline:
                server.kill()
                raise SystemExit("the server did not start") from None
            time.sleep(0.2)


def bench_http(base: str, states: list[TimelineState], points: list) -> tuple[list, list, list]:
    update = base + "/_dash-update-component"
    timeline_times, sentence_times, sizes = [], [], []
    for state in states:
        timeline_body = {"output": "..timeline-graph.figure...timeline-status.children...timeline-graph-pairs.data..",
                         "outputs": [{"id": "timeline-graph", "property": "figure"},
                                     {"id": "timeline-status", "property": "children"},
                                     {"id": "timeline-graph-pairs", "property": "data"}],
                         "inputs": _inputs(state), "changedPropIds": ["freq.value"], "state": []}
        started = time.perf_counter()
        sizes.append(len(_post(update, timeline_body)))
        timeline_times.append(time.perf_counter() - started)
    for pair, period, freq, lang in points:
        click_body = {"output": "sentences.children", "outputs": {"id": "sentences", "property": "children"},
                      "inputs": [{"id": "timeline-graph", "property": "clickData",
                                  "value": {"points": [{"curveNumber": 0, "x": period.isoformat()}]}}],
                      "changedPropIds": ["timeline-graph.clickData"],
                      "state": [{"id": "timeline-graph-pairs", "property": "data", "value": {"curves": [pair], "pairs": [pair]}},
                                {"id": "freq", "property": "value", "value": freq},
                                {"id": "lang", "property": "value", "value": lang}]}
        started = time.perf_counter()
        _post(update, click_body)
        sentence_times.append(time.perf_counter() - started)
    return timeline_times, sentence_times, sizes


def bench_browser(base: str, query: str, runs: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"]
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=args)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1360, "height": 900})
            page = context.new_page()
            started = time.perf_counter()
            page.goto(base + query)
            page.wait_for_selector("#timeline-graph .scatterlayer .point", timeout=60_000)
            times.append(time.perf_counter() - started)
            context.close()
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", help="the benchmark database (bench/make_synthetic.py makes one)")
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--browser", action="store_true", help="also time the first page load in headless Chromium")
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP measurements")
    args = parser.parse_args()
    if "://" not in args.db and not Path(args.db).exists():
        raise SystemExit(f"{args.db} does not exist: make it with .venv/bin/python bench/make_synthetic.py {args.db}")
    rng = random.Random(args.seed)
    store = open_store(args.db)
    ctx = AppContext(store, Path("/nonexistent-inbox"))
    counts = store.counts()
    print(f"database: {store.url}: {counts['observations']:,} observations, {counts['articles']:,} articles")

    started = time.perf_counter()
    page, _ = timeline_page.layout(ctx, "")
    cold_layout = time.perf_counter() - started
    started = time.perf_counter()
    timeline_page.layout(ctx, "")
    warm_layout = time.perf_counter() - started
    pairs = list(ctx.pairs()["pair"])
    bounds = data.date_bounds(store.engine)
    if bounds is None:
        raise SystemExit(f"{store.url} holds no observations: make a database with bench/make_synthetic.py")
    top = ctx.pairs().iloc[0]
    print(f"{len(pairs)} pairs; the busiest, {top['pair']}, has {top['n_obs']:,} observations; "
          f"dates {bounds[0]} to {bounds[1]}\n")
    print(f"{'first page: router layout, cold pair list':<44} {cold_layout * 1000:7.1f} ms")
    print(f"{'first page: router layout, warm pair list':<44} {warm_layout * 1000:7.1f} ms")
    first_view = TimelineState((top["pair"],), None, None, "W", 1, "en")
    started = time.perf_counter()
    timeline_chart(store.engine, first_view).figure.to_plotly_json()
    print(f"{'first page: its chart (busiest pair, weeks)':<44} {(time.perf_counter() - started) * 1000:7.1f} ms\n")

    states = random_states(rng, pairs, bounds, args.runs)
    t_times, s_times, points = bench_in_process(ctx, states, rng)
    report("timeline callback work (in process)", t_times, GOALS_MS["timeline"])
    report("sentences callback work (in process)", s_times, GOALS_MS["sentences"])
    if args.no_http:
        return
    server, base = start_server(args.db)
    try:
        t_http, s_http, sizes = bench_http(base, states, points)
        report("timeline callback over HTTP", t_http, GOALS_MS["timeline"])
        report("sentences callback over HTTP", s_http, GOALS_MS["sentences"])
        print(f"{'timeline response size':<44} median {statistics.median(sizes) / 1024:.0f} KB, "
              f"max {max(sizes) / 1024:.0f} KB")
        if args.browser:
            loads = bench_browser(base, "/", 5)
            print(f"{'first page load in Chromium (to drawn chart)':<44} first {loads[0] * 1000:7.0f} ms, "
                  f"then median {statistics.median(loads[1:]) * 1000:7.0f} ms")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
