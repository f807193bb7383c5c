"""Alerts page (``/alerts``): the latest alerts, newest first, each with the sentences behind it
(copied when it fired), a link to its pair's timeline around the period and where it was delivered.

Alerts are written after an ingest, a moment after the articles: the list refreshes on new data
and on its own short interval, so an alert shows up without a reload.
"""

from __future__ import annotations

import pandas as pd
from dash import Input, Output, dcc, html

from dashboard import ids
from dashboard.figures import sign_colour
from dashboard.pages.article import safe_url
from dashboard.state import TimelineState
from tracker.alerts import repository
from tracker.alerts.evaluate import period_label
from tracker.alerts.model import Alert
from tracker.periods import period_end, previous_period

ALERTS_SHOWN = 30
REFRESH_SECONDS = 10


def layout(ctx, _search: str | None) -> tuple[html.Div, str]:
    return html.Div(className="alerts-page", children=[
        html.H1("Alerts"),
        html.P(["Alert rules fire once per pair and period; set them with ", html.Code("tracker alerts add"),
                " and their channels with ", html.Code("tracker alerts channel add"), "."], className="muted"),
        dcc.Interval(id=ids.ALERTS_POLL, interval=REFRESH_SECONDS * 1000),
        html.Div(id=ids.ALERTS_LIST, className="cards", children=alert_cards(ctx)),
    ]), "alerts"


def alert_cards(ctx) -> list:
    found = repository.load_alerts(ctx.engine, limit=ALERTS_SHOWN)
    if not found:
        return [html.Div(className="card empty-state", children=[
            html.H2("No alerts yet"),
            html.P(["No rule has fired. Add one, e.g. ", html.Code("tracker alerts add RUS-USA --level-above 4"),
                    "; it is checked after every ingest."]),
        ])]
    outbox = repository.deliveries(ctx.engine, [a.id for a in found if a.id is not None])
    return [_card(alert, outbox[outbox["alert_id"] == alert.id]) for alert in found]


def _timeline_link(alert: Alert) -> str:
    """The pair's timeline from the period before the alert's to its end."""
    state = TimelineState(pairs=(alert.pair,), freq=alert.freq, start=previous_period(alert.period, alert.freq),
                          end=period_end(alert.period, alert.freq))
    return "/" + state.to_query()


def _delivered(rows: pd.DataFrame) -> str:
    if rows.empty:
        return "no channel"
    sent = int((rows["status"] == "sent").sum())
    pending = len(rows) - sent
    return f"delivered to {sent} of {len(rows)} channels" + (f", {pending} pending (retried)" if pending else "")


def _card(alert: Alert, outbox: pd.DataFrame) -> html.Article:
    sentences = []
    for s in alert.sentences:
        href = f"/article/{s.article_id}?s={s.sentence_idx}&pair={alert.pair}" if s.article_id is not None else None
        words = dcc.Link(s.sentence, href=href, className="sentence") if href else html.Span(s.sentence, className="sentence")
        url = safe_url(s.url)
        sentences.append(html.Div(className="alert-sentence", children=[
            html.Div(className="obs-head", children=[
                html.Span(f"{s.score:+.1f}", className="score", style={"background": sign_colour(s.score)}),
                html.Span(f"{s.event_date:%Y-%m-%d}"),
                html.Span(" · "),
                html.Span(s.outlet or "unknown outlet", className="outlet"),
                html.A("original", href=url, target="_blank", rel="noopener noreferrer") if url else None,
            ]),
            words,
        ]))
    return html.Article(className="obs-card alert-card", children=[
        html.H2(className="alert-title", children=[
            dcc.Link(f"{alert.pair}, {period_label(alert.period, alert.freq)}", href=_timeline_link(alert)),
        ]),
        html.P(alert.message),
        html.P(f"{alert.rule} · fired {alert.fired_at:%Y-%m-%d %H:%M} UTC · {_delivered(outbox)}",
               className="muted"),
        html.Div(sentences) if sentences else html.P("No sentences were stored with it.", className="muted"),
    ])


def register(app, ctx) -> None:
    @app.callback(Output(ids.ALERTS_LIST, "children"), Input(ids.VERSION, "data"), Input(ids.ALERTS_POLL, "n_intervals"),
                  prevent_initial_call=True)
    def refresh(_version, _n):
        return alert_cards(ctx)
