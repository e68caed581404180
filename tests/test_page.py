"""`report --format html`: one self-contained page to publish, checked by a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import html5lib
import pytest

from helpers import FIXTURES, page_report, run, write
from kanaalstats.domain.errors import ExitCode

TELEFONIE = str(FIXTURES / "telefonie" / "kerncijfers.csv")
XHTML = "{http://www.w3.org/1999/xhtml}"


def _page(tmp_path: Path, *args: str) -> str:
    out = tmp_path / "pagina.html"
    result = run("report", "--format", "html", "-o", str(out), *args)
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_page_is_valid_html_and_self_contained(tmp_path: Path) -> None:
    page = _page(tmp_path)
    # html5lib in strict mode raises on any parse error of the WHATWG rules
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)
    assert document.find(f"{XHTML}head/{XHTML}title").text == "Kerncijfers en samenvatting 2019"
    # nothing is fetched: no scripts, style sheets, images or frames, and every address in
    # the page is an XML namespace name, which no browser requests
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b", page)
    assert not re.search(r"\bsrc=|@import|url\((?!#)", page)  # url(#id): a part of the page
    # the small charts' ids are made distinct, and every reference finds its id
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    for target in re.findall(r"url\(#([^)]+)\)|href=\"#([^\"]+)\"", page):
        assert "".join(target) in ids
    for address in re.findall(r"""https?://[^\s"'<>]+""", page):
        assert address in {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}, address
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page


def test_page_holds_sentences_table_chart_source_and_checks(tmp_path: Path) -> None:
    page = _page(tmp_path, "--data", TELEFONIE)
    assert "<p>Het aantal telefoontjes naar gemeente is in 2018 afgenomen tot 350.250" in page
    # the key-figures table in Dutch notation, missing as –
    assert '<td class="n">412.300</td>' in page
    assert '<td class="n">1,3</td>' in page  # millions as published, the label says so
    assert '<td class="n">71%</td>' in page
    assert '<td class="n">–</td>' in page  # terugbelverzoeken 2015
    assert "aantal terugbelverzoeken *</th>" in page
    assert "* Inclusief terugbelverzoeken via de website." in page
    assert "Bron: gemeente Voorbeeldstad</p>" in page
    assert page.count("<svg") == 5  # one small chart per indicator
    # Figures the sentences state, per indicator: flows value, previous value, growth and
    # two day rates (5 each, for telefoontjes, baliebezoeken, terugbelverzoeken: 15); the
    # percentage value, previous, procentpunt (3); the score value, previous, punt (3): 21.
    assert "<summary>Controle van de eigen zinnen: 21 cijfers, 21 kloppen, 0 kloppen niet, " in page
    assert re.search(r'<details id="controle">\s*<summary>', page)  # folded away


def test_the_page_checks_its_figures_for_real() -> None:
    # A wrong figure fed to the same machinery is found out: the check is not a formality.
    from kanaalstats.commands.report import own_checks, year_on_year
    from kanaalstats.domain.choices import DaysBasis
    from kanaalstats.load.files import load
    from kanaalstats.text.sentences import Stated

    data = load([Path(TELEFONIE)])
    report = page_report(None, 2018, DaysBasis.CALENDAR, "nl")
    report.prepare(data)
    frame = year_on_year(data, ["aantal_telefoontjes_naar_gemeente"], 2018, DaysBasis.CALENDAR)
    records = frame.to_dict(orient="records")
    # 350.250 / 371.004 - 1 = -5,59%: "-6%" holds, "-5%" does not; 350.250 / 365 = 959,6
    stated = [
        [
            Stated("growth", (2017, 2018), -6.0, 0),
            Stated("growth", (2017, 2018), -5.0, 0),
            Stated("per_day", (2018,), 960.0, 0),
            Stated("per_day", (2018,), 950.0, 0),
        ]
    ]
    [checks] = own_checks(data, records, stated, ["zin"], report)
    assert [c["verdict"] for c in checks] == [
        "consistent",
        "inconsistent",
        "consistent",
        "inconsistent",
    ]


def test_data_text_is_escaped(tmp_path: Path) -> None:
    table = (
        "Test\n;2018;2019\n"
        '<script>alert(1)</script> & "aantal" <b>x</b>;10;12\n'
        "aantal </td></table>-->;1.000;1.100\n"
        "Bron: <img src=x onerror=alert(1)>\n"
    )
    data = write(tmp_path, "t.csv", table)
    page = _page(tmp_path, "--data", str(data))
    assert "<script" not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;aantal&quot;" in page
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)
    body_text = "".join(document.find(f"{XHTML}body").itertext())
    assert '<script>alert(1)</script> & "aantal" <b>x</b>' in body_text
    assert "aantal </td></table>-->" in body_text
    assert "Bron: <img src=x onerror=alert(1)>" in body_text


def test_html_is_for_report_only() -> None:
    result = run("growth", "--format", "html")
    assert result.exit_code == ExitCode.USAGE
    assert "report" in result.stderr
    assert result.stdout == ""


def test_page_in_a_real_browser(tmp_path: Path) -> None:
    page = tmp_path / "pagina.html"
    result = run("report", "--format", "html", "-o", str(page))
    assert result.exit_code == 0, result.stderr
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "headless Chromium is needed: apt-get install chromium (.ci/run does)"
    flags = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=390,2400",  # a phone's width
    ]
    shot = tmp_path / "shot.png"
    subprocess.run(
        [*flags, f"--screenshot={shot}", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )
    import matplotlib.image

    pixels = matplotlib.image.imread(str(shot))
    assert pixels.shape[:2] == (2400, 390)
    assert pixels.std() > 0.05  # not a blank page: text, table and lines were drawn
    dom = subprocess.run(
        [*flags, "--dump-dom", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
        text=True,
    ).stdout
    # the DOM as the browser built it, after parsing and layout
    assert "<title>Kerncijfers en samenvatting 2019</title>" in dom
    assert re.search(r"<table>\s*<thead>", dom)
    assert "291.592" in dom
    assert dom.count("<svg") == 11
    assert "websitebezoek Utrecht.nl (in miljoenen)" in dom


def test_page_without_matplotlib(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now fails
    out = tmp_path / "pagina.html"
    result = run("report", "--format", "html", "-o", str(out))
    assert result.exit_code == ExitCode.MISSING_EXTRA
    assert 'pip install "kanaalstats[plot]"' in result.stderr
    assert not out.exists()
