"""Live preview: serve the output folder on loopback with a page that shows the PDFs' pages.

The page shows each page of the chosen PDF as a PNG, rendered on request with PDFium and kept
in memory: the preview writes nothing into the output folder and needs no HTML output, so
``watch --serve`` builds exactly what ``build`` builds (one cache for both). The page asks
``/version`` a few times a second; the watcher bumps the version as soon as the saved lecture's
student PDF is written (not after the whole rebuild), and the page then shows that lecture.
Its menu lists the lectures with their editions, and the reader; it loads nothing from outside.
"""

from __future__ import annotations

import html
import io
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from .. import lang as languages
from ..render.html import EDITIONS
from ..publish import pdfium

POLL_MS = 300
PNG_SCALE = 1.5
"""Page image scale: 1.5 × 72 dpi = 108 dpi, sharp enough on screen and quick to render."""
MAX_PAGE_DIGITS = 6
"""Longest page number the preview asks for (a million pages)."""


class PreviewState:
    """What the page shows: the output folder, a version bumped per rebuild, the last error."""

    def __init__(self, out_dir: Path, lang: str | None = None):
        self.out_dir = out_dir.resolve()
        language = languages.get(lang if languages.known(lang) else None)
        self.lang = language.code
        self.texts = {key: language.labels[f"preview_{key}"] for key in ("title", "empty", "page", "error")}
        self.reader_label = language.labels["course_reader"]
        self.version = 0
        self.focus: str | None = None
        """The document the page shows when none is asked for: the lecture saved last."""
        self.errors: list[str] = []
        self.page_loads = 0
        """How many times the preview page itself was served (each browser reload counts one)."""
        self.requests: list[str] = []
        """Paths (with query) of every request, in order: lets tests see what the browser fetched."""
        self._png_cache: dict[tuple, bytes] = {}
        self._png_cache_lock = threading.Lock()  # PDFium has its own, process-wide (publish.pdfium.LOCK)

    def rebuilt(self, errors: list[str] | None = None) -> None:
        """Tell waiting pages that a rebuild finished (successful or not)."""
        self.errors = list(errors or [])
        self.version += 1

    def written(self, document: str) -> None:
        """Tell waiting pages that ``edition/stem`` was just written: they reload and show it."""
        self.focus = document
        self.version += 1

    def documents(self) -> list[str]:
        """List ``edition/stem`` of the lectures' PDFs (student first) and ``reader``; never internal files."""
        found = sorted(path.relative_to(self.out_dir).with_suffix("").as_posix()
                       for edition in EDITIONS for path in (self.out_dir / edition).glob("*.pdf"))
        found.sort(key=lambda name: (name.split("/", 1)[1], EDITIONS.index(name.split("/", 1)[0])))
        return found + (["reader"] if (self.out_dir / "reader.pdf").is_file() else [])

    def lectures(self) -> dict[str, list[str]]:
        """Group the documents: {lecture stem: [its documents, student first]}, the reader last."""
        grouped: dict[str, list[str]] = {}
        for name in self.documents():
            grouped.setdefault(name.split("/", 1)[-1], []).append(name)
        return grouped

    def pdf_path(self, document: str) -> Path | None:
        return _inside(self.out_dir, document + ".pdf")

    def page_count(self, document: str) -> int:
        path = self.pdf_path(document)
        if path is None or not path.is_file():
            return 0
        return pdfium.page_count(path) or 0  # not a PDF (yet): the next rebuild brings one

    def page_png(self, document: str, number: int) -> bytes | None:
        """Render one page of the current PDF to PNG (cached until the PDF changes)."""
        path = self.pdf_path(document)
        if path is None or not path.is_file():
            return None
        key = (document, number, path.stat().st_mtime_ns)
        with self._png_cache_lock:
            if key in self._png_cache:
                return self._png_cache[key]
        image = pdfium.render_page(path, number, scale=PNG_SCALE)
        if image is None:
            return None
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")  # outside PDFium's lock: the other threads' pages need not wait for it
        with self._png_cache_lock:
            if len(self._png_cache) > 256:
                self._png_cache.clear()
            self._png_cache[key] = buffer.getvalue()
        return buffer.getvalue()


def _inside(root: Path, relative: str) -> Path | None:
    """Resolve a URL path under ``root``; None if it would leave it."""
    candidate = (root / unquote(relative).lstrip("/")).resolve()
    return candidate if candidate == root or root in candidate.parents else None


def page_html(state: PreviewState, document: str | None) -> str:
    """Build the preview page: a menu of lectures and their editions, the pages, and the reload script."""
    texts = state.texts
    documents = state.documents()
    if document not in documents:
        document = state.focus if state.focus in documents else (documents[0] if documents else None)
    menu = "\n".join(_menu_entry(stem, names, document, state) for stem, names in state.lectures().items())
    if document is None:
        body = f"<p class=empty>{html.escape(texts['empty'])}</p>"
    else:
        count = state.page_count(document)
        body = "\n".join(
            f'<figure><img src="/page/{quote(document)}/{number}.png?v={state.version}" '
            f'alt="{number} {html.escape(texts["page"])}"><figcaption>{number}</figcaption></figure>'
            for number in range(1, count + 1)
        )
    error = "".join(
        f"<pre class=error>{html.escape(texts['error'])}\n{html.escape(message)}</pre>" for message in state.errors
    )
    return PAGE.format(lang=state.lang, title=html.escape(texts["title"]), version=state.version, menu=menu,
                       error=error, body=body, poll_ms=POLL_MS, document=html.escape(document or ""))


