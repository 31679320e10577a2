"""Time the chronology against input size: 1×, 4× and 16× the input (issue 20: it was quadratic).

Run: .venv/bin/python bench/chronology_scaling.py [--quick]

Inputs: ``one-line``, the adversarial "1917 жылы " repeated on one line (one sentence, no clause
boundary); ``clauses``, one long sentence of short dated clauses; ``lecture``, lecture 10's body
repeated as paragraphs. For each, the best of 3 runs at each size, and the ratio of the 4× and 16×
times to the 1× time (linear: about 4 and 16; the bound we hold is 4× input ≤ 6× time). Figures
measured while others use the machine are noise: measure on a quiet machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from handout.enrich.chronology import events_from_text  # noqa: E402


def inputs(base: int) -> dict[str, callable]:
    lecture = (ROOT / "source" / "lecture10.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    return {
        "one-line": lambda scale: "1917 жылы " * (base * scale),
        "clauses": lambda scale: "1917 жылы Кеңес өкіметі орнап, " * (base * scale) + "бәрі бітті.",
        "lecture": lambda scale: "\n\n".join([lecture] * max(1, base * scale // 1000)),
    }


def best_time(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        events_from_text(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, one run each")
    options = parser.parse_args()
    base, runs = (250, 1) if options.quick else (1000, 3)
    print(f"{'input':10} {'1×':>9} {'4×':>9} {'16×':>9}   4×/1×  16×/1×")
    for name, make in inputs(base).items():
        times = [best_time(make(scale), runs) for scale in (1, 4, 16)]
        print(f"{name:10} {times[0]:8.3f}s {times[1]:8.3f}s {times[2]:8.3f}s   {times[1] / times[0]:5.1f}  {times[2] / times[0]:6.1f}")


if __name__ == "__main__":
    main()
