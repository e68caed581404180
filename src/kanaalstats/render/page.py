"""A page to publish: the report as one self-contained HTML file.

The summary sentences, the key-figures table in the language's notation, the chart as inline
SVG, the source, and (folded away) the verdict of `check` on every figure the sentences state.
Everything is in the one file: no style sheet, script, font or image is fetched from anywhere.
Every text that comes from the data is escaped.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING, Any, TextIO

from kanaalstats.domain.dataset import label_in
from kanaalstats.domain.result import Ending, Outline, Result
from kanaalstats.render.machine import notes_in
from kanaalstats.text.catalogue import text
from kanaalstats.text.numbers import MISSING_TEXT, format_in_unit

if TYPE_CHECKING:
    import pandas as pd

_YEAR = re.compile(r"^\d{4}$")

# Readable on a phone: one column, the wide table scrolls sideways inside its own box, the
# chart shrinks to the screen.
_STYLE = """
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;
background:#fff}
main{max-width:52rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:2rem 0 .5rem}
p{margin:0 0 .8rem}
.note{color:#555;font-size:.9rem}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;font-size:.9rem;min-width:100%}
th,td{padding:.35rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
th{text-align:left;background:#f3f5f8}
th[scope=row]{font-weight:normal}
td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
figure{margin:0}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.5rem}
.charts svg{width:100%;height:auto;display:block}
details{margin:2rem 0;border:1px solid #ddd;border-radius:4px;padding:.5rem .8rem}
summary{cursor:pointer;font-weight:600}
tr.zin td{background:#f3f5f8;font-style:italic}
.consistent{color:#1b6e20}.inconsistent{color:#a11}.not_verifiable{color:#775c00}
"""


class HtmlWriter:
    """Collects the report's blocks; writes the page at the end."""

    def __init__(self, stream: TextIO, outline: Outline, lang: str) -> None:
        self.stream = stream
        self.outline = outline
        self.lang = lang
        self.frames: list[pd.DataFrame] = []

    def write(self, result: Result) -> None:
        self.frames.append(result.frame)

    def end(self, ending: Ending) -> None:
        import pandas as pd

        frame = pd.concat(self.frames, ignore_index=True) if self.frames else pd.DataFrame()
        self.stream.write(page(frame, self.outline, ending, self.lang))


def page(frame: pd.DataFrame, outline: Outline, ending: Ending, lang: str) -> str:
    """The whole HTML document."""
    year = outline.meta.get("year", "")
    title = text("page_title", lang, year=year)
    years = [int(c) for c in frame.columns if _YEAR.match(str(c))]
    notes = notes_in(ending.notes, lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape(title)}</h1>",
        f'<section id="samenvatting"><h2>{escape(text("title_report", lang))}</h2>',
        *(f"<p>{escape(str(s))}</p>" for s in frame.get("sentence", [])),
        *(f'<p class="note">{escape(note)}</p>' for note in notes),
        "</section>",
    ]
    if years and len(frame):
        parts += _table(frame, years, lang)
        parts += _chart(frame, years, lang)
    parts += _checks(frame, lang)
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _table(frame: pd.DataFrame, years: list[int], lang: str) -> list[str]:
    """The key-figures table: one row per series, one column per year, as published."""
    entities = frame["entity"].astype(str).tolist() if "entity" in frame else []
    panel = any(entities)
    labels = label_in(frame, lang).astype(str).tolist()
    footnotes = frame["footnote"].astype(object).fillna("").astype(str).tolist()
    marks: dict[str, str] = {}
    for note in footnotes:
        if note and note not in marks:
            marks[note] = "*" * (len(marks) + 1)
    head = [f"<th>{escape(text('col_entity', lang))}</th>"] if panel else []
    head.append(f"<th>{escape(text('col_indicator', lang))}</th>")
    head += [f'<th class="n">{year}</th>' for year in years]
    provisional = (
        frame["provisional_years"].tolist() if "provisional_years" in frame else [[]] * len(frame)
    )
    marked = False
    rows = []
    for n in range(len(frame)):
        unit = str(frame["unit"].iloc[n])
        decimals = frame["decimals"].iloc[n]
        places = 0 if decimals != decimals else int(decimals)  # NaN: a series with no value
        label = labels[n] + (f" {marks[footnotes[n]]}" if footnotes[n] else "")
        cells = [f"<td>{escape(entities[n])}</td>"] if panel else []
        cells.append(f'<th scope="row">{escape(label)}</th>')
        for year in years:
            value = frame[str(year)].iloc[n]
            shown = _table_value(value, unit, places, lang)
            if year in provisional[n] and shown != MISSING_TEXT:
                shown += " " + text("page_provisional_mark", lang)
                marked = True
            cells.append(f'<td class="n">{escape(shown)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    out = [
        f'<section id="kerncijfers"><h2>{escape(text("title_table", lang))}</h2>',
        '<div class="scroll"><table>',
        "<thead><tr>" + "".join(head) + "</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody></table></div>",
        *(f'<p class="note">{escape(mark)} {escape(note)}</p>' for note, mark in marks.items()),
    ]
    if marked:
        mark, note = text("page_provisional_mark", lang), text("page_provisional_note", lang)
        out.append(f'<p class="note">{escape(mark)} {escape(note)}</p>')
    from kanaalstats.render.chart import publishers

    sources = publishers(frame)
    if sources:
        prefix = text("source_prefix", lang)
        out.append(f'<p class="note" id="bron">{escape(prefix)}: {escape("; ".join(sources))}</p>')
    out.append("</section>")
    return out


def _table_value(value: Any, unit: str, decimals: int, lang: str) -> str:
    """A cell as the published table writes it: 56%, 3,6 (the label says millions), 223.449."""
    if value is None or value != value:
        return MISSING_TEXT
    return format_in_unit(float(value), unit, decimals, lang, with_unit=unit == "percent")


def _chart(frame: pd.DataFrame, years: list[int], lang: str) -> list[str]:
    """The chart as inline SVG, a small figure per indicator that the page lays out in as
    many columns as the screen holds; its words stay text (searchable, and read aloud)."""
    from kanaalstats.render.chart import chart_source, render_chart, source_line, year_span

    figures: list[str] = []
    indicators = frame["indicator"].astype(str)
    for indicator in dict.fromkeys(indicators):
        part = frame[indicators == indicator]
        svg = render_chart(part, years, lang, "svg", text_as_text=True, bare=True).decode("utf-8")
        # Inline SVG is part of the HTML document: no XML prolog or DOCTYPE of its own, and
        # a size that follows the page (the viewBox keeps the proportions).
        svg = svg[svg.index("<svg") :]
        # matplotlib's RDF block names its creator: nothing a reader sees, and namespaces
        # that look like addresses.
        svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.DOTALL)
        svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", svg, count=1)
        svg = _own_ids(svg, f"c{len(figures) + 1}-")
        name = escape(label_in(part, lang).astype(str).iloc[0])
        figures.append(svg.replace("<svg", f'<svg role="img" aria-label="{name}"', 1))
    title = text("chart_title", lang, years=year_span(years))
    caption = f"{title}. {source_line(chart_source(frame, []), lang)}"
    return [
        f'<section id="verloop"><h2>{escape(text("title_trend", lang))}</h2>',
        '<figure><div class="charts">',
        *figures,
        f'</div><figcaption class="note">{escape(caption)}</figcaption></figure>',
        "</section>",
    ]


def _own_ids(svg: str, prefix: str) -> str:
    """Every id of one SVG, and every reference to one, prefixed: matplotlib names the
    parts of each figure alike (figure_1, axes_1, clip paths), and ids in one page must
    differ."""
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}\1)", svg)
    return re.sub(r'href="#([^"]+)"', rf'href="#{prefix}\1"', svg)


def _checks(frame: pd.DataFrame, lang: str) -> list[str]:
    """The verdicts on the sentences' own figures, folded away under a one-line summary."""
    checks = [c for row in frame.get("checks", []) for c in (row or [])]
    if not checks:
        return []
    counts = {v: sum(c["verdict"] == v for c in checks) for v in ("consistent", "inconsistent")}
    unverifiable = len(checks) - sum(counts.values())
    summary = text(
        "page_checks",
        lang,
        total=len(checks),
        consistent=counts["consistent"],
        inconsistent=counts["inconsistent"],
        not_verifiable=unverifiable,
    )
    head = "".join(
        f"<th>{escape(text(key, lang))}</th>"
        for key in ("col_inputs", "col_kind", "col_stated", "col_computed", "col_verdict")
    )
    rows = []
    for said, own in zip(frame["sentence"], frame["checks"], strict=True):
        if not own:
            continue
        # The sentence once, then a row per figure it states.
        rows.append(f'<tr class="zin"><td colspan="5">{escape(str(said))}</td></tr>')
        for check in own:
            verdict = str(check["verdict"])
            cells = [
                escape(str(check["inputs"])),
                escape(str(check["kind_text"])),
                escape(str(check["stated_text"])),
                escape(str(check["computed_text"])),
            ]
            row = "".join(f"<td>{cell}</td>" for cell in cells)
            row += f'<td class="{escape(verdict)}">{escape(str(check["verdict_text"]))}</td>'
            rows.append(f"<tr>{row}</tr>")
    return [
        '<details id="controle">',
        f"<summary>{escape(summary)}</summary>",
        '<div class="scroll"><table>',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody></table></div>",
        "</details>",
    ]
