"""Publish stage: put finished bytes on disk atomically; never leave half a file."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from ..errors import HandoutError


def ensure_folder(folder: Path) -> None:
    """Create an output folder, or explain why it cannot be one."""
    for parent in (folder, *folder.parents):
        if parent.exists() and not parent.is_dir():
            raise HandoutError(f"output path {parent} is a file, not a folder; choose another --out", parent)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HandoutError(f"cannot create the output folder: {exc.strerror}; choose another --out", folder) from None


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temp file beside ``path``, flush it to disk, then rename it over ``path``."""
    ensure_folder(path.parent)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise HandoutError(f"cannot write in {path.parent}: {exc.strerror}; check its permissions", path.parent) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except BaseException as exc:
        Path(temp_name).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            full = exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)  # EFBIG: a file size limit (ulimit -f)
            advice = "free some disk space and build again" if full else "check the folder's permissions"
            raise HandoutError(f"could not write the file ({exc.strerror}); {advice}", path) from None
        raise
