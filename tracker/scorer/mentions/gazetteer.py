"""The word index of country mentions, built from the data files, and the scan that finds them.

Names come from countries.name_variants (pycountry, Babel, country_variants.tsv), capitals,
institutions and blocked phrases from places.tsv, demonyms from demonyms.tsv (and the ambiguous ones,
with their usual reading, from ambiguous.tsv), compound prefixes
("russo-") from country_prefixes.tsv and leaders' name forms from leaders.csv. The index is built
once per language and reused: a lookup is a dictionary hit, far cheaper than the parse.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, fields
from functools import cache
from importlib.metadata import version

from tracker.scorer.countries import name_variants
from tracker.scorer.leaders import name_forms
from tracker.scorer.mentions.ambiguous import ambiguous_demonyms
from tracker.scorer.mentions.pieces import Piece, fold_word, join_key, phrase_key, split_words
from tracker.scorer.mentions.wordlists import data_rows, role_words, split_cell
from tracker.scorer.setup_cache import cached

LANGS = ("fr", "en")
MAX_PIECES = 10  # the longest phrase we match, in pieces ("Corps des Gardiens de la révolution islamique")

# Not countries in our sense: Hong Kong and Macao are parts of China, Antarctica nobody's.
_EXCLUDED_CODES = {"HKG", "MAC", "ATA", "UMI"}


def french_demonym_forms(base: str) -> list[str]:
    """russe -> russe(s); syrien -> syrienne(s); libyen -> libyenne(s); chinois -> chinoise(s);
    américain -> américaine(s)."""
    if base.endswith("e"):
        return [base, base + "s"]
    if base.endswith(("s", "x")):
        return [base, base + "e", base + "es"]
    if base.endswith("en"):  # -ien, -éen, -yen (libyen, uruguayen): the n doubles
        return [base, base + "s", base + "ne", base + "nes"]
    return [base, base + "e", base + "s", base + "es"]


def english_demonym_forms(base: str) -> list[str]:
    """Russian -> Russian(s); Chinese, Turkish, French, Swiss take no plural s."""
    if base.endswith(("ese", "ish", "ch", "ss", "sh", "sy")):
        return [base]
    return [base, base + "s"]


@cache
def demonyms(lang: str) -> tuple[tuple[str, str], ...]:
    """(code, form) for every demonym form of the language."""
    out: list[tuple[str, str]] = []
    for row in data_rows("demonyms.tsv"):
        if row["lang"] != lang:
            continue
        if row["forms"]:
            forms = split_cell(row["forms"])
        elif lang == "fr":
            forms = french_demonym_forms(row["base"])
        else:
            forms = english_demonym_forms(row["base"])
        out.extend((row["code"], form) for form in [*forms, *split_cell(row["extra"])])
    return tuple(out)


@dataclass(frozen=True)
class Entry:
    """One way of writing a country mention (or a blocked phrase)."""

    code: str  # ISO alpha-3; "" for a block
    kind: str  # name | demonym | capital | institution | person | prefix | block | anaphora | reference
    form: str
    caps: tuple[bool, ...]  # per piece: a capitalised form must be capitalised in the text
    exact: tuple[str, ...] | None = None  # pieces the text must equal letter for letter
    people: tuple[tuple[str, bool], ...] = ()  # (leader name, needs a title) for persons

    def accepts(self, words: list[str]) -> bool:
        if self.exact is not None:
            return tuple(words) == self.exact
        return all(
            not cap or (word[:1].isupper() or not word[:1].isalpha())
            for cap, word in zip(self.caps, words, strict=False)
        )


def make_entry(
    code: str, kind: str, form: str, exact: bool = False, people: Iterable[tuple[str, bool]] = ()
) -> tuple[str, Entry]:
    """(folded key, entry) of one written form."""
    words = [word for word, *_ in split_words(form)]
    caps = tuple(word[:1].isupper() for word in words)
    return phrase_key(form), Entry(code, kind, form, caps, tuple(words) if exact else None, tuple(people))


@dataclass
class PhraseIndex:
    """Folded keys -> entries, with the prefixes of every key so a scan stops early."""

    entries: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    prefixes: set[str] = field(default_factory=set)

    def add(self, key: str, entry: Entry) -> None:
        if not key:
            return
        if entry not in self.entries[key]:
            self.entries[key].append(entry)
        partial = ""
        for word, *_ in split_words(key):
            partial = join_key(partial, word)
            self.prefixes.add(partial)

    def has_kind(self, key: str, kinds: Collection[str]) -> bool:
        """Whether the key is a form of one of these kinds ("demonym", "name"...)."""
        return any(entry.kind in kinds for entry in self.entries.get(key, ()))


@cache
def mention_index(lang: str) -> PhraseIndex:
    """Every country form for a language; built once per process, the forms other than leaders'
    read back from the set-up cache (keyed on the data files and pycountry's and Babel's versions:
    0.2 s to build, 0.05 s to read)."""
    if lang not in LANGS:
        raise ValueError(f"no mention rules for language {lang!r}; supported: {', '.join(LANGS)}")
    rows, prefixes = cached(f"mention-index-{lang}", [lang, *_name_sources()], lambda: _index_rows(_place_index(lang)))
    index = PhraseIndex()
    for key, entries in rows.items():
        index.entries[key] = [Entry(*entry) for entry in entries]
    index.prefixes = set(prefixes)
    _add_people(index)
    return index


def _name_sources() -> list[str]:
    """The versions of the packages country names come from (countries.name_variants)."""
    return [f"{package} {version(package)}" for package in ("pycountry", "babel")]


def _index_rows(index: PhraseIndex) -> tuple[dict[str, list[tuple]], list[str]]:
    """An index as plain data for the set-up cache: each entry's fields, in order; the prefixes."""
    names = [f.name for f in fields(Entry)]  # dataclasses.astuple would deep-copy every field
    rows = {key: [tuple(getattr(entry, name) for name in names) for entry in entries] for key, entries in index.entries.items()}
    return rows, sorted(index.prefixes)


