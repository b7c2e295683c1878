"""Time laorus commands as whole processes against the bare floor script, in one run.

Usage: python bench/run.py [--runs N] [--skip-large] [--write]

Builds the stores it needs (the shipped facts copied under new ids: 100, 10,000 and 100,000
facts) in a temporary directory, runs every command N times (median wall time, peak memory of the
process), and prints a Markdown table of medians and ratios to the floor. --write also saves it
to bench/RESULTS.md with the machine it came from.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHIPPED = ROOT / "facts.toml"


@dataclass(frozen=True)
class Timing:
    """Median wall time and peak resident memory of one command over several runs."""

    seconds: float
    peak_mb: float


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MB) of one process; fails loudly if the command fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        msg = f"{' '.join(argv)} exited {proc.returncode}: {err.strip()}"
        raise SystemExit(msg)
    return elapsed, usage.ru_maxrss / 1024


def measure(argv: list[str], env: dict[str, str], runs: int, warmup: int = 1) -> Timing:
    """Median of ``runs`` timed runs after ``warmup`` untimed ones."""
    for _ in range(warmup):
        run_once(argv, env)
    samples = [run_once(argv, env) for _ in range(runs)]
    return Timing(statistics.median(s for s, _ in samples), max(m for _, m in samples))


def build_store(size: int, target: Path) -> Path:
    """The shipped store's facts copied under new ids until there are ``size`` of them."""
    text = SHIPPED.read_text(encoding="utf-8")
    start = text.index("\n[[facts]]") + 1
    head, body = text[:start], text[start:]
    chunks = ["[[facts]]" + chunk for chunk in body.split("[[facts]]")[1:]]
    out = [head]
    for number in range(size):
        chunk = chunks[number % len(chunks)]
        if number >= len(chunks):
            chunk = re.sub(
                r'^id = "([^"]+)"',
                lambda m, n=number: f'id = "{m.group(1)}-copy-{n}"',
                chunk,
                count=1,
                flags=re.MULTILINE,
            )
        out.append(chunk)
    target.write_text("".join(out), encoding="utf-8")
    return target


def laorus_argv() -> list[str]:
    """How to run the installed laorus with this interpreter."""
    return [sys.executable, "-m", "laorus"]


def main() -> None:
    """Run the benchmark and print (and optionally write) the results table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="timed runs per command")
    parser.add_argument("--skip-large", action="store_true", help="skip the 100,000-fact store")
    parser.add_argument("--write", action="store_true", help="save the table to bench/RESULTS.md")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="laorus-bench-"))
    try:
        rows = run_all(work, args.runs, not args.skip_large)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    table = render(rows, args.runs)
    print(table)
    if args.write:
        (HERE / "RESULTS.md").write_text(table, encoding="utf-8")


def run_all(work: Path, runs: int, large: bool) -> list[tuple[str, Timing, str, float | None]]:
    """Every measurement as (label, timing, what it is compared with, target ratio)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LAORUS_FACTS", "LAORUS_HOME")}
    env["LAORUS_HOME"] = str(work / "home")
    env["NO_COLOR"] = "1"
    floor_script = [sys.executable, str(HERE / "floor.py")]
    laorus = laorus_argv()
    rows: list[tuple[str, Timing, str, float | None]] = []

    floor = measure([*floor_script, str(SHIPPED), "Rosatom"], env, runs)
    rows.append(("floor script, shipped store", floor, "", None))
    for label, argv, target in (
        ("laorus search Rosatom", [*laorus, "search", "Rosatom"], 2.0),
        ("laorus anniversaries --year 2025", [*laorus, "anniversaries", "--year", "2025"], 2.5),
        ("laorus --help", [*laorus, "--help"], 3.5),
    ):
        rows.append((label, measure(argv, env, runs), "floor", target))

    sizes = [100, 10_000] + ([100_000] if large else [])
    for size in sizes:
        store = build_store(size, work / f"store-{size}.toml")
        search = [*laorus, "--facts", str(store), "search", "Rosatom"]
        if size == 100_000:
            parse = measure(
                [sys.executable, "-c", f"import tomllib; tomllib.load(open({str(store)!r}, 'rb'))"],
                env,
                runs=1,
                warmup=0,
            )
            rows.append((f"tomllib parse only, {size:,} facts", parse, "", None))
            shutil.rmtree(work / "home", ignore_errors=True)
            first = measure(search, env, runs=1, warmup=0)
            rows.append((f"first search (cold cache), {size:,} facts", first, "parse", 1.2))
        runs_here = runs if size < 100_000 else max(3, runs // 2)
        timing = measure(search, env, runs_here)
        rows.append((f"laorus search Rosatom, {size:,} facts", timing, "shipped search", 4.0))
        if size == 100_000:
            validate = measure([*laorus, "--facts", str(store), "validate"], env, 3)
            rows.append((f"laorus validate, {size:,} facts", validate, "10 s", None))
    return rows


def render(rows: list[tuple[str, Timing, str, float | None]], runs: int) -> str:
    """A Markdown table of the measurements, their ratios and the targets."""
    times = {label: timing for label, timing, _, _ in rows}
    floor = times["floor script, shipped store"].seconds
    shipped = times["laorus search Rosatom"].seconds
    parse = next((t.seconds for label, t, _, _ in rows if label.startswith("tomllib")), None)
    bases = {"floor": floor, "shipped search": shipped, "parse": parse}
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()}"
        f" {platform.release()}; Python {platform.python_version()}.",
        f"Date: {time.strftime('%Y-%m-%d')}. Median of {runs} runs (3 for validate and the"
        " first run on 100,000 facts). Reproduce: `python bench/run.py --write`.",
        "",
        "| command | median | peak memory | ratio | target |",
        "|---|---:|---:|---:|---|",
    ]
    for label, timing, base, target in rows:
        base_seconds = bases.get(base)
        ratio = f"{timing.seconds / base_seconds:.2f}x {base}" if base_seconds else ""
        goal = ""
        if target is not None and base_seconds:
            met = timing.seconds / base_seconds <= target
            goal = f"<= {target}x {'met' if met else 'NOT met'}"
        elif base == "10 s":
            goal = f"< 10 s {'met' if timing.seconds < 10 else 'NOT met'}"
        if label.endswith("100,000 facts") and label.startswith("laorus search"):
            goal += f"; < 150 MB {'met' if timing.peak_mb < 150 else 'NOT met'}"
        lines.append(
            f"| {label} | {timing.seconds * 1000:,.0f} ms | {timing.peak_mb:,.0f} MB"
            f" | {ratio} | {goal} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
