"""Time laorus commands as whole processes against the bare floor script, in one run.

Usage: python bench/run.py [--runs N] [--skip-large] [--write]

Builds the stores it needs (the shipped facts copied under new ids: 100, 10,000 and 100,000
facts) in a temporary directory with a private LAORUS_HOME (so the cache starts empty), runs
every command N times after one untimed run (median wall time, peak memory of the process), and
prints a Markdown table of medians and ratios. At 10,000 and 100,000 facts every other command
(SCALED_COMMANDS) is timed against itself on the shipped store, with a target of 2x. Each
ratio is measured in the same loop as the command it divides by, taking turns run by run, so a
machine that gets busier part-way through slows both sides alike. --write also saves the table
to bench/RESULTS.md with the machine it came from. The 100,000-fact part takes several minutes.
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
    runs: int


@dataclass(frozen=True)
class Row:
    """One line of the table: a measurement, what it is divided by, and the target ratio."""

    label: str
    timing: Timing
    base: Timing | None = None
    base_label: str = ""
    target: str = ""
    met: bool | None = None


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MB) of one process; fails loudly if the command fails."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            errors.seek(0)
            msg = f"{' '.join(argv)} exited {proc.returncode}: {errors.read().decode().strip()}"
            raise SystemExit(msg)
    return elapsed, usage.ru_maxrss / 1024


def measure(commands: list[list[str]], env: dict[str, str], runs: int) -> list[Timing]:
    """Each command's median over ``runs`` runs after one untimed run, taking turns."""
    for argv in commands:
        run_once(argv, env)
    samples: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for argv, found in zip(commands, samples, strict=True):
            found.append(run_once(argv, env))
    return [
        Timing(statistics.median(s for s, _ in found), max(m for _, m in found), runs)
        for found in samples
    ]


def measure_once(argv: list[str], env: dict[str, str]) -> Timing:
    """One timed run, for work too long to repeat (the first load of a large store)."""
    seconds, peak = run_once(argv, env)
    return Timing(seconds, peak, 1)


def make_store(size: int, target: Path) -> Path:
    """build_store() in a child process, so this one stays small.

    Linux counts the memory a process had when it forked into its child's peak (ru_maxrss is
    kept across exec), so a benchmark that held a 100,000-fact store would inflate every peak.
    """
    subprocess.run([sys.executable, __file__, "--build-store", str(size), str(target)], check=True)
    return target


def build_store(size: int, target: Path) -> Path:
    """The shipped store's facts copied under new ids until there are ``size`` of them.

    Each copy of the shipped facts stands for another article: its ids and links get the
    copy's number, and its dates (and anniversary dates, so their arithmetic holds) are moved
    back by that many years modulo YEARS_SPREAD, as articles written over a century would be;
    without that, every copy would fall in the article's own years and a year's timeline or
    anniversaries would list every copy. The names vocabulary is written once, after the facts.
    """
    text = SHIPPED.read_text(encoding="utf-8")
    start = text.index("\n[[facts]]") + 1
    names_at = text.find("\n[[names]]")
    head, body = text[:start], text[start:]
    names = ""
    if names_at >= 0:
        body, names = text[start:names_at], text[names_at:]
    chunks = ["[[facts]]" + chunk for chunk in body.split("[[facts]]")[1:]]
    out = [head]
    for number in range(size):
        chunk = chunks[number % len(chunks)]
        copy = number // len(chunks)
        if copy:
            # Ids, and the links between facts, stay within their copy.
            chunk = re.sub(
                r'^((?:id|commemorates|same_event) = "[^"]+)"',
                lambda m, c=copy: f'{m.group(1)}-copy-{c}"',
                chunk,
                flags=re.MULTILINE,
            )
            shift = copy % YEARS_SPREAD
            chunk = re.sub(
                r'^((?:date|end_date|on) = "?)(\d{4})',
                lambda m, s=shift: f"{m.group(1)}{int(m.group(2)) - s:04d}",
                chunk,
                flags=re.MULTILINE,
            )
            chunk = _note_moved_date(chunk, shift)
        out.append(chunk)
    out.append(names)
    target.write_text("".join(out), encoding="utf-8")
    return target


