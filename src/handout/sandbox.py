"""The one rule of what a course may read (part of the spine: every stage and the language packs ask it): a file whose real path lies inside the course folder.

Every reader of course files asks :func:`is_inside` before opening (or hashing) anything:
the lecture loader, the manifest's lecture list, the theme's templates and styles, the
planner's and the cache's hashes of pictures, and WeasyPrint's URL fetcher. Symlinks are
resolved first, so a link pointing out of the folder is refused wherever it is met.
"""

from __future__ import annotations

import os
from pathlib import Path

MANIFEST_NAME = "handout.toml"
"""A course folder's manifest (read by :mod:`handout.source.manifest`); its folder is the course root."""


def real_path(path: Path | str) -> Path | None:
    """Return ``path`` with every symlink resolved, or None when it cannot be resolved at all."""
    try:
        return Path(os.path.realpath(os.path.abspath(path)))
    except (OSError, ValueError):  # a NUL byte, a name the file system refuses
        return None


def is_inside(path: Path | str, root: Path | str) -> bool:
    """Tell whether ``path``, symlinks resolved, is ``root`` or lies below it (``root`` resolved too)."""
    real, base = real_path(path), real_path(root)
    if real is None or base is None:
        return False
    return real == base or base in real.parents


def readable_file(path: Path | str, root: Path | str) -> bool:
    """Tell whether ``path`` is a regular file inside ``root`` that may be read; False for names the
    file system refuses (too long, a NUL byte) rather than an exception."""
    try:
        return is_inside(path, root) and Path(path).is_file()
    except (OSError, ValueError):
        return False


def exists(path: Path | str) -> bool:
    """``Path.exists`` that says False for names the file system refuses (too long, a NUL byte)."""
    try:
        return Path(path).exists()
    except (OSError, ValueError):
        return False


def course_root_of(path: Path | str) -> Path:
    """Return the course folder a lecture belongs to: the nearest folder above it with a manifest, else its own.

    Worked out from the path as given (not resolved), so a lecture symlinked in from
    elsewhere is judged against the folder it was found in.
    """
    folder = Path(os.path.abspath(path)).parent
    for candidate in (folder, *folder.parents):
        if (candidate / MANIFEST_NAME).is_file():
            return candidate
    return folder


def outside_message(path: Path | str, root: Path | str) -> str:
    """Say why a file outside the course is not read, and what to do instead."""
    link = " (it is a symlink)" if Path(path).is_symlink() else ""
    return f"is outside the course folder {root}{link}; only files inside it are read: copy the file into it"
