"""Course builds: plan jobs (plan.py), skip unchanged outputs (cache.py), run them anywhere (runner.py)."""

from .plan import generate_demo_course, plan_course
from .runner import CourseReport, build_course

__all__ = ["CourseReport", "build_course", "generate_demo_course", "plan_course"]
