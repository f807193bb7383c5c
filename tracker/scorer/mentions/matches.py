"""Which index entry a matched phrase is (a country, a leader, a blocked phrase), and which
matches are kept: the longest wins, and a compound prefix ("russo-") needs another country form."""

from __future__ import annotations

from tracker.scorer.mentions.gazetteer import Entry, Found, longest_first, mention_index
from tracker.scorer.mentions.pieces import Piece, join_key
from tracker.scorer.mentions.sentence import SentenceContext
from tracker.scorer.mentions.wordlists import grammar_words

# Before a word that is both a country and a leader ("Hollande"), these make it the country.
_COUNTRY_MARKERS = grammar_words("country_marker")
_DEMONYM = ("demonym",)
# When a phrase is several kinds of country form, the first kind here wins.
_KIND_PRIORITY = ("name", "capital", "institution", "demonym", "prefix")
_FIRST_NAMES = grammar_words("first_name", "en")
_DATE_WORDS = grammar_words("date_word", "en")


def sentence_matches(ctx: SentenceContext, hits: list[tuple[int, int, list[Entry]]]) -> list[Found]:
    """The country forms among a scan's hits, one entry each, the longest winning, blocks and lone
    prefixes out, in the order of the sentence."""
    found = []
    for first, last, entries in hits:
        entry = choose_entry(ctx, first, last, entries)
        if entry is not None:
            found.append(Found(first, last, entry))
    kept = [match for match in longest_first(found)
            if match.entry.kind != "block" and not _first_name(ctx, match) and not _titled_capital(ctx, match)]
    return keep_prefixes(kept, ctx.pieces)


def _first_name(ctx: SentenceContext, match: Found) -> bool:
    """English "Chad Mitchell, a spokesman", "Jordan Peterson said": a country name that is also a
    first name, right before a capitalised surname that ends the name, is a person. Not before a
    title, a date word or another country form ("Chad President Deby", "Jordan King Abdullah",
    "Chad Sunday rejected")."""
    after = match.last
    if ctx.lang != "en" or match.last - match.first != 1 or ctx.keys[match.first] not in _FIRST_NAMES:
        return False
    if after >= len(ctx.pieces) or not (ctx.pieces[after].text.istitle() and ctx.pieces[after].text.isalpha()):
        return False
    surname = ctx.keys[after]
    if surname in _DATE_WORDS or ctx.has("title", surname) or surname in mention_index(ctx.lang).entries:
        return False
    ends = after + 1 >= len(ctx.pieces) or not ctx.pieces[after + 1].text[:1].isupper()
    return ends and ctx.pos(after) == "PROPN"


def _titled_capital(ctx: SentenceContext, match: Found) -> bool:
    """ "Queen Sofia", "la reine Sofia", "President Lima": a capital right after a title (roles.tsv title) is a
    person's given name or surname, no country. Capitalised: "the Prime Minister Sofia named" is rare enough."""
    return match.entry.kind == "capital" and ctx.phrase_before(match.first, "title") is not None \
        and ctx.pieces[match.first].text[:1].isupper()


def choose_entry(ctx: SentenceContext, first: int, last: int, entries: list[Entry]) -> Entry | None:
    """The entry the text supports: case rules, titles for common surnames, country vs leader."""
    words = [piece.text for piece in ctx.pieces[first:last]]
    accepted = [entry for entry in entries if entry.accepts(words)]
    if not accepted:
        return None
    by_kind: dict[str, Entry] = {}
    for entry in accepted:
        by_kind.setdefault(entry.kind, entry)
    if "block" in by_kind:
        return by_kind["block"]
    person = by_kind.get("person")
    if person is not None:
        titled = _titled(ctx, first)
        usable = tuple((name, needs_title) for name, needs_title in person.people if titled or not needs_title)
        country_marked = first > 0 and ctx.keys[first - 1] in _COUNTRY_MARKERS
        if usable and not (country_marked and "name" in by_kind):
            return Entry(person.code, "person", person.form, person.caps, people=usable)
    for kind in _KIND_PRIORITY:
        if kind in by_kind:
            return by_kind[kind]
    return None


def _titled(ctx: SentenceContext, first: int) -> bool:
    """A title right before a surname, a demonym allowed between: "M. Johnson", "le président sud-coréen Moon"."""
    index = mention_index(ctx.lang)
    j = first
    for _ in range(2):
        if j >= 2 and index.has_kind(join_key(ctx.keys[j - 2], ctx.keys[j - 1]), _DEMONYM):
            j -= 2
        elif j >= 1 and index.has_kind(ctx.keys[j - 1], _DEMONYM):
            j -= 1
    return ctx.phrase_before(j, "title") is not None


def keep_prefixes(found: list[Found], pieces: list[Piece]) -> list[Found]:
    """'russo-' counts only glued to another country form ('russo-américain'), checked right to left."""
    starts = {match.first: match for match in found if match.entry.kind != "block"}
    kept: dict[int, Found] = {}
    for match in sorted(found, key=lambda match: -match.first):
        if match.entry.kind == "prefix":
            following = match.last
            glued = following < len(pieces) and pieces[following].hyphen_before
            if not (glued and following in starts and following in kept):
                continue
        kept[match.first] = match
    return [kept[first] for first in sorted(kept)]
