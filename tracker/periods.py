"""Where a day's period starts and ends: the one calendar of the timeline, the matrix and the exports.

A period is a day, a week from Monday, a calendar month, quarter or year. The timeline has days,
weeks and months (the granularities the store keeps aggregates for, see store/schema.py
``period_stats``); the matrix compares months, quarters and years.

Migration 0002's triggers file each observation under its day, week and month in SQL; the tests
check those rows against this module (tests/test_dashboard_data.py).
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

UNITS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
# The timeline's granularities: those kept in period_stats and period_totals.
FREQS = ("D", "W", "M")
# The matrix's spans, by the name the dashboard shows.
SPANS = {"month": "M", "quarter": "Q", "year": "Y"}
MONTHS_IN = {"M": 1, "Q": 3, "Y": 12}


def check_freq(freq: str) -> None:
    """A timeline granularity, or ValueError naming the ones there are."""
    if freq not in FREQS:
        raise ValueError(f"unknown granularity {freq!r}; use D (day), W (week) or M (month)")


def _check_unit(unit: str) -> None:
    if unit not in UNITS:
        raise ValueError(f"unknown period {unit!r}; use D (day), W (week), M (month), Q (quarter) or Y (year)")


def period_start(day: date, unit: str) -> date:
    """The first day of the day's period: the day, the Monday of its week, the 1st of its month,
    quarter or year."""
    _check_unit(unit)
    if unit == "D":
        return day
    if unit == "W":
        return day - timedelta(days=day.weekday())
    month = 1 if unit == "Y" else day.month - (day.month - 1) % MONTHS_IN[unit]
    return date(day.year, month, 1)


def period_end(start: date, unit: str) -> date:
    """The last day of the period that starts on ``start`` (its first day)."""
    _check_unit(unit)
    if unit == "D":
        return start
    if unit == "W":
        return start + timedelta(days=6)
    months = start.year * 12 + start.month - 1 + MONTHS_IN[unit]
    return date(months // 12, months % 12 + 1, 1) - timedelta(days=1)


def period_range(day: date, unit: str) -> tuple[date, date]:
    """First and last day (both included) of the day's period."""
    start = period_start(day, unit)
    return start, period_end(start, unit)


def previous_period(start: date, unit: str) -> date:
    """The start of the period before the one starting on ``start``."""
    return period_start(start - timedelta(days=1), unit)


def period_starts(dates: pd.Series, unit: str) -> pd.Series:
    """period_start of every date of a Series, as Timestamps (each distinct day computed once)."""
    _check_unit(unit)
    days = pd.to_datetime(dates).dt.normalize()
    starts = {day: pd.Timestamp(period_start(day.date(), unit)) for day in days.drop_duplicates()}
    return days.map(starts).astype("datetime64[ns]")


def starts_between(first: date, last: date, unit: str) -> list[date]:
    """The starts of every period overlapping [first, last], the latest first."""
    starts = []
    start = period_start(last, unit)
    while start >= period_start(first, unit):
        starts.append(start)
        start = previous_period(start, unit)
    return starts
