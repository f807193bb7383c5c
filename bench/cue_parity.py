"""Which CAMEO categories of the hand-written cue rows one language has and the other lacks.

Every row written by hand (en.tsv, fr.tsv, cameo.fr.tsv: not the generated cameo.en.tsv) whose note
names a CAMEO code ("CAMEO 152", "CAMEO 0874") is put under the code's first three digits (or its
root, the first two, with --level 2). The report lists, per language, the rows of every category the
other language has no row of, and ends with the counts:

    PYTHONPATH=. python bench/cue_parity.py [--level 2|3] [--summary]

A row whose note names no code but refers to another row ('as "mass ~3 troop"', "as above", "as
the French row") takes that row's code; a row with neither is counted apart ("no code"). A two-digit
code ("CAMEO 15/19") stands for its root: at level 3 it meets any code of the root in the other
language. Weight-0 rows ("not a cue") are left out.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict

from tracker.scorer.lexicon import builtin_files, is_generated, read_lexicon_file

CODE = re.compile(r"CAMEO (\d{2,4})")
QUOTED = re.compile(r'\bas (?:the [a-z]+ row )?"([^"]+)"')
ABOVE = re.compile(r"\bas (?:above|before|the (?:French|English) row)\b")
LANGS = ("en", "fr")


def categories(level: int) -> tuple[dict[str, dict[str, list[str]]], dict[str, int]]:
    """lang -> category -> the patterns of its rows; and lang -> rows with no code."""
    found: dict[str, dict[str, list[str]]] = {lang: defaultdict(list) for lang in LANGS}
    uncoded = dict.fromkeys(LANGS, 0)
    codes: dict[tuple[str, str], str] = {}  # (lang, pattern) -> code, for the notes that refer to a row
    for path in builtin_files():
        previous = ""
        for entry in read_lexicon_file(path):
            if entry.lang not in found or is_generated(entry):
                continue
            code = _code(entry.note, entry.lang, codes, previous)
            previous = code or previous
            if code:
                codes[(entry.lang, entry.pattern)] = code
            if entry.weight == 0:
                continue
            if not code:
                uncoded[entry.lang] += 1
                continue
            found[entry.lang][code[:level]].append(entry.pattern)
    return found, uncoded


def _covered(code: str, other: dict[str, list[str]]) -> bool:
    """Whether the other language has a row of the category: the same code, or, for a root-only code
    ("CAMEO 15/19"), a code of its root, or the root-only code of this one's root."""
    return code in other or (len(code) == 2 and any(c.startswith(code) for c in other)) or code[:2] in other


def _code(note: str, lang: str, codes: dict[tuple[str, str], str], previous: str) -> str:
    """The CAMEO code a row's note names, or that of the row it refers to."""
    named = CODE.search(note)
    if named:
        return named.group(1)
    quoted = QUOTED.search(note)
    if quoted:
        for side in (lang, "en" if lang == "fr" else "fr"):
            if (side, quoted.group(1)) in codes:
                return codes[(side, quoted.group(1))]
    return previous if ABOVE.search(note) else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--level", type=int, choices=(2, 3), default=3, help="digits of the code compared")
    parser.add_argument("--summary", action="store_true", help="the counts only")
    args = parser.parse_args()
    found, uncoded = categories(args.level)
    for lang, other in (("en", "fr"), ("fr", "en")):
        missing = sorted(code for code in found[lang] if not _covered(code, found[other]))
        rows = sum(len(found[lang][code]) for code in missing)
        if not args.summary:
            print(f"=== {lang} categories with no {other} row ===")
            for code in missing:
                print(f"CAMEO {code}\t{len(found[lang][code])}\t" + " | ".join(found[lang][code]))
        thin = sorted(code for code in found[lang] if code in found[other]
                      and len(found[lang][code]) >= 4 and 4 * len(found[other][code]) <= len(found[lang][code]))
        if not args.summary:
            print(f"=== {lang} categories where {other} has a quarter of the rows or fewer ===")
            for code in thin:
                print(f"CAMEO {code}\t{len(found[lang][code])} vs {len(found[other][code])}\t"
                      + " | ".join(found[other][code]))
        print(f"{lang}: {sum(1 for rows in found[lang].values() if rows)} categories, {sum(map(len, found[lang].values()))} coded rows "
              f"({uncoded[lang]} without a code); {len(missing)} categories ({rows} rows) with no {other} row; "
              f"{len(thin)} where {other} has a quarter of the rows or fewer")


if __name__ == "__main__":
    main()
