"""Prepared lectures (loaded and enriched) kept by content in the output folder.

Enrichment (the chronology, the questions) depends only on the lecture's source and on the
tool itself, so an unchanged lecture need not be read, parsed and enriched again: a cold
``handout build lecture.md`` after the first one reads the prepared lecture back instead.

One JSON file per lecture in ``OUT/.handout-enriched/`` (hidden, beside ``.handout-cache.json``;
never among the PDFs a site would publish), holding the key it was made from, the lecture and
the warnings preparing it reported, which are told again on every use. The key hashes the
source bytes, the path as given (the lecture keeps it), the tool's fingerprint (its code and
data: a changed enricher makes every entry stale) and the Python version. An entry that does
not match, cannot be read or does not decode is ignored and rewritten; a lecture that fails to
load is never stored; a cache that cannot be written is skipped. JSON, not pickle: reading an
output folder must never run code from it.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime
import hashlib
import importlib
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any

from .diagnostics import Diagnostic, Diagnostics
from .errors import HandoutError
from .model import Lecture

FOLDER_NAME = ".handout-enriched"
FORMAT = 1
RENDER_FORMAT = 1

Prepare = Callable[[Path, Diagnostics], Lecture]


class EnrichmentCache:
    """The prepared lectures of one output folder."""

    def __init__(self, out_dir: Path, read: bool = True):
        self.folder = Path(out_dir) / FOLDER_NAME
        self.read = read
        """False (``--force``): prepare every lecture again, but still store the result."""
        self.sources: dict[Path, tuple[str, bytes]] = {}
        """The key and source bytes of each lecture prepared through this cache, by its path as given."""

    def entry_path(self, path: Path) -> Path:
        """One entry per lecture file, so an edited lecture replaces its entry instead of adding one."""
        digest = hashlib.sha256(str(Path(path).resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:20]
        return self.folder / f"{Path(path).stem[:40]}-{digest}.json"

    def prepare(self, path: Path, diagnostics: Diagnostics, prepare: Prepare) -> Lecture:
        """Return the prepared lecture from the cache, or from ``prepare`` (then stored); report its warnings."""
        try:
            source = Path(path).read_bytes()
        except OSError:
            return prepare(path, diagnostics)  # let the loader explain the missing or unreadable file
        key = lecture_key(path, source)
        self.sources[Path(path)] = (key, source)
        entry = self.entry_path(path)
        found = self._load(entry, key) if self.read else None
        if found is not None:
            lecture, reports = found
            for report in reports:
                diagnostics.add(report)
            return lecture
        own = Diagnostics()
        lecture = prepare(path, own)
        diagnostics.extend(own)
        self._store(entry, key, lecture, own.items)
        return lecture

    def _load(self, entry: Path, key: str) -> tuple[Lecture, list[Diagnostic]] | None:
        try:
            data = json.loads(entry.read_bytes().decode("utf-8", "surrogatepass"))
            if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
                return None
            lecture = decode(data["lecture"])
            reports = [Diagnostic(**item) for item in data["diagnostics"]]
        except (OSError, ValueError, TypeError, KeyError, AttributeError, ImportError, RecursionError):
            return None  # missing, torn, edited by hand or written by another version: prepare again
        return (lecture, reports) if isinstance(lecture, Lecture) else None

    def _store(self, entry: Path, key: str, lecture: Lecture, reports: list[Diagnostic]) -> None:
        _write_quietly(entry, entry_bytes(key, lecture, reports))


class RenderedEditions:
    """The HTML of each edition of a prepared lecture, kept beside it, with what rendering it reported.

    Rendering (Markdown set-up and conversion, the templates, the timeline's labels) is the same
    work for an unchanged lecture, theme and settings: a rebuild of an unchanged lecture goes from
    the prepared lecture straight to typesetting. The key adds to the prepared lecture's key what
    rendering reads besides it: every template and stylesheet in effect, the edition, the labels'
    language, paper, layout, print-shop marks, the allowed hosts, the contents of the local files the
    text names and whether each linked name exists (the sanitizer refuses or keeps them by that), and
    the stat of the libraries that write the HTML (Markdown, Jinja, MarkupSafe, pyphen).
    """

    def __init__(self, enrichment: EnrichmentCache):
        self.enrichment = enrichment

    def key(self, lecture: Lecture, theme, settings, lang: str, edition: str) -> str | None:
        """Return the key of one edition's HTML, or None for a lecture not prepared through the cache."""
        from .course.cache import make_key, referenced_files, theme_fingerprint

        found = self.enrichment.sources.get(Path(lecture.path))
        if found is None:
            return None
        prepared, source = found
        text, folder = source.decode("utf-8", "replace"), Path(lecture.path).parent
        return make_key("html", RENDER_FORMAT, prepared, theme_fingerprint(theme), edition, lang, settings.paper,
                        settings.layout, settings.print_shop, sorted(settings.allowed_hosts),
                        referenced_files(text, folder), linked_names(text, folder), _library_stamp())

    def entry_path(self, lecture: Lecture, edition: str) -> Path:
        return self.enrichment.entry_path(lecture.path).with_suffix(f".{edition}.json")

    def load(self, lecture: Lecture, edition: str, key: str) -> tuple[str, list[Diagnostic]] | None:
        """Return (the HTML, what rendering it reported) kept under ``key``, or None."""
        if not self.enrichment.read:
            return None
        try:
            data = json.loads(self.entry_path(lecture, edition).read_bytes().decode("utf-8", "surrogatepass"))
            if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("html"), str):
                return None
            return data["html"], [Diagnostic(**item) for item in data["diagnostics"]]
        except (OSError, ValueError, TypeError, KeyError):
            return None  # missing, torn or edited by hand: render again

    def store(self, lecture: Lecture, edition: str, key: str, html: str, reports: list[Diagnostic]) -> None:
        data = json.dumps({"format": RENDER_FORMAT, "key": key, "html": html,
                           "diagnostics": [dataclasses.asdict(report) for report in reports]}, ensure_ascii=False)
        _write_quietly(self.entry_path(lecture, edition), data.encode("utf-8", "surrogatepass"))


