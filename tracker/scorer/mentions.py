"""Who is acting in a sentence: country mentions and their role.

A country is mentioned by name ("la Russie", "U.S."), demonym ("le président américain", "les
Russes"), capital as metonym ("Moscou et Washington"), institution ("le Kremlin"), person (a leader
in office at the article's date) or compound adjective ("russo-américain", "Sino-US").
Each mention gets a role, and only actors form pairs:

- ``actor``: acts or is acted upon ("contre la Syrie", "avec la Russie", "pression sur l'Iran");
- ``topic``: what is talked about ("au sujet du dossier syrien", "sur la Syrie", "over Ukraine");
- ``place``: where something happens ("à Moscou", "en Syrie", "territoire syrien");
- ``mediator``: "sous l'égide des États-Unis", "brokered by Qatar";
- ``former``: a leader out of office at the article's date, "l'ancien président américain".

Subject matter and descriptions are no parties either (word lists in roles.tsv):
- an English possessive of a subject ("North Korea's missile programme", "Taiwan's status"), unless
  the phrase is acted upon ("curb Iran's programme", "sanctions on Iran's programme");
- the object of talks: "talks on Ukraine", "a deal on Taiwan", "pourparlers sur la Corée du Nord";
- goods: a demonym qualifying a commodity or an economy is its origin ("Russian oil", "le gaz
  russe", "S-400 russes"), a party only with a trade word before it ("buy Russian oil": the seller)
  or a target word ("tariffs on Chinese steel"). Cost: in "India buys Russian oil despite US
  pressure" Russia also pairs with the United States;
- a country leading a standing organisation ("the U.S.-led NATO alliance", "l'OTAN emmenée par les
  États-Unis"); a coalition's leader stays a party ("the Saudi-led coalition struck ...");
- mediation and hosting in compounds and phrases ("Qatar-brokered talks", "U.S.-mediated", "talks
  convened by Kenya", "un sommet organisé par l'Arabie saoudite"); an organiser of anything but a
  meeting acts ("les référendums organisés par la Russie");
- venues around a place ("near Washington", "on the outskirts of Moscow", "non loin de Bagdad") and
  a demonym qualifying a place, capitalised words allowed between in English ("the Jordanian Red Sea
  port of Aqaba", "la station balnéaire égyptienne");
- "the border between X and Y" when the sentence names a natural event or a structure (earthquake,
  séisme, flood, bridge): where it happened. Without one ("clashes on the border between ...") the
  two stay parties;
- currencies and markets ("the U.S. dollar", "South Africa's rand", "le yuan chinois", "Chinese
  stocks"): topics, so a currency falling against another pairs no one;
- organisations named after a country word ("Organization of American States"): blocked;
- a news dateline opening the sentence ("DOHA —", "MOSCOW (Reuters) -", "PARIS, 3 mars (AFP) -"):
  where the report was filed; the same country right after a place ("in Doha, Qatar", "the Omani
  capital, Muscat") is that place again; English demonyms sharing a noun ("Qatari and Egyptian
  mediators") share its role.
A role given by a preposition spreads over coordination and lists ("sous l'égide des États-Unis et
de la France", "brokered by Egypt and Qatar", "discussed trade, Taiwan and Ukraine"), unless the
list is the subject of a verb that follows ("brokered by China, Saudi Arabia and Iran agreed").

Matching works on *pieces*: the sentence's tokens split at hyphens and after apostrophes, folded
(no case, accents or dots). The French and English tokenizers disagree on hyphens ("États-Unis" is
one token, "Royaume - Uni" three, "U.S.-Russia" one), so matching folded pieces rather than spaCy
tokens (as a PhraseMatcher on LOWER would) finds "Etats Unis", "ÉTATS-UNIS" and "Quai d’Orsay"
with a single entry each. Every word list lives in ``tracker/scorer/data``; the index is built once per
language and reused (lookups are dictionary hits, far cheaper than the parse).
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from importlib import resources
from typing import NamedTuple

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from tracker.records import Mention
from tracker.scorer.countries import name_variants, strip_accents
from tracker.scorer.leaders import name_forms, resolve_people

LANGS = ("fr", "en")
MAX_PIECES = 10  # the longest phrase we match, in pieces ("Corps des Gardiens de la révolution islamique")

# Not countries in our sense: Hong Kong and Macao are parts of China, Antarctica nobody's.
_EXCLUDED_CODES = {"HKG", "MAC", "ATA", "UMI"}

_HYPHENS = "-‐‑‒–—"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
# Dotted abbreviations (U.S., U.K.), titles with their dot (M., Mr.), a word before a possessive
# 's, the 's, a word with its elision apostrophe (d', l'), a lone apostrophe, any other sign.
# (One word alternative with optional endings: several times faster than one alternative per form.)
# Each match is (the spaces before, the piece); the alternatives cover every character, so offsets
# are running sums of lengths (findall, no match objects: the cheapest loop Python offers).
_TEXT_PIECE = re.compile(
    r"(\s*)((?:M|Mr|Mrs|Ms|Mme|Mlle|Dr|Pr|Gen|Gén|Col|Lt|Sen|Rep|Amb)\.(?=\s)"
    r"|\w+(?:(?:\.\w+)+\.?|'(?!s\b))?|'s\b|'|[^\w\s])"
)


# --- folding -------------------------------------------------------------------------------------


@cache
def fold_word(word: str) -> str:
    """Comparison form of one piece: 'États' -> 'etats', 'U.S.' -> 'us', 'd’' -> "d'"."""
    folded = strip_accents(word.translate(_APOSTROPHES)).casefold()
    stripped = folded.replace(".", "")
    return stripped or folded


def split_words(text: str) -> list[tuple[str, int, int, bool]]:
    """Pieces of a text as (piece, start, end, glued to the previous one by a hyphen).

    Patterns (names, phrases) are cut with this, and sentences the same way in sentence_pieces,
    so that a pattern and the text it matches always have the same pieces ("St." is "St" + ".").
    """
    pieces: list[tuple[str, int, int, bool]] = []
    glued_hyphen = False
    pos = 0
    for spaces, word in _TEXT_PIECE.findall(text.translate(_APOSTROPHES)):
        start = pos + len(spaces)
        pos = start + len(word)
        if word in _HYPHENS:
            glued_hyphen = not spaces
            continue
        pieces.append((word, start, pos, glued_hyphen and not spaces))
        glued_hyphen = False
    return pieces


def join_key(key: str, word: str) -> str:
    """Keys join pieces with one space, none after an apostrophe ("quai d'orsay")."""
    if not key:
        return word
    return key + word if key.endswith("'") else f"{key} {word}"


def phrase_key(text: str) -> str:
    key = ""
    for word, *_ in split_words(text):
        key = join_key(key, fold_word(word))
    return key


# --- data files ----------------------------------------------------------------------------------


def _rows(filename: str) -> list[dict[str, str]]:
    path = resources.files("tracker.scorer") / "data" / filename
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def french_demonym_forms(base: str) -> list[str]:
    """russe -> russe(s); syrien -> syrienne(s); chinois -> chinoise(s); américain -> américaine(s)."""
    if base.endswith("e"):
        return [base, base + "s"]
    if base.endswith(("s", "x")):
        return [base, base + "e", base + "es"]
    if base.endswith(("ien", "éen")):
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
    for row in _rows("demonyms.tsv"):
        if row["lang"] != lang:
            continue
        if row["forms"]:
            forms = _split(row["forms"])
        elif lang == "fr":
            forms = french_demonym_forms(row["base"])
        else:
            forms = english_demonym_forms(row["base"])
        out.extend((row["code"], form) for form in [*forms, *_split(row["extra"])])
    return tuple(out)


@cache
def role_words(lang: str) -> dict[str, frozenset[str]]:
    """The lists of roles.tsv for one language, as folded keys; de/à phrases expanded."""
    lists: dict[str, set[str]] = defaultdict(set)
    for row in _rows("roles.tsv"):
        if row["lang"] != lang:
            continue
        key = phrase_key(row["phrase"])
        lists[row["list"]].add(key)
        if lang == "fr" and (key.endswith((" de", " a")) or key in {"de", "a"}):
            stem = key.rsplit(" ", 1)[0] + " " if " " in key else ""
            endings = ["du", "des", "d'"] if key.endswith("de") else ["au", "aux"]
            lists[row["list"]].update(stem + ending for ending in endings)
    return {name: frozenset(words) for name, words in lists.items()}


@cache
def last_words(lang: str, listname: str) -> frozenset[str]:
    """The last piece of every phrase of a list: a phrase can end before piece `end` only on one."""
    return frozenset(split_words(key)[-1][0] for key in role_words(lang).get(listname, ()) if key)


# Verb lists whose inflected forms are also accepted by their stem: the small French model's
# lemmatizer often leaves a verb as written ("reproche", "livrait"), so "reproch-" must still count.
_STEMMED_LISTS = ("dative", "target")


@cache
def verb_stems(lang: str) -> dict[str, tuple[str, ...]]:
    """'reprocher' -> 'reproch'; only French infinitives of five letters or more before the ending."""
    if lang != "fr":
        return {}
    words = role_words(lang)
    return {
        name: tuple(sorted({w[:-2] for w in words.get(name, ()) if " " not in w and w.endswith(("er", "ir", "re")) and len(w) >= 7}))
        for name in _STEMMED_LISTS
    }


_VERB_ENDINGS = frozenset(
    ["e", "es", "ent", "é", "ée", "és", "ées", "ait", "aient", "ais", "a", "ons", "ez", "era", "eront", "erait", "eraient", "ant", "er", "ir", "re", "it", "is", "i", "ra", "rait"]
)


def _stem_match(stems: tuple[str, ...], key: str) -> str | None:
    """A stem followed by a verb ending: 'reproche', 'livrait' (not the nouns 'accords', 'assurance')."""
    for stem in stems:
        if key.startswith(stem) and key[len(stem) :] in _VERB_ENDINGS:
            return stem
    return None


# --- the index -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One way of writing a country mention (or a blocked phrase)."""

    code: str  # ISO alpha-3; "" for a block
    kind: str  # name | demonym | capital | institution | person | prefix | block | anaphora
    form: str
    caps: tuple[bool, ...]  # per piece: a capitalised form must be capitalised in the text
    exact: tuple[str, ...] | None = None  # pieces the text must equal letter for letter
    people: tuple[tuple[str, bool], ...] = ()  # (leader name, needs a title) for persons

    def accepts(self, words: list[str]) -> bool:
        if self.exact is not None:
            return tuple(words) == self.exact
        return all(not cap or (w[:1].isupper() or not w[:1].isalpha()) for cap, w in zip(self.caps, words, strict=False))


