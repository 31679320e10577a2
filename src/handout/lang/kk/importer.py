"""Turn a damaged PDF-to-text extraction of a lecture into lecture Markdown, and check files.

The extraction conventions handled (those of the course's lecture files):

- every source line is followed by an empty line; extra blank lines are page gaps;
- a header ``№10 Лекция тақырыбы: 4-БЛОК. …`` with the title on the next line;
- ``Лекцияның оқыту нәтижелері:`` and ``Лекция мазмұны.`` followed by numbered items;
- sections start with their number (``2.Желтоқсандағы …``), often run into the first paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ...errors import HandoutError
from . import orthography
from .textfiles import check_files, read_text, write_atomically

__all__ = ["check_files", "import_file", "import_text"]

# "№10 Лекция тақырыбы: …", "Дәріс №3. Тақырыбы: …", "Лекция № 7", "8-дәріс. Тақырыбы: …", "Тақырыбы: …".
LECTURE_WORD = r"(?:лекция|дәріс)"
HEADER = re.compile(
    rf"^(?:№\s*(?P<n1>\d+)\s*[-.]?\s*(?:{LECTURE_WORD}\b)?|{LECTURE_WORD}\s*№?\s*(?P<n2>\d+)\s*[-.]?"
    rf"|(?P<n3>\d+)\s*-\s*{LECTURE_WORD}\b\s*[-.]?)?\s*(?P<topic>(?:{LECTURE_WORD}\w*\s+)?тақырыб?ы?\s*[:.])?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
TOPIC_LINE = re.compile(rf"^(?:{LECTURE_WORD}\w*\s+)?тақырыб?ы?\s*[:.]\s*(.*)$", re.IGNORECASE)
BLOCK = re.compile(r"^\d+\s*-\s*БЛОК\b.*$")
OUTCOMES_LABEL = re.compile(rf"^(?:{LECTURE_WORD}\w*\s+)?оқыту\s+нәтижелері\s*[:.]?$", re.IGNORECASE)
CONTENTS_LABEL = re.compile(rf"^(?:{LECTURE_WORD}\w*\s+)?(?:мазмұны|жоспары?)\s*[:.]?$", re.IGNORECASE)
NUMBERED = re.compile(r"^(\d{1,2})\s*[.)]\s*(?=\S)(.*)$")
BULLET = re.compile(r"^[•·▪●◦]\s*(.*)$")
# Page furniture: "12", "- 12 -", "— 12 —", "12 бет", "Page 12".
PAGE_NUMBER = re.compile(r"^[-–—]?\s*(?:бет|page|стр\.?)?\s*\d{1,4}\s*(?:бет)?\s*[-–—]?$", re.IGNORECASE)
RUNNING_LINE_MAX = 100
"""Longest line that may be a running header or footer."""
SENTENCE_END = re.compile(r"[.!?…][»\"”)]*$")
INITIAL_END = re.compile(r"(?:^|[\s.])(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|ж|жж|ғ|ғғ)\.$")
"""An initial (В.) or a date abbreviation (1921 ж.) ends the line: the sentence goes on."""
PARAGRAPH_START = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9«\"(/]")
# Markdown would read these paragraph starts as a list, a heading, a quote or a rule.
MARKDOWN_LIST_NUMBER = re.compile(r"^(\d+)([.)]\s)")
MARKDOWN_BLOCK_MARK = re.compile(r"^([-+*#>]\s)")
MARKDOWN_INLINE = re.compile(r"([*_`<\\])")
WIDTH_SLACK = 1
"""Characters a line may fall short of the widest line and still count as full."""


@dataclass
class _Line:
    """One content line of the extraction."""

    text: str
    indented: bool = False
    """The line began with a space: the extraction kept a paragraph indent."""
    after_gap: bool = False
    """One or more blank lines (a page or section gap) come before it."""
    padded: bool = False
    """The line ends with extra spaces it has nowhere inside: the extraction padded a paragraph's end."""


