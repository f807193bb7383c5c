"""The article's sentences, each with its language, and the parse of only those that can matter.

Every paragraph is cut into tokens and sentences without a model (`nlp.split`: the boundaries the
whole pipeline gives). A sentence whose words start no country form (name, demonym, capital,
institution, leader) and no "les deux pays"-like phrase gets no mention (`mentions.may_mention`),
so no pair, cue or date: its reading is its offsets and language, decided without a parse. Only the
other sentences, the candidates, go through the models, in one nlp.pipe batch per language (several
articles' batches can be joined: `parse_all`). Most sentences of a real article name no country.

A candidate is parsed in a window of its paragraph: the sentence and `margin` tokens either side,
enough for every model output the sentence's reading depends on to be the one the whole paragraph
gives (tests/test_sentences.py checks it on every corpus and gold text):
- a token's vector (tok2vec) depends on the tokens `depth x window_size` either side (4 in both
  small models); the tagger or morphologizer and the lemmatizer read the token alone;
- the parser starts each sentence on an empty stack (the boundaries are fixed: no arc crosses them)
  and looks one token ahead (B1), the next sentence's first token, whose vector needs 4 more;
- the attribute ruler's patterns read the tags of at most 1 neighbour; the one that reads a
  neighbour's dependency label (English "there | is") makes the window take the neighbouring
  sentence's whole paragraph side when the sentence starts (or ends) with one of its words.
The margin is read from the models' configuration; a model whose reach cannot be read is parsed
a whole paragraph at a time, as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

from spacy.attrs import NORM, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from . import language, nlp
from .mentions import may_mention, remember_text, span_text
from .mentions.pieces import move_pieces

# Encoders whose reach is depth x window_size tokens either side of a token.
_WINDOW_ENCODERS = ("spacy.MaxoutWindowEncoder.v1", "spacy.MaxoutWindowEncoder.v2",
                    "spacy.MishWindowEncoder.v1", "spacy.MishWindowEncoder.v2")
_PER_TOKEN_EMBEDS = ("spacy.MultiHashEmbed.v1", "spacy.MultiHashEmbed.v2")
# The parser's furthest look past the token it attaches (B1).
PARSER_LOOKAHEAD = 1
# Pattern keys of the attribute ruler that read another sentence's parse when the pattern crosses a boundary.
_PARSE_KEYS = frozenset({"DEP", "HEAD", "SENT_START", "IS_SENT_START"})


@dataclass(eq=False)
class SentenceSpan:
    """A sentence as a Span of some Doc, and the offset of that Doc's text in Article.text."""

    span: Span
    base: int
    language: str
    # may_mention's answer on its words: False, and the sentence can give no mention, anaphora, cue
    # nor date, so its reading is known without reading it again (pipeline._read_sentence)
    candidate: bool = True


@dataclass
class _Parse:
    """A doc waiting for the models, and the sentences to move onto the parsed doc."""

    doc: Doc
    sentences: list[SentenceSpan]
    token_shift: int = 0  # where the doc starts in the doc its sentences were cut from
    char_shift: int = 0


@dataclass
class SplitArticle:
    """An article cut into sentences; the docs its candidates need are in `pending` until `parse_all`."""

    sentences: list[SentenceSpan] = field(default_factory=list)
    title: SentenceSpan | None = None
    pending: dict[str, list[_Parse]] = field(default_factory=dict)

    def queue(self, lang: str, parse: _Parse) -> None:
        self.pending.setdefault(lang, []).append(parse)


