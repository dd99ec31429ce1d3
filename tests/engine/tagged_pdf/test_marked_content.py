"""Marked content goes around whole drawing operators, never inside paths or across BT/ET."""

from __future__ import annotations

import random

import pikepdf

from workers.engine.tagged_pdf.marked_content import (
    PageTagging,
    contested_leaves,
    indices_of,
    owners_of,
    read_operators,
    scan_content,
    tag_instructions,
    tag_stream_bytes,
    yield_labels,
)

CONTENT = (
    b"/OC /oc1 BDC q 0 0 m 10 10 l S Q EMC "  # a line inside optional content
    b"/P << /MCID 0 >> BDC "  # the source's old tag: goes
    b"BT /F1 12 Tf 72 700 Td (First) Tj (Second) Tj ET EMC "
    b"0 0 100 100 re W n "  # a clip: paints nothing
    b"BT (Loose) Tj ET"
)


def page_drawing(content: bytes) -> tuple[pikepdf.Pdf, pikepdf.Page]:
    """A new PDF and its one page, drawn by ``content`` (the page needs its PDF kept open)."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    page.obj.Contents = pdf.make_stream(content)
    return pdf, page


def tagged_stream(owners_by_operator: dict[str, int | str]) -> tuple[bytes, PageTagging]:
    pdf, page = page_drawing(CONTENT)
    instructions = list(pikepdf.parse_content_stream(page))
    claims: list[tuple[int | str, list[tuple[int, int]]]] = []
    for index, instruction in enumerate(instructions):
        key = str(instruction.operands[0]) if instruction.operands else str(instruction.operator)
        if key in owners_by_operator:
            claims.append((owners_by_operator[key], [(index, index + 1)]))
    owners = owners_of(len(instructions), claims)
    result = PageTagging()
    out = tag_instructions(instructions, owners, frozenset(), result)
    return pikepdf.unparse_content_stream(out), result


def test_each_block_gets_its_own_sequence_inside_the_text_object() -> None:
    stream, result = tagged_stream({"First": 0, "Second": 1, "Loose": 1})
    text = stream.decode()
    # MCIDs in order of appearance, each sequence closed before ET.
    assert result.mcid_owner == [0, 1, 1]
    for chunk in text.split("BT")[1:]:
        body = chunk.split("ET")[0]
        assert body.count("BDC") + body.count("BMC") == body.count("EMC")


def test_unclaimed_painting_is_an_artifact_and_the_clip_is_untouched() -> None:
    stream, result = tagged_stream({"First": 0, "Second": 0})
    text = stream.decode()
    # The line in optional content: an artifact inside the kept /OC sequence.
    assert text.index("/OC /oc1 BDC") < text.index("/Artifact BMC") < text.index("0 0 m")
    # The clip path paints nothing: no marked content between "re" and "n".
    clip = text[text.index("0 0 100 100 re") : text.index("n\n", text.index("0 0 100 100 re"))]
    assert "BDC" not in clip and "BMC" not in clip and "EMC" not in clip
    assert result.tagged_operators == 2 and result.artifact_operators == 2


def test_source_marked_content_is_replaced_not_kept() -> None:
    stream, _ = tagged_stream({"First": 0, "Second": 0, "Loose": 0})
    text = stream.decode()
    # One MCID 0 (ours), the /OC sequence kept, every sequence balanced.
    assert text.count("/MCID 0") == 1
    assert text.count("/OC") == 1
    assert text.count("BDC") + text.count("BMC") == text.count("EMC")


def test_only_a_painting_operator_claimed_by_two_leaves_is_contested() -> None:
    # 0 BT, 1 Tf, 2 Td, 3 Tj, 4 Tj, 5 ET, 6 re, 7 W, 8 n, 9 BT, 10 Tj, 11 ET
    pdf, page = page_drawing(
        b"BT /F1 12 Tf 72 700 Td (First) Tj (Second) Tj ET 0 0 100 100 re W n BT (Loose) Tj ET"
    )
    operators = read_operators(list(pikepdf.parse_content_stream(page)), frozenset())
    count = len(operators.names)
    assert count == 12

    def contested(claims: list[tuple[int | str, list[tuple[int, int]]]]) -> set[int]:
        return contested_leaves(count, claims, lambda i: operators.painting[i])

    # Leaf 1 shares only the text object's setup (BT, Tf, Td: nothing painted) with leaf 0.
    assert contested([(0, [(0, 4)]), (1, [(0, 3), (4, 6)])]) == set()
    # Leaf 2 claims the Tj leaf 0 drew first: leaf 2 is contested, leaf 0 is not.
    assert contested([(0, [(0, 4)]), (1, [(4, 6)]), (2, [(3, 4)])]) == {2}
    # One leaf claiming an operator twice, an artifact claiming a leaf's operator, and ranges
    # reaching past the stream are not contests.
    assert contested([(0, [(3, 4), (2, 5)]), ("Artifact", [(0, 12)]), (1, [(9, 40)])]) == set()
    assert contested([(0, [(-5, 12)]), (1, [(10, 11)])]) == {1}
    assert contested([(0, [(6, 9)]), (1, [(7, 9)])]) == set()  # the clip paints nothing


def test_an_artifact_owner_never_counts_as_a_list_label() -> None:
    # Leaf 0 is a label yielding to leaf 1; an artifact owns operator 2.
    owners: list[int | str | None] = [0, 1, "Artifact", None]
    claims: list[tuple[int | str, list[tuple[int, int]]]] = [
        (0, [(0, 1)]), (1, [(1, 2)]), ("Artifact", [(2, 3)])]
    assert yield_labels(owners, claims, {}, {0: 1}) == set()
    assert owners == [0, 1, "Artifact", None]
    assert yield_labels(owners, claims, {}, {}) == set()
    # Drawn by one operator with its body's text, the label yields to its body.
    shared: list[tuple[int | str, list[tuple[int, int]]]] = [(0, [(0, 2)]), (1, [(1, 2)])]
    owners = owners_of(4, shared)
    assert yield_labels(owners, shared, {}, {0: 1}) == {0}
    assert owners == [1, 1, None, None]


def test_runs_of_original_instructions_leave_out_split_operators_and_old_marks() -> None:
    # 0 BDC, 1 BT, 2 Tf, 3 Td, 4 Tj (cut in two), 5 Tj, 6 ET, 7 EMC, 8 m, 9 l, 10 S,
    # 11 BDC /OC (kept), 12 re, 13 f, 14 EMC
    pdf, page = page_drawing(
        b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 700 Td (ab) Tj (c) Tj ET EMC 0 0 m 9 9 l S "
        b"/OC /oc1 BDC 0 0 10 10 re f EMC"
    )
    instructions = list(pikepdf.parse_content_stream(page))
    claims: list[tuple[int | str, list[tuple[int, int]]]] = [
        (0, [(4, 5)]), (1, [(5, 6)]), ("Artifact", [(8, 11)]), (1, [(12, 14)])]
    owners = owners_of(len(instructions), claims)

    def part(text: str) -> pikepdf.ContentStreamInstruction:
        return pikepdf.ContentStreamInstruction([pikepdf.String(text)], pikepdf.Operator("Tj"))

    splits = {4: [(0, part("a")), (1, part("b"))]}
    scanned = scan_content(page, frozenset())
    assert scanned is not None
    by_bytes, by_pikepdf = PageTagging(), PageTagging()
    written = tag_stream_bytes(scanned, owners, by_bytes, splits)
    assert written == (
        b"BT /F1 12 Tf 72 700 Td\n/P <</MCID 0>> BDC\n(a) Tj\nEMC\n/P <</MCID 1>> BDC\n"
        b"(b) Tj\n(c) Tj\nEMC\nET\n/Artifact BMC\n0 0 m 9 9 l S\nEMC\n/OC /oc1 BDC\n"
        b"/P <</MCID 2>> BDC\n0 0 10 10 re f\nEMC\nEMC\n"
    )
    assert by_bytes.mcid_owner == [0, 1, 1] and by_bytes.mcid_start == [4, 4, 12]
    assert (by_bytes.tagged_operators, by_bytes.artifact_operators) == (4, 1)
    expected = tag_instructions(instructions, owners, frozenset(), by_pikepdf, splits)
    assert pikepdf.unparse_content_stream(expected) == pikepdf.unparse_content_stream(
        pikepdf.parse_content_stream(pikepdf.Stream(pdf, written)))
    assert by_pikepdf == by_bytes


def test_indices_of_finds_every_wanted_operator_in_order() -> None:
    names = ["q", "BT", "Tf", "Tj", "TJ", "ET", "Do", "'", "Tf", "TJ", "Q", '"', "Do"]
    for wanted in ({"Tj", "TJ", "'", '"'}, {"Do"}, {"Tf"}, {"BDC"}, set()):
        assert indices_of(names, wanted) == [i for i, n in enumerate(names) if n in wanted]
    assert indices_of([], {"Do"}) == []


def test_owners_of_gives_each_operator_its_first_claim() -> None:
    """Claims overlapping, reaching past the page's operators, empty, in any order: each
    operator belongs to the first claim (in the order given) covering it."""
    rnd = random.Random(7)
    for _ in range(500):
        count = rnd.randint(0, 30)
        claims: list[tuple[int | str, list[tuple[int, int]]]] = [
            (rnd.choice([0, 1, 2, "header"]),
             [(rnd.randint(-3, 33), rnd.randint(-3, 33)) for _ in range(rnd.randint(0, 3))])
            for _ in range(rnd.randint(0, 5))
        ]
        expected: list[int | str | None] = [
            next((who for who, ranges in claims
                  if any(start <= index < end for start, end in ranges)), None)
            for index in range(count)
        ]
        assert owners_of(count, claims) == expected
