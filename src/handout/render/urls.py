"""What a lecture may load: only files inside its course folder, nothing from the network.

Lectures come from many teachers, so their content is untrusted. One policy decides
every URL, both when the sanitizer checks the HTML a lecture produces (with the
block's line, before WeasyPrint runs) and when WeasyPrint's fetcher is asked for a
resource (the last line of defence, e.g. for ``url()`` in a ``style`` attribute):

- ``file:`` and relative URLs: served only when the path, symlinks resolved, lies
  inside the course folder (no ``..`` escapes, no symlinks out, no ``/etc/passwd``);
- ``data:`` URLs: allowed up to :data:`MAX_DATA_URL_CHARS` (a small inline icon is
  harmless; megabytes of base64 are not);
- ``https:`` only for hosts the teacher names with ``--allow-host`` (an opt-in on the
  command line, never in the lecture itself, so an untrusted file cannot open the
  door for itself); plain ``http:``, ``ftp:`` and everything else: never.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from ..diagnostics import Diagnostics
from ..sandbox import is_inside

MAX_DATA_URL_CHARS = 64 * 1024
"""Largest ``data:`` URL served (about 48 KB of image: an icon or a small diagram); larger ones are refused."""


MAX_NAME_BYTES = 255
"""Longest file name (one path component) Linux file systems allow."""
MAX_PATH_BYTES = 4096
"""Longest path the kernel accepts."""


class RefusedURL(Exception):
    """A resource the sandbox does not serve."""


@dataclass(frozen=True)
class URLPolicy:
    """Which resources a lecture may load."""

    root: Path
    """The course folder: only files inside it are served."""
    allowed_hosts: tuple[str, ...] = ()
    """Hosts whose ``https:`` resources the teacher opted in to (``--allow-host``)."""

    def check(self, url: str, base: Path | None = None) -> str:
        """Return the absolute URL to fetch, or raise :class:`RefusedURL` saying why."""
        url = url.strip()
        scheme = urlparse(url).scheme.lower()
        if scheme == "" and base is not None:
            url = urljoin(base.resolve().as_uri() + "/", url)
            scheme = "file"
        if scheme == "file":
            resolve_inside(url, self.root)
            return url
        if scheme == "data":
            if len(url) > MAX_DATA_URL_CHARS:
                raise RefusedURL(f"data: URL of {len(url) // 1024} KB is larger than the {MAX_DATA_URL_CHARS // 1024} KB "
                                 "allowed; save the image as a file beside the lecture")
            return url
        host = (urlparse(url).hostname or "").lower()
        if scheme == "https" and host and host in {name.lower() for name in self.allowed_hosts}:
            return url
        if scheme in ("http", "https", "ftp"):
            hint = f"; to allow it, build with --allow-host {host}" if scheme == "https" and host else \
                "; save the file beside the lecture instead"
            raise RefusedURL(f"network resources are not fetched: {_short(url)}{hint}")
        raise RefusedURL(f"{scheme or 'this kind of'} URL is not allowed: {_short(url)}")


def resolve_inside(url: str, root: Path) -> Path:
    """Map a ``file:`` URL to a path under ``root`` (symlinks resolved) or refuse it."""
    parsed = urlparse(url)
    if parsed.scheme != "file":
        raise RefusedURL(f"{parsed.scheme or 'relative'} URLs are not fetched: {_short(url)}")
    if parsed.netloc not in ("", "localhost"):
        raise RefusedURL(f"file URLs on another machine are not fetched: {_short(url)}")
    name = unquote(parsed.path)
    if len(name.encode("utf-8", "surrogateescape")) > MAX_PATH_BYTES or any(
            len(part.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES for part in name.split("/")) or "\0" in name:
        raise RefusedURL(f"{_short(name)} is not a file name this computer can have (too long); check the reference")
    if not is_inside(unquote(parsed.path), root):
        raise RefusedURL(f"{_short(unquote(parsed.path))} is outside the course folder {root}; copy the file into it")
    return Path(unquote(parsed.path)).resolve()


def _short(url: str) -> str:
    """At most 80 characters, cut in the middle: the end holds the file's name, the part a reader must see."""
    return url if len(url) <= 80 else url[:38] + "..." + url[-39:]


def make_url_fetcher(root: Path, diagnostics: Diagnostics, source: Path | None = None,
                     allowed_hosts: tuple[str, ...] = ()):
    """Build a WeasyPrint URL fetcher that serves only what :class:`URLPolicy` allows.

    Redirects go through :meth:`fetch` again (urllib calls ``open``), so an allowed
    host cannot redirect to a forbidden one.
    """
    from weasyprint.urls import URLFetcher

    policy = URLPolicy(Path(root), tuple(allowed_hosts))

    class SandboxedFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            try:
                policy.check(url)
            except RefusedURL as refusal:
                diagnostics.warn(source, None, "refused-url", f"not loaded: {refusal}")
                raise
            return super().fetch(url, headers)

    return SandboxedFetcher(timeout=10, allowed_protocols=("file", "data", "https"), allow_redirects=bool(allowed_hosts))
