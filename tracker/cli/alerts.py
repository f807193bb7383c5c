"""`tracker alerts`: the rules (add, list, remove, export), the channels alerts go to, the alerts
fired, and `check` (what every ingest runs too)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.markup import escape
from rich.table import Table

from tracker.cli.group import TrackerGroup
from tracker.cli.options import make_console

if TYPE_CHECKING:
    from tracker.alerts import CheckReport
    from tracker.cli.group import State

CONDITION_OPTIONS = ("level_above", "level_below", "change_above", "change_below", "volume_above")


@click.group(cls=TrackerGroup, short_help="Alert rules, their channels, and the alerts fired.")
def alerts() -> None:
    """Rules that watch the tension of a pair (or of every pair: *) and alert when it passes a
    threshold, changes too fast or draws unusual volume; checked after every ingest.

    \b
    Example:
      tracker alerts add RUS-USA --level-above 4 --freq W --min-articles 2
      tracker alerts add '*' --volume-above 3 --baseline 8 --min-observations 10
      tracker alerts channel add digest --path ~/alerts.md
      tracker alerts check
    """


def _fail(exc: Exception) -> click.ClickException:
    return click.ClickException(str(exc))


@alerts.command("add", short_help="Add a rule, or the rules and channels of a file.")
@click.argument("pair", required=False)
@click.option("--level-above", type=float, metavar="X", help="The period's level is above X (-10 to 10).")
@click.option("--level-below", type=float, metavar="X", help="The period's level is below X.")
@click.option("--change-above", type=float, metavar="X", help="The level rose by more than X against the previous period.")
@click.option("--change-below", type=float, metavar="X", help="The level changed by less than X (e.g. -2: fell by more than 2).")
@click.option("--volume-above", type=float, metavar="K", help="More than K times the median observations of the previous periods.")
@click.option("--freq", type=click.Choice(["D", "W", "M"], case_sensitive=False), default="W", show_default=True)
@click.option("--min-articles", type=click.IntRange(1), default=1, show_default=True, help="Evidence needed in the period.")
@click.option("--min-observations", type=click.IntRange(1), default=1, show_default=True, help="Evidence needed in the period.")
@click.option("--baseline", type=click.IntRange(1, 366), default=8, show_default=True,
              help="Volume: how many previous periods make the median.")
@click.option("--since", metavar="DATE", help="The first period looked at (default: the previous period).")
@click.option("--name", default="", help="A name shown with the alerts.")
@click.option("--from", "from_file", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
              help="Add every [[rule]] and [[channel]] of a TOML (or .json) file instead.")
@click.pass_obj
def add(state: State, pair: str | None, from_file: str | None, **options) -> None:
    """Add a rule on PAIR (ISO codes like RUS-USA, or * for every pair) with one condition.

    \b
    Example:
      tracker alerts add RUS-USA --level-above 4
      tracker alerts add CHN-USA --change-above 2 --freq M --min-articles 3
      tracker alerts add --from rules.toml
    """
    from tracker.alerts import RuleError, repository, rulefile
    from tracker.alerts.model import rule_from_dict

    engine = state.store.engine
    try:
        if from_file:
            if pair or any(options[k] is not None for k in CONDITION_OPTIONS):
                raise click.UsageError("give either --from FILE or a PAIR with its condition, not both")
            rules, channels = rulefile.load(Path(from_file))
        else:
            rules = [rule_from_dict({"pair": "*" if (pair or "").lower() == "all" else pair,
                                     **{k: v for k, v in options.items() if v not in (None, "")}})]
            channels = []
    except RuleError as exc:
        raise _fail(exc) from None
    for rule in rules:
        rule_id = repository.add_rule(engine, rule)
        click.echo(f"rule {rule_id}: {rule.describe()}, from {rule.since}")
    for channel in channels:
        click.echo(f"channel {repository.add_channel(engine, channel)}: {channel.describe()}")


@alerts.command("list", short_help="The rules and the channels.")
@click.pass_obj
def list_rules(state: State) -> None:
    """The rules with their ids (for `tracker alerts remove`), and the channels alerts go to.

    \b
    Example:
      tracker alerts list
    """
    from tracker.alerts import repository

    console = make_console()
    rules = repository.rules(state.store.engine)
    table = Table(title="Alert rules", title_justify="left")
    for column in ("Id", "Rule", "Since"):
        table.add_column(column)
    for rule in rules:
        table.add_row(str(rule.id), escape(rule.describe()), str(rule.since))
    console.print(table if rules else "No alert rules yet: tracker alerts add PAIR --level-above X")
    _print_channels(console, repository.channels(state.store.engine))


@alerts.command("remove", short_help="Remove a rule (its alerts stay).")
@click.argument("rule_id", type=int)
@click.pass_obj
def remove(state: State, rule_id: int) -> None:
    """Remove the rule RULE_ID (see `tracker alerts list`); the alerts it fired stay.

    \b
    Example:
      tracker alerts remove 3
    """
    from tracker.alerts import repository

    if not repository.remove_rule(state.store.engine, rule_id):
        raise click.ClickException(f"there is no rule {rule_id}; `tracker alerts list` shows the rules")
    click.echo(f"rule {rule_id} removed")


@alerts.command("export", short_help="Write the rules and channels to a TOML or JSON file.")
@click.argument("file", type=click.Path(dir_okay=False, writable=True))
@click.pass_obj
def export_rules(state: State, file: str) -> None:
    """Write every rule and channel to FILE (TOML; JSON when it ends in .json), for `add --from`.

    \b
    Example:
      tracker alerts export rules.toml
    """
    from tracker.alerts import repository, rulefile

    engine = state.store.engine
    rules, channels = repository.rules(engine), repository.channels(engine)
    rulefile.dump(Path(file), rules, channels)
    click.echo(f"{len(rules)} rules and {len(channels)} channels written to {file}")


@alerts.command("check", short_help="Check the rules now and deliver what is due.")
@click.option("--retry-now", is_flag=True, help="Retry failed deliveries now instead of after their back-off.")
@click.pass_obj
def check(state: State, retry_now: bool) -> None:
    """Evaluate every rule, store the alerts that fire (once per rule and period) and deliver the
    pending ones; every ingest does the same. The exit status is 1 when a delivery failed (it is
    kept and retried).

    \b
    Example:
      tracker alerts check --retry-now
    """
    from tracker.alerts import check_alerts

    report = check_alerts(state.store, retry_now=retry_now)
    print_check(report)
    if report.failed:
        raise click.exceptions.Exit(1)


def print_check(report: CheckReport, *, quiet_when_idle: bool = False) -> None:
    """What a check did: each alert fired, each failed delivery, and the counts."""
    if quiet_when_idle and not (report.fired or report.sent or report.failed):
        return
    for alert in report.fired:
        click.echo(f"alert: {alert.message}")
    for alert_id, channel, reason in report.failed:
        click.echo(f"alert {alert_id} not delivered to {channel}: {reason} (retried later)", err=True)
    click.echo(f"Alerts: {report.summary()}")


@alerts.command("fired", short_help="The latest alerts, their sentences and deliveries.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.pass_obj
def fired(state: State, limit: int) -> None:
    """The latest alerts, newest first, with the sentences behind them and where each was delivered.

    \b
    Example:
      tracker alerts fired --limit 5
    """
    from tracker.alerts import repository

    engine = state.store.engine
    found = repository.load_alerts(engine, limit=limit)
    console = make_console()
    if not found:
        console.print("No alerts fired yet.")
        return
    outbox = repository.deliveries(engine, [a.id for a in found if a.id is not None])
    for alert in found:
        console.print(f"[bold]#{alert.id}[/] {alert.fired_at:%Y-%m-%d %H:%M} UTC  {escape(alert.message)}")
        console.print(f"   rule: {escape(alert.rule)}  id {alert.uid}")
        for s in alert.sentences:
            console.print(f"   {s.score:+.1f}  {escape(s.sentence)}  [dim]({escape(s.outlet or '')}, {s.event_date})[/]")
        for row in outbox[outbox["alert_id"] == alert.id].itertuples():
            state_text = "sent" if row.status == "sent" else f"pending, {row.attempts} attempts"
            error = f": {row.last_error}" if row.last_error else ""
            console.print(f"   channel {row.channel_id}: {state_text}{escape(error)}")


@click.group(cls=TrackerGroup, short_help="Where alerts are delivered: digest file, e-mail, webhook.")
def channel() -> None:
    """The channels every new alert is delivered to.

    \b
    Example:
      tracker alerts channel add digest --path ~/alerts.html
      tracker alerts channel add email --to me@example.org --smtp-host smtp.example.org --user me
      tracker alerts channel add webhook --url https://hooks.example.org/tension
    """


def _print_channels(console, channels) -> None:
    if not channels:
        console.print("No channels: alerts are stored and shown on the dashboard only "
                      "(tracker alerts channel add digest --path alerts.md)")
        return
    table = Table(title="Channels", title_justify="left")
    table.add_column("Id")
    table.add_column("Channel")
    for c in channels:
        table.add_row(str(c.id), escape(c.describe()))
    console.print(table)


@channel.command("add", short_help="Add a channel: digest, email or webhook.")
@click.argument("kind", type=click.Choice(["digest", "email", "webhook"]))
@click.option("--path", help="digest: the Markdown (.md) or HTML (.html) file the alerts are added to.")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), help="digest: default from the file's suffix.")
@click.option("--to", multiple=True, metavar="ADDRESS", help="email: a recipient (repeatable).")
@click.option("--from", "sender", metavar="ADDRESS", help="email: the sender (default tension-tracker@localhost).")
@click.option("--smtp-host", help="email: the SMTP server.")
@click.option("--smtp-port", type=click.IntRange(1, 65535), help="email: default 587 (starttls), 465 (ssl), 25 (none).")
@click.option("--security", type=click.Choice(["starttls", "ssl", "none"]), default="starttls", show_default=True,
              help="email: STARTTLS, TLS from the start, or none.")
@click.option("--user", "username", help="email: the SMTP login, when the server asks for one.")
@click.option("--password-env", metavar="NAME", default="TRACKER_SMTP_PASSWORD", show_default=True,
              help="email: the environment variable holding the SMTP password (never stored).")
@click.option("--url", help="webhook: where the alert's JSON is POSTed.")
@click.option("--timeout", type=click.FloatRange(0.1, 300), default=10.0, show_default=True,
              help="email, webhook: seconds to wait for the server.")
@click.pass_obj
def add_channel(state: State, kind: str, **options) -> None:
    """Add a channel of KIND; every alert fired from now on is delivered to it.

    \b
    Example:
      tracker alerts channel add digest --path ~/alerts.md
      TRACKER_SMTP_PASSWORD=... tracker alerts channel add email --to me@example.org \\
          --smtp-host smtp.example.org --smtp-port 587 --user me
    """
    from tracker.alerts import RuleError, repository
    from tracker.alerts.channels import make_channel

    options["format"] = options.pop("fmt")
    used = {"digest": {"path", "format"}, "webhook": {"url", "timeout"},
            "email": {"to", "sender", "smtp_host", "smtp_port", "security", "username", "password_env", "timeout"}}[kind]
    try:
        made = make_channel(kind, {k: v for k, v in options.items() if k in used})
    except RuleError as exc:
        raise _fail(exc) from None
    click.echo(f"channel {repository.add_channel(state.store.engine, made)}: {made.describe()}")


@channel.command("list", short_help="The channels.")
@click.pass_obj
def list_channels(state: State) -> None:
    """The channels with their ids (for `tracker alerts channel remove`)."""
    from tracker.alerts import repository

    _print_channels(make_console(), repository.channels(state.store.engine))


@channel.command("remove", short_help="Remove a channel and its pending deliveries.")
@click.argument("channel_id", type=int)
@click.pass_obj
def remove_channel(state: State, channel_id: int) -> None:
    """Remove the channel CHANNEL_ID; the deliveries still pending to it are dropped with it."""
    from tracker.alerts import repository

    if not repository.remove_channel(state.store.engine, channel_id):
        raise click.ClickException(f"there is no channel {channel_id}; `tracker alerts channel list` shows them")
    click.echo(f"channel {channel_id} removed")


alerts.add_command(channel)


def check_after_ingest(store) -> None:
    """The alert check every ingest ends with: silent when nothing fired or was due; a failure is
    reported, not fatal (the articles are stored; the next check tries again)."""
    from tracker.alerts import check_alerts

    try:
        report = check_alerts(store)
    except Exception as exc:  # noqa: BLE001 -- the ingest itself succeeded
        click.echo(f"checking the alerts failed ({type(exc).__name__}: {exc}); `tracker alerts check` tries again",
                   err=True)
        return
    print_check(report, quiet_when_idle=True)
