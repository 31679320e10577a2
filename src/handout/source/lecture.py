"""Load stage: a lecture file on disk → :class:`Lecture` with source line numbers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .. import lang as languages
from ..errors import HandoutError
from ..model import Block, Lecture, LectureMeta, Section
from .frontyaml import FrontMatterLimit, compose_bounded, construct
from .limits import cut

MAX_SOURCE_BYTES = 5 * 1024 * 1024
META_TYPES: dict[str, type | tuple[type, ...]] = {
    "title": str,
    "course": str,
    "block": str,
    "number": int,
    "lang": str,
    "outcomes": list,
    "author": str,
    "date": (str,),
    "short_title": str,
}
SETTING_KEYS = frozenset(
    {"chronology", "questions", "people", "terms", "paper", "layout", "pdf_variant", "edition", "institution", "teacher"}
)

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_AUTHOR_NUMBER = re.compile(r"^\d{1,2}[.)]\s+(?=\S)")
"""An author's own heading number ("1. Кеңес өкіметі"): the handout numbers sections itself."""
_LIST_ITEM = re.compile(r"^\s{0,3}([-*+]|\d{1,9}[.)])\s")


def load_lecture(path: Path, diagnostics=None, root: Path | None = None) -> Lecture:
    """Read a lecture file: decode, split front matter, split sections and blocks.

    ``root`` is the course folder the file must lie in (symlinks resolved); by default
    the nearest folder above it with a manifest, else its own folder.
    """
    text = read_source_text(path, root)
    front, body, body_line = split_front_matter(text, path)
    meta, settings, setting_lines = parse_front_matter(front, path, body_line, diagnostics)
    if not body.strip():
        raise HandoutError("the lecture has front matter but no text after it; write the lecture below the closing '---'",
                           path, body_line - 1)
    if not meta.title:
        meta = _with_title_from_body(meta, body, path)
    preamble, sections = split_sections(body.splitlines(), body_line)
    if not sections and diagnostics is not None and (preamble or body.strip()):
        diagnostics.warn(path, body_line, "no-headings", "the lecture has no `## Section` headings, so the handout "
                         "has no contents or bookmarks; add headings to divide it")
    return Lecture(
        path=path,
        meta=meta,
        sections=tuple(sections),
        preamble=tuple(preamble),
        settings=settings,
        setting_lines=setting_lines,
        source_text=text,
        body_line=body_line,
    )


