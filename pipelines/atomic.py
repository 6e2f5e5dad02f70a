"""Write a file so that readers see the old content or the new content, never half of it.

The bytes go to a temporary file in the target's own folder (same filesystem, so `os.replace` is an
atomic rename), are flushed and fsynced, then renamed over the target; the folder is fsynced too so
the rename survives a crash. If anything fails, the temporary file is removed and the target is left
as it was. Files whose content is verified before reuse (a chunk's sealed parts) skip the fsyncs
(`durable=False`): still atomic for every reader, just not forced to disk.
"""

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Literal


def atomic_write_text(path: Path | str, text: str, *, encoding: str = "utf-8", durable: bool = True) -> None:
    """Replace `path` with `text` atomically (`durable`: see `atomic_writer`)."""
    with atomic_writer(path, "w", encoding=encoding, durable=durable) as f:
        f.write(text)


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Replace `path` with `data` atomically."""
    with atomic_writer(path, "wb") as f:
        f.write(data)


@contextlib.contextmanager
def atomic_writer(
    path: Path | str, mode: Literal["w", "wb"] = "w", *, encoding: str = "utf-8", durable: bool = True
) -> Iterator[IO]:
    """Yield a file object whose content replaces `path` only when the block exits cleanly.

    Args:
        path: The final file. Its folder must exist.
        mode: "w" for text (newlines written as given, no translation) or "wb" for bytes.
        encoding: Text encoding for mode "w".
        durable: fsync the file before the rename and the folder after it, so that both survive a power
            loss. False only for files whose content is verified before it is used again (a chunk's part
            files, sealed by their hash): readers still see the old or the new file, never half of one,
            while the process lives or is killed.

    Raises:
        ValueError: `mode` is neither "w" nor "wb".
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_writer mode must be 'w' or 'wb', got {mode!r}")
    target = Path(path)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        # newline="" keeps "\n" as written: JSONL output must not become CRLF on any platform.
        text_kwargs = {"encoding": encoding, "newline": ""} if mode == "w" else {}
        with os.fdopen(fd, mode, **text_kwargs) as f:
            yield f
            if durable:
                f.flush()
                os.fsync(f.fileno())
        # mkstemp creates 0600; give the file the mode a plain open() would have (or the old file's).
        os.chmod(tmp, _final_mode(target))
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        _fsync_dir(target.parent)


def _final_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        return 0o666 & ~_current_umask()


def _current_umask() -> int:
    # os.umask() can only be read by setting it, which races with other threads; Linux exposes it here.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform, so best effort.
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
