"""Word families (data/lexicon/families.tsv): words that say the same thing in a cue phrase.

A lexicon row is written with one word per slot ("réduire relation diplomatique", "sever ~3 tie"),
but news says the same act with another word of its family: "réduire ses liens diplomatiques",
"relationship soured", "the envoy was expelled". Each family is a small set of true synonyms in the
domain (or the noun and the verb of one act); when the patterns are compiled (matching.py), every
pattern with a family member in a slot is also compiled with each other member in that slot, so
each row covers its family. The sentences are not searched for families: a sentence costs what it
did, and a word no pattern used before is only one more key.

A row written by hand wins: a variant whose words are those of another row is left out, so that
row's weight and category stay in force ("cut ~3 relation" 7 and "cut ~3 tie" 6.5 both stay).
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from tracker.scorer.lexicon import DATA_DIR, LANGUAGES

FAMILIES_FILE = DATA_DIR / "families.tsv"
MEMBER_SEPARATOR = "|"
# A member written ">word" is a class member reached one way, and only where the parse links a
# row's verb and object (matching.py, finder._linked): a row written with a member of the family also
# reads it there, but a row written with it is not varied ("a retiré ses forces" reads "retirer ~4
# troupe"; "recours à la force" stays itself, and "arrêtés par les forces" is no arrest of troops).
ONE_WAY = ">"
# Variants of one pattern at most: a long pattern with a member in every slot stays bounded.
MAX_VARIANTS = 64


@dataclass(frozen=True)
class Family:
    lang: str
    members: tuple[str, ...]  # lemmas, a member may be several words ("kick out")
    note: str
    reach: tuple[str, ...] = ()  # one-way members (ONE_WAY): read for a member, never varied themselves


def read_families(path: Path = FAMILIES_FILE) -> list[Family]:
    """Every row; a malformed row is a ValueError naming the file and line."""
    families: list[Family] = []
    seen: dict[tuple[str, str], int] = {}
    header = False
    for lineno, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not header:
            header = True
            continue
        cells = [c.strip() for c in raw.split("\t")]
        where = f"{path}:{lineno}"
        if len(cells) < 2:
            raise ValueError(f"{where}: expected lang, members, note")
        lang = cells[0]
        written = tuple(" ".join(m.lower().split()) for m in cells[1].split(MEMBER_SEPARATOR))
        members = tuple(m for m in written if not m.startswith(ONE_WAY))
        reach = tuple(" ".join(m[len(ONE_WAY):].split()) for m in written if m.startswith(ONE_WAY))
        if lang not in LANGUAGES:
            raise ValueError(f"{where}: language '{lang}' is not one of {', '.join(LANGUAGES)}")
        if not members or len(members) + len(reach) < 2 or not all(members + reach):
            raise ValueError(f"{where}: a family names at least two members separated by '{MEMBER_SEPARATOR}'"
                             f" (one at least not '{ONE_WAY}')")
        if any(m.startswith(("~", "=")) for member in members + reach for m in member.split()):
            raise ValueError(f"{where}: a member is words, without gaps (~N) or exact forms (=form)")
        for member in members + reach:
            if (lang, member) in seen:
                raise ValueError(f"{where}: '{member}' is already in the family of line {seen[(lang, member)]}")
            seen[(lang, member)] = lineno
        families.append(Family(lang, members, cells[2] if len(cells) > 2 else "", reach))
    return families


@functools.lru_cache(maxsize=8)
def families(lang: str, path: Path = FAMILIES_FILE) -> tuple[Family, ...]:
    return tuple(f for f in read_families(path) if f.lang == lang)


def families_hash(lang: str, path: Path = FAMILIES_FILE) -> str:
    """What in the families changes a reading (the members, not the notes)."""
    text = "\n".join(MEMBER_SEPARATOR.join(f.members + tuple(ONE_WAY + m for m in f.reach))
                     for f in families(lang, path))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


Keyed = list[str | int]


class KeyedFamilies:
    """One language's families with their members as pattern keys, indexed by a member's first key."""

    def __init__(self, members: list[list[tuple[str, ...]]], reach: list[list[tuple[str, ...]]] | None = None):
        self.members = [list(dict.fromkeys(m for m in family if m)) for family in members]
        # One-way members (families.tsv ">word"): a replacement for a member, never a site of their own.
        self.reach = [list(dict.fromkeys(m for m in family if m)) for family in (reach or [[] for _ in members])]
        self.by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for index, family in enumerate(self.members):
            for member in family:
                self.by_first.setdefault(member[0], []).append((member, index))

    def member_at(self, parts: Keyed, position: int) -> tuple[int, int] | None:
        """The longest member starting at parts[position]: (its length, its family's index)."""
        first = parts[position]
        best: tuple[int, int] | None = None
        for member, index in self.by_first.get(first, ()) if isinstance(first, str) else ():
            size = len(member)
            if tuple(parts[position:position + size]) == member and (best is None or size > best[0]):
                best = (size, index)
        return best

    def expand(self, parts: Keyed, reach: bool = False) -> list[Keyed]:
        """The variants of a keyed pattern (words as keys, gaps as ints): each family member found
        in it replaced by each other member of its family, alone or together with the others found
        (the pattern itself is not among them). Exact forms ("=shelling") are no member. A pattern
        that is one member alone is not varied: a word alone is a cue by its own sense ("envoy" is a
        visit, "ambassador" is none). With ``reach``, the one-way members too (families.tsv ">word":
        read only where the parse links the row's words, matching.py)."""
        sites: list[tuple[int, int, int]] = []  # (start, length, family) of each member found
        position = 0
        while position < len(parts):
            found = self.member_at(parts, position)
            if found is None:
                position += 1
                continue
            length, family = found
            sites.append((position, length, family))
            position += length
        if not sites or sites == [(0, len(parts), sites[0][2])]:
            return []
        variants: list[Keyed] = [[]]
        last = 0
        for start, length, family in sites:
            own = tuple(parts[start:start + length])
            others = self.members[family] + (self.reach[family] if reach else [])
            choices = [own] + [m for m in others if m != own]
            prefix = parts[last:start]
            variants = [v + prefix + list(choice) for v in variants for choice in choices][:MAX_VARIANTS + 1]
            last = start + length
        return [v + parts[last:] for v in variants[1:]]
