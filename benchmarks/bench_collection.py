"""Benchmark detecting a collection: one process, a process pool, Ray local, and the command
line called once per file, in one run.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_collection.py [--drafts 1000] [--workers 2]
                                                    [--cli-sample 8] [--skip-ray]

The drafts are generated (invented people and places, seeded, about 300 words each, people
recurring across drafts) with the wire-copy generator of ``bench_engine.py``. Each mode
detects the whole folder in a child process of this script (``redactor detect DIR -o
review.json`` through the command line's own code), so the figures include loading the
pipeline, starting workers and gathering persons across files. ``redactor detect FILE``
once per file is timed on a sample of the drafts and scaled: calling it for all of them
would take an hour.

Each mode runs in a session of its own. On Linux with autogroup scheduling, every session
gets an equal share of the cores when others are busy, so on a shared machine a process
pool (whose workers share their session) cannot gain what it would on idle cores; the
CPU seconds per draft show whether the workers add work, whatever the load.

Peak memory is the largest sum of resident memory over the child and all its descendants
(pool workers, Ray's processes), sampled every 0.2 s from ``/proc`` (Linux; elsewhere the
column shows "-"). Ray is skipped when it is not installed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_engine import generate_news  # noqa: E402  (the same invented wire copy)

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).with_name("redactor")
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "redactor"]
DRAFT_CHARS = 1_800  # about 300 words


def write_drafts(folder: Path, count: int, seed: int) -> None:
    """``count`` drafts in a few subfolders, as a desk's archive would be."""
    for number in range(count):
        path = folder / f"desk{number % 4}" / f"draft{number:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(generate_news(DRAFT_CHARS, seed=seed + number), encoding="utf-8")


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of ``pid`` and every process below it, in KiB (0 where /proc is missing)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def run_measured(command: list[str]) -> tuple[float, int, float, subprocess.CompletedProcess]:
    """Run ``command``; return its wall time, the peak RSS of its process tree, the CPU
    seconds of the processes it waited for (itself and its pool workers, not Ray's daemons),
    and its result."""
    began, cpu_before = time.perf_counter(), _children_cpu()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_rss_kib(process.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - began
    sampler.join()
    return (seconds, peak[0], _children_cpu() - cpu_before,
            subprocess.CompletedProcess(command, process.returncode, out, err))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def detect_folder(folder: Path, review: Path, extra: list[str]) -> tuple[float, int, float, int]:
    """Seconds, peak KiB, CPU seconds and persons for ``redactor detect DIR`` with ``extra``."""
    seconds, peak, cpu, done = run_measured(COMMAND + ["detect", str(folder), "-o", str(review),
                                                  "--force"] + extra)
    if done.returncode != 0:
        sys.exit(f"detect {' '.join(extra)} failed ({done.returncode}): {done.stderr[-2000:]}")
    persons = len(json.loads(review.read_text(encoding="utf-8"))["persons"])
    return seconds, peak, cpu, persons


def apply_folder(folder: Path, review: Path, out: Path, extra: list[str]) -> tuple[float, int, str]:
    """Seconds, peak KiB and the summary line of ``redactor apply DIR`` (every suggestion
    accepted); exit 1 (a copy not clean) is a result here, not a failure."""
    seconds, peak, _, done = run_measured(COMMAND + ["apply", str(folder), "--decisions", str(review),
                                                  "-o", str(out), "--accept-suggestions"] + extra)
    if done.returncode not in (0, 1):
        sys.exit(f"apply {' '.join(extra)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, peak, done.stderr.strip().splitlines()[-1].removeprefix("redactor: ")


def detect_each(files: list[Path], scratch: Path) -> tuple[float, int]:
    """Mean seconds per file, and the largest peak, for ``redactor detect FILE`` per file."""
    total, peak = 0.0, 0
    for number, path in enumerate(files):
        seconds, kib, _, done = run_measured(COMMAND + ["detect", str(path), "-o",
                                                     str(scratch / f"one{number}.json")])
        if done.returncode != 0:
            sys.exit(f"detect {path.name} failed: {done.stderr[-2000:]}")
        total, peak = total + seconds, max(peak, kib)
    return total / len(files), peak


def _have_ray() -> bool:
    probe = subprocess.run([sys.executable, "-c", "import ray"], capture_output=True)
    return probe.returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cli-sample", type=int, default=8, help="files timed one call each")
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--skip-ray", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-collection-") as scratch_name:
        scratch = Path(scratch_name)
        folder = scratch / "drafts"
        write_drafts(folder, args.drafts, args.seed)
        files = sorted(folder.rglob("*.txt"))
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
        print(f"{len(files)} generated drafts, {words / len(files):.0f} words each on average; "
              f"{args.workers} workers where parallel")

        modes = [("one process", ["--workers", "1"]),
                 (f"process pool ({args.workers})", ["--workers", str(args.workers)])]
        if not args.skip_ray and _have_ray():
            modes.append((f"Ray local ({args.workers})", ["--ray", "local", "--workers",
                                                           str(args.workers)]))
        rows = {}
        print("detect:")
        for label, extra in modes:
            load = _load()
            seconds, peak, cpu, persons = detect_folder(folder, scratch / "review.json", extra)
            rows[label] = (seconds, cpu)
            cpu_text = f"{cpu / len(files):6.3f}" if "Ray" not in label else "     -"
            print(f"{label:22} {seconds:8.1f} s  {len(files) / seconds:6.2f} drafts/s  "
                  f"{seconds / len(files):6.3f} s/draft  CPU {cpu_text} s/draft  "
                  f"peak {_mib(peak)}  {persons} persons  (load before {load})")

        sample = files[:: max(1, len(files) // args.cli_sample)][: args.cli_sample]
        each, peak = detect_each(sample, scratch)
        print(f"{'detect once per file':22} {each * len(files):8.1f} s  {1 / each:6.2f} drafts/s  "
              f"{each:6.3f} s/draft  peak {_mib(peak)}  (timed on {len(sample)} drafts, scaled)")

        single = rows["one process"][0] / len(files)
        pooled = rows[modes[1][0]][0] / len(files)
        print(f"per-draft cost, once per file / one process: {each / single:.1f}x "
              f"(goal >= 5x); / process pool: {each / pooled:.1f}x")
        for label, _ in modes[1:]:
            print(f"speed-up of {label} over one process: "
                  f"{rows['one process'][0] / rows[label][0]:.2f}x (goal >= 1.7x on two cores)")
        pool = modes[1][0]
        print(f"CPU per draft, one process / {pool}: {rows['one process'][1] / rows[pool][1]:.2f} "
              "(1.0 = the workers add no work; with idle cores the speed-up nears workers x this)")

        print("apply (every suggestion accepted; applied, read a second time, written):")
        for number, (label, extra) in enumerate(modes[:2]):
            load = _load()
            seconds, peak, summary = apply_folder(folder, scratch / "review.json",
                                                  scratch / f"redacted{number}", extra)
            print(f"{label:22} {seconds:8.1f} s  {len(files) / seconds:6.2f} drafts/s  "
                  f"peak {_mib(peak)}  {summary}  (load before {load})")


def _load() -> str:
    """The load average: other processes on the cores bound what parallel runs can gain."""
    try:
        return f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    except OSError:
        return "unknown"


def _mib(kib: int) -> str:
    return f"{kib / 1024:7.0f} MiB" if kib else "      -"


if __name__ == "__main__":
    main()
