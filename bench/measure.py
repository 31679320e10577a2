"""What every benchmark figure shares: paths, samples, figures, timing, running commands, the course
of copies of lecture 10 and the in-process pair (handout's library build and plain WeasyPrint)."""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import sys
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