def _place_index(lang: str) -> PhraseIndex:
    """Every country form for a language but leaders' names."""
    index = PhraseIndex()
    places = data_rows("places.tsv")
    blocked = {phrase_key(form) for row in places if row["kind"] == "block" for form in split_cell(row["forms"])}
    for key in blocked:
        index.add(key, Entry("", "block", key, ()))
    # Organisations named after a country word ("Organization of American States") in either
    # language: the longest match wins, so the whole name hides its country word.
    for one in LANGS:
        for key in role_words(one).get("named_body", ()):
            index.add(key, Entry("", "block", key, ()))
    for variant in name_variants():
        # Babel's names in the text's language only (and pycountry's English ones for English):
        # "Jordan" in a French text is Jordan Bardella, not Jordan.
        in_language = variant.source in {"variants", f"babel-{lang}"} or (variant.source == "pycountry" and lang == "en")
        if variant.code in _EXCLUDED_CODES or not in_language:
            continue
        key, entry = make_entry(variant.code, "name", variant.text, variant.exact_case)
        if key not in blocked:
            index.add(key, entry)
    for row in places:
        if row["kind"] != "block":
            for form in split_cell(row["forms"]):
                index.add(*make_entry(row["code"], row["kind"], form, row["case"] == "exact"))
    for code, form in demonyms(lang) + ambiguous_demonyms(lang):
        index.add(*make_entry(code, "demonym", form))
    for row in data_rows("country_prefixes.tsv"):
        index.add(*make_entry(row["code"], "prefix", row["prefix"]))
    return index


def _add_people(index: PhraseIndex) -> None:
    """One person entry per written name form, with every leader who goes by it."""
    entries, prefixes = people_entries()
    for key, entry in entries.items():
        index.entries[key].append(entry)
    index.prefixes |= prefixes


@cache
def people_entries() -> tuple[dict[str, Entry], frozenset[str]]:
    """The person entries (the same in both languages) and the prefixes of their keys, built once
    and kept in the set-up cache: with the derived leaders tables they are thousands."""
    rows, prefixes = cached("leader-forms", [], _people_rows)
    entries = {key: Entry("", "person", form, caps, None, people) for key, form, caps, people in rows}
    return entries, frozenset(prefixes)


