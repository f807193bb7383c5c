"""spaCy imported by the scorer without its command-line package (tracker/scorer/spacy_import.py).

Each check runs in a fresh interpreter: whether spacy.cli is imported depends on what the process
imported before.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_scorer_imports_spacy_without_its_cli_and_spacy_still_works():
    out = _run(
        "import sys\n"
        "import tracker.scorer\n"
        "import spacy\n"
        "print('cli' if 'spacy.cli' in sys.modules else 'no cli')\n"
        "print(spacy.blank('fr')('Le Canada et la Chine.').__len__())\n"
        "print(sorted(spacy.info())[:1])\n"  # the real spacy.info, imported when called
        "print('cli' if 'spacy.cli' in sys.modules else 'no cli')\n"
    )
    assert out.splitlines() == ["no cli", "6", "['location']", "cli"]


def test_spacy_cli_imported_afterwards_is_spacys_own():
    out = _run(
        "import tracker.scorer\n"
        "import spacy.cli\n"
        "from spacy.cli.info import info_cli\n"
        "print(spacy.cli.download.__module__, spacy.cli.info.__module__, info_cli.__name__)\n"
    )
    assert out == "spacy.cli.download spacy.cli.info info_cli"


def test_spacy_imported_first_is_left_as_it_is():
    out = _run(
        "import sys\n"
        "import spacy\n"
        "import tracker.scorer\n"
        "print('cli' if 'spacy.cli' in sys.modules else 'no cli', spacy.info.__module__)\n"
    )
    assert out == "cli spacy.cli.info"


def test_the_store_opens_without_spacy():
    """Storing articles needs no model: a pooled ingest's parent and `tracker status` import the
    store alone (the period formula's module, and spaCy with it, only when a query runs)."""
    out = _run(
        "import sys, tempfile\n"
        "from tracker.store import open_store\n"
        "store = open_store(tempfile.mkdtemp() + '/t.db')\n"
        "print(sorted(m for m in ('spacy', 'tracker.scorer') if m in sys.modules))\n"
        "from tracker.store.queries import pairs_by_volume\n"
        "pairs_by_volume(store.engine)\n"
        "print(sorted(m for m in ('spacy', 'tracker.scorer') if m in sys.modules))\n"
    )
    assert out.splitlines() == ["[]", "['spacy', 'tracker.scorer']"]


def test_the_scorer_runs_every_component_the_models_enable_but_ner(nlp_fr, nlp_en):
    """The components left out at load (tracker/scorer/nlp.py EXCLUDED) are NER and those the
    models' own configuration disables (the statistical sentence splitter): none would have run."""
    from spacy.util import load_config

    from tracker.scorer.nlp import QUOTED_QUESTIONS

    for pipeline in (nlp_fr, nlp_en):
        config = load_config(Path(pipeline.path, "config.cfg"))["nlp"]
        enabled = [name for name in config["pipeline"] if name not in config["disabled"] and name != "ner"]
        added = ("sentencizer", QUOTED_QUESTIONS)  # the boundaries the scorer adds (tracker/scorer/nlp.py)
        assert [name for name in pipeline.pipe_names if name not in added] == enabled
        assert pipeline.disabled == []
