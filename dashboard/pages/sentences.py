"""The sentences behind one point of the timeline: a summary of the point, then its observations
grouped by article (the title, outlet and date once per article, each sentence with its cue phrases,
weights and modifiers, and where its date came from)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pandas as pd
from dash import dcc, html

from dashboard import data
from dashboard.figures import sign_colour
from dashboard.state import pair_label
from dashboard.textspans import Span, cue_class, cue_label, marked
from dashboard.words import PRECISION_WORDS, day_name, period_name, plural


def sentences_hint() -> list:
    return [html.P("Click a point of the chart to read the sentences behind it, with their cue phrases.",
                   className="hint")]


def sentences_panel(ctx, pair: str, period: date, freq: str, lang: str) -> tuple[list, float | None]:
    """The panel's children and the point's tension (None when the period holds nothing)."""
    first, last = data.period_range(period, freq)
    rows, total = data.observations_in_period(ctx.engine, pair, first, last)
    when = period_name(period, freq)
    heading = html.Div(className="sentences-head", children=[
        html.H2([pair_label(pair, lang), html.Span(f" · {when[0].upper()}{when[1:]}", className="muted")]),
        html.A("↑ Back to the chart", href="#chart", className="back-to-chart"),
    ])
    if rows.empty:
        return [heading, html.P("No observation in this period.", className="hint")], None
    point = data.timeline(ctx.engine, [pair], freq, first, last)
    summary, tension = "", None
    if not point.empty:
        p = point.iloc[0]
        tension = float(p["tension"])
        summary = (f"Tension {p['tension']:+.2f} (95% band {p['low']:+.2f} to {p['high']:+.2f}): the mean over "
                   f"{plural(int(p['n_articles']), 'article')} of each article's mean score, "
                   f"from {plural(total, 'observation')}.")
    shown = f" Showing the {len(rows)} strongest." if total > len(rows) else ""
    cues = data.cues_for(ctx.engine, [int(i) for i in rows["observation_id"]])
    # Plain records, grouped once (a DataFrame per article and per observation, iterated, cost ~10x more).
    by_obs: dict[int, list] = defaultdict(list)
    for c in cues.itertuples(index=False):
        by_obs[c.observation_id].append(c)
    by_article: dict[int, list] = defaultdict(list)  # in the order of the rows (strongest first)
    for r in rows.itertuples(index=False):
        by_article[r.article_id].append(r)
    groups = [_article_group(group, by_obs, pair) for group in by_article.values()]
    return [heading, html.P(summary + shown, className="summary"), html.Div(groups, className="cards")], tension


def _article_group(rows: list, by_obs: dict, pair: str) -> html.Section:
    """One article's observations (rows of data.observations_in_period): its title, outlet and
    publication date once, then each sentence."""
    first = rows[0]
    href = f"/article/{int(first.article_id)}?s={int(first.sentence_idx)}&pair={pair}"
    published = (f" · published {day_name(pd.Timestamp(first.published).date())}"
                 if first.published is not None and not pd.isna(first.published) else "")
    return html.Section(className="article-group", children=[
        html.Div(className="article-head", children=[
            dcc.Link(first.title or "Untitled article", href=href, className="article-link"),
            html.Span([html.Span(f" {first.outlet or 'unknown outlet'}", className="outlet"), published],
                      className="muted"),
        ]),
        *[_card(r, by_obs.get(r.observation_id), pair) for r in rows],
    ])


def _date_words(r) -> str:
    """'12 April 2017 from “mercredi”', '2017, year only', or the publication date's word."""
    when = day_name(pd.Timestamp(r.event_date).date())
    precision = PRECISION_WORDS.get(r.precision, r.precision)
    if r.date_expression:
        when += f" from “{r.date_expression}”"
    else:
        when += " (the publication date)"
    return when + (f", {precision}" if precision else "")


def _card(r, cues: list | None, pair: str) -> html.Article:
    href = f"/article/{int(r.article_id)}?s={int(r.sentence_idx)}&pair={pair}"
    spans = [] if cues is None else [
        Span(int(c.start_char), int(c.end_char), float(c.weight), cue_label(c.text, c.weight, c.category))
        for c in cues
    ]
    cue_items = [] if cues is None else [
        html.Li([
            html.Mark(c.text, className=cue_class(c.weight)),
            html.Span(f" {c.weight:+.1f}", className="weight"),
            html.Span(f" {c.category}", className="muted"),
            html.Span(f" (lexicon {c.base_weight:+.1f}; {c.modifiers})" if c.modifiers else "", className="muted"),
        ])
        for c in cues
    ]
    return html.Article(className="obs-card", children=[
        html.Div(className="obs-head", children=[
            html.Span(f"{r.score:+.1f}", className="score", style={"background": sign_colour(r.score)},
                      title="the sentence's score: strongest cue + a quarter of the others, −10..+10"),
            html.Span(_date_words(r), className="obs-date", title="the date of the event this sentence reports"),
        ]),
        dcc.Link(marked(r.sentence, int(r.sentence_start), spans), href=href, className="sentence",
                 title="Open the article at this sentence"),
        html.Ul(cue_items, className="cue-list") if cue_items else None,
    ])