def split_article(text: str, paragraphs: list[tuple[int, int]], main_lang: str, title: str | None) -> SplitArticle:
    """The article's sentences in text order, each with the language it is read in, and the title.

    `paragraphs`: (start, end) of each paragraph in `text`. The language is decided per paragraph
    (long enough to be reliable), then a sentence that is clearly in the other language (a quoted
    English tweet in a French article) is cut again alone. The title rides in the main language's
    batch: handed to a pipeline alone it cost as much as several paragraphs (a fixed cost per call).
    """
    langs = [language.detect_language(text[a:b], main_lang) for a, b in paragraphs]
    docs: dict[int, Doc] = {}
    article = SplitArticle()
    for lang in dict.fromkeys([*langs, main_lang]):
        idx = [i for i, lg in enumerate(langs) if lg == lang]
        texts = [text[paragraphs[i][0] : paragraphs[i][1]] for i in idx]
        if title and lang == main_lang:
            texts.append(title)
        made = [remember_text(doc, t) for doc, t in zip(nlp.split(lang, texts), texts, strict=True)]
        if title and lang == main_lang:
            title_doc = made.pop()
            article.title = SentenceSpan(title_doc[:], 0, lang)
            if may_mention(article.title.span, lang):
                article.queue(lang, _Parse(title_doc, [article.title]))
        docs.update(zip(idx, made, strict=True))
    for i, (start, end) in enumerate(paragraphs):
        _split_paragraph(article, docs[i], start, end, langs[i])
    return article


def _split_paragraph(article: SplitArticle, doc: Doc, start: int, end: int, paragraph_lang: str) -> None:
    candidates = []
    for sent in doc.sents:
        # The paragraph's text sliced, not Span.text: spaCy rebuilds that from the tokens.
        sent_text = span_text(sent)
        if not sent_text.strip():
            continue
        # A paragraph of one sentence: its language is already decided.
        lang = paragraph_lang if len(sent_text) == end - start else language.detect_language(sent_text, paragraph_lang)
        if lang == paragraph_lang:
            sentence = SentenceSpan(sent, start, lang, may_mention(sent, lang))
            if sentence.candidate:
                candidates.append(sentence)
        else:
            alone = remember_text(nlp.split(lang, [sent_text])[0], sent_text)
            sentence = SentenceSpan(alone[:], start + sent.start_char, lang, may_mention(alone[:], lang))
            if sentence.candidate:
                article.queue(lang, _Parse(alone, [sentence]))
        article.sentences.append(sentence)
    for first, last, inside in _windows(doc, candidates, paragraph_lang):
        article.queue(paragraph_lang, _window(doc, first, last, inside))


def _windows(doc: Doc, candidates: list[SentenceSpan], lang: str) -> Iterator[tuple[int, int, list[SentenceSpan]]]:
    """Token ranges of the doc to parse, each with the candidates inside it (overlapping ones joined)."""
    if not candidates:
        return
    margin = window_margin(lang)
    if margin is None:
        yield 0, len(doc), candidates
        return
    starts_reading_parse, ends_reading_parse = _edge_forms(lang)
    first, last = -1, -1
    inside: list[SentenceSpan] = []
    for sentence in candidates:
        span = sentence.span
        a = 0 if _reads_neighbour(span[0], starts_reading_parse) else max(0, span.start - margin)
        b = len(doc) if _reads_neighbour(span[-1], ends_reading_parse) else min(len(doc), span.end + margin)
        if inside and a <= last:
            last = max(last, b)
            inside.append(sentence)
            continue
        if inside:
            yield first, last, inside
        first, last, inside = a, b, [sentence]
    yield first, last, inside


def _reads_neighbour(token: Any, forms: frozenset[str] | None) -> bool:
    return forms is None or token.lower_ in forms


def _window(doc: Doc, first: int, last: int, inside: list[SentenceSpan]) -> _Parse:
    """The tokens [first, last) of the doc as a doc of their own, with the same words, norms and
    sentence starts (the whole doc itself when the window covers it)."""
    if first == 0 and last == len(doc):
        return _Parse(doc, inside)
    tokens = doc[first:last]
    window = Doc(doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])
    # Doc.to_array is typed as a plain ndarray; it holds uint64 attribute values, what from_array takes.
    attrs = cast(Ints2d, doc.to_array([NORM, SENT_START])[first:last].copy())
    attrs[0, 1] = 1  # a doc starts a sentence
    window.from_array([NORM, SENT_START], attrs)
    char_shift = tokens[0].idx
    end_char = tokens[-1].idx + len(tokens[-1].text_with_ws)
    remember_text(window, span_text(doc[:])[char_shift:end_char])
    return _Parse(window, inside, first, char_shift)


