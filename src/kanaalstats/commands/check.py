"""`check`: each claim of a report's text against the data, with a verdict.

Published values are rounded, so every figure is computed as an interval over the values that
round to the published ones; a claim is consistent when that interval meets the range its
wording allows. Each kind is a fixed formula here: nothing in a claims file is evaluated.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from kanaalstats.commands.base import Command
from kanaalstats.domain.choices import OutputFormat
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.errors import UsageError
from kanaalstats.domain.intervals import Interval, published_range
from kanaalstats.domain.message import Message
from kanaalstats.domain.result import Column, Ending, Kind, Result
from kanaalstats.domain.units import FLOW as FLOW_UNIT
from kanaalstats.domain.units import FLOW_MILLIONS, PERCENT, STOCK, STOCK_MILLIONS, days_in_year
from kanaalstats.domain.units import scale as unit_scale
from kanaalstats.load.claims import WORDED_KINDS, Claim, Wording, load_claims
from kanaalstats.text.catalogue import text
from kanaalstats.text.numbers import PERCENTAGE_POINTS, format_in_unit, format_percent


class Verdict(StrEnum):
    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    NOT_VERIFIABLE = "not_verifiable"


@dataclass(frozen=True)
class Check:
    """One claim's outcome."""

    claim: Claim
    verdict: Verdict
    computed: float | None = None
    computed_range: Interval | None = None
    reason: str = ""  # message key for not verifiable
    against: str = ""  # a direction, trend or comparison: the years that go against it
    degree_range: tuple[float, float] | None = None  # "iets"/"sterk": the change in %


class CheckClaims(Command):
    name = "check"
    title = "title_check"
    per_entity = False  # a claims file is about one report, of one entity

    def __init__(
        self,
        claims_file: Path | None,
        strict: bool,
        lang: str,
        text_file: Path | None = None,
        own_data: bool = False,
        write_claims: Path | None = None,
    ) -> None:
        self.write_claims = write_claims
        self.found: list[Claim] = []
        self.claims_file = claims_file
        self.text_file = text_file
        self.own_data = own_data  # --data given: the built-in claims are not about it
        self.strict = strict
        self.lang = lang
        self.claims: list[Claim] = []
        self.notes: list[Message] = []
        self.failed = False

    def writes(self, fmt: OutputFormat) -> None:
        super().writes(fmt)
        # Refused before any table is read (and warned about): the line alone decides these.
        if self.own_data and self.claims_file is None and self.text_file is None:
            raise UsageError("check_needs_claims")
        if self.write_claims is not None and self.text_file is None:
            raise UsageError("write_claims_needs_text")

    def prepare(self, data: Dataset) -> None:
        if len(data.entities) > 1:
            raise UsageError("check_needs_one_entity", count=len(data.entities))
        if self.text_file is not None and str(self.text_file) == "-" and "<stdin>" in data.sources:
            raise UsageError("stdin_twice")
        claims = (
            load_claims(self.claims_file, data)
            if self.claims_file is not None or self.text_file is None
            else []
        )
        if self.text_file is not None:
            from kanaalstats.load.linking import identity_claims, link_statements
            from kanaalstats.load.report_text import read_report
            from kanaalstats.load.statements import find_statements

            found = link_statements(find_statements(read_report(self.text_file)), data)
            found += identity_claims(data)
            self.found = found
            # A sentence a person wrote claims for is theirs: what --text finds there yields.
            written = {" ".join(claim.quote.split()) for claim in claims}
            claims += [c for c in found if " ".join(c.quote.split()) not in written]
        self.claims = claims

    def block(self, data: Dataset) -> Result:
        """The verdict per claim, with the stated figure, the computed one and its possible
        range; the summary is a note, and whether the check failed the exit code."""
        import pandas as pd

        checks = [verify(claim, data) for claim in self.claims]
        counts = {verdict.value: sum(c.verdict is verdict for c in checks) for verdict in Verdict}
        summary = {"total": len(checks), **counts}
        self.notes.append(Message("check_summary", summary))
        failing = {Verdict.INCONSISTENT} | ({Verdict.NOT_VERIFIABLE} if self.strict else set())
        self.failed = any(check.verdict in failing for check in checks)
        rows = [check_row(check, data, self.lang) for check in checks]
        # A text without a figure has no rows, but its table still has its columns.
        frame = pd.DataFrame(rows) if rows else pd.DataFrame(columns=[c.key for c in _COLUMNS])
        return Result(frame, _COLUMNS)

    def finish(self) -> Ending:
        return Ending(notes=self.notes, exit_code=1 if self.failed else 0)

    def side_files(self) -> list[tuple[Path, str]]:
        """With --write-claims: what --text found, as a claims file to review."""
        if self.write_claims is None:
            return []
        from kanaalstats.load.claims import claims_to_toml
        from kanaalstats.text.catalogue import say

        reasons = {c.id: say(c.unlinked, self.lang) for c in self.found if c.unlinked}
        source = "<stdin>" if str(self.text_file) == "-" else str(self.text_file)
        return [(self.write_claims, claims_to_toml(self.found, reasons, source))]


