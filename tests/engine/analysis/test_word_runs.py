"""distinct_word_matches finds the words the regular expression finds in the whole text:
pieces of letters alone, with punctuation, joined by hyphens (ASCII and U+2010), with an
underscore, digits of other scripts and superscripts, combining marks, CJK, spaces of other
kinds; and on random texts drawn from such characters."""

from __future__ import annotations

import random
import re

from workers.engine.layout.blocks import _WORD
from workers.engine.layout.word_runs import distinct_word_matches

TEXTS = [
    "", " ", "word", "Two words, and (three)!", "well-known well‐known -lead trail- a--b a-b-c-",
    "snake_case _x y_ __", "x² ٣٤ ½ Ⅻ 10.5 1,000", "café cafe\u0301 ǅungla", "中文字 한국어 かな",
    "a\u3000b\u00a0c\tnd\ne", "«quoted» “curly” ‘single’ 'it's' rock'n'roll", "TraceMonkey-based",
]


def test_the_words_of_each_text_are_the_searched_ones() -> None:
    for text in TEXTS:
        assert distinct_word_matches(text, _WORD) == set(_WORD.findall(text)), text


def test_random_texts_give_the_searched_words() -> None:
    rng = random.Random(20261207)
    alphabet = "ab1_-\u2010 .,'\u00e9\u0301²٣中\u3000\n\t(x)"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert distinct_word_matches(text, _WORD) == set(_WORD.findall(text)), repr(text)


def test_a_search_for_runs_of_word_characters_alike() -> None:
    runs = re.compile(r"\w+")
    for text in TEXTS:
        assert distinct_word_matches(text, runs) == set(runs.findall(text)), text
