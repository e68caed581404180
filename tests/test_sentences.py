"""Report sentences as an analyst writes them: day rates where they mean something, working
days, stocks on 1 January, plain words for missing and negative bases, clean labels."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from helpers import FIXTURES, run_json, write
from kanaalstats.domain.workdays import easter, public_holidays, working_days
from kanaalstats.text.sentences import clean_label

BEVOLKING = str(FIXTURES / "bevolking" / "kerncijfers.csv")


def _report(*args: str) -> dict[str, str]:
    document = run_json("report", *args)
    return {row["indicator"]: row["sentence"] for row in document["rows"]}


def test_easter_dates() -> None:
    # Known Easter Sundays, from any church calendar
    assert easter(2016) == datetime.date(2016, 3, 27)
    assert easter(2019) == datetime.date(2019, 4, 21)
    assert easter(2024) == datetime.date(2024, 3, 31)
    assert easter(2038) == datetime.date(2038, 4, 25)  # the latest possible date
    assert easter(1818) == datetime.date(1818, 3, 22)  # the earliest possible date


def test_working_days_by_hand() -> None:
    # 2019 starts on a Tuesday: 52 weeks and one day (Tue) → 52 × 5 + 1 = 261 weekdays.
    # Holidays on a weekday: 1 Jan (Tue), Paasmaandag 22 Apr, Hemelvaart 30 May (Thu),
    # Pinkstermaandag 10 Jun, 25 and 26 Dec (Wed, Thu) = 6; Koningsdag 27 Apr is a Saturday
    # and 2019 is no lustrum year: 261 - 6 = 255.
    assert working_days(2019) == 255
    # 2020 (leap) starts on a Wednesday: 52 weeks + Wed, Thu → 262 weekdays. On weekdays:
    # 1 Jan (Wed), 13 Apr, Koningsdag 27 Apr (Mon), Bevrijdingsdag 5 May (Tue, lustrum),
    # 21 May, 1 Jun, 25 Dec (Fri) = 7; 26 Dec is a Saturday: 262 - 7 = 255.
    assert working_days(2020) == 255
    # Koningsdag on a Sunday moves to Saturday 26 April (2025: 27 April is a Sunday)
    assert datetime.date(2025, 4, 26) in public_holidays(2025)
    # Koninginnedag (30 April) before 2014
    assert datetime.date(2013, 4, 30) in public_holidays(2013)


def test_day_rate_only_from_one_a_day(tmp_path: Path) -> None:
    said = _report("--data", BEVOLKING, "--year", "2019")
    # 9 incidents / 365 = 0,02 a day: no day rate; 120 → 45 in a balance: 0,12 a day, none
    assert "per dag" not in said["aantal_incidenten"]
    assert "per dag" not in said["saldo_binnenlandse_verhuizingen"]
    # 90.000 / 365 = 246,6 → 247; 95.000 / 365 = 260,3 → 260
    assert said["aantal_baliebezoeken"].endswith(
        "Dat is gemiddeld 247 per dag, tegen 260 per dag in 2018."
    )
    asked = _report("--data", BEVOLKING, "--year", "2019", "--per-day")
    # 9 / 365 = 0,025 → 0,0; 15 / 365 = 0,041 → 0,0: the same as written, so no contrast
    assert asked["aantal_incidenten"].endswith("Dat is gemiddeld 0,0 per dag, net als in 2018.")
    refused = _report("--data", BEVOLKING, "--year", "2019", "--no-per-day")
    assert not any("per dag" in sentence for sentence in refused.values())
    # a stock never gets a day rate, even when asked
    assert "per dag" not in asked["a_aantal_inwoners_op_1_januari"]


def test_working_day_basis() -> None:
    document = run_json("report", "--data", BEVOLKING, "--year", "2019", "--days", "werkdagen")
    said = {row["indicator"]: row["sentence"] for row in document["rows"]}
    # 90.000 / 255 = 352,9 → 353. 2018 starts on a Monday: 261 weekdays, less 1 Jan, 2 Apr,
    # Koningsdag 27 Apr (Fri), 10 May, 21 May, 25 and 26 Dec = 254; 95.000 / 254 = 374,0 → 374
    assert said["aantal_baliebezoeken"].endswith(
        "Dat is gemiddeld 353 per werkdag, tegen 374 per werkdag in 2018."
    )
    assert document["days_basis"] == "werkdagen"
    assert any("maandag tot en met vrijdag" in note for note in document["notes"])
    daily = run_json(
        "daily",
        "--data",
        BEVOLKING,
        "aantal_baliebezoeken",
        "--year",
        "2019",
        "--days",
        "werkdagen",
    )
    [row] = daily["rows"]
    assert row["days"] == 255
    assert row["per_day"] == pytest.approx(90000 / 255)


def test_stock_on_1_january_changed_during_the_year_before() -> None:
    said = _report("--data", BEVOLKING, "--year", "2019")
    # 357.179 / 352.100 - 1 = 1,44% → 1%
    assert said["a_aantal_inwoners_op_1_januari"] == (
        "Het aantal inwoners is in 2018 toegenomen tot 357.179 op 1 januari 2019, "
        "1% meer dan op 1 januari 2018 (352.100)."
    )
    english = _report("--data", BEVOLKING, "--year", "2019", "--lang", "en")
    assert english["a_aantal_inwoners_op_1_januari"].startswith(
        "Aantal inwoners: increased during 2018 to 357,179 on 1 January 2019, "
        "1% more than on 1 January 2018 (352,100)."
    )


def test_negative_and_zero_bases_are_named(tmp_path: Path) -> None:
    said = _report("--data", BEVOLKING, "--year", "2019")
    assert said["saldo_binnenlandse_verhuizingen"] == (
        "Saldo binnenlandse verhuizingen: in 2019 toegenomen tot 45 (in 2018: -30; een "
        "procentuele verandering ten opzichte van een negatief getal zegt niets)."
    )
    assert "vanaf 0" not in said["saldo_binnenlandse_verhuizingen"]
    # 120 → -30: -125% is true but says nothing; the sentence names the sign instead
    earlier = _report("--data", BEVOLKING, "--year", "2018")
    assert earlier["saldo_binnenlandse_verhuizingen"] == (
        "Saldo binnenlandse verhuizingen: in 2018 afgenomen tot -30 (in 2017: 120; een "
        "procentuele verandering naar een negatief getal zegt niets)."
    )


def test_score_changes_in_points() -> None:
    said = _report("--data", BEVOLKING, "--year", "2019")
    # 6,0 - 6,9 = -0,9 punt
    assert said["rapportcijfer_dienstverlening"] == (
        "Rapportcijfer dienstverlening: in 2019 afgenomen tot 6,0, "
        "0,9 punt lager dan in 2018 (6,9)."
    )


def test_labels_lose_markers_and_stars_and_of_which_names_its_parent() -> None:
    assert clean_label("B. aantal vertrekkers:") == "aantal vertrekkers"
    assert clean_label("aantal aanvragen* via de website") == "aantal aanvragen via de website"
    assert clean_label("3) aantal klachten**") == "aantal klachten"
    assert clean_label("- aantal meldingen") == "aantal meldingen"
    # a label that starts with a word, not a marker, keeps it
    assert clean_label("A-locaties in beheer") == "A-locaties in beheer"
    said = _report("--data", BEVOLKING, "--year", "2019")
    assert said["b_aantal_vertrekkers"].startswith("Het aantal vertrekkers is in 2019 afgenomen")
    assert said["aantal_aanvragen_via_de_website"].startswith(
        "Het aantal aanvragen via de website is in 2019"
    )
    # 40.000 / 35.000 - 1 = 14,3% → 14%
    assert said["waarvan_online"].startswith(
        "Aantal aanvragen via de website, waarvan online: in 2019 toegenomen tot 40.000, "
        "14% meer dan in 2018 (35.000)."
    )


def test_default_year_is_the_last_most_indicators_have() -> None:
    document = run_json("report", "--data", BEVOLKING)
    # 2020 has 1 of the 9 rows, 2019 all 9: the report is of 2019, and says why
    assert document["year"] == 2019
    assert {row["year"] for row in document["rows"]} == {2019}
    assert document["notes"][0] == (
        "Samenvatting van 2019: het laatste jaar waarin de meeste indicatoren een cijfer "
        "hebben (9 van de 9, tegen 1 van de 9 in 2020). Kies een ander jaar met --year."
    )
    asked = run_json("report", "--data", BEVOLKING, "--year", "2020")
    assert asked["year"] == 2020


def test_default_year_without_a_majority(tmp_path: Path) -> None:
    table = ";2018;2019;2020\naantal a;1;-;-\naantal b;-;2;-\naantal c;-;3;-\naantal d;-;-;-\n"
    path = write(tmp_path, "t.csv", table)
    document = run_json("report", "--data", str(path))
    # 2019 has 2 of 4 (not most), 2018 has 1, 2020 none: the year with the most, 2019
    assert document["year"] == 2019
    assert "in geen enkel jaar heeft de meerderheid van de 4 indicatoren" in document["notes"][0]


def test_daily_and_share_in_units_drop_the_millions_from_the_label() -> None:
    from helpers import run

    daily = run("daily", "websitebezoek", "--year", "2019").stdout
    # 5,5 million is shown as 5.500.000: the label must not say "(in miljoenen)"
    assert "5.500.000" in daily
    assert "websitebezoek Utrecht.nl" in daily
    assert "miljoenen" not in daily
    share = run("share", "websitebezoek_digitaal", "websitebezoek", "--year", "2019").stdout
    # 1,4 / 5,5 = 25,45% → 25,5%
    assert "1.400.000" in share
    assert "25,5%" in share
    assert "miljoenen" not in share
    # the table itself still shows the published millions under the published label
    assert "(in miljoenen)" in run("table", "websitebezoek").stdout
