"""The project's C extensions; everything else is declared in pyproject.toml.

Eight hot loops of the layout reader, each file saying why: ``_glyph_reader.c`` (the
per-character pdfium loop of glyphs.py), ``_fragments.c`` (the glyph and line loops of lines.py),
``_longest_match.c`` (difflib's search, for operators.py), ``_content_scan.c`` (the
content-stream walk of operators.py), ``_column_gap.c`` (the column search's widest gap,
for order.py), ``_block_loop.c`` (block building, for reader.py), ``_walls.c`` (the boxes
side by side of a page of shapes, for walls.py) and ``_image_edges.c`` (the edges of an opaque
rendered image, for glyphs.py's edgeless images); and five of the
tagged-PDF writer, ``tagged_pdf/_instruction_scan.c`` (where each instruction of a page's
content stream lies, so marked content is written between its bytes: marked_content.py),
``tagged_pdf/_mark_units.c`` (the owner to switch to before each instruction, the
marked-content plan and its bytes, and the text operators several leaves claim:
marked_content.py, split_text.py), ``tagged_pdf/_glyph_boxes.c`` (which leaf's box holds
each glyph of a text operator being cut: split_text.py), ``tagged_pdf/_object_runs.c``
(where a page's characters change text object, reading its text by MCID: mcid_text.py) and
``tagged_pdf/_eexec.c`` (Type 1 fonts' encryption, read and written by program_widths.py).
They need only a C compiler and Python's headers (scripts/install-system-packages.sh installs
them). All are optional: an installation without a compiler still succeeds; the layout loops
then run in Python, and the tagger goes through pikepdf's parser, plans marks, reads text by
MCID and decrypts in Python.
"""

from setuptools import Extension, setup

#: The content-stream lexing both scanners include.
LEXER = "workers/engine/_content_lexer.h"
#: The merge sort the layout loops sort their small arrays with.
SORT = "workers/engine/_merge_sort.h"
#: Reading an attribute that is exactly a float (the loops leave any other value to Python).
EXACT_FLOAT = "workers/engine/_exact_float.h"

setup(
    ext_modules=[
        Extension(
            f"workers.engine.layout.{name}",
            sources=[f"workers/engine/layout/{name}.c"],
            # The loops must compute exactly what their Python twins compute: no fused
            # multiply-adds (gcc's default on some processors), which round differently.
            extra_compile_args=["-ffp-contract=off"],
            depends=[LEXER, SORT, EXACT_FLOAT],
            optional=True,
        )
        for name in (
            "_glyph_reader", "_longest_match", "_fragments", "_content_scan", "_column_gap",
            "_block_loop", "_walls", "_image_edges",
        )
    ]
    + [
        # Where each instruction of a content stream lies (tagged_pdf/marked_content.py).
        Extension(
            "workers.engine.tagged_pdf._instruction_scan",
            sources=["workers/engine/tagged_pdf/_instruction_scan.c"],
            depends=[LEXER],
            optional=True,
        ),
        # The owner to switch to before each instruction, the marks plan and its bytes
        # (tagged_pdf/marked_content.py), the contested text operators (split_text.py).
        Extension(
            "workers.engine.tagged_pdf._mark_units",
            sources=["workers/engine/tagged_pdf/_mark_units.c"],
            optional=True,
        ),
        # Which box holds each glyph of a text operator being cut (tagged_pdf/split_text.py).
        Extension(
            "workers.engine.tagged_pdf._glyph_boxes",
            sources=["workers/engine/tagged_pdf/_glyph_boxes.c"],
            extra_compile_args=["-ffp-contract=off"],
            optional=True,
        ),
        # Where a page's characters change text object (tagged_pdf/mcid_text.py).
        Extension(
            "workers.engine.tagged_pdf._object_runs",
            sources=["workers/engine/tagged_pdf/_object_runs.c"],
            optional=True,
        ),
        # Type 1 programs' encryption (tagged_pdf/program_widths.py).
        Extension(
            "workers.engine.tagged_pdf._eexec",
            sources=["workers/engine/tagged_pdf/_eexec.c"],
            optional=True,
        ),
    ]
)
