"""The download page in real headless Chromium: every link resolves, nothing points at a teacher file."""

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from handout.course import build_course
from handout.publish.index import format_size
from handout.source.manifest import load_course
from support import CHROMIUM, CHROMIUM_FLAGS, SHORT_LECTURE, make_files, pdf_page_count

MANIFEST = """\
[course]
title = "Қазақстан тарихы"
institution = "Сынақ университеті"
teacher = "Сынақ оқытушы"
year = "2026–2027"
lectures = ["a.md", "b.md"]
"""


class _Links(HTMLParser):
    """Collect every URL the page refers to: links, sources, stylesheets, scripts."""

    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("href", "src", "srcset", "data", "poster", "action") and value is not None:
                self.links.append((tag, value))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = make_files(tmp_path_factory.mktemp("site") / "course", {
        "handout.toml": MANIFEST,
        "a.md": SHORT_LECTURE,
        "b.md": SHORT_LECTURE.replace("title: Алаш автономиясы", "title: Алаш-Орда").replace("number: 2", "number: 3"),
    })
    report = build_course(load_course(root), jobs=1)
    assert report.ok, report.failures
    return root / "dist"


def chromium_dom(page: Path, tmp_path: Path) -> str:
    """Load the page in headless Chromium and return the DOM it built."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (scripts/bootstrap test installs it)")
    result = subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_every_link_resolves_and_none_points_at_a_teacher_file(site, tmp_path):
    dom = chromium_dom(site / "index.html", tmp_path)
    parser = _Links()
    parser.feed(dom)
    hrefs = [value for tag, value in parser.links if tag == "a"]
    assert sorted(hrefs) == sorted(["reader.pdf", "student/a.pdf", "student/b.pdf", "worksheet/a.pdf", "worksheet/b.pdf",
                                    "bundles/a.zip", "bundles/b.zip", "bundles/course.zip"])
    for tag, value in parser.links:
        url = urlparse(value)
        assert not url.scheme and not url.netloc, f"{tag} refers outside the page's folder: {value}"
        target = (site / unquote(url.path)).resolve()
        assert target.is_file() and site.resolve() in target.parents, f"broken link {value}"
        assert "teacher" not in target.relative_to(site.resolve()).parts
    assert (site / "teacher" / "a.pdf").is_file()  # teacher editions exist, just unlisted
    assert "link" not in parser.tags and "iframe" not in parser.tags  # images are the local thumbnails checked above


def test_page_shows_titles_page_counts_sizes_and_the_reader(site, tmp_path):
    dom = chromium_dom(site / "index.html", tmp_path)
    text = " ".join(dom.split())
    assert "<title>Қазақстан тарихы: Жүктеп алу</title>" in text
    assert "Алаш автономиясы" in text and "Алаш-Орда" in text and "Курс жинағы" in text
    for name in ("student/a.pdf", "worksheet/b.pdf", "reader.pdf"):
        pages = pdf_page_count(site / name)
        assert f"{pages} бет · {format_size((site / name).stat().st_size, 'kk')}" in text
    assert "Оқытушы: Сынақ оқытушы" in text
    numbers = re.findall(r'<span class="number">№(\d+) лекция</span>', dom)
    assert numbers == ["2", "3"]  # the lectures' own numbers (a.md says 2, b.md says 3)


def test_sizes_are_written_the_local_way():
    assert format_size(150_000, "kk") == "146 КБ"
    assert format_size(2_500_000, "ru") == "2,4 МБ"
    assert format_size(2_500_000, "en") == "2.4 MB"


def test_thumbnails_made_while_the_preview_renders_from_threads_are_right(site):
    """`watch --serve` makes thumbnails in its rebuild while server threads render pages: one PDFium lock for all."""
    import threading

    from handout.live.preview import PreviewState
    from handout.publish.site import thumbnail_png

    built = {path.name: path.read_bytes() for path in (site / "thumbnails").glob("*.png")}
    assert built  # the course build made them: the reference images
    state = PreviewState(site)
    pages = [(name, 1) for name in state.documents() if not name.startswith(("teacher/", "worksheet/"))]
    assert len(pages) == 3  # the two student editions and the reader, a first page each
    alone = {page: state.page_png(*page) for page in pages}
    state._png_cache.clear()
    seen: dict[tuple, set[bytes]] = {page: set() for page in pages}
    errors: list[BaseException] = []

    def serve() -> None:
        try:
            for _ in range(3):
                for page in pages:
                    state._png_cache.clear()  # render every time, as after each rebuild
                    seen[page].add(state.page_png(*page))
        except BaseException as error:  # noqa: BLE001 -- reported by the test below
            errors.append(error)

    threads = [threading.Thread(target=serve) for _ in range(2)]
    for thread in threads:
        thread.start()
    made = [(name, thumbnail_png(site / "student" / f"{Path(name).stem}.pdf")) for _ in range(4) for name in built]
    for thread in threads:
        thread.join(60)
    assert not errors
    assert all(seen[page] == {alone[page]} for page in pages)
    assert made and all(png == built[name] for name, png in made)


def test_only_one_module_calls_pdfium():
    """Every PDFium use goes through handout.publish.pdfium and its lock."""
    import handout

    package = Path(handout.__file__).parent
    users = sorted(path.relative_to(package).as_posix() for path in package.rglob("*.py")
                   if "pypdfium2" in path.read_text(encoding="utf-8"))
    assert users == ["publish/pdfium.py"]