class _Missing(Exception):
    """An input the data does not have; the claim is then not verifiable."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


_LOOKUPS: dict[int, tuple[Any, dict[tuple[str, int], tuple[float, int]]]] = {}


def _lookup(dataset: Dataset) -> dict[tuple[str, int], tuple[float, int]]:
    """(indicator, year) → (value, decimals), built once per data: a text may hold
    thousands of statements, and a frame lookup per figure costs milliseconds."""
    frame = dataset.values
    cached = _LOOKUPS.get(id(frame))
    if cached is None or cached[0] is not frame:
        keys = zip(frame["indicator"].astype(str).tolist(), frame["year"].tolist(), strict=True)
        figures = zip(
            frame["value"].astype(float).tolist(), frame["decimals"].tolist(), strict=True
        )
        table = {
            (i, int(y)): (float(v), int(d)) for (i, y), (v, d) in zip(keys, figures, strict=True)
        }
        _LOOKUPS.clear()
        cached = _LOOKUPS[id(frame)] = (frame, table)
    return cached[1]


def _published(dataset: Dataset, indicator: str, year: int) -> tuple[float, Interval]:
    """A value and the range it stands for: a whole count (237.660 visits) is exact; a value
    with decimals, in millions or in percent stands for what rounds to it."""
    hit = _lookup(dataset).get((indicator, year))
    if hit is None or math.isnan(hit[0]):
        raise _Missing("reason_missing_value")
    value, decimals = hit
    return value, published_range(value, decimals, dataset.unit(indicator))


def _per_day(dataset: Dataset, claim: Claim, indicator: str, year: int) -> tuple[float, Interval]:
    value, interval = _published(dataset, indicator, year)
    factor = unit_scale(dataset.unit(indicator)) / days_in_year(year, claim.days)
    return value * factor, interval.scaled(factor)


def _compute(claim: Claim, dataset: Dataset) -> tuple[float, Interval]:
    """The figure the claim names, computed from the data: central value and possible range."""
    inputs = claim.inputs
    kind = claim.kind
    if kind == "value":
        return _published(dataset, inputs["indicator"], inputs["year"])
    if kind == "per_day":
        return _per_day(dataset, claim, inputs["indicator"], inputs["year"])
    if kind == "per_day_change":
        a, a_range = _per_day(dataset, claim, inputs["indicator"], inputs["from"])
        b, b_range = _per_day(dataset, claim, inputs["indicator"], inputs["to"])
        return b - a, b_range - a_range
    if kind == "share":
        year = inputs["year"]
        n, n_range = _published(dataset, inputs["numerator"], year)
        d, d_range = _published(dataset, inputs["denominator"], year)
        n_scale = unit_scale(dataset.unit(inputs["numerator"]))
        d_scale = unit_scale(dataset.unit(inputs["denominator"]))
        ratio = n_range.scaled(n_scale).ratio(d_range.scaled(d_scale))
        if ratio is None or d == 0:
            raise _Missing("reason_zero_base")
        return n * n_scale / (d * d_scale) * 100, ratio.scaled(100)
    a, a_range = _published(dataset, inputs["indicator"], inputs["from"])
    b, b_range = _published(dataset, inputs["indicator"], inputs["to"])
    if kind in ("change", "pp_change"):
        return b - a, b_range - a_range
    ratio, change = b_range.ratio(a_range), b_range.change_pct(a_range)
    if ratio is None or change is None or a <= 0:
        raise _Missing("reason_zero_base")
    if kind == "growth":
        return (b / a - 1) * 100, change
    span = inputs["to"] - inputs["from"]
    if ratio.low < 0:  # no yearly rate of a level that may have passed below zero
        raise _Missing("reason_zero_base")
    yearly = ratio.power(1 / span)
    return ((b / a) ** (1 / span) - 1) * 100, Interval(yearly.low - 1, yearly.high - 1).scaled(100)


def _worded(claim: Claim, dataset: Dataset) -> tuple[Verdict, float, Interval, str]:
    """A direction, trend or comparison: whether the data can move (or lie) that way given
    its rounding; the computed figure is the change (or the level) it rests on."""
    inputs = claim.inputs
    indicator, want = inputs["indicator"], claim.stated
    if claim.kind == "identity":
        return _identity(dataset, indicator, inputs["parts"])
    if claim.kind == "ranking":
        return _ranking(dataset, indicator, inputs, want)
    if claim.kind == "level_ranking":
        return _level_ranking(dataset, indicator, inputs, want)
    if claim.kind == "first_since":
        return _first_since(dataset, indicator, inputs, want)
    if claim.kind == "comparison":
        value, own = _published(dataset, indicator, inputs["year"])
        against = [_published(dataset, indicator, y)[1] for y in inputs["against"]]
        if want > 0:
            broken = [
                y for y, r in zip(inputs["against"], against, strict=True) if r.low >= own.high
            ]
        else:
            broken = [
                y for y, r in zip(inputs["against"], against, strict=True) if r.high <= own.low
            ]
        verdict = Verdict.INCONSISTENT if broken else Verdict.CONSISTENT
        return verdict, value, own, ", ".join(str(y) for y in broken)
    years = [y for y in dataset.years if inputs["from"] <= y <= inputs["to"]]
    if claim.kind == "trend":
        known = []
        for year in years:
            try:
                known.append((year, *_published(dataset, indicator, year)))
            except _Missing:
                continue
        if len(known) < 2:
            raise _Missing("reason_missing_value")
        pairs = list(itertools.pairwise(known))
    else:
        pairs = [
            (
                (inputs["from"], *_published(dataset, indicator, inputs["from"])),
                (inputs["to"], *_published(dataset, indicator, inputs["to"])),
            )
        ]
    broken = [f"{a[0]}→{b[0]}" for a, b in pairs if not _moves(a[1], a[2], b[1], b[2], want)]
    first, last = pairs[0][0], pairs[-1][1]
    verdict = Verdict.INCONSISTENT if broken else Verdict.CONSISTENT
    return verdict, last[1] - first[1], last[2] - first[2], ", ".join(broken)


# "iets gedaald" allows a change of less than this (in %, relative), "sterk gestegen" at
# least this: the seed page calls -6,7% "iets teruggelopen" and +17% "sterk toegenomen",
# and one limit keeps a change from being both slight and strong.
DEGREE_LIMIT = 10.0


def _degree(claim: Claim, dataset: Dataset) -> tuple[bool, tuple[float, float]] | None:
    """Whether a direction's relative change can be as small ("iets") or as large ("sterk")
    as its degree says, and the change's range in %; None when it has no relative change
    (a base of 0 or less)."""
    inputs, want = claim.inputs, claim.stated
    _, before = _published(dataset, inputs["indicator"], inputs["from"])
    _, after = _published(dataset, inputs["indicator"], inputs["to"])
    change = after.change_pct(before)
    if change is None:
        return None
    low, high = change.low, change.high
    # The change's size in the stated direction: the smallest and largest it can be.
    smallest, largest = (max(low, 0.0), high) if want > 0 else (max(-high, 0.0), -low)
    fits = smallest < DEGREE_LIMIT if claim.degree == "slight" else largest >= DEGREE_LIMIT
    return fits, (low, high)


def _growth(dataset: Dataset, indicator: str, start: int, end: int) -> tuple[float, Interval]:
    """The change a ranking compares: percentage points for a percentage, % otherwise."""
    a, a_range = _published(dataset, indicator, start)
    b, b_range = _published(dataset, indicator, end)
    if dataset.unit(indicator) == PERCENT:
        return b - a, b_range - a_range
    ratio = b_range.ratio(a_range)
    if ratio is None or a <= 0:
        raise _Missing("reason_zero_base")
    return (b / a - 1) * 100, Interval(ratio.low - 1, ratio.high - 1).scaled(100)


def _ranking(
    dataset: Dataset, indicator: str, inputs: Any, want: float
) -> tuple[Verdict, float, Interval, str]:
    """ "De sterkste stijging": the indicator's change can be the largest (or, for a fall,
    the most negative) among the rows named in `among`, else among every row of its kind
    (percentages by points, the others by %) with both years."""
    start, end = inputs["from"], inputs["to"]
    value, own = _growth(dataset, indicator, start, end)
    percent = dataset.unit(indicator) == PERCENT
    rivals = inputs.get("among") or [
        i for i in dataset.ids if (dataset.unit(i) == PERCENT) == percent
    ]
    beaten = []
    for rival in rivals:
        if rival == indicator:
            continue
        try:
            _, reach = _growth(dataset, rival, start, end)
        except _Missing:
            continue
        if (want > 0 and reach.low > own.high) or (want < 0 and reach.high < own.low):
            beaten.append(rival)
    verdict = Verdict.INCONSISTENT if beaten else Verdict.CONSISTENT
    return verdict, value, own, ", ".join(beaten)


def _level_ranking(
    dataset: Dataset, indicator: str, inputs: Any, want: float
) -> tuple[Verdict, float, Interval, str]:
    """ "Het grootste kanaal", "met de meeste volgers": the indicator's level in the year can
    be the highest (lowest) among the rows named in `among`, else among every row of its
    family (counts over a year, levels at a moment, percentages, or its own unit), in units."""
    year = inputs["year"]
    value, own = _published(dataset, indicator, year)
    factor = unit_scale(dataset.unit(indicator))
    own_units = own.scaled(factor)
    family = _family(dataset.unit(indicator))
    rivals = inputs.get("among") or [i for i in dataset.ids if _family(dataset.unit(i)) == family]
    beaten = []
    for rival in rivals:
        if rival == indicator:
            continue
        try:
            _, reach = _published(dataset, rival, year)
        except _Missing:
            continue
        reach = reach.scaled(unit_scale(dataset.unit(rival)))
        if (want > 0 and reach.low > own_units.high) or (want < 0 and reach.high < own_units.low):
            beaten.append(rival)
    verdict = Verdict.INCONSISTENT if beaten else Verdict.CONSISTENT
    return verdict, value, own, ", ".join(beaten)


def _family(unit: str) -> str:
    """Rows whose levels can be ranked together: flows with flows (a million or not), stocks
    with stocks; a percentage or a score only with its own unit."""
    return {FLOW_MILLIONS: FLOW_UNIT, STOCK_MILLIONS: STOCK}.get(unit, unit)


def _first_since(
    dataset: Dataset, indicator: str, inputs: Any, want: float
) -> tuple[Verdict, float, Interval, str]:
    """ "Voor het eerst sinds 2016 gedaald": the last step (the year with a value before `to`,
    to `to`) can go that way, and no step from `from` before it certainly did. The computed
    figure is the last step's change."""
    known = []
    for year in dataset.years:
        if inputs["from"] <= year <= inputs["to"]:
            try:
                known.append((year, *_published(dataset, indicator, year)))
            except _Missing:
                continue
    if len(known) < 2 or known[-1][0] != inputs["to"]:
        raise _Missing("reason_missing_value")
    *earlier, (a, b) = list(itertools.pairwise(known))
    broken = [f"{x[0]}→{y[0]}" for x, y in earlier if _certainly(x[2], y[2], want)]
    if not _moves(a[1], a[2], b[1], b[2], want):
        broken.append(f"{a[0]}→{b[0]}")
    verdict = Verdict.INCONSISTENT if broken else Verdict.CONSISTENT
    return verdict, b[1] - a[1], b[2] - a[2], ", ".join(broken)


