"""Turn a damaged PDF-to-text extraction of a lecture into lecture Markdown: the part every language shares.

A pack gives its :class:`ImportRules` (its header words, how it tells a compound from a word split
at a line end, its repairs); this module does the rest, the same for every language:

- page numbers and running headers/footers dropped, the gaps they stood in kept;
- the extraction's one-blank-line-per-line spacing undone, lines joined into paragraphs;
- the header (number, title, block, outcomes, contents list) read with the pack's words;
- numbered sections (``2.Алаш …``, often run into the first paragraph) made ``##`` headings;
- words split at a line-end hyphen re-joined, compounds kept; Markdown escapes.

:func:`import_file` picks the pack by ``--lang`` or by the text's letters and words (``detection.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from ..errors import HandoutError
from .detection import detect_language
from .pagefurniture import NUMBERED, drop_page_furniture, is_double_spaced, pages_as_gaps
from .textfiles import read_text, write_atomically

__all__ = ["HeaderRules", "ImportRules", "detect_language", "import_file", "import_text", "initial_end", "plain_repairs"]

KeepsHyphen = Callable[[str, str, frozenset], bool]
"""keeps_hyphen(head, tail, vocabulary): is 'head-' at a line end and 'tail' on the next a compound?"""

BULLET = re.compile(r"^[•·▪●◦]\s*(.*)$")
TOC_LEADER = re.compile(r"\s*(?:\.\s*){4,}\d*\s*$")
"""A table of contents' dot leader and page number ending an entry: "Алаш . . . . . 12"."""
SENTENCE_END = re.compile(r"[.!?…][»\"”)]*$")
PARAGRAPH_START = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9«\"(/]")
HEADING_LIKE = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9«\"]\S*(?:\s+\S+){0,19}$")
TITLE_WRAP_SHARE = 0.6
"""A title line shorter than this share of a full line did not wrap (it is centred, so it wraps early)."""
HEADING_MAX = 150
"""Longest first line taken for the title when no title line says it is one."""
WORD = re.compile(r"[^\W\d_]+")
COMPOUND = re.compile(r"[^\W\d_]+-[^\W\d_]+")
# Markdown would read these paragraph starts as a list, a heading, a quote or a rule.
MARKDOWN_LIST_NUMBER = re.compile(r"^(\d+)([.)]\s)")
MARKDOWN_BLOCK_MARK = re.compile(r"^([-+*#>]\s)")
MARKDOWN_INLINE = re.compile(r"([*_`<\\])")
WIDTH_SLACK = 1
"""Characters a line may fall short of the widest line and still count as full."""
NEVER = re.compile(r"(?!)")


LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
LINE_END_HYPHEN = re.compile(r"[\u00ad\u2010\u2011](?=[ \t]*(?:\r?\n|$))")
INVISIBLE = re.compile(r"[\u00ad\u200b\u2060\ufeff]")


def plain_repairs(text: str) -> str:
    """The repairs of any PDF extraction: ligatures spelt out (ﬁ → fi), a soft or Unicode hyphen at a
    line end made a plain one (the judge then decides), invisible characters inside words dropped."""
    return INVISIBLE.sub("", LINE_END_HYPHEN.sub("-", text.translate(LIGATURES)))


def initial_end(abbreviations: str) -> re.Pattern:
    """An initial (В.) or one of the pack's abbreviations (1921 ж., 1917 г.) ends the line: the sentence goes on."""
    return re.compile(rf"(?:^|[\s.])(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|{abbreviations})\.$")


@dataclass(frozen=True)
class HeaderRules:
    """A pack's words for a lecture's opening lines (the ``header`` pattern has groups n1, n2, n3, topic, rest)."""

    header: re.Pattern
    topic_line: re.Pattern
    outcomes_label: re.Pattern
    contents_label: re.Pattern
    missing_title: str
    """The error when no title is found: what line was expected."""
    block: re.Pattern = NEVER
    title_from_first_line: bool = False
    """With no title line, take a heading-like first line for the title."""
    search_lines: int = 1
    """How many of the first lines may hold the title line."""
    title_wraps_when_full: bool = False
    """The title goes on to the next line only when its line is nearly full (else only to a gap)."""


