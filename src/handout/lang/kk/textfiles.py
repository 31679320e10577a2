"""Files for the Kazakh checker: repair in place surgically (reading and atomic writing: ``lang/textfiles.py``).

``check --fix`` changes the letters it repairs and nothing else: the file keeps its mode,
owner, byte-order mark and line endings; its ``.bak`` is a byte-for-byte copy; a symlink
stays a symlink (its target is fixed when it lies inside the folder checked, else refused).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ...errors import HandoutError
from ...sandbox import is_inside, real_path
from ..textfiles import BOM, decode, read_bytes, read_text, write_atomically
from . import orthography

__all__ = ["check_files", "decode", "expand", "fix_file", "read_bytes", "read_text", "write_atomically"]


def expand(paths: Iterable[Path]) -> list[tuple[Path, Path]]:
    """Expand folders into their Markdown and text files; return (file, folder it must stay in)."""
    result: list[tuple[Path, Path]] = []
    for path in map(Path, paths):
        if path.is_dir():
            result.extend((p, path) for p in sorted(path.rglob("*")) if p.suffix in (".md", ".txt") and p.is_file())
        else:
            result.append((path, path.parent))
    return result


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
