"""`kanaalstats check`: the claims file, interval verdicts, exit codes and refusals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import FIXTURES, run, write
from kanaalstats.commands.check import verify
from kanaalstats.domain.choices import DaysBasis
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.errors import ExitCode, KanaalstatsError
from kanaalstats.domain.intervals import Interval
from kanaalstats.load.claims import Claim, Wording, load_claims
from kanaalstats.load.files import load
from kanaalstats.text.catalogue import say

TELEFONIE = FIXTURES / "telefonie"


def _by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in rows}


# --- the built-in report ------------------------------------------------------------------------


def test_builtin_claims_verdicts() -> None:
    result = run("check", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = _by_id(json.loads(result.stdout)["rows"])
    assert len(rows) == 30
    unverifiable = {i for i, r in rows.items() if r["verdict"] == "not_verifiable"}
    assert unverifiable == {"twitter-volgers-begin-2019", "instagram-volgers-groei"}
    assert {r["verdict"] for i, r in rows.items() if i not in unverifiable} == {"consistent"}
    # 291.592 / 260.044 - 1 = 12,13%; stated "12%" allows 11,5 to 12,5
    growth = rows["aanvragen-groei-2019"]
    assert growth["computed"] == pytest.approx(12.1318, abs=1e-4)
    assert (growth["stated_low"], growth["stated_high"]) == (11.5, 12.5)
    # 4,6 - 3,6 = 1,0 million, but 4,6 and 3,6 are rounded: 4,55 - 3,65 = 0,90 to
    # 4,65 - 3,55 = 1,10, so "bijna een miljoen" (a round word: 0,9 to 1,0) is reachable.
    visits = rows["websitebezoek-groei-2018"]
    assert visits["computed"] == pytest.approx(1.0)
    assert visits["computed_low"] == pytest.approx(0.9)
    assert visits["computed_high"] == pytest.approx(1.1)
    assert visits["verdict"] == "consistent"
    # 18.671 / 365 - 15.598 / 365 = 51,153 - 42,734 = 8,419 fewer e-mails a day
    assert rows["kop-acht-emails-minder"]["computed"] == pytest.approx(-8.4192, abs=1e-4)
    assert rows["kop-acht-emails-minder"]["days_basis"] == "calendar"
    # 106.683 / 291.592 = 36,59% (whole counts, exact), just under 100/3 × 1,1 = 36,67% for
    # "ruim een derde"
    third = rows["meldingen-aandeel-2019-een-derde"]
    assert third["stated_high"] == pytest.approx(110 / 3)
    assert third["computed_low"] == third["computed_high"] == pytest.approx(106683 / 291592 * 100)
    assert third["verdict"] == "consistent"


def test_builtin_claims_table_in_dutch() -> None:
    result = run("check")
    assert result.exit_code == 0
    assert "klopt" in result.stdout
    assert "niet te controleren" in result.stdout
    assert "30 claims: 28 kloppen, 0 kloppen niet, 2 niet te controleren" in result.stdout


def test_strict_fails_on_unverifiable_claims() -> None:
    assert run("check", "--strict").exit_code == ExitCode.CHECK_FAILED


# --- a second, invented table in published format ---------------------------------------------


def test_invented_table_end_to_end() -> None:
    args = [
        "--data",
        str(TELEFONIE / "kerncijfers.csv"),
        "--claims",
        str(TELEFONIE / "claims.toml"),
    ]
    result = run("check", *args, "--format", "json")
    assert result.exit_code == ExitCode.CHECK_FAILED  # two claims are wrong
    rows = _by_id(json.loads(result.stdout)["rows"])
    verdicts = {i: r["verdict"] for i, r in rows.items()}
    assert verdicts == {
        "telefoontjes-2018": "consistent",
        "telefoontjes-groei-2018": "consistent",
        "telefoontjes-groei-fout": "inconsistent",
        "telefoontjes-cagr": "consistent",
        "bellers-snel-geholpen": "consistent",
        "telefoontjes-per-dag-2016": "consistent",
        "telefoontjes-per-dag-2016-365": "inconsistent",
        "telefoontjes-per-dag-minder": "consistent",
        "terugbel-aandeel": "consistent",
        "balie-bijna-twee-ton-minder": "consistent",
        "tevredenheid-2018": "consistent",
        "terugbel-groei-2016": "not_verifiable",
    }
    # (350.250 / 412.300) ** (1/3) - 1 = -5,29%
    assert rows["telefoontjes-cagr"]["computed"] == pytest.approx(-5.2917, abs=1e-3)
    # 398.512 / 366 = 1.088,83 (2016 is a leap year); 398.512 / 365 = 1.091,81
    assert rows["telefoontjes-per-dag-2016"]["computed"] == pytest.approx(1088.8306, abs=1e-3)
    assert rows["telefoontjes-per-dag-2016-365"]["computed"] == pytest.approx(1091.8137, abs=1e-3)
    assert rows["telefoontjes-per-dag-2016-365"]["days_basis"] == "365"
    # 78% - 80% = -2 pp; with rounding 77,5 - 80,5 = -3 to 78,5 - 79,5 = -1
    pp = rows["bellers-snel-geholpen"]
    assert (pp["computed_low"], pp["computed"], pp["computed_high"]) == (-3, -2, -1)
    # 18.120 / 350.250 = 5,173%
    assert rows["terugbel-aandeel"]["computed"] == pytest.approx(5.1734, abs=1e-4)
    assert rows["terugbel-groei-2016"]["reason_code"] == "reason_missing_value"
    # For people the reason is the catalogue's text in the chosen language, not its key.
    assert rows["terugbel-groei-2016"]["reason"] == "een benodigde waarde ontbreekt in de gegevens"
    csv_result = run("check", *args, "--format", "csv")
    assert csv_result.exit_code == ExitCode.CHECK_FAILED
    assert csv_result.stdout.startswith("id,kind,inputs,quote,")


# --- rounding boundaries and wording -----------------------------------------------------------

TABLE = ";2017;2018\nbezoek (in miljoenen);3,6;4,6\n"


def _verdict(tmp_path: Path, claim: str) -> str:
    data = write(tmp_path, "t.csv", TABLE)
    claims = write(
        tmp_path,
        "c.toml",
        '[[claim]]\nid = "x"\nquote = "q"\nindicator = "bezoek"\n' + claim,
    )
    result = run("check", "--data", str(data), "--claims", str(claims), "--format", "json")
    verdict = str(json.loads(result.stdout)["rows"][0]["verdict"])
    assert result.exit_code == (ExitCode.CHECK_FAILED if verdict == "inconsistent" else ExitCode.OK)
    return verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # 4,6 - 3,6: 0,90 to 1,10 million given the rounding of both values.
        (
            'kind = "change"\nfrom = 2017\nto = 2018\nstated = "1,1"',
            "consistent",
        ),  # 1,05-1,15 meets 1,10
        ('kind = "change"\nfrom = 2017\nto = 2018\nstated = "1,2"', "inconsistent"),  # 1,15-1,25
        # growth: 4,55 / 3,65 - 1 = 24,66% to 4,65 / 3,55 - 1 = 30,99%
        ('kind = "growth"\nfrom = 2017\nto = 2018\nstated = "31%"', "consistent"),  # 30,5-31,5
        ('kind = "growth"\nfrom = 2017\nto = 2018\nstated = "32%"', "inconsistent"),  # 31,5-32,5
        ('kind = "growth"\nfrom = 2017\nto = 2018\nstated = "24%"', "inconsistent"),  # 23,5-24,5
        ('kind = "growth"\nfrom = 2017\nto = 2018\nstated = "25%"', "consistent"),  # 24,5-25,5
        # value 3,6 stands for 3,55-3,65
        ('kind = "value"\nyear = 2017\nstated = "3,65"', "consistent"),
        ('kind = "value"\nyear = 2017\nstated = "3,67"', "inconsistent"),  # 3,665-3,675
        # approximate wording on the change (0,90 to 1,10)
        ('kind = "change"\nfrom = 2017\nto = 2018\nstated = 1\nwording = "bijna"', "consistent"),
        ('kind = "change"\nfrom = 2017\nto = 2018\nstated = 1\nwording = "ruim"', "consistent"),
        # "bijna 1,3" is written to the tenth: 1,2 to 1,3, out of reach
        (
            'kind = "change"\nfrom = 2017\nto = 2018\nstated = "1,3"\nwording = "bijna"',
            "inconsistent",
        ),
        # "ruim 0,7": 0,7 to 0,8, short of 0,90 (the old 10% rule allowed 0,7 to 0,77)
        (
            'kind = "change"\nfrom = 2017\nto = 2018\nstated = "0,7"\nwording = "ruim"',
            "inconsistent",
        ),
        # "bijna 2" is written to the unit: 1 to 2 meets 1,10
        ('kind = "change"\nfrom = 2017\nto = 2018\nstated = 2\nwording = "bijna"', "consistent"),
        (
            'kind = "change"\nfrom = 2017\nto = 2018\nstated = "1,5"\nwording = "zo\'n"',
            "inconsistent",
        ),
        # 1,5 × (1 ± 0,5) = 0,75 to 2,25 meets 0,90-1,10
        (
            'kind = "change"\nfrom = 2017\nto = 2018\nstated = "1,5"\n'
            'wording = "about"\ntolerance = 0.5',
            "consistent",
        ),
    ],
)
def test_rounding_boundaries_and_wording(tmp_path: Path, claim: str, verdict: str) -> None:
    assert _verdict(tmp_path, claim) == verdict


def test_stated_ranges() -> None:
    dataset = load([FIXTURES / "telefonie" / "kerncijfers.csv"])
    claims = load_claims(TELEFONIE / "claims.toml", dataset)
    balie = next(c for c in claims if c.id == "balie-bijna-twee-ton-minder")
    assert balie.wording is Wording.ALMOST
    # "bijna -0,2" is written to the tenth: under 0,2 in size by up to 0,1, so -0,2 to -0,1
    assert balie.stated_range() == Interval(pytest.approx(-0.2), pytest.approx(-0.1))
    exact = next(c for c in claims if c.id == "terugbel-aandeel")
    # "5,2%" stands for 5,15 to 5,25
    assert exact.stated_range() == Interval(pytest.approx(5.15), pytest.approx(5.25))
    assert verify(exact, dataset).verdict == "consistent"


def test_interval_arithmetic() -> None:
    a = Interval.around(3.6, 1)
    b = Interval.around(4.6, 1)
    assert (b - a) == Interval(pytest.approx(0.9), pytest.approx(1.1))
    ratio = b.ratio(a)
    assert ratio is not None
    assert ratio.low == pytest.approx(4.55 / 3.65)
    assert Interval(0, 1).ratio(Interval(0, 2)) is None  # a base that may be 0
    # a published 0,0 over 1,0: -0,05 / 0,95 … 0,05 / 0,95
    spread = Interval(-0.05, 0.05).ratio(Interval(0.95, 1.05))
    assert spread is not None
    assert (spread.low, spread.high) == (pytest.approx(-0.05 / 0.95), pytest.approx(0.05 / 0.95))
    assert Interval(1, 2).overlaps(Interval(2, 3))
    assert not Interval(1, 2).overlaps(Interval(2.01, 3))


# --- malformed claims files --------------------------------------------------------------------


def _body(claim_id: str, kind: str, indicator: str, years: str, stated: str = "1") -> str:
    head = f'id = "{claim_id}"\nquote = "q"\nkind = "{kind}"\nindicator = "{indicator}"\n'
    return head + years + f"\nstated = {stated}\n"


GOOD = _body("c1", "value", "emails_kcc", "year = 2019", "15598")


@pytest.mark.parametrize(
    ("body", "key", "needles"),
    [
        ("[[claim]\nid = 1", "claims_toml", ["line 1"]),
        ("", "claims_none", []),
        ("[other]\nx = 1\n", "claims_top_level", ["other"]),
        (
            GOOD.replace('kind = "value"', 'kind = "median"'),
            "claim_bad_choice",
            ["c1", "kind", "share"],
        ),
        (GOOD.replace('quote = "q"\n', ""), "claim_missing_field", ["c1", "quote"]),
        (GOOD.replace("year = 2019", "yaer = 2019"), "claim_unknown_field", ["c1", "yaer", "year"]),
        (
            GOOD.replace('"emails_kcc"', '"emails_kkc"'),
            "claim_unknown_indicator",
            ["c1", "emails_kcc"],
        ),
        (GOOD.replace("2019", "2015"), "claim_bad_year", ["c1", "year", "2015"]),
        (GOOD.replace("15598", '"veel"'), "claim_bad_stated", ["c1", "stated"]),
        (GOOD.replace("15598", "\"__import__('os').system('true')\""), "claim_bad_stated", ["c1"]),
        (GOOD + 'wording = "wellicht"\n', "claim_bad_choice", ["wording", "bijna"]),
        (GOOD + "tolerance = 2\n", "claim_bad_tolerance", ["tolerance"]),
        (GOOD + 'days = "360"\n', "claim_bad_choice", ["days"]),
        (GOOD + "\n[[claim]]\n" + GOOD, "claim_duplicate_id", ["c1"]),
        (
            _body("p", "pp_change", "emails_kcc", "from = 2018\nto = 2019"),
            "claim_needs_unit",
            ["p", "percent"],
        ),
        (
            _body("r", "growth", "emails_kcc", "from = 2019\nto = 2018"),
            "claim_years_reversed",
            ["r"],
        ),
        (
            _body("d", "per_day", "social_media_volgers", "year = 2019"),
            "claim_needs_unit",
            ["d", "flow"],
        ),
    ],
)
def test_malformed_claims(tmp_path: Path, body: str, key: str, needles: list[str]) -> None:
    text = (
        body if key in ("claims_toml", "claims_none", "claims_top_level") else "[[claim]]\n" + body
    )
    path = write(tmp_path, "claims.toml", text)
    with pytest.raises(KanaalstatsError) as caught:
        load_claims(path, load())
    assert caught.value.message.key == key
    message = say(caught.value.message, "en")
    for needle in needles:
        assert needle in message
    result = run("check", "--claims", str(path))
    assert result.exit_code == ExitCode.INVALID_DATA
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_claims_file_missing_and_not_overwritten(tmp_path: Path) -> None:
    assert run("check", "--claims", str(tmp_path / "nope.toml")).exit_code == ExitCode.INPUT_FILE
    claims = write(tmp_path, "c.toml", "[[claim]]\n" + GOOD)
    before = claims.read_bytes()
    result = run("check", "--claims", str(claims), "-o", str(claims))
    assert result.exit_code == ExitCode.INPUT_FILE
    assert claims.read_bytes() == before


def test_unverifiable_claim_may_name_absent_data(builtin: Dataset, tmp_path: Path) -> None:
    body = GOOD.replace('"emails_kcc"', '"tiktok_volgers"') + 'unverifiable = "niet in de tabel"\n'
    path = write(tmp_path, "c.toml", "[[claim]]\n" + body)
    [claim] = load_claims(path, builtin)
    check = verify(claim, builtin)
    assert check.verdict == "not_verifiable"
    assert check.computed is None


# --- whole counts, hedges and the precision shown ----------------------------------------------


def _check_rows(tmp_path: Path, table: str, claims: str) -> list[dict[str, Any]]:
    data = write(tmp_path, "t.csv", table)
    path = write(tmp_path, "c.toml", claims)
    result = run("check", "--data", str(data), "--claims", str(path), "--format", "json")
    assert result.exit_code in (ExitCode.OK, ExitCode.CHECK_FAILED), result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)["rows"]
    return rows


def _claim(claim_id: str, body: str) -> str:
    return f'[[claim]]\nid = "{claim_id}"\nquote = "q"\n{body}\n'


def test_whole_counts_are_exact(tmp_path: Path) -> None:
    table = ";2023;2024\naantal activiteiten;412;373\n"
    body = 'kind = "growth"\nindicator = "aantal_activiteiten"\nfrom = 2023\nto = 2024\n'
    rows = _by_id(
        _check_rows(
            tmp_path,
            table,
            _claim("tien", body + 'stated = "-10%"') + _claim("negen", body + 'stated = "-9%"'),
        )
    )
    # 373 / 412 - 1 = -9,466%, which rounds to -9%. Read as rounded (372,5 / 412,5 - 1 =
    # -9,70%) the counts would reach -10% (-10,5 to -9,5); as exact counts they do not.
    assert rows["tien"]["verdict"] == "inconsistent"
    assert rows["negen"]["verdict"] == "consistent"
    assert rows["tien"]["computed_low"] == rows["tien"]["computed_high"]
    assert rows["tien"]["computed"] == pytest.approx((373 / 412 - 1) * 100)


def test_a_hedge_widens_only_to_the_figures_own_precision(tmp_path: Path) -> None:
    table = ";2023;2024\naantal bezoeken;235.700;235.700\n"
    body = 'kind = "per_day"\nindicator = "aantal_bezoeken"\nstated = 646\nwording = "zo\'n"\n'
    claims = (
        _claim("kalender-2023", body + "year = 2023")
        + _claim("kalender-2024", body + "year = 2024")
        + _claim("vast-2024", body + 'year = 2024\ndays = "365"')
        + _claim("speling-2024", body + "year = 2024\ntolerance = 0.1")
    )
    rows = _by_id(_check_rows(tmp_path, table, claims))
    # 235.700 / 365 = 645,75 lies in 645,5-646,5; 235.700 / 366 = 643,99 does not.
    assert rows["kalender-2023"]["verdict"] == "consistent"
    assert rows["kalender-2024"]["verdict"] == "inconsistent"
    assert rows["vast-2024"]["verdict"] == "consistent"
    assert (rows["kalender-2024"]["stated_low"], rows["kalender-2024"]["stated_high"]) == (
        645.5,
        646.5,
    )
    # An explicit tolerance still overrides: 646 × 0,9 = 581,4 to 646 × 1,1 = 710,6.
    assert rows["speling-2024"]["verdict"] == "consistent"
    assert rows["speling-2024"]["stated_low"] == pytest.approx(581.4)


@pytest.mark.parametrize(
    ("stated", "wording", "low", "high"),
    [
        (646, Wording.ABOUT, 645.5, 646.5),  # to the unit
        (6200, Wording.ALMOST, 6100, 6200),  # to the hundred
        (127500, Wording.ALMOST, 127000, 127500),  # to a multiple of 500
        (2300, Wording.OVER, 2300, 2400),
        (600, Wording.ABOUT, 550, 650),
        (5000, Wording.ALMOST, 4000, 5000),  # a lone 5 is a thousand's step, not 5.000's
        (-0.2, Wording.ALMOST, -0.2, -0.1),  # "bijna 0,2 minder", written to the tenth
    ],
)
def test_hedge_bands(stated: float, wording: Wording, low: float, high: float) -> None:
    decimals = 1 if stated == -0.2 else 0
    claim = Claim(
        "c", "q", "value", {}, float(stated), decimals, wording, None, DaysBasis.CALENDAR, ""
    )
    band = claim.stated_range()
    assert (band.low, band.high) == (pytest.approx(low), pytest.approx(high))


def test_round_words_have_a_band_of_their_own(builtin: Dataset, tmp_path: Path) -> None:
    body = 'kind = "value"\nindicator = "aandeel_mobiel"\nyear = 2019\nstated = "twee derde"\n'
    path = write(tmp_path, "c.toml", _claim("a", body + 'wording = "bijna"') + _claim("b", body))
    almost, plain = load_claims(path, builtin)
    # bijna twee derde: 10% under 66,67 = 60,00 to 66,67; plainly: ±5% = 63,33 to 70,00
    assert almost.stated_range() == Interval(pytest.approx(60.0), pytest.approx(200 / 3))
    assert plain.stated_range() == Interval(pytest.approx(190 / 3), pytest.approx(70.0))
    assert verify(almost, builtin).verdict == "consistent"  # 61%
    assert verify(plain, builtin).verdict == "inconsistent"


def test_computed_figure_shows_the_deciding_decimals() -> None:
    lines = run("check", "--format", "markdown").stdout.splitlines()
    cells = {line.split(" | ")[0].strip("| "): line.split(" | ") for line in lines}
    # (15.598 - 18.671) / 18.671 = -16,459%: at one decimal -16,5% would read as outside
    # the -16,5 … -15,5 that "-16%" allows.
    assert cells["emails-groei-2019"][3:5] == ["-16%", "-16,46%"]
    assert cells["emails-groei-2019"][6] == "klopt"
    # 291.592 / 260.044 - 1 = 12,13%: one decimal already decides
    assert cells["aanvragen-groei-2019"][3:5] == ["+12%", "+12,1%"]


def test_claims_file_accepts_a_unique_prefix(builtin: Dataset, tmp_path: Path) -> None:
    path = write(tmp_path, "c.toml", "[[claim]]\n" + GOOD.replace('"emails_kcc"', '"emails"'))
    [claim] = load_claims(path, builtin)
    assert claim.inputs["indicator"] == "emails_kcc"
    ambiguous = write(
        tmp_path, "d.toml", "[[claim]]\n" + GOOD.replace('"emails_kcc"', '"social_media"')
    )
    with pytest.raises(KanaalstatsError) as caught:
        load_claims(ambiguous, builtin)
    assert caught.value.message.key == "claim_ambiguous_indicator"
    assert "social_media_berichten" in say(caught.value.message, "en")


def test_direction_trend_and_comparison_claims(tmp_path: Path) -> None:
    table = (TELEFONIE / "kerncijfers.csv").read_text(encoding="utf-8")
    phone = 'indicator = "aantal_telefoontjes"\n'
    claims = (
        _claim("daalt", 'kind = "direction"\n' + phone + 'from = 2017\nto = 2018\nstated = "down"')
        + _claim("stijgt", 'kind = "direction"\n' + phone + "from = 2017\nto = 2018\nstated = 'up'")
        + _claim(
            "elk-jaar", 'kind = "trend"\n' + phone + 'from = 2015\nto = 2018\nstated = "omlaag"'
        )
        + _claim(
            "tevreden-hoogste",
            'kind = "comparison"\nindicator = "klanttevredenheid"\nyear = 2018\n'
            'against = [2015, 2016, 2017]\nstated = "hoger"',
        )
        + _claim(
            "snel-hoogste",
            'kind = "comparison"\nindicator = "pct_bellers"\nyear = 2018\n'
            'against = [2015, 2016, 2017]\nstated = "higher"',
        )
        + _claim(
            "balie-gelijk",
            'kind = "direction"\nindicator = "aantal_baliebezoeken"\nfrom = 2016\nto = 2017\n'
            'stated = "gelijk"',
        )
    )
    rows = _by_id(_check_rows(tmp_path, table, claims))
    verdicts = {key: row["verdict"] for key, row in rows.items()}
    assert verdicts == {
        "daalt": "consistent",  # 371.004 → 350.250
        "stijgt": "inconsistent",
        "elk-jaar": "consistent",  # 412.300 > 398.512 > 371.004 > 350.250
        "tevreden-hoogste": "consistent",  # 7,4 above 7,1, 7,3 and 7,2
        "snel-hoogste": "inconsistent",  # 78% under the 80% of 2017
        "balie-gelijk": "consistent",  # 1,2 → 1,2 million
    }
