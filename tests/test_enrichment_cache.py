"""The enrichment cache: an unchanged lecture is read back, never trusted when anything differs."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

import handout.course.cache
from handout.diagnostics import Diagnostics
from handout.enrichment_cache import FOLDER_NAME, EnrichmentCache, decode, encode, lecture_key
from handout.errors import HandoutError
from handout.pipeline import prepare_lecture
from support import FIXTURES, HANDOUT, LECTURE10, SHORT_LECTURE, make_files

WARNED = SHORT_LECTURE.replace("date: 2026-11-10\n", "date: 2026-11-10\nquestions: {exclude: [no such question]}\n"
                               "chronology: {add: [{date: 1917-12-13, event: Алашорда құрылды}]}\n")


class Counting:
    """``prepare_lecture`` that counts how often it really ran."""

    def __init__(self):
        self.calls = 0

    def __call__(self, path, diagnostics):
        self.calls += 1
        return prepare_lecture(path, diagnostics)


@pytest.fixture
def lecture(tmp_path: Path) -> Path:
    return make_files(tmp_path / "course", {"lecture02.md": WARNED}) / "lecture02.md"


@pytest.mark.parametrize("path", [LECTURE10, *sorted((FIXTURES / "en").glob("*.md"))[:1]], ids=lambda p: p.name)
def test_a_prepared_lecture_comes_back_equal_from_json(path):
    prepared = prepare_lecture(path, Diagnostics())
    assert prepared.chronology and prepared.questions
    assert decode(json.loads(json.dumps(encode(prepared)))) == prepared


def test_an_unchanged_lecture_is_read_back_with_its_warnings(lecture, tmp_path):
    out, prepare = tmp_path / "out", Counting()
    first, again = Diagnostics(), Diagnostics()
    made = EnrichmentCache(out).prepare(lecture, first, prepare)
    kept = EnrichmentCache(out).prepare(lecture, again, prepare)
    assert prepare.calls == 1
    assert kept == made == prepare_lecture(lecture, Diagnostics())
    assert kept.settings["chronology"]["add"][0]["date"].isoformat() == "1917-12-13"  # a YAML date survives
    assert [item.code for item in first.items] == ["bad-questions"]
    assert again.items == first.items
    assert [path.parent.name for path in out.rglob("*") if path.is_file()] == [FOLDER_NAME]


def test_an_edited_lecture_is_prepared_again_and_replaces_its_entry(lecture, tmp_path):
    out, prepare = tmp_path / "out", Counting()
    EnrichmentCache(out).prepare(lecture, Diagnostics(), prepare)
    lecture.write_text(WARNED.replace("25 адам", "26 адам"), encoding="utf-8")
    edited = EnrichmentCache(out).prepare(lecture, Diagnostics(), prepare)
    assert prepare.calls == 2
    assert "26 адам" in edited.source_text
    assert len(list((out / FOLDER_NAME).iterdir())) == 1


def test_a_changed_tool_or_path_changes_the_key(lecture, monkeypatch):
    source = lecture.read_bytes()
    key = lecture_key(lecture, source)
    assert lecture_key(Path(os.path.relpath(lecture)), source) != key  # the lecture keeps the path it was given
    monkeypatch.setattr(handout.course.cache, "tool_fingerprint", lambda: "another version of handout")
    assert lecture_key(lecture, source) != key


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],
    lambda text: "not json",
    lambda text: text.replace('"handout.model:Lecture"', '"os:system"'),
    lambda text: text.replace('"handout.model:Lecture"', '"handout.__main__:main"'),
    lambda text: text.replace('"handout.model:LectureMeta"', '"handout.model:Lecture"'),
    lambda text: text.replace('"title"', '"titel"', 1),
    lambda text: json.dumps(dict(json.loads(text), lecture=[1, 2])),
], ids=["torn", "garbage", "foreign-type", "module-with-side-effects", "wrong-type", "unknown-field", "not-a-lecture"])
def test_a_damaged_entry_is_ignored_and_rewritten(lecture, tmp_path, damage):
    out, prepare = tmp_path / "out", Counting()
    cache = EnrichmentCache(out)
    cache.prepare(lecture, Diagnostics(), prepare)
    entry = cache.entry_path(lecture)
    entry.write_text(damage(entry.read_text(encoding="utf-8")), encoding="utf-8")
    diagnostics = Diagnostics()
    assert EnrichmentCache(out).prepare(lecture, diagnostics, prepare) == prepare_lecture(lecture, Diagnostics())
    assert prepare.calls == 2
    assert [item.code for item in diagnostics.items] == ["bad-questions"]
    EnrichmentCache(out).prepare(lecture, Diagnostics(), prepare)
    assert prepare.calls == 2  # the rewritten entry is good again


def test_force_prepares_again_and_a_failing_lecture_is_never_stored(lecture, tmp_path):
    out, prepare = tmp_path / "out", Counting()
    EnrichmentCache(out).prepare(lecture, Diagnostics(), prepare)
    EnrichmentCache(out, read=False).prepare(lecture, Diagnostics(), prepare)
    assert prepare.calls == 2
    broken = make_files(tmp_path / "course", {"broken.md": "---\ntitle: [unclosed\n---\n## A\n\nText.\n"}) / "broken.md"
    with pytest.raises(HandoutError):
        EnrichmentCache(out).prepare(broken, Diagnostics(), prepare)
    assert not EnrichmentCache(out).entry_path(broken).exists()


def test_an_unwritable_cache_is_skipped(lecture, tmp_path):
    blocker = tmp_path / "out"
    blocker.mkdir()
    (blocker / FOLDER_NAME).write_text("a file where the folder would go", encoding="utf-8")
    assert EnrichmentCache(blocker).prepare(lecture, Diagnostics(), prepare_lecture).chronology


def test_the_cli_rebuild_reads_the_cache_and_writes_the_same_pdf_only_into_out(lecture, tmp_path):
    out = tmp_path / "out"
    before = set(tmp_path.rglob("*"))
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    command = [*HANDOUT, "build", str(lecture), "--edition", "student", "--out", str(out)]
    runs = []
    for _ in range(2):
        result = subprocess.run(command, capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
        runs.append(((out / "student" / "lecture02.pdf").read_bytes(), result.stderr))
    assert runs[0] == runs[1]
    assert "bad-questions" in runs[0][1]
    assert all(out in path.parents for path in set(tmp_path.rglob("*")) - before - {out})
    kept = sorted(path.name for path in (out / FOLDER_NAME).glob("*.json"))
    assert len(kept) == 2 and kept[1] == kept[0].replace(".json", ".student.json")  # the lecture, its HTML