@dataclass
class _Header:
    """What the lecture's opening lines say about it."""

    number: int | None = None
    block: str = ""
    title: str = ""
    outcomes: list[str] = field(default_factory=list)
    contents: list[str] = field(default_factory=list)


def import_text(text: str, source_name: str, course: str = "", date: str = "") -> str:
    """Turn a damaged lecture extraction into lecture Markdown (front matter + ``##`` sections).

    Stages, in order: safe orthography repairs; content lines and gaps; the header
    (title, block, number, outcomes, contents list); paragraphs re-joined across hard
    line breaks and page gaps; section headings; hyphenated compounds joined; Markdown escapes.
    """
    repaired, _ = orthography.repair(text)
    lines = _content_lines(repaired)
    header, rest = _read_header(lines)
    if not header.title:
        raise HandoutError("no lecture title found (expected a line like `№10 Лекция тақырыбы: …`)", source_name)
    width = _line_width(rest)
    sections = _split_sections(rest, header.contents, width)
    return _front_matter(header, course, date) + _render_body(sections)


def import_file(src: Path, out: Path, force: bool = False, course: str = "", date: str = "") -> Path:
    """Import one extraction into a lecture file, refusing to overwrite it unless forced."""
    if out.is_dir():
        raise HandoutError(f"is a folder; give the Markdown file to write, e.g. -o {out / (src.stem + '.md')}", out)
    if out.exists() and not force:
        raise HandoutError("the output file exists; use --force to overwrite it", out)
    text = read_text(src)
    markdown = import_text(text, str(src), course=course, date=date)
    write_atomically(out, markdown, like=out if out.is_file() else None)
    return out


# ---------------------------------------------------------------- lines and header


