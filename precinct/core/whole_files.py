"""Files the command line writes (reports, audit exports, backups) are written whole or not at all: under
the target's name with `.partial` added, synced, and renamed into place only when complete. A process
killed half-way leaves the file that was there before (or none) and a `.partial` beside it that says what
it is, never a file under the target's name that looks whole and is not; the next run replaces it."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

PARTIAL = ".partial"


def partial_of(target: Path) -> Path:
    return target.with_name(target.name + PARTIAL)


@contextmanager
def written_whole(target: Path) -> Iterator[BinaryIO]:
    """A binary file to write to; it takes the target's name when the block ends without an error."""
    target = Path(target)
    partial = partial_of(target)
    try:
        # Readable by its owner only, like what it becomes: a report or an export names people.
        with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())  # on the disk before its name says it is whole
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
