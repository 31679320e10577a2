"""Course builds: plan jobs (plan.py), skip unchanged outputs (cache.py), run them anywhere (runner.py).

The names below are imported on first use: ``handout.course.cache`` (the fingerprint a
one-lecture build keys its enrichment cache on) must not pull in the runner's process pools.
"""

from __future__ import annotations

import importlib

_EXPORTS = {"CourseReport": "runner", "build_course": "runner", "generate_demo_course": "plan", "plan_course": "plan"}


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)


__all__ = ["CourseReport", "build_course", "generate_demo_course", "plan_course"]
