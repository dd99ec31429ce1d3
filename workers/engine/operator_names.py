"""The name of a content-stream operator as text, whatever its bytes.

pikepdf reads an operator's name as UTF-8 and raises ``UnicodeDecodeError`` on other bytes
(a damaged stream: ``q \\xa9x Q``). No operator PDF defines has such bytes: read as Latin-1
instead, the name is one no reader knows, as an unknown operator's should be.

>>> import pikepdf
>>> pdf = pikepdf.new()
>>> [operator_name(i.operator) for i in pikepdf.parse_content_stream(
...     pdf.make_stream(b"q \\xa9x Q"))]
['q', '©x', 'Q']
"""

from __future__ import annotations

import pikepdf


def operator_name(operator: pikepdf.Operator) -> str:
    """``str(operator)``, or its bytes read as Latin-1 where they are no UTF-8."""
    try:
        return str(operator)
    except UnicodeDecodeError:
        return bytes(operator.unparse()).decode("latin-1")
