"""Issue 20's bounds: the stage a budget stops is named, messages cut long values, the environment is validated,
and one function decides what is inside a course."""

from __future__ import annotations

import time

import pytest

from handout.diagnostics import Diagnostics
from handout.errors import HandoutError
from handout.source.limits import source_date_epoch, time_budget, time_budget_seconds
from handout.sandbox import is_inside


def test_the_budget_names_the_stage_that_ran_out():
    with pytest.raises(HandoutError, match="x.md: error: chronology took longer than the 0.05 s allowed"):
        with time_budget("x.md", 0.05, stage="chronology"):
            while True:
                time.sleep(0.01)


def test_an_inner_stage_is_named_by_the_outer_budget():
    with pytest.raises(HandoutError, match="x.md: error: questions took longer"):
        with time_budget("x.md", 0.05, stage="loading"):
            with time_budget("x.md", stage="questions"):
                while True:
                    time.sleep(0.01)


@pytest.mark.parametrize("value", ["1e17", "100000000000000000", "-1", "12.5", " 5", "٣", "0x10", "253402300800"])
def test_an_invalid_source_date_epoch_is_an_error(value):
    with pytest.raises(HandoutError, match="SOURCE_DATE_EPOCH"):
        source_date_epoch({"SOURCE_DATE_EPOCH": value})


def test_a_valid_source_date_epoch_is_read():
    assert source_date_epoch({"SOURCE_DATE_EPOCH": "1700000000"}) == 1700000000
    assert source_date_epoch({}) is None


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e400", "-1"])
def test_a_time_budget_that_is_no_number_of_seconds_is_an_error(value):
    with pytest.raises(HandoutError, match="HANDOUT_TIME_BUDGET"):
        time_budget_seconds({"HANDOUT_TIME_BUDGET": value})


def test_messages_cut_long_values():
    diagnostics = Diagnostics()
    diagnostics.warn("x.md", 3, "unknown-key", "value " + "x" * 1_000_000)
    assert len(str(diagnostics.items[0])) < 2_200 and "more characters" in str(diagnostics.items[0])
    assert len(str(HandoutError("y" * 1_000_000, "x.md", 1))) < 2_200


def test_inside_resolves_symlinks_both_ways(tmp_path):
    course, outside = tmp_path / "course", tmp_path / "outside"
    course.mkdir(), outside.mkdir()
    (outside / "f.md").write_text("x")
    (course / "in.md").write_text("x")
    (course / "out.md").symlink_to(outside / "f.md")
    (course / "loop").symlink_to(course / "loop")
    linked_course = tmp_path / "linked"
    linked_course.symlink_to(course)
    assert is_inside(course / "in.md", course) and is_inside(linked_course / "in.md", course)
    assert not is_inside(course / "out.md", course)
    assert not is_inside(course / ".." / "outside" / "f.md", course)
    assert isinstance(is_inside(course / "loop", course), bool)  # a symlink loop is an answer, not an exception
    assert not is_inside("/etc/passwd", course)
