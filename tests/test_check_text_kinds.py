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


# --- 3. "voor het eerst sinds" -----------------------------------------------------------------


def test_first_since_checks_the_last_step_and_every_step_before(tmp_path: Path) -> None:
    rows = _rows(
        tmp_path,
        "Het aantal digitale aanvragen is voor het eerst sinds 2016 gedaald.\n\n"
        "In 2019 is het aantal e-mails voor het eerst sinds 2016 gedaald.\n\n"
        "In 2018 is het websitebezoek voor het eerst sinds 2016 gestegen.",
    )
    # Applications (no year, none before: the table's last, 2019) rose 260.044 → 291.592
    # in 2019: inconsistent. E-mails fell in 2019 (18.671 → 15.598) but also before:
    # 20.578 → 19.287 (2016→2017) and 19.287 → 18.671: inconsistent. Websitebezoek 3,6 → 3,6
    # million (2016→2017) can be 3,65 → 3,55, so it need not have risen, and 3,6 → 4,6
    # (2017→2018) rose: consistent.
    assert _got(rows) == [
        ("first_since", "digitale_aanvragen 2016→2019", "inconsistent"),
        ("first_since", "emails_kcc 2016→2019", "inconsistent"),
        ("first_since", "websitebezoek 2016→2018", "consistent"),
    ]
    assert "2016→2017, 2017→2018" in _people(tmp_path)


def _people(tmp_path: Path) -> str:
    result = run("check", "--text", str(tmp_path / "pagina.txt"), "--format", "markdown")
    return result.stdout


# --- 4. "het derde jaar op rij" ----------------------------------------------------------------


def test_years_in_a_row_are_a_trend_of_that_many_steps(tmp_path: Path) -> None:
    rows = _rows(
        tmp_path,
        "Het aantal digitale aanvragen is het derde jaar op rij gestegen.\n\n"
        "Het aantal e-mails is in 2019 voor het derde achtereenvolgende jaar gestegen.\n\n"
        "Het aantal berichten via social media is in 2018 voor het tweede jaar op rij gedaald.",
    )
    # Applications 223.449 < 229.024 < 260.044 < 291.592: three rises to 2019, consistent.
    # E-mails fell every year 2016→2019: inconsistent. Berichten 2016→2018: 6.045 → 11.958
    # rose, then 11.958 → 10.795 fell: not two falls in a row, inconsistent.
    assert _got(rows) == [
        ("trend", "digitale_aanvragen 2016→2019", "consistent"),
        ("trend", "emails_kcc 2016→2019", "inconsistent"),
        ("trend", "social_media_berichten 2016→2018", "inconsistent"),
    ]


# --- 5. rankings of changes and of levels -----------------------------------------------------


def test_rankings_of_changes_and_levels(tmp_path: Path) -> None:
    rows = _rows(
        tmp_path,
        "Het aantal volgers steeg in 2019 het sterkst van alle indicatoren.\n\n"
        "Het aantal meldingen openbare ruimte via Utrecht.nl steeg in 2019 het sterkst.\n\n"
        "Het websitebezoek is in 2019 het grootste kanaal.\n\n"
        "Het aantal digitale aanvragen was in 2019 het grootste van alle kanalen.\n\n"
        "Het aandeel bezoek per mobiel/tablet is in 2019 het hoogste percentage.",
    )
    # Changes 2018→2019 (counts by %): volgers 142.321 / 121.501 - 1 = +17,14%, but
    # websitebezoek is at least 5,45 / 4,65 - 1 = +17,20% and meldingen 106.683 / 78.624 - 1
    # = +35,69%: inconsistent. Meldingen +35,69% beats websitebezoek (at most 5,55 / 4,55 - 1
    # = +21,98%), the loket (at most 1,45 / 1,15 - 1 = +26,09%) and the rest: consistent.
    # Levels in 2019 (flows, in units): websitebezoek 5.450.000–5.550.000 is above the loket's
    # 1.350.000–1.450.000 and every count (at most 291.592): consistent; applications are
    # below both: inconsistent. Percentages: mobiel 61% against melding 22%: consistent.
    assert _got(rows) == [
        ("ranking", "social_media_volgers 2018→2019", "inconsistent"),
        ("ranking", "meldingen_openbare_ruimte 2018→2019", "consistent"),
        ("level_ranking", "websitebezoek 2019", "consistent"),
        ("level_ranking", "digitale_aanvragen 2019", "inconsistent"),
        ("level_ranking", "aandeel_mobiel 2019", "consistent"),
    ]
    assert "verder bij: websitebezoek, websitebezoek_digitaal_loket" in _people(tmp_path)