def _entry(code: str, kind: str, form: str, exact: bool = False, people=()) -> tuple[str, Entry]:
    words = [w for w, *_ in split_words(form)]
    caps = tuple(w[:1].isupper() for w in words)
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


@cache
def mention_index(lang: str) -> PhraseIndex:
    """Every country form for a language; built once per process (about 0.1 s)."""
    if lang not in LANGS:
        raise ValueError(f"no mention rules for language {lang!r}; supported: {', '.join(LANGS)}")
    index = PhraseIndex()
    places = _rows("places.tsv")
    blocked = {phrase_key(form) for row in places if row["kind"] == "block" for form in _split(row["forms"])}
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
        key, entry = _entry(variant.code, "name", variant.text, variant.exact_case)
        if key not in blocked:
            index.add(key, entry)
    for row in places:
        if row["kind"] != "block":
            for form in _split(row["forms"]):
                index.add(*_entry(row["code"], row["kind"], form, row["case"] == "exact"))
    for code, form in demonyms(lang):
        index.add(*_entry(code, "demonym", form))
    for row in _rows("country_prefixes.tsv"):
        index.add(*_entry(row["code"], "prefix", row["prefix"]))
    people: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    forms: dict[str, str] = {}
    for form in name_forms():
        key = phrase_key(form.text)
        people[key].append((form.person, form.needs_title))
        forms.setdefault(key, form.text)
    for key, persons in people.items():
        _, entry = _entry("", "person", forms[key], people=persons)
        index.add(key, entry)
    return index


@cache
def anaphora_index(lang: str) -> PhraseIndex:
    """'les deux pays', 'both countries', 'relations bilatérales'... expanded from anaphora.tsv."""
    index = PhraseIndex()
    for row in _rows("anaphora.tsv"):
        if row["lang"] == lang:
            for phrase in _expand(row["phrase"]):
                index.add(phrase_key(phrase), Entry("", "anaphora", phrase, ()))
    return index


def _expand(pattern: str) -> list[str]:
    """'{les|des} deux {pays|nations}' -> the four phrases."""
    match = re.search(r"\{([^}]*)\}", pattern)
    if not match:
        return [re.sub(r"\s+", " ", pattern).strip()]
    head, tail = pattern[: match.start()], pattern[match.end() :]
    return [phrase for choice in match.group(1).split("|") for phrase in _expand(head + choice + tail)]


# --- pieces of a sentence ------------------------------------------------------------------------


class Piece(NamedTuple):
    """A word or sign of the sentence (a NamedTuple: built for every word, it must be cheap)."""

    text: str
    key: str
    start: int  # character offsets in the sentence's doc
    end: int
    hyphen_before: bool  # glued to the previous piece by a hyphen ("russo-américain", "U.S.-Russia")


_FOLDED: dict[str, str] = {}  # fold_word's results, read directly in the per-word loop


_DOC_TEXT = "tracker.text"  # doc.user_data key of the doc's text


def remember_text(doc: Doc, text: str) -> Doc:
    """Keep the text a Doc was parsed from (spaCy's tokenizer never alters it: doc.text == text),
    so that span_text never has to ask spaCy to rebuild it."""
    doc.user_data[_DOC_TEXT] = text
    return doc


def span_text(sent: Span) -> str:
    """The sentence's text, cut from the doc's text kept in doc.user_data.

    spaCy rebuilds Doc.text and Span.text from every token on each access, which costs as much
    as the whole matching; the doc's text is read once (or given by remember_text) and sliced
    for each sentence.
    """
    doc = sent.doc
    text = doc.user_data.get(_DOC_TEXT)
    if text is None:
        text = doc.user_data[_DOC_TEXT] = doc.text
    return text[sent.start_char : sent.end_char]


def sentence_pieces(sent: Span) -> list[Piece]:
    """The sentence cut into pieces by a regular expression over its text.

    Reading the text once is several times cheaper than visiting every spaCy token, and it cuts
    hyphens the same way whatever the tokenizer did; tokens are looked up only around a match.
    """
    key = ("tracker.pieces", sent.start, sent.end)
    cached = sent.doc.user_data.get(key)
    if cached is not None:  # find_mentions and find_anaphora read the same sentence
        return cached
    raw = span_text(sent)
    offset = sent.start_char
    pieces: list[Piece] = []
    append = pieces.append
    folded = _FOLDED
    glued_hyphen = False
    pos = 0
    for spaces, word in _TEXT_PIECE.findall(raw.translate(_APOSTROPHES)):
        start = pos + len(spaces)
        pos = start + len(word)
        if word in _HYPHENS:
            glued_hyphen = not spaces  # glued on the right too if the next piece has no spaces
            continue
        fold = folded.get(word)
        if fold is None:
            fold = folded[word] = fold_word(word)
        append(Piece(raw[start:pos], fold, offset + start, offset + pos, glued_hyphen and not spaces))
        glued_hyphen = False
    sent.doc.user_data[key] = pieces
    return pieces


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
    keys = [p.key for p in pieces]
    n = len(keys)
    hits = []
    for i in range(n):
        key = keys[i]
        if key not in prefixes:
            continue
        j = i
        while True:
            if key in entries:
                hits.append((i, j + 1, entries[key]))
            j += 1
            if j >= n or j - i >= MAX_PIECES:
                break
            key = key + keys[j] if key.endswith("'") else f"{key} {keys[j]}"
            if key not in prefixes:
                break
    return hits


