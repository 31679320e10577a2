"""The user's own cache folder for what one process keeps for the next (compiled templates, the tool's fingerprint).

``HANDOUT_CACHE_DIR`` names the folder instead of ``$XDG_CACHE_HOME/handout`` (``~/.cache/handout``).
Only a folder that belongs to this user and that nobody else may write is used: what is kept there
is trusted by the next build (compiled templates are code that runs). Without one (no home, a
read-only disk, someone else's folder) callers do the work in memory instead.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

CACHE_DIR_VARIABLE = "HANDOUT_CACHE_DIR"


def cache_root() -> Path | None:
    """Return the user's handout cache folder (not made), or None when there is no home to put it in."""
    given = os.environ.get(CACHE_DIR_VARIABLE)
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative (which the XDG rules say to ignore)
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "handout" if os.path.isabs(base) else None


def private_folder(name: str) -> Path | None:
    """Return ``name`` inside the cache folder, made if need be, or None where no private folder can be had."""
    root = cache_root()
    if root is None or not hasattr(os, "getuid"):
        return None
    folder = root / name
    try:
        folder.mkdir(mode=stat.S_IRWXU, parents=True, exist_ok=True)
        return folder if _private(folder) else None
    except OSError:
        return None


def _private(folder: Path) -> bool:
    """Tell whether the folder (itself, not a link) is this user's and writable by no one else."""
    info = os.lstat(folder)
    return (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
            and not stat.S_IMODE(info.st_mode) & (stat.S_IWGRP | stat.S_IWOTH))


__all__ = ["CACHE_DIR_VARIABLE", "cache_root", "private_folder"]
