"""An emoji opening one line ("✅ Deployment successful!", a command's report) says
something of that line: no list's bullet. The same sign opening each of several lines in a
row marks their points, as any bullet does. Small PDFs made here with WeasyPrint."""

from __future__ import annotations

from workers.engine.document import ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

from .conftest import LOREM, HtmlPdf


def test_an_emoji_opening_one_line_is_no_bullet(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        f"<p>{LOREM}</p><p>Deploying to the cloud...<br>\u2705 Deployment successful!<br>"
        f"Your app is ready.</p><p>{LOREM}</p>"
    )
    blocks = read_layout(path, max_pages=1).blocks
    assert not any(isinstance(b, ListBlock) for b in blocks)
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert any("\u2705 Deployment successful!" in t for t in texts), texts


def test_an_emoji_opening_several_lines_marks_their_points(html_pdf: HtmlPdf) -> None:
    points = ["Fast to code", "Fewer bugs", "Easy to learn"]
    path = html_pdf(
        f"<p>{LOREM}</p>" + "".join(f"<p>\u2705 {p}</p>" for p in points) + f"<p>{LOREM}</p>"
    )
    lists = [b for b in read_layout(path, max_pages=1).blocks if isinstance(b, ListBlock)]
    assert [[item.label for item in lst.items] for lst in lists] == [["\u2705"] * 3]
    assert [item.blocks[0].text for item in lists[0].items] == points  # type: ignore[union-attr]
