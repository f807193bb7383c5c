"""Dashboard benchmark on a database of about 1,000,000 synthetic observations.

Measures, on random views (pairs busy and quiet, day/week/month, whole span and sub-ranges):
  - the timeline callback's work (data + figure + status), in-process and as an HTTP request to the
    running `tracker serve` (JSON of the figure included; goal p95 < 100 ms over HTTP);
  - the sentences callback's work for a clicked point (goal median < 300 ms), likewise;
  - the first page: the router's layout (cold and warm pair list) and, with --browser, in headless
    Chromium (Debian's /usr/bin/chromium, driven by Playwright from the test extra): a cold load to
    a drawn chart (empty browser cache, goal < 1.5 s), adding a pair (< 300 ms), the sentences after
    a click (< 300 ms).
With --baseline DIR (a checkout of the code before a change, e.g. `git worktree add /tmp/base main`;
--baseline-db a copy of the database made before the current code migrated it)
every HTTP and browser figure is also measured on a server run from DIR, in the same run and
interleaved with the current one, and printed beside it.

Usage (./run.sh bench does all of it after setting up):
    .venv/bin/python bench/make_synthetic.py /tmp/bench.db      # once (about 1 min, 500 MB)
    .venv/bin/python bench/dashboard.py /tmp/bench.db [--runs 100] [--browser] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import json
import os
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
from dashboard.wire import figure_json  # noqa: E402
from tracker.store import open_store  # noqa: E402

BROWSER_ENCODINGS = "gzip, deflate, br, zstd"  # what Chromium sends
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# The chart drawn: its traces' paths (plotly.js draws every trace in one task). Not a marker: a busy
# pair's points have no marker of their own (dashboard/figures.py), its line takes the clicks.
DRAWN = "#timeline-graph .scatterlayer .trace path.js-line"
# The page position of the first point of the chart's first clickable curve (its first pair's first
# period), from plotly.js's own axes: a marker's centre, or the line's vertex where it has none.
FIRST_POINT = """() => {
    const gd = document.querySelector('#timeline-graph .js-plotly-plot');
    const curve = gd.layout.meta.curves.findIndex(c => c && c !== '*events*');
    const cd = gd.calcdata[curve].find(p => Number.isFinite(p.y));
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
    return {x: box.left + xa._offset + xa.c2p(cd.x), y: box.top + ya._offset + ya.c2p(cd.y)};
}"""
GOALS_MS = {"timeline": 100, "sentences": 300, "load": 1500, "add pair": 300, "click": 300}


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
        figure_json(chart.spec)  # what the callback hands Dash to encode
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
    """The reply as it comes over the wire (compressed when the server does, as Chromium asks)."""
    headers = {"Content-Type": "application/json", "Accept-Encoding": BROWSER_ENCODINGS}
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers)
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


def start_server(db: str, checkout: Path) -> tuple[subprocess.Popen, str]:
    """`tracker serve` run from the checkout (its own tracker and dashboard packages)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(checkout), "TRACKER_POLL_SECONDS": "3600"}
    server = subprocess.Popen([sys.executable, "-m", "tracker.cli", "--db", db, "serve", "--port", str(port),
                               "--no-watch"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=checkout, env=env)
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(base + "/_dash-layout", timeout=2).read()
            return server, base
        except OSError:
            if time.monotonic() > deadline:
                server.kill()
                raise SystemExit(f"the server from {checkout} did not start") from None
            time.sleep(0.2)


def callback_of(dependencies: list[dict], output: str, trigger: str) -> dict:
    """The server's callback (from /_dash-dependencies) that writes ``output`` (not as a duplicate)
    when ``trigger`` changes: its outputs and inputs differ between versions of the code."""
    for dep in dependencies:
        names = dep["output"].strip(".").split("...")
        if output in names and any(f"{i['id']}.{i['property']}" == trigger for i in dep["inputs"]):
            return dep
    raise SystemExit(f"no callback writes {output} on a change of {trigger}")


def callback_body(dep: dict, values: dict[str, object], changed: str) -> dict:
    """A request for the callback ``dep`` as the browser sends it, with ``values`` by "id.property"."""
    outputs = []
    for name in dep["output"].strip(".").split("..."):
        component, _, prop = name.rpartition(".")
        outputs.append({"id": component, "property": prop})

    def fill(items: list[dict]) -> list[dict]:
        return [{**i, "value": values.get(f"{i['id']}.{i['property']}")} for i in items]

    return {"output": dep["output"], "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": fill(dep["inputs"]), "changedPropIds": [changed], "state": fill(dep["state"])}


def dependencies(base: str) -> list[dict]:
    with urllib.request.urlopen(base + "/_dash-dependencies", timeout=60) as response:
        return json.loads(response.read())


def timeline_body(deps: list[dict], state: TimelineState) -> dict:
    values = {f"{i['id']}.{i['property']}": i["value"] for i in _inputs(state)}
    return callback_body(callback_of(deps, "timeline-graph.figure", "freq.value"), values, "freq.value")


def click_body(deps: list[dict], pair: str, period: date, freq: str, lang: str) -> dict:
    values = {"timeline-graph.clickData": {"points": [{"curveNumber": 0, "x": period.isoformat()}]},
              "timeline-graph-pairs.data": {"curves": [pair], "pairs": [pair]}, "freq.value": freq, "lang.value": lang}
    dep = callback_of(deps, "sentences.children", "timeline-graph.clickData")
    return callback_body(dep, values, "timeline-graph.clickData")


def timed_post(url: str, body: dict) -> tuple[float, int]:
    started = time.perf_counter()
    size = len(_post(url, body))
    return time.perf_counter() - started, size


def bench_http(bases: dict[str, str], states: list[TimelineState], points: list) -> dict[str, dict[str, list]]:
    """Each request sent to every server in turn, so a burst of load on the machine hits both alike."""
    out: dict[str, dict[str, list]] = {name: {"timeline": [], "size": [], "sentences": []} for name in bases}
    deps = {name: dependencies(base) for name, base in bases.items()}
    for name, base in bases.items():  # a first request each, untimed: its imports and caches are not the servers' speed
        timed_post(base + "/_dash-update-component", timeline_body(deps[name], states[0]))
        timed_post(base + "/_dash-update-component", click_body(deps[name], *points[0]))
    for state in states:
        for name, base in bases.items():
            seconds, size = timed_post(base + "/_dash-update-component", timeline_body(deps[name], state))
            out[name]["timeline"].append(seconds)
            out[name]["size"].append(size)
    for point in points:
        for name, base in bases.items():
            out[name]["sentences"].append(
                timed_post(base + "/_dash-update-component", click_body(deps[name], *point))[0])
    return out


GRAPH = "document.querySelector('#timeline-graph .js-plotly-plot')"
HAS_PAIR = f"(pair) => {{ const gd = {GRAPH}; return !!gd && !!gd._fullData && gd._fullData.some(t => t.legendgroup === pair); }}"


def browser_round(browser, base: str, added: list[str]) -> dict[str, float]:
    """A first visit with an empty cache, then a pair added, then a click on a point."""
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    page = context.new_page()
    page.set_default_timeout(120_000)
    started = time.perf_counter()
    page.goto(base + "/")
    page.wait_for_selector(DRAWN, state="attached")
    times = {"load": time.perf_counter() - started, "KB": _transferred_kb(page)}
    started = time.perf_counter()  # as if chosen in the dropdown: its value changes, the callbacks run
    page.evaluate("(pairs) => window.dash_clientside.set_props('pairs', {value: pairs})", added)
    page.wait_for_function(HAS_PAIR, arg=added[-1])
    times["add pair"] = time.perf_counter() - started
    point = page.evaluate(FIRST_POINT)
    page.mouse.move(point["x"], point["y"])
    started = time.perf_counter()
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#sentences .obs-card")
    times["click"] = time.perf_counter() - started
    started = time.perf_counter()  # the same browser comes back: what its cache spares
    page.goto(base + "/")
    page.wait_for_selector(DRAWN, state="attached")
    times["reload"] = time.perf_counter() - started
    times["reload KB"] = _transferred_kb(page)
    context.close()
    return times


def _transferred_kb(page) -> float:
    """What the page and its resources cost on the wire (compressed; 0 for a file from the cache)."""
    return page.evaluate("() => performance.getEntries().reduce((sum, e) => sum + (e.transferSize || 0), 0)") / 1024


def bench_browser(bases: dict[str, str], added: list[str], rounds: int) -> dict[str, dict[str, list]]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise SystemExit("--browser needs Playwright, from the test extra: ./run.sh bench sets it up, or "
                         ".venv/bin/pip install -e '.[test]' (it drives Debian's /usr/bin/chromium, no download)") from None
    out: dict[str, dict[str, list]] = {name: {"load": [], "KB": [], "add pair": [], "click": [], "reload": [],
                                              "reload KB": []} for name in bases}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        for base in bases.values():  # one visit each first: the servers are warm, the browser is not
            browser_round(browser, base, added)
        for round_number in range(rounds):
            # Each server first in every other round: a fixed order gave going second to the same one each time.
            order = list(bases.items()) if round_number % 2 == 0 else list(bases.items())[::-1]
            for name, base in order:
                for key, seconds in browser_round(browser, base, added).items():
                    out[name][key].append(seconds)
        browser.close()
    return out


def compare(label: str, runs: dict[str, list[float]], stat: str, goal: float) -> None:
    """One line: the statistic on each server (before, after), and the goal against the last."""
    def pick(ms: list[float]) -> float:
        return pct(ms, 0.95) if stat == "p95" else statistics.median(ms)

    figures = {name: pick([s * 1000 for s in seconds]) for name, seconds in runs.items()}
    shown = "   ".join(f"{name} {value:7.0f} ms" for name, value in figures.items())
    last = list(figures.values())[-1]
    verdict = "  OK" if last < goal else "  ABOVE GOAL"
    n = len(next(iter(runs.values())))
    print(f"{label + f' ({stat}, n={n})':<58} {shown}   goal < {goal:.0f} ms{verdict}")


def in_process(ctx: AppContext, states: list[TimelineState], rng: random.Random) -> list:
    started = time.perf_counter()
    timeline_page.layout(ctx, "")
    cold_layout = time.perf_counter() - started
    started = time.perf_counter()
    timeline_page.layout(ctx, "")
    warm_layout = time.perf_counter() - started
    top = ctx.pairs().iloc[0]
    print(f"{'first page: router layout, cold pair list':<44} {cold_layout * 1000:7.1f} ms")
    print(f"{'first page: router layout, warm pair list':<44} {warm_layout * 1000:7.1f} ms")
    first_view = TimelineState((top["pair"],), None, None, "W", 1, "en")
    started = time.perf_counter()
    figure_json(timeline_chart(ctx.engine, first_view).spec)
    print(f"{'first page: its chart (busiest pair, weeks)':<44} {(time.perf_counter() - started) * 1000:7.1f} ms\n")
    t_times, s_times, points = bench_in_process(ctx, states, rng)
    report("timeline callback work (in process)", t_times, GOALS_MS["timeline"])
    report("sentences callback work (in process)", s_times, GOALS_MS["sentences"])
    return points


def over_the_wire(args, states: list[TimelineState], points: list, busiest: list[str]) -> None:
    checkouts = {"before": Path(args.baseline).resolve()} if args.baseline else {}
    checkouts["after" if args.baseline else "now"] = ROOT
    # A baseline older than the database's schema refuses it: --baseline-db gives it its own copy.
    dbs = {"before": args.baseline_db or args.db}
    servers = {name: start_server(dbs.get(name, args.db), checkout) for name, checkout in checkouts.items()}
    bases = {name: base for name, (_, base) in servers.items()}
    try:
        print(f"\nservers: {', '.join(f'{n} = {c}' for n, c in checkouts.items())}")
        http = bench_http(bases, states, points)
        compare("timeline over HTTP", {n: r["timeline"] for n, r in http.items()}, "p95", GOALS_MS["timeline"])
        compare("sentences over HTTP", {n: r["sentences"] for n, r in http.items()}, "median", GOALS_MS["sentences"])
        for name, r in http.items():
            print(f"{'timeline reply on the wire, ' + name:<58} median {statistics.median(r['size']) / 1024:6.0f} KB, "
                  f"max {max(r['size']) / 1024:6.0f} KB")
        if args.browser:
            browser = bench_browser(bases, busiest[:2], args.browser_rounds)
            for key, what in (("load", "cold load to a drawn chart"), ("add pair", "adding a pair, to its line drawn"),
                              ("click", "a click, to its sentences shown")):
                compare(f"browser: {what}", {n: r[key] for n, r in browser.items()}, "median", GOALS_MS[key])
            compare("browser: the same browser's next visit", {n: r["reload"] for n, r in browser.items()}, "median",
                    GOALS_MS["load"])
            for name, r in browser.items():
                print(f"{'browser: cold loads, ' + name:<58} " + " ".join(f"{s * 1000:.0f}" for s in r["load"]) + " ms")
                print(f"{'browser: on the wire, ' + name:<58} first visit {statistics.median(r['KB']):6.0f} KB, "
                      f"next visit {statistics.median(r['reload KB']):6.0f} KB")
    finally:
        for process, _ in servers.values():
            process.terminate()
            process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", help="the benchmark database (bench/make_synthetic.py makes one)")
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--browser", action="store_true", help="also time the page in headless Chromium")
    parser.add_argument("--browser-rounds", type=int, default=5, help="browser visits per server (each a cold load)")
    parser.add_argument("--baseline", metavar="DIR", help="a checkout of the code before the change, measured beside it")
    parser.add_argument("--baseline-db", metavar="DB", help="the baseline's own copy of the database (same data), "
                        "when the current code has migrated DB to a schema the baseline does not know")
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP and browser measurements")
    args = parser.parse_args()
    if "://" not in args.db and not Path(args.db).exists():
        raise SystemExit(f"{args.db} does not exist: make it with .venv/bin/python bench/make_synthetic.py {args.db}")
    rng = random.Random(args.seed)
    store = open_store(args.db)
    ctx = AppContext(store, Path("/nonexistent-inbox"))
    counts = store.counts()
    print(f"database: {store.url}: {counts['observations']:,} observations, {counts['articles']:,} articles")
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} on {os.cpu_count()} cores")
    pairs = list(ctx.pairs()["pair"])
    bounds = data.date_bounds(store.engine)
    if bounds is None:
        raise SystemExit(f"{store.url} holds no observations: make a database with bench/make_synthetic.py")
    top = ctx.pairs().iloc[0]
    print(f"{len(pairs)} pairs; the busiest, {top['pair']}, has {top['n_obs']:,} observations; "
          f"dates {bounds[0]} to {bounds[1]}\n")
    states = random_states(rng, pairs, bounds, args.runs)
    points = in_process(ctx, states, rng)
    if not args.no_http:
        over_the_wire(args, states, points, pairs)
    print(f"load at the end: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


if __name__ == "__main__":
    main()