def _certainly(before: Interval, after: Interval, want: float) -> bool:
    """Whether a step certainly went the stated way, whatever the rounding hides."""
    change = after - before
    return change.low > 0 if want > 0 else change.high < 0


def _identity(
    dataset: Dataset, total: str, parts: list[str]
) -> tuple[Verdict, float, Interval, str]:
    """A row that is the sum of others ("saldo (a-b)"), in every year all of them have: each
    year the parts' range must meet the row's. The computed figure is the last such year's
    difference, parts minus row."""
    broken, last = [], None
    for year in dataset.years:
        try:
            value, own = _published(dataset, total, year)
            low = high = central = 0.0
            for part in parts:
                sign = -1.0 if part.startswith("-") else 1.0
                figure, reach = _published(dataset, part.lstrip("-"), year)
                central += sign * figure
                bounds = (sign * reach.low, sign * reach.high)
                low, high = low + min(bounds), high + max(bounds)
        except _Missing:
            continue
        if not Interval(low, high).overlaps(own):
            broken.append(str(year))
        last = (central - value, Interval(low - own.high, high - own.low))
    if last is None:
        raise _Missing("reason_missing_value")
    verdict = Verdict.INCONSISTENT if broken else Verdict.CONSISTENT
    return verdict, last[0], last[1], ", ".join(broken)


