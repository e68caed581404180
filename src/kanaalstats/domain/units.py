"""The units an indicator can have, and what each allows."""

from __future__ import annotations

import calendar
import re

from kanaalstats.domain.choices import DaysBasis
from kanaalstats.domain.message import Message

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
_PERCENT_LABEL = re.compile(
    r"^%|\((in )?%\)|\b(percentage|procent|aandeel|share|percent)\b", re.IGNORECASE
)
# A mark on a scale, not a count: satisfaction and appreciation (also in compounds such as
# klanttevredenheid), report marks, scores and indices.
_SCORE_LABEL = re.compile(
    r"(tevredenheid|waardering|rapportcijfer|satisfaction|rating)\b"
    r"|\b(gemiddeld )?(cijfer|score|index|indexcijfer|mark)\b"
    r"|\((schaal )?1\s*[-–]\s*(5|10)\)",
    re.IGNORECASE,
)
_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    "|january|february|march|may|june|july|august|october"
)
# A count at a moment: on a date, at the end of a period, or a level ("stand").
_STOCK_MOMENT = re.compile(
    rf"\b(op|per|on|at) (\d{{1,2}} )?({_MONTHS})\b|\bultimo\b|\bstand\b|\bpeildatum\b"
    r"|\b(eind|einde) (van )?(het )?(jaar|kwartaal|maand)\b|\bend of (the )?year\b",
    re.IGNORECASE,
)
# Who or what is counted in a state (unless an event was matched first: "aanvragen van
# werkzoekenden" counts requests): registered, entitled, in a condition. Dutch makes such
# people nouns from a verb's present participle (werkzoekenden, studerenden) or with
# -gerechtigden (uitkeringsgerechtigden), and such labels qualify the holder ("met", "zonder").
_STOCK_STATE = re.compile(
    r"\b(ingeschreven|geregistreerde?|registered|actieve|active)\b"
    r"|\w+(end|gerechtigd)en\b"
    r"|\b(huishoudens|personen|inwoners|bewoners|leerlingen|scholieren|studenten|woningen"
    r"|bedrijven|vestigingen|voertuigen|auto's|leden|volgers|abonnees|households|persons"
    r"|residents|pupils|students|dwellings|businesses|vehicles|members|followers)"
    r" (met|zonder|in|with|without)\b",
    re.IGNORECASE,
)
# The population counted itself (people, households, dwellings ..., also in compounds such
# as huurwoningen) is a stock; events that happen to it were matched before.
_STOCK_HOLDER = re.compile(
    r"^(totaal )?(aantal |number of )?([\w'-]+ ){0,3}?\w*"
    r"(inwoners|bewoners|huishoudens|leerlingen|woningen|bedrijven|vestigingen|voertuigen|leden|volgers|residents|households|pupils|dwellings"
    r"|businesses|vehicles|members|followers)\b|\b(volgers|followers)\b",
    re.IGNORECASE,
)
# Events counted over a period: a visit, a request, a message, a report, something new,
# or a count said to be per year or over the past months.
_FLOW_EVENT = re.compile(
    r"(bezoek|aanvra(ag|gen)|melding|klacht|e-?mail|telefoontje|gesprek|bericht|transactie"
    r"|download|inschrijving|verhuizing|geboorte|overlijden|sterfgeval|misdrij(f|ven)|aangifte"
    r"|incident|ongeval|vergunning|bezwaar|contact|visit|request|complaint|message|call)"
    r"|\b(nieuw\w*|verstuurde|geplaatste|ontvangen|verleende|afgehandelde|ingediende"
    r"|opgeleverde|gebouwde|verkochte|gestarte|opgerichte|new)\b"
    r"|\bper (jaar|maand|week|dag)\b|\bper year\b|\bafgelopen \d+ maanden\b",
    re.IGNORECASE,
)
# The rule that chose a unit, for `indicators` and the warning about guessed units.
GUESSED = "guess"


def scale(unit: str) -> float:
    """Factor from the published value to units (millions → units)."""
    return SCALE.get(unit, 1.0)


def infer_unit(label: str, has_percent_sign: bool) -> str:
    """Guess a published row's unit from its label and cells; `--unit` overrides the guess."""
    return infer_unit_by_rule(label, has_percent_sign)[0]


def infer_unit_by_rule(label: str, has_percent_sign: bool) -> tuple[str, str]:
    """A published row's unit and the words of its label that chose it (`%` for a cell's
    percent sign, GUESSED when nothing did and it is read as a yearly count)."""
    millions = bool(_MILLIONS.search(label))
    if has_percent_sign:
        return PERCENT, "%"
    rules: tuple[tuple[re.Pattern[str], str], ...] = (
        (_PERCENT_LABEL, PERCENT),
        (_SCORE_LABEL, SCORE),
        (_STOCK_MOMENT, STOCK),
        (_FLOW_EVENT, FLOW),
        (_STOCK_STATE, STOCK),
        (_STOCK_HOLDER, STOCK),
    )
    for pattern, unit in rules:
        if found := pattern.search(label):
            if millions and unit in (STOCK, FLOW):
                unit = STOCK_MILLIONS if unit == STOCK else FLOW_MILLIONS
            return unit, found.group(0).strip()
    return (FLOW_MILLIONS if millions else FLOW), GUESSED


def unit_rule(rule: str) -> str:
    """How `indicators` names what chose a unit: `cells`, `guess`, or `label:WORDS`."""
    if rule == "%":
        return "cells"
    return rule if rule == GUESSED else f"label:{rule}"


def unit_guessed(path: str, ids: list[str]) -> Message:
    """The warning that no rule chose these indicators' unit; `--unit` drops those it sets."""
    shown = ", ".join(ids[:5]) + (f" (+{len(ids) - 5})" if len(ids) > 5 else "")
    return Message(
        "unit_guessed", {"path": path, "ids": shown, "example": ids[0], "names": tuple(ids)}
    )


def without_units_set(warning: Message, ids: set[str]) -> Message | None:
    """A guessed-units warning less the indicators whose unit `--unit` set (None: none left)."""
    if warning.key != "unit_guessed":
        return warning
    left = [name for name in warning.params["names"] if name not in ids]
    return unit_guessed(warning.params["path"], left) if left else None


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
