"""What `report` writes passes `check --text` on the same data: no sentence of its own is
found wrong. Run on the built-in data (the Markdown and the HTML page), on every table under
tests/fixtures and tests/corpus that `report` accepts, and on random tables.

`check --text` reads Dutch only (its lexicon is Dutch), so the round trip is in Dutch; the
English sentences are the same figures in other words.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from helpers import FIXTURES, run
from kanaalstats.domain.errors import KanaalstatsError
from kanaalstats.load.files import load

CORPUS = Path(__file__).parent / "corpus"
TABLES = sorted([*FIXTURES.rglob("*.csv"), *CORPUS.glob("*.csv")])


def _verdicts(report: Path, data: list[str], entity: list[str]) -> list[dict[str, str]]:
    result = run("check", "--text", str(report), *data, *entity, "--format", "csv")
    assert result.exit_code in (0, 1), result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def _round_trip(
    tmp_path: Path, data: list[str], suffix: str = ".md", options: tuple[str, ...] = ()
) -> list[dict[str, str]]:
    """The check of what `report` writes, for each entity of a panel; [] when `report`
    refuses the table."""
    entities: list[list[str]] = [[]]
    if data:
        try:
            dataset = load([Path(data[1])])
        except KanaalstatsError:
            return []  # a table `report` refuses too
        if dataset.has_entities:
            entities = [["--entity", name] for name in dataset.entities]
    rows: list[dict[str, str]] = []
    for entity in entities:
        out = tmp_path / f"rapport{suffix}"
        out.unlink(missing_ok=True)
        written = run("report", *data, *entity, *options, "-o", str(out))
        if written.exit_code != 0:
            return []
        rows.extend(_verdicts(out, data, entity))
    return rows


def _wrong(rows: list[dict[str, str]]) -> list[str]:
    return [
        f"{r['quote']} → {r['stated']} ({r['inputs']})"
        for r in rows
        if r["verdict"] == "inconsistent"
    ]


def test_builtin_report_passes_its_own_check(tmp_path: Path) -> None:
    rows = _round_trip(tmp_path, [])
    assert _wrong(rows) == []
    # 10 indicators × (2019, growth, 2018) and 8 flows × 2 per-day figures, 1 with 2019 only:
    # 3·10 + 2·7 + 1 = 45 figures, each found and linked.
    assert len(rows) == 45
    assert {r["verdict"] for r in rows} == {"consistent"}
    per_day = [r for r in rows if r["quote"].startswith("Dat is gemiddeld zo'n 15.100")]
    # 5,5 million stands for 5,45-5,55 million: / 365 = 14.931,5-15.205,5 a day in 2019, a
    # range 274 wide, so the figure is written to the hundred (15.068,5 → "zo'n 15.100");
    # 4,55-4,65 million / 365 = 12.465,8-12.739,7 in 2018 → "zo'n 12.600". The first figure
    # is the previous sentence's year, the second the year it is followed by.
    assert [r["inputs"] for r in per_day] == ["websitebezoek 2019", "websitebezoek 2018"]
    assert [(r["stated"], r["wording"]) for r in per_day] == [
        ("15100", "about"),
        ("12600", "about"),
    ]


def test_builtin_page_passes_its_own_check(tmp_path: Path) -> None:
    rows = _round_trip(tmp_path, [], suffix=".html")
    assert _wrong(rows) == []
    # The summary (45 figures) and its sentences again in the collapsed check section; the
    # key-figures table and the check's own rows of figures are the table's, not sentences.
    consistent = [r for r in rows if r["verdict"] == "consistent"]
    assert len(consistent) == 90
    # Left: the counts of the check section's summary ("45 cijfers, 45 kloppen, 0 kloppen
    # niet, ..."), which name no indicator.
    unlinked = [r for r in rows if r["verdict"] != "consistent"]
    assert all(r["quote"].startswith("Controle van de eigen zinnen") for r in unlinked)


# 2016 is a leap year: a per-day figure over 365 days differs from one over 366 by more than
# its rounding (3.600.000 / 365 = 9.863,0 against / 366 = 9.836,1), so the note that says how
# the days were counted must be read; working days are said in the sentence ("per werkdag").
OPTIONS = [
    ("--days", "werkdagen"),
    ("--days", "365", "--year", "2016", "--per-day"),
    ("--days", "werkdagen", "--year", "2016", "--per-day"),
    ("--year", "2017"),
    ("--year", "2016", "--per-day"),
    ("--context",),
    ("--context", "--year", "2018"),
]


@pytest.mark.parametrize("options", OPTIONS, ids=" ".join)
def test_builtin_report_with_options_passes_its_own_check(
    tmp_path: Path, options: tuple[str, ...]
) -> None:
    rows = _round_trip(tmp_path, [], options=options)
    assert rows
    assert _wrong(rows) == []
    per_day = [r for r in rows if r["kind"] == "per_day"]
    assert per_day
    basis = options[options.index("--days") + 1] if "--days" in options else "calendar"
    assert {r["days_basis"] for r in per_day} == {basis}


@pytest.mark.parametrize("table", TABLES, ids=lambda p: p.name)
def test_report_on_every_fixture_table_passes_check(tmp_path: Path, table: Path) -> None:
    rows = _round_trip(tmp_path, ["--data", str(table)])
    assert _wrong(rows) == []


@pytest.mark.parametrize("table", sorted(FIXTURES.rglob("*.csv")), ids=lambda p: p.name)
def test_report_with_context_on_every_fixture_table_passes_check(
    tmp_path: Path, table: Path
) -> None:
    rows = _round_trip(tmp_path, ["--data", str(table)], options=("--context",))
    assert _wrong(rows) == []


def test_the_fixture_tables_are_reported() -> None:
    # Every table under tests/fixtures is one `report` accepts: the test above checks each.
    with tempfile.TemporaryDirectory() as folder:
        for table in FIXTURES.rglob("*.csv"):
            assert _round_trip(Path(folder), ["--data", str(table)]), table


NOUNS = ["aanvragen", "bezoekers", "meldingen", "klachten", "volgers", "campagnes", "e-mails"]
KINDS = {
    "flow": "aantal {}",
    "stock": "aantal {}",
    "percent": "percentage {}",
    "score": "rapportcijfer {}",
}
figure = st.one_of(
    st.none(),
    st.integers(min_value=-50, max_value=2_000_000),
    st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda x: round(x, 1)),
)


@st.composite
def tables(draw: st.DrawFn) -> str:
    """A canonical table of 1-4 rows with distinct subjects, 2-6 years, gaps allowed."""
    nouns = draw(st.lists(st.sampled_from(NOUNS), min_size=1, max_size=4, unique=True))
    first = draw(st.integers(min_value=2010, max_value=2022))
    years = list(range(first, first + draw(st.integers(min_value=2, max_value=6))))
    lines = ["id,label_nl,unit," + ",".join(map(str, years))]
    for number, noun in enumerate(nouns):
        unit = draw(st.sampled_from(sorted(KINDS)))
        cells = draw(st.lists(figure, min_size=len(years), max_size=len(years)))
        if unit in ("percent", "score"):
            cells = [
                None if v is None else abs(v) % (100 if unit == "percent" else 10) for v in cells
            ]
        text = ",".join("" if v is None else repr(v) for v in cells)
        lines.append(f"r{number},{KINDS[unit].format(noun)},{unit},{text}")
    return "\n".join(lines) + "\n"


@settings(max_examples=16, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tables(),
    st.sampled_from(
        [
            (),
            ("--per-day",),
            ("--days", "werkdagen"),
            ("--days", "365", "--per-day"),
            ("--context",),
            ("--context", "--per-day"),
        ]
    ),
)
def test_report_on_random_tables_passes_check(table: str, options: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kerncijfers.csv"
        path.write_text(table, encoding="utf-8")
        rows = _round_trip(Path(folder), ["--data", str(path)], options=options)
        assume(rows)
        assert _wrong(rows) == [], table


def test_a_text_without_figures_has_no_rows(tmp_path: Path) -> None:
    # A report whose every row lacks the year writes no figure: nothing to check, nothing wrong.
    text = tmp_path / "tekst.txt"
    text.write_text("Voor 2019 is geen cijfer beschikbaar.\n", encoding="utf-8")
    result = run("check", "--text", str(text), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert '"rows": []' in result.stdout


def test_written_claims_keep_the_days_basis(tmp_path: Path) -> None:
    # "per werkdag": 5.500.000 / 255 working days in 2019 = 21.568,6; over calendar days it
    # would be 15.068,5, so a claims file that lost the basis would find the sentence wrong.
    report = tmp_path / "rapport.md"
    assert run("report", "--days", "werkdagen", "-o", str(report)).exit_code == 0
    claims = tmp_path / "claims.toml"
    assert run("check", "--text", str(report), "--write-claims", str(claims)).exit_code == 0
    assert 'days = "werkdagen"' in claims.read_text(encoding="utf-8")
    rows = list(
        csv.DictReader(io.StringIO(run("check", "--claims", str(claims), "-f", "csv").stdout))
    )
    assert rows
    assert {r["verdict"] for r in rows} == {"consistent"}


def test_context_on_a_longer_table_passes_its_own_check_and_is_checked(tmp_path: Path) -> None:
    from test_report_context import TABLE

    table = tmp_path / "context.csv"
    table.write_text(TABLE, encoding="utf-8")
    data = ["--data", str(table)]
    for year in ("2019", "2018"):
        rows = _round_trip(tmp_path, data, options=("--context", "--year", year))
        assert _wrong(rows) == []
        kinds = {r["kind"] for r in rows if r["verdict"] == "consistent"}
        # The context is checked, not only read past: the run of years as a trend or a
        # turn, the level against earlier years as a comparison, the rank as a ranking.
        assert {"comparison", "ranking"} <= kinds
        assert kinds & {"trend", "first_since"}
