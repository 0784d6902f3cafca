"""Run sweep points in-process, on a local process pool, or on a Dask cluster; same rows either way.

:func:`run_point` is the unit of work: it never raises for bad input; a point whose arch is
illegal (e.g. a buffer smaller than one tile) becomes a row with ``status = "error"`` and
the message, and the sweep goes on. Results are stored as each point finishes, so a killed
sweep resumes where it stopped.
"""

from __future__ import annotations

import functools
import itertools
import os
import time
from typing import Callable, Iterable, Iterator

from accelsim.errors import AccelsimError
from accelsim.pareto import pareto_front  # noqa: F401  (callers import it from here too)
from accelsim.sweep.db import Store
from accelsim.sweep.grid import Point


def _network(model: str):
    """The model of a point, parsed once per worker and file version (a Network is frozen, so points may share it)."""
    from accelsim.sweep.grid import model_digest
    return _parsed(model, model_digest(model))


@functools.lru_cache(maxsize=16)
def _parsed(model: str, digest: str):
    from accelsim.workload import load_model
    return load_model(model)


@functools.lru_cache(maxsize=4)
def _compressed(model: str, digest: str, passes: tuple[str, ...], weights: str, weights_digest: str):
    """``(network, weights, records)`` after ``passes`` on ``weights``: computed once per worker for every
    point (arch, batch, step) that shares them, as factors and masks do not depend on the chip."""
    from accelsim.api import _compress
    return _compress(_parsed(model, digest), passes, weights, 0)


def _simulate(point: Point, spec, train: bool, optimizer: str | None):
    """The point's Result; with weights, the compressed network and its arrays come from :func:`_compressed`."""
    from dataclasses import replace
    from accelsim.api import simulate
    from accelsim.sweep.grid import model_digest
    if point.weights is None:
        return simulate(_network(point.model), spec, point.batch, passes=point.passes(), train=train,
                        optimizer=optimizer)
    w_digest = point.weights if point.weights == "synthetic" else model_digest(point.weights)
    net, w, records = _compressed(point.model, model_digest(point.model), point.passes(), point.weights, w_digest)
    r = simulate(net, spec, point.batch, weights=w, train=train, optimizer=optimizer)
    return replace(r, compression=records) if records else r


def run_point(point: Point) -> dict:
    """Simulate one point; returns its row (metrics or error)."""
    from accelsim import __version__
    from accelsim.registry import load_arch
    from accelsim.sweep.grid import resolved_arch
    t0 = time.perf_counter()
    row = {"id": point.id, "model": point.model, "arch": point.arch, "batch": point.batch, "config": point.config(),
           "version": __version__, "arch_resolved": resolved_arch(point.arch, point.arch_overrides())[0]}
    try:
        train, optimizer = point.step()
        r = _simulate(point, load_arch(point.arch, point.arch_overrides()), train, optimizer)
        s = r.summary()
        row.update(status="ok", error="", cycles=r.cycles, latency_s=r.latency_s, energy_pj=r.total_energy_pj,
                   utilization=r.utilization, dram_bytes=r.dram_read_bytes + r.dram_write_bytes,
                   metrics={k: v for k, v in s.items() if not isinstance(v, dict)} | {"energy": s["energy_pj"]})
    except AccelsimError as e:
        row.update(status="error", error=str(e), metrics={})
    row["wall_s"] = time.perf_counter() - t0
    return row


def run_points(points: list[Point]) -> list[dict]:
    """:func:`run_point` for each of ``points``, in order (one task of a process pool)."""
    return [run_point(p) for p in points]


def run_points_one_thread(points: list[Point]) -> list[dict]:
    """:func:`run_points` with compression passes on one thread (a Dask task: the cluster's threads
    are the workers' already)."""
    from accelsim.compress.parallel import threads
    with threads(1):
        return run_points(points)


#: a sweep of more points than this runs only with ``accelsim sweep --yes`` (the CLI gives the count first)
LARGE_SWEEP = 10_000
#: local worker processes a sweep may start
MAX_WORKERS = 1024


def check_workers(workers) -> int:
    """``workers`` as an int in 1..:data:`MAX_WORKERS`; else an :class:`AccelsimError` naming ``--workers``."""
    if isinstance(workers, bool) or not isinstance(workers, int) or not 1 <= workers <= MAX_WORKERS:
        raise AccelsimError(f"must be an integer from 1 to {MAX_WORKERS} processes, got {workers!r}",
                            field="--workers")
    return workers


def preamble(plan, store: Store, workers: int, *, confirmed: bool, time_points: bool) -> str:
    """The line announcing a sweep: ``sweep: N points, about T each, T in all with W workers``; ``time_points``
    runs (and stores) its first points to time them when the store holds none. A sweep above
    :data:`LARGE_SWEEP` points is refused unless ``confirmed`` (``--yes``)."""
    if plan.count > LARGE_SWEEP and not confirmed:
        raise AccelsimError(f"{plan.count:,} points{estimate(plan, store, workers, run=False)}; "
                            f"a sweep above {LARGE_SWEEP:,} points runs only with --yes", field="sweep")
    return f"sweep: {plan.count:,} point{'s' * (plan.count != 1)}{estimate(plan, store, workers, run=time_points)}"