@dataclass(frozen=True)
class ImportRules:
    """What a language pack gives the importer."""

    code: str
    header: HeaderRules
    hyphen_judge: Callable[[list[tuple[str, str]], frozenset[str]], KeepsHyphen]
    """Given every (head, tail) split at a line end and the text's hyphenated words (lowercase),
    return the keeps_hyphen that decides the splits."""
    initial_end: re.Pattern = field(default_factory=lambda: initial_end(r"(?!)"))
    repair: Callable[[str], str] = lambda text: text
    """Sure repairs of the whole extraction, before anything else (Kazakh: legacy-font letters)."""
    finish_paragraph: Callable[[str], str] = lambda text: text
    """Sure fixes of one joined paragraph (Kazakh: compounds spaced around their hyphen)."""
    page_breaks: bool = False
    """A form feed is a page gap, with a page number on either side of it dropped (pdftotext's pages)."""
    number_suffix: bool = False
    """A number and its suffix or prefix split at a line end join without a space (1920-х, mid-1920s)."""
    detect_words: frozenset[str] = frozenset()
    """Common short words of the language, to tell it from another of the same script."""
    letters: str = ""
    """Every letter the language writes (lowercase)."""


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
    breaks_before: bool = False
    """A paragraph surely starts here (the body's first line, after lines that stood above the title)."""


@dataclass
class _Header:
    """What the lecture's opening lines say about it."""

    number: int | None = None
    block: str = ""
    title: str = ""
    outcomes: list[str] = field(default_factory=list)
    contents: list[str] = field(default_factory=list)


def import_text(text: str, source_name: str, rules: ImportRules, course: str = "", date: str = "") -> str:
    """Turn a damaged lecture extraction into lecture Markdown (front matter + ``##`` sections).

    Stages, in order: the pack's sure repairs; content lines and gaps; the header
    (title, block, number, outcomes, contents list); paragraphs re-joined across hard
    line breaks and page gaps; section headings; hyphenated compounds joined; Markdown escapes.
    """
    lines = _content_lines(rules.repair(text), rules.page_breaks)
    header, rest = _read_header(lines, rules.header)
    if not header.title:
        raise HandoutError(f"no lecture title found (expected a line like `{rules.header.missing_title}`)",
                           source_name, 1)
    width = _line_width(rest)
    sections = _split_sections(rest, header.contents, width, rules)
    return _front_matter(header, rules.code, course, date) + _render_body(sections)


def import_file(src: Path, out: Path, force: bool = False, code: str | None = None, course: str = "",
                date: str = "") -> Path:
    """Import one extraction into a lecture file in the language ``code`` (None: the text's), never overwriting unless forced."""
    from . import get, choices

    if out.is_dir():
        raise HandoutError(f"is a folder; give the Markdown file to write, e.g. -o {out / (src.stem + '.md')}", out)
    if out.exists() and not force:
        raise HandoutError("the output file exists; use --force to overwrite it", out)
    text = read_text(src)
    code = code or detect_language(text)
    if code is None:
        raise HandoutError(f"cannot tell the text's language (too few letters); give --lang {choices()}", src, 1)
    rules = get(code).import_rules()
    if rules is None:
        raise HandoutError(f"the {code} pack has no importer; give --lang {choices()}", src)
    markdown = import_text(text, str(src), rules, course=course, date=date)
    write_atomically(out, markdown, like=out if out.is_file() else None)
    return out


# ---------------------------------------------------------------- lines and header


