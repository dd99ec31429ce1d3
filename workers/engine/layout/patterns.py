"""Text patterns the layout reader recognises: list markers, dot leaders, numbered headings."""

from __future__ import annotations

import re

BULLET = re.compile(
    r"^(?:([•●▪■□◦‣⁃∙○◆◇◊➢➤►▶▸▹▷✓✔✗✘☐☑☒█▬▫◘◙⦿⦾]|[\u2190-\u21ff\u25a0-\u25ff\u2700-\u27bf])\s*"
    # (A line of dashes, "- - - - x", is a rule drawn in text, not an item.)
    r"|([-–—*·])\s+(?![-–—*·](?:\s|$)))(?=\S)"
)


#: "1.", "a)", "(iv)", and "[12]" (a numbered reference list); not "(z." ("(z. B. Word)"
#: opening a line is an aside going on, its bracket never closed as a label's is).
NUMBER = re.compile(
    r"^(\((?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})\)|(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})[.)]"
    r"|\[\d{1,3}\])\s+(?=\S)"
)


LEADER = re.compile(r"(\.\s?){4,}|…{2,}|_{4,}")


def starts_item(text: str) -> bool:
    return bool(BULLET.match(text) or NUMBER.match(text)) or is_marker(text)


def is_marker(text: str) -> bool:
    """A bullet or a list number standing alone (its text follows past a tab stop)."""
    return bool(BULLET.match(text + " x") or NUMBER.match(text + " x")) and len(text) <= 6


def title_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


NUMBERED = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?\s+\S")
