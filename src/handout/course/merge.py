"""Join tagged PDFs written by WeasyPrint into one tagged PDF (the course reader, built in parts).

The reader is typeset one part at a time, so a worker holds one lecture's layout, not the
course's. Joining the parts keeps what makes the one-document reader usable and accessible:

- pages, with their links and annotations;
- the structure tree: every part's elements go under one ``Document`` element, and the
  parent-tree keys (``StructParents``/``StructParent``) are renumbered so they stay unique;
  table-header ``ID``\\ s get the part's prefix, since WeasyPrint numbers them per file;
- named destinations: a name defined in one part keeps its name (``reader.pdf#l3-s-1``
  works); a name several parts define (the shared partials' ``questions``) gets the part's
  prefix. A link resolves in its own part first, else in the one part that defines it. A part
  links into another with ``href="handout-part:NAME"`` (:data:`PART_LINK`): WeasyPrint drops
  a ``#NAME`` link whose anchor is not in the same document, and keeps this one as a URI
  link, which the join turns into a link to ``NAME``;
- the outline, part after part; the first part's document information, XMP metadata,
  language and viewer preferences (so parts written as PDF/UA-1 join into a PDF/UA-1 file).

pikepdf (qpdf) does the copying: it maps every reference of a part to the copied object once
(pages, annotations and structure elements stay linked) and writes object streams, which
keeps the joined file about the size of a one-document reader.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tempfile
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, String

from ..errors import HandoutError

PART_LINK = "handout-part:"
"""Link scheme for a link from one part to an anchor in another (``handout-part:lecture-3``)."""


def merge_tagged(parts: Sequence[bytes], prefixes: Sequence[str], numbers: bytes = b"", numbered_from: int = 0) -> bytes:
    """Return one PDF made of ``parts`` in order; ``prefixes[i]`` tells apart names part ``i`` shares.

    ``numbers`` (a PDF of pages showing only their page numbers) is laid over the joined
    pages from index ``numbered_from`` on, page for page.
    """
    sources = [pikepdf.open(io.BytesIO(part)) for part in parts]
    names = [_named_destinations(source) for source in sources]
    owners = Counter(name for part_names in names for name in part_names)
    final_names = [{name: (name if owners[name] == 1 else prefixes[index] + name) for name in part_names}
                   for index, part_names in enumerate(names)]
    defined_once = {name: final[name] for final in final_names for name in final if owners[name] == 1}

    joined = pikepdf.new()
    document = _structure_root(joined)
    parent_tree: list = []  # a Python list: extending a pikepdf Array copies it each time
    destinations: dict[str, Array] = {}
    key_offset = 0
    with joined.open_outline() as outline:
        for index, source in enumerate(sources):
            first_page = len(joined.pages)
            with warnings.catch_warnings():  # it warns that names are not copied: we copy them below
                warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
                joined.pages.extend(source.pages)
            for page in joined.pages[first_page:]:
                _renumber_page(page.obj, key_offset, lambda name: final_names[index].get(name) or defined_once.get(name))
            for name, target in names[index].items():
                destinations[final_names[index][name]] = _copy(joined, target)
            key_offset = _copy_structure(source, joined, document, parent_tree, key_offset, prefixes[index])
            page_numbers = {page.objgen: number for number, page in enumerate(source.pages)}
            with source.open_outline() as part_outline:
                outline.root.extend(_copy_outline(part_outline.root, page_numbers, first_page))
    _finish_catalog(joined, sources[0], parent_tree, key_offset, destinations)
    if numbers:
        _overlay_numbers(joined, pikepdf.open(io.BytesIO(numbers)), numbered_from)
    output = io.BytesIO()
    joined.save(output, object_stream_mode=pikepdf.ObjectStreamMode.generate, deterministic_id=True)
    return output.getvalue()


def _overlay_numbers(joined: pikepdf.Pdf, numbers: pikepdf.Pdf, numbered_from: int) -> None:
    """Draw each page of ``numbers`` over a joined page, as an artifact (page numbers are not the text's content).

    The number pages' own marked content is unmarked first: its ids belong to their
    document's structure tree, not the joined one's.
    """
    pages = joined.pages[numbered_from:]
    if len(numbers.pages) != len(pages):
        raise HandoutError(f"the reader's page numbers cover {len(numbers.pages)} pages, its lectures {len(pages)}")
    for page, number_page in zip(pages, numbers.pages):
        number_page.contents_coalesce()
        number_page.Contents.write(_MARKED.sub(b"", number_page.Contents.read_bytes()))
        form = joined.copy_foreign(number_page.as_form_xobject())
        name = page.add_resource(form, Name.XObject, prefix="Num")
        page.contents_add(pikepdf.Stream(joined, b"q\n"), prepend=True)
        page.contents_add(pikepdf.Stream(joined, b"\nQ\n/Artifact BMC q " + str(name).encode() + b" Do Q EMC\n"))


_MARKED = re.compile(rb"/[A-Za-z]+\s*<<[^>]*>>\s*BDC|/[A-Za-z]+\s+BMC|\bEMC\b")


def _named_destinations(pdf: pikepdf.Pdf) -> dict[str, object]:
    """Return the part's named destinations: name → ``[page, /XYZ, x, y, zoom]`` (the part's objects)."""
    found: dict[str, object] = {}
    names = pdf.Root.get("/Names")
    if names is not None and "/Dests" in names:
        for name, target in _name_tree_items(names.Dests):
            if isinstance(target, Dictionary) and "/D" in target:
                target = target.D
            found[str(name)] = target
    return found


def _name_tree_items(node) -> Iterator[tuple]:
    pairs = node.get("/Names", Array())
    for position in range(0, len(pairs) - 1, 2):
        yield pairs[position], pairs[position + 1]
    for kid in node.get("/Kids", Array()):
        yield from _name_tree_items(kid)


def _copy(pdf: pikepdf.Pdf, value):
    """Copy a part's object into ``pdf`` (indirect objects through qpdf's map, arrays item by item)."""
    if isinstance(value, (Dictionary, Array, pikepdf.Stream)) and value.is_indirect:
        return pdf.copy_foreign(value)
    if isinstance(value, Array):
        return Array([_copy(pdf, item) for item in value])
    if isinstance(value, Dictionary):
        return Dictionary({key: _copy(pdf, value[key]) for key in value.keys()})
    return value


def _renumber_page(page: Dictionary, key_offset: int, resolve) -> None:
    """Shift a copied page's parent-tree keys; point its links at the joined file's names."""
    if "/StructParents" in page:
        page.StructParents = int(page.StructParents) + key_offset
    for annotation in page.get("/Annots", Array()):
        if "/StructParent" in annotation:
            annotation.StructParent = int(annotation.StructParent) + key_offset
        target = annotation.get("/Dest")
        if isinstance(target, String) and (name := resolve(str(target))) is not None:
            annotation.Dest = String(name)
        action = annotation.get("/A")
        if isinstance(action, Dictionary) and str(action.get("/URI", "")).startswith(PART_LINK):
            if (name := resolve(str(action.URI)[len(PART_LINK):])) is not None:
                del annotation["/A"]
                annotation.Dest = String(name)
                annotation.Contents = String(name)  # what WeasyPrint writes for a link within a document


def _structure_root(pdf: pikepdf.Pdf) -> Dictionary:
    """Create the joined file's ``StructTreeRoot`` and its one ``Document`` element; return the element."""
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=root, K=Array()))
    root.K = Array([document])
    pdf.Root.StructTreeRoot = root
    return document


