"""Figure 12: a cold ``handout build`` of lecture 10's student edition against a cold WeasyPrint process.

Both sides are whole processes started from nothing, measured by CPU time (user + system of the
process and everything it waited for: ``getrusage(RUSAGE_CHILDREN)``), in alternating runs, median.
The WeasyPrint side typesets handout's own student HTML (``--emit-html``) with the PDF options
handout uses (tagged) after registering the same hyphenation dictionaries (``WEASYPRINT_SCRIPT``),
so both do the same typesetting work; what is left is what handout adds (imports, loading,
enrichment, rendering, writing).

handout is measured twice: rebuilding an unchanged lecture into its output folder (the usual cold
build: the enrichment cache has it and its HTML) and with ``--force`` (chronology, questions and HTML made again,
as on a first build). The goal is judged on the first.

Run alone: ``.venv/bin/python bench/cold.py [--runs N]``; in the suite: ``bench/run.py --only cold``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LECTURE = ROOT / "source" / "lecture10.md"
HANDOUT = [sys.executable, "-m", "handout"]
GOAL = 1.10

WEASYPRINT_SCRIPT = """
import sys
import handout.lang
html, base_url, pdf = sys.argv[1:]
with open(html, encoding="utf-8") as file:  # the dictionaries handout's typesetter registers: the languages the HTML names
    handout.lang.register_hyphenation(handout.lang.languages_in(file.read()))
import weasyprint
weasyprint.HTML(filename=html, base_url=base_url).write_pdf(pdf, pdf_tags=True)
"""


def compile_bytecode() -> None:
    """Write handout's bytecode, as installing it does, so no side compiles Python source while timed.

    A checkout run with PYTHONDONTWRITEBYTECODE=1 (some shells and tools set it) would otherwise
    compile every handout module from source in each cold process: about 50 ms of CPU that an
    installed handout never pays (pip writes the bytecode at install).
    """
    import compileall

    compileall.compile_dir(str(ROOT / "src" / "handout"), quiet=1)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(command: list[str], env: dict) -> tuple[float, float]:
    """Run a command to its end; return (CPU seconds of it and its children, wall seconds)."""
    cpu, wall = children_cpu(), time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    wall, cpu = time.perf_counter() - wall, children_cpu() - cpu
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed:\n{result.stderr[-2000:]}")
    return cpu, wall


def summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values),
            "unit": "s"}


def measure_cold(work: Path, runs: int) -> dict:
    """Alternate the three cold processes ``runs`` times; return their CPU and wall samples and the ratios."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    compile_bytecode()
    html_dir, out = work / "cold-html", work / "cold-out"
    subprocess.run([*HANDOUT, "build", str(LECTURE), "--edition", "student", "--out", str(html_dir), "--emit-html"],
                   check=True, capture_output=True, env=env)
    script = work / "weasyprint_cold.py"
    script.write_text(WEASYPRINT_SCRIPT, encoding="utf-8")
    commands = {
        "weasyprint": [sys.executable, str(script), str(html_dir / "student" / f"{LECTURE.stem}.html"),
                       str(LECTURE.parent) + "/", str(work / "cold-weasyprint.pdf")],
        "handout": [*HANDOUT, "build", str(LECTURE), "--edition", "student", "--out", str(out)],
        "handout_force": [*HANDOUT, "build", str(LECTURE), "--edition", "student", "--out", str(out), "--force"],
    }
    for command in commands.values():  # untimed: fills the enrichment cache and the page cache
        run_measured(command, env)
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    wall: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            seconds, elapsed = run_measured(command, env)
            cpu[name].append(seconds)
            wall[name].append(elapsed)
    median = {name: statistics.median(values) for name, values in cpu.items()}
    least = {name: min(values) for name, values in cpu.items()}
    return {"ratio": median["handout"] / median["weasyprint"],
            "ratio_force": median["handout_force"] / median["weasyprint"],
            # The least-disturbed runs: on a shared machine a steadier estimate than the medians.
            "ratio_of_minima": least["handout"] / least["weasyprint"],
            "ratio_force_of_minima": least["handout_force"] / least["weasyprint"],
            "cpu": {name: summary(values) for name, values in cpu.items()},
            "wall": {name: summary(values) for name, values in wall.items()}}


def describe(data: dict) -> str:
    cpu = {name: item["median"] for name, item in data["cpu"].items()}
    return (f"{data['ratio']:.3f} CPU  ({cpu['handout']:.2f} s vs {cpu['weasyprint']:.2f} s; "
            f"first build / --force {data['ratio_force']:.3f}, {cpu['handout_force']:.2f} s; "
            f"ratios of the fastest runs {data['ratio_of_minima']:.3f} and {data['ratio_force_of_minima']:.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory(prefix="handout-cold-") as temp:
        data = measure_cold(Path(temp), args.runs)
    print(f"12  cold CLI build, student edition / cold WeasyPrint process: {describe(data)}  [goal ≤ {GOAL:.2f}] "
          f"{'ok' if data['ratio'] <= GOAL else 'MISSED'}")


if __name__ == "__main__":
    main()
