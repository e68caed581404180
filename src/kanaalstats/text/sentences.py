"""Summary sentences for a year, in Dutch or English, from the figures of any table.

The subject of a sentence comes from the indicator's `subject_nl`/`subject_en` column where the
data has one, otherwise from its label ("aantal telefoontjes naar gemeente" → "Het aantal
telefoontjes naar gemeente"). A label that gives no safe subject is used as a heading
("Klanttevredenheid telefonie: …"), which reads correctly whatever its grammar.

Every phrase is a `sentence_…` message of the catalogue; this module picks the clauses, fills
in the figures and joins the clauses with punctuation. Only the word lists that decide a
label's grammar are code.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kanaalstats.domain.units import FLOW_UNITS, PERCENT, SCALE, strip_unit_words
from kanaalstats.text.catalogue import text
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
        rest = label[1:].strip()
        return Subject(text("sentence_subject_percentage", lang, rest=rest), heading=False)
    first = label.split(" ", 1)[0].lower()
    if first in _HET_WORDS:
        return Subject(text("sentence_subject_the", lang, label=label), heading=False)
    return Subject(label[0].upper() + label[1:], heading=True)


def _english_subject(label: str, unit: str) -> Subject:
    if label.startswith("%"):
        return Subject(text("sentence_subject_percentage", "en", rest=label[1:]), heading=False)
    first = label.split(" ", 1)[0].lower()
    if first in _ENGLISH_THE:
        return Subject(text("sentence_subject_the", "en", label=label), heading=False)
    if unit != PERCENT and unit != "score":
        return Subject(text("sentence_subject_number_of", "en", label=label), heading=False)
    return Subject(label[0].upper() + label[1:], heading=True)


def _level(value: float, unit: str, decimals: int, lang: str) -> str:
    number = format_number(value, decimals, lang)
    if unit == PERCENT:
        return number + "%"
    if unit in SCALE:
        return text("sentence_millions", lang, number=number)
    return number


def _percent(value: float, lang: str) -> str:
    # Whole percents read best; below 1% a decimal keeps a small change from reading as 0%.
    decimals = 0 if abs(value) >= 0.95 else 1
    return format_number(abs(value), decimals, lang) + "%"


def _per_day(value: float, lang: str) -> str:
    return format_number(value, 0 if value >= 10 else 1, lang)


# The catalogue's (with a subject, as a heading) clauses per direction.
_VERB = {
    UP: ("sentence_up", "sentence_up_heading"),
    DOWN: ("sentence_down", "sentence_down_heading"),
    SAME: ("sentence_same", "sentence_same_heading"),
}
_COMPARISON = {UP: "sentence_more", DOWN: "sentence_less"}


def sentence(row: Mapping[Any, Any], lang: str) -> str:
    """One indicator's summary sentence for the row's year.

    Row keys: unit, decimals, year, value, previous_year, previous_value, change, change_pct,
    per_day, previous_per_day, and the label/subject fields.
    """
    who = subject(row, lang)
    # A series with neither year in the data has no decimals; it has no figure either.
    unit = str(row["unit"])
    decimals = 0 if _missing(row["decimals"]) else int(row["decimals"])
    year, value = int(row["year"]), row["value"]
    if _missing(value):
        return f"{who.text}: {text('sentence_no_figure', lang, year=year)}."
    level = _level(value, unit, decimals, lang)
    before, previous = row["previous_year"], row["previous_value"]
    if _missing(before) or _missing(previous):
        which = text("sentence_year_before", lang) if _missing(before) else str(int(before))
        was = "sentence_was_heading" if who.heading else "sentence_was"
        stated = text(was, lang, level=level, year=year)
        core = f"{stated}; {text('sentence_no_previous', lang, which=which)}."
        return _join(who, core) + _daily_tail(row, lang, with_previous=False)
    before = int(before)
    previous_level = _level(previous, unit, decimals, lang)
    direction = UP if value > previous else DOWN if value < previous else SAME
    core = text(_VERB[direction][who.heading], lang, level=level, year=year)
    if direction == SAME:
        core += f" ({before}: {previous_level})."
        return _join(who, core) + _daily_tail(row, lang, with_previous=False)
    if unit == PERCENT:
        points = format_number(abs(float(row["change"])), decimals, lang)
        amount = text("sentence_point" if points == "1" else "sentence_points", lang, points=points)
    elif _missing(row["change_pct"]):
        amount = ""
    else:
        amount = _percent(float(row["change_pct"]), lang)
    if amount:
        compared = text(_COMPARISON[direction], lang, amount=amount, before=before)
        core += f", {compared} ({previous_level})."
    else:
        core += f" ({text('sentence_from_zero', lang, before=before, previous=previous_level)})."
    return _join(who, core) + _daily_tail(row, lang, with_previous=True)


def _daily_tail(row: Mapping[Any, Any], lang: str, with_previous: bool) -> str:
    if str(row["unit"]) not in FLOW_UNITS or _missing(row["per_day"]):
        return ""
    today = _per_day(float(row["per_day"]), lang)
    tail = " " + text("sentence_per_day", lang, today=today)
    previous = row.get("previous_per_day")
    if with_previous and previous is not None and not _missing(previous):
        before = _per_day(float(previous), lang)
        year = int(row["previous_year"])
        tail += ", " + text("sentence_per_day_before", lang, before=before, year=year)
    return tail + "."


def _join(who: Subject, core: str) -> str:
    if who.heading:
        return f"{who.text}: {core}"
    return f"{who.text} {core}"


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
