"""The figures README.md quotes from accelsim's own runs, computed and printed one per line.

Run: python benchmarks/readme_figures.py           (about a minute on a busy 2-core machine)

Each line is ``key value unit  # what it is``. ``tests/test_readme_figures.py`` runs this script and
compares every value with the figure README quotes for it, at the precision README quotes it
(README's number must equal this one rounded to README's digits). All figures are simulated
cycles and bytes, so they are the same on every machine; speed figures live in the other
``bench_*.py`` scripts.
"""

from __future__ import annotations

import accelsim
from accelsim.registry import load_arch
from accelsim.workload import load_model


def _speedup(model: str, arch: str, base: dict, other: dict, base_passes=(), other_passes=()) -> float:
    slow = accelsim.simulate(model, load_arch(arch, base), passes=tuple(base_passes)).cycles
    fast = accelsim.simulate(model, load_arch(arch, other), passes=tuple(other_passes)).cycles
    return slow / fast


def figures() -> list[tuple[str, float, str, str]]:
    """``(key, value, unit, description)`` of every README figure this script computes."""
    from accelsim.families.systolic.validate import app_results, lstm1_tile_latency_s
    out = []
    tpu = load_arch("tpu-v1")
    out.append(("tpu_peak", 2 * tpu.peak_macs_per_s / 1e12, "TOPS", "TPU v1 peak, 8-bit"))
    out.append(("lstm1_256", lstm1_tile_latency_s(256) * 1e6, "us", "LSTM1 600x600 tile latency on 256x256"))
    out.append(("lstm1_512", lstm1_tile_latency_s(512) * 1e6, "us", "the same on 512x512"))
    mlp0 = next(a for a in app_results() if a.name == "MLP0")
    out.append(("mlp0", mlp0.tops, "TOPS", "MLP0 at batch 200 on TPU v1"))
    r50, mv2 = (accelsim.simulate(m, tpu) for m in ("resnet50", "mobilenet_v2"))
    out.append(("mac_ratio_r50_mv2", r50.macs / mv2.macs, "x", "ResNet-50 MACs over MobileNet-V2's"))
    out.append(("mv2_ms", mv2.latency_s * 1e3, "ms", "MobileNet-V2 on TPU v1, batch 1"))
    out.append(("r50_ms", r50.latency_s * 1e3, "ms", "ResNet-50 on TPU v1, batch 1"))
    sparse = {"array.structured": "2:4"}
    out.append(("nm24_sparse_mode", _speedup("resnet18", "systolic-32x32", sparse, sparse, (), ("nm:2:4",)), "x",
                "ResNet-18 pruned nm:2:4 on systolic-32x32's 2:4 mode, over dense"))
    out.append(("magnitude_sparse_mode", _speedup("resnet18", "systolic-32x32", sparse, sparse, (), ("magnitude:0.5",)),
                "x", "ResNet-18 pruned magnitude:0.5 on the 2:4 mode, over dense"))
    out.append(("nm24_dense_array", _speedup("resnet18", "systolic-32x32", {}, {}, (), ("nm:2:4",)), "x",
                "ResNet-18 pruned nm:2:4 on the dense array, over dense"))
    out.append(("bitmap_fc", _speedup("alexnet_fc", "tpu-v1", {}, {"memory.weight_format": "bitmap"},
                                      ("magnitude:0.9",), ("magnitude:0.9",)), "x",
                "AlexNet FC pruned to 10 % on TPU v1: bitmap-stored over dense-stored"))
    dense = accelsim.simulate("alexnet_fc", tpu).dram_read_bytes
    csr = accelsim.simulate("alexnet_fc", load_arch("tpu-v1", {"memory.weight_format": "csr"})).dram_read_bytes
    out.append(("csr_dense_bytes", csr / dense, "x", "dense AlexNet FC stored as CSR: DRAM bytes over dense-stored"))
    out.append(("magnitude_r18_tpu", _speedup("resnet18", "tpu-v1", {}, {}, (), ("magnitude:0.9",)), "x",
                "ResNet-18 pruned magnitude:0.9 on TPU v1, over dense"))
    vgg = accelsim.simulate("vgg16", tpu)
    svd = accelsim.simulate("vgg16", tpu, passes=("svd:0.25@fc6,fc7,fc8",))
    out.append(("svd_vgg16_speedup", vgg.cycles / svd.cycles, "x", "VGG-16 with svd:0.25@fc6,fc7,fc8 on TPU v1"))
    out.append(("svd_vgg16_mac_cut", 100 * (1 - svd.macs / vgg.macs), "%", "the MACs that SVD removes"))
    return out


def main() -> None:
    for key, value, unit, what in figures():
        print(f"{key} {value:.6g} {unit}  # {what}")


if __name__ == "__main__":
    main()
