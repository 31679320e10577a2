"""`handout chronology` output formats on a real lecture excerpt."""

import csv
import io
import json
import subprocess

from support import HANDOUT, make_files

TEXT = (
    "Қазақ ұлттық интеллигенциясы 1917 жылы 5-13 желтоқсанда Орынбор қаласында съезд өткізді.\n\n"
    "Перовск жұмысшылары өкімет билігін 1917 жылғы 30 қазанда (12 қараша) өз қолына алды.\n"
)


def run(*args):
    return subprocess.run([*HANDOUT, *map(str, args)], capture_output=True, text=True)


def test_json_events_have_the_documented_fields_sorted_by_date(tmp_path):
    text_file = make_files(tmp_path, {"a.txt": TEXT}) / "a.txt"
    result = run("chronology", text_file, "--format", "json")
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)["events"]
    assert [(e["start"], e["end"]) for e in events] == [("1917-10-30", "1917-10-30"), ("1917-12-05", "1917-12-13")]
    dual = events[0]
    assert (dual["calendar"], dual["alt_start"], dual["precision"]) == ("old", "1917-11-12", "day")
    assert dual["text_date"] == "1917 жылғы 30 қазанда (12 қараша)"
    assert events[1]["line"] == 1 and "съезд" in events[1]["event"]


def test_csv_and_timelinejs_carry_the_same_events(tmp_path):
    text_file = make_files(tmp_path, {"a.txt": TEXT}) / "a.txt"
    rows = list(csv.DictReader(io.StringIO(run("chronology", text_file, "-f", "csv").stdout)))
    assert [row["start"] for row in rows] == ["1917-10-30", "1917-12-05"]
    timeline = json.loads(run("chronology", text_file, "-f", "timelinejs").stdout)
    assert timeline["events"][1]["start_date"] == {"year": "1917", "month": "12", "day": "05",
                                                   "display_date": "1917 ж. 5–13 желтоқсан"}
    assert timeline["events"][1]["end_date"] == {"year": "1917", "month": "12", "day": "13"}


def test_unknown_format_is_a_usage_error(tmp_path):
    text_file = make_files(tmp_path, {"a.txt": TEXT}) / "a.txt"
    assert run("chronology", text_file, "-f", "xml").returncode == 2
