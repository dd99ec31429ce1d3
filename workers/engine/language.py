"""The natural language of a document's text, where the PDF does not say it.

A screen reader speaks a document in the voice of the language it declares (the catalog's
``/Lang``, ``<html lang>``); a PDF that declares none would be read in the renderers' default
English voice, Korean or German alike. So where the catalog names no valid language, the
language is read from the text itself, and a passage in another language than the
document's gets its own (WCAG 3.1.1 and 3.1.2), but only where the text says so clearly:
enough words, most of them in one language. Otherwise nothing is stated, as before.

Script first, where it decides: Hangul is Korean, kana are Japanese, Han characters without
either are Chinese (a Korean or Japanese text uses Han characters too, never alone for long).
Every other text is weighed by CLD2 (:mod:`pycld2`, Chromium's compact language detector: its
tables are compiled in, so nothing loads and a page of text takes a few microseconds), which
also tells the scripts of one language apart (Greek, Hebrew, Thai) and the languages of one
script (Arabic, Persian, Urdu; the Latin and Cyrillic ones).

>>> text_language("Die Gemeinde hat im vergangenen Jahr die Straßen erneuert, und der Rat "
...               "beschloss, auch die Schulen und die Bibliothek zu sanieren, sobald "
...               "das Land die Mittel dafür bewilligt.")
Detected(language='de', words=28, by_script=False)
>>> text_language("국민의 기본권을 보장하고 국가기관의 조직을 정한다.")
Detected(language='ko', words=11, by_script=True)
>>> text_language("Summary 2024") is None
True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import pycld2

from .document import (
    Block,
    Cell,
    Document,
    Heading,
    Link,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Table,
    Warning,
)

#: A language tag renderers can use: a 2-3 letter primary subtag, then subtags (BCP 47
#: shape; the HTML renderer accepts the same).
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")

#: A block says its own language only from this many words: a name, a number, a label or a
#: short title reads the same in many languages.
MIN_BLOCK_WORDS = 10
#: The document's language is stated only from this many words of text in all.
MIN_DOCUMENT_WORDS = 25
#: The share of one text CLD2 must find in its language (a bilingual paragraph, a sentence
#: and its translation, has none).
TEXT_MAJORITY = 0.8
#: The share of the document's words its language must hold: most of the text, clearly more
#: than any other language (a text in two or three languages mixed has none).
DOCUMENT_MAJORITY = 0.6
#: The share of a text's pieces holding letters that must be words for CLD2 to be asked.
PROSE_SHARE = 0.8
#: CLD2 weighs a text by its letter sequences and, on too few of them, leans to English: it
#: read plain French sentences of 80 and 120 characters as English, "reliably". Below this
#: many characters it is not asked (a script that names its language is read at any length).
MIN_DETECTOR_CHARACTERS = 150
#: Han, kana and Hangul write a syllable or a word with one character, where alphabets spend
#: two or three letters on a syllable: two characters are counted as one word.
CJK_CHARACTERS_PER_WORD = 2
#: Kana are a third or more of Japanese text and absent from Chinese: a tenth of the CJK
#: characters already says Japanese (a Chinese text quoting a Japanese name has far less).
KANA_SHARE = 0.1

#: CLD2 reads at most this many characters of one text: a long block's first page or so says
#: its language as well as all of it (and the document's short texts are read together from
#: a sample this long, spread over the document).
DETECTOR_SAMPLE = 2000
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af]")
_KANA = re.compile(r"[\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_CJK = re.compile(f"{_HANGUL.pattern}|{_KANA.pattern}|{_HAN.pattern}")
_CJK_RUN = re.compile(f"(?:{_CJK.pattern}){{2,}}")
#: Runs of letters, in a text with CJK characters: words of an alphabet (two letters or
#: more: a lone letter is a symbol, a variable, an initial), and runs of CJK characters
#: (counted apart, by the character).
_LETTERS = re.compile(r"[^\W\d_]{2,}")
#: A word as spaces part it: letters (two or more), maybe in punctuation ("(Bonjour," "l'an");
#: and any piece holding a letter ("x+1", "https://…", "(cx", "char-rnn").
_WORD_TOKEN = re.compile(r"(?<!\S)[^\w\s]*[^\W\d_]{2,}(?:['’][^\W\d_]+)?[^\w\s]*(?!\S)")
_LETTERED_TOKEN = re.compile(r"\S*[^\W\d_]\S*")
#: CLD2's codes that BCP 47 spells otherwise (it keeps the old ISO 639 ones).
_CLD2_CODES = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro"}
#: CLD2's answers that name no language (unknown; a script alone, "xx-Qaai").
_CLD2_NO_LANGUAGE = re.compile(r"^(?:un|xxx|xx-.*)$")


@dataclass(frozen=True)
class Detected:
    """A text's language (a BCP 47 tag) and how many words said it."""

    language: str
    words: int
    #: Said by the text's script (Hangul, kana, Han), not weighed by CLD2.
    by_script: bool = False


