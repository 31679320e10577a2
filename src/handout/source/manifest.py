"""Course manifest: ``handout.toml`` → typed :class:`CourseSettings`, every error with file, line and key.

A manifest looks like this (every key is optional except ``course.title``)::

    [course]
    title = "Қазақстан тарихы"
    institution = "..."
    teacher = "..."
    year = "2026–2027"
    lang = "kk"
    lectures = ["lectures/*.md"]      # paths or globs, in order; a glob expands in name order

    [build]
    editions = ["student", "teacher", "worksheet"]
    paper = "a4"
    layout = "standard"
    out = "dist"
    reader = true
    index = true

A folder without a manifest is a course of its ``.md`` files in name order, with these defaults.
"""

from __future__ import annotations

import glob
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import lang as languages
from ..diagnostics import Diagnostics
from ..errors import HandoutError

from ..sandbox import MANIFEST_NAME, is_inside, outside_message
EDITIONS = ("student", "teacher", "worksheet")
PAPERS = ("a4", "a5", "letter")
LAYOUTS = ("standard", "booklet", "2up", "large-print")


@dataclass(frozen=True)
class CourseSettings:
    root: Path
    """The course folder; relative paths in the manifest start here."""
    manifest: Path | None
    """The ``handout.toml`` read, or None for a plain folder of lectures."""
    title: str
    lectures: tuple[Path, ...]
    """Lecture files in course order (course-wide numbering follows it)."""
    institution: str = ""
    teacher: str = ""
    year: str = ""
    """Academic year as written, e.g. ``2026–2027``."""
    lang: str = languages.DEFAULT
    editions: tuple[str, ...] = EDITIONS
    paper: str = "a4"
    layout: str = "standard"
    out_dir: Path = Path("dist")
    reader: bool = True
    """Build ``OUT/reader.pdf`` (every student edition in one book)."""
    index: bool = True
    """Build ``OUT/index.html`` (the download page)."""


class ManifestError(HandoutError):
    """Every problem found in a manifest, reported together, one ``file:line: error: key: ...`` per line."""

    def __init__(self, path: Path, problems: list[tuple[int | None, str, str]]):
        self.problems = problems
        first_line = problems[0][0] if problems else None
        super().__init__(f"{len(problems)} problem(s) in the course manifest", path, first_line)

    def __str__(self) -> str:
        from ..errors import format_location

        return "\n".join(format_location(self.path, line, "error", f"{key}: {message}") for line, key, message in self.problems)


# Which keys each table may hold, with the expected type's name for messages.
_SCHEMA: dict[str, dict[str, str]] = {
    "course": {"title": "text", "institution": "text", "teacher": "text", "year": "text", "lang": "text",
               "lectures": "list"},
    "build": {"editions": "list", "paper": "text", "layout": "text", "out": "text", "reader": "bool",
              "index": "bool"},
}
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')(\s*\.\s*[A-Za-z0-9_\-]+)*\s*=")
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def key_lines(text: str) -> dict[str, int]:
    """Map each ``table.key`` (and each ``table``) of TOML text to its 1-based line, scanning the text.

    tomllib gives no positions, so this reads the lines itself; it understands the
    subset a manifest uses (tables, ``key = value``, values spanning lines).
    """
    lines: dict[str, int] = {}
    table = ""
    depth = 0  # open brackets of a multi-line array: its lines hold no keys
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = _strip_comment(line)
        if depth == 0:
            table_match = _TABLE.match(stripped)
            if table_match:
                table = table_match.group(1).strip().strip("\"'")
                lines.setdefault(table, number)
                continue
            key_match = _KEY.match(stripped)
            if key_match:
                key = stripped.split("=", 1)[0].strip().replace(" ", "").strip("\"'")
                lines.setdefault(f"{table}.{key}" if table else key, number)
                stripped = stripped.split("=", 1)[1]
        depth = max(0, depth + stripped.count("[") - stripped.count("]"))
    return lines


def _strip_comment(line: str) -> str:
    """Drop a trailing ``# comment`` that is not inside a string."""
    quote = None
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#":
            return line[:index]
    return line