def _content_lines(text: str) -> list[_Line]:
    """Split an extraction into content lines, undoing its one-blank-line-per-line spacing."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").expandtabs(4).split("\n")
    raw = _drop_page_furniture(raw)
    doubled = _is_double_spaced(raw)
    lines: list[_Line] = []
    blanks = 0
    for item in raw:
        if item.strip():
            gap = blanks > (1 if doubled else 0) or (lines == [] and blanks > 0)
            cleaned = re.sub(r"\s+", " ", item).strip()
            padded = bool(re.search(r"\S {2,}$", item)) and "  " not in item.strip()
            lines.append(_Line(cleaned, item[:1].isspace(), gap and bool(lines), padded))
            blanks = 0
        else:
            blanks += 1
    return lines


def _drop_page_furniture(raw: list[str]) -> list[str]:
    """Blank out page numbers and running headers/footers, keeping the gaps they stood in.

    A running line is a short line that comes back (digits aside) at two or more page
    boundaries; a page number is a bare or dashed number standing alone between gaps.
    """
    content = [i for i, line in enumerate(raw) if line.strip()]
    spacing = 2 if _is_double_spaced(raw) else 1  # line distance inside a page
    gap_before, gap_after = set(), set()
    for position, i in enumerate(content):
        if position == 0 or i - content[position - 1] > spacing:
            gap_before.add(i)
        if position + 1 == len(content) or content[position + 1] - i > spacing:
            gap_after.add(i)
    numbers = {
        i
        for i in content
        if PAGE_NUMBER.match(raw[i].strip())
        and not NUMBERED.match(raw[i].strip())
        and (re.search(r"[-–—]", raw[i]) or (i in gap_before and i in gap_after))
    }
    present = set(content)
    near_numbers = {j for i in numbers for j in range(i - 2 * spacing, i + 2 * spacing + 1) if j in present}
    at_boundary = gap_before | gap_after | near_numbers
    keys: dict[str, list[int]] = {}
    for i in content:
        line = raw[i].strip()
        if len(line) <= RUNNING_LINE_MAX and not NUMBERED.match(line):
            keys.setdefault(re.sub(r"\s+", " ", re.sub(r"\d+", "#", line)), []).append(i)
    running = {i for found in keys.values() if len(found) >= 2 and all(i in at_boundary for i in found) for i in found}
    return ["" if i in numbers | running else line for i, line in enumerate(raw)]


def _is_double_spaced(raw: list[str]) -> bool:
    """Tell whether most content lines are followed by exactly one empty line."""
    content = [i for i, line in enumerate(raw) if line.strip()]
    followed = sum(1 for i in content if i + 2 < len(raw) and raw[i + 1] == "" and raw[i + 2].strip())
    return len(content) > 2 and followed * 2 > len(content)


def _read_header(lines: list[_Line]) -> tuple[_Header, list[_Line]]:
    """Read title, block, number, outcomes and contents; return them and the remaining lines."""
    header = _Header()
    match = HEADER.match(lines[0].text) if lines else None
    if not match or not (match.group("n1") or match.group("n2") or match.group("n3") or match.group("topic")):
        return header, lines
    number = match.group("n1") or match.group("n2") or match.group("n3")
    header.number = int(number) if number else None
    tail = match.group("rest").strip()
    index = 1
    topic = TOPIC_LINE.match(lines[1].text) if not match.group("topic") and not tail and len(lines) > 1 else None
    if topic:  # "Лекция № 7" with "Тақырыбы: …" on the next line
        tail, index = topic.group(1).strip(), 2
    if BLOCK.match(tail):
        header.block, tail = tail, ""
    title_lines = [tail] if tail else []
    # The title goes on over the following lines until a gap, a label or a numbered line.
    while index < len(lines) and not _is_label(lines[index].text) and not NUMBERED.match(lines[index].text):
        if title_lines and (lines[index].after_gap or SENTENCE_END.search(title_lines[-1])):
            break
        title_lines.append(lines[index].text)
        index += 1
    header.title = " ".join(title_lines).rstrip(".")
    while index < len(lines) and _is_label(lines[index].text):
        target = header.outcomes if OUTCOMES_LABEL.match(lines[index].text) else header.contents
        index = _read_numbered_items(lines, index + 1, target)
    return header, lines[index:]


def _is_label(text: str) -> bool:
    return bool(OUTCOMES_LABEL.match(text) or CONTENTS_LABEL.match(text))


def _read_numbered_items(lines: list[_Line], index: int, items: list[str]) -> int:
    """Collect ``1. …``, ``1) …`` or bulleted items (each may wrap) until the numbering stops or restarts."""
    bulleted = index < len(lines) and bool(BULLET.match(lines[index].text))
    found: list[_Paragraph] = []
    while index < len(lines):
        line = lines[index]
        match = BULLET.match(line.text) if bulleted else NUMBERED.match(line.text)
        if _is_label(line.text):
            break
        if match and (bulleted or int(match.group(1)) == len(items) + len(found) + 1):
            found.append(_Paragraph())
            found[-1].add(match.group(match.lastindex).strip(), frozenset())
        elif found and not match and not line.after_gap and not NUMBERED.match(line.text):
            found[-1].add(line.text, frozenset())
        else:
            break
        index += 1
    items[:] = [item.rstrip(" ;.") for item in [*items, *(item.take() for item in found)]]
    return index


# ---------------------------------------------------------------- paragraphs and sections


def _line_width(lines: list[_Line]) -> int:
    """Return the width of a full line: the longest but one, so one stray long line does not count."""
    lengths = sorted(len(line.text) for line in lines)
    return lengths[-2] if len(lengths) > 1 else (lengths[0] if lengths else 0)


def _starts_paragraph(previous: _Line, line: _Line, width: int) -> bool:
    """Tell whether a line starts a new paragraph rather than continuing the previous line's."""
    if not SENTENCE_END.search(previous.text) or INITIAL_END.search(previous.text):
        return False
    if not PARAGRAPH_START.match(line.text):
        return False
    if line.indented or previous.padded:
        return True
    # A line ends early only where a paragraph ends: the next word would have fit on it.
    first_word = line.text.split(" ", 1)[0]
    return len(previous.text) + 1 + len(first_word) <= width - WIDTH_SLACK


