"""A kernel whose machine code is not at hand yet runs as Python while a detached process compiles it.

Compiling the engine's kernels takes 20-30 CPU-s (the DRAM timing loop alone about 20 s), which a
first run after installing would otherwise pay before it prints anything. :func:`call` runs a
Numba kernel compiled when that code is already loaded or in Numba's on-disk cache; when it is
not and the job is small, it runs the kernel's own statements in CPython (``kernel.py_func``: the
same code, so the same integers; ``tests/kernels/test_coldstart.py`` holds the two equal) and
starts a detached, niced process that compiles the kernel for these argument types, so the next
run finds it in the cache. A big job compiles in the foreground, as before.

``ACCELSIM_NO_BACKGROUND_COMPILE=1`` turns the Python path and the background process off (the
test suite sets it, so no process outlives a test): a cold kernel compiles in the foreground.

Concurrent runs are safe: Numba writes its cache files through a temporary file and a rename,
and a lock file beside them (``O_EXCL``, taken stale after :data:`STALE_S`) keeps two cold runs
from starting two compiles of the same kernel.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time

#: a compile lock older than this is a compile that died (seconds)
STALE_S = 900.0
#: None: decide per call; "python" / "compiled": force a path (tests and benchmarks)
FORCE: str | None = None
#: what the last :func:`call` ran: "compiled" or "python" (tests read it)
last_path = ""
_pending: list[dict] = []


def disabled() -> bool:
    """True when ``ACCELSIM_NO_BACKGROUND_COMPILE=1``: cold kernels compile in the foreground."""
    return os.environ.get("ACCELSIM_NO_BACKGROUND_COMPILE", "") not in ("", "0")


def call(kernel, *args, small: bool = True):
    """``kernel(*args)``, compiled if its code for these argument types is loaded or cached, else see module doc.

    ``small``: the caller's estimate that the job runs in CPython in a second or two; a big
    job compiles here instead of running slowly as Python.
    """
    global last_path
    if FORCE == "python":
        last_path = "python"
        return kernel.py_func(*args)
    if FORCE == "compiled" or disabled() or not small:
        last_path = "compiled"
        return kernel(*args)
    sig = _signature(kernel, args)
    if sig is None or _load(kernel, sig):
        last_path = "compiled"
        return kernel(*args)
    _compile_later(kernel, sig)
    last_path = "python"
    return kernel.py_func(*args)


def _signature(kernel, args) -> tuple | None:
    """The Numba argument types ``kernel`` would be compiled for (None: not a Numba dispatcher)."""
    try:
        return tuple(kernel.typeof_pyval(a) for a in args)
    except Exception:  # not a dispatcher, or Numba changed: just call the kernel
        return None


def _load(kernel, sig: tuple) -> bool:
    """True if ``kernel`` has machine code for ``sig`` in memory, or loads it now from Numba's cache.

    What ``Dispatcher.compile`` does before it compiles, without compiling.
    """
    try:
        from numba.core.compiler_lock import global_compiler_lock
        with global_compiler_lock:
            if kernel.overloads.get(sig) is not None:
                return True
            cres = kernel._cache.load_overload(sig, kernel.targetctx)
            if cres is None:
                return False
            kernel._cache_hits[sig] += 1
            if not cres.objectmode:
                kernel.targetctx.insert_user_function(cres.entry_point, cres.fndesc, [cres.library])
            kernel.add_overload(cres)
            return True
    except Exception:  # Numba's internals moved: behave as before (compile on call)
        return True


def _lock_path(kernel, sig: tuple) -> str | None:
    """The lock file of a compile of ``kernel`` for ``sig``, beside Numba's cache files for it."""
    try:
        folder = kernel._cache._cache_path
    except Exception:
        return None
    key = hashlib.sha1(repr((kernel.py_func.__module__, kernel.py_func.__qualname__, sig)).encode()).hexdigest()[:16]
    return os.path.join(folder, f"accelsim-compiling-{key}.lock")


def _take_lock(path: str) -> bool:
    """Create ``path`` exclusively (stealing it if stale); False if another compile holds it."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    for _ in range(2):
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
            return True
        except FileExistsError:
            try:
                if time.time() - os.path.getmtime(path) < STALE_S:
                    return False
                os.unlink(path)
            except OSError:
                return False
    return False


def _compile_later(kernel, sig: tuple) -> None:
    """Queue ``kernel`` for ``sig`` for the background compile, unless another process is compiling it."""
    try:
        lock = _lock_path(kernel, sig)
        if lock is None or not _take_lock(lock):
            return
        if not _pending:
            atexit.register(_spawn)
        _pending.append({"module": kernel.py_func.__module__, "name": kernel.py_func.__name__, "sig": sig,
                         "lock": lock})
    except Exception:  # a compile for later is a courtesy: never fail the run over it
        pass


def _spawn() -> None:
    """At exit, start one detached process compiling every queued kernel (so it never slows this run)."""
    jobs = list(_pending)
    _pending.clear()
    if not jobs:
        return
    try:
        fd, job = tempfile.mkstemp(prefix="accelsim-compile-", suffix=".pkl")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(jobs, f)
        cmd = [sys.executable, "-m", "accelsim.kernels.coldstart", job]
        # run from the folder holding this accelsim, so that `-m` imports this copy and not one in the cwd
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        sh = shutil.which("sh")
        if sh:
            # sh backgrounds the compiler and exits at once; once reaped here, the compiler's parent
            # is init, so it never lingers as a zombie of this process, however long this one lives
            subprocess.run([sh, "-c", '"$@" </dev/null >/dev/null 2>&1 &', "sh", *cmd], cwd=root, timeout=30,
                           check=False)
        else:
            subprocess.Popen(cmd, cwd=root, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
    except Exception:
        for spec in jobs:
            _unlock(spec["lock"])


def _unlock(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _compile_job(job: str) -> None:
    """The background process: compile the kernels listed in ``job`` (a pickle), dropping each one's lock."""
    with open(job, "rb") as f:
        specs = pickle.load(f)
    os.unlink(job)
    os.nice(10)
    for spec in specs:
        try:
            getattr(importlib.import_module(spec["module"]), spec["name"]).compile(spec["sig"])
        except Exception:  # the next run compiles it in the foreground, or tries again
            pass
        finally:
            _unlock(spec["lock"])


if __name__ == "__main__":
    _compile_job(sys.argv[1])
