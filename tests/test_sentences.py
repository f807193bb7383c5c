"""Only the sentences that can give a mention are parsed, each in a window of its paragraph; the
tokens, sentences and parse the stages read must be those of the whole paragraph parsed at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tracker.readers import read_file
from tracker.records import Article
from tracker.scorer import language, nlp, sentences
from tracker.scorer.mentions.pieces import sentence_pieces, span_text
from tracker.scorer.pipeline import _paragraphs, _pieces, main_language, score_article

ROOT = Path(__file__).resolve().parents[1]


def _corpus() -> list[Article]:
    return [a for p in sorted((ROOT / "corpus").rglob("*.txt")) for a in read_file(p) if isinstance(a, Article)]


def _split(text: str, lang: str, title: str | None = None) -> sentences.SplitArticle:
    paragraphs = [piece for m in _paragraphs(text) for piece in _pieces(text, m.start(), m.end())]
    return sentences.split_article(text, paragraphs, lang, title)


def _annotations(tokens) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i - t.i, t.is_sent_start)
            for t in tokens]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_split_gives_the_sentences_of_the_whole_pipeline(lang):
    texts = [m.group() for a in _corpus() if main_language(a) == lang for m in _paragraphs(a.text)]
    for split, parsed in zip(nlp.split(lang, texts), nlp.get_nlp(lang).pipe(texts), strict=True):
        assert [(s.start, s.end) for s in split.sents] == [(s.start, s.end) for s in parsed.sents]


def test_every_parsed_sentence_reads_as_in_its_whole_paragraph():
    compared = 0
    for article in _corpus():
        lang = main_language(article)
        split = _split(article.text, lang, article.title)
        sentences.parse_all([split])
        for s in split.sentences:
            if not s.span.doc.has_annotation("DEP"):
                continue
            start = s.base + s.span.start_char
            # The paragraph (or the sentence alone, when in the other language) parsed whole, as before.
            paragraph = next(m for m in _paragraphs(article.text) if m.start() <= start < m.end())
            in_paragraph = s.language == language.detect_language(paragraph.group(), lang)
            whole = nlp.get_nlp(s.language)(nlp.model_text(s.language, paragraph.group() if in_paragraph else s.span.doc.text))
            offset = start - paragraph.start() if in_paragraph else 0
            same = whole.char_span(offset, offset + len(s.span.text))
            assert same is not None
            assert _annotations(s.span) == _annotations(same), s.span.text
            compared += 1
    assert compared > 200


def test_sentences_without_a_country_are_not_parsed():
    # Invented example sentences.
    text = ("Le maire a annoncé mardi un plan de travaux. Les prix ont reculé de 3 % sur un an. "
            "La France et l'Algérie ont signé un accord de coopération. La météo prévoit de la pluie.")
    split = _split(text, "fr")
    sentences.parse_all([split])
    parsed = [s.span.doc.has_annotation("DEP") for s in split.sentences]
    assert parsed == [False, False, True, False]
    country = split.sentences[2]
    assert len(country.span.doc) < len(nlp.split("fr", [text])[0])  # a window, not the paragraph
    assert text[country.base + country.span.start_char : country.base + country.span.end_char] == (
        "La France et l'Algérie ont signé un accord de coopération.")


def test_a_sentence_without_a_country_is_read_as_empty_and_a_window_keeps_its_pieces():
    # Invented example sentences.
    text = ("Le maire a annoncé mardi un plan de travaux pour la rentrée des classes. "
            "La France et l'Algérie ont signé un accord de coopération. La météo prévoit de la pluie.")
    split = _split(text, "fr")
    assert [s.candidate for s in split.sentences] == [False, True, False]
    for s in split.sentences:
        sentence_pieces(s.span)  # cut on the paragraph's doc, as may_mention did
    sentences.parse_all([split])
    country = split.sentences[1]
    assert country.span.doc is not split.sentences[0].span.doc  # parsed in a window of its own
    # the pieces moved onto the window are those cutting its text again gives
    assert (country.span.start, country.span.end) in country.span.doc.user_data["tracker.pieces"]
    moved = sentence_pieces(country.span)
    country.span.doc.user_data.pop("tracker.pieces")
    assert moved == sentence_pieces(country.span)
    readings = score_article(Article(text=text, published=date(2024, 3, 1), published_source="header", language="fr")).readings
    assert [bool(r.mentions) for r in readings] == [False, True, False]
    assert readings[0].sentence.text.startswith("Le maire") and not readings[0].cues


def test_a_sentence_the_attribute_ruler_reads_across_takes_its_paragraph_before():
    # English "there | is": the ruler reads the dependency label of the token before the sentence.
    starts, _ = sentences._edge_forms("en")
    assert starts is not None and "is" in starts
    # Invented example sentences.
    text = "Talks went on for hours in the old town hall last night. Is Russia ready to sign the deal with China?"
    split = _split(text, "en")
    sentences.parse_all([split])
    question = split.sentences[1]
    assert question.span.doc.has_annotation("DEP")
    assert question.span.doc[0].text == "Talks"  # the whole paragraph before it


def test_typographic_apostrophes_are_parsed_as_straight_ones_and_kept_in_the_text():
    # Invented example sentence. Real French copy writes "l’accord"; the model read "L’" as a proper
    # noun and lost the clause's object: the parse is now that of the straight apostrophe.
    curly = "L’Égypte a dénoncé l’accord conclu par l’Éthiopie avec le Somaliland."
    straight = curly.replace("’", "'")
    docs = nlp.parse("fr", nlp.split("fr", [curly, straight]))
    assert [a[1:] for a in _annotations(docs[0])] == [a[1:] for a in _annotations(docs[1])]
    split = _split(curly, "fr")
    assert [span_text(s.span) for s in split.sentences] == [curly]  # what is shown keeps the original apostrophes
    scored = score_article(Article(text=curly, language="fr", published=date(2024, 1, 3), is_example=True))
    assert scored.readings[0].sentence.text == curly


def test_a_cue_after_a_typographic_apostrophe_is_read_as_the_verbs_object():
    # Invented example sentence: the agreement is what Egypt criticises (a topic, damped), not a cue of its own.
    # ("dénoncer l'accord" is a row of its own since word families vary "dénoncer ~3 traité".)
    text = "L’Égypte a critiqué l’accord conclu par l’Éthiopie avec le Somaliland."
    scored = score_article(Article(text=text, language="fr", published=date(2024, 1, 3), is_example=True))
    accord = next(c for r in scored.readings for c in r.cues if c.category == "agreement")
    assert any("topic of" in m for m in accord.modifiers)


@pytest.mark.parametrize(("text", "lang", "count"), [
    # The reporting clause after a quoted question or exclamation stays with it (invented).
    ('"Qui paiera, le Pérou ?", a demandé le ministre chilien devant la presse.', "fr", 1),
    ('« Vive le Mali ! » (en bambara), a écrit le ministre français sur son compte.', "fr", 1),
    ('"Who pays, Peru?" asked the Chilean minister at the briefing.', "en", 1),
    # Counter-examples (invented): a new sentence after the quote, in capitals with no comma or bracket.
    ('"Où est la Chine ?" Le ministre japonais a quitté la salle.', "fr", 2),
    ('La Chine viendra-t-elle ? Le Japon attend sa réponse.', "fr", 2),
    # Without a "?" or "!" (split skips the walk): quotes and capitals as the whole pipeline reads them (invented).
    ('« Jamais. » Le ministre chinois a quitté la salle, « sans un mot ».', "fr", 2),
    ('"Never." The Chinese minister left the room.', "en", 2),
])
def test_a_quoted_question_keeps_its_reporting_clause(text, lang, count):
    doc = nlp.split(lang, [text])[0]
    assert len(list(doc.sents)) == count
    assert [(s.start, s.end) for s in doc.sents] == [(s.start, s.end) for s in nlp.get_nlp(lang)(text).sents]