def test_table_parts_and_a_greater_part_are_no_ranking(tmp_path: Path) -> None:
    rows = _rows(
        tmp_path,
        "Het laatste jaar waarin de meeste indicatoren een cijfer hebben.\n\n"
        "Het grootste deel van de aanvragen gaat via de website.",
    )
    assert [r for r in rows if r["kind"] == "level_ranking"] == []


# --- 6. "iets" and "sterk" ---------------------------------------------------------------------


def test_slight_and_strong_have_a_documented_limit(tmp_path: Path) -> None:
    rows = _rows(
        tmp_path,
        "Het aantal e-mails is in 2019 iets gedaald.\n\n"
        "Het aantal berichten via social media is in 2019 iets gedaald.\n\n"
        "Het websitebezoek is in 2017 licht gestegen.\n\n"
        "Het aantal digitale aanvragen is in 2019 sterk gestegen.\n\n"
        "Het aantal berichten via social media is in 2019 flink gedaald.",
    )
    # The limit is 10% either way. E-mails 15.598 / 18.671 - 1 = -16,46%: not slight.
    # Berichten 10.074 / 10.795 - 1 = -6,68%: slight, and so not strong. Websitebezoek
    # 3,6 → 3,6 million can be 3,55 → 3,65 (+2,82%): slight. Applications 291.592 / 260.044
    # - 1 = +12,13%: strong.
    assert _got(rows) == [
        ("direction", "emails_kcc 2018→2019", "inconsistent"),
        ("direction", "social_media_berichten 2018→2019", "consistent"),
        ("direction", "websitebezoek 2016→2017", "consistent"),
        ("direction", "digitale_aanvragen 2018→2019", "consistent"),
        ("direction", "social_media_berichten 2018→2019", "inconsistent"),
    ]
    people = _people(tmp_path)
    assert "iets: een verandering van minder dan 10%; berekend -16,46%" in people
    assert "sterk: een verandering van minstens 10%; berekend -6,68%" in people


def test_degree_kinds_and_level_rankings_by_hand(tmp_path: Path) -> None:
    claims = write(
        tmp_path,
        "c.toml",
        '[[claim]]\nid = "iets"\nquote = "q"\nkind = "direction"\nindicator = "emails"\n'
        'from = 2018\nto = 2019\nstated = "down"\ndegree = "iets"\n\n'
        '[[claim]]\nid = "eerst"\nquote = "q"\nkind = "first_since"\nindicator = "social_media_b"\n'
        'from = 2017\nto = 2018\nstated = "down"\n\n'
        '[[claim]]\nid = "meeste"\nquote = "q"\nkind = "level_ranking"\n'
        'indicator = "digitale_aanvragen"\nyear = 2019\nstated = "highest"\n'
        'among = ["digitale_aanvragen", "emails_kcc"]\n',
    )
    result = run("check", "--claims", str(claims), "--format", "json")
    verdicts = {r["id"]: r["verdict"] for r in json.loads(result.stdout)["rows"]}
    # -16,46% is not "iets"; berichten fell 11.958 → 10.795 in 2018, the only step since
    # 2017; among applications and e-mails only, 291.592 > 15.598 is the highest.
    assert verdicts == {"iets": "inconsistent", "eerst": "consistent", "meeste": "consistent"}
    wrong = claims.read_text().replace('degree = "iets"', 'degree = "een beetje"')
    bad = write(tmp_path, "d.toml", wrong)
    refused = run("check", "--claims", str(bad))
    assert refused.exit_code == ExitCode.INVALID_DATA
    assert "degree" in refused.stderr
    assert refused.stderr.count("\n") == 1


# --- 8. English text is refused, not misread -----------------------------------------------


def test_an_english_report_is_refused_in_one_line(tmp_path: Path) -> None:
    english = tmp_path / "rapport-en.txt"
    assert run("report", "--lang", "en", "-o", str(english)).exit_code == ExitCode.OK
    for lang in ("nl", "en"):
        result = run("check", "--text", str(english), "--lang", lang)
        assert result.exit_code == ExitCode.INPUT_FILE
        assert result.stderr.count("\n") == 1
        assert "rapport-en.txt" in result.stderr
        assert ("Engels" if lang == "nl" else "English") in result.stderr
        assert "--lang en" in result.stderr  # what to do: the Dutch version
    # A Dutch page that quotes English words is still read: 9 English words (the ×4, of ×3,
    # and ×2) against 5 Dutch ones (de, dan, het, van, naar), not more than three times.
    dutch = write(
        tmp_path,
        "nl.txt",
        "Online\n\nDe pagina 'The state of the city and of the region and the people of the"
        " town' is in 2019 vaker bezocht dan in 2018: het websitebezoek groeide van 4,6 naar"
        " 5,5 miljoen.\n",
    )
    assert run("check", "--text", str(dutch)).exit_code == ExitCode.OK
