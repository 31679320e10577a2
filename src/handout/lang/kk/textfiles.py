"""Files for the Kazakh checker and importer: read text exactly, repair in place surgically, write atomically.

``check --fix`` changes the letters it repairs and nothing else: the file keeps its mode,
owner, byte-order mark and line endings; its ``.bak`` is a byte-for-byte copy; a symlink
stays a symlink (its target is fixed when it lies inside the folder checked, else refused).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from ...errors import HandoutError
from ...sandbox import is_inside, real_path
from . import orthography

BOM = b"\xef\xbb\xbf"
MAX_TEXT_BYTES = 10 * 1024 * 1024
"""Largest text checked or imported (an extraction doubles its lines; the lecture made of it may have 5 MB)."""


def expand(paths: Iterable[Path]) -> list[tuple[Path, Path]]:
    """Expand folders into their Markdown and text files; return (file, folder it must stay in)."""
    result: list[tuple[Path, Path]] = []
    for path in map(Path, paths):
        if path.is_dir():
            result.extend((p, path) for p in sorted(path.rglob("*")) if p.suffix in (".md", ".txt") and p.is_file())
        else:
            result.append((path, path.parent))
    return result


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


def check_files(paths: Iterable[Path], fix: bool = False, force: bool = False,
                language_of: Callable[[Path], object] | None = None) -> tuple[list[str], int]:
    """Check files for legacy damage; with ``fix``, repair them (keeping ``<file>.bak``).

    ``language_of`` gives a file's language pack (its front matter's ``lang``), whose quotation
    marks must pair up; without it every file is checked as Kazakh.

    Returns report lines ``path:line:col: code: message`` and the number of damage
    problems left (spelling notes are reported but not counted: only a person can judge them).
    An error stops the run; it carries the lines so far as ``error.report``, so the files
    already changed are still reported.
    """
    report: list[str] = []
    remaining = 0
    try:
        for path, folder in expand(paths):
            data = read_bytes(path)
            text = decode(data, path)
            if fix:
                text = fix_file(path, folder, data, text, force, report)
            language = language_of(path) if language_of is not None else None
            for problem in orthography.find_problems(text, language=language):
                report.append(f"{path}:{problem.line}:{problem.col}: {problem.code}: {problem.message}")
                remaining += orthography.is_damage(problem)
    except HandoutError as error:
        error.report = report
        raise
    return report, remaining


def fix_file(path: Path, folder: Path, data: bytes, text: str, force: bool, report: list[str]) -> str:
    """Apply every sure fix to one file, keeping an exact backup; return the new text."""
    fixed, changes = orthography.apply_fixes(text)
    if not changes:
        return text
    target = path
    if path.is_symlink():
        if not is_inside(path, folder):
            raise HandoutError(f"is a symlink to {real_path(path)}, outside {folder}; fix that file itself", path)
        target = real_path(path)  # fix the file the link points to; the link stays a link
    backup = path.with_name(path.name + ".bak")
    if (backup.exists() or backup.is_symlink()) and not force:
        raise HandoutError(f"backup {backup.name} already exists; move it away or use --force", path)
    if backup.is_symlink():
        backup.unlink()  # never write through a link someone left at the backup's name
    write_atomically(backup, data, like=target)
    write_atomically(target, (BOM if data.startswith(BOM) else b"") + fixed.encode("utf-8"), like=target)
    for change in changes:
        found = " ".join(change.found.split())
        report.append(f"{path}:{change.line}:{change.col}: fixed {change.code}: «{found}» → «{change.fix}»")
    return fixed


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