def parse_all(articles: list[SplitArticle]) -> None:
    """Parse the pending docs of all these articles, one nlp.pipe batch per language, and move
    their sentences onto the parsed docs."""
    by_lang: dict[str, list[_Parse]] = {}
    for article in articles:
        for lang, parses in article.pending.items():
            by_lang.setdefault(lang, []).extend(parses)
        article.pending = {}
    for lang, parses in by_lang.items():
        for parse, parsed in zip(parses, nlp.parse(lang, [p.doc for p in parses]), strict=True):
            for sentence in parse.sentences:
                span = sentence.span
                sentence.span = parsed[span.start - parse.token_shift : span.end - parse.token_shift]
                move_pieces(span, sentence.span)
                sentence.base += parse.char_shift


@cache
def window_margin(lang: str) -> int | None:
    """Tokens either side of a sentence that make its parse the one its whole paragraph gives,
    or None when the models' reach cannot be read from their configuration (parse whole paragraphs)."""
    pipeline = nlp.get_nlp(lang)
    reach = 0
    for name in pipeline.pipe_names:
        model_cfg = pipeline.config["components"][name].get("model")
        if name == "sentencizer" or model_cfg is None:
            continue
        tok2vec = model_cfg if name == "tok2vec" else model_cfg.get("tok2vec")
        if tok2vec is None:
            return None
        if tok2vec.get("@architectures", "").startswith("spacy.Tok2VecListener"):
            continue  # reads the shared tok2vec component, measured on its own
        token_reach = _tok2vec_reach(tok2vec)
        if token_reach is None:
            return None
        reach = max(reach, token_reach)
    longest = _longest_ruler_pattern(pipeline)
    return reach + max(PARSER_LOOKAHEAD, longest - 1)


def _tok2vec_reach(cfg: dict[str, Any]) -> int | None:
    embed, encode = cfg.get("embed", {}), cfg.get("encode", {})
    if embed.get("@architectures") not in _PER_TOKEN_EMBEDS or encode.get("@architectures") not in _WINDOW_ENCODERS:
        return None
    return int(encode["depth"]) * int(encode["window_size"])


def _ruler_patterns(pipeline: Language) -> list[tuple[list[dict[str, Any]], int]]:
    """(tokens, index of the token it sets) of every attribute ruler pattern."""
    out = []
    for name in pipeline.pipe_names:
        component = pipeline.get_pipe(name)
        for rule in getattr(component, "patterns", []) if pipeline.get_pipe_meta(name).factory == "attribute_ruler" else []:
            for tokens in rule["patterns"]:
                out.append((tokens, rule.get("index", 0) % len(tokens)))
    return out


def _longest_ruler_pattern(pipeline: Language) -> int:
    return max((len(tokens) for tokens, _ in _ruler_patterns(pipeline)), default=1)


@cache
def _edge_forms(lang: str) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """Lowercase words the attribute ruler may change from the parse of the sentence before (when
    they start a sentence) or after (when they end one); None: any word."""
    starts: set[str] = set()
    ends: set[str] = set()
    any_start = any_end = False
    for tokens, index in _ruler_patterns(nlp.get_nlp(lang)):
        reads_parse = [i for i, token in enumerate(tokens) if i != index and _PARSE_KEYS & token.keys()]
        if not reads_parse:
            continue
        forms = _lower_forms(tokens[index])
        if any(i < index for i in reads_parse):
            any_start |= forms is None or len(tokens) > 2
            starts |= forms or set()
        if any(i > index for i in reads_parse):
            any_end |= forms is None or len(tokens) > 2
            ends |= forms or set()
    return (None if any_start else frozenset(starts)), (None if any_end else frozenset(ends))


def _lower_forms(token: dict[str, Any]) -> set[str] | None:
    """The lowercase forms a pattern token accepts, or None if it is not a list of words."""
    for key in ("LOWER", "ORTH", "TEXT", "NORM"):
        value = token.get(key)
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, dict) and set(value) == {"IN"}:
            return {str(v).lower() for v in value["IN"]}
    return None
