"""Benchmark kanaalstats against baselines measured in the same run, on this machine.

    python bench/run.py                 # 10^6 and 10^7 rows, 5 runs each
    python bench/run.py --rows 1000000 --runs 7

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1000000,10000000", help="panel sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=HERE / "out")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    runs = args.runs
    results: dict[str, object] = {"machine": machine(), "runs": runs}
    print(json.dumps(results["machine"]), flush=True)

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
    (args.work / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
