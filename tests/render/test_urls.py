"""Untrusted lectures stay contained: every escape attempt is refused and reported with its line."""

from __future__ import annotations

import base64
import socket
import threading
from pathlib import Path

import pytest

from handout.diagnostics import Diagnostics
from handout.render.html import lecture_context
from handout.render.urls import MAX_DATA_URL_CHARS, RefusedURL, URLPolicy, make_url_fetcher
from handout.source.lecture import load_lecture
from support import make_files

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
HEADER = "---\ntitle: Қауіпсіздік\n---\n## Бөлім\n\n"


def render_block(tmp_path: Path, markdown: str) -> tuple[str, list]:
    """Render one block (line 6 of the lecture) and return its HTML and the diagnostics."""
    course = make_files(tmp_path / "course", {"lecture.md": HEADER + markdown + "\n", "images/ok.png": PNG})
    make_files(tmp_path, {"secret.png": PNG, "secret.txt": "құпия"})
    (course / "images" / "link.png").symlink_to(tmp_path / "secret.png")
    diagnostics = Diagnostics()
    lecture = load_lecture(course / "lecture.md", diagnostics)
    context = lecture_context(lecture, "kk", diagnostics)
    return "".join(context["sections"][0]["blocks"]), diagnostics.items


ESCAPES = {
    "file-url-image": ("![x](file:///etc/passwd)", "/etc/passwd", "refused-url"),
    "dotdot-image": ("![x](../secret.png)", "secret.png", "refused-url"),
    "symlink-out": ("![x](images/link.png)", "link.png", "refused-url"),
    "http-image": ("![x](http://example.com/a.png)", "example.com", "refused-url"),
    "https-image": ("![x](https://example.com/a.png)", "example.com", "refused-url"),
    "ftp-image": ("![x](ftp://example.com/a.png)", "example.com", "refused-url"),
    "huge-data-url": (f"![x](data:image/png;base64,{'A' * (MAX_DATA_URL_CHARS + 10)})", "data:", "refused-url"),
    "script": ("<script>alert(document.cookie)</script>", "<script", "unsafe-html"),
    "iframe": ('<iframe src="https://example.com/"></iframe>', "<iframe", "unsafe-html"),
    "object": ('<object data="/etc/passwd"></object>', "<object", "unsafe-html"),
    "embed": ('<embed src="/etc/passwd">', "<embed", "unsafe-html"),
    "link-stylesheet": ('<link rel="stylesheet" href="http://example.com/x.css">', "<link", "unsafe-html"),
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=http://example.com">', "<meta", "unsafe-html"),
    "base": ('<base href="http://example.com/">', "<base", "unsafe-html"),
    "event-handler": ('<img src="images/ok.png" onerror="alert(1)">', "onerror", "unsafe-html"),
    "javascript-link": ("[click](javascript:alert(1))", "javascript", "refused-url"),
    "entity-javascript-link": ('<a href="&#106;avascript:alert(1)">x</a>', "avascript", "refused-url"),
    "css-import": ("<style>@import url(/etc/passwd); p { color: red }</style>", "/etc/passwd", "refused-url"),
    "css-import-http": ('<style>@import "http://example.com/x.css";</style>', "example.com", "refused-url"),
    "style-attribute-url": ('<p style="background: url(file:///etc/passwd)">x</p>', "passwd", "unsafe-html"),
    "svg-image": ('<svg><image href="file:///etc/passwd"/></svg>', "<svg", "unsafe-html"),
}


@pytest.mark.parametrize("name", ESCAPES)
def test_escape_is_refused_and_reported_with_its_line(name, tmp_path):
    markdown, needle, code = ESCAPES[name]
    html, items = render_block(tmp_path, markdown)
    assert needle.lower() not in html.lower()
    assert "javascript" not in html.lower() and "<script" not in html and "passwd" not in html
    assert any(item.code == code and item.line == 6 and item.path.endswith("lecture.md") for item in items), items


def test_what_is_safe_stays(tmp_path):
    small = "data:image/png;base64," + base64.b64encode(PNG).decode()
    html, items = render_block(tmp_path, f'![ok](images/ok.png) ![dot]({small}) [site](https://kk.wikipedia.org) '
                                         '<b class="x">қалың</b> [top](#s-1)\n\n<style>p { color: #333 }</style>')
    assert items == []
    assert 'src="images/ok.png"' in html and small in html and 'href="https://kk.wikipedia.org"' in html
    assert '<b class="x">қалың</b>' in html and "<style>p { color: #333 }</style>" in html


def test_stray_end_tags_cannot_close_the_template(tmp_path):
    html, _ = render_block(tmp_path, "мәтін </section></main></body> соңы")
    assert "</section>" not in html and "</main>" not in html and "</body>" not in html


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "http://example.com/a.png", "https://example.com/a.png", "ftp://example.com/a.png",
    "data:image/png;base64," + "A" * MAX_DATA_URL_CHARS, "gopher://example.com/", "file://otherhost/etc/passwd",
])
def test_fetcher_refuses_and_reports(url, tmp_path):
    diagnostics = Diagnostics()
    fetcher = make_url_fetcher(tmp_path, diagnostics, tmp_path / "lecture.md")
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert [item.code for item in diagnostics.items] == ["refused-url"]


