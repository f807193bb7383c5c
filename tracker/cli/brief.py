"""`tracker brief`: a pair's one-page PDF brief (dashboard/brief), as the dashboard's link serves it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.cli.options import parse_pair_argument

if TYPE_CHECKING:
    from tracker.cli.group import State


def database_label(url: str) -> str:
    """What the page's top line names: a SQLite file's name, or the masked URL of a server."""
    return Path(url.split("///", 1)[1]).name if url.startswith("sqlite:///") else url


@click.command(short_help="A pair's one-page PDF brief: chart, headline, strongest sentences.")
@click.argument("pair", metavar="PAIR")
@click.option("--out", required=True, type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="The PDF file to write.")
@click.option("--from", "start", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD", help="First day included.")
@click.option("--to", "end", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD", help="Last day included.")
@click.option("--freq", type=click.Choice(["D", "W", "M"], case_sensitive=False), default="W", show_default=True,
              help="Period: D (day), W (week, from Monday), M (month); the headline compares the last two.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True,
              help="Language of the page's words and country names.")
@click.option("--paper", type=click.Choice(["a4", "letter"], case_sensitive=False), default="a4", show_default=True)
@click.option("--link-base", metavar="URL",
              help="The dashboard's address (http://127.0.0.1:8050): articles stored without a URL link to their page there.")
@click.pass_obj
def brief(state: State, pair: str, out: str, start: datetime | None, end: datetime | None, freq: str, lang: str,
          paper: str, link_base: str | None) -> None:
    """One page on one pair, to print or send: the pair and period, the chart with its band, the
    headline (the latest period against the one before, with the articles, observations and outlets
    behind both), the strongest tension and cooperation sentences with outlet, date and link, and the
    method. Printed to PDF by Chromium (`apt-get install chromium`).

    \b
    Example:
      tracker brief RUS-USA --freq M --from 2023-01-01 --out rus-usa.pdf
      tracker brief Russie-États-Unis --lang fr --paper a4 --out note.pdf
    """
    from dashboard.brief import BriefError, make_brief

    code = "-".join(parse_pair_argument(pair))
    first = start.date() if start else None
    last = end.date() if end else None
    if first and last and first > last:
        raise click.BadParameter(f"--from {first} is after --to {last}; swap them", param_hint="--from/--to")
    target = Path(out)
    if not target.parent.is_dir():
        raise click.ClickException(f"the folder {target.parent} does not exist; create it or choose another --out")
    store = state.store
    try:
        pdf = make_brief(store.engine, code, start=first, end=last, freq=freq.upper(), lang=lang,
                         paper=paper.lower(), link_base=link_base, source=database_label(store.url))
    except BriefError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        target.write_bytes(pdf)
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc.strerror}; choose another --out path") from None
    click.echo(f"Wrote {target} ({len(pdf) / 1024:,.0f} KB)", err=True)