def _join(previous: str, text: str, vocabulary: frozenset[str] = frozenset()) -> str:
    """Join a wrapped line to the text before it, re-joining a word split at a line-end hyphen.

    The hyphen stays only where :func:`orthography.keeps_hyphen` sees a compound
    (қару-жарақ broken at its own hyphen).
    """
    kept, separator = _joint(previous, text, vocabulary)
    return kept + separator + text


_WORD_START = re.compile(r"[^\W\d_]+")


def _joint(previous: str, text: str, vocabulary: frozenset[str]) -> tuple[str, str]:
    """Return ``previous`` as it stays before ``text`` (its line-end hyphen kept or dropped) and the separator.

    Only the end of ``previous`` is looked at (the word before the hyphen, found backwards),
    so joining a line costs the length of that line, not of the paragraph before it.
    """
    if not previous.endswith("-") or not _WORD_START.match(text):
        return previous, " "
    head_reversed = _WORD_START.match(previous[-2::-1]) if len(previous) > 1 else None
    if head_reversed is None:
        return previous, " "
    head, tail = head_reversed.group()[::-1], _WORD_START.match(text).group()
    if orthography.keeps_hyphen(head, tail, vocabulary):
        return previous, ""
    return previous[:-1], ""


class _Paragraph:
    """A paragraph being joined from lines: a list of pieces, so adding a line never copies the text before it."""

    def __init__(self) -> None:
        self.pieces: list[str] = []

    def __bool__(self) -> bool:
        return bool(self.pieces)

    def add(self, text: str, vocabulary: frozenset[str]) -> None:
        if self.pieces:
            self.pieces[-1], separator = _joint(self.pieces[-1], text, vocabulary)
            self.pieces.append(separator)
        self.pieces.append(text)

    def ends_sentence(self) -> bool:
        return bool(SENTENCE_END.search("".join(self.pieces[-3:])))

    def take(self) -> str:
        text, self.pieces = "".join(self.pieces), []
        return text


def _split_sections(lines: list[_Line], contents: list[str], width: int) -> list[tuple[str, list[str]]]:
    """Group lines into (heading, paragraphs); the heading of the leading part is empty."""
    vocabulary = frozenset(word.lower() for line in lines for word in orthography.WORD.findall(line.text))
    sections: list[tuple[str, list[str]]] = [("", [])]
    paragraph = _Paragraph()
    last_line = _Line("")
    for line in _split_run_in_section_starts(lines, contents):
        number = len(sections)
        match = NUMBERED.match(line.text)
        new_section = bool(match) and int(match.group(1)) == number and (not paragraph or paragraph.ends_sentence())
        bullet = bool(BULLET.match(line.text))
        if new_section or bullet or (paragraph and _starts_paragraph(last_line, line, width)):
            if paragraph:
                sections[-1][1].append(paragraph.take())
        if new_section:
            heading, first = _section_heading(match.group(2), contents, number)
            sections.append((heading, []))
            if first:
                paragraph.add(first, vocabulary)
        else:
            paragraph.add(line.text, vocabulary)
        last_line = line
    if paragraph:
        sections[-1][1].append(paragraph.take())
    return [(heading, _finish_paragraphs(paragraphs, heading, contents)) for heading, paragraphs in sections]


