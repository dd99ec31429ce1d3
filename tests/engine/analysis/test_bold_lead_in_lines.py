"""A list item (or a paragraph) opening with a bold lead-in that fills its first line reads on
over the line break into its regular text: the first line, mostly bold, and the next, mostly
regular, are one paragraph when the weight the first line ends in is the one the next starts
in and the next line's first word would not have fitted on the first (the line was wrapped).
A bold heading over a paragraph opening with a bold run-in word stays apart from it."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading, ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page


def _line(x: float, y: float, *runs: tuple[str, str]) -> str:
    def string(text: str) -> str:
        return text.replace("(", "\\(").replace(")", "\\)")

    shown = " ".join(f"/{font} 10 Tf ({string(text)}) Tj" for font, text in runs)
    return f"BT {x} {y} Td {shown} ET"


def _items() -> list[str]:
    ops = ["BT /F2 16 Tf 72 720 Td (Opportunities) Tj ET"]
    ops.append(_line(72, 690, ("F1", "A strategy can help address the challenges we have "
                                     "identified:")))
    items = [
        [[("F2", "Secure federal systems and information."), ("F1", " The strategy")],
         [("F1", "identifies steps and priorities to mitigate cybersecurity risks.")]],
        [[("F2", "Goals, subordinate objectives, activities, and")],
         [("F2", "performance measures."), ("F1", " The strategy identifies")],
         [("F1", "strategic objectives and articulates priorities.")]],
        [[("F2", "Protect cyber critical infrastructure."), ("F1", " The strategy")],
         [("F1", "identifies investment priorities to defend it.")]],
    ]
    y = 666
    for lines in items:
        ops.append(f"BT /F1 10 Tf 72 {y} Td (\\225) Tj ET")
        for runs in lines:
            ops.append(_line(84, y, *runs))
            y -= 12
        y -= 6
    return ops


def _item_texts(path: Path) -> list[list[str]]:
    doc = read_layout(path, max_pages=1)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    return [[p.text for p in item.blocks if isinstance(p, Paragraph)]
            for block in lists for item in block.items]


def test_a_bold_lead_in_wrapped_over_the_line_break_reads_on(
    tmp_path: Path, block_loop: str
) -> None:
    path = helvetica_page(tmp_path / "lead-ins.pdf", _items())
    assert _item_texts(path) == [
        ["Secure federal systems and information. The strategy identifies steps and "
         "priorities to mitigate cybersecurity risks."],
        ["Goals, subordinate objectives, activities, and performance measures. The "
         "strategy identifies strategic objectives and articulates priorities."],
        ["Protect cyber critical infrastructure. The strategy identifies investment "
         "priorities to defend it."],
    ]


def test_a_bold_heading_over_a_bold_run_in_word_stays_apart(tmp_path: Path) -> None:
    ops = [
        _line(72, 700, ("F2", "Methods")),
        _line(72, 688, ("F2", "Participants."), ("F1", " We recruited forty people from "
                                                        "the town and its villages, and")),
        _line(72, 676, ("F1", "each of them was paid for an afternoon of work on the tasks.")),
        _line(72, 664, ("F1", "Their answers were read by two of us, apart from each other.")),
        _line(72, 652, ("F1", "Where the two readings differed, a third one settled it.")),
    ]
    doc = read_layout(helvetica_page(tmp_path / "run-in.pdf", ops), max_pages=1)
    texts = [b.text for b in doc.blocks if isinstance(b, (Heading, Paragraph))]
    assert texts[0] == "Methods"
    assert texts[1].startswith("Participants. We recruited")


def test_entries_one_a_line_going_into_bold_stay_apart(tmp_path: Path) -> None:
    # (A reference card's methods: a line mostly regular ending in a bold name, then the
    # next method's line, mostly bold. Only a bold lead-in's text goes on in regular.)
    ops = [
        _line(72, 700, ("F2", "toDataURL(")),
        _line(81, 688, ("F1", "[Optional] string "), ("F2", "type,")),
        _line(81, 676, ("F1", "[Variadic] any "), ("F2", "args)")),
        _line(72, 664, ("F2", "getContext("), ("F1", " string "), ("F2", "contextId)")),
        _line(72, 652, ("F2", "toBlob("), ("F1", " callback "), ("F2", "done)")),
    ]
    doc = read_layout(helvetica_page(tmp_path / "card.pdf", ops), max_pages=1)
    texts = [b.text for b in doc.blocks if isinstance(b, (Heading, Paragraph))]
    assert not any("args) getContext" in t for t in texts)