def _note_moved_date(chunk: str, shift: int) -> str:
    """A moved full date with a ``derived`` note saying so, when the fact has none.

    validate requires a full date that is not derived to be one its quote gives; a copy's
    moved date no longer is, so without the note the store would not load (and every command
    on it would measure an error).
    """
    own = chunk.split("\n[[facts.", 1)[0]
    if not shift or re.search(r"^derived = ", own, flags=re.MULTILINE):
        return chunk
    note = f'derived = "Bench copy: the article\'s date moved back {shift} years."\n'
    return re.sub(r"^(date = \d{4}-\d\d-\d\d\n)", lambda m: m.group(1) + note, chunk,
                  count=1, flags=re.MULTILINE)  # fmt: skip


YEARS_SPREAD = 100
"""The copies of the shipped facts are spread over this many years (see build_store)."""


def prepare(env: dict[str, str]) -> None:
    """Compile laorus to bytecode first, as an installed package is (pip compiles on install)."""
    import laorus

    package = Path(laorus.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], env=env, check=True)


def ratio_row(label: str, timing: Timing, base: Timing, base_label: str, limit: float) -> Row:
    """A row whose target is at most ``limit`` times its base."""
    met = timing.seconds <= limit * base.seconds
    return Row(label, timing, base, base_label, f"<= {limit:g}x", met)


SCALED_COMMANDS = [
    ["show", "nuclear-power-plant"],
    ["stats"],
    ["anniversaries", "--year", "2025"],
    ["timeline", "--limit", "20"],
    ["timeline", "--from", "2025", "--to", "2025"],
    ["search", "--category", "economy", "--limit", "20"],
    *(
        ["quiz", "--answer-key", "--mode", mode, "--count", "10", "--seed", "1"]
        for mode in ("free", "choice", "cloze", "mixed")
    ),
]
"""Every command but search, at scale: within 2x its time on the shipped store at 10,000 facts,
and under 150 MB at 100,000 (issue 15)."""


def command_rows(
    laorus: list[str], big: list[str], label: str, env: dict[str, str], runs: int, *, memory: bool
) -> list[Row]:
    """Each of SCALED_COMMANDS on the large store against the shipped one, taking turns.

    At 10,000 facts the target is time: at most 2x the shipped store's. With ``memory`` (at
    100,000 facts) it is memory, the bound a search keeps: under 150 MB; the ratio is shown.
    """
    rows = []
    for command in SCALED_COMMANDS:
        base, timing = measure([[*laorus, *command], [*big, *command]], env, runs)
        row = ratio_row(f"laorus {' '.join(command)}, {label}", timing, base, "shipped", 2.0)
        if memory:
            met = timing.peak_mb < 150
            row = Row(row.label, timing, base, row.base_label, "< 150 MB", met)
        rows.append(row)
    return rows


