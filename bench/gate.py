"""The evaluation gate's figures for any gold file, without the floors: what a blind measure prints.

    .venv/bin/python bench/gate.py tests/gold/heldout4.jsonl [--misses]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from test_gate import _report, evaluate, load_gold, read_line  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--misses", action="store_true", help="list every miss too")
    args = parser.parse_args()
    for path in args.paths:
        tallies, misses = evaluate([read_line(r) for r in load_gold(path)])
        report = _report(tallies, misses, path)
        print(report if args.misses else report.split("\n--- ")[0])


if __name__ == "__main__":
    main()
