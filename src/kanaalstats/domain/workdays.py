"""Working days in the Netherlands: Monday to Friday without the national public holidays.

The holidays are computed, never listed by year: the moveable feasts hang on Easter (the
Gregorian computus), King's Day moves off a Sunday, Liberation Day is a day off in lustrum
years (2015, 2020, …), as most collective agreements give it.
"""

from __future__ import annotations

import datetime
from functools import lru_cache


def easter(year: int) -> datetime.date:
    """Easter Sunday of a Gregorian year (the anonymous computus of Meeus, Jones, Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _kings_day(year: int) -> datetime.date:
    # Queen's Day (30 April) until 2013, King's Day (27 April) since; a Sunday moves it to
    # the Saturday before.
    day = datetime.date(year, 4, 27 if year >= 2014 else 30)
    return day - datetime.timedelta(days=1) if day.weekday() == 6 else day


def public_holidays(year: int) -> list[datetime.date]:
    """The Dutch national public holidays of a year that are days off."""
    sunday = easter(year)
    days = [
        datetime.date(year, 1, 1),  # Nieuwjaarsdag
        sunday,  # Eerste Paasdag
        sunday + datetime.timedelta(days=1),  # Tweede Paasdag
        _kings_day(year),
        sunday + datetime.timedelta(days=39),  # Hemelvaartsdag
        sunday + datetime.timedelta(days=49),  # Eerste Pinksterdag
        sunday + datetime.timedelta(days=50),  # Tweede Pinksterdag
        datetime.date(year, 12, 25),  # Eerste Kerstdag
        datetime.date(year, 12, 26),  # Tweede Kerstdag
    ]
    if year % 5 == 0:
        days.append(datetime.date(year, 5, 5))  # Bevrijdingsdag
    return sorted(days)


@lru_cache(maxsize=256)
def working_days(year: int) -> int:
    """Monday to Friday in `year`, less the public holidays that fall on one of them."""
    first = datetime.date(year, 1, 1)
    length = (datetime.date(year + 1, 1, 1) - first).days
    weekdays = sum((first + datetime.timedelta(days=n)).weekday() < 5 for n in range(length))
    return weekdays - sum(day.weekday() < 5 for day in public_holidays(year))
