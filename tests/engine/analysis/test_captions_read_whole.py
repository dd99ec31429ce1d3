"""Captions read whole and given to their own table, and columns beside running text read as
columns. Small PDFs drawn here:

- a caption opening in bold whose text holds a word in a typewriter face ("Sample program.
  ``primes`` is") goes on in the regular lines under it (:attr:`.lines.Fragment.after_lead`);
- a listing's caption set under its numbered lines, its label a wide gap before its title,
  is no line of the listing (:func:`.tables._trim_set_apart`): its wrapped lines follow it;
- of two tables stacked, each captioned under it, the lower one's caption is not the upper
  one's (:func:`.tables.table_caption`);
- a column of names beside a justified column of running text, on one grid of baselines, is
  no table pairing names with lines of the text (:func:`.order._beside_running_lines`).
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.analyse import analyse
from workers.engine.document import Paragraph, Table

from .drawn_pdfs import helvetica_widths


def _page(path: Path, ops: list[str]) -> Path:
    """A letter-size page with /F1 Helvetica, /F2 Helvetica-Bold and /F3 Courier."""
    pdf = pikepdf.new()

    def font(name: str) -> pikepdf.Object:
        return pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(name),
            Encoding=pikepdf.Name.WinAnsiEncoding,
        ))

    pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 612, 792],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(
            F1=font("/Helvetica"), F2=font("/Helvetica-Bold"), F3=font("/Courier"))),
        Contents=pdf.make_stream("\n".join(ops).encode()),
    )))
    pdf.save(path)
    return path


def _paragraphs(path: Path) -> list[str]:
    return [b.text for b in analyse(path, max_pages=5).blocks if isinstance(b, Paragraph)]


INTRO = ["The program below finds the prime numbers up to a hundred, crossing out",
         "the multiples of each number it finds, as the sieve of the old Greek did."]
CAPTION_REST = ["initialized to an array of false values on entry to this snippet of",
                "the program, before the outer loop starts."]


def test_a_caption_with_a_typewriter_word_goes_on_below(tmp_path: Path, block_loop: str) -> None:
    ops = [f"BT /F1 9 Tf 72 {640 - 11 * k} Td ({t}) Tj ET" for k, t in enumerate(INTRO)]
    # "Figure 1. Sample program." in bold, "primes" in Courier 8, " is" in Helvetica 9.
    ops.append("BT /F2 9 Tf 72 600 Td (Figure 1. Sample program: a sieve of numbers.) Tj"
               " /F3 8 Tf ( primes) Tj /F1 9 Tf ( is) Tj ET")
    ops += [f"BT /F1 9 Tf 72 {589 - 11 * k} Td ({t}) Tj ET" for k, t in enumerate(CAPTION_REST)]
    found = _paragraphs(_page(tmp_path / "caption.pdf", ops))
    caption = " ".join(["Figure 1. Sample program: a sieve of numbers. primes is", *CAPTION_REST])
    assert caption in found


CODE = ["for (var i = 2; i < 100; ++i) {", "  if (!primes[i])", "    continue;",
        "  for (var k = i + i; k < 100; k += i)", "    primes[k] = false;", "}"]


def test_a_listing_caption_set_apart_is_read_whole(tmp_path: Path) -> None:
    ops = [f"BT /F3 9 Tf 72 {700 - 10 * k} Td ({k + 1}) Tj 18 0 Td ({t}) Tj ET"
           for k, t in enumerate(CODE)]
    # The caption, a blank line and more under the last line: its label, a wide gap, its
    # title; wrapped.
    ops.append("BT /F1 9 Tf 72 624 Td (Figure 3.) Tj ET")
    ops.append("BT /F1 9 Tf 118 624 Td (LIR snippet for the sample program. This is the code"
               " recorded) Tj ET")
    ops.append("BT /F1 9 Tf 72 613 Td (for the inner loop of the program, in its"
               " intermediate form.) Tj ET")
    found = _paragraphs(_page(tmp_path / "listing.pdf", ops))
    assert ("Figure 3. LIR snippet for the sample program. This is the code recorded for the"
            " inner loop of the program, in its intermediate form.") in found


def _table(top: float, rows: list[tuple[str, str, str]]) -> list[str]:
    return [
        f"BT /F1 9 Tf {x} {top - 12 * r} Td ({cell}) Tj ET"
        for r, row in enumerate(rows) for x, cell in zip((300, 380, 440), row, strict=True)
    ]


def test_stacked_tables_keep_their_own_captions(tmp_path: Path) -> None:
    upper = [("Setting", "Top-1", "Top-5"), ("Gold", "44.9", "66.8"),
             ("Distant", "43.9", "65.3")]
    lower = [("Loss", "Top-1", "Top-5"), ("NLL", "44.9", "66.8"),
             ("Triplet", "41.6", "65.0"), ("Margin", "43.5", "64.7")]
    ops = _table(700, upper)
    ops.append("BT /F1 8 Tf 300 664 Td (Table 5: Retrieval accuracy on the development set.)"
               " Tj ET")
    ops += _table(636, lower)
    ops.append("BT /F1 8 Tf 300 588 Td (Table 6: Accuracy with other loss functions.) Tj ET")
    tables = [b for b in analyse(_page(tmp_path / "tables.pdf", ops), max_pages=5).blocks
              if isinstance(b, Table)]
    assert [t.caption for t in tables] == [
        "Table 5: Retrieval accuracy on the development set.",
        "Table 6: Accuracy with other loss functions.",
    ]


TEXT = [
    "That the preceding Constitution be laid before the United States in",
    "Congress assembled, and that it is the Opinion of this Convention, that",
    "it should afterwards be submitted to a Convention of Delegates, chosen",
    "in each State by the People thereof, under the Recommendation of its",
    "Legislature, for their Assent and Ratification; and that each Convention",
    "assenting to, and ratifying the Same, should give Notice thereof to the",
    "United States in Congress assembled, as soon as the Conventions of nine",
    "States shall have ratified this Constitution, that the United States in",
    "Congress assembled should fix a Day on which Electors should be appointed",
    "by the States which shall have ratified the same, and a Day on which the",
    "Electors should assemble to vote for the President, and the Time and Place",
    "for commencing Proceedings under this Constitution, as the Convention said.",
]
NAMES = ["James McHenry", "Dan of St. Thos. Jenifer", "Danl Carroll", "John Blair",
         "James Madison Jr.", "Wm. Blount", "Hu Williamson"]


def test_names_beside_running_text_are_no_table(tmp_path: Path) -> None:
    # Lists of names under headings, on the text's grid of baselines (13 points): each list
    # opens beside a line inside the paragraph; the headings stand between its lines.
    ops = []
    for head, top, names in (("MARYLAND", 700, NAMES[:2]), ("VIRGINIA", 655, NAMES[2:4]),
                             ("GEORGIA", 603, NAMES[4:6])):
        ops.append(f"BT /F2 11 Tf 72 {top + 12 if head == 'MARYLAND' else top} Td ({head}) Tj ET")
        first = {700: 687, 655: 635, 603: 583}[top]
        ops += [f"BT /F1 9 Tf 84 {first - 13 * k} Td ({name}) Tj ET"
                for k, name in enumerate(names)]
    # The text justified: each line but the last widened to 300 points by its word spaces.
    widths = helvetica_widths(tmp_path / "measure.pdf", TEXT, 9)
    ops += [f"BT /F1 9 Tf 250 {700 - 13 * k} Td {(300 - w) / t.count(' '):.3f} Tw ({t}) Tj ET"
            for k, (t, w) in enumerate(zip(TEXT[:-1], widths, strict=False))]
    ops.append(f"BT /F1 9 Tf 250 {700 - 13 * (len(TEXT) - 1)} Td ({TEXT[-1]}) Tj ET")
    blocks = analyse(_page(tmp_path / "columns.pdf", ops), max_pages=5).blocks
    assert not any(isinstance(b, Table) for b in blocks)
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert " ".join(TEXT) in texts
