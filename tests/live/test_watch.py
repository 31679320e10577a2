"""`handout watch` on a temporary course: edits rebuild what they affect, errors leave the last good PDF."""

import json
import os
import signal
import subprocess
import threading
from pathlib import Path

import pytest

from handout.course.cache import BuildCache, file_digest
from handout.course.jobs import count_pages
from handout.live.watch import RebuildResult, Watcher
from handout.pipeline import BuildSettings
from support import HANDOUT, SHORT_LECTURE, make_files, pdf_text, wait_until

SECOND_LECTURE = SHORT_LECTURE.replace("number: 2", "number: 3").replace("Алаш автономиясы", "Жер реформасы")


def inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except FileNotFoundError:
        return None


class OutputReader(threading.Thread):
    """Collect a subprocess stream line by line without blocking the test."""

    def __init__(self, stream):
        super().__init__(daemon=True)
        self.stream = stream
        self.lines: list[str] = []

    def run(self) -> None:
        for line in self.stream:
            self.lines.append(line.rstrip("\n"))

    def count(self, prefix: str) -> int:
        return sum(line.startswith(prefix) for line in list(self.lines))


@pytest.fixture(autouse=True)
def close_watchers(monkeypatch):
    """Stop every watcher's background process when its test ends."""
    made = []
    original = Watcher.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(Watcher, "__init__", init)
    yield
    for watcher in made:
        watcher.close()


@pytest.fixture
def course(tmp_path):
    return make_files(tmp_path / "course", {
        "lecture02.md": SHORT_LECTURE,
        "lecture03.md": SECOND_LECTURE,
        "styles/edition-student.css": "h1 { color: #000; }\n",
    })


