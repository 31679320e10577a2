"""handout publish: a 4-lecture course, one with an impossible date; the site holds only what students may see."""

import json
import re
import subprocess
import zipfile
from html.parser import HTMLParser

import pytest

from support import CHROMIUM, CHROMIUM_FLAGS, HANDOUT, SHORT_LECTURE, make_files, pdf_text

MANIFEST = '[course]\ntitle = "Қазақстан тарихы"\nlectures = ["lectures/*.md"]\n'


def lecture(number: int, block: str) -> str:
    return (SHORT_LECTURE.replace("number: 2", f"number: {number}")
            .replace("title: Алаш автономиясы", f"title: Алаш {number}")
            .replace("block: 4-БЛОК. КЕҢЕСТІК КЕЗЕҢДЕГІ ҚАЗАҚСТАН", f"block: {block}"))


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """Build with lecture02's date impossible (exit 1, the others built), fix it, publish twice."""
    root = make_files(tmp_path_factory.mktemp("publish") / "course", {
        "handout.toml": MANIFEST,
        **{f"lectures/lecture{n:02d}.md": lecture(n, "1-БЛОК" if n < 3 else "2-БЛОК") for n in (1, 3, 4)},
        "lectures/lecture02.md": lecture(2, "1-БЛОК").replace("date: 2026-11-10", "date: 2026-11-31"),
    })
    bad = subprocess.run([*HANDOUT, "build", str(root), "--jobs", "2"], capture_output=True, text=True, timeout=600)
    check = subprocess.run([*HANDOUT, "check", str(root / "lectures")], capture_output=True, text=True, timeout=120)
    good = root / "lectures" / "lecture02.md"
    good.write_text(good.read_text(encoding="utf-8").replace("2026-11-31", "2026-11-30"), encoding="utf-8")
    site = root.parent / "site"
    first = subprocess.run([*HANDOUT, "publish", str(root), "--site", str(site), "--jobs", "2"],
                           capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    return root, site, bad, check, first


def test_impossible_date_fails_that_lecture_only(published):
    root, _site, bad, check, _first = published
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert re.search(r"lecture02\.md:7: error: .*day is out of range", bad.stderr), bad.stderr
    for number in (1, 3, 4):
        assert re.search(rf"^rebuilt \S*student/lecture{number:02d}\.pdf", bad.stderr, re.M), bad.stderr
    assert not re.search(r"^rebuilt \S*lecture02", bad.stderr, re.M)
    assert check.returncode == 1 and "lecture02.md:7: error:" in check.stdout


def test_site_holds_only_what_students_may_see(published):
    root, site, *_ = published
    names = sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    assert not [name for name in names if "teacher" in name or "/." in f"/{name}" or name.endswith((".json", ".html"))
                and name != "index.html"]
    assert "reader.pdf" in names and "student/lecture02.pdf" in names and "worksheet/lecture04.pdf" in names
    # the answer key: lines of the teacher's copy that the student's copy does not have
    def flat(path) -> str:
        return " ".join(pdf_text(path).split())

    student = flat(root / "dist" / "student" / "lecture01.pdf")
    answers = {" ".join(line.split()) for line in pdf_text(root / "dist" / "teacher" / "lecture01.pdf").splitlines()}
    answers = {line for line in answers if len(line) > 20 and line not in student}
    assert answers
    for name in names:
        data = (site / name).read_bytes()
        if name.endswith(".pdf"):
            text = flat(site / name)
            assert not [line for line in answers if line in text], name
        assert b"/teacher/" not in data
    parser = _Hrefs()
    parser.feed((site / "index.html").read_text(encoding="utf-8"))
    for href in parser.hrefs:
        assert (site / href).is_file(), href
    assert set(parser.hrefs) >= {name for name in names if name.endswith((".pdf", ".zip"))}


def test_bundles_are_reproducible_and_republishing_changes_nothing(published):
    root, site, *_ = published
    with zipfile.ZipFile(site / "bundles" / "course.zip") as archive:
        infos = archive.infolist()
    assert [info.filename for info in infos] == sorted(info.filename for info in infos)
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert len(infos) == 8  # 4 lectures × (student, worksheet)
    before = {path: path.stat().st_mtime_ns for path in site.rglob("*")}
    again = subprocess.run([*HANDOUT, "publish", str(root), "--site", str(site)], capture_output=True, text=True,
                           timeout=300)
    assert again.returncode == 0 and "up to date" in again.stderr
    assert {path: path.stat().st_mtime_ns for path in site.rglob("*")} == before


def test_download_page_names_every_link_and_groups_by_block(published):
    _root, site, *_ = published
    html = (site / "index.html").read_text(encoding="utf-8")
    names = re.findall(r'<a href="[^"]+\.(?:pdf|zip)"[^>]*aria-label="([^"]+)"', html)
    assert len(names) == len(set(names)) == 13  # 4 × (student, worksheet, zip) + the reader
    assert "№3 лекция — Студентке арналған нұсқа, PDF, " in html
    assert html.index("1-БЛОК") < html.index("Алаш 2") < html.index("2-БЛОК") < html.index("Алаш 3")
    assert html.count('<img src="thumbnails/') == 4


@pytest.mark.parametrize("width", [390, 1280])
def test_download_page_fits_and_filters_in_chromium(published, tmp_path, width):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (scripts/bootstrap test installs it)")
    _root, site, *_ = published
    probe = site.parent / f"probe-{width}.html"  # beside the site, so the thumbnails resolve the same way
    page = (site / "index.html").read_text(encoding="utf-8").replace('src="thumbnails/', f'src="{site.name}/thumbnails/')
    probe.write_text(page.replace("</body>", """<script>
var f = document.getElementById("filter"); var wide = document.documentElement.scrollWidth;
f.value = "алаш 3"; f.dispatchEvent(new Event("input"));
var shown = [].filter.call(document.querySelectorAll("li.lecture"), function (li) { return !li.hidden; }).length;
document.body.setAttribute("data-probe", JSON.stringify({wide: wide, view: innerWidth, shown: shown}));
</script></body>"""), encoding="utf-8")
    flags = [*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={width},900"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", probe.as_uri()], capture_output=True, text=True, timeout=120)
    probe_data = json.loads(re.search(r'data-probe="([^"]+)"', dom.stdout).group(1).replace("&quot;", '"'))
    # --dump-dom lays the page out at least 500 px wide; the 390 px screenshot below is looked at by a person
    assert probe_data["wide"] <= max(width, probe_data["view"]) and probe_data["shown"] == 1
    shot = tmp_path / f"index-{width}.png"
    subprocess.run([CHROMIUM, *flags, f"--screenshot={shot}", (site / "index.html").as_uri()],
                   capture_output=True, timeout=120)
    assert shot.is_file() and shot.stat().st_size > 5000



class _Hrefs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.hrefs.append(value)
