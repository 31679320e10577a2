"""Benchmark handout against its floor (plain WeasyPrint) and its peer (Pandoc); print a table, write JSON.

Run: make bench   (or: .venv/bin/python bench/run.py [--quick] [--only floor,startup,...])

Every figure is the median of several runs with min and max; a ratio compares two
things measured side by side (alternating) in the same run. Results go to
bench/results/<timestamp>.json and bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
HANDOUT = [sys.executable, "-m", "handout"]
HANDOUT_SCRIPT = VENV_BIN / "handout"
LECTURE = ROOT / "source" / "lecture10.md"
RESULTS = ROOT / "bench" / "results"
COURSE_SIZE = 15


@dataclass
class Sample:
    """Repeated measurements of one quantity, in seconds unless ``unit`` says otherwise."""

    values: list[float] = field(default_factory=list)
    unit: str = "s"

    def add(self, value: float) -> None:
        self.values.append(value)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def summary(self) -> dict:
        return {"median": self.median, "min": min(self.values), "max": max(self.values),
                "runs": len(self.values), "unit": self.unit}


@dataclass
class Figure:
    number: str
    name: str
    value: str
    goal: str
    met: bool | None
    data: dict


def machine() -> dict:
    """Describe the machine: CPU model, cores, Python, WeasyPrint."""
    model = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    import weasyprint

    return {"cpu": model, "cores": os.cpu_count(), "python": platform.python_version(),
            "weasyprint": weasyprint.__version__, "platform": platform.platform()}


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def timed_both(action, wall: Sample, cpu: Sample) -> None:
    """Measure wall time and this process's CPU time (steadier when other programs share the cores)."""
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    action()
    wall.add(time.perf_counter() - start_wall)
    cpu.add(time.process_time() - start_cpu)


