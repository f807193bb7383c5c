"""A token's morphological features, read once per analysis rather than once per question.

spaCy's MorphAnalysis.get looks every value up in the string store on each call (~15 us: the
rules ask it thousands of times an article, the same few hundred analyses over and over). An
analysis is fully determined by its key (the hash of its "Feat=Val|..." string), so the answers
are kept per (analysis, field) (an analysis hashes and compares as its key): the same values, in
the same order, at the cost of a dict look-up.
"""

from __future__ import annotations

from spacy.tokens import MorphAnalysis, Token

# (analysis, field) -> the field's values, as MorphAnalysis.get gives them; a language's few
# thousand analyses at most
_VALUES: dict[tuple[MorphAnalysis, str], tuple[str, ...]] = {}
# analysis -> MorphAnalysis.to_dict()
_DICTS: dict[MorphAnalysis, dict[str, str]] = {}


def morph_values(token: Token, field: str) -> tuple[str, ...]:
    """The values of one morphological feature of the token (empty when it has none)."""
    analysis = token.morph
    key = (analysis, field)
    values = _VALUES.get(key)
    if values is None:
        values = _VALUES[key] = tuple(analysis.get(field, []))
    return values


def morph_dict(token: Token) -> dict[str, str]:
    """MorphAnalysis.to_dict() of the token (shared between calls: read it, do not change it)."""
    analysis = token.morph
    found = _DICTS.get(analysis)
    if found is None:
        found = _DICTS[analysis] = analysis.to_dict()
    return found
