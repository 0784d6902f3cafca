"""Loading real ONNX graphs: wall time and peak memory per model (the issue-17 "VGG-19 took 3.4 GB" check).

Run: python benchmarks/bench_onnx_load.py [--with-weights]
(prints figures; asserts nothing)

Each load runs in a fresh Python process so its peak resident set (VmHWM) is its own; the
baseline row is that process importing accelsim and onnx and nothing else. The models are the nine
``light_*`` graphs the onnx wheel ships (every weight a ``ConstantOfShape``). ``--with-weights`` also
writes VGG-19 with every weight stored as float32 bytes (575 MB, as the model zoo's full file holds
them) to a temporary directory and loads that: the loader drops the bytes before shape inference.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the parent, VmHWM belongs to the new image
_CHILD = """
import json, sys, time
import onnx
from accelsim.workload.onnx_loader import load_onnx
def hwm():
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
t0 = time.perf_counter()
net = load_onnx(sys.argv[1]) if sys.argv[1] != "-" else None
wall = time.perf_counter() - t0
print(json.dumps({"wall_s": wall, "peak_kib": hwm(), "layers": len(net.layers) if net else 0,
                  "gmacs": net.macs / 1e9 if net else 0.0}))
"""


def measure(path: str) -> dict:
    """Load ``path`` in a fresh process; its wall time (s), peak RSS (KiB) and the network's size."""
    out = subprocess.run([sys.executable, "-c", _CHILD, path], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def with_weights(light: Path, out: Path) -> Path:
    """``light`` with each ConstantOfShape replaced by a stored float32 initializer of its shape (bytes)."""
    import numpy as np
    import onnx
    from onnx import numpy_helper

    model = onnx.load(light)
    shapes = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    keep = []
    for node in model.graph.node:
        if node.op_type == "ConstantOfShape":
            dims = [int(d) for d in shapes[node.input[0]]]
            model.graph.initializer.append(numpy_helper.from_array(np.full(dims, 0.02, np.float32), node.output[0]))
            # IR version 3 (this file's) lists every initializer among the graph inputs, as the zoo's full file does
            model.graph.input.append(onnx.helper.make_tensor_value_info(node.output[0], onnx.TensorProto.FLOAT, dims))
        else:
            keep.append(node)
    del model.graph.node[:]
    model.graph.node.extend(keep)
    onnx.save(model, out)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--with-weights", action="store_true", help="also load VGG-19 with its 575 MB of weights")
    args = ap.parse_args()
    import onnx

    light = Path(onnx.__file__).parent / "backend" / "test" / "data" / "light"
    base = measure("-")
    print(f"baseline process (python + accelsim + onnx imported): peak RSS {base['peak_kib'] / 1024:.0f} MiB")
    print(f"{'model':28s} {'file':>9s} {'layers':>6s} {'GMAC':>7s} {'load':>8s} {'peak RSS':>9s} {'over base':>9s}")
    paths = sorted(light.glob("light_*.onnx"))
    tmp = tempfile.TemporaryDirectory()
    if args.with_weights:
        paths.append(with_weights(light / "light_vgg19.onnx", Path(tmp.name) / "vgg19_with_weights.onnx"))
    for path in paths:
        r = measure(str(path))
        size = path.stat().st_size
        print(f"{path.stem:28s} {size / 2**20:8.2f}M {r['layers']:6d} {r['gmacs']:7.3f} {r['wall_s'] * 1e3:6.0f}ms "
              f"{r['peak_kib'] / 1024:7.0f}Mi {(r['peak_kib'] - base['peak_kib']) / 1024:7.0f}Mi")
    tmp.cleanup()


if __name__ == "__main__":
    main()
