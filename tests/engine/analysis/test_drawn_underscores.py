"""Underscores drawn as rules (TeX's ``\\_`` outside the typewriter face: a short rule on the
baseline in the gap between two letters) are read as "_" (:mod:`workers.engine.layout.
drawn_underscores`); a dash or an underline drawn as a rule, and a blank to fill in, are not.
Small PDFs drawn here, each word a text object of its own, placed with Helvetica's widths."""

from __future__ import annotations

from pathlib import Path

from tests.engine.content_pdfs import text_page_pdf
from workers.engine.analyse import analyse
from workers.engine.document import Heading, block_text
from workers.engine.layout.reader import read_layout
from workers.engine.structure.reader import read_structure
from workers.engine.tagged_pdf.checks import check_tagged_pdf
from workers.engine.tagged_pdf.tagger import tag_pdf

SIZE = 10.0
#: Helvetica's advance widths (thousandths of the size) of the characters drawn here.
_WIDTHS = {
    **dict.fromkeys("0123456789", 556), **dict.fromkeys("abdeghnopqu", 556),
    **dict.fromkeys("cksvxyz", 500), **dict.fromkeys("fjt ,.:", 278), "i": 222, "l": 222,
    "m": 833, "r": 333, "w": 722, "T": 611, "E": 667, "N": 722, "A": 667, "S": 667, "D": 722,
    "C": 722, "R": 722, "O": 778, "I": 278, "M": 833, "P": 667, "Y": 667, "(": 333, ")": 333,
    "F": 611, "G": 778, "H": 722, "L": 556, "B": 667, "U": 722,
}
#: TeX's underscore: 0.3 em of rule, with a 0.06 em kern each side.
_KERN, _RULE = 0.06 * SIZE, 0.3 * SIZE
_THICK = 0.04 * SIZE


def _width(text: str, size: float = SIZE) -> float:
    return sum(_WIDTHS[ch] for ch in text) * size / 1000


def _words_joined(x: float, y: float, words: list[str], size: float = SIZE) -> list[bytes]:
    """``words`` drawn one after the other on the baseline ``y`` from ``x``, each joined to
    the next by a rule drawn where TeX draws its underscore."""
    ops: list[bytes] = []
    kern, rule, thick = _KERN * size / SIZE, _RULE * size / SIZE, _THICK * size / SIZE
    for k, word in enumerate(words):
        ops.append(f"BT /F1 {size} Tf {x:.2f} {y:.2f} Td ({word}) Tj ET".encode())
        x += _width(word, size)
        if k + 1 < len(words):
            ops.append(f"{x + kern:.2f} {y:.2f} {rule:.2f} {thick:.2f} re f".encode())
            x += 2 * kern + rule
    return ops


def _text(y: float, text: str, x: float = 72.0) -> bytes:
    return f"BT /F1 {SIZE} Tf {x:.2f} {y:.2f} Td ({text}) Tj ET".encode()


def _reference_page(path: Path) -> Path:
    """A heading naming a function, and a paragraph naming its arguments, their names joined
    by drawn underscores."""
    ops = [*_words_joined(72, 760, ["asn1", "parser2tree"], size=14.0),
           _text(735, "The function reads the file and builds the tree of definitions."),
           *_words_joined(72, 710, ["error", "desc: the error description, or an empty"]),
           _text(698, "string when the file was read well.")]
    return text_page_pdf(path, ops)


def test_a_rule_on_the_baseline_between_letters_reads_as_an_underscore(tmp_path: Path) -> None:
    doc = read_layout(_reference_page(tmp_path / "ref.pdf"), max_pages=5)
    texts = [block_text(b) for b in doc.blocks]
    assert texts[0] == "asn1_parser2tree"
    assert isinstance(doc.blocks[0], Heading)
    assert any(t.startswith("error_desc: the error description") for t in texts), texts


def test_names_of_several_underscores(tmp_path: Path) -> None:
    ops = [_text(760, "Call the function named"),
           *_words_joined(72 + _width("Call the function named "), 760,
                          ["asn1", "find", "structure", "from", "oid"]),
           _text(745, "with the definitions and the value of the identifier to look for.")]
    doc = read_layout(text_page_pdf(tmp_path / "several.pdf", ops), max_pages=5)
    assert "named asn1_find_structure_from_oid with" in " ".join(
        block_text(b) for b in doc.blocks
    )


