"""Summary sentences for a year, in Dutch or English, from the figures of any table.

The subject of a sentence comes from the indicator's `subject_nl`/`subject_en` column where the
data has one, otherwise from its label ("aantal telefoontjes naar gemeente" → "Het aantal
telefoontjes naar gemeente"). A label that gives no safe subject is used as a heading
("Klanttevredenheid telefonie: …"), which reads correctly whatever its grammar.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kanaalstats.domain.units import FLOW_UNITS, PERCENT, SCALE, strip_unit_words
from kanaalstats.text.numbers import format_number

UP, DOWN, SAME = "up", "down", "same"

# Dutch words that start a label and take "het"; other labels become a heading.
_HET_WORDS = ("aantal", "totaal", "percentage", "aandeel", "gemiddelde", "websitebezoek", "bezoek")
_ENGLISH_THE = ("number", "share", "percentage", "average", "total")


@dataclass(frozen=True)
class Subject:
    text: str
    heading: bool  # True: "Label: …" instead of a grammatical subject


def _clean(label: str) -> str:
    return re.sub(r"\s*\*+$", "", strip_unit_words(label)).strip()


def subject(record: Mapping[Any, Any], lang: str) -> Subject:
    """The subject phrase for an indicator's sentence."""
    own = str(record.get(f"subject_{lang}") or "").strip()
    if own:
        return Subject(own[0].upper() + own[1:], heading=False)
    english = str(record.get("label_en") or "").strip()
    if lang == "en" and english:
        return _english_subject(_clean(english), str(record["unit"]))
    label = _clean(str(record["label_nl"]))
    if lang == "en":
        return Subject(label[0].upper() + label[1:], heading=True)
    if label.startswith("%"):
        return Subject("Het percentage " + label[1:].strip(), heading=False)
    first = label.split(" ", 1)[0].lower()
    if first in _HET_WORDS:
        return Subject("Het " + label, heading=False)
    return Subject(label[0].upper() + label[1:], heading=True)


def _english_subject(label: str, unit: str) -> Subject:
    if label.startswith("%"):
        return Subject("The percentage" + label[1:], heading=False)
    first = label.split(" ", 1)[0].lower()
    if first in _ENGLISH_THE:
        return Subject("The " + label, heading=False)
    if unit != PERCENT and unit != "score":
        return Subject("The number of " + label, heading=False)
    return Subject(label[0].upper() + label[1:], heading=True)


def _level(value: float, unit: str, decimals: int, lang: str) -> str:
    number = format_number(value, decimals, lang)
    if unit == PERCENT:
        return number + "%"
    if unit in SCALE:
        return number + (" miljoen" if lang == "nl" else " million")
    return number


def _percent(value: float, lang: str) -> str:
    # Whole percents read best; below 1% a decimal keeps a small change from reading as 0%.
    decimals = 0 if abs(value) >= 0.95 else 1
    return format_number(abs(value), decimals, lang) + "%"


def _per_day(value: float, lang: str) -> str:
    return format_number(value, 0 if value >= 10 else 1, lang)


# (with a subject, as a heading) per language and direction.
_VERB = {
    ("nl", UP): ("is in {year} toegenomen tot", "in {year} toegenomen tot"),
    ("nl", DOWN): ("is in {year} afgenomen tot", "in {year} afgenomen tot"),
    ("nl", SAME): ("is in {year} gelijk gebleven op", "in {year} gelijk gebleven op"),
    ("en", UP): ("increased to", "increased to"),
    ("en", DOWN): ("decreased to", "decreased to"),
    ("en", SAME): ("remained unchanged at", "unchanged at"),
}
_COMPARISON = {
    ("nl", UP): "meer dan",
    ("nl", DOWN): "minder dan",
    ("en", UP): "more than",
    ("en", DOWN): "less than",
}


def sentence(row: Mapping[Any, Any], lang: str) -> str:
    """One indicator's summary sentence for the row's year.

    Row keys: unit, decimals, year, value, previous_year, previous_value, change, change_pct,
    per_day, previous_per_day, and the label/subject fields.
    """
    who = subject(row, lang)
    nl = lang == "nl"
    # A series with neither year in the data has no decimals; it has no figure either.
    unit = str(row["unit"])
    decimals = 0 if _missing(row["decimals"]) else int(row["decimals"])
    year, value = int(row["year"]), row["value"]
    if _missing(value):
        missing = (
            f"voor {year} is geen cijfer beschikbaar."
            if nl
            else f"no figure is available for {year}."
        )
        return f"{who.text}: {missing}"
    level = _level(value, unit, decimals, lang)
    before, previous = row["previous_year"], row["previous_value"]
    if _missing(before) or _missing(previous):
        which = "het jaar ervoor" if _missing(before) else str(int(before))
        if nl:
            stated = f"{level} in {year}" if who.heading else f"was in {year} {level}"
            core = f"{stated}; voor {which} is geen cijfer beschikbaar, dus geen verandering."
        else:
            which = "the year before" if _missing(before) else which
            stated = f"{level} in {year}" if who.heading else f"was {level} in {year}"
            core = f"{stated}; no figure is available for {which}, so no change can be given."
        return _join(who, core) + _daily_tail(row, lang, with_previous=False)
    before = int(before)
    previous_level = _level(previous, unit, decimals, lang)
    direction = UP if value > previous else DOWN if value < previous else SAME
    verb = _VERB[lang, direction][who.heading].format(year=year)
    core = f"{verb} {level}" + ("" if nl else f" in {year}")
    if direction == SAME:
        core += f" ({before}: {previous_level})."
        return _join(who, core) + _daily_tail(row, lang, with_previous=False)
    if unit == PERCENT:
        points = format_number(abs(float(row["change"])), decimals, lang)
        word = "procentpunt" if nl else "percentage point" + ("" if points == "1" else "s")
        amount = f"{points} {word}"
    elif _missing(row["change_pct"]):
        amount = ""
    else:
        amount = _percent(float(row["change_pct"]), lang)
    if amount:
        core += f", {amount} {_COMPARISON[lang, direction]} in {before} ({previous_level})."
    elif nl:
        core += (
            f" (in {before}: {previous_level}; een procentuele verandering vanaf 0 bestaat niet)."
        )
    else:
        core += f" (in {before}: {previous_level}; there is no percentage change from 0)."
    return _join(who, core) + _daily_tail(row, lang, with_previous=True)


def _daily_tail(row: Mapping[Any, Any], lang: str, with_previous: bool) -> str:
    if str(row["unit"]) not in FLOW_UNITS or _missing(row["per_day"]):
        return ""
    today = _per_day(float(row["per_day"]), lang)
    nl = lang == "nl"
    tail = f" Dat is gemiddeld {today} per dag" if nl else f" That is {today} a day on average"
    previous = row.get("previous_per_day")
    if with_previous and previous is not None and not _missing(previous):
        before = _per_day(float(previous), lang)
        tail += (
            f", tegen {before} per dag in {int(row['previous_year'])}"
            if nl
            else f", against {before} a day in {int(row['previous_year'])}"
        )
    return tail + "."


def _join(who: Subject, core: str) -> str:
    if who.heading:
        return f"{who.text}: {core}"
    return f"{who.text} {core}"


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
