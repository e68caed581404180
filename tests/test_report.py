"""`kanaalstats report`: summary sentences in Dutch and English, for this table and others."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURES, run, run_json, write

TELEFONIE = FIXTURES / "telefonie" / "kerncijfers.csv"


def _sentences(*args: str) -> dict[str, str]:
    rows = run_json("report", *args)["rows"]
    return {row["indicator"]: row["sentence"] for row in rows}


def test_2019_in_dutch() -> None:
    said = _sentences("--year", "2019")
    # 291.592 / 260.044 - 1 = 12,1% → 12%; 291.592 / 365 = 798,9 → 799 per dag
    assert said["digitale_aanvragen"] == (
        "Het aantal digitale aanvragen via Utrecht.nl is in 2019 toegenomen tot 291.592, "
        "12% meer dan in 2018 (260.044). Dat is gemiddeld 799 per dag, tegen 712 per dag in 2018."
    )
    # 15.598 / 18.671 - 1 = -16,5% → 16% minder; 18.671 / 365 = 51,2 → 51; 15.598 / 365 = 42,7 → 43
    assert "afgenomen tot 15.598, 16% minder dan in 2018 (18.671)" in said["emails_kcc"]
    assert "Dat is gemiddeld 43 per dag, tegen 51 per dag in 2018." in said["emails_kcc"]
    # 22% - 18% = 4 procentpunt
    assert said["inwoners_met_melding"] == (
        "Het percentage inwoners dat een melding openbare ruimte heeft gedaan in afgelopen 12 "
        "maanden is in 2019 toegenomen tot 22%, 4 procentpunt meer dan in 2018 (18%)."
    )
    # A stock gets no per-day average.
    assert "per dag" not in said["social_media_volgers"]


def test_2019_in_english() -> None:
    said = _sentences("--year", "2019", "--lang", "en")
    assert said["digitale_aanvragen"].startswith(
        "The number of digital applications via Utrecht.nl increased to 291,592 in 2019, "
        "12% more than in 2018 (260,044)."
    )
    assert "decreased to 15,598 in 2019, 16% less than in 2018 (18,671)" in said["emails_kcc"]
    assert "That is 43 a day on average, against 51 a day in 2018." in said["emails_kcc"]
    assert (
        "increased to 22% in 2019, 4 percentage points more than in 2018 (18%)"
        in said["inwoners_met_melding"]
    )
    # 5,5 million: the unit is spelt out
    assert "increased to 5.5 million in 2019" in said["websitebezoek"]


def test_unchanged() -> None:
    # 3,6 million in 2016 and in 2017
    assert (
        "is in 2017 gelijk gebleven op 3,6 miljoen (2016: 3,6 miljoen)."
        in _sentences("--year", "2017")["websitebezoek"]
    )
    assert (
        "remained unchanged at 3.6 million in 2017 (2016: 3.6 million)."
        in _sentences("--year", "2017", "--lang", "en")["websitebezoek"]
    )


def test_missing_years_are_said_plainly() -> None:
    nl = _sentences("--year", "2018")
    assert nl["websitebezoek_digitaal_loket"].startswith(
        "Het websitebezoek digitaal loket Utrecht.nl kwam in 2018 uit op 1,2 miljoen. "
    )
    # the missing year is no change: it is a year without a figure to compare with
    assert nl["websitebezoek_digitaal_loket"].endswith(
        "Voor 2017 is geen cijfer beschikbaar om mee te vergelijken."
    )
    assert nl["social_media_campagnes"].endswith("voor 2018 is geen cijfer beschikbaar.")
    en = _sentences("--year", "2018", "--lang", "en")
    assert "was 1.2 million in 2018." in en["websitebezoek_digitaal_loket"]
    assert en["websitebezoek_digitaal_loket"].endswith(
        "No figure is available for 2017 to compare with."
    )
    assert en["social_media_campagnes"].endswith("no figure is available for 2018.")


def test_first_year_has_no_previous() -> None:
    said = _sentences("--year", "2016")
    # 223.449 / 366 (2016 is a leap year) = 610,5 → 611 per dag
    assert said["digitale_aanvragen"] == (
        "Het aantal digitale aanvragen via Utrecht.nl kwam in 2016 uit op 223.449. "
        "Dat is gemiddeld 611 per dag. "
        "Voor het jaar ervoor is geen cijfer beschikbaar om mee te vergelijken."
    )


def test_labels_of_another_table() -> None:
    said = _sentences("--year", "2018", "--data", str(TELEFONIE))
    # 350.250 / 371.004 - 1 = -5,6% → 6% minder;
    # 350.250 / 365 = 959,6 → 960 per dag; 371.004 / 365 = 1.016,4 → 1.016 per dag
    assert said["aantal_telefoontjes_naar_gemeente"] == (
        "Het aantal telefoontjes naar gemeente is in 2018 afgenomen tot 350.250, 6% minder dan in "
        "2017 (371.004). Dat is gemiddeld 960 per dag, tegen 1.016 per dag in 2017."
    )
    # 78% - 80% = -2 procentpunt
    assert said["pct_bellers_dat_binnen_30_seconden_wordt_geholpen"] == (
        "Het percentage bellers dat binnen 30 seconden wordt geholpen is in 2018 afgenomen tot "
        "78%, 2 procentpunt minder dan in 2017 (80%)."
    )
    # A label that gives no safe Dutch subject becomes a heading; a score changes in
    # points: 7,4 - 7,2 = 0,2 punt
    assert said["klanttevredenheid_telefonie_rapportcijfer"] == (
        "Klanttevredenheid telefonie (rapportcijfer): in 2018 toegenomen tot 7,4, "
        "0,2 punt hoger dan in 2017 (7,2)."
    )
    english = _sentences("--year", "2018", "--data", str(TELEFONIE), "--lang", "en")
    # No English labels in this table: the Dutch label heads the English sentence.
    assert english["aantal_telefoontjes_naar_gemeente"].startswith(
        "Aantal telefoontjes naar gemeente: decreased to 350,250 in 2018, 6% less than in 2017"
    )


def test_subject_column(tmp_path: Path) -> None:
    text = (
        "id,label_nl,label_en,unit,subject_nl,subject_en,2018,2019\n"
        "bellen,telefonie totaal,calls,flow,het aantal keren dat inwoners belden,"
        "the number of calls from residents,100,100\n"
    )
    path = write(tmp_path, "t.csv", text)
    assert _sentences("--data", str(path))["bellen"].startswith(
        "Het aantal keren dat inwoners belden is in 2019 gelijk gebleven op 100"
    )
    assert _sentences("--data", str(path), "--lang", "en")["bellen"].startswith(
        "The number of calls from residents remained unchanged at 100 in 2019"
    )


def test_zero_base(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", ";2018;2019\naantal klachten;0;4\n")
    said = _sentences("--data", str(path))["aantal_klachten"]
    assert said == (
        "Het aantal klachten is in 2019 toegenomen tot 4 "
        "(in 2018: 0; een procentuele verandering ten opzichte van 0 bestaat niet)."
    )


def test_one_point_and_dutch_labels_in_english(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", ";2017;2018\n% tevreden;20;21\naantal klachten;;5\n")
    nl = _sentences("--data", str(path))
    # 21% - 20% = 1 procentpunt
    assert nl["pct_tevreden"] == (
        "Het percentage tevreden is in 2018 toegenomen tot 21%, "
        "1 procentpunt meer dan in 2017 (20%)."
    )
    assert nl["aantal_klachten"].startswith(
        "Het aantal klachten kwam in 2018 uit op 5. "
        "Voor 2017 is geen cijfer beschikbaar om mee te vergelijken."
    )
    # No English labels: the Dutch label heads the sentence; 1 percentage point, singular
    en = _sentences("--data", str(path), "--lang", "en")
    assert en["pct_tevreden"] == (
        "% tevreden: increased to 21% in 2018, 1 percentage point more than in 2017 (20%)."
    )
    assert en["aantal_klachten"].startswith(
        "Aantal klachten: 5 in 2018. No figure is available for 2017 to compare with."
    )


def test_markdown_is_paragraphs() -> None:
    result = run("report", "--year", "2019")
    assert result.exit_code == 0
    assert result.stdout.startswith("### Samenvatting\n\nHet websitebezoek Utrecht.nl is in 2019")
    assert "_Gemiddelde per dag over kalenderdagen (366 in schrikkeljaren)._" in result.stdout
    plain = run("report", "--format", "table")
    assert "Het aantal digitale aanvragen via Utrecht.nl is in 2019 toegenomen" in plain.stdout


def test_report_json_fields() -> None:
    document = run_json("report", "--year", "2019", "emails_kcc")
    assert document["year"] == 2019
    [row] = document["rows"]
    assert row["direction"] == "down"
    assert row["previous_year"] == 2018
    assert row["per_day"] == pytest.approx(15598 / 365)
    assert row["previous_per_day"] == pytest.approx(18671 / 365)


def test_report_year_not_in_data() -> None:
    result = run("report", "--year", "2021")
    assert result.exit_code == 2
    assert "2021" in result.stderr
