"""The live preview in real headless Chromium: it shows the current pages and reloads after a rebuild."""

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from handout.diagnostics import Diagnostics
from handout.live.preview import PreviewServer, PreviewState, page_html
from handout.pipeline import BuildSettings, build_paths
from support import CHROMIUM, CHROMIUM_FLAGS, SHORT_LECTURE, make_files, pdf_page_count, wait_until

needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed")

LONG_PARAGRAPH = (
    "Алаш-Орда үкіметі қазақ жерінің тұтастығын сақтау, ұлттық мектеп ашу, жер мәселесін "
    "шешу сияқты міндеттерді алдына қойды және оны жүзеге асыру үшін уездерде комитеттер құрды. "
) * 6


def build_student(lecture: Path, out: Path) -> Path:
    build_paths([lecture], BuildSettings(out_dir=out, editions=("student",)), Diagnostics())
    return out / "student" / f"{lecture.stem}.pdf"


def page_requests(state: PreviewState, version: int) -> set[str]:
    return {path for path in list(state.requests) if path.startswith("/page/") and path.endswith(f"?v={version}")}


def expected_pages(stem: str, count: int, version: int) -> set[str]:
    return {f"/page/student/{stem}/{number}.png?v={version}" for number in range(1, count + 1)}


@pytest.fixture
def browser_profile(tmp_path):
    return tmp_path / "chromium-profile"