def longest_first(found: list[Found]) -> list[Found]:
    """Non-overlapping matches, the longest winning (so "Washington Post" hides "Washington")."""
    taken: set[int] = set()
    kept = []
    for f in sorted(found, key=lambda f: (f.first - f.last, f.first)):
        span = set(range(f.first, f.last))
        if not span & taken:
            taken |= span
            kept.append(f)
    return sorted(kept, key=lambda f: f.first)


# --- roles ---------------------------------------------------------------------------------------

# Before a word that is both a country and a leader ("Hollande"), these make it the country.
_COUNTRY_MARKERS = {"la", "le", "l'", "en", "de", "d'", "du", "aux", "au", "the", "in", "of", "to", "from"}
_CONJUNCTIONS = {"et", "ou", "and", "or", ",", "ni", "comme"}


_SENTENCE_BREAKS = frozenset({".", ";", ":", "?", "!"})
_CLAUSE_BREAKS = _SENTENCE_BREAKS | {",", "qui", "que", "qu'", "ou", "dont", "et", "mais", "who", "which", "that", "and", "but"}


class _Context:
    """The sentence as the role rules read it."""

    def __init__(self, sent: Span, lang: str, pieces: list[Piece]):
        self.sent = sent
        self.doc = sent.doc
        self.offset = sent.start_char
        self.lang = lang
        self.pieces = pieces
        self.words = role_words(lang)
        self.keys = [p.key for p in pieces]
        self._lemmas: dict[int, str] = {}
        self._before: dict[int, list[tuple[str, int]]] = {}

    @cached_property
    def _token_starts(self) -> list[int]:
        starts = self.doc.user_data.get("tracker.token_starts")
        if starts is None:
            starts = self.doc.user_data["tracker.token_starts"] = self.doc.to_array(IDX).tolist()
        return starts

    def token(self, i: int) -> Token:
        """The spaCy token holding piece i (looked up only near a match)."""
        n = bisect_right(self._token_starts, self.pieces[i].start) - 1
        return self.doc[max(n, self.sent.start)]

    def piece_of(self, token: Token) -> int | None:
        return next((n for n, p in enumerate(self.pieces) if p.start == token.idx), None)

    @cached_property
    def text(self) -> str:
        # Doc.text and Span.text are rebuilt from the tokens on every access: read it once.
        return span_text(self.sent)

    def has(self, listname: str, key: str) -> bool:
        return key in self.words.get(listname, ())

    def lemma(self, i: int) -> str:
        if i not in self._lemmas:
            piece = self.pieces[i]
            token = self.token(i)
            # A piece of a hyphenated token has no lemma of its own: use its form.
            whole = token.idx == piece.start and len(token) == len(piece.text)
            self._lemmas[i] = fold_word(token.lemma_ or token.text) if whole else piece.key
        return self._lemmas[i]

    def pos(self, i: int) -> str:
        return self.token(i).pos_

    def skip_determiners(self, i: int) -> int:
        """Index just after the words before piece i, once articles are skipped."""
        while i > 0 and self.has("determiner", self.keys[i - 1]):
            i -= 1
        return i

    @cached_property
    def has_between(self) -> bool:
        return "entre" in self.keys or "between" in self.keys

    @cached_property
    def natural_event(self) -> str | None:
        """A word of a natural event or a border structure in the sentence (earthquake, séisme, bridge)."""
        return _phrase_in(self, "natural_event")

    @cached_property
    def multilateral(self) -> str | None:
        """A word of a multilateral meeting in the sentence (G20, OTAN, "Nations unies"), if any."""
        found = _phrase_in(self, "multilateral")
        return found

    def text_of(self, first: int, last: int) -> str:
        return self.text[self.pieces[first].start - self.offset : self.pieces[last - 1].end - self.offset]

    def _keys_before(self, end: int) -> list[tuple[str, int]]:
        """The phrases of 1 to 6 pieces ending just before piece `end`, shortest first (memoised)."""
        found = self._before.get(end)
        if found is None:
            found = []
            key = ""
            for start in range(end - 1, max(-1, end - 7), -1):
                key = join_key(self.keys[start], key) if key else self.keys[start]
                found.append((key, start))
            self._before[end] = found
        return found

    def phrase_before(self, end: int, listname: str) -> tuple[str, int] | None:
        """The longest phrase of the list ending just before piece `end`: (its text, its first piece)."""
        # Most calls end on a word no phrase of the list ends with: answered without building phrases.
        if end < 1 or self.keys[end - 1] not in last_words(self.lang, listname):
            return None
        words = self.words.get(listname, ())
        best = None
        for key, start in self._keys_before(end):
            if key in words:
                best = start
        return (self.text_of(best, end), best) if best is not None else None

    def near_before(
        self, end: int, listname: str, width: int, use_lemma: bool = True, barriers: frozenset[str] = _SENTENCE_BREAKS
    ) -> str | None:
        """A word of the list among the `width` pieces before `end` (lemmas for verbs and plurals)."""
        for i in range(end - 1, max(-1, end - 1 - width), -1):
            if self.keys[i] in barriers:
                return None
            for form in (self.keys[i], self.lemma(i) if use_lemma else None):
                if form and self.has(listname, form):
                    return form
            stems = verb_stems(self.lang).get(listname) if use_lemma else None
            if stems and _stem_match(stems, self.keys[i]):
                return self.keys[i]
        return None

    def noun_after(self, start: int, listname: str) -> str | None:
        """English: the noun a modifier at `start - 1` qualifies, if it is in the list.

        The noun comes right after, or after one listed modifier ("Syrian civil war"); it does
        not count when another noun takes over as head ("Chinese coast guard vessels").
        """
        i = start
        if i < len(self.pieces) and self.has("modifier_en", self.keys[i]):
            i += 1
        if i >= len(self.pieces) or self.keys[i] == "'s":
            return None
        two = join_key(self.keys[i], self.keys[i + 1]) if i + 1 < len(self.pieces) else ""
        if two and self.has(listname, two):
            return two
        for form in (self.keys[i], self.lemma(i)):
            if self.has(listname, form):
                if i + 1 < len(self.pieces) and self.has("compound_head", self.keys[i + 1]):
                    return None
                return form
        return None


def _french_noun_of(ctx: _Context, first: int) -> list[tuple[str, int]]:
    """The noun a French demonym qualifies: its parse head when the parse says so, else the
    nearest noun to its left (the small model sometimes attaches "territoire syrien" to the verb)."""
    nouns = []
    token = ctx.token(first)
    if token.dep_ in {"amod", "nmod", "appos"} and token.head.pos_ in {"NOUN", "PROPN"} and token.head.i < token.i:
        head_piece = ctx.piece_of(token.head)
        if head_piece is not None:
            nouns.append((fold_word(token.head.lemma_ or token.head.text), head_piece))
            nouns.append((ctx.keys[head_piece], head_piece))
            if head_piece + 1 < first:  # "station balnéaire égyptienne": the noun with its adjective
                nouns.append((join_key(ctx.keys[head_piece], ctx.keys[head_piece + 1]), head_piece))
            if token.dep_ == "amod":  # "hommes d'affaires algériens": the head, not the nearest noun
                return nouns
    i = first - 1
    skipped = 0
    while i >= 0 and skipped <= 2:
        pos = ctx.pos(i)
        key = ctx.keys[i]
        # The small model tags some nouns as adjectives or names ("le yuan chinois"): the lists say.
        listed = any(ctx.has(name, key) for name in ("topic_noun", "place_noun", "commodity_noun", "market_noun"))
        if pos == "NOUN" or listed:
            nouns.append((ctx.lemma(i), i))
            nouns.append((ctx.keys[i], i))
            if i > 0:
                nouns.append((join_key(ctx.keys[i - 1], ctx.keys[i]), i - 1))
            break
        if pos != "ADJ" and not ctx.pieces[i + 1].hyphen_before:
            break
        i -= 1
        skipped += 1
    return nouns