def _content_lines(text: str, page_breaks: bool = False) -> list[_Line]:
    """Split an extraction into content lines, undoing its one-blank-line-per-line spacing."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw = (pages_as_gaps(text) if page_breaks else text.replace("\f", "\n")).expandtabs(4).split("\n")
    raw = drop_page_furniture(raw)
    doubled = is_double_spaced(raw)
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


def _read_header(lines: list[_Line], rules: HeaderRules) -> tuple[_Header, list[_Line]]:
    """Read title, block, number, outcomes and contents; return them and the remaining lines.

    The title line is looked for in the first ``rules.search_lines`` lines; lines above it (a
    university's name, a course's) stay, as the body's first paragraph, for the teacher to judge.
    """
    for start in range(min(rules.search_lines, len(lines))):
        match = rules.header.match(lines[start].text)
        number = _lecture_number(match)
        if match and (number or match.group("topic")):
            width = _line_width(lines) if rules.title_wraps_when_full else 0
            header, rest = _read_title_line(match, number, lines[start:], rules, width)
            return header, lines[:start] + [replace(line, breaks_before=True) for line in rest[:1]] + rest[1:]
    return _first_heading_line(lines, rules) if rules.title_from_first_line else (_Header(), lines)


def _lecture_number(match: re.Match | None) -> str | None:
    groups = match.groupdict() if match else {}
    return groups.get("n1") or groups.get("n2") or groups.get("n3")  # a pack's pattern may lack some


def _read_title_line(match: re.Match, number: str | None, lines: list[_Line], rules: HeaderRules,
                     full_width: int = 0) -> tuple[_Header, list[_Line]]:
    """Read the header from its title line (``match``, of ``lines[0]``) on; ``full_width``: see ``HeaderRules``."""
    header = _Header()
    header.number = int(number) if number else None
    tail = match.group("rest").strip()
    index = 1
    topic = rules.topic_line.match(lines[1].text) if not match.group("topic") and not tail and len(lines) > 1 else None
    if topic:  # "Лекция № 7" with "Тақырыбы: …" on the next line
        tail, index = topic.group(1).strip(), 2
    if rules.block.match(tail):
        header.block, tail = tail, ""
    title_lines = [tail] if tail else []
    # The title goes on over the following lines until a gap, a label or a numbered line.
    while index < len(lines) and not _is_label(lines[index].text, rules) and not NUMBERED.match(lines[index].text):
        if title_lines and (lines[index].after_gap or SENTENCE_END.search(title_lines[-1])):
            break
        if title_lines and full_width and len(title_lines[-1]) < TITLE_WRAP_SHARE * full_width:
            break  # a short title line did not wrap: the next line is the body's
        title_lines.append(lines[index].text)
        index += 1
    header.title = " ".join(title_lines).rstrip(".")
    return _read_labelled_lists(header, lines, index, rules)


def _read_labelled_lists(header: _Header, lines: list[_Line], index: int, rules: HeaderRules) -> tuple[_Header, list[_Line]]:
    """Read the outcomes and contents lists that follow the title; return the header and the lines after them."""
    while index < len(lines) and _is_label(lines[index].text, rules):
        target = header.outcomes if rules.outcomes_label.match(lines[index].text) else header.contents
        index = _read_numbered_items(lines, index + 1, target, rules)
    return header, lines[index:]


def _first_heading_line(lines: list[_Line], rules: HeaderRules) -> tuple[_Header, list[_Line]]:
    """Take the first line as the title when it looks like one: short, capitalised, not a sentence."""
    first = lines[0].text if lines else ""
    if not HEADING_LIKE.match(first) or len(first) > HEADING_MAX or SENTENCE_END.search(first) or _is_label(first, rules):
        return _Header(), lines
    return _read_labelled_lists(_Header(title=first.rstrip(".")), lines, 1, rules)


def _is_label(text: str, rules: HeaderRules) -> bool:
    return bool(rules.outcomes_label.match(text) or rules.contents_label.match(text))


def _read_numbered_items(lines: list[_Line], index: int, items: list[str], rules: HeaderRules) -> int:
    """Collect ``1. …``, ``1) …`` or bulleted items (each may wrap) until the numbering stops or restarts."""
    bulleted = index < len(lines) and bool(BULLET.match(lines[index].text))
    found: list[_Paragraph] = []
    closed = False  # the last item ended with a table of contents' leader and page number
    while index < len(lines):
        line = lines[index]
        match = BULLET.match(line.text) if bulleted else NUMBERED.match(line.text)
        if _is_label(line.text, rules):
            break
        if match and (bulleted or int(match.group(1)) == len(items) + len(found) + 1):
            found.append(_Paragraph())
            found[-1].add(match.group(match.lastindex).strip(), frozenset())
        elif found and not match and not line.after_gap and not NUMBERED.match(line.text) and not closed:
            found[-1].add(line.text, frozenset())
        else:
            break
        closed = bool(TOC_LEADER.search(line.text))
        index += 1
    items[:] = [TOC_LEADER.sub("", item).rstrip(" ;.") for item in [*items, *(item.take() for item in found)]]
    return index


# ---------------------------------------------------------------- paragraphs and sections


def _line_width(lines: list[_Line]) -> int:
    """Return the width of a full line: the longest but one, so one stray long line does not count."""
    lengths = sorted(len(line.text) for line in lines)
    return lengths[-2] if len(lengths) > 1 else (lengths[0] if lengths else 0)


def _starts_paragraph(previous: _Line, line: _Line, width: int, rules: ImportRules) -> bool:
    """Tell whether a line starts a new paragraph rather than continuing the previous line's."""
    if not SENTENCE_END.search(previous.text) or rules.initial_end.search(previous.text):
        return False
    if not PARAGRAPH_START.match(line.text):
        return False
    if line.indented or previous.padded:
        return True
    # A line ends early only where a paragraph ends: the next word would have fit on it.
    first_word = line.text.split(" ", 1)[0]
    return len(previous.text) + 1 + len(first_word) <= width - WIDTH_SLACK


def _join(previous: str, text: str, keeps_hyphen: KeepsHyphen, vocabulary: frozenset[str] = frozenset()) -> str:
    """Join a wrapped line to the text before it, re-joining a word split at a line-end hyphen.

    The hyphen stays only where the pack's ``keeps_hyphen`` sees a compound
    (қару-жарақ, Алаш-Орда, Austro-Hungarian broken at their own hyphen).
    """
    kept, separator = _joint(previous, text, vocabulary, keeps_hyphen)
    return kept + separator + text


_WORD_START = re.compile(r"[^\W\d_]+")