def declared_tag(tag: str | None) -> str | None:
    """``tag`` as a renderer declares it ("en_GB" as "en-GB"), or None where it is no language
    tag: a tag that is none would only confuse a screen reader's voice switching."""
    tag = (tag or "").strip().replace("_", "-")
    return tag if LANGUAGE_TAG.match(tag) else None


def is_language_tag(tag: str | None) -> bool:
    """Whether ``tag`` is shaped as a language tag a renderer can declare."""
    return declared_tag(tag) is not None


def primary_subtag(tag: str) -> str:
    """ "de" of "de-AT": what a screen reader picks its voice by."""
    return tag.strip().replace("_", "-").split("-")[0].lower()


def text_language(text: str, *, min_words: int = MIN_BLOCK_WORDS) -> Detected | None:
    """The language of ``text`` where it has ``min_words`` words and most are clearly in one
    language; None otherwise."""
    found = _first_reading(text, min_words)
    return found if found is not None and _holds(found, text, min_words) else None


def _first_reading(text: str, min_words: int) -> Detected | None:
    """What the script, or else CLD2, says ``text`` is in, counting its words as spaces
    part them: quick, for every block of a document; :func:`_holds` then checks the few
    readings that would be used."""
    if len(text) < MIN_DETECTOR_CHARACTERS and (
        len(text) < min_words or _CJK.search(text) is None
    ):
        # (Most blocks: too short for CLD2, and no script names their language.)
        return None
    if _CJK.search(text) is None:
        words = len(text.split())
        if words < min_words or len(text) < MIN_DETECTOR_CHARACTERS:
            return None
        language = _cld2_language(text)
        return Detected(language, words) if language else None
    scripts = _Scripts.of(text)
    if scripts.words < min_words:
        return None
    if language := _script_language(text, scripts):
        return Detected(language, scripts.words, by_script=True)
    if len(text) < MIN_DETECTOR_CHARACTERS:
        return None
    language = _cld2_language(text)
    return Detected(language, scripts.words) if language else None


def _holds(found: Detected, text: str, min_words: int) -> bool:
    """Whether CLD2's reading of ``text`` stands: it has ``min_words`` real words, and most
    of what holds letters is words, not a formula ("(cx + d) + icy"), references, addresses
    or codes, whose letters are no language's. (A script's reading always stands.)"""
    if found.by_script:
        return True
    words = len(_WORD_TOKEN.findall(text[:DETECTOR_SAMPLE]))
    lettered = len(_LETTERED_TOKEN.findall(text[:DETECTOR_SAMPLE]))
    return words >= min(min_words, found.words) and words >= PROSE_SHARE * lettered


def _words(text: str) -> int:
    """Words of an alphabet, and CJK characters counted as words (see
    :data:`CJK_CHARACTERS_PER_WORD`): each language's share of a document is weighed in
    these, so a run of Chinese characters weighs as the words it holds, not as the one
    "word" :func:`.layout.lines.word_count` sees in it."""
    return _Scripts.of(text).words


