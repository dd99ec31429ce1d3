"""Reference entries labelled by citation keys, read line after line into one block: a
reference list set without space between its entries ("[hut] P. Hut, ...", "[KR] B. W.
Kernighan, ...") builds as one paragraph, its lines close under each other. A block whose
first line and at least one more open with a bracketed key is such a run of entries: it is
split before each line opening with a key, an entry's lines wrapped under it staying with
it. Whether the entries are a list's items is classification's to judge (a key without a
year labels one only in a references section); a single bracketed word in running text
("[sic] the ...") opens no run, and is left as it is."""

from __future__ import annotations

from .blocks import Block, split_blocks
from .lines import Fragment
from .patterns import BARE_KEY, BARE_KEYED, KEY, KEYED

#: An entry holds this many words at least besides its key (an author and a title): a
#: signature's "[Optional] string type," over "[Variadic] any args)" is no reference list.
ENTRY_WORDS = 3


def split_keyed_entries(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each text block that is a run of keyed entries split into one block
    per entry (``blocks`` itself when none is)."""
    if not any(map(_opens_with_key, blocks)):
        return blocks  # (most pages: no block opens with a bracket)
    return split_blocks(blocks, lambda block: _entries(block) if _opens_with_key(block) else None)


def _opens_with_key(block: Block) -> bool:
    return (block.kind == "text" and len(block.frags) > 1 and block.note is None
            and block.frags[0].text[:1] == "[")


def _keyed(text: str) -> bool:
    """Whether a line opening with the piece ``text`` opens with a citation key (the key
    alone, set apart from the entry at a tab stop, or the entry's first words after it)."""
    text = text.strip()
    return (KEYED.match(text) is not None or BARE_KEYED.match(text) is not None
            or KEY.fullmatch(text) is not None or BARE_KEY.fullmatch(text) is not None)


def _entries(block: Block) -> list[Block] | None:
    starts = [0]  # where each line of the block starts, among its pieces
    frags = block.frags
    for k in range(1, len(frags)):
        above, f = frags[k - 1], frags[k]
        if (f.y0 + f.y1) / 2 < above.y0:  # (under the piece before it: a new line)
            starts.append(k)
    keyed = [k for k in starts if _keyed(frags[k].text)]
    if len(keyed) < 2 or keyed[0] != 0:
        return None
    spans = list(zip(keyed, [*keyed[1:], len(frags)], strict=True))
    if any(sum(f.words for f in frags[start:end]) - 1 < ENTRY_WORDS for start, end in spans):
        return None  # a few words after each bracket: code's or a form's notes, no entries
    return [_block_of(block, frags[start:end], first=start == 0) for start, end in spans]


def _block_of(block: Block, frags: list[Fragment], first: bool) -> Block:
    part = Block(block.page, artifact=block.artifact, opens_list=block.opens_list and first)
    for f in frags:
        part.add(f)
    return part
