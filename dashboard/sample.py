"""A small invented database for the dashboard's tests, written with plain INSERTs over the real schema.

The dashboard's data access and figures are tested on numbers we know in advance, without running
the scorer. Every article here is an invented example (``is_example`` set, a note in the text), and
the cue offsets point at the cue words inside the stored text, exactly as the scorer stores them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import Engine, text

from tracker.records import content_hash, make_pair

NOTE = "Note: invented example, not real reporting."


@dataclass(frozen=True)
class SampleCue:
    phrase: str  # must occur in the sentence
    weight: float
    category: str = "verbal conflict"
    modifiers: str = ""


@dataclass(frozen=True)
class SampleObservation:
    pair: str  # "RUS-USA"
    event_date: date
    cues: tuple[SampleCue, ...]
    score: float
    date_expression: str = ""
    precision: str = "day"


@dataclass(frozen=True)
class SampleSentence:
    text: str
    observations: tuple[SampleObservation, ...] = ()


@dataclass(frozen=True)
class SampleArticle:
    title: str
    published: date
    sentences: tuple[SampleSentence, ...]
    outlet: str = "Invented Daily"
    language: str = "en"
    url: str | None = None
    main_pair: str | None = None
    extra: tuple[str, ...] = field(default_factory=tuple)  # text paragraphs without observations


def insert_article(engine: Engine, art: SampleArticle) -> int:
    """Store one article with its sentences, observations and cues; returns the article id."""
    paragraphs = [s.text for s in art.sentences]
    body = "\n\n".join([*paragraphs, *art.extra, NOTE])
    with engine.begin() as conn:
        article_id = conn.execute(
            text(
                "INSERT INTO articles (key, title, url, outlet, language, published, published_source,"
                " source_path, is_example, main_pair, text, added_at, lexicon_version)"
                " VALUES (:key, :title, :url, :outlet, :language, :published, 'header', NULL, :ex,"
                " :main_pair, :text, :added_at, 'sample') RETURNING id"
            ),
            {
                "key": content_hash(body), "title": art.title, "url": art.url, "outlet": art.outlet,
                "language": art.language, "published": art.published.isoformat(), "ex": True,
                "main_pair": art.main_pair, "text": body,
                "added_at": datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" "),
            },
        ).scalar_one()
        offset = 0
        for idx, sent in enumerate(art.sentences):
            start, end = offset, offset + len(sent.text)
            pairs = "; ".join(sorted({o.pair for o in sent.observations}))
            sentence_id = conn.execute(
                text(
                    "INSERT INTO sentences (article_id, idx, start_char, end_char, text, language, pairs)"
                    " VALUES (:a, :idx, :s, :e, :t, :lang, :pairs) RETURNING id"
                ),
                {"a": article_id, "idx": idx, "s": start, "e": end, "t": sent.text, "lang": art.language,
                 "pairs": pairs},
            ).scalar_one()
            for obs in sent.observations:
                a, b = make_pair(*obs.pair.split("-"))
                obs_id = conn.execute(
                    text(
                        "INSERT INTO observations (article_id, sentence_id, pair, country_a, country_b,"
                        " event_date, precision, date_expression, score)"
                        " VALUES (:a, :s, :pair, :ca, :cb, :d, :p, :expr, :score) RETURNING id"
                    ),
                    {"a": article_id, "s": sentence_id, "pair": f"{a}-{b}", "ca": a, "cb": b,
                     "d": obs.event_date.isoformat(), "p": obs.precision, "expr": obs.date_expression,
                     "score": obs.score},
                ).scalar_one()
                for cue in obs.cues:
                    at = sent.text.index(cue.phrase)
                    conn.execute(
                        text(
                            "INSERT INTO cues (observation_id, start_char, end_char, text, pattern, category,"
                            " base_weight, weight, modifiers) VALUES (:o, :s, :e, :t, :p, :c, :bw, :w, :m)"
                        ),
                        {"o": obs_id, "s": start + at, "e": start + at + len(cue.phrase), "t": cue.phrase,
                         "p": cue.phrase.lower(), "c": cue.category, "bw": cue.weight, "w": cue.weight,
                         "m": cue.modifiers},
                    )
            offset = end + 2  # the "\n\n" between paragraphs
    return int(article_id)


def _obs(pair: str, day: date, score: float, *cues: SampleCue, expr: str = "") -> SampleObservation:
    return SampleObservation(pair, day, tuple(cues), score, date_expression=expr)


def sample_articles() -> list[SampleArticle]:
    """Five invented articles over three pairs and three months, tension and cooperation."""
    tense = SampleCue("sanctions", 7.0, "material conflict")
    war = SampleCue("war of words", 5.0)
    talks = SampleCue("talks", -2.0, "consultation")
    accord = SampleCue("agreement", -5.0, "diplomatic cooperation")
    return [
        SampleArticle(
            "Washington announces sanctions; Moscow warns of a war of words",
            date(2023, 2, 21),
            (
                SampleSentence(
                    "Washington announced new sanctions against Moscow on Tuesday.",
                    (_obs("RUS-USA", date(2023, 2, 21), 7.0, tense, expr="on Tuesday"),),
                ),
                SampleSentence(
                    "The Kremlin said the war of words with Washington would not end with talks.",
                    (_obs("RUS-USA", date(2023, 2, 21), 4.5, war, talks),),
                ),
            ),
            outlet="Invented Daily",
            main_pair="RUS-USA",
        ),
        SampleArticle(
            "Moscow and Washington hold talks in Geneva",
            date(2023, 2, 23),
            (
                SampleSentence(
                    "Russian and American diplomats held talks in Geneva on Thursday.",
                    (_obs("RUS-USA", date(2023, 2, 23), -2.0, talks, expr="on Thursday"),),
                ),
            ),
            outlet="Invented Wire",
            main_pair="RUS-USA",
        ),
        SampleArticle(
            "Paris and Algiers sign an agreement on visas",
            date(2023, 3, 8),
            (
                SampleSentence(
                    "France and Algeria signed an agreement on visas in Algiers.",
                    (_obs("DZA-FRA", date(2023, 3, 8), -5.0, accord),),
                ),
                SampleSentence(
                    "The agreement follows months of talks between Paris and Algiers.",
                    (_obs("DZA-FRA", date(2023, 3, 8), -5.5, accord, talks),),
                ),
            ),
            outlet="Invented Daily",
            main_pair="DZA-FRA",
        ),
        SampleArticle(
            "Washington extends sanctions as Moscow and Beijing sign an agreement",
            date(2023, 4, 3),
            (
                SampleSentence(
                    "Washington extended its sanctions on Moscow on Monday.",
                    (_obs("RUS-USA", date(2023, 4, 3), 7.0, tense, expr="on Monday"),),
                ),
                SampleSentence(
                    "Moscow and Beijing signed an agreement on energy the same day.",
                    (_obs("CHN-RUS", date(2023, 4, 3), -5.0, accord, expr="the same day"),),
                ),
            ),
            outlet="Invented Wire",
            main_pair="RUS-USA",
        ),
        SampleArticle(
            "Markup probe <script>window.__xss = 1</script>",
            date(2023, 4, 5),
            (
                SampleSentence(
                    "Washington and Moscow traded sanctions <img src=x onerror=\"window.__xss=2\"> again.",
                    (_obs("RUS-USA", date(2023, 4, 5), 7.0, tense),),
                ),
            ),
            outlet="<b>Invented</b> Probe",
            url="javascript:alert(1)",
            main_pair="RUS-USA",
        ),
    ]


def fill_sample(engine: Engine) -> list[int]:
    """Store the sample articles; returns their ids in order."""
    return [insert_article(engine, art) for art in sample_articles()]
