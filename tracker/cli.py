"""The `tracker` command: one function per subcommand, each with an Example in its help.

Library errors (a database it cannot use, a file it cannot read, an unknown pair) become one line
saying what is wrong and what to do, never a traceback: see TrackerGroup.invoke.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console, JustifyMethod
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from tracker import __version__
from tracker.cli_cluster import cluster
from tracker.records import ScoredArticle, make_pair

if TYPE_CHECKING:
    import pandas as pd
    from rich.console import JustifyMethod

    from tracker.store import Store

# An excerpt of a sentence in a table: enough to recognise it, short enough for one line.
EXCERPT_CHARS = 90


DB_HELP = (
    "The database: a SQLite file path, sqlite:///PATH or postgresql://USER:PASSWORD@HOST/NAME "
    "(env TRACKER_DB; default: tracker.db in the user's data folder). Before or after the command name."
)


def _db_after_command(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """--db given after the command name: it wins over the one before it and over $TRACKER_DB."""
    state = ctx.find_object(State)
    if value is not None and state is not None:
        state.db = value


class TrackerGroup(click.Group):
    """Turns the library's errors into one clear message (exit status 1) instead of a traceback,
    and gives every command a --db option (users put it before or after the command name).
    """

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        # No envvar here: $TRACKER_DB is read by the group's --db, which this one overrides.
        # Hidden on commands that never open the database (tracker cluster).
        cmd.params.append(click.Option(
            ["--db"], metavar="PATH|URL", expose_value=False, callback=_db_after_command,
            help=DB_HELP, hidden=not getattr(cmd, "uses_database", True),
        ))
        super().add_command(cmd, name)

    def invoke(self, ctx: click.Context):
        from tracker.readers import RejectedInput
        from tracker.store import StoreError

        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None
        except RejectedInput as exc:
            raise click.ClickException(exc.reason) from None
        except Exception as exc:
            if _model_missing(exc):
                raise click.ClickException(str(exc)) from None
            if os.environ.get("TRACKER_DEBUG"):
                raise
            raise click.ClickException(
                f"unexpected error ({type(exc).__name__}: {exc}); this is a bug in tension-tracker: "
                "please report it, with the output of the same command run with TRACKER_DEBUG=1"
            ) from None


def _model_missing(exc: Exception) -> bool:
    from tracker.scorer.nlp import ModelMissing

    return isinstance(exc, ModelMissing)


class State:
    """What the group passes to its commands: the --db value and, once opened, the store."""

    def __init__(self, db: str | None):
        self.db = db
        self._store = None

    @property
    def store(self):
        if self._store is None:
            from tracker.store import open_store

            self._store = open_store(self.db)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def _console() -> Console:
    # highlight=False: rich would otherwise colour numbers and dates at random in our tables.
    return Console(highlight=False)


def _load_lexicon(files: tuple[str, ...]):
    """The lexicon with the analysts' files merged over ours, or None for the default one."""
    if not files:
        return None
    from tracker.scorer.lexicon import load_lexicon

    try:
        return load_lexicon([Path(f) for f in files])
    except (ValueError, OSError) as exc:
        raise click.BadParameter(str(exc), param_hint="--lexicon") from None


lexicon_option = click.option(
    "--lexicon", "lexicon_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
    metavar="FILE", help="An analysts' lexicon file merged over the built-in one (repeatable).",
)