# "bleef gelijk": within the rounding, or less than half a percent apart.
SAME_WITHIN = 0.005


def _moves(a: float, a_range: Interval, b: float, b_range: Interval, want: float) -> bool:
    change = b_range - a_range
    if want > 0:
        return change.high > 0
    if want < 0:
        return change.low < 0
    return change.low <= 0 <= change.high or (a > 0 and abs(b / a - 1) < SAME_WITHIN)


def verify(claim: Claim, dataset: Dataset) -> Check:
    if claim.unlinked is not None:
        return Check(claim, Verdict.NOT_VERIFIABLE, reason="reason_not_linked")
    if claim.unverifiable:
        return Check(claim, Verdict.NOT_VERIFIABLE, reason="reason_not_in_data")
    try:
        if claim.kind in WORDED_KINDS:
            verdict, value, possible, against = _worded(claim, dataset)
            reached = _degree(claim, dataset) if claim.degree and claim.stated else None
            if reached is None:
                return Check(claim, verdict, value, possible, against=against)
            fits, change = reached
            if not fits:
                verdict = Verdict.INCONSISTENT
            return Check(claim, verdict, value, possible, against=against, degree_range=change)
        computed, possible = _compute(claim, dataset)
    except _Missing as missing:
        return Check(claim, Verdict.NOT_VERIFIABLE, reason=missing.reason)
    verdict = (
        Verdict.CONSISTENT if possible.overlaps(claim.stated_range()) else Verdict.INCONSISTENT
    )
    return Check(claim, verdict, computed, possible)


