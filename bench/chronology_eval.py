"""Measure the chronology against hand-annotated gold sets: precision and recall of distinct (start, end) pairs.

Run: .venv/bin/python bench/chronology_eval.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from handout.diagnostics import Diagnostics  # noqa: E402
from handout.enrich.chronology import events_from_text, extract_events  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "dates"
GOLD_SETS = {
    "lecture10": ("lecture10_gold.json", ROOT / "source" / "lecture10.md", FIXTURES / "lecture10_seed.txt"),
    "independence": ("independence_gold.json", None, FIXTURES / "independence.txt"),
    "colonial": ("colonial_gold.json", None, FIXTURES / "colonial.txt"),
    # Held-out sets (issue 3 review): written and annotated before the parser saw them.
    "khanate": ("khanate_gold.json", None, FIXTURES / "khanate.txt"),
    "famine": ("famine_gold.json", None, FIXTURES / "famine.txt"),
    "ww2": ("ww2_gold.json", None, FIXTURES / "ww2.txt"),
    "sovereignty": ("sovereignty_gold.json", None, FIXTURES / "sovereignty.txt"),
    "virgin_lands": ("virgin_lands_gold.json", None, FIXTURES / "virgin_lands.txt"),
}


def found_pairs(markdown: Path | None, text_file: Path) -> tuple[set[tuple[str, str]], str]:
    """Return the distinct (start, end) pairs the chronology finds, and which file it read."""
    diagnostics = Diagnostics()
    if markdown is not None and markdown.exists():
        from handout.source.lecture import load_lecture

        events = extract_events(load_lecture(markdown), diagnostics)
        used = markdown
    else:
        events = events_from_text(text_file.read_text(encoding="utf-8"), text_file, diagnostics)
        used = text_file
    return {(event.date.start, event.date.end) for event in events}, str(used.relative_to(ROOT))


def _time_lecture10() -> float | None:
    """Return the best of five wall times of the chronology of lecture 10, in seconds."""
    import time

    markdown = ROOT / "source" / "lecture10.md"
    if not markdown.exists():
        return None
    from handout.source.lecture import load_lecture

    lecture = load_lecture(markdown)
    times = []
    for _ in range(5):
        begin = time.perf_counter()
        extract_events(lecture, Diagnostics())
        times.append(time.perf_counter() - begin)
    return min(times)


def main() -> int:
    total_tp = total_found = total_gold = 0
    for name, (gold_name, markdown, text_file) in GOLD_SETS.items():
        gold = {(item["start"], item["end"]) for item in json.loads((FIXTURES / gold_name).read_text(encoding="utf-8"))["events"]}
        found, used = found_pairs(markdown, text_file)
        true_positive = len(gold & found)
        precision = true_positive / len(found) if found else 0.0
        recall = true_positive / len(gold) if gold else 0.0
        print(f"{name:13} ({used}): gold {len(gold)}, found {len(found)}, precision {precision:.3f}, recall {recall:.3f}")
        for pair in sorted(found - gold):
            print(f"    false: {pair}")
        for pair in sorted(gold - found):
            print(f"    missed: {pair}")
        total_tp += true_positive
        total_found += len(found)
        total_gold += len(gold)
    elapsed = _time_lecture10()
    if elapsed is not None:
        print(f"time: chronology of lecture 10 in {elapsed * 1000:.1f} ms (best of 5)")
    print(f"{'all':13}: precision {total_tp / total_found:.3f}, recall {total_tp / total_gold:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
