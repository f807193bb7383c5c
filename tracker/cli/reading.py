"""The commands that read what is stored or score without storing: `tracker pairs`, `timeline`,
`export` and `explain`.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from tracker.cli.options import lexicon_option, load_lexicon_files, make_console, parse_pair_argument
from tracker.records import ScoredArticle

if TYPE_CHECKING:
    import pandas as pd
    from rich.console import JustifyMethod

    from tracker.cli.group import State
    from tracker.store import Store

# An excerpt of a sentence in a table: enough to recognise it, short enough for one line.
EXCERPT_CHARS = 90


# ----------------------------------------------------------------------------------------- pairs


@click.command(short_help="Every pair: observations, articles, mean tension, dates.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead of a table.")
@click.pass_obj
def pairs(state: State, as_json: bool) -> None:
    """Every country pair with its observations, articles, mean tension, first and last date.

    The mean counts each article once (the mean of each article's mean), like the timeline.

    \b
    Example:
      tracker pairs --json
    """
    from tracker.scorer.countries import country_name

    summary = _pairs_summary(state.store)
    if as_json:
        rows = [
            {**row, "first_date": row["first_date"].isoformat(), "last_date": row["last_date"].isoformat()}
            for row in summary.to_dict("records")
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if summary.empty:
        click.echo("No observations stored yet; add articles with: tracker ingest PATH")
        return
    table = Table()
    columns: tuple[tuple[str, JustifyMethod], ...] = (
        ("Pair", "left"), ("Countries", "left"), ("Obs.", "right"), ("Articles", "right"), ("Tension", "right"),
        ("First", "left"), ("Last", "left"))
    for name, justify in columns:
        # Only the country names may wrap: codes, counts and dates stay whole on narrow terminals.
        table.add_column(name, justify=justify, no_wrap=name != "Countries")
    for row in summary.itertuples():
        a, b = row.pair.split("-")
        table.add_row(row.pair, escape(f"{country_name(a)} - {country_name(b)}"), str(row.observations),
                      str(row.articles), f"{row.mean_tension:+.2f}", row.first_date.isoformat(), row.last_date.isoformat())
    make_console().print(table)


# -------------------------------------------------------------------------------------- timeline


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@click.command(short_help="A pair's tension, volume and band per day, week or month.")
@click.argument("pair", metavar="PAIR")
@click.option("--freq", type=click.Choice(["D", "W", "M"], case_sensitive=False), default="W", show_default=True,
              help="Period: D (day), W (week, from Monday), M (month).")
@click.option("--from", "start", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD", help="First day included.")
@click.option("--to", "end", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD", help="Last day included.")
@click.option("--csv", "csv_file", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Also write the table to a CSV file.")
@click.pass_obj
def timeline(state: State, pair: str, freq: str, start: datetime | None, end: datetime | None,
             csv_file: str | None) -> None:
    """A pair's tension per period: level, volume (observations, articles), band, and the first
    observations behind each period.

    PAIR is two ISO codes in either order (RUS-USA, usa-rus) or two names in French or
    English (Russie-États-Unis, russia-usa).

    \b
    Example:
      tracker timeline Russie-États-Unis --freq M --from 2017-01-01 --csv rus-usa.csv
    """
    from tracker.scorer.countries import country_name
    from tracker.store.queries import timeline_with_examples

    codes = parse_pair_argument(pair)
    code = "-".join(codes)
    first = start.date() if start else None
    last = end.date() if end else None
    if first and last and first > last:
        raise click.BadParameter(f"--from {first} is after --to {last}; swap them", param_hint="--from/--to")
    store = state.store
    table = timeline_with_examples(store.engine, codes, freq.upper(), first, last)
    names = f"{country_name(codes[0])} - {country_name(codes[1])}"
    if table.empty:
        click.echo(_no_observations_message(store, code, names, first, last))
        return
    out = Table(title=escape(f"{code} ({names}), per {dict(D='day', W='week', M='month')[freq.upper()]}"),
                title_justify="left")
    columns: tuple[tuple[str, JustifyMethod], ...] = (
        ("Period", "left"), ("Tension", "right"), ("Band", "right"), ("Obs.", "right"), ("Articles", "right"),
        ("Behind it (observation id: sentence)", "left"))
    for name, justify in columns:
        out.add_column(name, justify=justify, no_wrap=justify == "right" or name == "Period")
    for row in table.itertuples():
        behind = "\n".join(f"#{i}: {_excerpt(t)}" for i, t in zip(row.observation_ids, row.excerpts, strict=True))
        more = row.n_obs - len(row.observation_ids)
        if more > 0:
            behind += f"\n(+{more} more)"
        out.add_row(row.period.date().isoformat(), f"{row.tension:+.2f}", f"{row.low:+.1f} .. {row.high:+.1f}",
                    str(row.n_obs), str(row.n_articles), escape(behind))
    make_console().print(out)
    if csv_file:
        export = table.copy()
        export["period"] = export["period"].dt.date
        export["observation_ids"] = export["observation_ids"].map(lambda ids: " ".join(map(str, ids)))
        export["excerpts"] = export["excerpts"].map(lambda texts: " | ".join(" ".join(t.split()) for t in texts))
        try:
            export.to_csv(csv_file, index=False)
        except OSError as exc:
            raise click.ClickException(f"cannot write {csv_file}: {exc.strerror}; choose another --csv path") from None
        click.echo(f"Wrote {len(export)} periods to {csv_file}", err=True)


def _pairs_summary(store: Store) -> pd.DataFrame:
    """queries.pairs_by_volume under the names `tracker pairs --json` has always printed."""
    from tracker.store.queries import pairs_by_volume

    names = {"n_obs": "observations", "n_articles": "articles", "tension": "mean_tension",
             "first": "first_date", "last": "last_date"}
    return pairs_by_volume(store.engine).rename(columns=names)[["pair", *names.values()]]


def _no_observations_message(store: Store, code: str, names: str, first: date | None, last: date | None) -> str:
    summary = _pairs_summary(store)
    known = summary[summary["pair"] == code]
    if known.empty:
        return f"No observations for {code} ({names}) yet; `tracker pairs` lists the pairs that have some."
    row = known.iloc[0]
    span = f"between {first or 'the start'} and {last or 'the end'}"
    return (f"No observations for {code} ({names}) {span}; it has observations from "
            f"{row['first_date']} to {row['last_date']}.")


@click.command(short_help="A pair's timeline chart as PNG, SVG or PDF, or its data as CSV.")
@click.argument("pairs", nargs=-1, required=True, metavar="PAIR...")
@click.option("--format", "fmt", type=click.Choice(["png", "svg", "pdf", "csv"], case_sensitive=False),
              default="png", show_default=True, help="Image format, or csv for the data behind the chart.")
@click.option("--out", required=True, type=click.Path(writable=True), metavar="FILE",
              help="The file to write (or a folder: the file is named after the pair and range).")
@click.option("--freq", type=click.Choice(["D", "W", "M"], case_sensitive=False), default="W", show_default=True,
              help="Period: D (day), W (week, from Monday), M (month).")
@click.option("--from", "start", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD", help="First day included.")
@click.option("--to", "end", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD", help="Last day included.")
@click.option("--smooth", default=1, show_default=True, type=click.IntRange(1, 12),
              help="Centred rolling mean over this many periods (1: none).")
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True,
              help="Language of the country names on the chart.")
@click.option("--size", type=click.Choice(["a4", "letter", "custom"]), default=None,
              help="Report sizes (the default, a4): PNG/SVG as wide as the text column with text at 9 pt or "
                   "more there, PDF on a landscape page. custom: --width and --scale (what giving either asks for).")
@click.option("--width", default=None, type=click.IntRange(400, 4000), help="Custom image width in pixels (e.g. 1600).")
@click.option("--scale", default=None, type=click.FloatRange(0.5, 4),
              help="Custom pixel density: 2 gives print resolution (a 1600-wide chart becomes 3200 pixels).")
@click.pass_obj
def export(state: State, pairs: tuple[str, ...], fmt: str, out: str, freq: str, start: datetime | None,
           end: datetime | None, smooth: int, lang: str, size: str | None, width: int | None,
           scale: float | None) -> None:
    """The dashboard's timeline chart of one or more pairs, with title, pair, date range and source
    caption, as an image (PNG/SVG/PDF, through Chromium) or its data as CSV.

    \b
    Example:
      tracker export RUS-USA --format png --out rus-usa.png --freq M --from 2017-01-01
      tracker export Russie-États-Unis Chine-États-Unis --format csv --out pairs.csv
    """
    from dashboard.export import ExportError, write_export
    from dashboard.state import TimelineState

    codes = tuple(dict.fromkeys("-".join(parse_pair_argument(p)) for p in pairs))
    first = start.date() if start else None
    last = end.date() if end else None
    if first and last and first > last:
        raise click.BadParameter(f"--from {first} is after --to {last}; swap them", param_hint="--from/--to")
    view = TimelineState(codes, first, last, freq.upper(), smooth, lang)
    try:
        path = write_export(state.store.engine, view, fmt.lower(), out, width=width, scale=scale, size=size)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc.strerror}; choose another --out path") from None
    click.echo(f"Wrote {path} ({path.stat().st_size / 1024:,.0f} KB)", err=True)


# --------------------------------------------------------------------------------------- explain


@click.command(short_help="How an article is read, sentence by sentence.")
@click.argument("target", metavar="FILE|ARTICLE_ID")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead of a tree.")
@lexicon_option
@click.pass_obj
def explain(state: State, target: str, as_json: bool, lexicon_files: tuple[str, ...]) -> None:
    """How the scorer reads an article, sentence by sentence: language, mentions (country, kind,
    role), pairs, cues (base weight -> weight, modifiers), dates and observations with their score.

    A FILE is scored without being stored; an ARTICLE_ID shows a stored article as it was stored.

    \b
    Example:
      tracker explain corpus/fr/000_20335d7a6835d794.txt
      tracker explain 12 --json
    """
    path = Path(target)
    if path.is_file():
        scored = _score_file(path, load_lexicon_files(lexicon_files))
    elif target.isdigit():
        article = state.store.scored_article(int(target))
        if article is None:
            raise click.ClickException(
                f"no stored article has the id {target}; `tracker ingest` prints the ids of the articles it stores"
            )
        scored = [article]
    else:
        raise click.ClickException(
            f"no such file: {target}; give an article file to score or the id of a stored article"
        )
    if as_json:
        click.echo(json.dumps([_scored_json(s) for s in scored], ensure_ascii=False, indent=2))
        return
    console = make_console()
    for s in scored:
        console.print(_explain_tree(s))


def _score_file(path: Path, lexicon) -> list[ScoredArticle]:
    from tracker.ingest.inprocess import Outcome, read_articles

    items = read_articles(path)
    articles = [i for i in items if not isinstance(i, Outcome)]
    problems = [i for i in items if isinstance(i, Outcome)]
    if not articles:
        reason = problems[0].reason if problems else "no article found in the file"
        raise click.ClickException(f"cannot read {path}: {reason}")
    from tracker.scorer import pipeline  # after reading: a bad file is reported without loading the models

    scored = []
    for article in articles:
        try:
            scored.append(pipeline.score_article(article, lexicon=lexicon))
        except pipeline.ScoringError as exc:
            raise click.ClickException(f"cannot score {path}: {exc}") from None
    return scored


def _json_default(value):
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _scored_json(scored: ScoredArticle) -> dict:
    raw = json.loads(json.dumps(asdict(scored), default=_json_default))
    raw["article"]["key"] = scored.article.key
    for reading, obs_list in zip(raw["readings"], scored.readings, strict=True):
        for obs_json, obs in zip(reading["observations"], obs_list.observations, strict=True):
            obs_json["pair_code"] = obs.pair_code
    return raw


def _explain_tree(scored: ScoredArticle) -> Tree:
    a = scored.article
    title = escape(a.title or a.source_path or "(untitled)")
    main = "-".join(scored.main_pair) if scored.main_pair else "none"
    root = Tree(
        f"[bold]{title}[/]\npublished {scored.published} ({escape(scored.published_source or a.published_source)}), "
        f"main pair {main}, {len(scored.readings)} sentence{'s' * (len(scored.readings) != 1)}, "
        f"{len(scored.observations)} observation{'s' * (len(scored.observations) != 1)}"
        + (" [dim](invented example)[/]" if a.is_example else "")
    )
    for r in scored.readings:
        s = r.sentence
        node = root.add(f"[bold]{s.index}[/] [dim]({s.language})[/] {escape(' '.join(s.text.split()))}")
        if r.mentions:
            node.add("mentions: " + escape(", ".join(
                f"'{m.text}' -> {m.country} ({m.kind}, {m.role})" for m in r.mentions)))
        if r.pairs:
            node.add("pairs: " + ", ".join("-".join(p) for p in r.pairs))
        for aside in r.set_aside:
            node.add(escape(f"set aside: {'-'.join(aside.pair)}, {aside.reason}"))
        for c in r.cues:
            mods = f" [{'; '.join(c.modifiers)}]" if c.modifiers else ""
            node.add(escape(f"cue '{c.text}' ({c.category}): {c.base_weight:+.1f} -> {c.weight:+.1f}{mods}"))
        for d in r.dates:
            expr = f"'{d.expression}'" if d.expression else "publication date"
            event = "dates the event" if d.dates_event else "does not date the event"
            note = f"; {d.note}" if d.note else ""
            node.add(escape(f"date {expr} -> {d.value} ({d.precision}, {event}{note})"))
        for o in r.observations:
            style = "red" if o.score > 0 else "green" if o.score < 0 else "white"
            expr = f", '{o.date_expression}'" if o.date_expression else ""
            obs = node.add(f"[{style}]observation {o.pair_code} on {o.event_date} ({o.precision}{escape(expr)}): "
                           f"score {o.score:+.2f}[/]")
            # What the pair's reading changed of a cue (its background damped: cues/clauses.py).
            for c in o.cues:
                if c not in r.cues:
                    obs.add(escape(f"cue '{c.text}': {c.weight:+.1f} [{c.modifiers[-1]}]"))
    return root
