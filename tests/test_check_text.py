"""`kanaalstats check --text`: statements found in a report's own text, linked and checked.

The pages in tests/fixtures/pages/ are annotated by hand (`*.annotations.toml`): every
statement, its indicator and years, and the verdict worked out by hand. The measures asserted
here are the ones the README reports.
"""

from __future__ import annotations

import io
import json
import math
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from helpers import FIXTURES, run, run_csv, write
from kanaalstats.domain.errors import ExitCode
from kanaalstats.load.report_text import read_report
from kanaalstats.load.statements import find_statements, find_statements_in

PAGES = FIXTURES / "pages"
SEED = PAGES / "utrecht-online.txt"


def _rows(*args: str) -> list[dict[str, Any]]:
    result = run("check", *args, "--format", "json")
    assert result.exit_code in (ExitCode.OK, ExitCode.CHECK_FAILED), result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)["rows"]
    return rows


@dataclass
class Measure:
    annotated: int = 0
    found: int = 0
    linked: int = 0
    agree: int = 0


def _squash(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def measure(rows: list[dict[str, Any]], annotations: list[dict[str, Any]]) -> Measure:
    """Each annotation matched to one row (same sentence, kind and stated figure): found;
    with the same indicators and years: linked right; with the same verdict too: agrees."""
    left = list(rows)
    result = Measure(annotated=len(annotations))
    for note in annotations:
        candidates = [
            row
            for row in left
            if _squash(note["sentence"]) in _squash(row["quote"])
            and row["kind"] == note["kind"]
            and math.isclose(float(row["stated"]), float(note["stated"]), rel_tol=1e-3)
        ]
        if not candidates:
            continue
        best = next((r for r in candidates if r["inputs"] == note["inputs"]), candidates[0])
        left.remove(best)
        result.found += 1
        if best["inputs"] == note["inputs"]:
            result.linked += 1
            if best["verdict"] == note["verdict"]:
                result.agree += 1
    return result


def _annotations(name: str) -> list[dict[str, Any]]:
    document = tomllib.loads((PAGES / f"{name}.annotations.toml").read_text(encoding="utf-8"))
    statements: list[dict[str, Any]] = document["statement"]
    return statements


# page, its text, its table (None: the built-in), and what the README reports for it:
# (annotated, found, linked right, verdicts agree).
PAGE_MEASURES = [
    ("utrecht-online", "utrecht-online.txt", None, (60, 60, 58, 58)),
    ("telefonie", "telefonie.txt", "telefonie.csv", (19, 19, 19, 19)),
    ("afval", "afval.md", "afval.csv", (20, 20, 20, 20)),
    ("bibliotheek", "bibliotheek.html", "bibliotheek.csv", (17, 17, 17, 17)),
]


@pytest.mark.parametrize(("name", "text", "table", "expected"), PAGE_MEASURES)
def test_pages_against_their_annotations(
    name: str, text: str, table: str | None, expected: tuple[int, int, int, int]
) -> None:
    data = ["--data", str(PAGES / table)] if table else []
    got = measure(_rows("--text", str(PAGES / text), *data), _annotations(name))
    assert (got.annotated, got.found, got.linked, got.agree) == expected


def test_seed_page_finds_the_claims_file_with_its_verdicts() -> None:
    # The 30 hand-written claims of the built-in claims file are the first 30 annotations.
    claims = [a for a in _annotations("utrecht-online") if a.get("source", "").startswith("c")]
    assert len(claims) == 30
    got = measure(_rows("--text", str(SEED)), claims)
    assert got.found == 30
    assert got.agree >= 28


def test_seed_page_summary_and_exit_code() -> None:
    result = run("check", "--text", str(SEED))
    # Nothing on the page contradicts the table; 9 statements are about what it lacks.
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "60 claims: 51 kloppen, 0 kloppen niet, 9 niet te controleren" in result.stdout
    assert run("check", "--text", str(SEED), "--strict").exit_code == ExitCode.CHECK_FAILED


def test_a_row_names_its_sentence_and_why_it_is_not_linked() -> None:
    rows = _rows("--text", str(SEED), "--lang", "en")
    twitter = next(r for r in rows if r["quote"] == "Begin 2019 waren dit er bijna 60.000.")
    assert twitter["verdict"] == "not_verifiable"
    assert twitter["reason_code"] == "reason_not_linked"
    assert twitter["reason"] == (
        "not linked to the table: the sentence is about 'Twitter', which no label of the table"
        " names (closest: social_media_volgers)"
    )
    dutch = next(r for r in run_csv("check", "--text", str(SEED)) if r["id"] == twitter["id"])
    assert dutch["reason"].startswith("niet gekoppeld aan de tabel: de zin gaat over 'Twitter'")
    assert dutch["reason_code"] == "reason_not_linked"
    assert twitter["inputs"] == "–"
    people = run("check", "--text", str(SEED), "--lang", "en", "-f", "markdown").stdout
    assert "about 'Twitter', which no label of the table names" in people


def test_seed_page_social_media_parts_are_closest_to_the_followers() -> None:
    # Twitter, LinkedIn and Instagram are named in the footnote of the messages' row
    # ("* Twitter, Facebook, Instagram, LinkedIn"), but each sentence is about followers
    # ("volgers"), a word of the followers' label: a part of that row, not of the messages'.
    rows = _rows("--text", str(SEED))
    parts = {
        r["quote"][:40]: r["reason"]
        for r in rows
        if r["reason"]
        and ("Twitter" in r["reason"] or "LinkedIn" in r["reason"] or "Instagram" in r["reason"])
    }
    assert len(parts) == 4, parts
    assert all(reason.endswith("(dichtstbij: social_media_volgers)") for reason in parts.values())
    twitter = next(r for r in rows if r["quote"].startswith("Twitter blijft"))
    # A ranking of levels about Twitter: a part of a row, not a row the words cannot pick.
    assert (twitter["kind"], twitter["reason_code"]) == ("level_ranking", "reason_not_linked")


# --- the finder on its own ----------------------------------------------------------------


def test_finder_reads_dutch_figures_words_and_hedges() -> None:
    text = (
        "In 2019 kwamen er bijna 60.000 bezoekers, 4,8% meer dan in 2018.\n\n"
        "Het aandeel steeg met 2 procentpunt. Ruim een derde (37%) van de aanvragen.\n\n"
        "Gemiddeld acht e-mails minder per dag. Het bezoek groeide met zo'n 1,2 miljoen."
    )
    found = [(s.kind, s.stated, s.wording, s.years) for s in find_statements_in(text)]
    assert ("value", 60000.0, "almost", (2019,)) in found
    # "4,8% meer dan in 2018": growth from 2018 to the sentence's 2019
    assert ("growth", 4.8, "exact", (2018, 2019)) in found
    assert ("pp_change", 2.0, "exact", (2018, 2019)) in found
    assert ("percent", pytest.approx(100 / 3), "over", (2019,)) in found
    # No year of its own: the section's last, against the year before
    assert ("per_day_change", -8.0, "exact", (2018, 2019)) in found
    assert ("change", 1_200_000.0, "about", (2018, 2019)) in found


def test_finder_skips_years_dates_names_and_pasted_table_rows() -> None:
    text = (
        "Op 18 maart 2019 was er veel bezoek na de schietpartij op het 24 Oktoberplein.\n\n"
        "websitebezoek Utrecht.nl (in miljoenen)3,63,64,65,5\n\n"
        "In de afgelopen 12 maanden belde 1 op de 5 inwoners."
    )
    found = find_statements_in(text)
    assert [(s.kind, s.stated) for s in found] == [("percent", 20.0)]


# --- the formats of a report --------------------------------------------------------------

PAGE_TEXT = (
    "Kop van de pagina\n\n"
    "Het aantal telefoontjes naar de gemeente is in 2018 met 6% gedaald.\n\n"
    "Voor 5,2% van de telefoontjes werd in 2018 een terugbelverzoek gedaan."
)


def _docx(paragraphs: list[tuple[str, str]]) -> bytes:
    """A minimal Word document: one w:p per paragraph, with a style and runs."""
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
        + "".join(f"<w:r><w:t xml:space='preserve'>{part}</w:t></w:r>" for part in text.split("|"))
        + "</w:p>"
        for style, text in paragraphs
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def _statements_of(path: Path) -> list[tuple[str, float, tuple[int, ...]]]:
    return [(s.kind, s.stated, s.years) for s in find_statements(read_report(path))]


def test_each_format_gives_the_same_statements(tmp_path: Path) -> None:
    plain = write(tmp_path, "p.txt", PAGE_TEXT)
    markdown = write(tmp_path, "p.md", "# " + PAGE_TEXT.replace("6%", "**6%**"))
    html = write(
        tmp_path,
        "p.html",
        "<html><head><script>var x = '99% in 2017';</script></head><body><h1>Kop van de "
        "pagina</h1><p>Het aantal telefoontjes naar de gemeente is in 2018 met 6%&nbsp;gedaald."
        "</p><p>Voor 5,2% van de telefoontjes werd in 2018 een terugbelverzoek gedaan.</p>"
        "</body></html>",
    )
    docx = write(
        tmp_path,
        "p.docx",
        _docx(
            [
                ("Heading1", "Kop van de pagina"),
                ("Normal", "Het aantal telefoontjes naar de gemeente is in 2018 met |6%| gedaald."),
                (
                    "Normal",
                    "Voor 5,2% van de telefoontjes werd in 2018 een terugbelverzoek gedaan.",
                ),
            ]
        ),
    )
    expected = [("growth", -6.0, (2017, 2018)), ("percent", 5.2, (2018,))]
    for path in (plain, markdown, html, docx):
        assert _statements_of(path) == expected, path.name
    assert [p.heading for p in read_report(docx)] == [True, False, False]
    assert [p.heading for p in read_report(markdown)] == [True, False, False]


def test_text_from_stdin() -> None:
    from typer.testing import CliRunner

    from helpers import PINNED_ENV
    from kanaalstats.cli import app
    from kanaalstats.load import source

    source._streamed.clear()
    args = ["check", "--text", "-", "--data", str(PAGES / "telefonie.csv"), "-f", "json"]
    result = CliRunner(env=PINNED_ENV).invoke(app, args, input=PAGE_TEXT.encode())
    source._streamed.clear()
    assert result.exit_code == ExitCode.OK, result.stderr
    rows = json.loads(result.stdout)["rows"]
    # (350.250 - 371.004) / 371.004 = -5,59% → -6%; 18.120 / 350.250 = 5,17% → 5,2%
    assert [(r["kind"], r["verdict"]) for r in rows] == [
        ("growth", "consistent"),
        ("share", "consistent"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "key"),
    [
        ("kapot.docx", b"PK\x03\x04 not really a zip", "beschadigd"),
        ("leeg.docx", b"", "beschadigd"),
    ],
)
def test_bad_report_files(tmp_path: Path, name: str, content: bytes, key: str) -> None:
    path = write(tmp_path, name, content)
    result = run("check", "--text", str(path))
    assert result.exit_code == ExitCode.INPUT_FILE
    assert key in result.stderr
    assert name in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_missing_report_file(tmp_path: Path) -> None:
    result = run("check", "--text", str(tmp_path / "weg.txt"))
    assert result.exit_code == ExitCode.INPUT_FILE
    assert "weg.txt" in result.stderr


def test_report_is_never_overwritten(tmp_path: Path) -> None:
    page = write(tmp_path, "p.txt", PAGE_TEXT)
    before = page.read_bytes()
    result = run(
        "check", "--text", str(page), "--data", str(PAGES / "telefonie.csv"), "-o", str(page)
    )
    assert result.exit_code == ExitCode.INPUT_FILE
    assert page.read_bytes() == before


# --- own data needs its own claims ----------------------------------------------------------


def test_own_data_without_claims_or_text_is_refused() -> None:
    result = run("check", "--data", str(PAGES / "telefonie.csv"))
    assert result.exit_code == ExitCode.USAGE
    assert "--claims" in result.stderr
    assert "--text" in result.stderr
    assert result.stderr.count("\n") == 1


def test_claims_file_overrides_text_in_the_same_sentence(tmp_path: Path) -> None:
    claims = write(
        tmp_path,
        "c.toml",
        '[[claim]]\nid = "eigen"\n'
        'quote = "Het aantal telefoontjes naar de gemeente is in 2018 met 6% gedaald."\n'
        'kind = "growth"\nindicator = "aantal_telefoontjes"\nfrom = 2017\nto = 2018\n'
        'stated = "-5,6%"\n',
    )
    page = write(tmp_path, "p.txt", PAGE_TEXT)
    rows = _rows(
        "--claims", str(claims), "--text", str(page), "--data", str(PAGES / "telefonie.csv")
    )
    # The hand-written claim stands for its sentence (-5,594% → -5,6%); the text adds the share.
    assert [(r["id"], r["kind"]) for r in rows] == [("eigen", "growth"), ("t2", "share")]
    assert rows[0]["inputs"] == "aantal_telefoontjes_naar_gemeente 2017→2018"  # a prefix


# --- --write-claims ---------------------------------------------------------------------------


def test_written_claims_run_as_a_claims_file(tmp_path: Path) -> None:
    target = tmp_path / "gevonden.toml"
    first = run("check", "--text", str(SEED), "--write-claims", str(target))
    assert first.exit_code == ExitCode.OK, first.stderr
    written = target.read_text(encoding="utf-8")
    document = tomllib.loads(written)
    # 60 statements, of which 8 are not linked (the eighth not verifiable is linked to the
    # campaigns, which have no 2018): those are comments with their reason.
    assert len(document["claim"]) == 52
    assert "# t58: de zin gaat over 'Twitter'" in written
    assert '# stated = 60000\n# wording = "almost"' in written
    assert 'stated = "een miljoen"\nwording = "almost"' in written  # a round word as words
    again = run("check", "--claims", str(target), "--format", "json")
    assert again.exit_code == ExitCode.OK, again.stderr
    verdicts = [row["verdict"] for row in json.loads(again.stdout)["rows"]]
    assert (verdicts.count("consistent"), verdicts.count("not_verifiable")) == (51, 1)


def test_write_claims_needs_text_and_never_replaces_it(tmp_path: Path) -> None:
    refused = run("check", "--write-claims", str(tmp_path / "c.toml"))
    assert refused.exit_code == ExitCode.USAGE
    assert "--text" in refused.stderr
    page = write(tmp_path, "p.txt", PAGE_TEXT)
    before = page.read_bytes()
    data = ["--data", str(PAGES / "telefonie.csv")]
    clash = run("check", "--text", str(page), *data, "--write-claims", str(page))
    assert clash.exit_code == ExitCode.INPUT_FILE
    assert page.read_bytes() == before


# --- identities stated in labels --------------------------------------------------------------

MOVES = (
    "Kerncijfers verhuizingen\n"
    ";2020;2021;2022\n"
    "a. vestiging in de gemeente;4.210;4.380;4.455\n"
    "b. vertrek uit de gemeente;3.980;4.120;{vertrek}\n"
    "saldo vestiging en vertrek (a-b);230;260;-150\n"
)


@pytest.mark.parametrize(
    ("vertrek", "verdict", "against"),
    [("4.605", "consistent", None), ("4.600", "inconsistent", "2022")],
)
def test_identity_in_a_label_is_checked_every_year(
    tmp_path: Path, vertrek: str, verdict: str, against: str | None
) -> None:
    table = write(tmp_path, "t.csv", MOVES.format(vertrek=vertrek))
    page = write(tmp_path, "p.txt", "Verhuizingen\n\nDe gemeente groeide.\n")
    rows = _rows("--text", str(page), "--data", str(table))
    [identity] = [r for r in rows if r["kind"] == "identity"]
    # 4.210 - 3.980 = 230 and 4.380 - 4.120 = 260 hold; 4.455 - 4.605 = -150 holds,
    # 4.455 - 4.600 = -145 does not.
    assert identity["verdict"] == verdict
    assert identity["quote"] == "saldo vestiging en vertrek (a-b)"
    assert identity["inputs"] == (
        "saldo_vestiging_en_vertrek_a_b = +a_vestiging_in_de_gemeente -b_vertrek_uit_de_gemeente"
    )
    assert identity["computed"] == (4455 - int(vertrek.replace(".", ""))) - (-150)
    people = run("check", "--text", str(page), "--data", str(table), "-f", "markdown").stdout
    assert ("klopt niet in 2022" in people) == (against is not None)


def test_identity_written_by_hand(tmp_path: Path) -> None:
    table = write(tmp_path, "t.csv", MOVES.format(vertrek="4.600"))
    claims = write(
        tmp_path,
        "c.toml",
        '[[claim]]\nid = "saldo"\nquote = "q"\nkind = "identity"\nindicator = "saldo"\n'
        'parts = ["a_vestiging", "-b_vertrek"]\nstated = "klopt"\n',
    )
    [row] = _rows("--claims", str(claims), "--data", str(table))
    assert row["verdict"] == "inconsistent"  # 4.455 - 4.600 = -145, not -150
    bad = write(tmp_path, "d.toml", claims.read_text().replace('"-b_vertrek"', '"-c"'))
    result = run("check", "--claims", str(bad), "--data", str(table))
    assert result.exit_code == ExitCode.INVALID_DATA
    assert "parts" in result.stderr


def test_last_year_phrases(tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "p.txt",
        "Telefonie\n\nIn 2018 belden inwoners 350.250 keer naar de gemeente. Vorig jaar waren"
        " dat er 371.004. Dat is minder dan vorig jaar.\n\nHet aantal telefoontjes is hoger"
        " dan het jaar ervoor.\n",
    )
    rows = _rows("--text", str(page), "--data", str(PAGES / "telefonie.csv"))
    got = [(r["kind"], r["inputs"], r["verdict"]) for r in rows]
    phone = "aantal_telefoontjes_naar_gemeente"
    # 371.004 is the 2017 figure; 350.250 < 371.004, so "hoger" is wrong
    assert got == [
        ("value", f"{phone} 2018", "consistent"),
        ("value", f"{phone} 2017", "consistent"),
        ("comparison", f"{phone} 2018 ↔ 2017", "consistent"),
        ("comparison", f"{phone} 2018 ↔ 2017", "inconsistent"),
    ]


def test_stdin_cannot_be_both_table_and_text() -> None:
    from typer.testing import CliRunner

    from helpers import PINNED_ENV
    from kanaalstats.cli import app
    from kanaalstats.load import source

    source._streamed.clear()
    table = (PAGES / "telefonie.csv").read_bytes()
    args = ["check", "--text", "-", "--data", "-"]
    result = CliRunner(env=PINNED_ENV).invoke(app, args, input=table)
    source._streamed.clear()
    assert result.exit_code == ExitCode.USAGE
    assert "--text" in result.stderr


def test_rankings_among_the_tables_rows(tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "p.txt",
        "Klantcontact\n\nDe sterkste stijging in 2018 zat bij de terugbelverzoeken.\n\n"
        "De sterkste daling in 2018 was die van het aantal baliebezoeken.\n\n"
        "De grootste groei in 2017 had het aantal telefoontjes.\n",
    )
    rows = _rows("--text", str(page), "--data", str(PAGES / "telefonie.csv"))
    got = [(r["kind"], r["inputs"], r["verdict"]) for r in rows]
    # 2017→2018: terugbelverzoeken 15.300 → 18.120 = +18,4%, the rest less (telefoontjes
    # -5,6%, rapportcijfer 7,2 → 7,4 at most +4,2%); baliebezoeken 1,2 → 1,0 million is at
    # least -8,7%, more than any other fall. 2016→2017: telefoontjes -6,9%, but
    # terugbelverzoeken rose 12.040 → 15.300 (+27,1%).
    assert got == [
        ("ranking", "aantal_terugbelverzoeken 2017→2018", "consistent"),
        ("ranking", "aantal_baliebezoeken 2017→2018", "consistent"),
        ("ranking", "aantal_telefoontjes_naar_gemeente 2016→2017", "inconsistent"),
    ]


def test_ranking_among_named_rows_by_hand(tmp_path: Path) -> None:
    head = '[[claim]]\nquote = "q"\nkind = "ranking"\nindicator = "aantal_telefoontjes"\n'
    head += 'from = 2016\nto = 2017\nstated = "up"\n'
    claims = write(
        tmp_path,
        "c.toml",
        head
        + 'id = "balie"\namong = ["aantal_telefoontjes", "aantal_balie"]\n'
        + head
        + 'id = "terugbel"\namong = ["aantal_telefoontjes", "aantal_terugbel"]\n',
    )
    rows = _rows("--claims", str(claims), "--data", str(PAGES / "telefonie.csv"))
    verdicts = {row["id"]: row["verdict"] for row in rows}
    # telefoontjes 398.512 → 371.004 = -6,9%. Baliebezoeken 1,2 → 1,2 million can be
    # 1,15 / 1,25 - 1 = -8,0% to 1,25 / 1,15 - 1 = +8,7%: the rounding leaves open which fell
    # less, so the ranking can hold. Terugbelverzoeken 12.040 → 15.300 = +27,1% certainly rose
    # more.
    assert verdicts == {"balie": "consistent", "terugbel": "inconsistent"}
