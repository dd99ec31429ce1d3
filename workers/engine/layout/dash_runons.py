"""A dash or an enumerator that opens a line inside a sentence: the sentence goes on.

A line of running text may break right before a dash set between words ("Recurrent neural
networks — LSTM networks, to be exact" / "— are used in [NV15] together with …"). The line
under it then opens like a dashed list's item, and read as one (a list of one item, then
prose again: see ``classify._drop_lone_items``) it parts a sentence into two paragraphs.
A dash opening a paragraph of its own (dialogue, an attribution) follows a sentence that
ended, or stands apart from the line above it; a dash the line broke before follows words
that run on into it, in the same column, at the paragraph's leading. So does a sentence's
own enumerator ("This research has taken two main lines: (i) to come up with …, and" /
"(ii) to propose relaxations …"): a bracketed label whose predecessor the words above
already said, in brackets.
"""

from __future__ import annotations

import re

from ..document import ListItem, Paragraph, Prov

#: The dashes set between words of a sentence (a hyphen opening a line is a list's mark or a
#: minus sign, not the sentence going on).
SENTENCE_DASHES = frozenset({"—", "–"})
#: The words above end mid-sentence: in a letter, a digit or a comma.
_RUNS_ON = re.compile(r"[\w,]\Z")
#: The dash's line is under the line above by at most this many of its heights, top to
#: bottom: the paragraph's leading, not a paragraph's spacing.
LEADING = 0.6
#: ... and starts within this many of its heights of that line's left edge (one column).
SAME_EDGE = 1.0


def runs_on_into(previous: Paragraph, item: ListItem) -> bool:
    """Whether the lone ``item``, opening with a dash or an enumerator, goes on with the
    sentence ``previous`` ends in, the paragraph right before it in reading order (see the
    module's note)."""
    if (
        not (item.label in SENTENCE_DASHES or _enumerates_on(previous.text, item.label))
        or previous.preformatted
        or not previous.prov
        or not item.label_prov
        or not _RUNS_ON.search(previous.text)
    ):
        return False
    above, dash = previous.prov[-1], item.label_prov[0]
    if above.page != dash.page:
        return False
    height = dash.bbox.y1 - dash.bbox.y0
    if height <= 0:
        return False
    # (PDF coordinates: y grows upwards, the line above ends at its y0.)
    gap = above.bbox.y0 - dash.bbox.y1
    return -0.2 * height <= gap <= LEADING * height and (
        abs(above.bbox.x0 - dash.bbox.x0) <= SAME_EDGE * height
    )


def run_on(previous: Paragraph, item: ListItem, prov: list[Prov]) -> Paragraph:
    """``previous`` going on with ``item``'s dash and text (drawn where ``prov`` says)."""
    paragraphs = [b for b in item.blocks if isinstance(b, Paragraph)]
    text = " ".join([previous.text, item.label, *(b.text for b in paragraphs)])
    links = previous.links + [link for b in paragraphs for link in b.links]
    return Paragraph(text, previous.prov + prov, links, previous.lang)


#: A bracketed enumerator: a number, a letter or a small roman numeral.
_ENUMERATOR = re.compile(r"\((\d{1,2}|[a-z]|[ivx]{1,5})\)\Z")
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def _enumerates_on(text: str, label: str) -> bool:
    """Whether ``label`` ("(ii)") is the enumerator after one ``text`` says ("(i)")."""
    match = _ENUMERATOR.match(label)
    if match is None:
        return False
    value = match.group(1)
    before: list[str] = []
    if value.isdigit():
        before.append(str(int(value) - 1))
    if value in _ROMAN[1:]:
        before.append(_ROMAN[_ROMAN.index(value) - 1])
    if len(value) == 1 and value.isalpha() and value != "a":
        before.append(chr(ord(value) - 1))
    return any(f"({b})" in text for b in before)