_LINKED_NAME = re.compile(r"""\]\(\s*<?([^)\s>]+)|\bhref=["']?([^"'\s>]+)""")


def linked_names(text: str, folder: Path) -> list[tuple[str, bool]]:
    """Return each relative name the text links to or shows, and whether it exists in ``folder``."""
    from .sandbox import exists

    names = {name for match in _LINKED_NAME.findall(text) for name in match if name}
    return [(name, exists(folder / name.split("#", 1)[0].split("?", 1)[0])) for name in sorted(names)
            if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", name) and not name.startswith("#")]


def _library_stamp() -> list:
    """The stat of each HTML-writing library's package file: an upgrade rewrites it (no import needed)."""
    import importlib.util

    stamp = []
    for name in ("markdown", "jinja2", "markupsafe", "pyphen"):
        spec = importlib.util.find_spec(name)
        origin = Path(spec.origin) if spec is not None and spec.origin else None
        info = origin.stat() if origin is not None and origin.exists() else None
        stamp.append([name, str(origin), info and [info.st_size, info.st_mtime_ns, info.st_ino]])
    return stamp


def _write_quietly(entry: Path, data: bytes | None) -> None:
    from .publish.files import write_atomic

    try:
        if data is not None:
            write_atomic(entry, data)
    except HandoutError:
        pass  # a folder we may not write: this lecture is just not cached


def entry_bytes(key: str, lecture: Lecture, reports: list[Diagnostic]) -> bytes | None:
    """Return a cache entry's file content, or None for a lecture holding a value JSON cannot hold."""
    try:
        text = json.dumps({"format": FORMAT, "key": key, "lecture": encode(lecture),
                           "diagnostics": [dataclasses.asdict(report) for report in reports]}, ensure_ascii=False)
        return text.encode("utf-8", "surrogatepass")  # a lone surrogate comes back as it was
    except (TypeError, ValueError, RecursionError):
        return None


def lecture_key(path: Path, source: bytes) -> str:
    """Hash what a prepared lecture depends on: its source, its path as given, the tool, the Python."""
    from .course.cache import make_key, tool_fingerprint

    return make_key(FORMAT, tool_fingerprint(), sys.version, str(path), source)


# --- a JSON form of the model's dataclasses ------------------------------------------------------


def encode(value: Any) -> Any:
    """Turn a dataclass tree into JSON data that :func:`decode` turns back into an equal tree."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        kind = type(value)
        fields = {field.name: encode(getattr(value, field.name)) for field in dataclasses.fields(value)}
        return {"@": f"{kind.__module__}:{kind.__qualname__}", "fields": fields}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, tuple):
        return {"@": "tuple", "items": [encode(item) for item in value]}
    if isinstance(value, dict):
        return {"@": "dict", "items": [[encode(key), encode(item)] for key, item in value.items()]}
    if isinstance(value, PurePath):
        return {"@": "path", "value": str(value)}
    if isinstance(value, datetime.datetime):
        return {"@": "datetime", "value": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"@": "date", "value": value.isoformat()}
    if isinstance(value, bytes):
        return {"@": "bytes", "value": base64.b64encode(value).decode("ascii")}
    raise TypeError(f"cannot keep a {type(value).__name__} in the enrichment cache")


def decode(data: Any) -> Any:
    """Rebuild what :func:`encode` wrote; only dataclasses of handout's own modules are made."""
    if isinstance(data, list):
        return [decode(item) for item in data]
    if not isinstance(data, dict):
        return data
    kind = data["@"]
    if kind == "tuple":
        return tuple(decode(item) for item in data["items"])
    if kind == "dict":
        return {_hashable(decode(key)): decode(item) for key, item in data["items"]}
    if kind == "path":
        return Path(data["value"])
    if kind == "datetime":
        return datetime.datetime.fromisoformat(data["value"])
    if kind == "date":
        return datetime.date.fromisoformat(data["value"])
    if kind == "bytes":
        return base64.b64decode(data["value"], validate=True)
    return _dataclass(kind)(**{name: decode(item) for name, item in data["fields"].items()})


def _hashable(key: Any) -> Any:
    if isinstance(key, list):
        raise TypeError("a list cannot be a mapping key")
    return key


_TYPE_PACKAGES = ("handout.model", "handout.diagnostics", "handout.enrich", "handout.lang")
"""Where a cached lecture's types may come from: the model and the enrichers' own data (plain data modules)."""


def _dataclass(kind: str) -> type:
    """Find a dataclass by ``module:name``; import its module only if it is one of :data:`_TYPE_PACKAGES`."""
    module_name, _, name = kind.partition(":")
    known = module_name in sys.modules or any(module_name == package or module_name.startswith(package + ".")
                                              for package in _TYPE_PACKAGES)
    if not (known and module_name.startswith("handout.")) or name.startswith("_") or "._" in name:
        raise TypeError(f"{kind!r} is not one of handout's data types")
    found: Any = importlib.import_module(module_name)
    for part in name.split("."):
        found = getattr(found, part)
    if not (isinstance(found, type) and dataclasses.is_dataclass(found)):
        raise TypeError(f"{kind!r} is not a dataclass")
    return found


__all__ = ["FOLDER_NAME", "EnrichmentCache", "RenderedEditions", "decode", "encode", "entry_bytes", "lecture_key"]
