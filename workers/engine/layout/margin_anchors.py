"""Which paragraph a note in a textbook's margin is read after, when it says so itself.

A glossary's term (a few words, in a face of its own, its definition under it) stands beside
the paragraph that uses the term (set in bold there, most often); a picture's caption
("Figure 5.3 …") beside the paragraph that refers to it ("as in Figure 5.3"). Read after that
paragraph, the definition explains a word just heard and the picture is described when the
text sends the reader to it; read where they happen to stand, level with some other line,
they cut into the text or come before what they belong to.
"""

from __future__ import annotations

import re

from .figures import caption_text
from .lines import word_count

#: A margin note this short is a glossary's term (its definition set under it).
GLOSSARY_TERM_WORDS = 4
#: A term's first word this long names the term alone ("proximodistal" for "proximodistal
#: development", used as "in a proximodistal (center-outward) direction"); a shorter one
#: ("the", "soft") is too common to find the paragraph by.
TERM_HEAD_LETTERS = 6
#: A caption's label: its kind and number ("Figure 5.3", "Fig. 2", "Table 4-1").
_LABEL = re.compile(r"(\w+)\.?\s+(\d+(?:[.\-–]\d+)*[a-z]?)\b", re.IGNORECASE)


def is_term(text: str) -> bool:
    """A margin note of :data:`GLOSSARY_TERM_WORDS` words at most: a glossary's term."""
    return 0 < word_count(text) <= GLOSSARY_TERM_WORDS


def _words_pattern(words: list[str]) -> re.Pattern[str]:
    # (A plural or a possessive "s" after the last word is the same term.)
    return re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"(?:e?s)?\b")


def _first_user(pattern: re.Pattern[str], paragraphs: list[tuple[int, str]]) -> int | None:
    return next((key for key, text in paragraphs if pattern.search(text.casefold())), None)


def term_user(term: str, paragraphs: list[tuple[int, str]]) -> int | None:
    """The key of the first of ``paragraphs`` (key, text) that uses ``term``: its words in a
    row (across line breaks and punctuation), or else, when no paragraph does, the term's
    first word when it is a long one (the text may put a gloss between the term's words or
    leave out its generic last word). None when none uses it."""
    words = re.findall(r"\w+", term.casefold())
    if not words:
        return None
    used = _first_user(_words_pattern(words), paragraphs)
    head = words[0]
    if used is not None or len(words) == 1 or len(head) < TERM_HEAD_LETTERS:
        return used
    return _first_user(_words_pattern([head]), paragraphs) if head.isalpha() else None


def caption_label(text: str) -> str | None:
    """A caption's label ("figure 5.3"), casefolded; None when ``text`` is no caption."""
    caption = caption_text(text)
    found = _LABEL.match(caption) if caption is not None else None
    return f"{found.group(1)} {found.group(2)}".casefold() if found else None


def reference_user(label: str, paragraphs: list[tuple[int, str]]) -> int | None:
    """The key of the first of ``paragraphs`` (key, text) that refers to the caption
    ``label`` ("figure 5.3": "… as in Figure 5.3, …"); None when none does."""
    kind, number = label.split(" ", 1)
    pattern = re.compile(r"\b" + re.escape(kind) + r"\W+" + re.escape(number) + r"(?!\d|[.\-–]\d)")
    return _first_user(pattern, paragraphs)
