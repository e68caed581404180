"""Benchmark kanaalstats against baselines measured in the same run, on this machine.

    python bench/run.py                 # 10^6 and 10^7 rows, 5 runs each
    python bench/run.py --rows 1000000 --runs 7
    python bench/run.py --scaling-only  # every command at 10^5 and 10^6 rows

Figures are medians of the runs, reported as ratios against a baseline timed in the same
run (so a slower or busier machine shifts both). Peak memory is the command's maximum
resident set size, as the kernel reports it for the child process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from generate import generate

HERE = Path(__file__).parent
BIN = Path(sys.executable).parent
KANAALSTATS = str(BIN / "kanaalstats")


def _once(command: list[str], stdout: Path | None) -> tuple[float, float]:
    sink = stdout.open("wb") if stdout else subprocess.DEVNULL
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=sink, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if stdout:
        sink.close()  # type: ignore[union-attr]
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


def machine() -> dict[str, object]:
    import pandas

    try:
        import pyarrow

        arrow = pyarrow.__version__
    except ImportError:
        arrow = None
    return {
        "machine": platform.machine(),
        "processor": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "pandas": pandas.__version__,
        "pyarrow": arrow,
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
    paths = []
    for rows in sizes:
        path = work / f"panel-{rows}.csv"
        if not path.exists():
            generate(rows, path)
        paths.append(path)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1000000,10000000", help="panel sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=HERE / "out")
    parser.add_argument("--scaling-runs", type=int, default=3)
    parser.add_argument(
        "--scaling-only", action="store_true", help="only every command at 10^5 and 10^6 rows"
    )
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    runs = args.runs
    results: dict[str, object] = {"machine": machine(), "runs": runs}
    print(json.dumps(results["machine"]), flush=True)
    scaled = scaling(args.work, (100_000, 1_000_000), args.scaling_runs)
    if args.scaling_only:
        _save(args.work / "scaling.json", {**results, "runs": args.scaling_runs, "scaling": scaled})
        return
    results["scaling"] = scaled

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
    results["startup"] = startup
    print(json.dumps(startup), flush=True)

    panels = []
    for rows in (int(r) for r in args.rows.split(",")):
        path = args.work / f"panel-{rows}.csv"
        if not path.exists():
            generate(rows, path)
        size_mb = path.stat().st_size / 1e6
        out = args.work / f"growth-{rows}.csv"
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
        (ours, peak), (read, read_peak) = compare(
            [(growth_command, None), (read_command, None)], runs
        )
        entry = {
            "rows": rows,
            "csv_mb": size_mb,
            "growth_s": ours,
            "read_csv_s": read,
            "ratio": ours / read,
            "growth_peak_mb": peak,
            "peak_over_csv": peak / size_mb,
            "read_csv_peak_mb": read_peak,
        }
        mlr = shutil.which("mlr")
        if mlr:
            miller_command = [mlr, "--icsv", "--ocsv", "step", "-a", "ratio", "-f", "value"]
            miller_command += ["-g", "entity,indicator", str(path)]
            [(miller, miller_peak)] = compare(
                [(miller_command, args.work / f"miller-{rows}.csv")], runs
            )
            entry.update(
                {
                    "miller_s": miller,
                    "miller_peak_mb": miller_peak,
                    "faster_than_miller": ours < miller,
                }
            )
        panels.append(entry)
        print(json.dumps(entry), flush=True)
    results["panels"] = panels
    _save(args.work / "results.json", results)


def _save(path: Path, results: dict[str, object]) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    partial.replace(path)


if __name__ == "__main__":
    main()
