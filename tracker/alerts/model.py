"""The alert records: a Rule (what to watch), a Channel (where to say it), an Alert (a rule that
fired for one pair and period, with the sentences behind it).

A rule is data: one condition (``level_above = 4``, ``change_below = -2``, ``volume_above = 3``)
on a pair or every pair ("*"), at a granularity, with a minimum of evidence. The same keys serve
the rules file (rulefile.py) and the command line (``tracker alerts add --level-above 4``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from tracker.periods import FREQS, UNITS, period_start, previous_period
from tracker.records import SCORE_MAX, SCORE_MIN

EVERY_PAIR = "*"
# The condition keys of a rule: (kind, direction). A change is this period's level minus the
# previous period's; a volume is the period's observations over the median of the periods before.
CONDITIONS = {
    "level_above": ("level", "above"),
    "level_below": ("level", "below"),
    "change_above": ("change", "above"),
    "change_below": ("change", "below"),
    "volume_above": ("volume", "above"),
}
DEFAULT_FREQ = "W"
DEFAULT_BASELINE = 8  # volume: the median of this many previous periods
MAX_BASELINE = 366


class RuleError(ValueError):
    """A rule (or channel) that cannot be used; the message says which value and why."""


@dataclass(frozen=True)
class Rule:
    pair: str  # "RUS-USA", or "*" for every pair
    kind: str  # level, change, volume
    direction: str  # above, below
    threshold: float
    freq: str = DEFAULT_FREQ
    min_articles: int = 1
    min_observations: int = 1
    baseline: int = DEFAULT_BASELINE
    since: date | None = None  # the first period looked at (a period start); None until stored
    name: str = ""
    id: int | None = None

    @property
    def condition(self) -> str:
        return f"{self.kind}_{self.direction}"

    def describe(self) -> str:
        """The rule in words: 'RUS-USA weekly level above 4 (at least 2 articles, 1 observation)'."""
        unit = {"D": "daily", "W": "weekly", "M": "monthly"}[self.freq]
        pair = "every pair" if self.pair == EVERY_PAIR else self.pair
        if self.kind == "volume":
            what = f"volume above {self.threshold:g} times the median of the previous {self.baseline} {UNITS[self.freq]}s"
        else:
            what = f"{self.kind} {self.direction} {self.threshold:+g}" if self.kind == "change" else \
                f"level {self.direction} {self.threshold:g}"
        evidence = f"at least {_count(self.min_articles, 'article')}, {_count(self.min_observations, 'observation')}"
        named = f"{self.name}: " if self.name else ""
        return f"{named}{pair} {unit} {what} ({evidence})"

    def to_dict(self) -> dict[str, Any]:
        """The rule as the rules file writes it (no id: ids belong to one database)."""
        out: dict[str, Any] = {"pair": self.pair, self.condition: self.threshold, "freq": self.freq,
                               "min_articles": self.min_articles, "min_observations": self.min_observations}
        if self.kind == "volume":
            out["baseline"] = self.baseline
        if self.since is not None:
            out["since"] = self.since
        if self.name:
            out["name"] = self.name
        return out


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


RULE_KEYS = {"pair", "freq", "min_articles", "min_observations", "baseline", "since", "name", *CONDITIONS}


def rule_from_dict(values: dict[str, Any], *, today: date | None = None) -> Rule:
    """A checked Rule from the rules file's keys (or the command line's); RuleError says what is wrong."""
    unknown = sorted(set(values) - RULE_KEYS)
    if unknown:
        raise RuleError(f"unknown key{'s' * (len(unknown) > 1)} {', '.join(unknown)}; a rule takes "
                        f"{', '.join(sorted(RULE_KEYS))}")
    conditions = [k for k in CONDITIONS if values.get(k) is not None]
    if len(conditions) != 1:
        raise RuleError(f"a rule needs exactly one condition among {', '.join(CONDITIONS)}"
                        + (f" (got {', '.join(conditions)})" if conditions else ""))
    kind, direction = CONDITIONS[conditions[0]]
    rule = Rule(
        pair=_pair(values.get("pair")),
        kind=kind,
        direction=direction,
        threshold=_number(values[conditions[0]], conditions[0]),
        freq=str(values.get("freq") or DEFAULT_FREQ).upper(),
        min_articles=_whole(values.get("min_articles", 1), "min_articles", 1),
        min_observations=_whole(values.get("min_observations", 1), "min_observations", 1),
        baseline=_whole(values.get("baseline", DEFAULT_BASELINE), "baseline", 1, MAX_BASELINE),
        since=_date(values.get("since")),
        name=str(values.get("name") or "").strip(),
    )
    return check_rule(rule, today=today)


def check_rule(rule: Rule, *, today: date | None = None) -> Rule:
    """The rule with its `since` set to a period start (default: the previous period's, so an
    article about yesterday still counts on a Monday); RuleError for a value it cannot use."""
    if rule.freq not in FREQS:
        raise RuleError(f"unknown granularity {rule.freq!r}; use D (day), W (week) or M (month)")
    if rule.kind == "level" and not SCORE_MIN <= rule.threshold <= SCORE_MAX:
        raise RuleError(f"a level threshold is on the score's scale, {SCORE_MIN:g} to {SCORE_MAX:g}, not {rule.threshold:g}")
    if rule.kind == "volume" and rule.threshold <= 0:
        raise RuleError(f"a volume threshold is a factor above 0 (3 = three times the usual), not {rule.threshold:g}")
    since = rule.since or previous_period(period_start(today or date.today(), rule.freq), rule.freq)
    return replace(rule, since=period_start(since, rule.freq))


def _pair(value: Any) -> str:
    text = str(value or "").strip()
    if text == EVERY_PAIR:
        return EVERY_PAIR
    if not text:
        raise RuleError("a rule needs a pair: ISO codes like RUS-USA, or * for every pair")
    from tracker.scorer.countries import parse_pair

    try:
        a, b = parse_pair(text)
    except ValueError as exc:
        raise RuleError(str(exc)) from None
    return f"{a}-{b}"


def _number(value: Any, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise RuleError(f"{key} is a number, not {value!r}")
    try:
        number = float(value)
    except ValueError:
        raise RuleError(f"{key} is a number, not {value!r}") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise RuleError(f"{key} is a finite number, not {value!r}")
    return number


def _whole(value: Any, key: str, low: int, high: int = 1_000_000) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).strip().lstrip("-").isdigit():
        raise RuleError(f"{key} is a whole number, not {value!r}")
    number = int(value)
    if not low <= number <= high:
        raise RuleError(f"{key} is between {low} and {high}, not {number}")
    return number


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise RuleError(f"since is a date like 2024-05-13, not {value!r}") from None


@dataclass(frozen=True)
class Channel:
    """Where alerts go: kind digest (path, format), email (to, smtp_host, ...), webhook (url, timeout)."""

    kind: str
    settings: dict[str, Any]
    id: int | None = None

    def describe(self) -> str:
        s = self.settings
        if self.kind == "digest":
            return f"digest file {s['path']} ({s['format']})"
        if self.kind == "email":
            auth = f", user {s['username']} (password from ${s['password_env']})" if s.get("username") else ""
            return (f"e-mail to {', '.join(s['to'])} via {s['smtp_host']}:{s['smtp_port']} "
                    f"({s['security']}{auth})")
        return f"webhook POST {s['url']} (timeout {s['timeout']:g} s)"


@dataclass(frozen=True)
class AlertSentence:
    """One of the strongest observations of the alert's period, copied when the alert fired."""

    rank: int
    event_date: date
    score: float
    sentence: str
    observation_id: int | None = None
    article_id: int | None = None
    sentence_idx: int | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Alert:
    """A rule that fired for one pair and period: the numbers compared and the sentences behind them."""

    uid: str
    rule_id: int | None
    rule: str  # Rule.describe() when it fired
    pair: str
    freq: str
    period: date
    value: float  # what was compared with the threshold
    tension: float
    previous: float | None  # the previous level (change) or the baseline median (volume)
    n_articles: int
    n_obs: int
    message: str
    fired_at: datetime
    sentences: tuple[AlertSentence, ...] = field(default=())
    id: int | None = None
