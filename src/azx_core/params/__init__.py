"""Dated legal parameters, profiles and the working-day calendar.

Law changes over time; the rules do not hard-code its numbers. Each parameter is a
timeline of dated values with references, and a profile selects rules and values. See
`azx_core.params.loader` for the file format.
"""

from __future__ import annotations

from azx_core.params.calendar import (
    CalendarRangeError,
    OfficialCalendar,
    WorkingDayCalendar,
    add_working_days,
    default_calendar,
)
from azx_core.params.loader import definitions, load_profile, shipped_profiles
from azx_core.params.profile import (
    ParameterDefinition,
    ParameterValue,
    Profile,
    Reference,
    Timeline,
)

__all__ = [
    "CalendarRangeError",
    "OfficialCalendar",
    "ParameterDefinition",
    "ParameterValue",
    "Profile",
    "Reference",
    "Timeline",
    "WorkingDayCalendar",
    "add_working_days",
    "default_calendar",
    "definitions",
    "load_profile",
    "shipped_profiles",
]
