"""The units an indicator can have, and what each allows."""

from __future__ import annotations

import calendar
import re

from kanaalstats.domain.choices import DaysBasis

FLOW = "flow"
FLOW_MILLIONS = "flow_millions"
STOCK = "stock"
STOCK_MILLIONS = "stock_millions"
PERCENT = "percent"
SCORE = "score"

UNITS = (FLOW, FLOW_MILLIONS, STOCK, STOCK_MILLIONS, PERCENT, SCORE)
# Events counted over a year: only these have a meaningful average per day.
FLOW_UNITS = frozenset({FLOW, FLOW_MILLIONS})
# Counts of things (events or a level), which can be summed, divided and shared.
COUNT_UNITS = frozenset({FLOW, FLOW_MILLIONS, STOCK, STOCK_MILLIONS})
SCALE = {FLOW_MILLIONS: 1_000_000.0, STOCK_MILLIONS: 1_000_000.0}

_MILLIONS = re.compile(r"\((in )?(miljoenen|millions|x ?1 ?mln\.?|x ?1\.000\.000)\)", re.IGNORECASE)
_PERCENT_LABEL = re.compile(r"^%|\((in )?%\)|\bpercentage\b", re.IGNORECASE)
_SCORE_LABEL = re.compile(r"\b(rapportcijfer|cijfer|score|index|mark)\b", re.IGNORECASE)
_STOCK_LABEL = re.compile(
    r"^(totaal )?(aantal )?(inwoners|bewoners|volgers|leden|followers|residents|members)\b"
    r"|\b(volgers|followers)\b|\b(op|per|on) 1 (januari|january)\b",
    re.IGNORECASE,
)


def scale(unit: str) -> float:
    """Factor from the published value to units (millions → units)."""
    return SCALE.get(unit, 1.0)


def infer_unit(label: str, has_percent_sign: bool) -> str:
    """Guess a published row's unit from its label and cells; `--unit` overrides the guess."""
    millions = bool(_MILLIONS.search(label))
    if has_percent_sign or _PERCENT_LABEL.search(label):
        return PERCENT
    if _SCORE_LABEL.search(label):
        return SCORE
    stock = bool(_STOCK_LABEL.search(label))
    if millions:
        return STOCK_MILLIONS if stock else FLOW_MILLIONS
    return STOCK if stock else FLOW


def strip_unit_words(label: str) -> str:
    """The label without its unit phrase, as a base for an id."""
    return _MILLIONS.sub("", label).strip()


def days_in_year(year: int, basis: DaysBasis) -> int:
    """The days a per-day average divides by: the calendar's (366 in leap years), 365, or
    the working days (Monday to Friday without Dutch public holidays)."""
    if basis is DaysBasis.WORKING:
        from kanaalstats.domain.workdays import working_days

        return working_days(year)
    if basis is DaysBasis.FIXED_365:
        return 365
    return 366 if calendar.isleap(year) else 365
