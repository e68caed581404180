"""Naming indicators, entities and years on the command line: exact names, unambiguous
prefixes, and "did you mean" when neither fits."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from kanaalstats.domain.errors import UsageError
from kanaalstats.domain.message import Message

_LISTED = 10  # names listed when none is close to what was typed


def _resolve(name: str, names: Sequence[str], kind: str) -> str:
    """The name given exactly; else the only one equal to it with spaces and case ignored;
    else the only one it starts (case-insensitive).

    Otherwise a usage error: `{kind}_ambiguous` listing the candidates, or `{kind}_unknown`
    with the closest names (by spelling, or containing what was typed). `UTRECHT` never
    stands in for `Utrecht` when `Utrecht` is there too.
    """
    if name in names:
        return name
    stripped = name.strip()
    if stripped in names:
        return stripped
    wanted = stripped.casefold()
    folded = [n for n in names if n.strip().casefold() == wanted]
    if len(folded) == 1:
        return folded[0]
    if folded:
        raise UsageError(f"{kind}_ambiguous", name=name, candidates=", ".join(folded[:10]))
    candidates = [n for n in names if n.strip().casefold().startswith(wanted)] if wanted else []
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        raise UsageError(f"{kind}_ambiguous", name=name, candidates=", ".join(candidates[:10]))
    wanted = wanted.lower()
    by_lower = {n.lower(): n for n in names}
    close = difflib.get_close_matches(wanted, list(by_lower), n=3, cutoff=0.5)
    contains = [n for n in names if wanted and wanted in n.lower()]
    suggestions = list(dict.fromkeys([by_lower[c] for c in close] + contains))[:5]
    if suggestions:
        raise UsageError(f"{kind}_unknown_suggest", name=name, candidates=", ".join(suggestions))
    # Nothing close: the names there are (the first of them, in a panel's thousands).
    more = Message(f"{kind}_more", {"count": len(names) - _LISTED}) if len(names) > _LISTED else ""
    raise UsageError(f"{kind}_unknown", name=name, candidates=", ".join(names[:_LISTED]), more=more)


def resolve_indicator(name: str, ids: Sequence[str]) -> str:
    """The id named exactly, or the only id that starts with `name`."""
    return _resolve(name, ids, "indicator")


def resolve_entity(name: str, entities: Sequence[str]) -> str:
    """The entity named exactly, or the only entity that starts with `name`."""
    return _resolve(name, entities, "entity")


def resolve_indicators(names: Sequence[str] | None, ids: Sequence[str]) -> list[str]:
    """The ids named (in the order given, without repeats), or all ids when none is named."""
    if not names:
        return list(ids)
    return list(dict.fromkeys(resolve_indicator(name, ids) for name in names))


def check_year(year: int, years: Sequence[int]) -> int:
    """The year itself when the data has it; otherwise an error naming the years there are."""
    if year not in years:
        raise UsageError("year_not_in_data", year=year, first=min(years), last=max(years))
    return year


def check_span(from_year: int | None, to_year: int | None, years: Sequence[int]) -> None:
    """--from and --to go together, lie in the data, and run forwards."""
    if (from_year is None) != (to_year is None):
        raise UsageError("years_need_both")
    if from_year is None or to_year is None:
        return
    check_year(from_year, years)
    check_year(to_year, years)
    if from_year >= to_year:
        raise UsageError("years_reversed", first=from_year, last=to_year)
