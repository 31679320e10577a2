"""Whole-course builds: gather, run, cache, reader, index; real WeasyPrint on a 2-lecture course."""

import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pypdf
import pytest

from handout.course import build_course, generate_demo_course
from handout.course.cache import CACHE_NAME
from handout.course.cache import PARTS_FOLDER
from handout.course.scaffold import new_course
from handout.diagnostics import Diagnostics
from handout.errors import HandoutError
from handout.source.manifest import load_course
from support import HANDOUT, SHORT_LECTURE, make_files, pdf_page_count, pdf_text

SECOND_LECTURE = """\
---
title: Жер-су реформасы
lang: kk
---
## Реформаның мақсаты

1921 жылы Жетісуда жер-су реформасы жүргізілді. Қоныс аударушылардың заңсыз
басып алған жерлері қазақ шаруаларына қайтарылды.

## Нәтижелері

Реформа нәтижесінде 1922 жылы көптеген шаруалар жерге орналастырылды.
"""

MANIFEST = """\
[course]
title = "Қазақстан тарихы: сынақ курсы"
institution = "Сынақ университеті"
teacher = "Сынақ оқытушы"
year = "2026–2027"
lectures = ["lectures/*.md"]

[build]
out = "dist"
"""

EDITIONS = ("student", "teacher", "worksheet")


