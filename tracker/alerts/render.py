"""An alert in the forms its channels carry: a Markdown or HTML digest entry, an e-mail's subject
and text, a webhook's JSON. Each names the alert's stable id, so a receiver can tell a retry from
a new alert.
"""

from __future__ import annotations

from html import escape
from typing import Any

from tracker.alerts.evaluate import period_label
from tracker.alerts.model import Alert

APP = "tension-tracker"


def marker(alert: Alert) -> str:
    """The line a digest file holds once this alert is in it (so a retry does not write it twice)."""
    return f"<!-- alert {alert.uid} -->"


def subject(alert: Alert) -> str:
    return f"[tension tracker] {alert.pair}, {period_label(alert.period, alert.freq)}: {alert.rule}"


def _source(s) -> str:
    parts = [p for p in (s.outlet, s.event_date.isoformat(), s.title) if p]
    return ", ".join(parts)


def text(alert: Alert) -> str:
    """Plain text, for an e-mail."""
    lines = [alert.message, "", f"Rule: {alert.rule}", f"Alert id: {alert.uid}", "", "The strongest sentences:"]
    for s in alert.sentences:
        lines.append(f"  {s.score:+.1f}  \u201c{s.sentence}\u201d ({_source(s)})" + (f" {s.url}" if s.url else ""))
    if not alert.sentences:
        lines.append("  (none stored)")
    return "\n".join(lines) + "\n"


def markdown(alert: Alert) -> str:
    """A Markdown digest entry (a block starting with its marker)."""
    lines = [marker(alert), f"## {alert.pair}, {period_label(alert.period, alert.freq)}", "",
             f"{_md(alert.message)}  ", f"Rule: {_md(alert.rule)}; fired {alert.fired_at:%Y-%m-%d %H:%M} UTC; "
             f"id `{alert.uid}`", ""]
    for s in alert.sentences:
        source = _md(_source(s))
        linked = f"[{source}]({s.url})" if s.url else source
        lines.append(f"- **{s.score:+.1f}** \u201c{_md(s.sentence)}\u201d ({linked})")
    return "\n".join(lines) + "\n\n"


def _md(value: str) -> str:
    # Enough for text inside a line: no heading, list, link or emphasis starts from article words.
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in value.replace("\n", " "))


HTML_HEAD = ('<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Tension tracker alerts</title>\n'
             "<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}"
             "section{border-top:1px solid #ccc;padding:.5rem 0}.score{font-weight:600}</style></head>\n"
             "<body>\n<h1>Tension tracker alerts</h1>\n")
HTML_END = "<!-- end of alerts -->\n</body>\n</html>\n"


def html_entry(alert: Alert) -> str:
    """An HTML digest entry (a <section> starting with its marker)."""
    items = []
    for s in alert.sentences:
        source = escape(_source(s))
        linked = f'<a href="{escape(s.url)}">{source}</a>' if s.url else source
        items.append(f'<li><span class="score">{s.score:+.1f}</span> \u201c{escape(s.sentence)}\u201d ({linked})</li>')
    return (f"{marker(alert)}\n<section id=\"alert-{escape(alert.uid)}\">\n"
            f"<h2>{escape(alert.pair)}, {escape(period_label(alert.period, alert.freq))}</h2>\n"
            f"<p>{escape(alert.message)}<br>Rule: {escape(alert.rule)}; fired {alert.fired_at:%Y-%m-%d %H:%M} UTC; "
            f"id <code>{escape(alert.uid)}</code></p>\n<ul>{''.join(items)}</ul>\n</section>\n")


def payload(alert: Alert) -> dict[str, Any]:
    """The webhook's JSON: ``id`` is the same on every retry of this alert."""
    return {
        "id": alert.uid,
        "source": APP,
        "pair": alert.pair,
        "freq": alert.freq,
        "period": alert.period.isoformat(),
        "rule": alert.rule,
        "rule_id": alert.rule_id,
        "message": alert.message,
        "value": alert.value,
        "tension": alert.tension,
        "previous": alert.previous,
        "n_articles": alert.n_articles,
        "n_observations": alert.n_obs,
        "fired_at": alert.fired_at.isoformat() + "Z",
        "sentences": [
            {"score": s.score, "sentence": s.sentence, "event_date": s.event_date.isoformat(), "title": s.title,
             "outlet": s.outlet, "url": s.url, "article_id": s.article_id, "observation_id": s.observation_id}
            for s in alert.sentences
        ],
    }
