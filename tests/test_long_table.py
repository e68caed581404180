"""Long tables are written without Rich's per-cell layout, and look exactly as Rich draws them."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from kanaalstats import long_table
from kanaalstats.long_table import rich_table, write_table

# Letters with accents, wide (CJK, emoji) and zero-width characters, brackets that Rich
# would read as markup, the en dash used for missing figures.
_PLAIN = st.text(alphabet=st.sampled_from("aZé9 .,-–[]/\\%"), max_size=12)
# (No zero-width joiner: Rich 15 itself fails on some texts with one in a narrow column.)
_EXOTIC = st.text(alphabet=st.sampled_from("aZé9 .–[]\\漢字\u0301👍"), max_size=12)
_TEXT = st.one_of(_PLAIN, _PLAIN, _EXOTIC)
# Mostly cells as the tool makes them, without spaces around; some with (Rich lays those out).
_CELL = st.one_of(_TEXT.map(str.strip), _TEXT.map(str.strip), _TEXT)


def _console(width: int, colour: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=colour, highlight=False, emoji=False)
    return console, out


def _by_rich(
    title: str, headers: list[str], numeric: list[bool], rows: list[list[str]], **kw: bool | int
) -> str:
    console, out = _console(**kw)  # type: ignore[arg-type]
    console.print(rich_table(title, headers, numeric, rows))
    return out.getvalue()


def _written(
    title: str, headers: list[str], numeric: list[bool], rows: list[list[str]], **kw: bool | int
) -> str:
    console, out = _console(**kw)  # type: ignore[arg-type]
    columns = [[row[i] for row in rows] for i in range(len(headers))]
    write_table(console, title, headers, numeric, columns)
    return out.getvalue()


@settings(max_examples=150, deadline=None)
@given(
    data=st.data(),
    columns=st.integers(1, 5),
    row_count=st.integers(0, 6),
    width=st.integers(20, 120),
    colour=st.booleans(),
)
def test_long_tables_look_as_rich_draws_them(
    data: st.DataObject,
    columns: int,
    row_count: int,
    width: int,
    colour: bool,
) -> None:
    title = data.draw(_CELL)
    headers = data.draw(st.lists(_CELL, min_size=columns, max_size=columns))
    numeric = data.draw(st.lists(st.booleans(), min_size=columns, max_size=columns))
    rows = data.draw(
        st.lists(
            st.lists(_CELL, min_size=columns, max_size=columns),
            min_size=row_count,
            max_size=row_count,
        )
    )
    # Tables too wide for `width` wrap: Rich lays those out itself, and both must agree too.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(long_table, "MANY_ROWS", 0)  # every table takes the quick way
        written = _written(title, headers, numeric, rows, width=width, colour=colour)
    assert written == _by_rich(title, headers, numeric, rows, width=width, colour=colour)


def test_a_long_table_is_not_laid_out_by_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [[f"GM{n:04d}", f"{n * 1.5:.1f}"] for n in range(long_table.MANY_ROWS)]
    expected = _by_rich("Titel", ["Gebied", "2019"], [False, True], rows, width=80, colour=False)

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("Rich laid out the body rows")

    # Rich may draw the head (a table without rows) but not the rows themselves.
    real = long_table.rich_table
    monkeypatch.setattr(
        long_table,
        "rich_table",
        lambda title, headers, numeric, body, widths=None: (
            real(title, headers, numeric, body, widths) if not body else refuse()
        ),
    )
    written = _written("Titel", ["Gebied", "2019"], [False, True], rows, width=80, colour=False)
    assert written == expected
    # 1000 body rows, plus title, top rule, header, header rule and bottom rule
    assert written.count("\n") == long_table.MANY_ROWS + 5


def test_a_table_wider_than_the_terminal_wraps_as_rich_wraps_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(long_table, "MANY_ROWS", 0)
    rows = [["een heel lange naam van een gebied", "1.234"]] * 3
    written = _written("T", ["Gebied", "2019"], [False, True], rows, width=30, colour=False)
    assert written == _by_rich("T", ["Gebied", "2019"], [False, True], rows, width=30, colour=False)
    assert max(len(line) for line in written.splitlines()) <= 30


def test_text_with_joiners_is_measured_by_rich() -> None:
    # Rich measures "👍\u200d👍" (one emoji sequence) by grapheme: not a character a cell
    assert not long_table._one_cell_each("a\u200db")
    assert not long_table._one_cell_each("x\ufe0f")
    assert not long_table._one_cell_each("漢")  # two cells wide
    assert long_table._one_cell_each("Súdwest-Fryslân – 1.234")