def _people_rows() -> tuple[list[tuple[str, str, tuple[bool, ...], tuple[tuple[str, bool], ...]]], list[str]]:
    """(key, written form, caps, people) per key, and every key's prefixes; each form cut once."""
    people: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    written: dict[str, tuple[str, tuple[bool, ...]]] = {}
    prefixes: set[str] = set()
    folded: dict[str, str] = {}  # names share many words ("Mohammad", "Abdul")
    for name_form in name_forms():
        key = ""
        caps = []
        for word, *_ in split_words(name_form.text):
            if word not in folded:
                folded[word] = fold_word(word)
            key = join_key(key, folded[word])
            caps.append(word[:1].isupper())
            prefixes.add(key)
        if key:
            people[key].append((name_form.person, name_form.needs_title))
            # a form written in lowercase ("talibans" beside "Talibans") accepts the lowercase text, in any order
            text, known = written.setdefault(key, (name_form.text, tuple(caps)))
            written[key] = (text, tuple(a and b for a, b in zip(known, caps, strict=False)))
    return [(key, *written[key], tuple(persons)) for key, persons in people.items()], sorted(prefixes)


@cache
def anaphora_index(lang: str) -> PhraseIndex:
    """'les deux pays', 'both countries', 'relations bilatérales'... expanded from anaphora.tsv; the rows
    whose ``refers`` is "other" ('son voisin', 'its neighbour') are entries of kind "reference"."""
    index = PhraseIndex()
    for row in data_rows("anaphora.tsv"):
        if row["lang"] == lang and row.get("refers") != "subject" and SLOT not in row["phrase"]:
            kind = "reference" if row.get("refers") in ("other", "act") else "anaphora"
            for phrase in expand_choices(row["phrase"]):
                index.add(phrase_key(phrase), Entry("", kind, phrase, ()))
    return index


# the modifier slot of an anaphora.tsv row ("{the|both} two * {countries|nations}"): one to SLOT_REACH words
SLOT = "*"
SLOT_REACH = 4


@cache
def slot_indexes(lang: str) -> tuple[PhraseIndex, PhraseIndex, dict[str, frozenset[int]]]:
    """The anaphora.tsv rows of `lang` with a modifier slot, cut at it: the words before the slot (determiner and
    number: "the two", "les deux"), the group nouns after it ("nations", "voisins"), and each of those forms ->
    the rows it comes from (a head and a noun make a phrase only from the same row)."""
    heads, nouns = PhraseIndex(), PhraseIndex()
    rows: dict[str, set[int]] = defaultdict(set)
    for number, row in enumerate(data_rows("anaphora.tsv")):
        if row["lang"] != lang or SLOT not in row["phrase"]:
            continue
        head, noun = row["phrase"].split(SLOT)
        for index, part, side in ((heads, head, "head"), (nouns, noun, "noun")):
            for form in expand_choices(part):
                index.add(phrase_key(form), Entry("", side, form, ()))
                rows[f"{side}:{form}"].add(number)
    return heads, nouns, {key: frozenset(value) for key, value in rows.items()}


def slot_scan(pieces: list[Piece], lang: str,
              modifiers: Callable[[int, int], bool] | None = None) -> list[tuple[int, int, list[Entry]]]:
    """Every (first, last, entries) of an anaphora.tsv row with a modifier slot: its head, one to SLOT_REACH
    words, then one of its group nouns ("the two Andean neighbours", "les deux grands voisins").
    `modifiers(first, last)` tells whether pieces [first, last) may fill the slot (from the parse: adjectives,
    demonyms, compound modifiers); None accepts any words (read on the tokens alone). The entry's form is the
    row's expanded phrase with the slot kept ("the two * nations"), as anaphora_details has it."""
    heads, nouns, rows = slot_indexes(lang)
    if not heads.entries:
        return []
    by_first: dict[int, list[tuple[int, list[Entry]]]] = defaultdict(list)
    starts = scan(pieces, heads)
    if not starts:
        return []
    for first, last, entries in scan(pieces, nouns):
        by_first[first].append((last, entries))
    hits = []
    for first, last, head_entries in starts:
        for at in range(last + 1, min(last + SLOT_REACH, len(pieces) - 1) + 1):
            if not pieces[at - 1].key[:1].isalnum():
                break  # a sign ends the slot
            for end, noun_entries in by_first.get(at, ()):
                combined = [Entry("", "anaphora", f"{h.form} {SLOT} {n.form}", ())
                            for h in head_entries for n in noun_entries
                            if rows[f"head:{h.form}"] & rows[f"noun:{n.form}"]]
                if combined and (modifiers is None or modifiers(last, at)):
                    hits.append((first, end, combined))
    return hits


