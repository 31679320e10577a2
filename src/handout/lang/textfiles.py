"""Files for the importers and the checker: read a lecture's text exactly, write a file atomically.

Shared by every language pack (``handout import``) and the Kazakh ``check --fix``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..errors import HandoutError

BOM = b"\xef\xbb\xbf"
MAX_TEXT_BYTES = 10 * 1024 * 1024
"""Largest text checked or imported (an extraction doubles its lines; the lecture made of it may have 5 MB)."""


def read_bytes(path: Path) -> bytes:
    """Read a whole file with advice on failure, refusing files too large to be a lecture's text."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_TEXT_BYTES + 1)
    except FileNotFoundError:
        raise HandoutError("no such file; check the path", path) from None
    except IsADirectoryError:
        raise HandoutError("is a folder, expected a text file", path) from None
    except OSError as error:
        raise HandoutError(f"cannot read the file: {error.strerror}", path) from None
    if len(data) > MAX_TEXT_BYTES:
        raise HandoutError(f"file is more than {MAX_TEXT_BYTES // 1024 // 1024} MB; split it into lectures first", path)
    return data


def decode(data: bytes, path: Path) -> str:
    """Decode UTF-8 (a BOM dropped), keeping every line ending as it is."""
    try:
        return data.removeprefix(BOM).decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise HandoutError(f"not UTF-8 text (byte {error.start}, line {line}); convert it to UTF-8 first", path,
                           line) from None


def read_text(path: Path, keep_line_ends: bool = False) -> str:
    """Read a UTF-8 text file (CRLF kept if asked, so a fix does not rewrite every line), with advice on failure."""
    text = decode(read_bytes(path), path)
    return text if keep_line_ends else text.replace("\r\n", "\n").replace("\r", "\n")


def write_atomically(path: Path, data: bytes | str, like: Path | None = None) -> None:
    """Write a file through a temporary file and a rename, so no half file is ever left.

    ``like``: an existing file whose mode, owner and times the new one takes (a fix must not
    turn a 640 file into 600, as ``mkstemp`` would).
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise HandoutError(f"cannot write here: {error.strerror}", path) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if like is not None:
            _copy_owner_and_mode(like, Path(temporary))
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise HandoutError(f"could not write the file ({error.strerror})", path) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _copy_owner_and_mode(source: Path, target: Path) -> None:
    shutil.copymode(source, target)
    stat = source.stat()
    try:
        os.chown(target, stat.st_uid, stat.st_gid)
    except PermissionError:
        pass  # only root may give a file away; the mode is kept all the same


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


__all__ = ["BOM", "MAX_TEXT_BYTES", "decode", "read_bytes", "read_text", "write_atomically"]
