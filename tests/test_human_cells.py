"""People's cells, written a column at a time."""

from __future__ import annotations

import pandas as pd

from kanaalstats.domain.result import Column, Kind
from kanaalstats.render.cells import human_columns


def test_cells_follow_each_rows_unit_and_decimals() -> None:
    frame = pd.DataFrame(
        {
            "label_nl": ["bezoek", "tevreden", "mails"],
            "label_en": ["visits", None, ""],
            "mark": ["", "*", None],
            "unit": ["flow_millions", "percent", "flow"],
            "decimals": [1, 0, None],
            "year": [2019, None, 2018],
            "value": [4.55, 56.0, 18671.0],
            "change": [0.95, -4.0, None],
            "note": [None, "zero_base", None],
        }
    )
    columns = [
        Column("label", "col_label", Kind.LABEL),
        Column("year", "col_year", Kind.INT),
        Column("value", "col_value", Kind.TABLE_VALUE),
        Column("value", "col_value", Kind.VALUE),
        Column("change", "col_change", Kind.CHANGE),
        Column("note", "col_note", Kind.NOTE),
    ]
    dutch = list(zip(*human_columns(frame, columns, "nl"), strict=True))
    # 4,55 with 1 decimal → 4,6 (half up); millions: "mln" only outside the table's value
    assert dutch[0] == ("bezoek", "2019", "4,6", "4,6 mln", "+1,0 mln", "")
    # percent: 56% and a change of -4 percentage points; the footnote mark follows the label
    assert dutch[1] == ("tevreden *", "–", "56%", "56%", "-4 pp", "basis is 0")
    # no decimals given: whole numbers, grouped the Dutch way
    assert dutch[2] == ("mails", "2018", "18.671", "18.671", "–", "")
    english = list(zip(*human_columns(frame, columns, "en"), strict=True))
    # English labels where there are any, Dutch otherwise; English grouping and "mn"
    assert [row[0] for row in english] == ["visits", "tevreden *", "mails"]
    assert english[0][3:5] == ("4.6 mn", "+1.0 mn")
    assert english[2][2] == "18,671"