def check_row(check: Check, dataset: Dataset, lang: str) -> dict[str, Any]:
    """One claim's row: what it computes, the stated and computed figures and the verdict,
    for machines as numbers and for people as text."""
    from kanaalstats.text.catalogue import say

    claim, computed = check.claim, check.computed_range
    stated = claim.stated_range()
    worded = claim.kind in WORDED_KINDS
    unit = _display_unit(claim, dataset)
    exact = claim.wording is Wording.EXACT and not claim.round_word
    # A round word ("bijna een miljoen") has no decimals of its own to follow.
    stated_digits = max(claim.decimals, 0) if not claim.round_word else 1
    if claim.kind == "ranking":
        computed_digits = 1
    elif worded and claim.inputs:
        computed_digits = _published_digits(dataset, claim.inputs["indicator"])
    else:
        computed_digits = _deciding_digits(check, stated_digits)
    shown_kind = (
        "change" if claim.kind in ("direction", "trend", "identity", "first_since") else claim.kind
    )
    if claim.kind == "ranking":
        percent = bool(claim.inputs) and dataset.unit(claim.inputs["indicator"]) == PERCENT
        shown_kind = "pp_change" if percent else "growth"
    if claim.kind in ("comparison", "level_ranking"):
        shown_kind = "value"

    def figure(value: float | None, decimals: int) -> str:
        return _claim_figure(value, shown_kind, unit, decimals, lang)

    notes = []
    if claim.unlinked is not None:
        notes.append(say(claim.unlinked, lang))
    elif claim.unverifiable:
        notes.append(claim.unverifiable)
    elif check.reason:
        notes.append(text(check.reason, lang))
    if check.against:
        notes.append(text(f"against_{claim.kind}", lang, years=check.against))
    if check.degree_range is not None:
        low, high = (format_percent(bound, 2, lang, signed=True) for bound in check.degree_range)
        limit = format_percent(DEGREE_LIMIT, 0, lang)
        change = low if low == high else f"{low} … {high}"
        notes.append(text(f"degree_{claim.degree}", lang, limit=limit, change=change))
    if not exact and not worded:
        digits = (
            stated_digits + 1
            if claim.round_word
            else max(_digits_of(bound, stated_digits) for bound in (stated.low, stated.high))
        )
        low, high = (figure(bound, digits) for bound in (stated.low, stated.high))
        notes.append(text("stated_means", lang, low=low, high=high))
    per_day = claim.kind.startswith("per_day")
    if per_day:
        notes.append(text(f"days_{claim.days.value}", lang))
    if worded:
        stated_text = claim.stated_words or text(_direction_key(claim), lang)
    elif claim.stated_words:
        stated_text = claim.stated_words
    else:
        word = "" if exact else text(f"wording_{claim.wording.value}", lang) + " "
        stated_text = word + figure(
            claim.stated, stated_digits if claim.round_word else claim.decimals
        )
    bounds = (computed.low, computed.high) if computed else ()
    return {
        "id": claim.id,
        "kind": claim.kind,
        "inputs": _describe_inputs(claim),
        "quote": claim.quote,
        "stated": claim.stated,
        "wording": claim.wording.value,
        "stated_low": stated.low,
        "stated_high": stated.high,
        "computed": check.computed,
        "computed_low": computed.low if computed else None,
        "computed_high": computed.high if computed else None,
        "verdict": check.verdict.value,
        "reason": _reason_text(check, lang),
        "reason_code": check.reason or None,
        "unverifiable": claim.unverifiable or None,
        "days_basis": claim.days.value if per_day else None,
        "unit": unit,
        "decimals": claim.decimals,
        "stated_text": stated_text,
        "computed_text": figure(check.computed, computed_digits),
        # An exact count has no range: its figure is the only one.
        "range_text": ""
        if not bounds or math.isclose(bounds[0], bounds[1], rel_tol=1e-12)
        else " – ".join(figure(bound, computed_digits + 1) for bound in bounds),
        "verdict_text": text(f"verdict_{check.verdict.value}", lang),
        "kind_text": text(f"kind_{claim.kind}", lang),
        "explanation": "; ".join(notes),
    }


