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
already said, in brackets; and a number with a full stop ending the sentence the words
above leave open on a word ("their sensitivity is" / "1. This low sensitivity …").
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
#: ... or, under a paragraph of one line, left of it by this many heights at most: the
#: paragraph's first line is set in by its indent.
FIRST_LINE_INDENT = 2.5


def runs_on_into(previous: Paragraph, item: ListItem) -> bool:
    """Whether the lone ``item``, opening with a dash or an enumerator, goes on with the
    sentence ``previous`` ends in, the paragraph right before it in reading order (see the
    module's note)."""
    if (
        not (
            item.label in SENTENCE_DASHES
            or _enumerates_on(previous.text, item.label)
            or _number_ending_sentence(previous.text, item.label)
        )
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
    indent = above.bbox.x0 - dash.bbox.x0
    return -0.2 * height <= gap <= LEADING * height and (
        abs(indent) <= SAME_EDGE * height
        # (The line above the paragraph's only one, its first line set in by the indent.)
        or (len(previous.prov) == 1 and above.bbox.y1 - above.bbox.y0 <= 1.5 * height
            and 0 < indent <= FIRST_LINE_INDENT * height)
    )


def run_on(previous: Paragraph, item: ListItem, prov: list[Prov]) -> Paragraph:
    """``previous`` going on with ``item``'s dash and text (drawn where ``prov`` says)."""
    paragraphs = [b for b in item.blocks if isinstance(b, Paragraph)]
    text = " ".join([previous.text, item.label, *(b.text for b in paragraphs)])
    links = previous.links + [link for b in paragraphs for link in b.links]
    return Paragraph(text, previous.prov + prov, links, previous.lang)


#: A number with a full stop: a list's label, or a number ending a sentence ("is 1.").
_NUMBER_STOP = re.compile(r"\d{1,3}\.\Z")


def _number_ending_sentence(text: str, label: str) -> bool:
    """Whether ``label`` ("1.") is the number a sentence ``text`` leaves open ends in ("…
    their sensitivity is" / "1. This low sensitivity …"): the words above stop on a word
    of small letters, no comma nor colon that would lead into a list."""
    words = text.split()
    return (
        _NUMBER_STOP.match(label) is not None
        and bool(words) and words[-1].isalpha() and words[-1].islower()
    )


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