def test_watch_rebuilds_lecture_then_styles_survives_an_error_and_stops(course, tmp_path):
    out = tmp_path / "dist"
    process = subprocess.Popen(
        [*HANDOUT, "watch", str(course), "--out", str(out), "--edition", "all"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    stdout, stderr = OutputReader(process.stdout), OutputReader(process.stderr)
    stdout.start(), stderr.start()
    pdfs = [out / edition / f"{stem}.pdf" for edition in ("student", "teacher", "worksheet")
            for stem in ("lecture02", "lecture03")]
    student = out / "student" / "lecture02.pdf"
    try:
        assert wait_until(lambda: stdout.count("rebuilt") == 1), (stdout.lines, stderr.lines)
        assert all(path.is_file() for path in pdfs)
        assert "rebuilt lecture02, lecture03 (student, teacher, worksheet) and the reader in" in stdout.lines[-1]
        assert (out / "reader.pdf").is_file() and (out / "index.html").is_file()

        # A lecture: its own editions and the reader are rebuilt, the student edition with the new text.
        before = {path: inode(path) for path in pdfs}
        (course / "lecture02.md").write_text(SHORT_LECTURE.replace("Үкімет құрамына", "Жаңа үкімет құрамына"), encoding="utf-8")
        assert wait_until(lambda: stdout.count("rebuilt") == 2), (stdout.lines, stderr.lines)
        assert stdout.lines[-1].startswith("rebuilt lecture02 (student, teacher, worksheet) and the reader in ")
        assert "Жаңа үкімет" in pdf_text(student)
        assert inode(out / "student" / "lecture03.pdf") == before[out / "student" / "lecture03.pdf"]

        # A stylesheet: every PDF is rebuilt.
        before = {path: inode(path) for path in pdfs}
        (course / "styles" / "edition-student.css").write_text("h1 { color: #333; }\n", encoding="utf-8")
        assert wait_until(lambda: stdout.count("rebuilt") == 3), (stdout.lines, stderr.lines)
        assert all(inode(path) != before[path] for path in pdfs)

        # Broken front matter: a clean error with file and line, the last good PDF stays.
        good = student.read_bytes()
        broken = SHORT_LECTURE.replace("number: 2", "number: [2")
        (course / "lecture02.md").write_text(broken, encoding="utf-8")
        assert wait_until(lambda: stdout.count("build failed") == 1), (stdout.lines, stderr.lines)
        errors = [line for line in stderr.lines if "error:" in line]
        assert errors and errors[-1].startswith(f"{course / 'lecture02.md'}:5: error: front matter")
        assert not any("Traceback" in line for line in stderr.lines)
        assert student.read_bytes() == good
        assert process.poll() is None  # still watching

        process.send_signal(signal.SIGINT)
        assert process.wait(20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    stdout.join(5)
    assert stdout.lines[-1] == "stopped"
    assert not [name for name in os.listdir(out / "student") if name.endswith(".part")]


def test_the_saved_lecture_s_student_pdf_is_written_first(tmp_path):
    """Each lecture is one job building its stale editions; the saved lecture goes first, student edition first."""
    course = make_files(tmp_path / "course", {
        "handout.toml": '[course]\ntitle = "Т"\nlectures = ["*.md"]\n[build]\nreader = false\n',
        "lecture02.md": SHORT_LECTURE,
        "lecture03.md": SECOND_LECTURE,
    })
    out = tmp_path / "dist"
    watcher = Watcher(course, BuildSettings(out_dir=out, editions=("teacher", "worksheet", "student")))
    first = watcher.rebuild()
    assert not first.errors and len(first.written) == 6, first.errors
    assert first.enriched_in_background == 2  # each lecture once, for its three editions
    (out / "student" / "lecture02.pdf").unlink()  # stale too, but not saved: it waits
    saved = course / "lecture03.md"
    saved.write_text(SECOND_LECTURE.replace("Үкімет құрамына", "Жаңа үкімет құрамына"), encoding="utf-8")
    result = watcher.rebuild([saved])
    assert result.written == [out / "student" / "lecture03.pdf", out / "teacher" / "lecture03.pdf",
                              out / "worksheet" / "lecture03.pdf", out / "student" / "lecture02.pdf"]
    assert result.status().startswith("rebuilt lecture03, lecture02 (teacher, worksheet, student) in ")
    assert "Жаңа үкімет" in pdf_text(out / "student" / "lecture03.pdf")
    # the background read both lectures back: lecture03 as the watcher enriched it for its student PDF
    assert result.enriched_in_background == 0
    assert "Жаңа үкімет" in pdf_text(out / "teacher" / "lecture03.pdf")
    # written by the watcher itself, then recorded: the page count (PDFium) is the one a worker's pypdf gives
    saved_pdf = out / "student" / "lecture03.pdf"
    entry = BuildCache(out).entry(saved_pdf)
    assert entry["pages"] == count_pages(saved_pdf.read_bytes()) and entry["sha256"] == file_digest(saved_pdf)
    assert [name for name, _at in result.phases.marks][-3:] == ["rendered and typeset (student)", "written", "recorded"]
    # the first lecture is planned alone before its student PDF: the same key as in the whole course's plan
    first_lecture = course / "lecture02.md"
    first_lecture.write_text(SHORT_LECTURE.replace("Үкімет құрамына", "Жаңа үкімет құрамына"), encoding="utf-8")
    again = watcher.rebuild([first_lecture])
    assert again.written == [out / edition / "lecture02.pdf" for edition in ("student", "teacher", "worksheet")]


def test_a_newer_save_postpones_the_rest_of_a_course_rebuild(course, tmp_path):
    """The saved lecture's student PDF is written; everything else waits for the rebuild of the newer save."""
    out = tmp_path / "dist"
    watcher = Watcher(course, BuildSettings(out_dir=out, editions=("student", "teacher", "worksheet")))
    assert not watcher.rebuild().errors
    (out / "student" / "lecture02.pdf").unlink()
    saved = course / "lecture03.md"
    saved.write_text(SECOND_LECTURE.replace("Үкімет құрамына", "Жаңа үкімет құрамына"), encoding="utf-8")
    first = watcher.rebuild([saved], newer_save=lambda: True)
    assert first.written == [out / "student" / "lecture03.pdf"]
    # lecture03's teacher copy and worksheet, lecture02's student edition and the reader
    assert first.postponed == 4 and not first.reader
    assert first.status().endswith("; 4 more after the newer save")
    second = watcher.rebuild([])
    assert second.written[0] == out / "student" / "lecture02.pdf" and second.reader and second.postponed == 0
    assert "Жаңа үкімет" in pdf_text(out / "reader.pdf")


def test_a_newer_save_of_a_single_lecture_stops_after_its_student_edition(course, tmp_path):
    out = tmp_path / "dist"
    lecture = course / "lecture02.md"
    watcher = Watcher(lecture, BuildSettings(out_dir=out, editions=("student", "teacher", "worksheet")))
    result = watcher.rebuild([lecture], newer_save=lambda: True)
    assert result.written == [out / "student" / "lecture02.pdf"] and result.postponed == 2
    assert not (out / "teacher" / "lecture02.pdf").exists()


def test_affected_maps_changes_to_lectures(course, tmp_path):
    watcher = Watcher(course, BuildSettings(out_dir=course / "dist"))
    lecture = course / "lecture02.md"
    assert watcher.affected([lecture]) == [lecture.resolve()]
    assert watcher.affected([course / "styles" / "edition-student.css"]) is None
    assert watcher.affected([watcher.theme.template_dirs[-1] / "lecture.html"]) is None
    assert watcher.affected([course / "handout.toml"]) is None
    assert watcher.affected([course / "dist" / "student" / "lecture02.pdf"]) == []
    assert watcher.affected([course / ".lecture02.md.swp", course / "notes.txt"]) == []
    assert watcher.affected([course / "img" / "map.png"]) is None  # the plan finds the lectures naming it


def test_a_single_file_target_ignores_its_neighbours(course):
    watcher = Watcher(course / "lecture02.md", BuildSettings(out_dir=course / "dist"))
    assert watcher.affected([course / "lecture03.md"]) == []
    assert watcher.affected([course / "lecture02.md"]) == [(course / "lecture02.md").resolve()]


def test_status_line_names_what_was_rebuilt():
    result = RebuildResult(lectures=["lecture10"], editions=("student", "teacher", "worksheet"), seconds=0.62)
    assert result.status() == "rebuilt lecture10 (student, teacher, worksheet) in 0.62 s"
    assert RebuildResult(seconds=0.1, errors=["x"]).status().startswith("build failed in 0.10 s")


def test_watch_serve_then_build_rebuilds_nothing_and_leaves_no_html(course, tmp_path):
    """--serve needs no HTML: it shares build's cache keys, and nothing of its own lands in dist/."""
    out = tmp_path / "dist"
    process = subprocess.Popen([*HANDOUT, "watch", str(course), "--out", str(out), "--serve"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    reader = OutputReader(process.stdout)
    reader.start()
    try:
        assert wait_until(lambda: reader.count("rebuilt") >= 1, timeout=180), reader.lines
        assert any(line.startswith("preview: http://127.0.0.1:") for line in reader.lines)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)
    build = subprocess.run([*HANDOUT, "build", str(course), "--out", str(out)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    assert "0 rebuilt" in build.stdout + build.stderr, build.stdout + build.stderr
    assert sorted(path.name for path in out.rglob("*.html")) == ["index.html"]


@pytest.mark.skipif(__import__("support").CHROMIUM is None, reason="Debian chromium is not installed")
def test_preview_follows_the_saved_lecture_before_the_reader_is_rebuilt(course, tmp_path):
    from handout.live.preview import PreviewServer, PreviewState
    from support import CHROMIUM, CHROMIUM_FLAGS

    out = tmp_path / "dist"
    watcher = Watcher(course, BuildSettings(out_dir=out), out_given=True)
    watcher.rebuild()
    reader_before = (out / "reader.pdf").stat().st_mtime_ns
    state = PreviewState(out)
    watcher.on_saved_pdf = lambda stem: state.written(f"student/{stem}")
    paused, release = threading.Event(), threading.Event()

    def newer_save() -> bool:  # asked between outputs: hold the rebuild after the saved student PDF
        paused.set()
        release.wait(120)
        return False

    with PreviewServer(state) as server:
        browser = subprocess.Popen([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                                    server.url + "?doc=student/lecture03"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            assert wait_until(lambda: state.page_loads == 1)
            (course / "lecture02.md").write_text(SHORT_LECTURE.replace("25 адам", "27 адам"), encoding="utf-8")
            rebuild = threading.Thread(target=watcher.rebuild, args=([course / "lecture02.md"], newer_save))
            rebuild.start()
            assert wait_until(paused.is_set, timeout=120)
            version = state.version
            shown = f"/page/student/lecture02/1.png?v={version}"
            assert wait_until(lambda: shown in state.requests, timeout=60), state.requests[-5:]
            assert "27" in pdf_text(out / "student" / "lecture02.pdf")
            assert (out / "reader.pdf").stat().st_mtime_ns == reader_before  # the reader follows later
            release.set()
            rebuild.join(180)
            assert (out / "reader.pdf").stat().st_mtime_ns != reader_before
        finally:
            release.set()
            os.killpg(browser.pid, signal.SIGTERM)
            browser.wait(10)


def test_a_save_never_waits_behind_the_background_layout(course, tmp_path):
    """Two saves 0.5 s apart while the first save's other editions are typeset: the second save's
    student PDF comes next; the background job in progress is killed, not waited for."""
    import time

    long_text = SHORT_LECTURE + "\n" + "\n\n".join([SHORT_LECTURE.split("## Алаш-Орда үкіметі")[1].strip() * 10] * 12) + "\n"
    lecture = course / "lecture02.md"
    lecture.write_text(long_text, encoding="utf-8")  # its teacher copy takes a while to lay out
    out = tmp_path / "dist"
    watcher = Watcher(course, BuildSettings(out_dir=out, editions=("student", "teacher", "worksheet")), out_given=True)
    saved: list[str] = []
    watcher.on_saved_pdf = saved.append
    watcher.timings_log = tmp_path / "timings.jsonl"
    reports: list[RebuildResult] = []
    stop = threading.Event()
    loop = threading.Thread(target=watcher.run, args=(reports.append, stop), daemon=True)
    loop.start()
    try:
        assert wait_until(lambda: len(reports) >= 1, timeout=180)
        lecture.write_text(long_text.replace("25 адам", "27 адам", 1), encoding="utf-8")
        assert wait_until(lambda: len(saved) >= 1, timeout=120)
        time.sleep(0.5)  # the first save's teacher copy is being typeset now
        lecture.write_text(long_text.replace("25 адам", "29 адам", 1), encoding="utf-8")
        assert wait_until(lambda: len(saved) >= 2, timeout=120)
        assert "29" in pdf_text(out / "student" / "lecture02.pdf")
        # the timing log: each save's phases, in order, from the file's mtime on
        assert wait_until(lambda: len(watcher.timings_log.read_text().splitlines()) >= 2)
        for line in watcher.timings_log.read_text().splitlines()[:2]:
            phases = json.loads(line)["phases"]
            assert json.loads(line)["lectures"] == ["lecture02"]
            assert 0 <= phases["seen"] <= phases["planned"] <= phases["rendered and typeset (student)"] <= phases["written"]
        # the first save's other editions gave way: killed mid-layout, or left before they started
        assert watcher.background.restarts >= 1 or any(report.postponed for report in reports[1:])
        assert not list(out.rglob(".*.part"))
    finally:
        stop.set()
        loop.join(60)
