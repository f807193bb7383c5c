"""The one calendar: where a day's period starts and ends, for days, weeks, months, quarters, years."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.periods import period_end, period_range, period_start, previous_period, starts_between
from tracker.store.queries import FAR_FUTURE, FAR_PAST, split_range


@pytest.mark.parametrize("unit,start,end", [
    ("D", date(2024, 2, 29), date(2024, 2, 29)),
    ("W", date(2024, 2, 26), date(2024, 3, 3)),  # Monday to Sunday, across a month's end
    ("M", date(2024, 2, 1), date(2024, 2, 29)),
    ("Q", date(2024, 1, 1), date(2024, 3, 31)),
    ("Y", date(2024, 1, 1), date(2024, 12, 31)),
])
def test_every_day_of_a_period_starts_and_ends_it(unit, start, end):
    assert period_range(date(2024, 2, 29), unit) == (start, end)
    assert period_start(start, unit) == period_start(end, unit) == start
    assert period_end(start, unit) == end


def test_quarters_and_years_around_the_new_year():
    assert period_range(date(2023, 11, 15), "Q") == (date(2023, 10, 1), date(2023, 12, 31))
    assert previous_period(date(2024, 1, 1), "Q") == date(2023, 10, 1)
    assert previous_period(date(2024, 1, 1), "Y") == date(2023, 1, 1)
    assert starts_between(date(2023, 11, 20), date(2024, 4, 2), "Q") == [
        date(2024, 4, 1), date(2024, 1, 1), date(2023, 10, 1)]


def test_a_range_splits_into_whole_periods_and_the_periods_it_cuts():
    # Wednesday 16 March to Tuesday 12 April 2022, by weeks: two cut weeks around three whole ones.
    assert split_range(date(2022, 3, 16), date(2022, 4, 12), "W") == (
        (date(2022, 3, 21), date(2022, 4, 4)),
        [(date(2022, 3, 14), date(2022, 3, 16), date(2022, 3, 20)),
         (date(2022, 4, 11), date(2022, 4, 11), date(2022, 4, 12))],
    )
    # By months: no whole month, two cut ones.
    assert split_range(date(2022, 3, 16), date(2022, 4, 12), "M") == (
        None,
        [(date(2022, 3, 1), date(2022, 3, 16), date(2022, 3, 31)),
         (date(2022, 4, 1), date(2022, 4, 1), date(2022, 4, 12))],
    )
    # Inside one month: one cut period, named once.
    assert split_range(date(2022, 5, 3), date(2022, 5, 20), "M") == (
        None, [(date(2022, 5, 1), date(2022, 5, 3), date(2022, 5, 20))])
    assert split_range(None, None, "D") == ((FAR_PAST, FAR_FUTURE), [])


def test_an_unknown_period_is_refused_naming_the_known_ones():
    with pytest.raises(ValueError, match="use D .day., W .week., M .month., Q .quarter. or Y .year."):
        period_start(date(2024, 1, 1), "H")
