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
import shutil
import sys
import tempfile
import time
from pathlib import Path

from measure import (
    COURSE_SIZE,
    HANDOUT,
    HANDOUT_SCRIPT,
    LECTURE,
    RESULTS,
    ROOT,
    VENV_BIN,
    Figure,
    InProcess,
    Sample,
    cli_has_option,
    machine,
    make_course,
    run_measuring_memory,
    run_quiet,
    timed,
    timed_both,
)
from watching import figure_watch, figure_watch_course


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
