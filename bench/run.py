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


def measure(command: list[str], runs: int, stdout: Path | None = None) -> tuple[float, float]:
    """Median wall time (s) and the largest peak RSS (MB) over `runs` runs."""
    times, peaks = [], []
    for _ in range(runs):
        sink = stdout.open("wb") if stdout else subprocess.DEVNULL
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        if stdout:
            sink.close()  # type: ignore[union-attr]
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(command)}")
    return statistics.median(times), max(peaks)


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

    help_time, _ = measure([KANAALSTATS, "--help"], runs)
    typer_time, _ = measure([sys.executable, "-c", "import typer"], runs)
    growth_time, _ = measure([KANAALSTATS, "growth", "--format", "json"], runs)
    pandas_time, _ = measure([sys.executable, "-c", "import pandas"], runs)
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
        ours, peak = measure(
            [KANAALSTATS, "growth", "--data", str(path), "--format", "csv", "-o", str(out)], runs
        )
        read, read_peak = measure(
            [sys.executable, "-c", f"import pandas; pandas.read_csv({str(path)!r})"], runs
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
            miller, miller_peak = measure(
                [
                    mlr,
                    "--icsv",
                    "--ocsv",
                    "step",
                    "-a",
                    "ratio",
                    "-f",
                    "value",
                    "-g",
                    "entity,indicator",
                    str(path),
                ],
                runs,
                stdout=args.work / f"miller-{rows}.csv",
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
