"""Timeline labels: a short whole phrase of each row, never a cut word and never an ellipsis.

A row is cut into phrases at punctuation and at the pack's phrase boundaries (``clauses.PHRASE_CUT_AFTER``:
a Kazakh case ending closes a noun phrase; ``clauses.PHRASE_CUT_BEFORE``: a Russian or English
preposition opens one). A label is a run of whole phrases that keeps the clause's predicate side: in a
verb-final language it ends where a predicate or a clause ends (the row's end, or a comma), in
the others it opens the row (subject and verb). The label with a key word («құрылды», «съезд», "founded")
that fits is preferred, then the longer one; the table under the figure prints the whole row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NEVER = re.compile(r"(?!)")
_OPENERS, _CLOSERS = "«“„\"(", "»”\")"
_CLAUSE_PUNCTUATION = (",", ";", ":")
_EDGE_PUNCTUATION = " ,;:–—-"
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)|\s*/[^/\s][^/]*/")
"""A bracketed aside («(төрағасы В. Радус-Зенькович)», «/казревком/»): a label may go without it."""


@dataclass(frozen=True)
class _Phrase:
    start: int
    """Index of the first token."""
    end: int
    """Index after the last token."""
    text: str


def phrase_label(text: str, limit: int, rules=None) -> str:
    """The best whole phrase of ``text`` of at most ``limit`` characters (the shortest one if none fits)."""
    text = " ".join(text.split())
    if len(text) <= limit or rules is None:
        return text
    phrases = candidate_phrases(text, rules)
    if not phrases:
        return text
    phrases += [_Phrase(phrase.start, phrase.end, bare) for phrase in phrases
                if (bare := _PARENTHETICAL.sub("", phrase.text)) != phrase.text and len(bare.split()) >= 2]
    fitting = [phrase for phrase in phrases if len(phrase.text) <= limit]
    if not fitting:
        return _shortest(phrases)
    tokens = len(text.split())
    best = max(fitting, key=lambda phrase: _score(phrase, tokens, rules)).text
    # A label up to twice as long (printed on two lines) reads better than a subject without its
    # verb («После выступления … советская власть») or a bare predicate («іске асты»).
    if not getattr(rules, "VERB_FINAL", False) and not rules.has_predicate(best):
        better = [phrase for phrase in phrases if rules.has_predicate(phrase.text)]
    elif len(best.split()) < 3:
        better = [phrase for phrase in phrases if len(phrase.text.split()) >= 3]
    else:
        better = []
    better = [phrase for phrase in better if len(phrase.text) <= 2 * limit]
    return _shortest(better) if better else best


def _shortest(phrases: list[_Phrase]) -> str:
    return min(phrases, key=lambda phrase: (len(phrase.text), phrase.start)).text


def _score(phrase: _Phrase, tokens: int, rules) -> tuple:
    """Which label a teacher would rather read: the larger wins.

    Where the verb comes last, an earlier converb clause may carry the event («Уақытша өкімет
    құлатылып, …»): a key word counts first, then three words or more, then the main clause. Where
    the subject and verb come first, the row's opening phrase counts first.
    """
    lowered = phrase.text.lower()
    key = any(re.search(r"(?:^|\W)" + re.escape(head), lowered) for head in getattr(rules, "KEY_HEADS", ()))
    named = len(phrase.text.split()) >= 3
    if getattr(rules, "VERB_FINAL", False):
        return key, named, phrase.end == tokens, len(phrase.text)
    return phrase.start == 0, named, key, len(phrase.text)


def candidate_phrases(text: str, rules) -> list[_Phrase]:
    """Every run of whole phrases of ``text`` that may stand as a label, with its cleaned text."""
    tokens = text.split()
    cuts = _cuts(tokens, rules)
    verb_final = getattr(rules, "VERB_FINAL", False)
    starts = [i for i in cuts if i < len(tokens)]
    ends = [i for i in cuts if i > 0]
    if verb_final:  # the label ends where a predicate or a clause ends: the row's end, or a comma after one
        at_comma = getattr(rules, "PHRASE_END_AT_COMMA", _NEVER)
        ends = [i for i in ends if i == len(tokens) or (tokens[i - 1].endswith(",") and at_comma.fullmatch(tokens[i - 1][:-1]))]
        # nor does it open inside a list («…, радиошы, | телефонист, …», «Орынборда, | Торғайда, …»)
        starts = [i for i in starts if i == 0 or not tokens[i - 1].endswith(",") or at_comma.fullmatch(tokens[i - 1][:-1])]
    else:  # the label opens the row: its subject and verb come first ("…, with its capital at" would not)
        starts = [0]
    phrases = []
    for start in starts:
        for end in ends:
            if end > start and (phrase := _phrase(tokens, start, end, rules)):
                phrases.append(phrase)
    return phrases


def _cuts(tokens: list[str], rules) -> list[int]:
    """Token indices where a phrase may begin or end: the edges, punctuation, the pack's boundaries."""
    after = getattr(rules, "PHRASE_CUT_AFTER", _NEVER)
    before = getattr(rules, "PHRASE_CUT_BEFORE", _NEVER)
    cuts, depth, straight = [0], 0, False
    for index, token in enumerate(tokens[:-1]):
        for char in token:
            depth += (char in "«“„(") - (char in "»”)")
            straight ^= char == '"'
        depth = max(depth, 0)
        if depth or straight:
            continue  # never inside quotes or brackets: «Сот туралы» is one name
        following = tokens[index + 1]
        if (token.endswith(_CLAUSE_PUNCTUATION) or token.endswith(")") or following.startswith("(")
                or after.fullmatch(token.strip(_CLOSERS + ",;:")) or before.fullmatch(following.strip(_OPENERS))):
            cuts.append(index + 1)
    return [*cuts, len(tokens)]