def _menu_entry(stem: str, names: list[str], current: str | None, state: PreviewState) -> str:
    """One line of the menu: a lecture and links to its editions, or the reader."""
    def link(name: str, text: str) -> str:
        here = " aria-current=page" if name == current else ""
        return f'<a href="/?doc={quote(name)}"{here}>{html.escape(text)}</a>'

    if names == ["reader"]:
        return f"<li>{link('reader', state.reader_label)}</li>"
    return f"<li><span class=lecture>{html.escape(stem)}</span> " + " ".join(
        link(name, name.split("/", 1)[0]) for name in names) + "</li>"


PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ margin: 0; background: #6b6b6b; font: 14px sans-serif; }}
nav {{ background: #222; padding: 4px 8px; }}
nav details {{ color: #ddd; }}
nav summary {{ cursor: pointer; padding: 4px 0; word-break: break-all; }}
nav ul {{ list-style: none; margin: 0; padding: 0; max-height: 40vh; overflow-y: auto; }}
nav li {{ padding: 2px 0; overflow-wrap: anywhere; }}
nav .lecture {{ color: #aaa; margin-right: 6px; }}
nav a {{ display: inline-block; color: #ddd; margin-right: 10px; padding: 4px 0; text-decoration: none; }}
nav a[aria-current] {{ color: #fff; font-weight: bold; }}
main {{ display: flex; flex-direction: column; align-items: center; gap: 16px; padding: 16px 4px; }}
figure {{ margin: 0; }} figcaption {{ color: #eee; text-align: center; }}
img {{ display: block; max-width: 95vw; background: #fff; box-shadow: 0 2px 8px #0008; }}
.error {{ background: #fee; color: #900; padding: 8px; white-space: pre-wrap; overflow-wrap: anywhere; width: 90vw;
          box-sizing: border-box; }}
.empty {{ color: #fff; }}
</style></head>
<body data-version="{version}" data-document="{document}">
<nav><details><summary>{document}</summary><ul>{menu}</ul></details></nav>
<main>{error}{body}</main>
<script>
const shown = {version};
async function poll() {{
  try {{
    const answer = await fetch("/version?since=" + shown, {{cache: "no-store"}});
    const [version, focus] = (await answer.text()).split(" ");
    if (Number(version) !== shown) {{
      // After a save, show the saved lecture; after a rebuild of the same one, stay on this page.
      const asked = new URLSearchParams(location.search).get("doc");
      if (focus && asked && asked !== focus && asked.split("/").pop() !== focus.split("/").pop()) location.search = "";
      else location.reload();
      return;
    }}
  }} catch (error) {{ /* the watcher may be restarting: try again */ }}
  setTimeout(poll, {poll_ms});
}}
setTimeout(poll, {poll_ms});
</script>
</body></html>
"""


class _Handler(BaseHTTPRequestHandler):
    state: PreviewState  # set on the subclass made per server

    def log_message(self, format: str, *args) -> None:  # keep the terminal for status lines
        pass

    def do_GET(self) -> None:
        self.state.requests.append(self.path)
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if url.path == "/":
            self.state.page_loads += 1
            self._send(page_html(self.state, query.get("doc", [None])[0]).encode(), "text/html; charset=utf-8")
        elif url.path == "/version":
            self._send(f"{self.state.version} {self.state.focus or ''}".strip().encode(), "text/plain")
        elif url.path.startswith("/page/") and url.path.endswith(".png"):
            self._send_page(url.path[len("/page/"):-len(".png")])
        elif url.path.startswith("/files/"):
            self._send_file(url.path[len("/files/"):])
        else:
            self._send(b"not found", "text/plain", HTTPStatus.NOT_FOUND)

    def _send_page(self, rest: str) -> None:
        document, _, number = unquote(rest).rpartition("/")
        # ASCII digits only, and few of them: "²" is a digit to isdigit() but not to int(), and
        # a 5,000-digit number is past int()'s limit; neither can be a page.
        page = int(number) if number.isascii() and number.isdigit() and len(number) <= MAX_PAGE_DIGITS else None
        png = self.state.page_png(document, page) if page is not None and document else None
        if png is None:
            self._send(b"no such page", "text/plain", HTTPStatus.NOT_FOUND)
        else:
            self._send(png, "image/png")

    def _send_file(self, relative: str) -> None:
        path = _inside(self.state.out_dir, relative)
        if path is None or not path.is_file():
            self._send(b"not found", "text/plain", HTTPStatus.NOT_FOUND)
            return
        kinds = {".pdf": "application/pdf", ".html": "text/html; charset=utf-8", ".png": "image/png"}
        self._send(path.read_bytes(), kinds.get(path.suffix, "application/octet-stream"))

    def _send(self, body: bytes, kind: str, status: HTTPStatus = HTTPStatus.OK) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class PreviewServer:
    """A threaded HTTP server on loopback (port 0: a free one) serving one :class:`PreviewState`."""

    def __init__(self, state: PreviewState, port: int = 0, host: str = "127.0.0.1"):
        handler = type("PreviewHandler", (_Handler,), {"state": state})
        self.state = state
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="handout-preview", daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def start(self) -> "PreviewServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "PreviewServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


__all__ = ["PreviewServer", "PreviewState", "page_html"]