def _reason_text(check: Check, lang: str) -> str | None:
    """Why a claim is not verifiable, as people read it: for a statement of the text that is
    not linked, also why not ("niet gekoppeld aan de tabel: de zin gaat over 'Twitter' …")."""
    from kanaalstats.text.catalogue import say

    if not check.reason:
        return None
    said = text(check.reason, lang)
    if check.claim.unlinked is not None:
        said += ": " + say(check.claim.unlinked, lang)
    return said


def _digits_of(value: float, at_least: int) -> int:
    """The decimals a band's edge needs to be written exactly (42,5 for "zo'n 43"), at most
    two more than the figure's own."""
    for digits in range(at_least, at_least + 2):
        if math.isclose(value * 10**digits, round(value * 10**digits), abs_tol=1e-6):
            return digits
    return at_least + 2


def _published_digits(dataset: Dataset, indicator: str) -> int:
    decimals = [d for (i, _), (_, d) in _lookup(dataset).items() if i == indicator]
    return max(decimals, default=0)


def _direction_key(claim: Claim) -> str:
    if claim.kind == "identity":
        return "stated_identity"
    if claim.kind == "ranking":
        return "stated_most_up" if claim.stated > 0 else "stated_most_down"
    if claim.kind == "level_ranking":
        return "stated_highest" if claim.stated > 0 else "stated_lowest"
    if claim.kind == "first_since":
        return "stated_first_up" if claim.stated > 0 else "stated_first_down"
    if claim.kind == "comparison":
        return "stated_higher" if claim.stated > 0 else "stated_lower"
    return {1: "stated_up", -1: "stated_down"}.get(int(claim.stated), "stated_same")