def _phrase(tokens: list[str], start: int, end: int, rules) -> _Phrase | None:
    """The label for tokens[start:end], or None when it cannot stand alone."""
    words = tokens[start:end]
    conjunction = getattr(rules, "TRAILING_CONJUNCTION", _NEVER)
    while len(words) > 2 and conjunction.search(" " + words[0].rstrip(",")):
        words = words[1:]  # «және Халком Кеңесі …»: a phrase after a bracket may open with "and"
    if words[0].startswith(("(", "/")) or re.fullmatch(r"[^\W\d_]{1,2}\.", words[0]) \
            or sum(1 for word in words if re.search(r"[^\W\d_]{2}", word)) < 2:
        return None  # an aside, an abbreviation's tail («т. б. …»), or less than two words
    if start and words[0].endswith(",") and not getattr(rules, "PHRASE_END_AT_COMMA", _NEVER).fullmatch(words[0][:-1]):
        return None  # «лақтырушы, байланысшы, …»: the rest of a list
    first = words[0].strip(_OPENERS).rstrip(",;:")
    if first.lower() in getattr(rules, "BACK_POINTERS", ()) or getattr(rules, "PHRASE_NO_START", _NEVER).fullmatch(first):
        return None  # «оның …» points back; «сайлаған …», «ғана …» lean on words the label does not have
    text = " ".join(words).strip(_EDGE_PUNCTUATION)
    if re.search(r",\s*\S+$", text):
        return None  # "The Second All-Kazakh Congress, held": one word after a comma leans on what was cut
    text = getattr(rules, "LEADING_CONNECTIVE", _NEVER).sub("", text)
    text = conjunction.sub("", text).strip(_EDGE_PUNCTUATION)
    if not _balanced(text):
        return None
    return _Phrase(start, end, text[:1].upper() + text[1:] if start == 0 else text)


def _balanced(text: str) -> bool:
    return (text.count("«") == text.count("»") and text.count("(") == text.count(")")
            and text.count('"') % 2 == 0 and text.count("“") == text.count("”"))


__all__ = ["candidate_phrases", "phrase_label"]