@dataclass(frozen=True)
class _Scripts:
    """How many words of an alphabet a text has, and how many Hangul, kana and Han
    characters."""

    alphabetic: int
    hangul: int = 0
    kana: int = 0
    han: int = 0

    @classmethod
    def of(cls, text: str) -> _Scripts:
        if _CJK.search(text) is None:
            return cls(len(text.split()))
        runs = len(_LETTERS.findall(text))
        hangul, kana = len(_HANGUL.findall(text)), len(_KANA.findall(text))
        han = len(_HAN.findall(text))
        # (A run of CJK characters is no one word: its characters count instead.)
        cjk_runs = len(_CJK_RUN.findall(text))
        return cls(max(0, runs - cjk_runs), hangul, kana, han)

    @property
    def cjk(self) -> int:
        return self.hangul + self.kana + self.han

    @property
    def words(self) -> int:
        return self.alphabetic + self.cjk // CJK_CHARACTERS_PER_WORD


def _script_language(text: str, scripts: _Scripts) -> str | None:
    """Korean, Japanese or Chinese where their characters carry most of the words."""
    if scripts.cjk // CJK_CHARACTERS_PER_WORD < scripts.alphabetic:
        return None
    if scripts.hangul > scripts.kana and scripts.hangul >= scripts.han:
        return "ko"
    if scripts.kana >= KANA_SHARE * scripts.cjk:
        return "ja"
    if scripts.hangul or scripts.kana:
        # Han with a few Hangul or kana: no one script says it (Japanese set mostly in
        # kanji); CLD2 weighs the characters themselves.
        return None
    # Chinese: CLD2 tells traditional characters (zh-Hant) from simplified ones.
    return "zh-Hant" if _cld2_language(text) == "zh-Hant" else "zh"


def _cld2_language(text: str) -> str | None:
    """CLD2's language for ``text`` where it deems its answer reliable and that language
    holds most of the text."""
    text = text[:DETECTOR_SAMPLE]
    try:
        reliable, _, details = pycld2.detect(text, isPlainText=True)
    except pycld2.error:
        # Text that is not valid UTF-8 (a lone surrogate from a broken /ToUnicode).
        return None
    if not reliable or not details:
        return None
    _, code, percent, _ = details[0]
    code = _CLD2_CODES.get(str(code), str(code))
    if _CLD2_NO_LANGUAGE.match(code) or not is_language_tag(code):
        return None
    return code if int(percent) >= TEXT_MAJORITY * 100 else None


def same_language(detected: str, declared: str) -> bool:
    """Whether a passage ``detected`` in one language is in the ``declared`` one: the same
    primary subtag (one voice reads "de" and "de-AT"), or Han characters alone in a Japanese
    or Korean text (kanji and hanja are read in the text's own language)."""
    if primary_subtag(detected) == primary_subtag(declared):
        return True
    return primary_subtag(detected) == "zh" and primary_subtag(declared) in {"ja", "ko"}


def detect_languages(doc: Document) -> None:
    """Fill in what the source did not say: the document's language where it names no valid
    one (with a warning saying it was detected, not declared), and the language of each
    block of enough text in a clearly other language than the one it inherits.

    A language the source gives a block is kept, and so is what it gives the blocks inside
    it: only blocks that inherit the document's language are judged."""
    texts: list[tuple[_TextBlock, str]] = []
    declared: list[tuple[str, str]] = []
    _inheriting_texts(doc.blocks, texts, declared)
    judged = [(block, text, _first_reading(text, MIN_BLOCK_WORDS)) for block, text in texts]
    if not is_language_tag(doc.language):
        found = _document_language(declared, judged)
        if found is not None:
            doc.warnings.append(Warning(
                "language-detected",
                f"the source does not say its language: {found!r}, read from its text",
            ))
            doc.language = found
    for block, text, detected in judged:
        if detected is None:
            continue
        if doc.language is not None and same_language(detected.language, doc.language):
            continue
        if _holds(detected, text, MIN_BLOCK_WORDS):
            block.lang = detected.language


