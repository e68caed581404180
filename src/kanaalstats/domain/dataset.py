"""The loaded data: one frame of indicator metadata and one tidy frame of values.

Whatever the form on disk, a Dataset holds the indicators (indexed by id) and their values
(entity × indicator × year, in that order). A block of the pipeline is a Dataset too: the
same indicators and years, the values of some whole entities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from kanaalstats.domain.errors import UsageError
from kanaalstats.domain.message import Message
from kanaalstats.domain.units import UNITS, without_units_set

if TYPE_CHECKING:
    import pandas as pd

# An indicator's id, in every form of table: letters, digits, `_`, `.`, `-`.
ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_.-]*"


@dataclass(frozen=True)
class Dataset:
    """Indicators (metadata frame indexed by id), their values (tidy frame), and the years."""

    indicators: pd.DataFrame
    values: pd.DataFrame
    years: list[int]
    warnings: tuple[Message, ...] = ()
    sources: tuple[str, ...] = ()
    # (indicator, year) of the figures marked provisional (`2020*` in a header, `1.300*`).
    provisional: frozenset[tuple[str, int]] = frozenset()

    @property
    def ids(self) -> list[str]:
        return [str(i) for i in self.indicators.index]

    @property
    def entities(self) -> list[str]:
        """The entities of a panel (municipalities, districts); empty for a single table."""
        return [str(e) for e in self.values["entity"].cat.categories if str(e)]

    @property
    def has_entities(self) -> bool:
        categories = self.values["entity"].cat.categories
        return bool(len(categories) > 1 or (len(categories) == 1 and str(categories[0])))

    def for_entities(self, names: Sequence[str]) -> Dataset:
        """Only the named entities (`--entity`), each named exactly or by a unique prefix."""
        if not names:
            return self
        from kanaalstats.domain.selection import resolve_entity

        if not self.has_entities:
            raise UsageError("no_entities")
        chosen = list(dict.fromkeys(resolve_entity(name, self.entities) for name in names))
        values = self.values[self.values["entity"].isin(chosen)]
        values = values.assign(entity=values["entity"].cat.remove_unused_categories())
        return replace(self, values=values.reset_index(drop=True), years=years_of(values))

    def provisional_at(self, indicators: Any, years: Any, values: Any) -> Any:
        """Per row, whether its figure (present, of that indicator and year) is marked
        provisional: a boolean array. Marks are few (a published table's), rows may be many."""
        import numpy as np

        if not self.provisional:
            return np.zeros(len(values), dtype=bool)
        present = ~np.isnan(np.asarray(values, dtype="float64"))
        marked = np.zeros(len(present), dtype=bool)
        names = np.asarray(indicators, dtype=object).astype(str)
        at = np.asarray(years)
        for indicator, year in self.provisional:
            marked |= (names == indicator) & (at == year)
        return marked & present

    def unit(self, indicator: str) -> str:
        return str(self.indicators.at[indicator, "unit"])

    def label(self, indicator: str, lang: str) -> str:
        return str(label_in(self.indicators, lang)[indicator])

    def with_units(self, specs: Sequence[str]) -> Dataset:
        """A copy with some units set by the user (`--unit ID=UNIT`; an id may be a prefix)."""
        from kanaalstats.domain.selection import resolve_indicator

        if not specs:
            return self
        indicators = self.indicators.copy()
        chosen: set[str] = set()
        for spec in specs:
            name, sep, unit = spec.partition("=")
            if not sep or unit.strip() not in UNITS:
                raise UsageError("bad_unit_option", value=spec, choices=", ".join(UNITS))
            try:
                ids = [resolve_indicator(name.strip(), self.ids)]
            except UsageError as error:
                # A prefix of several ids sets them all: `--unit tevredenheid=score`.
                if error.message.key != "indicator_ambiguous":
                    raise
                wanted = name.strip().casefold()
                ids = [i for i in self.ids if i.casefold().startswith(wanted)]
            indicators.loc[ids, "unit"] = unit.strip()
            if "unit_rule" in indicators:
                indicators.loc[ids, "unit_rule"] = "option"
            chosen.update(ids)
        kept = (without_units_set(w, chosen) for w in self.warnings)
        warnings = tuple(w for w in kept if w is not None)
        return replace(self, indicators=indicators, warnings=warnings)


def label_in(frame: pd.DataFrame, lang: str) -> pd.Series[Any]:
    """The `label_nl`/`label_en` columns of a frame as one label per row in `lang`: English
    where asked for and present, Dutch otherwise (missing texts are empty)."""
    import pandas as pd

    if (lang != "en" or "label_en" not in frame) and isinstance(
        frame["label_nl"].dtype, pd.CategoricalDtype
    ):
        return frame["label_nl"]  # a result's labels: one per indicator, none missing
    dutch = frame["label_nl"].astype(object).fillna("").astype(str)
    if lang != "en" or "label_en" not in frame:
        return dutch
    english = frame["label_en"].astype(object).fillna("").astype(str)
    return english.where(english != "", dutch)


def years_of(values: pd.DataFrame) -> list[int]:
    """The distinct years of a values frame, in order."""
    return sorted(int(y) for y in values["year"].unique())
