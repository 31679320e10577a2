"""Compiled templates kept between processes: Jinja's bytecode in the user's own cache folder.

Every cold ``handout build`` compiled its dozen templates again (about 45 ms of CPU). Jinja checks
each entry against its template's source (a SHA-1 of the text), so an edited template, a course's
own or the default theme's, is compiled anew. The folder's name carries what shapes the compiled
code besides the source: Jinja's version, Python's, and the environment's options.

A compiled template is code that runs, so only a folder that belongs to this user and that nobody
else may write is used. Without one (no home, a read-only disk, someone else's folder), or when an
entry cannot be read or written, templates are compiled in memory, as they were before.
``HANDOUT_CACHE_DIR`` names the folder instead of ``$XDG_CACHE_HOME/handout`` (``~/.cache/handout``).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

CACHE_DIR_VARIABLE = "HANDOUT_CACHE_DIR"


class _QuietBytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache, except that an entry it cannot read or write costs a compilation, never the build."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError, TypeError, pickle.UnpicklingError):  # torn or foreign: compile again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass  # a full or read-only disk: this template is just not kept


def cache_root() -> Path | None:
    """Return the user's handout cache folder (not made), or None when there is no home to put it in."""
    given = os.environ.get(CACHE_DIR_VARIABLE)
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative (which the XDG rules say to ignore)
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "handout" if os.path.isabs(base) else None


def bytecode_cache(options: dict) -> jinja2.BytecodeCache | None:
    """Return a bytecode cache for an environment made with ``options``, or None where none is safe."""
    root = cache_root()
    if root is None or not hasattr(os, "getuid"):
        return None
    shape = repr((jinja2.__version__, sys.version, sorted(options.items())))
    folder = root / f"templates-{hashlib.sha256(shape.encode()).hexdigest()[:16]}"
    try:
        folder.mkdir(mode=stat.S_IRWXU, parents=True, exist_ok=True)
        if not _private(folder):
            return None
    except OSError:
        return None
    return _QuietBytecodeCache(str(folder))


def _private(folder: Path) -> bool:
    """Tell whether the folder (itself, not a link) is this user's and writable by no one else."""
    info = os.lstat(folder)
    return (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
            and not stat.S_IMODE(info.st_mode) & (stat.S_IWGRP | stat.S_IWOTH))


__all__ = ["CACHE_DIR_VARIABLE", "bytecode_cache", "cache_root"]
