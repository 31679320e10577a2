"""How a course's jobs are ordered for several workers, and what the build's trace says about its schedule."""

from handout.course.cache import BuildCache
from handout.course.plan import LectureJob, ReaderJob, ReaderPartJob, plan_course
from handout.course.schedule import parallel_order
from handout.course.trace import analyse
from handout.source.manifest import load_course
from support import make_files

LECTURE = "---\ntitle: Т{n}\nnumber: {n}\nlang: kk\n---\n## Бөлім\n\n1921 жылы реформа басталды.\n"


def test_several_workers_get_one_job_per_edition_longest_first_and_the_parts_before_the_worksheets(tmp_path):
    root = make_files(tmp_path / "course", {f"lecture0{n}.md": LECTURE.format(n=n) for n in (1, 2)})
    plan = plan_course(load_course(root), BuildCache(tmp_path / "out"))
    order = parallel_order(plan.stale)
    shown = [(job.targets[0].edition if isinstance(job, LectureJob) else "part" if isinstance(job, ReaderPartJob)
              else "join", job.lecture.stem if not isinstance(job, ReaderJob) else "") for job in order]
    assert shown == [("teacher", "lecture01"), ("teacher", "lecture02"), ("student", "lecture01"),
                     ("student", "lecture02"), ("part", "lecture01"), ("part", "lecture02"),
                     ("worksheet", "lecture01"), ("worksheet", "lecture02"), ("join", "")]
    assert all(len(job.targets) == 1 for job in order if isinstance(job, LectureJob))
    assert sorted(item.output for job in order for item in job.outputs) == sorted(item.output for item in plan.outputs)


def span(kind, worker, start, end, cpu=1.0):
    return {"kind": kind, "label": f"{kind}@{start}", "worker": worker, "start": start, "end": end, "cpu": cpu}


def test_the_schedule_analysis_finds_idle_workers_the_tail_and_the_serial_share():
    trace = {"start": 0.0, "end": 12.0, "workers": 2, "phases": [
        {"name": "plan", "start": 0.0, "end": 1.0, "cpu": 0.5}, {"name": "index", "start": 10.0, "end": 12.0, "cpu": 2.0}],
        "jobs": [span("lecture", 1, 1.0, 5.0), span("lecture", 2, 1.0, 4.0), span("reader-part", 2, 4.0, 6.0),
                 span("reader-join", 1, 6.0, 10.0, cpu=3.0)]}
    result = analyse(trace)
    assert result["before_first_job"] == 1.0 and result["after_last_job"] == 2.0
    assert result["idle_by_worker"] == {"1": 1.0, "2": 4.0}  # worker 1 waits for the parts, worker 2 for the join
    assert result["tail"] == 4.0 and result["cpu_by_worker"] == {"1": 4.0, "2": 2.0}
    assert result["serial_fraction"] == (1.0 + 1.0 + 4.0 + 2.0) / 12.0  # planning, 5–6 s, the join, the page
    assert result["phases"]["index"] == {"wall": 2.0, "cpu": 2.0, "count": 1}
