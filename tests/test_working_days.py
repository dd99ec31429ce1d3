from datetime import UTC, date, datetime

import pytest

from service.settings import Nation
from service.working_days import LONDON, add_working_days, due_at, working_days_left

EW = Nation.ENGLAND_AND_WALES


def london(year: int, month: int, day: int, hour: int = 12) -> datetime:
    return datetime(year, month, day, hour, tzinfo=LONDON)


def due_date(received: datetime, days: int = 5, nation: Nation = EW) -> date:
    return due_at(received, days, nation).astimezone(LONDON).date()


def test_plain_week_monday_is_due_next_monday() -> None:
    assert due_date(london(2026, 11, 16)) == date(2026, 11, 23)


def test_weekend_request_counts_from_monday() -> None:
    assert due_date(london(2026, 11, 21)) == date(2026, 11, 27)  # Saturday → Friday


def test_christmas_and_boxing_day_substitute_are_skipped() -> None:
    # Wed 23 Dec 2026: Thu 24 (1); Fri 25 Christmas; Mon 28 Boxing Day (substitute);
    # Tue 29 (2), Wed 30 (3), Thu 31 (4); Fri 1 Jan New Year; Mon 4 Jan (5).
    assert due_date(london(2026, 12, 23)) == date(2027, 1, 4)


def test_scotland_also_skips_2_january() -> None:
    # 2027: Sat 2 Jan is Scotland's second holiday, observed Mon 4 Jan.
    assert due_date(london(2026, 12, 31), nation=Nation.SCOTLAND) == date(2027, 1, 11)
    assert due_date(london(2026, 12, 31), nation=EW) == date(2027, 1, 8)


def test_easter_monday_is_a_holiday_in_england_not_scotland() -> None:
    # Thu 2 Apr 2026; Good Friday 3 Apr everywhere; Easter Monday 6 Apr not in Scotland.
    assert due_date(london(2026, 4, 2), nation=EW) == date(2026, 4, 13)
    assert due_date(london(2026, 4, 2), nation=Nation.SCOTLAND) == date(2026, 4, 10)


def test_st_andrews_day_is_scottish_only() -> None:
    # Fri 27 Nov 2026; Mon 30 Nov is St Andrew's Day in Scotland only.
    assert due_date(london(2026, 11, 27), days=1, nation=EW) == date(2026, 11, 30)
    assert due_date(london(2026, 11, 27), days=1, nation=Nation.SCOTLAND) == date(2026, 12, 1)


def test_due_is_end_of_day_in_london_across_clock_change() -> None:
    due = due_at(london(2026, 10, 22), 3, EW)  # clocks go back on Sun 25 Oct 2026
    local = due.astimezone(LONDON)
    assert (local.date(), local.hour, local.minute) == (date(2026, 10, 27), 23, 59)
    assert due.tzinfo is UTC


def test_late_evening_utc_is_already_the_next_day_in_summer() -> None:
    # 23:30 UTC on Fri 12 June 2026 is 00:30 BST on Saturday: the weekend rule applies.
    received = datetime(2026, 6, 12, 23, 30, tzinfo=UTC)
    assert due_date(received, days=1) == date(2026, 6, 15)


@pytest.mark.parametrize(
    ("today", "expected"),
    [(date(2026, 11, 23), 5), (date(2026, 11, 30), 0), (date(2026, 12, 2), -2)],
)
def test_working_days_left(today: date, expected: int) -> None:
    due = due_at(london(2026, 11, 23), 5, EW)  # due Mon 30 Nov
    now = datetime(today.year, today.month, today.day, 9, tzinfo=LONDON)
    assert working_days_left(now, due, EW) == expected


def test_add_zero_working_days_is_the_same_day() -> None:
    assert add_working_days(date(2026, 12, 25), 0, EW) == date(2026, 12, 25)
