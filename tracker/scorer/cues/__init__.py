"""Find the lexicon's cue phrases in a sentence and weigh them with their modifiers.

The rules are data: the modifier rows in data/lexicon/modifiers.tsv and the word sets beside them
in data/lexicon/cue_words.tsv. The modules, in the order a sentence goes through them:

    words.py     the word sets (articles, contractions, negation particles, topic markers, ...)
    rules.py     the modifier table: its rows, indexed per language as the rules look them up
    keys.py      words reduced to the keys patterns are written in (lookup lemmas, candidates)
    families.py  word families (data/lexicon/families.tsv): a phrase pattern's word stands for its family
    matching.py  lexicon phrase matching on keys, gapped patterns, overlaps
    context.py   one sentence's shared work: positions, exceptions, the parse around a cue
    windows.py   modifiers in small windows around a cue (English, and French without a parse)
    modifiers.py the French parse rules, one function per modifier kind
    weighing.py  the strongest modifier of each kind, then the weight and its notes
    finder.py    CueFinder, which runs the above on a sentence, and cue_finder()
"""

from .finder import RULES_VERSION, CueFinder, cue_finder
from .rules import MODIFIER_KINDS, MODIFIERS_FILE, ModifierRule, load_modifiers
from .weighing import NEGATION_CAP

__all__ = ["MODIFIERS_FILE", "MODIFIER_KINDS", "NEGATION_CAP", "RULES_VERSION", "CueFinder", "ModifierRule",
           "cue_finder", "load_modifiers"]
