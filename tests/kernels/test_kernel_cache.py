"""The kernels' cache folder is named by their source text: shared across installs, new on any edit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from accelsim.kernels import cache, folds

PKG = Path(cache.__file__).resolve().parents[1]


def test_kernels_cache_in_the_tag_folder():
    assert Path(folds.fold_schedule._cache._cache_path).name == cache.source_tag() or os.environ.get(
        "NUMBA_CACHE_DIR") or os.environ.get("ACCELSIM_KERNEL_CACHE", "").lower() in ("off", "0", "no")


def test_tag_follows_every_kernel_file_not_the_path(tmp_path):
    copy = tmp_path / "kernels"
    shutil.copytree(PKG / "kernels", copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert cache.source_tag(str(copy)) == cache.source_tag()
    # a helper a kernel inlines (not the kernel's own file) changes: a new tag, so nothing stale loads
    helper = copy / "dram_timing.py"
    helper.write_text(helper.read_text() + "\n# edited\n")
    cache.source_tag.cache_clear()
    assert cache.source_tag(str(copy)) != cache.source_tag()


def test_off_and_numba_cache_dir_fall_back_to_numba(monkeypatch):
    py_file = folds.__file__
    monkeypatch.setenv("ACCELSIM_KERNEL_CACHE", "off")
    assert cache.KernelCacheLocator.from_function(folds.fold_schedule.py_func, py_file) is None
    monkeypatch.delenv("ACCELSIM_KERNEL_CACHE")
    monkeypatch.setattr(cache.config, "CACHE_DIR", "/somewhere")
    assert cache.KernelCacheLocator.from_function(folds.fold_schedule.py_func, py_file) is None
    monkeypatch.setattr(cache.config, "CACHE_DIR", "")
    # a file outside the kernels package is not ours
    assert cache.KernelCacheLocator.from_function(folds.fold_schedule.py_func, os.__file__) is None


_SCRIPT = """
import numpy as np
from accelsim.kernels.folds import fold_schedule
args = [np.arange(5, dtype=np.int64), np.full(5, 3, np.int64), np.full(5, 7, np.int64), np.ones(5, np.int64),
        np.full(5, 2, np.int64), True]
fold_schedule(*args)
print(fold_schedule.stats.cache_hits.total(), fold_schedule.stats.cache_misses.total())
"""


def test_a_second_install_of_the_same_sources_loads_the_first_ones_kernels(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("NUMBA_CACHE_DIR", "PYTHONPATH")}
    env["ACCELSIM_KERNEL_CACHE"] = str(tmp_path / "cache")
    for site in ("a", "b"):
        shutil.copytree(PKG, tmp_path / site / "accelsim", ignore=shutil.ignore_patterns("__pycache__"))

    def run(site: str) -> tuple[int, int]:
        out = subprocess.run([sys.executable, "-c", _SCRIPT], env=env | {"PYTHONPATH": str(tmp_path / site)},
                             cwd=tmp_path, capture_output=True, text=True, timeout=300, check=True).stdout
        hits, misses = out.split()
        return int(hits), int(misses)

    assert run("a") == (0, 1)  # compiled, written to the shared folder
    assert run("b") == (1, 0)  # another install, same sources: loaded, not compiled
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [cache.source_tag()]


def test_prune_keeps_the_newest_and_the_recently_used(tmp_path):
    old = 1_000_000.0
    for i in range(cache.KEEP + 3):
        d = tmp_path / f"t{i:02d}"
        d.mkdir()
        os.utime(d, (old + i, old + i))
    fresh = tmp_path / "fresh"
    fresh.mkdir()  # touched now: another checkout may be using it, however many folders there are
    cache._prune(str(tmp_path), keep="t00")
    left = sorted(p.name for p in tmp_path.iterdir())
    # kept: the one being made (t00), the newest KEEP - 1 by time (fresh and the newest old ones)
    assert left == sorted(["t00", "fresh"] + [f"t{i:02d}" for i in range(cache.KEEP + 3 - (cache.KEEP - 2), cache.KEEP + 3)])