def estimate(plan, store: Store, workers: int, run: bool) -> str:
    """``", about T each, T in all with W workers"`` for ``plan`` (a :class:`accelsim.sweep.grid.Plan`): seconds
    per point from the rows ``store`` holds, else (with ``run``) from its first three points, run now and stored
    (the sweep then skips them); ``""`` with nothing to go by."""
    import statistics
    from accelsim.units import format_duration
    walls = [r["wall_s"] for r in store.rows()[:1000] if r.get("wall_s")]
    if not walls and run:
        for point in itertools.islice(plan.points(), 3):
            row = run_point(point)
            store.add(row)
            walls.append(row["wall_s"])
        walls = walls[1:] or walls  # the first pays for compiling the kernels once
    if not walls:
        return ""
    per = statistics.median(walls)
    return (f", about {format_duration(per)} each, {format_duration(per * plan.count / max(1, workers))} in all "
            f"with {workers} worker{'s' * (workers != 1)}")


def run_sweep(points: Iterable[Point], store: Store, workers: int = 1, scheduler=None,
              progress: Callable[[int, int | None], None] | None = None, total: int | None = None) -> list[dict]:
    """Run every point not yet in ``store``; returns all stored rows afterwards.

    ``points`` is a list, or an iterator (a :meth:`accelsim.sweep.grid.Plan.points`) consumed as the
    sweep goes, with ``total`` its length if known. ``workers`` > 1 uses a local process pool; ``scheduler``
    (a ``tcp://host:port`` address or a ``distributed.Client``) sends the points to a Dask cluster.
    ``progress(done, total)`` is called once before the first point (``done = 0``) and after each point.
    """
    check_workers(workers)
    done = store.done()
    if isinstance(points, (list, tuple)):
        todo: Iterable[Point] = [p for p in points if p.id not in done]
        total = len(todo)  # type: ignore[arg-type]
    else:
        todo = (p for p in points if p.id not in done)
        total = None if total is None else max(0, total - len(done))
    n = 0
    if progress:
        progress(0, total)  # the total is known before the first point finishes
    for row in _results(todo, workers, scheduler, total):
        store.add(row)
        n += 1
        if progress:
            progress(n, total)
    return store.rows()


def _results(todo: Iterable[Point], workers: int, scheduler, total: int | None) -> Iterable[dict]:
    if scheduler is not None:
        yield from _dask(list(todo), scheduler)
    elif workers > 1 and (total is None or total > 1):
        import concurrent.futures as cf
        import multiprocessing as mp
        # fork: the workers inherit the imported modules and Numba's compiled kernels
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
        chunks = _chunks(todo, workers, total)
        with cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_one_thread) as pool:
            # a few tasks per worker in flight: the points are made as the sweep goes, never all at once
            pending = {pool.submit(run_points, c) for c in itertools.islice(chunks, 4 * workers)}
            while pending:
                finished, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for f in finished:
                    yield from f.result()
                pending |= {pool.submit(run_points, c) for c in itertools.islice(chunks, len(finished))}
    else:
        for p in todo:
            yield run_point(p)


def _one_thread() -> None:
    """A sweep worker fits a compression pass's layers in one thread: the cores are the workers'."""
    from accelsim.compress.parallel import THREADS_ENV
    os.environ[THREADS_ENV] = "1"


def _chunks(todo: Iterable[Point], workers: int, total: int | None = None) -> Iterator[list[Point]]:
    """A few points per task: a point takes milliseconds to tens of ms, so one round trip per
    point would cost as much as the point; a killed run still loses only the tasks in flight."""
    if total is None and isinstance(todo, list):
        total = len(todo)
    size = max(1, min(8, (total if total is not None else 64 * workers) // (max(1, workers) * 8)))
    it = iter(todo)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _dask(todo: list[Point], scheduler) -> Iterable[dict]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise AccelsimError("needs the dask extra: pip install 'accelsim[dask]'", field="--scheduler") from None
    if isinstance(scheduler, Client):
        client = scheduler
    else:
        try:  # a short wait: an address that does not answer is the user's to fix, not a 30 s hang
            client = Client(scheduler, timeout="5s")
        except (OSError, TimeoutError, ValueError) as e:
            raise AccelsimError(f"cannot reach a Dask scheduler at {scheduler} within 5 s ({type(e).__name__}); "
                                "start one with `dask scheduler` or check the address", field="--scheduler") from None
    try:
        workers = max(1, sum(client.nthreads().values()))
        futures = client.map(run_points_one_thread, list(_chunks(todo, workers)), pure=False)
        for f in as_completed(futures):
            yield from f.result()
    finally:
        if client is not scheduler:
            client.close()