def _deciding_digits(check: Check, stated_digits: int) -> int:
    """The decimals at which the computed figure shows its verdict: −16,46% beside a stated
    −16% (which allows −16,5 to −15,5), not −16,5%. A level is shown as published."""
    claim, value = check.claim, check.computed
    if claim.kind in ("value", "comparison", "level_ranking") or value is None:
        return stated_digits
    band = claim.stated_range()
    if math.isclose(value, band.low) or math.isclose(value, band.high):
        return stated_digits + 1
    inside = band.low <= value <= band.high
    for digits in range(stated_digits + 1, stated_digits + 5):
        shown = round(value, digits)
        at_bound = math.isclose(shown, band.low) or math.isclose(shown, band.high)
        if not at_bound and (band.low <= shown <= band.high) == inside:
            return digits
    return stated_digits + 4


def _describe_inputs(claim: Claim) -> str:
    inputs = claim.inputs
    if not inputs:
        return "–"
    if claim.kind == "identity":
        formula = " ".join(p if p.startswith("-") else "+" + p for p in inputs["parts"])
        return f"{inputs['indicator']} = {formula}"
    if claim.kind == "comparison":
        against = ", ".join(str(y) for y in inputs["against"])
        return f"{inputs['indicator']} {inputs['year']} ↔ {against}"
    if claim.kind == "share":
        return f"{inputs['numerator']} / {inputs['denominator']} {inputs['year']}"
    if "year" in inputs:
        return f"{inputs['indicator']} {inputs['year']}"
    return f"{inputs['indicator']} {inputs['from']}→{inputs['to']}"


def _display_unit(claim: Claim, dataset: Dataset) -> str:
    """The unit the stated and computed figures are in, for formatting them."""
    if claim.kind in ("growth", "cagr", "share", "pp_change"):
        return PERCENT
    if claim.kind.startswith("per_day") or claim.unverifiable or not claim.inputs:
        return "flow"
    return dataset.unit(claim.inputs["indicator"])


def _claim_figure(value: float | None, kind: str, unit: str, decimals: int, lang: str) -> str:
    """A stated or computed figure of a claim, in the form its kind is reported in."""
    if kind in ("growth", "cagr"):
        return format_percent(value, decimals, lang, signed=True)
    if kind == "share":
        return format_percent(value, decimals, lang)
    if kind == "pp_change":
        return format_in_unit(value, PERCENTAGE_POINTS, decimals, lang, change=True)
    signed = kind in ("change", "per_day_change")
    return format_in_unit(value, unit, decimals, lang, change=signed)


# Machines get the figures, people the same as text; `human`/`machine` say who sees a column.
_COLUMNS = [
    Column("id", "col_claim", Kind.TEXT),
    Column("kind", "col_kind", Kind.TEXT, human=False),
    Column("kind_text", "col_kind", Kind.TEXT, machine=False),
    Column("inputs", "col_inputs", Kind.TEXT),
    Column("quote", "col_claim", Kind.TEXT, human=False),
    Column("stated", "col_stated", Kind.NUMBER, human=False),
    Column("wording", "col_stated", Kind.TEXT, human=False),
    Column("stated_low", "col_range", Kind.NUMBER, human=False),
    Column("stated_high", "col_range", Kind.NUMBER, human=False),
    Column("stated_text", "col_stated", Kind.TEXT, machine=False),
    Column("computed", "col_computed", Kind.NUMBER, human=False),
    Column("computed_low", "col_range", Kind.NUMBER, human=False),
    Column("computed_high", "col_range", Kind.NUMBER, human=False),
    Column("computed_text", "col_computed", Kind.TEXT, machine=False),
    Column("range_text", "col_range", Kind.TEXT, machine=False),
    Column("verdict", "col_verdict", Kind.TEXT, human=False),
    Column("verdict_text", "col_verdict", Kind.TEXT, machine=False),
    Column("reason", "col_reason", Kind.TEXT, human=False),
    Column("reason_code", "col_reason", Kind.TEXT, human=False),
    Column("unverifiable", "col_reason", Kind.TEXT, human=False),
    Column("days_basis", "col_reason", Kind.TEXT, human=False),
    Column("explanation", "col_reason", Kind.TEXT, machine=False),
]
