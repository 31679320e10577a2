"""Compare our Kazakh patterns with TeX hyph-utf8's hyph-kk.tex on the test word list.

Usage: python bench/hyphenation_compare.py [PATH/TO/hyph-kk.tex]
(default: bench/hyph-kk.tex; get it from hyphenation/tex-hyphen,
hyph-utf8/tex/generic/hyph-utf8/patterns/tex/hyph-kk.tex; public domain).
Both are run through pyphen with left = right = 2, as WeasyPrint does.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import pyphen

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from handout.lang.kk.hyphenation import hyphenation_points, parse_marked_word  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "hyphenation" / "kk_words.txt"


def read_fixture() -> list[tuple[str, set[int]]]:
    """Return (word, legal break points) for each fixture line."""
    entries = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        entries.append(parse_marked_word(line))
    return entries


def tex_to_pyphen(tex_path: Path) -> Path:
    """Convert the \\patterns{…} block of a TeX file into a temporary pyphen .dic."""
    text = tex_path.read_text(encoding="utf-8")
    body = text.split("\\patterns{", 1)[1].split("}", 1)[0]
    patterns = [
        line.split("%", 1)[0].strip()
        for line in body.splitlines()
    ]
    patterns = [p for p in patterns if p and not re.search(r"[-]", p)]
    merged: dict[str, str] = {}
    for pattern in patterns:
        letters = re.sub(r"\d", "", pattern)
        merged[letters] = _merge(merged.get(letters), pattern)
    handle = tempfile.NamedTemporaryFile("w", suffix=".dic", delete=False, encoding="utf-8")
    with handle:
        handle.write("UTF-8\n" + "\n".join(merged.values()) + "\n")
    return Path(handle.name)


def _merge(old: str | None, new: str) -> str:
    """Merge two patterns with the same letters, keeping the highest value per point."""
    if old is None:
        return new
    def values(pattern):
        found = re.findall(r"(\d?)(\D)", pattern + "\0")
        return [int(d or 0) for d, _ in found], [c for _, c in found]
    old_values, letters = values(old)
    new_values, _ = values(new)
    out = ""
    for value_old, value_new, letter in zip(old_values, new_values, letters):
        best = max(value_old, value_new)
        out += (str(best) if best else "") + (letter if letter != "\0" else "")
    return out


def score(name: str, points_of, entries) -> None:
    """Print illegal breaks and the share of legal ones found."""
    illegal = found = total = 0
    words_with_illegal = []
    for word, legal in entries:
        got = set(points_of(word))
        bad = got - legal
        illegal += len(bad)
        if bad:
            words_with_illegal.append(word)
        found += len(got & legal)
        total += len(legal)
    print(
        f"{name}: {len(entries)} words, legal breaks found {found}/{total} "
        f"({100 * found / total:.1f}%), illegal breaks {illegal} "
        f"in {len(words_with_illegal)} words"
    )
    print("  e.g.", ", ".join(words_with_illegal[:12]))


def main() -> None:
    tex_path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "hyph-kk.tex"
    entries = read_fixture()
    score("handout hyph_kk_KZ.dic", hyphenation_points, entries)
    if not tex_path.exists():
        print(f"{tex_path} not found: TeX comparison skipped")
        return
    tex = pyphen.Pyphen(filename=tex_to_pyphen(tex_path), left=2, right=2)
    score("TeX hyph-kk.tex v0.1", lambda word: [int(p) for p in tex.positions(word)], entries)


if __name__ == "__main__":
    main()