def _model_code_before(ctx: _Context, first: int) -> tuple[str, int] | None:
    """French: a model code right before the demonym ("des S-400 russes", "F-16 américains")."""
    i = first - 1
    if i >= 0 and any(c.isdigit() for c in ctx.keys[i]):
        while i > 0 and ctx.pieces[i].hyphen_before:
            i -= 1
        return ctx.text_of(i, first), i
    return None


def _english_product_after(ctx: _Context, last: int) -> str | None:
    """The commodity an English demonym qualifies ("Russian oil", "Chinese-made drones"), a model
    code counting as one ("Russian S-400 missiles")."""
    i = last
    n = len(ctx.pieces)
    while i < n and (any(c.isdigit() for c in ctx.keys[i]) or (i + 1 < n and ctx.pieces[i + 1].hyphen_before and any(c.isdigit() for c in ctx.keys[i + 1]))):
        i += 1
    if i > last:
        return ctx.text_of(last, i)
    return ctx.noun_after(last, "commodity_noun")


def _origin_role(ctx: _Context, product: str, at: int) -> tuple[str, str] | None:
    """A commodity's origin is what is traded or talked about, not a party; with a trade word
    just before ("buy Russian oil", "acheter du pétrole russe"), the seller is a party (actor)."""
    if ctx.near_before(at, "trade_word", 4, barriers=_CLAUSE_BREAKS):
        return None
    if ctx.near_before(at, "target", 6, barriers=_CLAUSE_BREAKS):
        return None  # "tariffs on Chinese steel", "droits de douane sur l'acier mexicain": aimed at the country
    return "topic", f"origin of '{product}', not a party"


def _demonym_role(ctx: _Context, first: int, last: int) -> tuple[str, str] | None:
    """Demonyms take their role from the noun they qualify."""
    if first > 0 and ctx.keys[first - 1] == "en":  # "traduit en russe": a language
        return "place", f"after '{ctx.pieces[first - 1].text}': a language or a location"
    if first > 0 and ctx.keys[first - 1] == "in" and (last >= len(ctx.pieces) or not ctx.pieces[last].text[:1].isalpha()):
        return "place", f"after '{ctx.pieces[first - 1].text}': a language or a location"  # "said in Russian."
    if ctx.lang == "fr":
        nouns = _french_noun_of(ctx, first)
        product = _model_code_before(ctx, first)
        market = next(((noun, at) for noun, at in nouns if ctx.has("market_noun", noun)), None)
        if market is not None and _model_code_before(ctx, first) is None:
            return _market_role(ctx, market[0], market[1])
        if product is None:
            product = next(((noun, at) for noun, at in nouns if ctx.has("commodity_noun", noun)), None)
        if product is not None:
            return _origin_role(ctx, *product)
        for listname, role in (("mediator_noun", "mediator"), ("topic_noun", "topic"), ("place_noun", "place")):
            for noun, _ in nouns:
                if ctx.has(listname, noun):
                    if role == "topic" and _against_another(ctx, last):
                        return None  # "la guerre russe en Ukraine": the demonym is the war's agent
                    return role, f"qualifies '{noun}'"
        for _, at in nouns:
            if ctx.near_before(at, "former", 2, use_lemma=False):
                return "former", "qualifies a former office"
        return None
    # English has no parse: the adjective comes before its noun.
    shared = _shared_noun_role(ctx, last)
    if shared is not None:
        return shared
    if not _is_plural_demonym(ctx, first, last):
        market = ctx.noun_after(last, "market_noun")
        if market is not None:
            return _market_role(ctx, market, first)
    product = _english_product_after(ctx, last)
    if product is not None:
        return _origin_role(ctx, product, first)
    ruled = _english_modifier_role(ctx, last, ("mediator_noun", "topic_noun", "place_noun"))
    if ruled and ruled[0] == "topic":
        noun_end = last + 1 + (1 if ctx.has("modifier_en", ctx.keys[last]) else 0)
        if _against_another(ctx, noun_end):
            return None  # "the Russian war in Ukraine": the demonym is the war's agent
    if ruled:
        return ruled
    place = _place_after_names(ctx, last)
    if place is not None:
        return "place", f"qualifies '{place}'"
    if ctx.near_before(first, "former", 2, use_lemma=False):
        return "former", "after a word for a former office"
    return None


_OF_WORDS = {"de", "du", "des", "d'", "of", "'s", "the", "le", "la", "l'", "les"}


def _noun_before(ctx: _Context, at: int, listname: str) -> str | None:
    """The noun right before a preposition, if listed: "guerre en", "guerre civile en", "avenir politique de"."""
    if at < 1:
        return None
    if at >= 2 and ctx.has(listname, join_key(ctx.keys[at - 2], ctx.keys[at - 1])):
        return join_key(ctx.keys[at - 2], ctx.keys[at - 1])
    for form in (ctx.keys[at - 1], ctx.lemma(at - 1)):
        if ctx.has(listname, form):
            return form
    if ctx.lang == "fr" and at >= 2 and ctx.pos(at - 1) == "ADJ":
        for form in (ctx.keys[at - 2], ctx.lemma(at - 2)):
            if ctx.has(listname, form):
                return form
    return None


def _against_another(ctx: _Context, i: int) -> bool:
    """Piece i is a preposition (en/in/contre/against/on) followed by a country: "... en Ukraine"."""
    if i >= len(ctx.keys) or ctx.keys[i] not in {"en", "in", "dans", "contre", "against", "on", "au", "aux"}:
        return False
    j = i + 1
    while j < len(ctx.keys) and ctx.has("determiner", ctx.keys[j]):
        j += 1
    index = mention_index(ctx.lang)
    return j < len(ctx.keys) and any(e.kind in {"name", "capital", "demonym"} for e in index.entries.get(ctx.keys[j], ()))


_POSSESSIVES = {"'s", "sa", "son", "ses", "leur", "leurs", "its", "his", "her", "their"}


def _has_agent(ctx: _Context, at: int) -> bool:
    """A possessive or a country word right around a topic noun before its preposition
    ("Russia's war in", "sa guerre en", "la guerre russe en"), not past a conjunction."""
    index = mention_index(ctx.lang)
    for i in range(at - 1, max(-1, at - 4), -1):
        key = ctx.keys[i]
        if key in _CONJUNCTIONS:
            return False
        if key in _POSSESSIVES or any(e.kind in {"demonym", "name", "capital"} for e in index.entries.get(key, ())):
            return True
    return False


def _titled(ctx: _Context, first: int) -> bool:
    """A title right before a surname, a demonym allowed between: "M. Johnson", "le président sud-coréen Moon"."""
    index = mention_index(ctx.lang)
    j = first

    def demonym(key: str) -> bool:
        return any(e.kind == "demonym" for e in index.entries.get(key, ()))

    for _ in range(2):
        if j >= 2 and demonym(join_key(ctx.keys[j - 2], ctx.keys[j - 1])):
            j -= 2
        elif j >= 1 and demonym(ctx.keys[j - 1]):
            j -= 1
    return ctx.phrase_before(j, "title") is not None


def _diplomat_before(ctx: _Context, at: int) -> bool:
    """An envoy's title right before the preposition, with only 'of', articles or country words between."""
    index = mention_index(ctx.lang)
    for i in range(at - 1, max(-1, at - 5), -1):
        key = ctx.keys[i]
        if ctx.has("diplomatic_post", key) or ctx.has("diplomatic_post", ctx.lemma(i)):
            return True
        if not (key in _OF_WORDS or ctx.pieces[i].text[:1].isupper() or key in index.entries):
            return False
    return False


