"""PLACEHOLDER HTML renderer: one self-contained, accessible HTML5 file from a PlainDocument.

Replaced, with the reader, by a renderer of the real ``Document`` model (headings, lists,
tables, figures). What it already does right and the real one must keep: language, title, a
skip link, one ``<main>``, a marker per source page so readers can cite page numbers, every
piece of text escaped, and CSS in relative units that reflows at 320 CSS px, keeps contrast
above 4.5:1 in both colour schemes, and uses no JavaScript.

>>> html = render_html(PlainDocument("Report", "en", [["Hello"]]))  # doctest: +SKIP
"""

from __future__ import annotations

import unicodedata

import jinja2
from markupsafe import Markup

from .placeholder_text import PlainDocument

DEFAULT_LANGUAGE = "en"

# Contrast ratios (WCAG 2 formula) against the background: light #1b1b1b 17.2, #505050 8.1,
# links #0b4f9c 8.0; dark #ececec 15.9, #b8b8b8 9.4, links #a8cdff 11.5. Page rules (#767676,
# #8a8a8a) are decoration but still pass 3:1 for non-text contrast.
_CSS = """
:root { color-scheme: light dark; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, "Liberation Sans",
    "DejaVu Sans", sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: #1b1b1b;
  background: #ffffff;
  overflow-wrap: anywhere;
}
main { max-width: 40em; margin: 0 auto; padding: 1em; }
h1 { font-size: 1.75em; line-height: 1.25; margin: 0.5em 0 1em; }
p { margin: 0 0 1em; }
.page { border-top: 0.0625em solid #767676; padding-top: 0.5em; margin-top: 1.5em; }
.page-marker { font-size: 0.875em; color: #505050; margin: 0 0 0.75em; }
a { color: #0b4f9c; }
a:focus-visible, main:focus-visible { outline: 0.1875em solid #0b4f9c; outline-offset: 0.125em; }
.skip-link {
  position: absolute;
  left: 0.5em;
  top: -10em;
  padding: 0.5em 1em;
  background: #ffffff;
  color: #0b4f9c;
}
.skip-link:focus { top: 0.5em; }
@media (prefers-color-scheme: dark) {
  body { color: #ececec; background: #121212; }
  .page { border-top-color: #8a8a8a; }
  .page-marker { color: #b8b8b8; }
  a, .skip-link { color: #a8cdff; }
  .skip-link { background: #121212; }
  a:focus-visible, main:focus-visible { outline-color: #a8cdff; }
}
@media print {
  .skip-link { display: none; }
  .page { break-before: auto; }
}
"""

_TEMPLATE = """<!DOCTYPE html>
<html lang="{{ language }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="accessible-formats placeholder renderer">
<title>{{ title }}</title>
<style>{{ css }}</style>
</head>
<body>
<a class="skip-link" href="#content">Skip to content</a>
<main id="content" tabindex="-1">
<h1{{ title | dir_attr }}>{{ title }}</h1>
{% for paragraphs in pages %}
<section class="page" id="page-{{ loop.index }}">
{# Plain text on purpose: role=doc-pagebreak is only allowed on <hr> and carries no visible
   text, and screen readers announce plain "Page 7" reliably. #}
<p class="page-marker">Page {{ loop.index }}</p>
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

# autoescape on for everything: every string that reaches the page comes from the source PDF.


def text_direction(text: str) -> str:
    """'rtl' or 'ltr' from the first strongly directional character (HTML's dir=auto rule).

    The catalog /Lang cannot be trusted for this (Word writes en-US on Arabic documents), and
    WeasyPrint has no dir=auto, so both renderers decide per paragraph here.
    """
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def dir_attr(text: str) -> Markup:
    """` dir="rtl"` for right-to-left text, nothing otherwise (ltr is inherited)."""
    return Markup(' dir="rtl"') if text_direction(text) == "rtl" else Markup("")


def template(source: str) -> jinja2.Template:
    """A template with autoescaping and the ``dir_attr`` filter, shared by the renderers."""
    environment = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    environment.filters["dir_attr"] = dir_attr
    return environment.from_string(source)


_TEMPLATE_COMPILED = template(_TEMPLATE)


def render_html(document: PlainDocument) -> str:
    """Return the whole HTML file as a string (encode as UTF-8; the file declares it)."""
    return _TEMPLATE_COMPILED.render(
        language=document.language or DEFAULT_LANGUAGE,
        title=document.title,
        pages=document.pages,
        css=Markup(_CSS),
    )
