"""The opening of a Type 2 charstring, read without running it: the operands before its first
operator, and that operator — and from it, where it says one, the glyph's advance width.

fontTools reads a charstring token by token through a handler table (a call per byte and a
lookup per token); the width checks read the opening of every glyph of a program, where
nearly every token is a plain number. Numbers are decoded here directly (Adobe TN 5177,
table 3); any other byte (an operator, a 16.16 fixed number, a reserved byte) is read by
fontTools' own reader, so the tokens are fontTools' exactly.
"""

from __future__ import annotations

from fontTools.misc.psCharStrings import T2CharString

#: Operators that clear the stack and may take the width as one extra first operand, each
#: with the parity of its own argument count (TN 5177 section 4.1; fontTools'
#: T2WidthExtractor: 1 for the moves with one argument, 0 for the others).
WIDTH_OPERATORS = {
    "hstem": 0, "vstem": 0, "hstemhm": 0, "vstemhm": 0, "hintmask": 0, "cntrmask": 0,
    "rmoveto": 0, "endchar": 0, "hmoveto": 1, "vmoveto": 1,
}


def t2_opening(charstring: T2CharString) -> list[object]:
    """The operands of ``charstring`` up to its first operator, and that operator (as
    fontTools' ``getToken`` reads them; all of it when it has no operator)."""
    code = charstring.bytecode
    opening: list[object] = []
    if code is None:  # already decompiled: its program is the tokens
        index = 0
        while True:
            token, is_operator, index = charstring.getToken(index)
            if token is None:
                return opening
            opening.append(token)
            if is_operator:
                return opening
    index, end = 0, len(code)
    while index < end:
        b0 = code[index]
        if 32 <= b0 <= 246:
            opening.append(b0 - 139)
            index += 1
        elif 247 <= b0 <= 250 and index + 1 < end:
            opening.append((b0 - 247) * 256 + code[index + 1] + 108)
            index += 2
        elif 251 <= b0 <= 254 and index + 1 < end:
            opening.append(-(b0 - 251) * 256 - code[index + 1] - 108)
            index += 2
        elif b0 == 28 and index + 2 < end:
            opening.append(int.from_bytes(code[index + 1:index + 3], "big", signed=True))
            index += 3
        else:
            token, is_operator, index = charstring.getToken(index)
            if token is None:
                return opening
            opening.append(token)
            if is_operator:
                return opening
    return opening


def opening_width(opening: list[object], nominal: float, default: float) -> float | None:
    """The advance width a charstring opening with ``opening`` (:func:`t2_opening`) gives,
    as fontTools' T2WidthExtractor finds it; None when the opening alone does not say it (a
    subroutine call or other operator first, or no operator)."""
    if not opening or not isinstance(opening[-1], str):
        return None
    parity = WIDTH_OPERATORS.get(opening[-1])
    if parity is None:
        return None
    count = len(opening) - 1
    if parity ^ (count % 2):
        if count == 0:
            return None  # malformed: left to the interpreter
        first = opening[0]
        if not isinstance(first, int | float):
            return None
        return nominal + first
    return default
