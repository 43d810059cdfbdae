"""The CLI, cold: each command as a whole new process, wall time and peak memory, beside FTS5.

Usage: python bench/cli_speed.py [--runs 5] [--data DIR] [--url URL] [--repo DIR] [--synthetic N]

Builds an index of the bundled corpus once (`minutes ingest corpus/` into a
temporary MINUTES_DATA, or uses --data), then runs each command `--runs` times
as a fresh process (`minutes …` with output to /dev/null) and prints the
median wall time, the median CPU time (user + system) and the largest peak
RSS (`/usr/bin/time -f %M`, the child's own maximum resident set: it counts
memory-mapped index pages it read, not only memory it allocated). Beside them: the
same query through SQLite FTS5 over the same minutes, as a Python process
that opens a prebuilt database file and prints the ten best items.

With --synthetic N, the index is N synthetic chunks instead (`bench/synthetic.py`, written
and optimized as `minutes ingest` leaves an index; random vectors, so only the timings
mean something), and only the read commands run.

With --url, the read commands also run through that server (`--url`). With
--repo, the commands run from another checkout (an earlier commit, to compare).
The machine's load average is printed: on 2 cores, other work moves wall
times a lot; CPU time moves less.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MINUTES = [sys.executable, "-m", "cli"]  # as the `minutes` script runs it, from --repo
QUERY = "hvad koster veteranhuset"
PDF_25 = REPO / "corpus" / "randers-social-og-arbejdsmarkedsudvalget-2026-02-03.pdf"

FTS5_SCRIPT = """
import re, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
words = [w for w in re.findall(r"\\w+", sys.argv[2].lower()) if len(w) > 1]
match = " OR ".join(f'"{w}"' for w in words)
for key, title, snip in db.execute(
    "select key, title, snippet(items, 2, '[', ']', '…', 12) from items "
    "where items match ? order by bm25(items) limit 10", (match,)):
    print(key, title, snip)
"""


def build_fts5(path: Path) -> None:
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "bench"))
    from eval_search import corpus_files, fts5_baseline

    db = fts5_baseline(corpus_files(REPO / "corpus"))
    db.commit()
    db.execute("vacuum into ?", (str(path),))


def run(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, float]:
    """Wall s, CPU s (user + system) and peak RSS MB of one run as a new process."""
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%U %S %M", *argv],
        env=env,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wall = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{' '.join(argv)} exited {done.returncode}: {done.stderr[-2000:]}")
    user, system, peak = done.stderr.strip().splitlines()[-1].split()
    return wall, float(user) + float(system), int(peak) / 1024


def measure(argv: list[str], env: dict[str, str], cwd: Path, runs: int):
    """Median wall and CPU seconds, and the largest peak RSS, over `runs` runs."""
    walls, cpus, peaks = zip(*(run(argv, env, cwd) for _ in range(runs)), strict=True)
    return statistics.median(walls), statistics.median(cpus), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, help="An index to use (default: build one).")
    parser.add_argument("--url", help="Also run the read commands through this server.")
    parser.add_argument("--model-cache", type=Path, default=REPO / ".cache" / "models")
    parser.add_argument("--repo", type=Path, default=REPO, help="Run the CLI of this checkout.")
    parser.add_argument("--synthetic", type=int, help="An index of this many synthetic chunks.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp) / "data"
        env = dict(os.environ, MINUTES_DATA=str(data), MINUTES_MODEL_CACHE=str(args.model_cache))
        env.pop("MINUTES_URL", None)
        # As a user's Python does: the first run writes the project's bytecode, later runs read
        # it (with PYTHONDONTWRITEBYTECODE set, every command compiled ~20 modules: 0.03 s).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if args.synthetic and not (data / "index").exists():  # built once into --data
            sys.path.insert(0, str(REPO))
            from bench.api_load import prepare_synthetic

            model = os.environ.get("MINUTES_MODEL", "multilingual-e5-small+onnx")
            prepare_synthetic(data, args.synthetic, model)
        elif args.data is None:
            start = time.perf_counter()
            subprocess.run(
                [*MINUTES, "ingest", str(REPO / "corpus"), "-q"], env=env, cwd=args.repo, check=True
            )
            print(f"indexed corpus/ in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        fts = Path(tmp) / "fts5.db"
        build_fts5(fts)
        # One run of each first, unmeasured: files the first use makes (the model's split
        # graph, the piece and word files, the lemma table's files) are made once per model
        # cache, not per command.
        for warm in (["search", QUERY], ["parse", str(PDF_25)]):
            subprocess.run(
                [*MINUTES, *warm],
                env=env,
                cwd=args.repo,
                stdout=subprocess.DEVNULL,
                check=True,
            )
        item = "randers-2025-08-12-beskaeftigelsesudvalget-punkt-69"
        commands = {
            "minutes --help": [*MINUTES, "--help"],
            "minutes stats": [*MINUTES, "stats"],
            f'minutes search "{QUERY}"': [*MINUTES, "search", QUERY],
            f'minutes search "{QUERY}" --json': [*MINUTES, "search", QUERY, "--json"],
            f'minutes search "{QUERY}" --csv': [*MINUTES, "search", QUERY, "--csv"],
            f"minutes show {item}": [*MINUTES, "show", item],
            "minutes case 27.35.00-G01-2-22": [*MINUTES, "case", "27.35.00-G01-2-22"],
            f"minutes parse {PDF_25.name} (25 pages)": [*MINUTES, "parse", str(PDF_25)],
            f'FTS5: python + sqlite3, "{QUERY}"': [
                sys.executable,
                "-c",
                FTS5_SCRIPT,
                str(fts),
                QUERY,
            ],
        }
        if args.synthetic:
            commands = {
                "minutes stats": [*MINUTES, "stats"],
                f'minutes search "{QUERY}"': [*MINUTES, "search", QUERY],
                f'minutes search "{QUERY}" --json': [*MINUTES, "search", QUERY, "--json"],
            }
        if args.url:
            for name in ("stats", "search", "show", "case"):
                key = next(k for k in list(commands) if k.startswith(f"minutes {name}"))
                commands[f"{key} --url"] = [*commands[key], "--url", args.url]
        print(f"load average {os.getloadavg()[0]:.2f} · {os.cpu_count()} cores · {args.runs} runs")
        print("| command | wall s (median) | CPU s (median) | peak RSS MB |\n|---|---:|---:|---:|")
        for name, argv in commands.items():
            wall, cpu, peak = measure(argv, env, args.repo, args.runs)
            print(f"| `{name}` | {wall:.2f} | {cpu:.2f} | {peak:.0f} |", flush=True)


if __name__ == "__main__":
    main()
