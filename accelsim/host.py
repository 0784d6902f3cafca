"""What the machine running accelsim provides: memory to allocate and folders to write into.

One rule for every file accelsim writes (JSON, CSV, figures, timelines, traces, SRAM traces,
sweep stores): **missing parent folders are created**; the file appears whole or not at all
(written beside its target, then renamed into place); a target that cannot be written (a
read-only folder, a path through a file, an existing folder) is refused with one line
naming it, and :func:`check_writable` lets a command refuse before it starts any work.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from accelsim.errors import AccelsimError


#: the rule in words, as ``accelsim --help`` gives it
OUTPUTS_RULE = ("outputs (--json, --csv, --timeline, -o, --store, --sram-traces): missing parent folders are created; "
                "each file appears whole or not at all; an unwritable target is refused before any work starts")


def available_bytes() -> int | None:
    """Memory this process may still allocate (bytes): MemAvailable, else free pages; None if unknown."""
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def fmt_bytes(n: float) -> str:
    """``n`` bytes in decimal units with one decimal (``8.0 TB``); whole bytes below 1 kB."""
    if n < 1000:
        return f"{int(n)} B"
    for unit in ("kB", "MB", "GB", "TB", "PB"):
        n /= 1000
        if n < 1000 or unit == "PB":
            return f"{n:.1f} {unit}"
    return f"{n:.1f} PB"


def check_writable(path: str | Path, flag: str | None = None, *, folder: bool = False) -> None:
    """Refuse, before any work, an output ``path`` the write rule above cannot honour.

    The nearest existing ancestor must be a folder this process may write into (missing folders
    below it will be created); ``path`` itself must not be a folder (unless ``folder``: an output
    folder, which must not be a file). ``flag`` (``--json``) names the option in the error.
    """
    p = Path(path)
    if str(path) == "" or (p.is_dir() and not folder):
        raise AccelsimError(f"{str(path)!r} is a folder or empty; give a file name", field=flag)
    if folder and p.exists() and not p.is_dir():
        raise AccelsimError(f"{path} is a file; give a folder", field=flag)
    if folder and p.is_dir():
        if not os.access(p, os.W_OK | os.X_OK):
            raise AccelsimError(f"cannot write into {path}: the folder is not writable", field=flag)
        return
    parent = p.parent if str(p.parent) else Path(".")
    while not parent.exists():
        if parent == parent.parent:
            break
        parent = parent.parent
    if not parent.is_dir():
        raise AccelsimError(f"cannot write {path}: {parent} is not a folder", field=flag)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise AccelsimError(f"cannot write {path}: folder {parent} is not writable", field=flag)
    if p.exists() and not os.access(p.parent, os.W_OK):
        raise AccelsimError(f"cannot replace {path}: its folder is not writable", field=flag)


#: the options that name a file a command writes: (option's dest, flag)
OUTPUT_OPTIONS = (("json", "--json"), ("csv", "--csv"), ("timeline", "--timeline"), ("output", "-o"), ("store", "--store"))


def check_outputs(command: str, options: dict, folders: list[tuple[str, str | Path]] = ()) -> None:
    """:func:`check_writable` for every output file among a ``command``'s parsed ``options`` (dest -> value),
    then every ``(flag, folder)``; two outputs naming the same file are refused too (the second would
    overwrite the first). ``--store`` is an output of ``sweep`` only (``plot`` reads one)."""
    files = [(flag, options.get(dest)) for dest, flag in OUTPUT_OPTIONS]
    seen: dict = {}
    for flag, path in ((f, p) for f, p in files if p and (f != "--store" or command == "sweep")):
        check_writable(path, flag)
        key = Path(path).resolve()
        if key in seen:
            raise AccelsimError(f"the same file as {seen[key]}; give each output its own file", field=flag)
        seen[key] = flag
    for flag, path in folders:
        check_writable(path, flag, folder=True)


class atomic:
    """``with atomic(path, "w") as f``: write to a temporary file beside ``path``, rename it into place on
    success, create missing parent folders; an OS refusal is an :class:`AccelsimError` naming ``path``."""

    def __init__(self, path: str | Path, mode: str):
        self.path, self.mode = Path(path), mode

    def __enter__(self):
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        except OSError as e:
            raise AccelsimError(f"cannot write: {e.strerror or e}", file=str(self.path)) from None
        try:
            if hasattr(os, "fchmod"):  # mkstemp makes the file private (0600); give it open()'s mode
                os.fchmod(fd, 0o666 & ~_umask())
            self.f = os.fdopen(fd, self.mode)
        except BaseException:
            os.close(fd)
            os.unlink(self.tmp)
            raise
        return self.f

    def __exit__(self, exc_type, exc, tb):
        try:
            self.f.close()
            if exc_type is None:
                os.replace(self.tmp, self.path)
        except OSError as e:
            raise AccelsimError(f"cannot write: {e.strerror or e}", file=str(self.path)) from None
        finally:
            if os.path.exists(self.tmp):
                os.unlink(self.tmp)
        return False


def _umask() -> int:
    mask = os.umask(0o022)  # the only portable way to read the umask is to set it
    os.umask(mask)
    return mask


def write_all(items: list[tuple[str | Path, str | bytes]]) -> None:
    """Write every ``(path, text or bytes)`` by the rule above, all or none: each goes to a temporary file
    beside its target first, and only when all are written are they renamed into place."""
    staged: list[atomic] = []
    try:
        for path, data in items:
            w = atomic(path, "wb" if isinstance(data, bytes) else "w")
            f = w.__enter__()
            staged.append(w)
            f.write(data)
            f.flush()
    except BaseException:
        for w in staged:
            w.__exit__(RuntimeError, None, None)  # closes and removes the temporary file
        raise
    for w in staged:
        w.__exit__(None, None, None)


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` by the rule above."""
    with atomic(path, "w") as f:
        f.write(text)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` by the rule above."""
    with atomic(path, "wb") as f:
        f.write(data)


def check_input_size(path: str | Path, kind: str, max_bytes: int | None = None, expansion: int = 1) -> None:
    """Refuse an input file before reading it whole: over ``max_bytes``, or (``expansion`` bytes held per
    byte read) over this machine's available memory. A missing file is left to the reader's own error."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        return
    if max_bytes is not None and size > max_bytes:
        raise AccelsimError(f"{kind} file of {fmt_bytes(size)}; at most {fmt_bytes(max_bytes)}",
                            file=Path(path).name)
    avail = available_bytes()
    if avail is not None and size * expansion > avail:
        raise AccelsimError(f"{kind} file of {fmt_bytes(size)} needs about {fmt_bytes(size * expansion)} to read; "
                            f"more than this machine's memory ({fmt_bytes(avail)} available)", file=Path(path).name)


def check_npz_size(path: str | Path, kind: str) -> None:
    """Refuse a ``.npz`` whose arrays, once decompressed, would not fit in this machine's memory (a few kB
    of zeros can inflate to gigabytes); the sizes are read from the zip directory, nothing is inflated."""
    import zipfile
    try:
        with zipfile.ZipFile(path) as z:
            need = sum(i.file_size for i in z.infolist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return  # not a zip: the reader says so in its own words
    avail = available_bytes()
    if avail is not None and need > avail // 2:
        raise AccelsimError(f"{kind} holds {fmt_bytes(need)} of arrays once decompressed; more than half this "
                            f"machine's memory ({fmt_bytes(avail)} available)", file=Path(path).name)
