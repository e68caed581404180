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
from functools import lru_cache
from typing import Any

from kanaalstats.domain.intervals import Interval, published_range
from kanaalstats.domain.units import (
    FLOW_UNITS,
    PERCENT,
    SCALE,
    SCORE,
    STOCK,
    STOCK_MILLIONS,
    strip_unit_words,
)
from kanaalstats.text.catalogue import text
from kanaalstats.text.numbers import format_number, rounded

UP, DOWN, SAME = "up", "down", "same"
STOCK_UNITS = frozenset({STOCK, STOCK_MILLIONS})

# Dutch words that start a label and take "het"; other labels become a heading.
_HET_WORDS = ("aantal", "totaal", "percentage", "aandeel", "gemiddelde", "websitebezoek", "bezoek")
_ENGLISH_THE = ("number", "share", "percentage", "average", "total")


@dataclass(frozen=True)
class Subject:
    text: str
    heading: bool  # True: "Label: …" instead of a grammatical subject


@dataclass(frozen=True)
class Style:
    """How the sentences are written: per-day tails (None: only where they mean something,
    at least one a day) and the day they count in."""

    per_day: bool | None = None
    working_days: bool = False


@dataclass(frozen=True)
class Stated:
    """A figure a sentence states, as it states it: a claim `check` can verify."""

    kind: str  # a claim kind: value, growth, pp_change, change, per_day
    years: tuple[int, ...]  # (year,) or (from, to)
    figure: float  # the figure rounded as written, signed (a fall is negative)
    decimals: int  # may be negative: -2 for a figure rounded to the hundred
    wording: str = "exact"  # or "about": "zo'n 15.100", rounded as far as its inputs allow


def _written(value: float, decimals: int) -> float:
    return rounded(value, decimals)


# A list marker before a label ("B. ", "3) ", "- "), footnote stars anywhere in it, a colon
# at its end: layout of the published table, not words of the label.
_LIST_MARKER = re.compile(r"^\s*(?:(?:[A-Za-z]|\d{1,2}|[ivxIVX]{1,4})[.)]|[-–•·])\s+")
_STARS = re.compile(r"\s*\*+(?=\s|$|[,;:)])")
_JANUARY = re.compile(r"\s*\b(?:op|per|on|at)\s+1\s+(?:januari|january)\b", re.IGNORECASE)
OF_WHICH = re.compile(r"^(?:waarvan|of which)\b\s*", re.IGNORECASE)


@lru_cache(maxsize=4096)
def clean_label(label: str) -> str:
    """A label as words: without its unit phrase, list marker, footnote stars, end colon."""
    cleaned = _STARS.sub("", strip_unit_words(label))
    cleaned = _LIST_MARKER.sub("", cleaned)
    return re.sub(r"\s+", " ", cleaned).strip().rstrip(":").strip()


def _capital(words: str) -> str:
    return words[0].upper() + words[1:] if words else words


def on_january(record: Mapping[Any, Any]) -> bool:
    """A stock counted on 1 January: its change happened during the year before."""
    if str(record["unit"]) not in STOCK_UNITS:
        return False
    labels = (str(record.get("label_nl") or ""), str(record.get("label_en") or ""))
    return any(_JANUARY.search(label) for label in labels)


def _label(record: Mapping[Any, Any], key: str) -> str:
    label = clean_label(str(record.get(key) or ""))
    return _JANUARY.sub("", label).strip() if on_january(record) else label


_SUBJECT_FIELDS = ("subject_nl", "subject_en", "label_nl", "label_en", "parent_nl", "parent_en")


def subject(record: Mapping[Any, Any], lang: str) -> Subject:
    """The subject phrase for an indicator's sentence."""
    # A panel repeats each indicator for every entity: the phrase is made once per indicator.
    fields = tuple(str(record.get(name) or "") for name in _SUBJECT_FIELDS)
    return _subject(fields, str(record["unit"]), lang)


