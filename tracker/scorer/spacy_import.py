"""`import spacy` without its command-line package.

spaCy's `__init__` imports `spacy.cli.info` for the `spacy.info()` helper, and with it the whole
`spacy.cli` package: every command of spaCy's own CLI (train, convert, project...) with typer,
weasel and requests, ~370 modules and ~0.2 s of CPU at every start of `tracker`, of which the
scorer uses nothing. `import_spacy` imports spaCy with a stand-in `spacy.cli.info` whose `info`
imports the real one when called; the stand-in is gone once spaCy is imported, so a later
`import spacy.cli` (or `python -m spacy`) gets spaCy's real package. When spaCy is already
imported, or its `__init__` changes (a version that does not import `spacy.cli.info`), it is
imported as it is: slower, never different. tests/test_spacy_import.py checks both.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

_INFO = "spacy.cli.info"


def _info(*args: Any, **kwargs: Any) -> Any:
    """spacy.info, imported when first called (spaCy's CLI package with it)."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> ModuleType:
    """The spacy module, imported without spacy.cli when this process has not imported it yet."""
    if "spacy" in sys.modules or _INFO in sys.modules:
        import spacy

        return spacy
    stand_in = ModuleType(_INFO, "stands for spacy.cli.info while spaCy is imported (tracker.scorer.spacy_import)")
    stand_in.info = _info  # type: ignore[attr-defined]
    sys.modules[_INFO] = stand_in
    try:
        import spacy
    finally:
        if sys.modules.get(_INFO) is stand_in:
            del sys.modules[_INFO]
    return spacy
