"""`tracker users`: who may sign in to the dashboard, and when `tracker serve` asks for a login.

The dashboard asks for a login when it is served beyond this machine (any --host but a loopback
address) or when told `--auth`; 127.0.0.1 stays without one unless told. Serving beyond this
machine with no user refuses to start, unless told `--no-auth`, which says loudly what it opens.
"""

from __future__ import annotations

import ipaddress
import sys
from typing import TYPE_CHECKING

import click
from rich.markup import escape
from rich.table import Table

from tracker.cli.group import TrackerGroup
from tracker.cli.options import make_console

if TYPE_CHECKING:
    from tracker.cli.group import State
    from tracker.store import Store

password_stdin_option = click.option(
    "--password-stdin", is_flag=True,
    help="Read the password from the first line of standard input (for scripts) instead of asking for it.",
)


def _read_password(from_stdin: bool) -> str:
    """The new password: one line of stdin, or asked twice without echo at a terminal."""
    if from_stdin:
        line = sys.stdin.readline()
        password = line.removesuffix("\n").removesuffix("\r")
        if not password:
            raise click.UsageError("--password-stdin read no password: pipe it in, e.g. `printf '%s\\n' \"$PW\" | ...`")
        return password
    if not sys.stdin.isatty():
        raise click.UsageError("there is no terminal to ask the password on: pass --password-stdin and pipe it in")
    return click.prompt("Password", hide_input=True, confirmation_prompt="Repeat the password")


@click.group(cls=TrackerGroup, short_help="Who may sign in to the dashboard (add, list, remove, passwd).")
def users() -> None:
    """The dashboard's users. `tracker serve` asks them to sign in when it serves beyond this
    machine (--host other than 127.0.0.1) or with --auth.

    \b
    Example:
      tracker users add alice
      tracker users list
      tracker serve --host 0.0.0.0
    """


@users.command(short_help="Add a user (the password is asked twice).")
@click.argument("name")
@password_stdin_option
@click.pass_obj
def add(state: State, name: str, password_stdin: bool) -> None:
    """Add the user NAME; the password (at least 8 characters) is asked twice without echo.

    \b
    Example:
      tracker users add alice
      printf '%s\\n' "$PASSWORD" | tracker users add robot --password-stdin
    """
    from tracker.store.users import add_user, check_name

    check_name(name)  # before asking for a password
    add_user(state.store.engine, name, _read_password(password_stdin))
    click.echo(f"Added the user {name}: they sign in on the dashboard's login page.")


@users.command(name="list", short_help="The users, with when each was added and changed password.")
@click.pass_obj
def list_(state: State) -> None:
    """The users who may sign in to the dashboard.

    \b
    Example:
      tracker users list
    """
    from tracker.store.users import list_users

    found = list_users(state.store.engine)
    if not found:
        click.echo("No users yet: `tracker users add NAME` adds one.")
        return
    table = Table("user", "added (UTC)", "password changed (UTC)")
    for user in found:
        table.add_row(escape(user.name), f"{user.created_at:%Y-%m-%d %H:%M}", f"{user.password_changed_at:%Y-%m-%d %H:%M}")
    make_console().print(table)


@users.command(short_help="Remove a user; their sessions end.")
@click.argument("name")
@click.pass_obj
def remove(state: State, name: str) -> None:
    """Remove the user NAME; a dashboard they are signed in to asks them to sign in again.

    \b
    Example:
      tracker users remove alice
    """
    from tracker.store.users import remove_user

    remove_user(state.store.engine, name)
    click.echo(f"Removed the user {name}.")


@users.command(short_help="Change a user's password; their sessions end.")
@click.argument("name")
@password_stdin_option
@click.pass_obj
def passwd(state: State, name: str, password_stdin: bool) -> None:
    """Change the password of NAME (asked twice without echo); sessions opened with the old one end.

    \b
    Example:
      tracker users passwd alice
    """
    from tracker.store.users import require_user, set_password

    require_user(state.store.engine, name)  # an unknown name is said before asking for a password
    set_password(state.store.engine, name, _read_password(password_stdin))
    click.echo(f"Changed the password of {name}; their open sessions end.")


# ----------------------------------------------------------------------- tracker serve's login


def is_loopback(host: str) -> bool:
    """127.0.0.1, ::1, localhost: reachable from this machine only. Any other name counts as the network."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve_login(store: Store, host: str, auth: bool | None) -> bool:
    """Whether `tracker serve --host HOST` asks for a login (auth: --auth True, --no-auth False, None
    unsaid); refuses to start one that would ask with no user to sign in, or open the network unasked."""
    from tracker.store.users import count_users

    beyond = not is_loopback(host)
    n_users = count_users(store.engine)
    if auth is False:
        if beyond:
            warning = (f"WARNING: --no-auth: the dashboard on {host} asks for no login; anyone who reaches "
                       "the port can read every article, export, and upload files into the drop folder")
            click.secho(warning, err=True, fg="red", bold=True)
        return False
    if not (beyond or auth):
        if n_users:
            click.echo(f"The dashboard on {host} asks for no login ({n_users} user(s) exist): pass --auth to "
                       "ask for one, e.g. behind a reverse proxy.", err=True)
        return False
    if not n_users:
        why = f"serving on {host} opens the dashboard to the network" if beyond else "--auth asks for a login"
        raise click.ClickException(
            f"{why}, and this database has no user to sign in: add one with `tracker users add NAME` "
            "(the password is asked twice), or pass --no-auth to serve without a login (anyone who reaches "
            "the port could read every article and upload files)"
        )
    return True

