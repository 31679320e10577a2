"""Joining tagged PDFs (build/merge.py): real WeasyPrint parts in, one accessible PDF out."""

from __future__ import annotations

from pathlib import Path

import page
import pikepdf
import pytest

from handout.course.merge import merge_in_child, merge_tagged
from handout.diagnostics import Diagnostics
from handout.typeset.engine import TypesetOptions, render_document, write_pdf

STYLE = "<style>@page { size: A6; margin: 12mm; } h1, h2 { font-size: 12pt; }</style>"

FRONT = f"""<!DOCTYPE html><html lang="kk"><head><meta charset="utf-8"><title>Жинақ</title>{STYLE}</head><body>
<h1>Мазмұны</h1>
<p><a href="handout-part:lecture-2">Екінші бөлім</a></p>
<h2 id="shared">Ортақ атау</h2>
<p><a href="#shared">Осы беттегі сілтеме</a></p>
</body></html>"""

LECTURE = f"""<!DOCTYPE html><html lang="kk"><head><meta charset="utf-8"><title>Бөлім</title>{STYLE}</head><body>
<h1 id="lecture-2">Екінші бөлім</h1>
<h2 id="shared">Ортақ атау</h2>
<p style="break-after: page">Мәтін.</p>
<p><a href="#shared">Бөлімнің өз атауына сілтеме</a></p>
<table><thead><tr><th scope="col">Күні</th><th scope="col">Оқиға</th></tr></thead>
<tbody><tr><td>1917 жыл</td><td>Қазан төңкерісі</td></tr></tbody></table>
</body></html>"""


def _part(html: str, tmp_path: Path) -> bytes:
    document = render_document(html, tmp_path, Diagnostics())
    return write_pdf(document, TypesetOptions(pdf_variant="pdf/ua-1"))


@pytest.fixture(scope="module")
def joined(tmp_path_factory) -> tuple[pikepdf.Pdf, Path]:
    folder = tmp_path_factory.mktemp("merge")
    parts = [_part(FRONT, folder), _part(LECTURE, folder)]
    path = folder / "joined.pdf"
    path.write_bytes(merge_tagged(parts, ["front-", "l2-"]))
    return pikepdf.open(path), path


def _destination_page(pdf: pikepdf.Pdf, name: str) -> int:
    names = pdf.Root.Names.Dests.Names
    targets = {str(names[i]): names[i + 1] for i in range(0, len(names), 2)}
    return pikepdf.Page(targets[name][0]).index


def _links(pdf: pikepdf.Pdf):
    for number, page_ in enumerate(pdf.pages):
        for annotation in page_.obj.get("/Annots", []):
            if annotation.get("/Subtype") == pikepdf.Name.Link:
                yield number, annotation


def test_joined_parts_keep_every_page_and_pass_pdf_ua_1(joined):
    pdf, path = joined
    assert len(pdf.pages) == 3
    report = page.validate_pdf(path, profile="ua1")
    assert report.is_compliant, [failure.message for failure in report.failures]


def test_names_stay_unless_parts_share_them_and_links_follow(joined):
    pdf, _ = joined
    names = pdf.Root.Names.Dests.Names
    defined = {str(names[i]) for i in range(0, len(names), 2)}
    assert "lecture-2" in defined  # defined once: reader.pdf#lecture-2 keeps working
    assert {"front-shared", "l2-shared"} <= defined and "shared" not in defined
    targets = {(number, str(annotation.Dest)) for number, annotation in _links(pdf)}
    # the front part links into the lecture part, and each part's link to "shared" stays in the part
    assert targets == {(0, "lecture-2"), (0, "front-shared"), (2, "l2-shared")}
    assert _destination_page(pdf, "lecture-2") == 1
    assert _destination_page(pdf, "l2-shared") == 1 and _destination_page(pdf, "front-shared") == 0


def test_structure_tree_is_one_document_with_unique_keys(joined):
    pdf, _ = joined
    root = pdf.Root.StructTreeRoot
    [document] = root.K
    pages = {page_.objgen for page_ in pdf.pages}
    seen_headers, elements = [], 0

    def walk(element, parent):
        nonlocal elements
        elements += 1
        assert element.P.objgen == parent.objgen
        if "/Pg" in element:
            assert element.Pg.objgen in pages
        if "/ID" in element:
            seen_headers.append(str(element.ID))
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                walk(kid, element)

    for kid in document.K:
        walk(kid, document)
    assert elements > 10 and len(seen_headers) == len(set(seen_headers)) == 2
    nums = root.ParentTree.Nums
    keys = [int(nums[i]) for i in range(0, len(nums), 2)]
    assert len(keys) == len(set(keys)) and int(root.ParentTreeNextKey) == max(keys) + 1
    used = [int(page_.obj.StructParents) for page_ in pdf.pages]
    used += [int(annotation.StructParent) for _, annotation in _links(pdf)]
    assert sorted(used) == sorted(keys)


def test_outline_follows_the_parts(joined):
    pdf, _ = joined
    with pdf.open_outline() as outline:
        titles = [(item.title, [child.title for child in item.children]) for item in outline.root]
        pages = [pikepdf.Page(item.destination[0]).index for item in outline.root]
    assert titles == [("Мазмұны", ["Ортақ атау"]), ("Екінші бөлім", ["Ортақ атау"])]
    assert pages == [0, 1]


def test_join_in_a_child_process_gives_the_same_file(joined, tmp_path):
    parts = [_part(FRONT, tmp_path), _part(LECTURE, tmp_path)]
    assert merge_in_child(parts, ["front-", "l2-"]) == merge_tagged(parts, ["front-", "l2-"])
