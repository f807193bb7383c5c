"""The commands around the drop folder: `tracker watch`, `tracker status`, and `tracker serve` (the
dashboard, which watches the drop folder while it runs).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.markup import escape

from tracker.cli.options import lexicon_option, load_lexicon_files, make_console

if TYPE_CHECKING:
    from tracker.cli.group import State


# ------------------------------------------------------------------------------- drop folder


def _inbox(state: State, folder: str | None) -> Path:
    from tracker.ingest.dropfolder import default_inbox

    return Path(folder) if folder else default_inbox(state.db)


@click.command(short_help="Watch the drop folder and ingest what lands in it.")
@click.argument("folder", required=False, type=click.Path(file_okay=False))
@click.option("--once", is_flag=True, help="Read what is in the folder now, then stop (for cron and scripts).")
@click.option("--debounce", default=0.5, show_default=True, type=click.FloatRange(0.0, 60.0), metavar="SECONDS",
              help="How long a file must stay unchanged before it is read (so a file being written is not read half-way).")
@click.option("--max-mb", default=5.0, show_default=True, type=click.FloatRange(0.01, 1000.0),
              help="Size limit of a text file in MB (PDF, Word and zip files get 10 times more).")
@click.option("--feeds/--no-feeds", "poll_feeds", default=True, show_default=True,
              help="Also poll the feeds of `tracker feeds` at their interval (not with --once).")
@lexicon_option
@click.pass_obj
def watch(state: State, folder: str | None, once: bool, debounce: float, max_mb: float, poll_feeds: bool,
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

    lexicon = load_lexicon_files(lexicon_files)
    store = state.store
    inbox = _inbox(state, folder)
    console = make_console()

    def show(result) -> None:
        for outcome in result.outcomes:
            where = escape(result.name + (f" ({outcome.record})" if outcome.record else ""))
            if outcome.outcome == "stored":
                console.print(f"[green]stored[/]     {where}: {escape(outcome.title or '')} "
                              f"({outcome.observations} observation{'s' * (outcome.observations != 1)})")
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
    poller = None
    if not once:
        console.print(f"Watching {escape(str(inbox))} (database {escape(store.url)}); Ctrl+C stops.")
        poller = _feed_poller(store, lexicon, console) if poll_feeds else None
    from tracker.cli.stopping import exit_after_sigterm, stop_signals

    try:
        with stop_signals(drop.stop) as stopping:
            drop.run(once=once)
    finally:
        if poller is not None:
            # A second at most: a stop is due within one or two, and a page being stored is one
            # transaction (rolled back if the process ends first, fetched again at the next poll).
            poller.stop(timeout=1.0)
    if stopping or not once:
        console.print("Stopped.")
    exit_after_sigterm(stopping, state.close)
    if once and rejected:
        raise SystemExit(1)


def _feed_poller(store, lexicon, console=None):
    """The feeds of `tracker feeds`, polled in a background thread (stop() ends it)."""
    from tracker.cli.feeds import print_page
    from tracker.web.poll import FeedPoller

    def show(report) -> None:
        for url, reason in report.feed_failures:
            console.print(f"[red]{'feed failed':<10}[/] {escape(url)}: {escape(reason)}")
        for page in report.pages:
            print_page(console, page)

    return FeedPoller(store, lexicon=lexicon, on_report=show if console is not None else None).start()


@click.command(short_help="The drop folder: waiting, processed and rejected today, last errors.")
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
    console = make_console()
    console.print(f"Drop folder {escape(str(inbox))}" + ("" if inbox.is_dir() else " (does not exist yet)"))
    names = ", ".join(p.name for p in report.waiting[:5]) + (", ..." if len(report.waiting) > 5 else "")
    console.print(f"  waiting:   {len(report.waiting)}" + (f" ({escape(names)})" if report.waiting else ""))
    console.print(f"  today:     {report.today['stored']} stored, {report.today['duplicate']} duplicates, "
                  f"{report.today['rejected']} rejected")
    if report.last_errors:
        console.print("Last errors:")
        for error in report.last_errors:
            record = f" ({error['record']})" if error["record"] else ""
            name = error["path"] if "://" in error["path"] else Path(error["path"]).name  # a page: its URL
            console.print(f"  {error['at']:%Y-%m-%d %H:%M}  {escape(name + record)}: {escape(error['reason'])}")
    from tracker.cli.feeds import print_web_status

    print_web_status(console, state.store, errors=errors)


# ----------------------------------------------------------------------------------------- serve


@click.command(short_help="The dashboard on http://127.0.0.1:8050.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; another than 127.0.0.1 opens the dashboard to the network, behind a login "
                   "(`tracker users add NAME` first).")
@click.option("--port", default=8050, show_default=True, type=click.IntRange(1, 65535))
@click.option("--inbox", type=click.Path(file_okay=False), default=None,
              help="The drop folder watched while the dashboard runs (default: inbox/ beside the database).")
@click.option("--watch/--no-watch", default=True, show_default=True,
              help="Ingest what lands in the drop folder while the dashboard runs.")
@click.option("--auth/--no-auth", default=None,
              help="Ask for a login (`tracker users`) even on 127.0.0.1 (e.g. behind a reverse proxy) / never, "
                   "even beyond this machine. Default: a login for any --host but 127.0.0.1.")
@click.option("--secure-cookie", is_flag=True,
              help="Mark the login cookie Secure even over plain HTTP (behind an HTTPS proxy); over HTTPS it is.")
@click.option("--debug", is_flag=True,
              help="Flask's development server with Dash's dev tools (tracebacks in the page), for developing only.")
@click.option("--feeds/--no-feeds", "poll_feeds", default=True, show_default=True,
              help="Poll the feeds of `tracker feeds` at their interval while the dashboard runs.")
@click.pass_obj
def serve(state: State, host: str, port: int, inbox: str | None, watch: bool, auth: bool | None,
          secure_cookie: bool, debug: bool, poll_feeds: bool) -> None:
    """The dashboard: each pair's tension over time and the sentences behind every point.

    Files dropped into the drop folder appear on the dashboard within seconds. It runs on the
    waitress production server (compressed, cacheable assets); Ctrl+C or SIGTERM stops it. Beyond
    127.0.0.1 the dashboard asks for a login: add users with `tracker users add NAME` first.

    \b
    Example:
      tracker serve --port 8050
      tracker users add alice && tracker serve --host 0.0.0.0
    """
    store = state.store  # a database it cannot use is reported here, before the server starts
    url = store.engine.url.render_as_string(hide_password=False)
    from tracker.cli.users import serve_login

    ask_login = serve_login(store, host, auth)  # refuses before the dashboard loads
    from dashboard import server
    from dashboard.app import create_app
    from dashboard.login import LoginSettings
    from tracker.ingest.dropfolder import DropFolder

    login = LoginSettings(secure_cookie) if ask_login else None
    folder = _inbox(state, inbox)
    app = create_app(url, inbox=folder, login=login)
    drop = DropFolder(folder, store).start() if watch else None
    poller = _feed_poller(store, None) if poll_feeds else None
    how = "Flask's development server (--debug), not for a team" if debug else "waitress"
    click.echo(f"Dashboard on http://{host}:{port} ({how}; database {store.url}"
               f"{'; login asked' if login else ''}); Ctrl+C stops it.", err=True)
    if drop:
        click.echo(f"Watching the drop folder {folder}", err=True)
    try:
        if debug:  # no reloader: it would start a second process, and a second watcher
            app.run(host=host, port=port, debug=True, use_reloader=False)
        else:
            server.serve(app, host, port)
    finally:
        if poller is not None:
            poller.stop()
        if drop:
            drop.stop()