@lru_cache(maxsize=4096)
def _subject(fields: tuple[str, ...], unit: str, lang: str) -> Subject:
    record = {**dict(zip(_SUBJECT_FIELDS, fields, strict=True)), "unit": unit}
    own = str(record.get(f"subject_{lang}") or "").strip()
    if own:
        return Subject(_capital(own), heading=False)
    english = _label(record, "label_en")
    label = _label(record, "label_nl")
    if lang == "en" and english:
        label = english
    parent = str(record.get(f"parent_{'en' if lang == 'en' and english else 'nl'}") or "")
    if parent and OF_WHICH.match(label):
        # "waarvan online" alone says nothing: it is part of the row above it.
        rest = OF_WHICH.sub("", label)
        joined = text("sentence_of_which", lang, parent=clean_label(parent), rest=rest)
        return Subject(_capital(joined), heading=True)
    if lang == "en" and english:
        return _english_subject(english, str(record["unit"]))
    if lang == "en":
        return Subject(_capital(label), heading=True)
    if label.startswith("%"):
        rest = label[1:].strip()
        return Subject(text("sentence_subject_percentage", lang, rest=rest), heading=False)
    first = label.split(" ", 1)[0].lower()
    if first in _HET_WORDS:
        return Subject(text("sentence_subject_the", lang, label=label), heading=False)
    return Subject(_capital(label), heading=True)


def _english_subject(label: str, unit: str) -> Subject:
    if label.startswith("%"):
        return Subject(text("sentence_subject_percentage", "en", rest=label[1:]), heading=False)
    first = label.split(" ", 1)[0].lower()
    if first in _ENGLISH_THE:
        return Subject(text("sentence_subject_the", "en", label=label), heading=False)
    if unit != PERCENT and unit != SCORE:
        return Subject(text("sentence_subject_number_of", "en", label=label), heading=False)
    return Subject(_capital(label), heading=True)


def _level(value: float, unit: str, decimals: int, lang: str) -> str:
    number = format_number(value, decimals, lang)
    if unit == PERCENT:
        return number + "%"
    if unit in SCALE:
        return text("sentence_millions", lang, number=number)
    return number


@dataclass(frozen=True)
class _Rounded:
    """A derived figure as a sentence writes it: rounded no finer than the published
    figures it comes from support, and hedged ("zo'n") where that is coarser than usual."""

    figure: float
    decimals: int
    hedged: bool

    def written(self, lang: str) -> str:
        number = format_number(self.figure, max(self.decimals, 0), lang)
        return text("sentence_about", lang, figure=number) if self.hedged else number

    def stated(self, kind: str, years: tuple[int, ...], sign: float = 1.0) -> Stated:
        wording = "about" if self.hedged else "exact"
        return Stated(kind, years, sign * self.figure, self.decimals, wording)


def _supported(size: float, possible: Interval | None, decimals: int) -> _Rounded:
    """`size` at `decimals`, unless the range its inputs allow is wider than that step:
    5,5 million visits a year are 14.932-15.205 a day, so "zo'n 15.100", not "15.068"."""
    width = possible.high - possible.low if possible is not None else 0.0
    if not math.isfinite(width) or width <= 10.0**-decimals or size == 0:
        return _Rounded(_written(size, decimals), decimals, hedged=False)
    coarse = -math.floor(math.log10(width))
    # At least two significant digits: 16,7% stays "zo'n 17%", not "zo'n 20%" beside a
    # 19,6% that is also "zo'n 20%"; a rise of 3 does not become "zo'n 0".
    coarse = min(decimals, max(coarse, 1 - math.floor(math.log10(abs(size)))))
    return _Rounded(_written(size, coarse), coarse, hedged=True)


def _percent_places(value: float) -> int:
    # Whole percents read best; below 1% a decimal keeps a small change from reading as 0%.
    return 0 if abs(value) >= 0.95 else 1


def _day_decimals(value: float) -> int:
    return 0 if abs(value) >= 10 else 1


# The catalogue's (with a subject, as a heading) clauses per direction.
_VERB = {
    UP: ("sentence_up", "sentence_up_heading"),
    DOWN: ("sentence_down", "sentence_down_heading"),
    SAME: ("sentence_same", "sentence_same_heading"),
}
_COMPARISON = {UP: "sentence_more", DOWN: "sentence_less"}
_SCORE_COMPARISON = {UP: "sentence_higher", DOWN: "sentence_lower"}


@dataclass(frozen=True)
class _When:
    """The time words of a sentence: when the change happened, and when each level held."""

    when: str  # "in 2019"; for a stock on 1 January: "in 2018"
    now: str  # "" (the level needs no date), or "op 1 januari 2019"
    then: str  # "in 2018" or "op 1 januari 2018"
    then_short: str  # "2018" or "1 januari 2018"


