"""The `tracker` command: one function per subcommand, each with an Example in its help.

Library errors (a database it cannot use, a file it cannot read, an unknown pair) become one line
saying what is wrong and what to do, never a traceback: see TrackerGroup.invoke (tracker/cli/group.py).
The commands live by theme: reading.py (pairs, timeline, export, explain), ingesting.py (ingest,
rescore), dropfolder.py (watch, status, serve), feeds.py (fetch, feeds), users.py (users, and serve's login),
cluster.py (cluster), alerts.py (alerts).
"""

from __future__ import annotations

import click

from tracker import __version__
from tracker.cli.alerts import alerts
from tracker.cli.brief import brief
from tracker.cli.cluster import cluster
from tracker.cli.dropfolder import serve, status, watch
from tracker.cli.feeds import feeds, fetch
from tracker.cli.group import DB_HELP, State, TrackerGroup
from tracker.cli.ingesting import ingest, rescore
from tracker.cli.reading import explain, export, pairs, timeline
from tracker.cli.users import users
from tracker.exiting import exit_without_teardown
from tracker.gc_tuning import collect_less

__all__ = ["State", "TrackerGroup", "cli", "main"]


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


for command in (ingest, pairs, timeline, export, brief, explain, rescore, watch, status, serve, users, fetch, feeds):
    cli.add_command(command)
cli.add_command(cluster)  # in its own module: it starts Dask nodes, it reads no database
cli.add_command(alerts)


def main() -> None:
    collect_less()  # before spaCy's imports and models (tracker/gc_tuning.py)
    try:
        cli(prog_name="tracker")
    except SystemExit as done:  # click ends every command so, its database closed (State.close)
        exit_without_teardown(done.code)  # tracker/exiting.py: 0.3-0.4 s of teardown nothing needs
        raise
