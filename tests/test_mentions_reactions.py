"""A reaction felt in a country names that country reacting: "drew criticism in France", "sparked
outrage in China", "a suscité la colère en Algérie" make the country a party, not the place where
something happens (roles.tsv, list reaction_in).

Note: every sentence below is an invented example, not real reporting. The counter-examples keep
a place after other nouns.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.scorer.mentions import find_mentions

DAY = date(2024, 3, 1)


@pytest.fixture(scope="module")
def read(nlp_en, nlp_fr):
    """read(text, lang) -> {mention text: role} for the whole text as one sentence."""

    def _read(text: str, lang: str) -> dict[str, str]:
        nlp = nlp_en if lang == "en" else nlp_fr
        return {m.text: m.role for m in find_mentions(nlp(text)[:], lang, DAY)}

    return _read


@pytest.mark.parametrize(("text", "lang", "country"), [
    # Invented: a reaction noun before "in"/"en"/"au" and the country.
    ("Ghana's decision to close the border drew sharp criticism in Togo.", "en", "Togo"),
    ("The arrest of the Kenyan envoy sparked outrage in Kenya on Monday.", "en", "Kenya"),
    ("The new tariffs caused alarm in Canada, officials said.", "en", "Canada"),
    ("La décision du Maroc a suscité la colère en Algérie.", "fr", "Algérie"),
    ("Les propos du ministre ont provoqué une vive indignation au Mali.", "fr", "Mali"),
])
def test_a_reaction_felt_in_a_country_makes_it_a_party(read, text, lang, country):
    assert read(text, lang)[country] == "actor"


@pytest.mark.parametrize(("text", "lang", "country"), [
    # Counter-examples (invented): protests, violence or a meeting in a country stay there.
    ("The deal with Turkey sparked protests in Greece.", "en", "Greece"),
    ("Ghana and Togo discussed the violence in Mali.", "en", "Mali"),
    ("Le Ghana et le Togo se sont réunis au Bénin.", "fr", "Bénin"),
])
def test_other_nouns_before_in_keep_a_place(read, text, lang, country):
    assert read(text, lang)[country] != "actor"
