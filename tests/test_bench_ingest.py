"""bench/ingest.py as the scoring pool's workers see it.

Every pool worker runs the parent's main script again before its first task (multiprocessing's
forkserver and spawn start methods do, under the name __mp_main__). `tracker ingest`'s script costs a
worker 0.05 s of CPU; the bench script importing SQLAlchemy at its top cost each worker ~0.35 s more,
which made `--workers 2` look slower than the CLI is.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "ingest.py"


def test_a_pool_worker_running_the_bench_script_again_imports_no_database_library():
    check = (
        "import runpy, sys\n"
        f"runpy.run_path({str(BENCH)!r}, run_name='__mp_main__')\n"
        "print(sorted(m for m in ('sqlalchemy', 'tracker.store') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", check], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"
