"""The project's one C extension; everything else is declared in pyproject.toml.

``workers/engine/layout/_glyph_reader.c`` runs the layout reader's per-character pdfium loop
(workers/engine/layout/glyphs.py says why). It needs only a C compiler and Python's headers
(scripts/install-system-packages.sh installs them); it is optional, so an installation without
a compiler still succeeds and the same loop runs in Python.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "workers.engine.layout._glyph_reader",
            sources=["workers/engine/layout/_glyph_reader.c"],
            optional=True,
        )
    ]
)
