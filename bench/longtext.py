"""Time and peak memory of `tracker ingest` on long articles, against a 0.1 MB one in the same run.

    .venv/bin/python bench/longtext.py [--sizes 0.1 1 5] [--one-paragraph]

Each article is the French corpus articles' bodies repeated up to the size in MB (of UTF-8; the
readers' limit is 5 MB), one file with a Title, Date and Language header, ingested by a real
`tracker ingest` subprocess into a fresh SQLite database. Printed per size: the wall-clock seconds,
the seconds net of start-up (a one-paragraph article measured first: models, lexicon), those per MB
as a multiple of the 0.1 MB article's (1.0 = time linear in size), the child's peak resident memory
(the kernel's ru_maxrss) and the observations stored. Goal: a 5 MB article under 1 GB, time linear.
--one-paragraph joins the paragraphs with spaces (an article without blank lines, cut in pieces).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
GOAL_MB = 1024
HEADER = "Title: Un long article\nDate: 2021-03-02\nLanguage: fr\n\n"


def corpus_bodies() -> str:
    """The French corpus articles' bodies (after their header), paragraphs kept."""
    bodies = [path.read_text(encoding="utf-8").split("\n\n", 1)[1].strip() for path in sorted((ROOT / "corpus" / "fr").glob("*.txt"))]
    return "\n\n".join(bodies)


def article_of(size_mb: float, one_paragraph: bool) -> bytes:
    bodies = corpus_bodies()
    limit = int(size_mb * MB) - len(HEADER.encode())
    copies = limit // len(bodies.encode()) + 1
    body = "\n\n".join([bodies] * copies).encode()[:limit].decode("utf-8", "ignore")
    body = body[: body.rfind("\n\n")] if "\n\n" in body else body  # end on a whole paragraph
    if one_paragraph:
        body = re.sub(r"\s*\n\s*\n\s*", " ", body)
    return (HEADER + body + "\n").encode()


def measure(data: bytes) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, what was stored) of `tracker ingest` on one file holding data."""
    with tempfile.TemporaryDirectory(prefix="longtext-") as folder:
        path = Path(folder) / "long.txt"
        path.write_bytes(data)
        command = [sys.executable, "-m", "tracker.cli", "--db", f"{folder}/bench.db", "ingest", "--no-progress", str(path)]
        env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "300"}
        start = time.monotonic()
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
        assert child.stdout is not None
        output = child.stdout.read().decode(errors="replace")
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.monotonic() - start
    summary = next((line for line in output.splitlines() if "stored (" in line), output.strip()[-300:])
    if status != 0:
        summary = f"exit {os.waitstatus_to_exitcode(status)}: {output.strip()[-300:]}"
    return seconds, usage.ru_maxrss / 1024, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1.0, 5.0], metavar="MB")
    parser.add_argument("--one-paragraph", action="store_true", help="no blank lines: one paragraph cut in pieces")
    args = parser.parse_args()

    startup, startup_rss, _ = measure((HEADER + corpus_bodies().split("\n\n")[0] + "\n").encode())
    print(f"start-up (one paragraph): {startup:.1f} s, peak RSS {startup_rss:.0f} MB")
    print(f"{'MB':>5} {'seconds':>8} {'net':>8} {'per MB vs 0.1':>14} {'peak RSS MB':>12}  stored")
    sizes = sorted(set([0.1, *args.sizes]))
    base_per_mb = None
    for size in sizes:
        seconds, rss, summary = measure(article_of(size, args.one_paragraph))
        net = max(seconds - startup, 0.0)
        per_mb = net / size
        base_per_mb = base_per_mb or per_mb
        verdict = "" if rss < GOAL_MB else f"  OVER {GOAL_MB} MB"
        print(f"{size:5.1f} {seconds:8.1f} {net:8.1f} {per_mb / base_per_mb:14.2f} {rss:12.0f}  {summary}{verdict}",
              flush=True)


if __name__ == "__main__":
    main()
