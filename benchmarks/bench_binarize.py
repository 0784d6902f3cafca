"""BWN vs ADMM vs hashing binarization: relative output error per layer, and what each costs.

Run: OPENBLAS_NUM_THREADS=1 python benchmarks/bench_binarize.py [--models lenet5,resnet18] [--batch 8]
(prints figures; asserts nothing)

Three tables:

1. synthetic layers (He-normal ``W (16, 72)``), post-ReLU rows, i.i.d. and mixed across inputs
   (correlated); the codes are fitted on 600 rows and the error is measured on those rows
   (in-sample) and on 600 fresh ones (held out);
2. ``models/onnx/tiny_cnn.onnx`` with the weights stored in its initializers, read by
   ``accelsim.compress.load_onnx_weights`` (BatchNorm folded into conv1 as the loader folds it).
   They are the file's own seeded N(0, 0.1^2) draws, not trained weights: no trained ONNX file
   ships with the repository;
3. each zoo model named by ``--models``, with seeded synthetic weights.

Tables 2 and 3 are the passes' own records: calibration on seeded post-ReLU inputs, output error
on a seeded batch of ``--batch`` images the solver never saw (``accelsim.compress.record``).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from accelsim.compress import admm, bwn, hashing, load_onnx_weights, synthetic_weights, twn
from accelsim.compress.admm import admm_fit
from accelsim.compress.hashing import hash_fit
from accelsim.compress.outputfit import gram_of
from accelsim.compress.quantize import bwn_weights
from accelsim.workload import load_model

ROOT = Path(__file__).resolve().parents[1]
PASSES = (("bwn", bwn, {}), ("admm", admm, {}), ("hash", hashing, {}), ("twn:pc", twn, {"per_channel": True}),
          ("admm:ternary", admm, {"constraint": "ternary"}))


def synthetic_table() -> None:
    print("1. synthetic layer W (16, 72), He-normal; relative output error ||X(W - aB)^T|| / ||XW^T||")
    print(f"{'inputs':>12} {'seed':>4} | {'BWN':>7} {'ADMM':>7} {'hash':>7} (in-sample) | "
          f"{'BWN':>7} {'ADMM':>7} {'hash':>7} (held out)")
    for corr in (False, True):
        for seed in range(3):
            rng = np.random.default_rng(seed)
            k = 72
            w = rng.standard_normal((16, k)) * np.sqrt(2 / k)
            mix = np.eye(k) + rng.standard_normal((k, k)) * 0.5 if corr else np.eye(k)
            x, xt = (np.maximum(rng.standard_normal((600, k)), 0) @ mix for _ in range(2))
            g = gram_of(x, None)
            bc, ba = bwn_weights(w)
            qs = [bc * ba.reshape(-1, 1)]
            for fit in (admm_fit, hash_fit):
                c, a, _ = fit(g, w)
                qs.append(c * a[:, None])
            err = [[np.linalg.norm(r @ (w - q).T) / np.linalg.norm(r @ w.T) for q in qs] for r in (x, xt)]
            print(f"{'correlated' if corr else 'i.i.d.':>12} {seed:>4} | " + " ".join(f"{e:7.4f}" for e in err[0])
                  + "             | " + " ".join(f"{e:7.4f}" for e in err[1]))


def net_table(title: str, net, weights, batch: int) -> None:
    print(f"\n{title}: relative output error per layer (held-out batch of {batch}); pass time")
    recs, times = {}, {}
    for label, fn, kw in PASSES:
        t0 = time.perf_counter()
        _, _, rec = fn(net, weights, batch=batch, **kw)
        times[label] = time.perf_counter() - t0
        recs[label] = dict(rec.output_error)
    names = list(recs["bwn"])
    width = max(len(n) for n in names)
    print(f"{'layer':<{width}} " + " ".join(f"{label:>12}" for label, _, _ in PASSES))
    for n in names:
        print(f"{n:<{width}} " + " ".join(f"{recs[label][n]:12.4f}" for label, _, _ in PASSES))
    print(f"{'mean':<{width}} " + " ".join(f"{np.mean(list(recs[label].values())):12.4f}" for label, _, _ in PASSES))
    print(f"{'time (s)':<{width}} " + " ".join(f"{times[label]:12.1f}" for label, _, _ in PASSES))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", default="lenet5", help="comma-separated zoo models (synthetic weights)")
    ap.add_argument("--batch", type=int, default=8, help="images in the held-out measurement batch")
    args = ap.parse_args()
    synthetic_table()
    onnx_path = ROOT / "models" / "onnx" / "tiny_cnn.onnx"
    net = load_model(str(onnx_path))
    net_table("2. tiny_cnn.onnx, weights from its initializers", net, load_onnx_weights(onnx_path, net), args.batch)
    for i, name in enumerate(m for m in args.models.split(",") if m):
        net = load_model(name)
        net_table(f"{3 + i}. {name}, synthetic weights (seed 0)", net, synthetic_weights(net, 0), args.batch)


if __name__ == "__main__":
    main()
