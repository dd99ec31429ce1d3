"""References at the end of a paper: an entry's page range wrapped at its dash ("pages 222-"
then "228. Springer.") is read on in the entry, not as a numbered list's item."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.engine.document import ListBlock, Paragraph, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

# (x, text): entries set with a hanging indent and a little space between them (as in the
# ACL's style); \226 is the en dash in WinAnsiEncoding.
ENTRIES = [
    (72, "Petr Baudis and Jan Sedivy. 2015. Modeling of the question"),
    (82, "answering task in the yodaqa system. In Proceedings of the"),
    (82, "Evaluation Forum for European Languages, pages 222\\226"),
    (82, "228. Springer."),
    (72, "Brian Kulis. 2013. Metric learning: A survey. Foundations"),
    (82, "and Trends in Machine Learning, 5\\(4\\):287\\226"),
    (82, "364."),
    (72, "Jonathan Berant, Andrew Chou, Roy Frostig, and Percy Liang."),
    (82, "2013. Semantic parsing on Freebase from question-answer pairs."),
]


def test_a_page_range_wrapped_at_its_dash_goes_on_in_its_entry(tmp_path: Path) -> None:
    ops, y = [], 700
    for x, t in ENTRIES:
        y -= 12 if x > 72 else 16
        ops.append(f"BT /F1 10 Tf {x} {y} Td ({t}) Tj ET".encode())
    blocks = list(read_layout(text_page_pdf(tmp_path / "refs.pdf", ops), max_pages=5).blocks)
    assert not any(isinstance(b, ListBlock) for b in blocks)
    texts = [block_text(b) for b in blocks if isinstance(b, Paragraph)]
    assert [t.split()[0] for t in texts] == ["Petr", "Brian", "Jonathan"]
    assert texts[0].endswith("pages 222\u2013 228. Springer.")
    assert texts[1].endswith(":287\u2013 364.")


def test_a_numbered_list_under_a_line_cut_at_a_word_is_still_a_list(tmp_path: Path) -> None:
    # Labels open items under lines that end in full words; only the line right under a
    # cut one is read on.
    lines = [(72, "The steps are the following ones:"), (72, "1. Open the form and fill it in."),
             (72, "2. Sign it and send it to the office."), (72, "3. Wait for the answer.")]
    ops = [f"BT /F1 10 Tf {x} {700 - 12 * k} Td ({t}) Tj ET".encode()
           for k, (x, t) in enumerate(lines)]
    blocks = list(read_layout(text_page_pdf(tmp_path / "steps.pdf", ops), max_pages=5).blocks)
    (found,) = [b for b in blocks if isinstance(b, ListBlock)]
    assert len(found.items) == 3



def _keyed_entry(x: float, y: float, key: str, first: str, rest: str) -> list[bytes]:
    """An entry labelled by its citation key at a tab stop, its first line justified: its
    first word, an initial, a piece of its own ("D."); its second line under the first."""
    initial, line = first.split(" ", 1)
    return [f"BT /F1 10 Tf {x} {y} Td ({key}) Tj ET".encode(),
            f"BT /F1 10 Tf {x + 50} {y} Td ({initial}) Tj ET".encode(),
            f"BT /F1 10 Tf {x + 64} {y} Td ({line}) Tj ET".encode(),
            f"BT /F1 10 Tf {x + 50} {y - 12} Td ({rest}) Tj ET".encode()]


KEYED = [("[Cop87]", "D. Cope, Experiments in music", "intelligence and its programs, 1987."),
         ("[Gad06]", "A. Gadsby, Dictionary of English.", "Pearson Education Limited, 2006."),
         ("[HS97]", "S. Hochreiter and J. Schmidhuber,", "Long short-term memory, 1997."),
         ("[KMN+02]", "T. Kanungo and D. Mount, k-means.", "IEEE Transactions on PAMI, 2002."),
         ("[Mit97]", "T. M. Mitchell, Machine learning.", "McGraw-Hill series in science."),
         ("[Wei76]", "J. Weizenbaum, Computer Power and", "Human Reason. Freeman, 1976.")]


@pytest.mark.parametrize("columns", [1, 2])
def test_entries_labelled_by_citation_keys_are_a_list(tmp_path: Path, columns: int) -> None:
    # "[Cop87]  D. Cope, ...": keys of authors' initials and a year label the entries, each
    # at a tab stop; set in two columns, the list goes on in the second one.
    ops: list[bytes] = []
    for k, (key, first, rest) in enumerate(KEYED):
        x, y = (50, 700 - 30 * k) if columns == 1 or k < 3 else (320, 700 - 30 * (k - 3))
        ops += _keyed_entry(x, y, key, first, rest)
    blocks = list(read_layout(text_page_pdf(tmp_path / "keys.pdf", ops), max_pages=5).blocks)
    (found,) = [b for b in blocks if isinstance(b, ListBlock)]
    assert [(item.label, [block_text(b) for b in item.blocks]) for item in found.items] == [
        (key, [f"{first} {rest}"]) for key, first, rest in KEYED]


def test_a_citation_key_opening_a_line_of_running_text_labels_nothing(tmp_path: Path) -> None:
    # "[MOT15] proposes a technique": a sentence opening with a key at the start of a line
    # goes on in its paragraph (the key set one word space from the text, no tab stop).
    lines = ["The gradient descent algorithm which optimizes most of the",
             "parameters is well understood. However, its effect on the system",
             "is difficult to estimate. The work of the authors of",
             "[MOT15] proposes a technique to analyze the weights learned",
             "by such a network. A similar idea was applied by [VKMT13]."]
    ops = [f"BT /F1 10 Tf 72 {700 - 12 * k} Td ({t}) Tj ET".encode() for k, t in enumerate(lines)]
    blocks = list(read_layout(text_page_pdf(tmp_path / "cites.pdf", ops), max_pages=5).blocks)
    assert [(type(b).__name__, block_text(b)) for b in blocks] == [
        ("Paragraph", " ".join(lines))]


def _numbered_entries(entries: list[list[str]]) -> list[bytes]:
    """Entries "[1] ..." with a hanging indent: the number, then the text at a tab stop, each
    next line under the text; the first line justified to the column's edge, word by word
    (so an initial wrapped to the next line is a piece of its own, "E.")."""
    ops, y = [], 700
    for k, lines in enumerate(entries):
        ops.append(f"BT /F1 10 Tf 72 {y} Td ([{k + 1}]) Tj ET".encode())
        for n, line in enumerate(lines):
            x = 90
            for word in line.split():
                ops.append(f"BT /F1 10 Tf {x} {y} Td ({word}) Tj ET".encode())
                x += 5.6 * len(word) + (4 if n < len(lines) - 1 else 2.8)
            y -= 12
        y -= 2
    return ops


def test_an_initial_wrapped_in_a_list_of_authors_goes_on_in_its_entry(tmp_path: Path) -> None:
    # "... L. Franconi, S. Giessing," wrapped before "E. Schulte-Nordholt": the initial
    # opening the next line, under a line that ends with a comma, is no lettered item "E.".
    entries = [["A. Hundepool, J. Domingo-Ferrer, L. Franconi, S. Giessing,",
                "E. Schulte-Nordholt, K. Spicer, and P. de Wolf, Disclosure control."],
               ["N. Li, T. Li, and S. Venkatasubramanian, in ICDE, R. Chirkova and",
                "A. Dogac, Eds. IEEE, 2007, pp. 106-115."]]
    doc = read_layout(text_page_pdf(tmp_path / "authors.pdf", _numbered_entries(entries)),
                      max_pages=1)
    (found,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [(item.label, item.text) for item in found.items] == [
        (f"[{k + 1}]", " ".join(lines)) for k, lines in enumerate(entries)]


def test_a_lettered_list_under_a_comma_is_still_a_list(tmp_path: Path) -> None:
    # "B. Pears," counts on "A. Apples," above it: the next point, though the line above
    # ends with a comma.
    lines = ["A. Apples, from the orchard,", "B. Pears, from the market,", "C. Plums."]
    ops = [f"BT /F1 10 Tf 72 {700 - 12 * k} Td ({t}) Tj ET".encode()
           for k, t in enumerate(lines)]
    blocks = list(read_layout(text_page_pdf(tmp_path / "fruit.pdf", ops), max_pages=1).blocks)
    (found,) = [b for b in blocks if isinstance(b, ListBlock)]
    assert [item.label for item in found.items] == ["A.", "B.", "C."]
