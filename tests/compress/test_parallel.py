"""Layers fitted side by side in threads: same results as one thread, in layer order, within the
cost budget; errors reach the caller; the thread setting is checked like any other input."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from accelsim.compress import apply_passes, parallel, synthetic_weights
from accelsim.errors import AccelsimError


def test_results_come_back_in_item_order_whatever_finishes_first():
    def fn(i):
        time.sleep(0.002 * (5 - i))  # the first items finish last
        return i * i
    with parallel.layer_map(fn, range(6), n=3) as futures:
        assert [f.result() for f in futures] == [i * i for i in range(6)]


def test_one_thread_runs_each_item_when_its_result_is_taken():
    ran = []
    with parallel.layer_map(lambda i: ran.append(i) or i, [3, 1, 2], n=1) as futures:
        assert ran == []
        assert futures[1].result() == 1 and ran == [1]
        assert futures[1].result() == 1 and ran == [1]  # once only
        assert [f.result() for f in futures] == [3, 1, 2] and ran == [1, 3, 2]


def test_running_costs_stay_within_the_budget():
    """Several threads, but the items running at once never cost more than (1 + SLACK) times the
    largest item (an item alone always runs): a pass's peak memory stays near its largest layer's.
    Smaller items still run side by side."""
    costs = [8, 5, 4, 3, 3, 2, 1, 1, 1, 6]
    lock, load, running, seen = threading.Lock(), [0], [0], []

    def fn(i):
        with lock:
            load[0] += costs[i]
            running[0] += 1
            seen.append((load[0], running[0]))
        time.sleep(0.01)
        with lock:
            load[0] -= costs[i]
            running[0] -= 1
        return i
    with parallel.layer_map(fn, range(len(costs)), lambda i: costs[i], n=4) as futures:
        assert [f.result() for f in futures] == list(range(len(costs)))
    assert max(ld for ld, _ in seen) <= (1 + parallel.SLACK) * max(costs)
    assert max(r for _, r in seen) >= 2


def test_small_items_run_beside_each_other():
    lock, running, most = threading.Lock(), [0], [0]

    def fn(i):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.02)
        with lock:
            running[0] -= 1
    costs = [3.0] + [1.0] * 8  # after the large one, three small ones fit its budget at a time
    with parallel.layer_map(fn, range(len(costs)), lambda i: costs[i], n=3) as futures:
        [f.result() for f in futures]
    assert most[0] == 3
    running[0] = most[0] = 0
    with parallel.layer_map(fn, range(8), n=3) as futures:  # no costs: as many as there are threads
        [f.result() for f in futures]
    assert most[0] == 3


def test_an_error_in_one_item_reaches_its_result_and_stops_the_rest():
    started = []

    def fn(i):
        started.append(i)
        if i == 1:
            raise ValueError("bad layer")
        time.sleep(0.01)
        return i
    with pytest.raises(ValueError, match="bad layer"):
        with parallel.layer_map(fn, range(40), n=2) as futures:
            for f in futures:
                f.result()
    time.sleep(0.05)
    assert len(started) < 40  # the items not yet started were dropped


@pytest.mark.parametrize("text", ["0", "-2", "two", "1.5"])
def test_a_bad_thread_count_names_the_variable(monkeypatch, text):
    monkeypatch.setenv(parallel.THREADS_ENV, text)
    with pytest.raises(AccelsimError, match=f"{parallel.THREADS_ENV}: must be a whole number of threads, at least 1"):
        parallel.layer_threads()


def test_thread_count_from_the_environment_and_the_context(monkeypatch):
    monkeypatch.setenv(parallel.THREADS_ENV, "3")
    assert parallel.layer_threads() == 3
    with parallel.threads(1):
        assert parallel.layer_threads() == 1
    assert parallel.layer_threads() == 3
    monkeypatch.delenv(parallel.THREADS_ENV)
    assert 1 <= parallel.layer_threads() <= parallel.MAX_THREADS
    with pytest.raises(AccelsimError):
        with parallel.threads(0):
            pass


def _same(a, b):
    assert a.keys() == b.keys()
    for name in a:
        assert a[name].keys() == b[name].keys(), name
        for k in a[name]:
            np.testing.assert_array_equal(a[name][k], b[name][k], err_msg=f"{name}.{k}")


@pytest.mark.parametrize("spec", ["ffn", "hash", "admm:ternary", "admm:pow2:3"])
def test_a_pass_gives_the_same_weights_and_record_on_one_thread_and_on_three(tiny_cnn, spec):
    w = synthetic_weights(tiny_cnn, 0)
    with parallel.threads(1):
        net1, w1, rec1 = apply_passes(tiny_cnn, w, [spec])
    with parallel.threads(3):
        net3, w3, rec3 = apply_passes(tiny_cnn, w, [spec])
    assert net1 == net3
    _same(w1, w3)
    assert rec1 == rec3


def test_sweep_workers_fit_layers_on_one_thread(monkeypatch):
    """Sweep worker processes and Dask tasks own their cores already: their passes use one thread."""
    from accelsim.sweep import execute
    monkeypatch.setenv(parallel.THREADS_ENV, "4")
    seen = []
    monkeypatch.setattr(execute, "run_point", lambda p: seen.append(parallel.layer_threads()) or {})
    assert execute.run_points_one_thread([object(), object()]) == [{}, {}]
    assert seen == [1, 1] and parallel.layer_threads() == 4
    execute._one_thread()  # a local worker's initializer
    assert parallel.layer_threads() == 1
