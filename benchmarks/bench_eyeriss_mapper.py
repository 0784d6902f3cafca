"""Row-stationary mapper speed: candidate mappings evaluated per second, Numba kernel vs NumPy twin.

Run: python benchmarks/bench_eyeriss_mapper.py   (prints figures; asserts nothing)
"""

from __future__ import annotations

import time

import numpy as np

from accelsim.registry import load_arch
from accelsim.kernels.rs_mapper import rs_search, rs_search_ref
from accelsim.families.eyeriss.lower import _arch_vectors, conv_problem
from accelsim.workload import load_model


def candidates(layer, arch) -> int:
    """How many mappings the search enumerates (same loops as the kernel)."""
    N, M, C, H, W, R, S, E, F, U = (int(x) for x in layer)
    rows, cols, fsp, isp, psp = (int(x) for x in arch[:5])
    count = 0
    for _n in range(N):
        es = sorted({-(-E // k) for k in range(1, E + 1)})
        for e in es:
            if R > rows:
                continue
            cap = (rows // R) * (cols // e) if e <= cols else rows // (R * -(-e // cols))
            for p in range(1, min(psp, M) + 1):
                for q in range(1, min(C, isp // S) + 1):
                    if p * q * S > fsp:
                        break
                    count += sum(1 for t in range(1, min(cap, -(-M // p)) + 1) if min(cap // t, -(-C // q)) >= 1)
    return count


def main() -> None:
    arch = load_arch("eyeriss")
    a, c = _arch_vectors(arch)
    d = np.ones(4)
    for model, batch in (("alexnet", 4), ("vgg16", 3), ("resnet50", 1)):
        net = load_model(model)
        probs = [conv_problem(l, batch).as_array() for l in net.layers if l.op == "conv2d"]
        rs_search(probs[0], a, c, d, 0)  # compile / load cache
        n = sum(candidates(p, a) for p in probs)
        t0 = time.perf_counter()
        for p in probs:
            rs_search(p, a, c, d, 0)
        t_fast = time.perf_counter() - t0
        t0 = time.perf_counter()
        for p in probs[:3]:
            rs_search_ref(p, a, c, d, 0)
        t_ref = time.perf_counter() - t0
        n3 = sum(candidates(p, a) for p in probs[:3])
        print(f"{model:9s} batch {batch}: {len(probs):2d} conv layers, {n:>10,} mappings; Numba {t_fast:.3f} s "
              f"({n / t_fast / 1e6:.1f} M mappings/s); NumPy twin {n3 / t_ref / 1e6:.2f} M mappings/s")


if __name__ == "__main__":
    main()