def _copy_structure(source: pikepdf.Pdf, joined: pikepdf.Pdf, document: Dictionary, parent_tree: list,
                    key_offset: int, prefix: str) -> int:
    """Copy one part's structure elements under ``document``; return the next free parent-tree key."""
    root = source.Root.get("/StructTreeRoot")
    if root is None:
        return key_offset
    for top in root.K:
        kids = top.K if top.get("/S") == Name.Document else Array([top])
        for kid in kids:
            copied = joined.copy_foreign(kid)
            document.K.append(copied)
            _adopt(copied, document, prefix)
    nums = root.ParentTree.get("/Nums", Array())
    highest = -1
    for position in range(0, len(nums) - 1, 2):
        key = int(nums[position])
        parent_tree.extend([key + key_offset, _copy(joined, nums[position + 1])])
        highest = max(highest, key)
    return key_offset + highest + 1


def _adopt(element: Dictionary, parent: Dictionary, prefix: str) -> None:
    """Make ``parent`` the copied element's parent; give table-header ids the part's prefix."""
    element.P = parent
    if "/ID" in element:
        element.ID = String(prefix + str(element.ID))
    attributes = element.get("/A")
    if isinstance(attributes, Dictionary) and "/Headers" in attributes:
        attributes.Headers = Array([String(prefix + str(header)) for header in attributes.Headers])
    kids = element.get("/K")
    for kid in kids if isinstance(kids, Array) else [kids]:
        if isinstance(kid, Dictionary) and kid.is_indirect and "/S" in kid:
            _adopt(kid, element, prefix)


