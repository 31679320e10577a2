"""Compiled templates kept between processes: Jinja's bytecode in the user's own cache folder.

Every cold ``handout build`` compiled its dozen templates again (about 45 ms of CPU). Jinja checks
each entry against its template's source (a SHA-1 of the text), so an edited template, a course's
own or the default theme's, is compiled anew. The folder's name carries what shapes the compiled
code besides the source: Jinja's version, Python's, and the environment's options.

A compiled template is code that runs, so it is kept only in the user's private cache folder
(:mod:`handout.user_cache`). Without one, or when an entry cannot be read or written, templates
are compiled in memory, as they were before.
"""

from __future__ import annotations

import hashlib
import pickle
import sys

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from ..user_cache import CACHE_DIR_VARIABLE, cache_root, private_folder


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


def bytecode_cache(options: dict) -> jinja2.BytecodeCache | None:
    """Return a bytecode cache for an environment made with ``options``, or None where none is safe."""
    shape = repr((jinja2.__version__, sys.version, sorted(options.items())))
    folder = private_folder(f"templates-{hashlib.sha256(shape.encode()).hexdigest()[:16]}")
    return None if folder is None else _QuietBytecodeCache(str(folder))


__all__ = ["CACHE_DIR_VARIABLE", "bytecode_cache", "cache_root"]
