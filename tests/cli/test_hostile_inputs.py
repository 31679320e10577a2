"""Issue 20's sweep, the attacks that need more than one file: symlinks, manifests, outputs, check --fix, import.

Each test failed before its fix: a traceback, a file read or written outside the course, or a file lost.
"""

from __future__ import annotations

import os
import stat
import subprocess

from typer.testing import CliRunner

from handout.cli.app import app
from support import HANDOUT, make_files

LECTURE = "---\ntitle: Сынақ\n---\n## Бөлім\n\nҚазақ хандығы 1465 жылы құрылды.\n"


def run(*args, **kwargs):
    result = CliRunner().invoke(app, [str(arg) for arg in args], **kwargs)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.output
    return result


def files_under(folder):
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def test_a_lecture_symlinked_from_outside_is_refused_without_a_manifest(tmp_path):
    secret = make_files(tmp_path / "outside", {"secret.md": "---\ntitle: Құпия\n---\n## Б\n\nҚҰПИЯ-МӘТІН 1917.\n"})
    course = make_files(tmp_path / "course", {"a.md": LECTURE})
    (course / "b.md").symlink_to(secret / "secret.md")
    result = run("build", course, "--out", tmp_path / "out", "--edition", "student", "--jobs", "1")
    assert result.exit_code == 1
    assert f"{course / 'b.md'}: error: is outside the course folder" in result.stderr
    assert files_under(tmp_path / "out" / "student") == ["a.pdf"]
    assert b"\xd2\x9a\xd2\xb0\xd0\x9f\xd0\x98\xd0\xaf" not in (tmp_path / "out" / "reader.pdf").read_bytes()


def test_a_stylesheet_symlinked_from_outside_is_not_read(tmp_path):
    outside = make_files(tmp_path / "outside", {"evil.css": "body { color: red }"})
    course = make_files(tmp_path / "course", {"a.md": LECTURE})
    (course / "styles").mkdir()
    (course / "styles" / "handout.css").symlink_to(outside / "evil.css")
    os.chmod(outside / "evil.css", 0)  # reading it would fail loudly (as root: the theme must skip it before)
    from handout.render.theme import find_theme

    theme = find_theme(course)
    assert theme.stylesheet("handout.css") != course / "styles" / "handout.css"
    assert all(path.resolve() != (outside / "evil.css") for path in theme.files())


def test_the_planner_never_opens_a_file_outside_the_course(tmp_path):
    fifo = tmp_path / "outside.fifo"
    os.mkfifo(fifo)  # opening it blocks forever: a build that reads it to hash it never ends
    course = make_files(tmp_path / "course", {"a.md": LECTURE + f"\n![Карта]({fifo})\n"})
    result = subprocess.run([*HANDOUT, "build", str(course), "--out", str(tmp_path / "out"), "--edition", "student",
                             "--jobs", "1"], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr
    assert "outside the course folder" in result.stderr


def test_a_manifest_out_may_not_be_the_course_or_escape_it_unless_given_on_the_command_line(tmp_path):
    for out in (".", "..", str(tmp_path / "elsewhere"), "sub/../.."):
        course = make_files(tmp_path / f"course{len(out)}", {"a.md": LECTURE, "index.html": "mine",
                            "handout.toml": f'[course]\ntitle = "Т"\n[build]\nout = "{out}"\n'})
        before = files_under(tmp_path)
        result = run("build", course, "--edition", "student")
        assert result.exit_code == 1 and "build.out" in result.stderr and "--out" in result.stderr
        assert files_under(tmp_path) == before and (course / "index.html").read_text() == "mine"
    given = run("build", course, "--out", tmp_path / "given", "--edition", "student")
    assert given.exit_code == 0, given.stderr


def test_two_lectures_writing_one_pdf_name_is_an_error_naming_both(tmp_path):
    course = make_files(tmp_path / "course", {"x.md": LECTURE.replace("---\n##", "layout: booklet\n---\n##"),
                                               "x-booklet.md": LECTURE})
    result = run("build", course, "--out", tmp_path / "out", "--edition", "student", "--jobs", "1")
    assert result.exit_code == 1
    assert "x-booklet.pdf" in result.stderr and "x.md" in result.stderr and "x-booklet.md" in result.stderr


def test_check_fix_is_surgical(tmp_path):
    original = "\ufeffБұл бiрлiк.\r\nЕкінші жол.\r\n".encode("utf-8")
    folder = make_files(tmp_path / "folder", {"a.md": original, "z.md": b"\xff\xfe not utf-8"})
    os.chmod(folder / "a.md", 0o640)
    (folder / "link.md").symlink_to(folder / "a.md")
    result = run("check", "--fix", folder)
    assert result.exit_code == 1 and "not UTF-8" in result.stderr
    assert f"{folder / 'a.md'}:1:5: fixed mixed-script" in result.stdout  # reported although z.md stopped the run
    fixed = (folder / "a.md").read_bytes()
    assert fixed == "\ufeffБұл бірлік.\r\nЕкінші жол.\r\n".encode("utf-8")
    assert (folder / "a.md.bak").read_bytes() == original
    assert stat.S_IMODE((folder / "a.md").stat().st_mode) == 0o640
    assert stat.S_IMODE((folder / "a.md.bak").stat().st_mode) == 0o640
    assert (folder / "link.md").is_symlink()


def test_check_fix_refuses_a_symlink_out_of_the_folder(tmp_path):
    outside = make_files(tmp_path / "outside", {"o.md": "бiрлiк\n"})
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "o.md").symlink_to(outside / "o.md")
    result = run("check", "--fix", folder)
    assert result.exit_code == 1 and "outside" in result.stderr
    assert (outside / "o.md").read_text(encoding="utf-8") == "бiрлiк\n" and (folder / "o.md").is_symlink()


def test_import_into_a_folder_is_refused_cleanly(tmp_path):
    src = make_files(tmp_path, {"old.txt": "№1 Лекция тақырыбы: Сынақ\n\n1.Кіріспе. Мәтін.\n"}) / "old.txt"
    (tmp_path / "dir").mkdir()
    result = run("import", src, "-o", tmp_path / "dir", "--force")
    assert result.exit_code == 1 and "is a folder" in result.stderr
    assert files_under(tmp_path / "dir") == []


def test_no_builder_path_in_the_pdf(tmp_path):
    course = make_files(tmp_path / "course", {"a.md": LECTURE + "\nҚараңыз [жоспар](b.md), [бөлім](#s-1).\n",
                                               "b.md": LECTURE})
    result = run("build", course / "a.md", "--out", tmp_path / "out", "--edition", "student")
    assert result.exit_code == 0 and "[local-link]" in result.stderr
    import pypdf

    reader = pypdf.PdfReader(tmp_path / "out" / "student" / "a.pdf")
    uris = [str(annotation.get_object().get("/A", {}).get("/URI", "")) for page in reader.pages
            for annotation in page.get("/Annots", []) or []]
    assert not any(str(tmp_path) in uri or uri.startswith("file:") for uri in uris)


def test_preview_answers_404_to_pages_that_are_not_numbers(tmp_path):
    import urllib.error
    import urllib.request

    from handout.live.preview import PreviewServer, PreviewState

    server = PreviewServer(PreviewState(tmp_path), port=0).start()
    try:
        for page in ("%C2%B2", "9" * 5000):
            try:
                urllib.request.urlopen(f"{server.url.rstrip('/')}/page/student/a/{page}.png", timeout=10)
                raise AssertionError("expected 404")
            except urllib.error.HTTPError as error:
                assert error.code == 404
    finally:
        server.stop()