def _times(row: Mapping[Any, Any], year: int, before: int, lang: str) -> _When:
    if not on_january(row):
        return _When(
            text("sentence_in_year", lang, year=year),
            "",
            text("sentence_in_year", lang, year=before),
            str(before),
        )
    if before == year - 1:
        when = text("sentence_during_year", lang, year=before)
    else:
        when = text("sentence_between_januaries", lang, first=before, last=year)
    return _When(
        when,
        text("sentence_on_january", lang, year=year),
        text("sentence_on_january", lang, year=before),
        text("sentence_january", lang, year=before),
    )


def sentence(
    row: Mapping[Any, Any],
    lang: str,
    style: Style | None = None,
    said: list[Stated] | None = None,
) -> str:
    """One indicator's summary sentence for the row's year; each figure it states is added
    to `said`, when given.

    Row keys: unit, decimals, year, value, previous_year, previous_value, change, change_pct,
    note (why a relative change is missing), per_day, previous_per_day, and the label,
    subject and parent fields.
    """
    style = style or Style()
    said = [] if said is None else said
    who = subject(row, lang)
    # A series with neither year in the data has no decimals; it has no figure either.
    unit = str(row["unit"])
    decimals = 0 if _missing(row["decimals"]) else int(row["decimals"])
    year, value = int(row["year"]), row["value"]
    if _missing(value):
        return f"{who.text}: {text('sentence_no_figure', lang, year=year)}."
    level = _level(value, unit, decimals, lang)
    said.append(Stated("value", (year,), _written(value, decimals), decimals))
    before, previous = row["previous_year"], row["previous_value"]
    if _missing(before) or _missing(previous):
        which = text("sentence_year_before", lang) if _missing(before) else str(int(before))
        was = "sentence_was_heading" if who.heading else "sentence_was"
        when = (
            text("sentence_on_january", lang, year=year)
            if on_january(row)
            else text("sentence_in_year", lang, year=year)
        )
        stated = text(was, lang, level=level, when=when)
        # The day rate belongs to the level, before the sentence about the missing year.
        tail = _daily_tail(row, lang, style, said, with_previous=False)
        missing = _capital(text("sentence_no_previous", lang, which=which))
        return f"{_join(who, stated)}.{tail} {missing}."
    before = int(before)
    times = _times(row, year, before, lang)
    shown = f"{level} {times.now}" if times.now else level
    previous_level = _level(previous, unit, decimals, lang)
    said.append(Stated("value", (before,), _written(previous, decimals), decimals))
    direction = UP if value > previous else DOWN if value < previous else SAME
    verb = _VERB[direction][who.heading] + ("_january" if times.now else "")
    core = text(
        verb,
        lang,
        level=shown,
        when=times.when,
        run=_run_of_years(row, lang),
        standing=_level_standing(row, direction, lang),
    )
    if direction == SAME:
        core += f" ({times.then_short}: {previous_level})."
        return _join(who, core) + _daily_tail(row, lang, style, said, with_previous=False)
    comparison = _COMPARISON[direction]
    sign = 1.0 if direction == UP else -1.0
    span = (before, year)
    if unit in (PERCENT, SCORE):
        size = abs(float(row["change"]))
        points = format_number(size, decimals, lang)
        if unit == PERCENT:
            key = "sentence_point" if points == "1" else "sentence_points"
        else:
            key = "sentence_score_point" if points == "1" else "sentence_score_points"
            comparison = _SCORE_COMPARISON[direction]
        amount = text(key, lang, points=points)
        kind = "pp_change" if unit == PERCENT else "change"
        said.append(Stated(kind, span, sign * _written(size, decimals), decimals))
    elif _missing(row["change_pct"]) or value < 0:
        # No percentage from a base of 0 or below, nor onto a negative level: "125% minder"
        # of a balance that turned negative says nothing a reader can use.
        amount = ""
    else:
        pct = abs(float(row["change_pct"]))
        possible = _range(row, "value").change_pct(_range(row, "previous_value"))
        rounded = _supported(pct, possible, _percent_places(pct))
        amount = rounded.written(lang) + "%"
        said.append(rounded.stated("growth", span, sign))
    if amount:
        compared = text(comparison, lang, amount=amount, then=times.then)
        core += f", {compared} ({previous_level}){_rank(row, direction, lang)}."
    else:
        note = str(row.get("note") or "")
        reason = {
            "negative_base": "sentence_from_negative",
            "zero_base": "sentence_from_zero",
            "too_large": "sentence_too_large",
        }.get(note, "sentence_to_negative")
        core += f" ({text(reason, lang, then=times.then, previous=previous_level)})."
    return _join(who, core) + _daily_tail(row, lang, style, said, with_previous=True)


