"""Drop folder latency and throughput, on a real watcher and a real SQLite file.

    .venv/bin/python bench/drop.py [--drops 50] [--burst 500] [--debounce 0.5] [--process]

Latency: one file at a time lands in the inbox (written under a .part name and renamed, so the
moment it lands is exact); the clock stops when its observations can be read from the database
through a separate connection, as the dashboard reads them. Median and p95 over --drops files
(goal: median under 2 s). Throughput: --burst files land at once; files per second until the last
one's article is stored. With --process the watcher runs as a `tracker watch` subprocess, as an
analyst runs it; by default in a thread of this process (the same code, easier to profile).

Every article written here is an invented example and says so in its header.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

FR_PAIRS = [("La France", "l'Allemagne"), ("Le Japon", "la Corée du Sud"), ("La Russie", "les États-Unis"),
            ("La Chine", "l'Inde"), ("L'Algérie", "le Maroc"), ("La Turquie", "la Grèce")]


def article(number: int) -> str:
    a, b = FR_PAIRS[number % len(FR_PAIRS)]
    return (
        f"Title: Essai {number}\nDate: 2021-03-02\nLanguage: fr\nNote: invented example, not real reporting\n\n"
        f"{a} et {b} ont signé mardi un accord de coopération sur le dossier numéro {number}. "
        f"Les relations entre les deux pays restent pourtant tendues, et de profondes divergences "
        f"demeurent sur la question {number + 1}, selon un diplomate.\n"
    )


def land(inbox: Path, name: str, content: str) -> float:
    """Write a file so that it appears whole in one step; the time it appeared."""
    temporary = inbox / f"{name}.part"
    temporary.write_text(content, encoding="utf-8")
    os.replace(temporary, inbox / name)
    return time.perf_counter()


class Reader:
    """The database as the dashboard sees it: its own connection, polling."""

    def __init__(self, db: Path):
        self.engine = create_engine(f"sqlite:///{db}")

    def observations_of(self, title: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(text(
                "SELECT count(*) FROM observations o JOIN articles a ON a.id = o.article_id WHERE a.title = :t"
            ), {"t": title}).scalar() or 0

    def articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM articles")).scalar() or 0


def wait(condition, timeout: float = 600.0, step: float = 0.005) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit("timed out: the watcher did not store the file")
        time.sleep(step)


def start_watcher(db: Path, inbox: Path, debounce: float, as_process: bool):
    if as_process:
        process = subprocess.Popen(
            [sys.executable, "-m", "tracker.cli", "--db", str(db), "watch", str(inbox), "--debounce", str(debounce)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        return process.terminate
    from tracker.ingest.dropfolder import DropFolder
    from tracker.store import open_store

    store = open_store(str(db))
    folder = DropFolder(inbox, store, debounce=debounce).start()

    def stop():
        folder.stop()
        store.close()

    return stop


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drops", type=int, default=50)
    parser.add_argument("--burst", type=int, default=500)
    parser.add_argument("--debounce", type=float, default=0.5)
    parser.add_argument("--process", action="store_true", help="run the watcher as a `tracker watch` subprocess")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="drop-bench-") as folder:
        root = Path(folder)
        db, inbox = root / "tracker.db", root / "inbox"
        inbox.mkdir()
        from tracker.store import open_store

        open_store(str(db)).close()  # migrate before timing anything
        stop = start_watcher(db, inbox, args.debounce, args.process)
        reader = Reader(db)
        try:
            # Warm-up: the first article loads the spaCy models.
            land(inbox, "warmup.txt", article(0))
            wait(lambda: reader.observations_of("Essai 0") > 0)

            latencies = []
            for number in range(1, args.drops + 1):
                landed = land(inbox, f"drop{number:03d}.txt", article(number))
                wait(lambda n=number: reader.observations_of(f"Essai {n}") > 0)
                latencies.append(time.perf_counter() - landed)

            before = reader.articles()
            start = time.perf_counter()
            for number in range(10_000, 10_000 + args.burst):
                land(inbox, f"burst{number}.txt", article(number))
            wait(lambda: reader.articles() >= before + args.burst, step=0.05)
            burst_seconds = time.perf_counter() - start
        finally:
            stop()
            reader.engine.dispose()

    mode = "subprocess" if args.process else "thread"
    print(f"drop folder bench: watcher in a {mode}, debounce {args.debounce} s, SQLite, {os.cpu_count()} CPUs")
    print(f"latency, file landed -> observations readable, over {len(latencies)} drops:")
    print(f"  median {statistics.median(latencies):.3f} s   p95 {percentile(latencies, 0.95):.3f} s   "
          f"min {min(latencies):.3f} s   max {max(latencies):.3f} s   (goal: median < 2 s)")
    print(f"burst of {args.burst} files: {burst_seconds:.1f} s, {args.burst / burst_seconds:.1f} files/s")


if __name__ == "__main__":
    main()