def test_a_dash_drawn_as_a_rule_is_no_underscore(tmp_path: Path) -> None:
    # A rule at the middle of the lowercase letters, between two numbers: a dash.
    x = 72 + _width("In the years 1990")
    ops = [_text(760, "In the years 1990"),
           f"{x + 0.5:.2f} {760 + 0.3 * SIZE:.2f} {0.5 * SIZE:.2f} {_THICK:.2f} re f".encode(),
           _text(760, "2000 the town grew.", x=x + 0.5 * SIZE + 1.0)]
    doc = read_layout(text_page_pdf(tmp_path / "dash.pdf", ops), max_pages=5)
    assert "_" not in " ".join(block_text(b) for b in doc.blocks)


def test_an_underline_and_a_blank_to_fill_in_are_no_underscores(tmp_path: Path) -> None:
    # A word underlined (the rule runs under its letters), and a blank many ems long after
    # a label.
    word = "important"
    x = 72 + _width("This is ")
    ops = [_text(760, "This is"), _text(760, word, x=x),
           f"{x:.2f} {760 - 1.5:.2f} {_width(word):.2f} {_THICK:.2f} re f".encode(),
           _text(760, "to know.", x=x + _width(word + " ")),
           _text(730, "Name:"),
           f"{72 + _width('Name: '):.2f} 730 {12 * SIZE:.2f} {_THICK:.2f} re f".encode(),
           _text(730, "Date:", x=72 + _width("Name: ") + 13 * SIZE)]
    doc = read_layout(text_page_pdf(tmp_path / "lines.pdf", ops), max_pages=5)
    assert "_" not in " ".join(block_text(b) for b in doc.blocks)


def test_drawn_underscores_tag_faithfully(tmp_path: Path) -> None:
    # (The "_" is what the rule draws: the tagged text says it, and every check passes.)
    source = _reference_page(tmp_path / "ref.pdf")
    tagged = tag_pdf(source, analyse(source, max_pages=5))
    report = check_tagged_pdf(tagged.content, source=source,
                              expected_texts=tagged.expected_texts)
    assert report["passed"], [c for c in report["checks"] if not c["passed"]]


def test_an_underline_drawn_in_pieces_is_no_underscore(tmp_path: Path) -> None:
    # A link's underline drawn in two pieces: the first under the space between two words,
    # touching both, the second going on under the next words.
    first, second = "Slavery", "by Frederick Douglass"
    x = 72 + _width("A true story: My Escape from ")
    gap = x + _width(first)
    ops = [_text(760, "A true story: My Escape from"), _text(760, first, x=x),
           _text(760, second, x=gap + _width(" ")),
           f"{gap - 0.5:.2f} 760.5 {_width(' ') + 1:.2f} {_THICK:.2f} re f".encode(),
           f"{gap + _width(' ') - 0.2:.2f} 760.5 {_width(second):.2f} {_THICK:.2f} re f".encode()]
    doc = read_layout(text_page_pdf(tmp_path / "pieces.pdf", ops), max_pages=5)
    assert "_" not in " ".join(block_text(b) for b in doc.blocks)


def test_a_list_items_drawn_underscores_are_said_in_the_tags(tmp_path: Path) -> None:
    # (The item's body, parted from its bullet, reads its underscores as the item does: the
    # tags say "asn1_node" again, and a reader of the tagged PDF hears it.)
    ops = [_text(760, "The types of the library are these:")]
    for k, words in enumerate([["asn1", "node", "for the tree of a definition"],
                               ["asn1", "data", "node", "for the data of a node"]]):
        y = 740 - 16 * k
        name = words[:-1]
        ops.append(_text(y, "\\225", x=80))
        ops += _words_joined(92, y, name)
        end = 92 + _width("".join(name)) + (len(name) - 1) * (2 * _KERN + _RULE)
        ops.append(_text(y, words[-1], x=end + _width(" ")))
    source = text_page_pdf(tmp_path / "items.pdf", ops)
    model = analyse(source, max_pages=5)
    tagged = tag_pdf(source, model)
    out = tmp_path / "tagged.pdf"
    out.write_bytes(tagged.content)
    read = " ".join(block_text(b) for b in read_structure(out, max_pages=5).blocks)
    assert "asn1_node for the tree" in read and "asn1_data_node for the data" in read, read
