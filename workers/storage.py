"""Output files on the local filesystem (a volume shared by the workers and the API).

Names derive from the cache key, so a re-run of the same conversion overwrites its own file
instead of adding a second one: that is what makes redelivered tasks harmless.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


class UnsafeStoragePath(ValueError):
    pass


def store_bytes(storage_dir: Path, relative_path: str, content: bytes) -> Path:
    """Write ``content`` atomically: readers see the old file or the whole new one."""
    target = resolve(storage_dir, relative_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".partial-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def resolve(storage_dir: Path, relative_path: str) -> Path:
    """The absolute path of a stored file, refusing anything that escapes the storage dir."""
    root = storage_dir.resolve()
    target = (root / relative_path).resolve()
    if not target.is_relative_to(root) or target == root:
        raise UnsafeStoragePath(relative_path)
    return target


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