def load_course(target: Path, diagnostics: Diagnostics | None = None, out_given: bool = False) -> CourseSettings:
    """Read a course folder: its ``handout.toml`` when there is one, else its ``.md`` files in name order.

    ``out_given``: the command line names the output folder, so the manifest's ``out`` is not used
    (and may then point anywhere).
    """
    target = Path(target)
    if target.is_file() and target.name == MANIFEST_NAME:
        target = target.parent
    if not target.is_dir():
        raise HandoutError("no such course folder; check the path", target)
    manifest = target / MANIFEST_NAME
    if manifest.is_file():
        if not is_inside(manifest, target):
            raise HandoutError(outside_message(manifest, target), manifest)
        return read_manifest(manifest, diagnostics, out_given)
    lectures = tuple(sorted(path for path in target.glob("*.md") if path.is_file()))
    if not lectures:
        raise HandoutError(f"the folder has no .md lectures and no {MANIFEST_NAME}; run `handout new` to start a course", target)
    return CourseSettings(root=target, manifest=None, title=_default_title(lectures, target), lectures=lectures)


def _default_title(lectures: tuple[Path, ...], root: Path) -> str:
    """Take a course title from the first lecture's ``course:`` key, else the folder's name."""
    from .lecture import load_lecture

    try:
        course = load_lecture(lectures[0]).meta.course
    except HandoutError:
        course = ""
    return course or root.resolve().name


