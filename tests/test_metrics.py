"""Derived figures against arithmetic done by hand on the report's table."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from helpers import computed
from kanaalstats.commands.daily import Daily
from kanaalstats.commands.growth import NOTE_MISSING, NOTE_ZERO_BASE, growth
from kanaalstats.commands.share import Share
from kanaalstats.domain.choices import DaysBasis
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.errors import UndefinedError, UsageError
from kanaalstats.load.files import load


def _growth_row(dataset: Dataset, indicator: str, a: int, b: int) -> dict[str, object]:
    frame = growth(dataset, [indicator], a, b)
    assert len(frame) == 1
    return frame.iloc[0].to_dict()


def test_digitale_aanvragen_2018_2019(builtin: Dataset) -> None:
    row = _growth_row(builtin, "digitale_aanvragen", 2018, 2019)
    # 291.592 - 260.044 = 31.548; 31.548 / 260.044 = 0,121318... → +12,13%
    assert row["change"] == 31548
    assert row["change_pct"] == pytest.approx(12.1318, abs=1e-4)
    assert math.isnan(float(row["cagr_pct"]))  # one year: no average annual growth


def test_emails_2018_2019_fall(builtin: Dataset) -> None:
    row = _growth_row(builtin, "emails_kcc", 2018, 2019)
    # (15.598 - 18.671) / 18.671 = -3.073 / 18.671 = -0,164587 → -16,46%
    assert row["change"] == -3073
    assert row["change_pct"] == pytest.approx(-16.4587, abs=1e-4)


def test_percent_indicator_changes_in_percentage_points(builtin: Dataset) -> None:
    row = _growth_row(builtin, "inwoners_met_melding", 2018, 2019)
    # 22% - 18% = +4 percentage points; relative: 4 / 18 = +22,22%
    assert row["unit"] == "percent"
    assert row["change"] == 4
    assert row["change_pct"] == pytest.approx(22.2222, abs=1e-4)


def test_growth_from_missing_year_is_missing(builtin: Dataset) -> None:
    row = _growth_row(builtin, "websitebezoek_digitaal_loket", 2017, 2018)
    # 2017 is '-' in the report: no change, no growth, and the reason says so.
    assert math.isnan(float(row["change"]))
    assert math.isnan(float(row["change_pct"]))
    assert row["note"] == NOTE_MISSING


def test_cagr_over_three_years(builtin: Dataset) -> None:
    row = _growth_row(builtin, "digitale_aanvragen", 2016, 2019)
    # (291.592 / 223.449) ** (1/3) - 1 = 1,304960 ** 0,3333 - 1 = 0,092779 → +9,28% a year
    assert row["cagr_pct"] == pytest.approx(9.2779, abs=1e-4)
    # 291.592 - 223.449 = 68.143
    assert row["change"] == 68143


def test_consecutive_years_by_default(builtin: Dataset) -> None:
    frame = growth(builtin, ["websitebezoek"])
    pairs = list(zip(frame["from_year"], frame["to_year"], strict=True))
    assert pairs == [(2016, 2017), (2017, 2018), (2018, 2019)]
    # 4,6 - 3,6 = 1,0 million; 5,5 - 4,6 = 0,9 million
    assert frame["change"].tolist() == pytest.approx([0.0, 1.0, 0.9])


def test_emails_per_day_calendar_days(builtin: Dataset) -> None:
    frame, notes = computed(Daily(["emails_kcc"], None, DaysBasis.CALENDAR), builtin)
    per_day = dict(zip(frame["year"], frame["per_day"], strict=True))
    days = dict(zip(frame["year"], frame["days"], strict=True))
    assert days[2016] == 366  # 2016 is a leap year
    assert per_day[2016] == pytest.approx(56.2240, abs=1e-4)  # 20.578 / 366 = 56,224
    assert per_day[2019] == pytest.approx(42.7342, abs=1e-4)  # 15.598 / 365 = 42,734
    assert [n.key for n in notes] == ["basis_calendar"]


def test_365_day_convention(builtin: Dataset) -> None:
    frame, notes = computed(Daily(["emails_kcc"], 2016, DaysBasis.FIXED_365), builtin)
    # 20.578 / 365 = 56,378
    assert frame["per_day"].iloc[0] == pytest.approx(56.3781, abs=1e-4)
    assert frame["days"].iloc[0] == 365
    assert notes[-1].key == "basis_fixed_365"


def test_meldingen_per_day_2019(builtin: Dataset) -> None:
    frame, _ = computed(Daily(["meldingen_openbare_ruimte"], 2019, DaysBasis.CALENDAR), builtin)
    # 106.683 / 365 = 292,28
    assert frame["per_day"].iloc[0] == pytest.approx(292.2822, abs=1e-4)


def test_millions_are_converted_to_units_per_day(builtin: Dataset) -> None:
    frame, _ = computed(Daily(["websitebezoek"], 2019, DaysBasis.CALENDAR), builtin)
    # 5,5 million / 365 = 5.500.000 / 365 = 15.068,49
    assert frame["value"].iloc[0] == 5_500_000
    assert frame["per_day"].iloc[0] == pytest.approx(15068.4932, abs=1e-3)


def test_daily_refuses_a_named_stock(builtin: Dataset) -> None:
    with pytest.raises(UsageError) as caught:
        computed(Daily(["social_media_volgers"], None, DaysBasis.CALENDAR), builtin)
    assert caught.value.message.key == "not_a_flow"


def test_daily_leaves_out_non_flows_with_a_note(builtin: Dataset) -> None:
    frame, notes = computed(Daily(None, None, DaysBasis.CALENDAR), builtin)
    assert "social_media_volgers" not in set(frame["indicator"])
    assert "inwoners_met_melding" not in set(frame["indicator"])
    skipped = [n for n in notes if n.key == "daily_skipped"]
    assert skipped
    assert "social_media_volgers" in skipped[0].params["ids"]


def test_share_of_meldingen_in_aanvragen(builtin: Dataset) -> None:
    frame, _ = computed(
        Share("meldingen_openbare_ruimte", "digitale_aanvragen", 2019, "nl"), builtin
    )
    # 106.683 / 291.592: 291.592 × 0,3658 = 106.664,35; 18,65 / 291.592 = 0,000064 → 36,5864%
    assert frame["share_pct"].iloc[0] == pytest.approx(36.5864, abs=1e-4)


def test_share_refuses_percent(builtin: Dataset) -> None:
    with pytest.raises(UsageError):
        computed(Share("inwoners_met_melding", "digitale_aanvragen", None, "nl"), builtin)


def test_zero_base_is_undefined(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("id,label_nl,unit,2018,2019\na,a,flow,0,5\nb,b,flow,0,10\n", encoding="utf-8")
    dataset = load([table])
    row = growth(dataset, ["a"], 2018, 2019).iloc[0]
    assert row["change"] == 5
    assert math.isnan(row["change_pct"])
    assert row["note"] == NOTE_ZERO_BASE
    # b is 0 in 2018 only: that year has no share of a in b; 2019 has one.
    frame, notes = computed(Share("a", "b", None, "nl"), dataset)
    assert math.isnan(frame["share_pct"].iloc[0])
    assert frame["share_pct"].iloc[1] == pytest.approx(50.0)  # 5 / 10
    assert notes[0].key == "share_zero_some"
    with pytest.raises(UndefinedError):
        computed(Share("a", "b", 2018, "nl"), dataset)
