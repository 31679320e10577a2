"""Figures 10, 10b and 10c: from a save under a running ``handout watch`` to its student PDF."""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import threading
import time
from pathlib import Path

from measure import HANDOUT, LECTURE, Figure, InProcess, Sample, cli_has_option, make_course, run_quiet, timed


def wait_for(condition, timeout: float, interval: float = 0.005) -> bool:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


def inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except FileNotFoundError:
        return None


def watch_environment(log: Path) -> dict:
    """The environment for a ``handout watch`` that logs each rebuild's phases to ``log`` (JSON lines)."""
    return {**os.environ, "HANDOUT_WATCH_TIMINGS": str(log)}


def watch_phases(log: Path) -> tuple[dict[str, float], str]:
    """Median time after the save at which each phase of the watcher's rebuilds ended, and as text."""
    runs = [json.loads(line)["phases"] for line in log.read_text(encoding="utf-8").splitlines()] if log.is_file() else []
    names = list(dict.fromkeys(name for phases in runs for name in phases))
    phases = {name: round(statistics.median(run[name] for run in runs if name in run), 3) for name in names}
    return phases, "; phases, median s after the save: " + ", ".join(f"{name} {at:.2f}" for name, at in phases.items())


def stop_watch(process: subprocess.Popen, seconds: float) -> None:
    """Stop ``handout watch`` as a teacher does (Ctrl+C); kill it if it has not ended within ``seconds``."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()


def figure_watch(work: Path, runs: int, bench: InProcess | None) -> Figure:
    """Save lecture 10 under a running ``handout watch``; time until its student PDF is replaced.

    Printed beside it: the floor, plain WeasyPrint typesetting the same student HTML in a warm
    process (what any rebuild of that PDF must at least spend), and cold CLI builds.
    """
    if not cli_has_option("watch", "--out"):
        return Figure("10", "watch: save → student PDF replaced", "n/a: no `handout watch`", "≤ 0.6 s", None, {})
    course = work / "watched"
    course.mkdir()
    lecture = course / LECTURE.name
    lecture.write_text(LECTURE.read_text(encoding="utf-8"), encoding="utf-8")
    out = work / "watch-out"
    pdf = out / "student" / f"{LECTURE.stem}.pdf"
    log = work / "watch-phases.jsonl"
    process = subprocess.Popen([*HANDOUT, "watch", str(course), "--out", str(out)], env=watch_environment(log),
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    floor = Sample()
    statuses: list[str] = []
    reader = threading.Thread(target=lambda: statuses.extend(line.strip() for line in process.stdout), daemon=True)
    reader.start()
    latency, cold_student, cold_all = Sample(), Sample(), Sample()
    try:
        if not wait_for(lambda: any(line.startswith("rebuilt") for line in statuses), 600):  # a busy machine
            raise RuntimeError(f"handout watch built nothing in 600 s: {statuses}")
        text = lecture.read_text(encoding="utf-8")
        for run in range(runs):
            before, seen = inode(pdf), len(statuses)
            start = time.perf_counter()
            lecture.write_text(text + f"\nТүзету {run}.\n", encoding="utf-8")
            if not wait_for(lambda: inode(pdf) != before, 60):
                raise RuntimeError("handout watch did not replace the PDF within 60 s")
            latency.add(time.perf_counter() - start)
            # the other editions and the reader follow: wait for the status line before the next save
            if not wait_for(lambda: len(statuses) > seen, 120):
                raise RuntimeError("handout watch printed no status after a save")
            if bench is not None:  # alternating with the saves, so both see the same load
                floor.add(timed(lambda: bench.floor("student", pdf_tags=True)))
        statuses_seen = list(statuses)
        for run in range(runs):
            cold_student.add(timed(lambda: run_quiet([*HANDOUT, "build", str(LECTURE), "--out",
                                                      str(work / "cold"), "--edition", "student"])))
            cold_all.add(timed(lambda: run_quiet([*HANDOUT, "build", str(LECTURE), "--out", str(work / "cold")])))
    finally:
        stop_watch(process, 10)
    ratio = latency.median / floor.median if floor.values else None
    floor_text = f"{ratio:.2f}× the warm WeasyPrint floor for the same HTML {floor.median:.2f} s, " if ratio else ""
    phases, phases_text = watch_phases(log)
    return Figure("10", "watch: save lecture 10 → student PDF replaced (vs cold CLI build)",
                  f"{latency.median:.2f} s  ({floor_text}cold CLI: student {cold_student.median:.2f} s, "
                  f"all editions {cold_all.median:.2f} s{phases_text})", "≤ 0.6 s", latency.median <= 0.6,
                  {"latency": latency.summary(), "cold_cli_student": cold_student.summary(), "ratio_to_floor": ratio,
                   "warm_weasyprint_floor": floor.summary() if floor.values else None, "phases": phases,
                   "cold_cli_all_editions": cold_all.summary(), "watch_status_lines": statuses_seen})


def figure_watch_course(work: Path, runs: int, bench: InProcess | None, size: int, period: float,
                        number: str) -> Figure:
    """Save one lecture of a ``size``-lecture course every ``period`` seconds under ``handout watch``.

    The saves do not wait for the rebuild to finish (a teacher does not): the figure is the median
    time from a save to its student PDF, as a ratio to the warm WeasyPrint floor for the same HTML
    measured in the same run, between the saves.
    """
    course = make_course(work / f"watched-{size}", size)
    out = work / f"watch-out-{size}"
    lecture = course / "lecture01.md"
    pdf = out / "student" / "lecture01.pdf"
    log = work / f"watch-phases-{size}.jsonl"
    process = subprocess.Popen([*HANDOUT, "watch", str(course), "--out", str(out)], env=watch_environment(log),
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    statuses: list[str] = []
    reader = threading.Thread(target=lambda: statuses.extend(line.strip() for line in process.stdout), daemon=True)
    reader.start()
    latency, floor = Sample(), Sample()
    try:
        if not wait_for(lambda: (out / "reader.pdf").exists() and any(s.startswith("rebuilt") for s in statuses),
                        120 * size):  # one background process builds it all: minutes on a busy machine
            raise RuntimeError(f"handout watch did not build the course: {statuses}")
        time.sleep(period)
        text = lecture.read_text(encoding="utf-8")
        for run in range(runs):
            before = inode(pdf)
            start = time.perf_counter()
            lecture.write_text(text + f"\nТүзету {run}.\n", encoding="utf-8")
            if not wait_for(lambda: inode(pdf) != before, 60):
                raise RuntimeError("handout watch did not replace the PDF within 60 s")
            latency.add(time.perf_counter() - start)
            if bench is not None and run % 2:  # now and then, while the background rebuild runs: same load
                floor.add(timed(lambda: bench.floor("student", pdf_tags=True)))
            time.sleep(max(0.0, period - (time.perf_counter() - start)))
    finally:
        stop_watch(process, 20)
    if not floor.values and bench is not None:
        floor.add(timed(lambda: bench.floor("student", pdf_tags=True)))
    ratio = latency.median / floor.median if floor.values else None
    phases, phases_text = watch_phases(log)
    value = f"{latency.median:.2f} s" + (f" = {ratio:.2f}× the warm floor ({floor.median:.2f} s)" if ratio else "")
    return Figure(number, f"watch: {size}-lecture course, a save every {period:g} s → its student PDF",
                  value + phases_text, "≤ 1.2× floor", ratio <= 1.2 if ratio else None,
                  {"latency": latency.summary(), "warm_weasyprint_floor": floor.summary() if floor.values else None,
                   "ratio": ratio, "phases": phases})
