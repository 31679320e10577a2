"""The students' site: ZIP bundles, first-page thumbnails, and publishing only what students may see.

``handout publish`` copies the public files of a built course (student and worksheet
editions, the reader, the download page, its thumbnails and bundles) into a new folder
beside the site and swaps it in with one rename, so a half-published site is never
served; teacher copies, caches, reader parts and watch's HTML never reach it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import os
import shutil
import zipfile
from pathlib import Path

from ..errors import HandoutError

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every member's timestamp (the earliest a ZIP can hold), so a bundle's bytes depend only on its files."""
THUMBNAIL_WIDTH = 160
"""Pixels; shown at half that width, sharp on a phone's screen."""
_RENAME_EXCHANGE = 2


def bundle_bytes(members: list[tuple[str, Path]]) -> bytes:
    """Return a reproducible ZIP of ``(name in the archive, file)``: fixed times and modes, sorted by name."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, path in sorted(members):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever system builds it
            archive.writestr(info, path.read_bytes(), compresslevel=6)
    return output.getvalue()


def thumbnail_png(pdf: Path, width: int = THUMBNAIL_WIDTH) -> bytes:
    """Render a PDF's first page as a small PNG with PDFium (under its lock: the preview may be rendering too)."""
    from .pdfium import render_page

    image = render_page(pdf, 1, width=width)
    if image is None:
        raise HandoutError(f"cannot read the first page of {pdf.name} for its thumbnail; build it again", pdf)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def publish_site(files: list[tuple[str, Path]], site: Path) -> bool:
    """Make ``site`` hold exactly ``files`` (``(relative name, source)``); tell whether it changed.

    An unchanged site is left alone (nothing rewritten, no times changed). Otherwise the
    files are copied into a new folder beside it, which is swapped in atomically.
    """
    site = Path(site)
    if _holds_exactly(site, files):
        return False
    staging = site.with_name(f".{site.name}.new")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for name, source in files:
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            os.chmod(target, 0o644)
        if site.exists() and not site.is_dir():
            raise HandoutError(f"the site path {site} is a file; choose another --site", site)
        _swap_in(staging, site)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise HandoutError(f"cannot write the site ({error.strerror}); check the folder's permissions and space",
                           site) from None
    return True


def _holds_exactly(site: Path, files: list[tuple[str, Path]]) -> bool:
    if not site.is_dir():
        return False
    present = sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if not path.is_dir())
    if present != sorted(name for name, _source in files):
        return False
    return all((site / name).read_bytes() == source.read_bytes() for name, source in files)


def _swap_in(staging: Path, site: Path) -> None:
    """Put ``staging`` where ``site`` is, in one step where Linux can (renameat2 RENAME_EXCHANGE)."""
    if not site.exists():
        os.rename(staging, site)
        return
    if _exchange(staging, site):
        shutil.rmtree(staging)  # now the old site
        return
    old = site.with_name(f".{site.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    os.rename(site, old)  # two renames: a moment with no site, never a half-written one
    os.rename(staging, site)
    shutil.rmtree(old)


def _exchange(first: Path, second: Path) -> bool:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd = -100
    return renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), _RENAME_EXCHANGE) == 0
