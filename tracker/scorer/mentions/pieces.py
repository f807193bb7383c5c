"""Text pieces: a text cut into words and signs at spaces, hyphens and after apostrophes, folded.

Matching works on pieces rather than spaCy tokens: the French and English tokenizers disagree on
hyphens ("États-Unis" is one token, "Royaume - Uni" three, "U.S.-Russia" one), while pieces cut
every text the same way, so "Etats Unis", "ÉTATS-UNIS" and "Quai d’Orsay" match a single entry each.
A phrase of a data file and the sentence it is found in are cut by the same regular expression.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

from tracker.scorer.countries import strip_accents

HYPHENS = "-‐‑‒–—"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
# Dotted abbreviations (U.S., U.K.), titles with their dot (M., Mr.), a word before a possessive
# 's, the 's, a word with its elision apostrophe (d', l', s'est; not the possessive apostrophe of a longer
# word ending in s, in a text or at the end of a pattern: "Algiers' move", "the two countries'"), a lone
# apostrophe, any other sign.
# (One word alternative with optional endings: several times faster than one alternative per form.)
# Each match is (the spaces before, the piece); the alternatives cover every character, so offsets
# are running sums of lengths (findall, no match objects: the cheapest loop Python offers).
_TEXT_PIECE = re.compile(
    r"(\s*)((?:M|Mr|Mrs|Ms|Mme|Mlle|Dr|Pr|Gen|Gén|Col|Lt|Sen|Rep|Amb)\.(?=\s)"
    r"|\w+(?:(?:\.\w+)+\.?|(?<!\ws)'(?!s\b)|(?<=\ws)'(?!s\b)(?=\w))?|'s\b|'|[^\w\s])"
)

# doc.user_data keys: the doc's text, its pieces per sentence, its tokens' start offsets.
_DOC_TEXT = "tracker.text"
_DOC_PIECES = "tracker.pieces"
_DOC_TOKEN_STARTS = "tracker.token_starts"


@cache
def fold_word(word: str) -> str:
    """Comparison form of one piece: 'États' -> 'etats', 'U.S.' -> 'us', 'd’' -> "d'"."""
    folded = strip_accents(word.translate(_APOSTROPHES)).casefold()
    stripped = folded.replace(".", "")
    return stripped or folded


_FOLDED: dict[str, str] = {}  # fold_word's results, read directly in the per-word loop


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
        if word in HYPHENS:
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
    """The folded key of a phrase: its pieces folded and joined ("Quai d’Orsay" -> "quai d'orsay")."""
    key = ""
    for word, *_ in split_words(text):
        key = join_key(key, fold_word(word))
    return key


class Piece(NamedTuple):
    """A word or sign of the sentence (a NamedTuple: built for every word, it must be cheap)."""

    text: str
    key: str
    start: int  # character offsets in the sentence's doc
    end: int
    hyphen_before: bool  # glued to the previous piece by a hyphen ("russo-américain", "U.S.-Russia")


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
    by_sentence: dict[tuple[int, int], list[Piece]] | None = sent.doc.user_data.get(_DOC_PIECES)
    if by_sentence is None:
        by_sentence = sent.doc.user_data[_DOC_PIECES] = {}
    cached = by_sentence.get((sent.start, sent.end))
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
        if word in HYPHENS:
            glued_hyphen = not spaces  # glued on the right too if the next piece has no spaces
            continue
        fold = folded.get(word)
        if fold is None:
            fold = folded[word] = fold_word(word)
        append(Piece(raw[start:pos], fold, offset + start, offset + pos, glued_hyphen and not spaces))
        glued_hyphen = False
    by_sentence[(sent.start, sent.end)] = pieces
    return pieces


def move_pieces(cut: Span, moved: Span) -> None:
    """Give `moved`, the same words in another doc (the window of a paragraph the models parse), the
    pieces already cut for `cut`, offsets shifted: cheaper than cutting its text again."""
    pieces: list[Piece] | None = cut.doc.user_data.get(_DOC_PIECES, {}).get((cut.start, cut.end))
    if pieces is None or moved.doc is cut.doc:
        return
    shift = moved.start_char - cut.start_char
    by_sentence = moved.doc.user_data.setdefault(_DOC_PIECES, {})
    by_sentence[(moved.start, moved.end)] = [Piece(text, key, start + shift, end + shift, glued)
                                             for text, key, start, end, glued in pieces]


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token of the doc (read once per doc, to find a piece's token)."""
    starts: list[int] | None = doc.user_data.get(_DOC_TOKEN_STARTS)
    if starts is None:
        starts = doc.user_data[_DOC_TOKEN_STARTS] = doc.to_array(IDX).tolist()
    return starts
