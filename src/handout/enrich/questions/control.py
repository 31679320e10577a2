"""The teacher's control of the questions (front matter ``questions``): authored items, exclude, reword, count."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ...diagnostics import Diagnostics
from ...errors import HandoutError
from ...model import Lecture, Question
from ... import lang as languages
from .common import shuffled
from .generate import matching_answer

DEFAULT_COUNT = {"event": 4, "date": 4, "choice": 4, "fill": 3, "truefalse": 4, "ordering": 5, "person": 3,
                 "why": 3, "term": 4, "task": 9, "matching": 5}
"""How many questions of each kind by default (matching: pairs per exercise; ordering: events in the exercise)."""
AUTHORED_KINDS = ("open", "date", "event", "matching", "choice", "ordering", "fill", "truefalse", "term", "why")
AUTHORED_KEYS = frozenset({"text", "answer", "kind", "points", "pairs", "options", "items", "key"})
CONTROL_KEYS = frozenset({"authored", "exclude", "reword", "count", "matching"})


@dataclasses.dataclass(frozen=True)
class QuestionControl:
    """The front matter's ``questions`` setting, checked."""

    enabled: bool = True
    authored: tuple[Question, ...] = ()
    exclude: tuple[str, ...] = ()
    reword: dict[str, str] = dataclasses.field(default_factory=dict)
    count: dict[str, int] = dataclasses.field(default_factory=lambda: dict(DEFAULT_COUNT))
    matching: bool = True


def parse_control(lecture: Lecture, diagnostics: Diagnostics) -> QuestionControl:
    """Check the ``questions`` front matter; wrong types raise, unknown keys warn."""
    value = lecture.settings.get("questions")
    line = lecture.setting_lines.get("questions")
    path = lecture.path
    if value is None or value is True:
        return QuestionControl()
    if value is False:
        return QuestionControl(enabled=False)
    item_lines = _authored_item_lines(lecture)
    if isinstance(value, list):
        return QuestionControl(authored=_authored(value, path, line, item_lines, lecture.meta.lang))
    if not isinstance(value, dict):
        raise HandoutError(
            f"front matter key `questions`: expected a list of questions or a mapping with authored/exclude/reword/count, got {type(value).__name__}",
            path,
            line,
        )
    for key in sorted(set(map(str, value)) - CONTROL_KEYS):
        diagnostics.warn(path, line, "bad-questions", f"unknown `questions` key `{key}` is ignored; use {', '.join(sorted(CONTROL_KEYS))}")
    authored = _authored(_expect(value.get("authored", []), list, "questions.authored", "a list", path, line), path, line, item_lines,
                        lecture.meta.lang)
    exclude = _expect(value.get("exclude", []), list, "questions.exclude", "a list of keys or question texts", path, line)
    reword = _expect(value.get("reword", {}), dict, "questions.reword", "a mapping of key: new text", path, line)
    count = _expect(value.get("count", {}), dict, "questions.count", "a mapping like {date: 5, event: 5}", path, line)
    matching = value.get("matching", True)
    if not isinstance(matching, bool):
        raise HandoutError(f"`questions.matching`: expected true or false, got {matching!r:.40}", path, line)
    counts = dict(DEFAULT_COUNT)
    for kind, number in count.items():
        if kind not in DEFAULT_COUNT:
            diagnostics.warn(path, line, "bad-questions", f"`questions.count.{kind}` is not a kind; use {', '.join(DEFAULT_COUNT)}")
        elif isinstance(number, bool) or not isinstance(number, int) or number < 0:
            raise HandoutError(f"`questions.count.{kind}`: expected a whole number ≥ 0, got {number!r:.40}", path, line)
        else:
            counts[kind] = number
    for key, text in reword.items():
        if not isinstance(text, str) or not text.strip():
            raise HandoutError(f"`questions.reword.{key}`: expected the new question text, got {text!r:.40}", path, line)
    return QuestionControl(
        authored=authored,
        exclude=tuple(str(entry).strip() for entry in exclude),
        reword={str(key): text.strip() for key, text in reword.items()},
        count=counts,
        matching=matching,
    )


def _expect(value, kind: type, name: str, wanted: str, path, line):
    if not isinstance(value, kind):
        raise HandoutError(f"`{name}`: expected {wanted}, got {type(value).__name__} {value!r:.40}", path, line)
    return value


def _authored(items: list, path: Path, line: int | None, item_lines: list[int], lang: str) -> tuple[Question, ...]:
    """Turn authored items (text or mappings) into questions, each error with its own line."""
    questions = []
    for index, item in enumerate(items):
        where = item_lines[index] if index < len(item_lines) else line
        questions.append(_authored_question(item, index, path, where or 0, lang))
    return tuple(questions)


