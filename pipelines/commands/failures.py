"""How a command ends when something outside the data stops it: one escaped line on stderr and an exit code.

Never a traceback: a traceback can quote values (an exception message built by a library) and tells a
user nothing they can act on. Each failure prints what failed, where, and how to fix it; file names are
escaped (`printable`). The traceback's frames (never its message) are logged at DEBUG for a bug report.
"""

import errno
import logging
import sys
import traceback
from pathlib import Path
from typing import NoReturn

import click

from pipelines.printable import printable

logger = logging.getLogger(__name__)

# An unexpected exception (a bug) in any command: sysexits' EX_SOFTWARE, apart from every documented code.
EXIT_INTERNAL = 70

# What to do when writing outputs fails, by errno; the default covers the rest.
_WRITE_FIXES = {
    errno.EROFS: "the file system is read-only; choose another --out",
    errno.EACCES: "permission denied; make the folder writable or choose another --out",
    errno.EPERM: "not permitted; make the folder writable or choose another --out",
    errno.ENOSPC: "the disk is full; free space and rerun (finished chunks are kept and reused)",
    errno.EDQUOT: "the disk quota is used up; free space and rerun (finished chunks are kept and reused)",
    errno.EFBIG: "a file passed the size limit (ulimit -f); raise it and rerun",
    errno.ENAMETOOLONG: "a path is too long; choose a shorter --out",
    errno.ENOTDIR: "a part of the path is a file, not a folder; choose another --out",
    errno.ELOOP: "a symbolic link stands where an output belongs; remove it or choose another --out",
    errno.EEXIST: "a file stands where a folder belongs; remove it or choose another --out",
}
_WRITE_FIX_DEFAULT = "check the folder and the disk, then rerun"


def fail(message: str, code: int) -> NoReturn:
    """Print `error: <message>` (escaped) on stderr and exit with `code`."""
    click.echo(f"error: {printable(message)}", err=True)
    sys.exit(code)


def write_failure(e: OSError, out_dir: Path) -> str:
    """The message for an output that could not be written: the file (or folder), the cause, the fix."""
    where = printable(e.filename) if e.filename else printable(out_dir)
    cause = e.strerror or type(e).__name__
    return f"cannot write {where} ({cause}); {_WRITE_FIXES.get(e.errno, _WRITE_FIX_DEFAULT)}"


def log_frames(e: BaseException) -> None:
    """Log where `e` was raised (frames only: its message may quote data) at DEBUG."""
    logger.debug("%s raised at:\n%s", type(e).__name__, "".join(traceback.format_tb(e.__traceback__)))
