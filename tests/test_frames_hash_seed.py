"""The sides of a sentence do not depend on the process's hash seed: joiners of several words that
overlap ("s'est joint" / "s'est jointe", "aux côtés de" / "aux côtés des") are read as whole words,
the longest first (every sentence here is invented, none is copied from real reporting)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tracker.scorer.frames import word_tokens

_ROOT = Path(__file__).resolve().parents[1]

# Invented sentences whose joiners overlap another joiner of data/sides.tsv.
_SENTENCES = [
    "La France s'est jointe à l'Australie pour condamner la Chine.",
    "Le Canada, à l'instar des Pays-Bas, a sanctionné l'Iran.",
    "Le Japon, aux côtés des États-Unis, a condamné la Corée du Nord.",
]

_SCRIPT = """
import json, sys
from datetime import date
from tracker.records import Article
from tracker.scorer.pipeline import score_article
out = []
for text in json.loads(sys.argv[1]):
    article = Article(text=text, language="fr", published=date(2023, 5, 10), published_source="header")
    out.append(sorted((o.pair_code, o.score) for o in score_article(article).readings[-1].observations))
print(json.dumps(out))
"""


def _scores_with_seed(seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(_ROOT)}
    done = subprocess.run([sys.executable, "-c", _SCRIPT, json.dumps(_SENTENCES)], env=env, cwd=_ROOT,
                          capture_output=True, text=True, check=True, timeout=300)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_scores_are_the_same_under_different_hash_seeds():
    # seeds 0, 1 and 3 each read one of these sentences differently when joiners were replaced in a set's order
    first = _scores_with_seed("0")
    assert _scores_with_seed("1") == first
    assert _scores_with_seed("3") == first


def test_overlapping_joiners_leave_no_remnant():
    assert word_tokens("s'est jointe à") == [",", "à"]
    assert word_tokens("aux côtés des") == [","]
    assert word_tokens("à l'instar des") == [","]
    assert word_tokens("ainsi quelques") == ["ainsi", "quelques"]  # whole words only


def test_a_joiner_that_overlaps_none_reads_as_before():
    # Counter-example: a joiner no other joiner overlaps is one comma, as before.
    assert word_tokens(", ainsi que") == [",", ","]
    assert word_tokens("as well as the") == [",", "the"]