def start_chromium(url: str, profile: Path) -> subprocess.Popen:
    return subprocess.Popen([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", url],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def stop_chromium(process: subprocess.Popen) -> None:
    """End the browser and its helper processes (its own process group, started above)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@needs_chromium
def test_page_shows_current_pages_and_reloads_after_rebuild(tmp_path, browser_profile):
    lecture = make_files(tmp_path / "course", {"lecture02.md": SHORT_LECTURE}) / "lecture02.md"
    out = tmp_path / "dist"
    first_count = pdf_page_count(build_student(lecture, out))
    state = PreviewState(out)
    state.rebuilt()
    with PreviewServer(state) as server:
        assert server.url.startswith("http://127.0.0.1:")
        browser = start_chromium(server.url, browser_profile)
        try:
            # The browser shows every page of the current PDF.
            assert wait_until(lambda: page_requests(state, 1) == expected_pages("lecture02", first_count, 1)), \
                state.requests
            assert state.page_loads == 1
            time.sleep(1.0)  # several polls of /version without a rebuild: no reload
            assert state.page_loads == 1 and any(path.startswith("/version") for path in state.requests)

            # A longer lecture is rebuilt: the page reloads itself and shows the new pages.
            lecture.write_text(SHORT_LECTURE + "\n" + "\n\n".join([LONG_PARAGRAPH] * 8) + "\n", encoding="utf-8")
            second_count = pdf_page_count(build_student(lecture, out))
            assert second_count > first_count
            state.rebuilt()
            assert wait_until(lambda: state.page_loads == 2), state.requests
            assert wait_until(lambda: page_requests(state, 2) == expected_pages("lecture02", second_count, 2)), \
                state.requests
        finally:
            stop_chromium(browser)


@needs_chromium
def test_rendered_dom_lists_the_pages_and_a_png_is_served(tmp_path, browser_profile):
    lecture = make_files(tmp_path / "course", {"lecture02.md": SHORT_LECTURE}) / "lecture02.md"
    out = tmp_path / "dist"
    count = pdf_page_count(build_student(lecture, out))
    state = PreviewState(out)
    with PreviewServer(state) as server:
        dom = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={browser_profile}", "--dump-dom",
                              server.url], capture_output=True, text=True, timeout=60).stdout
        assert dom.count('<img src="/page/student/lecture02/') == count
        assert "Алдын ала қарау" in dom
        with urllib.request.urlopen(server.url + "page/student/lecture02/1.png") as answer:
            assert answer.headers["Content-Type"] == "image/png"
            assert answer.read(8) == b"\x89PNG\r\n\x1a\n"
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(server.url + "files/../../etc/passwd")


def test_server_listens_on_loopback_only(tmp_path):
    with PreviewServer(PreviewState(tmp_path)) as server:
        assert server.httpd.server_address[0] == "127.0.0.1"
        with urllib.request.urlopen(server.url) as answer:
            assert "Әзірге PDF жоқ" in answer.read().decode()


def blank_pdf() -> bytes:
    """A real one-page PDF (pikepdf), enough for the menu and the page count."""
    import io

    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def test_menu_lists_lectures_their_editions_and_the_reader_never_internal_files(tmp_path):
    out = make_files(tmp_path / "dist", {
        "student/lecture02.pdf": blank_pdf(), "teacher/lecture02.pdf": blank_pdf(), "student/lecture03.pdf": blank_pdf(),
        "reader.pdf": blank_pdf(), ".handout-reader-parts/0a1b2c.pdf": blank_pdf(), "thumbnails/lecture02.pdf": blank_pdf(),
    })
    state = PreviewState(out)
    assert state.documents() == ["student/lecture02", "teacher/lecture02", "student/lecture03", "reader"]
    page = page_html(state, None)
    assert "reader-parts" not in page and "0a1b2c" not in page and "thumbnails" not in page
    assert '<a href="/?doc=reader"' in page and "Курс жинағы" in page


def test_page_shows_the_lecture_saved_last(tmp_path):
    out = make_files(tmp_path / "dist", {"student/lecture02.pdf": blank_pdf(), "student/lecture03.pdf": blank_pdf()})
    state = PreviewState(out)
    assert 'data-document="student/lecture02"' in page_html(state, None)
    version = state.version
    state.written("student/lecture03")
    assert state.version == version + 1
    assert 'data-document="student/lecture03"' in page_html(state, None)
    assert 'data-document="student/lecture02"' in page_html(state, "student/lecture02")  # asked for: shown


def nav_height(png: Path) -> int:
    """Rows at the top of a screenshot painted in the menu bar's colour (#222)."""
    from PIL import Image

    image = Image.open(png).convert("RGB")
    rows = 0
    for y in range(image.height):
        if image.getpixel((image.width // 2, y)) != (34, 34, 34):
            break
        rows += 1
    return rows


@needs_chromium
@pytest.mark.parametrize("width", [390, 1280])
def test_menu_is_one_line_on_a_phone_and_a_desktop(tmp_path, browser_profile, width):
    names = {f"{edition}/lecture{number:02d}.pdf": blank_pdf() for number in range(1, 31)
             for edition in ("student", "teacher", "worksheet")}
    state = PreviewState(make_files(tmp_path / "dist", names))
    with PreviewServer(state) as server:
        shot = tmp_path / f"preview-{width}.png"
        subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={browser_profile}", f"--window-size={width},800",
                        f"--screenshot={shot}", server.url], capture_output=True, timeout=60)
    height = nav_height(shot)
    assert 10 < height < 60, height  # 90 documents, yet the closed menu is one line (it was ~360 px)


OVERFLOW_PROBE = """<!DOCTYPE html><html><body style="margin:0; overflow:hidden">
<iframe id=preview src="/?doc={document}" style="display:block; width:{width}px; height:100vh; border:0"></iframe>
<script>
var frame = document.getElementById("preview");
frame.onload = function () {{
  var page = frame.contentDocument;
  page.querySelector("details").open = true;
  var view = page.documentElement.clientWidth, wide = [];
  page.querySelectorAll("body *").forEach(function (element) {{
    var box = element.getBoundingClientRect();
    if (box.right > view + 0.5 || box.left < -0.5) wide.push(element.tagName + " " + element.textContent.slice(0, 40));
  }});
  document.body.setAttribute("data-probe", JSON.stringify({{view: view, scroll: page.documentElement.scrollWidth,
                                                            wide: wide, menu: page.querySelectorAll("nav a").length}}));
}};
</script></body></html>"""


@needs_chromium
def test_nothing_overflows_a_phone_with_the_menu_open(tmp_path, browser_profile):
    """390 px wide, the menu open, a lecture named without a place to break and an error with a long path."""
    import json
    import re

    long_stem = "kazakhstan_in_the_years_of_revolution_and_civil_war_1917_1920"
    names = {f"{edition}/{stem}.pdf": blank_pdf() for stem in (long_stem, "lecture02")
             for edition in ("student", "teacher", "worksheet")}
    state = PreviewState(make_files(tmp_path / "dist", {**names, "reader.pdf": blank_pdf()}))
    state.errors = [f"{tmp_path}/course/{long_stem}.md:12: error: front matter key `date`: expected a date like "
                    "2026-11-30, got '2026-13-45'"]
    (state.out_dir / "probe.html").write_text(OVERFLOW_PROBE.format(document=f"student/{long_stem}", width=390),
                                              encoding="utf-8")
    with PreviewServer(state) as server:
        dom = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={browser_profile}", "--window-size=390,800",
                              "--dump-dom", f"{server.url}files/probe.html"],
                             capture_output=True, text=True, timeout=60).stdout
    probe = json.loads(re.search(r'data-probe="([^"]+)"', dom).group(1).replace("&quot;", '"'))
    assert probe["menu"] == 7 and probe["view"] <= 390  # both lectures' editions and the reader: the menu is there
    assert probe["wide"] == [] and probe["scroll"] == probe["view"], probe


def test_the_preview_speaks_the_course_s_language(tmp_path):
    from handout import lang as languages
    from handout.live.watch import Watcher

    english = SHORT_LECTURE.replace("lang: kk", "lang: en")
    plain = make_files(tmp_path / "plain", {"lecture02.md": english})
    settings = BuildSettings(out_dir=tmp_path / "out")
    assert Watcher(plain, settings).labels_language() == "en"  # no manifest: the first lecture's own
    assert Watcher(plain / "lecture02.md", settings).labels_language() == "en"
    managed = make_files(tmp_path / "managed", {"lecture02.md": english,
                                                 "handout.toml": '[course]\ntitle = "Т"\nlang = "ru"\nlectures = ["*.md"]\n'})
    assert Watcher(managed, settings, out_given=True).labels_language() == "ru"  # the manifest's
    texts = PreviewState(tmp_path / "out", "en").texts
    assert texts["title"] == languages.get("en").labels["preview_title"] != languages.get("kk").labels["preview_title"]
