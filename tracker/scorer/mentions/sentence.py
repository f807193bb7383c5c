"""The sentence as the role rules read it: its pieces, the words before and after a match, and a
few facts about the whole sentence (a natural event, a multilateral meeting, a match, a dateline)."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

from spacy.tokens import Span, Token

from tracker.scorer.mentions.gazetteer import Entry, acronyms, list_index, mention_index, scan
from tracker.scorer.mentions.pieces import Piece, fold_word, join_key, phrase_key, span_text, token_starts
from tracker.scorer.mentions.wordlists import (
    SENTENCE_BREAKS,
    data_rows,
    grammar_words,
    last_words,
    role_words,
    stem_match,
    verb_stems,
)

_BETWEEN = grammar_words("between")
_BETWEEN_REACH = 8  # pieces after "entre"/"between" read for its countries ("entre le Rwanda et la RDC")
_COUNTRY_FORMS = ("name", "demonym", "institution", "person")
# every form that names a country, for counting the countries a sentence or a stretch of it names
_NAMING_FORMS = (*_COUNTRY_FORMS, "capital", "prefix")
_VERB_TAGS = frozenset({"VERB", "AUX"})

# A news dateline opening a sentence: "DOHA —", "MOSCOW (Reuters) -", "PARIS, 3 mars (AFP) -",
# "Kyiv, Ukraine (AP) —". The place, an optional ", date or country", an optional "(agency)", a dash.
# An agency's brackets may hold its date ("OSLO (Wire News / Agency - 12th May, 2021)"): past AGENCY_CHARS
# characters only after a place in capitals and with a date in them (a digit or a month's name: "NATO (which neither
# Kenya nor Uganda belongs to) -" is an aside). AGENCY_REACH: the longest brackets read.
AGENCY_CHARS = 30
AGENCY_REACH = 60
_DATELINE = re.compile(
    r"\s*(?P<place>[^\W\d_][\w.'’ /-]{0,40}?)"
    r"(?P<rest>\s*,\s*[^()\n—–:]{0,40}?)?"
    rf"(?P<agency>\s*\([^()\n]{{1,{AGENCY_REACH}}}\))?"
    # a dash; a hyphen glued to the agency ("(RHC)-"); the agency alone before the sentence
    # ("Tokyo, March 22 (IANS) South Korean ..."); a colon glued to the place ("Singapore: China ...")
    r"(?:\s+[—–-]{1,2}\s|\s*[—–]\s*|(?<=\))-{1,2}\s*|(?<=\))(?P<bare>\s+)(?=[^\W\d_])|(?P<colon>:)\s+(?=[^\W\d_]))"
)
_COLON_PLACE_WORDS = 3
GOVERNOR_REACH = 4  # pieces between a governing word and a list's phrase ("host the 2030 Asian Games")
_SCORE = re.compile(r"(?<![\d-])\d{1,2}\s?(?:-|–|à)\s?\d{1,2}(?![\d-])")  # a match's score: "2-0", "3 à 1"
_COHOST_WITH = frozenset({"with", "avec"})  # "host the Cup with Spain": its co-hosts follow (SentenceContext.cohosts)
_COHOST_LINKS = frozenset({"and", "et", ",", "l'", "d'"})  # between co-hosts: "Spain and Portugal", "l'Espagne et le Portugal"
_OF_PREPOSITIONS = grammar_words("of_preposition")  # "New Delhi:", "Addis Ababa:"; a longer opening before a colon is a sentence


class SentenceContext:
    """One sentence with its pieces, its word lists and memoised lookups around its matches."""

    def __init__(self, sent: Span, lang: str, pieces: list[Piece]):
        self.sent = sent
        self.doc = sent.doc
        self.offset = sent.start_char
        self.lang = lang
        self.pieces = pieces
        self.words = role_words(lang)
        self.keys = [piece.key for piece in pieces]
        # Doc.text and Span.text are rebuilt from the tokens on every access: read it once.
        self.text = span_text(sent)
        self.dateline_end = _dateline_end(self.text, self.offset, lang)
        self._lemmas: dict[int, str] = {}
        self._phrases_before: dict[int, list[tuple[str, int]]] = {}

    @cached_property
    def _token_starts(self) -> list[int]:
        return token_starts(self.doc)

    def token(self, i: int) -> Token:
        """The spaCy token holding piece i (looked up only near a match)."""
        token_index = bisect_right(self._token_starts, self.pieces[i].start) - 1
        return self.doc[max(token_index, self.sent.start)]

    def piece_of(self, token: Token) -> int | None:
        return next((n for n, piece in enumerate(self.pieces) if piece.start == token.idx), None)

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

    def text_of(self, first: int, last: int) -> str:
        return self.text[self.pieces[first].start - self.offset : self.pieces[last - 1].end - self.offset]

    def two_pieces(self, i: int) -> str:
        """The key of pieces i and i + 1 ("" at the end of the sentence): "coast guard", "red sea"."""
        return join_key(self.keys[i], self.keys[i + 1]) if i + 1 < len(self.pieces) else ""

    def _keys_before(self, end: int) -> list[tuple[str, int]]:
        """The phrases of 1 to 6 pieces ending just before piece `end`, shortest first (memoised)."""
        found = self._phrases_before.get(end)
        if found is None:
            found = []
            key = ""
            for start in range(end - 1, max(-1, end - 7), -1):
                key = join_key(self.keys[start], key) if key else self.keys[start]
                found.append((key, start))
            self._phrases_before[end] = found
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
        self,
        end: int,
        listname: str,
        width: int,
        use_lemma: bool = True,
        barriers: frozenset[str] = SENTENCE_BREAKS,
    ) -> str | None:
        """A word of the list among the `width` pieces before `end` (lemmas for verbs and plurals)."""
        for i in range(end - 1, max(-1, end - 1 - width), -1):
            if self.keys[i] in barriers:
                return None
            for form in (self.keys[i], self.lemma(i) if use_lemma else None):
                if form and self.has(listname, form):
                    return form
            stems = verb_stems(self.lang).get(listname) if use_lemma else None
            if stems and stem_match(stems, self.keys[i]):
                return self.keys[i]
        return None

    def area_after(self, start: int) -> str | None:
        """English: a sovereign area named right after a modifier at `start - 1` ("Greek airspace", "Japan's
        territorial waters": its first word may be one noun_after skips as a modifier)."""
        two = self.two_pieces(start) if start < len(self.pieces) else ""
        return two if two and self.has("sovereign_area", two) else self.noun_after(start, "sovereign_area")

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
        two = self.two_pieces(i)
        if two and self.has(listname, two):
            return two
        # A verb is no noun, whatever its lemma: "Pakistan issued", "Ukraine filed", "Chile questioned"
        # name the subject of an act, not "the Pakistan issue" or "the Ukraine file" (a word glued by
        # a hyphen is read as before: "Russian-made").
        if self.lang == "en" and not self.pieces[i].hyphen_before and self.pos(i) in _VERB_TAGS:
            return None
        for form in (self.keys[i], self.lemma(i)):
            if self.has(listname, form):
                if i + 1 < len(self.pieces) and self.has("compound_head", self.keys[i + 1]):
                    return None
                return form
        return None

    def phrase_in(self, listname: str, unless: str | None = None, head_after: bool = False) -> str | None:
        """The first phrase of a list found anywhere in the sentence; acronyms (G20, UN) in capitals only.
        With `unless`, a phrase a word of that list governs (``_governed``) does not count."""
        capitalised = acronyms(self.lang, listname)
        for first, last, entries in scan(self.pieces, list_index(self.lang, listname)):
            text = self.text_of(first, last)
            key = entries[0].form
            if key in capitalised and text not in capitalised[key]:
                continue
            if unless and self._governed(first, last, unless, head_after):
                continue
            return text
        return None

    def _governed(self, first: int, last: int, listname: str, head_after: bool) -> bool:
        """A word of the list right before the phrase at first..last, only articles, "of"/"de", years and
        capitalised names between ("host the 2030 Asian Games", "les alliés de l'OTAN"), or, with
        `head_after` (English), right after it as its head noun ("NATO allies", "EU member states")."""
        i = first
        while i > 0 and first - i < GOVERNOR_REACH and (
                self.has("determiner", self.keys[i - 1]) or self.keys[i - 1] in _OF_PREPOSITIONS
                or self.keys[i - 1].isdigit() or _capitalised_name(self, i - 1)):
            i -= 1
        before = i > 0 and (self.has(listname, self.keys[i - 1]) or self.has(listname, self.lemma(i - 1)))
        after = head_after and self.lang == "en" and last < len(self.pieces) and self.has(listname, self.keys[last])
        return before or after

    @cached_property
    def has_between(self) -> bool:
        """The sentence has "entre" or "between": a border or a mediation between two countries."""
        return not _BETWEEN.isdisjoint(self.keys)

    @cached_property
    def natural_event(self) -> str | None:
        """A word of a natural event or a border structure in the sentence (earthquake, séisme, bridge)."""
        return self.phrase_in("natural_event")

    @cached_property
    def multilateral(self) -> str | None:
        """A word of a multilateral meeting in the sentence (G20, OTAN, "Nations unies"), if any."""
        return self.phrase_in("multilateral", unless="member_of", head_after=True)

    @cached_property
    def between_countries(self) -> frozenset[str]:
        """Codes of the countries named within a few words after "entre"/"between": the sides of
        a relation or an event the sentence names ("la signature de l'accord entre le Rwanda et la RDC")."""
        if not self.has_between:
            return frozenset()
        starts = [i for i, key in enumerate(self.keys) if key in _BETWEEN]
        found = [(first, last, entries) for first, last, entries in scan(self.pieces, mention_index(self.lang))
                 if any(0 < first - s <= _BETWEEN_REACH for s in starts)]
        return _longest_codes(found, _COUNTRY_FORMS)

    @cached_property
    def named_countries(self) -> frozenset[str]:
        """Codes of every country the sentence names (the kinds of ``codes_in``)."""
        return self.codes_in(0, len(self.pieces))

    def codes_in(self, first: int, last: int) -> frozenset[str]:
        """Codes of the countries named within pieces first..last, the longest matches only: names,
        demonyms, capitals, institutions, persons and compound prefixes ("Athènes" names Greece as
        "la Grèce" does; "russo-" names Russia)."""
        return _longest_codes(scan(self.pieces[first:last], mention_index(self.lang)), _NAMING_FORMS)

    def codes_at(self, first: int, last: int) -> frozenset[str]:
        """Codes of the country forms that pieces first..last match exactly."""
        return frozenset(entry.code for start, end, entries in scan(self.pieces[first:last], mention_index(self.lang))
                         if (start, end) == (0, last - first) for entry in entries if entry.code)

    @cached_property
    def sports_phrase(self) -> str | None:
        """A phrase of the sports list in the sentence ("Coupe du monde", "semi-final"), if any."""
        phrase = self.phrase_in("sports", unless="event_host")
        if phrase is None and self.phrase_in("sports") and self._match_reported:
            phrase = self.phrase_in("sports")
        return phrase

    @cached_property
    def cohosts(self) -> frozenset[int]:
        """First pieces of the countries named after "with"/"avec" right after an event a country hosts ("host the
        2030 World Cup with Spain and Portugal", "organiser la CAN avec le Kenya et l'Ouganda"): its co-hosts, named
        with the host for the event, no sides of the sentence's act."""
        found: set[int] = set()
        index = mention_index(self.lang)
        for first, last, _ in scan(self.pieces, list_index(self.lang, "sports")):
            if not self._governed(first, last, "event_host", False):
                continue
            i = last
            while i < len(self.keys) and self.keys[i].isdigit():
                i += 1  # "the World Cup 2030 with ..."
            if i >= len(self.keys) or self.keys[i] not in _COHOST_WITH:
                continue
            starts = {start + i + 1: end + i + 1 for start, end, _ in scan(self.pieces[i + 1 :], index)}
            j = i + 1
            while j < len(self.keys):
                if j in starts:
                    found.add(j)
                    j = starts[j]
                elif self.has("determiner", self.keys[j]) or self.keys[j] in _COHOST_LINKS:
                    j += 1
                else:
                    break
        return frozenset(found)

    @cached_property
    def _match_reported(self) -> bool:
        """A score ("1-0", "2 à 1") or a match word (roles.tsv match_word) in the sentence: a match report even
        beside an event a country hosts ("Morocco, hosting the Cup of Nations, beat Algeria 2-0")."""
        return bool(_SCORE.search(self.text)) or any(
            self.has("match_word", key) or self.has("match_word", self.lemma(i)) for i, key in enumerate(self.keys))


def _capitalised_name(ctx: SentenceContext, i: int) -> bool:
    """A capitalised word inside the sentence that names no country (an organiser: "FIFA", "UEFA")."""
    return i > 0 and ctx.pieces[i].text[:1].isupper() and not mention_index(ctx.lang).has_kind(ctx.keys[i], _NAMING_FORMS)


def _longest_codes(found: list[tuple[int, int, list[Entry]]], kinds: tuple[str, ...]) -> frozenset[str]:
    """Codes of the entries of these kinds among the longest matches found: "République
    démocratique du Congo" is not also "Congo"."""
    longest = [(start, end, entries) for start, end, entries in found
               if not any(s2 <= start and end <= e2 and e2 - s2 > end - start for s2, e2, _ in found)]
    return frozenset(entry.code for _, _, entries in longest for entry in entries if entry.kind in kinds and entry.code)


# a month's full name (date_words.tsv): French ones in any case, English ones as written ("May", not "may")
_MONTHS = frozenset(fold_word(row["word"]) if row["lang"] == "fr" else row["word"]
                    for row in data_rows("date_words.tsv") if row["kind"] == "month" and row.get("form") == "full")


def _has_date(words: str) -> bool:
    """Whether `words` hold a digit or a month's full name."""
    return any(c.isdigit() for c in words) or any(
        w in _MONTHS or fold_word(w) in _MONTHS for w in re.findall(r"[^\W\d_]+", words))


def _dateline_end(text: str, offset: int, lang: str) -> int:
    """Offset (in the doc) where a dateline at the start of the sentence ends, or -1.

    A sentence that opens with a place and a dash is a dateline only when it looks like one: the
    place in capitals, an agency in brackets, or a date after a comma; a title-case place and a colon
    is one when it is a city ("Kabul: ...", not the headline "Iran: Tehran rejects ..."). "Iran — long
    at odds with Washington — agreed ..." opens with a parenthesis, not a dateline.
    """
    match = _DATELINE.match(text)
    if match is None:
        return -1
    letters = [c for c in match["place"] if c.isalpha()]
    # four letters at least: "USA - Russia talks" is an acronym, not a dateline
    capitals = len(letters) >= 4 and all(c.isupper() for c in letters)
    # the brackets' length with the brackets themselves
    if match["agency"] and len(match["agency"].strip()) > AGENCY_CHARS + 2 and not (
            capitals and _has_date(match["agency"])):
        return -1  # "Iran (long at odds with its neighbours over the dam) — agreed ...": an aside, no agency
    dated = match["rest"] is not None and any(c.isdigit() for c in match["rest"])
    if match["bare"] and not (text[match.end()].isupper() and _is_place_words(match["place"])):
        return -1  # "Tokyo, March 22 (IANS) South Korean ...", not "In a reciprocal action, ... (May 22) announced"
    if match["colon"] and not (capitals or match["agency"] or dated):
        # "Dubai: ...", "Singapore: ...": a city; "Iran: Tehran rejects ..." opens a headline
        return offset + match.end() if _is_colon_city(match["place"], lang) else -1
    if not (capitals or match["agency"] or dated):
        return -1
    return offset + match.end()


def _is_colon_city(place: str, lang: str) -> bool:
    """A title-case place before a colon is a dateline when it is a city: a capital of the index,
    a city-state or same-name capital of `dateline_city`, or no country form at all ("Dubai")."""
    if not _is_place_words(place):
        return False
    key = phrase_key(place)
    index = mention_index(lang)
    if key in grammar_words("dateline_city") or index.has_kind(key, ("capital",)):
        return True
    # "Serbia-Kosovo: talks stall" opens a headline on two countries
    return not any(index.has_kind(fold_word(word), _COUNTRY_FORMS) for word in re.split(r"[\s/-]+", place) if word)


def _is_place_words(place: str) -> bool:
    """One to three capitalised words, as a place's name is ("New Delhi", "Addis Ababa")."""
    words = place.split()
    return 0 < len(words) <= _COLON_PLACE_WORDS and all(word[:1].isupper() for word in words)