def test_fetcher_refuses_symlinks_and_dotdot_but_serves_the_course(tmp_path):
    course = make_files(tmp_path / "course", {"images/ok.png": PNG})
    make_files(tmp_path, {"secret.png": PNG})
    (course / "images" / "link.png").symlink_to(tmp_path / "secret.png")
    fetcher = make_url_fetcher(course, Diagnostics())
    response = fetcher.fetch((course / "images" / "ok.png").as_uri())
    assert response.read() == PNG
    for url in [(course / "images" / "link.png").as_uri(), course.as_uri() + "/../secret.png"]:
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)


def test_weasyprint_itself_never_loads_an_outside_file(tmp_path):
    """Bypass the sanitizer: raw HTML straight into WeasyPrint still cannot read /etc/passwd."""
    from handout.typeset.engine import render_document

    diagnostics = Diagnostics()
    html = ('<html><body><p>x</p><img src="file:///etc/passwd"><img src="../secret.png">'
            '<p style="background: url(http://example.com/a.png)">y</p></body></html>')
    make_files(tmp_path, {"secret.png": PNG})
    render_document(html, tmp_path / "course", diagnostics, tmp_path / "course" / "lecture.md")
    refused = [item.message for item in diagnostics.items if item.code == "refused-url"]
    assert any("/etc/passwd" in message for message in refused)
    assert any("secret.png" in message for message in refused)
    assert any("example.com" in message for message in refused)


class ConnectionCounter:
    """A TCP listener on 127.0.0.1 that only counts connection attempts (no data is served)."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.port = self.server.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()


def test_a_refused_long_path_keeps_its_file_name(tmp_path):
    """Messages cut long paths to 80 characters in the middle, so the refused file's name survives."""
    from handout.render.urls import resolve_inside

    outside = "/" + "/".join(["a-rather-long-folder-name"] * 6) + "/secret.png"
    with pytest.raises(RefusedURL) as refused:
        resolve_inside("file://" + outside, tmp_path)
    shown = str(refused.value).split(" is outside")[0]
    assert len(shown) == 80 and shown.startswith("/a-rather-long") and shown.endswith("/secret.png")


def test_allow_host_opens_https_for_that_host_only(tmp_path):
    counter = ConnectionCounter()
    try:
        url = f"https://127.0.0.1:{counter.port}/map.png"
        refusing = make_url_fetcher(tmp_path, Diagnostics(), allowed_hosts=("maps.example.org",))
        with pytest.raises(RefusedURL, match="--allow-host 127.0.0.1"):
            refusing.fetch(url)
        assert counter.connections == 0
        allowing = make_url_fetcher(tmp_path, Diagnostics(), allowed_hosts=("127.0.0.1",))
        with pytest.raises(Exception) as failure:  # the listener speaks no TLS: the fetch was attempted
            allowing.fetch(url)
        assert not isinstance(failure.value, RefusedURL)
        assert counter.connections == 1
        with pytest.raises(RefusedURL):  # plain http stays closed even for an allowed host
            allowing.fetch(f"http://127.0.0.1:{counter.port}/map.png")
        assert counter.connections == 1
    finally:
        counter.server.close()


def test_policy_allows_the_opted_in_host_only():
    policy = URLPolicy(Path("/course"), ("maps.example.org",))
    assert policy.check("https://maps.example.org/a.png") == "https://maps.example.org/a.png"
    assert policy.check("https://MAPS.example.org/a.png")
    for url in ("https://evil.example.org/a.png", "https://maps.example.org.evil.com/a.png",
                "http://maps.example.org/a.png", "https://user@evil.com/a.png"):
        with pytest.raises(RefusedURL):
            policy.check(url)


def test_allow_host_on_the_command_line_lets_only_that_host_through(tmp_path):
    """Refused by default with advice; with --allow-host the build tries the host (port 9 refuses at once)."""
    import subprocess

    from support import HANDOUT

    lecture = tmp_path / "map.md"
    lecture.write_text("---\ntitle: Сурет\n---\n## Бөлім\n\n![карта](https://127.0.0.1:9/map.png)\n", encoding="utf-8")
    command = [*HANDOUT, "build", str(lecture), "--out", str(tmp_path / "out"), "--edition", "student"]
    refused = subprocess.run(command, capture_output=True, text=True)
    assert refused.returncode == 0 and "[refused-url]" in refused.stderr and "--allow-host 127.0.0.1" in refused.stderr
    other = subprocess.run([*command, "--allow-host", "example.org"], capture_output=True, text=True)
    assert "[refused-url]" in other.stderr
    allowed = subprocess.run([*command, "--allow-host", "127.0.0.1"], capture_output=True, text=True)
    assert "[refused-url]" not in allowed.stderr and "Connection refused" in allowed.stderr