def run_all(work: Path, runs: int, large: bool) -> list[Row]:
    """Every measurement, each with what it is compared with."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LAORUS_FACTS", "LAORUS_HOME", "PYTHONDONTWRITEBYTECODE", "FORCE_COLOR")
    }
    env.update({"LAORUS_HOME": str(work / "home"), "NO_COLOR": "1", "COLUMNS": "80"})
    prepare(env)
    laorus = [sys.executable, "-m", "laorus"]
    floor_argv = [sys.executable, str(HERE / "floor.py"), str(SHIPPED), "Rosatom"]
    search = [*laorus, "search", "Rosatom"]
    floor, shipped, years, helped = measure(
        [floor_argv, search, [*laorus, "anniversaries", "--year", "2025"], [*laorus, "--help"]],
        env,
        runs,
    )
    rows = [
        Row("floor script, shipped store", floor),
        ratio_row("laorus search Rosatom", shipped, floor, "floor", 2.0),
        ratio_row("laorus anniversaries --year 2025", years, floor, "floor", 2.5),
        ratio_row("laorus --help", helped, floor, "floor", 3.5),
    ]
    # Drafting a store from an article of about 1,500 words (issue 13): well under a second.
    article = ROOT / "tests" / "data" / "lavrov_laos_2025.txt"
    draft_argv = [*laorus, "draft", str(article), "-o", str(work / "draft.toml"), "--force"]
    (drafted,) = measure([draft_argv], env, runs)
    rows.append(Row("laorus draft, shipped article", drafted, target="< 1 s",
                    met=drafted.seconds < 1))  # fmt: skip
    # The shipped store is cached too; its very first run parses it and writes the cache.
    first_runs = []
    for number in range(max(3, runs // 2)):
        fresh = dict(env, LAORUS_HOME=str(work / f"first-{number}"))
        first_runs.append(run_once(search, fresh))
    first = Timing(statistics.median(s for s, _ in first_runs), max(m for _, m in first_runs),
                   len(first_runs))  # fmt: skip
    rows.append(Row("laorus search Rosatom, cache empty (first run)", first, floor, "floor"))
    for size in [100, 10_000] + ([100_000] if large else []):
        store = make_store(size, work / f"store-{size}.toml")
        big = [*laorus, "--facts", str(store)]
        label = f"{size:,} facts"
        if size < 100_000:  # the 100,000-fact store's first load is timed below
            # A store that does not load would time its error message in every row.
            subprocess.run([*big, "validate"], env=env, stdout=subprocess.DEVNULL, check=True)
        if size == 100_000:
            parse = measure_once(
                [sys.executable, "-c", f"import tomllib; tomllib.load(open({str(store)!r}, 'rb'))"],
                env,
            )
            rows.append(Row(f"tomllib parse only, {label}", parse))
            first = measure_once([*big, "search", "Rosatom"], env)  # the cache starts empty
            rows.append(
                ratio_row(f"first search (cache empty), {label}", first, parse, "parse", 1.2)
            )
        base, timing = measure([search, [*big, "search", "Rosatom"]], env, runs)
        if size == 100_000:
            row = ratio_row(f"laorus search Rosatom, {label}", timing, base, "shipped search", 4.0)
            memory_met = timing.peak_mb < 150
            rows.append(
                Row(
                    row.label,
                    timing,
                    base,
                    row.base_label,
                    f"{row.target}; < 150 MB",
                    bool(row.met) and memory_met,
                )  # fmt: skip
            )
        else:
            rows.append(Row(f"laorus search Rosatom, {label}", timing, base, "shipped search"))
        if size >= 10_000:
            rows += command_rows(laorus, big, label, env, runs, memory=size == 100_000)
        if size == 100_000:
            (checked,) = measure([[*big, "validate"]], env, 3)
            rows.append(Row(f"laorus validate, {label} (cached)", checked, target="< 10 s",
                            met=checked.seconds < 10))  # fmt: skip
            fresh = dict(env, LAORUS_HOME=str(work / "fresh-home"))
            full = measure_once([*big, "validate"], fresh)
            rows.append(Row(f"laorus validate, {label}, no cache (full check)", full))
    return rows


def render(rows: list[Row], runs: int, loads: tuple[str, str]) -> str:
    """A Markdown table of the measurements, their ratios and the targets."""
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()}"
        f" {platform.release()}; Python {platform.python_version()}."
        f" Load average before and after: {loads[0]} and {loads[1]}.",
        f"Date: {time.strftime('%Y-%m-%d')}. Median of {runs} runs after one untimed run"
        " (one run for the 100,000-fact parse-only, first-search and no-cache rows; 3 for the"
        " cached validate; the row's own count for the shipped store's first run, each with an"
        " empty cache). Output to a pipe, NO_COLOR=1, COLUMNS=80."
        " Reproduce: `python bench/run.py --write`.",
        "",
        "| command | median | peak memory | ratio | target |",
        "|---|---:|---:|---:|---|",
    ]
    for row in rows:
        ratio = f"{row.timing.seconds / row.base.seconds:.2f}x {row.base_label}" if row.base else ""
        goal = f"{row.target} {'met' if row.met else 'NOT met'}" if row.target else ""
        lines.append(
            f"| {row.label} | {row.timing.seconds * 1000:,.0f} ms | {row.timing.peak_mb:,.0f} MB"
            f" | {ratio} | {goal} |"
        )
    return "\n".join(lines) + "\n"


def _load() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def main() -> None:
    """Run the benchmark and print (and optionally write) the results table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="timed runs per command")
    parser.add_argument("--skip-large", action="store_true", help="skip the 100,000-fact store")
    parser.add_argument("--write", action="store_true", help="save the table to bench/RESULTS.md")
    parser.add_argument("--build-store", nargs=2, metavar=("SIZE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_store:
        build_store(int(args.build_store[0]), Path(args.build_store[1]))
        return

    work = Path(tempfile.mkdtemp(prefix="laorus-bench-"))
    before = _load()
    try:
        rows = run_all(work, args.runs, not args.skip_large)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    table = render(rows, args.runs, (before, _load()))
    print(table)
    if args.write:
        (HERE / "RESULTS.md").write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
