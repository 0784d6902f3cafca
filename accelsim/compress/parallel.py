"""A compression pass's layers fitted side by side, in threads.

A pass fits each layer on its own (its weights, its calibration rows, its seed), so the fits can
run at once. Threads, not processes: NumPy's BLAS products, sorts and element-wise loops and the
compiled kernels (``nogil``) release the GIL, and the weights are shared rather than copied into
workers. A layer's fit runs whole in one thread, in the order it always runs, so its result is
the same whatever the number of threads (a test holds 1 and 2 threads equal); only the order in
which layers finish changes, and results are handed back in layer order.

The number of threads is ``ACCELSIM_THREADS`` if set, else the cores this process may use (at
most :data:`MAX_THREADS`); a sweep's worker processes each run their points with one thread, the
cores being theirs already. Each running fit holds its layer's working arrays; a pass that says
what a fit costs (say, its layer's weights) gets fits started only while those running together
cost no more than its largest one alone, so the threads add little to the pass's peak memory.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import threading
from concurrent.futures import Future
from typing import Any, Callable, Iterator, TypeVar

from accelsim.errors import AccelsimError

#: the environment variable naming the threads a pass may use
THREADS_ENV = "ACCELSIM_THREADS"
#: threads used at most by default (a pass's layers rarely keep more busy)
MAX_THREADS = 8

T = TypeVar("T")

_forced: contextvars.ContextVar[int | None] = contextvars.ContextVar("threads", default=None)


def layer_threads() -> int:
    """Threads a pass fits its layers with: :func:`threads`' setting, else ``ACCELSIM_THREADS``,
    else the usable cores (at most :data:`MAX_THREADS`)."""
    forced = _forced.get()
    if forced is not None:
        return forced
    text = os.environ.get(THREADS_ENV, "").strip()
    if text:
        try:
            n = int(text)
        except ValueError:
            n = 0
        if n < 1:
            raise AccelsimError(f"must be a whole number of threads, at least 1, got {text!r}", field=THREADS_ENV)
        return n
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(MAX_THREADS, cores))


@contextlib.contextmanager
def threads(n: int):
    """Within the block, passes use ``n`` threads (a sweep worker's 1, a test's setting)."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise AccelsimError(f"must be a whole number of threads, at least 1, got {n!r}", field="threads")
    token = _forced.set(n)
    try:
        yield
    finally:
        _forced.reset(token)


class _Later:
    """A future run in the caller's thread when its result is first asked for (one thread: the
    layers then run one at a time, in the order their results are taken, as they always did)."""

    def __init__(self, fn: Callable[[T], Any], item: T):
        self._fn, self._item, self._done, self._value = fn, item, False, None

    def result(self) -> Any:
        if not self._done:
            self._value, self._done = self._fn(self._item), True
            self._fn = self._item = None  # drop the inputs once used
        return self._value


class _Gang:
    """``n`` threads taking items in order, each starting only while the costs of the items
    running stay within ``budget`` (an item that is alone always starts): a large layer then runs
    beside small ones instead of beside another large one, and the peak memory stays near one
    large layer's."""

    def __init__(self, fn: Callable[[T], Any], items: list[T], costs: list[float], n: int, budget: float):
        self._fn, self._todo = fn, list(zip(items, costs, [Future() for _ in items]))
        self.futures = [f for _, _, f in self._todo]
        self._budget, self._load, self._running, self._closed = budget, 0.0, 0, False
        self._cv = threading.Condition()
        self._threads = [threading.Thread(target=self._work, name=f"accelsim-layer-{i}", daemon=True)
                         for i in range(min(n, len(items)))]
        for t in self._threads:
            t.start()

    def _take(self):
        with self._cv:
            while True:
                if self._closed or not self._todo:
                    return None
                for i, (_, cost, _) in enumerate(self._todo):
                    if self._running == 0 or self._load + cost <= self._budget:
                        self._running += 1
                        self._load += cost
                        return self._todo.pop(i)
                self._cv.wait()

    def _work(self) -> None:
        while (job := self._take()) is not None:
            item, cost, fut = job
            try:
                fut.set_result(self._fn(item))
            except BaseException as e:  # handed to whoever asks for the result
                fut.set_exception(e)
            finally:
                with self._cv:
                    self._running -= 1
                    self._load -= cost
                    self._cv.notify_all()

    def close(self, wait: bool) -> None:
        with self._cv:
            self._closed = True
            for _, _, f in self._todo:
                f.cancel()
            self._cv.notify_all()
        if wait:
            for t in self._threads:
                t.join()


#: arrays at least this large (bytes) are mapped from the OS and handed back when freed
MMAP_THRESHOLD = 16 << 20
_malloc_tuned = False


def _tune_malloc() -> None:
    """Fix glibc's mmap threshold at :data:`MMAP_THRESHOLD` and keep one heap for all threads (once,
    the first time a pass runs on several threads; on glibc only, process-wide).

    glibc raises its threshold after each large free (up to 32 MiB), so later layer-sized arrays
    come from the heaps, and with threads from one heap per thread, whose freed memory the process
    keeps. ResNet-50 on 2 threads, peak MB before -> after: admm 478-508 -> 445-449, admm:ternary
    468-497 -> 441-470, admm:pow2:3 481-495 -> 454-460; no slower (the arrays are few and large,
    the heap lock uncontended)."""
    global _malloc_tuned
    if _malloc_tuned:
        return
    _malloc_tuned = True
    try:
        import ctypes
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, MMAP_THRESHOLD)  # M_MMAP_THRESHOLD
        libc.mallopt(-8, 1)  # M_ARENA_MAX
    except (OSError, AttributeError):  # not glibc: its own allocator, nothing to tune
        pass


#: fits running at once may cost this share more than the largest fit alone. 0: the pass's peak is
#: that of its largest layer's fit. ResNet-50 admm:ternary on 2 threads: 0.25 gave 512-561 MB where
#: one thread peaks at 398-423 MB; 0 gives 471-498 MB.
SLACK = 0.0


@contextlib.contextmanager
def layer_map(fn: Callable[[T], Any], items: list[T], cost: Callable[[T], float] | None = None,
              n: int | None = None) -> Iterator[list]:
    """Futures of ``fn(item)`` for ``items``, in their order (``f.result()``).

    With one thread (``n``, else :func:`layer_threads`) nothing runs until a result is asked
    for, so the layers run one at a time in the order their results are taken. With more, the
    items start in order, ``n`` at a time, while the running items' ``cost`` (say, the weights a
    layer's fit holds) stays within ``1 +`` :data:`SLACK` times the largest cost. Leaving the
    block on an error drops the items not yet started.
    """
    items = list(items)
    n = layer_threads() if n is None else n
    if n <= 1 or len(items) <= 1:
        yield [_Later(fn, it) for it in items]
        return
    _tune_malloc()
    costs = [float(cost(it)) if cost else 1.0 for it in items]
    gang = _Gang(fn, items, costs, n, (1 + SLACK) * max(costs) if cost else float("inf"))
    ok = False
    try:
        yield gang.futures
        ok = True
    finally:
        gang.close(wait=ok)  # on an error (Ctrl-C included) the running fits are left to end alone