def _run_of_years(row: Mapping[Any, Any], lang: str) -> str:
    """ " voor het derde jaar op rij", " voor het eerst sinds 2016" (with `report --context`),
    or nothing."""
    streak = int(row.get("streak") or 0)
    if streak >= 2:
        nth = text(f"ordinal_{streak}", lang) if streak <= 10 else text("ordinal_n", lang, n=streak)
        return " " + text("context_in_a_row", lang, nth=nth)
    since = row.get("first_since")
    if since is not None and not _missing(since):
        return " " + text("context_first_since", lang, year=int(since))
    return ""


def _level_standing(row: Mapping[Any, Any], direction: str, lang: str) -> str:
    """ ", het hoogste niveau sinds 2015" beside the level (with `report --context`), or
    nothing."""
    high = direction == UP
    since, start = row.get("level_since"), row.get("level_from")
    if since is not None and not _missing(since):
        key = "context_highest_since" if high else "context_lowest_since"
        return ", " + text(key, lang, year=int(since))
    if start is not None and not _missing(start):
        key = "context_highest_from" if high else "context_lowest_from"
        return ", " + text(key, lang, year=int(start))
    return ""


def _rank(row: Mapping[Any, Any], direction: str, lang: str) -> str:
    """ ", de sterkste stijging van alle aantallen in de tabel" after the change (with
    `report --context`), or nothing."""
    if not row.get("largest"):
        return ""
    return ", " + text("context_largest_rise" if direction == UP else "context_largest_fall", lang)


def _daily_tail(
    row: Mapping[Any, Any], lang: str, style: Style, said: list[Stated], with_previous: bool
) -> str:
    """ "Dat is gemiddeld 43 per dag, tegen 51 per dag in 2018." for a flow: always when asked
    for, never when refused, and otherwise only from one a day upwards (a dozen incidents a
    year are not "0,0 per dag", and a balance has no meaningful daily rate)."""
    if style.per_day is False or str(row["unit"]) not in FLOW_UNITS or _missing(row["per_day"]):
        return ""
    today_value = float(row["per_day"])
    if style.per_day is None and today_value < 1:
        return ""
    day = text("sentence_working_day" if style.working_days else "sentence_day", lang)
    today = _per_day(row, "value", today_value)
    tail = " " + text("sentence_per_day", lang, today=today.written(lang), day=day)
    said.append(today.stated("per_day", (int(row["year"]),)))
    previous = row.get("previous_per_day")
    shown = with_previous and previous is not None and not _missing(previous)
    if shown and (style.per_day or float(previous or 0) >= 1):
        before = _per_day(row, "previous_value", float(previous or 0))
        year = int(row["previous_year"])
        if before.written(lang) == today.written(lang):
            # "34 per dag, tegen 34 per dag" sets up a contrast the figures do not have.
            tail += ", " + text("sentence_per_day_as_before", lang, year=year)
            return tail + "."
        tail += ", " + text(
            "sentence_per_day_before", lang, before=before.written(lang), day=day, year=year
        )
        said.append(before.stated("per_day", (year,)))
    return tail + "."


def _range(row: Mapping[Any, Any], key: str) -> Interval:
    decimals = 0 if _missing(row["decimals"]) else int(row["decimals"])
    return published_range(float(row[key]), decimals, str(row["unit"]))


def _per_day(row: Mapping[Any, Any], key: str, per_day: float) -> _Rounded:
    """A day rate rounded as its published yearly figure allows."""
    value = float(row[key])
    factor = per_day / value if value else 0.0
    possible = _range(row, key).scaled(factor) if factor else None
    return _supported(per_day, possible, _day_decimals(per_day))


def _join(who: Subject, core: str) -> str:
    if who.heading:
        return f"{who.text}: {core}"
    return f"{who.text} {core}"


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
