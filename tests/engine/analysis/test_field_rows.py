"""A form's labels each beside its own field are entries of their own; two groups set side by
side (a column of radio buttons, push buttons beside it) are read group by group."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf
from .test_layout_tables import _with_fields


def show(x: float, y: float, text: str, size: int = 12) -> bytes:
    return b"BT /F1 %d Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj ET" % (size, x, y, text.encode())


def read_texts(path: Path) -> list[str]:
    return [block_text(b) for b in read_layout(path, max_pages=5).blocks]


QUESTIONS = ["Are you a resident of this county?", "Is your income over the limit?",
             "Do you rent the place you live in?", "Will you attend the hearing?"]


def test_questions_each_with_a_check_box_on_the_right_are_entries_of_their_own(
    tmp_path: Path,
) -> None:
    # Four questions one under another, each with its check box at a tab stop on its right:
    # the boxes are drawn by the viewer, not the page, yet each question ends at its box.
    ops = [show(40, 760, "Application for assistance", 18)]
    ops += [show(40, 700 - 22 * k, q) for k, q in enumerate(QUESTIONS)]
    fields = [(330.0, 698.0 - 22 * k, 344.0, 712.0 - 22 * k) for k in range(len(QUESTIONS))]
    path = _with_fields(text_page_pdf(tmp_path / "form.pdf", ops), fields)
    texts = read_texts(path)
    assert all(q in texts for q in QUESTIONS), texts


def test_a_label_wrapped_beside_one_field_stays_one_entry(tmp_path: Path) -> None:
    # A text box set level with a question wrapped over two lines reaches into both: it is
    # neither line's own, and the question is read whole.
    ops = [show(40, 700, "If the office sent you a personal number, enter"),
           show(40, 686, "it here (see the instructions)")]
    path = _with_fields(text_page_pdf(tmp_path / "form.pdf", ops), [(360.0, 684.0, 450.0, 712.0)])
    texts = read_texts(path)
    assert ("If the office sent you a personal number, enter it here (see the instructions)"
            in texts), texts


NAMES = ["Alexander Hamilton", "Marcus Aurelius", "Ada Lovelace", "Marie Curie"]


def test_a_radio_group_beside_push_buttons_is_read_group_by_group(tmp_path: Path) -> None:
    # "Select a figure:" heads a column of options, each led by its radio button; level with
    # it, "Perform an action" heads push buttons on the right (drawn by the viewer: no text
    # on the page). The options are read after their question, then the other group's head.
    # (Set close: the two heads are read as one line but for the groups under them.)
    ops = [show(40, 700, "Select your favorite figure:"), show(200, 700, "Perform an action")]
    ops += [show(90, 682 - 18 * k, name) for k, name in enumerate(NAMES)]
    fields = [(72.0, 680.0 - 18 * k, 84.0, 692.0 - 18 * k) for k in range(len(NAMES))]
    fields += [(210.0, 670.0, 280.0, 690.0), (210.0, 640.0, 280.0, 660.0)]
    path = _with_fields(text_page_pdf(tmp_path / "form.pdf", ops), fields)
    texts = read_texts(path)
    assert texts == ["Select your favorite figure:", *NAMES, "Perform an action"], texts


def test_a_form_printed_twice_keeps_its_labels_at_the_foot(tmp_path: Path) -> None:
    # A form printed twice, a copy for each party, one a page: its last rows stand in the
    # bottom margin at the same place on both pages, as running footers do. A question ending
    # at its field, the labels on the row under it, are the form's content all the same.
    ops = [show(40, 760, "Request for cover", 18)]
    ops += [show(40, 700 - 16 * k, f"Line {k} of the statement the applicant signs below")
            for k in range(12)]
    ops += [show(40, 90, "I live with the insured person since the"),
            show(40, 72, "Name and first name:"), show(360, 72, "signature of the dependant")]
    path = _with_fields(text_page_pdf(tmp_path / "form.pdf", ops), [(300.0, 88.0, 400.0, 102.0)])
    import pikepdf

    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages.append(pdf.pages[0])
        pdf.save(path)
    texts = read_texts(path)
    for label in ("Name and first name:", "signature of the dependant"):
        assert texts.count(label) == 2, texts


def test_a_one_page_forms_labels_under_a_rule_in_the_bottom_margin_stay_its_content(
    tmp_path: Path,
) -> None:
    # A one-page form's last rows, two labels each ending at its text box, stand in the
    # bottom margin band under a rule drawn across the page, as a lone page's ruled-off
    # footer does: a label beside its field is the form's all the same.
    ops = [show(40, 780, "Request for cover", 18)]
    ops += [show(40, 740 - 16 * k, f"Line {k} of the statement the applicant signs below")
            for k in range(30)]
    ops += [b"0.5 w 40 97 m 555 97 l S",
            show(40, 78, "Signature of the applicant"), show(40, 60, "Date of the signature")]
    fields = [(300.0, 75.0, 520.0, 91.0), (300.0, 57.0, 520.0, 73.0)]
    path = _with_fields(text_page_pdf(tmp_path / "form.pdf", ops), fields)
    doc = read_layout(path, max_pages=5)
    texts = [block_text(b) for b in doc.blocks]
    for label in ("Signature of the applicant", "Date of the signature"):
        assert label in texts, texts
    assert not doc.artifacts, [a.text for a in doc.artifacts]
