"""Figure 11: `handout import` time against input size (1x, 4x, 16x), one long paragraph of source lines.

The importer joins a paragraph's wrapped lines; before issue 20 it searched the growing
paragraph again for each line (110 KB: 2.7 s, 443 KB: 37 s). Goal: linear, 4x input <= 6x time.

    .venv/bin/python bench/import_scaling.py            # 1x = about 110 KB
    .venv/bin/python bench/import_scaling.py --quick    # 1x = about 56 KB, one run each

Timings depend on what else the machine runs: final figures belong to a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from handout.lang.kk.importer import import_text

LINE = "Қазақ хандығы 1465 жылы Керей мен Жәнібек сұлтандардың бастауымен құрылып, Шу бойына көшті және"
HEADER = "№10 Лекция тақырыбы: Сынақ\n\n1.Кіріспе. Мәтін.\n\n"


def extraction(kilobytes: int) -> str:
    """One paragraph of wrapped source lines, every line followed by a blank line (the extraction's spacing)."""
    count = kilobytes * 1024 // len((LINE + "\n\n").encode("utf-8")) + 1
    return HEADER + "".join(f"{LINE}\n\n" for _ in range(count)) + "Соңы.\n"


def seconds(text: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        import_text(text, "bench.txt")
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller input, one run each (a smoke test)")
    args = parser.parse_args()
    base_kb, runs = (56, 1) if args.quick else (110, 3)
    rows = []
    for factor in (1, 4, 16):
        text = extraction(base_kb * factor)
        measured = seconds(text, runs)
        rows.append({"factor": factor, "kilobytes": len(text.encode("utf-8")) // 1024,
                     "median_s": statistics.median(measured), "min_s": min(measured), "max_s": max(measured)})
    first = rows[0]["median_s"]
    print(f"{'input':>8} {'KB':>7} {'median s':>9} {'x time':>7}")
    for row in rows:
        row["time_ratio"] = row["median_s"] / first if first else float("nan")
        print(f"{row['factor']:>7}x {row['kilobytes']:>7} {row['median_s']:>9.3f} {row['time_ratio']:>7.2f}")
    ratio_4x = rows[1]["median_s"] / first if first else float("nan")
    print(f"4x input -> {ratio_4x:.2f}x time (goal <= 6); 16x -> {rows[2]['time_ratio']:.2f}x")
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "import_scaling.json").write_text(json.dumps({"rows": rows, "quick": args.quick}, indent=1))


if __name__ == "__main__":
    main()
