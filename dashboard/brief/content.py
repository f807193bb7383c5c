"""What a brief says: the pair and range, the headline (the latest period against the one before,
with the evidence behind both), the strongest sentences on each side and the method, in English or
French. Read through the same functions as the dashboard (dashboard.data, charts.timeline_chart), so
the brief's numbers are the chart's.

"This period" is the latest period of the range that has observations; "the previous one" is the
calendar period before it, or, when that one has none, the last earlier period of the range that has.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd
from babel.dates import format_date
from sqlalchemy import Engine

from dashboard import data
from dashboard.state import pair_label
from tracker.periods import period_range, previous_period
from tracker.store.evidence import pair_articles, strongest

LABELS_FILE = Path(__file__).with_name("labels.tsv")
LANGS = ("en", "fr")
# A change smaller than this (on the -10..+10 scale) reads as "held".
STEADY_BELOW = 0.05
# Sentences are cut to this many characters so that six of them fit on the page with the chart.
SENTENCE_CHARS = 230
TITLE_CHARS = 80
SENTENCES_PER_SIDE = 3


class BriefError(Exception):
    """A brief that cannot be made (no data in the range, no Chromium); the message says what to do."""


class NoObservations(BriefError):
    """No observation of the pair in the range: nothing to brief on."""


@cache
def labels(lang: str) -> dict[str, str]:
    """The brief's words in one language, from labels.tsv."""
    if lang not in LANGS:
        raise BriefError(f"unknown language {lang!r}; use en or fr")
    with LABELS_FILE.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {row["key"]: row[lang] for row in rows}


def signed(value: float, lang: str) -> str:
    """+5.78 / −0.20 (a true minus sign); French with a decimal comma."""
    text = f"{value:+.2f}".replace("-", "−")
    return text.replace(".", ",") if lang == "fr" else text


def long_date(day: date, lang: str, freq: str = "D") -> str:
    """'12 April 2017' / '12 avril 2017'; a month as 'August 2025' / 'août 2025'."""
    text = format_date(day, "LLLL y" if freq == "M" else "d MMMM y", locale=lang)
    if lang == "fr" and freq != "M" and day.day == 1:  # le 1er avril
        text = "1er" + text[1:]
    return text


def counted(n: int, key: str, words: dict[str, str]) -> str:
    return words[f"{key}_1"] if n == 1 else words[f"{key}_n"].format(n=f"{n:,}".replace(",", "\u202f"))


def shorten(text: str, limit: int) -> str:
    """The text on one line, cut at a word with an ellipsis past ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


@dataclass(frozen=True)
class Evidence:
    """The volume behind a span: articles, observations, outlets."""

    articles: int
    observations: int
    outlets: int

    def words(self, words: dict[str, str]) -> dict[str, str]:
        return {"articles": counted(self.articles, "article", words),
                "observations": counted(self.observations, "observation", words),
                "outlets": counted(self.outlets, "outlet", words)}


def evidence_between(engine: Engine, pair: str, first: date, last: date) -> Evidence:
    arts = pair_articles(engine, pair, first, last)
    outlets = data.sources(engine, [pair], first, last)
    return Evidence(len(arts), int(arts["n_obs"].sum()), len(outlets))


@dataclass(frozen=True)
class Quote:
    """One of the strongest sentences, with where it comes from."""

    side: str
    score: str
    sentence: str
    outlet: str
    when: str
    title: str
    link: str | None
    link_text: str
    invented: bool


@dataclass(frozen=True)
class Brief:
    pair: str
    pair_name: str
    current_tension: float  # the headline period's value (the page's accent colour follows its sign)
    lang: str
    freq: str
    first: date
    last: date
    range_text: str
    headline: str
    headline_notes: list[str]
    quotes: list[Quote]
    sources: str
    method: str
    words: dict[str, str]

    def side(self, side: str) -> list[Quote]:
        return [q for q in self.quotes if q.side == side]


def period_words(start: date, freq: str, lang: str, words: dict[str, str]) -> tuple[str, str]:
    """The period's name and its name with a preposition: ('the week of 13 May 2024', 'in the week of ...')."""
    day = long_date(start, lang, freq)
    return words[f"period_{freq}"].format(date=day), words[f"in_{freq}"].format(date=day)


def range_of(table: pd.DataFrame, freq: str, start: date | None, end: date | None) -> tuple[date, date]:
    first = start or table["period"].min().date()
    last = end or period_range(table["period"].max().date(), freq)[1]
    return first, last


