"""Make the HTML a lecture's Markdown produces safe to typeset: an allow-list, rebuilt tag by tag.

Markdown passes raw HTML through, so a lecture could carry ``<script>``, ``<iframe>``,
``<link rel=stylesheet href=http://…>``, event handlers, ``javascript:`` links or a
``<style>`` that imports ``/etc/passwd``. Instead of hunting for bad things, the
sanitizer re-emits only known tags and attributes, checks every URL against the
:class:`~handout.render.urls.URLPolicy`, closes what the author left open (so a stray
``</div>`` or an unclosed ``<div>`` cannot swallow the rest of the page) and reports
each refusal as a warning with the block's line. Missing images and files that are
not images are errors: the printed handout would have a hole.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from markdown.postprocessors import Postprocessor

from ..diagnostics import Diagnostics
from ..errors import HandoutError
from ..source.limits import MAX_NESTING
from ..sandbox import exists
from .urls import RefusedURL, URLPolicy

ALLOWED_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code",
    "hr", "br", "wbr", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "span",
    "div", "abbr", "cite", "q", "kbd", "samp", "var", "time", "a", "img", "figure", "figcaption", "table",
    "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "section", "aside", "style",
})
DROPPED_WITH_CONTENT = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "template", "noscript",
    "svg", "math", "textarea", "select", "button", "title", "head", "video", "audio", "canvas", "map",
})
"""Tags whose content is code or a foreign document, not text: removed with everything inside."""
VOID_TAGS = frozenset({"br", "hr", "img", "col", "wbr", "link", "meta", "base", "input", "source", "track",
                       "param", "area", "embed", "keygen"})
OPTIONAL_END = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup"})
"""Tags HTML lets an author leave open: closed silently."""
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "style"})
TAG_ATTRIBUTES = {
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
}
LINK_SCHEMES = ("http", "https", "mailto")
"""Link targets printed as clickable links; they are never fetched."""
_UNSAFE_STYLE = re.compile(r"url\s*\(|@import|expression\s*\(|\\|javascript:|behavior\s*:", re.IGNORECASE)
_CSS_URLS = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE | re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")


class HtmlSanitizer:
    """Rebuild a block's HTML from an allow-list, checking URLs and reporting what it removes."""

    def __init__(self, policy: URLPolicy, source: Path | None = None, diagnostics: Diagnostics | None = None,
                 base: Path | None = None):
        self.policy = policy
        self.source = source
        self.diagnostics = diagnostics if diagnostics is not None else Diagnostics()
        self.base = base if base is not None else (source.parent if source is not None else None)
        """Folder relative URLs start from; None: relative URLs are kept unchecked."""
        self.line: int | None = None
        """Source line of the block being converted (set by the converter)."""
        self.block_text = ""

    def clean(self, markup: str) -> str:
        """Return ``markup`` rebuilt from allowed tags and attributes, every URL checked."""
        if "<" not in markup:
            return markup
        parser = _RebuildingParser(self)
        parser.feed(markup)
        parser.close()
        return parser.result()

    def warn(self, code: str, message: str, needle: str = "") -> None:
        self.diagnostics.warn(self.source, self.line_of(needle), code, message)

    def line_of(self, needle: str) -> int | None:
        """Return the source line of ``needle`` inside the block, else the block's first line."""
        if self.line is None:
            return None
        index = self.block_text.find(needle) if needle else -1
        return self.line + self.block_text.count("\n", 0, index) if index > 0 else self.line

    def check_image(self, src: str) -> str | None:
        """Return the URL an ``<img>`` may load, None if refused; raise if the image is missing or not one."""
        if self.base is None and not re.match(r"^\s*[A-Za-z][A-Za-z0-9+.-]*:", src):
            return src
        try:
            url = self.policy.check(_CONTROL.sub("", src) if src.lower().lstrip().startswith("data:") else src, self.base)
        except RefusedURL as refusal:
            self.warn("refused-url", f"image not loaded: {refusal}", src)
            return None
        if url.startswith("file:") and self.base is not None:
            from urllib.parse import unquote, urlparse

            path = Path(unquote(urlparse(url).path))
            if not exists(path) or not path.is_file():
                raise HandoutError(f"image {src!r} not found; check the file name (paths start at the lecture's folder)",
                                   self.source, self.line_of(src))
            with path.open("rb") as stream:
                head = stream.read(512)
            if not _looks_like_image(head):
                raise HandoutError(f"{src!r} is not an image; give a PNG, JPEG, GIF, WebP or SVG file",
                                   self.source, self.line_of(src))
            problem = _image_problem(path, head)
            if problem:
                self.warn("bad-image", f"image {src!r} left out: {problem}", src)
                return None
        return src if not src.lower().lstrip().startswith("data:") else url

    def check_link(self, href: str) -> str | None:
        """Return the link target to keep, None if refused; warn about links to missing files."""
        compact = _CONTROL.sub("", href)
        if compact.startswith("#") or not compact:
            return href
        scheme = compact.split(":", 1)[0].lower() if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", compact) else ""
        if scheme in LINK_SCHEMES:
            return href
        if scheme:
            self.warn("refused-url", f"link removed: {scheme}: links are not allowed in a handout", href)
            return None
        if self.base is None:
            return href
        target = href.split("#", 1)[0].split("?", 1)[0]
        try:
            self.policy.check(target, self.base)
        except RefusedURL as refusal:
            self.warn("refused-url", f"link removed: {refusal}", href)
            return None
        if not target:
            return href
        if not exists(self.base / target):
            self.warn("broken-link", f"link to {target!r}, which does not exist; check the file name "
                      "(the link is removed, its text kept)", href)
            return None
        # WeasyPrint would write the file's absolute URL (this computer's folders) into the PDF,
        # and a printed or mailed handout cannot open a file beside it anyway.
        self.warn("local-link", f"link to the local file {target!r} removed, its text kept: a PDF cannot open "
                  "files beside it; name the file in the text, or link to a web page", href)
        return None

    def check_style_attribute(self, tag: str, value: str) -> str | None:
        if _UNSAFE_STYLE.search(value):
            self.warn("unsafe-html", f"style attribute of <{tag}> removed: it loads resources or hides code; "
                      "use the course stylesheet instead", value[:40])
            return None
        return value

    def check_stylesheet(self, css: str) -> bool:
        """Allow a ``<style>`` only if every ``url()`` and ``@import`` stays inside the course folder."""
        if "expression(" in css.lower() or "\\" in css:
            self.warn("unsafe-html", "<style> removed: CSS escapes and expressions are not allowed", "<style")
            return False
        for match in _CSS_URLS.finditer(css):
            url = match.group(2) or match.group(4) or ""
            try:
                self.policy.check(url, self.base or self.policy.root)
            except RefusedURL as refusal:
                self.warn("refused-url", f"<style> removed: {refusal}", url or "<style")
                return False
        return True


