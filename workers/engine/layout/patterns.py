"""Text patterns the layout reader recognises: list markers, dot leaders, numbered headings."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

BULLET = re.compile(
    r"^(?:([•●▪■□◦‣⁃∙○◆◇◊➢➤►▶▸▹▷✓✔✗✘☐☑☒█▬▫◘◙⦿⦾]|[\u2190-\u21ff\u25a0-\u25ff\u2700-\u27bf])\s*"
    # (A line of dashes, "- - - - x", is a rule drawn in text, not an item. "∗", the
    # asterisk operator, is LaTeX's bullet of a list nested three deep.)
    r"|([-–—*·∗])\s+(?![-–—*·∗](?:\s|$)))(?=\S)"
)

#: The signs :data:`BULLET` matches that are emoji, shown as pictures by default ("✅", "✨",
#: "❌", "➕"): one opening a line says something of it (a command's report, "✅ Deployment
#: successful!"), no list's bullet unless it opens its neighbours' lines too.
EMOJI_SIGNS = frozenset(
    "\u25fd\u25fe\u2705\u270a\u270b\u2728\u274c\u274e\u2753\u2754\u2755\u2757"
    "\u2795\u2796\u2797\u27b0\u27bf"
)


#: "1.", "a)", "(iv)", "[12]" (a numbered reference list), and an outline number with a colon
#: ("1.2:", an infographic's points under its numbered pillars: without the colon, "1.2" opens
#: a numbered heading or paragraph as often); not "(z." ("(z. B. Word)" opening a line is an
#: aside going on, its bracket never closed as a label's is).
NUMBER = re.compile(
    r"^(\((?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})\)|(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})[.)]"
    r"|\[\d{1,3}\]|\d{1,3}(?:\.\d{1,3})+:)\s+(?=\S)"
)
#: A section's number of two levels or more ("6.4", "2.1.3."), as it numbers a heading (a list's
#: numbers, "3." and "a)", are :data:`NUMBER`'s).
OUTLINE_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})+\.?")
#: A reference list's label that is a citation key: authors' initials and a year ("[Knu84]",
#: "[KMN+ 02]", "[Joh15a]"). Such a key opens a sentence in running text as well ("[Knu84]
#: shows that"): it labels an item only set apart from its text at a tab stop (a piece of
#: its own, :func:`is_marker`), or opening a block the lines' layout has set apart already.
KEY = re.compile(r"\[[A-Za-z]{1,6}(?:\+ ?)?\d\d[a-z]?\]")
KEYED = re.compile(r"^(" + KEY.pattern + r")\s+(?=\S)")
#: A citation key without a year ("[hut]", "[KR]", "[Knuth-1]"): a bracketed word opening
#: a line is as often an aside in running text ("[sic]", "[Note]"), so such a key labels an
#: item only in a run of entries each opening with one, in a references section.
BARE_KEY = re.compile(r"\[[A-Za-z][A-Za-z0-9+.\-]{0,9}\]")
BARE_KEYED = re.compile(r"^(" + BARE_KEY.pattern + r")\s+(?=\S)")
#: The title of a references section ("References", "7 Bibliography", "Literatur").
REFERENCES_TITLE = re.compile(
    r"^(?:[\dIVX]+(?:\.\d+)*\.?\s+)?(?:references?|bibliography|literature(?: cited)?"
    r"|works cited|citations|literatur(?:verzeichnis)?|bibliographie|références"
    r"|referencias|bibliografía|bibliografia|riferimenti(?: bibliografici)?)\s*$",
    re.IGNORECASE,
)


LEADER = re.compile(r"(\.\s?){4,}|…{2,}|_{4,}")


# The three tests below are memoised: block building asks them of the same fragment's text
# for every fragment that might join its block, and classification asks title_key of the same
# block's text in each of its passes. Bounded, larger than a page's fragments usually are.


@functools.lru_cache(maxsize=8192)
def starts_item(text: str) -> bool:
    return bool(BULLET.match(text) or NUMBER.match(text)) or is_marker(text)


@functools.lru_cache(maxsize=8192)
def is_marker(text: str) -> bool:
    """A bullet, a list number or a citation key standing alone (its text follows past a
    tab stop)."""
    return (len(text) <= 6 and bool(BULLET.match(text + " x") or NUMBER.match(text + " x"))
            or (text[:1] == "[" and BARE_KEY.fullmatch(text) is not None)
            or (text[:1] == "[" and KEY.fullmatch(text) is not None))


_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=8192)
def title_key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def title_words(text: str) -> list[str]:
    """The words of ``text``, each in small letters (a title's words, to match another's)."""
    return [w.lower() for w in _WORD.findall(text)]


def forget_texts() -> None:
    """Empty the memos above once a document is read. Another document asks about other
    texts, so what it would find there is of no use to it; and a memo left full makes each
    of its first asks evict an entry rather than add one, which made a long-running process
    (a worker, the bench) read the next documents a few per cent slower than a fresh one."""
    for memo in (starts_item, is_marker, title_key):
        memo.cache_clear()


def prefix_title_keys(words: Iterable[str]) -> Iterator[str]:
    """``title_key(" ".join(words[:n]))`` for n = 1, 2, … (``words`` as ``str.split`` gives
    them), each worked out from the last: no word character is a space, so the words' keys
    joined are the key of the words joined; and a word lower-cases alike alone or between
    spaces (only a capital sigma's case looks at its neighbours, and never past a space).

    >>> list(prefix_title_keys(["1.2", "Die", "ÜBERSICHT", "—", "ΟΔΟΣ"]))
    ['1 2', '1 2 die', '1 2 die übersicht', '1 2 die übersicht', '1 2 die übersicht οδος']
    """
    tokens: list[str] = []
    for word in words:
        tokens.extend(_WORD.findall(word.lower()))
        yield " ".join(tokens)


NUMBERED = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?\s+\S")