def read_source_text(path: Path, root: Path | None = None) -> str:
    """Read a lecture as UTF-8, refusing binary files, other encodings, huge files and files outside the course."""
    from ..sandbox import course_root_of, is_inside, outside_message

    if not _utf8_name(path):
        raise HandoutError("the file name is not valid UTF-8 (perhaps Latin-1 or cp1251); rename the file, "
                           "e.g. `convmv -f latin1 -t utf-8 --notest FILE`", path)
    root = course_root_of(path) if root is None else root
    if path.exists() and not is_inside(path, root):
        raise HandoutError(outside_message(path, root), path)
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_SOURCE_BYTES + 1)
    except FileNotFoundError:
        raise HandoutError("no such file; check the path", path) from None
    except IsADirectoryError:
        raise HandoutError("is a folder, expected a Markdown lecture file", path) from None
    except OSError as exc:
        raise HandoutError(f"cannot read the file: {exc.strerror}", path) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise HandoutError(
            "file is more than the 5 MB a lecture may have; split it into several lectures",
            path,
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise HandoutError("file is UTF-16; save it as UTF-8", path, 1)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise HandoutError("file contains NUL bytes and looks binary; give a Markdown text file", path, line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise HandoutError(
            "file is not valid UTF-8 (perhaps cp1251); save it as UTF-8, e.g. `iconv -f cp1251 -t utf-8`",
            path,
            line,
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise HandoutError("file is empty; write the lecture in Markdown (see `handout new`)", path, 1)
    from .limits import check_line_lengths, check_numbers, check_nesting

    check_line_lengths(text, path)
    check_numbers(text, path)
    check_nesting(text, path)
    return text


def _utf8_name(path: Path) -> bool:
    try:
        str(path).encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def split_front_matter(text: str, path: Path) -> tuple[str, str, int]:
    """Return (front matter, body, line number of the body's first line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return "", text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise HandoutError("front matter starts with '---' but never ends; close it with a '---' line", path, 1)


def parse_front_matter(front: str, path: Path, body_line: int, diagnostics=None):
    """Parse YAML front matter into metadata and settings, with every error's line."""
    if not front.strip():
        return LectureMeta(title=""), {}, {}
    node = None
    try:
        node = compose_bounded(front)
        data = construct(node)
    except FrontMatterLimit as exc:
        raise HandoutError(f"front matter {exc.problem}", path, exc.problem_mark.line + 2) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = cut(getattr(exc, "problem", None) or "invalid YAML", 120)
        raise HandoutError(f"front matter is not valid YAML ({problem}); check indentation and quotes", path, line) from None
    except (ValueError, OverflowError) as exc:  # a well-formed but impossible value: 2026-11-31, a 5,000-digit number
        raise HandoutError(f"front matter has an impossible value ({cut(str(exc), 120)}); write a real date like "
                           "2026-11-30 or a shorter number, or quote the value to keep it as text",
                           path, _bad_scalar_line(node)) from None
    if not isinstance(data, dict):
        raise HandoutError("front matter must be a mapping of `key: value` lines", path, 2)
    key_lines = {
        str(key_node.value): key_node.start_mark.line + 2 for key_node, _ in getattr(node, "value", [])
    }
    errors = []
    meta_values: dict[str, Any] = {}
    settings: dict[str, Any] = {}
    for key, value in data.items():
        key = str(key)
        line = key_lines.get(key, 2)
        if key in META_TYPES:
            problem = _check_meta(key, value)
            if problem:
                errors.append(HandoutError(f"front matter key `{key}`: {problem}", path, line))
            else:
                meta_values[key] = value
        elif key in SETTING_KEYS:
            settings[key] = value
        elif diagnostics is not None:
            diagnostics.warn(path, line, "unknown-key", f"unknown front matter key `{cut(key, 60)}` is ignored; "
                             "check its spelling")
    if errors:
        if len(errors) > 1:
            raise HandoutError(
                "; ".join(f"line {e.line}: {e.message}" for e in errors[1:]).join(
                    (f"{errors[0].message} (and: ", ")")
                ),
                path,
                errors[0].line,
            )
        raise errors[0]
    meta = LectureMeta(
        title=str(meta_values.get("title", "")).strip(),
        course=meta_values.get("course", ""),
        block=meta_values.get("block", ""),
        number=meta_values.get("number"),
        lang=meta_values.get("lang", languages.DEFAULT),
        outcomes=tuple(meta_values.get("outcomes", ())),
        author=meta_values.get("author", ""),
        date=str(meta_values.get("date", "")),
        short_title=str(meta_values.get("short_title", "")).strip(),
    )
    return meta, settings, {key: key_lines[key] for key in settings if key in key_lines}


def front_matter_problems(paths) -> list[str]:
    """Return ``file:line: error: ...`` for each lecture among ``paths`` (files or folders) whose front matter is bad."""
    lectures = []
    for path in map(Path, paths):
        lectures.extend(sorted(path.rglob("*.md")) if path.is_dir() else [path] if path.suffix == ".md" else [])
    problems = []
    for path in lectures:
        try:
            front, _body, body_line = split_front_matter(read_source_text(path), path)
            parse_front_matter(front, path, body_line)
        except HandoutError as error:
            problems.append(str(error))
    return problems


def lecture_language(path: Path) -> str:
    """Return the code of a lecture's ``lang:`` (the default for a text file, or front matter that does not parse)."""
    if Path(path).suffix != ".md":
        return languages.DEFAULT
    try:
        front, _body, body_line = split_front_matter(read_source_text(path), path)
        return parse_front_matter(front, path, body_line)[0].lang
    except HandoutError:
        return languages.DEFAULT  # the front matter's own error is reported by the check


def _bad_scalar_line(node) -> int:
    """Return the file line of the first scalar that YAML parses but cannot construct (2: the front matter's first)."""
    constructor = yaml.SafeLoader("")
    pending = [node] if node is not None else []
    while pending:
        item = pending.pop(0)
        if isinstance(item, yaml.ScalarNode):
            try:
                constructor.construct_object(item, deep=True)
            except (ValueError, OverflowError):
                return item.start_mark.line + 2
        elif isinstance(item, yaml.SequenceNode):
            pending.extend(item.value)
        elif isinstance(item, yaml.MappingNode):
            pending.extend(part for pair in item.value for part in pair)
    return 2


def _check_meta(key: str, value: Any) -> str | None:
    """Return what is wrong with one metadata value, or None."""
    if key == "date":
        import datetime

        if isinstance(value, (datetime.date, str)):
            return None
        return f"expected a date like 2026-11-10, got {type(value).__name__}"
    expected = META_TYPES[key]
    if key == "number" and isinstance(value, bool):
        return "expected a whole number, got true/false"
    if not isinstance(value, expected):
        names = {str: "text", int: "a whole number", list: "a list"}
        wanted = names.get(expected, "text") if isinstance(expected, type) else "text"
        return f"expected {wanted}, got {type(value).__name__} {value!r:.40}"
    if key == "lang" and not languages.known(value):
        return f"expected one of {', '.join(languages.CODES)}, got {value!r}"
    if key == "outcomes" and not all(isinstance(item, str) for item in value):
        return "expected a list of sentences"
    return None


def _with_title_from_body(meta: LectureMeta, body: str, path: Path) -> LectureMeta:
    """Take the title from a leading ``# Title`` line when the front matter has none."""
    from dataclasses import replace

    for line in body.splitlines():
        match = _HEADING.match(line)
        if match and len(match.group(1)) == 1:
            return replace(meta, title=match.group(2))
    return replace(meta, title=path.stem)


def split_sections(lines: list[str], first_line: int) -> tuple[list[Block], list[Section]]:
    """Split body lines into a preamble and ``##`` sections of blocks, keeping line numbers."""
    preamble: list[Block] = []
    sections: list[Section] = []
    current: list[Block] = preamble
    heading: tuple[str, int, int] | None = None

    def close() -> None:
        if heading is not None:
            title, level, line = heading
            number = len(sections) + 1
            sections.append(Section(title, level, line, f"s-{number}", tuple(current), number))

    for block_lines, line in _blocks(lines, first_line):
        match = _HEADING.match(block_lines[0]) if len(block_lines) == 1 else None
        if match and len(match.group(1)) <= 2:
            if len(match.group(1)) == 1 and not sections and heading is None:
                continue  # a leading "# Title" duplicates the title block
            close()
            heading = (_AUTHOR_NUMBER.sub("", match.group(2)), len(match.group(1)), line)
            current = []
            continue
        current.append(Block("\n".join(block_lines), line, f"p-{line}"))
    close()
    return preamble, sections


def _blocks(lines: list[str], first_line: int):
    """Yield (lines, first line number) of each Markdown block; lists and fences stay whole."""
    block: list[str] = []
    start = first_line
    in_fence = False
    for offset, line in enumerate(lines):
        number = first_line + offset
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence or line.strip():
            if not block:
                start = number
            if not in_fence and _HEADING.match(line) and block:
                yield block, start
                block, start = [], number
            block.append(line)
            if not in_fence and _HEADING.match(line):
                yield block, start
                block = []
            continue
        if block and _continues_after_blank(block, lines, offset):
            block.append(line)
            continue
        if block:
            yield block, start
            block = []
    if block:
        yield block, start


def _continues_after_blank(block: list[str], lines: list[str], offset: int) -> bool:
    """Keep a loose list in one block: a blank line followed by another item or an indented line."""
    if not _LIST_ITEM.match(block[0]):
        return False
    for following in lines[offset + 1 :]:
        if following.strip():
            return bool(_LIST_ITEM.match(following) or following.startswith(("    ", "\t")))
    return False