@click.group(cls=TrackerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="TRACKER_DB", metavar="PATH|URL", help=DB_HELP)
@click.version_option(__version__, prog_name="tracker")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Bilateral-relations tension tracker: score French and English news, store dated
    observations per country pair, and explore them.

    \b
    Example:
      tracker ingest corpus/
      tracker pairs
      tracker timeline RUS-USA --freq M
    """
    state = State(db)
    ctx.obj = state
    ctx.call_on_close(state.close)


# ---------------------------------------------------------------------------------------- ingest


@cli.command(short_help="Read files or folders; score and store each article once.")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@lexicon_option
@click.option("--progress/--no-progress", default=True, show_default=True, help="Show a progress bar.")
@click.option(
    "--workers", type=click.IntRange(min=1), default=None, metavar="N",
    help="Processes scoring at once (default: the number of cores; 1 = in this process). "
    "With --dask local: the number of Dask workers.",
)
@click.option(
    "--dask", "dask_address", metavar="ADDRESS|local",
    help="Read and score on a Dask cluster: a scheduler address (tcp://HOST:8786) or 'local' for a "
    "cluster on this machine. This process writes to the database.",
)
@click.option(
    "--dask-timeout", default=60.0, show_default=True, type=click.FloatRange(min=0), metavar="SECONDS",
    help="With --dask ADDRESS: how long to wait for a first worker to join the scheduler.",
)
@click.pass_obj
def ingest(
    state: State, paths: tuple[str, ...], lexicon_files: tuple[str, ...], progress: bool,
    workers: int | None, dask_address: str | None, dask_timeout: float,
) -> None:
    """Read files or folders (recursively), score each article and store it once.

    An article already stored (same text, even re-wrapped or re-encoded) is reported as a
    duplicate. The exit status is 1 when any file or record was rejected; the others are stored.
    Articles are scored on every core (--workers) or on a Dask cluster (--dask) and written in
    the order they were read: the database ends the same as with --workers 1.

    \b
    Example:
      tracker ingest corpus/ ~/Downloads/article.html
      tracker --db postgresql://tracker@dbhost/tracker ingest --workers 8 archive/
      tracker ingest --dask tcp://10.0.0.5:8786 archive/
    """
    lexicon = _load_lexicon(lexicon_files)
    store = state.store
    if dask_address:
        from tracker.ingest.cluster import DaskUnavailable, ingest_dask

        try:
            report = ingest_dask(paths, store, address=dask_address, workers=workers, lexicon=lexicon,
                                 progress=progress, worker_timeout=dask_timeout)
        except DaskUnavailable as exc:
            raise click.ClickException(str(exc)) from None
    else:
        from tracker.ingest.pool import ingest_parallel

        report = ingest_parallel(paths, store, workers=workers, lexicon=lexicon, progress=progress)
    console = _console()
    _print_ingest_report(console, report)
    if report.rejected:
        raise click.exceptions.Exit(1)


# Beyond this many stored or duplicate files the summary gives their count, not one row each.
MAX_LISTED = 50


def _print_ingest_report(console: Console, report) -> None:
    from tracker.ingest.inprocess import printable_name

    listed = [o for o in report.outcomes if o.outcome == "rejected"]
    others = [o for o in report.outcomes if o.outcome != "rejected"]
    if len(others) <= MAX_LISTED:
        listed = report.outcomes
    if listed:
        table = Table(title="Ingest summary", title_justify="left")
        table.add_column("File", overflow="fold")  # the whole path, folded: it is what the analyst looks for
        table.add_column("Outcome", no_wrap=True)
        table.add_column("Details")
        styles = {"stored": "green", "duplicate": "yellow", "rejected": "red"}
        for o in listed:
            where = printable_name(o.path) + (f" ({o.record})" if o.record else "")  # no raw escapes to the terminal
            if o.outcome == "stored":
                details = f"article {o.article_id}, {o.observations} observation{'s' * (o.observations != 1)}"
            else:
                details = o.reason
            table.add_row(escape(where), f"[{styles[o.outcome]}]{o.outcome}[/]", escape(details))
        console.print(table)
    n_stored, n_dup, n_rej = len(report.stored), len(report.duplicates), len(report.rejected)
    console.print(
        f"{n_stored} stored ({report.observations} observations), "
        f"{n_dup} duplicate{'s' * (n_dup != 1)}, {n_rej} rejected, from {report.files} file{'s' * (report.files != 1)}."
    )


# ----------------------------------------------------------------------------------------- pairs


@cli.command(short_help="Every pair: observations, articles, mean tension, dates.")
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
    _console().print(table)


# -------------------------------------------------------------------------------------- timeline


def _parse_pair(value: str) -> tuple[str, str]:
    from tracker.scorer.countries import parse_pair

    try:
        return make_pair(*parse_pair(value))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="PAIR") from None


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@cli.command(short_help="A pair's tension, volume and band per day, week or month.")
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

    codes = _parse_pair(pair)
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
    _console().print(out)
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


@cli.command(short_help="A pair's timeline chart as PNG, SVG or PDF, or its data as CSV.")
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
@click.option("--width", default=1600, show_default=True, type=click.IntRange(400, 4000), help="Image width in pixels.")
@click.option("--scale", default=2.0, show_default=True, type=click.FloatRange(0.5, 4),
              help="Pixel density: 2 gives print resolution (a 1600-wide chart becomes 3200 pixels).")
@click.pass_obj
def export(state: State, pairs: tuple[str, ...], fmt: str, out: str, freq: str, start: datetime | None,
           end: datetime | None, smooth: int, lang: str, width: int, scale: float) -> None:
    """The dashboard's timeline chart of one or more pairs, with title, pair, date range and source
    caption, as an image (PNG/SVG/PDF, through Chromium) or its data as CSV.

    \b
    Example:
      tracker export RUS-USA --format png --out rus-usa.png --freq M --from 2017-01-01
      tracker export Russie-États-Unis Chine-États-Unis --format csv --out pairs.csv
    """
    from dashboard.export import ExportError, write_export
    from dashboard.state import TimelineState

    codes = tuple(dict.fromkeys("-".join(_parse_pair(p)) for p in pairs))
    first = start.date() if start else None
    last = end.date() if end else None
    if first and last and first > last:
        raise click.BadParameter(f"--from {first} is after --to {last}; swap them", param_hint="--from/--to")
    view = TimelineState(codes, first, last, freq.upper(), smooth, lang)
    try:
        path = write_export(state.store.engine, view, fmt.lower(), out, width=width, scale=scale)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc.strerror}; choose another --out path") from None
    click.echo(f"Wrote {path} ({path.stat().st_size / 1024:,.0f} KB)", err=True)


# --------------------------------------------------------------------------------------- explain


@cli.command(short_help="How an article is read, sentence by sentence.")
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
        scored = _score_file(path, _load_lexicon(lexicon_files))
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
    console = _console()
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
        f"main pair {main}, {len(scored.readings)} sentences, {len(scored.observations)} observations"
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
            node.add(f"[{style}]observation {o.pair_code} on {o.event_date} ({o.precision}{escape(expr)}): "
                     f"score {o.score:+.2f}[/]")
    return root


# --------------------------------------------------------------------------------------- rescore


@cli.command(short_help="Recompute stored observations after a lexicon change.")
@lexicon_option
@click.option("--progress/--no-progress", default=True, show_default=True, help="Show a progress bar.")
@click.pass_obj
def rescore(state: State, lexicon_files: tuple[str, ...], progress: bool) -> None:
    """Recompute every stored article's observations from its stored text with the current
    lexicon (and the analysts' files given with --lexicon). The source files are not read again.

    \b
    Example:
      tracker rescore --lexicon ~/lexicon/our-terms.tsv
    """
    from rich.progress import Progress

    from tracker.ingest.inprocess import lexicon_version

    lexicon = _load_lexicon(lexicon_files)
    from tracker.scorer import pipeline  # after the options are checked: loading the scorer takes seconds

    version = lexicon_version(lexicon)
    store = state.store
    ids = store.article_ids()
    added = removed = changed = touched = 0
    failures: list[tuple[int, str]] = []
    with Progress(console=Console(stderr=True), transient=True, disable=not progress) as bar:
        for article_id in bar.track(ids, description="Rescoring"):
            article = store.stored_article(article_id)
            try:
                scored = pipeline.score_article(article, lexicon=lexicon)
            except pipeline.ScoringError as exc:
                failures.append((article_id, str(exc)))
                continue
            change = store.replace_observations(article_id, scored, lexicon_version=version)
            added, removed, changed = added + change.added, removed + change.removed, changed + change.changed
            touched += change.total > 0
    total = added + removed + changed
    click.echo(
        f"Rescored {len(ids) - len(failures)} article{'s' * (len(ids) != 1)}: {total} observation"
        f"{'s' * (total != 1)} changed ({added} added, {removed} removed, {changed} with another score or date) "
        f"in {touched} article{'s' * (touched != 1)}."
    )
    for article_id, reason in failures:
        click.echo(f"article {article_id} kept its previous observations: {reason}", err=True)
    if failures:
        raise click.exceptions.Exit(1)


# ------------------------------------------------------------------------------- drop folder


def _inbox(state: State, folder: str | None) -> Path:
    from tracker.ingest.dropfolder import default_inbox

    return Path(folder) if folder else default_inbox(state.db)


@cli.command(short_help="Watch the drop folder and ingest what lands in it.")
@click.argument("folder", required=False, type=click.Path(file_okay=False))
@click.option("--once", is_flag=True, help="Read what is in the folder now, then stop (for cron and scripts).")
@click.option("--debounce", default=0.5, show_default=True, type=click.FloatRange(0.0, 60.0), metavar="SECONDS",
              help="How long a file must stay unchanged before it is read (so a file being written is not read half-way).")
@click.option("--max-mb", default=5.0, show_default=True, type=click.FloatRange(0.01, 1000.0),
              help="Size limit of a text file in MB (PDF, Word and zip files get 10 times more).")
@lexicon_option
@click.pass_obj
def watch(state: State, folder: str | None, once: bool, debounce: float, max_mb: float,
          lexicon_files: tuple[str, ...]) -> None:
    """Watch FOLDER (default: inbox/ beside the database, see the README) and ingest every file
    dropped into it.

    Files already there are read first. Read files move to FOLDER/archive/DATE/, duplicates to
    FOLDER/archive/DATE/duplicates/, files that cannot be read to FOLDER/rejected/ with
    NAME.reason.txt beside them. Nothing is deleted. Ctrl+C stops it. With --once the exit
    status is 1 when a file or record was rejected.

    \b
    Example:
      tracker watch ~/articles-inbox
      tracker --db ./tracker.db watch --once
    """
    from tracker.ingest.dropfolder import DropFolder
    from tracker.ingest.inprocess import Outcome

    lexicon = _load_lexicon(lexicon_files)
    store = state.store
    inbox = _inbox(state, folder)
    console = _console()

    def show(result) -> None:
        for outcome in result.outcomes:
            where = escape(result.name + (f" ({outcome.record})" if outcome.record else ""))
            if outcome.outcome == "stored":
                console.print(f"[green]stored[/]     {where}: {escape(outcome.title or '')} "
                              f"({outcome.observations} observations)")
            elif outcome.outcome == "duplicate":
                console.print(f"[yellow]duplicate[/]  {where}: {escape(outcome.reason)}")
            else:
                console.print(f"[red]rejected[/]   {where}: {escape(outcome.reason)}")
        if result.unpacked:
            console.print(f"[cyan]unpacked[/]   {escape(result.name)}: {len(result.unpacked)} files")

    rejected: list[Outcome] = []

    def on_result(result) -> None:
        show(result)
        rejected.extend(o for o in result.outcomes if o.outcome == "rejected")

    drop = DropFolder(inbox, store, debounce=debounce, max_bytes=int(max_mb * 1024 * 1024), lexicon=lexicon,
                      on_result=on_result)
    if not once:
        console.print(f"Watching {escape(str(inbox))} (database {escape(store.url)}); Ctrl+C stops.")
    import signal

    stopping = []

    def stop_after_this_file(signum, _frame) -> None:
        # The file being read is finished (stored, moved, reported); a second Ctrl+C stops at once.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        stopping.append(signum)
        drop.stop()

    def stop_now(signum, _frame) -> None:
        # SIGTERM (a service manager, a shutdown) waits for no file: the one being read stays in the
        # inbox and is read again at the next start (its articles stored so far are duplicates then).
        stopping.append(signum)
        drop.stop()
        raise KeyboardInterrupt

    previous = {signal.SIGINT: signal.signal(signal.SIGINT, stop_after_this_file),
                signal.SIGTERM: signal.signal(signal.SIGTERM, stop_now)}
    try:
        drop.run(once=once)
    except KeyboardInterrupt:
        pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if stopping or not once:
        console.print("Stopped.")
    if once and rejected:
        raise SystemExit(1)


@cli.command(short_help="The drop folder: waiting, processed and rejected today, last errors.")
@click.argument("folder", required=False, type=click.Path(file_okay=False))
@click.option("--errors", default=5, show_default=True, type=click.IntRange(0, 100), help="How many recent errors to list.")
@click.pass_obj
def status(state: State, folder: str | None, errors: int) -> None:
    """What the drop folder FOLDER (default: inbox/ beside the database) has waiting, what was
    stored, found duplicate and rejected today, and the last rejections with their reasons.

    \b
    Example:
      tracker status
      tracker status ~/articles-inbox --errors 10
    """
    from tracker.ingest.drop_status import drop_status

    inbox = _inbox(state, folder)
    report = drop_status(state.store, inbox, errors=errors)
    console = _console()
    console.print(f"Drop folder {escape(str(inbox))}" + ("" if inbox.is_dir() else " (does not exist yet)"))
    names = ", ".join(p.name for p in report.waiting[:5]) + (", ..." if len(report.waiting) > 5 else "")
    console.print(f"  waiting:   {len(report.waiting)}" + (f" ({escape(names)})" if report.waiting else ""))
    console.print(f"  today:     {report.today['stored']} stored, {report.today['duplicate']} duplicates, "
                  f"{report.today['rejected']} rejected")
    if report.last_errors:
        console.print("Last errors:")
        for error in report.last_errors:
            record = f" ({error['record']})" if error["record"] else ""
            console.print(f"  {error['at']:%Y-%m-%d %H:%M}  {escape(Path(error['path']).name + record)}: "
                          f"{escape(error['reason'])}")


# ----------------------------------------------------------------------------------------- serve


@cli.command(short_help="The dashboard on http://127.0.0.1:8050.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; 0.0.0.0 opens the dashboard to the network.")
@click.option("--port", default=8050, show_default=True, type=click.IntRange(1, 65535))
@click.option("--inbox", type=click.Path(file_okay=False), default=None,
              help="The drop folder watched while the dashboard runs (default: inbox/ beside the database).")
@click.option("--watch/--no-watch", default=True, show_default=True,
              help="Ingest what lands in the drop folder while the dashboard runs.")
@click.pass_obj
def serve(state: State, host: str, port: int, inbox: str | None, watch: bool) -> None:
    """The dashboard: each pair's tension over time and the sentences behind every point.

    Files dropped into the drop folder appear on the dashboard within seconds.

    \b
    Example:
      tracker serve --port 8050
    """
    store = state.store  # a database it cannot use is reported here, before the server starts
    url = store.engine.url.render_as_string(hide_password=False)
    from dashboard.app import create_app
    from tracker.ingest.dropfolder import DropFolder

    folder = _inbox(state, inbox)
    app = create_app(url, inbox=folder)
    drop = DropFolder(folder, store).start() if watch else None
    click.echo(f"Dashboard on http://{host}:{port} (database {store.url}); Ctrl+C stops it.", err=True)
    if drop:
        click.echo(f"Watching the drop folder {folder}", err=True)
    try:
        app.run(host=host, port=port)
    finally:
        if drop:
            drop.stop()


cli.add_command(cluster)  # in its own module: it starts Dask nodes, it reads no database


def main() -> None:
    cli(prog_name="tracker")


if __name__ == "__main__":
    main()
