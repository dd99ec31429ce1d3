"""A PDF dictionary's entry, looked up without pikepdf's cost for a missing key.

pikepdf's ``Object.get`` finds that a key is missing by throwing a C++ exception and catching
it (about 13 µs, some 40 times a found key's look-up); ``in`` asks qpdf without one. Tagging
looks up tens of thousands of optional entries (a font's /FontDescriptor, an annotation's
/Contents, a form's /Subtype), most of them missing on most documents.

>>> entry_of(pikepdf.Dictionary(Type=pikepdf.Name.Font), "/Subtype")  # doctest: +SKIP
None
"""

from __future__ import annotations

from typing import TypeVar, overload

import pikepdf

_T = TypeVar("_T")


@overload
def entry_of(obj: pikepdf.Object, key: str) -> pikepdf.Object | None: ...
@overload
def entry_of(obj: pikepdf.Object, key: str, default: _T) -> pikepdf.Object | _T: ...
def entry_of(obj: pikepdf.Object, key: str, default: object = None) -> object:
    """``obj.get(key, default)`` of a dictionary or stream (a key whose value is null is
    missing for both)."""
    return obj.get(key) if key in obj else default


def name_entry(obj: pikepdf.Object, key: str) -> str | None:
    """The entry ``key`` of a dictionary or stream as a name ("/Type1"), None when it is
    missing or no name: a damaged file's /Subtype can be a dictionary or an array, which
    cannot be looked up in a set of names (unhashable) and is no type anyway."""
    value = entry_of(obj, key)
    return str(value) if isinstance(value, pikepdf.Name) else None
