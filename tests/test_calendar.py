"""Tests of the working-day calendar: holidays, make-up working days, its range, plugging."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from azx_core import Validator
from azx_core.errors import AzxError
from azx_core.params import (
    CalendarRangeError,
    OfficialCalendar,
    add_working_days,
    default_calendar,
)

CALENDAR = default_calendar()


class WeekdaysOnly:
    """A fake calendar of 2020-2030 where Monday to Friday work and nothing else does."""

    def __init__(self) -> None:
        self.asked: list[date] = []

    @property
    def years(self) -> range:
        return range(2020, 2031)

    def is_working_day(self, day: date) -> bool:
        self.asked.append(day)
        if day.year not in self.years:
            raise CalendarRangeError(f"{day.year} is not covered")
        return day.weekday() < 5


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 1, 26),  # Sunday before the Spring Festival
        date(2025, 2, 8),  # Saturday after it
        date(2025, 4, 27),  # Sunday before Labour Day
        date(2025, 9, 28),  # Sunday before National Day
        date(2025, 10, 11),  # Saturday after it
        date(2024, 2, 4),  # Sunday before the 2024 Spring Festival
    ],
)
def test_make_up_weekend_days_are_working_days(day: date) -> None:
    assert day.weekday() >= 5
    assert CALENDAR.is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 1, 1),  # New Year's Day
        date(2025, 1, 29),  # Spring Festival
        date(2025, 4, 4),  # Qingming
        date(2025, 5, 1),  # Labour Day
        date(2025, 5, 5),  # Labour Day holiday, a Monday
        date(2025, 10, 1),  # National Day
        date(2025, 10, 8),  # last day of the National Day holiday, a Wednesday
    ],
)
def test_statutory_holidays_are_rest_days(day: date) -> None:
    assert not CALENDAR.is_working_day(day)


def test_ordinary_weekdays_work_and_ordinary_weekends_rest() -> None:
    assert CALENDAR.is_working_day(date(2025, 7, 9))  # a Wednesday
    assert not CALENDAR.is_working_day(date(2025, 7, 12))  # a Saturday
    assert not CALENDAR.is_working_day(date(2025, 7, 13))  # a Sunday


def test_counting_starts_the_day_after_the_event() -> None:
    # Monday 2025-07-07: the first working day after it is Tuesday.
    assert add_working_days(date(2025, 7, 7), 1) == date(2025, 7, 8)


def test_counting_skips_the_weekend() -> None:
    assert add_working_days(date(2025, 7, 11), 1) == date(2025, 7, 14)


def test_counting_skips_the_national_day_holiday() -> None:
    assert add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)


def test_counting_includes_a_make_up_sunday() -> None:
    # Friday 2025-01-24, then Saturday rest, then the make-up Sunday 2025-01-26.
    assert add_working_days(date(2025, 1, 24), 1) == date(2025, 1, 26)


def test_ten_working_days_across_a_normal_fortnight() -> None:
    assert add_working_days(date(2025, 8, 4), 10) == date(2025, 8, 18)


def test_ten_working_days_across_the_national_day_holiday() -> None:
    # 9-30 is followed by eight rest days and the make-up Saturday 10-11.
    assert add_working_days(date(2025, 9, 26), 10) == date(2025, 10, 16)


def test_zero_working_days_is_the_day_itself() -> None:
    assert add_working_days(date(2025, 10, 1), 0) == date(2025, 10, 1)


def test_official_calendar_covers_2004_up_to_its_last_published_year() -> None:
    years = CALENDAR.years

    assert years.start == 2004
    assert 2025 in years


@pytest.mark.parametrize("year", [2003, 1990])
def test_date_before_the_calendar_raises_range_error(year: int) -> None:
    with pytest.raises(CalendarRangeError, match=str(year)):
        CALENDAR.is_working_day(date(year, 6, 2))


def test_date_after_the_calendar_raises_range_error() -> None:
    uncovered = date(CALENDAR.years.stop, 6, 2)

    with pytest.raises(CalendarRangeError):
        CALENDAR.is_working_day(uncovered)


def test_counting_into_an_uncovered_year_raises_range_error() -> None:
    last_day = date(CALENDAR.years.stop - 1, 12, 31)

    with pytest.raises(CalendarRangeError):
        add_working_days(last_day, 1)


def test_range_error_is_a_library_error() -> None:
    assert issubclass(CalendarRangeError, AzxError)


def test_default_calendar_is_shared() -> None:
    assert default_calendar() is default_calendar()
    assert isinstance(default_calendar(), OfficialCalendar)


def test_fake_calendar_is_used_for_counting() -> None:
    fake = WeekdaysOnly()

    # 2025-10-01 is a holiday officially, but a working Wednesday for the fake.
    assert add_working_days(date(2025, 9, 30), 1, fake) == date(2025, 10, 1)
    assert fake.asked == [date(2025, 10, 1)]


def test_fake_calendar_counts_only_its_working_days() -> None:
    fake = WeekdaysOnly()
    friday = date(2025, 10, 3)

    assert add_working_days(friday, 5, fake) == friday + timedelta(days=7)


def test_fake_calendar_range_error_propagates() -> None:
    with pytest.raises(CalendarRangeError):
        add_working_days(date(2030, 12, 30), 5, WeekdaysOnly())


def test_validator_takes_a_pluggable_calendar() -> None:
    fake = WeekdaysOnly()

    assert Validator("national", calendar=fake).engine.calendar is fake
    assert Validator("national").engine.calendar is default_calendar()
