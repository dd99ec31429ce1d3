"""The opening of a Type 2 charstring, read without running it: the operands before its first
operator, and that operator; and the glyph's advance width, read from the numbers pushed up to
the first operator that clears the stack (following subroutine calls).

fontTools reads a charstring token by token through a handler table (a call per byte and a
lookup per token); the width checks read the opening of every glyph of a program, where
nearly every token is a plain number. Numbers are decoded here directly (Adobe TN 5177,
table 3); any other byte (an operator, a 16.16 fixed number, a reserved byte) is read by
fontTools' own reader, so the tokens are fontTools' exactly.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from fontTools.misc.psCharStrings import T2CharString, calcSubrBias

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
        return _read_on(charstring, 0, opening)
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
            return _read_on(charstring, index, opening)
    return opening


def _read_on(charstring: T2CharString, index: int, opening: list[object]) -> list[object]:
    """``opening`` with the tokens fontTools reads from ``index`` on, up to and including the
    first operator (to the end when there is none)."""
    while True:
        token, is_operator, index = charstring.getToken(index)
        if token is None:
            return opening
        opening.append(token)
        if is_operator:
            return opening


#: Subroutine calls followed at most (fontTools' interpreter has no limit of its own).
MAX_SUBROUTINE_DEPTH = 10


class _NotPlain(Exception):
    """The charstring does more before its width than push numbers and call subroutines."""


def charstring_width(charstring: T2CharString, nominal: float, default: float) -> float | None:
    """The advance width of ``charstring`` as fontTools' T2WidthExtractor finds it, found
    by pushing numbers and following subroutine calls until the first operator that clears
    the stack (most programs open each glyph with a call to a hint subroutine); None when
    something else comes first (left to the interpreter)."""
    local = getattr(charstring.private, "Subrs", [])
    calls = _Calls(local, charstring.globalSubrs)
    try:
        return calls.width_in(charstring, [], nominal, default, 0)
    except _NotPlain:
        return None


class _Calls:
    def __init__(self, local: Sequence[T2CharString], global_: Sequence[T2CharString]) -> None:
        self._subrs = {"callsubr": (local, calcSubrBias(local)),
                       "callgsubr": (global_, calcSubrBias(global_))}

    def width_in(
        self, charstring: T2CharString, stack: list[object], nominal: float, default: float,
        depth: int,
    ) -> float | None:
        """The width, once a stack-clearing operator is met in ``charstring`` (or a
        subroutine it calls); None when it ends first (``stack``: the operands so far)."""
        for token in _tokens(charstring):
            if not isinstance(token, str):
                stack.append(token)
                continue
            parity = WIDTH_OPERATORS.get(token)
            if parity is not None:
                if parity ^ (len(stack) % 2):
                    first = stack[0] if stack else None
                    if not isinstance(first, int | float):
                        raise _NotPlain
                    return nominal + first
                return default
            if token == "return":
                continue  # (the interpreter reads on to the subroutine's end)
            subrs_bias = self._subrs.get(token)
            if subrs_bias is None or not stack or depth >= MAX_SUBROUTINE_DEPTH:
                raise _NotPlain
            subrs, bias = subrs_bias
            number = stack.pop()
            if not isinstance(number, int) or not 0 <= number + bias < len(subrs):
                raise _NotPlain
            width = self.width_in(subrs[number + bias], stack, nominal, default, depth + 1)
            if width is not None:
                return width
        if depth == 0:
            raise _NotPlain  # no width at all: the interpreter's answer
        return None


def _tokens(charstring: T2CharString) -> Iterator[object]:
    """The tokens of ``charstring`` as fontTools' ``getToken`` reads them (numbers decoded
    here, the rest by fontTools); hint mask bytes are not skipped (read only up to the
    first stack-clearing operator)."""
    code = charstring.bytecode
    index = 0
    if code is None:
        while True:
            token, _, index = charstring.getToken(index)
            if token is None:
                return
            yield token
    end = len(code)
    while index < end:
        b0 = code[index]
        if 32 <= b0 <= 246:
            yield b0 - 139
            index += 1
        elif 247 <= b0 <= 250 and index + 1 < end:
            yield (b0 - 247) * 256 + code[index + 1] + 108
            index += 2
        elif 251 <= b0 <= 254 and index + 1 < end:
            yield -(b0 - 251) * 256 - code[index + 1] - 108
            index += 2
        elif b0 == 28 and index + 2 < end:
            yield int.from_bytes(code[index + 1:index + 3], "big", signed=True)
            index += 3
        else:
            token, _, index = charstring.getToken(index)
            if token is None:
                return
            yield token