def files_with_mtimes(folder: Path) -> dict[str, int]:
    return {str(path.relative_to(folder)): path.stat().st_mtime_ns for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A 2-lecture course built once (serially, in this process); tests work on copies."""
    root = make_files(tmp_path_factory.mktemp("course") / "course", {
        "handout.toml": MANIFEST,
        "lectures/lecture01.md": SECOND_LECTURE,
        "lectures/lecture02.md": SHORT_LECTURE,
    })
    diagnostics = Diagnostics()
    report = build_course(load_course(root), jobs=1, diagnostics=diagnostics)
    assert report.ok, report.failures
    assert not [item for item in diagnostics.items if "defined twice" in item.message]  # reader anchors are unique
    return root


@pytest.fixture
def course(built, tmp_path) -> Path:
    copy = tmp_path / "course"
    shutil.copytree(built, copy)  # copy2 keeps mtimes to the nanosecond, so the cache stays valid
    return copy


def rebuilt_names(report, root: Path) -> set[str]:
    return {str(path.relative_to(root / "dist")) for path in report.rebuilt}


def test_first_build_writes_every_edition_the_reader_and_the_index(built):
    dist = built / "dist"
    for edition in EDITIONS:
        assert sorted(path.name for path in (dist / edition).iterdir()) == ["lecture01.pdf", "lecture02.pdf"]
    assert (dist / "reader.pdf").is_file() and (dist / "index.html").is_file()
    assert "Жер-су реформасы" in pdf_text(dist / "student" / "lecture01.pdf")


def test_course_wide_numbering_fills_missing_numbers_and_course_title(built):
    text = pdf_text(built / "dist" / "student" / "lecture01.pdf")
    assert "№1 лекция" in text  # lecture01 sets no number: its place in the course
    assert "ҚАЗАҚСТАН ТАРИХЫ: СЫНАҚ КУРСЫ" in text  # nor a course: the manifest's title (upper-cased by CSS)
    assert "№2 лекция" in pdf_text(built / "dist" / "student" / "lecture02.pdf")  # its own number: 2


def test_second_run_with_no_change_rebuilds_and_writes_nothing(course):
    before = files_with_mtimes(course / "dist")
    report = build_course(load_course(course), jobs=1)
    assert report.rebuilt == [] and report.ok and not report.index_written
    assert len(report.up_to_date) == 7
    assert files_with_mtimes(course / "dist") == before


@pytest.fixture(scope="module")
def changed(built, tmp_path_factory):
    """A copy with lecture01 changed, rebuilt once (prepare_lecture counted); read-only: tests only look.

    Returns (course, report, reader parts' mtimes before, prepare_lecture calls per file).
    """
    course = tmp_path_factory.mktemp("changed") / "course"
    shutil.copytree(built, course)
    parts = course / "dist" / PARTS_FOLDER
    before = {path.name: path.stat().st_mtime_ns for path in parts.glob("*.pdf")}
    lecture = course / "lectures" / "lecture01.md"
    lecture.write_text(lecture.read_text(encoding="utf-8").replace("1922 жылы", "1923 жылы"), encoding="utf-8")
    with pytest.MonkeyPatch.context() as monkeypatch:
        calls = count_prepared(monkeypatch)
        report = build_course(load_course(course), jobs=1)
    return course, report, before, calls


@pytest.fixture(scope="module")
def forced(built, tmp_path_factory):
    """A copy rebuilt once with force=True; read-only. Returns (course, report, reader parts' mtimes before)."""
    course = tmp_path_factory.mktemp("forced") / "course"
    shutil.copytree(built, course)
    before = {path.name: path.stat().st_mtime_ns for path in (course / "dist" / PARTS_FOLDER).glob("*.pdf")}
    return course, build_course(load_course(course), jobs=1, force=True), before


def test_changing_one_lecture_rebuilds_exactly_its_outputs_and_the_reader(changed):
    course, report, _, _ = changed
    assert rebuilt_names(report, course) == {f"{edition}/lecture01.pdf" for edition in EDITIONS} | {"reader.pdf"}
    assert "1923" in pdf_text(course / "dist" / "student" / "lecture01.pdf")


def test_reader_typesets_again_only_the_part_of_the_changed_lecture(changed):
    course, _, before, _ = changed
    parts = course / "dist" / PARTS_FOLDER
    assert len(before) == 2  # one part per lecture (the front and the page numbers are made by the join)
    after = {path.name: path.stat().st_mtime_ns for path in parts.glob("*.pdf")}
    reused = {name for name in after if before.get(name) == after[name]}
    [new] = set(after) - reused
    assert len(reused) == 1 and len(after) == 2  # the old part of lecture 1 is gone
    assert "1923" in pdf_text(parts / new) and "Алаш" not in pdf_text(parts / new)
    assert "1923" in pdf_text(course / "dist" / "reader.pdf")


def test_force_typesets_the_reader_from_nothing(forced):
    course, _, before = forced
    after = {path.name: path.stat().st_mtime_ns for path in (course / "dist" / PARTS_FOLDER).glob("*.pdf")}
    assert set(after) == set(before) and all(after[name] != before[name] for name in after)


def course_with_a_picture(folder: Path, picture_markdown: str, reader: bool) -> tuple[Path, Path]:
    """Two student-only lectures, the first showing a red picture; built once. Return (root, picture)."""
    from PIL import Image

    root = make_files(folder / "course", {
        "handout.toml": '[course]\ntitle = "Т"\nlectures = ["lectures/*.md"]\n[build]\neditions = ["student"]\n'
                        f"reader = {str(reader).lower()}\n",
        "lectures/a.md": SHORT_LECTURE + picture_markdown,
        "lectures/b.md": SHORT_LECTURE.replace("number: 2", "number: 3"),
    })
    picture = root / "lectures" / "img" / "map.png"
    picture.parent.mkdir()
    Image.new("RGB", (40, 30), "red").save(picture)
    build_course(load_course(root), jobs=1)
    return root, picture


def test_a_replaced_picture_rebuilds_the_lecture_that_shows_it(tmp_path):
    from PIL import Image

    root, picture = course_with_a_picture(tmp_path, "\n![Карта][map]\n\n[map]: img/map.png\n", reader=False)
    Image.new("RGB", (40, 30), "blue").save(picture)
    report = build_course(load_course(root), jobs=1)
    assert rebuilt_names(report, root) == {"student/a.pdf"}


def test_touching_a_lecture_without_changing_it_rebuilds_nothing(course):
    os.utime(course / "lectures" / "lecture02.md")
    assert build_course(load_course(course), jobs=1).rebuilt == []


def test_a_course_stylesheet_override_rebuilds_everything(course):
    make_files(course, {"styles/edition-student.css": ".lecture-title { color: #333; }\n"})
    report = build_course(load_course(course), jobs=1)
    assert len(report.rebuilt) == 7


def test_force_rebuilds_everything(forced):
    _, report, _ = forced
    assert len(report.rebuilt) == 7 and report.up_to_date == []


def test_a_deleted_output_is_rebuilt_alone(course):
    (course / "dist" / "worksheet" / "lecture02.pdf").unlink()
    report = build_course(load_course(course), jobs=1)
    assert rebuilt_names(report, course) == {"worksheet/lecture02.pdf"}


def count_prepared(monkeypatch) -> Counter:
    """Count loads (+ enrichment) per lecture file, not reads from the enrichment cache; jobs=1 runs them here."""
    import handout.pipeline

    calls: Counter = Counter()
    real = handout.pipeline.prepare_lecture

    def counting(path, diagnostics, cache=None):
        if cache is not None:  # the cache calls back (without itself) only when it must prepare the lecture
            return real(path, diagnostics, cache)
        calls[Path(path).name] += 1
        return real(path, diagnostics)

    monkeypatch.setattr(handout.pipeline, "prepare_lecture", counting)
    return calls


def test_a_changed_lecture_is_loaded_once_for_all_its_editions(course, monkeypatch):
    manifest = course / "handout.toml"
    # the reader loads every lecture too; leave it out to count the lecture jobs alone
    manifest.write_text(manifest.read_text(encoding="utf-8") + "reader = false\n", encoding="utf-8")
    lecture = course / "lectures" / "lecture01.md"
    lecture.write_text(lecture.read_text(encoding="utf-8").replace("1922 жылы", "1923 жылы"), encoding="utf-8")
    calls = count_prepared(monkeypatch)
    report = build_course(load_course(course), jobs=1)
    assert report.ok, report.failures
    assert rebuilt_names(report, course) == {f"{edition}/lecture01.pdf" for edition in EDITIONS}
    assert calls == {"lecture01.md": 1}
    for edition in ("student", "teacher"):  # the worksheet leaves the text out
        assert "1923" in pdf_text(course / "dist" / edition / "lecture01.pdf")


def test_a_changed_lecture_is_prepared_once_for_its_editions_and_its_reader_part(changed):
    """The reader part reads the lecture its lecture job prepared, from ``OUT/.handout-enriched/``."""
    course, report, _, calls = changed
    assert report.ok, report.failures
    assert "reader.pdf" in rebuilt_names(report, course) and calls == {"lecture01.md": 1}
    assert "1923" in pdf_text(course / "dist" / "reader.pdf")


def test_a_partly_stale_lecture_rebuilds_only_its_stale_edition(course, monkeypatch):
    (course / "dist" / "teacher" / "lecture01.pdf").unlink()
    before = files_with_mtimes(course / "dist")
    calls = count_prepared(monkeypatch)
    report = build_course(load_course(course), jobs=1)
    assert rebuilt_names(report, course) == {"teacher/lecture01.pdf"} and len(report.up_to_date) == 6
    assert calls == {"lecture01.md": 1}
    after = files_with_mtimes(course / "dist")
    changed = {name for name in after if after[name] != before.get(name) and not name.startswith(".handout-enriched/")}
    assert changed == {"teacher/lecture01.pdf", CACHE_NAME}  # (and the prepared lecture, kept for the next build)


def test_one_failing_edition_spares_the_lectures_other_editions(course):
    """An edition can fail alone (its folder, its template); its lecture's other editions are still built."""
    lecture = course / "lectures" / "lecture01.md"
    lecture.write_text(lecture.read_text(encoding="utf-8").replace("1922 жылы", "1923 жылы"), encoding="utf-8")
    shutil.rmtree(course / "dist" / "teacher")
    (course / "dist" / "teacher").write_text("not a folder", encoding="utf-8")
    progress = []
    report = build_course(load_course(course), jobs=1, on_progress=progress.append)
    assert rebuilt_names(report, course) == {"student/lecture01.pdf", "worksheet/lecture01.pdf", "reader.pdf"}
    assert len(report.failures) == 2  # teacher/lecture01.pdf and teacher/lecture02.pdf, one failure each
    assert all("is a file, not a folder" in failure.message for failure in report.failures)
    dist = course / "dist"
    assert sorted(report.up_to_date) == [dist / "student" / "lecture02.pdf", dist / "worksheet" / "lecture02.pdf"]
    assert "1923" in pdf_text(course / "dist" / "student" / "lecture01.pdf")
    last = progress[-1]  # progress counts outputs, not jobs
    assert (last.total, last.done, last.failed) == (6, 6, 2)  # progress counts the reader's parts too


def test_failing_lecture_does_not_stop_the_others_and_exits_1(course, tmp_path):
    make_files(course, {
        "lectures/lecture03.md": "---\ntitle: Бұзық\nnumber: [1, 2\n---\n## Бөлім\n\nМәтін.\n",  # fails to load
        "lectures/lecture04.md": "---\ntitle: Суретсіз\n---\n## Бөлім\n\n![Карта](nope.png)\n",  # fails in a worker
    })
    shutil.rmtree(course / "dist")
    result = subprocess.run([*HANDOUT, "build", str(course), "--jobs", "2"], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 1
    assert f"{course / 'lectures' / 'lecture03.md'}:3: error:" in result.stderr
    assert f"{course / 'lectures' / 'lecture04.md'}:6: error: image 'nope.png' not found" in result.stderr
    assert "6 rebuilt, 0 up to date, 5 failed" in result.stderr  # lecture03; lecture04 x 3 editions; the reader
    for edition in EDITIONS:
        assert (course / "dist" / edition / "lecture01.pdf").is_file()
        assert (course / "dist" / edition / "lecture02.pdf").is_file()
        assert not (course / "dist" / edition / "lecture03.pdf").exists()
    index = (course / "dist" / "index.html").read_text(encoding="utf-8")
    assert "</span>lecture03</h3>" in index and "lecture03.pdf" not in index  # listed, not linked


def test_cli_reports_what_it_rebuilt_then_up_to_date(course, tmp_path):
    # a first run makes the copy current even if the tool's own code changed since the fixture was built
    subprocess.run([*HANDOUT, "build", str(course), "--quiet"], check=True, cwd=tmp_path)
    lecture = course / "lectures" / "lecture02.md"
    lecture.write_text(lecture.read_text(encoding="utf-8") + "\nҚосымша сөйлем.\n", encoding="utf-8")
    first = subprocess.run([*HANDOUT, "build", str(course), "--jobs", "2"], capture_output=True, text=True, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    rebuilt = {line.split()[1] for line in first.stderr.splitlines() if line.startswith("rebuilt ")}
    rebuilt.discard("course/dist/index.html")  # rewritten only if a shown size or page count changed
    assert rebuilt == {f"course/dist/{edition}/lecture02.pdf" for edition in EDITIONS} | {"course/dist/reader.pdf"}
    second = subprocess.run([*HANDOUT, "build", str(course), "--quiet"], capture_output=True, text=True, cwd=tmp_path)
    assert second.returncode == 0 and second.stderr == "" and second.stdout == ""
    third = subprocess.run([*HANDOUT, "build", str(course)], capture_output=True, text=True, cwd=tmp_path)
    assert "up to date; 0 rebuilt, 7 up to date, 0 failed" in third.stderr


def test_reader_has_title_page_course_toc_and_nested_bookmarks(built):
    reader_path = built / "dist" / "reader.pdf"
    reader = pypdf.PdfReader(reader_path)
    pages = [page.extract_text() for page in reader.pages]
    cover = " ".join(pages[0].split())
    assert "Қазақстан тарихы: сынақ курсы" in cover and "Курс жинағы" in cover and "Оқу жылы: 2026–2027" in cover
    assert "КУРС МАЗМҰНЫ" in pages[1]  # upper-cased by the aside-heading style
    outline = reader.outline
    tops = [item for item in outline if not isinstance(item, list)]
    assert [item.title for item in tops] == ["Жер-су реформасы", "Алаш автономиясы"]
    children = [item for item in outline if isinstance(item, list)]
    assert [child.title for child in children[0]][:2] == ["1. Реформаның мақсаты", "2. Нәтижелері"]
    assert [child.title for child in children[1]][:2] == ["1. Жалпықазақ съезі", "2. Алаш-Орда үкіметі"]
    # the TOC's page numbers are where the bookmarks point
    second_lecture_page = reader.get_destination_page_number(tops[1]) + 1
    toc_line = next(line for line in pages[1].splitlines() if "Алаш автономиясы" in line)
    assert toc_line.rstrip().endswith(str(second_lecture_page))
    student_pages = sum(pdf_page_count(built / "dist" / "student" / name) for name in ("lecture01.pdf", "lecture02.pdf"))
    assert len(reader.pages) >= student_pages + 2  # title page and contents besides every lecture


def test_reader_pages_are_numbered_through_the_course_and_its_contents_link_there(built):
    """The reader is typeset one lecture at a time and joined: numbers and links must run across the parts."""
    reader_path = built / "dist" / "reader.pdf"
    pages = pdf_text(reader_path).split("\f")
    footers = [page.split()[-1] for page in pages[1:]]  # the cover has no number
    assert footers == [str(number) for number in range(2, len(pages) + 1)]
    reader = pypdf.PdfReader(reader_path)
    tops = [item for item in reader.outline if not isinstance(item, list)]
    lecture_pages = [reader.get_destination_page_number(item) for item in tops]
    assert lecture_pages[0] == 2 and lecture_pages[1] > lecture_pages[0]  # after the cover and the contents
    contents_links = [annotation.get_object() for annotation in reader.pages[1].get("/Annots", [])]
    named = reader.named_destinations
    targets = {str(link["/Dest"]) for link in contents_links}  # a link may have several boxes
    assert len(targets) == 2 + 4  # two lectures, four sections
    assert set(lecture_pages) <= {reader.get_destination_page_number(named[target]) for target in targets}
    assert all("/A" not in link for link in contents_links)  # no handout-part: URI is left over


def test_handout_new_scaffolds_a_course_that_loads(tmp_path):
    created = new_course(tmp_path / "new")
    assert [path.name for path in created] == ["handout.toml", "lecture01.md"]
    course = load_course(tmp_path / "new")
    assert course.title == "Қазақстан тарихы" and len(course.lectures) == 1
    assert "Алаш" in course.lectures[0].read_text(encoding="utf-8")
    with pytest.raises(HandoutError, match="not an empty folder"):
        new_course(tmp_path / "new")


def test_generate_demo_course_makes_numbered_retitled_copies(tmp_path):
    from support import LECTURE10

    course = load_course(generate_demo_course(tmp_path / "demo", 3, LECTURE10))
    from handout.source.lecture import load_lecture

    lectures = [load_lecture(path) for path in course.lectures]
    assert [lecture.meta.number for lecture in lectures] == [1, 2, 3]
    assert len({lecture.meta.title for lecture in lectures}) == 3


def test_reader_finds_images_of_lectures_in_subfolders(tmp_path):
    from PIL import Image

    root = make_files(tmp_path / "course", {
        "handout.toml": '[course]\ntitle = "Т"\nlectures = ["lectures/*.md"]\n[build]\neditions = ["student"]\n',
        "lectures/a.md": SHORT_LECTURE + "\n![Карта](img/map.png)\n",
    })
    (root / "lectures" / "img").mkdir()
    Image.new("RGB", (40, 30), "red").save(root / "lectures" / "img" / "map.png")
    diagnostics = Diagnostics()
    report = build_course(load_course(root), jobs=1, diagnostics=diagnostics)
    assert report.ok and not diagnostics.items, [str(item) for item in diagnostics.items]
    for name in ("student/a.pdf", "reader.pdf"):
        reader = pypdf.PdfReader(root / "dist" / name)
        assert any(page.images for page in reader.pages), name


def test_a_replaced_picture_makes_its_reader_part_be_typeset_again(tmp_path):
    """A part is kept under its HTML, which names a picture but does not hold it: the same HTML, a new picture."""
    from PIL import Image

    root, picture = course_with_a_picture(tmp_path, "\n![Карта](img/map.png)\n", reader=True)
    Image.new("RGB", (40, 30), "blue").save(picture)
    build_course(load_course(root), jobs=1)
    reader = pypdf.PdfReader(root / "dist" / "reader.pdf")
    colours = {image.image.convert("RGB").getpixel((20, 15)) for page in reader.pages for image in page.images}
    assert colours == {(0, 0, 255)}  # the new picture, not the kept part's red one


def test_handout_new_command_creates_once_then_refuses(tmp_path):
    first = subprocess.run([*HANDOUT, "new", "курс"], capture_output=True, text=True, cwd=tmp_path)
    assert first.returncode == 0 and "created курс/handout.toml" in first.stdout
    second = subprocess.run([*HANDOUT, "new", "курс"], capture_output=True, text=True, cwd=tmp_path)
    assert second.returncode == 1 and "курс: error: already exists" in second.stderr


def test_print_options_reach_a_course_build_and_name_its_files(tmp_path):
    """--layout on a course beats the front matter; a lecture's own layout names its file; the index follows."""
    root = make_files(tmp_path / "c", {
        "a.md": SHORT_LECTURE,
        "b.md": SHORT_LECTURE.replace("number: 2", "number: 3\nlayout: 2up"),
    })
    out = tmp_path / "out"
    common = [*HANDOUT, "build", str(root), "--out", str(out), "--edition", "student", "--jobs", "1", "--quiet"]
    assert subprocess.run(common, capture_output=True, text=True).returncode == 0
    assert sorted(p.name for p in (out / "student").glob("*.pdf")) == ["a.pdf", "b-2up.pdf"]
    assert 'href="student/b-2up.pdf"' in (out / "index.html").read_text(encoding="utf-8")
    result = subprocess.run([*common, "--layout", "booklet"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert {"a-booklet.pdf", "b-booklet.pdf"} <= {p.name for p in (out / "student").glob("*.pdf")}
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="student/a-booklet.pdf"' in index and 'href="student/b-2up.pdf"' not in index
    width, height = pypdf.PdfReader(out / "student" / "a-booklet.pdf").pages[0].mediabox[2:]
    assert float(width) > float(height)  # A4 landscape sheets carrying two A5 pages


def test_a_truncated_reader_part_or_a_bad_cache_entry_is_rebuilt_not_fatal(course):
    import json

    parts = sorted((course / "dist" / PARTS_FOLDER).glob("*.pdf"))
    first = parts[0]
    first.write_bytes(first.read_bytes()[:1000])  # same name, damaged
    cache_file = course / "dist" / CACHE_NAME
    data = json.loads(cache_file.read_text(encoding="utf-8"))
    data["outputs"]["student/lecture01.pdf"]["size"] = "big"  # an entry of the wrong type
    cache_file.write_text(json.dumps(data), encoding="utf-8")
    report = build_course(load_course(course), jobs=1)
    assert report.ok, report.failures
    # the part is typeset again under its key; the reader, joined from the intact part, stays
    assert rebuilt_names(report, course) == {"student/lecture01.pdf"}
    assert first.stat().st_size > 1000 and pdf_page_count(first) >= 1
