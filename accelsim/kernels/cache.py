"""Where the kernels' machine code is cached: one folder per kernel source, shared by every install of it.

Numba's default keeps a kernel's cache in ``__pycache__`` beside its file and keys it on that
file alone. Both hurt here:

- a new virtual environment, or a reinstall of the same accelsim, puts the files at a new path
  (or rewrites ``__pycache__``), so the first run compiles everything again (20-30 CPU-s);
- a kernel inlines helpers from other files of this package (``dram_timing``'s column step,
  ``cambricon_layout``'s constants), and Numba does not notice when only a helper changed, so
  a cached kernel can run stale code.

:class:`KernelCacheLocator` puts the cache of every kernel in this package under
``<user cache>/accelsim/kernels/<tag>``, where ``tag`` hashes the text of *every* ``.py`` file
of the package, the Numba version and the Python ABI. The same sources give the same folder
whatever the install path (so a reinstall or a second venv of the same version finds its
kernels compiled), and any edit to any kernel file gives a new folder (so nothing stale is
ever loaded). When a new folder is made, folders beyond the newest :data:`KEEP` and idle for a day
are removed.

``ACCELSIM_KERNEL_CACHE=<dir>`` moves the root; ``ACCELSIM_KERNEL_CACHE=off`` (or a root that
cannot be written) falls back to Numba's own locators; a user's ``NUMBA_CACHE_DIR`` wins over
both, as Numba documents.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import sys
import time
from functools import lru_cache

import numba
from numba.core import caching, config

#: tag folders kept under the root (the newest by modification time) ...
KEEP = 8
#: ... and any folder touched more recently than this (seconds): another checkout may be using it
KEEP_AGE_S = 86400.0
_HERE = os.path.dirname(os.path.abspath(__file__))


@lru_cache(maxsize=None)
def source_tag(folder: str = _HERE) -> str:
    """16 hex digits naming the kernel sources in ``folder``, the Numba version and the Python ABI."""
    h = hashlib.sha256()
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            h.update(name.encode() + b"\0")
            with open(os.path.join(folder, name), "rb") as f:
                h.update(f.read() + b"\0")
    h.update(f"numba {numba.__version__}; {sys.implementation.cache_tag}{getattr(sys, 'abiflags', '')}; "
             f"{platform.machine()}".encode())
    return h.hexdigest()[:16]


def cache_root() -> str | None:
    """The folder holding the tag folders (None: ``ACCELSIM_KERNEL_CACHE=off``)."""
    env = os.environ.get("ACCELSIM_KERNEL_CACHE", "")
    if env.lower() in ("off", "0", "no"):
        return None
    if env:
        return os.path.abspath(env)
    from numba.misc.appdirs import AppDirs
    return os.path.join(AppDirs(appname="accelsim", appauthor=False).user_cache_dir, "kernels")


def _prune(root: str, keep: str) -> None:
    """Remove tag folders under ``root`` beyond the newest :data:`KEEP` and idle for :data:`KEEP_AGE_S` (never ``keep``)."""
    try:
        entries = sorted(((e.stat().st_mtime, e.path) for e in os.scandir(root) if e.is_dir() and e.name != keep),
                         reverse=True)
    except OSError:
        return
    now = time.time()
    for mtime, path in entries[KEEP - 1:]:
        if now - mtime > KEEP_AGE_S:
            shutil.rmtree(path, ignore_errors=True)


class KernelCacheLocator(caching._CacheLocator):
    """Numba cache locator for this package's kernels: ``<root>/<source_tag()>``, stamped with the tag."""

    def __init__(self, py_func, py_file: str, root: str) -> None:
        self._lineno = py_func.__code__.co_firstlineno
        self._tag = source_tag()
        self._cache_path = os.path.join(root, self._tag)
        self._root = root

    def ensure_cache_path(self) -> None:
        """Make the tag folder (pruning old ones when it is new) and check it is writable."""
        if not os.path.isdir(self._cache_path):
            os.makedirs(self._cache_path, exist_ok=True)
            _prune(self._root, self._tag)
        super().ensure_cache_path()

    def get_cache_path(self) -> str:
        """The tag folder."""
        return self._cache_path

    def get_source_stamp(self) -> str:
        """The tag: the folder already names the sources, so the index needs nothing finer."""
        return self._tag

    def get_disambiguator(self) -> str:
        """The kernel's first line, as Numba's own locators use."""
        return str(self._lineno)

    @classmethod
    def from_function(cls, py_func, py_file: str):
        """A locator for a kernel of this package, or None (another file, ``NUMBA_CACHE_DIR`` set, or cache off)."""
        if config.CACHE_DIR or os.path.dirname(os.path.abspath(py_file)) != _HERE:
            return None
        root = cache_root()
        if root is None:
            return None
        self = cls(py_func, py_file, root)
        try:
            self.ensure_cache_path()
        except OSError:
            return None
        return self


def install() -> None:
    """Put :class:`KernelCacheLocator` first among Numba's locators (idempotent); must run before a kernel is decorated."""
    classes = caching.CacheImpl._locator_classes
    if KernelCacheLocator not in classes:
        classes.insert(0, KernelCacheLocator)