def _copy_outline(items, page_numbers: dict, first_page: int) -> list[OutlineItem]:
    copied = []
    for item in items:
        target = item.destination
        page = page_numbers.get(target[0].objgen, 0) if isinstance(target, Array) and len(target) else 0
        if isinstance(target, Array) and len(target) >= 5 and target[1] == Name.XYZ:
            entry = OutlineItem(item.title, first_page + page, "XYZ", left=float(target[2]), top=float(target[3]))
        else:
            entry = OutlineItem(item.title, first_page + page)
        entry.is_closed = item.is_closed
        entry.children.extend(_copy_outline(item.children, page_numbers, first_page))
        copied.append(entry)
    return copied


def _finish_catalog(joined: pikepdf.Pdf, first: pikepdf.Pdf, parent_tree: list, next_key: int,
                    destinations: dict[str, Array]) -> None:
    structure = joined.Root.StructTreeRoot
    structure.ParentTree = joined.make_indirect(Dictionary(Nums=Array(parent_tree)))
    structure.ParentTreeNextKey = next_key
    for key in ("/Lang", "/ViewerPreferences", "/Metadata"):
        if key in first.Root:
            joined.Root[key] = _copy(joined, first.Root[key])
    joined.Root.MarkInfo = Dictionary(Marked=True)
    if destinations:
        names = [item for name in sorted(destinations) for item in (String(name), destinations[name])]
        joined.Root.Names = Dictionary(Dests=joined.make_indirect(Dictionary(Names=Array(names))))
    info = first.trailer.get("/Info")
    if info is not None:
        joined.docinfo = _copy(joined, info)


def merge_in_child(parts: Sequence[bytes], prefixes: Sequence[str], numbers: bytes = b"", numbered_from: int = 0) -> bytes:
    """Join the parts in a short-lived child process; return the joined PDF.

    The join holds every part's objects and the joined file's (about 0.5 MB a page): in
    its own process that memory is returned when it ends, instead of adding to a worker's
    heap, which already holds WeasyPrint and the last layout. The parts pass through a
    temporary folder; the child dies with its parent (:func:`handout.course.lifetime.child_preexec`).
    """
    from .lifetime import child_preexec

    with tempfile.TemporaryDirectory(prefix="handout-reader-") as folder:
        arguments = [str(numbered_from)]
        for index, (prefix, data) in enumerate([*zip(prefixes, parts), ("numbers", numbers)]):
            path = Path(folder) / f"{index}.pdf"
            path.write_bytes(data)
            arguments += [prefix, str(path)]
        joined = Path(folder) / "joined.pdf"
        result = subprocess.run([sys.executable, "-m", "handout.course.merge", str(joined), *arguments],
                                capture_output=True, text=True, preexec_fn=child_preexec)
        if result.returncode != 0:
            raise HandoutError(f"could not join the course reader's parts: {result.stderr.strip()[-500:]}")
        return joined.read_bytes()


def _main(arguments: list[str]) -> None:
    output, numbered_from, pairs = Path(arguments[0]), int(arguments[1]), arguments[2:]
    prefixes, paths = pairs[0::2], [Path(path) for path in pairs[1::2]]
    numbers = paths[-1].read_bytes()
    output.write_bytes(merge_tagged([path.read_bytes() for path in paths[:-1]], prefixes[:-1], numbers, numbered_from))


if __name__ == "__main__":
    _main(sys.argv[1:])
