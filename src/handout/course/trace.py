"""A build's schedule, recorded as data: when each job ran on which worker, and the main process's own phases.

Every job reports its wall start and end (``time.time``: one clock for every process of a
machine), its CPU time and its worker's process id; the main process times its phases
(planning, writing results, the join's inputs, the download page). :func:`analyse` turns
that into what decides a parallel build's speed-up, which a busy machine does not distort
much: the serial fraction (time no job runs), each worker's idle time, and the tail (how
long one worker waits at the end for the other). ``HANDOUT_COURSE_TRACE=FILE`` makes
:func:`handout.course.runner.build_course` write its trace there (the benchmark reads it).
"""

from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

TRACE_ENVIRONMENT = "HANDOUT_COURSE_TRACE"


@dataclass(frozen=True)
class Phase:
    name: str
    start: float
    end: float
    cpu: float
    """CPU seconds the main process spent in it."""


@dataclass(frozen=True)
class JobSpan:
    kind: str
    """``lecture``, ``reader-part`` or ``reader-join``."""
    label: str
    worker: int
    """The process id of the worker that ran it (the main process's for ``--jobs 1``)."""
    start: float
    end: float
    cpu: float


@dataclass
class Trace:
    start: float = field(default_factory=time.time)
    end: float = 0.0
    workers: int = 1
    phases: list[Phase] = field(default_factory=list)
    jobs: list[JobSpan] = field(default_factory=list)

    @contextmanager
    def phase(self, name: str):
        """Time a phase of the main process (a phase entered many times is summed by :func:`analyse`)."""
        start, cpu = time.time(), time.process_time()
        try:
            yield
        finally:
            self.phases.append(Phase(name, start, time.time(), time.process_time() - cpu))

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "workers": self.workers,
                "phases": [asdict(phase) for phase in self.phases], "jobs": [asdict(job) for job in self.jobs]}

    def write_if_asked(self, environ=os.environ) -> None:
        target = environ.get(TRACE_ENVIRONMENT)
        if target:
            data = {**self.to_json(), "analysis": analyse(self.to_json())}
            Path(target).write_text(json.dumps(data, indent=1), encoding="utf-8")


def analyse(trace: dict) -> dict:
    """Return the schedule's figures (seconds): what the build waited for, and where.

    - ``span``: the build, from its start to its end;
    - ``work``: the jobs' summed wall time, and ``job_cpu`` their CPU time;
    - ``before_first_job`` / ``after_last_job``: main-process time with no job running
      (planning and worker start-up; the download page and the cache after);
    - ``idle_by_worker``: each worker's time without a job between the first job's start and
      the last job's end, and ``tail``: how long the last job ran alone; ``cpu_by_worker``:
      the CPU seconds of each worker's jobs (a busy machine stretches wall time, not these);
    - ``serial_fraction``: the share of the span in which at most one job ran;
    - ``phases``: the main process's phases (wall and CPU, summed by name).
    """
    jobs = trace["jobs"]
    span = trace["end"] - trace["start"]
    phases: dict[str, dict[str, float]] = {}
    for phase in trace["phases"]:
        summed = phases.setdefault(phase["name"], {"wall": 0.0, "cpu": 0.0, "count": 0})
        summed["wall"] += phase["end"] - phase["start"]
        summed["cpu"] += phase["cpu"]
        summed["count"] += 1
    if not jobs:
        return {"span": span, "work": 0.0, "job_cpu": 0.0, "phases": phases}
    first, last = min(job["start"] for job in jobs), max(job["end"] for job in jobs)
    by_worker: dict[int, list[dict]] = {}
    for job in jobs:
        by_worker.setdefault(job["worker"], []).append(job)
    idle = {str(worker): (last - first) - sum(job["end"] - job["start"] for job in own)
            for worker, own in by_worker.items()}
    cpu = {str(worker): sum(job["cpu"] for job in own) for worker, own in by_worker.items()}
    ends = sorted((max(job["end"] for job in own) for own in by_worker.values()), reverse=True)
    return {
        "span": span,
        "work": sum(job["end"] - job["start"] for job in jobs),
        "job_cpu": sum(job["cpu"] for job in jobs),
        "before_first_job": first - trace["start"],
        "after_last_job": trace["end"] - last,
        "idle_by_worker": idle,
        "cpu_by_worker": cpu,
        "tail": ends[0] - ends[1] if len(ends) > 1 else 0.0,
        "serial_fraction": at_most_one_running(jobs, trace["start"], trace["end"]) / span if span > 0 else 0.0,
        "workers_used": len(by_worker),
        "phases": phases,
    }


def at_most_one_running(jobs: list[dict], start: float, end: float) -> float:
    """Seconds of ``[start, end]`` in which no more than one job was running."""
    events = sorted([(job["start"], 1) for job in jobs] + [(job["end"], -1) for job in jobs])
    running, since, alone = 0, start, 0.0
    for moment, change in events:
        if running <= 1:
            alone += max(0.0, moment - since)
        running += change
        since = moment
    return alone + max(0.0, end - since)
