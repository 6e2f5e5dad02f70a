"""The bytes `upload` sends are the bytes it verified: one read of the run's file into a private copy.

Hashing the file in the run folder and then letting the SDK open it again by name would send whatever
is there at the second open (a swap in between). Instead the approved file is opened once (regular
file, no symlink), copied into a fresh folder only this process's user can enter (mode 0700) while
its sha256 is computed, and everything after that (the re-scan, the upload, the size check) uses the
copy. The copy is removed when the upload is over.
"""

import hashlib
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipelines.gate.run_files import open_regular
from schemas.errors import HashMismatch, NotApproved

_BLOCK = 4 * 1024 * 1024


@contextmanager
def private_copy(path: Path, approved_sha256: str) -> Iterator[Path]:
    """Yield a private copy of `path` whose bytes have the sha256 `approved_sha256`.

    Raises:
        NotApproved: `path` is missing or is not a regular file.
        HashMismatch: the bytes read are not the approved ones; nothing is kept.
    """
    folder = Path(tempfile.mkdtemp(prefix="ft-sanitizer-upload-"))  # mode 0700: ours alone
    try:
        copy = folder / path.name
        digest = hashlib.sha256()
        try:
            source = open_regular(path)
        except FileNotFoundError as e:
            raise NotApproved(f"{path} does not exist; the run is incomplete: run sanitize again") from e
        with source, copy.open("xb") as target:
            while block := source.read(_BLOCK):
                digest.update(block)
                target.write(block)
        if digest.hexdigest() != approved_sha256:
            raise HashMismatch(
                f"{path} no longer matches its approval right before the upload; nothing was sent: run "
                "sanitize and approve again"
            )
        copy.chmod(0o400)
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)
