"""Working days (工作日) on the official calendar, make-up working days (调休) included.

Deadlines "within N working days" of an event count from the day after it: the deadline is
the N-th working day after the event, and a reply on that day is in time. Weekends are
rest days unless the State Council's holiday arrangement makes them working days, and
statutory holidays are rest days.

The default calendar reads the ``chinesecalendar`` package, which holds the published
arrangements (from 2004). A date in a year it does not cover raises `CalendarRangeError`;
rules turn that into ``not_checked``, never a verdict. The calendar is pluggable: any object
with ``is_working_day(day)`` and ``years`` works.

>>> from datetime import date
>>> add_working_days(date(2025, 9, 30), 1)   # 1-8 October are the National Day holiday
datetime.date(2025, 10, 9)
>>> default_calendar().is_working_day(date(2025, 9, 28))   # a make-up Sunday
True

Known limitations: an arrangement published after the installed ``chinesecalendar``
release is unknown until that package is upgraded; regional holidays (such as Tibet's
Losar and Shoton festival days) are not in the national calendar.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import Protocol

import chinese_calendar

from azx_core.errors import AzxError

__all__ = [
    "CalendarRangeError",
    "OfficialCalendar",
    "WorkingDayCalendar",
    "add_working_days",
    "default_calendar",
]


class CalendarRangeError(AzxError):
    """A date lies in a year the working-day calendar does not cover."""


class WorkingDayCalendar(Protocol):
    """What a working-day calendar must offer."""

    @property
    def years(self) -> range:
        """The years the calendar covers."""
        ...

    def is_working_day(self, day: date) -> bool:
        """Return whether `day` is a working day; raise CalendarRangeError outside `years`."""
        ...


class OfficialCalendar:
    """The national calendar of the ``chinesecalendar`` package."""

    def __init__(self) -> None:
        known = sorted(chinese_calendar.holidays) + sorted(chinese_calendar.workdays)
        self._years = range(min(known).year, max(known).year + 1)

    @property
    def years(self) -> range:
        """The years whose holiday arrangement is known."""
        return self._years

    def is_working_day(self, day: date) -> bool:
        """Return whether `day` is a working day."""
        if day.year not in self._years:
            raise CalendarRangeError(
                f"the working-day calendar covers {self._years.start}-{self._years.stop - 1},"
                f" not {day.year}"
            )
        return bool(chinese_calendar.is_workday(day))


@functools.cache
def default_calendar() -> OfficialCalendar:
    """Return the shared official calendar."""
    return OfficialCalendar()


def add_working_days(start: date, count: int, calendar: WorkingDayCalendar | None = None) -> date:
    """Return the `count`-th working day after `start` (the day itself is not counted).

    Raises:
        CalendarRangeError: the count runs through a year the calendar does not cover.
    """
    cal = calendar or default_calendar()
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if cal.is_working_day(day):
            remaining -= 1
    return day