_MODIFIER_ROLES = {"mediator_noun": "mediator", "topic_noun": "topic", "place_noun": "place", "venue_noun": "place"}


def _english_modifier_role(ctx: _Context, last: int, lists: tuple[str, ...]) -> tuple[str, str] | None:
    """English modifiers take the role of their noun: "Egyptian-brokered", "US mediation", "Syrian soil"."""
    if last < len(ctx.pieces) and ctx.pieces[last].hyphen_before and ctx.has("mediator_after", ctx.keys[last]):
        return "mediator", f"'-{ctx.pieces[last].text}'"
    if last < len(ctx.pieces) and ctx.pieces[last].hyphen_before and ctx.keys[last] in {"led", "backed", "run"}:
        noun = ctx.noun_after(last + 1, "mediator_noun")
        if noun:  # "Qatar-led mediation", "U.S.-backed mediation efforts"
            return "mediator", f"'-{ctx.pieces[last].text} {noun}'"
    for listname in lists:
        noun = ctx.noun_after(last, listname)
        if noun:
            return _MODIFIER_ROLES[listname], f"qualifies '{noun}'"
    return None


def _preposition_role(ctx: _Context, first: int, last: int, kind: str) -> tuple[str, str] | None:
    """Roles given by what stands before the mention: a preposition, a noun + de, a mediator phrase."""
    end = ctx.skip_determiners(first)
    had_article = end < first
    found = ctx.phrase_before(end, "mediator")
    if found:
        return "mediator", f"after '{found[0]}'"
    found = ctx.phrase_before(end, "topic_prep")
    if found:
        prep, at = found
        if ctx.keys[at] in {"sur", "on", "over", "about"} and at == end - 1:
            if kind == "institution" and ctx.keys[at] in {"sur", "on"}:
                return "place", f"after '{prep}'"  # "on the White House lawn": a seat of power is a place
            talk = _noun_before(ctx, at, "discussion_noun")
            if talk:
                return "topic", f"'{talk} {prep}'"  # "held talks on Ukraine": what the talks are about
            target = ctx.near_before(at, "target", 3)
            if target:
                return None  # "pression sur l'Iran", "tough on China", "missile over Japan": a target
        return "topic", f"after '{prep}'"
    found = ctx.phrase_before(end, "visit_to")
    if found:
        if ctx.multilateral:
            return "place", f"venue of a multilateral meeting ('{ctx.multilateral}')"
        return "actor", f"host of a visit ('{found[0]}')"
    found = ctx.phrase_before(end, "place_prep")
    a_prep = ctx.phrase_before(end, "a_prep")
    if a_prep and not found:
        # "versera une aide de 50 millions de dollars au Liban": the verb can be far, not past a clause.
        if ctx.near_before(a_prep[1], "dative", 8, barriers=_CLAUSE_BREAKS):
            return None  # "a demandé à Moscou", "livrer des armes à Taïwan": a recipient acts
        if kind == "name" and had_article and ctx.keys[a_prep[1]] in {"a", "à"}:
            return None  # "à la Russie" is a recipient; places are "en Russie", "à Moscou"
        found = a_prep
    if found:
        prep, at = found
        if _diplomat_before(ctx, at):
            return None  # "l'ambassadeur russe à Washington": the host country is a party
        visit = ctx.near_before(at, "visit", 3)
        if visit and ctx.keys[at] != "dans":
            # "Scholz s'est rendu à Pékin", "en visite à Moscou": the host of a visit is a party,
            # unless the visit is for a multilateral meeting ("sommet du G20"): then a venue.
            if ctx.multilateral:
                return "place", f"venue of a multilateral meeting ('{ctx.multilateral}')"
            return "actor", f"host of a visit ('{visit}' ... '{prep}')"
        noun = _noun_before(ctx, at, "topic_noun")
        if noun:
            if _has_agent(ctx, at):
                # "Russia's war in Ukraine", "sa guerre en Ukraine", "la guerre russe en Ukraine":
                # with its agent named, the war is against this country, which is a party.
                return "actor", f"target of '{noun} {prep}' with its agent named"
            return "topic", f"'{noun} {prep}'"
        return "place", f"after '{prep}'"
    if end > 0 and ctx.keys[end - 1] in {"de", "du", "des", "d'", "of"}:
        for listname, role in (("topic_noun_de", "topic"), ("market_noun", "topic"), ("place_noun", "place"), ("venue_noun", "place")):
            noun = _noun_before(ctx, end - 1, listname)
            if noun and (listname != "venue_noun" or kind == "capital"):
                return role, f"'{noun} {ctx.keys[end - 1]}'"
    return None


def _after_role(ctx: _Context, first: int, last: int, kind: str) -> tuple[str, str] | None:
    """English nouns used as modifiers ("the Syria conflict", "the Paris agreement") and
    possessives of a subject matter ("North Korea's missile programme")."""
    if ctx.lang != "en":
        return None
    if kind in {"name", "capital"}:
        ruled = _possessed_topic(ctx, first, last)
        if ruled is not None:
            return ruled
    if kind == "name":
        market = ctx.noun_after(last, "market_noun")
        if market is not None:
            return _market_role(ctx, market, first)
        return _english_modifier_role(ctx, last, ("mediator_noun", "topic_noun"))
    if kind == "capital":
        market = ctx.noun_after(last, "market_noun")
        if market is not None:  # "Tokyo stocks", "the London stock exchange"
            return _market_role(ctx, market, first)
        return _english_modifier_role(ctx, last, ("mediator_noun", "venue_noun"))
    return None


# --- find_mentions -------------------------------------------------------------------------------


def _choose(ctx: _Context, first: int, last: int, entries: list[Entry]) -> Entry | None:
    """The entry the text supports: case rules, titles for common surnames, country vs leader."""
    words = [p.text for p in ctx.pieces[first:last]]
    accepted = [e for e in entries if e.accepts(words)]
    if not accepted:
        return None
    kinds: dict[str, Entry] = {}
    for e in accepted:
        kinds.setdefault(e.kind, e)
    if "block" in kinds:
        return kinds["block"]
    person = kinds.get("person")
    if person is not None:
        titled = _titled(ctx, first)
        usable = tuple((name, needs) for name, needs in person.people if titled or not needs)
        country_marked = first > 0 and ctx.keys[first - 1] in _COUNTRY_MARKERS
        if usable and not (country_marked and "name" in kinds):
            return Entry(person.code, "person", person.form, person.caps, people=usable)
        accepted = [e for e in accepted if e.kind != "person"]
    for kind in ("name", "capital", "institution", "demonym", "prefix"):
        if kind in kinds:
            return kinds[kind]
    return None


def _keep_prefixes(found: list[Found], pieces: list[Piece]) -> list[Found]:
    """'russo-' counts only glued to another country form ('russo-américain'), checked right to left."""
    starts = {f.first: f for f in found if f.entry.kind != "block"}
    kept: dict[int, Found] = {}
    for f in sorted(found, key=lambda f: -f.first):
        if f.entry.kind == "prefix":
            nxt = f.last
            if not (nxt < len(pieces) and pieces[nxt].hyphen_before and nxt in starts and nxt in kept):
                continue
        kept[f.first] = f
    return [kept[k] for k in sorted(kept)]


