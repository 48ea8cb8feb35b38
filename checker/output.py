"""Writing reports to files without ever leaving a half-written or truncated file.

Leaf module. The text goes to a temporary file in the same directory, which is
flushed, synced and renamed over the target: the target is either the old
file or the complete new one, never a truncated mix. If anything fails, the
temporary file is removed and the target is left as it was.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def _mode_for(target: Path) -> int:
    """The replaced file keeps its permissions; a new one gets the usual 0666 less the umask
    (mkstemp would leave it readable by its owner only)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: str | os.PathLike[str], text: str) -> None:
    target = Path(path)
    if target.is_symlink():  # replace the file the link points to, not the link
        target = target.resolve()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(target.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
            os.fchmod(f.fileno(), _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
