"""Content-stream operators and operand names as text, whatever their bytes.

pikepdf reads an operator's name, and a name operand, as UTF-8, and raises
``UnicodeDecodeError`` on other bytes (a damaged stream: ``q \\xa9x Q``, ``/F\\xa61 12 Tf``).
No operator PDF defines has such bytes: read as Latin-1 instead, the name is one no reader
knows, as an unknown operator's should be; a name operand reads as PDF writes it (``/F#a61``),
a key no resource dictionary is read with.

>>> import pikepdf
>>> pdf = pikepdf.new()
>>> [operator_name(i.operator) for i in pikepdf.parse_content_stream(
...     pdf.make_stream(b"q \\xa9x Q"))]
['q', '©x', 'Q']
>>> operand_text(pikepdf.parse_content_stream(pdf.make_stream(b"/F\\xa61 12 Tf"))[0].operands[0])
'/F#a61'
"""

from __future__ import annotations

import pikepdf


def operator_name(operator: pikepdf.Operator) -> str:
    """``str(operator)``, or its bytes read as Latin-1 where they are no UTF-8."""
    try:
        return str(operator)
    except UnicodeDecodeError:
        return bytes(operator.unparse()).decode("latin-1")


def operand_text(operand: object) -> str:
    """``str(operand)``, or, for a name whose bytes are no UTF-8, the name as PDF writes it."""
    try:
        return str(operand)
    except UnicodeDecodeError:
        if isinstance(operand, pikepdf.Object):
            return bytes(operand.unparse()).decode("latin-1")
        raise
