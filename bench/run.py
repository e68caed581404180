"""Benchmark kanaalstats against baselines measured in the same run, on this machine.

    python bench/run.py                 # 10^6 and 10^7 rows, 5 runs each
    python bench/run.py --rows 1000000 --runs 7
    python bench/run.py --scaling-only  # every command at 10^5 and 10^6 rows
    python bench/run.py --panels-only --rows 100000 --runs 1  # a quick check
    python bench/run.py --indicators-only  # 100,000 indicators: growth, daily ÷ table

Sections: every command at 10^5 and 10^6 rows (scaling), start-up, 100,000 indicators
(growth and daily against table: linear in the number of indicators), then for each panel size
`growth --format csv -o` against `pandas.read_csv` of the same panel and, when installed
(`pip install -e '.[bench]'`), the same consecutive-year growth in Polars and in DuckDB
(null when not installed), all four in one run; then Miller's `step`, when on the PATH.

Figures are medians of the runs, reported as ratios against a baseline timed in the same
run (so a slower or busier machine shifts both). Peak memory is the command's maximum
resident set size, as the kernel reports it for the child process. The kernel counts the
parent's own peak in it too, so this process imports neither pandas nor NumPy, nor Polars or
DuckDB: it asks the installed metadata for versions and generates panels in a subprocess.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
BIN = Path(sys.executable).parent
KANAALSTATS = str(BIN / "kanaalstats")
# What a run writes on stdout without a file of its own, and every run's stderr: files of the
# work folder, never the machine's device nodes.
_DISCARDED = HERE / "out" / "discarded.txt"


def _panel(work: Path, rows: int) -> Path:
    """The generated panel of `rows` rows in `work`, written first if missing.

    In a subprocess: generating would raise this process's peak memory, which the kernel
    then counts in every later command's peak (see the module docstring).
    """
    path = work / f"panel-{rows}.csv"
    if not path.exists():
        command = [sys.executable, str(HERE / "generate.py"), str(rows), str(path)]
        with _DISCARDED.open("wb") as discarded:
            subprocess.run(command, check=True, stdout=discarded)
    return path


def _once(command: list[str], stdout: Path | None) -> tuple[float, float]:
    sink = (stdout or _DISCARDED).open("wb")
    errors = _DISCARDED.with_suffix(".err").open("wb")
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=sink, stderr=errors)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    sink.close()
    errors.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss / 1024


def compare(commands: list[tuple[list[str], Path | None]], runs: int) -> list[tuple[float, float]]:
    """Median wall time (s) and largest peak RSS (MB) of each command.

    The commands take turns run by run, so that a machine growing busier or quieter during
    the benchmark shifts a command and its baseline alike.
    """
    times: list[list[float]] = [[] for _ in commands]
    peaks: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for i, (command, stdout) in enumerate(commands):
            elapsed, peak = _once(command, stdout)
            times[i].append(elapsed)
            peaks[i].append(peak)
    return [(statistics.median(t), max(p)) for t, p in zip(times, peaks, strict=True)]


def _installed(module: str) -> str | None:
    """The version of `module` if this interpreter can import it, else None.

    Found, not imported: importing would raise this process's peak memory, and with it
    every later command's (see the module docstring).
    """
    if importlib.util.find_spec(module) is None:
        return None
    try:
        return importlib.metadata.version(module)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def compile_package() -> None:
    """Compile kanaalstats' modules to bytecode first, as `pip install .` does.

    An editable install under PYTHONDONTWRITEBYTECODE (set on some machines) would otherwise
    compile every module again in every run: start-up a user never pays.
    """
    spec = importlib.util.find_spec("kanaalstats")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        sys.exit("bench: kanaalstats is not installed in this environment")
    for folder in spec.submodule_search_locations:
        subprocess.run([sys.executable, "-m", "compileall", "-q", folder], check=True)


def machine() -> dict[str, object]:
    return {
        "machine": platform.machine(),
        "processor": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "pandas": _installed("pandas"),
        "pyarrow": _installed("pyarrow"),
        "polars": _installed("polars"),
        "duckdb": _installed("duckdb"),
        "miller": _miller_version(),
        "date": time.strftime("%Y-%m-%d"),
    }


def _miller_version() -> str | None:
    mlr = shutil.which("mlr")
    if not mlr:
        return None
    return subprocess.run(
        [mlr, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()


# Every command, in people's and machines' formats, on the general (loaded) path.
SCALING_COMMANDS = [
    ["table"],
    ["table", "--format", "json"],
    ["indicators"],
    ["growth"],
    ["growth", "--format", "json"],
    ["growth", "--from", "2010", "--to", "2019", "--format", "csv"],
    ["daily", "--format", "csv"],
    ["share", "emails", "bezoeken", "--format", "markdown"],
    ["trend"],
    ["report", "--format", "csv"],
]


def scaling(work: Path, sizes: tuple[int, int], runs: int) -> list[dict[str, object]]:
    """Each command's median time on a panel and on one ten times larger: about 10× the
    time for 10× the rows is linear (start-up, paid once, makes it a little less)."""
    small, large = sizes
    paths = [_panel(work, rows) for rows in sizes]
    entries = []
    for command in SCALING_COMMANDS:
        out = work / "scaling-out.txt"
        timed = compare(
            [([KANAALSTATS, *command, "--data", str(path)], out) for path in paths], runs
        )
        (small_s, _), (large_s, large_peak) = timed
        entry = {
            "command": " ".join(command),
            f"s_{small}": small_s,
            f"s_{large}": large_s,
            "ratio": large_s / small_s,
            "peak_mb_large": large_peak,
        }
        entries.append(entry)
        print(json.dumps(entry), flush=True)
    return entries


# Consecutive-year growth as the baselines compute it: each row with its series' previous
# row (year) as prev, change = value - prev, change_pct = change / prev * 100 where prev > 0.
# Unlike kanaalstats they keep each series' first year (prev null) and drop the unit.
POLARS_GROWTH = """\
import polars as pl
frame = pl.read_csv({path!r}, schema_overrides={{"value": pl.Float64}})
frame = frame.sort("entity", "indicator", "year")
prev = pl.col("value").shift().over("entity", "indicator")
frame = frame.select("entity", "indicator", "year", "value", prev.alias("prev"))
frame = frame.with_columns(change=pl.col("value") - pl.col("prev"))
pct = pl.when(pl.col("prev") > 0).then(pl.col("change") / pl.col("prev") * 100)
frame.with_columns(change_pct=pct).write_csv({out!r})
"""

DUCKDB_GROWTH = """\
COPY (
    SELECT entity, indicator, year, value, prev, value - prev AS change,
        CASE WHEN prev > 0 THEN (value - prev) / prev * 100 END AS change_pct
    FROM (
        SELECT entity, indicator, year, value,
            lag(value) OVER (PARTITION BY entity, indicator ORDER BY year) AS prev
        FROM read_csv_auto({path}, types = {{'value': 'DOUBLE'}})
    )
) TO {out} (HEADER)
"""


def _sql_text(value: object) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def baselines(path: Path, work: Path, rows: int) -> dict[str, list[str] | None]:
    """The Polars and DuckDB growth commands on `path`, None for one not installed."""
    polars = duckdb = None
    if _installed("polars"):
        code = POLARS_GROWTH.format(path=str(path), out=str(work / f"polars-{rows}.csv"))
        polars = [sys.executable, "-c", code]
    if _installed("duckdb"):
        sql = DUCKDB_GROWTH.format(path=_sql_text(path), out=_sql_text(work / f"duckdb-{rows}.csv"))
        duckdb = [sys.executable, "-c", f"import duckdb; duckdb.execute({sql!r})"]
    return {"polars": polars, "duckdb": duckdb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1000000,10000000", help="panel sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=HERE / "out")
    parser.add_argument("--scaling-runs", type=int, default=3)
    only = parser.add_mutually_exclusive_group()
    only.add_argument(
        "--scaling-only", action="store_true", help="only every command at 10^5 and 10^6 rows"
    )
    only.add_argument(
        "--panels-only",
        action="store_true",
        help="only the panel sizes of --rows: no scaling or start-up sections",
    )
    only.add_argument(
        "--indicators-only", action="store_true", help="only 100,000 indicators: growth ÷ table"
    )
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    runs = args.runs
    compile_package()
    results: dict[str, object] = {"machine": machine(), "runs": runs}
    print(json.dumps(results["machine"]), flush=True)
    if args.indicators_only:
        _save(args.work / "indicators.json", {**results, "indicators": wide(args.work, runs)})
        return
    if not args.panels_only:
        scaled = scaling(args.work, (100_000, 1_000_000), args.scaling_runs)
        if args.scaling_only:
            scaling_results = {**results, "runs": args.scaling_runs, "scaling": scaled}
            _save(args.work / "scaling.json", scaling_results)
            return
        results["scaling"] = scaled
        results["startup"] = startup(runs)
        results["indicators"] = wide(args.work, runs)

    results["panels"] = panels(args.work, [int(r) for r in args.rows.split(",")], runs)
    _save(args.work / ("panels.json" if args.panels_only else "results.json"), results)


def startup(runs: int) -> dict[str, float]:
    """Start-up: `--help` against `import typer`, built-in `growth` against `import pandas`."""
    (help_time, _), (typer_time, _), (growth_time, _), (pandas_time, _) = compare(
        [
            ([KANAALSTATS, "--help"], None),
            ([sys.executable, "-c", "import typer"], None),
            ([KANAALSTATS, "growth", "--format", "json"], None),
            ([sys.executable, "-c", "import pandas"], None),
        ],
        runs,
    )
    startup = {
        "help_s": help_time,
        "import_typer_s": typer_time,
        "help_ratio": help_time / typer_time,
        "growth_builtin_json_s": growth_time,
        "import_pandas_s": pandas_time,
        "growth_builtin_ratio": growth_time / pandas_time,
    }
    print(json.dumps(startup), flush=True)
    return startup


def panels(work: Path, sizes: list[int], runs: int) -> list[dict[str, object]]:
    """Per panel size: `growth --format csv -o` against `pandas.read_csv` and, when installed,
    Polars and DuckDB (null when not), in one interleaved run; then Miller, when installed."""
    entries = []
    for rows in sizes:
        path = _panel(work, rows)
        size_mb = path.stat().st_size / 1e6
        out = work / f"growth-{rows}.csv"
        growth_command = [
            KANAALSTATS,
            "growth",
            "--data",
            str(path),
            "--format",
            "csv",
            "-o",
            str(out),
        ]
        read_command = [sys.executable, "-c", f"import pandas; pandas.read_csv({str(path)!r})"]
        others = {name: c for name, c in baselines(path, work, rows).items() if c}
        timed = compare(
            [(growth_command, None), (read_command, None)] + [(c, None) for c in others.values()],
            runs,
        )
        (ours, peak), (read, read_peak) = timed[:2]
        measured = dict(zip(others, timed[2:], strict=True))
        entry: dict[str, object] = {
            "rows": rows,
            "csv_mb": size_mb,
            "growth_s": ours,
            "read_csv_s": read,
            "ratio": ours / read,
            "growth_peak_mb": peak,
            "peak_over_csv": peak / size_mb,
            "read_csv_peak_mb": read_peak,
        }
        for name in ("polars", "duckdb"):
            seconds, name_peak = measured.get(name, (None, None))
            entry.update({f"{name}_s": seconds, f"{name}_peak_mb": name_peak})
        mlr = shutil.which("mlr")
        if mlr:
            miller_command = [mlr, "--icsv", "--ocsv", "step", "-a", "ratio", "-f", "value"]
            miller_command += ["-g", "entity,indicator", str(path)]
            [(miller, miller_peak)] = compare([(miller_command, work / f"miller-{rows}.csv")], runs)
            entry.update(
                {
                    "miller_s": miller,
                    "miller_peak_mb": miller_peak,
                    "faster_than_miller": ours < miller,
                }
            )
        entries.append(entry)
        print(json.dumps(entry), flush=True)
    return entries


# 100,000 indicators of two years each, in the long form.
WIDE_INDICATORS = 100_000
WIDE_TABLE = """\
import sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write("indicator,year,value,unit\\n")
    for k in range({count}):
        out.write(f"i{{k}},2018,{{k % 997 + 1}},flow\\ni{{k}},2019,{{k % 991 + 2}},flow\\n")
"""


def wide(work: Path, runs: int) -> dict[str, object]:
    """Linear in the number of indicators: growth and daily on 100,000 indicators against
    table on the same file."""
    path = work / f"indicators-{WIDE_INDICATORS}.csv"
    if not path.exists():
        code = WIDE_TABLE.format(count=WIDE_INDICATORS)
        subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    commands = [["table"], ["growth"], ["daily"]]
    timed = compare(
        [([KANAALSTATS, *c, "--format", "csv", "--data", str(path)], None) for c in commands],
        runs,
    )
    (table_s, _), (growth_s, _), (daily_s, _) = timed
    entry: dict[str, object] = {
        "indicators": WIDE_INDICATORS,
        "table_s": table_s,
        "growth_s": growth_s,
        "daily_s": daily_s,
        "growth_over_table": growth_s / table_s,
        "daily_over_table": daily_s / table_s,
    }
    print(json.dumps(entry), flush=True)
    return entry


def _save(path: Path, results: dict[str, object]) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    partial.replace(path)


if __name__ == "__main__":
    main()
