"""The distinct words a pattern finds in a text, found one whitespace-parted piece at a time.

The document-wide hyphenation evidence (:class:`.blocks.Hyphenation`) gathers every word a
document writes: a search for words (joined by hyphens) over all its text. The regular
expression engine looks a character's class up in the Unicode database several times over
for each character; ``str.split`` and ``str.isalnum`` run through the same text faster. So
the text is parted at its spaces first, each distinct piece is looked at once, and a piece
of letters and digits alone (most of a text's pieces) is taken as the one match it is; only
the others (a word with its punctuation, a hyphenated compound) are searched.

That gives the pattern's matches exactly, for a pattern that

- matches no whitespace character (so no match runs across two pieces, and the search of the
  whole text finds in each piece what the search of the piece alone finds), and
- matches a piece of word characters but ``_`` wholly, as one match: ``str.isalnum`` is the
  engine's ``\\w`` but for the underscore (both ask Python's Unicode database whether a
  character is a letter, a decimal, a digit or numeric), and a piece holding ``_`` is searched.

``\\w+(?:[-\\u2010]\\w+)*`` is such a pattern (a test holds the answers equal).
"""

from __future__ import annotations

import re


def distinct_word_matches(text: str, pattern: re.Pattern[str]) -> set[str]:
    """``set(pattern.findall(text))``, for a pattern as the module's docstring says."""
    pieces = set(text.split())
    # (Sorted out at C speed, with no Python step a piece: a document has tens of thousands
    # of distinct ones. The others are searched in one search, joined by spaces: no match
    # runs across one, and a search's own set-up costs more than a short piece's reading.)
    whole = set(filter(str.isalnum, pieces))
    pieces -= whole
    whole.update(pattern.findall(" ".join(pieces)))
    return whole
