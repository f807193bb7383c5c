"""The rules file: rules and channels as TOML (or JSON), to keep them in version control, share them
and load them into another database (`tracker alerts add --from`, `tracker alerts export`).

    [[rule]]
    pair = "RUS-USA"
    level_above = 4.0
    freq = "W"
    min_articles = 2

    [[channel]]
    kind = "webhook"
    url = "https://hooks.example.org/tension"

Keys are those of model.rule_from_dict and channels.make_channel. No password is ever in it: an
e-mail channel names the environment variable that holds its password.
"""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w

from tracker.alerts.channels import make_channel
from tracker.alerts.model import Channel, Rule, RuleError, rule_from_dict


def load(path: Path, *, today: date | None = None) -> tuple[list[Rule], list[Channel]]:
    """Every rule and channel of the file, checked; RuleError names the entry that is wrong."""
    try:
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw) if path.suffix.lower() == ".json" else tomllib.loads(raw)
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read {path}: {exc}") from None
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RuleError(f"{path} is not valid {'JSON' if path.suffix.lower() == '.json' else 'TOML'}: {exc}") from None
    if not isinstance(data, dict) or set(data) - {"rule", "channel"}:
        raise RuleError(f"{path} holds [[rule]] and [[channel]] entries only")
    rules, channels = [], []
    for n, entry in enumerate(_entries(data, "rule", path), start=1):
        try:
            rules.append(rule_from_dict(entry, today=today))
        except RuleError as exc:
            raise RuleError(f"{path}, rule {n}: {exc}") from None
    for n, entry in enumerate(_entries(data, "channel", path), start=1):
        try:
            channels.append(make_channel(str(entry.get("kind", "")), {k: v for k, v in entry.items() if k != "kind"}))
        except RuleError as exc:
            raise RuleError(f"{path}, channel {n}: {exc}") from None
    return rules, channels


def _entries(data: dict[str, Any], key: str, path: Path) -> list[dict[str, Any]]:
    entries = data.get(key, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise RuleError(f"{path}: {key} entries are tables ([[{key}]] in TOML, a list of objects in JSON)")
    return entries


def dump(path: Path, rules: list[Rule], channels: list[Channel]) -> None:
    """Write the rules and channels to a TOML file (JSON when the name ends in .json)."""
    data: dict[str, Any] = {"rule": [r.to_dict() for r in rules],
                            "channel": [{"kind": c.kind, **c.settings} for c in channels]}
    if path.suffix.lower() == ".json":
        for rule in data["rule"]:
            if "since" in rule:
                rule["since"] = rule["since"].isoformat()
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        path.write_text(tomli_w.dumps(data), encoding="utf-8")
