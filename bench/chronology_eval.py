"""Measure the chronology against hand-annotated gold sets: precision, recall and F1 of distinct (start, end) pairs.

Run: .venv/bin/python bench/chronology_eval.py [--verbose] [--lang kk|ru|en]

Sets, reported one language at a time:
- ``kk-own``: lecture 10 and seven Kazakh texts this project wrote (tests/fixtures/dates);
- ``<lang>-dev``: real public texts (tests/fixtures/eval/<lang>/dev) the date grammars may be tuned on;
- ``<lang>-heldout``: real public texts (tests/fixtures/eval/<lang>/heldout) nobody tunes on: the
  estimate for texts nobody here has seen. Look at their misses only to report them.

Gold entries marked ``bc`` (BC dates) or ``year_unknown`` are left out of the gold (the tool does
not date them); a pair the tool finds that no gold entry has counts against precision.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from handout.diagnostics import Diagnostics  # noqa: E402
from handout.enrich.chronology import events_from_text, extract_events  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "dates"
EVAL = ROOT / "tests" / "fixtures" / "eval"
OWN_SETS = {
    "lecture10": ("lecture10_gold.json", ROOT / "source" / "lecture10.md", FIXTURES / "lecture10_seed.txt"),
    "independence": ("independence_gold.json", None, FIXTURES / "independence.txt"),
    "colonial": ("colonial_gold.json", None, FIXTURES / "colonial.txt"),
    "khanate": ("khanate_gold.json", None, FIXTURES / "khanate.txt"),
    "famine": ("famine_gold.json", None, FIXTURES / "famine.txt"),
    "ww2": ("ww2_gold.json", None, FIXTURES / "ww2.txt"),
    "sovereignty": ("sovereignty_gold.json", None, FIXTURES / "sovereignty.txt"),
    "virgin_lands": ("virgin_lands_gold.json", None, FIXTURES / "virgin_lands.txt"),
}
LANGS = ("kk", "ru", "en")


def gold_pairs(gold_file: Path) -> set[tuple[str, str]]:
    """Return the distinct (start, end) pairs of a gold file, without BC and year-less entries."""
    events = json.loads(gold_file.read_text(encoding="utf-8"))["events"]
    return {(item["start"], item["end"]) for item in events if not item.get("bc") and not item.get("year_unknown")}


def found_pairs(markdown: Path | None, text_file: Path, lang: str) -> set[tuple[str, str]]:
    """Return the distinct (start, end) pairs the chronology finds in a lecture or a plain text."""
    diagnostics = Diagnostics()
    if markdown is not None and markdown.exists():
        from handout.source.lecture import load_lecture

        events = extract_events(load_lecture(markdown), diagnostics)
    else:
        events = events_from_text(text_file.read_text(encoding="utf-8"), text_file, diagnostics, lang)
    return {(event.date.start, event.date.end) for event in events}


def sets_of(lang: str) -> dict[str, list[tuple[str, set, set]]]:
    """Return {set name: [(text name, gold pairs, found pairs)]} for one language."""
    result: dict[str, list] = {}
    if lang == "kk":
        result["kk-own"] = [(name, gold_pairs(FIXTURES / gold), found_pairs(md, text, "kk"))
                            for name, (gold, md, text) in OWN_SETS.items()]
    for split in ("dev", "heldout"):
        folder = EVAL / lang / split
        rows = []
        for gold in sorted(folder.glob("*_gold.json")):
            text = gold.with_name(gold.name.removesuffix("_gold.json") + ".txt")
            rows.append((text.stem, gold_pairs(gold), found_pairs(None, text, lang)))
        if rows:
            result[f"{lang}-{split}"] = rows
    return result


def scores(tp: int, found: int, gold: int) -> tuple[float, float, float]:
    precision = tp / found if found else (1.0 if not gold else 0.0)
    recall = tp / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def report(lang: str, verbose: bool) -> dict[str, tuple[float, float, float]]:
    """Print one language's sets, text by text, and return {set: (precision, recall, F1)} pooled."""
    pooled = {}
    for set_name, rows in sets_of(lang).items():
        tp_all = found_all = gold_all = 0
        print(f"[{set_name}]")
        for name, gold, found in rows:
            tp = len(gold & found)
            p, r, f = scores(tp, len(found), len(gold))
            print(f"  {name:40} gold {len(gold):3}  found {len(found):3}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
            if verbose:
                for pair in sorted(found - gold):
                    print(f"      false:  {pair}")
                for pair in sorted(gold - found):
                    print(f"      missed: {pair}")
            tp_all, found_all, gold_all = tp_all + tp, found_all + len(found), gold_all + len(gold)
        pooled[set_name] = scores(tp_all, found_all, gold_all)
        p, r, f = pooled[set_name]
        print(f"  {'pooled':40} gold {gold_all:3}  found {found_all:3}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return pooled


def _time_lecture10() -> float:
    """Return the best of five wall times of the chronology of lecture 10, in seconds."""
    from handout.source.lecture import load_lecture

    lecture = load_lecture(ROOT / "source" / "lecture10.md")
    times = []
    for _ in range(5):
        begin = time.perf_counter()
        extract_events(lecture, Diagnostics())
        times.append(time.perf_counter() - begin)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every false and missed pair")
    parser.add_argument("--lang", choices=LANGS, action="append", help="only these languages")
    args = parser.parse_args(argv)
    summary = {}
    for lang in args.lang or LANGS:
        summary.update(report(lang, args.verbose))
    print(f"time: chronology of lecture 10 in {_time_lecture10() * 1000:.1f} ms (best of 5)")
    print("summary (pooled F1): " + ", ".join(f"{name} {f:.3f}" for name, (_, _, f) in summary.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