def find_mentions(sent: Span, lang: str, on: date, base: int = 0) -> list[Mention]:
    """Country mentions of one sentence with their roles, offsets into Article.text (via `base`).

    `on` is the article's date: it decides whether a leader named here is in office.
    """
    pieces = sentence_pieces(sent)
    hits = scan(pieces, mention_index(lang))
    if not hits:
        return []
    ctx = _Context(sent, lang, pieces)
    found = []
    for first, last, entries in hits:
        entry = _choose(ctx, first, last, entries)
        if entry is not None:
            found.append(Found(first, last, entry))
    found = _keep_prefixes([f for f in longest_first(found) if f.entry.kind != "block"], pieces)

    sports = _sports_phrase(ctx)
    dateline_end = _dateline_end(ctx)
    mentions: list[Mention] = []
    previous: tuple[Found, str, bool] | None = None  # (match, role, role came from a preposition)
    for f in found:
        read = _read(ctx, f, on)
        if read is None:
            continue
        code, kind, role, what, reason, from_prep = read
        if previous is not None and not from_prep and role == "actor":
            inherited = _coordinated(ctx, previous, f)
            if inherited:
                role, reason, from_prep = inherited, f"coordinated with '{_text(ctx, previous[0])}'", True
        if role == "actor" and previous is not None and _apposition_of_place(ctx, previous, f):
            role, reason, from_prep = "place", f"names the same place as '{_text(ctx, previous[0])}'", True
        if role == "actor" and not from_prep:
            listed = _list_role(ctx, f, kind)
            if listed:
                (role, reason), from_prep = listed, True
        if sports and role == "actor" and kind != "person":
            role, reason = "topic", f"a match ('{sports}'): a national team is not the state"
        if pieces[f.last - 1].end <= dateline_end:
            role, reason, from_prep = "place", "dateline: where the report was filed", True
        start, end = pieces[f.first].start, pieces[f.last - 1].end
        detail = f"{what}; {role}: {reason}" if reason else what
        text = ctx.text[start - ctx.offset : end - ctx.offset]
        # "les deux Corées" names two countries at once: one mention each.
        for one in code.split("+"):
            mentions.append(Mention(start + base, end + base, text, one, kind, role, detail))
        previous = (f, role, from_prep)
    return mentions


def _phrase_in(ctx: _Context, listname: str) -> str | None:
    """The first phrase of a list found anywhere in the sentence; acronyms (G20, UN) in capitals only."""
    acronyms = _acronyms(ctx.lang, listname)
    for first, last, entries in scan(ctx.pieces, list_index(ctx.lang, listname)):
        text = ctx.text_of(first, last)
        key = entries[0].form
        if key in acronyms and text not in acronyms[key]:
            continue
        return text
    return None


@cache
def list_index(lang: str, listname: str) -> PhraseIndex:
    """A word list of roles.tsv as a PhraseIndex, to find its phrases anywhere in a sentence."""
    index = PhraseIndex()
    for key in role_words(lang).get(listname, ()):
        index.add(key, Entry("", listname, key, ()))
    return index


@cache
def _acronyms(lang: str, listname: str) -> dict[str, set[str]]:
    """Folded key -> the capitalised forms a list gives for it ("un" -> {"UN"})."""
    out: dict[str, set[str]] = defaultdict(set)
    for row in _rows("roles.tsv"):
        if row["lang"] == lang and row["list"] == listname and row["phrase"].isupper():
            out[phrase_key(row["phrase"])].add(row["phrase"])
    return dict(out)


def _sports_phrase(ctx: _Context) -> str | None:
    """A phrase of the sports list in the sentence ("Coupe du monde", "semi-final"), if any."""
    return _phrase_in(ctx, "sports")


def _text(ctx: _Context, f: Found) -> str:
    return ctx.text_of(f.first, f.last)


def _read(ctx: _Context, f: Found, on: date) -> tuple[str, str, str, str, str, bool] | None:
    """(country, kind, role, what was matched, why that role, role came from a preposition)."""
    entry = f.entry
    kind = "demonym" if entry.kind == "prefix" else entry.kind
    what = f"{kind} '{entry.form}' = {entry.code}"
    if entry.kind == "person":
        reading = resolve_people([name for name, _ in entry.people], on)
        if reading is None:
            return None
        mediator = ctx.phrase_before(ctx.skip_determiners(f.first), "mediator")
        if reading.role == "actor" and mediator:
            return reading.country, kind, "mediator", reading.detail, f"after '{mediator[0]}'", True
        if reading.role == "actor" and ctx.near_before(f.first, "former", 3, use_lemma=False):
            return reading.country, kind, "former", reading.detail, "after a word for a former office", False
        return reading.country, kind, reading.role, reading.detail, "", False
    first_piece = ctx.pieces[f.first]
    ruled = _leads_organisation(ctx, f.first, f.last)
    if ruled is not None:
        return entry.code, kind, ruled[0], what, ruled[1], False
    if first_piece.hyphen_before and f.first > 0 and ctx.has("attitude", ctx.keys[f.first - 1]):
        return entry.code, kind, "topic", what, f"after '{ctx.keys[f.first - 1]}-'", False
    if entry.kind == "prefix" or first_piece.hyphen_before:
        # Inside a compound ("russo-américain", "israélo-palestinien"): the compound's role.
        head = f.first
        while head > 0 and ctx.pieces[head].hyphen_before:
            head -= 1
        ruled = _demonym_role(ctx, head, _compound_end(ctx, f.last)) or _mediator_only(ctx, head)
        role, reason = ruled or ("actor", "")
        return entry.code, kind, role, what, reason, False
    if kind == "demonym":
        ruled = _demonym_role(ctx, f.first, f.last) or _mediator_only(ctx, f.first)
        role, reason = ruled or ("actor", "")
        return entry.code, kind, role, what, reason, False
    ruled = _border_place(ctx, f.first) or _preposition_role(ctx, f.first, f.last, kind)
    if ruled is not None:
        return entry.code, kind, ruled[0], what, ruled[1], True
    ruled = _mediating_subject(ctx, f.last)
    if ruled is not None:
        return entry.code, kind, ruled[0], what, ruled[1], False
    ruled = _after_role(ctx, f.first, f.last, kind)
    if ruled is None and ctx.lang == "en" and kind == "name" and ctx.near_before(f.first, "former", 2, use_lemma=False):
        ruled = ("former", "after a word for a former office")
    role, reason = ruled or ("actor", "")
    return entry.code, kind, role, what, reason, False


def _acted_on(ctx: _Context, first: int) -> str | None:
    """A word just before a phrase that makes its country a party: "sanctions on", "curb", "frapper"."""
    return ctx.near_before(first, "acts_on", 3, barriers=_CLAUSE_BREAKS) or ctx.near_before(
        first, "target", 3, barriers=_CLAUSE_BREAKS
    )


def _possessed_topic(ctx: _Context, first: int, last: int) -> tuple[str, str] | None:
    """'North Korea's missile programme', 'Taiwan's status', 'Ukraine's reconstruction': the subject
    matter, unless something is done to it ("curb Iran's nuclear programme": Iran is a party).

    Up to two lowercase words may stand between the possessive and its noun ("nuclear", "ballistic
    missile"); a capitalised word or a country ends the search.
    """
    if last >= len(ctx.keys) or ctx.keys[last] != "'s":
        return None
    i = last + 1
    for _ in range(3):
        if i >= len(ctx.pieces):
            return None
        two = join_key(ctx.keys[i], ctx.keys[i + 1]) if i + 1 < len(ctx.pieces) else ""
        market = next((w for w in (two, ctx.keys[i]) if w and ctx.has("market_noun", w)), None)
        if market:
            return _market_role(ctx, market, first)
        noun = next((w for w in (two, ctx.keys[i]) if w and ctx.has("possessed_topic", w)), None)
        if noun:
            if _acted_on(ctx, first):
                return None
            return "topic", f"'{ctx.pieces[last - 1].text}'s {noun}': the subject matter"
        word = ctx.pieces[i].text
        if not word.isalpha() or not word.islower():
            return None
        i += 1
    return None


_LEADING = frozenset({"led", "dominated", "headed"})