def _split_run_in_section_starts(lines: list[_Line], contents: list[str]) -> list[_Line]:
    """Break a line where a contents entry starts mid-line ("… жойылды. 2.Ашаршылық және …")."""
    result: list[_Line] = []
    expected = 1
    for line in lines:
        pieces = [line]
        for match in re.finditer(r"(?<=[.!?…»\")] )(\d{1,2})\s*[.)]\s*(?=\S)", line.text):
            number = int(match.group(1))
            entry = contents[number - 1] if 0 < number <= len(contents) else ""
            if number < expected or not entry or not _starts_with_entry(line.text[match.end() :], entry):
                continue
            head = pieces.pop()
            cut = match.start() - (len(line.text) - len(head.text))
            pieces += [_Line(head.text[:cut].rstrip(), head.indented, head.after_gap), _Line(head.text[cut:], True)]
            expected = number + 1
        numbered = NUMBERED.match(line.text)
        if numbered:
            expected = max(expected, int(numbered.group(1)) + 1)
        result.extend(pieces)
    return result


def _starts_with_entry(text: str, entry: str) -> bool:
    """Tell whether text begins with a contents entry, ignoring case and spacing."""
    pattern = r"\s*".join(re.escape(word) for word in entry.split())
    return bool(re.match(pattern, text, re.IGNORECASE))


def _section_heading(text: str, contents: list[str], number: int) -> tuple[str, str]:
    """Split a section's first line into its heading and the text that follows it."""
    if number <= len(contents):
        return contents[number - 1], text  # the run-in title is matched once the paragraph is whole
    title, dot, rest = text.partition(". ")
    return (title.rstrip("."), rest) if dot else (text.rstrip("."), "")


def _finish_paragraphs(paragraphs: list[str], heading: str, contents: list[str]) -> list[str]:
    """Drop a run-in title equal to the heading; join compounds; make each paragraph plain Markdown."""
    if paragraphs and heading and heading in contents:
        paragraphs = [_strip_run_in_title(paragraphs[0], heading)] + paragraphs[1:]
    result: list[str] = []
    in_list = False
    for paragraph in paragraphs:
        paragraph, _ = orthography.apply_fixes(paragraph)
        item = BULLET.match(paragraph.strip())
        if item:  # consecutive bulleted paragraphs make one Markdown list
            line = "- " + MARKDOWN_INLINE.sub(r"\\\1", item.group(1).strip())
            result[-1:] = [f"{result[-1]}\n{line}"] if in_list else result[-1:] + [line]
        elif paragraph.strip():
            result.append(_escape_markdown(paragraph.strip()))
        in_list = bool(item)
    return result


def _strip_run_in_title(paragraph: str, heading: str) -> str:
    """Remove the section's title from the start of its first paragraph when they match."""
    pattern = r"\s*".join(re.escape(word) for word in heading.split())
    match = re.match(rf"\s*{pattern}\s*\.?\s*", paragraph, re.IGNORECASE)
    return paragraph[match.end() :] if match else paragraph


def _escape_markdown(paragraph: str) -> str:
    """Escape characters that would turn plain prose into Markdown markup."""
    paragraph = MARKDOWN_INLINE.sub(r"\\\1", paragraph)
    paragraph = MARKDOWN_LIST_NUMBER.sub(r"\1\\\2", paragraph)
    return MARKDOWN_BLOCK_MARK.sub(r"\\\1", paragraph)


# ---------------------------------------------------------------- output


def _front_matter(header: _Header, course: str, date: str) -> str:
    """Render the YAML front matter block."""
    data: dict[str, object] = {"title": header.title}
    if course:
        data["course"] = course
    if header.number is not None:
        data["number"] = header.number
    if header.block:
        data["block"] = header.block
    data["lang"] = "kk"
    if date:
        data["date"] = date
    if header.outcomes:
        data["outcomes"] = header.outcomes
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
    return f"---\n{dumped}---\n"


def _render_body(sections: list[tuple[str, list[str]]]) -> str:
    """Render sections as ``## heading`` followed by blank-line separated paragraphs."""
    parts: list[str] = []
    for heading, paragraphs in sections:
        if heading:
            parts.append(f"## {heading}")
        parts.extend(paragraphs)
    return "\n" + "\n\n".join(parts) + "\n"
