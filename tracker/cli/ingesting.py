"""The commands that write articles and observations: `tracker ingest` and `tracker rescore`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tracker.cli.options import lexicon_option, load_lexicon_files, make_console

if TYPE_CHECKING:
    from tracker.cli.group import State


# ---------------------------------------------------------------------------------------- ingest


@click.command(short_help="Read files or folders; score and store each article once.")
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
    lexicon = load_lexicon_files(lexicon_files)
    if not dask_address:
        from tracker.ingest.pool import start_early

        start_early(paths, workers)  # the pool's models load while the database opens
    store = state.store
    _say_links_named(paths)
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
    console = make_console()
    _print_ingest_report(console, report)
    from tracker.cli.alerts import check_after_ingest

    check_after_ingest(store)
    if report.rejected:
        raise click.exceptions.Exit(1)


def _say_links_named(paths: tuple[str, ...]) -> None:
    from tracker.ingest.inprocess import named_links, printable_name

    console = make_console()
    for link, target in named_links(paths):
        console.print(f"[cyan]link[/]       {escape(printable_name(link))} leads to {escape(printable_name(target))}: read "
                      "as named (links found inside a folder are read only when they lead inside it)")


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
        f"{n_stored} stored ({report.observations} observation{'s' * (report.observations != 1)}), "
        f"{n_dup} duplicate{'s' * (n_dup != 1)}, {n_rej} rejected, from {report.files} file{'s' * (report.files != 1)}."
    )


# --------------------------------------------------------------------------------------- rescore


@click.command(short_help="Recompute stored observations after a lexicon change.")
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

    lexicon = load_lexicon_files(lexicon_files)
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
