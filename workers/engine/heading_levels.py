"""Heading levels as the outputs carry them: skipped levels closed up, the source's nesting kept.

PDF/UA (Matterhorn 14-002, 14-003) and WCAG readers expect the first heading to be level 1 and
no level to be skipped going down (h1 → h3). Sources break both: a web page printed without its
h1 starts at h2, a report jumps from H1 to H3. Every output (HTML, large print, tagged PDF)
closes them up the same way, here, so that headings at one level under one parent stay siblings
— "Synopsis" and "Description" after a first h2 "templates" stay the first's siblings, not its
children.
"""

from __future__ import annotations


class HeadingLevels:
    """Closes up skipped heading levels, keeping the source's nesting.

    The first heading becomes level 1; a heading deeper than its parent by more than one
    becomes its parent's level + 1; headings at the same source level under the same parent
    stay siblings. Changes are kept for the report.

    >>> levels = HeadingLevels()
    >>> [levels.level(n, "") for n in (1, 3, 3, 4, 2)]
    [1, 2, 2, 3, 2]
    """

    def __init__(self) -> None:
        # (source level, output level) of the open headings, outermost first.
        self._open: list[tuple[int, int]] = []
        self.changed: list[tuple[str, int, int]] = []

    def level(self, source_level: int, text: str) -> int:
        source_level = max(1, min(source_level, 6))
        while self._open and self._open[-1][0] >= source_level:
            self._open.pop()
        level = min(self._open[-1][1] + 1, 6) if self._open else 1
        self._open.append((source_level, level))
        if level != source_level:
            self.changed.append((text, source_level, level))
        return level

    def note(self) -> str | None:
        if not self.changed:
            return None
        examples = "; ".join(
            f"“{shortened(text)}” h{old}→h{new}" for text, old, new in self.changed[:5]
        )
        more = f" and {len(self.changed) - 5} more" if len(self.changed) > 5 else ""
        return (
            f"{len(self.changed)} heading level(s) changed so that no level is skipped: "
            f"{examples}{more}"
        )


def shortened(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for notes to staff."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
