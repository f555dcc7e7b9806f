"""Reading a file's bytes safely: regular files only, never more than asked.

A FIFO would block for ever and /dev/zero would never end, so anything but a
regular file is refused, and even a regular file is read only up to a limit.
"""

from __future__ import annotations

import errno
import hashlib
import stat
from pathlib import Path

_REASONS = {
    errno.ENOENT: "filen finns inte",
    errno.EACCES: "rättighet saknas",
    errno.EPERM: "rättighet saknas",
    errno.ELOOP: "för många symboliska länkar i rad (en länk som pekar på sig själv?)",
    errno.EISDIR: "det är en mapp",
    errno.ENOTDIR: "en del av sökvägen är inte en mapp",
    errno.ENAMETOOLONG: "sökvägen är för lång",
    errno.ENOSPC: "disken är full",
    errno.EDQUOT: "diskkvoten är slut",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.EIO: "läs- eller skrivfel på disken",
    errno.EMFILE: "för många öppna filer",
    errno.EFBIG: "filen blir för stor",
}


class NotReadable(Exception):
    """A file rt will not or cannot read; the message is Swedish."""


def read_limited(path: Path, limit: int) -> bytes:
    """The file's bytes; NotReadable if it is not a regular file, cannot be
    opened, or is larger than ``limit``."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise NotReadable("det är inte en vanlig fil (en mapp, enhet eller namngiven pipe)")
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise NotReadable(reason(error)) from error
    if len(data) > limit:
        raise NotReadable(f"den är större än {limit // 2**20} MB")
    return data


def reason(error: OSError) -> str:
    return _REASONS.get(error.errno, f"systemfel {error.errno}" if error.errno else "okänt fel")


# The digest of a file that could not be read: a cache key must change when it becomes readable.
UNREADABLE = "unreadable"


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()
