"""What a lecture may load: only files inside its course folder, nothing from the network."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from .diagnostics import Diagnostics


class RefusedURL(Exception):
    """A resource the sandbox does not serve."""


def resolve_inside(url: str, root: Path) -> Path:
    """Map a ``file:`` URL to a path under ``root`` (symlinks resolved) or refuse it."""
    parsed = urlparse(url)
    if parsed.scheme != "file":
        raise RefusedURL(f"{parsed.scheme or 'relative'} URLs are not fetched: {url[:80]}")
    path = Path(unquote(parsed.path)).resolve()
    root = root.resolve()
    if path != root and root not in path.parents:
        raise RefusedURL(f"{path} is outside the course folder {root}")
    return path


def make_url_fetcher(root: Path, diagnostics: Diagnostics, source: Path | None = None):
    """Build a WeasyPrint URL fetcher that serves only files inside ``root``."""
    from weasyprint.urls import URLFetcher

    class SandboxedFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            try:
                resolve_inside(url, root)
            except RefusedURL as refusal:
                diagnostics.warn(source, None, "refused-url", f"not loaded: {refusal}")
                raise
            return super().fetch(url, headers)

    return SandboxedFetcher(allowed_protocols=("file",))
