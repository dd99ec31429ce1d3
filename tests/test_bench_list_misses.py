"""bench/list_misses.py tells the makers' quirks from the layout reader's misses.

Two of the quirks it names: LibreOffice tags each paragraph of an item that holds several as
an ``LI`` of its own (``maker:para``), and a maker sets a plain-text README's typed "(1) ..."
lines as paragraphs (``truth:typed``). A reading the layout reader gets wrong, such as a
wrapped sentence's "1)" at a line's start, stays ``ours``.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from workers.engine.document import ListItem, Paragraph

from .bench_modules import bench_module


@pytest.fixture(scope="module")
def list_misses() -> ModuleType:
    return bench_module("list_misses")


LIS = {
    "verbatim copying you may copy and distribute the document in any medium "
    "you may also lend copies under the same conditions stated above",
    "a single paragraph item",
}


def test_a_paragraph_of_a_longer_item_is_the_makers(list_misses: ModuleType) -> None:
    # The first paragraph, with the number the maker kept in its text, and a later one.
    assert list_misses.is_paragraph_of_item("2 verbatim copying", LIS)
    assert list_misses.is_paragraph_of_item(
        "you may also lend copies under the same conditions stated above", LIS)


def test_a_whole_item_or_other_text_is_no_paragraph_of_one(list_misses: ModuleType) -> None:
    assert not list_misses.is_paragraph_of_item("a single paragraph item", LIS)
    assert not list_misses.is_paragraph_of_item("1 a single paragraph item", LIS)
    assert not list_misses.is_paragraph_of_item("nothing of the source here", LIS)


def item(label: str, text: str) -> ListItem:
    return ListItem(label, [Paragraph(text)])


def test_a_typed_label_at_a_sentence_start_is_the_truths(list_misses: ModuleType) -> None:
    truth = [Paragraph("To debug a tool:\n(1) Set the launcher to the executable, e.g.\n"
                       "(2) Run gdb on the tool executable.")]
    assert list_misses.label_typed_in(item("(1)", "Set the launcher to the executable"), truth)
    assert list_misses.label_typed_in(item("(2)", "Run gdb on the tool executable"), truth)


def test_a_label_a_wrapped_sentence_brings_to_a_line_start_is_ours(
        list_misses: ModuleType) -> None:
    truth = [Paragraph('Most would assume this assigns the result (the value'),
             Paragraph('1) to the variable "a". What this does in')]
    assert not list_misses.label_typed_in(item("1)", 'to the variable "a". What this'), truth)
    # A bullet's sign leaves no word to look for.
    assert not list_misses.label_typed_in(item("•", "Most would assume"), truth)


def test_a_label_opening_a_hard_line_of_the_source_is_the_truths(
        list_misses: ModuleType) -> None:
    # (A plain-text README in one paragraph, its lines broken by <br>: the makers keep "(2)"
    # inside the paragraph, after a line of code that ends no sentence.)
    lined = list_misses.hard_lined_text(
        "<html><body><p>export LAUNCHER=$DIR/valgrind<br>\n(2) Run gdb on the tool\n"
        "executable.  Eg:<br>\nup to 3 GDB:<br>\n  * a GDB attached to the Outer valgrind<br>"
        "</p><pre>build foo\n(3) Check the output</pre></body></html>")
    assert list_misses.typed_at_line_start(item("(2)", "Run gdb on the tool executable"), lined)
    assert list_misses.typed_at_line_start(item("*", "a GDB attached to the Outer"), lined)
    assert list_misses.typed_at_line_start(item("(3)", "Check the output"), lined)


def test_a_label_the_source_wraps_to_a_line_start_is_ours(list_misses: ModuleType) -> None:
    # (A newline of the source's text is its wrapping, no line break of the page.)
    lined = list_misses.hard_lined_text(
        '<html><body><p>Most would assume this assigns the result (the value\n1) to the '
        'variable "a". What this does in</p><ul><li>to the list</li></ul></body></html>')
    assert not list_misses.typed_at_line_start(item("1)", 'to the variable "a". What'), lined)
    # (A list's drawn bullet is no text of the source.)
    assert not list_misses.typed_at_line_start(item("•", "to the list"), lined)


def test_a_short_paragraph_after_one_of_the_same_item_is_the_makers(
        list_misses: ModuleType) -> None:
    # (A line of code set as a paragraph of its own inside a longer item.)
    lis = {"a version number in the form major minor ninja_dyndep_version 1 currently the "
           "version number must always be 1"}
    assert list_misses.is_paragraph_of_item(
        "ninja_dyndep_version 1", lis, "1 a version number in the form major minor")
    # (Without the item's paragraph before it, so short a piece tells nothing.)
    assert not list_misses.is_paragraph_of_item("ninja_dyndep_version 1", lis)
    assert not list_misses.is_paragraph_of_item(
        "ninja_dyndep_version 1", lis, "nothing of the source here")
