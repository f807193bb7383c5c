"""The words the dashboard shows for counts, periods and dates, in one place so every page says them alike.

The interface is English; the "Names" choice switches country names only (dashboard.state). Dates
read as a person writes them ("April 2017", "week of 10 April 2017"), not as a database stores them.
"""

from __future__ import annotations

from datetime import date

# A period's name in Plotly's (d3) date format, for hover labels: the same words as period_name.
PLOTLY_PERIOD_NAMES = {"D": "%{x|%-d %B %Y}", "W": "Week of %{x|%-d %B %Y}", "M": "%{x|%B %Y}"}
FREQ_ADJECTIVES = {"D": "daily", "W": "weekly", "M": "monthly"}
FREQ_NOUNS = {"D": "day", "W": "week", "M": "month"}
# What an event date's precision says about it (tracker.records.PRECISIONS), for a card's date line.
PRECISION_WORDS = {"day": "", "week": "within that week", "month": "month only", "year": "year only"}


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 article', '3 articles', '1,200 observations'."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def day_name(day: date) -> str:
    """'12 April 2017'."""
    return f"{day.day} {day:%B %Y}"


def short_day(day: date) -> str:
    """'12 Apr 2017' (the date picker's format, D MMM YYYY)."""
    return f"{day.day} {day:%b %Y}"


def period_name(start: date, freq: str) -> str:
    """'April 2017' (month), 'week of 10 April 2017', '12 April 2017' (day)."""
    if freq == "M":
        return f"{start:%B %Y}"
    return ("week of " if freq == "W" else "") + day_name(start)


def empty_periods(n: int, freq: str) -> str:
    """'1 empty month', '94 empty weeks'."""
    return plural(n, f"empty {FREQ_NOUNS[freq]}")
