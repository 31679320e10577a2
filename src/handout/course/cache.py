"""Content-hash cache: skip an output whose inputs (source, theme, settings, tool) have not changed.

The cache is one JSON file in the output folder, ``OUT/.handout-cache.json``, mapping each
output (relative path) to the key it was built from, its size, mtime, SHA-256 and page count.
An entry is recorded only after the output's atomic rename, and the file itself is
replaced atomically, so a crash leaves either the old entry (the output is rebuilt) or
the new one (the output is complete). An output whose size, mtime or hash no longer matches
its entry (edited, truncated, replaced by hand) is rebuilt too, and so is one whose entry
has the wrong shape. A file is hashed only when its stat (ctime and inode included) differs
from the recorded one, so a build with nothing to do reads no PDF.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG
from typing import Any
from urllib.parse import unquote

from ..errors import HandoutError
from ..publish.files import write_atomic
from ..render.theme import Theme
from ..sandbox import readable_file
from ..user_cache import private_folder

CACHE_NAME = ".handout-cache.json"
PARTS_FOLDER = ".handout-reader-parts"
"""Folder beside reader.pdf holding its typeset parts, one PDF per lecture (recorded in the cache like any output)."""
CACHE_FORMAT = 2
RACY_NS = 50_000_000
"""A file changed less than this before its stat was taken is hashed (file times advance in ticks of a few ms)."""
PACKAGE_DIR = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """Hash the tool's version and its own code and data, so a changed handout rebuilds everything.

    Reading all of it (1.3 MB with the hyphenation dictionaries) cost every cold build about 50 ms,
    so the hash is kept in the user's cache folder under a digest of the files' stats (name, size,
    mtime, ctime, inode), the same evidence the output cache trusts: an edited, replaced or
    reinstalled file changes its stat and the hash is made again.
    """
    files = _tool_files()
    signature = hashlib.sha256(repr([(name, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
                                     for name, _, info in files]).encode()).hexdigest()
    folder = private_folder("fingerprints")
    kept = folder / signature[:40] if folder is not None else None
    try:
        found = kept.read_text(encoding="ascii") if kept is not None else ""
    except (OSError, ValueError):
        found = ""
    if re.fullmatch(r"[0-9a-f]{64}", found):
        return found
    digest = _content_fingerprint(files)
    # A file changed within the last tick of its clock may change again with the same stat: not kept then.
    if kept is not None and time.time_ns() - max((info.st_ctime_ns for _, _, info in files), default=0) >= RACY_NS:
        try:
            write_atomic(kept, digest.encode("ascii"))
        except (HandoutError, OSError):
            pass  # not kept: the next build hashes the files again
    return digest


def _tool_files() -> list[tuple[str, Path, os.stat_result]]:
    """List the package's code and data files (relative name, path, stat), in name order."""
    found = []
    for folder, subfolders, names in os.walk(PACKAGE_DIR):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for name in names:
            if name.endswith((".py", ".dic", ".txt", ".json", ".toml")):
                path = Path(folder, name)
                info = path.stat()
                if S_ISREG(info.st_mode):
                    found.append((path.relative_to(PACKAGE_DIR).as_posix(), path, info))
    return sorted(found)


def _content_fingerprint(files: list[tuple[str, Path, os.stat_result]]) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        digest = hashlib.sha256(version("handout").encode())
    except PackageNotFoundError:
        digest = hashlib.sha256(b"handout")
    for name, path, _ in files:
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def theme_fingerprint(theme: Theme) -> str:
    """Hash every template and stylesheet in effect (names and contents)."""
    digest = hashlib.sha256()
    for path in theme.files():
        digest.update(path.name.encode())
        digest.update(file_digest(path).encode())
    return digest.hexdigest()


_LOCAL_REFERENCE = re.compile(
    r"""!\[[^\]]*\]\(\s*<?([^)\s>]+)"""        # Markdown image: ![alt](file)
    r"""|\bsrc=["']?([^"'\s>]+)"""              # HTML: <img src="file">
    r"""|url\(\s*["']?([^"')\s]+)"""            # CSS: url(file)
    r"""|^[ ]{0,3}\[[^\]]+\]:\s*<?([^\s>]+)""",  # Markdown reference definition: [map]: file
    re.MULTILINE,
)


def referenced_files(text: str, folder: Path, root: Path | None = None) -> list[tuple[str, str]]:
    """Return (reference, SHA-256) of each local file the text's images, styles and link definitions name.

    A key built from a text alone misses a picture replaced under the same name; adding
    these digests makes that picture's outputs stale. Names that are not local files
    (``https:``, ``data:``, anchors, missing files) are skipped, and so is every file outside
    the course folder ``root`` (default ``folder``): the build refuses those, so they are not read.
    """
    root = folder if root is None else root
    found = []
    names = {name for match in _LOCAL_REFERENCE.findall(text) for name in match if name}
    for name in sorted(names):
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", name) or name.startswith("#"):
            continue
        path = folder / unquote(name.split("#", 1)[0])
        if readable_file(path, root):
            found.append((name, file_digest(path)))
    return found