def _leads_organisation(ctx: _Context, first: int, last: int) -> tuple[str, str] | None:
    """'the U.S.-led NATO alliance', "l'OTAN emmenée par les États-Unis": the organisation acts;
    the country leading it is only its description. A coalition is not in the list (see roles.tsv)."""
    if ctx.lang == "en" and last < len(ctx.keys) and ctx.pieces[last].hyphen_before and ctx.keys[last] in _LEADING:
        for i in range(last + 1, min(len(ctx.pieces), last + 4)):
            two = join_key(ctx.keys[i], ctx.keys[i + 1]) if i + 1 < len(ctx.pieces) else ""
            noun = next((w for w in (two, ctx.keys[i]) if w and ctx.has("organisation", w)), None)
            if noun:
                return "topic", f"leads '{noun}': the organisation acts, not the country"
            if not ctx.pieces[i].text[:1].isalpha() or ctx.keys[i] in _CLAUSE_BREAKS:
                return None
        return None
    found = ctx.phrase_before(ctx.skip_determiners(first), "led_by")
    if found is None:
        return None
    at = found[1]
    if at > 0 and ctx.keys[at - 1] == ",":
        at -= 1  # "NATO, led by the United States,"
    noun = _noun_before(ctx, at, "organisation")
    if noun:
        return "topic", f"'{noun} {found[0]}': the organisation acts, not the country"
    return None


_RELATIVES = frozenset({"which", "who", "qui"})


def _mediating_subject(ctx: _Context, last: int) -> tuple[str, str] | None:
    """'Ankara a proposé sa médiation entre Moscou et Kiev', 'Oman hosted talks between Iran and the US'.

    A mediation or hosting word within a few words after the country, then "entre"/"between"
    further on: the country stands between the two others. Another country word before the
    mediation word cancels it ("Tokyo et Pékin ont accueilli..."), and so does the absence of
    "entre"/"between" ("Tokyo a accueilli le Premier ministre chinois" is a bilateral visit).
    """
    if not ctx.has_between:
        return None
    index = mention_index(ctx.lang)
    stop = min(len(ctx.pieces), last + 6)
    i = last - 1
    while i + 1 < stop:
        i += 1
        key = ctx.keys[i]
        # "Qatar, which has mediated between ...", "le Qatar, qui a accueilli ... entre": a relative
        # clause about the country goes on describing it.
        if i == last and key == "," and i + 1 < len(ctx.keys) and ctx.keys[i + 1] in _RELATIVES:
            stop = min(len(ctx.pieces), last + 9)
            continue
        if key in {".", ";", ":", "et", "and", ","} or (key in index.entries and i > last):
            return None
        two = join_key(key, ctx.keys[i + 1]) if i + 1 < len(ctx.pieces) else ""
        word = next((w for w in (two, key) if ctx.has("mediator_verb", w)), None)
        if word:
            if any(k in {"entre", "between"} for k in ctx.keys[i + 1 :]):
                return "mediator", f"'{word}' ... '{'entre' if ctx.lang == 'fr' else 'between'}'"
            return None
    return None


def _compound_end(ctx: _Context, last: int) -> int:
    while last < len(ctx.pieces) and ctx.pieces[last].hyphen_before:
        last += 1
    return last


def _mediator_only(ctx: _Context, first: int) -> tuple[str, str] | None:
    found = ctx.phrase_before(ctx.skip_determiners(first), "mediator")
    return ("mediator", f"after '{found[0]}'") if found else None


# A news dateline opening a sentence: "DOHA —", "MOSCOW (Reuters) -", "PARIS, 3 mars (AFP) -",
# "Kyiv, Ukraine (AP) —". The place, an optional ", date or country", an optional "(agency)", a dash.
_DATELINE = re.compile(
    r"\s*(?P<place>[^\W\d_][\w.'’ /-]{0,40}?)"
    r"(?P<rest>\s*,\s*[^()\n—–]{1,40}?)?"
    r"(?P<agency>\s*\([^()\n]{1,30}\))?"
    r"(?:\s+[—–-]{1,2}\s|\s*[—–]\s*)"
)


def _dateline_end(ctx: _Context) -> int:
    """Offset (in the doc) where a dateline at the start of the sentence ends, or -1.

    A sentence that opens with a place and a dash is a dateline only when it looks like one: the
    place in capitals, an agency in brackets, or a date after a comma. "Iran — long at odds with
    Washington — agreed ..." opens with a parenthesis, not a dateline.
    """
    match = _DATELINE.match(ctx.text)
    if match is None:
        return -1
    letters = [c for c in match["place"] if c.isalpha()]
    # four letters at least: "USA - Russia talks" is an acronym, not a dateline
    capitals = len(letters) >= 4 and all(c.isupper() for c in letters)
    dated = match["rest"] is not None and any(c.isdigit() for c in match["rest"])
    if not (capitals or match["agency"] or dated):
        return -1
    return ctx.offset + match.end()


def _border_place(ctx: _Context, first: int) -> tuple[str, str] | None:
    """'An earthquake struck the border between Turkey and Syria', 'un séisme à la frontière entre
    la Turquie et la Syrie': with a natural event (or a bridge, a tunnel) in the sentence, the two
    countries of a border are where it happened. Without one, "clashes on the border between Armenia
    and Azerbaijan" is an act between them and they stay parties.

    Read backwards from the mention to "between"/"entre" over the list (conjunctions, articles,
    capitalised words, other countries), then a border noun right before it.
    """
    if not ctx.has_between or not ctx.natural_event:
        return None
    index = mention_index(ctx.lang)
    for j in range(ctx.skip_determiners(first) - 1, max(-1, first - 12), -1):
        key = ctx.keys[j]
        if key in {"between", "entre"}:
            noun = _noun_before(ctx, j, "border_noun")
            if noun is None:
                return None
            return "place", f"'{noun} {key}' with '{ctx.natural_event}': where it happened"
        listed = key in _LIST_GOES_ON or ctx.has("determiner", key) or key in index.prefixes
        if key in _SENTENCE_BREAKS or not (listed or ctx.pieces[j].text[:1].isupper()):
            return None
    return None


def _market_role(ctx: _Context, noun: str, at: int) -> tuple[str, str] | None:
    """A currency, share or market named after a country is what moves: "the U.S. dollar", "South
    Africa's rand", "le yuan chinois" are topics, so "the rand fell against the dollar" pairs no one.
    A sanction word just before keeps the country a target ("sanctions on Russian banks")."""
    if ctx.near_before(at, "target", 4, barriers=_CLAUSE_BREAKS):
        return None
    return "topic", f"'{noun}': a currency or market, not a party"


def _is_plural_demonym(ctx: _Context, first: int, last: int) -> bool:
    """English "Americans", "Russians": a noun, which qualifies nothing ("Russians pound ...")."""
    key = ctx.keys[last - 1]
    if not key.endswith("s"):
        return False
    index = mention_index(ctx.lang)
    stem = join_key(" ".join(ctx.keys[first : last - 1]), key[:-1]) if last - first > 1 else key[:-1]
    return any(e.kind == "demonym" for e in index.entries.get(stem, ()))


def _shared_noun_role(ctx: _Context, last: int) -> tuple[str, str] | None:
    """English: "Qatari and Egyptian mediators", "Swiss or Austrian resorts": a demonym followed by
    a conjunction and another demonym shares that one's noun, so it takes its role (not "actor")."""
    if last + 1 >= len(ctx.keys) or ctx.keys[last] not in {"and", "or", ","}:
        return None
    index = mention_index(ctx.lang)
    for width in (2, 1):
        end = last + 1 + width
        if end > len(ctx.keys):
            continue
        key = " ".join(ctx.keys[last + 1 : end])
        if any(e.kind == "demonym" for e in index.entries.get(key, ())) and ctx.pieces[last + 1].text[:1].isupper():
            ruled = _demonym_role(ctx, last + 1, end)
            if ruled is not None and ruled[0] != "actor":
                return ruled[0], f"shares its noun with '{ctx.text_of(last + 1, end)}' ({ruled[1]})"
            return None
    return None