def _authored_question(item, index: int, path: Path, line: int, lang: str) -> Question:
    if isinstance(item, str) and item.strip():
        return Question(text=item.strip(), line=line, source="authored", key=f"authored-{index + 1}")
    if not isinstance(item, dict):
        raise HandoutError(f"authored question {index + 1}: expected text or a mapping with `text`, got {type(item).__name__}", path, line)
    unknown = sorted(set(map(str, item)) - AUTHORED_KEYS)
    if unknown:
        raise HandoutError(f"authored question {index + 1}: unknown key `{unknown[0]}`; use {', '.join(sorted(AUTHORED_KEYS))}", path, line)
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise HandoutError(f"authored question {index + 1}: `text` must be the question, got {text!r:.40}", path, line)
    kind = item.get("kind", "open")
    if kind not in AUTHORED_KINDS:
        raise HandoutError(f"authored question {index + 1}: `kind` must be one of {', '.join(AUTHORED_KINDS)}, got {kind!r:.40}", path, line)
    answer = item.get("answer")
    if kind in ("choice", "ordering", "truefalse"):
        return _authored_structured(item, kind, text.strip(), index, path, line, lang)
    if answer is not None and not isinstance(answer, (str, int, float)):
        raise HandoutError(f"authored question {index + 1}: `answer` must be text, got {type(answer).__name__}", path, line)
    points = item.get("points")
    if points is not None and (isinstance(points, bool) or not isinstance(points, int) or points < 0):
        raise HandoutError(f"authored question {index + 1}: `points` must be a whole number, got {points!r:.40}", path, line)
    pairs = _authored_pairs(item.get("pairs"), kind, index, path, line)
    key = str(item.get("key") or f"authored-{index + 1}")
    options = shuffled([right for _, right in pairs], f"{path.name}:{text}") if pairs else ()
    return Question(
        text=text.strip(),
        kind=kind,
        answer=str(answer).strip() if answer is not None else (matching_answer(pairs, options, lang) if pairs else None),
        line=line,
        source="authored",
        points=points,
        pairs=pairs,
        prompts=tuple(left for left, _ in pairs),
        options=options,
        key=key,
    )


def _authored_structured(item: dict, kind: str, text: str, index: int, path: Path, line: int, lang: str) -> Question:
    """Check an authored choice (options, answer among them), ordering (items in date order) or true/false item."""
    language = languages.get(lang)
    key = str(item.get("key") or f"authored-{index + 1}")
    answer = item.get("answer")
    common = {"text": text, "kind": kind, "line": line, "source": "authored", "points": item.get("points"), "key": key}
    if kind == "truefalse":
        if not isinstance(answer, bool):
            raise HandoutError(f"authored question {index + 1}: a truefalse question needs `answer: true` or `answer: false`",
                               path, line)
        return Question(answer=language.labels["true_label" if answer else "false_label"], truth=answer, **common)
    name = "options" if kind == "choice" else "items"
    values = item.get(name)
    least = 2 if kind == "choice" else 3
    if not isinstance(values, list) or len(values) < least or not all(isinstance(v, (str, int)) for v in values):
        raise HandoutError(f"authored question {index + 1}: a {kind} question needs `{name}`: a list of texts", path, line)
    values = [str(value).strip() for value in values]
    if kind == "choice":
        if str(answer).strip() not in values:
            raise HandoutError(f"authored question {index + 1}: `answer` must be one of the `options`", path, line)
        return Question(answer=str(answer).strip(), options=tuple(values), correct=str(answer).strip(), **common)
    printed = shuffled(values, f"{path.name}:{text}")
    letters = language.labels["matching_letters"]
    answer = ", ".join(letters[printed.index(value)] for value in values)
    return Question(answer=answer, items=printed, order=tuple(values), **common)


def _authored_pairs(value, kind: str, index: int, path: Path, line: int) -> tuple[tuple[str, str], ...]:
    if kind != "matching":
        if value is not None:
            raise HandoutError(f"authored question {index + 1}: `pairs` is only for kind: matching", path, line)
        return ()
    if isinstance(value, dict):
        value = list(value.items())
    if not isinstance(value, list) or len(value) < 2:
        raise HandoutError(f"authored question {index + 1}: a matching question needs `pairs`: at least two [left, right] items", path, line)
    pairs = []
    for pair in value:
        if isinstance(pair, dict) and len(pair) == 1:
            pair = next(iter(pair.items()))
        if not (isinstance(pair, (list, tuple)) and len(pair) == 2):
            raise HandoutError(f"authored question {index + 1}: each pair must be [left, right], got {pair!r:.40}", path, line)
        pairs.append((str(pair[0]).strip(), str(pair[1]).strip()))
    return tuple(pairs)


def _authored_item_lines(lecture: Lecture) -> list[int]:
    """Return the source line of each authored question item, read from the YAML node tree."""
    import yaml  # here, not at the top: rendering a lecture read back from the enrichment cache needs no YAML

    lines = lecture.source_text.split("\n")
    front = "\n".join(lines[1 : max(lecture.body_line - 2, 1)])
    try:
        root = yaml.compose(front, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    node = _child(root, "questions")
    if isinstance(node, yaml.MappingNode):
        node = _child(node, "authored")
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 2 for item in node.value]


def _child(node, key: str):
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if name.value == key), None)