def file_digest(path: Path) -> str:
    """SHA-256 of a file, read in blocks (a picture may be large), or a marker when it cannot be read."""
    try:
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError as error:
        return f"unreadable: {error.strerror}"


def make_key(*parts: Any) -> str:
    """Hash JSON-able parts (bytes are hashed first) into one cache key."""
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, bytes):
            part = hashlib.sha256(part).hexdigest()
        digest.update(json.dumps(part, sort_keys=True, ensure_ascii=False, default=_jsonable).encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _jsonable(value: Any) -> Any:
    """Give sets a stable order (their iteration order changes between processes) and paths a text form."""
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    return str(value)


class BuildCache:
    """The recorded outputs of one output folder."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.path = self.out_dir / CACHE_NAME
        self.entries: dict[str, dict[str, Any]] = self._read()

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # no cache yet, or an unreadable one: rebuild, never trust it
        if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT or not isinstance(data.get("outputs"), dict):
            return {}
        # An entry of the wrong shape (edited by hand, written by another version) is dropped: its output is rebuilt.
        return {name: entry for name, entry in data["outputs"].items() if _valid_entry(entry)}

    def _name(self, output: Path) -> str:
        return Path(os.path.relpath(output, self.out_dir)).as_posix()

    def is_fresh(self, output: Path, key: str) -> bool:
        """Tell whether ``output`` exists exactly as recorded for ``key``.

        A file whose size, mtime, ctime and inode are all as recorded is trusted without
        reading it: any write, truncation, replacement or ``touch`` changes its ctime (which
        no program can set back), so only a file whose stat differs, whose entry has no
        ctime (an older cache), or whose stat was taken too soon after its last change
        (:meth:`settle`), is hashed and compared with its recorded SHA-256.
        """
        entry = self.entries.get(self._name(output))
        if entry is None or entry.get("key") != key:
            return False
        try:
            stat = output.stat()
            if stat.st_size != entry["size"] or stat.st_mtime_ns != entry["mtime_ns"]:
                return False
            if _settled(entry) and entry.get("ctime_ns") == stat.st_ctime_ns and entry.get("inode") == stat.st_ino:
                return True
            return file_digest(output) == entry["sha256"]
        except OSError:
            return False

    def settle(self) -> None:
        """Hash the just-recorded outputs again, so a later build may trust their stat without reading them.

        A file's times advance in clock ticks of a few milliseconds, so a change made in the
        same tick as our own write would leave its stat as recorded; once a tick has passed
        since its last change and its hash still matches, any later change shows in its ctime.
        (Git calls such entries racy.) The caller saves the cache.
        """
        for name, entry in self.entries.items():
            if _settled(entry) or "ctime_ns" not in entry:
                continue
            output = self.out_dir / name
            seen = time.time_ns()
            try:
                stat = output.stat()
            except OSError:
                continue
            if (seen - stat.st_ctime_ns >= RACY_NS and stat.st_ctime_ns == entry.get("ctime_ns")
                    and stat.st_size == entry["size"] and file_digest(output) == entry["sha256"]):
                entry["seen_ns"] = seen

    def entry(self, output: Path) -> dict[str, Any] | None:
        return self.entries.get(self._name(output))

    def record(self, output: Path, key: str, pages: int | None = None, digest: str | None = None,
               extra: dict[str, Any] | None = None) -> None:
        """Remember a finished output (call only after its atomic rename) and save the cache."""
        seen = time.time_ns()  # before the stat: the stat is then at least this late
        stat = output.stat()
        self.entries[self._name(output)] = {
            "key": key, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "pages": pages,
            "sha256": digest or file_digest(output), **({"extra": extra} if extra else {}),
            "ctime_ns": stat.st_ctime_ns, "inode": stat.st_ino, "seen_ns": seen,
        }
        self.save()

    def forget(self, output: Path) -> None:
        if self.entries.pop(self._name(output), None) is not None:
            self.save()

    def save_if_changed(self) -> None:
        """Save unless the file already holds these entries (an unchanged build writes nothing)."""
        if self._read() != self.entries:
            self.save()

    def save(self) -> None:
        data = {"format": CACHE_FORMAT, "outputs": dict(sorted(self.entries.items()))}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def _settled(entry: dict[str, Any]) -> bool:
    """Tell whether the entry's stat was taken a clock tick or more after the file's last change (see ``settle``)."""
    ctime, seen = entry.get("ctime_ns"), entry.get("seen_ns")
    return isinstance(ctime, int) and isinstance(seen, int) and seen - ctime >= RACY_NS


def _valid_entry(entry: Any) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("key"), str) and isinstance(entry.get("sha256"), str)
            and all(isinstance(entry.get(name), int) and not isinstance(entry.get(name), bool)
                    for name in ("size", "mtime_ns"))
            and (entry.get("pages") is None or isinstance(entry.get("pages"), int))
            and isinstance(entry.get("extra", {}), dict))