MAX_IMAGE_BYTES = 20 * 1024 * 1024
"""Largest picture file typeset (a full-page photo at print resolution is a few MB)."""
MAX_IMAGE_PIXELS = 50_000_000
"""Most pixels a picture may have (about 8,000 × 6,000); WeasyPrint would hold every one in memory."""
MAX_TABLE_COLUMNS = 20
"""Most columns a table may have before its right side falls off the page."""


def _image_problem(path: Path, head: bytes) -> str | None:
    """Say why a raster picture would leave a hole or exhaust memory (too big, truncated, corrupt), else None."""
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return f"the file has {size // 1024 // 1024} MB, more than {MAX_IMAGE_BYTES // 1024 // 1024} MB; scale it down"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
        return None  # SVG: WeasyPrint reads it as XML and reports its own errors
    import warnings

    from PIL import Image, ImageFile

    # WeasyPrint sets LOAD_TRUNCATED_IMAGES on import, which would make a truncated file load "fine".
    truncated_ok, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    return (f"it is {width:,} × {height:,} pixels, more than {MAX_IMAGE_PIXELS:,}; "
                            "scale it down")
                image.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        reason = str(error) or type(error).__name__
        return f"it cannot be decoded ({reason[:120]}); the file is damaged or truncated: save or export it again"
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = truncated_ok
    return None