def _joint(previous: str, text: str, vocabulary: frozenset[str], keeps_hyphen: KeepsHyphen,
           number_suffix: bool = False) -> tuple[str, str]:
    """Return ``previous`` as it stays before ``text`` (its line-end hyphen kept or dropped) and the separator.

    ``number_suffix``: a number and its suffix or prefix on the next line join ("1920-" and "х годах" →
    "1920-х годах", "mid-" and "1920s" → "mid-1920s").
    Only the end of ``previous`` is looked at (the word before the hyphen, found backwards),
    so joining a line costs the length of that line, not of the paragraph before it.
    """
    if not previous.endswith("-"):
        return previous, " "
    if not _WORD_START.match(text):  # "mid-" and "1920s": a compound with a number
        return previous, "" if number_suffix and text[:1].isdigit() and previous[-2:-1].isalpha() else " "
    head_reversed = _WORD_START.match(previous[-2::-1]) if len(previous) > 1 else None
    if head_reversed is None:
        return previous, "" if number_suffix and previous[-2:-1].isdigit() else " "
    head, tail = head_reversed.group()[::-1], _WORD_START.match(text).group()
    if keeps_hyphen(head, tail, vocabulary):
        return previous, ""
    return previous[:-1], ""


class _Paragraph:
    """A paragraph being joined from lines: a list of pieces, so adding a line never copies the text before it."""

    def __init__(self, keeps_hyphen: KeepsHyphen = lambda head, tail, vocabulary: False,
                 number_suffix: bool = False) -> None:
        self.pieces: list[str] = []
        self.keeps_hyphen = keeps_hyphen
        self.number_suffix = number_suffix

    def __bool__(self) -> bool:
        return bool(self.pieces)

    def add(self, text: str, vocabulary: frozenset[str]) -> None:
        if self.pieces:
            self.pieces[-1], separator = _joint(self.pieces[-1], text, vocabulary, self.keeps_hyphen,
                                                  self.number_suffix)
            self.pieces.append(separator)
        self.pieces.append(text)

    def ends_sentence(self) -> bool:
        return bool(SENTENCE_END.search("".join(self.pieces[-3:])))

    def take(self) -> str:
        text, self.pieces = "".join(self.pieces), []
        return text


def _split_sections(lines: list[_Line], contents: list[str], width: int,
                    rules: ImportRules) -> list[tuple[str, list[str]]]:
    """Group lines into (heading, paragraphs); the heading of the leading part is empty."""
    vocabulary = frozenset(word.lower() for line in lines for word in WORD.findall(line.text))
    compounds = frozenset(word.lower() for line in lines for word in COMPOUND.findall(line.text))
    keeps_hyphen = rules.hyphen_judge(_line_end_splits(lines), compounds)
    sections: list[tuple[str, list[str]]] = [("", [])]
    paragraph = _Paragraph(keeps_hyphen, rules.number_suffix)
    last_line = _Line("")
    for line in _split_run_in_section_starts(lines, contents):
        number = len(sections)
        match = NUMBERED.match(line.text)
        new_section = bool(match) and int(match.group(1)) == number and (
            not paragraph or paragraph.ends_sentence() or line.breaks_before)
        bullet = bool(BULLET.match(line.text))
        if new_section or bullet or line.breaks_before or (paragraph and _starts_paragraph(last_line, line, width, rules)):
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
    return [(heading, _finish_paragraphs(paragraphs, heading, contents, rules)) for heading, paragraphs in sections]


def _line_end_splits(lines: list[_Line]) -> list[tuple[str, str]]:
    """(head, tail) of every word a line-end hyphen may split, so a pack can look them all up at once."""
    splits = []
    for line, following in zip(lines, lines[1:]):
        head = _WORD_START.match(line.text[-2::-1]) if line.text.endswith("-") and len(line.text) > 1 else None
        tail = _WORD_START.match(following.text)
        if head and tail:
            splits.append((head.group()[::-1], tail.group()))
    return splits


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


def _finish_paragraphs(paragraphs: list[str], heading: str, contents: list[str], rules: ImportRules) -> list[str]:
    """Drop a run-in title equal to the heading; join compounds; make each paragraph plain Markdown."""
    if paragraphs and heading and heading in contents:
        paragraphs = [_strip_run_in_title(paragraphs[0], heading)] + paragraphs[1:]
    result: list[str] = []
    in_list = False
    for paragraph in paragraphs:
        paragraph = rules.finish_paragraph(paragraph)
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


def _front_matter(header: _Header, code: str, course: str, date: str) -> str:
    """Render the YAML front matter block."""
    data: dict[str, object] = {"title": header.title}
    if course:
        data["course"] = course
    if header.number is not None:
        data["number"] = header.number
    if header.block:
        data["block"] = header.block
    data["lang"] = code
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
