"""PLACEHOLDER tagged PDF renderer: PDF/UA-1 reflowed from a PlainDocument by WeasyPrint.

``render_tagged_pdf`` stands in for the real tagged-PDF renderer, which will tag the original
file's drawing operators so the output looks exactly like the source. This one reflows the
text onto new A4 pages: accessible, but it does not keep the original look. (Large print is
rendered from the Document model by ``render_large_print``.)

The output carries the title and language in the catalog, info dictionary and XMP.

>>> pdf_bytes = render_tagged_pdf(document)  # doctest: +SKIP
"""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from .placeholder_text import PlainDocument
from .render_html import DEFAULT_LANGUAGE, template
from .render_large_print import html_to_pdf

#: Debian's fonts-liberation and fonts-dejavu-core: Liberation Sans is metrically Arial, the
#: face UKAAF suggests; DejaVu Sans covers far more scripts and symbols. fontconfig still
#: falls back to any installed face for a character neither has (the glyphs check reports
#: characters that no installed font has).
SANS_SERIF = '"Liberation Sans", Arimo, Arial, "DejaVu Sans", sans-serif'

#: Source page markers say "Original" so they are not confused with this PDF's own numbers.
MARKER_LABEL = "Original page"

_CSS = """
@page {
  size: A4 portrait;
  margin: 2cm 2cm 2.5cm;
  @bottom-left {
    content: "Page " counter(page) " of " counter(pages);
    font-family: {{ font }};
    font-size: {{ body_pt }}pt;
    color: #000000;
  }
}
html { font-family: {{ font }}; font-size: {{ body_pt }}pt; color: #000000; }
body { margin: 0; line-height: 1.5; }
main { max-width: 65ch; }
h1 { font-size: {{ heading_pt }}pt; font-weight: bold; line-height: 1.25; margin: 0 0 1em; }
p {
  margin: 0 0 1.5em; /* one blank line at line-height 1.5 (UKAAF) */
  text-align: start; /* left, or right for right-to-left paragraphs */
  hyphens: none;
  overflow-wrap: break-word;
  font-style: normal;
  text-decoration: none;
}
.page-marker { font-weight: bold; margin-top: 1.5em; break-after: avoid; }
"""

_TEMPLATE = """<!DOCTYPE html>
<html lang="{{ language }}">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
<style>{{ css }}</style>
</head>
<body>
<main>
<h1{{ title | dir_attr }}>{{ title }}</h1>
{% for paragraphs in pages %}
<section>
<p class="page-marker">{{ marker_label }} {{ loop.index }}</p>
{% for paragraph in paragraphs %}
<p{{ paragraph | dir_attr }}>{{ paragraph }}</p>
{% else %}
<p>No text could be read from this page automatically.</p>
{% endfor %}
</section>
{% endfor %}
</main>
</body>
</html>
"""

_PAGE = template(_TEMPLATE)
# The stylesheet is trusted code, not document text: rendered without HTML escaping.
_STYLESHEET = jinja2.Environment(autoescape=False, undefined=jinja2.StrictUndefined).from_string(
    _CSS
)


def render_tagged_pdf(document: PlainDocument) -> bytes:
    """Placeholder tagged PDF: the text reflowed at a comfortable 12 pt (see module doc)."""
    return _render(document, body_pt=12, heading_pt=19)


def _render(document: PlainDocument, *, body_pt: int, heading_pt: int) -> bytes:
    css = _STYLESHEET.render(font=SANS_SERIF, body_pt=body_pt, heading_pt=heading_pt)
    html = _PAGE.render(
        language=document.language or DEFAULT_LANGUAGE,
        title=document.title,
        pages=document.pages,
        css=Markup(css),
        marker_label=MARKER_LABEL,
    )
    # With no images to serve, html_to_pdf refuses every URL the HTML could name.
    return html_to_pdf(html)
