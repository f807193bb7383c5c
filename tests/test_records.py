"""Article keys: computed once and kept, never carried over to an article with another text."""

from __future__ import annotations

import dataclasses
import pickle

from tracker.records import Article, content_hash

# Note: invented examples, not real reporting.
TEXT = "Paris et Berlin ont signé un accord mercredi."
OTHER = "Rome et Madrid ont tenu des consultations jeudi."


def test_an_articles_key_is_the_hash_of_its_text_and_travels_with_it():
    article = Article(text=TEXT, language="fr")
    assert article.key == content_hash(TEXT)
    assert "key" in vars(article)  # kept: the next ask does not hash the text again
    copy = pickle.loads(pickle.dumps(article))  # as sent to a pool worker and back
    assert copy.key == article.key and copy == article


def test_an_article_made_from_another_with_a_new_text_has_the_new_texts_key():
    article = Article(text=TEXT, language="fr")
    assert article.key == content_hash(TEXT)
    changed = dataclasses.replace(article, text=OTHER)
    assert changed.key == content_hash(OTHER) != article.key
    assert dataclasses.asdict(changed) == dataclasses.asdict(Article(text=OTHER, language="fr"))  # no stray field
