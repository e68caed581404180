"""`report --context` and the rounding of derived figures: what the sentences say about a
change's run of years, its turn, its level and its rank, and how finely a figure derived from
rounded published figures is written. Expected sentences are worked out by hand below."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers import run, write
from kanaalstats.render.chart import publishers

# aanvragen: 100 90 80 85 95 70 — fell in 2019 after rises in 2017 and 2018; the fall
#    before ended in 2016; 70 is below every earlier year (2014-2018 all have a value).
# klachten: 10 … 60 — five rises in a row (2015, 2016, 2017, 2018, 2019); 60 tops every year.
# meldingen: 50 40 45 30 35 48 — rose in 2018 and 2019 (two in a row); 2014's 50 ≥ 48 and
#    2015-2018 are all lower, so "the highest since 2014".
# Relative changes 2018 → 2019: aanvragen 70/95 − 1 = −26,3%; klachten 60/50 − 1 = +20,0%;
# meldingen 48/35 − 1 = +37,1%. Of the two rises meldingen is the larger; aanvragen is the
# only fall, so no "largest fall".
# The percentage changes in points and is not ranked; its 2017 is missing, so its run of
# values is 2018-2019 only and it gets no level context.
TABLE = """indicator;2014;2015;2016;2017;2018;2019
aantal aanvragen;100;90;80;85;95;70
aantal klachten;10;20;30;40;50;60
aantal meldingen;50;40;45;30;35;48
% tevreden;;;;;60;62
"""


def _report(tmp_path: Path, *options: str) -> str:
    table = write(tmp_path, "context.csv", TABLE)
    # "aantal" is a prefix of the three counts' ids: it sets all three.
    result = run("report", "--data", str(table), "--unit", "aantal=flow", *options)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _sentences(tmp_path: Path, *options: str) -> list[str]:
    return [line for line in _report(tmp_path, *options).splitlines() if line.startswith("Het ")]


def test_context_names_the_run_the_turn_the_level_and_the_rank(tmp_path: Path) -> None:
    assert _sentences(tmp_path, "--context") == [
        "Het aantal aanvragen is in 2019 voor het eerst sinds 2016 afgenomen tot 70, het laagste"
        " niveau sinds het begin van de reeks in 2014, 26% minder dan in 2018 (95).",
        "Het aantal klachten is in 2019 voor het vijfde jaar op rij toegenomen tot 60, het"
        " hoogste niveau sinds het begin van de reeks in 2014, 20% meer dan in 2018 (50).",
        "Het aantal meldingen is in 2019 voor het tweede jaar op rij toegenomen tot 48, het"
        " hoogste niveau sinds 2014, 37% meer dan in 2018 (35), de sterkste stijging van alle"
        " aantallen in de tabel.",
        "Het percentage tevreden is in 2019 toegenomen tot 62%, 2 procentpunt meer dan in"
        " 2018 (60%).",
    ]


def test_context_in_english(tmp_path: Path) -> None:
    sentences = [
        line
        for line in _report(tmp_path, "--context", "--lang", "en").splitlines()
        if line.startswith("Aantal meldingen")
    ]
    # Without English labels the Dutch label is a heading.
    assert sentences == [
        "Aantal meldingen: increased for the second year in a row to 48 in 2019, the highest"
        " level since 2014, 37% more than in 2018 (35), the largest rise of all counts in the"
        " table."
    ]


def test_without_context_the_sentences_say_none_of_it(tmp_path: Path) -> None:
    plain = " ".join(_sentences(tmp_path))
    for phrase in ("op rij", "voor het eerst", "niveau", "sterkste"):
        assert phrase not in plain


def test_a_figure_from_millions_is_rounded_as_far_as_they_allow(tmp_path: Path) -> None:
    table = write(tmp_path, "m.csv", "indicator;2018;2019\nbezoeken (in miljoenen);2,0;2,4\n")
    result = run("report", "--data", str(table), "--unit", "bezoeken=flow_millions")
    assert result.exit_code == 0, result.stderr
    # 2,4 million is 2,35-2,45 million, 2,0 is 1,95-2,05: the change is 2,35/2,05 − 1 =
    # 14,6% to 2,45/1,95 − 1 = 25,6%, a range 11 wide, so to the ten: "zo'n 20%" (central
    # 20,0%). Per day in 2019: 2,35-2,45 million / 365 = 6.438-6.712, 274 wide, to the
    # hundred: 6.575,3 → "zo'n 6.600"; 2018: 1,95-2,05 million / 365 = 5.342-5.616 →
    # 5.479,5 → "zo'n 5.500".
    assert (
        "Bezoeken: in 2019 toegenomen tot 2,4 miljoen, zo'n 20% meer dan in 2018"
        " (2,0 miljoen). Dat is gemiddeld zo'n 6.600 per dag, tegen zo'n 5.500 per dag in"
        " 2018." in result.stdout
    )


def test_a_whole_count_keeps_its_usual_rounding(tmp_path: Path) -> None:
    table = write(tmp_path, "n.csv", "indicator;2018;2019\naantal aanvragen;3650;4015\n")
    result = run("report", "--data", str(table), "--unit", "aantal_aanvragen=flow")
    # Exact counts: 4.015 / 3.650 − 1 = 10%; 4.015 / 365 = 11; 3.650 / 365 = 10.
    assert (
        "toegenomen tot 4.015, 10% meer dan in 2018 (3.650). Dat is gemiddeld 11 per dag,"
        " tegen 10 per dag in 2018." in result.stdout
    )
    assert "zo'n" not in result.stdout


def test_a_change_too_large_to_compute_is_not_called_negative(tmp_path: Path) -> None:
    table = write(tmp_path, "big.csv", "indicator;2018;2019\naantal meldingen;1;1e308\n")
    result = run("report", "--data", str(table), "--unit", "aantal_meldingen=flow")
    assert result.exit_code == 0, result.stderr
    # 1e308 / 1 overflows a double: the relative change does not exist, and nothing is
    # negative here.
    assert "de procentuele verandering is te groot om te berekenen" in result.stdout
    assert "negatief" not in result.stdout


def test_a_source_that_another_only_adds_to_is_named_once() -> None:
    frame = pd.DataFrame(
        {
            "source": [
                "gemeente Utrecht",
                "gemeente Utrecht (tekst van de Utrecht Monitor)",
                "gemeente Utrechtse Heuvelrug",
                "CBS",
                "CBS",
                None,
            ]
        }
    )
    # "gemeente Utrecht" is the start of the second source, followed by " (": the same
    # publisher. "gemeente Utrechtse Heuvelrug" goes on inside a word: another publisher.
    assert publishers(frame) == [
        "gemeente Utrecht (tekst van de Utrecht Monitor)",
        "gemeente Utrechtse Heuvelrug",
        "CBS",
    ]


def test_a_turn_after_one_year_is_no_first_time_since(tmp_path: Path) -> None:
    # 10 → 8 (2016, a fall), 12 (2017, a rise), 9 (2018, a fall): only 2017 went the other
    # way, which is no "for the first time since 2016". The level is: 2016's 8 is as low
    # as 9 and 2017's 12 between is higher, so "the lowest since 2016".
    table = write(tmp_path, "turn.csv", "indicator;2015;2016;2017;2018\naantal x;10;8;12;9\n")
    result = run("report", "--data", str(table), "--unit", "aantal=flow", "--context")
    assert result.exit_code == 0, result.stderr
    assert (
        "Het aantal x is in 2018 afgenomen tot 9, het laagste niveau sinds 2016, 25% minder dan"
        " in 2017 (12)." in result.stdout
    )


def test_a_day_rate_that_rounds_the_same_is_not_set_against_itself(tmp_path: Path) -> None:
    # 12.300 / 365 = 33,7 and 12.500 / 365 = 34,2: both 34 a day, so "net als in 2018", not
    # "34 per dag, tegen 34 per dag".
    table = write(tmp_path, "d.csv", "indicator;2018;2019\naantal vertrekkers;12500;12300\n")
    result = run("report", "--data", str(table), "--unit", "aantal=flow")
    assert "Dat is gemiddeld 34 per dag, net als in 2018." in result.stdout