@cache
def subject_index(lang: str) -> PhraseIndex:
    """anaphora.tsv rows whose ``refers`` is "subject" ('ils', 'les autorités du pays', "l'émirat"):
    read only as a verb's subject (pairs.subject_phrases), so they are kept apart from `anaphora_index`,
    which also decides which sentences are parsed."""
    index = PhraseIndex()
    for row in data_rows("anaphora.tsv"):
        if row["lang"] == lang and row.get("refers") == "subject":
            for phrase in expand_choices(row["phrase"]):
                index.add(phrase_key(phrase), Entry("", "reference", phrase, ()))
    return index


@cache
def anaphora_details(lang: str) -> dict[str, tuple[str, frozenset[str] | None]]:
    """Each anaphora.tsv phrase of `lang` (as expanded: an Entry's form) -> its ``refers`` and the countries its noun
    agrees with (``fits`` through state_nouns.tsv; None = any country): what pairs.py checks against
    the antecedent of a state noun ("le royaume" is a kingdom) or of a demonstrative."""
    groups = {row["group"]: frozenset(row["countries"].split()) for row in data_rows("state_nouns.tsv")}
    details: dict[str, tuple[str, frozenset[str] | None]] = {}
    for row in data_rows("anaphora.tsv"):
        if row["lang"] == lang:
            fits = groups[row["fits"]] if row.get("fits") else None
            for phrase in expand_choices(row["phrase"]):
                details.setdefault(phrase, (row.get("refers", ""), fits))
    return details


def expand_choices(pattern: str) -> list[str]:
    """'{les|des} deux {pays|nations}' -> the four phrases."""
    match = re.search(r"\{([^}]*)\}", pattern)
    if not match:
        return [re.sub(r"\s+", " ", pattern).strip()]
    head, tail = pattern[: match.start()], pattern[match.end() :]
    return [phrase for choice in match.group(1).split("|") for phrase in expand_choices(head + choice + tail)]


@cache
def list_index(lang: str, listname: str) -> PhraseIndex:
    """A word list of roles.tsv as a PhraseIndex, to find its phrases anywhere in a sentence."""
    index = PhraseIndex()
    for key in role_words(lang).get(listname, ()):
        index.add(key, Entry("", listname, key, ()))
    return index


@cache
def acronyms(lang: str, listname: str) -> dict[str, set[str]]:
    """Folded key -> the capitalised forms a list gives for it ("un" -> {"UN"})."""
    out: dict[str, set[str]] = defaultdict(set)
    for row in data_rows("roles.tsv"):
        if row["lang"] == lang and row["list"] == listname and row["phrase"].isupper():
            out[phrase_key(row["phrase"])].add(row["phrase"])
    return dict(out)


@dataclass(frozen=True)
class Found:
    """A matched phrase: pieces [first, last) and the entry that accepted the text."""

    first: int
    last: int
    entry: Entry


def scan(pieces: list[Piece], index: PhraseIndex) -> list[tuple[int, int, list[Entry]]]:
    """Every (first, last, entries) whose folded pieces form a key of the index.

    Runs on every sentence, so it stays a tight loop: a start is tried only if its piece begins
    some key, and a phrase grows only while it is the beginning of some key.
    """
    prefixes, entries = index.prefixes, index.entries
    keys = [piece.key for piece in pieces]
    count = len(keys)
    hits = []
    for first in range(count):
        key = keys[first]
        if key not in prefixes:
            continue
        last = first
        while True:
            if key in entries:
                hits.append((first, last + 1, entries[key]))
            last += 1
            if last >= count or last - first >= MAX_PIECES:
                break
            key = key + keys[last] if key.endswith("'") else f"{key} {keys[last]}"
            if key not in prefixes:
                break
    return hits


def longest_first(found: list[Found]) -> list[Found]:
    """Non-overlapping matches, the longest winning (so "Washington Post" hides "Washington")."""
    taken: set[int] = set()
    kept = []
    for match in sorted(found, key=lambda match: (match.first - match.last, match.first)):
        span = set(range(match.first, match.last))
        if not span & taken:
            taken |= span
            kept.append(match)
    return sorted(kept, key=lambda match: match.first)
