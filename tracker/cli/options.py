"""What several commands share: the console they print to, --lexicon, and the PAIR argument."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from tracker.records import make_pair


def make_console() -> Console:
    # highlight=False: rich would otherwise colour numbers and dates at random in our tables.
    return Console(highlight=False)


def load_lexicon_files(files: tuple[str, ...]):
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


def parse_pair_argument(value: str) -> tuple[str, str]:
    from tracker.scorer.countries import parse_pair

    try:
        return make_pair(*parse_pair(value))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="PAIR") from None