def read_manifest(path: Path, diagnostics: Diagnostics | None = None, out_given: bool = False) -> CourseSettings:
    """Parse and check ``handout.toml``; raise one :class:`ManifestError` listing every problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise HandoutError("the manifest is not valid UTF-8; save it as UTF-8", path) from None
    except OSError as exc:
        raise HandoutError(f"cannot read the manifest: {exc.strerror}", path) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        message = _TOML_LINE.sub("", str(exc)).strip()
        raise ManifestError(path, [(int(match.group(1)) if match else None, "toml", f"{message}; check quotes and brackets")]) from None
    checker = _ManifestChecker(path, key_lines(text), diagnostics, out_given)
    return checker.settings(data)


class _ManifestChecker:
    """Check a parsed manifest, collecting every problem before raising."""

    def __init__(self, path: Path, lines: dict[str, int], diagnostics: Diagnostics | None, out_given: bool = False):
        self.path = path
        self.out_given = out_given
        self.root = path.parent
        self.lines = lines
        self.diagnostics = diagnostics
        self.problems: list[tuple[int | None, str, str]] = []

    def problem(self, key: str, message: str) -> None:
        self.problems.append((self.lines.get(key) or self.lines.get(key.split(".")[0]), key, message))

    def settings(self, data: dict[str, Any]) -> CourseSettings:
        values = self._typed_values(data)
        course, build = values.get("course", {}), values.get("build", {})
        if not course.get("title", "").strip() and "course.title" not in {key for _, key, _ in self.problems}:
            self.problem("course.title", "missing; add `title = \"...\"` under [course]")
        lang = course.get("lang", languages.DEFAULT)
        if not languages.known(lang):
            self.problem("course.lang", f"expected one of {', '.join(languages.CODES)}, got {lang!r}")
        editions = tuple(build.get("editions", EDITIONS))
        for edition in editions:
            if edition not in EDITIONS:
                self.problem("build.editions", f"unknown edition {edition!r}; expected some of {', '.join(EDITIONS)}")
        if not editions:
            self.problem("build.editions", "is empty; list at least one of " + ", ".join(EDITIONS))
        self._check_choice(build, "paper", PAPERS)
        self._check_choice(build, "layout", LAYOUTS)
        lectures = self._lectures(course.get("lectures"))
        if not self.out_given:
            self._check_out(build.get("out", "dist"), lectures)
        if self.problems:
            self.problems.sort(key=lambda problem: problem[0] or 0)
            raise ManifestError(self.path, self.problems)
        return CourseSettings(
            root=self.root,
            manifest=self.path,
            title=course["title"].strip(),
            lectures=lectures,
            institution=course.get("institution", ""),
            teacher=course.get("teacher", ""),
            year=course.get("year", ""),
            lang=lang,
            editions=tuple(dict.fromkeys(editions)),
            paper=build.get("paper", "a4"),
            layout=build.get("layout", "standard"),
            out_dir=self.root / build.get("out", "dist"),
            reader=build.get("reader", True),
            index=build.get("index", True),
        )

    def _typed_values(self, data: dict[str, Any]) -> dict[str, dict[str, Any]]:
        """Keep the known keys whose values have the right type; report the rest."""
        values: dict[str, dict[str, Any]] = {}
        for table, content in data.items():
            if table not in _SCHEMA:
                self._warn(table, f"unknown table [{table}] is ignored; expected [course] or [build]")
                continue
            if not isinstance(content, dict):
                self.problem(table, f"expected a table [{table}], got {_type_name(content)}")
                continue
            values[table] = {}
            for key, value in content.items():
                expected = _SCHEMA[table].get(key)
                if expected is None:
                    known = ", ".join(_SCHEMA[table])
                    self._warn(f"{table}.{key}", f"unknown key is ignored; keys of [{table}] are {known}")
                elif _type_name(value) != expected or (expected == "list" and not all(isinstance(item, str) for item in value)):
                    wanted = {"text": "text in quotes", "list": "a list of texts like [\"a\", \"b\"]", "bool": "true or false"}[expected]
                    self.problem(f"{table}.{key}", f"expected {wanted}, got {_type_name(value)} {value!r:.40}")
                else:
                    values[table][key] = value
        return values

    def _check_choice(self, build: dict[str, Any], key: str, choices: tuple[str, ...]) -> None:
        if key in build and build[key] not in choices:
            self.problem(f"build.{key}", f"expected one of {', '.join(choices)}, got {build[key]!r}")

    def _check_out(self, out: str, lectures: tuple[Path, ...]) -> None:
        """The output folder must lie inside the course, be none of its source folders, and not the course itself.

        A build replaces what it writes and removes its stale parts, so an output folder
        that is the course (or holds lectures) would overwrite the author's own files.
        """
        folder = self.root / out
        hint = "name a folder inside the course such as \"dist\", or give --out on the command line"
        if Path(out).is_absolute() or not is_inside(folder, self.root):
            self.problem("build.out", f"{out!r} is outside the course folder; {hint}")
        elif is_inside(self.root, folder):
            self.problem("build.out", f"{out!r} is the course folder itself, where the lectures are; {hint}")
        else:
            held = [lecture for lecture in lectures if is_inside(lecture, folder)]
            if held:
                self.problem("build.out", f"{out!r} holds the lecture {held[0].name}; {hint}")

    def _lectures(self, patterns: list[str] | None) -> tuple[Path, ...]:
        """Expand the lecture paths and globs in order; each file once, at its first place."""
        if patterns is None:
            patterns = ["*.md"]
        if not patterns:
            self.problem("course.lectures", "is empty; list lecture files or globs such as \"lectures/*.md\"")
        found: dict[Path, None] = {}
        root = self.root.resolve()
        for pattern in patterns:
            if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
                self.problem("course.lectures", f"{pattern!r} leaves the course folder; give a path inside it")
                continue
            matches = sorted(Path(name) for name in glob.glob(str(self.root / pattern), recursive=True))
            matches = [match for match in matches if match.is_file() and match.suffix.lower() in (".md", ".markdown")]
            if not matches:
                self.problem("course.lectures", f"{pattern!r} matches no .md file in {self.root}")
            for match in matches:
                if not is_inside(match, root) or match.resolve() == root:
                    self.problem("course.lectures", f"{match} {outside_message(match, root)}")
                    continue
                found.setdefault(match, None)
        stems: dict[str, Path] = {}
        for lecture in found:
            if lecture.stem in stems:
                self.problem("course.lectures", f"{stems[lecture.stem]} and {lecture} would both be written as "
                             f"{lecture.stem}.pdf; rename one")
            stems[lecture.stem] = lecture
        return tuple(found)

    def _warn(self, key: str, message: str) -> None:
        if self.diagnostics is not None:
            self.diagnostics.warn(self.path, self.lines.get(key), "unknown-key", f"{key}: {message}")


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "table"
    return type(value).__name__