def _place_after_names(ctx: _Context, last: int) -> str | None:
    """English: a place noun after a demonym and a few capitalised words: "the Jordanian Red Sea port
    of Aqaba", "the Egyptian Sinai resort". A country word or a word that takes over as head
    ("the Iranian Foreign Ministry compound") stops it."""
    index = mention_index(ctx.lang)
    i = last
    while i < len(ctx.pieces) and i - last < 3 and ctx.pieces[i].text[:1].isupper() and ctx.pieces[i].text.isalpha():
        if any(e.kind != "block" for e in index.entries.get(ctx.keys[i], ())) or ctx.has("compound_head", ctx.keys[i]):
            return None
        i += 1
    if i == last:
        return None
    return ctx.noun_after(i, "place_noun")


# Words that start a verb phrase after a subject: "en Syrie et la Russie a protesté" is two clauses.
_VERB_STARTS = {
    "fr": {"a", "ont", "est", "sont", "avait", "avaient", "va", "vont", "doit", "doivent", "veut", "peut", "se", "s'",
           "ne", "n'", "y", "lui", "leur", "fait", "dit", "estime", "accuse", "exige", "menace", "refuse"},
    "en": {"is", "are", "was", "were", "has", "have", "had", "will", "would", "said", "says", "can", "could", "may",
           "might", "must", "should", "did", "does", "do", "accused", "warned", "protested", "responded", "denied"},
}


_LIST_GOES_ON = {",", "and", "or", "et", "ou"}
_REPEATED_PREPOSITIONS = {"de", "du", "des", "d'", "à", "a", "au", "aux", "en", "sur", "of", "in", "on", "to", "at", "about"}


def _article_before(ctx: _Context, first: int) -> bool:
    """An article before the mention, contracted ones included ("des États-Unis", "du Qatar")."""
    return ctx.skip_determiners(first) < first or (first > 0 and ctx.keys[first - 1] in {"du", "des", "au", "aux"})


# Words a list of topics does not cross when read backwards: another party's preposition or a verb start.
_LIST_STOPS = frozenset({"with", "to", "against", "from", "by", "for", "between", "avec", "contre", "à", "a", "au", "aux",
                         "pour", "par", "entre", "than", "que", "qu'", "who", "which", "qui", "dont"})


def _list_is_a_subject(ctx: _Context, i: int) -> bool:
    """After a list item at piece i, the rest of the list and then a verb: the list is a subject
    ("brokered by China, Saudi Arabia and Iran agreed", "Sous l'égide du Qatar, le Soudan et le
    Tchad ont signé"), so the first item's preposition does not spread over it."""
    index = mention_index(ctx.lang)
    verbs = _VERB_STARTS.get(ctx.lang, ())
    for j in range(i, min(len(ctx.keys), i + 10)):
        key = ctx.keys[j]
        if key in _LIST_GOES_ON or ctx.has("determiner", key) or key in index.prefixes or ctx.pieces[j].text[:1].isupper():
            continue
        if key in verbs or (ctx.lang == "en" and key.endswith("ed")):
            return True
        return ctx.lang == "fr" and ctx.pos(j) in {"VERB", "AUX"}
    return False


def _list_role(ctx: _Context, f: Found, kind: str) -> tuple[str, str] | None:
    """'discussed trade and Ukraine', 'negotiations over Kashmir and Afghanistan', 'ont évoqué le
    commerce et l'Ukraine': the last items of a list of topics (or mediators) whose first item is
    not a country take the role the list's head gives.

    Read backwards from the conjunction over at most ten pieces, stopping at a clause break, a
    verb start, another country or another party's preposition ("discussed trade with Russia and
    Ukraine": Ukraine is with Russia, not a topic).
    """
    if f.entry.kind in {"demonym", "prefix", "person"}:
        return None
    i = ctx.skip_determiners(f.first)
    if i > 0 and ctx.keys[i - 1] in _REPEATED_PREPOSITIONS and i > 1 and ctx.keys[i - 2] in _LIST_GOES_ON:
        i -= 1
    if i < 2 or ctx.keys[i - 1] not in _LIST_GOES_ON:
        return None
    following = ctx.keys[f.last] if f.last < len(ctx.keys) else "."
    if following in _VERB_STARTS.get(ctx.lang, ()) or (ctx.lang == "en" and following.endswith("ed")):
        return None
    index = mention_index(ctx.lang)
    verbs = _VERB_STARTS.get(ctx.lang, ())
    for p in range(i - 2, max(-1, i - 12), -1):
        key = ctx.keys[p]
        if key in _SENTENCE_BREAKS or key in _LIST_STOPS or key in verbs or key in index.entries:
            return None
        head = ctx.phrase_before(ctx.skip_determiners(p), "topic_prep") or ctx.phrase_before(ctx.skip_determiners(p), "mediator")
        if head is not None:
            ruled = _preposition_role(ctx, p, p + 1, kind)
            if ruled is not None and ruled[0] in {"topic", "mediator"}:
                return ruled[0], f"listed after '{head[0]}'"
            return None
    return None


def _apposition_of_place(ctx: _Context, previous: tuple[Found, str, bool], f: Found) -> bool:
    """'in Doha, Qatar', 'the Omani capital, Muscat', 'la capitale qatarie Doha': the same country
    right after a place, with only a comma, an article or a place noun between, is that place again."""
    prev, role, _ = previous
    if role != "place" or prev.entry.code != f.entry.code or f.entry.kind not in {"name", "capital"}:
        return False
    gap = ctx.text[ctx.pieces[prev.last - 1].end - ctx.offset : ctx.pieces[f.first].start - ctx.offset]
    if any(c in _HYPHENS for c in gap):
        return False  # "DOHA — Qatar said": a dateline, then the sentence
    between = ctx.keys[prev.last : f.first]
    return len(between) <= 3 and all(k in {",", "("} or ctx.has("determiner", k) or ctx.has("place_noun", k) for k in between)


def _coordinated(ctx: _Context, previous: tuple[Found, str, bool], f: Found) -> str | None:
    """'à Moscou et Washington', 'sur la Syrie et la Libye', 'in Syria and Iraq': the second takes
    the first's preposition, unless a new clause starts with it ('en Syrie et la Russie a protesté').

    The small French parser often gets this coordination wrong, so it is read from the words: the
    same use of articles on both sides, a single conjunction between, no verb right after, and
    (French) the parser not calling the second one a subject.
    """
    prev, role, from_prep = previous
    if not from_prep or role == "actor" or f.entry.kind in {"demonym", "prefix", "person"}:
        return None
    between = ctx.keys[prev.last : ctx.skip_determiners(f.first)]
    # "de la Syrie et de la Libye", "d'Oman et du Qatar": the preposition may be repeated after
    # the conjunction, which says the two are coordinated whatever their articles.
    repeated = len(between) == 2 and between[1] in _REPEATED_PREPOSITIONS
    if repeated:
        between = between[:1]
    if len(between) != 1 or between[0] not in _CONJUNCTIONS:
        return None
    following = ctx.keys[f.last] if f.last < len(ctx.keys) else "."
    # "in Syria, the Israeli army said", "sous l'égide du Qatar, le Soudan...": a comma lists
    # only when the French parse says so or the list goes on ("discussed Taiwan, Ukraine and
    # trade", "hosted by Sudan, Kenya and the United States").
    listed = between[0] == "," and following in _LIST_GOES_ON and not _list_is_a_subject(ctx, f.last)
    if between[0] == "," and not listed and (ctx.lang != "fr" or ctx.token(f.first).dep_ != "conj"):
        return None
    # Articles must agree ("en Syrie et la Russie a protesté" is two clauses), except where the
    # words already say coordination: a repeated preposition, a list going on, or English "the"
    # (which comes with some names only: "Saudi Arabia and the United States").
    if not (repeated or listed or ctx.lang == "en") and _article_before(ctx, prev.first) != _article_before(ctx, f.first):
        return None
    if following in _VERB_STARTS.get(ctx.lang, ()) or (ctx.lang == "en" and following.endswith("ed")):
        return None
    if ctx.lang == "fr" and ctx.token(f.first).dep_ in {"nsubj", "nsubj:pass"}:
        return None
    return role
