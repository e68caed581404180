"""`check --text` on sentences whose kind is easy to misread: a fraction that is a change, a
share of something the table lacks, "voor het eerst sinds", "het derde jaar op rij",
rankings of changes and of levels, and "iets"/"sterk".

Every expected verdict is worked out by hand from the built-in table (`kanaalstats table`):

    websitebezoek (miljoenen)      3,6      3,6      4,6      5,5
    digitale_aanvragen         223.449  229.024  260.044  291.592
    emails_kcc                  20.578   19.287   18.671   15.598
    social_media_berichten       6.045   11.958   10.795   10.074
    social_media_volgers        84.861  107.165  121.501  142.321
    engelstalig_bezoek               –        –  129.938  100.160
    (2016, 2017, 2018, 2019)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helpers import run, write
from kanaalstats.domain.errors import ExitCode


def _rows(tmp_path: Path, text: str, *args: str) -> list[dict[str, Any]]:
    page = write(tmp_path, "pagina.txt", "Online dienstverlening\n\n" + text + "\n")
    result = run("check", "--text", str(page), *args, "--format", "json")
    assert result.exit_code in (ExitCode.OK, ExitCode.CHECK_FAILED), result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)["rows"]
    return [r for r in rows if r["kind"] != "identity"]


def _got(rows: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    return [(r["kind"], r["inputs"], r["verdict"]) for r in rows]


# --- 1. a fraction after "met" with a verb of change is the change ---------------------------


def test_a_fraction_after_met_is_a_relative_change_of_the_subject(tmp_path: Path) -> None:
    rows = _rows(
        tmp_path,
        "Het websitebezoek groeide in 2019 met een vijfde.\n\n"
        "Het aantal e-mails nam in 2019 met een kwart af.",
    )
    # websitebezoek 4,6 → 5,5 million: 5,5 / 4,6 - 1 = +19,57%, and with the rounding
    # 5,45 / 4,65 - 1 = +17,20% to 5,55 / 4,55 - 1 = +21,98%; "een vijfde" is 20% ± 5% of it
    # (19–21%): consistent. E-mails 18.671 → 15.598: 15.598 / 18.671 - 1 = -16,46% (exact
    # counts); "een kwart" is -25% ± 1,25 (-26,25 … -23,75): inconsistent.
    assert _got(rows) == [
        ("growth", "websitebezoek 2018→2019", "consistent"),
        ("growth", "emails_kcc 2018→2019", "inconsistent"),
    ]
    assert [r["stated"] for r in rows] == [20, -25]


# --- 2. a share of something named, which no row holds ---------------------------------------


def test_a_share_of_a_part_the_table_lacks_is_not_linked(tmp_path: Path) -> None:
    rows = _rows(
        tmp_path,
        "In 2019 bezocht 61% van de bezoekers de website met een mobiel.\n\n"
        "Een op de twintig aanvragen kwam binnen via de telefoon.",
    )
    # The first names the mobile share itself (61% in 2019: consistent). The second is 1/20 =
    # 5% of the applications, but no row counts applications by telephone: it must not take
    # the previous sentence's mobile share.
    assert _got(rows) == [
        ("value", "aandeel_mobiel 2019", "consistent"),
        ("value", "–", "not_verifiable"),
    ]
    assert rows[1]["stated"] == 5
    people = run("check", "--text", str(tmp_path / "pagina.txt"), "--format", "markdown").stdout
    assert "een aandeel van digitale_aanvragen, maar geen indicator" in people
