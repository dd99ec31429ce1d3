"""The response window: N UK working days, weekends and the nation's bank holidays excluded.

A request received on any day (working or not) is due by the end of the Nth working day after
the day it was received, in Europe/London time. Received on Monday with a 5-day window: due
at the end of the following Monday. Received on a Saturday: due at the end of Friday.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from service.settings import Nation

LONDON = ZoneInfo("Europe/London")

_SUBDIVISION = {
    # holidays.UK follows the nations' own calendars; Wales shares England's.
    Nation.ENGLAND_AND_WALES: "ENG",
    Nation.SCOTLAND: "SCT",
    Nation.NORTHERN_IRELAND: "NIR",
}


@lru_cache(maxsize=8)
def _bank_holidays(nation: Nation) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv=_SUBDIVISION[nation])


def is_working_day(day: date, nation: Nation) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(nation)


def add_working_days(start: date, days: int, nation: Nation) -> date:
    """The date that is ``days`` working days after ``start`` (``start`` itself not counted)."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current, nation):
            remaining -= 1
    return current


def due_at(received: datetime, window_days: int, nation: Nation) -> datetime:
    """When a request received at ``received`` (timezone-aware) must be answered, in UTC."""
    received_day = received.astimezone(LONDON).date()
    due_day = add_working_days(received_day, window_days, nation)
    # The last moment of the due day in London, whatever the offset (GMT or BST) that day.
    end_of_day = datetime.combine(due_day + timedelta(days=1), time(0), tzinfo=LONDON)
    return (end_of_day - timedelta(microseconds=1)).astimezone(UTC)


def working_days_left(now: datetime, due: datetime, nation: Nation) -> int:
    """Whole working days from today (London) to the due day; negative when overdue."""
    today = now.astimezone(LONDON).date()
    due_day = due.astimezone(LONDON).date()
    if due_day >= today:
        sign, first, last = 1, today, due_day
    else:
        sign, first, last = -1, due_day, today
    count = 0
    current = first
    while current < last:
        current += timedelta(days=1)
        if is_working_day(current, nation):
            count += 1
    return sign * count