def run_quiet(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed:\n{result.stderr[-2000:]}")
    return result


def run_measuring_memory(command: list[str], env: dict | None = None) -> tuple[float, float]:
    """Run a command; return (wall seconds, peak RSS in MB of the largest process in its tree)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed:\n{stderr[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def make_course(folder: Path, size: int = COURSE_SIZE) -> Path:
    """Write a course of ``size`` lectures, each a renumbered copy of lecture 10."""
    folder.mkdir(parents=True, exist_ok=True)
    text = LECTURE.read_text(encoding="utf-8")
    for number in range(1, size + 1):
        copy = re.sub(r"(?m)^number:.*$", f"number: {number}", text, count=1)
        (folder / f"lecture{number:02d}.md").write_text(copy, encoding="utf-8")
    return folder


def cli_has_option(command: str, option: str) -> bool:
    result = subprocess.run([*HANDOUT, command, "--help"], capture_output=True, text=True)
    return result.returncode == 0 and option in result.stdout


# --- in-process figures: 1 floor, 2 all editions -------------------------------------------------


class InProcess:
    """Handout's library build and plain WeasyPrint, both warm in this process."""

    def __init__(self, work: Path):
        from handout.pipeline import EDITIONS, BuildSettings

        self.work = work
        self.editions = EDITIONS
        self.BuildSettings = BuildSettings
        html_dir = work / "emitted"
        run_quiet([*HANDOUT, "build", str(LECTURE), "--out", str(html_dir), "--emit-html"])
        self.html = {edition: (html_dir / edition / f"{LECTURE.stem}.html").read_text(encoding="utf-8")
                     for edition in EDITIONS}
        self.handout_build(("student",))  # warm both paths once, untimed
        self.floor("student")

    def floor(self, edition: str, **options) -> bytes:
        """Typeset handout's final HTML with plain WeasyPrint, as a user of WeasyPrint would."""
        import weasyprint

        return weasyprint.HTML(string=self.html[edition], base_url=str(LECTURE.parent) + "/").write_pdf(**options)

    def handout_build(self, editions: tuple[str, ...]) -> None:
        from handout.diagnostics import Diagnostics
        from handout.pipeline import build_paths

        settings = self.BuildSettings(out_dir=self.work / "inprocess", editions=editions)
        build_paths([LECTURE], settings, Diagnostics())


def figure_floor(bench: InProcess, runs: int) -> Figure:
    floor, build, tagged = Sample(), Sample(), Sample()
    floor_cpu, build_cpu, tagged_cpu = Sample(), Sample(), Sample()
    for _ in range(runs):
        timed_both(lambda: bench.floor("student"), floor, floor_cpu)
        timed_both(lambda: bench.handout_build(("student",)), build, build_cpu)
        timed_both(lambda: bench.floor("student", pdf_tags=True), tagged, tagged_cpu)
    ratio = build.median / floor.median
    cpu_ratio = build_cpu.median / floor_cpu.median
    same_options = build_cpu.median / tagged_cpu.median
    # Judged against WeasyPrint writing the same kind of PDF (tagged, as handout's default is):
    # tagging is WeasyPrint's own cost, not something handout adds. The untagged ratio is shown too.
    return Figure("1", "floor: lecture 10 student, handout / WeasyPrint, same PDF options (in-process)",
                  f"{same_options:.3f} CPU  ({build_cpu.median:.2f} s vs {tagged_cpu.median:.2f} s; "
                  f"vs untagged write_pdf() {cpu_ratio:.3f} CPU, {ratio:.3f} wall)", "≤ 1.10", same_options <= 1.10,
                  {"ratio": ratio, "cpu_ratio": cpu_ratio, "handout": build.summary(), "weasyprint": floor.summary(),
                   "weasyprint_same_options": tagged.summary(), "ratio_same_options": build.median / tagged.median,
                   "cpu": {"handout": build_cpu.summary(), "weasyprint": floor_cpu.summary(),
                           "weasyprint_same_options": tagged_cpu.summary(),
                           "ratio_same_options": build_cpu.median / tagged_cpu.median}})


def figure_all_editions(bench: InProcess, runs: int) -> Figure:
    """Three editions from one handout process vs three separate plain-WeasyPrint processes.

    Judged on processes: a separate floor pays for importing WeasyPrint, a font configuration
    and the stylesheets once per PDF, which is what one handout process shares. The warm
    in-process comparison (same layouts, nothing left to share) is kept beside it.
    """
    floors, build, tagged = Sample(), Sample(), Sample()
    floors_cpu, build_cpu, tagged_cpu = Sample(), Sample(), Sample()
    process_floors, process_same, process_build = Sample(), Sample(), Sample()
    weasyprint_cli = str(VENV_BIN / "weasyprint")
    html_files = [bench.work / "emitted" / edition / f"{LECTURE.stem}.html" for edition in bench.editions]
    floor_commands = [[weasyprint_cli, "--base-url", str(LECTURE.parent) + "/", str(html), str(html.with_suffix(".floor.pdf"))]
                      for html in html_files]
    # The same PDF options as handout's output: tagged, and form fields for the worksheet.
    same_commands = [[*command[:1], "--pdf-tags", *(["--pdf-forms"] if "worksheet" in str(command[-2]) else []), *command[1:]]
                     for command in floor_commands]
    build_command = [*HANDOUT, "build", str(LECTURE), "--out", str(bench.work / "process-editions")]
    for _ in range(runs):
        timed_both(lambda: [bench.floor(edition) for edition in bench.editions], floors, floors_cpu)
        timed_both(lambda: bench.handout_build(bench.editions), build, build_cpu)
        timed_both(lambda: [bench.floor(edition, pdf_tags=True) for edition in bench.editions], tagged, tagged_cpu)
        process_floors.add(timed(lambda: [run_quiet(command) for command in floor_commands]))
        process_same.add(timed(lambda: [run_quiet(command) for command in same_commands]))
        process_build.add(timed(lambda: run_quiet(build_command)))
    ratio = process_build.median / process_same.median
    plain = process_build.median / process_floors.median
    in_process = build_cpu.median / tagged_cpu.median
    return Figure("2", "all editions of lecture 10: one handout process / three WeasyPrint processes",
                  f"{ratio:.3f}  ({process_build.median:.2f} s vs {process_same.median:.2f} s, same PDF options; "
                  f"vs untagged {plain:.3f}; warm in-process {in_process:.3f} CPU)", "≤ 0.90", ratio <= 0.90,
                  {"ratio": ratio, "ratio_untagged_floors": plain, "handout_process": process_build.summary(),
                   "three_floor_processes_same_options": process_same.summary(),
                   "three_floor_processes": process_floors.summary(),
                   "in_process": {"ratio": build.median / floors.median, "cpu_ratio": in_process,
                                  "handout_all_editions": build.summary(), "three_floors": floors.summary(),
                                  "three_floors_same_options": tagged.summary(),
                                  "cpu": {"handout_all_editions": build_cpu.summary(),
                                          "three_floors": floors_cpu.summary(),
                                          "three_floors_same_options": tagged_cpu.summary()}}})


# --- subprocess figures ----------------------------------------------------------------------------


def figure_course(work: Path, runs: int) -> tuple[Figure, Figure, Figure]:
    """3: whole course --jobs 2 vs --jobs 1; 4: no-op rebuild (its data keeps the workers' memory peak); 4b: one edit."""
    course = make_course(work / "course")
    has_jobs = cli_has_option("build", "--jobs")
    serial, parallel, noop = Sample(), Sample(), Sample()
    schedules: dict[int, list[dict]] = {1: [], 2: []}
    peak = 0.0
    for run in range(runs):
        for jobs, sample in ((1, serial), (2, parallel)):
            out = work / f"course-out-{jobs}-{run}"
            command = [*HANDOUT, "build", str(course), "--out", str(out)]
            if has_jobs:
                command += ["--jobs", str(jobs)]
            elif jobs == 2:
                continue
            trace = work / f"course-trace-{jobs}-{run}.json"  # every job's span on its worker, the main's phases
            wall, rss = run_measuring_memory(command, env={**os.environ, "HANDOUT_COURSE_TRACE": str(trace)})
            sample.add(wall)
            peak = max(peak, rss)
            schedules[jobs].append({"wall": wall, **json.loads(trace.read_text(encoding="utf-8"))["analysis"]})
    out = work / "course-out-1-0"
    command = [*HANDOUT, "build", str(course), "--out", str(out)]
    for _ in range(max(runs, 3) if has_jobs else 1):
        noop.add(timed(lambda: run_quiet(command)))
    if has_jobs:
        speedup = serial.median / parallel.median
        schedule = schedule_summary(schedules)
        third = Figure("3", f"whole course ({COURSE_SIZE} lectures × 3 editions): --jobs 1 / --jobs 2",
                       f"{speedup:.2f}×  ({serial.median:.1f} s vs {parallel.median:.1f} s); {schedule['text']}",
                       "≥ 1.85", speedup >= 1.85,
                       {"speedup": speedup, "jobs1": serial.summary(), "jobs2": parallel.summary(),
                        "schedule": schedules, "cpu_speedup": schedule.get("cpu_speedup")})
    else:
        third = Figure("3", f"whole course ({COURSE_SIZE} lectures × 3 editions), serial only",
                       f"n/a: no --jobs yet; serial {serial.median:.1f} s", "≥ 1.8", None,
                       {"jobs1": serial.summary()})
    share = noop.median / serial.median
    fourth = Figure("4", "no-op rebuild of the course", f"{noop.median:.2f} s = {share:.1%} of a full build",
                    "≤ 0.5 s and ≤ 2%", noop.median <= 0.5 and share <= 0.02,
                    {"noop": noop.summary(), "share_of_full_build": share, "course_peak_rss_mb": peak})
    return third, fourth, figure_one_lecture_edited(course, command, serial, max(runs, 2))


def schedule_summary(schedules: dict[int, list[dict]]) -> dict:
    """The --jobs 2 build's schedule (trace.analyse), steadier than wall time on a busy machine; see bench/README.md."""
    two = schedules[2][-1]
    idle = sum(two["idle_by_worker"].values())
    summary = {"busy": two["work"] / (two["work"] + idle), "text": ""}
    summary["text"] = (f"--jobs 2: workers busy {summary['busy']:.1%} from first to last job (idle {idle:.1f} s, tail "
                       f"{two['tail']:.1f} s), outside the jobs {two['before_first_job'] + two['after_last_job']:.1f} s")
    if schedules.get(1):  # CPU of the jobs: a shared machine inflates the parallel side's (contention)
        one, outside = schedules[1][-1], lambda run: run["before_first_job"] + run["after_last_job"]
        summary["cpu_speedup"] = (one["job_cpu"] + outside(one)) / (max(two["cpu_by_worker"].values()) + outside(two))
        summary["text"] += f"; job CPU {one['job_cpu']:.0f} s vs {two['job_cpu']:.0f} s, CPU speed-up {summary['cpu_speedup']:.2f}×"
    return summary


CRITICAL_PATH_SCRIPT = """
import json, sys
from pathlib import Path
from handout.course import build_course
from handout.source.manifest import load_course
report = build_course(load_course(Path(sys.argv[1])), jobs=1)
json.dump({"ok": report.ok, "jobs": report.job_seconds}, sys.stdout)
"""


def figure_critical_path(work: Path, size: int) -> Figure:
    """3c: every job of a from-scratch course build timed alone (serially); the longest chain against the total.

    The lecture jobs and the reader's part jobs are independent; the join needs every
    part. So the critical path is the longest single job plus the join, and N workers
    need at least max(total / N, critical path).
    """
    course = make_course(work / f"critical-{size}", size)
    result = run_quiet([sys.executable, "-c", CRITICAL_PATH_SCRIPT, str(course)])
    data = json.loads(result.stdout)
    if not data["ok"]:
        raise RuntimeError("the course build failed")
    jobs = data["jobs"]
    longest = {kind: max((seconds for k, _label, seconds in jobs if k == kind), default=0.0)
               for kind in ("lecture", "reader-part", "reader-join")}
    total = sum(seconds for _kind, _label, seconds in jobs)
    critical = max(longest["lecture"], longest["reader-part"]) + longest["reader-join"]
    bounds = {workers: max(total / workers, critical) for workers in (1, 2, 4, 8, 16, 32)}
    return Figure("3c", f"course critical path ({size} lectures × 3 editions + reader)",
                  f"{critical:.1f} s of {total:.1f} s total work; longest reader part {longest['reader-part']:.1f} s "
                  f"vs longest lecture {longest['lecture']:.1f} s; join {longest['reader-join']:.1f} s",
                  "part ≤ lecture", longest["reader-part"] <= longest["lecture"],
                  {"total": total, "critical_path": critical, "longest": longest, "jobs": jobs,
                   "lower_bound_by_workers": bounds})


def figure_one_lecture_edited(course: Path, command: list[str], full: Sample, runs: int) -> Figure:
    """4b: edit one lecture of the built course; rebuild (its editions, and the reader from its kept parts)."""
    edited = course / "lecture07.md"
    original = edited.read_text(encoding="utf-8")
    rebuild = Sample()
    try:
        for run in range(runs):
            edited.write_text(original + f"\nТүзету {run}.\n", encoding="utf-8")
            rebuild.add(timed(lambda: run_quiet(command)))
    finally:
        edited.write_text(original, encoding="utf-8")
    share = rebuild.median / full.median
    return Figure("4b", "one lecture edited: rebuild its 3 editions and the reader (default --jobs)",
                  f"{rebuild.median:.2f} s = {share:.1%} of a full build", "report", None,
                  {"rebuild": rebuild.summary(), "share_of_full_build": share})


def figure_startup(runs: int) -> Figure:
    startup = Sample()
    command = [str(HANDOUT_SCRIPT), "--help"]
    run_quiet(command)
    for _ in range(runs):
        startup.add(timed(lambda: run_quiet(command)))
    return Figure("5", "startup: handout --help", f"{startup.median:.3f} s", "≤ 0.3 s", startup.median <= 0.3,
                  {"startup": startup.summary()})


def figure_memory_and_size(work: Path, runs: int, course_peak: dict) -> Figure:
    rss = Sample(unit="MB")
    for run in range(runs):
        out = work / f"memory-{run}"
        _, peak = run_measuring_memory([*HANDOUT, "build", str(LECTURE), "--out", str(out)])
        rss.add(peak)
    size = (work / "memory-0" / "student" / f"{LECTURE.stem}.pdf").stat().st_size
    worst = max(rss.values + [course_peak.get("course_peak_rss_mb", 0.0)])
    return Figure("6", "peak memory per worker (lecture 10, 3 editions) and PDF size (student)",
                  f"{rss.median:.0f} MB (worst incl. course workers {worst:.0f} MB); PDF {size / 1024:.0f} KiB",
                  "≤ 200 MB", worst <= 200,
                  {"peak_rss_mb": rss.summary(), "course_peak_rss_mb": course_peak.get("course_peak_rss_mb"),
                   "student_pdf_bytes": size})


def figure_pandoc(work: Path, runs: int) -> Figure:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        return Figure("7", "peer: handout / pandoc --pdf-engine=weasyprint", "n/a: pandoc not installed",
                      "report", None, {})
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    pandoc_command = [pandoc, str(LECTURE), "--pdf-engine=weasyprint", "-o", str(work / "pandoc.pdf")]
    handout_command = [*HANDOUT, "build", str(LECTURE), "--out", str(work / "peer"), "--edition", "student"]
    run_quiet(pandoc_command, env=env)
    ours, theirs = Sample(), Sample()
    for _ in range(runs):
        theirs.add(timed(lambda: run_quiet(pandoc_command, env=env)))
        ours.add(timed(lambda: run_quiet(handout_command)))
    ratio = ours.median / theirs.median
    return Figure("7", "peer: handout / pandoc --pdf-engine=weasyprint (cold CLI, student PDF)",
                  f"{ratio:.2f}  ({ours.median:.2f} s vs {theirs.median:.2f} s)", "report", None,
                  {"ratio": ratio, "handout": ours.summary(), "pandoc": theirs.summary(),
                   "pandoc_pdf_bytes": (work / "pandoc.pdf").stat().st_size,
                   "pandoc_version": run_quiet([pandoc, "--version"]).stdout.splitlines()[0]})


# --- issue 10: watch latency -----------------------------------------------------------------------


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


def figure_watch(work: Path, runs: int, bench: "InProcess | None") -> Figure:
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
        process.send_signal(signal.SIGINT)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
    ratio = latency.median / floor.median if floor.values else None
    floor_text = f"{ratio:.2f}× the warm WeasyPrint floor for the same HTML {floor.median:.2f} s, " if ratio else ""
    phases, phases_text = watch_phases(log)
    return Figure("10", "watch: save lecture 10 → student PDF replaced (vs cold CLI build)",
                  f"{latency.median:.2f} s  ({floor_text}cold CLI: student {cold_student.median:.2f} s, "
                  f"all editions {cold_all.median:.2f} s{phases_text})", "≤ 0.6 s", latency.median <= 0.6,
                  {"latency": latency.summary(), "cold_cli_student": cold_student.summary(), "ratio_to_floor": ratio,
                   "warm_weasyprint_floor": floor.summary() if floor.values else None, "phases": phases,
                   "cold_cli_all_editions": cold_all.summary(), "watch_status_lines": statuses_seen})


def figure_watch_course(work: Path, runs: int, bench: "InProcess | None", size: int, period: float,
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
        process.send_signal(signal.SIGINT)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
    if not floor.values and bench is not None:
        floor.add(timed(lambda: bench.floor("student", pdf_tags=True)))
    ratio = latency.median / floor.median if floor.values else None
    phases, phases_text = watch_phases(log)
    value = f"{latency.median:.2f} s" + (f" = {ratio:.2f}× the warm floor ({floor.median:.2f} s)" if ratio else "")
    return Figure(number, f"watch: {size}-lecture course, a save every {period:g} s → its student PDF",
                  value + phases_text, "≤ 1.2× floor", ratio <= 1.2 if ratio else None,
                  {"latency": latency.summary(), "warm_weasyprint_floor": floor.summary() if floor.values else None,
                   "ratio": ratio, "phases": phases})


# --- report ----------------------------------------------------------------------------------------


def figure_cold(work: Path, runs: int) -> Figure:
    """12: a cold CLI build of the student edition against a cold WeasyPrint process (bench/cold.py)."""
    import cold

    data = cold.measure_cold(work, runs)
    return Figure("12", "cold CLI build, student edition / cold WeasyPrint process, same HTML and PDF options",
                  cold.describe(data), f"≤ {cold.GOAL:.2f}", data["ratio"] <= cold.GOAL, data)


def print_table(figures: list[Figure], about: dict) -> None:
    print(f"machine: {about['cpu']}, {about['cores']} cores; Python {about['python']}, "
          f"WeasyPrint {about['weasyprint']}")
    width = max(len(figure.name) for figure in figures)
    for figure in figures:
        verdict = {True: "ok", False: "MISSED", None: ""}[figure.met]
        print(f"{figure.number:>3}  {figure.name:<{width}}  {figure.value}  [goal {figure.goal}] {verdict}")


FIGURES = ("floor", "editions", "course", "critical", "startup", "memory", "pandoc", "watch", "watch-course", "cold")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (for a smoke test)")
    parser.add_argument("--only", default=",".join(FIGURES), help=f"comma-separated subset of {FIGURES}")
    parser.add_argument("--label", default="", help="a note stored with the results (e.g. 'before')")
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    runs = 3 if args.quick else 5
    course_runs = 1 if args.quick else 2  # a course build takes minutes: keep `make bench` near 10 minutes
    about = machine()
    import cold

    cold.compile_bytecode()  # every process below runs handout from its bytecode, as an installed one does
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="handout-bench-") as temp:
        work = Path(temp)

        def attempt(number: str, name: str, measure) -> None:
            """Run one measurement; a failure is reported as that figure's value, the others still run."""
            try:
                result = measure()
            except Exception as error:  # the tree is shared and changing: one broken figure must not hide the rest
                print(f"figure {number} failed: {error}", file=sys.stderr)
                result = Figure(number, name, f"failed: {str(error).splitlines()[0]}", "", None, {"error": str(error)})
            figures.extend(result if isinstance(result, tuple) else (result,))
            print(f"  measured {name}", file=sys.stderr)

        bench = None
        if wanted & {"floor", "editions", "watch", "watch-course"}:
            try:
                bench = InProcess(work)
            except Exception as error:
                print(f"in-process setup failed: {error}", file=sys.stderr)
                wanted -= {"floor", "editions"}
        if "floor" in wanted:
            attempt("1", "floor", lambda: figure_floor(bench, runs))
        if "editions" in wanted:
            attempt("2", "all editions", lambda: figure_all_editions(bench, runs))
        course_peak: dict = {}
        if "course" in wanted:
            attempt("3-4", "course", lambda: figure_course(work, course_runs))  # and 4b
            course_peak = next((figure.data for figure in figures if "course_peak_rss_mb" in figure.data), {})
        if "critical" in wanted:
            attempt("3c", "critical path", lambda: figure_critical_path(work, 4 if args.quick else 30))
        if "startup" in wanted:
            attempt("5", "startup", lambda: figure_startup(runs * 2))
        if "memory" in wanted:
            attempt("6", "memory", lambda: figure_memory_and_size(work, min(runs, 3), course_peak))
        if "pandoc" in wanted:
            attempt("7", "pandoc", lambda: figure_pandoc(work, runs))
        if "watch" in wanted:
            attempt("10", "watch", lambda: figure_watch(work, runs, bench))
        if "watch-course" in wanted:
            attempt("10b", "watch, 3 lectures, 3 s", lambda: figure_watch_course(work, max(runs, 5), bench, 3, 3.0, "10b"))
            if not args.quick:
                attempt("10c", "watch, 15 lectures, 10 s", lambda: figure_watch_course(work, runs, bench, 15, 10.0, "10c"))
        if "cold" in wanted:
            attempt("12", "cold build", lambda: figure_cold(work, runs + 2))
    print_table(figures, about)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    payload = {"machine": about, "label": args.label, "time": stamp, "lecture": str(LECTURE.relative_to(ROOT)),
               "figures": [figure.__dict__ for figure in figures]}
    for name in (f"{stamp}.json", "latest.json"):
        (RESULTS / name).write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"results: {RESULTS / (stamp + '.json')}")


if __name__ == "__main__":
    main()