def headline(engine: Engine, pair: str, table: pd.DataFrame, freq: str, lang: str) -> tuple[str, list[str]]:
    """The headline sentence and its notes (band overlap, evidence of both periods)."""
    words = labels(lang)
    current = table.iloc[-1]
    cur_start = current["period"].date()
    cur_first, cur_last = period_range(cur_start, freq)
    _, cur_in = period_words(cur_start, freq, lang, words)
    cur_evidence = evidence_between(engine, pair, cur_first, cur_last)
    prev_start = previous_period(cur_start, freq)
    prev_first, prev_last = period_range(prev_start, freq)
    prev = data.timeline(engine, [pair], freq, prev_first, prev_last)
    fallback = prev.empty and len(table) > 1
    if fallback:  # no observation in the calendar period before: the last earlier one with some
        prev = table.iloc[[-2]]
        prev_start = prev.iloc[0]["period"].date()
        prev_first, prev_last = period_range(prev_start, freq)
    value = signed(current["tension"], lang)
    if prev.empty:
        text = words["alone"].format(value=value, period_in=cur_in)
        return text, [words["evidence_alone"].format(**cur_evidence.words(words))]
    before = prev.iloc[0]
    _, prev_in = period_words(prev_start, freq, lang, words)
    if fallback:
        prev_in = words["last_with_data"].format(period_in=prev_in)
    change = float(current["tension"]) - float(before["tension"])
    key = "steady" if abs(change) < STEADY_BELOW else "rose" if change > 0 else "fell"
    text = words[key].format(value=value, period_in=cur_in, previous=signed(before["tension"], lang),
                             previous_in=prev_in, change=signed(abs(change), lang).lstrip("+"))
    overlap = current["low"] <= before["high"] and before["low"] <= current["high"]
    prev_evidence = evidence_between(engine, pair, prev_first, prev_last)
    prev_words = {f"prev_{k}": v for k, v in prev_evidence.words(words).items()}
    notes = [words["overlap" if overlap else "apart"],
             words["evidence"].format(**cur_evidence.words(words), **prev_words)]
    return text, notes


def quotes(engine: Engine, pair: str, first: date, last: date, lang: str, link_base: str | None,
           per_side: int = SENTENCES_PER_SIDE) -> list[Quote]:
    words = labels(lang)
    rows = strongest(engine, pair, first, last, per_side=per_side)
    found = []
    for r in rows.itertuples():
        sentence = shorten(str(r.sentence), SENTENCE_CHARS)
        if r.url and str(r.url).lower().startswith(("http://", "https://")):  # no javascript: or file: links
            link, link_text = str(r.url), str(r.url)
        elif link_base:
            link = f"{link_base.rstrip('/')}/article/{int(r.article_id)}?s={int(r.sentence_idx)}&pair={pair}"
            link_text = link
        else:
            link, link_text = None, words["no_link"].format(id=int(r.article_id))
        found.append(Quote(
            side=r.side, score=words["score"].format(value=signed(r.score, lang)), sentence=sentence,
            outlet=str(r.outlet or "?"), when=long_date(pd.Timestamp(r.event_date).date(), lang),
            title=shorten(str(r.title or ""), TITLE_CHARS), link=link, link_text=link_text, invented=bool(r.is_example),
        ))
    return found


def sources_line(engine: Engine, pair: str, first: date, last: date, lang: str) -> str:
    words = labels(lang)
    src = data.sources(engine, [pair], first, last)
    names = ", ".join(f"{r.outlet} ({r.n_articles})" for r in src.itertuples())
    line = words["sources"].format(outlets=names)
    n_examples = int(src["n_examples"].sum())
    if n_examples:
        line += " " + words["examples"].format(n=n_examples)
    return line


def build_brief(engine: Engine, pair: str, *, start: date | None = None, end: date | None = None,
                freq: str = "W", lang: str = "en", link_base: str | None = None,
                per_side: int = SENTENCES_PER_SIDE) -> Brief:
    """Everything a brief shows except the chart (see render.chart_svg); per_side: how many of the
    strongest sentences of each side."""
    words = labels(lang)
    table = data.timeline(engine, [pair], freq, start, end)
    name = pair_label(pair, lang)
    if table.empty:
        bounds = data.date_bounds(engine, [pair])
        if bounds is None:
            raise NoObservations(f"no observation is stored for {name} ({pair}); `tracker pairs` lists those that have some")
        raise NoObservations(f"no observation for {name} ({pair}) between {start or 'the start'} and "
                         f"{end or 'the end'}; it has observations from {bounds[0]} to {bounds[1]}")
    first, last = range_of(table, freq, start, end)
    range_text = words["range"].format(freq=words[f"freq_{freq}"], first=long_date(first, lang),
                                       last=long_date(last, lang))
    text, notes = headline(engine, pair, table, freq, lang)
    whole = evidence_between(engine, pair, first, last)
    notes.append(words["whole_range"].format(**whole.words(words)))
    return Brief(pair, name, float(table.iloc[-1]["tension"]), lang, freq, first, last, range_text, text, notes,
                 quotes(engine, pair, first, last, lang, link_base, per_side), sources_line(engine, pair, first, last, lang),
                 words["method"], words)
