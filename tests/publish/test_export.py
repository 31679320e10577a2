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


LECTURE = (
    "---\ntitle: Т\nchronology:\n  drop: ['1917-12-05']\n"
    "  add: [{date: '1918-03-01', event: Мұғалімдер съезі өтті}]\n---\n\n"
    "# Бөлім\n\n"
    "Қазақ ұлттық интеллигенциясы 1917 жылы 5-13 желтоқсанда Орынбор қаласында съезд өткізді.\n\n"
    "Перовск жұмысшылары өкімет билігін 1917 жылғы 30 қазанда (12 қараша) өз қолына алды. "
    "Сол жылы 20 қарашада Ташкентте өлкелік кеңес съезі ашылды.\n"
)


def test_json_and_csv_say_which_rows_are_key_inferred_or_authored(tmp_path):
    """Read both exports back: the same flags and source lines, booleans in JSON, true/false in CSV."""
    lecture = make_files(tmp_path, {"l.md": LECTURE}) / "l.md"
    events = json.loads(run("chronology", lecture, "-f", "json").stdout)["events"]
    rows = list(csv.DictReader(io.StringIO(run("chronology", lecture, "-f", "csv").stdout)))
    by_start = {event["start"]: event for event in events}
    assert set(by_start) == {"1917-10-30", "1917-11-20", "1917-12-05", "1918-03-01"}
    assert by_start["1917-11-20"]["inferred"] is True and by_start["1917-10-30"]["inferred"] is False
    assert by_start["1917-12-05"]["key"] is False and by_start["1917-10-30"]["key"] is True
    assert by_start["1918-03-01"]["source"] == "authored" and by_start["1917-10-30"]["source"] == "found"
    assert (by_start["1917-10-30"]["line"], by_start["1917-11-20"]["line"], by_start["1917-12-05"]["line"]) == (12, 12, 10)
    assert list(rows[0]) == list(events[0]), "the CSV columns are the JSON keys, in the same order"
    for row, event in zip(rows, events):
        assert (row["key"], row["inferred"]) == (str(event["key"]).lower(), str(event["inferred"]).lower())
        assert (row["source"], int(row["line"])) == (event["source"], event["line"])


def test_a_plain_text_export_marks_key_events_as_a_lecture_would(tmp_path):
    text_file = make_files(tmp_path, {"a.txt": TEXT}) / "a.txt"
    rows = list(csv.DictReader(io.StringIO(run("chronology", text_file, "-f", "csv").stdout)))
    assert [row["key"] for row in rows] == ["true", "true"]  # a short text keeps all of its events


def test_a_plain_text_is_read_in_its_own_language(tmp_path):
    texts = {"ru.txt": "После Февральской революции в марте 1917 г. в Казахстане были созданы исполнительные "
                       "комитеты Временного правительства.\n\n5–13 декабря 1917 г. в Оренбурге прошёл "
                       "II Всеказахский съезд, провозгласивший автономию Алаш.\n",
             "en.txt": "The Second All-Kazakh Congress met in Orenburg on 5–13 December 1917 and proclaimed "
                       "the Alash autonomy.\n\nIn August 1920 the Kirghiz ASSR was founded by a decree of the "
                       "All-Russian Central Executive Committee.\n"}
    folder = make_files(tmp_path, texts)
    expected = {"ru.txt": [("1917-03", "1917-03"), ("1917-12-05", "1917-12-13")],
                "en.txt": [("1917-12-05", "1917-12-13"), ("1920-08", "1920-08")]}
    for name, dates in expected.items():
        events = json.loads(run("chronology", folder / name, "-f", "json").stdout)["events"]
        assert [(event["start"], event["end"]) for event in events] == dates, name