def _looks_like_image(head: bytes) -> bool:
    if head.startswith(_IMAGE_SIGNATURES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return True
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<svg", b"<?xml")) and b"<svg" in head.lower() or text.startswith(b"<!doctype svg")


class _RebuildingParser(HTMLParser):
    """Re-emit allowed HTML; keep a stack so every kept element is closed exactly once."""

    def __init__(self, sanitizer: HtmlSanitizer):
        super().__init__(convert_charrefs=True)
        self.sanitizer = sanitizer
        self.out: list[str] = []
        self.open: list[str] = []
        self.dropping: list[str] = []
        """Stack of dropped elements whose content is dropped too."""
        self.style: list[str] | None = None
        """Text of a ``<style>`` being collected, checked once it closes."""
        self.cells = 0
        """Cells seen in the current table row."""
        self.wide_table_reported = False

    def _count_cell(self) -> None:
        self.cells += 1
        if self.cells == MAX_TABLE_COLUMNS + 1 and not self.wide_table_reported:
            self.wide_table_reported = True
            self.sanitizer.warn("wide-table", f"a table row has more than {MAX_TABLE_COLUMNS} columns; the page is "
                                "too narrow and the columns past the edge would be cut off: split the table or turn it",
                                "|")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs, closed: bool) -> None:
        if self.dropping:
            if tag == self.dropping[-1] and not closed:
                self.dropping.append(tag)
            return
        warn = self.sanitizer.warn
        if tag == "style" and not closed:
            self.style = []
            self.dropping.append(tag)
            return
        if tag in DROPPED_WITH_CONTENT or tag not in ALLOWED_TAGS:
            dangerous = tag in DROPPED_WITH_CONTENT or tag in VOID_TAGS or tag in ("form", "input", "base", "meta")
            code = "unsafe-html" if dangerous else "unknown-html"
            warn(code, f"<{tag}> removed: raw HTML of this kind is not allowed in a handout", f"<{tag}")
            if tag in DROPPED_WITH_CONTENT and not closed and tag not in VOID_TAGS:
                self.dropping.append(tag)
            return
        if len(self.open) >= MAX_NESTING:
            raise HandoutError(f"lists or HTML nested more than {MAX_NESTING} levels deep; flatten them",
                               self.sanitizer.source, self.sanitizer.line_of(""))
        if tag in ("td", "th"):
            self._count_cell()
        elif tag == "tr":
            self.cells = 0
        kept = self._attributes(tag, attrs)
        if tag == "img" and "src" not in dict(kept):
            return
        rendered = "".join(f' {name}="{html.escape(value)}"' for name, value in kept)
        self.out.append(f"<{tag}{rendered}>")
        if tag not in VOID_TAGS and not closed:
            self.open.append(tag)

    def _attributes(self, tag: str, attrs) -> list[tuple[str, str]]:
        allowed = GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, set())
        kept = []
        for name, value in attrs:
            value = value or ""
            if name not in allowed:
                kind = "event handler" if name.startswith("on") else "attribute"
                self.sanitizer.warn("unsafe-html", f"{kind} {name}= of <{tag}> removed", name + "=")
                continue
            if name == "src":
                value = self.sanitizer.check_image(value)
            elif name == "href":
                value = self.sanitizer.check_link(value)
            elif name == "style":
                value = self.sanitizer.check_style_attribute(tag, value)
            if value is not None:
                kept.append((name, value))
        return kept

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
                if not self.dropping and self.style is not None:
                    self._close_style()
            return
        if tag not in self.open:
            return  # a stray end tag must not close the template's elements
        while self.open:
            current = self.open.pop()
            self.out.append(f"</{current}>")
            if current == tag:
                break
            if current not in OPTIONAL_END:
                self._report_unclosed(current)

    def _report_unclosed(self, tag: str) -> None:
        self.sanitizer.warn("unclosed-html", f"<{tag}> is never closed; it is closed at the end of its paragraph",
                            f"<{tag}")

    def _close_style(self) -> None:
        css = "".join(self.style or [])
        self.style = None
        if self.sanitizer.check_stylesheet(css):
            self.out.append("<style>" + css.replace("</", "<\\/") + "</style>")

    def handle_data(self, data: str) -> None:
        if self.style is not None:
            self.style.append(data)
        elif not self.dropping:
            self.out.append(html.escape(data, quote=False))

    def result(self) -> str:
        if self.style is not None:
            self._close_style()
        left_open = [tag for tag in self.open if tag not in OPTIONAL_END]
        if left_open:
            self._report_unclosed(left_open[-1])
        self.out.extend(f"</{tag}>" for tag in reversed(self.open))
        self.open.clear()
        return "".join(self.out)


class SanitizingPostprocessor(Postprocessor):
    """Run last, after Python-Markdown has put the raw HTML back into the output."""

    def __init__(self, md, sanitizer: HtmlSanitizer):
        super().__init__(md)
        self.sanitizer = sanitizer

    def run(self, text: str) -> str:
        return self.sanitizer.clean(text)


POSTPROCESSOR_PRIORITY = 5
"""Below ``raw_html`` (30) and ``amp_substitute`` (20): sees the final HTML."""
