"""morph_values and morph_dict give what spaCy's MorphAnalysis gives, kept per analysis (invented sentences)."""

from __future__ import annotations

from tracker.scorer.morph_values import morph_dict, morph_values

# invented sentences: conditional, future, participles, infinitives, relative pronouns
SENTENCES = {
    "fr": "Le ministre aurait annoncé que les deux pays signeront demain l'accord qu'ils ont négocié pour reprendre "
          "les échanges, lesquels seraient suspendus depuis mars.",
    "en": "The envoy would have said that both countries will sign the agreement they negotiated, resuming talks "
          "suspended since March.",
}
FIELDS = ("Mood", "Tense", "VerbForm", "PronType", "Number", "Person", "Gender", "Poss", "Nope")


def _check(doc):
    for token in doc:
        for field in FIELDS:
            assert morph_values(token, field) == tuple(token.morph.get(field, []))
            assert morph_values(token, field) == tuple(token.morph.get(field, []))  # the kept answer
        assert morph_dict(token) == token.morph.to_dict()


def test_french_features_are_spacys(nlp_fr):
    _check(nlp_fr(SENTENCES["fr"]))


def test_english_features_are_spacys(nlp_en):
    _check(nlp_en(SENTENCES["en"]))
