"""Peak memory of the watcher while it reads decompression bombs (goal: under 1 GB each).

    .venv/bin/python bench/bombs.py [--max-mb 5]

Each bomb is dropped alone into a fresh inbox and read by a real `tracker watch --once`
subprocess; its peak resident memory (the kernel's ru_maxrss for that child) and where the file
went (rejected/ or archive/) are printed, with the reason. A small good article is measured the
same way as the base line: the watcher's own imports without the scorer's models.
The bombs are built by tests/bombfiles.py (filler text, invented).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from bombfiles import docx_bomb, json_big_number, json_nested, pdf_bomb, zip_bomb  # noqa: E402

GOAL_MB = 1024


def bombs() -> dict[str, bytes]:
    return {
        "docx_192mb_text.docx": docx_bomb(192),
        "pdf_256mb_stream.pdf": pdf_bomb(256),
        "zip_147mb.zip": zip_bomb(4, entries=37),
        "zip_one_entry_1gb.zip": zip_bomb(1024),
        "json_nested_200000.json": json_nested(200_000),
        "json_number_5000_digits.json": json_big_number(5_000),
        "not_a_bomb.json": b'{"text": "x"}',
    }


def measure(name: str, data: bytes, max_mb: float) -> tuple[float, float, str]:
    """(peak RSS in MB, seconds, where the file went and why) for one bomb read by `tracker watch --once`."""
    with tempfile.TemporaryDirectory(prefix="bombs-") as folder:
        inbox = Path(folder) / "inbox"
        inbox.mkdir()
        (inbox / name).write_bytes(data)
        command = [sys.executable, "-m", "tracker.cli", "--db", f"{folder}/bench.db", "watch", str(inbox),
                   "--once", "--debounce", "0", "--max-mb", str(max_mb)]
        env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "300"}
        start = time.monotonic()
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
        assert child.stdout is not None
        output = child.stdout.read().decode(errors="replace")
        _, _, usage = os.wait4(child.pid, 0)
        seconds = time.monotonic() - start
        where = "rejected" if (inbox / "rejected" / name).exists() else "archive" if any(
            (inbox / "archive").rglob(name)) else "inbox"
        lines = [line.strip() for line in output.splitlines() if name in line or "rejected" in line]
        reason = lines[0] if lines else output.strip()[-200:]
        return usage.ru_maxrss / 1024, seconds, f"{where}: {reason[:160]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-mb", type=float, default=5.0)
    args = parser.parse_args()
    print(f"{'file':30} {'packed':>9} {'peak RSS':>9} {'time':>6}  outcome")
    worst = 0.0
    for name, data in bombs().items():
        peak, seconds, outcome = measure(name, data, args.max_mb)
        worst = max(worst, peak)
        print(f"{name:30} {len(data) / 1024:7.0f}KB {peak:7.0f}MB {seconds:5.1f}s  {outcome}")
    print(f"worst peak RSS {worst:.0f} MB (goal under {GOAL_MB} MB): {'ok' if worst < GOAL_MB else 'OVER'}")


if __name__ == "__main__":
    main()