def _document_language(
    declared_texts: list[tuple[str, str]],
    judged: list[tuple[_TextBlock, str, Detected | None]],
) -> str | None:
    """The language most of the text is in: each block of enough text weighs its own
    language by its words, the short ones (labels, cells, short lines) are read together,
    and the languages the source gives its passages count as they say. Tags of one language
    ("de", "de-AT") weigh together; the source's own spelling of it is kept."""
    detected: Counter[str] = Counter()
    short: list[str] = []
    for _, text, found in judged:
        if found is not None:
            # (Unchecked, :func:`_holds`: a formula read as some language weighs little
            # against the document's prose, and only makes the majority harder to reach.)
            detected[found.language] += found.words
        else:
            short.append(text)
    sample = _spread(short, DETECTOR_SAMPLE)
    if together := text_language("\n".join(sample)):
        # (The sample speaks for all the short texts.)
        detected[together.language] += together.words * len(short) // max(1, len(sample))
    declared: Counter[str] = Counter()
    for lang, text in declared_texts:
        if not is_language_tag(lang):
            continue
        declared[lang] += _words(text)
    by_language: Counter[str] = Counter()
    for tag, words in (detected + declared).items():
        by_language[primary_subtag(tag)] += words
    total = sum(by_language.values())
    if total < MIN_DOCUMENT_WORDS:
        return None
    language, words = by_language.most_common(1)[0]
    if words < DOCUMENT_MAJORITY * total:
        return None
    spellings = declared if any(primary_subtag(t) == language for t in declared) else detected
    return max((t for t in spellings if primary_subtag(t) == language), key=spellings.__getitem__)


_TextBlock = Heading | Paragraph | Note | Link | Cell
_TEXT_BLOCKS = (Heading, Paragraph, Note, Link)


def _inheriting_texts(
    blocks: list[Block], out: list[tuple[_TextBlock, str]], declared: list[tuple[str, str]]
) -> None:
    """Every block holding text whose language is the document's (neither it nor a block
    around it says another), with its text, into ``out``; program code is no natural
    language. The text of blocks that say their own language goes into ``declared``, with
    that language."""
    for block in blocks:
        if block.lang is not None:
            declared.extend(_declared_texts([block]))
            continue
        if isinstance(block, ListBlock):
            _inheriting_texts(list(block.items), out, declared)
        elif isinstance(block, ListItem):
            _inheriting_texts(block.blocks, out, declared)
        elif isinstance(block, Table):
            for cell in (cell for row in block.rows for cell in row.cells):
                if cell.lang is not None:
                    declared.append((cell.lang, cell.text))
                elif cell.text.strip():
                    out.append((cell, cell.text))
        elif isinstance(block, _TEXT_BLOCKS) and block.text.strip() and not (
            isinstance(block, Paragraph) and block.preformatted
        ):
            out.append((block, block.text))


def _declared_texts(blocks: list[Block], inherited: str | None = None) -> Iterator[
    tuple[str, str]
]:
    """The text of each block whose source gives it a language (or a block around it), with
    that language."""
    for block in blocks:
        own = block.lang or inherited
        if isinstance(block, ListBlock):
            yield from _declared_texts(list(block.items), own)
        elif isinstance(block, ListItem):
            yield from _declared_texts(block.blocks, own)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    if (lang := cell.lang or own) and is_language_tag(lang):
                        yield lang, cell.text
        elif own and is_language_tag(own) and (text := _text_of(block)):
            yield own, text


def _spread(texts: list[str], length: int) -> list[str]:
    """Texts taken evenly from ``texts`` (every second, third…), about ``length``
    characters in all."""
    total = sum(len(t) for t in texts)
    return texts[:: -(-total // length)] if total > length else texts


def _text_of(block: Block | Cell) -> str:
    text = getattr(block, "text", "")
    return text if isinstance(text, str) else ""
